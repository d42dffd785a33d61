"""Dates written in text: "24 April, 2026", "April 24, 2026", "24/04/2026", ISO dates, and
Khmer dates with Khmer digits, read as ISO YYYY-MM-DD.

Discovery reads the dates of a listing's items with the same month table (`_MONTHS`) and
the same rule for numeric dates (`_day_and_month`): a date only one reading allows
("04/24/2026") is read that way; for an ambiguous one, a weekday written just before it
decides, then the page's order (day first unless the page writes month first, as US pages
do).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date as Date
from datetime import datetime, timedelta

from monitor.text.normalize import normalize

from .vocabulary import (
    KHMER_DIGITS,
    KHMER_MONTH_NAMES,
    MONTH_NAMES,
    NOT_PUBLICATION,
    THAI_DIGITS,
    WEEKDAY_NAMES,
    alternatives,
)

_MONTHS = {
    name: number
    for names_by_month in (MONTH_NAMES, KHMER_MONTH_NAMES)
    for number, names in enumerate(names_by_month, 1)
    for name in names
}
_KHMER_DIGITS = str.maketrans(KHMER_DIGITS, "0123456789")
_DIGITS = str.maketrans(KHMER_DIGITS + THAI_DIGITS, "0123456789" * 2)  # Khmer and Thai
_HAS_KHMER_DIGIT = re.compile(f"[{KHMER_DIGITS[0]}-{KHMER_DIGITS[-1]}]").search
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
_WEEKDAY_NUMBERS = {name: day for day, names in enumerate(WEEKDAY_NAMES) for name in names}
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


def _day_and_month(
    first: int,
    second: int,
    year: int,
    month_first: bool | None,
    *,
    text: str = "",
    start: int = 0,
    separator: str = "/",
) -> tuple[int, int]:
    """(day, month) of a numeric date written `first`/`second`/`year`. A date only one
    reading allows (24/04/2026, 04/24/2026) is read that way; for an ambiguous one, a weekday
    written in `text` just before `start` decides ("Tue, 11/10/2026"), then `month_first`
    (2/11/2026 on a US page); left to None, a dotted date is day first (German, Khmer usage)
    and a slashed one month first."""
    if first > 12 or second > 12 or first == second:
        return (second, first) if second > 12 >= first else (first, second)
    by_weekday = _weekday_order(text, start, first, second, year)
    if by_weekday is None:
        by_weekday = month_first if month_first is not None else separator != "."
    return (second, first) if by_weekday else (first, second)


def _date_matches(text: str, month_first: bool = False) -> Iterator[tuple[int, str]]:
    """(position, ISO date) for every valid calendar date written in `text`."""
    text = normalize(text).translate(_KHMER_DIGITS)
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            month = match["m"]
            m = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
            d, y = int(match["d"]), int(match["y"])
            if pattern is _NUMERIC:
                d, m = _day_and_month(d, m, y, month_first, text=text, start=match.start())
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


_NOT_PUBLICATION = re.compile(alternatives(NOT_PUBLICATION), re.I)


def _first_date(lines: Iterable[str], month_first: bool) -> str | None:
    """The first publication-like date on a short line (a byline, not a sentence that
    mentions a date, not a "today is" or "updated" widget)."""
    for line in lines:
        if len(line) <= 100 and not _NOT_PUBLICATION.search(line):
            found = _plausible(parse_date(line, month_first=month_first))
            if found:
                return found
    return None
