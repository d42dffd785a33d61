"""Text normalisation, so that a version changes only when its words change.

Markup-only edits (re-indented HTML, `&nbsp;` for a space, an entity instead of the character,
a word wrapped in <b>, NFD instead of NFC, a soft hyphen) must not look like an edit.
"""

from __future__ import annotations

import re
import unicodedata

# Invisible characters that carry no words: soft hyphen, zero-width space / non-joiner / joiner,
# word joiner, BOM, and the bidi marks LRM/RLM. Khmer uses U+200B as an optional word separator;
# it is a rendering hint, not text, so dropping it for comparison is safe.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f"))


def normalize(text: str) -> str:
    """One line of comparable text: NFC, no invisible characters, single spaces, stripped.

    Every Unicode space (no-break, thin, ideographic, ...) and every line break becomes one
    space, so use `paragraphs` when the line breaks matter.
    """
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    return " ".join(text.split())


def paragraphs(text: str) -> tuple[str, ...]:
    """Split text on line breaks into normalised, non-empty paragraphs (one per line)."""
    return tuple(p for p in map(normalize, text.splitlines()) if p)


# Khmer, Thai, Lao and Myanmar write words without spaces between them (a space there ends a
# phrase): their text is measured by characters, about five code points to a word.
UNSPACED = ((0x1780, 0x17FF), (0x19E0, 0x19FF), (0x0E00, 0x0E7F), (0x0E80, 0x0EFF),
            (0x1000, 0x109F), (0xAA60, 0xAA7F))  # fmt: skip
_CHARS_PER_WORD = 5


UNSPACED_CHAR = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in UNSPACED) + "]")
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
