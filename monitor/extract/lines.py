"""Walking HTML: the page's text one line per block element, with where each line sits, and
the page's layout read from it. Chrome elements (menus, sidebars, widgets) can be left out;
narrow grid columns beside the statement are a sidebar; and `_around_statement` trims the
menus and "other news" lists that trafilatura keeps with a statement. (The tree walked is
`tree.load_html`'s.)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from lxml import etree

from monitor.text.calendar_names import WEEKDAYS
from monitor.text.dates import date_matches, first_date, without_dates
from monitor.text.normalize import normalize
from monitor.text.scripts import ASCII_DIGITS, CJK, char_class
from monitor.text.words import SENTENCE_MARKS, ends_sentence, word_count

from .filters import CJK_CLOCK, RELATIVE_TIME, changes_by_itself, counts_or_tells_time
from .vocabulary import (
    BLOCK_TAGS,
    BYLINE_WORDS,
    CELL_TAGS,
    CHROME_NAMES,
    CHROME_TAGS,
    CONTAINER_TAGS,
    DATE_LABELS,
    GRID_COLUMN_PREFIXES,
    HEADING_TAGS,
    LAYOUT_HINT_PREFIXES,
    SKIPPED_TAGS,
    TITLE_NAMES,
    UNSPACED_BYLINE_WORDS,
    UNSPACED_DATE_LABELS,
    alternatives,
)

_CHROME_NAME = re.compile(rf"(?:^|[-_\s])(?:{alternatives(CHROME_NAMES)})(?=$|[-_\s\d])")


# "has-sidebar", "with-related", "no-sidebar" describe a page's layout, not a widget
_LAYOUT_HINT = re.compile(rf"^(?:{alternatives(LAYOUT_HINT_PREFIXES)})[-_]")
# Page builders wrap every element in a widget and name its type: "elementor-widget
# elementor-widget-theme-post-title", "elementor-widget-container", "so-widget-sow-editor"
_BUILDER_WIDGET = re.compile(r"^(?P<builder>[a-z0-9]+)[-_]widgets?(?:[-_](?P<type>.+))?$")


def _own_names(el: etree._Element) -> list[str]:
    """The class and id words that say what the element is. Layout hints ("has-sidebar") go;
    a page builder's widget is what its type says (a post title, a nav menu), not a sidebar
    widget ("footer-widget-area" is still the footer's)."""
    names = [n for n in _names(el).split() if not _LAYOUT_HINT.match(n)]
    widgets = [_BUILDER_WIDGET.match(n) for n in names]
    widgets = [w if w and not _CHROME_NAME.search(w["builder"]) else None for w in widgets]
    if not any(w and w["type"] for w in widgets):
        return names  # "widget", "et_pb_widget": a sidebar's widget
    typed = zip(names, widgets, strict=True)
    return [w["type"] if w else n for n, w in typed if not w or w["type"]]


def _is_chrome_element(el: etree._Element) -> bool:
    if not isinstance(el.tag, str):
        return True  # comments, processing instructions
    if el.tag in SKIPPED_TAGS or el.tag in CHROME_TAGS:
        return True
    if el.tag in ("html", "body") or el.get("role") == "main":
        return False
    names = " ".join(_own_names(el))
    if not _CHROME_NAME.search(names) and el.get("role") not in ("navigation", "banner"):
        return False
    # a wrapper around the article is not chrome, whatever its class says
    return not el.xpath(".//article|.//main|.//*[@role='main']")


def _in_named_chrome(el: etree._Element) -> bool:
    """Inside an element whose class, id or role names chrome (a breadcrumb, a share bar, a
    sidebar), below the page's article or main element if any."""
    for a in (el, *el.iterancestors()):
        if a.tag in ("html", "body", "article", "main") or a.get("role") == "main":
            return False
        names = " ".join(_own_names(a))
        if _CHROME_NAME.search(names) or a.get("role") in ("navigation", "banner"):
            return True
    return False


_SPACES = re.compile(r"\s+")  # line breaks in the source are wrapping, not structure


class _Line(NamedTuple):
    """A line of the page as `_lines` reads it, with where it sits: the element that holds
    its first words, and how many of its letters are link text."""

    text: str
    element: etree._Element
    letters: int
    linked: int


def in_page_link(el: etree._Element) -> bool:
    """A link to a place on its own page, alone in its block: "Back to top", "ページの先頭へ
    戻る", a skip link. No text of the page's (a heading that links to itself is, and so is an
    in-page link inside a sentence)."""
    href = el.get("href") or ""
    if el.tag != "a" or not href.startswith("#") or href == "#":  # "#": a script's button
        return False
    block = el.getparent()
    while block is not None and block.tag not in BLOCK_TAGS:  # <em>, <span> around it
        if block.tag in ("sup", "sub"):  # a footnote's mark
            return False
        block = block.getparent()
    if block is None or block.tag in HEADING_TAGS:
        return False
    return normalize(block.text_content()) == normalize(el.text_content())


def _line_records(root: etree._Element, *, skip_chrome: bool) -> list[_Line]:
    """The element's lines (one per block element; block tags and <br> end a line)."""
    records: list[_Line] = []
    pieces: list[tuple[str, etree._Element, bool]] = []

    def end_line() -> None:
        # most block boundaries close a line of nothing or of the markup's indentation
        owner = next((el for piece, el, _ in pieces if piece.strip()), None)
        text = normalize(_spaced(piece for piece, _, _ in pieces)) if owner is not None else ""
        if text:
            letters = linked = 0
            for piece, _, in_link in pieces:
                count = sum(map(str.isalpha, piece))
                letters += count
                linked += count if in_link else 0
            records.append(_Line(text, owner, letters, linked))
        pieces.clear()

    skipped: set[etree._Element] = set()
    links = 0  # open <a> elements
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if el is not root and (
                not tag
                or tag in SKIPPED_TAGS
                or (skip_chrome and _is_chrome_element(el))
                or (tag == "a" and in_page_link(el))
            ):
                walker.skip_subtree()  # its "end" still comes, and adds the tail
                skipped.add(el)
                continue
            if tag in BLOCK_TAGS or tag == "br":
                end_line()
            elif tag in CELL_TAGS:
                pieces.append((" ", el, False))
            links += tag == "a"
            if el.text:
                pieces.append((_SPACES.sub(" ", el.text), el, links > 0))
        else:
            if el not in skipped:
                links -= tag == "a"
                if tag in BLOCK_TAGS:
                    end_line()
                elif tag in CELL_TAGS:
                    pieces.append((" ", el, False))
            if el.tail and el is not root:
                parent = el.getparent()
                pieces.append((_SPACES.sub(" ", el.tail), parent, links > 0))
    end_line()
    return records


def _spaced(pieces: Iterable[str]) -> str:
    """The pieces of a line joined; two elements' numbers set side by side stay two numbers
    (a minified theme writes "<span>2 December 2026</span><span>609 views</span>", which a
    browser spaces by CSS)."""
    out: list[str] = []
    for piece in pieces:
        if piece[:1].isdigit() and out and out[-1][-1:].isdigit():
            out.append(" ")
        out.append(piece)
    return "".join(out)


def _lines(root: etree._Element, *, skip_chrome: bool) -> list[str]:
    """The element's text, one line per block element (block tags and <br> end a line)."""
    return [line.text for line in _line_records(root, skip_chrome=skip_chrome)]


# Bootstrap, Foundation and 960-grid columns: "col-md-8", "col-4", "large-9", "span3", "grid_8"
_GRID_COLUMN = re.compile(rf"(?:^|\s)(?:{alternatives(GRID_COLUMN_PREFIXES)})(\d{{1,2}})(?=$|\s)")


def _column_width(el: etree._Element) -> int:
    """The widest grid width the element's classes give it, 0 for no grid column."""
    return max(map(int, _GRID_COLUMN.findall(el.get("class") or "")), default=0)


def _side_column_lines(tree: etree._Element) -> tuple[set[str], list[etree._Element]]:
    """Lines found only in the narrow grid columns beside the column that holds the prose: a
    sidebar of hotline, links and counter boxes next to the statement; and those columns."""
    side: set[str] = set()
    main_lines: set[str] = set()
    narrow: list[etree._Element] = []
    rows: dict[etree._Element, list[etree._Element]] = {}
    for el in tree.xpath("//*[@class]"):
        if _column_width(el):
            rows.setdefault(el.getparent(), []).append(el)
    for columns in rows.values():
        if len(columns) < 2:
            continue
        prose = [
            sum(len(t) for t in c.xpath(".//p//text()|.//div/text()") if len(t.strip()) >= 80)
            for c in columns
        ]
        main = max(range(len(columns)), key=prose.__getitem__)
        if not prose[main]:
            continue
        for i, column in enumerate(columns):
            narrower = _column_width(column) < _column_width(columns[main])
            if i != main and narrower and prose[i] * 4 < prose[main] and not column.xpath(".//h1"):
                side.update(_lines(column, skip_chrome=False))
                main_lines.update(_lines(columns[main], skip_chrome=False))
                narrow.append(column)
    main_text = "\n".join(main_lines)
    return {line for line in side if line not in main_text}, narrow


def _main_element(tree: etree._Element) -> etree._Element:
    for path in ("//main", "//*[@role='main']", "//article", "//body"):
        found = tree.xpath(path)
        if found:
            return found[0]
    return tree


_CJK = re.compile(f"[{char_class(CJK)}]")
_SENTENCE_MARK = re.compile(rf"[{re.escape(SENTENCE_MARKS)};]")
# elements that hold a headline by their class or id: .viewpost-title, h2.newsDetailsTitle
_TITLE_NAME = re.compile(alternatives(TITLE_NAMES))


def _names(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}".lower()


_CAMEL_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")


def parted_names(el: etree._Element) -> str:
    """`_names` with a camelCase word's humps parted like words ("sfnewsSummary" is
    "sfnews-summary"): for the names that say what an element holds (a lead), not for
    chrome names, where a page's "mainContentWithSidebar" or ASP.NET's
    "ctl00_ContentPlaceHolder1_LatestNewsDetails1" would read as a sidebar and a latest list."""
    return _CAMEL_HUMP.sub("-", f"{el.get('class', '')} {el.get('id', '')}").lower()


def _key(text: str) -> str:
    """Letters and digits only: trafilatura writes list items as "- item" and table rows as
    "| a | b |", where the page has "item" and "a b"."""
    return "".join(filter(str.isalnum, text.casefold()))


def _linked(line: _Line) -> bool:
    """A line that is a link (an item of a menu or a list of other releases)."""
    return line.letters > 0 and line.linked >= 0.8 * line.letters


def _prose(para: str, line: _Line | None) -> bool:
    """A paragraph of the statement: sentences, not a link (80 characters; in Chinese or
    Japanese, whose characters say more, 25 of theirs)."""
    if not _SENTENCE_MARK.search(para) or (len(para) < 80 and len(_CJK.findall(para)) < 25):
        return False
    return line is None or line.linked < 0.5 * line.letters


def _heading_line(line: _Line, *, by_name: bool = True) -> bool:
    """A line set as a heading: in <h1>-<h6> or (`by_name`) an element classed as a title."""
    for el in (line.element, *line.element.iterancestors()):
        if el.tag in HEADING_TAGS or (by_name and _TITLE_NAME.search(_names(el))):
            return True
        if el.tag in BLOCK_TAGS:
            return False
    return False


def _positions(paras: tuple[str, ...], lines: list[_Line]) -> list[int | None]:
    """Which line of the page each paragraph is (None: not found as a line). A text that the
    page shows twice (the headline in a menu and above the statement) is the one between
    its neighbours."""
    found: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        found.setdefault(_key(line.text), []).append(i)
    candidates = [found.get(_key(para), []) for para in paras]
    at: list[int | None] = [c[0] if len(c) == 1 else None for c in candidates]
    for k, options in enumerate(candidates):
        if len(options) < 2:
            continue
        low = next((i for i in reversed(at[:k]) if i is not None), -1)
        high = next((i for i in at[k + 1 :] if i is not None), len(lines))
        between = [i for i in options if low < i < high]
        if between:
            at[k] = between[0] if low >= 0 else between[-1]
        else:
            at[k] = min(options, key=lambda i: min(abs(i - low), abs(i - high)))
    return at


def _common_container(elements: list[etree._Element]) -> etree._Element | None:
    """The smallest container (a div, a section, a cell...) holding all `elements`; None when
    they share no ancestor (a detached element)."""
    container = elements[0]
    for el in elements[1:]:
        while container is not el and container not in el.iterancestors():
            parent = container.getparent()
            if parent is None:
                return None
            container = parent
    while container.tag not in CONTAINER_TAGS and container.getparent() is not None:
        container = container.getparent()
    return container


_BYLINE_WORDS = 12
# 21:10, 9h30, 11:20:00, 15時21分
_CLOCK = re.compile(rf"(?<![\d:])\d{{1,2}}[:h]\d\d(?::\d\d)?(?![\d.:/-]\d)|{CJK_CLOCK}")
_META_WORDS = re.compile(
    rf"\b(?:{alternatives(WEEKDAYS, DATE_LABELS, BYLINE_WORDS)})\b"
    rf"|{alternatives(UNSPACED_DATE_LABELS, UNSPACED_BYLINE_WORDS)}",
    re.I,
)
_WORD = re.compile(r"[^\W\d_][^\s\d()|·:,;/+-]*")  # letters, with their combining signs
_LABEL = re.compile(r"[^\d:：៖]{1,40}[:：៖]")  # words before what they name (no time: "at 15:")


_LABEL_LETTERS = 30  # "Read this release in:", "Also available in:", "Voir aussi :"


def _link_list(line: _Line) -> bool:
    """A line of several links ("See also: <a>…</a> | <a>…</a>", "Print | Back"), or of a
    label and links ("Read this release in: <a>Hindi</a> | <a>Urdu</a>"); one link alone (an
    annex, a declaration's PDF) may be the statement's."""
    el = line.element.getparent() if line.element.tag == "a" else line.element
    label = _LABEL.match(line.text) is not None and not ends_sentence(line.text)
    labelled = label and line.linked and line.letters - line.linked <= _LABEL_LETTERS
    return (_linked(line) or labelled) and el is not None and len(el.xpath(".//a[@href]")) >= 2


def _dates_the_page(para: str) -> bool:
    """A byline: a date, a byline's words and at most a name ("Posted on November 29, 2026 by
    Spokesperson", "Thứ Tư, 02/12/2026 21:10 (GMT+7)"). Not a line that says something of
    the date ("Meeting postponed to 15 January 2027", "Press conference: Friday 5 December
    2026, 10:00, Press Room B"), nor a dateline ("Phnom Penh, 3 December 2026")."""
    digits = para.translate(ASCII_DIGITS)
    meta = counts_or_tells_time(digits)  # "Sok Dara · 8 days ago • 1 min read"
    if ends_sentence(without_dates(digits)) or (first_date(para) is None and not meta):
        return False
    rest = _CLOCK.sub(" ", without_dates(RELATIVE_TIME.sub(" ", digits)))
    if meta:  # it reads otherwise on the next fetch: no statement's line
        return word_count(rest) <= _BYLINE_WORDS
    if word_count(rest) > _BYLINE_WORDS or sum(1 for _ in date_matches(digits)) > 2:
        return False  # a byline has a date or two ("published …, last modified …"), a
        # programme more ("Monday 7, Tuesday 8 and Wednesday 9 December 2026 at 09:00")
    labelled = _META_WORDS.search(rest) is not None
    words = word_count(" ".join(_WORD.findall(_META_WORDS.sub(" ", rest))))
    return words <= 2 and (labelled or not words)


def _around_statement(paras: tuple[str, ...], lines: list[_Line]) -> tuple[str, ...]:
    """The statement without the lists around it that trafilatura keeps when a page holds its
    text, sidebar and "other news" in one container (`<div id="content">`), or its menu in a
    table: the statement is the element that holds all its prose; before it, a run of links
    (a menu) is not text; after it, from the first link on (a list of other releases, "Back |
    Print"), only prose is; in it, a line of links below the last of its prose is not text
    ("See also: <a>…</a> | <a>…</a>", other releases' titles); outside it, no line of an element
    named as chrome is ("Home › Consular Hotline" in div.entry-crumbs), nor a byline above it."""
    at = _positions(paras, lines)

    prose_at = [  # the statement's prose, not "viewed 1,234 times since ..."
        i for p, i in zip(paras, at, strict=True)
        if i is not None and _prose(p, lines[i]) and not changes_by_itself(p)
    ]  # fmt: skip
    container = _common_container([lines[i].element for i in prose_at]) if prose_at else None
    if container is None:
        return paras
    within = set(container.iter())
    inside = [i for i, line in enumerate(lines) if line.element in within]
    first, last = min(inside), max(inside)
    first_prose, last_prose = min(prose_at), max(prose_at)

    def menu_item(i: int) -> bool:  # a link next to other links
        return _linked(lines[i]) and any(
            0 <= j < len(lines) and _linked(lines[j]) for j in (i - 1, i + 1)
        )

    def listed(i: int) -> bool:  # a line of links; above the prose, a link among others
        # (below it, a link a line may be a document the statement lists)
        if _link_list(lines[i]):
            return True
        return i < first_prose and menu_item(i) and not _heading_line(lines[i], by_name=False)

    tail = next(
        (k for k, i in enumerate(at) if i is not None and i > last and _linked(lines[i])), None
    )
    if tail is not None and tail > 0:  # the list's heading ("Other Announcements")
        before = at[tail - 1]
        if before is not None and before > last and _heading_line(lines[before]):
            tail -= 1

    def chrome(k: int, para: str, i: int | None) -> bool:
        if i is not None and first <= i <= last:  # the statement's box: its own lines, but
            # lists of links above or below its prose, and a timestamp above it ("Thứ Tư,
            # 02/12/2026 21:10 (GMT+7)"; a dateline stays)
            return (not first_prose <= i <= last_prose and listed(i)) or (
                i < first_prose and _dates_the_page(para) and _CLOCK.search(para) is not None
            )
        if i is not None and _in_named_chrome(lines[i].element):
            return True  # outside it, in a breadcrumb, a share bar, a sidebar
        if i is not None and i < first and (_dates_the_page(para) or changes_by_itself(para)):
            return True  # above it, the byline (the date is read apart) or a count
        if i is not None and i < first:  # a menu above it; not a linked headline
            return menu_item(i) and not _heading_line(lines[i], by_name=False)
        after_links = tail is not None and k >= tail  # below it, from a list of links on
        return after_links and not _prose(para, None if i is None else lines[i])

    kept = [p for k, (p, i) in enumerate(zip(paras, at, strict=True)) if not chrome(k, p, i)]
    return tuple(kept) or paras
