"""The trigger lexicon, mode cues and context cues, read from wirecoder's data files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import Codes, ConfigError, ResourceError
from ..records import EVENT_TYPES

DATA = "wirecoder.events.data"

#: CAMEO root for each PLOVER type (the usual one; modes and entries may override).
CAMEO_ROOT: dict[str, str] = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
    "CONCEDE": "08", "RETREAT": "08", "ACCUSE": "11", "REQUEST": "10", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
    "ASSAULT": "19",
}  # fmt: skip
MODE_CAMEO: dict[tuple[str, str], str] = {
    ("ACCUSE", "investigate"): "09",
    ("ASSAULT", "abduct"): "18",
    ("ASSAULT", "beat"): "18",
    ("ASSAULT", "torture"): "18",
    ("ASSAULT", "sexual"): "18",
    ("ASSAULT", "suicide-attack"): "18",
    ("ASSAULT", "explosives"): "18",
    ("ASSAULT", "assassinate"): "18",
    ("ASSAULT", "primitive"): "18",
    ("ASSAULT", "execute"): "18",
    ("ASSAULT", "massacre"): "20",
    ("ASSAULT", "cleansing"): "20",
    ("ASSAULT", "unconventional"): "20",
}

#: Where the recipient usually is, per type, when an entry does not say.
DEFAULT_TARGETS: dict[str, tuple[str, ...]] = {
    "AGREE": ("P:with", "P:to", "dobj"),
    "CONSULT": ("dobj", "P:with", "P:to"),
    "SUPPORT": ("dobj", "P:for", "P:with"),
    "CONCEDE": ("P:to", "dobj"),
    "COOPERATE": ("P:with",),
    "AID": ("P:to", "iobj", "dative", "P:for", "dobj"),
    "RETREAT": ("P:from", "dobj"),
    "REQUEST": ("dobj", "P:on", "P:to", "P:from"),
    "ACCUSE": ("dobj", "P:against"),
    "REJECT": ("dobj",),
    "THREATEN": ("dobj", "P:against", "P:with"),
    "PROTEST": ("P:against", "dobj"),
    "SANCTION": ("dobj", "P:on", "P:against"),
    "MOBILIZE": ("P:against",),
    "COERCE": ("dobj", "P:on", "P:against"),
    "ASSAULT": ("dobj", "P:on", "P:against", "P:at"),
}
#: Types whose "N of X" names the recipient ("the killing of X"); the others name the actor.
OF_IS_TARGET = {"ASSAULT", "COERCE", "RETREAT", "SANCTION"}


@dataclass(frozen=True)
class TriggerEntry:
    pos: str  # "v" or "n"
    lemma: str
    event_type: str
    mode: str | None = None
    particle: str | None = None
    objects: frozenset[str] = frozenset()
    before: tuple[str, ...] = ()  # noun modifiers before the head ("air" in "air strike")
    after: tuple[str, ...] = ()  # words after the head ("of emergency")
    targets: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # where the actor is when the subject is missing
    of_role: str | None = None
    embed: str | None = None
    flags: frozenset[str] = frozenset()
    cameo: str | None = None
    line: int = 0

    @property
    def weak(self) -> bool:
        return "weak" in self.flags

    @property
    def recip(self) -> bool:
        return "recip" in self.flags

    @property
    def blocks(self) -> bool:
        """A 'none' entry: the words are a statement, not an event."""
        return "none" in self.flags

    @property
    def specificity(self) -> int:
        return 2 * bool(self.particle) + 2 * bool(self.objects) + len(self.before) + len(self.after)

    @property
    def pattern(self) -> str:
        words = [*self.before, self.lemma, *self.after]
        if self.particle:
            words.append(self.particle)
        if self.objects:
            words.append("+" + "/".join(sorted(self.objects)))
        return f"{self.pos}:{' '.join(words)}"

    def target_slots(self) -> tuple[str, ...]:
        if self.targets == ("-",):
            return ()
        return self.targets or DEFAULT_TARGETS.get(self.event_type, ("dobj",))

    def of_is_target(self) -> bool:
        if self.of_role:
            return self.of_role == "tgt"
        return self.event_type in OF_IS_TARGET

    def cameo_root(self, mode: str | None) -> str:
        if self.cameo:
            return self.cameo[:2]
        return MODE_CAMEO.get((self.event_type, mode or ""), CAMEO_ROOT[self.event_type])


@dataclass(frozen=True)
class BroadEntry:
    """A verb of PETRARCH2's CAMEO dictionary: its usual PLOVER type and phrase patterns.

    Broad entries only propose candidates; the learned decision keeps, retypes or drops them.
    """

    lemma: str
    event_type: str | None
    mode: str | None
    patterns: tuple[tuple[str, str | None, frozenset[str]], ...] = ()  # (type|NONE, mode, words)

    def reading(self, words: set[str]) -> tuple[str, str | None] | None:
        """The type a dependent word selects ("rush aid" -> AID), else the default; None = no event."""
        for etype, mode, needed in self.patterns:
            if words & needed:
                return None if etype == "NONE" else (etype, mode)
        return (self.event_type, self.mode) if self.event_type else None


@dataclass
class Lexicon:
    verbs: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    nouns: dict[str, list[TriggerEntry]] = field(default_factory=dict)
    mode_words: dict[str, dict[str, str]] = field(default_factory=dict)  # type -> cue -> mode
    mode_phrases: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    context_words: dict[str, list[str]] = field(default_factory=dict)  # lemma -> contexts
    context_phrases: list[tuple[str, str]] = field(default_factory=list)
    broad: dict[str, BroadEntry] = field(default_factory=dict)  # lemma -> CAMEO dictionary verb

    def entries(self, pos: str, lemma: str) -> list[TriggerEntry]:
        table = self.verbs if pos == "v" else self.nouns
        return table.get(lemma, [])

    def __len__(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + sum(len(v) for v in self.nouns.values())


def _read(name: str, text: str | None = None) -> list[tuple[int, list[str]]]:
    if text is None:
        try:
            text = resources.files(DATA).joinpath(name).read_text(encoding="utf-8")
        except (FileNotFoundError, ModuleNotFoundError) as exc:  # pragma: no cover - broken install
            raise ResourceError(Codes.E202, path=name, detail=str(exc)) from exc
    rows = []
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        rows.append((lineno, [c.strip() for c in line.split("|")]))
    return rows


def parse_trigger(pattern: str, etype: str, mode: str, flags: str, line: int = 0) -> TriggerEntry:
    """One lexicon line -> entry. Raises ValueError with the reason on a bad line."""
    if etype not in EVENT_TYPES:
        raise ValueError(f"unknown event type {etype!r}")
    pos, _, body = pattern.partition(":")
    if pos not in ("v", "n") or not body:
        raise ValueError(f"pattern must start with v: or n: ({pattern!r})")
    words = body.split()
    objects: frozenset[str] = frozenset()
    if words and words[-1].startswith("+"):
        objects = frozenset(o.replace("_", " ") for o in words.pop()[1:].split("/"))
    # objects may contain spaces when written as "+martial law/state of emergency"
    if "+" in body and not objects:
        head, _, objs = body.partition("+")
        words = head.split()
        objects = frozenset(o.strip() for o in objs.split("/"))
    particle = None
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    if pos == "v":
        lemma = words[0]
        if len(words) > 1:
            particle = " ".join(words[1:])
    elif "of" in words[1:]:
        k = words.index("of")
        lemma, after = words[k - 1], tuple(words[k:])
        before = tuple(words[: k - 1])
    else:
        lemma, before = words[-1], tuple(words[:-1])
    opts: dict[str, str] = {}
    flagset = set()
    for f in filter(None, (x.strip() for x in flags.split(","))):
        if "=" in f:
            key, value = f.split("=", 1)
            opts[key] = value
        else:
            flagset.add(f)
    targets = tuple(opts["tgt"].split("/")) if "tgt" in opts else ()
    sources = tuple(opts["src"].split("/")) if "src" in opts else ()
    return TriggerEntry(
        pos=pos,
        lemma=lemma,
        event_type=etype,
        mode=None if mode in ("-", "") else mode,
        particle=particle,
        objects=objects,
        before=before,
        after=after,
        targets=targets,
        sources=sources,
        of_role=opts.get("of"),
        embed=opts.get("embed"),
        flags=frozenset(flagset),
        cameo=opts.get("cameo"),
        line=line,
    )


def _entries(rows: list[tuple[int, list[str]]], where: str, user: bool) -> list[TriggerEntry]:
    out = []
    for lineno, cells in rows:
        cells += [""] * (4 - len(cells))
        try:
            out.append(parse_trigger(cells[0], cells[1], cells[2], cells[3], lineno))
        except (ValueError, IndexError) as exc:
            if user:
                raise ConfigError(Codes.E304, path=f"{where}:{lineno}", detail=str(exc)) from exc
            raise ResourceError(Codes.E202, path=f"{where}:{lineno}", detail=str(exc)) from exc
    return out


_BRITISH = re.compile(r"(?<=[a-z]{3})iz(e|ation)$")


def _hyphen_split(entry: TriggerEntry) -> TriggerEntry | None:
    """A hyphenated noun as the tokenizer splits it ("sit-in": "sit" "-" "in"), its last
    part the head and the others modifiers, as "n:air strike" is written; None otherwise."""
    if entry.pos != "n" or "-" not in entry.lemma or entry.before or entry.after:
        return None
    *mods, head = entry.lemma.split("-")
    if not head or not all(mods):
        return None
    return replace(entry, lemma=head, before=tuple(mods))


def build_lexicon(user_files: tuple[str, ...] = ()) -> Lexicon:
    """The shipped lexicon; a user file's entries replace the shipped ones for the same word."""
    lex = Lexicon()
    for entry in _entries(_read("triggers.txt"), "triggers.txt", user=False):
        table = lex.verbs if entry.pos == "v" else lex.nouns
        table.setdefault(entry.lemma, []).append(entry)
        split = _hyphen_split(entry)
        if split is not None:
            lex.nouns.setdefault(split.lemma, []).append(split)
    for f in user_files:
        path = Path(f)
        if not path.is_file():
            raise ConfigError(Codes.E305, path=path)
        user = [
            replace(e, flags=e.flags | {"user"})  # the user's word is final: no model overrules it
            for e in _entries(
                _read(path.name, path.read_text(encoding="utf-8")), str(path), user=True
            )
        ]
        for key in {(e.pos, e.lemma) for e in user}:
            (lex.verbs if key[0] == "v" else lex.nouns).pop(key[1], None)
        for entry in user:
            (lex.verbs if entry.pos == "v" else lex.nouns).setdefault(entry.lemma, []).append(entry)
    for table in (lex.verbs, lex.nouns):
        for entries in table.values():
            entries.sort(key=lambda e: -e.specificity)
        for lemma in list(table):
            # British spelling, as Indian, African and British outlets write it: "vandalised"
            # is lemmatised "vandalise", "normalisation" stays so
            british = _BRITISH.sub(r"is\1", lemma)
            if british != lemma and british not in table:
                table[british] = [replace(e, lemma=british) for e in table[lemma]]
    for _, cells in _read("modes.txt"):
        etype, mode, cues = cells[0], cells[1], cells[2]
        for cue in (c.strip().lower() for c in cues.split(",")):
            if not cue:
                continue
            if " " in cue or "-" in cue:
                lex.mode_phrases.setdefault(etype, []).append((cue, mode))
            else:
                lex.mode_words.setdefault(etype, {}).setdefault(cue, mode)
    for _, cells in _read("contexts.txt"):
        ctx, cues = cells[0], cells[1]
        for cue in (c.strip().lower() for c in cues.split(",")):
            if not cue:
                continue
            if " " in cue or "-" in cue:
                lex.context_phrases.append((cue, ctx))
            else:
                lex.context_words.setdefault(cue, []).append(ctx)
    lex.broad = read_broad()
    return lex


def read_broad(text: str | None = None) -> dict[str, BroadEntry]:
    """The broad candidate lexicon (cameo_lexicon.tsv, built by scripts/build_cameo_lexicon.py)."""
    if text is None:
        try:
            text = resources.files(DATA).joinpath("cameo_lexicon.tsv").read_text(encoding="utf-8")
        except (FileNotFoundError, ModuleNotFoundError):
            return {}
    out: dict[str, BroadEntry] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        lemma, etype, mode, pats = (line.split("\t") + ["-"] * 4)[:4]
        patterns = []
        for pat in pats.split(";") if pats != "-" else []:
            head, _, words = pat.partition("=")
            ptype, _, pmode = head.partition(":")
            if ptype == "NONE" or ptype in EVENT_TYPES:
                patterns.append((ptype, pmode or None, frozenset(words.split("/"))))
        # blocking patterns first: "killed in an accident" is no event whatever else matches
        patterns.sort(key=lambda p: p[0] != "NONE")
        out[lemma] = BroadEntry(
            lemma,
            etype if etype in EVENT_TYPES else None,
            None if mode in ("-", "") else mode,
            tuple(patterns),
        )
    return out


@lru_cache(maxsize=4)
def load_lexicon(user_files: tuple[str, ...] = ()) -> Lexicon:
    """The shipped lexicon (plus user files), parsed once per process."""
    return build_lexicon(user_files)


def describe(entry: TriggerEntry) -> dict[str, Any]:
    return {
        "pattern": entry.pattern,
        "type": entry.event_type,
        "mode": entry.mode,
        "line": entry.line,
    }


__all__ = [
    "CAMEO_ROOT",
    "DEFAULT_TARGETS",
    "BroadEntry",
    "Lexicon",
    "TriggerEntry",
    "build_lexicon",
    "load_lexicon",
    "parse_trigger",
    "read_broad",
]
