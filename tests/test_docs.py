"""The README documents every registered command, each of its options, and every exit code.

It iterates over what is registered, so it tightens as commands land: a new command or option
without documentation fails here. An option must appear in its command's README section
(`<!-- section: NAME -->` up to the next section marker or `## ` heading) when that section exists.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.core import TyperGroup, TyperOption

from redisdoctor.cli import app
from redisdoctor.exitcodes import ExitCode

README = Path(__file__).resolve().parent.parent / "README.md"
README_TEXT = README.read_text(encoding="utf-8")


def _root() -> TyperGroup:
    command = typer.main.get_command(app)
    assert isinstance(command, TyperGroup)
    return command


def _commands() -> dict[str, Any]:
    return {name: cmd for name, cmd in _root().commands.items() if not cmd.hidden}


def _long_options(command: Any) -> list[str]:
    flags: list[str] = []
    for param in command.params:
        if isinstance(param, TyperOption) and not param.hidden:
            flags += [opt for opt in (*param.opts, *param.secondary_opts) if opt.startswith("--")]
    return [flag for flag in flags if flag != "--help"]


def _section(name: str) -> str | None:
    marker = f"<!-- section: {name} -->"
    start = README_TEXT.find(marker)
    if start < 0:
        return None
    rest = README_TEXT[start + len(marker) :]
    end = re.search(r"^(?:<!-- section: |## )", rest, re.MULTILINE)
    return rest[: end.start()] if end else rest


def test_docs_readme_opens_with_the_two_setup_commands() -> None:
    block = re.search(r"```(?:sh|bash)?\n(.*?)```", README_TEXT, re.DOTALL)
    assert block is not None
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(lines) == 2
    assert lines[1] == "bash scripts/test.sh"


def test_docs_global_options_documented() -> None:
    missing = [flag for flag in _long_options(_root()) if flag not in README_TEXT]
    assert missing == [], f"global options missing from README.md: {missing}"


@pytest.mark.parametrize("name", sorted(_commands()))
def test_docs_command_documented(name: str) -> None:
    assert f"redisdoctor {name}" in README_TEXT, f"README.md never shows `redisdoctor {name}`"
    section = _section(name)
    where = section if section is not None and section.strip() else None
    assert where is not None, f"README.md section `<!-- section: {name} -->` is empty or missing"
    missing = [flag for flag in _long_options(_commands()[name]) if flag not in where]
    assert missing == [], f"options of `{name}` missing from its README section: {missing}"


def test_docs_commands_are_registered() -> None:
    # At least one command is registered, so the parametrized test above cannot be vacuous.
    assert _commands()


@pytest.mark.parametrize("code", list(ExitCode), ids=lambda code: code.name)
def test_docs_exit_code_documented(code: ExitCode) -> None:
    row = re.compile(rf"^\|\s*{code.value}\s*\|\s*`?{code.name}`?\s*\|", re.MULTILINE)
    assert row.search(README_TEXT), f"README.md exit-code table lacks {code.value} {code.name}"
