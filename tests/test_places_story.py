"""Places follow the story: a person's name is no town, a seat of government is its capital,
an ambiguous town is the article's country's, and an administrative unit keeps its name.
Hand-written texts; the judges' complaints (issue 15) in miniature."""

from __future__ import annotations

import pytest

from wirecoder.places.context import person_names
from wirecoder.places.gazetteer import load_gazetteer
from wirecoder.places.stage import locate_token


def place_of(coder, text: str, word: str, nth: int = 0):
    """The location the rules give the event at the `nth` token spelled `word`."""
    analysis = coder.analyze(text, date="2021-05-04")
    assert analysis.doc is not None
    index = [t.i for t in analysis.doc if t.text == word][nth]
    return locate_token(analysis, index, coder.resources.gazetteer)


# -- a person is never a place ------------------------------------------------------------


def test_a_name_the_article_uses_for_a_person_is_no_place(coder):
    # "Harris" is a town in the gazetteer's reach; here it is the man who speaks
    text = "The senator visited Harris on Tuesday. Harris said the talks went well."
    loc = place_of(coder, text, "visited")
    assert loc is None or "Harris" not in loc.text


def test_the_evidence_for_a_person(coder):
    gz = load_gazetteer()
    text = (
        "Uhuru Kenyatta met opposition leaders on Monday. Mr. Odinga thanked him, "
        "and Ruto said the talks would go on. Beirut said it welcomed the meeting."
    )
    names = person_names(coder.analyze(text), gz)
    assert {"kenyatta", "odinga", "ruto"} <= names
    assert "beirut" not in names  # a capital that speaks is its government
    assert "uhuru" not in names  # a first name says nothing


def test_a_person_s_surname_does_not_hide_the_town_he_is_in(coder):
    text = "Mr. Kamal said on Friday that gunmen had attacked a checkpoint in Mosul."
    loc = place_of(coder, text, "attacked")
    assert loc is not None and loc.text == "Mosul" and loc.country == "IRQ"


# -- seats of government ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "name", "iso3"),
    [
        ("Biden met Macron at the White House on Monday.", "met", "Washington, D.C.", "USA"),
        ("Protesters gathered outside the Kremlin on Sunday.", "gathered", "Moscow", "RUS"),
        ("Hundreds protested in Downing Street on Saturday.", "protested", "London", "GBR"),
    ],
)
def test_a_seat_of_government_is_its_capital(coder, text, word, name, iso3):
    loc = place_of(coder, text, word)
    assert loc is not None and (loc.name, loc.country) == (name, iso3)
    assert loc.lat is not None and loc.lon is not None


def test_the_white_house_is_never_casablanca_even_in_a_moroccan_story():
    gz = load_gazetteer()
    best = gz.best("the White House", {"MAR": 1.0})
    assert best is not None and best.country == "USA"
    assert best.lat is not None and 38.0 < best.lat < 39.5  # Washington, not Tennessee


# -- the article's country ----------------------------------------------------------------


def test_an_ambiguous_town_takes_the_article_s_country_over_towns_it_names_abroad(coder):
    # an Argentine story that names Spanish towns: Cordoba is Argentina's
    text = (
        "Police arrested three men in Cordoba on Friday. Argentina's security minister said "
        "the men had links to gangs in Seville and Madrid. Argentine courts will try them."
    )
    loc = place_of(coder, text, "arrested")
    assert loc is not None and loc.text == "Cordoba" and loc.country == "ARG"


def test_the_actors_country_outranks_the_country_its_towns_are_in(coder):
    text = (
        "Protesters clashed with police in Valencia on Monday. Venezuelan opposition leaders "
        "said the protests would spread from Valencia to Madrid and Barcelona, where exiles "
        "live. Venezuela's government blamed Spain."
    )
    loc = place_of(coder, text, "clashed")
    assert loc is not None and loc.country == "VEN"


def test_a_capital_abroad_is_still_the_capital(coder):
    text = (
        "The Colombian president flew to Paris on Monday. Colombia's foreign minister "
        "said the visit would strengthen ties. Bogota hopes for more trade."
    )
    loc = place_of(coder, text, "flew")
    assert loc is not None and loc.country == "FRA"


# -- administrative units keep their name -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "where", "iso3", "feature"),
    [
        (
            "Gunmen killed five people in the Satkania sub-district of Chittagong District.",
            "killed",
            "Satkania sub-district",
            "BGD",
            "district",
        ),
        (
            "Troops killed four militants in Bannu district of Khyber Pakhtunkhwa province.",
            "killed",
            "Bannu district",
            "PAK",
            "district",
        ),
        ("Floods killed 30 people in Sindh province.", "killed", "Sindh province", "PAK", "admin1"),
    ],
)
def test_an_administrative_unit_keeps_its_name(coder, text, word, where, iso3, feature):
    loc = place_of(coder, text, word)
    assert loc is not None and loc.text == where
    assert (loc.country, loc.feature) == (iso3, feature)
    assert loc.name != "District" and where.split()[0] in loc.name + loc.text


def test_an_unknown_district_is_a_district_of_no_known_point(coder):
    loc = place_of(coder, "Clashes erupted in Shangla district, police said.", "erupted")
    assert loc is not None and loc.text == "Shangla district"
    assert loc.feature == "district" and loc.lat is None


# -- a village the tagger misreads as a person stays a place ------------------------------


@pytest.mark.parametrize(
    ("text", "word", "where"),
    [
        ("Troops launched an attack in the area of Abu Leiha on Saturday.", "attack", "Abu Leiha"),
        ("Supporters marched through the streets in Damanhour on Friday.", "marched", "Damanhour"),
        (
            "Gunmen killed seven fighters in the village of Qaza Ali on Monday.",
            "killed",
            "Qaza Ali",
        ),
    ],
)
def test_a_village_read_as_a_person_in_a_place_slot_is_a_place(coder, text, word, where):
    loc = place_of(coder, text, word)
    assert loc is not None and where in loc.text


def test_a_name_in_a_place_slot_is_no_evidence_of_a_person(coder):
    gz = load_gazetteer()
    text = "Fighting raged in the area of Abu Leiha on Saturday. Ahmed Karimi said the town fell."
    names = person_names(coder.analyze(text), gz)
    assert "karimi" in names  # the man who speaks
    assert "abu leiha" not in names and "leiha" not in names


# -- a deed without a place of its own takes the story's -----------------------------------


def _deed(start: int, etype: str, sentence: int, **kw):
    from wirecoder.records import Event, Span

    return Event(
        article_id="a", sentence_index=sentence, sentence="s", event_type=etype,
        trigger=Span("t", start, start + 1), **kw,
    )  # fmt: skip


def _place(name: str, country: str | None):
    from wirecoder.records import Location

    return Location(name=name, country=country, lat=None, lon=None, start=0, end=len(name))


def _party(country: str):
    from wirecoder.records import Actor

    return Actor(text=country, start=0, end=1, country=country, sector="COP")


def test_a_deed_without_a_place_takes_the_nearest_earlier_one_and_says_which():
    from wirecoder.places.story import inherit_places

    first = _deed(0, "ASSAULT", 0, location=_place("Sylhet", "BGD"))
    later = _deed(90, "COERCE", 2, location=_place("Dhaka", "BGD"))
    arrest = _deed(150, "COERCE", 3)
    assert inherit_places([first, later, arrest]) == 1
    assert arrest.location is not None and arrest.location.name == "Dhaka"
    assert arrest.provenance["location"] == later.trigger
    assert arrest.location is not later.location  # a copy: editing one leaves the other


def test_history_takes_no_place_and_a_foreign_place_is_not_taken():
    from wirecoder.places.story import inherit_places

    raid = _deed(0, "COERCE", 0, location=_place("Peshawar", "PAK"))
    said = _deed(40, "ACCUSE", 1)  # what someone said there: the story's place too
    past = _deed(80, "ASSAULT", 2, historical=True)  # background history happened elsewhere
    abroad = _deed(120, "COERCE", 3, source=[_party("GBR")])  # British police: not Peshawar
    village = _deed(160, "ASSAULT", 4, location=_place("Garubula", None))  # its own, unmapped
    assert inherit_places([raid, said, past, abroad, village]) == 1
    assert village.location is not None and village.location.name == "Garubula"
    assert said.location is not None and said.location.name == "Peshawar"
    assert past.location is None and abroad.location is None


def test_a_headline_takes_the_first_place_the_body_gives():
    from wirecoder.places.story import inherit_places

    headline = _deed(0, "ACCUSE", 0)  # "Nicaragua Charges Man ..."
    court = _deed(50, "ACCUSE", 2, location=_place("Managua", "NIC"))
    later = _deed(90, "COERCE", 3, location=_place("Leon", "NIC"))
    assert inherit_places([headline, court, later]) == 1
    assert headline.location is not None and headline.location.name == "Managua"
    assert headline.provenance["location"] == court.trigger


def test_an_arrest_reported_after_the_incident_is_placed_where_the_incident_was(coder):
    text = (
        "Militants attacked a police post in Bannu District on March 3, killing two policemen. "
        "The Police later arrested six suspects."
    )
    events = coder.analyze(text, date="2016-03-04").events
    arrests = [e for e in events if e.event_type == "COERCE"]
    assert arrests, [(e.event_type, e.trigger.text) for e in events]
    loc = arrests[0].location
    assert loc is not None and loc.country == "PAK"
    assert "location" in arrests[0].provenance


@pytest.mark.parametrize(
    "text, word, iso3",
    [
        # second-level ISO 3166-2 units: an English county is not the US town of its name
        ("A man was charged with murder in Cumbria after two bodies were found.", "charged", "GBR"),
        # the agencies of Pakistan's tribal areas, which ISO 3166-2 does not list
        ("A landmine killed two children in Mohmand Agency.", "killed", "PAK"),
        # the team's district table: India's districts, Pakistan's tehsils, Nepal's districts
        ("Maoists killed a villager in Rohtas District.", "killed", "IND"),
        ("Gunmen killed three tribesmen near Mir Ali tehsil.", "killed", "PAK"),
        ("Cadres seized petrol in Mahottari District.", "seized", "NPL"),
    ],
)
def test_counties_and_agencies_are_known_places(coder, text, word, iso3):
    loc = place_of(coder, text, word)
    assert loc is not None and loc.country == iso3


def test_a_compass_word_names_part_of_a_known_place_not_a_region_of_its_own():
    gz = load_gazetteer()
    assert [p.country for p in gz.lookup("Northeast Philadelphia")][:1] == ["USA"]
    assert [p.country for p in gz.lookup("northwestern Pakistan")][:1] == ["PAK"]
    assert gz.lookup("South America") == []  # not the United States
    assert gz.lookup("West Midlands") == []  # not Zimbabwe's Midlands
    assert [p.country for p in gz.lookup("North Waziristan")][:1] == ["PAK"]  # a name whole


def test_an_event_with_no_place_in_a_one_country_story_happened_in_that_country(coder):
    text = (
        "Kenya accused opposition leaders of inciting violence. "
        "Kenya's chief prosecutor charged two opposition lawmakers with hate speech. "
        "The United States urged the opposition to meet the government."
    )
    analysis = coder.analyze(text, date="2017-08-14")
    assert analysis.primary_country == "KEN"
    by_type = {e.event_type: e for e in analysis.events}
    assert {"ACCUSE", "REQUEST"} <= set(by_type), [
        (e.event_type, e.trigger.text) for e in analysis.events
    ]
    accused = by_type["ACCUSE"].location
    # a country-level place whose offsets show the evidence: the article's "Kenya"
    assert accused is not None and accused.country == "KEN" and accused.feature == "country"
    assert text[accused.start : accused.end] == accused.text == "Kenya"
    # an American request is no event the story's country shows the place of
    assert by_type["REQUEST"].location is None
