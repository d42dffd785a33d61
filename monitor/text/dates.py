"""Dates written in text, read as ISO YYYY-MM-DD: the one month table, the one rule for numeric
dates, and the one reader that extraction and discovery both use.

Read everywhere: ISO dates, "24 April, 2026", "28-April-2026", "April 24, 2026", "24/04/2026",
"ថ្ងៃទី២៤ ខែមេសា ឆ្នាំ២០២៦", "2026年4月24日" (and a Japanese era's "令和8年4月24日"), "24 tháng 4 năm
2026", in the month names of `MONTH_NAMES` and with the digits of `text.scripts`. A listing
also writes "24/04/26" beside its items: the reader takes that form when asked
(`listing=True`), since in a release's text "24/04/26" is as often a reference number as a
date.

Numeric dates (`day_and_month`): a date only one reading allows ("04/24/2026") is read that
way; for an ambiguous one, a weekday written just before it decides, then the page's order
(`numeric_order`: the page's unambiguous dates, else `month_first_by_default`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date

from monitor.text.calendar_names import (
    ARABIC_MONTH_NAMES,
    BENGALI_MONTH_NAMES,
    BUDDHIST_ERA,
    GREEK_MONTH_NAMES,
    HEBREW_MONTH_NAMES,
    HINDI_MONTH_NAMES,
    JALALI_MONTH_NAMES,
    JAPANESE_ERAS,
    KAZAKH_MONTH_NAMES,
    KHMER_MONTH_NAMES,
    LAO_MONTH_NAMES,
    MONTH_NAMES,
    MYANMAR_MONTH_NAMES,
    PERSIAN_MONTH_NAMES,
    RUSSIAN_MONTH_NAMES,
    THAI_MONTH_NAMES,
    TURKISH_MONTH_NAMES,
    UKRAINIAN_MONTH_NAMES,
    WEEKDAY_NAMES,
)
from monitor.text.normalize import normalize
from monitor.text.scripts import ARABIC, ASCII_DIGITS, INDIC, THAI, char_class

_THAI = re.compile(f"[{char_class(THAI)}]")  # Thai letters and digits

MONTHS = {
    name: number
    for names_by_month in (
        MONTH_NAMES, KHMER_MONTH_NAMES, THAI_MONTH_NAMES, LAO_MONTH_NAMES, MYANMAR_MONTH_NAMES,
        RUSSIAN_MONTH_NAMES, UKRAINIAN_MONTH_NAMES, TURKISH_MONTH_NAMES, PERSIAN_MONTH_NAMES,
        ARABIC_MONTH_NAMES, GREEK_MONTH_NAMES, HEBREW_MONTH_NAMES, BENGALI_MONTH_NAMES,
        HINDI_MONTH_NAMES, KAZAKH_MONTH_NAMES,
    )
    for number, names in enumerate(names_by_month, 1)
    for name in names
}
# Any month name, longest first, as a regex alternation
MONTH = "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True))
JALALI_MONTHS = {name: n for n, names in enumerate(JALALI_MONTH_NAMES, 1) for name in names}
_JALALI_MONTH = "|".join(sorted(JALALI_MONTHS, key=len, reverse=True))
# A Jalali date is read in Arabic-script text only; a numeric one only for a year before 1440
# (the lunar Hijri calendar's years have been 1440 and later since 2018: Arabic and Urdu pages
# write 1447/06/13), and never one marked lunar ("1447هـ", "ہجری", "ه.ق"; "ه.ش" is solar)
_ARABIC_SCRIPT = re.compile(f"[{char_class(ARABIC)}]")
_LUNAR_YEARS = 1440
_HIJRI_MARK = re.compile(r"\s*(?:هـ|ه|ھ|ہجری|ق)(?!ـ?\s*\.?\s*ش)")

# not inside a word ("mar" in "market"; Bengali "মে" in "নামে", after a vowel sign, which is
# no word character to regex)
_INDIC = char_class(INDIC)
_L, _R = rf"(?<![^\W\d_])(?<![{_INDIC}])", rf"(?![^\W\d_])(?![{_INDIC}])"
_Y = r"(?P<y>(?:19|20|25)\d\d)(?!\d)"  # 25xx: a Buddhist Era year
_M = rf"{_L}(?P<m>{MONTH})\.?{_R}"
_D = r"(?<!\d)(?P<d>\d{1,2})"
# A numeric date: one separator twice, not inside a longer run of numbers ("1.24.04.2026",
# "24/04/2026/5") nor before a time's colon
_NUMERIC = r"(?<![\d.:/-]){d}(?P<s>[-/.])(?P<m>\d{{1,2}})(?P=s){y}(?![\d:]|[./-]\d)"


@dataclass(frozen=True)
class _Form:
    pattern: re.Pattern[str]
    numeric: bool = False  # day and month by `day_and_month`
    listing: bool = False  # only where a listing writes it
    jalali: bool = False  # a Solar Hijri date (`_jalali`)


_SUFFIX = r"(?:st|nd|rd|th|er)?"  # 1st, 2nd, 1er
_FORMS = (
    # 2026. 12. 5. · 2026.12.05. (Korean: the closing dot is the date's, no sentence's end)
    _Form(re.compile(rf"(?<![\d.]){_Y}\.\s?(?P<m>\d{{1,2}})\.\s?(?P<d>\d{{1,2}})\.(?!\d)")),
    # 2026-04-24 · 2026/4/24
    _Form(re.compile(rf"(?<!\d){_Y}(?P<s>[-/.])(?P<m>\d{{1,2}})(?P=s)(?P<d>\d{{1,2}})(?!\d)")),
    # 24 April, 2026 · 28-April-2026 · 21st of October 2020 · ថ្ងៃទី២៤ ខែមេសា ឆ្នាំ២០២៦ ·
    # 3 de diciembre de 2026
    _Form(re.compile(
        rf"{_D}{_SUFFIX}\.?[\s,/.-]*(?:of\s+|de\s+|ខែ\s*)?{_M}[\s,/.-]*"
        rf"(?:de\s+|del\s+|ឆ្នាំ\s*|พ\.ศ\.\s*)?{_Y}", re.I
    )),
    # April 24, 2026 · Sept. 5th 2026
    _Form(re.compile(rf"{_M}[\s./-]*{_D}{_SUFFIX}(?!\d)[\s,./-]*{_Y}", re.I)),
    # 2026 жылғы 3 желтоқсан (Kazakh: the year, the day, the month)
    _Form(re.compile(rf"{_Y}\s*(?:жылғы|ж\.)\s*{_D}\s*{_M}", re.I)),
    # 2026 оны 12 сарын 3 (Mongolian: the year, the month's number, the day)
    _Form(re.compile(rf"{_Y}\s*оны\s*(?P<m>\d{{1,2}})\s*(?:дугаар|дүгээр|-?р)?\s*сарын\s*"
                     rf"(?P<d>\d{{1,2}})(?!\d)", re.I)),
    # ၂၀၂၆ ခုနှစ် ဒီဇင်ဘာ လ ၃ ရက် (Myanmar: the year, the month, the day)
    _Form(re.compile(rf"{_Y}\s*ခုနှစ်\s*[,၊]?\s*{_M}\s*(?:လ\s*)?{_D}\s*ရက်")),
    # 24/04/2026, 24.04.2026, 11/26/2026
    _Form(re.compile(_NUMERIC.format(d=_D, y=_Y)), numeric=True),
    # 24/04/26
    _Form(re.compile(_NUMERIC.format(d=_D, y=r"(?P<y>\d\d)")), numeric=True, listing=True),
    # 2026年4月24日 · 令和8年4月24日 (a Japanese era's year)
    _Form(re.compile(rf"(?:{_Y}|(?P<era>{'|'.join(JAPANESE_ERAS)})\s*(?P<ey>\d{{1,2}}|元))"
                     r"\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")),
    # 2026년 12월 5일 (Korean)
    _Form(re.compile(rf"{_Y}\s*년\s*(?P<m>\d{{1,2}})\s*월\s*(?P<d>\d{{1,2}})\s*일")),
    # 24 tháng 4 năm 2026 · 24 tháng 4, 2026
    _Form(re.compile(rf"{_D}\s+tháng\s+(?P<m>\d{{1,2}})(?:\s*,|\s+năm)?\s+{_Y}", re.I)),
    # ۲ آذر ۱۴۰۵ · ۱۴۰۵/۰۹/۰۲ (Solar Hijri, in Persian text only)
    _Form(re.compile(rf"{_D}\s*(?P<jm>{_JALALI_MONTH}){_R}\s*(?:ماه\s*)?(?P<jy>1[34]\d\d)(?!\d)"),
          jalali=True),
    _Form(re.compile(r"(?<![\d/])(?P<jy>1[34]\d\d)/(?P<jm>\d{1,2})/(?P<d>\d{1,2})(?![\d/])"),
          jalali=True),
)
_WEEKDAY_NUMBERS = {name: day for day, names in enumerate(WEEKDAY_NAMES) for name in names}
# "Tue, 11/10/2026": the weekday written before a date tells which number is the month
_WEEKDAY_BEFORE = re.compile(
    r"(?<![^\W\d_])(?P<w>{})\.?,?\s*$".format("|".join(sorted(_WEEKDAY_NUMBERS, key=len)[::-1])),
    re.I,
)


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str


def date_matches(
    text: str, *, month_first: bool | None = None, listing: bool = False
) -> Iterator[DateMatch]:
    """Every valid calendar date written in `text`, with its span (form by form, each in text
    order). `month_first` orders ambiguous numeric dates (see `day_and_month`); `listing`
    adds the form a listing writes (two-digit years)."""
    written, text = text, text.translate(ASCII_DIGITS)  # one for one: the spans stay
    if not _TWO_DIGITS.search(text):
        return
    for form in _FORMS:
        if form.listing and not listing:
            continue
        for m in form.pattern.finditer(text):
            if form.jalali:
                if found := _jalali(m, written):
                    yield found
                continue
            month = m["m"]
            d, y = int(m["d"]), _year(m)
            mo = int(month) if month.isdigit() else MONTHS[month.lower()]
            if y < 100:
                y += 2000 if y < 70 else 1900
            elif y > 2400:  # a Buddhist Era year, only in Thai ("3 March 2500 refugees" is not)
                if not _THAI.search(written, m.start(), m.end()):
                    continue
                y -= BUDDHIST_ERA
            if form.numeric:
                d, mo = day_and_month(d, mo, y, month_first, text=text, start=m.start(),
                                      separator=m["s"])  # fmt: skip
            try:
                yield DateMatch(m.start(), m.end(), Date(y, mo, d).isoformat())
            except ValueError:
                continue


def _jalali(m: re.Match[str], written: str) -> DateMatch | None:
    """A Solar Hijri date, in the Gregorian calendar (see `_LUNAR_YEARS` for which)."""
    if not _ARABIC_SCRIPT.search(written) or _HIJRI_MARK.match(written, m.end()):
        return None
    if m["jm"].isdigit() and int(m["jy"]) >= _LUNAR_YEARS:
        return None
    import jdatetime  # on first use: few pages write these dates

    month = int(m["jm"]) if m["jm"].isdigit() else JALALI_MONTHS[m["jm"]]
    try:
        day = jdatetime.date(int(m["jy"]), month, int(m["d"])).togregorian()
    except ValueError:
        return None
    return DateMatch(m.start(), m.end(), day.isoformat())


def _year(m: re.Match[str]) -> int:
    if era := m.groupdict().get("era"):
        return JAPANESE_ERAS[era] + (1 if m["ey"] == "元" else int(m["ey"]))
    return int(m["y"])


def first_date(
    text: str, *, month_first: bool | None = None, listing: bool = False
) -> str | None:
    """The first date written in `text` (as ISO YYYY-MM-DD), or None."""
    matches = date_matches(text, month_first=month_first, listing=listing)
    found = min(((m.start, m.end, m.iso) for m in matches), default=None)
    return found[2] if found else None


def parse_date(text: str, *, month_first: bool = False) -> str | None:
    """The first date of a release's text (normalised first: a soft hyphen or a no-break space
    inside a date does not hide it); ambiguous numeric dates day first unless `month_first`,
    as US pages write them."""
    return first_date(normalize(text), month_first=month_first)


# Every form writes a year of two digits or more: text without two digits in a row has no
# date, and is spared the forms' long alternations of month names
_TWO_DIGITS = re.compile(r"\d\d|年")  # ... or a Chinese or Japanese year: 令和8年1月5日


def without_dates(text: str) -> str:
    """`text` with every date of a release's forms blanked out, form by form (digits as
    written: translate Khmer and Thai ones first to blank their dates too)."""
    if not _TWO_DIGITS.search(text):
        return text
    for form in _FORMS:
        if not form.listing:
            text = form.pattern.sub(" ", text)
    return text


def leading_dates(text: str) -> list[int]:
    """Where a date of a release's forms written at the very start of `text` ends, per form
    that matches there (digits as written)."""
    found = (form.pattern.match(text) for form in _FORMS if not form.listing)
    return [m.end() for m in found if m]


def day_and_month(
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


@functools.lru_cache(maxsize=4)
def _numeric_dates(text: str, listing: bool) -> tuple[tuple[int, int, int], ...]:
    """(first, second, year) of each numeric date in `text`: a page's body is asked up to
    three times how it orders them, and scanned once."""
    text = text.translate(ASCII_DIGITS)
    return tuple(
        (int(match["d"]), int(match["m"]), int(match["y"]))
        for form in _FORMS
        if form.numeric and (listing or not form.listing)
        for match in form.pattern.finditer(text)
    )


def numeric_order(text: str, *, listing: bool = False) -> bool | None:
    """Whether a page writes numeric dates month first (True), day first (False), or gives no
    sign: counted on its dates only one reading allows (25/11/2026, 11/26/2026)."""
    votes: Counter[str] = Counter()
    for first, second, _ in _numeric_dates(text, listing):
        if 31 >= first > 12 >= second >= 1:
            votes["day"] += 1
        elif 31 >= second > 12 >= first >= 1:
            votes["month"] += 1
    if votes["month"] != votes["day"]:
        return votes["month"] > votes["day"]
    return None


_ISO_DAY = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/](\d\d)[-/](\d\d)(?!\d)")


def iso_days(values: Iterable[str]) -> set[str]:
    """The YYYY-MM-DD dates written for machines in `values` (attributes such as
    datetime="2026-12-03T13:21", a URL's /2026/12/03/ path)."""
    return {f"{y}-{m}-{d}" for v in values for y, m, d in _ISO_DAY.findall(v)}


def worded_days(text: str) -> set[str]:
    """The dates `text` writes with a month's name ("04 DECEMBER 2026"): one reading only."""
    out: set[str] = set()
    for match in date_matches(text):
        written = text[match.start : match.end]
        if any(c.isalpha() for c in written):
            out.add(match.iso)
    return out


def order_by_twins(text: str, machine: set[str]) -> bool | None:
    """Whether the text's ambiguous numeric dates (12/03/2026) are month first (True) or day
    first (False), told by the dates the page also writes for machines (`iso_days`) or in
    words (`worded_days`): each date whose one reading only is among them is a vote. None
    when they do not tell."""
    if not machine:
        return None
    votes: Counter[bool] = Counter()
    for first, second, year in _numeric_dates(text, False):
        year -= BUDDHIST_ERA if year > 2400 else 0
        if first == second or first > 12 or second > 12:
            continue  # one reading only: `numeric_order` counts these
        day_first = f"{year:04d}-{second:02d}-{first:02d}" in machine
        month_first = f"{year:04d}-{first:02d}-{second:02d}" in machine
        if day_first != month_first:
            votes[month_first] += 1
    return votes[True] > votes[False] if votes[True] != votes[False] else None


def page_month_first(text: str, lang: str, host: str, *, listing: bool = False) -> bool:
    """How to read 04/05/2015 on a page (a release or a listing): as its dates that only one
    reading allows do; failing that, month first on US pages and day first elsewhere."""
    by_dates = numeric_order(text, listing=listing)
    return month_first_by_default(lang, host) if by_dates is None else by_dates


def month_first_by_default(lang: str, host: str) -> bool:
    """Without dates that tell: US pages write 2/11/2026 for 11 February, the rest of the world
    the day first. US English (`lang` "en-US") or a US government host says US."""
    lang = lang.lower().replace("_", "-")
    return lang.endswith("-us") or host.lower().endswith((".gov", ".mil", ".us"))
