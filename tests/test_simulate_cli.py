"""`redisdoctor simulate` in-process through CliRunner: JSON, rendering, usage errors, log files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redisdoctor.cli import app
from redisdoctor.exitcodes import ExitCode

runner = CliRunner()

SEED_LINE = re.compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ WARNING:utils\.redis_client_production:Redis connection "
    r"failed: Error -2 connecting to flowing-snail-56122\.upstash\.io:6379\. Name or service not "
    r"known\.$"
)
AFTER_LINE = re.compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ (ERROR|WARNING|INFO):redisdoctor\.client:Redis "
)


def _json(args: list[str]) -> dict[str, object]:
    result = runner.invoke(app, ["simulate", "--json", *args])
    assert result.exit_code == ExitCode.OK, result.output
    document = json.loads(result.stdout)
    assert isinstance(document, dict)
    return document


def test_simulate_cli_json_has_every_figure_the_scenario_and_the_seed() -> None:
    document = _json(["--hours", "6", "--outage", "1h-4h30m", "--seed", "5"])
    assert document["command"] == "simulate"
    assert document["exit_code"] == ExitCode.OK
    report = document["report"]
    assert isinstance(report, dict)
    assert report["seed"] == 5
    assert report["scenario"]["outages"][0]["start"] == 3600.0
    assert report["scenario"]["outages"][0]["end"] == 16200.0
    names = [p["name"] for p in report["policies"]]
    assert names[:2] == ["resilient", "naive"]
    assert {"redis-py-7", "redis-py-8", "grpc", "ioredis", "go-redis"} <= set(names)
    resilient = report["policies"][0]
    for key in (
        "operations",
        "fallback_ops",
        "attempts",
        "dns_lookups",
        "log_lines",
        "peak_log_lines_per_minute",
        "recovery_seconds_max",
        "reduction_vs_naive_pct",
        "hourly_log_lines",
        "hourly_attempts",
    ):
        assert key in resilient, key
    assert len(resilient["hourly_log_lines"]) == 6
    assert resilient["recovery_seconds_max"] is not None
    assert report["verdict"]


def test_simulate_cli_same_seed_gives_byte_identical_json() -> None:
    args = ["simulate", "--json", "--hours", "12", "--outage", "2h-7h", "--clients", "5"]
    first = runner.invoke(app, [*args, "--seed", "42"])
    second = runner.invoke(app, [*args, "--seed", "42"])
    other = runner.invoke(app, [*args, "--seed", "43"])
    assert first.exit_code == ExitCode.OK, first.output
    assert first.stdout == second.stdout
    assert first.stdout != other.stdout


def test_simulate_cli_renders_table_timeline_and_verdict() -> None:
    result = runner.invoke(
        app, ["simulate", "--hours", "3", "--outage", "30m-2h", "--clients", "3"]
    )
    assert result.exit_code == ExitCode.OK, result.output
    for needle in ("Policies on the same scenario", "Timeline per hour", "Verdict", "herd"):
        assert needle in result.stdout, needle
    assert "resilient" in result.stdout and "naive" in result.stdout


def test_simulate_cli_policy_overrides_change_the_schedule() -> None:
    document = _json(["--hours", "1", "--jitter", "0", "--base", "10", "--cap", "20"])
    resilient = document["report"]["policies"][0]  # type: ignore[index]
    # 0, 10, 30, then every 20 s: 3 + (3600 - 30) // 20 attempts
    assert resilient["attempts"] == 3 + (3600 - 30) // 20


def test_simulate_cli_ops_per_minute_sets_a_fixed_cadence() -> None:
    document = _json(["--hours", "1", "--ops-per-minute", "6"])
    naive = document["report"]["policies"][1]  # type: ignore[index]
    assert naive["operations"] == 360
    assert document["report"]["scenario"]["op_interval"] == [10.0, 10.0]  # type: ignore[index]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--hours", "-1"], "--hours"),
        (["--outage", "5h-2h"], "END must be after START"),
        (["--outage", "20h-30h"], "ends after the run"),
        (["--failure", "dns_missing"], "unknown failure category"),
        (["--op-interval", "10-5"], "LOW <= HIGH"),
        (["--ops-per-minute", "0"], "--ops-per-minute"),
        (["--jitter", "2"], "--jitter"),
        (["--clients", "0"], "--clients"),
        (["--connect-timeout", "-1"], "--connect-timeout"),
        (["--recovery-check", "sometimes"], "--recovery-check"),
        (["--clients", "2", "--log-out", "x"], "--log-out"),
        (["--cap", "inf"], "--cap must be a finite number"),
        (["--op-interval", "5-10", "--ops-per-minute", "6"], "not both"),
        (["--hours", "nan"], "--hours must be a finite number"),
        (["--ops-per-minute", "1e-300"], "at most a year"),
    ],
)
def test_simulate_cli_bad_options_exit_usage_with_one_line(args: list[str], needle: str) -> None:
    result = runner.invoke(app, ["simulate", *args])
    assert result.exit_code == ExitCode.USAGE, result.output
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_simulate_cli_log_out_writes_the_seed_format(tmp_path: Path) -> None:
    out = tmp_path / "logs"
    document = _json(["--hours", "4", "--outage", "1h-3h", "--seed", "3", "--log-out", str(out)])
    report = document["report"]
    assert isinstance(report, dict)
    naive = report["policies"][1]
    resilient = report["policies"][0]
    before = (out / "before.log").read_text(encoding="utf-8").splitlines()
    after = (out / "after.log").read_text(encoding="utf-8").splitlines()
    assert len(before) == naive["log_lines_total"]
    assert all(SEED_LINE.match(line) for line in before)
    assert before[0] >= "2025-08-12T16:54:42Z"  # the outage starts 1 h after 15:54:42
    assert before == sorted(before)
    assert len(after) == resilient["log_lines_total"]
    assert all(AFTER_LINE.match(line) for line in after)
    assert "restored" in after[-1]
    assert sorted(report["log_files"]) == sorted([str(out / "before.log"), str(out / "after.log")])


def test_simulate_cli_entry_point_is_deterministic_across_processes() -> None:
    import os
    import subprocess
    import sys

    # A fleet with an outage that ends: the herd, the no-jitter herd and every baseline too.
    args = [sys.executable, "-m", "redisdoctor", "simulate", "--json", "--hours", "3"]
    args += ["--clients", "20", "--outage", "10m-2h", "--seed", "7"]
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(args, capture_output=True, check=True, env=env, timeout=60)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    document = json.loads(outputs[0])
    assert document["exit_code"] == ExitCode.OK
    assert document["report"]["fleet"]["herd_with_jitter"]["clients"] == 20
    assert document["report"]["fleet"]["herd_without_jitter"]["clients"] == 20


def test_simulate_cli_log_window_sets_the_throttle() -> None:
    document = _json(["--jitter", "0", "--log-window", "600"])
    report = document["report"]
    assert isinstance(report, dict)
    assert report["scenario"]["policy"]["log_window"] == 600.0
    # Lines at 0, 720, 1320, ... (the first attempt at least 600 s after the last line).
    assert report["policies"][0]["log_lines"] == {"ERROR": 0, "INFO": 0, "WARNING": 144}


def test_simulate_cli_tables_fit_80_columns_without_cutting_figures() -> None:
    import io

    from rich.console import Console

    from redisdoctor.render.simulate import _short, render_simulation
    from redisdoctor.simulate import Scenario, simulate

    assert [_short(v) for v in (99_999, 123_456, 7_202_800, 345_601_092)] == [
        "99,999",
        "123.5k",
        "7.20M",
        "345.6M",
    ]
    report = simulate(Scenario(hours=8, outages=((3600.0, 6 * 3600.0),), clients=50))
    out = io.StringIO()
    Console(file=out, width=80, color_system=None).print(render_simulation(report))
    text = out.getvalue()
    for needle in ("Log lines", "WARNING", "Timeline per hour", "Reconnect herd"):
        assert needle in text, needle
    table_rows = [line for line in text.splitlines() if line.startswith("│")]
    assert len(table_rows) > 20
    assert not [row for row in table_rows if "…" in row]
    resilient = report.policy("resilient")
    assert f"│ resilient  │ {_short(resilient.operations):>6} │" in text
