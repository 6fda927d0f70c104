"""The learned decision over each event candidate: a new event of some type, a reference, or none.

The lexicons (wirecoder's own and the broad CAMEO dictionary) propose candidates; the rules
find their parties, status, time and place. Whether the words report an event at all, and
of which PLOVER type, is decided here by MiniLM fine-tuned on the team's real-news gold set
(plus CAMEO-style and PETRARCH sentences; scripts/train_decide.py), reading the candidate in
its sentence and the sentence before, beside what the rules know (the lexicon's type, the
status, whether the word came from the broad dictionary, the headline).

- NONE: figures of speech, opinions, analysis prose, word senses that are no event: dropped
  when the model is sure (`Thresholds`); a broad-dictionary candidate needs its confirmation.
- REFERENCE: an earlier event the article mentions, not its news: kept, flagged `historical`,
  left out of default dyadic exports.
- a type: the event, retyped when the model is sure and the rules did not compose the type.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..models.decider import N_FEATURES, STATUS_ORDER, Item
from ..records import EVENT_TYPES
from ..storydate import FROM_STORY, date_from_story
from .background import flag_background

if TYPE_CHECKING:
    from ..analysis import Analysis, Resources
    from .candidates import Candidate


def candidate_item(analysis: Analysis, cand: Candidate) -> Item:
    """What the model reads for one candidate: the end of the sentence before, "[SEP]", the
    sentence; where the trigger's characters are in that text; the rules' view as numbers."""
    doc = analysis.doc
    assert doc is not None
    sents = analysis.sentences
    k = analysis.sentence_index(cand.trigger)
    sent = sents[k]
    prev = " ".join(sents[k - 1].text.split()[-25:]) if k > 0 else ""
    toks = [doc[i] for i in cand.tokens if sent.start <= i < sent.end] or [doc[cand.trigger]]
    head = f"{prev} [SEP] "
    body = sent.text
    a = min(t.idx for t in toks) - sent.start_char
    b = max(t.idx + len(t.text) for t in toks) - sent.start_char
    feats = [0.0] * N_FEATURES
    if cand.event_type in EVENT_TYPES:
        feats[EVENT_TYPES.index(cand.event_type)] = 1.0
    if cand.status in STATUS_ORDER:
        feats[len(EVENT_TYPES) + STATUS_ORDER.index(cand.status)] = 1.0
    extra = len(EVENT_TYPES) + len(STATUS_ORDER)
    feats[extra] = float("broad" in cand.entry.flags)
    feats[extra + 1] = float(k == 0)
    feats[extra + 2] = float(cand.pos == "n")
    feats[extra + 3] = float(cand.historical)
    feats[extra + 4] = float(cand.referential)
    return Item(head + body, len(head) + a, len(head) + b, tuple(feats))


#: statuses of what has not happened and is not denied: the `unasserted` bar drops them
UNREAL = frozenset({"future", "hypothetical", "requested"})


@dataclass(frozen=True)
class Thresholds:
    """How sure the model must be before it overrides the rules (chosen on the gold dev split
    by scripts/train_decide.py, stored with the model)."""

    drop: float = 0.9  # P(NONE) at which a candidate of wirecoder's own lexicon is dropped
    broad: float = 0.6  # P(some type) at which a broad-dictionary candidate becomes an event
    retype: float = 0.7  # P(type) at which the model's type replaces the lexicon's
    reference: float = 0.5  # P(REFERENCE) at which an event is flagged as background history
    # P(type) at which a weak cue ("marched", "blocked the road") stands with one party, or
    # a conflict event with none: the model read the words as that event in that sentence
    confirm: float = 0.8
    # a drop threshold of its own for some types, where the gold the model learned from reads
    # them unlike other sets (protest: GLOCON's reports count far more marches than the news)
    drop_by_type: tuple[tuple[str, float], ...] = ()
    # P(NONE) at which a future, hypothetical or requested candidate of the own lexicon is
    # dropped ("if we help him"): 1.01, never, in a model file that does not say
    unasserted: float = 1.01

    @classmethod
    def from_meta(cls, meta: dict[str, Any]) -> Thresholds:
        raw = dict(meta.get("thresholds") or {})
        by_type = tuple(
            sorted((str(t), float(v)) for t, v in (raw.pop("drop_by_type", {}) or {}).items())
        )
        return cls(**{k: float(v) for k, v in raw.items()}, drop_by_type=by_type)

    def drop_for(self, event_type: str) -> float:
        """The P(NONE) at which a candidate of this type is dropped."""
        return dict(self.drop_by_type).get(event_type, self.drop)


def apply(cand: Candidate, probs: dict[str, float], th: Thresholds) -> None:
    """Keep, flag, retype or drop one candidate by its label probabilities."""
    p_none = probs.get("NONE", 0.0)
    p_ref = probs.get("REFERENCE", 0.0)
    types = {t: probs.get(t, 0.0) for t in EVENT_TYPES}
    best_type = max(types, key=lambda t: types[t])
    cand.why.append(
        f"learned: none {p_none:.2f}, reference {p_ref:.2f}, {best_type} {types[best_type]:.2f}"
    )
    if "user" in cand.entry.flags:
        return  # an entry of the user's own trigger file decides alone
    broad = "broad" in cand.entry.flags
    if broad and types[best_type] + p_ref < th.broad:
        cand.dropped = f"broad candidate the learned decision does not confirm ({p_none:.2f})"
        return
    if not broad and p_none >= th.drop_for(cand.event_type) and cand.status == "asserted":
        cand.dropped = f"learned decision: no event ({p_none:.2f})"
        return
    # what is planned, supposed or asked for is no event either when nothing is meant by it
    # ("if we help him", "you think you can sit at the table and talk to them?"); the bar is
    # higher: the model's training gold holds few such events to learn from. A denial stays
    # ("had not attacked any convoy": the other side of a claim), and so does a refusal
    # ("would not negotiate", the rules' REJECT: a reading the model was never taught)
    if (
        not broad
        and cand.status in UNREAL
        and not cand.refusal
        and p_none >= max(th.unasserted, th.drop_for(cand.event_type))
    ):
        cand.dropped = f"learned decision: no event, {cand.status} ({p_none:.2f})"
        return
    if p_ref >= th.reference:
        cand.historical = True
    # a type the rules composed from more than one word ("halted their strike" is CONCEDE,
    # "promised not to use force" AGREE) is not overruled by a reading of the trigger
    composed = cand.event_type != cand.entry.event_type or len(cand.tokens) > 1
    # a broad-dictionary word takes the model's reading, unless a rule of the PLOVER manual
    # already changed its type ("rioters threw stones": violence by protesters is a riot)
    ruled = cand.event_type != cand.entry.event_type
    if best_type != cand.event_type and (
        (broad and not ruled) or (types[best_type] >= th.retype and not composed)
    ):
        cand.why.append(f"learned: retyped {cand.event_type} -> {best_type}")
        if cand.entry.event_type != best_type:
            cand.mode = None
        cand.event_type = best_type
    cand.confirmed = types.get(cand.event_type, 0.0) >= th.confirm
    # the rules' confidence (and the story classifier's view) times the model's belief
    # to three places: MiniLM's outputs differ in the seventh between batches of other
    # lengths (padding changes BLAS's summation order), and a fourth decimal then flips with
    # the batch an article is coded in; ingest in batches must store what one pass codes
    cand.confidence = round(float(cand.confidence * (1.0 - p_none)), 3)


class DecideStage:
    """The learned decision over every candidate the rules kept (see the module docstring)."""

    name = "decide"
    requires = ("candidates.status",)
    assigns = ("candidates.decision",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        self.pipe([analysis], resources)

    def pipe(self, analyses: list[Analysis], resources: Resources) -> None:
        """The whole batch of articles at once: the model encodes their sentences together."""
        live = [(a, c) for a in analyses for c in a.candidates if not c.dropped]
        decider = resources.decider
        if decider is None:
            # --fast (or a build without the model): broad candidates need the decision
            for _, c in live:
                if "broad" in c.entry.flags:
                    c.dropped = "broad candidate without the learned decision (--fast)"
            flag_background(analyses)
            return
        probs = decider.predict([candidate_item(a, c) for a, c in live])
        th = Thresholds.from_meta(decider.meta)
        for (_, cand), row in zip(live, probs, strict=True):
            apply(cand, dict(zip(decider.labels, (float(x) for x in row), strict=True)), th)
        for a in analyses:  # a retyped thing said takes another day from the story than a deed
            if a.doc is not None and any(c.date_precision in FROM_STORY for c in a.candidates):
                date_from_story(a)
        flag_background(analyses)


__all__ = ["DecideStage", "Thresholds", "apply", "candidate_item"]
