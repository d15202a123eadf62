"""Benchmark ResilientRedis: healthy-path overhead vs raw redis-py, and degraded-path cost.

Run from the repository root:  .venv/bin/python benchmarks/bench_client.py [--pairs 100000]

Healthy: GET/SET pairs through ResilientRedis and through the raw redis-py client against the same
local redis-server (started here on a free port), alternated in rounds within one run so both see
the same machine load. Budget: overhead <= 5%.

Degraded: a client whose Redis refuses connections, after the outage started; the median per-op
cost of commands served by the fallback (budget <= 10 µs), with socket connect / getaddrinfo /
send / recv counted while they run (budget: zero). Optionally `--strace` re-runs the degraded loop
under `strace -f -e trace=network` and counts the network syscalls it saw.
"""

from __future__ import annotations

import argparse
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from local_redis import free_port, start_redis  # noqa: E402

from redisdoctor.backoff import BackoffPolicy  # noqa: E402
from redisdoctor.client import ResilientRedis  # noqa: E402


def pairs(client: object, n: int) -> float:
    set_, get = client.set, client.get  # type: ignore[attr-defined]
    start = time.perf_counter()
    for i in range(n):
        set_("bench:key", i)
        get("bench:key")
    return time.perf_counter() - start


def healthy(port: int, total_pairs: int, rounds: int) -> None:
    raw = redis.Redis(port=port, retry=Retry(NoBackoff(), 0), socket_timeout=2.0)
    wrapped = ResilientRedis.from_url(f"redis://127.0.0.1:{port}/0")
    per_round = total_pairs // rounds
    pairs(raw, 2000)  # warm both connections and code paths
    pairs(wrapped, 2000)
    raw_times: list[float] = []
    wrapped_times: list[float] = []
    for r in range(rounds):
        order: list[tuple[list[float], object]] = [(raw_times, raw), (wrapped_times, wrapped)]
        if r % 2:
            order.reverse()
        for bucket, client in order:
            bucket.append(pairs(client, per_round))
    raw_total, wrapped_total = sum(raw_times), sum(wrapped_times)
    ratio = wrapped_total / raw_total
    median_ratio = statistics.median(w / r for w, r in zip(wrapped_times, raw_times, strict=True))
    print(f"healthy: {rounds} rounds x {per_round} GET/SET pairs each, alternated")
    print(f"  raw redis-py      {raw_total:8.3f} s  ({raw_total / total_pairs * 1e6:6.2f} µs/pair)")
    print(
        f"  ResilientRedis    {wrapped_total:8.3f} s  "
        f"({wrapped_total / total_pairs * 1e6:6.2f} µs/pair)"
    )
    best_ratio = min(wrapped_times) / min(raw_times)
    print(
        f"  overhead ratio    {ratio:.4f} (total), {median_ratio:.4f} (median of rounds),"
        f" {best_ratio:.4f} (best round vs best round)"
    )
    print(
        f"  verdict on the median of rounds: {median_ratio:.4f}"
        f"  -> {'OK' if median_ratio <= 1.05 else 'OVER BUDGET'} (<= 1.05; the median resists"
        " other processes' load spikes)"
    )
    assert wrapped.get_status()["status"] == "healthy"
    dispatch_overhead(raw_total / total_pairs)


class _Stub:
    """Answers GET/SET at once, so the wrapper's own per-call cost can be measured alone."""

    def set(self, name: object, value: object) -> bool:
        return True

    def get(self, name: object) -> bytes:
        return b"1"


def dispatch_overhead(raw_pair_seconds: float) -> None:
    stub = _Stub()
    wrapped = ResilientRedis.from_url("redis://127.0.0.1:1/0")
    wrapped._redis = stub  # type: ignore[assignment]
    n = 200_000
    direct = min(pairs(stub, n) for _ in range(5)) / n
    through = min(pairs(wrapped, n) for _ in range(5)) / n
    added = through - direct
    print(
        f"  wrapper's own cost (stub backend, no network): {added * 1e9:.0f} ns per GET/SET pair"
        f" = {added / raw_pair_seconds * 100:.2f}% of a raw redis-py pair here"
    )


class NetworkCounter:
    """Counts socket connects, DNS lookups, sends and receives while installed."""

    def __init__(self) -> None:
        self.calls = 0
        self._saved: list[tuple[object, str, object]] = []

    def _wrap(self, owner: object, name: str) -> None:
        original = getattr(owner, name)

        def counted(*args: object, **kwargs: object) -> object:
            self.calls += 1
            return original(*args, **kwargs)

        self._saved.append((owner, name, original))
        setattr(owner, name, counted)

    def __enter__(self) -> NetworkCounter:
        self._wrap(socket, "getaddrinfo")
        self._wrap(socket, "create_connection")
        for name in ("connect", "connect_ex", "send", "sendall", "recv", "recv_into"):
            self._wrap(socket.socket, name)
        return self

    def __exit__(self, *exc: object) -> None:
        for owner, name, original in reversed(self._saved):
            setattr(owner, name, original)


def degraded_client() -> ResilientRedis:
    port = free_port()  # nothing listens there: ECONNREFUSED
    client = ResilientRedis.from_url(
        f"redis://127.0.0.1:{port}/0", policy=BackoffPolicy(jitter=0), rng=random.Random(0)
    )
    client.set("warm", "1")  # the outage starts; the next attempt is 30 s away
    assert client.get_status()["fallback_mode"] is True
    return client


def degraded_loop(client: ResilientRedis, n: int) -> None:
    for i in range(n):
        client.set("bench:key", i)
        client.get("bench:key")


DEGRADED_BUDGET = 10e-6


def median_per_op(op: Callable[[], object], batch: int = 1000, batches: int = 50) -> float:
    samples = []
    for _ in range(batches):
        start = time.perf_counter()
        for _ in range(batch):
            op()
        samples.append((time.perf_counter() - start) / batch)
    return statistics.median(samples)


def fakeredis_costs() -> dict[str, float]:
    """GET and SET on fakeredis, the well-kept library the issue suggests for the fallback (none
    without the `bench` extra, which installs it)."""
    try:
        import fakeredis
    except ImportError:
        print("  fakeredis is not installed (pip install -e '.[bench]'): no comparison")
        return {}

    fake = fakeredis.FakeRedis()
    fake.set("k", "v")
    return {
        "GET": median_per_op(lambda: fake.get("k"), batch=200, batches=25),
        "SET": median_per_op(lambda: fake.set("k", "v"), batch=200, batches=25),
    }


def degraded(use_strace: bool) -> None:
    client = degraded_client()
    client.set("k", "v")
    client.hset("h", "f", "v")
    client.rpush("l", "a", "b", "c")
    with NetworkCounter() as counter:
        costs = {
            "GET": median_per_op(lambda: client.get("k")),
            "SET": median_per_op(lambda: client.set("k", "v")),
            "SET EX": median_per_op(lambda: client.set("k", "v", ex=60)),
            "INCR": median_per_op(lambda: client.incr("n")),
            "HGET": median_per_op(lambda: client.hget("h", "f")),
            "LRANGE": median_per_op(lambda: client.lrange("l", 0, -1)),
        }
        degraded_loop(client, 50_000)
    print("degraded (served by the in-memory fallback), median per op, ratio to the 10 µs budget:")
    for name, cost in costs.items():
        verdict = "OK" if cost <= DEGRADED_BUDGET else "OVER BUDGET"
        print(f"  {name:8s} {cost * 1e6:6.2f} µs  {cost / DEGRADED_BUDGET:5.2f}  {verdict}")
    fake = fakeredis_costs()
    for name, cost in fake.items():
        print(
            f"  fakeredis {name} (the library candidate, for comparison): {cost * 1e6:6.2f} µs"
            f" = {cost / DEGRADED_BUDGET:.1f} x the budget, {cost / costs[name]:.0f} x the fallback"
        )
    print(f"  network calls while degraded (connect/getaddrinfo/send/recv): {counter.calls}")
    print(f"  status: {client.get_status()['fallback_ops']} fallback ops served")
    if use_strace and shutil.which("strace"):
        code = (
            f"import sys; sys.path.insert(0, {str(ROOT)!r}); "
            "from benchmarks.bench_client import *; "
            "c = degraded_client(); import os; os.write(2, b'--MARK--\\n'); "
            "degraded_loop(c, 20000); os.write(2, b'--END--\\n')"
        )
        result = subprocess.run(
            ["strace", "-f", "-e", "trace=network,write", sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=False,
        )
        trace = result.stderr.split("--MARK--", 1)[-1].split("--END--", 1)[0]
        network = [line for line in trace.splitlines() if "write(" not in line and "(" in line]
        print(f"  strace -e trace=network during 20,000 degraded SET+GET: {len(network)} syscalls")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--strace", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        proc, port = start_redis(Path(workdir))
        try:
            healthy(port, args.pairs, args.rounds)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    degraded(args.strace)


if __name__ == "__main__":
    main()
