"""Counting words in any script."""

from __future__ import annotations

import re

from monitor.text.scripts import UNSPACED_CHAR

# Khmer, Thai, Lao and Myanmar runs are measured by length: about five code points to a word.
_CHARS_PER_WORD = 5
_ALNUM = re.compile(r"[^\W_]")  # str.isalnum, as one regex search


def word_count(text: str) -> int:
    """About how many words `text` holds, in any script: spaced scripts by their words (not
    counting a lone "-" or "|"), Khmer, Thai, Lao and Myanmar runs by their length
    ("សារអបអរសាទរទិវាជាតិ" is several words, not one)."""
    if not UNSPACED_CHAR.search(text):  # the common case, in C
        return sum(1 for token in text.split() if _ALNUM.search(token))
    count = 0
    for token in text.split():
        unspaced = len(UNSPACED_CHAR.findall(token))
        if unspaced:
            count += max(1, round(unspaced / _CHARS_PER_WORD))
        elif _ALNUM.search(token):  # not "-" or "|"
            count += 1
    return count
