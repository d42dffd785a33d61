"""Reading a page with what its source taught: template blocks out, the statement's region first.

The steps, each a function below, in the order `html.read_html` takes them:

1. `prepare`: a working copy of the page's tree with every element made only of template
   blocks removed, and the keys of its blocks for the profile to learn;
2. `in_region`: the statement read from the source's learned region, when the page has it and
   what it holds reads as a statement; else the single-page reading runs on the pruned copy,
   pruned of template shapes too (`Prepared.prune_shapes`);
3. `without_template`: paragraphs that are template blocks dropped from whatever was read
   (a template line that shares its element with the statement survives pruning);
4. `region_to_learn`: after a single-page reading, the element that held the statement's
   prose, for the profile (never the whole page).
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass

from lxml import etree
from trafilatura.utils import load_html

from ..models import Document
from ..textnorm import word_count
from .filters import _clean
from .lines import (
    _around_statement,
    _key,
    _Line,
    _line_records,
    _positions,
    _prose,
    _unwrap_layout_tables,
)
from .template import (
    Block,
    PageKeys,
    Template,
    blocks_of,
    find_region,
    page_keys,
    prune,
    region_of,
)
from .vocabulary import CONTAINER_TAGS


@dataclass(frozen=True)
class Reading:
    """A page read for a source: its Document, what it teaches the source's profile, and how
    it was read (for `monitor extract` to show)."""

    document: Document
    keys: PageKeys | None = None
    region: str | None = None  # where the statement was found, to learn (single-page reading)
    read_in: str | None = None  # the learned region it was read in, if any
    template_lines: int = 0  # lines left out as the source's template
    fingerprint: str | None = None  # see `fingerprint`, when read in the source's first region


@dataclass
class Prepared:
    """The working copy of a page, pruned of the source's template blocks."""

    work: etree._Element
    keys: PageKeys
    blocks: list[Block]
    template: Template
    removed: int = 0

    def chrome_keys(self, *, shapes: bool) -> frozenset[str]:
        """`_key` of the lines that are only template (by text; by shape too if `shapes`)."""
        if not self.template:
            return frozenset()
        exact = Template(blocks=self.template.blocks)
        which = self.template if shapes else exact
        chrome = {_key(b.text) for b in self.blocks if which.is_template(b)}
        return frozenset(chrome - {_key(b.text) for b in self.blocks if not which.is_template(b)})

    def prune_shapes(self) -> None:
        """Also remove what is template by its shape (clocks, counters, "last updated").
        Not inside a learned region: there such a line is the statement's dateline."""
        if self.template.shapes:
            shapes = Template(shapes=self.template.shapes)
            attached = [b for b in self.blocks if b.element.getroottree().getroot() is self.work]
            self.removed += prune(attached, shapes, self.work)


def prepare(tree: etree._Element, url: str, template: Template) -> Prepared:
    """A copy of the page without the elements that are template by their text."""
    work = copy.deepcopy(tree)
    records = _line_records(work, skip_chrome=False)
    blocks = blocks_of((r.text, r.element) for r in records)
    prepared = Prepared(work, page_keys(url, blocks), blocks, template)
    if template.blocks:
        prepared.removed = prune(blocks, Template(blocks=template.blocks), work)
    return prepared


def learn_page(html: str, url: str) -> PageKeys | None:
    """What a page that is not read for a statement (a listing) teaches the profile."""
    tree = load_html(html) if html and html.strip() else None
    if tree is None:
        return None
    _unwrap_layout_tables(tree)
    records = _line_records(tree, skip_chrome=False)
    return page_keys(url, blocks_of((r.text, r.element) for r in records))


def fingerprint(tree: etree._Element, template: Template) -> str | None:
    """A digest of all a reading in the source's first region depends on: the region's lines
    and the page's headlines. Equal digests mean an equal statement, so a page whose chrome
    changed (new bytes) is known unchanged without being read again."""
    if not template.regions:
        return None
    region = template.regions[0]
    el = find_region(tree, region)
    if el is None:
        return None
    digest = hashlib.blake2b(region.encode("utf-8"), digest_size=16)
    heads = tree.xpath("//title//text()|//h1//text()|//meta[@property='og:title']/@content")
    for part in (*map(str, heads), "\x1e", *(r.text for r in _line_records(el, skip_chrome=True))):
        digest.update(part.encode("utf-8") + b"\x1f")
    return digest.hexdigest()


def statement_unchanged(html: str | None, template: Template, known: str) -> bool:
    """Does the page's statement read as it did when its fingerprint was `known`?"""
    tree = load_html(html) if html and html.strip() and "\x00" not in html[:1024] else None
    if tree is None:
        return False
    _unwrap_layout_tables(tree)
    return fingerprint(tree, template) == known


def _plausible(paras: tuple[str, ...]) -> bool:
    """Enough to be a statement: some words in a sentence-long line (a region that now holds
    only a caption or "Read more" is a page of another kind, read the single-page way)."""
    return sum(map(len, paras)) >= 60 and any(word_count(p) >= 6 for p in paras)


def in_region(work: etree._Element, template: Template) -> tuple[tuple[str, ...], str] | None:
    for region in template.regions:
        el = find_region(work, region)
        if el is None:
            continue
        records = _line_records(el, skip_chrome=True)
        paras = _around_statement(_clean(r.text for r in records), records)
        if _plausible(paras):
            return paras, region
    return None


def without_template(
    paras: tuple[str, ...], prepared: Prepared, *, shapes: bool
) -> tuple[str, ...]:
    chrome = prepared.chrome_keys(shapes=shapes)
    if not chrome:
        return paras
    kept = tuple(p for p in paras if _key(p) not in chrome)
    return kept if _plausible(kept) or not _plausible(paras) else paras


def region_to_learn(paras: tuple[str, ...], lines: list[_Line]) -> str | None:
    """The smallest container of the statement's prose, when it holds little besides."""
    at = _positions(paras, lines)
    prose = [lines[i].element for p, i in zip(paras, at, strict=True)
             if i is not None and _prose(p, lines[i])]  # fmt: skip
    if not prose:
        return None
    container = prose[0]
    for el in prose[1:]:
        while container is not el and container not in el.iterancestors():
            parent = container.getparent()
            if parent is None:
                return None
            container = parent
    while container.tag not in CONTAINER_TAGS and container.getparent() is not None:
        container = container.getparent()
    inside = set(container.iter())
    count = sum(line.element in inside for line in lines)
    if count > 2 * len(paras) + 8:  # the statement and much else: not its own region
        return None
    return region_of(container)
