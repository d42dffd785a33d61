"""Pages from outside a check: saved files and ad-hoc URLs, for `monitor extract` and imports."""

from __future__ import annotations

import asyncio
import gzip
import mimetypes
from collections.abc import Iterator, Sequence
from pathlib import Path

from monitor.config import FetchConfig
from monitor.extract import Reading, Template, read_page
from monitor.fetch.access import Site
from monitor.fetch.client import Fetcher
from monitor.fetch.decode import decode_body
from monitor.models import FetchError, Page


def page_from_bytes(body: bytes, url: str, content_type: str | None = None) -> Page:
    if body[:2] == b"\x1f\x8b":
        body = gzip.decompress(body)
    if body[:5] == b"%PDF-":
        return Page(url=url, final_url=url, status=200, content_type="application/pdf", body=body)
    ctype = content_type or mimetypes.guess_type(url.removesuffix(".gz"))[0] or "text/html"
    text, encoding = decode_body(body, content_type, url)
    return Page(url=url, final_url=url, status=200, content_type=ctype, body=body, text=text,
                encoding=encoding)  # fmt: skip


def page_from_file(path: str | Path) -> Page:
    path = Path(path)
    return page_from_bytes(path.read_bytes(), path.resolve().as_uri())


def _is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def _own(site: Site | None, url: str) -> Site | None:
    """A source's credentials for its own host's URLs; other URLs are fetched as they stand."""
    return site if site is not None and site.owns(url) else None


async def _fetch_all(
    urls: Sequence[str],
    config: FetchConfig,
    headers: dict[str, str] | None = None,
    cookies: dict[str, str] | None = None,
    site: Site | None = None,
) -> dict[str, Page | Exception]:
    async with Fetcher(config) as fetcher:
        results = await asyncio.gather(
            *(
                fetcher.get(u, headers=headers or {}, cookies=cookies or {}, site=_own(site, u))
                for u in urls
            ),
            return_exceptions=True,
        )
    out: dict[str, Page | Exception] = {}
    for url, res in zip(urls, results, strict=True):
        out[url] = res if isinstance(res, Page | Exception) else RuntimeError(str(res))
    return out


def load_targets(
    targets: Sequence[str],
    fetch_config: FetchConfig,
    *,
    content: str | None = None,
    title: str | None = None,
    date: str | None = None,
    template: Template | None = None,
    headers: dict[str, str] | None = None,
    cookies: dict[str, str] | None = None,
    site: Site | None = None,
) -> Iterator[tuple[str, Reading | Exception]]:
    """Read each file or URL, in the order given (with a source's learned `template`, its
    `headers`, `cookies` and `site` credentials when given); failures are yielded, not raised."""
    urls = [t for t in targets if _is_url(t)]
    fetched = asyncio.run(_fetch_all(urls, fetch_config, headers, cookies, site)) if urls else {}
    for target in targets:
        try:
            if _is_url(target):
                page = fetched[target]
                if isinstance(page, FetchError):
                    raise page
                if isinstance(page, Exception):
                    raise page
            else:
                page = page_from_file(target)
            yield target, read_page(
                page, content=content, title=title, date=date, template=template
            )
        except (OSError, ValueError, FetchError) as exc:
            yield target, exc
