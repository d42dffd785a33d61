"""Choosing the list of releases on a listing page.

Links are grouped by their DOM path; each group is scored by its titles (sentence-like, not
one word), its dates, how many of its URLs share one pattern and look like releases, and
where it sits (chrome scores low). The best group, with the featured items above it, is the
listing; a page whose own body text outweighs it is a release with a "related" box.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urlsplit

from bs4 import Tag
from soupsieve import SelectorSyntaxError

from monitor.sources.items import (
    _TITLE_CLASS,
    _date_items,
    _is_generic,
    _Item,
    _items,
    _tags,
    _title,
)
from monitor.sources.links import (
    _PATH_PAGE,
    _SHARE_HOSTS,
    _Cand,
    _candidates,
    _host,
    _lang_switch,
    _link_words,
    _non_article,
    _Page,
    _same_page,
    _text,
    _tokens,
    query_pairs,
)
from monitor.sources.pagination import _pager_text
from monitor.sources.vocabulary import (
    ARROWS,
    BLOCK_TAGS,
    CHROME_LINKS,
    DOCUMENT_EXTENSIONS,
    HEADINGS,
    INLINE_TAGS,
    alternatives,
)
from monitor.text.normalize import normalize

_CHROME_TEXT = re.compile(rf"^(?:{alternatives(CHROME_LINKS)})$", re.I)
_DOC_EXT = re.compile(rf"\.(?:{alternatives(DOCUMENT_EXTENSIONS)})$", re.I)


def _url_pattern(url: str) -> tuple[str, ...]:
    """What release URLs of one listing share: host, directory, query keys, document type."""
    parts = urlsplit(url)
    segs = [s for s in parts.path.split("/") if s]
    directory = segs[:-1] if segs else []
    # a bare key names the page with its id ("?article412"): its word is the pattern's
    pairs = query_pairs(parts.query)
    keys = tuple(sorted((k if v else k.rstrip("0123456789")).lower() for k, v in pairs))
    ext = "doc" if _DOC_EXT.search(parts.path) else ""
    return (_host(url), "/".join(directory[:2]), ",".join(keys), ext)


def _sluggy(url: str) -> bool:
    """Release URLs end in a slug or an id; section URLs end in a short word. A last segment
    of no letters or digits stands in for a slug ("/press_release/<uuid>/-")."""
    parts = urlsplit(url)
    last = [s for s in parts.path.split("/") if any(map(str.isalnum, s))][-1:] or [""]
    tail = last[0]
    if _DOC_EXT.search(tail):
        return True
    if re.search(r"\d", tail) or tail.count("-") + tail.count("_") >= 2 or len(tail) >= 24:
        return True
    return any(re.search(r"\d", v or k) for k, v in query_pairs(parts.query))


def _in_running_text(a: Tag) -> bool:
    """True for a link in the middle of a sentence (text before it in the same paragraph).

    Only text since the last block counts: in "<h2>Title</h2><p>Teaser</p><a>Read more</a>"
    the heading and the teaser are blocks of their own, and the link follows no sentence. A
    "Read more" closing a teaser that a heading titles ("<h2>T</h2>teaser <a>more</a>") is
    an item's link too, not a reference in a body text.
    """
    node: Tag = a
    while isinstance(node.parent, Tag) and node.parent.name in INLINE_TAGS:
        node = node.parent
    block = node.parent
    if not isinstance(block, Tag) or block.name not in ("p", "li", "td", "dd", "div"):
        return False
    before = []
    stop: Tag | None = None
    for sib in node.previous_siblings:
        if isinstance(sib, Tag) and sib.name in BLOCK_TAGS and sib.name != "br":
            stop = sib
            break
        before.append(sib.get_text(" ") if isinstance(sib, Tag) else str(sib))
    if len(normalize("".join(before))) < 20:
        return False
    titled = stop is not None and (
        stop.name in HEADINGS or any(_TITLE_CLASS.search(t) for t in _tokens(stop))
    )
    return not (titled and _is_generic(_text(a)) and _ends_block(node))


def _ends_block(node: Tag) -> bool:
    """Nothing but punctuation follows `node` in its block: it closes the text."""
    after = []
    for sib in node.next_siblings:
        if isinstance(sib, Tag) and sib.name in BLOCK_TAGS and sib.name != "br":
            break
        after.append(sib.get_text(" ") if isinstance(sib, Tag) else str(sib))
    return not normalize("".join(after)).strip(ARROWS + " )]")


@dataclass
class _Group:
    items: list[_Item]
    chrome: int  # see _Page.in_chrome
    score: float = 0.0
    pattern: tuple[str, ...] = ()

    @property
    def urls(self) -> list[str]:
        return list(dict.fromkeys(it.cand.url for it in self.items))


def _lca(nodes: list[Tag]) -> Tag | None:
    if not nodes:
        return None
    chain = [nodes[0], *nodes[0].parents]
    common = {id(x): x for x in chain}
    order = [id(x) for x in chain]
    for n in nodes[1:]:
        ids = {id(x) for x in (n, *n.parents)}
        order = [i for i in order if i in ids]
    return common[order[0]] if order else None


def _score(group: _Group) -> float:
    per_url: dict[str, _Item] = {}
    for it in group.items:
        per_url.setdefault(it.cand.url, it)
    items = list(per_url.values())
    n = len(items)
    if n == 0:
        return 0.0
    words = sorted(0 if _is_generic(it.title) else _link_words(it.title) for it in items)
    median = words[len(words) // 2]
    title_factor = min(1.0, max(0.0, (median - 1.5) / 4.0))
    dated = sum(it.date is not None for it in items) / n
    patterns = Counter(_url_pattern(it.cand.url) for it in items)
    group.pattern, top = patterns.most_common(1)[0]
    coherence = top / n
    slugs = sum(_sluggy(it.cand.url) for it in items) / n
    in_text = sum(_in_running_text(it.cand.a) for it in items) / n
    score = (
        min(n, 50) ** 0.6
        * (0.05 + title_factor)
        * (1.0 + dated)
        * (0.3 + coherence)
        * (0.3 + slugs)
    )
    if in_text > 0.5:
        score *= 0.2  # links inside sentences of a body text: references, not a list
    return score * (1.0, 0.15, 0.02)[group.chrome]


def _groups(cands: list[_Cand], page: _Page) -> list[_Group]:
    by_sig: dict[tuple[str, ...], list[_Cand]] = defaultdict(list)
    for c in cands:
        c.sig = page.path_signature(c.a)
        by_sig[c.sig].append(c)
    groups = []
    for members in by_sig.values():
        items = _items(members, page)
        if len({c.url for c in members}) >= 2:
            container = _lca([it.node for it in items])
            chrome = page.in_chrome(container) if container is not None else 0
        else:
            chrome = page.in_chrome(items[0].node.parent or items[0].node)
        groups.append(_Group(items=items, chrome=chrome))
    return groups


def _article_like(page: _Page, items: list[_Item]) -> bool:
    """A release page with a 'related' box is not a listing: its own body text, long
    paragraphs side by side outside the list, outweighs the list."""
    inside: set[int] = set()
    for it in items:
        inside.add(id(it.node))
        inside.update(id(x) for x in _tags(it.node))
    list_parents = {id(it.node.parent) for it in items}  # flat lists: teasers beside links
    per_parent: dict[int, list[int]] = defaultdict(list)
    for p in page.soup.find_all("p"):
        parent = p.parent
        if parent is None or id(p) in inside or id(parent) in list_parents:
            continue
        size = len(_text(p)) - sum(len(_text(a)) for a in p.find_all("a"))
        if size >= 80 and page.in_chrome(p) < 2:
            per_parent[id(parent)].append(size)
    body = max((sum(sizes) for sizes in per_parent.values() if len(sizes) >= 3), default=0)
    if len({it.cand.url for it in items}) <= 6 and body >= 1000:
        return True
    return body >= 1200 and body >= sum(len(_text(it.node)) for it in items)


_MIN_SCORE = 1.0


def _shape(group: _Group) -> str:
    """The tail of a group's DOM path: stable across pages of one listing (unlike <body>'s
    classes, which WordPress varies per page: "paged paged-2")."""
    return ">".join(group.items[0].cand.sig[-3:])


def _heuristic_releases(
    page: _Page, excluded: set[str], paged: bool, like: str | None = None
) -> tuple[list[_Item], str | None]:
    """The releases of the best-looking list, and its shape; [] when the page has none.

    `paged`: the page is one of several listing pages, so a short list (the last page's one
    or two releases) still counts; a lone page needs three links to be called a listing.
    `like`: the shape of the list on the listing's first page. A later page whose own list
    is short (the last page's single release) would otherwise lose to a "latest news"
    sidebar carrying more links of the same URL pattern.
    """
    min_urls = 1 if paged else 3
    cands = [
        c
        for c in _candidates(page)
        if c.url not in excluded
        and not _non_article(c.url, page)
        and not _lang_switch(c.a, c.url, c.text, page)
        and not _CHROME_TEXT.match(c.text)
        and not _pager_text(c.text)
    ]
    groups = _groups(cands, page)
    for g in groups:
        g.score = _score(g)
        if len(g.urls) >= min_urls and 2 * g.score >= _MIN_SCORE:  # dates at most double it
            _date_items(g.items, page)
            g.score = _score(g)
    ranked = sorted((g for g in groups if len(g.urls) >= min_urls), key=lambda g: -g.score)
    same_shape = [g for g in ranked if like is not None and _shape(g) == like and not g.chrome]
    if same_shape:
        ranked = same_shape
    elif not ranked or ranked[0].score < _MIN_SCORE:
        return [], None
    best = ranked[0]
    pool = list(best.items)
    # A featured first item, a list split by month...: links in the same position of their
    # item (same tail of the DOM path) to URLs of the same pattern belong to the listing.
    tail = best.items[0].cand.sig[-2:]
    for g in groups:
        if g is best or g.chrome or g.items[0].cand.sig[-2:] != tail:
            continue
        fits = [
            it
            for it in g.items
            if _url_pattern(it.cand.url) == best.pattern and not _is_generic(it.title)
        ]
        if 2 * len(fits) >= len(g.items):
            pool.extend(fits)
    if like is None and not best.chrome:  # featured posts lead a listing's first page only
        pool.extend(_lead_items(best, groups, page))
    # Odd ones out of the list ("News 2025" archive links after the items) go, unless they
    # look like releases themselves: a slug or a date of their own ("/fr/communiques/
    # vaccination-sahel" dated like its Spanish neighbours in a bilingual list).
    if any(it.date is None for it in pool):
        _date_items(pool, page)
    chosen = [
        it.cand
        for it in pool
        if _url_pattern(it.cand.url) == best.pattern
        or ((_sluggy(it.cand.url) or it.date is not None) and not _is_generic(it.title)
            and _link_words(it.title) >= 3)
    ]
    # Items are cut again over the whole listing: a featured item alone in its group would
    # otherwise stretch over the page and take a stranger's date.
    items = _items(chosen, page)
    _date_items(items, page)
    if not same_shape and _article_like(page, items):
        return [], None
    return items, _shape(best)


_LEAD_LEVELS = 3  # how far above the list a lead item's wrapper may branch off
_LEAD_MAX_URLS = 3  # a featured item or two, not a "latest news" box


def _lead_items(best: _Group, groups: list[_Group], page: _Page) -> list[_Item]:
    """Featured items above the list: a lead release styled apart from the grid ("<h2 class=
    featured-title>" over "<h3>" items, in a wrapper of its own), so in no group of the list.

    A lead sits before the list, close to it (its wrapper branches off the list's container
    or one of its nearest ancestors, outside chrome), is titled by a heading and links to the
    list's URL pattern. A wrapper with more than a few such URLs, or repeating the list's
    URLs, is a "latest news" box, not a lead.
    """
    container = _lca([it.node for it in best.items])
    if container is None:
        return []
    region: set[int] = set()
    node: Tag | None = container
    for _ in range(_LEAD_LEVELS + 1):
        if node is None or node.name in ("body", "html", "[document]"):
            break
        region.add(id(node))
        node = node.parent
    first = min(it.cand.pos for it in best.items)
    listed = set(best.urls)
    blocks: dict[int, list[_Item]] = defaultdict(list)
    for g in groups:
        if g is best or g.chrome:
            continue
        for it in g.items:
            if it.cand.pos < first and _url_pattern(it.cand.url) == best.pattern:
                block = _branch_below(it.cand.a, region)
                if block is not None and not page.in_chrome(it.cand.a):
                    blocks[id(block)].append(it)
    leads: list[_Item] = []
    for members in blocks.values():
        urls = {it.cand.url for it in members}
        if (
            len(urls) <= _LEAD_MAX_URLS
            and not urls & listed
            and any(_titled_link(it.cand.a) for it in members)
        ):
            leads.extend(it for it in members if not _is_generic(it.title))
    return leads


def _branch_below(a: Tag, region: set[int]) -> Tag | None:
    """The ancestor of `a` just below the first `region` node it meets (None if none)."""
    below: Tag = a
    for parent in a.parents:
        if id(parent) in region:
            return below
        if parent.name in ("body", "html", "[document]"):
            return None
        below = parent
    return None


def _titled_link(a: Tag) -> bool:
    """A link that is an item's title: inside or around a heading, or classed as a title."""
    if a.find(HEADINGS) is not None:
        return True
    for el in islice((a, *a.parents), 3):
        if el.name in HEADINGS or any(_TITLE_CLASS.search(t) for t in _tokens(el)):
            return True
    return False


def _selected_releases(page: _Page, selector: str, excluded: set[str]) -> list[_Item]:
    """Releases under a configured CSS selector: the config knows the site, trust it.

    A selected <a> is a release link; a selected container holds one release, whose link is
    the one carrying a heading or the longest real text (not the category or "Read more").
    """
    try:
        selected = page.soup.select(selector)
    except SelectorSyntaxError as err:
        raise ValueError(f"links selector {selector!r} is not valid CSS ({err}); fix it in "
                         "the source's config") from err  # fmt: skip
    chosen: list[_Cand] = []
    containers: dict[int, Tag] = {}
    for el in selected:
        anchors = [el] if el.name == "a" and el.get("href") else el.find_all("a", href=True)
        if not anchors and (outer := el.find_parent("a", href=True)) is not None:
            anchors, el = [outer], outer  # a heading inside the link was selected
        cands = []
        for a in anchors:
            url = page.resolve(str(a["href"]))
            if url is None or url in excluded or _SHARE_HOSTS.search(_host(url)):
                continue
            if _same_page(url, page.url) or _PATH_PAGE.search(urlsplit(url).path):
                continue
            cands.append(_Cand(a=a, url=url, text=_text(a), pos=len(chosen)))
        if not cands:
            continue
        # A broad selector (".news-item a") also takes the category tag, the share button...
        cands = [c for c in cands if not _non_article(c.url, page)] or cands
        if el.name != "a":
            best = max(
                cands,
                key=lambda c: (
                    c.a.find(HEADINGS) is not None or c.a.parent.name in HEADINGS,
                    not _is_generic(c.text),
                ),
            )
            containers[id(best)] = el
            cands = [best]
        chosen.append(cands[0])
    items = []
    for it in _items(chosen, page):
        node = containers.get(id(it.cand))
        if node is not None:  # a selected container is the item, whatever lies around it
            it = _Item(cand=it.cand, node=node, title=_title(it.cand, node))
        items.append(it)
    _date_items(items, page)
    return items
