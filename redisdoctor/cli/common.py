"""What every command shares: global flags, output, and the one place errors become exit codes."""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from redisdoctor.errors import BadInputError, CategorizedError, UsageError
from redisdoctor.exitcodes import ExitCode, exit_code_for

if TYPE_CHECKING:
    from rich.console import Console, RenderableType


@dataclass
class _State:
    debug: bool = False
    verbose: bool = False


STATE = _State()

JsonOption = Annotated[
    bool,
    typer.Option("--json", help="Print one JSON document on stdout (schema in the README)."),
]


def stdout_console() -> Console:
    """A console for results: rich on a terminal, plain through a pipe; honours NO_COLOR."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def attach_verbose_logging() -> None:
    """Show the library's `redisdoctor.*` log lines on stderr (the --verbose flag)."""
    from rich.logging import RichHandler

    handler = RichHandler(console=stderr_console(), show_path=False)
    logger = logging.getLogger("redisdoctor")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)


def emit(
    command: str,
    exit_code: ExitCode,
    report: Mapping[str, Any],
    *,
    as_json: bool,
    render: Callable[[], RenderableType | None],
) -> NoReturn:
    """Print the result (JSON envelope or rich rendering) and exit with `exit_code`."""
    if as_json:
        from redisdoctor.report import dumps, envelope

        typer.echo(dumps(envelope(command, exit_code, report)))
    else:
        renderable = render()
        if renderable is not None:
            stdout_console().print(renderable)
    raise typer.Exit(int(exit_code))


def fail(message: str, code: ExitCode) -> NoReturn:
    """One clear line on stderr and the exit code; no traceback unless --debug."""
    if STATE.debug:
        traceback.print_exc(file=sys.stderr)
    typer.echo(f"redisdoctor: error: {message}", err=True)
    raise typer.Exit(int(code))


@contextmanager
def handle_errors() -> Iterator[None]:
    """Convert library exceptions to exit codes, once, for every command."""
    try:
        yield
    except (typer.Exit, typer.Abort):
        raise
    except KeyboardInterrupt:
        typer.echo("redisdoctor: interrupted", err=True)
        raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
    except UsageError as exc:
        fail(str(exc), ExitCode.USAGE)
    except BadInputError as exc:
        fail(str(exc), ExitCode.BAD_INPUT)
    except CategorizedError as exc:
        fail(f"{exc} [{exc.category.value}]", exit_code_for(exc.category))
    except Exception as exc:  # the last resort: an internal error, said in one line
        from redisdoctor.redact import redact_text

        fail(
            f"internal error: {redact_text(f'{type(exc).__name__}: {exc}')} "
            "(run with --debug for a traceback)",
            ExitCode.INTERNAL_ERROR,
        )


def redis_url_default() -> str:
    """$REDIS_URL, else redis://localhost:6379/0."""
    return os.environ.get("REDIS_URL") or "redis://localhost:6379/0"
