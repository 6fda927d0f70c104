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
from pathlib import Path

from .forms import STATE_KINDS, dotted_variants, inside_new_name

DATA = "wirecoder.actors.data"
#: the Phoenix-derived rows rank below wirecoder's own lists; the article's descriptors win over both
KB_PRIORITY = -1
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
            # an organisation's common words ("Victims", "Against", "Law") are no names: kept
            # capitalised, they would glue a headline's words into one entity
            org = entry.kind == "org"
            self.name_words.update(
                t.lower()
                for t in tokens
                if t[:1].isupper() and not (org and t.lower() in self.common)
            )

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


@lru_cache(maxsize=8)
def load_dictionary(user_files: tuple[str, ...] = ()) -> ActorDictionary:
    """Built-ins plus user files, cached per process and file set."""
    from .build import common_words, load_user

    common = common_words()
    gc_was_on = gc.isenabled()
    gc.disable()  # 150,000 small objects: the collector's passes would double the time
    try:
        from .cached import cached_builtin

        d = cached_builtin(common)
    finally:
        if gc_was_on:
            gc.enable()
    for f in user_files:
        load_user(d, Path(f), common)
    return d


__all__ = [
    "DATA",
    "KB_PRIORITY",
    "NONSTATE",
    "SECTORS",
    "ActorDictionary",
    "Country",
    "Entry",
    "Role",
    "load_dictionary",
]
