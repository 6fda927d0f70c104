"""False rejects of the English check (E109) on English texts, and its catch on others.

    python scripts/measure_english.py [--data ../shared/data] [--show 10]

English texts: wirecoder's 2,000 template articles (`wirecoder.examples.synthetic`), and,
when the development data is there (read in place, never copied), the synthetic PLOVER
stories, the InSight Crime and SATP reports, the PolNeAR articles, the CAMEO and
event-location sentences. Prints the share each set loses to the check (goal < 0.1% over all)
and the texts it rejects. Non-English texts: a few lines written for this script in French,
Spanish, German, Italian, Portuguese, Indonesian, Dutch, Turkish, Polish, Swahili, Arabic, Chinese and Russian, which it must
all reject.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from wirecoder.errors import InputError
from wirecoder.examples.synthetic import synthetic_articles
from wirecoder.read.english import check_english

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

#: Not English, each long enough (20+ words) for the function-word test to apply.
FOREIGN = {
    "fr": "Le gouvernement a annoncé mardi que les forces de sécurité avaient arrêté une "
    "dizaine de manifestants dans la capitale, selon un communiqué publié par le ministère "
    "de l'Intérieur après une journée de heurts.",
    "es": "El gobierno anunció el martes que las fuerzas de seguridad detuvieron a una "
    "decena de manifestantes en la capital, según un comunicado publicado por el ministerio "
    "del Interior tras una jornada de enfrentamientos.",
    "de": "Die Regierung teilte am Dienstag mit, dass die Sicherheitskräfte in der "
    "Hauptstadt etwa zehn Demonstranten festgenommen hätten, wie aus einer Erklärung des "
    "Innenministeriums nach einem Tag der Zusammenstöße hervorgeht.",
    "it": "Il governo ha annunciato martedì che le forze di sicurezza hanno arrestato una "
    "decina di manifestanti nella capitale, secondo un comunicato pubblicato dal ministero "
    "dell'Interno dopo una giornata di scontri.",
    "pt": "O governo anunciou na terça-feira que as forças de segurança prenderam cerca de "
    "dez manifestantes na capital, segundo um comunicado publicado pelo ministério do "
    "Interior depois de um dia de confrontos.",
    "id": "Pemerintah mengumumkan pada hari Selasa bahwa pasukan keamanan telah menangkap "
    "sekitar sepuluh demonstran di ibu kota, menurut pernyataan yang diterbitkan oleh "
    "kementerian dalam negeri setelah sehari bentrokan.",
    "nl": "De regering heeft dinsdag bekendgemaakt dat de veiligheidstroepen in de hoofdstad "
    "een tiental betogers hebben gearresteerd, volgens een verklaring van het ministerie van "
    "Binnenlandse Zaken na een dag van botsingen.",
    "tr": "Hükümet salı günü yaptığı açıklamada, güvenlik güçlerinin başkentte yaklaşık on "
    "göstericiyi gözaltına aldığını ve bu olayın bir gün süren çatışmalar sonrasında "
    "gerçekleştiğini bildirdi, için daha fazla bilgi verilmedi.",
    "pl": "Rząd ogłosił we wtorek, że siły bezpieczeństwa zatrzymały w stolicy około "
    "dziesięciu demonstrantów, jak podało ministerstwo spraw wewnętrznych, które nie "
    "podało jednak, że ktoś jest ranny po dniu starć.",
    "sw": "Serikali ilitangaza siku ya Jumanne kwamba vikosi vya usalama vimewakamata "
    "waandamanaji wapatao kumi katika mji mkuu, kwa mujibu wa taarifa ya wizara ya mambo ya "
    "ndani baada ya siku ya mapigano.",
    "ar": "أعلنت الحكومة يوم الثلاثاء أن قوات الأمن اعتقلت نحو عشرة متظاهرين في العاصمة، "
    "وفقا لبيان نشرته وزارة الداخلية بعد يوم من الاشتباكات.",
    "zh": "政府周二宣布，安全部队在首都逮捕了大约十名抗议者，内政部在一天的冲突后发表声明称。",
    "ru": "Правительство объявило во вторник, что силы безопасности задержали около десяти "
    "демонстрантов в столице, говорится в заявлении министерства внутренних дел.",
}


def english_sets(data: Path) -> Iterator[tuple[str, list[str]]]:
    yield (
        "template articles",
        [f"{r['title']}\n{r['text']}" for r in synthetic_articles(2000, seed=19)],
    )
    if not data.is_dir():
        return
    csv.field_size_limit(sys.maxsize)
    syn = data / "synthetic_plover" / "gpt_synthetic_events_2023-10-19_19.csv"
    if syn.is_file():
        with syn.open(encoding="utf-8", newline="") as f:
            yield "synthetic PLOVER stories", [r["text"] for r in csv.DictReader(f) if r["text"]]
    for name in ("insightcrime", "satp"):
        texts = []
        for split in ("train", "dev"):
            p = data / "conflict_news" / f"{name}_{split}.tsv"
            if p.is_file():
                with p.open(encoding="utf-8", newline="") as f:
                    texts += [row[0] for row in csv.reader(f, delimiter="\t") if row and row[0]]
        yield f"conflict news: {name}", texts
    polnear = sorted((data / "attribution").glob("*/text/*.txt"))
    yield "PolNeAR articles", [p.read_text(encoding="utf-8") for p in polnear]
    for label, rel in (
        ("CAMEO sentences", "cameo_sentences/cameo_joined_train.jsonl"),
        ("event-location sentences", "event_location/labeled_sentences.jsonl"),
    ):
        p = data / rel
        if p.is_file():
            with p.open(encoding="utf-8") as f:
                yield label, [json.loads(line)["text"] for line in f if line.strip()]


def rejected(text: str) -> str | None:
    try:
        check_english(text, "<text>")
    except InputError as err:
        return err.detail
    return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--show", type=int, default=5, help="rejected texts to print per set")
    a = ap.parse_args()
    total = lost = 0
    for name, texts in english_sets(a.data):
        bad = [(t, why) for t in texts if (why := rejected(t)) is not None]
        total += len(texts)
        lost += len(bad)
        share = len(bad) / len(texts) if texts else 0.0
        print(f"{name:28s} {len(texts):6d} texts  {len(bad):4d} rejected  ({share:.2%})")
        for text, why in bad[: a.show]:
            print(f"    {why}: {' '.join(text.split())[:150]!r}")
    print(f"{'all English':28s} {total:6d} texts  {lost:4d} rejected  ({lost / max(total, 1):.3%})")
    missed = [lang for lang, text in FOREIGN.items() if rejected(text) is None]
    print(f"non-English caught: {len(FOREIGN) - len(missed)}/{len(FOREIGN)}", end="")
    print(f" (let through: {', '.join(missed)})" if missed else "")


if __name__ == "__main__":
    main()
