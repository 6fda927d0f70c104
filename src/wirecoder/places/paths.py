"""The paths from an event word to the names that say where it happened (rules 1-6 of
`places.stage`), each with its weight."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .context import country_place
from .lexicon import (
    ADV_PREPS,
    AFTERWARDS,
    ATTACKS,
    BACKED,
    BACKGROUND,
    BATTLES,
    CLIMB_DEPS,
    DEVICES,
    EVENT_NOUNS,
    LOC_PREPS,
    MEDIA,
    MOTION,
    OF_PLACE,
    PLACE_NOUNS,
    PLACE_ONLY,
    PLACE_VERBS,
    PRIZES,
    QUANTITIES,
    RELATIVE,
    REQUEST_NOUNS,
    RESIDENTS,
    SEIZE,
    SERIES,
    SHOW,
    SPEECH,
    TARGET_PREPS,
    TIME_MARKS,
    TITLES,
)
from .names import Found, NameReader, Toponym

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..actors.mentions import Mention
    from ..events.candidates import Candidate


class PathFinder(NameReader):
    """Every place reachable from an event word, by rule and weight."""

    def _prep_weight(self, v: Token, prep: Token, visit: bool) -> float:
        """How surely the object of `prep` on the word `v` is where `v` happened (0: not)."""
        p = prep.lower_
        lemma = v.lemma_.lower()
        if p in ADV_PREPS and p not in LOC_PREPS:
            return ADV_PREPS[p] if any(True for _ in self._pp_objects(prep)) else 0.0
        if p in ("towards", "toward") and v.i != self._event_i:
            return 0.0  # "killed before the rest withdrew towards Manbij": not where it happened
        if p in LOC_PREPS:
            return LOC_PREPS[p]
        objs = list(self._pp_objects(prep))
        if p in ("on", "upon", "over") and any(o.lemma_.lower() in PLACE_NOUNS for o in objs):
            return 0.85  # "protested on a central square of Berlin", "on Jolo island"
        if p == "for" and lemma in BATTLES:
            return 0.8  # "the battle for Sharqat"
        if p == "to":  # only the event's own movement: "captured them and shipped them to X"
            moving = lemma in MOTION and (v.i == self._event_i or v.i in self._purpose)
            return 0.85 if moving or visit else 0.0
        if p in ("on", "upon", "against"):
            return 0.8 if lemma in ATTACKS or v.lower_ in ATTACKS else 0.0
        if p == "over":
            return 0.0 if lemma in SPEECH or lemma in EVENT_NOUNS - ATTACKS else 0.7
        if p == "from" and lemma in SPEECH | {"speak", "address", "broadcast", "write", "call"}:
            return 0.8  # "Speaking from Berlin": where the speaker is
        if p == "from" and v.i == self._event_i:
            return 0.45 if lemma in MOTION | {"fire", "launch", "operate"} else 0.0
        return 0.0

    def _pp_objects(self, prep: Token) -> Iterator[Token]:
        """The objects of a preposition and of the prepositions coordinated with it."""
        for p in [prep, *(c for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP")]:
            for g in p.children:
                if g.dep_ in ("pobj", "pcomp"):
                    yield g
                elif g.dep_ == "prep" and g.lower_ in ("of", "to") and p.lower_ in ADV_PREPS:
                    # "out of a courthouse", "next to a bus station", "inside of Inkhil"
                    yield from (o for o in g.children if o.dep_ in ("pobj", "pcomp"))

    def _nested(self, n: Token, w: float, depth: int) -> Iterator[Found]:
        """Locative phrases the parser hung inside an argument ("killed by snipers in Mallouh")."""
        if depth > 3 or w < 0.2:
            return
        for c in n.children:
            if c.dep_ == "prep":
                p = c.lower_
                if p in LOC_PREPS and n.lemma_.lower() in TITLES and not self._acted_on(n):
                    continue  # "X, the group's leader in Mosul, was killed": where he led
                if p in LOC_PREPS:
                    for g in self._pp_objects(c):
                        for t, d in self.np_places(g, 2):
                            yield Found(t, w * LOC_PREPS[p] - d, "nested locative phrase")
                elif p == "of" and n.lemma_.lower() in RESIDENTS | PLACE_NOUNS:
                    # "residents of Kasumbalesa", "the provinces of Idlib and Aleppo"
                    rule = (
                        "residents of a place" if n.lemma_.lower() in RESIDENTS else "place named"
                    )
                    for g in self._pp_objects(c):
                        for t, d in self.np_places(g, 2):
                            yield Found(t, w - d, rule)
                elif p == "of" and n.lemma_.lower() in SERIES:
                    for g in self._pp_objects(c):  # "during a series of raids in Tikrit"
                        yield from self._nested(g, w, depth + 1)
                elif (
                    p == "of"
                    and n.lemma_.lower() in OF_PLACE
                    and n.dep_ == "pobj"
                    and n.head.lower_ in ("during", "in", "amid", "amidst", "throughout")
                ):
                    for g in self._pp_objects(c):  # "captured during the invasion of Panama"
                        for t, d in self.np_places(g, 2):
                            yield Found(t, w * 0.8 - d, "place of the event noun")
                elif p == "of" and (n.pos_ == "NUM" or n.lemma_.lower() in QUANTITIES):
                    for g in self._pp_objects(c):  # "killed dozens of people in Hasakah"
                        yield from self._nested(g, w, depth + 1)
                elif (p in ("on", "upon", "against") and n.lemma_.lower() in ATTACKS) or (
                    p == "for" and n.lemma_.lower() in BATTLES
                ):
                    for g in self._pp_objects(c):
                        for t, d in self.np_places(g, self._target_level(g)):
                            yield Found(t, w * 0.8 - d, "target of an attack")
                elif p == "over":
                    for g in self._pp_objects(c):  # "shot down two helicopters over Iraq"
                        for t, d in self.np_places(g, 1):
                            yield Found(t, w * 0.7 - d, "nested locative phrase")
                elif p not in ("according", "of", "like", "than", "as"):
                    for g in self._pp_objects(c):
                        yield from self._nested(g, w * 0.8, depth + 1)
            elif (
                c.dep_ in ("relcl", "acl")
                and n.dep_ == "nsubj"
                and n.lemma_.lower() in EVENT_NOUNS | ATTACKS | DEVICES
                and c.lemma_.lower() not in SPEECH | BACKGROUND
            ):
                # "a bomb that ripped through a disco in X killed five": the subject's own
                # clause tells where the attack or the blast was
                yield from self._descend(c, w * 0.9, False, depth + 1)
            elif c.dep_ == "acl" and c.tag_ in ("VBN", "VBG"):
                yield from self._descend(c, w * 0.6, False, depth + 1)
            elif c.dep_ == "appos":  # "Abdullah Kawasme, the Hamas leader in Hebron"
                yield from self._nested(c, w * 0.9, depth + 1)
            elif (
                c.dep_ == "relcl"
                and n.dep_ in ("dobj", "nsubjpass", "pobj")
                and depth <= 1
                and (c.tag_ == "VBG" or (n.dep_ == "pobj" and n.head.dep_ == "agent"))
                and c.lemma_ not in ("have", "be", "base", "live", "lead", "head", "command")
            ):
                # "shot a man who was riding home in X": what the victim was doing then;
                # "shot by gunmen who waited for him inside ...": where the attackers were
                yield from self._descend(c, w * 0.6, False, depth + 1)
            elif c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and n.pos_ in ("NOUN", "PROPN"):
                # "shot a policeman and a boy in the town of Tulkarm"
                yield from self._nested(c, w, depth + 1)

    def _held_by(self, obj: Token) -> Token | None:
        """ "targeting the Syrian Army (SAA) controlled villages of X": the parser makes
        "controlled" a verb of its own, with the villages its object; they are the object of
        the verb before, and the group before "controlled" only says who holds them."""
        k = obj.right_edge.i + 1
        if k >= len(self.doc) or obj.dep_ != "dobj":
            return None
        held = self.doc[k]
        if (
            held.lower_ in BACKED
            and held.tag_ in ("VBN", "VBD")
            and held.dep_ in ("advcl", "conj", "acl", "dep")
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in held.children)
            and any(g.dep_ == "dobj" for g in held.children)
        ):
            return held
        return None

    def _target_level(self, g: Token) -> int:
        """How surely the object of an attack is a place: "air strikes on ISIL" is a group,
        "the assault on Souran" a town: a bare name no tagger or dictionary calls anyone's."""
        if g.lemma_ in PLACE_NOUNS:
            return 2
        ent = self.ent_of.get(g.i)
        if (
            g.pos_ == "PROPN"
            and (ent is None or ent.label_ not in ("PERSON", "ORG", "NORP"))
            and g.i not in self.in_name
            and g.i not in self.people
            and not any(m.start <= g.i < m.end for m in self.analysis.mentions)
        ):
            return 2
        return 1

    @staticmethod
    def _acted_on(n: Token) -> bool:
        """The object of a verb, or in apposition to one ("shot Kamal, a mayor in X")."""
        return n.dep_ == "dobj" or (n.dep_ == "appos" and n.head.dep_ == "dobj")

    def _descend(
        self, x: Token, w: float, visit: bool, depth: int = 0, skip: int | None = None
    ) -> Iterator[Found]:
        """Rules 1-3 and the clauses below: what the word `x` governs, weighted by path."""
        if depth > 3 or w < 0.2:
            return
        lemma = x.lemma_.lower()
        speech = lemma in SPEECH
        subj = [c.i for c in x.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        for c in x.children:
            if c.i == skip:
                continue
            dep = c.dep_
            if dep == "advmod" and c.lower_ in ADV_PREPS:
                dep = "prep"  # "exploded next to a bus station", "close to the market of X"
            if dep in ("prep", "agent", "dative"):
                pw = self._prep_weight(x, c, visit)
                if subj and c.i < min(subj):
                    pw *= 0.7  # "In Hama province, terrorists shelled the village of X": a frame
                for g in self._pp_objects(c):
                    if g.ent_type_ in ("DATE", "TIME") and c.lower_ in ("in", "on", "at", "during"):
                        for r in g.children:  # "occurred in April, when a blast killed ..."
                            if r.dep_ == "relcl":
                                yield from self._descend(r, w * 0.55, False, depth + 1)
                    if pw:
                        rule = "locative phrase" if depth == 0 else "locative phrase below"
                        # "air strikes on ISIL": the object of an attack is a place only by name
                        level = self._target_level(g) if c.lower_ in TARGET_PREPS else 2
                        places = self.np_places(g, level)
                        for t, d in places:
                            yield Found(t, w * pw - d, f"{rule} '{c.text}'")
                        if not places and not speech:
                            # "killed in the fight for Sharqat", "in a clash with settlers in X"
                            yield from self._nested(g, w * pw * 0.85, depth)
                    elif (
                        c.lower_ == "of"
                        and x.pos_ == "NOUN"
                        and (lemma in PLACE_VERBS or lemma in OF_PLACE)
                    ):
                        for t, d in self.np_places(g, 2):
                            yield Found(t, w * 0.9 - d, "place of the event noun")
                    elif g.pos_ in ("VERB", "AUX"):  # "responded by launching airstrikes on X"
                        if c.lower_ == "before" and g.lemma_.lower() in AFTERWARDS:
                            continue  # "captured before being transferred to X": later
                        if c.lower_ in ("by", "after", "before", "while", "during", "in", "on"):
                            yield from self._descend(g, w * 0.8, visit, depth + 1)
                    elif not speech and c.lower_ not in (
                        "according",
                        "of",
                        "like",
                        "than",
                        "towards",
                    ):
                        yield from self._nested(g, w * 0.75, depth)
            elif dep in ("dobj", "nsubjpass", "obj", "oprd"):
                if lemma in PLACE_VERBS or (visit and dep == "dobj"):
                    strength = 3 if lemma in PLACE_ONLY or visit else 1
                    for t, d in self.np_places(c, strength):
                        if strength == 1 and t.head == c.i and not self.gz.lookup(t.text):
                            # "captured Ocalan in Nairobi": a name no gazetteer knows, taken
                            # by a verb that takes people too, yields to the verb's own place
                            d += 0.15
                        yield Found(t, w - d, "place acted on")
                    held = self._held_by(c)
                    if held is not None:
                        yield from self._descend(held, w, visit, depth + 1)
                elif not speech:
                    yield from self._nested(c, w * 0.7, depth)
            elif dep in ("nsubj", "attr") and (not speech or lemma == "protest"):
                # "Kurdish activists in Germany protested against the arrest": where they are
                yield from self._nested(c, w * (0.8 if dep == "attr" else 0.6), depth)
            elif dep in ("compound", "nmod", "amod", "npadvmod") and x.pos_ == "NOUN":
                mod = self.toponym(c, 1)
                if mod is not None and not self._is_country(mod):
                    yield Found(mod, w * 0.9, "place-name modifier")
            elif dep == "poss" and x.pos_ == "NOUN":
                mod = self.toponym(c, 0)
                if mod is not None and self.gz.lookup(mod.text):
                    yield Found(mod, w * 0.6, "place as possessor")
            elif dep == "npadvmod" and c.ent_type_ in ("DATE", "TIME"):
                yield from self._before_date(x, c, w)
            elif dep in ("advmod", "npadvmod") and c.lower_ in RELATIVE:
                for t, d in self.np_places(c, 1):
                    yield Found(t, w * 0.8 - d, "reference point")
            elif dep == "acl" or (dep == "conj" and c.pos_ not in ("VERB", "AUX")):
                # "111 injured in attacks in Algeria" (a parse that hangs the verb on a number)
                for g in [c, *c.children] if dep == "conj" else [c]:
                    if g.dep_ == "acl":
                        yield from self._descend(g, w * 0.7, False, depth + 1)
            elif dep == "xcomp":
                yield from self._descend(c, w * 0.9, visit, depth + 1)
            elif dep == "conj" and c.pos_ in ("VERB", "AUX"):
                if c.i > x.i and c.lemma_.lower() in AFTERWARDS:
                    continue  # "was captured and spent seven years in a Jakarta jail": later
                own_subject = any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                yield from self._descend(c, w * (0.6 if own_subject else 0.85), visit, depth + 1)
            elif dep == "advcl":
                marks = {g.lower_ for g in c.children if g.dep_ in ("mark", "advmod")}
                has_subj = any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
                if marks & {"before", "until"} and c.lemma_.lower() in AFTERWARDS:
                    continue  # "captured them before they were freed in X": later
                if marks & TIME_MARKS:
                    yield from self._descend(c, w * 0.55, False, depth + 1)
                elif not has_subj and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                    # "launched an assault to recover the villages of X"
                    yield from self._descend(c, w * 0.8, False, depth + 1)
                elif not marks and not has_subj and c.tag_ in ("VBG", "VBN"):
                    # "Speaking from Berlin, ...": a participle that frames the clause
                    yield from self._descend(c, w * 0.5, False, depth + 1)

    def _before_date(self, x: Token, date: Token, w: float) -> Iterator[Found]:
        """ "patrolled Harare Saturday", "marched in the capital Warsaw Friday": the parser
        hangs the name on the date; it belongs to the slot before it."""
        for g in date.children:
            if g.dep_ != "compound" or g.i > date.i or g.ent_type_ in ("DATE", "TIME"):
                continue
            first = min(t.i for t in g.subtree)
            prev = self.doc[first - 1] if first > 0 else None
            if prev is not None and (
                prev.lemma_.lower() in PLACE_NOUNS
                or (prev.dep_ == "pobj" and prev.head.lower_ in LOC_PREPS)
                or prev.lower_ in LOC_PREPS
            ):
                strength = 2
            elif prev is not None and prev.i == x.i and x.lemma_.lower() in PLACE_VERBS:
                strength = 1
            else:
                continue
            top = self.toponym(g, strength)
            if top is not None:
                yield Found(top, w * 0.95, "name before a date")

    def found(self, v: Token, cand: Candidate | None = None) -> list[Found]:
        """Every place reachable from the event word `v`, with its rule and weight."""
        taken = [c.lemma_.lower() for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        if v.lemma_.lower() in SEIZE and taken and all(t in PRIZES for t in taken):
            return []  # "captured the title", "captured the public imagination": no seizure
        if v.lemma_.lower() in SEIZE | {"shoot"} and (
            (taken and all(t in MEDIA for t in taken))
            or any(
                c.dep_ == "prep" and c.lower_ == "on" and g.lemma_.lower() in MEDIA
                for c in v.children
                for g in c.children
            )
        ):
            return []  # "captured on camera", "the film was shot in Slovenia": a recording
        if (
            v.lemma_.lower() == "shoot"
            and any(c.dep_ == "prt" and c.lower_ == "up" for c in v.children)
            and not taken
        ):
            return []  # "fuel prices shot up in Kinshasa": a rise, no shooting
        if v.lemma_.lower() in SHOW and any(c.dep_ in ("ccomp", "nsubjpass") for c in v.children):
            return []  # "demonstrated that it is seeking", "was demonstrated": showing, no protest
        visit = cand is not None and cand.event_type == "CONSULT" and cand.mode in ("visit", None)
        visit = visit or v.lemma_.lower() in ("visit", "trip", "tour", "journey")
        self._event_i = v.i
        self._purpose = set()
        # "flew to Damascus for talks", "went to Baghdad to meet Abadi": the movement's end
        x = v
        for _ in range(3):
            if x.dep_ == "pobj" and x.head.lower_ == "for" and x.head.head.i != x.head.i:
                self._purpose.add(x.head.head.i)
            elif x.dep_ in ("xcomp", "advcl") and any(c.lower_ == "to" for c in x.children):
                self._purpose.add(x.head.i)
            if x.head.i == x.i:
                break
            x = x.head
        out: list[Found] = list(self._descend(v, 1.0, visit))
        lemma = v.lemma_.lower()
        if (
            v.dep_ == "amod"
            and v.tag_ == "VBG"
            and v.head.i == v.i + 1
            and any(
                t.lemma_ == "be" and all(u.pos_ == "ADV" for u in self.doc[t.i + 1 : v.i])
                for t in self.doc[max(v.sent.start, v.i - 3) : v.i]
            )
            and lemma in PLACE_VERBS
        ):
            # "troops are patrolling Nablus" parsed as an adjective on "Nablus": its object
            strength = 3 if lemma in PLACE_ONLY else 1
            for t, d in self.np_places(v.head, strength):
                out.append(Found(t, 1.0 - d, "place acted on"))
        # rule 4: up the clause, to the verb that carries a noun and to coordinated verbs
        cur, w = v, 0.75
        for _ in range(4):
            if (
                cur.dep_ == "relcl"
                and cur.head.pos_ in ("NOUN", "PROPN")
                and cur.lemma_.lower() not in SPEECH
            ):
                # "the poison gas release in the Tokyo subway that killed 12"
                for t, d in self.np_places(cur.head, 1):
                    out.append(Found(t, w * 0.8 - d, "place of the antecedent"))
                break
            if cur.head.i == cur.i or cur.dep_ not in CLIMB_DEPS:
                break
            head = cur.head
            if cur.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj") and (
                head.lemma_.lower() in SPEECH
            ):
                break  # "condemned the attack": the statement's place is not the attack's
            if head.pos_ in ("VERB", "AUX", "NOUN"):
                out.extend(self._descend(head, w, visit, 1, skip=cur.i))
            cur = head
            w *= 0.85
        out.extend(self._fronted(v))
        out.extend(self._requested_by(v))
        out.extend([a for f in out if f.toponym.relative for a in self._described(f)])
        out.extend([a for f in out for a in self._contained(f)])
        return out

    def _contained(self, f: Found) -> Iterator[Found]:
        """ "in Lucciana, in upper Corsica": a locative phrase set off after a place's name says
        what contains that place; the name before is the place, however the parser hung the two."""
        tok = self.doc[f.toponym.head]
        for _ in range(4):
            if tok.dep_ == "pobj" and tok.head.lower_ in LOC_PREPS:
                break
            if tok.head.i == tok.i:
                return
            tok = tok.head
        else:
            return
        prep = tok.head
        if prep.i < 3 or self.doc[prep.i - 1].text != ",":
            return
        last = self.doc[prep.i - 2]
        if last.dep_ != "pobj" or not (
            last.head.lower_ in LOC_PREPS
            or (last.head.lower_ == "of" and last.head.head.lower_ not in RELATIVE)
        ):
            return  # not "East of Baquba, in Balad Ruz": a reference point
        if any(t.i == last.i for t in prep.ancestors):
            return  # "Lucciana" -> "in Corsica": the parser has it; the walk took the name
        name = self.toponym(last, 2)
        if name is not None and name.end == prep.i - 1:
            yield Found(name, f.weight, "place its container describes")

    def _described(self, f: Found) -> Iterator[Found]:
        """ "in Fallujah, 50 km west of Baghdad": a reference point set off after a name tells
        where that name is; the name is the place, however the parser hung the two."""
        ref = self.doc[f.toponym.head]
        for _ in range(4):  # up from "Baghdad" to "west" and "km": the reference expression
            if ref.lower_ in RELATIVE and ref.head.lower_ not in RELATIVE:
                break
            if ref.head.i == ref.i:
                return
            ref = ref.head
        else:
            return
        first = ref.left_edge.i
        if first < 2 or self.doc[first - 1].text != "," or ref.i < self.doc[first - 2].i:
            return
        name = self.toponym(self.doc[first - 2], 2)
        if name is not None and name.end == first - 1:
            yield Found(name, f.weight, "place a reference point describes")

    def _fronted(self, v: Token) -> Iterator[Found]:
        """Rule 5: "In Nablus, ..." before the main clause's subject frames the sentence."""
        sent = v.sent
        root = sent.root
        subj = [c.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        first = min(subj) if subj else root.i
        for c in root.children:
            if c.i >= first or any(t.i > first for t in c.subtree):
                continue
            if c.dep_ == "prep" and c.lower_ in LOC_PREPS:
                preps = [c]
            elif c.dep_ in ("prep", "advmod", "npadvmod"):
                # "Earlier in Khan Younis, ...", "On Tuesday in Kabul, ...", "Back in Tal Afar"
                preps = [
                    p
                    for g in (c, *c.children)
                    for p in g.children
                    if p.dep_ == "prep" and p.lower_ in LOC_PREPS
                ]
            else:
                continue
            for prep in preps:
                for g in prep.children:
                    if g.dep_ == "pobj":
                        for t, d in self.np_places(g, 2):
                            yield Found(t, 0.5 * LOC_PREPS[prep.lower_] - d, "fronted phrase")

    def _requested_by(self, v: Token) -> Iterator[Found]:
        """Rule 6: "at the request of the Syrian government": that government's country."""
        words = [v]
        while words[-1].dep_ in CLIMB_DEPS and words[-1].head.i != words[-1].i and len(words) < 4:
            words.append(words[-1].head)
        for c in (c for x in words for c in x.children):
            if c.dep_ != "prep" or c.lower_ not in ("at", "under", "upon", "on", "with", "by"):
                continue
            for noun in c.children:
                if noun.dep_ != "pobj" or noun.lemma_.lower() not in REQUEST_NOUNS:
                    continue
                for of in noun.children:
                    if of.dep_ != "prep" or of.lower_ != "of":
                        continue
                    for g in of.children:
                        m = self._country_mention(g)
                        if m is not None:
                            place = country_place(m.country)
                            if place is not None:
                                top = Toponym(
                                    m.start, m.end, m.head, m.start_char, m.end_char, m.text,
                                    [place],
                                )  # fmt: skip
                                yield Found(top, 0.4, "requested by its government")

    def _country_mention(self, tok: Token) -> Mention | None:
        for m in self.analysis.mentions:
            if (
                m.start <= tok.i < m.end
                and m.country
                and m.kind in ("country", "demonym", "role", "capital")
                and m.sector in ("GOV", None)
            ):
                return m
        return None
