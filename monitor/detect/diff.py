"""Word-level diff of two versions of a release, so a reader sees exactly which words changed.

Paragraphs are aligned first and edited paragraphs are paired with their old selves by
similarity (not shown as one removed and one added); inside a pair, sentences are aligned and
only the changed ones are diffed word by word. Scripts written without spaces (Khmer, Thai, Lao,
Myanmar, CJK) are compared by character cluster instead, or one changed word would show as
the whole sentence replaced.

Pure functions, no I/O. Input is normalised text (NFC, single spaces), as `textnorm` makes it;
the whitespace around paragraphs and between unchanged sentences is not compared.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

Op = Literal["equal", "delete", "insert"]
HunkKind = Literal["changed", "added", "removed", "moved"]

# Paragraphs or sentences at least this similar (fuzz.ratio on their words, 0-100) count as one
# edited item rather than one removed and one added. Unrelated sentences of the same release
# share "the", "of", "ASEAN" and score up to about 35, so the bar sits well above that.
PAIR_THRESHOLD = 50.0
MAX_PAIRING = 40_000  # similarity comparisons allowed in one replaced stretch

CONTEXT_CHARS = 100  # how much of a neighbouring unchanged sentence a hunk shows
LONG_EQUAL = 240  # unchanged stretches inside a changed sentence longer than this are elided
KEEP_EQUAL = 90  # characters kept on each side of such an elision
MOVED_PREVIEW = 160  # a moved paragraph is named, not repeated in full

_DEL_STYLE = "color:#b00020;text-decoration:line-through;background:#fde7e9"
_INS_STYLE = "color:#05652d;text-decoration:none;background:#e6f4ea"
_CONTEXT_STYLE = "color:#5f6368"


# --- records -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    op: Op
    text: str


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
                    deleted += _count_words(seg.text)
                elif seg.op == "insert":
                    inserted += _count_words(seg.text)
        return DiffStats(deleted, inserted)

    def render_text(self) -> str:
        """Plain text like `git diff --word-diff`: [-removed-] {+inserted+}; a blank line
        between hunks. Empty when nothing changed."""
        return "\n\n".join(_hunk_text(h) for h in self.hunks)

    def render_html(self) -> str:
        """Inline-styled HTML for email. Everything is escaped: the text is untrusted."""
        if not self.hunks:
            return ""
        body = "\n".join(_hunk_html(h) for h in self.hunks)
        return f'<div class="diff" style="line-height:1.5">\n{body}\n</div>'


# --- public entry points -------------------------------------------------------------------


def diff_paragraphs(old: Sequence[str], new: Sequence[str]) -> TextDiff:
    """Diff two versions given as paragraphs; pass the title as the first one."""
    old_p = [p.strip() for p in old if p.strip()]
    new_p = [p.strip() for p in new if p.strip()]
    if old_p == new_p:
        return TextDiff()
    codes = _Codes()
    items = _align(codes.encode(old_p), codes.encode(new_p), _similarity(old_p, new_p))
    items = _mark_moves(items, old_p, new_p)
    return TextDiff(tuple(_paragraph_hunks(items, old_p, new_p)))


def diff_texts(old: str, new: str) -> TextDiff:
    """Diff two texts whose paragraphs are separated by blank lines."""
    return diff_paragraphs(_blank_line_paragraphs(old), _blank_line_paragraphs(new))


def split_sentences(text: str) -> tuple[str, ...]:
    """The sentences of one paragraph.

    Abbreviations ("Nov. 15", "H.E.", "U.N.", initials) and decimals do not end a sentence;
    Khmer "។", Devanagari "।" and CJK "。" do. Text without any such mark is one sentence.
    """
    return tuple(text[a:b] for a, b, _ in _sentence_spans(text))


# --- paragraphs ----------------------------------------------------------------------------

# An aligned item, in the order of the new text: ("equal", i, j); ("pair", i, j) for an edited
# item; ("delete", i, None); ("insert", None, j); ("moved", i, j).
Item = tuple[str, int | None, int | None]


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
        ctx_before = _tail(split_sentences(before)[-1]) if before else ""
        ctx_after = _head(split_sentences(after)[0]) if after else ""
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


# --- alignment -----------------------------------------------------------------------------


class _Codes:
    """Gives each distinct item (paragraph, sentence, word) one character, so that rapidfuzz
    aligns and scores plain strings, which is many times faster than lists of strings."""

    def __init__(self) -> None:
        self._codes: dict[str, str] = {}

    def encode(self, items: Sequence[str]) -> str:
        out = []
        for item in items:
            code = self._codes.get(item)
            if code is None:
                n = len(self._codes) + 0x100
                code = self._codes[item] = chr(n if n < 0xD800 else n + 0x800)  # no surrogates
            out.append(code)
        return "".join(out)


def _align(old: str, new: str, similarity: Callable[[int, int], float]) -> list[Item]:
    """LCS alignment of two encoded sequences, then the best order-keeping pairing of the
    replaced items in each gap. `similarity(i, j)` scores old[i] against new[j]."""
    items: list[Item] = []
    for tag, i1, i2, j1, j2 in _blocks(old, new):
        if tag == "equal":
            items.extend(("equal", i1 + k, j1 + k) for k in range(i2 - i1))
        else:
            items.extend(_pair_block(i1, i2, j1, j2, similarity))
    return items


def _similarity(old: Sequence[str], new: Sequence[str]) -> Callable[[int, int], float]:
    """fuzz.ratio of old[i] and new[j] over their words, or character clusters in Khmer or
    Thai, where a whole paragraph may be one "word"; each text is split once."""
    codes = _Codes()
    o_cache: dict[int, str] = {}
    n_cache: dict[int, str] = {}

    def score(i: int, j: int) -> float:
        if i not in o_cache:
            o_cache[i] = codes.encode(_words(old[i]))
        if j not in n_cache:
            n_cache[j] = codes.encode(_words(new[j]))
        return fuzz.ratio(o_cache[i], n_cache[j], score_cutoff=PAIR_THRESHOLD)

    return score


def _blocks(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    """Indel (LCS) opcodes, each run of inserts and deletes merged into one change block."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in Indel.opcodes(old, new):
        if op.tag == "equal":
            out.append(("equal", op.src_start, op.src_end, op.dest_start, op.dest_end))
        elif out and out[-1][0] == "change":
            _, i1, _, j1, _ = out[-1]
            out[-1] = ("change", i1, op.src_end, j1, op.dest_end)
        else:
            out.append(("change", op.src_start, op.src_end, op.dest_start, op.dest_end))
    return out


def _pair_block(
    i1: int, i2: int, j1: int, j2: int, similarity: Callable[[int, int], float]
) -> list[Item]:
    """Pair old[i1:i2] with new[j1:j2] in order, maximising the summed similarity; the rest
    are deletions (listed first) and insertions. Past MAX_PAIRING comparisons (a release
    rewritten from end to end) everything is shown as removed and added."""
    i0, j0, n, m = i1, j1, i2 - i1, j2 - j1
    sim = [[0.0] * m for _ in range(n)]
    if n * m <= MAX_PAIRING:
        for a in range(n):
            for b in range(m):
                s = similarity(i0 + a, j0 + b)
                sim[a][b] = s if s >= PAIR_THRESHOLD else 0.0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]  # best[a][b]: old[a:] with new[b:]
    for a in range(n - 1, -1, -1):
        for b in range(m - 1, -1, -1):
            take = sim[a][b] + best[a + 1][b + 1] if sim[a][b] else 0.0
            best[a][b] = max(take, best[a + 1][b], best[a][b + 1])
    pairs: list[tuple[int, int]] = []
    a = b = 0
    while a < n and b < m:
        if sim[a][b] and best[a][b] == sim[a][b] + best[a + 1][b + 1]:
            pairs.append((a, b))
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1
    items: list[Item] = []
    a = b = 0
    for pa, pb in [*pairs, (n, m)]:
        items.extend(("delete", i0 + k, None) for k in range(a, pa))
        items.extend(("insert", None, j0 + k) for k in range(b, pb))
        if pa < n:
            items.append(("pair", i0 + pa, j0 + pb))
        a, b = pa + 1, pb + 1
    return items


# --- sentences -----------------------------------------------------------------------------


def _sentence_hunks(old: str, new: str) -> Iterator[Hunk]:
    """Hunks for an edited paragraph: each run of changed sentences, with the unchanged
    sentences on either side as context."""
    o_spans, n_spans = _sentence_spans(old), _sentence_spans(new)
    o_text = [old[a:b] for a, b, _ in o_spans]
    n_text = [new[a:b] for a, b, _ in n_spans]
    codes = _Codes()
    items = _align(codes.encode(o_text), codes.encode(n_text), _similarity(o_text, n_text))
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
                segments += _token_segments(o_text[i], n_text[j])
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
            _tidy(segments),
            _tail(n_text[prev_j]) if prev_j is not None else "",
            _head(n_text[next_j]) if next_j is not None else "",
        )


_LATIN_END = r"[.!?…]+[\"”’'»)\]*]*(?=\s)"
_OTHER_END = r"[。！？]+[」』）》\"”’]*|[។៕।॥؟။።]"
_SPACES = re.compile(r"\s*")
_END = re.compile(f"(?P<latin>{_LATIN_END})|(?P<other>{_OTHER_END})")
# Words that end in "." without ending a sentence ("Sen" is left out: Samdech Hun Sen).
_ABBREVIATIONS = frozenset(
    {
        *("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
        *("mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "no", "nos", "vol", "art"),
        *("para", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "rep", "hon", "amb"),
        *("pres", "dept", "approx", "fig", "ref", "tel"),
    }
)
_LABEL = re.compile(r"\(?(?:\d{1,3}|[A-Za-z]|[IVXivx]{1,5})\)?")  # "12." "a." "IV." opening an item
# Dotted abbreviations in any alphabet: H.E, U.N, e.g, a.m, Ph.D, Thai ส.ค
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")


def _sentence_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, whitespace that follows) for each sentence; never empty for text."""
    spans: list[tuple[int, int, str]] = []
    start = _SPACES.match(text).end()
    for m in _END.finditer(text):
        end = m.end()
        if end <= start:
            continue
        nxt = _SPACES.match(text, end).end()
        if nxt >= len(text):
            break
        if m.group("latin"):
            if (
                text[nxt].islower()
                or _abbreviation_before(text, m.start(), m.group("latin"))
                or (m.start() - start < 8 and _LABEL.fullmatch(text, start, m.start()))
            ):
                continue
        elif text[m.start()] == "។" and (
            text.startswith("ល។", end) or text[max(0, m.start() - 2) : m.start()] == "។ល"
        ):
            continue  # "។ល។" is "etc.", not the end of a sentence
        spans.append((start, end, text[end:nxt]))
        start = nxt
    end = len(text.rstrip())
    if end > start:
        spans.append((start, end, ""))
    return spans


def _abbreviation_before(text: str, pos: int, mark: str) -> bool:
    if not mark.startswith(".") or mark.startswith(".."):
        return False  # "!", "?", "..." end a sentence whatever precedes them
    begin = pos
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    word = text[begin:pos].lstrip("([{\"“‘'*")
    if not word:
        return False
    if word.lower() in _ABBREVIATIONS or _DOTTED.fullmatch(word):
        return True
    return len(word) == 1 and word.isalpha()  # an initial: "Antonio G. Guterres"


# --- words and characters ------------------------------------------------------------------

# Scripts written without spaces between words: diffed by character cluster.
_NO_SPACE_RANGES = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x0F00, 0x0FFF),  # Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x19E0, 0x19FF),  # Khmer symbols
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3000, 0x9FFF),  # CJK punctuation, kana, ideographs
    (0xA9E0, 0xA9FF),  # Myanmar extended-B
    (0xAA60, 0xAA7F),  # Myanmar extended-A
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF00, 0xFFEF),  # full-width forms
    (0x20000, 0x3FFFF),  # CJK extensions
)
_NO_SPACE = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _NO_SPACE_RANGES)
_NO_SPACE_CHAR = re.compile(f"[{_NO_SPACE}]")
# A word of a spaced script; "UN’s", "1.5", "10,000", "16:30" stay one word.
_WORD = rf"[^\W{_NO_SPACE}]+(?:(?:['’]|(?<=[0-9])[.,:](?=[0-9]))[^\W{_NO_SPACE}]+)*"
_TOKEN = re.compile(rf"(?P<word>{_WORD})|\S")
_STACKERS = "\u17d2\u1039"  # Khmer coeng, Myanmar virama: the next consonant joins the cluster
_JOINERS = "\u200c\u200d"


def _no_space(ch: str) -> bool:
    return _NO_SPACE_CHAR.match(ch) is not None


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M" or ch in _JOINERS


def _word_char(ch: str) -> bool:
    return (ch.isalnum() or _is_mark(ch)) and not _no_space(ch)


def _tokens(text: str) -> list[tuple[int, int]]:
    """Spans of words, numbers, single punctuation marks and, in scripts without spaces,
    single character clusters (a base letter with its marks and stacked consonants)."""
    spans: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(text):
        a, b = m.span()
        if (
            spans
            and spans[-1][1] == a
            and not text[a].isascii()
            and (
                _is_mark(text[a])  # a vowel sign or other mark belongs to what precedes it
                or text[a - 1] in _STACKERS  # a consonant stacked under the previous one
                or (m.lastgroup == "word" and _is_mark(text[a - 1]))  # Devanagari word goes on
            )
        ):
            spans[-1] = (spans[-1][0], b)
        else:
            spans.append((a, b))
    return spans


def _token_texts(text: str) -> list[str]:
    return [text[a:b] for a, b in _tokens(text)]


def _words(text: str) -> list[str]:
    """Words for scoring similarity: a plain split, unless the text has no-space script."""
    return _token_texts(text) if _NO_SPACE_CHAR.search(text) else text.split()


def _token_segments(old: str, new: str) -> list[Segment]:
    """Diff one sentence against its edited self, token by token (LCS).

    Exact both ways: the equal and deleted segments spell `old`, the equal and inserted ones
    `new`, spaces included (a space added inside Thai or Khmer text is a change).
    """
    o_spans, n_spans = _tokens(old), _tokens(new)
    codes = _Codes()
    o_keys = codes.encode([old[a:b] for a, b in o_spans])
    n_keys = codes.encode([new[a:b] for a, b in n_spans])

    def start(text: str, spans: list[tuple[int, int]], k: int) -> int:
        return spans[k][0] if k < len(spans) else len(text)

    segments: list[Segment] = []
    o_pos = n_pos = 0  # how much of each text the segments already spell
    for tag, i1, i2, j1, j2 in _blocks(o_keys, n_keys):
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


def _tidy(segments: list[Segment]) -> tuple[Segment, ...]:
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


def _count_words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


# --- rendering -----------------------------------------------------------------------------


def _hunk_text(hunk: Hunk) -> str:
    if hunk.kind == "moved":
        body = "(moved here) " + _head(hunk.new_text, MOVED_PREVIEW)
    else:
        body = "".join(_mark_text(s) for s in shown_segments(hunk))
    sep = "\n" if hunk.paragraph else " "
    return sep.join(x for x in (hunk.context_before, body, hunk.context_after) if x)


def _mark_text(seg: Segment) -> str:
    if seg.op == "equal":
        return seg.text
    left, right = ("[-", "-]") if seg.op == "delete" else ("{+", "+}")
    return _wrap(seg.text, lambda core: left + core + right)


def _hunk_html(hunk: Hunk) -> str:
    if hunk.kind == "moved":
        body = "<em>(moved here)</em> " + _esc(_head(hunk.new_text, MOVED_PREVIEW))
    else:
        body = "".join(_mark_html(s) for s in shown_segments(hunk))
    before, after = _esc(hunk.context_before), _esc(hunk.context_after)
    if hunk.paragraph:
        lines = [f'<div style="{_CONTEXT_STYLE}">{before}</div>'] if before else []
        lines.append(f"<div>{body}</div>")
        if after:
            lines.append(f'<div style="{_CONTEXT_STYLE}">{after}</div>')
        return f'<div style="margin:0 0 1em">{"".join(lines)}</div>'
    parts = [f'<span style="{_CONTEXT_STYLE}">{before}</span>'] if before else []
    parts.append(body)
    if after:
        parts.append(f'<span style="{_CONTEXT_STYLE}">{after}</span>')
    return f'<p style="margin:0 0 1em">{" ".join(parts)}</p>'


def _mark_html(seg: Segment) -> str:
    if seg.op == "equal":
        return _esc(seg.text)
    tag, style = ("del", _DEL_STYLE) if seg.op == "delete" else ("ins", _INS_STYLE)
    return _wrap(seg.text, lambda core: f'<{tag} style="{style}">{_esc(core)}</{tag}>')


def _wrap(text: str, mark: Callable[[str], str]) -> str:
    """Mark a change, leaving its outer whitespace and paragraph breaks outside the marks."""
    core = text.strip()
    if not core:
        return mark(text)
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return lead + "\n\n".join(mark(p) for p in core.split("\n\n")) + trail


def _esc(text: str) -> str:
    return html.escape(text, quote=True).replace("\n", "<br>")


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
                text = _tail(text, KEEP_EQUAL)
            elif k == last:
                text = _head(text, KEEP_EQUAL)
            else:
                text = _head(text, KEEP_EQUAL) + " " + _tail(text, KEEP_EQUAL)
        shown.append(Segment(seg.op, text))
    return shown


def _head(text: str, limit: int = CONTEXT_CHARS) -> str:
    """The start of text, cut at a space when one is near, marked with "…"."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit * 2 // 3:
        cut = cut[:space]
    while cut and _is_mark(text[len(cut)]):
        cut = cut[:-1]  # do not strand a base letter's vowel sign
    return cut.rstrip() + "…"


def _tail(text: str, limit: int = CONTEXT_CHARS) -> str:
    """The end of text, cut at a space when one is near, marked with "…"."""
    if len(text) <= limit:
        return text
    cut = text[-limit:]
    space = cut.find(" ")
    if 0 <= space < limit // 3:
        cut = cut[space + 1 :]
    while cut and _is_mark(cut[0]):
        cut = cut[1:]
    return "…" + cut.lstrip()


def _blank_line_paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
