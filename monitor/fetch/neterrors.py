"""Network failures in plain words: "cannot resolve host www.example.gov.kh", not "ConnectError
[Errno -2]". The first rule whose exception type (and errno, when given) matches any exception in
the failure's chain of causes wins; the table is data, so a new case is one line.
"""

from __future__ import annotations

import errno
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx


@dataclass(frozen=True)
class _Rule:
    kinds: tuple[type[BaseException], ...]
    message: str  # str.format with host, port, timeout, detail
    errnos: frozenset[int] = frozenset()


_UNREACHABLE = frozenset({errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN, errno.EHOSTDOWN})
_RULES = (
    _Rule((socket.gaierror,), "cannot resolve host {host}: check the address in config.yaml, "
          "and this machine's DNS and network connection"),
    _Rule((ConnectionRefusedError,), "connection refused by {host}:{port}: nothing listens "
          "there (the site is down, or the address or port is wrong)"),
    _Rule((OSError,), "no route to {host}: is this machine online?", _UNREACHABLE),
    _Rule((ssl.SSLCertVerificationError,), "the TLS certificate of {host} is not valid "
          "({detail}): the site's certificate is wrong or this machine lacks its CA"),
    _Rule((ssl.SSLError,), "the TLS handshake with {host} failed ({detail})"),
    _Rule((httpx.ConnectTimeout,), "{host} did not accept a connection within {timeout:g} s"),
    _Rule((httpx.TimeoutException, TimeoutError), "{host} did not send the whole answer "
          "within {timeout:g} s (`fetch.timeout`); it is tried again on the next check"),
    _Rule((ConnectionResetError,), "{host} reset the connection before the answer was complete"),
    _Rule((httpx.RemoteProtocolError,), "{host} closed the connection before the answer was "
          "complete ({detail})"),
    _Rule((httpx.ReadError, httpx.WriteError), "the connection to {host} broke ({detail})"),
    _Rule((httpx.ProxyError,), "the proxy refused the request to {host} ({detail}): check the "
          "HTTPS_PROXY and HTTP_PROXY variables of this machine"),
    _Rule((httpx.DecodingError,), "{host} sent a compressed body that cannot be decompressed "
          "({detail})"),
)  # fmt: skip


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _detail(exc: BaseException) -> str:
    for attr in ("verify_message", "reason"):
        if getattr(exc, attr, None):
            return str(getattr(exc, attr))
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def describe(exc: BaseException, url: str, timeout: float) -> str:
    """What went wrong, for the person reading the error item."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    chain = list(_chain(exc))
    for rule in _RULES:
        for cause in chain:
            if isinstance(cause, rule.kinds) and (
                not rule.errnos or getattr(cause, "errno", None) in rule.errnos
            ):
                return rule.message.format(host=parts.hostname or url, port=port,
                                           timeout=timeout, detail=_detail(cause))  # fmt: skip
    return f"{type(exc).__name__}: {exc or 'no answer'}"
