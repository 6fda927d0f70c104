"""The dated actor knowledge base (actors/data/phoenix_actors.tsv, from the Phoenix dictionaries):
who holds which office on the article's date, and the article's context before the KB."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wirecoder.actors.strings import resolve_string

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("name", "date", "country", "sector"),
    [
        ("A.K. Antony", "2010-05-01", "IND", "GOV"),  # defence minister from 2006
        ("Esperanza Cabral", "2012-01-10", "PHL", "ELI"),  # after it: an elite of the Philippines
        ("Esperanza Cabral", "2008-01-10", "PHL", "GOV"),  # health secretary 2006-2010
        ("Aden Abyan Islamic Army", "2012-01-01", "YEM", "REB"),
    ],
)
def test_knowledge_base_resolves_lone_names_on_their_date(coder, name, date, country, sector):
    m = resolve_string(name, coder.resources, date)
    assert m is not None
    assert (m.country, m.sector) == (country, sector), m.rule
    assert any("phoenix_actors.tsv" in r for r in m.rule)


@pytest.mark.parametrize(
    ("name", "date", "country", "sector"),
    [
        ("Herman Van Rompuy", "2011-01-10", "EUR", "GOV"),  # European Council president
        ("Herman Van Rompuy", "2009-03-01", "BEL", "GOV"),  # Belgian prime minister
        ("Aden Duale", "2023-05-01", "KEN", "GOV"),
        ("Abiy Ahmed", "2019-05-01", "ETH", "GOV"),
        ("the Taliban", "2015-05-01", "AFG", "REB"),
        ("the Taliban", "2022-05-01", "AFG", "GOV"),
        ("CJNG", "2019-05-01", "MEX", "CRM"),
    ],
)
def test_team_lists_resolve_office_holders_and_groups_on_their_date(
    coder, name, date, country, sector
):
    m = resolve_string(name, coder.resources, date)
    assert m is not None
    assert (m.country, m.sector) == (country, sector), m.rule


@pytest.mark.parametrize(
    ("name", "date", "sector"),
    [
        ("Hamid Karzai", "2012-05-01", "GOV"),  # president 2001-2014 in both lists
        ("Hamid Karzai", "2016-05-01", "ELI"),  # Phoenix leaves his term open; the team's ends
        ("Jacob Zuma", "2019-05-01", "ELI"),  # resigned in February 2018
    ],
)
def test_an_open_phoenix_term_ends_where_the_team_lists_end_it(coder, name, date, sector):
    m = resolve_string(name, coder.resources, date)
    assert m is not None
    assert m.sector == sector, m.rule


@pytest.mark.parametrize(
    ("name", "date", "sector"),
    [
        ("Barack Obama", "2016-12-30", "GOV"),
        ("Barack Obama", "2017-05-01", "ELI"),  # a term listed as 2009-2017 ended on January 20
        ("Donald Trump", "2021-06-01", "ELI"),
        ("Joe Biden", "2018-06-01", "ELI"),  # between vice president and president
        ("Joe Biden", "2020-06-01", "PTY"),  # the campaign
        ("Hillary Clinton", "2016-03-01", "PTY"),  # a candidate holding no office
        ("Hillary Clinton", "2018-03-01", "ELI"),
    ],
)
def test_terms_end_on_their_day_and_candidates_are_their_party(coder, name, date, sector):
    m = resolve_string(name, coder.resources, date)
    assert m is not None
    assert (m.country, m.sector) == ("USA", sector), m.rule


def test_descriptor_in_the_phrase_wins_over_the_knowledge_base(coder):
    m = resolve_string("European Union President Herman Van Rompuy", coder.resources, "2011-01-10")
    assert m is not None and m.country == "EUR"


def test_a_former_official_abroad_is_a_namesake_in_a_one_country_story(coder):
    text = (
        "Barry Whiteside was found dead in his home in Detroit, Michigan, on Sunday. "
        "Police in Detroit said Barry Whiteside had been shot. "
        "Detroit police arrested a neighbour on Monday."
    )
    # the KB has a Fijian official of that name from 2011; in 2009 he held no office there
    a = coder.analyze({"text": text, "date": "2009-03-04"})
    barry = [m for m in a.mentions if m.text == "Barry Whiteside"]
    assert barry and all(m.country == "USA" for m in barry)
    # in a story about Fiji the same name is the Fijian official
    fiji = coder.analyze(
        {"text": "Fiji's Barry Whiteside met ministers in Suva.", "date": "2009-03-04"}
    )
    assert any(m.country == "FJI" for m in fiji.mentions if "Whiteside" in m.text)


def test_a_name_before_its_first_office_abroad_is_a_namesake(coder):
    # the team's list has a Mohammad Yaqoob as Afghanistan's defence minister from 2021
    text = (
        "A policeman identified as Mohammad Yaqoob was killed by militants in Pulwama "
        "District on Monday. Police in Srinagar said the militants escaped."
    )
    a = coder.analyze({"text": text, "date": "2016-08-23"})
    yaqoob = [m for m in a.mentions if m.text == "Mohammad Yaqoob"]
    assert yaqoob and all(m.country == "IND" for m in yaqoob), [m.rule for m in yaqoob]
    later = coder.analyze({"text": text, "date": "2022-08-23"})  # in office: news abroad
    assert any(m.country == "AFG" for m in later.mentions if m.text == "Mohammad Yaqoob")


def test_lowercase_phrases_are_not_knowledge_base_names(coder):
    m = resolve_string("an islamic group", coder.resources, "2012-01-01")
    assert m is None or not any("phoenix_actors.tsv" in r for r in m.rule)


def test_an_english_plural_alone_is_no_knowledge_base_name(coder):
    # Phoenix lists "Mavericks" for the French Francs-Tireurs: the Dallas Mavericks are not
    m = resolve_string("the Dallas Mavericks", coder.resources, "2016-05-22")
    assert m is not None and m.country != "FRA" and m.sector != "REB"


@pytest.mark.shared
def test_shipped_knowledge_base_is_what_the_script_builds(shared, tmp_path):
    out = tmp_path / "kb.tsv"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts/build_actor_kb.py"), "--data", str(shared / "data"),
         "--out", str(out)],
        check=True, capture_output=True,
    )  # fmt: skip
    shipped = ROOT / "src/wirecoder/actors/data/phoenix_actors.tsv"
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")
