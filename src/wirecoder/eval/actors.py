"""Actor resolution: country and sector of actor strings against gold.

Two sources, both read from the development data at run time (nothing from them
is stored in the repository):

- agents: the reference agent dictionary (role words with CAMEO/PLOVER agent
  codes) crossed with the reference country list (nationality forms), giving
  strings like "<nationality> <role word>" with gold (country, primary sector).
  Each role word is paired with two nationality forms chosen by a hash, so every
  country appears; the dev/train split is by role word.
- cameo: the source/target/reciprocal spans of the CAMEO sentences, labelled by
  hand (`data/actor_labels.tsv`). A label is keyed by the SHA-1 of the normalised
  span and sentence, so the file holds no text; it is joined back to the data here.
  Spans are resolved in their sentence (actors and coreference stages), and the
  mention that covers most of the span is scored.

Metrics: exact (country, sector) accuracy, country-only and sector-only accuracy,
overall and per source; `sector_any` also accepts a secondary agent code
("GOVMIL" -> GOV or MIL).
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources as ir
from pathlib import Path

from ..coder import Coder
from ..errors import Codes, EvalError
from .common import PRF, Miss, Report, confuse, find_files, read_jsonl
from .splits import in_dev

# agent codes that are not a sector of a national actor, or not an actor at all
SKIP_CODES = {"JNK", "NON", "UNK", "IGO", "IMG", "PRE"}
# agent codes PLOVER treats as a civil-society sector when the actor has a nationality
CODE_AS_SECTOR = {"NGO": "SOC"}
# country-list codes that PLOVER spells differently
COUNTRY_CODES = {"XKX": "KOS"}
FUNCTION_WORDS = {"of", "for", "the", "and", "in", "to", "de", "on", "at"}
LABELS = "actor_labels.tsv"
_TOKEN = re.compile(r"\S+")


@dataclass
class Item:
    source: str  # agents | cameo
    id: str
    text: str  # the actor string (or span)
    country: str | None
    sector: str | None  # None: the actor has no sector ("the United Nations")
    others: tuple[str, ...] = ()  # secondary sectors of a compound agent code
    sentence: str | None = None  # cameo: the sentence the span is in
    role: str = ""  # agents: the role word; cameo: source/target/reciprocal


@dataclass
class Tally:
    n: int = 0
    exact: int = 0
    country: int = 0
    sector: int = 0
    sector_any: int = 0

    def add(self, ok_country: bool, ok_sector: bool, ok_any: bool) -> None:
        self.n += 1
        self.exact += ok_country and ok_sector
        self.country += ok_country
        self.sector += ok_sector
        self.sector_any += ok_country and ok_any

    def metrics(self, prefix: str = "") -> dict[str, float]:
        n = self.n or 1
        return {
            f"{prefix}accuracy": self.exact / n,
            f"{prefix}country_accuracy": self.country / n,
            f"{prefix}sector_accuracy": self.sector / n,
            f"{prefix}accuracy_any_sector": self.sector_any / n,
        }


# -- agents x countries ------------------------------------------------------------------


def _vocab() -> frozenset[str]:
    try:
        from ..nlp import english_words

        return english_words()
    except Exception:  # noqa: BLE001 - the vocabulary only helps complete word stems
        return frozenset()


def _complete(word: str, vocab: frozenset[str], by_prefix: dict[str, list[str]]) -> str:
    """Complete a truncated dictionary stem ("minist" -> "minister") from the vocabulary."""
    if not vocab or word in vocab or len(word) < 4 or not word.isalpha():
        return word
    cands = sorted(by_prefix.get(word[:4], ()), key=lambda w: (len(w), w))
    for w in cands:
        if w.startswith(word) and len(w) - len(word) <= 3:
            return w
    return word


def parse_agents(path: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    """(role words, primary sector, other sectors) from a CAMEO-style agents file."""
    text = path.read_text(encoding="utf-8", errors="replace")
    subst: dict[str, list[str]] = {}
    vocab = _vocab()
    by_prefix: dict[str, list[str]] = {}
    for w in vocab:
        if len(w) >= 4:
            by_prefix.setdefault(w[:4], []).append(w)
    seen: dict[str, tuple[str, tuple[str, ...]] | None] = {}
    order: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^(.+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]", line)
        if not m:
            continue
        pattern, code = m.group(1).strip(), m.group(3)
        if not pattern.isascii() or any(c in pattern for c in "()[]"):
            continue
        codes = tuple(code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3))
        if not codes:
            continue
        codes = tuple(CODE_AS_SECTOR.get(c, c) for c in codes)
        if codes[0] in SKIP_CODES:
            continue
        forms = [pattern]
        for key, alts in subst.items():
            if key in pattern:
                forms = [f.replace(key, alt) for f in forms for alt in alts[:1]]
        for form in forms:
            words = [w for w in re.split(r"[_\s]+", form) if w]
            while words and words[0].lower() in ("the", "a", "an"):
                words = words[1:]
            if not words or words[-1].lower() in FUNCTION_WORDS:
                continue
            if pattern.isupper() or not any(c.islower() for c in pattern):
                words = [w.lower() for w in words]
            words[-1] = _complete(words[-1], vocab, by_prefix)
            role = " ".join(words)
            value = (codes[0], codes[1:])
            if role in seen:
                if seen[role] is not None and seen[role] != value:
                    prev = seen[role]
                    if prev is not None and prev[0] != value[0]:
                        seen[role] = None  # the dictionary disagrees with itself: not gold
                continue
            seen[role] = value
            order.append(role)
    out = []
    for role in order:
        v = seen[role]
        if v is not None:
            out.append((role, v[0], v[1]))
    return out


def _is_plural_form(form: str) -> bool:
    """A plural noun ("Afghans", "Cayman Islanders") does not modify a role word."""
    last = form.split()[-1]
    return (
        last.endswith("s")
        and not last.isupper()
        and not last.lower().endswith(("ss", "ois", "islands", "territories"))
    )


def parse_countries(path: Path) -> list[tuple[str, str]]:
    """(country code, nationality form) pairs from the reference country list."""
    out: list[tuple[str, str]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = (row.get("CCA3") or row.get("ISO3") or "").strip().upper()
            if code.endswith("PRE") and len(code) == 6:
                code = code[:3]  # a partially recognised entity is coded with its state
            code = COUNTRY_CODES.get(code, code)
            if len(code) != 3:
                continue
            forms = {f.strip() for f in (row.get("Nationality") or "").split(",") if f.strip()}
            for form in sorted(forms):
                if any(c in form for c in "()[]") or " of " in form or "Republic" in form:
                    continue
                if _is_plural_form(form):
                    continue
                out.append((code, form))
    return out


def _pick(key: str, n: int) -> int:
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % n


def agent_items(root: Path, per_role: int = 2) -> list[Item]:
    agents = find_files(root, "actor_reference", ["*agents*.txt"], "actor_reference")
    countries = find_files(root, "actor_reference", ["*countr*.csv"], "actor_reference")
    roles = [r for f in agents for r in parse_agents(f)]
    forms = [c for f in countries for c in parse_countries(f)]
    if not roles or not forms:
        raise EvalError(Codes.E502, path=root / "actor_reference", detail="no agents or countries")
    items: list[Item] = []
    for role, sector, others in roles:
        used: set[int] = set()
        for k in range(per_role):
            i = _pick(f"{role}#{k}", len(forms))
            while i in used:
                i = (i + 1) % len(forms)
            used.add(i)
            code, form = forms[i]
            text = f"{form} {role}"
            items.append(
                Item("agents", f"agents:{role}#{k}", text, code, sector, others, role=role)
            )
    return items


# -- hand-labelled CAMEO spans -----------------------------------------------------------


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def label_key(span: str, sentence: str) -> str:
    """The key a hand label is stored under: no text, only a hash of span and sentence."""
    return hashlib.sha1(f"{normalise(span)}\n{normalise(sentence)}".encode()).hexdigest()


def load_labels(path: Path | None = None) -> dict[str, tuple[str | None, str | None]]:
    if path is None:
        text = ir.files("wirecoder.eval").joinpath("data", LABELS).read_text(encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    labels: dict[str, tuple[str | None, str | None]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith(("#", "key\t")):
            continue
        cells = line.split("\t")
        if len(cells) < 3:
            continue
        country, sector = cells[1].strip(), cells[2].strip()
        labels[cells[0].strip()] = (
            None if country in ("", "-") else country,
            None if sector in ("", "-") else sector,
        )
    return labels


def cameo_spans(root: Path) -> Iterator[tuple[str, str, str]]:
    """(sentence, role, span) for every actor span of the CAMEO sentences."""
    for f in find_files(root, "cameo_sentences", ["*.jsonl"], "cameo_sentences"):
        for _, r in read_jsonl(f):
            for role in ("source", "target", "reciprocal"):
                for span in r.get(role) or []:
                    if isinstance(span, str) and span.strip():
                        yield r["text"], role, span


def cameo_items(root: Path) -> tuple[list[Item], int]:
    labels = load_labels()
    items: list[Item] = []
    unlabelled = 0
    seen: set[str] = set()
    for sentence, role, span in cameo_spans(root):
        key = label_key(span, sentence)
        if key in seen:
            continue
        seen.add(key)
        if key not in labels:
            unlabelled += 1
            continue
        country, sector = labels[key]
        items.append(
            Item("cameo", f"cameo:{key[:10]}", span, country, sector, sentence=sentence, role=role)
        )
    return items, unlabelled


def locate(span: str, sentence: str) -> tuple[int, int] | None:
    """Character offsets of a (space-tokenised) span in its sentence."""
    toks = _TOKEN.findall(span)
    if not toks:
        return None
    pattern = r"\s*".join(re.escape(t) for t in toks)
    m = re.search(pattern, sentence) or re.search(pattern, sentence, re.IGNORECASE)
    if m is None:  # quotes and apostrophes are often normalised in the spans
        loose = r"\s*".join(re.escape(t).replace("'", "['’ʼ]") for t in toks)
        m = re.search(loose, sentence, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


# -- scoring -----------------------------------------------------------------------------


@dataclass
class Prediction:
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    matched: str | None = None
    rule: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def _predict_strings(coder: Coder, texts: list[str]) -> list[Prediction]:
    from ..actors.strings import resolve_strings

    out = []
    for m in resolve_strings(texts, coder.resources):
        if m is None:
            out.append(Prediction(rule="unresolved"))
        else:
            out.append(Prediction(m.country, m.sector, m.name, m.text, "; ".join(m.rule)))
    return out


def lone_names(file: str = "lone_names.tsv") -> list[tuple[str, str, str, str | None]]:
    """The team's lone-name list (eval/gold/lone_names.tsv): (name, date, country, sector) of
    people and organisations in the news 2000-2024, written before any change to the actor
    knowledge base, each as a story gives it alone. `lone_surnames.tsv`: leaders 2005-2023 by
    surname alone, as a headline or a later mention gives them (written at stop 24)."""
    import csv
    from importlib import resources

    ref = resources.files("wirecoder.eval.gold").joinpath(file)
    if not ref.is_file():
        return []
    rows = csv.DictReader(ref.read_text(encoding="utf-8").splitlines(), delimiter="\t")
    return [(r["name"], r["date"], r["country"], r["sector"] or None) for r in rows]


def score_lone_names(
    coder: Coder, rep: Report, errors: int = 0, file: str = "lone_names.tsv"
) -> None:
    """Country and sector of each lone name, resolved on its date (the role it then held)."""
    from ..actors.strings import resolve_strings

    items = lone_names(file)
    if not items:
        return
    key = file.removesuffix(".tsv")
    ok = ok_country = 0
    for name, date, country, sector in items:
        (m,) = resolve_strings([name], coder.resources, date)
        got = (m.country, m.sector) if m is not None else (None, None)
        ok_country += got[0] == country
        ok += got == (country, sector)
        if errors and got != (country, sector) and len(rep.misses) < errors:
            rep.misses.append(
                Miss(
                    f"{'lone' if key == 'lone_names' else key}:{name}",
                    name,
                    f"{country} {sector or '-'}",
                    f"{got[0] or '-'} {got[1] or '-'}",
                )
            )
    rep.metrics[f"{key}_accuracy"] = ok / len(items)
    rep.metrics[f"{key}_country_accuracy"] = ok_country / len(items)
    what = "people and organisations" if key == "lone_names" else "surnames alone"
    rep.notes.append(f"{key.replace('_', ' ')}: {len(items)} {what} (eval/gold/{file})")


def _predict_spans(coder: Coder, items: list[Item]) -> list[Prediction | None]:
    """Resolve each span in its sentence; None when the span is not found in the sentence."""
    sentences = sorted({it.sentence or "" for it in items})
    analyses = {}
    for sent in sentences:
        analyses[sent] = coder.analyze(sent)
    out: list[Prediction | None] = []
    for it in items:
        sent = it.sentence or ""
        where = locate(it.text, sent)
        if where is None:
            out.append(None)
            continue
        s, e = where
        doc = analyses[sent].doc
        # the span's head: of its tokens whose own head lies outside it, the one that
        # governs most of the span
        inside = [t for t in doc if s <= t.idx < e] if doc is not None else []
        tops = [t for t in inside if not (s <= t.head.idx < e) or t.head.i == t.i]
        head = max(
            tops,
            key=lambda t: (sum(1 for x in t.subtree if s <= x.idx < e), -t.i),
            default=None,
        )
        head_i = head.i if head is not None else -1
        best = None
        best_key: tuple[int, int, int, int] = (0, 0, 0, 0)
        for m in analyses[sent].mentions:
            ov = min(e, m.end_char) - max(s, m.start_char)
            if ov <= 0:
                continue
            at_head = head_i in m.heads or (m.start <= head_i < m.end and m.kind != "pronoun")
            key = (int(m.resolved), int(at_head), ov, -m.start_char)
            if best is None or key > best_key:
                best, best_key = m, key
        if best is None:
            out.append(Prediction(rule="no actor mention in the span"))
        else:
            out.append(
                Prediction(best.country, best.sector, best.name, best.text, "; ".join(best.rule))
            )
    return out


def evaluate(
    root: Path,
    limit: int | None = None,
    errors: int = 0,
    coder: Coder | None = None,
    split: str = "dev",
) -> Report:
    def keep(key: str) -> bool:
        return split == "all" or in_dev(key) == (split == "dev")

    agents = [it for it in agent_items(root) if keep(it.role)]
    cameo, unlabelled = cameo_items(root)
    cameo = [it for it in cameo if keep(it.sentence or "")]
    if limit:
        agents, cameo = agents[:limit], cameo[:limit]
    coder = coder or Coder(stages=("actors", "coref"))
    preds: list[Prediction | None] = [*_predict_strings(coder, [it.text for it in agents])]
    preds += _predict_spans(coder, cameo)
    rep = Report(f"actors ({split})")
    total = Tally()
    by_source = {"agents": Tally(), "cameo": Tally()}
    sectors = PRF()
    for it, p in zip([*agents, *cameo], preds, strict=True):
        if p is None:
            rep.skipped += 1
            continue
        rep.n += 1
        ok_c = p.country == it.country
        ok_s = p.sector == it.sector
        ok_any = ok_s or (p.sector in it.others)
        total.add(ok_c, ok_s, ok_any)
        by_source[it.source].add(ok_c, ok_s, ok_any)
        sectors.add([it.sector or "-"], [p.sector or "-"])
        confuse(rep.confusion, it.sector or "-", p.sector or "-")
        if errors and not (ok_c and ok_s) and len(rep.misses) < errors:
            rep.misses.append(
                Miss(
                    it.id,
                    it.text,
                    f"{it.country or '-'} {it.sector or '-'}",
                    f"{p.country or '-'} {p.sector or '-'}"
                    + (f" (matched '{p.matched}')" if p.matched and p.matched != it.text else ""),
                    p.rule,
                )
            )
    rep.metrics = total.metrics()
    for name, t in by_source.items():
        rep.metrics.update(t.metrics(f"{name}_"))
    rep.per_label = sectors.per_label()
    rep.notes.append(
        f"agents: {by_source['agents'].n} '<nationality> <role>' strings; "
        f"cameo: {by_source['cameo'].n} hand-labelled spans "
        f"({unlabelled} spans unlabelled, {rep.skipped} not found in their sentence)"
    )
    rep.notes.append("per label = gold sector (P/R of the predicted sector)")
    score_lone_names(coder, rep, errors)
    score_lone_names(coder, rep, errors, "lone_surnames.tsv")
    return rep


__all__ = [
    "agent_items",
    "cameo_items",
    "evaluate",
    "label_key",
    "load_labels",
    "locate",
    "parse_agents",
    "parse_countries",
]
