"""Log analysis: records -> Redis failures -> AnalysisReport (rates, outages, before/after).

`analyze_logs` reads files (in parallel byte ranges for big plain files), finds candidate records
with the taxonomy's relevance hints, classifies them with `classify_text` (cached per distinct
message), and aggregates per second. The per-second timeline gives rates, outage windows, and the
projection: the observed failures replayed through the real client state machine
(`ConnectionState`: backoff + throttle) on a `VirtualClock`, to count the log lines and connection
attempts the fixed client would have produced. `compare` sets two logs side by side, normalised
per hour or day of covered time.

The work is split by concern: `analyze_scan` (reading, the hot path), `analyze_verdicts`
(classifying a record), `analyze_report` (the report's dataclasses and figures) and `projection`;
this module ties them together and re-exports their public names.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from redisdoctor.analyze_report import (
    DEFAULT_GAP,
    AnalysisReport,
    Comparison,
    Counted,
    HourBucket,
    LogSummary,
    OutageWindow,
    Projection,
    Rates,
    TemplateCount,
    compare,
    failure_timeline,
    hour_buckets,
    hours_csv,
    outage_windows,
    summarize,
)
from redisdoctor.analyze_scan import (
    Partial,
    ProgressCallback,
    ScanOptions,
    scan_inputs,
    scan_range,
    scan_stream,
)
from redisdoctor.analyze_verdicts import Verdict, classify_record, relevance_hints
from redisdoctor.backoff import BackoffPolicy
from redisdoctor.projection import ProjectionRun, project

__all__ = [
    "DEFAULT_GAP",
    "AnalysisReport",
    "AnalyzeOptions",
    "Comparison",
    "Counted",
    "HourBucket",
    "LogSummary",
    "OutageWindow",
    "Partial",
    "Projection",
    "ProjectionRun",
    "Rates",
    "ScanOptions",
    "TemplateCount",
    "Verdict",
    "analyze_logs",
    "classify_record",
    "compare",
    "failure_timeline",
    "hours_csv",
    "outage_windows",
    "project",
    "relevance_hints",
    "scan_inputs",
    "scan_range",
    "scan_stream",
    "summarize",
]


@dataclass(frozen=True, slots=True)
class AnalyzeOptions:
    """Everything `analyze_logs` needs besides the inputs."""

    scan: ScanOptions = ScanOptions()  # noqa: RUF009 (frozen, compared by value)
    gap: float | None = None  # None: see analyze_report.outage_gap
    seed: int = 0
    unit: str = "hour"
    policy: BackoffPolicy = BackoffPolicy()  # noqa: RUF009 (frozen, compared by value)


def analyze_logs(
    inputs: Sequence[str],
    options: AnalyzeOptions = AnalyzeOptions(),
    *,
    after_inputs: Sequence[str] = (),
    stdin: BinaryIO | None = None,
    progress: ProgressCallback | None = None,
) -> AnalysisReport:
    """Analyze `inputs` (and, for a side-by-side comparison, `after_inputs`)."""
    if options.unit not in {"hour", "day"}:
        from redisdoctor.errors import UsageError

        raise UsageError("--per must be 'hour' or 'day'")
    partial = scan_inputs(inputs, options.scan, stdin=stdin, progress=progress)
    timeline = failure_timeline(partial)
    before = summarize(partial, inputs, gap=options.gap, timeline=timeline)
    target = before.targets[0].name if before.targets else "redis"
    run = project(
        timeline,
        partial.recoveries,
        gap=before.outage_gap_s,
        log_end=partial.last,
        seed=options.seed,
        target=target,
        policy=options.policy,
        windows=before.outages,
    )
    after_partial: Partial | None = None
    after: LogSummary | None = None
    comparison: Comparison | None = None
    if after_inputs:
        after_partial = scan_inputs(after_inputs, options.scan, stdin=stdin)
        after = summarize(after_partial, after_inputs, gap=options.gap)
        comparison = compare(before, after, options.unit)
    return AnalysisReport(
        before=before,
        after=after,
        projection=run.projection,
        comparison=comparison,
        hours=hour_buckets(partial, run.log_times, run.attempt_times, after_partial),
    )
