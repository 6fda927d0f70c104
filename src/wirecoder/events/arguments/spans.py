"""The whole phrase of an argument, as a character span of the text."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from ...records import Span
from .phrases import PhraseActors
from .words import CHARGING_VERBS, CLAUSE_PREPS, TIMES

if TYPE_CHECKING:
    from spacy.tokens import Token


class PhraseSpans(PhraseActors):
    """Argument phrases for auditing and span scores."""

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
        # "the arrest of the leader by police": the agent the parser hangs on the patient
        if (
            trigger is not None
            and tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.i == trigger
        ):
            cuts += [c.i for c in tok.rights if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
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


__all__ = ["PhraseSpans"]
