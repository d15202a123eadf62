"""Exit codes of every redisdoctor command, documented in the README."""

from __future__ import annotations

from enum import IntEnum

from redisdoctor.taxonomy import Category


class ExitCode(IntEnum):
    """What a command's exit status means. Same with or without --json."""

    OK = 0
    INTERNAL_ERROR = 1
    USAGE = 2
    WARNINGS = 3
    FAILURES = 4
    UNREACHABLE = 5
    AUTH = 6
    BAD_INPUT = 7
    INTERRUPTED = 130


def exit_code_for(category: Category) -> ExitCode:
    """The exit code of a command whose target failed with `category`."""
    if category is Category.AUTH:
        return ExitCode.AUTH
    if category.before_redis_replied:
        return ExitCode.UNREACHABLE
    return ExitCode.FAILURES
