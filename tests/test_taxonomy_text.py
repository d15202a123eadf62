"""The text half of the taxonomy: `classify_text` against the case table, relevance, speed."""

from __future__ import annotations

import re
import timeit
from pathlib import Path

import pytest

from redisdoctor.taxonomy import (
    REDIS_RELEVANCE_HINTS,
    RELEVANCE,
    RULES,
    Category,
    classify_text,
)
from tests.taxonomy_cases import CASES


def _case_id(index: int, source: str) -> str:
    return f"{index:03d}-{re.sub(r'[^A-Za-z0-9.]+', '_', source).strip('_')}"


@pytest.mark.parametrize(
    ("source", "text", "expected"),
    CASES,
    ids=[_case_id(index, case[0]) for index, case in enumerate(CASES)],
)
def test_classify_text_case_table(source: str, text: str, expected: Category | None) -> None:
    assert classify_text(text) == expected, f"{source}: {text!r}"


def test_case_table_size_and_coverage() -> None:
    recognised = [case for case in CASES if case[2] is not None]
    lookalikes = [case for case in CASES if case[2] is None]
    assert len(CASES) >= 200
    assert len(lookalikes) >= 40
    assert {case[2] for case in recognised} == set(Category)
    texts = [case[1] for case in CASES]
    assert len(texts) == len(set(texts)), "duplicate rows"


def test_classify_text_accepted_records_contain_a_relevance_hint() -> None:
    for _source, text, _expected in CASES:
        if classify_text(text) is not None:
            lowered = text.lower().encode()
            assert any(hint in lowered for hint in REDIS_RELEVANCE_HINTS), text


def test_relevance_hints_are_lowercase_bytes() -> None:
    for hint in REDIS_RELEVANCE_HINTS:
        assert hint == hint.lower()
        assert len(hint) >= 3


def test_classify_text_hints_alone_are_not_enough() -> None:
    # Relevance needs evidence, and a mechanism; a hint word with neither is not a failure.
    assert classify_text("redis") is None
    assert classify_text("cluster rebalanced, master elected") is None
    assert classify_text("Connection refused") is None


def _all_text_patterns() -> list[str]:
    patterns = [p for rule in RULES for p in (*rule.text, *rule.redis_text)]
    return patterns + list(RELEVANCE)


def test_text_patterns_are_lowercase() -> None:
    for pattern in _all_text_patterns():
        # Upper case only in escapes (\S, \W, \D, \B); records are lower-cased before matching.
        assert re.sub(r"\\[SWDB]", "", pattern) == re.sub(r"\\[SWDB]", "", pattern).lower(), pattern


def test_text_patterns_start_with_a_literal_gate() -> None:
    # Every alternative must start with >= 3 literal characters: that is the `in` test run
    # before the regex, and what lets `re` skip ahead; without it every line pays the regex.
    from redisdoctor.taxonomy import _top_level_alternatives, leading_literal

    for pattern in _all_text_patterns():
        for alternative in _top_level_alternatives(pattern):
            assert len(leading_literal(alternative)) >= 3, (pattern, alternative)


def test_leading_literal_stops_at_metacharacters() -> None:
    from redisdoctor.taxonomy import leading_literal

    assert leading_literal(r"connection ?aborted") == "connection"
    assert leading_literal(r"\[ssl: x") == "[ssl: x"
    assert leading_literal(r"error \d+") == "error "
    assert leading_literal(r"\bnoauth") == ""


def test_classify_text_reads_a_traceback_bottom_up_past_source_lines() -> None:
    record = (
        "Traceback (most recent call last):\n"
        '  File "/app/redis/connection.py", line 698, in connect\n'
        '    raise TimeoutError("Timeout connecting to server")\n'
        "redis.exceptions.ConnectionError: Error 111 connecting to localhost:6379. "
        "Connection refused."
    )
    assert classify_text(record) is Category.REFUSED
    # The quoted source line alone would say timeout: it must be skipped, not just outranked.
    source_only = (
        "Traceback (most recent call last):\n"
        '  File "/app/redis/connection.py", line 698, in connect\n'
        '    raise TimeoutError("Timeout connecting to server")\n'
        "redis.exceptions.ConnectionError: Error connecting to localhost:6379."
    )
    assert classify_text(source_only) is Category.OTHER


def test_classify_text_mechanism_needs_relevance_elsewhere_in_the_record() -> None:
    line = "Error: connect ECONNREFUSED 10.0.0.8:7000"
    assert classify_text(line) is None
    assert classify_text(f"[ioredis] Unhandled error event: {line}") is Category.REFUSED
    assert classify_text(f"worker crashed\n{line}\n    at redis-client.js:10") is Category.REFUSED


def test_classify_text_own_client_names_the_category() -> None:
    line = (
        "ERROR:redisdoctor.client:Redis failure changed to tls at cache:6380 "
        "(Connection reset by peer); next attempt in 300s"
    )
    assert classify_text(line) is Category.TLS


def test_classify_text_node_errno_is_a_negated_errno_not_a_gai_code() -> None:
    # Node prints libuv's errno negated: "errno: -2" is ENOENT (a missing unix socket), while
    # redis-py's "Error -2 connecting" is getaddrinfo's EAI_NONAME.
    assert (
        classify_text("Redis error: connect ENOENT /tmp/redis.sock errno: -2") is Category.REFUSED
    )
    assert (
        classify_text("Error -2 connecting to cache:6379. Unknown error.") is Category.DNS_NXDOMAIN
    )
    assert classify_text("Redis error, errno: -110, code: 'ETIMEDOUT'") is Category.TIMEOUT


def test_classify_text_speed_on_typical_lines() -> None:
    lines = [text for _source, text, _expected in CASES if "\n" not in text]
    irrelevant = "2025-08-12T15:54:42Z INFO app.web: GET /api/v1/users/42 200 12ms request_id=3f2a"
    for line in lines:  # warm up
        classify_text(line)
    per_call = min(
        timeit.repeat(lambda: [classify_text(line) for line in lines], number=1, repeat=3)
    ) / len(lines)
    per_irrelevant = min(timeit.repeat(lambda: classify_text(irrelevant), number=200, repeat=3))
    # Generous bounds (the suite shares 2 cores): ~26 us and ~5 us measured; catastrophic regex
    # backtracking (the first draft took ~500 us) still fails.
    assert per_call < 250e-6, per_call
    assert per_irrelevant / 200 < 50e-6


def _readme_section(name: str) -> str:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index(f"<!-- section: {name} -->")
    end = readme.find("\n## ", start)
    return readme[start : end if end != -1 else None]


def test_readme_categories_table_lists_every_category_with_its_transience() -> None:
    section = _readme_section("categories")
    for category in Category:
        row = re.search(rf"^\| `{category.value}` \|(.*)$", section, re.MULTILINE)
        assert row is not None, f"{category.value} missing from the README categories table"
        cells = [cell.strip() for cell in row.group(1).split(" | ")]
        assert cells[0] == category.info.meaning
        assert cells[1] == ("yes" if category.transient else "no")


@pytest.mark.parametrize(
    "record",
    [
        "redis " + "lookup a: " * 5000,
        "redis " + "lookup a on b:53: " * 1000,
        "redis " + "getaddrinfo " * 5000,
        "redis " + "connection with master " * 1000,
        "redis " + "dns " * 5000,
        "redis " + "moved 1 " + "a" * 20000,
        "redis unavailable at " + "x" * 20000,
    ],
    ids=["lookups", "lookups-on", "getaddrinfo", "master", "dns", "moved", "own-line"],
)
def test_classify_text_is_linear_on_pathological_lines(record: str) -> None:
    # Unbounded `.*` between two words made such lines quadratic (a 200 kB line took 47 s).
    started = timeit.default_timer()
    classify_text(record)
    assert timeit.default_timer() - started < 0.5


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            "2:M 01 Feb 2025 10:00:00.000 # Error accepting a client connection: "
            "error:0A00010B:SSL routines::wrong version number (addr=10.0.0.5:51234)",
            Category.TLS,
        ),
        (
            "7:M 03 Mar 2025 11:00:00.000 - Protocol error (Unbalanced quotes in request) "
            "from client: id=5 addr=10.0.0.3:4444",
            Category.PROTOCOL,
        ),
        (
            "[811] 02 Jan 21:35:25.829 # I/O error reading bulk count from MASTER: "
            "Connection reset by peer",
            Category.RESET,
        ),
        ("1:X 01 Feb 2025 10:00:00.000 # +sdown slave 10.0.0.2:6379 10.0.0.2 6379", Category.OTHER),
        ("1:X 01 Feb 2025 10:00:09.000 # -sdown slave 10.0.0.2:6379 10.0.0.2 6379", None),
        ("12:C 01 Feb 2025 10:00:00.000 * DB saved on disk", None),
    ],
)
def test_classify_text_redis_server_log_format_is_relevance(
    record: str, expected: Category | None
) -> None:
    # redis-server's own line format ("pid:role date level") says the line is about Redis, so
    # the mechanism it carries counts; a success line in that format still does not.
    assert classify_text(record) is expected


def test_classify_text_reply_outranks_the_clients_auth_wrapper() -> None:
    # Clients wrap the refusal of their AUTH command; the reply names the failure.
    assert classify_text("Error: Auth error: ERR max number of clients reached") is (
        Category.MAX_CLIENTS
    )
    assert classify_text("Error: Auth error: ERR invalid password") is Category.AUTH
    assert classify_text("Login failed: invalid password for user bob") is None


def test_classify_text_other_databases_replication_is_not_redis() -> None:
    # redis-server prints "Connecting to MASTER host:port"; MySQL quotes 'user@host:port'.
    mysql = (
        "2019-01-01T00:00:00Z 5 [ERROR] Slave I/O for channel '': error connecting to master "
        "'repl@db1:3306' - retry-time: 60 retries: 3, Error_code: 2003"
    )
    assert classify_text(mysql) is None
    assert classify_text("1:S 01 Feb 2025 10:00:00.000 * Connecting to MASTER db1:6390") is None
    redis = "1:S 01 Feb 2025 10:00:00.000 # Error condition on socket for SYNC: Connection refused"
    assert classify_text(redis) is Category.REFUSED


def test_classify_text_client_idioms_without_a_redis_word() -> None:
    # redis-py 2.x printed "Error N connecting H:P." (no "to"); PHP 8 names the host in
    # "getaddrinfo for HOST failed"; StackExchange.Redis names its failure type.
    assert classify_text(
        "ConnectionError: Error 113 connecting 10.0.0.9:6390. No route to host."
    ) is (Category.UNREACHABLE)
    php = "Redis::pconnect(): php_network_getaddresses: getaddrinfo for cache.internal failed: %s"
    assert classify_text(php % "No such host is known.") is Category.DNS_NXDOMAIN
    assert classify_text(php % "Temporary failure in name resolution") is Category.DNS_TEMPORARY
    assert classify_text("SocketFailure on SET: Connection reset by peer") is Category.RESET
    assert classify_text("panic: dial redis failed: EOF") is Category.RESET
    assert classify_text("the job runner reached eof") is None


def test_category_values_are_exactly_the_design_table() -> None:
    # The names are a contract (JSON, logs, exit codes, docs): the categories of DESIGN.md, in
    # its order, and nothing else.
    assert [category.value for category in Category] == [
        "dns_nxdomain",
        "dns_temporary",
        "refused",
        "timeout",
        "reset",
        "unreachable",
        "tls",
        "auth",
        "loading",
        "readonly",
        "oom",
        "max_clients",
        "misconf",
        "cluster",
        "protocol",
        "other",
    ]
    transient = {category.value for category in Category if category.transient}
    assert transient == {
        "dns_temporary",
        "refused",
        "timeout",
        "reset",
        "unreachable",
        "loading",
        "max_clients",
        "cluster",
    }


def test_classify_text_quoted_error_reply_names_its_category() -> None:
    # A Redis error reply quoted with its RESP dash is Redis-specific evidence of its category.
    assert classify_text("Error reply to PING from master: '-LOADING R") is Category.LOADING
    assert classify_text("got '-BUSY Redis is busy running a script' from server") is (
        Category.LOADING
    )
    assert classify_text('reply: "-READONLY You can\'t write"') is Category.READONLY
    # Redirections are a cluster client's routine, and a dash-word is not a reply by itself.
    assert classify_text("the flag '-ask' is deprecated") is None
    assert classify_text("mvn -Dbusy=1 -loading test") is None
