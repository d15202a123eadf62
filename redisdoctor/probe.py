"""The staged probe: parse -> resolve -> connect -> tls -> auth -> ping -> info -> ProbeReport.

Each stage has its own duration, status (ok / warn / fail / skipped) and detail; the first stage
that fails stops the probe, and its `Category` (from the shared taxonomy) becomes the verdict with a
one-sentence cause and the next step. The probe speaks RESP itself over a socket (see
`probe_resp`), so every stage boundary is real and nothing is retried silently. It is read-only:
AUTH, HELLO, SELECT, PING and INFO are the only commands it sends.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from redisdoctor.exitcodes import ExitCode
from redisdoctor.probe_base import ProbeOptions, Stop, ms
from redisdoctor.probe_info import Finding, findings_for, parse_info, server_info
from redisdoctor.probe_net import NetworkStages
from redisdoctor.probe_report import (
    PingStats,
    ProbeReport,
    StageResult,
    StageStatus,
    Verdict,
    WatchEvent,
    worst_exit_code,
)
from redisdoctor.probe_resp import (
    RespConnection,
    RespError,
    RespProtocolError,
    describe_bytes,
)
from redisdoctor.taxonomy import Category, classify_exception, classify_resp_error
from redisdoctor.urls import RedisTarget

__all__ = [
    "STAGES",
    "PingStats",
    "ProbeOptions",
    "ProbeReport",
    "StageResult",
    "StageStatus",
    "Verdict",
    "WatchEvent",
    "probe",
    "probe_many",
    "watch",
    "worst_exit_code",
]


STAGES = ("parse", "resolve", "connect", "tls", "auth", "ping", "info")


class _Probe(NetworkStages):
    """One probe run: the stages in order; the first failing one stops it."""

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
                except Stop:
                    for later, _ in steps[index + 1 :]:
                        self.skip(later, "not run: an earlier stage failed")
                    break
        finally:
            self.close()
        verdict = self.failure or self.verdict_without_failure()
        return ProbeReport(
            target=self.target,
            started_at=started_at,
            total_ms=ms(self.clock.monotonic() - self.origin),
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
            cause="Redis answers: "
            + ", ".join(s.name for s in self.stages if s.status is StageStatus.OK)
            + " all succeeded.",
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
            creds = f"user {t.user_label} with a password (redacted)"
        elif t.lone_user:
            creds = (
                "a name before '@' but no password (hidden: often a password missing its "
                "leading ':'); clients send it as the user name with an empty password"
            )
        elif t.username:
            creds = f"user {t.username} without a password"
        detail = f"{t.scheme}://: {where}, db {t.db}, {'TLS' if t.tls else 'no TLS'}, {creds}"
        if t.ignored_params:
            detail += f"; unknown query parameters ignored: {', '.join(t.ignored_params)}"
        if self.options.tls_ca and not t.tls:
            detail += "; --tls-ca ignored for a plain redis:// URL"
        self.record("parse", StageStatus.OK, detail, data=t.to_dict())

    # -- RESP stages -----------------------------------------------------------------------------

    def _exchange_failure(self, stage: str, exc: BaseException) -> Stop:
        """Turn a failed command into the stage's failure, with the right cause."""
        t = self.target
        if isinstance(exc, RespError):
            category = classify_resp_error(exc.message) or Category.OTHER
            cause, step = self._reply_cause(category, exc.message)
            return self.fail(stage, category, f"server replied: {exc.message}", cause, step)
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

    def _reply_cause(self, category: Category, message: str) -> tuple[str, str | None]:
        """The cause of an error reply in one sentence, and a next step more precise than the
        category's (None: the category's)."""
        t = self.target
        lowered = message.lower()
        if category is Category.AUTH:
            if message.startswith("NOAUTH"):
                return f"{t.endpoint} requires a password, and the URL has none.", (
                    "Put the password in the URL: redis://:PASSWORD@HOST:PORT, or "
                    "redis://USER:PASSWORD@HOST:PORT for an ACL user (percent-encode special "
                    "characters)."
                )
            if "without any password configured" in lowered:
                return (
                    "The URL carries a password, but the server has none set: clients that send "
                    "AUTH PASSWORD (RESP2: most clients, redis-py with protocol=2) fail to "
                    "connect, while redis-py's RESP3 handshake (HELLO 3 AUTH) is let in.",
                    "Check that this is the server you meant (one with a password); if it is, "
                    "remove the password from the URL, or set one on the server "
                    "(requirepass, or `ACL SETUSER default on >PASSWORD`).",
                )
            if t.username and not t.password:
                return (
                    f"The URL names a user but has no password, and {t.endpoint} rejected that "
                    "user with an empty password (what redis-py sends for this URL).",
                    "If the name before '@' is the password, write redis://:PASSWORD@HOST:PORT "
                    "(with the ':'); otherwise add the user's password to the URL.",
                )
            if message.startswith("WRONGPASS") or "invalid password" in lowered:
                return f"{t.endpoint} rejected the username or password in the URL.", None
            if message.startswith("NOPERM"):
                return f"The user {t.user_label} lacks the permission for a command.", (
                    "Grant the user what the probe needs (`ACL SETUSER USER +hello +ping "
                    "+select`; `ACL LOG` shows what was denied), or probe as another user."
                )
        if category is Category.LOADING:
            return f"{t.endpoint} is up but not serving yet: {message}.", None
        if category is Category.MAX_CLIENTS:
            return f"{t.endpoint} refuses new connections: it has reached maxclients.", None
        if message.startswith("DENIED"):
            return (
                f"{t.endpoint} runs in protected mode: with no password set it only accepts "
                "clients on loopback.",
                "Set a password (requirepass or an ACL user) and use it in the URL, or disable "
                "protected-mode only if the port is firewalled.",
            )
        if "DB index is out of range" in message:
            return f"The database {t.db} in the URL does not exist on {t.endpoint}.", (
                "Use a database number below the server's `databases` setting "
                "(`CONFIG GET databases`); managed and cluster Redis often allow only db 0."
            )
        return f"{t.endpoint} replied with an error: {message}.", None

    def stage_auth(self) -> None:
        assert self.sock is not None
        t = self.target
        self.begin()
        self.resp = RespConnection(self.sock, self.options.timeout)
        notes: list[str] = []
        data: dict[str, Any] = {}
        try:
            if t.password or t.username:
                # As redis-py does: a user without a password is sent with an empty one.
                password = t.password or ""
                try:
                    if t.username:
                        self.resp.command("AUTH", t.username, password)
                    else:
                        self.resp.command("AUTH", password)
                except RespError as exc:
                    if t.username and "wrong number of arguments" in exc.message.lower():
                        notes.append("AUTH with a username is not supported: sent AUTH password")
                        self.resp.command("AUTH", password)
                    else:
                        raise
                notes.append(f"authenticated as {t.user_label}")
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
        if not (t.password or t.username):
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
                samples.append(ms(self.clock.monotonic() - started))
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


# -- watch --------------------------------------------------------------------------------------


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
