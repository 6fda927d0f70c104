"""Build wirecoder's dated actor knowledge base from the Phoenix actor dictionaries.

Reads ../shared/data/petrarch_dictionaries (PETRARCH2 / Phoenix, 2014-15, MIT):
- Phoenix.Countries.actors.txt: about 7,500 people with dated roles such as
  `[RUSGOV 000507-080507]` -> one row per person and dated role;
- Phoenix.MilNonState.actors.txt: armed groups (`[PAKREB]`, `[IMGMUSALQ]`) -> rebel groups;
- Phoenix.International.actors.txt: international organisations and NGOs (not its companies).

and writes src/wirecoder/actors/data/phoenix_actors.tsv. Each row carries the forms a news
story writes alone (full names and their variants; no lone surnames, no forms with a title,
which wirecoder's role words read anyway), already split into the tokens wirecoder's tokenizer
makes, so loading needs no tokenizer. Outside every dated role a person is an elite (ELI) of
their country, as the dictionary's own default says. wirecoder's own lists win wherever both
know a name (these rows load with a lower priority), and a descriptor in the article wins over
both (`actors/mentions.py`). The MIT notice of the source is kept in the file.

    python scripts/build_actor_kb.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/wirecoder/actors/data/phoenix_actors.tsv"
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "ELI", "SPY", "BUS", "MED",
           "REL", "EDU", "LAB", "CVL", "UAF", "REF", "AGR", "CRM"}  # fmt: skip
TITLES = {"PRESIDENT", "MINISTER", "PRIME", "SECRETARY", "GENERAL", "GEN.", "KING", "QUEEN",
          "PRINCE", "CHAIRMAN", "LEADER", "GOVERNOR", "SENATOR", "DR.", "MR.", "MRS.", "MS.",
          "SHEIKH", "SHEIK", "AYATOLLAH", "EMIR", "SULTAN", "CHANCELLOR", "FOREIGN", "DEFENSE",
          "DEFENCE", "INTERIOR", "VICE", "DEPUTY", "FORMER", "COL.", "LT.", "MAJ.", "ADMIRAL",
          "PREMIER", "SPEAKER", "AMBASSADOR", "ENVOY", "MAYOR", "JUDGE", "JUSTICE",
          "SECRETARY-GENERAL", "COMMANDER", "CHIEF", "SEN.", "REP.", "PRES.", "GOV.", "AMB."}  # fmt: skip
SMALL = {"of", "the", "and", "for", "in", "on", "de", "del", "la", "al", "el", "bin", "ibn"}
_CODE = re.compile(r"\[([A-Z]{3})([A-Z]{3})?[A-Z]*\s*([<>]?\d{6,8})?(?:\s*-\s*(\d{6,8}))?\]")
_ACRONYM = re.compile(r"\(([A-Z][A-Z.\-]{1,8})\)")
_TOK = spacy.blank("en").tokenizer


def _date(raw: str) -> str:
    """Phoenix dates are YYMMDD (a few YYYYMMDD)."""
    if len(raw) == 8:
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"
    yy, mm, dd = int(raw[:2]), raw[2:4], raw[4:6]
    year = 2000 + yy if yy < 30 else 1900 + yy
    return f"{year}-{mm}-{dd}"


def _words(form: str) -> list[str]:
    form = _ACRONYM.sub(" ", form)
    words = [w for w in re.split(r"[_\s]+", form.strip()) if w]
    return words[1:] if len(words) > 1 and words[0] == "THE" else words  # "the UN" is the UN


def _display(words: list[str]) -> str:
    out = []
    for k, w in enumerate(words):
        low = w.lower()
        if k and low in SMALL:
            out.append(low)
            continue
        if "." in w or re.fullmatch(r"[IVX]+", w):
            out.append(w)  # "U.S.", "Letsie III"
            continue
        w = w.capitalize()
        w = re.sub(r"(?<=[-'])([a-z])", lambda m: m.group(1).upper(), w)  # Al-Abadi, O'Neill
        out.append(w)
    return " ".join(out)


def _joined_initials(name: str) -> str:
    """'A. K. Antony' is written 'A.K. Antony' in the news."""
    return re.sub(r"\b([A-Z])\. (?=[A-Z]\.)", r"\1.", name)


def _tokens(name: str) -> str:
    mark = "=" if name.startswith("=") else ""
    return mark + " ".join(t.text for t in _TOK(name.lstrip("=")) if t.text.strip())


def _person_form(form: str, head: str) -> bool:
    words = _words(form)
    if not 2 <= len(words) <= 5 or any(w in TITLES for w in words):
        return False
    return words[-1] == _words(head)[-1]  # the same family name


def _blocks(path: Path) -> list[tuple[str, list[str], list[str]]]:
    """(head line, '+' variant forms, code strings) for each entry of a Phoenix actor file."""
    blocks: list[tuple[str, list[str], list[str]]] = []
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("+"):
            if blocks:
                blocks[-1][1].append(line[1:].split("[", 1)[0].strip())
                blocks[-1][2].extend(_CODE.findall(line))
            continue
        if line[0] in " \t" or line.lstrip().startswith("["):
            if blocks:
                blocks[-1][2].extend(_CODE.findall(line))
            continue
        blocks.append((line.split("[", 1)[0].strip(), [], list(_CODE.findall(line))))
    return blocks


def people(path: Path, iso3: set[str], common: set[str]) -> list[dict[str, str]]:
    """People with dated roles; the few entries without a date are institutions
    ("Federal Bureau of Investigation", "Lok Sabha") and are written as organisations."""
    rows: list[dict[str, str]] = []
    for head, forms, codes in _blocks(path):
        if codes and not any(c[2] or c[3] for c in codes):
            country, sector = codes[0][0], codes[0][1]
            org_names = _org_names(head, forms, common)
            if country in iso3 and sector in SECTORS and org_names:
                rows.append(_row("org", org_names, country, sector, "", ""))
            continue
        names = [_display(_words(head))]
        names += [_display(_words(f)) for f in forms if _person_form(f, head)]
        names += [_joined_initials(n) for n in names]
        names = list(dict.fromkeys(n for n in names if len(n.split()) >= 2))
        if not names:
            continue
        dated: list[tuple[str, str, str, str]] = []
        default: tuple[str, str] | None = None
        for country, sector, first, last in codes:
            if country not in iso3 or sector not in SECTORS:
                continue
            if not first and not last:
                default = (country, sector)
                continue
            start = end = ""
            if first.startswith(">"):
                start = _date(first[1:])
            elif first.startswith("<"):
                end = _date(first[1:])
            elif first:
                start = _date(first)
            if last:
                end = _date(last)
            if sector == "ELI":
                continue  # a dated spell as a former official: the default covers it
            dated.append((country, sector, start, end))
        if not dated and default:
            dated = [(default[0], default[1], "", "")]
        for country, sector, start, end in dated:
            rows.append(_row("person", names, country, sector, start, end))
    return rows


def _row(
    kind: str, names: list[str], country: str, sector: str, start: str, end: str
) -> dict[str, str]:
    tokens = [_tokens(n) for n in names]
    name = names[0].lstrip("=")
    return {  # an empty name is the first form (most rows: keeps the file under 2 MB)
        "kind": kind, "name": "" if name == tokens[0].lstrip("=") else name,
        "tokens": "|".join(tokens), "country": country, "sector": sector, "from": start, "to": end,
    }  # fmt: skip


def groups(path: Path, iso3: set[str], common: set[str]) -> list[dict[str, str]]:
    """Armed groups: country-coded rebels, or IMG (an armed group without a state)."""
    rows: list[dict[str, str]] = []
    for head, forms, codes in _blocks(path):
        if not codes:
            continue
        country = codes[0][0]
        country = country if country in iso3 else "IMG"
        names = _org_names(head, forms, common)
        if names:
            rows.append(_row("org", names, country, "REB", "", ""))
    return rows


def organisations(path: Path, iso3: set[str], common: set[str]) -> list[dict[str, str]]:
    """IGOs (UNO, EUR or IGO) and NGOs."""
    rows: list[dict[str, str]] = []
    for head, forms, codes in _blocks(path):
        if not codes:
            continue
        first, second = codes[0][0], codes[0][1]
        if first == "IGO":
            country, sector = (second if second in ("UNO", "EUR") else "IGO"), ""
        elif first == "NGO":
            country, sector = "NGO", ""
        else:
            # companies (news events rarely need them; they would double the file), people
            # and offices of IGOs (wirecoder's role words read them)
            continue
        names = _org_names(head, forms, common)
        if names:
            rows.append(_row("org", names, country, sector, "", ""))
    return rows


def _english(word: str, common: set[str]) -> bool:
    """A word of English, or the plural of one ("Mavericks" is no French resistance group)."""
    low = word.lower()
    return low in common or (low.endswith("s") and low[:-1] in common)


def _org_names(head: str, forms: list[str], common: set[str]) -> list[str]:
    names: list[str] = []
    for form in [head, *forms]:
        words = _words(form)
        if not words or any(w in TITLES for w in words):
            continue
        if len(words) == 1 and len(words[0].replace(".", "")) <= 6:
            if len(words[0].replace(".", "")) >= 3 and not _english(words[0], common):
                names.append("=" + words[0])  # an acronym, case-sensitive: "SLMM"
            continue
        if len(words) == 1 and _english(words[0], common):
            continue  # "Apple", "Shell": a word of English is no name on its own
        names.append(_display(words))
        for acr in _ACRONYM.findall(form):
            if len(acr.replace(".", "")) >= 3:
                names.append("=" + acr)  # case-sensitive: "AAIA", never "aaia"
    return list(dict.fromkeys(names))


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data"))
    ap.add_argument("--out", default=str(OUT), help="where to write (default: the shipped file)")
    args = ap.parse_args()
    out = Path(args.out)
    root = Path(args.data) / "petrarch_dictionaries"
    with (ROOT / "src/wirecoder/actors/data/countries.tsv").open(encoding="utf-8") as fh:
        reader = csv.DictReader((x for x in fh if not x.startswith("#")), delimiter="\t")
        iso3 = {r["iso3"] for r in reader}
    from wirecoder.nlp import english_words

    common = set(english_words())
    rows = people(root / "Phoenix.Countries.actors.txt", iso3, common)
    rows += groups(root / "Phoenix.MilNonState.actors.txt", iso3, common)
    rows += organisations(root / "Phoenix.International.actors.txt", iso3, common)
    notice = (root / "LICENSE").read_text(encoding="utf-8")
    cols = ["kind", "name", "tokens", "country", "sector", "from", "to"]
    lines = [
        "# Dated actor knowledge base, derived by scripts/build_actor_kb.py from the Phoenix actor",
        "# dictionaries (PETRARCH2, 2014-15). wirecoder's own lists and the article's own",
        "# descriptors win over these rows. tokens: '|'-separated forms, each split into tokens;",
        "# an empty name is the first form.",
        *("# " + x if x else "#" for x in notice.splitlines()),
        "\t".join(cols),
    ]
    lines += ["\t".join(r[c] for c in cols) for r in rows]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kinds = {k: sum(r["kind"] == k for r in rows) for k in ("person", "org")}
    print(f"{out}: {len(rows)} rows ({kinds})")


if __name__ == "__main__":
    main()
