"""A source's boilerplate: what is on many of its releases and says who published a release,
not what it is about (a letterhead, a sign-off, a dateline, a "Cabinet Meeting Synopsis" title,
the same opening formula). Related releases leave it out before comparing, so two releases of
one source on different events are not related by their template. Two kinds, both learned from
the source's own releases as they arrive:

- *Template lines*: a line of text (once normalised) on `LINE_MIN_DOCS` or more of the
  source's releases: "202 North 9th Street", "For media inquiries only, contact:", an "About
  the Ministry" paragraph. Whole lines recur on releases by their template, seldom by their
  subject, so they are told apart from the third release on; the index leaves them out of a
  release's features.
- *Boilerplate features*: the words, names and numbers on a share of the source's releases,
  weighed down in the score. From its 12th release on, a feature on a fifth of its latest
  releases weighs less, on half of them nothing; before that, only what is on every one of its
  releases (from the third: the speaker's name, the dateline's city) is ignored — a handful of
  releases cannot tell a letterhead's words from a subject they all share.

Pure functions: the index (`context.similar`) counts lines and reads a source's latest
releases' features when one is `due`, and keeps both in `sim_lines` and `sim_sources`.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Collection, Iterable

from monitor.text.normalize import fold_for_matching

MIN_SOURCE_DOCS = 12  # boilerplate by share is learned from a source's 12th release on
SAMPLE = 100  # learned from the source's latest releases
REFRESH = 100  # learned again at 12, 24, 48 and 96 releases, then every 100
MIN_COUNT = 3  # a feature on fewer releases than this is never boilerplate
DOWN_SHARE, ZERO_SHARE = 0.2, 0.5  # on over a fifth of them: weighed down; on half: ignored
LINE_MIN_DOCS = 3  # a line on this many of a source's releases is template


def _learnings(docs: int) -> int:
    """How many times a source with `docs` releases has had its boilerplate learned: at each
    release from the `MIN_COUNT`th to the 11th, then at 12, 24, 48, 96 and every 100."""
    few = max(0, min(docs, MIN_SOURCE_DOCS - 1) - MIN_COUNT + 1)
    doubling = 0
    step = MIN_SOURCE_DOCS
    while step <= min(docs, REFRESH - 1):
        doubling += 1
        step *= 2
    return few + doubling + docs // REFRESH


def due(before: int, after: int) -> bool:
    """Whether a source that went from `before` to `after` releases should learn it again."""
    return _learnings(after) > _learnings(before)


def learn(releases: Iterable[Iterable[int]]) -> tuple[list[int], list[int]]:
    """The boilerplate of a source's releases (their feature sets): features and their weights
    in percent, 100 at `DOWN_SHARE` of the releases down to 0 at `ZERO_SHARE`; with fewer than
    `MIN_SOURCE_DOCS` releases, the features on all of them, at 0."""
    counts: Counter[int] = Counter()
    n = 0
    for features in releases:
        counts.update(features)
        n += 1
    if n < MIN_COUNT:
        return [], []
    if n < MIN_SOURCE_DOCS:
        every = sorted(f for f, c in counts.items() if c == n)
        return every, [0] * len(every)
    found = sorted((f, c / n) for f, c in counts.items() if c >= MIN_COUNT and c / n > DOWN_SHARE)
    span = ZERO_SHARE - DOWN_SHARE
    weights = [max(0, round(100 * (ZERO_SHARE - share) / span)) for _, share in found]
    return [f for f, _ in found], weights


def line_key(line: str) -> int:
    """A line of text as the template counts it: case, spacing and digit scripts folded;
    0 for a blank line."""
    folded = " ".join(fold_for_matching(line).split())
    return zlib.crc32(folded.encode()) if folded else 0


def keyed_lines(text: str) -> list[tuple[int, str]]:
    """A release's lines with their keys, folded once for counting and for leaving out."""
    return [(line_key(line), line) for line in text.split("\n")]


def key_set(keyed: list[tuple[int, str]]) -> frozenset[int]:
    """The keys of a release's distinct lines."""
    return frozenset(key for key, _ in keyed) - {0}


def lines_of(text: str) -> frozenset[int]:
    """The keys of a text's distinct lines."""
    return key_set(keyed_lines(text))


def without_lines(keyed: list[tuple[int, str]], template: Collection[int]) -> str:
    """The text without its template lines."""
    return "\n".join(line for key, line in keyed if key not in template)
