"""Timestamp recognition: every format analyze reads without configuration."""

from __future__ import annotations

import calendar
import gzip
import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redisdoctor.errors import UsageError
from redisdoctor.timestamps import (
    _SOURCE_PATTERNS,
    DOCKER_NEXT_START_RE,
    DOCKER_PREFIX,
    NEXT_START_RE,
    START_RE,
    StampParser,
    json_message,
    parse_tz,
    source_in_body,
)

SAMPLES = Path(__file__).resolve().parent.parent / "sample_logs"


def epoch(year: int, month: int, day: int, hour: int, minute: int, second: int) -> int:
    return calendar.timegm(datetime(year, month, day, hour, minute, second, tzinfo=UTC).timetuple())


@pytest.mark.parametrize(
    ("line", "expected", "fmt", "source", "body"),
    [
        (
            b"2025-08-12T15:54:42Z WARNING:utils.redis_client_production:Redis connection failed",
            epoch(2025, 8, 12, 15, 54, 42),
            "iso",
            None,
            b"WARNING:utils.redis_client_production:Redis connection failed",
        ),
        (
            b"2025-08-12T17:54:42.123456+02:00 something",
            epoch(2025, 8, 12, 15, 54, 42),
            "iso",
            None,
            b"something",
        ),
        (
            b"2025-08-12T10:54:42-0500 x",
            epoch(2025, 8, 12, 15, 54, 42),
            "iso",
            None,
            b"x",
        ),
        (
            b"2024-12-24 00:14:34,250 - celery.worker - ERROR - boom",
            epoch(2024, 12, 24, 0, 14, 34),
            "iso",
            None,
            b"- celery.worker - ERROR - boom",
        ),
        (
            b"[2023-12-04 16:28:37,374: ERROR/MainProcess] consumer: Cannot connect",
            epoch(2023, 12, 4, 16, 28, 37),
            "celery",
            "MainProcess",
            b"consumer: Cannot connect",
        ),
        (
            b"E, [2025-05-30T22:08:09.233140 #8] ERROR -- : Redis::CannotConnectError",
            epoch(2025, 5, 30, 22, 8, 9),
            "ruby",
            None,
            b"Redis::CannotConnectError",
        ),
        (
            b"W, [2025-05-30T22:08:09.233140 #8]  WARN -- sidekiq: Redis::TimeoutError",
            epoch(2025, 5, 30, 22, 8, 9),
            "ruby",
            "sidekiq",
            b"Redis::TimeoutError",
        ),
        (
            b"2019/02/18 15:18:42 redis: dial tcp 10.0.3.7:6379: connect: connection refused",
            epoch(2019, 2, 18, 15, 18, 42),
            "go",
            None,
            b"redis: dial tcp 10.0.3.7:6379: connect: connection refused",
        ),
        (
            b"32196:M 09 Apr 2021 04:48:42.620 # Error condition on socket for SYNC",
            epoch(2021, 4, 9, 4, 48, 42),
            "redis-server",
            "redis-server",
            b"Error condition on socket for SYNC",
        ),
        (
            b"2016-08-16T14:02:09+00:00 app[web.1]: 2016-08-16 14:02:09 ERROR Redis down",
            epoch(2016, 8, 16, 14, 2, 9),
            "heroku",
            "app[web.1]",
            b"2016-08-16 14:02:09 ERROR Redis down",
        ),
        (
            b"api-1   | 2024-03-05T10:00:00.123456789Z [ioredis] Unhandled error event",
            epoch(2024, 3, 5, 10, 0, 0),
            "iso",
            "api-1",
            b"[ioredis] Unhandled error event",
        ),
    ],
)
def test_timestamps_recognises_format(
    line: bytes, expected: int, fmt: str, source: str | None, body: bytes
) -> None:
    stamp = StampParser().start_of(line)
    assert stamp is not None
    assert stamp.epoch == expected
    assert stamp.fmt == fmt
    assert stamp.source == source
    assert line[stamp.body_start :] == body
    assert START_RE.match(line) is not None or line.startswith(b"api-1")


@pytest.mark.parametrize(
    "line",
    [
        b"Jan  5 01:02:03 host cron[1]: x",
        b"Jan 5 01:02:03 host cron[1]: x",
        b"Jan 15 01:02:03 h a: x",
    ],
)
def test_timestamps_a_syslog_stamp_starts_a_record_however_its_day_is_padded(line: bytes) -> None:
    # The scanner splits records where a line starts like a stamp: every line the parser reads
    # a stamp from must be one, or its record would swallow it.
    assert StampParser(year=2025).start_of(line) is not None
    assert START_RE.match(line) is not None


def test_timestamps_syslog_uses_given_year() -> None:
    line = b"Aug 12 15:54:42 web01 app[1234]: Redis connection failed"
    stamp = StampParser(year=2023).start_of(line)
    assert stamp is not None
    assert stamp.epoch == epoch(2023, 8, 12, 15, 54, 42)
    assert stamp.source == "app"
    assert line[stamp.body_start :] == b"Redis connection failed"


def test_timestamps_syslog_infers_year_from_reference() -> None:
    reference = datetime(2025, 3, 1, tzinfo=UTC)
    parser = StampParser(reference=reference)
    january = parser.start_of(b"Jan  5 01:02:03 host cron[1]: x")
    december = parser.start_of(b"Dec 31 23:59:59 host cron[1]: x")
    assert january is not None and december is not None
    assert january.epoch == epoch(2025, 1, 5, 1, 2, 3)
    # After the reference date in its year: the stamp must be from the year before.
    assert december.epoch == epoch(2024, 12, 31, 23, 59, 59)


def test_timestamps_tz_applies_to_zoneless_stamps_only() -> None:
    parser = StampParser(tz=parse_tz("+02:00"))
    local = parser.start_of(b"2024-12-24 02:14:34,250 ERROR x")
    zoned = parser.start_of(b"2024-12-24T00:14:34Z ERROR x")
    assert local is not None and zoned is not None
    assert local.epoch == epoch(2024, 12, 24, 0, 14, 34)
    assert zoned.epoch == epoch(2024, 12, 24, 0, 14, 34)


def test_timestamps_tz_accepts_iana_names() -> None:
    paris = parse_tz("Europe/Paris")
    stamp = StampParser(tz=paris).start_of(b"2025-07-01 12:00:00 x")
    assert stamp is not None
    assert stamp.epoch == epoch(2025, 7, 1, 10, 0, 0)  # CEST is UTC+2


def test_timestamps_parse_tz_forms() -> None:
    assert parse_tz(None) is UTC
    assert parse_tz("UTC") is UTC
    assert parse_tz("-05:30") == timezone(-timedelta(hours=5, minutes=30))
    with pytest.raises(UsageError):
        parse_tz("Mars/Olympus")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b'{"time": 1723478082123, "msg": "redis error"}', epoch(2024, 8, 12, 15, 54, 42)),
        (b'{"ts": 1723478082.5, "msg": "x"}', epoch(2024, 8, 12, 15, 54, 42)),
        (b'{"timestamp": "2024-08-12T15:54:42.1Z", "event": "x"}', epoch(2024, 8, 12, 15, 54, 42)),
        (
            b'{"@timestamp": "2024-08-12T17:54:42+02:00", "message": "x"}',
            epoch(2024, 8, 12, 15, 54, 42),
        ),
        (b'{"time": "1723478082", "msg": "x"}', epoch(2024, 8, 12, 15, 54, 42)),
    ],
)
def test_timestamps_json_lines_time_fields(line: bytes, expected: int) -> None:
    stamp = StampParser().start_of(line)
    assert stamp is not None
    assert stamp.fmt == "json"
    assert stamp.epoch == expected


def test_timestamps_json_without_time_is_not_a_stamp() -> None:
    assert StampParser().start_of(b'{"msg": "no time here"}') is None
    assert StampParser().start_of(b"{not json") is None


def test_timestamps_json_message_joins_message_fields() -> None:
    line = (
        b'{"level":50,"time":1,"msg":"redis error","err":{"type":"Error",'
        b'"message":"connect ETIMEDOUT","stack":"Error: connect ETIMEDOUT\\n    at x"}}'
    )
    message = json_message(line)
    assert message is not None
    assert "redis error" in message
    assert "Error: connect ETIMEDOUT" in message
    assert "    at x" in message


@pytest.mark.parametrize(
    "line",
    [
        b"Traceback (most recent call last):",
        b'  File "/app/x.py", line 3, in f',
        b"\tat io.lettuce.core.RedisClient.connect(RedisClient.java:216)",
        b"Caused by: java.net.UnknownHostException: redis.internal",
        b"redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379.",
        b"",
    ],
)
def test_timestamps_continuation_lines_are_not_record_starts(line: bytes) -> None:
    assert StampParser().start_of(line) is None
    assert START_RE.match(line) is None


# The record-start shapes as one plain branch per format: the oracle for START_SHAPES, which
# is factored so that a line that starts no record costs one byte of the regex.
_PLAIN_START_RE = re.compile(
    rb"\d{4}-\d\d-\d\d[T ]\d\d:\d\d"
    rb"|\d{4}/\d\d/\d\d \d\d:"
    rb"|\[\d{4}-\d\d-\d\d[T ]\d\d:"
    rb"|[DIWEFAU], \[\d{4}-"
    rb"|\d+:[XCSM] \d\d [A-Z][a-z]{2} \d{4} "
    rb"|[A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d "
    rb"|\{"
)
# A line of every shape; the test cuts and edits them into near misses.
_START_LINES = [
    "2024-12-24 00:14:34,250 x",
    "2025-08-12T15:54:42Z x",
    "[2023-12-04 16:28:37,374: ERROR/MainProcess] x",
    "E, [2025-05-30T22:08:09.233140 #8] ERROR -- : x",
    *(f"{level}, [2025-05-30T22:08:09 #8] x" for level in "DIWFAU"),
    "2019/02/18 15:18:42 x",
    "32196:M 09 Apr 2021 04:48:42.620 # x",
    "7:S 09 Apr 2021 04:48:42.620 * x",
    "Jan  5 04:48:42 host x",
    "Dec 25 04:48:42 host x",
    '{"ts": 1}',
]


@settings(max_examples=3000, deadline=None)
@given(
    st.sampled_from(_START_LINES),
    st.integers(0, 40),
    st.integers(0, 40),
    st.sampled_from(["", "0", "1", "a", "A", " ", ":", "-", "/", "[", "{", "\t"]),
)
def test_timestamps_start_shapes_accept_what_the_plain_list_accepts(
    shape: str, cut: int, at: int, char: str
) -> None:
    edited = shape[:at] + char + shape[at + 1 :] if char else shape
    line = edited[: max(cut, 1)].encode() if cut < len(edited) else edited.encode()
    assert (START_RE.match(line) is not None) == (_PLAIN_START_RE.match(line) is not None)
    followed = b"x\n" + line
    assert [m.start() for m in NEXT_START_RE.finditer(followed)] == [
        m.start() for m in re.finditer(b"\n(?=" + _PLAIN_START_RE.pattern + b")", followed)
    ]


def test_timestamps_start_shapes_find_the_same_records_in_every_sample() -> None:
    plain = re.compile(b"\n(?=(?:" + _PLAIN_START_RE.pattern + b"))")
    docker_plain = re.compile(
        b"\n(?=(?:" + DOCKER_PREFIX + b")?(?:" + _PLAIN_START_RE.pattern + b"))"
    )
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix not in (".log", ".gz"):
            continue
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        found = [m.start() for m in NEXT_START_RE.finditer(data)]
        assert found == [m.start() for m in plain.finditer(data)], path.name
        in_docker = [m.start() for m in DOCKER_NEXT_START_RE.finditer(data)]
        assert in_docker == [m.start() for m in docker_plain.finditer(data)], path.name
        assert len(in_docker) > 10, path.name


@pytest.mark.parametrize(
    ("body", "source"),
    [
        (
            b"WARNING:utils.redis_client_production:Redis connection failed",
            "utils.redis_client_production",
        ),
        (
            b" WARN 1 --- [ioEventLoop-4-2] i.l.core.protocol.ConnectionWatchdog  : Cannot",
            "i.l.core.protocol.ConnectionWatchdog",
        ),
        (b"- celery.worker - ERROR - boom", "celery.worker"),
        (b"ERROR app.cache: refresh failed", "app.cache"),
        (b"just a message", None),
    ],
)
def test_timestamps_source_in_body(body: bytes, source: str | None) -> None:
    assert source_in_body(body) == source


_LEVEL_WORDS = ("WARNING", "ERROR", "INFO", "WARN", "[ERROR]", "DEBUG", "ERR")
_NAMES = ("app.cache", "x", "a.b-c", "w[web.1]", "", "1", "svc.x[1]")
_GAPS = ("", " ", "  ", "\t", "-", " - ")


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_LEVEL_WORDS + _NAMES + _GAPS),
            st.sampled_from([":", ": ", "--- [", "]", " [t]", "1 ", "12  ", "--- [main]"]),
            st.text(alphabet="WARNING:-[] .:abc1\t", max_size=4),
        ),
        max_size=10,
    )
)
def test_timestamps_source_in_body_is_the_first_pattern_that_matches(parts: list[str]) -> None:
    # source_in_body tries its patterns as one alternation: the first that matches must win,
    # as when they were tried one by one.
    body = "".join(parts).encode()
    expected = None
    for pattern in _SOURCE_PATTERNS:
        match = pattern.match(body[:300])
        if match is not None:
            expected = match.group("src").decode("utf-8", "replace")
            break
    assert source_in_body(body) == expected


def test_timestamps_invalid_dates_are_not_stamps() -> None:
    assert StampParser().start_of(b"2025-13-45T99:00:00Z x") is None
