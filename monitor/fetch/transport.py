"""httpx's transport with an idle-connection check that costs a poll, not an attribute lookup.

httpcore's pool asks every pooled connection "has the server closed you?" each time a request
joins or leaves the pool: 16 questions a request with 8 connections. Each is answered through
anyio's typed attributes (13 µs to find the socket) before a 1 µs poll, which made httpcore's
bookkeeping half of the check process's CPU in a check that re-reads 2,000 pages (upstream:
encode/httpcore#928). The question is still asked, so a keep-alive connection the server
closed is never reused; the socket is found once, when the connection opens.
"""

from __future__ import annotations

import select
import ssl
import typing

import httpcore
import httpx


class _Stream(httpcore.AsyncNetworkStream):
    """A network stream that answers `is_readable` from a poll object made once."""

    def __init__(self, inner: httpcore.AsyncNetworkStream):
        self._inner = inner
        self._poll: typing.Any = None
        sock = inner.get_extra_info("socket")
        if sock is not None and hasattr(select, "poll"):
            self._poll = select.poll()
            self._poll.register(sock, select.POLLIN)

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return await self._inner.read(max_bytes, timeout)

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._inner.write(buffer, timeout)

    async def aclose(self) -> None:
        await self._inner.aclose()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> typing.Any:
        if info == "is_readable" and self._poll is not None:
            return bool(self._poll.poll(0))
        return self._inner.get_extra_info(info)


class _Backend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend):
        self._inner = inner

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        stream = await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _Stream(stream)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        return _Stream(await self._inner.connect_unix_socket(path, timeout, socket_options))

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def quicken_idle_checks(client: httpx.AsyncClient) -> None:
    """Give `client`'s transports (its own, and those of the proxies the environment names)
    the cheaper idle check. httpx has no public way to pass a network backend, and a client
    given a transport of its own stops honouring HTTPS_PROXY: so its pools are reached where
    httpx keeps them, and one not found there is left as httpx made it (correct, only
    slower)."""
    mounted = getattr(client, "_mounts", {}).values()
    for transport in (getattr(client, "_transport", None), *mounted):
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, httpcore.AsyncNetworkBackend) and not isinstance(backend, _Backend):
            pool._network_backend = _Backend(backend)  # type: ignore[union-attr]


def quick_idle_checks(transport: httpx.AsyncBaseTransport | None) -> bool:
    """Whether `transport` checks idle connections through a poll made once (for tests)."""
    pool = getattr(transport, "_pool", None)
    return isinstance(getattr(pool, "_network_backend", None), _Backend)
