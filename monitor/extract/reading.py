"""Reading a page with what its source taught: template blocks out, the statement's region first.

The steps, each a function below, in the order `html.read_html` takes them:

1. `prepare`: a working copy of the page's tree with every element made only of template
   blocks removed, and the keys of its blocks for the profile to learn;
2. `regions.in_region`: the statement read from the source's learned region, when the page
   has it and what it holds reads as a statement; else the single-page reading runs on the
   pruned copy;
3. `without_template`: paragraphs that are template blocks dropped from whatever was read
   (a template line that shares its element with the statement survives pruning);
4. `regions.region_to_learn`: after a single-page reading, the element that held the
   statement's prose, for the profile (never the whole page);
5. `lines_read`: the page lines the statement was read from, for the change guard.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import NamedTuple

from lxml import etree

from monitor.text.words import SENTENCE_END, SENTENCE_WORDS, word_count

from ..models import Document
from .lines import (
    _key,
    _line_records,
    _linked,
    in_page_link,
)
from .selectors import SelectorMiss
from .template import (
    Block,
    PageKeys,
    Template,
    _drop,
    blocks_of,
    find_region,
    page_keys,
    prune,
)
from .tree import parse_page
from .vocabulary import BLOCK_TAGS


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
    lines: tuple[PageLine, ...] = ()  # see `lines_read`
    missed: tuple[SelectorMiss, ...] = ()  # the source's selectors that found nothing here


@dataclass
class Prepared:
    """The working copy of a page, pruned of the source's template blocks."""

    work: etree._Element
    keys: PageKeys
    blocks: list[Block]
    template: Template
    removed: int = 0
    template_under: dict[etree._Element, int] = field(default_factory=dict)  # see `_wrapping`
    chrome: list[bool] = field(default_factory=list)  # per block: template, outside regions
    keep: frozenset[str] = frozenset()  # `_key`s of template lines kept as the statement's
    parents: list[etree._Element | None] = field(default_factory=list)  # per block, unpruned

    def chrome_keys(self) -> frozenset[str]:
        """`_key` of the lines that are only template."""
        if not any(self.chrome):
            return frozenset()
        chrome = {_key(b.text) for b, hit in zip(self.blocks, self.chrome, strict=True) if hit}
        own = {_key(b.text) for b, hit in zip(self.blocks, self.chrome, strict=True) if not hit}
        return frozenset(chrome - own)

    def beside(self, paras: tuple[str, ...]) -> frozenset[str]:
        """`_key`s of the template sentences that sat in an element beside a line of `paras`:
        a standard closing the source's releases share, in a reading made before the
        source's region was learned. The same sentence in a footer or a cookie banner,
        beside no line of the statement, stays template, as does one loose in <body>."""
        if not any(self.chrome):
            return frozenset()
        read = {_key(p) for p in paras}
        rows = list(zip(self.blocks, self.parents, self.chrome, strict=True))
        homes = {parent for b, parent, hit in rows if not hit and _key(b.text) in read}
        homes -= {None, self.work, *self.work.iter("body")}  # the page's, not a statement's
        return frozenset(
            _key(b.text)
            for b, parent, hit in rows
            if hit and parent in homes and _sentence(b, CLOSING_WORDS)  # "We apologise for any…"
        )

    def kept(self) -> list[Block]:
        """The blocks still in the working copy: the lines a reading can be made of."""
        return [b for b in self.blocks if b.element.getroottree().getroot() is self.work]


def prepare(
    tree: etree._Element, url: str, template: Template, keep: frozenset[str] = frozenset()
) -> Prepared:
    """A copy of the page without the elements that are template by their text (but for the
    lines whose `_key` is in `keep`: the statement's, see `html.read_html`)."""
    work = copy.deepcopy(tree)
    _without_controls(work)
    blocks = _page_blocks(work)
    prepared = Prepared(work, page_keys(url, blocks), blocks, template, keep=keep)
    if template.blocks:
        prepared.chrome = _template_blocks(blocks, template, work, keep)
        prepared.parents = [b.element.getparent() for b in blocks]
        for block, hit in zip(blocks, prepared.chrome, strict=True):
            if hit:  # menus, lists, a feedback form, labels: what a page's wrapper holds
                for el in _wrapping(block):
                    prepared.template_under[el] = prepared.template_under.get(el, 0) + 1
        prepared.removed = prune(blocks, prepared.chrome, work)
    return prepared


def _wrapping(block: Block) -> list[etree._Element]:
    """The elements a template line counts in as the page's (`Prepared.template_under`): a
    link's, all around it (a menu); another line's, from the element around its container up,
    as a closing the source's releases share ("ENDS", the press office's address) is set among
    the statement's paragraphs, in the statement's own container."""
    chain = [block.element, *block.element.iterancestors()]
    if block.link:
        return chain
    home = next((i for i, el in enumerate(chain) if el.tag in BLOCK_TAGS), None)
    return chain if home is None else chain[home + 2 :]


_CONTROLS = ("button", "select", "input", "textarea")


def _without_controls(work: etree._Element) -> None:
    """A form's controls are no text: the page's lines leave them out, and the reader must too,
    or it joins "A+ A- Print" into the paragraph it runs a short article into, which then
    matches no run of the page's lines (`joined._split_joined`). So are the links to a place
    on the page alone in their block ("Back to top": `lines.in_page_link`)."""
    for el in [*work.iter(*_CONTROLS), *filter(in_page_link, work.iter("a"))]:
        _drop(el)  # the text after the control stays


def _template_blocks(
    blocks: list[Block], template: Template, work: etree._Element, keep: frozenset[str]
) -> list[bool]:
    """Per block, whether it is the source's template: recurring on its pages, not one of the
    `keep` lines, and, in the source's learned statement region on this page, a link ("« Back
    to Press Releases" in the article's box). Statements of one source share sentences ("The
    meeting took place in a cordial and friendly atmosphere.", a standard closing; a short
    Khmer release can be made of nothing else): in the region they are the statement's
    (before a region is learned, see `Prepared.beside`)."""
    regions = {el for r in template.regions if (el := find_region(work, r)) is not None}
    return [
        template.is_template(b)
        and not (
            regions
            and not b.link
            and any(a in regions for a in (b.element, *b.element.iterancestors()))
        )
        and not (keep and _key(b.text) in keep)
        for b in blocks
    ]


CLOSING_WORDS = 3  # beside the statement's lines, a sentence this long can be its closing


def _sentence(block: Block, words: int = SENTENCE_WORDS) -> bool:
    """A line that can be a statement's sentence: not a link, some words, a sentence's end."""
    return not block.link and _says(block.text, words)


# The paths of a PDF's lines (`pdf._lines`): the head and the foot, around its sentences
PDF_PATH = "pdf/"


class PageLine(NamedTuple):
    """A line of the page that a reading holds: its text, its tag path (None: the paragraph
    is no line of the page as it stands), and whether it is a link."""

    text: str
    path: str | None
    link: bool = False
    outside: bool = False  # outside the source's statement region, on a page that has it


def lines_read(
    paras: tuple[str, ...],
    blocks: list[Block],
    region: etree._Element | None = None,
    own: frozenset[str] = frozenset(),
) -> tuple[PageLine, ...]:
    """The page lines the paragraphs are made of: a paragraph is one line, or several
    consecutive ones that the reader joined (a headline, the text and a "last updated" line in
    one); a line without a path where it is neither, or where it is the statement's `own`
    though outside its region (the lead: a change there is always an edit)."""
    blocks = [b for b in blocks if b.text not in own]
    keys = [(_key(b.text), b) for b in blocks]
    exact: dict[str, Block] = {}
    for key, block in keys:
        exact.setdefault(key, block)
    out: list[PageLine] = []
    for para in paras:
        key = _key(para)
        parts = [exact[key]] if key in exact else _joined(key, keys)
        if parts:
            out.extend(PageLine(b.text, b.path, b.link, _outside(b, region)) for b in parts)
            continue
        # a piece of one line (the reader split it at its links): that line's path
        whole = next((b for k, b in keys if key and key in k), None) if len(key) >= 2 else None
        if whole is None:
            out.append(PageLine(para, None))
        else:
            out.append(PageLine(para, whole.path, whole.link, _outside(whole, region)))
    return tuple(out)


def _outside(block: Block, region: etree._Element | None) -> bool:
    el = block.element
    return region is not None and el is not region and region not in el.iterancestors()


_SKIPPED_LINES = 6  # lines the reader may leave out between two it joins (a date, tags)


def _joined(target: str, keys: list[tuple[str, Block]]) -> list[Block] | None:
    """Lines in page order whose texts, joined, are `target` (the reader may have left a few
    lines out between them, and cut the last one short)."""
    for start, (first, _) in enumerate(keys):
        if not first or not target.startswith(first):
            continue
        done, parts, skipped = "", [], 0
        for key, block in keys[start:]:
            if not key:
                continue
            rest = target[len(done) :]
            if key.startswith(rest):  # it ends with this line, or inside it (a clock cut off)
                return [*parts, block]
            if not target.startswith(done + key):
                skipped += not block.link  # lists of links are what a reader leaves out
                if skipped > _SKIPPED_LINES:
                    break
                continue
            done += key
            parts.append(block)
    return None


def learn_page(html: str, url: str) -> PageKeys | None:
    """What a page that is not read for a statement (a listing) teaches the profile."""
    tree = parse_page(html)
    return None if tree is None else learn_tree(tree, url)


def learn_tree(tree: etree._Element, url: str, *, listing: bool = False) -> PageKeys:
    """`learn_page` of a page already parsed (`parse_page`). A `listing` page's sentences
    teach nothing: its teasers are its releases' own (a one-sentence release's teaser is its
    whole text, on the same tag path), and chrome that is prose recurs on release pages."""
    blocks = _page_blocks(tree)
    if listing:
        blocks = [b for b in blocks if not _sentence(b)]
    return page_keys(url, blocks)


def _page_blocks(root: etree._Element) -> list[Block]:
    """Every line of the page, chrome included, as a block."""
    records = _line_records(root, skip_chrome=False)
    return blocks_of((r.text, r.element, _linked(r)) for r in records)


def _plausible(paras: tuple[str, ...]) -> bool:
    """Enough to be a statement: some words in a sentence-long line (a region that now holds
    only a caption or "Read more" is a page of another kind, read the single-page way). A
    whole sentence of Korean or Chinese says in 40 characters what English says in 100."""
    long = sum(map(len, paras)) >= 60 or any(SENTENCE_END.search(p) for p in paras)
    return long and any(word_count(p, cjk=True) >= SENTENCE_WORDS for p in paras)


def _says(text: str, words: int = SENTENCE_WORDS) -> bool:
    """A sentence, not a label or a form's question ("Is this page useful?")."""
    return SENTENCE_END.search(text) is not None and word_count(text) >= words


def without_template(paras: tuple[str, ...], prepared: Prepared) -> tuple[str, ...]:
    chrome = prepared.chrome_keys()
    if not chrome:
        return paras
    kept = tuple(p for p in paras if _key(p) not in chrome)
    return kept if _plausible(kept) or not _plausible(paras) else paras
