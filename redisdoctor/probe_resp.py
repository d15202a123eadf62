"""A tiny RESP2/RESP3 encoder and reader over a plain or TLS socket, for the probe.

The probe talks to the server itself instead of through redis-py so that each stage (connect, TLS,
HELLO, PING, INFO) has its own clean boundary and honest timing, with no retries, pools or
reconnects in between. Error replies become `RespError` (classified by their first word); a peer
that closes the connection raises `PeerClosedError` (a reset); bytes that are not RESP raise
`RespProtocolError`.
"""

from __future__ import annotations

import contextlib
import socket
from typing import Any

MAX_LINE = 64 * 1024
MAX_BULK = 64 * 1024 * 1024


class RespError(Exception):
    """The server answered with an error reply (``-ERR ...``, ``-NOAUTH ...``)."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class RespProtocolError(Exception):
    """The peer sent something that is not RESP (an HTTP reply, a TLS record, garbage)."""

    def __init__(self, message: str, first_bytes: bytes = b"") -> None:
        super().__init__(message)
        self.first_bytes = first_bytes


class PeerClosedError(ConnectionResetError):
    """The peer closed the connection (EOF) before a complete reply arrived."""


def encode_command(*args: str | bytes | int) -> bytes:
    """A command as a RESP array of bulk strings."""
    out = [b"*%d\r\n" % len(args)]
    for arg in args:
        data = arg if isinstance(arg, bytes) else str(arg).encode()
        out.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(out)


class RespConnection:
    """Commands and replies over a connected socket; `timeout` bounds each read and write."""

    def __init__(self, sock: socket.socket, timeout: float) -> None:
        self.sock = sock
        self.sock.settimeout(timeout)
        self._buffer = bytearray()
        self.received_any = False

    def settimeout(self, timeout: float) -> None:
        self.sock.settimeout(timeout)

    def command(self, *args: str | bytes | int) -> Any:
        """Send one command and read its reply; an error reply raises `RespError`."""
        self.sock.sendall(encode_command(*args))
        return self.read_reply()

    def _fill(self) -> None:
        chunk = self.sock.recv(65536)
        if not chunk:
            raise PeerClosedError("the server closed the connection")
        self.received_any = True
        self._buffer.extend(chunk)

    def _line(self) -> bytes:
        while True:
            end = self._buffer.find(b"\r\n")
            if end >= 0:
                line = bytes(self._buffer[:end])
                del self._buffer[: end + 2]
                return line
            if len(self._buffer) > MAX_LINE:
                raise RespProtocolError("a reply line is too long", bytes(self._buffer[:64]))
            self._fill()

    def _exact(self, size: int) -> bytes:
        while len(self._buffer) < size + 2:
            self._fill()
        data = bytes(self._buffer[:size])
        if self._buffer[size : size + 2] != b"\r\n":
            raise RespProtocolError("a bulk reply is not terminated by CRLF", data[:64])
        del self._buffer[: size + 2]
        return data

    def read_reply(self) -> Any:
        """One reply: str for simple/bulk/verbatim strings, int, list, dict, set, None, etc."""
        while not self._buffer:
            self._fill()
        first = bytes(self._buffer[:64])
        line = self._line()
        if not line:
            raise RespProtocolError("an empty reply line", first)
        kind, rest = line[:1], line[1:]
        try:
            return self._parse(kind, rest, first)
        except (ValueError, UnicodeDecodeError):
            raise RespProtocolError("the reply is not RESP", first) from None

    def _length(self, rest: bytes, limit: int) -> int:
        size = int(rest)
        if size > limit:
            raise RespProtocolError(f"a reply length {size} is implausible", rest[:64])
        return size

    def _parse(self, kind: bytes, rest: bytes, first: bytes) -> Any:
        if kind == b"+":
            return rest.decode()
        if kind == b"-" or kind == b"!":
            message = rest.decode(errors="replace")
            if kind == b"!":
                message = self._exact(self._length(rest, MAX_LINE)).decode(errors="replace")
            raise RespError(message)
        if kind == b":":
            return int(rest)
        if kind in (b"$", b"="):
            size = self._length(rest, MAX_BULK)
            if size < 0:
                return None
            text = self._exact(size).decode(errors="replace")
            # A RESP3 verbatim string starts with a three-letter format and a colon ("txt:").
            return text[4:] if kind == b"=" and text[3:4] == ":" else text
        if kind in (b"*", b"~", b">"):
            count = self._length(rest, 1_000_000)
            if count < 0:
                return None
            return [self.read_reply() for _ in range(count)]
        if kind == b"%":
            count = self._length(rest, 1_000_000)
            result: dict[Any, Any] = {}
            for _ in range(count):
                key = self.read_reply()
                result[str(key)] = self.read_reply()
            return result
        if kind == b"|":  # attributes precede the real reply: skip them
            for _ in range(2 * self._length(rest, 1_000_000)):
                self.read_reply()
            return self.read_reply()
        if kind == b"_":
            return None
        if kind == b",":
            return float(rest.decode().replace("inf", "Infinity"))
        if kind == b"#":
            return rest == b"t"
        if kind == b"(":
            return int(rest)
        raise RespProtocolError("the reply is not RESP", first)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.sock.close()


def describe_bytes(data: bytes) -> str:
    """A short, printable description of what a non-RESP peer sent (e.g. ``HTTP/1.1 400``)."""
    if data.startswith(b"HTTP/"):
        status = data.split(b"\r\n", 1)[0].decode(errors="replace")
        return f"an HTTP reply ({status[:40]})"
    if data[:1] == b"\x15" or data[:1] == b"\x16":
        return "a TLS record"
    text = data[:32].decode("ascii", errors="replace")
    printable = "".join(ch if ch.isprintable() else "." for ch in text)
    return f"{printable!r}"
