"""The pages a single watched page shares its template with: the site's pages it links to.

A source that is one page (a standing position, a hotline notice) has no listing and no
sibling releases to teach its template, so single-page extraction must guess which of its
blocks is the statement; on a page of one sentence amid a ticker, a "Latest" box and a
sidebar it guesses wrong, and every new ticker item reads as an edit. The page's links name
pages built from the same template: those nearest in the site's tree (the longest shared
path) first, then the deeper ones (content pages, built like the page, before the front page
and section pages, often laid out apart), then in page order.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from monitor.sources.links import _FILE_EXT, _host
from monitor.sources.memo import listing_anchors
from monitor.sources.vocabulary import DOCUMENT_EXTENSIONS, alternatives

_DOCUMENT = re.compile(rf"\.(?:{alternatives(DOCUMENT_EXTENSIONS)})$", re.I)


def _segments(url: str) -> list[str]:
    return [s for s in urlsplit(url).path.lower().split("/") if s]


def _shared(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def sibling_pages(html: str, url: str, limit: int = 2) -> list[str]:
    """Up to `limit` pages of the page's own site that it links to, nearest first: HTML pages
    (no files, documents or feeds), never the page itself."""
    host, own = _host(url), urlsplit(url)._replace(fragment="").geturl()
    mine = _segments(url)
    ranked: dict[str, tuple[int, int, int]] = {}
    for order, (target, _) in enumerate(listing_anchors(html, url).anchors):
        target = urlsplit(target)._replace(fragment="").geturl()
        path = urlsplit(target).path
        if target == own or target in ranked or _host(target) != host:
            continue
        if _FILE_EXT.search(path) or _DOCUMENT.search(path):
            continue
        segments = _segments(target)
        ranked[target] = (-_shared(mine, segments), -len(segments), order)
    return sorted(ranked, key=ranked.__getitem__)[:limit]
