"""Build the web page's basemap: country outlines as SVG paths, small enough to ship.

    python scripts/build_basemap.py [--atlas countries-110m.json] [--out src/wirecoder/serve/static/basemap.json]

The outlines are Natural Earth's 1:110m countries (public domain) as the npm package
`world-atlas` ships them in TopoJSON. Without `--atlas`, the script runs `npm pack world-atlas@2`
in a temporary folder (nothing is written in the repository but the output). It decodes the
topology, splits rings where they cross the antimeridian, rounds to 0.1 degree, drops repeated
points, and writes one SVG path per country in degrees (x = longitude, y = -latitude), so the
page draws it under the dots with a transform and no projection code. The page's map is
equirectangular; 1:110m is plenty at the zooms a world map of news events uses.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "wirecoder" / "serve" / "static" / "basemap.json"
PACKAGE = "world-atlas@2"
MAX_BYTES = 400_000

Point = tuple[float, float]


def fetch_atlas(folder: Path) -> Path:
    """countries-110m.json from `npm pack world-atlas@2`, unpacked in `folder`."""
    done = subprocess.run(
        ["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True, capture_output=True, text=True
    )
    tgz = folder / done.stdout.strip().splitlines()[-1]
    with tarfile.open(tgz) as tar:
        tar.extract("package/countries-110m.json", folder, filter="data")
    return folder / "package" / "countries-110m.json"


def decode_arcs(topo: dict[str, Any]) -> list[list[Point]]:
    """The topology's arcs in degrees (undoing its quantization and delta encoding)."""
    t = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        pts: list[Point] = []
        x = y = 0.0
        for p in arc:
            if t:
                x, y = x + p[0], y + p[1]
                pts.append(
                    (x * t["scale"][0] + t["translate"][0], y * t["scale"][1] + t["translate"][1])
                )
            else:
                pts.append((float(p[0]), float(p[1])))
        arcs.append(pts)
    return arcs


def ring_points(ring: list[int], arcs: list[list[Point]]) -> list[Point]:
    """A ring from its arc indices (~i is arc i reversed); shared end points kept once."""
    out: list[Point] = []
    for index in ring:
        pts = arcs[index] if index >= 0 else arcs[~index][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def split_antimeridian(ring: list[Point]) -> list[list[Point]]:
    """A ring as runs that never jump across the map (a step of more than 180 degrees of
    longitude is the ring crossing the antimeridian); each run is drawn as its own piece."""
    runs: list[list[Point]] = [[]]
    for p in ring:
        if runs[-1] and abs(p[0] - runs[-1][-1][0]) > 180:
            runs.append([])
        runs[-1].append(p)
    if len(runs) > 1 and abs(runs[0][0][0] - runs[-1][-1][0]) <= 180:
        runs[0] = runs.pop() + runs[0]  # the ring's start was inside a run
    return runs


def path_data(rings: list[list[Point]], digits: int = 1) -> str:
    """An SVG path in degrees (y up is north, so y = -latitude), repeated points dropped."""
    parts = []
    for ring in rings:
        pts: list[str] = []
        last = None
        for lon, lat in ring:
            q = (round(lon, digits) + 0.0, round(-lat, digits) + 0.0)  # + 0.0: no "-0"
            if q == last:
                continue
            last = q
            pts.append(f"{q[0]:g} {q[1]:g}")
        if len(pts) > 1 and pts[-1] == pts[0]:
            pts.pop()  # "Z" closes the ring
        if len(pts) >= 3:
            parts.append("M" + "L".join(pts) + "Z")
    return "".join(parts)


def iso3(numeric: str | None) -> str | None:
    """ISO 3166 alpha-3 of a numeric code (world-atlas ids are numeric), when known."""
    if not numeric:
        return None
    import pycountry

    found = pycountry.countries.get(numeric=numeric.zfill(3))
    return found.alpha_3 if found else None


def build(atlas: Path) -> dict[str, Any]:
    topo = json.loads(atlas.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    countries = []
    for geom in topo["objects"]["countries"]["geometries"]:
        kind = geom.get("type")
        polygons = (
            [geom["arcs"]]
            if kind == "Polygon"
            else geom.get("arcs", [])
            if kind == "MultiPolygon"
            else []
        )
        rings: list[list[Point]] = []
        for polygon in polygons:
            for ring in polygon:
                rings.extend(split_antimeridian(ring_points(ring, arcs)))
        d = path_data(rings)
        if d:
            name = (geom.get("properties") or {}).get("name")
            countries.append({"id": iso3(geom.get("id")), "name": name, "d": d})
    return {
        "source": "Natural Earth 1:110m countries (public domain), via the npm package world-atlas 2",
        "units": "degrees: x = longitude, y = -latitude",
        "countries": countries,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--atlas", type=Path, help="world-atlas's countries-110m.json (default: npm pack it)"
    )
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        atlas = args.atlas or fetch_atlas(Path(tmp))
        data = build(atlas)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise SystemExit(f"basemap is {len(text)} bytes, over {MAX_BYTES}: simplify more")
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(data['countries'])} countries, {len(text) / 1000:.0f} kB")


if __name__ == "__main__":
    main()
