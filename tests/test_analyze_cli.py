"""`redisdoctor analyze` end to end, in-process: output, exit codes, and every bad-input case."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from redisdoctor.analyze import AnalyzeOptions, ScanOptions, analyze_logs
from redisdoctor.cli import app
from redisdoctor.exitcodes import ExitCode

SAMPLES = Path(__file__).resolve().parent.parent / "sample_logs"
FAILURE = (
    b"2025-08-12T15:54:42Z WARNING:utils.redis_client_production:Redis connection failed: "
    b"Error -2 connecting to flowing-snail-56122.upstash.io:6379. Name or service not known.\n"
)
ORDINARY = b"2025-08-12T15:54:44Z INFO:app.routes:GET /health 200 (3 ms)\n"
LOOKALIKE = (
    b'2025-08-12T15:54:45Z ERROR:app.db:connection to server at "db" (10.0.0.9), port 5432 '
    b"failed: Connection refused\n"
)

runner = CliRunner()


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["analyze", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def report_of(stdout: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(stdout)
    assert document["schema_version"] == 1
    assert document["command"] == "analyze"
    return document


def write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_analyze_cli_json_envelope_and_failures_exit(tmp_path: Path) -> None:
    log = write(tmp_path / "app.log", FAILURE + ORDINARY + LOOKALIKE + FAILURE)
    code, stdout, _ = run(log, "--json")
    assert code == ExitCode.FAILURES, stdout
    document = report_of(stdout)
    assert document["exit_code"] == ExitCode.FAILURES
    before = document["report"]["before"]
    assert before["lines"] == 4
    assert before["records"] == 4
    assert before["failure_records"] == 2
    assert before["non_redis_lines"] == 2
    assert before["categories"] == {"dns_nxdomain": 2}
    assert before["targets"] == [{"count": 2, "name": "flowing-snail-56122.upstash.io:6379"}]
    assert document["report"]["projection"]["log_lines_before"] == 2


def test_analyze_cli_no_failures_exits_ok(tmp_path: Path) -> None:
    log = write(tmp_path / "quiet.log", ORDINARY + LOOKALIKE)
    code, stdout, _ = run(log, "--json")
    assert code == ExitCode.OK, stdout
    assert report_of(stdout)["report"]["before"]["failure_records"] == 0


def test_analyze_cli_renders_report_and_chart(tmp_path: Path) -> None:
    log = write(tmp_path / "app.log", FAILURE * 3 + ORDINARY)
    code, stdout, _ = run(log)
    assert code == ExitCode.FAILURES
    assert "Redis failure records" in stdout
    assert "dns_nxdomain" in stdout
    assert "Before and after" in stdout
    assert "per hour" in stdout
    assert "█" in stdout


def test_analyze_cli_seed_sample_with_after(tmp_path: Path) -> None:
    csv_path = tmp_path / "hours.csv"
    code, stdout, _ = run(
        str(SAMPLES / "seed_before.log.gz"),
        "--after",
        str(SAMPLES / "seed_after.log.gz"),
        "--csv",
        str(csv_path),
        "--json",
    )
    assert code == ExitCode.FAILURES
    report = report_of(stdout)["report"]
    assert report["comparison"]["before_failures"] == 11506
    assert report["comparison"]["reduction_pct"] > 95
    rows = csv_path.read_text(encoding="utf-8").splitlines()
    assert rows[0].startswith("hour_start,failures,dns_nxdomain,")
    assert len(rows) == 1 + len(report["hours"])
    assert sum(int(row.split(",")[1]) for row in rows[1:]) == 11506


def test_analyze_cli_stdin_plain_and_gzip() -> None:
    code, stdout, _ = run("-", "--json", stdin=FAILURE + ORDINARY)
    assert code == ExitCode.FAILURES
    assert report_of(stdout)["report"]["before"]["failure_records"] == 1
    code, stdout, _ = run("-", "--json", stdin=gzip.compress(FAILURE * 5 + ORDINARY))
    assert code == ExitCode.FAILURES
    assert report_of(stdout)["report"]["before"]["failure_records"] == 5


def test_analyze_cli_compressed_file_by_content_not_name(tmp_path: Path) -> None:
    log = write(tmp_path / "rotated.1", gzip.compress(FAILURE * 4))
    code, stdout, _ = run(log, "--json")
    assert code == ExitCode.FAILURES
    assert report_of(stdout)["report"]["before"]["failure_records"] == 4


def test_analyze_cli_missing_file_reports_the_rest(tmp_path: Path) -> None:
    log = write(tmp_path / "app.log", FAILURE)
    code, stdout, stderr = run(log, str(tmp_path / "nope.log"), "--json")
    assert code == ExitCode.BAD_INPUT
    before = report_of(stdout)["report"]["before"]
    assert before["failure_records"] == 1
    assert before["problems"]["missing_files"] == [str(tmp_path / "nope.log")]
    code, _, stderr = run(log, str(tmp_path / "nope.log"))
    assert code == ExitCode.BAD_INPUT
    assert "nope.log" in stderr


def test_analyze_cli_directory_is_unreadable(tmp_path: Path) -> None:
    code, stdout, _ = run(str(tmp_path), "--json")
    assert code == ExitCode.BAD_INPUT
    problems = report_of(stdout)["report"]["before"]["problems"]
    assert problems["unreadable_files"] and "directory" in problems["unreadable_files"][0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_analyze_cli_permission_denied_is_unreadable(tmp_path: Path) -> None:
    log = tmp_path / "secret.log"
    log.write_bytes(FAILURE)
    log.chmod(0)
    code, stdout, _ = run(str(log), "--json")
    assert code == ExitCode.BAD_INPUT
    assert report_of(stdout)["report"]["before"]["problems"]["unreadable_files"]


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_analyze_cli_io_error_is_unreadable_even_for_root(tmp_path: Path) -> None:
    # Opening /proc/self/mem works (root or not); reading its first page fails with EIO.
    log = write(tmp_path / "app.log", FAILURE)
    code, stdout, stderr = run(log, "/proc/self/mem", "--json")
    assert code == ExitCode.BAD_INPUT
    before = report_of(stdout)["report"]["before"]
    assert before["failure_records"] == 1
    assert before["problems"]["unreadable_files"] == ["/proc/self/mem: Input/output error"]
    code, _, stderr = run(log, "/proc/self/mem")
    assert code == ExitCode.BAD_INPUT
    assert "unreadable input: /proc/self/mem" in stderr


def test_analyze_cli_exit_zero_only_for_failures_found(tmp_path: Path) -> None:
    log = write(tmp_path / "app.log", FAILURE + ORDINARY)
    code, stdout, _ = run(log, "--exit-zero", "--json")
    assert code == ExitCode.OK
    document = report_of(stdout)
    assert document["exit_code"] == ExitCode.OK
    assert document["report"]["before"]["failure_records"] == 1
    code, _, _ = run(log, str(tmp_path / "nope.log"), "--exit-zero", "--json")
    assert code == ExitCode.BAD_INPUT


def test_analyze_cli_truncated_gzip_reports_what_was_read(tmp_path: Path) -> None:
    packed = gzip.compress(FAILURE * 2000 + ORDINARY)
    log = write(tmp_path / "cut.log.gz", packed[: len(packed) * 2 // 3])
    code, stdout, _ = run(log, "--json")
    assert code == ExitCode.BAD_INPUT
    before = report_of(stdout)["report"]["before"]
    assert before["problems"]["corrupt_files"]
    assert 0 < before["failure_records"] < 2000


def test_analyze_cli_empty_file_is_a_clear_result(tmp_path: Path) -> None:
    log = write(tmp_path / "empty.log", b"")
    code, stdout, _ = run(log, "--json")
    assert code == ExitCode.OK
    before = report_of(stdout)["report"]["before"]
    assert before["lines"] == 0
    assert before["problems"]["empty_files"] == [log]


def test_analyze_cli_invalid_utf8_and_nul_bytes(tmp_path: Path) -> None:
    bad = FAILURE.replace(b"Redis connection", b"Redis \xff\xfe connection") + b"\x00\x00\n"
    log = write(tmp_path / "bad.log", ORDINARY + bad + FAILURE)
    code, stdout, _ = run(log, "--json")
    assert code == ExitCode.FAILURES
    before = report_of(stdout)["report"]["before"]
    assert before["failure_records"] == 2
    assert before["problems"]["undecodable_records"] == 1
    assert before["problems"]["nul_bytes"] == 2


def test_analyze_cli_fifty_megabyte_line(tmp_path: Path) -> None:
    log = tmp_path / "huge.log"
    with log.open("wb") as handle:
        handle.write(FAILURE)
        handle.write(b"2025-08-12T15:54:43Z INFO:app:" + b"x" * (50 << 20) + b"\n")
        handle.write(FAILURE)
    code, stdout, _ = run(str(log), "--json")
    assert code == ExitCode.FAILURES
    before = report_of(stdout)["report"]["before"]
    assert before["failure_records"] == 2
    assert before["lines"] == 3
    assert before["problems"]["overlong_lines"] == 1
    assert before["problems"]["truncated_bytes"] > 49 << 20


def test_analyze_cli_usage_errors(tmp_path: Path) -> None:
    log = write(tmp_path / "app.log", FAILURE)
    assert run(log, "--per", "week")[0] == ExitCode.USAGE
    assert run(log, "--tz", "Nowhere/Atlantis")[0] == ExitCode.USAGE
    assert run(log, "--gap", "0")[0] == ExitCode.USAGE
    assert run()[0] == ExitCode.USAGE


def test_analyze_cli_redacts_credentials(tmp_path: Path) -> None:
    line = (
        b"2025-08-12T15:54:42Z ERROR:celery:consumer: Cannot connect to "
        b"redis://:hunter2secret@redis:6379/0: Error 111 connecting to redis:6379. "
        b"Connection refused.\n"
    )
    log = write(tmp_path / "app.log", line)
    code, stdout, _ = run(log, "--json")
    assert code == ExitCode.FAILURES
    assert "hunter2secret" not in stdout
    code, stdout, _ = run(log)
    assert "hunter2secret" not in stdout


def test_analyze_parallel_byte_ranges_match_serial(tmp_path: Path) -> None:
    traceback = (
        b"2025-01-01T00:00:01Z ERROR:app.cache:refresh failed\n"
        b"Traceback (most recent call last):\n"
        b'  File "/app/cache.py", line 12, in refresh\n'
        b"redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. "
        b"Connection refused.\n"
    )
    log = write(tmp_path / "big.log", (FAILURE + ORDINARY + traceback + LOOKALIKE) * 3000)
    serial = analyze_logs([log], AnalyzeOptions(scan=ScanOptions(workers=1)))
    parallel = analyze_logs(
        [log],
        AnalyzeOptions(
            scan=ScanOptions(
                workers=2, parallel_min_bytes=1, range_bytes=100_000, chunk_size=32_768
            )
        ),
    )
    assert serial.to_dict() == parallel.to_dict()
    assert serial.before.failure_records == 6000
    assert {c.name: c.count for c in serial.before.categories} == {
        "dns_nxdomain": 3000,
        "refused": 3000,
    }
    assert serial.before.records == 12000
    assert serial.before.lines == 21000


def test_analyze_cli_thorough_finds_bare_replies(tmp_path: Path) -> None:
    # Names neither Redis nor its port: only the taxonomy's full hint list finds it.
    line = (
        b"2025-08-12T15:54:42Z ERROR:app.cart:write failed: READONLY You can't write against "
        b"a read only replica.\n"
    )
    log = write(tmp_path / "app.log", line + FAILURE)
    code, stdout, _ = run(log, "--json")
    assert code == ExitCode.FAILURES
    assert report_of(stdout)["report"]["before"]["failure_records"] == 1
    code, stdout, _ = run(log, "--json", "--thorough")
    categories = report_of(stdout)["report"]["before"]["categories"]
    assert categories == {"dns_nxdomain": 1, "readonly": 1}


def test_analyze_repeated_line_fast_path_matches_record_by_record(tmp_path: Path) -> None:
    # One failure line repeated (the seed's case) is counted by whole-chunk regex passes once it
    # dominates a chunk; the figures must equal the record-by-record path's.
    from redisdoctor import analyze_scan as analyze_module

    lines = []
    for second in range(20000):
        stamp = f"2025-08-12T{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}Z"
        if second % 997 == 0:
            # the hot line's shape, but no stamp the parser reads: an untimed record
            stamp = stamp[:-3] + "61Z"
        lines.append(
            f"{stamp} WARNING:utils.redis_client_production:Redis connection failed: Error -2 "
            "connecting to flowing-snail-56122.upstash.io:6379. Name or service not known."
        )
        if second % 7 == 0:
            lines.append(f"{stamp} INFO:app.routes:GET /health 200 ({second % 90} ms)")
        if second % 11 == 0:
            lines.append(f"{stamp} ERROR:app.cache:refresh failed")
            lines.append("Traceback (most recent call last):")
            lines.append(
                "redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. "
                "Connection refused."
            )
    log = write(tmp_path / "spam.log", ("\n".join(lines) + "\n").encode())
    options = AnalyzeOptions(scan=ScanOptions(workers=1, chunk_size=65536))
    taken: list[int] = []
    take_hot = analyze_module._Scanner._take_hot

    def spy(self: Any, region: bytes, newlines: int) -> tuple[bytes, int]:
        rest, records = take_hot(self, region, newlines)
        taken.append(len(region) - len(rest))
        return rest, records

    analyze_module._Scanner._take_hot = spy  # type: ignore[method-assign]
    try:
        fast = analyze_logs([log], options)
    finally:
        analyze_module._Scanner._take_hot = take_hot  # type: ignore[method-assign]
    assert sum(taken) > len(lines) * 50  # most repeated lines went through the fast path
    original = analyze_module._Scanner._elect_hot
    try:
        analyze_module._Scanner._elect_hot = lambda *args: None  # type: ignore[method-assign]
        slow = analyze_logs([log], options)
    finally:
        analyze_module._Scanner._elect_hot = original  # type: ignore[method-assign]
    assert fast.to_dict() == slow.to_dict()
    assert fast.before.failure_records == 20000 + 1819
    assert fast.before.untimed_failures == 21 + 2  # the hot line, and 2 tracebacks, at :61
    assert fast.before.records == 20000 + 2858 + 1819


def test_analyze_progress_reaches_the_total(tmp_path: Path) -> None:
    plain = write(tmp_path / "a.log", FAILURE * 500)
    packed = write(tmp_path / "b.log.gz", gzip.compress(ORDINARY * 500))
    seen: list[tuple[int, int]] = []
    analyze_logs([plain, packed], progress=lambda done, total: seen.append((done, total)))
    total = Path(plain).stat().st_size + Path(packed).stat().st_size
    assert seen[-1] == (total, total)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_analyze_cli_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from redisdoctor.cli.analyze import _progress

    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    with _progress() as update:
        assert update is None
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with _progress() as update:
        assert update is not None
        update(50, 100)
