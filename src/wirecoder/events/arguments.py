"""Who did it to whom: source and target from the structure of the sentence.

Verbs: the subject acts (or the "by" agent of a passive); the recipient sits in
the slots the lexicon names for the trigger (direct object, "on", "with", ...).
Missing subjects are recovered the way a reader does: "X urged Y to request Z"
(Y requests), "X attacked and killed Y" (X killed), "a coalition targeting ISIL"
(the coalition targets), "..., killing 17 soldiers" (the clause's subject kills).

Nouns: the possessor, an actor modifier ("Russian air strikes"), a "by"/"of"
phrase, or the subject of the verb that carries the noun ("X launched an air
campaign", "X held talks with Y"). Receiving verbs flip it: "Y won assurances
from X" is X assuring Y.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from ..places.stage import PLACE_NOUNS
from ..records import Span
from .candidates import Candidate
from .status import UNDOING
from .triggers import direct_object, particle_object

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..actors.mentions import Mention
    from ..analysis import Analysis, Resources

SUBJ = ("nsubj", "csubj", "expl")
TIMES = ("DATE", "TIME")
#: what an actor issues, passes or launches to act through: "X issued a statement urging Y"
CARRIER_NOUNS = {
    "statement", "report", "resolution", "letter", "message", "video", "communique",
    "declaration", "note", "petition", "decree", "order", "bill", "law", "memo", "tweet",
    "post", "editorial", "motion", "ruling", "verdict", "warrant", "operation", "campaign",
    "offensive", "directive", "circular", "notice", "ultimatum", "appeal", "proposal",
}  # fmt: skip
LISTABLE = {"country", "org", "user", "person", "capital"}
RECEIVE_VERBS = {
    "win",
    "receive",
    "get",
    "obtain",
    "secure",
    "accept",
    "gain",
    "extract",
    "hear",
    "welcome",
}
REQUEST_NOUNS = {
    "request",
    "invitation",
    "behest",
    "demand",
    "urging",
    "call",
    "order",
    "instruction",
}
SPEECH_VERBS = {
    "say",
    "tell",
    "report",
    "state",
    "add",
    "note",
    "claim",
    "announce",
    "insist",
    "quote",
}
#: Verbs that carry an event noun without adding an event of their own: their subject is the
#: noun's actor ("X launched an attack", "X held talks", "X claimed the attack").
LIGHT_VERBS = {
    "launch", "carry", "conduct", "stage", "mount", "hold", "have", "make", "begin", "start",
    "continue", "step", "intensify", "resume", "wage", "undertake", "pay", "give", "provide",
    "offer", "extend", "send", "deliver", "impose", "sign", "conclude", "reach", "issue",
    "announce", "claim", "perpetrate", "commit", "lead", "organize", "organise", "call", "declare",
    "unleash", "execute", "escalate", "expand", "renew", "plan", "order", "authorize", "authorise",
    "approve", "enter", "join", "host", "convene", "attend", "open", "seek", "ask", "request",
    "demand", "lodge", "file", "bring", "level", "press", "express", "voice", "grant",
    "pledge", "promise", "agree", "accept", "win", "secure", "get", "receive", "take", "do",
    "ramp", "boost", "increase", "keep", "maintain", "pursue", "use", "deploy", "threaten",
    "perform",
}  # fmt: skip
#: who calls off an event noun was to hold it: "cancelled a planned visit" (but others stop,
#: halt or suspend it too: "police stopped the attack")
CALLING_OFF = set(UNDOING) - {"stop", "halt", "suspend", "drop"}
#: Verbs that ask someone, named after a preposition, to act: "called on X to ...".
ASKING_PREPS = {("call", "on"), ("call", "upon"), ("appeal", "to"), ("plead", "with"),
                ("prevail", "on"), ("prevail", "upon"), ("rely", "on"), ("count", "on")}  # fmt: skip
#: Nouns that count or group events: "held a round of talks", "launched a wave of attacks".
SERIES_NOUNS = {"round", "series", "wave", "spate", "string", "volley", "barrage", "flurry",
                "set", "cycle", "campaign", "burst"}  # fmt: skip


#: Verbs whose object's "of"/"with" phrase is the charge: "accused X of Y", "charged X with Y".
#: material measures applied to a territory: with no actor to receive them, the place they
#: are imposed on or sent to is the recipient ("imposed a curfew in parts of Kashmir",
#: "strengthened its forces in Crimea", "the deployment of troops to Liberia")
PLACE_TARGET_TYPES = {"COERCE", "MOBILIZE", "AID", "SANCTION", "CONCEDE", "RETREAT"}
PLACE_PREPS = {"in", "into", "to", "across", "throughout", "inside", "within"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
#: a place a country's possessive names: "Ethiopia's Tigray region", "Syria's north"
POSSESSED_PLACES = PLACE_NOUNS | {"north", "south", "east", "west", "northeast", "northwest",
                                  "southeast", "southwest"}  # fmt: skip
#: what is asked of the place it is sought in: "sought refuge in Bangladesh"
REFUGE = {"refuge", "asylum", "shelter", "sanctuary"}
#: "used civilians as human shields", "held them as hostages"
USING_VERBS = {"use", "hold", "keep", "take", "exploit", "employ"}
#: "X claimed responsibility for the attack": X carried it out
CLAIMED = {"responsibility", "credit"}
CLAIMING_VERBS = {"claim", "accept", "take", "admit", "assume", "bear"}
#: prepositions that introduce the clause's circumstances, never a description of an actor
CLAUSE_PREPS = {"over", "amid", "despite", "after", "before", "during", "following", "since",
                "until", "because", "due"}  # fmt: skip
CHARGING_VERBS = {"accuse", "charge", "suspect", "convict", "acquit", "clear", "absolve", "warn",
                  "inform", "notify", "remind", "deprive", "strip", "rob", "indict"}  # fmt: skip


class ArgumentFinder:
    def __init__(
        self, doc: Doc, mentions: list[Mention], text: str, triggers: Collection[int] = ()
    ) -> None:
        """`triggers`: the tokens of the document's event triggers (an event is not a
        recipient: "agreed to a ceasefire")."""
        self.doc = doc
        self.mentions = mentions
        self.text = text
        self.triggers = set(triggers)
        self.head2m: dict[int, int] = {}
        self._referrers: dict[int, list[int]] | None = None
        for k, m in enumerate(mentions):
            for h in sorted(m.heads, key=lambda h: h != m.head):
                self.head2m.setdefault(h, k)

    # -- actors of a noun phrase ------------------------------------------------------------
    def actors_of(self, tok: Token, fallback: bool = True) -> list[int]:
        """Mentions for the phrase headed by `tok`, with its coordinated phrases."""
        out: list[int] = []
        for t in sorted((tok, *tok.conjuncts, *self._dangling_conjunct(tok)), key=lambda x: x.i):
            k = self.head2m.get(t.i)
            if k is not None:
                out.extend(self._listed_inside(k))
                out.append(k)
                out.extend(self.mentions[k].co_actors)
                out.extend(self._listed_appos(t, k))
            elif fallback:
                out.extend(self._inner_actors(t))
        seen: list[int] = []
        for k in out:
            if k not in seen:
                seen.append(k)
        return seen

    def _listed_inside(self, k: int) -> list[int]:
        """Names listed inside one mis-parsed phrase: "Arnor, Calenardhon and the evil Gondor"."""
        m = self.mentions[k]
        inside = self.doc[m.start : m.end]
        if not any(t.text == "," or t.dep_ == "cc" for t in inside):
            return []
        out = []
        for j, other in enumerate(self.mentions):
            if j == k or other.kind not in LISTABLE or not (m.start <= other.head < m.end):
                continue
            h = self.doc[other.head]
            if (
                h.dep_ in ("conj", "nmod", "appos", "compound")
                and h.i < m.head
                and other.head not in m.heads
            ):
                out.append(j)
        return out

    @staticmethod
    def _dangling_conjunct(tok: Token) -> list[Token]:
        """ "Brazil, the mighty Argentina, and Chile criticized": the parser leaves "and" on
        Brazil and makes Chile a second subject of the verb; the phrase right after the
        "and" is still Brazil's conjunct."""
        cc = [c for c in tok.children if c.dep_ == "cc"]
        if len(cc) != 1 or any(c.dep_ == "conj" for c in tok.children) or tok.head.i == tok.i:
            return []
        return [
            s
            for s in tok.head.children
            if s.dep_ == tok.dep_ and s.i > tok.i and s.left_edge.i == cc[0].i + 1
        ]

    def _listed_appos(self, t: Token, k: int) -> list[int]:
        """Countries the parser hung on a country as appositions are the rest of its list."""
        if not self.mentions[k].country_like:
            return []
        out: list[int] = []
        for c in t.children:
            j = self.head2m.get(c.i)
            if c.dep_ != "appos" or j is None or j == k or not self.mentions[j].country_like:
                continue
            if self.mentions[j].country != self.mentions[k].country:
                out.extend(self.actors_of(c, fallback=False))
        return out

    def _own(self, cand: Candidate) -> set[int]:
        """The event's sources and the mentions that stand for them ("their", "its")."""
        same = set(cand.sources)
        for k in cand.sources:
            same.update(self.mentions[k].antecedents)
        if self._referrers is None:  # built once: a scan of every mention per event is quadratic
            self._referrers = {}
            for j, m in enumerate(self.mentions):
                for a in m.antecedents:
                    self._referrers.setdefault(a, []).append(j)
        return same | {j for a in same for j in self._referrers.get(a, ())}

    def _inner_actors(self, t: Token, skip: Collection[int] = ()) -> list[int]:
        """Actors inside a non-actor phrase: "Netanyahu's suggestion", "a request from the NYT".

        skip: mentions that are the event's own actors ("welcomed *their* resumption of ties
        with X": X, not "their")."""
        found: list[int] = []
        stack = [c for c in t.children if c.dep_ in ("poss", "compound", "amod", "nmod", "appos")]
        while stack:
            c = stack.pop(0)
            if c.i in self.head2m:
                if self.head2m[c.i] not in skip:
                    found.append(self.head2m[c.i])
            elif c.dep_ == "compound":
                stack.extend(g for g in c.children if g.dep_ == "compound")
        if found:
            return found
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "by", "of", "with"):
                for g in c.children:
                    if g.dep_ != "pobj":
                        continue
                    if g.i in self.head2m:
                        found.extend(self.actors_of(g, fallback=False))
                    elif c.lower_ == "of":
                        # "a resumption of ties with Osgiliath": one level down
                        found.extend(
                            k
                            for gg in g.children
                            if gg.dep_ == "prep" and gg.lower_ in ("with", "between")
                            for p in gg.children
                            if p.dep_ == "pobj"
                            for k in self.actors_of(p, fallback=False)
                        )
            elif c.dep_ == "prep" and c.lower_ == "between":  # "talks between X and Y"
                for g in c.children:
                    if g.dep_ == "pobj":
                        found.extend(self.actors_of(g, fallback=False))
            elif c.dep_ == "acl":  # "the proposal submitted by X", "an appeal lodged by X"
                for p in c.children:
                    if p.dep_ == "agent":
                        for g in p.children:
                            if g.dep_ == "pobj":
                                found.extend(self.actors_of(g, fallback=False))
        return [k for k in found if k not in skip]

    def span_of(
        self,
        tok: Token,
        appositions: bool = True,
        actors: Collection[int] = (),
        trigger: int | None = None,
    ) -> Span:
        """The whole argument phrase (for auditing and span scores), without relative clauses.

        Only the unbroken run of the head's subtree counts: a mis-attached apposition far
        to the right must not swallow the sentence between them. A clause that names the
        actor (token `actors`) stays: "the missiles fired by the Israeli military".
        """
        sub = {t.i for t in tok.subtree}
        # relative and participle clauses, of the head and of a noun inside it ("parts of the
        # province, where forces are battling")
        cuts = [
            t.left_edge.i
            for t in tok.subtree
            if t.i > tok.i
            and t.dep_ in ("relcl", "acl")
            and not any(g.i in actors for g in t.subtree)
        ]
        # "Kuwait, its first ever deployment abroad", "groups, including X": the phrase ends at
        # the comma (a source keeps its apposition: "X, the Taliban spokesman")
        cuts += [
            c.left_edge.i - 1
            for c in tok.rights
            if (
                c.lower_ in ("including", "such")
                or (
                    not appositions
                    and c.dep_ == "appos"
                    and not (c.pos_ == "PROPN" and tok.pos_ == "NOUN")
                )
            )
            and c.left_edge.i > tok.i + 1
            and self.doc[c.left_edge.i - 1].text == ","
        ]
        # "Saudi Arabia and other nations over Khashoggi's killing": a reason or a time the
        # parser hangs on an actor is the clause's
        if tok.i in self.head2m:
            cuts += [
                c.left_edge.i
                for t in (tok, *tok.conjuncts)
                for c in t.rights
                if c.dep_ == "prep" and c.lower_ in CLAUSE_PREPS
            ]
        # "Mali's opposition leader on Friday": a date the parser hangs on the noun
        cuts += [
            c.left_edge.i
            for c in tok.rights
            if (c.dep_ == "prep" and any(g.ent_type_ in TIMES for g in c.children))
            or (c.dep_ == "npadvmod" and c.ent_type_ in TIMES)
        ]
        # "held civilians as human shields": the event's own words are not its argument
        cuts += [
            c.left_edge.i
            for c in tok.rights
            if trigger is not None and c.left_edge.i <= trigger <= c.right_edge.i
        ]
        # "accused the military of killing", "charged him with fraud": the charge is the verb's
        if tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in CHARGING_VERBS:
            cuts += [c.i for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("of", "with")]
        stop = min(cuts, default=tok.right_edge.i + 1)
        hi = tok.i
        while hi + 1 in sub and hi + 1 < stop:
            hi += 1
        lo = tok.i
        while lo - 1 in sub:
            lo -= 1
        # "Hours earlier Maduro", "On Monday the ministry": time words are not the actor
        for c in tok.lefts:
            if c.left_edge.i == lo and (
                c.dep_ in ("npadvmod", "advmod")
                or c.ent_type_ in TIMES
                or c.lower_ in ("earlier", "later", "meanwhile", "yesterday", "today")
            ):
                lo = c.right_edge.i + 1
        while hi > tok.i and self.doc[hi].is_punct:
            hi -= 1
        while lo < tok.i and self.doc[lo].is_punct:
            lo += 1
        # "Amnesty International (AI)": a parenthesis opened inside the phrase closes in it
        opened = sum(1 for t in self.doc[lo : hi + 1] if t.text == "(")
        opened -= sum(1 for t in self.doc[lo : hi + 1] if t.text == ")")
        if opened > 0 and hi + 1 < len(self.doc) and self.doc[hi + 1].text == ")":
            hi += 1
        s, e = self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi])
        return Span(self.text[s:e], s, e)

    # -- subjects -------------------------------------------------------------------------
    def subject(self, v: Token, depth: int = 0) -> tuple[Token | None, bool, str]:
        """(subject head, passive?, how) for a verb, recovering elided subjects."""
        if depth > 6:
            return None, False, ""
        for c in v.children:
            if c.dep_ == "nsubjpass":
                agent = next((a for a in v.children if a.dep_ == "agent"), None)
                if agent is not None:
                    pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj, True, "passive agent"
                return None, True, "passive, no agent"
        subjects = [c for c in v.children if c.dep_ in SUBJ]
        # "Old foes Gondor and Osgiliath have renewed ties": prefer the subject that names someone
        subjects.sort(key=lambda c: c.i not in self.head2m)
        for c in subjects:
            if c.lower_ in ("who", "that", "which") and v.dep_ == "relcl":
                return v.head, False, "relative clause"
            return c, False, "subject"
        head = v.head
        if head.i == v.i:
            return None, False, ""
        asked = self._asked(head, v)
        if v.dep_ == "xcomp" or asked is not None:
            obj = direct_object(head)
            if asked is not None:
                return asked, False, f"object of '{head.text} {asked.head.text}' (control)"
            if obj is not None:
                return obj, False, f"object of '{head.text}' (control)"
            s, _, _ = self.subject(head, depth + 1)
            return s, False, f"subject of '{head.text}' (control)"
        if v.dep_ in ("acomp", "attr", "oprd", "advmod") and head.pos_ in ("VERB", "AUX"):
            s, p, _ = self.subject(head, depth + 1)
            return s, p, f"subject of '{head.text}'"
        if v.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            s, p, _ = self.subject(head, depth + 1)
            return s, p, f"shared subject with '{head.text}'"
        if v.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            if v.tag_ == "VBN" and not (head.dep_ == "ROOT" and direct_object(v) is not None):
                # "the convoy attacked by X": passive reading (but a sentence with no verb of
                # its own but this one, with an object, is "X carried out air strikes")
                return None, True, "reduced passive"
            if (
                v.dep_ == "acl"
                and v.tag_ == "VBG"
                and head.i not in self.head2m
                and head.lemma_.lower() in CARRIER_NOUNS
                and head.dep_ in ("dobj", "obj")
                and head.head.pos_ in ("VERB", "AUX")
            ):
                # "X issued a statement calling on Y": X calls on Y through the statement
                s, p, _ = self.subject(head.head, depth + 1)
                if s is not None and not p:
                    return s, False, f"subject of '{head.head.text}' (its '{head.text}')"
            return head, False, f"noun modified by '{v.text}'"
        purpose = v.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.children
        )
        if (
            v.dep_ == "advcl"
            and (v.tag_ in ("VBG", "VBN") or purpose)
            and head.pos_ in ("VERB", "AUX")
        ):
            s, _, _ = self.subject(head, depth + 1)
            return s, False, f"subject of '{head.text}' (participle)"
        if (
            v.dep_ == "pcomp"
            and head.head.pos_ == "ADJ"
            and head.head.dep_ == "acomp"
            and head.head.head.pos_ in ("VERB", "AUX")
        ):
            # "X is guilty of violating the truce": X violates it
            s, _, _ = self.subject(head.head.head, depth + 1)
            return s, False, f"subject of '{head.head.head.text}' ('{head.head.text}')"
        if v.dep_ in ("pcomp",) and head.head.pos_ in ("VERB", "AUX"):
            # "accused X of arresting": X arrests; otherwise the clause's subject does
            if head.lower_ in ("of", "for") and v.tag_ == "VBG":
                obj = direct_object(head.head)
                if obj is not None:
                    return obj, False, f"object of '{head.head.text}' ('{head.text}' clause)"
            s, p, _how = self.subject(head.head, depth + 1)
            return s, False, f"subject of '{head.head.text}'"
        return None, False, ""

    @staticmethod
    def _asked(head: Token, v: Token) -> Token | None:
        """Whom a verb asks to do its infinitive through a preposition: "called on Iran (on
        Monday) to release", "appealed to the rebels to lay down their arms"."""
        if v.dep_ not in ("xcomp", "advcl") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in v.children
        ):
            return None
        for c in head.children:
            if c.dep_ == "prep" and c.i < v.i and (head.lemma_.lower(), c.lower_) in ASKING_PREPS:
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        return None

    # -- slots ---------------------------------------------------------------------------
    def slot(self, tok: Token, slot: str) -> list[Token]:
        if slot in ("dobj", "iobj", "dative"):
            deps = {"dobj": ("dobj", "obj"), "iobj": ("iobj",), "dative": ("dative",)}[slot]
            out = [c for c in tok.children if c.dep_ in deps]
            if slot == "dative":  # "give aid to X" sometimes parses "to" as dative
                for c in tok.children:
                    if c.dep_ == "dative" and c.pos_ == "ADP":
                        out = [g for g in c.children if g.dep_ == "pobj"]
            return out
        if slot.startswith("P:"):
            prep = slot[2:]
            out = []
            for c in tok.children:
                if c.dep_ in ("prep", "prt", "dative", "agent") and c.lower_ == prep:
                    # "lifted sanctions on Wednesday": a date is when, never whom
                    out.extend(
                        g
                        for g in c.children
                        if g.dep_ == "pobj"
                        and (g.ent_type_ not in TIMES or any(t.i in self.head2m for t in g.subtree))
                    )
            return out
        return []

    def targets_in_slots(
        self, tok: Token, slots: tuple[str, ...]
    ) -> tuple[list[int], list[Token], str]:
        first_heads: list[Token] = []
        for slot in slots:
            for t in self.slot(tok, slot):
                if not first_heads:
                    first_heads = [t]
                ks = self.actors_of(t)
                if ks:
                    return ks, [t], slot
        # prepositional phrases often attach to the object instead of the verb:
        # "discussed air strikes with Russia"
        if tok.pos_ in ("VERB", "AUX"):
            for obj in (c for c in tok.children if c.dep_ in ("dobj", "obj")):
                for slot in slots:
                    if slot.startswith("P:"):
                        for t in self.slot(obj, slot):
                            ks = self.actors_of(t)
                            if ks:
                                return ks, [t], slot + " (on the object)"
            # deeper inside the object: "sent supplies and personnel such as doctors to Nepal"
            for obj in (c for c in tok.children if c.dep_ in ("dobj", "obj")):
                for slot in slots:
                    if not slot.startswith("P:") or slot == "P:of":
                        continue
                    for t in obj.subtree:
                        if t.dep_ == "prep" and t.lower_ == slot[2:] and t.head.i != obj.i:
                            for g in t.children:
                                ks = self.actors_of(g) if g.dep_ == "pobj" else []
                                if ks and g.ent_type_ not in TIMES:
                                    return ks, [g], slot + " (inside the object)"
        return [], first_heads, ""

    # -- per trigger ---------------------------------------------------------------------
    def fill(self, cand: Candidate) -> None:
        tok = self.doc[cand.trigger]
        if cand.pos == "v":
            self._fill_verb(cand, tok)
        else:
            self._fill_noun(cand, tok)
        # an actor is not its own recipient ("X welcomed their resumption of ties")
        same = self._own(cand)
        cand.targets = [k for k in cand.targets if k not in same]
        if not cand.targets and not cand.target_heads:
            self._place_target(cand, same)
        if cand.entry.recip and (cand.targets or len(cand.sources) > 1):
            cand.reciprocal = True

    def _fill_verb(self, cand: Candidate, tok: Token) -> None:
        subj, passive, how = self.subject(tok)
        cand.passive = passive
        slots = cand.entry.target_slots()
        if passive:
            patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            if patient is None and tok.dep_ in ("acl", "relcl") and tok.tag_ == "VBN":
                patient = tok.head
            if patient is not None and (not slots or "dobj" in slots or "iobj" in slots):
                ks = self.actors_of(patient)
                cand.targets, cand.target_heads = ks, [patient.i]
                cand.why.append("target: passive subject")
        if subj is not None:
            ks = self.actors_of(subj)
            cand.sources, cand.source_heads = ks, [subj.i]
            cand.why.append(f"source: {how}")
        elif passive and self._undone_by_its_holder(cand, tok):
            pass  # it set the sources (and the target) from the holder of the lifted thing
        elif cand.entry.sources:
            for slot in cand.entry.sources:
                heads = self.slot(tok, slot)
                if heads:
                    cand.sources, cand.source_heads = self.actors_of(heads[0]), [heads[0].i]
                    cand.why.append(f"source: {slot}")
                    break
        if "host" in cand.entry.flags:  # "X hosted Y": Y visits X
            pass
        own = self._own(cand)  # the sources are known from here on
        if not cand.targets:
            ks, heads, slot = self.targets_in_slots(tok, slots)
            if ks and all(k in own for k in ks):
                ks = []  # "welcomed *their* resumption of ties with X": look further
            if not ks and heads and heads[0].dep_ == "pobj" and heads[0].i in self.triggers:
                # "agreed to a ceasefire": what is agreed, not with whom; but "conceded to the
                # demands of X", "agreed to a ceasefire in Hodeidah" say whom or where
                ks, heads = self._inside_event_noun(heads[0], own)
            if ks or not cand.target_heads:
                # (a passive subject that names no actor stays the phrase: "two inspectors
                # ... have been expelled")
                cand.targets = ks
                cand.target_heads = [t.i for t in heads]
            if slot:
                cand.why.append(f"target: {slot}")
        if cand.entry.recip and not cand.targets:
            ks, heads, slot = self.targets_in_slots(tok, ("P:with", "P:between"))
            if ks:
                cand.targets, cand.target_heads = ks, [t.i for t in heads]
        if not cand.targets and not passive:
            # "lifted its blockade of Qatar", "lifted sanctions imposed on Eritrea": the object
            # named in the trigger carries the target
            obj = direct_object(tok)
            if obj is None and cand.entry.particle and cand.entry.objects:
                # "called for sanctions against Turkey": the object after the particle
                obj = particle_object(tok, cand.entry.particle)
            if obj is not None and obj.i in cand.tokens:
                hosts = [obj, *(c for c in obj.children if c.dep_ == "acl" and c.tag_ == "VBN")]
                for host in hosts:
                    ks, heads, slot = self.targets_in_slots(host, (*slots, "P:of"))
                    if ks:
                        cand.targets, cand.target_heads = ks, [t.i for t in heads]
                        cand.why.append(f"target: {slot} of '{host.text}'")
                        break
                    if heads and not cand.target_heads and host is obj:
                        # "reduced military aid to European allies": whom, though not a
                        # known actor
                        cand.target_heads = [heads[0].i]
        if not cand.targets and not passive and slots:
            # "seek Russia's help", "request Russian intervention": the actor inside the object
            obj = direct_object(tok)
            if obj is not None and obj.i not in self.head2m:
                ks = self._inner_actors(obj, skip=own)
                if ks:
                    cand.targets, cand.target_heads = ks, [obj.i]
                    cand.why.append("target: actor inside the object")
        self._asked_in_clause(cand, tok)
        if not cand.targets and not cand.target_heads and slots:
            self._carrier_addressee(cand, tok)
        if not cand.targets and not cand.target_heads and cand.mode == "resign":
            self._post_left(cand, tok)
        if "recv" in cand.entry.flags:
            cand.sources, cand.targets = cand.targets, cand.sources

    def _place_target(self, cand: Candidate, own: set[int]) -> None:
        """The place a measure applies to, when it names no actor receiving it."""
        if len(cand.sources) > 1:
            return  # "Turkey and Russia announced a ceasefire in Idlib": between themselves
        if cand.event_type not in PLACE_TARGET_TYPES and not self._seeks_refuge(cand):
            return
        hosts = [self.doc[i] for i in cand.tokens]
        if cand.pos == "n":
            gov, rel = self._governing_verb(self.doc[cand.trigger])
            if gov is not None and rel in ("dobj", "obj"):
                hosts.append(gov)  # "announced the deployment of 230 troops to Liberia"
        for host in hosts:
            for c in host.children:
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                    place = self._place_in(c, own, skip=cand.tokens)
                    if place is not None:
                        cand.targets, cand.target_heads = place[0], [place[1].i]
                        why = f"'{c.text} {place[1].text}'"
                        cand.why.append(f"target: the place {why} the measure applies to")
                        return

    def _seeks_refuge(self, cand: Candidate) -> bool:
        """ "Sought refuge in Bangladesh", "requested asylum in Germany": the place is asked."""
        if cand.event_type != "REQUEST":
            return False
        tok = self.doc[cand.trigger]
        words = [self.doc[i] for i in cand.tokens]
        obj = direct_object(tok) if cand.pos == "v" else None
        return any(t.lemma_.lower() in REFUGE for t in (*words, *([obj] if obj else [])))

    def _place_in(
        self, prep: Token, own: Collection[int], skip: Collection[int] = ()
    ) -> tuple[list[int], Token] | None:
        """The place a preposition names (and the actors it stands for), if it names one."""
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is None or pobj.i in skip or not self._names_place(pobj):
            return None
        return [k for k in self.actors_of(pobj, fallback=False) if k not in own], pobj

    def _inside_event_noun(self, n: Token, own: set[int]) -> tuple[list[int], list[Token]]:
        """The party ("of" phrase) or the place ("in" phrase) an event noun names."""
        for c in n.children:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if c.dep_ != "prep" or pobj is None:
                continue
            if c.lower_ == "of" and pobj.i not in self.triggers:
                return [k for k in self.actors_of(pobj) if k not in own], [pobj]
            place = self._place_in(c, own) if c.lower_ == "in" else None
            if place is not None:
                return place[0], [place[1]]
        return [], []

    def _names_place(self, t: Token) -> bool:
        """A place name, or part of one ("parts of Kashmir", "the city of Ahmedabad")."""
        if t.ent_type_ in PLACE_ENTS:
            return True
        k = self.head2m.get(t.i)
        if k is not None and self.mentions[k].kind in ("country", "capital", "entity"):
            return True
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                g = next((x for x in c.children if x.dep_ == "pobj"), None)
                if g is not None and g.ent_type_ in PLACE_ENTS:
                    return True
            # "Ethiopia's Tigray region", "Syria's north-west"
            if c.dep_ == "poss" and t.lemma_.lower() in POSSESSED_PLACES and self._names_place(c):
                return True
        return False

    def _carrier_addressee(self, cand: Candidate, tok: Token) -> None:
        """ "Sent a letter to the WHO threatening to cut funding": the letter's addressee."""
        carrier: Token | None = tok.head
        if tok.dep_ in ("advcl", "xcomp") and tok.head.pos_ == "VERB":
            # the parser often hangs the participle on the verb: "sent a letter ..., threatening"
            carrier = direct_object(tok.head)
        elif tok.dep_ != "acl":
            return
        if carrier is None or carrier.lemma_.lower() not in CARRIER_NOUNS:
            return
        hosts = [carrier]
        if carrier.dep_ in ("dobj", "obj") and carrier.head.pos_ == "VERB":
            hosts.append(carrier.head)
        for host in hosts:
            ks, heads, _ = self.targets_in_slots(host, ("P:to", "dative", "iobj"))
            ks = [k for k in ks if k not in cand.sources]
            if ks:
                cand.targets, cand.target_heads = ks, [heads[0].i]
                cand.why.append(f"target: addressee of the '{carrier.text}'")
                return

    def _post_left(self, cand: Candidate, tok: Token) -> None:
        """ "Resigned as president of Indonesia", "as head of the IMF": the one whose post
        is given up."""
        for c in tok.children:
            post = next((g for g in c.children if g.dep_ == "pobj"), None)
            if c.dep_ != "prep" or c.lower_ != "as" or post is None:
                continue
            for p in post.children:
                whose = next((g for g in p.children if g.dep_ == "pobj"), None)
                if p.dep_ == "prep" and p.lower_ == "of" and whose is not None:
                    cand.targets, cand.target_heads = self.actors_of(whose), [whose.i]
                    cand.why.append(f"target: whose '{post.text}' is left")
                    return

    def _claimed_by(self, cand: Candidate, n: Token) -> None:
        """ "The FLN claimed responsibility for the attacks": who claims an act did it."""
        while n.dep_ == "conj" and n.head.pos_ in ("NOUN", "PROPN"):
            n = n.head  # "for both the Farah and the Ghazni attacks"
        prep = n.head
        if n.dep_ != "pobj" or prep.lower_ != "for":
            return
        claim = prep.head
        if claim.lemma_.lower() not in CLAIMED or claim.dep_ not in ("dobj", "obj"):
            return
        verb = claim.head
        if verb.lemma_.lower() not in CLAIMING_VERBS:
            return
        subj, passive, how = self.subject(verb)
        if subj is None or passive or any(c.lower_ == "no" for c in subj.children):
            return  # "no group has claimed responsibility"
        cand.sources, cand.source_heads = self.actors_of(subj), [subj.i]
        cand.why.append(f"source: claims {claim.text} for it ({how})")

    def _asked_in_clause(self, cand: Candidate, tok: Token) -> None:
        """ "Demanded that the US ease sanctions", "its demand that the US ease ...": the one
        asked is the subject of the demanded clause."""
        if cand.targets or cand.target_heads or cand.entry.embed != "requested":
            return
        for c in tok.children:
            # "that": a demand ("asked whether he would run" is a question)
            if c.dep_ not in ("acl", "ccomp") or not any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children
            ):
                continue
            subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                cand.targets, cand.target_heads = self.actors_of(subj), [subj.i]
                cand.why.append(f"target: subject of the demanded '{c.text}'")
                return

    def _undone_by_its_holder(self, cand: Candidate, tok: Token) -> bool:
        """ "UN sanctions against Iran were lifted", "Israel's blockade of Gaza was eased": with
        no agent, whoever holds the thing named in the trigger is the one who lifts it, and
        its recipient is the event's."""
        patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if patient is None or patient.i not in cand.tokens or patient.i in self.head2m:
            return False
        mods = [c for c in patient.lefts if c.dep_ in ("poss", "compound", "amod", "nmod")]
        srcs = [self.head2m[c.i] for c in mods if c.i in self.head2m]
        if not srcs:
            return False
        cand.sources, cand.source_heads = srcs, [self.mentions[k].head for k in srcs]
        cand.why.append(f"source: holder of '{patient.text}' (passive, no agent)")
        if not cand.targets:
            ks, heads, slot = self.targets_in_slots(patient, (*cand.entry.target_slots(), "P:of"))
            ks = [k for k in ks if k not in srcs]
            if ks:
                cand.targets, cand.target_heads = ks, [t.i for t in heads]
                cand.why.append(f"target: {slot} of '{patient.text}'")
        return True

    def _governing_verb(self, n: Token) -> tuple[Token | None, str]:
        """The verb that carries a nominal trigger, and how ('dobj', 'pobj', 'nsubj' ...)."""
        head = n
        rel = n.dep_
        while rel == "conj" and head.head.i != head.i and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
            rel = head.dep_
        if rel in ("dobj", "obj", "nsubjpass", "attr", "oprd") and head.head.pos_ in (
            "VERB",
            "AUX",
        ):
            return head.head, rel
        if rel == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ in ("VERB", "AUX"):
            return head.head.head, f"pobj:{head.head.lower_}"
        if (
            rel == "pobj"
            and head.head.lower_ == "of"
            and head.head.head.lemma_.lower() in SERIES_NOUNS
        ):
            # "began a new round of joint exercises": the verb carries the whole round
            return self._governing_verb(head.head.head)
        if (
            rel == "pobj"
            and head.head.dep_ == "prep"
            and head.head.head.dep_ in ("advmod", "prt")
            and head.head.head.head.pos_ in ("VERB", "AUX")
        ):
            # "teachers are out on strike", "went back on patrol"
            return head.head.head.head, f"pobj:{head.head.lower_}"
        if rel == "npadvmod" and head.head.pos_ in ("VERB", "AUX"):
            return head.head, rel
        return None, rel

    def _used_as(self, cand: Candidate, n: Token) -> None:
        """ "Held 20,000 civilians as human shields", "used them as hostages": whoever uses
        them does it, to those used."""
        if n.dep_ != "pobj" or n.head.lower_ != "as":
            return
        verb, used = n.head.head, None
        if verb.pos_ in ("NOUN", "PROPN", "PRON") and verb.dep_ in ("dobj", "obj"):
            verb, used = verb.head, verb
        elif verb.pos_ == "VERB":
            used = direct_object(verb)
        if used is None or verb.lemma_.lower() not in USING_VERBS:
            return
        subj, passive, how = self.subject(verb)
        if subj is not None and not passive:
            cand.sources, cand.source_heads = self.actors_of(subj), [subj.i]
            cand.why.append(f"source: subject of '{verb.text}' ({how})")
        cand.targets, cand.target_heads = self.actors_of(used), [used.i]
        cand.why.append(f"target: those '{verb.text}' as '{n.text}'")

    def _city(self, k: int) -> bool:
        """A mention that names a city or a region, not a state or an organisation."""
        m = self.mentions[k]
        return m.kind == "capital" or (
            m.kind == "entity" and self.doc[m.head].ent_type_ in PLACE_ENTS
        )

    def _anonymous(self, k: int) -> bool:
        """A mention that names no one: "230 troops", "the soldiers"."""
        m = self.mentions[k]
        return m.kind == "role" and not m.country and not m.name

    def _fill_noun(self, cand: Candidate, n: Token) -> None:
        entry = cand.entry
        own = set(cand.tokens)
        unnamed_of: tuple[list[int], int] | None = None
        # actor modifiers and possessor
        lefts = list(n.lefts)
        for c in list(lefts):
            # "a Syrian regime offensive": the actor is inside a compound modifier
            if c.dep_ == "compound" and c.i not in self.head2m and c.i not in own:
                lefts.extend(g for g in c.lefts if g.dep_ in ("amod", "compound", "poss"))
        for c in lefts:
            if c.i in own:
                continue
            if c.dep_ in ("poss", "compound", "amod", "nmod", "npadvmod") and c.i in self.head2m:
                k = self.head2m[c.i]
                if c.dep_ == "compound" and self._city(k):
                    continue  # "the Kabul bombing": where it happened, not who did it
                if entry.of_is_target() and c.dep_ == "poss" and entry.event_type in ("COERCE",):
                    cand.targets.append(k)
                    cand.target_heads.append(c.i)
                    cand.why.append("target: possessor")
                else:
                    cand.sources.append(k)
                    cand.source_heads.append(c.i)
                    cand.why.append(f"source: {c.dep_} of the noun")
        # "by X", "of X", "from X", "between X and Y"
        for c in n.rights:
            if c.dep_ != "prep":
                continue
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            p = c.lower_
            if p == "by" and not cand.sources:
                cand.sources = self.actors_of(pobj)
                cand.source_heads = [pobj.i]
                cand.why.append("source: 'by' phrase")
            elif p == "of" and not entry.of_is_target() and not cand.sources:
                ks = self.actors_of(pobj, fallback=False)
                if ks and all(self._anonymous(k) for k in ks):
                    # "announced the deployment of 230 troops": the troops are what is sent;
                    # whoever announces or orders it acts (below), else the troops do
                    unnamed_of = (ks, pobj.i)
                elif ks:
                    cand.sources, cand.source_heads = ks, [pobj.i]
                    cand.why.append("source: 'of' phrase")
            elif p == "between":
                ks = self.actors_of(pobj)
                if len(ks) >= 2:
                    cand.sources, cand.targets = ks[:1], ks[1:]
                    cand.source_heads, cand.target_heads = [pobj.i], [pobj.i]
                    cand.reciprocal = True
                    cand.why.append("both sides: 'between' phrase")
            elif (
                p == "from"
                and entry.event_type in ("AGREE", "REQUEST", "AID", "SUPPORT")
                and not cand.sources
            ):
                gov, _ = self._governing_verb(n)
                if gov is not None and gov.lemma_.lower() in RECEIVE_VERBS:
                    cand.sources = self.actors_of(pobj)
                    cand.source_heads = [pobj.i]
                    cand.why.append("source: 'from' phrase of a received noun")
        # recipient slots on the noun itself
        if not cand.targets:
            ks, heads, slot = self.targets_in_slots(n, entry.target_slots())
            cand.targets, cand.target_heads = ks, [t.i for t in heads]
            if slot:
                cand.why.append(f"target: {slot} of the noun")
        if not cand.sources and not cand.targets:
            self._used_as(cand, n)
        # the verb carrying the noun
        gov, rel = self._governing_verb(n)
        if gov is not None:
            glemma = gov.lemma_.lower()
            if (
                rel.startswith("pobj:")
                and n.lemma_.lower() in REQUEST_NOUNS
                and rel[5:] in ("at", "under", "upon", "on")
            ):
                # "at the request of X, Y launched ...": the request went to Y
                subj, _, _ = self.subject(gov)
                if subj is not None and not cand.targets:
                    cand.targets = self.actors_of(subj)
                    cand.target_heads = [subj.i]
                    cand.why.append(f"target: subject of '{gov.text}' acting on the request")
            elif glemma in RECEIVE_VERBS and rel in ("dobj", "obj"):
                subj, _, _ = self.subject(gov)
                if subj is not None and not cand.targets:
                    cand.targets = self.actors_of(subj)
                    cand.target_heads = [subj.i]
                    cand.why.append(f"target: subject of '{gov.text}' (receives)")
            elif rel in ("dobj", "obj", "attr", "oprd") or rel.startswith("pobj:"):
                carries = glemma in LIGHT_VERBS or rel.startswith("pobj:")
                # "cancelled a planned visit to Malaysia": who calls off a visit, talks or an
                # offensive is who was to hold it (others call off protests: "police ...")
                carries = carries or (
                    glemma in CALLING_OFF and entry.event_type != "PROTEST" and rel == "dobj"
                )
                if not cand.sources and carries and glemma not in {"discuss", "deny", "include"}:
                    subj, passive, how = self.subject(gov)
                    if subj is not None and not passive:
                        cand.sources = self.actors_of(subj)
                        cand.source_heads = [subj.i]
                        cand.why.append(f"source: subject of '{gov.text}' ({how})")
                if not cand.targets and rel in ("dobj", "obj"):
                    # "gave Putin a warning", "offered Iraq assistance": the verb's other object
                    ks, heads, slot = self.targets_in_slots(
                        gov, (*entry.target_slots(), "iobj", "dative")
                    )
                    if ks:
                        cand.targets, cand.target_heads = ks, [t.i for t in heads]
                        cand.why.append(f"target: {slot} of '{gov.text}'")
                    elif heads and not cand.target_heads and heads[0].dep_ == "pobj":
                        # "opened investigations against 15 executives"
                        cand.target_heads = [heads[0].i]
            elif (
                rel == "nsubjpass"
                and not cand.sources
                and any(c.dep_ == "agent" for c in gov.children)
            ):
                # "the war game was staged by U.S. marines and Jordanian forces"
                subj, passive, how = self.subject(gov)
                if subj is not None:
                    cand.sources = self.actors_of(subj)
                    cand.source_heads = [subj.i]
                    cand.why.append(f"source: agent of '{gov.text}' ({how})")
            elif rel == "nsubjpass" and not cand.targets:
                # "a request ... was relayed to Abadi": the recipient is on the verb
                ks, heads, slot = self.targets_in_slots(gov, entry.target_slots())
                if ks:
                    cand.targets, cand.target_heads = ks, [t.i for t in heads]
                    cand.why.append(f"target: {slot} of '{gov.text}'")
        self._asked_in_clause(cand, n)
        if not cand.sources:
            self._claimed_by(cand, n)
        if not cand.sources and unnamed_of is not None:
            cand.sources, cand.source_heads = unnamed_of[0], [unnamed_of[1]]
            cand.why.append("source: 'of' phrase")
        # a noun coordinated with another event noun shares its actor ("attacks and raids by X")
        if not cand.sources and n.dep_ == "conj" and n.head.pos_ == "NOUN":
            for c in n.head.children:
                if c.dep_ == "prep" and c.lower_ == "by":
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        cand.sources = self.actors_of(pobj)
                        cand.source_heads = [pobj.i]


class ArgumentStage:
    """Finds each event's source and target actors from the dependency parse."""

    name = "arguments"
    requires = ("candidates", "mentions.antecedents")
    assigns = ("candidates.sources", "candidates.targets")

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        assert analysis.doc is not None
        triggers = {t for c in analysis.candidates for t in c.tokens}
        finder = ArgumentFinder(analysis.doc, analysis.mentions, analysis.article.text, triggers)
        for cand in analysis.candidates:
            finder.fill(cand)


__all__ = ["ArgumentFinder", "ArgumentStage"]
