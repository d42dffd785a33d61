"""A source's boilerplate: the features on many of its releases, which say who published a
release, not what it is about (a letterhead, a sign-off, a "Cabinet Meeting Synopsis" title, the
same opening formula). Related releases weigh them down before comparing, so two releases of one
source on different events are not related by their template.

Pure functions: the index (`context.similar`) reads a source's latest releases' features when
one is `due`, and keeps the weights in `sim_sources`; the score reads them per candidate source.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

MIN_SOURCE_DOCS = 12  # a source's boilerplate is learned from its 12th release on
SAMPLE = 100  # learned from the source's latest releases
REFRESH = 100  # learned again at 12, 24, 48 and 96 releases, then every 100
MIN_COUNT = 3  # a feature on fewer releases than this is never boilerplate
DOWN_SHARE, ZERO_SHARE = 0.2, 0.5  # on over a fifth of them: weighed down; on half: ignored


def _learnings(docs: int) -> int:
    """How many times a source with `docs` releases has had its boilerplate learned."""
    doubling = 0
    step = MIN_SOURCE_DOCS
    while step <= min(docs, REFRESH - 1):
        doubling += 1
        step *= 2
    return doubling + docs // REFRESH


def due(before: int, after: int) -> bool:
    """Whether a source that went from `before` to `after` releases should learn it again."""
    return _learnings(after) > _learnings(before)


def learn(releases: Iterable[Iterable[int]]) -> tuple[list[int], list[int]]:
    """The boilerplate of a source's releases (their feature sets): features and their weights
    in percent, 100 at `DOWN_SHARE` of the releases down to 0 at `ZERO_SHARE`."""
    counts: Counter[int] = Counter()
    n = 0
    for features in releases:
        counts.update(features)
        n += 1
    if n < MIN_SOURCE_DOCS:
        return [], []
    found = sorted((f, c / n) for f, c in counts.items() if c >= MIN_COUNT and c / n > DOWN_SHARE)
    span = ZERO_SHARE - DOWN_SHARE
    weights = [max(0, round(100 * (ZERO_SHARE - share) / span)) for _, share in found]
    return [f for f, _ in found], weights
