"""How `redisdoctor simulate` scales: wall time with hours and clients (a script, not a test).

    .venv/bin/python benchmarks/bench_simulate.py            # the full grid (~1 min)
    .venv/bin/python benchmarks/bench_simulate.py --quick    # the two targets only

Targets (issue 6): `simulate --hours 24` well under 1 s including start-up; `simulate --hours 720
--clients 1000` under 10 s on a 2-core machine. Each figure is the best of `--repeat` runs of the
installed entry point in a subprocess (start-up included), plus the in-process time of
`redisdoctor.simulate.simulate` and the state machine's event count, so the growth with events
(not operations) shows. The machine is shared: the load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / ".venv" / "bin" / "redisdoctor"


def cli_seconds(args: list[str], repeat: int) -> tuple[float, dict[str, object]]:
    """Best wall time of the CLI with `args` (and --json), and its report."""
    best = float("inf")
    report: dict[str, object] = {}
    for _ in range(repeat):
        started = time.perf_counter()
        done = subprocess.run(
            [str(CLI), "simulate", "--json", *args], capture_output=True, check=True, text=True
        )
        best = min(best, time.perf_counter() - started)
        report = json.loads(done.stdout)["report"]
    return best, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="only the two targets")
    parser.add_argument("--repeat", type=int, default=3, help="runs per point (best is kept)")
    options = parser.parse_args()

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {os.getloadavg()}")
    started = time.perf_counter()
    subprocess.run([str(CLI), "--help"], capture_output=True, check=True)
    print(f"start-up (redisdoctor --help): {time.perf_counter() - started:.3f} s")

    grid: list[tuple[int, int]]
    if options.quick:
        grid = [(24, 1), (720, 1000)]
    else:
        grid = [
            (24, 1),
            (168, 1),
            (720, 1),
            (24, 10),
            (24, 100),
            (24, 1000),
            (168, 100),
            (720, 100),
            (720, 1000),
        ]
    header = (
        f"{'hours':>6} {'clients':>8} {'wall s':>8} {'simulated':>10} {'SM attempts':>12} "
        f"{'naive ops':>14} {'us/SM attempt':>14}"
    )
    print(header)
    print("-" * len(header))
    for hours, clients in grid:
        args = ["--hours", str(hours), "--clients", str(clients)]
        # the herd needs Redis to come back: the outage ends 1 h before the run does
        args += ["--outage", f"0h-{hours - 1}h"]
        seconds, report = cli_seconds(args, options.repeat)
        fleet = report["fleet"]
        assert isinstance(fleet, dict)
        policies = report["policies"]
        assert isinstance(policies, list)
        resilient, naive = policies[0], policies[1]
        simulated = int(fleet["clients_simulated"])
        state_attempts = round(resilient["attempts"] * simulated / clients)
        per_event = 1e6 * seconds / max(state_attempts, 1)
        print(
            f"{hours:>6} {clients:>8} {seconds:>8.3f} {simulated:>10} {state_attempts:>12,} "
            f"{naive['operations']:>14,} {per_event:>14.1f}"
        )
    print(f"load after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
