"""The web page's API on a store of many articles: filters that agree with the counts,
export of the current filter, facets, the time series and the OpenAPI description."""

from __future__ import annotations

import json

import pytest
from test_serve import call, get_json

from wirecoder.serve import make_app


@pytest.fixture(scope="module")
def app(page_store):
    with make_app(page_store) as wsgi:
        yield wsgi


def test_the_type_filter_counts_what_the_stats_count(app):
    """The page's type list comes from /api/stats: each type's filter returns that many."""
    st = get_json(app, "/api/stats")
    assert len(st["by_type"]) > 5
    for kind, n in st["by_type"]:
        listed = get_json(app, f"/api/events?type={kind}&limit=1000")
        assert listed["total"] == n, kind
        assert all((e["plover_type"] or e["event_type"]) == kind for e in listed["events"])
