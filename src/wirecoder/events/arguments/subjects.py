"""Who does what a verb says: its subject, a passive agent, or an elided subject recovered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..triggers import direct_object
from .spans import PhraseSpans
from .words import (
    ASKING_PREPS,
    BARE_PASSIVE_BLOCKERS,
    CARRIER_NOUNS,
    CHARGED_VERBS,
    CHARGES,
    SERIES_NOUNS,
    SUBJ,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


class Subjects(PhraseSpans):
    """Subjects of verbs, with control, conjunction, participles and relative clauses."""

    def subject(self, v: Token, depth: int = 0) -> tuple[Token | None, bool, str]:
        """(subject head, passive?, how) for a verb, recovering elided subjects."""
        if depth > 6:
            return None, False, ""
        for c in v.children:
            if c.dep_ == "nsubjpass":
                agent = next((a for a in v.children if a.dep_ == "agent"), None)
                for cj in v.children if agent is None else ():
                    # "was abducted and killed by X": coordinated participles share the by-phrase
                    if (
                        cj.dep_ == "conj"
                        and cj.tag_ == "VBN"
                        and cj.i > v.i
                        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in cj.children)
                    ):
                        agent = next((a for a in cj.children if a.dep_ == "agent"), None)
                        if agent is not None:
                            break
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
            asked_one = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            if asked_one is not None and v.tag_ != "VBN":
                # "was asked by a congressman to resign": the one asked (but "the dog was
                # found beaten" was beaten, by someone else)
                return asked_one, False, f"passive subject of '{head.text}' (control)"
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

    def bare_passive(self, v: Token, slots: tuple[str, ...]) -> tuple[bool, Token | None]:
        """Whether `v` is a passive written without its auxiliary, as headlines write them
        ("Shooter Charged With Murder", "Clinton Accused Of ...", "Jeffs sentenced to life"),
        and its "by" agent if it names one.

        The parser reads the patient as the subject. A verb with a subject, no auxiliary and
        no object of its own is done to that subject when it charges someone with something
        ("accused of", "sentenced to"), or when it takes its recipient as an object and is a
        participle with a "by" agent ("Camp Bombed By Sudanese Government").
        """
        if v.pos_ != "VERB" or not any(c.dep_ == "nsubj" and c.i < v.i for c in v.children):
            return False, None
        if any(c.dep_ in BARE_PASSIVE_BLOCKERS for c in v.children):
            return False, None
        preps = {c.lower_: c for c in v.children if c.dep_ in ("prep", "agent")}
        charged = v.lemma_.lower() in CHARGED_VERBS and bool(set(preps) & CHARGES)
        by = preps.get("by")
        agent = next((g for g in by.children if g.dep_ == "pobj"), None) if by else None
        if charged or (v.tag_ == "VBN" and "dobj" in slots and agent is not None):
            return True, agent
        return False, None

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


__all__ = ["Subjects"]
