"""The stage registry and the runner.

Data flows one way: Article -> parse -> actors -> coref -> triggers ->
arguments -> status -> compose -> attribution -> time -> place -> classify ->
decide (learned) -> records -> dedup. Stages import what they share from
`analysis.py`, never this module. Each stage declares the fields of `Analysis` it needs and the ones it
adds; `Coder` checks the order once, at construction, like spaCy's
`analyze_pipes`, so a mis-ordered custom pipeline fails early with E203 instead
of producing empty fields.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol

from .analysis import Analysis, CoderConfig, Resources
from .errors import Codes, ResourceError


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
    from .actors.nationality import NationalityStage
    from .events.arguments import ArgumentStage
    from .events.attribution import AttributionStage
    from .events.classifier import ClassifyStage
    from .events.compose import ComposeStage
    from .events.decide import DecideStage
    from .events.dedup import DedupStage
    from .events.implied import ImpliedTargetStage
    from .events.status import StatusStage
    from .events.triggers import TriggerStage
    from .places.stage import PlaceStage
    from .places.story import StoryPlaceStage
    from .records_stage import RecordStage
    from .storydate import TimeStage

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
        NationalityStage,
        ClassifyStage,
        DecideStage,
        RecordStage,
        DedupStage,
        StoryPlaceStage,
        ImpliedTargetStage,
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
