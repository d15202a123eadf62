"""Message templates: the same failure, with hosts, numbers and ids masked, groups as one.

``Error -2 connecting to flowing-snail-56122.upstash.io:6379. Name or service not known.`` becomes
``Error <n> connecting to <host>:<port>. Name or service not known.``, so a log that says it 11,000
times shows one template with a count. `target_of` pulls the Redis endpoint (host:port) out of
a record, credentials never included.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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
    (re.compile(r"(?<![\w.<-])[A-Za-z0-9][\w.<>-]*(?=:\d{2,5}\b)"), "<host>"),
    # Dotted lower-case names are hosts ("redis.internal"); code paths have capitals or "_".
    (re.compile(r"(?<![\w.<-])(?:[a-z0-9<>-]+\.)+[a-z][a-z0-9-]*(?![\w.(-])"), "<host>"),
    (re.compile(r"(?<=[>\w]):\d{2,5}\b"), ":<port>"),
    (re.compile(r"\b(?:0x)?[0-9a-f]*\d[0-9a-f]*[a-f][0-9a-f]*\b", re.IGNORECASE), "<id>"),
    (re.compile(r"\b[0-9a-f]*[a-f][0-9a-f]*\d[0-9a-f]*\b(?<=\w{8})", re.IGNORECASE), "<id>"),
    (re.compile(r"(?<![\w<])[-+]?\d+(?:\.\d+)?"), "<n>"),
    (re.compile(r"[ \t]+"), " "),
)

MAX_TEMPLATE = 240

# The classification key: what varies between repeats of one failure (ids, counters, durations,
# addresses) collapsed, what the taxonomy reads kept. Digits and hex letters all become "0" (one
# C-level `translate`), then the numbers that can be error codes (those right after "err",
# "code" or "(") and the Redis and DNS ports are appended, since those change the category.
_COLLAPSE = bytes.maketrans(b"0123456789abcdefABCDEF", b"0" * 22)
_CODE_ANCHORS = (b"err", b"code", b"(")
_CODE_TAIL = re.compile(rb"[a-z ?:=\[(]{0,14}?(-?\d+)")
_KEPT_PORTS = (b"6379", b"6380", b":53")
_DIGIT = re.compile(rb"\d")
_NUMBER_STARTS = frozenset(bytes([c]) for c in b"-0123456789")


def classification_key(body: bytes) -> bytes:
    """A key under which records share one classification: `body` with digits and hex letters
    collapsed, plus the error codes and ports the taxonomy reads. Cheap: it is computed for
    every distinct record."""
    low = body.lower()
    codes: list[bytes] = []
    for anchor in _CODE_ANCHORS:
        index = low.find(anchor)
        while index >= 0:
            after = index + len(anchor)
            # "(" counts only right before a number ("(111, 'Connection refused')").
            if (anchor != b"(" or low[after : after + 1] in _NUMBER_STARTS) and _DIGIT.search(
                low, after, after + 17
            ):
                match = _CODE_TAIL.match(low, after)
                if match is not None:
                    codes.append(match.group(1))
            index = low.find(anchor, after)
    for port in _KEPT_PORTS:
        if port in body:
            codes.append(port)
    return body.translate(_COLLAPSE) + b"\x00" + b",".join(codes)


def template_of(message: str) -> str:
    """`message`'s template: URLs, ids, IPs, hostnames, ports and numbers masked, one line."""
    text = message.strip()
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    if len(text) > MAX_TEMPLATE:
        text = text[: MAX_TEMPLATE - 1] + "…"
    return text


_URL = re.compile(r"(?:rediss?|unix|redis\+sentinel)://[^\s\"'<>,;)]+", re.IGNORECASE)
# Specific phrasings first (each guarded by a cheap substring test), then any host:port.
_SPECIFIC: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("<unresolved>", re.compile(r"\b(?P<host>[\w.-]+)/<unresolved>:(?P<port>\d{2,5})\b")),
    ("->", re.compile(r"->(?P<host>\[[0-9a-fA-F:.]+\]|[\w.-]+):(?P<port>\d{2,5})\b")),
    ("UnknownHostException", re.compile(r"UnknownHostException: (?P<host>[\w.-]+)")),
    ("lookup ", re.compile(r"\blookup (?P<host>[\w.-]+)(?: on |: |$)")),
    ("ENOTFOUND", re.compile(r"\bENOTFOUND\s+(?P<host>[\w.-]+)")),
    ("EAI_AGAIN", re.compile(r"\bEAI_AGAIN\s+(?P<host>[\w.-]+)")),
)
_PORT = re.compile(r":(\d{2,5})\b")
_HOST_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
_NOT_HOSTS = frozenset({"error", "warning", "info", "line", "at", "file", "port", "user", "key"})
_NOT_TARGET_PORTS = {"53"}
_SOURCE_FILE = re.compile(r"\.(?:java|kt|scala|py|rb|go|js|mjs|cjs|ts|php|cs|rs|c|cc|cpp|h)$")
_IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_LETTER = re.compile(r"[A-Za-z]")
_IPV6_LITERAL = re.compile(r"\[[0-9a-fA-F:.]+\]")


def _usable(host: str, port: str | None) -> bool:
    if port in _NOT_TARGET_PORTS or host.lower() in _NOT_HOSTS:
        return False
    if _SOURCE_FILE.search(host):
        return False  # a stack frame ("Foo.java:59"), not an endpoint
    # A host has a letter or is an IP address (a bare "15" before ":54" is a time of day).
    return _LETTER.search(host) is not None or _IPV4.fullmatch(host) is not None or host[:1] == "["


def target_of(text: str) -> str | None:
    """The Redis endpoint a record names ("host:port", or "host"), without credentials: a URL
    gives only its hostname and port, and the other forms are built from host characters
    ([A-Za-z0-9_.-], or an [IPv6] literal), which cannot carry a password."""
    if "://" in text:
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
    for needle, pattern in _SPECIFIC:
        if needle in text:
            for match in pattern.finditer(text):
                host = match.group("host")
                port_text: str | None = match.groupdict().get("port")
                if _usable(host, port_text):
                    return f"{host}:{port_text}" if port_text else host
    for match in _PORT.finditer(text):
        end = match.start()
        if end > 0 and text[end - 1] == "]":
            start = text.rfind("[", 0, end)
            host = text[start:end] if start >= 0 else ""
            if not _IPV6_LITERAL.fullmatch(host):
                host = ""
        else:
            start = end
            while start > 0 and text[start - 1] in _HOST_CHARS:
                start -= 1
            host = text[start:end].strip(".-")
        if host and (start == 0 or text[start - 1] not in ":/") and _usable(host, match.group(1)):
            return f"{host}:{match.group(1)}"
    return None
