"""One sentence against its edited self, word by word: the diff's finest grain.

Scripts written without spaces between words (Khmer, Thai, Lao, Myanmar, CJK) are compared by
character cluster (a base letter with its marks and stacked consonants) instead, or one changed
word would show as the whole sentence replaced.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from monitor.detect.align import Codes, blocks
from monitor.text.scripts import JOINERS, STACKERS, UNSPACED_OR_CJK, char_class

Op = Literal["equal", "delete", "insert"]


@dataclass(frozen=True)
class Segment:
    """A piece of a diff: text both versions share, or text deleted or inserted."""

    op: Op
    text: str


# Scripts written without spaces between words: diffed by character cluster.
_NO_SPACE = char_class(UNSPACED_OR_CJK)
_NO_SPACE_CHAR = re.compile(f"[{_NO_SPACE}]")
# A word of a spaced script; "UN’s", "1.5", "10,000", "16:30" stay one word.
_WORD = rf"[^\W{_NO_SPACE}]+(?:(?:['’]|(?<=[0-9])[.,:](?=[0-9]))[^\W{_NO_SPACE}]+)*"
# ... and a number in another script's digits ("១២០" in Khmer text) is one token, not a
# cluster a digit
_TOKEN = re.compile(rf"(?P<word>{_WORD})|(?P<number>\d+(?:[.,:]\d+)*)|\S")


def _no_space(ch: str) -> bool:
    return _NO_SPACE_CHAR.match(ch) is not None


def is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M" or ch in JOINERS


def _word_char(ch: str) -> bool:
    return (ch.isalnum() or is_mark(ch)) and not _no_space(ch)


def _tokens(text: str) -> list[tuple[int, int]]:
    """Spans of words, numbers (in any digits), single punctuation marks and, in scripts
    without spaces, single character clusters (a base letter with its marks and stacked
    consonants)."""
    spans: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        a, b = m.span()
        if (
            spans
            and spans[-1][1] == a
            and not text[a].isascii()
            and (
                is_mark(text[a])  # a vowel sign or other mark belongs to what precedes it
                or text[a - 1] in STACKERS  # a consonant stacked under the previous one
                or (m.lastgroup == "word" and is_mark(text[a - 1]))  # Devanagari word goes on
            )
        ):
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def _token_texts(text: str) -> list[str]:
    return [text[a:b] for a, b in _tokens(text)]


def words(text: str) -> list[str]:
    """Words for scoring similarity: a plain split, unless the text has no-space script."""
    return _token_texts(text) if _NO_SPACE_CHAR.search(text) else text.split()


def token_segments(old: str, new: str) -> list[Segment]:
    """Diff one sentence against its edited self, token by token (LCS).

    Exact both ways: the equal and deleted segments spell `old`, the equal and inserted ones
    `new`, spaces included (a space added inside Thai or Khmer text is a change).
    """
    o_spans, n_spans = _tokens(old), _tokens(new)
    codes = Codes()
    o_keys = codes.encode([old[a:b] for a, b in o_spans])
    n_keys = codes.encode([new[a:b] for a, b in n_spans])

    def start(text: str, spans: list[tuple[int, int]], k: int) -> int:
        return spans[k][0] if k < len(spans) else len(text)

    segments: list[Segment] = []
    o_pos = n_pos = 0  # how much of each text the segments already spell
    for tag, i1, i2, j1, j2 in blocks(o_keys, n_keys):
        if tag == "equal":
            for (oa, ob), (na, nb) in zip(o_spans[i1:i2], n_spans[j1:j2], strict=True):
                if old[o_pos:oa] != new[n_pos:na]:
                    segments += [Segment("delete", old[o_pos:oa]), Segment("insert", new[n_pos:na])]
                    n_pos = na
                segments.append(Segment("equal", new[n_pos:nb]))
                o_pos, n_pos = ob, nb
            continue
        o_gap = old[o_pos : start(old, o_spans, i1)]
        n_gap = new[n_pos : start(new, n_spans, j1)]
        shared = o_gap == n_gap
        if shared:  # the space before the change is kept; a deleted or added word takes
            # the space after it instead, so the next unchanged word keeps its spacing
            segments.append(Segment("equal", n_gap))
            o_pos, n_pos = o_pos + len(o_gap), n_pos + len(n_gap)
        if i1 < i2:
            o_end = start(old, o_spans, i2) if shared and j1 == j2 else o_spans[i2 - 1][1]
            segments.append(Segment("delete", old[o_pos:o_end]))
            o_pos = o_end
        if j1 < j2:
            n_end = start(new, n_spans, j2) if shared and i1 == i2 else n_spans[j2 - 1][1]
            segments.append(Segment("insert", new[n_pos:n_end]))
            n_pos = n_end
    if old[o_pos:] == new[n_pos:]:
        segments.append(Segment("equal", new[n_pos:]))
    else:
        segments += [Segment("delete", old[o_pos:]), Segment("insert", new[n_pos:])]
    return segments


def tidy(segments: list[Segment]) -> tuple[Segment, ...]:
    """Merge neighbours, deletions before insertions, and fold tiny unchanged scraps between
    two changes (one shared vowel sign in a Khmer word) into the change, as readers expect."""
    groups: list[list[str]] = []  # ["equal", text] or ["change", deleted, inserted]
    for seg in segments:
        if not seg.text:
            continue
        if seg.op == "equal":
            if groups and groups[-1][0] == "equal":
                groups[-1][1] += seg.text
            else:
                groups.append(["equal", seg.text])
        else:
            if not groups or groups[-1][0] != "change":
                groups.append(["change", "", ""])
            groups[-1][1 if seg.op == "delete" else 2] += seg.text
    changed = True
    while changed:
        changed = False
        for g in range(1, len(groups) - 1):
            prev, eq, nxt = groups[g - 1], groups[g], groups[g + 1]
            if eq[0] != "equal" or prev[0] != "change" or nxt[0] != "change":
                continue
            size = len(eq[1])
            if (
                any(_word_char(c) for c in eq[1])
                or size > max(len(prev[1]), len(prev[2]))
                or size > max(len(nxt[1]), len(nxt[2]))
            ):
                continue
            groups[g - 1 : g + 2] = [["change", prev[1] + eq[1] + nxt[1], prev[2] + eq[1] + nxt[2]]]
            changed = True
            break
    out: list[Segment] = []
    for group in groups:
        if group[0] == "equal":
            out.append(Segment("equal", group[1]))
        else:
            out += [Segment(op, t) for op, t in (("delete", group[1]), ("insert", group[2])) if t]
    return tuple(out)

