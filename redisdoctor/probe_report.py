"""The probe's report: stages, verdict, ping statistics, watch events, and the exit code order.

Frozen dataclasses with `to_dict()` for --json; `redisdoctor.probe` re-exports them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from redisdoctor.exitcodes import ExitCode
from redisdoctor.probe_info import Finding, ServerInfo
from redisdoctor.probe_tls import TlsDetails
from redisdoctor.taxonomy import Category
from redisdoctor.urls import RedisTarget


class StageStatus(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class StageResult:
    """One stage's outcome; `start_ms` is its offset from the probe's start (for the waterfall)."""

    name: str
    status: StageStatus
    duration_ms: float
    detail: str
    start_ms: float = 0.0
    category: Category | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status.value,
            "duration_ms": round(self.duration_ms, 3),
            "start_ms": round(self.start_ms, 3),
            "detail": self.detail,
            "category": self.category.value if self.category else None,
            "data": self.data,
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    """OK, WARN, or the failing stage's category, with the cause and what to do next."""

    status: str  # ok | warn | fail
    exit_code: ExitCode
    category: Category | None = None
    stage: str | None = None
    cause: str = ""
    next_step: str = ""

    @property
    def label(self) -> str:
        """``OK``, ``WARN`` or the failure's category name (``dns_nxdomain``, ...)."""
        if self.status == "fail" and self.category is not None:
            return self.category.value
        return self.status.upper()

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "label": self.label,
            "exit_code": int(self.exit_code),
            "exit_name": self.exit_code.name,
            "category": self.category.value if self.category else None,
            "stage": self.stage,
            "cause": self.cause,
            "next_step": self.next_step,
        }


@dataclass(frozen=True, slots=True)
class PingStats:
    """Round-trip times of the PING samples, in milliseconds."""

    samples_ms: tuple[float, ...]

    @property
    def min(self) -> float:
        return min(self.samples_ms)

    @property
    def median(self) -> float:
        # Not statistics.median: that module (random, fractions, hashlib) costs ~5 ms per start.
        ordered = sorted(self.samples_ms)
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return ordered[middle]
        return (ordered[middle - 1] + ordered[middle]) / 2

    @property
    def p99(self) -> float:
        ordered = sorted(self.samples_ms)
        rank = max(1, -(-99 * len(ordered) // 100))  # nearest-rank percentile
        return ordered[rank - 1]

    @property
    def max(self) -> float:
        return max(self.samples_ms)

    def to_dict(self) -> dict[str, Any]:
        return {
            "count": len(self.samples_ms),
            "min_ms": round(self.min, 3),
            "median_ms": round(self.median, 3),
            "p99_ms": round(self.p99, 3),
            "max_ms": round(self.max, 3),
            "samples_ms": [round(s, 3) for s in self.samples_ms],
        }


@dataclass(frozen=True, slots=True)
class ProbeReport:
    """The whole probe of one target."""

    target: RedisTarget
    started_at: datetime
    total_ms: float
    stages: tuple[StageResult, ...]
    verdict: Verdict
    findings: tuple[Finding, ...] = ()
    server: ServerInfo | None = None
    ping: PingStats | None = None
    tls: TlsDetails | None = None
    resp_version: int | None = None

    def stage(self, name: str) -> StageResult:
        """The stage called `name` (KeyError when there is none)."""
        for result in self.stages:
            if result.name == name:
                return result
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target.to_dict(),
            "url": self.target.display,
            "started_at": self.started_at.isoformat().replace("+00:00", "Z"),
            "total_ms": round(self.total_ms, 3),
            "verdict": self.verdict.to_dict(),
            "stages": [stage.to_dict() for stage in self.stages],
            "findings": [finding.to_dict() for finding in self.findings],
            "server": self.server.to_dict() if self.server else None,
            "ping": self.ping.to_dict() if self.ping else None,
            "tls": self.tls.to_dict() if self.tls else None,
            "resp_version": self.resp_version,
        }


# The order in which exit codes are "worse" when several targets are probed.
_SEVERITY = (
    ExitCode.OK,
    ExitCode.WARNINGS,
    ExitCode.FAILURES,
    ExitCode.AUTH,
    ExitCode.UNREACHABLE,
)


def worst_exit_code(reports: Sequence[ProbeReport]) -> ExitCode:
    """The worst verdict's exit code: OK < WARNINGS < FAILURES < AUTH < UNREACHABLE."""
    codes = [r.verdict.exit_code for r in reports] or [ExitCode.OK]
    return max(codes, key=lambda code: _SEVERITY.index(code) if code in _SEVERITY else 0)


@dataclass(frozen=True, slots=True)
class WatchEvent:
    """A change of state seen by `watch` (the first probe is always a change)."""

    at: datetime
    probe_number: int
    state: str
    previous: str | None
    report: ProbeReport

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat().replace("+00:00", "Z"),
            "probe_number": self.probe_number,
            "state": self.state,
            "previous": self.previous,
            "verdict": self.report.verdict.to_dict(),
        }
