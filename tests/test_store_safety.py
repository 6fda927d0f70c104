"""`wirecoder query` sees the store only; the API answers bad parameters with 400; the server
serves readers side by side over kept-alive connections (issue 19 items 7-9)."""

from __future__ import annotations

import http.client
import json
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from test_serve import call
from wirecoder.cli import app as cli_app
from wirecoder.cli_more import register
from wirecoder.serve import api, make_app, make_http_server
from wirecoder.serve.app import loopback_names
from wirecoder.store.ingest import ingest

register(cli_app)
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory, example_text) -> Path:
    root = tmp_path_factory.mktemp("safety")
    (root / "example.txt").write_text(example_text, encoding="utf-8")
    path = root / "events.duckdb"
    assert ingest([root / "example.txt"], path, date="2021-03-03", fast=True).coded == 1
    return path


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM glob('/root/*')",
        "SELECT * FROM read_text('/etc/hostname')",
        "ATTACH '{other}' AS o",
        "INSTALL httpfs",
        "SET enable_external_access = true",
    ],
)
def test_query_cannot_reach_outside_the_store(db, tmp_path, sql):
    import duckdb

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    res = runner.invoke(cli_app, ["query", sql.format(other=other), "--db", str(db)])
    assert res.exit_code == 2, res.output  # refused SQL is a usage error
    assert "E403" in res.stderr


def test_query_writes_no_file_unless_allowed(db, tmp_path):
    out = tmp_path / "x.csv"
    sql = f"COPY (SELECT event_type FROM events) TO '{out}'"
    res = runner.invoke(cli_app, ["query", sql, "--db", str(db)])
    assert res.exit_code == 2 and not out.exists()
    res = runner.invoke(cli_app, ["query", sql, "--db", str(db), "--allow-files"])
    assert res.exit_code == 0, res.output
    assert out.read_text().startswith("event_type")
    ok = runner.invoke(cli_app, ["query", "SELECT count(*) AS n FROM events", "--db", str(db)])
    assert ok.exit_code == 0 and json.loads(ok.stdout)["n"] > 0


@pytest.fixture(scope="module")
def app(db):
    with make_app(db) as wsgi:
        yield wsgi


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?offset=9223372036854775808",
        "/api/events?offset=99999999999999999999999999999",
        "/api/events?limit=1e3",
        "/api/events?offset=" + "9" * 5000,
        "/api/stats?top=-0x10",
    ],
)
def test_out_of_range_numbers_are_400(app, url):
    status, _, body = call(app, url)
    assert status == 400, body
    assert json.loads(body)["error"] == "bad parameter"


_NAMES = st.sampled_from(["type", "country", "status", "q", "limit", "offset", "top", "x"])
_VALUES = st.text(max_size=40) | st.integers().map(str) | st.sampled_from(["", "%00", "%ff"])


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    path=st.sampled_from(["/api/events", "/api/places", "/api/stats", "/api/articles/x"]),
    params=st.lists(st.tuples(_NAMES, _VALUES), max_size=4),
)
def test_no_parameter_makes_a_500(app, path, params):
    from urllib.parse import quote

    qs = "&".join(f"{k}={quote(v, safe='%')}" for k, v in params)
    status, _, body = call(app, f"{path}?{qs}")
    assert status in (200, 400, 404), body


def test_a_server_keeps_connections_alive_and_answers_readers_side_by_side(db, monkeypatch):
    both_inside = threading.Barrier(2, timeout=20)
    real_stats = api.stats

    def stats(store, query):  # returns only once two requests are in it at the same time
        both_inside.wait()
        return real_stats(store, query)

    monkeypatch.setattr(api, "stats", stats)
    wsgi = make_app(db, allowed_hosts=loopback_names("127.0.0.1"))
    server = make_http_server(wsgi, "127.0.0.1", 0, log=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        for _ in range(3):  # one connection, three answers
            conn.request("GET", "/api/events?limit=2")
            res = conn.getresponse()
            assert res.status == 200 and res.version == 11
            assert len(json.loads(res.read())["events"]) == 2
        sock = conn.sock
        conn.request("GET", "/api/events?limit=1")
        conn.getresponse().read()
        assert conn.sock is sock  # not reopened
        conn.close()

        results: list[int] = []

        def get() -> None:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            c.request("GET", "/api/stats")
            results.append(c.getresponse().status)
            c.close()

        clients = [threading.Thread(target=get) for _ in range(2)]
        for c in clients:
            c.start()
        for c in clients:
            c.join(timeout=30)
        assert results == [200, 200]  # a server taking turns would have broken the barrier
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        wsgi.close()
