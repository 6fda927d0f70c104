"""Synthetic English news articles for tests, demos and benchmarks.

Written for wirecoder from templates (no outside text): each article is distinct (its
content hash differs), reads like a short wire story, and names countries and cities the
shipped dictionaries know, so the coder finds events in most of them. Deterministic for a
given seed.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from importlib import resources

_PLACES = [
    ("Kenya", "Kenyan", "Nairobi"),
    ("Somalia", "Somali", "Mogadishu"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Iraq", "Iraqi", "Baghdad"),
    ("Iran", "Iranian", "Tehran"),
    ("Turkey", "Turkish", "Ankara"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("India", "Indian", "New Delhi"),
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Russia", "Russian", "Moscow"),
    ("China", "Chinese", "Beijing"),
    ("Japan", "Japanese", "Tokyo"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Colombia", "Colombian", "Bogota"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("Poland", "Polish", "Warsaw"),
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# headline \n lead \n second paragraph; {A}/{B} countries, {a}/{b} adjectives, {ca}/{cb} cities
_TEMPLATES = [
    (
        "{a} troops attack rebel camp near {ca}",
        "{a} troops attacked a rebel camp near {ca} on {day}, killing {n} fighters, "
        "an army spokesman said.",
        "The rebels said in a statement that they would retaliate against the government.",
    ),
    (
        "{A} and {B} hold talks on border trade",
        "The foreign ministers of {A} and {B} held talks in {cb} on {day} about border trade "
        "and security, officials said.",
        "Both sides agreed to meet again in {ca} after {n} days, a spokesman for the {a} "
        "foreign ministry told reporters.",
    ),
    (
        "Police arrest {n} protesters in {ca}",
        "Police in {ca} arrested {n} protesters on {day} after thousands marched against rising "
        "fuel prices, witnesses said.",
        "Rights groups accused the {a} government of using excessive force against the crowd.",
    ),
    (
        "{A} accuses {B} of violating ceasefire",
        "The government of {A} accused {B} on {day} of violating the ceasefire along their "
        "shared border {n} times, the state news agency reported.",
        "{B} denied the accusation and called for an independent investigation.",
    ),
    (
        "{A} sends aid to flood-hit {B}",
        "{A} sent {n} tonnes of food and medicine to {B} on {day} after floods displaced "
        "thousands of families, the {a} foreign ministry said.",
        "The United Nations urged other countries to support the relief effort.",
    ),
    (
        "{A} imposes sanctions on {b} officials",
        "{A} imposed sanctions on {n} senior {b} officials on {day}, freezing their assets "
        "over alleged human rights abuses.",
        "The {b} foreign minister condemned the decision and threatened to expel diplomats.",
    ),
    (
        "{a} president meets {b} leader in {ca}",
        "The {a} president met the {b} prime minister in {ca} on {day} and the two leaders "
        "signed an agreement on energy cooperation.",
        "The deal includes {n} joint projects, according to a government statement.",
    ),
]


def example_text() -> str:
    """wirecoder's own example article (headline on the first line)."""
    return (
        resources.files("wirecoder.examples")
        .joinpath("example_article.txt")
        .read_text(encoding="utf-8")
    )


def synthetic_articles(
    n: int, seed: int = 0, start: date = date(2021, 1, 4)
) -> list[dict[str, str]]:
    """`n` distinct article records: {id, title, text, date}; about a third 2-3x longer."""
    rng = random.Random(seed)
    example = example_text().splitlines()
    out = []
    for i in range(n):
        (ca_country, a, ca), (cb_country, b, cb) = rng.sample(_PLACES, 2)
        head, lead, more = rng.choice(_TEMPLATES)
        fields = {
            "A": ca_country,
            "B": cb_country,
            "a": a,
            "b": b,
            "ca": ca,
            "cb": cb,
            "day": rng.choice(_DAYS),
            "n": str(3 + i),
        }
        paras = [lead.format(**fields), more.format(**fields)]
        if i % 3 == 0:  # some longer stories: background from the example article
            paras += rng.sample(example[1:], 2)
        published = start + timedelta(days=(i * 7) % 365)
        out.append(
            {
                "id": f"syn-{seed}-{i}",
                "title": head.format(**fields),
                "text": "\n".join(paras),
                "date": published.isoformat(),
            }
        )
    return out


__all__ = ["example_text", "synthetic_articles"]
