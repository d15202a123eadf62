"""The probe's pieces alone: RESP reader, INFO findings, ping statistics, /etc/hosts, rendering."""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from redisdoctor.exitcodes import ExitCode
from redisdoctor.probe import (
    PingStats,
    ProbeReport,
    StageResult,
    StageStatus,
    Verdict,
    WatchEvent,
    worst_exit_code,
)
from redisdoctor.probe_dns import hosts_entries
from redisdoctor.probe_info import findings_for, parse_info, server_info
from redisdoctor.probe_resp import (
    PeerClosedError,
    RespConnection,
    RespError,
    RespProtocolError,
    describe_bytes,
    encode_command,
)
from redisdoctor.render.probe import render_plain, render_report, render_summary, watch_line
from redisdoctor.taxonomy import Category, classify_exception
from redisdoctor.urls import parse_redis_url


def reply(data: bytes) -> Any:
    left, right = socket.socketpair()
    with left, right:
        right.sendall(data)
        right.shutdown(socket.SHUT_WR)
        return RespConnection(left, 1.0).read_reply()


def test_resp_encode_command() -> None:
    assert encode_command("AUTH", "u", 5) == b"*3\r\n$4\r\nAUTH\r\n$1\r\nu\r\n$1\r\n5\r\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"+PONG\r\n", "PONG"),
        (b":42\r\n", 42),
        (b"$5\r\nhello\r\n", "hello"),
        (b"$-1\r\n", None),
        (b"_\r\n", None),
        (b"=15\r\ntxt:Some string\r\n", "Some string"),
        (b"*2\r\n+a\r\n:1\r\n", ["a", 1]),
        (b"%2\r\n+server\r\n+redis\r\n+proto\r\n:3\r\n", {"server": "redis", "proto": 3}),
        (b"~1\r\n#t\r\n", [True]),
        (b"|1\r\n+ttl\r\n:3\r\n+real\r\n", "real"),
        (b",1.5\r\n", 1.5),
    ],
)
def test_resp_reader_types(data: bytes, expected: Any) -> None:
    assert reply(data) == expected


def test_resp_reader_error_reply() -> None:
    with pytest.raises(RespError) as info:
        reply(b"-NOAUTH Authentication required.\r\n")
    assert info.value.message == "NOAUTH Authentication required."


def test_resp_reader_http_is_protocol_error() -> None:
    with pytest.raises(RespProtocolError) as info:
        reply(b"HTTP/1.1 400 Bad Request\r\n\r\n")
    assert describe_bytes(info.value.first_bytes) == "an HTTP reply (HTTP/1.1 400 Bad Request)"


def test_resp_reader_eof_is_reset() -> None:
    with pytest.raises(PeerClosedError) as info:
        reply(b"$10\r\nshort")
    assert classify_exception(info.value) is Category.RESET


INFO = (
    "# Server\r\nredis_version:7.2.4\r\nredis_mode:standalone\r\nuptime_in_seconds:5000\r\n"
    "# Clients\r\nconnected_clients:90\r\nmaxclients:100\r\n"
    "# Memory\r\nused_memory:950\r\nmaxmemory:1000\r\nmaxmemory_policy:noeviction\r\n"
    "# Persistence\r\nloading:0\r\nrdb_last_bgsave_status:err\r\naof_enabled:0\r\n"
    "# Replication\r\nrole:slave\r\nmaster_link_status:down\r\n"
)


def test_probe_info_findings_state_thresholds() -> None:
    info = server_info(parse_info(INFO))
    assert info.version == "7.2.4" and info.role == "slave" and info.maxclients == 100
    codes = {f.code: f for f in findings_for(info)}
    assert set(codes) == {
        "clients_near_limit",
        "memory_near_limit",
        "rdb_save_failing",
        "replica_link_down",
    }
    assert codes["clients_near_limit"].value == "90/100"
    assert codes["memory_near_limit"].threshold == ">= 90% of maxmemory"
    assert "OOM" in codes["memory_near_limit"].message
    assert "MISCONF" in codes["rdb_save_failing"].message


def test_probe_info_healthy_has_no_findings() -> None:
    healthy = INFO.replace("connected_clients:90", "connected_clients:3")
    healthy = healthy.replace("used_memory:950", "used_memory:10").replace(":err", ":ok")
    healthy = healthy.replace("role:slave", "role:master")
    assert findings_for(server_info(parse_info(healthy))) == []


def test_probe_ping_stats_percentiles() -> None:
    stats = PingStats(tuple(float(n) for n in range(1, 101)))
    assert (stats.min, stats.median, stats.p99, stats.max) == (1.0, 50.5, 99.0, 100.0)
    assert PingStats((3.0,)).p99 == 3.0


def test_probe_hosts_entries(tmp_path: Path) -> None:
    hosts = tmp_path / "hosts"
    hosts.write_text("# c\n127.0.0.1 localhost\n::1 localhost ip6-localhost\n", encoding="utf-8")
    assert hosts_entries("LOCALHOST", hosts) == ("127.0.0.1", "::1")
    assert hosts_entries("other", hosts) == ()
    assert hosts_entries("x", tmp_path / "missing") == ()


def make_report(verdict: Verdict) -> ProbeReport:
    stages = (
        StageResult("parse", StageStatus.OK, 0.1, "redis://", 0.0),
        StageResult("connect", StageStatus.FAIL, 3.0, "refused", 0.1, Category.REFUSED),
        StageResult("ping", StageStatus.SKIPPED, 0.0, "not run", 3.1),
    )
    return ProbeReport(
        target=parse_redis_url("redis://:hunter2pw@127.0.0.1:1/0"),
        started_at=datetime(2025, 8, 12, tzinfo=UTC),
        total_ms=3.1,
        stages=stages,
        verdict=verdict,
    )


REFUSED = Verdict("fail", ExitCode.UNREACHABLE, Category.REFUSED, "connect", "No.", "Start it.")


def test_probe_render_plain_and_rich() -> None:
    report = make_report(REFUSED)
    text = render_plain(report)
    assert text.splitlines()[0] == "probe redis://:***@127.0.0.1:1/0"
    assert "verdict: refused (stage connect, exit 5 UNREACHABLE)" in text
    assert "next step: Start it." in text
    assert "  ping     skipped             not run" in text  # no time for a stage not run
    console = Console(width=120, record=True, color_system=None)
    console.print(render_report(report))
    console.print(render_summary([report, report]))
    out = console.export_text()
    assert "\u2588" in out and "summary" in out and "hunter2pw" not in out + text


def test_probe_worst_exit_code_order() -> None:
    ok = make_report(Verdict("ok", ExitCode.OK))
    warn = make_report(Verdict("warn", ExitCode.WARNINGS))
    auth = make_report(Verdict("fail", ExitCode.AUTH, Category.AUTH, "auth"))
    refused = make_report(REFUSED)
    assert worst_exit_code([ok, warn]) is ExitCode.WARNINGS
    assert worst_exit_code([auth, warn, ok]) is ExitCode.AUTH
    assert worst_exit_code([auth, refused]) is ExitCode.UNREACHABLE
    assert worst_exit_code([]) is ExitCode.OK


def test_probe_watch_line() -> None:
    event = WatchEvent(datetime(2025, 8, 12, 15, 54, 42, tzinfo=UTC), 3, "refused", "OK",
                       make_report(REFUSED))  # fmt: skip
    assert watch_line(event) == "2025-08-12T15:54:42Z  probe #3  OK -> refused (connect): No."


def test_probe_render_summary_folds_long_targets_instead_of_cropping() -> None:
    long_target = make_report(REFUSED)
    console = Console(width=60, record=True, color_system=None)
    console.print(render_summary([long_target, make_report(Verdict("ok", ExitCode.OK))]))
    summary = console.export_text().split("summary", 1)[1]
    # The port and db at the end of the URL survive a narrow terminal (folded onto a new line).
    assert "\u2026" not in summary
    lines = summary.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("redis://:***@127.0.0.1:"))
    assert lines[first + 1].startswith("1/0 ")
