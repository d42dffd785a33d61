"""The statement on an HTML release page: its paragraphs, headline, date and language.

The text comes from the configured CSS selectors, else from trafilatura, trimmed of the
menus, sidebars and lists around the statement (see `lines`) and passed through the
paragraph filters (see `filters`). The date comes from a chain of readers, most trusted
first (see `extract_html`).
"""

from __future__ import annotations

import contextlib
import copy
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from htmldate import find_date
from lxml import etree
from trafilatura.metadata import examine_meta, extract_meta_json, extract_title, extract_url

from monitor.errors import ExtractionError
from monitor.text.dates import (
    first_date,
    iso_days,
    month_first_by_default,
    numeric_order,
    order_by_twins,
    worded_days,
)
from monitor.text.normalize import normalize, paragraphs
from monitor.text.words import SENTENCE_WORDS, word_count

from ..models import Document
from .dates import (
    _around_today,
    _first_date,
    _latest_date,
    _plausible,
    _written,
    own_time,
    page_markup,
)
from .filters import _clean
from .joined import _split_joined
from .language import _english, _html_language, _script_language
from .lead import lead_lines
from .lines import (
    _around_statement,
    _is_chrome_element,
    _key,
    _Line,
    _line_records,
    _lines,
    _main_element,
    _prose,
    _side_column_lines,
)
from .reading import (
    Prepared,
    Reading,
    prepare,
    without_template,
)
from .reading import (
    _plausible as _reads_as_statement,
)
from .regions import fingerprint, in_region, region_to_learn, statement_lines
from .selectors import PageSelectors
from .template import Template
from .titles import _choose_title, _without_leading_date
from .tree import parse_page

# --- dates found around the headline ---------------------------------------------------------


def _month_first(tree: etree._Element, url: str, lines: list[str]) -> bool:
    """US pages write 2/11/2026 for 11 February; everyone else writes the day first. What
    decides, in order: the dates the page's own markup writes for machines beside the ones it
    writes for readers (`datetime` and `content` attributes outside its chrome — RDFa's
    content="2026-12-03T13:21" on Drupal's "12/03/2026 - 13:21" byline, where the theme's
    widgets write 30/11/2026 — and the URL's /2026/12/03/), by majority; then its dates that
    only one reading allows (11/26/2026, 25/11/2026); then the dates its own lines write in
    words ("04 DECEMBER 2026"; a sidebar's are another story's); then US English or a US
    government host (SharePoint and others say en-US by default: the weakest sign)."""
    text = tree.xpath("string(//body)")
    own = [v for el in tree.xpath("//*[@datetime or @content]") if not _in_page_chrome(el)
           for v in (el.get("datetime"), el.get("content")) if v]  # fmt: skip
    for decide in (
        lambda: order_by_twins(text, iso_days([*own, urlsplit(url).path])),
        lambda: numeric_order(text),
        lambda: order_by_twins(text, worded_days("\n".join(lines))),
    ):
        told = decide()
        if told is not None:
            return told
    return month_first_by_default(tree.get("lang") or "", urlsplit(url).hostname or "")


def _in_page_chrome(el: etree._Element) -> bool:
    """In a widget, menu or footer (never <head>'s metadata: the page's own)."""
    chain = (el, *el.iterancestors())
    return not any(a.tag == "head" for a in chain) and any(map(_is_chrome_element, chain))


_ITEM_TAGS = ("li", "dd", "tr")


def _listed(line: _Line) -> bool:
    """An item of a list of links to other pages ("Other news": <li><span>date</span> <a>…</a>),
    whose date is its page's: mostly a link, in a list of two or more items with links; not a
    byline that links its author, alone in its list or table."""
    if line.linked <= line.letters / 2:  # a date and a short title: not 80 % (`_linked`)
        return False
    item = next((a for a in (line.element, *line.element.iterancestors())
                 if a.tag in _ITEM_TAGS), None)  # fmt: skip
    parent = item.getparent() if item is not None else None
    if parent is None:
        return False
    linked = sum(1 for sib in parent if sib.tag == item.tag and sib.find(".//a[@href]") is not None)
    return linked >= 2


def _date_near(
    lines: list[str], title: str, month_first: bool, *, above: bool, items: frozenset[str]
) -> str | None:
    """The date on the lines right below (or, `above`, just above) the headline."""
    at = next((i for i, line in enumerate(lines) if title and title in line), None)
    if at is None:
        return None
    if above and sum(first_date(line) is not None for line in lines[max(0, at - 6) : at]) > 1:
        return None  # a list of dated links above the headline ("Related news"): theirs
    window = reversed(lines[max(0, at - 3) : at]) if above else lines[at + 1 : at + 8]
    # not a list's item: under a short statement, a list of other news dates each of them
    return _first_date((line for line in window if line not in items), month_first,
                       byline=not above)  # fmt: skip


def _where_written(
    found: str, tree: etree._Element, lines: list[str], url: str, month_first: bool
) -> str:
    """Where the page writes a date htmldate found: "page" (the text around the statement,
    markup such as meta tags, <time> and JSON-LD, or the URL); "stamp" (only the page's
    chrome, as its one date: a footer's "as of 9 October"); "chrome" (a widget among other
    dates: a sidebar list's, each another page's); "" (only a linked page's address)."""
    if found in _written("\n".join(lines), month_first):
        return "page"
    if found in _written(" ".join([url, *page_markup(tree)]), month_first):
        return "page"
    chrome = Counter(_lines(tree, skip_chrome=False))
    chrome.subtract(lines)
    dates = _written("\n".join(line for line, n in chrome.items() if n > 0), month_first)
    if found not in dates:
        return ""
    return "stamp" if len(dates) == 1 and not _around_today(found) else "chrome"


def _metadata_date(found: str | None, html: str, url: str, month_first: bool) -> str | None:
    """htmldate's date, unless its day is made up: htmldate turns a bare year (a copyright
    line) into 1 January, and a month ("November 2026", or a date it rejects) into the
    first of the month. A first of the month must be written in the page or its URL."""
    found = _plausible(found)
    if found and found.endswith("-01") and found not in _written(f"{url} {html}", month_first):
        return None
    return found


# --- HTML ---------------------------------------------------------------------------------


def _date_params(extensive: bool) -> dict[str, object]:
    # htmldate turns a date past max_date into the first of its month: let it see the few
    # days ahead that _plausible allows
    return {"original_date": True, "extensive_search": extensive, "max_date": _latest_date()}


def _trafilatura(tree: etree._Element, url: str, **options: bool) -> str:
    """trafilatura's main text of the page."""
    result = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, **options
    )
    return (result.text if result is not None else None) or ""


def _metadata(tree: etree._Element, url: str) -> trafilatura.settings.Document:
    """The page's title and date as trafilatura's metadata gives them, without the fields a
    release never uses: its author alone copies the whole tree (a tenth of a page's reading).
    The date is htmldate's quick search (markup, meta tags, URL); its slow full-text search
    only when the quick one and our own byline search find nothing (see `_publication_date`).
    """
    meta = examine_meta(tree)
    with contextlib.suppress(Exception):  # as trafilatura guards its JSON-LD reader
        meta = extract_meta_json(tree, meta)
    meta.title = meta.title or extract_title(tree)
    meta.url = meta.url or extract_url(tree, url)
    meta.date = find_date(tree, **{**_date_params(extensive=False), "url": meta.url})
    meta.clean_and_trim()
    return meta


def _searched_date(tree: etree._Element, url: str) -> str | None:
    return find_date(tree, url=url, **_date_params(extensive=True))  # type: ignore[arg-type]


def _label(para: str) -> bool:
    """A section's name or a kicker ("Announcements", "PRESS RELEASE"): a few words, no
    number (a byline or a date is kept)."""
    return word_count(para) <= 4 and not any(c.isdigit() for c in para)


def _without_headline(paras: tuple[str, ...], title: str) -> tuple[str, ...]:
    """The statement without the headline above it: the title is kept apart, so a line
    equal to it before any prose is a repeat, as are the labels set over it (a section's
    name, "Press release"). A title trafilatura runs into a short page's first paragraph
    ("Consular Hotline Cambodian citizens abroad who...") is split off before, by
    `joined._split_joined`."""
    title_key = _key(title)
    start = next((k for k, para in enumerate(paras) if _prose(para, None)), len(paras))
    copies = [k for k, para in enumerate(paras[:start]) if title_key and _key(para) == title_key]
    if not copies:
        return paras
    # every copy goes: a page may show it twice (for screen readers, then on screen)
    above = tuple(p for p in paras[: copies[-1]] if not _label(p) and _key(p) != title_key)
    return (above + paras[copies[-1] + 1 :]) or paras


def extract_html(
    html: str,
    url: str,
    *,
    content: str | None = None,
    title: str | None = None,
    date: str | None = None,
    template: Template | None = None,
) -> Document:
    """The statement on an HTML release page (see `read_html`)."""
    return read_html(html, url, content=content, title=title, date=date,
                     template=template).document  # fmt: skip


def _only_headings(paras: tuple[str, ...], tree: etree._Element) -> bool:
    heads = {normalize(el.text_content()) for el in tree.iter("h1", "h2", "h3")}
    return all(p in heads for p in paras)


def _lost_to_template(
    whole: tuple[str, ...], pruned: tuple[str, ...], prepared: Prepared
) -> frozenset[str]:
    """The `_key`s of the sentences the whole page has and the pruned one lacks, when all of
    them are template lines (the statement pruned as template: a release whose text its
    sibling also carries, or a listing's teaser of it); else none."""
    lost = {_key(p) for p in whole if p not in pruned and word_count(p) >= SENTENCE_WORDS}
    return frozenset(lost) if lost and lost <= prepared.chrome_keys() else frozenset()


def _single_page_with(
    tree: etree._Element, url: str, prepared: Prepared
) -> tuple[tuple[str, ...], Any, str | None, Prepared, list[_Line]]:
    """The single-page reading of a page pruned of its source's template, with the lines the
    template took from the statement given back (and the pruning they were read from, and
    its lines: the lead is looked for there)."""
    template = prepared.template
    paras, meta, learned, lines = _single_page(
        prepared.work, url, prepared.template_under, prepared.removed
    )
    if prepared.removed and _only_headings(paras, tree):
        # Nothing but the headline left: what the template took was the statement
        # (siblings that share every paragraph, a reissued release). The template only
        # ever takes chrome away: the statement's lines are kept, the rest still goes.
        alone = _single_page(copy.deepcopy(tree), url, {})
        lost = _lost_to_template(alone[0], paras, prepared)
        if lost and _reads_as_statement(alone[0]):  # the rest of the template still goes
            prepared = prepare(tree, url, template, keep=lost)
            paras, meta, learned, lines = _single_page(
                prepared.work, url, prepared.template_under, prepared.removed
            )
    if shared := prepared.beside(paras) - prepared.keep:  # a standard closing: see there
        prepared = prepare(tree, url, template, keep=prepared.keep | shared)
        paras, meta, learned, lines = _single_page(
            prepared.work, url, prepared.template_under, prepared.removed
        )
    return paras, meta, learned, prepared, lines


def _single_page(
    work: etree._Element, url: str, template_under: dict[etree._Element, int], pruned: int = 0
) -> tuple[tuple[str, ...], Any, str | None, list[_Line]]:
    """The statement as one page alone shows it: trafilatura's main text, trimmed of the menus
    and lists around it; with the region that held it, for the source to learn (`pruned`: the
    lines the source's template took out of `work` before)."""
    meta = _metadata(work, url)
    raw = paragraphs(_trafilatura(work, url))
    paras = _clean(raw)
    if not paras:  # very short pages: be generous, then take the page's main block
        raw = paragraphs(_trafilatura(work, url, favor_recall=True))
        paras = _clean(raw)
    lines = _line_records(work, skip_chrome=False)
    split = _split_joined(raw, lines)  # the page's own lines: cleaned once placed
    paras = _around_statement(paras, lines) if split == raw else _clean(
        _around_statement(split, lines))  # fmt: skip
    region = region_to_learn(paras, lines, template_under, pruned) if paras else None
    if not paras:
        paras = _clean(_lines(_main_element(work), skip_chrome=True))
    sidebar, columns = _side_column_lines(work)
    beside = {_key(line) for line in sidebar}
    kept = tuple(p for p in paras if _key(p) not in beside)
    if len(kept) < len(paras) and not _reads_as_statement(kept):
        # trafilatura's lengths chose the sidebar's list over a short statement beside it
        # (a count after each title made it longer): read the page without that column
        with _detached(columns):
            return _single_page(work, url, template_under, pruned)
    return kept or paras, meta, region, lines


@contextlib.contextmanager
def _detached(elements: list[etree._Element]) -> Iterator[None]:
    """The elements out of their tree for a while, then back in their places."""
    places = [(el.getparent(), el.getparent().index(el), el) for el in elements]
    for parent, _, el in places:
        parent.remove(el)
    try:
        yield
    finally:
        for parent, index, el in sorted(places, key=lambda place: place[1]):
            parent.insert(index, el)


def _publication_date(
    html: str,
    tree: etree._Element,
    url: str,
    page_lines: list[str],
    items: frozenset[str],
    selectors: PageSelectors,
    meta_date: str | None,
    title: str,
    paras: tuple[str, ...],
) -> str | None:
    """The release's date, most trusted first: the configured selector, the byline under the
    headline, page markup and metadata (htmldate), the page's one own <time datetime> (a
    byline that says "2 days ago"), a date just above the headline (where site headers also
    put "today" widgets), htmldate's full-text search, a dateline ("Phnom Penh,
    24 April 2026") at the top or foot of the statement; last, a date the page's chrome shows
    alone (a footer's "as of"). Never a date among a widget's (a sidebar list's: each dates
    another page), a header clock's today or one only a link's address gives: the listing's
    date or the day the release was first seen serve better."""
    month_first = _month_first(tree, url, page_lines)

    in_chrome: list[str] = []  # htmldate's dates that only a widget shows
    stamps: list[str] = []  # ... that the page's chrome shows as its one date

    def from_htmldate(found: str | None) -> str | None:
        found = _metadata_date(found, html, url, month_first)
        where = _where_written(found, tree, page_lines, url, month_first) if found else ""
        if where in ("chrome", "stamp"):
            (stamps if where == "stamp" else in_chrome).append(found)
        return found if where == "page" else None

    def searched() -> str | None:  # slow: not when the quick search found a widget's date
        return None if in_chrome or stamps else from_htmldate(_searched_date(tree, url))

    return (
        selectors.published(month_first)
        or _date_near(page_lines, title, month_first, above=False, items=items)
        or from_htmldate(meta_date)
        or own_time(tree)
        or _date_near(page_lines, title, month_first, above=True, items=items)
        or searched()
        or _first_date((*paras[:2], *reversed(paras[-3:])), month_first)
        or next(iter(stamps), None)
    )


def read_html(
    html: str,
    url: str,
    *,
    content: str | None = None,
    title: str | None = None,
    date: str | None = None,
    template: Template | None = None,
) -> Reading:
    """The statement on an HTML release page, and what the page teaches its source's profile.

    `content`, `title` and `date` are optional CSS selectors from the source's config; each
    falls back to automatic extraction when it matches nothing. `template` is what the
    source's earlier pages taught (see `reading`): its template blocks are left out, and its
    statement region is read first. The headline and date are read from the whole page.
    """
    if not html or not html.strip():
        raise ExtractionError(f"{url}: the page is empty; nothing to extract")
    if "\x00" in html[:1024]:
        raise ExtractionError(f"{url}: the body is binary, not HTML; check the source URL")
    tree = parse_page(html)
    if tree is None:
        raise ExtractionError(f"{url}: the body is not parseable HTML; check the source URL")
    template = template or Template()
    selectors = PageSelectors(html, content=content, title=title, date=date)
    # Our own reading of the page comes first: trafilatura works on a copy of the tree.
    page_records = _line_records(tree, skip_chrome=True)
    page_lines = [line.text for line in page_records]
    language = _html_language(tree)
    prepared = prepare(tree, url, template)

    paras: tuple[str, ...] = ()
    records: list[_Line] | None = None  # prepared.work's lines, when a single page walked them
    read_in = learned = in_first = None  # in_first: the paragraphs read in the first region
    if content:
        paras = selectors.text()
    elif template.regions and (found := in_region(prepared.work, template)):
        paras, read_in = found
        in_first = paras if read_in == template.regions[0] else None
    if paras:
        meta = _metadata(tree, url)
    else:
        paras, meta, learned, prepared, records = _single_page_with(tree, url, prepared)
    if not content:
        paras = without_template(paras, prepared)
    if not paras:
        raise ExtractionError(f"{url}: the page has no text; is it a script-only page?")

    doc_title = selectors.headline() or _without_leading_date(
        _choose_title(tree, url, page_lines, normalize(meta.title or ""), paras)
    )

    lead = () if content else lead_lines(prepared.work, doc_title, paras, records)
    if lead:  # the statement reaches out of its region: no digest of the region stands for it
        paras, in_first = (*lead, *paras), None
    items = frozenset(line.text for line in page_records if _listed(line))
    doc_date = _publication_date(html, tree, url, page_lines, items, selectors, meta.date,
                                 doc_title, paras)  # fmt: skip
    paras = _without_headline(paras, doc_title)
    text = "\n".join(paras)
    language = _script_language(text) or language
    if language is None and _english(text):
        language = "en"
    doc = Document(url=url, title=doc_title, paragraphs=paras, date=doc_date, language=language)
    mark = fingerprint(tree, template, in_first) if in_first else None
    lines = statement_lines(paras, prepared, read_in, own=frozenset(lead))
    return Reading(doc, prepared.keys, learned, read_in, prepared.removed, mark, lines,
                   tuple(selectors.misses))
