"""Streaming log reading: files, globs, stdin, gzip/bz2/xz, records, and candidate search.

Everything here works on binary chunks in constant memory. A file is read in large chunks; each
chunk is cut at the start of its last record (the rest is carried to the next chunk), so a record
with continuation lines (a traceback, a "Caused by:" chain, a stack dump) is never split. Inside a
chunk, candidate records are found with a bytes-level search for relevance hints on the
lower-cased chunk; only those are decoded and classified. Lines and records are counted for the
whole chunk with C-level operations (newlines found with memchr, one regex split).

Bad input never raises out of `read_regions`: unreadable files, truncated or corrupt compressed
streams, overlong lines and NUL bytes are counted in `ReadProblems`, and what could be read is
still yielded.
"""

from __future__ import annotations

import bz2
import glob
import gzip
import itertools
import lzma
import os
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from redisdoctor.timestamps import (
    DOCKER_NEXT_START_RE,
    DOCKER_START_RE,
    NEXT_START_RE,
    START_RE,
)

CHUNK_SIZE = 2 << 20
MAX_LINE = 1 << 20  # longer lines are truncated to their first TRUNCATED_HEAD bytes
TRUNCATED_HEAD = 64 << 10
MAX_RECORD = 1 << 20  # a record never grows beyond this many bytes of continuation lines
STDIN = "-"

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ\x00", "xz"),
)
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass
class ReadProblems:
    """What could not be read, counted (never raised): the report shows it next to the figures."""

    missing_files: list[str] = field(default_factory=list)
    unreadable_files: list[str] = field(default_factory=list)
    corrupt_files: list[str] = field(default_factory=list)
    overlong_lines: int = 0
    truncated_bytes: int = 0
    nul_lines: int = 0
    undecodable_records: int = 0
    empty_files: list[str] = field(default_factory=list)

    def merge(self, other: ReadProblems) -> None:
        self.missing_files += other.missing_files
        self.unreadable_files += other.unreadable_files
        self.corrupt_files += other.corrupt_files
        self.overlong_lines += other.overlong_lines
        self.truncated_bytes += other.truncated_bytes
        self.nul_lines += other.nul_lines
        self.undecodable_records += other.undecodable_records
        self.empty_files += other.empty_files

    @property
    def bad_input(self) -> bool:
        """True when a file was missing, unreadable or corrupt (exit BAD_INPUT)."""
        return bool(self.missing_files or self.unreadable_files or self.corrupt_files)


@dataclass(frozen=True, slots=True)
class Layout:
    """How a file's records start: timestamped lines (optionally behind a docker compose prefix),
    or, in a file with no recognisable timestamps, every line on its own."""

    docker: bool = False
    every_line: bool = False
    redis_server: bool = False  # the file is (or holds) a redis-server log

    @property
    def start_match(self) -> Callable[[bytes, int], object]:
        """A function (buf, pos) -> truthy when a record starts at pos."""
        if self.every_line:
            return _always
        return (DOCKER_START_RE if self.docker else START_RE).match

    def is_start(self, buf: bytes, pos: int) -> bool:
        if self.every_line:
            return True
        pattern = DOCKER_START_RE if self.docker else START_RE
        return pattern.match(buf, pos) is not None

    def count_starts(self, buf: bytes) -> int:
        """Record starts in `buf` after its first byte (each is a newline + a start)."""
        if self.every_line:
            newlines = buf.count(b"\n")
            return newlines - 1 if buf.endswith(b"\n") else newlines
        return len(self.record_starts(buf)) - 2

    def record_starts(self, buf: bytes) -> list[int]:
        """Where each record of `buf` starts (the first at 0, whatever its first line), then
        `len(buf) + 1`: record i is `buf[starts[i] : starts[i + 1]]`, its newline included."""
        if self.every_line:
            pieces = buf.split(b"\n")
        else:
            pieces = (DOCKER_NEXT_START_RE if self.docker else NEXT_START_RE).split(buf)
        # each piece lost the newline it was split at: one more byte per record
        return list(itertools.accumulate(map(_ONE.__add__, map(len, pieces)), initial=0))


_ONE = 1


def _always(buf: bytes, pos: int) -> bool:
    return True


_DOCKER_LINE = re.compile(rb"[A-Za-z0-9][\w.-]*\s*\| ")
_REDIS_SERVER_LINE = re.compile(rb"\d+:[XCSM] \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d")


def sniff_layout(head: bytes) -> Layout:
    """Pick the layout from a file's first bytes."""
    lines = [line for line in head.split(b"\n")[:200] if line.strip()]
    if not lines:
        return Layout()
    docker = sum(1 for line in lines if _DOCKER_LINE.match(line)) * 2 > len(lines)
    pattern = DOCKER_START_RE if docker else START_RE
    if not any(pattern.match(line) for line in lines):
        return Layout(every_line=True)
    server = any(_REDIS_SERVER_LINE.search(line) for line in lines)
    return Layout(docker=docker, redis_server=server)


# ------------------------------------------------------------------------------------------------
# Inputs
# ------------------------------------------------------------------------------------------------


def expand_inputs(specs: Iterable[str], problems: ReadProblems) -> list[str]:
    """Paths from file names and globs ("-" kept for stdin); a glob matching nothing is missing."""
    paths: list[str] = []
    for spec in specs:
        if spec == STDIN or Path(spec).exists() or not _GLOB_CHARS.search(spec):
            paths.append(spec)
            continue
        matches = sorted(glob.glob(spec))  # noqa: PTH207 (absolute and relative patterns)
        if not matches:
            problems.missing_files.append(spec)
        paths.extend(matches)
    return paths


class _Prefixed:
    """A binary stream with some bytes already read from it put back in front."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        if self._head:
            head, self._head = self._head, b""
            if size < 0:
                return head + self._stream.read()
            if len(head) >= size:
                self._head = head[size:]
                return head[:size]
            return head + self._stream.read(size - len(head))
        return self._stream.read(size)


def compression_of(head: bytes) -> str | None:
    """ "gzip", "bz2" or "xz" from a stream's magic bytes, else None."""
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    return None


def open_stream(raw: BinaryIO) -> tuple[BinaryIO, str | None]:
    """Wrap `raw` in a decompressor chosen by content (magic bytes), not by file name."""
    head = raw.read(6)
    prefixed: BinaryIO = _Prefixed(head, raw)  # type: ignore[assignment]
    kind = compression_of(head)
    if kind == "gzip":
        return gzip.GzipFile(fileobj=prefixed, mode="rb"), kind  # type: ignore[return-value]
    if kind == "bz2":
        return bz2.BZ2File(prefixed, "rb"), kind  # type: ignore[return-value]
    if kind == "xz":
        return lzma.LZMAFile(prefixed, "rb"), kind  # type: ignore[return-value]
    return prefixed, None


def is_compressed_file(path: str) -> bool:
    with Path(path).open("rb") as handle:
        return compression_of(handle.read(6)) is not None


# ------------------------------------------------------------------------------------------------
# Chunks -> regions (whole records)
# ------------------------------------------------------------------------------------------------


def _safe_read(stream: BinaryIO, size: int, name: str, problems: ReadProblems) -> bytes | None:
    """A read that turns decompression and I/O errors into a counted problem (None = stop)."""
    try:
        return stream.read(size)
    except (EOFError, OSError, lzma.LZMAError, ValueError, gzip.BadGzipFile) as exc:
        problems.corrupt_files.append(f"{name}: {type(exc).__name__}: {exc}")
        return None


def _last_record_start(buf: bytes, end: int, layout: Layout) -> int:
    """The start of the last record that begins before `end` (a line start), or `end` itself
    when the record would be longer than MAX_RECORD (the chunk is then cut at a line)."""
    pos = buf.rfind(b"\n", 0, end - 1) + 1
    limit = max(0, end - MAX_RECORD)
    while pos > 0 and pos > limit:
        if layout.is_start(buf, pos):
            return pos
        pos = buf.rfind(b"\n", 0, pos - 1) + 1
    if pos == 0 and layout.is_start(buf, 0):
        return 0
    return end


def read_regions(
    stream: BinaryIO,
    layout: Layout,
    problems: ReadProblems,
    *,
    name: str,
    limit: int | None = None,
    chunk_size: int = CHUNK_SIZE,
    progress: list[int] | None = None,
) -> Iterator[bytes]:
    """Yield the stream as regions of whole records (each ends with a newline, except perhaps the
    last). At most `limit` bytes are read. Overlong lines are cut to their head."""
    carry = b""
    remaining = limit
    skipping = False  # inside an overlong line: drop bytes until its newline
    while True:
        size = chunk_size if remaining is None else min(chunk_size, remaining)
        data = _safe_read(stream, size, name, problems) if size > 0 else b""
        if not data:
            break
        if remaining is not None:
            remaining -= len(data)
        if progress is not None:
            progress[0] += len(data)
        if skipping:
            newline = data.find(b"\n")
            if newline < 0:
                problems.truncated_bytes += len(data)
                continue
            problems.truncated_bytes += newline
            data = data[newline:]
            skipping = False
        buf = carry + data if carry else data
        last_newline = buf.rfind(b"\n")
        tail_start = last_newline + 1
        if len(buf) - tail_start > MAX_LINE:
            # The unfinished last line is already too long: keep its head, skip the rest.
            problems.overlong_lines += 1
            problems.truncated_bytes += len(buf) - tail_start - TRUNCATED_HEAD
            head = buf[tail_start : tail_start + TRUNCATED_HEAD]
            if tail_start:
                yield buf[:tail_start]
            carry = head
            skipping = True
            continue
        if last_newline < 0:
            carry = buf
            continue
        cut = _last_record_start(buf, tail_start, layout)
        if cut == 0:
            # One record fills the whole buffer so far: wait for more unless it is too big.
            if len(buf) < MAX_RECORD:
                carry = buf
                continue
            cut = tail_start
        yield buf[:cut]
        carry = buf[cut:]
    if carry:
        yield carry


# ------------------------------------------------------------------------------------------------
# Candidates
# ------------------------------------------------------------------------------------------------


def minimal_hints(hints: Iterable[bytes]) -> tuple[bytes, ...]:
    """Lower-cased hints without those that contain another hint (they can never add a hit)."""
    unique = sorted({hint.lower() for hint in hints if hint}, key=len)
    kept: list[bytes] = []
    for hint in unique:
        if not any(shorter in hint for shorter in kept):
            kept.append(hint)
    return tuple(kept)


class HintCursor:
    """Finds, in one region, the next relevance hint (case-insensitive).

    One `bytes.find` per hint, repeated only once the scan has moved past that hint's last hit:
    the other hits inside a record already read (a traceback names Redis on several lines) cost
    nothing, and no list of every match is built. `next_hit(pos)` is where the first hint at or
    after `pos` is, -1 if there is none; `hit_finder()` gives the same function, loop-free for
    the usual two hints ("redis", "6379")."""

    __slots__ = ("first", "hints", "hits", "low", "second")

    def __init__(self, region: bytes, hints: tuple[bytes, ...]) -> None:
        self.low = region.lower()
        self.hints = hints
        self.hits = [self.low.find(hint) for hint in hints]
        # -1 (no more hits) becomes "past the end", so the nearer of two hits is a plain min
        past = len(region) + 1
        self.first = past if not hints or self.hits[0] < 0 else self.hits[0]
        self.second = past if len(hints) < 2 or self.hits[1] < 0 else self.hits[1]

    def hit_finder(self) -> Callable[[int], int]:
        """`next_hit`, or its two-hint version (not kept on the cursor: a bound method stored
        on its own object is a cycle, and would keep the region's copy until a full GC)."""
        return self._next_hit_two if len(self.hints) == 2 else self.next_hit

    def next_hit(self, pos: int) -> int:
        low = self.low
        hits = self.hits
        best = -1
        for index, hit in enumerate(hits):
            if hit < pos and hit >= 0:
                hit = hits[index] = low.find(self.hints[index], pos)
            if hit >= 0 and (best < 0 or hit < best):
                best = hit
        return best

    def _next_hit_two(self, pos: int) -> int:
        low = self.low
        first = self.first
        if first < pos:
            first = low.find(self.hints[0], pos)
            self.first = first = len(low) + 1 if first < 0 else first
        second = self.second
        if second < pos:
            second = low.find(self.hints[1], pos)
            self.second = second = len(low) + 1 if second < 0 else second
        best = first if first < second else second
        return -1 if best > len(low) else best


def record_bounds(
    region: bytes, line_start: int, covered: int, layout: Layout, *, is_start: bool | None = None
) -> tuple[int, int]:
    """(start, end) of the record holding the line at `line_start`, never before `covered`.
    `is_start` may say whether that line starts a record, when the caller already knows."""
    size = len(region)
    end = region.find(b"\n", line_start)
    end = size if end < 0 else end + 1
    if layout.every_line:
        return line_start, end
    match = (DOCKER_START_RE if layout.docker else START_RE).match
    record_start = line_start
    if is_start is None:
        is_start = line_start == 0 or match(region, line_start) is not None
    if not is_start:
        rfind = region.rfind
        while record_start > 0 and match(region, record_start) is None:
            if line_start - record_start > MAX_RECORD:
                record_start = line_start
                break
            record_start = rfind(b"\n", 0, record_start - 1) + 1
        record_start = max(record_start, covered)
    if end < size:
        # One search for the next record start (continuation lines are many in a stack dump).
        window = min(size, record_start + MAX_RECORD)
        following = (DOCKER_NEXT_START_RE if layout.docker else NEXT_START_RE).search(
            region, end - 1, window
        )
        if following is not None:
            return record_start, following.start() + 1
        if window == size:
            return record_start, size
    find = region.find
    while end < size and match(region, end) is None:
        if end - record_start > MAX_RECORD:
            break
        nxt = find(b"\n", end)
        end = size if nxt < 0 else nxt + 1
    return record_start, end


def candidate_spans(
    region: bytes,
    hints: tuple[bytes, ...],
    layout: Layout,
    starts: list[int] | None = None,
) -> Iterator[tuple[int, int]]:
    """(start, end) of every record in `region` holding a hint (case-insensitive), in order.
    `starts` is `layout.record_starts(region)` when the caller has it already. A hint's record is
    found among them by bisection; one longer than MAX_RECORD is read around the hint's line in
    MAX_RECORD pieces (`record_bounds`)."""
    if starts is None:
        starts = layout.record_starts(region)
    size = len(region)
    cursor = HintCursor(region, hints)
    next_hit = cursor.hit_finder()
    covered = 0
    hit = next_hit(0)
    while hit >= 0:
        index = bisect_right(starts, hit) - 1
        start = starts[index]
        end = min(starts[index + 1], size)
        if start < covered or end - start > MAX_RECORD:
            line_start = cursor.low.rfind(b"\n", 0, hit) + 1
            start, end = record_bounds(region, line_start, covered, layout)
        yield start, end
        covered = end
        hit = next_hit(covered)


# ------------------------------------------------------------------------------------------------
# Byte ranges for parallel reading
# ------------------------------------------------------------------------------------------------


def split_points(path: str, parts: int, layout: Layout) -> list[int]:
    """Offsets cutting the file into about `parts` byte ranges, each starting at a record start:
    [0, p1, p2, ..., size]."""
    size = Path(path).stat().st_size
    points = [0]
    with Path(path).open("rb") as handle:
        for k in range(1, parts):
            offset = size * k // parts
            if offset <= points[-1]:
                continue
            handle.seek(offset)
            window = handle.read(MAX_RECORD + MAX_LINE)
            pos = window.find(b"\n")
            found = None
            while pos >= 0 and pos + 1 < len(window):
                if layout.is_start(window, pos + 1):
                    found = offset + pos + 1
                    break
                pos = window.find(b"\n", pos + 1)
            if found is not None and found > points[-1]:
                points.append(found)
    points.append(size)
    return points


def file_size(path: str) -> int:
    try:
        return os.stat(path).st_size  # noqa: PTH116 (one stat call, no Path object)
    except OSError:
        return 0
