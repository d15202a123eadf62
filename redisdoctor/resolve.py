"""Name resolution, injectable.

Everything in redisdoctor that turns a hostname into addresses goes through a `Resolver`, so tests
point it at a DNS server on loopback and users get the system resolver (getaddrinfo: /etc/hosts,
nsswitch, resolv.conf) by default. `DnsResolver` asks chosen nameservers with dnspython and fails
the way getaddrinfo does (`socket.gaierror` with EAI_* codes, the dnspython error as its cause), so
the taxonomy classifies both alike.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from redisdoctor.errors import UsageError

AddrInfo = tuple[
    socket.AddressFamily, socket.SocketKind, int, str, tuple[str, int] | tuple[str, int, int, int]
]

_EAI_NODATA: int = getattr(socket, "EAI_NODATA", socket.EAI_NONAME)


class Resolver(Protocol):
    """Anything with getaddrinfo's signature and failure behaviour (raises socket.gaierror)."""

    def getaddrinfo(
        self, host: str, port: int, family: int = 0, type: int = 0
    ) -> list[AddrInfo]: ...


class SystemResolver:
    """The operating system's resolver: what every Redis client really uses."""

    def getaddrinfo(self, host: str, port: int, family: int = 0, type: int = 0) -> list[AddrInfo]:
        return socket.getaddrinfo(host, port, family, type or socket.SOCK_STREAM)  # type: ignore[return-value]

    def __repr__(self) -> str:
        return "SystemResolver()"


SYSTEM_RESOLVER = SystemResolver()


@dataclass(frozen=True, slots=True)
class Nameserver:
    """A DNS server address and port."""

    address: str
    port: int = 53

    @classmethod
    def parse(cls, spec: str) -> Nameserver:
        """Parse ``IP``, ``IP:PORT``, ``[IPv6]:PORT`` or a bare IPv6 address."""
        text = spec.strip()
        address, port = text, 53
        if text.startswith("["):
            end = text.find("]")
            if end < 0:
                raise UsageError(f"invalid nameserver {spec!r}: missing ']'")
            address = text[1:end]
            rest = text[end + 1 :]
            if rest:
                if not rest.startswith(":"):
                    raise UsageError(f"invalid nameserver {spec!r}")
                port = _parse_port(rest[1:], spec)
        elif text.count(":") == 1:
            address, port_text = text.split(":")
            port = _parse_port(port_text, spec)
        try:
            ipaddress.ip_address(address)
        except ValueError:
            raise UsageError(
                f"invalid nameserver {spec!r}: expected an IP address, optionally with :PORT"
            ) from None
        return cls(address, port)

    def __str__(self) -> str:
        host = f"[{self.address}]" if ":" in self.address else self.address
        return f"{host}:{self.port}"


def _parse_port(text: str, spec: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise UsageError(f"invalid nameserver {spec!r}: port must be 1-65535")
    return int(text)


def ip_literal(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address when `host` is an IP literal (brackets allowed), else None."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


class DnsResolver:
    """Resolve with dnspython against chosen nameservers, failing like getaddrinfo.

    NXDOMAIN and "no A/AAAA records" raise gaierror EAI_NONAME / EAI_NODATA; SERVFAIL, refusal
    and timeouts raise EAI_AGAIN. The dnspython exception is chained as the cause.
    """

    def __init__(self, nameservers: Sequence[Nameserver], *, timeout: float = 2.0) -> None:
        if not nameservers:
            raise UsageError("DnsResolver needs at least one nameserver")
        self.nameservers = tuple(nameservers)
        self.timeout = timeout
        self.lookups = 0

    def _resolver(self) -> Any:
        import dns.nameserver
        import dns.resolver

        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = [
            dns.nameserver.Do53Nameserver(ns.address, ns.port) for ns in self.nameservers
        ]
        resolver.timeout = self.timeout
        resolver.lifetime = self.timeout
        resolver.retry_servfail = False
        return resolver

    def getaddrinfo(self, host: str, port: int, family: int = 0, type: int = 0) -> list[AddrInfo]:
        socktype = socket.SocketKind(type or socket.SOCK_STREAM)
        literal = ip_literal(host)
        if literal is not None:
            fam = socket.AF_INET6 if literal.version == 6 else socket.AF_INET
            return [_addrinfo(fam, socktype, str(literal), port)]
        self.lookups += 1
        return self._lookup(host, port, family, socktype)

    def _lookup(
        self, host: str, port: int, family: int, socktype: socket.SocketKind
    ) -> list[AddrInfo]:
        import dns.exception
        import dns.resolver

        resolver = self._resolver()
        wanted: list[tuple[str, socket.AddressFamily]] = []
        if family in (0, socket.AF_INET):
            wanted.append(("A", socket.AF_INET))
        if family in (0, socket.AF_INET6):
            wanted.append(("AAAA", socket.AF_INET6))
        results: list[AddrInfo] = []
        no_data: BaseException | None = None
        for rdtype, fam in wanted:
            try:
                answer = resolver.resolve(host, rdtype, search=False)
            except dns.resolver.NXDOMAIN as exc:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known") from exc
            except dns.resolver.NoAnswer as exc:
                no_data = exc
                continue
            except (dns.resolver.NoNameservers, dns.exception.Timeout) as exc:
                raise socket.gaierror(
                    socket.EAI_AGAIN, "Temporary failure in name resolution"
                ) from exc
            except dns.exception.DNSException as exc:
                raise socket.gaierror(
                    socket.EAI_FAIL, "Non-recoverable failure in name resolution"
                ) from exc
            results.extend(_addrinfo(fam, socktype, rr.address, port) for rr in answer)
        if not results:
            raise socket.gaierror(_EAI_NODATA, "No address associated with hostname") from no_data
        return results

    def __repr__(self) -> str:
        servers = ", ".join(str(ns) for ns in self.nameservers)
        return f"DnsResolver([{servers}], timeout={self.timeout})"


def _addrinfo(
    family: socket.AddressFamily, socktype: socket.SocketKind, address: str, port: int
) -> AddrInfo:
    if family == socket.AF_INET6:
        return (family, socktype, socket.IPPROTO_TCP, "", (address, port, 0, 0))
    return (family, socktype, socket.IPPROTO_TCP, "", (address, port))
