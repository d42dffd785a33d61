"""Counting words in any script: the one counter every stage uses."""

from __future__ import annotations

import re

from monitor.text.scripts import CJK, UNSPACED, char_class

# Scripts without spaces are measured by length: Khmer, Thai, Lao and Myanmar take about five
# code points to a word. Chinese and Japanese letters are counted six to a word, the measure
# discovery's thresholds were tuned with (a Chinese word is nearer two characters).
_CHARS_PER_WORD = 5
_CJK_CHARS_PER_WORD = 6
_UNSPACED = re.compile(f"[{char_class(UNSPACED)}]")
_UNSPACED_OR_CJK = re.compile(f"[{char_class(UNSPACED + CJK)}]")
_CJK = re.compile(f"[{char_class(CJK)}]")
_ALNUM = re.compile(r"[^\W_]")  # str.isalnum, as one regex search


# A line of this many words or more can be a sentence; fewer is a label, a byline, a kicker
SENTENCE_WORDS = 6


def word_count(text: str, *, cjk: bool = False) -> int:
    """About how many words `text` holds, in any script: spaced scripts by their words (not
    counting a lone "-" or "|"), Khmer, Thai, Lao and Myanmar runs by their length
    ("សារអបអរសាទរទិវាជាតិ" is several words, not one), and with `cjk` Chinese and Japanese
    runs too. Extraction counts those by spaces, as its thresholds were set: counting them by
    length changes the title of Chinese pages, a change of its own to make and measure."""
    measured = _UNSPACED_OR_CJK if cjk else _UNSPACED
    if not measured.search(text):  # the common case, in C
        return sum(1 for token in text.split() if _ALNUM.search(token))
    count = 0
    for token in text.split():
        unspaced = len(_UNSPACED.findall(token))
        letters = sum(1 for ch in _CJK.findall(token) if ch.isalpha()) if cjk else 0
        if unspaced or letters:
            count += max(1, round(unspaced / _CHARS_PER_WORD + letters / _CJK_CHARS_PER_WORD))
        elif _ALNUM.search(token):  # not "-" or "|"
            count += 1
    return count


# The marks that end a sentence, in every script the monitor reads. Each stage builds its
# patterns from these, so a script's mark added here is known everywhere.
FULL_STOPS = ".។៕။।॥።。"  # Latin, Khmer, Myanmar, Devanagari, Ethiopic, Chinese and Japanese
SENTENCE_MARKS = FULL_STOPS + "!?؟！？"  # with questions and exclamations (Arabic's too)
CJK_SENTENCE_MARKS = "。！？"  # the ones set with no space after them
# the marks of scripts other than Latin and Chinese or Japanese, each ending a sentence alone
OTHER_SENTENCE_MARKS = "".join(c for c in SENTENCE_MARKS if c not in ".!?" + CJK_SENTENCE_MARKS)
SENTENCE_ENDS = tuple(SENTENCE_MARKS)
_SPACED_MARKS = re.escape("".join(c for c in SENTENCE_MARKS if c not in CJK_SENTENCE_MARKS))
# a sentence's end inside a line: a mark before a space or the line's end, or a CJK mark
SENTENCE_END = re.compile(rf"[{_SPACED_MARKS}](?:\s|$)|[{CJK_SENTENCE_MARKS}]")
# a sentence's end at the end of a text, before the next one ("... off. 146 views")
SENTENCE_BEFORE = re.compile(rf"(?:[{_SPACED_MARKS}]\s+|[{CJK_SENTENCE_MARKS}]\s*)$")


def ends_sentence(text: str) -> bool:
    """Does the line end as a sentence does (a byline, a dateline, a label does not)?"""
    return text.rstrip().endswith(SENTENCE_ENDS)
