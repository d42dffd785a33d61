"""A listing page read again: when its links are the ones it had, what discovery found then.

Many sites change a listing's chrome on every request (a clock, a counter, a "latest" box in
another order, new class names), so its bytes differ while its list of releases does not.
Discovery (a bs4 tree and the heuristics of `releases`, in a reading process) costs 50-200 ms
a page; collecting the page's links with lxml costs a few, in the check's own process. So each
discovery leaves a memo of the page's links beside its result, and the next read of the page
takes that result again when the links say nothing that discovery decides by has changed:

- every release and following page found then is linked still, and each release's entry in
  the list (its longest item: the link, its heading, date and teaser) reads as it did (a
  retitled or redated release is read afresh);
- no link is new that discovery could take for a release: a URL not linked then that sits
  where a release's link does (the same elements above it), or has a release's URL
  pattern (its digits aside: /2026/12/ is /2024/03/), or a release's look on a release's host
  (an id or slug, a title of three words or more: what `releases` admits beside the list).
  Such links are handed back to the caller (`suspects`), which knows the source's releases: a
  "latest" box now showing a release the source already holds is no news.

Anything else is read in full, and the memo renewed. A new menu entry, a rotated "latest" box,
a new cookie link or share button leave the memo standing. A memo is tied to how the page was
read (the source's `links` selector, the shape of the list on the listing's first page) and to
`DISCOVERY_VERSION`, so a changed selector or a new monitor reads every listing afresh once.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HTMLParser, document_fromstring

from monitor.models import Link, Listing
from monitor.sources.items import _is_generic
from monitor.sources.links import _host, _link_words, resolve_link
from monitor.sources.releases import _sluggy, _url_pattern

# Bump when a change to discovery can change what it finds on the same page: memos made
# before are then not reused.
DISCOVERY_VERSION = 1

Anchor = tuple[str, str]  # (absolute URL, its text with whitespace folded)
_UTF8 = HTMLParser(encoding="utf-8")
_DIGITS = re.compile(r"\d+")


@dataclass
class PageLinks:
    """A listing page's links in page order: each one's target and text (`anchors`), element,
    and place (the names of the elements above it, from the root)."""

    anchors: list[Anchor] = field(default_factory=list)
    elements: list[etree._Element] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    _read: dict[frozenset[str], dict[str, str]] = field(default_factory=dict, repr=False)

    def items(self, releases: frozenset[str]) -> dict[str, str]:
        """`_items`, once per set of releases (reuse, then remember)."""
        if releases not in self._read:
            self._read[releases] = _items(self, releases)
        return self._read[releases]

    def seen(self) -> set[str]:
        """Each link as the memo keeps it: its target where it sits."""
        return {_digest(f"{target}\x1f{place}")
                for (target, _), place in zip(self.anchors, self.places, strict=True)}  # fmt: skip


def listing_anchors(html: str, url: str) -> PageLinks:
    """Every <a href> of a listing page: its absolute URL (as discovery resolves it), its text
    and where it sits. Parsed by lxml alone (a few ms): the check's own process reads them, so
    a listing whose links are the ones it had needs no reading process at all."""
    try:
        try:
            tree = document_fromstring(html)
        except ValueError:  # a str that declares its encoding (<?xml ... encoding=...?>)
            tree = document_fromstring(html.encode("utf-8"), parser=_UTF8)
    except (etree.ParserError, ValueError):
        return PageLinks()  # an empty or unreadable page: discovery has the last word
    return page_anchors(tree, url)


def page_anchors(tree: etree._Element, url: str) -> PageLinks:
    base = url
    declared = tree.find(".//base[@href]")  # the first, as discovery reads <base>
    if declared is not None:
        base = urljoin(url, (declared.get("href") or "").strip())
    seen: dict[str, str | None] = {}
    out = PageLinks()
    for a in tree.iter("a"):
        href = a.get("href")
        if not href:
            continue
        if href not in seen:
            seen[href] = resolve_link(base, href)
        target = seen[href]
        if target:
            out.anchors.append((target, " ".join(a.text_content().split())))
            out.elements.append(a)
            out.places.append(">".join(str(node.tag) for node in (a, *a.iterancestors())))
    return out


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _how(links: str | None, like: str | None) -> str:
    return f"{DISCOVERY_VERSION}|{links or ''}|{like or ''}"


def _items(page: PageLinks, releases: frozenset[str]) -> dict[str, str]:
    """Per release, the text of its item (a digest): the largest element around a link to it
    that links to no other release, so a heading, a date or a teaser edited beside a "Read
    more" link is seen, as is the link's own text. Of a release's items the longest is its
    entry in the list; shorter copies ("latest" boxes) are chrome, shown one way or another."""
    under: dict[etree._Element, set[str]] = {}  # the releases linked below an element, up to 2
    for el, (target, _) in zip(page.elements, page.anchors, strict=True):
        if target in releases:
            for node in el.iterancestors():
                held = under.setdefault(node, set())
                if target in held or len(held) >= 2:
                    break  # what lies above knows as much already
                held.add(target)
    longest: dict[str, str] = {}
    for el, (target, _) in zip(page.elements, page.anchors, strict=True):
        if target in releases:
            item = el
            for node in el.iterancestors():
                if node.tag in ("body", "html") or under.get(node, set()) - {target}:
                    break
                item = node
            text = " ".join(item.text_content().split())  # compared with itself: no more
            if len(text) > len(longest.get(target, "")):
                longest[target] = text
    return {url: _digest(text) for url, text in longest.items()}


def remember(listing: Listing, page: PageLinks, links: str | None,
             like: str | None) -> str | None:  # fmt: skip
    """The memo of a listing page discovery has just read (None for a page of another kind)."""
    if listing.kind != "listing" or not listing.releases:
        return None
    items = page.items(frozenset(x.url for x in listing.releases))
    return json.dumps({
        "how": _how(links, like),
        "releases": [[x.url, x.title, x.date, x.summary] for x in listing.releases],
        "next": list(listing.next_pages),
        "signature": listing.signature,
        "links": sorted(page.seen()),
        "items": [items.get(x.url) for x in listing.releases],
    }, ensure_ascii=False, separators=(",", ":"))  # fmt: skip


def reuse(memo: str | None, page: PageLinks, links: str | None,
          like: str | None) -> tuple[Listing, tuple[str, ...]] | None:  # fmt: skip
    """What discovery found when the memo was made, if the page's links still say so, and the
    links new since that might be releases (the listing stands if the source holds them)."""
    try:
        kept = json.loads(memo) if memo else None
        if not isinstance(kept, dict) or kept.get("how") != _how(links, like):
            return None
        releases = tuple(Link(*row) for row in kept["releases"])
        items = {x.url: digest for x, digest in zip(releases, kept["items"], strict=True)}
        before, following = set(kept["links"]), tuple(kept["next"])
        signature = kept["signature"]
    except (ValueError, TypeError, KeyError):
        return None  # a memo of another layout: read the page afresh
    here = {target for target, _ in page.anchors}
    if not releases or not here.issuperset(items) or not here.issuperset(following):
        return None
    if page.items(frozenset(items)) != items:
        return None  # a release's item reads otherwise: retitled, redated
    listing = Listing(kind="listing", releases=releases, next_pages=following, signature=signature)
    return listing, _new_like_releases(page, before, set(items), selected=bool(links))


def _pattern(url: str) -> tuple[str, ...]:
    return tuple(_DIGITS.sub("#", part) for part in _url_pattern(url))


def _new_like_releases(
    page: PageLinks, before: set[str], releases: set[str], *, selected: bool
) -> tuple[str, ...]:
    """Links new where they sit that discovery might take for releases: any, when a
    configured selector (`selected`) decides, which this module does not read."""
    patterns = {_pattern(url) for url in releases}
    hosts = {_host(url) for url in releases}
    listed = {place for (target, _), place in zip(page.anchors, page.places, strict=True)
              if target in releases}  # fmt: skip
    found: dict[str, None] = {}
    for (target, text), place in zip(page.anchors, page.places, strict=True):
        if target in found or _digest(f"{target}\x1f{place}") in before:
            continue
        titled = _link_words(text) >= 3 and not _is_generic(text)
        if (
            selected
            or place in listed
            or _pattern(target) in patterns
            or (_host(target) in hosts and _sluggy(target) and titled)
        ):
            found[target] = None
    return tuple(found)
