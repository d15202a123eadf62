"""The info stage: parse ``INFO`` and turn it into findings with their thresholds stated.

Each `Finding` says what was measured, the threshold it crossed, the risk, and the command to run
next (Redis's LATENCY DOCTOR is the model: value, risk, exact command).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

CLIENTS_WARN_RATIO = 0.8
MEMORY_WARN_RATIO = 0.9


@dataclass(frozen=True, slots=True)
class Finding:
    """One warning from the probe, with the measured value and the threshold it crossed."""

    code: str
    message: str
    value: str = ""
    threshold: str = ""
    next_step: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "value": self.value,
            "threshold": self.threshold,
            "next_step": self.next_step,
        }


def parse_info(text: str) -> dict[str, str]:
    """``INFO`` output as a flat field -> value mapping (section headers and blanks dropped)."""
    fields: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        key, _, value = line.partition(":")
        fields[key] = value
    return fields


def _int(fields: dict[str, str], key: str) -> int | None:
    try:
        return int(fields[key])
    except (KeyError, ValueError):
        return None


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """The INFO fields the probe reports."""

    version: str | None
    mode: str | None
    role: str | None
    uptime_seconds: int | None
    loading: bool
    connected_clients: int | None
    maxclients: int | None
    used_memory: int | None
    maxmemory: int | None
    maxmemory_policy: str | None
    rdb_last_bgsave_status: str | None
    aof_enabled: bool
    aof_last_write_status: str | None
    master_link_status: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "mode": self.mode,
            "role": self.role,
            "uptime_seconds": self.uptime_seconds,
            "loading": self.loading,
            "connected_clients": self.connected_clients,
            "maxclients": self.maxclients,
            "used_memory": self.used_memory,
            "maxmemory": self.maxmemory,
            "maxmemory_policy": self.maxmemory_policy,
            "rdb_last_bgsave_status": self.rdb_last_bgsave_status,
            "aof_enabled": self.aof_enabled,
            "aof_last_write_status": self.aof_last_write_status,
            "master_link_status": self.master_link_status,
        }

    def summary(self) -> str:
        parts = [f"redis {self.version or '?'}", self.mode or "?", self.role or "?"]
        if self.uptime_seconds is not None:
            parts.append(f"up {_duration(self.uptime_seconds)}")
        if self.connected_clients is not None:
            limit = f"/{self.maxclients}" if self.maxclients else ""
            parts.append(f"clients {self.connected_clients}{limit}")
        if self.used_memory is not None:
            limit = f"/{_bytes(self.maxmemory)}" if self.maxmemory else " (no maxmemory)"
            parts.append(f"memory {_bytes(self.used_memory)}{limit}")
        return ", ".join(parts)


def server_info(fields: dict[str, str]) -> ServerInfo:
    """The fields the probe cares about, typed."""
    return ServerInfo(
        version=fields.get("redis_version"),
        mode=fields.get("redis_mode")
        or ("cluster" if fields.get("cluster_enabled") == "1" else None),
        role=fields.get("role"),
        uptime_seconds=_int(fields, "uptime_in_seconds"),
        loading=fields.get("loading") == "1",
        connected_clients=_int(fields, "connected_clients"),
        maxclients=_int(fields, "maxclients"),
        used_memory=_int(fields, "used_memory"),
        maxmemory=_int(fields, "maxmemory"),
        maxmemory_policy=fields.get("maxmemory_policy"),
        rdb_last_bgsave_status=fields.get("rdb_last_bgsave_status"),
        aof_enabled=fields.get("aof_enabled") == "1",
        aof_last_write_status=fields.get("aof_last_write_status"),
        master_link_status=fields.get("master_link_status"),
    )


def findings_for(info: ServerInfo) -> list[Finding]:
    """Warnings about a server that answers, each with its threshold."""
    found: list[Finding] = []
    if info.loading:
        found.append(
            Finding(
                "loading",
                "the server is still loading its dataset",
                "loading:1",
                "loading:0",
                "Wait, and watch `INFO persistence` (loading_eta_seconds).",
            )
        )
    if info.connected_clients is not None and info.maxclients:
        ratio = info.connected_clients / info.maxclients
        if ratio >= CLIENTS_WARN_RATIO:
            found.append(
                Finding(
                    "clients_near_limit",
                    f"connected_clients is {ratio:.0%} of maxclients: new connections will soon "
                    "be refused with 'max number of clients reached'",
                    f"{info.connected_clients}/{info.maxclients}",
                    f">= {CLIENTS_WARN_RATIO:.0%} of maxclients",
                    "Look for connection leaks and oversized pools (`CLIENT LIST`), or raise "
                    "maxclients.",
                )
            )
    if info.used_memory is not None and info.maxmemory:
        ratio = info.used_memory / info.maxmemory
        if ratio >= MEMORY_WARN_RATIO:
            policy = info.maxmemory_policy or "?"
            risk = (
                "writes will fail with OOM"
                if policy == "noeviction"
                else f"keys are being evicted ({policy})"
            )
            found.append(
                Finding(
                    "memory_near_limit",
                    f"used_memory is {ratio:.0%} of maxmemory: {risk}",
                    f"{_bytes(info.used_memory)}/{_bytes(info.maxmemory)} ({policy})",
                    f">= {MEMORY_WARN_RATIO:.0%} of maxmemory",
                    "Check `INFO memory` and `MEMORY DOCTOR`; add memory, set TTLs or change "
                    "maxmemory-policy.",
                )
            )
    if info.rdb_last_bgsave_status not in (None, "ok"):
        found.append(
            Finding(
                "rdb_save_failing",
                "the last RDB save failed: with stop-writes-on-bgsave-error the server refuses "
                "writes (MISCONF)",
                f"rdb_last_bgsave_status:{info.rdb_last_bgsave_status}",
                "rdb_last_bgsave_status:ok",
                "Check the server log, free disk space, and the data directory's permissions.",
            )
        )
    if info.aof_enabled and info.aof_last_write_status not in (None, "ok"):
        found.append(
            Finding(
                "aof_write_failing",
                "the last AOF write failed: writes are refused (MISCONF)",
                f"aof_last_write_status:{info.aof_last_write_status}",
                "aof_last_write_status:ok",
                "Check the server log and free disk space.",
            )
        )
    if info.role == "slave" and info.master_link_status not in (None, "up"):
        found.append(
            Finding(
                "replica_link_down",
                "this is a replica whose link to its master is down: reads may be stale and "
                "writes fail with READONLY",
                f"master_link_status:{info.master_link_status}",
                "master_link_status:up",
                "Check `INFO replication` and the master's reachability.",
            )
        )
    return found


def _bytes(value: int | None) -> str:
    if value is None:
        return "?"
    size = float(value)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} TiB"


def _duration(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    if seconds < 172800:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} d"
