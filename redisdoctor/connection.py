"""redis-py connection classes that resolve names through an injected `Resolver`.

redis-py calls `socket.getaddrinfo` inside `Connection._connect`; these subclasses do the same
connect loop with the resolver they are given, so a test can point a real redis-py client at a DNS
server on loopback. Pass them as a pool's `connection_class` with `resolver=` in its kwargs.
"""

from __future__ import annotations

import socket
from typing import Any

import redis

from redisdoctor.resolve import SYSTEM_RESOLVER, Resolver


class ResolvingConnection(redis.Connection):
    """A redis-py TCP connection whose name lookups go through `resolver`."""

    def __init__(self, *, resolver: Resolver | None = None, **kwargs: Any) -> None:
        self.resolver: Resolver = resolver if resolver is not None else SYSTEM_RESOLVER
        super().__init__(**kwargs)  # type: ignore[no-untyped-call]

    def _connect(self) -> socket.socket:
        # The same loop as redis-py's Connection._connect, with the injected resolver.
        err: OSError | None = None
        for family, socktype, proto, _canon, address in self.resolver.getaddrinfo(
            self.host, self.port, self.socket_type, socket.SOCK_STREAM
        ):
            sock = None
            try:
                sock = socket.socket(family, socktype, proto)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                if self.socket_keepalive:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
                    for option, value in self.socket_keepalive_options.items():
                        sock.setsockopt(socket.IPPROTO_TCP, option, value)
                sock.settimeout(self.socket_connect_timeout)
                sock.connect(address)
                sock.settimeout(self.socket_timeout)
                return sock
            except OSError as exc:
                err = exc
                if sock is not None:
                    sock.close()
        if err is not None:
            raise err
        raise OSError("the resolver returned no addresses")


class ResolvingSSLConnection(redis.SSLConnection, ResolvingConnection):
    """A redis-py TLS connection whose name lookups go through `resolver`.

    MRO: SSLConnection._connect wraps what ResolvingConnection._connect returns.
    """
