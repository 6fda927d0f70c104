"""According to whom: the speaker and cue of reported speech, and the chain of intermediaries.

"Reuters quoted two members of parliament as saying that X" gives the events in
X the speaker "two members of parliament", the cue "saying" and via ["Reuters"].
"X, said a senior politician", "according to X", "X reported" work the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Actor, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..actors.mention import Mention
    from ..analysis import Analysis, Resources

SPEECH_VERBS = {
    "say", "tell", "report", "state", "add", "note", "claim", "announce", "insist", "quote", "confirm",
    "reveal", "declare", "write", "explain", "stress", "assert", "allege", "argue", "acknowledge",
    "admit", "warn", "cite", "disclose", "indicate", "estimate", "deny", "suggest", "believe",
    "describe", "comment", "tweet", "post", "reiterate", "emphasize", "emphasise", "assure",
    "ask", "respond", "reply", "recall", "urge", "accuse", "promise", "vow", "pledge", "predict",
    "call", "point",
}  # fmt: skip
#: speech only with their particle: "called on/for", "pointed out"
PARTICLE_SPEECH = {"call": ("on", "for", "upon"), "point": ("out",)}


def is_speech_verb(t: Token) -> bool:
    """A verb of saying ("called" only as "called on/for", "pointed" only as "pointed out")."""
    hl = t.lemma_.lower()
    return (
        t.pos_ in ("VERB", "AUX")
        and hl in SPEECH_VERBS
        and (hl not in PARTICLE_SPEECH or any(c.lower_ in PARTICLE_SPEECH[hl] for c in t.children))
    )


QUOTE_VERBS = {"quote", "cite"}
SPEECH_NOUNS = {
    "statement",
    "report",
    "announcement",
    "communique",
    "communiqué",
    "message",
    "letter",
}


class AttributionFinder:
    def __init__(self, doc: Doc, mentions: list[Mention], text: str) -> None:
        self.doc = doc
        self.text = text
        self.mentions = mentions
        self.head2m: dict[int, int] = {}
        for k, m in enumerate(mentions):
            for h in m.heads:
                self.head2m.setdefault(h, k)

    def _np_span(self, tok: Token) -> Span:
        toks = [t for t in tok.subtree if not (t.dep_ in ("relcl", "acl") and t.head.i == tok.i)]
        lo = min(t.i for t in toks)
        hi = tok.i
        for t in toks:
            if t.i > tok.i and t.dep_ not in ("punct",):
                hi = max(hi, t.i)
        while hi > tok.i and self.doc[hi].is_punct:
            hi -= 1
        s, e = self.doc[lo].idx, self.doc[hi].idx + len(self.doc[hi])
        return Span(self.text[s:e], s, e)

    def actor_for(self, tok: Token) -> tuple[int | None, Span]:
        k = self.head2m.get(tok.i)
        if k is not None:
            m = self.mentions[k]
            return k, Span(m.text, m.start_char, m.end_char)
        return None, self._np_span(tok)

    @staticmethod
    def subject_of(v: Token) -> Token | None:
        """The speaker of a speech verb; a participle or coordinated verb shares the subject
        of the verb it hangs on ("spoke out, saying that", "met reporters and said that")."""
        cur = v
        for _ in range(3):
            # the nearest subject: "Rebels, the governor told reporters, had ..." can parse
            # with two
            subjects = [c for c in cur.children if c.dep_ == "nsubj"]
            if subjects:
                return min(subjects, key=lambda c: abs(c.i - cur.i))
            if cur.dep_ not in ("advcl", "conj", "xcomp") or cur.head.i == cur.i:
                return None
            if cur.dep_ == "advcl" and cur.tag_ not in ("VBG", "VBN"):
                return None  # "..., he said when asked": a finite adverbial clause has its own
            cur = cur.head
        return None

    def speech_chain(self, tok: Token) -> list[tuple[Token, Token | None]]:
        """Speech verbs above `tok`, nearest first, with their speakers (None when unknown)."""
        chain: list[tuple[Token, Token | None]] = []
        cur = tok
        for _ in range(12):
            head = cur.head
            if head.i == cur.i:
                break
            hl = head.lemma_.lower()
            if cur.dep_ == "prep" and cur.lower_ == "as" and hl in QUOTE_VERBS:
                # "quoted X as saying ...": X is the speaker of the inner "saying"
                chain.append((head, next((c for c in head.children if c.dep_ in ("dobj",)), None)))
                cur = head
                continue
            if (
                is_speech_verb(head)
                and (
                    cur.dep_ in ("ccomp", "xcomp", "dobj", "parataxis", "pcomp")
                    # a conjunct with a subject of its own may be reported; one sharing the
                    # speaker's is the speaker's own act ("claimed X but offered no proof")
                    or (cur.dep_ == "conj" and any(c.dep_ == "nsubj" for c in cur.children))
                    # "said Friday as he entered the talks": a clause of time or reason is
                    # no content of the speech; a bare participle may be ("said, adding")
                    or (cur.dep_ == "advcl" and not any(c.dep_ == "mark" for c in cur.children))
                )
            ) or (
                # "accused X of killing", "called for talks"
                hl in ("accuse", "call")
                and cur.dep_ == "prep"
                and cur.lower_ in ("of", "for", "on")
            ):
                if hl == "quote":  # "quoted an aide": the aide speaks ("cited problems" does not)
                    speaker = next((c for c in head.children if c.dep_ in ("dobj",)), None)
                    chain.append((head, speaker))
                else:
                    chain.append((head, self.subject_of(head)))
            cur = head
        if not chain:
            # "Rebels, the minister told reporters, had attacked the convoy": a speech verb set
            # into the clause it reports hangs below it
            node = tok
            for _ in range(8):
                aside = next(
                    (
                        c
                        for c in node.children
                        if c.dep_ == "parataxis"
                        and is_speech_verb(c)
                        and not any(g.dep_ in ("ccomp", "xcomp") for g in c.children)
                    ),
                    None,
                )
                if aside is not None:
                    chain.append((aside, self.subject_of(aside)))
                    break
                if node.head.i == node.i:
                    break
                node = node.head
        # "according to X" on the trigger's clause or any clause above it
        node = tok
        for _ in range(8):
            for c in node.children:
                if c.dep_ == "prep" and c.lower_ == "according":
                    to = next((g for g in c.children if g.lower_ == "to"), None)
                    pobj = next(
                        (
                            g
                            for g in (to.children if to is not None else c.children)
                            if g.dep_ == "pobj"
                        ),
                        None,
                    )
                    if pobj is not None:
                        chain.insert(0, (c, pobj))
            if node.head.i == node.i:
                break
            node = node.head
        return chain

    def quote_cue(self, tok: Token, quotes: list[tuple[int, int]]) -> Token | None:
        """The speech verb of the quotation holding `tok`: right after it closes (\u201c...,\u201d
        said X) or, failing that, right before it opens (X said: \u201c...\u201d)."""
        at = tok.idx
        span = next(((s, e) for s, e in quotes if s <= at < e), None)
        if span is None:
            return None
        s, e = span
        doc = self.doc
        after = doc.char_span(e, e + 1, alignment_mode="expand")
        if after is not None:
            sent = after.sent
            for t in sent:
                if t.idx > e and is_speech_verb(t):
                    return t
        before = doc.char_span(max(0, s - 1), s, alignment_mode="expand")
        if before is not None:
            sent = before.sent
            found = [t for t in sent if t.idx < s and is_speech_verb(t)]
            if found:
                return found[-1]
        return None

    @staticmethod
    def trailing_speech(tok: Token) -> tuple[Token, Token] | None:
        """'Russia withdrew troops from Syria, Defence Minister Sergei Shoigu said': parsed as
        a subjectless "said" joined to the main verb, its speaker hung on the noun before it.
        The main clause is what was said."""
        root = tok.sent.root
        for verb in root.children:
            if (
                verb.dep_ == "conj"
                and is_speech_verb(verb)
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
                and verb.i > 0
            ):
                prev = verb.doc[verb.i - 1]
                while prev.dep_ != "appos" and prev.head.i != prev.i and prev.head.i < verb.i:
                    if prev.dep_ not in ("compound", "flat", "amod", "det"):
                        break
                    prev = prev.head
                if prev.dep_ == "appos" and prev.head.i < prev.i:
                    return verb, prev
        return None

    def attribute(self, tok: Token) -> tuple[int | None, Span | None, Token | None, list[str]]:
        chain = self.speech_chain(tok)
        if not chain:
            trailing = self.trailing_speech(tok)
            if trailing is None or tok.i > trailing[1].i:
                return None, None, None, []
            chain = [trailing]
        # drop "saying" when its speaker is given by an outer "quoted X as saying"
        cue, speaker_tok = chain[0]
        rest = chain[1:]
        if speaker_tok is None and rest and rest[0][0].lemma_.lower() in QUOTE_VERBS:
            speaker_tok = rest[0][1]
            rest = [(rest[0][0], self.subject_of(rest[0][0])), *rest[1:]]
        via: list[str] = []
        for _v, s in rest:
            if s is None:
                continue
            k, span = self.actor_for(s)
            name = self.mentions[k].name if k is not None else None
            name = name or span.text
            if name not in via:
                via.append(name)
        via.reverse()  # outermost first: "Reuters", then who Reuters quoted
        if speaker_tok is None:
            return None, None, cue, via
        k, span = self.actor_for(speaker_tok)
        return k, span, cue, via


def quote_spans(text: str, min_chars: int = 20) -> list[tuple[int, int]]:
    """Character spans inside quotation marks, paired within a paragraph ("..." or curly).

    A quotation left open at the end of a paragraph runs to its end, as news prints a quote
    that goes on into the next paragraph. Short ones ("scare quotes") are left out.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        open_at: int | None = None
        for i, ch in enumerate(para):
            if ch == "\u201c" or (ch == '"' and open_at is None):
                open_at = i + 1
            elif (ch == "\u201d" or ch == '"') and open_at is not None:
                if i - open_at >= min_chars:
                    spans.append((pos + open_at, pos + i))
                open_at = None
        if open_at is not None and len(para) - open_at >= min_chars:
            spans.append((pos + open_at, pos + len(para)))
        pos += len(para) + 1
    return spans


class AttributionStage:
    """Finds who the text says is the source of each event, and the intermediaries."""

    name = "attribution"
    requires = ("candidates", "mentions")
    assigns = ("candidates.speaker",)

    def __call__(self, analysis: Analysis, resources: Resources) -> None:
        doc = analysis.doc
        assert doc is not None
        finder = AttributionFinder(doc, analysis.mentions, analysis.article.text)
        quotes: list[tuple[int, int]] | None = None
        for cand in analysis.candidates:
            tok = doc[cand.trigger]
            k, span, cue, via = finder.attribute(tok)
            if cue is None:
                # a quotation whose "he said" stands outside it, often sentences away
                if quotes is None:
                    quotes = quote_spans(analysis.article.text)
                outer = finder.quote_cue(tok, quotes)
                if outer is not None:
                    cue = outer
                    speaker = finder.subject_of(outer)
                    if speaker is not None:
                        k, span = finder.actor_for(speaker)
            cand.speaker, cand.speaker_span, cand.via = k, span, via
            cand.cue = cue.i if cue is not None else None
            if not cand.sources and k is not None and _first_person_subject(tok):
                # '"We are asking the president to ...", the Speaker said': the quoted "we"
                # is the speaker's side
                cand.sources = [k]
                cand.why.append(f"quoted first person → the speaker '{analysis.mentions[k].text}'")
            if k is not None:
                _our_side(analysis, cand.sources + cand.targets, k)


FIRST_PERSON = {"we", "i"}


def _our_side(analysis: Analysis, args: list[int], speaker: int) -> None:
    """'"Our soldiers attacked ...", a Nigerian army spokesman said': what the quote calls
    "our" is of the speaker's country."""
    doc = analysis.doc
    assert doc is not None
    said_by = analysis.mentions[speaker]
    if not said_by.country:
        return
    for k in args:
        m = analysis.mentions[k]
        if m.country or m.kind == "pronoun":
            continue
        if any(c.dep_ == "poss" and c.lower_ == "our" for c in doc[m.head].children):
            m.country = said_by.country
            m.rule.append(f"'our' in a quote of '{said_by.text}'→{said_by.country}")


def _first_person_subject(tok: Token) -> bool:
    """Is the trigger's subject (or, for a noun, its owner) the quoted first person?"""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass", "poss") and c.lower_ in FIRST_PERSON | {"our", "my"}:
            return True
    head = tok.head  # "we want to meet": the subject of the verb the trigger completes
    if tok.dep_ == "xcomp" and head is not tok:
        return any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in head.children)
    return False


def speaker_actor(analysis: Analysis, k: int | None, span: Span | None) -> Actor | None:
    if k is not None:
        return analysis.mentions[k].to_actor()
    if span is not None:
        return Actor(text=span.text, start=span.start, end=span.end)
    return None


__all__ = ["AttributionFinder", "AttributionStage", "speaker_actor"]
