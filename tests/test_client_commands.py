"""Every served command family through ResilientRedis, healthy and degraded, against Redis.

tests/test_fallback.py compares the store alone with redis-server; here the same script goes
through the client's own dispatch (methods, pipelines) while healthy (redis-py underneath) and
while degraded (the fallback underneath), and both must answer as a real server does.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import pytest
import redis

from redisdoctor.backoff import BackoffPolicy
from redisdoctor.client import (
    UNSERVED_EXAMPLES,
    AsyncResilientRedis,
    ResilientRedis,
    UnavailableCommandError,
)
from redisdoctor.clock import VirtualClock
from redisdoctor.state import ClientEvent
from redisdoctor.taxonomy import Category
from tests.fixtures.redis_server import RedisServer
from tests.test_fallback import SCRIPT, normalise, outcome

# scan_iter returns a generator, which a pipeline cannot queue.
PIPELINED = [call for call in SCRIPT if call[0] != "scan_iter"]


def run_script(target: Any) -> list[Any]:
    return [normalise(name, outcome(getattr(target, name), args, kw)) for name, args, kw in SCRIPT]


def run_pipelined(pipe: Any) -> list[Any]:
    for name, args, kwargs in PIPELINED:
        getattr(pipe, name)(*args, **kwargs)
    results = pipe.execute(raise_on_error=False)
    return [
        ("error", str(result).split(" ")[0])
        if isinstance(result, redis.exceptions.RedisError)
        else normalise(name, result)
        for (name, _, _), result in zip(PIPELINED, results, strict=True)
    ]


def degraded_client(refusing_port: int) -> ResilientRedis:
    return ResilientRedis.from_url(
        f"redis://127.0.0.1:{refusing_port}/0",
        clock=VirtualClock(),
        policy=BackoffPolicy(jitter=0),
        socket_connect_timeout=0.5,
        socket_timeout=0.5,
    )


@pytest.mark.redis_server
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_client_commands_same_answers_healthy_and_degraded(
    redis_server: RedisServer, refusing_port: int
) -> None:
    raw = redis_server.client()
    expected = run_script(raw)
    raw.flushdb()
    healthy = ResilientRedis(redis_server.client(), clock=VirtualClock())
    assert run_script(healthy) == expected
    assert healthy.get_status()["fallback_ops"] == 0
    degraded = degraded_client(refusing_port)
    assert run_script(degraded) == expected
    status = degraded.get_status()
    assert status["status"] == "degraded"
    assert status["fallback_ops"] == len(SCRIPT)


@pytest.mark.redis_server
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_client_commands_same_answers_in_pipelines(
    redis_server: RedisServer, refusing_port: int
) -> None:
    raw = redis_server.client()
    expected = run_pipelined(raw.pipeline(transaction=False))
    assert ("error", "WRONGTYPE") in expected  # errors travel as results, as in redis-py
    raw.flushdb()
    healthy = ResilientRedis(redis_server.client(), clock=VirtualClock())
    assert run_pipelined(healthy.pipeline(transaction=False)) == expected
    degraded = degraded_client(refusing_port)
    assert run_pipelined(degraded.pipeline(transaction=False)) == expected
    assert degraded.get_status()["fallback_ops"] == len(PIPELINED)


@pytest.mark.parametrize("name", UNSERVED_EXAMPLES)
def test_client_commands_unserved_raise_typed_error_and_are_documented(
    refusing_port: int, name: str
) -> None:
    client = degraded_client(refusing_port)
    client.set("k", "v")  # the outage starts
    assert hasattr(redis.Redis, name)
    with pytest.raises(UnavailableCommandError) as info:
        getattr(client, name)()
    assert info.value.category is Category.REFUSED
    assert info.value.command == name
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- section: client -->", 1)[1].split("\n## ", 1)[0]
    unserved = section.split("**Not served while degraded**", 1)[1].split("\n\n", 1)[0]
    assert f"`{name}`" in unserved


@pytest.mark.redis_server
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_client_commands_same_answers_through_the_async_twin(
    redis_server: RedisServer, refusing_port: int
) -> None:
    expected = [
        result
        for (name, _, _), result in zip(SCRIPT, run_script(redis_server.client()), strict=True)
        if name != "scan_iter"
    ]

    async def run_async() -> list[Any]:
        client = AsyncResilientRedis.from_url(
            f"redis://127.0.0.1:{refusing_port}/0",
            clock=VirtualClock(),
            socket_connect_timeout=0.5,
            socket_timeout=0.5,
        )
        results = []
        for name, args, kwargs in PIPELINED:
            try:
                result = await getattr(client, name)(*args, **kwargs)
            except redis.exceptions.RedisError as exc:
                result = ("error", str(exc).split(" ")[0])
            results.append(normalise(name, result))
        assert client.get_status()["fallback_ops"] == len(PIPELINED)
        return results

    assert asyncio.run(run_async()) == expected


def test_client_commands_raising_on_event_does_not_reach_the_application(
    refusing_port: int, caplog: pytest.LogCaptureFixture
) -> None:
    # A metrics hook that fails must not turn a served command into an exception.
    kinds: list[str] = []

    def broken(event: ClientEvent) -> None:
        kinds.append(event.kind)
        raise ValueError("boom")

    client = ResilientRedis.from_url(
        f"redis://127.0.0.1:{refusing_port}/0",
        clock=VirtualClock(),
        policy=BackoffPolicy(jitter=0),
        socket_connect_timeout=0.5,
        on_event=broken,
        fallback_max_keys=1,
    )
    caplog.set_level(logging.WARNING, logger="redisdoctor.client")
    assert client.set("a", "1") is True
    assert client.set("b", "2") is True  # evicts "a": an "evicted" event, which raises too
    assert client.get("b") == b"2"
    pipe = client.pipeline()
    pipe.set("c", "3")
    assert pipe.execute() == [True]
    assert {"failure", "fallback_op", "evicted"} <= set(kinds)
    assert client.get_status()["fallback_ops"] == 4
    raised = [r for r in caplog.records if "on_event callback raised" in r.getMessage()]
    assert len(raised) == 1
