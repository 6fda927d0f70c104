"""Word senses PLOVER's definitions settle from the parse: a question is no request, a release
frees people, talks need a partner. The trigger finder asks these before proposing an event."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: verbs that request only when the text says what is asked for; otherwise they put a question
QUESTION_VERBS = {"ask", "inquire", "enquire"}
_NOT_ASKED_FOR = {"question", "questions", "this", "that", "it", "what", "something"}


def asks_for_something(tok: Token, actors: Collection[int] = ()) -> bool:
    """Is this "ask" a request (PLOVER REQUEST: asking for an action or a thing) rather than a
    question? "asked him to leave", "asked for help", "asked permission" request; "asked if
    the wall would be built", "asked about the e-mails", "'Why?' he asked" question. An
    object that is an actor (`actors`: head tokens of mentions) is whom, not what, is asked."""
    for c in tok.children:
        if c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for"):
            return True
        if c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return True  # "asked a coalition, the Cotton Campaign, to end a boycott"
        if (
            c.dep_ == "dobj"
            and c.i not in actors
            and c.lower_ not in _NOT_ASKED_FOR
            and c.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP")
            and c.pos_ == "NOUN"
            and c.lemma_.lower() not in _NOT_ASKED_FOR
        ):
            return True
        if c.dep_ == "ccomp" and any(
            g.dep_ == "aux" and g.lower_ in ("should", "must") for g in c.children
        ):
            return True  # "asked that the troops should leave"
    return False


_QUOTES = {'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"}


def names_something(tok: Token) -> bool:
    """Is this "call" the naming sense ("called him divisive", "calling them 'smoke
    screens'", "called the slaying 'a cold act'") rather than a call to someone? A predicate
    on the object (an `oprd`, a second object, or a quotation after the object) says so; a
    purpose clause does not ("called Merkel to discuss Ukraine" is a phone call)."""
    kids = [c for c in tok.children if c.ent_type_ not in ("DATE", "TIME")]  # "called Wednesday"
    objs = [c for c in kids if c.dep_ == "dobj"]
    if objs and objs[0].lower_ in ("what", "which"):
        return False  # a thing named ("what authorities called the biggest raid")
    if any(c.dep_ == "oprd" for c in kids) or len(objs) > 1:
        return True
    return bool(objs) and any(
        c.dep_ == "punct" and c.text in _QUOTES and c.i > objs[0].i for c in kids
    )


def what_is_acted_on(tok: Token) -> list[Token]:
    """The words for what a verb or noun acts on: the direct object, the subject of a passive,
    the noun a participle modifies ("prisoners released by X"), a noun's of-phrase, possessor
    or compound ("the release of the hostages", "his release", "hostage release"), with the
    words coordinated with each."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass", "poss", "compound"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ == "of":
            out.extend(g for g in c.children if g.dep_ == "pobj")
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        out.append(tok.head)
    return out + [cj for t in out for cj in t.conjuncts]


#: nouns that count people ("dozens of activists", "a group of prisoners")
_COUNTING = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
             "group", "batch", "number", "handful", "all", "some", "most", "many", "none"}  # fmt: skip
#: endings of nouns for people ("prisoner", "detainee", "activist", "civilian", "protestant")
_PERSON_ENDINGS = ("er", "ers", "or", "ors", "ist", "ists", "ee", "ees", "ian", "ians", "ant",
                   "ants", "ent", "ents", "man", "men", "ive", "ives")  # fmt: skip


def _people_like(t: Token, actors: Collection[int], depth: int = 0) -> bool:
    if t.i in actors or t.pos_ == "PRON" or t.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return True
    if (t.like_num or t.lower_ in _COUNTING) and depth < 2:
        of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        return not of or any(_people_like(g, actors, depth + 1) for g in of)
    return t.pos_ in ("NOUN", "PROPN") and t.lower_.endswith(_PERSON_ENDINGS)


def acts_on_people(tok: Token, actors: Collection[int]) -> bool:
    """Does the word act on people or groups? An actor (`actors`: head tokens of mentions), a
    pronoun, a name, a count of them ("dozens of activists", "two") or a noun for people
    ("prisoners", "ex-ministers"): "released five hostages" does; "released a patch", "a
    press release" do not."""
    acted_on = what_is_acted_on(tok)
    # no object the parse can find ("freed on bail two ex-ministers"): nothing says otherwise
    return not acted_on or any(_people_like(t, actors) for t in acted_on)


def with_a_partner(tok: Token) -> bool:
    """Talks need someone to talk with: a with/to phrase, an object, or several subjects
    ("the two leaders talked"); a topic alone ("talked about the border") is no meeting."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("with", "to", "between", "among"):
            return True
        if c.dep_ in ("dobj", "iobj", "dative"):
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and (c.tag_ in ("NNS", "NNPS") or c.conjuncts):
            return True
        if c.dep_ == "nsubj" and c.lower_ in ("we", "they"):
            return True
    return not any(c.dep_ == "prep" and c.lower_ in ("about", "on", "of") for c in tok.children)


#: words of trading: "shares rallied", "a two-day rally on Wall Street", "the market's rally"
MARKET_WORDS = {"share", "stock", "market", "index", "price", "dollar", "euro", "yen", "currency",
                "bond", "equity", "investor", "trader", "trading", "future", "commodity", "oil",
                "gold", "dow", "nasdaq", "nikkei", "ftse", "bourse", "exchange", "rupee", "rand",
                "peso", "sterling", "yuan", "crude", "earnings", "session"}  # fmt: skip
#: people who rally in the street; their presence keeps the political sense
_CROWD = {"protester", "protestor", "demonstrator", "supporter", "activist", "crowd", "worker",
          "student", "member", "people", "thousand", "hundred", "party", "union", "voter"}  # fmt: skip


def market_sense(tok: Token) -> bool:
    """Is this rally a market's? Its subject, modifiers or phrases name
    trading, or its sentence speaks of markets and of no crowd. PLOVER's PROTEST is people's."""
    near = [c for c in tok.children if c.dep_ in ("nsubj", "poss", "compound", "amod", "npadvmod")]
    near += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if tok.dep_ in ("dobj", "pobj", "nsubj") and tok.head.lemma_.lower() in MARKET_WORDS:
        return True
    if any(t.lemma_.lower() in MARKET_WORDS for t in near):
        return True
    lemmas = {t.lemma_.lower() for t in tok.sent}
    return bool(lemmas & MARKET_WORDS) and not lemmas & _CROWD


__all__ = [
    "MARKET_WORDS",
    "QUESTION_VERBS",
    "acts_on_people",
    "asks_for_something",
    "market_sense",
    "what_is_acted_on",
    "with_a_partner",
]
