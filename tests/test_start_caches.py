"""What a cold start reads from the user's cache instead of building (issue 19, item 14): the
merged MiniLM weights and the built-in actor dictionary. A cache must never change a result:
a damaged, foreign or unwritable cache only means building again."""

from __future__ import annotations

import numpy as np
import pytest

from wirecoder.cache import cached_arrays


def _arrays() -> dict[str, np.ndarray]:
    return {"a": np.arange(6, dtype=np.float32).reshape(2, 3), "b.c": np.ones(4, np.float32)}


def test_arrays_are_built_once_then_memory_mapped(tmp_path, monkeypatch):
    monkeypatch.setenv("WIRECODER_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return _arrays()

    first = cached_arrays("w", "k1", build)
    again = cached_arrays("w", "k1", build)
    assert len(calls) == 1
    for name, value in _arrays().items():
        assert np.array_equal(first[name], value) and np.array_equal(again[name], value)
    assert not again["a"].flags.writeable  # read from the file, not a copy in memory
    # new inputs: built again, and the old entry goes
    cached_arrays("w", "k2", build)
    assert len(calls) == 2
    assert [p.name for p in tmp_path.glob("w-*.npy")] == ["w-k2.npy"]
    assert not list(tmp_path.glob(".w-*"))  # no temporary file left behind


@pytest.mark.parametrize("damage", [b"", b"not an array", b"\x93NUMPY\x01\x00garbage"])
def test_a_damaged_array_entry_is_rebuilt(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("WIRECODER_CACHE_DIR", str(tmp_path))
    (tmp_path / "w-k.npy").write_bytes(damage)
    got = cached_arrays("w", "k", _arrays)
    assert np.array_equal(got["a"], _arrays()["a"])
    again = cached_arrays("w", "k", lambda: pytest.fail("the repaired entry should be read"))
    assert np.array_equal(again["b.c"], _arrays()["b.c"])


def test_a_truncated_array_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("WIRECODER_CACHE_DIR", str(tmp_path))
    cached_arrays("w", "k", _arrays)
    path = tmp_path / "w-k.npy"
    path.write_bytes(path.read_bytes()[:-8])
    assert np.array_equal(cached_arrays("w", "k", _arrays)["b.c"], _arrays()["b.c"])


def test_an_entry_that_fails_the_check_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("WIRECODER_CACHE_DIR", str(tmp_path))
    cached_arrays("w", "k", lambda: {"a": np.zeros(2, np.float32)})
    got = cached_arrays("w", "k", _arrays, check=lambda w: "b.c" in w)
    assert set(got) == {"a", "b.c"}


def test_an_unwritable_array_cache_still_returns_the_arrays(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("WIRECODER_CACHE_DIR", str(blocker / "sub"))
    got = cached_arrays("w", "k", _arrays)
    assert np.array_equal(got["a"], _arrays()["a"])


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WIRECODER_CACHE_DIR", str(tmp_path))
    return tmp_path


def _hidden(enc, texts):
    encs = enc.tokenize(texts)
    n = max(len(e.ids) for e in encs)
    ids = np.zeros((len(texts), n), dtype=np.int64)
    mask = np.zeros((len(texts), n), dtype=np.int64)
    for i, e in enumerate(encs):
        ids[i, : len(e.ids)] = e.ids
        mask[i, : len(e.ids)] = 1
    return enc.hidden(ids, mask), enc.hidden(ids, mask, exact=True)


def test_cached_minilm_weights_give_the_same_states(fresh_cache):
    """Merged once and memory-mapped afterwards, or merged in memory: the same numbers, in both
    forward passes; a damaged entry is merged again with the same result."""
    from wirecoder.models import decider
    from wirecoder.models.encoder import Encoder

    with decider.resources.files("wirecoder.models").joinpath("decide.npz").open("rb") as fh:
        data = np.load(fh)
        deltas = decider.lora_deltas(data)
    texts = ["Police arrested ten protesters in Cairo.", "Rebels attacked a base [SEP] Two died."]
    in_memory = _hidden(Encoder.load(deltas), texts)
    first = Encoder.load(deltas, key="k")
    (entry,) = fresh_cache.glob("minilm-*.npy")
    cached = Encoder.load(lambda: pytest.fail("merged again"), key="k")
    for got in (_hidden(first, texts), _hidden(cached, texts)):
        assert all(np.array_equal(a, b) for a, b in zip(got, in_memory, strict=True))
    entry.write_bytes(entry.read_bytes()[: 1 << 20])  # cut short, as by a full disk
    repaired = Encoder.load(deltas, key="k")
    assert all(
        np.array_equal(a, b) for a, b in zip(_hidden(repaired, texts), in_memory, strict=True)
    )


def test_the_minilm_cache_key_follows_the_model_file(fresh_cache):
    from wirecoder.models.encoder import base_path, merged_weights_key

    base = base_path()
    assert merged_weights_key(base, "a") == merged_weights_key(base, "a")
    assert merged_weights_key(base, "a") != merged_weights_key(base, "b")


def test_cached_actor_dictionary_is_the_built_one(fresh_cache):
    """Same tables, in the same order, with each entry shared between its forms."""
    from wirecoder.actors.build import build_builtin
    from wirecoder.actors.cached import cached_builtin
    from wirecoder.nlp import english_words

    common = english_words()
    built = build_builtin(common)
    cached_builtin(common)  # builds and writes the entry
    assert list(fresh_cache.glob("actors-*.pickle"))
    read = cached_builtin(common)
    for table in ("exact", "folded"):
        a, b = getattr(built, table), getattr(read, table)
        assert list(a) == list(b)
        assert all(a[k] == b[k] for k in a)
    assert built.countries == read.countries and built.roles == read.roles
    assert built.name_words == read.name_words and built.max_len == read.max_len
    assert read.common is common
    assert read.lookup(["Barack", "Obama"]) == built.lookup(["Barack", "Obama"])
    assert read.lookup(["Barack", "Obama"])


def test_a_damaged_actor_cache_is_rebuilt(fresh_cache):
    from wirecoder.actors.cached import builtin_key, cached_builtin
    from wirecoder.nlp import english_words

    common = english_words()
    (fresh_cache / f"actors-{builtin_key(common)}.pickle").write_bytes(b"\x80\x05garbage")
    d = cached_builtin(common)
    assert d.lookup(["Barack", "Obama"])
    assert cached_builtin(common).lookup(["Barack", "Obama"]) == d.lookup(["Barack", "Obama"])


def test_english_words_cached_are_the_models_own(fresh_cache):
    from wirecoder.nlp import MODEL_NAME, _english_words, english_words

    english_words.cache_clear()
    try:
        assert english_words() == _english_words(MODEL_NAME)
        assert list(fresh_cache.glob("english-*.pickle"))
        english_words.cache_clear()
        assert "attack" in english_words()
    finally:
        english_words.cache_clear()


def test_import_and_the_command_list_load_no_heavy_library():
    """`import wirecoder` and listing the commands stay cheap: models, DuckDB, pyarrow and
    pandas load only when a command needs them."""
    import json
    import subprocess
    import sys

    heavy = ["duckdb", "numpy", "pandas", "pyarrow", "spacy", "tokenizers", "torch"]
    code = (
        "import sys, json, wirecoder; before = [m for m in HEAVY if m in sys.modules]; "
        "from wirecoder.cli import app; from wirecoder.cli_more import register; "
        "register(app); print(json.dumps([before, [m for m in HEAVY if m in sys.modules]]))"
    ).replace("HEAVY", repr(heavy))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == [[], []]


@pytest.mark.parametrize("preset", [None, "ACTIVE"])
def test_the_command_lets_openmp_threads_sleep_unless_told_otherwise(monkeypatch, preset):
    """Set before the command runs (before PyTorch loads OpenMP); the user's setting wins."""
    import os

    from wirecoder import cli, cli_more

    if preset is None:
        monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    else:
        monkeypatch.setenv("OMP_WAIT_POLICY", preset)
    seen = []
    monkeypatch.setattr(cli_more, "register", lambda app: None)
    monkeypatch.setattr(cli, "app", lambda: seen.append(os.environ.get("OMP_WAIT_POLICY")))
    cli.main()
    assert seen == [preset or "PASSIVE"]
