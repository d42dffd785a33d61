"""The lead of a statement: the sentence or two a CMS sets apart between the headline and the
body (Plone's `documentDescription`, a Drupal summary field, a news site's standfirst).

Readers take the body's box: trafilatura leaves a lead in the article's <header> out, and a
source's learned region is the body's container. But the lead is the ministry's words, often
the one a journalist quotes, and an edit there must be reported. So the lines between the
headline and the body, inside the article or main element that holds the body, that read as
sentences (not a byline, a date, a link or a label) are the statement's first paragraphs.
"""

from __future__ import annotations

from lxml import etree

from monitor.text.words import ends_sentence, word_count

from .filters import _clean
from .lines import _dates_the_page, _is_chrome_element, _key, _line_records, _linked, _positions

_LEAD_WORDS = 6  # fewer is a label or a kicker ("Press release", "Summary")
_LEAD_LINES = 3  # more between headline and body is no lead but another block


def lead_lines(work: etree._Element, title: str, paras: tuple[str, ...]) -> tuple[str, ...]:
    """The lead's lines, in page order; none when the page shows no headline above the body
    or nothing between them reads as sentences."""
    if not (title and paras):
        return ()
    wanted = _key(title)
    body = tuple(p for p in paras if _key(p) != wanted)  # the reader may have kept the headline
    lines = _line_records(work, skip_chrome=False)
    placed = [i for i in _positions(body, lines) if i is not None]
    if not placed:
        return ()
    start = min(placed)
    heading = next((i for i in range(start - 1, -1, -1) if _key(lines[i].text) == wanted), None)
    box = _article(lines[start].element)
    if heading is None or box is None:
        return ()
    found = []
    for line in lines[heading + 1 : start]:
        text = line.text
        if (
            word_count(text) < _LEAD_WORDS
            or not ends_sentence(text)
            or _linked(line)
            or _dates_the_page(text)
            or not _within(line.element, box)
        ):
            continue
        found.append(text)
    kept = _clean(found)
    return kept if len(kept) <= _LEAD_LINES else ()


def _article(el: etree._Element) -> etree._Element | None:
    """The nearest <article> or <main> (or role=main) around the body."""
    for a in el.iterancestors():
        if a.tag in ("article", "main") or a.get("role") == "main":
            return a
    return None


def _within(el: etree._Element, box: etree._Element) -> bool:
    """Inside `box`, and in no chrome element on the way (a share bar, an aside)."""
    for a in (el, *el.iterancestors()):
        if a is box:
            return True
        if _is_chrome_element(a):
            return False
    return False
