"""The fetcher's connection reuse against a real server on 127.0.0.1, plain and TLS: idle
connections are kept and reused, and one the server closed without a word is never reused
(the cheaper idle check must still see the close, or a request would fail on a dead socket)."""

import asyncio
import ssl

import pytest
import trustme

from monitor.config import FetchConfig
from monitor.fetch import client, transport
from monitor.fetch.client import Fetcher
from monitor.fetch.transport import quick_idle_checks

# No retries: a request sent on a connection the server had closed fails outright.
CONFIG = FetchConfig(per_host_delay=0, retries=0, timeout=5, robots=False)
BODY = b"<html><body><p>The statement.</p></body></html>"


class KeepAliveServer:
    """HTTP/1.1 with keep-alive; `linger` seconds after each answer it drops the connection
    without a `Connection: close` (None: it keeps it open). Counts connections."""

    def __init__(self, linger: float | None, tls: ssl.SSLContext | None = None):
        self.linger, self.tls = linger, tls
        self.connections = 0
        self.requests = 0
        self.lines: list[bytes] = []  # each request's first line

    async def __aenter__(self) -> "KeepAliveServer":
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=self.tls)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.server.close()
        await self.server.wait_closed()

    def url(self, path: str) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}{path}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while head := await reader.readuntil(b"\r\n\r\n"):
                self.requests += 1
                self.lines.append(head.split(b"\r\n", 1)[0])
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                             b"Content-Length: %d\r\n\r\n%s" % (len(BODY), BODY))  # fmt: skip
                await writer.drain()
                if self.linger is not None:
                    await asyncio.sleep(self.linger)
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


@pytest.fixture
def tls(ca, monkeypatch):
    """A server certificate for 127.0.0.1, and the fetcher trusting its CA."""
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server)
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)
    monkeypatch.setattr(client, "_tls", lambda: trusting)
    return server


@pytest.mark.parametrize("secure", [False, True], ids=["http", "https"])
async def test_an_idle_connection_is_reused(secure, request, monkeypatch):
    tls = request.getfixturevalue("tls") if secure else None
    polled = []  # idle checks answered by the poll (a TLS stream must be wrapped too)
    answer = transport._Stream.get_extra_info
    monkeypatch.setattr(transport._Stream, "get_extra_info",
                        lambda self, info: polled.append(info) or answer(self, info))  # fmt: skip
    async with KeepAliveServer(linger=None, tls=tls) as server, Fetcher(CONFIG) as fetcher:
        assert quick_idle_checks(fetcher._client._transport)  # httpx keeps its pool there still
        for path in ("/a", "/b", "/c"):
            page = await fetcher.get(server.url(path))
            assert page.status == 200 and "The statement." in (page.text or "")
            await asyncio.sleep(0.05)
    assert (server.requests, server.connections) == (3, 1)
    assert "is_readable" in polled


@pytest.mark.parametrize("secure", [False, True], ids=["http", "https"])
async def test_a_connection_the_server_closed_silently_is_not_reused(secure, request):
    tls = request.getfixturevalue("tls") if secure else None
    async with KeepAliveServer(linger=0.02, tls=tls) as server, Fetcher(CONFIG) as fetcher:
        for path in ("/a", "/b", "/c"):
            page = await fetcher.get(server.url(path))  # no retries: a dead socket would fail
            assert page.status == 200 and "The statement." in (page.text or "")
            await asyncio.sleep(0.2)  # the server has closed the connection by now
    assert (server.requests, server.connections) == (3, 3)


async def test_many_requests_share_the_pool_connections():
    """Eight at a time over 64 requests: the pool opens at most eight connections."""
    async with KeepAliveServer(linger=None) as server, Fetcher(CONFIG) as fetcher:
        pages = await asyncio.gather(*(fetcher.get(server.url(f"/{i}")) for i in range(64)))
    assert all(p.status == 200 for p in pages)
    assert server.requests == 64 and server.connections <= CONFIG.concurrency


async def test_the_proxy_the_environment_names_is_still_used(monkeypatch):
    """Quickening the pools must not cost the HTTP_PROXY of a machine behind one."""
    async with KeepAliveServer(linger=None) as proxy, KeepAliveServer(linger=None) as site:
        monkeypatch.setenv("HTTP_PROXY", proxy.url(""))
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        async with Fetcher(CONFIG) as fetcher:
            assert any(map(quick_idle_checks, fetcher._client._mounts.values()))
            page = await fetcher.get(site.url("/news/1"))
    assert page.status == 200
    assert proxy.lines == [f"GET {site.url('/news/1')} HTTP/1.1".encode()]
    assert site.requests == 0
