"""A surname alone, that no earlier full mention explains: "Clinton slammed Trump's comments".

News names the well known by surname, often in a headline before any full mention, and a
single sentence (a wire brief, a coded sentence) may never give the full name. wirecoder's own
lists of people and office holders know who carries a surname; when every person they know by
it is of one country (every Clinton is American, every Sharif Pakistani), the mention is of
that country, and of the sector all of them held on the article's date (a former office holder:
ELI), without guessing which person it is. Chinese, Korean and Vietnamese names give the
surname first ("Wen Jiabao", "Park Geun-hye"); a surname the recognizer calls an organisation
("Sharif") is read as one too. A surname several countries share ("Kim", "Khan")
stays unknown, as does one too many people carry to be a name the news uses alone. The
Phoenix-derived knowledge base is left out: its 22,000 partly dated officials make namesakes of
ordinary surnames. Only a text with no country of its own uses this (coref): in a story of one
country, "Mitchell" and "Howard" are far more often its own people than Grenada's or
Australia's leaders, and the story's country serves them better.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .dictionary import ActorDictionary, Entry
    from .mention import Mention

#: more people than this with one surname: a common name, not one the news uses alone
MAX_HOLDERS = 4
#: the shortest surname the index holds ("Abe"; two letters are initials and particles)
MIN_SURNAME = 3
#: countries whose people's names put the surname first
SURNAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "VNM"}
#: the lists whose people count (the team's own, hand-checked); the lists of legislators,
#: regional heads and people without office list their distinctive surnames as forms, and
#: would make namesakes of national leaders here ("Abbott": Australia's prime minister and
#: the governor of Texas)
OWN_LISTS = ("people.tsv", "officeholders.tsv", "people_more.tsv", "armed_leaders.tsv",
             "igo_heads.tsv", "opposition.tsv")  # fmt: skip

#: entities that give a text a country of its own, later, through places and demonyms
PLACE_ENTS = {"GPE", "LOC", "FAC", "NORP"}

_INDEX: dict[int, dict[str, list[Entry]]] = {}


def surname_index(actors: ActorDictionary) -> dict[str, list[Entry]]:
    """Lower-cased surname -> the distinct people of wirecoder's own lists who carry it
    (built once per dictionary)."""
    index = _INDEX.get(id(actors))
    if index is not None:
        return index
    people: dict[tuple[str, str | None], list[Entry]] = {}
    for table in (actors.exact, actors.folded):
        for bucket in table.values():
            for e in bucket:
                if e.kind == "person" and e.source.split(":", 1)[0] in OWN_LISTS:
                    rows = people.setdefault((e.name, e.country), [])
                    if e not in rows:
                        rows.append(e)
    index = {}
    # Chinese, Korean and Vietnamese names put the surname first ("Kim Jong-un"), whatever
    # office their holder held (Ban Ki-moon heads the UN in one list, is Korean in another)
    first = {name for name, country in people if country in SURNAME_FIRST}
    for (name, _), rows in people.items():
        words = name.replace("-", " ").split()
        if len(words) < 2:
            continue
        surname = words[0] if name in first else words[-1]
        if len(surname) >= MIN_SURNAME:
            index.setdefault(surname.lower(), []).extend(rows)
    _INDEX[id(actors)] = index
    return index


def resolve_surnames(
    mentions: list[Mention], doc: Doc, actors: ActorDictionary, date: str | None
) -> None:
    """Give a lone, unexplained surname the country (and sector) every holder shares. A text
    that names a place or a people is left to them ("Mitchell was arrested in Leeds": the
    place stage gives him Britain, not Grenada's prime minister)."""
    if any(e.label_ in PLACE_ENTS for e in doc.ents):
        return
    index: dict[str, list[Entry]] | None = None
    for m in mentions:
        if m.country or m.entry is not None or m.antecedents or m.end - m.start != 1:
            continue
        tok = doc[m.start]
        # the recognizer calls many a lone surname an organisation ("Sharif"); one the
        # dictionaries do not know as an organisation is read as the surname it is
        if m.kind not in ("person", "entity") or tok.ent_type_ not in ("PERSON", "ORG"):
            continue
        if index is None:
            index = surname_index(actors)
        rows = index.get(tok.lower_)
        if not rows:
            continue
        holders = {e.name for e in rows}
        if len(holders) == 1:
            # one person of several offices (Ban Ki-moon: Korea's, then the UN's): the one
            # held on the date, when it is one
            held = [e for e in rows if e.valid_on(date) and (e.valid_from or e.valid_to)]
            if len({e.country for e in held}) == 1:
                rows = held
        countries = {e.country for e in rows}
        if len(holders) > MAX_HOLDERS or len(countries) != 1 or None in countries:
            continue
        (country,) = countries
        now = {e.sector for e in rows if e.valid_on(date)}
        sector = now.pop() if len(now) == 1 else ("ELI" if not now else None)
        m.kind, m.person, m.country = "person", True, country
        if m.sector is None:
            m.sector = sector
        m.rule.append(
            f"surname: every '{tok.text}' wirecoder's lists know ({', '.join(sorted(holders))}) "
            f"is {country}"
        )


__all__ = ["resolve_surnames", "surname_index"]
