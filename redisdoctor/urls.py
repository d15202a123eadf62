"""Redis URLs: parse and validate them into a `RedisTarget`, with a display that hides secrets.

The rules follow redis-py's `parse_url` (what an application's client will do with the same URL):
redis://, rediss:// (TLS) and unix:// schemes; ``user:password@``; the db as the path or ``?db=N``;
redis-py's query parameters (``password``, ``username``, ``socket_timeout``, ``ssl_cert_reqs``,
...). Where redis-py silently ignores a mistake (a db path that is not a number), this module
refuses it with a `UsageError`, because a probe that tests something else than intended misleads.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import SplitResult, parse_qs, unquote, urlsplit

from redisdoctor.errors import UsageError
from redisdoctor.redact import MASK, redact_text, redact_url

SCHEMES = ("redis", "rediss", "unix")
DEFAULT_PORT = 6379

_TRUE = {"1", "true", "yes", "y", "on"}
_FALSE = {"0", "false", "no", "n", "off", ""}
_CERT_REQS = {"none", "optional", "required"}

# redis-py's typed query parameters (URL_QUERY_ARGUMENT_PARSERS) and how to check them.
_INT_PARAMS = {
    "db",
    "socket_read_size",
    "max_connections",
    "health_check_interval",
    "ssl_min_version",
    "protocol",
}
_FLOAT_PARAMS = {"socket_timeout", "socket_connect_timeout", "timeout"}
_BOOL_PARAMS = {"socket_keepalive", "retry_on_timeout", "ssl_check_hostname", "legacy_responses"}
_STR_PARAMS = {
    "password",
    "username",
    "client_name",
    "ssl_cert_reqs",
    "ssl_ca_certs",
    "ssl_ca_path",
    "ssl_certfile",
    "ssl_keyfile",
    "ssl_password",
    "retry_on_error",
    "ssl_include_verify_flags",
    "ssl_exclude_verify_flags",
    "lib_name",
    "lib_version",
}
KNOWN_PARAMS = frozenset(_INT_PARAMS | _FLOAT_PARAMS | _BOOL_PARAMS | _STR_PARAMS)
_SECRET_PARAMS = frozenset({"password", "ssl_password"})


@dataclass(frozen=True, slots=True)
class RedisTarget:
    """Where and how to reach one Redis server, as a client given the URL would.

    `password` is kept for the probe's AUTH but never shown: `display` and `to_dict` mask it, and
    `repr` omits it.
    """

    scheme: str
    host: str | None
    port: int | None
    path: str | None
    db: int
    username: str | None
    password: str | None = field(repr=False)
    params: Mapping[str, Any] = field(default_factory=dict, repr=False)
    ignored_params: tuple[str, ...] = ()
    display: str = ""
    # redis://NAME@host: a lone NAME is a user name to redis-py, but often a password that lost
    # its leading ':', so it is never shown.
    lone_user: bool = False

    @property
    def tls(self) -> bool:
        """True for rediss:// URLs."""
        return self.scheme == "rediss"

    @property
    def is_unix(self) -> bool:
        return self.scheme == "unix"

    @property
    def has_password(self) -> bool:
        return bool(self.password)

    @property
    def secrets(self) -> tuple[str, ...]:
        """The verbatim secrets of this target, for `redact_text`."""
        values = [self.password or "", str(self.params.get("ssl_password") or "")]
        return tuple(value for value in values if value)

    @property
    def user_label(self) -> str:
        """The user name for output: ``default`` when none, ``***`` for a lone ``NAME@``."""
        if self.lone_user:
            return MASK
        return self.username or "default"

    @property
    def endpoint(self) -> str:
        """``host:port`` (IPv6 in brackets) or the socket path; never a credential."""
        if self.is_unix:
            return self.path or ""
        host = self.host or ""
        if ":" in host:
            host = f"[{host}]"
        return f"{host}:{self.port}"

    @property
    def protocol(self) -> int | None:
        """The RESP version the URL asks for (``?protocol=2|3``), or None for the default."""
        value = self.params.get("protocol")
        return int(value) if value is not None else None

    def redact(self, text: str) -> str:
        """`text` with this target's secrets and any URL passwords masked."""
        return redact_text(text, self.secrets)

    def to_dict(self) -> dict[str, Any]:
        """The target for JSON: credentials are reported as present or absent, never shown."""
        return {
            "url": self.display,
            "scheme": self.scheme,
            "host": self.host,
            "port": self.port,
            "path": self.path,
            "db": self.db,
            "tls": self.tls,
            "username": MASK if self.lone_user else self.username,
            "password": MASK if self.password else None,
            "params": {
                key: (MASK if key in _SECRET_PARAMS else value)
                for key, value in sorted(self.params.items())
            },
            "ignored_params": list(self.ignored_params),
        }


def _parse_param(key: str, value: str) -> Any:
    if key in _INT_PARAMS:
        try:
            return int(value)
        except ValueError:
            raise UsageError(f"invalid value for {key!r} in the URL: expected an integer") from None
    if key in _FLOAT_PARAMS:
        try:
            number = float(value)
        except ValueError:
            raise UsageError(f"invalid value for {key!r} in the URL: expected a number") from None
        if not number > 0:
            raise UsageError(f"invalid value for {key!r} in the URL: must be > 0")
        return number
    if key in _BOOL_PARAMS:
        lowered = value.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise UsageError(f"invalid value for {key!r} in the URL: expected true or false")
    if key == "ssl_cert_reqs" and value.lower() not in _CERT_REQS:
        raise UsageError("invalid value for 'ssl_cert_reqs' in the URL: none, optional or required")
    return value


def parse_redis_url(url: str) -> RedisTarget:
    """Parse and validate `url`; raise `UsageError` with one clear, redacted line when it is bad."""
    text = url.strip()
    if "://" not in text:
        raise UsageError(
            f"not a Redis URL: {_masked(text)!r} (expected "
            "redis://[user:password@]host[:port][/db], rediss://... or unix:///path/to/socket)"
        )
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise UsageError(f"malformed URL {_masked(text)!r}: {redact_text(str(exc))}") from None
    if _userinfo_cut_short(text, parts):
        raise UsageError(
            f"malformed URL {_masked(text)!r}: the password contains '#', '?' or '/', which end "
            "the host part early; percent-encode them (%23, %3F, %2F), e.g. "
            "redis://user:p%23ss@host"
        )
    shown = redact_url(text)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise UsageError(
            f"unknown URL scheme {parts.scheme + '://'!r} in {shown!r} "
            "(expected redis://, rediss:// or unix://)"
        )
    params: dict[str, Any] = {}
    ignored: list[str] = []
    for key, values in parse_qs(parts.query, keep_blank_values=True).items():
        if key not in KNOWN_PARAMS:
            ignored.append(key)
            continue
        params[key] = _parse_param(key, values[-1])
    username = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    if password is None and params.get("password"):
        password = str(params["password"])
    if username is None and params.get("username"):
        username = str(params["username"])
    params.pop("password", None)
    params.pop("username", None)
    host: str | None = None
    port: int | None = None
    path: str | None = None
    db = 0
    if scheme == "unix":
        path = unquote(parts.path)
        if not path:
            raise UsageError(f"unix:// URL without a socket path: {shown!r}")
        db = int(params.pop("db", 0))
    else:
        try:
            port = parts.port if parts.port is not None else DEFAULT_PORT
        except ValueError:
            raise UsageError(f"bad port in {shown!r}: expected a number from 1 to 65535") from None
        if not 0 < port < 65536:
            raise UsageError(f"bad port in {shown!r}: expected a number from 1 to 65535")
        raw_host = parts.hostname
        # redis-py falls back to localhost when the URL names no host.
        host = unquote(raw_host) if raw_host else "localhost"
        _check_host(host, shown)
        db_text = unquote(parts.path).strip("/")
        if "db" in params:
            db = int(params.pop("db"))
        elif db_text:
            if not db_text.isdigit():
                raise UsageError(
                    f"bad database number {db_text!r} in {shown!r}: expected /0, /1, ..."
                )
            db = int(db_text)
    if db < 0:
        raise UsageError(f"bad database number {db} in {shown!r}: must be >= 0")
    if params.get("protocol") not in (None, 2, 3):
        raise UsageError(f"invalid value for 'protocol' in {shown!r}: expected 2 or 3")
    return RedisTarget(
        scheme=scheme,
        host=host,
        port=port,
        path=path,
        db=db,
        username=username,
        password=password,
        params=params,
        ignored_params=tuple(sorted(ignored)),
        display=shown,
        lone_user=bool(parts.username) and parts.password is None,
    )


def _masked(text: str) -> str:
    """`text` with everything between the scheme and its last '@' masked: for a URL too broken to
    tell a user name from a password from a host, nothing of the credentials is shown."""
    if "@" not in text:
        return redact_text(text)
    scheme, sep, _ = text.partition("://")
    return f"{scheme + sep if sep else ''}{MASK}@{text.rpartition('@')[2]}"


def _userinfo_cut_short(text: str, parts: SplitResult) -> bool:
    """True when an unencoded '#', '?' or '/' in the password ended the host part early, so an
    '@' of the userinfo landed in the path, query or fragment (the text before it would otherwise
    be shown as a host, a port, a db or a query parameter)."""
    if "@" not in text:
        return False
    unix = parts.scheme.lower() == "unix"
    # The host part of a unix:// URL is empty or only userinfo ("user:password@").
    if unix and parts.netloc and not parts.netloc.endswith("@"):
        return True
    if "@" in parts.fragment or ("@" in parts.path and not (unix and not parts.netloc)):
        return True
    # An '@' in a query is fine only inside the value of a known parameter (client_name=a@b).
    return any(
        "@" in item and item.partition("=")[0] not in KNOWN_PARAMS
        for item in parts.query.split("&")
    )


def _check_host(host: str, shown: str) -> None:
    if any(ch.isspace() for ch in host) or any(ch in host for ch in "/\\?#@"):
        raise UsageError(f"bad host name in {shown!r}")
    if ":" in host:
        try:
            ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            raise UsageError(f"bad IPv6 address in {shown!r}") from None
