"""Finding event triggers: verbs and nouns from the lexicon, checked against the parse.

A word is a trigger when its lemma is in the lexicon and the entry's conditions
hold in the sentence: a required particle ("call *on*"), object ("restore
*ties*") or modifier ("*air* strikes"). When a word has several entries of
different types ("strike": an attack or a walkout), small context rules pick one.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from .attribution import SPEECH_VERBS
from .candidates import Candidate
from .lexicon import Lexicon, TriggerEntry
from .senses import (
    QUESTION_VERBS,
    acts_on_people,
    asks_for_something,
    market_sense,
    names_something,
    with_a_partner,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..actors.mentions import Mention
    from ..analysis import Analysis, Resources

#: verbs of saying that say nothing of what is said: never an event of their own, so the broad
#: lexicon proposes none ("deny", "accuse", "admit", "warn" carry an act and stay)
NEUTRAL_SPEECH = (SPEECH_VERBS | {"accord", "respond", "reply", "ask"}) - {
    "deny", "claim", "allege", "accuse", "admit", "acknowledge", "describe", "warn", "urge",
    "promise", "vow", "pledge", "assure", "call",
}  # fmt: skip
LABOR_WORDS = {
    "worker", "union", "teacher", "employee", "wage", "pay", "salary", "labor", "labour",
    "walkout", "nurse", "doctor", "driver", "miner", "staff", "docker", "pilot", "unionist",
    "strikers", "striker", "contract", "pension", "workplace",
}  # fmt: skip
VERBAL_OBJECTS = {
    "policy", "decision", "remark", "comment", "statement", "plan", "proposal", "move", "speech",
    "report", "claim", "stance", "idea", "law", "bill", "record", "handling", "response",
    "approach", "rhetoric", "view", "leadership", "budget",
}  # fmt: skip
FORCE_SECTORS = {"MIL", "REB", "COP", "GOV", "UAF", "PRM", "SPY", "CRM"}
NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}


def _prev_words(tok: Token, n: int) -> list[Token]:
    out: list[Token] = []
    i = tok.i - 1
    while i >= tok.sent.start and len(out) < n:
        t = tok.doc[i]
        if t.text not in ("-", "–"):
            out.append(t)
        i -= 1
    return list(reversed(out))


def _word_matches(t: Token, w: str) -> bool:
    return t.lower_ == w or t.lemma_.lower() == w


def direct_object(tok: Token) -> Token | None:
    """The verb's direct object, if the parse gives it one."""
    return next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)


def _object_of(tok: Token) -> Token | None:
    obj = direct_object(tok)
    if obj is not None:
        return obj
    for c in tok.children:
        if c.dep_ == "nsubjpass":
            return c
    # "curfew lifted in the capital": a participle's noun is what it was done to
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        return tok.head
    # "lay down their arms": particle then object; "send aid to": dobj; "put on alert": prep
    for c in tok.children:
        if c.dep_ in ("prep", "prt"):
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    # "declined to comment": the verb of the complement
    for c in tok.children:
        if c.dep_ == "xcomp" and c.pos_ == "VERB":
            return c
    return None


#: Nouns that count what follows them: "sent thousands of troops" sends troops.
QUANTITY_NOUNS = {"hundred", "thousand", "dozen", "score", "million", "billion", "ton", "tonne",
                  "number", "batch", "contingent", "shipment", "consignment", "convoy",
                  "planeload", "truckload", "boatload", "load"}  # fmt: skip


def particle_object(tok: Token, particle: str) -> Token | None:
    """The object after a verb's particle: "called (on Monday) for *sanctions*"."""
    first = particle.split()[0]
    for c in tok.children:
        if c.lower_ == first and c.i > tok.i:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


#: Words that take a part of what follows them: "withdrew some of its troops".
PART_WORDS = {"some", "most", "all", "part", "rest", "many", "half", "bulk", "remainder",
              "majority"}  # fmt: skip


def of_object(tok: Token) -> Token | None:
    """The noun of a word's "of" phrase: "the withdrawal of *troops*"."""
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None


def counted(obj: Token) -> Token:
    """What a quantity or part names: "thousands of *troops*", "some of its *troops*"."""
    low = obj.lemma_.lower()
    if low in QUANTITY_NOUNS or low in PART_WORDS or obj.pos_ == "NUM":
        inner = of_object(obj)
        if inner is not None:
            return counted(inner)
    return obj


def _object_phrases(obj: Token) -> set[str]:
    inner = counted(obj)
    if inner is not obj:
        return _object_phrases(inner) | {obj.lemma_.lower()}
    phrases = {obj.lemma_.lower(), obj.lower_}
    mods = [c for c in obj.lefts if c.dep_ in ("compound", "amod")]
    if mods:
        phrases.add(" ".join([*(m.lower_ for m in mods[-1:]), obj.lemma_.lower()]))
        phrases.add(" ".join([*(m.lower_ for m in mods), obj.lemma_.lower()]))
    if obj.lemma_.lower() in LIGHT_NOUNS:  # "mediation efforts" stands for "mediation"
        phrases.update(m.lemma_.lower() for m in obj.lefts if m.dep_ == "compound")
    # "a three-month-old state of emergency that was ...": the noun and its "of" noun, bare
    of_obj = of_object(obj)
    if of_obj is not None:
        phrases.add(f"{obj.lemma_.lower()} of {of_obj.lemma_.lower()}")
    words = [t.lower_ for t in obj.subtree if t.dep_ not in ("det", "poss", "punct")]
    phrases.add(" ".join(words))
    if len(words) > 1:
        phrases.add(" ".join(words[-3:]))
    return phrases


def _verb_entry_ok(tok: Token, e: TriggerEntry) -> tuple[bool, tuple[int, ...]]:
    toks = [tok.i]
    if e.particle:
        first = e.particle.split()[0]
        hit = next((c for c in tok.children if c.lower_ == first and c.i > tok.i), None)
        if hit is None:
            return False, ()
        if (
            hit.dep_ == "prep"
            and not e.objects  # "sentenced to five years": the entry names its dates
            and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in hit.children)
        ):
            return False, ()  # "were called to Washington on Tuesday" is no "call on"
        toks.append(hit.i)
    if e.objects:
        # "called on Monday for sanctions": the object is the particle's; "police were called
        # to the capital": the verb's own
        objs = [particle_object(tok, e.particle)] if e.particle else []
        objs.append(_object_of(tok))
        obj = next((o for o in objs if o is not None and _object_phrases(o) & e.objects), None)
        if obj is None:
            return False, ()
        toks.append(obj.i)
    return True, tuple(sorted(toks))


def _noun_entry_ok(tok: Token, e: TriggerEntry) -> tuple[bool, tuple[int, ...]]:
    toks = [tok.i]
    if e.before:
        prev = _prev_words(tok, len(e.before))
        if len(prev) == len(e.before) and all(
            _word_matches(t, w) for t, w in zip(prev, e.before, strict=True)
        ):
            toks.extend(t.i for t in prev)
        else:
            # the modifiers need not be next to the noun: "joint *military* exercises"
            mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")]
            found = [next((m for m in mods if _word_matches(m, w)), None) for w in e.before]
            if any(f is None for f in found):
                return False, ()
            toks.extend(f.i for f in found if f is not None)
    if e.objects:  # "resumption of (diplomatic) ties"
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is None or not (_object_phrases(pobj) & {o.removeprefix("of ") for o in e.objects}):
            return False, ()
        toks.append(pobj.i)
    if e.after:
        nxt = tok.doc[tok.i + 1 : tok.i + 1 + len(e.after)]
        if len(nxt) != len(e.after) or not all(
            _word_matches(t, w) for t, w in zip(nxt, e.after, strict=True)
        ):
            return False, ()
        toks.extend(t.i for t in nxt)
    return True, tuple(sorted(toks))


#: Nouns that only carry the event named by their modifier: "mediation efforts", "aid package".
LIGHT_NOUNS = {"effort", "operation", "campaign", "programme", "program", "mission", "package", "drive",
               "bid", "plan", "process", "deal", "initiative", "scheme", "round", "exercise", "activity",
               "hour"}  # fmt: skip
#: Verbs that only carry an event noun: "approved the extradition" is the extradition.
CARRIER_VERBS = {"approve", "authorize", "authorise", "order", "announce", "sign", "complete",
                 "finalize", "finalise", "conclude", "undertake", "conduct", "carry", "launch", "stage",
                 "hold", "make", "give", "provide", "offer", "extend", "issue"}  # fmt: skip
#: People sent on a mission others let in: peacekeepers, observers, monitors.
MISSION_STAFF = {"peacekeeper", "observer", "monitor"}
PEACEKEEPING = MISSION_STAFF | {"peacekeeping", "humanitarian", "relief", "rescue", "evacuation",
                                "monitoring"}  # fmt: skip


def _manner_phrase(tok: Token) -> bool:
    """'in recognition of', 'in response to', 'in cooperation with': a manner, not an event."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "with", "as"):
        return False
    if any(c.dep_ in ("det", "poss", "amod", "nummod") for c in tok.lefts):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("of", "to", "with", "for") for c in tok.rights)


def _context_override(cand: Candidate, tok: Token) -> None:
    """Troops sent on a peacekeeping, relief or monitoring mission are aid, not a show of force."""
    if cand.event_type == "MOBILIZE":
        lemmas = {t.lemma_.lower() for t in tok.sent}
        if lemmas & PEACEKEEPING:
            cand.event_type, cand.mode = "AID", None
            cand.why.append("troops on a peacekeeping or relief mission: AID")


#: "in response to X", "in retaliation for X": X is the cause, reported for its own sake elsewhere.
CAUSE_NOUNS = {"response", "retaliation", "reaction", "reply", "revenge", "reprisal"}
REFERRING_PREPS = {"for", "after", "following", "over", "about", "against", "despite", "amid"}


def _mark_referential(cands: list[Candidate], doc: Doc, statements: Collection[int] = ()) -> None:
    """Event nouns that are the object of another event ("condemned the attack", "left for
    meetings"), and events a statement is about ("expressed condolences over the attack",
    "claimed responsibility for the bombing"), refer to an event reported for its own sake
    elsewhere, if at all."""
    verbs = {c.trigger for c in cands if c.pos == "v"}
    # words another trigger's pattern takes in: "suspension of *attacks*", "halted *raids*"
    inside = {t for c in cands for t in c.tokens if t != c.trigger}
    # "*curfew* lifted in the capital": the noun a trigger participle modifies
    inside |= {
        doc[c.trigger].head.i
        for c in cands
        if c.pos == "v" and doc[c.trigger].dep_ == "acl" and doc[c.trigger].tag_ == "VBN"
    }
    for c in cands:
        tok = doc[c.trigger]
        if c.trigger in inside:
            c.referential = True
            continue
        if c.pos == "n":
            head = tok.head
            if (
                (tok.dep_ in ("dobj", "obj", "nsubjpass") and head.i in verbs)
                or (tok.dep_ == "pobj" and head.lower_ in REFERRING_PREPS and head.head.i in verbs)
                or (
                    # "expelled an activist in response to accusations": the cause
                    tok.dep_ == "pobj"
                    and head.lower_ in ("to", "for")
                    and head.head.lemma_.lower() in CAUSE_NOUNS
                )
            ):
                c.referential = True
                continue
        if statements:
            # "expressed concern about the latest escalation of hostilities": up to six steps
            cur = tok
            for _ in range(6):
                if cur.head.i == cur.i or cur.dep_ in ("conj", "ROOT"):
                    break
                cur = cur.head
                if cur.i in statements:
                    c.referential = True
                    break
    # "the attack, which killed and injured dozens": a conjunct shares what its verb refers to
    referring = {c.trigger for c in cands if c.referential}
    for c in cands:
        tok = doc[c.trigger]
        if not c.referential and tok.dep_ == "conj" and tok.head.i in referring:
            c.referential = True


#: Agreement nouns and the words that finalize them: PLOVER codes signing or ratifying an
#: agreement as SUPPORT (CAMEO 057); agreeing to or promising one stays AGREE.
AGREEMENT_NOUNS = {"agreement", "accord", "pact", "treaty", "deal", "memorandum", "protocol",
                   "convention", "charter"}  # fmt: skip
FINALIZING = {"sign", "ratify", "conclude", "finalize", "finalise", "seal", "ink", "signing",
              "ratification", "signature"}  # fmt: skip


def _finalized(tok: Token) -> bool:
    """'signed an agreement', 'the accord was ratified', 'the signing of the pact', 'ratify
    agreement' (a headline verb read as a modifier)."""
    if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in FINALIZING for c in tok.lefts):
        return True
    head = tok.head
    if tok.dep_ in ("dobj", "obj", "nsubjpass", "conj") and head.lemma_.lower() in FINALIZING:
        return True
    if tok.dep_ == "conj" and head.dep_ in ("dobj", "obj", "nsubjpass"):
        return head.head.lemma_.lower() in FINALIZING
    return (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lemma_.lower() in FINALIZING
        and head.head.pos_ == "NOUN"
    )


DECLARING = {"declare", "announce", "proclaim", "declaration", "announcement"}


def _declared(tok: Token) -> bool:
    """'declared a ceasefire', 'the announcement of a truce', 'declare ceasefire' (a headline
    verb read as a modifier): PLOVER's CONCEDE, a ceasefire declared but not yet in force."""
    if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in DECLARING for c in tok.lefts):
        return True
    head = tok.head
    if tok.dep_ in ("dobj", "obj", "nsubjpass") and head.lemma_.lower() in DECLARING:
        return True
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in DECLARING


def _drop_carriers(cands: list[Candidate], doc: Doc) -> list[Candidate]:
    nouns = {c.trigger for c in cands if c.pos == "n"}
    for c in cands:
        tok = doc[c.trigger]
        if (
            c.event_type == "AGREE"
            and c.pos == "n"
            and tok.lemma_.lower() in AGREEMENT_NOUNS
            and _finalized(tok)
        ):
            c.event_type = "SUPPORT"
            c.why.append("signing or ratifying an agreement: SUPPORT")
        if c.event_type == "RETREAT" and c.mode == "ceasefire" and c.pos == "n" and _declared(tok):
            c.event_type, c.mode = "CONCEDE", None
            c.why.append("a declared (not yet implemented) ceasefire: CONCEDE")
    out = []
    for c in cands:
        tok = doc[c.trigger]
        if c.pos == "v" and tok.lemma_.lower() in CARRIER_VERBS and not c.entry.objects:
            obj = next((x for x in tok.children if x.dep_ in ("dobj", "obj")), None)
            if obj is not None and obj.i in nouns:
                continue
        out.append(c)
    return out


def _parsed_as_verb(tok: Token) -> bool:
    """A word with a subject and a direct object of its own is a verb, whatever its tag."""
    deps = {c.dep_ for c in tok.children}
    return (
        "nsubj" in deps and bool(deps & {"dobj", "obj"}) and tok.dep_ in ("ROOT", "ccomp", "conj")
    )


class TriggerFinder:
    def __init__(self, lexicon: Lexicon, broad: bool = True) -> None:
        self.lex = lexicon
        self.broad = broad  # propose candidates from the broad lexicon (not with --fast)
        self.statements: set[int] = set()  # words matched by a 'none' (statement) entry

    def find(self, doc: Doc, mentions: list[Mention]) -> list[Candidate]:
        head_sector: dict[int, str | None] = {}
        in_name: set[int] = set()
        for m in mentions:
            for h in m.heads:
                head_sector.setdefault(h, m.sector)
            if m.kind in ("person", "org", "country", "capital", "user", "entity"):
                in_name.update(range(m.start, m.end))
        out: list[Candidate] = []
        for tok in doc:
            if tok.pos_ in ("NOUN", "PROPN") and _manner_phrase(tok):
                continue
            pos = tok.pos_
            if pos in ("NOUN", "PROPN") and _parsed_as_verb(tok):
                pos = "VERB"  # "EU and UN hand over supplies": the tagger's noun, the parse's verb
            if pos == "VERB" or (
                pos == "AUX" and tok.lemma_ != "be" and tok.dep_ not in ("aux", "auxpass")
            ):
                if tok.dep_ == "amod":
                    continue
                cand = self._match(tok, "v", head_sector)
            elif pos in ("NOUN", "PROPN"):
                light_head = tok.dep_ == "compound" and tok.head.lemma_.lower() in LIGHT_NOUNS
                if (tok.dep_ == "compound" and not light_head) or (
                    tok.i in in_name and pos == "PROPN"
                ):
                    continue
                if pos == "PROPN" and tok.ent_type_ in NAME_ENTS:
                    continue
                if tok.ent_type_ == "DATE" and tok.lower_ in ("march", "may"):
                    continue  # "On 7 March 2020": a month, not a march
                cand = self._match(tok, "n", head_sector)
            else:
                continue
            if cand is not None:
                if cand.pos == "n" and tok.dep_ == "compound":
                    # "mediation efforts": the phrase's head carries the syntax
                    cand.tokens = tuple(sorted({*cand.tokens, tok.head.i}))
                    cand.trigger = tok.head.i
                _context_override(cand, tok)
                out.append(cand)
        out = _drop_carriers(out, doc)
        _mark_referential(out, doc, self.statements)
        return out

    def _match(self, tok: Token, pos: str, head_sector: dict[int, str | None]) -> Candidate | None:
        lemma = tok.lemma_.lower()
        entries = self.lex.entries(pos, lemma)
        if not entries and pos == "n" and tok.lower_ != lemma:
            entries = self.lex.entries(pos, tok.lower_)
        if not entries and pos == "v":
            # the lemmatizer misses rare verbs ("cordoned" -> "cordone")
            low = tok.lower_
            for suffix, repl in (("ed", ""), ("d", ""), ("ing", ""), ("s", ""), ("ied", "y")):
                if low.endswith(suffix) and self.lex.entries(pos, low[: -len(suffix)] + repl):
                    entries = self.lex.entries(pos, low[: -len(suffix)] + repl)
                    break
        if not entries:
            return self._broad(tok) if pos == "v" and self.broad else None
        if pos == "v" and lemma in QUESTION_VERBS and not asks_for_something(tok, head_sector):
            entries = [e for e in entries if e.event_type != "REQUEST" or e.particle]
        if pos == "v" and entries and entries[0].lemma == "call":
            # (also "called" the lemmatizer kept whole) "called him divisive" names him, mostly
            # in blame: no phone call (PLOVER CONSULT needs one); "called Merkel to discuss
            # Ukraine" is the call
            naming = names_something(tok)
            drop = "CONSULT" if naming else "ACCUSE"
            entries = [e for e in entries if e.event_type != drop or e.particle]
        ok: list[tuple[TriggerEntry, tuple[int, ...]]] = []
        for e in entries:
            good, toks = (_verb_entry_ok if pos == "v" else _noun_entry_ok)(tok, e)
            if good:
                ok.append((e, toks))
        if not ok:
            return None
        best_spec = max(e.specificity for e, _ in ok)
        ok = [(e, t) for e, t in ok if e.specificity == best_spec]
        if len({e.event_type for e, _ in ok}) > 1:
            chosen = self._disambiguate(tok, ok, head_sector)
        else:
            chosen = min(ok, key=lambda et: et[0].weak)
        if chosen is None:
            return None
        entry, toks = chosen
        if entry.blocks:
            self.statements.add(tok.i)
            return None
        if "partner" in entry.flags and pos == "v" and not with_a_partner(tok):
            return None  # "he talked about his faith" is a topic, not talks with anyone
        if "civic" in entry.flags and market_sense(tok):
            return None  # "shares rallied", "a two-day rally": trading, not a crowd
        if "people" in entry.flags and not acts_on_people(tok, head_sector):
            return None  # PLOVER's release frees people: not a patch, a report, a press release
        return Candidate(
            trigger=tok.i, tokens=toks, entry=entry, event_type=entry.event_type, mode=entry.mode
        )

    def _broad(self, tok: Token) -> Candidate | None:
        """A candidate from the CAMEO verb dictionary for a verb wirecoder's lexicon lacks.

        It carries the flag `broad`: only the learned decision can make it an event.
        """
        lemma = tok.lemma_.lower()
        if lemma in NEUTRAL_SPEECH:
            return None  # saying is attribution's business; what is said is the event
        particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
        entry = (particle and self.lex.broad.get(f"{lemma} {particle}")) or self.lex.broad.get(
            lemma
        )
        if entry is None:
            return None
        words = {t.lemma_.lower() for t in tok.subtree if t.i != tok.i}
        words |= {t.lower_ for t in tok.subtree if t.i != tok.i}
        reading = entry.reading(words)
        if reading is None:
            return None
        etype, mode = reading
        te = TriggerEntry(
            pos="v", lemma=entry.lemma, event_type=etype, mode=mode, flags=frozenset({"broad"})
        )
        return Candidate(trigger=tok.i, tokens=(tok.i,), entry=te, event_type=etype, mode=mode)

    @staticmethod
    def _subject_sector(tok: Token, head_sector: dict[int, str | None]) -> str | None:
        for c in tok.children:
            if c.dep_ in ("nsubj", "poss", "compound", "agent"):
                target = c
                if c.dep_ == "agent":
                    target = next((g for g in c.children if g.dep_ == "pobj"), c)
                s = head_sector.get(target.i)
                if s:
                    return s
        if tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
            return TriggerFinder._subject_sector(tok.head, head_sector)
        return None

    def _disambiguate(
        self,
        tok: Token,
        ok: list[tuple[TriggerEntry, tuple[int, ...]]],
        head_sector: dict[int, str | None],
    ) -> tuple[TriggerEntry, tuple[int, ...]] | None:
        by_type = {e.event_type: (e, t) for e, t in reversed(ok)}
        types = set(by_type)
        sent_lemmas = {t.lemma_.lower() for t in tok.sent} | {
            t.lower_[:-1] for t in tok.sent if t.lower_.endswith("s")
        }
        sector = self._subject_sector(tok, head_sector)
        if types >= {"ASSAULT", "PROTEST"} and "labor" in by_type["PROTEST"][0].flags:
            if tok.pos_ == "VERB" and any(c.dep_ in ("dobj", "obj") for c in tok.children):
                return by_type["ASSAULT"]  # a labour strike takes no object: "struck a bus"
            on_strike = tok.head.lower_ == "on" or any(c.lower_ == "on" for c in tok.children)
            if on_strike or sent_lemmas & LABOR_WORDS or sector in ("LAB", "EDU", "MED", "CVL"):
                return by_type["PROTEST"]
            return by_type["ASSAULT"]
        if types >= {"ASSAULT", "ACCUSE"}:
            obj = _object_of(tok)
            if obj is not None and obj.lemma_.lower() in VERBAL_OBJECTS:
                return by_type["ACCUSE"]
            return by_type["ASSAULT"]
        if types >= {"PROTEST", "ACCUSE"}:
            if tok.pos_ == "NOUN":
                if any(
                    c.lemma_.lower() in ("formal", "diplomatic", "official", "strong")
                    for c in tok.lefts
                ) or (tok.head.lemma_.lower() in ("lodge", "file", "register", "send")):
                    return by_type["ACCUSE"]
                return by_type["PROTEST"]
            if sector in ("GOV", "JUD", "LEG") or any(c.dep_ == "dobj" for c in tok.children):
                return by_type["ACCUSE"]
            return by_type["PROTEST"]
        if types >= {"CONSULT", "SUPPORT"}:
            visit_words = {"visit", "arrive", "delegation", "trip", "tour", "host"}
            if sent_lemmas & visit_words:
                return by_type["CONSULT"]
            return by_type["SUPPORT"]
        if types >= {"COERCE", "PROTEST"}:
            if sector in FORCE_SECTORS:
                return by_type["COERCE"]
            return by_type["PROTEST"]
        if types >= {"COERCE", "ASSAULT"}:
            if sector == "COP" or sent_lemmas & {"police", "policeman", "authority", "security"}:
                return by_type["COERCE"]
            return by_type["ASSAULT"]
        if types >= {"CONSULT", "REQUEST"}:
            preps = {c.lower_ for c in tok.children}
            if preps & {"for", "on", "upon"} or any(
                c.dep_ in ("acl", "xcomp") for c in tok.children
            ):
                return by_type["REQUEST"]
            if "with" in preps:
                return by_type["CONSULT"]
            return None
        if types >= {"AGREE", "SUPPORT"}:
            return by_type["SUPPORT"]
        return min(ok, key=lambda et: et[0].weak)


class TriggerStage:
    """Finds trigger words (verbs and nouns) that signal PLOVER events."""

    name = "triggers"
    requires = ("doc", "mentions")
    assigns = ("candidates",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        assert analysis.doc is not None
        finder = TriggerFinder(resources.lexicon, broad=not resources.config.fast)
        analysis.candidates = finder.find(analysis.doc, analysis.mentions)


__all__ = ["TriggerFinder", "TriggerStage"]
