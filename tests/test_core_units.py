"""Unit tests of the shared core pieces: clock, backoff, throttle, redact."""

from __future__ import annotations

import random
import string
import threading
import time
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from redisdoctor.backoff import BackoffPolicy
from redisdoctor.clock import Clock, SystemClock, VirtualClock
from redisdoctor.redact import MASK, redact_text, redact_url
from redisdoctor.taxonomy import Category
from redisdoctor.throttle import Emit, LogThrottle

DAY = 24 * 3600.0

# -- clock -------------------------------------------------------------------------------------


def test_virtual_clock_advance_and_wall() -> None:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    clock = VirtualClock(start)
    assert clock.monotonic() == 0.0
    clock.advance(90.5)
    assert clock.monotonic() == 90.5
    assert clock.wall() == start + timedelta(seconds=90.5)
    clock.set(100.0)
    assert clock.monotonic() == 100.0


def test_virtual_clock_sleep_never_blocks_and_records() -> None:
    clock = VirtualClock()
    began = time.monotonic()
    clock.sleep(DAY)
    clock.sleep(0)
    clock.sleep(-5)
    assert time.monotonic() - began < 1.0
    assert clock.monotonic() == DAY
    assert clock.sleeps == [DAY, 0, -5]


def test_virtual_clock_refuses_to_go_back() -> None:
    clock = VirtualClock(origin=10.0)
    with pytest.raises(ValueError, match="backwards"):
        clock.advance(-1)
    with pytest.raises(ValueError, match="backwards"):
        clock.set(9.0)
    assert clock.monotonic() == 10.0


def test_virtual_clock_needs_aware_start() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        VirtualClock(datetime(2025, 1, 1))  # noqa: DTZ001 - the naive datetime is the point


def test_virtual_clock_thread_safe_sleep() -> None:
    clock = VirtualClock()

    def sleeper() -> None:
        for _ in range(500):
            clock.sleep(1)

    threads = [threading.Thread(target=sleeper) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert clock.monotonic() == 2000
    assert len(clock.sleeps) == 2000


def test_clocks_satisfy_protocol() -> None:
    assert isinstance(VirtualClock(), Clock)
    system = SystemClock()
    assert isinstance(system, Clock)
    assert system.wall().tzinfo is not None
    first = system.monotonic()
    assert system.monotonic() >= first


# -- backoff -----------------------------------------------------------------------------------


def test_backoff_deterministic_schedule() -> None:
    policy = BackoffPolicy(jitter=0)
    assert [policy.delay(n) for n in range(1, 7)] == [60, 120, 240, 300, 300, 300]
    schedule = policy.schedule(DAY)
    assert schedule[:6] == [0, 60, 180, 420, 720, 1020]
    assert len(schedule) == 290
    assert schedule[-1] <= DAY < schedule[-1] + 300


def test_backoff_jitter_after_cap() -> None:
    policy = BackoffPolicy()
    rng = random.Random(7)
    gaps = [policy.delay(n, rng=rng) for n in range(1, 200)]
    capped = gaps[3:]
    assert all(240 <= gap <= 360 for gap in capped)
    assert len({round(gap, 6) for gap in capped}) > 100  # varies, not a constant 300
    assert min(capped) < 270 and max(capped) > 330  # spread over the +-20% band
    assert 48 <= gaps[0] <= 72


def test_backoff_same_seed_same_schedule() -> None:
    policy = BackoffPolicy()
    first = policy.schedule(DAY, rng=random.Random(42))
    again = policy.schedule(DAY, rng=random.Random(42))
    other = policy.schedule(DAY, rng=random.Random(43))
    assert first == again
    assert first != other


def test_backoff_dns_waits_longer_than_refused() -> None:
    policy = BackoffPolicy(jitter=0)
    for n in (1, 3, 10):
        nxdomain = policy.delay(n, Category.DNS_NXDOMAIN)
        servfail = policy.delay(n, Category.DNS_TEMPORARY)
        assert nxdomain > servfail > policy.delay(n, Category.REFUSED)
    assert len(policy.schedule(DAY, Category.DNS_TEMPORARY)) < len(
        policy.schedule(DAY, Category.REFUSED)
    )
    # The seed's failure (NXDOMAIN) keeps DESIGN.md's schedule exactly.
    assert policy.schedule(DAY, Category.DNS_NXDOMAIN)[:5] == [0, 60, 180, 420, 720]


@pytest.mark.parametrize(
    "category",
    [Category.AUTH, Category.TLS, Category.READONLY, Category.OOM, Category.PROTOCOL],
)
def test_backoff_non_transient_uses_permanent_interval(category: Category) -> None:
    policy = BackoffPolicy(jitter=0, permanent_interval=900)
    assert policy.scale_for(category) is None
    assert [policy.delay(n, category) for n in (1, 2, 50)] == [900, 900, 900]


def test_backoff_huge_failure_count_is_cheap_and_capped() -> None:
    assert BackoffPolicy(jitter=0).delay(10**9) == 300


@pytest.mark.parametrize(
    "kwargs",
    [
        {"base": 0},
        {"cap": -1},
        {"base": 100, "cap": 50},
        {"factor": 0.5},
        {"jitter": 1.0},
        {"jitter": -0.1},
        {"permanent_interval": 0},
    ],
)
def test_backoff_validation(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        BackoffPolicy(**kwargs)  # type: ignore[arg-type]


def test_backoff_failures_count_from_one() -> None:
    with pytest.raises(ValueError):
        BackoffPolicy().delay(0)


def test_backoff_equal_by_value() -> None:
    assert BackoffPolicy() == BackoffPolicy()
    assert BackoffPolicy(base=30) != BackoffPolicy()


# -- throttle ----------------------------------------------------------------------------------


def test_log_throttle_first_at_once_then_window() -> None:
    throttle = LogThrottle(window=300)
    assert throttle.failure(0.0, "dns") == Emit(1, "first")
    emitted = [throttle.failure(float(t), "dns") for t in range(5, 300, 5)]
    assert emitted == [None] * len(emitted)
    assert throttle.pending == len(emitted)
    line = throttle.failure(300.0, "dns")
    assert line == Emit(len(emitted) + 1, "window")
    assert throttle.pending == 0
    assert throttle.suppressed_total == len(emitted)


def test_log_throttle_category_change_at_once() -> None:
    throttle = LogThrottle(window=300)
    throttle.failure(0.0, Category.DNS_NXDOMAIN)
    assert throttle.failure(10.0, Category.DNS_NXDOMAIN) is None
    assert throttle.failure(20.0, Category.REFUSED) == Emit(2, "category_changed")
    assert throttle.failure(30.0, Category.REFUSED) is None


def test_log_throttle_day_of_failures_every_six_seconds() -> None:
    throttle = LogThrottle(window=300)
    lines = [e for t in range(0, int(DAY), 6) if (e := throttle.failure(float(t))) is not None]
    assert len(lines) == 288
    assert sum(line.failures for line in lines) + throttle.pending == int(DAY) // 6


def test_log_throttle_reset() -> None:
    throttle = LogThrottle(window=300)
    throttle.failure(0.0)
    throttle.failure(1.0)
    throttle.failure(2.0)
    assert throttle.reset() == 2
    assert throttle.pending == 0
    assert throttle.failure(3.0) == Emit(1, "first")


def test_log_throttle_validation() -> None:
    with pytest.raises(ValueError):
        LogThrottle(window=-1)
    zero = LogThrottle(window=0)
    assert [zero.failure(0.0), zero.failure(0.0)] == [Emit(1, "first"), Emit(1, "window")]


# -- redact ------------------------------------------------------------------------------------

SECRET = "Zq9-distinctive-Pw"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"redis://:{SECRET}@db.test:6379/0", f"redis://:{MASK}@db.test:6379/0"),
        (f"rediss://app:{SECRET}@db.test:6380", f"rediss://app:{MASK}@db.test:6380"),
        (f"redis://{SECRET}@db.test", f"redis://{MASK}@db.test"),
        (f"redis://db.test/0?password={SECRET}", f"redis://db.test/0?password={MASK}"),
        ("redis://db.test:6379/0", "redis://db.test:6379/0"),
        ("redis://app@db.test", f"redis://{MASK}@db.test"),
    ],
)
def test_redact_url(url: str, expected: str) -> None:
    assert redact_url(url) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"Error connecting to redis://default:{SECRET}@flowing-snail.upstash.io:6379",
        f"REDIS_URL=rediss://:{SECRET}@cache.test:6380/1 failed",
        f"config: requirepass {SECRET}",
        f"requirepass={SECRET}",
        f'{{"password": "{SECRET}"}}',
        f"> AUTH {SECRET}",
        f"AUTH app {SECRET}",
        f"masterauth: {SECRET}",
    ],
)
def test_redact_text_masks_secret(text: str) -> None:
    redacted = redact_text(text)
    assert SECRET not in redacted
    assert MASK in redacted


def test_redact_text_known_secret_and_untouched_text() -> None:
    assert redact_text(f"token is {SECRET}!", secrets=[SECRET, ""]) == f"token is {MASK}!"
    plain = "Error 111 connecting to localhost:6379. Connection refused."
    assert redact_text(plain) == plain


def test_redact_text_keeps_redis_auth_message() -> None:
    message = "ERR AUTH <password> called without any password configured for the default user."
    assert redact_text(message) == message


_PASSWORD_ALPHABET = string.ascii_letters + string.digits + "-_.~!$&'()*+,;=%:@/?#[] "


@settings(max_examples=200, deadline=None)
@given(
    password=st.text(alphabet=_PASSWORD_ALPHABET, min_size=6, max_size=40).filter(
        lambda p: p.strip() != "" and p.strip() == p
    ),
    user=st.sampled_from(["", "default", "app"]),
    scheme=st.sampled_from(["redis", "rediss"]),
)
def test_redact_text_property_password_never_survives(
    password: str, user: str, scheme: str
) -> None:
    # Percent-encoded as a URL carries it; both the encoded and raw forms must vanish.
    encoded = quote(password, safe="")
    # A password that is also a piece of the line's own words ("connec") cannot be told apart.
    assume(encoded not in f"Error 111 connecting to {scheme}://{user}:@cache.test:6379/0. Refused.")
    line = f"Error 111 connecting to {scheme}://{user}:{encoded}@cache.test:6379/0. Refused."
    redacted = redact_text(line)
    assert encoded not in redacted
    assert "cache.test:6379" in redacted
    assert redact_url(f"{scheme}://{user}:{encoded}@cache.test:6379/0").count(encoded) == 0


_RAW_ALPHABET = string.ascii_letters + string.digits + "-_.~!$&'()*+,;=%:?#[]"


@settings(max_examples=200, deadline=None)
@given(
    password=st.text(alphabet=_RAW_ALPHABET, min_size=6, max_size=40),
    prefix=st.sampled_from(["", "WARNING ", "redis.exceptions.ConnectionError: url="]),
)
def test_redact_text_property_raw_password_never_survives(password: str, prefix: str) -> None:
    # Written by hand into a URL without percent-encoding (as people do), it must vanish too.
    # A password that is also a piece of the line's own words ("unreac") cannot be told apart.
    assume(password not in f"{prefix}redis://default:@cache.test:6379/0 unreachable")
    line = f"{prefix}redis://default:{password}@cache.test:6379/0 unreachable"
    assert password not in redact_text(line)
