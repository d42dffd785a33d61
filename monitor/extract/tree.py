"""The page's tree as every reader sees it: parsed as trafilatura parses it, a design system's
custom elements as the HTML they stand for, and tables that lay out a page as plain blocks."""

from __future__ import annotations

import re

from lxml import etree

from monitor.text.normalize import normalize

from .vocabulary import (
    BLOCK_TAGS,
    CUSTOM_INLINE_NAMES,
    LAYOUT_BLOCK_TAGS,
    LAYOUT_SECTION_TAGS,
    TABLE_TAGS,
    alternatives,
)


def load_html(html: str) -> etree._Element | None:
    """The page's tree as trafilatura parses it (its encoding and broken-markup fallbacks).
    trafilatura is imported here, on first use, so that the processes that only hold pages
    (a check's own, a web view) never load it."""
    from trafilatura.utils import load_html as trafilatura_load_html

    tree = trafilatura_load_html(html)
    if tree is not None and _CUSTOM_TAG.search(html):  # few pages have any: no walk for them
        _as_html_elements(tree)
    return tree


def parse_page(html: str | None) -> etree._Element | None:
    """The page's tree as every reader here sees it (layout tables unwrapped); None if empty."""
    tree = load_html(html) if html and html.strip() else None
    if tree is not None:
        _unwrap_layout_tables(tree)
    return tree


# an element whose name has a hyphen, in the page's source
_CUSTOM_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9]*-")
_CUSTOM_INLINE = re.compile(rf"-(?:{alternatives(CUSTOM_INLINE_NAMES)})$")


# What a custom element's `tag` attribute may name besides a block: an inline element
_INLINE_TAGS = frozenset({"span", "a", "strong", "em", "b", "i", "small", "abbr", "time", "mark",
                          "code", "sup", "sub"})  # fmt: skip
# A custom element inside these, or with text beside it, runs in a sentence
_TEXT_PARENTS = frozenset({"p", "li", "dt", "dd", "td", "th", "label", "h1", "h2", "h3", "h4",
                           "h5", "h6"}) | _INLINE_TAGS  # fmt: skip


def _as_html_elements(tree: etree._Element) -> None:
    """A design system's custom elements as the HTML they stand for: the tag a `tag` attribute
    names (`<gcds-heading tag="h1">`, `<gcds-container tag="main">`), an inline element for a
    link, an icon or one in running text (`<x-date>` in a sentence), else a block. A browser
    shows them so; read as unknown inline tags, a page's headline, byline and paragraphs run
    into one line. Word's namespaced tags (`<st1:place>`) are left as they are."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or "-" not in el.tag or ":" in el.tag:
            continue
        named = (el.get("tag") or "").lower()
        if named in BLOCK_TAGS or named in _INLINE_TAGS:
            el.tag = named
        elif _CUSTOM_INLINE.search(el.tag) or _in_running_text(el):
            el.tag = "span"
        else:
            el.tag = "div"


def _in_running_text(el: etree._Element) -> bool:
    parent = el.getparent()
    if parent is None:
        return False
    if parent.tag in _TEXT_PARENTS:
        return True
    before = el.getprevious()
    text = before.tail if before is not None else parent.text
    return bool((text or "").strip() or (el.tail or "").strip())


_SECTIONS = "|".join(f".//{tag}" for tag in LAYOUT_SECTION_TAGS)
_BLOCKS = "|".join(f".//{tag}" for tag in LAYOUT_BLOCK_TAGS)


def _is_layout_cell(cell: etree._Element) -> bool:
    def filled(els: list[etree._Element], size: int) -> list[etree._Element]:
        return [el for el in els if len(normalize(el.text_content())) >= size]

    return bool(filled(cell.xpath(_SECTIONS), 1)) or len(filled(cell.xpath(_BLOCKS), 30)) >= 2


def _unwrap_layout_tables(tree: etree._Element) -> None:
    """Turn tables used for page layout (cells holding headings, several paragraphs or other
    tables, as old government sites are built) into plain blocks, so the statement is not
    flattened into one table row. Data tables keep their rows."""
    for table in list(tree.iter("table")):
        cells = [c for c in table.iter("td", "th") if _owner_table(c) is table]
        if table.get("role") == "presentation" or any(map(_is_layout_cell, cells)):
            for el in [e for e in table.iter(*TABLE_TAGS) if _owner_table(e) is table]:
                el.tag = "div"


def _owner_table(el: etree._Element) -> etree._Element | None:
    if el.tag == "table":
        return el
    return next(el.iterancestors("table"), None)
