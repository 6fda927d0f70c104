"""Actor dictionaries: built-in data files plus the user's own (`--actors FILE`).

Surface forms are tokenised with the same tokenizer the model uses, so a
dictionary entry matches exactly the tokens the parser sees. Names that are also
common English words ("Amnesty", "Wagner") and short acronyms ("IS", "US") match
only with their capitals, so "us" and "amnesty" stay ordinary words.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import Codes, ConfigError, ResourceError
from .forms import STATE_KINDS, dotted_variants, inside_new_name, plain_form

DATA = "wirecoder.actors.data"
# military aircraft and weapon designators: a maker's or type letters, a dash, a number
_DESIGNATOR = re.compile(
    r"^(f|b|a|ah|ch|uh|mh|mq|rq|v|p|c|kc|e|ea|ef|su|mig|tu|il|mi|ka|j|jf|jh|yak|f/a)"
    r"-?\d{1,3}[a-z]{0,3}(/[a-z]+)?s?$"
)
NONSTATE = {"IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM"}
SECTORS = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
    "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry a surface form points to."""

    name: str
    country: str | None
    sector: str | None
    wikidata: str | None
    kind: str  # country | demonym | capital | org | person | user
    source: str  # "file:line", for `wirecoder actor` explanations
    valid_from: str | None = None  # ISO date or year
    valid_to: str | None = None
    role: str | None = None
    priority: int = 0  # user entries outrank built-ins

    def valid_on(self, date: str | None) -> bool:
        if not date:
            return True
        if self.valid_from and date[: len(self.valid_from)] < self.valid_from:
            return False
        return not (self.valid_to and date[: len(self.valid_to)] > self.valid_to)


@dataclass(frozen=True, slots=True)
class Role:
    words: tuple[str, ...]
    sector: str
    person: bool = False
    weak: bool = False
    nocountry: bool = False
    mod: bool = False  # only qualifies another word ("medical team"), never heads a phrase
    topic: bool = False  # a field, not an institution: "health workers" MED, "health officials" GOV
    instrument: bool = False  # a weapon: an actor only in a string that names one ("F-16s")


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    wikidata: str | None
    lat: float | None
    lon: float | None
    capitals: tuple[str, ...] = ()
    capital_lat: float | None = None
    capital_lon: float | None = None
    population: int = 0
    part_of: str | None = None  # the state PLOVER codes a dependency as (Greenland -> DNK)


@dataclass
class ActorDictionary:
    """Surface forms -> entries, role words -> sectors, and the country table."""

    exact: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)  # case-sensitive
    folded: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)  # lower-case
    roles: dict[str, list[Role]] = field(default_factory=dict)  # by lemma of the last word
    countries: dict[str, Country] = field(default_factory=dict)
    name_words: set[str] = field(default_factory=set)
    first_exact: set[str] = field(default_factory=set)
    first_folded: set[str] = field(default_factory=set)
    max_len: int = 1
    common: frozenset[str] = frozenset()  # common English words (compounds must be made of them)

    # -- building -------------------------------------------------------------------------
    def add(
        self, tokens: list[str], entry: Entry, case_sensitive: bool, name_words: bool = True
    ) -> None:
        """Index a surface form. `name_words`: its capitalised words stay capitalised when a
        headline is sentence-cased (off for the knowledge base, whose 30,000 names hold most
        capitalised words of English)."""
        if not tokens:
            return
        if any("." in t for t in tokens):
            for variant in dotted_variants(tokens):
                self._index(variant, entry, case_sensitive)
        self._index(tokens, entry, case_sensitive)
        if name_words:
            self.name_words.update(t.lower() for t in tokens if t[:1].isupper())

    def _index(self, tokens: list[str], entry: Entry, case_sensitive: bool) -> None:
        key = tuple(tokens) if case_sensitive else tuple(t.lower() for t in tokens)
        table = self.exact if case_sensitive else self.folded
        bucket = table.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
            bucket.sort(key=lambda e: -e.priority)
        (self.first_exact if case_sensitive else self.first_folded).add(key[0])
        self.max_len = max(self.max_len, len(key))

    def add_role(self, role: Role) -> None:
        self.roles.setdefault(role.words[-1], []).append(role)
        self.roles[role.words[-1]].sort(key=lambda r: -len(r.words))

    # -- lookups --------------------------------------------------------------------------
    def is_name_word(self, word: str) -> bool:
        """Is this capitalised word part of a known name? (keeps it capitalised in headlines)"""
        return word.lower() in self.name_words

    def lookup(self, words: Iterable[str]) -> list[Entry]:
        """Entries for an exact surface form (case-sensitive forms first)."""
        tokens = tuple(words)
        return self.exact.get(tokens, []) + self.folded.get(tuple(t.lower() for t in tokens), [])

    def _longest_at(
        self, words: list[str], lowered: list[str], i: int
    ) -> tuple[int, list[Entry]] | None:
        n = len(words)
        if words[i] in self.first_exact or lowered[i] in self.first_folded:
            for j in range(min(n, i + self.max_len), i, -1):
                hits = self.exact.get(tuple(words[i:j]), []) + self.folded.get(
                    tuple(lowered[i:j]), []
                )
                if hits:
                    return j, hits
        return None

    def find(self, words: list[str]) -> Iterator[tuple[int, int, list[Entry]]]:
        """Longest dictionary matches in a token sequence: (start, end, entries). A name that
        starts inside a match and runs past it wins ("President Xi Jinping" is Xi Jinping)."""
        n = len(words)
        lowered = [w.lower() for w in words]
        i = 0
        while i < n:
            best = self._longest_at(words, lowered, i)
            if best:
                later = next(
                    (
                        k
                        for k in range(i + 1, best[0])
                        if (m := self._longest_at(words, lowered, k)) and m[0] > best[0]
                    ),
                    None,
                )
                if later is not None:
                    i = later
                    continue
                if inside_new_name(words, i) and all(e.kind in STATE_KINDS for e in best[1]):
                    i = best[0]  # "New Jersey", "New South Wales": not Jersey, not Wales
                    continue
                yield i, best[0], best[1]
                i = best[0]
            else:
                i += 1

    def role_at(
        self,
        lemmas: list[str],
        lowers: list[str],
        end: int,
        min_start: int = 0,
        qualifier: bool = False,
    ) -> Role | None:
        """The longest role whose last word is token end-1 and that starts at or after min_start.

        `qualifier`: the word modifies another one, so qualifier-only words ("medical") count.
        """
        low = lowers[end - 1]
        keys = {lemmas[end - 1], low}
        if low.endswith("men"):  # "militiamen", "policemen" -> "-man"
            keys.add(low[:-3] + "man")
        # sorted: the same role wins in every process (set order depends on hash seeds)
        exact = {id(r): r for k in sorted(keys) for r in self.roles.get(k, ())}
        if low.endswith("s") and low[:-1] not in keys:
            # a plural the lemmatiser missed; an exact key still wins ("corps" is not "corp")
            for r in self.roles.get(low[:-1], ()):
                if not any(len(x.words) == len(r.words) for x in exact.values()):
                    exact.setdefault(id(r), r)
        cands = sorted(exact.values(), key=lambda r: (-len(r.words), r.words, r.sector))
        for role in cands:
            k = len(role.words)
            if end - k < min_start or (role.mod and not qualifier):
                continue
            if all(
                lowers[end - k + i] == role.words[i] or lemmas[end - k + i] == role.words[i]
                for i in range(k - 1)
            ):
                return role
        if _DESIGNATOR.match(low):  # "F-16", "Su-24s", "MiG-21", "MQ-9"
            return Role((low,), "MIL", instrument=True)
        return self._compound_role(low)

    def _compound_role(self, low: str) -> Role | None:
        """A one-word compound the list lacks.

        "-man/-woman/-person" compounds take the sector of their first part ("newspaperman" ->
        newspaper); other compounds are headed by their last part ("steelmaker" -> maker).
        """
        if not low.isalpha() or len(low) < 7:
            return None
        for suffix in ("woman", "women", "man", "men", "person", "people"):
            stem = low[: -len(suffix)]
            if low.endswith(suffix) and len(stem) >= 3:
                for r in self.roles.get(stem, ()):
                    if len(r.words) == 1 and r.sector:
                        return Role((low,), r.sector, person=not suffix.endswith(("men", "ople")))
                return None
        for k in range(3, len(low) - 3):
            if low[:k] not in self.common:
                continue  # "striking" is not "stri" + "king"
            for r in self.roles.get(low[k:], ()):
                if len(r.words) == 1 and r.sector and not r.mod:
                    return Role((low,), r.sector, person=r.person)
        return None

    # -- demonyms the lists lack ------------------------------------------------------------
    _DEMONYM_ENDINGS = ("ians", "eans", "ans", "ites", "ers", "ese", "ian", "ean", "ish", "ite",
                        "an", "ic", "er", "is", "i")  # fmt: skip

    def _place_names(self) -> dict[str, str]:
        names: dict[str, str] | None = getattr(self, "_names_cache", None)
        if names is None:
            names = {}
            for table in (self.folded, self.exact):
                for key, entries in table.items():
                    for e in entries:
                        if e.kind in ("country", "demonym") and e.country:
                            k = " ".join(key).lower()
                            if not k.startswith("the "):
                                names.setdefault(k, e.country)
            object.__setattr__(self, "_names_cache", names)
        return names

    def guess_demonym(self, words: list[str]) -> Entry | None:
        """A nationality form the lists lack, from a known name of the state: "Turkmeni"
        (Turkmen), "Hong Kongese" (Hong Kong), "Guadeloupian" (Guadeloupe), "Nigeran" (Niger).
        The stem must be a known name or all of one but its last two letters."""
        last = words[-1]
        low = last.lower()
        names = self._place_names()
        for ending in self._DEMONYM_ENDINGS:
            if not low.endswith(ending) or len(low) - len(ending) < 3:
                continue
            stem = " ".join([*(w.lower() for w in words[:-1]), low[: -len(ending)]])
            slack = 2 if len(stem) >= 4 else 1  # "Guadeloup(e)", but "Gaz(a)" at most
            codes = {names[stem]} if stem in names else set()
            if not codes:
                codes = {
                    c
                    for n, c in names.items()
                    if n.startswith(stem) and len(n) <= len(stem) + slack
                }
            if len(codes) == 1:
                code = codes.pop()
                c = self.countries.get(code)
                name = c.name if c is not None else code
                form = " ".join(words)
                return Entry(name, code, None, None, "demonym", f"guessed from '{form}' ~ {stem}")
        return None

    def country(self, iso3: str | None) -> Country | None:
        return self.countries.get(iso3 or "")

    def state_of(self, code: str | None) -> str | None:
        """The country code an actor gets: dependencies fold into their state (PLOVER)."""
        c = self.countries.get(code or "")
        return c.part_of if c is not None and c.part_of else code


# -- loading -------------------------------------------------------------------------------


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


def _common_words() -> frozenset[str]:
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
)


def build_builtin(common: frozenset[str] | None = None) -> ActorDictionary:
    """The dictionary from wirecoder's own data files."""
    common = _common_words() if common is None else common
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
KB_PRIORITY = -1  # below wirecoder's own lists; the article's descriptors win over both


def _add_knowledge_base(d: ActorDictionary) -> None:
    """The Phoenix-derived dated people, armed groups and organisations
    (scripts/build_actor_kb.py). Forms come split into tokens, so loading needs no tokenizer;
    its entries rank below every other, so they are appended without re-sorting (30,000 rows
    load in about 0.2 s)."""
    path = _builtin(KB_FILE)
    if not path.is_file():  # pragma: no cover - the file ships with the package
        return
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
        entry = Entry(
            cells[name] or forms[0].lstrip("="),
            cells[country] or None,
            cells[sector] or None,
            None,
            cells[kind],
            f"{KB_FILE}:{lineno}",
            cells[start] or None,
            cells[end] or None,
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


def _load_user(d: ActorDictionary, path: Path, common: frozenset[str]) -> None:
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


@lru_cache(maxsize=8)
def load_dictionary(user_files: tuple[str, ...] = ()) -> ActorDictionary:
    """Built-ins plus user files, cached per process and file set."""
    common = _common_words()
    gc_was_on = gc.isenabled()
    gc.disable()  # 150,000 small objects: the collector's passes would double the time
    try:
        from .cached import cached_builtin

        d = cached_builtin(common)
    finally:
        if gc_was_on:
            gc.enable()
    for f in user_files:
        _load_user(d, Path(f), common)
    return d


__all__ = ["NONSTATE", "SECTORS", "ActorDictionary", "Country", "Entry", "Role", "load_dictionary"]
