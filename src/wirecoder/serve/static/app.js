// wirecoder serve: filters, event table, SVG map and evidence view over the local JSON API.
// Everything the page shows comes from this server; article text is inserted as text, never HTML.
"use strict";

(() => {
  const QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
  };
  const W = 720;
  const H = 360;
  const PAGE = 100;

  const state = {
    filters: {},
    offset: 0,
    total: 0,
    events: [],
    places: [],
    placesTruncated: false,
    selected: null, // {article_id, event_index}
    article: null, // the last article fetched
  };

  const $ = (id) => document.getElementById(id);

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : String(c));
    }
    return node;
  }

  /** An SVG element, in the namespace of the page's <svg> (no namespace URL in this file). */
  function svg(tag, attrs) {
    const node = document.createElementNS($("map").namespaceURI, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

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
    if (!err) {
      box.hidden = true;
      box.textContent = "";
      return;
    }
    box.textContent = `Could not load: ${err.message || err}`;
    box.hidden = false;
  }

  const quadOf = (q) => (q && QUADS[q] ? q : 0);
  const quadName = (q) => QUADS[q] || "no quad class";
  const typeLabel = (e) =>
    e.plover_type && e.plover_type !== e.event_type
      ? `${e.plover_type} (coded ${e.event_type})`
      : e.event_type;

  function actorLabel(e, role) {
    const name = e[`${role}_name`] || (e[`${role}_span`] && e[`${role}_span`].text) || "";
    const country = e[`${role}_country`];
    if (!name && !country) return "—";
    return country ? `${name.trim()} (${country})` : name.trim();
  }

  const placeLabel = (e) =>
    e.location_name ? `${e.location_name}${e.location_country ? `, ${e.location_country}` : ""}` : "";

  // -- filters -------------------------------------------------------------------------
  function readForm() {
    const out = {};
    for (const name of ["type", "country", "status", "q"]) {
      const v = $("filters").elements[name].value.trim();
      if (v) out[name] = v;
    }
    return out;
  }

  function writeForm(filters) {
    for (const name of ["type", "country", "status", "q"]) {
      $("filters").elements[name].value = filters[name] || "";
    }
  }

  function syncURL() {
    const params = new URLSearchParams(state.filters);
    if (state.offset) params.set("offset", state.offset);
    const qs = params.toString();
    history.replaceState(null, "", qs ? `?${qs}` : location.pathname);
  }

  // -- table ---------------------------------------------------------------------------
  async function loadEvents() {
    const data = await getJSON("/api/events", { ...state.filters, limit: PAGE, offset: state.offset });
    state.events = data.events;
    state.total = data.total;
    renderTable();
  }

  function renderTable() {
    const body = $("rows");
    body.replaceChildren();
    if (!state.events.length) {
      body.append(el("tr", {}, el("td", { colspan: 6, class: "note" }, "No events match these filters.")));
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
        el("td", { class: `status status-${e.status}` }, e.status || ""),
        el("td", {}, `${actorLabel(e, "source")} → ${actorLabel(e, "target")}`),
        el("td", {}, e.date || e.article_date || ""),
        el("td", {}, placeLabel(e)),
        el("td", {}, e.trigger_text || ""),
      );
      row.addEventListener("click", () => selectEvent(e.article_id, e.event_index, false));
      body.append(row);
    }
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

  // -- map -----------------------------------------------------------------------------
  async function loadPlaces() {
    const data = await getJSON("/api/places", state.filters);
    state.places = data.places;
    state.placesTruncated = data.truncated;
    renderMap();
  }

  /** The map's extent in degrees: the world, or the events' box at the map's 2:1 shape. */
  function extent() {
    const world = { lon0: -180, lon1: 180, lat0: -90, lat1: 90 };
    if (!$("fit").checked || !state.places.length) return world;
    const lons = state.places.map((p) => p.lon);
    const lats = state.places.map((p) => p.lat);
    let lon0 = Math.min(...lons);
    let lon1 = Math.max(...lons);
    let lat0 = Math.min(...lats);
    let lat1 = Math.max(...lats);
    const pad = Math.max(4, 0.15 * Math.max(lon1 - lon0, lat1 - lat0));
    lon0 -= pad;
    lon1 += pad;
    lat0 -= pad;
    lat1 += pad;
    let w = lon1 - lon0;
    let h = lat1 - lat0;
    if (w < 2 * h) w = 2 * h;
    else h = w / 2;
    w = Math.min(w, 360);
    h = Math.min(h, 180);
    const cx = Math.min(Math.max((lon0 + lon1) / 2, -180 + w / 2), 180 - w / 2);
    const cy = Math.min(Math.max((lat0 + lat1) / 2, -90 + h / 2), 90 - h / 2);
    return { lon0: cx - w / 2, lon1: cx + w / 2, lat0: cy - h / 2, lat1: cy + h / 2 };
  }

  function gratStep(span) {
    for (const s of [1, 2, 5, 10, 15, 30]) if (span / s <= 12) return s;
    return 30;
  }

  const fmtLon = (v) => (v === 0 ? "0°" : `${Math.abs(v)}°${v < 0 ? "W" : "E"}`);
  const fmtLat = (v) => (v === 0 ? "0°" : `${Math.abs(v)}°${v < 0 ? "S" : "N"}`);

  function renderMap() {
    const map = $("map");
    map.replaceChildren();
    const ex = extent();
    // equirectangular: x proportional to longitude, y to latitude
    const x = (lon) => ((lon - ex.lon0) / (ex.lon1 - ex.lon0)) * W;
    const y = (lat) => ((ex.lat1 - lat) / (ex.lat1 - ex.lat0)) * H;
    map.append(svg("rect", { x: 0, y: 0, width: W, height: H, fill: "#eef4f8" }));
    const grat = svg("g", { "aria-hidden": "true" });
    const step = gratStep(ex.lon1 - ex.lon0);
    for (let lon = Math.ceil(ex.lon0 / step) * step; lon <= ex.lon1; lon += step) {
      grat.append(svg("line", { x1: x(lon), y1: 0, x2: x(lon), y2: H, class: lon === 0 ? "grat zero" : "grat" }));
      const label = svg("text", { x: x(lon) + 2, y: H - 3, class: "grat-label" });
      label.textContent = fmtLon(lon);
      grat.append(label);
    }
    for (let lat = Math.ceil(ex.lat0 / step) * step; lat <= ex.lat1; lat += step) {
      grat.append(svg("line", { x1: 0, y1: y(lat), x2: W, y2: y(lat), class: lat === 0 ? "grat zero" : "grat" }));
      const label = svg("text", { x: 2, y: y(lat) < 12 ? y(lat) + 10 : y(lat) - 2, class: "grat-label" });
      label.textContent = fmtLat(lat);
      grat.append(label);
    }
    map.append(grat);

    const dots = svg("g", {});
    // largest first, so smaller dots at the same place stay on top and clickable
    const sorted = [...state.places].sort((a, b) => b.n - a.n);
    const sel = selectedEvent();
    for (const p of sorted) {
      const r = Math.min(26, 4 + 3 * Math.sqrt(p.n));
      const q = quadOf(p.quad);
      const where = [p.name, p.country].filter(Boolean).join(", ") || `${p.lat}, ${p.lon}`;
      const label = `${where}: ${p.n} ${quadName(q)} event${p.n === 1 ? "" : "s"}`;
      const dot = svg("circle", {
        cx: x(p.lon).toFixed(1),
        cy: y(p.lat).toFixed(1),
        r: r.toFixed(1),
        class: `dot q${q}`,
        tabindex: 0,
        role: "button",
        "aria-label": label,
      });
      if (sel && sel.lat != null && Math.abs(sel.lat - p.lat) < 1e-4 && Math.abs(sel.lon - p.lon) < 1e-4) {
        dot.classList.add("selected");
      }
      const title = svg("title", {});
      title.textContent = label;
      dot.append(title);
      dot.addEventListener("click", () => showPlace(p, label));
      dot.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") {
          ev.preventDefault();
          showPlace(p, label);
        }
      });
      dots.append(dot);
    }
    map.append(dots);
    const n = state.places.reduce((s, p) => s + p.n, 0);
    $("map-note").textContent =
      `${n} of ${state.total} matching event${state.total === 1 ? "" : "s"} have a place and are mapped` +
      (state.placesTruncated ? " (the busiest places only)" : "") +
      "; a dot's size counts its events. Select a dot (click, or Tab and Enter) to list them.";
  }

  function renderLegend() {
    const legend = $("legend");
    legend.replaceChildren();
    for (const q of [1, 2, 3, 4]) {
      legend.append(el("li", {}, el("span", { class: `swatch q${q}`, "aria-hidden": "true" }), QUADS[q]));
    }
  }

  function showPlace(p, label) {
    if (p.events.length === 1) {
      selectEvent(p.events[0].article_id, p.events[0].event_index, true);
      return;
    }
    const list = el("ul", { class: "others" });
    for (const ev of p.events) {
      const b = el("button", { type: "button" }, `${ev.type} (${ev.status})`);
      b.addEventListener("click", () => selectEvent(ev.article_id, ev.event_index, true));
      list.append(el("li", {}, b));
    }
    const more = p.n > p.events.length ? el("p", { class: "note" }, `The first ${p.events.length} are listed.`) : null;
    $("detail-h").textContent = label;
    $("detail-body").replaceChildren(el("p", {}, "Events at this place:"), list, more);
    $("detail-h").focus({ preventScroll: true });
  }

  // -- one event in its article --------------------------------------------------------
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
      renderDetail(focus);
      markSelectedRow();
      renderMap();
      showError(null);
    } catch (err) {
      showError(err);
    }
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

  function renderDetail(focus) {
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

    $("detail-body").replaceChildren(
      ...[
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
      ].filter((x) => x !== null),
    );
    // bring the trigger into view inside the text box
    const mark = textBox.querySelector("mark.hl-trigger");
    if (mark) textBox.scrollTop = Math.max(0, mark.offsetTop - textBox.clientHeight / 3);
    if (focus) $("detail-h").focus({ preventScroll: true });
  }

  // -- start ---------------------------------------------------------------------------
  async function refresh() {
    syncURL();
    try {
      await loadEvents();
      await loadPlaces();
      showError(null);
    } catch (err) {
      showError(err);
    }
  }

  async function start() {
    renderLegend();
    const params = new URLSearchParams(location.search);
    for (const name of ["type", "country", "status", "q"]) {
      if (params.get(name)) state.filters[name] = params.get(name);
    }
    state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
    try {
      const st = await getJSON("/api/stats");
      const c = st.counts;
      $("summary").textContent =
        `${c.articles} articles, ${c.events} events, ${c.rejects} rejected inputs in this store.`;
      const sel = $("f-type");
      for (const [type] of st.by_type) sel.append(el("option", { value: type }, type));
    } catch (err) {
      showError(err);
    }
    writeForm(state.filters);
    $("filters").addEventListener("submit", (ev) => {
      ev.preventDefault();
      state.filters = readForm();
      state.offset = 0;
      refresh();
    });
    $("filters").addEventListener("reset", () => {
      state.filters = {};
      state.offset = 0;
      setTimeout(refresh, 0);
    });
    $("prev").addEventListener("click", () => {
      state.offset = Math.max(0, state.offset - PAGE);
      refresh();
    });
    $("next").addEventListener("click", () => {
      if (state.offset + PAGE >= state.total) return;
      state.offset += PAGE;
      refresh();
    });
    $("fit").addEventListener("change", renderMap);
    await refresh();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
