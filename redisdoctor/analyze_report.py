"""The report of `redisdoctor analyze`: its dataclasses, and the figures computed from a scan's
`Partial`: summary, rates, outage windows, the `--after` comparison, hourly buckets and CSV.
"""

from __future__ import annotations

import gc
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter, sub
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


#: The categories in the order of their names, and each packed index's place in that order: a
#: second's dominant category is the most frequent, ties going to the larger name, so
#: `count << 5 | rank` orders its categories with one int comparison.
_BY_NAME: tuple[Category, ...] = tuple(sorted(CATEGORIES, key=lambda category: category.value))
_NAME_RANK: tuple[int, ...] = tuple(_BY_NAME.index(category) for category in CATEGORIES)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building a big list of acyclic objects.

    Each timeline tuple holds a Category, an object the collector tracks, so a day of failure
    seconds (200k+ tuples) sets off collections that walk every object of the process again and
    again: most of the time of `failure_timeline`. The tuples make no cycles, and any cycle
    made elsewhere meanwhile is collected once the collector runs again."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def failure_timeline(partial: Partial) -> list[tuple[int, Category, int]]:
    """(second, dominant category, failures) for every second with failures, in time order.

    The dominant category is the most frequent one of the second, ties going to the larger name.
    """
    seconds = partial.seconds
    timeline: list[tuple[int, Category, int]] = []
    append = timeline.append
    current: int | None = None  # the second being summed
    top = total = 0  # the best `count << 5 | rank` of its categories, and its failures
    # Sorted packed keys put the categories of a second next to each other.
    keys = sorted(seconds)
    with _collector_paused():
        for key, count in zip(keys, map(seconds.__getitem__, keys), strict=True):
            second = key >> 5
            score = count << 5 | _NAME_RANK[key & 31]
            if second != current:
                if current is not None:
                    append((current, _BY_NAME[top & 31], total))
                current, top, total = second, score, count
            else:
                total += count
                if score > top:
                    top = score
        if current is not None:
            append((current, _BY_NAME[top & 31], total))
    return timeline


def counter_median(counts: Counter[int]) -> float | None:
    """`statistics.median(sorted(counts.elements()))` as a float, without expanding the counts
    (a day of failures is a million gaps but a few hundred distinct ones). None when empty."""
    values = sorted((value, n) for value, n in counts.items() if n > 0)  # elements() skips n <= 0
    size = sum(n for _, n in values)
    if size == 0:
        return None
    low = _nth(values, (size - 1) // 2)
    if size % 2:
        return float(low)
    # The same arithmetic as statistics.median for an even count: the mean of the middle two.
    return (low + _nth(values, size // 2)) / 2


def _nth(values: list[tuple[int, int]], position: int) -> int:
    """The element at `position` of the sorted expansion of (value, count) pairs."""
    for value, n in values:
        if position < n:
            return value
        position -= n
    raise IndexError(position)


def _peak(seconds: list[int], counts: list[int], width: int) -> int:
    """The largest sum of `counts` over one `width`-second bucket (seconds in time order), 0
    when there are none.

    Walks only the buckets that hold failures and sums each one's slice in C: a busy log has
    thousands of failure seconds per bucket."""
    sums: list[int] = []
    start, size = 0, len(seconds)
    while start < size:
        bucket_end = (seconds[start] // width + 1) * width
        stop = bisect_left(seconds, bucket_end, start)
        sums.append(sum(counts[start:stop]))
        start = stop
    return max(sums, default=0)


@dataclass(frozen=True, slots=True)
class _Columns:
    """A timeline (in time order) as lists, built once for both the rates and the windows: its
    seconds, their failures, and the pause before each second but the first."""

    seconds: list[int]
    counts: list[int]
    pauses: list[int]

    @classmethod
    def of(cls, timeline: list[tuple[int, Category, int]]) -> _Columns:
        seconds = list(map(itemgetter(0), timeline))
        pauses = list(map(sub, seconds[1:], seconds))
        return cls(seconds, list(map(itemgetter(2), timeline)), pauses)


def _rates(columns: _Columns, covered: int) -> Rates:
    """Rates of a timeline (see `failure_timeline`)."""
    seconds, counts = columns.seconds, columns.counts
    total = sum(counts)
    # The gaps between consecutive failure records: the pauses between failure seconds, and a
    # zero gap for every record after the first of its second.
    gaps = Counter(columns.pauses)
    gaps[0] += total - len(seconds)
    span_minutes = max(covered, 1) / 60
    typical: float | None = None
    if sum(gaps.values()) > 0:
        typical = counter_median(gaps)
    return Rates(
        per_minute_mean=round(total / span_minutes, 3) if total else 0.0,
        per_minute_peak=_peak(seconds, counts, 60),
        per_hour_mean=round(total / (span_minutes / 60), 3) if total else 0.0,
        per_hour_peak=_peak(seconds, counts, 3600),
        typical_gap_s=typical,
    )


def _window_breaks(columns: _Columns, recovery_times: list[int], gap: float) -> dict[int, str]:
    """{index: why} for every timeline index that starts a new window: "recovery" when a
    recovery record falls after the previous failure second and at or before this one, else "gap"
    when the pause since the previous failure second is longer than `gap`."""
    seconds, pauses = columns.seconds, columns.pauses
    breaks: dict[int, str] = {}
    if pauses and max(pauses) > gap:  # in a busy log none is: skip the scan
        breaks = {index: "gap" for index, pause in enumerate(pauses, 1) if pause > gap}
    for when in recovery_times:
        index = bisect_left(seconds, when)  # the first failure second at or after the recovery
        if 0 < index < len(seconds):
            breaks[index] = "recovery"  # a recovery wins over a gap at the same place
    return breaks


def _window(timeline: list[tuple[int, Category, int]], ended_by: str) -> OutageWindow:
    """The window made of `timeline` (one window's slice)."""
    counts: dict[Category, int] = {}
    get = counts.get
    for _, category, count in timeline:
        counts[category] = get(category, 0) + count
    start, end = timeline[0][0], timeline[-1][0]
    # A Category is a str equal to its value, so (count, category) orders like (count, value).
    dominant = max(counts.items(), key=lambda item: (item[1], item[0]))[0]
    return OutageWindow(
        start=at_epoch(start),
        end=at_epoch(end),
        duration_s=end - start,
        failures=sum(counts.values()),
        category=dominant.value,
        ended_by=ended_by,
    )


def outage_windows(
    timeline: list[tuple[int, Category, int]],
    recoveries: Iterable[int],
    *,
    gap: float,
    log_end: int | None,
) -> list[OutageWindow]:
    """Group failure seconds (in time order) into windows: a gap longer than `gap` or a recovery
    record between two failures ends a window."""
    return _outage_windows(timeline, _Columns.of(timeline), recoveries, gap, log_end)


def _outage_windows(
    timeline: list[tuple[int, Category, int]],
    columns: _Columns,
    recoveries: Iterable[int],
    gap: float,
    log_end: int | None,
) -> list[OutageWindow]:
    if not timeline:
        return []
    recovery_times = sorted(recoveries)
    breaks = _window_breaks(columns, recovery_times, gap)
    windows: list[OutageWindow] = []
    start = 0
    for index in sorted(breaks):
        windows.append(_window(timeline[start:index], breaks[index]))
        start = index
    last = columns.seconds[-1]
    if recovery_times and recovery_times[-1] > last:
        ended_by = "recovery"
    elif log_end is not None and log_end - last > gap:
        ended_by = "gap"
    else:
        ended_by = "end_of_log"
    windows.append(_window(timeline[start:], ended_by))
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
    columns = _Columns.of(timeline)
    rates = _rates(columns, covered)
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
        outages=tuple(_outage_windows(timeline, columns, partial.recoveries, gap_s, partial.last)),
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
    width = len(CATEGORIES)
    cells = _hour_cells(partial.seconds, origin, count)
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
            after_cells = _hour_cells(after.seconds, after.first - after.first % 3600, count)
            after_counts = [sum(after_cells[i * width : (i + 1) * width]) for i in range(count)]
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


def _hour_cells(seconds: Counter[int], origin: int, hours: int) -> list[int]:
    """Failures per (hour since `origin`, category index) from packed per-second keys, one row
    of len(CATEGORIES) cells per hour; keys outside the `hours` are left out."""
    width = len(CATEGORIES)
    cells = [0] * (hours * width)
    # A key is second << 5 | category and the category bits never carry into the hour, so an
    # hour is a range of keys. Keys come mostly in time order, so the hour is worked out only
    # when a key leaves the range of the previous one: a day of seconds is 100k+ keys.
    base, span = origin << 5, 3600 << 5
    low = high = row = 0  # the key range of the current hour, and where its row starts
    for key, n in seconds.items():
        if not low <= key < high:
            hour = (key - base) // span
            if not 0 <= hour < hours:
                continue
            low, high, row = base + hour * span, base + (hour + 1) * span, hour * width
        cells[row + (key & 31)] += n
    return cells


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
