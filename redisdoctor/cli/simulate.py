"""`redisdoctor simulate`: replay the client's backoff and log schedule on a virtual clock.

The simulator (redisdoctor.simulate) and the renderer load inside the command, so `--help` stays
fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from redisdoctor.cli.common import JsonOption, emit, handle_errors

if TYPE_CHECKING:
    from rich.console import RenderableType

HELP = (
    "Simulate an outage on a virtual clock: what redisdoctor's policy (the real client state "
    "machine) does to your logs, resolver and Redis, against the naive client and real "
    "libraries' default retries, for one client or a fleet. Exit 0, or 2 on bad options."
)


def simulate_command(
    *,
    hours: Annotated[
        float, typer.Option("--hours", help="Length of the simulated run in hours (> 0).")
    ] = 24.0,
    outage: Annotated[
        list[str] | None,
        typer.Option(
            "--outage",
            help="Redis is down from START to END, e.g. 2h-5h30m (repeatable; bare numbers are "
            "hours). Default: the whole run.",
            show_default=False,
        ),
    ] = None,
    failure: Annotated[
        str,
        typer.Option(
            "--failure",
            help="Failure category during the outage: dns_nxdomain, dns_temporary, refused, "
            "timeout, reset, unreachable, tls, auth, loading, ... (any taxonomy category).",
        ),
    ] = "dns_nxdomain",
    op_interval: Annotated[
        str | None,
        typer.Option(
            "--op-interval",
            help="Seconds between the application's operations: LOW-HIGH (uniform) or one number "
            "(default 5-10, the seed's cadence).",
            show_default=False,
        ),
    ] = None,
    ops_per_minute: Annotated[
        float | None,
        typer.Option(
            "--ops-per-minute",
            help="Operations per minute at a fixed cadence (instead of --op-interval).",
            show_default=False,
        ),
    ] = None,
    seed: Annotated[
        int, typer.Option("--seed", help="Seed of every random draw: same seed, same report.")
    ] = 0,
    base: Annotated[float, typer.Option("--base", help="Policy: first backoff in seconds.")] = 60.0,
    cap: Annotated[
        float, typer.Option("--cap", help="Policy: longest backoff in seconds.")
    ] = 300.0,
    jitter: Annotated[
        float, typer.Option("--jitter", help="Policy: jitter fraction after the cap, in [0, 1).")
    ] = 0.2,
    log_window: Annotated[
        float,
        typer.Option(
            "--log-window", help="Policy: at most one failure line per this many seconds."
        ),
    ] = 300.0,
    clients: Annotated[
        int,
        typer.Option("--clients", help="Application instances sharing one Redis (fleet, herd)."),
    ] = 1,
    connect_timeout: Annotated[
        float,
        typer.Option(
            "--connect-timeout",
            help="Seconds a timed-out connect costs (redisdoctor and naive; libraries use their "
            "own defaults).",
        ),
    ] = 2.0,
    resolver_timeout: Annotated[
        float,
        typer.Option("--resolver-timeout", help="Seconds a dns_temporary lookup costs."),
    ] = 5.0,
    recovery_check: Annotated[
        str,
        typer.Option(
            "--recovery-check",
            help="due: attempts run when due (background recovery); next-op: on the first "
            "operation after that.",
        ),
    ] = "due",
    log_out: Annotated[
        Path | None,
        typer.Option(
            "--log-out",
            help="Write the simulated before.log (naive) and after.log (redisdoctor) here, in "
            "the seed's format.",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Simulate an outage for redisdoctor's policy and the baselines."""
    with handle_errors():
        from redisdoctor.errors import UsageError
        from redisdoctor.exitcodes import ExitCode
        from redisdoctor.simulate import (
            Scenario,
            parse_category,
            parse_interval,
            parse_outage,
            simulate,
        )

        if ops_per_minute is not None:
            if op_interval is not None:
                raise UsageError("give --op-interval or --ops-per-minute, not both")
            if not ops_per_minute > 0:
                raise UsageError("--ops-per-minute must be positive")
            interval = (60.0 / ops_per_minute, 60.0 / ops_per_minute)
        else:
            interval = parse_interval(op_interval or "5-10")
        scenario = Scenario(
            hours=hours,
            outages=tuple(parse_outage(text) for text in outage or ()),
            failure=parse_category(failure),
            op_interval=interval,
            seed=seed,
            base=base,
            cap=cap,
            jitter=jitter,
            log_window=log_window,
            clients=clients,
            connect_timeout=connect_timeout,
            resolver_timeout=resolver_timeout,
            recovery_check=recovery_check,
        )
        report = simulate(scenario, log_out=log_out)

        def render() -> RenderableType:
            from redisdoctor.render.simulate import render_simulation

            return render_simulation(report)

        emit("simulate", ExitCode.OK, report.to_dict(), as_json=as_json, render=render)


def register(app: typer.Typer) -> None:
    """Add the command to `app`."""
    app.command("simulate", help=HELP)(simulate_command)
