"""Message templates: what varies between repeats of one failure is masked, what names the
failure is kept (the report groups records by these)."""

from __future__ import annotations

import pytest

from redisdoctor.analyze_verdicts import verdict_key
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


# A record body (the record after its stamp) -> the template the report groups it under: the
# logger's prefix (level, Sidekiq's pid/tid, Spring Boot's "1 --- [thread] logger :") is not
# part of it, and a record whose lines name Redis and the mechanism apart shows both.
RECORDS = [
    (
        b"WARNING:utils.redis_client_production:Redis connection failed: Error -2 connecting to "
        b"flowing-snail-56122.upstash.io:6379. Name or service not known.\n",
        False,
        "Redis connection failed: Error <n> connecting to <host>:<port>. "
        "Name or service not known.",
    ),
    (
        b" WARN 1 --- [ioEventLoop-4-2] i.l.core.protocol.ConnectionWatchdog     : Cannot "
        b"reconnect to [redis.internal/<unresolved>:6379]: Connection refused: "
        b"redis.internal/10.0.4.12:6379\n",
        False,
        "Cannot reconnect to [<host>/<unresolved>:<port>]: Connection refused: <host>/<ip>:<port>",
    ),
    (
        b"pid=8 tid=gs4 WARN: Redis::CannotConnectError: Error connecting to Redis on "
        b"redis.internal:6379 (Redis::TimeoutError)\n",
        False,
        "Redis::CannotConnectError: Error connecting to Redis on <host>:<port> "
        "(Redis::TimeoutError)",
    ),
    (
        b'{"level": 50, "time": 1717244309078, "msg": "redis error", "err": {"type": "Error", '
        b'"message": "connect ETIMEDOUT", "stack": "Error: connect ETIMEDOUT\\n    at Socket.'
        b'<anonymous> (/app/node_modules/ioredis/built/Redis.js:170:41)"}}\n',
        True,
        "redis error: Error: connect ETIMEDOUT",
    ),
    (
        b"ERROR:app.cache:cache refresh failed:\nTraceback (most recent call last):\n"
        b'  File "/usr/local/lib/python3.11/site-packages/redis/connection.py", line 707, in '
        b"connect\n    sock = self._connect()\n"
        b"ConnectionRefusedError: [Errno 111] Connection refused\n",
        False,
        "cache refresh failed: ConnectionRefusedError: [Errno <n>] Connection refused",
    ),
]


@pytest.mark.parametrize(("body", "json_record", "expected"), RECORDS)
def test_record_template_starts_at_the_message(
    body: bytes, json_record: bool, expected: str
) -> None:
    meaning = verdict_key(body, json_record)[0]
    assert meaning.category is not None
    assert meaning.template == expected
