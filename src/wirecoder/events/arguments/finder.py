"""Source and target of every event: verbs here, nouns in `nouns`, and the pipeline stage."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..candidates import Candidate
from ..triggers import direct_object, particle_object
from .answers import answer_recipients
from .nouns import NounArguments
from .words import (
    CARRIER_NOUNS,
    MUTUAL_MODIFIERS,
    OCCURRING_VERBS,
    POLITICAL_SECTORS,
    UNDERGOING_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...analysis import Analysis, Resources


class ArgumentFinder(NounArguments):
    """Fills each candidate's sources and targets from the dependency parse."""

    def fill(self, cand: Candidate) -> None:
        tok = self.doc[cand.trigger]
        if cand.pos == "v":
            self._fill_verb(cand, tok)
        else:
            self._fill_noun(cand, tok)
        if cand.entry.recip and not cand.sources:
            self._between(cand, tok)
        # an actor is not its own recipient ("X welcomed their resumption of ties")
        same = self._own(cand)
        cand.targets = [k for k in cand.targets if k not in same]
        if not cand.targets and not cand.target_heads:
            self._place_target(cand, same)
        if cand.entry.recip and (
            cand.targets or len(cand.sources) > 1 or self._mutual_subject(cand, tok)
        ):
            cand.reciprocal = True

    def _between(self, cand: Candidate, tok: Token) -> None:
        """Both sides from "between X and Y" where the noun's own phrase does not hold it:
        a gerund the tagger reads as a verb ("fighting between the army and rebels was
        reported") or a noun whose event verb carries the phrase ("clashes erupted between
        herders and farmers")."""
        holders = [tok]
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in OCCURRING_VERBS:
            holders.append(tok.head)
        for h in holders:
            for c in h.children:
                if c.dep_ != "prep" or c.lower_ != "between":
                    continue
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and self.both_sides(cand, pobj):
                    return

    def _mutual_subject(self, cand: Candidate, tok: Token) -> bool:
        """One plural party that is both sides of a mutual act: "two rival gangs clashed",
        "clan militias fought each other" (PLOVER codes all of them as the actor)."""
        if len(cand.source_heads) != 1 or cand.pos != "v":
            return False
        head = self.doc[cand.source_heads[0]]
        if head.tag_ not in ("NNS", "NNPS"):
            return False
        if any(self.mentions[k].sector in POLITICAL_SECTORS for k in cand.sources):
            return False  # "the two leaders clashed over the budget": words, not a fight
        # "members of rival gangs", "fighters of two clans": the group's own words
        groups = [head] + [
            g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
        ]
        mods = {
            c.lower_
            for g in groups
            for c in g.children
            if c.dep_ in ("amod", "nummod", "det", "predet")
        }
        if mods & MUTUAL_MODIFIERS:
            return True
        return any(
            (t.lower_ == "other" and any(g.lower_ in ("each", "one") for g in t.children))
            or (t.lower_ == "another" and any(g.lower_ == "one" for g in t.children))
            for c in tok.children
            if c.dep_ in ("dobj", "prep", "npadvmod")
            for t in c.subtree
        )

    def _fill_verb(self, cand: Candidate, tok: Token) -> None:
        slots = cand.entry.target_slots()
        bare, agent = self.bare_passive(tok, slots)
        if bare:
            subj, passive, how = agent, True, "'by' agent of a passive without its auxiliary"
        else:
            subj, passive, how = self.subject(tok)
        if tok.lemma_.lower() in UNDERGOING_VERBS and subj is not None and not passive:
            # "three bank workers died after rioters torched the bank": who dies undergoes it,
            # like the subject of a passive; whoever caused it is the actor (compose)
            cand.passive = True
            cand.targets, cand.target_heads = self.actors_of(subj), [subj.i]
            cand.why.append(f"target: who '{tok.text}' ({how})")
            return
        cand.passive = passive
        if passive:
            patient = next((c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")), None)
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
        if not cand.targets and not passive and (slots or cand.entry.particle):
            # "seek Russia's help", "request Russian intervention": the actor inside the object;
            # "called for the impeachment of X": inside the object after the particle
            obj = direct_object(tok)
            if obj is None and cand.entry.particle:
                obj = particle_object(tok, cand.entry.particle)
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
        answer_recipients(finder, analysis.candidates)


__all__ = ["ArgumentFinder", "ArgumentStage"]
