"""A source's template: what its pages share, and where its statements sit.

Pages of one site are built from one template (Bar-Yossef & Rajagopalan 2002; Yi, Liu & Li
2003): the top bar, menus, tickers, "latest" lists, tag clouds, cookie banners and footers
recur from page to page, while the statement is the one region whose text is the page's own.
Single-page heuristics guess which is which; a monitor sees dozens of pages of every source, so
it can *learn* it:

- a **block** is one line of a page (a block element, or a run cut by <br>) with the tag path
  of the element that holds it. A block whose text recurs on other pages of the source is
  template. (Clocks, counters and "last updated" lines, which change on every fetch, are
  left to the change guard: see `detect.chrome_change`. Masking their numbers to call them
  template would also remove a short statement of a standard form, "This is statement 3".);
- the **statement region** is the element that held the statement's prose on earlier releases
  of the source (its tag path and class words). Once releases agree on it, a release is read
  there first, so chrome outside it cannot leak in, however it changes.

This module is pure: `page_blocks` describes one parsed page, `prune` removes template blocks
from a tree, `find_region` locates a learned region. What a source has learned lives in
`profile.SiteProfile`, and the store keeps it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from monitor.text.words import word_count

# A block with more words than this is prose: its text counts as template only on more pages
# (a re-posted release shares whole paragraphs with one other page).
LONG_BLOCK_WORDS = 30



def _key(*parts: str) -> int:
    """A 56-bit key, stable across processes (SQLite integers are signed 64-bit)."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=7).digest()
    return int.from_bytes(digest, "big")


def url_key(url: str) -> int:
    return _key("url", url)


def path_key(path: str) -> int:
    return _key("path", path)


def tag_path(el: etree._Element, known: dict[etree._Element, str] | None = None) -> str:
    """The element's tag and its ancestors' tags. Classes are left out on purpose: CMSs put
    per-page words in them ("postid-123", "category-news"), which would make every page's
    blocks look new. `known`: the paths of elements walked already (a page's lines share
    their ancestors), kept up to date."""
    known = {} if known is None else known
    chain = []  # el and its ancestors up to the first one already walked
    while el is not None and el not in known:
        chain.append(el)
        el = el.getparent()
    path = known[el] if el is not None else ""
    for el in reversed(chain):
        tag = el.tag if isinstance(el.tag, str) else ""
        path = known[el] = f"{path}/{tag}" if path and tag else path or tag
    return path


@dataclass(frozen=True)
class Block:
    """One line of a page, as the template learner sees it."""

    text: str
    path: str
    element: etree._Element
    link: bool = False  # the line is a link (a menu item, a tag, a list of other pages)

    @property
    def long(self) -> bool:
        return word_count(self.text) > LONG_BLOCK_WORDS

    @property
    def key(self) -> int:
        return _key(self.path, self.text)


@dataclass(frozen=True)
class PageKeys:
    """What one page teaches the profile: its blocks' keys (long ones flagged)."""

    url: int
    blocks: tuple[tuple[int, bool], ...]


def blocks_of(lines: Iterable[tuple[str, etree._Element, bool]]) -> list[Block]:
    known: dict[etree._Element, str] = {}  # each ancestor walked once a page
    return [Block(text, tag_path(el, known), el, link) for text, el, link in lines]


def page_keys(url: str, blocks: Sequence[Block]) -> PageKeys:
    seen: dict[int, bool] = {}
    for block in blocks:
        key = block.key
        if key not in seen:
            seen[key] = block.long
    return PageKeys(url_key(url), tuple(seen.items()))


@dataclass(frozen=True)
class Template:
    """What the reader is told about a source: the keys of its template blocks, the regions its
    statements were found in (most frequent first) and the paths of its volatile lines. Small
    and picklable, so a worker process can read with it."""

    blocks: frozenset[int] = frozenset()
    regions: tuple[str, ...] = ()
    volatile: frozenset[int] = frozenset()  # keys of the places of lines that change per fetch

    def __bool__(self) -> bool:
        return bool(self.blocks or self.regions)

    def is_template(self, block: Block) -> bool:
        return block.key in self.blocks


def prune(blocks: Sequence[Block], chrome: Sequence[bool], root: etree._Element) -> int:
    """Remove from the tree every element whose lines are all template (`chrome`, one flag a
    block); returns how many lines went. A line that shares an element with the statement's
    lines is left (its text is cut later, as a paragraph)."""
    if not any(chrome):
        return 0
    total: dict[etree._Element, int] = {}
    hits: dict[etree._Element, int] = {}
    removed = 0
    for block, hit in zip(blocks, chrome, strict=True):
        removed += hit
        for el in (block.element, *block.element.iterancestors()):
            total[el] = total.get(el, 0) + 1
            hits[el] = hits.get(el, 0) + hit
    for el, count in total.items():
        if hits[el] != count or el.tag in ("html", "body") or el is root:
            continue
        parent = el.getparent()
        if parent is None or (
            parent in total
            and hits[parent] == total[parent]
            and parent.tag not in ("html", "body")
            and parent is not root
        ):
            continue  # its parent goes as a whole
        _drop(el)
    return removed


def _drop(el: etree._Element) -> None:
    """Remove an element but keep its tail text (the words after it belong to its parent)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


# --- the statement region --------------------------------------------------------------------

_DIGIT_RUN = re.compile(r"\d+")
# Containers that are the whole page, not a region of it (ASP.NET wraps the page in a <form>)
_WHOLE_PAGE = frozenset({"html", "body", "form"})


# a part a CMS generates for each page: three runs of digits among letters ("css-1x9k2m") or
# a hexadecimal hash of eight or more with two ("text-5e3f1a2b3c", an AEM component's id);
# not "h2title", "col-md-8", "size1of2", "decade2026"
_GENERATED = re.compile(
    r"(?:^|[-_])(?:(?=[a-z]*\d+[a-z]+\d+[a-z]+\d)[a-z\d]{5,}|(?=[a-f]*\d+[a-f]+\d)[a-f\d]{8,})"
    r"(?=$|[-_])"
)


def _names(el: etree._Element) -> str:
    """The element's id and class words, without numbers or generated parts: what the
    element is on every page of the site."""
    words = f"{el.get('id', '')} {el.get('class', '')}".lower().split()
    return " ".join(sorted({_DIGIT_RUN.sub("", _GENERATED.sub("", w)) for w in words} - {""}))


def region_of(el: etree._Element) -> str | None:
    """A region's description: its tag path and its own id and class words (numbers dropped).
    None for the whole page."""
    if el.tag in _WHOLE_PAGE:
        return None
    return f"{tag_path(el)}|{_names(el)}"


def _overlap(want: set[str], have: set[str]) -> float:
    if not want and not have:
        return 1.0
    return len(want & have) / len(want | have)


_TAG_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def _at_path(root: etree._Element, path: str) -> list[etree._Element]:
    """The elements whose `tag_path` is `path` (an XPath of tag names, run by lxml in C)."""
    tags = path.split("/")
    if all(_TAG_NAME.fullmatch(t) for t in tags):
        return root.getroottree().xpath("/" + path)
    tag = tags[-1]
    return [el for el in root.iter(tag) if tag_path(el) == path]


def find_region(root: etree._Element, region: str) -> etree._Element | None:
    """The one element of the page that fits a learned region: the same tag path and class
    words alike (CMS upgrades rename some of them), the most alike of several; else, as a
    redesign that wraps the page in a grid moves the statement's container deeper, the one
    element with the same class words whose path is the region's with wrappers inserted (a
    footer box that kept the class elsewhere is not it). None when no element fits, or
    several fit equally: the page is then read whole, never from a container that only sits
    where the region sat (it holds the statement with its byline box and buttons)."""
    path, _, names = region.partition("|")
    want = set(names.split())
    scored = sorted(((_overlap(want, set(_names(el).split())), i, el)
                     for i, el in enumerate(_at_path(root, path))), reverse=True)  # fmt: skip
    scored = [fit for fit in scored if fit[0] > 0]
    if not scored and want:
        tags = path.split("/")
        scored = [(1.0, i, el) for i, el in enumerate(root.iter(tags[-1]))
                  if set(_names(el).split()) == want
                  and _wrapped(tags, tag_path(el).split("/"))]  # fmt: skip
    if len(scored) == 1 or (scored and scored[0][0] > scored[1][0]):
        return scored[0][2]
    return None


def _wrapped(old: list[str], new: list[str]) -> bool:
    """Is the tag path `new` the path `old` with elements inserted (wrappers), in order?"""
    rest = iter(new)
    return all(tag in rest for tag in old)
