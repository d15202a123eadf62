"""Recognise the timestamp (and the source) at the start of a log line, without configuration.

Works on bytes, because `logscan` reads binary chunks and decodes only the records it keeps.
Recognised: ISO 8601 (Z, offsets, fractions; also Python logging's ``2024-12-24 00:14:34,250``),
Celery's ``[2023-12-04 16:28:37,374: ERROR/MainProcess]``, Ruby Logger's
``E, [2025-05-30T22:08:09.233140 #8] ERROR -- :``, Go's ``2019/02/18 15:18:42``, the Redis
server's ``32196:M 09 Apr 2021 04:48:42.620 #``, syslog's ``Aug 12 15:54:42 host tag[pid]:`` (no
year: given, else inferred), Heroku's ``2016-08-16T14:02:09+00:00 app[web.1]:``, docker compose
prefixes (``web_1  | ``) and JSON lines (time / timestamp / @timestamp / ts fields).

Times are kept at one-second resolution (epoch seconds, an int): every figure analyze reports is
per second or coarser, and it lets conversions be cached per distinct second.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any

from redisdoctor.errors import UsageError

_MONTHS = {
    name: index
    for index, name in enumerate(
        (
            b"Jan",
            b"Feb",
            b"Mar",
            b"Apr",
            b"May",
            b"Jun",
            b"Jul",
            b"Aug",
            b"Sep",
            b"Oct",
            b"Nov",
            b"Dec",
        ),
        start=1,
    )
}

# A record starts on a line that begins (after an optional docker compose prefix) with one of
# these shapes. Cheap on purpose: it is run on every line of a file to count records and to tell
# continuation lines (tracebacks, "Caused by:", stack frames) from new records. Each branch opens
# with a literal or a class, so that a line that starts no record is dropped after one byte;
# only whether some branch matches counts, never how far.
_START_SHAPES = (
    rb"\{"  # JSON lines
    rb"|\d(?:\d{3}(?:-\d\d-\d\d[T ]\d\d:\d\d"  # ISO 8601, Python asctime, Heroku
    rb"|/\d\d/\d\d \d\d:)"  # Go log
    rb"|\d*:[XCSM] \d\d [A-Z][a-z]{2} \d{4} )"  # redis-server
    rb"|\[\d{4}-\d\d-\d\d[T ]\d\d:"  # Celery and bracketed ISO
    rb"|[DIWEFAU], \[\d{4}-"  # Ruby Logger
    rb"|[A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d "  # syslog (the day padded or not)
)
START_SHAPES = _START_SHAPES
DOCKER_PREFIX = rb"[A-Za-z0-9][\w.-]*\s*\| ?"
START_RE = re.compile(rb"(?:" + _START_SHAPES + rb")")
DOCKER_START_RE = re.compile(rb"(?:" + DOCKER_PREFIX + rb")?(?:" + _START_SHAPES + rb")")
# The newline before the next record start: one search finds where a multi-line record ends.
NEXT_START_RE = re.compile(rb"\n(?=" + _START_SHAPES + rb")")
DOCKER_NEXT_START_RE = re.compile(rb"\n(?=(?:" + DOCKER_PREFIX + rb")?(?:" + _START_SHAPES + rb"))")
_DOCKER_RE = re.compile(rb"(?P<svc>[A-Za-z0-9][\w.-]*)\s*\| ?")

_ISO = (
    rb"(?P<min>(?P<Y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)[T ](?P<H>\d\d):(?P<M>\d\d))(?::(?P<S>\d\d))?"
    rb"(?:[.,]\d{1,9})?(?P<z>Z|[+-]\d\d(?::?\d\d)?)?"
)
# The source a Heroku-style line names after its ISO stamp: "<iso> app[web.1]: ".
HEROKU_SOURCE = rb"[\w-]+\[[\w.-]+\]"
_LEVELS = rb"(?:TRACE|DEBUG|INFO|NOTICE|WARNING|WARN|ERROR|ERR|CRITICAL|FATAL|SEVERE|PANIC)"

# (format name, pattern). The named groups carry the time; "src" is the logger / source.
_FORMATS: tuple[tuple[str, re.Pattern[bytes]], ...] = (
    # ISO 8601, and Heroku's "<iso> app[web.1]: " when the source group matches.
    ("iso", re.compile(_ISO + rb"(?: (?P<src>" + HEROKU_SOURCE + rb"):)?\s*")),
    (
        "celery",
        re.compile(rb"\[" + _ISO + rb"(?:: ?(?P<level>[A-Z]+)/(?P<src>[^\]]+))?\]\s*"),
    ),
    (
        "ruby",
        re.compile(rb"[DIWEFAU], \[" + _ISO + rb"(?: #\d+)?\]\s+\w+ -- (?P<src>[^:]*): ?"),
    ),
    (
        "go",
        re.compile(
            rb"(?P<min>(?P<Y>\d{4})/(?P<m>\d\d)/(?P<d>\d\d) (?P<H>\d\d):(?P<M>\d\d)):(?P<S>\d\d)"
            rb"(?:\.\d+)?(?P<z>)\s*"
        ),
    ),
    (
        "redis-server",
        re.compile(
            rb"(?P<pid>\d+):(?P<role>[XCSM]) (?P<min>(?P<d>\d\d) (?P<b>[A-Z][a-z]{2}) (?P<Y>\d{4}) "
            rb"(?P<H>\d\d):(?P<M>\d\d)):(?P<S>\d\d)(?:\.\d+)?(?P<z>) [.\-*#] ?"
        ),
    ),
    (
        "syslog",
        re.compile(
            rb"(?P<min>(?P<b>[A-Z][a-z]{2}) +(?P<d>\d{1,2}) (?P<H>\d\d):(?P<M>\d\d)):(?P<S>\d\d)"
            rb"(?P<z>) (?P<host>\S+) (?P<src>[^\s:\[]+)(?:\[\d+\])?: ?"
        ),
    ),
)
_FORMAT_BY_NAME = dict(_FORMATS)
_DIGIT_FORMATS = tuple(f for f in _FORMATS if f[0] in {"iso", "go", "redis-server"})
_BRACKET_FORMATS = tuple(f for f in _FORMATS if f[0] == "celery")
_LETTER_FORMATS = tuple(f for f in _FORMATS if f[0] in {"ruby", "syslog"})

# Loggers named in the message itself, after the stamp: Python's default "WARNING:name:",
# "ERROR name: ", "- name - LEVEL -", Spring's "--- [thread] logger : ".
_SOURCE_PATTERNS = (
    re.compile(rb"(?:\[?" + _LEVELS + rb"\]?):(?P<src>[\w.\-]+):"),
    re.compile(
        rb"\s*(?:\[?" + _LEVELS + rb"\]?)\s+\d*\s*--- \[[^\]]*\](?: \[[^\]]*\])? (?P<src>\S+)\s*:"
    ),
    re.compile(rb"\s*-?\s*(?P<src>[\w.]+) - " + _LEVELS + rb" - "),
    re.compile(rb"\s*\[?" + _LEVELS + rb"\]?\s+(?P<src>[\w.]+(?:\[[\w.-]+\])?): "),
)

# The same, as one pattern tried once per record (alternatives are tried in order, as the list
# is): each alternative's one group is its source, so the match's last group is the source.
_SOURCE_RE = re.compile(
    b"|".join(
        b"(?:" + pattern.pattern.replace(b"(?P<src>", b"(") + b")" for pattern in _SOURCE_PATTERNS
    )
)
if _SOURCE_RE.groups != len(_SOURCE_PATTERNS):  # pragma: no cover - a pattern grew a group
    raise RuntimeError("each source pattern must capture its source and nothing else")

_JSON_TIME_KEYS = ("time", "timestamp", "@timestamp", "ts", "t", "date", "datetime")
_JSON_MESSAGE_KEYS = ("message", "msg", "error", "err", "exception", "@message", "event")
_JSON_SOURCE_KEYS = ("logger", "logger_name", "name", "service", "component", "module")


@dataclass(frozen=True, slots=True)
class Stamp:
    """A recognised line start: `epoch` (int seconds, UTC), where the message body starts in the
    line, the format's name, and the source (logger, process, service) when the line names one."""

    epoch: int
    body_start: int
    fmt: str
    source: str | None


def parse_tz(text: str | None) -> tzinfo:
    """`--tz`: "UTC", "+02:00", "-0530" or an IANA name ("Europe/Paris")."""
    if text is None or text.upper() in {"UTC", "Z", "GMT"}:
        return UTC
    offset = re.fullmatch(r"([+-])(\d\d):?(\d\d)", text)
    if offset:
        sign = -1 if offset.group(1) == "-" else 1
        minutes = int(offset.group(2)) * 60 + int(offset.group(3))
        return timezone(sign * timedelta(minutes=minutes))
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UsageError(f"unknown time zone {text!r} (use UTC, +02:00 or an IANA name)") from exc


class StampParser:
    """Parses line starts; caches conversions per distinct second and zone.

    `tz` applies to stamps without a zone. `year` is used for syslog stamps (which have none);
    without it the year is inferred from `reference` (the file's modification time): the latest
    year that does not put the stamp after the reference.
    """

    def __init__(
        self,
        *,
        tz: tzinfo = UTC,
        year: int | None = None,
        reference: datetime | None = None,
        docker: bool | None = None,
    ) -> None:
        self.docker = docker  # None: look for a docker compose prefix on every line
        self.tz = tz
        self.year = year
        self.reference = reference
        self._fast_cache: dict[tuple[str, bytes, bytes | None], int] = {}

    def start_of(self, line: bytes, pos: int = 0) -> Stamp | None:
        """The stamp at `line[pos:]`, or None when the line does not start with one."""
        found = self.fast(line, pos)
        return None if found is None else Stamp(*found)

    def fast(self, line: bytes, pos: int = 0) -> tuple[int, int, str, str | None] | None:
        """`start_of` as a plain tuple (epoch, body_start, fmt, source): the scanner's hot path."""
        source: str | None = None
        first = line[pos : pos + 1]
        if self.docker is not False and (first.isalpha() or first.isdigit()):
            docker = _DOCKER_RE.match(line, pos)
            if docker is not None and b"|" in docker.group(0):
                source = docker.group("svc").decode("ascii", "replace")
                pos = docker.end()
                first = line[pos : pos + 1]
        if first.isdigit():
            formats = _DIGIT_FORMATS
        elif first == b"[":
            formats = _BRACKET_FORMATS
        elif first == b"{":
            stamp = self._json(line, pos)
            if stamp is None:
                return None
            return (stamp.epoch, stamp.body_start, stamp.fmt, stamp.source or source)
        else:
            formats = _LETTER_FORMATS
        for name, pattern in formats:
            match = pattern.match(line, pos)
            if match is None:
                continue
            epoch = self._epoch(name, match)
            if epoch is None:
                continue
            src = match.group("src") if name != "go" and name != "redis-server" else None
            if src:
                found: str | None = src.decode("utf-8", "replace").strip()
                if name == "iso":
                    name = "heroku"
            elif name == "redis-server":
                found = "redis-server"
            else:
                found = source
            return (epoch, match.end(), name, found)
        return None

    def epoch_of_text(self, text: str) -> int | None:
        """Epoch seconds of an ISO 8601 string (used for JSON fields); None if not one."""
        raw = text.encode("ascii", "replace")
        match = _FORMAT_BY_NAME["iso"].match(raw)
        if match is None:
            return None
        return self._epoch("iso", match)

    # ----------------------------------------------------------------------------------------

    def _epoch(self, name: str, match: re.Match[bytes]) -> int | None:
        minute_text, seconds, zone = match.group("min", "S", "z")
        second = int(seconds) if seconds else 0
        if second > 60:
            return None
        # Cached per minute: consecutive records share it, and the offset of a zone is constant
        # within a minute.
        fast_key = (name, minute_text, zone)
        minute_epoch = self._fast_cache.get(fast_key)
        if minute_epoch is None:
            groups = match.groupdict()
            key = (
                name,
                groups.get("Y") or b"",
                groups.get("m") or groups.get("b") or b"",
                groups["d"],
                groups["H"],
                groups["M"],
                zone or b"",
            )
            minute_epoch = self._minute_epoch(key)
            if minute_epoch is None:
                return None
            if len(self._fast_cache) > 200_000:
                self._fast_cache.clear()
            self._fast_cache[fast_key] = minute_epoch
        return minute_epoch + min(second, 59)

    def _minute_epoch(
        self, key: tuple[str, bytes, bytes, bytes, bytes, bytes, bytes]
    ) -> int | None:
        _, year_text, month_text, day_text, hour_text, minute_text, zone = key
        try:
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
            day, hour, minute = int(day_text), int(hour_text), int(minute_text)
            year = int(year_text) if year_text else self._syslog_year(month, day)
            naive = datetime(year, month, day, hour, minute)  # noqa: DTZ001 (zone applied below)
        except (KeyError, ValueError):
            return None
        if zone:
            epoch = calendar.timegm(naive.timetuple())
            if zone != b"Z":
                text = zone.decode().replace(":", "")
                sign = -1 if text[0] == "-" else 1
                hours = int(text[1:3])
                minutes = int(text[3:5]) if len(text) >= 5 else 0
                epoch -= sign * (hours * 3600 + minutes * 60)
            return epoch
        if self.tz is UTC:
            return calendar.timegm(naive.timetuple())
        return int(naive.replace(tzinfo=self.tz).timestamp())

    def _syslog_year(self, month: int, day: int) -> int:
        if self.year is not None:
            return self.year
        reference = self.reference or datetime(2000, 1, 1, tzinfo=UTC)
        year = reference.year
        if (month, day) > (reference.month, reference.day):
            year -= 1
        return year

    def _json(self, line: bytes, pos: int) -> Stamp | None:
        end = line.find(b"\n", pos)
        try:
            document: Any = json.loads(line[pos : end if end >= 0 else len(line)])
        except ValueError:
            return None
        if not isinstance(document, dict):
            return None
        epoch: int | None = None
        for key in _JSON_TIME_KEYS:
            value = document.get(key)
            if isinstance(value, bool) or value is None:
                continue
            if isinstance(value, int | float):
                epoch = int(value / 1000) if value > 1e11 else int(value)
            elif isinstance(value, str):
                epoch = self.epoch_of_text(value)
                if epoch is None:
                    try:
                        number = float(value)
                    except ValueError:
                        continue
                    epoch = int(number / 1000) if number > 1e11 else int(number)
            if epoch is not None:
                break
        if epoch is None:
            return None
        source = None
        for key in _JSON_SOURCE_KEYS:
            value = document.get(key)
            if isinstance(value, str) and value:
                source = value
                break
        return Stamp(epoch, pos, "json", source)


def source_in_body(body: bytes) -> str | None:
    """The logger a message names right after its stamp ("WARNING:app.cache:", Spring's
    "--- [main] i.l.c.p.ReconnectionHandler :", "app.cache - ERROR -"), else None."""
    match = _SOURCE_RE.match(body, 0, 300)
    if match is None:
        return None
    index = match.lastindex
    assert index is not None  # every alternative captures its source
    source: bytes = match.group(index)
    return source.decode("utf-8", "replace")


def json_message(line: bytes) -> str | None:
    """The message of a JSON-lines record (message / msg / error fields joined), else None."""
    start = line.find(b"{")
    end = line.find(b"\n", start)
    try:
        document: Any = json.loads(line[start : end if end >= 0 else len(line)])
    except ValueError:
        return None
    if not isinstance(document, dict):
        return None
    parts: list[str] = []
    for key in _JSON_MESSAGE_KEYS:
        value = document.get(key)
        if isinstance(value, str) and value:
            parts.append(value)
        elif isinstance(value, dict):
            inner = value.get("message") or value.get("msg")
            kind = value.get("type") or value.get("kind") or value.get("name")
            if isinstance(inner, str):
                parts.append(f"{kind}: {inner}" if isinstance(kind, str) else inner)
            stack = value.get("stack") or value.get("stack_trace")
            if isinstance(stack, str):
                parts.append(stack)
    stack = document.get("stack") or document.get("stack_trace")
    if isinstance(stack, str):
        parts.append(stack)
    return "\n".join(parts) if parts else None
