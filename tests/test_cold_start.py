"""The gazetteer is built once and read from the user's cache afterwards (issue 19, item 14)."""

from __future__ import annotations

import pickle

import pytest

from wirecoder.cache import cache_dir, cached_pickle
from wirecoder.places.gazetteer import Gazetteer, Place, gazetteer_key, load_gazetteer


def test_cache_dir_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("WIRECODER_CACHE_DIR", str(tmp_path / "c"))
    assert cache_dir() == tmp_path / "c"
    monkeypatch.delenv("WIRECODER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "wirecoder"


def test_cached_value_is_built_once_then_read(tmp_path, monkeypatch):
    monkeypatch.setenv("WIRECODER_CACHE_DIR", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"n": len(calls)}

    assert cached_pickle("thing", "k1", build) == {"n": 1}
    assert cached_pickle("thing", "k1", build) == {"n": 1}
    assert len(calls) == 1
    # a new key (new inputs) builds again and replaces the old entry
    assert cached_pickle("thing", "k2", build) == {"n": 2}
    assert [p.name for p in tmp_path.glob("thing-*.pickle")] == ["thing-k2.pickle"]


def test_a_damaged_cache_entry_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("WIRECODER_CACHE_DIR", str(tmp_path))
    (tmp_path / "thing-k.pickle").write_bytes(b"not a pickle")
    assert cached_pickle("thing", "k", lambda: [1, 2]) == [1, 2]
    assert pickle.loads((tmp_path / "thing-k.pickle").read_bytes()) == [1, 2]


def test_an_unwritable_cache_still_returns_the_value(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("WIRECODER_CACHE_DIR", str(blocker / "sub"))
    assert cached_pickle("thing", "k", lambda: 7) == 7


def test_packed_gazetteer_answers_like_the_built_one():
    built = Gazetteer()
    kabul = Place("Kabul", "AFG", 34.5, 69.2, 3_000_000, "city", 1)
    tripoli_lb = Place("Tripoli", "LBN", 34.4, 35.8, 229_398, "city", 2)
    tripoli_ly = Place("Tripoli", "LBY", 32.9, 13.2, 1_150_989, "city", 3)
    built.add("Kabul", kabul)
    built.add("Kabol", kabul, alternate=True)
    built.add("Tripoli", tripoli_lb)
    built.add("Tripoli", tripoli_ly)
    built.capitals.add(("tripoli", "LBY"))
    again = Gazetteer.unpack(pickle.loads(pickle.dumps(built.pack())))
    assert len(again) == len(built) == 3
    assert again.best("Kabol") == kabul
    assert [n.alternate for n in again.named("Kabol")] == [True]
    assert again.best("Tripoli") == tripoli_ly  # the capital
    assert again.best("Tripoli", ["LBN"]) == tripoli_lb
    # adding to an unpacked gazetteer keeps what was packed under the same name
    again.add("Tripoli", Place("Tripoli", "USA", None, None, 0, "city", 4))
    assert len(again.lookup("Tripoli")) == 3


def test_key_changes_with_the_population_threshold():
    assert gazetteer_key(5000) != gazetteer_key(15000)
    assert gazetteer_key() == gazetteer_key()


@pytest.mark.slow
def test_the_shipped_gazetteer_survives_the_cache():
    gz = load_gazetteer()
    place = gz.best("Kandahar")
    assert place is not None and place.country == "AFG"
    assert len(gz) > 100_000
