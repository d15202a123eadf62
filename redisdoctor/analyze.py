"""Log analysis: records -> Redis failures -> AnalysisReport (rates, outages, before/after).

`analyze_logs` reads files (in parallel byte ranges for big plain files), finds candidate records
with the taxonomy's relevance hints, classifies them with `classify_text` (cached per distinct
message), and aggregates per second. The per-second timeline gives rates, outage windows, and the
projection: the observed failures replayed through the real client state machine
(`ConnectionState`: backoff + throttle) on a `VirtualClock`, to count the log lines and connection
attempts the fixed client would have produced. `compare` sets two logs side by side, normalised
per hour or day of covered time.
"""

from __future__ import annotations

import itertools
import logging
import random
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any, BinaryIO

from redisdoctor import taxonomy
from redisdoctor.backoff import BackoffPolicy
from redisdoctor.clock import VirtualClock
from redisdoctor.logscan import (
    CHUNK_SIZE,
    STDIN,
    HintCursor,
    Layout,
    ReadProblems,
    expand_inputs,
    file_size,
    is_compressed_file,
    minimal_hints,
    open_stream,
    read_regions,
    record_bounds,
    sniff_layout,
    split_points,
)
from redisdoctor.redact import redact_text
from redisdoctor.taxonomy import Category
from redisdoctor.templates import (
    LineTarget,
    classification_key,
    combine_targets,
    line_target,
    target_of,
    template_of,
)
from redisdoctor.timestamps import (
    DOCKER_PREFIX,
    START_SHAPES,
    StampParser,
    json_message,
    source_in_body,
)

_RECOVERY = re.compile(
    r"reconnected|connection (?:re-?)?established|connection restored|connected to redis"
    r"|redis (?:is )?(?:back|available|connected|ready|recovered)|ready to accept connections"
    r"|connection (?:to redis )?(?:is )?(?:back|recovered)|redis client connected"
    r"|successfully connected|sync: finished with success|replication can continue",
    re.IGNORECASE,
)
_FRAME = re.compile(r"^\s")
# The seconds of a stamp's clock and their fraction: the part of a stamp that differs between
# the records of one minute.
_SECONDS = re.compile(rb"\d\d:\d\d:(\d\d)(?:[.,]\d+)?")
_FRACTION_MARKS = (b".", b",")
CATEGORIES: tuple[Category, ...] = tuple(Category)
CATEGORY_INDEX: dict[Category, int] = {category: i for i, category in enumerate(CATEGORIES)}
if len(CATEGORIES) > 32:  # pragma: no cover - the packing below has 5 bits for the category
    raise RuntimeError("analyze packs categories in 5 bits: widen the per-second keys")
PARALLEL_MIN_BYTES = 48 << 20
RANGE_BYTES = 64 << 20
DEFAULT_GAP = 300.0
TOP = 10


# The fast pre-filter: every application-side Redis failure record we know names Redis (a client
# class, a module path, a host) or its port. Each hint costs one pass over the data, so the
# taxonomy's full list (about 50 phrases, mostly redis-server log lines and bare error replies) is
# used only for redis-server logs and with --thorough.
FAST_HINTS: tuple[bytes, ...] = (b"redis", b"6379")


def relevance_hints(thorough: bool = True) -> tuple[bytes, ...]:
    """The hints searched for: the taxonomy's full relevance hints (reduced to the minimal set),
    or with `thorough=False` the fast pre-filter."""
    if not thorough:
        return minimal_hints(FAST_HINTS)
    return minimal_hints(taxonomy.REDIS_RELEVANCE_HINTS)


# ------------------------------------------------------------------------------------------------
# Classification of one record (cached per distinct message body)
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Verdict:
    """What one record is: a Redis failure (category), a recovery, or neither."""

    category: Category | None
    recovery: bool
    template: str
    target: str | None
    source: str | None
    undecodable: bool
    example: str
    category_name: str | None = None
    category_index: int = 0


def classify_record(text: str) -> Category | None:
    """The record's category (`classify_text` reads a multi-line record from its last line up,
    so a traceback is classified by its real cause); None when it is not a Redis failure."""
    return taxonomy.classify_text(text)


@dataclass(frozen=True, slots=True, eq=False)
class _Meaning:
    """What a classification key means: shared by every record with that key (compared by
    identity: one object per key)."""

    category: Category | None
    recovery: bool
    template: str
    example: str


_MEANINGS: dict[bytes, _Meaning] = {}


def _meaning(text: str) -> _Meaning:
    category = classify_record(text)
    recovery = category is None and _RECOVERY.search(text) is not None
    if category is not None:
        shown = _deepest_line(text)
        template = template_of(_strip_level(shown))
    else:
        shown = text.strip().split("\n", 1)[0]
        template = ""
    return _Meaning(category, recovery, template, redact_text(shown[:300]))


# Per-line caches: a record repeated with one varying line (a traceback whose first line names
# a user id, a retry counter after a fixed message) is re-read only at that line.
_LINE_KEYS: dict[bytes, bytes] = {}
_LINE_TARGETS: dict[bytes, LineTarget | None] = {}
_LINE_CACHE_MAX = 50_000


def _line_key(line: bytes) -> bytes:
    key = _LINE_KEYS.get(line)
    if key is None:
        if len(_LINE_KEYS) > _LINE_CACHE_MAX:
            _LINE_KEYS.clear()
        key = _LINE_KEYS[line] = classification_key(line)
    return key


def _line_target(line: bytes) -> LineTarget | None:
    try:
        return _LINE_TARGETS[line]
    except KeyError:
        pass
    if len(_LINE_TARGETS) > _LINE_CACHE_MAX:
        _LINE_TARGETS.clear()
    text = line.decode("utf-8", "replace")
    said = _LINE_TARGETS[line] = line_target(text.replace("\x00", "") if "\x00" in text else text)
    return said


def _decoded(body: bytes) -> tuple[str, bool]:
    """The body as text without NUL characters, and whether it was invalid UTF-8."""
    try:
        text = body.decode("utf-8")
        undecodable = False
    except UnicodeDecodeError:
        undecodable = True
        text = body.decode("utf-8", "replace")
    return (text.replace("\x00", "") if "\x00" in text else text), undecodable


def _verdict_key(body: bytes, json_record: bool) -> tuple[_Meaning, str | None, str | None, bool]:
    """What one record's body (the record after its stamp) is: its meaning (cached by the
    `classification_key` of its lines, so a failure repeated with other ids or numbers is
    classified once), target, source, and whether it was valid UTF-8. Equal tuples make equal
    verdicts."""
    if json_record:
        text, undecodable = _decoded(body)
        message = json_message(body)
        if message is not None:
            text = message
        key = classification_key(text.encode("utf-8", "replace"))
        meaning = _meaning_of(key, text)
        if meaning.category is None:
            return meaning, None, None, undecodable
        return meaning, target_of(text), None, undecodable
    lines = body.split(b"\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
    key = _line_key(lines[0]) if len(lines) == 1 else b"\n".join([_line_key(x) for x in lines])
    try:
        body.decode("utf-8")
        undecodable = False
    except UnicodeDecodeError:
        undecodable = True
    known = _MEANINGS.get(key)
    meaning = _meaning_of(key, _decoded(body)[0]) if known is None else known
    if meaning.category is None:
        return meaning, None, None, undecodable
    if len(lines) > 1:
        lines = [line for line in lines if line[:1] not in (b" ", b"\t")]
    target = combine_targets([_line_target(line) for line in lines])
    return meaning, target, source_in_body(body), undecodable


def _meaning_of(key: bytes, text: str) -> _Meaning:
    meaning = _MEANINGS.get(key)
    if meaning is None:
        meaning = _meaning(text)
        if len(_MEANINGS) > 20_000:
            _MEANINGS.clear()
        _MEANINGS[key] = meaning
    return meaning


def _verdict_of(key: tuple[_Meaning, str | None, str | None, bool]) -> Verdict:
    meaning, target, source, undecodable = key
    return Verdict(
        category=meaning.category,
        category_name=None if meaning.category is None else meaning.category.value,
        category_index=0 if meaning.category is None else CATEGORY_INDEX[meaning.category],
        recovery=meaning.recovery,
        template=meaning.template,
        target=target,
        source=source,
        undecodable=undecodable,
        example=meaning.example,
    )


_LEVEL_PREFIX = re.compile(
    r"^\s*\[?(?:TRACE|DEBUG|INFO|NOTICE|WARNING|WARN|ERROR|ERR|CRITICAL|FATAL)\]?[:\s]+"
    r"(?:[\w.\-]+:(?!\d))?\s*"
)


def _strip_level(line: str) -> str:
    return _LEVEL_PREFIX.sub("", line, count=1)


def _deepest_line(text: str) -> str:
    """The line that names the failure: the last non-frame line the taxonomy classifies."""
    lines = [line for line in text.splitlines() if line.strip() and not _FRAME.match(line)]
    if not lines:
        return text.strip()
    for line in reversed(lines):
        if taxonomy.classify_text(line) is not None:
            return line
    return lines[0]


# ------------------------------------------------------------------------------------------------
# Scanning: regions -> Partial (mergeable, picklable)
# ------------------------------------------------------------------------------------------------


@dataclass
class Partial:
    """Figures of part of the input; partials of byte ranges and files merge into one."""

    bytes_read: int = 0
    lines: int = 0
    records: int = 0
    failure_records: int = 0
    failure_lines: int = 0
    recovery_records: int = 0
    untimed_failures: int = 0
    nul_bytes: int = 0
    first: int | None = None
    last: int | None = None
    # failures per (second, category), packed as second << 5 | category index: int keys keep a
    # day of per-second figures in a few MB
    seconds: Counter[int] = field(default_factory=Counter)
    recoveries: Counter[int] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    targets: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    templates: Counter[str] = field(default_factory=Counter)
    template_info: dict[str, tuple[str, str]] = field(default_factory=dict)
    problems: ReadProblems = field(default_factory=ReadProblems)

    def merge(self, other: Partial) -> None:
        self.bytes_read += other.bytes_read
        self.lines += other.lines
        self.records += other.records
        self.failure_records += other.failure_records
        self.failure_lines += other.failure_lines
        self.recovery_records += other.recovery_records
        self.untimed_failures += other.untimed_failures
        self.nul_bytes += other.nul_bytes
        for value in (other.first, other.last):
            if value is not None:
                self.first = value if self.first is None else min(self.first, value)
                self.last = value if self.last is None else max(self.last, value)
        self.seconds.update(other.seconds)
        self.recoveries.update(other.recoveries)
        self.categories.update(other.categories)
        self.targets.update(other.targets)
        self.sources.update(other.sources)
        self.templates.update(other.templates)
        for template, info in other.template_info.items():
            self.template_info.setdefault(template, info)
        self.problems.merge(other.problems)

    def see_time(self, epoch: int) -> None:
        if self.first is None or epoch < self.first:
            self.first = epoch
        if self.last is None or epoch > self.last:
            self.last = epoch


@dataclass(frozen=True, slots=True)
class ScanOptions:
    """How to read: time zone for zone-less stamps, syslog year (else inferred from
    `reference`), worker processes, and from what size a plain file is split into byte ranges."""

    tz: tzinfo = UTC
    year: int | None = None
    reference: datetime | None = None
    workers: int = 2
    parallel_min_bytes: int = PARALLEL_MIN_BYTES
    range_bytes: int = RANGE_BYTES
    chunk_size: int = CHUNK_SIZE
    thorough: bool = False


class _Scanner:
    """Scans regions of one input into a Partial. One per file or byte range.

    Hot path: each candidate record costs a stamp match, a dict lookup of its body (the record
    after its stamp) and two counter increments; everything per distinct body (category, target,
    source, template) is folded into the Partial once, in `finish`.
    """

    def __init__(
        self, layout: Layout, parser: StampParser, partial: Partial, *, thorough: bool = False
    ) -> None:
        self.layout = layout
        self.parser = parser
        parser.docker = layout.docker
        self.partial = partial
        self.hints = relevance_hints(thorough or layout.redis_server or layout.every_line)
        self.cache: dict[bytes, int] = {}
        self.verdicts: list[Verdict] = []
        self.counts: dict[int | tuple[int, str], int] = {}
        self.vids: dict[tuple[_Meaning, str | None, str | None, bool], int] = {}
        # stamp text (up to the body) -> (epoch, format, source); see `region`
        self.stamps: dict[bytes, tuple[int, str, str | None]] = {}
        # (length, start of the seconds, end of their fraction) of the last few stamp formats
        self.stamp_shapes: tuple[tuple[int, int, int], ...] = ()
        self.hot: tuple[re.Pattern[bytes], int] | None = None
        self.seconds: dict[int, int] = {}
        self.first_region = True

    def region(self, region: bytes, *, final: bool) -> None:
        p = self.partial
        layout = self.layout
        p.bytes_read += len(region)
        newlines = region.count(b"\n")
        p.lines += newlines
        if final and not region.endswith(b"\n"):
            p.lines += 1
        starts = layout.count_starts(region, newlines)
        if self.first_region or layout.is_start(region, 0):
            starts += 1
        self.first_region = False
        p.records += starts
        if b"\x00" in region:
            p.nul_bytes += region.count(b"\x00")
        self._span(region)
        if self.hot is not None:
            region = self._take_hot(region, newlines)
        fast = self.parser.fast
        cache = self.cache
        verdicts = self.verdicts
        counts = self.counts
        seconds = self.seconds
        covered = 0
        size = len(region)
        find = region.find
        start_match = layout.start_match
        vids = self.vids
        stamps = self.stamps
        stamp_shapes = self.stamp_shapes
        votes: dict[bytes, int] = {}
        vote_stamps: dict[bytes, bytes] = {}
        next_line = HintCursor(region, self.hints).next_line
        line_start = next_line(0)
        while line_start >= 0:
            # Lines of one minute in one format share their stamp text but for the seconds and
            # their fraction: look the rest up before parsing. A stamp proves the line starts a
            # record; then only the next line needs a look.
            stamp: tuple[int, int, str, str | None] | None = None
            for length, sec, resume in stamp_shapes:
                slot = region[line_start + sec : line_start + resume]
                if not slot[:2].isdigit() or (
                    len(slot) > 2 and (slot[2:3] not in _FRACTION_MARKS or not slot[3:].isdigit())
                ):
                    continue
                known = stamps.get(
                    region[line_start : line_start + sec]
                    + region[line_start + resume : line_start + length]
                )
                if known is not None and slot[:2] <= b"60":
                    second = min(int(slot[:2]), 59)
                    stamp = (known[0] + second, line_start + length, known[1], known[2])
                    break
            else:
                stamp = fast(region, line_start)
                if stamp is not None and stamp[2] != "json":
                    text = region[line_start : stamp[1]]
                    clock = _SECONDS.search(text)
                    if clock is not None:
                        sec, resume = clock.start(1), clock.end()
                        shape = (len(text), sec, resume)
                        if shape not in stamp_shapes:
                            # the stamp shapes of the last few formats seen (logs mix formats)
                            stamp_shapes = (shape, *stamp_shapes[:2])
                        if len(stamps) > 4_096:
                            stamps.clear()
                        minute = stamp[0] - min(int(text[sec : sec + 2]), 59)
                        stamps[text[:sec] + text[resume:]] = (minute, stamp[2], stamp[3])
            end = find(b"\n", line_start)
            end = line_end = size if end < 0 else end + 1
            if stamp is not None and (end >= size or start_match(region, end) is not None):
                start = line_start
            else:
                start, end = record_bounds(
                    region, line_start, covered, layout, is_start=True if stamp else None
                )
                if start != line_start:
                    stamp = fast(region, start)
            covered = end
            body = region[stamp[1] : end] if stamp is not None else region[start:end]
            vid = cache.get(body)
            if vid is None:
                verdict_key = _verdict_key(body, stamp is not None and stamp[2] == "json")
                vid = vids.get(verdict_key)
                if vid is None:
                    vid = vids[verdict_key] = len(verdicts)
                    verdict = _verdict_of(verdict_key)
                    verdicts.append(verdict)
                else:
                    verdict = verdicts[vid]
                if len(cache) > 20_000:
                    cache.clear()
                cache[body] = vid
            else:
                verdict = verdicts[vid]
            if verdict.category_name is not None:
                if stamp is not None and end == line_end and start == line_start:
                    votes[body] = votes.get(body, 0) + 1
                    if body not in vote_stamps:
                        vote_stamps[body] = region[line_start : stamp[1]]
                key = vid if stamp is None or stamp[3] is None else (vid, stamp[3])
                counts[key] = counts.get(key, 0) + 1
                if stamp is not None:
                    second = (stamp[0] << 5) | verdict.category_index
                    seconds[second] = seconds.get(second, 0) + 1
                if start != line_start or end != line_end:
                    p.failure_lines += region.count(b"\n", start, end - 1)
            elif verdict.undecodable or verdict.recovery:
                counts[vid] = counts.get(vid, 0) + 1
                if verdict.recovery and stamp is not None:
                    p.recoveries[stamp[0]] += 1
            line_start = next_line(covered)
        self.stamp_shapes = stamp_shapes
        self._elect_hot(votes, vote_stamps, newlines)

    # A log that repeats one failure line (the seed's case) is cheaper to count with two C-level
    # regex passes per chunk than record by record: once one single-line failure fills a tenth
    # of a chunk's lines, later chunks take its occurrences out first (`_take_hot`) and count
    # them per distinct stamp; the rest of the chunk goes through the ordinary path.

    def _elect_hot(
        self, votes: dict[bytes, int], vote_stamps: dict[bytes, bytes], newlines: int
    ) -> None:
        if self.hot is not None or not votes or self.layout.every_line:
            return
        body, count = max(votes.items(), key=lambda item: item[1])
        if count * 10 < newlines or not body.endswith(b"\n") or body.count(b"\n") != 1:
            return
        vid = self.cache.get(body)
        if vid is None:
            return
        shape = re.sub(rb"\d", lambda _: rb"\d", re.escape(vote_stamps[body]))
        prefix = rb"(?:" + DOCKER_PREFIX + rb")?" if self.layout.docker else b""
        follows = prefix + rb"(?:" + START_SHAPES + rb")"
        pattern = re.compile(
            rb"\n(" + shape + rb")" + re.escape(body[:-1]) + rb"(?=\n" + follows + rb"|\n?\Z)"
        )
        self.hot = (pattern, vid)

    def _take_hot(self, region: bytes, newlines: int) -> bytes:
        """Count and remove the hot line's occurrences; return what is left of `region`."""
        assert self.hot is not None
        pattern, vid = self.hot
        padded = b"\n" + region
        found = pattern.findall(padded)
        if len(found) * 20 < newlines:
            self.hot = None  # no longer worth its two passes
        if not found:
            return region
        verdict = self.verdicts[vid]
        counts = self.counts
        seconds = self.seconds
        for stamp_text, count in Counter(found).items():
            parsed = self.parser.fast(stamp_text)  # once per distinct stamp in the chunk
            if parsed is None:
                continue
            key = vid if parsed[3] is None else (vid, parsed[3])
            counts[key] = counts.get(key, 0) + count
            second = (parsed[0] << 5) | verdict.category_index
            seconds[second] = seconds.get(second, 0) + count
        return pattern.sub(b"", padded)[1:]

    def finish(self) -> Partial:
        """Fold the per-body counts into the Partial."""
        p = self.partial
        for key, count in self.counts.items():
            vid, stamp_source = (key, None) if isinstance(key, int) else key
            verdict = self.verdicts[vid]
            if verdict.undecodable:
                p.problems.undecodable_records += count
            if verdict.category is None:
                if verdict.recovery:
                    p.recovery_records += count
                continue
            category = verdict.category.value
            p.failure_records += count
            p.failure_lines += count
            p.categories[category] += count
            if verdict.target:
                p.targets[verdict.target] += count
            p.sources[stamp_source or verdict.source or "-"] += count
            p.templates[verdict.template] += count
            if verdict.template not in p.template_info:
                p.template_info[verdict.template] = (category, verdict.example)
        p.seconds.update(self.seconds)
        p.untimed_failures = p.failure_records - sum(self.seconds.values())
        self.counts = {}
        self.seconds = {}
        return p

    def _span(self, region: bytes) -> None:
        """Track the earliest and latest stamps: the region's first and last stamped lines."""
        p = self.partial
        parser = self.parser
        pos = 0
        for _ in range(50):
            stamp = parser.start_of(region, pos) if self.layout.is_start(region, pos) else None
            if stamp is not None:
                p.see_time(stamp.epoch)
                break
            nxt = region.find(b"\n", pos)
            if nxt < 0 or nxt + 1 >= len(region):
                break
            pos = nxt + 1
        end = len(region) - 1 if region.endswith(b"\n") else len(region)
        pos = region.rfind(b"\n", 0, end) + 1
        for _ in range(50):
            stamp = parser.start_of(region, pos) if self.layout.is_start(region, pos) else None
            if stamp is not None:
                p.see_time(stamp.epoch)
                break
            if pos == 0:
                break
            pos = region.rfind(b"\n", 0, pos - 1) + 1


def _parser(options: ScanOptions, reference: datetime | None) -> StampParser:
    return StampParser(tz=options.tz, year=options.year, reference=reference or options.reference)


def _mtime(path: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(Path(path).stat().st_mtime, UTC)
    except OSError:
        return None


def scan_stream(
    raw: BinaryIO,
    name: str,
    options: ScanOptions,
    *,
    reference: datetime | None = None,
    progress: list[int] | None = None,
) -> Partial:
    """Scan one whole stream (a file, a compressed file, stdin) in this process."""
    partial = Partial()
    stream, _kind = open_stream(raw)
    head_buf: list[bytes] = []
    problems = partial.problems
    try:
        first = stream.read(64 << 10)
    except (EOFError, OSError, ValueError) as exc:
        problems.corrupt_files.append(f"{name}: {type(exc).__name__}: {exc}")
        return partial
    head_buf.append(first)
    if not first:
        problems.empty_files.append(name)
        return partial
    layout = sniff_layout(first)
    scanner = _Scanner(layout, _parser(options, reference), partial, thorough=options.thorough)
    rest = _Chain(first, stream)
    regions = read_regions(
        rest,  # type: ignore[arg-type]
        layout,
        problems,
        name=name,
        progress=progress,
        chunk_size=options.chunk_size,
    )
    previous: bytes | None = None
    for region in regions:
        if previous is not None:
            scanner.region(previous, final=False)
        previous = region
    if previous is not None:
        scanner.region(previous, final=True)
    return scanner.finish()


class _Chain:
    """Bytes already read, then the rest of a stream."""

    def __init__(self, head: bytes, stream: Any) -> None:
        self._head = head
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        if self._head:
            head, self._head = self._head, b""
            return head
        data: bytes = self._stream.read(size)
        return data


def scan_range(path: str, start: int, end: int, options: ScanOptions, layout: Layout) -> Partial:
    """Scan bytes [start, end) of a plain file (a worker's share; starts at a record start)."""
    partial = Partial()
    with Path(path).open("rb") as handle:
        handle.seek(start)
        scanner = _Scanner(
            layout, _parser(options, _mtime(path)), partial, thorough=options.thorough
        )
        scanner.first_region = start == 0
        previous: bytes | None = None
        for region in read_regions(
            handle,
            layout,
            partial.problems,
            name=path,
            limit=end - start,
            chunk_size=options.chunk_size,
        ):
            if previous is not None:
                scanner.region(previous, final=False)
            previous = region
        if previous is not None:
            scanner.region(previous, final=end >= file_size(path))
    return scanner.finish()


class _CountingReader:
    """A raw stream that reports how many bytes were read from it (for the progress bar)."""

    def __init__(self, stream: BinaryIO, on_read: Callable[[int], None]) -> None:
        self._stream = stream
        self._on_read = on_read

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self._on_read(len(data))
        return data


def _reporter(progress: ProgressCallback, start: int, grand: int) -> Callable[[int], None]:
    """A read counter that reports `start` + bytes read so far, out of `grand`."""
    read_so_far = [start]

    def on_read(count: int) -> None:
        read_so_far[0] += count
        progress(read_so_far[0], grand)

    return on_read


def _scan_file(
    path: str, options: ScanOptions, on_read: Callable[[int], None] | None = None
) -> Partial:
    try:
        with Path(path).open("rb") as handle:
            raw: BinaryIO = handle
            if on_read is not None:
                raw = _CountingReader(handle, on_read)  # type: ignore[assignment]
            return scan_stream(raw, path, options, reference=_mtime(path))
    except OSError as exc:
        partial = Partial()
        partial.problems.unreadable_files.append(f"{path}: {exc.strerror or exc}")
        return partial


def _check_file(path: str, problems: ReadProblems) -> bool:
    file = Path(path)
    if not file.exists():
        problems.missing_files.append(path)
        return False
    if file.is_dir():
        problems.unreadable_files.append(f"{path}: is a directory")
        return False
    try:
        with file.open("rb"):
            pass
    except OSError as exc:
        problems.unreadable_files.append(f"{path}: {exc.strerror or exc}")
        return False
    return True


ProgressCallback = Callable[[int, int], None]


def scan_inputs(
    specs: Sequence[str],
    options: ScanOptions,
    *,
    stdin: BinaryIO | None = None,
    progress: ProgressCallback | None = None,
) -> Partial:
    """Scan every input (files, globs, "-"): big plain files split across worker processes."""
    total = Partial()
    paths = expand_inputs(specs, total.problems)
    tasks: list[tuple[str, int, int, Layout]] = []
    whole: list[str] = []
    for path in paths:
        if path == STDIN:
            whole.append(path)
            continue
        if not _check_file(path, total.problems):
            continue
        size = file_size(path)
        if (
            options.workers > 1
            and size >= options.parallel_min_bytes
            and not is_compressed_file(path)
        ):
            with Path(path).open("rb") as handle:
                layout = sniff_layout(handle.read(64 << 10))
            parts = max(options.workers, size // options.range_bytes)
            points = split_points(path, int(parts), layout)
            tasks.extend((path, a, b, layout) for a, b in itertools.pairwise(points))
        else:
            whole.append(path)
    grand = sum(b - a for _, a, b, _ in tasks) + sum(file_size(p) for p in whole if p != STDIN)
    done = 0
    if tasks:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=options.workers, mp_context=context) as pool:
            futures: list[Future[Partial] | None] = [
                pool.submit(scan_range, p, a, b, options, lay) for p, a, b, lay in tasks
            ]
            for index, (_, a, b, _) in enumerate(tasks):
                future = futures[index]
                assert future is not None
                total.merge(future.result())
                futures[index] = None  # let the merged partial go: memory stays bounded
                done += b - a
                if progress is not None:
                    progress(done, grand)
    for path in whole:
        if path == STDIN:
            if stdin is None:
                total.problems.unreadable_files.append("-: no standard input")
                continue
            total.merge(scan_stream(stdin, "<stdin>", options, reference=options.reference))
        else:
            on_read = None if progress is None else _reporter(progress, done, grand)
            total.merge(_scan_file(path, options, on_read))
        done += file_size(path) if path != STDIN else 0
        if progress is not None:
            progress(done, grand)
    return total


# ------------------------------------------------------------------------------------------------
# Report dataclasses
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Counted:
    """A name with how many failure records carry it."""

    name: str
    count: int


@dataclass(frozen=True, slots=True)
class TemplateCount:
    """A repeated message template (hosts, numbers and ids masked) and how often it appeared."""

    template: str
    count: int
    category: str
    example: str


@dataclass(frozen=True, slots=True)
class Rates:
    """Failure records per minute and per hour over the covered time (mean) and at the busiest
    minute / hour (peak); the median gap between consecutive failure records, in seconds."""

    per_minute_mean: float
    per_minute_peak: int
    per_hour_mean: float
    per_hour_peak: int
    typical_gap_s: float | None


@dataclass(frozen=True, slots=True)
class OutageWindow:
    """A contiguous failure period: failures closer than the gap threshold, no recovery between.
    `ended_by` is "recovery" (the log shows success), "gap" (failures stopped) or "end_of_log"."""

    start: datetime
    end: datetime
    duration_s: int
    failures: int
    category: str
    ended_by: str


@dataclass(frozen=True, slots=True)
class LogSummary:
    """Everything measured in one set of logs."""

    inputs: tuple[str, ...]
    span_start: datetime | None
    span_end: datetime | None
    covered_s: int
    bytes_read: int
    lines: int
    records: int
    failure_records: int
    non_redis_lines: int
    recovery_records: int
    untimed_failures: int
    categories: tuple[Counted, ...]
    targets: tuple[Counted, ...]
    sources: tuple[Counted, ...]
    templates: tuple[TemplateCount, ...]
    distinct_templates: int
    rates: Rates
    outages: tuple[OutageWindow, ...]
    problems: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        from redisdoctor.report import plain

        data: dict[str, Any] = {
            name: plain(getattr(self, name)) for name in self.__dataclass_fields__
        }
        data["categories"] = {c.name: c.count for c in self.categories}
        return data


@dataclass(frozen=True, slots=True)
class Projection:
    """The observed failures replayed through the fixed client (ConnectionState: backoff and
    throttle) on a VirtualClock: log lines and connection attempts before and after."""

    log_lines_before: int
    log_lines_after: int
    log_reduction_pct: float | None
    attempts_before: int
    attempts_after: int
    attempt_reduction_pct: float | None
    recoveries_after: int
    seed: int
    log_window_s: float
    gap_s: float


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two real logs side by side, failure records normalised per `unit` of covered time."""

    unit: str
    before_failures: int
    after_failures: int
    before_covered_s: int
    after_covered_s: int
    before_per_unit: float | None
    after_per_unit: float | None
    reduction_pct: float | None


@dataclass(frozen=True, slots=True)
class HourBucket:
    """One hour of the "before" log: observed failure records per category, the projected log
    lines and attempts, and (with --after) the other log's failures in its hour of the same
    index."""

    start: datetime
    failures: int
    categories: dict[str, int]
    projected_log_lines: int
    projected_attempts: int
    after_failures: int | None


@dataclass(frozen=True, slots=True)
class AnalysisReport:
    """The result of `redisdoctor analyze`."""

    before: LogSummary
    after: LogSummary | None
    projection: Projection
    comparison: Comparison | None
    hours: tuple[HourBucket, ...]

    @property
    def bad_input(self) -> bool:
        if self.before.problems.get("bad_input"):
            return True
        return bool(self.after is not None and self.after.problems.get("bad_input"))

    @property
    def failures_found(self) -> bool:
        return self.before.failure_records > 0

    def to_dict(self) -> dict[str, Any]:
        from redisdoctor.report import plain

        return {
            "before": self.before.to_dict(),
            "after": None if self.after is None else self.after.to_dict(),
            "projection": plain(self.projection),
            "comparison": plain(self.comparison),
            "hours": [plain(hour) for hour in self.hours],
        }


# ------------------------------------------------------------------------------------------------
# Partial -> LogSummary
# ------------------------------------------------------------------------------------------------


def _at(epoch: int) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _top(counter: Counter[str], limit: int = TOP) -> tuple[Counted, ...]:
    ordered = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return tuple(Counted(name, count) for name, count in ordered[:limit])


def seconds_by_category(partial: Partial) -> Iterator[tuple[int, Category, int]]:
    """(second, category, failures) from the packed per-second counts."""
    for key, count in partial.seconds.items():
        yield key >> 5, CATEGORIES[key & 31], count


def failure_timeline(partial: Partial) -> list[tuple[int, Category, int]]:
    """(second, dominant category, failures) for every second with failures, in time order."""
    timeline: list[tuple[int, Category, int]] = []
    previous = -1
    best = 0
    for key in sorted(partial.seconds):
        second, category, count = key >> 5, CATEGORIES[key & 31], partial.seconds[key]
        if second != previous:
            timeline.append((second, category, count))
            previous, best = second, count
        else:
            _, dominant, total = timeline[-1]
            # The most frequent category of the second (ties: the larger name, as before).
            if count > best or (count == best and category.value > dominant.value):
                dominant, best = category, count
            timeline[-1] = (second, dominant, total + count)
    return timeline


def _rates(timeline: list[tuple[int, Category, int]], covered: int) -> Rates:
    total = sum(n for _, _, n in timeline)
    minutes: Counter[int] = Counter()
    hours: Counter[int] = Counter()
    gaps: Counter[int] = Counter()
    previous: int | None = None
    for second, _, count in timeline:
        minutes[second // 60] += count
        hours[second // 3600] += count
        if previous is not None:
            gaps[second - previous] += 1
        gaps[0] += count - 1
        previous = second
    span_minutes = max(covered, 1) / 60
    typical: float | None = None
    if sum(gaps.values()) > 0:
        expanded = sorted(gaps.elements())
        typical = float(statistics.median(expanded))
    return Rates(
        per_minute_mean=round(total / span_minutes, 3) if total else 0.0,
        per_minute_peak=max(minutes.values(), default=0),
        per_hour_mean=round(total / (span_minutes / 60), 3) if total else 0.0,
        per_hour_peak=max(hours.values(), default=0),
        typical_gap_s=typical,
    )


def outage_windows(
    timeline: list[tuple[int, Category, int]],
    recoveries: Iterable[int],
    *,
    gap: float,
    log_end: int | None,
) -> list[OutageWindow]:
    """Group failure seconds into windows: a gap longer than `gap` or a recovery record between
    two failures ends a window."""
    recovery_times = sorted(recoveries)
    windows: list[OutageWindow] = []
    current: list[tuple[int, Category, int]] = []
    ri = 0

    def close(ended_by: str) -> None:
        counts: Counter[str] = Counter()
        for _, category, count in current:
            counts[category.value] += count
        start, end = current[0][0], current[-1][0]
        windows.append(
            OutageWindow(
                start=_at(start),
                end=_at(end),
                duration_s=end - start,
                failures=sum(counts.values()),
                category=max(counts.items(), key=lambda item: (item[1], item[0]))[0],
                ended_by=ended_by,
            )
        )

    for item in timeline:
        second = item[0]
        if current:
            recovered = False
            while ri < len(recovery_times) and recovery_times[ri] <= second:
                if recovery_times[ri] >= current[-1][0]:
                    recovered = True
                ri += 1
            if recovered:
                close("recovery")
                current = []
            elif second - current[-1][0] > gap:
                close("gap")
                current = []
        else:
            while ri < len(recovery_times) and recovery_times[ri] <= second:
                ri += 1
        current.append(item)
    if current:
        last = current[-1][0]
        if ri < len(recovery_times) and recovery_times[ri] >= last:
            close("recovery")
        elif log_end is not None and log_end - last > gap:
            close("gap")
        else:
            close("end_of_log")
    return windows


def summarize(
    partial: Partial,
    inputs: Sequence[str],
    *,
    gap: float = DEFAULT_GAP,
    timeline: list[tuple[int, Category, int]] | None = None,
) -> LogSummary:
    """Turn a scan's figures into the report's summary of one set of logs."""
    if timeline is None:
        timeline = failure_timeline(partial)
    covered = (partial.last - partial.first) if partial.first is not None and partial.last else 0
    covered = max(covered, 0)
    templates = sorted(partial.templates.items(), key=lambda item: (-item[1], item[0]))
    problems = partial.problems
    return LogSummary(
        inputs=tuple(inputs),
        span_start=_at(partial.first) if partial.first is not None else None,
        span_end=_at(partial.last) if partial.last is not None else None,
        covered_s=covered,
        bytes_read=partial.bytes_read,
        lines=partial.lines,
        records=partial.records,
        failure_records=partial.failure_records,
        non_redis_lines=max(0, partial.lines - partial.failure_lines - partial.recovery_records),
        recovery_records=partial.recovery_records,
        untimed_failures=partial.untimed_failures,
        categories=_top(partial.categories, limit=len(Category)),
        targets=_top(partial.targets),
        sources=_top(partial.sources),
        templates=tuple(
            TemplateCount(t, n, *partial.template_info.get(t, ("other", "")))
            for t, n in templates[:TOP]
        ),
        distinct_templates=len(templates),
        rates=_rates(timeline, covered),
        outages=tuple(outage_windows(timeline, partial.recoveries, gap=gap, log_end=partial.last)),
        problems={
            "bad_input": problems.bad_input,
            "missing_files": problems.missing_files,
            "unreadable_files": problems.unreadable_files,
            "corrupt_files": problems.corrupt_files,
            "empty_files": problems.empty_files,
            "overlong_lines": problems.overlong_lines,
            "truncated_bytes": problems.truncated_bytes,
            "nul_bytes": partial.nul_bytes,
            "undecodable_records": problems.undecodable_records,
        },
    )


# ------------------------------------------------------------------------------------------------
# Projection: replay through the client state machine
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProjectionRun:
    """The projection's figures plus its per-second log-line and attempt times."""

    projection: Projection
    log_times: tuple[int, ...]
    attempt_times: tuple[int, ...]


def project(
    timeline: list[tuple[int, Category, int]],
    recoveries: Iterable[int],
    *,
    gap: float = DEFAULT_GAP,
    log_end: int | None = None,
    seed: int = 0,
    target: str = "redis",
    policy: BackoffPolicy | None = None,
    windows: Sequence[OutageWindow] | None = None,
) -> ProjectionRun:
    """Replay observed failures through `ConnectionState` on a VirtualClock.

    Each observed failure record is an application operation that failed. The fixed client only
    touches the network when `attempt_due()`; otherwise the operation is served from the fallback,
    with no attempt and no log line. When an outage window ends (the log shows a recovery, or the
    failures stop for longer than `gap`), the client's next scheduled attempt succeeds.
    """
    from redisdoctor.state import ClientEvent, ConnectionState

    before = sum(count for _, _, count in timeline)
    if not timeline:
        empty = Projection(0, 0, None, 0, 0, None, 0, seed, 300.0, gap)
        return ProjectionRun(empty, (), ())
    origin = timeline[0][0]
    clock = VirtualClock(_at(origin))
    log_times: list[int] = []
    attempt_times: list[int] = []

    def on_event(event: ClientEvent) -> None:
        if event.kind == "log":
            log_times.append(origin + int(event.at))

    silent = logging.getLogger("redisdoctor.analyze.projection")
    silent.propagate = False
    if not silent.handlers:
        silent.addHandler(logging.NullHandler())
    state = ConnectionState(
        clock=clock,
        rng=random.Random(seed),
        policy=policy or BackoffPolicy(),
        logger=silent,
        target=target,
        on_event=on_event,
    )
    if windows is None:
        windows = outage_windows(timeline, recoveries, gap=gap, log_end=log_end)
    index = 0
    for number, window in enumerate(windows):
        end = int(window.end.timestamp())
        while index < len(timeline) and timeline[index][0] <= end:
            second, category, _count = timeline[index]
            clock.set(second - origin)
            if state.attempt_due():
                attempts = state.attempts
                state.begin_attempt()
                state.record_failure(category, "observed in log")
                if state.attempts > attempts:
                    attempt_times.append(second)
            index += 1
        if window.ended_by == "end_of_log":
            continue
        next_start = (
            int(windows[number + 1].start.timestamp()) if number + 1 < len(windows) else None
        )
        due = state.next_attempt_at if state.next_attempt_at is not None else 0.0
        at = max(float(end + 1 - origin), due)
        if next_start is not None and at >= next_start - origin:
            continue  # the client's next attempt falls in the next window: the outage goes on
        clock.set(at)
        state.begin_attempt()
        state.record_success()
        attempt_times.append(origin + int(at))
    projection = Projection(
        log_lines_before=before,
        log_lines_after=state.log_lines,
        log_reduction_pct=_reduction(before, state.log_lines),
        attempts_before=before,
        attempts_after=state.attempts,
        attempt_reduction_pct=_reduction(before, state.attempts),
        recoveries_after=state.recoveries,
        seed=seed,
        log_window_s=state.throttle.window,
        gap_s=gap,
    )
    return ProjectionRun(projection, tuple(log_times), tuple(attempt_times))


def _reduction(before: float, after: float) -> float | None:
    if before <= 0:
        return None
    return round(100.0 * (before - after) / before, 2)


def compare(before: LogSummary, after: LogSummary, unit: str = "hour") -> Comparison:
    """Failure records per hour (or day) of covered time, before and after."""
    seconds = 86400 if unit == "day" else 3600

    def rate(summary: LogSummary) -> float | None:
        if summary.covered_s <= 0:
            return None
        return round(summary.failure_records * seconds / summary.covered_s, 3)

    before_rate, after_rate = rate(before), rate(after)
    reduction = None
    if before_rate is not None and after_rate is not None:
        reduction = _reduction(before_rate, after_rate)
    return Comparison(
        unit=unit,
        before_failures=before.failure_records,
        after_failures=after.failure_records,
        before_covered_s=before.covered_s,
        after_covered_s=after.covered_s,
        before_per_unit=before_rate,
        after_per_unit=after_rate,
        reduction_pct=reduction,
    )


def _hours(partial: Partial, run: ProjectionRun, after: Partial | None) -> tuple[HourBucket, ...]:
    if partial.first is None:
        return ()
    origin = partial.first - partial.first % 3600
    last = partial.last if partial.last is not None else partial.first
    count = (last - origin) // 3600 + 1
    if after is not None and after.first is not None and after.last is not None:
        count = max(count, (after.last - (after.first - after.first % 3600)) // 3600 + 1)
    count = min(count, 24 * 366)
    # One row of per-category counts per hour, filled from the packed keys without unpacking
    # them into tuples (a day of seconds is ~100k keys).
    width = len(CATEGORIES)
    cells = [0] * (count * width)
    for key, n in partial.seconds.items():
        index = ((key >> 5) - origin) // 3600
        if 0 <= index < count:
            cells[index * width + (key & 31)] += n
    failures = [
        {CATEGORIES[c].value: cells[i * width + c] for c in range(width) if cells[i * width + c]}
        for i in range(count)
    ]
    logs = [0] * count
    attempts = [0] * count
    for when in run.log_times:
        if 0 <= (when - origin) // 3600 < count:
            logs[(when - origin) // 3600] += 1
    for when in run.attempt_times:
        if 0 <= (when - origin) // 3600 < count:
            attempts[(when - origin) // 3600] += 1
    after_counts: list[int] | None = None
    if after is not None:
        after_counts = [0] * count
        if after.first is not None:
            after_origin = after.first - after.first % 3600
            for key, n in after.seconds.items():
                index = ((key >> 5) - after_origin) // 3600
                if 0 <= index < count:
                    after_counts[index] += n
    return tuple(
        HourBucket(
            start=_at(origin + i * 3600),
            failures=sum(failures[i].values()),
            categories=dict(sorted(failures[i].items())),
            projected_log_lines=logs[i],
            projected_attempts=attempts[i],
            after_failures=None if after_counts is None else after_counts[i],
        )
        for i in range(count)
    )


# ------------------------------------------------------------------------------------------------
# Entry point
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnalyzeOptions:
    """Everything `analyze_logs` needs besides the inputs."""

    scan: ScanOptions = ScanOptions()
    gap: float = DEFAULT_GAP
    seed: int = 0
    unit: str = "hour"
    policy: BackoffPolicy = BackoffPolicy()  # noqa: RUF009 (frozen, compared by value)


def analyze_logs(
    inputs: Sequence[str],
    options: AnalyzeOptions = AnalyzeOptions(),
    *,
    after_inputs: Sequence[str] = (),
    stdin: BinaryIO | None = None,
    progress: ProgressCallback | None = None,
) -> AnalysisReport:
    """Analyze `inputs` (and, for a side-by-side comparison, `after_inputs`)."""
    if options.unit not in {"hour", "day"}:
        from redisdoctor.errors import UsageError

        raise UsageError("--per must be 'hour' or 'day'")
    partial = scan_inputs(inputs, options.scan, stdin=stdin, progress=progress)
    timeline = failure_timeline(partial)
    before = summarize(partial, inputs, gap=options.gap, timeline=timeline)
    target = before.targets[0].name if before.targets else "redis"
    run = project(
        timeline,
        partial.recoveries,
        gap=options.gap,
        log_end=partial.last,
        seed=options.seed,
        target=target,
        policy=options.policy,
        windows=before.outages,
    )
    after_partial: Partial | None = None
    after: LogSummary | None = None
    comparison: Comparison | None = None
    if after_inputs:
        after_partial = scan_inputs(after_inputs, options.scan, stdin=stdin)
        after = summarize(after_partial, after_inputs, gap=options.gap)
        comparison = compare(before, after, options.unit)
    return AnalysisReport(
        before=before,
        after=after,
        projection=run.projection,
        comparison=comparison,
        hours=_hours(partial, run, after_partial),
    )


def hours_csv(report: AnalysisReport) -> str:
    """The hourly buckets as CSV (for plotting elsewhere)."""
    import csv
    import io

    categories = [c.value for c in Category]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "hour_start",
            "failures",
            *categories,
            "projected_log_lines",
            "projected_attempts",
            "after_failures",
        ]
    )
    for hour in report.hours:
        writer.writerow(
            [
                hour.start.isoformat().replace("+00:00", "Z"),
                hour.failures,
                *(hour.categories.get(c, 0) for c in categories),
                hour.projected_log_lines,
                hour.projected_attempts,
                "" if hour.after_failures is None else hour.after_failures,
            ]
        )
    return out.getvalue()
