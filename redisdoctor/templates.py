"""Message templates: the same failure, with hosts, numbers and ids masked, groups as one.

``Error -2 connecting to flowing-snail-56122.upstash.io:6379. Name or service not known.`` becomes
``Error <n> connecting to <host>:<port>. Name or service not known.``, so a log that says it 11,000
times shows one template with a count. `target_of` pulls the Redis endpoint (host:port) out of
a record, credentials never included.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
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
    # A name followed by a port is a host whatever it looks like ("redis", "localhost"); it
    # never runs across "->" (Go's "read tcp <local ip>:<port>-><remote ip>:<port>").
    (re.compile(r"(?<![\w.<-])[A-Za-z0-9](?:[\w.<>]|-(?!>))*(?=:\d{2,5}\b)"), "<host>"),
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


# The volatile key: what varies between repeats of one failure in a real log (request ids, trace
# ids, uuids, counters) blanked, so that a failure repeated with a new id is looked up, not read
# again. A token is a whole run of hex digits with a digit in it (6 or more characters) or a
# uuid, in the record's first line (where messages name their ids). It is
# blanked only where it cannot change the verdict:
# - it touches no host character ([A-Za-z0-9_.-], a non-ASCII byte, NUL; a "." only before a
#   space or the end) and is followed by neither "/" nor ":<digit>", so no host:port that
#   `line_target` reads contains it; the line has none of the phrasings whose host may be any
#   word ("lookup <host>", ENOTFOUND, EAI_AGAIN, UnknownHostException); after ":", "/", "@" or
#   "[" it stays when the line has a URL or an [IPv6]:port;
# - no error-code anchor (err, code, "(") is within 18 characters before it
#   (`classification_key` reads the digits after them), and it holds no port the taxonomy reads
#   (6379, 6380, ":53");
# - the blank (\x01, never in a line that is blanked) keeps its length: the classification key
#   collapses hex digits but keeps lengths.
# So records with one volatile key have equal classification keys line by line (one meaning) and
# one target; the source is read per record.
_TOKEN = re.compile(
    rb"[0-9a-fA-F](?<![\w.\x00\x80-\xff-].)"
    rb"(?:[0-9a-fA-F]{7}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}|[0-9a-fA-F]{5,})"
    rb"(?![\w\x00\x80-\xff/-]|\.\S|:[\d\x80-\xff])"
)
_HEX_LETTERS = b"abcdefABCDEF-"
_BLANKS = tuple(b"\x01" * size for size in range(80))
_URL_SIDES = (b":", b"/", b"@", b"[")


# A first line with its hex digits collapsed (`_COLLAPSE`) -> the spans of the tokens `_TOKEN`
# finds there whose surroundings allow a blank. The token pattern reads hex digits alike but in
# one place (":" and a digit right after a token), which is checked again per line: every line
# with those collapsed bytes has those tokens. Whether their surroundings allow a blank, and what
# the line holds besides, is proven for a new line when the key built from them is one already
# known (`safe`): equal keys differ only inside the blanks.
_BLANKABLE: dict[bytes, tuple[tuple[int, int], ...]] = {}
_BLANKABLE_MAX = 20_000
_PORT_DIGITS = frozenset(b"0123456789") | frozenset(range(0x80, 0x100))


def volatile_key(body: bytes, safe: Container[bytes] = ()) -> bytes | None:
    """`body` with the volatile tokens of its first line (ids, uuids, counters) blanked where
    they cannot change the verdict: records with equal keys have equal `classification_key`s
    line by line and name the same host:port (see `_TOKEN`). None when nothing was blanked.

    `safe` holds keys this function returned before. A line whose key is one of them is read
    without the token regex (its tokens are looked up by the line's collapsed hex digits), and
    needs no search for the phrasings that forbid blanks ("lookup <host>", ...): those are words
    no token can touch, so every line with that key has them or none has."""
    end = body.find(b"\n")
    line = body if end < 0 else body[:end]
    if b"\x01" in line:
        return None  # a blank could collide with the line's own text
    collapsed = line.translate(_COLLAPSE)
    spans = _BLANKABLE.get(collapsed) if safe else None
    if spans is not None:
        key = _blanked(body, line, spans)
        if key is not None and key in safe:
            return key
    spans = _blankable_spans(line)
    if len(_BLANKABLE) > _BLANKABLE_MAX:
        _BLANKABLE.clear()
    _BLANKABLE[collapsed] = spans
    key = _blanked(body, line, spans)
    if key is None or key in safe:
        return key
    if (
        b"lookup " in line
        or b"ENOTFOUND" in line
        or b"EAI_AGAIN" in line
        or b"UnknownHostException" in line
    ):
        return None  # a host may be any word there
    return key


def _blankable_spans(line: bytes) -> tuple[tuple[int, int], ...]:
    """The tokens of `line` whose surroundings allow a blank, as (start, end)."""
    spans: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(line):
        start, end = match.span()
        window = line[max(0, start - 18) : start].lower()
        if b"err" in window or b"code" in window or b"(" in window:
            continue  # an error code's digits may be read from it
        if line[start - 1 : start] in _URL_SIDES and (b"://" in line or b"]:" in line):
            continue
        spans.append((start, end))
    return tuple(spans)


def _blanked(body: bytes, line: bytes, spans: tuple[tuple[int, int], ...]) -> bytes | None:
    """`body` with the tokens at `spans` of its first line blanked where what they hold allows
    it; None when none is, or when a span is no token of this line (":" and a digit follow)."""
    pieces: list[bytes] = []
    done = 0
    for start, end in spans:
        if (
            line[end : end + 1] == b":"
            and line[end + 1 : end + 2]
            and line[end + 1] in _PORT_DIGITS
        ):
            return None  # a host:port here, not a token
        token = line[start:end]
        size = end - start
        if not token.translate(None, _HEX_LETTERS) or b"6379" in token or b"6380" in token:
            continue  # no digit, or a port the classification reads
        if token[:2] == b"53" and line[start - 1 : start] == b":":
            continue
        pieces.append(line[done:start])
        pieces.append(_BLANKS[size] if size < 80 else b"\x01" * size)
        done = end
    if not pieces:
        return None
    pieces.append(body[done:])
    return b"".join(pieces)


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
    ("lookup ", re.compile(r"\blookup (?P<host>[\w.-]+)(?: on |: )")),
    ("ENOTFOUND", re.compile(r"\bENOTFOUND\s+(?P<host>[\w.-]+)")),
    ("EAI_AGAIN", re.compile(r"\bEAI_AGAIN\s+(?P<host>[\w.-]+)")),
)
# Go's "lookup <host>" also at the very end of a record (not of any other line).
_LOOKUP_AT_END = re.compile(r"\blookup (?P<host>[\w.-]+)$")
_LOOKUP_INDEX = [needle for needle, _ in _SPECIFIC].index("lookup ")
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


# What one line says about the target, for `combine_targets`: (the host:port of the line's first
# URL, "" when that URL has none, None without a URL; per `_SPECIFIC` phrasing, its first usable
# endpoint; the first usable host:port; the host of a "lookup <host>" ending the line, which
# counts only on a record's last line). None when the line says nothing.
LineTarget = tuple[str | None, tuple[str | None, ...], str | None, str | None]


def line_target(line: str) -> LineTarget | None:
    """What one line (no newline in it) says about the Redis endpoint; None if nothing."""
    url_target: str | None = None
    if "://" in line:
        url = _URL.search(line)
        if url is not None:
            try:
                parts = urlsplit(url.group(0))
                host = parts.hostname
                port = parts.port
            except ValueError:
                host, port = None, None
            url_target = ""
            if host:
                shown = f"[{host}]" if ":" in host else host
                url_target = f"{shown}:{port or 6379}"
    specific: list[str | None] = []
    found = False
    for needle, pattern in _SPECIFIC:
        hit: str | None = None
        if needle in line:
            for match in pattern.finditer(line):
                host = match.group("host")
                port_text: str | None = match.groupdict().get("port")
                if _usable(host, port_text):
                    hit = f"{host}:{port_text}" if port_text else host
                    found = True
                    break
        specific.append(hit)
    port_target = _port_target(line)
    at_end: str | None = None
    if "lookup " in line:
        last = _LOOKUP_AT_END.search(line)
        if last is not None and _usable(last.group("host"), None):
            at_end = last.group("host")
    if url_target is None and not found and port_target is None and at_end is None:
        return None
    return url_target, tuple(specific), port_target, at_end


def _port_target(line: str) -> str | None:
    for match in _PORT.finditer(line):
        end = match.start()
        if end > 0 and line[end - 1] == "]":
            start = line.rfind("[", 0, end)
            host = line[start:end] if start >= 0 else ""
            if not _IPV6_LITERAL.fullmatch(host):
                host = ""
        else:
            start = end
            while start > 0 and line[start - 1] in _HOST_CHARS:
                start -= 1
            host = line[start:end].strip(".-")
        if host and (start == 0 or line[start - 1] not in ":/") and _usable(host, match.group(1)):
            return f"{host}:{match.group(1)}"
    return None


def combine_targets(lines: Sequence[LineTarget | None]) -> str | None:
    """The record's endpoint from its lines' `line_target`s (in order; the last one is the
    record's last line): the first URL (its host, or on to the next rule if it has none), then
    each specific phrasing, then any host:port, each the first in the record."""
    said = [line for line in lines if line is not None]
    for url_target, _, _, _ in said:
        if url_target is not None:
            if url_target:
                return url_target
            break
    for index in range(len(_SPECIFIC)):
        for _, specific, _, _ in said:
            if specific[index] is not None:
                return specific[index]
        if index == _LOOKUP_INDEX and lines and lines[-1] is not None and lines[-1][3]:
            return lines[-1][3]
    for _, _, port_target, _ in said:
        if port_target is not None:
            return port_target
    return None


def record_lines(text: str) -> list[str]:
    """The lines of a record where endpoints are named: without indented lines (stack frames,
    code) unless the record is one line, and without the newline ending the last."""
    lines = text.split("\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()
    if len(lines) == 1:
        return lines
    return [line for line in lines if line[:1] not in (" ", "\t")]


def target_of(text: str) -> str | None:
    """The Redis endpoint a record names ("host:port", or "host"), without credentials: a URL
    gives only its hostname and port, and the other forms are built from host characters
    ([A-Za-z0-9_.-], or an [IPv6] literal), which cannot carry a password. Read line by line
    (what a line says is cached by the scanner); see `combine_targets` for the preference."""
    return combine_targets([line_target(line) for line in record_lines(text)])
