"""A listing page read again: when its links are the ones it had, what discovery found then.

Many sites change a listing's chrome on every request (a clock, a counter, a "latest" box in
another order, new class names), so its bytes differ while its list of releases does not.
Discovery (a bs4 tree and the heuristics of `releases`) costs 50-200 ms a page; collecting the
page's links from the tree the template profile reads anyway costs a few. So each discovery
leaves a memo of the page's links beside its result, and the next read of the page takes that
result again when the links say nothing that discovery decides by has changed:

- every release and following page found then is linked still, each release only by texts it
  was linked by then (a retitled link is read afresh);
- no link is new that discovery could take for a release: a URL not linked then, of a release's
  URL pattern, or on a release's host with a release's look (an id or slug, a title of three
  words or more: what `releases` admits beside the list). Such links are handed back to the
  caller (`suspects`), which knows the source's releases: a "latest" box now showing a release
  the source already holds is no news.

Anything else is read in full, and the memo renewed. A new menu entry, a rotated "latest" box,
a new cookie link or share button leave the memo standing. A memo is tied to how the page was
read (the source's `links` selector, the shape of the list on the listing's first page) and to
`DISCOVERY_VERSION`, so a changed selector or a new monitor reads every listing afresh once.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from urllib.parse import urljoin

from lxml import etree

from monitor.models import Link, Listing
from monitor.sources.items import _is_generic
from monitor.sources.links import _host, _link_words, resolve_link
from monitor.sources.releases import _sluggy, _url_pattern
from monitor.text.normalize import normalize

# Bump when a change to discovery can change what it finds on the same page: memos made
# before are then not reused.
DISCOVERY_VERSION = 1

Anchor = tuple[str, str]  # (absolute URL, normalised text)


def page_anchors(tree: etree._Element, url: str) -> list[Anchor]:
    """Every <a href> of the page: its absolute URL (as discovery resolves it) and its text."""
    base = url
    for el in tree.iter("base"):
        href = el.get("href")
        if href:
            base = urljoin(url, href.strip())  # as discovery reads <base>
            break
    seen: dict[str, str | None] = {}
    out: list[Anchor] = []
    for a in tree.iter("a"):
        href = a.get("href")
        if not href:
            continue
        if href not in seen:
            seen[href] = resolve_link(base, href)
        target = seen[href]
        if target:
            out.append((target, normalize(a.text_content())))
    return out


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _how(links: str | None, like: str | None) -> str:
    return f"{DISCOVERY_VERSION}|{links or ''}|{like or ''}"


def remember(listing: Listing, anchors: Sequence[Anchor], links: str | None,
             like: str | None) -> str | None:  # fmt: skip
    """The memo of a listing page discovery has just read (None for a page of another kind)."""
    if listing.kind != "listing" or not listing.releases:
        return None
    texts: dict[str, set[str]] = {link.url: set() for link in listing.releases}
    for target, text in anchors:
        if target in texts:
            texts[target].add(_digest(text))
    return json.dumps({
        "how": _how(links, like),
        "releases": [[x.url, x.title, x.date, x.summary] for x in listing.releases],
        "next": list(listing.next_pages),
        "signature": listing.signature,
        "links": sorted({_digest(target) for target, _ in anchors}),
        "texts": [sorted(texts[x.url]) for x in listing.releases],
    }, ensure_ascii=False, separators=(",", ":"))  # fmt: skip


def reuse(memo: str | None, anchors: Sequence[Anchor], links: str | None,
          like: str | None) -> tuple[Listing, tuple[str, ...]] | None:  # fmt: skip
    """What discovery found when the memo was made, if the page's links still say so, and the
    links new since that might be releases (the listing stands if the source holds them)."""
    try:
        kept = json.loads(memo) if memo else None
        if not kept or kept.get("how") != _how(links, like):
            return None
        releases = tuple(Link(*row) for row in kept["releases"])
        texts = {x.url: set(t) for x, t in zip(releases, kept["texts"], strict=True)}
        before, following = set(kept["links"]), tuple(kept["next"])
        signature = kept["signature"]
    except (ValueError, TypeError, KeyError):
        return None  # a memo of another layout: read the page afresh
    here = {target for target, _ in anchors}
    if not releases or not here.issuperset(texts) or not here.issuperset(following):
        return None
    if any(target in texts and _digest(text) not in texts[target] for target, text in anchors):
        return None
    listing = Listing(kind="listing", releases=releases, next_pages=following, signature=signature)
    return listing, _new_like_releases(anchors, before, texts)


def _new_like_releases(
    anchors: Iterable[Anchor], before: set[str], releases: Iterable[str]
) -> tuple[str, ...]:
    patterns = {_url_pattern(url) for url in releases}
    hosts = {pattern[0] for pattern in patterns}
    found: dict[str, None] = {}
    for target, text in anchors:
        if target in found or _digest(target) in before:
            continue
        titled = _link_words(text) >= 3 and not _is_generic(text)
        if _url_pattern(target) in patterns or (
            _host(target) in hosts and _sluggy(target) and titled
        ):
            found[target] = None
    return tuple(found)
