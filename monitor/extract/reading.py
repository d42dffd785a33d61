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
import re
from dataclasses import dataclass

from lxml import etree
from trafilatura.utils import load_html

from ..models import Document
from ..textnorm import normalize, word_count
from .filters import _clean
from .lines import (
    _around_statement,
    _key,
    _Line,
    _line_records,
    _linked,
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
    paths: tuple[str | None, ...] = ()  # each paragraph's tag path, where a line of the page

    def path_of(self) -> dict[str, str]:
        """Paragraph text -> the tag path of the page line it is."""
        return {p: path for p, path in zip(self.document.paragraphs, self.paths, strict=False)
                if path is not None}  # fmt: skip


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


def line_paths(paras: tuple[str, ...], blocks: list[Block]) -> tuple[str | None, ...]:
    where: dict[str, str] = {}
    for block in blocks:
        where.setdefault(_key(block.text), block.path)
    return tuple(where.get(_key(p)) for p in paras)


def learn_page(html: str, url: str) -> PageKeys | None:
    """What a page that is not read for a statement (a listing) teaches the profile."""
    tree = load_html(html) if html and html.strip() else None
    if tree is None:
        return None
    _unwrap_layout_tables(tree)
    records = _line_records(tree, skip_chrome=False)
    return page_keys(url, blocks_of((r.text, r.element) for r in records))


def fingerprint(tree: etree._Element, template: Template) -> str | None:
    """A digest of what a reading in the source's first region reads: the region's lines, as
    the paragraph filters leave them. Equal digests (and the same headline, see
    `statement_unchanged`) mean an equal statement, so a page whose chrome changed (new
    bytes) is known unchanged without being read again."""
    if not template.regions:
        return None
    region = template.regions[0]
    el = find_region(tree, region)
    if el is None:
        return None
    digest = hashlib.blake2b(region.encode("utf-8"), digest_size=16)
    for line in _clean(r.text for r in _line_records(el, skip_chrome=True)):
        digest.update(line.encode("utf-8") + b"\x1f")
    return digest.hexdigest()


_TITLE_PARTS = re.compile(r"\s+(?:[|–—»·:]|-{1,2}|::)\s+")


def _shows_title(tree: etree._Element, title: str) -> bool:
    """Is `title` the page's headline still: a heading's whole text, og:title, or a part of
    <title> between separators ("Title | Ministry")?"""
    if not title:
        return False
    heads = tree.xpath("//h1|//h2|//h3|//*[contains(@class, 'title')]")
    texts = {normalize(el.text_content()) for el in heads}
    texts.update(normalize(t) for t in tree.xpath("//meta[@property='og:title']/@content"))
    for whole in tree.xpath("//title//text()"):
        texts.update(normalize(part) for part in _TITLE_PARTS.split(whole))
        texts.add(normalize(whole))
    return title in texts


def statement_unchanged(html: str | None, template: Template, known: str, title: str) -> bool:
    """Does the page's statement read as it did when its fingerprint was `known` and its
    title `title`? False whenever in doubt: the page is then read in full."""
    tree = load_html(html) if html and html.strip() and "\x00" not in html[:1024] else None
    if tree is None:
        return False
    _unwrap_layout_tables(tree)
    return fingerprint(tree, template) == known and _shows_title(tree, title)


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
    within = [line for line in lines if line.element in inside]
    own = {_key(p) for p in paras}
    links = sum(_linked(line) for line in within if _key(line.text) not in own)
    if len(within) > 2 * len(paras) + 8 or len(within) >= 0.9 * len(lines) or links > 8:
        return None  # the statement and much else (menus, lists of links), or the whole page
    if container.xpath(".//nav|.//*[@role='navigation']"):
        return None  # a wrapper of the page, menus included
    return region_of(container)
