"""Tests of the redis-server fixtures: start, options, TLS, stop/restart, cleanup."""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
from pathlib import Path

import pytest
import redis

from tests.fixtures import processes
from tests.fixtures.redis_server import RedisServer, RedisServerFactory, TlsAuthority

ROOT = Path(__file__).resolve().parent.parent


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_redis_server_answers_and_is_flushed(redis_server: RedisServer) -> None:
    client = redis_server.client()
    assert client.ping() is True
    assert client.dbsize() == 0
    client.set("left-behind", "1")
    assert redis_server.host == "127.0.0.1"
    assert redis_server.url == f"redis://127.0.0.1:{redis_server.port}/0"


def test_redis_server_flushed_again_for_next_test(redis_server: RedisServer) -> None:
    assert redis_server.client().get("left-behind") is None


def test_redis_server_factory_password(redis_server_factory: RedisServerFactory) -> None:
    server = redis_server_factory(password="s3cr:et@pw")
    assert server.client().ping() is True
    assert server.url == f"redis://:s3cr%3Aet%40pw@127.0.0.1:{server.port}/0"
    assert redis.Redis.from_url(server.url).ping() is True
    with pytest.raises(redis.AuthenticationError):
        server.client(password=None).ping()


def test_redis_server_factory_acl_users(redis_server_factory: RedisServerFactory) -> None:
    server = redis_server_factory(acl_users=[("app", "app-pw", "~app:* +@all")])
    client = redis.Redis.from_url(server.url_for("app", "app-pw"), decode_responses=True)
    assert client.acl_whoami() == "app"
    client.set("app:1", "x")
    with pytest.raises(redis.exceptions.NoPermissionError):
        client.set("other", "x")


def test_redis_server_factory_maxclients_and_extra_config(
    redis_server_factory: RedisServerFactory,
) -> None:
    server = redis_server_factory(maxclients=3, extra_config={"maxmemory": "2mb"})
    client = server.client(decode_responses=True)
    assert client.config_get("maxclients") == {"maxclients": "3"}
    assert client.config_get("maxmemory") == {"maxmemory": str(2 * 1024 * 1024)}


def test_redis_server_factory_tls_only(
    redis_server_factory: RedisServerFactory, tls_ca: TlsAuthority
) -> None:
    server = redis_server_factory(tls=True)
    assert server.plain_port == 0
    assert server.ca_path == tls_ca.ca_path
    assert server.url.startswith("rediss://127.0.0.1:")
    assert server.client().ping() is True
    context = ssl.create_default_context(cafile=str(tls_ca.ca_path))
    with (
        socket.create_connection((server.host, server.port), timeout=2) as raw,
        context.wrap_socket(raw, server_hostname="redis.test") as tls,
    ):
        tls.sendall(b"PING\r\n")
        assert tls.recv(16) == b"+PONG\r\n"


def test_redis_server_factory_tls_and_plain(redis_server_factory: RedisServerFactory) -> None:
    server = redis_server_factory(tls=True, tls_and_plain=True)
    assert server.plain_port not in (0, server.port)
    assert redis.Redis(host=server.host, port=server.plain_port).ping() is True
    assert server.client().ping() is True


def test_redis_server_stop_kills_process_and_start_reuses_port(
    redis_server_factory: RedisServerFactory,
) -> None:
    server = redis_server_factory()
    pid, port = server.pid, server.port
    assert pid is not None and pid in processes.started_pids()
    assert server.running and _pid_alive(pid)
    server.stop()
    assert not server.running
    assert not _pid_alive(pid)
    with pytest.raises(redis.ConnectionError):
        server.client(socket_connect_timeout=0.5).ping()
    server.start()
    assert server.port == port and server.pid != pid
    assert server.client().ping() is True
    old = server.pid
    server.restart()
    assert server.port == port and server.pid != old and server.client().ping() is True


_TEARDOWN_PIDS: list[int] = []


def test_redis_server_factory_teardown_leaves_servers_running_until_test_end(
    redis_server_factory: RedisServerFactory,
) -> None:
    servers = [redis_server_factory(), redis_server_factory(), redis_server_factory(start=False)]
    assert not servers[2].running
    _TEARDOWN_PIDS.extend(s.pid for s in servers[:2] if s.pid is not None)
    assert len(_TEARDOWN_PIDS) == 2 and all(_pid_alive(pid) for pid in _TEARDOWN_PIDS)


def test_redis_server_factory_teardown_stopped_every_server() -> None:
    # Runs after the previous test (file order): its factory's teardown must have killed both.
    assert len(_TEARDOWN_PIDS) == 2
    assert [pid for pid in _TEARDOWN_PIDS if _pid_alive(pid)] == []
    assert all(pid not in dict(processes.live_children()) for pid in _TEARDOWN_PIDS)


def test_redis_server_start_failure_shows_log(redis_server_factory: RedisServerFactory) -> None:
    server = redis_server_factory(extra_config={"no-such-directive": "1"}, start=False)
    with pytest.raises(RuntimeError, match="no-such-directive"):
        server.start()
    assert not server.running


def test_processes_live_children_sees_running_server(
    redis_server_factory: RedisServerFactory,
) -> None:
    server = redis_server_factory()
    children = dict(processes.live_children())
    assert server.pid in children
    assert children[server.pid].startswith("redis-server")


# -- CI guarantees, checked on a real pytest session in a subprocess ---------------------------

_PROBE_TESTS = """
import subprocess
from pathlib import Path

import pytest

from tests.fixtures import processes
from tests.fixtures.redis_server import RedisServer, redis_server_binary


def test_needs_server(redis_server_factory):
    redis_server_factory()


@pytest.mark.redis_server
def test_marked():
    pass


def test_leaks_a_server(tmp_path):
    binary = redis_server_binary()
    if binary is None:
        pytest.skip("no redis-server")
    server = RedisServer(binary, tmp_path)
    server.start()
    (Path(__file__).parent / "leaked.pid").write_text(str(server.pid))
"""


def _run_session(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    test_file = tmp_path / "test_probe_session.py"
    test_file.write_text(_PROBE_TESTS)
    environ = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-p", "no:cacheprovider",
         "-q", "-rs", "--rootdir", str(tmp_path), str(test_file), *args],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env=environ, check=False,
    )  # fmt: skip


def test_ci_missing_redis_server_fails_under_ci(tmp_path: Path) -> None:
    result = _run_session(
        tmp_path, "-k", "needs_server or marked", CI="true", REDIS_SERVER_BIN="/nonexistent"
    )
    assert result.returncode == pytest.ExitCode.TESTS_FAILED, result.stdout
    assert "2 errors" in result.stdout  # fixture setup fails: pytest counts errors
    assert "CI=true: redis-server is not installed" in result.stdout


def test_ci_missing_redis_server_skips_outside_ci(tmp_path: Path) -> None:
    result = _run_session(
        tmp_path, "-k", "needs_server or marked", CI="", REDIS_SERVER_BIN="/nonexistent"
    )
    assert result.returncode == pytest.ExitCode.OK, result.stdout
    assert "2 skipped" in result.stdout
    assert "redis-server is not installed" in result.stdout


def test_ci_leftover_process_fails_the_session_and_is_killed(tmp_path: Path) -> None:
    result = _run_session(tmp_path, "-k", "leaks_a_server")
    assert "1 passed" in result.stdout
    assert result.returncode == pytest.ExitCode.TESTS_FAILED, result.stdout
    assert "left processes running" in result.stdout
    leaked = int((tmp_path / "leaked.pid").read_text())
    assert not _pid_alive(leaked)


def test_redis_server_shared_locked_by_a_test(redis_server: RedisServer) -> None:
    redis_server.client().config_set("requirepass", "changed-by-a-test")


def test_redis_server_shared_usable_after_lockout(redis_server: RedisServer) -> None:
    # The previous test set a password at runtime; the fixture restarted the server.
    assert redis_server.client().ping() is True
