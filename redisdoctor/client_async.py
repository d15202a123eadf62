"""AsyncResilientRedis: `ResilientRedis` for `redis.asyncio`.

The same `ConnectionState` and `FallbackStore` bookkeeping as the sync client (from
`client_core`); this module keeps only the awaits and the asyncio lock. Re-exported by
`redisdoctor.client`.
"""

from __future__ import annotations

import contextlib
import logging
import random
from collections.abc import AsyncIterator, Callable
from typing import Any

from redis.backoff import NoBackoff
from redis.exceptions import ResponseError, WatchError

from redisdoctor.backoff import BackoffPolicy
from redisdoctor.client_core import (
    ATTEMPT_ERRORS,
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_SOCKET_TIMEOUT,
    FAILOVER_ERRORS,
    ClientCore,
    OnRecovery,
    PipelineCommand,
    PipelineCore,
    ReplayTally,
    bound_client,
    client_from_url,
    queue_restore,
    url_scheme,
)
from redisdoctor.clock import Clock
from redisdoctor.fallback import DEFAULT_MAX_BYTES, DEFAULT_MAX_KEYS, SUPPORTED_COMMANDS, StoredKey
from redisdoctor.state import ClientEvent
from redisdoctor.throttle import DEFAULT_WINDOW


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


class AsyncResilientRedis(ClientCore):
    """`ResilientRedis` for `redis.asyncio`: the same `ConnectionState` (schedule, log lines,
    status) and `FallbackStore`; fallback commands are awaited like redis-py's.

    One event loop per client. The recovery attempt runs in the first coroutine that finds it
    due; others keep being served by the fallback, and wait only while the replay runs.
    """

    _make_command = staticmethod(_make_async_command)

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

        self._check_on_recovery(on_recovery)
        if not keep_client_settings:
            bound_client(client, AsyncRetry(NoBackoff(), 0))
        self._init_core(
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
            target=target,
        )
        self._store_lock = asyncio.Lock()  # held across the replay's awaits
        self._attempting = False

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

        url_scheme(url)
        kwargs: dict[str, Any] = {
            "socket_connect_timeout": socket_connect_timeout,
            "socket_timeout": socket_timeout,
            "retry": AsyncRetry(NoBackoff(), 0),
        }
        kwargs.update(redis_kwargs)
        client = client_from_url(redis.asyncio.Redis.from_url, url, kwargs)
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
        self, commands: list[PipelineCommand], transaction: bool, raise_on_error: bool
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
        self._check_pipeline_servable(commands)
        async with self._store_lock:
            if self._healthy:
                return await self._execute_pipeline(commands, transaction, raise_on_error)
            with self._store.lock:
                results = self._serve_pipeline(commands)
        return self._finish_fallback_pipeline(results, raise_on_error)

    async def _on_failure(self, exc: BaseException) -> None:
        if self._start_outage(exc):
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
                self._recovered(note)
        except ATTEMPT_ERRORS as exc:
            self._record_failure(exc)
            await self._drop_connections()
        except BaseException:
            self._state.abandon_attempt()
            raise

    async def _degraded(self, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        await self._maybe_recover()
        if name not in SUPPORTED_COMMANDS:
            if self._healthy:
                return await getattr(self, name)(*args, **kwargs)
            raise self._unservable(name)
        async with self._store_lock:
            if not self._healthy:
                try:
                    with self._store.lock:
                        return self._serve(name, args, kwargs)
                finally:
                    self._report_fallback_op(name)
        return await getattr(self, name)(*args, **kwargs)

    async def _settle_fallback(self) -> str:
        if self.on_recovery == "discard":
            return self._discard_fallback()
        tally = ReplayTally(self)
        for entry in self._replay_entries():
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
            self._replayed(tally, entry, written)
        return self._settled(tally)

    async def _replay_container(self, entry: StoredKey) -> bool:
        async with self._redis.pipeline(transaction=True) as pipe:
            try:
                await pipe.watch(entry.key)
                if await pipe.exists(entry.key):
                    await pipe.unwatch()
                    return False
                pipe.multi()
                queue_restore(pipe, entry)
                await pipe.execute()
                return True
            except WatchError:
                return False


for _name in sorted(SUPPORTED_COMMANDS - {"scan_iter"}):
    setattr(AsyncResilientRedis, _name, _make_async_command(_name))


class AsyncResilientPipeline(PipelineCore):
    """`ResilientPipeline` for `AsyncResilientRedis`: queue commands, then ``await execute()``."""

    _owner: AsyncResilientRedis

    def __init__(self, owner: AsyncResilientRedis, transaction: bool = True) -> None:
        super().__init__(owner, transaction)

    async def __aenter__(self) -> AsyncResilientPipeline:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._commands = []

    async def execute(self, raise_on_error: bool = True) -> list[Any]:
        commands = self._take()
        if not commands:
            return []
        return await self._owner._execute_pipeline(commands, self._transaction, raise_on_error)
