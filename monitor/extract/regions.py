"""The statement's region: where a source's statements sit on its pages (see `template`).

A page is read there first (`in_region`) when its statement reads as one there and does not go
on past it; a reading made without it teaches it (`region_to_learn`); what a reading there holds
tells a page unchanged without reading it again (`fingerprint`, `statement_unchanged`); and a
line read from outside it is chrome to the change guard (`statement_lines`).
"""

from __future__ import annotations

import hashlib

from lxml import etree

from monitor.text.normalize import normalize

from .filters import _clean
from .lines import (
    _around_statement,
    _common_container,
    _key,
    _Line,
    _line_records,
    _linked,
    _positions,
    _prose,
)
from .reading import (
    PageLine,
    Prepared,
    _plausible,
    _says,
    lines_read,
)
from .sitenames import TITLE_PARTS
from .template import Template, find_region, region_of
from .tree import parse_page


def in_region(work: etree._Element, template: Template) -> tuple[tuple[str, ...], str] | None:
    """The statement read in the first of the source's regions where it reads as one and does
    not go on past it."""
    for region in template.regions:
        el = find_region(work, region)
        if el is None:
            continue
        records = _line_records(el, skip_chrome=True)
        paras = _around_statement(_clean(r.text for r in records), records)
        if _plausible(paras) and not (len(paras) <= _LEAD_PARAGRAPHS and _goes_on(el)):
            return paras, region
    return None


_CAPTIONS = ("figcaption", "address")
# A region that reads this many paragraphs or fewer may be a lead's box (see `_goes_on`)
_LEAD_PARAGRAPHS = 4


def _goes_on(region: etree._Element) -> bool:
    """Does the article (or main element) around the region hold a sentence after it, other
    than a link, a caption or the source's template (pruned before)? Then the region holds
    only part of this statement: a lead's box, taught by one-sentence releases whose statement
    is their lead (GOV.UK and Wagtail set the lead in the article's header, the body below
    it), read alone, stored a longer release as its lead and missed every edit of its body."""
    scope = next((a for a in region.iterancestors()
                  if a.tag in ("article", "main") or a.get("role") == "main"), None)  # fmt: skip
    if scope is None:
        return False
    inside = set(region.iter())
    past = False
    for line in _line_records(scope, skip_chrome=True):
        if line.element in inside:
            past = True
        elif past and not _linked(line) and _says(line.text) and _clean([line.text]):
            chain = (line.element, *line.element.iterancestors())
            if not any(a.tag in _CAPTIONS for a in chain):
                return True
    return False


# A container that held this many of the source's template lines before they were pruned wraps
# the page, not the statement: its menus and lists, or (GOV.UK's <main>, around a lead and a
# body set in two grid rows) its metadata, "Is this page useful?" form and print button.
_TEMPLATE_INSIDE = 8


def region_to_learn(
    paras: tuple[str, ...],
    lines: list[_Line],
    template_under: dict[etree._Element, int],
    pruned: int = 0,
) -> str | None:
    """The smallest container of the statement's prose, when it holds little besides.
    `lines` are what is left of the page once its `pruned` template lines went: a container
    holding most of those is the statement's, not the page's wrapper."""
    at = _positions(paras, lines)
    found = [(p, lines[i]) for p, i in zip(paras, at, strict=True) if i is not None]
    prose = [line.element for p, line in found if _prose(p, line)]
    if not prose:  # a short statement: its sentences, however short
        prose = [line.element for p, line in found if _says(p) and not _linked(line)]
    container = _common_container(prose) if prose else None
    if container is None:
        return None
    held = set(prose)
    if 2 * sum(len(p) for p, line in found if line.element in held) < sum(map(len, paras)):
        return None  # mostly labels and bylines: a short statement read with its page
    inside = set(container.iter())
    within = [line for line in lines if line.element in inside]
    own = {_key(p) for p in paras}
    links = sum(_linked(line) for line in within if _key(line.text) not in own)
    page = len(lines) + pruned
    if len(within) > 2 * len(paras) + 8 or len(within) >= 0.9 * page or links > 8:
        return None  # the statement and much else (menus, lists of links), or the whole page
    if container.xpath(".//nav|.//*[@role='navigation']"):
        return None  # a wrapper of the page, menus included
    if template_under.get(container, 0) >= _TEMPLATE_INSIDE:
        return None  # it held the menus, lists and forms that pruning took out
    return region_of(container)


def fingerprint(
    tree: etree._Element, template: Template, holding: tuple[str, ...] = ()
) -> str | None:
    """A digest of what a reading in the source's first region reads: the region's lines, as
    the paragraph filters leave them. Equal digests (and the same headline, see
    `statement_unchanged`) mean an equal statement, so a page whose chrome changed (new
    bytes) is known unchanged without being read again. The region is found in the whole
    page here, in the page without its template when the statement is read: None unless
    the region found holds every paragraph of the statement (`holding`), or the digest could
    be of another element (a template block at the region's place) and miss an edit."""
    if not template.regions:
        return None
    region = template.regions[0]
    el = find_region(tree, region)
    if el is None:
        return None
    lines = _clean(r.text for r in _line_records(el, skip_chrome=True))
    if not set(holding) <= set(lines):
        return None
    digest = hashlib.blake2b(region.encode("utf-8"), digest_size=16)
    for line in lines:
        digest.update(line.encode("utf-8") + b"\x1f")
    return digest.hexdigest()


def _shows_title(tree: etree._Element, title: str) -> bool:
    """Is `title` the page's headline still: a heading's whole text, og:title, or a part of
    <title> between separators ("Title | Ministry")?"""
    if not title:
        return False
    if any(normalize(t) == title for t in tree.xpath("//meta[@property='og:title']/@content")):
        return True
    for whole in tree.xpath("//title//text()"):
        if title == normalize(whole) or title in map(normalize, TITLE_PARTS.split(whole)):
            return True
    heads = tree.xpath("//h1|//h2|//h3|//*[contains(@class, 'title')]")  # the costlier
    return any(normalize(el.text_content()) == title for el in heads)


def statement_unchanged(html: str | None, known: str, title: str, template: Template) -> bool:
    """Does the page's statement read as it did when its fingerprint was `known` and its
    title `title`? False whenever in doubt: the page is then read in full."""
    tree = _tree(html)
    if tree is None:
        return False
    return fingerprint(tree, template) == known and _shows_title(tree, title)


def _tree(html: str | None) -> etree._Element | None:
    return parse_page(html) if html and "\x00" not in html[:1024] else None


def statement_lines(
    paras: tuple[str, ...], prepared: Prepared, read_in: str | None, own: frozenset[str]
) -> tuple[PageLine, ...]:
    """`lines_read` for a reading: outside the region it was read in, or, read whole, outside
    the source's first region when all the statement's sentences are in it (a line read with
    them from elsewhere is then chrome to the change guard), else outside none (a body below
    a lead's box: a change there is an edit)."""
    regions = prepared.template.regions
    region = find_region(prepared.work, read_in or regions[0]) if regions else None
    lines = lines_read(paras, prepared.kept(), region, own)
    if read_in is None and any(line.outside and _says(line.text) for line in lines):
        return lines_read(paras, prepared.kept(), None, own)
    return lines
