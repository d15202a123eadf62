"""AsyncResilientRedis: the asyncio twin over redis.asyncio, same state machine and store."""

from __future__ import annotations

import asyncio
import logging

import pytest

from redisdoctor.backoff import BackoffPolicy
from redisdoctor.client import AsyncResilientRedis, UnavailableCommandError
from redisdoctor.clock import VirtualClock
from redisdoctor.state import ClientEvent
from redisdoctor.taxonomy import Category
from tests.fixtures.faults import CountingProxyFactory
from tests.fixtures.redis_server import RedisServer, RedisServerFactory


def async_client(url: str, clock: VirtualClock, **kwargs: object) -> AsyncResilientRedis:
    return AsyncResilientRedis.from_url(
        url,
        clock=clock,
        policy=BackoffPolicy(jitter=0),
        socket_timeout=0.5,
        socket_connect_timeout=0.5,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.redis_server
def test_client_async_healthy_passes_through(redis_server: RedisServer) -> None:
    async def scenario() -> None:
        async with async_client(redis_server.url, VirtualClock()) as client:
            assert await client.set("a", "1") is True
            assert await client.get("a") == b"1"
            assert await client.publish("c", "m") == 0
            assert await client.pipeline().incr("n").get("n").execute() == [1, b"1"]
            assert sorted([key async for key in client.scan_iter(match="*")]) == [b"a", b"n"]
            assert await client.ping() is True

    asyncio.run(scenario())


def test_client_async_refused_serves_fallback(refusing_port: int) -> None:
    events: list[ClientEvent] = []

    async def scenario() -> None:
        client = async_client(
            f"redis://127.0.0.1:{refusing_port}/0",
            VirtualClock(),
            on_event=events.append,
            fallback_max_keys=2,
        )
        assert await client.set("k", "v", ex=10) is True
        assert await client.get("k") == b"v"
        assert await client.pipeline().incr("n").incr("n").execute() == [1, 2]
        assert [key async for key in client.scan_iter()] == [b"k", b"n"]
        with pytest.raises(UnavailableCommandError) as info:
            await client.publish("c", "m")
        assert info.value.category is Category.REFUSED
        assert await client.ping() is False
        status = client.get_status()
        assert status["last_failure_type"] == "refused"
        assert status["fallback_ops"] == 5
        await client.set("third", "v")  # over fallback_max_keys=2: the oldest key goes
        assert client.get_status()["fallback_evictions"] == 1

    asyncio.run(scenario())
    kinds = [(e.kind, e.message, e.count) for e in events if e.kind in ("fallback_op", "evicted")]
    assert ("fallback_op", "pipeline", 2) in kinds
    assert ("evicted", "b'k'", None) in kinds


@pytest.mark.redis_server
def test_client_async_kill_restart_replays(
    redis_server_factory: RedisServerFactory, caplog: pytest.LogCaptureFixture
) -> None:
    server = redis_server_factory()
    clock = VirtualClock()
    caplog.set_level(logging.INFO, logger="redisdoctor.client")

    async def scenario() -> None:
        client = async_client(server.url, clock)
        await client.set("before", "1")
        server.stop()
        await client.set("s", "v", ex=300)
        await client.hset("h", mapping={"f": "v"})
        await asyncio.gather(*(client.incr("counter") for _ in range(20)))
        server.start()
        server.client().set("h", "redis wins")
        due = client.connection_state.next_attempt_at
        assert due is not None
        clock.set(due)
        results = await asyncio.gather(*(client.incr("counter") for _ in range(20)))
        assert sorted(results) == list(range(21, 41))
        status = client.get_status()
        assert status["status"] == "healthy"
        assert (status["replayed"], status["skipped"]) == (2, 1)
        await client.aclose()

    asyncio.run(scenario())
    direct = server.client()
    assert direct.get("counter") == b"40"
    assert direct.get("s") == b"v"
    assert direct.get("h") == b"redis wins"
    assert sum("Redis connection restored" in r.getMessage() for r in caplog.records) == 1


@pytest.mark.redis_server
def test_client_async_zero_network_between_attempts(
    redis_server: RedisServer, counting_proxy_factory: CountingProxyFactory
) -> None:
    proxy = counting_proxy_factory(redis_server)
    clock = VirtualClock()

    async def scenario() -> None:
        client = async_client(proxy.url, clock)
        await client.set("k", "v")
        proxy.set_mode("reset")
        await client.set("k", "fallback")
        connections = proxy.connections
        for _ in range(300):
            await client.get("k")
            clock.advance(0.05)  # 15 s, short of the 30 s wait after a reset
        assert proxy.connections == connections
        due = client.connection_state.next_attempt_at
        assert due is not None
        clock.set(due)
        await client.get("k")
        assert proxy.connections == connections + 1
        assert client.get_status()["connection_failure_count"] == 2
        await client.aclose()

    asyncio.run(scenario())
