"""Text normalisation, so that a version changes only when its words change.

Markup-only edits (re-indented HTML, `&nbsp;` for a space, an entity instead of the character,
a word wrapped in <b>, NFD instead of NFC, a soft hyphen) must not look like an edit.
"""

from __future__ import annotations

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
