"""The actor mention record: what the actor stages find and later stages read."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Actor
from .dictionary import Entry


@dataclass
class Mention:
    """An actor mention in one article (token offsets into the Doc)."""

    start: int
    end: int
    head: int
    start_char: int
    end_char: int
    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    kind: str = "other"  # country|org|person|capital|demonym|role|pronoun|entity|user
    person: bool = False
    plural: bool = False
    generic: bool = False  # a description without a name: "the prime minister"
    role: str | None = None
    rule: list[str] = field(default_factory=list)
    heads: set[int] = field(default_factory=set)
    antecedents: list[int] = field(default_factory=list)  # indices in Analysis.mentions
    # "the foreign ministers of France and Germany": the other countries holding the role
    co_actors: list[int] = field(default_factory=list)  # indices in Analysis.mentions
    poss_head: int | None = None  # token index of the possessor ("Abadi's", "its")
    entry: Entry | None = None

    def to_actor(self) -> Actor:
        return Actor(
            text=self.text,
            start=self.start_char,
            end=self.end_char,
            name=self.name,
            country=self.country,
            sector=self.sector,
            wikidata=self.wikidata,
            rule="; ".join(self.rule) if self.rule else None,
        )

    @property
    def person_name_known(self) -> bool:
        return self.kind == "person" or (self.person and bool(self.name))

    @property
    def country_like(self) -> bool:
        """A state named as such: a country, its capital, or a user entry with a country only."""
        if self.kind in ("country", "capital"):
            return True
        return (
            self.kind == "user"
            and self.entry is not None
            and self.entry.sector is None
            and bool(self.country)
        )

    @property
    def outlet(self) -> bool:
        """A news outlet ("reports The Telegraph", "(Xinhua)"): who reports the story, never
        evidence of where it happened."""
        return self.sector == "JRN"

    @property
    def resolved(self) -> bool:
        named = bool(self.name) and (self.kind != "pronoun" or bool(self.antecedents))
        return bool(self.country or self.sector or named)


__all__ = ["Mention"]
