"""The server's answers kept by request (issue 19 item 9): the same bytes as a fresh answer,
bounded, and off with `--no-cache`."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from test_serve import call
from wirecoder.cli import app as cli_app
from wirecoder.cli_more import register
from wirecoder.serve import make_app
from wirecoder.serve.cache import AnswerCache, request_key

register(cli_app)

#: The requests a reader's first view sends, and a few it sends next.
VIEW = [
    "/api/stats",
    "/api/events?limit=100&offset=0",
    "/api/places",
    "/api/facets",
    "/api/events?type=ASSAULT&limit=100&offset=0",
    "/api/facets?type=ASSAULT",
    "/api/places?status=asserted&country=SOM",
]


@pytest.fixture(scope="module")
def apps(page_store):
    with make_app(page_store) as cached, make_app(page_store, cache_bytes=0) as fresh:
        yield cached, fresh


def test_a_kept_answer_is_the_answer_the_store_gives(apps):
    cached, fresh = apps
    assert fresh.cache is None and cached.cache is not None
    first_event = json.loads(call(fresh, "/api/events?limit=1")[2])["events"][0]
    views = [*VIEW, f"/api/articles/{first_event['article_id']}"]
    for url in views:
        first = call(cached, url)
        again = call(cached, url)
        direct = call(fresh, url)
        assert first[0] == again[0] == direct[0] == 200, url
        assert first[2] == again[2] == direct[2], url  # the same bytes, kept or not
        assert first[1]["Content-Type"] == again[1]["Content-Type"]
    assert cached.cache.hits >= len(views)
    assert len(cached.cache) == len(views)


def test_parameters_in_another_order_are_the_same_request(apps):
    cached, _ = apps
    a = call(cached, "/api/events?type=AGREE&status=asserted&limit=5")
    hits = cached.cache.hits
    b = call(cached, "/api/events?limit=5&status=asserted&type=AGREE")
    assert cached.cache.hits == hits + 1
    assert a[2] == b[2] and json.loads(a[2])["limit"] == 5


def test_refusals_are_not_kept_and_stay_refusals(apps):
    cached, _ = apps
    before = len(cached.cache)
    for _ in range(2):
        assert call(cached, "/api/events?limit=0")[0] == 400
        assert call(cached, "/api/articles/no-such-article")[0] == 404
    assert len(cached.cache) == before


def test_the_cache_keeps_at_most_its_bytes_dropping_the_least_recently_used():
    cache = AnswerCache(max_bytes=100)
    key = [request_key(f"/api/x{i}", {}) for i in range(4)]
    for k in key[:3]:
        cache.put(k, (200, [("Content-Type", "application/json")], b"x" * 40))
    assert len(cache) == 2 and cache.size == 80  # the third pushed out the first
    assert cache.get(key[0]) is None and cache.get(key[1]) is not None
    cache.put(key[3], (200, [], b"y" * 40))  # key[1] was used last: key[2] goes
    assert cache.get(key[2]) is None and cache.get(key[1]) is not None
    cache.put(key[0], (200, [], b"z" * 101))  # bigger than the whole cache: not kept
    assert cache.get(key[0]) is None and cache.size <= 100
    got = cache.get(key[1])
    assert got is not None
    got[1].append(("X-Extra", "1"))  # a caller adding headers does not change what is kept
    assert cache.get(key[1])[1] == [("Content-Type", "application/json")]  # type: ignore[index]


def test_cli_serve_takes_no_cache():
    result = CliRunner().invoke(cli_app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "--no-cache" in result.output
