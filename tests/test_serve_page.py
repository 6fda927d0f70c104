"""The web page's API on a store of many articles: filters that agree with the counts,
export of the current filter, facets, the time series and the OpenAPI description."""

from __future__ import annotations

import json
import re

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


def _body(app, url: str) -> tuple[int, dict[str, str], str]:
    status, headers, body = call(app, url)
    return status, headers, body.decode("utf-8")


@pytest.mark.parametrize(
    "filters",
    ["", "type=ASSAULT", "status=negated&outlet=BBC", "country=SOM&date_from=2021-03-01"],
)
def test_export_holds_exactly_the_filtered_events(app, filters):
    import csv
    import io

    listed = get_json(app, f"/api/events?{filters}&limit=1000")
    ids = sorted(e["event_id"] for e in listed["events"])
    assert len(ids) == listed["total"]

    status, headers, text = _body(app, f"/api/export?format=csv&{filters}")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    assert "attachment" in headers["Content-Disposition"]
    assert "Content-Length" not in headers  # streamed
    rows = list(csv.DictReader(io.StringIO(text)))
    assert sorted(r["event_id"] for r in rows) == ids

    status, headers, text = _body(app, f"/api/export?format=plover&{filters}")
    assert status == 200 and headers["Content-Type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in text.split("\n") if line]
    assert sorted(r["id"] for r in records) == ids

    status, headers, text = _body(app, f"/api/export?format=gdelt&{filters}")
    assert status == 200 and headers["Content-Type"].startswith("text/tab-separated-values")
    lines = text.rstrip("\n").split("\n")
    assert lines[0].startswith("GLOBALEVENTID\t")
    assert {line.split("\t")[0] for line in lines[1:]} == set(ids)  # a row per dyad


def test_export_refuses_what_the_list_refuses(app):
    for url, parameter in [
        ("/api/export", "format"),
        ("/api/export?format=xml", "format"),
        ("/api/export?format=csv&status=maybe", "status"),
        ("/api/export?format=csv&limit=5", "limit"),
    ]:
        assert get_json(app, url, 400)["parameter"] == parameter, url


def test_export_streams_over_a_real_server_and_frees_its_cursor(page_store):
    import http.client
    import threading

    from wirecoder.serve import make_http_server

    wsgi = make_app(page_store, cursors=1)
    server = make_http_server(wsgi, "127.0.0.1", 0, log=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        for _ in range(3):  # with one cursor, a cursor kept by an export would hang the next
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
            conn.request("GET", "/api/export?format=plover&type=ASSAULT")
            res = conn.getresponse()
            assert res.status == 200 and res.getheader("Connection") == "close"
            n = res.read().count(b"\n")
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
            conn.request("GET", "/api/events?type=ASSAULT&limit=1")
            assert json.loads(conn.getresponse().read())["total"] == n
            conn.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        wsgi.close()


def test_new_filters_select_what_they_say(app):
    every = get_json(app, "/api/events?limit=1000")["events"]

    def day(e):
        return e["date"] or e["article_date"]

    got = get_json(app, "/api/events?date_from=2021-03-01&date_to=2021-05-31&limit=1000")
    want = [e for e in every if day(e) and "2021-03-01" <= day(e) <= "2021-05-31"]
    assert 0 < got["total"] == len(want) < len(every)
    assert got["filters"] == {"date_from": "2021-03-01", "date_to": "2021-05-31"}

    bbc = get_json(app, "/api/events?outlet=BBC&limit=1000")
    assert 0 < bbc["total"] == sum(e["article_source"] == "BBC" for e in every)

    sure = get_json(app, "/api/events?min_confidence=0.6&limit=1000")
    assert 0 < sure["total"] == sum((e["confidence"] or 0) >= 0.6 for e in every) < len(every)

    police = get_json(app, "/api/events?actor=POLICE&limit=1000")["events"]
    assert police
    for e in police:
        names = " ".join(f"{a.get('name') or ''} {a['text']}" for a in e["source"] + e["target"])
        assert "police" in names.lower()

    pair = get_json(app, "/api/events?source_country=SOM&target_country=SOM&limit=1000")
    for e in pair["events"]:
        assert "SOM" in {a["country"] for a in e["source"]}
        assert "SOM" in {a["country"] for a in e["target"]}


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/events?date_from=2021-13-01", "date_from"),
        ("/api/events?date_from=yesterday", "date_from"),
        ("/api/events?date_from=2021-05-01&date_to=2021-04-01", "date_to"),
        ("/api/events?min_confidence=1.5", "min_confidence"),
        ("/api/events?min_confidence=nan", "min_confidence"),
        ("/api/events?actor=" + "x" * 101, "actor"),
        ("/api/facets?source_country=Somalia", "source_country"),
        ("/api/openapi.json?x=1", "x"),
    ],
)
def test_new_parameters_are_checked(app, url, parameter):
    assert get_json(app, url, 400)["parameter"] == parameter


def test_facets_count_the_filter_without_their_own_choice(app):
    everything = get_json(app, "/api/events?limit=1")["total"]
    facets = get_json(app, "/api/facets?type=ASSAULT")
    # the type list ignores the type filter: it still counts every type
    assert sum(n for _, n in facets["types"]) == everything
    assault = get_json(app, "/api/events?type=ASSAULT&limit=1")["total"]
    assert sum(n for _, n in facets["statuses"]) == assault
    assert sum(n for _, n in facets["outlets"]) == assault
    # the time series counts the filter, by quad class
    assert sum(n for _, _, n in facets["series"]["rows"]) == assault
    assert facets["series"]["bin"] in ("day", "week", "month")
    for code, name, n in get_json(app, "/api/facets")["countries"][:5]:
        assert get_json(app, f"/api/events?country={code}&limit=1")["total"] == n
        assert name and (name != code or len(code) != 3)
    assert dict((c, name) for c, name, _ in get_json(app, "/api/facets")["countries"])["KEN"] == (
        "Kenya"
    )


def test_a_dyad_row_is_the_filter_it_counts(app):
    dyads = get_json(app, "/api/facets?top=5")["dyads"]
    assert 0 < len(dyads) <= 5
    for src, _, tgt, _, n in dyads:
        url = f"/api/events?source_country={src}&target_country={tgt}&limit=1"
        assert get_json(app, url)["total"] == n


def test_one_dot_per_place_says_what_the_place_is(app):
    found = get_json(app, "/api/places")["places"]
    spots = [(p["lat"], p["lon"]) for p in found]
    assert len(spots) == len(set(spots))  # one dot a place, whatever its quad classes
    for p in found:
        assert sum(p["by_quad"].values()) == p["n"]
        assert p["kind"] in ("town", "region", "country centroid", "place")
        for e in p["events"]:
            assert e["type"] and e["date"] and "trigger" in e and "source" in e
    kinds = {p["kind"] for p in found}
    assert {"town", "country centroid"} <= kinds


def test_openapi_describes_every_endpoint_and_parameter_the_server_takes(app):
    spec = get_json(app, "/api/openapi.json")
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    assert set(paths) >= {
        "/api/events",
        "/api/places",
        "/api/facets",
        "/api/export",
        "/api/stats",
        "/api/articles/{id}",
        "/api/clusters/{id}",
        "/api/openapi.json",
    }
    first = get_json(app, "/api/events?limit=1")["events"][0]
    ids = {"/api/articles/": first["article_id"], "/api/clusters/": first["cluster_id"]}
    examples = {"string": "x", "integer": "1", "number": "0.5"}
    for path, item in paths.items():
        url = path.replace("{id}", ids.get(path[: path.rfind("/") + 1], ""))
        query = [p for p in item["get"]["parameters"] if p["in"] == "query"]
        required = {p["name"]: p["schema"]["enum"][0] for p in query if p["required"]}
        base = "&".join(f"{k}={v}" for k, v in required.items())
        status, _, _ = call(app, f"{url}?{base}")
        assert status == 200, path
        # every described parameter is taken (not "unknown"), and a made-up one is refused
        for p in query:
            schema = p["schema"]
            value = (
                schema.get("enum", [None])[0]
                or schema.get("example")
                or ("2021-03-03" if schema.get("format") == "date" else None)
                or examples[schema["type"]]
            )
            status, _, body = call(app, f"{url}?{base}&{p['name']}={value}")
            if p["name"] in required:
                continue
            assert status == 200, (path, p["name"], body)
        assert get_json(app, f"{url}?{base}&nonsense=1", 400)["parameter"] == "nonsense"


def _script(name: str):
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_basemap_is_small_and_names_countries(app):
    status, headers, body = call(app, "/static/basemap.json")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    assert len(body) <= 400_000
    data = json.loads(body)
    assert "Natural Earth" in data["source"]
    by_id = {c["id"]: c for c in data["countries"] if c["id"]}
    assert len(data["countries"]) > 150 and {"KEN", "SOM", "RUS", "FJI", "USA"} <= set(by_id)
    for c in data["countries"]:
        assert c["d"].startswith("M") and c["d"].endswith("Z")
    # Kenya's outline lies around Kenya (x = longitude, y = -latitude)
    nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", by_id["KEN"]["d"])]
    xs, ys = nums[0::2], nums[1::2]
    assert 33 < min(xs) < max(xs) < 42.5 and -6 < min(ys) < max(ys) < 6


def test_the_basemap_script_decodes_a_topology_and_splits_at_the_antimeridian(tmp_path):
    build = _script("build_basemap")
    topo = {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [-180, -90]},
        "objects": {
            "countries": {
                "type": "GeometryCollection",
                "geometries": [
                    # a square from 10E..20E, 0..10N, in one arc (delta-encoded)
                    {"type": "Polygon", "arcs": [[0]], "id": "404", "properties": {"name": "K"}},
                    # a ring that crosses the antimeridian: drawn as two pieces
                    {"type": "Polygon", "arcs": [[1]], "id": "242", "properties": {"name": "F"}},
                ],
            }
        },
        "arcs": [
            [[190, 90], [10, 0], [0, 10], [-10, 0], [0, -10]],
            [[358, 80], [1, 0], [-358, 0], [1, 0], [0, 2], [-1, 0], [358, 0], [-1, 0], [0, -2]],
        ],
    }
    atlas = tmp_path / "countries.json"
    atlas.write_text(json.dumps(topo), encoding="utf-8")
    data = build.build(atlas)
    kenya, fiji = data["countries"]
    assert kenya == {"id": "KEN", "name": "K", "d": "M10 0L20 0L20 -10L10 -10Z"}
    assert fiji["id"] == "FJI" and fiji["d"].count("M") == 2
    for piece in fiji["d"].split("M")[1:]:
        xs = [float(p.split()[0]) for p in piece.rstrip("Z").split("L")]
        assert max(xs) - min(xs) <= 2  # no stroke across the whole map


def test_undated_events_take_their_articles_day_in_order_and_date_filters(page_store, tmp_path):
    """An event with no date of its own sorts and filters by its article's date."""
    import shutil

    import duckdb

    db = tmp_path / "undated.duckdb"
    shutil.copy(page_store, db)
    con = duckdb.connect(str(db))
    # a third of the events lose their own date (as when the text gives none)
    con.execute("UPDATE events SET date = NULL WHERE event_index % 3 = 0")
    con.close()
    with make_app(db) as wsgi:
        every = get_json(wsgi, "/api/events?limit=1000")["events"]
        assert any(e["date"] is None for e in every)

        days = [e["date"] or e["article_date"] for e in every]
        assert days == sorted(days, reverse=True)  # newest first by the event's day
        # the pages cut the same order
        pages = get_json(wsgi, "/api/events?limit=7&offset=7")["events"]
        assert [e["event_id"] for e in pages] == [e["event_id"] for e in every[7:14]]
        for lo, hi in [("2021-03-01", "2021-05-31"), ("2021-06-15", "2021-06-15")]:
            got = get_json(wsgi, f"/api/events?date_from={lo}&date_to={hi}&limit=1000")
            want = [e for e in every if lo <= (e["date"] or e["article_date"]) <= hi]
            assert got["total"] == len(want)
            assert sorted(e["event_id"] for e in got["events"]) == sorted(
                e["event_id"] for e in want
            )
        series = get_json(wsgi, "/api/facets")["series"]
        assert sum(n for _, _, n in series["rows"]) == len(every)


def test_an_abandoned_download_leaves_its_cursor_usable(page_store):
    """A client that leaves mid-download: the server closes the body; the next request on
    the same (only) cursor is answered."""
    from wsgiref.util import setup_testing_defaults

    with make_app(page_store, cursors=1) as wsgi:
        for fmt in ("csv", "plover", "gdelt"):
            environ: dict = {}
            setup_testing_defaults(environ)
            environ.update(
                REQUEST_METHOD="GET",
                PATH_INFO="/api/export",
                QUERY_STRING=f"format={fmt}",
                HTTP_HOST="127.0.0.1",
            )
            body = wsgi(environ, lambda status, headers, exc_info=None: None)
            assert next(iter(body))  # the first chunk, then the client goes away
            body.close()
            assert get_json(wsgi, "/api/events?limit=1")["total"] > 0
