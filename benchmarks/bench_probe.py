"""Benchmark: whole-process wall time of `redisdoctor probe URL` next to `redis-cli -u URL ping`.

Starts a throwaway redis-server on a free loopback port, then runs the two commands alternately,
N times each, and prints both medians and the difference. Also measures the import time of
`redisdoctor --help` and of the probe itself (python -X importtime), and checks that `--help`
imports neither redis-py nor dnspython, and that a probe through a pipe does not import rich.

The commands run with bytecode caching on, as for any installed package (an environment that sets
PYTHONDONTWRITEBYTECODE would otherwise recompile redisdoctor's sources on every start); the cache
goes to a temporary PYTHONPYCACHEPREFIX, never into the checkout.

    .venv/bin/python benchmarks/bench_probe.py [--runs 20]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent

from local_redis import start_redis  # noqa: E402

ENV = dict(os.environ)


def wall(cmd: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=ENV
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{cmd[0]} exited {done.returncode}")
    return elapsed


def import_time(
    *args: str, heavy_roots: tuple[str, ...] = ("redis", "dns")
) -> tuple[float, list[str]]:
    """Total import time (ms) of `redisdoctor ARGS` and the modules under `heavy_roots` it
    imported."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "redisdoctor", *args],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    total_us = 0
    heavy: list[str] = []
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3 or not parts[0].strip().isdigit():
            continue  # the header line
        raw = parts[2]
        if len(raw) - len(raw.lstrip()) == 1:  # a top-level import (nested ones are indented)
            total_us += int(parts[1])
        if raw.strip().split(".")[0] in heavy_roots:
            heavy.append(raw.strip())
    return total_us / 1000, heavy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each command")
    args = parser.parse_args()
    redis_cli = shutil.which("redis-cli")
    if redis_cli is None:
        raise SystemExit("redis-cli not found on PATH")
    redisdoctor = str(VENV_BIN / "redisdoctor")
    with tempfile.TemporaryDirectory() as workdir:
        ENV.pop("PYTHONDONTWRITEBYTECODE", None)
        ENV["PYTHONPYCACHEPREFIX"] = str(Path(workdir) / "pycache")
        proc, port = start_redis(Path(workdir))
        url = f"redis://127.0.0.1:{port}/0"
        try:
            ours: list[float] = []
            theirs: list[float] = []
            baseline: list[float] = []
            wall([redisdoctor, "probe", url])  # warm the page cache once for both
            wall([redis_cli, "-u", url, "ping"])
            for _ in range(args.runs):
                ours.append(wall([redisdoctor, "probe", url]))
                theirs.append(wall([redis_cli, "-u", url, "ping"]))
                # --version: interpreter + CLI start-up, without rendering rich help text.
                baseline.append(wall([redisdoctor, "--version"]))
            # The best of 5: one import-time run is at the mercy of the machine's other load.
            help_imports = min(import_time("--help") for _ in range(5))
            probe_imports = min(
                import_time("probe", url, heavy_roots=("rich", "redis")) for _ in range(5)
            )
        finally:
            proc.terminate()
            proc.wait(10)
    ours_ms = statistics.median(ours) * 1000
    theirs_ms = statistics.median(theirs) * 1000
    print(f"runs each:                      {args.runs} (alternated)")
    print(f"redisdoctor probe URL  median:  {ours_ms:8.1f} ms")
    print(f"redis-cli -u URL ping  median:  {theirs_ms:8.1f} ms")
    print(f"difference:                     {ours_ms - theirs_ms:8.1f} ms")
    start_ms = statistics.median(baseline) * 1000
    print(f"redisdoctor --version  median:  {start_ms:8.1f} ms (interpreter + CLI start-up)")
    print(f"probe beyond start-up:          {ours_ms - start_ms:8.1f} ms")
    total_ms, heavy = help_imports
    print(f"redisdoctor --help imports:     {total_ms:8.1f} ms (python -X importtime, best of 5)")
    print(f"redis / dns imported by --help: {', '.join(heavy) or 'none'}")
    probe_ms, probe_heavy = probe_imports
    print(f"redisdoctor probe URL imports:  {probe_ms:8.1f} ms (stdout not a terminal)")
    print(f"rich / redis imported by probe: {', '.join(probe_heavy) or 'none'}")
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"load average (1, 5, 15 min):    {load} on {os.cpu_count()} CPUs")
    if heavy or probe_heavy:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
