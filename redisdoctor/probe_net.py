"""The network stages of the probe: resolve (ground truth + DNS second opinion), connect (every
address, timed alone) and tls (handshake, certificate facts, "does not speak TLS" vs "requires
TLS" vs verification failure).
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Sequence
from typing import Any

from redisdoctor.probe_base import ProbeBase, ms
from redisdoctor.probe_dns import DnsOpinion, ask_dns, hosts_entries
from redisdoctor.probe_info import Finding
from redisdoctor.probe_report import StageStatus
from redisdoctor.probe_resp import (
    RespConnection,
    RespError,
    RespProtocolError,
)
from redisdoctor.probe_tls import (
    EXPIRY_WARN_DAYS,
    TlsDetails,
    describe,
    make_context,
    not_tls_reply,
    peer_certificate,
    unverified_handshake,
)
from redisdoctor.resolve import AddrInfo, Nameserver, Resolver, ip_literal
from redisdoctor.taxonomy import Category, classify_exception

# Hostname suffixes of managed Redis services, where NXDOMAIN usually means a deleted database.
MANAGED_SUFFIXES = (
    "upstash.io",
    "cache.amazonaws.com",
    "amazonaws.com",
    "redis.cache.windows.net",
    "redisenterprise.cache.azure.net",
    "redis-cloud.com",
    "redislabs.com",
    "aivencloud.com",
    "db.ondigitalocean.com",
    "render.com",
    "rlwy.net",
    "railway.app",
    "redis.io",
)


def _is_managed(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == s or host.endswith("." + s) for s in MANAGED_SUFFIXES)


class NetworkStages(ProbeBase):
    """resolve, connect and tls, and the diagnostics that tell TLS mistakes apart."""

    def stage_resolve(self) -> None:
        t = self.target
        if t.is_unix:
            self.skip("resolve", "unix socket: no name to resolve")
            return
        assert t.host is not None and t.port is not None
        literal = ip_literal(t.host)
        if literal is None and (self.options.nameservers or self._wants_second_opinion(t.host)):
            # Load dnspython before the clock starts: the stage times DNS, not imports.
            import dns.message
            import dns.query
            import dns.resolver  # noqa: F401
        self.begin()
        if literal is not None:
            family = socket.AF_INET6 if literal.version == 6 else socket.AF_INET
            sockaddr: Any = (
                (str(literal), t.port, 0, 0) if literal.version == 6 else (str(literal), t.port)
            )
            self.addresses = [(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", sockaddr)]
            self.record(
                "resolve",
                StageStatus.OK,
                f"{literal} is an IP literal: no lookup needed",
                data={"addresses": [str(literal)], "source": "ip_literal"},
            )
            return
        host = t.host
        hosts = hosts_entries(host, self.options.hosts_path)
        opinion_box: list[DnsOpinion] = []
        worker: threading.Thread | None = None
        if self._wants_second_opinion(host):
            worker = threading.Thread(
                target=lambda: opinion_box.append(self._second_opinion(host)),
                name="redisdoctor-dns-opinion",
                daemon=True,
            )
            worker.start()
        resolver = self.options.ground_truth()
        error: BaseException | None = None
        try:
            infos = _bounded_lookup(resolver, host, t.port, self.options.timeout)
        except (OSError, UnicodeError) as exc:
            error = exc
            infos = []
        elapsed_end = self.clock.monotonic()
        if worker is not None:
            worker.join(self.options.timeout * 3 + 1)
        opinion = opinion_box[0] if opinion_box else None
        source = (
            "nameservers " + ", ".join(map(str, self.options.nameservers))
            if (self.options.resolver is None and self.options.nameservers)
            else ("getaddrinfo" if self.options.resolver is None else repr(resolver))
        )
        data: dict[str, Any] = {
            "source": source,
            "hosts_file": list(hosts),
            "dns": opinion.to_dict() if opinion else None,
        }
        notes: list[str] = []
        if hosts:
            notes.append(f"{self.options.hosts_path} maps {host} to {', '.join(hosts)}")
        if opinion is not None:
            notes.append(opinion.summary())
        # Time the stage by the ground truth, not by the second opinion running beside it.
        now_end = elapsed_end
        if error is not None:
            category = classify_exception(error)
            data["error"] = f"{type(error).__name__}: {error}"
            cause, step = self._resolve_cause(host, category, opinion, error)
            detail = f"{source}: {error}" + (f"; {'; '.join(notes)}" if notes else "")
            raise self.fail("resolve", category, detail, cause, step, data=data, end=now_end)
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        self.addresses = _unique_infos(infos)
        data["addresses"] = addresses
        if opinion is not None and opinion.outcome == "answer":
            if set(opinion.addresses) != set(addresses):
                notes.append(
                    f"the resolver used ({source}) and DNS disagree: "
                    f"{', '.join(addresses)} vs {', '.join(opinion.addresses)} "
                    "(/etc/hosts entry or split-horizon DNS)"
                )
                data["disagreement"] = True
        elif opinion is not None and opinion.outcome != "answer":
            notes.append(
                f"the resolver used ({source}) found {', '.join(addresses)} but DNS did not "
                f"({opinion.outcome}): "
                + (
                    "the name comes from /etc/hosts"
                    if hosts
                    else "split-horizon DNS or a local resolver override"
                )
            )
            data["disagreement"] = True
        detail = f"{source}: {', '.join(addresses)}" + (f"; {'; '.join(notes)}" if notes else "")
        self.record("resolve", StageStatus.OK, detail, data=data, end=now_end)

    def _wants_second_opinion(self, host: str) -> bool:
        if not self.options.second_opinion:
            return False
        # RFC 6761: "localhost" never goes to DNS.
        lowered = host.lower().rstrip(".")
        return not (lowered == "localhost" or lowered.endswith(".localhost"))

    def _second_opinion(self, host: str) -> DnsOpinion:
        servers: Sequence[Nameserver] = self.options.nameservers
        if not servers:
            from redisdoctor.probe_dns import system_nameservers

            servers = system_nameservers()
        return ask_dns(host, servers, timeout=self.options.timeout, monotonic=self.clock.monotonic)

    def _resolve_cause(
        self, host: str, category: Category, opinion: DnsOpinion | None, error: BaseException
    ) -> tuple[str, str | None]:
        outcome = opinion.outcome if opinion else None
        if category is Category.DNS_NXDOMAIN:
            nodata = outcome == "nodata" or (
                isinstance(error, socket.gaierror)
                and error.errno == getattr(socket, "EAI_NODATA", None)
            )
            if nodata:
                cause = f"The name {host} exists in DNS but has no A or AAAA record."
            else:
                cause = f"The name {host} does not exist in DNS (NXDOMAIN)."
            if opinion and opinion.negative_ttl is not None:
                cause = cause[:-1] + (
                    f"; resolvers cache this answer for {opinion.negative_ttl} s."
                )
            if _is_managed(host):
                return cause, (
                    "This is a managed-Redis hostname: the database may have been deleted or "
                    "renamed. Check the provider's console for the current endpoint and the "
                    "REDIS_URL your application really uses."
                )
            return cause, (
                f"Check the hostname in the URL for typos and that its record exists "
                f"(`dig {host} A`, `dig {host} AAAA`); a record just added is seen once "
                "resolvers' negative cache expires."
            )
        if category is Category.DNS_TEMPORARY:
            if outcome == "servfail":
                what = "the resolver answered SERVFAIL"
            elif (
                outcome == "timeout"
                or isinstance(error, LookupTimeoutError)
                or "timeout" in type(error.__cause__).__name__.lower()
            ):
                what = f"the resolver did not answer within {self.options.timeout:g} s"
            else:
                what = "the resolver failed"
            cause = f"Looking up {host} failed: {what}; this is DNS failing, not Redis."
            if not self.options.nameservers:
                return cause, None  # the category's step: start from /etc/resolv.conf
            ns = self.options.nameservers[0]
            port = f" -p {ns.port}" if ns.port != 53 else ""
            return cause, (
                f"Ask the nameserver directly: `dig {host} @{ns.address}{port}`. SERVFAIL or a "
                "timeout usually heals; if it persists, the resolver or the zone's nameservers "
                "are broken."
            )
        return f"Looking up {host} failed ({category.value}).", None

    def stage_connect(self) -> None:
        self.begin()
        t = self.target
        timeout = self.options.timeout
        results: list[dict[str, Any]] = []
        first_error: BaseException | None = None
        if t.is_unix:
            candidates: list[AddrInfo] = [
                (socket.AF_UNIX, socket.SOCK_STREAM, 0, "", t.path)  # type: ignore[list-item]
            ]
        else:
            candidates = self.addresses
        for family, socktype, proto, _canon, sockaddr in candidates:
            started = self.clock.monotonic()
            sock = socket.socket(family, socktype, proto)
            sock.settimeout(timeout)
            label = t.path if t.is_unix else _address_label(sockaddr)
            try:
                sock.connect(sockaddr)
            except OSError as exc:
                sock.close()
                category = classify_exception(exc)
                results.append(
                    {
                        "address": label,
                        "status": category.value,
                        "ms": round(ms(self.clock.monotonic() - started), 3),
                        "error": f"{type(exc).__name__}: {exc}",
                    }
                )
                first_error = first_error or exc
                continue
            results.append(
                {
                    "address": label,
                    "status": "ok",
                    "ms": round(ms(self.clock.monotonic() - started), 3),
                }
            )
            if self.sock is None:
                self.sock = sock
                self.connected = (family, socktype, proto, _canon, sockaddr)
            else:
                sock.close()
        parts = [f"{r['address']} {r['status']} in {r['ms']:.1f} ms" for r in results]
        data = {"addresses": results}
        if self.sock is None:
            assert first_error is not None
            category = classify_exception(first_error)
            raise self.fail(
                "connect", category, "; ".join(parts), *self._connect_cause(category), data=data
            )
        if any(r["status"] != "ok" for r in results):
            failed = [r["address"] for r in results if r["status"] != "ok"]
            self.findings.append(
                Finding(
                    "some_addresses_fail",
                    f"{', '.join(failed)} did not accept a connection while another address did",
                    "; ".join(parts),
                    "every resolved address accepts",
                    "Clients may try the failing address first and wait or fail: bind Redis to "
                    "every address the name resolves to, or fix the DNS records.",
                )
            )
            self.record("connect", StageStatus.WARN, "; ".join(parts), data=data)
            return
        self.record("connect", StageStatus.OK, "; ".join(parts), data=data)

    def _connect_cause(self, category: Category) -> tuple[str, str | None]:
        """The cause, and the exact commands to run next (None: the category's next step)."""
        t = self.target
        where = t.endpoint
        if category is Category.REFUSED:
            if t.is_unix:
                return f"Nothing listens on the unix socket {where}.", (
                    f"Check that redis-server is running and that `unixsocket` in redis.conf is "
                    f"{where} (`ls -l {where}`; `ss -lxp | grep {where}` on the host)."
                )
            return (
                f"The host answered, but nothing listens on {where}: the connection was refused.",
                f"Check that redis-server is running and listening on port {t.port} "
                f"(`ss -ltnp | grep :{t.port}` on the host; `bind` and `port` in redis.conf), "
                "and that no firewall rejects the port.",
            )
        if category is Category.TIMEOUT:
            return (
                f"No answer to the TCP connect to {where} within {self.options.timeout:g} s: "
                "packets are dropped (firewall, security group) or the host is down.",
                f"Check the network path (`nc -vz -w 5 {t.host} {t.port}` from here), the "
                "security groups or firewall rules between here and the host, and that the "
                "host is up.",
            )
        if category is Category.UNREACHABLE:
            return f"There is no network route to {where}.", None
        return f"The TCP connect to {where} failed ({category.value}).", None

    def stage_tls(self) -> None:
        t = self.target
        if not t.tls:
            self.skip("tls", "unix socket: no TLS" if t.is_unix else "plain TCP (redis://): no TLS")
            return
        assert self.sock is not None and self.connected is not None
        self.begin()
        cert_reqs = str(t.params.get("ssl_cert_reqs", "required")).lower()
        insecure = self.options.insecure or cert_reqs == "none"
        ca_file = self.options.tls_ca or t.params.get("ssl_ca_certs")
        check_hostname = bool(t.params.get("ssl_check_hostname", True)) and not insecure
        try:
            context = make_context(
                ca_file=str(ca_file) if ca_file else None,
                insecure=insecure,
                check_hostname=check_hostname,
            )
        except (OSError, ssl.SSLError) as exc:
            from redisdoctor.errors import BadInputError

            # An unreadable or unparsable file is bad input (exit 7), not a fault of the target.
            raise BadInputError(f"cannot load the TLS CA file {ca_file}: {exc}") from None
        server_hostname = t.host
        try:
            tls_sock = context.wrap_socket(
                self.sock, server_hostname=server_hostname, do_handshake_on_connect=False
            )
            self.sock = tls_sock
            tls_sock.settimeout(self.options.timeout)
            tls_sock.do_handshake()
        except ssl.SSLCertVerificationError as exc:
            details = self._unverified_details()
            self.tls = details
            what = exc.verify_message or exc.reason or str(exc)
            detail = f"certificate verification failed: {what}"
            if details is not None:
                detail += f" (read over a second, unverified handshake: {details.summary()})"
            raise self.fail(
                "tls",
                Category.TLS,
                detail,
                f"The TLS handshake with {t.endpoint} succeeded but its certificate did not verify "
                f"({what}).",
                "Pass the CA that signed the server's certificate with --tls-ca (or "
                "?ssl_ca_certs=), check the hostname in the URL against the certificate's SANs, "
                "or use --insecure to see the rest of the probe (never in production).",
                data={"verify_code": exc.verify_code, "verify_message": exc.verify_message},
            ) from None
        except (OSError, ssl.SSLError) as exc:
            category = classify_exception(exc)
            plain = not not_tls_reply(exc) and (
                isinstance(exc, TimeoutError | ConnectionResetError | ssl.SSLEOFError)
                or category in (Category.TIMEOUT, Category.RESET)
            )
            if plain and self._speaks_plain_resp():
                raise self.fail(
                    "tls",
                    Category.TLS,
                    f"handshake failed: {type(exc).__name__}: {exc}; a separate plain-text PING "
                    "to the same port got a RESP reply",
                    f"{t.endpoint} does not speak TLS: it ignored the TLS ClientHello but answers "
                    "plain-text RESP.",
                    "Use redis:// instead of rediss:// for this port, or the port where the "
                    "server listens for TLS (tls-port in redis.conf).",
                ) from None
            if not_tls_reply(exc):
                raise self.fail(
                    "tls",
                    Category.TLS,
                    f"handshake failed: {exc}",
                    f"{t.endpoint} does not speak TLS: it answered the TLS ClientHello in plain "
                    "text (WRONG_VERSION_NUMBER).",
                    "Use redis:// instead of rediss:// for this port, or the port where the "
                    "server listens for TLS (tls-port in redis.conf).",
                ) from None
            raise self.fail(
                "tls",
                category,
                f"handshake failed: {type(exc).__name__}: {exc}",
                f"The TLS handshake with {t.endpoint} failed ({category.value}): {exc}.",
            ) from None
        verified = context.verify_mode != ssl.CERT_NONE
        verify_result = (
            "certificate verified" + (" (hostname checked)" if context.check_hostname else "")
            if verified
            else "certificate NOT verified (--insecure or ssl_cert_reqs=none)"
        )
        self.tls = describe(
            tls_sock,
            peer_certificate(tls_sock),
            now=self.clock.wall().timestamp(),
            verified=verified,
            verify_result=verify_result,
        )
        status = StageStatus.OK
        days = self.tls.days_to_expiry
        if days is not None and days < EXPIRY_WARN_DAYS:
            self.findings.append(
                Finding(
                    "certificate_expiring",
                    f"the server certificate expires in {days} days",
                    f"{days} days",
                    f"< {EXPIRY_WARN_DAYS} days",
                    "Renew the certificate and reload it (`CONFIG SET tls-cert-file ...`).",
                )
            )
            status = StageStatus.WARN
        self.record("tls", status, self.tls.summary(), data=self.tls.to_dict())

    def _unverified_details(self) -> TlsDetails | None:
        assert self.connected is not None
        family, _type, _proto, _canon, sockaddr = self.connected
        tls_sock, _error = unverified_handshake(
            family, sockaddr, self.target.host, self.options.timeout
        )
        if tls_sock is None:
            return None
        try:
            return describe(
                tls_sock,
                peer_certificate(tls_sock),
                now=self.clock.wall().timestamp(),
                verified=False,
                verify_result="certificate did not verify",
            )
        finally:
            tls_sock.close()

    def _speaks_tls(self) -> bool:
        """Whether the connected address completes a TLS handshake (a diagnostic: verifies
        nothing)."""
        if self.connected is None:
            return False
        family, _type, _proto, _canon, sockaddr = self.connected
        tls_sock, _error = unverified_handshake(
            family, sockaddr, self.target.host, self.options.timeout
        )
        if tls_sock is None:
            return False
        tls_sock.close()
        return True

    def _speaks_plain_resp(self) -> bool:
        """Whether the connected address answers a plain-text PING with RESP (a diagnostic)."""
        if self.connected is None:
            return False
        family, socktype, proto, _canon, sockaddr = self.connected
        sock = socket.socket(family, socktype, proto)
        sock.settimeout(self.options.timeout)
        conn = RespConnection(sock, self.options.timeout)
        try:
            sock.connect(sockaddr)
            conn.command("PING")
        except RespError:
            return True
        except (OSError, RespProtocolError):
            return False
        finally:
            conn.close()
        return True


class LookupTimeoutError(socket.gaierror):
    """The name lookup did not return within the stage's timeout (EAI_AGAIN: a DNS failure)."""


def _bounded_lookup(resolver: Resolver, host: str, port: int, timeout: float) -> list[AddrInfo]:
    """`resolver.getaddrinfo`, waited for at most `timeout` seconds: getaddrinfo has no timeout
    of its own, and a silent resolver holds it for resolv.conf's timeout x attempts x servers
    (often 10-30 s). The abandoned lookup finishes in a daemon thread."""
    box: list[list[AddrInfo] | BaseException] = []

    def lookup() -> None:
        try:
            box.append(resolver.getaddrinfo(host, port, 0, socket.SOCK_STREAM))
        except BaseException as exc:  # handed to the caller's thread below
            box.append(exc)

    worker = threading.Thread(target=lookup, name="redisdoctor-getaddrinfo", daemon=True)
    worker.start()
    worker.join(timeout)
    if not box:
        raise LookupTimeoutError(
            socket.EAI_AGAIN, f"the lookup did not return within {timeout:g} s"
        )
    result = box[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _unique_infos(infos: Sequence[AddrInfo]) -> list[AddrInfo]:
    seen: set[Any] = set()
    unique: list[AddrInfo] = []
    for info in infos:
        key = (info[0], info[4][:2])
        if key not in seen:
            seen.add(key)
            unique.append(info)
    return unique


def _address_label(sockaddr: Any) -> str:
    host, port = sockaddr[0], sockaddr[1]
    return f"[{host}]:{port}" if ":" in str(host) else f"{host}:{port}"
