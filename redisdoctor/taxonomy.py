"""The one failure taxonomy shared by the client, probe, analyze, simulate and explain.

Every failure redisdoctor sees, live or in a log, ends up as one `Category`. The evidence that maps
to each category lives in one table, `RULES`; `classify_exception` reads its typed columns
(getaddrinfo codes, errno values, exception types, RESP error prefixes) and `classify_text` reads
its text column. Live errors are classified by type and code, never by English text: messages
differ by platform, libc and locale.
"""

from __future__ import annotations

import errno
import functools
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


# Text patterns are written in lower case and matched against the lower-cased record (cheaper than
# re.IGNORECASE); escapes such as \S, \d, \b are the only upper-case letters allowed in them. A
# pattern that starts with a literal lets `re` skip ahead quickly, so a leading \b is used only
# where a short token needs it.


@dataclass(frozen=True, slots=True)
class Rule:
    """The evidence that one category is identified by, across live errors and log text.

    `gai_codes` are getaddrinfo error codes; `errnos` are OSError.errno values on this platform;
    `exception_types` are fully qualified class names (matched along the MRO); `resp_prefixes` are
    the first word of a Redis error reply. For log records: `text_codes` are the error numbers
    clients print ("Error 111 connecting", "[Errno -2]", "(os error 104)", "errno: -4078"):
    positive for errno values of Linux, macOS and Windows, negative for getaddrinfo codes;
    `text` are regular expressions of the mechanism (OS and library messages), and like
    `text_codes` they count only when the record also shows it is about Redis (`RELEVANCE`);
    `redis_text` are Redis-specific patterns (server replies, Redis client idioms) that are
    evidence of both the category and the relevance. Text patterns are lower case and matched
    against the lower-cased record.
    """

    category: Category
    gai_codes: frozenset[int] = frozenset()
    errnos: frozenset[int] = frozenset()
    exception_types: tuple[str, ...] = ()
    resp_prefixes: tuple[str, ...] = ()
    text: tuple[str, ...] = field(default=())
    redis_text: tuple[str, ...] = field(default=())
    text_codes: frozenset[int] = frozenset()


# ONE table. For live errors the typed columns are disjoint, so their order does not matter; for
# log text the precedence is `_TEXT_PRECEDENCE` below (the most specific evidence first).
RULES: tuple[Rule, ...] = (
    Rule(
        Category.DNS_NXDOMAIN,
        gai_codes=_gai("EAI_NONAME", "EAI_NODATA", "EAI_ADDRFAMILY"),
        exception_types=("dns.resolver.NXDOMAIN", "dns.resolver.NoAnswer"),
        # glibc/musl EAI_NONAME -2, EAI_NODATA -5; Windows WSAHOST_NOT_FOUND, WSANO_DATA
        text_codes=frozenset({-2, -5, 11001, 11004}),
        text=(
            r"name or service not known",  # glibc
            r"name does not resolve",  # musl
            r"nodename nor servname provided",  # macOS / BSD
            r"no such host is known",  # Windows
            r"no address associated with (?:host)?name",
            r"the requested name is valid, but no data",
            r"no such host\b",  # Go
            r"enotfound",  # Node
            r"eai_(?:noname|nodata|addrfamily)",
            r"unknownhostexception",  # Java
            r"unresolvedaddressexception",  # Java NIO / Netty
            r"nxdomain",
            r"getaddrinfo failed\b(?!: (?:temporary|try again|non-recoverable))",  # Windows, PHP
            # PHP 8: "getaddrinfo for HOST failed: MSG" (MSG may be a localised 11001 text)
            r"getaddrinfo for \S{1,253} failed\b(?!: (?:temporary|try again|non-recoverable))",
            r"\(socketerror\)",  # redis-rb 3/4: "Error connecting to Redis on h:p (SocketError)"
            r"could not resolve host|couldn't resolve host|unable to resolve host",
            r"failed to resolve '|failed to resolve (?:host|hostname|address)\b",  # Netty
            r"host not found\b",
        ),
    ),
    Rule(
        Category.DNS_TEMPORARY,
        gai_codes=_gai("EAI_AGAIN", "EAI_FAIL"),
        exception_types=("dns.resolver.NoNameservers", "dns.resolver.LifetimeTimeout"),
        # glibc/musl EAI_AGAIN -3, EAI_FAIL -4; Windows WSATRY_AGAIN, WSANO_RECOVERY
        text_codes=frozenset({-3, -4, 11002, 11003}),
        text=(
            r"temporary failure in name resolution",  # glibc
            r"non-recoverable failure in name resolution",
            r"eai_(?:again|fail)\b",  # Node, C
            r"server misbehaving",  # Go
            # Go: "lookup HOST on NS:53: <how the resolver failed>"
            r"lookup [^\s:]{1,253}(?: on [\[\]\w.:]{1,60})?: [^\n]{0,200}(?:timeout|timed out)",
            r"lookup [^\s:]{1,253}(?: on [\[\]\w.:]{1,60})?: [^\n]{0,200}(?:refused|unreachable)",
            r"lookup [^\s:]{1,253}(?: on [\[\]\w.:]{1,60})?: [^\n]{0,200}no answer",
            r"servfail",  # and Node's ESERVFAIL
            r"etimeout\b|econnrefused \S{1,200}:53\b",  # Node dns module ("queryA ETIMEOUT host")
            r"getaddrinfo\b[^\n]{0,200}try again\b",  # musl, Ruby, PHP
            r"getaddrinfo_a: all requests done",  # Ruby's async resolver interrupted
            r"\. try again\b",  # redis-py on musl: "Error -3 connecting to h:p. Try again."
            r"temporary error during hostname resolution",  # Windows 11002
            r"resource temporarily unavailable[^\n]{0,200}(?:getaddrinfo|dns|resolv)",
            r"resource temporarily unavailable[^\n]{0,200}(?:lookup|hostname)",
            r"getaddrinfo[^\n]{0,200}resource temporarily unavailable",
            r"dns[^\n]{0,200}resource temporarily unavailable",
            r"dns operation timed out|all nameservers failed|no nameservers",  # dnspython
            r"dns (?:resolution|lookup|query) (?:timed out|timeout|failed temporarily)",
        ),
    ),
    Rule(
        Category.TLS,
        exception_types=("ssl.SSLError", "ssl.CertificateError"),
        text=(
            r"certificate_verify_failed|certificate verify failed",
            r"wrong_version_number|wrong version number",
            # Python: "[SSL: CODE] ...", "[SSL] record layer failure (_ssl.c:N)"
            r"\[ssl: [a-z_]+\]|\[ssl\][^\n]{0,200}_ssl\.c",
            r"ssl\w*(?:error|exception)\b|eof occurred in violation of protocol",
            r"ssl_connect returned",  # Ruby OpenSSL
            r"x509: ",  # Go
            # Go's crypto/tls errors (a bare "tls:" could be a setting: "tls: {}")
            r"tls: (?:first record|failed to|handshake|bad certificate|unknown certificate)",
            r"tls: (?:internal|protocol version|no renegotiation|unsupported|received)",
            r"tls: (?:server selected|oversized record|illegal parameter|certificate)",
            r"tls: (?:unrecognized name|access denied)",
            r"tls handshake|ssl handshake|handshake_failure|handshake failed",
            r"sslv3_alert|tlsv1_alert|unknown_ca|bad certificate",
            r"certificate has expired|cert_has_expired|self[- ]signed certificate",
            r"unable to get local issuer certificate|unable_to_verify_leaf_signature",
            r"depth_zero_self_signed_cert|self_signed_cert_in_chain|err_tls_cert_altname_invalid",
            r"hostname mismatch|doesn't match either of|certificate is not valid for",
            r"pkix path building failed|unable to find valid certification path",  # Java
            r"notsslrecordexception",  # Netty
            r"remote certificate is invalid",  # .NET
            r"invalid peer certificate|invalidcertificate",  # rustls
            r"before secure tls connection was established",  # Node
            r"ssl routines|decryption failed or bad record mac|record layer failure",
            r"failed to enable crypto|ssl operation failed",  # PHP streams
        ),
    ),
    Rule(
        Category.AUTH,
        exception_types=(
            "redis.exceptions.AuthenticationError",
            "redis.exceptions.AuthenticationWrongNumberOfArgsError",
            "redis.exceptions.NoPermissionError",
        ),
        resp_prefixes=("NOAUTH", "WRONGPASS", "NOPERM", "INVALIDPASSWORD"),
        text=(
            r"invalid password\b",
            r"authenticationerror|authentication ?failure|authentication failed",
            r"auth(?:entication)? (?:failed|error|rejected)\b",
            r"nopermissionerror|has no permissions to (?:run|access)",  # Redis ACL
        ),
        redis_text=(
            r"noauth|wrongpass|noperm\b|invalidpassword",
            r"invalid username-password pair",
            r"called without any password configured",
            r"client sent auth, but no password is set",
            r"err invalid password",  # the reply of Redis < 6 ("Auth error: ERR invalid password")
            r"unauthenticated (?:multi)?bulk length",  # Redis 7: a big request before AUTH
            r"redisauthrequiredexception",
        ),
    ),
    Rule(
        Category.LOADING,
        exception_types=("redis.exceptions.BusyLoadingError",),
        resp_prefixes=("LOADING", "BUSY", "MASTERDOWN", "TRYAGAIN", "NOREPLICAS"),
        text=(r"busyloadingerror",),
        redis_text=(
            r"is loading the dataset in memory|loading redis is loading",  # Redis and Valkey
            r"is busy running a script|busy redis is busy",
            r"masterdown|link with master is down",
            r"tryagain|noreplicas|not enough good replicas|nomasterlink",
            r"redisloadingexception|redisbusyexception|jedisbusyexception",
        ),
    ),
    Rule(
        Category.READONLY,
        exception_types=("redis.exceptions.ReadOnlyError",),
        resp_prefixes=("READONLY",),
        text=(r"readonlyerror",),
        redis_text=(
            r"you can't write against a read only (?:replica|slave)",
            r"readonly you can't write",
            r"redisreadonlyexception",
        ),
    ),
    Rule(
        Category.OOM,
        exception_types=("redis.exceptions.OutOfMemoryError",),
        resp_prefixes=("OOM",),
        redis_text=(
            r"oom command not allowed",
            r"command not allowed when used memory",
            r"used memory > 'maxmemory'",
            r"redisoutofmemoryexception",
            r"out of memory allocating \d+ bytes",  # redis-server log
        ),
    ),
    Rule(
        Category.MISCONF,
        resp_prefixes=("MISCONF",),
        redis_text=(
            r"misconf\b",
            r"configured to save rdb snapshots",
            # redis-server log: persistence failing (MISCONF follows for writes)
            r"can't save in background",
            r"background saving error",
            r"failed opening (?:the )?(?:temp )?\.?rdb",
            r"write error saving db on disk",
            r"error trying to save the db",
            r"error writing to the (?:temp )?(?:aof|rdb)|error moving the (?:temp )?(?:aof|rdb)",
            r"short write while writing to the aof",
            r"opening the temp file needed for master <-> (?:replica|slave) synchronization",
        ),
    ),
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
        text=(
            r"moved:? \d{1,5} [\w.\-\[\]:]{1,200}:\d+",  # redis-rs prints "Moved: 866 h:p"
            r"ask:? \d{1,5} \d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}:\d+",
            r"clusterdownerror|clustererror\b|cluster ?error\b",
        ),
        redis_text=(
            r"clusterdown|crossslot|hash slot not served",
            r"keys in request don't hash to the same slot",
            r"cluster state changed: fail",
            r"clusterallfailederror|failed to refresh slots cache",
            r"jedisclustermaxattemptsexception|no more cluster attempts left",
            r"no reachable node in cluster|jedisnoreachableclusternodeexception",
            r"too many cluster redirections|none of startup nodes is available",  # ioredis
            r"cannot retrieve initial cluster partitions",  # Lettuce
            r"redisnodenotfoundexception",  # Redisson
            r"couldn't map cluster keyspace",
        ),
    ),
    Rule(
        Category.REFUSED,
        # ENOENT: a unix:// socket path with no file behind it: nothing listens there.
        errnos=_errnos("ECONNREFUSED", "WSAECONNREFUSED", "ENOENT") | {111, 61, 10061},
        exception_types=("ConnectionRefusedError",),
        text_codes=frozenset({111, 61, 10061, 4078}),  # 4078: Node's ECONNREFUSED on Windows
        text=(
            r"econnrefused|connection refused|connectionrefusederror|actively refused",
            # localised OS messages (the code is usually there too)
            r"connexion refus|verbindung(?:saufbau)? (?:abgelehnt|verweigert)",
            r"conexi[oó]n (?:rehusada|rechazada)|connessione rifiutata|conex[aã]o recusada",
            # a unix socket path that does not exist: nothing is listening
            r"error 2 connecting to \S{1,200}\.sock|connect enoent",
            r"\.sock\b[^\n]{0,200}no such file or directory",
        ),
    ),
    Rule(
        Category.TIMEOUT,
        errnos=_errnos("ETIMEDOUT", "WSAETIMEDOUT") | {110, 60, 10060},
        exception_types=("TimeoutError", "redis.exceptions.TimeoutError", "socket.timeout"),
        text_codes=frozenset({110, 60, 10060, 4039}),
        text=(
            r"etimedout|timed out|i/o timeout|deadline exceeded",
            r"timeout (?:connecting|reading|writing|performing|awaiting|waiting|while)\b",
            r"timeout (?:receiving|sending)\b",  # redis-server: "Timeout receiving bulk data"
            # ...but not a setting: "connectTimeout=5000", "read timeout: 10s"
            r"timeout(?:error|exception)\b|connecttimeout\b(?!\s*[=:]\s*\w)",
            r"commandtimeout(?!\s*[=:]\s*\w)",
            r"connection timeout\b(?!\s*[=:]\s*\w)|connect timeout\b(?!\s*[=:]\s*\w)",
            r"read timeout\b(?!\s*[=:]\s*\w)|write timeout\b(?!\s*[=:]\s*\w)",
            r"socket timeout\b(?!\s*[=:]\s*\w)|pool timeout\b(?!\s*[=:]\s*\w)",
            r"response timeout\b(?!\s*[=:]\s*\w)|command timeout\b(?!\s*[=:]\s*\w)",
            r"did not properly respond after a period of time",  # Windows 10060
            r"unable to acquire connection",  # Redisson
            # EAGAIN from a socket read with a timeout set (redis-rs, Linux 11 / macOS 35)
            r"resource temporarily unavailable \(os error (?:11|35)\)",
        ),
        redis_text=(  # redis-server replication
            r"master timeout\b|timeout connecting to the master",
            r"for sync: operation now in progress",
        ),
    ),
    Rule(
        Category.RESET,
        errnos=_errnos("ECONNRESET", "EPIPE", "ECONNABORTED", "WSAECONNRESET")
        | {104, 54, 10054, 32, 103, 53, 10053},
        exception_types=("ConnectionResetError", "BrokenPipeError", "ConnectionAbortedError"),
        redis_text=(
            r"socketclosedunexpectedlyerror",  # node-redis 4
            r"socket closed on remote end",  # redis-py 2.x's own constant
        ),
        text_codes=frozenset({104, 54, 10054, 32, 103, 10053, 4077, 4047}),
        text=(
            r"econnreset|epipe\b|econnaborted",
            r"connection reset|broken pipe|connection ?aborted|forcibly closed",
            r"connection abort\b|connection was aborted|broken connection",  # Windows, Jedis
            r"connection forcefully ended|nr_closed",  # node_redis 2/3
            r"forced an existing connection to close",
            r"connectionreseterror|brokenpipeerror|connectionclosederror",
            r"reader at end of file",  # aioredis 1.x
            r"connection closed by (?:server|peer|remote)",
            r"server closed the connection|closed the connection unexpectedly",
            r"connection (?:was )?closed (?:unexpectedly|prematurely)",
            r"exception: connection (?:is )?closed\b|error: connection (?:is )?closed\b",
            r"connection is closed\.",  # ioredis
            r"socket closed unexpectedly",
            r"unexpected end of stream|unexpected end of file|eof(?:error|exception)",
            r": eof(?![a-z])|: unexpected eof|unexpected eof(?![a-z])",  # Go io.EOF
            r" eof$",  # Go io.EOF printed last: "redis error is not nil EOF"
            r"closedchannelexception",  # Java NIO / Netty (Lettuce, Redisson)
            r"connection lost\b|connection to redis lost|redis connection gone from",
            r"read error on connection|went away\b|socket error on read socket",
            r"use of closed network connection",  # Go
            r"error while reading line from the server|error while writing bytes to the server",
            r"connection with (?:master|replica|slave)\b[^\n]{0,200}lost\b",  # redis-server log
            r"socketfailure|socketclosed\b",  # StackExchange.Redis failure types
        ),
    ),
    Rule(
        Category.UNREACHABLE,
        errnos=_errnos("EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN", "EADDRNOTAVAIL")
        | {113, 101, 65, 51, 10065, 10051},
        text_codes=frozenset({113, 101, 65, 51, 10065, 10051, 112, 100, 99, 49, 10049}),
        text=(
            r"ehostunreach|enetunreach|ehostdown|enetdown|eaddrnotavail",
            r"no route to host|noroutetohostexception",
            r"network is unreachable|host is unreachable|network is down|host is down",
            r"network unreachable|host unreachable",
            r"cannot assign requested address",
            r"unreachable (?:host|network)",  # Windows 10065 / 10051
        ),
    ),
    Rule(
        Category.MAX_CLIENTS,
        # redis-py maps "ERR max number of clients reached" to ConnectionError; RESP prefix "ERR"
        # is too broad, so the reply's text is matched (server replies are not localised).
        redis_text=(r"max(?:imum)? number of clients reached",),
    ),
    Rule(
        Category.PROTOCOL,
        exception_types=("redis.exceptions.InvalidResponse",),
        text=(r"protocol ?error\b|invalidresponse|protocolfailure",),
        redis_text=(
            r"invalid (?:multi)?bulk length|unbalanced quotes in request",
            r"protocol error, got|expected '\$', got",
            # redis-server replication: the master's reply is not RESP
            r"bad protocol from master|the first byte is not '",
            r"redis: can't parse|redis: invalid reply|unexpected response line",
            r"possible security attack detected",  # redis-server fed HTTP
            # a RESP3 client (Sidekiq 7, Lettuce 6) talking to a server older than Redis 6
            r"unknown command 'hello'|unknown command `hello`",
            r"jedis\w*exception: unknown reply",
        ),
    ),
    Rule(
        Category.OTHER,
        # Redis-related failures with no mechanism in the text (the cause is elsewhere, e.g. in a
        # line this record does not carry). Lowest precedence.
        # EAI_SERVICE -8: the port in the URL is not a number.
        text_codes=frozenset({-8}),
        text=(
            r"connectionerror|connectioninterrupted|cannotconnecterror",
            r"could not connect\b|couldn't connect\b|cannot connect\b|can't connect\b",
            r"unable to connect\b|failed to connect\b|could not reach\b|unable to reach\b",
            r"error (?:-?\d+ |\w+ )?connecting to\b|connection (?:error|failed|failure)\b",
            r"too many connections|pool (?:is )?exhausted|could not get a resource",
            r"currently not connected",  # Lettuce
            r"servname not supported",
            r"redis\w*(?:connection|command)\w*(?:exception|error)\b",
            r"jedis\w*exception\b|lettuce\w*exception\b|redisson\w*exception\b",
            r"redis::(?:base)?(?:connection|cannotconnect|timeout)error",
            r"redisclusterexception",  # phpredis: the message, when it has a mechanism, wins
            # the address itself is malformed (Go net, redis-py URL parsing)
            r"missing port in address|too many colons in address|invalid port\b",
            r"redis url must specify one of the following schemes",
            r"url must (?:have|specify|contain|be)\b",  # "A rediss:// URL must have parameter ..."
            r"socketexception\b",  # .NET / Java without an OS message: the cause is elsewhere
            r"health ?check failed\b",  # Spring Boot's RedisHealthIndicator, k8s probes
            r"connection is deallocated",  # Lettuce: a pooled connection used after release
            r"crashed by signal|guru meditation",  # redis-server's crash report
            r"can't create (?:readable|writable) event",  # redis-server replication
        ),
        redis_text=(
            r"maxretriesperrequesterror|max retries per request limit",
            r"unabletoconnect|unabletoresolvephysicalconnection",
            r"not possible to connect to the redis server",
            r"no connection is (?:active/)?available to service",
            r"redis connection in broken state|ready check failed",
            r"redis: client is closed|redigo: connection pool exhausted|clientclosederror",
            r"redigo: get on closed pool|stream isn't writeable",  # redigo, ioredis
            r"retry limit exceeded while trying to reconnect",
            r"unable to (?:re)?connect to redis|failed to (?:re)?connect to redis",
            r"cannot (?:re)?connect to redis|could not (?:re)?connect to redis",
            r"redis(?: connection| server)? (?:is )?(?:unavailable|down|unreachable)\b",
            r"redis (?:connection|server) (?:failed|error)|redis connection to \S{1,200} failed",
            r"connection to redis failed",  # Credis
            # redis-server cannot start or load its data: it is down for its clients
            r"short read or oom loading db|bad file format reading the append only file",
            r"wrong signature trying to load db|could not create server tcp listening socket",
            r"failed listening on port",
            # Sentinel: the master (or a replica) is down, or no failover could be done
            r"\+sdown (?:master|slave|replica)\b|\+odown master\b|-failover-abort-",
        ),
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
        if code == getattr(socket, "EAI_SERVICE", None):
            return Category.OTHER  # -8: the port/service in the URL is invalid, not a DNS fault
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

#: Lower-case byte substrings for a cheap pre-filter of raw log chunks. Invariant (tested over the
#: whole case table, and enforced by `classify_text` itself): every record `classify_text`
#: classifies contains at least one of these, compared case-insensitively. A chunk without any of
#: them holds no Redis failure, so a log scanner may skip it without decoding it.
REDIS_RELEVANCE_HINTS: tuple[bytes, ...] = (
    b"redis",  # redis-py, ioredis, node-redis, go-redis, predis, phpredis, Redisson, redis-rb, ...
    b"valkey",
    b"loading the dataset",
    b"busy running a script",
    b"loading db",
    b"load db",
    b"append only file",
    b"listening socket",
    b"failed listening on port",
    b"6379",
    b"6380",
    b"jedis",
    b"lettuce",
    b"redigo",
    b"replyerror",
    b"errorreply",
    b"(error) ",
    b"-err ",
    b"noauth",
    b"wrongpass",
    b"noperm",
    b"invalidpassword",
    b"username-password",
    b"without any password configured",
    b"client sent auth",
    b"master",
    b"replica",
    b"slave",
    b"tryagain",
    b"noreplicas",
    b"read only",
    b"readonly",
    b"oom command",
    b"used memory",
    b"maxmemory",
    b"out of memory allocating",
    b"misconf",
    b"rdb",
    b"aof",
    b"save in background",
    b"background saving",
    b"saving db",
    b"save the db",
    b"cluster",
    b"crossslot",
    b"slot",
    b"number of clients",
    b"bulk length",
    b"unbalanced quotes",
    b"protocol error",
    b"expected '$'",
    b"unexpected response line",
    b"security attack",
    b"unknown command 'hello'",
    b"unknown command `hello`",
    b"for sync",
    b"connecting to",
    b"from socket",
    b"to socket",
    b"max retries per request",
    b"maxretriesperrequest",
    b"unabletoconnect",
    b"unabletoresolvephysicalconnection",
    b"no connection is available",
    b"no connection is active",
    b"ready check failed",
    b"clientclosederror",
    b"stream isn't writeable",
    b"socketclosedunexpectedlyerror",
    b"closed on remote end",
    b"err invalid password",
    b"socketfailure",
    b"socketclosed",
    b"accepting a client connection",
    b"connecting ",  # redis-py 2.x: "Error 111 connecting 127.0.0.1:6385."
    # (Each hint costs a log scanner one pass: redis-server's line format and Sentinel's events
    # have none of their own, since their failure lines name the master, a replica or a phrase
    # above.)
)

#: Evidence that a record is about Redis, besides the `redis_text` patterns of `RULES`: client
#: names, Redis URLs, Redis ports, redis-py's message idioms and redis-server's replication lines.
RELEVANCE: tuple[str, ...] = (
    r"redis",  # any client or class named after it, redis:// and rediss:// URLs, hostnames
    r"valkey",  # the Redis fork: valkey-server, valkey-py, valkey-glide
    r"jedis|lettuce|redigo",
    r"replyerror|errorreply|\(error\) |-err ",  # redis-errors (Node), redis-cli, RESP
    r"6379\b(?<!\d6379)|6380\b(?<!\d6380)",  # and 26379 (Sentinel), 16379 (cluster bus)
    r"error -?\d+ connecting (?:to )?\S{1,200}:\d+\.",  # redis-py: "Error 111 connecting to h:p."
    r"error while reading from socket|timeout (?:reading from|writing to) socket",  # redis-py
    r"error -?\d+ while writing to socket",  # redis-py
    r"error condition on socket for sync|master <-> (?:replica|slave)",  # redis-server
    # redis-server prints the master's bare host:port (MySQL quotes 'user@host:port')
    r"connecting to master [^\s']{1,200}:\d+\b|connection with master\b",
    r"unable to connect to master\b",
    r"timeout connecting to the master\b|master aborted replication",
    r"error reply to ping from master|master timeout\b",
    r"reading from master\b|writing to master\b|psync\b",  # redis-server replication
    # StackExchange.Redis failure types: "SocketFailure on GET", "UnableToConnect on h:p/..."
    r"socketfailure on |unabletoconnect on |socketclosed on |protocolfailure on ",
    r"error accepting a client connection",  # redis-server networking.c
)

# redis-server's own log line: "1:M 12 Mar 2024 10:00:00.123 # ..." (Redis 3+, year since 4.0)
# or "[1066] 02 Jan 21:35:25.829 # ..." (Redis 2.x); role M master, S replica, C child, X sentinel.
# A line in this format is about Redis, so its mechanisms (TLS, refused, protocol) count.
_SERVER_LOG_LINE = re.compile(
    r"(?:^|[\s|\]])(?:\d{1,9}:[mscx]|\[\d{1,9}\]) "
    r"\d\d \w{3}(?: \d{4})? \d\d:\d\d:\d\d(?:\.\d{3})? [.\-*#] ",
    re.MULTILINE,
)

# Category precedence for text: server replies first (they name the failure exactly), then the
# network stages in the order a connection goes through them, then protocol and the catch-all.
# MAX_CLIENTS precedes AUTH: clients report the refusal of their AUTH command ("Auth error: ERR
# max number of clients reached"), and the reply, not the command, names the failure.
_TEXT_PRECEDENCE: tuple[Category, ...] = (
    Category.MAX_CLIENTS,
    Category.AUTH,
    Category.MISCONF,
    Category.OOM,
    Category.READONLY,
    Category.LOADING,
    Category.CLUSTER,
    Category.TLS,
    Category.DNS_TEMPORARY,
    Category.DNS_NXDOMAIN,
    Category.UNREACHABLE,
    Category.TIMEOUT,
    Category.REFUSED,
    Category.PROTOCOL,
    Category.RESET,
    Category.OTHER,
)

# redisdoctor's own client (redisdoctor.state) writes the category's name into its log lines.
_OWN_LOG_LINE = re.compile(
    r"redis (?:still )?unavailable at \S{1,200}: (?P<a>[a-z_]+)\b"
    r"|redis failure changed to (?P<b>[a-z_]+)"
)
# A line that reports success never counts, whatever error it quotes.
_SUCCESS_TEXT: tuple[str, ...] = (
    r"reconnected|restored|recovered|ready to accept connections|connection established",
    r"connected to redis|redis client connected|successfully connected",
)
# A Python traceback's source line (after `File "...", line N`) is code, not the failure.
_MAX_RECORD_LINES = 2000
_TRACEBACK_FILE_LINE = re.compile(r'file "[^"]*", line \d+')
# A stack frame of Java/Node ("    at ..."), Ruby ("    from /...") or "... 12 more": it names code,
# not the failure (relevance is still read from the whole record), so it is not classified.
_STACK_FRAME = re.compile(r"\s+at \S|\s*from /|\s*\.\.\. \d+ (?:more|common frames)")


# Error numbers as clients print them: "Error 111 connecting", "[Errno -2]", "[WinError 10061]",
# "(os error 104)", "errno: -111" (Node: libuv's negative errno), "SocketException (10061)",
# "(104, 'Connection reset by peer')" (a Python OSError's args).
_CODE = re.compile(
    r"errno: ?(?P<node>-?\d+)(?![\d.:])"  # Node prints libuv's negated errno: "errno: -111"
    r"|error:? (-?\d+)(?![\d.:])|errno[= ](-?\d+)(?![\d.:])|\[errno (-?\d+)(?![\d.:])"
    r"|\[winerror (\d+)|os error (\d+)|socketexception \((\d+)|socket error:? (-?\d+)"
    r"|error ?code[:=]? ?(-?\d+)(?![\d.:])|wsaerror:? (\d+)|\((-?\d+)(?:, ['\"]|\))"
)


def _codes_in(line: str) -> frozenset[int]:
    """The error numbers printed in `line`; negative ones are getaddrinfo codes, except Node's
    `errno: -111`, which is a negated errno."""
    found = set()
    for match in _CODE.finditer(line):
        node = match.group("node")
        if node is not None:
            found.add(abs(int(node)))
        else:
            found.add(int(next(group for group in match.groups() if group is not None)))
    return frozenset(found)


_REGEX_META = frozenset("\\.^$*+?{}[]()|")


def _top_level_alternatives(pattern: str) -> list[str]:
    """`pattern` split at its top-level `|` (outside groups and character classes)."""
    parts: list[str] = []
    depth = start = index = 0
    in_class = False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
        index += 1
    parts.append(pattern[start:])
    return parts


def leading_literal(alternative: str) -> str:
    """The literal text every match of `alternative` starts with ("" when it starts with a
    class, group or assertion). Used as a cheap `in` gate before running a regex."""
    chars: list[str] = []
    index = 0
    while index < len(alternative):
        char = alternative[index]
        if char == "\\":
            escaped = alternative[index + 1 : index + 2]
            if not escaped or escaped.isalnum():
                break
            chars.append(escaped)
            index += 2
        elif char in _REGEX_META:
            break
        else:
            chars.append(char)
            index += 1
    if index < len(alternative) and alternative[index] in "?*{" and chars:
        chars.pop()  # a quantifier makes the last character optional
    return "".join(chars)


class _Matcher:
    """Patterns joined into one flat alternation (so `re` can skip ahead by first character),
    run only when the line contains one of the alternatives' leading literals (a C-speed `in`
    test that rejects most lines before any regex runs)."""

    __slots__ = ("gates", "regex")

    def __init__(self, patterns: tuple[str, ...]) -> None:
        alternatives = [alt for pattern in patterns for alt in _top_level_alternatives(pattern)]
        gates = [leading_literal(alt) for alt in alternatives]
        # An alternative without a leading literal could match anywhere: no gate then.
        # A gate that contains another gate adds nothing: keep the shortest ones.
        unique = sorted(set(gates), key=len)
        kept = [gate for i, gate in enumerate(unique) if not any(g in gate for g in unique[:i])]
        self.gates: tuple[str, ...] | None = tuple(kept) if all(gates) else None
        self.regex = re.compile("|".join(patterns), re.MULTILINE)

    def search(self, line: str) -> bool:
        if self.gates is not None and not any(map(line.__contains__, self.gates)):
            return False
        return self.regex.search(line) is not None


@dataclass(frozen=True, slots=True)
class _CategoryText:
    category: Category
    redis: _Matcher | None  # the Redis-specific patterns: they prove relevance too
    every: _Matcher | None  # all patterns, for a record already known to be about Redis
    codes: frozenset[int]


def _matcher(patterns: tuple[str, ...]) -> _Matcher | None:
    return _Matcher(patterns) if patterns else None


# Redirections are handled by cluster clients; quoted alone they are not evidence of a failure.
_NOT_QUOTED_REPLIES = frozenset({"MOVED", "ASK"})


def _quoted_replies(prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """Patterns of a Redis error reply quoted in a log line, RESP dash included ("Error reply to
    PING from master: '-LOADING ..."): Redis-specific evidence of the reply's category."""
    return tuple(
        f"'-{word}\\b|\"-{word}\\b|: -{word}\\b"
        for word in (prefix.lower() for prefix in prefixes if prefix not in _NOT_QUOTED_REPLIES)
    )


def _compile_text_rules() -> tuple[_CategoryText, ...]:
    compiled = []
    for category in _TEXT_PRECEDENCE:
        rule = _RULES_BY_CATEGORY.get(category)
        if rule is None or not (rule.text or rule.redis_text or rule.text_codes):
            continue
        redis_text = rule.redis_text + _quoted_replies(rule.resp_prefixes)
        compiled.append(
            _CategoryText(
                category,
                _matcher(redis_text),
                _matcher(redis_text + rule.text),
                rule.text_codes,
            )
        )
    return tuple(compiled)


@dataclass(frozen=True, slots=True)
class _TextTables:
    rules: tuple[_CategoryText, ...]
    relevance: _Matcher
    success: _Matcher


@functools.cache
def _tables() -> _TextTables:
    """The text rules, compiled on first use: compiling them costs ~50 ms, which every CLI
    start (even `--help`, which imports Category) would otherwise pay."""
    return _TextTables(_compile_text_rules(), _Matcher(RELEVANCE), _Matcher(_SUCCESS_TEXT))


_HINTS = tuple(hint.decode() for hint in REDIS_RELEVANCE_HINTS)
_CATEGORY_BY_VALUE = {category.value: category for category in Category}


def _line_category(line: str, relevant: bool) -> Category | None:
    """The category of one lower-cased line, in precedence order. Mechanisms (generic patterns,
    error numbers) count only when the record is `relevant`."""
    text_rules = _tables().rules
    if not relevant:
        for rules in text_rules:
            if rules.redis is not None and rules.redis.search(line):
                return rules.category
        return None
    codes: frozenset[int] | None = None
    for rules in text_rules:
        if rules.every is not None and rules.every.search(line):
            return rules.category
        if rules.codes:
            if codes is None:
                codes = _codes_in(line)
            if codes & rules.codes:
                return rules.category
    return None


def _is_about_redis(text: str) -> bool:
    """Relevance evidence anywhere in the record: `RELEVANCE`, or any Redis-specific pattern
    (in a multi-line record the Redis-specific line need not be the one classified)."""
    tables = _tables()
    if tables.relevance.search(text) or _SERVER_LOG_LINE.search(text):
        return True
    return any(rules.redis is not None and rules.redis.search(text) for rules in tables.rules)


def _is_traceback_source(previous: str, line: str) -> bool:
    """True when `line` is the source line Python prints under a `File "...", line N` frame
    (indented deeper than the frame, even behind a `container  | ` prefix); the exception line
    after a frame without source (`<stdin>`) is not indented and is kept."""
    frame = _TRACEBACK_FILE_LINE.search(previous)
    if frame is None:
        return False
    column = frame.start()
    return len(line) > column and line[column] == " "


def classify_text(record: str, *, assume_redis: bool = False) -> Category | None:
    """Classify one log record's text; None when it is not evidence of a Redis failure.

    A record may span lines (a traceback): its lines are read from the last one up, since the
    root cause is usually printed last, and the first specific category found wins over the
    catch-all `other`. A mechanism (an error number, "connection refused", ENOTFOUND, ...)
    counts only when the record shows it is about Redis (`RELEVANCE`, or a Redis-specific
    pattern); success lines never count. Every record classified contains one of
    `REDIS_RELEVANCE_HINTS` (case-insensitively).

    With `assume_redis`, the record is taken to be about Redis whatever it says (for a line a
    user pastes into `redisdoctor explain`): only the mechanism is classified, and the hint
    invariant does not hold.
    """
    text = record.lower()
    if not assume_redis and "redis" not in text and not any(map(text.__contains__, _HINTS)):
        return None
    own = _OWN_LOG_LINE.search(text)
    if own is not None:
        named = _CATEGORY_BY_VALUE.get(own.group("a") or own.group("b") or "")
        if named is not None:
            return named
    relevant = assume_redis or "redis" in text or _is_about_redis(text)
    if "\n" not in text:
        category = _line_category(text, relevant)
        return None if category is not None and _tables().success.search(text) else category
    fallback: Category | None = None
    success = _tables().success
    lines = text.splitlines()
    # The cause is near the end; a runaway record (a dumped file) must not cost seconds.
    for index in range(len(lines) - 1, max(-1, len(lines) - 1 - _MAX_RECORD_LINES), -1):
        line = lines[index]
        if not line.strip() or _STACK_FRAME.match(line):
            continue
        if index > 0 and _is_traceback_source(lines[index - 1], line):
            continue
        if success.search(line):
            continue
        category = _line_category(line, relevant)
        if category is Category.OTHER:
            fallback = category
        elif category is not None:
            return category
    return fallback


def rule_for(category: Category) -> Rule | None:
    """The table row of `category`, if it has one."""
    return _RULES_BY_CATEGORY.get(category)
