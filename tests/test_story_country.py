"""The story's country and the names in it: the outlet that reports it, a kind of unit, a
namesake abroad and a one-word name inside someone else's full name decide nothing."""

from __future__ import annotations


def _countries(coder, text: str) -> tuple[str | None, dict[str, str | None]]:
    an = coder.analyze(text)
    return an.primary_country, {m.text: m.country for m in an.mentions}


def test_the_outlet_that_reports_is_not_the_story_country(coder):
    text = (
        "Two policemen were killed in an ambush by suspected militants in Karbi Anglong District "
        "of Assam on June 5, reports The Telegraph. The Telegraph added that the Army was "
        "called in. The State Government asked for five more units of Commando Battalion."
    )
    country, _ = _countries(coder, text)
    assert country != "GBR"


def test_a_kind_of_unit_before_a_noun_is_no_town(coder):
    text = (
        "Two Police Officers were injured when unidentified militants hurled a hand grenade at a "
        "Police mobile in Karachi on January 10, reports The Express Tribune."
    )
    events = coder.code(text)
    assert events and all(e.location is None or e.location.name != "Police" for e in events)
    assert all(a.country != "POL" for e in events for a in e.source + e.target)


def test_a_surname_inside_another_full_name_is_someone_else(coder):
    _, names = _countries(
        coder, "Senior Superintendent of Police Rao Anwar said the gangsters were wanted."
    )
    assert all(c != "MYS" for c in names.values())
    _, alone = _countries(coder, "Anwar said the election in Malaysia was rigged.")
    assert alone.get("Anwar") == "MYS"
    _, full = _countries(coder, "Barack Hussein Obama met Angela Merkel in Berlin.")
    assert full.get("Barack Hussein Obama") == "USA"


def test_a_given_name_is_no_capital(coder):
    """'Stanley' is the Falklands' capital; inside a person's name it places no one."""
    country, names = _countries(
        coder,
        "Defense Attorney Stanley Perlo said the verdict would be appealed. "
        "Perlo asked the judge for a new trial.",
    )
    assert country != "GBR"
    assert all(c not in ("GBR", "FLK") for c in names.values())


def test_a_street_named_after_a_town_is_not_in_it(coder):
    country, names = _countries(
        coder,
        "Police arrested a man at his home on Newton Street, Millom, on Friday. "
        "The man was charged with assault.",
    )
    assert country != "CAN"
    assert all(c != "CAN" for c in names.values())
