"""The CAMEO sentence scores on hand-made rows and events (no model)."""

from __future__ import annotations

import json
from types import SimpleNamespace

from wirecoder.eval.cameo import evaluate
from wirecoder.records import Actor, Event, Span


class _Coder:
    """Codes every text as one meeting of Ruritania's and Freedonia's leaders."""

    def code_many(self, items):
        for item in items:
            text = item["text"]
            yield SimpleNamespace(
                events=[
                    Event(
                        article_id="a",
                        sentence_index=0,
                        sentence=text,
                        event_type="CONSULT",
                        trigger=Span("met", 17, 20),
                        source=[Actor("The Ruritanian king", 0, 16, None, "RUR", "GOV")],
                        target=[Actor("the Freedonian president", 21, 45, None, "FRE", "GOV")],
                        reciprocal=True,
                        source_span=Span("The Ruritanian king", 0, 16),
                        target_span=Span("the Freedonian president", 21, 45),
                    )
                ]
            )


def test_reciprocal_parties_are_scored_against_both_sides_of_the_event(tmp_path):
    folder = tmp_path / "cameo_sentences"
    folder.mkdir()
    text = "The Ruritanian king met the Freedonian president."
    rows = [
        {
            "text": text,
            "pentaclass": 1,
            "source": [],
            "target": [],
            "reciprocal": ["The Ruritanian king", "the Freedonian president"],
        },
        {
            "text": text + " ",
            "pentaclass": 1,
            "source": ["The Ruritanian king"],
            "target": ["the Freedonian president"],
        },
    ]
    (folder / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    rep = evaluate(tmp_path, coder=_Coder(), split="all")  # type: ignore[arg-type]
    assert rep.metrics["class5_accuracy"] == 1.0
    assert rep.metrics["source_span_f1"] == 1.0
    assert rep.metrics["target_span_f1"] == 1.0


def test_a_name_with_accents_matches_the_gold_split_around_them():
    from wirecoder.eval.cameo import overlap_f1, tokens

    assert overlap_f1(tokens(["P é rez Molina"]), tokens(["Pérez Molina"])) == 1.0
    assert tokens(["Saudi Arabia’s"]) == tokens(["Saudi Arabia ’ s"])
