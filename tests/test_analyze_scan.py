"""The scanner's shortcuts give the figures the plain parser gives: stamps looked up per minute
and format (seconds and fraction read from fixed positions), records classified from per-line
caches."""

from __future__ import annotations

import io
import random
from collections import Counter

from redisdoctor.analyze_scan import ScanOptions, scan_stream
from redisdoctor.analyze_verdicts import CATEGORY_INDEX
from redisdoctor.taxonomy import Category
from redisdoctor.timestamps import StampParser

MESSAGE = "Redis connection failed: Error 111 connecting to redis:6379. Connection refused."


def _stamped(rng: random.Random, second: int) -> str:
    minute, sec = divmod(second, 60)
    clock = f"10:{minute:02d}:{sec:02d}"
    pick = rng.randrange(5)
    if pick == 0:
        return f"2025-03-01T{clock}Z ERROR:app.cache:{MESSAGE}"
    if pick == 1:
        return f"2025-03-01 {clock},{rng.randrange(1000):03d} ERROR app.cache: {MESSAGE}"
    if pick == 2:
        return f"[2025-03-01 {clock},{rng.randrange(1000):03d}: ERROR/MainProcess] {MESSAGE}"
    if pick == 3:
        return f"E, [2025-03-01T{clock}.{rng.randrange(10**6):06d} #8] ERROR -- : {MESSAGE}"
    return f"2025/03/01 {clock} {MESSAGE}"


def test_analyze_scan_stamp_cache_matches_parser_per_line() -> None:
    rng = random.Random(7)
    lines = [_stamped(rng, second) for second in sorted(rng.randrange(3600) for _ in range(3000))]
    # Look-alikes of a cached shape: the fraction slot holds letters, or the seconds are 61.
    lines.append(f"[2025-03-01 10:59:59,x1z: ERROR/MainProcess] {MESSAGE}")
    lines.append(f"2025-03-01T10:59:61Z ERROR:app.cache:{MESSAGE}")
    data = ("\n".join(lines) + "\n").encode()
    partial = scan_stream(io.BytesIO(data), "mixed.log", ScanOptions(workers=1))

    parser = StampParser()
    expected: Counter[int] = Counter()
    for line in lines:
        stamp = parser.fast(line.encode())
        if stamp is not None:
            expected[stamp[0] << 5 | CATEGORY_INDEX[Category.REFUSED]] += 1
    assert partial.failure_records == len(lines)
    assert dict(partial.seconds) == dict(expected)
    assert partial.untimed_failures == len(lines) - sum(expected.values()) > 0


def test_analyze_scan_traceback_with_varying_first_line_keeps_its_target() -> None:
    # The per-line caches: only the first line differs between records; each record is still
    # classified by its last line and names the endpoint found there.
    records = []
    for number in range(50):
        records.append(
            f"2025-03-01T10:00:{number:02d}Z ERROR:app.cache:refresh failed for key user:{number}\n"
            "Traceback (most recent call last):\n"
            '  File "/app/cache.py", line 41, in refresh\n'
            "redis.exceptions.ConnectionError: Error -3 connecting to cache.internal:6380. "
            "Temporary failure in name resolution.\n"
        )
    data = "".join(records).encode()
    partial = scan_stream(io.BytesIO(data), "tb.log", ScanOptions(workers=1))
    assert partial.failure_records == 50
    assert partial.categories == Counter({Category.DNS_TEMPORARY.value: 50})
    assert partial.targets == Counter({"cache.internal:6380": 50})
    assert partial.sources == Counter({"app.cache": 50})
