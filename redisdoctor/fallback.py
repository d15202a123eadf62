"""The bounded in-memory store that serves commands while Redis is unreachable.

`FallbackStore` implements the redis-py command methods applications use most (strings, keys,
hashes, lists, sets, sorted sets) with Redis semantics: types and WRONGTYPE errors, integer and
float parsing errors, TTLs, and redis-py's return types (bytes, or str with
``decode_responses=True``). Method names and signatures are redis-py's, so `ResilientRedis` can
dispatch a call by name.

Why not fakeredis: it costs about 70-85 µs per GET/SET here (the budget is 10 µs) and reads
``time.time()`` for TTLs, where this store follows the injected `Clock`.

The store is bounded by `max_keys` and `max_bytes` (keys plus values, approximate): when a write
exceeds a bound, expired keys are purged first, then the oldest keys (insertion order) are
evicted; `evictions` counts them. It is not thread-safe by itself: callers hold `lock`.
"""

from __future__ import annotations

import fnmatch
import itertools
import math
import random
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from redis.exceptions import DataError, ResponseError

from redisdoctor.clock import Clock

DEFAULT_MAX_KEYS = 100_000
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value"
NOT_INTEGER = "value is not an integer or out of range"
NOT_FLOAT = "value is not a valid float"
_ENTRY_OVERHEAD = 16  # rough per-key bookkeeping, so many tiny keys still count
_SIZE_SAMPLE = 64  # items measured per container write; bigger ones are extrapolated


class WrongTypeError(ResponseError):
    """WRONGTYPE, as Redis replies it (a redis-py ResponseError, so `except` clauses match)."""


class ZSet(dict[bytes, float]):
    """A sorted set: member -> score; ordered on demand by (score, member)."""


Value = bytes | dict[bytes, bytes] | list[bytes] | set[bytes] | ZSet
# Aliases: inside FallbackStore, `set` and `type` name redis commands.
ByteSet = set[bytes]
AnySet = set[Any]


@dataclass(frozen=True, slots=True)
class StoredKey:
    """One live key, for replay: its value (a copy) and remaining TTL in ms (None: no TTL)."""

    key: bytes
    value: Value
    pttl: int | None

    @property
    def kind(self) -> str:
        return _type_name(self.value)


def _type_name(value: object) -> str:
    kind = type(value)
    if kind is bytes:
        return "string"
    if kind is ZSet:
        return "zset"
    if kind is dict:
        return "hash"
    if kind is list:
        return "list"
    if kind is set:
        return "set"
    return "none"


def _encode(value: object) -> bytes:
    """redis-py's Encoder.encode, for bytes output."""
    kind = type(value)
    if kind is bytes:
        return value  # type: ignore[return-value]
    if kind is str:
        return value.encode()  # type: ignore[attr-defined,no-any-return]
    if kind is int:
        return str(value).encode()
    if kind is float:
        return repr(value).encode()
    if isinstance(value, bool):
        raise DataError(
            "Invalid input of type: 'bool'. Convert to a bytes, string, int or float first."
        )
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, str):
        return value.encode()
    if isinstance(value, int | float):
        return repr(value).encode()
    raise DataError(
        f"Invalid input of type: '{type(value).__name__}'. "
        "Convert to a bytes, string, int or float first."
    )


_INTEGER = re.compile(rb"(?:0|-?[1-9][0-9]*)")


def _parse_int(raw: bytes) -> int:
    """Redis's string2ll: no sign but '-', no leading zeros, no spaces, 64-bit."""
    if len(raw) > 20 or not _INTEGER.fullmatch(raw):
        raise ResponseError(NOT_INTEGER)
    value = int(raw)
    if not -(2**63) <= value < 2**63:
        raise ResponseError(NOT_INTEGER)
    return value


def _parse_float(raw: bytes | str | float | int) -> float:
    if isinstance(raw, bytes | str):
        text = raw.decode("latin-1") if isinstance(raw, bytes) else raw
        if not text or text != text.strip() or "_" in text:
            raise ResponseError(NOT_FLOAT)
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise ResponseError(NOT_FLOAT) from None
    if math.isnan(value):
        raise ResponseError(NOT_FLOAT)
    return value


def _format_float(value: float) -> bytes:
    """How Redis writes a float back (INCRBYFLOAT, HINCRBYFLOAT): no trailing .0."""
    if value.is_integer() and abs(value) < 1e17:
        return str(int(value)).encode()
    return repr(value).encode()


def _index_slice(length: int, start: int, end: int) -> slice | None:
    """Redis's inclusive start/end with negative indices, as a Python slice (None: empty)."""
    if start < 0:
        start = max(length + start, 0)
    if end < 0:
        end = length + end
    if end >= length:
        end = length - 1
    if start > end or start >= length:
        return None
    return slice(start, end + 1)


def _score_bound(bound: object) -> tuple[float, bool]:
    """A ZRANGEBYSCORE bound: (value, exclusive)."""
    text = bound.decode() if isinstance(bound, bytes) else str(bound)
    exclusive = text.startswith("(")
    if exclusive:
        text = text[1:]
    lowered = text.lower()
    if lowered in ("-inf", "+inf", "inf"):
        return (-math.inf if lowered == "-inf" else math.inf), exclusive
    try:
        return float(text), exclusive
    except ValueError:
        raise ResponseError("min or max is not a float") from None


def _expiry_ms(value: int | float | timedelta, unit_ms: int) -> int:
    if isinstance(value, timedelta):
        return int(value.total_seconds() * 1000)
    return int(value) * unit_ms


class FallbackStore:
    """A bounded in-memory Redis for the common commands, on an injected clock."""

    def __init__(
        self,
        *,
        clock: Clock,
        max_keys: int = DEFAULT_MAX_KEYS,
        max_bytes: int = DEFAULT_MAX_BYTES,
        decode_responses: bool = False,
        encoding: str = "utf-8",
        encoding_errors: str = "strict",
        rng: random.Random | None = None,
        on_evict: Callable[[bytes], None] | None = None,
    ) -> None:
        if max_keys < 1 or max_bytes < 1:
            raise ValueError("fallback bounds must be positive")
        self.clock = clock
        self.max_keys = max_keys
        self.max_bytes = max_bytes
        self.decode_responses = decode_responses
        self.encoding = encoding
        self.encoding_errors = encoding_errors
        self.rng = rng if rng is not None else random.Random(0)
        self.on_evict = on_evict
        self.lock = threading.RLock()  # re-entrant: an on_evict callback may call back in
        self._data: dict[bytes, Value] = {}
        self._expires: dict[bytes, float] = {}
        self._sizes: dict[bytes, int] = {}
        self.bytes_used = 0
        self.evictions = 0
        self.expired = 0
        self._last_sweep: float | None = None

    # ----------------------------------------------------------------------------------------
    # Plumbing
    # ----------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._data)

    def supports(self, command: str) -> bool:
        """True when `command` (a redis-py method name) is served by this store."""
        return command in SUPPORTED_COMMANDS

    def _out(self, raw: bytes) -> Any:
        if self.decode_responses:
            return raw.decode(self.encoding, self.encoding_errors)
        return raw

    def _read(self, key: bytes) -> Value | None:
        value = self._data.get(key)
        if (
            value is not None
            and key in self._expires
            and self._expires[key] <= self.clock.monotonic()
        ):
            self._remove(key)
            self.expired += 1
            return None
        return value

    def _typed(self, key: bytes, kind: Any) -> Any:
        value = self._read(key)
        if value is not None and type(value) is not kind:
            raise WrongTypeError(WRONGTYPE)
        return value

    def _remove(self, key: bytes) -> bool:
        if self._data.pop(key, None) is None:
            return False
        self._expires.pop(key, None)
        self.bytes_used -= self._sizes.pop(key, 0)
        return True

    def _size_of(self, key: bytes, value: Value) -> int:
        """Key plus value bytes; for a container of more than _SIZE_SAMPLE items, extrapolated
        from a sample, so a write to a big container stays O(1) rather than O(items)."""
        size = len(key) + _ENTRY_OVERHEAD
        if isinstance(value, bytes):
            return size + len(value)
        count = len(value)
        sample: Iterable[Any]
        if isinstance(value, dict):  # a hash, or a sorted set (member -> score)
            sample = itertools.islice(value.items(), _SIZE_SAMPLE)
            measured = sum(len(f) + (8 if isinstance(v, float) else len(v)) for f, v in sample)
        else:
            sample = itertools.islice(value, _SIZE_SAMPLE)
            measured = sum(len(item) for item in sample)
        if count > _SIZE_SAMPLE:
            measured = measured * count // _SIZE_SAMPLE
        return size + measured

    def _stored(self, key: bytes, value: Value) -> None:
        """Account for a key just created or changed, evicting if over a bound."""
        size = self._size_of(key, value)
        self.bytes_used += size - self._sizes.get(key, 0)
        self._sizes[key] = size
        if len(self._data) > self.max_keys or self.bytes_used > self.max_bytes:
            self._enforce_bounds()

    def _put(self, key: bytes, value: Value) -> None:
        self._data[key] = value
        self._stored(key, value)

    def _changed(self, key: bytes) -> None:
        value = self._data.get(key)
        if value is None:
            return
        if not value:  # an emptied container disappears, as in Redis
            self._remove(key)
            return
        self._stored(key, value)

    def _enforce_bounds(self) -> None:
        now = self.clock.monotonic()
        # Purging expired keys scans every TTL: at most once per second of clock time, so a
        # store that sits at its bound does not pay O(keys) on every write.
        if self._expires and (self._last_sweep is None or now - self._last_sweep >= 1.0):
            self._last_sweep = now
            for key in [k for k, deadline in self._expires.items() if deadline <= now]:
                self._remove(key)
                self.expired += 1
        while self._data and (len(self._data) > self.max_keys or self.bytes_used > self.max_bytes):
            oldest = next(iter(self._data))
            self._remove(oldest)
            self.evictions += 1
            if self.on_evict is not None:
                self.on_evict(oldest)

    def _set_expiry_ms(self, key: bytes, ms: int) -> None:
        self._expires[key] = self.clock.monotonic() + ms / 1000.0

    def _wall_to_ms(self, when: int | float | datetime, unit_ms: int) -> int:
        now_ms = self.clock.wall().timestamp() * 1000
        if isinstance(when, datetime):
            return int(when.timestamp() * 1000 - now_ms)
        return int(int(when) * unit_ms - now_ms)

    def _pttl(self, key: bytes) -> int | None:
        deadline = self._expires.get(key)
        if deadline is None:
            return None
        return max(0, round((deadline - self.clock.monotonic()) * 1000))

    def snapshot(self) -> list[StoredKey]:
        """Every live key with a copy of its value and remaining TTL (for replay)."""
        live: list[StoredKey] = []
        for key in list(self._data):
            value = self._read(key)
            if value is None:
                continue
            copied: Value
            if isinstance(value, bytes):
                copied = value
            elif isinstance(value, ZSet):
                copied = ZSet(value)
            else:
                copied = value.copy()
            live.append(StoredKey(key, copied, self._pttl(key)))
        return live

    def clear(self) -> int:
        """Drop everything; return how many keys were held."""
        held = len(self._data)
        self._data.clear()
        self._expires.clear()
        self._sizes.clear()
        self.bytes_used = 0
        return held

    # ----------------------------------------------------------------------------------------
    # Keys
    # ----------------------------------------------------------------------------------------

    def delete(self, *names: object) -> int:
        removed = 0
        for name in names:
            key = _encode(name)
            if self._read(key) is not None and self._remove(key):
                removed += 1
        return removed

    unlink = delete

    def exists(self, *names: object) -> int:
        return sum(1 for name in names if self._read(_encode(name)) is not None)

    def type(self, name: object) -> Any:
        value = self._read(_encode(name))
        return self._out(_type_name(value).encode())

    def _expire(self, name: object, ms: int, nx: bool, xx: bool, gt: bool, lt: bool) -> bool:
        key = _encode(name)
        if self._read(key) is None:
            return False
        current = self._pttl(key)
        if nx and current is not None:
            return False
        if xx and current is None:
            return False
        if gt and (current is None or ms <= current):
            return False
        if lt and current is not None and ms >= current:
            return False
        if ms <= 0:
            self._remove(key)
            return True
        self._set_expiry_ms(key, ms)
        return True

    def expire(
        self,
        name: object,
        time: int | timedelta,
        nx: bool = False,
        xx: bool = False,
        gt: bool = False,
        lt: bool = False,
    ) -> bool:
        return self._expire(name, _expiry_ms(time, 1000), nx, xx, gt, lt)

    def pexpire(
        self,
        name: object,
        time: int | timedelta,
        nx: bool = False,
        xx: bool = False,
        gt: bool = False,
        lt: bool = False,
    ) -> bool:
        return self._expire(name, _expiry_ms(time, 1), nx, xx, gt, lt)

    def expireat(
        self,
        name: object,
        when: int | datetime,
        nx: bool = False,
        xx: bool = False,
        gt: bool = False,
        lt: bool = False,
    ) -> bool:
        return self._expire(name, self._wall_to_ms(when, 1000), nx, xx, gt, lt)

    def pexpireat(
        self,
        name: object,
        when: int | datetime,
        nx: bool = False,
        xx: bool = False,
        gt: bool = False,
        lt: bool = False,
    ) -> bool:
        return self._expire(name, self._wall_to_ms(when, 1), nx, xx, gt, lt)

    def pttl(self, name: object) -> int:
        key = _encode(name)
        if self._read(key) is None:
            return -2
        remaining = self._pttl(key)
        return -1 if remaining is None else remaining

    def ttl(self, name: object) -> int:
        remaining = self.pttl(name)
        if remaining < 0:
            return remaining
        return (remaining + 500) // 1000

    def persist(self, name: object) -> bool:
        key = _encode(name)
        if self._read(key) is None:
            return False
        return self._expires.pop(key, None) is not None

    def _matching(self, pattern: object, kind: str | None = None) -> list[bytes]:
        pat = _encode(pattern) if pattern is not None else b"*"
        keys = []
        for key in list(self._data):
            value = self._read(key)
            if value is None:
                continue
            if kind is not None and _type_name(value) != kind:
                continue
            if pat == b"*" or fnmatch.fnmatchcase(key, pat):
                keys.append(key)
        return keys

    def keys(self, pattern: object = "*", **kwargs: Any) -> list[Any]:
        return [self._out(key) for key in self._matching(pattern)]

    def scan(
        self,
        cursor: int = 0,
        match: object = None,
        count: int | None = None,
        _type: str | None = None,
        **kwargs: Any,
    ) -> tuple[int, list[Any]]:
        # One pass returns everything (SCAN may return any number of keys per call); cursor 0
        # tells the caller the iteration is complete.
        if cursor != 0:
            return 0, []
        return 0, [self._out(key) for key in self._matching(match, _type)]

    def scan_iter(
        self,
        match: object = None,
        count: int | None = None,
        _type: str | None = None,
        **kwargs: Any,
    ) -> Iterator[Any]:
        return iter(self.scan(0, match, count, _type)[1])

    def dbsize(self) -> int:
        return sum(1 for key in list(self._data) if self._read(key) is not None)

    def touch(self, *args: object) -> int:
        return self.exists(*args)

    def randomkey(self, **kwargs: Any) -> Any:
        keys = self._matching(None)
        return self._out(self.rng.choice(keys)) if keys else None

    def flushdb(self, asynchronous: bool = False, **kwargs: Any) -> bool:
        self.clear()
        return True

    def rename(self, src: object, dst: object) -> bool:
        source, target = _encode(src), _encode(dst)
        value = self._read(source)
        if value is None:
            raise ResponseError("no such key")
        remaining = self._pttl(source)
        self._remove(source)
        self._remove(target)
        self._put(target, value)
        if remaining is not None:
            self._set_expiry_ms(target, remaining)
        return True

    # ----------------------------------------------------------------------------------------
    # Strings
    # ----------------------------------------------------------------------------------------

    def get(self, name: object) -> Any:
        key = name if type(name) is bytes else _encode(name)
        value = self._data.get(key)
        if value is not None and key in self._expires:
            value = self._read(key)
        if value is None:
            return None
        if type(value) is not bytes:
            raise WrongTypeError(WRONGTYPE)
        return self._out(value)

    def set(
        self,
        name: object,
        value: object,
        ex: int | timedelta | None = None,
        px: int | timedelta | None = None,
        nx: bool = False,
        xx: bool = False,
        keepttl: bool = False,
        get: bool = False,
        exat: int | datetime | None = None,
        pxat: int | datetime | None = None,
        ifeq: bytes | str | None = None,
        ifne: bytes | str | None = None,
        ifdeq: str | None = None,
        ifdne: str | None = None,
    ) -> Any:
        key = _encode(name)
        raw = _encode(value)
        if ifeq is not None or ifne is not None or ifdeq is not None or ifdne is not None:
            raise DataError("SET IFEQ/IFNE/IFDEQ/IFDNE is not served by the in-memory fallback")
        current = self._read(key) if (nx or xx or get or keepttl) else self._data.get(key)
        old = None
        if get and current is not None:
            if type(current) is not bytes:
                raise WrongTypeError(WRONGTYPE)
            old = self._out(current)
        if (nx and current is not None) or (xx and current is None):
            return old if get else None
        ms: int | None = None
        if ex is not None:
            ms = _expiry_ms(ex, 1000)
        elif px is not None:
            ms = _expiry_ms(px, 1)
        elif exat is not None:
            ms = self._wall_to_ms(exat, 1000)
        elif pxat is not None:
            ms = self._wall_to_ms(pxat, 1)
        if ms is not None and ms <= 0 and (ex is not None or px is not None):
            raise ResponseError("invalid expire time in 'set' command")
        if not keepttl and self._expires:
            self._expires.pop(key, None)
        self._data[key] = raw
        self._stored(key, raw)
        if ms is not None:
            if ms <= 0:
                self._remove(key)
            else:
                self._set_expiry_ms(key, ms)
        return old if get else True

    def setnx(self, name: object, value: object) -> bool:
        return bool(self.set(name, value, nx=True))

    def setex(self, name: object, time: int | timedelta, value: object) -> bool:
        return bool(self.set(name, value, ex=time))

    def psetex(self, name: object, time_ms: int | timedelta, value: object) -> bool:
        return bool(self.set(name, value, px=time_ms))

    def getset(self, name: object, value: object) -> Any:
        return self.set(name, value, get=True)

    def getdel(self, name: object) -> Any:
        key = _encode(name)
        value = self._typed(key, bytes)
        if value is None:
            return None
        self._remove(key)
        return self._out(value)

    def getex(
        self,
        name: object,
        ex: int | timedelta | None = None,
        px: int | timedelta | None = None,
        exat: int | datetime | None = None,
        pxat: int | datetime | None = None,
        persist: bool = False,
    ) -> Any:
        key = _encode(name)
        value = self._typed(key, bytes)
        if value is None:
            return None
        if persist:
            self._expires.pop(key, None)
        ms: int | None = None
        if ex is not None:
            ms = _expiry_ms(ex, 1000)
        elif px is not None:
            ms = _expiry_ms(px, 1)
        elif exat is not None:
            ms = self._wall_to_ms(exat, 1000)
        elif pxat is not None:
            ms = self._wall_to_ms(pxat, 1)
        if ms is not None:
            if ms <= 0:
                self._remove(key)
            else:
                self._set_expiry_ms(key, ms)
        return self._out(value)

    def mget(self, keys: object, *args: object) -> list[Any]:
        names = _list_or_args(keys, args)
        out = []
        for name in names:
            value = self._read(_encode(name))
            out.append(self._out(value) if type(value) is bytes else None)
        return out

    def mset(self, mapping: Mapping[Any, Any]) -> bool:
        for name, value in mapping.items():
            self.set(name, value)
        return True

    def msetnx(self, mapping: Mapping[Any, Any]) -> bool:
        if any(self._read(_encode(name)) is not None for name in mapping):
            return False
        self.mset(mapping)
        return True

    def incrby(self, name: object, amount: int = 1) -> int:
        key = _encode(name)
        value = self._typed(key, bytes)
        number = _parse_int(value) + int(amount) if value is not None else int(amount)
        if not -(2**63) <= number < 2**63:
            raise ResponseError("increment or decrement would overflow")
        raw = str(number).encode()
        self._data[key] = raw
        self._stored(key, raw)
        return number

    incr = incrby

    def decrby(self, name: object, amount: int = 1) -> int:
        return self.incrby(name, -int(amount))

    decr = decrby

    def incrbyfloat(self, name: object, amount: float = 1.0) -> float:
        key = _encode(name)
        value = self._typed(key, bytes)
        number = (_parse_float(value) if value is not None else 0.0) + _parse_float(amount)
        if math.isinf(number):
            raise ResponseError("increment would produce NaN or Infinity")
        raw = _format_float(number)
        self._data[key] = raw
        self._stored(key, raw)
        return float(raw)

    def append(self, key: object, value: object) -> int:
        name = _encode(key)
        current = self._typed(name, bytes)
        raw = (current or b"") + _encode(value)
        self._data[name] = raw
        self._stored(name, raw)
        return len(raw)

    def strlen(self, name: object) -> int:
        value = self._typed(_encode(name), bytes)
        return 0 if value is None else len(value)

    def getrange(self, key: object, start: int, end: int) -> Any:
        value = self._typed(_encode(key), bytes) or b""
        start, end, length = int(start), int(end), len(value)
        # Redis's GETRANGE clamps a negative end to 0 (unlike LRANGE's empty result).
        if start < 0 and end < 0 and start > end:
            return self._out(b"")
        start = max(length + start if start < 0 else start, 0)
        end = max(length + end if end < 0 else end, 0)
        end = min(end, length - 1)
        if start > end or length == 0:
            return self._out(b"")
        return self._out(value[start : end + 1])

    def setrange(self, name: object, offset: int, value: object) -> int:
        key = _encode(name)
        current = self._typed(key, bytes) or b""
        raw = _encode(value)
        if offset < 0:
            raise ResponseError("offset is out of range")
        if not raw:
            return len(current)
        padded = current.ljust(offset, b"\x00")
        updated = padded[:offset] + raw + padded[offset + len(raw) :]
        self._data[key] = updated
        self._stored(key, updated)
        return len(updated)

    # ----------------------------------------------------------------------------------------
    # Hashes
    # ----------------------------------------------------------------------------------------

    def _hash(self, name: object, create: bool = False) -> dict[bytes, bytes] | None:
        key = _encode(name)
        value = self._typed(key, dict)
        if value is None and create:
            value = {}
            self._data[key] = value
        return value  # type: ignore[no-any-return]

    def hset(
        self,
        name: object,
        key: object = None,
        value: object = None,
        mapping: Mapping[Any, Any] | None = None,
        items: list[Any] | None = None,
    ) -> int:
        pairs: list[tuple[object, object]] = []
        if key is not None:
            pairs.append((key, value))
        if items:
            pairs.extend(zip(items[::2], items[1::2], strict=True))
        if mapping:
            pairs.extend(mapping.items())
        if not pairs:
            raise DataError("'hset' with no key value pairs")
        hashed = self._hash(name, create=True)
        assert hashed is not None
        added = 0
        for field_name, field_value in pairs:
            encoded = _encode(field_name)
            if encoded not in hashed:
                added += 1
            hashed[encoded] = _encode(field_value)
        self._changed(_encode(name))
        return added

    def hmset(self, name: object, mapping: Mapping[Any, Any]) -> bool:
        self.hset(name, mapping=mapping)
        return True

    def hsetnx(self, name: object, key: object, value: object) -> int:
        hashed = self._hash(name)
        if hashed is not None and _encode(key) in hashed:
            return 0
        self.hset(name, key, value)
        return 1

    def hget(self, name: object, key: object) -> Any:
        hashed = self._hash(name)
        if hashed is None:
            return None
        raw = hashed.get(_encode(key))
        return None if raw is None else self._out(raw)

    def hmget(self, name: object, keys: object, *args: object) -> list[Any]:
        hashed = self._hash(name) or {}
        out = []
        for field_name in _list_or_args(keys, args):
            raw = hashed.get(_encode(field_name))
            out.append(None if raw is None else self._out(raw))
        return out

    def hgetall(self, name: object) -> dict[Any, Any]:
        hashed = self._hash(name) or {}
        return {self._out(f): self._out(v) for f, v in hashed.items()}

    def hdel(self, name: object, *keys: object) -> int:
        hashed = self._hash(name)
        if hashed is None:
            return 0
        removed = sum(1 for k in keys if hashed.pop(_encode(k), None) is not None)
        self._changed(_encode(name))
        return removed

    def hexists(self, name: object, key: object) -> bool:
        hashed = self._hash(name)
        return hashed is not None and _encode(key) in hashed

    def hlen(self, name: object) -> int:
        return len(self._hash(name) or {})

    def hstrlen(self, name: object, key: object) -> int:
        return len((self._hash(name) or {}).get(_encode(key), b""))

    def hkeys(self, name: object) -> list[Any]:
        return [self._out(f) for f in self._hash(name) or {}]

    def hvals(self, name: object) -> list[Any]:
        return [self._out(v) for v in (self._hash(name) or {}).values()]

    def hincrby(self, name: object, key: object, amount: int = 1) -> int:
        hashed = self._hash(name, create=True)
        assert hashed is not None
        field_name = _encode(key)
        raw = hashed.get(field_name)
        try:
            number = (_parse_int(raw) if raw is not None else 0) + int(amount)
        except ResponseError:
            raise ResponseError("hash value is not an integer") from None
        hashed[field_name] = str(number).encode()
        self._changed(_encode(name))
        return number

    def hincrbyfloat(self, name: object, key: object, amount: float = 1.0) -> float:
        hashed = self._hash(name, create=True)
        assert hashed is not None
        field_name = _encode(key)
        raw = hashed.get(field_name)
        try:
            current = _parse_float(raw) if raw is not None else 0.0
        except ResponseError:
            raise ResponseError("hash value is not a float") from None
        number = current + _parse_float(amount)
        hashed[field_name] = _format_float(number)
        self._changed(_encode(name))
        return float(hashed[field_name])

    # ----------------------------------------------------------------------------------------
    # Lists
    # ----------------------------------------------------------------------------------------

    def _list(self, name: object, create: bool = False) -> list[bytes] | None:
        key = _encode(name)
        value = self._typed(key, list)
        if value is None and create:
            value = []
            self._data[key] = value
        return value  # type: ignore[no-any-return]

    def lpush(self, name: object, *values: object) -> int:
        items = self._list(name, create=True)
        assert items is not None
        for value in values:
            items.insert(0, _encode(value))
        self._changed(_encode(name))
        return len(items)

    def rpush(self, name: object, *values: object) -> int:
        items = self._list(name, create=True)
        assert items is not None
        items.extend(_encode(value) for value in values)
        self._changed(_encode(name))
        return len(items)

    def lpushx(self, name: object, *values: object) -> int:
        return self.lpush(name, *values) if self._list(name) else 0

    def rpushx(self, name: object, *values: object) -> int:
        return self.rpush(name, *values) if self._list(name) else 0

    def _pop(self, name: object, count: int | None, left: bool) -> Any:
        items = self._list(name)
        if not items:
            return None
        n = 1 if count is None else count
        popped = items[:n] if left else items[::-1][:n]
        if left:
            del items[:n]
        else:
            del items[len(items) - len(popped) :]
        self._changed(_encode(name))
        if count is None:
            return self._out(popped[0])
        return [self._out(item) for item in popped]

    def lpop(self, name: object, count: int | None = None) -> Any:
        return self._pop(name, count, left=True)

    def rpop(self, name: object, count: int | None = None) -> Any:
        return self._pop(name, count, left=False)

    def llen(self, name: object) -> int:
        return len(self._list(name) or [])

    def lrange(self, name: object, start: int, end: int) -> list[Any]:
        items = self._list(name) or []
        window = _index_slice(len(items), int(start), int(end))
        return [] if window is None else [self._out(item) for item in items[window]]

    def lindex(self, name: object, index: int) -> Any:
        items = self._list(name) or []
        index = int(index)
        if -len(items) <= index < len(items):
            return self._out(items[index])
        return None

    def lset(self, name: object, index: int, value: object) -> bool:
        items = self._list(name)
        if items is None:
            raise ResponseError("no such key")
        index = int(index)
        if not -len(items) <= index < len(items):
            raise ResponseError("index out of range")
        items[index] = _encode(value)
        self._changed(_encode(name))
        return True

    def lrem(self, name: object, count: int, value: object) -> int:
        items = self._list(name)
        if not items:
            return 0
        target = _encode(value)
        count = int(count)
        limit = abs(count) or len(items)
        order = range(len(items)) if count >= 0 else range(len(items) - 1, -1, -1)
        doomed = [i for i in order if items[i] == target][:limit]
        for i in sorted(doomed, reverse=True):
            del items[i]
        self._changed(_encode(name))
        return len(doomed)

    def ltrim(self, name: object, start: int, end: int) -> bool:
        items = self._list(name)
        if items is None:
            return True
        window = _index_slice(len(items), int(start), int(end))
        items[:] = [] if window is None else items[window]
        self._changed(_encode(name))
        return True

    def lmove(
        self, first_list: object, second_list: object, src: str = "LEFT", dest: str = "RIGHT"
    ) -> Any:
        source = self._list(first_list)
        if not source:
            return None
        self._list(second_list)  # WRONGTYPE before anything moves
        item = source.pop(0) if src.upper() == "LEFT" else source.pop()
        self._changed(_encode(first_list))
        target = self._list(second_list, create=True)
        assert target is not None
        if dest.upper() == "LEFT":
            target.insert(0, item)
        else:
            target.append(item)
        self._changed(_encode(second_list))
        return self._out(item)

    def rpoplpush(self, src: object, dst: object) -> Any:
        return self.lmove(src, dst, "RIGHT", "LEFT")

    # ----------------------------------------------------------------------------------------
    # Sets
    # ----------------------------------------------------------------------------------------

    def _set(self, name: object, create: bool = False) -> ByteSet | None:
        key = _encode(name)
        value = self._typed(key, set)
        if value is None and create:
            value = set()
            self._data[key] = value
        return value  # type: ignore[no-any-return]

    def sadd(self, name: object, *values: object) -> int:
        members = self._set(name, create=True)
        assert members is not None
        before = len(members)
        members.update(_encode(value) for value in values)
        self._changed(_encode(name))
        return len(members) - before

    def srem(self, name: object, *values: object) -> int:
        members = self._set(name)
        if not members:
            return 0
        before = len(members)
        members.difference_update(_encode(value) for value in values)
        self._changed(_encode(name))
        return before - len(members)

    def smembers(self, name: object) -> AnySet:
        return {self._out(m) for m in self._set(name) or set()}

    def sismember(self, name: object, value: object) -> bool:
        return _encode(value) in (self._set(name) or set())

    def smismember(self, name: object, values: object, *args: object) -> list[bool]:
        members = self._set(name) or set()
        return [_encode(v) in members for v in _list_or_args(values, args)]

    def scard(self, name: object) -> int:
        return len(self._set(name) or set())

    def smove(self, src: object, dst: object, value: object) -> bool:
        source = self._set(src)
        if not source:  # Redis answers 0 before looking at the destination's type
            return False
        self._set(dst)  # WRONGTYPE before anything moves
        member = _encode(value)
        if member not in source:
            return False
        source.discard(member)
        self._changed(_encode(src))
        target = self._set(dst, create=True)
        assert target is not None
        target.add(member)
        self._changed(_encode(dst))
        return True

    def spop(self, name: object, count: int | None = None) -> Any:
        members = self._set(name)
        if not members:
            return None if count is None else []
        chosen = self.rng.sample(sorted(members), min(1 if count is None else count, len(members)))
        members.difference_update(chosen)
        self._changed(_encode(name))
        if count is None:
            return self._out(chosen[0])
        return [self._out(m) for m in chosen]

    def srandmember(self, name: object, number: int | None = None) -> Any:
        members = sorted(self._set(name) or set())
        if number is None:
            return self._out(self.rng.choice(members)) if members else None
        if number >= 0:
            return [self._out(m) for m in self.rng.sample(members, min(number, len(members)))]
        return [self._out(self.rng.choice(members)) for _ in range(-number)] if members else []

    def _sets(self, keys: object, args: tuple[object, ...]) -> list[ByteSet]:
        return [self._set(name) or set() for name in _list_or_args(keys, args)]

    def sinter(self, keys: object, *args: object) -> AnySet:
        sets = self._sets(keys, args)
        return {self._out(m) for m in set.intersection(*sets)} if sets else set()

    def sunion(self, keys: object, *args: object) -> AnySet:
        return {self._out(m) for m in set().union(*self._sets(keys, args))}

    def sdiff(self, keys: object, *args: object) -> AnySet:
        sets = self._sets(keys, args)
        return {self._out(m) for m in sets[0].difference(*sets[1:])} if sets else set()

    # ----------------------------------------------------------------------------------------
    # Sorted sets
    # ----------------------------------------------------------------------------------------

    def _zset(self, name: object, create: bool = False) -> ZSet | None:
        key = _encode(name)
        value = self._typed(key, ZSet)
        if value is None and create:
            value = ZSet()
            self._data[key] = value
        return value  # type: ignore[no-any-return]

    def zadd(
        self,
        name: object,
        mapping: Mapping[Any, Any],
        nx: bool = False,
        xx: bool = False,
        ch: bool = False,
        incr: bool = False,
        gt: bool = False,
        lt: bool = False,
    ) -> Any:
        if nx and xx:
            raise DataError("ZADD allows either 'nx' or 'xx', not both")
        if incr and len(mapping) != 1:
            raise DataError(
                "ZADD option 'incr' only works when passing a single element/score pair"
            )
        scores = [(_encode(m), _parse_float(s)) for m, s in mapping.items()]
        zset = self._zset(name, create=True)
        assert zset is not None
        added = changed = 0
        result: float | None = None
        for member, score in scores:
            current = zset.get(member)
            if (nx and current is not None) or (xx and current is None):
                continue
            new = current + score if incr and current is not None else score
            if current is not None and ((gt and new <= current) or (lt and new >= current)):
                continue
            if current is None:
                added += 1
            elif new != current:
                changed += 1
            zset[member] = new
            result = new
        self._changed(_encode(name))
        if incr:
            return result
        return added + changed if ch else added

    def zrem(self, name: object, *values: object) -> int:
        zset = self._zset(name)
        if not zset:
            return 0
        removed = sum(1 for v in values if zset.pop(_encode(v), None) is not None)
        self._changed(_encode(name))
        return removed

    def zscore(self, name: object, value: object) -> float | None:
        zset = self._zset(name)
        return None if zset is None else zset.get(_encode(value))

    def zincrby(self, name: object, amount: float, value: object) -> float:
        zset = self._zset(name, create=True)
        assert zset is not None
        member = _encode(value)
        zset[member] = zset.get(member, 0.0) + _parse_float(amount)
        self._changed(_encode(name))
        return zset[member]

    def zcard(self, name: object) -> int:
        return len(self._zset(name) or ())

    @staticmethod
    def _ordered(zset: ZSet) -> list[tuple[bytes, float]]:
        return sorted(zset.items(), key=lambda item: (item[1], item[0]))

    def _emit_range(
        self,
        items: Iterable[tuple[bytes, float]],
        withscores: bool,
        score_cast_func: Callable[[Any], Any],
    ) -> list[Any]:
        if withscores:
            return [(self._out(m), score_cast_func(_format_float(s))) for m, s in items]
        return [self._out(m) for m, _ in items]

    def _by_score(self, zset: ZSet, low: object, high: object) -> list[tuple[bytes, float]]:
        lo, lo_ex = _score_bound(low)
        hi, hi_ex = _score_bound(high)
        return [
            (m, s)
            for m, s in self._ordered(zset)
            if (s > lo if lo_ex else s >= lo) and (s < hi if hi_ex else s <= hi)
        ]

    def zrange(
        self,
        name: object,
        start: Any,
        end: Any,
        desc: bool = False,
        withscores: bool = False,
        score_cast_func: Callable[[Any], Any] = float,
        byscore: bool = False,
        bylex: bool = False,
        offset: int | None = None,
        num: int | None = None,
    ) -> list[Any]:
        if bylex:
            raise DataError("ZRANGE BYLEX is not served by the in-memory fallback")
        zset = self._zset(name) or ZSet()
        if byscore:
            items = (
                self._by_score(zset, end, start)[::-1] if desc else self._by_score(zset, start, end)
            )
            if offset is not None and num is not None:
                items = items[offset:] if num < 0 else items[offset : offset + num]
            return self._emit_range(items, withscores, score_cast_func)
        ordered = self._ordered(zset)
        if desc:
            ordered.reverse()
        window = _index_slice(len(ordered), int(start), int(end))
        return self._emit_range(
            [] if window is None else ordered[window], withscores, score_cast_func
        )

    def zrevrange(
        self,
        name: object,
        start: int,
        end: int,
        withscores: bool = False,
        score_cast_func: Callable[[Any], Any] = float,
    ) -> list[Any]:
        return self.zrange(name, start, end, True, withscores, score_cast_func)

    def zrangebyscore(
        self,
        name: object,
        min: object,
        max: object,
        start: int | None = None,
        num: int | None = None,
        withscores: bool = False,
        score_cast_func: Callable[[Any], Any] = float,
    ) -> list[Any]:
        return self.zrange(
            name, min, max, False, withscores, score_cast_func, True, offset=start, num=num
        )

    def zrevrangebyscore(
        self,
        name: object,
        max: object,
        min: object,
        start: int | None = None,
        num: int | None = None,
        withscores: bool = False,
        score_cast_func: Callable[[Any], Any] = float,
    ) -> list[Any]:
        return self.zrange(
            name, max, min, True, withscores, score_cast_func, True, offset=start, num=num
        )

    def zcount(self, name: object, min: object, max: object) -> int:
        return len(self._by_score(self._zset(name) or ZSet(), min, max))

    def _rank(self, name: object, value: object, reverse: bool, withscore: bool) -> Any:
        zset = self._zset(name) or ZSet()
        ordered = self._ordered(zset)
        if reverse:
            ordered.reverse()
        member = _encode(value)
        for rank, (m, s) in enumerate(ordered):
            if m == member:
                return [rank, s] if withscore else rank
        return None

    def zrank(self, name: object, value: object, withscore: bool = False) -> Any:
        return self._rank(name, value, False, withscore)

    def zrevrank(self, name: object, value: object, withscore: bool = False) -> Any:
        return self._rank(name, value, True, withscore)

    def zremrangebyscore(self, name: object, min: object, max: object) -> int:
        zset = self._zset(name)
        if not zset:
            return 0
        doomed = self._by_score(zset, min, max)
        for member, _ in doomed:
            del zset[member]
        self._changed(_encode(name))
        return len(doomed)

    def _zpop(self, name: object, count: int | None, highest: bool) -> list[Any]:
        zset = self._zset(name)
        if not zset:
            return []
        ordered = self._ordered(zset)
        if highest:
            ordered.reverse()
        popped = ordered[: 1 if count is None else count]
        for member, _ in popped:
            del zset[member]
        self._changed(_encode(name))
        return self._emit_range(popped, True, float)

    def zpopmin(self, name: object, count: int | None = None) -> list[Any]:
        return self._zpop(name, count, highest=False)

    def zpopmax(self, name: object, count: int | None = None) -> list[Any]:
        return self._zpop(name, count, highest=True)

    def zremrangebyrank(self, name: object, min: int, max: int) -> int:
        zset = self._zset(name)
        if not zset:
            return 0
        ordered = self._ordered(zset)
        window = _index_slice(len(ordered), int(min), int(max))
        doomed = [] if window is None else ordered[window]
        for member, _ in doomed:
            del zset[member]
        self._changed(_encode(name))
        return len(doomed)


def _list_or_args(keys: object, args: tuple[object, ...]) -> list[object]:
    """redis-py's list_or_args: a single key or an iterable of keys, plus more positional keys."""
    if isinstance(keys, bytes | str | int | float | memoryview):
        names: list[object] = [keys]
    else:
        names = list(keys)  # type: ignore[call-overload]
    names.extend(args)
    return names


SUPPORTED_COMMANDS: frozenset[str] = frozenset(
    name
    for name, member in vars(FallbackStore).items()
    if not name.startswith("_")
    and callable(member)
    and name not in {"supports", "snapshot", "clear"}
)
