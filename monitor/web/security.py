"""What makes the web view safe to leave running: read-only methods, optional HTTP basic auth,
and headers that stop a stored page from ever acting as a page of ours.

Pure ASGI middleware (no request bodies are read: there are no write routes to read them)."""

from __future__ import annotations

import base64
import binascii
import ipaddress
import os
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from monitor.errors import ConfigError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

USER_ENV, PASSWORD_ENV = "MONITOR_WEB_USER", "MONITOR_WEB_PASSWORD"
READ_METHODS = frozenset({"GET", "HEAD"})

# No script runs anywhere (there is none); styles only from our own stylesheet; forms only
# submit to us (they are all GET searches and filters); no page may frame us.
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", b"default-src 'none'; style-src 'self'; img-src 'self'; "
     b"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)  # fmt: skip


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str


class AuthConfigError(ConfigError, ValueError):
    pass


def credentials_from_env(env: MutableMapping[str, str] | None = None) -> Credentials | None:
    """Both variables set: basic auth on. Neither: off. One alone is a mistake to stop for."""
    env = os.environ if env is None else env
    user, password = env.get(USER_ENV), env.get(PASSWORD_ENV)
    if not user and not password:
        return None
    if not user or not password:
        raise AuthConfigError(
            f"set both {USER_ENV} and {PASSWORD_ENV} to require a login, or neither to serve "
            "without one"
        )
    return Credentials(user, password)


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


class Guard:
    """Refuse writes (405), ask for a login when configured (401), add the safety headers."""

    def __init__(self, app: ASGIApp, credentials: Credentials | None = None):
        self.app = app
        self.credentials = credentials

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        if scope["method"] not in READ_METHODS:
            await _plain(send_with_headers, 405, "This archive is read-only.\n",
                         [(b"allow", b"GET, HEAD")])  # fmt: skip
        elif self.credentials and not self._authorised(scope):
            challenge = (b"www-authenticate", b'Basic realm="monitor", charset="UTF-8"')
            await _plain(send_with_headers, 401, "Log in to see the archive.\n", [challenge])
        else:
            await self.app(scope, receive, send_with_headers)

    def _authorised(self, scope: Scope) -> bool:
        assert self.credentials is not None
        header = dict(scope.get("headers", [])).get(b"authorization", b"")
        scheme, _, value = header.partition(b" ")
        if scheme.lower() != b"basic":
            return False
        try:
            user, sep, password = base64.b64decode(value, validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        # compare both, always, so the time taken says nothing about which one was wrong
        ok_user = secrets.compare_digest(user.encode(), self.credentials.user.encode())
        ok_pass = secrets.compare_digest(password.encode(), self.credentials.password.encode())
        return bool(sep) and ok_user and ok_pass


async def _plain(send: Send, status: int, text: str, headers: list[tuple[bytes, bytes]]) -> None:
    body = text.encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    (b"cache-control", b"no-store"), *headers],
    })  # fmt: skip
    await send({"type": "http.response.body", "body": body})
