"""What other clients do during the same outage: the baselines `simulate` compares against.

Each baseline is data, not code: how many connection attempts one failed application operation
makes and how long it blocks (per-operation retries, as in redis-py and go-redis), or the
background reconnect schedule a library runs on its own (ioredis, gRPC), and who writes a log line
when. The simulator turns these numbers into counts on the scenario's clock. Every number says
where it comes from; the redisdoctor policy itself is not here: `simulate` drives the real
`redisdoctor.state.ConnectionState` for it.

Sources (read in November 2026):

- naive: the seed's "before" client (`utils.redis_client_production`): every operation opens a
  connection, fails once and logs one WARNING ("Redis connection failed: Error -2 connecting
  to ..."). redis-py 5.x behaves like this by default (`Retry(NoBackoff(), 0)` unless
  `retry_on_timeout`/`retry_on_error` is set).
- redis-py 6.x/7.x: `Redis.__init__` default `retry=Retry(backoff=ExponentialWithJitterBackoff(
  base=1, cap=10), retries=3)`, and `Connection.connect()` runs the connect under that retry, so a
  failed operation makes 4 attempts with backoffs `min(10, random() * 1 * 2**f)` for f = 1, 2, 3
  (redis/client.py, redis/backoff.py of 6.0-7.x). `socket_connect_timeout` defaults to None: the
  kernel's connect timeout applies (Linux, tcp_syn_retries=6: about 127 s).
- redis-py 8.x: redis/_defaults.py of the installed 8.1: `DEFAULT_RETRY_COUNT = 10`,
  `DEFAULT_RETRY_BASE = 0.01`, `DEFAULT_RETRY_CAP = 1`, `DEFAULT_SOCKET_CONNECT_TIMEOUT = 5`;
  redis/client.py builds `Retry(ExponentialWithJitterBackoff(base=0.01, cap=1), 10)`, and
  `Connection.connect()` retries the whole connect: 11 attempts per failed operation.
- go-redis v9: `Options.MaxRetries` 3, `MinRetryBackoff` 8 ms, `MaxRetryBackoff` 512 ms (the
  backoff before retry n is `min + rand(min << n)`, capped at max: internal.RetryBackoff);
  `DialTimeout` 5 s. Its pool stops dialing after `PoolSize` failed dials (10 per CPU): commands
  then fail fast with the last dial error (and retry, sleeping the backoffs, against that same
  error) while one goroutine redials every second (internal/pool `tryDial`). Modelled as that
  1 s redial loop plus fast-failing commands (the first PoolSize dials are left out).
- ioredis 5: `retryStrategy` default `times => Math.min(times * 50, 2000)` ms, reconnecting in the
  background forever; `maxRetriesPerRequest` 20: a queued command fails after 20 failed
  reconnects; `connectTimeout` 10 s. Without an `error` listener every failed reconnect prints
  "[ioredis] Unhandled error event" (one log line per attempt).
- gRPC connection backoff (grpc/doc/connection-backoff.md): INITIAL_BACKOFF 1 s, MULTIPLIER 1.6,
  JITTER 0.2, MAX_BACKOFF 120 s, MIN_CONNECT_TIMEOUT 20 s; calls fail fast with UNAVAILABLE while
  the channel is in TRANSIENT_FAILURE (wait_for_ready false), and the application logs each
  failed call.

In every baseline the application logs each failed operation once at WARNING (as the seed's did).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Linux's connect() timeout when nothing answers and no timeout is set (tcp_syn_retries = 6).
LINUX_CONNECT_TIMEOUT = 127.0


@dataclass(frozen=True, slots=True)
class Reconnect:
    """A library's background reconnect schedule: delay(n) = min(initial * factor**(n-1) +
    step * n, cap) * (1 +- jitter), n counting failed attempts from 1."""

    initial: float
    factor: float
    step: float
    cap: float
    jitter: float

    def nominal(self, n: int) -> float:
        """The n-th delay before jitter."""
        if self.factor == 1.0:
            value = self.initial + self.step * n
        else:
            value = self.initial * self.factor ** min(n - 1, 200) + self.step * n
        return min(value, self.cap)


@dataclass(frozen=True, slots=True)
class Baseline:
    """One comparison client: its retry numbers, timeouts and logging.

    `retry_backoff` holds (mean, variance) of the backoff before each extra attempt of one
    operation (its length is the number of retries). `reconnect` is a background reconnect loop
    (then operations do not connect themselves). `op_waits_reconnects` makes an operation wait
    for that many failed reconnects before it fails (ioredis' maxRetriesPerRequest).
    `serves_fallback`: a failed operation is then served from memory (the seed's client had an
    in-memory fallback; plain libraries raise to the application).
    """

    name: str
    label: str
    source: str
    connect_timeout: float
    retry_backoff: tuple[tuple[float, float], ...] = ()
    reconnect: Reconnect | None = None
    op_waits_reconnects: int = 0
    log_per_attempt: bool = False
    serves_fallback: bool = False

    @property
    def attempts_per_op(self) -> int:
        """Connection attempts one failed operation makes (0: the library reconnects alone)."""
        return 0 if self.reconnect is not None else 1 + len(self.retry_backoff)

    def backoff_moments(self) -> tuple[float, float]:
        """Mean and variance of the total backoff one failed operation sleeps."""
        mean = sum(m for m, _ in self.retry_backoff)
        var = sum(v for _, v in self.retry_backoff)
        return mean, var


def _min_cap_uniform(scale: float, cap: float) -> tuple[float, float]:
    """Mean and variance of min(cap, U * scale), U uniform in [0, 1) (redis-py's
    ExponentialWithJitterBackoff.compute)."""
    if scale <= cap:
        return scale / 2.0, scale * scale / 12.0
    mean = cap - cap * cap / (2.0 * scale)
    second = cap * cap - 2.0 * cap**3 / (3.0 * scale)
    return mean, max(0.0, second - mean * mean)


def _redis_py_retry(base: float, cap: float, retries: int) -> tuple[tuple[float, float], ...]:
    return tuple(_min_cap_uniform(base * 2**f, cap) for f in range(1, retries + 1))


def _go_redis_retry(
    minimum: float, maximum: float, retries: int
) -> tuple[tuple[float, float], ...]:
    out = []
    for n in range(1, retries + 1):
        span = minimum * 2**n
        # min + U*span, capped at max: treat as min(max, min + U * span)
        mean_part, var_part = _min_cap_uniform(span, maximum - minimum)
        out.append((minimum + mean_part, var_part))
    return tuple(out)


NAIVE = Baseline(
    name="naive",
    label="naive (seed's before)",
    source="the seed's client: one connect per operation, one WARNING per failed operation, "
    "then its in-memory fallback",
    connect_timeout=math.nan,  # the scenario's --connect-timeout
    serves_fallback=True,
)

REDIS_PY_7 = Baseline(
    name="redis-py-7",
    label="redis-py 6.x/7.x defaults",
    source="Retry(ExponentialWithJitterBackoff(base=1, cap=10), retries=3); "
    "socket_connect_timeout=None (kernel, ~127 s)",
    connect_timeout=LINUX_CONNECT_TIMEOUT,
    retry_backoff=_redis_py_retry(1.0, 10.0, 3),
)

REDIS_PY_8 = Baseline(
    name="redis-py-8",
    label="redis-py 8.x defaults",
    source="redis/_defaults.py 8.1: Retry(ExponentialWithJitterBackoff(base=0.01, cap=1), 10); "
    "socket_connect_timeout=5",
    connect_timeout=5.0,
    retry_backoff=_redis_py_retry(0.01, 1.0, 10),
)

GO_REDIS = Baseline(
    name="go-redis",
    label="go-redis v9 defaults",
    source="MaxRetries 3 (backoff 8-512 ms) per command; after PoolSize failed dials the pool "
    "fails fast and redials once a second (pool.tryDial); DialTimeout 5 s",
    connect_timeout=5.0,
    retry_backoff=_go_redis_retry(0.008, 0.512, 3),
    reconnect=Reconnect(initial=1.0, factor=1.0, step=0.0, cap=1.0, jitter=0.0),
)

IOREDIS = Baseline(
    name="ioredis",
    label="ioredis 5 defaults",
    source="retryStrategy min(times*50, 2000) ms forever, maxRetriesPerRequest 20, "
    "connectTimeout 10 s, 'Unhandled error event' per failed reconnect",
    connect_timeout=10.0,
    reconnect=Reconnect(initial=0.0, factor=1.0, step=0.05, cap=2.0, jitter=0.0),
    op_waits_reconnects=20,
    log_per_attempt=True,
)

GRPC = Baseline(
    name="grpc",
    label="gRPC connection backoff",
    source="INITIAL_BACKOFF 1 s, MULTIPLIER 1.6, JITTER 0.2, MAX_BACKOFF 120 s, "
    "MIN_CONNECT_TIMEOUT 20 s; calls fail fast",
    connect_timeout=20.0,
    reconnect=Reconnect(initial=1.0, factor=1.6, step=0.0, cap=120.0, jitter=0.2),
)

BASELINES: tuple[Baseline, ...] = (NAIVE, REDIS_PY_7, REDIS_PY_8, GO_REDIS, IOREDIS, GRPC)


def baseline(name: str) -> Baseline:
    """The baseline called `name`."""
    for known in BASELINES:
        if known.name == name:
            return known
    raise KeyError(name)
