"""Explain error lines in plain words: category, meaning, transient or not, and the next step.

`explain_line` turns one log record into an `Explanation`; `explain_lines` builds the report the
`redisdoctor explain` command prints, and that `analyze` can reuse for the records it shows.
Input is redacted before it is stored: an Explanation never carries a password.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redisdoctor.errors import BadInputError
from redisdoctor.redact import redact_text
from redisdoctor.taxonomy import Category, classify_text

UNRECOGNISED_MEANING = "Not recognised as a Redis failure."
_CONTROL_TO_MARK = {code: "\N{REPLACEMENT CHARACTER}" for code in (*range(32), 127) if code != 9}


@dataclass(frozen=True, slots=True)
class Explanation:
    """What one line means. `category` is None when the line is not a Redis failure; then
    `assumed` may name the category its mechanism would have if the line were about Redis
    (e.g. a bare "Connection refused" that names no Redis client, URL or port)."""

    input: str
    category: Category | None
    meaning: str
    transient: bool | None
    next_step: str | None
    assumed: Category | None = None

    @property
    def recognised(self) -> bool:
        """True when the line is evidence of a Redis failure."""
        return self.category is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "category": self.category.value if self.category is not None else None,
            "meaning": self.meaning,
            "transient": self.transient,
            "next_step": self.next_step,
            "if_about_redis": self.assumed.value if self.assumed is not None else None,
        }


@dataclass(frozen=True, slots=True)
class ExplainReport:
    """The explanations of several lines, in input order."""

    lines: tuple[Explanation, ...]

    @property
    def recognised(self) -> int:
        return sum(1 for line in self.lines if line.recognised)

    @property
    def unrecognised(self) -> int:
        return len(self.lines) - self.recognised

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": [line.to_dict() for line in self.lines],
            "recognised": self.recognised,
            "unrecognised": self.unrecognised,
        }


def explain_line(line: str, secrets: Iterable[str] = ()) -> Explanation:
    """Classify `line` (classified raw, shown redacted) and attach the category's facts."""
    # Control bytes (a binary file given to --file) must not reach the terminal as they are.
    shown = redact_text(line.strip(), secrets).translate(_CONTROL_TO_MARK)
    category = classify_text(line)
    if category is None:
        assumed = classify_text(line, assume_redis=True)
        return Explanation(shown, None, UNRECOGNISED_MEANING, None, None, assumed)
    info = category.info
    return Explanation(shown, category, info.meaning, info.transient, info.next_step)


def explain_lines(lines: Iterable[str], secrets: Iterable[str] = ()) -> ExplainReport:
    """Explain every non-blank line of `lines`."""
    known = tuple(secrets)
    return ExplainReport(
        tuple(explain_line(line, known) for line in lines if line.strip()),
    )


def read_lines(path: Path) -> Iterator[str]:
    """The lines of a text file, undecodable bytes replaced; BadInputError when unreadable."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            yield from handle
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise BadInputError(f"cannot read {path}: {reason}") from None
