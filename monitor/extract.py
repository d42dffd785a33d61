"""Turn a fetched release page (HTML or PDF) into the statement it carries: a `Document`.

Only the statement may reach the store: a visitor counter, a "today is ..." widget or a new
item in a "latest news" sidebar would otherwise make every check report an edit. So the main
text comes from trafilatura (or from the configured CSS selectors), and the result is passed
through a few content filters that catch the chrome that sits inside article containers.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date as Date
from datetime import datetime, timedelta
from importlib.metadata import version
from typing import NamedTuple
from urllib.parse import urlsplit

import trafilatura
from bs4 import BeautifulSoup
from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html
from pypdf import PageObject, PdfReader
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

from .models import Document, Page
from .textnorm import normalize, paragraphs, word_count

# The store skips extraction while a body and this value are unchanged. Bump the leading
# number whenever a change here can change a Document for the same body; the libraries'
# versions are part of it because their upgrades can change it too.
EXTRACTOR_VERSION = "3+" + "+".join(
    f"{name}-{version(name)}" for name in ("trafilatura", "htmldate", "pypdf", "beautifulsoup4")
)


class ExtractionError(ValueError):
    """The body holds no statement we can read (empty, binary, or a PDF without a text layer)."""


# --- dates -------------------------------------------------------------------------------

_MONTHS = {
    **dict.fromkeys(["january", "jan", "janvier", "januar", "jänner"], 1),
    **dict.fromkeys(["february", "feb", "février", "fevrier", "févr", "februar"], 2),
    **dict.fromkeys(["march", "mar", "mars", "märz", "maerz"], 3),
    **dict.fromkeys(["april", "apr", "avril"], 4),
    **dict.fromkeys(["may", "mai"], 5),
    **dict.fromkeys(["june", "jun", "juin", "juni"], 6),
    **dict.fromkeys(["july", "jul", "juillet", "juli"], 7),
    **dict.fromkeys(["august", "aug", "août", "aout"], 8),
    **dict.fromkeys(["september", "sep", "sept", "septembre"], 9),
    **dict.fromkeys(["october", "oct", "octobre", "oktober"], 10),
    **dict.fromkeys(["november", "nov", "novembre"], 11),
    **dict.fromkeys(["december", "dec", "décembre", "decembre", "dezember"], 12),
    # Khmer solar months
    "មករា": 1, "កុម្ភៈ": 2, "កុម្ភះ": 2, "មីនា": 3, "មេសា": 4, "ឧសភា": 5, "មិថុនា": 6,
    "កក្កដា": 7, "សីហា": 8, "កញ្ញា": 9, "តុលា": 10, "វិច្ឆិកា": 11, "ធ្នូ": 12,
}  # fmt: skip
_KHMER_DIGITS = str.maketrans("០១២៣៤៥៦៧៨៩", "0123456789")
_HAS_KHMER_DIGIT = re.compile("[០-៩]").search
_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
# A month name must not continue into a longer word ("mar" in "market", "may" in "mayor").
_M = rf"(?P<m>{_MONTH})(?![^\W\d_])\.?"
_D = r"(?<!\d)(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_Y = r"(?P<y>(?:19|20)\d\d)(?!\d)"
_DATE_PATTERNS = [
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)(?!\d)"),
    # 24 April, 2026 · 28-April-2026 · 21 October 2020 · ថ្ងៃទី២៤ ខែមេសា ឆ្នាំ២០២៦
    re.compile(rf"{_D}[\s,/.-]*(?:of\s+|ខែ\s*)?{_M}[\s,/.-]*(?:ឆ្នាំ\s*)?{_Y}", re.I),
    # April 24, 2026
    re.compile(rf"(?<![^\W\d_]){_M}[\s-]*{_D},?[\s-]*{_Y}", re.I),
    # 24/04/2026, 24.04.2026, 11/26/2026 (day first unless that cannot be)
    re.compile(rf"(?<!\d)(?P<d>[0-3]?\d)[./-](?P<m>[0-3]?\d)[./-]{_Y}"),
]
_NUMERIC = _DATE_PATTERNS[3]
_WEEKDAY_NUMBERS = {
    **dict.fromkeys(["monday", "mon", "lundi", "montag"], 0),
    **dict.fromkeys(["tuesday", "tue", "tues", "mardi", "dienstag"], 1),
    **dict.fromkeys(["wednesday", "wed", "mercredi", "mittwoch"], 2),
    **dict.fromkeys(["thursday", "thu", "thur", "thurs", "jeudi", "donnerstag"], 3),
    **dict.fromkeys(["friday", "fri", "vendredi", "freitag"], 4),
    **dict.fromkeys(["saturday", "sat", "samedi", "samstag"], 5),
    **dict.fromkeys(["sunday", "sun", "dimanche", "sonntag"], 6),
}
# "Tue, 11/10/2026": the weekday written before a date tells which number is the month
_WEEKDAY_BEFORE = re.compile(
    r"(?<![^\W\d_])(?P<w>{})\.?,?\s*$".format("|".join(sorted(_WEEKDAY_NUMBERS, key=len)[::-1])),
    re.I,
)


def _weekday_order(text: str, start: int, d: int, m: int, y: int) -> bool | None:
    """For an ambiguous 11/10/2026 after a weekday name: True when only the month-first
    reading falls on that weekday, False when only the day-first one does, else None."""
    named = _WEEKDAY_BEFORE.search(text[max(0, start - 12) : start])
    if not named:
        return None
    weekday = _WEEKDAY_NUMBERS[named["w"].lower()]
    try:
        day_first = Date(y, m, d).weekday() == weekday
        month_first = Date(y, d, m).weekday() == weekday
    except ValueError:
        return None
    return month_first if day_first != month_first else None


def _date_matches(text: str, month_first: bool = False) -> Iterator[tuple[int, str]]:
    """(position, ISO date) for every valid calendar date written in `text`."""
    text = normalize(text).translate(_KHMER_DIGITS)
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            month = match["m"]
            m = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
            d, y = int(match["d"]), int(match["y"])
            if pattern is _NUMERIC and m <= 12 and d <= 12 and d != m:
                by_weekday = _weekday_order(text, match.start(), d, m, y)
                if by_weekday if by_weekday is not None else month_first:
                    d, m = m, d  # "Tue, 11/10/2026", or 2/11/2026 on a US page: month first
            elif pattern is _NUMERIC and m > 12 >= d:
                d, m = m, d  # 04/24/2026 cannot be day first
            try:
                yield match.start(), Date(y, m, d).isoformat()
            except ValueError:
                continue


def _numeric_order(text: str) -> bool | None:
    """Whether the page writes numeric dates month first (True), day first (False), or
    gives no sign: counted on the dates only one reading allows (25/11/2026, 11/26/2026)."""
    if _HAS_KHMER_DIGIT(text):
        text = text.translate(_KHMER_DIGITS)
    votes: Counter[str] = Counter()
    for match in _NUMERIC.finditer(text):
        first, second = int(match["d"]), int(match["m"])
        if 31 >= first > 12 >= second >= 1:
            votes["day"] += 1
        elif 31 >= second > 12 >= first >= 1:
            votes["month"] += 1
    if votes["month"] != votes["day"]:
        return votes["month"] > votes["day"]
    return None


def parse_date(text: str, *, month_first: bool = False) -> str | None:
    """The first calendar date written in `text`, as ISO YYYY-MM-DD, or None.

    Reads ISO dates, "24 April, 2026", "28-April-2026", "April 24, 2026", "24/04/2026"
    (day first unless `month_first`, as US pages write them), English/French/German month
    names and Khmer dates with Khmer digits.
    """
    found = sorted(_date_matches(text, month_first))
    return found[0][1] if found else None


# Embargoed releases and time zones put a publication date a few days ahead of our clock
_DAYS_AHEAD = 3


def _latest_date() -> str:
    return (datetime.now() + timedelta(days=_DAYS_AHEAD)).date().isoformat()


def _around_today(iso: str) -> bool:
    """The date a "today is" clock shows, in any time zone."""
    today = datetime.now().date()
    return abs((Date.fromisoformat(iso) - today).days) <= 1


def _plausible(iso: str | None) -> str | None:
    """Publication dates are not further in the future than a few days."""
    if iso and iso <= _latest_date():
        return iso
    return None


# --- chrome that survives main-text extraction --------------------------------------------

_WEEKDAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs"
    r"|fri|sat|sun|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag"
    r"|mittwoch|donnerstag|freitag|samstag|sonntag"
)
# Khmer words end in combining signs, where \b does not work: they go outside the \b group
_KHMER_DATE_WORDS = (
    "ថ្ងៃអាទិត្យ|ថ្ងៃច័ន្ទ|ថ្ងៃចន្ទ|ថ្ងៃអង្គារ|ថ្ងៃពុធ|ថ្ងៃព្រហស្បតិ៍|ថ្ងៃសុក្រ|ថ្ងៃសៅរ៍|ថ្ងៃនេះ|ថ្ងៃទី"
    "|ថ្ងៃ|ខែ|ឆ្នាំ|ទី|ម៉ោង|ព្រឹក|ល្ងាច"
)
_TIME = re.compile(r"(?<!\d)[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?(?![\d])", re.I)
_DATE_LABELS = re.compile(
    rf"\b(?:{_WEEKDAYS}|today(?: is)?|now|date|dated|posted(?: on)?|published(?: on)?"
    r"|last updated(?: on)?|updated(?: on)?|modified(?: on)?|created(?: on)?|at|on|the"
    rf"|time|am|pm|utc|gmt|ict)\b|{_KHMER_DATE_WORDS}",
    re.I,
)
_COUNTER_LABELS = (
    r"visitors?|visits?|hits|page ?views|views|reads|online|users? online|guests?|members?"
    r"|today|yesterday|this (?:week|month|year)|last (?:week|month|year)|total|counter"
    r"|statistics|ចំនួនអ្នកទស្សនា|អ្នកទស្សនា|អ្នកចូលមើល|ចំនួនចូលមើល|ថ្ងៃនេះ|ម្សិលមិញ|សរុប"
    r"|សប្តាហ៍នេះ|ខែនេះ"
)
# "Visitors: 1,204 | Today: 312", "1,377 views"
_COUNTER = re.compile(
    rf"(?:[\s|·/:,-]*(?:[\d.,]+\s*)?(?:{_COUNTER_LABELS})[\s:：=]*(?:[\d.,]+)?)+[\s|·/]*",
    re.I,
)
_SHARE_WORDS = re.compile(
    r"share(?: this| on)?|tweet|print|e-?mail|facebook|twitter|x|linkedin|whatsapp|telegram"
    r"|pinterest|reddit|line|copy link|follow us|like|save|[|/·•:,+-]",
    re.I,
)
_COOKIE = re.compile(r"cookie", re.I)
_COOKIE_ASK = re.compile(
    r"accept|consent|agree|we use|uses cookies|use of cookies|privacy|settings|got it", re.I
)
_HAS_LETTER = re.compile(r"[^\W\d_]")


def _is_chrome(paragraph: str) -> bool:
    """True for a paragraph that is page furniture wherever it appears: a bare date or clock,
    a visitor counter, a share bar, a cookie notice, a lone number or ornament."""
    text = paragraph.translate(_KHMER_DIGITS)
    if not _HAS_LETTER.search(text):
        # "1234567", "***", "|": counters, page numbers and ornaments; table rows keep digits
        return not ("|" in text and any(c.isdigit() for c in text)) or len(text) < 3
    if len(text) <= 120:
        without_dates = _TIME.sub(" ", text)
        for pattern in _DATE_PATTERNS:
            without_dates = pattern.sub(" ", without_dates)
        if without_dates != text and not _HAS_LETTER.search(_DATE_LABELS.sub(" ", without_dates)):
            return True
        if _COUNTER.fullmatch(text.strip()) and any(c.isdigit() for c in text):
            return True
        if not _HAS_LETTER.search(_SHARE_WORDS.sub(" ", text)):
            return True
    return bool(len(text) <= 400 and _COOKIE.search(text) and _COOKIE_ASK.search(text))


_NUMBER = r"\d(?:[\d.,]*\d)?(?![.,]?\d)"
_VIEWS_LABEL = (
    r"page ?views?|views?|viewed|view count|hits|visits?|visitors?|reads|read count|clicks"
    r"|ចំនួនអ្នកទស្សនា|អ្នកទស្សនា|ចំនួនអ្នកមើល|អ្នកមើល|ចំនួនអ្នកចូលមើល|អ្នកចូលមើល|ចំនួនចូលមើល"
    r"|ចំនួនមើល"
)
# One counter in a byline: "Views: 505", "Hits 1234", "1,234 views", "Read 52 times",
# "ចំនួនអ្នកមើល ១០១៥". ("1,234 visitors" without a label first is prose, not a counter.)
_VIEWS = re.compile(
    rf"(?:^|(?<=[\s|·•/;,(\[]))[(\[]?\s*(?:"
    rf"(?:{_VIEWS_LABEL})(?:\s*[:：=]\s*|\s*(?!(?:19|20)\d\d(?!\d)))"  # not "views 2026"
    rf"{_NUMBER}(?:\s*(?:times|ដង))?"
    rf"|{_NUMBER}\s*(?:page ?views|views|hits|reads|clicks)"
    rf"|(?:read|viewed|seen|មើល|ចូលមើល)\s*[:：]?\s*{_NUMBER}\s*(?:times|ដង)"
    rf")\s*[)\]]?(?=\s*(?:\.?$|[|·•/;,]|\s[-–—]\s))",
    re.I,
)
_META_SEPARATORS = re.compile(r"(?:\s*[|·•/;,–—-]\s*)+$|^(?:\s*[|·•/;,–—-]\s*)+")
_SEPARATED = re.compile(r"\s[|·•]\s|\s[|·•]$|\s[-–—]\s")
_BYLINE_WORDS = re.compile(
    rf"\b(?:{_WEEKDAYS}|by|posted|published|written|author|date|dated|updated|source"
    r"|category|categories|filed under)\b|ដោយ|ចុះផ្សាយ|ផ្សាយ|កាលបរិច្ឆេទ",
    re.I,
)


def _without_counters(paragraph: str) -> str:
    """A byline or date line without its view counter: "Date: 25/11/2026 | Views: 505" keeps
    "Date: 25/11/2026", as a counter that changes must not look like an edit. Only short
    meta lines lose a counter: what is left must be a date, a byline or a line the counter
    was set apart from by a separator, never a sentence."""
    if len(paragraph) > 160 or not _VIEWS.search(paragraph):
        return paragraph
    rest = _VIEWS.sub(" ", paragraph)
    rest = _META_SEPARATORS.sub("", normalize(rest))
    rest = re.sub(r"(?:\s*[|·•]\s*){2,}", " | ", rest)
    if not rest or not _HAS_LETTER.search(rest):
        return rest
    words = len(rest.split())
    if words > 14 or (words > 4 and rest[-1] in ".!?។៕"):
        return paragraph  # a sentence that mentions visitors
    meta = (
        parse_date(rest) is not None
        or _TIME.search(rest) is not None
        or _BYLINE_WORDS.search(rest) is not None
        or _SEPARATED.search(paragraph) is not None
    )
    return rest if meta else paragraph


# trafilatura writes a table row of one cell as "| text |"
_ONE_CELL_ROW = re.compile(r"\|\s*([^|]*?)\s*\|")


_BAR = re.compile(r"\s+[|·•]\s+")
# the page's own buttons in a byline: "Posted on: 24-11-2026 | Print | Download PDF"
_ACTIONS = re.compile(
    r"print(?: this page)?|download(?: as)?(?: pdf)?|pdf|share|e-?mail|send to a friend|save"
    r"|back|top|back to top|font size|[a+-]{1,3}",
    re.I,
)


def _without_actions(paragraph: str) -> str:
    """A short bar of items without its buttons: "Posted on: 24-11-2026 | Print" keeps
    "Posted on: 24-11-2026", and "Print | Download PDF" is nothing."""
    if len(paragraph) > 200 or not _BAR.search(paragraph):
        return paragraph
    items = _BAR.split(paragraph)
    kept = [item for item in items if not _ACTIONS.fullmatch(item.strip())]
    return " | ".join(kept) if len(kept) < len(items) else paragraph  # "" for a button bar


def _clean(paras: Iterable[str]) -> tuple[str, ...]:
    paras = (m[1] if (m := _ONE_CELL_ROW.fullmatch(p)) else p for p in paras)
    kept = (_without_counters(_without_actions(p)) for p in paras if p)
    return tuple(p for p in kept if p and not _is_chrome(p))


# --- walking HTML -------------------------------------------------------------------------

_BLOCK = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
     "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
     "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
     "summary", "table", "tbody", "thead", "tfoot", "tr", "ul"}
)  # fmt: skip
_CELL = frozenset({"td", "th"})
_SKIP = frozenset(
    {"script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "select",
     "option", "input", "textarea", "object", "embed", "head", "title"}
)  # fmt: skip
# not <form>: ASP.NET pages put the whole page in one
_LAYOUT_CHROME = frozenset({"nav", "aside", "footer", "menu"})
_CHROME_NAME = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|sidebar|side-bar|widget|breadcrumbs?|footer"
    r"|share|sharing|social|cookies?|consent|counter|visitors?|clock|today|weather|related"
    r"|latest|recent|popular|comments?|tags|pagination|pager|advert|ads|topbar|top-bar"
    r"|top-date|current-date)(?=$|[-_\s\d])"
)


# "has-sidebar", "with-related", "no-sidebar" describe a page's layout, not a widget
_LAYOUT_HINT = re.compile(r"^(?:has|with|without|no|is|one|two|three)[-_]")


# Page builders wrap every element in a widget and name its type: "elementor-widget
# elementor-widget-theme-post-title", "elementor-widget-container", "so-widget-sow-editor"
_BUILDER_WIDGET = re.compile(r"^(?P<builder>[a-z0-9]+)[-_]widgets?(?:[-_](?P<type>.+))?$")


def _own_names(el: etree._Element) -> list[str]:
    """The class and id words that say what the element is. Layout hints ("has-sidebar") go;
    a page builder's widget is what its type says (a post title, a nav menu), not a sidebar
    widget ("footer-widget-area" is still the footer's)."""
    names = [n for n in f"{el.get('class', '')} {el.get('id', '')}".lower().split()
             if not _LAYOUT_HINT.match(n)]  # fmt: skip
    widgets = [_BUILDER_WIDGET.match(n) for n in names]
    widgets = [w if w and not _CHROME_NAME.search(w["builder"]) else None for w in widgets]
    if not any(w and w["type"] for w in widgets):
        return names  # "widget", "et_pb_widget": a sidebar's widget
    typed = zip(names, widgets, strict=True)
    return [w["type"] if w else n for n, w in typed if not w or w["type"]]


def _is_chrome_element(el: etree._Element) -> bool:
    if not isinstance(el.tag, str):
        return True  # comments, processing instructions
    if el.tag in _SKIP or el.tag in _LAYOUT_CHROME:
        return True
    if el.tag in ("html", "body") or el.get("role") == "main":
        return False
    names = " ".join(_own_names(el))
    if not _CHROME_NAME.search(names) and el.get("role") not in ("navigation", "banner"):
        return False
    # a wrapper around the article is not chrome, whatever its class says
    return not el.xpath(".//article|.//main|.//*[@role='main']")


_SPACES = re.compile(r"\s+")  # line breaks in the source are wrapping, not structure


class _Line(NamedTuple):
    """A line of the page as `_lines` reads it, with where it sits: the element that holds
    its first words, and how many of its letters are link text."""

    text: str
    element: etree._Element
    letters: int
    linked: int


def _line_records(root: etree._Element, *, skip_chrome: bool) -> list[_Line]:
    """The element's lines (one per block element; block tags and <br> end a line)."""
    records: list[_Line] = []
    pieces: list[tuple[str, etree._Element, bool]] = []

    def end_line() -> None:
        text = normalize("".join(piece for piece, _, _ in pieces))
        if text:
            owner = next((el for piece, el, _ in pieces if piece.strip()), root)
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
                not tag or tag in _SKIP or (skip_chrome and _is_chrome_element(el))
            ):
                walker.skip_subtree()  # its "end" still comes, and adds the tail
                skipped.add(el)
                continue
            if tag in _BLOCK or tag == "br":
                end_line()
            elif tag in _CELL:
                pieces.append((" ", el, False))
            links += tag == "a"
            if el.text:
                pieces.append((_SPACES.sub(" ", el.text), el, links > 0))
        else:
            if el not in skipped:
                links -= tag == "a"
                if tag in _BLOCK:
                    end_line()
                elif tag in _CELL:
                    pieces.append((" ", el, False))
            if el.tail and el is not root:
                parent = el.getparent()
                pieces.append((_SPACES.sub(" ", el.tail), parent, links > 0))
    end_line()
    return records


def _lines(root: etree._Element, *, skip_chrome: bool) -> list[str]:
    """The element's text, one line per block element (block tags and <br> end a line)."""
    return [line.text for line in _line_records(root, skip_chrome=skip_chrome)]


_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th"})
_SECTIONS = "|".join(f".//{tag}" for tag in ("h1", "h2", "h3", "h4", "table", "article"))
_BLOCKS = "|".join(f".//{tag}" for tag in ("p", "div", "ul", "ol", "blockquote"))


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
            for el in [e for e in table.iter(*_TABLE_PARTS) if _owner_table(e) is table]:
                el.tag = "div"


def _owner_table(el: etree._Element) -> etree._Element | None:
    if el.tag == "table":
        return el
    return next(el.iterancestors("table"), None)


# Bootstrap, Foundation and 960-grid columns: "col-md-8", "col-4", "large-9", "span3", "grid_8"
_GRID_COLUMN = re.compile(
    r"(?:^|\s)(?:col(?:-(?:xs|sm|md|lg|xl|xxl))?-|span|(?:small|medium|large)-|grid_)(\d{1,2})(?=$|\s)"
)


def _column_width(el: etree._Element) -> int:
    """The widest grid width the element's classes give it, 0 for no grid column."""
    return max(map(int, _GRID_COLUMN.findall(el.get("class") or "")), default=0)


def _side_column_lines(tree: etree._Element) -> set[str]:
    """Lines found only in the narrow grid columns beside the column that holds the prose: a
    sidebar of hotline, links and counter boxes next to the statement."""
    side: set[str] = set()
    main_lines: set[str] = set()
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
    main_text = "\n".join(main_lines)
    return {line for line in side if line not in main_text}


def _main_element(tree: etree._Element) -> etree._Element:
    for path in ("//main", "//*[@role='main']", "//article", "//body"):
        found = tree.xpath(path)
        if found:
            return found[0]
    return tree


# Elements that hold a statement's paragraphs (not a paragraph or a heading itself)
_CONTAINERS = frozenset({"div", "section", "article", "main", "body", "td", "th", "form", "center"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SENTENCE_MARK = re.compile(r"[.!?;។៕]")


def _key(text: str) -> str:
    """Letters and digits only: trafilatura writes list items as "- item" and table rows as
    "| a | b |", where the page has "item" and "a b"."""
    return "".join(c for c in text.casefold() if c.isalnum())


def _linked(line: _Line) -> bool:
    """A line that is a link (an item of a menu or a list of other releases)."""
    return line.letters > 0 and line.linked >= 0.8 * line.letters


def _prose(para: str, line: _Line | None) -> bool:
    """A paragraph of the statement: sentences, not a link."""
    if len(para) < 80 or not _SENTENCE_MARK.search(para):
        return False
    return line is None or line.linked < 0.5 * line.letters


def _heading_line(line: _Line, *, by_name: bool = True) -> bool:
    """A line set as a heading: in <h1>-<h6> or (`by_name`) an element classed as a title."""
    for el in (line.element, *line.element.iterancestors()):
        if el.tag in _HEADINGS or (by_name and _TITLE_NAME.search(_names(el))):
            return True
        if el.tag in _BLOCK:
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


def _around_statement(paras: tuple[str, ...], lines: list[_Line]) -> tuple[str, ...]:
    """The statement without the lists around it that trafilatura keeps when a page holds its
    text, sidebar and "other news" in one container (`<div id="content">`), or its menu in a
    table: the statement is the element that holds all its prose; before it, a run of links
    (a menu) is not text; after it, from the first link on (a list of other releases, "Back |
    Print"), only prose is."""
    at = _positions(paras, lines)
    prose = [
        lines[i].element
        for p, i in zip(paras, at, strict=True)
        if i is not None and _prose(p, lines[i])
    ]
    if not prose:
        return paras
    container = prose[0]
    for el in prose[1:]:
        while container is not el and container not in el.iterancestors():
            container = container.getparent()
    while container.tag not in _CONTAINERS and container.getparent() is not None:
        container = container.getparent()
    within = set(container.iter())
    inside = [i for i, line in enumerate(lines) if line.element in within]
    first, last = min(inside), max(inside)

    def menu_item(i: int) -> bool:  # a link next to other links
        return _linked(lines[i]) and any(
            0 <= j < len(lines) and _linked(lines[j]) for j in (i - 1, i + 1)
        )

    tail = next(
        (k for k, i in enumerate(at) if i is not None and i > last and _linked(lines[i])), None
    )
    if tail is not None and tail > 0:  # the list's heading ("Other Announcements")
        before = at[tail - 1]
        if before is not None and before > last and _heading_line(lines[before]):
            tail -= 1

    def chrome(k: int, para: str, i: int | None) -> bool:
        if i is not None and first <= i <= last:
            return False  # the statement's own lines
        if i is not None and i < first:  # a menu above it; not a linked headline
            return menu_item(i) and not _heading_line(lines[i], by_name=False)
        after_links = tail is not None and k >= tail  # below it, from a list of links on
        return after_links and not _prose(para, None if i is None else lines[i])

    kept = [p for k, (p, i) in enumerate(zip(paras, at, strict=True)) if not chrome(k, p, i)]
    return tuple(kept) or paras


# --- language ------------------------------------------------------------------------------

_SCRIPTS = (("km", 0x1780, 0x17FF), ("th", 0x0E00, 0x0E7F), ("lo", 0x0E80, 0x0EFF),
            ("my", 0x1000, 0x109F))  # fmt: skip


def _script_language(text: str) -> str | None:
    """Khmer, Thai, Lao and Burmese each have a script of their own: trust it over markup
    (a site that switches language by cookie often keeps one <html lang>)."""
    letters = [c for c in text[:5000] if c.isalpha() or 0x1780 <= ord(c) <= 0x17FF]
    if not letters:
        return None
    for code, low, high in _SCRIPTS:
        if sum(low <= ord(c) <= high for c in letters) > 0.3 * len(letters):
            return code
    return None


def _primary_subtag(value: str | None) -> str | None:
    code = re.split(r"[-_]", (value or "").strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _html_language(tree: etree._Element) -> str | None:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath("//meta[@http-equiv='content-language' or @http-equiv="
                             "'Content-Language' or @property='og:locale']/@content")  # fmt: skip
    for value in candidates:
        code = _primary_subtag(value)
        if code:
            return code
    return None


def _english(text: str) -> bool:
    words = re.findall(r"[a-z]+", text[:5000].lower())
    common = sum(w in ("the", "and", "of", "to", "in", "is", "for", "on", "that") for w in words)
    return len(words) >= 20 and common > 0.12 * len(words)


def _text_language(text: str) -> str | None:
    """For bodies without markup (PDF, plain text): the script, or English by its commonest
    words, else unknown."""
    return _script_language(text) or ("en" if _english(text) else None)


# --- title and date found around the headline ----------------------------------------------


def _in_chrome(el: etree._Element) -> bool:
    return any(_is_chrome_element(a) for a in el.iterancestors() if a.tag not in ("html", "body"))


_HIDDEN = frozenset(
    {"sr-only", "visually-hidden", "screen-reader-text", "element-invisible", "hidden",
     "invisible", "offscreen", "d-none", "unsichtbar", "aural"}
)  # fmt: skip


def _not_headline(el: etree._Element) -> bool:
    """A heading that cannot be the headline: the site's name (inside a home link or the
    page-level <header>), or hidden text for screen readers."""
    ancestors = list(el.iterancestors())
    tags = {a.tag for a in ancestors}
    if "a" in tags or ("header" in tags and not tags & {"article", "main"}):
        return True
    return any(
        node.get("aria-hidden") == "true"
        or node.get("hidden") is not None
        or not _HIDDEN.isdisjoint((node.get("class") or "").lower().split())
        for node in (el, *ancestors)
    )


def _agrees(heading: str, reference: str) -> bool:
    """A heading is the headline when the page's <title> or og:title contains it (or it
    contains them: a kicker before the headline). Words are counted as `word_count` does, so
    a Khmer or Thai headline without spaces counts by its length."""
    heading, reference = heading.casefold(), reference.casefold()
    if not reference or len(heading) > 300:
        return False
    if heading in reference:
        return len(heading) >= 8 and word_count(heading) >= 2
    return reference in heading and word_count(reference) >= 3


def _says_something(heading: str) -> bool:
    """More than a section name like "News Releases" (scripts without spaces: by length)."""
    return word_count(heading) >= 3 or (" " not in heading and len(heading) >= 15)


# where sites put their name: the logo, the banner, the branding block
_BRAND_NAME = re.compile(
    r"(?:^|\s)(?:[\w-]*[-_])?(?:logo|brand|branding|masthead|banner|site-?name|site-?title"
    r"|sitename)(?:[-_](?:text|name|title|wrap|wrapper|container|inner|area|box|link|img|image))?"
    r"(?=$|\s)"
)
_LOGO_FILE = re.compile(r"logo|banner|masthead")
_PAGE_HEADER = re.compile(r"(?:^|[\s_-])header(?:$|[\s_-])")
# elements that hold a headline by their class or id: .viewpost-title, h2.newsDetailsTitle
_TITLE_NAME = re.compile(r"title|headline|heading")
_NOT_TITLE_NAME = re.compile(
    r"sub-?title|subheading|widget|box|panel|block__title|block-title|section|label|site"
    r"|brand|logo|menu|nav|sidebar|footer|caption|card|teaser|list|item"
)
_HOME_PATH = re.compile(r"(?:[a-z]{2}(?:-[a-z]{2})?/?)?(?:(?:index|default|home)(?:\.\w+)?)?")


def _names(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}".lower()


def _home_link(el: etree._Element, host: str) -> bool:
    """A link to the site's front page ("/", "/en", "index.php"), as logos are."""
    if el.tag != "a":
        return False
    if el.get("rel") == "home":
        return True
    href = urlsplit((el.get("href") or "").strip())
    if href.scheme not in ("", "http", "https") or href.query or not (href.path or href.netloc):
        return False  # "#", "?lang=km", "javascript:" are not the front page
    if href.netloc and href.netloc.lower().removeprefix("www.") != host:
        return False  # another site's front page
    path = href.path.lower().strip("/").removesuffix("pages/default.aspx").strip("/")
    return bool(_HOME_PATH.fullmatch(path))


_FEED_TITLE = re.compile(r"(?P<site>.+?)\s+[»|–—-]\s+.*\b(?:feed|rss|atom)$", re.I)


def _site_names(tree: etree._Element, url: str) -> set[str]:
    """The site's own name as the page shows it: og:site_name, the logo's alt text (a logo
    image, or any image in the home link or branding block), the branding block's or home
    link's text. A <title> that is only this names no release."""
    og_title = normalize(" ".join(tree.xpath("//meta[@property='og:title']/@content")[:1]))
    names = {
        name  # some sites fill og:site_name with the page's title
        for name in tree.xpath(
            "//meta[@property='og:site_name' or @name='application-name']/@content")
        if not og_title or og_title.casefold() not in normalize(name).casefold()
    }  # fmt: skip
    for feed in tree.xpath("//link[@rel='alternate'][contains(@type, 'rss') or "
                           "contains(@type, 'atom')]/@title"):  # fmt: skip
        named = _FEED_TITLE.match(normalize(feed))  # WordPress: "Site » Comments Feed"
        if named:
            names.add(named["site"])
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    article = set(tree.xpath("//article|//main|//article//*|//main//*"))
    brands: dict[etree._Element, bool] = {}

    def branding(el: etree._Element) -> bool:
        if el not in brands:
            brands[el] = _home_link(el, host) or bool(_BRAND_NAME.search(_names(el)))
        return brands[el]

    for el in tree.xpath("//img[@alt]|//a[@href or @rel]|//div[@class or @id]"
                         "|//span[@class or @id]|//p[@class or @id]"):  # fmt: skip
        if el in article:
            continue
        if el.tag == "img":
            own = f"{el.get('src', '')} {_names(el)}".lower()
            branded = _LOGO_FILE.search(own) or any(
                branding(a)
                or ((a.tag == "header" or _PAGE_HEADER.search(_names(a))) and "logo" in own)
                for a in el.iterancestors() if a.tag not in ("html", "body")
            )  # fmt: skip
            if branded:
                names.add(el.get("alt") or "")
        elif branding(el) and len(el.text_content()) <= 300:
            names.update(_lines(el, skip_chrome=False))
    return {n.casefold() for n in map(normalize, names) if n and len(n) <= 150}


def _heading_at_text(
    tree: etree._Element, lines: list[str], paras: Iterable[str], site_names: set[str]
) -> str:
    """A heading set right above the statement (or as its first line): an <h1>-<h3> or an
    element classed as a title, as pages whose <title> names only the site show the
    headline."""
    candidates = set()
    for el in tree.iter("h1", "h2", "h3", "div", "span", "p", "td", "strong"):
        if el.tag not in ("h1", "h2", "h3"):
            names = _names(el)
            if not _TITLE_NAME.search(names) or _NOT_TITLE_NAME.search(names):
                continue
        if _in_chrome(el) or _not_headline(el):
            continue
        text = " ".join(_lines(el, skip_chrome=False))
        if word_count(text) < 3 or len(text) > 300 or text[-1] in ".:;,។":
            continue  # a section name ("Contact"), a sentence, a label ("Summary:")
        if text.casefold() not in site_names:
            candidates.add(text)
    if not candidates:
        return ""
    positions = {line: i for i, line in reversed(list(enumerate(lines)))}
    body = [positions[p] for p in paras if len(p) >= 80 and p in positions]
    if not body:
        return ""
    start = body[0]
    for line in reversed(lines[max(0, start - 8) : start]):
        if line in candidates:
            return line
    return ""


_ENDS_SENTENCE = re.compile(r"[.。។៕]$").search
_TITLE_PARTS = re.compile(r"\s+(?:[|–—»«·/:]+|-|::)\s+")
# what a CMS calls the page when the editor gave it no title: "Pages - NewsDetail"
_TEMPLATE_WORDS = re.compile(
    r"(?i:pages?|home|homepage|news|detail|details|article|articles|posts?|view|default|index"
    r"|untitled(?: document)?|document|content|item|display|show|media|press releases?"
    r"|[\w-]+\.(?:aspx?|php|html?|jsp))|(?:[A-Z][a-z]+){2,}"
)


def _names_the_page(title: str, site_names: set[str]) -> bool:
    """A <title> that says more than the site's name and the CMS's template name."""
    parts = [p for p in _TITLE_PARTS.split(title) if p.strip()]
    return any(
        p.casefold() not in site_names and not _TEMPLATE_WORDS.fullmatch(p.strip()) for p in parts
    )


def _choose_title(
    tree: etree._Element, url: str, lines: list[str], meta_title: str, paras: Iterable[str]
) -> str:
    """The headline: a <h1>/<h2> (or else a line of the page) that <title> or og:title
    confirms, else the only <h1>, else a heading right above the statement, else og:title
    when <title> confirms it, else <title> without the site's name at either end. A <title>
    that is only the site's name (as the logo, banner or og:site_name give it) confirms
    nothing."""
    site_names = _site_names(tree, url)
    raw_title = normalize(" ".join(tree.xpath("//head/title//text()")))
    page_title = "" if raw_title.casefold() in site_names else raw_title
    og_title = normalize(" ".join(tree.xpath(
        "//meta[@property='og:title' or @name='twitter:title' or @property='twitter:title']"
        "/@content")[:1]))  # fmt: skip
    og_title = "" if og_title.casefold() in site_names else og_title
    headings: dict[str, list[str]] = {"h1": [], "h2": []}
    for el in tree.iter("h1", "h2"):
        if not _in_chrome(el) and not _not_headline(el):
            text = " ".join(_lines(el, skip_chrome=False))
            if text and text.casefold() not in site_names:
                headings[el.tag].append(text)
    for level in ("h1", "h2"):
        for heading in headings[level]:
            if _agrees(heading, page_title) or _agrees(heading, og_title):
                return heading
    # the headline in some other element (<h3>, <strong>, div.title) that <title> confirms
    for line in lines:
        if line.casefold() in site_names or (len(line) > len(page_title) and _ENDS_SENTENCE(line)):
            continue  # the site's name, or a sentence that names the site
        if len(line) >= 0.5 * len(page_title) and _agrees(line, page_title):
            return line
    if len(set(headings["h1"])) == 1 and _says_something(headings["h1"][0]):
        return headings["h1"][0]
    if not (_names_the_page(page_title, site_names) or _names_the_page(og_title, site_names)):
        at_text = _heading_at_text(tree, lines, paras, site_names)
        if at_text:
            return at_text
    if og_title and page_title and (_agrees(og_title, page_title) or og_title == page_title):
        return og_title
    meta_title = "" if meta_title.casefold() in site_names else meta_title
    chosen = page_title or og_title or meta_title
    return _without_site_name(chosen, site_names, tree) if chosen else raw_title


# how <title> joins the headline and the site's name: " - ", " | ", " – ", " » ", " :: "
_TITLE_SEPARATOR = re.compile(r"(\s+(?:[|–—»·]|-{1,2}|::)\s+)")
_COPYRIGHT = re.compile(r"©|\(c\)|copyright", re.I)


def _is_site_name(part: str, site_names: set[str], owners: list[str], *, last: bool) -> bool:
    """A part of <title> that names the site: a name the page gives itself (og:site_name,
    the logo, the banner, its feeds' titles), the owner in the page's copyright line, or as
    the last part, such a name with a few more words ("ASEAN Main Portal" by an "ASEAN"
    logo)."""
    folded = part.casefold()
    if folded in site_names or (len(part) >= 4 and any(folded in line for line in owners)):
        return True
    return (
        last
        and word_count(part) <= 6
        and any(
            len(name) >= 3
            and not _TEMPLATE_WORDS.fullmatch(name)
            and (folded.startswith(name + " ") or folded.endswith(" " + name))
            for name in site_names
        )
    )


def _without_site_name(title: str, site_names: set[str], tree: etree._Element) -> str:
    """ "Headline - ASEAN Main Portal" is "Headline": the site's name at either end of
    <title> goes, when what is left still says something."""
    pieces = _TITLE_SEPARATOR.split(title)  # parts, with the separators between them
    if len(pieces) == 1:
        return title
    owners = [
        line.casefold() for line in _lines(tree, skip_chrome=False) if _COPYRIGHT.search(line)
    ]
    while len(pieces) > 1:
        if _is_site_name(pieces[-1], site_names, owners, last=True):
            rest = pieces[:-2]
        elif _is_site_name(pieces[0], site_names, owners, last=False):
            rest = pieces[2:]
        else:
            break
        if not _says_something("".join(rest)):
            break
        pieces = rest
    return "".join(pieces)


def _without_leading_date(title: str) -> str:
    """ "27.01.2022MineralölINFO ...": a date set in the headline is not part of it."""
    for pattern in _DATE_PATTERNS:
        match = pattern.match(title)
        if match and _HAS_LETTER.search(title[match.end() :]):
            return title[match.end() :].lstrip(" ,:|–—-")
    return title


_NOT_PUBLICATION = re.compile(r"today|now|updated|modified|aktualisiert|ថ្ងៃនេះ", re.I)


def _month_first(tree: etree._Element, url: str) -> bool:
    """US pages write 2/11/2026 for 11 February; everyone else writes the day first. The
    page's own dates that only one reading allows (11/26/2026, 25/11/2026) decide first;
    then US English or a US government host (SharePoint and others say en-US by default,
    so the markup alone is the weaker sign)."""
    by_dates = _numeric_order(tree.xpath("string(//body)"))
    if by_dates is not None:
        return by_dates
    lang = (tree.get("lang") or "").lower().replace("_", "-")
    host = urlsplit(url).hostname or ""
    return lang.endswith("-us") or host.endswith((".gov", ".mil", ".us"))


def _first_date(lines: Iterable[str], month_first: bool) -> str | None:
    """The first publication-like date on a short line (a byline, not a sentence that
    mentions a date, not a "today is" or "updated" widget)."""
    for line in lines:
        if len(line) <= 100 and not _NOT_PUBLICATION.search(line):
            found = _plausible(parse_date(line, month_first=month_first))
            if found:
                return found
    return None


def _date_near(lines: list[str], title: str, month_first: bool, *, above: bool) -> str | None:
    """The date on the lines right below (or, `above`, just above) the headline."""
    at = next((i for i, line in enumerate(lines) if title and title in line), None)
    if at is None:
        return None
    window = reversed(lines[max(0, at - 3) : at]) if above else lines[at + 1 : at + 8]
    return _first_date(window, month_first)


def _only_in_chrome(
    found: str, tree: etree._Element, lines: list[str], url: str, month_first: bool
) -> bool:
    """The date is written in the page's chrome (a header clock, a sidebar list), and neither
    in the text around the statement nor in markup (meta tags, <time>, JSON-LD) or the URL:
    htmldate read it from a widget."""

    def dates(text: str) -> set[str]:
        return {iso for _, iso in _date_matches(text, month_first)}

    chrome = Counter(_lines(tree, skip_chrome=False))
    chrome.subtract(lines)
    if found not in dates("\n".join(line for line, n in chrome.items() if n > 0)):
        return False
    if found in dates("\n".join(lines)):
        return False
    markup = tree.xpath("//@content|//@datetime|//@title|//script/text()")
    return found not in dates(" ".join([url, *markup]))


def _metadata_date(found: str | None, html: str, url: str, month_first: bool) -> str | None:
    """htmldate's date, unless its day is made up: htmldate turns a bare year (a copyright
    line) into 1 January, and a month ("November 2026", or a date it rejects) into the
    first of the month. A first of the month must be written in the page or its URL."""
    found = _plausible(found)
    if found and found.endswith("-01"):
        written = {iso for _, iso in _date_matches(f"{url} {html}", month_first)}
        if found not in written:
            return None
    return found


# --- HTML ---------------------------------------------------------------------------------


def _select(soup: BeautifulSoup, selector: str) -> list:
    try:
        return soup.select(selector)
    except Exception as err:  # soupsieve raises its own SelectorSyntaxError
        raise ValueError(f"invalid CSS selector {selector!r}: {err}") from err


def _selected_lines(soup: BeautifulSoup, selector: str, *, skip_chrome: bool = True) -> list[str]:
    """Text of the elements `selector` matches, one line per block, chrome inside removed."""
    matches = _select(soup, selector)
    ids = {id(m) for m in matches}
    outer = [m for m in matches if not any(id(p) in ids for p in m.parents)]
    lines: list[str] = []
    for match in outer:
        fragment = lxml_html.fragment_fromstring(str(match), create_parent="div")
        lines += _lines(fragment, skip_chrome=skip_chrome)
    return lines


def _selected_date(soup: BeautifulSoup, selector: str, month_first: bool) -> str | None:
    for match in _select(soup, selector):
        for node in (match, *match.select("[datetime], [content]")):
            for attr in ("datetime", "content", "title"):
                found = parse_date(str(node.get(attr) or ""), month_first=month_first)
                if found:
                    return found
        found = parse_date(match.get_text(" "), month_first=month_first)
        if found:
            return found
    return None


def _date_params(extensive: bool) -> dict[str, object]:
    # htmldate turns a date past max_date into the first of its month: let it see the few
    # days ahead that _plausible allows
    return {"original_date": True, "extensive_search": extensive, "max_date": _latest_date()}


def _trafilatura(tree: etree._Element, url: str, **options: bool) -> trafilatura.settings.Document:
    # htmldate's quick search (markup, meta tags, URL) here; its slow full-text search only
    # when the quick one and our own byline search find nothing (see extract_html)
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params=_date_params(extensive=False),
        **options,
    )
    return result if result is not None else trafilatura.settings.Document()


def _searched_date(tree: etree._Element, url: str) -> str | None:
    return find_date(tree, url=url, **_date_params(extensive=True))  # type: ignore[arg-type]


def _label(para: str) -> bool:
    """A section's name or a kicker ("Announcements", "PRESS RELEASE"): a few words, no
    number (a byline or a date is kept)."""
    return word_count(para) <= 4 and not any(c.isdigit() for c in para)


def _without_headline(paras: tuple[str, ...], title: str) -> tuple[str, ...]:
    """The statement without the headline above it: the title is kept apart, so a line
    equal to it before any prose is a repeat, as are the labels set over it (a section's
    name, "Press release")."""
    title_key = _key(title)
    for k, para in enumerate(paras):
        if _prose(para, None):
            break
        if title_key and _key(para) == title_key:
            above = tuple(p for p in paras[:k] if not _label(p))
            return (above + paras[k + 1 :]) or paras
    return paras


def extract_html(
    html: str,
    url: str,
    *,
    content: str | None = None,
    title: str | None = None,
    date: str | None = None,
) -> Document:
    """The statement on an HTML release page.

    `content`, `title` and `date` are optional CSS selectors from the source's config; each
    falls back to automatic extraction when it matches nothing.
    """
    if not html or not html.strip():
        raise ExtractionError(f"{url}: the page is empty; nothing to extract")
    if "\x00" in html[:1024]:
        raise ExtractionError(f"{url}: the body is binary, not HTML; check the source URL")
    tree = load_html(html)
    if tree is None:
        raise ExtractionError(f"{url}: the body is not parseable HTML; check the source URL")
    _unwrap_layout_tables(tree)
    soup = BeautifulSoup(html, "lxml") if (content or title or date) else None
    # Our own reading of the page comes first: trafilatura works on a copy of the tree.
    page_lines = _lines(tree, skip_chrome=True)
    language = _html_language(tree)

    paras: tuple[str, ...] = ()
    if soup is not None and content:
        paras = _clean(_selected_lines(soup, content))
    if paras:
        meta = extract_metadata(tree, url, _date_params(extensive=False))
    else:
        meta = _trafilatura(tree, url)
        paras = _clean(paragraphs(meta.text or ""))
        if not paras:  # very short pages: be generous, then take the page's main block
            paras = _clean(paragraphs(_trafilatura(tree, url, favor_recall=True).text or ""))
        paras = _around_statement(paras, _line_records(tree, skip_chrome=False))
        if not paras:
            paras = _clean(_lines(_main_element(tree), skip_chrome=True))
        sidebar = _side_column_lines(tree)
        paras = tuple(p for p in paras if p not in sidebar) or paras
    if not paras:
        raise ExtractionError(f"{url}: the page has no text; is it a script-only page?")

    doc_title = ""
    if soup is not None and title:
        doc_title = " ".join(_selected_lines(soup, title, skip_chrome=False))
    doc_title = doc_title or _without_leading_date(
        _choose_title(tree, url, page_lines, normalize(meta.title or ""), paras)
    )

    # Most trusted first: the configured selector, the byline under the headline, page
    # markup and metadata (htmldate), a date just above the headline (where site headers also
    # put "today" widgets), htmldate's full-text search, a dateline ("Phnom Penh, 24 April
    # 2026") at the top or foot of the statement; last, a date htmldate found only in the
    # page's chrome (a sidebar list; never a header clock's today).
    month_first = _month_first(tree, url)

    widget_dates: list[str] = []  # htmldate's dates that only a sidebar list shows

    def from_htmldate(found: str | None) -> str | None:
        found = _metadata_date(found, html, url, month_first)
        if found and _only_in_chrome(found, tree, page_lines, url, month_first):
            if not _around_today(found):  # a header clock shows today: never a date
                widget_dates.append(found)
            return None
        return found

    def searched() -> str | None:  # slow: not when the quick search found a sidebar's date
        return None if widget_dates else from_htmldate(_searched_date(tree, url))

    doc_date = _selected_date(soup, date, month_first) if soup is not None and date else None
    doc_date = (
        doc_date
        or _date_near(page_lines, doc_title, month_first, above=False)
        or from_htmldate(meta.date)
        or _date_near(page_lines, doc_title, month_first, above=True)
        or searched()
        or _first_date((*paras[:2], *reversed(paras[-3:])), month_first)
        or next(iter(widget_dates), None)
    )

    paras = _without_headline(paras, doc_title)
    text = "\n".join(paras)
    language = _script_language(text) or language or _primary_subtag(meta.language)
    if language is None and _english(text):
        language = "en"
    return Document(url=url, title=doc_title, paragraphs=paras, date=doc_date, language=language)


# --- PDF ----------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"(?:page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?", re.I)
_LIST_ITEM = re.compile(r"(?:[•▪◦●○■□➢►\-–*]|\(?[a-z0-9]{1,3}[.)]|\(?[ivxIVX]{1,5}[.)])\s")
_SENTENCE_END = re.compile(r"[.!?:;។៕][\"'”’)\]]*$")
_GENERIC_TITLE = re.compile(
    r"press release|media release|news release|for immediate release|press statement"
    r"|statement|communiqu[ée]|embargo(?:ed)?|page \d+",
    re.I,
)


def _has_gutter(lines: list[str]) -> bool:
    """Two text columns side by side: most lines are blank at the same position, with text
    on both sides (a justified single column has gaps too, but never in one place)."""
    long = [line for line in lines if len(line.strip()) >= 40]
    if len(long) < 8:
        return False
    width = max(map(len, long))
    for x in range(20, width - 20):
        split = sum(line[x - 2 : x + 2].isspace() and bool(line[: x - 2].strip())
                    and bool(line[x + 2 :].strip()) for line in long)  # fmt: skip
        if split > 0.6 * len(long):
            return True
    return False


def _pdf_page_lines(page: PageObject) -> list[str]:
    """Layout mode keeps words whole and blank lines between paragraphs; plain mode follows
    the content stream, which is the reading order when the page has two columns."""
    try:
        lines = page.extract_text(extraction_mode="layout").splitlines()
    except Exception:  # layout mode fails on some odd fonts
        lines = []
    if not lines or _has_gutter(lines):
        lines = page.extract_text().splitlines()
    return [line.rstrip() for line in lines]


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove page numbers and headers/footers repeated at the edge of most pages."""

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", normalize(line).lower())

    edges: Counter[str] = Counter()
    for lines in pages:
        filled = [line for line in lines if line.strip()]
        edges.update({key(line) for line in filled[:2] + filled[-2:]})
    running = {k for k, n in edges.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    return [
        [
            line
            for line in lines
            if not (
                line.strip() and (_PAGE_NUMBER.fullmatch(normalize(line)) or key(line) in running)
            )
        ]
        for lines in pages
    ]


# pypdf writes "/head2right" for a symbol-font glyph it cannot map: a bullet, not a word
_GLYPH_NAME = re.compile(r"^/[A-Za-z][A-Za-z0-9]*\s+")


def _flow(pages: list[list[str]]) -> list[str]:
    """The pages' lines as one stream; a paragraph running over a page break continues."""
    stream: list[str] = []
    for page in pages:
        filled = [i for i, line in enumerate(page) if line.strip()]
        if not filled:
            continue
        if stream and _SENTENCE_END.search(stream[-1].strip()):
            stream.append("")
        stream += page[filled[0] : filled[-1] + 1]
    return stream


def _join_lines(lines: list[str]) -> list[str]:
    """Rejoin lines a PDF broke for layout. A blank line, a list item, a line well short of
    the column width, or a shorter line that ends a sentence ends a paragraph. A line-end
    hyphen goes where the word runs on, unless the document writes the word with one."""
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    full = widths[int(len(widths) * 0.8)] if widths else 0
    document = " ".join(normalize(line) for line in lines)
    paras: list[str] = []
    current = ""
    for raw in lines:
        line = _GLYPH_NAME.sub("", normalize(raw))
        if not line:
            if current:
                paras.append(current)
            current = ""
            continue
        if current and _LIST_ITEM.match(line):
            paras.append(current)
            current = ""
        head = re.search(r"([^\W\d_]+)-$", current)
        tail = re.match(r"[^\W\d_]+", line)
        if not current:
            current = line
        elif head and tail and line[0].islower():
            hyphenated = f"{head.group(1)}-{tail.group(0)}"
            joined = f"{head.group(1)}{tail.group(0)}"
            keep = hyphenated in document and joined not in document
            current = (current if keep else current[:-1]) + line
        else:
            current = f"{current} {line}"
        short = len(line) < 0.5 * full
        if short or (_SENTENCE_END.search(line) and len(line) < 0.75 * full):
            paras.append(current)
            current = ""
    if current:
        paras.append(current)
    return paras


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


# The letterhead above a release: the state and its motto, the issuing body in capitals, the
# reference number. It names the sender, never the release.
_LETTERHEAD = re.compile(
    r"(?i:(?:the\s+)?kingdom of \w+|nation\W+religion\W+king"
    r"|(?:royal\s+)?government of(?: the)?(?: \w+){1,3})"
    # "No. 123/26 MFAIC", "Ref: MLVT/2026/45", "លេខ ១២៣ ក.ប"
    r"|(?i:no|ref|reference|our ref|លេខ)\.?\s*[:.៖]?\s*\S*\d\S*"
    r"(?:\s+[A-Z\u1780-\u17ff][A-Z.\u1780-\u17ff/-]*)*"
    r"|ព្រះរាជាណាចក្រកម្ពុជា|ជាតិ\s*សាសនា\s*ព្រះមហាក្សត្រ"
)
_INSTITUTION = re.compile(
    r"(?:royal |permanent |general |national )?(?:ministry|embassy|consulate(?: general)?|mission"
    r"|office|department|secretariat|council|directorate|agency|authority|commission|bank"
    r"|ក្រសួង|ស្ថានទូត|ទីស្តីការ)\b.*",
    re.I,
)


def _letterhead(para: str) -> bool:
    if _LETTERHEAD.fullmatch(para):
        return True
    # "MINISTRY OF LABOUR AND VOCATIONAL TRAINING": the sender's name in capitals
    return len(para) <= 120 and para.upper() == para and bool(_INSTITUTION.fullmatch(para))


def _title_residue(para: str) -> str:
    residue = _GENERIC_TITLE.sub(" ", para)
    for pattern in _DATE_PATTERNS:
        residue = pattern.sub(" ", residue)
    return residue


def _headline_like(para: str) -> bool:
    """A line set as a title: a few words, not a sentence, not a dateline."""
    words = re.findall(r"[^\W\d_]{2,}", _title_residue(para))
    if len(words) < 2 or len(para) > 200 or para[-1] in ".,;:":
        return False
    return not (parse_date(para) and len(words) <= 4)  # "Phnom Penh, 26 November 2026"


def _pdf_title(metadata_title: str, paras: list[str]) -> str:
    """The document's title property when the first page really shows it (Word fills it with
    file names like "Microsoft Word - PR_July.doc"); else the headline under "Press release"
    when the page has one; else the first line that says more than "Press release" and a
    date. Letterhead lines (the issuing ministry in capitals, "Kingdom of Cambodia", "Nation
    Religion King", a reference number) are never the title."""
    title = normalize(metadata_title)
    if len(title) >= 8 and _words(title) in _words(" ".join(paras[:10])):
        return title
    head = paras[:8]

    def says_more(para: str) -> bool:  # than a letterhead, "Press release" or a dateline
        residue = _title_residue(para)
        dateline = parse_date(para) and len(para) <= 60
        return not (_letterhead(para) or dateline or not re.search(r"[^\W\d_]{2,}", residue))

    # the first line that says more, after "Press release" if the page has it (what comes
    # before it is letterhead), when it is set as a title
    marker = next((i for i, p in enumerate(head) if _GENERIC_TITLE.search(p) and not
                   re.search(r"[^\W\d_]{2,}", _title_residue(p))), None)  # fmt: skip
    for start in ([marker + 1] if marker is not None else []) + [0]:
        first = next((p for p in head[start:] if says_more(p)), None)
        if first and _headline_like(first):
            return first
    for para in head:
        if len(re.findall(r"[^\W\d_]{2,}", _title_residue(para))) >= 2:
            return para if len(para) <= 250 else para[:250].rsplit(" ", 1)[0]
    return paras[0][:250] if paras else ""


_PUBLISHED = re.compile(r"(?:publication|published|release|issued)(?:\s+date)?\s*[:：]?", re.I)


def _pdf_date(paras: list[str]) -> str | None:
    head = paras[:15]
    for para in head:  # "Publication date: 15 June 2011" beats the meeting date above it
        label = _PUBLISHED.search(para)
        found = label and _plausible(parse_date(para[label.end() :]))
        if found:
            return found
    for para in head:
        found = _plausible(parse_date(para))
        if found:
            return found
    return None


def _readable(text: str) -> bool:
    """A text layer made of real words, not glyph codes from a font without a Unicode map."""
    visible = [c for c in text if not c.isspace()]
    words = re.findall(r"[^\W\d_]{2,}", text)
    return bool(visible) and sum(map(len, words)) >= 0.5 * len(visible) and len(words) >= 3


def extract_pdf(body: bytes, url: str) -> Document:
    """The statement in a PDF release: paragraphs rejoined, page furniture removed."""
    if b"%PDF-" not in body[:1024]:
        raise ExtractionError(f"{url}: the body is not a PDF (no %PDF- header)")
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)  # font warnings are noise for text extraction
    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(f"{url}: the PDF is password-protected; cannot read its text")
        pages = [_pdf_page_lines(page) for page in reader.pages]
        metadata_title = str((reader.metadata or {}).get("/Title") or "")
    except ExtractionError:
        raise
    except Exception as err:  # a damaged file can fail anywhere inside pypdf
        raise ExtractionError(f"{url}: the PDF is damaged and cannot be read ({err!r})") from err
    finally:
        pypdf_log.setLevel(level)

    lines = _flow(_drop_running_lines(pages))
    paras = [p for p in _join_lines(lines) if _HAS_LETTER.search(p) or any(map(str.isdigit, p))]
    text = "\n".join(paras)
    if not paras:
        raise ExtractionError(f"{url}: the PDF has no text layer (a scan?); OCR is not supported")
    if not _readable(text):
        raise ExtractionError(
            f"{url}: the PDF's text is unreadable (fonts without a Unicode map); "
            "OCR is not supported"
        )
    language = _text_language(text)
    return Document(
        url=url,
        title=_pdf_title(metadata_title, paras),
        paragraphs=tuple(paras),
        date=_pdf_date(paras),
        language=language,
    )


# --- dispatch -----------------------------------------------------------------------------


def extract_page(
    page: Page,
    *,
    content: str | None = None,
    title: str | None = None,
    date: str | None = None,
) -> Document:
    """The Document of a fetched page, by its kind (PDF or HTML); selectors apply to HTML."""
    if page.not_modified:
        raise ExtractionError(
            f"{page.url}: a 304 Not Modified answer has no body; reuse the stored version"
        )
    if page.is_pdf:
        return extract_pdf(page.body, page.url)
    if page.text is None:
        raise ExtractionError(
            f"{page.url}: {page.content_type or 'unknown type'} is neither HTML nor PDF"
        )
    if page.content_type == "text/plain":
        paras = _clean(paragraphs(page.text))
        if not paras:
            raise ExtractionError(f"{page.url}: the page is empty; nothing to extract")
        found = _first_date((*paras[:2], *reversed(paras[-3:])), month_first=False)
        language = _text_language("\n".join(paras))
        return Document(page.url, paras[0][:250], paras, date=found, language=language)
    return extract_html(page.text, page.url, content=content, title=title, date=date)
