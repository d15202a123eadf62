"""Scanning logs for `redisdoctor analyze`: inputs -> regions of whole records -> a `Partial`
(mergeable, picklable figures), in parallel byte ranges for big plain files.

The hot path is `_Scanner.region`: one C-level split finds (and counts) a region's records, a
bytes-level search for the relevance hints (`HintCursor`) finds the candidates among them (by
bisection), their stamps are looked up per minute and format before any regex runs, and each
distinct record body is classified once (`analyze_verdicts`).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any, BinaryIO

from redisdoctor.analyze_verdicts import (
    Meaning,
    Verdict,
    VolatileCache,
    relevance_hints,
    verdict_key_volatile,
    verdict_of,
)
from redisdoctor.logscan import (
    CHUNK_SIZE,
    STDIN,
    Layout,
    ReadProblems,
    candidate_spans,
    expand_inputs,
    file_size,
    is_compressed_file,
    open_stream,
    read_regions,
    sniff_layout,
    split_points,
)
from redisdoctor.timestamps import DOCKER_PREFIX, HEROKU_SOURCE, START_SHAPES, StampParser

PARALLEL_MIN_BYTES = 48 << 20
RANGE_BYTES = 64 << 20
# The seconds of a stamp's clock and their fraction: the part of a stamp that differs between
# the records of one minute.
_SECONDS = re.compile(rb"\d\d:\d\d:(\d\d)(?:[.,]\d+)?")
_FRACTION_MARKS = (b".", b",")
# two digits of a stamp's seconds -> their value (a leap second, 60, counts as 59)
_SECOND_OF = {b"%02d" % n: min(n, 59) for n in range(61)}
_BLANKS = (b" ", b"\t")
# What follows an ISO stamp when the line names its source (Heroku: "<iso> app[web.1]: ").
_SOURCE_TAG = re.compile(HEROKU_SOURCE + rb":")


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


@dataclass(frozen=True, slots=True)
class _Hot:
    """A failure line that fills a tenth of a region (see `_take_hot`): the pattern that finds
    it with its stamp, its verdict id, its body (the line after its stamp) and its stamp's length.
    """

    pattern: re.Pattern[bytes]
    vid: int
    body: bytes
    stamp_length: int


class _Scanner:
    """Scans regions of one input into a Partial. One per file or byte range.

    Hot path: each candidate record costs a bisection, a stamp lookup, a dict lookup of its body
    (the record after its stamp) and two counter increments; everything per distinct body
    (category, target, source, template) is folded into the Partial once, in `finish`.
    """

    def __init__(
        self, layout: Layout, parser: StampParser, partial: Partial, *, thorough: bool = False
    ) -> None:
        self.layout = layout
        self.parser = parser
        parser.docker = layout.docker
        self.partial = partial
        self.hints = relevance_hints(thorough or layout.redis_server or layout.every_line)
        # verdict id per record body; bodies that carry an id (a new one in nearly every
        # record) are kept apart, so that they do not flush the bodies that do repeat
        self.cache: dict[bytes, int] = {}
        self.id_cache: dict[bytes, int] = {}
        self.verdicts: list[Verdict] = []
        self.counts: dict[int | tuple[int, str], int] = {}
        self.vids: dict[tuple[Meaning, str | None, str | None, bool], int] = {}
        # a body's verdict parts by its volatile key (ids and counters blanked)
        self.volatile: VolatileCache = {}
        # stamp text (up to the body) without its seconds and their fraction -> (epoch of the
        # minute, format, source, whether a source tag could follow); see `_stamp_at`
        self.stamps: dict[bytes, tuple[int, str, str | None, bool]] = {}
        # a line's signature (every other byte of its first 11: the separators of a date tell
        # ISO from Go from Celery) -> (length, start of the seconds, their end, end of their
        # fraction) of the last few stamp formats seen with it (a log mixing six formats kept
        # only the last three shapes, and most stamps went back to the regex)
        self.stamp_shapes: dict[bytes, tuple[tuple[int, int, int, int], ...]] = {}
        self.hot: _Hot | None = None
        self.seconds: dict[int, int] = {}
        self.first_region = True

    def region(self, region: bytes, *, final: bool) -> None:
        p = self.partial
        layout = self.layout
        p.bytes_read += len(region)
        # bytes.count tests a single byte one at a time; replace finds each newline with
        # memchr: a third less time per chunk, the same figure
        newlines = len(region) - len(region.replace(b"\n", b""))
        p.lines += newlines
        if final and not region.endswith(b"\n"):
            p.lines += 1
        if b"\x00" in region:
            p.nul_bytes += region.count(b"\x00")
        self._span(region)
        # the records: one after each newline followed by a record start, and the first
        starts = 1 if self.first_region or layout.is_start(region, 0) else 0
        self.first_region = False
        taken = 0  # the hot line's records, taken out of the region (never its first)
        if self.hot is not None:
            region, taken = self._take_hot(region, newlines)
        # one C-level split finds every record: their number, and where a hint's record is
        bounds = layout.record_starts(region)
        if layout.every_line:  # the split leaves an empty piece after a final newline
            starts += len(bounds) - 3 if region.endswith(b"\n") else len(bounds) - 2
        else:
            starts += len(bounds) - 2 + taken
        p.records += starts
        cache = self.cache
        id_cache = self.id_cache
        verdicts = self.verdicts
        counts = self.counts
        seconds = self.seconds
        vids = self.vids
        volatile = self.volatile
        stamp_at = self._stamp_at
        votes: dict[bytes, int] = {}
        vote_stamps: dict[bytes, bytes] = {}
        for start, end in candidate_spans(region, self.hints, layout, bounds):
            # An indented line (a stack frame) never starts a record.
            first = region[start]
            stamp = None if first == 32 or first == 9 else stamp_at(region, start)
            body = region[stamp[1] : end] if stamp is not None else region[start:end]
            vid = cache.get(body)
            if vid is None:
                vid = id_cache.get(body)
            if vid is None:
                vkey, has_ids = verdict_key_volatile(
                    body, stamp is not None and stamp[2] == "json", volatile
                )
                vid = vids.get(vkey)
                if vid is None:
                    vid = vids[vkey] = len(verdicts)
                    verdict = verdict_of(vkey)
                    verdicts.append(verdict)
                else:
                    verdict = verdicts[vid]
                kept = id_cache if has_ids else cache
                if len(kept) > 20_000:
                    kept.clear()
                kept[body] = vid
            else:
                verdict = verdicts[vid]
            if verdict.category_name is not None:
                more_lines = region.count(b"\n", start, end - 1)
                if more_lines:
                    p.failure_lines += more_lines
                elif stamp is not None:
                    votes[body] = votes.get(body, 0) + 1
                    if body not in vote_stamps:
                        vote_stamps[body] = region[start : stamp[1]]
                key = vid if stamp is None or stamp[3] is None else (vid, stamp[3])
                counts[key] = counts.get(key, 0) + 1
                if stamp is not None:
                    second = (stamp[0] << 5) | verdict.category_index
                    seconds[second] = seconds.get(second, 0) + 1
            elif verdict.undecodable or verdict.recovery:
                counts[vid] = counts.get(vid, 0) + 1
                if verdict.recovery and stamp is not None:
                    p.recoveries[stamp[0]] += 1
        self._elect_hot(votes, vote_stamps, newlines)

    def _stamp_at(self, region: bytes, pos: int) -> tuple[int, int, str, str | None] | None:
        """The stamp starting at `pos` as (epoch, body start, format, source), or None. Lines of
        one minute in one format share their stamp text but for the seconds and their fraction:
        the rest is looked up before any regex runs. The answer is always the parser's: where
        the parser would read further than the stamp looked up (more blanks, a Heroku-style
        source after an ISO stamp), the line is parsed."""
        stamps = self.stamps
        signature = region[pos : pos + 11 : 2]
        for length, sec, fraction, resume in self.stamp_shapes.get(signature, ()):
            second = _SECOND_OF.get(region[pos + sec : pos + fraction])
            if second is None:
                continue
            if fraction < resume:
                mark = region[pos + fraction : pos + fraction + 1]
                if (
                    mark not in _FRACTION_MARKS
                    or not region[pos + fraction + 1 : pos + resume].isdigit()
                ):
                    continue
            known = stamps.get(region[pos : pos + sec] + region[pos + resume : pos + length])
            if known is None:
                continue
            end = pos + length
            if region[end : end + 1] in _BLANKS:
                continue
            if known[3] and _SOURCE_TAG.match(region, end) is not None:
                continue
            return (known[0] + second, end, known[1], known[2])
        stamp = self.parser.fast(region, pos)
        if stamp is not None and stamp[2] != "json":
            text = region[pos : stamp[1]]
            clock = _SECONDS.search(text)
            if clock is not None:
                sec, resume = clock.start(1), clock.end()
                shape = (len(text), sec, sec + 2, resume)
                shapes = self.stamp_shapes.get(signature, ())
                if shape not in shapes:
                    if len(self.stamp_shapes) > 4_096:
                        self.stamp_shapes.clear()
                    self.stamp_shapes[signature] = (shape, *shapes[:3])
                if len(stamps) > 4_096:
                    stamps.clear()
                minute = stamp[0] - min(int(text[sec : sec + 2]), 59)
                key = text[:sec] + text[resume:]
                stamps[key] = (minute, stamp[2], stamp[3], stamp[2] == "iso")
        return stamp

    # A log that repeats one failure line (the seed's case) is cheaper to count with one C-level
    # regex pass per chunk (a split) than record by record: once one single-line failure fills a
    # tenth of a chunk's lines, later chunks take its occurrences out first (`_take_hot`) and count
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
            vid = self.id_cache.get(body)
        if vid is None:
            return
        stamp = vote_stamps[body]
        shape = re.sub(rb"\d", lambda _: rb"\d", re.escape(stamp))
        prefix = rb"(?:" + DOCKER_PREFIX + rb")?" if self.layout.docker else b""
        follows = prefix + rb"(?:" + START_SHAPES + rb")"
        # The line's text first, so that the search skips ahead to it; its stamp (a newline and
        # the shape of the voted one, digits free) is read behind it.
        line = re.escape(body)
        pattern = re.compile(
            line + rb"(?<=\n(" + shape + rb")" + line + rb")(?=" + follows + rb"|\Z)"
        )
        self.hot = _Hot(pattern, vid, body, len(stamp))

    def _take_hot(self, region: bytes, newlines: int) -> tuple[bytes, int]:
        """Count and remove the hot line's records; return what is left of `region`, and how
        many records were taken out."""
        assert self.hot is not None
        hot = self.hot
        # One pass: split on the hot line's text; its stamps are the captured pieces, and each
        # stands at the end of the text before it.
        pieces = hot.pattern.split(region)
        found = pieces[1::2]
        if len(found) * 20 < newlines:
            self.hot = None  # no longer worth its pass
        if not found:
            return region, 0
        verdict = self.verdicts[hot.vid]
        counts = self.counts
        seconds = self.seconds
        # A stamp of the voted shape that the parser reads otherwise (a 61st second, another
        # length) leaves its record to the record-by-record path.
        refused: set[bytes] = set()
        head = hot.body[:64]
        taken = 0
        for stamp_text, count in Counter(found).items():
            parsed = self.parser.fast(stamp_text + head)  # once per distinct stamp in the chunk
            if parsed is None or parsed[1] != hot.stamp_length or parsed[2] == "json":
                refused.add(stamp_text)
                continue
            taken += count
            key = hot.vid if parsed[3] is None else (hot.vid, parsed[3])
            counts[key] = counts.get(key, 0) + count
            second = (parsed[0] << 5) | verdict.category_index
            seconds[second] = seconds.get(second, 0) + count
        texts = pieces[0::2]
        cut = hot.stamp_length
        if not refused:
            kept = [text[:-cut] for text in texts[:-1]]
        else:
            kept = [
                text + hot.body if stamp_text in refused else text[:-cut]
                for text, stamp_text in zip(texts, found, strict=False)
            ]
        kept.append(texts[-1])
        return b"".join(kept), taken

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
    scanner = _Scanner(layout, _parser(options, _mtime(path)), Partial(), thorough=options.thorough)
    return _scan_range_with(scanner, path, start, end, options.chunk_size)


# A pool worker scans several byte ranges of one file, one at a time: its scanner's caches
# (verdicts, stamps per minute, the hot line) are kept from one range to the next, as they would
# be for one stream. (Only the pool's workers: `scan_range` called from threads stays safe.)
_WORKER_SCANNER: dict[tuple[str, ScanOptions, Layout], _Scanner] = {}


def _worker_scan_range(
    path: str, start: int, end: int, options: ScanOptions, layout: Layout
) -> Partial:
    key = (path, options, layout)
    scanner = _WORKER_SCANNER.get(key)
    if scanner is None:
        _WORKER_SCANNER.clear()
        scanner = _WORKER_SCANNER[key] = _Scanner(
            layout, _parser(options, _mtime(path)), Partial(), thorough=options.thorough
        )
    else:
        scanner.partial = Partial()
    return _scan_range_with(scanner, path, start, end, options.chunk_size)


def _scan_range_with(
    scanner: _Scanner, path: str, start: int, end: int, chunk_size: int
) -> Partial:
    with Path(path).open("rb") as handle:
        handle.seek(start)
        scanner.first_region = start == 0
        previous: bytes | None = None
        for region in read_regions(
            handle,
            scanner.layout,
            scanner.partial.problems,
            name=path,
            limit=end - start,
            chunk_size=chunk_size,
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
            # a multiple of the workers, so that none is left alone with the last range
            rounds = -(-size // (options.range_bytes * options.workers))
            parts = options.workers * max(1, rounds)
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
                pool.submit(_worker_scan_range, p, a, b, options, lay) for p, a, b, lay in tasks
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
