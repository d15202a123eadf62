"""The probe's options and per-run bookkeeping (timing, stage results, the failing verdict).

Shared by the network stages (`probe_net`) and the Redis stages (`probe`).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redisdoctor.clock import Clock, SystemClock
from redisdoctor.exitcodes import exit_code_for
from redisdoctor.probe_dns import HOSTS_PATH
from redisdoctor.probe_info import Finding, ServerInfo
from redisdoctor.probe_report import PingStats, StageResult, StageStatus, Verdict
from redisdoctor.probe_resp import (
    RespConnection,
)
from redisdoctor.probe_tls import (
    TlsDetails,
)
from redisdoctor.resolve import AddrInfo, DnsResolver, Nameserver, Resolver
from redisdoctor.taxonomy import Category
from redisdoctor.urls import RedisTarget


@dataclass(frozen=True, slots=True)
class ProbeOptions:
    """How to probe. `resolver` is the ground truth for names (default: getaddrinfo, or the
    `nameservers` when given); `nameservers` are also asked for the DNS second opinion."""

    timeout: float = 2.0
    count: int = 3
    tls_ca: Path | None = None
    insecure: bool = False
    nameservers: tuple[Nameserver, ...] = ()
    resolver: Resolver | None = None
    second_opinion: bool = True
    hosts_path: Path = HOSTS_PATH
    clock: Clock = field(default_factory=SystemClock)

    def ground_truth(self) -> Resolver:
        if self.resolver is not None:
            return self.resolver
        if self.nameservers:
            return DnsResolver(self.nameservers, timeout=self.timeout)
        from redisdoctor.resolve import SYSTEM_RESOLVER

        return SYSTEM_RESOLVER


class Stop(Exception):
    """A stage failed: the probe stops here."""


def ms(seconds: float) -> float:
    return seconds * 1000.0


class ProbeBase:
    """One probe run's state and bookkeeping: stages append results; a failing stage raises
    `Stop` (from `fail`)."""

    def __init__(self, target: RedisTarget, options: ProbeOptions) -> None:
        self.target = target
        self.options = options
        self.clock = options.clock
        self.origin = self.clock.monotonic()
        self.stages: list[StageResult] = []
        self.findings: list[Finding] = []
        self.failure: Verdict | None = None
        self.addresses: list[AddrInfo] = []
        self.sock: socket.socket | None = None
        self.connected: AddrInfo | None = None
        self.resp: RespConnection | None = None
        self.server: ServerInfo | None = None
        self.ping: PingStats | None = None
        self.tls: TlsDetails | None = None
        self.resp_version: int | None = None
        self._stage_start = self.origin

    # -- bookkeeping -----------------------------------------------------------------------------

    def begin(self) -> None:
        self._stage_start = self.clock.monotonic()

    def record(
        self,
        name: str,
        status: StageStatus,
        detail: str,
        *,
        category: Category | None = None,
        data: dict[str, Any] | None = None,
        end: float | None = None,
    ) -> None:
        end = self.clock.monotonic() if end is None else end
        self.stages.append(
            StageResult(
                name=name,
                status=status,
                duration_ms=ms(end - self._stage_start),
                detail=self.target.redact(detail),
                start_ms=ms(self._stage_start - self.origin),
                category=category,
                data=data or {},
            )
        )

    def fail(
        self,
        name: str,
        category: Category,
        detail: str,
        cause: str,
        next_step: str | None = None,
        *,
        data: dict[str, Any] | None = None,
        end: float | None = None,
    ) -> Stop:
        self.record(name, StageStatus.FAIL, detail, category=category, data=data, end=end)
        self.failure = Verdict(
            status="fail",
            exit_code=exit_code_for(category),
            category=category,
            stage=name,
            cause=self.target.redact(cause),
            next_step=next_step if next_step is not None else category.info.next_step,
        )
        return Stop()

    def skip(self, name: str, detail: str) -> None:
        self.begin()
        self.record(name, StageStatus.SKIPPED, detail)
