"""An event under construction: what each stage has found out about one trigger."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Location, Span
from .lexicon import TriggerEntry


@dataclass
class Candidate:
    """One trigger and everything later stages attach to it (token offsets into the Doc)."""

    trigger: int  # head token of the trigger
    tokens: tuple[int, ...]  # all trigger tokens ("air strikes" -> both)
    entry: TriggerEntry
    event_type: str
    mode: str | None = None
    # arguments: mention indices, and the head tokens of arguments that are not mentions
    sources: list[int] = field(default_factory=list)
    targets: list[int] = field(default_factory=list)
    source_heads: list[int] = field(default_factory=list)
    target_heads: list[int] = field(default_factory=list)
    reciprocal: bool = False
    passive: bool = False
    why: list[str] = field(default_factory=list)  # how the arguments were found
    # status
    status: str = "asserted"
    status_cue: int | None = None
    hedge: int | None = None
    historical: bool = False  # background history ("five years after crowds trashed ...")
    referential: bool = False  # an event noun that is the object of another event
    refusal: bool = False  # negated by refusing, cancelling or "will not": PLOVER reads REJECT
    governor: int | None = None  # token of the verb this event is embedded under
    # attribution
    speaker: int | None = None  # mention index
    speaker_span: Span | None = None
    cue: int | None = None  # token index of the speech verb
    via: list[str] = field(default_factory=list)
    # time and place
    date: str | None = None
    date_text: str | None = None
    date_precision: str | None = None
    location: Location | None = None
    contexts: list[str] = field(default_factory=list)
    confidence: float = 0.5
    dropped: str | None = None  # reason, when a later stage decides this is not an event
    confirmed: bool = False  # the learned decision is sure of this type (never with --fast)

    @property
    def pos(self) -> str:
        return self.entry.pos
