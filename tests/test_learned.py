"""The learned decision over candidates: the NumPy encoder, the decision, the broad lexicon."""

from __future__ import annotations

import numpy as np
import pytest

from wirecoder.errors import ResourceError
from wirecoder.events.decide import Thresholds, apply
from wirecoder.events.lexicon import read_broad
from wirecoder.models import decider as decide
from wirecoder.models.decider import LABELS, Item, trigger_pieces


def test_broad_entry_reads_the_pattern_a_dependent_selects():
    broad = read_broad(
        "# comment\n"
        "rush\t-\t-\tAID:=aid/relief;MOBILIZE:police=police\n"
        "kill\tASSAULT\t-\tNONE:=accident/earthquake\n"
    )
    assert broad["rush"].reading({"relief", "the"}) == ("AID", None)
    assert broad["rush"].reading({"police"}) == ("MOBILIZE", "police")
    assert broad["rush"].reading({"home"}) is None  # no default type, no pattern: no event
    assert broad["kill"].reading({"rebel"}) == ("ASSAULT", None)
    assert broad["kill"].reading({"earthquake"}) is None  # the dictionary's "no event" pattern


def test_shipped_broad_lexicon_is_large_and_keeps_its_licence():
    from importlib import resources

    text = resources.files("wirecoder.events.data").joinpath("cameo_lexicon.tsv").read_text()
    assert "MIT License" in text
    broad = read_broad(text)
    assert len(broad) > 1000
    assert broad["deny"].event_type == "REJECT"
    assert broad["kill"].event_type == "ASSAULT"


def test_trigger_pieces_cover_the_trigger_characters():
    offsets = [(0, 0), (0, 3), (4, 9), (9, 12), (13, 16), (0, 0)]
    assert trigger_pieces(offsets, 4, 12) == [2, 3]
    assert trigger_pieces(offsets, 13, 16) == [4]
    assert trigger_pieces(offsets, 40, 44) == [0]  # cut off by truncation: [CLS]


class _Cand:
    def __init__(self, event_type: str) -> None:
        from wirecoder.events.lexicon import TriggerEntry

        self.event_type = event_type
        self.entry = TriggerEntry(pos="v", lemma="x", event_type=event_type)
        self.mode = "m"
        self.why: list[str] = []
        self.dropped = None
        self.historical = False
        self.confidence = 0.5
        self.status = "asserted"
        self.refusal = False
        self.tokens = (0,)


def _probs(**kw: float) -> dict[str, float]:
    p = dict.fromkeys(LABELS, 0.0)
    p.update(kw)
    return p


TH = Thresholds(drop=0.9, broad=0.6, retype=0.7, reference=0.5)


def test_apply_drops_retypes_and_flags_references():
    c = _Cand("ASSAULT")
    apply(c, _probs(NONE=0.95, ASSAULT=0.05), TH)
    assert c.dropped and "no event" in c.dropped
    c = _Cand("CONSULT")
    c.status = "negated"  # "will not negotiate": the rules keep what did not happen
    apply(c, _probs(NONE=0.99), TH)
    assert not c.dropped
    c = _Cand("ASSAULT")
    apply(c, _probs(NONE=0.7, ASSAULT=0.3), TH)  # not sure enough to overrule the lexicon
    assert not c.dropped and c.event_type == "ASSAULT"
    c = _Cand("CONSULT")
    apply(c, _probs(ACCUSE=0.8, CONSULT=0.1, NONE=0.1), TH)
    assert (c.event_type, c.mode, c.dropped) == ("ACCUSE", None, None)
    assert c.confidence == pytest.approx(0.5 * 0.9)  # the rules' 0.5 times 1 - P(NONE)
    c = _Cand("CONSULT")
    apply(c, _probs(ACCUSE=0.5, CONSULT=0.4, NONE=0.1), TH)  # below the retype threshold
    assert c.event_type == "CONSULT"
    c = _Cand("ASSAULT")
    apply(c, _probs(REFERENCE=0.6, ASSAULT=0.3, NONE=0.1), TH)
    assert c.historical and c.event_type == "ASSAULT" and not c.dropped


def test_a_type_can_have_a_drop_threshold_of_its_own():
    """Protest reports (GLOCON) lose true marches at the news' threshold: protest keeps its own."""
    th = Thresholds.from_meta(
        {"thresholds": {"drop": 0.6, "drop_by_type": {"PROTEST": 0.8}, "broad": 0.6}}
    )
    assert th.drop_for("PROTEST") == 0.8 and th.drop_for("ASSAULT") == 0.6
    c = _Cand("PROTEST")
    apply(c, _probs(NONE=0.7, PROTEST=0.3), th)
    assert not c.dropped
    c = _Cand("ASSAULT")
    apply(c, _probs(NONE=0.7, ASSAULT=0.3), th)
    assert c.dropped


def test_what_did_not_happen_is_dropped_only_when_the_model_is_surer():
    """ "if we help him": no event, though not asserted; the bar for a future, hypothetical or
    requested candidate is its own (stored with the model). A denial stays the rules' call."""
    th = Thresholds.from_meta({"thresholds": {"drop": 0.4, "unasserted": 0.7}})
    for status, p_none, dropped in [
        ("hypothetical", 0.8, True),
        ("requested", 0.8, True),
        ("future", 0.6, False),  # above the asserted bar, below its own
        ("asserted", 0.6, True),
        ("negated", 0.99, False),  # "had not attacked any convoy": one side of a claim
    ]:
        c = _Cand("ACCUSE")
        c.status = status
        apply(c, _probs(NONE=p_none, ACCUSE=1 - p_none), th)
        assert bool(c.dropped) is dropped, status
        if dropped and status != "asserted":
            assert status in c.dropped
    # "would not negotiate": a refusal, PLOVER's REJECT, stays the rules' call
    c = _Cand("CONSULT")
    c.status, c.refusal = "negated", True
    apply(c, _probs(NONE=0.9), th)
    assert not c.dropped
    # a model file that does not say keeps every such candidate, as before
    c = _Cand("ACCUSE")
    c.status = "negated"
    apply(c, _probs(NONE=0.99), Thresholds.from_meta({"thresholds": {"drop": 0.4}}))
    assert not c.dropped


def test_a_broad_candidate_needs_the_models_confirmation():
    c = _Cand("ACCUSE")
    c.entry = type(c.entry)(pos="v", lemma="x", event_type="ACCUSE", flags=frozenset({"broad"}))
    apply(c, _probs(NONE=0.5, ACCUSE=0.5), TH)
    assert c.dropped and "broad" in c.dropped
    c = _Cand("ACCUSE")
    c.entry = type(c.entry)(pos="v", lemma="x", event_type="ACCUSE", flags=frozenset({"broad"}))
    apply(c, _probs(NONE=0.2, REJECT=0.8), TH)
    assert not c.dropped and c.event_type == "REJECT"


def test_numpy_encoder_matches_the_reference_bert():
    """The NumPy forward pass gives what transformers' BertModel gives on the same weights."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from wirecoder.models.encoder import Encoder, base_path

    enc = Encoder.load()
    texts = ["Police arrested ten protesters in Cairo.", "Talks [SEP] The two sides met."]
    encs = enc.tokenize(texts)
    n = max(len(e.ids) for e in encs)
    ids = np.zeros((2, n), dtype=np.int64)
    mask = np.zeros((2, n), dtype=np.int64)
    for i, e in enumerate(encs):
        ids[i, : len(e.ids)] = e.ids
        mask[i, : len(e.ids)] = 1
    ours = enc.hidden(ids, mask, exact=True)
    quick = enc.hidden(ids, mask)  # the PyTorch copy, when PyTorch is there
    model = transformers.AutoModel.from_pretrained(str(base_path())).eval()
    with torch.no_grad():
        ref = model(
            input_ids=torch.tensor(ids), attention_mask=torch.tensor(mask)
        ).last_hidden_state
    m = mask.astype(bool)
    assert np.abs(ours[m] - ref.numpy()[m]).max() < 1e-3
    assert np.abs(quick[m] - ours[m]).max() < 1e-3


@pytest.fixture
def ship(monkeypatch):
    """Make `path` the installed decide.npz (the other model files stay as installed)."""
    real_files = decide.resources.files

    def install(path):
        class _Files:
            def joinpath(self, name):
                if name == "decide.npz":
                    return path
                return real_files("wirecoder.models").joinpath(name)

            def iterdir(self):
                return iter([path])

        monkeypatch.setattr(
            decide.resources,
            "files",
            lambda pkg: _Files() if pkg == "wirecoder.models" else real_files(pkg),
        )
        decide.load_decider.cache_clear()

    yield install
    decide.load_decider.cache_clear()


def test_a_corrupt_model_file_is_a_coded_error(tmp_path, ship):
    bad = tmp_path / "decide.npz"
    bad.write_bytes(b"not a zip file")
    ship(bad)
    with pytest.raises(ResourceError) as info:
        decide.load_decider()
    assert info.value.code == "E205"


def test_a_missing_model_file_is_a_coded_error(tmp_path, ship):
    ship(tmp_path / "decide.npz")  # never written
    with pytest.raises(ResourceError) as info:
        decide.load_decider()
    assert info.value.code == "E205" and "not installed" in str(info.value)


def test_shipped_model_decides_and_keeps_obvious_events():
    d = decide.load_decider()
    feats = [0.0] * decide.N_FEATURES
    feats[list(LABELS).index("ASSAULT")] = 1.0
    feats[16] = 1.0  # asserted
    text = " [SEP] Gunmen shot dead three policemen in Peshawar on Monday."
    start = text.index("shot")
    p = d.predict([Item(text, start, start + 4, tuple(feats))])[0]
    assert p.shape == (len(d.labels),)
    assert abs(p.sum() - 1) < 1e-4
    assert d.labels[int(p.argmax())] == "ASSAULT"


def test_code_with_a_corrupt_model_exits_4_naming_it(tmp_path, ship):
    from typer.testing import CliRunner

    from wirecoder.cli import app

    bad = tmp_path / "decide.npz"
    bad.write_bytes(b"PK\x03\x04 truncated")
    ship(bad)
    res = CliRunner().invoke(app, ["code", "-"], input="Police arrested ten men.\n")
    assert res.exit_code == 4
    assert "E205" in res.output and "decide.npz" in res.output
    assert "Traceback" not in res.output
    # --fast does without the model
    res = CliRunner().invoke(app, ["code", "--fast", "-"], input="Police arrested ten men.\n")
    assert res.exit_code == 0
