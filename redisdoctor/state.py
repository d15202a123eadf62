"""The client's connection policy as a pure state machine.

`ConnectionState` is the seed's `ProductionRedisClient` bookkeeping with the I/O taken out: it
decides when the next connection attempt is due (via `BackoffPolicy`), which failures are logged
(via `LogThrottle`), and what `get_status()` reports. It holds no socket, no lock and no thread;
`ResilientRedis` wraps it with I/O and a lock, while `simulate` and `analyze` drive it directly on
a `VirtualClock`. Every log line it writes is also handed to `on_event` as a `ClientEvent`.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Collection
from dataclasses import dataclass
from enum import StrEnum

from redisdoctor.backoff import BackoffPolicy
from redisdoctor.clock import Clock
from redisdoctor.redact import redact_text
from redisdoctor.taxonomy import Category
from redisdoctor.throttle import DEFAULT_WINDOW, LogThrottle

DEFAULT_LOGGER_NAME = "redisdoctor.client"


class ClientState(StrEnum):
    """Where the client stands: serving from Redis, from the fallback, or trying to get back."""

    HEALTHY = "healthy"
    DEGRADED = "degraded"
    RECOVERING = "recovering"


@dataclass(frozen=True, slots=True)
class ClientEvent:
    """One thing that happened to a client, for `on_event` callbacks (metrics, simulate, analyze).

    `kind` is one of "failure", "attempt", "log", "recovered" (from the state machine) and
    "fallback_op", "evicted" (from ResilientRedis). `at` is the clock's monotonic time.
    `count` is the failure count a "log" or "recovered" event stands for, or the number of
    commands of a pipeline the fallback ran ("fallback_op" with message "pipeline"); `duration`
    the outage length of a "recovered" event.
    """

    kind: str
    at: float
    category: Category | None = None
    level: int | None = None
    message: str | None = None
    count: int | None = None
    duration: float | None = None


class GuardedCallback:
    """An `on_event` callback that cannot break the client: an exception it raises is caught
    and logged through the client's logger (the first with its traceback, then every 1000th
    with the count so far), so a failing metrics hook neither replaces the application's
    answer nor stops a state change half-way. Wrapping a guarded callback again returns it."""

    __slots__ = ("callback", "errors", "logger")

    def __init__(self, callback: Callable[[ClientEvent], None], logger: logging.Logger) -> None:
        self.callback = callback
        self.logger = logger
        self.errors = 0

    def __call__(self, event: ClientEvent) -> None:
        try:
            self.callback(event)
        except Exception:
            self.errors += 1
            if self.errors == 1 or self.errors % 1000 == 0:
                self.logger.exception(
                    "redisdoctor: the on_event callback raised (%d time%s so far); "
                    "the client goes on without it",
                    self.errors,
                    "" if self.errors == 1 else "s",
                )


def guard_callback(
    callback: Callable[[ClientEvent], None] | None, logger: logging.Logger
) -> GuardedCallback | None:
    """`callback` wrapped in a `GuardedCallback` (None stays None)."""
    if callback is None or isinstance(callback, GuardedCallback):
        return callback
    return GuardedCallback(callback, logger)


def format_duration(seconds: float) -> str:
    """A short human duration: "42s", "5m 3s", "2h 0m 5s", "1d 3h 0m"."""
    total = max(0, round(seconds))
    days, rest = divmod(total, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}d {hours}h {minutes}m"
    if hours:
        return f"{hours}h {minutes}m {secs}s"
    if minutes:
        return f"{minutes}m {secs}s"
    return f"{secs}s"


class ConnectionState:
    """The seed's policy as a pure state machine: no I/O, no locks, no logging of its own except
    through `logger` / `on_event`. ResilientRedis wraps it; simulate and analyze drive it directly.

    Protocol: when `attempt_due()` is true (always while healthy), the caller may talk to Redis.
    While not healthy it calls `begin_attempt()` first, then `record_failure(category, detail)` or
    `record_success()`. A failure while healthy starts an outage (it counts as that outage's
    first attempt). Not thread-safe on its own: callers serialize. `event_kinds` limits which
    `ClientEvent` kinds reach `on_event` (default: all of them).
    """

    def __init__(
        self,
        *,
        clock: Clock,
        rng: random.Random,
        policy: BackoffPolicy = BackoffPolicy(),  # noqa: B008 (frozen, compared by value)
        log_window: float = DEFAULT_WINDOW,
        logger: logging.Logger | None = None,
        target: str = "redis",
        on_event: Callable[[ClientEvent], None] | None = None,
        event_kinds: Collection[str] | None = None,
    ) -> None:
        self.clock = clock
        self.rng = rng
        self.policy = policy
        self.logger = logger if logger is not None else logging.getLogger(DEFAULT_LOGGER_NAME)
        self.target = target
        self.on_event = guard_callback(on_event, self.logger)
        # Which kinds reach on_event (None: all). A subscriber that only counts log lines (the
        # simulator, a month of a fleet) then pays for no event it would throw away.
        self._kinds = None if event_kinds is None else frozenset(event_kinds)
        self.throttle = LogThrottle(log_window)

        self.state: ClientState = ClientState.HEALTHY
        self.next_attempt_at: float | None = None
        self.consecutive_failures = 0
        self.last_delay: float | None = None

        # Current outage (reset on recovery).
        self.outage_started_at: float | None = None
        self.outage_started_wall: str | None = None
        self.outage_attempts = 0

        # Lifetime counters.
        self.attempts = 0
        self.total_failures = 0
        self.recoveries = 0
        self.log_lines = 0
        self.last_attempt_at: float | None = None
        self.last_category: Category | None = None
        self.last_errno: int | None = None
        self.last_message: str | None = None
        self.last_outage_duration: float | None = None
        self._in_attempt = False
        # The last raw failure detail and its redaction: an outage repeats one message, so it is
        # redacted once, not on every attempt.
        self._raw_detail = ""
        self._shown_detail = ""

    # ----------------------------------------------------------------------------------------
    # Decisions
    # ----------------------------------------------------------------------------------------

    @property
    def healthy(self) -> bool:
        return self.state is ClientState.HEALTHY

    def attempt_due(self) -> bool:
        """Healthy: True. Otherwise True once the scheduled attempt time has come."""
        if self.state is ClientState.HEALTHY:
            return True
        if self.state is ClientState.RECOVERING:
            return False  # one attempt at a time
        return self.next_attempt_at is None or self.clock.monotonic() >= self.next_attempt_at

    def next_retry_in(self) -> float | None:
        """Seconds until the next scheduled attempt (0 when due), None while healthy."""
        if self.next_attempt_at is None or self.state is ClientState.HEALTHY:
            return None
        return max(0.0, self.next_attempt_at - self.clock.monotonic())

    # ----------------------------------------------------------------------------------------
    # Transitions
    # ----------------------------------------------------------------------------------------

    def begin_attempt(self) -> None:
        """A recovery attempt starts now: state -> RECOVERING, counted. A no-op while healthy."""
        if self.state is ClientState.HEALTHY:
            return
        now = self.clock.monotonic()
        self.state = ClientState.RECOVERING
        self._count_attempt(now)
        self._in_attempt = True
        if self.on_event is not None and self._wants("attempt"):
            self.on_event(
                ClientEvent("attempt", now, self.last_category, count=self.outage_attempts)
            )

    def record_failure(
        self, category: Category, detail: str = "", *, errno: int | None = None
    ) -> float:
        """A connection attempt (or a healthy operation) failed: schedule the next attempt, log
        through the throttle, and return the delay chosen."""
        now = self.clock.monotonic()
        if not self._in_attempt:
            self._count_attempt(now)
        self._in_attempt = False
        if detail != self._raw_detail:
            self._raw_detail = detail
            self._shown_detail = redact_text(detail) if detail else ""
        detail = self._shown_detail
        starting = self.state is ClientState.HEALTHY
        if starting:
            self.outage_started_at = now
            self.outage_started_wall = self.clock.wall().isoformat()
        self.consecutive_failures += 1
        self.total_failures += 1
        self.last_category = category
        self.last_errno = errno
        self.last_message = detail
        delay = self.policy.delay(self.consecutive_failures, category, self.rng)
        self.last_delay = delay
        self.next_attempt_at = now + delay
        self.state = ClientState.DEGRADED
        if self.on_event is not None and self._wants("failure"):
            self.on_event(ClientEvent("failure", now, category, message=detail))

        emit = self.throttle.failure(now, category)
        if emit is not None:
            shown = detail or "no detail"
            # ERROR is for failures the policy will not retry fast (auth, tls, config): someone
            # must act. A vanished DNS name stays WARNING (the seed's level): it is retried on the
            # normal schedule, though its line still carries the fix.
            not_retried_fast = self.policy.scale_for(category) is None
            error_level = logging.ERROR if not_retried_fast else logging.WARNING
            if emit.reason == "first":
                level = error_level
                message = (
                    f"Redis unavailable at {self.target}: {category} ({shown}); "
                    f"serving from in-memory fallback, next attempt in {delay:.0f}s"
                )
            elif emit.reason == "category_changed":
                level = error_level
                message = (
                    f"Redis failure changed to {category} at {self.target} ({shown}); "
                    f"next attempt in {delay:.0f}s"
                )
            else:
                level = logging.WARNING
                message = (
                    f"Redis still unavailable at {self.target}: {category} ({shown}) "
                    f"({emit.failures} failures since last log); next attempt in {delay:.0f}s"
                )
            if not category.transient and emit.reason != "window":
                message = f"{message}. Fix: {category.info.next_step}"
            self._log(now, level, message, category, emit.failures)
        return delay

    def record_success(self, note: str = "") -> None:
        """An attempt (or operation) succeeded. From degraded/recovering: back to healthy, with
        one INFO line carrying the outage's duration and failed attempts, then `note` (what
        recovery did with the fallback's keys) appended."""
        if self.state is ClientState.HEALTHY:
            self._in_attempt = False
            return
        now = self.clock.monotonic()
        if not self._in_attempt:
            self._count_attempt(now)
        self._in_attempt = False
        started = self.outage_started_at if self.outage_started_at is not None else now
        duration = now - started
        failed = self.consecutive_failures
        message = (
            f"Redis connection restored at {self.target} after {format_duration(duration)} "
            f"({failed} failed attempts)"
        )
        if note:
            message = f"{message}; {note}"
        self.state = ClientState.HEALTHY
        self.next_attempt_at = None
        self.consecutive_failures = 0
        self.outage_started_at = None
        self.outage_started_wall = None
        self.outage_attempts = 0
        self.last_outage_duration = duration
        self.recoveries += 1
        self.throttle.reset()
        self._log(now, logging.INFO, message, None, failed)
        self._emit(
            ClientEvent(
                "recovered",
                now,
                self.last_category,
                message=message,
                count=failed,
                duration=duration,
            )
        )

    def abandon_attempt(self) -> None:
        """An attempt ended with neither verdict (e.g. interrupted): back to DEGRADED, same
        schedule."""
        if self.state is ClientState.RECOVERING:
            self.state = ClientState.DEGRADED
        self._in_attempt = False

    # ----------------------------------------------------------------------------------------
    # Reporting
    # ----------------------------------------------------------------------------------------

    def status(self) -> dict[str, object]:
        """The seed's `get_status()` fields, then the state machine's own."""
        now = self.clock.monotonic()
        healthy = self.state is ClientState.HEALTHY
        return {
            "redis_connected": healthy,
            "fallback_mode": not healthy,
            "connection_failure_count": self.consecutive_failures,
            "last_failure_type": self.last_category.value if self.last_category else None,
            "time_since_last_attempt": (
                None if self.last_attempt_at is None else now - self.last_attempt_at
            ),
            "next_retry_in": self.next_retry_in(),
            "failures_since_log": self.throttle.pending,
            "status": self.state.value,
            "state": self.state.value,
            "target": self.target,
            "last_error_category": self.last_category.value if self.last_category else None,
            "last_error_errno": self.last_errno,
            "last_error_message": self.last_message,
            "outage_started_at": self.outage_started_wall,
            "outage_duration": (
                None if self.outage_started_at is None else now - self.outage_started_at
            ),
            "last_outage_duration": self.last_outage_duration,
            "attempts": self.attempts,
            "outage_attempts": self.outage_attempts,
            "total_failures": self.total_failures,
            "recoveries": self.recoveries,
            "log_lines": self.log_lines,
            "suppressed_log_lines": self.throttle.suppressed_total,
            "next_delay": self.last_delay if not healthy else None,
        }

    # ----------------------------------------------------------------------------------------
    # Internals
    # ----------------------------------------------------------------------------------------

    def _count_attempt(self, now: float) -> None:
        self.attempts += 1
        self.outage_attempts += 1
        self.last_attempt_at = now

    def _log(
        self, now: float, level: int, message: str, category: Category | None, count: int
    ) -> None:
        self.log_lines += 1
        self.logger.log(level, message)
        if self.on_event is not None and self._wants("log"):
            self.on_event(
                ClientEvent("log", now, category, level=level, message=message, count=count)
            )

    def _wants(self, kind: str) -> bool:
        return self._kinds is None or kind in self._kinds

    def _emit(self, event: ClientEvent) -> None:
        if self.on_event is not None and self._wants(event.kind):
            self.on_event(event)
