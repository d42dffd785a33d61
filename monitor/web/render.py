"""Pure helpers that turn store records into what templates show: diff pieces, highlighted
search terms, safe links. No HTML is built here: templates escape every piece of text, so a
hostile title or body can only ever render as text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from monitor.context.search import match_spans
from monitor.detect.diff import TextDiff, diff_paragraphs, shown_segments

_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_WORD = re.compile(r"\w{2,}", re.UNICODE)


@dataclass(frozen=True)
class Piece:
    """A run of text and what happened to it: equal, delete or insert (or hit / plain)."""

    op: str
    text: str


@dataclass(frozen=True)
class HunkView:
    kind: str  # changed / added / removed / moved
    paragraph: bool
    before: str
    pieces: tuple[Piece, ...]
    after: str


@dataclass(frozen=True)
class DiffView:
    hunks: tuple[HunkView, ...]
    words_deleted: int
    words_inserted: int


def compare(old: tuple[str, str], new: tuple[str, str]) -> DiffView:
    """Word diff of two versions given as (title, body); the title counts as a paragraph."""
    diff: TextDiff = diff_paragraphs(_paragraphs(*old), _paragraphs(*new))
    hunks = tuple(
        HunkView(
            kind=h.kind,
            paragraph=h.paragraph,
            before=h.context_before,
            pieces=tuple(Piece(s.op, s.text) for s in shown_segments(h)),
            after=h.context_after,
        )
        for h in diff.hunks
    )
    stats = diff.stats
    return DiffView(hunks, stats.words_deleted, stats.words_inserted)


def _paragraphs(title: str, body: str) -> list[str]:
    return [title, *(p for p in body.split("\n\n") if p.strip())]


def paragraphs(body: str) -> list[str]:
    return [p for p in body.split("\n\n") if p.strip()]


def highlight(text: str, query: str) -> list[Piece]:
    """Split text into plain and "hit" pieces where the query occurs, as search finds it (the
    phrase, else each word; case and accents folded)."""
    pieces: list[Piece] = []
    pos = 0
    for start, end in match_spans(text, query):
        if start > pos:
            pieces.append(Piece("plain", text[pos:start]))
        pieces.append(Piece("hit", text[start:end]))
        pos = end
    if pos < len(text) or not pieces:
        pieces.append(Piece("plain", text[pos:]))
    return pieces


def safe_href(url: str | None) -> str | None:
    """Only http(s) addresses become links: a stored `javascript:` URL stays text."""
    if not url:
        return None
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def lang_attr(language: str | None) -> str | None:
    """A BCP 47-looking tag for `lang=`, or None (then the page's own language applies)."""
    return language if language and _LANG.match(language) else None
