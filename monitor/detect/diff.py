"""Word-level diff of two versions of a release, so a reader sees exactly which words changed.

Paragraphs are aligned first and edited paragraphs are paired with their old selves by
similarity (not shown as one removed and one added); inside a pair, sentences are aligned and
only the changed ones are diffed word by word. Scripts written without spaces (Khmer, Thai, Lao,
Myanmar, CJK) are compared by character cluster instead, or one changed word would show as
the whole sentence replaced.

Pure functions, no I/O. Input is normalised text (NFC, single spaces), as `textnorm` makes it;
the whitespace around paragraphs and between unchanged sentences is not compared. Alignment is
in `align`, sentences in `sentences`, words and character clusters in `wordiff`; the diff as
text is here (`TextDiff.render_text`), as HTML in `digest/diffhtml.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from monitor.detect.align import PAIR_THRESHOLD, Codes, Item, align
from monitor.detect.sentences import sentence_spans, split_sentences
from monitor.detect.wordiff import Segment, is_mark, tidy, token_segments, words
from monitor.text.words import word_count

HunkKind = Literal["changed", "added", "removed", "moved"]

CONTEXT_CHARS = 100  # how much of a neighbouring unchanged sentence a hunk shows
LONG_EQUAL = 240  # unchanged stretches inside a changed sentence longer than this are elided
KEEP_EQUAL = 90  # characters kept on each side of such an elision
MOVED_PREVIEW = 160  # a moved paragraph is named, not repeated in full


# --- records -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hunk:
    """One changed stretch: a run of changed sentences, or whole paragraphs added, removed or
    moved (`paragraph` True). The contexts are neighbouring text, truncated, not the change."""

    kind: HunkKind
    segments: tuple[Segment, ...]
    context_before: str = ""
    context_after: str = ""
    paragraph: bool = False

    @property
    def old_text(self) -> str:
        """The changed stretch as it was (for "moved", the paragraph)."""
        return "".join(s.text for s in self.segments if s.op != "insert")

    @property
    def new_text(self) -> str:
        """The changed stretch as it is now."""
        return "".join(s.text for s in self.segments if s.op != "delete")


@dataclass(frozen=True)
class DiffStats:
    """Words (whitespace-separated pieces holding a letter or digit) removed and added.

    A punctuation-only edit changes no words; a moved paragraph counts as neither.
    """

    words_deleted: int = 0
    words_inserted: int = 0


@dataclass(frozen=True)
class TextDiff:
    hunks: tuple[Hunk, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.hunks

    @property
    def stats(self) -> DiffStats:
        deleted = inserted = 0
        for hunk in self.hunks:
            if hunk.kind == "moved":
                continue
            for seg in hunk.segments:
                if seg.op == "delete":
                    deleted += word_count(seg.text)
                elif seg.op == "insert":
                    inserted += word_count(seg.text)
        return DiffStats(deleted, inserted)

    def render_text(self) -> str:
        """Plain text like `git diff --word-diff`: [-removed-] {+inserted+}; a blank line
        between hunks. Empty when nothing changed."""
        return "\n\n".join(_hunk_text(h) for h in self.hunks)



# --- public entry points -------------------------------------------------------------------


def diff_paragraphs(old: Sequence[str], new: Sequence[str]) -> TextDiff:
    """Diff two versions given as paragraphs; pass the title as the first one."""
    old_p = [p.strip() for p in old if p.strip()]
    new_p = [p.strip() for p in new if p.strip()]
    if old_p == new_p:
        return TextDiff()
    codes = Codes()
    items = align(codes.encode(old_p), codes.encode(new_p), _similarity(old_p, new_p))
    items = _mark_moves(items, old_p, new_p)
    return TextDiff(tuple(_paragraph_hunks(items, old_p, new_p)))


def diff_texts(old: str, new: str) -> TextDiff:
    """Diff two texts whose paragraphs are separated by blank lines."""
    return diff_paragraphs(_blank_line_paragraphs(old), _blank_line_paragraphs(new))


# --- paragraphs ----------------------------------------------------------------------------


def _paragraph_hunks(items: list[Item], old: list[str], new: list[str]) -> Iterator[Hunk]:
    k = 0
    while k < len(items):
        kind, i, j = items[k]
        if kind == "equal":
            k += 1
            continue
        if kind == "pair":
            assert i is not None and j is not None
            yield from _sentence_hunks(old[i], new[j])
            k += 1
            continue
        start = k
        k += 1
        if kind != "moved":  # a run of paragraphs that were (or are) next to each other
            while k < len(items) and items[k][0] == kind and _follows(items[k - 1], items[k]):
                k += 1
        before = _neighbour(items, new, range(start - 1, -1, -1))
        after = _neighbour(items, new, range(k, len(items)))
        ctx_before = tail(split_sentences(before)[-1]) if before else ""
        ctx_after = head(split_sentences(after)[0]) if after else ""
        if kind == "moved":
            assert j is not None
            seg = Segment("equal", new[j])
            yield Hunk("moved", (seg,), ctx_before, ctx_after, paragraph=True)
        elif kind == "delete":
            text = "\n\n".join(old[i] for _, i, _ in items[start:k] if i is not None)
            yield Hunk("removed", (Segment("delete", text),), ctx_before, ctx_after, True)
        else:
            text = "\n\n".join(new[j] for _, _, j in items[start:k] if j is not None)
            yield Hunk("added", (Segment("insert", text),), ctx_before, ctx_after, True)


def _follows(a: Item, b: Item) -> bool:
    ia, ja, ib, jb = a[1], a[2], b[1], b[2]
    if ia is not None and ib is not None:
        return ib == ia + 1
    return ja is not None and jb is not None and jb == ja + 1


def _neighbour(items: list[Item], new: list[str], order: range) -> str:
    """The nearest paragraph of the new text in the given direction."""
    for k in order:
        j = items[k][2]
        if j is not None:
            return new[j]
    return ""


def _mark_moves(items: list[Item], old: list[str], new: list[str]) -> list[Item]:
    """A paragraph deleted in one place and inserted verbatim in another was moved."""
    deleted: dict[str, list[int]] = {}
    for k, (kind, i, _) in enumerate(items):
        if kind == "delete" and i is not None:
            deleted.setdefault(old[i], []).append(k)
    if not deleted:
        return items
    out = list(items)
    dropped: set[int] = set()
    for k, (kind, _, j) in enumerate(items):
        if kind == "insert" and j is not None and deleted.get(new[j]):
            d = deleted[new[j]].pop(0)
            dropped.add(d)
            out[k] = ("moved", items[d][1], j)
    return [item for k, item in enumerate(out) if k not in dropped]


def _similarity(old: Sequence[str], new: Sequence[str]) -> Callable[[int, int], float]:
    """fuzz.ratio of old[i] and new[j] over their words, or character clusters in Khmer or
    Thai, where a whole paragraph may be one "word"; each text is split once."""
    codes = Codes()
    o_cache: dict[int, str] = {}
    n_cache: dict[int, str] = {}

    def score(i: int, j: int) -> float:
        if i not in o_cache:
            o_cache[i] = codes.encode(words(old[i]))
        if j not in n_cache:
            n_cache[j] = codes.encode(words(new[j]))
        return fuzz.ratio(o_cache[i], n_cache[j], score_cutoff=PAIR_THRESHOLD)

    return score


# --- sentences -----------------------------------------------------------------------------


def _sentence_hunks(old: str, new: str) -> Iterator[Hunk]:
    """Hunks for an edited paragraph: each run of changed sentences, with the unchanged
    sentences on either side as context."""
    o_spans, n_spans = sentence_spans(old), sentence_spans(new)
    o_text = [old[a:b] for a, b, _ in o_spans]
    n_text = [new[a:b] for a, b, _ in n_spans]
    codes = Codes()
    items = align(codes.encode(o_text), codes.encode(n_text), _similarity(o_text, n_text))
    k = 0
    while k < len(items):
        if items[k][0] == "equal":
            k += 1
            continue
        start = k
        while k < len(items) and items[k][0] != "equal":
            k += 1
        segments: list[Segment] = []
        last_i: int | None = None
        last_j: int | None = None
        for _, i, j in items[start:k]:
            # the whitespace between this sentence and the previous one of the run, per side
            o_gap = o_spans[last_i][2] if i is not None and last_i is not None else ""
            n_gap = n_spans[last_j][2] if j is not None and last_j is not None else ""
            if o_gap == n_gap:
                segments.append(Segment("equal", n_gap))
            else:
                segments += [Segment("delete", o_gap), Segment("insert", n_gap)]
            if i is not None and j is not None:
                segments += token_segments(o_text[i], n_text[j])
            elif i is not None:
                segments.append(Segment("delete", o_text[i]))
            elif j is not None:
                segments.append(Segment("insert", n_text[j]))
            last_i = i if i is not None else last_i
            last_j = j if j is not None else last_j
        tags = {tag for tag, _, _ in items[start:k]}
        kind: HunkKind = (
            "removed" if tags == {"delete"} else "added" if tags == {"insert"} else "changed"
        )
        prev_j = items[start - 1][2] if start else None
        next_j = items[k][2] if k < len(items) else None
        yield Hunk(
            kind,
            tidy(segments),
            tail(n_text[prev_j]) if prev_j is not None else "",
            head(n_text[next_j]) if next_j is not None else "",
        )


# --- rendering -----------------------------------------------------------------------------


def _hunk_text(hunk: Hunk) -> str:
    if hunk.kind == "moved":
        body = "(moved here) " + head(hunk.new_text, MOVED_PREVIEW)
    else:
        body = "".join(_mark_text(s) for s in shown_segments(hunk))
    sep = "\n" if hunk.paragraph else " "
    return sep.join(x for x in (hunk.context_before, body, hunk.context_after) if x)


def _mark_text(seg: Segment) -> str:
    if seg.op == "equal":
        return seg.text
    left, right = ("[-", "-]") if seg.op == "delete" else ("{+", "+}")
    return wrap(seg.text, lambda core: left + core + right)


def wrap(text: str, mark: Callable[[str], str]) -> str:
    """Mark a change, leaving its outer whitespace and paragraph breaks outside the marks."""
    core = text.strip()
    if not core:
        return mark(text)
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return lead + "\n\n".join(mark(p) for p in core.split("\n\n")) + trail


def shown_segments(hunk: Hunk) -> list[Segment]:
    """The segments as shown: long unchanged stretches inside a sentence run are elided."""
    if hunk.paragraph:
        return list(hunk.segments)
    shown: list[Segment] = []
    last = len(hunk.segments) - 1
    for k, seg in enumerate(hunk.segments):
        text = seg.text
        if seg.op == "equal" and len(text) > LONG_EQUAL:
            if k == 0:
                text = tail(text, KEEP_EQUAL)
            elif k == last:
                text = head(text, KEEP_EQUAL)
            else:
                text = head(text, KEEP_EQUAL) + " " + tail(text, KEEP_EQUAL)
        shown.append(Segment(seg.op, text))
    return shown


def head(text: str, limit: int = CONTEXT_CHARS) -> str:
    """The start of text, cut at a space when one is near, marked with "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 2 // 3:
        cut = cut[:space]
    while cut and is_mark(text[len(cut)]):
        cut = cut[:-1]  # do not strand a base letter's vowel sign
    return cut.rstrip() + "…"


def tail(text: str, limit: int = CONTEXT_CHARS) -> str:
    """The end of text, cut at a space when one is near, marked with "…"."""
    if len(text) <= limit:
        return text
    cut = text[-limit:]
    space = cut.find(" ")
    if 0 <= space < limit // 3:
        cut = cut[space + 1 :]
    while cut and is_mark(cut[0]):
        cut = cut[1:]
    return "…" + cut.lstrip()


def _blank_line_paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
