"""`redisdoctor probe` through the CLI: --json, exit codes, redaction, usage errors, --watch."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from redisdoctor.cli import app
from redisdoctor.cli.probe import run_probe_command
from redisdoctor.clock import VirtualClock
from redisdoctor.exitcodes import ExitCode
from tests.fixtures.dns_server import LoopbackDnsServer
from tests.fixtures.redis_server import RedisServer, RedisServerFactory

SECRET = "Zebra-Quokka-81f3"
runner = CliRunner()


def probe_json(*args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["probe", "--json", *args])
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1 and document["command"] == "probe"
    assert document["exit_code"] == result.exit_code
    return result.exit_code, document


def test_probe_cli_healthy_json(redis_server: RedisServer) -> None:
    code, document = probe_json(redis_server.url, "--count", "4")
    assert code == ExitCode.OK
    report = document["report"]
    assert report["verdict"] == "OK"
    (only,) = report["probes"]
    assert only["verdict"]["label"] == "OK" and only["ping"]["count"] == 4
    assert [s["name"] for s in only["stages"]][:3] == ["parse", "resolve", "connect"]
    assert only["server"]["version"] == "7.0.15"


def test_probe_cli_healthy_plain_output(redis_server: RedisServer) -> None:
    result = runner.invoke(app, ["probe", redis_server.url])
    assert result.exit_code == ExitCode.OK, result.output
    assert "verdict: OK" in result.stdout
    for stage in ("parse", "resolve", "connect", "tls", "auth", "ping", "info"):
        assert f"  {stage} " in result.stdout


def test_probe_cli_refused_exit_unreachable(refusing_port: int) -> None:
    result = runner.invoke(app, ["probe", f"redis://127.0.0.1:{refusing_port}"])
    assert result.exit_code == ExitCode.UNREACHABLE, result.output
    assert "verdict: refused (stage connect" in result.stdout
    assert "next step:" in result.stdout


def test_probe_cli_nameserver_nxdomain(dns_server: LoopbackDnsServer) -> None:
    code, document = probe_json(
        "redis://gone.test:6379", "--nameserver", str(dns_server.nameserver), "--timeout", "0.5"
    )
    assert code == ExitCode.UNREACHABLE
    verdict = document["report"]["probes"][0]["verdict"]
    assert verdict["category"] == "dns_nxdomain" and verdict["stage"] == "resolve"
    assert dns_server.queries >= 1


def test_probe_cli_wrong_password_never_printed(
    redis_server_factory: RedisServerFactory,
) -> None:
    server = redis_server_factory(password="other-" + SECRET)
    url = server.url_for(password=SECRET)
    code, document = probe_json(url)
    assert code == ExitCode.AUTH
    assert document["report"]["probes"][0]["verdict"]["category"] == "auth"
    plain = runner.invoke(app, ["--debug", "probe", url])
    assert plain.exit_code == ExitCode.AUTH
    for text in (json.dumps(document), plain.output):
        assert SECRET not in text
    assert "***" in plain.output


def test_probe_cli_worst_exit_code_of_several(
    redis_server: RedisServer, refusing_port: int
) -> None:
    code, document = probe_json(redis_server.url, f"redis://127.0.0.1:{refusing_port}")
    assert code == ExitCode.UNREACHABLE
    labels = [p["verdict"]["label"] for p in document["report"]["probes"]]
    assert labels == ["OK", "refused"]
    plain = runner.invoke(app, ["probe", redis_server.url, f"redis://127.0.0.1:{refusing_port}"])
    assert plain.exit_code == ExitCode.UNREACHABLE
    assert "summary:" in plain.stdout


def test_probe_cli_default_url_from_env(
    refusing_port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDIS_URL", f"redis://:{SECRET}@127.0.0.1:{refusing_port}/0")
    result = runner.invoke(app, ["probe"])
    assert result.exit_code == ExitCode.UNREACHABLE, result.output
    assert f"redis://:***@127.0.0.1:{refusing_port}/0" in result.stdout
    assert SECRET not in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["localhost:6379"],
        ["http://localhost"],
        [f"redis://user:{SECRET}@host:99999"],
        ["redis://host/x"],
        ["--timeout", "0", "redis://127.0.0.1:1"],
        ["--count", "0", "redis://127.0.0.1:1"],
        ["--nameserver", "dns.example", "redis://127.0.0.1:1"],
        ["--max-probes", "2", "redis://127.0.0.1:1"],
        ["--watch", "redis://127.0.0.1:1", "redis://127.0.0.1:2"],
    ],
)
def test_probe_cli_usage_errors_are_one_line(args: list[str]) -> None:
    result = runner.invoke(app, ["probe", *args])
    assert result.exit_code == ExitCode.USAGE, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("redisdoctor: error: ")
    assert "Traceback" not in result.output and SECRET not in result.output


def test_probe_cli_missing_tls_ca_is_bad_input(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["probe", "--tls-ca", str(tmp_path / "nope.pem"), "rediss://127.0.0.1:1"]
    )
    assert result.exit_code == ExitCode.BAD_INPUT, result.output


def test_probe_cli_unparsable_tls_ca_is_bad_input(
    redis_server_factory: RedisServerFactory, tmp_path: Path
) -> None:
    server = redis_server_factory(tls=True)
    not_pem = tmp_path / "ca.pem"
    not_pem.write_text("not a certificate\n", encoding="utf-8")
    result = runner.invoke(app, ["probe", "--tls-ca", str(not_pem), server.url])
    assert result.exit_code == ExitCode.BAD_INPUT, result.output
    assert result.stderr.startswith(f"redisdoctor: error: cannot load the TLS CA file {not_pem}")


def test_probe_cli_tls_with_ca_and_insecure(redis_server_factory: RedisServerFactory) -> None:
    server = redis_server_factory(tls=True)
    code, document = probe_json("--tls-ca", str(server.ca_path), server.url)
    assert code == ExitCode.OK
    tls = document["report"]["probes"][0]["tls"]
    assert tls["verified"] is True and tls["days_to_expiry"] > 14
    code, document = probe_json(server.url)  # the CA is not in the system store
    assert code == ExitCode.UNREACHABLE
    assert document["report"]["probes"][0]["verdict"]["category"] == "tls"
    code, document = probe_json("--insecure", server.url)
    assert code == ExitCode.OK
    assert document["report"]["probes"][0]["tls"]["verified"] is False


def test_probe_cli_watch_json_bounded(redis_server: RedisServer) -> None:
    code, document = probe_json(
        "--watch", "--interval", "0.01", "--max-probes", "2", "--count", "1", redis_server.url
    )
    assert code == ExitCode.OK
    watch = document["report"]["watch"]
    assert watch["probes"] == 2
    assert [e["state"] for e in watch["events"]] == ["OK"]


def test_probe_cli_watch_prints_each_change(refusing_port: int) -> None:
    result = runner.invoke(
        app,
        [
            "probe",
            "--watch",
            "--interval",
            "0.01",
            "--max-probes",
            "3",
            f"redis://127.0.0.1:{refusing_port}",
        ],
    )
    assert result.exit_code == ExitCode.UNREACHABLE, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and "probe #1  refused (connect)" in lines[0]


def test_probe_cli_help_does_not_import_redis_or_dns() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from redisdoctor.cli import app\n"
        "result = CliRunner().invoke(app, ['probe', '--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert '--nameserver' in result.output\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('redis', 'dns') "
        "or m.startswith('redisdoctor.probe'))\n"
        "print(heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_probe_cli_entry_point_smoke(redis_server: RedisServer) -> None:
    exe = Path(sys.executable).with_name("redisdoctor")
    out = subprocess.run(
        [str(exe), "probe", "--json", redis_server.url], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == ExitCode.OK, out.stderr
    assert json.loads(out.stdout)["report"]["verdict"] == "OK"


class InterruptingClock(VirtualClock):
    """Ctrl-C arrives during the first sleep between probes."""

    def sleep(self, seconds: float) -> None:
        super().sleep(seconds)
        raise KeyboardInterrupt


def test_probe_cli_watch_ctrl_c_prints_and_exits_130(
    redis_server: RedisServer, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(typer.Exit) as info:
        run_probe_command(
            [redis_server.url],
            timeout=1.0,
            nameservers=[],
            count=1,
            tls_ca=None,
            insecure=False,
            watch=True,
            interval=60,
            max_probes=None,
            as_json=False,
            clock=InterruptingClock(),
        )
    assert info.value.exit_code == ExitCode.INTERRUPTED
    out = capsys.readouterr().out
    assert out.startswith("2025-08-12T15:54:42Z  probe #1  OK: Redis answers")


def test_probe_cli_waterfall_on_a_terminal_plain_through_a_pipe(
    redis_server_factory: RedisServerFactory, refusing_port: int
) -> None:
    server = redis_server_factory(password=SECRET)
    args = ["probe", server.url, f"redis://127.0.0.1:{refusing_port}"]
    # TTY_COMPATIBLE=1 is how rich is told that stdout is a terminal.
    terminal = runner.invoke(app, args, env={"TTY_COMPATIBLE": "1"})
    piped = runner.invoke(app, args, env={"TTY_COMPATIBLE": None, "FORCE_COLOR": None})
    assert terminal.exit_code == piped.exit_code == ExitCode.UNREACHABLE, terminal.output
    # The terminal gets styled tables with waterfall bars and one summary table.
    assert "\x1b[" in terminal.stdout and "\x1b[" not in piped.stdout
    shown = re.sub(r"\x1b\[[0-9;]*m", "", terminal.stdout)
    assert "\u2503 waterfall" in shown and "\u2588" in shown
    assert "summary" in shown and "\u2502 refused" in shown
    # The pipe gets plain lines: no table rules, no bars, one "summary:" block.
    assert "\u2588" not in piped.stdout and "\u2503" not in piped.stdout
    assert "  connect  fail " in piped.stdout and "summary:\n" in piped.stdout
    for text in (shown, piped.stdout):
        assert SECRET not in text and "redis://:***@127.0.0.1" in text


def test_probe_cli_pipe_does_not_import_rich(redis_server: RedisServer) -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from redisdoctor.cli import app\n"
        f"result = CliRunner().invoke(app, ['probe', {redis_server.url!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "assert 'verdict: OK' in result.stdout, result.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'statistics')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("TTY_COMPATIBLE", "FORCE_COLOR")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]", out.stdout
