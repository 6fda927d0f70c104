"""The team's further actor lists (actors/data: companies, opposition, armed-group leaders, heads
of international organisations, other people and media): names news gives alone resolve to
the right country and sector on the story's date, and every row is well formed."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from wirecoder.actors.build import MORE_LISTS
from wirecoder.actors.dictionary import DATA, NONSTATE, SECTORS
from wirecoder.actors.strings import resolve_string

#: companies: multinationals MNC BUS, state-owned firms their state's BUS
COMPANIES = [
    ("ExxonMobil", "2015-06-01", "MNC", "BUS"),
    ("Gazprom", "2015-06-01", "RUS", "BUS"),  # state-owned: its state, business
    ("Saudi Aramco", "2019-09-14", "SAU", "BUS"),
    ("Bank of America", "2008-09-15", "MNC", "BUS"),  # not the US government's bank
    ("General Motors", "2009-06-01", "MNC", "BUS"),  # "General" is no officer here
    ("Toyota", "2010-02-01", "MNC", "BUS"),  # the carmaker, not the Japanese town
    ("Facebook", "2018-03-20", "MNC", "BUS"),
    ("Tokyo Electric Power", "2011-03-15", "JPN", "BUS"),
]


#: opposition leaders: OPP in opposition, their office when they held one
OPPOSITION = [
    ("Morgan Tsvangirai", "2005-03-01", "ZWE", "OPP"),  # MDC leader
    ("Morgan Tsvangirai", "2010-03-01", "ZWE", "GOV"),  # prime minister 2009-2013
    ("Morgan Tsvangirai", "2016-03-01", "ZWE", "OPP"),  # in opposition again
    ("Aung San Suu Kyi", "2010-11-13", "MMR", "OPP"),
    ("Anwar Ibrahim", "2015-02-10", "MYS", "OPP"),
    ("Anwar Ibrahim", "2023-01-10", "MYS", "GOV"),
    ("Tsikhanouskaya", "2021-05-01", "BLR", "OPP"),
    ("Kemal Kilicdaroglu", "2017-07-09", "TUR", "OPP"),
    ("Liu Xiaobo", "2010-10-08", "CHN", "OPP"),
]


#: leaders of armed groups and cartels
ARMED_LEADERS = [
    ("Abu Musab al-Zarqawi", "2005-06-01", "IRQ", "REB"),  # al-Qaeda in Iraq: Iraq's
    ("Khalid Sheikh Mohammed", "2008-06-05", "IMG", "REB"),  # al-Qaeda: transnational
    ("Joseph Kony", "2012-03-08", "UGA", "REB"),
    ("El Chapo", "2016-01-08", "MEX", "CRM"),
    ("Mullah Baradar", "2020-02-29", "AFG", "REB"),  # signed the Doha deal
    ("Mullah Baradar", "2022-02-01", "AFG", "GOV"),  # in the Taliban government
    ("Abdullah Ocalan", "2013-03-21", "TUR", "REB"),
]


#: heads of international organisations, on their dates
IGO_HEADS = [
    ("Yukiya Amano", "2015-07-14", "UNO", "GOV"),  # IAEA: a UN body
    ("Mohamed ElBaradei", "2005-10-07", "UNO", "GOV"),  # IAEA head then
    ("Mohamed ElBaradei", "2012-01-15", "EGY", "OPP"),  # an Egyptian opposition leader later
    ("Christine Lagarde", "2015-06-01", "IGO", "GOV"),  # IMF, before the ECB
    ("Mario Draghi", "2012-07-26", "EUR", "GOV"),  # ECB, before Italy's government
    ("Fatou Bensouda", "2019-12-20", "IGO", "JUD"),  # ICC prosecutor
    ("Amy Pope", "2024-05-16", "UNO", "GOV"),  # IOM head, not a pope
]


#: former leaders, clergy, journalists and media
OTHERS = [
    ("Margaret Thatcher", "1985-02-14", "GBR", "GOV"),
    ("Thatcher", "2013-04-08", "GBR", "ELI"),  # long out of office: a former official
    ("Roman Abramovich", "2005-01-01", "RUS", "GOV"),  # governor of Chukotka
    ("Roman Abramovich", "2022-03-10", "RUS", "BUS"),  # a businessman outside the office
    ("Patriarch Kirill", "2022-05-01", "RUS", "REL"),
    ("Jamal Khashoggi", "2018-10-02", "SAU", "JRN"),
    ("Kommersant", "2015-06-01", "RUS", "JRN"),
    ("The Economist", "2015-06-01", "GBR", "JRN"),  # not an economist (EDU)
]

#: legislators, regional heads and people without office (stop 27)
LEGISLATORS_REGIONS_PEOPLE = [
    ("Lindsey Graham", "2016-05-01", "USA", "LEG"),  # a senator, not a former official
    ("Lindsey Graham", "2001-05-01", "USA", "LEG"),  # a House member before the Senate
    ("Andrew Cuomo", "2016-05-01", "USA", "GOV"),  # governor of New York 2011-2021
    ("Andrew Cuomo", "2022-05-01", "USA", "ELI"),  # out of office
    ("Nitish Kumar", "2016-05-01", "IND", "GOV"),  # chief minister of Bihar
    ("Edward Snowden", "2014-01-01", "USA", "CVL"),
    ("Donald Trump", "2010-05-01", "USA", "BUS"),  # before politics: a businessman
    ("Donald Trump", "2016-05-01", "USA", "PTY"),  # a party's candidate
    ("Donald Trump", "2018-05-01", "USA", "GOV"),
]

#: ministers, finance, security and party people, parties and organisations (stop 28)
STOP28 = [
    ("Ko Ko", "2013-05-01", "MMR", "GOV"),  # Myanmar's home affairs minister 2011-2016
    ("Haruhiko Kuroda", "2015-05-01", "JPN", "GOV"),  # governor of the Bank of Japan
    ("Ajit Doval", "2015-05-01", "IND", "GOV"),  # national security adviser
    ("Marine Le Pen", "2015-05-01", "FRA", "OPP"),  # not a marine (MIL)
    ("Nigel Farage", "2015-05-01", "GBR", "OPP"),
    ("Alternative for Germany", "2017-09-01", "DEU", "PTY"),
    ("Guardia Civil", "2015-05-01", "ESP", "COP"),
    ("B'Tselem", "2015-05-01", "ISR", "SOC"),
    ("Nigeria Labour Congress", "2015-05-01", "NGA", "LAB"),  # not the US Congress
]


@pytest.mark.parametrize(
    ("name", "date", "country", "sector"),
    COMPANIES
    + OPPOSITION
    + ARMED_LEADERS
    + IGO_HEADS
    + OTHERS
    + LEGISLATORS_REGIONS_PEOPLE
    + STOP28,
)
def test_names_of_the_lists_resolve_alone_on_their_date(coder, name, date, country, sector):
    m = resolve_string(name, coder.resources, date)
    assert m is not None
    assert (m.country, m.sector) == (country, sector), m.rule


_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.mark.parametrize("fname", [f for f, _ in MORE_LISTS])
def test_list_rows_are_well_formed(fname):
    """Known country and sector codes, dates as years, months or days, from before to."""
    from wirecoder.actors.build import _read_rows  # the loader's own reader

    path = resources.files(DATA).joinpath(fname)
    countries = {r["iso3"] for _, r in _read_rows(resources.files(DATA) / "countries.tsv", "")}
    rows = list(_read_rows(path, fname))
    assert rows
    for lineno, row in rows:
        where = f"{fname}:{lineno} {row['name']}"
        assert row["names"] and row["name"], where
        assert row["country"] in countries | NONSTATE, where
        assert row["sector"] in SECTORS or not row["sector"], where
        for key in ("from", "to"):
            assert not row[key] or _DATE.match(row[key]), where
        if row["from"] and row["to"]:
            assert row["from"] <= row["to"], where
