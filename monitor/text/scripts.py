"""The writing systems the monitor reads, as data: the characters that carry no words, the
scripts written without spaces between words, and their digits.

Every stage asks here whether a character is Khmer, invisible or a digit of another script, so
a range corrected or a script added is one edit (`tests/test_layout.py` keeps it that way).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# --- characters that carry no words ------------------------------------------------------------

ZERO_WIDTH_SPACE = "\u200b"  # Khmer's optional word separator: a rendering hint, not text
ZWNJ, ZWJ = "\u200c", "\u200d"  # zero-width non-joiner and joiner: they part or bind letters
JOINERS = ZWNJ + ZWJ
# Invisible characters: soft hyphen, zero-width space, the joiners, the bidi marks LRM and RLM,
# word joiner and BOM. Dropping them never changes a word.
INVISIBLE = "\u00ad" + ZERO_WIDTH_SPACE + JOINERS + "\u200e\u200f\u2060\ufeff"

# --- scripts ------------------------------------------------------------------------------------

Ranges = tuple[tuple[int, int], ...]  # first and last code point of each block

KHMER: Ranges = ((0x1780, 0x17FF), (0x19E0, 0x19FF))  # letters; lunar-date symbols
THAI: Ranges = ((0x0E00, 0x0E7F),)
LAO: Ranges = ((0x0E80, 0x0EFF),)
MYANMAR: Ranges = ((0x1000, 0x109F), (0xAA60, 0xAA7F))  # and extended-A
MYANMAR_EXTENDED_B: Ranges = ((0xA9E0, 0xA9FF),)
TIBETAN: Ranges = ((0x0F00, 0x0FFF),)
ARABIC: Ranges = ((0x0600, 0x06FF),)  # Arabic, Persian, Urdu
# Devanagari to Sinhala: scripts whose vowel signs regex counts as no word character
INDIC: Ranges = ((0x0900, 0x0DFF),)
CJK: Ranges = (
    (0x2E80, 0x2FDF),  # radicals
    (0x3000, 0x9FFF),  # punctuation, kana, ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFF00, 0xFFEF),  # full-width forms
    (0x20000, 0x3FFFF),  # extensions
)
# Khmer, Thai, Lao and Myanmar write words without spaces between them (a space there ends a
# phrase): their text is measured, matched and searched by characters. The search index's
# triggers are built from these ranges (monitor/store/schema.py): a change to them changes
# that SQL, and wants a migration of its own.
UNSPACED: Ranges = KHMER + THAI + LAO + MYANMAR
# With Tibetan, Chinese and Japanese: the scripts a diff compares by character cluster.
UNSPACED_OR_CJK: Ranges = UNSPACED + MYANMAR_EXTENDED_B + TIBETAN + CJK
# Scripts of one language each: the statement's language is the script's (Khmer first).
SCRIPT_LANGUAGES: tuple[tuple[str, Ranges], ...] = (
    ("km", KHMER), ("th", THAI), ("lo", LAO), ("my", MYANMAR),
)  # fmt: skip
# Letters of the spaced alphabets besides ASCII: Latin-1 to Latin Extended-B, Greek,
# Cyrillic, Latin Extended Additional (Vietnamese)
SPACED_LETTERS: Ranges = ((0x00C0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x04FF), (0x1E00, 0x1EFF))

COENG = "\u17d2"  # Khmer: the next consonant is written below this one, in one cluster
STACKERS = COENG + "\u1039"  # and the Myanmar virama, which does the same
# Thai and Lao vowels written before the consonant they follow in speech
LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")


def char_class(ranges: Iterable[tuple[int, int]]) -> str:
    """The ranges as the inside of a regex character class (first-last pairs, no brackets)."""
    return "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in ranges)


def in_ranges(ch: str, ranges: Ranges) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in ranges)


KHMER_CHARS = char_class(KHMER)
UNSPACED_CHARS = char_class(UNSPACED)
UNSPACED_CHAR = re.compile(f"[{UNSPACED_CHARS}]")

# --- digits -------------------------------------------------------------------------------------

KHMER_DIGITS = "០១២៣៤៥៦៧៨៩"
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
LAO_DIGITS = "໐໑໒໓໔໕໖໗໘໙"
MYANMAR_DIGITS = "၀၁၂၃၄၅၆၇၈၉"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"  # Persian and Urdu
DEVANAGARI_DIGITS = "०१२३४५६७८९"
FULLWIDTH_DIGITS = "０１２３４５６７８９"  # Chinese and Japanese text
# Every script's decimal digits (those above, Bengali ৩, Gurmukhi, Tibetan, Mongolian ...) as
# ASCII ones, one character for one (positions in a text stay)
ASCII_DIGITS = {
    code: str(unicodedata.digit(chr(code)))
    for code in range(0x80, 0x10000)
    if unicodedata.category(chr(code)) == "Nd"
}
