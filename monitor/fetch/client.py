"""Polite, resilient HTTP: the only module that talks to ministry web servers.

Every failure is classified (see `FetchError.kind`) so detection can tell "the server hiccuped"
from "the release is gone": a transient failure must never become an edit or a removal.
"""

from __future__ import annotations

import asyncio
import email.utils
import functools
import logging
import ssl
import time
from collections.abc import Mapping
from dataclasses import replace
from urllib.parse import urlsplit

import httpx

from monitor.config import FetchConfig
from monitor.fetch.access import AddressGuard, Site, redact, split_userinfo
from monitor.fetch.blocked import block_reason
from monitor.fetch.decode import GENERIC_TYPES, decode_body, looks_like_html, media_type
from monitor.fetch.neterrors import describe
from monitor.fetch.robots import Robots
from monitor.fetch.transport import quicken_idle_checks
from monitor.models import FetchError, Page

log = logging.getLogger(__name__)

_RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524}
_MAX_RETRY_AFTER = 120.0  # a server asking for longer gets an error item, and the next check
_TEXT_TYPES = ("text/", "application/xml", "application/xhtml", "application/rss",
               "application/atom", "application/json", "application/rdf")  # fmt: skip
_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,application/pdf;q=0.8,*/*;q=0.7"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # "²" is a digit to isdigit(), not to float()
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


_CONDITIONAL = frozenset({"If-None-Match", "If-Modified-Since"})


@functools.cache
def _tls() -> ssl.SSLContext:
    """The CA bundle as httpx reads it (SSL_CERT_FILE, SSL_CERT_DIR, else certifi's), read once
    per process: httpx reads it again for every client, 0.1 s of CPU per check."""
    return httpx.create_ssl_context()


class Fetcher:
    """An httpx client with bounded concurrency, a per-host delay, retries and robots.txt."""

    def __init__(self, config: FetchConfig, *, transport: httpx.AsyncBaseTransport | None = None):
        self.config = config
        self._client = httpx.AsyncClient(
            follow_redirects=False,
            timeout=httpx.Timeout(config.timeout),
            headers={"User-Agent": config.user_agent, "Accept": _ACCEPT},
            limits=httpx.Limits(
                max_connections=config.concurrency, max_keepalive_connections=config.concurrency
            ),
            transport=transport,
            verify=_tls(),
        )
        if transport is None:
            quicken_idle_checks(self._client)
        self._slots = asyncio.Semaphore(config.concurrency)
        self._host_locks: dict[str, asyncio.Lock] = {}
        self._host_last: dict[str, float] = {}
        self._robots = Robots(config.user_agent)
        self._guard = AddressGuard(config.allow_hosts)
        self.requests = 0

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._client.aclose()

    # --- public --------------------------------------------------------------------------

    async def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        headers: Mapping[str, str] | None = None,
        cookies: Mapping[str, str] | None = None,
        confirm_gone: bool = False,
        site: Site | None = None,
    ) -> Page:
        """Fetch one URL. Raises FetchError; returns a Page (possibly `not_modified`).

        `site` is the source the URL belongs to (its host, its credentials); by default the
        URL's own host. User-info in `url` is used as credentials and cut from every URL."""
        url, userinfo = split_userinfo(url)
        site = site or Site.of(url)
        if site.credentials is None and userinfo is not None:
            site = replace(site, credentials=userinfo)
        if self.config.robots:
            await self._obey_robots(url, dict(headers or {}), site)
        extra = dict(headers or {})
        if cookies:
            extra["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        conditional = dict(extra)
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        try:
            return await self._get_with_retries(url, conditional, site, robots=True)
        except FetchError as err:
            if err.kind != "gone" or not confirm_gone:
                raise
        # One 404 may be a deploy in progress or a flaky CDN; a removal must be seen twice.
        await asyncio.sleep(max(self.config.per_host_delay, 0.2))
        return await self._get_with_retries(url, extra, site, robots=True)

    # --- internals -----------------------------------------------------------------------

    async def _obey_robots(self, url: str, headers: dict[str, str], site: Site) -> None:
        """robots.txt of `url`'s origin, read with the source's headers where they belong (a
        robots.txt that redirects is followed without robots.txt checks of its own)."""
        own = headers if site.shares_headers(url) else {}
        await self._robots.check(
            url, lambda robots_url: self._get_with_retries(robots_url, own, site)
        )

    async def _get_with_retries(
        self, url: str, headers: dict[str, str], site: Site, *, robots: bool = False
    ) -> Page:
        attempt = 0
        while True:
            try:
                return await self._get_once(url, headers, site, robots=robots)
            except _Retry as retry:
                attempt += 1
                if attempt > self.config.retries:
                    raise FetchError(url, "transient", retry.message, retry.status) from None
                delay = self.config.backoff * (2 ** (attempt - 1))
                if retry.after is not None:
                    if retry.after > _MAX_RETRY_AFTER:
                        raise FetchError(
                            url,
                            "transient",
                            f"{retry.message}; the server asks to retry after {retry.after:.0f} s",
                            retry.status,
                        ) from None
                    delay = max(delay, retry.after)
                log.debug("retrying %s in %.1fs: %s", url, delay, retry.message)
                await asyncio.sleep(delay)

    async def _polite_wait(self, host: str) -> None:
        delay = self.config.per_host_delay
        if delay <= 0:
            return
        lock = self._host_locks.setdefault(host, asyncio.Lock())
        async with lock:
            wait = self._host_last.get(host, 0.0) + delay - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self._host_last[host] = time.monotonic()

    async def _get_once(
        self, url: str, headers: dict[str, str], site: Site, *, robots: bool = False
    ) -> Page:
        # Redirects are followed here rather than by httpx, which drops a per-request Cookie
        # header on the next hop: a source's language cookie must survive a redirect within its
        # site. Each hop is checked against private addresses and (`robots`) the robots.txt of
        # its origin; the source's cookies, headers and credentials go to its own site only.
        hops: list[str] = []
        target = url
        while True:
            if hops and robots and self.config.robots:
                await self._obey_robots(target, headers, site)  # outside the slot it waits on
            own = headers if site.shares_headers(target) else {}
            async with self._slots:
                await self._guard.check(target, site)
                await self._polite_wait(urlsplit(target).netloc)
                resp, body, location = await self._exchange(url, target, own, site)
            if location is None:
                break
            hops.append(target)
            # Validators belong to the URL they were stored for: a moved release must not be
            # answered 304 by the page it now redirects to (the home page, say).
            headers = {k: v for k, v in headers.items() if k not in _CONDITIONAL}
            if len(hops) > 10:
                raise FetchError(url, "bad_response", "too many redirects")
            target = self._next_hop(url, resp, location)
        return self._to_page(url, resp, body, tuple(hops))

    @staticmethod
    def _next_hop(url: str, resp: httpx.Response, location: str) -> str:
        try:
            target = redact(str(resp.url.join(location)))
            urlsplit(target).port  # noqa: B018 -- raises on a port out of range
        except (httpx.InvalidURL, ValueError) as exc:
            raise FetchError(
                url, "bad_response", f"redirect to an unusable address: {exc}"
            ) from None
        if urlsplit(target).scheme not in ("http", "https"):
            raise FetchError(url, "bad_response", f"redirect to {target}")
        return target

    async def _exchange(
        self, url: str, target: str, headers: dict[str, str], site: Site
    ) -> tuple[httpx.Response, bytes, str | None]:
        """One request and its whole body within `fetch.timeout`: a server that trickles a
        byte a second resets httpx's read timeout at every byte, so the deadline is ours."""
        authorization = site.authorization(target)
        if authorization:
            headers = {**headers, "Authorization": authorization}
        self.requests += 1
        try:
            async with (
                asyncio.timeout(self.config.timeout),
                self._client.stream("GET", target, headers=headers) as resp,
            ):
                location = resp.headers.get("Location") if resp.is_redirect else None
                body = b"" if location else await self._read_capped(url, resp)
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            # InvalidURL: httpx reads a redirect's Location even when not following it
            raise FetchError(url, "bad_response", f"unsupported address: {exc}") from None
        except (
            TimeoutError,
            httpx.TimeoutException,
            httpx.NetworkError,
            httpx.RemoteProtocolError,
            httpx.ProxyError,
            httpx.DecodingError,  # a compressed body cut short or damaged on the way
        ) as exc:
            raise _Retry(describe(exc, target, self.config.timeout), None, None) from None
        return resp, body, location

    async def _read_capped(self, url: str, resp: httpx.Response) -> bytes:
        cap = self.config.max_bytes
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise FetchError(url, "too_large", f"body of {declared} bytes exceeds {cap}")
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.aiter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(url, "too_large", f"body exceeds the {cap}-byte limit")
            chunks.append(chunk)
        return b"".join(chunks)

    def _to_page(
        self, url: str, resp: httpx.Response, body: bytes, redirects: tuple[str, ...]
    ) -> Page:
        status = resp.status_code
        ctype_header = resp.headers.get("Content-Type", "")
        ctype = media_type(ctype_header)
        final_url = str(resp.url)
        if status == 304:
            return Page(
                url=url,
                final_url=final_url,
                status=304,
                content_type=ctype,
                not_modified=True,
                etag=resp.headers.get("ETag"),
                last_modified=resp.headers.get("Last-Modified"),
                redirects=redirects,
            )
        text = encoding = None
        generic = not ctype or (ctype in GENERIC_TYPES and looks_like_html(body))
        if ctype.startswith(_TEXT_TYPES) or (generic and not body.startswith(b"%PDF-")):
            text, encoding = decode_body(body, ctype_header, final_url)
        blocker = block_reason(text, status, body, encoding)
        if blocker:
            raise FetchError(
                url,
                "blocked",
                f"blocked by {blocker} (HTTP {status}); the site refuses this client — "
                "set browser-like `headers` (and `cookies`) for this source in config.yaml",
                status,
            )
        if status in (404, 410):
            raise FetchError(url, "gone", f"HTTP {status}", status)
        if status in _RETRY_STATUS:
            raise _Retry(f"HTTP {status}", status, _retry_after(resp.headers.get("Retry-After")))
        if status >= 400:
            hint = " (the site may refuse unknown clients: try `headers`)" if status == 403 else ""
            raise FetchError(url, "bad_response", f"HTTP {status}{hint}", status)
        if status >= 300:
            raise FetchError(url, "bad_response", f"HTTP {status} without a usable Location")
        return Page(
            url=url,
            final_url=final_url,
            status=status,
            content_type=ctype,
            body=body,
            text=text,
            encoding=encoding,
            etag=resp.headers.get("ETag"),
            last_modified=resp.headers.get("Last-Modified"),
            redirects=redirects,
        )


class _Retry(Exception):
    def __init__(self, message: str, status: int | None, after: float | None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.after = after
