"""The runner: articles in, events out, one bad article never stopping the rest."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import Codes, InputError, WirecoderError
from .pipeline import (
    Analysis,
    CoderConfig,
    Resources,
    Stage,
    build_stages,
    check_order,
    iter_batches,
)
from .read._checks import check_encodable, check_length
from .read.articles import article_from_record, make_article
from .records import Article, Event, Rejected

if TYPE_CHECKING:
    from .voices.records import Voices

ArticleLike = Article | str | Mapping[str, Any]


@dataclass
class Coded:
    """The outcome for one input: its events, or the reason it was rejected."""

    article: Article | None
    events: list[Event] = field(default_factory=list)
    rejected: Rejected | None = None
    warnings: list[dict[str, str]] = field(default_factory=list)
    voices: Voices | None = None  # quotes, framing and claims, when asked for

    @property
    def ok(self) -> bool:
        return self.rejected is None


class Coder:
    """Codes articles with a fixed configuration. Build once, reuse for many articles."""

    def __init__(
        self,
        config: CoderConfig | None = None,
        *,
        actors: Iterable[str | Path] = (),
        triggers: Iterable[str | Path] = (),
        stages: Iterable[str] | None = None,
    ) -> None:
        config = config or CoderConfig()
        if actors:
            config = replace(config, actor_files=tuple(Path(a) for a in actors))
        if triggers:
            config = replace(config, trigger_files=tuple(Path(t) for t in triggers))
        self.config = config
        self.resources = Resources(config)
        # user files are checked now, so a bad one fails the run instead of every article
        if config.actor_files:
            _ = self.resources.actors
        if config.trigger_files:
            _ = self.resources.lexicon
        # a missing or corrupt learned model fails now (E205), not in the middle of a run
        _ = self.resources.decider
        self.stages: list[Stage] = build_stages(stages)
        check_order(self.stages)
        self.version = coder_version(config)

    # -- inputs ---------------------------------------------------------------------------
    def to_article(self, item: ArticleLike, date: object = None, origin: str = "<text>") -> Article:
        if isinstance(item, Article):
            if date and not item.date:
                return make_article(
                    item.text,
                    id=item.id,
                    date=date,
                    title=item.title,
                    source=item.source,
                    url=item.url,
                    origin=item.origin or origin,
                )
            # an Article built by hand skipped the readers' checks: the ones the parser needs
            check_encodable(item.text, item.origin or origin)
            check_length(item.text, item.origin or origin)
            return item
        if isinstance(item, str):
            return make_article(item, date=date, origin=origin)
        return article_from_record(item, origin, default_date=date)

    # -- parsing --------------------------------------------------------------------------
    def _parse_texts(self, articles: list[Article]) -> list[Any]:
        from .nlp import english_words, sentence_case_headline

        vocab = english_words(self.config.model)
        keep = self.resources.actors.is_name_word
        texts = [sentence_case_headline(a.text, vocab, keep) for a in articles]
        return list(self.resources.nlp.pipe(texts, batch_size=self.config.batch_size))

    def _parse_each(self, articles: list[Article]) -> list[Any]:
        """`_parse_texts`, and when the batch fails, one by one: an article the parser fails
        on comes back as its E114 error, so the others are still coded."""
        try:
            return self._parse_texts(articles)
        except WirecoderError:
            raise
        except Exception:  # noqa: BLE001 - isolate the article below
            pass
        out: list[Any] = []
        for a in articles:
            try:
                out.extend(self._parse_texts([a]))
            except WirecoderError:
                raise
            except Exception as exc:  # noqa: BLE001 - one article must not stop a batch
                out.append(_crashed(a, exc))
        return out

    def _run_stages(self, analysis: Analysis) -> Analysis:
        result = self._run_batch([analysis])[0]
        if isinstance(result, WirecoderError):
            raise result
        return result

    def _run_batch(self, analyses: list[Analysis]) -> list[Analysis | WirecoderError]:
        """Every stage over a batch of articles, stage by stage: a stage with `pipe` (the
        learned decision) sees the whole batch at once, so its model runs in large batches. An
        article a stage fails on comes back as its error; the others go on."""
        errors: dict[int, WirecoderError] = {}
        for stage in self.stages:
            live = [i for i in range(len(analyses)) if i not in errors]
            pipe = getattr(stage, "pipe", None)
            if pipe is not None and len(live) > 1:
                try:
                    pipe([analyses[i] for i in live], self.resources)
                    continue
                except Exception:  # noqa: BLE001 - find the article it failed on, one by one
                    pass
            for i in live:
                try:
                    stage(analyses[i], self.resources)
                except WirecoderError as err:
                    errors[i] = err
                except Exception as exc:  # noqa: BLE001 - a bug on one article: E114, not the run
                    errors[i] = _crashed(analyses[i].article, exc)
        for i, analysis in enumerate(analyses):
            if i not in errors:
                for ev in analysis.events:
                    ev.coder_version = self.version
        return [errors.get(i, a) for i, a in enumerate(analyses)]

    # -- public ---------------------------------------------------------------------------
    def analyze(self, item: ArticleLike, date: object = None) -> Analysis:
        """Run every stage and return the full analysis (mentions, candidates, events)."""
        article = self.to_article(item, date)
        doc = self._parse_texts([article])[0]
        return self._run_stages(Analysis(article=article, doc=doc))

    def analyze_many(self, items: Iterable[ArticleLike], date: object = None) -> Iterator[Analysis]:
        """`analyze` over many articles, parsed in batches (evaluation and training use it)."""
        for batch in iter_batches(items, max(1, self.config.batch_size)):
            articles = [self.to_article(item, date) for item in batch]
            docs = self._parse_texts(articles)
            analyses = [Analysis(article=a, doc=d) for a, d in zip(articles, docs, strict=True)]
            for result in self._run_batch(analyses):
                if isinstance(result, WirecoderError):
                    raise result
                yield result

    def voices(self, item: ArticleLike, date: object = None) -> Voices:
        """Events with quotes, framing and claims (`wirecoder.analyze`)."""
        from .voices import voices_of

        return voices_of(self.analyze(item, date))

    def code(self, item: ArticleLike, date: object = None) -> list[Event]:
        """Events of one article. Raises InputError for unusable input."""
        return self.analyze(item, date).events

    def code_many(
        self, items: Iterable[ArticleLike | Rejected], date: object = None, voices: bool = False
    ) -> Iterator[Coded]:
        """Code many articles in parsed batches; bad ones come back as `Coded.rejected`.

        With `voices`, each result also carries its quotes, framing and claims."""
        numbered = ((i, item) for i, item in enumerate(items, start=1))
        for batch in iter_batches(numbered, max(1, self.config.batch_size)):
            ready: list[Article] = []
            results: list[Coded] = []
            for i, item in batch:
                if isinstance(item, Rejected):
                    results.append(Coded(article=None, rejected=item))
                    continue
                try:
                    article = self.to_article(item, date, origin=f"<item {i}>")
                except InputError as err:
                    results.append(
                        Coded(None, rejected=Rejected(f"<item {i}>", err.code, err.detail))
                    )
                    continue
                ready.append(article)
                results.append(Coded(article=article))
            docs = self._parse_each(ready) if ready else []
            failed = {i: d for i, d in enumerate(docs) if isinstance(d, InputError)}
            analyses = [
                Analysis(article=a, doc=d)
                for i, (a, d) in enumerate(zip(ready, docs, strict=True))
                if i not in failed
            ]
            outcome = iter(self._run_batch(analyses))
            k = -1
            for res in results:
                if res.article is None:
                    yield res
                    continue
                k += 1
                analysis = failed[k] if k in failed else next(outcome)
                if isinstance(analysis, WirecoderError):
                    origin = res.article.origin or res.article.id
                    yield Coded(
                        res.article, rejected=Rejected(origin, analysis.code, analysis.detail)
                    )
                    continue
                res.events = analysis.events
                res.warnings = analysis.warnings
                if voices:
                    res.voices = _voices(analysis)
                yield res


def _voices(analysis: Analysis) -> Voices:
    """The article's voices; a bug there costs the article its quotes, never its events."""
    from .errors import warning
    from .voices import voices_of
    from .voices.records import Voices

    try:
        return voices_of(analysis)
    except Exception as exc:  # noqa: BLE001 - annotation only: the events stand
        a = analysis.article
        w = warning(Codes.W004, input=a.origin or a.id, detail=f"{type(exc).__name__}: {exc}")
        analysis.warnings.append(w)
        return Voices(a, list(analysis.events))


def _crashed(article: Article, exc: Exception) -> InputError:
    """E114 for an article the coder failed on (a bug), the cause kept for a traceback."""
    err = InputError(
        Codes.E114, input=article.origin or article.id, detail=f"{type(exc).__name__}: {exc}"
    )
    err.__cause__ = exc
    return err


#: Shipped data that changes what the coder produces.
_DATA_PACKAGES = (
    "wirecoder.actors.data",
    "wirecoder.events.data",
    "wirecoder.places.data",
    "wirecoder.models",
)


@lru_cache(maxsize=8)
def _fingerprint(user_files: tuple[str, ...]) -> str:
    import hashlib
    from importlib import resources

    h = hashlib.sha1()
    for pkg in _DATA_PACKAGES:
        try:
            files = sorted(resources.files(pkg).iterdir(), key=lambda p: p.name)
        except (ModuleNotFoundError, FileNotFoundError):
            continue
        for f in files:
            if f.is_file() and not f.name.endswith((".py", ".pyc")):
                h.update(f.name.encode())
                h.update(f.read_bytes())
    for name in user_files:
        h.update(Path(name).read_bytes())
    return h.hexdigest()[:8]


def coder_version(config: CoderConfig) -> str:
    """'0.1.0+1a2b3c4d': the release and a fingerprint of its dictionaries, lexicon and models, so
    `wirecoder recode` finds events coded before any of them changed."""
    users = tuple(str(p) for p in (*config.actor_files, *config.trigger_files))
    return f"{__version__}+{_fingerprint(users)}{'.fast' if config.fast else ''}"


@lru_cache(maxsize=4)
def default_coder(actor_files: tuple[str, ...] = (), fast: bool = False) -> Coder:
    """One coder per process, dictionary set and mode: models load once."""
    from .analysis import CoderConfig

    return Coder(CoderConfig(fast=fast), actors=actor_files)


__all__ = ["ArticleLike", "Coded", "Coder", "default_coder"]
