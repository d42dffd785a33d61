"""The fetcher's promises, in milliseconds: every answer comes from an `httpx.MockTransport`, and
waits (backoff, Retry-After, the second look at a 404) are recorded instead of slept. What only
real sockets show (charsets off the wire, refused connections, TLS, DNS, a server that trickles)
is in test_fetch.py."""

from __future__ import annotations

import asyncio
import email.utils
import gzip
import time
from collections.abc import AsyncIterator, Callable

import httpx
import pytest

from monitor.config import FetchConfig
from monitor.fetch.client import Fetcher
from monitor.models import FetchError, Page

CONFIG = FetchConfig(per_host_delay=0, backoff=0.5, retries=2, timeout=5, robots=False)
URL = "https://mfaic.example/news/statement-1"
HTML = {"Content-Type": "text/html; charset=utf-8"}

Handler = Callable[[httpx.Request], httpx.Response]


class Site:
    """Answers requests in turn from a list (the last one repeating) and keeps every request."""

    def __init__(self, *answers: httpx.Response | Handler | BaseException):
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers[min(len(self.requests), len(self.answers)) - 1]
        if isinstance(answer, BaseException):
            raise answer
        if callable(answer):
            return answer(request)
        return answer

    @property
    def urls(self) -> list[str]:
        return [str(r.url) for r in self.requests]


@pytest.fixture
def waits(monkeypatch) -> list[float]:
    """Every asyncio.sleep the fetcher asks for, in seconds; none is slept."""
    asked: list[float] = []
    real_sleep = asyncio.sleep

    async def sleep(delay: float, result=None):
        asked.append(delay)
        return await real_sleep(0, result)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    return asked


async def fetch(site: Site, url: str = URL, config: FetchConfig = CONFIG, **kw) -> Page:
    async with Fetcher(config, transport=httpx.MockTransport(site)) as fetcher:
        return await fetcher.get(url, **kw)


async def fails(site: Site, url: str = URL, config: FetchConfig = CONFIG, **kw) -> FetchError:
    with pytest.raises(FetchError) as info:
        await fetch(site, url, config, **kw)
    return info.value


def page(text: str = "<p>The statement.</p>", status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, headers={**HTML, **headers}, text=text)


def status(code: int, **headers: str) -> httpx.Response:
    return httpx.Response(code, headers={"Content-Type": "text/plain", **headers}, text="error")


def redirect(location: str, code: int = 302) -> httpx.Response:
    return httpx.Response(code, headers={"Location": location})


def http_date(seconds_from_now: float) -> str:
    return email.utils.formatdate(time.time() + seconds_from_now, usegmt=True)


def retry_after(value: str | int) -> str:
    """A header as written, or (a number) an HTTP date that many seconds from now: test ids must
    not come from the clock, or parallel workers collect different tests."""
    return value if isinstance(value, str) else http_date(value)


# --- retries ----------------------------------------------------------------------------------


async def test_a_5xx_is_retried_with_doubling_backoff_then_answers(waits):
    site = Site(status(503), status(502), page())
    got = await fetch(site)
    assert got.status == 200 and got.text == "<p>The statement.</p>"
    assert len(site.requests) == 3 and waits == [0.5, 1.0]


@pytest.mark.parametrize("code", [408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524])
async def test_a_persistent_retryable_status_is_transient_after_the_retries(waits, code):
    site = Site(status(code))
    err = await fails(site)
    assert (err.kind, err.status, err.message) == ("transient", code, f"HTTP {code}")
    assert len(site.requests) == CONFIG.retries + 1 and waits == [0.5, 1.0]


@pytest.mark.parametrize("code", [400, 401, 405, 418, 451, 501])
async def test_other_errors_are_not_retried(waits, code):
    site = Site(status(code), page())
    err = await fails(site)
    assert (err.kind, err.status, len(site.requests), waits) == ("bad_response", code, 1, [])


async def test_a_403_says_the_site_may_refuse_unknown_clients():
    err = await fails(Site(status(403)))
    assert err.kind == "bad_response" and "try `headers`" in err.message


async def test_no_retries_when_configured_so(waits):
    site = Site(status(503), page())
    err = await fails(site, config=CONFIG.model_copy(update={"retries": 0}))
    assert err.kind == "transient" and len(site.requests) == 1 and waits == []


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectTimeout("connect timed out"),
        httpx.ReadTimeout("read timed out"),
        httpx.ConnectError("connection refused"),
        httpx.ReadError("connection reset"),
        httpx.RemoteProtocolError("server disconnected"),
        httpx.ProxyError("407 Proxy Authentication Required"),
    ],
    ids=lambda exc: type(exc).__name__,
)
async def test_network_failures_are_retried_then_transient(waits, failure):
    recovering = Site(failure, page())
    assert (await fetch(recovering)).status == 200 and len(recovering.requests) == 2
    down = Site(failure)
    err = await fails(down)
    assert err.kind == "transient" and err.status is None and len(down.requests) == 3
    assert "mfaic.example" in err.message or str(failure) in err.message


async def test_the_whole_answer_must_arrive_within_the_timeout():
    """A server that sends headers and then stalls is cut at `fetch.timeout`, whatever httpx's
    per-read timeout would allow."""

    async def stalled() -> AsyncIterator[bytes]:
        yield b"<p>The first bytes"
        await asyncio.Event().wait()  # and nothing more, ever

    site = Site(lambda request: httpx.Response(200, headers=HTML, content=stalled()))
    config = CONFIG.model_copy(update={"timeout": 0.05, "retries": 0})
    started = time.monotonic()
    err = await fails(site, config=config)
    assert err.kind == "transient" and "0.05 s" in err.message
    assert time.monotonic() - started < 2


async def test_a_body_that_cannot_be_decompressed_is_transient_not_a_crash(waits):
    async def damaged() -> AsyncIterator[bytes]:
        yield b"<p>not gzip"

    gzipped = {**HTML, "Content-Encoding": "gzip"}
    site = Site(lambda request: httpx.Response(200, headers=gzipped, content=damaged()))
    err = await fails(site)
    assert err.kind == "transient" and "cannot be decompressed" in err.message
    assert len(site.requests) == 3


# --- Retry-After ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "waited"),
    [
        ("7", 7.0),  # seconds, longer than the backoff: waited
        ("0", 0.5),  # shorter: the backoff still holds
        ("120", 120.0),  # the cap itself is still waited for
        ("soon", 0.5),  # unreadable values fall back to the backoff
        ("-5", 0.5),
        ("1.5", 0.5),
        (-3600, 0.5),  # a date in the past (dates are made when the test runs, not collected)
    ],
)
async def test_retry_after_in_seconds_or_unreadable(waits, header, waited):
    site = Site(status(503, **{"Retry-After": retry_after(header)}), page())
    assert (await fetch(site)).status == 200
    assert waits == [waited]


async def test_retry_after_as_an_http_date(waits):
    site = Site(status(429, **{"Retry-After": http_date(30)}), page())
    assert (await fetch(site)).status == 200
    [waited] = waits
    assert 27 <= waited <= 30


@pytest.mark.parametrize("header", ["121", "3600", 3600])
async def test_a_retry_after_over_the_cap_is_an_error_at_once(waits, header):
    site = Site(status(503, **{"Retry-After": retry_after(header)}), page())
    err = await fails(site)
    assert err.kind == "transient" and err.status == 503 and "retry after" in err.message
    assert len(site.requests) == 1 and waits == []


async def test_a_retry_after_of_non_ascii_digits_is_ignored(waits):
    """'²' is a digit to str.isdigit() but not to float(): it must not crash the fetch."""
    answer = httpx.Response(503, headers=[(b"Retry-After", "²".encode("latin-1"))])
    site = Site(answer, page())
    assert (await fetch(site)).status == 200 and waits == [0.5]


# --- gone ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", [404, 410])
async def test_gone_is_not_retried(waits, code):
    site = Site(status(code))
    err = await fails(site)
    assert (err.kind, err.status, len(site.requests), waits) == ("gone", code, 1, [])


async def test_gone_is_confirmed_by_a_second_unconditional_request(waits):
    site = Site(status(404))
    err = await fails(site, confirm_gone=True, etag='"v1"')
    assert err.kind == "gone" and len(site.requests) == 2 and waits == [0.2]
    first, second = site.requests
    assert first.headers["If-None-Match"] == '"v1"' and "If-None-Match" not in second.headers


async def test_a_404_seen_once_is_not_gone(waits):
    site = Site(status(404), page("<p>Back.</p>"))
    assert (await fetch(site, confirm_gone=True)).text == "<p>Back.</p>"


# --- conditional requests ---------------------------------------------------------------------


async def test_validators_are_sent_and_a_304_is_not_modified():
    validators = {"ETag": '"v2"', "Last-Modified": "Mon, 02 Nov 2026 08:00:00 GMT"}
    site = Site(httpx.Response(304, headers=validators))
    got = await fetch(site, etag='"v1"', last_modified="Sun, 01 Nov 2026 08:00:00 GMT")
    sent = site.requests[0].headers
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == "Sun, 01 Nov 2026 08:00:00 GMT"
    assert got.not_modified and got.status == 304 and got.body == b"" and got.text is None
    assert (got.etag, got.last_modified) == ('"v2"', "Mon, 02 Nov 2026 08:00:00 GMT")


async def test_no_validators_no_conditional_headers():
    site = Site(page(ETag='"v1"', **{"Last-Modified": "Sun, 01 Nov 2026 08:00:00 GMT"}))
    got = await fetch(site)
    assert "If-None-Match" not in site.requests[0].headers
    assert "If-Modified-Since" not in site.requests[0].headers
    assert not got.not_modified and got.etag == '"v1"'
    assert got.last_modified == "Sun, 01 Nov 2026 08:00:00 GMT"


# --- redirects --------------------------------------------------------------------------------


async def test_redirects_are_followed_and_recorded():
    site = Site(redirect("/news/statement-1-amended", 301), redirect("?lang=en", 307), page())
    got = await fetch(site)
    assert site.urls == [URL, URL + "-amended", URL + "-amended?lang=en"]
    assert got.url == URL and got.final_url == URL + "-amended?lang=en"
    assert got.redirects == (URL, URL + "-amended")


async def test_cookies_and_headers_survive_a_redirect_but_validators_do_not():
    site = Site(redirect("/home"), page())
    await fetch(site, etag='"v1"', last_modified="Sun, 01 Nov 2026 08:00:00 GMT",
                headers={"Accept-Language": "km"}, cookies={"lang": "km", "pll": "1"})  # fmt: skip
    for request in site.requests:
        assert request.headers["Cookie"] == "lang=km; pll=1"
        assert request.headers["Accept-Language"] == "km"
    hop, target = site.requests
    assert hop.headers["If-None-Match"] == '"v1"' and "If-Modified-Since" in hop.headers
    assert "If-None-Match" not in target.headers and "If-Modified-Since" not in target.headers


async def test_credentials_go_to_the_sources_host_only_and_are_never_shown():
    site = Site(redirect("https://cdn.example/file.pdf"), page())
    config = CONFIG.model_copy(update={"allow_hosts": ["cdn.example"]})  # no DNS lookup
    got = await fetch(site, "https://press:s3cret@mfaic.example/news/statement-1", config)
    own, other = site.requests
    assert own.headers["Authorization"].startswith("Basic ")
    assert "Authorization" not in other.headers
    assert "s3cret" not in got.url + got.final_url + "".join(got.redirects)
    assert got.url == URL


async def test_cookies_and_headers_stay_on_the_sources_site():
    """A redirect to a CDN or another site gets no cookie and no source header; the site's
    www. and language hosts do."""
    hops = ["https://www.mfaic.example/news/1", "https://km.mfaic.example/1",
            "https://cdn.example/statement.pdf", "https://example/x"]  # fmt: skip
    site = Site(*map(redirect, hops), page())
    config = CONFIG.model_copy(update={"allow_hosts": ["cdn.example", "example"]})
    await fetch(site, config=config, headers={"X-Token": "t"}, cookies={"lang": "km"})
    sent = [(r.url.host, r.headers.get("Cookie"), r.headers.get("X-Token")) for r in site.requests]
    assert sent == [
        ("mfaic.example", "lang=km", "t"), ("www.mfaic.example", "lang=km", "t"),
        ("km.mfaic.example", "lang=km", "t"), ("cdn.example", None, None), ("example", None, None),
    ]  # fmt: skip


async def test_robots_txt_of_a_redirect_target_is_obeyed():
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            rules = "Disallow: /private/" if request.url.host == "other.example" else ""
            return httpx.Response(200, text=f"User-agent: *\n{rules}\n")
        if request.url.host == "mfaic.example":
            return redirect("https://other.example/private/statement")
        return page()

    site = Site(answer)
    config = ROBOTS.model_copy(update={"allow_hosts": ["other.example"]})
    err = await fails(site, config=config)
    assert err.kind == "robots"
    asked = [f"{r.url.host}{r.url.path}" for r in site.requests]
    assert asked == ["mfaic.example/robots.txt", "mfaic.example/news/statement-1",
                     "other.example/robots.txt"]  # fmt: skip


async def test_a_redirect_to_an_address_httpx_cannot_use_is_a_bad_response_at_once():
    site = Site(redirect("https://exa mple.com:99999/x"), page())
    err = await fails(site)
    assert err.kind == "bad_response" and "redirect" in err.message and len(site.requests) == 1


async def test_credentials_are_not_sent_over_plain_http():
    site = Site(redirect("http://mfaic.example/news/statement-1"), page())
    await fetch(site, "https://press:s3cret@mfaic.example/news/statement-1")
    assert [r.headers.get("Authorization") is None for r in site.requests] == [False, True]


async def test_too_many_redirects():
    site = Site(lambda request: redirect(f"/hop{len(site.requests)}"))
    err = await fails(site)
    assert err.kind == "bad_response" and "too many redirects" in err.message
    assert len(site.requests) == 11  # the address and ten hops


@pytest.mark.parametrize(
    ("location", "said"),
    [("ftp://mfaic.example/x", "redirect to ftp://"), ("javascript:alert(1)", "address")],
)
async def test_a_redirect_out_of_http_is_refused(location, said):
    site = Site(redirect(location))
    err = await fails(site)
    assert err.kind == "bad_response" and said in err.message and len(site.requests) == 1


async def test_a_redirect_status_without_location_is_a_bad_response():
    err = await fails(Site(status(302)))
    assert err.kind == "bad_response" and "without a usable Location" in err.message


async def test_a_redirect_to_a_private_address_is_refused_unless_allowed():
    site = Site(redirect("http://10.1.2.3/admin"), page())
    err = await fails(site)
    assert err.kind == "bad_response" and "10.1.2.3" in err.message and "allow_hosts" in err.message
    assert len(site.requests) == 1  # the private address was never asked
    allowed = CONFIG.model_copy(update={"allow_hosts": ["10.1.2.3"]})
    assert (await fetch(Site(redirect("http://10.1.2.3/admin"), page()), config=allowed)).text


async def test_a_source_on_a_private_address_may_be_fetched():
    site = Site(page())
    assert (await fetch(site, "http://192.168.1.20/news")).status == 200


# --- size caps --------------------------------------------------------------------------------

CAP = FetchConfig(per_host_delay=0, retries=0, robots=False, max_bytes=4096)


class Counted:
    """A response body streamed in 1 KiB chunks, counting how many were read."""

    def __init__(self, size: int):
        self.size = size
        self.read = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for _ in range(self.size // 1024):
            self.read += 1
            yield b"x" * 1024


async def test_a_declared_length_over_the_cap_is_refused_before_reading():
    body = Counted(1 << 20)
    site = Site(httpx.Response(200, headers={**HTML, "Content-Length": str(1 << 20)},
                               content=body))  # fmt: skip
    err = await fails(site, config=CAP)
    assert err.kind == "too_large" and "1048576" in err.message and body.read == 0


async def test_a_streamed_body_is_cut_at_the_cap():
    body = Counted(1 << 20)
    err = await fails(Site(httpx.Response(200, headers=HTML, content=body)), config=CAP)
    assert err.kind == "too_large" and body.read == 5  # stopped at the first chunk past 4 KiB


async def test_a_body_at_the_cap_is_read():
    got = await fetch(Site(httpx.Response(200, headers=HTML, content=Counted(4096))), config=CAP)
    assert len(got.body) == 4096


async def test_the_cap_counts_decompressed_bytes():
    bomb = gzip.compress(b"<p>" + b" " * (1 << 20))
    assert len(bomb) < CAP.max_bytes
    site = Site(httpx.Response(200, headers={**HTML, "Content-Encoding": "gzip"}, content=bomb))
    assert (await fails(site, config=CAP)).kind == "too_large"


# --- content types ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ctype",
    ["text/html; charset=utf-8", "Text/HTML", "application/xhtml+xml", "application/rss+xml",
     "application/atom+xml", "application/xml", "application/json", "text/plain"],
)  # fmt: skip
async def test_text_types_are_decoded(ctype):
    body = "<p>Сообщение ក្រសួង</p>".encode()
    got = await fetch(Site(httpx.Response(200, headers={"Content-Type": ctype}, content=body)))
    assert got.text == body.decode() and got.body == body
    assert got.content_type == ctype.split(";")[0].lower()


async def test_a_declared_charset_is_used():
    body = "<p>Café déjà vu</p>".encode("cp1252")
    site = Site(httpx.Response(200, headers={"Content-Type": "text/html; charset=windows-1252"},
                               content=body))  # fmt: skip
    got = await fetch(site)
    assert got.text == "<p>Café déjà vu</p>" and got.encoding


@pytest.mark.parametrize(
    ("ctype", "body"),
    [("application/pdf", b"%PDF-1.7 ..."), ("", b"%PDF-1.4 ..."), ("image/png", b"\x89PNG..."),
     ("application/octet-stream", b"\x00\x01binary")],
)  # fmt: skip
async def test_binary_bodies_are_kept_undecoded(ctype, body):
    headers = {"Content-Type": ctype} if ctype else {}
    got = await fetch(Site(httpx.Response(200, headers=headers, content=body)))
    assert got.text is None and got.body == body and got.content_type == ctype


@pytest.mark.parametrize(
    "body",
    [b"<!DOCTYPE html>\n<html><p>Statement</p></html>", b"\xef\xbb\xbf  <html lang=km>x</html>",
     b"\n<p>Statement</p>", b"<!-- cms --><div>x</div>"],
)  # fmt: skip
async def test_html_sent_as_a_generic_binary_type_is_read(body):
    """Misconfigured servers send pages as application/octet-stream; the standard's HTML
    patterns tell them from real binaries (the case above stays undecoded)."""
    site = Site(httpx.Response(200, headers={"Content-Type": "application/octet-stream"},
                               content=body))  # fmt: skip
    got = await fetch(site)
    assert got.text is not None and got.text.lstrip("\ufeff \n").startswith("<")


@pytest.mark.parametrize("body", [b"<pdf-like>", b"<abbr>x</abbr>", b"plain words", b"<a"])
async def test_a_generic_type_that_does_not_start_like_html_stays_binary(body):
    site = Site(httpx.Response(200, headers={"Content-Type": "application/octet-stream"},
                               content=body))  # fmt: skip
    assert (await fetch(site)).text is None


async def test_a_body_without_a_content_type_is_read_as_text_unless_it_is_a_pdf():
    got = await fetch(Site(httpx.Response(200, content=b"<html><p>Statement</p></html>")))
    assert got.text == "<html><p>Statement</p></html>" and got.content_type == ""


async def test_a_firewall_page_is_blocked_whatever_its_status():
    refused = "<html><title>Attention Required! | Cloudflare</title><p>Sorry, you have been blocked"
    err = await fails(Site(page(refused, status=403)))
    assert err.kind == "blocked" and err.status == 403 and "headers" in err.message


# --- what every request carries -----------------------------------------------------------------


async def test_user_agent_accept_source_headers_and_cookies_are_sent():
    site = Site(page())
    await fetch(site, headers={"Referer": "https://mfaic.example/"}, cookies={"lang": "en"})
    sent = site.requests[0].headers
    assert sent["User-Agent"] == CONFIG.user_agent and "text/html" in sent["Accept"]
    assert sent["Referer"] == "https://mfaic.example/" and sent["Cookie"] == "lang=en"


# --- robots.txt ---------------------------------------------------------------------------------

ROBOTS = CONFIG.model_copy(update={"robots": True})


def robots(text: str | None, code: int = 200) -> Handler:
    """robots.txt answered with `text` (or `code`); every other address with a page."""

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path != "/robots.txt":
            return page()
        return status(code) if text is None else httpx.Response(code, text=text)

    return answer


async def test_robots_txt_is_read_once_per_origin_and_obeyed():
    site = Site(robots("User-agent: *\nDisallow: /private/\n"))
    async with Fetcher(ROBOTS, transport=httpx.MockTransport(site)) as fetcher:
        assert (await fetcher.get(URL)).status == 200
        with pytest.raises(FetchError) as info:
            await fetcher.get("https://mfaic.example/private/memo")
        assert (await fetcher.get(URL + "?page=2")).status == 200
    assert info.value.kind == "robots"
    paths = [r.url.path for r in site.requests]
    assert paths == ["/robots.txt", "/news/statement-1", "/news/statement-1"]


async def test_a_missing_robots_txt_allows_everything():
    site = Site(robots(None, 404))
    assert (await fetch(site, config=ROBOTS)).status == 200


async def test_an_unreachable_robots_txt_allows_nothing_for_now(waits):
    site = Site(robots(None, 503))
    err = await fails(site, config=ROBOTS)
    assert err.kind == "transient" and "robots.txt unreachable" in err.message
    assert {r.url.path for r in site.requests} == {"/robots.txt"}  # the page was never asked
