"""Generate the sample logs in sample_logs/ and the figures analyze must produce from them.

Run from the repository root: ``.venv/bin/python sample_logs/generate.py``. Seeded: the same
code gives byte-identical files. Every record is written together with what it is (a Redis
failure of a category and target, a recovery, a look-alike failure of something else, or an
ordinary line), and `<name>.expected.json` holds the counts that truth adds up to: the tests
compare `redisdoctor analyze` with them.

The "after" seed log is written by the real client state machine (`redisdoctor.state`) replaying
the same outage on a VirtualClock, so it is exactly what the fixed client logs.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED_HOST = "flowing-snail-56122.upstash.io"
SEED_TARGET = f"{SEED_HOST}:6379"
SEED_ERROR = f"Error -2 connecting to {SEED_TARGET}. Name or service not known."


@dataclass
class Truth:
    """What was written: the figures analyze must find."""

    lines: int = 0
    records: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    targets: Counter[str] = field(default_factory=Counter)
    recoveries: int = 0
    lookalikes: int = 0
    first: datetime | None = None
    last: datetime | None = None


class Log:
    """A log being written: records (one or more lines) with their truth."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.truth = Truth()

    def add(
        self,
        when: datetime,
        lines: list[str],
        *,
        category: str | None = None,
        target: str | None = None,
        recovery: bool = False,
        lookalike: bool = False,
        records: int = 1,
    ) -> None:
        self.out.extend(lines)
        truth = self.truth
        truth.lines += len(lines)
        truth.records += records
        if category is not None:
            truth.failures[category] += 1
            if target is not None:
                truth.targets[target] += 1
        truth.recoveries += recovery
        truth.lookalikes += lookalike
        truth.first = when if truth.first is None else min(truth.first, when)
        truth.last = when if truth.last is None else max(truth.last, when)

    def text(self) -> str:
        return "\n".join(self.out) + "\n"


def iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def write(name: str, log: Log, *, compress: bool = False, note: str = "") -> None:
    data = log.text().encode("utf-8")
    path = HERE / name
    if compress:
        with path.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
            handle.write(data)
    else:
        path.write_bytes(data)
    truth = log.truth
    expected = {
        "file": name,
        "note": note,
        "lines": truth.lines,
        "records": truth.records,
        "failure_records": sum(truth.failures.values()),
        "categories": dict(sorted(truth.failures.items())),
        "targets": dict(sorted(truth.targets.items())),
        "recovery_records": truth.recoveries,
        "lookalike_records": truth.lookalikes,
        "span_start": iso(truth.first) if truth.first else None,
        "span_end": iso(truth.last) if truth.last else None,
    }
    stem = name.removesuffix(".gz").removesuffix(".log")
    (HERE / f"{stem}.expected.json").write_text(
        json.dumps(expected, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def timeline(
    rng: random.Random,
    start: datetime,
    hours: float,
    *,
    ordinary: tuple[float, float],
    outages: list[tuple[float, float, tuple[float, float]]],
    lookalike_every: tuple[float, float],
) -> list[tuple[datetime, str]]:
    """Events (time, kind) in time order: kind is "ordinary", "failure", "recovery" or
    "lookalike". Outages are (start hour, end hour, failure interval range in seconds)."""
    events: list[tuple[float, str]] = []
    end = hours * 3600

    def stream(low: float, high: float, first: float, stop: float, kind: str) -> None:
        at = first
        while at < stop:
            events.append((at, kind))
            at += rng.uniform(low, high)

    stream(*ordinary, rng.uniform(0, ordinary[1]), end, "ordinary")
    stream(*lookalike_every, rng.uniform(0, lookalike_every[1]), end, "lookalike")
    for begin, finish, interval in outages:
        stream(*interval, begin * 3600, finish * 3600, "failure")
        if finish * 3600 < end:
            events.append((finish * 3600 + rng.uniform(5, 30), "recovery"))
    events.sort()
    return [(start + timedelta(seconds=round(at, 3)), kind) for at, kind in events]


# ------------------------------------------------------------------------------------------------
# The seed: 24 h of "Redis connection failed" every 5-10 s, before and after the fix
# ------------------------------------------------------------------------------------------------

SEED_START = datetime(2025, 8, 12, 15, 54, 42, tzinfo=UTC)
_SEED_ORDINARY = (
    'INFO:werkzeug:10.0.{a}.{b} - - [{date}] "GET /api/items?page={n} HTTP/1.1" 200 -',
    "INFO:app.routes:GET /health 200 ({n} ms)",
    "INFO:app.jobs:processed batch {n} ({m} items)",
    "INFO:utils.redis_client_production:Using in-memory fallback for key session:{hex}",
    "WARNING:app.routes:slow request /api/report took {n} ms",
)


def seed_before(rng: random.Random) -> Log:
    """The seed's production log: a vanished Upstash host, a warning every 5-10 s for 24 h."""
    log = Log()
    for when, kind in timeline(
        rng,
        SEED_START,
        24,
        ordinary=(4, 16),
        outages=[(0, 24, (5, 10))],
        lookalike_every=(3600, 7200),
    ):
        stamp = iso(when)
        if kind == "failure":
            line = f"{stamp} WARNING:utils.redis_client_production:Redis connection failed: "
            log.add(when, [line + SEED_ERROR], category="dns_nxdomain", target=SEED_TARGET)
        elif kind == "lookalike":
            line = (
                f"{stamp} ERROR:app.payments:charge failed: HTTPSConnectionPool(host='api.stripe."
                "com', port=443): Max retries exceeded with url: /v1/charges (Caused by "
                'NameResolutionError("<urllib3.connection.HTTPSConnection object at 0x7f3a2c>: '
                "Failed to resolve 'api.stripe.com' ([Errno -3] Temporary failure in name "
                'resolution)"))'
            )
            log.add(when, [line], lookalike=True)
        elif kind == "ordinary":
            template = rng.choice(_SEED_ORDINARY)
            body = template.format(
                a=rng.randrange(256),
                b=rng.randrange(256),
                date=when.strftime("%d/%b/%Y %H:%M:%S"),
                n=rng.randrange(1, 900),
                m=rng.randrange(1, 50),
                hex=f"{rng.getrandbits(48):012x}",
            )
            log.add(when, [f"{stamp} {body}"])
    return log


def seed_after(rng: random.Random) -> Log:
    """The day after the deploy, same dead host: what the fixed client (ConnectionState) logs
    while the application keeps calling it every 5-10 s."""
    sys.path.insert(0, str(HERE.parent))
    from redisdoctor.clock import VirtualClock
    from redisdoctor.state import ClientEvent, ConnectionState
    from redisdoctor.taxonomy import Category

    start = SEED_START + timedelta(days=1)
    clock = VirtualClock(start)
    lines: list[tuple[float, str, str]] = []

    def on_event(event: ClientEvent) -> None:
        if event.kind == "log" and event.message:
            level = {10: "DEBUG", 20: "INFO", 30: "WARNING", 40: "ERROR"}.get(event.level or 30)
            lines.append((event.at, level or "WARNING", event.message))

    import logging

    quiet = logging.getLogger("sample_logs.generate")
    quiet.propagate = False
    quiet.addHandler(logging.NullHandler())
    state = ConnectionState(
        clock=clock,
        rng=random.Random(7),
        target=SEED_TARGET,
        logger=quiet,
        on_event=on_event,
    )
    events = timeline(
        rng, start, 24, ordinary=(4, 16), outages=[(0, 24, (5, 10))], lookalike_every=(3600, 7200)
    )
    log = Log()
    for when, kind in events:
        clock.set((when - start).total_seconds())
        if kind == "failure":
            if state.attempt_due():
                state.begin_attempt()
                state.record_failure(Category.DNS_NXDOMAIN, SEED_ERROR)
            for at, level, message in lines:
                moment = start + timedelta(seconds=at)
                log.add(
                    moment,
                    [f"{iso(moment)} {level}:redisdoctor.client:{message}"],
                    category="dns_nxdomain",
                    target=SEED_TARGET,
                )
            lines.clear()
        elif kind == "ordinary":
            body = f"INFO:app.routes:GET /health 200 ({rng.randrange(1, 900)} ms)"
            log.add(when, [f"{iso(when)} {body}"])
    return log


# ------------------------------------------------------------------------------------------------
# Other ecosystems
# ------------------------------------------------------------------------------------------------


def _hex(rng: random.Random, bits: int = 64) -> str:
    return f"{rng.getrandbits(bits):0{bits // 4}x}"


def _uuid(rng: random.Random) -> str:
    h = _hex(rng, 128)
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def celery(rng: random.Random) -> Log:
    """Celery worker with a Redis broker and result backend (Python tracebacks)."""
    log = Log()
    start = datetime(2023, 12, 4, 14, 0, 0, tzinfo=UTC)

    def stamp(when: datetime, level: str, process: str) -> str:
        ms = when.microsecond // 1000
        return f"[{when:%Y-%m-%d %H:%M:%S},{ms:03d}: {level}/{process}]"

    retry = 0
    for when, kind in timeline(
        rng,
        start,
        4,
        ordinary=(5, 40),
        outages=[(0.5, 1.25, (2, 16)), (2.5, 2.75, (10, 30))],
        lookalike_every=(300, 900),
    ):
        if kind == "failure":
            retry += 1
            if when.hour < 16:
                head = (
                    f"{stamp(when, 'ERROR', 'MainProcess')} consumer: Cannot connect to "
                    "redis://:********@redis:6379/0: Error -3 connecting to redis:6379. "
                    "Temporary failure in name resolution.."
                )
                lines = [
                    head,
                    f"Trying again in {min(2 * retry, 32):.2f} seconds... ({retry}/100)",
                    "",
                ]
                log.add(when, lines, category="dns_temporary", target="redis:6379")
            else:
                task = _uuid(rng)
                lines = [
                    f"{stamp(when, 'ERROR', 'ForkPoolWorker-2')} Task app.tasks.refresh_cache"
                    f"[{task}] raised unexpected: ConnectionError('Error 111 connecting to "
                    "redis:6379. Connection refused.')",
                    "Traceback (most recent call last):",
                    '  File "/usr/local/lib/python3.11/site-packages/redis/connection.py", '
                    "line 707, in connect",
                    "    sock = self.retry.call_with_retry(",
                    '  File "/usr/local/lib/python3.11/site-packages/redis/connection.py", '
                    "line 1152, in _connect",
                    "    raise err",
                    "ConnectionRefusedError: [Errno 111] Connection refused",
                    "",
                    "During handling of the above exception, another exception occurred:",
                    "",
                    "Traceback (most recent call last):",
                    '  File "/app/tasks.py", line 41, in refresh_cache',
                    "    cache.set(key, value, ex=300)",
                    "redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. "
                    "Connection refused.",
                ]
                log.add(when, lines, category="refused", target="redis:6379")
        elif kind == "recovery":
            retry = 0
            line = (
                f"{stamp(when, 'INFO', 'MainProcess')} Connected to redis://:********@redis:6379/0"
            )
            log.add(when, [line], recovery=True)
        elif kind == "lookalike":
            if rng.random() < 0.5:
                line = (
                    f"{stamp(when, 'ERROR', 'MainProcess')} consumer: Cannot connect to "
                    "amqp://guest:**@rabbitmq:5672//: [Errno 111] Connection refused."
                )
                log.add(when, [line, "Trying again in 2.00 seconds... (1/100)", ""], lookalike=True)
            else:
                lines = [
                    f"{stamp(when, 'ERROR', 'ForkPoolWorker-1')} Task app.tasks.sync_orders"
                    f"[{_uuid(rng)}] raised unexpected: OperationalError('connection to server "
                    'at "db" (172.18.0.4), port 5432 failed: Connection refused\')',
                    "Traceback (most recent call last):",
                    '  File "/app/tasks.py", line 88, in sync_orders',
                    "    conn = psycopg2.connect(DSN)",
                    'psycopg2.OperationalError: connection to server at "db" (172.18.0.4), port '
                    "5432 failed: Connection refused",
                    "\tIs the server running on that host and accepting TCP/IP connections?",
                ]
                log.add(when, lines, lookalike=True)
        else:
            task = _uuid(rng)
            if rng.random() < 0.5:
                line = (
                    f"{stamp(when, 'INFO', 'MainProcess')} Task app.tasks.send_email[{task}] "
                    "received"
                )
            else:
                line = (
                    f"{stamp(when, 'INFO', 'ForkPoolWorker-1')} Task app.tasks.send_email"
                    f"[{task}] succeeded in {rng.uniform(0.001, 2):.6f}s: None"
                )
            log.add(when, [line])
    return log


def ioredis(rng: random.Random) -> Log:
    """A Node API (ioredis) under docker compose with timestamps (`docker compose logs -t`)."""
    log = Log()
    start = datetime(2024, 3, 5, 10, 0, 0, tzinfo=UTC)

    def prefix(service: str, when: datetime) -> str:
        return f"{service:<8}| {when:%Y-%m-%dT%H:%M:%S}.{when.microsecond:06d}123Z"

    for when, kind in timeline(
        rng,
        start,
        3,
        ordinary=(3, 20),
        outages=[(0.25, 0.75, (2, 6)), (1.5, 2.0, (3, 9))],
        lookalike_every=(200, 600),
    ):
        p = prefix("api-1", when)
        if kind == "failure":
            if when < start + timedelta(hours=1):
                log.add(
                    when,
                    [
                        f"{p} [ioredis] Unhandled error event: Error: connect ECONNREFUSED "
                        "172.18.0.3:6379",
                        f"{p}     at TCPConnectWrap.afterConnect [as oncomplete] "
                        "(node:net:1555:16)",
                    ],
                    category="refused",
                    target="172.18.0.3:6379",
                    records=2,
                )
            else:
                log.add(
                    when,
                    [
                        f"{p} [ioredis] Unhandled error event: Error: getaddrinfo ENOTFOUND "
                        "redis-cache",
                        f"{p}     at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26)",
                    ],
                    category="dns_nxdomain",
                    target="redis-cache",
                    records=2,
                )
        elif kind == "recovery":
            log.add(when, [f"{p} Redis client connected"], recovery=True)
        elif kind == "lookalike":
            if rng.random() < 0.5:
                log.add(
                    when,
                    [
                        f"{p} Error: getaddrinfo ENOTFOUND api.example.com",
                        f"{p}     at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26)",
                    ],
                    lookalike=True,
                    records=2,
                )
            else:
                log.add(
                    when,
                    [f"{p} Error: connect ECONNREFUSED 172.18.0.5:5432 (pg pool)"],
                    lookalike=True,
                )
        else:
            if rng.random() < 0.1:
                r = prefix("redis-1", when)
                line = f"{r} 1:M {when:%d %b %Y %H:%M:%S}.{when.microsecond // 1000:03d} * " + (
                    f"{rng.randrange(1, 100)} changes in 60 seconds. Saving..."
                )
                log.add(when, [line])
            else:
                log.add(
                    when,
                    [
                        f"{p} GET /api/items/{rng.randrange(1, 5000)} 200 "
                        f"{rng.uniform(1, 80):.3f} ms - {rng.randrange(100, 2000)}"
                    ],
                )
    return log


def go_redis(rng: random.Random) -> Log:
    """A Go service (go-redis v9) logging with the standard `log` package."""
    log = Log()
    start = datetime(2019, 2, 18, 15, 0, 0, tzinfo=UTC)
    for when, kind in timeline(
        rng,
        start,
        3,
        ordinary=(2, 15),
        outages=[(0.2, 0.6, (1, 5)), (1.8, 2.2, (2, 8))],
        lookalike_every=(300, 900),
    ):
        s = when.strftime("%Y/%m/%d %H:%M:%S")
        if kind == "failure":
            choice = rng.random()
            if when < start + timedelta(hours=1):
                if choice < 0.7:
                    line = (
                        f"{s} cache get session:{_hex(rng, 32)}: dial tcp 10.0.3.7:6379: "
                        "connect: connection refused"
                    )
                    log.add(when, [line], category="refused", target="10.0.3.7:6379")
                else:
                    line = (
                        f"{s} cache set user:{rng.randrange(1, 9999)}: read tcp "
                        f"10.0.1.4:{rng.randrange(30000, 60000)}->10.0.3.7:6379: i/o timeout"
                    )
                    log.add(when, [line], category="timeout", target="10.0.3.7:6379")
            else:
                line = (
                    f"{s} redis: dial tcp: lookup redis-master.prod.svc.cluster.local on "
                    "10.96.0.10:53: no such host"
                )
                log.add(
                    when,
                    [line],
                    category="dns_nxdomain",
                    target="redis-master.prod.svc.cluster.local",
                )
        elif kind == "recovery":
            log.add(when, [f"{s} cache: redis connection restored"], recovery=True)
        elif kind == "lookalike":
            if rng.random() < 0.5:
                line = (
                    f"{s} failed to connect to `host=postgres user=app database=app`: dial error "
                    "(dial tcp 10.0.3.9:5432: connect: connection refused)"
                )
            else:
                line = (
                    f'{s} webhook: Post "https://hooks.example.com/v1/events": dial tcp: lookup '
                    "hooks.example.com on 10.96.0.10:53: no such host"
                )
            log.add(when, [line], lookalike=True)
        else:
            log.add(
                when,
                [f"{s} GET /api/v1/items/{rng.randrange(1, 999)} 200 {rng.uniform(0.2, 40):.1f}ms"],
            )
    return log


def ruby(rng: random.Random) -> Log:
    """A Rails app (redis-rb, Ruby Logger format) with a Sidekiq process in the same file."""
    log = Log()
    start = datetime(2025, 5, 30, 21, 0, 0, tzinfo=UTC)

    def logger(level: str, when: datetime) -> str:
        return f"{level[0]}, [{when:%Y-%m-%dT%H:%M:%S}.{when.microsecond:06d} #8] {level:>5} -- :"

    for when, kind in timeline(
        rng,
        start,
        3,
        ordinary=(4, 25),
        outages=[(0.5, 1.0, (3, 12)), (2.0, 2.3, (5, 20))],
        lookalike_every=(300, 900),
    ):
        if kind == "failure":
            if when < start + timedelta(hours=1, minutes=30):
                if rng.random() < 0.6:
                    log.add(
                        when,
                        [
                            f"{logger('ERROR', when)} Redis::CannotConnectError: Error connecting "
                            "to Redis on redis.internal:6379 (Errno::ECONNREFUSED)",
                            "/usr/local/bundle/gems/redis-4.8.1/lib/redis/client.rb:398:in "
                            "`rescue in establish_connection'",
                            "/usr/local/bundle/gems/redis-4.8.1/lib/redis/client.rb:379:in "
                            "`establish_connection'",
                            "/app/app/models/session_store.rb:12:in `fetch'",
                        ],
                        category="refused",
                        target="redis.internal:6379",
                    )
                else:
                    stamp = f"{when:%Y-%m-%dT%H:%M:%S}.{when.microsecond // 1000:03d}Z"
                    log.add(
                        when,
                        [
                            f"{stamp} pid=8 tid=gs4 WARN: Redis::CannotConnectError: Error "
                            "connecting to Redis on redis.internal:6379 (Redis::TimeoutError)",
                        ],
                        category="timeout",
                        target="redis.internal:6379",
                    )
            else:
                log.add(
                    when,
                    [
                        f"{logger('ERROR', when)} Redis::CommandError: READONLY You can't write "
                        "against a read only replica.",
                        "/usr/local/bundle/gems/redis-4.8.1/lib/redis/client.rb:162:in `call'",
                    ],
                    category="readonly",
                )
        elif kind == "recovery":
            log.add(
                when,
                [f"{logger('INFO', when)} Redis reconnected to redis.internal:6379"],
                recovery=True,
            )
        elif kind == "lookalike":
            log.add(
                when,
                [
                    f"{logger('ERROR', when)} PG::ConnectionBad: could not connect to server: "
                    "Connection refused",
                    '\tIs the server running on host "db" (172.18.0.2) and accepting',
                    "\tTCP/IP connections on port 5432?",
                ],
                lookalike=True,
            )
        else:
            if rng.random() < 0.5:
                line = (
                    f'{logger("INFO", when)} Started GET "/orders/{rng.randrange(1, 999)}" for '
                    f"10.0.0.{rng.randrange(1, 255)} at {when:%Y-%m-%d %H:%M:%S} +0000"
                )
            else:
                line = f"{logger('INFO', when)} Completed 200 OK in {rng.randrange(2, 300)}ms"
            log.add(when, [line])
    return log


WATCHDOG = "i.l.core.protocol.ConnectionWatchdog"
SERVLET = "o.a.c.c.C.[.[.[/].[dispatcherServlet]"
RECONNECT = "i.l.core.protocol.ReconnectionHandler"
LISTENER = "o.s.a.r.l.SimpleMessageListenerContainer"


def lettuce(rng: random.Random) -> Log:
    """A Spring Boot service (Lettuce) with Java stack traces and "Caused by:" chains."""
    log = Log()
    start = datetime(2025, 1, 15, 9, 0, 0, tzinfo=UTC)

    def head(when: datetime, level: str, thread: str, logger: str) -> str:
        ms = when.microsecond // 1000
        return f"{when:%Y-%m-%d %H:%M:%S}.{ms:03d} {level:>5} 1 --- [{thread:>15}] {logger:<40} :"

    for when, kind in timeline(
        rng,
        start,
        3,
        ordinary=(3, 20),
        outages=[(0.5, 1.0, (5, 15)), (2.0, 2.4, (3, 10))],
        lookalike_every=(400, 900),
    ):
        if kind == "failure":
            if when < start + timedelta(hours=1, minutes=30):
                if rng.random() < 0.5:
                    line = (
                        f"{head(when, 'WARN', 'ioEventLoop-4-2', WATCHDOG)}"
                        " Cannot reconnect to [redis.internal/<unresolved>:6379]: Connection "
                        "refused: redis.internal/10.0.4.12:6379"
                    )
                    log.add(when, [line], category="refused", target="redis.internal:6379")
                else:
                    lines = [
                        f"{head(when, 'ERROR', 'nio-8080-exec-3', SERVLET)}"
                        " Servlet.service() for servlet [dispatcherServlet] threw exception",
                        "org.springframework.data.redis.RedisConnectionFailureException: Unable to "
                        "connect to Redis",
                        "\tat org.springframework.data.redis.connection.lettuce."
                        "LettuceConnectionFac"
                        "tory$ExceptionTranslatingConnectionProvider.translateException(LettuceCon"
                        "nectionFactory.java:1689)",
                        "Caused by: io.lettuce.core.RedisConnectionException: Unable to connect to "
                        "redis.internal/<unresolved>:6379",
                        "\tat io.lettuce.core.RedisConnectionException.create(RedisConnectionExcept"
                        "ion.java:78)",
                        "\t... 52 common frames omitted",
                        "Caused by: java.net.UnknownHostException: redis.internal",
                        "\tat java.base/java.net.InetAddress$CachedAddresses.get(InetAddress.java"
                        ":801)",
                        "\t... 20 common frames omitted",
                    ]
                    log.add(when, lines, category="dns_nxdomain", target="redis.internal:6379")
            else:
                lines = [
                    f"{head(when, 'ERROR', 'nio-8080-exec-7', 'c.e.shop.CartService')}"
                    " cart lookup failed",
                    "io.lettuce.core.RedisCommandTimeoutException: Command timed out after 1 "
                    "minute(s)",
                    "\tat io.lettuce.core.internal.ExceptionFactory.createTimeoutException(Excepti"
                    "onFactory.java:59)",
                ]
                log.add(when, lines, category="timeout")
        elif kind == "recovery":
            line = (
                f"{head(when, 'INFO', 'ioEventLoop-4-1', RECONNECT)}"
                " Reconnected to redis.internal/10.0.4.12:6379"
            )
            log.add(when, [line], recovery=True)
        elif kind == "lookalike":
            if rng.random() < 0.5:
                lines = [
                    f"{head(when, 'ERROR', 'main', 'com.zaxxer.hikari.pool.HikariPool')}"
                    " HikariPool-1 - Exception during pool initialization.",
                    "org.postgresql.util.PSQLException: Connection to db:5432 refused. Check that "
                    "the hostname and port are correct and that the postmaster is accepting "
                    "TCP/IP connections.",
                    "\tat org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(Connecti"
                    "onFactoryImpl.java:319)",
                    "Caused by: java.net.ConnectException: Connection refused",
                    "\t... 40 common frames omitted",
                ]
            else:
                lines = [
                    f"{head(when, 'WARN', 'ntContainer#0-1', LISTENER)}"
                    " Consumer raised exception, processing can restart if the connection factory "
                    "supports it. Exception summary: org.springframework.amqp.AmqpConnectException"
                    ": java.net.ConnectException: Connection refused",
                ]
            log.add(when, lines, lookalike=True)
        else:
            line = (
                f"{head(when, 'INFO', 'nio-8080-exec-1', 'c.e.shop.OrderController')}"
                f" GET /orders/{rng.randrange(1, 999)} -> 200 in {rng.randrange(1, 90)} ms"
            )
            log.add(when, [line])
    return log


def redis_server(rng: random.Random) -> Log:
    """A replica's redis-server log: its master goes away, then comes back."""
    log = Log()
    start = datetime(2021, 4, 9, 4, 0, 0, tzinfo=UTC)
    pid = 32196

    def s(when: datetime, role: str, mark: str) -> str:
        return f"{pid}:{role} {when:%d %b %Y %H:%M:%S}.{when.microsecond // 1000:03d} {mark}"

    log.add(start, [f"{s(start, 'C', '#')} oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo"])
    for when, kind in timeline(
        rng,
        start + timedelta(seconds=1),
        3,
        ordinary=(20, 120),
        outages=[(0.5, 1.0, (1, 2)), (2.0, 2.2, (5, 15))],
        lookalike_every=(1800, 3600),
    ):
        if kind == "failure":
            if when < start + timedelta(hours=1, minutes=30):
                log.add(
                    when,
                    [f"{s(when, 'S', '#')} Error condition on socket for SYNC: Connection refused"],
                    category="refused",
                )
            else:
                log.add(
                    when,
                    [
                        f"{s(when, 'S', '#')} Timeout connecting to the MASTER...",
                    ],
                    category="timeout",
                )
        elif kind == "recovery":
            log.add(
                when,
                [f"{s(when, 'S', '*')} MASTER <-> REPLICA sync: Finished with success"],
                recovery=True,
            )
        elif kind == "lookalike":
            log.add(
                when,
                [f"{s(when, 'S', '#')} WARNING: The TCP backlog setting of 511 cannot be enforced"],
                lookalike=True,
            )
        else:
            if rng.random() < 0.5:
                line = (
                    f"{s(when, 'S', '*')} {rng.randrange(1, 100)} changes in 300 seconds. Saving..."
                )
            else:
                line = f"{s(when, 'S', '*')} Connecting to MASTER 10.0.0.5:6379"
            log.add(when, [line])
    return log


def json_lines(rng: random.Random) -> Log:
    """JSON lines from three structured loggers: pino (Node, epoch ms), structlog (Python, ISO)
    and zap (Go, epoch seconds)."""
    log = Log()
    start = datetime(2024, 6, 1, 12, 0, 0, tzinfo=UTC)
    for when, kind in timeline(
        rng,
        start,
        3,
        ordinary=(2, 12),
        outages=[(0.3, 0.8, (2, 8)), (1.5, 2.0, (4, 12))],
        lookalike_every=(200, 600),
    ):
        ms = int(when.timestamp() * 1000)
        iso_ms = f"{when:%Y-%m-%dT%H:%M:%S}.{when.microsecond:06d}Z"
        if kind == "failure":
            pick = rng.randrange(3)
            if pick == 0:
                record = {
                    "level": 50,
                    "time": ms,
                    "pid": 7,
                    "hostname": "api-7d9f",
                    "msg": "redis error",
                    "err": {
                        "type": "Error",
                        "message": "connect ETIMEDOUT",
                        "stack": "Error: connect ETIMEDOUT\n    at Socket.<anonymous> "
                        "(/app/node_modules/ioredis/built/Redis.js:170:41)",
                        "code": "ETIMEDOUT",
                    },
                }
                category, target = "timeout", None
            elif pick == 1:
                record = {
                    "event": "cache_get_failed",
                    "error": "Error 111 connecting to redis:6379. Connection refused.",
                    "logger": "app.cache",
                    "level": "error",
                    "timestamp": iso_ms,
                }
                category, target = "refused", "redis:6379"
            else:
                record = {
                    "level": "error",
                    "ts": round(when.timestamp(), 3),
                    "caller": "cache/redis.go:42",
                    "msg": "redis ping failed",
                    "error": "dial tcp 10.0.3.7:6379: i/o timeout",
                }
                category, target = "timeout", "10.0.3.7:6379"
            log.add(when, [json.dumps(record)], category=category, target=target)
        elif kind == "recovery":
            record = {"level": 30, "time": ms, "msg": "redis connection restored"}
            log.add(when, [json.dumps(record)], recovery=True)
        elif kind == "lookalike":
            if rng.random() < 0.5:
                record = {
                    "level": 50,
                    "time": ms,
                    "msg": "request failed",
                    "err": {"type": "Error", "message": "getaddrinfo ENOTFOUND api.stripe.com"},
                }
            else:
                record = {
                    "event": "db_error",
                    "error": 'connection to server at "db" (10.0.0.9), port 5432 failed: '
                    "Connection refused",
                    "level": "error",
                    "timestamp": iso_ms,
                }
            log.add(when, [json.dumps(record)], lookalike=True)
        else:
            record = {
                "level": 30,
                "time": ms,
                "msg": "request completed",
                "res": {"statusCode": 200},
                "responseTime": rng.randrange(1, 200),
            }
            log.add(when, [json.dumps(record)])
    return log


SAMPLES: tuple[tuple[str, Callable[[random.Random], Log], bool, str], ...] = (
    ("seed_before.log.gz", seed_before, True, "the seed's 24 h production log (before the fix)"),
    ("seed_after.log.gz", seed_after, True, "the same outage, 24 h, logged by the fixed client"),
    ("celery.log", celery, False, "Celery worker, Redis broker: DNS then refused, tracebacks"),
    ("ioredis.log", ioredis, False, "Node/ioredis under docker compose -t"),
    ("go_redis.log", go_redis, False, "Go service with go-redis, standard log package"),
    ("ruby.log", ruby, False, "Rails (redis-rb, Ruby Logger) and Sidekiq lines"),
    ("lettuce.log", lettuce, False, "Spring Boot / Lettuce with Caused by: chains"),
    ("redis_server.log", redis_server, False, "a replica's redis-server log"),
    ("json_lines.log", json_lines, False, "JSON lines: pino, structlog, zap"),
)


def main() -> None:
    for index, (name, build, compress, note) in enumerate(SAMPLES):
        write(name, build(random.Random(1000 + index)), compress=compress, note=note)


if __name__ == "__main__":
    main()
