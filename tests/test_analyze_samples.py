"""Each bundled sample log gives exactly the figures its generator counted while writing it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from redisdoctor.analyze import AnalysisReport, AnalyzeOptions, analyze_logs

SAMPLES = Path(__file__).resolve().parent.parent / "sample_logs"
EXPECTED = sorted(SAMPLES.glob("*.expected.json"))


def expected_of(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def test_analyze_samples_cover_seed_and_six_ecosystems() -> None:
    names = {path.name.removesuffix(".expected.json") for path in EXPECTED}
    assert {"seed_before", "seed_after"} <= names
    assert len(names - {"seed_before", "seed_after"}) >= 6


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_analyze_samples_match_expected_figures(expected_path: Path) -> None:
    expected = expected_of(expected_path)
    report = analyze_logs([str(SAMPLES / expected["file"])])
    before = report.before
    assert before.lines == expected["lines"]
    assert before.records == expected["records"]
    assert before.failure_records == expected["failure_records"]
    assert {c.name: c.count for c in before.categories} == expected["categories"]
    assert {c.name: c.count for c in before.targets} == expected["targets"]
    assert before.recovery_records == expected["recovery_records"]
    data = before.to_dict()
    assert data["span_start"] == expected["span_start"]
    assert data["span_end"] == expected["span_end"]
    assert before.problems["bad_input"] is False
    # Look-alikes (Postgres, RabbitMQ, HTTP) and ordinary lines are skipped, never counted.
    assert before.non_redis_lines > 0
    assert before.failure_records + expected["lookalike_records"] <= before.records


def seed_report() -> AnalysisReport:
    return analyze_logs(
        [str(SAMPLES / "seed_before.log.gz")], after_inputs=[str(SAMPLES / "seed_after.log.gz")]
    )


def test_analyze_samples_seed_rates_and_outage() -> None:
    before = seed_report().before
    # One warning every 5-10 s: a typical gap of about 7.5 s, 6-12 a minute.
    assert before.rates.typical_gap_s is not None
    assert 6 <= before.rates.typical_gap_s <= 9
    assert 7 <= before.rates.per_minute_mean <= 9
    assert before.rates.per_minute_peak <= 12
    assert len(before.outages) == 1
    outage = before.outages[0]
    assert outage.category == "dns_nxdomain"
    assert outage.ended_by == "end_of_log"
    assert outage.duration_s > 86000
    assert before.templates[0].template == (
        "Redis connection failed: Error <n> connecting to <host>:<port>. Name or service not known."
    )
    assert before.sources[0].name == "utils.redis_client_production"


def test_analyze_samples_throttled_after_log_is_one_outage() -> None:
    # The fixed client logs one line per 300 s window or less often: a fixed 300 s gap would cut
    # its day-long outage into ~190 one-line "outages"; the default gap follows the typical gap.
    after = seed_report().after
    assert after is not None and after.rates.typical_gap_s is not None
    assert after.rates.typical_gap_s > 300
    assert after.outage_gap_s == 3 * after.rates.typical_gap_s
    [outage] = after.outages
    assert outage.failures == after.failure_records
    assert outage.duration_s > 86000
    fixed = analyze_logs([str(SAMPLES / "seed_after.log.gz")], AnalyzeOptions(gap=300.0)).before
    assert fixed.outage_gap_s == 300.0
    assert len(fixed.outages) > 100


def test_analyze_samples_seed_before_after_comparison() -> None:
    report = seed_report()
    comparison = report.comparison
    assert comparison is not None and report.after is not None
    assert comparison.before_failures == 11506
    assert comparison.after_failures == report.after.failure_records
    assert comparison.before_per_unit is not None and comparison.after_per_unit is not None
    assert comparison.before_per_unit == pytest.approx(11506 * 3600 / 86399, abs=0.01)
    assert comparison.reduction_pct is not None and comparison.reduction_pct > 95
    # The projection replays the same outage through the fixed client: a 24 h outage gives
    # about 290 attempts (0, 60, 180, 420, 720, ... with jitter) and at most 288 + 1 lines.
    projection = report.projection
    assert 270 <= projection.attempts_after <= 310
    assert projection.log_lines_after <= 289
    assert projection.log_reduction_pct is not None and projection.log_reduction_pct > 97
    assert len(report.hours) == 25
    assert sum(hour.failures for hour in report.hours) == 11506
    assert sum(hour.after_failures or 0 for hour in report.hours) == comparison.after_failures
