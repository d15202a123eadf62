"""Tests of the loopback DNS server fixture, asked directly with dnspython over UDP and TCP."""

from __future__ import annotations

import dns.exception
import dns.message
import dns.query
import dns.rcode
import dns.rdatatype
import pytest

from tests.fixtures.dns_server import LoopbackDnsServer


def _ask(
    server: LoopbackDnsServer, name: str, rdtype: str = "A", *, tcp: bool = False
) -> dns.message.Message:
    query = dns.message.make_query(name, rdtype)
    if tcp:
        return dns.query.tcp(query, server.host, port=server.port, timeout=1.0)
    return dns.query.udp(query, server.host, port=server.port, timeout=1.0)


def _addresses(response: dns.message.Message) -> list[str]:
    return sorted(
        rr.to_text()
        for rrset in response.answer
        if rrset.rdtype in (dns.rdatatype.A, dns.rdatatype.AAAA)
        for rr in rrset
    )


@pytest.mark.parametrize("tcp", [False, True], ids=["udp", "tcp"])
def test_dns_server_answers_a_and_aaaa(dns_server: LoopbackDnsServer, tcp: bool) -> None:
    dns_server.add_a("redis.test", "127.0.0.1", "127.0.0.2")
    dns_server.add_aaaa("redis.test", "::1")
    a = _ask(dns_server, "redis.test", "A", tcp=tcp)
    aaaa = _ask(dns_server, "redis.test", "AAAA", tcp=tcp)
    assert a.rcode() == dns.rcode.NOERROR
    assert _addresses(a) == ["127.0.0.1", "127.0.0.2"]
    assert _addresses(aaaa) == ["::1"]
    assert dns_server.queries == 2
    assert dns_server.query_log == [("redis.test", "A"), ("redis.test", "AAAA")]


def test_dns_server_follows_cname_chain(dns_server: LoopbackDnsServer) -> None:
    dns_server.add_cname("alias.test", "middle.test")
    dns_server.add_cname("middle.test", "real.test")
    dns_server.add_a("real.test", "127.0.0.7")
    response = _ask(dns_server, "alias.test")
    chain = [
        (rrset.name.to_text(), rrset[0].to_text())
        for rrset in response.answer
        if rrset.rdtype == dns.rdatatype.CNAME
    ]
    assert chain == [("alias.test.", "middle.test."), ("middle.test.", "real.test.")]
    assert _addresses(response) == ["127.0.0.7"]


def test_dns_server_unknown_name_is_nxdomain_with_soa(dns_server: LoopbackDnsServer) -> None:
    response = _ask(dns_server, "missing.test")
    assert response.rcode() == dns.rcode.NXDOMAIN
    assert response.answer == []
    assert [rrset.rdtype for rrset in response.authority] == [dns.rdatatype.SOA]


def test_dns_server_cname_to_missing_name_is_nxdomain(dns_server: LoopbackDnsServer) -> None:
    dns_server.add_cname("dangling.test", "gone.test")
    response = _ask(dns_server, "dangling.test")
    assert response.rcode() == dns.rcode.NXDOMAIN
    assert response.answer[0].rdtype == dns.rdatatype.CNAME


def test_dns_server_nodata_and_missing_type(dns_server: LoopbackDnsServer) -> None:
    dns_server.nodata("empty.test")
    dns_server.add_a("v4only.test", "127.0.0.1")
    for name, rdtype in (("empty.test", "A"), ("v4only.test", "AAAA")):
        response = _ask(dns_server, name, rdtype)
        assert response.rcode() == dns.rcode.NOERROR
        assert response.answer == []
        assert [rrset.rdtype for rrset in response.authority] == [dns.rdatatype.SOA]


def test_dns_server_servfail(dns_server: LoopbackDnsServer) -> None:
    dns_server.servfail("broken.test")
    assert _ask(dns_server, "broken.test").rcode() == dns.rcode.SERVFAIL
    assert _ask(dns_server, "broken.test", tcp=True).rcode() == dns.rcode.SERVFAIL


def test_dns_server_silent_never_answers(dns_server: LoopbackDnsServer) -> None:
    dns_server.silent("quiet.test")
    query = dns.message.make_query("quiet.test", "A")
    with pytest.raises(dns.exception.Timeout):
        dns.query.udp(query, dns_server.host, port=dns_server.port, timeout=0.2)
    assert dns_server.queries == 1


def test_dns_server_reset_forgets_names(dns_server: LoopbackDnsServer) -> None:
    dns_server.add_a("redis.test", "127.0.0.1")
    _ask(dns_server, "redis.test")
    dns_server.reset()
    assert dns_server.queries == 0
    assert _ask(dns_server, "redis.test").rcode() == dns.rcode.NXDOMAIN


def test_dns_server_nameserver_and_resolver(dns_server: LoopbackDnsServer) -> None:
    assert dns_server.nameserver.address == "127.0.0.1"
    assert dns_server.nameserver.port == dns_server.port
    resolver = dns_server.resolver(timeout=0.3)
    assert resolver.timeout == 0.3
    assert resolver.nameservers == (dns_server.nameserver,)
