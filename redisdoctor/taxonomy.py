"""The one failure taxonomy shared by the client, probe, analyze, simulate and explain.

Every failure redisdoctor sees, live or in a log, ends up as one `Category`. The evidence that maps
to each category lives in one table, `RULES`; `classify_exception` reads its typed columns
(getaddrinfo codes, errno values, exception types, RESP error prefixes) and `classify_text` reads
its text column. Live errors are classified by type and code, never by English text: messages
differ by platform, libc and locale.
"""

from __future__ import annotations

import errno
import re
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class Category(StrEnum):
    """A failure category. The values are stable: they appear in JSON, logs, exit codes and docs."""

    DNS_NXDOMAIN = "dns_nxdomain"
    DNS_TEMPORARY = "dns_temporary"
    REFUSED = "refused"
    TIMEOUT = "timeout"
    RESET = "reset"
    UNREACHABLE = "unreachable"
    TLS = "tls"
    AUTH = "auth"
    LOADING = "loading"
    READONLY = "readonly"
    OOM = "oom"
    MAX_CLIENTS = "max_clients"
    MISCONF = "misconf"
    CLUSTER = "cluster"
    PROTOCOL = "protocol"
    OTHER = "other"

    @property
    def info(self) -> CategoryInfo:
        """What the category means, whether it heals by itself, and what to do next."""
        return CATEGORY_INFO[self]

    @property
    def transient(self) -> bool:
        """True when the failure usually heals without anyone changing configuration."""
        return CATEGORY_INFO[self].transient

    @property
    def is_dns(self) -> bool:
        return self in (Category.DNS_NXDOMAIN, Category.DNS_TEMPORARY)

    @property
    def before_redis_replied(self) -> bool:
        """True for failures of DNS, TCP or TLS: the target was never reached as a Redis server."""
        return self in _NETWORK_CATEGORIES


@dataclass(frozen=True, slots=True)
class CategoryInfo:
    """Plain-words facts about a category, for an on-call engineer."""

    meaning: str
    transient: bool
    next_step: str


CATEGORY_INFO: dict[Category, CategoryInfo] = {
    Category.DNS_NXDOMAIN: CategoryInfo(
        "The hostname does not exist in DNS.",
        False,
        "Check the hostname in REDIS_URL for typos. On a managed Redis (Upstash, ElastiCache, "
        "Redis Cloud, Azure Cache) the database may have been deleted or renamed: look in the "
        'provider\'s console, then run `redisdoctor probe "$REDIS_URL"` or `dig +short HOST`.',
    ),
    Category.DNS_TEMPORARY: CategoryInfo(
        "The resolver failed or did not answer; this is a DNS problem, not a Redis problem.",
        True,
        "Check the resolver: `cat /etc/resolv.conf`, then `dig HOST @NAMESERVER`. SERVFAIL or a "
        "timeout usually heals; if it persists, the resolver or the zone's nameservers are broken.",
    ),
    Category.REFUSED: CategoryInfo(
        "The host answered, but nothing is listening on that port.",
        True,
        "Check that redis-server is running and bound to the address and port in the URL "
        "(`ss -ltnp | grep PORT` on the host, `bind` and `port` in redis.conf), and that a "
        "firewall is not rejecting the port.",
    ),
    Category.TIMEOUT: CategoryInfo(
        "No answer arrived in time (connect or read).",
        True,
        "A firewall or security group may be dropping packets, or the server is overloaded. "
        "Check the network path (`nc -vz HOST PORT`), security groups, and `redis-cli --latency`.",
    ),
    Category.RESET: CategoryInfo(
        "An established connection was dropped by the peer.",
        True,
        "The server closed the connection: check its log for restarts, `timeout` and "
        "client-output-buffer-limit kills, a proxy or load balancer idle timeout, or a TLS-only "
        "port being spoken to in plain text.",
    ),
    Category.UNREACHABLE: CategoryInfo(
        "There is no network route to the host.",
        True,
        "Check routing, VPN or VPC peering, and that the address family (IPv4 or IPv6) is "
        "reachable from this host (`ip route get ADDRESS`).",
    ),
    Category.TLS: CategoryInfo(
        "The TLS handshake or certificate verification failed.",
        False,
        "Use rediss:// only for a TLS port and redis:// for a plain one; check the CA bundle "
        "(`--tls-ca`), the certificate's hostname and expiry "
        "(`openssl s_client -connect HOST:PORT`).",
    ),
    Category.AUTH: CategoryInfo(
        "The server rejected the credentials, or needs credentials that were not sent.",
        False,
        "Check the username and password in REDIS_URL against the server's ACL "
        "(`ACL WHOAMI`, `ACL LIST`) or requirepass; rotate the secret everywhere it is used.",
    ),
    Category.LOADING: CategoryInfo(
        "The server is up but not serving yet (loading data, busy script, or replica without "
        "its master).",
        True,
        "Wait for the load to finish (`INFO persistence`: loading_eta_seconds); for BUSY, "
        "`SCRIPT KILL` or `FUNCTION KILL`; for MASTERDOWN, check the replica's master link.",
    ),
    Category.READONLY: CategoryInfo(
        "A write was sent to a read-only replica.",
        False,
        "Point writes at the primary (check the endpoint after a failover) or use a "
        "Sentinel/cluster-aware client.",
    ),
    Category.OOM: CategoryInfo(
        "The server reached maxmemory and refused a write.",
        False,
        "Check `INFO memory` (used_memory vs maxmemory) and `maxmemory-policy`; add memory, set "
        "TTLs, or choose an eviction policy such as allkeys-lru.",
    ),
    Category.MAX_CLIENTS: CategoryInfo(
        "The server reached its connection limit.",
        True,
        "Check `INFO clients` against `CONFIG GET maxclients`; look for connection leaks and "
        "oversized pools across all application instances.",
    ),
    Category.MISCONF: CategoryInfo(
        "The server cannot persist to disk and refuses writes.",
        False,
        "Check the server log and `INFO persistence` (rdb_last_bgsave_status); free disk space or "
        "fix permissions on the data directory.",
    ),
    Category.CLUSTER: CategoryInfo(
        "The cluster is down or the command spans slots the client did not route.",
        True,
        "Check `CLUSTER INFO` (cluster_state) and `CLUSTER NODES`; use a cluster-aware client and "
        "hash tags for multi-key commands.",
    ),
    Category.PROTOCOL: CategoryInfo(
        "The peer does not speak RESP, or sent a garbled reply.",
        False,
        "Check that the port is really Redis (not an HTTP server, a proxy, or a TLS port spoken "
        "to in plain text); `redis-cli -h HOST -p PORT ping` should answer PONG.",
    ),
    Category.OTHER: CategoryInfo(
        "A Redis-related failure that fits no more specific category.",
        False,
        'Read the full error and the server log; `redisdoctor probe "$REDIS_URL"` tells which '
        "stage fails.",
    ),
}

_NETWORK_CATEGORIES = frozenset(
    {
        Category.DNS_NXDOMAIN,
        Category.DNS_TEMPORARY,
        Category.REFUSED,
        Category.TIMEOUT,
        Category.RESET,
        Category.UNREACHABLE,
        Category.TLS,
    }
)


def _errnos(*names: str) -> frozenset[int]:
    """The numeric values of errno names on this platform (names absent here are skipped)."""
    return frozenset(getattr(errno, name) for name in names if hasattr(errno, name))


def _gai(*names: str) -> frozenset[int]:
    return frozenset(getattr(socket, name) for name in names if hasattr(socket, name))


@dataclass(frozen=True, slots=True)
class Rule:
    """The evidence that one category is identified by, across live errors and log text.

    `gai_codes` are getaddrinfo error codes; `errnos` are OSError.errno values on this platform;
    `exception_types` are fully qualified class names (matched along the MRO); `resp_prefixes` are
    the first word of a Redis error reply; `text` are regular expressions for log records.
    """

    category: Category
    gai_codes: frozenset[int] = frozenset()
    errnos: frozenset[int] = frozenset()
    exception_types: tuple[str, ...] = ()
    resp_prefixes: tuple[str, ...] = ()
    text: tuple[str, ...] = field(default=())


# ONE table. Order matters for text: the first rule whose pattern matches wins, so the more
# specific evidence comes first.
RULES: tuple[Rule, ...] = (
    Rule(
        Category.DNS_NXDOMAIN,
        gai_codes=_gai("EAI_NONAME", "EAI_NODATA", "EAI_ADDRFAMILY"),
        exception_types=("dns.resolver.NXDOMAIN", "dns.resolver.NoAnswer"),
    ),
    Rule(
        Category.DNS_TEMPORARY,
        gai_codes=_gai("EAI_AGAIN", "EAI_FAIL"),
        exception_types=("dns.resolver.NoNameservers", "dns.resolver.LifetimeTimeout"),
    ),
    Rule(
        Category.TLS,
        exception_types=("ssl.SSLError", "ssl.CertificateError"),
    ),
    Rule(
        Category.AUTH,
        exception_types=(
            "redis.exceptions.AuthenticationError",
            "redis.exceptions.AuthenticationWrongNumberOfArgsError",
            "redis.exceptions.NoPermissionError",
        ),
        resp_prefixes=("NOAUTH", "WRONGPASS", "NOPERM", "INVALIDPASSWORD"),
    ),
    Rule(
        Category.LOADING,
        exception_types=("redis.exceptions.BusyLoadingError",),
        resp_prefixes=("LOADING", "BUSY", "MASTERDOWN", "TRYAGAIN", "NOREPLICAS"),
    ),
    Rule(
        Category.READONLY,
        exception_types=("redis.exceptions.ReadOnlyError",),
        resp_prefixes=("READONLY",),
    ),
    Rule(
        Category.OOM,
        exception_types=("redis.exceptions.OutOfMemoryError",),
        resp_prefixes=("OOM",),
    ),
    Rule(Category.MISCONF, resp_prefixes=("MISCONF",)),
    Rule(
        Category.CLUSTER,
        exception_types=(
            "redis.exceptions.ClusterDownError",
            "redis.exceptions.ClusterCrossSlotError",
            "redis.exceptions.MovedError",
            "redis.exceptions.AskError",
            "redis.exceptions.TryAgainError",
            "redis.exceptions.MasterDownError",
        ),
        resp_prefixes=("CLUSTERDOWN", "CROSSSLOT", "MOVED", "ASK"),
    ),
    Rule(
        Category.REFUSED,
        errnos=_errnos("ECONNREFUSED", "WSAECONNREFUSED") | {111, 61, 10061},
        exception_types=("ConnectionRefusedError",),
    ),
    Rule(
        Category.TIMEOUT,
        errnos=_errnos("ETIMEDOUT", "WSAETIMEDOUT") | {110, 60, 10060},
        exception_types=("TimeoutError", "redis.exceptions.TimeoutError", "socket.timeout"),
    ),
    Rule(
        Category.RESET,
        errnos=_errnos("ECONNRESET", "EPIPE", "ECONNABORTED", "WSAECONNRESET")
        | {104, 54, 10054, 32, 103, 53, 10053},
        exception_types=("ConnectionResetError", "BrokenPipeError", "ConnectionAbortedError"),
    ),
    Rule(
        Category.UNREACHABLE,
        errnos=_errnos("EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN", "EADDRNOTAVAIL")
        | {113, 101, 65, 51, 10065, 10051},
    ),
    Rule(
        Category.MAX_CLIENTS,
        # redis-py maps "ERR max number of clients reached" to ConnectionError; RESP prefix "ERR"
        # is too broad, so the reply's text is matched (server replies are not localised).
        text=(r"max(?:imum)? number of clients reached",),
    ),
    Rule(
        Category.PROTOCOL,
        exception_types=("redis.exceptions.InvalidResponse",),
    ),
)

_RULES_BY_CATEGORY: dict[Category, Rule] = {rule.category: rule for rule in RULES}


def _qualified_names(exc: BaseException) -> Iterator[str]:
    for klass in type(exc).__mro__:
        module = klass.__module__
        yield klass.__qualname__ if module == "builtins" else f"{module}.{klass.__qualname__}"


def _causes(exc: BaseException) -> list[BaseException]:
    """The exception and what it was raised from or during, innermost last, without cycles."""
    chain: list[BaseException] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        chain.append(current)
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return chain


def _redis_error_message(exc: BaseException) -> str | None:
    """The server's error reply text when `exc` carries one (redis-py ResponseError family)."""
    names = set(_qualified_names(exc))
    if "redis.exceptions.ResponseError" in names or "redis.exceptions.ConnectionError" in names:
        return str(exc.args[0]) if exc.args else ""
    return None


def _by_code(exc: BaseException) -> Category | None:
    """Categories evidenced by type and numeric code, the only trustworthy live evidence."""
    if isinstance(exc, socket.gaierror):
        code = exc.errno
        for rule in RULES:
            if code in rule.gai_codes:
                return rule.category
        return Category.DNS_TEMPORARY
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return Category.TLS
    if isinstance(exc, TimeoutError) and "handshake operation timed out" in str(exc):
        # CPython's ssl module (_ssl.c, a constant, not an OS message) after TCP connected but
        # no TLS reply came: what a TLS client gets from a plain redis-server, which waits
        # forever for the newline of an "inline command" that a ClientHello never contains.
        return Category.TLS
    if isinstance(exc, OSError) and exc.errno is not None:
        for rule in RULES:
            if exc.errno in rule.errnos:
                return rule.category
    names = tuple(_qualified_names(exc))
    for rule in RULES:
        if any(name in rule.exception_types for name in names):
            return rule.category
    return None


def classify_resp_error(message: str) -> Category | None:
    """The category of a Redis error reply such as ``LOADING Redis is loading...``."""
    prefix = message.split(" ", 1)[0].lstrip("-").upper()
    for rule in RULES:
        if prefix in rule.resp_prefixes:
            return rule.category
    lowered = message.lower()
    if "max number of clients reached" in lowered:
        return Category.MAX_CLIENTS
    if "invalid password" in lowered or "without any password configured" in lowered:
        return Category.AUTH
    if lowered.startswith("protocol error"):
        return Category.PROTOCOL
    return None


def classify_exception(exc: BaseException) -> Category:
    """Map a live exception (redis-py, socket, ssl, dnspython) to its Category.

    The chain (``__cause__``/``__context__``) is walked innermost first, because redis-py wraps the
    socket error that tells what really happened in its own ConnectionError.
    """
    chain = _causes(exc)
    for inner in reversed(chain):
        category = _by_code(inner)
        if category is not None:
            return category
    for inner in chain:
        reply = _redis_error_message(inner)
        if reply is not None:
            category = classify_resp_error(reply)
            if category is not None:
                return category
    # redis-py raises a bare ConnectionError when the peer closes the socket mid-reply: its
    # message is redis-py's own constant, not a localised OS string.
    for inner in chain:
        message = str(inner)
        if "Connection closed by server" in message or "Socket closed on remote end" in message:
            return Category.RESET
        if "Protocol Error" in message or "Protocol error" in message:
            return Category.PROTOCOL
    return Category.OTHER


# --------------------------------------------------------------------------------------------
# Log text
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _CompiledText:
    category: Category
    pattern: re.Pattern[str]


def _compile_text_rules() -> tuple[_CompiledText, ...]:
    return tuple(
        _CompiledText(rule.category, re.compile(text, re.IGNORECASE))
        for rule in RULES
        for text in rule.text
    )


_TEXT_RULES = _compile_text_rules()


def classify_text(record: str) -> Category | None:
    """Classify one log record's text; None when it is not evidence of a Redis failure."""
    for compiled in _TEXT_RULES:
        if compiled.pattern.search(record):
            return compiled.category
    return None


def rule_for(category: Category) -> Rule | None:
    """The table row of `category`, if it has one."""
    return _RULES_BY_CATEGORY.get(category)
