"""The staged probe: parse -> resolve -> connect -> tls -> auth -> ping -> info -> ProbeReport.

Each stage has its own duration, status (ok / warn / fail / skipped) and detail; the first stage
that fails stops the probe, and its `Category` (from the shared taxonomy) becomes the verdict with a
one-sentence cause and the next step. The probe speaks RESP itself over a socket (see
`probe_resp`), so every stage boundary is real and nothing is retried silently. It is read-only:
AUTH, HELLO, SELECT, PING and INFO are the only commands it sends.
"""

from __future__ import annotations

import socket
import ssl
import statistics
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from redisdoctor.clock import Clock, SystemClock
from redisdoctor.exitcodes import ExitCode, exit_code_for
from redisdoctor.probe_dns import HOSTS_PATH, DnsOpinion, ask_dns, hosts_entries
from redisdoctor.probe_info import Finding, ServerInfo, findings_for, parse_info, server_info
from redisdoctor.probe_resp import (
    RespConnection,
    RespError,
    RespProtocolError,
    describe_bytes,
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
from redisdoctor.resolve import AddrInfo, DnsResolver, Nameserver, Resolver, ip_literal
from redisdoctor.taxonomy import Category, classify_exception, classify_resp_error
from redisdoctor.urls import RedisTarget

STAGES = ("parse", "resolve", "connect", "tls", "auth", "ping", "info")

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


class StageStatus(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class StageResult:
    """One stage's outcome; `start_ms` is its offset from the probe's start (for the waterfall)."""

    name: str
    status: StageStatus
    duration_ms: float
    detail: str
    start_ms: float = 0.0
    category: Category | None = None
    data: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status.value,
            "duration_ms": round(self.duration_ms, 3),
            "start_ms": round(self.start_ms, 3),
            "detail": self.detail,
            "category": self.category.value if self.category else None,
            "data": self.data,
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    """OK, WARN, or the failing stage's category, with the cause and what to do next."""

    status: str  # ok | warn | fail
    exit_code: ExitCode
    category: Category | None = None
    stage: str | None = None
    cause: str = ""
    next_step: str = ""

    @property
    def label(self) -> str:
        """``OK``, ``WARN`` or the failure's category name (``dns_nxdomain``, ...)."""
        if self.status == "fail" and self.category is not None:
            return self.category.value
        return self.status.upper()

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "label": self.label,
            "exit_code": int(self.exit_code),
            "exit_name": self.exit_code.name,
            "category": self.category.value if self.category else None,
            "stage": self.stage,
            "cause": self.cause,
            "next_step": self.next_step,
        }


@dataclass(frozen=True, slots=True)
class PingStats:
    """Round-trip times of the PING samples, in milliseconds."""

    samples_ms: tuple[float, ...]

    @property
    def min(self) -> float:
        return min(self.samples_ms)

    @property
    def median(self) -> float:
        return float(statistics.median(self.samples_ms))

    @property
    def p99(self) -> float:
        ordered = sorted(self.samples_ms)
        rank = max(1, -(-99 * len(ordered) // 100))  # nearest-rank percentile
        return ordered[rank - 1]

    @property
    def max(self) -> float:
        return max(self.samples_ms)

    def to_dict(self) -> dict[str, Any]:
        return {
            "count": len(self.samples_ms),
            "min_ms": round(self.min, 3),
            "median_ms": round(self.median, 3),
            "p99_ms": round(self.p99, 3),
            "max_ms": round(self.max, 3),
            "samples_ms": [round(s, 3) for s in self.samples_ms],
        }


@dataclass(frozen=True, slots=True)
class ProbeReport:
    """The whole probe of one target."""

    target: RedisTarget
    started_at: datetime
    total_ms: float
    stages: tuple[StageResult, ...]
    verdict: Verdict
    findings: tuple[Finding, ...] = ()
    server: ServerInfo | None = None
    ping: PingStats | None = None
    tls: TlsDetails | None = None
    resp_version: int | None = None

    def stage(self, name: str) -> StageResult:
        """The stage called `name` (KeyError when there is none)."""
        for result in self.stages:
            if result.name == name:
                return result
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target.to_dict(),
            "url": self.target.display,
            "started_at": self.started_at.isoformat().replace("+00:00", "Z"),
            "total_ms": round(self.total_ms, 3),
            "verdict": self.verdict.to_dict(),
            "stages": [stage.to_dict() for stage in self.stages],
            "findings": [finding.to_dict() for finding in self.findings],
            "server": self.server.to_dict() if self.server else None,
            "ping": self.ping.to_dict() if self.ping else None,
            "tls": self.tls.to_dict() if self.tls else None,
            "resp_version": self.resp_version,
        }


@dataclass(frozen=True, slots=True)
class ProbeOptions:
    """How to probe. `resolver` is the ground truth for names (default: getaddrinfo, or the
    `nameservers` when given); `nameservers` are also asked for the DNS second opinion."""

    timeout: float = 2.0
    count: int = 3
    tls_ca: Path | None = None
    insecure: bool = False
    nameservers: tuple[Nameserver, ...] = ()
    resolver: Resolver | None = None
    second_opinion: bool = True
    hosts_path: Path = HOSTS_PATH
    clock: Clock = field(default_factory=SystemClock)

    def ground_truth(self) -> Resolver:
        if self.resolver is not None:
            return self.resolver
        if self.nameservers:
            return DnsResolver(self.nameservers, timeout=self.timeout)
        from redisdoctor.resolve import SYSTEM_RESOLVER

        return SYSTEM_RESOLVER


class _Stop(Exception):
    """A stage failed: the probe stops here."""


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _is_managed(host: str) -> bool:
    host = host.lower().rstrip(".")
    return any(host == s or host.endswith("." + s) for s in MANAGED_SUFFIXES)


class _Probe:
    """One probe run: the stages append their results; a failing stage raises `_Stop`."""

    def __init__(self, target: RedisTarget, options: ProbeOptions) -> None:
        self.target = target
        self.options = options
        self.clock = options.clock
        self.origin = self.clock.monotonic()
        self.stages: list[StageResult] = []
        self.findings: list[Finding] = []
        self.failure: Verdict | None = None
        self.addresses: list[AddrInfo] = []
        self.sock: socket.socket | None = None
        self.connected: AddrInfo | None = None
        self.resp: RespConnection | None = None
        self.server: ServerInfo | None = None
        self.ping: PingStats | None = None
        self.tls: TlsDetails | None = None
        self.resp_version: int | None = None
        self._stage_start = self.origin

    # -- bookkeeping -----------------------------------------------------------------------------

    def begin(self) -> None:
        self._stage_start = self.clock.monotonic()

    def record(
        self,
        name: str,
        status: StageStatus,
        detail: str,
        *,
        category: Category | None = None,
        data: dict[str, Any] | None = None,
        end: float | None = None,
    ) -> None:
        end = self.clock.monotonic() if end is None else end
        self.stages.append(
            StageResult(
                name=name,
                status=status,
                duration_ms=_ms(end - self._stage_start),
                detail=self.target.redact(detail),
                start_ms=_ms(self._stage_start - self.origin),
                category=category,
                data=data or {},
            )
        )

    def fail(
        self,
        name: str,
        category: Category,
        detail: str,
        cause: str,
        next_step: str | None = None,
        *,
        data: dict[str, Any] | None = None,
        end: float | None = None,
    ) -> _Stop:
        self.record(name, StageStatus.FAIL, detail, category=category, data=data, end=end)
        self.failure = Verdict(
            status="fail",
            exit_code=exit_code_for(category),
            category=category,
            stage=name,
            cause=self.target.redact(cause),
            next_step=next_step if next_step is not None else category.info.next_step,
        )
        return _Stop()

    def skip(self, name: str, detail: str) -> None:
        self.begin()
        self.record(name, StageStatus.SKIPPED, detail)

    # -- the run ---------------------------------------------------------------------------------

    def run(self) -> ProbeReport:
        started_at = self.clock.wall()
        steps: list[tuple[str, Callable[[], None]]] = [
            ("parse", self.stage_parse),
            ("resolve", self.stage_resolve),
            ("connect", self.stage_connect),
            ("tls", self.stage_tls),
            ("auth", self.stage_auth),
            ("ping", self.stage_ping),
            ("info", self.stage_info),
        ]
        try:
            for index, (_name, step) in enumerate(steps):
                try:
                    step()
                except _Stop:
                    for later, _ in steps[index + 1 :]:
                        self.skip(later, "not run: an earlier stage failed")
                    break
        finally:
            self.close()
        verdict = self.failure or self.verdict_without_failure()
        return ProbeReport(
            target=self.target,
            started_at=started_at,
            total_ms=_ms(self.clock.monotonic() - self.origin),
            stages=tuple(self.stages),
            verdict=verdict,
            findings=tuple(self.findings),
            server=self.server,
            ping=self.ping,
            tls=self.tls,
            resp_version=self.resp_version,
        )

    def verdict_without_failure(self) -> Verdict:
        if self.findings:
            first = self.findings[0]
            more = f" (and {len(self.findings) - 1} more)" if len(self.findings) > 1 else ""
            return Verdict(
                status="warn",
                exit_code=ExitCode.WARNINGS,
                cause=f"Redis answers, with warnings: {first.message}{more}.",
                next_step=first.next_step,
            )
        return Verdict(
            status="ok",
            exit_code=ExitCode.OK,
            cause="Redis answers: DNS, TCP, TLS, authentication, PING and INFO all succeeded.",
        )

    def close(self) -> None:
        if self.resp is not None:
            self.resp.close()
        elif self.sock is not None:
            self.sock.close()

    # -- stages ----------------------------------------------------------------------------------

    def stage_parse(self) -> None:
        self.begin()
        t = self.target
        where = f"unix socket {t.path}" if t.is_unix else f"host {t.host}, port {t.port}"
        creds = "no credentials"
        if t.password:
            creds = f"user {t.username or 'default'} with a password (redacted)"
        elif t.username:
            creds = f"user {t.username} without a password"
        detail = f"{t.scheme}://: {where}, db {t.db}, {'TLS' if t.tls else 'no TLS'}, {creds}"
        if t.ignored_params:
            detail += f"; unknown query parameters ignored: {', '.join(t.ignored_params)}"
        if self.options.tls_ca and not t.tls:
            detail += "; --tls-ca ignored for a plain redis:// URL"
        self.record("parse", StageStatus.OK, detail, data=t.to_dict())

    def stage_resolve(self) -> None:
        t = self.target
        if t.is_unix:
            self.skip("resolve", "unix socket: no name to resolve")
            return
        assert t.host is not None and t.port is not None
        self.begin()
        literal = ip_literal(t.host)
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
            infos = resolver.getaddrinfo(host, t.port, 0, socket.SOCK_STREAM)
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
            return cause, None
        if category is Category.DNS_TEMPORARY:
            if outcome == "servfail":
                what = "the resolver answered SERVFAIL"
            elif outcome == "timeout" or "timeout" in type(error.__cause__).__name__.lower():
                what = f"the resolver did not answer within {self.options.timeout:g} s"
            else:
                what = "the resolver failed"
            return f"Looking up {host} failed: {what}; this is DNS failing, not Redis.", None
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
                if t.is_unix and isinstance(exc, FileNotFoundError):
                    category = Category.REFUSED
                results.append(
                    {
                        "address": label,
                        "status": category.value,
                        "ms": round(_ms(self.clock.monotonic() - started), 3),
                        "error": f"{type(exc).__name__}: {exc}",
                    }
                )
                first_error = first_error or exc
                continue
            results.append(
                {
                    "address": label,
                    "status": "ok",
                    "ms": round(_ms(self.clock.monotonic() - started), 3),
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
            if t.is_unix and isinstance(first_error, FileNotFoundError):
                category = Category.REFUSED
            raise self.fail(
                "connect", category, "; ".join(parts), self._connect_cause(category), data=data
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

    def _connect_cause(self, category: Category) -> str:
        where = self.target.endpoint
        if category is Category.REFUSED:
            if self.target.is_unix:
                return f"Nothing listens on the unix socket {where}."
            return f"The host answered, but nothing listens on {where}: the connection was refused."
        if category is Category.TIMEOUT:
            return (
                f"No answer to the TCP connect to {where} within {self.options.timeout:g} s: "
                "packets are dropped (firewall, security group) or the host is down."
            )
        if category is Category.UNREACHABLE:
            return f"There is no network route to {where}."
        return f"The TCP connect to {where} failed ({category.value})."

    def stage_tls(self) -> None:
        t = self.target
        if not t.tls:
            self.skip("tls", "plain TCP (redis://): no TLS")
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
            from redisdoctor.errors import UsageError

            raise UsageError(f"cannot load the TLS CA file {ca_file}: {exc}") from None
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

    # -- RESP stages -----------------------------------------------------------------------------

    def _exchange_failure(self, stage: str, exc: BaseException) -> _Stop:
        """Turn a failed command into the stage's failure, with the right cause."""
        t = self.target
        if isinstance(exc, RespError):
            category = classify_resp_error(exc.message) or Category.OTHER
            return self.fail(
                stage,
                category,
                f"server replied: {exc.message}",
                self._reply_cause(category, exc.message),
            )
        if isinstance(exc, RespProtocolError):
            what = describe_bytes(exc.first_bytes)
            return self.fail(
                stage,
                Category.PROTOCOL,
                f"{exc}: received {what}",
                f"{t.endpoint} answered with {what}, not RESP: it is not a Redis server.",
            )
        category = classify_exception(exc)
        first_exchange = self.resp is not None and not self.resp.received_any
        if (
            not t.tls
            and not t.is_unix
            and first_exchange
            and category in (Category.RESET, Category.TIMEOUT)
            and self._speaks_tls()
        ):
            return self.fail(
                stage,
                Category.TLS,
                f"{type(exc).__name__}: {exc}; a separate TLS handshake with the same port "
                "succeeded",
                f"{t.endpoint} requires TLS: it dropped the plain-text command, but completes a "
                "TLS handshake.",
                "Use rediss:// for this port (and --tls-ca for a private CA).",
            )
        if category is Category.TIMEOUT:
            cause = (
                f"Connected to {t.endpoint}, but no reply arrived within "
                f"{self.options.timeout:g} s: the peer accepts connections but does not answer "
                "(not Redis, a stuck server, or a proxy with no backend)."
            )
        elif category is Category.RESET:
            cause = (
                f"{t.endpoint} accepted the connection and then closed it without a reply "
                "(a proxy with no backend, a firewall, or a server dropping clients)."
            )
        else:
            cause = f"The {stage} exchange with {t.endpoint} failed ({category.value})."
        return self.fail(stage, category, f"{type(exc).__name__}: {exc}", cause)

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

    def _reply_cause(self, category: Category, message: str) -> str:
        t = self.target
        lowered = message.lower()
        if category is Category.AUTH:
            if message.startswith("NOAUTH"):
                return f"{t.endpoint} requires a password, and the URL has none."
            if message.startswith("WRONGPASS") or "invalid password" in lowered:
                return f"{t.endpoint} rejected the username or password in the URL."
            if "without any password configured" in lowered:
                return (
                    "The URL carries a password, but the server has none set: redis-py (RESP2) "
                    "fails to connect with this URL."
                )
            if message.startswith("NOPERM"):
                return f"The user {t.username or 'default'} lacks the permission for a command."
        if category is Category.LOADING:
            return f"{t.endpoint} is up but not serving yet: {message}."
        if category is Category.MAX_CLIENTS:
            return f"{t.endpoint} refuses new connections: it has reached maxclients."
        return f"{t.endpoint} replied with an error: {message}."

    def stage_auth(self) -> None:
        assert self.sock is not None
        t = self.target
        self.begin()
        self.resp = RespConnection(self.sock, self.options.timeout)
        notes: list[str] = []
        data: dict[str, Any] = {}
        try:
            if t.password:
                try:
                    if t.username:
                        self.resp.command("AUTH", t.username, t.password)
                    else:
                        self.resp.command("AUTH", t.password)
                except RespError as exc:
                    if t.username and "wrong number of arguments" in exc.message.lower():
                        notes.append("AUTH with a username is not supported: sent AUTH password")
                        self.resp.command("AUTH", t.password)
                    else:
                        raise
                notes.append(f"authenticated as {t.username or 'default'}")
            if t.protocol == 2:
                self.resp_version = 2
                notes.append("RESP2 (protocol=2 in the URL): HELLO not sent")
            else:
                try:
                    hello = self.resp.command("HELLO", "3")
                except RespError as exc:
                    lowered = exc.message.lower()
                    if "unknown command" in lowered or exc.message.startswith("NOPROTO"):
                        self.resp_version = 2
                        notes.append(f"HELLO 3 refused ({exc.message}): falling back to RESP2")
                        data["hello_error"] = exc.message
                    else:
                        raise
                else:
                    self.resp_version = 3
                    if isinstance(hello, dict):
                        data["hello"] = {k: v for k, v in hello.items() if k != "modules"}
                        notes.insert(
                            0,
                            f"RESP3: {hello.get('server', 'redis')} {hello.get('version', '?')}, "
                            f"mode {hello.get('mode', '?')}, role {hello.get('role', '?')}",
                        )
            if t.db:
                self.resp.command("SELECT", t.db)
                notes.append(f"SELECT {t.db} ok")
        except (RespError, RespProtocolError, OSError) as exc:
            raise self._exchange_failure("auth", exc) from None
        if not t.password:
            notes.append("no credentials sent")
        data["resp_version"] = self.resp_version
        self.record("auth", StageStatus.OK, "; ".join(notes), data=data)

    def stage_ping(self) -> None:
        assert self.resp is not None
        self.begin()
        samples: list[float] = []
        try:
            for _ in range(max(1, self.options.count)):
                started = self.clock.monotonic()
                reply = self.resp.command("PING")
                samples.append(_ms(self.clock.monotonic() - started))
                if reply != "PONG":
                    raise RespProtocolError(f"PING answered {reply!r}", str(reply).encode()[:64])
        except (RespError, RespProtocolError, OSError) as exc:
            raise self._exchange_failure("ping", exc) from None
        self.ping = PingStats(tuple(samples))
        p = self.ping
        detail = (
            f"{len(samples)} x PING: min {p.min:.2f} / median {p.median:.2f} / "
            f"p99 {p.p99:.2f} / max {p.max:.2f} ms"
        )
        self.record("ping", StageStatus.OK, detail, data=p.to_dict())

    def stage_info(self) -> None:
        assert self.resp is not None
        self.begin()
        try:
            text = self.resp.command("INFO")
        except RespError as exc:
            if exc.message.startswith("NOPERM"):
                finding = Finding(
                    "info_not_permitted",
                    f"the user may not run INFO ({exc.message}): server health is unknown",
                    "NOPERM",
                    "INFO permitted",
                    "Grant +info (ACL SETUSER USER +info) to see memory, clients and persistence.",
                )
                self.findings.append(finding)
                self.record("info", StageStatus.WARN, finding.message)
                return
            raise self._exchange_failure("info", exc) from None
        except (RespProtocolError, OSError) as exc:
            raise self._exchange_failure("info", exc) from None
        fields = parse_info(str(text))
        self.server = server_info(fields)
        found = findings_for(self.server)
        self.findings.extend(found)
        detail = self.server.summary()
        if found:
            detail += "; " + "; ".join(f.message for f in found)
        self.record(
            "info",
            StageStatus.WARN if found else StageStatus.OK,
            detail,
            data=self.server.to_dict(),
        )


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


def probe(target: RedisTarget, options: ProbeOptions | None = None) -> ProbeReport:
    """Probe one target, stage by stage; never raises for a failure of the target."""
    return _Probe(target, options or ProbeOptions()).run()


def probe_many(
    targets: Sequence[RedisTarget], options: ProbeOptions | None = None
) -> list[ProbeReport]:
    """Probe several targets concurrently (threads); reports keep the targets' order."""
    opts = options or ProbeOptions()
    if len(targets) <= 1:
        return [probe(t, opts) for t in targets]
    with ThreadPoolExecutor(max_workers=min(8, len(targets))) as pool:
        return list(pool.map(lambda t: probe(t, opts), targets))


# The order in which exit codes are "worse" when several targets are probed.
_SEVERITY = (
    ExitCode.OK,
    ExitCode.WARNINGS,
    ExitCode.FAILURES,
    ExitCode.AUTH,
    ExitCode.UNREACHABLE,
)


def worst_exit_code(reports: Sequence[ProbeReport]) -> ExitCode:
    """The worst verdict's exit code: OK < WARNINGS < FAILURES < AUTH < UNREACHABLE."""
    codes = [r.verdict.exit_code for r in reports] or [ExitCode.OK]
    return max(codes, key=lambda code: _SEVERITY.index(code) if code in _SEVERITY else 0)


# -- watch --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WatchEvent:
    """A change of state seen by `watch` (the first probe is always a change)."""

    at: datetime
    probe_number: int
    state: str
    previous: str | None
    report: ProbeReport

    def to_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat().replace("+00:00", "Z"),
            "probe_number": self.probe_number,
            "state": self.state,
            "previous": self.previous,
            "verdict": self.report.verdict.to_dict(),
        }


def watch(
    target: RedisTarget,
    options: ProbeOptions,
    *,
    interval: float,
    max_probes: int | None = None,
    on_change: Callable[[WatchEvent], None] | None = None,
    on_probe: Callable[[ProbeReport], None] | None = None,
) -> list[WatchEvent]:
    """Probe every `interval` seconds on `options.clock` until `max_probes` (or Ctrl-C), and
    return each change of verdict with its time. `on_change` sees events as they happen."""
    events: list[WatchEvent] = []
    previous: str | None = None
    number = 0
    while max_probes is None or number < max_probes:
        number += 1
        at = options.clock.wall()
        report = probe(target, options)
        if on_probe is not None:
            on_probe(report)
        state = report.verdict.label
        if state != previous:
            event = WatchEvent(at, number, state, previous, report)
            events.append(event)
            if on_change is not None:
                on_change(event)
            previous = state
        if max_probes is not None and number >= max_probes:
            break
        options.clock.sleep(interval)
    return events
