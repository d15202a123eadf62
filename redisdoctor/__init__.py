"""redisdoctor: diagnose why an application cannot reach its Redis, and a client that keeps
that failure from flooding the logs.

Library use::

    from redisdoctor import ResilientRedis
    client = ResilientRedis.from_url(os.environ["REDIS_URL"])

Heavy modules (redis-py, dnspython) load on first use of the names that need them, so the CLI's
``--help`` stays fast.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

logging.getLogger("redisdoctor").addHandler(logging.NullHandler())

# public name -> module that defines it
_LAZY: dict[str, str] = {
    "Category": "redisdoctor.taxonomy",
    "classify_exception": "redisdoctor.taxonomy",
    "classify_text": "redisdoctor.taxonomy",
    "Clock": "redisdoctor.clock",
    "SystemClock": "redisdoctor.clock",
    "VirtualClock": "redisdoctor.clock",
    "BackoffPolicy": "redisdoctor.backoff",
    "LogThrottle": "redisdoctor.throttle",
    "ExitCode": "redisdoctor.exitcodes",
    "redact_url": "redisdoctor.redact",
    "redact_text": "redisdoctor.redact",
    "DnsResolver": "redisdoctor.resolve",
    "Nameserver": "redisdoctor.resolve",
    "SystemResolver": "redisdoctor.resolve",
    "ResilientRedis": "redisdoctor.client",
    "AsyncResilientRedis": "redisdoctor.client",
    "UnavailableCommandError": "redisdoctor.client",
    "ConnectionState": "redisdoctor.state",
    "ClientState": "redisdoctor.state",
    "ClientEvent": "redisdoctor.state",
    "ThrottleFilter": "redisdoctor.logfilter",
}

__all__ = [
    "AsyncResilientRedis",
    "BackoffPolicy",
    "Category",
    "ClientEvent",
    "ClientState",
    "Clock",
    "ConnectionState",
    "DnsResolver",
    "ExitCode",
    "LogThrottle",
    "Nameserver",
    "ResilientRedis",
    "SystemClock",
    "SystemResolver",
    "ThrottleFilter",
    "UnavailableCommandError",
    "VirtualClock",
    "__version__",
    "classify_exception",
    "classify_text",
    "redact_text",
    "redact_url",
]

if TYPE_CHECKING:
    from redisdoctor.backoff import BackoffPolicy
    from redisdoctor.client import AsyncResilientRedis, ResilientRedis, UnavailableCommandError
    from redisdoctor.clock import Clock, SystemClock, VirtualClock
    from redisdoctor.exitcodes import ExitCode
    from redisdoctor.logfilter import ThrottleFilter
    from redisdoctor.redact import redact_text, redact_url
    from redisdoctor.resolve import DnsResolver, Nameserver, SystemResolver
    from redisdoctor.state import ClientEvent, ClientState, ConnectionState
    from redisdoctor.taxonomy import Category, classify_exception, classify_text
    from redisdoctor.throttle import LogThrottle


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'redisdoctor' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
