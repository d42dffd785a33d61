"""Aligning two sequences (paragraphs, sentences, words) for the diff: LCS, then pairing.

The items of each side are coded one character each, so rapidfuzz aligns and scores plain
strings; what is replaced in each gap is paired by similarity, order kept.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapidfuzz.distance import Indel

# Paragraphs or sentences at least this similar (fuzz.ratio on their words, 0-100) count as one
# edited item rather than one removed and one added. Unrelated sentences of the same release
# share "the", "of", "ASEAN" and score up to about 35, so the bar sits well above that.
PAIR_THRESHOLD = 50.0
MAX_PAIRING = 40_000  # similarity comparisons allowed in one replaced stretch

# An aligned item, in the order of the new text: ("equal", i, j); ("pair", i, j) for an edited
# item; ("delete", i, None); ("insert", None, j); ("moved", i, j).
Item = tuple[str, int | None, int | None]


class Codes:
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


def align(old: str, new: str, similarity: Callable[[int, int], float]) -> list[Item]:
    """LCS alignment of two encoded sequences, then the best order-keeping pairing of the
    replaced items in each gap. `similarity(i, j)` scores old[i] against new[j]."""
    items: list[Item] = []
    for tag, i1, i2, j1, j2 in blocks(old, new):
        if tag == "equal":
            items.extend(("equal", i1 + k, j1 + k) for k in range(i2 - i1))
        else:
            items.extend(_pair_block(i1, i2, j1, j2, similarity))
    return items


def blocks(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
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
