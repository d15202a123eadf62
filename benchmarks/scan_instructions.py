"""Count the instructions `analyze`'s scanner runs on a slice of the mixed log, under callgrind.

Run from the repository root:  .venv/bin/python benchmarks/scan_instructions.py [--top 25]

Wall and CPU seconds on this shared 2-core machine drift by up to 2x within minutes, so a change
to the scanner that saves 5% cannot be seen in `bench_analyze.py` or `bench_analyze_floor.py`.
Instructions can: `valgrind --tool=callgrind` counts the same total for the same code and input
whatever else the machine does. This script generates the first 48 MiB of `bench_analyze.py`'s
mixed log, warms a worker's scanner on the first two fifths (its caches, as the ranges before
warm a worker's), and counts only the scan of the other three: that call runs inside
`sorted(key=...)`, and callgrind collects only inside `builtin_sorted` (`--toggle-collect`). It
prints the total and the C functions with the most instructions, inclusive: the regex split
that finds records, the lowering and `find` passes of the hint search, `bytes.count`, and the
interpreter loop that is the per-record Python work. It takes about a minute (callgrind runs
Python ~50x slower).

Measured 2026-12-07 at the commit that added it: 2.33 G instructions for 28.8 MiB, 77 a byte
(inclusive: the record split 24% and its offsets 7%; the candidate search 24%, of which
lowering 8% and the hint finds 8%; `bytes.count` 8.5%; the rest, about 37%, is the Python work
per candidate record: its stamp, its verdict, its counts). With the hash seed pinned, two runs
differ by a few dozen instructions. Later the same day, with lines counted by `bytes.replace`
and a record's source read with one regex: 2.18 G, 72 a byte.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_analyze import PYTHON, generate

from redisdoctor.logscan import sniff_layout, split_points

SIZE_MB = 40  # the generator writes whole 16 MiB blocks: 48 MiB
WARM_PARTS = 2  # of 5: the first ~19 MiB warm the scanner, the other ~29 MiB are counted

# Run in the child under callgrind: warm the scanner, then scan the counted slice inside
# builtin_sorted, the only place callgrind collects.
INNER = """
import sys
from redisdoctor.analyze_scan import ScanOptions, _worker_scan_range
from redisdoctor.logscan import sniff_layout, split_points

path = sys.argv[1]
with open(path, "rb") as handle:
    layout = sniff_layout(handle.read(64 << 10))
points = split_points(path, 5, layout)
options = ScanOptions()
_worker_scan_range(path, 0, points[WARM], options, layout)
sorted([0], key=lambda _: _worker_scan_range(path, points[WARM], points[-1], options, layout))
""".replace("WARM", str(WARM_PARTS))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=25, help="how many functions to list")
    args = parser.parse_args()
    if args.top < 1:
        parser.error("--top must be 1 or more")
    if shutil.which("valgrind") is None or shutil.which("callgrind_annotate") is None:
        parser.error("needs valgrind (Debian: apt-get install valgrind)")
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "mixed.log"
        generate(log, SIZE_MB, 0.10, seed=42)  # the start of bench_analyze's mixed log
        with log.open("rb") as handle:
            points = split_points(str(log), 5, sniff_layout(handle.read(64 << 10)))
        counted = points[-1] - points[WARM_PARTS]
        out = Path(tmp) / "callgrind.out"
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--toggle-collect=builtin_sorted",
                f"--callgrind-out-file={out}",
                PYTHON,
                "-c",
                INNER,
                str(log),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        annotated = subprocess.run(
            ["callgrind_annotate", "--inclusive=yes", str(out)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    total = 0
    rows = []
    for line in annotated.splitlines():
        if line.rstrip().endswith("PROGRAM TOTALS"):
            total = int(line.split()[0].replace(",", ""))
            continue
        match = re.match(r"\s*([\d,]+) \(\s*([\d.]+)%\)\s+(\S+)", line)
        if match is not None:
            count, share, where = match.groups()
            name = where.rsplit(":", 1)[-1]
            rows.append((int(count.replace(",", "")), float(share), name))
    print(
        f"instructions for {counted / 2**20:.1f} MiB, caches warm: {total:,} "
        f"({total / counted:.1f} per byte)"
    )
    seen: set[str] = set()
    shown = 0
    for count, share, name in rows:
        # the interpreter's own frames and the call machinery wrap everything: skip them
        if share >= 99.0 or name in seen or "Vectorcall" in name or "EvalFrame" in name:
            continue
        seen.add(name)
        print(f"  {share:5.1f}%  {count:>13,}  {name}")
        shown += 1
        if shown >= args.top:
            break


if __name__ == "__main__":
    main()
