"""Related releases: earlier releases that tell the same event, from any source.

Every release is reduced to hashed features of its title and whole text (`similar_features`):
content words, character 4-grams for Khmer and Thai, and *event features* — the dates, numbers,
acronyms and names that tell one event from another of the same kind.

Lookup has two stages so it stays fast as the corpus grows. An inverted index in SQLite
(`sim_postings`: feature -> releases) holds each release's title features and a bottom-k sketch
of the features of its opening (the `SKETCH` features with the smallest hashes: releases sharing
much text share most of their sketch). A query looks up its rarest features first, within a
budget of postings, and ranks releases by the summed rarity (idf) of what they share; only the
best `CANDIDATES` are scored. Each feature weighs its idf squared, times:
- `EVENT_WEIGHT` for an event feature;
- `LEAD_WEIGHT` on the side whose title or opening (`LEAD_CHARS`) holds it, where a press
  release puts its event;
- its source's boilerplate weight (`context.boilerplate`): 0 for a feature on half or more of
  the source's latest releases, rising to 1 at a fifth; a source's boilerplate is learned from
  its 12th release on and kept in `sim_sources`, so a query reads one small row per
  candidate source (cached per index by the source's version).
The score, 0-100, is the larger of:
- topical: 75 x the weighted cosine of the two feature sets (0.05 -> 0, 0.35 or more -> full),
  plus 25 x title similarity (rapidfuzz `token_set_ratio`, or `ratio` for titles without spaces;
  50 -> 0, 100 -> full), the words of each title that are its source's boilerplate left out;
- near-duplicate: rapidfuzz `fuzz.ratio` of the two openings, when it is 85 or more and the
  weighted cosine reaches `DUP_COSINE` (two statements of one series share an opening formula,
  not their numbers and dates).
A release is related from `DEFAULT_MIN_SCORE` (30) up. On the labelled real releases
(`tests/test_related_eval.py`) every same-event pair finds the other in its top 5; template pairs
of a source whose boilerplate is learned stay under the threshold.

Across languages, releases share a smaller set of *bridge* features: numbers, acronyms and names
in Latin letters, and for Khmer the English words of the terms in `monitor.glossary` (places,
institutions, people, months, subjects). A release in a no-space script and one in a word script
are also scored on those alone: 75 x idf-weighted cosine of the two bridge sets (0.2 -> 0, 0.6 or
more -> full), when they share at least `BRIDGE_MIN_SHARED` of them.
"""

from __future__ import annotations

import functools
import math
import sqlite3
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from monitor.context import boilerplate
from monitor.context.similar_features import (
    EVENT_BIT,
    LEAD_CHARS,
    NO_SPACE_RUN,
    STOPWORDS,
    Prepared,
    prepare,
    word_key,
)
from monitor.store.similar_tables import SimilarityTables, chunks, pack, unpack

__all__ = ["DEFAULT_MIN_SCORE", "LEAD_CHARS", "STOPWORDS", "SimilarityIndex"]

CANDIDATES = 40  # releases scored per query
POSTINGS_BUDGET = 20_000  # postings read per query, rarest features first
# ... and none of a feature on over a tenth of the releases (once there are a few hundred): it
# tells little of what a release is about, and its postings would be most of what is read
COMMON_SHARE, COMMON_MIN = 0.1, 50
DEFAULT_MIN_SCORE = 30.0
DUP_FLOOR = 85.0
DUP_COSINE = 0.3
TEXT_WEIGHT, TITLE_WEIGHT = 75.0, 25.0
COSINE_LOW, COSINE_HIGH = 0.05, 0.35
TITLE_LOW = 50.0
EVENT_WEIGHT = 2.0
LEAD_WEIGHT = 2.0
BRIDGE_MIN_SHARED = 4  # bridge features two releases in different scripts must share
BRIDGE_LOW, BRIDGE_HIGH = 0.2, 0.6

Boilerplate = dict[int, float]  # feature -> weight (features not in it weigh 1)


@dataclass(frozen=True)
class _Side:
    """One release as the score reads it: its features with their weights."""

    weights: dict[int, float]
    norm: float
    title: str
    lead: str


class SimilarityIndex:
    """Related-release index in the caller's SQLite database (tables prefixed `sim_`, kept by
    `store.similar_tables`).

    Writes join the connection's open transaction if there is one, and are otherwise committed
    per call; `add_many` is the fast path for loading many releases at once.
    """

    def __init__(self, conn: sqlite3.Connection, *, min_score: float = DEFAULT_MIN_SCORE):
        self.conn = conn
        self.min_score = min_score
        self.tables = SimilarityTables(conn)
        self.rebuilt = self.tables.rebuilt  # an index of an older layout was dropped: re-add all
        self._boilerplate: dict[int, tuple[int, Boilerplate]] = {}  # source -> (version, ...)

    # --- writes ---------------------------------------------------------------------------

    def add(self, doc_id: int, title: str, text: str, source: int = 0) -> None:
        """Index a release (again: an existing doc_id is replaced) of a source (its id; 0 for
        none, whose boilerplate is then not learned)."""
        self.add_many([(doc_id, title, text, source)])

    def add_many(
        self, docs: Iterable[tuple[int, str, str] | tuple[int, str, str, int]], batch: int = 5000
    ) -> int:
        """Index many releases, (doc_id, title, text[, source]), in one transaction; returns
        how many."""
        count = 0
        with self.tables.atomic():
            for chunk in chunks(docs, batch):
                # a repeated id: the last wins; no source: 0
                chunk = list({d[0]: (*d[:3], d[3] if len(d) > 3 else 0) for d in chunk}.values())
                removed = self.tables.remove_ids([d[0] for d in chunk])
                keyed = {d[0]: boilerplate.keyed_lines(d[2]) for d in chunk if d[3]}
                lines = {i: boilerplate.key_set(k) for i, k in keyed.items()}
                template = self._count_lines(chunk, lines)
                df: Counter[int] = Counter()
                sources: Counter[int] = Counter()
                postings: list[tuple[int, int]] = []
                rows = []
                for doc_id, title, text, source in chunk:
                    if template.get(source):
                        text = boilerplate.without_lines(keyed[doc_id], template[source])
                    p = prepare(title, text)
                    df.update(p.features)
                    sources[source] += 1
                    postings.extend((f, doc_id) for f in p.posted)
                    keys = pack(sorted(lines.get(doc_id, ())))
                    rows.append((doc_id, p.title, p.lead, pack(p.features), pack(p.posted),
                                 pack(p.bridge), int(p.no_space), source,
                                 pack(p.lead_features), keys))  # fmt: skip
                self.tables.insert(rows, postings, df)
                self.tables.count(len(chunk) - removed)
                self._learn(sources)
                count += len(chunk)
        return count

    def _count_lines(
        self, chunk: list[tuple[int, str, str, int]], lines: dict[int, frozenset[int]]
    ) -> dict[int, set[int]]:
        """Count the chunk's lines per source; the template lines among them, per source."""
        by_source: dict[int, Counter[int]] = {}
        for doc_id, _, _, source in chunk:
            if doc_id in lines:
                by_source.setdefault(source, Counter()).update(lines[doc_id])
        self.tables.count_lines(Counter({(s, k): n for s, keys in by_source.items()
                                         for k, n in keys.items()}))  # fmt: skip
        template: dict[int, set[int]] = {}
        for source, keys in by_source.items():
            counts = self.tables.line_counts(source, keys)
            template[source] = {k for k, n in counts.items() if n >= boilerplate.LINE_MIN_DOCS}
        return template

    def _template(
        self, keyed: list[tuple[int, str]], source: int, exclude: Iterable[int]
    ) -> set[int]:
        """The lines of a query's text that are its source's template, counting the query's
        own release as one of the source's (once: it may be in the index already)."""
        counts = self.tables.line_counts(source, boilerplate.key_set(keyed))
        if not counts:
            return set()
        own = self.tables.doc_lines(exclude, source) if exclude else set()
        need = boilerplate.LINE_MIN_DOCS - 1
        return {k for k, n in counts.items() if n - (k in own) >= need}

    def _learn(self, added: Counter[int]) -> None:
        """Learn again the boilerplate of the sources whose count of releases reached a step."""
        added.pop(0, None)
        for source, (before, after) in self.tables.count_sources(added).items():
            if boilerplate.due(before, after):
                blobs = self.tables.latest_features(source, boilerplate.SAMPLE)
                features, weights = boilerplate.learn(unpack(b) for b in blobs)
                self.tables.save_boilerplate(source, features, weights)

    def remove(self, doc_id: int) -> None:
        """Forget a release; an unknown doc_id is not an error."""
        with self.tables.atomic():
            self.tables.count(-self.tables.remove_ids([doc_id]))

    # --- reads ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return self.tables.docs()

    def query(
        self,
        title: str,
        text: str,
        *,
        k: int = 5,
        exclude: set[int] | frozenset[int] = frozenset(),
        source: int = 0,
        min_score: float | None = None,
    ) -> list[tuple[int, float]]:
        """The k releases most related to this one (of `source`, whose boilerplate is
        discounted), as (doc_id, score 0-100), best first, only those scoring at least
        `min_score` (the index's, unless given)."""
        floor = self.min_score if min_score is None else min_score
        if source:  # its source's template lines left out
            keyed = boilerplate.keyed_lines(text)
            template = self._template(keyed, source, exclude)
            text = boilerplate.without_lines(keyed, template) if template else text
        q = prepare(title, text)
        if not q.features:
            return []
        n_docs = max(1, len(self))
        df = self.tables.df(q.features)
        candidates = self._candidates(q, df, n_docs, exclude)
        if not candidates:
            return []
        rows = self.tables.rows(candidates)
        doc_features = {row[0]: unpack(row[3]) for row in rows}
        unknown = set().union(*doc_features.values()) - df.keys()
        df.update(self.tables.df(unknown))
        idf = _Idf(df, n_docs)
        plates = self._plates({source} | {row[6] for row in rows})
        qs = _side(q.features, q.lead_features, plates.get(source), idf, q.title, q.lead)
        scored = []
        for doc_id, d_title, d_lead, _, d_bridge, d_no_space, d_source, d_lead_f in rows:
            ds = _side(doc_features[doc_id], unpack(d_lead_f), plates.get(d_source), idf,
                       d_title, d_lead)  # fmt: skip
            text_cosine = _cosine(qs, ds)
            score = _score(text_cosine, qs, ds)
            if q.no_space != bool(d_no_space):
                bridge = frozenset(unpack(d_bridge))
                if len(q.bridge & bridge) >= BRIDGE_MIN_SHARED:
                    score = max(score, _bridge_score(_bridge_cosine(q.bridge, bridge, idf)))
            if score >= floor:
                scored.append((doc_id, round(score, 1), text_cosine))
        scored.sort(key=lambda s: (-s[1], -s[2], s[0]))
        return [(doc_id, score) for doc_id, score, _ in scored[:k]]

    def _plates(self, sources: set[int]) -> dict[int, Boilerplate]:
        """The boilerplate of these sources: one small read for their versions, and the lists
        of the sources whose version changed since this index last read them."""
        sources.discard(0)
        if not sources:
            return {}
        out = {}
        for source, version in self.tables.versions(sorted(sources)).items():
            cached = self._boilerplate.get(source)
            if cached is None or cached[0] != version:
                version, features, weights = self.tables.boilerplate(source)
                plate = {f: w / 100 for f, w in zip(features, weights, strict=True)}
                cached = self._boilerplate[source] = (version, plate)
            out[source] = cached[1]
        return out

    def _candidates(
        self, q: Prepared, df: dict[int, int], n_docs: int, exclude: set[int] | frozenset[int]
    ) -> list[int]:
        """Releases sharing the query's rarest features, best first: the rare ones say most
        about what a release is about, and reading them first bounds the work per query."""
        chosen: list[tuple[int, float]] = []
        budget = POSTINGS_BUDGET
        idf = _Idf(df, n_docs)
        common = max(COMMON_MIN, n_docs * COMMON_SHARE)
        for feature in sorted((f for f in q.features if f in df), key=df.__getitem__):
            if df[feature] > budget or df[feature] > common:
                break
            chosen.append((feature, idf(feature)))
            budget -= df[feature]
        found = self.tables.best_sharing(chosen, CANDIDATES, exclude)
        # Releases in another script share only bridge features, and would lose every place
        # to releases sharing the query's own words: they get places of their own.
        bridged = [(f, w) for f, w in chosen if f in q.bridge]
        if bridged:
            taken = set(found)
            extra = self.tables.best_sharing(bridged, CANDIDATES // 2, exclude | taken)
            found += extra
        return found


class _Idf:
    """Inverse document frequency: ln((N + 1) / (df + 0.5))."""

    def __init__(self, df: dict[int, int], n_docs: int):
        self.df = df
        self.n = n_docs
        self.missing = math.log((n_docs + 1) / 0.5) ** 2  # squared weight of an unseen feature

    def __call__(self, feature: int) -> float:
        return math.log((self.n + 1) / (self.df.get(feature, 0) + 0.5))

    @functools.cached_property
    def table(self) -> dict[int, float]:
        """Each known feature's idf squared (the cosine's terms), computed once per query."""
        top = self.n + 1
        return {f: math.log(top / (df + 0.5)) ** 2 for f, df in self.df.items()}

    def squared(self, feature: int) -> float:
        return self.table.get(feature, self.missing)


def _side(
    features: Iterable[int],
    lead: Iterable[int],
    plate: Boilerplate | None,
    idf: _Idf,
    title: str,
    opening: str,
) -> _Side:
    """A release's features weighed: idf squared, event and lead features up, its source's
    boilerplate down; its title without the boilerplate's words. (`lead` is empty for a release
    that is all lead: weighing every feature up alike would change nothing.)"""
    squared, missing = idf.table, idf.missing
    lead = lead if isinstance(lead, (set, frozenset)) else set(lead)
    plate = plate or {}
    weights = {  # one pass: this runs for every candidate of every query
        f: squared.get(f, missing)
        * (EVENT_WEIGHT if f & EVENT_BIT else 1.0)
        * (LEAD_WEIGHT if f in lead else 1.0)
        * plate.get(f, 1.0)
        for f in features
    }
    if plate and not NO_SPACE_RUN.search(title):
        title = " ".join(w for w in title.split() if plate.get(_word_hash(w), 1.0) > 0)
    return _Side(weights, math.sqrt(sum(weights.values())), title, opening)


@functools.lru_cache(maxsize=65536)  # every candidate's title, every query
def _word_hash(word: str) -> int:
    return zlib.crc32(word_key(word).encode()) & ~EVENT_BIT


def _cosine(a: _Side, b: _Side) -> float:
    if not a.norm or not b.norm:
        return 0.0
    small, large = sorted((a.weights, b.weights), key=len)
    shared = sum(math.sqrt(w * large[f]) for f, w in small.items() if f in large)
    return shared / (a.norm * b.norm)


def _bridge_cosine(a: frozenset[int], b: frozenset[int], idf: _Idf) -> float:
    norms = math.sqrt(sum(map(idf.squared, a)) * sum(map(idf.squared, b)))
    return sum(map(idf.squared, a & b)) / norms if norms else 0.0


def _score(cosine: float, q: _Side, d: _Side) -> float:
    text = min(1.0, max(0.0, (cosine - COSINE_LOW) / (COSINE_HIGH - COSINE_LOW)))
    if NO_SPACE_RUN.search(q.title) or NO_SPACE_RUN.search(d.title):
        title_sim = fuzz.ratio(q.title.replace(" ", ""), d.title.replace(" ", ""))
    else:
        title_sim = fuzz.token_set_ratio(q.title, d.title)
    title = min(1.0, max(0.0, (title_sim - TITLE_LOW) / (100.0 - TITLE_LOW)))
    topical = TEXT_WEIGHT * text + TITLE_WEIGHT * title
    dup = 0.0
    if q.lead and d.lead and cosine >= DUP_COSINE:
        dup = fuzz.ratio(q.lead, d.lead, score_cutoff=DUP_FLOOR)
    return max(topical, dup)


def _bridge_score(cosine: float) -> float:
    return TEXT_WEIGHT * min(1.0, max(0.0, (cosine - BRIDGE_LOW) / (BRIDGE_HIGH - BRIDGE_LOW)))
