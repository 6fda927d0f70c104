"""Who says what (issue 17): `wirecoder.analyze`, framing, claims, the CLI, the store."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
from typer.testing import CliRunner

import wirecoder
from wirecoder.cli import app
from wirecoder.cli_more import register
from wirecoder.records import Actor
from wirecoder.serve.api import article
from wirecoder.store import SCHEMA_VERSION, Store
from wirecoder.store.ingest import ingest, recode
from wirecoder.voices.framing import find_framing
from wirecoder.voices.records import Voices

register(app)
runner = CliRunner()

STORY = (
    "Army says rebels attacked convoy\n"
    "Rebels attacked an army convoy near Gao on Monday, the army said in a statement. "
    "The so-called Liberation Front, a group the brutal junta calls terrorists, denied it.\n"
    '"These terrorists will pay," a senior officer told reporters.\n'
    "A spokesman for the Liberation Front said the group had not attacked any convoy.\n"
)


def test_analyze_returns_typed_records_and_the_internals_keep_a_name(coder):
    v = wirecoder.analyze(STORY, date="2022-05-10")
    assert isinstance(v, Voices)
    d = v.to_dict()
    assert set(d) == {"article", "events", "quotes", "framing", "claims"}
    assert set(d["article"]) == {"id", "title", "date", "source", "url"}
    assert d["article"]["date"] == "2022-05-10"
    # the events are those `code` gives: framing changes and drops none
    assert [e.event_id for e in v.events] == [
        e.event_id for e in wirecoder.code(STORY, date="2022-05-10")
    ]
    internals = wirecoder.analyze_internals(STORY, date="2022-05-10")
    assert internals.mentions and internals.doc is not None


def test_the_quoted_officer_is_anonymous_and_his_words_are_no_framing(coder):
    v = wirecoder.analyze(STORY, date="2022-05-10")
    told = next(q for q in v.quotes if q.cue.text == "told")
    assert told.kind == "direct" and told.anonymous
    assert told.speaker is not None and told.speaker.text == "a senior officer"
    words = [(f.text.lower(), f.category) for f in v.framing]
    assert ("so-called", "doubt") in words and ("brutal", "load") in words
    assert ("junta", "label") in words
    quoted = STORY.index('"These terrorists')
    assert all(not quoted <= f.start < quoted + 30 for f in v.framing)


def test_a_denial_by_another_source_is_a_claim_with_both_stances(coder):
    v = wirecoder.analyze(STORY, date="2022-05-10")
    assert v.claims, v.quotes
    c = v.claims[0]
    statuses = {s.status for s in c.stances}
    assert statuses == {"asserted", "negated"}
    speakers = {s.speaker for s in c.stances}
    assert any("spokesman" in (s or "") for s in speakers)
    assert any("army" in (s or "") for s in speakers)
    ids = {q.quote_id for q in v.quotes}
    assert all(s.quote in ids for s in c.stances)


def test_framing_is_a_pure_function_of_text_and_quote_spans():
    text = (
        'The regime\'s "peace" plan was allegedly drafted abroad. The group claimed '
        'responsibility. He called it a "total disaster for everyone here." Sanctions regime. '
        'A "tax" on traders, officials said.'
    )
    partial = text.index('"total')
    tax = text.index('"tax"')
    marks = [(text.index('"peace"'), text.index('"peace"') + 7), (partial, text.index('."') + 2),
             (tax, tax + 5)]  # fmt: skip
    junta = Actor(text="The regime", start=0, end=10)
    out = find_framing(
        text, marks, attributed=[(partial - 10, partial + 40)], actors=[junta], scare_quotes=True
    )
    got = [(f.text, f.category) for f in out]
    assert got == [("regime", "label"), ('"peace"', "doubt"), ("allegedly", "doubt")]
    assert out[0].target is not None and out[0].target.text == "The regime"
    # a partial quote inside an attributed content is the speaker's, not scare quotes, and so
    # is a fragment in a sentence that has a speaker ("officials said"); "claimed
    # responsibility" and "sanctions regime" are neutral
    assert find_framing("", []) == []
    # scare quotes are off unless asked for
    assert '"peace"' not in [f.text for f in find_framing(text, marks, actors=[junta])]


def test_cli_analyze_prints_one_object_per_article_and_rejects_with_a_code(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(STORY, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(good), str(empty), "--date", "2022-05-10"])
    assert res.exit_code == 1, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0]["quotes"] and lines[0]["framing"]
    assert '"E102"' in res.stderr
    assert "Traceback" not in res.stderr
    res = runner.invoke(app, ["analyze", str(empty)])
    assert res.exit_code == 3


def test_ingest_fills_quotes_framing_claims_and_recode_replaces_them(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x1", "text": STORY, "source": "Daily Example",
                               "date": "2022-05-10"}) + "\n", encoding="utf-8")  # fmt: skip
    db = tmp_path / "s.duckdb"
    ingest([str(src)], db)
    with Store(db, read_only=True) as st:
        assert st.schema_version == SCHEMA_VERSION
        n_q = st.con.execute("SELECT count(*) FROM quotes").fetchall()[0][0]
        anon = st.con.execute("SELECT count(*) FROM quotes WHERE anonymous").fetchall()[0][0]
        n_f = st.con.execute("SELECT count(*) FROM framing").fetchall()[0][0]
        n_c = st.con.execute("SELECT count(*) FROM claims").fetchall()[0][0]
        # the article view gets them, offsets slicing the stored text
        aid = st.con.execute("SELECT id FROM articles").fetchall()[0][0]
        art = article(st, aid, {})
    assert n_q >= 3 and anon >= 1 and n_f >= 3 and n_c >= 1
    assert art is not None and art["quotes"] and art["framing"] and art["claims"]
    for q in art["quotes"]:
        assert art["text"][q["content_start"] : q["content_end"]] == q["content_text"]
    for f in art["framing"]:
        assert art["text"][f["start"] : f["end"]] == f["text"]
    assert {s["status"] for s in art["claims"][0]["stances"]} == {"asserted", "negated"}
    recode(db, all_articles=True)
    with Store(db, read_only=True) as st:
        assert st.con.execute("SELECT count(*) FROM quotes").fetchall()[0][0] == n_q
        assert st.con.execute("SELECT count(*) FROM framing").fetchall()[0][0] == n_f
    res = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    st = json.loads(res.stdout)
    by_outlet = {(o, c): n for o, c, n, _ in st["framing_by_source"]}
    assert by_outlet[("Daily Example", "doubt")] >= 1
    assert sum(n for *_, n in st["framing_by_target"]) == n_f


def test_a_store_of_schema_1_is_migrated_with_empty_voice_tables(tmp_path):
    db = tmp_path / "old.duckdb"
    from wirecoder.store.schema import MIGRATIONS, VERSION_TABLE

    con = duckdb.connect(str(db))
    con.execute(VERSION_TABLE)
    for sql in MIGRATIONS[0].statements:
        con.execute(sql)
    con.execute("INSERT INTO schema_version VALUES (1, 'old', now())")
    con.close()
    with Store(db) as st:
        assert st.schema_version == SCHEMA_VERSION
        for table in ("quotes", "framing", "claims"):
            assert st.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0] == 0


def test_eval_framing_scores_overlap_and_category_and_skips_without_gold(tmp_path: Path):
    from wirecoder.eval.framing import evaluate, load_gold, score
    from wirecoder.eval.realnews_texts import RealText
    from wirecoder.voices.records import Framing

    rep = evaluate(tmp_path, gold_dir=tmp_path)
    assert rep.n == 0 and "skipped" in rep.notes[0]
    (tmp_path / "framing_split.tsv").write_text("key\tsplit\tsha\nk1\tdev\tx\nk2\ttest\ty\n")
    (tmp_path / "framing.jsonl").write_text(
        json.dumps({"key": "k1", "spans": [{"start": 0, "end": 5, "category": "label"},
                                           {"start": 10, "end": 15, "category": "load"}]}) + "\n"
        + json.dumps({"key": "k2", "spans": []}) + "\n"
    )  # fmt: skip
    gold = load_gold("dev", tmp_path)
    assert gold is not None and [k for k, _ in gold] == ["k1"]
    doc = RealText("k1", "x", "thugs and brutal men said", None, None)
    pred = [Framing("thugs", 0, 5, "label"), Framing("brutal", 10, 16, "doubt"),
            Framing("said", 21, 25, "load")]  # fmt: skip
    rep = score([(doc, gold[0][1], pred)])
    assert round(rep.metrics["span_p"], 3) == 0.667 and rep.metrics["span_r"] == 1.0
    assert rep.metrics["category_r"] == 0.5 and rep.per_label["label"]["f1"] == 1.0
