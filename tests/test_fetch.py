"""The fetcher against a real HTTP server on 127.0.0.1: every failure classified correctly."""

import itertools
import time

import pytest

from monitor.config import FetchConfig
from monitor.demo.server import FixtureServer, Route
from monitor.fetch.client import Fetcher
from monitor.models import FetchError

FAST = FetchConfig(per_host_delay=0, backoff=0.01, retries=2, timeout=5)
KHMER = "ក្រសួងការបរទេស ការបោសសម្អាតមីន"


@pytest.fixture
def server():
    with FixtureServer() as srv:
        yield srv


async def get(server, path, config=FAST, **kw):
    async with Fetcher(config) as fetcher:
        return await fetcher.get(server.url(path), **kw)


async def test_conditional_get_answers_not_modified(server):
    server.routes["/a"] = Route.html("<p>statement</p>")
    first = await get(server, "/a")
    assert first.status == 200 and first.etag and first.text == "<p>statement</p>"
    again = await get(server, "/a", etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.body == b""
    sent = server.requests[-1].headers
    assert sent["if-none-match"] == first.etag


async def test_validators_are_not_sent_on_to_a_redirect_target(server):
    """The home page a moved release now redirects to must not answer 304 for it."""
    server.routes["/"] = Route.html("<p>home</p>")
    home = await get(server, "/")
    server.routes["/moved"] = Route.redirect(server.url("/"))
    page = await get(server, "/moved", etag=home.etag, last_modified=home.last_modified)
    assert not page.not_modified and page.text == "<p>home</p>"
    assert page.redirects == (server.url("/moved"),)
    hop, target = server.requests[-2:]
    assert hop.headers["if-none-match"] == home.etag
    assert "if-none-match" not in target.headers and "if-modified-since" not in target.headers


async def test_retries_a_503_then_succeeds(server):
    server.routes["/r"] = Route.series(Route.error(503), Route.html("ok"))
    page = await get(server, "/r")
    assert page.text == "ok" and server.hits("/r") == 2


async def test_honours_retry_after(server):
    server.routes["/slow"] = Route.series(Route.error(429, retry_after=1), Route.html("ok"))
    started = time.monotonic()
    page = await get(server, "/slow")
    assert page.text == "ok" and time.monotonic() - started >= 0.9


async def test_persistent_503_is_transient(server):
    server.routes["/down"] = Route.error(503)
    with pytest.raises(FetchError) as info:
        await get(server, "/down")
    assert info.value.kind == "transient" and server.hits("/down") == FAST.retries + 1


async def test_a_long_retry_after_is_not_waited_for(server):
    server.routes["/later"] = Route.error(503, retry_after=3600)
    with pytest.raises(FetchError, match="retry after") as info:
        await get(server, "/later")
    assert info.value.kind == "transient" and server.hits("/later") == 1


async def test_gone_is_confirmed_by_a_second_request(server):
    server.routes["/gone"] = Route.error(404)
    with pytest.raises(FetchError) as info:
        await get(server, "/gone", confirm_gone=True)
    assert info.value.kind == "gone" and server.hits("/gone") == 2


async def test_a_404_that_recovers_on_the_second_request_is_not_gone(server):
    server.routes["/flaky"] = Route.series(Route.error(404), Route.html("back"))
    page = await get(server, "/flaky", confirm_gone=True)
    assert page.text == "back"


async def test_firewall_page_is_blocked_even_with_status_200(server):
    body = (
        "<html><head><title>Request Rejected</title></head><body>The requested URL was "
        "rejected. Please consult with your administrator.<br>Your support ID is: 1234</body>"
    )
    server.routes["/news"] = Route.html(body)
    with pytest.raises(FetchError) as info:
        await get(server, "/news")
    assert info.value.kind == "blocked" and "headers" in info.value.message


async def test_robots_txt_is_honoured_unless_disabled(server):
    server.routes["/robots.txt"] = Route(
        body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    server.routes["/private/x"] = Route.html("secret")
    with pytest.raises(FetchError) as info:
        await get(server, "/private/x")
    assert info.value.kind == "robots" and server.hits("/private/x") == 0
    page = await get(server, "/private/x", config=FAST.model_copy(update={"robots": False}))
    assert page.text == "secret"


async def test_size_cap(server):
    server.routes["/big"] = Route.html("x" * 5000)
    with pytest.raises(FetchError) as info:
        await get(server, "/big", config=FAST.model_copy(update={"max_bytes": 2048}))
    assert info.value.kind == "too_large"


async def test_timeout_is_transient(server):
    server.routes["/hang"] = Route(body=b"late", delay=2.0)
    config = FAST.model_copy(update={"timeout": 0.3, "retries": 0})
    with pytest.raises(FetchError) as info:
        await get(server, "/hang", config=config)
    assert info.value.kind == "transient"


async def test_charset_declared_in_meta_for_khmer(server):
    html = f'<html><head><meta charset="utf-8"></head><body><p>{KHMER}</p></body></html>'
    server.routes["/km"] = Route(body=html.encode("utf-8"), content_type="text/html")
    page = await get(server, "/km")
    assert KHMER in page.text


async def test_charset_from_header_and_latin1_pages(server):
    server.routes["/fr"] = Route(
        body="<p>Déminage à Siem Reap</p>".encode("cp1252"),
        content_type="text/html; charset=ISO-8859-1",
    )
    page = await get(server, "/fr")
    assert "Déminage à Siem Reap" in page.text


async def test_undeclared_charset_is_sniffed(server):
    text = "<p>Le ministère a annoncé la réunion ministérielle ASEAN-ONU à Phnom Penh.</p>" * 5
    server.routes["/sniff"] = Route(body=text.encode("cp1252"), content_type="text/html")
    page = await get(server, "/sniff")
    assert "ministère" in page.text and "réunion" in page.text


async def test_headers_cookies_user_agent_and_redirects(server):
    server.routes["/old"] = Route.redirect("/new")
    server.routes["/new"] = Route.html("moved")
    page = await get(server, "/old", headers={"Accept-Language": "km"}, cookies={"Language": "3"})
    assert page.final_url == server.url("/new") and page.redirects == (server.url("/old"),)
    sent = next(r for r in server.requests if r.path == "/new").headers
    assert sent["cookie"] == "Language=3" and sent["accept-language"] == "km"
    assert sent["user-agent"].startswith("monitor/")


async def test_concurrency_is_bounded(server):
    server.routes["/w"] = Route(body=b"x", delay=0.2)
    config = FAST.model_copy(update={"concurrency": 2})
    import asyncio

    started = time.monotonic()
    async with Fetcher(config) as fetcher:
        await asyncio.gather(*(fetcher.get(server.url("/w")) for _ in range(4)))
    assert time.monotonic() - started >= 0.38  # 4 requests, 2 at a time, 0.2 s each


async def test_per_host_delay_spaces_requests(server):
    server.routes["/p"] = Route.html("x")
    import asyncio

    config = FAST.model_copy(update={"per_host_delay": 0.2})
    async with Fetcher(config) as fetcher:
        await asyncio.gather(*(fetcher.get(server.url("/p")) for _ in range(3)))
    times = sorted(r.time for r in server.requests if r.path == "/p")
    assert all(b - a >= 0.15 for a, b in itertools.pairwise(times))


async def test_robots_txt_by_rfc_9309_longest_match_wildcards_and_end_anchor(server):
    """urllib.robotparser took the first rule in file order and knew no `*` or `$`."""
    server.routes["/robots.txt"] = Route(
        body=b"User-agent: *\nDisallow: /news/\nAllow: /news/press-releases/\n"
        b"Disallow: /*.pdf$\nDisallow: /archive/*/draft\n",
        content_type="text/plain",
    )
    for path in ("/news/press-releases/a", "/files/a.pdf?download=1", "/archive/2024/final"):
        server.routes[path.split("?")[0]] = Route.html("statement")
        assert (await get(server, path)).text == "statement"
    for path in ("/news/other", "/files/a.pdf", "/archive/2024/draft-1"):
        with pytest.raises(FetchError) as info:
            await get(server, path)
        assert info.value.kind == "robots"


async def test_connection_refused_in_plain_words():
    import socket

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = FAST.model_copy(update={"retries": 0})
    async with Fetcher(config) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.get(f"http://127.0.0.1:{port}/news")
    assert info.value.kind == "transient"
    assert f"connection refused by 127.0.0.1:{port}" in info.value.message


async def test_tls_failure_in_plain_words(server):
    server.routes["/news"] = Route.html("plain http")
    config = FAST.model_copy(update={"retries": 0, "robots": False})
    async with Fetcher(config) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.get(server.url("/news").replace("http://", "https://"))
    assert "TLS handshake with 127.0.0.1 failed" in info.value.message


def test_dns_failure_in_plain_words():
    """As httpx raises it: ConnectError from httpcore's, from socket.gaierror (no lookup is
    made here: tests never query a resolver)."""
    import socket

    import httpcore
    import httpx

    from monitor.fetch.neterrors import describe

    try:
        try:
            try:
                raise socket.gaierror(-2, "Name or service not known")
            except OSError as exc:
                raise httpcore.ConnectError(str(exc)) from exc
        except httpcore.ConnectError as exc:
            raise httpx.ConnectError(str(exc)) from exc
    except httpx.ConnectError as exc:
        message = describe(exc, "https://www.example.gov.kh/news", 30)
    assert message.startswith("cannot resolve host www.example.gov.kh")


async def test_a_redirect_to_a_private_host_is_refused_unless_allowed(server):
    server.routes["/moved"] = Route.redirect(f"http://localhost:{server.port}/there")
    server.routes["/there"] = Route.html("intranet")
    with pytest.raises(FetchError, match=r"fetch\.allow_hosts") as info:
        await get(server, "/moved")
    assert info.value.kind == "bad_response" and server.hits("/there") == 0
    allowed = FAST.model_copy(update={"allow_hosts": ["localhost"]})
    assert (await get(server, "/moved", config=allowed)).text == "intranet"
