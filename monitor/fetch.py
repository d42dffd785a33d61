"""Polite, resilient HTTP: the only module that talks to ministry web servers.

Every failure is classified (see `FetchError.kind`) so detection can tell "the server hiccuped"
from "the release is gone": a transient failure must never become an edit or a removal.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import time
import urllib.robotparser
from collections.abc import Mapping
from urllib.parse import urlsplit

import httpx

from .blocked import block_reason
from .config import FetchConfig
from .decode import decode_body, media_type
from .models import FetchError, Page

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
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


_CONDITIONAL = frozenset({"If-None-Match", "If-Modified-Since"})


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
        )
        self._slots = asyncio.Semaphore(config.concurrency)
        self._host_locks: dict[str, asyncio.Lock] = {}
        self._host_last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | FetchError] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}
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
    ) -> Page:
        """Fetch one URL. Raises FetchError; returns a Page (possibly `not_modified`)."""
        if self.config.robots:
            await self._check_robots(url, headers)
        extra = dict(headers or {})
        if cookies:
            extra["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        conditional = dict(extra)
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        try:
            return await self._get_with_retries(url, conditional)
        except FetchError as err:
            if err.kind != "gone" or not confirm_gone:
                raise
        # One 404 may be a deploy in progress or a flaky CDN; a removal must be seen twice.
        await asyncio.sleep(max(self.config.per_host_delay, 0.2))
        return await self._get_with_retries(url, extra)

    # --- internals -----------------------------------------------------------------------

    async def _get_with_retries(self, url: str, headers: dict[str, str]) -> Page:
        attempt = 0
        while True:
            try:
                return await self._get_once(url, headers)
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

    async def _get_once(self, url: str, headers: dict[str, str]) -> Page:
        # Redirects are followed here rather than by httpx, which drops a per-request Cookie
        # header on the next hop: a source's language cookie must survive a redirect.
        hops: list[str] = []
        target = url
        async with self._slots:
            while True:
                await self._polite_wait(urlsplit(target).netloc)
                self.requests += 1
                try:
                    async with self._client.stream("GET", target, headers=headers) as resp:
                        location = resp.headers.get("Location")
                        if resp.is_redirect and location:
                            body = b""
                        else:
                            body = await self._read_capped(url, resp)
                except httpx.UnsupportedProtocol as exc:
                    raise FetchError(url, "bad_response", f"unsupported address: {exc}") from None
                except (
                    httpx.TimeoutException,
                    httpx.NetworkError,
                    httpx.RemoteProtocolError,
                ) as exc:
                    kind = type(exc).__name__
                    raise _Retry(f"{kind}: {exc or 'no answer'}", None, None) from None
                if not (resp.is_redirect and location):
                    break
                hops.append(target)
                # Validators belong to the URL they were stored for: a moved release must not
                # be answered 304 by the page it now redirects to (the home page, say).
                headers = {k: v for k, v in headers.items() if k not in _CONDITIONAL}
                if len(hops) > 10:
                    raise FetchError(url, "bad_response", "too many redirects")
                target = str(resp.url.join(location))
                if urlsplit(target).scheme not in ("http", "https"):
                    raise FetchError(url, "bad_response", f"redirect to {target}")
        return self._to_page(url, resp, body, tuple(hops))

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
        if ctype.startswith(_TEXT_TYPES) or (not ctype and not body.startswith(b"%PDF-")):
            text, encoding = decode_body(body, ctype_header)
        blocker = block_reason(text, status)
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

    async def _check_robots(self, url: str, headers: Mapping[str, str] | None) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        lock = self._robots_locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._robots:
                self._robots[origin] = await self._load_robots(origin, headers)
        rules = self._robots[origin]
        if isinstance(rules, FetchError):
            raise FetchError(url, rules.kind, rules.message, rules.status)
        if not rules.can_fetch(self.config.user_agent, url):
            raise FetchError(
                url,
                "robots",
                "robots.txt disallows this address for our User-Agent "
                "(set fetch.robots: false only if the site owner agrees)",
            )

    async def _load_robots(
        self, origin: str, headers: Mapping[str, str] | None
    ) -> urllib.robotparser.RobotFileParser | FetchError:
        parser = urllib.robotparser.RobotFileParser()
        try:
            page = await self._get_with_retries(origin + "/robots.txt", dict(headers or {}))
        except FetchError as err:
            if err.kind in ("gone", "bad_response", "blocked") and (err.status or 0) < 500:
                parser.parse([])  # RFC 9309: an unavailable (4xx) robots.txt allows everything
                return parser
            # RFC 9309: an unreachable robots.txt means "assume complete disallow" for now.
            return FetchError(origin, "transient", f"robots.txt unreachable: {err.message}")
        parser.parse((page.text or "").splitlines())
        return parser


class _Retry(Exception):
    def __init__(self, message: str, status: int | None, after: float | None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.after = after
