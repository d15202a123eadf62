"""The probe against real servers and real failures: one test per row of issue 4's list.

Each asserts the verdict, the failing stage and the exit code. Names resolve only through the
loopback DNS server; timeout rows use 0.3 s.
"""

from __future__ import annotations

import socket
import tempfile
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from redisdoctor.clock import VirtualClock
from redisdoctor.exitcodes import ExitCode
from redisdoctor.probe import ProbeOptions, ProbeReport, StageStatus, probe, probe_many, watch
from redisdoctor.resolve import AddrInfo
from redisdoctor.taxonomy import Category
from redisdoctor.urls import parse_redis_url
from tests.fixtures.dns_server import LoopbackDnsServer
from tests.fixtures.faults import FaultServer, RespErrorServerFactory
from tests.fixtures.redis_server import RedisServer, RedisServerFactory, TlsAuthority

SHORT = 0.3
SECRET = "Zebra-Quokka-81f3"  # a distinctive password that must never show up in a report


def run(url: str, **options: object) -> ProbeReport:
    opts = ProbeOptions(timeout=options.pop("timeout", 2.0), **options)  # type: ignore[arg-type]
    return probe(parse_redis_url(url), opts)


def assert_fails(report: ProbeReport, category: Category, stage: str, code: ExitCode) -> None:
    verdict = report.verdict
    assert verdict.status == "fail", report.to_dict()
    assert verdict.category is category, report.to_dict()
    assert verdict.stage == stage, report.to_dict()
    assert verdict.exit_code is code
    assert report.stage(stage).status is StageStatus.FAIL
    later = report.stages[[s.name for s in report.stages].index(stage) + 1 :]
    assert all(s.status is StageStatus.SKIPPED for s in later)
    assert verdict.cause and verdict.next_step


def assert_ok(report: ProbeReport) -> None:
    assert report.verdict.status == "ok", report.to_dict()
    assert report.verdict.exit_code is ExitCode.OK
    assert report.stage("ping").status is StageStatus.OK
    assert report.ping is not None and report.ping.min <= report.ping.median <= report.ping.max


def no_secret(report: ProbeReport) -> None:
    from redisdoctor.report import dumps

    assert SECRET not in dumps(report.to_dict())


# -- healthy ------------------------------------------------------------------------------------


def test_probe_healthy_server_is_ok(redis_server: RedisServer) -> None:
    report = run(redis_server.url, count=5)
    assert_ok(report)
    assert [s.name for s in report.stages] == [
        "parse", "resolve", "connect", "tls", "auth", "ping", "info",
    ]  # fmt: skip
    assert report.stage("tls").status is StageStatus.SKIPPED
    assert report.resp_version == 3
    assert report.ping is not None and len(report.ping.samples_ms) == 5
    assert report.server is not None and report.server.version == "7.0.15"
    assert report.server.role == "master" and report.server.mode == "standalone"
    assert "IP literal" in report.stage("resolve").detail


def test_probe_healthy_with_password_is_ok(redis_server_factory: RedisServerFactory) -> None:
    server = redis_server_factory(password=SECRET)
    report = run(server.url)
    assert_ok(report)
    assert "authenticated as default" in report.stage("auth").detail
    no_secret(report)


def test_probe_healthy_over_tls_reports_certificate(
    redis_server_factory: RedisServerFactory,
) -> None:
    server = redis_server_factory(tls=True)
    report = run(server.url, tls_ca=server.ca_path)
    assert_ok(report)
    assert report.tls is not None and report.tls.verified
    assert report.tls.protocol is not None and report.tls.protocol.startswith("TLS")
    assert any("127.0.0.1" in san for san in report.tls.sans)
    assert report.tls.days_to_expiry is not None and report.tls.days_to_expiry > 14
    assert report.stage("tls").status is StageStatus.OK


def test_probe_acl_user_over_cname_chain_is_ok(
    redis_server_factory: RedisServerFactory, dns_server: LoopbackDnsServer
) -> None:
    server = redis_server_factory(acl_users=[("app", SECRET, "~* +@all")])
    dns_server.add_cname("alias.test", "redis.test")
    dns_server.add_a("redis.test", "127.0.0.1")
    url = f"redis://app:{SECRET}@alias.test:{server.port}/2"
    report = run(url, nameservers=(dns_server.nameserver,))
    assert_ok(report)
    resolve = report.stage("resolve")
    assert "CNAME redis.test" in resolve.detail
    assert resolve.data["addresses"] == ["127.0.0.1"]
    assert resolve.data["dns"]["cname_chain"] == ["redis.test"]
    assert "SELECT 2 ok" in report.stage("auth").detail
    no_secret(report)


# -- DNS ----------------------------------------------------------------------------------------


def test_probe_nxdomain_fails_at_resolve_with_soa(dns_server: LoopbackDnsServer) -> None:
    report = run("redis://gone.test:6379", nameservers=(dns_server.nameserver,))
    assert_fails(report, Category.DNS_NXDOMAIN, "resolve", ExitCode.UNREACHABLE)
    dns = report.stage("resolve").data["dns"]
    assert dns["outcome"] == "nxdomain" and dns["negative_ttl"] == 60
    assert dns["nameserver"] == str(dns_server.nameserver)
    assert "does not exist" in report.verdict.cause
    assert "cache this answer for 60 s" in report.verdict.cause
    assert "`dig gone.test A`" in report.verdict.next_step


def test_probe_nxdomain_on_managed_hostname_says_database_may_be_deleted(
    dns_server: LoopbackDnsServer,
) -> None:
    report = run(
        "rediss://default:x@flowing-snail-56122.upstash.io:6379",
        nameservers=(dns_server.nameserver,),
    )
    assert_fails(report, Category.DNS_NXDOMAIN, "resolve", ExitCode.UNREACHABLE)
    assert "deleted or renamed" in report.verdict.next_step


def test_probe_servfail_is_dns_temporary(dns_server: LoopbackDnsServer) -> None:
    dns_server.servfail("broken.test")
    report = run("redis://broken.test:6379", nameservers=(dns_server.nameserver,))
    assert_fails(report, Category.DNS_TEMPORARY, "resolve", ExitCode.UNREACHABLE)
    assert "SERVFAIL" in report.verdict.cause and "not Redis" in report.verdict.cause
    ns = dns_server.nameserver
    assert f"`dig broken.test @{ns.address} -p {ns.port}`" in report.verdict.next_step


def test_probe_silent_resolver_times_out_as_dns_temporary(dns_server: LoopbackDnsServer) -> None:
    dns_server.silent("quiet.test")
    report = run("redis://quiet.test:6379", timeout=SHORT, nameservers=(dns_server.nameserver,))
    assert_fails(report, Category.DNS_TEMPORARY, "resolve", ExitCode.UNREACHABLE)
    assert "did not answer within 0.3 s" in report.verdict.cause
    assert "not Redis" in report.verdict.cause
    assert report.stage("resolve").data["dns"]["outcome"] == "timeout"


def test_probe_name_without_a_record_is_nodata(dns_server: LoopbackDnsServer) -> None:
    dns_server.nodata("empty.test")
    report = run("redis://empty.test:6379", nameservers=(dns_server.nameserver,))
    assert_fails(report, Category.DNS_NXDOMAIN, "resolve", ExitCode.UNREACHABLE)
    assert "no A or AAAA record" in report.verdict.cause
    assert report.stage("resolve").data["dns"]["outcome"] == "nodata"


def test_probe_hosts_file_entry_is_recognised(
    redis_server: RedisServer, dns_server: LoopbackDnsServer, tmp_path: Path
) -> None:
    hosts = tmp_path / "hosts"
    hosts.write_text("127.0.0.1 localhost\n10.9.9.9 cache.test  # staging\n", encoding="utf-8")
    dns_server.add_a("cache.test", "127.0.0.1")
    report = run(
        f"redis://cache.test:{redis_server.port}",
        nameservers=(dns_server.nameserver,),
        hosts_path=hosts,
    )
    assert_ok(report)
    assert report.stage("resolve").data["hosts_file"] == ["10.9.9.9"]
    assert "maps cache.test to 10.9.9.9" in report.stage("resolve").detail


class StaticResolver:
    """A ground-truth resolver with fixed answers (stands in for getaddrinfo + /etc/hosts)."""

    def __init__(self, address: str) -> None:
        self.address = address

    def getaddrinfo(self, host: str, port: int, family: int = 0, type: int = 0) -> list[AddrInfo]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (self.address, port))]


class HangingResolver:
    """A ground truth that never returns until released, like getaddrinfo on a silent resolver
    (which has no timeout of its own)."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def getaddrinfo(self, host: str, port: int, family: int = 0, type: int = 0) -> list[AddrInfo]:
        self.release.wait(10)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")


def test_probe_hanging_system_lookup_is_bounded_by_the_timeout() -> None:
    resolver = HangingResolver()
    try:
        report = run(
            "redis://hangs.test:6379", timeout=SHORT, resolver=resolver, second_opinion=False
        )
    finally:
        resolver.release.set()
    assert_fails(report, Category.DNS_TEMPORARY, "resolve", ExitCode.UNREACHABLE)
    assert "did not answer within 0.3 s" in report.verdict.cause
    assert "not Redis" in report.verdict.cause
    assert report.total_ms < 3000  # not the resolver's 10 s


def test_probe_name_only_in_hosts_file_is_reported_as_disagreement(
    redis_server: RedisServer, dns_server: LoopbackDnsServer, tmp_path: Path
) -> None:
    hosts = tmp_path / "hosts"
    hosts.write_text("127.0.0.1 only-local.test\n", encoding="utf-8")
    report = run(
        f"redis://only-local.test:{redis_server.port}",
        resolver=StaticResolver("127.0.0.1"),
        nameservers=(dns_server.nameserver,),
        hosts_path=hosts,
    )
    assert_ok(report)
    resolve = report.stage("resolve")
    assert resolve.data["disagreement"] is True
    assert "the name comes from /etc/hosts" in resolve.detail
    assert resolve.data["dns"]["outcome"] == "nxdomain"


def test_probe_split_horizon_answers_are_reported(
    redis_server: RedisServer, dns_server: LoopbackDnsServer
) -> None:
    dns_server.add_a("split.test", "10.20.30.40")
    report = run(
        f"redis://split.test:{redis_server.port}",
        resolver=StaticResolver("127.0.0.1"),
        nameservers=(dns_server.nameserver,),
    )
    assert_ok(report)
    detail = report.stage("resolve").detail
    assert "disagree: 127.0.0.1 vs 10.20.30.40" in detail


# -- TCP ----------------------------------------------------------------------------------------


def test_probe_refused_fails_at_connect(refusing_port: int) -> None:
    report = run(f"redis://127.0.0.1:{refusing_port}")
    assert_fails(report, Category.REFUSED, "connect", ExitCode.UNREACHABLE)
    assert "nothing listens" in report.verdict.cause
    assert f"`ss -ltnp | grep :{refusing_port}`" in report.verdict.next_step
    assert report.stage("connect").data["addresses"][0]["status"] == "refused"


def test_probe_blackhole_times_out_waiting_for_reply(blackhole_server: FaultServer) -> None:
    report = run(f"redis://127.0.0.1:{blackhole_server.port}", timeout=SHORT)
    assert_fails(report, Category.TIMEOUT, "auth", ExitCode.UNREACHABLE)
    assert report.stage("connect").status is StageStatus.OK


def test_probe_reset_on_accept_is_reset(reset_server: FaultServer) -> None:
    report = run(f"redis://127.0.0.1:{reset_server.port}", timeout=SHORT)
    # The RST follows the accept; on a loaded machine it can land before the timed connect()
    # has read its result, so the connect stage may be the one that sees it.
    stage = "connect" if report.stage("connect").status is StageStatus.FAIL else "auth"
    assert_fails(report, Category.RESET, stage, ExitCode.UNREACHABLE)


class DualStackResolver:
    """A name with an AAAA record for ::1 and an A record for 127.0.0.1, in that order."""

    def getaddrinfo(self, host: str, port: int, family: int = 0, type: int = 0) -> list[AddrInfo]:
        return [
            (socket.AF_INET6, socket.SOCK_STREAM, 6, "", ("::1", port, 0, 0)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port)),
        ]


def test_probe_one_address_refusing_while_another_works_is_warning(
    redis_server: RedisServer,
) -> None:
    # The shared server listens on 127.0.0.1 only: its port on ::1 refuses.
    report = run(
        f"redis://dual.test:{redis_server.port}",
        resolver=DualStackResolver(),
        second_opinion=False,
    )
    assert report.verdict.status == "warn", report.to_dict()
    assert report.verdict.exit_code is ExitCode.WARNINGS
    connect = report.stage("connect")
    assert connect.status is StageStatus.WARN
    assert [(a["address"], a["status"]) for a in connect.data["addresses"]] == [
        (f"[::1]:{redis_server.port}", "refused"),
        (f"127.0.0.1:{redis_server.port}", "ok"),
    ]
    assert report.findings[0].code == "some_addresses_fail"
    assert report.stage("ping").status is StageStatus.OK


def test_probe_unix_socket_is_ok(redis_server_factory: RedisServerFactory) -> None:
    # A short directory: a unix socket path is limited to ~107 bytes.
    with tempfile.TemporaryDirectory(prefix="rd-", dir="/tmp") as directory:
        sock = f"{directory}/redis.sock"
        redis_server_factory(extra_config={"unixsocket": sock, "unixsocketperm": 700})
        report = run(f"unix://{sock}?db=1")
    assert_ok(report)
    assert report.target.display == f"unix://{sock}?db=1"
    assert report.stage("resolve").status is StageStatus.SKIPPED
    assert report.stage("tls").detail == "unix socket: no TLS"
    assert report.stage("connect").data["addresses"][0]["address"] == sock
    assert "SELECT 1 ok" in report.stage("auth").detail


def test_probe_unix_socket_missing_is_refused(tmp_path: Path) -> None:
    report = run(f"unix://{tmp_path}/redis.sock")
    assert_fails(report, Category.REFUSED, "connect", ExitCode.UNREACHABLE)
    assert report.stage("resolve").status is StageStatus.SKIPPED
    assert f"`ls -l {tmp_path}/redis.sock`" in report.verdict.next_step


# -- TLS ----------------------------------------------------------------------------------------


def test_probe_tls_client_to_plain_port_says_port_does_not_speak_tls(
    redis_server: RedisServer,
) -> None:
    report = run(f"rediss://127.0.0.1:{redis_server.port}", timeout=SHORT)
    assert_fails(report, Category.TLS, "tls", ExitCode.UNREACHABLE)
    assert "does not speak TLS" in report.verdict.cause
    assert "redis://" in report.verdict.next_step


def test_probe_plain_client_to_tls_port_says_server_requires_tls(
    redis_server_factory: RedisServerFactory,
) -> None:
    server = redis_server_factory(tls=True)
    report = run(f"redis://127.0.0.1:{server.port}", timeout=SHORT)
    assert_fails(report, Category.TLS, "auth", ExitCode.UNREACHABLE)
    assert "requires TLS" in report.verdict.cause
    assert "rediss://" in report.verdict.next_step


def test_probe_untrusted_ca_is_verification_failure(
    redis_server_factory: RedisServerFactory, tls_ca: TlsAuthority
) -> None:
    server = redis_server_factory(tls=True)
    report = run(server.url, tls_ca=tls_ca.untrusted_ca_path)
    assert_fails(report, Category.TLS, "tls", ExitCode.UNREACHABLE)
    assert "certificate verification failed" in report.stage("tls").detail
    assert "did not verify" in report.verdict.cause
    # The certificate's facts come from a second, unverified handshake.
    assert report.tls is not None and not report.tls.verified
    assert report.tls.issuer is not None


def test_probe_certificate_for_another_name_is_verification_failure(
    redis_server_factory: RedisServerFactory, dns_server: LoopbackDnsServer
) -> None:
    server = redis_server_factory(tls=True)
    dns_server.add_a("elsewhere.test", "127.0.0.1")
    report = run(
        f"rediss://elsewhere.test:{server.port}",
        tls_ca=server.ca_path,
        nameservers=(dns_server.nameserver,),
    )
    assert_fails(report, Category.TLS, "tls", ExitCode.UNREACHABLE)
    assert "Hostname mismatch" in report.verdict.cause
    assert report.tls is not None and "DNS:redis.test" in report.tls.sans


def test_probe_insecure_skips_verification_but_reports_certificate(
    redis_server_factory: RedisServerFactory, tls_ca: TlsAuthority
) -> None:
    server = redis_server_factory(tls=True)
    report = run(server.url, tls_ca=tls_ca.untrusted_ca_path, insecure=True)
    assert_ok(report)
    assert report.tls is not None and not report.tls.verified
    assert "NOT verified" in report.tls.verify_result and report.tls.sans


# -- auth ---------------------------------------------------------------------------------------


@pytest.fixture
def password_server(redis_server_factory: RedisServerFactory) -> RedisServer:
    return redis_server_factory(password=SECRET)


def test_probe_wrong_password_is_auth(password_server: RedisServer) -> None:
    report = run(password_server.url_for(password="not-" + SECRET))
    assert_fails(report, Category.AUTH, "auth", ExitCode.AUTH)
    assert "rejected" in report.verdict.cause
    no_secret(report)


def test_probe_password_required_but_missing_is_auth(password_server: RedisServer) -> None:
    report = run(password_server.url_for())
    assert_fails(report, Category.AUTH, "auth", ExitCode.AUTH)
    assert "requires a password" in report.verdict.cause
    assert "redis://:PASSWORD@HOST:PORT" in report.verdict.next_step
    assert "NOAUTH" in report.stage("auth").detail


def test_probe_password_given_but_none_set_is_auth(redis_server: RedisServer) -> None:
    report = run(redis_server.url_for(password=SECRET))
    assert_fails(report, Category.AUTH, "auth", ExitCode.AUTH)
    assert "server has none set" in report.verdict.cause
    assert "remove the password from the URL" in report.verdict.next_step
    assert "the server you meant" in report.verdict.next_step
    no_secret(report)


@pytest.mark.parametrize("protected", [False, True])
def test_probe_lone_name_before_at_is_hidden_and_sent_like_redis_py(
    redis_server_factory: RedisServerFactory, protected: bool
) -> None:
    server = redis_server_factory(password=SECRET) if protected else redis_server_factory()
    # The password without its leading ':' is a user name to redis-py (AUTH <name> "").
    report = run(f"redis://{SECRET}@127.0.0.1:{server.port}/0")
    assert_fails(report, Category.AUTH, "auth", ExitCode.AUTH)
    assert "names a user but has no password" in report.verdict.cause
    assert "redis://:PASSWORD@HOST:PORT (with the ':')" in report.verdict.next_step
    assert "a name before '@' but no password" in report.stage("parse").detail
    assert report.to_dict()["target"]["username"] == "***"
    no_secret(report)


def test_probe_info_noperm_is_warning(redis_server_factory: RedisServerFactory) -> None:
    server = redis_server_factory(acl_users=[("limited", SECRET, "~* +@all -info")])
    report = run(server.url_for("limited", SECRET))
    assert report.verdict.status == "warn", report.to_dict()
    assert report.verdict.exit_code is ExitCode.WARNINGS
    assert report.stage("info").status is StageStatus.WARN
    assert report.findings[0].code == "info_not_permitted"


# -- Redis-level failures -----------------------------------------------------------------------


def test_probe_loading_is_failure(resp_error_server_factory: RespErrorServerFactory) -> None:
    server = resp_error_server_factory(b"-LOADING Redis is loading the dataset in memory\r\n")
    report = run(f"redis://127.0.0.1:{server.port}")
    assert_fails(report, Category.LOADING, "auth", ExitCode.FAILURES)
    assert "not serving yet" in report.verdict.cause


def test_probe_max_clients_reached_is_failure(redis_server_factory: RedisServerFactory) -> None:
    server = redis_server_factory(maxclients=1)
    with socket.create_connection((server.host, server.port), timeout=2) as holder:
        holder.sendall(b"PING\r\n")
        assert holder.recv(64) == b"+PONG\r\n"  # the only slot is taken
        report = run(server.url)
    assert_fails(report, Category.MAX_CLIENTS, "auth", ExitCode.FAILURES)
    assert "maxclients" in report.verdict.cause


def test_probe_http_server_is_protocol(http_server: FaultServer) -> None:
    report = run(f"redis://127.0.0.1:{http_server.port}")
    assert_fails(report, Category.PROTOCOL, "auth", ExitCode.FAILURES)
    assert "HTTP reply" in report.verdict.cause


def test_probe_clients_near_maxclients_is_warning(
    redis_server_factory: RedisServerFactory,
) -> None:
    server = redis_server_factory(maxclients=5)
    holders = [socket.create_connection((server.host, server.port), timeout=2) for _ in range(3)]
    try:
        for holder in holders:
            holder.sendall(b"PING\r\n")
            assert holder.recv(64) == b"+PONG\r\n"
        report = run(server.url)
    finally:
        for holder in holders:
            holder.close()
    assert report.verdict.status == "warn", report.to_dict()
    assert report.verdict.exit_code is ExitCode.WARNINGS
    finding = report.findings[0]
    assert finding.code == "clients_near_limit" and finding.value == "4/5"
    assert finding.threshold == ">= 80% of maxclients"


def test_probe_db_out_of_range_is_failure(redis_server: RedisServer) -> None:
    report = run(f"redis://127.0.0.1:{redis_server.port}/99")
    assert_fails(report, Category.OTHER, "auth", ExitCode.FAILURES)
    assert "database 99" in report.verdict.cause
    assert "CONFIG GET databases" in report.verdict.next_step


# -- an old server: HELLO unknown, RESP2 ----------------------------------------------------------

OLD_INFO = (
    "# Server\r\nredis_version:5.0.14\r\nredis_mode:standalone\r\nuptime_in_seconds:99\r\n"
    "# Clients\r\nconnected_clients:1\r\n# Memory\r\nused_memory:1000\r\nmaxmemory:0\r\n"
    "# Persistence\r\nloading:0\r\nrdb_last_bgsave_status:ok\r\n# Replication\r\nrole:master\r\n"
)


@pytest.fixture
def old_redis() -> Iterator[int]:
    """A RESP2-only server: HELLO is an unknown command; PING and INFO work."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    stop = threading.Event()
    seen: list[bytes] = []

    def serve(conn: socket.socket) -> None:
        conn.settimeout(2.0)
        with conn:
            while not stop.is_set():
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                seen.append(chunk)
                if b"HELLO" in chunk:
                    conn.sendall(b"-ERR unknown command 'HELLO'\r\n")
                elif b"PING" in chunk:
                    conn.sendall(b"+PONG\r\n")
                elif b"INFO" in chunk:
                    body = OLD_INFO.encode()
                    conn.sendall(b"$%d\r\n%s\r\n" % (len(body), body))
                else:
                    conn.sendall(b"-ERR unknown command\r\n")

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join(2)
    listener.close()
    commands = b"".join(seen)
    # Read-only: nothing but HELLO, PING and INFO was sent.
    assert b"SET" not in commands and b"DEL" not in commands


def test_probe_old_server_falls_back_to_resp2(old_redis: int) -> None:
    report = run(f"redis://127.0.0.1:{old_redis}")
    assert_ok(report)
    assert report.resp_version == 2
    assert "falling back to RESP2" in report.stage("auth").detail
    assert report.server is not None and report.server.version == "5.0.14"


def test_probe_protocol_2_in_url_skips_hello(redis_server: RedisServer) -> None:
    report = run(f"redis://127.0.0.1:{redis_server.port}/0?protocol=2")
    assert_ok(report)
    assert report.resp_version == 2


# -- watch --------------------------------------------------------------------------------------


class ScriptedClock(VirtualClock):
    """A VirtualClock whose n-th sleep runs the n-th action (stop or start the server)."""

    def __init__(self, actions: list[object]) -> None:
        super().__init__()
        self.actions = actions

    def sleep(self, seconds: float) -> None:
        super().sleep(seconds)
        if self.actions:
            action = self.actions.pop(0)
            if callable(action):
                action()


def test_probe_watch_sees_server_stop_and_come_back(
    redis_server_factory: RedisServerFactory,
) -> None:
    server = redis_server_factory()
    clock = ScriptedClock([server.stop, None, server.start])
    seen: list[str] = []
    events = watch(
        parse_redis_url(server.url),
        ProbeOptions(timeout=1.0, count=1, clock=clock),
        interval=30,
        max_probes=5,
        on_change=lambda event: seen.append(event.state),
    )
    assert [e.state for e in events] == ["OK", "refused", "OK"] == seen
    assert [e.probe_number for e in events] == [1, 2, 4]
    assert events[1].previous == "OK" and events[2].previous == "refused"
    assert (events[1].at - events[0].at).total_seconds() == 30
    assert (events[2].at - events[1].at).total_seconds() == 60
    assert clock.sleeps == [30, 30, 30, 30]


def test_probe_never_writes(redis_server: RedisServer) -> None:
    with redis_server.client() as client:
        client.ping()
        client.config_resetstat()
        run(redis_server.url, count=2)
        stats = client.info("commandstats")
    calls = {name.removeprefix("cmdstat_"): value["calls"] for name, value in stats.items()}
    calls.pop("config|resetstat", None)  # this test's own command
    assert calls == {"hello": 1, "ping": 2, "info": 1}


def test_probe_many_probes_targets_concurrently(blackhole_server: FaultServer) -> None:
    urls = [f"redis://127.0.0.1:{blackhole_server.port}/{db}" for db in range(3)]
    reports = probe_many([parse_redis_url(u) for u in urls], ProbeOptions(timeout=SHORT))
    assert [r.target.db for r in reports] == [0, 1, 2]  # the targets' order
    for report in reports:
        assert_fails(report, Category.TIMEOUT, "auth", ExitCode.UNREACHABLE)
    # Each probe waits >= 0.3 s for a reply; run one after another they could not overlap.
    starts = [r.started_at for r in reports]
    ends = [r.started_at + timedelta(milliseconds=r.total_ms) for r in reports]
    assert min(r.total_ms for r in reports) >= SHORT * 1000
    assert max(starts) < min(ends)
