"""Print a real-news gold article exactly as the gold offsets index it.

    python scripts/realnews_show.py KEY [--data ../shared/data]

The text is read from ../shared/data (never stored in the repository); annotators
quote triggers and actors from this print.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from wirecoder.eval.realnews_texts import read_text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("key", nargs="+")
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data"))
    args = ap.parse_args()
    for key in args.key:
        doc = read_text(Path(args.data), key)
        print(
            f"### {key}  collection={doc.collection}  publication_date={doc.date}  title={doc.title!r}"
        )
        print(doc.text)
        print()


if __name__ == "__main__":
    main()
