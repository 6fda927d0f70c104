"""The decisions an actor phrase goes through, one by one (actors/names.py, roles.py,
descriptors.py, countries.py): each says the thing a reader of `wirecoder actor` checks."""

from __future__ import annotations

import pytest

from wirecoder.actors.countries import country_further_on
from wirecoder.actors.descriptors import former_office, protesting, state_owner
from wirecoder.actors.mention import Mention
from wirecoder.actors.names import pronoun
from wirecoder.actors.phrases import Phrase, close_parenthesis, dictionary_hits
from wirecoder.actors.roles import RoleWord, find_role, qualifier_role
from wirecoder.actors.strings import resolve_string


def _phrase(coder, text: str, head: str) -> Phrase:
    """The phrase headed by the first token `head` of `text`, parsed as in a story."""
    doc = coder.resources.nlp(text)
    d = coder.resources.actors
    hit_at = {i: h for h in dictionary_hits(doc, d) for i in range(h.start, h.end)}
    tok = next(t for t in doc if t.text == head)
    lemmas = [t.lemma_.lower() for t in doc]
    lowers = [t.lower_ for t in doc]
    return Phrase(doc, tok, hit_at, lemmas, lowers, "2015-10-21", text, d)


def _mention(p: Phrase, sector: str | None = None) -> Mention:
    return Mention(0, p.head.i + 1, p.head.i, 0, 0, "", sector=sector, kind="role")


def _role(p: Phrase, start: int = 0) -> RoleWord:
    rw = find_role(p, start, p.head.i + 1, p.hit_at.get(p.head.i), known=False)
    assert rw is not None
    return rw


def test_it_with_no_referent_is_no_actor(coder):
    p = _phrase(coder, "It was the right time to leave.", "It")
    assert pronoun(_mention(p), p.head, p.text) is None


def test_they_is_a_group_to_resolve(coder):
    p = _phrase(coder, "They attacked the village.", "They")
    m = pronoun(_mention(p), p.head, p.text)
    assert m is not None and m.kind == "pronoun" and m.plural and not m.person


def test_role_word_heads_members_of_parliament(coder):
    p = _phrase(coder, "Two members of parliament said.", "members")
    assert _role(p, 0).role.sector == "LEG"


@pytest.mark.parametrize(
    ("text", "head", "sector"),
    [
        ("The intelligence bureau said.", "bureau", "SPY"),  # a weak word takes a weak one
        ("Rebel soldiers attacked.", "soldiers", "REB"),
        ("Anti-government protesters marched.", "protesters", "OPP"),  # against the state
    ],
)
def test_a_role_word_before_the_role_qualifies_it(coder, text, head, sector):
    p = _phrase(coder, text, head)
    q = qualifier_role(p, 0, _role(p), None)
    assert q is not None and q.sector == sector


def test_a_field_does_not_qualify_a_government_body(coder):
    p = _phrase(coder, "The tourist board said.", "board")
    assert qualifier_role(p, 0, _role(p), None) is None


def test_an_ousted_minister_is_eli(coder):
    p = _phrase(coder, "The ousted minister said.", "minister")
    why = former_office(p, _mention(p, sector="GOV"), 0, _role(p))
    assert why == ["'ousted' office holder→ELI"]
    p = _phrase(coder, "The minister said.", "minister")
    assert former_office(p, _mention(p, sector="GOV"), 0, _role(p)) == []


def test_protesting_workers_but_not_protesting_police(coder):
    p = _phrase(coder, "Protesting workers marched.", "workers")
    assert protesting(p, _mention(p, sector="LAB"), 0, _role(p))
    p = _phrase(coder, "Protesting police marched.", "police")
    assert not protesting(p, _mention(p, sector="COP"), 0, _role(p))


def test_state_news_agency_is_the_states(coder):
    p = _phrase(coder, "The state news agency said.", "agency")
    owner = state_owner(p, _mention(p, sector="JRN"), 0, _role(p))
    assert owner is not None and owner.text == "state"
    p = _phrase(coder, "The private news agency said.", "agency")
    assert state_owner(p, _mention(p, sector="JRN"), 0, _role(p)) is None


def test_country_deep_in_of_phrases(coder):
    text = (
        "The Minister of Foreign Affairs and Expatriates of the Hashemite Kingdom of Jordan said."
    )
    p = _phrase(coder, text, "Minister")
    deep = country_further_on(p, _role(p))
    assert deep is not None and deep.country == "JOR"


@pytest.mark.parametrize(
    ("text", "closed"), [("Nigerian Air Force (NAF) said", True), ("the army said", False)]
)
def test_a_phrase_closes_its_parenthesis(coder, text, closed):
    doc = coder.resources.nlp(text)
    # the phrase as the parser may cut it: up to the acronym, without ")"
    end = next(t.i for t in doc if t.text == ")") if closed else 2
    assert (close_parenthesis(doc, 0, end) == end + 1) is closed


def test_a_longer_role_around_a_name_is_not_that_name(coder):
    # (a union no list knows; the Nigeria Labour Congress is in orgs_civil.tsv since stop 28)
    m = resolve_string("the Zambia Labour Congress", coder.resources, "2015-10-21")
    assert m is not None
    assert (m.country, m.sector, m.name) == ("ZMB", "LAB", None)  # not the US Congress
    assert "'labour congress' is more than US Congress" in m.rule
