"""Rebuild src/wirecoder/actors/data/countries.tsv.

Sources: rigour (ISO codes, Wikidata ids, sovereign-state flags), countryinfo
(demonyms, capitals, coordinates, population) and wirecoder's own overrides in
scripts/country_overrides.yaml. Run:  python scripts/build_countries.py

`part_of` names the state PLOVER codes a dependency as (Greenland -> DNK); the
dependency keeps its own row so places can still be located on the map.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import countryinfo
import yaml
from rigour.territories import get_territories

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/wirecoder/actors/data/countries.tsv"
OVERRIDES = ROOT / "scripts/country_overrides.yaml"
# Non-independent entities PLOVER keeps separate (manual v0.8, "Country names").
KEEP_TERRITORIES = {"HKG", "PSE", "ATA", "TWN", "KOS"}


def main() -> int:
    overrides = yaml.safe_load(OVERRIDES.read_text())
    info = {}
    for c in countryinfo.all_countries():
        d = c.info()
        a3 = (d.get("ISO") or {}).get("alpha3")
        if a3:
            info[a3.upper()] = d
    rows = {}
    for t in get_territories():
        a3 = (t.alpha3 or "").upper()
        if not a3 or t.is_historical:
            continue
        if not (t.is_country or a3 in KEEP_TERRITORIES):
            continue
        if a3 == "XKX":
            a3 = "KOS"
        d = info.get(a3, {})
        name = t.name
        aliases = {name}
        if t.full_name:
            aliases.add(t.full_name)
        for alt in d.get("altSpellings") or []:
            if (
                alt.isascii()
                and len(alt) > 3
                and not alt.isupper()
                and not any(c in alt for c in ",()")
            ):
                aliases.add(alt)
        aliases = {a for a in aliases if not any(c in a for c in ",()")}
        demonyms = set()
        dem = d.get("demonym")
        if dem and "/" not in dem and dem != name:
            # "Antiguan,Barbudan": one demonym per constituent part
            demonyms.update(x.strip() for x in dem.split(",") if x.strip())
        lat, lon = (d.get("latlng") or [None, None])[:2]
        clat, clon = (d.get("capital_latlng") or [None, None])[:2]
        rows[a3] = {
            "iso3": a3,
            "name": name,
            "wikidata": t.qid or "",
            "aliases": aliases,
            "demonyms": demonyms,
            "capital": d.get("capital") or "",
            "lat": lat,
            "lon": lon,
            "capital_lat": clat,
            "capital_lon": clon,
            "population": d.get("population") or "",
            "part_of": "",
        }
    for a3, extra in overrides.items():
        row = rows.setdefault(
            a3,
            {
                "iso3": a3,
                "name": extra.get("name", a3),
                "wikidata": "",
                "aliases": set(),
                "demonyms": set(),
                "capital": "",
                "lat": None,
                "lon": None,
                "capital_lat": None,
                "capital_lon": None,
                "population": "",
                "part_of": "",
            },
        )
        if "name" in extra:
            row["name"] = extra["name"]
            row["aliases"].add(extra["name"])
        row["aliases"].update(extra.get("aliases", []))
        row["demonyms"].update(extra.get("demonyms", []))
        for key in (
            "wikidata",
            "capital",
            "lat",
            "lon",
            "capital_lat",
            "capital_lon",
            "population",
            "part_of",
        ):
            if key in extra:
                row[key] = extra[key]
        if "capitals" in extra:
            row["capital"] = "|".join(extra["capitals"])
    # an adjective is not a name of the state ("Montenegrin" came as an alternative spelling),
    # nor is a word the overrides drop ("Island" for Iceland, "Mann" for the Isle of Man)
    for a3, row in rows.items():
        keep = set(overrides.get(a3, {}).get("aliases", [])) | {row["name"]}
        drop = set(overrides.get(a3, {}).get("drop_aliases", []))
        dems = {x.lower() for x in row["demonyms"]}
        row["aliases"] = {
            a for a in row["aliases"] if a not in drop and (a in keep or a.lower() not in dems)
        }
    # A demonym two countries claim ("Chinese" for China and Hong Kong) goes to the
    # one whose override lists it, else to the more populous one.
    owners: dict[str, list[str]] = {}
    for a3, row in rows.items():
        for dem in row["demonyms"]:
            owners.setdefault(dem.lower(), []).append(a3)
    for dem, codes in owners.items():
        if len(codes) < 2:
            continue
        listed = [
            c for c in codes if dem in {x.lower() for x in overrides.get(c, {}).get("demonyms", [])}
        ]
        winner = (
            listed[0] if listed else max(codes, key=lambda c: float(rows[c]["population"] or 0))
        )
        for c in codes:
            if c != winner:
                rows[c]["demonyms"] = {x for x in rows[c]["demonyms"] if x.lower() != dem}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(
            [
                "iso3",
                "name",
                "wikidata",
                "aliases",
                "demonyms",
                "capital",
                "lat",
                "lon",
                "capital_lat",
                "capital_lon",
                "population",
                "part_of",
            ]
        )
        for a3 in sorted(rows):
            r = rows[a3]
            w.writerow(
                [
                    a3,
                    r["name"],
                    r["wikidata"],
                    "|".join(sorted(r["aliases"])),
                    "|".join(sorted(r["demonyms"])),
                    r["capital"],
                    "" if r["lat"] is None else r["lat"],
                    "" if r["lon"] is None else r["lon"],
                    "" if r["capital_lat"] is None else r["capital_lat"],
                    "" if r["capital_lon"] is None else r["capital_lon"],
                    r["population"],
                    r["part_of"],
                ]
            )
    print(f"wrote {len(rows)} countries to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
