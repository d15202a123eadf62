"""`redisdoctor analyze`: find, classify and count the Redis failures in application logs."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from redisdoctor.cli.common import JsonOption, emit, handle_errors, stderr_console
from redisdoctor.exitcodes import ExitCode

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from contextlib import AbstractContextManager

HELP = (
    "Read application logs (files, globs, '-' for stdin; gzip/bz2/xz by content), find and "
    "classify the Redis failures, and report their volume, rates, outage windows and what the "
    "fixed client would have logged instead."
)


def analyze(
    logfiles: Annotated[
        list[str],
        typer.Argument(
            help="Log files or globs to read; '-' reads standard input.", show_default=False
        ),
    ],
    after: Annotated[
        list[str] | None,
        typer.Option(
            "--after",
            help="A log from after the fix (repeatable, globs allowed): compared side by side, "
            "normalised per --per of covered time.",
        ),
    ] = None,
    as_json: JsonOption = False,
    csv_path: Annotated[
        Path | None,
        typer.Option("--csv", help="Write the per-hour buckets as CSV to this file."),
    ] = None,
    tz: Annotated[
        str,
        typer.Option(
            "--tz", help="Time zone of timestamps that carry none: UTC, +02:00, Europe/Paris."
        ),
    ] = "UTC",
    year: Annotated[
        int | None,
        typer.Option(
            "--year", help="Year of syslog timestamps (default: inferred from the file's date)."
        ),
    ] = None,
    gap: Annotated[
        float | None,
        typer.Option(
            "--gap",
            help="Seconds without a failure that end an outage window (default: 300, or 3x "
            "the typical gap between failures when that is longer, so a throttled log's one "
            "line per 5 minutes stays one outage).",
            min=1.0,
        ),
    ] = None,
    per: Annotated[
        str,
        typer.Option("--per", help="Normalise the --after comparison per 'hour' or 'day'."),
    ] = "hour",
    seed: Annotated[
        int, typer.Option("--seed", help="Seed of the projection's backoff jitter.")
    ] = 0,
    thorough: Annotated[
        bool,
        typer.Option(
            "--thorough",
            help="Search every relevance hint of the taxonomy (bare replies like READONLY or "
            "NOAUTH that name neither Redis nor its port), at about one pass per hint.",
        ),
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            help="Processes reading big files in parallel; 0 (the default) means one per CPU, "
            "at most 8.",
            min=0,
            show_default=False,
        ),
    ] = 0,
    exit_zero: Annotated[
        bool,
        typer.Option(
            "--exit-zero",
            help="Exit 0 even when Redis failures are found (bad input still exits 7).",
        ),
    ] = False,
) -> None:
    """Find, classify and count Redis failures in logs; project the fixed client's volume."""
    with handle_errors():
        from redisdoctor.analyze import AnalyzeOptions, ScanOptions, analyze_logs, hours_csv
        from redisdoctor.errors import UsageError
        from redisdoctor.timestamps import parse_tz

        if per not in {"hour", "day"}:
            raise UsageError("--per must be 'hour' or 'day'")
        if year is not None and not 1970 <= year <= 9999:
            raise UsageError("--year must be between 1970 and 9999")
        from datetime import UTC, datetime

        options = AnalyzeOptions(
            scan=ScanOptions(
                tz=parse_tz(tz),
                year=year,
                reference=datetime.fromtimestamp(_now_epoch(), UTC),
                workers=workers or min(os.cpu_count() or 1, 8),
                thorough=thorough,
            ),
            gap=gap,
            seed=seed,
            unit=per,
        )
        uses_stdin = "-" in logfiles or "-" in (after or [])
        stdin = sys.stdin.buffer if uses_stdin else None
        with _progress() as on_progress:
            report = analyze_logs(
                logfiles,
                options,
                after_inputs=after or (),
                stdin=stdin,
                progress=on_progress,
            )
        if csv_path is not None:
            try:
                csv_path.write_text(hours_csv(report), encoding="utf-8")
            except OSError as exc:
                raise UsageError(f"cannot write --csv {csv_path}: {exc.strerror or exc}") from exc
        if report.bad_input:
            code = ExitCode.BAD_INPUT
        elif report.failures_found and not exit_zero:
            code = ExitCode.FAILURES
        else:
            code = ExitCode.OK

        def render() -> object:
            from redisdoctor.render.analyze import render_analysis

            return render_analysis(report)

        if report.bad_input and not as_json:
            for key in ("missing_files", "unreadable_files", "corrupt_files"):
                for item in report.before.problems.get(key) or []:
                    typer.echo(f"redisdoctor: {key.replace('_files', '')} input: {item}", err=True)
        emit("analyze", code, report.to_dict(), as_json=as_json, render=render)  # type: ignore[arg-type]


def _now_epoch() -> float:
    from redisdoctor.clock import SystemClock

    return SystemClock().wall().timestamp()


def _progress() -> AbstractContextManager[Callable[[int, int], None] | None]:
    """A transient progress bar on stderr, only when stderr is a terminal."""
    from contextlib import contextmanager

    @contextmanager
    def bar() -> Iterator[Callable[[int, int], None] | None]:
        if not sys.stderr.isatty():
            yield None
            return
        from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

        with Progress(
            "reading logs",
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=stderr_console(),
            transient=True,
        ) as progress:
            task = progress.add_task("read", total=None)

            def update(done: int, total: int) -> None:
                progress.update(task, completed=done, total=total or None)

            yield update

    return bar()


def register(app: typer.Typer) -> None:
    """Add the command to `app`."""
    app.command("analyze", help=HELP)(analyze)
