"""Paragraph filters: the chrome that sits inside article containers and survives main-text
extraction. A bare date or clock, a visitor counter, a share bar or a cookie notice goes; a
byline loses its view counter and its buttons, as a counter that changes must not look like
an edit of the statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from monitor.text.calendar_names import WEEKDAYS
from monitor.text.dates import parse_date, without_dates
from monitor.text.normalize import normalize
from monitor.text.scripts import ASCII_DIGITS
from monitor.text.words import SENTENCE_BEFORE, SENTENCE_WORDS, ends_sentence, word_count

from .vocabulary import (
    ACTIONS,
    AGO_AFTER,
    AGO_BEFORE,
    BYLINE_WORDS,
    COOKIE_ASKS,
    COOKIE_WORDS,
    COUNTER_LABELS,
    COUNTS_AFTER_NUMBER,
    DATE_LABELS,
    READ_VERBS,
    RELATIVE_DAYS,
    RELATIVE_UNITS,
    REVISION_LABELS,
    SHARE_WORDS,
    TAG_LABELS,
    TIMES,
    UNSPACED_BYLINE_WORDS,
    UNSPACED_DATE_LABELS,
    VIEWS_AFTER_NUMBER,
    VIEWS_LABELS,
    alternatives,
)

# a Japanese, Chinese or Korean clock: 15時21分33秒, 9时30分, 15시 21분
CJK_CLOCK = r"(?<!\d)[0-2]?\d\s*[時时시]\s*(?:[0-5]?\d\s*[分분]\s*(?:[0-5]?\d\s*[秒초])?)?"
# 16:35, 4:35 pm, and the French and Portuguese 16h35
_TIME = re.compile(
    rf"(?<!\d)[0-2]?\d[:h][0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?(?![\d])|{CJK_CLOCK}", re.I
)
# Khmer words end in combining signs, where \b does not work: they go outside the \b group
_DATE_LABELS = re.compile(
    rf"\b(?:{alternatives(WEEKDAYS, DATE_LABELS)})\b|{alternatives(UNSPACED_DATE_LABELS)}", re.I
)
# groups of thousands set apart by a space, or a narrow one: "1 234", "2 348 680"
_THOUSANDS = r"(?:[ \u00a0\u202f]\d{3})*"
# "Visitors: 1,204 | Today: 312", "1,377 views", "1 minute read - 37 words", "Popularité : 43 %"
_COUNTER = re.compile(
    rf"(?:[\s|·•/:,–—-]*(?:[\d.,]+\s*)?(?:{alternatives(COUNTER_LABELS)})[\s:：=]*"
    rf"(?:[\d.,]+{_THOUSANDS}(?:\s*%)?)?)+"
    r"[\s|·•/–—-]*",
    re.I,
)
_UNITS = alternatives(RELATIVE_UNITS)
# "3 hours ago", "il y a 2 jours", "yesterday": blanked like a date (digits in ASCII first)
RELATIVE_TIME = re.compile(
    rf"(?<!\w)(?:(?:{alternatives(AGO_BEFORE)})\s+(?:\d+|an?|une?)\s*(?:{_UNITS})"
    rf"|(?:\d+|an?|one)\s*(?:{_UNITS})\s*(?:{alternatives(AGO_AFTER)})"
    rf"|{alternatives(RELATIVE_DAYS)})(?!\w)",
    re.I,
)
_SHARE_WORDS = re.compile(alternatives(SHARE_WORDS, [r"[|/·•:,+-]"]), re.I)
_COOKIE = re.compile(alternatives(COOKIE_WORDS), re.I)
_COOKIE_ASK = re.compile(alternatives(COOKIE_ASKS), re.I)
_HAS_LETTER = re.compile(r"[^\W\d_]")
# "Tags: ASEAN, UN", "Filed under:HealthRefugees": the site's topics, not the statement
_TAG_LINE = re.compile(rf"\s*(?:{alternatives(TAG_LABELS)})\s*[:：]", re.I)
_TAG_WORDS = 20
# what is left of a byline whose date sat in an element of its own: "Date:", "Published on:"
_LABEL_ALONE = re.compile(r"[^|\d:：]{1,30}[:：]\s*")


def _is_chrome(paragraph: str) -> bool:
    """True for a paragraph that is page furniture wherever it appears: a bare date or clock,
    a visitor counter, a share bar, a cookie notice, a list of tags, a lone number or
    ornament."""
    text = paragraph.translate(ASCII_DIGITS)
    if (tags := _TAG_LINE.match(text)) and not ends_sentence(text):
        return word_count(text[tags.end() :]) <= _TAG_WORDS
    if not _HAS_LETTER.search(text):
        # "1234567", "***", "|": counters, page numbers and ornaments; table rows keep digits
        return not ("|" in text and any(c.isdigit() for c in text)) or len(text) < 3
    if len(text) <= 120:
        without = without_dates(_TIME.sub(" ", RELATIVE_TIME.sub(" ", text)))
        labels = _DATE_LABELS.sub(" ", without)
        if not _HAS_LETTER.search(labels) and (without != text or _LABEL_ALONE.fullmatch(text)):
            return True  # a date or clock with its labels, or a date's label left alone
        if _COUNTER.fullmatch(text.strip()) and any(c.isdigit() for c in text):
            return True
        counted = without != text and _COUNTER.fullmatch(labels.strip())
        if counted and any(map(str.isdigit, labels)):
            return True  # a date and a counter: "Dec 2, 2026 · 3 min read · Page updated"
        if not _HAS_LETTER.search(_SHARE_WORDS.sub(" ", text)):
            return True
    return bool(len(text) <= 400 and _COOKIE.search(text) and _COOKIE_ASK.search(text))


# a count: "1,234", "1.234", "1 234"
_NUMBER = rf"\d(?:[\d.,]*\d)?{_THOUSANDS}(?![.,]?\d)"
_VIEWS_LABEL = alternatives(VIEWS_LABELS)
_TIMES = alternatives(TIMES)
# One counter in a byline: "Views: 505", "Hits 1234", "1,234 views", "Read 52 times",
# "ចំនួនអ្នកមើល ១០១៥". ("1,234 visitors" without a label first is prose, not a counter.) A
# label may follow a date's last dot ("2026.12.05.조회 3,434": spans set side by side).
_VIEWS = re.compile(
    rf"(?:^|(?<=[\s|·•/;,(\[])|(?<=\.)(?=[^\d\s]))[(\[]?\s*(?:"
    rf"(?:{_VIEWS_LABEL})(?:\s*[:：=]\s*|\s*(?!(?:19|20)\d\d(?!\d)))"  # not "views 2026"
    rf"{_NUMBER}(?:\s*(?:{_TIMES}))?"
    rf"|{_NUMBER}\s*(?:{alternatives(VIEWS_AFTER_NUMBER)})"
    rf"|(?:{alternatives(READ_VERBS)})\s*[:：]?\s*{_NUMBER}\s*(?:{_TIMES})"
    rf")\s*[)\]]?(?=\s*(?:\.?$|[|·•/;,]|\s[-–—]\s))",
    re.I,
)
_COUNTED = re.compile(
    rf"(?<![\w.,]){_NUMBER}\s*(?:{alternatives(COUNTS_AFTER_NUMBER)})(?!\w)", re.I
)
_READ_TIMES = re.compile(
    rf"(?:{alternatives(READ_VERBS)})\s*[:：]?\s*{_NUMBER}\s*(?:{_TIMES})(?!\w)", re.I
)


def counts_or_tells_time(line: str) -> bool:
    """A post's meta line: "8 days ago", "3 min read", "9 comments" (digits in ASCII). A
    sentence that says "yesterday" or "3 days ago" is the statement's, unless it begins as a
    byline does ("Posted 2 days ago by the Spokesperson.")."""
    if _COUNTED.search(line) is not None:
        return True
    if RELATIVE_TIME.search(line) is None:
        return False
    sentence = ends_sentence(line) and word_count(line) >= SENTENCE_WORDS
    # "Posted 2 days ago by …", "This page was last updated 3 days ago."
    return not sentence or _BYLINE_START.match(line) is not None or _POSTED.search(line) is not None


def changes_by_itself(line: str) -> bool:
    """Does the line count or tell time relative to the fetch ("Sok Dara · 8 days ago • 1 min
    read", "This page has been viewed 1,234 times.")? Its next fetch may read otherwise."""
    digits = line.translate(ASCII_DIGITS)
    return counts_or_tells_time(digits) or any(p.search(digits) for p in (_VIEWS, _READ_TIMES))


_META_SEPARATORS = re.compile(r"(?:\s*[|·•/;,–—-]\s*)+$|^(?:\s*[|·•/;,–—-]\s*)+")
_SEPARATED = re.compile(r"\s[|·•]\s|\s[|·•]$|\s[-–—]\s")
_BYLINE_WORDS = re.compile(
    rf"\b(?:{alternatives(WEEKDAYS, BYLINE_WORDS)})\b|{alternatives(UNSPACED_BYLINE_WORDS)}", re.I
)


_BYLINE_START = re.compile(rf"\W*(?:{alternatives(BYLINE_WORDS)})\b", re.I)
_POSTED = re.compile(rf"\b(?:{alternatives(REVISION_LABELS, ('posted', 'published'))})\b", re.I)


def _without_counters(paragraph: str) -> str:
    """A byline or date line without its view counter: "Date: 25/11/2026 | Views: 505" keeps
    "Date: 25/11/2026", as a counter that changes must not look like an edit. Only short
    lines lose a counter: what is left must be a date, a byline or a line the counter was set
    apart from by a separator or a sentence's end ("Comments are turned off. 146 views"),
    never a sentence that counts ("The page had 146 views.")."""
    found = _VIEWS.search(paragraph) if len(paragraph) <= 160 else None
    if found is None:
        return paragraph
    before, after = paragraph[: found.start()], paragraph[found.end() :]
    if SENTENCE_BEFORE.search(before) and not after.strip(" ."):
        return before.rstrip()  # a counter of its own after a sentence: "… off. 146 views"
    rest = _VIEWS.sub(" ", paragraph)
    rest = _META_SEPARATORS.sub("", normalize(rest))
    rest = re.sub(r"(?:\s*[|·•]\s*){2,}", " | ", rest)
    if not rest or not _HAS_LETTER.search(rest):
        return rest
    words = word_count(rest)
    if words > 14 or (words > 4 and ends_sentence(rest)):
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
_ACTIONS = re.compile(alternatives(ACTIONS), re.I)


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
