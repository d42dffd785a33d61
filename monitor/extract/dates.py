"""Which written date is a release's publication date. Reading dates is `monitor.text.dates`'s
job; here is what extraction makes of them: a date on a short line that is not a clock or an
"updated" note, and never further ahead of our clock than an embargo allows."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date as Date
from datetime import datetime, timedelta

from monitor.text.dates import date_matches, parse_date
from monitor.text.normalize import normalize

from .vocabulary import FIRST_DATE_LABELS, NOT_PUBLICATION, alternatives

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


_NOT_PUBLICATION = re.compile(alternatives(NOT_PUBLICATION), re.I)
_PUBLICATION = re.compile(rf"\b(?:{alternatives(FIRST_DATE_LABELS)})", re.I)


def _first_date(lines: Iterable[str], month_first: bool) -> str | None:
    """The first publication-like date on a short line (a byline, not a sentence that
    mentions a date, not a "today is" or "updated" widget; "Published 1 Dec, last modified
    4 Dec" gives the date it labels published)."""
    for line in lines:
        if len(line) > 100:
            continue
        other = _NOT_PUBLICATION.search(line)
        if other:
            line = line[: other.start()]
            if not _PUBLICATION.search(line):
                continue
        found = _plausible(parse_date(line, month_first=month_first))
        if found:
            return found
    return None
