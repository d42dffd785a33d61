"""The pages a single watched page shares its template with: the site's pages it links to.

A source that is one page (a standing position, a hotline notice) has no listing and no
sibling releases to teach its template, so single-page extraction must guess which of its
blocks is the statement; on a page of one sentence amid a ticker, a "Latest" box and a
sidebar it guesses wrong, and every new ticker item reads as an edit. The page's links name
pages built from the same template: those nearest in the site's tree (the longest shared
path) first, then the deeper ones (content pages, built like the page, before the front page
and section pages, often laid out apart), then in page order. Never the page itself under
another address (its language switch, print view, `index.php`, a trailing slash: its
statement would be taken for template), and never a link that acts (log out, share, print).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from monitor.sources.links import _FILE_EXT, _host, query_pairs
from monitor.sources.memo import listing_anchors
from monitor.sources.releases import _DOC_EXT
from monitor.sources.vocabulary import ACTION_SEGMENTS, NON_ARTICLE_QUERY, alternatives

_ACTION = re.compile(rf"^(?:{alternatives(ACTION_SEGMENTS)})$", re.I)
_INDEX = re.compile(r"^(?:index|default)\.\w+$", re.I)


def _segments(url: str) -> list[str]:
    return [s for s in urlsplit(url).path.lower().split("/") if s and not _INDEX.match(s)]


def same_site(a: str, b: str) -> bool:
    return _host(a) == _host(b)


def same_page(a: str, b: str) -> bool:
    """Two addresses of one page: the same host and path, whatever the scheme, `www.`, case,
    trailing slash, `index.*` or query (a language switch, a print view)."""
    return same_site(a, b) and _segments(a) == _segments(b)


def _shared(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def sibling_pages(html: str, url: str, limit: int = 2) -> list[str]:
    """Up to `limit` pages of the page's own site that it links to, nearest first: HTML pages
    (no files, documents or feeds), never the page itself, never a link that acts."""
    host, mine = _host(url), _segments(url)
    ranked: dict[str, tuple[int, int, int]] = {}
    for order, (target, _) in enumerate(listing_anchors(html, url).anchors):
        parts = urlsplit(target)
        target = parts._replace(fragment="").geturl()
        if target in ranked or _host(target) != host or same_page(target, url):
            continue
        segments = _segments(target)
        if _FILE_EXT.search(parts.path) or _DOC_EXT.search(parts.path):
            continue
        if any(map(_ACTION.match, segments)):
            continue
        if any(key.lower() in NON_ARTICLE_QUERY for key, _ in query_pairs(parts.query)):
            continue
        ranked[target] = (-_shared(mine, segments), -len(segments), order)
    return sorted(ranked, key=ranked.__getitem__)[:limit]
