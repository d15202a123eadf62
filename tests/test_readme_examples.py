"""The README's examples run: every `redisdoctor ...` line in a ```sh block that needs neither a
live Redis nor files outside the repository, and the first set-up command's main job.

A README example that drifts from the CLI (a renamed option, a moved sample file) fails here.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redisdoctor.cli import app
from redisdoctor.exitcodes import ExitCode

ROOT = Path(__file__).resolve().parent.parent
README_TEXT = (ROOT / "README.md").read_text(encoding="utf-8")

# Commands whose examples run offline on bundled data; probe needs a live target.
OFFLINE = ("explain", "analyze", "simulate")
# Exit codes an example may end with: success, or "failures found" for explain/analyze.
FINE = {ExitCode.OK, ExitCode.FAILURES}


def _sh_lines() -> list[str]:
    lines: list[str] = []
    for block in re.findall(r"```sh\n(.*?)```", README_TEXT, re.DOTALL):
        lines += [line.strip() for line in block.splitlines() if line.strip()]
    return lines


def _invocations(line: str) -> list[list[str]]:
    """The `redisdoctor` invocations of one shell line, each as argv (no program name)."""
    found: list[list[str]] = []
    for part in line.split("&&"):
        words = shlex.split(part, comments=True)
        if not words:
            continue
        program = Path(words[0]).name
        if program != "redisdoctor":
            continue
        if ">" in words:  # a redirect: the example's output file is not part of the check
            words = words[: words.index(">")]
        found.append(words[1:])
    return found


def _offline_examples() -> list[list[str]]:
    examples: list[list[str]] = []
    for line in _sh_lines():
        if "|" in line or "$" in line or "[" in line:
            continue  # pipes from other tools, env vars, usage synopses
        for argv in _invocations(line):
            if not argv or argv[0] not in OFFLINE:
                continue
            paths = [arg for arg in argv if "/" in arg and not arg.startswith("-")]
            if all(arg.startswith(("sample_logs/", "sim/")) for arg in paths):
                examples.append(argv)
    return examples


EXAMPLES = _offline_examples()


def test_readme_has_offline_examples_for_each_offline_command() -> None:
    assert {argv[0] for argv in EXAMPLES} == set(OFFLINE)


def test_readme_first_setup_command_runs_the_main_job() -> None:
    first = _sh_lines()[0]
    assert first.startswith("bash scripts/install.sh && .venv/bin/redisdoctor analyze ")
    (argv,) = _invocations(first)
    result = CliRunner().invoke(app, [*argv, "--json"], catch_exceptions=False)
    assert result.exit_code == ExitCode.OK, result.output[-2000:]
    document = json.loads(result.stdout)
    assert document["command"] == "analyze"


@pytest.mark.parametrize("argv", EXAMPLES, ids=[" ".join(argv) for argv in EXAMPLES])
def test_readme_example_runs(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "sample_logs").symlink_to(ROOT / "sample_logs")
    monkeypatch.chdir(tmp_path)
    if argv[0] == "analyze" and any(arg.startswith("sim/") for arg in argv):
        # the README writes sim/ with `simulate --log-out sim/` first, on the same line
        simulate = CliRunner().invoke(app, ["simulate", "--outage", "1h-3h", "--log-out", "sim/"])
        assert simulate.exit_code == ExitCode.OK, simulate.output
    result = CliRunner().invoke(app, argv, catch_exceptions=False)
    assert result.exit_code in FINE, result.output[-2000:]
    assert result.stdout.strip(), "the example printed nothing"
    if "--json" in argv:
        assert json.loads(result.stdout)["command"] == argv[0]


def test_readme_policy_table_matches_backoff_policy() -> None:
    from redisdoctor.backoff import BackoffPolicy
    from redisdoctor.taxonomy import Category

    policy = BackoffPolicy(jitter=0)
    section = README_TEXT.split("## The policy, in numbers", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    table = {
        Category(name): row
        for row in rows
        for name in re.findall(r"`([a-z_]+)`", row.split(" | ")[0])
        if name in {c.value for c in Category}
    }
    assert set(table) == set(Category)
    for category, row in table.items():
        waits = ", ".join(str(round(policy.nominal_delay(n, category))) for n in range(1, 6))
        attempts = len(policy.schedule(86400, category))
        assert f"| {waits} | {attempts} |" in row, (category, row)
