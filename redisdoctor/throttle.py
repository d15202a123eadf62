"""Log throttling: the first failure at once, then at most one summary line per window.

`LogThrottle` is the decision only (no logger, no clock of its own): the caller passes `now` from
its Clock and gets back whether to emit and how many failures the line stands for. The client
core, the simulator and `ThrottleFilter` (for applications' own loggers) all use it, so the log
schedule they produce is one and the same.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_WINDOW = 300.0


@dataclass(frozen=True, slots=True)
class Emit:
    """Emit a line now. `failures` is how many failures it stands for, itself included;
    `reason` is "first", "category_changed" or "window"."""

    failures: int
    reason: str


class LogThrottle:
    """First failure at once; a change of key (category) at once; else one line per window."""

    __slots__ = ("_last_emit", "_last_key", "_pending", "suppressed_total", "window")

    def __init__(self, window: float = DEFAULT_WINDOW) -> None:
        if window < 0:
            raise ValueError("log window must not be negative")
        self.window = window
        self._last_emit: float | None = None
        self._last_key: object = None
        self._pending = 0
        self.suppressed_total = 0

    @property
    def pending(self) -> int:
        """Failures seen since the last emitted line (not yet reported)."""
        return self._pending

    def failure(self, now: float, key: object = None) -> Emit | None:
        """Record a failure at `now`; return an Emit when a line is due, else None."""
        self._pending += 1
        reason: str | None = None
        if self._last_emit is None:
            reason = "first"
        elif key != self._last_key:
            reason = "category_changed"
        elif now - self._last_emit >= self.window:
            reason = "window"
        if reason is None:
            self.suppressed_total += 1
            return None
        emitted = Emit(self._pending, reason)
        self._last_emit = now
        self._last_key = key
        self._pending = 0
        return emitted

    def reset(self) -> int:
        """Forget the outage (on recovery); return the failures that were never reported."""
        unreported = self._pending
        self._last_emit = None
        self._last_key = None
        self._pending = 0
        return unreported
