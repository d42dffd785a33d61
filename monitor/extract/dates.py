"""Which written date is a release's publication date. Reading dates is `monitor.text.dates`'s
job; here is what extraction makes of them: a date on a short line that is not a clock or an
"updated" note, and never further ahead of our clock than an embargo allows."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date as Date
from datetime import datetime, timedelta

from lxml import etree

from monitor.text.dates import date_matches
from monitor.text.normalize import normalize
from monitor.text.words import ends_sentence

from .lines import _is_chrome_element
from .vocabulary import FIRST_DATE_LABELS, NOT_PUBLICATION, REVISION_LABELS, alternatives

# Embargoed releases and time zones put a publication date a few days ahead of our clock
_DAYS_AHEAD = 3


def _written(text: str, month_first: bool) -> set[str]:
    """Every date written in `text`."""
    return {m.iso for m in date_matches(normalize(text), month_first=month_first)}


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


_NOT_PUBLICATION = re.compile(rf"(?<![a-z])(?:{alternatives(NOT_PUBLICATION)})(?![a-z])", re.I)
_PUBLICATION = re.compile(rf"\b(?:{alternatives(FIRST_DATE_LABELS)})", re.I)
_REVISION = re.compile(alternatives(REVISION_LABELS), re.I)


def _first_date(lines: Iterable[str], month_first: bool, *, byline: bool = False
                ) -> str | None:  # fmt: skip
    """The first publication-like date on a short line (a byline, not a sentence that
    mentions a date, not a "today is" or "updated" widget; "Published 1 Dec, last modified
    4 Dec" gives the date it labels published, and so does a `byline` under the headline
    unlabelled: "24 Nov 2026 · Page updated 4 Dec")."""
    for line in lines:
        if len(line) > 100:
            continue
        other = _NOT_PUBLICATION.search(line)
        if other:
            revised = byline and _REVISION.fullmatch(other.group()) is not None
            revised = revised and not ends_sentence(line)  # "... the Ministry updated its advice."
            line = line[: other.start()]
            if not (_PUBLICATION.search(line) or revised):
                continue
        found = _first_plausible(line, month_first)
        if found:
            return found
    return None


def _first_plausible(line: str, month_first: bool) -> str | None:
    """The line's first date that can be a publication date: a byline that writes the lunar
    Hijri year first ("1447/06/13 - 2025/12/04") is dated by the second."""
    dates = sorted(date_matches(normalize(line), month_first=month_first), key=lambda m: m.start)
    return next((d for m in dates if (d := _plausible(m.iso))), None)


def _shape(el: etree._Element) -> tuple[str | None, ...]:
    parent = el.getparent()
    return (el.tag, el.get("class"), *((parent.tag, parent.get("class")) if parent is not None
                                       else ()))  # fmt: skip


def _own_dated(tree: etree._Element) -> list[etree._Element]:
    """The elements that date the page itself in their `datetime` or `title`: in the page's
    article (its own header or footer too), or else in no chrome element; and not one of a
    list's items that date other pages (a "Read more" card's <time>)."""
    article = _page_article(tree)
    marked = tree.xpath("//*[@datetime or @title]")
    values: dict[tuple[str | None, ...], set[str]] = {}
    for el in marked:
        values.setdefault(_shape(el), set()).add(el.get("datetime") or el.get("title") or "")
    own = []
    for el in marked:
        inside = article is not None and (el is article or article in el.iterancestors())
        listed = len(values[_shape(el)]) > (2 if inside else 1)  # published and updated: two
        chrome = not inside and any(_is_chrome_element(a) for a in (el, *el.iterancestors()))
        if not (listed or chrome):
            own.append(el)
    return own


def _page_article(tree: etree._Element) -> etree._Element | None:
    """The article or main element around the page's first <h1>."""
    h1 = next(iter(tree.iter("h1")), None)
    if h1 is None:
        return None
    return next((a for a in h1.iterancestors()
                 if a.tag in ("article", "main") or a.get("role") == "main"), None)  # fmt: skip


def page_markup(tree: etree._Element) -> list[str]:
    """The machine-readable dates a page gives of itself: meta tags, scripts (JSON-LD), and
    the `datetime` and `title` of its own elements (`_own_dated`)."""
    values = [v for el in _own_dated(tree) for v in (el.get("datetime"), el.get("title")) if v]
    return [*tree.xpath("//@content|//script/text()"), *values]


def own_time(tree: etree._Element) -> str | None:
    """The date of the page's one own <time datetime> (a byline's "2 days ago" gives it)."""
    found = {
        m.group()
        for el in _own_dated(tree)
        if el.tag == "time" and (m := _ISO_DAY.match(el.get("datetime") or ""))
    }
    return _plausible(found.pop()) if len(found) == 1 else None


_ISO_DAY = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d(?![\d])")
