// wirecoder serve: the time series of the current filter, stacked by PLOVER quad class, with a
// brush: drag across it (or click one bar) to choose the dates it covers.
"use strict";

window.WirecoderChart = (() => {
  const W = 720;
  const H = 150;
  const PAD = { left: 34, right: 8, top: 8, bottom: 20 };
  const QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
    0: "no quad class",
  };
  const STACK = [4, 3, 2, 1, 0]; // conflict at the bottom, where it is easiest to compare

  const day = (d) => d.toISOString().slice(0, 10);
  const parse = (s) => new Date(`${s}T00:00:00Z`);

  /** The next bin's start after `d` (a Date at a bin start), for day, week or month bins. */
  function next(d, unit) {
    const n = new Date(d.getTime());
    if (unit === "day") n.setUTCDate(n.getUTCDate() + 1);
    else if (unit === "week") n.setUTCDate(n.getUTCDate() + 7);
    else n.setUTCMonth(n.getUTCMonth() + 1);
    return n;
  }

  /** Every bin from the first to the last (empty ones too), with counts by quad class. */
  function bins(series) {
    const counts = new Map();
    for (const [b, q, n] of series.rows) {
      if (!counts.has(b)) counts.set(b, {});
      counts.get(b)[q] = n;
    }
    const keys = [...counts.keys()].sort();
    if (!keys.length) return [];
    const out = [];
    const end = parse(keys[keys.length - 1]);
    for (let d = parse(keys[0]); d <= end && out.length < 5000; d = next(d, series.bin)) {
      const by = counts.get(day(d)) || {};
      const total = Object.values(by).reduce((s, n) => s + n, 0);
      const last = new Date(next(d, series.bin).getTime() - 86400000);
      out.push({ start: day(d), end: day(last), by, total });
    }
    return out;
  }

  /** A chart on `svgEl`; onRange(from, to) when the user brushes dates (ISO days). */
  function create(svgEl, { onRange }) {
    const mk = (tag, attrs) => {
      const node = document.createElementNS(svgEl.namespaceURI, tag);
      for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
      return node;
    };
    let data = [];
    let unit = "month";
    let brush = null;
    const plotW = W - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const slot = () => plotW / Math.max(1, data.length);
    const indexAt = (px) => Math.min(data.length - 1, Math.max(0, Math.floor((px - PAD.left) / slot())));

    function render(series, range) {
      data = series ? bins(series) : [];
      unit = series ? series.bin : "month";
      const frag = document.createDocumentFragment();
      if (!data.length) {
        const t = mk("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "axis" });
        t.textContent = "No dated events";
        svgEl.replaceChildren(t);
        return;
      }
      const max = Math.max(1, ...data.map((b) => b.total));
      const sy = plotH / max;
      const w = slot();
      frag.append(mk("line", { x1: PAD.left, y1: PAD.top + plotH, x2: W - PAD.right, y2: PAD.top + plotH, class: "axis-line" }));
      const top = mk("text", { x: PAD.left - 4, y: PAD.top + 8, "text-anchor": "end", class: "axis" });
      top.textContent = String(max);
      frag.append(top);
      // the chosen range, under the bars
      if (range && (range.from || range.to)) {
        const lo = data.findIndex((b) => !range.from || b.end >= range.from);
        let hi = data.length - 1;
        while (hi >= 0 && range.to && data[hi].start > range.to) hi--;
        if (lo >= 0 && hi >= lo) {
          frag.append(mk("rect", { x: PAD.left + lo * w, y: PAD.top, width: (hi - lo + 1) * w, height: plotH, class: "brush" }));
        }
      }
      data.forEach((b, i) => {
        const g = mk("g", {});
        let yy = PAD.top + plotH;
        for (const q of STACK) {
          const n = b.by[q] || 0;
          if (!n) continue;
          const h = n * sy;
          yy -= h;
          g.append(mk("rect", { x: PAD.left + i * w + 0.5, y: yy, width: Math.max(0.5, w - 1), height: h, class: `bar q${q}` }));
        }
        const title = mk("title", {});
        const parts = STACK.filter((q) => b.by[q]).map((q) => `${b.by[q]} ${QUADS[q]}`);
        title.textContent = `${unit} of ${b.start}: ${b.total} event${b.total === 1 ? "" : "s"}${parts.length ? ` (${parts.join(", ")})` : ""}`;
        g.append(title);
        frag.append(g);
      });
      // a few date labels: first, middle, last
      const picks = [...new Set([0, Math.floor((data.length - 1) / 2), data.length - 1])];
      for (const i of picks) {
        const anchor = i === 0 ? "start" : i === data.length - 1 ? "end" : "middle";
        const xx = i === 0 ? PAD.left : i === data.length - 1 ? W - PAD.right : PAD.left + (i + 0.5) * w;
        const t = mk("text", { x: xx, y: H - 5, "text-anchor": anchor, class: "axis" });
        t.textContent = unit === "month" ? data[i].start.slice(0, 7) : data[i].start;
        frag.append(t);
      }
      brush = mk("rect", { x: 0, y: PAD.top, width: 0, height: plotH, class: "brush", visibility: "hidden" });
      frag.append(brush);
      frag.append(mk("rect", { x: PAD.left, y: 0, width: plotW, height: H, class: "chart-hit" }));
      svgEl.replaceChildren(frag);
    }

    const local = (ev) => {
      const box = svgEl.getBoundingClientRect();
      return (ev.clientX - box.left) * (W / (box.width || W));
    };
    let start = null;
    svgEl.addEventListener("pointerdown", (ev) => {
      if (!data.length || ev.button !== 0) return;
      start = indexAt(local(ev));
      svgEl.setPointerCapture(ev.pointerId);
      show(start, start);
    });
    svgEl.addEventListener("pointermove", (ev) => {
      if (start === null) return;
      show(start, indexAt(local(ev)));
    });
    svgEl.addEventListener("pointerup", (ev) => {
      if (start === null) return;
      const end = indexAt(local(ev));
      const [lo, hi] = [Math.min(start, end), Math.max(start, end)];
      start = null;
      onRange(data[lo].start, data[hi].end);
    });
    svgEl.addEventListener("pointercancel", () => {
      start = null;
      if (brush) brush.setAttribute("visibility", "hidden");
    });

    function show(a, b) {
      if (!brush) return;
      const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
      brush.setAttribute("x", PAD.left + lo * slot());
      brush.setAttribute("width", (hi - lo + 1) * slot());
      brush.setAttribute("visibility", "visible");
    }

    return { render };
  }

  return { create, bins };
})();
