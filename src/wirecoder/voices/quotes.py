"""Every attribution in an article: speaker, cue, content, kind, and the chain it came through.

The events stage attributes only the clauses holding an event; a reader wants every voice, so
this pass walks the whole parse once. A cue is a verb of saying with something said (a clause,
a quotation, a demand), "according to X", or a quotation's "he said" sentences away. The content
is the clause or the quotation; a quotation that runs on into the next sentences or paragraphs
with no cue of its own keeps its speaker. Speakers are typed: a name, an institution, an
anonymous source ("a senior politician", "two MPs", "officials") or unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..events.attribution import AttributionFinder
from ..records import Actor, Span
from .candidates import bare_verbs, colon_quotes, open_question
from .records import Quote, QuoteKind, SpeakerKind
from .speakers import speaker_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..analysis import Analysis

#: verbs that report speech or writing (a superset of the events stage's)
CUE_VERBS = frozenset({
    "accuse", "acknowledge", "add", "admit", "advise", "allege", "announce", "answer", "argue",
    "ask", "assert", "assure", "boast", "brief", "caution", "charge", "cite", "claim", "comment",
    "complain", "concede", "conclude", "confirm", "contend", "counter", "declare", "demand",
    "deny", "describe", "disclose", "emphasise", "emphasize", "explain", "inform", "insist",
    "joke", "maintain", "mention", "note", "pledge", "post", "predict", "proclaim", "promise",
    "propose", "quote", "recall", "recommend", "reiterate", "remark", "repeat", "reply",
    "report", "respond", "retort", "reveal", "say", "shout", "speak", "state", "stress",
    "suggest", "tell", "testify", "threaten", "tweet", "urge", "vow", "warn", "write", "yell",
    "call", "point", "question", "echo", "chant",
})  # fmt: skip
#: cues whose object is what was said ("announced a ceasefire", "denied the report")
OBJECT_CUES = frozenset({
    "announce", "deny", "confirm", "reveal", "report", "claim", "acknowledge", "admit",
    "allege", "predict", "propose", "promise", "pledge", "vow", "demand", "disclose",
    "recommend", "repeat", "reiterate", "tweet", "post", "write", "question", "cite",
    "mention", "describe", "echo",
})  # fmt: skip
#: cues that take a demand or an intent as an infinitive ("urged him to resign")
XCOMP_CUES = frozenset({
    "urge", "call", "ask", "promise", "pledge", "vow", "threaten", "warn", "tell", "demand",
    "advise", "recommend", "propose", "claim",
})  # fmt: skip
PARTICLES = {"call": ("on", "for", "upon"), "point": ("out",)}
_OPEN = '\u201c"'
_CLOSE = '\u201d"'
CUE_NOUNS = frozenset({
    "claim", "statement", "remark", "comment", "assertion", "allegation", "announcement",
    "warning", "promise", "pledge", "suggestion", "argument", "insistence", "charge",
    "accusation", "denial", "admission", "prediction", "report", "message",
})  # fmt: skip
_KICKERS = frozenset({
    "revealed", "watch", "exclusive", "breaking", "update", "updated", "analysis", "opinion",
    "editorial", "video", "photos", "live", "explainer", "factbox", "correction", "report",
    "review", "interview", "listen", "read", "timeline", "fact check", "op-ed", "commentary",
})  # fmt: skip
_COLON_LEAD = re.compile(
    r"^\s*[\"\u201c]?(?P<name>[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}): "
)
_DASH_NAME = re.compile(
    r"[\s\u00a0]{0,2}(?P<dash>\u2015|\u2014|\u2013|--)[\s\u00a0]{0,2}"
    r"(?P<name>[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})"
)
_SENT_END = re.compile(r"[.!?]\s")
_ABBREV = re.compile(
    r"\b(?:Mr|Ms|Mrs|Dr|Gen|Sen|Sens|Rep|Reps|Gov|Lt|Col|Sgt|Capt|Adm|St|Jr|Sr|Prof|Rev|[A-Z])\."
)


def _ends_sentence(gap: str) -> bool:
    """Does a stretch of text hold a sentence end ("Ms. Moore" does not)?"""
    return bool(_SENT_END.search(_ABBREV.sub("", gap)))


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages, quotation marks included, paired within a paragraph: "...",
    curly double quotes, the two apostrophes some papers print (''...'') and curly single
    quotes that open after a space.

    A quotation left open at a paragraph's end runs to it (news re-opens it in the next)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        open_at: int | None = None
        i = 0
        while i < len(para):
            ch = para[i]
            two = para[i : i + 2] == "''"
            if ch == "\u201c" or ((ch == '"' or two) and open_at is None):
                open_at = i
            elif (ch in _CLOSE or two) and open_at is not None:
                spans.append((pos + open_at, pos + i + (2 if two else 1)))
                open_at = None
            i += 2 if two else 1
        if open_at is not None and len(para) - open_at > 1:
            spans.append((pos + open_at, pos + len(para.rstrip())))
        for m in _SINGLE.finditer(para):
            s, e = pos + m.start(1), pos + m.end(1)
            if not any(a <= s < b for a, b in spans):
                spans.append((s, e))
        pos += len(para) + 1
    return sorted(spans)


#: ‘...’ opening after a space or a bracket, closing before a space or punctuation
_SINGLE = re.compile(
    r"(?:^|(?<=[\s(\[]))(\u2018[^\u2018\u2019\n]{1,200}?\u2019)(?=[\s.,;:!?)\]]|$)"
)


def _trimmed(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in ' \t"\u201c':
        s += 1
    while e > s and text[e - 1] in ' \t"\u201d':
        e -= 1
    return s, e


def words_in(text: str) -> int:
    return len(text.split())


@dataclass
class _Draft:
    cue: Token
    cue_span: Span
    segments: list[tuple[int, int]]
    speaker_tok: Token | None = None
    via_toks: list[Token] = field(default_factory=list)
    continued: bool = False
    how: str = "clause"  # which rule found the content (a feature of the learned check)


def _is_cue_verb(t: Token) -> bool:
    lem = t.lemma_.lower()
    if t.pos_ not in ("VERB", "AUX") or lem not in CUE_VERBS:
        return False
    if lem in PARTICLES:
        # "called on X to", "pointed out", "called the plan a failure"; not "called X on
        # Friday" (a telephone call) nor "a group called X" (a name)
        if t.dep_ == "acl":
            return False
        return any(
            (c.lower_ in PARTICLES[lem] and (c.dep_ == "prt" or _not_a_time(c)))
            or c.dep_ in ("oprd", "xcomp")
            for c in t.children
        )
    # "fair to say", "more to say": nobody says anything
    return not (
        t.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        and t.head.pos_ in ("ADJ", "NOUN", "PRON", "AUX")
    )


def _not_a_time(prep: Token) -> bool:
    """ "called on the UN", "called Friday for talks"; not "called him on Friday"."""
    objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")]
    return bool(objs) and all(g.ent_type_ not in ("DATE", "TIME") for g in objs)


def _extent(toks: list[Token]) -> tuple[int, int] | None:
    """Characters from the first to the last token, outer punctuation trimmed (a closing
    quotation mark stays when its opening one is inside)."""
    toks = sorted(toks, key=lambda t: t.i)
    while toks and ((toks[0].is_punct and toks[0].text not in _OPEN) or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space):
        last = toks[-1]
        if last.text in _CLOSE and any(t.text in _OPEN for t in toks[:-1]):
            break
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


class QuoteFinder:
    """Finds every attribution in one parsed article."""

    def __init__(self, analysis: Analysis) -> None:
        assert analysis.doc is not None
        self.analysis = analysis
        self.doc: Doc = analysis.doc
        self.text = analysis.article.text
        self.finder = AttributionFinder(self.doc, analysis.mentions, self.text)
        self.marks = quotations(self.text)

    # -- content ------------------------------------------------------------------------
    def _clause_content(self, cue: Token) -> tuple[int, int] | None:
        lem = cue.lemma_.lower()
        kids = list(cue.children)
        comp = [c for c in kids if c.dep_ == "ccomp"]
        if not comp and lem in XCOMP_CUES:
            comp = [c for c in kids if c.dep_ == "xcomp"]
        if not comp and lem in ("ask", "question"):  # "Asked if he was ..." (an advcl)
            comp = [c for c in kids if c.dep_ == "advcl" and
                    any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children)]  # fmt: skip
        if not comp and lem in ("accuse", "call", "warn", "speak", "complain", "testify", "ask"):
            comp = [
                g
                for c in kids
                if c.dep_ == "prep" and c.lower_ in ("of", "for", "on", "about", "against")
                for g in c.children
                if g.dep_ in ("pobj", "pcomp")
            ]
        if not comp and lem == "call":  # "called the plan 'a disaster'"
            oprd = [c for c in kids if c.dep_ == "oprd"]
            if oprd:
                comp = oprd + [c for c in kids if c.dep_ == "dobj"]
        if not comp and lem in OBJECT_CUES:
            comp = [c for c in kids if c.dep_ == "dobj" and c.pos_ not in ("PRON",)]
        if not comp:
            return None
        toks = [t for c in comp for t in c.subtree]
        return _extent(toks)

    def _inverted_content(self, cue: Token) -> tuple[int, int] | None:
        """ "Rebels took the town, the army said": what precedes the cue's clause in its
        sentence (the parse often hangs the cue on one conjunct only)."""
        head = cue.head
        if head.i == cue.i:
            return None
        inner = {t.i for t in cue.subtree}
        left = min(t.i for t in cue.subtree if not t.is_punct)
        if (left == 0 or not self.doc[left - 1].is_punct) and cue.sent.start != left:
            return None  # "Y, X said" sets the cue off with a comma; "As X noted, Y" opens
        as_clause = cue.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in cue.children
        )
        if cue.dep_ == "parataxis" or as_clause:
            # "Y, X said." and "Y, X said, Z.": the sentence around the cue's clause
            sent = cue.sent
            return _extent([t for t in sent if t.i not in inner])
        if head.i < cue.i and cue.dep_ == "conj" and any(c.dep_ == "nsubj" for c in cue.children):
            return _extent(list(self.doc[cue.sent.start : left]))
        return None

    def _adjacent_quote(self, cue: Token) -> tuple[int, int] | None:
        """A quotation that ends just before the cue's clause ("\u201c...,\u201d said X") or
        opens just after it ("X said: \u201c...\u201d")."""
        sent = cue.sent
        lo = sent.start_char
        best = None
        for s, e in self.marks:
            if e <= cue.idx and e > lo - 400:
                gap = self.text[e : cue.idx]
                if len(gap) < 80 and not _ends_sentence(gap) and "\n" not in gap:
                    best = (s, e) if words_in(gap) <= 6 else best
            elif s >= cue.idx + len(cue.text) and best is None:
                gap = self.text[cue.idx + len(cue.text) : s]
                lead_in = ":" in gap or gap.strip() in ("", ",") or gap.rstrip().endswith(",")
                if len(gap) < 60 and "\n" not in gap and not _ends_sentence(gap) and lead_in:
                    best = (s, e)
                break
        return best

    # -- drafts ---------------------------------------------------------------------------
    def drafts(self) -> list[_Draft]:
        out: list[_Draft] = []
        for t in self.doc:
            if any(s < t.idx < e for s, e in self.marks):
                continue  # speech reported inside a quotation is part of the quoted words
            if t.lower_ == "according":
                d = self._according(t)
            elif _is_cue_verb(t):
                d = self._verb(t)
            elif t.pos_ == "NOUN" and t.lemma_.lower() in CUE_NOUNS:
                d = self._noun(t)
            else:
                d = None
            if d is not None:
                out.append(d)
        out += self._colon_leads({d.cue.i for d in out})
        out += self._dash_credits({d.cue.i for d in out})
        out += colon_quotes(self, out)
        return out + bare_verbs(self, out)

    def _dash_credits(self, taken: set[int]) -> list[_Draft]:
        """'“...” ― Sonya Herridge': a quotation signed with a dash and a name."""
        out: list[_Draft] = []
        for s, e in self.marks:
            m = _DASH_NAME.match(self.text, e)
            if m is None:
                continue
            dash = self.doc.char_span(m.start("dash"), m.end("dash"), alignment_mode="expand")
            name = self.doc.char_span(m.start("name"), m.end("name"), alignment_mode="expand")
            if dash is None or name is None or dash.root.i in taken:
                continue
            cue = Span(m.group("dash"), m.start("dash"), m.end("dash"))
            out.append(_Draft(dash.root, cue, [(s, e)], name.root, how="dash"))
        return out

    def _noun(self, t: Token) -> _Draft | None:
        """ "Trump's claim that ...", "his remarks about ...": a noun of saying with its
        clause; the owner speaks."""
        comp = [c for c in t.children if c.dep_ in ("acl", "ccomp") and
                any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]  # fmt: skip
        if not comp:
            return None
        seg = _extent([x for c in comp for x in c.subtree])
        if seg is None:
            return None
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        return _Draft(t, Span(t.text, t.idx, t.idx + len(t)), [seg], owner, how="noun")

    def _colon_leads(self, taken: set[int]) -> list[_Draft]:
        """ "PENCE: Well, look ..." (a transcript) and "Poll: Voters ..." (a headline): a
        name of one to four capitalised words opening a line, a colon, then what they said."""
        out: list[_Draft] = []
        pos = 0
        for line in self.text.split("\n"):
            m = _COLON_LEAD.match(line)
            name = m.group("name") if m else ""
            if name.lower() in _KICKERS:
                m = None  # "Revealed: ...", "Watch: ...": a headline's label, no speaker
            # a transcript's speaker is in capitals; a headline's is one or two words
            if (
                m
                and (name.isupper() or (pos == 0 and words_in(name) <= 2))
                and words_in(line[m.end() :]) >= 2
            ):
                colon = pos + m.end("name")
                s, e = pos + m.end(), pos + len(line.rstrip())
                seg = _trimmed(self.text, s, e)
                name_s = pos + m.start("name")
                toks = self.doc.char_span(name_s, colon, alignment_mode="expand")
                cue = self.doc.char_span(colon, colon + 1, alignment_mode="expand")
                if (
                    toks is not None
                    and cue is not None
                    and seg[1] > seg[0]
                    and cue.root.i not in taken
                ):
                    out.append(
                        _Draft(
                            cue.root,
                            Span(":", colon, colon + 1),
                            [seg],
                            toks.root,
                            how="colon_lead",
                        )
                    )
            pos += len(line) + 1
        return out

    def _according(self, t: Token) -> _Draft | None:
        """ "X happened, according to Y" and "According to Y, X happened"; where the parse of
        the phrase fails ("according" as the root), the sentence around it by its commas."""
        to = next((g for g in t.children if g.lower_ == "to"), None)
        if to is None and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
            to = self.doc[t.i + 1]
        if to is None:
            return None
        who = next((g for g in to.children if g.dep_ in ("pobj", "pcomp")), None)
        if who is None:
            return None
        seg: tuple[int, int] | None = None
        if t.dep_ == "prep" and t.head.i != t.i:
            inner = {x.i for x in t.subtree}
            seg = _extent([x for x in t.head.subtree if x.i not in inner])
        if seg is None or seg[1] - seg[0] < 2:
            sent = t.sent
            first = next((x for x in sent if not (x.is_punct or x.is_space)), t)
            if first.i == t.i:  # "According to Y, X ...": after the phrase's comma
                comma = next((x for x in sent if x.i > who.i and x.text == ","), None)
                seg = _extent(list(self.doc[comma.i + 1 : sent.end])) if comma else None
            else:  # "X ..., according to Y": before it
                seg = _extent(list(self.doc[sent.start : t.i]))
        if seg is None:
            return None
        cue = Span(self.text[t.idx : to.idx + len(to)], t.idx, to.idx + len(to))
        return _Draft(t, cue, [seg], who, how="according")

    def _after_colon(self, at: int) -> tuple[int, int] | None:
        """ "Limbaugh added:" and what follows: the rest of its line, else the next paragraph
        (a quotation there whole)."""
        end = self.text.find("\n", at)
        end = len(self.text) if end < 0 else end
        if self.text[at:end].strip():
            return _trimmed(self.text, at, end)
        nxt = at + len(self.text[at:]) - len(self.text[at:].lstrip())
        if nxt >= len(self.text):
            return None
        for s, e in self.marks:
            if s == nxt:
                return s, e
        end = self.text.find("\n", nxt)
        return _trimmed(self.text, nxt, len(self.text) if end < 0 else end)

    def _verb(self, t: Token) -> _Draft | None:
        lem = t.lemma_.lower()
        if lem == "quote" and any(c.dep_ == "prep" and c.lower_ == "as" for c in t.children):
            return None  # "quoted X as saying": the inner "saying" is the cue
        if open_question(t):
            return None  # "did not say whether ...": nothing was said
        seg = self._clause_content(t)
        how = "clause"
        mark = self._adjacent_quote(t)
        if seg is None:
            seg, how = self._inverted_content(t), "inverted"
        if mark is not None and (seg is None or (seg[0] < mark[1] and mark[0] < seg[1])):
            seg, how = ((min(seg[0], mark[0]), max(seg[1], mark[1])) if seg else mark), "quote"
            # the clause parse of a quotation stops at its sentence end: the quotation wins
            if seg[0] >= mark[0] - 1 and seg[1] <= mark[1] + 1:
                seg = mark
        if seg is None and t.i + 1 < len(self.doc) and self.doc[t.i + 1].text == ":":
            seg, how = self._after_colon(self.doc[t.i + 1].idx + 1), "colon"
        if seg is None:
            return None
        speaker, via = self._speaker(t)
        if speaker is None and any(s <= t.idx < e for s, e in self.marks):
            return None  # a verb inside a quotation with nobody saying it ("Promise me ...")
        cue_toks = [t, *(c for c in t.children if c.dep_ == "prt")]
        lo = min(c.idx for c in cue_toks)
        hi = max(c.idx + len(c) for c in cue_toks)
        return _Draft(t, Span(self.text[lo:hi], lo, hi), [seg], speaker, via, how=how)

    def _speaker(self, t: Token) -> tuple[Token | None, list[Token]]:
        via: list[Token] = []
        head = t.head
        if t.dep_ == "pcomp" and head.lower_ == "as" and head.head.lemma_.lower() == "quote":
            quoter = head.head
            spk = next((c for c in quoter.children if c.dep_ == "dobj"), None)
            outer = self.finder.subject_of(quoter)
            if outer is not None:
                via.append(outer)
            return spk, via
        agent = next((c for c in t.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, via
        if t.lemma_.lower() == "quote":
            return next((c for c in t.children if c.dep_ == "dobj"), None), via
        spk = self.finder.subject_of(t)
        if spk is None:
            trailing = AttributionFinder.trailing_speech(t)
            if trailing is not None and trailing[0].i == t.i:
                spk = trailing[1]
        if spk is not None and spk.lower_ in ("who", "which", "that") and spk.head.dep_ == "relcl":
            spk = spk.head.head
        return spk, via

    # -- assembly -------------------------------------------------------------------------
    def continue_quotes(self, drafts: list[_Draft]) -> None:
        """A quotation with no cue of its own right after a direct quote continues it."""
        used = [s for d in drafts for s in d.segments]
        taken = {m for m in self.marks if any(s <= m[0] and m[1] <= e + 1 for s, e in used)}
        cue_at = sorted(d.cue.idx for d in drafts)
        for m in self.marks:
            if m in taken or words_in(self.text[m[0] : m[1]]) < 4:
                continue
            prev = [d for d in drafts if d.segments[-1][1] <= m[0]]
            if not prev:
                continue
            d = max(prev, key=lambda x: x.segments[-1][1])
            last = d.segments[-1][1]
            between = self.text[last : m[0]]
            if any(last <= c < m[1] for c in cue_at if c != d.cue.idx and c > d.cue.idx):
                continue  # a new cue in between: not a continuation
            if not any(d.segments[-1][0] <= s < e <= d.segments[-1][1] + 1 for s, e in taken):
                continue  # the earlier quote was no quotation
            if between.count("\n") > 2 or len(between) > 300:
                continue
            if words_in(between) > 8 and not between.strip().startswith(","):
                continue
            d.segments.append(m)
            d.continued = True
            taken.add(m)

    def speaker_kind(self, tok: Token | None, k: int | None) -> SpeakerKind:
        return speaker_kind(tok, k, self.analysis.mentions)

    def build(self, article_id: str, check: bool = True) -> list[Quote]:
        """The article's quotes; with `check`, only the candidates the learned check keeps."""
        drafts = self.drafts()
        if check:
            from .quote_model import checked, load_check

            model = load_check()
            drafts = [d for d in drafts if not checked(d) or model.keep(self.features(d))]
        self.continue_quotes(drafts)
        drafts.sort(key=lambda d: d.segments[0][0])
        quotes: list[Quote] = []
        for n, d in enumerate(drafts):
            segs = [Span(self.text[s:e], s, e) for s, e in d.segments]
            s0, e0 = d.segments[0][0], max(e for _, e in d.segments)
            speaker: Actor | None = None
            k: int | None = None
            if d.speaker_tok is not None:
                k, sp_span = self.finder.actor_for(d.speaker_tok)
                if k is not None:
                    speaker = self.analysis.mentions[k].to_actor()
                else:
                    speaker = Actor(text=sp_span.text, start=sp_span.start, end=sp_span.end)
            kind = self.speaker_kind(d.speaker_tok, k)
            via = []
            for v in d.via_toks:
                kv, vs = self.finder.actor_for(v)
                via.append((self.analysis.mentions[kv].name if kv is not None else None) or vs.text)
            quotes.append(
                Quote(
                    quote_id=f"{article_id}-q{n + 1}",
                    speaker=speaker,
                    speaker_kind=kind,
                    cue=d.cue_span,
                    content=Span(self.text[s0:e0], s0, e0),
                    kind=self._kind(d.segments),
                    via=via,
                    anonymous=kind == "anonymous",
                    segments=segs,
                    continued=d.continued,
                )
            )
        _chain(quotes)
        _link_events(quotes, self.analysis)
        return quotes

    def features(self, d: _Draft) -> list[str]:
        """What the learned check reads of a candidate (`quote_model.features`)."""
        from .quote_model import features

        return features(self, d)

    def _kind(self, segs: list[tuple[int, int]]) -> QuoteKind:
        inside = 0
        total = 0
        for s, e in segs:
            total += e - s
            for ms, me in self.marks:
                inside += max(0, min(e, me) - max(s, ms))
        if total and inside >= 0.9 * total:
            return "direct"
        return (
            "mixed" if inside and words_in(self.text[segs[0][0] : segs[-1][1]]) > 0 else "indirect"
        )


def _chain(quotes: list[Quote]) -> None:
    """Outer quotes whose content holds a quote's cue are its intermediaries, outermost first."""
    for q in quotes:
        outer = [
            o
            for o in quotes
            if o is not q
            and any(s.start <= q.cue.start < s.end for s in o.segments)
            and o.speaker is not None
        ]
        outer.sort(key=lambda o: o.content.end - o.content.start, reverse=True)
        names = [o.speaker_name for o in outer if o.speaker_name]
        for name in reversed(names):
            if name not in q.via:
                q.via.insert(0, name)


def _link_events(quotes: list[Quote], analysis: Analysis) -> None:
    """An event belongs to the innermost quote whose content holds its trigger."""
    for ev in analysis.events:
        at = ev.trigger.start
        holding = [q for q in quotes if any(s.start <= at < s.end for s in q.segments)]
        cue = ev.attribution.cue
        if cue is not None:
            same = [q for q in quotes if q.cue.start <= cue.start < q.cue.end]
            holding = same or holding
        if holding and ev.event_id:
            q = min(holding, key=lambda x: x.content.end - x.content.start)
            q.event_ids.append(ev.event_id)


def find_quotes(analysis: Analysis) -> list[Quote]:
    """Every attribution in the analysed article, in text order."""
    if analysis.doc is None:
        return []
    return QuoteFinder(analysis).build(analysis.article.id)


__all__ = ["CUE_VERBS", "QuoteFinder", "find_quotes", "quotations"]
