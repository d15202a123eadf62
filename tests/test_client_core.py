"""ResilientRedis against real servers and real socket faults, on a VirtualClock."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
import redis

from redisdoctor.backoff import BackoffPolicy
from redisdoctor.client import UNSERVED_EXAMPLES, ResilientRedis, UnavailableCommandError
from redisdoctor.clock import VirtualClock
from redisdoctor.errors import CategorizedError, UsageError
from redisdoctor.fallback import SUPPORTED_COMMANDS
from redisdoctor.state import ClientEvent, ClientState
from redisdoctor.taxonomy import Category
from tests.fixtures.dns_server import LoopbackDnsServer
from tests.fixtures.faults import CountingProxyFactory, FaultServer
from tests.fixtures.redis_server import RedisServer, RedisServerFactory

FAST = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
SEED_STATUS_FIELDS = (
    "redis_connected",
    "fallback_mode",
    "connection_failure_count",
    "last_failure_type",
    "time_since_last_attempt",
    "next_retry_in",
    "failures_since_log",
    "status",
)
EXTRA_STATUS_FIELDS = (
    "state",
    "last_error_category",
    "last_error_errno",
    "last_error_message",
    "outage_started_at",
    "attempts",
    "fallback_ops",
    "fallback_keys",
    "fallback_evictions",
    "suppressed_log_lines",
    "replayed",
    "skipped",
    "dropped",
)


def client_for(url: str, clock: VirtualClock, **kwargs: object) -> ResilientRedis:
    options: dict[str, object] = {**FAST, "policy": BackoffPolicy(jitter=0)}
    options.update(kwargs)
    return ResilientRedis.from_url(url, clock=clock, **options)  # type: ignore[arg-type]


def advance_to_next_attempt(client: ResilientRedis, clock: VirtualClock) -> None:
    due = client.connection_state.next_attempt_at
    assert due is not None
    clock.set(due)


@pytest.mark.redis_server
def test_client_healthy_passes_through(redis_server: RedisServer) -> None:
    with client_for(redis_server.url, VirtualClock()) as client:
        assert client.set("a", "1", ex=100) is True
        assert client.get("a") == b"1"
        assert client.incr("n", 5) == 5
        assert client.publish("chan", "hi") == 0  # not served by the fallback: passed through
        assert client.ping() is True
        pipe = client.pipeline()
        assert pipe.set("p", "1").get("p").execute() == [True, b"1"]
        status = client.get_status()
        assert status["status"] == "healthy"
        assert status["fallback_ops"] == 0
    assert redis_server.client().get("a") == b"1"


def test_client_from_url_rejects_unknown_scheme() -> None:
    with pytest.raises(UsageError, match="unsupported URL scheme"):
        ResilientRedis.from_url("http://user:hunter2@example.test/")
    with pytest.raises(UsageError) as info:
        ResilientRedis.from_url("http://user:hunter2@example.test/")
    assert "hunter2" not in str(info.value)


def test_client_refused_serves_from_fallback(refusing_port: int) -> None:
    clock = VirtualClock()
    events: list[ClientEvent] = []
    client = client_for(f"redis://127.0.0.1:{refusing_port}/0", clock, on_event=events.append)
    assert client.set("k", "v", ex=60) is True
    assert client.get("k") == b"v"
    assert client.incr("n") == 1
    assert client.ping() is False
    status = client.get_status()
    assert status["status"] == "degraded"
    assert status["last_failure_type"] == "refused"
    assert status["last_error_errno"] == 111
    assert status["next_retry_in"] == 30  # refusals back off at half the base
    assert status["fallback_keys"] == 2
    assert status["fallback_ops"] == 3
    assert status["outage_started_at"] == clock.wall().isoformat()
    assert status["last_error_message"] == (
        f"Error 111 connecting to 127.0.0.1:{refusing_port}. Connection refused."
    )
    # The seed's fields, then the extras the issue lists (state, error, outage, fallback, logs).
    assert set(SEED_STATUS_FIELDS) | set(EXTRA_STATUS_FIELDS) <= set(status)
    assert [e.kind for e in events].count("fallback_op") == 3
    client.pipeline().set("p", "1").incr("p").execute()
    assert client.get_status()["fallback_ops"] == 5
    assert (events[-1].kind, events[-1].message, events[-1].count) == ("fallback_op", "pipeline", 2)
    clock.advance(61)
    assert client.get("k") is None  # TTL on the injected clock


def test_client_unsupported_commands_raise_typed_error_while_degraded(refusing_port: int) -> None:
    assert not set(UNSERVED_EXAMPLES) & SUPPORTED_COMMANDS
    client = client_for(f"redis://127.0.0.1:{refusing_port}/0", VirtualClock())
    client.set("k", "v")
    for call in (
        lambda: client.publish("c", "m"),
        lambda: client.blpop(["q"], timeout=1),
        lambda: client.eval("return 1", 0),
        lambda: client.pipeline().set("a", 1).publish("c", "m").execute(),
    ):
        with pytest.raises(UnavailableCommandError) as info:
            call()
        assert info.value.category is Category.REFUSED
        assert isinstance(info.value, CategorizedError)
        assert isinstance(info.value, redis.exceptions.ConnectionError)


def test_client_pipeline_on_fallback(refusing_port: int) -> None:
    client = client_for(f"redis://127.0.0.1:{refusing_port}/0", VirtualClock())
    with client.pipeline() as pipe:
        pipe.set("a", "1").incr("a").rpush("l", "x").get("l")
        with pytest.raises(redis.exceptions.ResponseError, match="WRONGTYPE"):
            pipe.execute()
    results = client.pipeline().incr("a").lrange("l", 0, -1).get("l").execute(raise_on_error=False)
    assert results[:2] == [3, [b"x"]]
    assert isinstance(results[2], redis.exceptions.ResponseError)


@pytest.mark.redis_server
def test_client_kill_restart_replays_without_clobbering(
    redis_server_factory: RedisServerFactory, caplog: pytest.LogCaptureFixture
) -> None:
    server = redis_server_factory()
    clock = VirtualClock()
    caplog.set_level(logging.INFO, logger="redisdoctor.client")
    client = client_for(server.url, clock)
    client.set("before", "1")
    server.stop()
    # Under load: every supported command keeps working from the fallback.
    assert client.set("session", "abc", ex=600) is True
    for _ in range(5):
        client.incr("counter")
    client.hset("h", mapping={"f": "v"})
    client.rpush("l", "a", "b")
    client.sadd("s", "m")
    client.zadd("z", {"m": 2.0})
    client.set("contested", "fallback")
    client.hset("contested_hash", "f", "fallback")
    assert client.get("session") == b"abc"
    assert client.get_status()["fallback_mode"] is True
    server.start()
    direct = server.client()
    direct.set("contested", "redis")  # written by another instance meanwhile: must survive
    direct.hset("contested_hash", "f", "redis")
    clock.advance(10)
    assert client.get("session") == b"abc"  # not due yet: still the fallback
    assert client.get_status()["fallback_mode"] is True
    advance_to_next_attempt(client, clock)
    assert client.get("session") == b"abc"  # this call ran the recovery, then read Redis
    status = client.get_status()
    assert status["status"] == "healthy"
    assert status["replayed"] == 6
    assert status["skipped"] == 2
    assert status["fallback_keys"] == 0
    assert direct.get("session") == b"abc"
    assert 0 < direct.ttl("session") <= 600 - 30
    assert direct.get("counter") == b"5"
    assert direct.hgetall("h") == {b"f": b"v"}
    assert direct.lrange("l", 0, -1) == [b"a", b"b"]
    assert direct.smembers("s") == {b"m"}
    assert direct.zscore("z", "m") == 2.0
    assert direct.get("contested") == b"redis"
    assert direct.hget("contested_hash", "f") == b"redis"
    restored = [r.getMessage() for r in caplog.records if r.levelno == logging.INFO]
    # Once, with the outage's duration on the clock (refused: the first attempt after 30 s).
    assert restored == [
        f"Redis connection restored at 127.0.0.1:{server.port} after 30s "
        "(1 failed attempts); fallback keys: 6 replayed, 2 skipped "
        "(Redis already held them; not overwritten)"
    ]
    assert status["last_outage_duration"] == 30
    assert status["recoveries"] == 1


@pytest.mark.redis_server
def test_client_discard_policy_drops_fallback_keys(
    redis_server_factory: RedisServerFactory,
) -> None:
    server = redis_server_factory()
    clock = VirtualClock()
    client = client_for(server.url, clock, on_recovery="discard")
    client.ping()
    server.stop()
    client.set("a", "1")
    client.set("b", "2")
    server.start()
    advance_to_next_attempt(client, clock)
    assert client.get("a") is None
    assert client.get_status()["dropped"] == 2
    assert server.client().exists("a", "b") == 0


@pytest.mark.redis_server
def test_client_zero_network_between_attempts(
    redis_server: RedisServer, counting_proxy_factory: CountingProxyFactory
) -> None:
    proxy = counting_proxy_factory(redis_server)
    clock = VirtualClock()
    client = client_for(proxy.url, clock)
    client.set("k", "healthy")
    assert proxy.connections == 1
    proxy.set_mode("reset")
    client.set("k", "fallback")  # the pooled connection is reset: outage starts
    status = client.get_status()
    assert status["last_failure_type"] == "reset"
    connections = proxy.connections
    for _ in range(500):
        client.get("k")
        client.set("x", "y")
        clock.advance(0.05)  # 25 s in all: short of the 30 s wait after a reset
    assert proxy.connections == connections  # no connect between scheduled attempts
    advance_to_next_attempt(client, clock)
    client.get("k")  # due: exactly one attempt, refused by the proxy (reset)
    assert proxy.connections == connections + 1
    assert client.get_status()["connection_failure_count"] == 2
    for _ in range(100):
        client.get("k")
    assert proxy.connections == connections + 1
    proxy.set_mode("pass")
    advance_to_next_attempt(client, clock)
    # Redis never lost "k" (only the path to it broke): its value wins over the fallback's.
    assert client.get("k") == b"healthy"
    assert client.get_status()["status"] == "healthy"
    assert client.get_status()["skipped"] == 1
    assert redis_server.client().get("x") == b"y"


def test_client_blackhole_each_call_bounded_by_timeout(blackhole_server: FaultServer) -> None:
    clock = VirtualClock()
    client = client_for(
        f"redis://127.0.0.1:{blackhole_server.port}/0",
        clock,
        socket_timeout=0.3,
        socket_connect_timeout=0.3,
    )
    started = time.monotonic()
    assert client.set("k", "v") is True
    first = time.monotonic() - started
    assert 0.25 <= first < 1.0  # one read timeout, no redis-py retries
    started = time.monotonic()
    for _ in range(100):
        client.get("k")
    assert time.monotonic() - started < 0.1  # degraded calls never wait on the network
    assert client.get_status()["last_failure_type"] == "timeout"
    advance_to_next_attempt(client, clock)
    started = time.monotonic()
    client.get("k")
    assert time.monotonic() - started < 1.0  # the attempt is bounded too


@pytest.mark.redis_server
def test_client_wrong_password_is_auth_logged_once_not_retried_fast(
    redis_server_factory: RedisServerFactory, caplog: pytest.LogCaptureFixture
) -> None:
    server = redis_server_factory(password="right-secret")
    clock = VirtualClock()
    caplog.set_level(logging.INFO, logger="redisdoctor.client")
    url = server.url_for(password="wrong-secret")
    client = client_for(url, clock)
    for _ in range(50):
        client.set("k", "v")
        clock.advance(10)
    status = client.get_status()
    assert status["last_failure_type"] == "auth"
    assert status["connection_failure_count"] == 1  # 500 s: no retry yet (900 s)
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(errors) == 1
    assert errors[0].levelno == logging.ERROR
    assert "Fix: " in errors[0].getMessage()
    assert "wrong-secret" not in caplog.text
    assert "wrong-secret" not in str(status)


def test_client_dns_nxdomain_and_servfail_with_their_waits(
    dns_server: LoopbackDnsServer, caplog: pytest.LogCaptureFixture
) -> None:
    policy = BackoffPolicy(jitter=0)
    dns_server.servfail("flaky.test")
    caplog.set_level(logging.INFO, logger="redisdoctor.client")
    first_waits: dict[Category, object] = {}
    for host, category, level, detail in (
        ("gone.test", Category.DNS_NXDOMAIN, logging.WARNING, "-2: Name or service not known"),
        (
            "flaky.test",
            Category.DNS_TEMPORARY,
            logging.WARNING,
            "-3: Temporary failure in name resolution",
        ),
    ):
        caplog.clear()
        clock = VirtualClock()
        resolver = dns_server.resolver(timeout=0.3)
        client = client_for(f"redis://{host}:6379/0", clock, resolver=resolver, policy=policy)
        client.set("k", "v")
        status = client.get_status()
        assert status["last_failure_type"] == category.value
        assert status["next_retry_in"] == policy.nominal_delay(1, category)
        assert status["next_retry_in"] > policy.nominal_delay(1, Category.REFUSED)
        first_waits[category] = status["next_retry_in"]
        lookups, queries = resolver.lookups, dns_server.queries
        for _ in range(160):  # 40 s of traffic, all before the first retry (45 s or 60 s)
            assert client.get("k") == b"v"
            clock.advance(0.25)
        assert (resolver.lookups, dns_server.queries) == (lookups, queries)  # no DNS between
        advance_to_next_attempt(client, clock)
        client.get("k")
        assert resolver.lookups == lookups + 1
        assert caplog.records[0].levelno == level
        # The vanished name carries its fix (not transient); the resolver failure does not.
        has_fix = f"Fix: {category.info.next_step}" in caplog.records[0].getMessage()
        assert has_fix is (category is Category.DNS_NXDOMAIN)
        code, words = detail.split(": ")
        # redis-py's own words reach the log line, as in the seed's.
        assert (
            f"Redis unavailable at {host}:6379: {category.value} "
            f"(Error {code} connecting to {host}:6379. {words}.)"
        ) in caplog.text
    # A vanished name waits longer than a failing resolver.
    assert first_waits[Category.DNS_NXDOMAIN] > first_waits[Category.DNS_TEMPORARY]  # type: ignore[operator]


def test_client_24h_outage_log_volume(refusing_port: int) -> None:
    clock = VirtualClock()
    events: list[ClientEvent] = []
    client = client_for(
        f"redis://127.0.0.1:{refusing_port}/0",
        clock,
        on_event=events.append,
        policy=BackoffPolicy(jitter=0, category_scale=()),
    )
    attempts = 0
    while clock.monotonic() <= 86400:
        client.get("k")  # the op that finds an attempt due runs it
        attempts += 1
        for _ in range(3):  # traffic between attempts is served locally
            clock.advance(1)
            client.set("k", "v")
        due = client.connection_state.next_attempt_at
        assert due is not None
        clock.set(due)
    status = client.get_status()
    assert status["attempts"] == attempts == 290
    logged = [(e.at, e.level, e.message) for e in events if e.kind == "log"]
    target = f"127.0.0.1:{refusing_port}"
    detail = f"Error 111 connecting to {target}. Connection refused."
    assert logged == [
        (
            0.0,
            logging.WARNING,
            f"Redis unavailable at {target}: refused ({detail}); "
            "serving from in-memory fallback, next attempt in 60s",
        )
    ] + [
        (
            at,
            logging.WARNING,
            f"Redis still unavailable at {target}: refused ({detail}) "
            f"({3 if at == 420 else 1} failures since last log); next attempt in 300s",
        )
        for at in range(420, 86401, 300)
    ]
    assert len(logged) == 288
    assert status["suppressed_log_lines"] == 2
    assert client.state is ClientState.DEGRADED


@pytest.mark.redis_server
def test_client_wraps_existing_client_and_pool(redis_server: RedisServer) -> None:
    raw = redis_server.client(decode_responses=True)
    client = ResilientRedis(raw, clock=VirtualClock())
    assert client.set("a", "1") is True
    assert client.get("a") == "1"
    assert client.redis is raw
    pooled = ResilientRedis(redis.ConnectionPool(port=redis_server.port), clock=VirtualClock())
    assert pooled.get("a") == b"1"
    assert pooled.target == f"localhost:{redis_server.port}"


def test_client_fallback_keeps_decode_responses(refusing_port: int) -> None:
    client = client_for(
        f"redis://127.0.0.1:{refusing_port}/0", VirtualClock(), decode_responses=True
    )
    client.hset("h", mapping={"f": "v"})
    assert client.hgetall("h") == {"f": "v"}


def test_client_unix_socket_missing_serves_fallback(tmp_path: Path) -> None:
    client = client_for(f"unix://{tmp_path / 'missing.sock'}", VirtualClock())
    assert client.set("k", "v") is True
    assert client.get("k") == b"v"
    status = client.get_status()
    assert status["fallback_mode"] is True
    assert status["target"] == str(tmp_path / "missing.sock")


@pytest.mark.redis_server
def test_client_tls_url_with_ca(redis_server_factory: RedisServerFactory) -> None:
    server = redis_server_factory(tls=True, password="pw")
    assert server.ca_path is not None
    client = client_for(server.url, VirtualClock(), ssl_ca_certs=str(server.ca_path))
    assert client.set("k", "v") is True
    assert client.get_status()["status"] == "healthy"
    unverified = client_for(server.url, VirtualClock())  # no CA: verification fails
    unverified.get("k")
    status = unverified.get_status()
    assert status["last_failure_type"] == "tls"
    assert status["next_retry_in"] == BackoffPolicy().permanent_interval


@pytest.mark.redis_server
def test_client_background_recovery_without_traffic(
    redis_server: RedisServer, counting_proxy_factory: CountingProxyFactory
) -> None:
    proxy = counting_proxy_factory(redis_server)
    clock = VirtualClock()
    client = client_for(proxy.url, clock, background_recovery=True)
    try:
        proxy.set_mode("refuse")
        client.set("idle", "1")
        assert client.state is ClientState.DEGRADED
        proxy.set_mode("pass")
        advance_to_next_attempt(client, clock)
        deadline = time.monotonic() + 5
        while client.get_status()["status"] != "healthy" and time.monotonic() < deadline:
            time.sleep(0.02)
        assert client.get_status()["status"] == "healthy"  # no operation ran: the thread did it
        assert redis_server.client().get("idle") == b"1"
    finally:
        client.close()


@pytest.mark.redis_server
def test_client_event_callback_may_call_back_into_client(
    redis_server_factory: RedisServerFactory,
) -> None:
    server = redis_server_factory()
    clock = VirtualClock()
    seen: list[tuple[str, object]] = []
    client: ResilientRedis | None = None

    def on_event(event: ClientEvent) -> None:
        assert client is not None
        if event.kind in ("failure", "recovered", "evicted"):
            seen.append((event.kind, client.get_status()["status"]))
        if event.kind == "recovered":
            seen.append(("get", client.get("k")))

    client = client_for(server.url, clock, on_event=on_event, fallback_max_keys=1)
    client.ping()
    server.stop()
    client.set("k", "v")
    client.set("other", "w")  # evicts "k" (max 1 key)
    server.start()
    advance_to_next_attempt(client, clock)
    assert client.get("other") == b"w"
    assert seen == [
        ("failure", "degraded"),
        ("evicted", "degraded"),
        ("recovered", "healthy"),
        ("get", None),
    ]
    assert client.get_status()["fallback_evictions"] == 1


@pytest.mark.redis_server
def test_client_attempt_refused_by_acl_counts_as_failure_not_error(
    redis_server_factory: RedisServerFactory, counting_proxy_factory: CountingProxyFactory
) -> None:
    server = redis_server_factory(acl_users=[("app", "app-pw", "~* +@all -ping")])
    proxy = counting_proxy_factory(server)
    clock = VirtualClock()
    client = client_for(f"redis://app:app-pw@127.0.0.1:{proxy.port}/0", clock)
    client.set("k", "redis")
    proxy.set_mode("refuse")
    client.set("k", "fallback")
    proxy.set_mode("pass")
    advance_to_next_attempt(client, clock)
    assert client.get("k") == b"fallback"  # PING refused with NOPERM: a failed attempt
    status = client.get_status()
    assert status["last_failure_type"] == "auth"
    assert status["connection_failure_count"] == 2
    connections = proxy.connections
    for _ in range(50):
        client.get("k")
    assert proxy.connections == connections  # and no retry on every call


@pytest.mark.redis_server
def test_client_replay_refused_by_redis_is_counted(
    redis_server_factory: RedisServerFactory,
) -> None:
    server = redis_server_factory()
    clock = VirtualClock()
    client = client_for(server.url, clock)
    client.ping()
    server.stop()
    client.set("small", "x")
    client.rpush("list", "y")
    server.start()
    server.client().config_set("maxmemory", "1")  # every write now answers OOM
    advance_to_next_attempt(client, clock)
    assert client.ping() is True
    status = client.get_status()
    assert status["status"] == "healthy"
    assert status["replay_errors"] == 2
    assert status["replayed"] == 0


@pytest.mark.redis_server
def test_client_resolver_used_for_plain_and_tls(
    redis_server_factory: RedisServerFactory, dns_server: LoopbackDnsServer
) -> None:
    dns_server.add_a("redis.test", "127.0.0.1")
    plain = redis_server_factory()
    secure = redis_server_factory(tls=True)
    assert secure.ca_path is not None
    for url, extra in (
        (f"redis://redis.test:{plain.port}/0", {}),
        (f"rediss://redis.test:{secure.port}/0", {"ssl_ca_certs": str(secure.ca_path)}),
    ):
        resolver = dns_server.resolver()
        client = client_for(url, VirtualClock(), resolver=resolver, **extra)
        assert client.set("k", "v") is True
        assert client.get("k") == b"v"
        assert client.get_status()["status"] == "healthy"
        assert resolver.lookups == 1  # one connection, one lookup, through the injected resolver
        assert client.target == url.split("//")[1].rsplit("/", 1)[0]


def test_client_wrapped_client_gets_bounded_retry_and_timeouts(refusing_port: int) -> None:
    # redis-py 8 retries 10 times with backoff by default (about 4 s on a refused port); a
    # caller may also have left the timeouts unset (a silent host then blocks for minutes).
    raw = redis.Redis(port=refusing_port, socket_timeout=None, socket_connect_timeout=None)
    assert raw.get_retry() is not None
    assert raw.get_retry().get_retries() > 0  # type: ignore[union-attr]
    client = ResilientRedis(raw, clock=VirtualClock(), policy=BackoffPolicy(jitter=0))
    retry = raw.get_retry()
    assert retry is not None
    assert retry.get_retries() == 0
    kwargs = raw.connection_pool.connection_kwargs
    assert (kwargs["socket_connect_timeout"], kwargs["socket_timeout"]) == (2.0, 2.0)
    started = time.monotonic()
    assert client.set("k", "v") is True  # refused once, no redis-py retries: served locally
    assert time.monotonic() - started < 0.5
    assert client.get_status()["last_failure_type"] == "refused"
    kept = redis.Redis(port=refusing_port, socket_timeout=7.0)
    ResilientRedis(kept, clock=VirtualClock(), keep_client_settings=True)
    assert kept.get_retry().get_retries() > 0  # type: ignore[union-attr]
    assert kept.connection_pool.connection_kwargs["socket_timeout"] == 7.0


@pytest.mark.redis_server
def test_client_unix_socket_url_healthy_then_degraded(
    redis_server_factory: RedisServerFactory, tmp_path: Path
) -> None:
    sock = tmp_path / "redis.sock"
    server = redis_server_factory(extra_config={"unixsocket": str(sock), "unixsocketperm": 700})
    clock = VirtualClock()
    client = client_for(f"unix://{sock}?db=0", clock)
    assert client.set("k", "over unix") is True
    assert server.client().get("k") == b"over unix"
    server.stop()
    assert client.set("k", "fallback") is True
    assert client.get_status()["last_failure_type"] in ("refused", "reset")
    server.start()
    advance_to_next_attempt(client, clock)
    # The restarted server (no persistence) came back empty: the outage's write is replayed.
    assert client.get("k") == b"fallback"
    assert client.get_status()["status"] == "healthy"
    assert client.get_status()["replayed"] == 1
    assert server.client().get("k") == b"fallback"


def test_client_status_fields_are_documented(refusing_port: int) -> None:
    client = client_for(f"redis://127.0.0.1:{refusing_port}/0", VirtualClock())
    client.get("k")
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- section: client -->", 1)[1].split("### Status", 1)[1]
    section = section.split("\n### ", 1)[0]
    assert [key for key in client.get_status() if f"`{key}`" not in section] == []
