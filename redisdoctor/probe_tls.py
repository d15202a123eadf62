"""The tls stage: handshake, certificate facts, and telling TLS failures apart.

Three failures look alike in a client's log and need different fixes: "this port does not speak
TLS" (the server answered a ClientHello in plain text: WRONG_VERSION_NUMBER), "this server requires
TLS" (a plain-text command was met with a reset, EOF or silence; see `speaks_tls`), and a
certificate that does not verify (unknown CA, wrong hostname, expired).
"""

from __future__ import annotations

import contextlib
import socket
import ssl
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EXPIRY_WARN_DAYS = 14

# OpenSSL reasons that mean "the peer answered, but not with TLS".
_NOT_TLS_REASONS = frozenset(
    {
        "WRONG_VERSION_NUMBER",
        "RECORD_LAYER_FAILURE",
        "PACKET_LENGTH_TOO_LONG",
        "HTTP_REQUEST",
        "UNKNOWN_PROTOCOL",
        "WRONG_SSL_VERSION",
    }
)


@dataclass(frozen=True, slots=True)
class TlsDetails:
    """What the handshake established and what the certificate says."""

    protocol: str | None
    cipher: str | None
    subject: str | None
    sans: tuple[str, ...]
    issuer: str | None
    not_after: str | None
    days_to_expiry: int | None
    verified: bool
    verify_result: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "protocol": self.protocol,
            "cipher": self.cipher,
            "subject": self.subject,
            "sans": list(self.sans),
            "issuer": self.issuer,
            "not_after": self.not_after,
            "days_to_expiry": self.days_to_expiry,
            "verified": self.verified,
            "verify_result": self.verify_result,
        }

    def summary(self) -> str:
        parts = [p for p in (self.protocol, self.cipher) if p]
        if self.subject:
            parts.append(f"subject {self.subject}")
        if self.sans:
            parts.append(f"SANs {', '.join(self.sans)}")
        if self.issuer:
            parts.append(f"issuer {self.issuer}")
        if self.days_to_expiry is not None:
            parts.append(f"expires in {self.days_to_expiry} days")
        parts.append(self.verify_result)
        return "; ".join(parts)


def make_context(
    *, ca_file: str | None, insecure: bool, check_hostname: bool = True
) -> ssl.SSLContext:
    """The client context: verify against `ca_file` (else the system store) unless insecure."""
    if insecure:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    context = ssl.create_default_context(cafile=ca_file)
    context.check_hostname = check_hostname
    return context


def _name(entries: Any) -> str | None:
    """An X.509 name tuple from getpeercert() as ``CN=..., O=...``."""
    if not entries:
        return None
    short = {"commonName": "CN", "organizationName": "O", "organizationalUnitName": "OU"}
    parts = [f"{short.get(k, k)}={v}" for rdn in entries for k, v in rdn if k in short]
    return ", ".join(parts) or None


def describe(
    tls_sock: ssl.SSLSocket,
    cert: dict[str, Any] | None,
    *,
    now: float,
    verified: bool,
    verify_result: str,
) -> TlsDetails:
    """Facts of an established TLS connection and its (decoded) certificate."""
    cipher = tls_sock.cipher()
    days: int | None = None
    not_after = cert.get("notAfter") if cert else None
    if not_after:
        with contextlib.suppress(ValueError):
            days = int((ssl.cert_time_to_seconds(not_after) - now) // 86400)
    sans = tuple(f"{kind}:{value}" for kind, value in (cert or {}).get("subjectAltName", ()))
    return TlsDetails(
        protocol=tls_sock.version(),
        cipher=cipher[0] if cipher else None,
        subject=_name(cert.get("subject")) if cert else None,
        sans=sans,
        issuer=_name(cert.get("issuer")) if cert else None,
        not_after=not_after,
        days_to_expiry=days,
        verified=verified,
        verify_result=verify_result,
    )


def decode_der(der: bytes | None) -> dict[str, Any] | None:
    """Decode a certificate the handshake did not verify (getpeercert() is empty then).

    The standard library decodes certificates only from a PEM file, so the DER goes through a
    temporary file; None when that is not possible.
    """
    if not der:
        return None
    import tempfile  # only for a certificate that did not verify: keep it off the start-up path

    decoder = getattr(getattr(ssl, "_ssl", None), "_test_decode_cert", None)
    if decoder is None:
        return None
    with tempfile.TemporaryDirectory(prefix="redisdoctor-") as directory:
        path = Path(directory) / "peer.pem"
        path.write_text(ssl.DER_cert_to_PEM_cert(der), encoding="ascii")
        try:
            decoded: dict[str, Any] = decoder(str(path))
        except (ssl.SSLError, ValueError, OSError):
            return None
    return decoded


def peer_certificate(tls_sock: ssl.SSLSocket) -> dict[str, Any] | None:
    """The peer's certificate as a dict, verified or not."""
    cert = tls_sock.getpeercert()
    if cert:
        return dict(cert)
    return decode_der(tls_sock.getpeercert(binary_form=True))


def unverified_handshake(
    family: int, address: Any, server_hostname: str | None, timeout: float
) -> tuple[ssl.SSLSocket | None, BaseException | None]:
    """A separate TLS handshake that verifies nothing: for certificate facts and to tell whether
    a port speaks TLS at all. The caller closes the returned socket."""
    context = make_context(ca_file=None, insecure=True)
    raw = socket.socket(family, socket.SOCK_STREAM)
    raw.settimeout(timeout)
    try:
        raw.connect(address)
        tls_sock = context.wrap_socket(raw, server_hostname=server_hostname)
    except (OSError, ValueError) as exc:
        raw.close()
        return None, exc
    return tls_sock, None


def not_tls_reply(exc: BaseException) -> bool:
    """True when the handshake failed because the peer answered in something other than TLS."""
    if isinstance(exc, ssl.SSLCertVerificationError) or not isinstance(exc, ssl.SSLError):
        return False
    reason = str(getattr(exc, "reason", "") or "").upper()
    return reason in _NOT_TLS_REASONS or "WRONG_VERSION_NUMBER" in str(exc).upper()
