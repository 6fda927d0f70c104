"""Where events happened: the gazetteer's ranking and the place rules, on texts written for these tests."""

from __future__ import annotations

import pytest

from wirecoder.places.gazetteer import fold, load_gazetteer
from wirecoder.places.stage import locate_token


@pytest.fixture(scope="module")
def gz():
    return load_gazetteer()


def place_of(coder, text: str, word: str, nth: int = 0):
    """The location the rules give the event at the `nth` token spelled `word`."""
    analysis = coder.analyze(text, date="2016-03-09")
    assert analysis.doc is not None
    index = [t.i for t in analysis.doc if t.text == word][nth]
    return locate_token(analysis, index, coder.resources.gazetteer)


# -- the gazetteer ------------------------------------------------------------------------


def test_fold_meets_accents_hyphens_and_quotes():
    assert fold("Bağdat") == "bagdat"
    assert fold("Al-Qa’im") == fold("al qa'im")


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("USA", "USA"), ("China", "CHN"), ("Jordan", "JOR"), ("Chad", "TCD"), ("U.K.", "GBR")],
)
def test_a_country_outranks_towns_of_the_same_name(gz, name, iso3):
    best = gz.best(name)
    assert best is not None and (best.feature, best.country) == ("country", iso3)


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("Kabul", "AFG"), ("Baghdad", "IRQ"), ("Damascus", "SYR"), ("Mosul", "IRQ"), ("Lagos", "NGA")],
)
def test_capitals_and_big_cities_are_towns_of_their_country(gz, name, iso3):
    best = gz.best(name)
    assert best is not None and best.feature == "city" and best.country == iso3
    assert best.lat is not None and best.lon is not None


def test_the_article_country_decides_an_ambiguous_town(gz):
    assert gz.best("Tripoli").country == "LBY"  # the capital, by default
    assert gz.best("Tripoli", {"LBN": 1.0}).country == "LBN"
    assert gz.best("Georgia").country == "GEO"
    assert gz.best("Georgia", {"USA": 1.0}).feature == "admin1"


def test_regions_and_provinces(gz):
    assert gz.best("Helmand province").country == "AFG"
    assert gz.best("al-Anbar").country == "IRQ"
    assert gz.best("Chechnya").country == "RUS"
    gaza = gz.best("Gaza")
    assert gaza is not None and gaza.country == "PSE" and gaza.feature != "country"
    # a type word picks the province over the town; without it, the town (a point) wins
    assert gz.best("Kandahar province").feature == "admin1"
    assert gz.best("Kandahar").feature == "city"


# -- the place rules ----------------------------------------------------------------------

BERLIN = "Speaking from Berlin, the chancellor condemned the shelling of Homs by government forces."


def test_a_statement_in_berlin_and_shelling_in_homs(coder):
    said = place_of(coder, BERLIN, "condemned")
    assert said is not None and said.name == "Berlin" and said.country == "DEU"
    shelling = place_of(coder, BERLIN, "shelling")
    assert shelling is not None and shelling.text == "Homs" and shelling.country == "SYR"


def test_a_country_is_not_a_town_of_the_same_name(coder):
    loc = place_of(coder, "Rebels attacked a border post in Chad on Monday.", "attacked")
    assert loc is not None and (loc.country, loc.feature) == ("TCD", "country")


def test_an_ambiguous_town_takes_the_article_country(coder):
    lebanon = (
        "Clashes erupted in Tripoli overnight.\n"
        "The Lebanese army sent troops into the northern port city, and Beirut called for calm."
    )
    libya = (
        "Clashes erupted in Tripoli overnight.\n"
        "Libyan militias fought for the capital's airport, Libyan officials said."
    )
    assert place_of(coder, lebanon, "erupted").country == "LBN"
    assert place_of(coder, libya, "erupted").country == "LBY"


def test_a_named_container_decides_the_country(coder):
    loc = place_of(coder, "Gunmen attacked a bus in Tripoli, Lebanon, on Sunday.", "attacked")
    assert loc is not None and loc.name == "Tripoli" and loc.country == "LBN"


@pytest.mark.parametrize(
    ("text", "word", "name", "iso3"),
    [
        # the tagger reads "Karachi of Sindh" as an organisation: the unknown neighbourhood
        # is still in Pakistan
        (
            "A prayer leader was shot dead in North Nazimabad area in Karachi of Sindh on Monday.",
            "shot",
            "North Nazimabad",
            "PAK",
        ),
        # "Magam in Budgam District" is tagged as one name; Budgam is not in the gazetteer,
        # Magam is a town of India
        (
            "Seventeen persons were injured when a grenade was hurled at Magam in Budgam District.",
            "hurled",
            None,
            "IND",
        ),
    ],
)
def test_an_unknown_place_takes_the_country_of_a_town_the_tagger_misread(
    coder, text, word, name, iso3
):
    loc = place_of(coder, text, word)
    assert loc is not None and loc.country == iso3
    assert name is None or loc.name == name


def test_the_place_visited(coder):
    flew = "The Iranian foreign minister flew to Damascus on Sunday for talks with the president."
    assert place_of(coder, flew, "flew").name == "Damascus"
    assert place_of(coder, flew, "talks").name == "Damascus"
    visit = place_of(coder, "The envoy's visit to Beijing was cut short.", "visit")
    assert visit is not None and visit.country == "CHN"


def test_near_a_town(coder):
    loc = place_of(coder, "Militants attacked an army base near Tikrit on Friday.", "attacked")
    assert loc is not None and loc.country == "IRQ" and loc.text == "Tikrit"


def test_no_place_when_the_sentence_names_none_for_the_event(coder):
    assert place_of(coder, "The minister said the talks would continue.", "said") is None
    assert place_of(coder, "Iraq condemned the bombing.", "condemned") is None
    assert place_of(coder, "Officials discussed the war in Yemen.", "discussed") is None


def test_talks_on_a_country_are_not_held_there(coder):
    assert place_of(coder, "Diplomats held talks on Syria in Geneva.", "held").name == "Geneva"


def test_no_place_inside_an_organisation_name(coder):
    text = "Russian jets struck the Islamic State in Iraq and the Levant on Tuesday."
    loc = place_of(coder, text, "struck")
    assert loc is None or loc.country != "IRQ"


def test_the_kind_of_a_facility_is_not_a_town(coder):
    # a town called Police is in Poland; in "Kotli Police Station" the word says what the
    # building is (the headline keeps it capitalised), and the town is Kotli
    text = (
        "Militants Attack Kotli Police Station\n"
        "Militants attacked the Kotli Police Station on Monday, killing two policemen."
    )
    loc = place_of(coder, text, "attack")
    assert loc is not None and loc.country != "POL" and loc.text == "Kotli"


def test_a_village_the_gazetteer_does_not_know(coder):
    text = "Gunmen killed five farmers in the village of Dumbarawa in Borno State on Sunday."
    loc = place_of(coder, text, "killed")
    assert loc is not None and loc.text == "Dumbarawa"
    assert loc.feature == "locality" and loc.country == "NGA" and loc.lat is None


def test_the_most_specific_place_of_a_phrase(coder):
    text = "A bomb exploded in a market of the Sadriya district in central Baghdad."
    assert place_of(coder, text, "exploded").text == "Sadriya district"  # the unit keeps its word


def test_the_place_of_the_object_acted_on(coder):
    text = "Army retakes desert city\nGovernment troops recaptured Palmyra on Sunday."
    loc = place_of(coder, text, "recaptured")
    assert loc is not None and loc.country == "SYR" and loc.text == "Palmyra"


def test_the_stage_places_trigger_candidates(coder):
    text = "Insurgents attacked a police station in Kandahar on Tuesday, killing four officers."
    events = coder.code(text, date="2016-03-09")
    attacks = [ev for ev in events if ev.event_type == "ASSAULT"]
    assert attacks and all(ev.location is not None for ev in attacks)
    loc = attacks[0].location
    assert loc.country == "AFG" and loc.lat is not None
    assert (loc.start, loc.end) == (text.index("Kandahar"), text.index("Kandahar") + 8)


@pytest.mark.shared
def test_location_eval_reads_the_gold_set(coder, shared):
    from wirecoder.eval.location import evaluate

    rep = evaluate(shared / "data", limit=40, coder=coder, split="all")
    assert rep.n == 40 and 0.0 <= rep.metrics["accuracy"] <= 1.0
    assert {"has_location_p", "has_location_r"} <= set(rep.metrics)


# -- paths and names (own example sentences) ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "where"),
    [
        # a name no gazetteer knows, taken by a verb that takes people too, is a person
        ("Commandos captured Ramirez in Nairobi last year.", "captured", "Nairobi"),
        ("Ramirez was captured in Nairobi last year.", "captured", "Nairobi"),
        # an event noun inside the locative phrase has the place
        ("Dozens of fighters were killed in the battle for Sirte.", "killed", "Sirte"),
        ("Two soldiers died in a clash with rebels in Kasai province.", "died", "Kasai province"),
        # parts of a place
        (
            "A truck bomb destroyed a warehouse on the outskirts of Kandahar.",
            "destroyed",
            "Kandahar",
        ),
        ("Militias have captured about 40 percent of Darfur.", "captured", "Darfur"),
        ("Riot police patrolled Nairobi's main thoroughfares on Monday.", "patrolled", "Nairobi"),
    ],
)
def test_paths_to_the_place(coder, text, word, where):
    loc = place_of(coder, text, word)
    assert loc is not None and loc.text == where


def test_no_place_in_a_people_or_a_retreat(coder):
    assert (
        place_of(coder, "Clashes broke out between ethnic Amhara and Oromo youths.", "broke")
        is None
    )
    text = "Ten militants were killed before the rest withdrew towards Sirte."
    assert place_of(coder, text, "killed") is None


@pytest.mark.parametrize(
    ("text", "word", "where"),
    [
        # a word for a place opens the name, whatever the tagger or a person's name inside says
        (
            "Rebels attacked army positions in Dahiyat al-Assad on Monday.",
            "attacked",
            "Dahiyat al-Assad",
        ),
        ("Government troops recaptured Tal Mustawi on Friday.", "recaptured", "Tal Mustawi"),
        # a demonym is no place
        (
            "Two aid workers were shot near the southern Angolan city of Benguela.",
            "shot",
            "Benguela",
        ),
    ],
)
def test_names_of_places(coder, text, word, where):
    loc = place_of(coder, text, word)
    assert loc is not None and loc.text == where


@pytest.mark.parametrize(
    ("text", "word", "where"),
    [
        ("Much of Kandahar was destroyed in the fighting.", "destroyed", "Kandahar"),
        # who runs a place is not where it is
        ("A bomb exploded near a U.S.-run checkpoint outside Kandahar.", "exploded", "Kandahar"),
        # the container named before "city of" comes after the town
        (
            "Rockets struck a market in the Black Sea port city of Odessa on Sunday.",
            "struck",
            "Odessa",
        ),
        ("The reporter was captured during the 2003 invasion of Iraq.", "captured", "Iraq"),
        ("The bombs killed dozens of people in Mosul.", "killed", "Mosul"),
        # a hotel in a country is no embassy of it
        ("Rebels attacked a Nairobi hotel on Monday.", "attacked", "Nairobi"),
        # fronted phrases inside an adverb or a date
        ("Earlier in Jenin, soldiers shot a teenager.", "shot", "Jenin"),
        ("On Tuesday in Kabul, a suicide bomber killed 12 people.", "killed", "Kabul"),
        # a name the parser hangs on the date after it
        ("Riot police patrolled Harare Saturday.", "patrolled", "Harare"),
    ],
)
def test_more_paths_to_the_place(coder, text, word, where):
    loc = place_of(coder, text, word)
    assert loc is not None and loc.text == where


def test_a_person_is_no_place(coder):
    text = "Protesters marched in support of their jailed leader Ahmed Kamal on Friday."
    loc = place_of(coder, text, "marched")
    assert loc is None or "Kamal" not in loc.text
    loc = place_of(coder, "Downey, 72, was captured by rebels in Beirut.", "captured")
    assert loc is not None and loc.text == "Beirut"


@pytest.mark.parametrize(
    ("text", "word", "where"),
    [
        # a locative phrase on the second of coordinated victims
        ("Soldiers shot a farmer and his son in the village of Qabatiya.", "shot", "Qabatiya"),
        # what the victim was doing then, where the attackers waited
        (
            "Gunmen shot a teacher who was riding his bicycle through the Shalman area.",
            "shot",
            "Shalman",
        ),
    ],
)
def test_places_of_the_participants_at_the_time(coder, text, word, where):
    loc = place_of(coder, text, word)
    assert loc is not None and loc.text == where


def test_no_place_from_a_participant_s_background(coder):
    text = "A commander who was leading operations in Idlib was killed on Friday."
    loc = place_of(coder, text, "killed")
    assert loc is None


@pytest.mark.parametrize(
    ("text", "word", "where"),
    [
        # compound prepositions
        ("A bomb exploded next to a bus station in Kandahar.", "exploded", "Kandahar"),
        ("A bomb exploded close to the main market of Kandahar.", "exploded", "Kandahar"),
        ("He was shot as he stepped out of a central Kiev courthouse.", "shot", "Kiev"),
        # protesters where they are, not the place they protest about
        ("Kurdish activists in Hamburg protested against the arrest.", "protested", "Hamburg"),
    ],
)
def test_compound_prepositions_and_protesters(coder, text, word, where):
    loc = place_of(coder, text, word)
    assert loc is not None and loc.text == where


def test_the_place_protested_about_is_not_the_protest_s(coder):
    text = "Students protested against the detention of activists in Hakkari province."
    assert place_of(coder, text, "protested") is None


@pytest.mark.parametrize(
    ("text", "word", "where"),
    [
        ("Hundreds of students demonstrated at the entrance to Hebron.", "demonstrated", "Hebron"),
        ("He was captured on a Belgrade bus in July.", "captured", "Belgrade"),
        # an attack's own relative clause
        (
            "Nine people died in a car bomb attack that targeted a police post in Rouiba.",
            "died",
            "Rouiba",
        ),
    ],
)
def test_entrances_vehicles_and_attacks_that_targeted(coder, text, word, where):
    loc = place_of(coder, text, word)
    assert loc is not None and loc.text == where


def test_no_place_from_who_someone_is(coder):
    text = "A Briton who was born in Leeds was captured by Marines last week."
    assert place_of(coder, text, "captured") is None


@pytest.mark.parametrize(
    ("text", "word", "where"),
    [
        ("Guerrillas shot down two army helicopters over northern Colombia.", "shot", "Colombia"),
        (
            "The accident occurred in May, when a blast killed nine miners in Donetsk.",
            "occurred",
            "Donetsk",
        ),
    ],
)
def test_airspace_and_dates_with_a_clause(coder, text, word, where):
    loc = place_of(coder, text, word)
    assert loc is not None and where in loc.text


def test_an_ayn_mark_opens_a_name(coder):
    text = "Government forces stormed the village of Rasm Al-‘Omar on Sunday."
    loc = place_of(coder, text, "stormed")
    assert loc is not None and loc.text == "Rasm Al-‘Omar"


def test_where_someone_holds_a_post_is_no_place_of_the_event(coder):
    text = "Abu Karim, the militia's commander in Tarhuna, was killed in an air strike."
    assert place_of(coder, text, "killed") is None
    # unless he is the one acted on
    loc = place_of(coder, "Gunmen shot dead a village mayor in Kalbo.", "shot")
    assert loc is not None and loc.text == "Kalbo"


def test_an_embassy_is_named_for_its_owner_not_its_town(coder):
    text = "Students demonstrated outside the Peruvian Embassy in Oslo on Monday."
    loc = place_of(coder, text, "demonstrated")
    assert loc is not None and loc.text == "Oslo"


@pytest.mark.parametrize(
    ("text", "word", "where"),
    [
        (
            "Troops captured four suspected pirates on Tawi, about 300 kilometers (190 miles) "
            "south of Manila, on Monday.",
            "captured",
            "Tawi",
        ),
        (
            "A bomb was detonated when a patrol drove north of the town of Hit, 40 km west of "
            "Ramadi, killing a soldier.",
            "detonated",
            "Hit",
        ),
    ],
)
def test_a_reference_point_tells_where_the_name_before_it_is(coder, text, word, where):
    loc = place_of(coder, text, word)
    assert loc is not None and loc.text == where


def test_a_place_held_by_a_group_is_the_object_of_the_attack(coder):
    text = (
        "The rebels launched a new assault in the Hama countryside on Monday, targeting the "
        "Syrian Army (SAA) held village of Umm Sahrij."
    )
    loc = place_of(coder, text, "targeting")
    assert loc is not None and loc.text == "Umm Sahrij"


def test_a_container_set_off_after_a_name_tells_where_that_name_is(coder):
    text = "A car bomb killed four people in Tarmiyah, in the northern province of Salahuddin."
    loc = place_of(coder, text, "killed")
    assert loc is not None and loc.text == "Tarmiyah"


def test_a_title_won_is_no_place_seized(coder):
    text = "Kowalska captured her third career title in Bratislava on Sunday."
    assert place_of(coder, text, "captured") is None
    loc = place_of(coder, "Rebels captured the town of Bratislava on Sunday.", "captured")
    assert loc is not None and loc.text == "Bratislava"


def test_demonstrating_that_is_showing_not_protesting(coder):
    text = "The raid on Kunduz demonstrated that the rebels remain strong."
    assert place_of(coder, text, "demonstrated") is None
    text = "Hundreds of students demonstrated in Kunduz on Friday."
    loc = place_of(coder, text, "demonstrated")
    assert loc is not None and loc.text == "Kunduz"


def test_a_recording_is_no_seizure(coder):
    text = "The beating of the prisoners was captured on camera in Basra."
    assert place_of(coder, text, "captured") is None
    text = "The film was shot on location in Malta last year."
    assert place_of(coder, text, "shot") is None


@pytest.mark.parametrize(
    ("text", "word", "where"),
    [
        (
            "A car bomb that exploded outside a cafe in Hamrin killed six people.",
            "killed",
            "Hamrin",
        ),
        (
            "The clashes, which erupted in the village of Ombada, left nine people dead.",
            "left",
            "Ombada",
        ),
    ],
)
def test_the_attack_s_own_clause_on_the_subject(coder, text, word, where):
    loc = place_of(coder, text, word)
    assert loc is not None and loc.text == where


def test_an_object_misparsed_as_a_predicate_is_still_acted_on(coder):
    text = (
        "ISIS launched a new offensive in southern Raqqa on Monday, targeting the Syrian Arab "
        "Army’s (SAA) defenses at the Umm Tina farms."
    )
    loc = place_of(coder, text, "targeting")
    assert loc is not None and loc.text == "Umm Tina"


def test_a_bare_name_attacked_is_a_place(coder):
    text = "Jihadist rebels launched their second assault on Souran today after failing to capture the town."
    loc = place_of(coder, text, "launched")
    assert loc is not None and loc.text == "Souran"


def test_prices_that_shot_up_were_not_fired_on(coder):
    assert place_of(coder, "The price of bread shot up in Harare last week.", "shot") is None
    loc = place_of(coder, "Gunmen shot up a bus in Harare last week.", "shot")
    assert loc is not None and loc.text == "Harare"


def test_where_a_captive_was_held_later_is_not_where_he_was_caught(coder):
    text = "The pilot was captured in 1968 and spent five years in a Hanoi prison."
    assert place_of(coder, text, "captured") is None
    text = "The pilot was captured near Vinh and spent five years in a Hanoi prison."
    loc = place_of(coder, text, "captured")
    assert loc is not None and loc.text == "Vinh"
    text = (
        "Rebels captured two soldiers on Monday before handing them over to the Red Cross in Gulu."
    )
    assert place_of(coder, text, "captured") is None


def test_a_progressive_parsed_as_an_adjective_still_acts_on_its_object(coder):
    text = "Army units are now patrolling farms in the Mooi River area after the murders."
    loc = place_of(coder, text, "patrolling")
    assert loc is not None and loc.text == "Mooi River"


@pytest.mark.parametrize(
    ("text", "word", "where", "country"),
    [
        # what happens by a named building happens in the town it is named with
        ("Two men were stabbed outside the Grand Palace Theater in Lyon on Friday.", "stabbed",
         "Lyon", "FRA"),
        ("A car bomb exploded near Kabul's Serena Hotel on Monday.", "exploded", "Kabul", "AFG"),
        # but a building acted on is the place
        ("Gunmen stormed the Serena Hotel in Kabul on Monday.", "stormed", "Serena Hotel", "AFG"),
        # a settlement noun names its settlement, however the tagger reads the name, and an
        # untagged town after it gives the country
        ("Three farmers were shot dead in the village of Sharifah in northern Homs.", "shot",
         "Sharifah", "SYR"),
    ],
)  # fmt: skip
def test_buildings_and_settlements(coder, text, word, where, country):
    loc = place_of(coder, text, word)
    assert loc is not None and (loc.text, loc.country) == (where, country)
