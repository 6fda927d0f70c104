from __future__ import annotations

import pytest

from wirecoder.actors.mentions import resolve_string
from wirecoder.coder import Coder
from wirecoder.errors import ConfigError


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Iraqi Defense Minister Khaled al-Obeidi", "IRQ", "GOV"),
        ("American warplanes", "USA", "MIL"),
        ("four Saudi men", "SAU", "CVL"),
        ("the Kremlin", "RUS", "GOV"),
        ("Washington", "USA", "GOV"),
        ("Russian", "RUS", None),
        ("ISIL", "IMG", "REB"),
        ("Daesh", "IMG", "REB"),
        ("the rebels", None, "REB"),
        ("Kenyan police", "KEN", "COP"),
        ("two members of parliament", None, "LEG"),
        ("the Taliban spokesman", "AFG", "REB"),
        ("army spokesman", None, "MIL"),
        ("NATO", "IGO", "MIL"),
        ("the United Nations", "UNO", None),
    ],
)
def test_actor_strings_resolve(coder, text, country, sector):
    m = resolve_string(text, coder.resources, "2015-10-21")
    assert m is not None
    assert (m.country, m.sector) == (country, sector)
    assert m.rule  # always says why


def test_roles_change_with_dates(coder):
    m = resolve_string("Mohammed Morsi", coder.resources, "2019-01-01")
    assert (m.country, m.sector) == ("EGY", "ELI")
    m = resolve_string("Mohammed Morsi", coder.resources, "2012-12-01")
    assert (m.country, m.sector) == ("EGY", "GOV")


def test_user_dictionary_overrides_builtins(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text(
        "- pattern: [Hashd al-Shaabi]\n  name: PMF (analyst coding)\n  country: IRQ\n  sector: PRM\n"
        "- pattern: Lions of the Valley\n  name: Lions of the Valley\n  country: SYR\n  sector: REB\n",
        encoding="utf-8",
    )
    coder = Coder(actors=[f])
    m = resolve_string("Hashd al-Shaabi", coder.resources)
    assert (m.name, m.sector) == ("PMF (analyst coding)", "PRM")
    events = coder.code(
        "The Lions of the Valley attacked an army checkpoint near Homs on Monday.",
        date="2020-05-06",
    )
    assert any(
        ev.event_type == "ASSAULT" and ev.source and ev.source[0].country == "SYR" for ev in events
    )


def test_bad_user_dictionary_is_a_config_error(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text("- pattern: X\n  name: X\n  sector: NOTASECTOR\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        Coder(actors=[f]).resources.actors  # noqa: B018
    assert err.value.code == "E301"


def test_coreference_links_surname_and_pronoun(coder):
    a = coder.analyze(
        "Prime Minister Haider al-Abadi met Iraqi commanders.\nAbadi said he would visit Mosul.",
        date="2016-01-05",
    )
    later = [m for m in a.mentions if m.text in ("Abadi", "he")]
    assert later and all(m.country == "IRQ" and m.name == "Haider al-Abadi" for m in later)
