// An offline reading of /openapi.json: every operation with its parameters and responses.
// (FastAPI's Swagger UI page loads its scripts from a CDN, which this server never does.)

import { getJSON } from "./api.js";
import { el } from "./dom.js";

function schemaName(schema) {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.anyOf) return schema.anyOf.map(schemaName).join(" | ");
  if (schema.type === "array") return `${schemaName(schema.items)}[]`;
  return schema.type || "";
}

function parameterRows(parameters) {
  return parameters.map((p) => el("tr", {},
    el("td", {}, el("code", {}, p.name)), el("td", {}, p.in), el("td", {}, schemaName(p.schema)),
    el("td", {}, p.required ? "required" : ""), el("td", {}, p.description || "")));
}

function operation(path, method, op) {
  const responses = Object.entries(op.responses || {}).map(([status, r]) => {
    const schema = r.content && r.content["application/json"] ? r.content["application/json"].schema : null;
    return el("li", {}, el("code", {}, status), " ", r.description || "", schema ? ` → ${schemaName(schema)}` : "");
  });
  return el("article", { class: "doc", "data-testid": "operation" },
    el("h3", {}, el("code", {}, `${method.toUpperCase()} ${path}`), " ", op.summary || ""),
    op.parameters && op.parameters.length
      ? el("table", {}, el("thead", {}, el("tr", {}, ["name", "in", "type", "", "description"].map((h) => el("th", {}, h)))),
        el("tbody", {}, parameterRows(op.parameters)))
      : null,
    el("ul", {}, responses));
}

async function start() {
  const spec = await getJSON("/openapi.json");
  document.getElementById("api-version").textContent = `version ${spec.info.version}`;
  document.getElementById("api-description").textContent = spec.info.description || "";
  const list = document.getElementById("operations");
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) list.appendChild(operation(path, method, op));
  }
}

start().catch((error) => {
  document.getElementById("operations").textContent = `Could not read /openapi.json: ${error.message}`;
});
