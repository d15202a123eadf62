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

The logic without I/O lives in `client_core` (shared with the asyncio twin in `client_async`,
re-exported here); this module keeps the redis-py calls and the thread locks.
"""

from __future__ import annotations

import contextlib
import logging
import random
import threading
from collections.abc import Callable
from typing import Any

import redis
from redis.backoff import NoBackoff
from redis.exceptions import ResponseError, WatchError
from redis.retry import Retry

from redisdoctor.backoff import BackoffPolicy
from redisdoctor.client_async import AsyncResilientPipeline, AsyncResilientRedis
from redisdoctor.client_core import (
    ATTEMPT_ERRORS,
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_SOCKET_TIMEOUT,
    FAILOVER_ERRORS,
    UNSERVED_EXAMPLES,
    ClientCore,
    OnRecovery,
    PipelineCommand,
    PipelineCore,
    ReplayTally,
    UnavailableCommandError,
    bound_client,
    client_from_url,
    queue_restore,
    url_scheme,
)
from redisdoctor.clock import Clock
from redisdoctor.fallback import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_KEYS,
    SUPPORTED_COMMANDS,
    FallbackStore,
    StoredKey,
)
from redisdoctor.resolve import Resolver
from redisdoctor.state import ClientEvent
from redisdoctor.throttle import DEFAULT_WINDOW

__all__ = [
    "ATTEMPT_ERRORS",
    "DEFAULT_CONNECT_TIMEOUT",
    "DEFAULT_SOCKET_TIMEOUT",
    "FAILOVER_ERRORS",
    "UNSERVED_EXAMPLES",
    "AsyncResilientPipeline",
    "AsyncResilientRedis",
    "OnRecovery",
    "ResilientPipeline",
    "ResilientRedis",
    "UnavailableCommandError",
]

_REPLAY_BATCH = 256


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


class ResilientRedis(ClientCore):
    """A redis-py client with backoff, throttled logging, an in-memory fallback and recovery.

    Construct with `from_url` or around an existing `redis.Redis` / `ConnectionPool`. Thread-safe.
    Command methods are redis-py's (see `redisdoctor.fallback.SUPPORTED_COMMANDS` for those the
    fallback serves); any other redis-py attribute is passed through while healthy. A wrapped
    client's own retry is turned off and its unset timeouts get 2 s defaults, unless
    `keep_client_settings=True`.
    """

    _make_command = staticmethod(_make_command)
    _redis: redis.Redis

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
        self._check_on_recovery(on_recovery)
        if isinstance(client_or_pool, redis.ConnectionPool):
            client_or_pool = redis.Redis(connection_pool=client_or_pool)
        if not keep_client_settings:
            bound_client(client_or_pool, Retry(NoBackoff(), 0))
        self._init_core(
            client_or_pool,
            clock=clock,
            rng=rng,
            policy=policy,
            log_window=log_window,
            on_recovery=on_recovery,
            fallback_max_keys=fallback_max_keys,
            fallback_max_bytes=fallback_max_bytes,
            on_event=on_event,
            logger=logger,
            target=target,
        )
        # Re-entrant: on_event callbacks run under it and may call get_status() or a command.
        self._lock = threading.RLock()  # guards state transitions
        self._status_lock = self._lock
        self._attempt_lock = threading.Lock()  # one recovery attempt at a time
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
        scheme = url_scheme(url)
        kwargs: dict[str, Any] = {
            "socket_connect_timeout": socket_connect_timeout,
            "socket_timeout": socket_timeout,
            "retry": Retry(NoBackoff(), 0),
            "retry_on_timeout": False,
        }
        kwargs.update(redis_kwargs)
        client: redis.Redis = client_from_url(redis.Redis.from_url, url, kwargs)
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
    def fallback(self) -> FallbackStore:
        return self._store

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

    # ----------------------------------------------------------------------------------------
    # Failure, fallback, recovery
    # ----------------------------------------------------------------------------------------

    def _on_failure(self, exc: BaseException) -> None:
        """A healthy operation failed at the connection level: start the outage (once)."""
        with self._lock:
            if not self._start_outage(exc):
                return
        self._drop_connections()

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
        if name not in SUPPORTED_COMMANDS:
            if self._healthy:
                return getattr(self, name)(*args, **kwargs)
            raise self._unservable(name)
        served = False
        try:
            with self._store.lock:
                if not self._healthy:
                    served = True
                    return self._serve(name, args, kwargs)
        finally:
            if served:  # outside the lock: callbacks may block
                self._report_fallback_op(name)
        # Recovered meanwhile: the store was replayed; Redis serves this call.
        return getattr(self, name)(*args, **kwargs)

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
                    self._recovered(note)
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
            return self._discard_fallback()
        tally = ReplayTally(self)
        entries = self._replay_entries()
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
                # An error such as OOM is counted, not retried forever.
                written = None if isinstance(result, Exception) else bool(result)
                self._replayed(tally, entry, written)
        for entry in entries:
            if not isinstance(entry.value, bytes):
                self._replayed(tally, entry, self._replay_container(entry))
        return self._settled(tally)

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
                queue_restore(pipe, entry)
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
        self, commands: list[PipelineCommand], transaction: bool, raise_on_error: bool
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
        if not self._healthy:
            self._check_pipeline_servable(commands)
        results: list[Any] = []
        with self._store.lock:
            if not self._healthy:
                results = self._serve_pipeline(commands)
        if self._healthy and not results and commands:
            return self._execute_pipeline(commands, transaction, raise_on_error)
        return self._finish_fallback_pipeline(results, raise_on_error)

    # Commands the fallback serves get real methods (set below) so the healthy path is one
    # attribute check and a call; __getattr__ covers the rest of redis-py for type checkers.


for _name in sorted(SUPPORTED_COMMANDS):
    setattr(ResilientRedis, _name, _make_command(_name))


class ResilientPipeline(PipelineCore):
    """Queues commands; `execute()` runs them on Redis when healthy, else on the fallback
    (atomically under the store's lock, so ``transaction=True`` keeps its all-at-once meaning).
    WATCH-based optimistic transactions are not offered: use ``client.redis.pipeline()``."""

    _owner: ResilientRedis

    def __init__(self, owner: ResilientRedis, transaction: bool = True) -> None:
        super().__init__(owner, transaction)

    def __enter__(self) -> ResilientPipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.reset()

    def reset(self) -> None:
        self._commands = []

    def execute(self, raise_on_error: bool = True) -> list[Any]:
        commands = self._take()
        if not commands:
            return []
        return self._owner._execute_pipeline(commands, self._transaction, raise_on_error)
