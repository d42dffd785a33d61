"""The catalogue's own cost, SQLite against PostgreSQL: a check's bookkeeping and each release
it stores (a version with its event, an unchanged release), the archive on local disk for both.

    python bench/bench_catalogue.py [--releases 300] [--pg postgresql://postgres@127.0.0.1/test]

PostgreSQL runs in a new schema, dropped after. The network and the site are left out: this is
what the choice of catalogue adds to each check and each release.
"""

from __future__ import annotations

import argparse
import secrets
import tempfile
import time
from pathlib import Path

from monitor.models import Document, Event, Page
from monitor.store import postgres
from monitor.store.catalogue import Store


def _run(root: Path, releases: int) -> dict[str, float]:
    timings: dict[str, float] = {}
    started = time.perf_counter()
    with Store.open(root) as store:
        timings["open (migrated)"] = time.perf_counter() - started
        source = store.source("bench", "http://bench.invalid/")
        check = store.begin_check()
        started = time.perf_counter()
        for i in range(releases):
            url = f"http://bench.invalid/r/{i}"
            page = Page(url, url, 200, "text/html", body=f"<p>{i}</p>".encode(), etag=str(i))
            doc = Document(url, f"Release {i}", (f"Paragraph {i} " * 40,), "2026-01-01", "en")
            event = Event("new", "bench", url, doc.title)
            store.record_version(
                source_id=source.id,
                source_name="bench",
                release=None,
                page=page,
                doc=doc,
                extract_sig="s",
                check_id=check,
                event=event,
            )
        timings["new release (version + event)"] = (time.perf_counter() - started) / releases
        started = time.perf_counter()
        for state in store.releases(source.id).values():
            store.record_unchanged(state, None, None)
        timings["unchanged release"] = (time.perf_counter() - started) / releases
        store.finish_check(check, {})
    started = time.perf_counter()
    with Store.open(root) as store:
        store.finish_check(store.begin_check(), {})
    timings["a check's open, begin and finish"] = time.perf_counter() - started
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=300)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    import psycopg

    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["SQLite"] = _run(Path(tmp) / "sqlite", args.releases)
        schema = f"bench_{secrets.token_hex(4)}"
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {schema}")
        url = f"{args.pg}?options=-csearch_path%3D{schema}"
        try:
            postgres.use(Path(tmp) / "pg", url)
            results["PostgreSQL"] = _run(Path(tmp) / "pg", args.releases)
        finally:
            postgres.close_pool(url)
            with psycopg.connect(args.pg, autocommit=True) as conn:
                conn.execute(f"DROP SCHEMA {schema} CASCADE")
    print(f"| per item ({args.releases} releases) | SQLite | PostgreSQL |")
    print("|---|---|---|")
    for what in results["SQLite"]:
        sq, pg = results["SQLite"][what] * 1000, results["PostgreSQL"][what] * 1000
        print(f"| {what} | {sq:.2f} ms | {pg:.2f} ms |")


if __name__ == "__main__":
    main()
