"""ConnectionState, the client's policy as a pure state machine, on a VirtualClock."""

from __future__ import annotations

import itertools
import logging
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redisdoctor.backoff import BackoffPolicy
from redisdoctor.clock import VirtualClock
from redisdoctor.state import (
    ClientEvent,
    ClientState,
    ConnectionState,
    GuardedCallback,
    format_duration,
)
from redisdoctor.taxonomy import Category

DAY = 86400.0
DNS_DETAIL = (
    "Error -2 connecting to flowing-snail-56122.upstash.io:6379. Name or service not known."
)
TARGET = "flowing-snail-56122.upstash.io:6379"


def make_state(
    clock: VirtualClock,
    *,
    jitter: float = 0.0,
    seed: int = 1,
    events: list[ClientEvent] | None = None,
) -> ConnectionState:
    return ConnectionState(
        clock=clock,
        rng=random.Random(seed),
        policy=BackoffPolicy(jitter=jitter),
        target=TARGET,
        on_event=events.append if events is not None else None,
    )


def run_outage(
    state: ConnectionState,
    clock: VirtualClock,
    category: Category,
    horizon: float,
    detail: str = DNS_DETAIL,
) -> list[float]:
    """Fail every attempt until `horizon`; return the attempt times (the first failure at 0)."""
    times = [clock.monotonic()]
    state.record_failure(category, detail)
    while True:
        assert state.next_attempt_at is not None
        if state.next_attempt_at > horizon:
            return times
        clock.set(state.next_attempt_at)
        assert state.attempt_due()
        state.begin_attempt()
        assert state.state is ClientState.RECOVERING
        times.append(clock.monotonic())
        state.record_failure(category, detail)


def log_lines(events: list[ClientEvent], level: int | None = None) -> list[str]:
    return [
        str(e.message) for e in events if e.kind == "log" and (level is None or e.level == level)
    ]


def test_state_schedule_without_jitter_matches_design() -> None:
    clock = VirtualClock()
    events: list[ClientEvent] = []
    state = make_state(clock, events=events)
    times = run_outage(state, clock, Category.DNS_NXDOMAIN, DAY)
    assert times[:7] == [0, 60, 180, 420, 720, 1020, 1320]
    assert len(times) == 290
    assert state.attempts == 290
    # Every line of the day, checked one by one: when, at which level, and its exact text.
    logged = [(e.at, e.level, e.message) for e in events if e.kind == "log"]
    expected = [
        (
            0.0,
            logging.WARNING,
            f"Redis unavailable at {TARGET}: dns_nxdomain ({DNS_DETAIL}); "
            "serving from in-memory fallback, next attempt in 60s. "
            f"Fix: {Category.DNS_NXDOMAIN.info.next_step}",
        )
    ]
    # Attempts at 60 and 180 fall inside the first window; from 420 on, one line per attempt.
    expected += [
        (
            at,
            logging.WARNING,
            f"Redis still unavailable at {TARGET}: dns_nxdomain ({DNS_DETAIL}) "
            f"({3 if at == 420 else 1} failures since last log); next attempt in 300s",
        )
        for at in range(420, int(DAY) + 1, 300)
    ]
    assert logged == expected
    assert len(logged) == 288
    assert state.throttle.suppressed_total == 2
    assert state.status()["suppressed_log_lines"] == 2


def test_state_schedule_with_jitter_stays_in_bounds_and_is_seeded() -> None:
    def schedule(seed: int) -> list[float]:
        clock = VirtualClock()
        return run_outage(make_state(clock, jitter=0.2, seed=seed), clock, Category.TIMEOUT, DAY)

    times = schedule(7)
    gaps = [b - a for a, b in itertools.pairwise(times)]
    after_cap = gaps[3:]
    assert all(240 <= gap <= 360 for gap in after_cap)
    assert len({round(gap, 6) for gap in after_cap}) > len(after_cap) // 2
    assert schedule(7) == times
    assert schedule(8) != times


def test_state_logs_through_logger(caplog: pytest.LogCaptureFixture) -> None:
    clock = VirtualClock()
    state = make_state(clock)
    caplog.set_level(logging.INFO, logger="redisdoctor.client")
    run_outage(state, clock, Category.DNS_NXDOMAIN, 3600)
    state.record_success("fallback keys: 0 replayed, 0 skipped")
    records = [r for r in caplog.records if r.name == "redisdoctor.client"]
    assert [r.levelno for r in records].count(logging.WARNING) == 12
    assert records[-1].levelno == logging.INFO
    assert records[-1].getMessage() == (
        f"Redis connection restored at {TARGET} after 57m 0s (14 failed attempts); "
        "fallback keys: 0 replayed, 0 skipped"
    )


def test_state_auth_error_is_logged_once_with_fix_and_not_retried_fast() -> None:
    clock = VirtualClock()
    events: list[ClientEvent] = []
    state = make_state(clock, events=events)
    delay = state.record_failure(Category.AUTH, "invalid username-password pair")
    assert delay == BackoffPolicy().permanent_interval
    assert not state.attempt_due()
    clock.advance(delay - 1)
    assert not state.attempt_due()
    clock.advance(1)
    assert state.attempt_due()
    errors = log_lines(events, logging.ERROR)
    assert len(errors) == 1
    assert errors[0].startswith(
        f"Redis unavailable at {TARGET}: auth (invalid username-password pair); "
        "serving from in-memory fallback, next attempt in 900s. Fix: "
    )
    assert Category.AUTH.info.next_step in errors[0]


def test_state_category_change_is_logged_at_once() -> None:
    clock = VirtualClock()
    events: list[ClientEvent] = []
    state = make_state(clock, events=events)
    state.record_failure(Category.REFUSED, "Error 111 connecting to h:1. Connection refused.")
    clock.set(state.next_attempt_at or 0)
    state.begin_attempt()
    state.record_failure(Category.DNS_NXDOMAIN, "Error -2 connecting to h:1. Name unknown.")
    lines = log_lines(events)
    assert len(lines) == 2
    assert lines[1].startswith(
        f"Redis failure changed to dns_nxdomain at {TARGET} "
        "(Error -2 connecting to h:1. Name unknown.); next attempt in 120s. Fix: "
    )
    # A refusal backs off at half the DNS schedule (per-category scale).
    assert events[0].kind == "failure"
    assert state.last_delay == 120


def test_state_one_attempt_at_a_time() -> None:
    clock = VirtualClock()
    state = make_state(clock)
    assert state.attempt_due()  # healthy: always
    state.record_failure(Category.REFUSED, "refused")
    assert not state.attempt_due()
    clock.advance(30)
    assert state.attempt_due()
    state.begin_attempt()
    assert not state.attempt_due()  # recovering: the attempt in flight is the only one
    state.abandon_attempt()
    assert state.state is ClientState.DEGRADED
    assert state.attempt_due()


def test_state_status_has_seed_fields() -> None:
    clock = VirtualClock()
    state = make_state(clock)
    healthy = state.status()
    assert healthy["status"] == "healthy"
    assert healthy["redis_connected"] is True
    assert healthy["next_retry_in"] is None
    state.record_failure(Category.DNS_NXDOMAIN, "Error -2 connecting to redis://u:hunter2@h:1.")
    clock.advance(45.2)
    status = state.status()
    assert {
        k: status[k]
        for k in (
            "redis_connected",
            "fallback_mode",
            "connection_failure_count",
            "last_failure_type",
            "failures_since_log",
            "status",
        )
    } == {
        "redis_connected": False,
        "fallback_mode": True,
        "connection_failure_count": 1,
        "last_failure_type": "dns_nxdomain",
        "failures_since_log": 0,
        "status": "degraded",
    }
    assert status["time_since_last_attempt"] == pytest.approx(45.2)
    assert status["next_retry_in"] == pytest.approx(14.8)
    assert "hunter2" not in str(status["last_error_message"])
    assert status["outage_started_at"] == "2025-08-12T15:54:42+00:00"


def test_state_recovery_resets_outage_and_emits_event() -> None:
    clock = VirtualClock()
    events: list[ClientEvent] = []
    state = make_state(clock, events=events)
    state.record_failure(Category.REFUSED, "refused")
    clock.advance(30)
    state.begin_attempt()
    state.record_success()
    assert state.state is ClientState.HEALTHY
    assert state.consecutive_failures == 0
    assert state.next_attempt_at is None
    recovered = [e for e in events if e.kind == "recovered"]
    assert len(recovered) == 1
    assert recovered[0].duration == 30
    assert recovered[0].count == 1
    # A new outage starts from the first step again.
    assert state.record_failure(Category.REFUSED, "refused") == 30


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0s"), (42.4, "42s"), (303, "5m 3s"), (7205, "2h 0m 5s"), (97200, "1d 3h 0m")],
)
def test_state_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    seed=st.integers(0, 2**32),
    categories=st.lists(
        st.sampled_from([Category.REFUSED, Category.TIMEOUT, Category.DNS_TEMPORARY]),
        min_size=1,
        max_size=40,
    ),
)
def test_state_log_volume_bounded_for_any_failure_sequence(
    seed: int, categories: list[Category]
) -> None:
    clock = VirtualClock()
    events: list[ClientEvent] = []
    state = make_state(clock, jitter=0.2, seed=seed, events=events)
    changes = 0
    previous: Category | None = None
    for category in categories:
        if previous is not None:
            clock.set(state.next_attempt_at or 0)
            assert state.attempt_due()
            state.begin_attempt()
        changes += previous is not None and category is not previous
        state.record_failure(category, "detail")
        previous = category
    lines = log_lines(events)
    elapsed = clock.monotonic()
    # First line, one per category change, and at most one per full window.
    assert len(lines) <= 1 + changes + elapsed // 300
    assert state.throttle.suppressed_total + len(lines) == len(categories)
    # The delays follow the policy: within jitter of the nominal delay.
    assert state.last_delay is not None
    nominal = BackoffPolicy().nominal_delay(len(categories), categories[-1])
    assert nominal * 0.8 <= state.last_delay <= nominal * 1.2


def test_state_readme_log_example_is_real_output() -> None:
    """The README's example lines are what the state machine writes for the seed's outage."""
    clock = VirtualClock()
    events: list[ClientEvent] = []
    state = make_state(clock, events=events)
    gone = f"Error -2 connecting to {TARGET}. Name or service not known."
    state.record_failure(Category.DNS_NXDOMAIN, gone)
    for category, detail in [(Category.DNS_NXDOMAIN, gone)] * 3 + [
        (Category.REFUSED, f"Error 111 connecting to {TARGET}. Connection refused.")
    ]:
        clock.set(state.next_attempt_at or 0)
        state.begin_attempt()
        state.record_failure(category, detail)
    clock.set(state.next_attempt_at or 0)
    state.begin_attempt()
    state.record_success(
        "fallback keys: 6 replayed, 2 skipped (Redis already held them; not overwritten)"
    )
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    shown = [line for line in readme.splitlines() if line.startswith("t=")]
    produced = [
        f"t={e.at:<4.0f} {logging.getLevelName(e.level or 0):7} {e.message}"
        for e in events
        if e.kind == "log"
    ]
    assert len(shown) == len(produced) == 4
    for line, real in zip(shown, produced, strict=True):
        # The README shortens the long fix text with "(...)".
        assert real.startswith(line.removesuffix(" (...)"))
    # A vanished name is retried on the normal schedule: WARNING (the seed's level), with its fix.
    assert produced[0].startswith("t=0    WARNING Redis unavailable")
    assert produced[0].endswith(f". Fix: {Category.DNS_NXDOMAIN.info.next_step}")


def test_state_raising_on_event_neither_escapes_nor_stops_the_transition(
    caplog: pytest.LogCaptureFixture,
) -> None:
    calls: list[str] = []

    def broken(event: ClientEvent) -> None:
        calls.append(event.kind)
        raise RuntimeError("metrics backend down")

    clock = VirtualClock()
    state = ConnectionState(
        clock=clock, rng=random.Random(1), policy=BackoffPolicy(jitter=0), on_event=broken
    )
    caplog.set_level(logging.WARNING, logger="redisdoctor.client")
    times = run_outage(state, clock, Category.DNS_NXDOMAIN, 3600)
    # the schedule and the throttled log are those of a client without a callback
    assert len(times) == 14 and state.consecutive_failures == 14
    assert state.state is ClientState.DEGRADED and state.log_lines == 12
    records = [r for r in caplog.records if r.name == "redisdoctor.client"]
    raised = [r for r in records if "on_event callback raised" in r.getMessage()]
    assert len(raised) == 1 and raised[0].exc_info is not None  # the first, with its traceback
    assert [r.levelno for r in records if r not in raised].count(logging.WARNING) == 12
    assert calls.count("failure") == 14 and calls.count("log") == 12
    assert isinstance(state.on_event, GuardedCallback) and state.on_event.errors == len(calls)
    for _ in range(1000 - len(calls)):
        state.on_event(ClientEvent("log", 0.0))
    assert len([r for r in caplog.records if "on_event callback raised" in r.getMessage()]) == 2
    assert "(1000 times so far)" in caplog.records[-1].getMessage()
