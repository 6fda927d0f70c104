// wirecoder serve: filters, time series, map, event table and evidence view over the local
// JSON API. Everything the page shows comes from this server; article text is inserted as
// text, never HTML. The filters, the page of the table, the opened event and the map's view
// live in the URL: a filter change is a new history entry, so Back restores the one before.
"use strict";

(() => {
  const QUADS = WirecoderMap.QUADS;
  const PAGE = 100;
  const FILTERS = [
    "type",
    "status",
    "country",
    "outlet",
    "date_from",
    "date_to",
    "min_confidence",
    "actor",
    "q",
    "source_country",
    "target_country",
  ];
  const ONE_COLUMN = window.matchMedia("(max-width: 1000px)");

  const state = {
    filters: {},
    offset: 0,
    total: 0,
    events: [],
    facets: null,
    selected: null, // {article_id, event_index}
    article: null, // the last article fetched
    names: {}, // country names by code, from the facets
    seq: 0, // the latest load: older answers are dropped
  };
  // timings for the browser tests (and anyone curious): ms from navigation, and per filter
  const perf = (window.__wirecoder = { ready: false, renderMs: null, filterMs: [], loads: 0 });

  const $ = (id) => document.getElementById(id);

  /** An element with attributes and children (strings become text nodes; null is skipped). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    fill(node, ...children);
    return node;
  }

  /** Append children, leaving out null and undefined (replaceChildren would print "null"). */
  function fill(node, ...children) {
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : String(c));
    }
    return node;
  }

  const replace = (node, ...children) => {
    node.replaceChildren();
    return fill(node, ...children);
  };

  async function getJSON(path, params) {
    const qs = params ? new URLSearchParams(params).toString() : "";
    const res = await fetch(qs ? `${path}?${qs}` : path, { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok) {
      const msg = body.parameter ? `${body.parameter}: ${body.reason}` : body.error || res.statusText;
      throw new Error(msg);
    }
    return body;
  }

  function showError(err) {
    const box = $("error");
    box.textContent = err ? `Could not load: ${err.message || err}` : "";
    box.hidden = !err;
  }

  const quadOf = (q) => (q && QUADS[q] ? q : 0);
  const quadName = (q) => QUADS[q] || "no quad class";
  const typeLabel = (e) =>
    e.plover_type && e.plover_type !== e.event_type
      ? `${e.plover_type} (coded ${e.event_type})`
      : e.event_type;
  const countryName = (c) => (c && state.names[c] ? `${state.names[c]} (${c})` : c || "");

  function actorLabel(e, role) {
    const name = e[`${role}_name`] || (e[`${role}_span`] && e[`${role}_span`].text) || "";
    const country = e[`${role}_country`];
    if (!name && !country) return "—";
    return country ? `${name.trim()} (${country})` : name.trim();
  }

  const placeLabel = (e) =>
    e.location_name ? `${e.location_name}${e.location_country ? `, ${e.location_country}` : ""}` : "";

  // -- the URL: filters, page, opened event, map view ------------------------------------
  function toURL() {
    const params = new URLSearchParams(state.filters);
    if (state.offset) params.set("offset", state.offset);
    if (state.selected) params.set("event", `${state.selected.article_id}:${state.selected.event_index}`);
    const v = map.getView();
    if (v.span < 360) params.set("view", `${v.cx},${v.cy},${v.span}`);
    const qs = params.toString();
    return qs ? `?${qs}` : location.pathname;
  }

  const pushURL = () => history.pushState(null, "", toURL());
  const replaceURL = () => history.replaceState(null, "", toURL());

  function fromURL() {
    const params = new URLSearchParams(location.search);
    state.filters = {};
    for (const name of FILTERS) if (params.get(name)) state.filters[name] = params.get(name);
    state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    const ev = /^(.+):(\d+)$/.exec(params.get("event") || "");
    const view = (params.get("view") || "").split(",").map(Number);
    return {
      event: ev ? { article_id: ev[1], event_index: Number(ev[2]) } : null,
      view: view.length === 3 && view.every(Number.isFinite) ? { cx: view[0], cy: view[1], span: view[2] } : null,
    };
  }

  // -- filters ---------------------------------------------------------------------------
  function readForm() {
    const out = {};
    for (const name of FILTERS) {
      const v = $("filters").elements[name].value.trim();
      if (v && !(name === "min_confidence" && Number(v) === 0)) out[name] = v;
    }
    return out;
  }

  function writeForm(filters) {
    for (const name of FILTERS) {
      const field = $("filters").elements[name];
      const v = filters[name] || (name === "min_confidence" ? "0" : "");
      if (field.tagName === "SELECT" && v && ![...field.options].some((o) => o.value === v)) {
        field.append(el("option", { value: v }, v)); // from the URL: keep it until the counts come
      }
      field.value = v;
    }
    $("f-conf-out").textContent = Number($("f-conf").value).toFixed(2);
  }

  /** A filter change: a new history entry, the first page, and a reload. */
  function apply(filters) {
    const same = JSON.stringify(filters) === JSON.stringify(state.filters) && !state.offset;
    state.filters = filters;
    state.offset = 0;
    writeForm(filters);
    if (!same) pushURL(); // the same filter again is no new step for Back
    refresh(true);
  }

  function options(select, rows, label) {
    const current = state.filters[select.name] || "";
    const opts = [el("option", { value: "" }, "any")];
    let seen = false;
    for (const row of rows) {
      seen = seen || row.value === current;
      opts.push(el("option", { value: row.value }, label(row)));
    }
    if (current && !seen) opts.push(el("option", { value: current }, `${current} (0)`));
    select.replaceChildren(...opts);
    select.value = current;
  }

  function renderFacets(f) {
    state.names = Object.fromEntries(f.countries.map(([c, name]) => [c, name]));
    for (const [s, sn, t, tn] of f.dyads) Object.assign(state.names, { [s]: sn, [t]: tn });
    options($("f-type"), f.types.map(([value, n]) => ({ value, n })), (r) => `${r.value} (${r.n})`);
    options($("f-status"), f.statuses.map(([value, n]) => ({ value, n })), (r) => `${r.value} (${r.n})`);
    const countries = f.countries.map(([value, name, n]) => ({ value, name, n }));
    countries.sort((a, b) => a.name.localeCompare(b.name));
    options($("f-country"), countries, (r) => `${r.name} (${r.value}) · ${r.n}`);
    options($("f-outlet"), f.outlets.map(([value, n]) => ({ value, n })), (r) => `${r.value} (${r.n})`);
    const rows = f.dyads.map(([s, sn, t, tn, n]) => {
      const b = el("button", { type: "button", "aria-label": `Filter to ${sn} → ${tn}` }, `${sn} → ${tn}`);
      b.addEventListener("click", () => apply({ ...state.filters, source_country: s, target_country: t }));
      return el("tr", {}, el("td", {}, b), el("td", { class: "num" }, n));
    });
    if (!rows.length) rows.push(el("tr", {}, el("td", { colspan: 2, class: "note" }, "No country pairs.")));
    $("dyad-rows").replaceChildren(...rows);
    chart.render(f.series, { from: state.filters.date_from, to: state.filters.date_to });
    const s = f.series;
    $("time-note").textContent = s.first
      ? `Events by ${s.bin}, ${s.first} to ${s.last}. Drag across the chart to choose dates.`
      : "No dated events.";
  }

  function renderChips() {
    const chips = [];
    const drop = (names) => () => {
      const next = { ...state.filters };
      for (const n of names) delete next[n];
      apply(next);
    };
    const { source_country: s, target_country: t } = state.filters;
    if (s || t) {
      const text = `Pair: ${countryName(s) || "any"} → ${countryName(t) || "any"}`;
      const x = el("button", { type: "button", "aria-label": `Remove the filter ${text}` }, "×");
      x.addEventListener("click", drop(["source_country", "target_country"]));
      chips.push(el("span", { class: "chip" }, text, x));
    }
    $("chips").replaceChildren(...chips);
  }

  function exportLinks() {
    const qs = new URLSearchParams(state.filters).toString();
    for (const fmt of ["csv", "plover", "gdelt"]) {
      $(`export-${fmt}`).href = `/api/export?format=${fmt}${qs ? `&${qs}` : ""}`;
    }
  }

  // -- table -----------------------------------------------------------------------------
  function renderTable() {
    const rows = [];
    if (!state.events.length) {
      rows.push(el("tr", {}, el("td", { colspan: 7, class: "note" }, "No events match these filters.")));
    }
    for (const e of state.events) {
      const key = `${e.article_id}:${e.event_index}`;
      const open = el(
        "button",
        { type: "button", class: "type", "aria-label": `${typeLabel(e)}: show this event in its article` },
        el("span", { class: `swatch q${quadOf(e.quad)}`, "aria-hidden": "true" }),
        typeLabel(e),
      );
      open.addEventListener("click", (ev) => {
        ev.stopPropagation();
        selectEvent(e.article_id, e.event_index, true);
      });
      const row = el(
        "tr",
        { "data-key": key },
        el("td", {}, open),
        el("td", { class: `status status-${e.status}`, "data-label": "Status" }, e.status || ""),
        el("td", { "data-label": "Who" }, `${actorLabel(e, "source")} → ${actorLabel(e, "target")}`),
        el("td", { class: "date", "data-label": "Date" }, e.date || e.article_date || ""),
        el("td", { "data-label": "Place" }, placeLabel(e)),
        el("td", { "data-label": "Trigger" }, e.trigger_text || ""),
        el("td", { "data-label": "Outlet" }, e.article_source || ""),
      );
      row.addEventListener("click", () => selectEvent(e.article_id, e.event_index, false));
      rows.push(row);
    }
    $("rows").replaceChildren(...rows);
    markSelectedRow();
    const first = state.total ? state.offset + 1 : 0;
    const last = state.offset + state.events.length;
    const range = state.total ? `${first}–${last} of ${state.total}` : "no events";
    $("page").textContent = range;
    $("events-caption").textContent = state.total ? `Events ${range}, newest first` : "No events";
    $("prev").disabled = state.offset === 0;
    $("next").disabled = last >= state.total;
  }

  function markSelectedRow() {
    const key = state.selected ? `${state.selected.article_id}:${state.selected.event_index}` : "";
    for (const row of $("rows").querySelectorAll("tr")) {
      row.classList.toggle("selected", row.dataset.key === key);
    }
  }

  /** Empty every view of the results: after an error nothing stale stays on screen. */
  function clearResults() {
    state.events = [];
    state.total = 0;
    $("rows").replaceChildren();
    $("page").textContent = "";
    $("events-caption").textContent = "No results: the filters could not be applied";
    $("prev").disabled = $("next").disabled = true;
    $("dyad-rows").replaceChildren();
    map.setPlaces([]);
    chart.render(null);
    $("map-note").textContent = "";
  }

  // -- map -------------------------------------------------------------------------------
  function renderMapNote(data) {
    const n = data.places.reduce((s, p) => s + p.n, 0);
    $("map-note").textContent =
      `${n} of ${state.total} matching event${state.total === 1 ? "" : "s"} have a place and are mapped` +
      (data.truncated ? " (the busiest places only)" : "") +
      "; a dot's size counts its events, a dashed one groups places close together. " +
      "Drag to pan, scroll or use the buttons to zoom; Tab to the dots, arrows between them, Enter lists a dot's events.";
  }

  function showPlace(g) {
    const events = g.places.flatMap((p) => p.events.map((ev) => ({ ...ev, where: p })));
    const list = el("ul", { class: "others" });
    for (const ev of events) {
      const who = `${ev.source || "—"} → ${ev.target || "—"}`;
      const b = el(
        "button",
        { type: "button" },
        `${ev.date || "undated"} · ${ev.type} (${ev.status}) · ${who} · “${ev.trigger || ""}”`,
      );
      b.addEventListener("click", () => selectEvent(ev.article_id, ev.event_index, true));
      list.append(el("li", {}, b));
    }
    const listed = g.places.reduce((s, p) => s + p.events.length, 0);
    const more = g.n > listed ? el("p", { class: "note" }, `${listed} of ${g.n} are listed, the latest of each place.`) : null;
    $("detail-h").textContent = g.label;
    replace($("detail-body"), el("p", {}, "Events here:"), list, more);
    reveal(true);
  }

  // -- one real-world event: the reports of a cluster (drawn by cluster.js) ---------------
  async function showCluster(clusterId) {
    try {
      const c = await getJSON(`/api/clusters/${encodeURIComponent(clusterId)}`);
      const open = (m) => selectEvent(m.article_id, m.event_index, true);
      $("detail-h").textContent = WirecoderClusters.heading(c);
      replace($("detail-body"), ...WirecoderClusters.panel(c, el, state.selected, open));
      showError(null);
      reveal(true);
    } catch (err) {
      showError(err);
    }
  }

  // -- one event in its article ----------------------------------------------------------
  function selectedEvent() {
    if (!state.selected || !state.article) return null;
    return state.article.events.find((e) => e.event_index === state.selected.event_index) || null;
  }

  async function selectEvent(articleId, eventIndex, focus) {
    try {
      if (!state.article || state.article.id !== articleId) {
        state.article = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
      }
      state.selected = { article_id: articleId, event_index: eventIndex };
      renderDetail();
      markSelectedRow();
      map.setSelected(selectedEvent());
      replaceURL();
      showError(null);
      reveal(focus);
    } catch (err) {
      showError(err);
    }
  }

  /** Bring the event panel into view: on one column it is below the table. */
  function reveal(focus) {
    if (ONE_COLUMN.matches) $("detail").scrollIntoView({ block: "start" });
    if (focus || ONE_COLUMN.matches) $("detail-h").focus({ preventScroll: true });
  }

  /** Evidence ranges of an event, in code points of the article text. */
  function evidence(e) {
    const out = [];
    const add = (span, role) => {
      if (span && Number.isInteger(span.start) && Number.isInteger(span.end) && span.end > span.start) {
        out.push({ start: span.start, end: span.end, role, text: span.text });
      }
    };
    add({ start: e.trigger_start, end: e.trigger_end, text: e.trigger_text }, "trigger");
    for (const role of ["source", "target"]) {
      const actors = (e[role] || []).filter((a) => Number.isInteger(a.start));
      if (actors.length) actors.forEach((a) => add(a, role));
      else add(e[`${role}_span`], role);
    }
    add(e.location, "place");
    if (e.attribution) {
      add(e.attribution.speaker, "speaker");
      add(e.attribution.cue, "cue");
    }
    return out;
  }

  /** The article text with each evidence range in a <mark>; overlapping ranges share one. */
  function highlighted(text, ranges) {
    const chars = Array.from(text); // code points, as the store's offsets count them
    const cuts = new Set([0, chars.length]);
    for (const r of ranges) {
      cuts.add(Math.min(Math.max(r.start, 0), chars.length));
      cuts.add(Math.min(Math.max(r.end, 0), chars.length));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const piece = chars.slice(a, b).join("");
      const roles = [...new Set(ranges.filter((r) => r.start <= a && r.end >= b).map((r) => r.role))];
      if (!roles.length) {
        frag.append(piece);
        continue;
      }
      frag.append(
        el("mark", { class: roles.map((r) => `hl-${r}`).join(" "), title: roles.join(", "), "data-start": a }, piece),
      );
    }
    return frag;
  }

  function fact(dl, term, ...value) {
    const parts = value.filter((v) => v !== null && v !== undefined && v !== "");
    if (!parts.length) return;
    dl.append(el("dt", {}, term), el("dd", {}, ...parts));
  }

  const spanText = (s) => (s ? `“${s.text}” [${s.start}–${s.end}]` : "");

  function renderDetail() {
    const art = state.article;
    const e = selectedEvent();
    if (!art || !e) return;
    const q = quadOf(e.quad);
    $("detail-h").textContent = `${typeLabel(e)}: ${quadName(q)}`;

    const dl = el("dl", { class: "facts" });
    fact(dl, "Status", el("span", { class: `status status-${e.status}` }, e.status || ""), e.mode ? ` (mode: ${e.mode})` : "");
    fact(dl, "Source", actorLabel(e, "source"), e.source_sector ? ` · ${e.source_sector}` : "");
    fact(dl, "Target", actorLabel(e, "target"), e.target_sector ? ` · ${e.target_sector}` : "");
    fact(dl, "Trigger", spanText({ text: e.trigger_text, start: e.trigger_start, end: e.trigger_end }));
    fact(dl, "Date", e.date || "", e.date_text ? ` (“${e.date_text}”)` : "", e.date_precision ? ` · ${e.date_precision}` : "");
    fact(dl, "Place", placeLabel(e), e.lat != null ? ` (${e.lat.toFixed(3)}, ${e.lon.toFixed(3)})` : "");
    const att = e.attribution;
    if (att && (att.speaker || att.cue)) {
      const via = att.via && att.via.length ? ` via ${att.via.map((v) => v.text || v).join(", ")}` : "";
      fact(
        dl,
        "According to",
        att.speaker ? `${att.speaker.text}${att.speaker.country ? ` (${att.speaker.country})` : ""}` : "—",
        att.cue ? ` · “${att.cue.text}”` : "",
        via,
      );
    } else {
      fact(dl, "According to", "no attribution in the text");
    }
    if (e.confidence != null) fact(dl, "Confidence", e.confidence.toFixed(2));
    let reports = null;
    if (e.cluster_id && e.cluster_n_articles > 1) {
      reports = el("button", { type: "button", class: "cluster-link" }, WirecoderClusters.reportedBy(e.cluster_n_articles, e.cluster_n_sources));
      reports.addEventListener("click", () => showCluster(e.cluster_id));
      fact(dl, "Reports", reports);
    }
    if (e.contexts && e.contexts.length) fact(dl, "Contexts", e.contexts.join(", "));

    const ranges = evidence(e);
    // who says what: every quote's content and the outlet's own framing words
    for (const qt of art.quotes || []) {
      if (Number.isInteger(qt.content_start) && qt.content_end > qt.content_start) {
        ranges.push({ start: qt.content_start, end: qt.content_end, role: "quote" });
      }
    }
    for (const f of art.framing || []) {
      if (Number.isInteger(f.start) && f.end > f.start) ranges.push({ start: f.start, end: f.end, role: "framing" });
    }
    const chars = Array.from(art.text);
    const trig = chars.slice(e.trigger_start, e.trigger_end).join("");
    const check =
      e.trigger_text && trig !== e.trigger_text
        ? el("p", { class: "warn" }, "The stored trigger offsets do not match the article text.")
        : null;
    const keys = el("ul", { class: "keys", "aria-label": "Highlight key" });
    for (const [role, name] of [
      ["trigger", "trigger"],
      ["source", "source"],
      ["target", "target"],
      ["place", "place"],
      ["speaker", "speaker"],
      ["cue", "attribution cue"],
      ["quote", "quoted or reported speech"],
      ["framing", "the outlet's framing"],
    ]) {
      if (ranges.some((r) => r.role === role)) keys.append(el("li", {}, el("mark", { class: `hl-${role}` }, name)));
    }
    const textBox = el("div", { class: "article-text", tabindex: 0, "aria-label": "Article text, evidence highlighted" });
    textBox.append(highlighted(art.text, ranges));

    const others = el("ol", { class: "others", start: 0, "aria-label": "Events in this article" });
    for (const o of art.events) {
      const b = el("button", { type: "button" }, `${typeLabel(o)} · ${o.status} · “${o.trigger_text || ""}”`);
      if (o.event_index === e.event_index) {
        b.classList.add("current");
        b.setAttribute("aria-current", "true");
      }
      b.addEventListener("click", () => selectEvent(art.id, o.event_index, false));
      others.append(el("li", {}, b));
    }

    const claims = el("ul", { class: "claims", "aria-label": "Claims sources disagree on" });
    for (const c of art.claims || []) {
      const stances = (c.stances || []).map(
        (st) => `${st.speaker || "someone"} (${st.status}): “${(st.quote_text || "").slice(0, 160)}”`,
      );
      claims.append(el("li", {}, `${c.topic || "claim"}: ${stances.join(" ⟷ ")}`));
    }
    const voices = (art.quotes || []).length
      ? el("p", { class: "note" }, `${art.quotes.length} quotes (${art.quotes.filter((x) => x.anonymous).length} anonymous), ${(art.framing || []).length} framing words`)
      : null;

    replace(
      $("detail-body"),
      dl,
      el("p", { class: "article-title" }, art.title || "(untitled article)"),
      el("p", { class: "note" }, [art.date, art.source, `article ${art.id}`].filter(Boolean).join(" · ")),
      check,
      keys,
      textBox,
      voices,
      el("h3", {}, `All ${art.events.length} events in this article`),
      others,
      (art.claims || []).length ? el("h3", {}, "Claims sources disagree on") : null,
      (art.claims || []).length ? claims : null,
    );
    // bring the trigger into view inside the text box
    const mark = textBox.querySelector("mark.hl-trigger");
    if (mark) textBox.scrollTop = Math.max(0, mark.offsetTop - textBox.clientHeight / 3);
  }

  // -- loading ---------------------------------------------------------------------------
  async function refresh(timed) {
    const seq = ++state.seq;
    const t0 = performance.now();
    const filters = { ...state.filters };
    exportLinks();
    renderChips();
    map.setCountry(filters.country || null);
    try {
      const [events, places, facets] = await Promise.all([
        getJSON("/api/events", { ...filters, limit: PAGE, offset: state.offset }),
        getJSON("/api/places", filters),
        getJSON("/api/facets", filters),
      ]);
      if (seq !== state.seq) return; // a newer filter is loading
      state.events = events.events;
      state.total = events.total;
      state.facets = facets;
      renderFacets(facets);
      renderChips();
      renderTable();
      map.setPlaces(places.places);
      map.setSelected(selectedEvent());
      renderMapNote(places);
      showError(null);
    } catch (err) {
      if (seq !== state.seq) return;
      clearResults();
      showError(err);
    }
    perf.loads += 1;
    if (timed) perf.filterMs.push(Math.round(performance.now() - t0));
  }

  // the chart and the map, drawn by chart.js and map.js
  const chart = WirecoderChart.create($("chart"), {
    onRange: (from, to) => apply({ ...state.filters, date_from: from, date_to: to }),
  });
  const map = WirecoderMap.create($("map"), { onPick: showPlace, onView: replaceURL });

  function renderLegend() {
    const items = [1, 2, 3, 4].map((q) =>
      el("li", {}, el("span", { class: `swatch q${q}`, "aria-hidden": "true" }), QUADS[q]),
    );
    $("legend").replaceChildren(...items);
  }

  /** Load what the URL says: on start, and when Back or Forward changes it. */
  async function load() {
    const { event, view } = fromURL();
    writeForm(state.filters);
    if (view) map.setView(view);
    else map.setView({ cx: 0, cy: 0, span: 360 });
    await refresh(false);
    if (event) await selectEvent(event.article_id, event.event_index, false);
    else if (state.selected) {
      // Back to a filter with no event open: the panel says so again
      state.selected = null;
      markSelectedRow();
      map.setSelected(null);
      $("detail-h").textContent = "Event";
      replace($("detail-body"), el("p", { class: "note" }, "Choose an event in the table, or a dot on the map."));
    }
  }

  async function start() {
    renderLegend();
    const form = $("filters");
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      apply(readForm());
    });
    // selects, dates and the confidence slider apply at once; text boxes on Enter or Apply
    form.addEventListener("change", (ev) => {
      if (ev.target.matches("select, input[type=date], input[type=range]")) apply(readForm());
    });
    $("f-conf").addEventListener("input", () => {
      $("f-conf-out").textContent = Number($("f-conf").value).toFixed(2);
    });
    $("clear").addEventListener("click", () => apply({}));
    $("prev").addEventListener("click", () => {
      state.offset = Math.max(0, state.offset - PAGE);
      pushURL();
      refresh(true);
    });
    $("next").addEventListener("click", () => {
      if (state.offset + PAGE >= state.total) return;
      state.offset += PAGE;
      pushURL();
      refresh(true);
    });
    $("zoom-in").addEventListener("click", () => map.zoomBy(2));
    $("zoom-out").addEventListener("click", () => map.zoomBy(0.5));
    $("zoom-fit").addEventListener("click", () => map.fit());
    $("zoom-world").addEventListener("click", () => map.world());
    window.addEventListener("popstate", () => load());
    getJSON("/api/stats")
      .then((st) => {
        const c = st.counts;
        $("summary").textContent = `${c.articles} articles, ${c.events} events, ${c.rejects} rejected inputs in this store.`;
      })
      .catch(showError);
    await load();
    perf.renderMs = Math.round(performance.now());
    perf.ready = true;
  }

  document.addEventListener("DOMContentLoaded", start);
})();
