"""The only way a URL or a secret reaches output.

`redact_url` masks the password of one URL; `redact_text` masks every credential it can recognise
in free text (URLs with userinfo, password query parameters, AUTH commands) plus any secrets the
caller knows verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

MASK = "***"

# scheme://user:password@ (password may be empty user: "redis://:pw@host")
_URL_USERINFO = re.compile(
    r"(?P<scheme>\b[a-z][a-z0-9+.-]*://)(?P<user>[^:@/\s]*):(?P<password>[^@/\s]+)@",
    re.IGNORECASE,
)
_PASSWORD_PARAM = re.compile(
    r"(?P<key>\b(?:password|passwd|pass|pwd|requirepass|masterauth|auth_token|token)"
    r"[\"']?\s*[=:]\s*[\"']?)(?P<value>[^\s&\"',;}]+)",
    re.IGNORECASE,
)
# redis.conf / CONFIG SET style, the value after whitespace: "requirepass s3cret".
_CONFIG_SECRET = re.compile(
    r"(?P<key>\b(?:requirepass|masterauth)[\"']?[ \t]+[\"']?)"
    r"(?P<value>[^\s\"']+)",
    re.IGNORECASE,
)
# "AUTH password" or "AUTH username password": both words are masked, since which one is the
# password cannot be told from the text. Redis's own "AUTH <password> called without..." is kept.
_AUTH_COMMAND = re.compile(
    r"(?P<key>\bAUTH\s+)(?!<password>)(?P<value>\S+(?:[ \t]+\S+)?)", re.IGNORECASE
)


def redact_url(url: str) -> str:
    """`url` with its password (and password query parameters) replaced by ***."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return redact_text(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hostport = netloc.rpartition("@")
        user, sep, password = userinfo.partition(":")
        if sep and password:
            netloc = f"{user}:{MASK}@{hostport}"
        elif not sep and parts.scheme.lower() in {"redis", "rediss", "unix"} and user:
            # redis-py treats a lone userinfo as a password when no username is given: mask it.
            netloc = f"{MASK}@{hostport}"
    query = _PASSWORD_PARAM.sub(lambda m: m.group("key") + MASK, parts.query)
    shown = urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    # urlunsplit drops the '//' of an empty host part for schemes it does not know (unix:///x).
    if "://" in url and "://" not in shown:
        shown = shown.replace(":", "://", 1)
    return shown


def redact_text(text: str, secrets: Iterable[str] = ()) -> str:
    """`text` with URL passwords, password parameters, AUTH arguments and `secrets` masked."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, MASK)
    text = _URL_USERINFO.sub(lambda m: f"{m.group('scheme')}{m.group('user')}:{MASK}@", text)
    text = _PASSWORD_PARAM.sub(lambda m: m.group("key") + MASK, text)
    text = _CONFIG_SECRET.sub(lambda m: m.group("key") + MASK, text)
    return _AUTH_COMMAND.sub(lambda m: m.group("key") + MASK, text)
