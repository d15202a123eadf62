"""The projection of `redisdoctor analyze`: the observed failure timeline replayed through the
fixed client's own state machine (`ConnectionState`: backoff + log throttle) on a `VirtualClock`,
counting the log lines and connection attempts the fixed client would have produced.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

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
    from redisdoctor.state import ClientEvent, ConnectionState

    before = sum(count for _, _, count in timeline)
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
    index = 0
    for number, window in enumerate(windows):
        end = int(window.end.timestamp())
        while index < len(timeline) and timeline[index][0] <= end:
            second, category, _count = timeline[index]
            clock.set(second - origin)
            if state.attempt_due():
                attempts = state.attempts
                state.begin_attempt()
                state.record_failure(category, "observed in log")
                if state.attempts > attempts:
                    attempt_times.append(second)
            index += 1
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
