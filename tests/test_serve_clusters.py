"""The page's API for clusters: events carry their cluster and its counts, and
/api/clusters/<id> lists a cluster's reports with why each joined (issue 18 item 6)."""

from __future__ import annotations

from typing import Any

import pytest

from test_serve import call, get_json
from wirecoder.serve import make_app


@pytest.fixture(scope="module")
def app(cluster_store):
    with make_app(cluster_store) as wsgi:
        yield wsgi


def _big(app: Any) -> tuple[list[dict], str]:
    events = get_json(app, "/api/events")["events"]
    big = {e["cluster_id"] for e in events if e["cluster_n_articles"] == 3}
    assert len(big) == 1
    return events, big.pop()


def test_events_carry_their_cluster_and_its_counts(app):
    events, cid = _big(app)
    assert len(events) == 5 and all(e["cluster_id"] for e in events)
    members = [e for e in events if e["cluster_id"] == cid]
    assert len(members) == 3 and {e["cluster_n_sources"] for e in members} == {2}
    alone = [e for e in events if e["cluster_id"] != cid]
    assert [(e["cluster_n_articles"], e["cluster_n_sources"]) for e in alone] == [(1, 1)] * 2
    # the event view (the article) says the same
    art = get_json(app, f"/api/articles/{members[0]['article_id']}")
    assert [e["cluster_id"] for e in art["events"]] == [cid]
    assert art["events"][0]["cluster_n_articles"] == 3


def test_a_cluster_lists_its_reports_and_why_each_joined(app, cluster_store):
    import wirecoder

    events, cid = _big(app)
    rec = get_json(app, f"/api/clusters/{cid}")
    want = next(
        r for r in wirecoder.clusters(cluster_store, records=True) if r["cluster_id"] == cid
    )
    # the record is the one `wirecoder clusters --json` prints, members enriched
    assert {k: v for k, v in rec.items() if k != "members"} == {
        k: v for k, v in want.items() if k != "members"
    }
    assert [m["event_id"] for m in rec["members"]] == [m["event_id"] for m in want["members"]]
    assert (rec["n_articles"], rec["n_sources"]) == (3, 2)
    by_event = {e["event_id"]: e for e in events}
    for m in rec["members"]:
        ev = by_event[m["event_id"]]
        assert (m["article_id"], m["event_index"]) == (ev["article_id"], ev["event_index"])
        assert m["title"] == ev["article_title"] and m["source"] == ev["article_source"]
        assert m["trigger"] == ev["trigger_text"] and m["date"] == "2024-04-30"
        assert m["type"] == "ASSAULT" and m["outlet"]
        assert "type" in m["reason"]["fields"] and 0 < m["reason"]["similarity"] <= 1
    assert {m["outlet"] for m in rec["members"]} == {"bbc", "daily star", "site-one.com"}


@pytest.mark.parametrize(
    "url, status, code",
    [
        ("/api/clusters/c0123456789abcde", 404, "E406"),  # well formed, not in the store
        ("/api/clusters/nope", 400, "E303"),
        ("/api/clusters/c0123456789ABCDE'--", 400, "E303"),
        ("/api/clusters/c0123456789abcde?limit=3", 400, "E303"),  # takes no parameters
    ],
)
def test_a_bad_or_unknown_cluster_is_a_coded_400_or_404(app, url, status, code):
    got, _, body = call(app, url)
    assert got == status
    import json

    err = json.loads(body)
    assert err["code"] == code
    assert "Traceback" not in body.decode()


def test_openapi_describes_the_cluster_path(app):
    spec = get_json(app, "/api/openapi.json")
    op = spec["paths"]["/api/clusters/{id}"]["get"]
    assert [p["name"] for p in op["parameters"]] == ["id"]
    assert op["parameters"][0]["in"] == "path"
    assert op["responses"]["404"]["description"] == "No such cluster."
    assert spec["paths"]["/api/articles/{id}"]["get"]["responses"]["404"]["description"] == (
        "No such article."
    )
