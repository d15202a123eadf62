"""Classification of log records for `redisdoctor analyze`: is a record a Redis failure (which
category, which target, which source), a recovery, or neither.

Cached at four levels, since a log repeats itself: per distinct record body (in the scanner),
per body with its ids and counters blanked (`verdict_key_volatile`: real logs name a new request
id in nearly every record), per line (a traceback that differs in one line is re-read only
there: `classification_key` and `line_target` per line), and per classification key (ids and
numbers collapsed): the taxonomy reads each distinct failure once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from redisdoctor import taxonomy
from redisdoctor.logscan import minimal_hints
from redisdoctor.redact import redact_text
from redisdoctor.taxonomy import Category
from redisdoctor.templates import (
    LineTarget,
    classification_key,
    combine_targets,
    line_target,
    target_of,
    template_of,
    volatile_key,
)
from redisdoctor.timestamps import json_message, source_in_body

_RECOVERY = re.compile(
    r"reconnected|connection (?:re-?)?established|connection restored|connected to redis"
    r"|redis (?:is )?(?:back|available|connected|ready|recovered)|ready to accept connections"
    r"|connection (?:to redis )?(?:is )?(?:back|recovered)|redis client connected"
    r"|successfully connected|sync: finished with success|replication can continue",
    re.IGNORECASE,
)
_FRAME = re.compile(r"^\s")
CATEGORIES: tuple[Category, ...] = tuple(Category)
CATEGORY_INDEX: dict[Category, int] = {category: i for i, category in enumerate(CATEGORIES)}
if len(CATEGORIES) > 32:  # pragma: no cover - the scanner packs the category in 5 bits
    raise RuntimeError("analyze packs categories in 5 bits: widen the per-second keys")


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
class Meaning:
    """What a classification key means: shared by every record with that key (compared by
    identity: one object per key)."""

    category: Category | None
    recovery: bool
    template: str
    example: str


_MEANINGS: dict[bytes, Meaning] = {}
# (meaning, target, source, invalid UTF-8): equal tuples make equal verdicts
VerdictKey = tuple[Meaning, str | None, str | None, bool]
VolatileCache = dict[bytes, tuple[Meaning, str | None, bool]]


def _meaning(text: str) -> Meaning:
    category = classify_record(text)
    recovery = category is None and _RECOVERY.search(text) is not None
    if category is not None:
        shown = _deepest_line(text)
        template = template_of(_strip_level(shown))
    else:
        shown = text.strip().split("\n", 1)[0]
        template = ""
    return Meaning(category, recovery, template, redact_text(shown[:300]))


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


def verdict_key(body: bytes, json_record: bool) -> VerdictKey:
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
    meaning, target, undecodable = _meaning_target(body)
    if meaning.category is None:
        return meaning, None, None, undecodable
    return meaning, target, source_in_body(body), undecodable


def _meaning_target(body: bytes) -> tuple[Meaning, str | None, bool]:
    """A plain (not JSON) record body's meaning, target (None unless a failure) and whether it
    was invalid UTF-8: what `verdict_key` reads but the source."""
    newline = body.find(b"\n")
    if 0 <= newline < len(body) - 1:
        return _multi_line_meaning_target(body, newline)
    line = body[:newline] if newline >= 0 else body
    key = _line_key(line)
    undecodable = not _is_utf8(body)
    known = _MEANINGS.get(key)
    meaning = _meaning_of(key, _decoded(body)[0]) if known is None else known
    if meaning.category is None:
        return meaning, None, undecodable
    return meaning, combine_targets([_line_target(line)]), undecodable


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# What a multi-line body's lines after its first say, per distinct rest: a record repeated with
# a new id in its first line (a traceback's "failed for key user:123") reads only that line.
# (the classification keys of the rest, each after a newline; the `line_target`s of its
# unindented lines; whether it is valid UTF-8; the combined target per first line's target)
_Tail = tuple[bytes, tuple[LineTarget | None, ...], bool, dict[LineTarget | None, str | None]]
_TAILS: dict[bytes, _Tail] = {}


def _tail_of(rest: bytes) -> _Tail:
    lines = rest.split(b"\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
    key = b"".join([b"\n" + _line_key(line) for line in lines])
    targets = tuple(_line_target(line) for line in lines if line[:1] not in (b" ", b"\t"))
    return key, targets, _is_utf8(rest), {}


def _multi_line_meaning_target(body: bytes, newline: int) -> tuple[Meaning, str | None, bool]:
    """`_meaning_target` of a body of several lines; the first ends at `newline`."""
    first = body[:newline]
    rest = body[newline + 1 :]
    tail = _TAILS.get(rest)
    if tail is None:
        if len(_TAILS) > _LINE_CACHE_MAX:
            _TAILS.clear()
        tail = _TAILS[rest] = _tail_of(rest)
    rest_key, rest_targets, rest_utf8, combined = tail
    key = _line_key(first) + rest_key
    undecodable = not (rest_utf8 and _is_utf8(first))
    known = _MEANINGS.get(key)
    meaning = _meaning_of(key, _decoded(body)[0]) if known is None else known
    if meaning.category is None:
        return meaning, None, undecodable
    # Indented lines (stack frames, code) name no endpoint; the first line may be one too (a
    # None before the others changes nothing: `combine_targets` reads the last line apart).
    said = None if first[:1] in (b" ", b"\t") else _line_target(first)
    if said in combined:
        return meaning, combined[said], undecodable
    if len(combined) > 256:
        combined.clear()
    target = combined[said] = combine_targets([said, *rest_targets])
    return meaning, target, undecodable


def verdict_key_volatile(
    body: bytes, json_record: bool, known: VolatileCache
) -> tuple[VerdictKey, bool]:
    """`verdict_key`, read once per `volatile_key` of the body (kept in `known`): a failure
    repeated with new ids or counters costs one regex pass instead of a reading. Only the source
    is read per body (a logger or thread may be named by an id). Also says whether the body had
    volatile tokens: such a body seldom comes again, so is not worth caching by itself."""
    volatile = None if json_record else volatile_key(body, known)
    if volatile is None:
        return verdict_key(body, json_record), False
    parts = known.get(volatile)
    if parts is None:
        if len(known) > 20_000:
            known.clear()
        parts = known[volatile] = _meaning_target(body)
    meaning, target, undecodable = parts
    if meaning.category is None:
        return (meaning, None, None, undecodable), True
    return (meaning, target, source_in_body(body), undecodable), True


def _meaning_of(key: bytes, text: str) -> Meaning:
    meaning = _MEANINGS.get(key)
    if meaning is None:
        meaning = _meaning(text)
        if len(_MEANINGS) > 20_000:
            _MEANINGS.clear()
        _MEANINGS[key] = meaning
    return meaning


def verdict_of(key: VerdictKey) -> Verdict:
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


# What a logger writes between the stamp and the message: the level ("WARNING:", "[ERROR]"),
# after Sidekiq's "pid=8 tid=gs4", and then a logger's name ("app.cache:") or Spring Boot's
# "1 --- [thread] logger : ". Templates start at the message.
_LEVEL_PREFIX = re.compile(
    r"^\s*(?:pid=\d+ tid=\S+ (?:class=\S+ jid=\S+ )?)?"
    r"\[?(?:TRACE|DEBUG|INFO|NOTICE|WARNING|WARN|ERROR|ERR|CRITICAL|FATAL)\]?[:\s]+"
    r"(?:\d+\s+---\s+\[[^\]]*\]\s+\S+\s*:\s*|[\w.\-]+:(?![\d:]))?\s*"
)


def _strip_level(line: str) -> str:
    return _LEVEL_PREFIX.sub("", line, count=1)


def _deepest_line(text: str) -> str:
    """The line that names the failure: the last non-frame line the taxonomy classifies. When
    none does on its own (a JSON record's "msg": "redis error" with its error's "connect
    ETIMEDOUT"; a traceback whose only mention of Redis is a frame's path), the first line says
    what failed and the last line with a mechanism says how: both are shown."""
    lines = [line for line in text.splitlines() if line.strip() and not _FRAME.match(line)]
    if not lines:
        return text.strip()
    for line in reversed(lines):
        if taxonomy.classify_text(line) is not None:
            return line
    for line in reversed(lines[1:]):
        if taxonomy.classify_text(line, assume_redis=True) is not None:
            head = lines[0].rstrip()
            return f"{head}{' ' if head.endswith(':') else ': '}{line.strip()}"
    return lines[0]
