"""Dates written in a listing: "24 April 2026", "April 24, 2026", "2026-04-24", "24.04.2026",
"2026年4月24日", "24 tháng 4 năm 2026", with Khmer or Thai digits, read as ISO YYYY-MM-DD.

The month table, the digits and the rule for numeric dates are the extraction's
(`monitor.extract.dates`); the patterns here add the forms a listing writes beside its items
(two-digit years, Chinese and Vietnamese dates) and give each date's span in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from monitor.extract.dates import _DIGITS, _MONTH, _MONTHS, _day_and_month
from monitor.sources.vocabulary import DATE_WORDS, alternatives

_L, _R = r"(?<![^\W\d_])", r"(?![^\W\d_])"  # not inside a (Latin) word
_YEAR = r"((?:19|20)\d\d)(?!\d)"
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"(?<!\d)((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")),
    (
        "dMy",
        re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er)?\.?[\s\-/,.]*{_L}({_MONTH})\.?{_R}[\s\-/,.]*{_YEAR}",
            re.I,
        ),
    ),
    (
        "Mdy",
        re.compile(
            rf"{_L}({_MONTH})\.?{_R}[\s\-/.]*(\d{{1,2}})(?:st|nd|rd|th)?(?!\d)[\s,.\-/]*{_YEAR}",
            re.I,
        ),
    ),
    ("cjk", re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")),
    (
        "vi",
        re.compile(r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,|\s+năm)?\s+((?:19|20)\d\d)", re.I),
    ),
    ("num", re.compile(r"(?<![\d.:/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d\d)(?![\d:]|[./-]\d)")),
)


def _make_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat() if 1900 <= year <= 2100 else None
    except ValueError:
        return None


def _date_matches(text: str, dayfirst: bool | None) -> Iterator[tuple[int, int, str]]:
    """(start, end, ISO date) for every date written in `text`."""
    text = text.translate(_DIGITS)
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            found: str | None
            if kind == "ymd":
                found = _make_date(int(m[1]), int(m[3]), int(m[4]))
            elif kind == "dMy":
                found = _make_date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
            elif kind == "cjk":
                found = _make_date(int(m[1]), int(m[2]), int(m[3]))
            elif kind == "vi":
                found = _make_date(int(m[3]), int(m[2]), int(m[1]))
            elif kind == "Mdy":
                found = _make_date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
            else:
                a, b, y = int(m[1]), int(m[3]), int(m[4])
                y += 2000 if y < 100 and y < 70 else 1900 if y < 100 else 0
                month_first = None if dayfirst is None else not dayfirst
                day, month = _day_and_month(
                    a, b, y, month_first, text=text, start=m.start(), separator=m[2]
                )
                found = _make_date(y, month, day)
            if found:
                yield m.start(), m.end(), found


def find_date(text: str, *, dayfirst: bool | None = None) -> str | None:
    """The first date written in `text` as ISO YYYY-MM-DD.

    Numeric dates that could be read both ways (04/05/2015) follow `dayfirst`; left to None, a
    dotted date is read day-first (German, Khmer usage) and a slashed one month-first.
    """
    best = min(_date_matches(text, dayfirst), default=None)
    return best[2] if best else None


_NUMERIC_DATE = _DATE_PATTERNS[-1][1]
# A text of only dates and these names no release: "Mon 24 April 2026, 10 am"
_DATE_WORDS = re.compile(
    rf"(?:{_L}(?:{_MONTH}|{alternatives(DATE_WORDS)}){_R}|"
    r"[\d\s/.\-,:|])+",
    re.I,
)
