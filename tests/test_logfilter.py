"""ThrottleFilter on an application's own logger, on a VirtualClock."""

from __future__ import annotations

import logging

import pytest

from redisdoctor.clock import VirtualClock
from redisdoctor.logfilter import ThrottleFilter


@pytest.fixture
def app_logger() -> logging.Logger:
    logger = logging.getLogger("tests.logfilter.app")
    logger.filters.clear()
    logger.setLevel(logging.DEBUG)
    return logger


def test_throttle_filter_first_then_one_per_window(
    app_logger: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    clock = VirtualClock()
    app_logger.addFilter(ThrottleFilter(300, clock=clock))
    caplog.set_level(logging.DEBUG, logger=app_logger.name)
    for _ in range(120):  # every 5 s for 10 minutes, as in the seed
        app_logger.warning("Redis connection failed: %s", "Error -2 connecting to x:6379.")
        clock.advance(5)
    messages = [r.getMessage() for r in caplog.records]
    assert messages == [
        "Redis connection failed: Error -2 connecting to x:6379.",
        "Redis connection failed: Error -2 connecting to x:6379. (59 similar messages suppressed)",
    ]


def test_throttle_filter_keys_by_template_and_level(
    app_logger: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    clock = VirtualClock()
    log_filter = ThrottleFilter(300, clock=clock)
    app_logger.addFilter(log_filter)
    caplog.set_level(logging.DEBUG, logger=app_logger.name)
    app_logger.warning("cache miss storm on %s", "a")
    app_logger.warning("cache miss storm on %s", "b")  # same template: suppressed
    app_logger.error("cache miss storm on %s", "c")  # other level: its own key
    app_logger.warning("Redis down")  # other template
    app_logger.info("routine %s", 1)  # below min_level: never throttled
    app_logger.info("routine %s", 2)
    assert [r.getMessage() for r in caplog.records] == [
        "cache miss storm on a",
        "cache miss storm on c",
        "Redis down",
        "routine 1",
        "routine 2",
    ]
    assert log_filter.suppressed == 1


def test_throttle_filter_bounds_its_keys(app_logger: logging.Logger) -> None:
    log_filter = ThrottleFilter(300, clock=VirtualClock(), max_keys=3)
    app_logger.addFilter(log_filter)
    for n in range(10):
        app_logger.warning(f"distinct {n}")
    assert len(log_filter._throttles) == 3
