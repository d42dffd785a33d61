"""Text normalisation: one base, two purposes.

`normalize` is the stored and compared form, so that a version changes only when its words
change: markup-only edits (re-indented HTML, `&nbsp;` for a space, an entity instead of the
character, a word wrapped in <b>, NFD instead of NFC, a soft hyphen) must not look like an edit.
`fold_for_matching` goes further for finding terms: case, dash and apostrophe variants and the
digits of other scripts compare equal. Both drop the same invisible characters
(`monitor.text.scripts.INVISIBLE`).
"""

from __future__ import annotations

import unicodedata

from monitor.text.scripts import ASCII_DIGITS, INVISIBLE

_DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))


def normalize(text: str) -> str:
    """One line of comparable text: NFC, no invisible characters, single spaces, stripped.

    Every Unicode space (no-break, thin, ideographic, ...) and every line break becomes one
    space, so use `paragraphs` when the line breaks matter.
    """
    text = unicodedata.normalize("NFC", text.translate(_DROP_INVISIBLE))
    return " ".join(text.split())


def paragraphs(text: str) -> tuple[str, ...]:
    """Split text on line breaks into normalised, non-empty paragraphs (one per line)."""
    return tuple(p for p in map(normalize, text.splitlines()) if p)


DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# Character by character (lengths kept): dashes as "-", apostrophes as "'", every decimal digit
# (Khmer ១២, Thai ๑๒) as ASCII, invisible characters out.
MATCHING_FOLD: dict[int, str | None] = {ord(c): "-" for c in DASHES}
MATCHING_FOLD.update(_DROP_INVISIBLE)
MATCHING_FOLD.update({ord(c): "'" for c in "\u2018\u2019\u02bc\u2032"})
MATCHING_FOLD.update(ASCII_DIGITS)


def fold_for_matching(text: str) -> str:
    """`normalize`d, then case-folded, with `MATCHING_FOLD` applied: "De–mining ១២" and
    "de-mining 12" compare equal. For finding terms and similar releases, never for storing."""
    return normalize(text).translate(MATCHING_FOLD).casefold()
