"""`redisdoctor probe`: a staged diagnosis of one or more Redis URLs.

Heavy modules (the probe, dnspython, rich rendering) load inside the command, so `--help`
stays fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from redisdoctor.cli.common import JsonOption, emit, handle_errors, redis_url_default

if TYPE_CHECKING:
    from redisdoctor.clock import Clock

HELP = (
    "Probe Redis URLs stage by stage (parse, resolve, connect, tls, auth, ping, info) and say "
    "which stage fails, why, and what to do. Read-only: sends only AUTH, HELLO, SELECT, PING, INFO."
)


def _positive(name: str, value: float) -> None:
    from redisdoctor.errors import UsageError

    if not value > 0:
        raise UsageError(f"{name} must be > 0 (got {value:g})")


def probe_command(
    urls: Annotated[
        list[str] | None,
        typer.Argument(
            help="Redis URLs (redis://, rediss://, unix://). Default: $REDIS_URL, else "
            "redis://localhost:6379/0.",
            show_default=False,
        ),
    ] = None,
    *,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds each stage may take (> 0).")
    ] = 2.0,
    nameserver: Annotated[
        list[str] | None,
        typer.Option(
            "--nameserver",
            help="Resolve through this DNS server (IP or IP:PORT; repeatable) instead of the "
            "system resolver.",
            show_default=False,
        ),
    ] = None,
    count: Annotated[int, typer.Option("--count", help="Number of PING samples (>= 1).")] = 3,
    tls_ca: Annotated[
        Path | None,
        typer.Option("--tls-ca", help="CA certificate (PEM) to verify a rediss:// server with."),
    ] = None,
    insecure: Annotated[
        bool,
        typer.Option("--insecure", help="Do not verify the TLS certificate (still reports it)."),
    ] = False,
    watch: Annotated[
        bool,
        typer.Option("--watch", help="Probe again every --interval seconds; print state changes."),
    ] = False,
    interval: Annotated[
        float, typer.Option("--interval", help="Seconds between probes with --watch (> 0).")
    ] = 5.0,
    max_probes: Annotated[
        int | None,
        typer.Option(
            "--max-probes",
            help="With --watch: stop after this many probes (default: until Ctrl-C).",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Probe Redis URLs stage by stage and give one verdict with the next step."""
    with handle_errors():
        run_probe_command(
            urls or [redis_url_default()],
            timeout=timeout,
            nameservers=nameserver or [],
            count=count,
            tls_ca=tls_ca,
            insecure=insecure,
            watch=watch,
            interval=interval,
            max_probes=max_probes,
            as_json=as_json,
        )


def run_probe_command(
    urls: list[str],
    *,
    timeout: float,
    nameservers: list[str],
    count: int,
    tls_ca: Path | None,
    insecure: bool,
    watch: bool,
    interval: float,
    max_probes: int | None,
    as_json: bool,
    clock: Clock | None = None,
) -> None:
    """The command's body, with the clock injectable for tests of --watch."""
    from redisdoctor.clock import SystemClock
    from redisdoctor.errors import BadInputError, UsageError
    from redisdoctor.probe import ProbeOptions, probe_many, worst_exit_code
    from redisdoctor.resolve import Nameserver
    from redisdoctor.urls import parse_redis_url

    _positive("--timeout", timeout)
    if count < 1:
        raise UsageError(f"--count must be >= 1 (got {count})")
    if watch:
        _positive("--interval", interval)
        if max_probes is not None and max_probes < 1:
            raise UsageError(f"--max-probes must be >= 1 (got {max_probes})")
    elif max_probes is not None:
        raise UsageError("--max-probes needs --watch")
    targets = [parse_redis_url(url) for url in urls]
    if watch and len(targets) != 1:
        raise UsageError("--watch takes exactly one URL")
    if tls_ca is not None and not tls_ca.is_file():
        raise BadInputError(f"--tls-ca {tls_ca}: no such file (or not a file)")
    options = ProbeOptions(
        timeout=timeout,
        count=count,
        tls_ca=tls_ca,
        insecure=insecure,
        nameservers=tuple(Nameserver.parse(ns) for ns in nameservers),
        clock=clock or SystemClock(),
    )
    if watch:
        _watch(targets[0], options, interval=interval, max_probes=max_probes, as_json=as_json)
        return
    reports = probe_many(targets, options)
    code = worst_exit_code(reports)
    document: dict[str, Any] = {
        "verdict": code.name,
        "probes": [r.to_dict() for r in reports],
    }

    def render() -> Any:
        from redisdoctor.render.probe import render_plain_many, render_report, render_summary

        if not _stdout_is_terminal():
            # Through a pipe: plain lines, never wrapped or cropped to a terminal width.
            typer.echo(render_plain_many(reports))
            return None
        if len(reports) == 1:
            return render_report(reports[0])
        return render_summary(reports)

    emit("probe", code, document, as_json=as_json, render=render)


def _stdout_is_terminal() -> bool:
    """rich's answer (TTY_COMPATIBLE, FORCE_COLOR, isatty), without importing rich when stdout
    plainly is no terminal: a probe through a pipe starts ~30 ms sooner."""
    if os.environ.get("TTY_COMPATIBLE") != "1" and os.environ.get("FORCE_COLOR") is None:
        try:
            if not sys.stdout.isatty():
                return False
        except (AttributeError, ValueError):  # no stream, or a closed one
            return False
    from redisdoctor.cli.common import stdout_console

    return stdout_console().is_terminal


def _watch(
    target: Any, options: Any, *, interval: float, max_probes: int | None, as_json: bool
) -> None:
    from redisdoctor.exitcodes import ExitCode
    from redisdoctor.probe import ProbeReport, WatchEvent, watch
    from redisdoctor.render.probe import watch_line

    events: list[WatchEvent] = []
    last: list[ProbeReport] = []  # only the latest report: a long watch must not grow
    probes = 0

    def on_probe(report: ProbeReport) -> None:
        nonlocal probes
        probes += 1
        last[:] = [report]

    def on_change(event: WatchEvent) -> None:
        events.append(event)
        if not as_json:
            typer.echo(watch_line(event))

    interrupted = False
    try:
        watch(
            target,
            options,
            interval=interval,
            max_probes=max_probes,
            on_change=on_change,
            on_probe=on_probe,
        )
    except KeyboardInterrupt:
        interrupted = True
    code = ExitCode.INTERRUPTED if interrupted or not last else last[-1].verdict.exit_code
    document = {
        "verdict": code.name,
        "watch": {
            "interval": interval,
            "probes": probes,
            "events": [event.to_dict() for event in events],
        },
        "probes": [last[-1].to_dict()] if last else [],
    }
    emit("probe", code, document, as_json=as_json, render=lambda: None)


def register(app: typer.Typer) -> None:
    """Add the command to `app`."""
    app.command("probe", help=HELP)(probe_command)
