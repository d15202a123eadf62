"""Time, passed in. The only module that reads the system clock or sleeps.

Everything with a schedule (backoff, throttle, the client's state machine, simulate) takes a
`Clock`, so the same code runs on real time in production and on a `VirtualClock` in tests and
simulations, where sleeping advances time instantly.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol, runtime_checkable


@runtime_checkable
class Clock(Protocol):
    """A source of monotonic time, wall time, and sleep."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin; never goes backwards."""
        ...

    def wall(self) -> datetime:
        """The current time as an aware UTC datetime (for timestamps in logs and reports)."""
        ...

    def sleep(self, seconds: float) -> None:
        """Wait `seconds` (a VirtualClock advances instead of blocking)."""
        ...


class SystemClock:
    """The real clock."""

    def monotonic(self) -> float:
        return time.monotonic()

    def wall(self) -> datetime:
        return datetime.now(UTC)

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            time.sleep(seconds)

    def __repr__(self) -> str:
        return "SystemClock()"


class VirtualClock:
    """A clock that only moves when told to. `sleep` advances it and never blocks.

    `start` is the wall time at monotonic 0; `sleeps` records every requested sleep so tests can
    assert the schedule instead of waiting for it. Thread-safe.
    """

    def __init__(self, start: datetime | None = None, *, origin: float = 0.0) -> None:
        self._now = origin
        self._origin = origin
        self._start = start if start is not None else datetime(2025, 8, 12, 15, 54, 42, tzinfo=UTC)
        if self._start.tzinfo is None:
            raise ValueError("VirtualClock start must be timezone-aware")
        self._lock = threading.Lock()
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self._now

    def wall(self) -> datetime:
        return self._start + timedelta(seconds=self._now - self._origin)

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(seconds)
            if seconds > 0:
                self._now += seconds

    def advance(self, seconds: float) -> None:
        """Move time forward by `seconds` (negative values are refused: time is monotonic)."""
        if seconds < 0:
            raise ValueError("a clock cannot go backwards")
        with self._lock:
            self._now += seconds

    def set(self, monotonic: float) -> None:
        """Jump to an absolute monotonic time, which must not be in the past."""
        with self._lock:
            if monotonic < self._now:
                raise ValueError("a clock cannot go backwards")
            self._now = monotonic

    def __repr__(self) -> str:
        return f"VirtualClock(now={self._now!r})"
