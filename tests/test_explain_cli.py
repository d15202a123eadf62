"""`redisdoctor explain`: each input mode, JSON, redaction, exit codes, every ecosystem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from redisdoctor.cli import app
from redisdoctor.exitcodes import ExitCode
from redisdoctor.explain import explain_line, explain_lines
from redisdoctor.taxonomy import Category

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parent.parent / "sample_logs" / "explain_samples.txt"
SEED = "Error -2 connecting to flowing-snail-56122.upstash.io:6379. Name or service not known."
SECRET = "Zq9xK-distinctive-s3cret"

# One line per ecosystem of issue 2 (the sample file's lines, in order) and its category.
SAMPLE_CATEGORIES: list[Category | None] = [
    Category.DNS_NXDOMAIN,  # redis-py (the seed)
    Category.DNS_TEMPORARY,  # Celery / kombu
    Category.TIMEOUT,  # django-redis
    Category.REFUSED,  # ioredis
    Category.RESET,  # node-redis
    Category.DNS_TEMPORARY,  # go-redis
    Category.AUTH,  # Jedis
    Category.READONLY,  # Lettuce
    Category.OOM,  # Redisson
    Category.UNREACHABLE,  # redis-rb
    Category.DNS_NXDOMAIN,  # predis / Laravel
    Category.TIMEOUT,  # StackExchange.Redis
    Category.RESET,  # redis-rs
    Category.AUTH,  # redis-server replication log
    Category.MISCONF,  # redis-server persistence log
    Category.TLS,  # redis-py over TLS
    Category.LOADING,  # a RESP reply
    None,  # redis-server success line
    None,  # Postgres look-alike
]


def _run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, ["explain", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def _report(stdout: str) -> dict[str, Any]:
    document = json.loads(stdout)
    assert document["schema_version"] == 1
    assert document["command"] == "explain"
    report: dict[str, Any] = document["report"]
    return report


def test_explain_text_prints_category_meaning_transient_and_next_step() -> None:
    code, out, _err = _run(SEED)
    assert code == ExitCode.FAILURES, out
    assert "dns_nxdomain" in out
    assert "The hostname does not exist in DNS." in out
    assert "not transient" in out
    assert "dig +short HOST" in out
    assert "1 recognised as a Redis failure, 0 not recognised" in out


def test_explain_transient_category_says_so() -> None:
    code, out, _err = _run(
        "[ioredis] Unhandled error event: Error: connect ECONNREFUSED 10.0.0.1:6379"
    )
    assert code == ExitCode.FAILURES
    assert "refused" in out
    assert "transient: usually heals" in out
    assert "[ioredis]" in out  # brackets are text, not rich markup


def test_explain_unrecognised_line_says_so_and_exits_ok() -> None:
    code, out, _err = _run("GET /health 200 3ms")
    assert code == ExitCode.OK, out
    assert "not recognised" in out
    assert "Not recognised as a Redis failure." in out


def test_explain_words_are_joined_into_one_line() -> None:
    code, out, _err = _run("--json", "NOAUTH", "Authentication", "required.")
    assert code == ExitCode.FAILURES
    report = _report(out)
    assert [line["input"] for line in report["lines"]] == ["NOAUTH Authentication required."]
    assert report["lines"][0]["category"] == "auth"


def test_explain_bare_mechanism_is_unrecognised_but_hints_what_it_would_be() -> None:
    code, out, _err = _run("--json", "Connection refused")
    assert code == ExitCode.OK
    line = _report(out)["lines"][0]
    assert line["category"] is None
    assert line["transient"] is None
    assert line["if_about_redis"] == "refused"
    code, human, _err = _run("Connection refused")
    assert code == ExitCode.OK
    assert "If it is about Redis, it is refused" in " ".join(human.split())


def test_explain_stdin_reads_one_record_per_line() -> None:
    stdin = f"{SEED}\n\nGET / 200\n-READONLY You can't write against a read only replica.\n"
    code, out, _err = _run("--json", "-", stdin=stdin)
    assert code == ExitCode.FAILURES
    report = _report(out)
    assert [line["category"] for line in report["lines"]] == ["dns_nxdomain", None, "readonly"]
    assert (report["recognised"], report["unrecognised"]) == (2, 1)


def test_explain_file_covers_every_ecosystem() -> None:
    code, out, _err = _run("--json", "--file", str(SAMPLES))
    assert code == ExitCode.FAILURES
    report = _report(out)
    got = [line["category"] for line in report["lines"]]
    assert got == [c.value if c is not None else None for c in SAMPLE_CATEGORIES]
    assert report["recognised"] == sum(1 for c in SAMPLE_CATEGORIES if c is not None)
    assert report["unrecognised"] == 2
    for line in report["lines"]:
        assert set(line) == {
            "input",
            "category",
            "meaning",
            "transient",
            "next_step",
            "if_about_redis",
        }
        if line["category"] is not None:
            assert isinstance(line["transient"], bool)
            assert line["next_step"]


def test_explain_file_human_output_numbers_every_line() -> None:
    code, out, _err = _run("--file", str(SAMPLES))
    assert code == ExitCode.FAILURES
    assert f"{len(SAMPLE_CATEGORIES)}. " in out
    assert f"{len(SAMPLE_CATEGORIES)} lines: 17 recognised" in out


def test_explain_json_exit_code_matches_human_exit_code() -> None:
    for text, expected in ((SEED, ExitCode.FAILURES), ("all good", ExitCode.OK)):
        human_code, _out, _err = _run(text)
        json_code, out, _err = _run("--json", text)
        assert human_code == json_code == expected
        assert json.loads(out)["exit_code"] == expected


@pytest.mark.parametrize("as_json", [False, True], ids=["human", "json"])
def test_explain_redacts_secrets_in_urls_and_auth_arguments(as_json: bool) -> None:
    lines = [
        f"consumer: Cannot connect to redis://:{SECRET}@cache:6379/0: Error 111 connecting to "
        "cache:6379. Connection refused.",
        f"rediss://app:{SECRET}@redis.example.com:6380 WRONGPASS invalid username-password pair",
        f"redis-cli -h cache AUTH default {SECRET} -> (error) NOAUTH Authentication required.",
        f"Redis connection failed: password={SECRET} Error -3 connecting to r:6379. Try again.",
    ]
    args = ["--json", "-"] if as_json else ["-"]
    code, out, err = _run(*args, stdin="\n".join(lines) + "\n")
    assert code == ExitCode.FAILURES
    assert SECRET not in out
    assert SECRET not in err
    assert "***" in out
    if as_json:
        categories = [line["category"] for line in _report(out)["lines"]]
        assert categories == ["refused", "auth", "auth", "dns_temporary"]


def test_explain_without_input_is_a_usage_error() -> None:
    code, out, err = _run()
    assert code == ExitCode.USAGE
    assert out == ""
    assert "nothing to explain" in err


def test_explain_empty_stdin_is_a_usage_error() -> None:
    code, _out, err = _run("-", stdin="\n\n")
    assert code == ExitCode.USAGE
    assert "standard input" in err


def test_explain_text_and_file_together_is_a_usage_error(tmp_path: Path) -> None:
    log = tmp_path / "a.log"
    log.write_text(SEED + "\n")
    code, _out, err = _run(SEED, "--file", str(log))
    assert code == ExitCode.USAGE
    assert "not both" in err


def test_explain_missing_file_is_bad_input(tmp_path: Path) -> None:
    code, out, err = _run("--file", str(tmp_path / "missing.log"))
    assert code == ExitCode.BAD_INPUT
    assert out == ""
    assert "cannot read" in err
    assert "Traceback" not in err


def test_explain_directory_as_file_is_bad_input(tmp_path: Path) -> None:
    code, _out, err = _run("--file", str(tmp_path))
    assert code == ExitCode.BAD_INPUT
    assert "cannot read" in err


def test_explain_file_with_undecodable_bytes_still_explains(tmp_path: Path) -> None:
    log = tmp_path / "mixed.log"
    log.write_bytes(b"\xff\xfe garbage\n" + SEED.encode() + b"\n")
    code, out, _err = _run("--json", "--file", str(log))
    assert code == ExitCode.FAILURES
    assert _report(out)["recognised"] == 1


def test_explain_empty_file_explains_nothing_and_exits_ok(tmp_path: Path) -> None:
    log = tmp_path / "empty.log"
    log.write_text("")
    code, out, _err = _run("--json", "--file", str(log))
    assert code == ExitCode.OK
    assert _report(out) == {"lines": [], "recognised": 0, "unrecognised": 0}


def test_explain_library_redacts_known_secrets_and_keeps_category() -> None:
    explanation = explain_line(f"NOAUTH for token {SECRET}", secrets=[SECRET])
    assert explanation.category is Category.AUTH
    assert SECRET not in explanation.input
    report = explain_lines(["", "   ", SEED])
    assert len(report.lines) == 1
    assert report.to_dict()["recognised"] == 1


# One real line (from a public bug report, see tests/taxonomy_cases.py) per ecosystem of issue 2.
REAL_LINE_PER_ECOSYSTEM = {
    "redis-py": "real: redis-py 4.0 / redis/redis-py#2168",
    "Celery / kombu": "real: Celery / cookiecutter/cookiecutter-django#4480",
    "django-redis": "real: django-redis / apecloud/ApeRAG#584",
    "RQ": "real: RQ 0.5 / rq/rq#671",
    "ioredis": "real: ioredis / canada-ca/tracker#3136",
    "node-redis": "real: node-redis 4.0 / redis/node-redis#2049",
    "go-redis": "real: go-redis v9 mTLS / redis/go-redis#2223",
    "redigo": "real: redigo / SkygearIO/skygear-server#1206",
    "Jedis": "real: Jedis 2.7 / redis/jedis#1029",
    "Lettuce": "real: Lettuce 6.1 / redis/lettuce#2177",
    "Spring Data Redis": "real: Spring Data Redis 2.3 / redis/lettuce#1552",
    "Redisson": "real: Redisson 2.10 / redisson/redisson#1288",
    "redis-rb": "real: redis-rb / EBWiki/EBWiki#3997",
    "Sidekiq": "real: Sidekiq 3 foreman / feedbin/feedbin#120",
    "predis": "real: predis / takayukii/example-laravelchat-echo-socket.io#3",
    "phpredis": "real: phpredis PHP 8 / ddev/ddev#7095",
    "Laravel": "real: predis Laravel log / guillaumebriday/laravel-blog#52",
    "StackExchange.Redis": "real: StackExchange.Redis 2.2 / StackExchange/StackExchange.Redis#1955",
    "redis-rs": "real: redis-rs Windows / redis-rs/redis-rs#1287",
    "redis-server replication": "real: redis-server 6 / redis/redis#9351",
    "redis-server TLS": "real: redis-server 7.2 TLS / bitnami/charts#28605",
    "Sentinel": "real: Sentinel 7 / redis/redis#12968",
    "musl": "real: Credis musl / mage2click/m2c#12",
    "macOS": "real: redis-py macOS / comsysto/twitter-realtime-heatmap#2",
    "Windows": "real: redigo Windows / gwduan/beego-demo#8",
    "non-English message": "real: redis-py Windows zh / jhao104/proxy_pool#761",
}


@pytest.mark.parametrize("ecosystem", sorted(REAL_LINE_PER_ECOSYSTEM))
def test_explain_real_line_of_every_ecosystem(ecosystem: str) -> None:
    from tests.taxonomy_cases import CASES

    rows = [case for case in CASES if case[0] == REAL_LINE_PER_ECOSYSTEM[ecosystem]]
    assert len(rows) == 1, ecosystem
    _source, text, expected = rows[0]
    assert expected is not None
    # As TEXT, a pasted multi-line record (a traceback, a Rust panic) is explained as one record.
    code, out, _err = _run("--json", text)
    assert code == ExitCode.FAILURES, out
    [line] = _report(out)["lines"]
    assert line["category"] == expected.value


def test_explain_cli_binary_file_shows_no_control_bytes(tmp_path: Path) -> None:
    binary = tmp_path / "bin.dat"
    binary.write_bytes(b"\x00\x01\x1b[31mbinary\xff\xfe\n")
    result = CliRunner().invoke(app, ["explain", "--file", str(binary), "--json"])
    assert result.exit_code == ExitCode.OK, result.output
    shown = json.loads(result.stdout)["report"]["lines"][0]["input"]
    assert "binary" in shown
    assert not any(ord(char) < 32 for char in shown)
