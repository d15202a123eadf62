"""Streaming reading: regions of whole records, compression by content, bad input, byte ranges."""

from __future__ import annotations

import bz2
import gc
import gzip
import io
import lzma
import random
from pathlib import Path

import pytest

from redisdoctor.logscan import (
    MAX_LINE,
    HintCursor,
    Layout,
    ReadProblems,
    candidate_spans,
    expand_inputs,
    minimal_hints,
    open_stream,
    read_regions,
    record_bounds,
    sniff_layout,
    split_points,
)

TRACEBACK_LOG = (
    b"2025-01-01T00:00:00Z INFO:app:start\n"
    b"2025-01-01T00:00:01Z ERROR:app.cache:refresh failed\n"
    b"Traceback (most recent call last):\n"
    b'  File "/app/cache.py", line 12, in refresh\n'
    b"    r.ping()\n"
    b"redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. "
    b"Connection refused.\n"
    b"2025-01-01T00:00:02Z INFO:app:GET / 200\n"
    b"2025-01-01T00:00:03Z WARNING:app:Redis connection failed: Error -2 connecting to h:6379.\n"
    b"2025-01-01T00:00:04Z INFO:app:done\n"
)


def regions_of(data: bytes, chunk_size: int, layout: Layout | None = None) -> list[bytes]:
    problems = ReadProblems()
    return list(
        read_regions(
            io.BytesIO(data),
            layout or sniff_layout(data),
            problems,
            name="t",
            chunk_size=chunk_size,
        )
    )


@pytest.mark.parametrize("chunk_size", [7, 64, 100, 1 << 20])
def test_logscan_regions_never_split_a_record(chunk_size: int) -> None:
    regions = regions_of(TRACEBACK_LOG, chunk_size)
    assert b"".join(regions) == TRACEBACK_LOG
    layout = sniff_layout(TRACEBACK_LOG)
    for region in regions:
        assert layout.is_start(region, 0)
    traceback_region = next(r for r in regions if b"Traceback" in r)
    assert b"refresh failed" in traceback_region
    assert b"Connection refused." in traceback_region


def test_logscan_candidate_spans_cover_whole_records() -> None:
    hints = minimal_hints([b"redis", b"6379", b"Redis"])
    layout = sniff_layout(TRACEBACK_LOG)
    spans = candidate_spans(TRACEBACK_LOG, hints, layout)
    records = [TRACEBACK_LOG[a:b] for a, b in spans]
    assert len(records) == 2
    assert records[0].startswith(b"2025-01-01T00:00:01Z ERROR:app.cache")
    assert records[0].endswith(b"Connection refused.\n")
    assert records[1].startswith(b"2025-01-01T00:00:03Z WARNING")


def test_logscan_minimal_hints_drops_superstrings() -> None:
    assert minimal_hints([b"redis", b"ioredis", b"REDIS", b"6379"]) == (b"6379", b"redis")


def test_logscan_layout_counts_record_starts() -> None:
    layout = sniff_layout(TRACEBACK_LOG)
    assert layout == Layout()
    # 5 stamped lines: the first line is counted by the caller, the others here.
    assert layout.count_starts(TRACEBACK_LOG) == 4


def test_logscan_sniffs_docker_compose_prefix() -> None:
    data = (
        b"api-1  | 2024-03-05T10:00:00.1Z [ioredis] Unhandled error event: Error: x\n"
        b"api-1  | 2024-03-05T10:00:00.1Z     at TCPConnectWrap.afterConnect\n"
        b"api-1  |     continuation without stamp\n"
    )
    layout = sniff_layout(data)
    assert layout.docker
    assert layout.count_starts(data) == 1
    assert not layout.is_start(data, data.rfind(b"api-1"))


def test_logscan_file_without_stamps_is_one_record_per_line() -> None:
    data = b"[ioredis] Unhandled error event: Error: connect ECONNREFUSED\nplain line\n"
    layout = sniff_layout(data)
    assert layout.every_line
    assert layout.count_starts(data) == 1


@pytest.mark.parametrize(
    ("compress", "kind"),
    [(gzip.compress, "gzip"), (bz2.compress, "bz2"), (lzma.compress, "xz")],
)
def test_logscan_decompresses_by_content(compress: object, kind: str) -> None:
    packed = compress(TRACEBACK_LOG)  # type: ignore[operator]
    stream, found = open_stream(io.BytesIO(packed))
    assert found == kind
    assert stream.read() == TRACEBACK_LOG


def test_logscan_plain_stream_passes_through() -> None:
    stream, found = open_stream(io.BytesIO(TRACEBACK_LOG))
    assert found is None
    assert stream.read(10) + stream.read() == TRACEBACK_LOG


def test_logscan_truncated_gzip_is_counted_not_raised() -> None:
    packed = gzip.compress(TRACEBACK_LOG * 200)
    stream, _ = open_stream(io.BytesIO(packed[: len(packed) // 2]))
    problems = ReadProblems()
    regions = list(read_regions(stream, Layout(), problems, name="cut.gz", chunk_size=4096))
    assert problems.corrupt_files and "cut.gz" in problems.corrupt_files[0]
    assert problems.bad_input
    assert sum(r.count(b"\n") for r in regions) > 0


def test_logscan_overlong_line_is_cut_to_its_head() -> None:
    data = b"2025-01-01T00:00:00Z INFO:a:x\n" + b"y" * (MAX_LINE * 3) + b"\n" + TRACEBACK_LOG
    problems = ReadProblems()
    regions = list(
        read_regions(
            io.BytesIO(data),
            Layout(),
            problems,
            name="long",
            chunk_size=1 << 20,
        )
    )
    joined = b"".join(regions)
    assert problems.overlong_lines == 1
    assert problems.truncated_bytes > MAX_LINE * 2
    assert len(joined) < MAX_LINE
    assert joined.endswith(TRACEBACK_LOG)


def test_logscan_expand_inputs_globs_and_missing(tmp_path: Path) -> None:
    (tmp_path / "a.log").write_bytes(b"x\n")
    (tmp_path / "b.log").write_bytes(b"y\n")
    problems = ReadProblems()
    paths = expand_inputs([str(tmp_path / "*.log"), "-", str(tmp_path / "none*.log")], problems)
    assert paths == [str(tmp_path / "a.log"), str(tmp_path / "b.log"), "-"]
    assert problems.missing_files == [str(tmp_path / "none*.log")]


def test_logscan_split_points_land_on_record_starts(tmp_path: Path) -> None:
    path = tmp_path / "big.log"
    path.write_bytes(TRACEBACK_LOG * 500)
    layout = sniff_layout(TRACEBACK_LOG)
    points = split_points(str(path), 4, layout)
    data = path.read_bytes()
    assert points[0] == 0 and points[-1] == len(data)
    assert len(points) == 5
    assert points == sorted(points)
    for point in points[1:-1]:
        assert data[point - 1 : point] == b"\n"
        assert layout.is_start(data, point)


def test_logscan_two_hint_cursor_matches_the_general_one() -> None:
    rng = random.Random(5)
    words = [b"redis", b"REDIS", b"6379", b"ok", b"info", b"Redis:6379", b"\n", b"\n", b" "]
    for _ in range(200):
        region = b"".join(rng.choice(words) for _ in range(rng.randrange(0, 40)))
        two = HintCursor(region, (b"redis", b"6379"))
        anyhow = HintCursor(region, (b"redis", b"6379", b"no-such-hint"))
        pos = 0
        while True:
            hit = two.hit_finder()(pos)
            assert hit == anyhow.next_hit(pos)
            if hit < 0:
                break
            found = region.rfind(b"\n", 0, hit) + 1
            assert found <= hit and b"\n" not in region[found:hit]
            assert region[found - 1 : found] in (b"", b"\n")
            end = region.find(b"\n", found)
            line = (region[found:] if end < 0 else region[found:end]).lower()
            assert b"redis" in line or b"6379" in line
            pos = len(region) if end < 0 else end + 1


def test_logscan_hint_cursor_is_freed_without_the_cycle_collector() -> None:
    # The cursor holds a lowered copy of its region (2 MB per chunk): a reference cycle would
    # keep every copy alive until a full collection (the workers' memory tripled once). Nothing
    # the cursor refers to, however deep, may lead back to it.
    for hints in ((b"redis", b"6379"), (b"redis", b"6379", b"other")):
        cursor = HintCursor(b"x\nredis 6379\n", hints)
        assert cursor.hit_finder()(0) == 2
        seen: set[int] = set()
        pending = list(gc.get_referents(cursor))
        while pending:
            item = pending.pop()
            assert item is not cursor
            if id(item) not in seen:
                seen.add(id(item))
                pending.extend(gc.get_referents(item))


_RECORD_LINES = (
    b"2025-08-12T15:54:42Z ERROR:app: Redis connection failed",
    b"[2023-12-04 16:28:37,374: ERROR/MainProcess] consumer: Cannot connect to redis",
    b"Jan 5 01:02:03 host app[1]: redis down",
    b'{"time": 1723478082, "msg": "redis error"}',
    b"Traceback (most recent call last):",
    b'  File "/app/x.py", line 3, in f',
    b"\tat io.lettuce.core.RedisClient.connect(RedisClient.java:216)",
    b"Caused by: java.net.UnknownHostException: redis.internal",
    b"",
    b"2025-08-12 15:54:42,1",  # a stamp cut short: no record start
)


@pytest.mark.parametrize("layout", [Layout(), Layout(docker=True), Layout(every_line=True)])
def test_logscan_record_starts_are_the_records_read_around_each_line(layout: Layout) -> None:
    # The scanner takes a hint's record from one split of the region; reading the record around
    # the hint's line (`record_bounds`) must give the same one, for every line.
    rng = random.Random(11)
    for _ in range(300):
        lines = [rng.choice(_RECORD_LINES) for _ in range(rng.randrange(1, 12))]
        if layout.docker:
            lines = [b"web_1  | " + line if rng.random() < 0.8 else line for line in lines]
        region = b"\n".join(lines) + (b"\n" if rng.random() < 0.8 else b"")
        starts = layout.record_starts(region)
        assert starts[0] == 0 and starts[-1] == len(region) + 1
        pos = 0
        while pos < len(region):
            index = max(i for i, start in enumerate(starts) if start <= pos)
            expected = (starts[index], min(starts[index + 1], len(region)))
            assert record_bounds(region, pos, 0, layout) == expected, (region, pos)
            newline = region.find(b"\n", pos)
            pos = len(region) if newline < 0 else newline + 1
