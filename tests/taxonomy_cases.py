"""The taxonomy's text contract: log records from each ecosystem and the category they must get.

Each row is (where the format comes from, the record, the expected Category or None). The formats
are taken from the libraries' own sources and documentation (the error constructors and the
messages they wrap), with hosts, ports and numbers varied so the rules must match mechanisms, not
sentences. None rows are look-alikes: other systems' failures and Redis success lines.
"""

# Log records are kept whole, one per row, so a failing case can be found by grepping for it.
# ruff: noqa: E501

from __future__ import annotations

from redisdoctor.taxonomy import Category

C = Category
NX = C.DNS_NXDOMAIN
TMP = C.DNS_TEMPORARY

Case = tuple[str, str, Category | None]

CASES: tuple[Case, ...] = (
    # ---------------------------------------------------------------- redis-py 4.x - 8.x
    # connection.py / utils.format_error_message: "Error {errno} connecting to {host}:{port}. {msg}."
    (
        "seed / redis-py 4.x",
        "WARNING:utils.redis_client_production:Redis connection failed: Error -2 connecting to "
        "flowing-snail-56122.upstash.io:6379. Name or service not known.",
        NX,
    ),
    (
        "redis-py 5.x glibc",
        "Error -2 connecting to redis-master:6379. Name or service not known.",
        NX,
    ),
    ("redis-py 5.x musl", "Error -2 connecting to cache:6379. Name does not resolve.", NX),
    (
        "redis-py 5.x macOS",
        "redis.exceptions.ConnectionError: Error 8 connecting to my-redis.local:6379. "
        "nodename nor servname provided, or not known.",
        NX,
    ),
    (
        "redis-py 4.x Windows",
        "redis.exceptions.ConnectionError: Error 11001 connecting to redis.internal:6379. "
        "getaddrinfo failed.",
        NX,
    ),
    (
        "redis-py 5.x EAI_NODATA",
        "redis.exceptions.ConnectionError: Error -5 connecting to redis.svc:6379. "
        "No address associated with hostname.",
        NX,
    ),
    (
        "redis-py 5.x EAI_AGAIN",
        "redis.exceptions.ConnectionError: Error -3 connecting to redis:6379. "
        "Temporary failure in name resolution.",
        TMP,
    ),
    ("redis-py 5.x musl EAI_AGAIN", "Error -3 connecting to redis:6379. Try again.", TMP),
    (
        "redis-py 4.x Windows WSATRY_AGAIN",
        "redis.exceptions.ConnectionError: Error 11002 connecting to cache.corp:6380. "
        "getaddrinfo failed.",
        TMP,
    ),
    (
        "redis-py 5.x EAI_FAIL",
        "redis.exceptions.ConnectionError: Error -4 connecting to r.example:6379. "
        "Non-recoverable failure in name resolution.",
        TMP,
    ),
    (
        "redis-py 5.x",
        "redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.",
        C.REFUSED,
    ),
    ("redis-py 7.x macOS", "Error 61 connecting to 127.0.0.1:6379. Connection refused.", C.REFUSED),
    (
        "redis-py 4.x Windows",
        "redis.exceptions.ConnectionError: Error 10061 connecting to localhost:6379. No connection "
        "could be made because the target machine actively refused it.",
        C.REFUSED,
    ),
    (
        "redis-py 5.x fr_FR locale",
        "redis.exceptions.ConnectionError: Error 111 connecting to 10.1.2.3:6379. Connexion refusée.",
        C.REFUSED,
    ),
    (
        "redis-py 5.x de_DE locale",
        "Error 111 connecting to 10.1.2.3:6379. Verbindungsaufbau abgelehnt.",
        C.REFUSED,
    ),
    (
        "redis-py 5.x unix socket",
        "redis.exceptions.ConnectionError: Error 2 connecting to unix socket: /var/run/redis/redis.sock. "
        "No such file or directory.",
        C.REFUSED,
    ),
    (
        "redis-py 5.x",
        "redis.exceptions.ConnectionError: Error 110 connecting to 10.0.3.7:6379. Connection timed out.",
        C.TIMEOUT,
    ),
    (
        "redis-py 4.x Windows",
        "Error 10060 connecting to 10.0.0.9:6379. A connection attempt failed because the connected "
        "party did not properly respond after a period of time, or established connection failed "
        "because connected host has failed to respond.",
        C.TIMEOUT,
    ),
    (
        "redis-py 5.x connect timeout",
        "redis.exceptions.TimeoutError: Timeout connecting to server",
        C.TIMEOUT,
    ),
    (
        "redis-py 4.x read timeout",
        "redis.exceptions.TimeoutError: Timeout reading from socket",
        C.TIMEOUT,
    ),
    (
        "redis-py 5.x read timeout",
        "redis.exceptions.TimeoutError: Timeout reading from redis.local:6379",
        C.TIMEOUT,
    ),
    (
        "redis-py 5.x write timeout",
        "redis.exceptions.TimeoutError: Timeout writing to socket",
        C.TIMEOUT,
    ),
    (
        "redis-py 4.x",
        "redis.exceptions.ConnectionError: Error while reading from socket: (104, 'Connection reset by peer')",
        C.RESET,
    ),
    (
        "redis-py 5.x",
        "redis.exceptions.ConnectionError: Error while reading from redis:6379 : (104, 'Connection reset by peer')",
        C.RESET,
    ),
    ("redis-py 5.x", "redis.exceptions.ConnectionError: Connection closed by server.", C.RESET),
    (
        "redis-py 4.x",
        "Error while reading from socket: ('Connection closed by server.',)",
        C.RESET,
    ),
    (
        "redis-py 5.x",
        "redis.exceptions.ConnectionError: Error 32 while writing to socket. Broken pipe.",
        C.RESET,
    ),
    ("redis-py 4.x macOS", "Error 54 while writing to socket. Connection reset by peer.", C.RESET),
    (
        "redis-py 4.x Windows",
        "redis.exceptions.ConnectionError: Error 10054 while writing to socket. An existing "
        "connection was forcibly closed by the remote host.",
        C.RESET,
    ),
    (
        "redis-py 5.x",
        "redis.exceptions.ConnectionError: Error 113 connecting to 10.8.0.4:6379. No route to host.",
        C.UNREACHABLE,
    ),
    (
        "redis-py 5.x",
        "Error 101 connecting to [2001:db8::5]:6379. Network is unreachable.",
        C.UNREACHABLE,
    ),
    (
        "redis-py 5.x",
        "Error 99 connecting to localhost:6379. Cannot assign requested address.",
        C.UNREACHABLE,
    ),
    (
        "redis-py 5.x TLS",
        "redis.exceptions.ConnectionError: Error 1 connecting to cache.example.com:6380. "
        "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer "
        "certificate (_ssl.c:1006).",
        C.TLS,
    ),
    (
        "redis-py 5.x TLS to plain port",
        "redis.exceptions.ConnectionError: Error 1 connecting to localhost:6379. [SSL: "
        "WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006).",
        C.TLS,
    ),
    (
        "redis-py 4.x hostname",
        "redis.exceptions.ConnectionError: Error 1 connecting to 10.0.0.5:6380. [SSL: "
        "CERTIFICATE_VERIFY_FAILED] certificate verify failed: IP address mismatch, certificate is "
        "not valid for '10.0.0.5'. (_ssl.c:1129).",
        C.TLS,
    ),
    ("redis-py 5.x", "redis.exceptions.AuthenticationError: Authentication required.", C.AUTH),
    (
        "redis-py 5.x",
        "redis.exceptions.AuthenticationError: invalid username-password pair or user is disabled.",
        C.AUTH,
    ),
    (
        "redis-py 4.x",
        "redis.exceptions.AuthenticationError: AUTH <password> called without any password "
        "configured for the default user. Are you sure your configuration is correct?",
        C.AUTH,
    ),
    (
        "redis-py 3.x / Redis 5",
        "redis.exceptions.ResponseError: Client sent AUTH, but no password is set",
        C.AUTH,
    ),
    ("redis-py 4.x / Redis 5", "redis.exceptions.AuthenticationError: invalid password", C.AUTH),
    (
        "redis-py 5.x",
        "redis.exceptions.NoPermissionError: User app has no permissions to run the 'flushall' command",
        C.AUTH,
    ),
    (
        "redis-py 5.x",
        "redis.exceptions.BusyLoadingError: Redis is loading the dataset in memory",
        C.LOADING,
    ),
    (
        "redis-py 5.x",
        "redis.exceptions.ResponseError: BUSY Redis is busy running a script. You can only call "
        "SCRIPT KILL or SHUTDOWN NOSAVE.",
        C.LOADING,
    ),
    (
        "redis-py 5.x",
        "redis.exceptions.ReadOnlyError: You can't write against a read only replica.",
        C.READONLY,
    ),
    (
        "redis-py 4.x",
        "redis.exceptions.OutOfMemoryError: command not allowed when used memory > 'maxmemory'.",
        C.OOM,
    ),
    (
        "redis-py 5.x",
        "redis.exceptions.ConnectionError: max number of clients reached",
        C.MAX_CLIENTS,
    ),
    (
        "redis-py 5.x",
        "redis.exceptions.ResponseError: MISCONF Redis is configured to save RDB snapshots, but it's "
        "currently unable to persist to disk. Commands that may modify the data set are disabled, "
        "because this instance is configured to report errors during writes if RDB snapshotting "
        "fails (stop-writes-on-bgsave-error option).",
        C.MISCONF,
    ),
    ("redis-py 5.x cluster", "redis.exceptions.ClusterDownError: The cluster is down", C.CLUSTER),
    (
        "redis-py 5.x cluster",
        "redis.exceptions.ResponseError: CROSSSLOT Keys in request don't hash to the same slot",
        C.CLUSTER,
    ),
    (
        "redis-py 5.x cluster",
        "redis.exceptions.ResponseError: MOVED 3999 10.0.0.12:6381",
        C.CLUSTER,
    ),
    (
        "redis-py 5.x cluster",
        "redis.exceptions.ClusterError: TTL exhausted.",
        C.CLUSTER,
    ),
    ("redis-py 5.x", "redis.exceptions.InvalidResponse: Protocol Error: b'H'", C.PROTOCOL),
    (
        "redis-py 4.x (hiredis)",
        'redis.exceptions.InvalidResponse: Protocol error, got "H" as reply type byte',
        C.PROTOCOL,
    ),
    ("redis-py 5.x pool", "redis.exceptions.ConnectionError: Too many connections", C.OTHER),
    (
        "redis-py 5.x multi-line traceback",
        "Traceback (most recent call last):\n"
        '  File "/app/.venv/lib/python3.11/site-packages/redis/connection.py", line 357, in connect\n'
        "    sock = self.retry.call_with_retry(\n"
        '  File "/usr/lib/python3.11/socket.py", line 827, in create_connection\n'
        "    for res in getaddrinfo(host, port, 0, SOCK_STREAM):\n"
        "socket.gaierror: [Errno -3] Temporary failure in name resolution\n"
        "\n"
        "During handling of the above exception, another exception occurred:\n"
        "\n"
        "Traceback (most recent call last):\n"
        '  File "/app/worker.py", line 12, in <module>\n'
        "    r.ping()\n"
        "redis.exceptions.ConnectionError: Error -3 connecting to redis:6379. "
        "Temporary failure in name resolution.",
        TMP,
    ),
    (
        "redis-py 5.x traceback whose last line has no mechanism",
        "Traceback (most recent call last):\n"
        '  File "/app/.venv/lib/python3.11/site-packages/redis/connection.py", line 698, in connect\n'
        "    except socket.timeout:\n"
        "ConnectionRefusedError: [Errno 111] Connection refused\n"
        "\n"
        "During handling of the above exception, another exception occurred:\n"
        "\n"
        "redis.exceptions.ConnectionError: Error connecting to localhost:6379.",
        C.REFUSED,
    ),
    (
        "Python logging + redis-py 5.x",
        "2025-08-12 15:54:42,101 ERROR [app.cache] cache get failed: Error 111 connecting to "
        "127.0.0.1:6379. Connection refused.",
        C.REFUSED,
    ),
    (
        "redis-py 5.x asyncio",
        "redis.exceptions.ConnectionError: Error connecting to redis:6379. [Errno 111] Connect call "
        "failed ('172.18.0.3', 6379).",
        C.REFUSED,
    ),
    # ---------------------------------------------------------------- Celery / kombu, django-redis, RQ
    (
        "Celery 5.x consumer",
        "[2024-01-15 10:00:00,000: ERROR/MainProcess] consumer: Cannot connect to "
        "redis://redis:6379/0: Error -3 connecting to redis:6379. Temporary failure in name resolution..",
        TMP,
    ),
    (
        "Celery 5.x consumer",
        "consumer: Cannot connect to redis://localhost:6379//: Error 111 connecting to localhost:6379. "
        "Connection refused..\nTrying again in 2.00 seconds... (1/100)",
        C.REFUSED,
    ),
    (
        "Celery 5.x consumer",
        "[ERROR/MainProcess] consumer: Cannot connect to redis://:**@redis-prod:6379/1: Error -2 "
        "connecting to redis-prod:6379. Name or service not known..",
        NX,
    ),
    (
        "Celery 5.x result backend",
        "[WARNING/MainProcess] Connection to Redis lost: Retry (3/20) in 1.00 second.",
        C.RESET,
    ),
    (
        "Celery 5.x result backend",
        "celery.backends.redis: Retry limit exceeded while trying to reconnect to the Celery redis "
        "result store backend. The Celery application must be restarted.",
        C.OTHER,
    ),
    (
        "kombu 5.x",
        "kombu.exceptions.OperationalError: Error 111 connecting to 127.0.0.1:6379. Connection refused.",
        C.REFUSED,
    ),
    (
        "kombu 5.x",
        "kombu.exceptions.OperationalError: Error -2 connecting to broker:6379. Name or service not known.",
        NX,
    ),
    (
        "django-redis 5.x",
        "django_redis.exceptions.ConnectionInterrupted: Redis ConnectionError: Error 111 connecting to "
        "127.0.0.1:6379. Connection refused.",
        C.REFUSED,
    ),
    (
        "django-redis 5.x",
        "django_redis.exceptions.ConnectionInterrupted: Redis TimeoutError: Timeout reading from socket",
        C.TIMEOUT,
    ),
    (
        "django-redis 4.x",
        "ConnectionInterrupted: Redis ConnectionError: Error 104 while writing to socket. "
        "Connection reset by peer.",
        C.RESET,
    ),
    (
        "RQ 1.x worker",
        "rq.worker: Worker rq:worker:4f2c: found an unhandled exception, quitting...\n"
        "redis.exceptions.ConnectionError: Error -2 connecting to redis-queue:6379. Name or service "
        "not known.",
        NX,
    ),
    (
        "RQ 1.x",
        "redis.exceptions.ReadOnlyError: You can't write against a read only replica. (rq enqueue)",
        C.READONLY,
    ),
    # ---------------------------------------------------------------- redisdoctor's own client log
    (
        "redisdoctor.client",
        "WARNING:redisdoctor.client:Redis unavailable at host:6379: dns_nxdomain (Error -2 "
        "connecting to host:6379. Name or service not known.); serving from in-memory fallback, "
        "next attempt in 60s",
        NX,
    ),
    (
        "redisdoctor.client",
        "WARNING:redisdoctor.client:Redis still unavailable at cache:6379: refused (Error 111 "
        "connecting to cache:6379. Connection refused.) (5 failures since last log); next attempt "
        "in 300s",
        C.REFUSED,
    ),
    (
        "redisdoctor.client",
        "ERROR:redisdoctor.client:Redis unavailable at cache:6379: auth (invalid username-password "
        "pair or user is disabled.); serving from in-memory fallback, next attempt in 3600s. Fix: "
        "Check the username and password in REDIS_URL",
        C.AUTH,
    ),
    (
        "redisdoctor.client",
        "WARNING:redisdoctor.client:Redis failure changed to timeout at cache:6379 (Timeout "
        "connecting to server); next attempt in 120s",
        C.TIMEOUT,
    ),
    (
        "redisdoctor.client",
        "INFO:redisdoctor.client:Redis connection restored at host:6379 after 6h 0m (290 failed "
        "attempts)",
        None,
    ),
    # ---------------------------------------------------------------- ioredis 4.x / 5.x
    (
        "ioredis 5.x",
        "[ioredis] Unhandled error event: Error: connect ECONNREFUSED 127.0.0.1:6379",
        C.REFUSED,
    ),
    (
        "ioredis 5.x",
        "[ioredis] Unhandled error event: Error: getaddrinfo ENOTFOUND redis-cache\n"
        "    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26)",
        NX,
    ),
    ("ioredis 5.x", "[ioredis] Unhandled error event: Error: getaddrinfo EAI_AGAIN redis", TMP),
    ("ioredis 5.x", "[ioredis] Unhandled error event: Error: connect ETIMEDOUT", C.TIMEOUT),
    (
        "ioredis 5.x",
        "[ioredis] Unhandled error event: Error: read ECONNRESET\n"
        "    at TCP.onStreamRead (node:internal/stream_base_commons:217:20)",
        C.RESET,
    ),
    ("ioredis 5.x", "[ioredis] Unhandled error event: Error: write EPIPE", C.RESET),
    (
        "ioredis 5.x",
        "[ioredis] Unhandled error event: Error: connect EHOSTUNREACH 10.0.4.12:6379",
        C.UNREACHABLE,
    ),
    (
        "ioredis 4.x",
        "[ioredis] Unhandled error event: Error: connect ENETUNREACH 10.2.0.5:6379 - Local (0.0.0.0:0)",
        C.UNREACHABLE,
    ),
    ("ioredis 5.x", "ReplyError: NOAUTH Authentication required.", C.AUTH),
    (
        "ioredis 5.x",
        "ReplyError: WRONGPASS invalid username-password pair or user is disabled.",
        C.AUTH,
    ),
    (
        "ioredis 5.x",
        "ReplyError: LOADING Redis is loading the dataset in memory",
        C.LOADING,
    ),
    (
        "ioredis 5.x",
        "ReplyError: READONLY You can't write against a read only replica.",
        C.READONLY,
    ),
    (
        "ioredis 5.x",
        "ReplyError: OOM command not allowed when used memory > 'maxmemory'.",
        C.OOM,
    ),
    ("ioredis 5.x", "ReplyError: ERR max number of clients reached", C.MAX_CLIENTS),
    ("ioredis 5.x cluster", "ClusterAllFailedError: Failed to refresh slots cache.", C.CLUSTER),
    (
        "ioredis 5.x",
        "MaxRetriesPerRequestError: Reached the max retries per request limit (which is 20). Refer "
        'to "maxRetriesPerRequest" option for details.',
        C.OTHER,
    ),
    ("ioredis 5.x", "Error: Connection is closed. (ioredis)", C.RESET),
    (
        "ioredis 5.x TLS",
        "[ioredis] Unhandled error event: Error: self-signed certificate in certificate chain",
        C.TLS,
    ),
    (
        "ioredis 5.x TLS",
        "[ioredis] Unhandled error event: Error: Client network socket disconnected before secure "
        "TLS connection was established",
        C.TLS,
    ),
    (
        "ioredis 4.x TLS to plain port",
        "[ioredis] Unhandled error event: Error: write EPROTO 140225464489792:error:1408F10B:SSL "
        "routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:332:",
        C.TLS,
    ),
    (
        "ioredis 5.x node:dns",
        "[ioredis] Unhandled error event: Error: queryA ETIMEOUT redis.internal",
        TMP,
    ),
    # ---------------------------------------------------------------- node-redis 3.x / 4.x
    (
        "node-redis 3.x",
        "Redis connection to 127.0.0.1:6379 failed - connect ECONNREFUSED 127.0.0.1:6379",
        C.REFUSED,
    ),
    (
        "node-redis 3.x",
        "Error: Redis connection to redis-host:6379 failed - getaddrinfo ENOTFOUND redis-host",
        NX,
    ),
    ("node-redis 3.x", "Redis connection gone from end event.", C.RESET),
    ("node-redis 3.x", "AbortError: Redis connection in broken state: retry aborted.", C.OTHER),
    (
        "node-redis 3.x",
        "ReplyError: Ready check failed: NOAUTH Authentication required.",
        C.AUTH,
    ),
    (
        "node-redis 4.x docs example",
        "Redis Client Error Error: connect ECONNREFUSED 127.0.0.1:6379\n"
        "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1278:16) {\n"
        "  errno: -111,\n"
        "  code: 'ECONNREFUSED',\n"
        "  syscall: 'connect',\n"
        "  address: '127.0.0.1',\n"
        "  port: 6379\n"
        "}",
        C.REFUSED,
    ),
    (
        "node-redis 4.x",
        "Redis Client Error SocketClosedUnexpectedlyError: Socket closed unexpectedly",
        C.RESET,
    ),
    ("node-redis 4.x", "Redis Client Error ConnectionTimeoutError: Connection timeout", C.TIMEOUT),
    (
        "node-redis 4.x",
        "Redis Client Error Error: getaddrinfo ENOTFOUND my-redis.cache.amazonaws.com",
        NX,
    ),
    ("node-redis 4.x", "ClientClosedError: The client is closed", C.OTHER),
    (
        "node-redis 4.x",
        "[ErrorReply: WRONGPASS invalid username-password pair or user is disabled.]",
        C.AUTH,
    ),
    (
        "node-redis 4.x Windows",
        "Redis Client Error Error: connect ECONNREFUSED ::1:6379 errno: -4078",
        C.REFUSED,
    ),
    (
        "node-redis 4.x",
        "Redis Client Error Error: read ECONNRESET errno: -104 code: 'ECONNRESET' syscall: 'read'",
        C.RESET,
    ),
    (
        "BullMQ (ioredis)",
        "Error: connect ECONNREFUSED 10.0.0.8:6379 at TCPConnectWrap.afterConnect",
        C.REFUSED,
    ),
    # ---------------------------------------------------------------- go-redis v8/v9, redigo
    ("go-redis v9", "dial tcp 127.0.0.1:6379: connect: connection refused", C.REFUSED),
    ("go-redis v9", "dial tcp: lookup redis on 127.0.0.11:53: no such host", NX),
    (
        "go-redis v9",
        "redis: 2024/03/04 10:11:12 pool.go:368: dial tcp: lookup redis-master on 10.96.0.10:53: no such host",
        NX,
    ),
    ("go-redis v8", "dial tcp: lookup redis on 127.0.0.11:53: server misbehaving", TMP),
    (
        "go-redis v9",
        "dial tcp: lookup redis.prod.svc.cluster.local on 10.96.0.10:53: read udp "
        "10.244.1.5:45012->10.96.0.10:53: i/o timeout",
        TMP,
    ),
    ("go-redis v9", "dial tcp 10.0.0.5:6379: i/o timeout", C.TIMEOUT),
    ("go-redis v9", "redis: connection pool timeout", C.TIMEOUT),
    (
        "go-redis v9",
        "read tcp 10.0.0.1:51234->10.0.0.5:6379: read: connection reset by peer",
        C.RESET,
    ),
    ("go-redis v9", "write tcp 10.0.0.1:51234->10.0.0.5:6379: write: broken pipe", C.RESET),
    ("go-redis v9", "failed to ping redis: EOF", C.RESET),
    ("go-redis v9", "dial tcp 10.20.0.5:6379: connect: no route to host", C.UNREACHABLE),
    ("go-redis v9", "dial tcp [2001:db8::1]:6379: connect: network is unreachable", C.UNREACHABLE),
    ("go-redis v9", "redis: client is closed", C.OTHER),
    (
        "go-redis v9 TLS",
        "tls: failed to verify certificate: x509: certificate signed by unknown authority (redis:6380)",
        C.TLS,
    ),
    (
        "go-redis v9 TLS",
        "redis: failed to connect: tls: first record does not look like a TLS handshake",
        C.TLS,
    ),
    (
        "go-redis v8 TLS",
        "x509: certificate is valid for redis.internal, not redis.example.com (rediss://redis.example.com:6380)",
        C.TLS,
    ),
    ("go-redis v9", 'redis: can\'t parse "HTTP/1.1 400 Bad Request"', C.PROTOCOL),
    ("go-redis v9", "NOAUTH Authentication required. (redis)", C.AUTH),
    ("go-redis v9", "redis: WRONGPASS invalid username-password pair or user is disabled.", C.AUTH),
    ("go-redis v9", "redis: context deadline exceeded while dialing 10.0.0.5:6379", C.TIMEOUT),
    ("go-redis v9 cluster", "CLUSTERDOWN The cluster is down", C.CLUSTER),
    ("go-redis v9 cluster", "redis: too many cluster redirections", C.CLUSTER),
    ("redigo 1.8", "redigo: connection pool exhausted", C.OTHER),
    (
        "redigo 1.8",
        "redigo: unexpected response line (possible server error or unsupported concurrent read by application)",
        C.PROTOCOL,
    ),
    ("redigo 1.8", "redis pool: dial tcp 172.17.0.2:6379: connect: connection refused", C.REFUSED),
    # ---------------------------------------------------------------- Jedis 3.x / 4.x / 5.x
    (
        "Jedis 3.x",
        "redis.clients.jedis.exceptions.JedisConnectionException: Could not get a resource from the pool",
        C.OTHER,
    ),
    (
        "Jedis 3.x",
        "redis.clients.jedis.exceptions.JedisConnectionException: Could not get a resource from the pool\n"
        "\tat redis.clients.jedis.util.Pool.getResource(Pool.java:59)\n"
        "Caused by: redis.clients.jedis.exceptions.JedisConnectionException: Failed connecting to host redis:6379\n"
        "\tat redis.clients.jedis.Connection.connect(Connection.java:204)\n"
        "Caused by: java.net.ConnectException: Connection refused (Connection refused)\n"
        "\tat java.net.PlainSocketImpl.socketConnect(Native Method)",
        C.REFUSED,
    ),
    (
        "Jedis 4.x",
        "redis.clients.jedis.exceptions.JedisConnectionException: Failed to connect to any host resolved for DNS name.\n"
        "Caused by: java.net.UnknownHostException: redis-cache: Name or service not known",
        NX,
    ),
    (
        "Jedis 4.x",
        "redis.clients.jedis.exceptions.JedisConnectionException: java.net.UnknownHostException: "
        "redis-cache: Temporary failure in name resolution",
        TMP,
    ),
    (
        "Jedis 3.x",
        "redis.clients.jedis.exceptions.JedisConnectionException: java.net.SocketTimeoutException: connect timed out",
        C.TIMEOUT,
    ),
    (
        "Jedis 3.x",
        "redis.clients.jedis.exceptions.JedisConnectionException: java.net.SocketTimeoutException: Read timed out",
        C.TIMEOUT,
    ),
    (
        "Jedis 3.x",
        "redis.clients.jedis.exceptions.JedisConnectionException: java.net.SocketException: Connection reset",
        C.RESET,
    ),
    (
        "Jedis 3.x",
        "redis.clients.jedis.exceptions.JedisConnectionException: Unexpected end of stream.",
        C.RESET,
    ),
    (
        "Jedis 4.x",
        "redis.clients.jedis.exceptions.JedisConnectionException: java.net.SocketException: Broken pipe (Write failed)",
        C.RESET,
    ),
    (
        "Jedis 3.x",
        "redis.clients.jedis.exceptions.JedisDataException: NOAUTH Authentication required.",
        C.AUTH,
    ),
    (
        "Jedis 4.x",
        "redis.clients.jedis.exceptions.JedisAccessControlException: WRONGPASS invalid username-password pair or user is disabled.",
        C.AUTH,
    ),
    (
        "Jedis 3.x",
        "redis.clients.jedis.exceptions.JedisDataException: ERR Client sent AUTH, but no password is set",
        C.AUTH,
    ),
    (
        "Jedis 3.x",
        "redis.clients.jedis.exceptions.JedisDataException: LOADING Redis is loading the dataset in memory",
        C.LOADING,
    ),
    (
        "Jedis 4.x",
        "redis.clients.jedis.exceptions.JedisBusyException: BUSY Redis is busy running a script. "
        "You can only call SCRIPT KILL or SHUTDOWN NOSAVE.",
        C.LOADING,
    ),
    (
        "Jedis 3.x",
        "redis.clients.jedis.exceptions.JedisDataException: READONLY You can't write against a read only slave.",
        C.READONLY,
    ),
    (
        "Jedis 3.x",
        "redis.clients.jedis.exceptions.JedisDataException: ERR max number of clients reached",
        C.MAX_CLIENTS,
    ),
    (
        "Jedis 3.x cluster",
        "redis.clients.jedis.exceptions.JedisClusterMaxAttemptsException: No more cluster attempts left.",
        C.CLUSTER,
    ),
    (
        "Jedis 4.x cluster",
        "redis.clients.jedis.exceptions.JedisClusterOperationException: No reachable node in cluster.",
        C.CLUSTER,
    ),
    (
        "Jedis 3.x",
        "redis.clients.jedis.exceptions.JedisExhaustedPoolException: Could not get a resource since the pool is exhausted",
        C.OTHER,
    ),
    (
        "Jedis 3.x TLS",
        "redis.clients.jedis.exceptions.JedisConnectionException: javax.net.ssl.SSLHandshakeException: "
        "PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: "
        "unable to find valid certification path to requested target",
        C.TLS,
    ),
    (
        "Jedis 3.x",
        "redis.clients.jedis.exceptions.JedisConnectionException: java.net.NoRouteToHostException: "
        "No route to host (Host unreachable)",
        C.UNREACHABLE,
    ),
    (
        "Jedis 3.x",
        "redis.clients.jedis.exceptions.JedisConnectionException: Failed connecting to host "
        "10.0.0.7:6379\nCaused by: java.net.ConnectException: Connection timed out (Connection timed out)",
        C.TIMEOUT,
    ),
    # ---------------------------------------------------------------- Lettuce 5.x / 6.x, Spring Data Redis
    (
        "Lettuce 6.x",
        "io.lettuce.core.RedisConnectionException: Unable to connect to localhost/<unresolved>:6379",
        C.OTHER,
    ),
    (
        "Lettuce 6.x",
        "io.lettuce.core.RedisConnectionException: Unable to connect to localhost/<unresolved>:6379\n"
        "\tat io.lettuce.core.RedisConnectionException.create(RedisConnectionException.java:78)\n"
        "Caused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: "
        "localhost/127.0.0.1:6379\n"
        "Caused by: java.net.ConnectException: Connection refused\n"
        "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)",
        C.REFUSED,
    ),
    (
        "Lettuce 6.x",
        "io.lettuce.core.RedisConnectionException: Unable to connect to redis-master/<unresolved>:6379\n"
        "Caused by: java.net.UnknownHostException: redis-master",
        NX,
    ),
    (
        "Lettuce 6.x (netty resolver)",
        "Caused by: java.net.UnknownHostException: failed to resolve 'redis.internal' after 2 queries "
        "(io.lettuce.core.RedisConnectionException)",
        NX,
    ),
    (
        "Lettuce 5.x",
        "io.netty.channel.ConnectTimeoutException: connection timed out: /10.0.0.15:6379",
        C.TIMEOUT,
    ),
    (
        "Lettuce 6.x",
        "io.lettuce.core.RedisCommandTimeoutException: Command timed out after 1 minute(s)",
        C.TIMEOUT,
    ),
    (
        "Lettuce 6.x",
        "io.lettuce.core.RedisException: java.io.IOException: Connection reset by peer",
        C.RESET,
    ),
    (
        "Lettuce 6.x (epoll)",
        "io.netty.channel.unix.Errors$NativeIoException: readAddress(..) failed: Connection reset by peer "
        "(io.lettuce.core.protocol.CommandHandler)",
        C.RESET,
    ),
    ("Lettuce 6.x", "io.lettuce.core.RedisException: Connection closed", C.RESET),
    (
        "Lettuce 6.x",
        "io.lettuce.core.RedisCommandExecutionException: NOAUTH HELLO must be called with the client "
        "already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to "
        "authenticate the client and select the RESP protocol version at the same time",
        C.AUTH,
    ),
    (
        "Lettuce 6.x",
        "io.lettuce.core.RedisCommandExecutionException: MOVED 12182 10.0.1.4:7002",
        C.CLUSTER,
    ),
    (
        "Lettuce 6.x TLS",
        "io.lettuce.core.RedisConnectionException: Unable to connect to redis.example.com:6380\n"
        "Caused by: javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching "
        "redis.example.com found.",
        C.TLS,
    ),
    (
        "Lettuce 6.x TLS to plain port",
        "io.netty.handler.ssl.NotSslRecordException: not an SSL/TLS record: 2d4552520d0a (lettuce)",
        C.TLS,
    ),
    (
        "Spring Data Redis 2.x",
        "org.springframework.data.redis.RedisConnectionFailureException: Unable to connect to Redis; "
        "nested exception is io.lettuce.core.RedisConnectionException: Unable to connect to "
        "redis:6379",
        C.OTHER,
    ),
    (
        "Spring Data Redis 2.x",
        "org.springframework.data.redis.RedisConnectionFailureException: Cannot get Jedis connection; "
        "nested exception is redis.clients.jedis.exceptions.JedisConnectionException: Could not get "
        "a resource from the pool",
        C.OTHER,
    ),
    (
        "Spring Data Redis 2.x",
        "org.springframework.dao.QueryTimeoutException: Redis command timed out; nested exception is "
        "io.lettuce.core.RedisCommandTimeoutException: Command timed out after 2 second(s)",
        C.TIMEOUT,
    ),
    (
        "Spring Data Redis 3.x",
        "org.springframework.data.redis.RedisSystemException: Error in execution; nested exception is "
        "io.lettuce.core.RedisCommandExecutionException: READONLY You can't write against a read "
        "only replica.",
        C.READONLY,
    ),
    (
        "Spring Boot health",
        "o.s.b.a.redis.RedisReactiveHealthIndicator : Redis health check failed\n"
        "org.springframework.data.redis.RedisConnectionFailureException: Unable to connect to Redis\n"
        "Caused by: io.lettuce.core.RedisConnectionException: Unable to connect to 10.0.0.3/<unresolved>:6379\n"
        "Caused by: io.netty.channel.ConnectTimeoutException: connection timed out: 10.0.0.3/10.0.0.3:6379",
        C.TIMEOUT,
    ),
    # ---------------------------------------------------------------- Redisson 3.x
    (
        "Redisson 3.x",
        "org.redisson.client.RedisConnectionException: Unable to connect to Redis server: "
        "redis/172.20.0.2:6379",
        C.OTHER,
    ),
    (
        "Redisson 3.x",
        "org.redisson.client.RedisConnectionException: Unable to connect to Redis server: "
        "127.0.0.1/127.0.0.1:6379\nCaused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: "
        "Connection refused: /127.0.0.1:6379",
        C.REFUSED,
    ),
    (
        "Redisson 3.x",
        "org.redisson.client.RedisTimeoutException: Command execution timeout for command: (PING), "
        "params: [], Redis client: [addr=redis://10.0.0.5:6379]",
        C.TIMEOUT,
    ),
    (
        "Redisson 3.x",
        "org.redisson.client.RedisResponseTimeoutException: Redis server response timeout (3000 ms) "
        "occured after 3 retry attempts. Command: (GET), params: [lock]",
        C.TIMEOUT,
    ),
    (
        "Redisson 3.x",
        "org.redisson.client.RedisAuthRequiredException: NOAUTH Authentication required.. channel: "
        "[id: 0x1, L:/10.0.0.2:51000 - R:10.0.0.5/10.0.0.5:6379]",
        C.AUTH,
    ),
    (
        "Redisson 3.x",
        "org.redisson.client.RedisLoadingException: LOADING Redis is loading the dataset in memory. "
        "channel: [id: 0x2]",
        C.LOADING,
    ),
    (
        "Redisson 3.x",
        "org.redisson.client.RedisOutOfMemoryException: OOM command not allowed when used memory > "
        "'maxmemory'.. channel: [id: 0x3]",
        C.OOM,
    ),
    (
        "Redisson 3.x",
        "org.redisson.client.RedisException: ERR max number of clients reached",
        C.MAX_CLIENTS,
    ),
    (
        "Redisson 3.x",
        "org.redisson.client.RedisTimeoutException: Unable to acquire connection! Increase connection "
        "pool size and/or retryInterval settings",
        C.TIMEOUT,
    ),
    (
        "Redisson 3.x",
        "org.redisson.client.WriteRedisConnectionException: Unable to write command into connection! "
        "Caused by: java.nio.channels.ClosedChannelException",
        C.OTHER,
    ),
    # ---------------------------------------------------------------- redis-rb 4.x / 5.x, Sidekiq
    (
        "redis-rb 4.x",
        "Redis::CannotConnectError: Error connecting to Redis on 127.0.0.1:6379 (Errno::ECONNREFUSED)",
        C.REFUSED,
    ),
    (
        "redis-rb 4.x",
        "Redis::CannotConnectError: Error connecting to Redis on redis:6379 (SocketError)",
        NX,
    ),
    (
        "redis-rb 4.x",
        "Redis::CannotConnectError: Error connecting to Redis on 10.0.0.4:6379 (Redis::TimeoutError)",
        C.TIMEOUT,
    ),
    (
        "redis-rb 4.x",
        "Redis::CannotConnectError: Error connecting to Redis on 10.0.0.4:6379 (Errno::EHOSTUNREACH)",
        C.UNREACHABLE,
    ),
    ("redis-rb 4.x", "Redis::ConnectionError: Connection lost (ECONNRESET)", C.RESET),
    ("redis-rb 4.x", "Redis::ConnectionError: Connection lost (EOFError)", C.RESET),
    ("redis-rb 4.x", "Redis::TimeoutError: Connection timed out", C.TIMEOUT),
    (
        "redis-rb 5.x (redis-client)",
        "Redis::CannotConnectError: getaddrinfo: Name or service not known (redis://redis:6379)",
        NX,
    ),
    (
        "redis-client 0.x",
        "RedisClient::CannotConnectError: Connection refused - connect(2) for 127.0.0.1:6379 "
        "(redis://127.0.0.1:6379)",
        C.REFUSED,
    ),
    (
        "redis-client 0.x",
        "RedisClient::ReadTimeoutError: Waited 1.0 seconds (redis://cache:6379)",
        C.TIMEOUT,
    ),
    (
        "redis-client 0.x",
        "RedisClient::CannotConnectError: getaddrinfo: Temporary failure in name resolution "
        "(redis://redis.internal:6379)",
        TMP,
    ),
    ("redis-rb 4.x", "Redis::CommandError: NOAUTH Authentication required.", C.AUTH),
    (
        "redis-rb 4.x",
        "Redis::CommandError: WRONGPASS invalid username-password pair or user is disabled.",
        C.AUTH,
    ),
    (
        "redis-rb 4.x",
        "Redis::CommandError: MISCONF Redis is configured to save RDB snapshots, but it is currently "
        "not able to persist on disk.",
        C.MISCONF,
    ),
    (
        "redis-rb 4.x TLS",
        "Redis::CannotConnectError: SSL_connect returned=1 errno=0 state=error: certificate verify "
        "failed (unable to get local issuer certificate)",
        C.TLS,
    ),
    (
        "redis-rb 4.x macOS",
        "Redis::CannotConnectError: Error connecting to Redis on redis.local:6379 (SocketError) "
        "getaddrinfo: nodename nor servname provided, or not known",
        NX,
    ),
    (
        "Sidekiq 6.x",
        "2024-02-01T10:00:00.000Z pid=7 tid=abc ERROR: Error fetching job: Error connecting to Redis "
        "on localhost:6379 (Errno::ECONNREFUSED)",
        C.REFUSED,
    ),
    (
        "Sidekiq 7.x",
        "2024-02-01T10:00:00.000Z pid=7 tid=abc WARN: RedisClient::CannotConnectError: getaddrinfo: "
        "Name or service not known",
        NX,
    ),
    (
        "Sidekiq 6.x",
        "Redis::CommandError: READONLY You can't write against a read only replica. (sidekiq "
        "heartbeat)",
        C.READONLY,
    ),
    # ---------------------------------------------------------------- predis, phpredis, Laravel
    (
        "predis 2.x",
        "Predis\\Connection\\ConnectionException: Connection refused [tcp://127.0.0.1:6379]",
        C.REFUSED,
    ),
    (
        "predis 1.x",
        "Predis\\Connection\\ConnectionException: php_network_getaddresses: getaddrinfo failed: Name "
        "or service not known [tcp://redis:6379]",
        NX,
    ),
    (
        "predis 2.x PHP 8",
        "Predis\\Connection\\ConnectionException: php_network_getaddresses: getaddrinfo for redis "
        "failed: Temporary failure in name resolution [tcp://redis:6379]",
        TMP,
    ),
    (
        "predis 2.x alpine",
        "php_network_getaddresses: getaddrinfo for redis failed: Try again [tcp://redis:6379]",
        TMP,
    ),
    (
        "predis 2.x",
        "Predis\\Connection\\ConnectionException: Connection timed out [tcp://10.0.0.5:6379]",
        C.TIMEOUT,
    ),
    (
        "predis 2.x macOS",
        "Predis\\Connection\\ConnectionException: Operation timed out [tcp://10.0.0.5:6379]",
        C.TIMEOUT,
    ),
    (
        "predis 1.x",
        "Predis\\Connection\\ConnectionException: Error while reading line from the server. [tcp://redis:6379]",
        C.RESET,
    ),
    ("predis 2.x", "Predis\\Response\\ServerException: NOAUTH Authentication required.", C.AUTH),
    (
        "predis 2.x",
        "Predis\\Response\\ServerException: LOADING Redis is loading the dataset in memory",
        C.LOADING,
    ),
    ("phpredis 5.x", "RedisException: Connection refused", C.REFUSED),
    (
        "phpredis 5.x",
        "RedisException: php_network_getaddresses: getaddrinfo failed: Name or service not known",
        NX,
    ),
    ("phpredis 5.x", "RedisException: read error on connection to redis:6379", C.RESET),
    ("phpredis 5.x", "RedisException: Connection lost", C.RESET),
    ("phpredis 4.x", "RedisException: Redis server went away", C.RESET),
    ("phpredis 5.x", "RedisException: socket error on read socket", C.RESET),
    ("phpredis 5.x", "RedisException: Operation timed out", C.TIMEOUT),
    (
        "phpredis 5.x",
        "RedisException: ERR AUTH <password> called without any password configured for the default "
        "user. Are you sure your configuration is correct?",
        C.AUTH,
    ),
    (
        "phpredis 5.x",
        "RedisException: WRONGPASS invalid username-password pair or user is disabled.",
        C.AUTH,
    ),
    (
        "phpredis 5.x cluster",
        "RedisClusterException: Couldn't map cluster keyspace using any provided seed",
        C.CLUSTER,
    ),
    (
        "Laravel 10 (phpredis)",
        '[2024-01-10 10:00:00] production.ERROR: Connection refused {"exception":"[object] '
        "(RedisException(code: 0): Connection refused at /var/www/vendor/laravel/framework/src/"
        "Illuminate/Redis/Connectors/PhpRedisConnector.php:159)",
        C.REFUSED,
    ),
    (
        "Laravel 9 (predis)",
        "[2023-05-02 08:00:00] local.ERROR: php_network_getaddresses: getaddrinfo for redis failed: "
        'Name or service not known [tcp://redis:6379] {"exception":"[object] '
        "(Predis\\\\Connection\\\\ConnectionException(code: 0)",
        NX,
    ),
    (
        "Laravel 8 (predis)",
        "production.ERROR: Connection timed out [tcp://10.1.1.1:6379]",
        C.TIMEOUT,
    ),
    (
        "Laravel 10 queue",
        "Illuminate\\Queue\\Worker: RedisException: MISCONF Redis is configured to save RDB snapshots, "
        "but it's currently unable to persist to disk.",
        C.MISCONF,
    ),
    # ---------------------------------------------------------------- StackExchange.Redis 2.x (.NET)
    (
        "StackExchange.Redis 2.x",
        "StackExchange.Redis.RedisConnectionException: It was not possible to connect to the redis "
        "server(s). UnableToConnect on redis:6379/Interactive, Initializing/NotStarted, last: NONE, "
        "origin: BeginConnectAsync, outstanding: 0, last-read: 0s ago, last-write: 0s ago, "
        "keep-alive: 60s, state: Connecting, mgr: 10 of 10 available, last-heartbeat: never, "
        "global: 0s ago, v: 2.2.4.27433",
        C.OTHER,
    ),
    (
        "StackExchange.Redis 2.x",
        "StackExchange.Redis.RedisConnectionException: It was not possible to connect to the redis "
        "server(s). ConnectTimeout",
        C.TIMEOUT,
    ),
    (
        "StackExchange.Redis 2.x",
        "StackExchange.Redis.RedisConnectionException: No connection is available to service this "
        "operation: GET session:42; SocketFailure on cache.redis.cache.windows.net:6380/Interactive, "
        "Idle/Faulted, last: GET, origin: ReadFromPipe, outstanding: 1",
        C.RESET,
    ),
    (
        "StackExchange.Redis 2.x",
        "StackExchange.Redis.RedisTimeoutException: Timeout performing GET (5000ms), next: GET "
        "user:1, inst: 0, qu: 0, qs: 1, aw: False, rs: ReadAsync, ws: Idle, in: 0, serverEndpoint: "
        "redis:6379, mc: 1/1/0, mgr: 10 of 10 available",
        C.TIMEOUT,
    ),
    (
        "StackExchange.Redis 2.x",
        "StackExchange.Redis.RedisTimeoutException: Timeout awaiting response (outbound=0KiB, "
        "inbound=0KiB, 5984ms elapsed, timeout is 5000ms), command=SETEX",
        C.TIMEOUT,
    ),
    (
        "StackExchange.Redis 2.x",
        "StackExchange.Redis.RedisConnectionException: AuthenticationFailure on "
        "myredis.redis.cache.windows.net:6380/Interactive, Initializing/NotStarted",
        C.AUTH,
    ),
    (
        "StackExchange.Redis 2.x",
        "StackExchange.Redis.RedisConnectionException: SocketClosed on redis:6379/Subscription, "
        "Idle/MarkProcessed, last: PING",
        C.RESET,
    ),
    (
        "StackExchange.Redis 2.x",
        "StackExchange.Redis.RedisConnectionException: ProtocolFailure on redis:6379/Interactive, "
        "Idle/Faulted, last: ECHO, origin: ReadFromPipe",
        C.PROTOCOL,
    ),
    (
        "StackExchange.Redis 2.x Windows",
        "StackExchange.Redis.RedisConnectionException: It was not possible to connect to the redis "
        "server(s). UnableToConnect ---> System.Net.Sockets.SocketException (10061): No connection "
        "could be made because the target machine actively refused it. 127.0.0.1:6379",
        C.REFUSED,
    ),
    (
        "StackExchange.Redis 2.x Linux",
        "StackExchange.Redis.RedisConnectionException: UnableToConnect on redis-svc:6379 ---> "
        "System.Net.Sockets.SocketException (00000001, 11): Resource temporarily unavailable "
        "(getaddrinfo)",
        TMP,
    ),
    (
        "StackExchange.Redis 2.x Windows",
        "StackExchange.Redis.RedisConnectionException: UnableToConnect on redis-svc:6379 ---> "
        "System.Net.Sockets.SocketException (11001): No such host is known.",
        NX,
    ),
    (
        "StackExchange.Redis 2.x TLS",
        "StackExchange.Redis.RedisConnectionException: UnableToConnect on contoso.redis.cache."
        "windows.net:6380 ---> System.Security.Authentication.AuthenticationException: The remote "
        "certificate is invalid according to the validation procedure.",
        C.TLS,
    ),
    (
        "StackExchange.Redis 2.x",
        "StackExchange.Redis.RedisServerException: LOADING Redis is loading the dataset in memory",
        C.LOADING,
    ),
    # ---------------------------------------------------------------- redis-rs 0.2x (Rust)
    ("redis-rs 0.23", "failed to connect to redis: Connection refused (os error 111)", C.REFUSED),
    (
        "redis-rs 0.23",
        "Redis error: failed to lookup address information: Name or service not known",
        NX,
    ),
    (
        "redis-rs 0.25",
        "redis::RedisError: failed to lookup address information: Temporary failure in name resolution",
        TMP,
    ),
    ("redis-rs 0.23", "Redis error: Connection reset by peer (os error 104)", C.RESET),
    ("redis-rs 0.23", "redis: Broken pipe (os error 32)", C.RESET),
    (
        "redis-rs 0.23 macOS",
        "Redis connection failed: Operation timed out (os error 60)",
        C.TIMEOUT,
    ),
    ("redis-rs 0.24", "Redis error: NOAUTH: Authentication required.", C.AUTH),
    (
        "redis-rs 0.24",
        "Redis error: An error was signalled by the server - ReadOnly: You can't write against a read only replica.",
        C.READONLY,
    ),
    ("redis-rs 0.24", "redis: Connection refused (os error 10061)", C.REFUSED),
    # ---------------------------------------------------------------- Redis server replies and logs
    ("Redis 7 reply", "-LOADING Redis is loading the dataset in memory", C.LOADING),
    (
        "Redis 7 reply",
        "-MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.",
        C.LOADING,
    ),
    (
        "Redis 7 cluster reply",
        "-TRYAGAIN Multiple keys request during rehashing of slot",
        C.LOADING,
    ),
    ("Redis 7 reply", "-NOREPLICAS Not enough good replicas to write.", C.LOADING),
    ("Redis 7 reply", "-NOAUTH Authentication required.", C.AUTH),
    (
        "Redis 7 reply",
        "-NOPERM this user has no permissions to access one of the keys used as arguments",
        C.AUTH,
    ),
    ("Redis 7 reply", "-OOM command not allowed when used memory > 'maxmemory'.", C.OOM),
    ("Redis 7 reply", "-CLUSTERDOWN Hash slot not served", C.CLUSTER),
    ("Redis 7 reply", "-ASK 3999 127.0.0.1:6381 (redis-cli)", C.CLUSTER),
    ("Redis 7 reply", "-ERR Protocol error: invalid multibulk length", C.PROTOCOL),
    ("Redis 7 reply", "-ERR Protocol error: invalid bulk length", C.PROTOCOL),
    (
        "redis-cli 7",
        "Could not connect to Redis at 127.0.0.1:6379: Connection refused",
        C.REFUSED,
    ),
    (
        "redis-cli 7",
        "Could not connect to Redis at redis.example:6379: Name or service not known",
        NX,
    ),
    ("redis-cli 7", "Error: Server closed the connection (redis-cli 127.0.0.1:6380)", C.RESET),
    (
        "Redis 7 replica log",
        "1:S 12 Mar 2024 10:00:00.123 # Error condition on socket for SYNC: Connection refused",
        C.REFUSED,
    ),
    (
        "Redis 6 replica log",
        "7:S 12 Mar 2024 10:00:00.123 # Error condition on socket for SYNC: No route to host",
        C.UNREACHABLE,
    ),
    (
        "Redis 7 replica log",
        "1:S 12 Mar 2024 10:00:05.000 # Error condition on socket for SYNC: Connection reset by peer",
        C.RESET,
    ),
    (
        "Redis 7 replica log",
        "1:S 12 Mar 2024 10:00:00.123 # MASTER aborted replication with an error: NOAUTH "
        "Authentication required.",
        C.AUTH,
    ),
    (
        "Redis 6 replica log",
        "1:S 12 Mar 2024 10:00:00.123 # Error reply to PING from master: '-NOAUTH Authentication required.'",
        C.AUTH,
    ),
    (
        "Redis 7 replica log",
        "1:S 12 Mar 2024 10:00:00.123 # Unable to connect to MASTER: Connection refused",
        C.REFUSED,
    ),
    (
        "Redis 7 replica log",
        "1:S 12 Mar 2024 10:00:00.123 # Timeout connecting to the MASTER...",
        C.TIMEOUT,
    ),
    (
        "Redis 7 replica log",
        "1:S 12 Mar 2024 10:01:00.000 # MASTER timeout: no data nor PING received...",
        C.TIMEOUT,
    ),
    (
        "Redis 7 replica log",
        "1:S 12 Mar 2024 10:00:00.123 # Connection with master lost.",
        C.RESET,
    ),
    (
        "Redis 7 master log",
        "1:M 12 Mar 2024 10:00:00.123 # Connection with replica 10.0.0.7:6379 lost.",
        C.RESET,
    ),
    (
        "Redis 7 log",
        "1:M 12 Mar 2024 10:00:00.123 # Can't save in background: fork: Cannot allocate memory",
        C.MISCONF,
    ),
    ("Redis 7 log", "1:M 12 Mar 2024 10:00:00.123 # Background saving error", C.MISCONF),
    (
        "Redis 7 log",
        "1:M 12 Mar 2024 10:00:00.123 # Failed opening the temp RDB file temp-1.rdb (in server root "
        "dir /data) for saving: Permission denied",
        C.MISCONF,
    ),
    (
        "Redis 6 log",
        "1:M 12 Mar 2024 10:00:00.123 # Write error saving DB on disk: No space left on device",
        C.MISCONF,
    ),
    (
        "Redis 7 log",
        "1:M 12 Mar 2024 10:00:00.123 # Error writing to the AOF file: No space left on device",
        C.MISCONF,
    ),
    (
        "Redis 7 log",
        "1:M 12 Mar 2024 10:00:00.123 # Possible SECURITY ATTACK detected. It looks like somebody is "
        "sending POST or Host: commands to Redis. This is likely due to an attacker attempting to use "
        "Cross Protocol Scripting to compromise your Redis instance. Connection aborted.",
        C.PROTOCOL,
    ),
    (
        "Redis 7 cluster log",
        "1:M 12 Mar 2024 10:00:00.123 * Cluster state changed: fail",
        C.CLUSTER,
    ),
    (
        "Redis 7 log",
        "1:M 12 Mar 2024 10:00:00.123 # Out Of Memory allocating 1048576 bytes!",
        C.OOM,
    ),
    # ---------------------------------------------------------------- shapes seen in public bug reports
    (
        "docker compose + redis-py 4.x traceback",
        'worker-1  |   File "/usr/local/lib/python3.10/site-packages/redis/connection.py", line 665, in _connect\n'
        "worker-1  |     sock.connect(socket_address)\n"
        "worker-1  | ConnectionRefusedError: [Errno 111] Connection refused",
        C.REFUSED,
    ),
    (
        "redis-py 4.x REPL traceback (frame without source)",
        "Traceback (most recent call last):\n"
        '  File "<stdin>", line 1, in <module>\n'
        "redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connection refused.",
        C.REFUSED,
    ),
    (
        "Synapse (txredisapi)",
        "2021-03-11 12:29:02,802 - synapse.replication.tcp.redis - 270 - INFO - Connection to redis "
        "server localhost:6379 failed: Connection was refused by other side: 111: Connection refused.",
        C.REFUSED,
    ),
    (
        "python-json-logger + redis-py 3.x",
        '{"message": "Error 111 connecting to ec2-3-4-5-6.compute-1.amazonaws.com:8029. ECONNREFUSED.", '
        '"levelname": "ERROR", "exc_info": "Traceback (most recent call last):\\n  File '
        '\\"/app/redis/connection.py\\", line 484, in connect\\nConnectionRefusedError: [Errno 111] ECONNREFUSED"}',
        C.REFUSED,
    ),
    (
        "go-redis v9.5",
        "redis: connection pool: failed to dial after 1 attempts: dial tcp 10.9.8.7:6379: i/o timeout",
        C.TIMEOUT,
    ),
    (
        "Go application + go-redis",
        "2022/02/21 21:39:42 ApplicationStartupError: Error while trying to connect to Redis: dial tcp 10.0.1.53:6379: i/o timeout",
        C.TIMEOUT,
    ),
    (
        "connect-redis (node_redis 0.x)",
        "500 Error: Redis connection 10.0.0.3:6379 failed - read ETIMEDOUT",
        C.TIMEOUT,
    ),
    (
        "Heroku router + ioredis 4.x",
        "Apr 08 17:17:45 app/web.1 [ioredis] Unhandled error event: Error: connect ETIMEDOUT",
        C.TIMEOUT,
    ),
    (
        "ioredis 4.x error object",
        "Error: connect ETIMEDOUT\n"
        "    at Socket.<anonymous> (/srv/node_modules/ioredis/built/redis/index.js:310:37)\n"
        "    at Socket._onTimeout (node:net:475:8) {\n"
        "  errorno: 'ETIMEDOUT',\n"
        "  code: 'ETIMEDOUT',\n"
        "  syscall: 'connect'\n"
        "}",
        C.TIMEOUT,
    ),
    (
        "Jedis 5.x",
        "redis.clients.jedis.exceptions.JedisException: Could not get a resource from the pool",
        C.OTHER,
    ),
    (
        "StackExchange.Redis 2.2",
        "StackExchange.Redis.RedisConnectionException: No connection is active/available to service "
        "this operation: GET sess_42, mc: 1/1/0, mgr: 10 of 10 available, clientName: web-1, v: 2.2.88.56325",
        C.OTHER,
    ),
    (
        "StackExchange.Redis 1.2",
        "No connection is available to service this operation: HSETNX user:9\n"
        " SocketClosed on cache-prod/Interactive, origin: ProcessReadBytes, input-buffer: 0, outstanding: 0",
        C.RESET,
    ),
    (
        "StackExchange.Redis 2.2",
        "Unhandled exception. StackExchange.Redis.RedisConnectionException: No connection is "
        "active/available to service this operation: SET k ; It was not possible to connect to the "
        "redis server(s). ConnectTimeout, mc: 1/1/0",
        C.TIMEOUT,
    ),
    (
        "RedLock.net + StackExchange.Redis",
        "Error locking lock instance cache:6380 (master, disconnected): No connection is available to "
        "service this operation: SET redlock:0cb7",
        C.OTHER,
    ),
    (
        "Sidekiq 3.x (Procfile)",
        "18:08:54 worker.1 | 2014-10-07T16:08:54.499Z 25067 TID-ot9yxdtv8 ERROR: heartbeat: Error "
        "connecting to Redis on 127.0.0.1:6379 (ECONNREFUSED)",
        C.REFUSED,
    ),
    (
        "Bugsnag + redis-rb 3.x",
        "**Redis::TimeoutError** in **sidekiq#default**\nConnection timed out",
        C.TIMEOUT,
    ),
    (
        "Spring Data Redis 2.x (Lettuce, epoll)",
        "Servlet.service() threw exception [Request processing failed; nested exception is "
        "org.springframework.data.redis.RedisSystemException: Redis exception; nested exception is "
        "io.lettuce.core.RedisException: io.netty.channel.unix.Errors$NativeIoException: "
        "syscall:read(..) failed: Connection reset by peer] with root cause",
        C.RESET,
    ),
    (
        "Lettuce 5.x on Windows (translated message)",
        "Caused by: java.io.IOException: The remote host has forced an existing connection to close.\n"
        "\tat sun.nio.ch.SocketDispatcher.read0(Native Method)\n"
        "\tat io.lettuce.core.protocol.CommandHandler.channelRead(CommandHandler.java:556)",
        C.RESET,
    ),
    (
        "Redis 7 replica in docker compose",
        "redis-1  | 1:S 14 Jul 2025 10:34:11.993 # Error condition on socket for SYNC: Connection refused",
        C.REFUSED,
    ),
    (
        "Redis 7 replica",
        "1246:S 17 Jul 2024 22:21:29.218 * Master is currently unable to PSYNC but should be in the "
        "future: -NOMASTERLINK Can't SYNC while not connected with my master",
        C.LOADING,
    ),
    (
        "Redis 6 replica (k8s)",
        "1:S 11 Jan 2023 00:49:34.722 # Unable to connect to MASTER: Invalid argument",
        C.OTHER,
    ),
    (
        "Redis 2.4 replica",
        "[2710] 17 Oct 16:56:30 # I/O error writing to MASTER: Connection refused",
        C.REFUSED,
    ),
    (
        "Laravel 6 (phpredis)",
        "[2019-12-08 15:49:43] local.ERROR: read error on connection to redis-master:6379 "
        '{"exception":"[object] (RedisException(code: 0): read error on connection to '
        "redis-master:6379 at /var/www/vendor/laravel/framework/src/Illuminate/Redis/Connections/Connection.php:111)",
        C.RESET,
    ),
    (
        "credis / phpredis",
        "Fatal error: Uncaught exception 'RedisException' with message 'read error on connection' in "
        "/srv/lib/Credis/Client.php:843",
        C.RESET,
    ),
    (
        "Celery 4.x on Windows",
        "[ERROR/MainProcess] consumer: Cannot connect to redis://:**@cache.example.cn:6379/12: Error "
        "11001 connecting to cache.example.cn:6379. Name or service not known.. Trying again in 2.00 seconds...",
        NX,
    ),
    (
        "Celery 5.x TLS broker",
        "[2025-07-23 16:45:16,254: ERROR/MainProcess] consumer: Cannot connect to rediss://cache.internal/5: "
        "Timeout connecting to server.",
        C.TIMEOUT,
    ),
    (
        "Celery 3.x",
        "[2015-11-20 18:18:08,590: ERROR/MainProcess] consumer: Cannot connect to redis://localhost:6379//: "
        "Error while reading from socket: (104, 'Connection reset by peer').",
        C.RESET,
    ),
    (
        "Celery 5.x",
        "[2023-03-13 11:15:58,007: INFO/MainProcess] Connected to redis://redis:6379/0",
        None,
    ),
    (
        "go-redis v6 (no Redis evidence)",
        "fea MGet err [read tcp 10.244.7.10:42208->10.33.3.156:19260: i/o timeout]",
        None,
    ),
    (
        "node-redis 4.x (path shows the client)",
        "Error: Socket closed unexpectedly\n"
        "    at Socket.<anonymous> (/app/node_modules/@node-redis/client/dist/lib/client/socket.js:182:118)",
        C.RESET,
    ),
    (
        "node-redis 4.x (class name only)",
        "client error SocketClosedUnexpectedlyError: Socket closed unexpectedly\n"
        "    at Socket.<anonymous> (/srv/app/socket.js:194:118)",
        C.RESET,
    ),
    (
        "phpredis 5.x TLS",
        "PHP Warning:  Redis::connect(): SSL operation failed with code 1. OpenSSL Error messages:\n"
        "error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed in /srv/t.php on line 12",
        C.TLS,
    ),
    (
        "phpredis 5.x TLS",
        "PHP Warning:  Redis::connect(): Failed to enable crypto in /srv/t.php on line 12",
        C.TLS,
    ),
    (
        "redis-cli 6 --tls",
        "Could not connect to Redis at cluster.cache.amazonaws.com:6379: SSL_connect failed: certificate verify failed",
        C.TLS,
    ),
    (
        "node_redis 2.x",
        "Redis connection to 127.0.0.1:6379 failed - connect Unknown system errno 105\n"
        "    at RedisClient.on_error (/srv/node_modules/redis/index.js:163:24)",
        C.OTHER,
    ),
    (
        "Redisson 3.28",
        'Exception in thread "main" org.redisson.client.RedisConnectionException: java.util.concurrent.TimeoutException\n'
        "\tat org.redisson.connection.MasterSlaveConnectionManager.doConnect(MasterSlaveConnectionManager.java:229)",
        C.TIMEOUT,
    ),
    (
        "node (no Redis evidence)",
        "Error: getaddrinfo ENOTFOUND host.docker.internal\n    at GetAddrInfoReqWrap.onlookup (node:dns:107:26)",
        None,
    ),
    # ---------------------------------------------------------------- Valkey (the Redis fork)
    (
        "valkey-py 6.x",
        "valkey.exceptions.ConnectionError: Error -2 connecting to cache.internal:6379. Name or service not known.",
        NX,
    ),
    ("valkey-server 8", "-LOADING Valkey is loading the dataset in memory", C.LOADING),
    (
        "valkey-server 8 replica log",
        "1:S 02 Apr 2025 09:00:00.000 # Error condition on socket for SYNC: Connection refused",
        C.REFUSED,
    ),
    (
        "valkey-glide 1.x",
        "ClosingError: Valkey connection failed: Connection refused (os error 111)",
        C.REFUSED,
    ),
    # ---------------------------------------------------------------- more server replies, redis-server start-up, aioredis
    ("redis-cli 7", "(error) MOVED 12539 127.0.0.1:7002", C.CLUSTER),
    (
        "redis-cli 7 via k8s probe",
        "Readiness probe failed: Could not connect to Redis at 127.0.0.1:6379: Connection refused",
        C.REFUSED,
    ),
    (
        "docker healthcheck",
        "redis-cli ping: (error) LOADING Redis is loading the dataset in memory",
        C.LOADING,
    ),
    (
        "Redis 7 log",
        "1:M 01 Feb 2024 08:00:00.000 # Short read or OOM loading DB. Unrecoverable error, aborting now.",
        C.OTHER,
    ),
    (
        "Redis 6 log",
        "1:M 01 Feb 2024 08:00:00.000 # Could not create server TCP listening socket *:6379: bind: Address already in use",
        C.OTHER,
    ),
    (
        "Redis 7 log",
        "1:M 01 Feb 2024 08:00:00.000 # Failed listening on port 6379 (tcp), aborting.",
        C.OTHER,
    ),
    (
        "Redis 7 reply",
        "-MISCONF Errors writing to the AOF file: No space left on device",
        C.MISCONF,
    ),
    ("aioredis 1.x", "aioredis.errors.ConnectionClosedError: Reader at end of file", C.RESET),
    (
        "aioredis 2.x",
        "aioredis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. Connect call failed ('127.0.0.1', 6379).",
        C.REFUSED,
    ),
    (
        "redis-py 2.10",
        "ConnectionError: Error 111 connecting localhost:6379. Connection refused.",
        C.REFUSED,
    ),
    ("Redis 7 reply", "-NOSCRIPT No matching script. Please use EVAL. (redis)", None),
    (
        "Redis 7 reply",
        "ReplyError: EXECABORT Transaction discarded because of previous errors.",
        None,
    ),
    ("Redis 7 reply", "ReplyError: BUSYKEY Target key name already exists.", None),
    ("Redis 7 log", "1:M 01 Feb 2024 08:00:00.000 # User requested shutdown...", None),
    ("Redis 7 log", "1:M 01 Feb 2024 08:00:00.000 * Received SIGTERM scheduling shutdown...", None),
    (
        "Python 3.11 ssl + redis-py",
        "redis.exceptions.ConnectionError: Error 1 connecting to cache:6380. [SSL] record layer failure (_ssl.c:2580).",
        C.TLS,
    ),
    ("go-redis v9 TLS", "redis: remote error: tls: unknown certificate authority", C.TLS),
    # ---------------------------------------------------------------- further client idioms
    (
        "node_redis 3.x",
        "AbortError: Connection forcefully ended and command aborted. (redis)",
        C.RESET,
    ),
    (
        "node_redis 3.x",
        "Error: Ready check failed: Redis connection lost and command aborted. It might have been processed.",
        C.RESET,
    ),
    (
        "ioredis 5.x",
        "Error: Stream isn't writeable and enableOfflineQueue options is false",
        C.OTHER,
    ),
    (
        "ioredis 5.x cluster",
        "ClusterAllFailedError: Failed to refresh slots cache.\nError: None of startup nodes is available (ioredis)",
        C.CLUSTER,
    ),
    ("redigo 1.8", "redigo: get on closed pool", C.OTHER),
    (
        "Jedis 3.x Windows",
        "redis.clients.jedis.exceptions.JedisConnectionException: java.net.SocketException: Software caused connection abort: recv failed",
        C.RESET,
    ),
    (
        "Jedis 4.x",
        "redis.clients.jedis.exceptions.JedisConnectionException: Attempting to read from a broken connection",
        C.RESET,
    ),
    (
        "Lettuce 6.x cluster",
        "io.lettuce.core.RedisException: Cannot retrieve initial cluster partitions from initial URIs [RedisURI [host='10.0.0.1', port=7000]]",
        C.CLUSTER,
    ),
    (
        "Lettuce 6.x",
        "io.lettuce.core.RedisException: Currently not connected. Commands are rejected.",
        C.OTHER,
    ),
    (
        "Redisson 3.x cluster",
        "org.redisson.client.RedisNodeNotFoundException: Node: NodeSource [slot=15339, addr=null] hasn't been discovered yet.",
        C.CLUSTER,
    ),
    (
        "Redisson 3.x",
        "org.redisson.client.RedisConnectionException: Can't connect to servers!",
        C.OTHER,
    ),
    ("redis-client 0.x", "RedisClient::ConnectionError: EOFError (redis://cache:6379)", C.RESET),
    (
        "phpredis 5.x cluster",
        "RedisClusterException: Timed out attempting to find data in the correct node!",
        C.TIMEOUT,
    ),
    (
        "StackExchange.Redis 2.x",
        "StackExchange.Redis.RedisConnectionException: It was not possible to connect to the redis server(s); to "
        "create a disconnected multiplexer, disable AbortOnConnectFail. SocketFailure on PING",
        C.RESET,
    ),
    (
        "channels_redis 4.x",
        "ConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', 6379)",
        C.REFUSED,
    ),
    (
        "RQ 1.x",
        "Could not connect to Redis instance: Error 111 connecting to localhost:6379. Connection refused.",
        C.REFUSED,
    ),
    ("redis-rs 0.2x cluster", "redis error: Moved: 866 10.0.0.3:7001", C.CLUSTER),
    ("redis-rs 0.2x", "redis error: LOADING: Redis is loading the dataset in memory", C.LOADING),
    ("go-redis v9 WATCH", "redis: transaction failed", None),
    (
        "predis 1.x (PHP stack trace)",
        "ERROR: Predis\\Connection\\ConnectionException: Connection timed out [tcp://127.0.0.1:6379] in "
        "/srv/vendor/predis/predis/src/Connection/AbstractConnection.php:155 Stack trace: #0 "
        "/srv/vendor/predis/predis/src/Connection/StreamConnection.php(128): "
        "Predis\\Connection\\AbstractConnection->onConnectionError('Connection time...', 110)",
        C.TIMEOUT,
    ),
    (
        "predis 1.x",
        "Predis\\Connection\\ConnectionException: Error while writing bytes to the server",
        C.RESET,
    ),
    (
        "Laravel 5 (phpredis)",
        "[2017-07-04 09:55:55] local.ERROR: exception 'ErrorException' with message 'Redis::connect(): "
        "connect() failed: Connection timed out' in /srv/vendor/laravel-phpredis/src/Database.php:95",
        C.TIMEOUT,
    ),
    ("php-resque (Credis)", "Connection to Redis failed after 1 failures", C.OTHER),
    (
        "redis-client 0.18 (Sidekiq 7)",
        "RedisClient::CannotConnectError: getaddrinfo_a: All requests done",
        TMP,
    ),
    (
        "redis-client 0.10 (Sidekiq 7)",
        "2022-10-28T23:44:09.287Z pid=2465 tid=kax WARN: RedisClient::ConnectionError: Not connected",
        C.OTHER,
    ),
    (
        "Sidekiq 7 on Redis 5",
        "2022-11-01T10:00:00.000Z pid=7 tid=1 ERROR: heartbeat: ERR unknown command 'HELLO'",
        C.PROTOCOL,
    ),
    ("go-redis v9", "dial tcp: address redis-cache: missing port in address", C.OTHER),
    (
        "redis-py 5.x",
        "ValueError: Redis URL must specify one of the following schemes (redis://, rediss://, unix://)",
        C.OTHER,
    ),
    (
        "redis-rs 0.20 read timeout",
        "redis: Resource temporarily unavailable (os error 11)",
        C.TIMEOUT,
    ),
    (
        "go-redis v9 (cgo resolver)",
        "dial tcp: lookup redis on [::1]:53: dial udp [::1]:53: connect: network is unreachable",
        TMP,
    ),
    (
        "Jedis 4.x TLS to plain port",
        "redis.clients.jedis.exceptions.JedisConnectionException: javax.net.ssl.SSLException: Unrecognized SSL message, plaintext connection?",
        C.TLS,
    ),
    # ---------------------------------------------------------------- other locales (the code decides)
    (
        "redis-py 4.x Windows es_ES",
        "Error 10061 connecting to localhost:6379. No se puede establecer una conexión ya que el equipo de destino denegó expresamente dicha conexión.",
        C.REFUSED,
    ),
    (
        "redis-py 5.x ru_RU",
        "redis.exceptions.ConnectionError: Error 111 connecting to 10.0.0.5:6379. Отказано в соединении.",
        C.REFUSED,
    ),
    (
        "redis-py 5.x ja_JP",
        "redis.exceptions.ConnectionError: Error 110 connecting to 10.0.0.5:6379. 接続がタイムアウトしました.",
        C.TIMEOUT,
    ),
    (
        "redis-py 4.x Windows fr_FR",
        "Error 10054 while writing to socket. Une connexion existante a dû être fermée par l’hôte distant.",  # noqa: RUF001 - the real apostrophe
        C.RESET,
    ),
    (
        "redis-py 4.x Windows de_DE",
        "Error 11001 connecting to cache:6379. Der angegebene Host ist unbekannt.",
        NX,
    ),
    (
        "Jedis 3.x fr_FR",
        "redis.clients.jedis.exceptions.JedisConnectionException: java.net.ConnectException: Connexion refusée (Connection refused)",
        C.REFUSED,
    ),
    (
        "redis-rs 0.2x zh_CN Windows",
        "redis error: 由于目标计算机积极拒绝，无法连接。 (os error 10061)",  # noqa: RUF001 - the real full-width comma
        C.REFUSED,
    ),
    # ---------------------------------------------------------------- look-alikes: not Redis failures
    (
        "Maven build",
        "[ERROR] Failed to resolve dependency redis.clients:jedis:jar:5.1.0 in central",
        None,
    ),
    (
        "ioredis 5.x options dump",
        "Redis options: { host: 'cache.internal', port: 6380, tls: {}, connectTimeout: 10000 }",
        None,
    ),
    (
        "StackExchange.Redis 2.x config",
        "Connecting to redis: cache:6380,ssl=True,abortConnect=False,connectTimeout=5000,syncTimeout=5000",
        None,
    ),
    (
        "Lettuce 6.x config",
        "RedisURI [host='redis', port=6379], commandTimeout=PT1M, socket timeout: 10s",
        None,
    ),
    (
        "psycopg2 2.9",
        "psycopg2.OperationalError: could not connect to server: Connection refused\n"
        '\tIs the server running on host "localhost" (127.0.0.1) and accepting\n'
        "\tTCP/IP connections on port 5432?",
        None,
    ),
    (
        "psycopg 3",
        'psycopg.OperationalError: connection failed: connection to server at "10.0.0.4", port '
        "5432 failed: Connection timed out",
        None,
    ),
    ("node http", "Error: getaddrinfo ENOTFOUND api.example.com", None),
    (
        "node fetch",
        "FetchError: request to https://api.example.com/v1 failed, reason: getaddrinfo EAI_AGAIN api.example.com",
        None,
    ),
    ("amqplib", "Error: connect ECONNREFUSED 127.0.0.1:5672", None),
    (
        "Celery 5.x amqp broker",
        "[ERROR/MainProcess] consumer: Cannot connect to amqp://guest:**@127.0.0.1:5672//: [Errno 111] "
        "Connection refused.",
        None,
    ),
    (
        "pika 1.x",
        "pika.exceptions.AMQPConnectionError: Connection to 10.0.0.3:5672 failed: [Errno 111] Connection refused",
        None,
    ),
    (
        "sarama (Kafka)",
        "kafka: client has run out of available brokers to talk to: dial tcp 10.0.0.5:9092: connect: "
        "connection refused",
        None,
    ),
    (
        "pgx",
        "failed to connect to `host=db user=app database=app`: dial error (dial tcp 10.0.0.9:5432: connect: connection refused)",
        None,
    ),
    ("PHP PDO MySQL", "SQLSTATE[HY000] [2002] Connection refused", None),
    (
        "MySQL Connector/J",
        "com.mysql.cj.jdbc.exceptions.CommunicationsException: Communications link failure",
        None,
    ),
    (
        "requests 2.x",
        "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.example.com', port=443): "
        "Max retries exceeded with url: /v1 (Caused by NewConnectionError('<urllib3.connection."
        "HTTPSConnection object at 0x7f>: Failed to establish a new connection: [Errno -2] Name or "
        "service not known'))",
        None,
    ),
    (
        "MongoDB node driver",
        "MongoNetworkError: failed to connect to server [localhost:27017] on first connect [Error: "
        "connect ECONNREFUSED 127.0.0.1:27017]",
        None,
    ),
    (
        "elasticsearch-py",
        "elasticsearch.exceptions.ConnectionTimeout: ConnectionTimeout caused by - ReadTimeoutError("
        "HTTPConnectionPool(host='es', port=9200): Read timed out. (read timeout=10))",
        None,
    ),
    ("pymemcache", "memcache: connect to 127.0.0.1:11211 failed: Connection refused", None),
    (
        "Go net/http",
        'Get "https://api.example.com/health": dial tcp: lookup api.example.com on 10.0.0.2:53: no such host',
        None,
    ),
    (
        "Go net/http",
        'Get "http://10.0.0.8:8080/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
        None,
    ),
    (
        "Java HTTP",
        "java.net.UnknownHostException: api.example.com: Name or service not known",
        None,
    ),
    (
        "Java JDBC",
        "java.net.ConnectException: Connection refused (Connection refused) jdbc:postgresql://db:5432/app",
        None,
    ),
    (
        "Ruby Faraday",
        "Faraday::ConnectionFailed: Failed to open TCP connection to api.example.com:443 (getaddrinfo: Name or service not known)",
        None,
    ),
    ("curl", "curl: (6) Could not resolve host: api.example.com", None),
    (
        "curl",
        "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Connection refused",
        None,
    ),
    (
        "nginx",
        'connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, upstream: "http://127.0.0.1:3000/"',
        None,
    ),
    ("OpenSSH", "ssh: connect to host 10.0.0.5 port 22: Connection timed out", None),
    (
        "Python TLS to HTTPS API",
        "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed (api.example.com:443)",
        None,
    ),
    (
        "Go TLS to HTTPS API",
        'Get "https://api.example.com": x509: certificate signed by unknown authority',
        None,
    ),
    (
        "systemd",
        "systemd[1]: postgresql.service: Main process exited, code=exited, status=1/FAILURE",
        None,
    ),
    ("Python", "TimeoutError: [Errno 110] Connection timed out (smtp.example.com:587)", None),
    ("redis-server 7", "1:M 12 Mar 2024 10:00:00.123 * Ready to accept connections tcp", None),
    ("redis-server 7", "1:M 12 Mar 2024 10:00:00.100 * Server initialized", None),
    ("redis-server 7", "1:M 12 Mar 2024 10:00:00.110 * DB loaded from disk: 0.002 seconds", None),
    (
        "redis-server 7",
        "1:S 12 Mar 2024 10:00:00.200 * MASTER <-> REPLICA sync: Finished with success",
        None,
    ),
    (
        "redis-server 7",
        "1:M 12 Mar 2024 10:00:00.300 * Background saving terminated with success",
        None,
    ),
    ("redis-server 7", "1:M 12 Mar 2024 10:00:00.400 * Cluster state changed: ok", None),
    ("redis-server 7", "1:S 12 Mar 2024 10:00:00.500 * Connecting to MASTER 10.0.0.5:6379", None),
    (
        "redis-server 7",
        "1:C 12 Mar 2024 10:00:00.000 # Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=1, just started",
        None,
    ),
    (
        "redis-server 7",
        "1:M 12 Mar 2024 10:00:00.000 * Synchronization with replica 10.0.0.7:6379 succeeded",
        None,
    ),
    ("application", "Connected to Redis at redis://cache:6379/0", None),
    ("redis-cli", "+PONG", None),
    ("node-redis 4.x docs", "Redis client connected", None),
    ("application", "Reconnected to Redis after 3 attempts (last error: ECONNREFUSED)", None),
    ("go-redis v9", "redis: nil", None),
    (
        "Redis 7 reply",
        "WRONGTYPE Operation against a key holding the wrong kind of value (redis)",
        None,
    ),
    (
        "Redis 7 reply",
        "redis.exceptions.ResponseError: unknown command 'FOO', with args beginning with:",
        None,
    ),
    ("application", "Redis cache hit ratio 0.93 (6379 keys sampled)", None),
    (
        "Sidekiq 7.x",
        'Sidekiq 7.2.0 connecting to Redis with options {:size=>10, :pool_name=>"internal", :url=>"redis://redis:6379/0"}',
        None,
    ),
    ("ioredis 5.x", "[ioredis] Connected to 127.0.0.1:6379 (ready)", None),
    ("Celery 5.x", "[INFO/MainProcess] Connected to redis://redis:6379/0", None),
    (
        "Spring Boot",
        "o.s.d.r.c.RedisConnectionFactory: Redis connection established with timeout 2000ms",
        None,
    ),
)
