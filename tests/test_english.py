"""The English check (E109): one check and one message in `code` and `ingest` (issue 19, item 11)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.cli_more import register
from wirecoder.read.english import check_english, is_english

register(app)
runner = CliRunner()

FRENCH = (
    "Les troupes repoussent une attaque\nLes troupes somaliennes et les soldats de la paix "
    "de l'Union africaine ont repoussé lundi une attaque des militants contre une base "
    "militaire près de Mogadiscio, tuant au moins douze insurgés, a déclaré un porte-parole "
    "du gouvernement."
)
ARABIC = (
    "أعلنت الحكومة يوم الثلاثاء أن قوات الأمن اعتقلت نحو عشرة متظاهرين في العاصمة، "
    "وفقا لبيان نشرته وزارة الداخلية بعد يوم من الاشتباكات."
)
CHINESE = "政府周二宣布，安全部队在首都逮捕了大约十名抗议者，内政部在一天的冲突后发表声明称。"


@pytest.mark.parametrize(
    "text",
    [
        # terse wire English dense with names: 4-7% of the old list's function words
        "Shiv Senas labour wing chief in Punjab, Durga Prasad Gupta, was shot dead by two "
        "unidentified assailants near Lalheri Chowk in Khanna in Ludhiana District on May 3.",
        "US President Donald Trump on Tuesday lifted a travel ban imposed on Chadian citizens "
        "following a six-month government review.",
        "The European Union on Monday imposed new sanctions on Russian banks, energy firms, "
        "defence manufacturers and senior officials over Moscow's annexation of Crimea.",
        # Spanish and Portuguese names in English prose
        "Colombian police captured Jose Maria de la Cruz, alias El Gordo, in Medellin on "
        "Friday, and seized weapons belonging to the Clan del Golfo, officials said.",
    ],
)
def test_terse_english_is_english(text):
    assert is_english(text)


@pytest.mark.parametrize(
    "text",
    [
        FRENCH,
        ARABIC,
        CHINESE,
        "Die Regierung teilte am Dienstag mit, dass die Sicherheitskräfte in der Hauptstadt "
        "etwa zehn Demonstranten festgenommen hätten, wie aus einer Erklärung des "
        "Innenministeriums nach einem Tag der Zusammenstöße hervorgeht.",
        "El gobierno anunció el martes que las fuerzas de seguridad detuvieron a una decena de "
        "manifestantes en la capital, según un comunicado publicado por el ministerio del "
        "Interior tras una jornada de enfrentamientos.",
        "De regering heeft dinsdag bekendgemaakt dat de veiligheidstroepen in de hoofdstad een "
        "tiental betogers hebben gearresteerd, volgens een verklaring van het ministerie van "
        "Binnenlandse Zaken na een dag van botsingen.",
    ],
)
def test_other_languages_are_not(text):
    assert not is_english(text)


def test_a_short_headline_is_let_through():
    assert is_english("Le président en visite")
    check_english("Paris", "<t>")


@pytest.mark.parametrize("text", [FRENCH, ARABIC, CHINESE])
def test_code_and_ingest_reject_the_same_way(tmp_path, text):
    p = tmp_path / "story.txt"
    p.write_text(text, encoding="utf-8")
    coded = runner.invoke(app, ["code", str(p), "--fast"])
    assert coded.exit_code == 3, coded.output
    reject = json.loads(coded.stderr.strip().splitlines()[0])
    assert reject["code"] == "E109" and reject["rejected"] == str(p)
    ingested = runner.invoke(
        app, ["ingest", str(p), "--db", str(tmp_path / "s.duckdb"), "--json", "-q", "--fast"]
    )
    assert ingested.exit_code == 3, ingested.output
    assert json.loads(ingested.stderr.strip().splitlines()[0])["message"] == reject["message"]


def test_any_language_lets_code_try(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(FRENCH, encoding="utf-8")
    res = runner.invoke(app, ["code", str(p), "--fast", "--any-language"])
    assert res.exit_code == 0, res.output
    assert "E109" not in res.stderr
