"""The pieces of a noun phrase an actor mention is built from: word lists that decide sectors,
the dictionary hits in a document, the phrase's tokens, and small tests on them. Pure
functions over spaCy tokens; `mentions.MentionFinder` puts them together.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..events.attribution import is_speech_verb
from ..nlp import ent_at
from .dictionary import KB_PRIORITY, ActorDictionary, Entry, Role
from .mention import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}
PRONOUNS = {
    "he": "person", "him": "person", "his": "person", "she": "person", "her": "person",
    "they": "group", "them": "group", "their": "group", "it": "thing", "its": "thing",
    "we": "speaker", "our": "speaker", "i": "speaker", "us": "speaker",
}  # fmt: skip
LEFT_DEPS = {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case", "punct",
             "advmod", "predet", "npadvmod", "flat", "dep", "prep", "pobj"}  # fmt: skip
QUALIFIER_PREPS = {"of", "for", "from", "in"}
ENTITY_KINDS = {"country", "org", "person", "capital", "user"}
# an armed group's name decides the sector of its armed men ("Taliban gunmen" are REB)
ARMED_ORG_SECTORS = {"REB", "MIL", "PRM", "COP", "SPY"}
ARMED_ROLE_SECTORS = {"UAF", "REB", "MIL"}
# words that make an office holder a former one (PLOVER ELI)
FORMER = {"former", "ex", "ex-", "ousted", "deposed", "exiled", "erstwhile", "onetime",
          "one-time", "retired", "toppled", "overthrown", "disgraced"}  # fmt: skip
ELI_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY"}
# people taking to the streets are civilians whatever their trade ("protesting students")
PROTESTING = {"protesting", "demonstrating", "rioting", "marching", "anti-government"}
# relatives of an office holder are ELI too ("the president's wife")
FAMILY = {"wife", "husband", "spouse", "son", "daughter", "child", "children", "family",
          "widow", "brother", "sister", "nephew", "niece", "relative", "in-law"}  # fmt: skip
# a company or outlet the state owns or runs is coded as government
STATE_OWNED = {"state", "government", "official", "state-owned", "state-run"}
STATE_OWNED_BUS = {"national", "reserve", "people", "peoples"}  # "national airline", "reserve bank"
# a weak armed role qualified by these is still armed: "government forces", "opposition fighters"
ARMED_QUALIFIED = {"GOV": "MIL", "OPP": "REB"}
# nouns that are also adjectives: as adjectives they say nothing about the sector
# ("general contractor", "private company", "criminal investigator")
ADJ_LIKE = {"general", "major", "private", "principal", "cardinal", "national", "local",
            "daily", "individual", "criminal", "commercial", "public", "civilian", "native"}  # fmt: skip
NEVER_QUALIFY = {"national", "local", "public", "individual"}
# sectors that make a government body theirs ("intelligence bureau", "army command");
# a field does not ("trade department", "health board" stay GOV)
INSTITUTION_SECTORS = {"COP", "MIL", "SPY", "JUD", "LEG", "PTY", "REB", "REL", "OPP", "LAB"}


@dataclass
class Hit:
    start: int
    end: int
    entries: list[Entry]


def lone_modifier(doc: Doc, tok: Token) -> bool:
    """A short "person" the tagger saw in a modifier ("Nigeran mujahideen", "McDonald Islander
    minister"): a guess from a known state name outweighs it there."""
    ent = entity_at(doc, tok.i)
    return (
        ent is not None
        and len(ent) <= 3
        and tok.i == ent.end - 1
        and tok.dep_ in ("amod", "compound")
        and tok.head.pos_ in ("NOUN", "PROPN")
        and tok.head.i > tok.i
        and tok.head.i >= ent.end
    )


def _someone_else(doc: Doc, s: int, e: int, entries: list[Entry]) -> bool:
    """'Rao Anwar' is not Anwar Ibrahim (listed with the alias 'Anwar'): a person's one-word form
    inside a longer name whose other names are not the entry's names someone else."""
    if e - s != 1 or not any(x.kind == "person" for x in entries):
        return False
    ent = ent_at(doc, s)
    if ent is None or ent.label_ != "PERSON":
        return False
    others = [
        t.lower_
        for t in ent
        if not s <= t.i < e and t.is_alpha and len(t) > 1 and t.text[0].isupper()
    ]
    if not others:
        return False
    names = {w.lower() for x in entries if x.kind == "person" for w in x.name.split()}
    return not any(w in names for w in others)


def dictionary_hits(doc: Doc, d: ActorDictionary) -> list[Hit]:
    words = [t.text for t in doc]
    hits = []
    for s, e, entries in d.find(words):
        if not words[s][:1].isupper():  # "an islamic group" names no group of the KB
            entries = [x for x in entries if x.priority != KB_PRIORITY]
        if _someone_else(doc, s, e, entries):
            entries = [x for x in entries if x.kind != "person"]
        if entries:
            hits.append(Hit(s, e, entries))
    # capitalised words the lists lack may still be a nationality ("Turkmeni", "Hong Kongese")
    covered = {i for h in hits for i in range(h.start, h.end)}
    for tok in doc:
        if (
            tok.i in covered
            or not tok.text[:1].isupper()
            or not tok.text.replace("-", "").isalpha()
            or len(tok.text) < 5
            or tok.pos_ not in ("ADJ", "PROPN", "NOUN")
            or (tok.ent_type_ == "PERSON" and not lone_modifier(doc, tok))
        ):
            continue
        prev = doc[tok.i - 1] if tok.i > 0 else None
        two = (
            prev is not None
            and prev.i not in covered
            and prev.text[:1].isupper()
            and prev.text.isalpha()
        )
        guess = d.guess_demonym([prev.text, tok.text]) if two and prev is not None else None
        if guess is not None and prev is not None:
            hits.append(Hit(prev.i, tok.i + 1, [guess]))
            covered.update((prev.i, tok.i))
            continue
        guess = d.guess_demonym([tok.text])
        if guess is not None:
            hits.append(Hit(tok.i, tok.i + 1, [guess]))
            covered.add(tok.i)
    hits.sort(key=lambda h: h.start)
    return hits


def speaker_after(appos: Token) -> bool:
    """'withdrew troops from Syria, Defence Minister Sergei Shoigu said': the name after the
    comma is who said it, not another name for Syria."""
    nxt = max(t.i for t in appos.subtree) + 1
    if nxt >= len(appos.doc):
        return False
    verb = appos.doc[nxt]
    return is_speech_verb(verb) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def listed(m: Mention, sub: Mention) -> bool:
    """A country "in apposition" to another country is the next item of a list the parser
    misread: "Mordor, the Shire, Fornost and Bree"."""
    return (
        m.country_like
        and sub.country_like
        and m.country is not None
        and sub.country is not None
        and m.country != sub.country
    )


def pick_entry(entries: list[Entry], date: str | None) -> Entry:
    """The entry valid on the date; among equals a dated one (the Taliban: REB 2001-2021,
    GOV after) before an undated one, which says less; with no date, the undated one."""
    valid = [e for e in entries if e.valid_on(date)]
    if not valid:
        return entries[0]
    if not date:  # no date: the general coding, not one period's
        return min(valid, key=lambda e: (-e.priority, bool(e.valid_from or e.valid_to)))
    return min(valid, key=lambda e: (-e.priority, not (e.valid_from or e.valid_to)))


BACKING = {"backed", "supported", "sponsored", "funded", "trained", "armed", "allied",
           "aligned", "affiliated", "brokered", "installed", "controlled", "held"}  # fmt: skip


def backed_by(doc: Doc, end: int) -> bool:
    """Is the name that ends at token `end` the backer in "US-backed", "Iranian-supported"?
    ("Saudi-led" stays: a coalition is coded as its leader's.)"""
    return (
        end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[end + 1].lower_ in BACKING
    ) or (end < len(doc) and doc[end].lower_ in BACKING and doc[end - 1].whitespace_ == "")


def np_tokens(head: Token) -> list[Token]:
    """The head and its left modifiers (the base noun phrase), in order."""
    toks = [head]
    stack = [c for c in head.lefts]
    while stack:
        c = stack.pop()
        if c.dep_ in LEFT_DEPS or c.head.i != head.i:
            toks.append(c)
            stack.extend(c.children)
    # compound/flat children on the right belong to the name ("al - Abadi")
    for c in head.rights:
        if c.dep_ in ("compound", "flat", "nummod") or (
            c.dep_ == "case" and c.text in ("'s", "’s")
        ):
            toks.append(c)
            toks.extend(c.subtree)
    lo = min(t.i for t in toks)
    hi = max(t.i for t in toks)
    return [head.doc[i] for i in range(lo, hi + 1)]


REFUGE = {"flee", "fled", "fleeing", "refuge", "asylum", "refugee", "displace", "displaced",
          "stateless", "uprooted"}  # fmt: skip


def fled(head: Token) -> bool:
    """Is the group headed by `head` said to flee or to seek refuge, in its own clause?"""
    for c in head.children:
        if c.dep_ in ("relcl", "acl") and any(t.lemma_.lower() in REFUGE for t in c.subtree):
            return True
    # "thousands of Syrians fled": the quantity is the subject
    while head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.i != head.i:
        head = head.head.head
    if head.dep_ in ("nsubj", "nsubjpass"):
        verb = head.head
        if verb.lemma_.lower() in REFUGE:
            return True
        for c in verb.children:
            if c.dep_ in ("dobj", "advcl", "xcomp", "prep") and any(
                t.lemma_.lower() in REFUGE for t in c.subtree
            ):
                return True
    return False


def entity_at(doc: Doc, i: int) -> Span | None:
    if not doc[i].ent_type_:
        return None
    return ent_at(doc, i)


def close_parenthesis(doc: Doc, start: int, end: int) -> int:
    """A phrase that opens a parenthesis closes it ("Nigerian Air Force (NAF)"): the new end."""
    opened = sum(1 for i in range(start, end) if doc[i].text == "(") - sum(
        1 for i in range(start, end) if doc[i].text == ")"
    )
    if opened > 0 and end < len(doc) and doc[end].text == ")":
        return end + 1
    return end


@dataclass
class Phrase:
    """One noun phrase being resolved: its head, the parse, the dictionary hits and the
    dictionary itself. Every decision on the phrase reads it and none changes it, so the
    decisions can be read (and tested) one by one."""

    doc: Doc
    head: Token
    hit_at: dict[int, Hit]
    lemmas: list[str]
    lowers: list[str]
    date: str | None
    text: str
    d: ActorDictionary
    strings: bool = False  # the text is known to name an actor (`wirecoder actor`)

    def role_at(self, end: int, min_start: int, qualifier: bool = False) -> Role | None:
        """The longest role word ending at token `end` - 1, starting at or after `min_start`."""
        return self.d.role_at(self.lemmas, self.lowers, end, min_start, qualifier=qualifier)

    def entry(self, hit: Hit) -> Entry:
        """The entry of a dictionary hit valid on the article's date."""
        return pick_entry(hit.entries, self.date)

    def span_text(self, start: int, end: int) -> str:
        """The article's text of tokens start..end-1."""
        return self.text[self.doc[start].idx : self.doc[end - 1].idx + len(self.doc[end - 1])]


__all__ = [
    "ADJ_LIKE",
    "ARMED_ORG_SECTORS",
    "ARMED_QUALIFIED",
    "ARMED_ROLE_SECTORS",
    "ELI_SECTORS",
    "FAMILY",
    "FORMER",
    "INSTITUTION_SECTORS",
    "NEVER_QUALIFY",
    "NOMINAL",
    "PRONOUNS",
    "PROTESTING",
    "QUALIFIER_PREPS",
    "REFUGE",
    "STATE_OWNED",
    "STATE_OWNED_BUS",
    "Hit",
    "Phrase",
    "backed_by",
    "close_parenthesis",
    "dictionary_hits",
    "entity_at",
    "fled",
    "listed",
    "np_tokens",
    "pick_entry",
    "speaker_after",
]
