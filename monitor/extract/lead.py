"""The lead of a statement: the sentence or two a CMS sets apart between the headline and the
body (Plone's `documentDescription`, a Drupal summary field, a news site's standfirst).

Readers take the body's box: trafilatura leaves a lead in the article's <header> out, and a
source's learned region is the body's container. But the lead is the ministry's words, often
the one a journalist quotes, and an edit there must be reported. So the lines between the
headline and the body, inside the article or main element that holds the body, in an element
whose class or id names a lead (`LEAD_NAMES`), in another script than the headline (its
translation on a bilingual page) or, unnamed, a paragraph of whole sentences right after the
headline (a utility-class theme's `<p class="text-xl">`), are the statement's first
paragraphs; not a byline, a date, a link or a caption, and not a repeat of the body's first
paragraph. Only such lines: a caption, a "Listen to this article" or "Share this news" line
sits there too.
"""

from __future__ import annotations

import re

from lxml import etree

from monitor.text.words import ends_sentence, word_count

from .filters import _clean, changes_by_itself
from .language import _script_language as _script
from .lines import (
    _dates_the_page,
    _is_chrome_element,
    _key,
    _Line,
    _line_records,
    _linked,
    _positions,
    parted_names,
)
from .vocabulary import LEAD_NAMES, alternatives

_LEAD_WORDS = 4  # fewer is a label or a kicker ("Press release", "Summary")
_LEAD_LINES = 5  # the first lines of a longer lead: a ministry's lead is a paragraph or two
_STANDFIRST_WORDS = 8  # an unnamed lead is a full sentence at least
_LEAD_NAME = re.compile(rf"(?:^|[-_\s])(?:{alternatives(LEAD_NAMES)})(?=$|[-_\s\d])")


def lead_lines(
    work: etree._Element, title: str, paras: tuple[str, ...], lines: list[_Line] | None = None
) -> tuple[str, ...]:
    """The lead's lines, in page order; none when the page shows no headline above the body
    or nothing between them is named a lead. (`lines`: `work`'s, when walked already.)"""
    if not (title and paras):
        return ()
    wanted = _key(title)
    body = tuple(p for p in paras if _key(p) != wanted)  # the reader may have kept the headline
    lines = lines if lines is not None else _line_records(work, skip_chrome=False)
    placed = [i for i in _positions(body, lines) if i is not None]
    if not placed:
        return ()
    start = min(placed)
    heading = next((i for i in range(start - 1, -1, -1) if _key(lines[i].text) == wanted), None)
    if heading is None:
        return ()
    headline = lines[heading].element
    box = _article(lines[start].element, headline)
    if box is None:
        return ()
    known = {_key(p) for p in body}
    found = []
    for line in lines[heading + 1 : start]:
        text = line.text
        # unnamed, a line must not be a byline: with an author's name, a count or a relative
        # time, it would read otherwise on the next fetch ("Sok Dara · 8 days ago")
        steady = not changes_by_itself(text)
        translated = steady and _script(text) != _script(title)
        standfirst = steady and _standfirst(line.element, text, headline)
        if (
            word_count(text) < _LEAD_WORDS
            or _key(text) in known  # the body's first paragraph, repeated above it
            or _linked(line)
            or _dates_the_page(text)
            or not _in_lead(line.element, box, translated=translated, standfirst=standfirst)
        ):
            continue
        found.append(text)
    return _clean(found)[:_LEAD_LINES]


def _article(body: etree._Element, headline: etree._Element) -> etree._Element | None:
    """The nearest <article> or <main> (or role=main) around the body; on a page of plain
    divs, the nearest element that holds both the headline and the body (not the page)."""
    for a in body.iterancestors():
        if a.tag in ("article", "main") or a.get("role") == "main":
            return a
    above = set(headline.iterancestors())
    common = next((a for a in body.iterancestors() if a in above), None)
    return None if common is None or common.tag in ("body", "html") else common


def _standfirst(el: etree._Element, text: str, headline: etree._Element) -> bool:
    """An unnamed lead, as a utility-class theme sets one (`<h1>…</h1><p class="text-xl">`):
    a paragraph of whole sentences right after the headline, its next element. (A caption
    follows a picture, a "Listen to this article" an audio player, a share prompt its bar.)"""
    if el.tag != "p" or word_count(text) < _STANDFIRST_WORDS or not ends_sentence(text):
        return False
    return el.getprevious() is headline


def _in_lead(el: etree._Element, box: etree._Element, *, translated: bool, standfirst: bool
             ) -> bool:  # fmt: skip
    """Inside `box`, in an element named as a lead, or (`translated`) in another script than
    the headline (a bilingual ministry sets the Khmer headline under the English one), or a
    `standfirst`; in no chrome element or figure on the way (a share bar, an aside, a
    caption)."""
    named = translated or standfirst
    for a in (el, *el.iterancestors()):
        if a is box:
            return named
        if a.tag in ("figure", "figcaption") or _is_chrome_element(a):
            return False
        named = named or _LEAD_NAME.search(parted_names(a)) is not None
    return False
