"""Source and target of an event noun: its modifiers, its phrases, and the verb carrying it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..candidates import Candidate
from ..triggers import direct_object
from .places import Places
from .words import (
    CALLING_OFF,
    CLAIMED,
    CLAIMING_VERBS,
    CLAUSE_PREPS,
    HELD_MODES,
    LIGHT_VERBS,
    RECEIVE_VERBS,
    REQUEST_NOUNS,
    USING_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


class NounArguments(Places):
    """Arguments of nominal triggers ("Russian air strikes", "talks between X and Y")."""

    def _fill_noun(self, cand: Candidate, n: Token) -> None:
        entry = cand.entry
        own = set(cand.tokens)
        unnamed_of: tuple[list[int], int] | None = None
        agent = self.noun_agent(n)
        # patient or agent: a noun of doing something to someone ("arrest", "siege") has its
        # patient in an "of" phrase; with none, its possessor is the patient when the noun
        # names what is done to a person held or tried ("Williams' arrest", "his conviction",
        # "his release") or a "by" phrase names the agent ("Williams' arrest by the CHP"),
        # else the agent ("their siege of Mariupol", "Russia's attack")
        possessor_is_patient = (
            entry.of_is_target()
            and self.of_object(n) is None
            and (
                entry.event_type == "COERCE"
                or (cand.mode or entry.mode) in HELD_MODES
                or agent is not None
            )
        )
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
                if possessor_is_patient and c.dep_ == "poss":
                    cand.targets.append(k)
                    cand.target_heads.append(c.i)
                    cand.why.append("target: possessor")
                else:
                    cand.sources.append(k)
                    cand.source_heads.append(c.i)
                    cand.why.append(f"source: {c.dep_} of the noun")
        if agent is not None and not cand.sources:
            cand.sources, cand.source_heads = self.actors_of(agent), [agent.i]
            cand.why.append("source: 'by' phrase")
        # "of X", "from X", "between X and Y"
        for c in n.rights:
            if c.dep_ != "prep":
                continue
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None:
                continue
            p = c.lower_
            if p == "of" and not entry.of_is_target() and not cand.sources:
                ks = self.actors_of(pobj, fallback=False)
                if ks and all(self._anonymous(k) for k in ks):
                    # "announced the deployment of 230 troops": the troops are what is sent;
                    # whoever announces or orders it acts (below), else the troops do
                    unnamed_of = (ks, pobj.i)
                elif ks:
                    cand.sources, cand.source_heads = ks, [pobj.i]
                    cand.why.append("source: 'of' phrase")
            elif p == "between":
                self.both_sides(cand, pobj)
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
                # "fled during the bombing", "died after the attack": a circumstance of the
                # verb; who acts in it is not who was hit in it ("went on strike", "engaged in
                # talks" carry it, and so does "met during a visit": meeting is taking part)
                circumstance = rel[5:] in CLAUSE_PREPS and (
                    entry.of_is_target() or entry.event_type == "PROTEST"
                )
                carries = glemma in LIGHT_VERBS or (rel.startswith("pobj:") and not circumstance)
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
                    # "gave Putin a warning", "offered Iraq assistance": the verb's other object;
                    # a verb that only carries the noun gives it to whom it goes ("laid siege
                    # to the town", "paid a visit to Kenya")
                    extra = ("iobj", "dative", *(("P:to",) if glemma in LIGHT_VERBS else ()))
                    ks, heads, slot = self.targets_in_slots(gov, (*entry.target_slots(), *extra))
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

    def both_sides(self, cand: Candidate, pobj: Token) -> bool:
        """ "between X and Y": X and Y both act (a reciprocal event); False with fewer than two."""
        ks = self.actors_of(pobj)
        if len(ks) < 2:
            return False
        cand.sources, cand.targets = ks[:1], ks[1:]
        cand.source_heads, cand.target_heads = [pobj.i], [pobj.i]
        cand.reciprocal = True
        cand.why.append("both sides: 'between' phrase")
        return True

    @staticmethod
    def of_object(n: Token) -> Token | None:
        """The object of a noun's "of" phrase: "the siege *of Mariupol*"."""
        for c in n.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
        return None

    def noun_agent(self, n: Token) -> Token | None:
        """The "by" agent of an event noun: "air strikes by the coalition", and "the arrest
        of the leader by police", where the parser hangs the "by" phrase on the patient, and
        "raids and attacks by X", where it hangs it on the first noun of the two."""
        hosts = [n]
        if n.dep_ == "conj" and n.head.pos_ == "NOUN":
            hosts.append(n.head)
        patient = self.of_object(n)
        if patient is not None and not any(t.i in self.triggers for t in patient.subtree):
            hosts.append(patient)
        for host in hosts:
            for c in host.rights:
                if c.dep_ in ("prep", "agent") and c.lower_ == "by":
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None and (host is not patient or self.actors_of(pobj, False)):
                        return pobj
        return None

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

    def _anonymous(self, k: int) -> bool:
        """A mention that names no one: "230 troops", "the soldiers"."""
        m = self.mentions[k]
        return m.kind == "role" and not m.country and not m.name


__all__ = ["NounArguments"]
