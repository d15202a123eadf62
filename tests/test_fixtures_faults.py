"""Tests of the socket-fault fixtures and the counting proxy, with plain sockets and redis-py."""

from __future__ import annotations

import errno
import socket

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from tests.fixtures.faults import (
    CountingProxyFactory,
    FaultServer,
    RespErrorServerFactory,
    count_commands,
)
from tests.fixtures.redis_server import RedisServer


def _connect(port: int, timeout: float = 1.0) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=timeout)


def _client(port: int) -> redis.Redis:
    return redis.Redis(
        host="127.0.0.1",
        port=port,
        socket_timeout=0.5,
        socket_connect_timeout=0.5,
        retry=Retry(NoBackoff(), 0),
    )


def test_refusing_port_refuses(refusing_port: int) -> None:
    with pytest.raises(ConnectionRefusedError):
        _connect(refusing_port)


def test_blackhole_server_accepts_and_never_answers(blackhole_server: FaultServer) -> None:
    with _connect(blackhole_server.port, timeout=0.2) as sock:
        sock.sendall(b"PING\r\n")
        with pytest.raises(TimeoutError):
            sock.recv(16)


def test_reset_server_sends_rst(reset_server: FaultServer) -> None:
    # Under load the RST can arrive before connect() returns; either way the peer reset us.
    with pytest.raises(ConnectionResetError) as info, _connect(reset_server.port) as sock:
        sock.recv(16)
    assert info.value.errno == errno.ECONNRESET
    assert reset_server.connections == 1


def test_http_server_answers_http(http_server: FaultServer) -> None:
    with _connect(http_server.port) as sock:
        sock.sendall(b"*1\r\n$4\r\nPING\r\n")
        assert sock.recv(64).startswith(b"HTTP/1.1 400 Bad Request\r\n")


def test_count_commands_parses_resp_and_inline() -> None:
    assert count_commands(b"*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\n") == (2, b"")
    assert count_commands(b"PING\r\n*1\r\n$4\r\nPI") == (1, b"*1\r\n$4\r\nPI")
    assert count_commands(b"*2\r\n$5\r\nHELLO") == (0, b"*2\r\n$5\r\nHELLO")


def test_resp_error_server_answers_every_command(
    resp_error_server_factory: RespErrorServerFactory,
) -> None:
    reply = b"-LOADING Redis is loading the dataset in memory\r\n"
    server = resp_error_server_factory(reply)
    with _connect(server.port) as sock:
        sock.sendall(b"*2\r\n$5\r\nHELLO\r\n$1\r\n3\r\n*1\r\n$4\r\nPING\r\n")
        received = b""
        while len(received) < 2 * len(reply):
            received += sock.recv(256)
        assert received == reply * 2
    with pytest.raises(redis.BusyLoadingError):
        _client(server.port).ping()


def test_counting_proxy_passes_and_counts(
    redis_server: RedisServer, counting_proxy_factory: CountingProxyFactory
) -> None:
    proxy = counting_proxy_factory(redis_server)
    assert proxy.url == f"redis://127.0.0.1:{proxy.port}/0"
    client = _client(proxy.port)
    assert client.set("k", "v") is True
    assert client.get("k") == b"v"
    assert proxy.connections == 1
    _client(proxy.port).ping()
    assert proxy.connections == 2


def test_counting_proxy_switches_modes_and_back(
    redis_server: RedisServer, counting_proxy_factory: CountingProxyFactory
) -> None:
    proxy = counting_proxy_factory(redis_server)
    client = _client(proxy.port)
    assert client.ping() is True

    proxy.set_mode("refuse")
    with pytest.raises(ConnectionRefusedError):
        _connect(proxy.port)
    with pytest.raises(redis.ConnectionError):
        client.ping()  # the open connection was reset, the reconnect refused

    proxy.set_mode("reset")
    with _connect(proxy.port) as sock, pytest.raises(ConnectionResetError):
        sock.recv(16)

    proxy.set_mode("blackhole")
    with pytest.raises(redis.TimeoutError):
        _client(proxy.port).ping()

    proxy.set_mode("pass")
    assert _client(proxy.port).ping() is True
    assert proxy.mode == "pass"
    with pytest.raises(ValueError, match="unknown proxy mode"):
        proxy.set_mode("drop")  # type: ignore[arg-type]
