"""`wirecoder serve`: the JSON API and the offline page, called as a WSGI app (no sockets)."""

from __future__ import annotations

import fnmatch
import json
import re
import threading
import tomllib
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app as cli_app
from wirecoder.cli_more import register
from wirecoder.serve import make_app, make_http_server, static_dir
from wirecoder.serve.app import STATIC_FILES, loopback_names
from wirecoder.store import Store
from wirecoder.store.ingest import ingest

register(cli_app)
runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory, example_text) -> Path:
    """A store holding the example article, ingested through the Python API."""
    root = tmp_path_factory.mktemp("serve")
    src = root / "example.txt"
    src.write_text(example_text, encoding="utf-8")
    path = root / "events.duckdb"
    summary = ingest([src], path, date="2021-03-03")
    assert summary.coded == 1 and summary.events >= 5
    return path


@pytest.fixture(scope="module")
def app(db):
    with make_app(db) as wsgi:
        yield wsgi


def call(
    app, url: str, method: str = "GET", host: str = "127.0.0.1:8765"
) -> tuple[int, dict[str, str], bytes]:
    """One request through wsgiref's WSGI validator; (status, headers, body)."""
    environ: dict[str, Any] = {}
    setup_testing_defaults(environ)
    path, _, qs = url.partition("?")
    environ.update(REQUEST_METHOD=method, PATH_INFO=unquote(path), QUERY_STRING=qs, HTTP_HOST=host)
    got: dict[str, Any] = {}

    def start_response(status, headers, exc_info=None):
        got["status"], got["headers"] = status, dict(headers)

    result = validator(app)(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        result.close()
    return int(got["status"].split()[0]), got["headers"], body


def get_json(app, url: str, expect: int = 200) -> Any:
    status, headers, body = call(app, url)
    assert status == expect, body
    assert headers["Content-Type"].startswith("application/json")
    return json.loads(body)


def test_events_have_offsets_that_slice_the_article_to_the_evidence(app):
    listed = get_json(app, "/api/events")
    assert listed["total"] == len(listed["events"]) >= 5
    article_id = listed["events"][0]["article_id"]
    art = get_json(app, f"/api/articles/{article_id}")
    text = art["text"]
    assert art["title"].startswith("Somali troops") and art["date"] == "2021-03-03"
    assert len(art["events"]) == listed["total"]

    def sliced(span: dict[str, Any]) -> None:
        assert text[span["start"] : span["end"]] == span["text"], span

    located = 0
    for ev in art["events"]:
        for field in ("event_type", "status", "quad", "quad_class", "trigger_text", "date"):
            assert ev[field] is not None, (field, ev)
        sliced({"text": ev["trigger_text"], "start": ev["trigger_start"], "end": ev["trigger_end"]})
        assert (
            ev["sentence"]
            == text[ev["sentence_start"] : ev["sentence_start"] + len(ev["sentence"])]
        )
        for actor in [*ev["source"], *ev["target"]]:
            sliced(actor)
        for span in (ev["source_span"], ev["target_span"]):
            if span:
                sliced(span)
        if ev["attribution"]:
            for part in ("speaker", "cue"):
                if ev["attribution"].get(part):
                    sliced(ev["attribution"][part])
        if ev["location"]:
            located += 1
            sliced(ev["location"])
            assert ev["lat"] == ev["location"]["lat"] and ev["lon"] == ev["location"]["lon"]
    assert located >= 1
    # the list carries the same records as the article view
    by_id = {e["event_id"]: e for e in art["events"]}
    for ev in listed["events"]:
        assert by_id[ev["event_id"]]["trigger_start"] == ev["trigger_start"]
        assert ev["article_title"] == art["title"]


def test_filters_narrow_the_events(app):
    everything = get_json(app, "/api/events")["events"]
    for ev in get_json(app, "/api/events?status=negated")["events"]:
        assert ev["status"] == "negated"
    assert get_json(app, "/api/events?status=negated")["total"] == sum(
        e["status"] == "negated" for e in everything
    )

    assault = get_json(app, "/api/events?type=assault")  # case does not matter
    assert assault["total"] >= 1
    assert all("ASSAULT" in (e["event_type"], e["plover_type"]) for e in assault["events"])

    kenya = get_json(app, "/api/events?country=KEN")
    assert kenya["total"] >= 1
    for ev in kenya["events"]:
        countries = {a["country"] for a in [*ev["source"], *ev["target"]]}
        assert "KEN" in countries

    journalists = get_json(app, "/api/events?q=JOURNALISTS")
    assert journalists["total"] >= 1
    assert all("journalists" in e["sentence"].lower() for e in journalists["events"])

    both = get_json(app, "/api/events?country=SOM&status=asserted")
    assert 0 < both["total"] <= get_json(app, "/api/events?country=SOM")["total"]

    # paging: two pages of 3 are the first six events, in the same order
    first = get_json(app, "/api/events?limit=3")["events"]
    second = get_json(app, "/api/events?limit=3&offset=3")["events"]
    assert [e["event_id"] for e in first + second] == [e["event_id"] for e in everything[:6]]


def test_user_text_is_a_value_not_sql(app, db):
    hostile = quote("x' OR 1=1; DROP TABLE events; --")
    assert get_json(app, f"/api/events?q={hostile}")["total"] == 0
    assert get_json(app, "/api/events?type=" + quote("ASSAULT' OR '1'='1"), 400)["parameter"] == (
        "type"
    )
    with Store(db, read_only=True) as st:
        assert st.counts()["events"] > 0


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/events?limit=abc", "limit"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=1001", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?status=maybe", "status"),
        ("/api/events?country=Kenya%20Republic", "country"),
        ("/api/events?limit=1&limit=2", "limit"),
        ("/api/events?colour=red", "colour"),
        ("/api/stats?top=x", "top"),
        ("/api/places?limit=5", "limit"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(app, url, parameter):
    err = get_json(app, url, 400)
    assert err["parameter"] == parameter
    assert err["reason"]


def test_unknown_paths_are_404_and_only_get_is_allowed(app):
    for url in ("/nope", "/api", "/api/events/1", "/static/../pyproject.toml", "/static/x.js"):
        assert call(app, url)[0] == 404, url
    assert get_json(app, "/api/articles/0000000000000000", 404)["error"] == "not found"
    status, headers, _ = call(app, "/api/stats", method="POST")
    assert status == 405 and headers["Allow"] == "GET, HEAD"
    status, headers, body = call(app, "/api/stats", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0


def test_stats_and_places(app):
    st = get_json(app, "/api/stats")
    assert st["counts"]["articles"] == 1
    assert dict((m, n) for m, n in st["by_month"]) == {"2021-03": st["counts"]["events"]}
    assert sum(n for _, n in st["by_type"]) == st["counts"]["events"]
    assert st["by_dyad"] and all(len(row) == 3 for row in st["by_dyad"])
    assert {q for q, _, _ in st["by_quad"]} <= {1, 2, 3, 4, None}

    found = get_json(app, "/api/places")
    assert found["truncated"] is False
    places = found["places"]
    mogadishu = [p for p in places if p["name"] == "Mogadishu"]
    assert mogadishu and mogadishu[0]["country"] == "SOM"
    assert mogadishu[0]["quad_class"] == "material conflict"
    assert mogadishu[0]["n"] == len(mogadishu[0]["events"]) >= 1
    located = get_json(app, "/api/events?limit=1000")["events"]
    assert sum(p["n"] for p in places) == sum(e["lat"] is not None for e in located)
    for p in get_json(app, "/api/places?status=asserted")["places"]:
        assert all(e["status"] == "asserted" for e in p["events"])


_REMOTE = re.compile(r"https?:|//[a-z0-9.-]+\.[a-z]{2,}/", re.IGNORECASE)


def test_the_page_loads_nothing_from_the_internet(app):
    status, headers, html = call(app, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    page = html.decode("utf-8")
    for ref in re.findall(r'(?:src|href)="([^"]*)"', page):
        assert ref.startswith(("/static/", "#", "data:")), ref
    for name in STATIC_FILES:
        if name == "index.html":
            continue
        status, headers, body = call(app, f"/static/{name}")
        assert status == 200 and headers["Content-Type"] == STATIC_FILES[name]
        text = body.decode("utf-8")
        assert "http://" not in text and "https://" not in text, name
        assert not _REMOTE.search(text), name
        assert "@import" not in text and "url(" not in text, name
    assert "http://" not in page and "https://" not in page
    # the page's parts the script needs are there, labelled
    for part in ('id="map"', 'id="rows"', 'id="detail-body"', 'for="f-type"', 'for="f-q"'):
        assert part in page


def test_static_files_ship_with_the_package():
    folder = static_dir()
    for name in STATIC_FILES:
        assert folder.joinpath(name).is_file(), name
    # and pyproject's package data puts them in the wheel
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["wirecoder"]
    for name in STATIC_FILES:
        assert any(fnmatch.fnmatch(f"serve/static/{name}", g) for g in globs), name


def test_a_local_server_answers_to_its_own_names_only(db):
    """A web page elsewhere cannot read the store by pointing its domain at 127.0.0.1."""
    with make_app(db, allowed_hosts=loopback_names("127.0.0.1")) as local:
        for host in ("127.0.0.1:8765", "localhost:8765", "[::1]:8765", "LOCALHOST"):
            assert call(local, "/api/stats", host=host)[0] == 200, host
        for host in ("evil.example:8765", "127.0.0.1.evil.example", "[::2]:80"):
            status, _, body = call(local, "/api/stats", host=host)
            assert status == 403 and b"Host" in body, host
    for public in ("0.0.0.0", "192.168.1.20", "example.org"):
        assert loopback_names(public) is None


def test_a_real_server_on_loopback(db):
    app = make_app(db, allowed_hosts=loopback_names("127.0.0.1"))
    server = make_http_server(app, "127.0.0.1", 0, log=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=10) as res:
            assert res.status == 200
            assert json.load(res)["counts"]["articles"] == 1
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        app.close()


def test_cli_serve(tmp_path):
    res = runner.invoke(cli_app, ["serve", "--help"])
    assert res.exit_code == 0 and "127.0.0.1" in res.output and "--port" in res.output
    res = runner.invoke(cli_app, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert res.exit_code == 3
    assert "E401" in res.stderr
