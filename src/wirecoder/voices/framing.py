"""The outlet's own framing: words outside every quotation that label, cast doubt or load.

"the Takfiri group", "so-called Islamic State", "allegedly targeting", "the regime", scare
quotes around a short phrase the story does not attribute, "brutal", "slammed". A word inside
quotation marks is the speaker's, never the outlet's, and so is the content of reported speech
("police said the thugs fled"), except where the outlet credits a news medium for facts it
retells ("..., a report said"): the team's guide, docs/annotation_framing.md. The cue itself is
the outlet's choice ("claimed"). Framing only annotates: it changes and drops no event.

`find_framing` is a pure function of the text, the quotation spans and the actor mentions, so
the same lexicon can be scored against a labelled set (`wirecoder eval framing`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..records import Actor
from .records import Framing, FramingCategory

#: name-calling: an actor named by a judgment a neutral designation would not carry
LABELS = (
    "takfiri", "takfiris", "terrorist", "terrorists", "terror", "regime", "regimes", "thug",
    "thugs", "thuggish", "extremist", "extremists", "fanatic", "fanatics", "radicals",
    "puppet", "puppets", "mercenary", "mercenaries", "junta", "tyrant", "tyrants", "occupiers",
    "invaders", "warmonger", "warmongers", "zionist entity", "rogue state", "rogue regime",
    "narco-state", "narco-terrorists", "narco-terrorist", "demagogue", "bigot", "bigots",
    "crook", "crooks", "crooked", "daesh", "henchmen", "stooges", "lackeys", "mafia",
)  # fmt: skip
#: words by which the outlet declines to vouch for a name, a claim or an identity
DOUBT = (
    "so-called", "so called", "allegedly", "alleged", "alleges", "purported", "purportedly",
    "supposedly", "self-styled", "self-proclaimed", "self-professed", "professed", "claimed",
    "claims", "claiming", "claim", "what it calls", "what they call", "what he calls",
    "what she calls", "dubious", "questionable", "unproven",
)  # fmt: skip
#: loaded adjectives, nouns and verbs, and intensifiers of an evaluation
LOAD = (
    "brutal", "brutally", "barbaric", "barbarous", "heinous", "horrific", "horrendous",
    "savage", "savagely", "ruthless", "ruthlessly", "notorious", "infamous", "draconian",
    "outrageous", "disgraceful", "shameful", "cowardly", "dastardly", "vicious", "chilling",
    "bloodthirsty", "bloody", "atrocious", "blatant", "blatantly", "flagrant", "flagrantly",
    "reckless", "recklessly", "belligerent", "hysterical", "sinister", "despicable",
    "genocidal", "murderous", "shocking", "appalling", "carnage", "bloodbath", "mayhem",
    "rampage", "massacre", "massacred", "spree", "tirade", "bombshell", "debacle",
    "stranglehold", "hotbed", "firestorm", "kerfuffle", "slammed", "slams", "lashed out",
    "ranted", "heckles", "heckled", "bemoaning", "slaughtered", "butchered", "unleashed",
    "wreaked", "plagued", "besieged", "trounced", "stunned", "martyred", "indiscriminately",
    "hugely", "deeply", "utterly", "grossly", "staggering", "unprecedented", "tremendous",
    "dramatic", "dramatically", "extraordinary", "rampant", "endemic", "embattled",
    "beleaguered", "disgraced", "scandal-hit", "scandal", "scandals", "scandal-plagued",
    "crime-plagued", "violence-plagued", "epidemic proportions", "blasted", "railing",
    "railed", "smeared", "botched",
)  # fmt: skip


def _pattern(words: Iterable[str]) -> re.Pattern[str]:
    alts = sorted({re.escape(w).replace(r"\ ", r"[\s-]+") for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)


_CATEGORIES: tuple[tuple[FramingCategory, re.Pattern[str]], ...] = (
    ("label", _pattern(LABELS)),
    ("doubt", _pattern(DOUBT)),
    ("load", _pattern(LOAD)),
)
_SENT_END = re.compile(r"[.!?]\s|\n")
#: the neutral uses: "claimed responsibility", "a sanctions regime"
_NEUTRAL_AFTER = re.compile(
    r"(?:\s+[\w,.-]+){0,3}?\s+(?:responsibility|credit|lives|victory|a seat)\b", re.I
)
_NEUTRAL_BEFORE = re.compile(
    r"\b(?:sanctions?|visa|tax|trade|treaty|inspections?|legal|ceasefire|regulatory|"
    r"non-proliferation|exchange-rate|currency|training|drug)\s+$",
    re.I,
)
#: a scare quote: a short quoted phrase inside a sentence
SCARE_MAX_WORDS = 4


#: words that give a quoted fragment a speaker (the guide: when in doubt, it has one)
_SPEECHY = re.compile(
    r"\b(?:said|says|say|saying|told|tells?|call(?:ed|s|ing)?|describ\w*|accus\w*|claim\w*|"
    r"quot\w*|according|dubb\w*|label\w*|brand\w*|liken\w*|compar\w*|tweet\w*|"
    r"wr(?:ote|ites?|itten|iting)|ask\w*|warn\w*|insist\w*|argu\w*|term(?:ed|s)?|"
    r"refer\w*|deem\w*|promis\w*|vow\w*|urg\w*|decr[iy]\w*|slamm?\w*|blast\w*|chant\w*|"
    r"critici[sz]\w*|put it|messages?|statements?|interview\w*|reports?|reported)\b",
    re.IGNORECASE,
)


_TITLE_SMALL = frozenset({"the", "of", "on", "a", "an", "and", "in", "for", "to", "at", "with"})


def _sentence(text: str, s: int, e: int) -> str:
    """The sentence around a span (by punctuation and line breaks)."""
    a = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s), text.rfind("? ", 0, s))
    ends = [i for i in (text.find(". ", e), text.find("\n", e), text.find("? ", e)) if i >= 0]
    return text[a + 1 : min(ends) if ends else len(text)]


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _target(text: str, start: int, end: int, actors: Sequence[Actor]) -> Actor | None:
    """The actor the framing is about: one the word is part of, else the nearest one after it
    in the same sentence ("so-called Islamic State", "the Takfiri group, ISIL"), else the
    nearest one just before ("ISIL terrorists")."""
    holding = [a for a in actors if a.start <= start < a.end or start <= a.start < end]
    if holding:
        return holding[0]
    if text[start:end].lower().endswith("ly"):
        # an adverb casts doubt on its clause's actor: "a coalition allegedly targeting ISIL"
        before = [a for a in actors if a.end <= start and start - a.end <= 80]
        before = [a for a in before if not _SENT_END.search(text[a.end : start])]
        if before:
            return max(before, key=lambda a: a.end)
    after = [a for a in actors if a.start >= end and not _SENT_END.search(text[end : a.start])]
    after = [a for a in after if a.start - end <= 60]
    if after:
        return min(after, key=lambda a: a.start)
    before = [a for a in actors if a.end <= start and start - a.end <= 25]
    before = [a for a in before if not _SENT_END.search(text[a.end : start])]
    return max(before, key=lambda a: a.end) if before else None


def find_framing(
    text: str,
    quoted: Sequence[tuple[int, int]],
    attributed: Sequence[tuple[int, int]] = (),
    actors: Sequence[Actor] = (),
    scare_quotes: bool = False,
) -> list[Framing]:
    """Framing spans in the outlet's voice, in text order.

    Args:
        text: the article text.
        quoted: spans inside quotation marks (a speaker's own words: never framing).
        attributed: content spans of the article's quotes; a short quotation inside one is a
            partial quote ("was under \u201ctremendous pressure\u201d"), not a scare quote.
        actors: actor mentions, to say whom a framing word is about.
        scare_quotes: also mark short quoted fragments no one in their sentence is said to
            utter. Off by default: on the team's framing dev set none of the nine it found was
            a scare quote to the annotators (most quoted fragments have a speaker nearby).
    """
    out: list[Framing] = []
    taken: list[tuple[int, int]] = []
    for category, pat in _CATEGORIES:
        for m in pat.finditer(text):
            s, e = m.start(), m.end()
            if _inside(s, e, quoted) or any(s < te and ts < e for ts, te in taken):
                continue
            if category == "doubt" and _NEUTRAL_AFTER.match(text, e):
                continue
            if m.group(0).lower().startswith("so") and text[e : e + 2].strip()[:1] in '"\u201c':
                continue  # so-called before a quoted term of art: "known as", no doubt
            if category == "label" and _NEUTRAL_BEFORE.search(text[max(0, s - 30) : s]):
                continue
            taken.append((s, e))
            out.append(Framing(text[s:e], s, e, category, _target(text, s, e, actors)))
    for s, e in quoted if scare_quotes else ():
        inner = text[s + 1 : e - 1]
        if not inner.strip() or len(inner.split()) > SCARE_MAX_WORDS:
            continue
        if _inside(s, e, attributed) or _inside(s, e, [q for q in quoted if q != (s, e)]):
            continue
        before = text[max(0, s - 40) : s]
        if _SENT_END.search(before[-2:]) or s == 0 or text[s - 1] == "\n":
            continue  # opens a sentence or a paragraph: a quotation, not scare quotes
        words = re.findall(r"[A-Za-z][\w'-]*", inner)
        if not words or any(ch.isdigit() for ch in inner):
            continue
        if all(w[0].isupper() or w in _TITLE_SMALL for w in words) and words[0][0].isupper():
            continue  # a name or a title ("War On Drugs", "Face the Nation")
        if before.rstrip().endswith(":"):
            continue  # quoted speech after a colon
        if _SPEECHY.search(_sentence(text, s, e)):
            continue  # someone in the sentence may say it: a quote, not the outlet's doubt
        if re.search(r"\b(?:titled|called|named|entitled|dubbed|known as)\s*$", before):
            continue  # a title or a name given in quotation marks
        out.append(Framing(text[s:e], s, e, "doubt", _target(text, s, e, actors)))
    out.sort(key=lambda f: f.start)
    return out


__all__ = ["DOUBT", "LABELS", "LOAD", "find_framing"]
