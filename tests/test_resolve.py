"""DnsResolver against the loopback DNS server, and Nameserver parsing.

DnsResolver must fail exactly like getaddrinfo (socket.gaierror with EAI_* codes) so the taxonomy
treats a test resolver and the system resolver alike.
"""

from __future__ import annotations

import socket

import dns.exception
import dns.resolver
import pytest

from redisdoctor.errors import UsageError
from redisdoctor.resolve import DnsResolver, Nameserver, SystemResolver, ip_literal
from tests.fixtures.dns_server import LoopbackDnsServer

EAI_NODATA = getattr(socket, "EAI_NODATA", socket.EAI_NONAME)


def test_resolve_a_records(dns_server: LoopbackDnsServer) -> None:
    dns_server.add_a("redis.test", "127.0.0.1", "127.0.0.2")
    infos = dns_server.resolver().getaddrinfo("redis.test", 6379)
    assert sorted(info[4] for info in infos) == [("127.0.0.1", 6379), ("127.0.0.2", 6379)]
    assert {info[0] for info in infos} == {socket.AF_INET}
    assert {info[1] for info in infos} == {socket.SOCK_STREAM}


def test_resolve_aaaa_records(dns_server: LoopbackDnsServer) -> None:
    dns_server.add_aaaa("v6.test", "::1")
    infos = dns_server.resolver().getaddrinfo("v6.test", 6380)
    assert [(info[0], info[4]) for info in infos] == [(socket.AF_INET6, ("::1", 6380, 0, 0))]


def test_resolve_family_limits_queries(dns_server: LoopbackDnsServer) -> None:
    dns_server.add_a("redis.test", "127.0.0.1")
    dns_server.add_aaaa("redis.test", "::1")
    infos = dns_server.resolver().getaddrinfo("redis.test", 6379, socket.AF_INET)
    assert [info[4] for info in infos] == [("127.0.0.1", 6379)]
    assert dns_server.query_log == [("redis.test", "A")]


def test_resolve_cname_chain(dns_server: LoopbackDnsServer) -> None:
    dns_server.add_cname("cache.test", "primary.cache.test")
    dns_server.add_cname("primary.cache.test", "node1.test")
    dns_server.add_a("node1.test", "127.0.0.9")
    infos = dns_server.resolver().getaddrinfo("cache.test", 6379, socket.AF_INET)
    assert [info[4] for info in infos] == [("127.0.0.9", 6379)]


def test_resolve_nxdomain_is_eai_noname(dns_server: LoopbackDnsServer) -> None:
    with pytest.raises(socket.gaierror) as info:
        dns_server.resolver().getaddrinfo("deleted-db.test", 6379)
    assert info.value.errno == socket.EAI_NONAME
    assert isinstance(info.value.__cause__, dns.resolver.NXDOMAIN)


def test_resolve_nodata_is_eai_nodata(dns_server: LoopbackDnsServer) -> None:
    dns_server.nodata("empty.test")
    with pytest.raises(socket.gaierror) as info:
        dns_server.resolver().getaddrinfo("empty.test", 6379)
    assert info.value.errno == EAI_NODATA
    assert isinstance(info.value.__cause__, dns.resolver.NoAnswer)


def test_resolve_servfail_is_eai_again(dns_server: LoopbackDnsServer) -> None:
    dns_server.servfail("broken.test")
    with pytest.raises(socket.gaierror) as info:
        dns_server.resolver().getaddrinfo("broken.test", 6379)
    assert info.value.errno == socket.EAI_AGAIN
    assert isinstance(info.value.__cause__, dns.resolver.NoNameservers)


def test_resolve_silent_server_is_eai_again(dns_server: LoopbackDnsServer) -> None:
    dns_server.silent("quiet.test")
    with pytest.raises(socket.gaierror) as info:
        dns_server.resolver(timeout=0.2).getaddrinfo("quiet.test", 6379)
    assert info.value.errno == socket.EAI_AGAIN
    assert isinstance(info.value.__cause__, dns.exception.Timeout)
    assert dns_server.queries >= 1


@pytest.mark.parametrize(
    ("host", "family", "address"),
    [
        ("127.0.0.1", socket.AF_INET, ("127.0.0.1", 6379)),
        ("::1", socket.AF_INET6, ("::1", 6379, 0, 0)),
        ("[::1]", socket.AF_INET6, ("::1", 6379, 0, 0)),
    ],
)
def test_resolve_ip_literal_skips_dns(
    dns_server: LoopbackDnsServer, host: str, family: int, address: tuple[object, ...]
) -> None:
    resolver = dns_server.resolver()
    infos = resolver.getaddrinfo(host, 6379)
    assert [(info[0], info[4]) for info in infos] == [(family, address)]
    assert resolver.lookups == 0
    assert dns_server.queries == 0


def test_resolve_counts_lookups(dns_server: LoopbackDnsServer) -> None:
    dns_server.add_a("redis.test", "127.0.0.1")
    resolver = dns_server.resolver()
    for _ in range(3):
        resolver.getaddrinfo("redis.test", 6379, socket.AF_INET)
    with pytest.raises(socket.gaierror):
        resolver.getaddrinfo("missing.test", 6379, socket.AF_INET)
    assert resolver.lookups == 4
    assert dns_server.queries == 4


def test_resolve_dns_resolver_needs_a_nameserver() -> None:
    with pytest.raises(UsageError):
        DnsResolver([])


def test_resolve_system_resolver_ip_literal() -> None:
    # A numeric host never reaches the configured DNS server.
    infos = SystemResolver().getaddrinfo("127.0.0.1", 6379)
    assert ("127.0.0.1", 6379) in [info[4] for info in infos]


def test_resolve_ip_literal_helper() -> None:
    assert str(ip_literal("[::1]")) == "::1"
    assert str(ip_literal("10.0.0.1")) == "10.0.0.1"
    assert ip_literal("redis.test") is None


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("127.0.0.1", Nameserver("127.0.0.1", 53)),
        (" 127.0.0.1:5353 ", Nameserver("127.0.0.1", 5353)),
        ("::1", Nameserver("::1", 53)),
        ("[::1]:5353", Nameserver("::1", 5353)),
        ("[fe80::1]", Nameserver("fe80::1", 53)),
    ],
)
def test_nameserver_parse_good(spec: str, expected: Nameserver) -> None:
    assert Nameserver.parse(spec) == expected


@pytest.mark.parametrize(
    "spec",
    ["", "dns.example", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:x", "[::1", "[::1]5353",
     "300.1.1.1", "1.2.3.4:53:53"],
)  # fmt: skip
def test_nameserver_parse_bad(spec: str) -> None:
    with pytest.raises(UsageError):
        Nameserver.parse(spec)


def test_nameserver_str_round_trips() -> None:
    for spec in ("127.0.0.1:5353", "[::1]:53"):
        assert str(Nameserver.parse(spec)) == spec
