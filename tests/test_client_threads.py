"""16 threads through an outage and a recovery: no exception, no lost update, one attempt."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from redisdoctor.backoff import BackoffPolicy
from redisdoctor.client import ResilientRedis
from redisdoctor.clock import VirtualClock
from redisdoctor.state import ClientEvent
from tests.fixtures.faults import CountingProxyFactory
from tests.fixtures.redis_server import RedisServer, RedisServerFactory

THREADS = 16
PER_THREAD = 200


def run_threads(work: Callable[[int], None]) -> list[BaseException]:
    """Run `work(i)` on THREADS threads released together; return what they raised."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(THREADS)

    def body(i: int) -> None:
        try:
            barrier.wait()
            work(i)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=body, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.redis_server
def test_client_threads_through_outage_and_recovery(
    redis_server_factory: RedisServerFactory,
) -> None:
    server = redis_server_factory()
    clock = VirtualClock()
    events: list[ClientEvent] = []
    client = ResilientRedis.from_url(
        server.url,
        clock=clock,
        policy=BackoffPolicy(jitter=0),
        socket_timeout=1.0,
        socket_connect_timeout=1.0,
        on_event=events.append,
        max_connections=THREADS * 2,
    )
    progress = threading.Semaphore(0)

    def under_kill(i: int) -> None:
        for n in range(PER_THREAD):
            client.incr("warm")
            client.set(f"t{i}", n)
            assert client.get(f"t{i}") in (str(n).encode(), None)
            progress.release()

    def stop_under_load() -> None:
        for _ in range(THREADS * 20):  # kill it once the threads are well under way
            progress.acquire()
        server.stop()

    stopper = threading.Thread(target=stop_under_load)
    stopper.start()
    assert run_threads(under_kill) == []
    stopper.join()
    assert client.get_status()["fallback_mode"] is True

    def increment(_: int) -> None:
        for _ in range(PER_THREAD):
            client.incr("b")

    assert run_threads(increment) == []
    assert client.get("b") == str(THREADS * PER_THREAD).encode()

    server.start()
    due = client.connection_state.next_attempt_at
    assert due is not None
    clock.set(due)
    attempts_before = [e.kind for e in events].count("attempt")
    assert run_threads(increment) == []  # the recovery happens among these calls
    status = client.get_status()
    assert status["status"] == "healthy"
    assert [e.kind for e in events].count("attempt") == attempts_before + 1
    assert [e.kind for e in events].count("recovered") == 1
    # No lost update: outage increments were replayed, the rest went to Redis.
    assert server.client().get("b") == str(2 * THREADS * PER_THREAD).encode()


@pytest.mark.redis_server
def test_client_threads_keep_fallback_while_one_attempt_hangs(
    redis_server: RedisServer, counting_proxy_factory: CountingProxyFactory
) -> None:
    proxy = counting_proxy_factory(redis_server)
    clock = VirtualClock()
    events: list[ClientEvent] = []
    client = ResilientRedis.from_url(
        proxy.url,
        clock=clock,
        policy=BackoffPolicy(jitter=0),
        socket_timeout=0.6,
        socket_connect_timeout=0.6,
        on_event=events.append,
    )
    proxy.set_mode("refuse")
    client.set("k", "v")
    proxy.set_mode("blackhole")  # the next attempt connects, then never gets a reply
    due = client.connection_state.next_attempt_at
    assert due is not None
    clock.set(due)
    slowest: list[float] = []

    def work(_: int) -> None:
        worst = 0.0
        for _ in range(50):
            started = time.monotonic()
            assert client.get("k") == b"v"
            worst = max(worst, time.monotonic() - started)
        slowest.append(worst)

    assert run_threads(work) == []
    assert [e.kind for e in events].count("attempt") == 1
    # One thread waited for its attempt (the read timeout); the others never waited on it.
    assert sorted(slowest)[-2] < 0.3
    assert 0.5 < max(slowest) < 2.0
    assert client.get_status()["last_failure_type"] == "timeout"
