// Safe DOM building: every piece of text goes in as a text node, never as markup.
// Data from the API (news text, names, URLs) must only reach the page through these helpers.

const SVG_NS = "http://www.w3.org/2000/svg";

function setAttributes(node, attrs) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(name)) throw new Error(`refusing event-handler attribute ${name}`);
    node.setAttribute(name, value === true ? "" : String(value));
  }
}

/** Append children: strings and numbers become text nodes; null/false are skipped. */
export function append(node, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: el("td", {class: "code"}, "RUS"). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  return append(node, children);
}

/** An SVG element: svg("rect", {x: 0, y: 0, width: 4, height: 8}). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attrs);
  return append(node, children);
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** The URL if it is http(s), else null: a javascript: or data: address never becomes a link. */
export function safeUrl(text) {
  if (typeof text !== "string") return null;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/** A link that opens in a new tab without giving the page access to this one. */
export function externalLink(url, label) {
  const href = safeUrl(url);
  if (href === null) return el("span", { class: "url" }, url || "");
  return el("a", { href, target: "_blank", rel: "noopener noreferrer", class: "url" }, label || url);
}
