"""The API's biggest answers, written as JSON text (issue 19 item 9): a page of events, the
map's places and an article with its events. DuckDB writes each event's JSON (`to_json` of the row, its JSON columns
embedded as they are stored); Python only adds a few columns per event and joins the texts,
so no event becomes a dict, no JSON column is decoded and no value is converted one by one.

The statements stay small on purpose: DuckDB plans every statement anew, and a statement
that does everything at once (CTEs, scalar subqueries, nested structs) cost more to plan
than its rows cost to read and write, on the 2,000-article benchmark store.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..store import Store

#: PLOVER quad classes, by the number stored in `events.quad`.
QUAD_CLASSES: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

#: Events listed per map place; the place's counts still count them all.
PLACE_EVENTS = 50
#: Map places sent at most (the busiest first), so a huge store still draws quickly.
MAX_PLACES = 5000
#: What a map place is: a town, a first-level region, or a country's centroid.
PLACE_KINDS = {"city": "town", "admin1": "region", "country": "country centroid"}
#: The most rows SQL takes (a BIGINT).
_MAX_ROWS = 2**63 - 1


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


def _clusters(store: Store, event_ids: Sequence[str]) -> dict[str, tuple[str, int, int]]:
    """event id -> (cluster id, the cluster's articles, its independent sources)."""
    found = store.con.execute(
        "SELECT m.event_id, m.cluster_id, c.n_articles, c.n_sources "
        "FROM cluster_members m JOIN clusters c ON c.cluster_id = m.cluster_id "
        "WHERE m.event_id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted({e for e in event_ids if e})],
    ).fetchall()
    return {eid: (cid, n_art, n_src) for eid, cid, n_art, n_src in found}


def _event_text(
    text: str,
    quad: int | None,
    article: tuple[Any, Any, Any],
    cluster: tuple[Any, Any, Any],
) -> str:
    """An event's JSON (`to_json` of its row) with the columns the API adds after them."""
    extra = {
        "article_title": article[0],
        "article_date": article[1],
        "article_source": article[2],
        "cluster_id": cluster[0],
        "cluster_n_articles": cluster[1],
        "cluster_n_sources": cluster[2],
        "quad_class": QUAD_CLASSES.get(quad or 0),
    }
    return text[:-1] + ", " + _dumps(extra)[1:]


_NONE3 = (None, None, None)


def event_texts(store: Store, rowids: Sequence[int]) -> list[str]:
    """The events with these row ids as the API sends them, in the order given: every
    events column (JSON columns as stored), then the article's title, date and source, the
    event's cluster and the cluster's counts, and its quad class. Three small look-ups: the
    rows, their articles, their clusters."""
    if not rowids:
        return []
    keys = list(rowids)
    rows = store.con.execute(
        "SELECT e.rowid, e.article_id, e.event_id, e.quad, CAST(to_json(e) AS VARCHAR) "
        "FROM events e WHERE e.rowid IN (SELECT unnest(?::BIGINT[]))",
        [keys],
    ).fetchall()
    articles = {
        i: (t, d, src)
        for i, t, d, src in store.con.execute(
            "SELECT id, title, strftime(date, '%Y-%m-%d'), source FROM articles "
            "WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted({r[1] for r in rows})],
        ).fetchall()
    }
    clusters = _clusters(store, [r[2] for r in rows])
    by_rowid = {
        rowid: _event_text(text, quad, articles.get(aid, _NONE3), clusters.get(eid or "", _NONE3))
        for rowid, aid, eid, quad, text in rows
    }
    return [by_rowid[r] for r in keys if r in by_rowid]


def article_text(store: Store, article_id: str) -> str | None:
    """One article as the API sends it: its columns, its events in order (as `event_texts`
    writes them), its quotes, framing and claims (issue 17); None if there is no such
    article. Four small statements: the article, its events, their clusters, its voices."""
    found = store.con.execute(
        "SELECT CAST(to_json({'id': id, 'title': title, 'date': strftime(date, '%Y-%m-%d'), "
        "'source': source, 'url': url, 'text': text, 'coder_version': coder_version, "
        "'n_events': n_events}) AS VARCHAR), title, strftime(date, '%Y-%m-%d'), source "
        "FROM articles WHERE id = ?",
        [article_id],
    ).fetchall()
    if not found:
        return None
    head, *article = found[0]
    rows = store.con.execute(
        "SELECT e.event_id, e.quad, CAST(to_json(e) AS VARCHAR) FROM events e "
        "WHERE e.article_id = ? ORDER BY e.event_index",
        [article_id],
    ).fetchall()
    clusters = _clusters(store, [r[0] for r in rows])
    events = [
        _event_text(text, quad, tuple(article), clusters.get(eid or "", _NONE3))
        for eid, quad, text in rows
    ]
    voices: dict[int, list[str]] = {0: [], 1: [], 2: []}
    for part, _, text in store.con.execute(
        """
        SELECT 0 AS part, quote_index AS i, CAST(to_json({
            'quote_id': quote_id, 'speaker_text': speaker_text, 'speaker_name': speaker_name,
            'speaker_kind': speaker_kind, 'anonymous': anonymous, 'cue_text': cue_text,
            'cue_start': cue_start, 'cue_end': cue_end, 'content_text': content_text,
            'content_start': content_start, 'content_end': content_end, 'kind': kind,
            'via': via, 'event_ids': event_ids}) AS VARCHAR)
        FROM quotes WHERE article_id = ?
        UNION ALL
        SELECT 1, framing_index, CAST(to_json({
            'text': text, 'start': start, 'end': "end", 'category': category,
            'target_text': target_text, 'target_name': target_name}) AS VARCHAR)
        FROM framing WHERE article_id = ?
        UNION ALL
        SELECT 2, rowid, CAST(to_json({
            'claim_id': claim_id, 'topic': topic, 'event_ids': event_ids,
            'stances': coalesce(CASE json_type(stances)
                                    WHEN 'NULL' THEN NULL
                                    WHEN 'VARCHAR' THEN CAST(stances ->> '$' AS JSON)
                                    ELSE stances END, CAST('[]' AS JSON))}) AS VARCHAR)
        FROM claims WHERE article_id = ?
        ORDER BY part, i
        """,
        [article_id] * 3,
    ).fetchall():
        voices[part].append(text)
    parts = zip(("events", "quotes", "framing", "claims"), (events, *voices.values()), strict=True)
    tail = "".join(f', "{name}": [{", ".join(texts)}]' for name, texts in parts)
    return head[:-1] + tail + "}"


def events_page(
    store: Store, conditions: str, params: Sequence[Any], limit: int, offset: int
) -> tuple[int, str]:
    """(how many events match, the JSON array of one page of them), newest first by the
    event's day (its date, else its article's).

    Dated and undated events are ranked apart and merged: the dated ones need no join with
    the articles, so a page of a million events costs a top-N, not a join. The count and
    the page's row ids come from one statement, the rows from `event_texts`."""
    extra = f"AND {conditions}" if conditions else ""
    where = f"WHERE {conditions}" if conditions else ""
    k = min(offset + limit, _MAX_ROWS)
    total, keys = store.con.execute(
        f"""
        WITH d AS (SELECT e.rowid AS r, e.date AS day, e.article_id AS aid, e.event_index AS ix
                   FROM events e WHERE e.date IS NOT NULL {extra}
                   ORDER BY day DESC, aid, ix LIMIT ?),
             u AS (SELECT e.rowid AS r, a.date AS day, e.article_id AS aid, e.event_index AS ix
                   FROM events e JOIN articles a ON a.id = e.article_id
                   WHERE e.date IS NULL {extra}
                   ORDER BY day DESC NULLS LAST, aid, ix LIMIT ?)
        SELECT (SELECT count(*) FROM events e {where}),
               (SELECT list(r ORDER BY day DESC NULLS LAST, aid, ix) FROM
                   (SELECT * FROM d UNION ALL SELECT * FROM u
                    ORDER BY day DESC NULLS LAST, aid, ix LIMIT ? OFFSET ?))
        """,
        [*params, k, *params, k, *params, limit, offset],
    ).fetchall()[0]
    return int(total), "[" + ", ".join(event_texts(store, keys or [])) + "]"


def places_json(store: Store, conditions: str, params: Sequence[Any]) -> tuple[bool, str]:
    """(whether there were more than MAX_PLACES places, the JSON array of the busiest):
    located events grouped by place (one dot a place), with counts by quad class, what the
    place is, and its latest PLACE_EVENTS events (date, type, status, actors, trigger)."""
    where = " AND ".join(c for c in (conditions, "e.lat IS NOT NULL AND e.lon IS NOT NULL") if c)
    rows = store.con.execute(
        f"""
        SELECT round(e.lat, 4) AS lat, round(e.lon, 4) AS lon,
               mode(e.location_name) AS name, mode(e.location_country) AS country,
               json_extract_string(any_value(e.location), '$.feature') AS feature,
               count(*) AS n,
               [count_if(e.quad = 1), count_if(e.quad = 2), count_if(e.quad = 3),
                count_if(e.quad = 4), count_if(e.quad IS NULL OR e.quad NOT IN (1, 2, 3, 4))]
                   AS by_quad,
               [k.r FOR k IN max({{'d': e.date, 'a': e.article_id, 'i': e.event_index,
                                   'r': e.rowid}}, {PLACE_EVENTS})] AS latest
        FROM events e WHERE {where}
        GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?
        """,
        [*params, MAX_PLACES + 1],
    ).fetchall()
    shown = rows[:MAX_PLACES]
    listed = dict(
        store.con.execute(
            "SELECT e.rowid, CAST(to_json({'event_id': e.event_id, 'article_id': e.article_id, "
            "'event_index': e.event_index, 'type': coalesce(e.plover_type, e.event_type), "
            "'status': e.status, 'quad': e.quad, 'date': strftime(e.date, '%Y-%m-%d'), "
            "'source': e.source_name, 'target': e.target_name, 'trigger': e.trigger_text}) "
            "AS VARCHAR) FROM events e WHERE e.rowid IN (SELECT unnest(?::BIGINT[]))",
            [[r for row in shown for r in row[7]]],
        ).fetchall()
    )
    out = []
    for lat, lon, name, country, feature, n, counts, latest in shown:
        by_quad = {str(q): counts[q - 1] for q in QUAD_CLASSES if counts[q - 1]}
        if counts[4]:
            by_quad["0"] = counts[4]
        # the dot's colour: its commonest quad class (the lower number on a tie)
        quad = max(QUAD_CLASSES, key=lambda q: (counts[q - 1], -q)) if any(counts[:4]) else None
        place = {
            "lat": lat,
            "lon": lon,
            "name": name,
            "country": country,
            "n": n,
            "by_quad": by_quad,
            "quad": quad,
            "quad_class": QUAD_CLASSES.get(quad or 0),
            "feature": feature,
            "kind": PLACE_KINDS.get(feature or "", "place"),
        }
        events = ", ".join(listed[r] for r in latest if r in listed)
        out.append(_dumps(place)[:-1] + f', "events": [{events}]}}')
    return len(rows) > MAX_PLACES, "[" + ", ".join(out) + "]"


__all__ = [
    "MAX_PLACES",
    "PLACE_EVENTS",
    "PLACE_KINDS",
    "QUAD_CLASSES",
    "article_text",
    "event_texts",
    "events_page",
    "places_json",
]
