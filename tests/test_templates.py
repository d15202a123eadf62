"""Message templates: what varies between repeats of one failure is masked, what names the
failure is kept (the report groups records by these)."""

from __future__ import annotations

import pytest

from redisdoctor.templates import template_of

CASES = [
    (
        "Redis connection failed: Error -2 connecting to flowing-snail-56122.upstash.io:6379. "
        "Name or service not known.",
        "Redis connection failed: Error <n> connecting to <host>:<port>. "
        "Name or service not known.",
    ),
    (
        "[ioredis] Unhandled error event: Error: connect ECONNREFUSED 127.0.0.1:6379",
        "[ioredis] Unhandled error event: Error: connect ECONNREFUSED <ip>:<port>",
    ),
    # Go names both ends of a TCP connection: the local address is no host of the remote one.
    (
        "cache set user:3400: read tcp 10.0.1.4:35834->10.0.3.7:6379: i/o timeout",
        "cache set <host>:<port>: read tcp <ip>:<port>-><ip>:<port>: i/o timeout",
    ),
    (
        "read tcp 10.0.0.1:51234->10.0.0.5:6379: read: connection reset by peer",
        "read tcp <ip>:<port>-><ip>:<port>: read: connection reset by peer",
    ),
    (
        "dial tcp: lookup redis on 10.96.0.10:53: read udp 10.244.1.5:45012->10.96.0.10:53: "
        "i/o timeout",
        "dial tcp: lookup redis on <ip>:<port>: read udp <ip>:<port>-><ip>:<port>: i/o timeout",
    ),
    (
        "consumer: Cannot connect to redis://localhost:6379//: Error 111 connecting to "
        "localhost:6379. Connection refused..",
        "consumer: Cannot connect to <url> Error <n> connecting to <host>:<port>. "
        "Connection refused..",
    ),
    (
        "Error 101 connecting to [2001:db8::5]:6379. Network is unreachable.",
        "Error <n> connecting to <ip>. Network is unreachable.",
    ),
    (
        "ConnectionError at /portfolios/5eee6ac9-3c85-4cbd-9598-82588149d16e/",
        "ConnectionError at /portfolios/<id>/",
    ),
    (
        "Cannot reconnect to [redis-node-2.redis/<unresolved>:6379]: redis-node-2.redis",
        "Cannot reconnect to [<host>/<unresolved>:<port>]: <host>",
    ),
]


@pytest.mark.parametrize(("message", "expected"), CASES)
def test_template_of_masks_what_varies(message: str, expected: str) -> None:
    assert template_of(message) == expected
