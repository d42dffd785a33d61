"""Cutting a window out of a sentence for display, at word boundaries.

Evidence sentences are shown cut around the matched term; "…ment of the Ministry of Foreign Aff…"
reads as a typo and a half-word cannot be searched for. A cut moves inwards to the nearest space
(or Khmer's zero-width word separator) and is marked with an ellipsis. Scripts written without
spaces have no such boundary near the cut: there it only avoids splitting a written character.
"""

from __future__ import annotations

import re
import unicodedata

from monitor.text.scripts import COENG, ZERO_WIDTH_SPACE, ZWJ

ELLIPSIS = "…"
SLACK = 30  # characters a cut may move inwards to reach a word boundary
_BOUNDARY = re.compile(f"[\\s{ZERO_WIDTH_SPACE}]+")


def clip(text: str, start: int, end: int, keep: tuple[int, int] | None = None) -> str:
    """text[start:end] with both cuts moved to word boundaries and marked with "…".

    `keep` (a span inside the window, the matched term) is never cut into.
    """
    start, end = max(0, start), min(len(text), end)
    if start >= end:
        return ""
    if start > 0 and not _BOUNDARY.match(text, start - 1):
        limit = min(end, start + SLACK, keep[0] if keep else end)
        gap = _BOUNDARY.search(text, start, limit)
        if gap:
            start = gap.end()
        while start < limit and _inside_cluster(text, start):
            start += 1
    if end < len(text) and not _BOUNDARY.match(text, end):
        floor = max(start, end - SLACK, keep[1] if keep else start)
        gaps = [m for m in _BOUNDARY.finditer(text, floor, end)]
        if gaps:
            end = gaps[-1].start()
        while end > floor and _inside_cluster(text, end):
            end -= 1
    window = text[start:end].strip()
    return (ELLIPSIS if start > 0 else "") + window + (ELLIPSIS if end < len(text) else "")


def _inside_cluster(text: str, i: int) -> bool:
    """Would a cut before text[i] split a written character (a vowel sign or subscript from
    its consonant, as in Khmer)?"""
    return unicodedata.category(text[i]).startswith("M") or text[i - 1] in _JOINERS


_JOINERS = COENG + ZWJ  # both join the next letter on
