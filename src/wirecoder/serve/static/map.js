// wirecoder serve: the map. Country outlines (Natural Earth, shipped as basemap.json) under
// one dot per place; pan by dragging, zoom with the wheel or the buttons; dots that overlap at
// the current zoom are grouped; the dots are one tab stop (arrow keys move between them).
"use strict";

window.WirecoderMap = (() => {
  const W = 720;
  const H = 360;
  const QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
  };
  const MIN_SPAN = 2; // degrees of longitude across the map, zoomed in all the way
  const FIT_SPAN = 20; // "zoom to the events" never shows less than this: a country and its neighbours

  const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
  const fmtLon = (v) => (v === 0 ? "0°" : `${Math.abs(v)}°${v < 0 ? "W" : "E"}`);
  const fmtLat = (v) => (v === 0 ? "0°" : `${Math.abs(v)}°${v < 0 ? "S" : "N"}`);
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

  /** The commonest quad class of {quad: n} counts (the lower number on a tie), 0 if none. */
  function topQuad(byQuad) {
    let best = 0;
    let most = 0;
    for (const q of [1, 2, 3, 4]) {
      const n = byQuad[q] || 0;
      if (n > most) [best, most] = [q, n];
    }
    return best;
  }

  function quadText(byQuad) {
    return [1, 2, 3, 4, 0]
      .filter((q) => byQuad[q])
      .map((q) => `${byQuad[q]} ${QUADS[q] || "with no quad class"}`)
      .join(", ");
  }

  function placeName(p) {
    const where = [p.name, p.country].filter(Boolean).join(", ") || `${p.lat}, ${p.lon}`;
    return `${where} (${p.kind || "place"})`;
  }

  /** A map on `svgEl`. onPick(group): a dot was chosen; onView(view): the user moved the map. */
  function create(svgEl, { onPick, onView }) {
    const mk = (tag, attrs) => {
      const node = document.createElementNS(svgEl.namespaceURI, tag);
      for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
      return node;
    };
    let view = { cx: 0, cy: 0, span: 360 };
    let places = [];
    let groups = [];
    let selected = null; // {lat, lon} of the opened event
    let country = null;
    let active = 0; // the dot that holds the tab stop
    let pending = 0;
    let viewTimer = 0;

    const sea = mk("rect", { x: 0, y: 0, width: W, height: H, fill: "#eef4f8" });
    const land = mk("g", { "aria-hidden": "true" });
    const grat = mk("g", { "aria-hidden": "true" });
    const dots = mk("g", { role: "list", "aria-label": "Places with events" });
    svgEl.replaceChildren(sea, land, grat, dots);

    fetch("/static/basemap.json")
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(res.statusText))))
      .then((data) => {
        const frag = document.createDocumentFragment();
        for (const c of data.countries) {
          const path = mk("path", { d: c.d, class: "land" });
          if (c.id) path.dataset.id = c.id;
          frag.append(path);
        }
        land.append(frag);
        markCountry();
      })
      .catch(() => {
        /* the map still works without outlines: the graticule stays */
      });

    function clampView(v) {
      const span = clamp(v.span, MIN_SPAN, 360);
      return {
        span,
        cx: clamp(v.cx, -180 + span / 2, 180 - span / 2),
        cy: clamp(v.cy, -90 + span / 4, 90 - span / 4),
      };
    }

    const k = () => W / view.span; // pixels per degree (the same both ways)
    const lon0 = () => view.cx - view.span / 2;
    const lat1 = () => view.cy + view.span / 4;
    const x = (lon) => (lon - lon0()) * k();
    const y = (lat) => (lat1() - lat) * k();

    function gratStep(span) {
      for (const s of [1, 2, 5, 10, 15, 30, 60]) if (span / s <= 12) return s;
      return 60;
    }

    function drawGrat() {
      const frag = document.createDocumentFragment();
      const step = gratStep(view.span);
      const lonEnd = lon0() + view.span;
      const latBottom = lat1() - view.span / 2;
      for (let lon = Math.ceil(lon0() / step) * step; lon <= lonEnd; lon += step) {
        const px = x(lon);
        frag.append(mk("line", { x1: px, y1: 0, x2: px, y2: H, class: lon === 0 ? "grat zero" : "grat" }));
        // longitudes along the bottom, clear of the latitude labels' column and the right edge
        if (px < 36 || px > W - 30) continue;
        const label = mk("text", { x: px + 2, y: H - 3, class: "grat-label" });
        label.textContent = fmtLon(lon);
        frag.append(label);
      }
      for (let lat = Math.ceil(latBottom / step) * step; lat <= lat1(); lat += step) {
        const py = y(lat);
        frag.append(mk("line", { x1: 0, y1: py, x2: W, y2: py, class: lat === 0 ? "grat zero" : "grat" }));
        // latitudes down the left, clear of the top edge and the longitudes' row
        if (py < 12 || py > H - 16) continue;
        const label = mk("text", { x: 2, y: py - 2, class: "grat-label" });
        label.textContent = fmtLat(lat);
        frag.append(label);
      }
      grat.replaceChildren(frag);
    }

    const radius = (n) => Math.min(26, 4 + 3 * Math.sqrt(n));

    /** Places in view, those whose dots would overlap merged (the busiest place leads). */
    function group() {
      const cell = 52;
      const grid = new Map();
      const out = [];
      const sorted = [...places].sort((a, b) => b.n - a.n || a.lat - b.lat || a.lon - b.lon);
      for (const p of sorted) {
        const px = x(p.lon);
        const py = y(p.lat);
        if (px < -30 || px > W + 30 || py < -30 || py > H + 30) continue;
        const r = radius(p.n);
        const gx = Math.floor(px / cell);
        const gy = Math.floor(py / cell);
        let host = null;
        for (let i = -1; i <= 1 && !host; i++) {
          for (let j = -1; j <= 1 && !host; j++) {
            for (const g of grid.get(`${gx + i},${gy + j}`) || []) {
              if (Math.hypot(g.x - px, g.y - py) < 0.75 * (g.r + r)) {
                host = g;
                break;
              }
            }
          }
        }
        if (host) {
          host.places.push(p);
          host.n += p.n;
          for (const [q, n] of Object.entries(p.by_quad)) host.byQuad[q] = (host.byQuad[q] || 0) + n;
          continue;
        }
        const g = { x: px, y: py, r, n: p.n, places: [p], byQuad: { ...p.by_quad } };
        out.push(g);
        const key = `${gx},${gy}`;
        if (!grid.has(key)) grid.set(key, []);
        grid.get(key).push(g);
      }
      for (const g of out) {
        g.r = radius(g.n);
        g.quad = topQuad(g.byQuad);
        const lead = placeName(g.places[0]);
        const where = g.places.length === 1 ? lead : `${plural(g.places.length, "place")} around ${lead}`;
        g.label = `${where}: ${plural(g.n, "event")} (${quadText(g.byQuad)})`;
      }
      return out;
    }

    const near = (a, b) => Math.abs(a.lat - b.lat) < 1e-4 && Math.abs(a.lon - b.lon) < 1e-4;

    function drawDots() {
      groups = group();
      active = clamp(active, 0, Math.max(0, groups.length - 1));
      const frag = document.createDocumentFragment();
      groups.forEach((g, i) => {
        const dot = mk("circle", {
          cx: g.x.toFixed(1),
          cy: g.y.toFixed(1),
          r: g.r.toFixed(1),
          class: `dot q${g.quad}${g.places.length > 1 ? " group" : ""}`,
          tabindex: i === active ? 0 : -1,
          role: "button",
          "aria-label": g.label,
          "data-index": i,
        });
        if (selected && g.places.some((p) => near(p, selected))) dot.classList.add("selected");
        const title = mk("title", {});
        title.textContent = g.label;
        dot.append(title);
        const item = mk("g", { role: "listitem" });
        item.append(dot);
        frag.append(item);
      });
      dots.replaceChildren(frag);
    }

    function render() {
      land.setAttribute("transform", `scale(${k()}) translate(${-lon0()} ${lat1()})`);
      drawGrat();
      drawDots();
    }

    function schedule() {
      if (pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        render();
      });
    }

    function moved() {
      clearTimeout(viewTimer);
      viewTimer = setTimeout(() => onView(getView()), 250);
    }

    function setView(v, notify = true) {
      view = clampView(v);
      schedule();
      if (notify) moved();
    }

    function getView() {
      const r = (v, d) => Number(v.toFixed(d));
      return { cx: r(view.cx, 2), cy: r(view.cy, 2), span: r(view.span, 2) };
    }

    function zoomAt(factor, px, py) {
      const lon = lon0() + px / k();
      const lat = lat1() - py / k();
      const span = clamp(view.span / factor, MIN_SPAN, 360);
      const kk = W / span;
      setView({ span, cx: lon - px / kk + span / 2, cy: lat + py / kk - span / 4 });
    }

    /** The view that shows every place, never closer than FIT_SPAN degrees across. */
    function fit() {
      if (!places.length) return world();
      const lons = places.map((p) => p.lon);
      const lats = places.map((p) => p.lat);
      const [a, b] = [Math.min(...lons), Math.max(...lons)];
      const [c, d] = [Math.min(...lats), Math.max(...lats)];
      const span = Math.max(FIT_SPAN, 1.3 * (b - a), 2.6 * (d - c));
      setView({ span, cx: (a + b) / 2, cy: (c + d) / 2 });
    }

    function world() {
      setView({ cx: 0, cy: 0, span: 360 });
    }

    // -- the user's hands: drag, wheel, double click, keys ----------------------------------
    const scale = () => W / (svgEl.getBoundingClientRect().width || W); // page px -> map px
    const local = (ev) => {
      const box = svgEl.getBoundingClientRect();
      return [(ev.clientX - box.left) * scale(), (ev.clientY - box.top) * scale()];
    };
    let drag = null;
    svgEl.addEventListener("pointerdown", (ev) => {
      if (ev.button !== 0 || ev.target.classList.contains("dot")) return;
      drag = { x: ev.clientX, y: ev.clientY, view: { ...view }, id: ev.pointerId, moved: false };
      svgEl.setPointerCapture(ev.pointerId);
    });
    svgEl.addEventListener("pointermove", (ev) => {
      if (!drag || ev.pointerId !== drag.id) return;
      const dx = (ev.clientX - drag.x) * scale();
      const dy = (ev.clientY - drag.y) * scale();
      if (!drag.moved && Math.hypot(dx, dy) < 3) return;
      drag.moved = true;
      svgEl.classList.add("dragging");
      const kk = W / drag.view.span;
      setView({ span: drag.view.span, cx: drag.view.cx - dx / kk, cy: drag.view.cy + dy / kk });
    });
    const stop = () => {
      drag = null;
      svgEl.classList.remove("dragging");
    };
    svgEl.addEventListener("pointerup", stop);
    svgEl.addEventListener("pointercancel", stop);
    svgEl.addEventListener(
      "wheel",
      (ev) => {
        ev.preventDefault();
        const [px, py] = local(ev);
        zoomAt(Math.exp(-ev.deltaY * 0.002), px, py);
      },
      { passive: false },
    );
    svgEl.addEventListener("dblclick", (ev) => {
      if (ev.target.classList.contains("dot")) return;
      const [px, py] = local(ev);
      zoomAt(2, px, py);
    });
    const pick = (ev) => {
      const i = Number(ev.target.dataset.index);
      if (!Number.isInteger(i) || !groups[i]) return;
      active = i;
      onPick(groups[i]);
    };
    dots.addEventListener("click", pick);
    dots.addEventListener("keydown", (ev) => {
      const i = Number(ev.target.dataset.index);
      if (!Number.isInteger(i)) return;
      const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        pick(ev);
      } else if (ev.key in moves || ev.key === "Home" || ev.key === "End") {
        ev.preventDefault();
        const last = groups.length - 1;
        active = ev.key === "Home" ? 0 : ev.key === "End" ? last : clamp(i + moves[ev.key], 0, last);
        for (const d of dots.querySelectorAll(".dot")) d.setAttribute("tabindex", "-1");
        const next = dots.querySelector(`.dot[data-index="${active}"]`);
        if (next) {
          next.setAttribute("tabindex", "0");
          next.focus();
        }
      } else if (ev.key === "+" || ev.key === "=" || ev.key === "-") {
        ev.preventDefault();
        zoomAt(ev.key === "-" ? 0.5 : 2, groups[i].x, groups[i].y);
      }
    });

    function markCountry() {
      for (const path of land.querySelectorAll("path.chosen")) path.classList.remove("chosen");
      if (!country) return;
      for (const path of land.querySelectorAll(`path[data-id="${country}"]`)) path.classList.add("chosen");
    }

    render();
    return {
      setPlaces(list) {
        places = list || [];
        active = 0;
        render();
      },
      setSelected(spot) {
        selected = spot && spot.lat != null && spot.lon != null ? spot : null;
        drawDots();
      },
      setCountry(code) {
        country = code && /^[A-Z0-9]{2,4}$/.test(code) ? code : null;
        markCountry();
      },
      zoomBy(factor) {
        zoomAt(factor, W / 2, H / 2);
      },
      fit,
      world,
      setView: (v) => setView(v, false),
      getView,
      groups: () => groups,
    };
  }

  return { create, QUADS };
})();
