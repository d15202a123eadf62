"""The report of `redisdoctor analyze`: its dataclasses, and the figures computed from a scan's
`Partial`: summary, rates, outage windows, the `--after` comparison, hourly buckets and CSV.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from redisdoctor.analyze_scan import Partial
from redisdoctor.analyze_verdicts import CATEGORIES
from redisdoctor.taxonomy import Category

DEFAULT_GAP = 300.0
#: With no --gap, a pause ends an outage only when it is longer than this many typical gaps (and
#: than DEFAULT_GAP): a throttled client logs one line per 300 s window, and its outage must not
#: fall apart into one "outage" per line.
AUTO_GAP_FACTOR = 3.0


def outage_gap(gap: float | None, typical_gap_s: float | None) -> float:
    """The pause that ends an outage window: `gap` when given, else the larger of DEFAULT_GAP
    and AUTO_GAP_FACTOR times the typical gap between failures."""
    if gap is not None:
        return gap
    return max(DEFAULT_GAP, AUTO_GAP_FACTOR * (typical_gap_s or 0.0))


TOP = 10


@dataclass(frozen=True, slots=True)
class Counted:
    """A name with how many failure records carry it."""

    name: str
    count: int


@dataclass(frozen=True, slots=True)
class TemplateCount:
    """A repeated message template (hosts, numbers and ids masked) and how often it appeared."""

    template: str
    count: int
    category: str
    example: str


@dataclass(frozen=True, slots=True)
class Rates:
    """Failure records per minute and per hour over the covered time (mean) and at the busiest
    minute / hour (peak); the median gap between consecutive failure records, in seconds."""

    per_minute_mean: float
    per_minute_peak: int
    per_hour_mean: float
    per_hour_peak: int
    typical_gap_s: float | None


@dataclass(frozen=True, slots=True)
class OutageWindow:
    """A contiguous failure period: failures closer than the gap threshold, no recovery between.
    `ended_by` is "recovery" (the log shows success), "gap" (failures stopped) or "end_of_log"."""

    start: datetime
    end: datetime
    duration_s: int
    failures: int
    category: str
    ended_by: str


@dataclass(frozen=True, slots=True)
class LogSummary:
    """Everything measured in one set of logs."""

    inputs: tuple[str, ...]
    span_start: datetime | None
    span_end: datetime | None
    covered_s: int
    bytes_read: int
    lines: int
    records: int
    failure_records: int
    non_redis_lines: int
    recovery_records: int
    untimed_failures: int
    categories: tuple[Counted, ...]
    targets: tuple[Counted, ...]
    sources: tuple[Counted, ...]
    templates: tuple[TemplateCount, ...]
    distinct_templates: int
    rates: Rates
    outage_gap_s: float
    outages: tuple[OutageWindow, ...]
    problems: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        from redisdoctor.report import plain

        data: dict[str, Any] = {
            name: plain(getattr(self, name)) for name in self.__dataclass_fields__
        }
        data["categories"] = {c.name: c.count for c in self.categories}
        return data


@dataclass(frozen=True, slots=True)
class Projection:
    """The observed failures replayed through the fixed client (ConnectionState: backoff and
    throttle) on a VirtualClock: log lines and connection attempts before and after."""

    log_lines_before: int
    log_lines_after: int
    log_reduction_pct: float | None
    attempts_before: int
    attempts_after: int
    attempt_reduction_pct: float | None
    recoveries_after: int
    seed: int
    log_window_s: float
    gap_s: float


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two real logs side by side, failure records normalised per `unit` of covered time."""

    unit: str
    before_failures: int
    after_failures: int
    before_covered_s: int
    after_covered_s: int
    before_per_unit: float | None
    after_per_unit: float | None
    reduction_pct: float | None


@dataclass(frozen=True, slots=True)
class HourBucket:
    """One hour of the "before" log: observed failure records per category, the projected log
    lines and attempts, and (with --after) the other log's failures in its hour of the same
    index."""

    start: datetime
    failures: int
    categories: dict[str, int]
    projected_log_lines: int
    projected_attempts: int
    after_failures: int | None


@dataclass(frozen=True, slots=True)
class AnalysisReport:
    """The result of `redisdoctor analyze`."""

    before: LogSummary
    after: LogSummary | None
    projection: Projection
    comparison: Comparison | None
    hours: tuple[HourBucket, ...]

    @property
    def bad_input(self) -> bool:
        if self.before.problems.get("bad_input"):
            return True
        return bool(self.after is not None and self.after.problems.get("bad_input"))

    @property
    def failures_found(self) -> bool:
        return self.before.failure_records > 0

    def to_dict(self) -> dict[str, Any]:
        from redisdoctor.report import plain

        return {
            "before": self.before.to_dict(),
            "after": None if self.after is None else self.after.to_dict(),
            "projection": plain(self.projection),
            "comparison": plain(self.comparison),
            "hours": [plain(hour) for hour in self.hours],
        }


def at_epoch(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _top(counter: Counter[str], limit: int = TOP) -> tuple[Counted, ...]:
    ordered = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return tuple(Counted(name, count) for name, count in ordered[:limit])


def seconds_by_category(partial: Partial) -> Iterator[tuple[int, Category, int]]:
    """(second, category, failures) from the packed per-second counts."""
    for key, count in partial.seconds.items():
        yield key >> 5, CATEGORIES[key & 31], count


def failure_timeline(partial: Partial) -> list[tuple[int, Category, int]]:
    """(second, dominant category, failures) for every second with failures, in time order."""
    timeline: list[tuple[int, Category, int]] = []
    previous = -1
    best = 0
    for key in sorted(partial.seconds):
        second, category, count = key >> 5, CATEGORIES[key & 31], partial.seconds[key]
        if second != previous:
            timeline.append((second, category, count))
            previous, best = second, count
        else:
            _, dominant, total = timeline[-1]
            # The most frequent category of the second (ties: the larger name, as before).
            if count > best or (count == best and category.value > dominant.value):
                dominant, best = category, count
            timeline[-1] = (second, dominant, total + count)
    return timeline


def _rates(timeline: list[tuple[int, Category, int]], covered: int) -> Rates:
    total = sum(n for _, _, n in timeline)
    minutes: Counter[int] = Counter()
    hours: Counter[int] = Counter()
    gaps: Counter[int] = Counter()
    previous: int | None = None
    for second, _, count in timeline:
        minutes[second // 60] += count
        hours[second // 3600] += count
        if previous is not None:
            gaps[second - previous] += 1
        gaps[0] += count - 1
        previous = second
    span_minutes = max(covered, 1) / 60
    typical: float | None = None
    if sum(gaps.values()) > 0:
        expanded = sorted(gaps.elements())
        typical = float(statistics.median(expanded))
    return Rates(
        per_minute_mean=round(total / span_minutes, 3) if total else 0.0,
        per_minute_peak=max(minutes.values(), default=0),
        per_hour_mean=round(total / (span_minutes / 60), 3) if total else 0.0,
        per_hour_peak=max(hours.values(), default=0),
        typical_gap_s=typical,
    )


def outage_windows(
    timeline: list[tuple[int, Category, int]],
    recoveries: Iterable[int],
    *,
    gap: float,
    log_end: int | None,
) -> list[OutageWindow]:
    """Group failure seconds into windows: a gap longer than `gap` or a recovery record between
    two failures ends a window."""
    recovery_times = sorted(recoveries)
    windows: list[OutageWindow] = []
    current: list[tuple[int, Category, int]] = []
    ri = 0

    def close(ended_by: str) -> None:
        counts: Counter[str] = Counter()
        for _, category, count in current:
            counts[category.value] += count
        start, end = current[0][0], current[-1][0]
        windows.append(
            OutageWindow(
                start=at_epoch(start),
                end=at_epoch(end),
                duration_s=end - start,
                failures=sum(counts.values()),
                category=max(counts.items(), key=lambda item: (item[1], item[0]))[0],
                ended_by=ended_by,
            )
        )

    for item in timeline:
        second = item[0]
        if current:
            recovered = False
            while ri < len(recovery_times) and recovery_times[ri] <= second:
                if recovery_times[ri] >= current[-1][0]:
                    recovered = True
                ri += 1
            if recovered:
                close("recovery")
                current = []
            elif second - current[-1][0] > gap:
                close("gap")
                current = []
        else:
            while ri < len(recovery_times) and recovery_times[ri] <= second:
                ri += 1
        current.append(item)
    if current:
        last = current[-1][0]
        if ri < len(recovery_times) and recovery_times[ri] >= last:
            close("recovery")
        elif log_end is not None and log_end - last > gap:
            close("gap")
        else:
            close("end_of_log")
    return windows


def summarize(
    partial: Partial,
    inputs: Sequence[str],
    *,
    gap: float | None = None,
    timeline: list[tuple[int, Category, int]] | None = None,
) -> LogSummary:
    """Turn a scan's figures into the report's summary of one set of logs (`gap`: see
    `outage_gap`)."""
    if timeline is None:
        timeline = failure_timeline(partial)
    covered = (partial.last - partial.first) if partial.first is not None and partial.last else 0
    covered = max(covered, 0)
    templates = sorted(partial.templates.items(), key=lambda item: (-item[1], item[0]))
    problems = partial.problems
    rates = _rates(timeline, covered)
    gap_s = outage_gap(gap, rates.typical_gap_s)
    return LogSummary(
        inputs=tuple(inputs),
        span_start=at_epoch(partial.first) if partial.first is not None else None,
        span_end=at_epoch(partial.last) if partial.last is not None else None,
        covered_s=covered,
        bytes_read=partial.bytes_read,
        lines=partial.lines,
        records=partial.records,
        failure_records=partial.failure_records,
        non_redis_lines=max(0, partial.lines - partial.failure_lines - partial.recovery_records),
        recovery_records=partial.recovery_records,
        untimed_failures=partial.untimed_failures,
        categories=_top(partial.categories, limit=len(Category)),
        targets=_top(partial.targets),
        sources=_top(partial.sources),
        templates=tuple(
            TemplateCount(t, n, *partial.template_info.get(t, ("other", "")))
            for t, n in templates[:TOP]
        ),
        distinct_templates=len(templates),
        rates=rates,
        outage_gap_s=gap_s,
        outages=tuple(
            outage_windows(timeline, partial.recoveries, gap=gap_s, log_end=partial.last)
        ),
        problems={
            "bad_input": problems.bad_input,
            "missing_files": problems.missing_files,
            "unreadable_files": problems.unreadable_files,
            "corrupt_files": problems.corrupt_files,
            "empty_files": problems.empty_files,
            "overlong_lines": problems.overlong_lines,
            "truncated_bytes": problems.truncated_bytes,
            "nul_bytes": partial.nul_bytes,
            "undecodable_records": problems.undecodable_records,
        },
    )


def reduction_pct(before: float, after: float) -> float | None:
    if before <= 0:
        return None
    return round(100.0 * (before - after) / before, 2)


def compare(before: LogSummary, after: LogSummary, unit: str = "hour") -> Comparison:
    """Failure records per hour (or day) of covered time, before and after."""
    seconds = 86400 if unit == "day" else 3600

    def rate(summary: LogSummary) -> float | None:
        if summary.covered_s <= 0:
            return None
        return round(summary.failure_records * seconds / summary.covered_s, 3)

    before_rate, after_rate = rate(before), rate(after)
    reduction = None
    if before_rate is not None and after_rate is not None:
        reduction = reduction_pct(before_rate, after_rate)
    return Comparison(
        unit=unit,
        before_failures=before.failure_records,
        after_failures=after.failure_records,
        before_covered_s=before.covered_s,
        after_covered_s=after.covered_s,
        before_per_unit=before_rate,
        after_per_unit=after_rate,
        reduction_pct=reduction,
    )


def hour_buckets(
    partial: Partial,
    log_times: Sequence[int],
    attempt_times: Sequence[int],
    after: Partial | None,
) -> tuple[HourBucket, ...]:
    """One bucket per hour of the "before" log: its failures per category, the projected log
    lines and attempts at `log_times` / `attempt_times`, and the `after` log's failures."""
    if partial.first is None:
        return ()
    origin = partial.first - partial.first % 3600
    last = partial.last if partial.last is not None else partial.first
    count = (last - origin) // 3600 + 1
    if after is not None and after.first is not None and after.last is not None:
        count = max(count, (after.last - (after.first - after.first % 3600)) // 3600 + 1)
    count = min(count, 24 * 366)
    # One row of per-category counts per hour, filled from the packed keys without unpacking
    # them into tuples (a day of seconds is ~100k keys).
    width = len(CATEGORIES)
    cells = [0] * (count * width)
    for key, n in partial.seconds.items():
        index = ((key >> 5) - origin) // 3600
        if 0 <= index < count:
            cells[index * width + (key & 31)] += n
    failures = [
        {CATEGORIES[c].value: cells[i * width + c] for c in range(width) if cells[i * width + c]}
        for i in range(count)
    ]
    logs = [0] * count
    attempts = [0] * count
    for when in log_times:
        if 0 <= (when - origin) // 3600 < count:
            logs[(when - origin) // 3600] += 1
    for when in attempt_times:
        if 0 <= (when - origin) // 3600 < count:
            attempts[(when - origin) // 3600] += 1
    after_counts: list[int] | None = None
    if after is not None:
        after_counts = [0] * count
        if after.first is not None:
            after_origin = after.first - after.first % 3600
            for key, n in after.seconds.items():
                index = ((key >> 5) - after_origin) // 3600
                if 0 <= index < count:
                    after_counts[index] += n
    return tuple(
        HourBucket(
            start=at_epoch(origin + i * 3600),
            failures=sum(failures[i].values()),
            categories=dict(sorted(failures[i].items())),
            projected_log_lines=logs[i],
            projected_attempts=attempts[i],
            after_failures=None if after_counts is None else after_counts[i],
        )
        for i in range(count)
    )


def hours_csv(report: AnalysisReport) -> str:
    """The hourly buckets as CSV (for plotting elsewhere)."""
    import csv
    import io

    categories = [c.value for c in Category]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "hour_start",
            "failures",
            *categories,
            "projected_log_lines",
            "projected_attempts",
            "after_failures",
        ]
    )
    for hour in report.hours:
        writer.writerow(
            [
                hour.start.isoformat().replace("+00:00", "Z"),
                hour.failures,
                *(hour.categories.get(c, 0) for c in categories),
                hour.projected_log_lines,
                hour.projected_attempts,
                "" if hour.after_failures is None else hour.after_failures,
            ]
        )
    return out.getvalue()
