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

from collections.abc import Callable
from typing import TYPE_CHECKING

from .acronyms import acronym_end, defines_acronym, resolve_defined
from .countries import apply_country, apply_places, country_further_on, place_country
from .descriptors import apply_descriptors
from .dictionary import ActorDictionary
from .mention import Mention
from .names import (
    another_states_name,
    drop_entry,
    entry_mention,
    head_entry,
    modifier_names,
    named_entity,
    pronoun,
    role_around_name,
    role_in_name,
)
from .phrases import (
    NOMINAL,
    QUALIFIER_PREPS,
    Hit,
    Phrase,
    close_parenthesis,
    dictionary_hits,
    listed,
    np_tokens,
    pick_entry,
    speaker_after,
)
from .roles import (
    Qualifiers,
    RoleWord,
    apply_role,
    find_role,
    organisation_role,
    qualifier_role,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..analysis import Analysis, Resources


class MentionFinder:
    """Finds and resolves actor mentions in a parsed document."""

    def __init__(
        self,
        d: ActorDictionary,
        strings: bool = False,
        places: Callable[[str], str | None] | None = None,
    ) -> None:
        """`strings`: the text is known to name an actor (`wirecoder actor`), so an unknown
        head noun may take its sector from a role word before it ("police commissioner");
        in running text that would make actors of "diplomatic ties" or "artillery shells".
        `places`: the country of a region or city name, when it has only one ("Kirkuk")."""
        self.d = d
        self.strings = strings
        self.places = places

    def find(self, doc: Doc, date: str | None = None, text: str | None = None) -> list[Mention]:
        text = doc.text if text is None else text
        hits = dictionary_hits(doc, self.d)
        if not self.strings:
            # "on May 15", "on 17 November" in running text are days, not the groups so named
            hits = [
                h
                for h in hits
                if not all(doc[i].ent_type_ in ("DATE", "TIME") for i in range(h.start, h.end))
            ]
        hit_at: dict[int, Hit] = {}
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
            e = pick_entry(h.entries, date)
            if e.kind == "demonym" and doc[h.end - 1].pos_ not in ("ADJ", "PROPN", "NOUN"):
                continue
            m = entry_mention(self.d, doc, (h.start, h.end), h.end - 1, e, date, text)
            m.rule.insert(0, "modifier")
            possessive = h.end < len(doc) and doc[h.end].text in ("'s", "’s")
            if (
                m.sector is None
                and not self.strings
                and (e.kind == "country" or (e.kind == "demonym" and possessive))
            ):
                # "US strategy", "the Philippine's ceasefire": the state's
                m.sector = "GOV"
                m.rule.append("country as state actor→GOV")
            add(m)
        mentions.sort(key=lambda m: m.start)
        self._share_modifiers(doc, mentions, hit_at)
        resolve_defined(doc, mentions, text)
        return mentions

    @staticmethod
    def _share_modifiers(doc: Doc, mentions: list[Mention], hit_at: dict[int, Hit]) -> None:
        """What one phrase says once holds for each of its coordinated parts.

        "the foreign ministers of France and Germany": Germany's ministers too, so Germany
        takes the role; "the Danish media and government": a bare conjunct takes the
        nationality that the first part's modifier gives both.
        """
        at = {m.head: k for k, m in enumerate(mentions)}
        for k, m in enumerate(mentions):
            h = doc[m.head]
            if m.kind == "role" and m.plural and m.role:
                for i in sorted(m.heads - {m.head}):
                    pobj = doc[i]
                    if not (
                        pobj.dep_ == "pobj"
                        and pobj.head.lower_ == "of"
                        and pobj.head.head.i == m.head
                    ):
                        continue
                    for c in pobj.conjuncts:
                        j = at.get(c.i)
                        if j is None or j == k or not mentions[j].country_like:
                            continue
                        other = mentions[j]
                        if other.start < c.i or j in m.co_actors:
                            continue  # only a bare name: "France and Germany's leaders" differs
                        other.sector, other.role = m.sector, m.role
                        other.rule.append(f"shares the role '{m.role}' of '{m.text}'")
                        m.co_actors.append(j)
            if (
                m.country is None
                and m.kind == "role"
                and h.dep_ == "conj"
                and not any(True for _ in h.lefts)
                and h.head.i in at
            ):
                first = mentions[at[h.head.i]]
                mod = [
                    t
                    for t in doc[h.head.left_edge.i : h.head.i]
                    if t.dep_ in ("amod", "compound")
                    and t.i in hit_at
                    and pick_entry(hit_at[t.i].entries, None).kind in ("demonym", "country")
                ]
                if first.country and mod:
                    m.country = first.country
                    m.rule.append(f"country from '{mod[0].text}', shared with '{first.text}'")

    # -- building one mention -------------------------------------------------------------
    def _resolve_np(
        self,
        doc: Doc,
        head: Token,
        hit_at: dict[int, Hit],
        lemmas: list[str],
        lowers: list[str],
        date: str | None,
        text: str,
    ) -> Mention | None:
        """The actor the noun phrase headed by `head` is, or None when it is none.

        The decisions run in order, each in its own module: what the phrase names (names.py),
        its role word (roles.py), what qualifies the role, the sector the role gives and the
        words that change it (descriptors.py), its country (countries.py), then the phrases
        attached to it (of-phrases, appositions).
        """
        p = Phrase(doc, head, hit_at, lemmas, lowers, date, text, self.d, self.strings)
        start, end = _phrase_span(head)
        m = Mention(
            start=start,
            end=end,
            head=head.i,
            start_char=doc[start].idx,
            end_char=doc[end - 1].idx + len(doc[end - 1]),
            text="",
        )
        m.heads.add(head.i)
        if head.pos_ == "PRON":
            return pronoun(m, head, text)
        # what the phrase names, and its role word
        head_hit = hit_at.get(head.i)
        found = head_entry(p, m, head_hit, start)
        if found and head_hit is not None:
            start, end = min(start, head_hit.start), max(end, head_hit.end)
        rw = find_role(p, start, end, head_hit, found)
        if rw is not None:
            end = max(end, rw.end)
        dropped_hit: Hit | None = None
        why = another_states_name(p, m, start, head_hit)
        if why is not None:
            drop_entry(m, why)
            dropped_hit, head_hit = head_hit, None
        in_name = role_in_name(m, head_hit, rw)
        why = role_around_name(m, head_hit, rw)
        if why is not None:
            drop_entry(m, why)
            dropped_hit, head_hit = head_hit, None
        if not named_entity(p, m, found or rw is not None):
            return None  # no name, no role word, no named entity: not an actor
        # what qualifies it, the sector its role gives, the words that change that, its country
        q, end = self._qualifiers(p, m, rw, (start, end), (head_hit, dropped_hit))
        if rw is not None:
            apply_role(p, m, rw, in_name, q)
        apply_descriptors(p, m, start, rw)
        apply_country(p, m, rw, q)
        apply_places(p, m, start, rw, in_name, self.places)
        if (org := organisation_role(m, rw, q)) is not None:
            m.name, m.wikidata, m.kind = org.name, org.wikidata, org.kind
            m.rule.append(f"the {m.role} is {org.name}")
        # the possessor ("Abadi's spokesman", "its embassy"): coreference fills in what it knows
        for c in head.lefts:
            if c.dep_ == "poss":
                m.poss_head = c.i
        end = self._appositions(p, m, end)
        m.generic = m.kind == "role" and not m.person_name_known
        end = close_parenthesis(doc, start, end)
        m.start, m.end = start, end
        m.start_char = doc[start].idx
        m.end_char = doc[end - 1].idx + len(doc[end - 1])
        m.text = text[m.start_char : m.end_char]
        return m

    def _qualifiers(
        self,
        p: Phrase,
        m: Mention,
        rw: RoleWord | None,
        span: tuple[int, int],
        hits: tuple[Hit | None, Hit | None],
    ) -> tuple[Qualifiers, int]:
        """What qualifies the phrase (names among the modifiers, a role word before the role,
        an of-phrase) and the phrase's new end; a role nothing else places may take a
        country named deep in its of-phrases. `hits`: the head's name and a dropped one."""
        start, end = span
        mod_country, mod_org = modifier_names(p, span, hits)
        mod_role = qualifier_role(p, start, rw, hits[0]) if rw is not None else None
        pp_mention, pp_prep = None, ""
        if rw is not None and mod_org is None:
            pp_mention, pp_prep = self._qualifying_phrase(p, rw)
        if pp_mention is not None:
            end = max(end, pp_mention.end)
            m.heads.update(pp_mention.heads)
        if (
            rw is not None
            and m.country is None
            and (pp_mention is None or pp_mention.country is None)
            and mod_country is None
            and mod_org is None
            and (deep := country_further_on(p, rw)) is not None
        ):
            # "Minister of Foreign Affairs and Expatriates of the Hashemite Kingdom of Jordan"
            m.country = self.d.state_of(deep.country)
            m.rule.append(f"country from '{deep.name}' further on→{m.country}")
        return Qualifiers(mod_country, mod_org, mod_role, pp_mention, pp_prep), end

    def _qualifying_phrase(self, p: Phrase, rw: RoleWord) -> tuple[Mention | None, str]:
        """The of/for-phrase (or in-phrase naming a place) that qualifies a role: "members of
        parliament", "head of the army", "fighters in Syria"; with its preposition. Only a
        role that heads the phrase, and not when the head is named by its role word."""
        head = p.head
        if rw.qualifier_head or not (
            (rw.end <= head.i + 1 or rw.start == head.i) and (rw.role.weak or rw.end - 1 >= head.i)
        ):
            return None, ""
        role_last = p.doc[rw.end - 1]
        preps = list(head.rights) + (list(role_last.rights) if role_last.i != head.i else [])
        for prep in preps:
            if rw.start <= prep.i < rw.end:
                continue  # part of the role itself: "chief of staff"
            if prep.dep_ == "prep" and prep.lower_ in QUALIFIER_PREPS:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                sub = self._resolve_np(p.doc, pobj, p.hit_at, p.lemmas, p.lowers, p.date, p.text)
                if sub is not None and sub.kind != "pronoun" and (sub.country or sub.sector):
                    place_like = sub.kind in ("country", "capital") or (
                        sub.kind == "user" and sub.country and not sub.sector
                    )
                    if prep.lower_ == "in" and not place_like:
                        continue
                    return sub, prep.lower_
                break
        return None, ""

    def _appositions(self, p: Phrase, m: Mention, end: int) -> int:
        """Fold appositions into the mention: "America's top general, Joseph Dunford", "the
        Takfiri group, ISIL" (not a speaker after a comma, not the next item of a list);
        returns the phrase's new end."""
        for c in p.head.rights:
            if c.dep_ == "appos" and c.pos_ in ("PROPN", "NOUN"):
                if speaker_after(c):
                    continue
                if m.sector is not None and defines_acronym(c, p.text):
                    # "National Security Adviser (NSA)" spells itself out: when the words say
                    # what it is, the letters stay in the mention but name no other body (an
                    # unknown long form still takes what its letters are known as: "PML-N")
                    end = max(end, acronym_end(p.doc, c.i))
                    continue
                sub = self._resolve_np(p.doc, c, p.hit_at, p.lemmas, p.lowers, p.date, p.text)
                if sub is None or listed(m, sub):
                    continue
                end = max(end, sub.end)
                m.heads.update(sub.heads)
                _merge_appos(m, sub)
        return end


def _phrase_span(head: Token) -> tuple[int, int]:
    """The tokens of the phrase around `head`: its base noun phrase, with possessors that
    are names ("Iraq's ruling alliance") and without leading punctuation or conjunctions."""
    toks = np_tokens(head)
    start, end = toks[0].i, toks[-1].i + 1
    doc = head.doc
    while start < head.i and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    return start, end


def _merge_appos(m: Mention, sub: Mention) -> None:
    """What an apposition adds: a person's or organisation's name (and the organisation's
    country and sector) to a role; else only what the mention lacks."""
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
        finder = MentionFinder(resources.actors, places=place_country(resources))
        analysis.mentions = finder.find(analysis.doc, analysis.article.date, analysis.article.text)


__all__ = ["ActorStage", "Mention", "MentionFinder", "place_country"]
