"""The resolve stage's second opinion: ask DNS directly, and read /etc/hosts, to explain a lookup.

getaddrinfo (or the injected resolver) says *what* a client will get; this module says *why*: the
DNS response code, which nameserver answered, the CNAME chain, the A and AAAA records, and for a
missing name the zone's SOA with its negative-cache TTL (how long resolvers will keep saying "no
such name" after the record is fixed). Queries go to the given nameservers only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redisdoctor.resolve import Nameserver

HOSTS_PATH = Path("/etc/hosts")


@dataclass(frozen=True, slots=True)
class DnsOpinion:
    """What DNS said about one name (A and AAAA questions)."""

    outcome: str  # answer | nxdomain | nodata | servfail | refused | timeout | error
    nameserver: str | None = None
    rcode: str | None = None
    addresses: tuple[str, ...] = ()
    cname_chain: tuple[str, ...] = ()
    soa: str | None = None
    negative_ttl: int | None = None
    detail: str = ""
    asked: tuple[str, ...] = ()
    queries: tuple[dict[str, Any], ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "outcome": self.outcome,
            "nameserver": self.nameserver,
            "rcode": self.rcode,
            "addresses": list(self.addresses),
            "cname_chain": list(self.cname_chain),
            "soa": self.soa,
            "negative_ttl": self.negative_ttl,
            "detail": self.detail,
            "asked": list(self.asked),
            "queries": list(self.queries),
        }

    def summary(self) -> str:
        """One line for the stage's detail."""
        via = f" from {self.nameserver}" if self.nameserver else ""
        chain = f" via CNAME {' -> '.join(self.cname_chain)}" if self.cname_chain else ""
        if self.outcome == "answer":
            return f"DNS{via}: {', '.join(self.addresses)}{chain}"
        if self.outcome == "nxdomain":
            ttl = (
                f"; negative answers are cached for {self.negative_ttl} s"
                if self.negative_ttl is not None
                else ""
            )
            soa = f" (SOA {self.soa})" if self.soa else ""
            return f"DNS{via}: NXDOMAIN, the name does not exist{soa}{ttl}"
        if self.outcome == "nodata":
            return f"DNS{via}: NOERROR but no A/AAAA records{chain}"
        if self.outcome == "servfail":
            return f"DNS{via}: SERVFAIL, the resolver could not get an answer"
        if self.outcome == "refused":
            return f"DNS{via}: REFUSED, the nameserver will not answer this query"
        if self.outcome == "timeout":
            return f"DNS: no answer from {', '.join(self.asked)} ({self.detail})"
        return f"DNS: {self.detail}"


def hosts_entries(host: str, path: Path = HOSTS_PATH) -> tuple[str, ...]:
    """The addresses /etc/hosts gives `host` (empty when it has none or the file is unreadable)."""
    wanted = host.lower().rstrip(".")
    found: list[str] = []
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].split()
        if len(line) >= 2 and wanted in (name.lower().rstrip(".") for name in line[1:]):
            found.append(line[0])
    return tuple(dict.fromkeys(found))


def system_nameservers() -> list[Nameserver]:
    """The nameservers of /etc/resolv.conf (only used when no --nameserver is given)."""
    import dns.resolver

    try:
        resolver = dns.resolver.Resolver(configure=True)
    except Exception:  # no resolv.conf: no second opinion
        return []
    servers: list[Nameserver] = []
    for entry in resolver.nameservers:
        address = str(entry)
        with contextlib.suppress(Exception):
            servers.append(Nameserver.parse(address))
    return servers


def ask_dns(
    host: str,
    nameservers: Sequence[Nameserver],
    *,
    timeout: float,
    monotonic: Callable[[], float],
) -> DnsOpinion:
    """Ask each nameserver in turn (the next only on timeout) for A and AAAA of `host`."""
    import dns.exception
    import dns.message
    import dns.name
    import dns.query
    import dns.rcode
    import dns.rdatatype

    asked = tuple(str(ns) for ns in nameservers)
    if not nameservers:
        return DnsOpinion("error", detail="no nameserver configured", asked=asked)
    try:
        qname = dns.name.from_text(host if host.endswith(".") else f"{host}.")
    except dns.exception.DNSException as exc:
        return DnsOpinion("error", detail=f"not a valid DNS name: {exc}", asked=asked)
    queries: list[dict[str, Any]] = []
    addresses: list[str] = []
    chain: list[str] = []
    last_timeout = ""
    for ns in nameservers:
        responses: list[Any] = []
        try:
            for rdtype in (dns.rdatatype.A, dns.rdatatype.AAAA):
                request = dns.message.make_query(qname, rdtype)
                started = monotonic()
                response, _tcp = dns.query.udp_with_fallback(
                    request, ns.address, timeout=timeout, port=ns.port
                )
                queries.append(
                    {
                        "nameserver": str(ns),
                        "type": dns.rdatatype.to_text(rdtype),
                        "rcode": dns.rcode.to_text(response.rcode()),
                        "ms": round((monotonic() - started) * 1000, 3),
                    }
                )
                responses.append(response)
                if response.rcode() != dns.rcode.NOERROR:
                    break
        except dns.exception.Timeout:
            last_timeout = f"timed out after {timeout:g} s"
            queries.append({"nameserver": str(ns), "rcode": "timeout"})
            continue
        except (OSError, dns.exception.DNSException) as exc:
            queries.append({"nameserver": str(ns), "rcode": "error", "error": str(exc)})
            last_timeout = f"{type(exc).__name__}: {exc}"
            continue
        where = str(ns)
        final = responses[-1]
        rcode = final.rcode()
        if rcode == dns.rcode.NXDOMAIN:
            soa, negative_ttl = _soa(final)
            return DnsOpinion(
                "nxdomain",
                where,
                "NXDOMAIN",
                cname_chain=tuple(_chain(final, qname)),
                soa=soa,
                negative_ttl=negative_ttl,
                asked=asked,
                queries=tuple(queries),
            )
        if rcode == dns.rcode.SERVFAIL:
            return DnsOpinion("servfail", where, "SERVFAIL", asked=asked, queries=tuple(queries))
        if rcode == dns.rcode.REFUSED:
            return DnsOpinion("refused", where, "REFUSED", asked=asked, queries=tuple(queries))
        if rcode != dns.rcode.NOERROR:
            name = dns.rcode.to_text(rcode)
            return DnsOpinion(
                "error", where, name, detail=f"rcode {name}", asked=asked, queries=tuple(queries)
            )
        for response in responses:
            for link in _chain(response, qname):
                if link not in chain:
                    chain.append(link)
            addresses.extend(_addresses(response))
        if addresses:
            return DnsOpinion(
                "answer",
                where,
                "NOERROR",
                addresses=tuple(dict.fromkeys(addresses)),
                cname_chain=tuple(chain),
                asked=asked,
                queries=tuple(queries),
            )
        soa, negative_ttl = _soa(responses[-1])
        return DnsOpinion(
            "nodata",
            where,
            "NOERROR",
            cname_chain=tuple(chain),
            soa=soa,
            negative_ttl=negative_ttl,
            asked=asked,
            queries=tuple(queries),
        )
    return DnsOpinion("timeout", detail=last_timeout, asked=asked, queries=tuple(queries))


def _chain(response: Any, qname: Any) -> list[str]:
    """The CNAME chain from `qname` in the answer section, as names without the final dot."""
    import dns.rdatatype

    targets = {
        rrset.name: rrset[0].target
        for rrset in response.answer
        if rrset.rdtype == dns.rdatatype.CNAME and len(rrset)
    }
    chain: list[str] = []
    current = qname
    while current in targets and len(chain) < 16:
        current = targets[current]
        chain.append(current.to_text(omit_final_dot=True))
    return chain


def _addresses(response: Any) -> list[str]:
    import dns.rdatatype

    return [
        rdata.address
        for rrset in response.answer
        if rrset.rdtype in (dns.rdatatype.A, dns.rdatatype.AAAA)
        for rdata in rrset
    ]


def _soa(response: Any) -> tuple[str | None, int | None]:
    """The authority section's SOA and the negative-cache TTL (RFC 2308: min of TTL, MINIMUM)."""
    import dns.rdatatype

    for rrset in response.authority:
        if rrset.rdtype == dns.rdatatype.SOA and len(rrset):
            soa = rrset[0]
            return (
                f"{rrset.name.to_text(omit_final_dot=True)} {soa.to_text()}",
                int(min(rrset.ttl, soa.minimum)),
            )
    return None, None
