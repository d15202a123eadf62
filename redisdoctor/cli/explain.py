"""`redisdoctor explain`: what an error line means, whether it heals, and what to check next."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from redisdoctor.cli.common import JsonOption, emit, handle_errors
from redisdoctor.exitcodes import ExitCode

if TYPE_CHECKING:
    from rich.console import RenderableType

HELP = (
    "Explain Redis error lines in plain words: the failure category, what it means, whether it "
    "is transient, and the next step. TEXT is one line ('-' reads lines from standard input); "
    "--file explains every line of a file. Exit 4 when a line is a Redis failure, 0 otherwise."
)


def explain(
    text: Annotated[
        list[str] | None,
        typer.Argument(
            help="The error line (quote it; several words are joined). '-' reads stdin.",
            metavar="TEXT",
            show_default=False,
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", "-f", help="Explain each line of this file.", show_default=False),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Explain Redis error lines: category, meaning, transient or not, next step."""
    with handle_errors():
        from redisdoctor.errors import UsageError
        from redisdoctor.explain import explain_lines, read_lines

        words = text or []
        if words and file is not None:
            raise UsageError("give TEXT or --file, not both")
        if file is not None:
            report = explain_lines(read_lines(file))
        elif words == ["-"]:
            report = explain_lines(sys.stdin)
            if not report.lines:
                raise UsageError("nothing to explain: standard input had no lines")
        elif words:
            report = explain_lines([" ".join(words)])
            if not report.lines:
                raise UsageError("nothing to explain: TEXT is empty")
        else:
            raise UsageError("nothing to explain: give TEXT, '-' for stdin, or --file FILE")

        code = ExitCode.FAILURES if report.recognised else ExitCode.OK

        def render() -> RenderableType:
            from redisdoctor.render.explain import render_explain

            return render_explain(report)

        emit("explain", code, report.to_dict(), as_json=as_json, render=render)


def register(app: typer.Typer) -> None:
    """Add the command to `app`."""
    app.command("explain", help=HELP)(explain)
