"""Actor strings resolved alone (`wirecoder actor`, `eval actors`): one phrase, one actor.

The string is parsed as the subject of a short frame, so it parses as it would in a story,
and the mention that covers its last word wins; the rules it went through are kept so the
command can say why it resolved as it did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .dictionary import NONSTATE, ActorDictionary
from .mention import Mention
from .mentions import MentionFinder, place_country
from .surnames import resolve_surnames

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..analysis import Resources

# A bare noun phrase parses badly ("rancher" comes out as an adverb); as the subject of a
# sentence it parses like it would in a story. The frame is appended, so offsets do not move.
FRAME = " said."


def resolve_string(text: str, resources: Resources, date: str | None = None) -> Mention | None:
    """Resolve one actor string (the `wirecoder actor` command)."""
    return resolve_strings([text], resources, date)[0]


def resolve_strings(
    texts: list[str], resources: Resources, date: str | None = None
) -> list[Mention | None]:
    """Resolve many actor strings, parsed in batches."""
    docs = resources.nlp.pipe([t + FRAME for t in texts], batch_size=64)
    return [resolve_doc(doc, resources, date, t) for t, doc in zip(texts, docs, strict=True)]


def resolve_doc(
    doc: Doc, resources: Resources, date: str | None = None, text: str | None = None
) -> Mention | None:
    """`resolve_string` for an already parsed string (batches parse faster).

    The string names one actor, so its last word is the head: the mention that covers it wins
    (else the widest). A country the parser left outside that mention ("Turks and Caicos
    Islands cattle rancher") still qualifies it when it stands right before it.
    """
    text = doc.text if text is None else text
    mentions = [
        m
        for m in MentionFinder(
            resources.actors, strings=True, places=place_country(resources)
        ).find(doc, date, doc.text)
        if m.start_char < len(text)
    ]
    for m in mentions:  # the frame after the string is never part of a mention
        m.end_char = min(m.end_char, len(text))
        m.text = text[m.start_char : m.end_char]
    inside = [t for t in doc if t.idx < len(text) and not (t.is_punct or t.is_space)]
    last = inside[-1].i if inside else len(doc) - 1
    if inside and not any(m.start <= last < m.end for m in mentions):
        tail = _role_tail(doc, text, resources.actors, last)
        if tail is not None:
            mentions.append(tail)
    if not mentions:
        return _unresolved(doc, text)
    # the head of the phrase: the subject of the frame's verb, else its last word
    frame_verb = next((t for t in doc if t.idx >= len(text) and t.pos_ in ("VERB", "AUX")), None)
    subjects = [
        c
        for c in (frame_verb.children if frame_verb is not None else ())
        if c.dep_ in ("nsubj", "nsubjpass") and c.idx < len(text)
    ]
    subj = subjects[0] if subjects else None
    if subj is not None:
        last = subj.i
    best = max(
        mentions,
        key=lambda m: (
            last in m.heads or m.start <= last < m.end,
            m.end - m.start,
            m.kind != "pronoun",
        ),
    )
    if best.kind in ("country", "demonym", "capital") and best.role is None:
        # a place the parser made the head ("Wallis and Futuna imam"): the role after it is
        later = [m for m in mentions if m.end > best.end and m.role and m.sector]
        if later:
            best = min(later, key=lambda m: m.start)
    if best.country is None and best.kind not in ("pronoun", "country", "capital"):
        # the nearest place before the head, with no other actor in between
        before = [m for m in mentions if m.end <= best.start and m is not best]
        before.sort(key=lambda m: m.end)
        if before and before[-1].kind in ("country", "demonym", "capital") and before[-1].country:
            src = before[-1]
            best.country = src.country
            best.rule.append(f"country from '{src.text}' before it→{src.country}")
            best.start, best.start_char = src.start, src.start_char
            best.text = text[best.start_char : best.end_char]
    if best.country is None:
        # a surname given alone ("Clinton"), as the coder reads one in a text with no country
        resolve_surnames([best], doc, resources.actors, date)
    _explain_gaps(best, doc[last])
    return best


def _role_tail(doc: Doc, text: str, d: ActorDictionary, last: int) -> Mention | None:
    """The string ends in a role word the parser did not take for a noun ("non-combatant"
    tagged as an adjective): a role mention over those words."""
    lemmas = [t.lemma_.lower() for t in doc]
    lowers = [t.lower_ for t in doc]
    role = d.role_at(lemmas, lowers, last + 1, 0)
    if (
        (role is None or not role.sector)
        and last + 1 < len(doc)
        and doc[last + 1].text == "."
        and doc[last + 1].idx < len(text)
    ):  # "col ." : an abbreviation split from its dot
        role = d.role_at(lemmas, lowers, last + 2, 0)
        if role is not None and role.words[-1] == ".":
            last += 1
    if role is None or not role.sector:
        return None
    start = last + 1 - len(role.words)
    m = Mention(
        start=start,
        end=last + 1,
        head=last,
        start_char=doc[start].idx,
        end_char=doc[last].idx + len(doc[last]),
        text="",
        kind="role",
        sector=role.sector,
        role=" ".join(role.words),
        person=role.person,
    )
    m.text = text[m.start_char : m.end_char]
    m.heads.add(last)
    m.rule.append(f"role '{m.role}'→{role.sector} (the parser did not read it as a noun)")
    return m


def _unresolved(doc: Doc, text: str) -> Mention | None:
    """A mention that says why nothing in the string resolved (`wirecoder actor`)."""
    words = [t for t in doc if t.idx < len(text) and not (t.is_punct or t.is_space)]
    if not words:
        return None
    head = words[-1]
    m = Mention(
        start=words[0].i,
        end=words[-1].i + 1,
        head=head.i,
        start_char=words[0].idx,
        end_char=words[-1].idx + len(words[-1]),
        text="",
    )
    m.text = text[m.start_char : m.end_char]
    m.rule.append(
        f"unresolved: '{head.text}' is not a known name, role word or named entity, "
        "and no word before it names a country, organisation or role"
    )
    return m


def _explain_gaps(m: Mention, last: Token) -> None:
    """Say why a resolved string still lacks a country or a sector."""
    head = last.text if not (m.start <= last.i < m.end) else last.doc[m.head].text
    if m.kind == "pronoun":
        return
    if m.country is None:
        m.rule.append("no country: nothing in the phrase names a state or a known organisation")
    if m.sector is None and m.country not in NONSTATE:
        if m.kind in ("demonym", "country", "capital"):
            m.rule.append(f"no sector: '{head}' is not a role word wirecoder knows")
        elif m.kind in ("entity", "person", "other"):
            m.rule.append("no sector: a name wirecoder does not know, with no role word")


__all__ = ["FRAME", "resolve_doc", "resolve_string", "resolve_strings"]
