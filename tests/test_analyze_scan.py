"""The scanner's shortcuts give the figures the plain parser gives: stamps looked up per minute
and format (seconds and fraction read from fixed positions), records classified from per-line
caches."""

from __future__ import annotations

import io
import itertools
import random
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redisdoctor.analyze_scan import (
    Partial,
    ScanOptions,
    _Scanner,
    _worker_scan_range,
    scan_stream,
)
from redisdoctor.analyze_verdicts import CATEGORY_INDEX, _meaning_target, classify_record
from redisdoctor.logscan import MAX_RECORD, Layout, sniff_layout, split_points
from redisdoctor.taxonomy import Category
from redisdoctor.templates import _COLLAPSE, target_of, volatile_key
from redisdoctor.timestamps import StampParser

MESSAGE = "Redis connection failed: Error 111 connecting to redis:6379. Connection refused."


def _stamped(rng: random.Random, second: int) -> str:
    minute, sec = divmod(second, 60)
    clock = f"10:{minute:02d}:{sec:02d}"
    pick = rng.randrange(5)
    if pick == 0:
        return f"2025-03-01T{clock}Z ERROR:app.cache:{MESSAGE}"
    if pick == 1:
        return f"2025-03-01 {clock},{rng.randrange(1000):03d} ERROR app.cache: {MESSAGE}"
    if pick == 2:
        return f"[2025-03-01 {clock},{rng.randrange(1000):03d}: ERROR/MainProcess] {MESSAGE}"
    if pick == 3:
        return f"E, [2025-03-01T{clock}.{rng.randrange(10**6):06d} #8] ERROR -- : {MESSAGE}"
    return f"2025/03/01 {clock} {MESSAGE}"


def test_analyze_scan_stamp_cache_matches_parser_per_line() -> None:
    rng = random.Random(7)
    lines = [_stamped(rng, second) for second in sorted(rng.randrange(3600) for _ in range(3000))]
    # Look-alikes of a cached shape: the fraction slot holds letters, or the seconds are 61.
    lines.append(f"[2025-03-01 10:59:59,x1z: ERROR/MainProcess] {MESSAGE}")
    lines.append(f"2025-03-01T10:59:61Z ERROR:app.cache:{MESSAGE}")
    data = ("\n".join(lines) + "\n").encode()
    partial = scan_stream(io.BytesIO(data), "mixed.log", ScanOptions(workers=1))

    parser = StampParser()
    expected: Counter[int] = Counter()
    for line in lines:
        stamp = parser.fast(line.encode())
        if stamp is not None:
            expected[stamp[0] << 5 | CATEGORY_INDEX[Category.REFUSED]] += 1
    assert partial.failure_records == len(lines)
    assert dict(partial.seconds) == dict(expected)
    assert partial.untimed_failures == len(lines) - sum(expected.values()) > 0


def test_analyze_scan_traceback_with_varying_first_line_keeps_its_target() -> None:
    # The per-line caches: only the first line differs between records; each record is still
    # classified by its last line and names the endpoint found there.
    records = []
    for number in range(50):
        records.append(
            f"2025-03-01T10:00:{number:02d}Z ERROR:app.cache:refresh failed for key user:{number}\n"
            "Traceback (most recent call last):\n"
            '  File "/app/cache.py", line 41, in refresh\n'
            "redis.exceptions.ConnectionError: Error -3 connecting to cache.internal:6380. "
            "Temporary failure in name resolution.\n"
        )
    data = "".join(records).encode()
    partial = scan_stream(io.BytesIO(data), "tb.log", ScanOptions(workers=1))
    assert partial.failure_records == 50
    assert partial.categories == Counter({Category.DNS_TEMPORARY.value: 50})
    assert partial.targets == Counter({"cache.internal:6380": 50})
    assert partial.sources == Counter({"app.cache": 50})


def test_analyze_scan_multi_line_cache_matches_an_uncached_reading() -> None:
    # Records share everything after their first line; the first lines differ: no host, a host
    # that wins over the rest's, an indented first line, invalid UTF-8, a Postgres look-alike.
    rest = (
        "Traceback (most recent call last):\n"
        '  File "/app/cache.py", line 41, in refresh\n'
        "redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. "
        "Connection refused.\n"
    )
    firsts = [b"ERROR:app.cache:refresh failed for key user:%d" % number for number in range(5)] + [
        b"ERROR:app.cache:cannot reach redis://primary.example:6390/0",
        b"  indented first line naming backup.example:6391",
        b"ERROR:app.cache:bad byte \xff in key",
        b'ERROR:app.db:connection to server at "db" (10.0.0.9), port 5432 failed',
    ]
    for first in firsts:
        body = first + b"\n" + rest.encode()
        cached = _meaning_target(body)
        # the reference: the whole body read at once, no per-line or per-rest cache
        text = body.decode("utf-8", "replace")
        assert cached[0].category == classify_record(text)
        assert cached[1] == (target_of(text) if cached[0].category is not None else None)
        assert cached[2] == (b"\xff" in first)
    assert _meaning_target(firsts[5] + b"\n" + rest.encode())[1] == "primary.example:6390"
    assert _meaning_target(firsts[0] + b"\n" + rest.encode())[1] == "redis:6379"


def test_analyze_scan_ranges_reusing_one_scanner_match_one_stream(tmp_path: Path) -> None:
    # A worker keeps its scanner from one byte range to the next: the merged figures must be
    # those of one scan of the whole file.
    rng = random.Random(11)
    lines = [_stamped(rng, second) for second in sorted(rng.randrange(3600) for _ in range(4000))]
    lines[100:100] = ["2025-03-01T10:01:40Z INFO:app: ordinary line"] * 50
    path = tmp_path / "ranges.log"
    path.write_text("\n".join(lines) + "\n")
    options = ScanOptions(workers=1, chunk_size=4096)
    whole = scan_stream(io.BytesIO(path.read_bytes()), str(path), options)
    layout = sniff_layout(path.read_bytes()[:65536])
    points = split_points(str(path), 6, layout)
    merged = Partial()
    for start, end in itertools.pairwise(points):
        merged.merge(_worker_scan_range(str(path), start, end, options, layout))
    assert len(points) == 7
    assert merged.failure_records == whole.failure_records == 4000
    assert merged.records == whole.records == len(lines)
    assert merged.seconds == whole.seconds
    assert merged.sources == whole.sources and merged.templates == whole.templates
    assert (merged.first, merged.last) == (whole.first, whole.last)


# Places a volatile token may stand in a failure line, some next to what the verdict reads (a
# host, a port, an error code, a URL): `volatile_key` must blank it only where it cannot matter.
_SLOTS = (
    b"cache get session:{t}: dial tcp 10.0.3.7:6379: connect: connection refused",
    b"request {t} failed: Error 111 connecting to redis:6379. Connection refused.",
    b"Error {t} connecting to redis:6379. Connection refused.",
    b"err={t} Redis connection failed: Error -2 connecting to cache.example:6379.",
    b"Redis connection failed: Error -2 connecting to {t}:6379. Name or service not known.",
    b"cannot reach redis://{t}:6380/0 (code {t}): connection refused",
    b"Redis::CannotConnectError on redis-{t}.internal:6379 (Errno::ECONNREFUSED)",
    b"dial tcp: lookup {t} on 127.0.0.11:53: no such host (redis)",
    b"job {t} READONLY You can't write against a read only replica. redis {t}",
)
_TOKENS = st.one_of(
    st.integers(10**5, 10**12).map(lambda n: str(n).encode()),
    st.binary(min_size=4, max_size=12).map(lambda b: b.hex().encode()),
    st.text("0123456789abcdefABCDEF", min_size=6, max_size=7).map(str.encode),
    st.uuids().map(lambda u: str(u).encode()),
    st.sampled_from([b"6379", b"16379", b"63790", b"53", b"5300000", b"111", b"-3"]),
)


def _same_shape(token: bytes, rng: random.Random) -> bytes:
    """`token` with each digit and hex letter replaced by another of its kind (a new id)."""
    out = bytearray(token)
    for index, byte in enumerate(out):
        if 48 <= byte <= 57:
            out[index] = rng.choice(b"0123456789")
        elif 97 <= byte <= 102:
            out[index] = rng.choice(b"abcdef0123456789")
    return bytes(out)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_SLOTS), _TOKENS, _TOKENS, st.randoms(use_true_random=False))
def test_analyze_scan_equal_volatile_keys_mean_equal_verdicts(
    slot: bytes, one: bytes, unrelated: bytes, rng: random.Random
) -> None:
    # Mostly a new id of the same shape (the keys then often match), sometimes any other token.
    other = unrelated if rng.random() < 0.2 else _same_shape(one, rng)
    first, second = (slot.replace(b"{t}", token) for token in (one, other))
    key = volatile_key(first)
    # a line read through the keys already known gets the key it gets read from scratch
    assert volatile_key(second, {key} if key is not None else ()) == volatile_key(second)
    if key is None or key != volatile_key(second):
        return  # no shared key: each line is read on its own
    read_first, read_second = _meaning_target(first), _meaning_target(second)
    assert read_first[0].category == read_second[0].category
    assert read_first[0].template == read_second[0].template
    assert read_first[1:] == read_second[1:]


def test_analyze_scan_volatile_key_blanks_ids_but_not_what_the_verdict_reads() -> None:
    session = b"cache get session:%s: dial tcp 10.0.3.7:6379: connect: connection refused"
    keys = {volatile_key(session % token) for token in (b"1f0123456789abcdef", b"99ab" * 5)}
    assert len(keys) == 2  # the lengths differ: the blank keeps the token's length
    assert volatile_key(session % b"1f0123456789abcdef") == volatile_key(
        session % b"ab0123456789abcd99"
    )
    # an error code, a port and a host are never blanked
    assert volatile_key(b"Error 1234567 connecting to redis:6379. Connection refused.") is None
    assert volatile_key(b"connecting to 1234567:6379 refused") is None
    assert volatile_key(b"connecting to redis-12345678.internal:6379 refused") is None
    # nor an id holding a port the classification reads
    for line, token in (
        (b"job 1637912 failed: Redis connection refused", b"1637912"),
        (b"job 1263801 failed: Redis connection refused", b"1263801"),
        (b"resolver at :5312345 failed: Redis connection refused", b"5312345"),  # ":53"
    ):
        assert volatile_key(line) is None
        assert volatile_key(line.replace(token, b"4111111")) is not None


# Lines whose stamps share their text but for the seconds while the parser reads them apart: more
# blanks before the message (the parser's stamp takes them all), a Heroku source after an ISO
# stamp, a fraction or not, other sources in one minute.
_LOOKALIKE_STAMPS = (
    b"2025-01-15 09:42:22.683 ERROR 1 --- [main] c.e.Cart : cart lookup failed",
    b"2025-01-15 09:42:23.001  WARN 1 --- [main] c.e.Cart : slow",
    b"2025-01-15 09:42:24.500 \tWARN tab",
    b"2025-01-15 09:42:25 no fraction",
    b"2016-08-16T14:02:09+00:00 app[web.1]: Error 111 connecting to redis:6379.",
    b"2016-08-16T14:02:10+00:00 Error 111 connecting to redis:6379.",
    b"2016-08-16T14:02:11+00:00 heroku[router]: at=error code=H12",
    b"E, [2025-05-30T22:08:09.233140 #8] ERROR -- :  two spaces",
    b"E, [2025-05-30T22:08:10.233140 #8] ERROR -- : one space",
    b"E, [2025-05-30T22:08:11.233140 #8] ERROR -- app: named",
    b"[2023-12-04 16:28:37,374: ERROR/MainProcess] consumer: Cannot connect to redis://r:6379/0",
    b"[2023-12-04 16:28:38,374: INFO/ForkPoolWorker-1] Task ok",
    b"2019/02/18 15:18:42 dial tcp 10.0.3.7:6379: connect: connection refused",
    b"2019/02/18 15:18:43   three spaces",
    b"2019/02/18 15:18:61 not a second",
)


def test_analyze_scan_stamp_lookup_answers_as_the_parser_whatever_came_first() -> None:
    # The per-minute lookup is filled by whichever line of a minute comes first; every later
    # line must still get the parser's own answer (body start, format, source), or a record's
    # body would depend on the order of the log.
    rng = random.Random(7)
    parser = StampParser()
    expected = {line: parser.fast(line + b"\n", 0) for line in _LOOKALIKE_STAMPS}
    two_blanks, heroku = expected[_LOOKALIKE_STAMPS[1]], expected[_LOOKALIKE_STAMPS[4]]
    assert two_blanks is not None and two_blanks[1] == 25  # both blanks belong to the stamp
    assert heroku is not None and heroku[3] == "app[web.1]"
    for _ in range(200):
        order = list(_LOOKALIKE_STAMPS) * 2
        rng.shuffle(order)
        scanner = _Scanner(Layout(), StampParser(), Partial())
        for line in order:
            region = b"x\n" + line + b"\n"
            assert scanner._stamp_at(region, 2) == _shifted(expected[line], 2), line


def _shifted(
    stamp: tuple[int, int, str, str | None] | None, by: int
) -> tuple[int, int, str, str | None] | None:
    return None if stamp is None else (stamp[0], stamp[1] + by, stamp[2], stamp[3])


def test_analyze_scan_volatile_key_known_keys_skip_only_what_cannot_differ() -> None:
    first = b"cache get session:1f0123456789abcdef: dial tcp 10.0.3.7:6379: connect: refused"
    key = volatile_key(first)
    assert key is not None and b"1f0123456789abcdef" not in key
    # a new id of the same shape takes the known key
    again = first.replace(b"1f0123456789abcdef", b"2e0123456789abcd07")
    assert volatile_key(again, {key}) == key
    # a line holding the blank's own byte where an id stood is never given that key
    two = b"job 1f0123456789abcdef session 2e0123456789abcd07: dial tcp 10.0.3.7:6379: refused"
    two_key = volatile_key(two)
    assert two_key is not None and two_key.count(b"\x01") == 36
    forged = two.replace(b"1f0123456789abcdef", b"\x01" * 18)
    assert volatile_key(forged, {two_key}) is None
    # where a host may be any word, nothing is blanked, whatever other keys are known
    lookup = b"dial tcp: lookup 1f0123456789abcdef on 10.0.0.2:53: no such host (redis)"
    assert volatile_key(lookup, {key}) is None


def test_analyze_scan_bodies_with_ids_leave_repeated_bodies_cached(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A new session id in every record must not push the repeated warning out of the cache:
    # past 20,000 distinct bodies with ids, the warning is still read once.
    import redisdoctor.analyze_scan as scan_module
    from redisdoctor.analyze_verdicts import verdict_key_volatile

    warning = b" WARNING:utils: Redis connection failed: Error -2 connecting to x.io:6379."
    reads: Counter[bytes] = Counter()
    read = verdict_key_volatile

    def counting(body: bytes, json_record: bool, known: Any) -> Any:
        reads[body] += 1
        return read(body, json_record, known)

    monkeypatch.setattr(scan_module, "verdict_key_volatile", counting)
    lines = []
    for i in range(30_000):
        stamp = f"2025-03-01T{10 + i // 3600:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z".encode()
        lines.append(
            stamp
            + b" cache get session:%012xa: dial tcp 10.0.3.7:6379: connect: connection refused" % i
        )
        if i % 10 == 0:
            lines.append(stamp + warning)
    partial = scan_stream(io.BytesIO(b"\n".join(lines) + b"\n"), "ids.log", ScanOptions())
    assert partial.failure_records == 33_000
    assert reads[warning[1:] + b"\n"] == 1
    assert len(reads) == 30_001


def test_analyze_scan_volatile_key_by_collapsed_digits_is_proven_by_a_known_key() -> None:
    # "arr" and "err" collapse alike (hex letters are digits there), but only "err" makes the
    # digits after it an error code: the tokens looked up by collapsed digits are trusted only
    # when the key they make is one already read from scratch.
    arr = b"arr 1234567890 Redis connection refused"
    err = b"err 1234567890 Redis connection refused"
    assert arr.translate(_COLLAPSE) == err.translate(_COLLAPSE)
    arr_key = volatile_key(arr)
    assert arr_key is not None and b"1234567890" not in arr_key
    assert volatile_key(err) is None  # and the lookup now says: nothing to blank
    assert volatile_key(arr, {arr_key}) == arr_key
    assert volatile_key(arr) == arr_key  # the lookup says: blank it
    assert volatile_key(err, {arr_key}) is None


def test_analyze_scan_volatile_key_by_collapsed_digits_rechecks_host_ports() -> None:
    # "1234567a:bcdef012" is two ids; "1234567a:9cdef012" is a host and a port followed by an
    # id. They collapse alike and blanking both ids of the second would make the first's key.
    ids = b"job 1234567a:bcdef012 failed: Redis connection refused"
    host_port = b"job 1234567a:9cdef012 failed: Redis connection refused"
    assert ids.translate(_COLLAPSE) == host_port.translate(_COLLAPSE)
    ids_key = volatile_key(ids)
    assert (
        ids_key == b"job " + b"\x01" * 8 + b":" + b"\x01" * 8 + b" failed: Redis connection refused"
    )
    own_key = volatile_key(host_port)
    assert own_key == b"job 1234567a:" + b"\x01" * 8 + b" failed: Redis connection refused"
    volatile_key(ids)  # the lookup says: two tokens
    assert volatile_key(host_port, {ids_key}) == own_key


def test_analyze_scan_a_record_longer_than_max_record_is_read_around_its_hint() -> None:
    # A stack dump of 1.3 MB is past what one record may hold: its Redis line is read as a
    # record of its own (untimed: the line has no stamp), not as part of the dump's first line.
    frames = b"".join(b"\tat com.example.Frame%06d.call(Frame.java:1)\n" % i for i in range(30_000))
    assert len(frames) > MAX_RECORD
    log = (
        b"2025-03-01T10:00:00Z ERROR:app: request failed\n"
        + frames
        + b"redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection "
        b"refused.\n" + b"2025-03-01T10:00:05Z INFO:app: ok\n"
    )
    partial = scan_stream(io.BytesIO(log), "dump.log", ScanOptions())
    assert partial.records == 2
    assert partial.failure_records == 1
    assert partial.untimed_failures == 1
    assert partial.categories == Counter({"refused": 1})


@pytest.mark.parametrize("chunk_size", [64, 1 << 20])
def test_analyze_scan_a_log_without_stamps_has_a_record_per_line(chunk_size: int) -> None:
    lines = [
        b"Could not connect to Redis at 127.0.0.1:6379: Connection refused",
        b"plain line, no stamp",
        b"another one",
    ] * 40
    data = b"\n".join(lines) + b"\n"
    assert sniff_layout(data).every_line
    partial = scan_stream(io.BytesIO(data), "plain.log", ScanOptions(chunk_size=chunk_size))
    assert partial.lines == partial.records == 120
    assert partial.failure_records == 40
    unterminated = scan_stream(io.BytesIO(data[:-1]), "plain.log", ScanOptions())
    assert unterminated.lines == unterminated.records == 120
