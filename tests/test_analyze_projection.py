"""The projection replays observed failures through the client state machine; its numbers are
checked against a schedule computed by hand. Outage windows and the comparison, too."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from redisdoctor.analyze import (
    AnalyzeOptions,
    ScanOptions,
    analyze_logs,
    outage_windows,
    project,
)
from redisdoctor.backoff import BackoffPolicy
from redisdoctor.taxonomy import Category

NO_JITTER = BackoffPolicy(jitter=0.0)
T0 = int(datetime(2025, 1, 1, tzinfo=UTC).timestamp())
FAILURE = "ERROR:app.cache:Error -2 connecting to redis.example:6379. Name or service not known."


def stamp(offset: int) -> str:
    return datetime.fromtimestamp(T0 + offset, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_analyze_projection_matches_hand_computed_schedule(tmp_path: Path) -> None:
    # A failure every 10 s from 0 to 1000 s (101 records), then silence, then one ordinary line
    # at 2000 s. Hand-computed with base 60, cap 300, no jitter, DNS scale 1:
    #   attempts at 0 (fail, next +60), 60 (fail, +120), 180 (fail, +240), 420 (fail, +300),
    #   720 (fail, +300 -> 1020); the failures stop at 1000 (gap > 300 s before the log's end),
    #   so the attempt due at 1020 succeeds: 6 attempts in all.
    #   Log lines (300 s throttle): 0 (first), 420 (420 - 0 >= 300), 720 (720 - 420 >= 300),
    #   and the recovery line at 1020: 4 lines.
    lines = [f"{stamp(t)} {FAILURE}" for t in range(0, 1001, 10)]
    lines.append(f"{stamp(2000)} INFO:app:GET / 200")
    log = tmp_path / "outage.log"
    log.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = analyze_logs([str(log)], AnalyzeOptions(policy=NO_JITTER))
    projection = report.projection
    assert projection.log_lines_before == 101
    assert projection.attempts_before == 101
    assert projection.attempts_after == 6
    assert projection.log_lines_after == 4
    assert projection.recoveries_after == 1
    assert projection.log_reduction_pct == round(100 * 97 / 101, 2)
    assert projection.attempt_reduction_pct == round(100 * 95 / 101, 2)
    hour = report.hours[0]
    assert hour.failures == 101
    assert hour.projected_attempts == 6
    assert hour.projected_log_lines == 4
    [window] = report.before.outages
    assert window.duration_s == 1000
    assert window.failures == 101
    assert window.ended_by == "gap"
    assert window.category == "dns_nxdomain"


def test_analyze_projection_attempt_times() -> None:
    timeline = [(T0 + t, Category.REFUSED, 1) for t in range(0, 400, 5)]
    run = project(timeline, [], log_end=T0 + 395, policy=NO_JITTER)
    # REFUSED backs off at half scale: 30, 60, 120, 150, 150 ... -> 0, 30, 90, 210, 360.
    assert [t - T0 for t in run.attempt_times] == [0, 30, 90, 210, 360]
    assert run.projection.recoveries_after == 0  # still failing at the end of the log


def test_analyze_projection_empty_timeline() -> None:
    run = project([], [])
    assert run.projection.log_lines_after == 0
    assert run.projection.log_reduction_pct is None


def test_analyze_outage_windows_split_by_gap_and_recovery() -> None:
    timeline = [
        (T0 + 0, Category.REFUSED, 2),
        (T0 + 10, Category.REFUSED, 1),
        (T0 + 20, Category.TIMEOUT, 1),
        (T0 + 1000, Category.TIMEOUT, 1),  # after a 980 s gap
        (T0 + 1010, Category.TIMEOUT, 1),
        (T0 + 1030, Category.DNS_NXDOMAIN, 1),  # after a recovery at 1020
    ]
    windows = outage_windows(timeline, [T0 + 1020], gap=300, log_end=T0 + 1030)
    assert [(w.failures, w.category, w.ended_by) for w in windows] == [
        (4, "refused", "gap"),
        (2, "timeout", "recovery"),
        (1, "dns_nxdomain", "end_of_log"),
    ]
    assert windows[0].duration_s == 20


def test_analyze_comparison_normalises_per_day(tmp_path: Path) -> None:
    before = tmp_path / "before.log"
    after = tmp_path / "after.log"
    # before: 48 failures over 12 h; after: 2 failures over 24 h.
    before.write_text(
        "\n".join(f"{stamp(t)} {FAILURE}" for t in range(0, 12 * 3600, 900)) + "\n"
        f"{stamp(12 * 3600)} INFO:app:end\n",
        encoding="utf-8",
    )
    after.write_text(
        f"{stamp(0)} {FAILURE}\n{stamp(3600)} {FAILURE}\n{stamp(24 * 3600)} INFO:app:end\n",
        encoding="utf-8",
    )
    options = AnalyzeOptions(scan=ScanOptions(workers=1), unit="day")
    report = analyze_logs([str(before)], options, after_inputs=[str(after)])
    comparison = report.comparison
    assert comparison is not None
    assert comparison.unit == "day"
    assert comparison.before_failures == 48
    assert comparison.after_failures == 2
    assert comparison.before_per_unit == 96.0
    assert comparison.after_per_unit == 2.0
    assert comparison.reduction_pct == round(100 * 94 / 96, 2)
