// Hand-drawn SVG charts: the timeline (stacked bars by quad class + Goldstein mean line) and the
// actor network (circle layout). Text reaches the SVG only as text nodes (see dom.js).

import { clear, svg } from "./dom.js";

export const QUADS = [
  { quad: 1, name: "verbal cooperation", color: "#7fbf7b" },
  { quad: 2, name: "material cooperation", color: "#1b7837" },
  { quad: 3, name: "verbal conflict", color: "#f1a340" },
  { quad: 4, name: "material conflict", color: "#c0392b" },
];
const GOLDSTEIN_COLOR = "#2b4c7e";

/** A round step for about `count` intervals up to max, and the top of the axis. */
function scale(max, count = 4) {
  const raw = Math.max(max, 1) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= raw) || 10 * power;
  const whole = Math.max(1, Math.round(step));
  const top = Math.ceil(max / whole) * whole || whole;
  return { top, ticks: Array.from({ length: Math.round(top / whole) + 1 }, (_, i) => i * whole) };
}

function periodLabelEvery(rows) {
  if (rows.length <= 18) return (row) => true;
  return (row, i) => i === 0 || row.period.endsWith("-01") || row.period.length === 4;
}

/** Draw the timeline rows of /api/timeline into container (an empty SVG when there are none). */
export function drawTimeline(container, rows) {
  clear(container);
  const width = 960, height = 280;
  const m = { left: 44, right: 48, top: 30, bottom: 44 };
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "timeline", class: "chart" });
  container.appendChild(root);
  if (!rows.length) {
    root.appendChild(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" },
      "No dated events for this selection"));
    return root;
  }
  const plotW = width - m.left - m.right, plotH = height - m.top - m.bottom;
  const axis = scale(Math.max(...rows.map((r) => r.events)));
  const maxEvents = axis.top;
  const band = plotW / rows.length;
  const barW = Math.max(1, Math.min(40, band * 0.8));
  const y = (v) => m.top + plotH - (v / maxEvents) * plotH;
  const g = (v) => m.top + plotH / 2 - (v / 10) * (plotH / 2);
  for (const t of axis.ticks) {
    root.appendChild(svg("line", { x1: m.left, x2: width - m.right, y1: y(t), y2: y(t), class: "grid" }));
    root.appendChild(svg("text", { x: m.left - 6, y: y(t) + 4, "text-anchor": "end", class: "axis" }, t));
  }
  for (const t of [-10, -5, 0, 5, 10]) {
    root.appendChild(svg("text", { x: width - m.right + 6, y: g(t) + 4, class: "axis goldstein-axis" }, t));
  }
  root.appendChild(svg("line", { x1: m.left, x2: width - m.right, y1: g(0), y2: g(0), class: "zero" }));
  const labelled = periodLabelEvery(rows);
  rows.forEach((row, i) => {
    const x = m.left + i * band + (band - barW) / 2;
    let base = 0;
    for (const q of QUADS) {
      const count = row.by_quad[q.quad] || row.by_quad[String(q.quad)] || 0;
      if (!count) continue;
      root.appendChild(svg("rect", {
        x, y: y(base + count), width: barW, height: y(base) - y(base + count), fill: q.color,
        "data-testid": "timeline-bar", "data-period": row.period, "data-quad": q.quad, "data-count": count,
      }, svg("title", {}, `${row.period}: ${count} ${q.name}`)));
      base += count;
    }
    if (labelled(row, i)) {
      const label = rows.length > 18 && i > 0 && row.period.length > 4 ? row.period.slice(0, 4) : row.period;
      root.appendChild(svg("text", { x: x + barW / 2, y: height - m.bottom + 16, "text-anchor": "middle", class: "axis" },
        label));
    }
  });
  drawGoldstein(root, rows, (i) => m.left + i * band + band / 2, g);
  drawLegend(root, m.left, 14);
  return root;
}

function drawGoldstein(root, rows, xOf, g) {
  let segment = [];
  const flush = () => {
    if (segment.length > 1) {
      root.appendChild(svg("polyline", { points: segment.join(" "), fill: "none", stroke: GOLDSTEIN_COLOR,
        "stroke-width": 2, class: "goldstein-line" }));
    }
    segment = [];
  };
  rows.forEach((row, i) => {
    if (row.goldstein_mean === null || row.goldstein_mean === undefined) return flush();
    const x = xOf(i), yy = g(row.goldstein_mean);
    segment.push(`${x.toFixed(1)},${yy.toFixed(1)}`);
    root.appendChild(svg("circle", { cx: x, cy: yy, r: 3.5, fill: GOLDSTEIN_COLOR, "data-testid": "goldstein-point",
      "data-period": row.period }, svg("title", {}, `${row.period}: mean Goldstein ${row.goldstein_mean.toFixed(2)}`)));
  });
  flush();
}

function drawLegend(root, x, y) {
  let at = x;
  for (const q of QUADS) {
    root.appendChild(svg("rect", { x: at, y: y - 9, width: 10, height: 10, fill: q.color }));
    root.appendChild(svg("text", { x: at + 14, y, class: "legend" }, q.name));
    at += 28 + q.name.length * 6.2;
  }
  root.appendChild(svg("line", { x1: at, x2: at + 18, y1: y - 4, y2: y - 4, stroke: GOLDSTEIN_COLOR, "stroke-width": 2 }));
  root.appendChild(svg("text", { x: at + 22, y, class: "legend" }, "mean Goldstein (right axis, −10…10)"));
}

function edgeColor(balance) {
  if (balance > 0.2) return "#1b7837";
  if (balance < -0.2) return "#c0392b";
  return "#8c8c8c";
}

/** Undirected pairs from the directed edges of /api/network, with their totals. */
function pairs(edges) {
  const byPair = new Map();
  for (const e of edges) {
    const key = [e.source, e.target].sort().join("\u0000");
    const p = byPair.get(key) || { a: [e.source, e.target].sort()[0], b: [e.source, e.target].sort()[1],
      events: 0, cooperation: 0, conflict: 0 };
    p.events += e.events;
    p.cooperation += e.cooperation;
    p.conflict += e.conflict;
    byPair.set(key, p);
  }
  return [...byPair.values()];
}

/** Draw the actor network (nodes on a circle, the selected actors first), at most maxNodes actors. */
export function drawNetwork(container, network, selected = [], maxNodes = 24) {
  clear(container);
  const width = 460, height = 400, cx = width / 2, cy = height / 2, radius = 150;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "actor network", class: "chart" });
  container.appendChild(root);
  const isSelected = (code) => selected.some((s) => code.startsWith(s));
  const nodes = [...network.nodes]
    .sort((a, b) => (isSelected(b.code) - isSelected(a.code)) || (b.events - a.events) || a.code.localeCompare(b.code))
    .slice(0, maxNodes);
  if (!nodes.length) {
    root.appendChild(svg("text", { x: cx, y: cy, "text-anchor": "middle", class: "empty" }, "No actors to show"));
    return root;
  }
  const place = new Map(nodes.map((n, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
    return [n.code, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle), angle }];
  }));
  const links = pairs(network.edges).filter((p) => place.has(p.a) && place.has(p.b));
  const maxLink = Math.max(1, ...links.map((p) => p.events));
  for (const p of links) {
    const a = place.get(p.a), b = place.get(p.b);
    root.appendChild(svg("line", {
      x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: edgeColor((p.cooperation - p.conflict) / p.events),
      "stroke-width": 1 + 6 * Math.sqrt(p.events / maxLink), "stroke-opacity": 0.75, "stroke-linecap": "round",
      "data-testid": "network-edge", "data-a": p.a, "data-b": p.b, "data-events": p.events,
    }, svg("title", {}, `${p.a} – ${p.b}: ${p.events} events (${p.cooperation} cooperation, ${p.conflict} conflict)`)));
  }
  const maxNode = Math.max(1, ...nodes.map((n) => n.events));
  for (const n of nodes) {
    const at = place.get(n.code);
    const r = 6 + 12 * Math.sqrt(n.events / maxNode);
    const cos = Math.cos(at.angle);
    const outward = Math.abs(cos) < 0.3 ? "middle" : cos > 0 ? "start" : "end";
    root.appendChild(svg("g", { "data-testid": "network-node", "data-code": n.code, class: isSelected(n.code) ? "node selected" : "node" },
      svg("circle", { cx: at.x, cy: at.y, r }),
      svg("text", { x: at.x + cos * (r + 4), y: at.y + Math.sin(at.angle) * (r + 8) + 4, "text-anchor": outward },
        n.code),
      svg("title", {}, `${n.code} ${n.name}: ${n.events} events`)));
  }
  return root;
}
