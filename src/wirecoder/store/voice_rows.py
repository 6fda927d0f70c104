"""The store's rows for who says what: quotes, framing and claims from a coded batch.

A coded batch carries each article's voices as one JSON object in its `voices` column (null
for a batch coded without them, as a Parquet part of an older release).
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

QUOTE_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("quote_id", pa.string()), ("quote_index", pa.int32()),
    ("speaker_text", pa.string()), ("speaker_name", pa.string()),
    ("speaker_country", pa.string()), ("speaker_sector", pa.string()),
    ("speaker_kind", pa.string()), ("anonymous", pa.bool_()), ("cue_text", pa.string()),
    ("cue_start", pa.int32()), ("cue_end", pa.int32()), ("content_text", pa.string()),
    ("content_start", pa.int32()), ("content_end", pa.int32()), ("kind", pa.string()),
    ("via", pa.list_(pa.string())), ("event_ids", pa.list_(pa.string())),
    ("record", pa.string()),
])  # fmt: skip
FRAMING_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("framing_index", pa.int32()), ("text", pa.string()),
    ("start", pa.int32()), ("end", pa.int32()), ("category", pa.string()),
    ("target_text", pa.string()), ("target_name", pa.string()),
    ("target_country", pa.string()), ("target_sector", pa.string()),
])  # fmt: skip
CLAIM_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("claim_id", pa.string()), ("topic", pa.string()),
    ("event_ids", pa.list_(pa.string())), ("stances", pa.string()),
])  # fmt: skip


def voices_json(voices: Any) -> str | None:
    """The JSON a coded batch carries for one article's `Voices` (None without them)."""
    if voices is None:
        return None
    d = voices.to_dict()
    return json.dumps({k: d[k] for k in ("quotes", "framing", "claims")}, ensure_ascii=False)


def voice_rows(ok: pa.Table) -> tuple[pa.Table, pa.Table, pa.Table]:
    """(quotes, framing, claims) rows for the articles of a coded batch."""
    q: dict[str, list[Any]] = {n: [] for n in QUOTE_SCHEMA.names}
    f: dict[str, list[Any]] = {n: [] for n in FRAMING_SCHEMA.names}
    c: dict[str, list[Any]] = {n: [] for n in CLAIM_SCHEMA.names}
    if "voices" in ok.column_names:
        for aid, raw in zip(ok.column("id").to_pylist(), ok.column("voices").to_pylist(),
                            strict=True):  # fmt: skip
            if not raw:
                continue
            v = json.loads(raw)
            for i, qd in enumerate(v.get("quotes") or []):
                sp = qd.get("speaker") or {}
                for key, val in (
                    ("article_id", aid), ("quote_id", qd["quote_id"]), ("quote_index", i),
                    ("speaker_text", sp.get("text")), ("speaker_name", sp.get("name")),
                    ("speaker_country", sp.get("country")), ("speaker_sector", sp.get("sector")),
                    ("speaker_kind", qd.get("speaker_kind")), ("anonymous", qd.get("anonymous")),
                    ("cue_text", qd["cue"]["text"]), ("cue_start", qd["cue"]["start"]),
                    ("cue_end", qd["cue"]["end"]), ("content_text", qd["content"]["text"]),
                    ("content_start", qd["content"]["start"]),
                    ("content_end", qd["content"]["end"]), ("kind", qd.get("kind")),
                    ("via", qd.get("via") or []), ("event_ids", qd.get("event_ids") or []),
                    ("record", json.dumps(qd, ensure_ascii=False)),
                ):  # fmt: skip
                    q[key].append(val)
            for i, fd in enumerate(v.get("framing") or []):
                t = fd.get("target") or {}
                for key, val in (
                    ("article_id", aid), ("framing_index", i), ("text", fd["text"]),
                    ("start", fd["start"]), ("end", fd["end"]), ("category", fd["category"]),
                    ("target_text", t.get("text")), ("target_name", t.get("name")),
                    ("target_country", t.get("country")), ("target_sector", t.get("sector")),
                ):  # fmt: skip
                    f[key].append(val)
            for cd in v.get("claims") or []:
                c["article_id"].append(aid)
                c["claim_id"].append(cd["claim_id"])
                c["topic"].append(cd.get("topic"))
                c["event_ids"].append(cd.get("event_ids") or [])
                c["stances"].append(json.dumps(cd.get("stances") or [], ensure_ascii=False))
    return (
        pa.table(q, schema=QUOTE_SCHEMA),
        pa.table(f, schema=FRAMING_SCHEMA),
        pa.table(c, schema=CLAIM_SCHEMA),
    )


VOICE_TABLES = ("quotes", "framing", "claims")

__all__ = ["VOICE_TABLES", "voice_rows", "voices_json"]
