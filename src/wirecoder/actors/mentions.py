"""Actor mentions: noun phrases that name or describe someone who can act.

A mention is built around a nominal head. It is an actor when its head is a
known name (country, organisation, person, capital), a role word ("minister",
"troops", "protesters"), a named entity, or a pronoun. Modifiers inside the
phrase add what the head lacks: "Iraqi Defense Minister Khaled al-Obeidi" gets
its country from "Iraqi", its sector from "Defense Minister" and its name from
the person. Each decision is written into `rule`, so `wirecoder actor` can say
why a string resolved the way it did.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..records import Actor
from .dictionary import NONSTATE, ActorDictionary, Entry, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..pipeline import Analysis, Resources

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


@dataclass
class Mention:
    """An actor mention in one article (token offsets into the Doc)."""

    start: int
    end: int
    head: int
    start_char: int
    end_char: int
    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    kind: str = "other"  # country|org|person|capital|demonym|role|pronoun|entity|user
    person: bool = False
    plural: bool = False
    generic: bool = False  # a description without a name: "the prime minister"
    role: str | None = None
    rule: list[str] = field(default_factory=list)
    heads: set[int] = field(default_factory=set)
    antecedents: list[int] = field(default_factory=list)  # indices in Analysis.mentions
    poss_head: int | None = None  # token index of the possessor ("Abadi's", "its")
    entry: Entry | None = None

    def to_actor(self) -> Actor:
        return Actor(
            text=self.text,
            start=self.start_char,
            end=self.end_char,
            name=self.name,
            country=self.country,
            sector=self.sector,
            wikidata=self.wikidata,
            rule="; ".join(self.rule) if self.rule else None,
        )

    @property
    def person_name_known(self) -> bool:
        return self.kind == "person" or (self.person and bool(self.name))

    @property
    def resolved(self) -> bool:
        return bool(self.country or self.sector or (self.name and self.kind != "pronoun"))


@dataclass
class _Hit:
    start: int
    end: int
    entries: list[Entry]


def _dictionary_hits(doc: Doc, d: ActorDictionary) -> list[_Hit]:
    words = [t.text for t in doc]
    return [_Hit(s, e, entries) for s, e, entries in d.find(words)]


def _pick_entry(entries: list[Entry], date: str | None) -> Entry:
    valid = [e for e in entries if e.valid_on(date)]
    return (valid or entries)[0]


def _np_tokens(head: Token) -> list[Token]:
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


def _entity_at(doc: Doc, i: int) -> Span | None:
    tok = doc[i]
    if not tok.ent_type_:
        return None
    for ent in doc.ents:
        if ent.start <= i < ent.end:
            return ent
    return None


class MentionFinder:
    """Finds and resolves actor mentions in a parsed document."""

    def __init__(self, d: ActorDictionary) -> None:
        self.d = d

    def find(self, doc: Doc, date: str | None = None, text: str | None = None) -> list[Mention]:
        text = doc.text if text is None else text
        hits = _dictionary_hits(doc, self.d)
        hit_at: dict[int, _Hit] = {}
        for h in hits:
            for i in range(h.start, h.end):
                hit_at[i] = h
        lemmas = [t.lemma_.lower() for t in doc]
        lowers = [t.lower_ for t in doc]
        mentions: list[Mention] = []
        owner: dict[int, int] = {}  # token -> mention index

        def add(m: Mention) -> None:
            idx = len(mentions)
            mentions.append(m)
            for i in range(m.start, m.end):
                owner.setdefault(i, idx)

        for tok in doc:
            if tok.i in owner or tok.pos_ not in NOMINAL or tok.is_space:
                continue
            if (
                tok.dep_ in ("compound", "flat")
                and tok.head.pos_ in NOMINAL
                and tok.head.i != tok.i
            ):
                continue  # part of a larger name; handled with its head
            if tok.pos_ == "NUM" and tok.dep_ in ("nummod", "quantmod"):
                continue
            m = self._resolve_np(doc, tok, hit_at, lemmas, lowers, date, text)
            if m is not None:
                add(m)
        # dictionary names left outside any mention (modifiers: "Russian air strikes")
        for h in hits:
            if any(i in owner for i in range(h.start, h.end)):
                continue
            e = _pick_entry(h.entries, date)
            if e.kind == "demonym" and doc[h.end - 1].pos_ not in ("ADJ", "PROPN", "NOUN"):
                continue
            m = self._from_entry(doc, h.start, h.end, h.end - 1, e, date, text)
            m.rule.insert(0, "modifier")
            add(m)
        mentions.sort(key=lambda m: m.start)
        return mentions

    # -- building one mention -------------------------------------------------------------
    def _from_entry(
        self, doc: Doc, start: int, end: int, head: int, e: Entry, date: str | None, text: str
    ) -> Mention:
        m = Mention(
            start=start,
            end=end,
            head=head,
            start_char=doc[start].idx,
            end_char=doc[end - 1].idx + len(doc[end - 1]),
            text="",
            kind=e.kind,
        )
        m.text = text[m.start_char : m.end_char]
        self._apply_entry(m, e, date)
        m.heads.add(head)
        return m

    def _apply_entry(self, m: Mention, e: Entry, date: str | None) -> None:
        m.entry = e
        m.kind = e.kind
        m.country = e.country
        m.sector = e.sector
        m.name = e.name
        m.person = e.kind == "person"
        if e.kind in ("country", "org", "person", "user", "capital"):
            m.wikidata = e.wikidata
        if e.kind == "person" and date and not e.valid_on(date):
            m.sector = "ELI"
            m.rule.append(
                f"{e.source} {e.name} (outside {e.valid_from or ''}-{e.valid_to or ''}: former)"
            )
        elif e.kind == "demonym":
            m.name = None
            m.rule.append(f"demonym→{e.country} ({e.source})")
        elif e.kind == "capital":
            m.rule.append(f"capital for government→{e.country} GOV ({e.source})")
        else:
            m.rule.append(f"{e.kind}:{e.name} ({e.source})")

    def _resolve_np(
        self,
        doc: Doc,
        head: Token,
        hit_at: dict[int, _Hit],
        lemmas: list[str],
        lowers: list[str],
        date: str | None,
        text: str,
    ) -> Mention | None:
        toks = _np_tokens(head)
        start, end = toks[0].i, toks[-1].i + 1
        # keep possessors that are names ("Iraq's ruling alliance"); drop leading punctuation
        while start < head.i and (doc[start].is_punct or doc[start].dep_ == "cc"):
            start += 1
        m = Mention(
            start=start,
            end=end,
            head=head.i,
            start_char=doc[start].idx,
            end_char=doc[end - 1].idx + len(doc[end - 1]),
            text="",
        )
        m.heads.add(head.i)
        low = head.lower_
        # pronouns
        if head.pos_ == "PRON":
            if low not in PRONOUNS or PRONOUNS[low] == "speaker" or head.dep_ == "expl":
                return None
            if (
                low == "it"
                and head.dep_ == "nsubj"
                and head.head.lemma_ == "be"
                and any(c.dep_ in ("attr", "acomp") for c in head.head.children)
            ):
                return None  # "it was the right time to ...": no referent
            m.kind = "pronoun"
            m.person = PRONOUNS[low] == "person"
            m.plural = PRONOUNS[low] == "group"
            m.rule.append(f"pronoun '{head.text}'")
            m.text = text[m.start_char : m.end_char]
            return m
        head_hit = hit_at.get(head.i)
        found = False
        if head_hit is not None and head_hit.start >= start - 1:
            e = _pick_entry(head_hit.entries, date)
            if e.kind != "demonym" or head.pos_ in ("PROPN", "NOUN"):
                self._apply_entry(m, e, date)
                if e.kind == "demonym":  # "the Iraqis", "Russians": people of that country
                    m.kind = "demonym"
                    m.sector = "CVL" if head.tag_ in ("NNS", "NNPS") else None
                    m.plural = head.tag_ in ("NNS", "NNPS")
                found = True
                start = min(start, head_hit.start)
                end = max(end, head_hit.end)
        # the role word: for a common noun it must be the head ("defense minister",
        # "members of parliament"); for a name it is among its compounds ("Prime Minister X")
        role: Role | None = None
        role_end = -1
        ext_end = end
        for c in head.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                sub_toks = list(c.subtree)
                if len(sub_toks) <= 6:
                    ext_end = max(ext_end, sub_toks[-1].i + 1)
                break
        for j in range(ext_end, head.i, -1):
            r = self.d.role_at(lemmas, lowers, j, start)
            if r is not None and j - len(r.words) <= head.i:
                role, role_end = r, j
                end = max(end, j)
                break
        if role is None and head.pos_ == "PROPN":
            for j in range(head.i, start, -1):
                r = self.d.role_at(lemmas, lowers, j, start)
                if r is not None:
                    role, role_end = r, j
                    break
        ent = _entity_at(doc, head.i)
        if not found and role is None:
            if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "GPE", "FAC"):
                found = True
                m.kind = "person" if ent.label_ == "PERSON" else "entity"
                m.person = ent.label_ == "PERSON"
                m.name = text[ent.start_char : ent.end_char]
                m.rule.append(f"named entity {ent.label_}")
            else:
                return None
        if ent is not None and ent.label_ == "PERSON" and m.kind not in ("person", "user"):
            m.person = True
            if not m.name or m.kind in ("role", "other"):
                m.name = text[ent.start_char : ent.end_char]
        # qualifiers: names and roles among the modifiers
        mod_country: Entry | None = None
        mod_org: Entry | None = None
        for i in range(start, end):
            h = hit_at.get(i)
            if h is None or (head_hit is not None and h is head_hit):
                continue
            e = _pick_entry(h.entries, date)
            if e.kind in ("country", "demonym", "capital"):
                mod_country = mod_country or e
            elif e.kind in ("org", "user", "person") and e.country:
                mod_org = mod_org or e
        mod_role: Role | None = None
        if role is not None:
            j = role_end - len(role.words)
            while j > start:
                r = self.d.role_at(lemmas, lowers, j, start)
                if r is not None and not r.weak:
                    mod_role = r
                    break
                j -= 1
        # of/for-phrases qualify generic heads: "members of parliament", "head of the army"
        pp_mention: Mention | None = None
        if (
            role is not None
            and role_end <= head.i + 1
            and (role.weak or role_end - 1 == head.i)
            and mod_org is None
            and mod_country is None
        ):
            for prep in head.rights:
                if prep.dep_ == "prep" and prep.lower_ in QUALIFIER_PREPS:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is None:
                        continue
                    sub = self._resolve_np(doc, pobj, hit_at, lemmas, lowers, date, text)
                    if sub is not None and sub.kind != "pronoun" and (sub.country or sub.sector):
                        place_like = sub.kind in ("country", "capital") or (
                            sub.kind == "user" and sub.country and not sub.sector
                        )
                        if prep.lower_ == "in" and not place_like:
                            continue
                        pp_mention = sub
                        end = max(end, sub.end)
                        m.heads.update(sub.heads)
                    break
        # sector
        if role is not None:
            m.role = " ".join(role.words)
            m.person = m.person or role.person
            m.plural = head.tag_ in ("NNS", "NNPS")
            if m.kind in ("other", "entity"):
                m.kind = "role"
            if role.weak:
                qual = None
                if mod_org is not None and mod_org.sector:
                    qual = (mod_org.sector, f"qualified by {mod_org.name}")
                elif mod_role is not None:
                    qual = (mod_role.sector, f"qualified by '{' '.join(mod_role.words)}'")
                elif pp_mention is not None and pp_mention.sector:
                    qual = (pp_mention.sector, f"qualified by '{pp_mention.text}'")
                elif m.sector:
                    qual = (m.sector, "entity sector")
                if qual:
                    m.sector = qual[0]
                    m.rule.append(f"role '{m.role}' {qual[1]}→{qual[0]}")
                elif role.sector:
                    m.sector = role.sector
                    m.rule.append(f"role '{m.role}'→{role.sector}")
            elif not (m.kind == "person" and m.sector == "ELI"):
                if m.sector != role.sector:
                    m.sector = role.sector
                m.rule.append(f"role '{m.role}'→{role.sector}")
            if role.nocountry:
                m.rule.append("role does not imply the article's country")
        # country
        if m.kind in ("org", "user") and m.country in NONSTATE and mod_country is None:
            pass
        elif mod_country is not None and (
            m.country is None or m.kind in ("role", "entity", "person")
        ):
            if m.country and m.country != mod_country.country and m.kind in ("org", "user"):
                pass  # a named organisation keeps its own country ("Iraqi Hezbollah" is rare)
            else:
                m.country = mod_country.country
                m.rule.append(f"country from '{mod_country.name}'→{mod_country.country}")
        elif mod_org is not None and m.country is None:
            m.country = mod_org.country
            m.rule.append(f"country from {mod_org.name}→{mod_org.country}")
        elif pp_mention is not None and m.country is None and pp_mention.country:
            m.country = pp_mention.country
            m.rule.append(f"country from '{pp_mention.text}'→{pp_mention.country}")
        # bare country name as an actor: the state, i.e. its government
        if m.kind == "country" and m.sector is None and role is None:
            m.sector = "GOV"
            m.rule.append("country as state actor→GOV")
        if m.kind == "country" and role is not None:
            m.wikidata = None
        # an organisation named as what the role is ("Reuters news agency" is Reuters)
        if (
            role is not None
            and mod_org is not None
            and not role.person
            and m.name is None
            and (mod_org.sector == m.sector or role.weak)
        ):
            m.name, m.wikidata, m.kind = mod_org.name, mod_org.wikidata, mod_org.kind
            m.rule.append(f"the {m.role} is {mod_org.name}")
        # the possessor ("Abadi's spokesman", "its embassy"): coreference fills in what it knows
        for c in head.lefts:
            if c.dep_ == "poss":
                m.poss_head = c.i
        # appositions: "America's top general, Joseph Dunford" / "the Takfiri group, ISIL"
        for c in head.rights:
            if c.dep_ == "appos" and c.pos_ in ("PROPN", "NOUN"):
                sub = self._resolve_np(doc, c, hit_at, lemmas, lowers, date, text)
                if sub is None:
                    continue
                end = max(end, sub.end)
                m.heads.update(sub.heads)
                self._merge_appos(m, sub)
        m.generic = m.kind == "role" and not m.person_name_known
        # a phrase that opens a parenthesis closes it: "Nigerian Air Force (NAF)"
        opened = sum(1 for i in range(start, end) if doc[i].text == "(") - sum(
            1 for i in range(start, end) if doc[i].text == ")"
        )
        if opened > 0 and end < len(doc) and doc[end].text == ")":
            end += 1
        m.start, m.end = start, end
        m.start_char = doc[start].idx
        m.end_char = doc[end - 1].idx + len(doc[end - 1])
        m.text = text[m.start_char : m.end_char]
        return m

    @staticmethod
    def _merge_appos(m: Mention, sub: Mention) -> None:
        if sub.kind in ("person", "org", "user", "country") and m.kind in (
            "role",
            "other",
            "entity",
            "person",
        ):
            if m.kind == "person" and m.entry is not None:
                return
            m.name = sub.name or m.name
            m.wikidata = sub.wikidata or m.wikidata
            if sub.kind in ("org", "user"):
                m.kind = sub.kind
                m.sector = sub.sector or m.sector
                m.country = sub.country or m.country
            else:
                m.person = m.person or sub.person
                m.country = m.country or sub.country
                m.sector = m.sector or sub.sector
                if sub.kind == "person":
                    m.kind = "person"
            m.rule.append(f"apposition '{sub.text}'")
        else:
            m.country = m.country or sub.country
            m.sector = m.sector or sub.sector
            m.name = m.name or sub.name


class ActorStage:
    """Finds actor mentions and resolves each to name, country, sector and Wikidata id."""

    name = "actors"
    requires = ("doc",)
    assigns = ("mentions",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        assert analysis.doc is not None
        finder = MentionFinder(resources.actors)
        analysis.mentions = finder.find(analysis.doc, analysis.article.date, analysis.article.text)


def resolve_string(text: str, resources: Resources, date: str | None = None) -> Mention | None:
    """Resolve one actor string (the `wirecoder actor` command): the widest mention wins."""
    return resolve_doc(resources.nlp(text), resources, date, text)


def resolve_doc(
    doc: Doc, resources: Resources, date: str | None = None, text: str | None = None
) -> Mention | None:
    """`resolve_string` for an already parsed string (batches parse faster)."""
    mentions = MentionFinder(resources.actors).find(doc, date, text)
    if not mentions:
        return None
    return max(mentions, key=lambda m: (m.end - m.start, m.kind != "pronoun"))


__all__ = ["ActorStage", "Mention", "MentionFinder", "resolve_doc", "resolve_string"]
