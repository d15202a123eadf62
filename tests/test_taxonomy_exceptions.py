"""classify_exception on constructed exceptions: type and code decide, never English text."""

from __future__ import annotations

import errno
import socket
import ssl

import pytest
import redis.exceptions as rex

from redisdoctor.taxonomy import Category, classify_exception, classify_resp_error

C = Category


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (socket.EAI_NONAME, C.DNS_NXDOMAIN),
        (socket.EAI_AGAIN, C.DNS_TEMPORARY),
        (socket.EAI_FAIL, C.DNS_TEMPORARY),
        (getattr(socket, "EAI_NODATA", socket.EAI_NONAME), C.DNS_NXDOMAIN),
        (getattr(socket, "EAI_ADDRFAMILY", socket.EAI_NONAME), C.DNS_NXDOMAIN),
    ],
    ids=["EAI_NONAME", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "EAI_ADDRFAMILY"],
)
def test_classify_exception_gaierror_codes(code: int, expected: Category) -> None:
    assert classify_exception(socket.gaierror(code, "any text, any locale")) is expected


def test_classify_exception_gaierror_unknown_code_is_dns_temporary() -> None:
    assert classify_exception(socket.gaierror(-99, "?")) is C.DNS_TEMPORARY


def test_classify_exception_gaierror_bad_service_is_not_dns() -> None:
    # EAI_SERVICE (-8): the port in the URL is not a number/service; no resolver is at fault.
    assert classify_exception(socket.gaierror(socket.EAI_SERVICE, "Servname")) is C.OTHER


def test_classify_exception_missing_unix_socket_is_refused() -> None:
    # connect() to a unix:// path with no socket file: nothing listens there.
    assert classify_exception(FileNotFoundError(errno.ENOENT, "No such file")) is C.REFUSED


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (errno.ECONNREFUSED, C.REFUSED),
        (111, C.REFUSED),  # Linux
        (61, C.REFUSED),  # macOS
        (10061, C.REFUSED),  # Windows WSAECONNREFUSED
        (errno.ETIMEDOUT, C.TIMEOUT),
        (60, C.TIMEOUT),  # macOS
        (10060, C.TIMEOUT),  # Windows WSAETIMEDOUT
        (errno.ECONNRESET, C.RESET),
        (54, C.RESET),  # macOS
        (10054, C.RESET),  # Windows WSAECONNRESET
        (errno.EPIPE, C.RESET),
        (10053, C.RESET),  # Windows WSAECONNABORTED
        (errno.EHOSTUNREACH, C.UNREACHABLE),
        (errno.ENETUNREACH, C.UNREACHABLE),
        (65, C.UNREACHABLE),  # macOS EHOSTUNREACH
        (51, C.UNREACHABLE),  # macOS ENETUNREACH
        (10065, C.UNREACHABLE),  # Windows WSAEHOSTUNREACH
        (10051, C.UNREACHABLE),  # Windows WSAENETUNREACH
    ],
)
def test_classify_exception_oserror_errno(number: int, expected: Category) -> None:
    assert classify_exception(OSError(number, "message in some locale")) is expected


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (ConnectionRefusedError(), C.REFUSED),
        (ConnectionResetError(), C.RESET),
        (BrokenPipeError(), C.RESET),
        (ConnectionAbortedError(), C.RESET),
        (TimeoutError(), C.TIMEOUT),
        (socket.timeout("timed out"), C.TIMEOUT),  # noqa: UP041 - the name redis-py catches
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, BaseException) else str(value),
)
def test_classify_exception_builtin_types_without_errno(
    exc: BaseException, expected: Category
) -> None:
    assert classify_exception(exc) is expected


def test_classify_exception_ssl_errors_are_tls() -> None:
    verify = ssl.SSLCertVerificationError(1, "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify")
    assert classify_exception(verify) is C.TLS
    assert classify_exception(ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version")) is C.TLS
    assert classify_exception(ssl.SSLEOFError(8, "EOF occurred in violation of protocol")) is C.TLS
    assert classify_exception(ssl.CertificateError("hostname mismatch")) is C.TLS


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (rex.TimeoutError("Timeout connecting to server"), C.TIMEOUT),
        (rex.AuthenticationError("invalid username-password pair"), C.AUTH),
        (rex.AuthenticationWrongNumberOfArgsError("wrong number of arguments"), C.AUTH),
        (rex.NoPermissionError("no permissions"), C.AUTH),
        (rex.BusyLoadingError("Redis is loading the dataset in memory"), C.LOADING),
        (rex.ReadOnlyError("You can't write against a read only replica."), C.READONLY),
        (rex.OutOfMemoryError("command not allowed when used memory > 'maxmemory'"), C.OOM),
        (rex.ClusterDownError("The cluster is down"), C.CLUSTER),
        (rex.ClusterCrossSlotError("Keys in request don't hash to the same slot"), C.CLUSTER),
        (rex.InvalidResponse("Protocol Error: b'H'"), C.PROTOCOL),
        (rex.ResponseError("MISCONF Redis is configured to save RDB snapshots"), C.MISCONF),
        (rex.ResponseError("NOAUTH Authentication required."), C.AUTH),
        (rex.ResponseError("MASTERDOWN Link with MASTER is down"), C.LOADING),
        (rex.ConnectionError("max number of clients reached"), C.MAX_CLIENTS),
        (rex.ConnectionError("Connection closed by server."), C.RESET),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, BaseException) else str(value),
)
def test_classify_exception_redis_py_classes(exc: BaseException, expected: Category) -> None:
    assert classify_exception(exc) is expected


def _raised_during(outer: BaseException, inner: BaseException) -> BaseException:
    """`outer` raised while handling `inner`, as redis-py does (implicit __context__)."""
    try:
        try:
            raise inner
        except BaseException:
            raise outer  # noqa: B904 - the implicit chain is what is under test
    except BaseException as caught:
        return caught


def test_classify_exception_walks_context_to_the_socket_error() -> None:
    outer = rex.ConnectionError("Error -2 connecting to host:6379. Name or service not known.")
    chained = _raised_during(outer, socket.gaierror(socket.EAI_NONAME, "Nom inconnu"))
    assert chained.__context__ is not None
    assert classify_exception(chained) is C.DNS_NXDOMAIN


def test_classify_exception_walks_cause() -> None:
    outer = rex.ConnectionError("Error 111 connecting to localhost:6379.")
    outer.__cause__ = ConnectionRefusedError(111, "Connexion refusée")
    assert classify_exception(outer) is C.REFUSED


def test_classify_exception_innermost_code_wins_over_outer_type() -> None:
    # redis-py wraps a socket timeout during connect in its own TimeoutError; a DNS failure
    # inside a TimeoutError would still be DNS.
    outer = rex.TimeoutError("Timeout connecting to server")
    outer.__context__ = socket.gaierror(socket.EAI_AGAIN, "Temporary failure")
    assert classify_exception(outer) is C.DNS_TEMPORARY


def test_classify_exception_ignores_english_text_of_unknown_errors() -> None:
    # Text is not evidence for live errors: a message saying "refused" without a code is other.
    assert classify_exception(rex.ConnectionError("Connection refused")) is C.OTHER
    assert classify_exception(ValueError("timed out")) is C.OTHER


def test_classify_exception_survives_a_cyclic_chain() -> None:
    first = rex.ConnectionError("a")
    second = rex.ConnectionError("b")
    first.__context__ = second
    second.__context__ = first
    assert classify_exception(first) is C.OTHER


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        ("-LOADING Redis is loading the dataset in memory", C.LOADING),
        ("BUSY Redis is busy running a script.", C.LOADING),
        ("TRYAGAIN Multiple keys request during rehashing of slot", C.LOADING),
        ("READONLY You can't write against a read only replica.", C.READONLY),
        ("OOM command not allowed when used memory > 'maxmemory'.", C.OOM),
        ("WRONGPASS invalid username-password pair or user is disabled.", C.AUTH),
        ("ERR invalid password", C.AUTH),
        ("ERR AUTH <password> called without any password configured", C.AUTH),
        ("ERR max number of clients reached", C.MAX_CLIENTS),
        ("CROSSSLOT Keys in request don't hash to the same slot", C.CLUSTER),
        ("MOVED 3999 127.0.0.1:6381", C.CLUSTER),
        ("Protocol error: invalid multibulk length", C.PROTOCOL),
        ("WRONGTYPE Operation against a key holding the wrong kind of value", None),
        ("ERR unknown command 'FOO'", None),
    ],
)
def test_classify_resp_error_prefixes(reply: str, expected: Category | None) -> None:
    assert classify_resp_error(reply) is expected
