"""`wirecoder stats`: what is in a store, by event type, country pair and month, and a chart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .store import Store

_BY_TYPE = """
SELECT coalesce(plover_type, event_type) AS event_type, count(*) AS n
FROM events GROUP BY 1 ORDER BY n DESC, 1
"""
# one count per (event, source country, target country): "SOM and AU troops attacked
# al-Shabaab" counts for SOM->SOM and IGO->SOM, as in a dyadic (GDELT-style) table
_BY_DYAD = """
WITH s AS (SELECT DISTINCT article_id, event_index, country FROM actors WHERE role = 'source'),
     t AS (SELECT DISTINCT article_id, event_index, country FROM actors WHERE role = 'target')
SELECT s.country AS source, t.country AS target, count(*) AS n
FROM events e
JOIN s ON s.article_id = e.article_id AND s.event_index = e.event_index
JOIN t ON t.article_id = e.article_id AND t.event_index = e.event_index
WHERE s.country IS NOT NULL AND t.country IS NOT NULL
GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?
"""
# events a pair table cannot show: a side missing or of no known country ("AZE -> -")
_ONE_SIDED = """
SELECT count(*) FROM events e WHERE NOT EXISTS (
    SELECT 1 FROM actors s JOIN actors t
      ON t.article_id = s.article_id AND t.event_index = s.event_index AND t.role = 'target'
    WHERE s.article_id = e.article_id AND s.event_index = e.event_index AND s.role = 'source'
      AND s.country IS NOT NULL AND t.country IS NOT NULL)
"""
# counts over time in bins that suit the span: days for two months, weeks for two years
_SPAN = """
SELECT min(coalesce(e.date, a.date)), max(coalesce(e.date, a.date))
FROM events e JOIN articles a ON a.id = e.article_id
"""
_BY_TIME = """
SELECT strftime(date_trunc('{bin}', coalesce(e.date, a.date)), '%Y-%m-%d') AS period,
       count(*) AS n
FROM events e JOIN articles a ON a.id = e.article_id
WHERE coalesce(e.date, a.date) IS NOT NULL
GROUP BY 1 ORDER BY 1
"""
_BY_MONTH = """
SELECT strftime(date_trunc('month', coalesce(e.date, a.date)), '%Y-%m') AS month, count(*) AS n
FROM events e JOIN articles a ON a.id = e.article_id
WHERE coalesce(e.date, a.date) IS NOT NULL
GROUP BY 1 ORDER BY 1
"""
_BY_STATUS = "SELECT status, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC, 1"
# the outlet's framing (wirecoder.voices): per outlet and category, and whom it is about
_FRAMING_BY_SOURCE = """
SELECT coalesce(a.source, '-') AS source, f.category, count(*) AS n,
       count(DISTINCT f.article_id) AS articles
FROM framing f JOIN articles a ON a.id = f.article_id
GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?
"""
_FRAMING_BY_TARGET = """
SELECT coalesce(target_name, target_text, '-') AS target, coalesce(target_country, '-'),
       category, count(*) AS n
FROM framing GROUP BY 1, 2, 3 ORDER BY n DESC, 1, 2, 3 LIMIT ?
"""
_REJECTS = "SELECT code, count(*) AS n FROM rejects GROUP BY 1 ORDER BY n DESC, 1"


def _pairs(store: Store, sql: str, params: list[Any] | None = None) -> list[list[Any]]:
    return [list(r) for r in store.con.execute(sql, params).fetchall()]


def _time_bin(store: Store) -> str:
    first, last = store.con.execute(_SPAN).fetchone() or (None, None)
    if first is None or last is None:
        return "month"
    days = (last - first).days
    return "day" if days <= 62 else "week" if days <= 730 else "month"


def store_stats(store: Store, top: int = 15) -> dict[str, Any]:
    """Counts a reader wants first: totals, by type, top country pairs (both sides known; the
    rest counted as `one_sided`), by month and in bins that suit the store's span, rejects,
    and the outlets' framing words by outlet and by the actor they are about."""
    time_bin = _time_bin(store)
    return {
        "counts": store.counts(),
        "by_type": _pairs(store, _BY_TYPE),
        "by_dyad": _pairs(store, _BY_DYAD, [top]),
        "one_sided": int((store.con.execute(_ONE_SIDED).fetchone() or (0,))[0]),
        "by_month": _pairs(store, _BY_MONTH),
        "time_bin": time_bin,
        "by_time": _pairs(store, _BY_TIME.format(bin=time_bin)),
        "by_status": _pairs(store, _BY_STATUS),
        "rejects_by_code": _pairs(store, _REJECTS),
        "framing_by_source": _pairs(store, _FRAMING_BY_SOURCE, [top]),
        "framing_by_target": _pairs(store, _FRAMING_BY_TARGET, [top]),
    }


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def plot_stats(stats: dict[str, Any], path: str | Path) -> Path:
    """Three panels (type, country pair, month) as a PNG; no display needed."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(16, 5.5))
    types = stats["by_type"][::-1]
    axes[0].barh([t for t, _ in types], [n for _, n in types], color="#4c72b0")
    axes[0].set_title("events by PLOVER type")
    dyads = stats["by_dyad"][::-1]
    axes[1].barh([f"{s} → {t}" for s, t, _ in dyads], [n for *_, n in dyads], color="#dd8452")
    axes[1].set_title("top country pairs (source → target)")
    periods = stats.get("by_time") or stats["by_month"]
    time_bin = stats.get("time_bin", "month")
    # bars, not a line: one or two periods drawn as a line are a lone dot
    axes[2].bar(range(len(periods)), [n for _, n in periods], color="#55a868")
    axes[2].set_xticks(range(len(periods)), [p for p, _ in periods])
    axes[2].set_title(f"events by {time_bin}")
    if len(periods) > 12:
        step = max(1, len(periods) // 12)
        axes[2].set_xticks(range(0, len(periods), step), [p for p, _ in periods][::step])
    axes[2].tick_params(axis="x", rotation=60)
    c = stats["counts"]
    fig.suptitle(
        f"{_plural(c['articles'], 'article')}, {_plural(c['events'], 'event')}, "
        f"{_plural(c['rejects'], 'reject')}"
    )
    fig.tight_layout()
    out = Path(path)
    fig.savefig(out, dpi=100)
    plt.close(fig)
    return out


__all__ = ["plot_stats", "store_stats"]
