"""The post-scan figures of `analyze` take shortcuts (the projection jumps to the next due
attempt, the gap median is read from a Counter, windows are cut at found break points, the
collector pauses while the timeline is built); each is pinned here against a plain per-second or
per-record reference written the obvious way."""

from __future__ import annotations

import gc
import logging
import random
import statistics
from collections import Counter
from datetime import UTC, datetime

import pytest

from redisdoctor.analyze_report import (
    OutageWindow,
    Rates,
    _collector_paused,
    _Columns,
    _hour_cells,
    _rates,
    at_epoch,
    counter_median,
    failure_timeline,
    hour_buckets,
    outage_windows,
)
from redisdoctor.analyze_scan import Partial
from redisdoctor.analyze_verdicts import CATEGORIES, CATEGORY_INDEX
from redisdoctor.backoff import BackoffPolicy
from redisdoctor.clock import VirtualClock
from redisdoctor.projection import ProjectionRun, _first_due, project
from redisdoctor.state import ClientEvent, ClientState, ConnectionState
from redisdoctor.taxonomy import Category

T0 = int(datetime(2025, 1, 1, tzinfo=UTC).timestamp())
NO_JITTER = BackoffPolicy(jitter=0.0)
# A schedule in fractions of a second, so due times fall between timeline seconds.
FRACTIONAL = BackoffPolicy(base=1.5, cap=7.25, jitter=0.3)
MIX = (Category.REFUSED, Category.TIMEOUT, Category.DNS_NXDOMAIN, Category.AUTH)
Timeline = list[tuple[int, Category, int]]
QUIET = logging.Logger("tests.analyze_post")  # not registered: nobody else sees it
QUIET.disabled = True


# --------------------------------------------------------------------------------------------
# Plain references: the figures computed the obvious way, one second or record at a time.
# --------------------------------------------------------------------------------------------


def reference_timeline(seconds: Counter[int]) -> Timeline:
    per_second: dict[int, Counter[str]] = {}
    for key, count in seconds.items():
        per_second.setdefault(key >> 5, Counter())[CATEGORIES[key & 31].value] += count
    timeline: Timeline = []
    for second in sorted(per_second):
        counts = per_second[second]
        name = max(counts.items(), key=lambda item: (item[1], item[0]))[0]
        timeline.append((second, Category(name), sum(counts.values())))
    return timeline


def reference_rates(timeline: Timeline, covered: int) -> Rates:
    total = sum(n for _, _, n in timeline)
    minutes: Counter[int] = Counter()
    hours: Counter[int] = Counter()
    gaps: list[int] = []
    previous: int | None = None
    for second, _, count in timeline:
        minutes[second // 60] += count
        hours[second // 3600] += count
        if previous is not None:
            gaps.append(second - previous)
        gaps.extend([0] * (count - 1))
        previous = second
    span_minutes = max(covered, 1) / 60
    return Rates(
        per_minute_mean=round(total / span_minutes, 3) if total else 0.0,
        per_minute_peak=max(minutes.values(), default=0),
        per_hour_mean=round(total / (span_minutes / 60), 3) if total else 0.0,
        per_hour_peak=max(hours.values(), default=0),
        typical_gap_s=float(statistics.median(sorted(gaps))) if gaps else None,
    )


def reference_windows(
    timeline: Timeline, recoveries: list[int], gap: float, log_end: int | None
) -> list[OutageWindow]:
    windows: list[OutageWindow] = []
    current: Timeline = []

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
        if current:
            previous = current[-1][0]
            if any(previous < when <= item[0] for when in recoveries):
                close("recovery")
                current = []
            elif item[0] - previous > gap:
                close("gap")
                current = []
        current.append(item)
    if current:
        last = current[-1][0]
        if any(when > last for when in recoveries):
            close("recovery")
        elif log_end is not None and log_end - last > gap:
            close("gap")
        else:
            close("end_of_log")
    return windows


def reference_project(
    timeline: Timeline, windows: list[OutageWindow], policy: BackoffPolicy, seed: int
) -> tuple[int, int, int, tuple[int, ...], tuple[int, ...]]:
    """The replay asking `attempt_due()` at every failure second (attempts, log lines,
    recoveries, log times, attempt times)."""
    origin = timeline[0][0]
    clock = VirtualClock(at_epoch(origin))
    log_times: list[int] = []
    attempt_times: list[int] = []

    def on_event(event: ClientEvent) -> None:
        if event.kind == "log":
            log_times.append(origin + int(event.at))

    state = ConnectionState(
        clock=clock, rng=random.Random(seed), policy=policy, logger=QUIET, on_event=on_event
    )
    index = 0
    for number, window in enumerate(windows):
        end = int(window.end.timestamp())
        while index < len(timeline) and timeline[index][0] <= end:
            second, category, _ = timeline[index]
            clock.set(second - origin)
            if state.attempt_due():
                state.begin_attempt()
                state.record_failure(category, "observed in log")
                attempt_times.append(second)
            index += 1
        if window.ended_by == "end_of_log":
            continue
        next_start = windows[number + 1].start.timestamp() if number + 1 < len(windows) else None
        due = state.next_attempt_at if state.next_attempt_at is not None else 0.0
        at = max(float(end + 1 - origin), due)
        if next_start is not None and at >= next_start - origin:
            continue
        clock.set(at)
        state.begin_attempt()
        state.record_success()
        attempt_times.append(origin + int(at))
    return (
        state.attempts,
        state.log_lines,
        state.recoveries,
        tuple(log_times),
        tuple(attempt_times),
    )


def random_timeline(rng: random.Random) -> Timeline:
    """Bursts of failures (mostly one a second) separated by pauses, some longer than the
    default 300 s gap."""
    timeline: Timeline = []
    second = T0
    for _ in range(rng.randrange(2, 7)):
        for _ in range(rng.randrange(1, 300)):
            second += rng.choice((1, 1, 1, 2, 3, 40))
            timeline.append((second, rng.choice(MIX), rng.randrange(1, 4)))
        second += rng.choice((120, 301, 900, 5000))
    return timeline


def random_recoveries(rng: random.Random, timeline: Timeline) -> list[int]:
    """Recovery seconds at failure seconds, between them, before the first and after the last."""
    first, last = timeline[0][0], timeline[-1][0]
    picks = [rng.randrange(first - 50, last + 50) for _ in range(rng.randrange(0, 6))]
    picks += [rng.choice(timeline)[0] for _ in range(rng.randrange(0, 3))]
    return picks


def packed(second: int, category: Category) -> int:
    return second << 5 | CATEGORY_INDEX[category]


# --------------------------------------------------------------------------------------------
# The projection's jump to the next due attempt
# --------------------------------------------------------------------------------------------


def run_summary(run: ProjectionRun) -> tuple[int, int, int, tuple[int, ...], tuple[int, ...]]:
    p = run.projection
    return (
        p.attempts_after,
        p.log_lines_after,
        p.recoveries_after,
        run.log_times,
        run.attempt_times,
    )


def test_projection_fast_forward_matches_per_second_replay_hand_made() -> None:
    # Three windows: a dense one ended by a recovery at 400, one ended by a gap, then a last
    # one still failing at the end of the log; an AUTH second waits the permanent interval.
    timeline: Timeline = [(T0 + s, Category.REFUSED, 1) for s in range(0, 400)]
    timeline += [(T0 + s, Category.TIMEOUT, 2) for s in range(401, 1500, 2)]
    timeline += [(T0 + 1600, Category.AUTH, 1)]
    timeline += [(T0 + s, Category.DNS_NXDOMAIN, 1) for s in range(3000, 6000)]
    windows = outage_windows(timeline, [T0 + 400], gap=300, log_end=T0 + 6000)
    assert [w.ended_by for w in windows] == ["recovery", "gap", "end_of_log"]
    for policy in (NO_JITTER, BackoffPolicy(), FRACTIONAL):
        run = project(timeline, [T0 + 400], gap=300, policy=policy, seed=3, windows=windows)
        assert run_summary(run) == reference_project(timeline, windows, policy, 3)
    # No jitter: the attempts land exactly on failure seconds (offset == next_attempt_at is due).
    run = project(timeline, [T0 + 400], gap=300, policy=NO_JITTER, windows=windows)
    assert [t - T0 for t in run.attempt_times[:5]] == [0, 30, 90, 210, 360]


@pytest.mark.parametrize("seed", range(12))
def test_projection_fast_forward_matches_per_second_replay_random(seed: int) -> None:
    rng = random.Random(seed)
    timeline = random_timeline(rng)
    recoveries = random_recoveries(rng, timeline)
    gap = rng.choice((60.0, 300.0, 1000.0))
    log_end = timeline[-1][0] + rng.choice((0, 2000))
    windows = outage_windows(timeline, recoveries, gap=gap, log_end=log_end)
    policy = rng.choice((NO_JITTER, BackoffPolicy(), FRACTIONAL))
    run = project(timeline, recoveries, gap=gap, log_end=log_end, policy=policy, seed=seed)
    assert run_summary(run) == reference_project(timeline, windows, policy, seed)


def state_of(state: ConnectionState) -> ClientState:
    return state.state  # read through a call, so the type checker does not pin it


def test_projection_first_due_follows_attempt_due_in_every_state() -> None:
    timeline: Timeline = [(T0 + s, Category.REFUSED, 1) for s in range(0, 200)]

    def offset(item: tuple[int, Category, int]) -> int:
        return item[0] - T0

    clock = VirtualClock()
    state = ConnectionState(clock=clock, rng=random.Random(1), policy=FRACTIONAL, logger=QUIET)
    assert state_of(state) is ClientState.HEALTHY
    assert _first_due(state, timeline, 5, 100, offset) == 5  # healthy: always due
    clock.set(50)
    state.record_failure(Category.TIMEOUT)  # next attempt 1.05-1.95 s later
    assert state_of(state) is ClientState.DEGRADED
    due_at = state.next_attempt_at
    assert due_at is not None and due_at != int(due_at)  # between two timeline seconds
    fast = _first_due(state, timeline, 0, 200, offset)
    # The reference: step the clock second by second and ask the state machine.
    slow = 50
    while True:
        clock.set(offset(timeline[slow]))
        if state.attempt_due():
            break
        slow += 1
    assert fast == slow == int(due_at) + 1 == 52
    assert _first_due(state, timeline, 0, fast, offset) == fast  # not due before `stop`
    state.begin_attempt()
    assert state_of(state) is ClientState.RECOVERING
    assert _first_due(state, timeline, fast, 200, offset) == 200  # one attempt at a time


# --------------------------------------------------------------------------------------------
# Rates, the median gap, the timeline, windows and hourly cells
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "counts",
    [
        {4: 1},
        {1: 1, 2: 1, 9: 1},  # odd
        {1: 2, 4: 1, 10: 1},  # even: the mean of 1 and 4
        {0: 5, 3: 5},  # even, the middle two differ
        {0: 770_000, 1: 900, 300: 2},
        {5: 0, 7: -2, 3: 3},  # elements() skips counts below 1
    ],
)
def test_analyze_post_counter_median_matches_statistics(counts: dict[int, int]) -> None:
    counter = Counter(counts)
    expected = float(statistics.median(sorted(counter.elements())))
    result = counter_median(counter)
    assert result == expected
    assert isinstance(result, float)  # a JSON 2.0, never 2


def test_analyze_post_counter_median_random_and_empty() -> None:
    rng = random.Random(5)
    for _ in range(200):
        counter = Counter(
            {rng.randrange(50): rng.randrange(-1, 6) for _ in range(rng.randrange(1, 9))}
        )
        elements = sorted(counter.elements())
        expected = float(statistics.median(elements)) if elements else None
        assert counter_median(counter) == expected
    assert counter_median(Counter()) is None
    assert counter_median(Counter({3: 0, 4: -1})) is None


@pytest.mark.parametrize("seed", range(8))
def test_analyze_post_rates_match_reference(seed: int) -> None:
    rng = random.Random(seed)
    timeline = random_timeline(rng)
    covered = timeline[-1][0] - timeline[0][0] + rng.randrange(0, 500)
    assert _rates(_Columns.of(timeline), covered) == reference_rates(timeline, covered)


def test_analyze_post_rates_peaks_cross_bucket_edges() -> None:
    # 59 s and 60 s are different minutes; 3599 s and 3600 s different hours.
    timeline: Timeline = [
        (T0 + 59, Category.REFUSED, 5),
        (T0 + 60, Category.REFUSED, 4),
        (T0 + 119, Category.REFUSED, 4),
        (T0 + 3599, Category.REFUSED, 1),
        (T0 + 3600, Category.REFUSED, 20),
    ]
    rates = _rates(_Columns.of(timeline), 7200)
    assert rates.per_minute_peak == 20
    assert rates.per_hour_peak == 20
    assert rates == reference_rates(timeline, 7200)
    assert _rates(_Columns.of(timeline[:3]), 7200).per_minute_peak == 8
    assert _rates(_Columns.of([]), 60) == Rates(0.0, 0, 0.0, 0, None)


def test_analyze_post_timeline_dominant_category_and_ties() -> None:
    partial = Partial()
    partial.seconds.update(
        {
            packed(T0, Category.REFUSED): 2,
            packed(T0, Category.TIMEOUT): 2,  # a tie: the larger name wins
            packed(T0 + 1, Category.DNS_NXDOMAIN): 3,
            packed(T0 + 1, Category.REFUSED): 1,
            packed(T0 + 1, Category.AUTH): 3,  # a tie with dns_nxdomain: auth < dns_nxdomain
            packed(T0 + 7, Category.OTHER): 1,
        }
    )
    assert failure_timeline(partial) == [
        (T0, Category.TIMEOUT, 4),
        (T0 + 1, Category.DNS_NXDOMAIN, 7),
        (T0 + 7, Category.OTHER, 1),
    ]
    assert failure_timeline(Partial()) == []


def test_analyze_post_timeline_matches_reference_random() -> None:
    rng = random.Random(11)
    partial = Partial()
    for _ in range(3000):
        partial.seconds[packed(T0 + rng.randrange(900), rng.choice(CATEGORIES))] += rng.choice(
            (1, 1, 2, 3, 5)
        )
    timeline = failure_timeline(partial)
    assert timeline == reference_timeline(partial.seconds)
    assert all(
        a[1] is b[1] for a, b in zip(timeline, reference_timeline(partial.seconds), strict=True)
    )


def test_analyze_post_timeline_leaves_the_collector_as_found() -> None:
    partial = Partial()
    partial.seconds[packed(T0, Category.REFUSED)] = 1
    assert gc.isenabled()
    failure_timeline(partial)
    assert gc.isenabled()
    gc.disable()
    try:
        failure_timeline(partial)
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ZeroDivisionError), _collector_paused():
        assert not gc.isenabled()
        _ = 1 / 0
    assert gc.isenabled()


@pytest.mark.parametrize("seed", range(16))
def test_analyze_post_outage_windows_match_reference(seed: int) -> None:
    rng = random.Random(seed)
    timeline = random_timeline(rng)
    recoveries = random_recoveries(rng, timeline)
    gap = rng.choice((1.0, 2.5, 60.0, 300.0, 10_000.0))
    log_end = rng.choice((None, timeline[-1][0], timeline[-1][0] + 400))
    assert outage_windows(timeline, recoveries, gap=gap, log_end=log_end) == reference_windows(
        timeline, recoveries, gap, log_end
    )


def test_analyze_post_outage_windows_recovery_at_a_failure_second() -> None:
    timeline: Timeline = [(T0 + s, Category.REFUSED, 1) for s in (0, 10, 20, 30)]
    # A recovery at a failure second ends the window before that second; one at the first
    # failure second or before it ends nothing.
    windows = outage_windows(timeline, [T0 - 5, T0, T0 + 20], gap=300, log_end=None)
    assert [(w.failures, w.ended_by) for w in windows] == [(2, "recovery"), (2, "end_of_log")]
    assert outage_windows([], [T0], gap=300, log_end=None) == []
    # At the last failure second, a recovery splits off that second and does not end it.
    windows = outage_windows(timeline, [T0 + 30], gap=300, log_end=None)
    assert [(w.failures, w.ended_by) for w in windows] == [(3, "recovery"), (1, "end_of_log")]


def test_analyze_post_outage_windows_split_only_by_longer_pauses() -> None:
    timeline: Timeline = [(T0 + s, Category.TIMEOUT, 1) for s in (0, 10, 21, 31)]
    # Pauses of 10, 11 and 10 s: only the 11 s one is longer than a 10 s gap.
    windows = outage_windows(timeline, [], gap=10, log_end=T0 + 41)
    assert [(w.failures, w.duration_s, w.ended_by) for w in windows] == [
        (2, 10, "gap"),
        (2, 10, "end_of_log"),
    ]
    assert len(outage_windows(timeline, [], gap=11, log_end=None)) == 1


def test_analyze_post_hour_cells_match_per_key_reference() -> None:
    rng = random.Random(2)
    seconds: Counter[int] = Counter()
    for _ in range(2000):
        seconds[packed(T0 + rng.randrange(-7200, 30 * 3600), rng.choice(CATEGORIES))] += 1
    origin, hours = T0 - T0 % 3600, 24  # keys before the origin and after 24 h are left out
    expected = [0] * (hours * len(CATEGORIES))
    for key, n in seconds.items():
        hour = ((key >> 5) - origin) // 3600
        if 0 <= hour < hours:
            expected[hour * len(CATEGORIES) + (key & 31)] += n
    cells = _hour_cells(seconds, origin, hours)
    assert cells == expected
    assert 0 < sum(cells) < sum(seconds.values())
    # The same keys in time order, as a scan inserts them (the hour's key range is reused).
    assert _hour_cells(Counter(dict(sorted(seconds.items()))), origin, hours) == expected


def test_analyze_post_hour_buckets_after_counts() -> None:
    before, after = Partial(), Partial()
    before.see_time(T0 + 10)
    before.see_time(T0 + 3 * 3600)
    before.seconds[packed(T0 + 10, Category.REFUSED)] = 4
    after.see_time(T0 + 86400 + 5)
    after.see_time(T0 + 86400 + 9000)
    after.seconds[packed(T0 + 86400 + 5, Category.REFUSED)] = 2
    after.seconds[packed(T0 + 86400 + 3599, Category.TIMEOUT)] = 3
    after.seconds[packed(T0 + 86400 + 3600, Category.TIMEOUT)] = 7
    hours = hour_buckets(before, [T0 + 10], [T0 + 10, T0 + 3700], after)
    assert [h.after_failures for h in hours] == [5, 7, 0, 0]
    assert [h.failures for h in hours] == [4, 0, 0, 0]
    assert [h.projected_attempts for h in hours] == [1, 1, 0, 0]
