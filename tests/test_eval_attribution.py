"""`wirecoder eval attribution`: the PolNeAR reader and the scoring, on an invented article."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.eval.attribution import cue_word, is_speech_cue, judge, load, parse_ann, score
from wirecoder.records import Actor, Attribution, Event, Span

TEXT = (
    "Farmers block roads in Norland.\n\n"
    "Farmers in Norland blocked two highways on Monday. "
    "The farm minister, Lara Voss, said the government would fund new wells next year. "
    "According to the police, officers arrested three farmers. "
    "Voters know the army attacked a border town. "
    "Voss later met union leaders. "
    "Follow our reporter online for updates."
)


def at(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


def phrase(first: str, last: str) -> tuple[int, int]:
    return at(first)[0], at(last)[1]


def t_line(tid: str, label: str, *segs: tuple[int, int]) -> str:
    offsets = ";".join(f"{s} {e}" for s, e in segs)
    return f"{tid}\t{label} {offsets}\t{' '.join(TEXT[s:e] for s, e in segs)}"


ANN = "\n".join(
    [
        # 1: "The farm minister, Lara Voss, said [the government would fund new wells next year]"
        t_line("T1", "Source", phrase("The farm minister", "Lara Voss")),
        t_line("T2", "Cue", at("said")),
        t_line("T3", "Content", phrase("the government", "next year")),
        t_line("T4", "Attribution", at("said")),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        # 2: "According to the police, [officers arrested three farmers]"
        t_line("T5", "Source", at("the police")),
        t_line("T6", "Cue", at("According to")),
        t_line("T7", "Content", phrase("officers", "three farmers")),
        t_line("T8", "Attribution", at("According to")),
        "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7",
        # 3: "Voters know [the army attacked a border town]" (not speech)
        t_line("T9", "Source", at("Voters")),
        t_line("T10", "Cue", at("know")),
        t_line("T11", "Content", phrase("the army", "border town")),
        t_line("T12", "Attribution", at("know")),
        "E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9",
        # a relation without a cue is skipped; a set-aside span is not scored
        t_line("T13", "Content", at("Voss later met")),
        "E4\tAttribution:T13 Content:T13",
        t_line("T14", "Discard", phrase("Follow our", "for updates")),
        "#1\tAnnotatorNotes T1\tnot read",
    ]
)


def event(
    word: str,
    *,
    speaker: tuple[str] | tuple[str, int] | None = None,
    name: str | None = None,
    cue: str | None = None,
) -> Event:
    s, e = at(word)
    sp = None
    if speaker:
        ws, we = at(*speaker)
        sp = Actor(TEXT[ws:we], ws, we, name=name)
    cs = Span(cue, *at(cue)) if cue else None
    return Event(
        "a1",
        0,
        TEXT,
        "AGREE",
        Span(TEXT[s:e], s, e),
        attribution=Attribution(speaker=sp, cue=cs),
    )


@pytest.fixture
def article(tmp_path: Path):
    base = tmp_path / "attribution" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir()
    (base / "text" / "norland_farmers.txt").write_text(TEXT, encoding="utf-8")
    (base / "attributions" / "norland_farmers_aa11.ann").write_text(ANN, encoding="utf-8")
    # a second annotator's file for the same article: the first by name is the gold
    (base / "attributions" / "norland_farmers_bb22.ann").write_text("", encoding="utf-8")
    arts, skipped = load(tmp_path, "dev")
    assert len(arts) == 1 and skipped == 1
    return arts[0]


def test_reader_builds_attributions_and_set_aside_spans(article):
    assert [a.cue_text for a in article.attributions] == ["said", "According to", "know"]
    said, according, know = article.attributions
    assert said.source_text == "The farm minister, Lara Voss" and said.speech
    assert according.speech and not know.speech
    assert article.ignored == (phrase("Follow our", "for updates"),)


def test_discontinuous_spans_and_relations_without_source():
    text = "Taxes will rise, the mayor warned, by a lot."
    ann = (
        "T1\tContent 0 15;35 44\tTaxes will rise by a lot.\n"
        "T2\tCue 27 33\twarned\n"
        "T3\tAttribution-no-source 27 33\twarned\n"
        "E1\tAttribution-no-source:T3 Content:T1 Cue:T2\n"
    )
    attrs, ignored, skipped = parse_ann(ann, text, "x.ann")
    assert skipped == 0 and not ignored
    (a,) = attrs
    assert a.content == ((0, 15), (35, 44)) and a.source == () and a.source_text == ""


@pytest.mark.parametrize(
    ("cue", "speech"),
    [
        ("said", True),
        ("told reporters", True),
        ("according to", True),
        (":", True),
        ("\u2015", True),
        ("continued to call for", True),
        ("know", False),
        ("allegations of", False),
        ("polls show", False),
        ("believes", False),
    ],
)
def test_which_gold_cues_count_as_speech(cue, speech):
    assert is_speech_cue(cue) is speech


def test_cue_word_names_the_word_of_saying():
    assert cue_word("Said in an interview with the Gazette") == "said"
    assert cue_word(":") == ":"
    assert cue_word("Allegations  of") == "allegations of"


def test_judge_each_outcome(article):
    # right: cue and speaker overlap the gold cue and source
    o = judge(event("fund", speaker=("Lara Voss",), cue="said"), article)
    assert o is not None and o.kind == "right" and o.speaker_overlap
    # the speaker named elsewhere with the same words counts through coreference only
    o = judge(event("fund", speaker=("Voss", 1), cue="said"), article)
    assert o is not None and o.kind == "right" and o.speaker_same and not o.speaker_overlap
    # ... and so does a pronoun wirecoder resolved to the same name
    o = judge(event("fund", speaker=("Farmers", 1), name="Lara Voss", cue="said"), article)
    assert o is not None and o.kind == "right" and o.speaker_same
    # a speaker that names someone else
    o = judge(event("fund", speaker=("Farmers",), cue="said"), article)
    assert o is not None and o.kind == "wrong_speaker"
    # a cue and no speaker, where gold has a source
    o = judge(event("fund", cue="said"), article)
    assert o is not None and o.kind == "no_speaker"
    # a cue elsewhere
    o = judge(event("arrested", cue="said"), article)
    assert o is not None and o.kind == "wrong_cue" and o.gold is not None
    assert o.gold.cue_text == "According to"
    # nothing said about an attributed event
    o = judge(event("arrested"), article)
    assert o is not None and o.kind == "unattributed"
    # outside every content span
    assert judge(event("blocked"), article).kind == "right_outside"  # type: ignore[union-attr]
    o = judge(event("blocked", speaker=("Lara Voss",), cue="said"), article)
    assert o is not None and o.kind == "false_attribution"
    # set aside by the annotators
    assert judge(event("Follow"), article) is None


def test_score_counts_and_rates(article):
    events = [
        event("fund", speaker=("Lara Voss",), cue="said"),  # speech: right
        event("arrested"),  # speech: unattributed
        event("attacked", speaker=("Lara Voss",), cue="said"),  # other cue: attributed, wrong cue
        event("blocked"),  # outside: right
        event("met", speaker=("Lara Voss",), cue="said"),  # outside: false attribution
        event("Follow"),  # set aside
    ]
    rep = score([(article, events)], errors=10)
    m = rep.metrics
    assert rep.n == 5 and rep.skipped == 1
    assert m["attribution_recall"] == 0.5
    assert m["cue_accuracy"] == 1.0 and m["speaker_accuracy"] == 1.0
    assert m["fully_right"] == 0.5
    assert m["false_attribution_rate"] == 0.5
    assert m["attribution_precision"] == pytest.approx(2 / 3)
    assert m["attribution_recall_other_cues"] == 1.0
    assert m["attribution_recall_all_cues"] == pytest.approx(2 / 3)
    # errors are listed for speech cues and outside events only, with text and both codings
    assert sorted(x.why.split(" (")[0] for x in rep.misses) == [
        "false attribution",
        "unattributed",
    ]
    miss = next(x for x in rep.misses if x.why.startswith("unattributed"))
    assert "[arrested]" in miss.text and "According to" in miss.gold
    assert miss.predicted == "(unattributed)"
    assert any("speech cues" in note for note in rep.notes)


def test_evaluate_codes_the_article(article, tmp_path, coder):
    from wirecoder.eval.attribution import evaluate

    rep = evaluate(tmp_path, coder=coder, errors=5)
    assert rep.name == "attribution (dev)"
    assert all(0.0 <= v <= 1.0 for v in rep.metrics.values())
    assert rep.n >= 1  # at least "blocked" is coded, and it lies outside every content span


def test_cli_lists_the_set(article, tmp_path):
    import json

    import typer
    from typer.testing import CliRunner

    from wirecoder.eval.cli import register

    app = typer.Typer()
    app.callback()(lambda: None)  # a group, so the command keeps its name
    register(app)
    res = CliRunner().invoke(
        app, ["eval", "attribution", "--data", str(tmp_path), "--errors", "2", "--json"]
    )
    assert res.exit_code == 0, res.output
    (rep,) = json.loads(res.stdout)
    assert rep["name"] == "attribution (dev)" and "attribution_recall" in rep["metrics"]
    res = CliRunner().invoke(app, ["eval", "attribution", "--data", str(tmp_path), "--split", "x"])
    assert res.exit_code == 3  # no such folder: E501


@pytest.mark.shared
def test_attribution_eval_reads_polnear(coder, shared):
    from wirecoder.eval.attribution import evaluate

    arts, _ = load(shared / "data", "dev")
    assert len(arts) == 84 and all(a.attributions for a in arts)
    for a in arts:
        for g in a.attributions:
            assert all(0 <= s < e <= len(a.text) for s, e in g.content + g.cue + g.source)
    rep = evaluate(shared / "data", limit=6, coder=coder, split="dev", errors=3)
    assert rep.n > 0 and len(rep.misses) <= 3
    assert all(0.0 <= v <= 1.0 for v in rep.metrics.values())
