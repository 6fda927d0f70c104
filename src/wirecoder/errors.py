"""One catalogue of coded errors and warnings, and the exception tree.

Every error a user can see carries a stable code, so a rejected input in the
store, a log line and a CLI message all point to the same entry here.

    WirecoderError
    ├── InputError        E1xx  an input (file, line, record) cannot be read or coded
    ├── ResourceError     E2xx  a model or data file shipped with wirecoder is missing
    ├── ConfigError       E3xx  a user-supplied dictionary or option is invalid
    ├── StoreError        E4xx  the event store cannot be opened or written
    ├── EvalError         E5xx  a gold data set is missing or malformed
    └── EngineError       E6xx  a scale-out engine is unavailable or failed
    E9xx (no class): wirecoder itself crashed, a bug; the CLI reports it and exits 5
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


@dataclass(frozen=True)
class _Entry:
    code: str
    template: str


class Codes(Enum):
    """The catalogue. Templates use str.format fields."""

    # inputs
    E101 = _Entry("E101", "{input}: file not found")
    E102 = _Entry("E102", "{input}: empty input (no text to code)")
    E103 = _Entry("E103", "{input}: binary data, not text")
    E104 = _Entry("E104", "{input}: not valid UTF-8 ({detail})")
    E105 = _Entry("E105", "{input}: line is not valid JSON ({detail})")
    E106 = _Entry("E106", "{input}: JSON record has no usable 'text' field")
    E107 = _Entry("E107", "{input}: too large ({size} bytes; limit {limit})")
    E108 = _Entry("E108", "{input}: HTML page has no extractable main text")
    E109 = _Entry("E109", "{input}: text does not look like English ({detail})")
    E110 = _Entry("E110", "{input}: unsupported input format ({detail})")
    E111 = _Entry("E111", "{input}: invalid date {value!r} (expected YYYY-MM-DD)")
    E112 = _Entry("E112", "{input}: cannot read Parquet file ({detail})")
    E113 = _Entry("E113", "{input}: JSON record is not an object")
    E114 = _Entry("E114", "{input}: the coder failed on this article ({detail}); please report it")
    E115 = _Entry("E115", "{input}: text too long to code ({size} characters; limit {limit})")
    E116 = _Entry("E116", "{input}: cannot read ({detail})")
    # shipped resources
    E201 = _Entry("E201", "spaCy model {model!r} is not installed ({detail})")
    E202 = _Entry("E202", "shipped data file {path} is missing or unreadable ({detail})")
    E203 = _Entry("E203", "stage {stage!r} needs {needs!r}, which no earlier stage assigns")
    E204 = _Entry("E204", "unknown stage {stage!r}; known stages: {known}")
    E205 = _Entry(
        "E205",
        "learned model {path} is missing or corrupt ({detail}); reinstall wirecoder, "
        "or code with --fast, which does without it",
    )
    # user configuration
    E301 = _Entry("E301", "{path}: actor dictionary is invalid ({detail})")
    E302 = _Entry("E302", "{path}: actor dictionary not found")
    E303 = _Entry("E303", "invalid option {option}: {detail}")
    E304 = _Entry("E304", "{path}: trigger dictionary line is invalid ({detail})")
    E305 = _Entry("E305", "{path}: trigger dictionary not found")
    # store
    E401 = _Entry("E401", "{path}: cannot open event store ({detail})")
    E402 = _Entry(
        "E402", "{path}: store schema version {found} is newer than this wirecoder ({known})"
    )
    E403 = _Entry("E403", "query failed: {detail}")
    E404 = _Entry("E404", "unknown export format {fmt!r}; choose one of {known}")
    E405 = _Entry("E405", "{path}: cannot write the event store ({detail})")
    E406 = _Entry("E406", "no cluster {cluster_id!r} in the event store")
    # evaluation
    E501 = _Entry(
        "E501",
        "gold data set {name!r} not found at {path}. The evaluation sets are public research "
        "data (listed in the README, 'Accuracy'), not shipped with wirecoder: put them in "
        "one folder and point --data (or $WIRECODER_DATA) at it",
    )
    E502 = _Entry("E502", "{path}: malformed gold record ({detail})")
    # engines
    E601 = _Entry("E601", "engine {engine!r} is not available: {detail}")
    E602 = _Entry("E602", "engine {engine!r} failed: {detail}")
    E603 = _Entry(
        "E603", "engine {engine!r} lost articles: {sent} sent to workers, {got} came back"
    )

    # wirecoder itself (a bug): the CLI exits 5 with the traceback above this message
    E901 = _Entry("E901", "wirecoder crashed ({detail}); please report it with the traceback")

    # warnings (recorded, never raised)
    W001 = _Entry(
        "W001",
        "{input}: no publication date; relative dates ('on Tuesday', 'yesterday') left null. "
        "Give one with --date YYYY-MM-DD or a 'date' field",
    )
    W002 = _Entry("W002", "{input}: text was truncated to {limit} characters")
    W003 = _Entry("W003", "{input}: duplicate of an article already coded ({other})")
    W004 = _Entry(
        "W004", "{input}: quotes, framing and claims not found ({detail}); its events are kept"
    )


class WirecoderError(Exception):
    """Base of every error wirecoder raises on purpose."""

    code: str = "E000"

    def __init__(self, entry: Codes, **fields: object) -> None:
        self.code = entry.value.code
        self.fields = fields
        self.detail = entry.value.template.format(**fields)
        super().__init__(f"[{self.code}] {self.detail}")

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "message": self.detail,
            **{k: str(v) for k, v in self.fields.items()},
        }


class InputError(WirecoderError):
    """An input cannot be read or coded; the batch goes on without it."""


class ResourceError(WirecoderError):
    """A model or shipped data file is missing: the installation is broken."""


class ConfigError(WirecoderError):
    """A user dictionary or option is invalid."""


class StoreError(WirecoderError):
    """The event store cannot be opened, read or written."""


class EvalError(WirecoderError):
    """A gold data set is missing or malformed."""


class EngineError(WirecoderError):
    """A scale-out engine is unavailable or failed."""


def warning(entry: Codes, **fields: object) -> dict[str, str]:
    """A recorded (not raised) warning, ready to store or print."""
    return {"code": entry.value.code, "message": entry.value.template.format(**fields)}


__all__ = [
    "Codes",
    "ConfigError",
    "EngineError",
    "EvalError",
    "InputError",
    "ResourceError",
    "StoreError",
    "WirecoderError",
    "warning",
]
