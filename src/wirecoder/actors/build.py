"""Building the actor dictionary from wirecoder's data files (and the user's own).

The built-in lists load in a fixed order, the first a tie falls to: countries, the hand-checked
organisations and people, the dated office holders and groups, the further lists
(`MORE_LISTS`), then the Phoenix-derived knowledge base below all of them. The result is
cached by content hash (`cached.py`), so this runs once per installation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import Codes, ConfigError, ResourceError
from .dictionary import DATA, KB_PRIORITY, SECTORS, ActorDictionary, Country, Entry, Role
from .forms import plain_form


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def _tokens(text: str) -> list[str]:
    """spaCy's tokens of a form; words of letters alone split on spaces, which is what spaCy
    does with them, without its cost (the lists hold some 16,000 such forms)."""
    words = text.split()
    if all(w.isalpha() for w in words):
        return words
    return [t.text for t in _tokenizer()(text)]


def _is_case_sensitive(form: str, common: frozenset[str]) -> bool:
    if form.startswith("="):
        return True
    words = form.split()
    if len(words) == 1:
        w = words[0]
        if w.isupper() and len(w.replace(".", "")) <= 5:
            return True
        if w[:1].isupper() and w.lower() in common:
            return True
    return False


def _read_rows(path: Path | Any, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    text = path.read_text(encoding="utf-8")
    lines = [
        (i, ln)
        for i, ln in enumerate(text.splitlines(), 1)
        if ln.strip() and not ln.startswith("#")
    ]
    if not lines:
        return
    header = lines[0][1].split("\t")
    for lineno, line in lines[1:]:
        cells = line.split("\t")
        yield (
            lineno,
            {h: (cells[k].strip() if k < len(cells) else "") for k, h in enumerate(header)},
        )


def _float(v: str) -> float | None:
    try:
        return float(v) if v else None
    except ValueError:
        return None


def _builtin(name: str) -> Any:
    try:
        return resources.files(DATA).joinpath(name)
    except (ModuleNotFoundError, FileNotFoundError) as exc:  # pragma: no cover - broken install
        raise ResourceError(Codes.E202, path=name, detail=str(exc)) from exc


def common_words() -> frozenset[str]:
    try:
        from ..nlp import english_words

        return english_words()
    except ResourceError:
        return frozenset()


#: further lists in the people.tsv columns, read after the lists above (which win a tie)
MORE_LISTS = (
    ("companies.tsv", "org"),
    ("opposition.tsv", "person"),
    ("armed_leaders.tsv", "person"),
    ("igo_heads.tsv", "person"),
    ("people_more.tsv", "person"),
    ("media.tsv", "org"),
    ("legislators.tsv", "person"),
    ("regional_leaders.tsv", "person"),
    ("people_news.tsv", "person"),
    ("ministers.tsv", "person"),
    ("party_leaders.tsv", "person"),
    ("finance.tsv", "person"),
    ("security_chiefs.tsv", "person"),
    ("parties.tsv", "org"),
    ("orgs_state.tsv", "org"),
    ("orgs_civil.tsv", "org"),
)


def build_builtin(common: frozenset[str] | None = None) -> ActorDictionary:
    """The dictionary from wirecoder's own data files."""
    common = common_words() if common is None else common
    d = ActorDictionary(common=common)
    # countries: names, demonyms, capitals
    for lineno, row in _read_rows(_builtin("countries.tsv"), "countries.tsv"):
        iso3 = row["iso3"]
        capitals = tuple(c for c in row.get("capital", "").split("|") if c)
        d.countries[iso3] = Country(
            iso3=iso3,
            name=row["name"],
            wikidata=row.get("wikidata") or None,
            lat=_float(row.get("lat", "")),
            lon=_float(row.get("lon", "")),
            capitals=capitals,
            capital_lat=_float(row.get("capital_lat", "")),
            capital_lon=_float(row.get("capital_lon", "")),
            population=int(float(row.get("population") or 0)),
            part_of=row.get("part_of") or None,
        )
        src = f"countries.tsv:{lineno}"
        qid = row.get("wikidata") or None
        for form in sorted({row["name"], *row.get("aliases", "").split("|")} - {""}):
            e = Entry(row["name"], iso3, None, qid, "country", src)
            d.add(_tokens(form), e, _is_case_sensitive(form, common))
            if not form.lower().startswith("the "):
                # "the CAR" keeps the abbreviation's case: "the car" is a car
                d.add(["the", *_tokens(form)], e, _is_case_sensitive(form, common))
        for form in filter(None, row.get("demonyms", "").split("|")):
            e = Entry(row["name"], iso3, None, None, "demonym", src)
            d.add(_tokens(form), e, _is_case_sensitive(form, common) or form.isupper())
        for cap in capitals:
            e = Entry(row["name"], iso3, "GOV", qid, "capital", src, role=f"capital {cap}")
            d.add(_tokens(cap), e, True)
    for lineno, row in _read_rows(_builtin("organizations.tsv"), "organizations.tsv"):
        _add_named(d, row, "org", f"organizations.tsv:{lineno}", common)
    for lineno, row in _read_rows(_builtin("people.tsv"), "people.tsv"):
        _add_named(d, row, "person", f"people.tsv:{lineno}", common)
    # the team's dated lists: office holders 2000-2025, armed groups, cartels and parties
    for lineno, row in _read_rows(_builtin("officeholders.tsv"), "officeholders.tsv"):
        _add_named(d, row, "person", f"officeholders.tsv:{lineno}", common)
    for lineno, row in _read_rows(_builtin("groups.tsv"), "groups.tsv"):
        _add_named(d, row, "org", f"groups.tsv:{lineno}", common)
    # the team's lists of names news gives alone: companies, opposition, armed-group leaders...
    for fname, kind in MORE_LISTS:
        for lineno, row in _read_rows(_builtin(fname), fname):
            _add_named(d, row, kind, f"{fname}:{lineno}", common)
    refine_years(d)
    _add_knowledge_base(d)
    for _, row in _read_rows(_builtin("roles.tsv"), "roles.tsv"):
        flags = set(filter(None, (row.get("flags") or "").split(",")))
        sector = "" if row["sector"] == "-" else row["sector"]
        # tokenised like the text ("ex-president" is three tokens); abbreviations are one
        # token before a name ("Gen. Dunford") but two elsewhere ("gen ."): both forms
        pattern = row["pattern"].lower()
        forms = {tuple(t for t in _tokens(pattern) if t.strip()), tuple(pattern.split())}
        for words in forms:
            d.add_role(
                Role(
                    words,
                    sector,
                    "person" in flags,
                    "weak" in flags,
                    "nocountry" in flags,
                    "mod" in flags,
                    "topic" in flags,
                    "instrument" in flags,
                )
            )
    return d


KB_FILE = "phoenix_actors.tsv"


def _add_knowledge_base(d: ActorDictionary) -> None:
    """The Phoenix-derived dated people, armed groups and organisations
    (scripts/build_actor_kb.py). Forms come split into tokens, so loading needs no tokenizer;
    its entries rank below every other, so they are appended without re-sorting (30,000 rows
    load in about 0.2 s)."""
    path = _builtin(KB_FILE)
    if not path.is_file():  # pragma: no cover - the file ships with the package
        return
    ends = _own_terms_end(d)
    header: list[str] | None = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line[0] == "#":
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            col = {h: k for k, h in enumerate(header)}
            kind, name, tokens = col["kind"], col["name"], col["tokens"]
            country, sector, start, end = col["country"], col["sector"], col["from"], col["to"]
            continue
        forms = cells[tokens].split("|")
        who = cells[name] or forms[0].lstrip("=")
        valid_to = cells[end] or None
        if valid_to is None and cells[kind] == "person":
            # Phoenix (2014-15) leaves a sitting official's role open; where the team's lists
            # close the term it began (the first end after its start), it ends there (Karzai is no
            # president in 2016, nor Zuma in 2019, before his new party of 2023)
            after = [e for e in ends.get(who.casefold(), ()) if e >= cells[start][: len(e)]]
            valid_to = after[0] if after else None
        entry = Entry(
            who,
            cells[country] or None,
            cells[sector] or None,
            None,
            cells[kind],
            f"{KB_FILE}:{lineno}",
            cells[start] or None,
            valid_to,
            None,
            KB_PRIORITY,
        )
        for form in forms:
            if form[0] == "=":
                key = tuple(form[1:].split(" "))
                d.exact.setdefault(key, []).append(entry)
                d.first_exact.add(key[0])
            else:
                key = tuple(form.lower().split(" "))
                d.folded.setdefault(key, []).append(entry)
                d.first_folded.add(key[0])
            if len(key) > d.max_len:
                d.max_len = len(key)


def _own_terms_end(d: ActorDictionary) -> dict[str, list[str]]:
    """Name -> the end dates of the dated terms the team's lists give that person, in order."""
    ends: dict[str, set[str]] = {}
    for table in (d.exact, d.folded):
        for bucket in table.values():
            for e in bucket:
                if e.kind == "person" and e.priority >= 0 and e.valid_to:
                    ends.setdefault(e.name.casefold(), set()).add(e.valid_to)
    return {k: sorted(v) for k, v in ends.items()}


def refine_years(d: ActorDictionary) -> None:
    """A term given by years ("Obama, 2009-2017") takes the day another list gives for the
    same person and sector in that year (2017-01-20): "2017" alone would keep him president
    through December, and an article of May 2017 must code him as former (ELI)."""
    days: dict[tuple[str, str | None], tuple[set[str], set[str]]] = {}
    for table in (d.exact, d.folded):
        for bucket in table.values():
            for e in bucket:
                if e.kind != "person":
                    continue
                starts, ends = days.setdefault((e.name, e.sector), (set(), set()))
                if e.valid_from and len(e.valid_from) == 10:
                    starts.add(e.valid_from)
                if e.valid_to and len(e.valid_to) == 10:
                    ends.add(e.valid_to)
    refined: dict[Entry, Entry] = {}
    for table in (d.exact, d.folded):
        for key, bucket in table.items():
            for i, e in enumerate(bucket):
                if e.kind != "person":
                    continue
                if e not in refined:
                    starts, ends = days.get((e.name, e.sector), (set(), set()))
                    new = e
                    if new.valid_from and len(new.valid_from) == 4:
                        same = sorted(x for x in starts if x[:4] == new.valid_from)
                        if same:
                            new = dataclasses.replace(new, valid_from=same[0])
                    if new.valid_to and len(new.valid_to) == 4:
                        same = sorted(x for x in ends if x[:4] == new.valid_to)
                        if same:
                            new = dataclasses.replace(new, valid_to=same[-1])
                    refined[e] = new
                bucket[i] = refined[e]
            # two rows may now be one entry: keep the first of equals
            table[key] = list(dict.fromkeys(bucket))


def _add_named(
    d: ActorDictionary,
    row: dict[str, str],
    kind: str,
    src: str,
    common: frozenset[str],
    priority: int = 0,
) -> None:
    entry = Entry(
        name=row["name"],
        country=row.get("country") or None,
        sector=row.get("sector") or None,
        wikidata=row.get("wikidata") or None,
        kind=kind,
        source=src,
        valid_from=row.get("from") or row.get("valid_from") or None,
        valid_to=row.get("to") or row.get("valid_to") or None,
        role=row.get("role") or None,
        priority=priority,
    )
    for form in filter(None, (row.get("names") or row["name"]).split("|")):
        cs = _is_case_sensitive(form, common)
        tokens = _tokens(form.lstrip("="))
        d.add(tokens, entry, cs)
        if kind in ("org", "user"):
            plain = plain_form(tokens)
            if plain != tokens and len(plain) > 1:
                d.add(plain, entry, cs)


def load_user(d: ActorDictionary, path: Path, common: frozenset[str]) -> None:
    """User entries (YAML list or TSV with the organizations.tsv columns) outrank built-ins."""
    if not path.is_file():
        raise ConfigError(Codes.E302, path=path)
    if path.suffix.lower() in (".tsv", ".txt"):
        for lineno, row in _read_rows(path, path.name):
            if "name" not in row:
                raise ConfigError(Codes.E301, path=path, detail=f"line {lineno}: no 'name' column")
            _add_named(d, row, "user", f"{path.name}:{lineno}", common, priority=10)
        return
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ConfigError(Codes.E301, path=path, detail=str(exc).splitlines()[0]) from exc
    if isinstance(data, dict):
        data = data.get("actors", [data])
    if not isinstance(data, list):
        raise ConfigError(Codes.E301, path=path, detail="expected a list of entries")
    for k, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise ConfigError(Codes.E301, path=path, detail=f"entry {k} is not a mapping")
        patterns = item.get("patterns") or item.get("pattern") or item.get("name")
        if isinstance(patterns, str):
            patterns = [patterns]
        if not patterns or (not item.get("name") and not item.get("country")):
            raise ConfigError(
                Codes.E301, path=path, detail=f"entry {k} needs 'pattern' and 'name' or 'country'"
            )
        country = item.get("country")
        sector = item.get("sector")
        if sector and str(sector).upper() not in SECTORS:
            raise ConfigError(Codes.E301, path=path, detail=f"entry {k}: unknown sector {sector!r}")
        row = {
            "name": str(item.get("name") or patterns[0]),
            "names": "|".join(str(p) for p in patterns),
            "country": str(country).upper() if country else "",
            "sector": str(sector).upper() if sector else "",
            "wikidata": str(item.get("wikidata") or ""),
            "from": str(item.get("valid_from") or ""),
            "to": str(item.get("valid_to") or ""),
            "role": str(item.get("role") or ""),
        }
        _add_named(d, row, "user", f"{path.name}:entry {k}", common, priority=10)


__all__ = ["KB_FILE", "MORE_LISTS", "build_builtin", "load_user"]
