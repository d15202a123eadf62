"""The projection of `redisdoctor analyze`: the observed failure timeline replayed through the
fixed client's own state machine (`ConnectionState`: backoff + log throttle) on a `VirtualClock`,
counting the log lines and connection attempts the fixed client would have produced.
"""

from __future__ import annotations

import logging
import random
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter

from redisdoctor.analyze_report import (
    DEFAULT_GAP,
    OutageWindow,
    Projection,
    at_epoch,
    outage_windows,
    reduction_pct,
)
from redisdoctor.backoff import BackoffPolicy
from redisdoctor.clock import VirtualClock
from redisdoctor.state import ClientEvent, ClientState, ConnectionState
from redisdoctor.taxonomy import Category


@dataclass(frozen=True, slots=True)
class ProjectionRun:
    """The projection's figures plus its per-second log-line and attempt times."""

    projection: Projection
    log_times: tuple[int, ...]
    attempt_times: tuple[int, ...]


def project(
    timeline: list[tuple[int, Category, int]],
    recoveries: Iterable[int],
    *,
    gap: float = DEFAULT_GAP,
    log_end: int | None = None,
    seed: int = 0,
    target: str = "redis",
    policy: BackoffPolicy | None = None,
    windows: Sequence[OutageWindow] | None = None,
) -> ProjectionRun:
    """Replay observed failures through `ConnectionState` on a VirtualClock.

    Each observed failure record is an application operation that failed. The fixed client only
    touches the network when `attempt_due()`; otherwise the operation is served from the fallback,
    with no attempt and no log line. When an outage window ends (the log shows a recovery, or the
    failures stop for longer than `gap`), the client's next scheduled attempt succeeds.
    """
    before = sum(map(itemgetter(2), timeline))
    if not timeline:
        empty = Projection(0, 0, None, 0, 0, None, 0, seed, 300.0, gap)
        return ProjectionRun(empty, (), ())
    origin = timeline[0][0]
    clock = VirtualClock(at_epoch(origin))
    log_times: list[int] = []
    attempt_times: list[int] = []

    def on_event(event: ClientEvent) -> None:
        if event.kind == "log":
            log_times.append(origin + int(event.at))

    silent = logging.getLogger("redisdoctor.analyze.projection")
    silent.propagate = False
    if not silent.handlers:
        silent.addHandler(logging.NullHandler())
    # The replay's lines are counted by the state machine, never shown: above CRITICAL, the
    # logger does not even build the records.
    silent.setLevel(logging.CRITICAL + 1)
    state = ConnectionState(
        clock=clock,
        rng=random.Random(seed),
        policy=policy or BackoffPolicy(),
        logger=silent,
        target=target,
        on_event=on_event,
    )
    if windows is None:
        windows = outage_windows(timeline, recoveries, gap=gap, log_end=log_end)

    def offset(item: tuple[int, Category, int]) -> int:
        return item[0] - origin  # the clock reading at a timeline second

    index = 0
    for number, window in enumerate(windows):
        end = int(window.end.timestamp())
        stop = bisect_right(timeline, end, lo=index, key=itemgetter(0))  # the window's seconds
        # Only the seconds where an attempt is due change anything: the rest are operations
        # served from the fallback, with no attempt and no log line.
        index = _first_due(state, timeline, index, stop, offset)
        while index < stop:
            second, category, _count = timeline[index]
            clock.set(second - origin)
            attempts = state.attempts
            state.begin_attempt()
            state.record_failure(category, "observed in log")
            if state.attempts > attempts:
                attempt_times.append(second)
            index = _first_due(state, timeline, index + 1, stop, offset)
        if window.ended_by == "end_of_log":
            continue
        next_start = (
            int(windows[number + 1].start.timestamp()) if number + 1 < len(windows) else None
        )
        due = state.next_attempt_at if state.next_attempt_at is not None else 0.0
        at = max(float(end + 1 - origin), due)
        if next_start is not None and at >= next_start - origin:
            continue  # the client's next attempt falls in the next window: the outage goes on
        clock.set(at)
        state.begin_attempt()
        state.record_success()
        attempt_times.append(origin + int(at))
    projection = Projection(
        log_lines_before=before,
        log_lines_after=state.log_lines,
        log_reduction_pct=reduction_pct(before, state.log_lines),
        attempts_before=before,
        attempts_after=state.attempts,
        attempt_reduction_pct=reduction_pct(before, state.attempts),
        recoveries_after=state.recoveries,
        seed=seed,
        log_window_s=state.throttle.window,
        gap_s=gap,
    )
    return ProjectionRun(projection, tuple(log_times), tuple(attempt_times))


def _first_due(
    state: ConnectionState,
    timeline: Sequence[tuple[int, Category, int]],
    start: int,
    stop: int,
    offset: Callable[[tuple[int, Category, int]], int],
) -> int:
    """The first index in [start, stop) whose second makes `state.attempt_due()` true, or `stop`.

    A busy log has a failure every second, but a backing-off client attempts once a few minutes:
    asking `attempt_due()` second by second is most of the replay. The clock does not move in
    between and nothing else happens at a second that is not due, so jumping there is the same
    replay. `offset` is the clock reading at a second (second - origin), so the bisection compares
    `offset >= next_attempt_at` exactly as `attempt_due` compares `monotonic() >= next_attempt_at`.
    """
    if state.state is ClientState.HEALTHY:
        return start  # always due
    if state.state is ClientState.RECOVERING:
        return stop  # never due: one attempt at a time
    if state.next_attempt_at is None:
        return start
    return bisect_left(timeline, state.next_attempt_at, lo=start, hi=stop, key=offset)
