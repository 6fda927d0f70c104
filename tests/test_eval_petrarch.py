"""The PETRARCH scorer on records written for this test (model-based, no shared data)."""

from __future__ import annotations

import json

from wirecoder.eval import petrarch


def _write(tmp_path, records):
    (tmp_path / "plover").mkdir()
    (tmp_path / "plover" / "cameo2plover_2021.csv").write_text(
        "cameo,plover_event,mode,context,cameo_desc\n"
        "036,CONSULT,,diplomatic,Express intent to meet\n"
        "04,CONSULT,,,\n"
        "111,ACCUSE,,,Criticize\n",
        encoding="utf-8",
    )
    (tmp_path / "petrarch_unit_tests").mkdir()
    with (tmp_path / "petrarch_unit_tests" / "t.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")


#: one meeting, which PETRARCH lists as two records, one each way
MEET = {
    "id": "MEET",
    "date": "20220406",
    "text": "The foreign ministers of Chile and Peru met in Lima on Monday.",
    "codings": [
        {"sourcecode": "CHL", "targetcode": "PER", "eventcode": "040"},
        {"sourcecode": "PER", "targetcode": "CHL", "eventcode": "040"},
    ],
}


def test_a_meeting_is_scored_per_record_the_way_petrarch_lists_it(tmp_path):
    _write(
        tmp_path,
        [
            MEET,
            {
                "id": "CRIT",
                "date": "20220406",
                "text": "Chile criticized Peru on Friday.",
                "codings": [{"sourcecode": "CHL", "targetcode": "PER", "eventcode": "111"}],
            },
            {"id": "SKIP", "text": "Chile and Peru.", "codings": [{"error": "no verb"}]},
        ],
    )
    rep = petrarch.evaluate(tmp_path)
    assert rep.skipped == 1
    # one reciprocal meeting is two records, both ways, like the gold's two codings
    assert rep.metrics["type_f1"] == 1.0
    assert rep.metrics["dyad_f1"] == 1.0
    # counted once per event, the meeting's second gold record is a miss
    assert rep.metrics["type_f1_per_event"] < 1.0


def test_misses_list_the_records_that_differ_not_the_events(tmp_path):
    _write(
        tmp_path,
        [
            MEET,
            {
                "id": "WRONG",
                "date": "20220406",
                "text": "Chile criticized Peru on Friday.",
                "codings": [{"sourcecode": "PER", "targetcode": "CHL", "eventcode": "111"}],
            },
        ],
    )
    rep = petrarch.evaluate(tmp_path, errors=10)
    ids = [m.id for m in rep.misses]
    # one meeting event for two gold records matches; the reversed criticism does not
    assert "MEET" not in ids
    wrong = next(m for m in rep.misses if m.id == "WRONG")
    assert wrong.gold == "ACCUSE PER->CHL"
    assert "ACCUSE CHL->PER" in wrong.why
