"""Round trip: the logs `simulate --log-out` writes, read back by `redisdoctor analyze`, give the
simulated counts exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from redisdoctor import analyze
from redisdoctor.simulate import RESILIENT, Scenario, simulate
from redisdoctor.taxonomy import Category


@pytest.mark.parametrize(
    "scenario",
    [
        Scenario(seed=1),
        Scenario(
            hours=10,
            outages=((1800.0, 4 * 3600.0), (6 * 3600.0, 8 * 3600.0 + 600.0)),
            failure=Category.REFUSED,
            seed=8,
        ),
        # Every category: its redis-py message in before.log, the state machine's in after.log.
        *(
            Scenario(hours=6, outages=((600.0, 4 * 3600.0),), failure=category, seed=3)
            for category in Category
        ),
    ],
    ids=["seed-day", "two-refused-outages", *(category.value for category in Category)],
)
def test_simulate_logs_round_trip_through_analyze(scenario: Scenario, tmp_path: Path) -> None:
    report = simulate(scenario, log_out=tmp_path)
    naive = report.policy("naive")
    resilient = report.policy(RESILIENT)
    result = analyze.analyze_logs(
        [str(tmp_path / "before.log")], after_inputs=[str(tmp_path / "after.log")]
    )
    before, after = result.before, result.after
    assert after is not None
    assert before.failure_records == naive.total_log_lines
    assert {c.name: c.count for c in before.categories} == {
        scenario.failure.value: naive.total_log_lines
    }
    assert before.rates.per_minute_peak == naive.peak_log_lines_per_minute
    failures_after = resilient.log_lines["ERROR"] + resilient.log_lines["WARNING"]
    assert after.failure_records == failures_after
    assert after.recovery_records == resilient.log_lines["INFO"]
    assert after.rates.per_minute_peak == resilient.peak_log_lines_per_minute
