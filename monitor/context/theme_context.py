"""About or only mentions: whether a theme is the subject of a release, from where and how its
terms occur, not from which words surround them.

A release is *about* a theme when a term of it stands
- in the title (or in a line of the text that repeats the title), or
- in the lead (the first `LEAD` sentences of the text), not as one item of a list, or
- in several sentences of its own: at least 2 that are a tenth of the text, or at least 3 that
  are a twentieth (a section of a long synopsis).
Otherwise it only *mentions* the theme: one item of an enumeration ("health, education,
landmine clearance, food aid"), one line of a numbered list, a biography's or an aside's single
sentence in a long text on something else. Several terms in one sentence count as one sentence.

A sentence is a list where the term's clause is one of at least `LIST_ITEMS` short coordinated
items (split at commas, semicolons and the last "and"/"or"), or a short numbered or bulleted
line. Texts in scripts without spaces (Thai, Khmer) are measured in clauses: the runs between
their spaces, which is where those scripts end a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from monitor.context.theme_text import Sentence
from monitor.text.normalize import fold_for_matching
from monitor.text.scripts import UNSPACED_CHAR
from monitor.text.words import word_count

LEAD = 2  # sentences of the text that make its lead
LEAD_MIN_WORDS = 3  # shorter lines (a date, "Print") are not the lead
LIST_ITEMS = 3  # coordinated items that make a sentence a list
FIRST_ITEM_WORDS = 3  # the first piece holds the verb unless it is this short
ITEM_WORDS = 8  # an item longer than this is a clause of its own, not a list item
NUMBERED_WORDS = 15  # a numbered or bulleted line up to this long is a list item
SPREAD = ((2, 0.10), (3, 0.05))  # (sentences, share of the text) that make a theme the subject

_ENUMERATOR = re.compile(r"^\s*(?:\(?\d{1,3}[.)]|\(?[a-z][.)]|[-•*·–])\s")
_SEPARATOR = re.compile(r"\s*[,;:]\s*(?:(?:and|or|as well as)\s+)?")
_FINAL_AND = re.compile(r"\s+(?:and|or|as well as)\s+")


@dataclass(frozen=True)
class Hit:
    """Where a theme's term was found: sentence index and character span in it."""

    sentence: int
    start: int
    end: int
    support: bool


@dataclass(frozen=True)
class Prominence:
    about: bool
    reason: str  # "title", "lead", "spread", or why not: "list item", "aside"


def prominence(sentences: list[Sentence], hits: Iterable[Hit]) -> Prominence:
    strong = [h for h in hits if not h.support]
    if not strong:
        return Prominence(False, "support terms only")
    title = fold_for_matching(" ".join(s.text for s in sentences if s.in_title))
    body = [i for i, s in enumerate(sentences) if not s.in_title and not _repeats(s, title)]
    titled = (sentences[h.sentence] for h in strong)
    if any(s.in_title or _repeats(s, title) for s in titled):
        return Prominence(True, "title")
    units = _units(sentences, body)
    real = [u for u in units if u.words >= LEAD_MIN_WORDS]
    lead_units = (real or units)[:LEAD]  # a text of one short line is all lead
    listed = [h for h in strong if _is_list_item(sentences[h.sentence].text, h.start, h.end)]
    plain = [h for h in strong if h not in listed]
    if any(u in lead_units for h in plain for u in _units_of(units, h)):
        return Prominence(True, "lead")
    hit_units = {_units_of(units, h)[0] for h in plain if _units_of(units, h)}
    total = max(1, len([u for u in units if u.words >= LEAD_MIN_WORDS]))
    for count, share in SPREAD:
        if len(hit_units) >= count and len(hit_units) / total >= share:
            return Prominence(True, "spread")
    return Prominence(False, "list item" if listed and not plain else "aside")


@dataclass(frozen=True)
class _Unit:
    sentence: int
    start: int
    end: int
    words: int


def _units(sentences: list[Sentence], body: list[int]) -> list[_Unit]:
    """Sentences of the text; in scripts without spaces, the clauses between spaces."""
    out = []
    for i in body:
        text = sentences[i].text
        if not UNSPACED_CHAR.search(text):
            out.append(_Unit(i, 0, len(text), word_count(text)))
            continue
        for m in re.finditer(r"\S+(?:\s\S{1,3}(?=\s|$))*", text):  # short runs stay with a clause
            out.append(_Unit(i, m.start(), m.end(), word_count(m.group())))
    return out


def _units_of(units: list[_Unit], hit: Hit) -> list[_Unit]:
    """The units a hit lies in (a Khmer term may span a space)."""
    end = max(hit.end, hit.start + 1)
    return [u for u in units if u.sentence == hit.sentence and u.start < end and hit.start < u.end]


def _repeats(sentence: Sentence, title: str) -> bool:
    """A line of the text that repeats the title (pages often print it twice)."""
    text = fold_for_matching(sentence.text)
    return len(text) >= 20 and bool(title) and (text in title or title in text)


def _is_list_item(text: str, start: int, end: int) -> bool:
    """The term stands as one short item of a list (at least three items, two of them parted
    by commas or semicolons), or on a short numbered line. The first piece of a sentence holds
    its verb, so it is an item only when it is as short as a bare noun phrase."""
    if _ENUMERATOR.match(text) and word_count(text) <= NUMBERED_WORDS:
        return True
    items = _items(text)
    if len(items) < LIST_ITEMS:
        return False
    short = [
        (a, b) for n, (a, b) in enumerate(items)
        if word_count(text[a:b]) <= (FIRST_ITEM_WORDS if n == 0 else ITEM_WORDS)
    ]  # fmt: skip
    mine = [(a, b) for a, b in items if a <= start < b or a < end <= b]
    return len(short) * 2 > len(items) and bool(mine) and set(mine) <= set(short)


def _items(text: str) -> list[tuple[int, int]]:
    """Spans of the pieces between commas and semicolons, the last one split at "and"/"or"."""
    pieces = []
    position = 0
    for m in _SEPARATOR.finditer(text):
        pieces.append((position, m.start()))
        position = m.end()
    pieces.append((position, len(text)))
    if len(pieces) < LIST_ITEMS:  # "A and B, C" is a clause and a phrase, not a list
        return pieces
    a, b = pieces[-1]
    last = _FINAL_AND.search(text, a, b)
    if last:
        pieces[-1:] = [(a, last.start()), (last.end(), b)]
    return [(a, b) for a, b in pieces if text[a:b].strip()]
