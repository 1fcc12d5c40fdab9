// The dashboard's only way to the server: GET requests to /api, errors in the API's error shape.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** GET a JSON resource; parameters that are empty, null or undefined are left out. */
export async function getJSON(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(name, String(value));
  }
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = body && body.error ? body.error : { code: "http_error", message: `HTTP ${response.status}` };
    throw new ApiError(response.status, error.code, error.message);
  }
  return body;
}

export const paths = {
  stats: () => "/api/stats",
  events: () => "/api/events",
  event: (id) => `/api/events/${encodeURIComponent(id)}`,
  document: (id) => `/api/documents/${encodeURIComponent(id)}`,
  actors: () => "/api/actors",
  timeline: () => "/api/timeline",
  network: () => "/api/network",
};
