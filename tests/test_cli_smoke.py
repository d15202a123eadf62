"""The installed entry point, run as a real subprocess (everything else tests in-process)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from redisdoctor import __version__
from redisdoctor.exitcodes import ExitCode

VENV_BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=60, cwd=ROOT, check=False)


def test_cli_smoke_console_script_version() -> None:
    result = _run(str(VENV_BIN / "redisdoctor"), "--version")
    assert result.returncode == ExitCode.OK, result.stderr
    assert result.stdout.strip() == f"redisdoctor {__version__}"


def test_cli_smoke_module_help() -> None:
    result = _run(sys.executable, "-m", "redisdoctor", "--help")
    assert result.returncode == ExitCode.OK, result.stderr
    assert "Usage" in result.stdout
    assert "redisdoctor" in result.stdout


def test_cli_smoke_help_does_not_import_redis_or_dns() -> None:
    # Fresh interpreter: `--help` and every command's `--help`, then list heavy modules loaded.
    code = (
        "import json, sys\n"
        "import typer.main\n"
        "from redisdoctor.cli import app\n"
        "names = list(typer.main.get_command(app).commands)\n"
        "for argv in [['--help']] + [[name, '--help'] for name in names]:\n"
        "    try:\n"
        "        app(argv, prog_name='redisdoctor')\n"
        "    except SystemExit as exc:\n"
        "        assert exc.code in (0, None), (argv, exc.code)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('redis', 'dns'))\n"
        "sys.stderr.write('HEAVY=' + json.dumps(heavy) + '\\n')\n"
    )
    result = _run(sys.executable, "-c", code)
    assert result.returncode == ExitCode.OK, result.stderr
    marker = [line for line in result.stderr.splitlines() if line.startswith("HEAVY=")]
    assert marker, result.stderr
    assert json.loads(marker[0].removeprefix("HEAVY=")) == []
    assert "Usage" in result.stdout


def test_cli_smoke_heavy_import_check_can_fail() -> None:
    # Control for the test above: importing redis is seen.
    code = "import sys, redis; print(sorted(m for m in sys.modules if m == 'redis'))"
    assert _run(sys.executable, "-c", code).stdout.strip() == "['redis']"


def test_cli_smoke_unknown_option_is_usage_error() -> None:
    result = _run(str(VENV_BIN / "redisdoctor"), "--no-such-option")
    assert result.returncode == ExitCode.USAGE
    assert "Traceback" not in result.stderr
