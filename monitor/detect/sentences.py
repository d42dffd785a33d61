"""A paragraph's sentences, for the diff: an edited paragraph is shown sentence by sentence."""

from __future__ import annotations

import re

from monitor.text.calendar_names import MONTH_ABBREVIATIONS
from monitor.text.words import CJK_SENTENCE_MARKS, OTHER_SENTENCE_MARKS


def split_sentences(text: str) -> tuple[str, ...]:
    """The sentences of one paragraph.

    Abbreviations ("Nov. 15", "H.E.", "U.N.", initials) and decimals do not end a sentence;
    Khmer "។", Devanagari "।" and CJK "。" do. Text without any such mark is one sentence.
    """
    return tuple(text[a:b] for a, b, _ in sentence_spans(text))


_LATIN_END = r"[.!?…]+[\"”’'»)\]*]*(?=\s)"
_OTHER_END = rf"[{CJK_SENTENCE_MARKS}]+[」』）》\"”’]*|[{OTHER_SENTENCE_MARKS}]"
_SPACES = re.compile(r"\s*")
_END = re.compile(f"(?P<latin>{_LATIN_END})|(?P<other>{_OTHER_END})")
# Words that end in "." without ending a sentence ("Sen" is left out: Samdech Hun Sen).
_ABBREVIATIONS = frozenset(
    {
        *MONTH_ABBREVIATIONS,
        *("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "no", "nos", "vol", "art"),
        *("para", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "rep", "hon", "amb"),
        *("pres", "dept", "approx", "fig", "ref", "tel"),
    }
)
_LABEL = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[IVXivx]{1,5})\)?")  # "12." "a." "IV." opening an item
# Dotted abbreviations in any alphabet: H.E, U.N, e.g, a.m, Ph.D, Thai ส.ค
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")


def sentence_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, whitespace that follows) for each sentence; never empty for text."""
    spans: list[tuple[int, int, str]] = []
    start = _SPACES.match(text).end()
    for m in _END.finditer(text):
        end = m.end()
        if end <= start:
            continue
        nxt = _SPACES.match(text, end).end()
        if nxt >= len(text):
            break
        if m.group("latin"):
            if (
                text[nxt].islower()
                or _abbreviation_before(text, m.start(), m.group("latin"))
                or (m.start() - start < 8 and _LABEL.fullmatch(text, start, m.start()))
            ):
                continue
        elif text[m.start()] == "។" and (
            text.startswith("ល។", end) or text[max(0, m.start() - 2) : m.start()] == "។ល"
        ):
            continue  # "។ល។" is "etc.", not the end of a sentence
        spans.append((start, end, text[end:nxt]))
        start = nxt
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end, ""))
    return spans


def _abbreviation_before(text: str, pos: int, mark: str) -> bool:
    if not mark.startswith(".") or mark.startswith(".."):
        return False  # "!", "?", "..." end a sentence whatever precedes them
    begin = pos
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    word = text[begin:pos].lstrip("([{\"“‘'*")
    if not word:
        return False
    if word.lower() in _ABBREVIATIONS or _DOTTED.fullmatch(word):
        return True
    return len(word) == 1 and word.isalpha()  # an initial: "Antonio G. Guterres"
