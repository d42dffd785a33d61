"""Related-release lookup: the SQLite index (monitor.context.similar) against brute-force rapidfuzz.

Run from the repository root:  python bench/bench_related.py [--docs 100000] [--queries 200]

The corpus is synthetic and deterministic (seeded): releases of 120-360 words (title of 6-12
words) drawn from a Zipf-distributed vocabulary of 40,000 made-up words, each about one of
`docs / 8` events whose 12 "names" (rare words and numbers) recur in every release about it and
whose 60 topic words make up a fifth of each release about it, and 5% written in Khmer
syllables without spaces. Each release belongs to one of `SOURCES` sources, and carries its
source's boilerplate (a letterhead and a sign-off of made-up words). Queries: half are
near-duplicates of a corpus release (a few words changed, a sentence dropped), half are fresh
releases about events the corpus has seen but worded anew. Brute force is rapidfuzz
`process.extract` with `fuzz.token_set_ratio` over every release's title plus its first 300
characters; it is slow, so it runs on the first `--brute` queries only.

`--baseline DIR` runs the same benchmark, on the same corpus and queries, with the code of an
older checkout too (`git worktree add /tmp/main main`), in a second process at the same time,
and prints both: the machine is shared, so old and new are measured side by side.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

_CODE = Path(sys.argv[sys.argv.index("--code") + 1]) if "--code" in sys.argv else None
sys.path.insert(0, str(_CODE or Path(__file__).resolve().parents[1]))

import inspect  # noqa: E402
import subprocess  # noqa: E402

from rapidfuzz import fuzz, process  # noqa: E402

from monitor.context.similar import SimilarityIndex  # noqa: E402

VOCAB = 40_000
EVENT_SHARE = 8  # releases per event, on average
TOPIC_WORDS = 60
KHMER_SHARE = 0.05
SOURCES = 300
_CONSONANTS = "កខគឃងចឆជឈញដឋឌឍណតថទធនបផពភមយរលវសហឡអ"
_VOWELS = ["ា", "ិ", "ី", "ឹ", "ឺ", "ុ", "ូ", "ួ", "ើ", "ៀ", "េ", "ែ", "ៃ", "ោ", "ៅ", ""]
_SYLLABLES = [c + v for c in _CONSONANTS for v in _VOWELS]


class Corpus:
    """Deterministic releases: release i is the same whatever the corpus size."""

    def __init__(self, docs: int, seed: int = 7):
        rng = random.Random(seed)
        self.docs = docs
        self.seed = seed
        self.words = [_word(rng) for _ in range(VOCAB)]
        self.weights = [1.0 / (rank + 1) for rank in range(VOCAB)]  # Zipf, s = 1
        self.cum = list(_accumulate(self.weights))
        self.events = max(1, docs // EVENT_SHARE)

    def event(self, event: int) -> tuple[list[str], list[str]]:
        """An event's names (rare words and numbers) and its topic words (mid-frequency)."""
        rng = random.Random(f"{self.seed}:event:{event}")
        names = [_word(rng).capitalize() for _ in range(8)]
        names += [str(rng.randint(10, 2030)) for _ in range(4)]
        return names, rng.sample(self.words[300:20_000], TOPIC_WORDS)

    def source(self, i: int) -> int:
        return i % SOURCES + 1

    def boilerplate(self, source: int) -> tuple[str, str]:
        """A source's letterhead and sign-off."""
        rng = random.Random(f"{self.seed}:source:{source}")
        head = " ".join(w.capitalize() for w in rng.sample(self.words[2000:20_000], 8))
        foot = " ".join(rng.sample(self.words[1000:20_000], 14)).capitalize() + "."
        return head, foot

    def release(self, i: int, event: int | None = None, salt: int = 0) -> tuple[str, str]:
        rng = random.Random(f"{self.seed}:{i}:{salt}")
        event = rng.randrange(self.events) if event is None else event
        names, topic = self.event(event)
        if rng.random() < KHMER_SHARE:
            return self._khmer(rng, names)
        head, foot = self.boilerplate(self.source(i))
        n_words = rng.randint(120, 360)
        body = rng.choices(self.words, cum_weights=self.cum, k=n_words)
        for _ in range(n_words // 12):  # the event's names run through the release
            body[rng.randrange(n_words)] = rng.choice(names)
        for _ in range(n_words // 5):  # and so does its vocabulary
            body[rng.randrange(n_words)] = rng.choice(topic)
        sentences, start = [], 0
        while start < n_words:
            end = min(n_words, start + rng.randint(12, 28))
            sentences.append(" ".join(body[start:end]).capitalize() + ".")
            start = end
        title_words = rng.choices(self.words[:3000], k=rng.randint(4, 9)) + rng.sample(names, 2)
        rng.shuffle(title_words)
        paragraphs = [" ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)]
        return " ".join(title_words).capitalize(), "\n\n".join([head, *paragraphs, foot])

    def _khmer(self, rng: random.Random, names: list[str]) -> tuple[str, str]:
        def phrase(n: int) -> str:
            return "".join(rng.choice(_SYLLABLES) for _ in range(n))

        title = phrase(rng.randint(8, 16)) + " " + " ".join(rng.sample(names[8:], 2))
        parts = []
        for _ in range(rng.randint(4, 10)):
            parts.append(" ".join(phrase(rng.randint(6, 20)) for _ in range(4)) + "។")
            if rng.random() < 0.5:
                parts.append(rng.choice(names))
        return title, " ".join(parts)

    def __iter__(self) -> Iterator[tuple[int, str, str, int]]:
        for i in range(self.docs):
            title, text = self.release(i)
            yield i, title, text, self.source(i)


def _word(rng: random.Random) -> str:
    return "".join(
        rng.choice("bcdfghjklmnprstvwz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4))
    )


def _accumulate(values: list[float]) -> Iterator[float]:
    total = 0.0
    for v in values:
        total += v
        yield total


def near_duplicate(title: str, text: str, rng: random.Random) -> tuple[str, str]:
    """A lightly edited copy: a few words replaced, one sentence dropped."""
    words = text.split(" ")
    for _ in range(max(1, len(words) // 40)):
        words[rng.randrange(len(words))] = "edited"
    text = " ".join(words)
    sentences = text.split(". ")
    if len(sentences) > 3:
        del sentences[rng.randrange(1, len(sentences))]
    return title + " (updated)", ". ".join(sentences)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--brute", type=int, default=20, help="queries also run by brute force")
    parser.add_argument("--db", type=Path, help="database file (default: a temporary file)")
    parser.add_argument("--baseline", type=Path, help="an older checkout, measured first")
    parser.add_argument("--code", type=Path, help=argparse.SUPPRESS)  # read before the imports
    args = parser.parse_args()
    baseline = None
    if args.baseline:  # at the same time: on a shared machine, only side-by-side runs compare
        command = [sys.executable, __file__, "--code", str(args.baseline.resolve()),
                   "--docs", str(args.docs), "--queries", str(args.queries),
                   "--brute", "0"]  # fmt: skip
        baseline = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    sources = "source" in inspect.signature(SimilarityIndex.query).parameters

    corpus = Corpus(args.docs)
    rng = random.Random(99)
    # title, text, expected doc (near-dups), source
    queries: list[tuple[str, str, int | None, int]] = []
    for q in range(args.queries):
        if q % 2 == 0:
            source = rng.randrange(args.docs)
            title, text = near_duplicate(*corpus.release(source), rng)
            queries.append((title, text, source, corpus.source(source)))
        else:
            title, text = corpus.release(args.docs + q, salt=q)
            queries.append((title, text, None, corpus.source(args.docs + q)))

    tmp = tempfile.TemporaryDirectory()
    db_path = args.db or Path(tmp.name) / "bench.db"
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA cache_size = -200000")
    index = SimilarityIndex(conn)

    started = time.perf_counter()
    releases = list(corpus)
    generation = time.perf_counter() - started
    choices = [f"{r[1]} {r[2][:300]}" for r in releases]  # for brute force
    words = sum(len(r[2].split()) for r in releases[:2000]) / min(2000, len(releases))

    started = time.perf_counter()
    index.add_many(releases if sources else (r[:3] for r in releases))
    build = time.perf_counter() - started
    del releases
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = sum(os.path.getsize(p) for p in Path(db_path).parent.glob(Path(db_path).name + "*"))

    latencies, found, expected = [], 0, 0
    results = []
    for title, text, source, origin in queries:
        t0 = time.perf_counter()
        if sources:
            hits = index.query(title, text, k=5, source=origin)
        else:
            hits = index.query(title, text, k=5)
        latencies.append((time.perf_counter() - t0) * 1000)
        results.append(hits)
        if source is not None:
            expected += 1
            found += bool(hits) and hits[0][0] == source

    brute_lat, brute_found, brute_expected = [], 0, 0
    for title, text, source, _ in queries[: args.brute]:
        t0 = time.perf_counter()
        hits = process.extract(
            f"{title} {text[:300]}", choices, scorer=fuzz.token_set_ratio, limit=5
        )
        brute_lat.append((time.perf_counter() - t0) * 1000)
        if source is not None:
            brute_expected += 1
            brute_found += hits[0][2] == source

    print()
    print(
        f"corpus: {args.docs:,} releases (120-360 words, mean {words:.0f}; 5% Khmer), "
        f"generated in {generation:.0f} s; queries: {len(queries)}"
    )
    print(f"index build (add_many, one transaction): {build:.1f} s, {args.docs / build:,.0f}/s")
    print(f"database size: {size / 1e6:.1f} MB")
    print()
    print(f"{'lookup':34} {'queries':>8} {'p50 ms':>9} {'p95 ms':>9} {'near-dup top-1':>15}")
    print(
        f"{'SQLite index + rapidfuzz rescoring':34} {len(latencies):>8} "
        f"{statistics.median(latencies):>9.1f} {percentile(latencies, 95):>9.1f} "
        f"{found}/{expected:<13}"
    )
    if brute_lat:
        print(
            f"{'brute force process.extract':34} {len(brute_lat):>8} "
            f"{statistics.median(brute_lat):>9.1f} {percentile(brute_lat, 95):>9.1f} "
            f"{brute_found}/{brute_expected:<13}"
        )
    fresh = [r for r, q in zip(results, queries, strict=True) if q[2] is None]
    with_related = sum(bool(r) for r in fresh)
    print()
    print(f"fresh releases with a related release above the threshold: {with_related}/{len(fresh)}")
    conn.close()
    tmp.cleanup()
    if baseline is not None:
        print(f"\n--- baseline, run at the same time: the code of {args.baseline}")
        print(baseline.communicate()[0])


if __name__ == "__main__":
    main()
