"""Confidence and context for each event, with an optional learned sentence classifier.

The lexicon says which words can signal an event; the classifier, trained by
`scripts/train_classifier.py` on wirecoder's training split, says how likely the
sentence is to report an event of each type. The two are blended into the event's
`confidence`, which ranks an article's events (its first is the main one) and
lets users drop weak records. Contexts (PLOVER's "why") come from cue words in the
sentence and from the actors (an armed forces actor gives "military").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models.classifier import EventClassifier, features, load_classifier
from ..records import EVENT_TYPES, QUAD, plover_reading

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from ..analysis import Analysis, Resources
    from .candidates import Candidate
    from .lexicon import Lexicon

TERROR_ORGS = {"Islamic State", "al-Qaeda", "Boko Haram", "al-Shabaab", "Nusra Front", "Taliban",
               "al-Qaeda in the Arabian Peninsula", "al-Qaeda in the Islamic Maghreb", "Pakistani Taliban",
               "Lashkar-e-Taiba", "Jaish-e-Mohammed", "Abu Sayyaf", "Hayat Tahrir al-Sham"}  # fmt: skip


def sentence_contexts(sent: SpacySpan, lex: Lexicon) -> list[str]:
    found: list[str] = []
    for tok in sent:
        for ctx in lex.context_words.get(tok.lemma_.lower(), ()):
            if ctx not in found:
                found.append(ctx)
    low = sent.text.lower()
    for phrase, ctx in lex.context_phrases:
        if phrase in low and ctx not in found:
            found.append(ctx)
    return found


def mode_from_context(cand: Candidate, sent: SpacySpan, lex: Lexicon) -> str | None:
    """A mode from cue words near the trigger (its subtree and the words right around it)."""
    words = lex.mode_words.get(cand.event_type, {})
    phrases = lex.mode_phrases.get(cand.event_type, [])
    if not words and not phrases:
        return None
    doc = sent.doc
    trig = doc[cand.trigger]
    near = {t.i for t in trig.subtree}
    near.update(range(max(sent.start, trig.i - 4), min(sent.end, trig.i + 5)))
    for h in cand.source_heads + cand.target_heads:
        near.update(t.i for t in doc[h].subtree)
    tokens = sorted(near)
    for i in sorted(tokens, key=lambda i: abs(i - trig.i)):
        t = doc[i]
        mode = words.get(t.lemma_.lower()) or words.get(t.lower_)
        if mode:
            return mode
    low = " ".join(doc[i].lower_ for i in tokens)
    for phrase, mode in phrases:
        if phrase in low:
            return mode
    return None


def _lead_text(analysis: Analysis) -> str:
    """The headline and first sentence (the text the 'type' head was trained on)."""
    sents = analysis.sentences[:2]
    if not sents:
        return ""
    return analysis.article.text[sents[0].start_char : sents[-1].end_char]


class ClassifyStage:
    """Sets each event's mode (when the trigger left it open), contexts and confidence."""

    name = "classify"
    requires = ("candidates.sources", "candidates.status")
    assigns = ("candidates.confidence", "candidates.contexts", "candidates.mode")

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        doc = analysis.doc
        assert doc is not None
        if not analysis.candidates:
            return
        lex = resources.lexicon
        clf = resources.classifier
        sent_probs: dict[int, dict[str, float]] = {}
        doc_probs: dict[str, float] | None = None
        for cand in analysis.candidates:
            sent = doc[cand.trigger].sent
            if cand.mode is None:
                cand.mode = mode_from_context(cand, sent, lex)
            ctx = sentence_contexts(sent, lex)
            actors = [analysis.mentions[k] for k in cand.sources + cand.targets]
            if any(m.sector == "MIL" for m in actors) and "military" not in ctx:
                ctx.append("military")
            if any(m.name in TERROR_ORGS for m in actors) and "terrorism" not in ctx:
                ctx.append("terrorism")
            cand.contexts = ctx
            conf = 0.5
            conf += (
                0.15
                if any(m.country for m in (analysis.mentions[k] for k in cand.sources))
                else 0.0
            )
            conf += (
                0.1 if any(m.country for m in (analysis.mentions[k] for k in cand.targets)) else 0.0
            )
            conf -= 0.2 if cand.entry.weak else 0.0
            # the main clause carries the news; subordinate clauses its background
            depth, cur = 0, doc[cand.trigger]
            while cur.head.i != cur.i and depth < 6:
                cur, depth = cur.head, depth + 1
            conf -= 0.03 * min(depth, 4)
            sidx = analysis.sentence_index(cand.trigger)
            conf += 0.05 if sidx <= 1 else 0.0
            if clf is not None:
                # what the story is about (headline and lead) and what this sentence reports
                if doc_probs is None:
                    # the type head read a headline and a lead: a lone sentence has neither
                    # (on the CAMEO sentences it only moved the main event off the gold one)
                    has_lead = len(analysis.sentences) >= 2
                    doc_probs = clf.predict_proba(_lead_text(analysis), "type") if has_lead else {}
                key = sent.start
                if key not in sent_probs:
                    sent_probs[key] = clf.predict_proba(
                        analysis.article.text[sent.start_char : sent.end_char], "quad"
                    )
                ptype = plover_reading(cand.event_type, cand.status, bool(cand.sources))
                p_quad = min(1.0, sent_probs[key].get(str(QUAD.get(ptype, 0)), 0.0) * 1.5)
                # without a lead the type term is neutral, half its range, for every event
                p_type = min(1.0, doc_probs.get(ptype, 0.0) * 2) if doc_probs else 0.5
                conf = 0.6 * conf + 0.25 * p_type + 0.15 * p_quad
            cand.confidence = max(0.0, min(1.0, conf))


__all__ = ["EVENT_TYPES", "ClassifyStage", "EventClassifier", "features", "load_classifier"]
