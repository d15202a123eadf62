"""The JSON envelope every command's --json output shares, and helpers for report dataclasses."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from datetime import datetime
from enum import Enum
from typing import Any, Protocol

SCHEMA_VERSION = 1


class Report(Protocol):
    """A command's result: a frozen dataclass that turns itself into plain JSON data."""

    def to_dict(self) -> dict[str, Any]: ...


def plain(value: Any) -> Any:
    """Convert dataclasses, enums, datetimes, tuples and mappings to JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        to_dict = getattr(value, "to_dict", None)
        if callable(to_dict):
            return to_dict()
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [plain(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    return value


def envelope(command: str, exit_code: int, report: Mapping[str, Any]) -> dict[str, Any]:
    """The DESIGN.md envelope: schema_version, command, exit_code, report."""
    return {
        "schema_version": SCHEMA_VERSION,
        "command": command,
        "exit_code": int(exit_code),
        "report": plain(report),
    }


def dumps(document: Mapping[str, Any]) -> str:
    """Serialise deterministically (sorted keys), so the same input gives identical bytes."""
    return json.dumps(document, sort_keys=True, ensure_ascii=False, allow_nan=False)
