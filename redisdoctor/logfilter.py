"""`ThrottleFilter`: the client's log throttle as a `logging.Filter` for applications' own loggers.

Put it on a logger (or handler) that repeats itself during an outage::

    logging.getLogger("myapp.cache").addFilter(ThrottleFilter(window=300))

The first record of a kind passes at once; after that at most one per window passes, carrying
"(N similar messages suppressed)". A record's kind is its logger, level and unformatted message
template (``record.msg``), so ``log.warning("Redis failed: %s", exc)`` groups however the
argument varies. Time comes from an injected `Clock`. Built on `redisdoctor.throttle.LogThrottle`,
the same decision the client core uses.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable

from redisdoctor.clock import Clock, SystemClock
from redisdoctor.throttle import DEFAULT_WINDOW, LogThrottle

RecordKey = Callable[[logging.LogRecord], Hashable]


def default_key(record: logging.LogRecord) -> Hashable:
    """Logger name, level and message template: the same call site with different arguments."""
    return (record.name, record.levelno, str(record.msg))


class ThrottleFilter(logging.Filter):
    """Let the first record of a key through, then at most one per `window` seconds per key.

    `min_level` leaves records below it untouched (by default DEBUG and INFO always pass).
    `max_keys` bounds memory: beyond it the oldest key is forgotten. Thread-safe.
    """

    def __init__(
        self,
        window: float = DEFAULT_WINDOW,
        *,
        clock: Clock | None = None,
        key: RecordKey = default_key,
        min_level: int = logging.WARNING,
        max_keys: int = 10_000,
    ) -> None:
        super().__init__()
        if window < 0:
            raise ValueError("window must not be negative")
        self.window = window
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.key = key
        self.min_level = min_level
        self.max_keys = max_keys
        self.suppressed = 0
        self._throttles: dict[Hashable, LogThrottle] = {}
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < self.min_level:
            return True
        key = self.key(record)
        with self._lock:
            throttle = self._throttles.get(key)
            if throttle is None:
                if len(self._throttles) >= self.max_keys:
                    del self._throttles[next(iter(self._throttles))]
                throttle = self._throttles[key] = LogThrottle(self.window)
            emit = throttle.failure(self.clock.monotonic())
            if emit is None:
                self.suppressed += 1
                return False
        if emit.failures > 1:
            record.msg = f"{record.getMessage()} ({emit.failures - 1} similar messages suppressed)"
            record.args = None
        return True
