"""What `ResilientRedis` and `AsyncResilientRedis` share: the parts that do no I/O.

Construction, status, counting, the checks and bookkeeping around the fallback, replay planning
and tallies, and pipeline command buffering live here once. The sync client (`client.py`) and the
asyncio client (`client_async.py`) keep only what talks to Redis, awaits or takes a lock.
"""

from __future__ import annotations

import contextlib
import logging
import random
from collections.abc import Callable, Iterable
from typing import Any, Literal, Self

import redis
from redis.exceptions import ResponseError

from redisdoctor.backoff import BackoffPolicy
from redisdoctor.clock import Clock, SystemClock
from redisdoctor.errors import CategorizedError, UsageError
from redisdoctor.fallback import SUPPORTED_COMMANDS, FallbackStore, StoredKey, ZSet
from redisdoctor.redact import redact_text, redact_url
from redisdoctor.state import ClientEvent, ClientState, ConnectionState
from redisdoctor.taxonomy import Category, classify_exception

OnRecovery = Literal["replay", "discard"]

# One queued pipeline command: the redis-py method's name and its arguments.
PipelineCommand = tuple[str, tuple[Any, ...], dict[str, Any]]

# What makes the client fall back: redis-py's connection-level failures. AuthenticationError,
# BusyLoadingError (LOADING) and "max number of clients reached" are ConnectionError subclasses
# or instances; plain command errors (WRONGTYPE, OOM, READONLY...) go to the caller unchanged.
FAILOVER_ERRORS: tuple[type[BaseException], ...] = (
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)

# What fails a recovery attempt: anything redis-py or the socket layer raises.
ATTEMPT_ERRORS: tuple[type[BaseException], ...] = (redis.exceptions.RedisError, OSError)

# Commands with no honest in-memory meaning; while degraded they raise UnavailableCommandError
# (as does any other command the fallback does not implement). Listed for the docs and tests;
# each is a redis.Redis method (SUBSCRIBE is reached through pubsub()).
UNSERVED_EXAMPLES: tuple[str, ...] = (
    "publish",
    "pubsub",
    "blpop",
    "brpop",
    "blmove",
    "brpoplpush",
    "bzpopmin",
    "bzpopmax",
    "eval",
    "evalsha",
    "fcall",
    "register_script",
    "lock",
    "transaction",
    "cluster",
    "info",
    "config_get",
    "config_set",
)

# Seconds; explicit so that one call never blocks for long (redis-py 8 defaults to 5 s, and a
# client built with None has no timeout at all).
DEFAULT_CONNECT_TIMEOUT = 2.0
DEFAULT_SOCKET_TIMEOUT = 2.0


class UnavailableCommandError(CategorizedError, redis.exceptions.ConnectionError):
    """A command the in-memory fallback cannot serve honestly was called while Redis is
    unavailable. Carries the outage's category; also a redis-py ConnectionError, so existing
    ``except redis.ConnectionError`` handlers keep working."""

    def __init__(self, command: str, category: Category) -> None:
        super().__init__(
            f"Redis is unavailable ({category}) and {command!r} has no in-memory fallback",
            category,
        )
        self.command = command


def bound_client(client: Any, retry: Any) -> None:
    """Make a wrapped client's calls short: redis-py's own retry off (`retry`: zero retries) and
    timeouts left unset (None) given explicit defaults (for connections made from now on).
    When to try again is the backoff policy's decision; redis-py 8 otherwise retries a refused
    connection 10 times with backoff (about 4 s), and without a timeout a silent host holds a
    call for minutes."""
    client.set_retry(retry)
    kwargs = client.connection_pool.connection_kwargs
    if kwargs.get("socket_connect_timeout") is None:
        kwargs["socket_connect_timeout"] = DEFAULT_CONNECT_TIMEOUT
    if kwargs.get("socket_timeout") is None:
        kwargs["socket_timeout"] = DEFAULT_SOCKET_TIMEOUT


def url_scheme(url: str) -> str:
    """The URL's scheme, lower-cased; UsageError unless redis://, rediss:// or unix://."""
    scheme = url.split("://", 1)[0].lower() if "://" in url else ""
    if scheme not in ("redis", "rediss", "unix"):
        raise UsageError(
            f"unsupported URL scheme in {redact_url(url)!r}: use redis://, rediss:// or unix://"
        )
    return scheme


def client_from_url(factory: Callable[..., Any], url: str, kwargs: dict[str, Any]) -> Any:
    """`factory(url, **kwargs)` (a redis-py ``from_url``), its ValueError a redacted UsageError."""
    try:
        return factory(url, **kwargs)
    except ValueError as exc:
        raise UsageError(redact_text(str(exc))) from None


def errno_of(exc: BaseException) -> int | None:
    """The first OSError errno along an exception's cause/context chain."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno is not None:
            return current.errno
        current = current.__cause__ or current.__context__
    return None


def target_of(client: Any) -> str:
    """host:port or the socket path of a client's pool, for log lines (no credentials)."""
    kwargs = client.connection_pool.connection_kwargs
    if kwargs.get("path"):
        return str(kwargs["path"])
    host = kwargs.get("host", "localhost")
    return f"{host}:{kwargs.get('port', 6379)}"


def _eviction_reporter(
    on_event: Callable[[ClientEvent], None] | None, clock: Clock
) -> Callable[[bytes], None] | None:
    """The fallback's on_evict hook: an "evicted" event per key the bound pushed out."""
    if on_event is None:
        return None

    def evicted(key: bytes) -> None:
        on_event(ClientEvent("evicted", clock.monotonic(), message=repr(key)))

    return evicted


def queue_restore(pipe: Any, entry: StoredKey) -> None:
    """Queue the writes that recreate a hash/list/set/zset (and its TTL) on a MULTI pipeline."""
    value = entry.value
    if isinstance(value, ZSet):
        pipe.zadd(entry.key, dict(value))
    elif isinstance(value, dict):
        pipe.hset(entry.key, mapping=value)
    elif isinstance(value, list):
        pipe.rpush(entry.key, *value)
    elif isinstance(value, set):
        pipe.sadd(entry.key, *value)
    if entry.pttl:
        pipe.pexpire(entry.key, entry.pttl)


class ReplayTally:
    """One settlement's replay outcomes, also added to the client's running counters as they
    happen (so a replay cut short by a connection failure still counts what it wrote)."""

    def __init__(self, owner: ClientCore) -> None:
        self._owner = owner
        self.replayed = self.skipped = self.errors = 0

    def add(self, written: bool | None) -> None:
        """True: written; False: Redis held the key; None: Redis refused the write."""
        owner = self._owner
        if written is None:
            self.errors += 1
            owner.replay_errors += 1
        elif written:
            self.replayed += 1
            owner.replayed += 1
        else:
            self.skipped += 1
            owner.skipped += 1

    def note(self) -> str:
        note = (
            f"fallback keys: {self.replayed} replayed, {self.skipped} skipped "
            "(Redis already held them; not overwritten)"
        )
        return f"{note}, {self.errors} refused by Redis" if self.errors else note


class ClientCore:
    """State and bookkeeping shared by the sync and asyncio clients (no I/O, no locking).

    Subclasses set `_make_command` (the per-command method factory) and, if status must be read
    under a lock, `_status_lock`.
    """

    _status_lock: Any = contextlib.nullcontext()

    _redis: Any

    def _init_core(
        self,
        client: Any,
        *,
        clock: Clock | None,
        rng: random.Random | None,
        policy: BackoffPolicy,
        log_window: float,
        on_recovery: OnRecovery,
        fallback_max_keys: int,
        fallback_max_bytes: int,
        on_event: Callable[[ClientEvent], None] | None,
        logger: logging.Logger | None,
        target: str | None,
    ) -> None:
        self._redis = client
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.rng = rng if rng is not None else random.Random()
        self.on_recovery: OnRecovery = on_recovery
        self.target = redact_text(target if target is not None else target_of(client))
        self._state = ConnectionState(
            clock=self.clock,
            rng=self.rng,
            policy=policy,
            log_window=log_window,
            logger=logger,
            target=self.target,
            on_event=on_event,
        )
        # the state machine's guarded callback: one error count for every event kind
        on_event = self.on_event = self._state.on_event
        pool_kwargs = client.connection_pool.connection_kwargs
        self._store = FallbackStore(
            clock=self.clock,
            max_keys=fallback_max_keys,
            max_bytes=fallback_max_bytes,
            decode_responses=bool(pool_kwargs.get("decode_responses", False)),
            encoding=str(pool_kwargs.get("encoding", "utf-8")),
            encoding_errors=str(pool_kwargs.get("encoding_errors", "strict")),
            rng=self.rng,
            on_evict=_eviction_reporter(on_event, self.clock),
        )
        self._healthy = True
        self.fallback_ops = 0
        self.replayed = 0
        self.skipped = 0
        self.dropped = 0
        self.replay_errors = 0

    @staticmethod
    def _make_command(name: str) -> Callable[..., Any]:
        """The method that runs redis-py command `name` with the fallback (per subclass)."""
        raise NotImplementedError

    @staticmethod
    def _check_on_recovery(on_recovery: str) -> None:
        if on_recovery not in ("replay", "discard"):
            raise UsageError(f"on_recovery must be 'replay' or 'discard', not {on_recovery!r}")

    # ----------------------------------------------------------------------------------------
    # Public surface
    # ----------------------------------------------------------------------------------------

    @property
    def state(self) -> ClientState:
        return self._state.state

    @property
    def connection_state(self) -> ConnectionState:
        """The policy state machine (read-only use: it is driven by this client)."""
        return self._state

    def get_status(self) -> dict[str, object]:
        """The seed's status fields, plus state, last error, outage, fallback and replay figures."""
        with self._status_lock:
            status = self._state.status()
        status.update(
            {
                "fallback_ops": self.fallback_ops,
                "fallback_keys": len(self._store),
                "fallback_bytes": self._store.bytes_used,
                "fallback_evictions": self._store.evictions,
                "fallback_expired": self._store.expired,
                "on_recovery": self.on_recovery,
                "replayed": self.replayed,
                "skipped": self.skipped,
                "dropped": self.dropped,
                "replay_errors": self.replay_errors,
            }
        )
        return status

    def __getattr__(self, name: str) -> Any:
        # Commands the fallback does not serve: redis-py's while healthy, typed error otherwise.
        if name.startswith("_"):
            raise AttributeError(name)
        attribute = getattr(self._redis, name)
        if not callable(attribute):
            return attribute
        return type(self)._make_command(name).__get__(self)

    # ----------------------------------------------------------------------------------------
    # Failure and fallback bookkeeping (callers hold whatever lock their flavour needs)
    # ----------------------------------------------------------------------------------------

    def _category(self) -> Category:
        return self._state.last_category or Category.OTHER

    def _record_failure(self, exc: BaseException) -> None:
        self._state.record_failure(classify_exception(exc), str(exc), errno=errno_of(exc))

    def _start_outage(self, exc: BaseException) -> bool:
        """Mark the client degraded and record why; False if it already was."""
        if not self._healthy:
            return False
        self._healthy = False
        self._record_failure(exc)
        return True

    def _recovered(self, note: str) -> None:
        self._healthy = True  # first: a callback's command goes to Redis
        self._state.record_success(note)

    def _unservable(self, name: str) -> UnavailableCommandError:
        return UnavailableCommandError(name, self._category())

    def _check_pipeline_servable(self, commands: Iterable[PipelineCommand]) -> None:
        for name, _, _ in commands:
            if name not in SUPPORTED_COMMANDS:
                raise self._unservable(name)

    def _serve(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """One command on the fallback (caller holds the store's lock)."""
        # Counted before the call: an answer such as WRONGTYPE is served too.
        self.fallback_ops += 1
        return getattr(self._store, name)(*args, **kwargs)

    def _report_fallback_op(self, name: str) -> None:
        # Called outside the store's lock: callbacks may block.
        if self.on_event is not None:
            self.on_event(ClientEvent("fallback_op", self.clock.monotonic(), message=name))

    def _serve_pipeline(self, commands: list[PipelineCommand]) -> list[Any]:
        """A pipeline's commands on the fallback (caller holds the store's lock); a command
        error is kept in place of its result, as redis-py does."""
        store = self._store
        results: list[Any] = []
        for name, args, kwargs in commands:
            try:
                results.append(getattr(store, name)(*args, **kwargs))
            except ResponseError as error:
                results.append(error)
        self.fallback_ops += len(commands)
        return results

    def _finish_fallback_pipeline(self, results: list[Any], raise_on_error: bool) -> list[Any]:
        """One "fallback_op" event for the pipeline the fallback ran (`count`: its command
        count); then its first command error raised if asked."""
        if results and self.on_event is not None:
            self.on_event(
                ClientEvent(
                    "fallback_op", self.clock.monotonic(), message="pipeline", count=len(results)
                )
            )
        if raise_on_error:
            for item in results:
                if isinstance(item, ResponseError):
                    raise item
        return results

    # ----------------------------------------------------------------------------------------
    # Settling the fallback on recovery (the Redis writes are the subclass's)
    # ----------------------------------------------------------------------------------------

    def _discard_fallback(self) -> str:
        dropped = self._store.clear()
        self.dropped += dropped
        return f"discarded {dropped} fallback keys (on_recovery=discard)"

    def _replay_entries(self) -> list[StoredKey]:
        # A key whose TTL ran out meanwhile is not written back (it would have expired anyway).
        return [e for e in self._store.snapshot() if e.pttl is None or e.pttl > 0]

    def _replayed(self, tally: ReplayTally, entry: StoredKey, written: bool | None) -> None:
        """Count one key's replay outcome and drop it from the store."""
        tally.add(written)
        self._store.delete(entry.key)

    def _settled(self, tally: ReplayTally) -> str:
        self._store.clear()
        return tally.note()


class PipelineCore:
    """Command buffering shared by the sync and asyncio pipelines."""

    def __init__(self, owner: Any, transaction: bool = True) -> None:
        self._owner = owner
        self._transaction = transaction
        self._commands: list[PipelineCommand] = []

    def __getattr__(self, name: str) -> Callable[..., Self]:
        if name.startswith("_") or name in ("watch", "multi", "unwatch"):
            raise AttributeError(name)

        def queue(*args: Any, **kwargs: Any) -> Any:  # Self: the pipeline, for chaining
            self._commands.append((name, args, kwargs))
            return self

        return queue

    def __len__(self) -> int:
        return len(self._commands)

    def _take(self) -> list[PipelineCommand]:
        commands, self._commands = self._commands, []
        return commands
