"""Related releases: earlier releases that say the same or nearly the same thing.

Every release is reduced to features of its title and opening (`LEAD_CHARS`, where press
releases put the event): content words for word scripts, and character 4-grams (one in three,
chosen by hash) for Khmer and Thai, which have no spaces. Numbers are written in ASCII digits
first, so "២០២៥" and "2025" are one feature.

Lookup has two stages so it stays fast as the corpus grows. An inverted index in SQLite
(`sim_postings`: feature -> releases) holds each release's title features and a bottom-k sketch
of its other features (the `SKETCH` features with the smallest hashes: releases sharing much
text share most of their sketch). A query looks up its rarest features first, within a budget
of postings, and ranks releases by the summed rarity (idf) of what they share; only the best
`CANDIDATES` are scored. The score, 0-100, is the larger of:
- topical: 75 x idf-weighted cosine of the two feature sets (0.05 -> 0, 0.35 or more -> full),
  plus 25 x title similarity (rapidfuzz `token_set_ratio`, or `ratio` for titles without spaces;
  50 -> 0, 100 -> full);
- near-duplicate: rapidfuzz `fuzz.ratio` of the two openings, when it is 85 or more.
A release is related from `DEFAULT_MIN_SCORE` (30) up. On the real releases in the tests, the
same event told by two sources scores 50-80, a re-published or lightly edited release 75-100,
releases on one subject weeks apart about 30-50, and unrelated ones from other sources under 20;
releases of one source that share its boilerplate (cabinet summaries, courtesy calls) can reach
30-55.

Across languages, releases share a smaller set of *bridge* features: numbers, acronyms and names
in Latin letters, and for Khmer the English words of the terms in `monitor.glossary` (places,
institutions, people, months, subjects). A release in a no-space script and one in a word script
are also scored on those alone: 75 x idf-weighted cosine of the two bridge sets (0.2 -> 0, 0.6 or
more -> full), when they share at least `BRIDGE_MIN_SHARED` of them. A Khmer and an English
release on one summit (its date, number, place and the bodies that met) score 45-75 this way;
releases on other events share a year and a country, and stay under the threshold.
"""

from __future__ import annotations

import heapq
import math
import re
import sqlite3
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from monitor.context.glossary import ENGLISH_WORDS, english_words
from monitor.store.similar_tables import SimilarityTables, chunks, pack, unpack
from monitor.text.normalize import fold_for_matching as normalise
from monitor.text.scripts import SPACED_LETTERS, UNSPACED_CHARS, char_class

LEAD_CHARS = 3000  # opening of the text that features are taken from
DUP_CHARS = 600  # opening kept for the near-duplicate comparison
SKETCH = 48  # non-title features per release in the inverted index
CANDIDATES = 40  # releases scored per query
POSTINGS_BUDGET = 20_000  # postings read per query, rarest features first
DEFAULT_MIN_SCORE = 30.0
DUP_FLOOR = 85.0
TEXT_WEIGHT, TITLE_WEIGHT = 75.0, 25.0
COSINE_LOW, COSINE_HIGH = 0.05, 0.35
TITLE_LOW = 50.0
NO_SPACE_SAMPLE = 3  # keep one character 4-gram in three
BRIDGE_POSTED = 32  # bridge features per release in the inverted index
BRIDGE_MIN_SHARED = 4  # bridge features two releases in different scripts must share
BRIDGE_LOW, BRIDGE_HIGH = 0.2, 0.6

_STOPWORDS_TEXT = """a about above after again against all also am an and any are as at be been
before being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers him his how i if in into is it its itself me more
most my no nor not of off on once only or other our ours out over own same she should so some
such than that the their theirs them then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your shall may
upon via per within without among"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
_NO_SPACE_RUN = re.compile(f"[{UNSPACED_CHARS}]+")
_NO_SPACE_GAP = re.compile(f"(?<=[{UNSPACED_CHARS}])[\\s-]+(?=[{UNSPACED_CHARS}])")
_WORD = re.compile(f"[0-9a-z{char_class(SPACED_LETTERS)}]+")


def _words(text: str) -> set[str]:
    """Content words, plural -s dropped."""
    return {
        w[:-1] if len(w) > 3 and w[-1] == "s" and w[-2:] not in ("ss", "us", "is") else w
        for w in set(_WORD.findall(text)) - STOPWORDS
        if len(w) > 1
    }


def _hashes(words: Iterable[str]) -> set[int]:
    return {zlib.crc32(w.encode()) for w in words}


def _features(text: str) -> set[int]:
    """Content words and sampled character 4-grams of no-space scripts."""
    out = _hashes(_words(text))
    if _NO_SPACE_RUN.search(text):
        runs = _NO_SPACE_RUN.findall(_NO_SPACE_GAP.sub("", text))
        grams = {run[i : i + 4] for run in runs for i in range(len(run) - 3)}
        hashes = (zlib.crc32(g.encode()) for g in grams)
        out.update(h for h in hashes if h % NO_SPACE_SAMPLE == 0)
    return out


_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")
_LATIN = re.compile(r"[a-z]")


@dataclass(frozen=True)
class _Prepared:
    title: str
    lead: str
    features: frozenset[int]
    posted: frozenset[int]
    bridge: frozenset[int]
    no_space: bool


def _is_no_space(text: str) -> bool:
    """Mostly written in a script without spaces: its own words are not comparable."""
    return len("".join(_NO_SPACE_RUN.findall(text))) > len(_LATIN.findall(text))


def _bridge(raw: str, normalised: str, no_space: bool) -> set[int]:
    """What a release in another script can share with this one."""
    words = _words(normalised)
    acronyms = {a.lower() for a in _ACRONYM.findall(raw)}
    if no_space:  # every word in Latin letters or digits is a name, an acronym or a number
        return _hashes(words | _words(" ".join(english_words(raw))))
    return _hashes(w for w in words if w.isdigit() or w in ENGLISH_WORDS or w in acronyms)


def _prepare(title: str, text: str) -> _Prepared:
    title_n = normalise(title)
    lead_n = normalise(text[: LEAD_CHARS * 2])[:LEAD_CHARS]
    raw = title + "\n" + text[:LEAD_CHARS]
    no_space = _is_no_space(title_n + " " + lead_n)
    title_f = _features(title_n)
    body_f = _features(lead_n)
    bridge = _bridge(raw, title_n + " " + lead_n, no_space)
    posted = (
        frozenset(title_f)
        | frozenset(heapq.nsmallest(SKETCH, body_f - title_f))
        | frozenset(heapq.nsmallest(BRIDGE_POSTED, bridge))
    )
    features = frozenset(title_f | body_f | bridge)
    return _Prepared(title_n, lead_n[:DUP_CHARS], features, posted, frozenset(bridge), no_space)


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

    # --- writes ---------------------------------------------------------------------------

    def add(self, doc_id: int, title: str, text: str) -> None:
        """Index a release (again: an existing doc_id is replaced)."""
        self.add_many([(doc_id, title, text)])

    def add_many(self, docs: Iterable[tuple[int, str, str]], batch: int = 5000) -> int:
        """Index many releases in one transaction; returns how many."""
        count = 0
        with self.tables.atomic():
            for chunk in chunks(docs, batch):
                chunk = list({d[0]: d for d in chunk}.values())  # a repeated id: the last wins
                removed = self.tables.remove_ids([d[0] for d in chunk])
                df: Counter[int] = Counter()
                postings: list[tuple[int, int]] = []
                rows = []
                for doc_id, title, text in chunk:
                    p = _prepare(title, text)
                    df.update(p.features)
                    postings.extend((f, doc_id) for f in p.posted)
                    rows.append((doc_id, p.title, p.lead, pack(p.features), pack(p.posted),
                                 pack(p.bridge), int(p.no_space)))  # fmt: skip
                self.tables.insert(rows, postings, df)
                self.tables.count(len(chunk) - removed)
                count += len(chunk)
        return count

    def remove(self, doc_id: int) -> None:
        """Forget a release; an unknown doc_id is not an error."""
        with self.tables.atomic():
            self.tables.count(-self.tables.remove_ids([doc_id]))

    # --- reads ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return self.tables.docs()

    def query(
        self, title: str, text: str, *, k: int = 5, exclude: set[int] | frozenset[int] = frozenset()
    ) -> list[tuple[int, float]]:
        """The k releases most related to this one, as (doc_id, score 0-100), best first,
        only those scoring at least `min_score`."""
        q = _prepare(title, text)
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
        weight = {f: idf(f) ** 2 for f in df}  # squared idf: the cosine's terms

        def cosine(a: frozenset[int], b: Iterable[int]) -> float:
            b = frozenset(b)
            norms = math.sqrt(
                sum(weight.get(f, idf.missing) for f in a)
                * sum(weight.get(f, idf.missing) for f in b)
            )
            return sum(weight.get(f, idf.missing) for f in a & b) / norms if norms else 0.0

        scored = []
        for doc_id, d_title, d_lead, _, d_bridge, d_no_space in rows:
            text_cosine = cosine(q.features, doc_features[doc_id])
            score = _score(text_cosine, q.title, d_title, q.lead, d_lead)
            if q.no_space != bool(d_no_space):
                bridge = frozenset(unpack(d_bridge))
                if len(q.bridge & bridge) >= BRIDGE_MIN_SHARED:
                    score = max(score, _bridge_score(cosine(q.bridge, bridge)))
            if score >= self.min_score:
                scored.append((doc_id, round(score, 1), text_cosine))
        scored.sort(key=lambda s: (-s[1], -s[2], s[0]))
        return [(doc_id, score) for doc_id, score, _ in scored[:k]]

    def _candidates(
        self, q: _Prepared, df: dict[int, int], n_docs: int, exclude: set[int] | frozenset[int]
    ) -> list[int]:
        """Releases sharing the query's rarest features, best first: the rare ones say most
        about what a release is about, and reading them first bounds the work per query."""
        chosen: list[tuple[int, float]] = []
        budget = POSTINGS_BUDGET
        idf = _Idf(df, n_docs)
        for feature in sorted((f for f in q.features if f in df), key=df.__getitem__):
            if df[feature] > budget:
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


def _score(cosine: float, q_title: str, d_title: str, q_lead: str, d_lead: str) -> float:
    text = min(1.0, max(0.0, (cosine - COSINE_LOW) / (COSINE_HIGH - COSINE_LOW)))
    if _NO_SPACE_RUN.search(q_title) or _NO_SPACE_RUN.search(d_title):
        title_sim = fuzz.ratio(q_title.replace(" ", ""), d_title.replace(" ", ""))
    else:
        title_sim = fuzz.token_set_ratio(q_title, d_title)
    title = min(1.0, max(0.0, (title_sim - TITLE_LOW) / (100.0 - TITLE_LOW)))
    topical = TEXT_WEIGHT * text + TITLE_WEIGHT * title
    dup = fuzz.ratio(q_lead, d_lead, score_cutoff=DUP_FLOOR) if q_lead and d_lead else 0.0
    return max(topical, dup)


def _bridge_score(cosine: float) -> float:
    return TEXT_WEIGHT * min(1.0, max(0.0, (cosine - BRIDGE_LOW) / (BRIDGE_HIGH - BRIDGE_LOW)))
