"""Events read together: what one trigger means given the others and its actors.

A few PLOVER definitions depend on more than the trigger word:

- agreeing to a concession is the concession ("agreed to suspend protests" is CONCEDE), and
  vowing an attack is a threat ("vowed to wage war" is THREATEN);
- the demands of a protest are part of the protest ("workers struck, demanding higher pay");
- aid that "arrives" is aid, not a visit;
- a non-military actor leaving a country or a treaty is a SANCTION (withdraw), not a military
  RETREAT;
- expelling diplomats is SANCTION (expel); expelling activists or migrants is COERCE (deport);
- a storm, a disease or an accident that kills is no attack, and a game won no beating;
- a harm and the attack it came in are one event ("killed in an attack by X").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..nlp import ent_at
from .triggers import MISSION_STAFF, counted, direct_object, of_object

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..actors.mentions import Mention
    from ..analysis import Analysis, Resources
    from .candidates import Candidate

INTENT_TYPES = {"AGREE"}
#: Agreeing to stop or give up something is a concession ("agreed to halt construction").
STOPPING = {"halt", "suspend", "stop", "freeze", "cease", "abandon", "scrap", "drop", "lift",
            "ease", "relax", "end", "withdraw", "postpone", "shelve"}  # fmt: skip
REFUSING = {
    "refuse",
    "decline",
    "cancel",
    "fail",
    "reject",
    "abandon",
    "scrap",
    "call",
    "rule",
    "veto",
}
ARMED = {"MIL", "REB", "UAF", "PRM", "COP"}
FORCE_WORDS = {
    "troop",
    "force",
    "soldier",
    "army",
    "unit",
    "militia",
    "fighter",
    "forces",
    "troops",
}
PROTEST_NOUNS = {"protest", "protests", "demonstration", "strike", "rally", "march", "sit-in"}
STATE_FORCE = {"GOV", "MIL", "COP", "JUD", "SPY"}
#: units whose arrival somewhere is a deployment
ARMED_UNITS = {"troop", "soldier", "reinforcement", "force", "army", "unit", "battalion",
               "brigade", "peacekeeper", "marine", "paratrooper", "commando", "militia",
               "fighter", "gunman", "militant", "tank", "warship", "jet"}  # fmt: skip
PROTESTERS = {"protester", "protestor", "demonstrator", "rioter", "marcher", "mob"}
PURPOSE_VERBS = {"help", "support", "assist", "aid", "benefit", "feed", "rebuild", "protect"}
ACCESS_WORDS = MISSION_STAFF | {"inspector"}
AID_STAFF = {"aid", "relief", "humanitarian"}  # "aid workers", "relief workers"
CYBER_TARGETS = {"network", "computer", "system", "server", "website", "site", "email", "database",
                 "grid", "account", "infrastructure"}  # fmt: skip
CYBER_WORDS = {"hacker", "hack", "cyber", "cyberattack", "malware", "ransomware", "phishing"}
AID_NOUNS = {
    "aid",
    "assistance",
    "relief",
    "supply",
    "supplies",
    "food",
    "medicine",
    "vaccine",
    "help",
    "shipment",
    "arms",
    "weapon",
    "ammunition",
    "trainer",
    "instructor",
}
#: what kills or destroys without being an attack
NATURAL_CAUSES = {"storm", "earthquake", "quake", "tremor", "aftershock", "fire", "blaze",
                  "wildfire", "bushfire", "flood", "flooding", "floodwater", "landslide",
                  "mudslide", "avalanche", "cyclone", "hurricane", "typhoon", "tornado", "tsunami",
                  "drought", "famine", "heatwave", "heat", "cold", "lightning", "rain", "rainfall",
                  "downpour", "snowstorm", "blizzard", "eruption", "volcano", "disease", "virus",
                  "coronavirus", "covid", "covid-19", "pandemic", "epidemic", "outbreak",
                  "cholera", "ebola", "malaria", "measles", "flu", "influenza", "illness",
                  "accident", "crash", "collision", "derailment", "stampede", "collapse"}  # fmt: skip
GUNFIRE = {"heavy", "enemy", "hostile", "friendly", "automatic", "indiscriminate", "sustained"}
#: words of a game report ("beat Pakistan by six wickets in the final")
SPORTS_WORDS = {"match", "final", "finals", "semifinal", "semi-final", "quarterfinal",
                "quarter-final", "game", "cup", "league", "tournament", "championship", "derby",
                "set", "sets", "wicket", "wickets", "innings", "goal", "goals", "points", "race",
                "olympics", "medal", "title", "playoff", "playoffs", "fixture", "stadium",
                "striker", "goalkeeper", "coach"}  # fmt: skip
SCORE = re.compile(r"(?<![\d.,])\d{1,3} ?[-–] ?\d{1,3}(?![\d.,])")
INDIVIDUAL_SECTORS = {"CVL", "JRN", "REF", "EDU", "LAB", "REL", "OPP", "BUS", "MED", "SOC", "CRM"}


def _sectors(analysis: Analysis, ks: list[int]) -> set[str | None]:
    return {analysis.mentions[k].sector for k in ks}


def _opinion(tok: Token) -> bool:
    """'agreed (with X) that ...'; 'said they agree with X' (reported, present tense, agreeing
    with someone and not to or on anything)."""
    if any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in tok.children
    ):
        return True
    preps = {c.lower_ for c in tok.children if c.dep_ == "prep"}
    return (
        tok.tag_ in ("VBP", "VBZ")
        and tok.dep_ == "ccomp"
        and "with" in preps
        and not preps & {"on", "to", "upon"}
        and not any(c.dep_ in ("xcomp", "dobj") for c in tok.children)
    )


def _embedded(cand: Candidate, by_token: dict[int, Candidate], doc: Doc) -> Candidate | None:
    """The event in the complement of an intent verb: "agreed *to suspend* ...", "vowed to *wage* war",
    "promised *concessions*", "a commitment *to ease* restrictions"."""
    tok = doc[cand.trigger]
    for c in tok.children:
        if c.dep_ in ("dobj", "obj") and c.i in by_token and cand.pos == "v":
            return by_token[c.i]
    comps = ("xcomp", "ccomp") if cand.pos == "v" else ("acl",)
    for c in tok.children:
        if c.dep_ in comps and c.i in by_token:
            return by_token[c.i]
        if c.dep_ in comps:
            for g in c.children:  # "vowed to wage war": the event noun under a light verb
                if g.dep_ in ("dobj", "obj") and g.i in by_token:
                    return by_token[g.i]
    return None


def _lend_targets(donor: Candidate, cand: Candidate, why: str) -> bool:
    """`cand` takes the recipients of a related event (its purpose, what it promises, a word
    of its pattern) -- unless one of them is `cand`'s own actor."""
    if donor is cand or set(donor.targets) & set(cand.sources):
        return False
    if not donor.targets and (not donor.target_heads or cand.target_heads):
        return False  # (a recipient phrase naming no actor, only where `cand` has none)
    cand.targets, cand.target_heads = list(donor.targets), list(donor.target_heads)
    cand.why.append(why)
    return True


def _causing_attack(tok: Token, by_token: dict[int, Candidate]) -> Candidate | None:
    """The attack in an "after"/"when" clause of a verb or of its conjuncts, with an actor."""
    for verb in (tok, *tok.conjuncts):
        for c in verb.children:
            if c.dep_ != "advcl" or c.i not in by_token:
                continue
            if not any(g.lower_ in ("after", "when", "as") for g in c.children):
                continue
            donor = by_token[c.i]
            if donor.event_type == "ASSAULT" and donor.sources and not donor.passive:
                return donor
    return None


def _natural_cause(cand: Candidate, tok: Token) -> bool:
    """The harm's doer or cause is weather, a quake, a fire, a disease or an accident: its
    subject or agent, or what it happened "in" or "during" when no one did it."""
    doc = tok.doc
    causes = [doc[h] for h in cand.source_heads]
    if not cand.sources:
        causes += [
            g
            for c in tok.children
            if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during", "after")
            for g in c.children
            if g.dep_ == "pobj"
        ]
    return any(_natural(t) for t in causes)


def _natural(t: Token) -> bool:
    if t.lemma_.lower() not in NATURAL_CAUSES and t.lower_ not in NATURAL_CAUSES:
        return False
    # "sniper fire", "heavy fire from the army": gunfire is an attack
    return t.lemma_.lower() != "fire" or not any(
        c.dep_ == "compound" or (c.dep_ == "amod" and c.lower_ in GUNFIRE) for c in t.children
    )


def _sports_result(tok: Token) -> bool:
    """The sentence reports a game: a score ("2-1") or a word of sport ("wickets", "final")."""
    sent = tok.sent
    return SCORE.search(sent.text) is not None or any(t.lower_ in SPORTS_WORDS for t in sent)


def _attack_it_came_in(tok: Token, by_token: dict[int, Candidate]) -> Candidate | None:
    """The attack noun a harm happened in or during ("killed in an attack by X")."""
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ not in ("in", "during"):
            continue
        for g in c.children:
            inner = by_token.get(g.i)
            if g.dep_ == "pobj" and inner is not None and inner.event_type == "ASSAULT":
                return inner if inner.pos == "n" and not inner.dropped else None
    return None


def _purpose_phrases(cand: Candidate, tok: Token) -> list[Token]:
    """What aid is for: its purpose clause, its "for"/"to" phrase (a noun's "in" phrase)."""
    return [
        c
        for c in tok.children
        if c.dep_ in ("advcl", "xcomp")
        or (c.dep_ == "prep" and c.lower_ in ("for", "to"))
        or (c.dep_ == "prep" and c.lower_ == "in" and cand.pos == "n")
    ]


def _purpose_country(cand: Candidate, tok: Token, mentions: list[Mention]) -> int | None:
    """The first state named in what aid is for: its purpose clause or its "for" phrase."""
    inside = {t.i for c in _purpose_phrases(cand, tok) for t in c.subtree}
    for k, m in enumerate(mentions):
        if m.head in inside and m.country_like and k not in cand.sources:
            return k
    return None


def _purpose_region(cand: Candidate, tok: Token) -> int | None:
    """The head of the first place name in what aid is for, when it names no state."""
    for c in _purpose_phrases(cand, tok):
        for t in c.subtree:
            if t.ent_type_ in ("GPE", "LOC") and t.ent_iob_ == "B":
                ent = ent_at(t.doc, t.i)
                return ent.root.i if ent is not None else None
    return None


def compose(analysis: Analysis) -> None:
    doc = analysis.doc
    assert doc is not None
    by_token = {c.trigger: c for c in analysis.candidates}
    mentions: list[Mention] = analysis.mentions
    protests_by_sent: dict[int, list[Candidate]] = {}
    for c in analysis.candidates:
        if c.event_type == "PROTEST":
            protests_by_sent.setdefault(doc[c.trigger].sent.start, []).append(c)
    for cand in analysis.candidates:
        tok = doc[cand.trigger]
        # "will not release", "refused to meet", "cancelled a planned visit", "failed to reach agreement"
        if cand.status == "negated" and cand.status_cue is not None:
            cue = doc[cand.status_cue]
            modal = any(
                c.dep_ == "aux" and c.lower_ in ("will", "wo", "would", "shall")
                for c in cue.head.children
            )
            if cue.lemma_.lower() in REFUSING or (cue.dep_ == "neg" and modal):
                cand.refusal = True
        # "police will not beat protesters": a promise to refrain from force is a concession
        if (
            cand.event_type in ("ASSAULT", "COERCE")
            and cand.refusal
            and cand.status_cue is not None
            and doc[cand.status_cue].dep_ == "neg"
        ):
            cand.event_type, cand.mode, cand.refusal = "CONCEDE", None, False
            cand.why.append("promising not to use force is a concession")
        # promises and vows take the meaning of what is promised
        if cand.event_type in INTENT_TYPES:
            inner = _embedded(cand, by_token, doc)
            if inner is None and cand.pos == "v":
                stop = next(
                    (
                        c
                        for c in tok.children
                        if c.dep_ == "xcomp"
                        and c.lemma_.lower() in STOPPING
                        and any(g.dep_ in ("dobj", "obj") for g in c.children)
                    ),
                    None,
                )
                if stop is not None:  # "agreed to halt settlement construction"
                    cand.event_type, cand.mode = "CONCEDE", None
                    cand.why.append(f"agreeing to '{stop.text}' something is a concession")
            if inner is not None:
                if inner.event_type in ("CONCEDE", "RETREAT"):
                    cand.event_type, cand.mode = "CONCEDE", None
                    cand.why.append(f"agreeing to '{doc[inner.trigger].text}' is a concession")
                elif inner.event_type in ("ASSAULT", "COERCE", "SANCTION"):
                    cand.event_type, cand.mode = "THREATEN", None
                    cand.why.append(f"vowing '{doc[inner.trigger].text}' is a threat")
                if cand.event_type in ("CONCEDE", "THREATEN") and inner.status != "asserted":
                    # one action: the promise is the event, the promised act its content
                    inner.dropped = f"the act promised by '{tok.text}' (one event)"
        # "let free the prisoners": a trigger word inside the pattern may hold the recipient
        if not cand.targets:
            for t in cand.tokens:
                part = by_token.get(t)
                if part is not None and _lend_targets(
                    part, cand, f"target: that of '{doc[t].text}' in the pattern"
                ):
                    break
        # "agreed to lift tariffs on X", "threatened to shell X", "refused to comply with X":
        # the promise, threat or refusal is aimed at whom the promised act is
        if not cand.targets and cand.event_type in (*INTENT_TYPES, "CONCEDE", "REJECT", "THREATEN"):
            inner = _embedded(cand, by_token, doc)
            if inner is not None:
                _lend_targets(inner, cand, f"target: that of '{doc[inner.trigger].text}'")
        # "air strikes hit the enclave", "the attack killed 20 soldiers": the verb saying
        # what the event noun did names whom it did it to ("Curfew lifted in ...": a verb of
        # another kind does something to the noun)
        if not cand.targets and cand.pos == "n" and tok.dep_ == "nsubj":
            verb = by_token.get(tok.head.i)
            if verb is not None and verb.pos == "v" and verb.event_type == cand.event_type:
                _lend_targets(verb, cand, f"target: that of '{tok.head.text}', what it did")
        # "agreed with X that ...", "said they agree with the NCAA": sharing an opinion is a
        # statement, not an agreement
        if cand.event_type == "AGREE" and tok.lemma_.lower() == "agree" and _opinion(tok):
            cand.dropped = "agreeing with an opinion is a statement"
            continue
        # a protest's demands belong to the protest
        if cand.event_type == "REQUEST":
            for p in protests_by_sent.get(tok.sent.start, []):
                if p is cand:
                    continue
                shares_actor = bool(set(p.sources) & set(cand.sources)) or not cand.sources
                participle = tok.dep_ in ("advcl", "acl", "xcomp") and tok.tag_ == "VBG"
                if shares_actor or participle:
                    cand.referential = True
                    cand.why.append(f"the demand of the protest '{doc[p.trigger].text}'")
                    break
        # peacekeepers or observers who arrive: the host allows them in (RETREAT, access)
        if (
            cand.event_type == "CONSULT"
            and cand.pos == "v"
            and tok.lemma_.lower() in ("arrive", "reach", "enter", "deploy")
        ):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and (
                subj.lemma_.lower() in ACCESS_WORDS
                or (
                    subj.lemma_.lower() == "worker"
                    and any(c.lemma_.lower() in AID_STAFF for c in subj.lefts)
                )
            ):
                cand.event_type, cand.mode = "RETREAT", "access"
                cand.why.append("peacekeepers or observers arriving: access granted")
        # "to detain journalists if they publish": force made conditional on the other side's
        # conduct is hypothetical, and PLOVER reads it as a threat
        cond = next(
            (
                m
                for ch in tok.children
                if ch.dep_ == "advcl"
                for m in ch.children
                if m.dep_ == "mark" and m.lower_ in ("if", "unless")
            ),
            None,
        )
        if (
            cand.event_type in ("ASSAULT", "COERCE", "SANCTION")
            and cand.pos == "v"
            and cand.status == "asserted"
            and tok.tag_ == "VB"
            and cond is not None
        ):
            cand.status, cand.status_cue = "hypothetical", cond.i
            cand.why.append("force on a condition: hypothetical (a threat)")
            if cond.head.i in by_token:  # the condition is part of the threat
                by_token[cond.head.i].referential = True
        # "the storm killed 20 people", "were killed in a landslide": nature, disease and
        # accidents are not attacks
        if cand.event_type == "ASSAULT" and _natural_cause(cand, tok):
            cand.dropped = "a natural disaster, disease or accident, not an attack"
            continue
        # "India beat Pakistan by six wickets", "Brazil beat Argentina 2-1": a game won
        if cand.event_type == "ASSAULT" and cand.mode == "beat" and _sports_result(tok):
            cand.dropped = "a game won, not a beating"
            continue
        # armed forces that "arrived" somewhere were deployed there (MOBILIZE), they did not
        # visit: "300 army reinforcements arrived in Maru", "CSTO troops arrived in Almaty"
        if (
            cand.event_type == "CONSULT"
            and tok.lemma_.lower() == "arrive"
            and any(doc[h].lemma_.lower() in ARMED_UNITS for h in cand.source_heads)
        ):
            cand.event_type, cand.mode = "MOBILIZE", "troops"
            cand.targets, cand.target_heads = [], []  # where they arrived is their place
            cand.why.append("armed forces arriving: MOBILIZE (troops), not a visit")
            continue
        # violence by protesters is a riot: PLOVER's PROTEST (riot), not an armed assault
        if cand.event_type == "ASSAULT" and any(
            doc[h].lemma_.lower() in PROTESTERS for h in cand.source_heads
        ):
            cand.event_type, cand.mode = "PROTEST", "riot"
            cand.why.append("violence by protesters: PROTEST (riot)")
            continue
        # attacks on computers and networks are cyber coercion, not armed assault
        if cand.event_type == "ASSAULT":
            lemmas = {t.lemma_.lower() for t in tok.sent}
            tgt = [doc[h].lemma_.lower() for h in cand.target_heads]
            if lemmas & CYBER_WORDS or any(t in CYBER_TARGETS for t in tgt):
                cand.event_type, cand.mode = "COERCE", "cyber"
                cand.why.append("an attack on computers or networks: COERCE (cyber)")
        # aid given "to help/support X": X receives it, and the purpose is not a second event
        if cand.event_type == "AID" and not cand.targets:
            for child in tok.children:
                if (
                    child.dep_ in ("advcl", "xcomp")
                    and child.lemma_.lower() in PURPOSE_VERBS
                    and child.i in by_token
                ):
                    inner = by_token[child.i]
                    if _lend_targets(inner, cand, f"recipient from the purpose '{child.text}'"):
                        inner.referential = True
                        break
        # "gave 350 million euros to promote investment in Ethiopia", "provided $340 million
        # for assistance in northern Iraq": the country the purpose names receives it
        if cand.event_type == "AID" and not cand.targets and not cand.entry.weak:
            # (not a weak cue: "would help heal the breach with Qatar" names no aid)
            place = _purpose_country(cand, tok, mentions)
            if place is not None:
                cand.targets, cand.target_heads = [place], [mentions[place].head]
                cand.why.append(f"recipient: '{mentions[place].text}' in the aid's purpose")
            elif not cand.target_heads:
                # "to end the Ebola outbreak in West Africa": a region no country stands for
                region = _purpose_region(cand, tok)
                if region is not None:
                    cand.target_heads = [region]
                    cand.why.append(f"recipient: '{doc[region].text}' in the aid's purpose")
        # "20 people were killed in an attack by Boko Haram", "wounded in a suicide bombing":
        # one event -- the harm takes the attack's actor and mode, and the attack is no second
        if cand.event_type == "ASSAULT" and cand.pos == "v" and not cand.sources:
            attack = _attack_it_came_in(tok, by_token)
            if attack is not None:
                cand.sources, cand.source_heads = list(attack.sources), list(attack.source_heads)
                cand.mode = cand.mode or attack.mode
                attack.dropped = f"the attack '{tok.text}' came in (one event)"
                cand.why.append(
                    f"one event with the attack it came in ('{doc[attack.trigger].text}')"
                )
        # "26 people were killed after a car bomb struck a bus", "were killed when rebels attacked
        # the convoy": a harm with no agent was done by whoever did the attack that caused it
        if cand.event_type == "ASSAULT" and not cand.sources and cand.passive:
            donor = _causing_attack(tok, by_token)
            if donor is not None:
                cand.sources, cand.source_heads = list(donor.sources), list(donor.source_heads)
                cand.why.append(f"source: the attack that caused it ('{doc[donor.trigger].text}')")
        # aid that arrives
        if (
            cand.event_type == "CONSULT"
            and cand.pos == "v"
            and tok.lemma_.lower() in ("arrive", "reach")
        ):
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lemma_.lower() in AID_NOUNS:
                cand.event_type, cand.mode = "AID", None
                cand.why.append("aid that arrives is aid")
        # "police stopped the protest": the state ends someone else's protest by force; the
        # protesters stopping theirs concede
        if cand.event_type == "CONCEDE" and cand.pos == "v" and cand.sources:
            obj = next((doc[i] for i in cand.tokens if i != cand.trigger), None)
            if (
                obj is not None
                and obj.lemma_.lower() in PROTEST_NOUNS
                and _sectors(analysis, cand.sources) & STATE_FORCE
            ):
                cand.event_type, cand.mode = "COERCE", None
                cand.why.append("the state stopping a protest: COERCE")
        # who withdraws: armed forces retreat; others sanction
        if cand.event_type == "RETREAT" and cand.mode == "withdraw":
            # "withdrew some of its troops", "the withdrawal of troops": what is withdrawn
            obj = direct_object(tok)
            if obj is None and cand.pos == "n":
                obj = of_object(tok)
            if obj is None:  # "pulled back and withdrew its troops": the conjuncts share it
                conj_objects = (direct_object(c) for c in tok.children if c.dep_ == "conj")
                obj = next((o for o in conj_objects if o is not None), None)
            forces = obj is not None and counted(obj).lemma_.lower() in FORCE_WORDS
            # "the military withdrawal", "troop pullout": the noun's modifier names the forces
            forces = forces or any(
                c.dep_ in ("amod", "compound") and c.lemma_.lower() in FORCE_WORDS | {"military"}
                for c in tok.lefts
            )
            if not forces and cand.sources and not (_sectors(analysis, cand.sources) & ARMED):
                cand.event_type = "SANCTION"
                cand.why.append("a non-military actor withdrawing: SANCTION (withdraw)")
        # whom a state expels
        if cand.event_type == "SANCTION" and cand.mode == "expel" and cand.targets:
            sectors = _sectors(analysis, cand.targets)
            persons = any(mentions[k].person for k in cand.targets)
            if sectors & INDIVIDUAL_SECTORS or (persons and "GOV" not in sectors):
                cand.event_type, cand.mode = "COERCE", "deport"
                cand.why.append("expelling individuals: COERCE (deport)")
    _fold_refused(analysis, by_token)


#: PLOVER's REJECT mode for what is refused (meetings, assistance, concessions)
REFUSED_MODE = {"CONSULT": "meet", "COOPERATE": "assist", "AID": "assist", "SUPPORT": "assist",
                "CONCEDE": "yield", "RETREAT": "yield"}  # fmt: skip


def _fold_refused(analysis: Analysis, by_token: dict[int, Candidate]) -> None:
    """ "Refused to sign a trade deal", "rejected voluntary extradition", "declined the
    invitation": one action, the refusal (REJECT). What it refuses is its content and gives
    its mode, not a record of its own (as the act a promise promises)."""
    doc = analysis.doc
    assert doc is not None
    for cand in analysis.candidates:
        if not cand.refusal or cand.dropped or cand.status_cue is None:
            continue
        rej = by_token.get(cand.status_cue)
        if rej is None or rej is cand or rej.dropped or rej.event_type != "REJECT":
            continue
        cand.dropped = f"what '{doc[rej.trigger].text}' refuses (one event)"
        if rej.mode is None:
            rej.mode = REFUSED_MODE.get(cand.event_type)


class ComposeStage:
    """Reads events together: intents, protest demands, arriving aid, who withdraws or is expelled."""

    name = "compose"
    requires = ("candidates.sources", "candidates.status")
    assigns = ("candidates.event_type",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        compose(analysis)


__all__ = ["ComposeStage", "compose"]
