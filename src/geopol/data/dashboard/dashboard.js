// The geopol dashboard: pick a dyad or an actor and a period; see the timeline, the network, the
// events and, for a selected event, its evidence highlighted in the documents that report it.
// Everything from the API is inserted as text (dom.js); nothing is parsed as HTML.

import { getJSON, paths } from "./api.js";
import { drawNetwork, drawTimeline, QUADS } from "./charts.js";
import { append, clear, el, externalLink } from "./dom.js";

const PAGE = 15;
const MAX_DOCUMENTS = 12;
const $ = (id) => document.getElementById(id);

const state = { a: "", b: "", since: "", until: "", text: "", offset: 0, sort: "-date", selected: null };

function filters() {
  const f = { since: state.since, until: state.until, text: state.text };
  if (state.a && state.b) f.dyad = `${state.a},${state.b}`;
  else if (state.a || state.b) f.actor = state.a || state.b;
  return f;
}

function selectionLabel() {
  if (state.a && state.b) return `${state.a} – ${state.b}`;
  return state.a || state.b || "all actors";
}

function setStatus(message, isError = false) {
  const status = $("status");
  status.textContent = message;
  status.classList.toggle("error", isError);
}

async function loadStats() {
  const s = await getJSON(paths.stats());
  $("stats").textContent = `${s.documents} documents · ${s.events} events · ${s.mentions} reports`;
}

async function loadPairs() {
  const { actors, pairs } = await getJSON(paths.actors(), { top: 30, countries: true });
  const select = clear($("pair-select"));
  select.appendChild(el("option", { value: "" }, "— top pairs —"));
  for (const p of pairs) select.appendChild(el("option", { value: `${p.a},${p.b}` }, `${p.a} – ${p.b} (${p.events})`));
  const codes = clear($("actor-codes"));
  for (const a of actors) codes.appendChild(el("option", { value: a.code }, a.name));
}

async function refresh() {
  writeHash();
  setStatus(`Loading ${selectionLabel()}…`);
  $("selection").textContent = selectionLabel();
  const centres = [state.a, state.b].filter(Boolean);
  const base = filters();
  try {
    const [timeline, network] = await Promise.all([
      getJSON(paths.timeline(), { ...base, by: "month" }),
      getJSON(paths.network(), { since: base.since, until: base.until, text: base.text, around: centres.join(","),
        countries: true }),
      loadEvents(),
    ]);
    drawTimeline($("timeline"), timeline.rows);
    drawNetwork($("network"), network, centres);
    setStatus("");
    document.body.dataset.loaded = `${state.a},${state.b}`;
  } catch (error) {
    setStatus(`Could not load ${selectionLabel()}: ${error.message}`, true);
  }
}

async function loadEvents() {
  const page = await getJSON(paths.events(), { ...filters(), limit: PAGE, offset: state.offset, sort: state.sort });
  const body = clear($("events-body"));
  for (const e of page.items) body.appendChild(eventRow(e));
  if (!page.items.length) body.appendChild(el("tr", {}, el("td", { colspan: 5, class: "empty" }, "No events")));
  const last = Math.min(page.offset + page.items.length, page.total);
  $("page-info").textContent = page.total ? `${page.offset + 1}–${last} of ${page.total}` : "0 events";
  $("prev").disabled = page.offset === 0;
  $("next").disabled = last >= page.total;
  $("sort-date").textContent = state.sort === "date" ? "Date ▲" : "Date ▼";
}

function actorCell(code, name) {
  return el("td", { title: name }, el("span", { class: "code" }, code), el("span", { class: "name" }, name));
}

function eventRow(e) {
  const quad = QUADS.find((q) => q.quad === e.quad_class);
  const row = el("tr", { tabindex: 0, "data-testid": "event-row", "data-event-id": e.id,
    "aria-selected": String(state.selected === e.id) },
    el("td", { class: "date" }, e.date || el("span", { class: "muted", title: "date of the first report" },
      e.first_report ? `rep. ${e.first_report}` : "undated")),
    actorCell(e.source, e.source_name),
    el("td", { title: quad ? quad.name : "" }, el("span", { class: `quad q${e.quad_class}` }),
      el("span", { class: "code" }, e.code), " ", e.label),
    actorCell(e.target, e.target_name),
    el("td", { class: "num", title: `${e.documents} documents, ${e.outlets} outlets` }, e.mentions));
  const open = () => selectEvent(e.id, row);
  row.addEventListener("click", open);
  row.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(); } });
  return row;
}

async function selectEvent(id, row) {
  state.selected = id;
  for (const r of document.querySelectorAll("#events-body tr")) r.setAttribute("aria-selected", String(r === row));
  const panel = clear($("evidence"));
  delete panel.dataset.eventId;
  panel.appendChild(el("p", { class: "muted" }, "Loading the evidence…"));
  try {
    const detail = await getJSON(paths.event(id));
    const docIds = [...new Set(detail.mentions.map((m) => m.doc))].slice(0, MAX_DOCUMENTS);
    const docs = await Promise.all(docIds.map((d) => getJSON(paths.document(d))));
    if (state.selected !== id) return;
    clear(panel);
    panel.appendChild(eventSummary(detail.event));
    for (const doc of docs) panel.appendChild(documentCard(doc, detail.mentions.filter((m) => m.doc === doc.id)));
    panel.dataset.eventId = id;
    const first = panel.querySelector("mark");
    if (first) scrollWithin(first);
  } catch (error) {
    clear(panel).appendChild(el("p", { class: "error" }, `Could not load the event: ${error.message}`));
  }
}

function eventSummary(e) {
  return el("div", { class: "summary", "data-testid": "evidence-summary" },
    el("strong", {}, `${e.source} → ${e.target}`), ` ${e.code} ${e.label}`,
    el("span", { class: "muted" }, ` · ${e.date || "undated"} · Goldstein ${e.goldstein} · ${plural(e.mentions, "report")} in `
      + `${plural(e.documents, "document")} from ${plural(e.outlets, "outlet")} · confidence ${e.confidence.toFixed(2)}`));
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** The spans of the event's mentions in the text: their offsets, or the sentence found in the text. */
function spansIn(text, mentions) {
  const spans = [];
  for (const m of mentions) {
    let start = m.start, end = m.end;
    if (text.slice(start, end) !== m.sentence) {
      start = text.indexOf(m.sentence);
      end = start + m.sentence.length;
    }
    if (start >= 0 && !spans.some((s) => s.start < end && start < s.end)) spans.push({ start, end });
  }
  return spans.sort((x, y) => x.start - y.start);
}

function highlighted(text, spans) {
  const body = el("div", { class: "doc-text", "data-testid": "document-text" });
  let at = 0;
  for (const s of spans) {
    append(body, text.slice(at, s.start), el("mark", { "data-testid": "evidence-mark" }, text.slice(s.start, s.end)));
    at = s.end;
  }
  return append(body, text.slice(at));
}

function documentCard(doc, mentions) {
  const spans = spansIn(doc.text, mentions);
  const missing = mentions.filter((m) => !spans.some((s) => doc.text.slice(s.start, s.end) === m.sentence));
  return el("article", { class: "doc", "data-testid": "evidence-doc", "data-doc-id": doc.id },
    el("header", {},
      el("h3", {}, doc.title || doc.id),
      el("p", { class: "meta" }, [doc.outlet || "unknown outlet", doc.date || "undated"].join(" · "), " · ",
        doc.url ? externalLink(doc.url) : el("span", { class: "muted" }, "no address"))),
    highlighted(doc.text, spans),
    missing.map((m) => el("p", { class: "orphan" }, el("mark", { "data-testid": "evidence-mark" }, m.sentence))));
}

function scrollWithin(mark) {
  const box = mark.closest(".doc-text");
  if (box) box.scrollTop = Math.max(0, mark.offsetTop - 24);
}

function readForm() {
  state.a = $("actor-a").value.trim().toUpperCase();
  state.b = $("actor-b").value.trim().toUpperCase();
  state.since = $("since").value.trim();
  state.until = $("until").value.trim();
  state.text = $("text").value.trim();
  state.offset = 0;
}

function writeForm() {
  $("actor-a").value = state.a;
  $("actor-b").value = state.b;
  $("since").value = state.since;
  $("until").value = state.until;
  $("text").value = state.text;
}

function writeHash() {
  const params = new URLSearchParams();
  for (const key of ["a", "b", "since", "until", "text"]) if (state[key]) params.set(key, state[key]);
  history.replaceState(null, "", params.toString() ? `#${params}` : window.location.pathname);
}

function readHash() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  for (const key of ["a", "b", "since", "until", "text"]) state[key] = params.get(key) || "";
}

function wire() {
  $("controls").addEventListener("submit", (ev) => { ev.preventDefault(); readForm(); writeForm(); refresh(); });
  $("pair-select").addEventListener("change", () => {
    const [a, b] = $("pair-select").value.split(",");
    if (!a) return;
    $("actor-a").value = a;
    $("actor-b").value = b;
    readForm();
    refresh();
  });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents().catch(fail); });
  $("next").addEventListener("click", () => { state.offset += PAGE; loadEvents().catch(fail); });
  $("sort-date").addEventListener("click", () => {
    state.sort = state.sort === "date" ? "-date" : "date";
    state.offset = 0;
    loadEvents().catch(fail);
  });
}

function fail(error) {
  setStatus(error.message, true);
}

async function start() {
  wire();
  readHash();
  writeForm();
  await Promise.all([loadStats(), loadPairs()]).catch(fail);
  await refresh();
}

start();
