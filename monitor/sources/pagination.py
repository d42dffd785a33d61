"""Pagination: which links lead to the following pages of a listing, nearest first.

A page parameter (?page=2, /page/2) is read from the URL; a pager without one (list-2.html,
/news/2) is trusted by its words ("Next", a row of page numbers), as "Next" alone also leads
to the next *post*.
"""

from __future__ import annotations

import re
from itertools import islice
from urllib.parse import urlsplit

from bs4 import Tag

from monitor.sources.links import (
    _host,
    _Page,
    _page_param,
    _same_page,
    _strip_arrows,
    _strip_page,
    _text,
)
from monitor.sources.vocabulary import (
    ARROWS,
    LAST_LINKS,
    NEXT_LINKS,
    PREVIOUS_LINKS,
    WEAK_PAGE_PARAMETERS,
    alternatives,
)

_NEXT_TEXT = re.compile(rf"^(?:{alternatives(NEXT_LINKS)})$", re.I)
_PREV_TEXT = re.compile(rf"^(?:{alternatives(PREVIOUS_LINKS)})$", re.I)
_LAST_TEXT = re.compile(rf"^(?:{alternatives(LAST_LINKS)})$", re.I)


def _pager_text(text: str) -> bool:
    bare = _strip_arrows(text)
    return (
        bool(_NEXT_TEXT.match(bare) or _PREV_TEXT.match(bare) or _LAST_TEXT.match(bare))
        or (bare.isdigit() and len(bare) <= 4)
        or (not bare and bool(text.strip()))
    )


def _next_pages(page: _Page, listing: bool = False) -> list[str]:
    """Following pages of the listing, nearest first; never the current or earlier ones.

    `listing`: the page is known to be a listing (a later page of one, or a source with a
    configured selector), so a worded "Next" to the following number may be trusted.
    """
    here = _page_param(page.url)
    here_host, here_path = _strip_page(page.url)
    found: dict[str, float] = {}
    for a in page.soup.find_all(["a", "link"], href=True):
        url = page.resolve(str(a["href"]))
        if url is None or _host(url) != here_host or _same_page(url, page.url):
            continue
        rel = {str(r).lower() for r in (a.get("rel") or [])}
        if a.name == "link" and "next" not in rel:
            continue
        text = _text(a) if a.name == "a" else ""
        label = _strip_arrows(text)
        hint = _strip_arrows(str(a.get("aria-label") or a.get("title") or ""))
        arrow = text.strip()[:1] if text.strip() and not label else ""
        backwards = bool(
            rel & {"prev", "previous", "first"}
            or _PREV_TEXT.match(label)
            or (not label and _PREV_TEXT.match(hint))
            or arrow in ("«", "‹", "<", "←")
        )
        is_next = not backwards and (
            "next" in rel
            or bool(_NEXT_TEXT.match(label) or (not label and _NEXT_TEXT.match(hint)))
            or arrow in ("»", "›", ">", "→")
        )
        numbered = label.isdigit() and len(label) <= 4
        in_pager = any(page.is_pager(p) for p in islice(a.parents, 6) if isinstance(p, Tag))
        signal = is_next or numbered or in_pager or bool(_LAST_TEXT.match(label))
        info = _page_param(url)
        if info is None:
            # A pager whose URLs we cannot read (/news/2, index_2.html): trust its words
            # inside a pager; outside one, only for this URL with another page number, as
            # "Next" alone (rel=next too) also leads to the next *post*.
            worded = bool(_NEXT_TEXT.match(label)) or arrow in ("»", "›", ">", "→")
            if in_pager and worded and not backwards:
                found.setdefault(url, 0.0)
            elif numbered and in_pager and int(label) > 1:
                found.setdefault(url, float(label))
            elif (
                (worded or numbered)
                and not backwards
                and (nth := _numbered_next(a, url, page.url, worded, listing))
            ):
                found.setdefault(url, float(nth))
            continue
        name, value = info
        if _strip_page(url) != (here_host, here_path):
            continue  # another listing (a category, an archive), not a page of this one
        if name in WEAK_PAGE_PARAMETERS and not signal:
            continue  # ?p=123 is a WordPress post, not page 123
        if here is not None and here[0] == name:
            current = here[1]
        elif backwards or label == "1":
            continue  # on the first page, "previous"/"1" can only lead back to it
        else:
            current = 1 if name == "/page/" else 0
        if value > current:
            found[url] = min(found.get(url, value), value)
    return [u for u, _ in sorted(found.items(), key=lambda kv: kv[1])]


# The last number of a path, after a separator and before an extension or a final slash:
# statements-2.html, news_2.htm, /news/2, index_2.html. Up to three digits: a year or a
# post id (/news/2026, /posts/2301) is not a page number.
_NUMBERED_PATH = re.compile(r"^(.*?)(?:([-_/])(\d{1,3}))?(\.[A-Za-z0-9]{2,5})?/?$")


def _path_number(url: str, here: str) -> tuple[int, int | None] | None:
    """(number of `url`, number of `here` or None) when the two URLs differ only by that
    number in the path: the pages of a hand-made listing. None for any other pair."""
    a, b = urlsplit(url), urlsplit(here)
    if _host(url) != _host(here) or a.query != b.query:
        return None
    mine, own = _NUMBERED_PATH.match(a.path), _NUMBERED_PATH.match(b.path)
    if mine is None or own is None or mine[3] is None:
        return None
    if (mine[1], mine[4]) != (own[1], own[4]) or (own[3] is not None and own[2] != mine[2]):
        return None
    return int(mine[3]), (int(own[3]) if own[3] is not None else None)


def _numbered_next(a: Tag, url: str, here: str, worded: bool, listing: bool) -> int | None:
    """The page number of a link to a later page of a listing whose pager has no class and
    whose URLs carry no page parameter ("Page <b>1</b> <a href=list-2.html>2</a>
    <a href=list-2.html>Next</a>"), None for other links.

    A number link counts among other page numbers; a "Next" from an unnumbered first page
    counts when it leads to page 1 or 2 (index_1.html is page two on some CMSs), and from a
    numbered page only on a known listing: on a release, "Next" to /posts/46 from /posts/45
    is the next post.
    """
    numbers = _path_number(url, here)
    if numbers is None:
        return None
    value, current = numbers
    if value <= (current or 0):
        return None
    label = _strip_arrows(_text(a))
    if label.isdigit():
        ok = int(label) in (value, value + 1) and _among_page_numbers(a)
    elif worded:
        ok = value <= 2 if current is None else listing and value == current + 1
    else:
        ok = False
    return value if ok else None


_BARE_NUMBER = re.compile(r"(?<!\S)\d{1,3}(?!\S)")  # a page number, not a year


def _among_page_numbers(a: Tag) -> bool:
    """A number link with another page number beside it ("Page <b>1</b> <a>2</a>"), not a
    lone figure (a footnote, a count)."""
    node: Tag = a
    parent = a.parent
    if (
        isinstance(parent, Tag)
        and parent.name in ("li", "span", "td", "strong", "b")
        and len(parent.find_all(True, recursive=False)) == 1
    ):
        node = parent  # <li><a>2</a></li>: the numbers are in the sibling items
    for siblings in (node.previous_siblings, node.next_siblings):
        for sib in islice(siblings, 4):
            text = _text(sib) if isinstance(sib, Tag) else str(sib)
            if _BARE_NUMBER.search(text.strip(ARROWS + " \u00a0|")):
                return True
    return False
