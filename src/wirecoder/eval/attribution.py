"""Reported-speech attribution against PolNeAR (news articles with BRAT attribution spans).

PolNeAR marks every attribution in an article: a Content span (what is attributed), its Cue
("said", "according to", ":") and, unless it has none, its Source (who). wirecoder codes each
whole article; then, for every event whose trigger starts inside a gold Content span (the
innermost one when they nest), the event's `attribution` is checked against that attribution:

- attribution recall: wirecoder attributes the event at all (it has a cue or a speaker);
- cue accuracy: of the events it attributes, the share whose cue overlaps the gold Cue;
- speaker accuracy: of the events it gives a speaker and gold a Source, the share whose speaker
  span overlaps the Source span; the "coref" variant also counts a speaker naming the same
  words elsewhere (gold "Clinton", ours "Hillary Clinton" in an earlier sentence, or a pronoun
  wirecoder resolved to that name);
- fully right: cue right, and speaker right when gold has a Source.

Events whose trigger lies outside every Content span should carry no attribution; the share
that still does is the false-attribution rate. Events inside the spans PolNeAR set aside
(Discard, Discuss) are not scored.

PolNeAR counts more than reported speech: beliefs and knowledge ("know", "believes"), findings
("polls show", "found"), wishes and evaluations ("wants", "criticized"), nominal cues ("allegations
of"). The headline figures count the attributions whose cue names an act of saying or writing
(`SPEECH_LEMMAS`, "according to", a colon or a quotation dash); recall on the other cues is
reported apart. Where several annotators coded one article, the first annotation (by file
name) is the gold.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..coder import Coder
from ..errors import Codes, EvalError
from ..records import Event
from .common import Miss, Report, find_files

Seg = tuple[int, int]

#: verbs and nouns of saying or writing (a gold cue with one of these words is "speech")
SPEECH_LEMMAS = frozenset({
    "according", "accuse", "acknowledge", "add", "admit", "advise", "allege", "announce",
    "announcement", "answer", "argue", "ask", "assert", "assure", "blog", "boast", "brief",
    "call", "caution", "chant", "charge", "cite", "claim", "comment", "complain", "concede",
    "conclude", "confirm", "contend", "counter", "declare", "demand", "deny", "describe",
    "disclose", "echo", "editorial", "email", "emphasise", "emphasize", "explain", "inform",
    "insist", "interview", "joke", "letter", "maintain", "memo", "mention", "message", "note",
    "op-ed", "pledge", "point", "post", "predict", "proclaim", "promise", "propose", "publish",
    "question", "quote", "read", "recall", "recommend", "reiterate", "release", "remark",
    "remarks", "repeat", "reply", "report", "respond", "retort", "reveal", "say", "shout",
    "speak", "speech", "state", "statement", "stress", "suggest", "tell", "testify", "testimony",
    "threaten", "transcript", "tweet", "urge", "vow", "warn", "write", "yell",
})  # fmt: skip
_IRREGULAR = frozenset({
    "said", "told", "wrote", "written", "spoke", "spoken", "read", "sworn", "swore", "speeches",
    "remarks",
})  # fmt: skip
_ANN_ID = re.compile(r"^[TE]\d+\t\S")
_PUNCT_CUE = re.compile(r"^[\s:\u2015\u2014\u2013\-\"\u201c\u201d']+$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]*")
#: words that name nobody in particular, left out when comparing speaker and source words
_STOP = frozenset({
    "the", "a", "an", "of", "and", "or", "in", "on", "at", "for", "to", "from", "by", "with",
    "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "he",
    "she", "it", "they", "we", "i", "you", "him", "them", "us", "me", "who", "which", "mr", "mrs",
    "ms", "dr", "sen", "rep", "gov", "pres", "president", "former", "said", "also", "some",
    "many", "other", "one", "two", "three", "new", "top", "senior",
})  # fmt: skip


def _forms(lemma: str) -> set[str]:
    """Regular inflections of an English verb or noun ("note" -> notes, noted, noting)."""
    out = {lemma, lemma + "s"}
    if lemma.endswith("e"):
        out |= {lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "o", "u"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        out |= {lemma + "es", lemma + "ed", lemma + "ing", lemma + lemma[-1] + "ed"}
        out |= {lemma + lemma[-1] + "ing"}
    return out


_SPEECH_FORMS = frozenset(f for lem in SPEECH_LEMMAS for f in _forms(lem)) | _IRREGULAR


def is_speech_cue(cue: str) -> bool:
    """Does a gold cue name an act of saying or writing (or is it a colon or quotation dash)?"""
    if _PUNCT_CUE.match(cue):
        return True
    return any(w.lower().strip(".'\u2019") in _SPEECH_FORMS for w in _WORD.findall(cue))


def cue_word(cue: str) -> str:
    """A cue's word of saying ("said in an interview" -> "said"), else the whole cue."""
    words = [w.lower().strip(".'\u2019") for w in _WORD.findall(cue)]
    return next((w for w in words if w in _SPEECH_FORMS), " ".join(cue.lower().split()))


@dataclass(frozen=True)
class GoldAttribution:
    """One PolNeAR attribution: character segments of its content, cue and source."""

    id: str
    content: tuple[Seg, ...]
    cue: tuple[Seg, ...]
    source: tuple[Seg, ...]
    cue_text: str
    source_text: str

    @property
    def speech(self) -> bool:
        return is_speech_cue(self.cue_text)

    @property
    def size(self) -> int:
        return sum(e - s for s, e in self.content)


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]
    ignored: tuple[Seg, ...] = ()  # Discard and Discuss spans


def _segments(offsets: str, where: str) -> tuple[Seg, ...]:
    segs = []
    for part in offsets.split(";"):
        bits = part.split()
        if len(bits) != 2 or not all(b.isdigit() for b in bits):
            raise EvalError(Codes.E502, path=where, detail=f"bad offsets {offsets!r}")
        segs.append((int(bits[0]), int(bits[1])))
    return tuple(segs)


def parse_ann(ann: str, text: str, where: str) -> tuple[list[GoldAttribution], list[Seg], int]:
    """A BRAT .ann file as attributions, set-aside spans, and the number of relations skipped."""
    spans: dict[str, tuple[str, tuple[Seg, ...]]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for lineno, line in enumerate(ann.splitlines(), 1):
        if not _ANN_ID.match(line):
            continue  # notes, relations, and the rest of a span text that holds a line break
        cols = line.split("\t")
        if line[0] == "T":
            label, _, offsets = cols[1].partition(" ")
            spans[cols[0]] = (label, _segments(offsets, f"{where}:{lineno}"))
        else:
            parts = [a.partition(":") for a in cols[1].split()]
            events.append((cols[0], [(r, t) for r, sep, t in parts if sep]))
    out: list[GoldAttribution] = []
    skipped = 0
    for eid, args in events:
        role: dict[str, list[Seg]] = {}
        for r, tid in args:
            if tid in spans:
                key = "Content" if r.startswith("Content") else r
                role.setdefault(key, []).extend(spans[tid][1])
        if not role.get("Content") or not role.get("Cue"):
            skipped += 1
            continue
        cue, src = tuple(role["Cue"]), tuple(role.get("Source", ()))
        out.append(
            GoldAttribution(
                eid,
                tuple(role["Content"]),
                cue,
                src,
                " ".join(text[s:e] for s, e in cue),
                " ".join(text[s:e] for s, e in src),
            )
        )
    ignored = [s for label, segs in spans.values() if label in ("Discard", "Discuss") for s in segs]
    return out, ignored, skipped


def load(root: Path, split: str = "dev") -> tuple[list[GoldArticle], int]:
    """Gold articles of PolNeAR's `split` folder(s), and the number of relations skipped."""
    folders = ["dev", "train"] if split == "all" else [split]
    anns = find_files(
        root, "attribution", [f"{f}/attributions/*.ann" for f in folders], "attribution"
    )
    chosen: dict[Path, Path] = {}  # text file -> its first annotation
    for ann in anns:
        stem = ann.name[: -len(".ann")].rsplit("_", 1)[0]
        txt = ann.parent.parent / "text" / f"{stem}.txt"
        if txt.is_file():
            chosen.setdefault(txt, ann)
    articles: list[GoldArticle] = []
    skipped = 0
    for txt, ann in sorted(chosen.items()):
        text = txt.read_text(encoding="utf-8")
        attrs, ignored, skip = parse_ann(ann.read_text(encoding="utf-8"), text, str(ann))
        skipped += skip
        articles.append(GoldArticle(txt.stem, text, tuple(attrs), tuple(ignored)))
    return articles, skipped


def _inside(pos: int, segs: Iterable[Seg]) -> bool:
    return any(s <= pos < e for s, e in segs)


def _overlaps(a: Seg, segs: Iterable[Seg]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in segs)


def _words(text: str) -> set[str]:
    words = {w.lower().strip(".'\u2019-").removesuffix("'s") for w in _WORD.findall(text)}
    return {w.removesuffix("\u2019s") for w in words if w and w not in _STOP}


@dataclass
class Outcome:
    """How one event's attribution compares with gold."""

    kind: str  # right | unattributed | wrong_cue | no_speaker | wrong_speaker | false_attribution
    # | right_outside | in_other_content
    gold: GoldAttribution | None
    cue_ok: bool = False
    speaker_overlap: bool = False
    speaker_same: bool = False


def judge(ev: Event, art: GoldArticle) -> Outcome | None:
    """Compare one event's attribution with the innermost gold attribution around its trigger.

    None when the trigger lies in a span PolNeAR set aside.
    """
    pos = ev.trigger.start
    if _inside(pos, art.ignored):
        return None
    att = ev.attribution
    attributed = att.cue is not None or att.speaker is not None
    around = [g for g in art.attributions if _inside(pos, g.content)]
    if not around:
        return Outcome("false_attribution" if attributed else "right_outside", None)
    g = min(around, key=lambda a: a.size)
    if not attributed:
        return Outcome("unattributed", g)
    cue_ok = att.cue is not None and _overlaps((att.cue.start, att.cue.end), g.cue)
    sp = att.speaker
    overlap = same = False
    if sp is not None and g.source:
        overlap = _overlaps((sp.start, sp.end), g.source)
        same = overlap or bool(_words(f"{sp.text} {sp.name or ''}") & _words(g.source_text))
    if not cue_ok:
        kind = "wrong_cue"
    elif g.source and sp is None:
        kind = "no_speaker"
    elif g.source and not same:
        kind = "wrong_speaker"
    else:
        kind = "right"
    return Outcome(kind, g, cue_ok, overlap, same)


@dataclass
class Tally:
    """Counts for one class of gold cues (speech or other)."""

    n: int = 0
    attributed: int = 0
    cue_ok: int = 0
    with_both: int = 0  # gold has a Source and wirecoder a speaker
    speaker_overlap: int = 0
    speaker_same: int = 0
    right: int = 0
    cues: Counter[str] = field(default_factory=Counter)  # gold cues of unattributed events

    def add(self, o: Outcome, has_speaker: bool) -> None:
        self.n += 1
        assert o.gold is not None
        if o.kind == "unattributed":
            self.cues[cue_word(o.gold.cue_text)] += 1
            return
        self.attributed += 1
        self.cue_ok += o.cue_ok
        if o.gold.source and has_speaker:
            self.with_both += 1
            self.speaker_overlap += o.speaker_overlap
            self.speaker_same += o.speaker_same
        self.right += o.kind == "right"


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _snippet(ev: Event, width: int = 240) -> str:
    """The event's sentence with its trigger in [brackets], cut to `width` characters."""
    s = ev.sentence
    a = ev.trigger.start - ev.sentence_start
    b = ev.trigger.end - ev.sentence_start
    if 0 <= a < b <= len(s):
        s = f"{s[:a]}[{s[a:b]}]{s[b:]}"
        a = max(0, a - width // 2)
        s = ("..." if a else "") + s[a:]
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 3] + "..."


def _ours(ev: Event) -> str:
    att = ev.attribution
    if att.cue is None and att.speaker is None:
        return "(unattributed)"
    sp = att.speaker
    who = "-"
    if sp is not None:
        who = repr(sp.text) + (f" = {sp.name}" if sp.name and sp.name != sp.text else "")
    out = f"speaker {who}, cue {att.cue.text if att.cue else '-'!r}"
    return out + (f", via {att.via}" if att.via else "")


def _gold(g: GoldAttribution | None) -> str:
    if g is None:
        return "(outside every Content span)"
    src = " ".join(g.source_text.split()) or "-"
    kind = "speech" if g.speech else "other"
    return f"source {src!r}, cue {' '.join(g.cue_text.split())!r} ({kind})"


def _round_robin(by_article: dict[str, list[Miss]], n: int) -> list[Miss]:
    """Up to n misses, taking one article's at a time so the list spans many articles."""
    out: list[Miss] = []
    queues = [list(v) for v in by_article.values() if v]
    while queues and len(out) < n:
        for q in queues:
            if q and len(out) < n:
                out.append(q.pop(0))
        queues = [q for q in queues if q]
    return out


def score(
    pairs: Iterable[tuple[GoldArticle, list[Event]]], errors: int = 0, name: str = "attribution"
) -> Report:
    """The report for coded articles: each gold article with wirecoder's events for it."""
    rep = Report(name)
    speech, other = Tally(), Tally()
    outside = false_attr = attributed_inside = elsewhere = cue_away = 0
    kinds: Counter[str] = Counter()
    our_false_cues: Counter[str] = Counter()
    misses: dict[str, list[Miss]] = {}
    articles = 0
    for art, events in pairs:
        articles += 1
        for ev in events:
            if art.text[ev.trigger.start : ev.trigger.end] != ev.trigger.text:
                rep.skipped += 1  # offsets that do not point at the trigger: not scorable
                continue
            o = judge(ev, art)
            if o is None:
                rep.skipped += 1
                continue
            rep.n += 1
            att = ev.attribution
            sentence = (ev.sentence_start, ev.sentence_start + len(ev.sentence))
            if att.cue is not None and not _inside(att.cue.start, [sentence]):
                elsewhere += 1
            if o.kind == "unattributed" and o.gold is not None and o.gold.speech:
                cue_away += not _overlaps(sentence, o.gold.cue)
            if o.gold is None:
                outside += 1
                if o.kind == "false_attribution":
                    false_attr += 1
                    our_false_cues[att.cue.text.lower() if att.cue else "-"] += 1
            else:
                (speech if o.gold.speech else other).add(o, att.speaker is not None)
                attributed_inside += o.kind != "unattributed"
            if o.gold is not None and not o.gold.speech:
                continue  # non-speech cues: counted in their recall only, not listed as errors
            if o.kind in ("right", "right_outside"):
                continue
            kinds[o.kind] += 1
            if errors:
                misses.setdefault(art.name, []).append(
                    Miss(
                        f"{art.name}@{ev.trigger.start}",
                        _snippet(ev),
                        _gold(o.gold),
                        _ours(ev),
                        f"{o.kind.replace('_', ' ')} ({ev.event_type})",
                    )
                )
    rep.misses = _round_robin(misses, errors)
    all_n = speech.n + other.n
    all_attr = speech.attributed + other.attributed
    rep.metrics = {
        "attribution_recall": _ratio(speech.attributed, speech.n),
        "cue_accuracy": _ratio(speech.cue_ok, speech.attributed),
        "speaker_accuracy": _ratio(speech.speaker_overlap, speech.with_both),
        "speaker_accuracy_coref": _ratio(speech.speaker_same, speech.with_both),
        "fully_right": _ratio(speech.right, speech.n),
        "false_attribution_rate": _ratio(false_attr, outside),
        "attribution_precision": _ratio(attributed_inside, attributed_inside + false_attr),
        "attribution_recall_other_cues": _ratio(other.attributed, other.n),
        "attribution_recall_all_cues": _ratio(all_attr, all_n),
    }
    rep.notes += [
        f"{articles} articles; events whose trigger starts inside a gold Content span are "
        f"checked against the innermost such attribution: {speech.n} under speech cues (said, "
        f"told, according to, ':' ... headline figures), {other.n} under other cues (know, "
        f"believe, polls show, wants, allegations of ... recall only); {outside} events lie "
        "outside every Content span and should carry no attribution",
        f"counts: attributed {speech.attributed}/{speech.n}, cue right {speech.cue_ok}/"
        f"{speech.attributed}, speaker overlaps {speech.speaker_overlap}/{speech.with_both} "
        f"(same words {speech.speaker_same}), fully right {speech.right}/{speech.n}; false "
        f"attribution {false_attr}/{outside}; other cues attributed {other.attributed}/{other.n}",
        "errors (speech cues and outside): "
        + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in kinds.most_common()),
        f"gold cues of unattributed events ({cue_away} of them outside the event's sentence, "
        "as after a quotation of several sentences): "
        + ", ".join(f"{c!r} {n}" for c, n in speech.cues.most_common(12)),
        "our cues on false attributions: "
        + ", ".join(f"{c!r} {n}" for c, n in our_false_cues.most_common(10)),
        f"{elsewhere} scored events carry a cue from outside their trigger's sentence (the "
        "attribution of a retelling merged into the event)",
    ]
    return rep


def evaluate(
    root: Path,
    limit: int | None = None,
    errors: int = 0,
    coder: Coder | None = None,
    split: str = "dev",
) -> Report:
    """Attribution of wirecoder's events on PolNeAR's `split` folder ("dev", "train" or "all")."""
    articles, skipped = load(root, split)
    if limit:
        articles = articles[:limit]
    coder = coder or Coder()
    coded = coder.code_many({"id": a.name, "text": a.text} for a in articles)
    rep = score(
        ((a, c.events) for a, c in zip(articles, coded, strict=True)),
        errors,
        f"attribution ({split})",
    )
    rep.skipped += skipped
    return rep


__all__ = [
    "SPEECH_LEMMAS",
    "GoldArticle",
    "GoldAttribution",
    "cue_word",
    "evaluate",
    "is_speech_cue",
    "judge",
    "load",
    "parse_ann",
    "score",
]
