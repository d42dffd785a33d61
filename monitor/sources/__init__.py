"""Discovery: which links on a listing page are releases, and which pages of the listing follow.

Press pages are built by many CMSs, so nothing here knows a site. A listing is recognised by its
shape: release links repeat in the same DOM position (same tag/class path), carry sentence-like
titles and usually a date, and point to URLs of one pattern; menus, footers, category and share
links repeat too, but with one-word titles, in chrome, or with URLs of many patterns.

The stage's modules:

- `vocabulary`: the words the heuristics read a listing by (chrome and pager class names,
  "Read more" and "Next" in many languages, URL paths that are never releases), as data;
- `links`: links and their context (chrome, pagers, URLs that are never releases);
- `items`: each link's item, its title and its date;
- `releases`: choosing the list of releases;
- `pagination`: the following pages of the listing.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

from monitor.models import Link, Listing
from monitor.sources.feeds import parse_feed, sniff_kind
from monitor.sources.items import _is_generic, _Item
from monitor.sources.links import _host, _Page, _page_param
from monitor.sources.pagination import _next_pages
from monitor.sources.releases import _heuristic_releases, _selected_releases
from monitor.text.dates import page_month_first

__all__ = ["discover", "parse_feed", "sniff_kind"]


def _page_lang(soup: BeautifulSoup) -> str:
    html = soup.find("html")
    lang = str(html.get("lang") or html.get("xml:lang") or "") if isinstance(html, Tag) else ""
    return lang.lower()


def _month_first(soup: BeautifulSoup, lang: str, url: str) -> bool:
    """How to read 04/05/2015 on this page: as its unambiguous dates (24/04 or 04/24) do,
    failing that month first on US sites and day first elsewhere."""
    return page_month_first(soup.get_text(" "), lang, _host(url), listing=True)


def _listing_page(html: str, base_url: str) -> _Page:
    soup = BeautifulSoup(html, "lxml")
    base = base_url
    tag = soup.find("base", href=True)
    if isinstance(tag, Tag):
        base = urljoin(base_url, str(tag["href"]).strip())
    for junk in soup(["script", "style", "noscript", "template", "svg"]):
        junk.decompose()
    lang = _page_lang(soup)
    month_first = _month_first(soup, lang, base_url)
    return _Page(soup=soup, url=base_url, base=base, month_first=month_first, lang=lang[:2])


def _to_links(items: Iterable[_Item]) -> tuple[Link, ...]:
    """Deduplicated in page order; a duplicate may still lend a better title or a date."""
    merged: dict[str, Link] = {}
    for it in sorted(items, key=lambda it: it.cand.pos):
        url = it.cand.url
        title = it.title or None
        prev = merged.get(url)
        if prev is None:
            merged[url] = Link(url=url, title=title, date=it.date)
            continue
        better = prev.title
        if (not better or _is_generic(better)) and title and not _is_generic(title):
            better = title
        merged[url] = Link(url=url, title=better, date=prev.date or it.date)
    return tuple(merged.values())


def discover(
    html: str, base_url: str, *, links: str | None = None, like: str | None = None
) -> Listing:
    """Release links and following pages of a listing page.

    `links` is the configured CSS selector for release links (or their containers); without
    one the list is found by its shape. `like` is the `signature` of the listing's previous
    page: a following page is read as the same kind of list. A page with no list of releases
    comes back as `Listing(kind="page")`: the caller then watches the URL itself as one release.
    """
    page = _listing_page(html, base_url)
    next_pages = _next_pages(page, listing=like is not None or bool(links))
    excluded = set(next_pages)
    shape = None
    if links:
        items = _selected_releases(page, links, excluded)
    else:
        paged = bool(next_pages) or like is not None or _page_param(base_url) is not None
        items, shape = _heuristic_releases(page, excluded, paged, like)
    releases = _to_links(items)
    if not releases:
        return Listing(kind="page")
    return Listing(kind="listing", releases=releases, next_pages=tuple(next_pages), signature=shape)
