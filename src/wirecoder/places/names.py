"""Place names in the text: whether a token opens a name that is a place, and the names in a
noun phrase, most specific first ("the Ghazi Qala area of Ghazni city")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..nlp import doc_ents
from .context import person_names
from .gazetteer import Gazetteer, Place, fold
from .lexicon import (
    _ARTICLE_PREFIX,
    ADMIN_UNITS,
    ADV_PREPS,
    AREA_NOUNS,
    ATTACKS,
    AYN,
    BACKED,
    BACKGROUND,
    ENTRANCES,
    EVENT_NOUNS,
    FACILITIES,
    HELD,
    LOC_PREPS,
    MISSIONS,
    MISTAGGED,
    NOT_NAMES,
    NOT_PLACE_ENTS,
    OF_IDIOMS,
    ORG_WORDS,
    OWNED,
    PLACE_ENTS,
    PLACE_NOUNS,
    PLACE_PREFIXES,
    PORTIONS,
    PREMISES,
    QUANTITIES,
    RELATIVE,
    SERIES,
    SETTLEMENTS,
    SPEECH,
    names_a_kind,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..actors.mentions import Mention
    from ..analysis import Analysis


@dataclass
class Toponym:
    """A place name in the text (token span) and the places it can stand for."""

    start: int
    end: int
    head: int
    start_char: int
    end_char: int
    text: str
    places: list[Place]
    relative: bool = False  # named only as a reference point ("north of Baghdad")
    facility: bool = False  # a building or site ("the US consulate"), finer than no town
    unit: str = ""  # the administrative word that ends the name ("Satkania sub-district")


@dataclass
class Found:
    """A toponym reached from an event word, and by which rule."""

    toponym: Toponym
    weight: float
    rule: str


def _bare(word: str) -> str:
    """A word without an Arabic article or an apostrophe: "al-Kafr" -> "kafr"."""
    low = word.lower().replace("’", "'").strip("'‘")
    for pre in _ARTICLE_PREFIX:
        if low.startswith(pre) and len(low) > len(pre):
            return low[len(pre) :]
    return low


def _capitalised(word: str) -> bool:
    """Written as a name: "Mosul", "5th", or an Arabic article before one ("al-Dabbit"); an
    ayn or hamza mark may open it ("‘Ibta", "Al-‘Arfi", "Jebel 'Amer")."""
    low = word.lower()
    for pre in _ARTICLE_PREFIX:
        if low.startswith(pre) and len(word) > len(pre):
            word = word[len(pre) :]
            break
    word = word.lstrip(AYN)
    return word[:1].isupper() or word[:1].isdigit()


def _unit_of(span: Span) -> str:
    """The administrative word ending a name ("district" of "Hangu District"), if any."""
    last = span[-1].lower_
    if len(span) > 1 and last in ADMIN_UNITS:
        return "sub-district" if span[-2].text == "-" and span[-3].lower_ == "sub" else last
    return ""


def _strip_the(span: Span) -> Span:
    while len(span) > 1 and span[0].lower_ in ("the", "a", "an"):
        span = span[1:]
    return span


class NameReader:
    """Reads place names over one parsed article; `paths.PathFinder` adds the paths from an
    event word to them."""

    def __init__(
        self,
        analysis: Analysis,
        gz: Gazetteer,
        context: Mapping[str, float] | None = None,
    ) -> None:
        assert analysis.doc is not None
        self.analysis = analysis
        self.doc: Doc = analysis.doc
        self.text = analysis.article.text
        self.gz = gz
        self._given = context
        self._contexts: dict[str, Mapping[str, float]] = {}
        self._event_i = -1  # the event word being located
        self._purpose: set[int] = set()  # movements the event is the purpose of
        self.ent_of: dict[int, Span] = {}
        for ent in doc_ents(self.doc):
            for i in range(ent.start, ent.end):
                self.ent_of[i] = ent
        # tokens inside the name of an organisation or a person, except at its head
        self.person_names = person_names(analysis, gz)
        self.people = {m.head for m in analysis.mentions if m.kind in ("person", "pronoun")}
        # words the actor lists read as a party's role ("fired into the Police")
        self.roles = {m.head for m in analysis.mentions if m.kind == "role"}
        self.in_name: dict[int, Mention] = {}
        for m in analysis.mentions:
            if m.kind in ("org", "user") or (m.kind == "person" and m.entry is not None):
                for i in range(m.start, m.end):
                    self.in_name.setdefault(i, m)

    # -- names --------------------------------------------------------------------------------
    def toponym(self, tok: Token, strength: int) -> Toponym | None:
        """The place name at `tok`, if it is one.

        `strength` is what the slot says: 3 for the object of a verb that only acts on places
        (whatever the name: "entered Dahiyat Al-Assad"), 2 for the object of a locative
        preposition or a name on a place noun (any name there is a place: "in Garubula"), 1 for
        the object of a verb that acts on places or people (a name the gazetteer or the tagger
        knows as a place: "captured Palmyra", not "captured Beltran"), 0 for any other slot.
        """
        if not self._cap(tok) and not (
            tok.i > 1 and self.doc[tok.i - 1].text == "-" and self._cap(self.doc[tok.i - 2])
        ):
            return None  # "Haji-abad" is parsed as "Haji" "-" "abad"
        ent = self.ent_of.get(tok.i)
        label = ent.label_ if ent is not None else ""
        if (
            ent is not None
            and label in MISTAGGED
            and strength >= 1
            and self._well_known(self.gz.lookup(ent.text))
        ):
            ent, label = None, ""  # "attacks on Aleppo" with Aleppo tagged a work of art
        if label in NOT_PLACE_ENTS:
            return None
        if ent is not None and (label in PLACE_ENTS or tok.pos_ == "PROPN"):
            span = _strip_the(ent)
            while len(span) > 1 and not self._cap(span[0]):
                span = span[1:]  # "west Baghdad", "southern Aleppo"
            cuts = [t.i for t in span if t.lower_ in ("in", "at", "near") and t.pos_ == "ADP"]
            if cuts:
                # "Magam in Budgam District" tagged one name: the place is the name the
                # preposition follows or leads to, whichever holds `tok`
                before = [c for c in cuts if c < tok.i]
                after = [c for c in cuts if c > tok.i]
                lo = before[-1] + 1 if before else span.start
                hi = after[0] if after else span.end
                span = self.doc[lo:hi]
        elif tok.pos_ in ("PROPN", "NOUN", "ADJ"):
            start = tok.i
            while start > tok.sent.start:
                prev = self.doc[start - 1]
                if (
                    prev.head.i in (tok.i, start)
                    and prev.dep_ in ("compound", "flat", "nmod")
                    and self._cap(prev)
                ):
                    start -= 1
                elif (
                    prev.text in ("-", "–")
                    and start - 2 >= tok.sent.start
                    and not prev.whitespace_
                    and not self.doc[start - 2].whitespace_
                    and (self.doc[start - 2].head.i == tok.i or start - 1 < tok.i)
                ):
                    start -= 2  # "Haji-abad", "Mazar-e-Sharif"
                else:
                    break
            span = self.doc[start : tok.i + 1]
        else:
            return None
        while len(span) > 1 and span[-1].tag_ == "POS":
            span = span[:-1]
        if not self._cap(span[0]):
            return None
        span = self._with_unit(span, tok)
        unit = _unit_of(span)
        seat = self.gz.is_seat(span.text)
        if fold(span.text) in self.person_names and not seat:
            return None  # "Kenyatta" where the article says "Mr. Kenyatta": never a town
        if span[0].is_sent_start and span[0].pos_ not in ("PROPN",) and label not in PLACE_ENTS:
            return None  # "Mobile phone footage": capitalised because it starts the sentence
        if span.text.lower() in NOT_NAMES or (len(span.text) == 1 and span.text.isalpha()):
            return None
        if self._aged(span) and strength < 3:
            return None  # "Downey, 72, was captured": a person's age
        if names_a_kind([t.text for t in span]) and label not in ("GPE", "LOC"):
            # "Kotli Police Station", "a Police party", "Superintendent of Police": a kind of
            # force or building, not the town of Police, in Poland
            return None
        if len(span) == 1 and tok.i in self.roles and label not in ("GPE", "LOC"):
            return None  # "fired into the Police": a party, not the town of Police, in Poland
        if len(span) == 1 and span[0].lower_ in PORTIONS | SERIES:
            return None  # "Much of Pervomayskaya was destroyed"
        if span[-1].lower_.rsplit("-", 1)[-1] in BACKED:
            return None  # "a U.S.-run prison": who runs it, not where it is
        if len(span) > 1 and span[-1].lower_ in MISSIONS:
            return None  # "the Danish Embassy in Islamabad": whose it is; the town is where
        places = self.gz.lookup(span.text)
        known = bool(places)
        # "Tal Mustawi", "Dahiyat Al-Assad", "Mount Hermon": a word for a place opens the name
        prefixed = len(span) > 1 and _bare(span[0].text) in PLACE_PREFIXES
        # "the village of Sousan": a name a settlement noun introduces is the settlement's,
        # however the tagger reads it
        settled = (
            strength >= 2
            and tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.lemma_.lower() in SETTLEMENTS
            and tok.tag_ not in ("NNS", "NNPS")  # "Shiite Muslims": a people, misparsed
        )
        if label == "NORP" and (not (known or settled) or strength < 1 or self._demonym(span.text)):
            return None  # "Syrian", "Kurdish"; but the tagger calls some towns NORP
        if span.start > 0 and self.doc[span.start - 1].lower_ == "ethnic":
            return None  # "ethnic Amhara settlers": a people
        if not known and self._demonym(span.text):
            return None  # "the southern Angolan city of Benguela"
        if (
            tok.i in self.in_name
            and not (known and label in PLACE_ENTS)
            and not seat
            and strength < 3
            and not (prefixed and self.in_name[tok.i].start > span.start)
        ):
            return None  # "the Islamic State", "Hicks": an organisation or a person
        if not known and any(t.lower_ in ORG_WORDS for t in (span[:-1] if unit else span)):
            return None  # "the Patriotic Union of Kurdistan", "the Social Democratic Alliance"
        # "captured Jaffna" with Jaffna tagged a person: a well-known place under its own name
        town = strength >= 1 and self._well_known(
            [n.place for n in self.gz.named(span.text) if not n.alternate]
        )
        if tok.i in self.people and strength == 1 and not prefixed and not town:
            return None  # "Khadr was captured": a person, whatever the gazetteer says
        proper = tok.pos_ == "PROPN" or (
            len(span) > 1 and tok.i != tok.sent.start and any(t.pos_ == "PROPN" for t in span)
        )  # "the South China Sea", "the Golan Heights": a capitalised noun closing a name
        if not proper and label not in PLACE_ENTS and not known:
            return None
        if label in PLACE_ENTS or prefixed or seat:
            ok = strength >= 1 or known
        elif known and label not in ("PERSON", "ORG", "PRODUCT"):
            ok = strength >= 1 or any(p.feature in ("country", "admin1", "region") for p in places)
        elif known and label in ("PRODUCT", "PERSON", "ORG") and town and tok.i not in self.in_name:
            ok = True  # "their advance on Manbij" with Manbij tagged a product
        else:
            # an unknown name the tagger calls a person stays a place in a place's slot ("in
            # Damanhour", "the town of Musa Qala"): villages are often misread as people; the
            # article's own use of it as a person (`person_names`) has already ruled it out
            ok = strength >= 2 and (label not in ("PERSON", "ORG") or tok.dep_ != "nsubj")
        if not ok:
            return None
        facility = label == "FAC" or span[-1].lower_ in FACILITIES
        # "Church of the Nativity", "Tomb of the Patriarchs": a building named after its use
        facility = facility or (
            len(span) > 2 and span[1].lower_ == "of" and not known and span[0].lower_ in FACILITIES
        )
        return Toponym(
            span.start, span.end, tok.i, span.start_char, span.end_char,
            self.text[span.start_char : span.end_char], [],
            facility=facility, unit=unit,
        )  # fmt: skip

    def _with_unit(self, span: Span, tok: Token) -> Span:
        """ "Satkania sub-district", "Kurram district": the administrative word the name
        modifies is part of the name, so that the unit keeps it."""
        k = span.end
        doc = self.doc
        if k + 2 < len(doc) and doc[k].lower_ == "sub" and doc[k + 1].text == "-":
            n = 3  # the parser's "sub" "-" "district"
        elif k < len(doc) and doc[k].lower_ in ADMIN_UNITS:
            n = 1
        else:
            return span
        if doc[k + n - 1].lower_ not in ADMIN_UNITS or not k <= tok.head.i < k + n:
            return span
        return doc[span.start : k + n]

    def _aged(self, span: Span) -> bool:
        """A name followed by an age: "Downey, 72,"."""
        doc = self.doc
        k = span.end
        return (
            k + 2 < len(doc)
            and doc[k].text == ","
            and doc[k + 1].like_num
            and doc[k + 1].text.isdigit()
            and 0 < int(doc[k + 1].text) < 120
            and doc[k + 2].text in (",", ")")
        )

    def _well_known(self, places: list[Place]) -> bool:
        """A country, a first-level region or a town of 50,000 people or more."""
        return any(
            p.feature in ("country", "admin1", "region") or p.population >= 50_000 for p in places
        )

    def _cap(self, tok: Token) -> bool:
        """Capitalised as written (the parser's copy of a headline may be lower-cased)."""
        return _capitalised(self.text[tok.idx : tok.idx + len(tok)])

    def _demonym(self, word: str) -> bool:
        """ "Arab", "Syrian": a people, however many towns share the name."""
        from ..actors.dictionary import load_dictionary

        return any(e.kind == "demonym" for e in load_dictionary(()).lookup(word.split()))

    def _is_country(self, t: Toponym) -> bool:
        return any(p.feature == "country" for p in self.gz.lookup(t.text))

    def np_places(self, n: Token, strength: int, depth: int = 0) -> list[tuple[Toponym, float]]:
        """Place names in the noun phrase headed by `n` with a penalty each: specific first."""
        out: list[tuple[Toponym, float]] = []
        for k, (t, d) in enumerate(self._np_walk(n, strength, depth)):
            out.append((t, 0.04 * d + 0.015 * min(k, 3)))
        return out

    def _np_walk(self, n: Token, strength: int, depth: int) -> Iterator[tuple[Toponym, int]]:
        if depth > 4:
            return
        top = self.toponym(n, strength)
        if top is not None:
            yield top, depth
            for c in n.children:
                if c.dep_ == "conj":
                    t2 = self.toponym(c, strength)
                    if t2 is not None:
                        yield t2, depth
            return
        lemma = n.lemma_.lower()
        is_place = lemma in PLACE_NOUNS or n.lower_ in PLACE_NOUNS
        if not is_place and lemma in PORTIONS and strength >= 1:
            is_place = True  # "captured more than half of Zaire"
        relative = lemma in RELATIVE or n.lower_ in RELATIVE
        kids = list(n.children)
        name = self.in_name.get(n.i)
        if name is not None:
            # "the Islamic State in Iraq": a place inside a name is no place of the event;
            # "U.N. forces in Bunia": one after it is
            kids = [c for c in kids if c.i >= name.end and c.dep_ == "prep"]
            is_place = relative = False

        def named_modifiers(possessors: bool) -> Iterator[tuple[Toponym, int]]:
            # "her Reshimbagh residence", "Helmand province", "at Siinaay junction", nearest
            # first; possessors last and only known places ("Sarajevo's streets", not "the
            # army's positions"); on other nouns only names that are no country ("a US strike"),
            # and never the country that owns a building ("the US embassy")
            deps = ("poss",) if possessors else ("compound", "nmod", "amod")
            mods = list(kids)
            for c in kids:  # "the Kweyris air base": a name on a lower-case compound
                if c.dep_ == "compound" and not self._cap(c):
                    mods.extend(g for g in c.children if g.dep_ == "compound")
            for c in sorted(mods, key=lambda k: -k.i):
                if c.dep_ not in deps or c.i > n.i:
                    continue
                label = self.ent_of[c.i].label_ if c.i in self.ent_of else ""
                level = 2 if is_place else min(strength, 1)
                if label in ("ORG", "PERSON") and lemma in OWNED:
                    level = min(level, 1)
                t = self.toponym(c, level)
                if t is None:
                    continue
                known = self.gz.lookup(t.text)
                if (possessors or c.pos_ == "ADJ") and not (known or label in ("GPE", "LOC")):
                    continue  # "ChevronTexaco's terminal", "Shi'i neighbourhoods"
                country = any(p.feature == "country" for p in known)
                if country and (not is_place or lemma in OWNED):
                    continue
                if possessors and not is_place:
                    continue
                if lemma in HELD and not known and label not in ("GPE", "LOC"):
                    continue  # "raided Uber offices", "the JFS positions": whose, not where
                if lemma in PREMISES and not possessors and not known:
                    t.facility = True  # "the Max shopping center": a building's own name
                yield t, depth

        def of_places() -> Iterator[tuple[Toponym, int]]:
            # "the city of Mosul", "the streets of Katmandu", "north of Baghdad"
            for c in kids:
                if (
                    c.dep_ == "prep"
                    and (c.lower_ == "of" or (c.lower_ == "to" and lemma in ENTRANCES))
                    and (is_place or relative or strength >= 2)
                ):
                    for g in c.children:
                        if g.dep_ != "pobj":
                            continue
                        walk: Iterator[tuple[Toponym, int]]
                        if lemma in OWNED:  # "the offices of the PUK": an owner, not a place
                            walk = (
                                (t, d)
                                for t, d in self._np_walk(g, 1, depth + 1)
                                if not self._is_country(t)
                            )
                        elif is_place or relative:
                            walk = self._np_walk(g, 2, depth)
                        elif lemma not in OF_IDIOMS or lemma in SERIES:
                            walk = self._np_walk(g, 1, depth + 1)
                        elif strength >= 2 and (n.pos_ == "NUM" or lemma in QUANTITIES):
                            # "in the parking lot of one of the stores in suburban Phoenix"
                            walk = self._np_walk(g, 1, depth + 1)
                        else:
                            continue
                        for t, d in walk:
                            t.relative = t.relative or relative
                            yield t, d

        determined = any(c.dep_ == "det" for c in kids)
        if lemma in AREA_NOUNS or not determined:  # "the Ghazi Qala area of Ghazni city"
            yield from named_modifiers(False)
            yield from of_places()
        else:  # "the West Bank city of Nablus": the container comes after the town
            named_of = list(of_places())
            yield from named_of
            if strength >= 1:
                for t, d in named_modifiers(False):
                    yield t, d + (1 if named_of else 0)
        yield from named_modifiers(True)
        # "a gold mine north of Bunia"
        for c in kids:
            if c.dep_ in ("advmod", "npadvmod") and c.lower_ in RELATIVE:
                for t, d in self._np_walk(c, 2, depth + 1):
                    t.relative = True
                    yield t, d
        # "a hostel adjoining the Church of the Nativity", "a base located near Tikrit"; "a
        # car bomb attack that targeted a gendarme post in Rouiba"
        for c in kids:
            if (c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") and depth < 3) or (
                c.dep_ == "relcl"
                and depth < 2
                and (lemma in EVENT_NOUNS or lemma in ATTACKS)
                and c.lemma_.lower() not in SPEECH | BACKGROUND
            ):
                for f in self._descend(c, 1.0, False, 2):
                    yield f.toponym, depth + 1
        # "the capital, Kabul"; not "their leader Yasser Arafat"
        for c in kids:
            if c.dep_ == "appos":
                yield from self._np_walk(c, 2 if is_place else min(strength, 1), depth + 1)
        # "a refugee camp in Jenin", "positions near Tikrit"
        for c in kids:
            if (c.dep_ == "prep" or (c.dep_ == "advmod" and c.lower_ in ADV_PREPS)) and (
                c.lower_ in LOC_PREPS
                or c.lower_ in ADV_PREPS
                or (c.lower_ == "over" and is_place)
                or (  # "a factory on the outskirts of Khartoum"
                    c.lower_ in ("on", "upon")
                    and any(g.lemma_.lower() in PLACE_NOUNS for g in self._pp_objects(c))
                )
            ):
                for g in self._pp_objects(c):
                    yield from self._np_walk(g, 2, depth + 1)
        for c in kids:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN"):
                yield from self._np_walk(c, strength, depth + 1)

    # the paths (in `paths.PathFinder`) that phrases reach through relative clauses
    def _descend(
        self, x: Token, w: float, visit: bool, depth: int = 0, skip: int | None = None
    ) -> Iterator[Found]:
        raise NotImplementedError

    def _pp_objects(self, prep: Token) -> Iterator[Token]:
        raise NotImplementedError
