"""From candidates to `Event` records: evidence offsets, actors, attribution, ids."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from .events.arguments import ArgumentFinder
from .events.attribution import AttributionFinder, speaker_actor
from .events.compose import PROTESTERS
from .events.implied import implied_agent
from .events.lexicon import CAMEO_ROOT
from .records import QUAD, Actor, Attribution, Event, Location, Span, plover_reading

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .actors.dictionary import ActorDictionary
    from .actors.mentions import Mention
    from .analysis import Analysis, Resources
    from .events.candidates import Candidate


def _actors(analysis: Analysis, ks: list[int]) -> list[Actor]:
    out: list[Actor] = []
    seen: set[tuple[str | None, str | None, str | None, int]] = set()
    for k in ks:
        m: Mention = analysis.mentions[k]
        if m.kind == "pronoun" and len(m.antecedents) > 1:
            # "they" for "Abadi and Obeidi": one actor per antecedent, evidence at the pronoun
            for j in m.antecedents:
                a = analysis.mentions[j]
                act = Actor(
                    m.text,
                    m.start_char,
                    m.end_char,
                    a.name,
                    a.country,
                    a.sector,
                    a.wikidata,
                    f"pronoun '{m.text}' refers to '{a.text}'",
                )
                key = (act.name, act.country, act.sector, act.start)
                if key not in seen:
                    seen.add(key)
                    out.append(act)
            continue
        for act in _split_coordinated(analysis, m):
            key = (act.name, act.country, act.sector, act.start)
            if key not in seen:
                seen.add(key)
                out.append(act)
    return out


def _split_coordinated(analysis: Analysis, m: Mention) -> list[Actor]:
    """ "Indian and Chinese commanders" are two groups: one actor per coordinated nationality."""
    act = m.to_actor()
    doc = analysis.doc
    if doc is None or m.kind not in ("role", "demonym") or not m.country:
        return [act]
    countries: list[str] = []
    d = analysis_dictionary(analysis)
    for tok in doc[m.start : m.end]:
        if tok.dep_ in ("amod", "compound", "conj") and tok.i != m.head:
            hits = [
                e for e in d.lookup([tok.text]) if e.kind in ("country", "demonym") and e.country
            ]
            country = hits[0].country if hits else None
            if country and country not in countries:
                countries.append(country)
    if len(countries) < 2 or m.country not in countries:
        return [act]
    out = []
    for c in countries:
        out.append(
            Actor(
                act.text,
                act.start,
                act.end,
                act.name,
                c,
                act.sector,
                None,
                (act.rule or "") + f"; coordinated nationalities→{c}",
            )
        )
    return out


def analysis_dictionary(analysis: Analysis) -> ActorDictionary:
    from .actors.dictionary import load_dictionary

    return load_dictionary(())


def _has_actor(analysis: Analysis, ks: list[int]) -> bool:
    return any(analysis.mentions[k].resolved for k in ks)


def _trigger_span(analysis: Analysis, cand: Candidate) -> Span:
    doc = analysis.doc
    assert doc is not None
    toks = sorted(cand.tokens)
    if toks[-1] - toks[0] > 3:
        toks = [cand.trigger]
    s = doc[toks[0]].idx
    e = doc[toks[-1]].idx + len(doc[toks[-1]])
    return Span(analysis.article.text[s:e], s, e)


def _trimmed(span: Span) -> Span:
    """A span without the line breaks and spaces a phrase's last token may carry ("the army
    base\n" at the end of a line)."""
    lead = len(span.text) - len(span.text.lstrip())
    trail = len(span.text) - len(span.text.rstrip())
    if not lead and not trail:
        return span
    return Span(span.text.strip(), span.start + lead, span.end - trail)


#: things a party asks or says, whose of-phrase names the party ("the demands of X")
OWNED_ACTS = {"demand", "request", "call", "appeal", "plea", "proposal", "offer", "condition",
              "grievance", "complaint", "wish", "term", "ultimatum"}  # fmt: skip


def _argument_span(
    analysis: Analysis,
    finder: ArgumentFinder,
    head: int,
    appositions: bool = True,
    actors: list[int] | None = None,
    trigger: int | None = None,
) -> Span:
    """The argument phrase; a pronoun stands for its antecedent when that is in the same sentence."""
    doc = analysis.doc
    assert doc is not None
    k = finder.head2m.get(head)
    if k is not None:
        m = analysis.mentions[k]
        if m.kind == "pronoun" and m.antecedents:
            a = analysis.mentions[m.antecedents[0]]
            if doc[a.head].sent.start == doc[head].sent.start:
                return Span(a.text, a.start_char, a.end_char)
    tok = doc[head]
    if (
        tok.lower_ in ("it", "they", "he", "she")
        and tok.dep_ in ("nsubj", "nsubjpass")
        and tok.head.dep_ == "ccomp"
    ):
        # "Farc has said it will release him": the pronoun is the speaker, even one the
        # dictionaries do not know
        subj = AttributionFinder.subject_of(tok.head.head)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
            tok = subj
    heads = {analysis.mentions[k].head for k in actors or ()} - {tok.i}
    if k is None and tok.lemma_.lower() in OWNED_ACTS:
        # "conceded to the demands of the truck drivers": the party is the owner the
        # of-phrase names, not the demands (but "parts of Jaffna", "dozens of villagers")
        owners = [h for h in heads if doc[h].head.lower_ == "of" and doc[h].head.head.i == tok.i]
        if len(owners) == 1:
            tok = doc[owners[0]]
            heads.discard(tok.i)
    return finder.span_of(tok, appositions=appositions, actors=heads, trigger=trigger)


#: Things two parties have between them: "X and Y renewed ties", "postponed their meeting"
#: (plural forms too, for the headline words the lemmatizer leaves alone).
RELATIONS = {"tie", "ties", "relation", "relations", "meeting", "talk", "talks", "agreement",
             "accord", "treaty", "cooperation", "partnership", "alliance", "dialogue",
             "negotiation", "negotiations", "summit", "contact", "contacts"}  # fmt: skip


def _shared_relation(analysis: Analysis, cand: Candidate) -> bool:
    """The event is about what its several sources share: a relation named in the trigger,
    or 'their' relation as its object."""
    doc = analysis.doc
    assert doc is not None

    def relation(t: Token) -> bool:
        return t.lemma_.lower() in RELATIONS or t.lower_ in RELATIONS

    if any(relation(doc[i]) for i in cand.tokens):
        return True
    return any(
        c.dep_ in ("dobj", "obj")
        and relation(c)
        and any(g.dep_ == "poss" and g.lower_ == "their" for g in c.children)
        for c in doc[cand.trigger].children
    )


def build_event(analysis: Analysis, cand: Candidate, finder: ArgumentFinder | None = None) -> Event:
    """One candidate as an Event record. `finder`: the article's ArgumentFinder, built once
    for all its events (building one per event made coding quadratic in length)."""
    doc = analysis.doc
    assert doc is not None
    text = analysis.article.text
    sidx = analysis.sentence_index(cand.trigger)
    sent = analysis.sentences[sidx]
    s0, s1 = sent.start_char, sent.end_char
    while s1 > s0 and text[s1 - 1].isspace():
        s1 -= 1
    trig = _trigger_span(analysis, cand)
    hedge = None
    if cand.hedge is not None:
        h = doc[cand.hedge]
        hedge = Span(text[h.idx : h.idx + len(h)], h.idx, h.idx + len(h))
    cue = None
    if cand.cue is not None:
        c = doc[cand.cue]
        cue = Span(text[c.idx : c.idx + len(c)], c.idx, c.idx + len(c))
    mode = cand.mode
    event = Event(
        article_id=analysis.article.id,
        sentence_index=sidx,
        sentence_start=s0,
        sentence=text[s0:s1],
        event_type=cand.event_type,
        trigger=trig,
        source=_actors(analysis, cand.sources),
        target=_actors(analysis, cand.targets),
        mode=mode,
        contexts=list(cand.contexts),
        cameo=cand.entry.cameo_root(mode),
        status=cand.status,
        attribution=Attribution(
            speaker=speaker_actor(analysis, cand.speaker, cand.speaker_span),
            cue=cue,
            via=list(cand.via),
        ),
        date=cand.date,
        date_text=cand.date_text,
        date_precision=cand.date_precision,
        location=cand.location,
        reciprocal=cand.reciprocal,
        historical=cand.historical,
        referential=cand.referential,
        hedge=hedge,
        confidence=cand.confidence,
        quad=QUAD[cand.event_type],
    )
    if not event.source:  # "was arrested": the police of the place (events/implied.py)
        implied = implied_agent(analysis, cand)
        event.source = [implied] if implied is not None else []
    if finder is None:
        finder = ArgumentFinder(doc, analysis.mentions, text)
    if cand.source_heads:
        src = cand.source_heads[0]
        if (
            cand.pos == "n"
            and doc[src].head.i == cand.trigger
            and doc[src].dep_ in ("amod", "compound")
        ):
            # "Syrian regime air strikes", "U.S. military airstrikes": a word, not a phrase,
            # names the actor; the phrase that acts is the whole noun phrase
            src = cand.trigger
        event.source_span = _trimmed(
            _argument_span(analysis, finder, src, actors=cand.sources, trigger=cand.trigger)
        )
    if cand.target_heads:
        # a target's apposition describes it ("Haifa, Israel's third city"); a source's names
        # who speaks ("Zabihullah Mujahid, the Taliban spokesman") and stays
        event.target_span = _trimmed(
            _argument_span(
                analysis,
                finder,
                cand.target_heads[0],
                appositions=False,
                actors=cand.targets,
                trigger=cand.trigger,
            )
        )
    if (
        not event.target
        and len({a.country for a in event.source}) > 1
        and (cand.entry.recip or _shared_relation(analysis, cand))
    ):
        event.reciprocal = True  # "Indian and Chinese commanders held talks"
    speaker = event.attribution.speaker
    own = not (
        speaker is not None
        and speaker.country
        and event.source
        and speaker.country not in {a.country for a in event.source}
    )
    event.plover_type = plover_reading(event.event_type, event.status, bool(event.source) and own)
    if cand.refusal and QUAD.get(event.event_type) in (1, 2):
        event.plover_type = "REJECT"  # refusing to cooperate (CAMEO 12 -> PLOVER REJECT)
    if (
        event.status == "hypothetical"
        and cand.status_cue is not None
        and doc[cand.status_cue].lower_ in ("must", "should", "ought")
        and speaker is not None
        and event.source
        # a speaker of unknown country is told apart from the actors by mention, not country
        and not (own if speaker.country else _same_party(analysis, cand))
    ):
        event.plover_type = "REQUEST"  # "X said Y must withdraw": X demands it of Y
    if event.plover_type != event.event_type:
        # one reading everywhere a user counts: a threatened attack is CAMEO 13, quad 3, in
        # every export, not the attack's 19 and 4
        event.cameo = CAMEO_ROOT[event.plover_type]
        event.quad = QUAD[event.plover_type]
    key = f"{analysis.article.id}:{trig.start}:{trig.end}:{cand.event_type}"
    event.event_id = hashlib.sha1(key.encode()).hexdigest()[:16]
    return event


def _same_party(analysis: Analysis, cand: Candidate) -> bool:
    """A speaker of unknown country is one of the actors only as the same mention, the one a
    pronoun refers to, or by name ("the minister said he must resign"; but "the foreign
    minister said all forces in Yemen must ..." is a demand of them)."""
    if cand.speaker is None:
        return True  # a speaker phrase that names no actor: nothing to tell them apart
    said_by = analysis.mentions[cand.speaker]
    for k in cand.sources:
        m = analysis.mentions[k]
        if k == cand.speaker or cand.speaker in m.antecedents:
            return True
        if said_by.name is not None and said_by.name == m.name:
            return True
    return False


#: Events worth a record even when the text names no actor, as long as it says where:
#: "protests spread across Minsk", "a bomb exploded in a Kabul market".
PLACE_ONLY_TYPES = {"PROTEST", "ASSAULT", "COERCE", "MOBILIZE", "RETREAT"}


#: who protests by what they are called: "protesters blocked the gates", "activists marched"
CROWD_WORDS = PROTESTERS | {"activist", "striker", "picketer"}


def _crowd_protest(analysis: Analysis, cand: Candidate) -> bool:
    """A weak cue of protest (march, rally, block, occupy) done by people the text calls
    protesters is a protest, whoever it is aimed at."""
    doc = analysis.doc
    if cand.event_type != "PROTEST" or doc is None:
        return False
    return any(doc[h].lemma_.lower() in CROWD_WORDS for h in cand.source_heads)


def _located_conflict(analysis: Analysis, cand: Candidate) -> bool:
    if cand.event_type not in PLACE_ONLY_TYPES or cand.referential:
        return False
    if cand.entry.weak and not cand.confirmed:
        return False
    if cand.status != "asserted" or cand.historical:
        return False
    if cand.location is None and analysis.sentence_index(cand.trigger) == 0:
        cand.location = _headline_country(analysis)  # "Angola: Peaceful Demonstration ..."
    if cand.location is None:
        # "A riot broke out", "the spontaneous protests": no party and no place named, but the
        # model is sure of the event and the story says which country it is in
        if not (cand.confirmed and analysis.primary_country):
            return False
        if any(
            o is not cand and not o.dropped and o.event_type == cand.event_type
            for o in analysis.candidates
        ):
            return False  # the article tells such an event with its parties: a retelling
        cand.confidence = max(0.0, cand.confidence - 0.15)
        cand.why.append(
            f"kept without actors: a sure conflict event in a {analysis.primary_country} story"
        )
        return True
    cand.confidence = max(0.0, cand.confidence - 0.15)
    cand.why.append("kept without actors: a conflict event with a place")
    return True


def _from_retelling(analysis: Analysis, cand: Candidate) -> bool:
    """A headline names the event and the story who did it: "Curfew lifted in Gulu" takes its
    actors from the first later sentence that tells the same kind of event with them."""
    if analysis.sentence_index(cand.trigger) != 0 or cand.entry.weak or cand.referential:
        return False
    if len(analysis.sentences) < 2:
        return False
    for other in analysis.candidates:
        if (
            other is cand
            or other.dropped
            or other.event_type != cand.event_type
            or analysis.sentence_index(other.trigger) == 0
            or other.referential
            or other.historical
            or not (_has_actor(analysis, other.sources) or _has_actor(analysis, other.targets))
        ):
            continue
        cand.sources, cand.source_heads = list(other.sources), list(other.source_heads)
        cand.targets, cand.target_heads = list(other.targets), list(other.target_heads)
        cand.why.append(
            f"actors from sentence {analysis.sentence_index(other.trigger)}, which retells it"
        )
        return True
    return False


def _headline_country(analysis: Analysis) -> Location | None:
    """The country a headline leads with ("Angola: ...") or the story is about."""
    country = None
    for m in analysis.mentions:
        if analysis.sentence_index(m.head) == 0 and m.kind == "country" and m.country:
            country = m
            break
    if country is None:
        return None
    from .places.context import country_location

    return country_location(country.country, country)


class RecordStage:
    """Turns candidates into Event records; drops triggers with no actor to code."""

    name = "records"
    requires = ("candidates.sources", "candidates.status", "candidates.confidence")
    assigns = ("events",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        keep_actorless = resources.config.keep_actorless
        min_conf = resources.config.min_confidence
        events: list[Event] = []
        finder: ArgumentFinder | None = None
        for cand in analysis.candidates:
            if cand.dropped:
                continue
            has_src = _has_actor(analysis, cand.sources)
            has_tgt = _has_actor(analysis, cand.targets)
            if not keep_actorless:
                if not (has_src or has_tgt) and _from_retelling(analysis, cand):
                    has_src = _has_actor(analysis, cand.sources)
                    has_tgt = _has_actor(analysis, cand.targets)
                if not (has_src or has_tgt) and not _located_conflict(analysis, cand):
                    cand.dropped = "no actor"
                    continue
                if cand.entry.weak and not (
                    has_src and (has_tgt or cand.reciprocal or not cand.entry.target_slots())
                ):
                    if cand.confirmed:
                        cand.why.append(
                            "weak cue with one party, confirmed by the learned decision"
                        )
                    elif _crowd_protest(analysis, cand):
                        cand.why.append("a protest cue done by protesters")
                    else:
                        cand.dropped = "weak trigger without both actors"
                        continue
            if cand.confidence < min_conf:
                cand.dropped = "below minimum confidence"
                continue
            if finder is None:
                assert analysis.doc is not None
                finder = ArgumentFinder(analysis.doc, analysis.mentions, analysis.article.text)
            events.append(build_event(analysis, cand, finder))
        analysis.events = events


__all__ = ["RecordStage", "build_event"]
