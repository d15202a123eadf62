"""The `redisdoctor` command line: one typer app, one module per command.

Command modules import only typer and this package's light modules at import time; redis-py,
dnspython and the heavy library modules load inside the command, so `redisdoctor --help` is fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

from redisdoctor import __version__
from redisdoctor.cli import analyze, explain, probe, simulate
from redisdoctor.cli.common import STATE

app = typer.Typer(
    name="redisdoctor",
    help="Diagnose why an application cannot reach its Redis, and measure the log noise it makes.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"redisdoctor {__version__}")
        raise typer.Exit()


@app.callback()
def _global_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when a command fails.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="Show the library's log lines on stderr."),
    ] = False,
) -> None:
    """Diagnose Redis connection failures: probe a URL, explain an error, analyze logs,
    simulate an outage."""
    STATE.debug = debug
    STATE.verbose = verbose
    if verbose:
        from redisdoctor.cli.common import attach_verbose_logging

        attach_verbose_logging()


for _module in (probe, explain, analyze, simulate):
    _module.register(app)


def main() -> None:
    """Console-script entry point."""
    app()
