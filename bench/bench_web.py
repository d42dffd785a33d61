"""Web view latency on a large archive: p50/p95 of each page type at 100,000 releases.

Run from the repository root:  python bench/bench_web.py [--releases 100000] [--requests 60]

The store is generated (seeded, deterministic) by writing rows straight into a store opened
with the store API (its schema and indexes), in a few transactions: four sources, every release
with a baseline event, one in ten edited once (a second version and a "changed" event), one in a
hundred removed, a third of the events tagged with a theme and its evidence, one in twenty
releases in Khmer. Each request goes through the whole ASGI app in process (routing, the guard,
a fresh read-only connection, the query, the template), not through a socket: the figures are
the server's own time. Targets: under 100 ms per page (p95).

The search index is then timed as a store made before it gets it: emptied, the catalogue
vacuumed, and built again by a writer opening the store; the catalogue's size is shown before and
after.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from monitor.models import Event, ThemeMatch
from monitor.store import search_index
from monitor.store.catalogue import CATALOGUE, Store, event_payload
from monitor.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

SOURCES = ("mfa-press", "mfa-speeches", "akp-news", "asean-news")
THEMES = ("asean-un", "demining")
_KHMER = [c + v for c in "កខគងចជញដតទនបពមយរលសហអ" for v in ("ា", "ិ", "ី", "ុ", "ូ", "េ", "ោ", "")]


def _words(rng: random.Random, vocab: list[str], n: int) -> str:
    return " ".join(rng.choice(vocab) for _ in range(n))


def _text(rng: random.Random, vocab: list[str], khmer: bool) -> tuple[str, list[str]]:
    if khmer:
        title = "".join(rng.choice(_KHMER) for _ in range(18))
        paras = ["".join(rng.choice(_KHMER) for _ in range(120)) + "។" for _ in range(3)]
    else:
        title = _words(rng, vocab, 9).title()
        paras = [_words(rng, vocab, 45).capitalize() + "." for _ in range(3)]
    return title, paras


def generate(root: Path, releases: int, seed: int = 11) -> dict[str, list[int]]:
    """Fill a store; returns release ids by kind (edited, removed, all)."""
    rng = random.Random(seed)
    vocab = [
        "".join(rng.choice("abcdefghijklmnoprstuvwy") for _ in range(rng.randint(3, 9)))
        for _ in range(5000)
    ] + ["ASEAN", "United", "Nations", "mine", "clearance", "cooperation", "Cambodia"]
    ts = "2025-01-01T00:00:00Z"
    edited, removed = [], []
    with Store.open(root) as store:
        source_ids = [store.source(n, f"https://{n}.example.org/news/").id for n in SOURCES]
        raw_hash = store.save_raw(b"<html><body><h1>Archived page</h1><p>Body</p></body></html>")
        with store.transaction() as db:
            version_id = event_id = 0
            for rid in range(1, releases + 1):
                khmer = rng.random() < 0.05
                title, paras = _text(rng, vocab, khmer)
                url = f"https://{SOURCES[rid % 4]}.example.org/news/{rid}"
                db.execute(
                    "INSERT INTO releases(id, source_id, url, key, title, published, "
                    "first_seen_at, last_seen_at, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (rid, source_ids[rid % 4], url, f"r{rid}", title, "2024-06-01", ts, ts,
                     "active"),
                )  # fmt: skip
                versions = 2 if rid % 10 == 0 else 1
                for seq in range(1, versions + 1):
                    version_id += 1
                    if seq == 2:
                        paras = [paras[0][:30] + " 2030 " + paras[0][34:], *paras[1:]]
                    db.execute(
                        "INSERT INTO versions(id, release_id, seq, fetched_at, text_hash, title, "
                        "body, published, language, text_path, raw_hash, content_type) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'text/html')",
                        (version_id, rid, seq, ts, f"h{version_id}", title, "\n\n".join(paras),
                         "2024-06-01", "km" if khmer else "en", f"text/r{rid}/v{seq:04d}.txt",
                         raw_hash),
                    )  # fmt: skip
                    kind = "new" if seq == 1 else "changed"
                    event = Event(kind, SOURCES[rid % 4], url, title, baseline=seq == 1)
                    if rng.random() < 0.33:
                        theme = rng.choice(THEMES)
                        event.themes = [ThemeMatch(theme, 3.0, (("mine", paras[0][:120]),))]
                    event_id += 1
                    db.execute(
                        "INSERT INTO events(id, kind, release_id, version_id, created_at, "
                        "baseline, payload, digest_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                        (event_id, kind, rid, version_id, ts, int(seq == 1),
                         json.dumps(event_payload(event), ensure_ascii=False)),
                    )  # fmt: skip
                db.execute("UPDATE releases SET latest_version_id=? WHERE id=?", (version_id, rid))
                if versions == 2:
                    edited.append(rid)
                if rid % 100 == 7:
                    removed.append(rid)
                    event_id += 1
                    gone = Event("removed", SOURCES[rid % 4], url, title, reason="HTTP 404")
                    db.execute(
                        "INSERT INTO events(id, kind, release_id, created_at, payload, digest_id) "
                        "VALUES (?, 'removed', ?, ?, ?, 1)",
                        (event_id, rid, ts, json.dumps(event_payload(gone))),
                    )
                    db.execute(
                        "UPDATE releases SET state='removed', removed_at=? WHERE id=?", (ts, rid)
                    )
    return {"edited": edited, "removed": removed, "all": list(range(1, releases + 1))}


def time_index_build(root: Path) -> None:
    """Empty the search index, then time the build a writer does on opening the store."""
    with Store.open(root) as store:
        search_index.reset(store.conn)
        store.conn.execute("VACUUM")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = (root / CATALOGUE).stat().st_size
    start = time.perf_counter()
    with Store.open(root) as store:
        took = time.perf_counter() - start
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    after = (root / CATALOGUE).stat().st_size
    print(f"search index built at open in {took:.1f} s; catalogue {before / 1e6:.0f} MB -> "
          f"{after / 1e6:.0f} MB (+{(after - before) / 1e6:.0f} MB, "
          f"+{100 * (after - before) / before:.0f}%)")  # fmt: skip


def khmer_queries(root: Path, n: int, length: int) -> list[str]:
    """Pieces of `length` characters of stored Khmer titles (the index finds any of them)."""
    rng = random.Random(5)
    with Store.open(root, readonly=True) as store:
        titles = [r[0] for r in store.conn.execute(
            "SELECT title FROM versions WHERE language = 'km' LIMIT 500")]  # fmt: skip
    out = []
    for _ in range(n):
        title = rng.choice(titles)
        at = rng.randrange(len(title) - length)
        out.append(title[at : at + length])
    return out


def measure(get: Callable[[str], int], paths: list[str]) -> tuple[float, float]:
    get(paths[0])  # warm the template cache
    times = []
    for path in paths:
        start = time.perf_counter()
        status = get(path)
        times.append((time.perf_counter() - start) * 1000)
        assert status in (200, 304), (path, status)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--releases", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=60, help="per page type")
    parser.add_argument("--store", type=Path, help="keep the generated store here")
    args = parser.parse_args()
    root = args.store or Path(tempfile.mkdtemp(prefix="bench-web-")) / "snapshots"
    start = time.perf_counter()
    ids = generate(root, args.releases)
    print(f"generated {args.releases:,} releases in {time.perf_counter() - start:.0f} s ({root})")
    time_index_build(root)
    client = TestClient(create_app(root))
    rng = random.Random(3)
    n = args.requests

    def pick(kind: str) -> list[int]:
        return [rng.choice(ids[kind]) for _ in range(n)]

    etags: dict[str, str] = {}

    def conditional(path: str) -> int:
        if path not in etags:
            etags[path] = client.get(path).headers["etag"]
        return client.get(path, headers={"If-None-Match": etags[path]}).status_code

    khmer_2 = khmer_queries(root, n, 2)  # too short for the trigram index: titles are read
    total_events = args.releases + len(ids["edited"]) + len(ids["removed"])
    pages: list[tuple[str, list[str], Callable[[str], int]]] = [
        ("home", ["/"] * n, None),
        ("home, deep page", [f"/?before={rng.randint(2, total_events)}" for _ in range(n)], None),
        ("home, by source", [f"/?source={rng.choice(SOURCES)}" for _ in range(n)], None),
        ("home, by theme", [f"/?theme={rng.choice(THEMES)}" for _ in range(n)], None),
        ("home, removed only", ["/?kind=removed"] * n, None),
        ("source", [f"/source/{rng.choice(SOURCES)}" for _ in range(n)], None),
        ("release", [f"/release/{i}" for i in pick("all")], None),
        ("release, 304", [f"/release/{i}" for i in pick("all")], conditional),
        ("compare", [f"/release/{i}/compare?a=1&b=2" for i in pick("edited")], None),
        ("archived body", [f"/release/{i}/v/1/raw" for i in pick("all")], None),
        ("search", [f"/search?q={w}" for w in ("mine clearance", "ASEAN cooperation")] * 5, None),
        ("search, one word", [f"/search?q={w}" for w in ("Cambodia", "Nations")] * 5, None),
        ("search, Khmer", [f"/search?q={quote(w)}" for w in khmer_queries(root, n, 6)], None),
        ("search, 2 Khmer letters", [f"/search?q={quote(w)}" for w in khmer_2], None),
    ]  # type: ignore[list-item]
    print("\n| page | p50 ms | p95 ms |\n|---|---:|---:|")
    for name, paths, getter in pages:
        get = getter or (lambda path: client.get(path).status_code)
        p50, p95 = measure(get, paths)
        print(f"| {name} | {p50:.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()
