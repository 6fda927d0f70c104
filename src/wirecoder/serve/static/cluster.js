// wirecoder serve: one real-world event's cluster, the reports of it from several articles
// (issue 16), each with the outlet, the date, the trigger and why it joined. app.js fetches
// /api/clusters/<id> and puts what `panel` returns in the event panel.
"use strict";

window.WirecoderClusters = (() => {
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

  /** "Reported by 3 articles from 2 outlets": the link from an event to its cluster. */
  const reportedBy = (nArticles, nSources) =>
    `Reported by ${plural(nArticles, "article", "articles")} from ${plural(nSources, "outlet", "outlets")}`;

  /** Why a report joined its cluster: the fields that matched and the text similarity. */
  function joinReason(r) {
    if (!r) return "the first report: the others joined it";
    const sim = Number.isFinite(r.similarity) ? `, similarity ${r.similarity.toFixed(2)}` : "";
    return `joined on ${(r.fields || []).join(", ") || "no field"}${sim}`;
  }

  const heading = (c) => `${c.event_type || "Event"}: ${reportedBy(c.n_articles, c.n_sources)}`;

  /** The panel's nodes: a summary line and the reports, each a button calling `open(member)`;
   * `selected` ({article_id, event_index} or null) marks the report the user came from. */
  function panel(c, el, selected, open) {
    const list = el("ol", { class: "others reports", "aria-label": "Reports of this event" });
    for (const m of c.members) {
      const label = [m.title || "(untitled article)", m.source || m.outlet || "unknown outlet", m.date || "undated"];
      const b = el("button", { type: "button" }, `${label.join(" · ")} · “${m.trigger || ""}”`);
      if (selected && m.article_id === selected.article_id && m.event_index === selected.event_index) {
        b.classList.add("current");
        b.setAttribute("aria-current", "true");
      }
      b.addEventListener("click", () => open(m));
      list.append(el("li", {}, b, el("span", { class: "note reason" }, ` — ${joinReason(m.reason)}`)));
    }
    const dates = c.date_first === c.date_last ? c.date_first : `${c.date_first || "?"} to ${c.date_last || "?"}`;
    const summary = [dates, c.place, plural(c.n_events, "report", "reports"), `outlets: ${(c.outlets || []).join(", ")}`];
    return [el("p", { class: "note" }, summary.filter(Boolean).join(" · ")), list];
  }

  return { reportedBy, joinReason, heading, panel };
})();
