"""Message templates: the same failure, with hosts, numbers and ids masked, groups as one.

``Error -2 connecting to flowing-snail-56122.upstash.io:6379. Name or service not known.`` becomes
``Error <n> connecting to <host>:<port>. Name or service not known.``, so a log that says it 11,000
times shows one template with a count. `target_of` pulls the Redis endpoint (host:port) out of
a record, credentials never included.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from redisdoctor.redact import redact_text

_MASKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE), "<url>"),
    (
        re.compile(
            r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.IGNORECASE
        ),
        "<id>",
    ),
    (re.compile(r"\[[0-9a-f:]*:[0-9a-f:.]*\](?::\d+)?", re.IGNORECASE), "<ip>"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}(?=:\d)"), "<ip>"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b"), "<ip>"),
    # A name followed by a port is a host whatever it looks like ("redis", "localhost").
    (re.compile(r"(?<![\w.<-])[A-Za-z0-9][\w.-]*(?=:\d{2,5}\b)"), "<host>"),
    # Dotted lower-case names are hosts ("redis.internal"); code paths have capitals or "_".
    (re.compile(r"(?<![\w.<-])(?:[a-z0-9-]+\.)+[a-z][a-z0-9-]*(?![\w.(-])"), "<host>"),
    (re.compile(r"(?<=[>\w]):\d{2,5}\b"), ":<port>"),
    (re.compile(r"\b(?:0x)?[0-9a-f]*\d[0-9a-f]*[a-f][0-9a-f]*\b", re.IGNORECASE), "<id>"),
    (re.compile(r"\b[0-9a-f]*[a-f][0-9a-f]*\d[0-9a-f]*\b(?<=\w{8})", re.IGNORECASE), "<id>"),
    (re.compile(r"(?<![\w<])[-+]?\d+(?:\.\d+)?"), "<n>"),
    (re.compile(r"[ \t]+"), " "),
)

MAX_TEMPLATE = 240

# What varies between repeats of one failure without changing what it is: ids, uuids, and numbers
# that are not an error code ("Error 111", "errno -2", "code 10061") or a port (":6379").
_KEY_MASKS: tuple[tuple[re.Pattern[str], str], ...] = (
    (_MASKS[1][0], "<id>"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}\b"), "<ip>"),
    (re.compile(r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b", re.IGNORECASE), "<id>"),
    (
        re.compile(
            r"(?<![\w:<.-])(?<!error )(?<!errno )(?<!code )(?<!error: )(?<!\[errno )"
            r"(?<!error -)(?<!errno -)(?<!errno=)(?<!code=)[-+]?\d+(?:\.\d+)?",
            re.IGNORECASE,
        ),
        "<n>",
    ),
)


def classification_key(text: str) -> str:
    """`text` with only what cannot change its classification masked (ids, counters, durations;
    hosts, ports and error codes kept): records with the same key get the same category."""
    for pattern, replacement in _KEY_MASKS:
        text = pattern.sub(replacement, text)
    return text


def template_of(message: str) -> str:
    """`message`'s template: URLs, ids, IPs, hostnames, ports and numbers masked, one line."""
    text = message.strip()
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    if len(text) > MAX_TEMPLATE:
        text = text[: MAX_TEMPLATE - 1] + "…"
    return text


_URL = re.compile(r"\b(?:rediss?|unix|redis\+sentinel)://[^\s\"'<>,;)]+", re.IGNORECASE)
_TARGET_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?P<host>[\w.-]+)/<unresolved>:(?P<port>\d{2,5})\b"),
    re.compile(r"->(?P<host>\[[0-9a-fA-F:.]+\]|[\w.-]+):(?P<port>\d{2,5})\b"),
    re.compile(r"UnknownHostException: (?P<host>[\w.-]+)"),
    re.compile(
        r"(?:connecting to|connect to|connection to|dial tcp|tcp://|@)\s*"
        r"(?P<host>\[[0-9a-fA-F:.]+\]|[\w.-]*[a-zA-Z.][\w.-]*|\d{1,3}(?:\.\d{1,3}){3})"
        r":(?P<port>\d{2,5})\b",
        re.IGNORECASE,
    ),
    re.compile(r"\blookup (?P<host>[\w.-]+)(?: on |: |$)"),
    re.compile(r"\b(?:ENOTFOUND|EAI_AGAIN)\s+(?P<host>[\w.-]+)"),
    re.compile(
        r"(?<![\w.:/-])(?P<host>\[[0-9a-fA-F:.]+\]|(?:[\w-]+\.)*[A-Za-z][\w-]*(?:\.[\w-]+)*"
        r"|\d{1,3}(?:\.\d{1,3}){3}):(?P<port>\d{2,5})\b(?!:)"
    ),
)
_NOT_TARGET_PORTS = {"53"}
_SOURCE_FILE = re.compile(r"\.(?:java|kt|scala|py|rb|go|js|mjs|cjs|ts|php|cs|rs|c|cc|cpp|h)$")


def target_of(text: str) -> str | None:
    """The Redis endpoint a record names ("host:port", or "host"), without credentials."""
    url = _URL.search(text)
    if url is not None:
        try:
            parts = urlsplit(url.group(0))
            host = parts.hostname
            port = parts.port
        except ValueError:
            host, port = None, None
        if host:
            shown = f"[{host}]" if ":" in host else host
            return f"{shown}:{port or 6379}"
    for pattern in _TARGET_PATTERNS:
        for match in pattern.finditer(text):
            host = match.group("host")
            port_text: str | None = match.groupdict().get("port")
            if port_text in _NOT_TARGET_PORTS:
                continue
            if host.lower() in {"error", "warning", "info", "line", "at", "file"}:
                continue
            if _SOURCE_FILE.search(host):
                continue  # a stack frame ("Foo.java:59"), not an endpoint
            return redact_text(f"{host}:{port_text}" if port_text else host)
    return None
