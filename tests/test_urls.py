"""Parsing and validating Redis URLs into RedisTarget, with secrets kept out of every display."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redisdoctor.errors import UsageError
from redisdoctor.report import dumps
from redisdoctor.urls import parse_redis_url

SECRET = "Zebra-Quokka-81f3"


def test_urls_plain_defaults() -> None:
    target = parse_redis_url("redis://cache.example.com")
    assert (target.scheme, target.host, target.port, target.db) == (
        "redis",
        "cache.example.com",
        6379,
        0,
    )
    assert not target.tls and not target.has_password and target.username is None
    assert target.endpoint == "cache.example.com:6379"


def test_urls_tls_user_password_db() -> None:
    target = parse_redis_url(f"rediss://app:{SECRET}@10.0.0.5:6380/4")
    assert target.tls and target.username == "app" and target.password == SECRET
    assert (target.host, target.port, target.db) == ("10.0.0.5", 6380, 4)
    assert SECRET not in target.display and "app:***@" in target.display
    assert SECRET not in repr(target)
    assert SECRET not in dumps(target.to_dict())


def test_urls_password_only_and_percent_encoding() -> None:
    target = parse_redis_url("redis://:p%40ss%2Fword@host:1/0")
    assert target.password == "p@ss/word" and target.username is None
    assert "p%40ss" not in target.display


def test_urls_query_parameters_follow_redis_py() -> None:
    target = parse_redis_url(
        f"redis://host/1?db=3&password={SECRET}&username=u&socket_timeout=1.5"
        "&ssl_cert_reqs=none&protocol=2&bogus=1"
    )
    assert target.db == 3 and target.password == SECRET and target.username == "u"
    assert target.params["socket_timeout"] == 1.5 and target.protocol == 2
    assert target.ignored_params == ("bogus",)
    assert SECRET not in target.display and SECRET not in dumps(target.to_dict())


def test_urls_ipv6_literal() -> None:
    target = parse_redis_url("redis://[::1]:7000")
    assert target.host == "::1" and target.port == 7000 and target.endpoint == "[::1]:7000"


def test_urls_unix_socket_with_db() -> None:
    target = parse_redis_url(f"unix://:{SECRET}@/run/redis/redis.sock?db=2")
    assert target.is_unix and target.path == "/run/redis/redis.sock" and target.db == 2
    assert target.password == SECRET and target.port is None
    assert target.display == "unix://:***@/run/redis/redis.sock?db=2"
    assert parse_redis_url("unix:///tmp/r.sock").display == "unix:///tmp/r.sock"


def test_urls_missing_host_defaults_to_localhost_like_redis_py() -> None:
    assert parse_redis_url("redis://:6380").host == "localhost"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("localhost:6379", "not a Redis URL"),
        ("http://host:6379", "unknown URL scheme"),
        ("redis://host:99999", "bad port"),
        ("redis://host:abc", "bad port"),
        ("redis://host/abc", "bad database number"),
        ("redis://host?socket_timeout=fast", "socket_timeout"),
        ("redis://host?protocol=4", "protocol"),
        ("redis://host?ssl_cert_reqs=maybe", "ssl_cert_reqs"),
        ("unix://", "without a socket path"),
        ("redis://[::zz]:1", "IPv6"),
    ],
)
def test_urls_bad_input_is_usage_error(url: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_redis_url(url)


def test_urls_usage_error_never_shows_password() -> None:
    with pytest.raises(UsageError) as info:
        parse_redis_url(f"redis://user:{SECRET}@host:99999")
    assert SECRET not in str(info.value)
    with pytest.raises(UsageError) as info:
        parse_redis_url(f"http://user:{SECRET}@host")
    assert SECRET not in str(info.value)


@given(
    password=st.text(
        alphabet=st.characters(min_codepoint=33, max_codepoint=126, exclude_characters="@/:?#[]%"),
        min_size=6,
        max_size=30,
    )
)
def test_urls_display_never_holds_password(password: str) -> None:
    target = parse_redis_url(f"redis://user:{password}@h:1/0")
    assert target.password == password
    assert target.display == "redis://user:***@h:1/0"
    assert target.to_dict()["password"] == "***"


@pytest.mark.parametrize("special", ["#", "?", "/", "?x=", "/0#"])
def test_urls_unencoded_special_character_in_password_is_refused_without_showing_it(
    special: str,
) -> None:
    with pytest.raises(UsageError, match="percent-encode") as info:
        parse_redis_url(f"redis://user:ab{special}{SECRET}@host:6379/0")
    assert SECRET not in str(info.value) and "ab" not in str(info.value)
    assert "'redis://***@host:6379/0'" in str(info.value)


def test_urls_at_sign_in_a_known_query_value_is_fine() -> None:
    target = parse_redis_url("redis://host:1/0?client_name=ops@example")
    assert target.host == "host" and target.params["client_name"] == "ops@example"


@given(
    password=st.text(
        alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=4, max_size=30
    )
)
def test_urls_any_password_stays_hidden_whether_or_not_the_url_parses(password: str) -> None:
    secret = "Zq" + password + "Qz"  # distinctive: cannot occur in the rest of the URL
    try:
        target = parse_redis_url(f"redis://user:{secret}@h:1/0")
    except UsageError as exc:
        assert secret not in str(exc) and "Zq" not in str(exc)
        return
    shown = target.display + dumps(target.to_dict()) + repr(target)
    assert "Zq" not in shown and target.password == unquote(secret)
