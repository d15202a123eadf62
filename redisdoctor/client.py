"""ResilientRedis: a redis-py client that degrades to a bounded in-memory store instead of
flooding the logs when Redis goes away, and comes back on a backoff schedule.

Healthy, every command goes straight to redis-py. On a connection failure (DNS, refused, timeout,
reset, TLS, auth, LOADING, max clients: redis-py's ConnectionError/TimeoutError family) the error
is classified with the shared taxonomy, the client switches to the `FallbackStore`, and
`ConnectionState` schedules the next attempt with the backoff policy. Between attempts nothing
touches the network. The next operation after an attempt falls due (or the optional background
thread) runs exactly one recovery attempt (PING); other threads keep using the fallback meanwhile.
On success, keys written during the outage are replayed to Redis without clobbering (or
discarded), and the recovery is logged once.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
from collections.abc import AsyncIterator, Callable
from typing import Any, Literal

import redis
from redis.backoff import NoBackoff
from redis.exceptions import ResponseError, WatchError
from redis.retry import Retry

from redisdoctor.backoff import BackoffPolicy
from redisdoctor.clock import Clock, SystemClock
from redisdoctor.errors import CategorizedError, UsageError
from redisdoctor.fallback import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_KEYS,
    SUPPORTED_COMMANDS,
    FallbackStore,
    StoredKey,
    ZSet,
)
from redisdoctor.redact import redact_text, redact_url
from redisdoctor.resolve import Resolver
from redisdoctor.state import ClientEvent, ClientState, ConnectionState
from redisdoctor.taxonomy import Category, classify_exception
from redisdoctor.throttle import DEFAULT_WINDOW

OnRecovery = Literal["replay", "discard"]

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

_REPLAY_BATCH = 256

# Seconds; explicit so that one call never blocks for long (redis-py 8 defaults to 5 s, and a
# client built with None has no timeout at all).
DEFAULT_CONNECT_TIMEOUT = 2.0
DEFAULT_SOCKET_TIMEOUT = 2.0


def _bound_client(client: Any, retry: Any) -> None:
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


def _errno_of(exc: BaseException) -> int | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, OSError) and current.errno is not None:
            return current.errno
        current = current.__cause__ or current.__context__
    return None


def _eviction_reporter(
    on_event: Callable[[ClientEvent], None] | None, clock: Clock
) -> Callable[[bytes], None] | None:
    """The fallback's on_evict hook: an "evicted" event per key the bound pushed out."""
    if on_event is None:
        return None

    def evicted(key: bytes) -> None:
        on_event(ClientEvent("evicted", clock.monotonic(), message=repr(key)))

    return evicted


def _report_pipeline(
    on_event: Callable[[ClientEvent], None] | None, clock: Clock, served: int
) -> None:
    """One "fallback_op" event for a pipeline the fallback ran; `count` is its command count."""
    if served and on_event is not None:
        on_event(ClientEvent("fallback_op", clock.monotonic(), message="pipeline", count=served))


def _target_of(client: redis.Redis) -> str:
    """host:port or the socket path of a client's pool, for log lines (no credentials)."""
    kwargs = client.connection_pool.connection_kwargs
    if kwargs.get("path"):
        return str(kwargs["path"])
    host = kwargs.get("host", "localhost")
    return f"{host}:{kwargs.get('port', 6379)}"


def _make_command(name: str) -> Callable[..., Any]:
    def command(self: ResilientRedis, *args: Any, **kwargs: Any) -> Any:
        if self._healthy:
            try:
                return getattr(self._redis, name)(*args, **kwargs)
            except FAILOVER_ERRORS as exc:
                self._on_failure(exc)
        return self._degraded(name, args, kwargs)

    command.__name__ = name
    command.__qualname__ = f"ResilientRedis.{name}"
    command.__doc__ = f"redis-py ``{name}``; served from the in-memory fallback while degraded."
    return command


class ResilientRedis:
    """A redis-py client with backoff, throttled logging, an in-memory fallback and recovery.

    Construct with `from_url` or around an existing `redis.Redis` / `ConnectionPool`. Thread-safe.
    Command methods are redis-py's (see `redisdoctor.fallback.SUPPORTED_COMMANDS` for those the
    fallback serves); any other redis-py attribute is passed through while healthy. A wrapped
    client's own retry is turned off and its unset timeouts get 2 s defaults, unless
    `keep_client_settings=True`.
    """

    def __init__(
        self,
        client_or_pool: redis.Redis | redis.ConnectionPool,
        *,
        clock: Clock | None = None,
        rng: random.Random | None = None,
        policy: BackoffPolicy = BackoffPolicy(),  # noqa: B008 (frozen, compared by value)
        log_window: float = DEFAULT_WINDOW,
        on_recovery: OnRecovery = "replay",
        fallback_max_keys: int = DEFAULT_MAX_KEYS,
        fallback_max_bytes: int = DEFAULT_MAX_BYTES,
        on_event: Callable[[ClientEvent], None] | None = None,
        logger: logging.Logger | None = None,
        background_recovery: bool = False,
        target: str | None = None,
        keep_client_settings: bool = False,
    ) -> None:
        if on_recovery not in ("replay", "discard"):
            raise UsageError(f"on_recovery must be 'replay' or 'discard', not {on_recovery!r}")
        if isinstance(client_or_pool, redis.ConnectionPool):
            client_or_pool = redis.Redis(connection_pool=client_or_pool)
        if not keep_client_settings:
            _bound_client(client_or_pool, Retry(NoBackoff(), 0))
        self._redis: redis.Redis = client_or_pool
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.rng = rng if rng is not None else random.Random()
        self.on_recovery: OnRecovery = on_recovery
        self.on_event = on_event
        self.target = redact_text(target if target is not None else _target_of(self._redis))
        self._state = ConnectionState(
            clock=self.clock,
            rng=self.rng,
            policy=policy,
            log_window=log_window,
            logger=logger,
            target=self.target,
            on_event=on_event,
        )
        pool_kwargs = self._redis.connection_pool.connection_kwargs
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
        # Re-entrant: on_event callbacks run under it and may call get_status() or a command.
        self._lock = threading.RLock()  # guards state transitions
        self._attempt_lock = threading.Lock()  # one recovery attempt at a time
        self.fallback_ops = 0
        self.replayed = 0
        self.skipped = 0
        self.dropped = 0
        self.replay_errors = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if background_recovery:
            self._thread = threading.Thread(
                target=self._background, name="redisdoctor-recovery", daemon=True
            )
            self._thread.start()

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        clock: Clock | None = None,
        rng: random.Random | None = None,
        policy: BackoffPolicy = BackoffPolicy(),  # noqa: B008
        log_window: float = DEFAULT_WINDOW,
        on_recovery: OnRecovery = "replay",
        fallback_max_keys: int = DEFAULT_MAX_KEYS,
        fallback_max_bytes: int = DEFAULT_MAX_BYTES,
        socket_connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        socket_timeout: float = DEFAULT_SOCKET_TIMEOUT,
        resolver: Resolver | None = None,
        on_event: Callable[[ClientEvent], None] | None = None,
        logger: logging.Logger | None = None,
        background_recovery: bool = False,
        **redis_kwargs: Any,
    ) -> ResilientRedis:
        """A client for a redis://, rediss:// or unix:// URL.

        redis-py's own retries are disabled (``Retry(NoBackoff(), 0)``: the backoff policy decides
        when to try again) and both timeouts are explicit, so one call never blocks longer than
        `socket_connect_timeout` + `socket_timeout`. `resolver` routes name lookups through a
        `redisdoctor.resolve.Resolver` (default: the system resolver). Other keyword arguments
        go to redis-py.
        """
        scheme = url.split("://", 1)[0].lower() if "://" in url else ""
        if scheme not in ("redis", "rediss", "unix"):
            raise UsageError(
                f"unsupported URL scheme in {redact_url(url)!r}: use redis://, rediss:// or unix://"
            )
        kwargs: dict[str, Any] = {
            "socket_connect_timeout": socket_connect_timeout,
            "socket_timeout": socket_timeout,
            "retry": Retry(NoBackoff(), 0),
            "retry_on_timeout": False,
        }
        kwargs.update(redis_kwargs)
        try:
            client = redis.Redis.from_url(url, **kwargs)
        except ValueError as exc:
            raise UsageError(redact_text(str(exc))) from None
        if resolver is not None and scheme != "unix":
            from redisdoctor.connection import ResolvingConnection, ResolvingSSLConnection

            pool = client.connection_pool
            pool.connection_class = (
                ResolvingSSLConnection if scheme == "rediss" else ResolvingConnection
            )
            pool.connection_kwargs["resolver"] = resolver
        return cls(
            client,
            clock=clock,
            rng=rng,
            policy=policy,
            log_window=log_window,
            on_recovery=on_recovery,
            fallback_max_keys=fallback_max_keys,
            fallback_max_bytes=fallback_max_bytes,
            on_event=on_event,
            logger=logger,
            background_recovery=background_recovery,
            keep_client_settings=True,  # as configured above, or as the caller overrode it
        )

    # ----------------------------------------------------------------------------------------
    # Public surface
    # ----------------------------------------------------------------------------------------

    @property
    def redis(self) -> redis.Redis:
        """The wrapped redis-py client (unprotected: no fallback, no backoff)."""
        return self._redis

    @property
    def state(self) -> ClientState:
        return self._state.state

    @property
    def connection_state(self) -> ConnectionState:
        """The policy state machine (read-only use: it is driven under this client's lock)."""
        return self._state

    @property
    def fallback(self) -> FallbackStore:
        return self._store

    def get_status(self) -> dict[str, object]:
        """The seed's status fields, plus state, last error, outage, fallback and replay figures."""
        with self._lock:
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

    def ping(self, **kwargs: Any) -> bool:
        """PING. While degraded: False without touching the network, unless an attempt is due
        (then the attempt's outcome)."""
        if self._healthy:
            try:
                return bool(self._redis.ping(**kwargs))
            except FAILOVER_ERRORS as exc:
                self._on_failure(exc)
                return False
        self._maybe_recover()
        return self._healthy

    def pipeline(
        self, transaction: bool = True, shard_hint: str | None = None
    ) -> ResilientPipeline:
        """A pipeline that runs on Redis when healthy and on the fallback when degraded."""
        return ResilientPipeline(self, transaction)

    def recover_now(self) -> bool:
        """Run a recovery attempt now even if none is due (for operators); True when healthy."""
        if self._healthy:
            return True
        with self._attempt_lock:
            if not self._healthy:
                self._attempt()
        return self._healthy

    def close(self) -> None:
        """Stop the background thread (if any) and close redis-py's connections."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._redis.close()

    def __enter__(self) -> ResilientRedis:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"ResilientRedis(target={self.target!r}, state={self._state.state.value!r})"

    def __getattr__(self, name: str) -> Any:
        # Commands the fallback does not serve: redis-py's while healthy, typed error otherwise.
        if name.startswith("_"):
            raise AttributeError(name)
        attribute = getattr(self._redis, name)
        if not callable(attribute):
            return attribute
        return _make_command(name).__get__(self)

    # ----------------------------------------------------------------------------------------
    # Failure, fallback, recovery
    # ----------------------------------------------------------------------------------------

    def _on_failure(self, exc: BaseException) -> None:
        """A healthy operation failed at the connection level: start the outage (once)."""
        with self._lock:
            if not self._healthy:
                return
            self._healthy = False
            self._record_failure(exc)
        self._drop_connections()

    def _record_failure(self, exc: BaseException) -> None:
        # Caller holds self._lock.
        self._state.record_failure(classify_exception(exc), str(exc), errno=_errno_of(exc))

    def _drop_connections(self) -> None:
        # Idle connections only: closing one another thread is using would surface as a
        # ValueError ("I/O operation on closed file") there. redis-py drops a connection that
        # failed, and the pool reconnects one that went stale.
        with contextlib.suppress(Exception):
            self._redis.connection_pool.disconnect(inuse_connections=False)

    def _maybe_recover(self) -> None:
        if self._state.attempt_due() and self._attempt_lock.acquire(blocking=False):
            try:
                if not self._healthy and self._state.attempt_due():
                    self._attempt()
            finally:
                self._attempt_lock.release()

    def _degraded(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        self._maybe_recover()
        store = self._store
        if name not in SUPPORTED_COMMANDS:
            if self._healthy:
                return getattr(self, name)(*args, **kwargs)
            raise UnavailableCommandError(name, self._category())
        handler = getattr(store, name)
        served = False
        try:
            with store.lock:
                if not self._healthy:
                    # Counted before the call: an answer such as WRONGTYPE is served too.
                    served = True
                    self.fallback_ops += 1
                    return handler(*args, **kwargs)
        finally:
            if served and self.on_event is not None:  # outside the lock: callbacks may block
                self.on_event(ClientEvent("fallback_op", self.clock.monotonic(), message=name))
        # Recovered meanwhile: the store was replayed; Redis serves this call.
        return getattr(self, name)(*args, **kwargs)

    def _category(self) -> Category:
        return self._state.last_category or Category.OTHER

    def _attempt(self) -> None:
        """One recovery attempt (caller holds _attempt_lock): PING, then replay or discard."""
        with self._lock:
            self._state.begin_attempt()
        try:
            self._drop_connections()
            self._redis.ping()
            with self._store.lock:
                note = self._settle_fallback()
                with self._lock:
                    self._healthy = True  # first: a callback's command goes to Redis
                    self._state.record_success(note)
        except ATTEMPT_ERRORS as exc:
            # Any Redis or socket error fails the attempt (NOPERM on PING, OOM on replay...):
            # re-raising it would leave the attempt due and send every call to the network.
            with self._lock:
                self._record_failure(exc)
            self._drop_connections()
        except BaseException:
            with self._lock:
                self._state.abandon_attempt()
            raise

    def _settle_fallback(self) -> str:
        """Replay or discard the keys written during the outage (caller holds the store lock).
        A connection failure mid-replay propagates; keys not yet replayed stay in the store."""
        if self.on_recovery == "discard":
            dropped = self._store.clear()
            self.dropped += dropped
            return f"discarded {dropped} fallback keys (on_recovery=discard)"
        replayed = skipped = errors = 0
        # A key whose TTL ran out meanwhile is not written back (it would have expired anyway).
        entries = [e for e in self._store.snapshot() if e.pttl is None or e.pttl > 0]
        strings = [e for e in entries if isinstance(e.value, bytes)]
        for start in range(0, len(strings), _REPLAY_BATCH):
            batch = strings[start : start + _REPLAY_BATCH]
            pipe = self._redis.pipeline(transaction=False)
            for entry in batch:
                # NX: a value Redis already holds wins; PX: the remaining TTL travels along.
                pipe.set(entry.key, entry.value, nx=True, px=entry.pttl)  # type: ignore[arg-type]
            results = pipe.execute(raise_on_error=False)
            for entry, result in zip(batch, results, strict=True):
                if isinstance(result, FAILOVER_ERRORS):
                    raise result  # the connection went: keep the rest for the next attempt
                if isinstance(result, Exception):  # e.g. OOM: counted, not retried forever
                    errors += 1
                    self.replay_errors += 1
                elif result:
                    replayed += 1
                    self.replayed += 1
                else:
                    skipped += 1
                    self.skipped += 1
                self._store.delete(entry.key)
        for entry in entries:
            if isinstance(entry.value, bytes):
                continue
            outcome = self._replay_container(entry)
            if outcome is None:
                errors += 1
                self.replay_errors += 1
            elif outcome:
                replayed += 1
                self.replayed += 1
            else:
                skipped += 1
                self.skipped += 1
            self._store.delete(entry.key)
        self._store.clear()
        note = (
            f"fallback keys: {replayed} replayed, {skipped} skipped "
            "(Redis already held them; not overwritten)"
        )
        return f"{note}, {errors} refused by Redis" if errors else note

    def _replay_container(self, entry: StoredKey) -> bool | None:
        """Write a hash/list/set/zset only if Redis does not hold the key (WATCH + MULTI).
        True: written; False: Redis held it; None: Redis refused the write (e.g. OOM)."""
        with self._redis.pipeline(transaction=True) as pipe:
            try:
                pipe.watch(entry.key)  # type: ignore[no-untyped-call]
                if pipe.exists(entry.key):
                    pipe.unwatch()
                    return False
                pipe.multi()
                value = entry.value
                if isinstance(value, ZSet):
                    pipe.zadd(entry.key, dict(value))
                elif isinstance(value, dict):
                    pipe.hset(entry.key, mapping=value)  # type: ignore[arg-type]
                elif isinstance(value, list):
                    pipe.rpush(entry.key, *value)
                elif isinstance(value, set):
                    pipe.sadd(entry.key, *value)
                if entry.pttl:
                    pipe.pexpire(entry.key, entry.pttl)
                pipe.execute()
                return True
            except WatchError:
                return False
            except ResponseError:
                return None

    def _background(self) -> None:
        while True:
            wait = self._state.next_retry_in()
            # Real-time pacing (interruptible by close()); whether an attempt is due is the
            # clock's decision, so a VirtualClock-driven client recovers within 0.25 s too.
            interval = 0.25 if wait is None else min(max(wait, 0.02), 0.25)
            if self._stop.wait(interval):
                return
            if not self._healthy:
                self._maybe_recover()

    # ----------------------------------------------------------------------------------------
    # Pipelines
    # ----------------------------------------------------------------------------------------

    def _execute_pipeline(
        self,
        commands: list[tuple[str, tuple[Any, ...], dict[str, Any]]],
        transaction: bool,
        raise_on_error: bool,
    ) -> list[Any]:
        if self._healthy:
            try:
                pipe = self._redis.pipeline(transaction=transaction)
                for name, args, kwargs in commands:
                    getattr(pipe, name)(*args, **kwargs)
                return pipe.execute(raise_on_error=raise_on_error)
            except FAILOVER_ERRORS as exc:
                self._on_failure(exc)
        self._maybe_recover()
        for name, _, _ in commands:
            if name not in SUPPORTED_COMMANDS and not self._healthy:
                raise UnavailableCommandError(name, self._category())
        store = self._store
        results: list[Any] = []
        with store.lock:
            if not self._healthy:
                for name, args, kwargs in commands:
                    try:
                        results.append(getattr(store, name)(*args, **kwargs))
                    except ResponseError as error:
                        results.append(error)
                self.fallback_ops += len(commands)
        if self._healthy and not results and commands:
            return self._execute_pipeline(commands, transaction, raise_on_error)
        _report_pipeline(self.on_event, self.clock, len(results))
        if raise_on_error:
            for item in results:
                if isinstance(item, ResponseError):
                    raise item
        return results

    # Commands the fallback serves get real methods (set below) so the healthy path is one
    # attribute check and a call; __getattr__ covers the rest of redis-py for type checkers.


for _name in sorted(SUPPORTED_COMMANDS):
    setattr(ResilientRedis, _name, _make_command(_name))


class ResilientPipeline:
    """Queues commands; `execute()` runs them on Redis when healthy, else on the fallback
    (atomically under the store's lock, so ``transaction=True`` keeps its all-at-once meaning).
    WATCH-based optimistic transactions are not offered: use ``client.redis.pipeline()``."""

    def __init__(self, owner: ResilientRedis, transaction: bool = True) -> None:
        self._owner = owner
        self._transaction = transaction
        self._commands: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Callable[..., ResilientPipeline]:
        if name.startswith("_") or name in ("watch", "multi", "unwatch"):
            raise AttributeError(name)

        def queue(*args: Any, **kwargs: Any) -> ResilientPipeline:
            self._commands.append((name, args, kwargs))
            return self

        return queue

    def __len__(self) -> int:
        return len(self._commands)

    def __enter__(self) -> ResilientPipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.reset()

    def reset(self) -> None:
        self._commands = []

    def execute(self, raise_on_error: bool = True) -> list[Any]:
        commands, self._commands = self._commands, []
        if not commands:
            return []
        return self._owner._execute_pipeline(commands, self._transaction, raise_on_error)


# --------------------------------------------------------------------------------------------
# asyncio twin
# --------------------------------------------------------------------------------------------


def _make_async_command(name: str) -> Callable[..., Any]:
    async def command(self: AsyncResilientRedis, *args: Any, **kwargs: Any) -> Any:
        if self._healthy:
            try:
                return await getattr(self._redis, name)(*args, **kwargs)
            except FAILOVER_ERRORS as exc:
                await self._on_failure(exc)
        return await self._degraded(name, args, kwargs)

    command.__name__ = name
    command.__qualname__ = f"AsyncResilientRedis.{name}"
    command.__doc__ = f"redis-py asyncio ``{name}``; served from the fallback while degraded."
    return command


class AsyncResilientRedis:
    """`ResilientRedis` for `redis.asyncio`: the same `ConnectionState` (schedule, log lines,
    status) and `FallbackStore`; fallback commands are awaited like redis-py's.

    One event loop per client. The recovery attempt runs in the first coroutine that finds it
    due; others keep being served by the fallback, and wait only while the replay runs.
    """

    def __init__(
        self,
        client: Any,
        *,
        clock: Clock | None = None,
        rng: random.Random | None = None,
        policy: BackoffPolicy = BackoffPolicy(),  # noqa: B008
        log_window: float = DEFAULT_WINDOW,
        on_recovery: OnRecovery = "replay",
        fallback_max_keys: int = DEFAULT_MAX_KEYS,
        fallback_max_bytes: int = DEFAULT_MAX_BYTES,
        on_event: Callable[[ClientEvent], None] | None = None,
        logger: logging.Logger | None = None,
        target: str | None = None,
        keep_client_settings: bool = False,
    ) -> None:
        import asyncio

        from redis.asyncio.retry import Retry as AsyncRetry

        if on_recovery not in ("replay", "discard"):
            raise UsageError(f"on_recovery must be 'replay' or 'discard', not {on_recovery!r}")
        if not keep_client_settings:
            _bound_client(client, AsyncRetry(NoBackoff(), 0))
        self._redis = client
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.rng = rng if rng is not None else random.Random()
        self.on_recovery: OnRecovery = on_recovery
        self.on_event = on_event
        self.target = redact_text(target if target is not None else _target_of(client))
        self._state = ConnectionState(
            clock=self.clock,
            rng=self.rng,
            policy=policy,
            log_window=log_window,
            logger=logger,
            target=self.target,
            on_event=on_event,
        )
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
        self._store_lock = asyncio.Lock()  # held across the replay's awaits
        self._attempting = False
        self.fallback_ops = 0
        self.replayed = 0
        self.skipped = 0
        self.dropped = 0
        self.replay_errors = 0

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        socket_connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
        socket_timeout: float = DEFAULT_SOCKET_TIMEOUT,
        clock: Clock | None = None,
        rng: random.Random | None = None,
        policy: BackoffPolicy = BackoffPolicy(),  # noqa: B008
        log_window: float = DEFAULT_WINDOW,
        on_recovery: OnRecovery = "replay",
        fallback_max_keys: int = DEFAULT_MAX_KEYS,
        fallback_max_bytes: int = DEFAULT_MAX_BYTES,
        on_event: Callable[[ClientEvent], None] | None = None,
        logger: logging.Logger | None = None,
        **redis_kwargs: Any,
    ) -> AsyncResilientRedis:
        """As `ResilientRedis.from_url` (explicit timeouts, redis-py retries off), over
        `redis.asyncio`. Name lookups use the event loop's resolver."""
        import redis.asyncio
        from redis.asyncio.retry import Retry as AsyncRetry

        scheme = url.split("://", 1)[0].lower() if "://" in url else ""
        if scheme not in ("redis", "rediss", "unix"):
            raise UsageError(
                f"unsupported URL scheme in {redact_url(url)!r}: use redis://, rediss:// or unix://"
            )
        kwargs: dict[str, Any] = {
            "socket_connect_timeout": socket_connect_timeout,
            "socket_timeout": socket_timeout,
            "retry": AsyncRetry(NoBackoff(), 0),
        }
        kwargs.update(redis_kwargs)
        try:
            client = redis.asyncio.Redis.from_url(url, **kwargs)
        except ValueError as exc:
            raise UsageError(redact_text(str(exc))) from None
        return cls(
            client,
            clock=clock,
            rng=rng,
            policy=policy,
            log_window=log_window,
            on_recovery=on_recovery,
            fallback_max_keys=fallback_max_keys,
            fallback_max_bytes=fallback_max_bytes,
            on_event=on_event,
            logger=logger,
            keep_client_settings=True,  # as configured above, or as the caller overrode it
        )

    @property
    def redis(self) -> Any:
        return self._redis

    @property
    def state(self) -> ClientState:
        return self._state.state

    @property
    def connection_state(self) -> ConnectionState:
        return self._state

    def get_status(self) -> dict[str, object]:
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

    async def ping(self, **kwargs: Any) -> bool:
        if self._healthy:
            try:
                return bool(await self._redis.ping(**kwargs))
            except FAILOVER_ERRORS as exc:
                await self._on_failure(exc)
                return False
        await self._maybe_recover()
        return self._healthy

    async def aclose(self) -> None:
        await self._redis.aclose()

    async def __aenter__(self) -> AsyncResilientRedis:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        attribute = getattr(self._redis, name)
        if not callable(attribute):
            return attribute
        return _make_async_command(name).__get__(self)

    async def scan_iter(
        self, match: Any = None, count: int | None = None, _type: str | None = None, **kwargs: Any
    ) -> AsyncIterator[Any]:
        """redis-py asyncio ``scan_iter``; the fallback's keys while degraded."""
        if self._healthy:
            try:
                async for key in self._redis.scan_iter(match, count, _type, **kwargs):
                    yield key
                return
            except FAILOVER_ERRORS as exc:
                await self._on_failure(exc)
        _, keys = await self._degraded("scan", (0, match, count, _type), {})
        for key in keys:
            yield key

    def pipeline(
        self, transaction: bool = True, shard_hint: str | None = None
    ) -> AsyncResilientPipeline:
        """A pipeline run on Redis when healthy, on the fallback (atomically) when degraded."""
        return AsyncResilientPipeline(self, transaction)

    async def _execute_pipeline(
        self,
        commands: list[tuple[str, tuple[Any, ...], dict[str, Any]]],
        transaction: bool,
        raise_on_error: bool,
    ) -> list[Any]:
        if self._healthy:
            try:
                async with self._redis.pipeline(transaction=transaction) as pipe:
                    for name, args, kwargs in commands:
                        getattr(pipe, name)(*args, **kwargs)
                    return list(await pipe.execute(raise_on_error=raise_on_error))
            except FAILOVER_ERRORS as exc:
                await self._on_failure(exc)
        await self._maybe_recover()
        if self._healthy:
            return await self._execute_pipeline(commands, transaction, raise_on_error)
        for name, _, _ in commands:
            if name not in SUPPORTED_COMMANDS:
                raise UnavailableCommandError(name, self._state.last_category or Category.OTHER)
        results: list[Any] = []
        async with self._store_lock:
            if self._healthy:
                return await self._execute_pipeline(commands, transaction, raise_on_error)
            with self._store.lock:
                for name, args, kwargs in commands:
                    try:
                        results.append(getattr(self._store, name)(*args, **kwargs))
                    except ResponseError as error:
                        results.append(error)
            self.fallback_ops += len(commands)
        _report_pipeline(self.on_event, self.clock, len(results))
        if raise_on_error:
            for item in results:
                if isinstance(item, ResponseError):
                    raise item
        return results

    async def _on_failure(self, exc: BaseException) -> None:
        if not self._healthy:
            return
        self._healthy = False
        self._state.record_failure(classify_exception(exc), str(exc), errno=_errno_of(exc))
        await self._drop_connections()

    async def _drop_connections(self) -> None:
        with contextlib.suppress(Exception):
            await self._redis.connection_pool.disconnect(inuse_connections=False)

    async def _maybe_recover(self) -> None:
        if self._attempting or not self._state.attempt_due():
            return
        self._attempting = True
        try:
            if not self._healthy:
                await self._attempt()
        finally:
            self._attempting = False

    async def _attempt(self) -> None:
        self._state.begin_attempt()
        try:
            await self._drop_connections()
            await self._redis.ping()
            async with self._store_lock:
                note = await self._settle_fallback()
                self._healthy = True
                self._state.record_success(note)
        except ATTEMPT_ERRORS as exc:
            self._state.record_failure(classify_exception(exc), str(exc), errno=_errno_of(exc))
            await self._drop_connections()
        except BaseException:
            self._state.abandon_attempt()
            raise

    async def _degraded(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        await self._maybe_recover()
        if name not in SUPPORTED_COMMANDS:
            if self._healthy:
                return await getattr(self, name)(*args, **kwargs)
            raise UnavailableCommandError(name, self._state.last_category or Category.OTHER)
        async with self._store_lock:
            if not self._healthy:
                self.fallback_ops += 1  # before the call: an answer such as WRONGTYPE counts
                try:
                    with self._store.lock:
                        return getattr(self._store, name)(*args, **kwargs)
                finally:
                    if self.on_event is not None:
                        self.on_event(
                            ClientEvent("fallback_op", self.clock.monotonic(), message=name)
                        )
        return await getattr(self, name)(*args, **kwargs)

    async def _settle_fallback(self) -> str:
        if self.on_recovery == "discard":
            dropped = self._store.clear()
            self.dropped += dropped
            return f"discarded {dropped} fallback keys (on_recovery=discard)"
        replayed = skipped = errors = 0
        for entry in [e for e in self._store.snapshot() if e.pttl is None or e.pttl > 0]:
            value = entry.value
            try:
                if isinstance(value, bytes):
                    written: bool | None = bool(
                        await self._redis.set(entry.key, value, nx=True, px=entry.pttl)
                    )
                else:
                    written = await self._replay_container(entry)
            except ResponseError:  # e.g. OOM: counted, not retried forever
                written = None
            if written is None:
                errors += 1
                self.replay_errors += 1
            elif written:
                replayed += 1
                self.replayed += 1
            else:
                skipped += 1
                self.skipped += 1
            self._store.delete(entry.key)
        self._store.clear()
        note = (
            f"fallback keys: {replayed} replayed, {skipped} skipped "
            "(Redis already held them; not overwritten)"
        )
        return f"{note}, {errors} refused by Redis" if errors else note

    async def _replay_container(self, entry: StoredKey) -> bool:
        async with self._redis.pipeline(transaction=True) as pipe:
            try:
                await pipe.watch(entry.key)
                if await pipe.exists(entry.key):
                    await pipe.unwatch()
                    return False
                pipe.multi()
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
                await pipe.execute()
                return True
            except WatchError:
                return False


for _name in sorted(SUPPORTED_COMMANDS - {"scan_iter"}):
    setattr(AsyncResilientRedis, _name, _make_async_command(_name))


class AsyncResilientPipeline:
    """`ResilientPipeline` for `AsyncResilientRedis`: queue commands, then ``await execute()``."""

    def __init__(self, owner: AsyncResilientRedis, transaction: bool = True) -> None:
        self._owner = owner
        self._transaction = transaction
        self._commands: list[tuple[str, tuple[Any, ...], dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Callable[..., AsyncResilientPipeline]:
        if name.startswith("_") or name in ("watch", "multi", "unwatch"):
            raise AttributeError(name)

        def queue(*args: Any, **kwargs: Any) -> AsyncResilientPipeline:
            self._commands.append((name, args, kwargs))
            return self

        return queue

    def __len__(self) -> int:
        return len(self._commands)

    async def __aenter__(self) -> AsyncResilientPipeline:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._commands = []

    async def execute(self, raise_on_error: bool = True) -> list[Any]:
        commands, self._commands = self._commands, []
        if not commands:
            return []
        return await self._owner._execute_pipeline(commands, self._transaction, raise_on_error)
