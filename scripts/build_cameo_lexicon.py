"""Build wirecoder's broad candidate lexicon from PETRARCH2's CAMEO verb dictionary.

Reads ../shared/data/petrarch_dictionaries/CAMEO.2.0.txt (4,668 verb blocks: verbs, their
synonyms and phrase patterns, each with a CAMEO code) and the CAMEO->PLOVER crosswalk
(../shared/data/plover/cameo2plover_2021.csv) and writes
src/wirecoder/events/data/cameo_lexicon.tsv, one row per verb lemma (or particle verb):

    lemma <TAB> default PLOVER type or "-" <TAB> mode <TAB> patterns

where patterns are `word/word>TYPE:mode` entries: when one of the words is a dependent of the
verb, the pattern's type applies ("rush aid" -> AID). The file keeps the dictionary's MIT
notice. wirecoder's own trigger lexicon (triggers.txt) wins where both have a word; this
lexicon only proposes candidates that the learned decision then accepts, retypes or drops.

    python scripts/build_cameo_lexicon.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/wirecoder/events/data/cameo_lexicon.tsv"
_CODE = re.compile(r"\[([0-9-]+)(?::[0-9-]*)?\]")
_STOP = {"*", "$", "+", "%", "^", "A", "AN", "THE", "OF", "TO", "IN", "ON", "FOR", "WITH", "BY",
         "AT", "FROM", "AND", "OR", "AS", "INTO", "OVER", "AGAINST", "{", "}", "(", ")", "-"}  # fmt: skip


def crosswalk(path: Path) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["cameo"].strip()
            if code and row["plover_event"].strip():
                out.setdefault(code, (row["plover_event"].strip(), row["mode"].strip()))
    return out


#: CAMEO codes the 2021 crosswalk leaves out, read as the PLOVER manual suggests (its
#: "CAMEO to PLOVER" notes: 016 deny responsibility may be REJECT, 015 acknowledge
#: responsibility AGREE-like; wirecoder takes CONCEDE, which holds admissions) and 02, an
#: appeal, as REQUEST
EXTRA = {"015": ("CONCEDE", ""), "016": ("REJECT", ""), "02": ("REQUEST", "")}


#: codes whose crosswalk mode is narrower than the code: 183 is "suicide, car, or other
#: non-military bombing", but PLOVER's `suicide-attack` holds suicide attacks only ("a bomb
#: exploded in a market" is `explosives`); its mode is left to the words around the trigger
#: (events/data/modes.txt: "suicide" -> suicide-attack, "bomb", "landmine" -> explosives)
EXACT = {"183": ("ASSAULT", "")}


def to_plover(code: str, walk: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The PLOVER type and mode of a CAMEO code (longest known prefix), or None."""
    if not code or code.startswith("-"):
        return None
    if code in EXACT:
        return EXACT[code]
    for n in range(len(code), 1, -1):
        if code[:n] in EXTRA:
            return EXTRA[code[:n]]
    for n in range(len(code), 1, -1):
        if code[:n] in walk:
            return walk[code[:n]]
    return None


def lemma_of(word: str) -> str:
    """A dictionary verb ('MEET_WITH', 'SHOOT_DOWN') as lower-case words."""
    return word.strip("+").replace("_", " ").strip().lower()


def parse(path: Path, walk: dict[str, tuple[str, str]]) -> dict[str, dict[str, object]]:
    entries: dict[str, dict[str, object]] = {}
    block_code = ""
    block_verbs: list[tuple[str, str]] = []
    in_verbs = False

    def flush_patterns(patterns: list[tuple[list[str], str]]) -> None:
        # a block without a default code ("REFUSE [---]") reads as the type most of its
        # patterns give, when that is at least 40% of them ("deny" -> REJECT)
        votes = Counter(p[0] for _, c in patterns if (p := to_plover(c, walk)))
        majority = None
        if votes:
            top, n = votes.most_common(1)[0]
            if n >= 0.4 * sum(votes.values()):
                majority = (top, "")
        for lemma, code in block_verbs:
            e = entries.setdefault(lemma, {"type": None, "mode": "", "patterns": defaultdict(set)})
            pl = to_plover(code or block_code, walk) or majority
            if pl and e["type"] is None:
                e["type"], e["mode"] = pl
            for words, pcode in patterns:
                # a pattern coded [---] says the words are no event ("killed in an accident")
                ppl = ("NONE", "") if pcode.startswith("-") else to_plover(pcode, walk)
                if ppl:
                    key = f"{ppl[0]}:{ppl[1]}"
                    e["patterns"][key].update(words)  # type: ignore[index]

    patterns: list[tuple[list[str], str]] = []
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs or not line.strip():
            continue
        if line.startswith("---"):
            flush_patterns(patterns)
            patterns, block_verbs = [], []
            m = _CODE.search(line)
            block_code = m.group(1) if m else ""
            continue
        if line.startswith("-"):
            m = _CODE.search(line)
            if not m:
                continue
            body = _CODE.sub("", line[1:])
            words = [w.strip("{}()").lower() for w in body.split() if w.strip("{}()")]
            words = [w for w in words if w.upper() not in _STOP and not w.startswith("&")]
            if words:
                patterns.append((words, m.group(1)))
            continue
        # a verb line: WORD {FORMS} [code]
        m = _CODE.search(line)
        word = line.split("{", 1)[0].split("[", 1)[0].strip()
        if word and re.fullmatch(r"\+?[A-Z][A-Z_'-]*", word):
            block_verbs.append((lemma_of(word), m.group(1) if m else ""))
    flush_patterns(patterns)
    return entries


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "shared/data"))
    args = ap.parse_args()
    root = Path(args.data)
    walk = crosswalk(root / "plover" / "cameo2plover_2021.csv")
    entries = parse(root / "petrarch_dictionaries" / "CAMEO.2.0.txt", walk)
    notice = (root / "petrarch_dictionaries" / "LICENSE").read_text(encoding="utf-8")
    lines = [
        "# wirecoder broad candidate lexicon, derived by scripts/build_cameo_lexicon.py from",
        "# PETRARCH2's CAMEO.2.0.txt verb dictionary and the CAMEO->PLOVER crosswalk (2021).",
        "# lemma <TAB> default PLOVER type or - <TAB> mode <TAB> TYPE:mode=word/word;... patterns",
        "#",
        *("# " + x if x else "#" for x in notice.splitlines()),
    ]
    kept = 0
    for lemma in sorted(entries):
        e = entries[lemma]
        pats = ";".join(
            f"{k}={'/'.join(sorted(v))}"
            for k, v in sorted(e["patterns"].items())  # type: ignore[attr-defined]
            if k.split(":")[0] != e["type"]
        )
        if not e["type"] and not pats:
            continue
        kept += 1
        lines.append(f"{lemma}\t{e['type'] or '-'}\t{e['mode'] or '-'}\t{pats or '-'}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {kept} verbs from {len(entries)} dictionary verbs")


if __name__ == "__main__":
    main()
