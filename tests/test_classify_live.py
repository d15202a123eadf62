"""Proof that `classify_exception` names real failures right.

redis-py is driven against every failure fixture (real DNS answers, real sockets, real
redis-servers with TLS, passwords and connection limits) and the exception it raises must land in
the category DESIGN.md promises. Retries are off and timeouts short so each case is fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from redisdoctor.connection import ResolvingConnection, ResolvingSSLConnection
from redisdoctor.taxonomy import Category, classify_exception
from tests.fixtures.dns_server import LoopbackDnsServer
from tests.fixtures.faults import (
    CountingProxyFactory,
    FaultServer,
    ProxyMode,
    RespErrorServerFactory,
)
from tests.fixtures.redis_server import RedisServer, RedisServerFactory, TlsAuthority

TIMEOUT = 0.3


def _options(**overrides: Any) -> dict[str, Any]:
    options: dict[str, Any] = {
        "socket_timeout": TIMEOUT,
        "socket_connect_timeout": TIMEOUT,
        "retry": Retry(NoBackoff(), 0),
    }
    options.update(overrides)
    return options


def _client(port: int, **overrides: Any) -> redis.Redis:
    return redis.Redis(host="127.0.0.1", port=port, **_options(**overrides))


def _failure(client: redis.Redis) -> BaseException:
    """The exception redis-py raises for a PING (closing the client either way)."""
    try:
        with pytest.raises(redis.RedisError) as info:
            client.ping()
    finally:
        client.close()
    return info.value


def _category(client: redis.Redis) -> Category:
    return classify_exception(_failure(client))


# -- DNS ---------------------------------------------------------------------------------------


@pytest.fixture
def dns_client(dns_server: LoopbackDnsServer) -> Iterator[redis.Redis]:
    """A redis-py client for redis.test whose lookups go to the loopback DNS server."""
    pool = redis.ConnectionPool(
        connection_class=ResolvingConnection,
        resolver=dns_server.resolver(timeout=TIMEOUT),
        host="redis.test",
        port=6379,
        **_options(),
    )
    client = redis.Redis(connection_pool=pool)
    yield client
    pool.disconnect()


def test_classify_live_nxdomain(dns_server: LoopbackDnsServer, dns_client: redis.Redis) -> None:
    assert _category(dns_client) is Category.DNS_NXDOMAIN
    assert ("redis.test", "A") in dns_server.query_log


def test_classify_live_nodata(dns_server: LoopbackDnsServer, dns_client: redis.Redis) -> None:
    # The name exists with no address: getaddrinfo says EAI_NODATA / EAI_NONAME, a config problem.
    dns_server.nodata("redis.test")
    assert _category(dns_client) is Category.DNS_NXDOMAIN


def test_classify_live_servfail(dns_server: LoopbackDnsServer, dns_client: redis.Redis) -> None:
    dns_server.servfail("redis.test")
    assert _category(dns_client) is Category.DNS_TEMPORARY


def test_classify_live_silent_dns(dns_server: LoopbackDnsServer, dns_client: redis.Redis) -> None:
    dns_server.silent("redis.test")
    assert _category(dns_client) is Category.DNS_TEMPORARY
    assert dns_server.queries >= 1


def test_classify_live_dns_then_refused(dns_server: LoopbackDnsServer, refusing_port: int) -> None:
    # Resolution works, the address refuses: the category is the TCP failure, not DNS.
    dns_server.add_a("redis.test", "127.0.0.1")
    pool = redis.ConnectionPool(
        connection_class=ResolvingConnection,
        resolver=dns_server.resolver(timeout=TIMEOUT),
        host="redis.test",
        port=refusing_port,
        **_options(),
    )
    assert _category(redis.Redis(connection_pool=pool)) is Category.REFUSED


# -- TCP ---------------------------------------------------------------------------------------


def test_classify_live_refused(refusing_port: int) -> None:
    assert _category(_client(refusing_port)) is Category.REFUSED


def test_classify_live_blackhole_timeout(blackhole_server: FaultServer) -> None:
    exc = _failure(_client(blackhole_server.port))
    assert isinstance(exc, redis.TimeoutError)
    assert classify_exception(exc) is Category.TIMEOUT


def test_classify_live_reset(reset_server: FaultServer) -> None:
    assert _category(_client(reset_server.port)) is Category.RESET


# -- TLS ---------------------------------------------------------------------------------------


def test_classify_live_tls_client_to_plain_port(redis_server: RedisServer) -> None:
    # A plain redis-server reads the ClientHello as an inline command and waits for a newline
    # (it searches with strchr, which stops at the hello's first NUL byte), so it never answers:
    # the handshake times out. The taxonomy names that TLS, from CPython's "handshake operation
    # timed out" (a TimeoutError raised inside the TLS handshake, after TCP connected).
    client = _client(redis_server.port, ssl=True, ssl_cert_reqs="none")
    exc = _failure(client)
    assert isinstance(exc, redis.TimeoutError)
    assert classify_exception(exc) is Category.TLS


def test_classify_live_tls_client_to_plain_server_that_answers(http_server: FaultServer) -> None:
    # A plain server that does answer (here with HTTP text) fails the handshake outright:
    # ssl.SSLError (WRONG_VERSION_NUMBER / record layer failure) -> tls.
    client = _client(http_server.port, ssl=True, ssl_cert_reqs="none")
    assert _category(client) is Category.TLS


def test_classify_live_plain_client_to_tls_port(
    redis_server_factory: RedisServerFactory,
) -> None:
    # redis-server's TLS port reads the RESP bytes as a broken TLS record, fails the handshake
    # and closes the connection without a reply: redis-py reads EOF ("Connection closed by
    # server.") -> reset. (Older clients that send nothing before reading would time out.)
    server = redis_server_factory(tls=True)
    assert _category(_client(server.port)) is Category.RESET


def test_classify_live_untrusted_certificate(
    redis_server_factory: RedisServerFactory, tls_ca: TlsAuthority
) -> None:
    server = redis_server_factory(tls=True)
    client = _client(server.port, ssl=True, ssl_ca_certs=str(tls_ca.untrusted_ca_path))
    exc = _failure(client)
    assert "CERTIFICATE_VERIFY_FAILED" in str(exc)
    assert classify_exception(exc) is Category.TLS


def test_classify_live_hostname_mismatch(
    redis_server_factory: RedisServerFactory,
    tls_ca: TlsAuthority,
    dns_server: LoopbackDnsServer,
) -> None:
    # A trusted certificate that does not carry the name connected to.
    server = redis_server_factory(tls=True)
    dns_server.add_a("other.test", "127.0.0.1")
    pool = redis.ConnectionPool(
        connection_class=ResolvingSSLConnection,
        resolver=dns_server.resolver(timeout=TIMEOUT),
        host="other.test",
        port=server.port,
        ssl_ca_certs=str(tls_ca.ca_path),
        ssl_check_hostname=True,
        **_options(),
    )
    exc = _failure(redis.Redis(connection_pool=pool))
    assert "other.test" in str(exc) or "hostname" in str(exc).lower()
    assert classify_exception(exc) is Category.TLS


# -- Redis replies -----------------------------------------------------------------------------


def test_classify_live_wrong_password(redis_server_factory: RedisServerFactory) -> None:
    server = redis_server_factory(password="right-password")
    assert _category(_client(server.port, password="wrong-password")) is Category.AUTH


def test_classify_live_wrong_acl_user(redis_server_factory: RedisServerFactory) -> None:
    server = redis_server_factory(acl_users=[("app", "app-pw", "~* +@all")])
    client = _client(server.port, username="app", password="nope")
    assert _category(client) is Category.AUTH


@pytest.mark.parametrize("protocol", [2, 3])
def test_classify_live_noauth(redis_server_factory: RedisServerFactory, protocol: int) -> None:
    server = redis_server_factory(password="right-password")
    assert _category(_client(server.port, protocol=protocol)) is Category.AUTH


def test_classify_live_loading(resp_error_server_factory: RespErrorServerFactory) -> None:
    server = resp_error_server_factory(b"-LOADING Redis is loading the dataset in memory\r\n")
    assert _category(_client(server.port)) is Category.LOADING


def test_classify_live_scripted_max_clients(
    resp_error_server_factory: RespErrorServerFactory,
) -> None:
    server = resp_error_server_factory(b"-ERR max number of clients reached\r\n")
    assert _category(_client(server.port)) is Category.MAX_CLIENTS


def test_classify_live_real_max_clients(redis_server_factory: RedisServerFactory) -> None:
    server = redis_server_factory(maxclients=1)
    holder = server.client()
    assert holder.ping() is True  # holds the only slot
    try:
        assert _category(_client(server.port)) is Category.MAX_CLIENTS
    finally:
        holder.close()


def test_classify_live_http_server(http_server: FaultServer) -> None:
    assert _category(_client(http_server.port)) is Category.PROTOCOL


# -- an established connection that goes away ---------------------------------------------------


def test_classify_live_server_stopped_under_open_connection(
    redis_server_factory: RedisServerFactory,
) -> None:
    server = redis_server_factory()
    client = _client(server.port)
    assert client.ping() is True
    server.stop()
    # A clean shutdown sends FIN: redis-py's pool sees the closed socket when it hands the
    # connection out, reconnects, and finds nothing listening -> refused (not reset).
    assert _category(client) is Category.REFUSED


@pytest.mark.parametrize(
    ("mode", "expected"),
    # An RST (reset, and refuse, which resets open connections) is read as ECONNRESET on the
    # open connection; a blackhole never answers the command -> timeout.
    [("reset", Category.RESET), ("blackhole", Category.TIMEOUT), ("refuse", Category.RESET)],
)
def test_classify_live_proxy_cuts_open_connection(
    redis_server: RedisServer,
    counting_proxy_factory: CountingProxyFactory,
    mode: ProxyMode,
    expected: Category,
) -> None:
    proxy = counting_proxy_factory(redis_server)
    client = _client(proxy.port)
    assert client.ping() is True
    proxy.set_mode(mode)
    assert _category(client) is expected
    proxy.set_mode("pass")
    assert _client(proxy.port).ping() is True


# -- Redis-level refusals from real servers -----------------------------------------------------


def test_classify_live_noperm(redis_server_factory: RedisServerFactory) -> None:
    server = redis_server_factory(acl_users=[("reader", "reader-pw", "~* +@read +ping")])
    client = _client(server.port, username="reader", password="reader-pw")
    assert client.ping() is True
    with pytest.raises(redis.RedisError) as info:
        client.set("k", "v")
    client.close()
    assert classify_exception(info.value) is Category.AUTH


def test_classify_live_readonly_replica(
    redis_server: RedisServer, redis_server_factory: RedisServerFactory
) -> None:
    replica = redis_server_factory(extra_config={"replicaof": ["127.0.0.1", redis_server.port]})
    client = _client(replica.port)
    with pytest.raises(redis.RedisError) as info:
        client.set("k", "v")
    client.close()
    assert classify_exception(info.value) is Category.READONLY


def test_classify_live_oom(redis_server_factory: RedisServerFactory) -> None:
    server = redis_server_factory(
        extra_config={"maxmemory": "1mb", "maxmemory-policy": "noeviction"}
    )
    client = _client(server.port)
    with pytest.raises(redis.RedisError) as info:
        client.set("big", b"x" * 2_000_000)
    client.close()
    assert classify_exception(info.value) is Category.OOM
