"""Exceptions the library raises. Each carries what the CLI needs to pick an exit code."""

from __future__ import annotations

from redisdoctor.taxonomy import Category


class RedisDoctorError(Exception):
    """Base of every redisdoctor exception."""


class UsageError(RedisDoctorError, ValueError):
    """The caller's arguments are wrong (a malformed URL, an unknown scheme, a bad number)."""


class BadInputError(RedisDoctorError):
    """An input file is missing, unreadable or unparsable."""


class CategorizedError(RedisDoctorError):
    """A failure with its taxonomy category attached."""

    def __init__(self, message: str, category: Category) -> None:
        super().__init__(message)
        self.category = category
