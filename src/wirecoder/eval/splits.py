"""Deterministic train/dev splits, so training never sees what evaluation scores.

An item is in the dev split when the hash of its grouping key falls in the dev
bucket. Synthetic stories are grouped by their headline template (the prompt), so
no dev story shares a prompt with a training story.
"""

from __future__ import annotations

import hashlib

DEV_BUCKETS = 5  # one in five


def bucket(key: str) -> int:
    return int(hashlib.md5(key.encode("utf-8")).hexdigest(), 16) % DEV_BUCKETS


def in_dev(key: str) -> bool:
    return bucket(key) == 0


__all__ = ["DEV_BUCKETS", "bucket", "in_dev"]
