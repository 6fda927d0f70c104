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

from ..nlp import ents_within
from .dictionary import NONSTATE, ActorDictionary, Entry, Role
from .mention import Mention
from .phrases import (
    ADJ_LIKE,
    ARMED_ORG_SECTORS,
    ARMED_QUALIFIED,
    ARMED_ROLE_SECTORS,
    ELI_SECTORS,
    FAMILY,
    FORMER,
    INSTITUTION_SECTORS,
    NEVER_QUALIFY,
    NOMINAL,
    PRONOUNS,
    PROTESTING,
    QUALIFIER_PREPS,
    REFUGE,
    STATE_OWNED,
    STATE_OWNED_BUS,
    Hit,
    backed_by,
    dictionary_hits,
    entity_at,
    fled,
    listed,
    np_tokens,
    pick_entry,
    speaker_after,
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
            m = self._from_entry(doc, h.start, h.end, h.end - 1, e, date, text)
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
        m.country = self.d.state_of(e.country)
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
            held = (
                f", {e.valid_from or '…'} to {e.valid_to or '…'}"
                if e.valid_from or e.valid_to
                else ""
            )
            m.rule.append(f"{e.kind}:{e.name} ({e.source}{held})")  # which entry, which dates
        if m.country != e.country:
            m.rule.append(f"{e.country} is coded as part of {m.country}")

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
        toks = np_tokens(head)
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
            e = pick_entry(head_hit.entries, date)
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
            if r is not None and r.instrument and not self.strings:
                continue  # a weapon in running text is an instrument, not an actor
            if r is not None and j - len(r.words) <= head.i:
                role, role_end = r, j
                end = max(end, j)
                break
        if role is None and head.pos_ == "PROPN":
            for j in range(head.i, start, -1):
                inner = hit_at.get(j - 1)
                if (
                    inner is not None
                    and inner is not head_hit
                    and inner.entries[0].kind not in ("demonym", "person")
                ):
                    continue  # "Muslim" in "Pakistan Muslim League President X" is the party's
                r = self.d.role_at(lemmas, lowers, j, start)
                if r is not None:
                    role, role_end = r, j
                    break
        qualifier_head = False
        if role is None and head.pos_ == "NOUN" and not found and self.strings:
            # an unknown head named by what it belongs to: "police commissioner", "news station"
            for c in sorted(head.lefts, key=lambda t: -t.i):
                if c.dep_ not in ("compound", "amod") or c.i < start:
                    continue
                if c.pos_ == "ADJ" and c.lower_ in ADJ_LIKE:
                    continue
                r = self.d.role_at(lemmas, lowers, c.i + 1, start, qualifier=True)
                if r is not None and r.sector:
                    role, role_end, qualifier_head = r, c.i + 1, True
                    break
        dropped_hit: Hit | None = None
        if (
            head_hit is not None
            and m.entry is not None
            and m.entry.kind == "org"
            and m.entry.country not in NONSTATE
            and self._generic_name(doc, head_hit)
        ):
            other = self._other_nation(doc, start, head_hit, hit_at, date, m.entry.country)
            if other is not None:
                # "the Kenyan defence department" is Kenya's, not the Pentagon
                m.rule.append(f"'{other.name}' {doc[head_hit.start : head_hit.end].text}: generic")
                m.entry = None
                m.name = m.country = m.sector = m.wikidata = None
                m.kind = "role"
                dropped_hit = head_hit
                head_hit = None
        # a role word inside a known name ("New People's Army", "UN Security Council",
        # "People's Republic of China", "President Putin"): the name's own entry decides
        role_in_name = (
            role is not None
            and head_hit is not None
            and m.entry is not None
            and m.kind != "demonym"
            and head_hit.start <= role_end - len(role.words)
            and role_end <= head_hit.end
        )
        if (
            role is not None
            and head_hit is not None
            and m.entry is not None
            and m.entry.kind in ("org", "user")
            and role_end - len(role.words) < head_hit.start
            and role_end >= head_hit.end
        ):
            # a longer role around a name: "National Security Council" is not the UN's
            m.rule.append(f"'{' '.join(role.words)}' is more than {m.entry.name}")
            m.entry = None
            m.name = m.country = m.sector = m.wikidata = None
            m.kind = "role"
            dropped_hit = head_hit
            head_hit = None
        ent = entity_at(doc, head.i)
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
            if h is None or (head_hit is not None and h is head_hit) or h is dropped_hit:
                continue
            e = pick_entry(h.entries, date)
            if e.kind in ("country", "demonym", "capital", "org", "user") and backed_by(doc, h.end):
                continue  # "US-backed forces" are not the US's
            if e.kind in ("country", "demonym", "capital"):
                mod_country = mod_country or e
            elif e.kind in ("org", "user", "person") and e.country:
                mod_org = mod_org or e
        mod_role: Role | None = None
        if role is not None:
            j = role_end - len(role.words)
            while j > start:
                inner = hit_at.get(j - 1)
                if (
                    inner is not None
                    and inner.entries[0].kind not in ("demonym", "person")
                    and inner is not head_hit
                ):
                    j -= 1
                    continue  # "union" in "European Union", "channel" in "Channel Islander"
                if (inner is not None and inner.entries[0].kind == "demonym") or (
                    lowers[j - 1] in FORMER
                ):
                    j -= 1
                    continue  # nationality and status words are not qualifiers ("exiled")
                r = self.d.role_at(lemmas, lowers, j, start, qualifier=True)
                if (doc[j - 1].pos_ == "ADJ" and lowers[j - 1] in ADJ_LIKE) or (
                    lowers[j - 1] in NEVER_QUALIFY
                ):
                    r = None
                if r is not None and r.sector == "CVL" and not role.person:
                    r = None  # "people's committee", "pro-democracy movement" keep their sector
                usable = r is not None and (
                    not r.weak
                    or (
                        role.weak
                        and bool(r.sector)
                        and not (r.sector == "CVL" and r.person)
                        and not (r.person and role.person)
                    )
                )  # a weak word takes a weak qualifier too: "intelligence bureau" SPY,
                # "state employees" GOV, "workers' federation" LAB; not "deputy commissioner"
                if (
                    usable
                    and r is not None
                    and role.weak
                    and role.sector == "GOV"
                    and not role.person
                    and r.sector not in INSTITUTION_SECTORS
                ):
                    usable = False  # "bank control department", "tourist board": the state's
                if r is not None and usable and not (r.topic and role.sector == "GOV"):
                    k = j - len(r.words)
                    prefix = (
                        lowers[k - 2]
                        if k >= 2 and lowers[k - 1] == "-"
                        else lowers[k - 1].rstrip("-")
                        if k >= 1
                        else ""
                    )
                    if prefix == "anti":
                        # "anti-government forces": against the government is the opposition
                        r = Role(r.words, "OPP" if r.sector == "GOV" else r.sector, mod=True)
                    elif prefix == "non":
                        # "non-governmental organisation": civil society; "non-military": civilian
                        r = Role(r.words, "SOC" if r.sector == "GOV" else "CVL", mod=True)
                    mod_role = r
                    if r.sector in ARMED_ROLE_SECTORS:
                        # the qualifier is an armed unit with its own qualifier: "rebel army"
                        for i in range(j - len(r.words), start, -1):
                            q = self.d.role_at(lemmas, lowers, i, start, qualifier=True)
                            if q is not None and q.sector in ("REB", "OPP"):
                                mod_role = Role(r.words, "REB", mod=True)
                                break
                    break
                j -= 1
        # of/for-phrases qualify generic heads: "members of parliament", "head of the army"
        pp_mention: Mention | None = None
        pp_prep = ""
        if (
            role is not None
            and (role_end <= head.i + 1 or role_end - len(role.words) == head.i)
            and (role.weak or role_end - 1 >= head.i)
            and mod_org is None
            and not qualifier_head
        ):
            role_last = doc[role_end - 1] if role_end > 0 else head
            preps = list(head.rights) + (list(role_last.rights) if role_last.i != head.i else [])
            role_start = role_end - len(role.words)
            for prep in preps:
                if role_start <= prep.i < role_end:
                    continue  # part of the role itself: "chief of staff"
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
                        pp_prep = prep.lower_
                        end = max(end, sub.end)
                        m.heads.update(sub.heads)
                    break
        # "Minister of Foreign Affairs and Expatriates of the Hashemite Kingdom of Jordan"
        if (
            role is not None
            and m.country is None
            and (pp_mention is None or pp_mention.country is None)
            and mod_country is None
            and mod_org is None
        ):
            last_tok = doc[role_end - 1] if role_end > 0 else head
            for prep in [*head.rights, *(last_tok.rights if last_tok.i != head.i else [])]:
                if prep.dep_ != "prep" or prep.lower_ != "of":
                    continue
                deep = self._country_below(prep, hit_at, date)
                if deep is not None and deep.country:
                    m.country = self.d.state_of(deep.country)
                    m.rule.append(f"country from '{deep.name}' further on→{m.country}")
                    break
        # sector
        if role is not None and role_in_name:
            m.role = " ".join(role.words)
            m.person = m.person or role.person
        elif role is not None:
            m.role = " ".join(role.words)
            m.person = m.person or role.person
            m.plural = head.tag_ in ("NNS", "NNPS")
            if m.kind in ("other", "entity"):
                m.kind = "role"
            if role.weak:
                qual = None
                if m.entry is not None and m.kind in ("org", "user") and m.sector:
                    qual = (m.sector, f"{m.name}'s own sector")
                elif mod_org is not None and mod_org.sector:
                    qual = (mod_org.sector, f"qualified by {mod_org.name}")
                elif mod_role is not None:
                    qual = (mod_role.sector, f"qualified by '{' '.join(mod_role.words)}'")
                elif (
                    pp_mention is not None
                    and pp_mention.sector
                    and (pp_mention.kind not in ("country", "capital") or pp_prep in ("of", "for"))
                    and not (
                        role.sector == "GOV"
                        and not role.person
                        and pp_mention.sector not in INSTITUTION_SECTORS | {"GOV", "ELI"}
                    )
                ):
                    # "head of the army"; but "fighters in Syria" are not Syria's government
                    qual = (pp_mention.sector, f"qualified by '{pp_mention.text}'")
                elif m.sector:
                    qual = (m.sector, "entity sector")
                if (
                    qual
                    and qual[0] == "OPP"
                    and not role.person
                    and role.sector not in ("MIL", "REB")
                ):
                    qual = ("SOC", f"{qual[1]} (an opposition body is civil society)")
                if (
                    qual
                    and role.sector in ("MIL", "REB")
                    and (role.sector == "REB" or not role.person)
                    and qual[0] in ARMED_QUALIFIED
                    and (role.words[-1] not in ("coalition", "alliance"))
                ):
                    qual = (ARMED_QUALIFIED[qual[0]], f"{qual[1]} (armed)")
                if qual:
                    m.sector = qual[0]
                    m.rule.append(f"role '{m.role}' {qual[1]}→{qual[0]}")
                elif role.sector:
                    m.sector = role.sector
                    m.rule.append(f"role '{m.role}'→{role.sector}")
            elif (
                mod_org is not None
                and mod_org.sector in ARMED_ORG_SECTORS
                and role.sector in ARMED_ROLE_SECTORS
            ):
                m.sector = mod_org.sector
                m.rule.append(f"role '{m.role}' of {mod_org.name}→{mod_org.sector}")
            elif (
                mod_role is not None
                and mod_role.sector in ("REB", "OPP")
                and role.sector in ARMED_ROLE_SECTORS
            ):
                # "rebel army", "guerrilla soldiers", "anti-government forces"
                m.sector = "REB"
                m.rule.append(f"role '{m.role}' qualified by '{' '.join(mod_role.words)}'→REB")
            elif qualifier_head:
                m.sector = role.sector
                m.rule.append(f"'{head.text}' of the {m.role}→{role.sector}")
            elif not (m.kind == "person" and m.sector == "ELI"):
                if m.sector != role.sector:
                    m.sector = role.sector
                m.rule.append(f"role '{m.role}'→{role.sector}")
            if role.nocountry:
                m.rule.append("role does not imply the article's country")
        # "former President X", "ex-minister", "the ousted leader": PLOVER codes them ELI
        if m.sector in ELI_SECTORS and (m.person or role is not None):
            upto = role_end - len(role.words) if role is not None and role_end > 0 else head.i
            former = next((doc[i] for i in range(start, upto) if doc[i].lower_ in FORMER), None)
            if former is not None:
                m.sector = "ELI"
                m.rule.append(f"'{former.text}' office holder→ELI")
            for prep in head.rights:
                if prep.lower_ == "in" and any(c.lower_ == "exile" for c in prep.children):
                    m.sector = "ELI"
                    m.rule.append("office holder in exile→ELI")
        if role is not None and role.words[-1] in FAMILY:
            for c in head.lefts:
                if c.dep_ != "poss":
                    continue
                owner_hit = hit_at.get(c.i)
                owner = pick_entry(owner_hit.entries, date) if owner_hit is not None else None
                r = self.d.role_at(lemmas, lowers, c.i + 1, 0)
                if (
                    owner is not None and owner.kind == "person" and owner.sector in ELI_SECTORS
                ) or (r is not None and r.person and r.sector in ELI_SECTORS):
                    m.sector = "ELI"
                    m.rule.append(f"relative of '{c.text}'→ELI")
        # people described by their flight are refugees: "people who fled", "nationals who
        # sought refuge", "families living in refugee camps"
        if (
            m.sector == "CVL"
            and m.kind in ("role", "demonym")
            and (
                fled(head)
                or any(lemmas[i] in REFUGE or lowers[i] in REFUGE for i in range(start, head.i))
            )
        ):
            m.sector = "REF"
            m.rule.append("fleeing / seeking refuge→REF")
        # "protesting students", "anti-government workers": civilians
        if (
            role is not None
            and role.person
            and m.sector not in ("GOV", "MIL", "REB", "UAF", "COP", "SPY", "CRM", None)
        ):
            lo = role_end - len(role.words)
            words = [lowers[i] for i in range(start, lo)]
            joined = " ".join(words).replace(" - ", "-").replace("anti ", "anti-")
            if any(w in PROTESTING for w in words) or "anti-government" in joined:
                m.sector = "CVL"
                m.rule.append("protesting→CVL")
        # a company or outlet the state owns ("state news agency", "state-run television")
        if role is not None and m.sector in ("BUS", "JRN") and m.kind == "role":
            lo = role_end - len(role.words)
            owned = STATE_OWNED | (STATE_OWNED_BUS if m.sector == "BUS" else set())
            state = next((doc[i] for i in range(start, lo) if lowers[i] in owned), None)
            if state is not None:
                m.sector = "GOV"
                m.rule.append(f"'{state.text}'-owned→GOV")
        # country
        if m.kind in ("org", "user") and m.country in NONSTATE and mod_country is None:
            pass
        elif m.kind in ("org", "user") and m.country in NONSTATE and mod_country is not None:
            # a national branch of an international body ("the Iraqi Red Crescent") or a
            # generic name made national ("the Kenyan security council")
            m.country = self.d.state_of(mod_country.country)
            m.rule.append(f"national body: country from '{mod_country.name}'→{m.country}")
            if m.sector is None and role is not None and role.sector:
                m.sector = role.sector
                m.rule.append(f"role '{' '.join(role.words)}'→{role.sector}")
        elif mod_country is not None and (
            m.country is None or m.kind in ("role", "entity", "person")
        ):
            if m.country and m.country != mod_country.country and m.kind in ("org", "user"):
                pass  # a named organisation keeps its own country ("Iraqi Hezbollah" is rare)
            else:
                m.country = self.d.state_of(mod_country.country)
                m.rule.append(f"country from '{mod_country.name}'→{m.country}")
        elif mod_org is not None and (
            m.country is None
            or (m.kind == "person" and role is not None and mod_org.country != m.country)
        ):
            # the article's descriptor before the dictionary's: "European Union President
            # Herman Van Rompuy" speaks for the EU, not for Belgium
            m.country = mod_org.country
            m.rule.append(f"country from {mod_org.name}→{mod_org.country}")
        elif pp_mention is not None and m.country is None and pp_mention.country:
            m.country = pp_mention.country
            m.rule.append(f"country from '{pp_mention.text}'→{pp_mention.country}")
        # a region or city among the modifiers: "the Florida legislature", "Kirkuk council"
        if m.country is None and self.places is not None and m.kind not in ("pronoun",):
            for a, b in self._place_names(doc, start, head.i, hit_at, lemmas, lowers):
                name = text[doc[a].idx : doc[b - 1].idx + len(doc[b - 1])]
                code = self.places(name)
                if code:
                    m.country = self.d.state_of(code)
                    m.rule.append(f"'{name}' is a place in {m.country}")
                    break
        # a region or large town named alone as an actor stands for its government
        # ("North Carolina sued", "Michigan said")
        if m.country is None and self.places is not None and m.kind == "entity" and m.name:
            code = self.places(m.name)
            if code:
                m.country = self.d.state_of(code)
                m.sector = m.sector or "GOV"
                m.rule.append(f"'{m.name}' is a place in {m.country}: its government")
        # bare country name as an actor: the state, i.e. its government
        if m.kind == "country" and m.sector is None and (role is None or role_in_name):
            m.sector = "GOV"
            m.rule.append("country as state actor→GOV")
        if m.kind == "country" and role is not None and not role_in_name:
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
                if speaker_after(c):
                    continue
                sub = self._resolve_np(doc, c, hit_at, lemmas, lowers, date, text)
                if sub is None or listed(m, sub):
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

    def _generic_name(self, doc: Doc, hit: Hit) -> bool:
        """Is a matched name ordinary words ending in a role word ("Defense Department",
        "Foreign Office"), as any state could have it? ("Hezbollah" is not.)"""
        words = [t for t in doc[hit.start : hit.end] if t.is_alpha]
        if len(words) < 2 or not all(t.lower_ in self.d.common for t in words):
            return False
        lemmas = [t.lemma_.lower() for t in doc]
        lowers = [t.lower_ for t in doc]
        return self.d.role_at(lemmas, lowers, words[-1].i + 1, words[-1].i) is not None

    def _other_nation(
        self,
        doc: Doc,
        start: int,
        hit: Hit,
        hit_at: dict[int, Hit],
        date: str | None,
        own: str | None,
    ) -> Entry | None:
        """A nationality before a name that is not the name's own country."""
        for i in range(start, hit.start):
            h = hit_at.get(i)
            if h is None or h is hit:
                continue
            e = pick_entry(h.entries, date)
            if e.kind in ("country", "demonym") and e.country and self.d.state_of(e.country) != own:
                return e
        return None

    def _place_names(
        self,
        doc: Doc,
        start: int,
        head: int,
        hit_at: dict[int, Hit],
        lemmas: list[str],
        lowers: list[str],
    ) -> list[tuple[int, int]]:
        """Token spans before the head that may name a region or town: place entities, and
        runs of proper nouns that are not known names, people or role words."""
        spans = [
            (e.start, e.end) for e in ents_within(doc, start, head) if e.label_ in ("GPE", "LOC")
        ]
        run: list[int] = []
        for i in range(start, head + 1):
            t = doc[i]
            ok = (
                i < head
                and t.pos_ == "PROPN"
                and i not in hit_at
                and t.ent_type_ != "PERSON"
                and self.d.role_at(lemmas, lowers, i + 1, i) is None
            )
            if ok:
                run.append(i)
            elif run:
                spans.append((run[0], run[-1] + 1))
                run = []
        return [sp for sp in spans if not any(i in hit_at for i in range(*sp))]

    def _country_below(
        self, first: Token, hit_at: dict[int, Hit], date: str | None
    ) -> Entry | None:
        """The first country named in a chain of of-phrases from `first` on (not in clauses)."""
        seen = 0
        prep: Token | None = first
        while prep is not None and seen < 6:
            seen += 1
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                return None
            words = [pobj, *(c for c in pobj.lefts if c.dep_ in ("compound", "amod", "det"))]
            words += [c for c in pobj.children if c.dep_ == "conj"]
            for t in words:
                h = hit_at.get(t.i)
                if h is None:
                    continue
                e = pick_entry(h.entries, date)
                if e.kind in ("country", "capital") and e.country:
                    return e
                if e.kind != "demonym":
                    return None  # an organisation or a person further on is theirs
            nxt = [c for c in pobj.rights if c.dep_ == "prep" and c.lower_ == "of"]
            for conj in (c for c in pobj.children if c.dep_ == "conj"):
                nxt += [c for c in conj.rights if c.dep_ == "prep" and c.lower_ == "of"]
            prep = nxt[0] if nxt else None
        return None

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
        finder = MentionFinder(resources.actors, places=place_country(resources))
        analysis.mentions = finder.find(analysis.doc, analysis.article.date, analysis.article.text)


def _far_larger(codes: set[str], resources: Resources) -> str | None:
    """Of the countries a place name is in, the one at least ten times as populous as any
    other ("Florida": the US state, not the Uruguayan department); else none."""
    if not codes:
        return None
    sizes = sorted(
        ((c.population if (c := resources.actors.country(code)) else 0, code) for code in codes),
        reverse=True,
    )
    if len(sizes) > 1 and sizes[0][0] >= 10 * max(sizes[1][0], 1):
        return sizes[0][1]
    return None


def place_country(resources: Resources) -> Callable[[str], str | None]:
    """The one country a region or large town of this name is in (the places gazetteer,
    loaded on first use); None when the name is ambiguous or unknown."""
    cache: dict[str, str | None] = {}

    def country(name: str) -> str | None:
        if name not in cache:
            key = name.casefold()
            found = {
                p.country
                for p in resources.gazetteer.lookup(name)
                if p.country
                and (
                    p.feature == "admin1"
                    # a town by its own name only ("Floridablanca" also answers to "Florida")
                    or (
                        p.feature == "city" and p.population >= 100_000 and p.name.casefold() == key
                    )
                )
            }
            cache[name] = found.pop() if len(found) == 1 else _far_larger(found, resources)
        return cache[name]

    return country


__all__ = ["ActorStage", "Mention", "MentionFinder", "place_country"]
