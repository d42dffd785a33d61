"""What one release, version, event and check cost on disk, measured from a real store, and what
one scheduled check of a source costs in requests and CPU, measured on a real check.

`build_store` makes the store the way `bench_check.py` does (generated sites of the same
generator served on 127.0.0.1, a real check), then edits a tenth of the releases, takes one down
and checks again, so every row kind is there; it then checks each source alone with the default
revisit policy, as the service's jobs do, counting the requests the server answered and the CPU
used. `measure_store` reads any store (this one, `bench_check.py --workdir DIR`'s, `monitor
demo`'s or a deployment's): SQLite's own page accounting (dbstat) for the catalogue, file sizes
for the archive. Used by sim_fleet.py; run alone it prints what it measured.
"""

from __future__ import annotations

import asyncio
import dataclasses
import gzip
import math
import os
import resource
import sqlite3
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

STYLES = ("wordpress", "drupal", "handmade")
SEED = 2024
PER_PAGE = 10


@dataclass
class Sizes:
    """Bytes from a real store; catalogue figures are SQLite's used bytes (page space holding
    data, indexes included), archive figures file sizes (and disk blocks, for a local folder)."""

    store: str
    releases: int
    versions: int
    events: dict[str, int]  # rows by kind
    checks: int
    release_row: float  # releases table + its indexes, per row
    version_row: float  # versions table + indexes, per row, the text (body) included
    version_text: float  # of which the text itself (mean body bytes)
    event_row: dict[str, float]  # events table + indexes, per row, by kind (payload differs)
    check_row: float
    text_file: float  # text/<source>/<key>/vNNNN.txt
    text_file_disk: float  # the same in disk blocks of this file system
    raw_file: float  # raw/<ab>/<sha256>.gz
    raw_file_disk: float
    raw_body: float  # a raw body before gzip: what was downloaded for a version


@dataclass
class CheckCost:
    """One scheduled check of a source that found nothing to read (listing, robots.txt)."""

    requests: float  # answered by the server, per source check
    cpu_s: float  # user + sys of the process and its reading processes, per source check
    samples: int = 0
    per_source: list[int] = field(default_factory=list)


def _used_bytes(con: sqlite3.Connection) -> dict[str, int]:
    """Used bytes of each table with its indexes (dbstat: page size less unused space)."""
    owner = dict(con.execute("SELECT name, tbl_name FROM sqlite_schema WHERE type IN "
                             "('table', 'index')").fetchall())  # fmt: skip
    used: dict[str, int] = {}
    for name, size, unused in con.execute(
        "SELECT name, SUM(pgsize), SUM(unused) FROM dbstat GROUP BY name"
    ):
        table = owner.get(name, name)
        used[table] = used.get(table, 0) + int(size) - int(unused)
    return used


def _files(folder: Path) -> tuple[int, float, float]:
    """(count, mean size, mean disk blocks) of the files under `folder`."""
    sizes, blocks = [], []
    for root, _dirs, names in os.walk(folder):
        for name in names:
            st = (Path(root) / name).stat()
            sizes.append(st.st_size)
            blocks.append(st.st_blocks * 512)
    n = len(sizes)
    return n, (sum(sizes) / n if n else 0.0), (sum(blocks) / n if n else 0.0)


def measure_store(snapshots: Path) -> Sizes:
    con = sqlite3.connect(f"file:{snapshots / 'catalogue.sqlite'}?mode=ro", uri=True)
    try:
        used = _used_bytes(con)
        count = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                 for t in ("releases", "versions", "events", "checks")}  # fmt: skip
        body = con.execute("SELECT SUM(LENGTH(CAST(body AS BLOB))) FROM versions").fetchone()[0]
        kinds = con.execute(
            "SELECT kind, COUNT(*), SUM(LENGTH(CAST(payload AS BLOB))) FROM events GROUP BY kind"
        ).fetchall()
    finally:
        con.close()
    payloads = sum(p for _k, _n, p in kinds)
    event_overhead = (used["events"] - payloads) / max(count["events"], 1)
    _n, text, text_disk = _files(snapshots / "text")
    _n, raw, raw_disk = _files(snapshots / "raw")
    raw_bodies = [len(gzip.decompress(p.read_bytes())) for p in (snapshots / "raw").rglob("*.gz")]
    return Sizes(
        store=str(snapshots),
        releases=count["releases"],
        versions=count["versions"],
        events={k: n for k, n, _p in kinds},
        checks=count["checks"],
        release_row=used["releases"] / max(count["releases"], 1),
        version_row=used["versions"] / max(count["versions"], 1),
        version_text=(body or 0) / max(count["versions"], 1),
        event_row={k: event_overhead + p / n for k, n, p in kinds},
        check_row=used["checks"] / max(count["checks"], 1),
        text_file=text, text_file_disk=text_disk, raw_file=raw, raw_file_disk=raw_disk,
        raw_body=sum(raw_bodies) / max(len(raw_bodies), 1),
    )  # fmt: skip


# --- a real store, built and checked --------------------------------------------------------


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _edited(release, n: int):
    """An edit as ministries make them: a sentence added to the first paragraph."""
    added = (f" The Ministry further recalls the commitments made at the meeting of {n} June and"
             " calls on all parties to implement them in good faith.")  # fmt: skip
    first, *rest = release.paragraphs
    return dataclasses.replace(release, paragraphs=(first + added, *rest))


def build_store(workdir: Path, sources: int = 3, per_source: int = 50) -> tuple[Path, CheckCost]:
    """A real store under `workdir`: baseline, a tenth edited and one release per source taken
    down, checked again; then each source checked alone with the default revisit policy."""
    import yaml

    from monitor.config import parse_config
    from monitor.demo.samples import generate_releases
    from monitor.demo.server import FixtureServer, Route
    from monitor.demo.site import SiteLayout, build_site
    from monitor.run.check import CheckOptions, run_check
    from monitor.store.catalogue import Store

    releases = generate_releases(sources * per_source, seed=SEED)
    sites = [(STYLES[i % 3], SiteLayout(STYLES[i % 3], f"/s{i + 1:02d}/"), releases[i::sources])
             for i in range(sources)]  # fmt: skip
    with FixtureServer() as server:

        def publish(edit: bool) -> None:
            routes: dict = {"/robots.txt": Route(body=b"User-agent: *\nDisallow:\n",
                                                 content_type="text/plain")}  # fmt: skip
            for style, layout, mine in sites:
                shown = [_edited(r, i) if edit and i % 10 == 3 else r for i, r in enumerate(mine)]
                gone = shown[-1:] if edit else []
                routes.update(build_site(shown[: len(shown) - len(gone)], style=style,
                              per_page=PER_PAGE, base_path=layout.base_path,
                              origin=server.origin, gone=gone, archives=False))  # fmt: skip
            server.set_routes(routes)

        def config(**revisit):
            data = {
                "snapshots": str(workdir / "snapshots"),
                "fetch": {"per_host_delay": 0, "concurrency": 8},
                "sources": [{"name": f"s{i + 1:02d}-{style}", "url": server.url(layout.listing(1)),
                             "max_pages": math.ceil(per_source / PER_PAGE)}
                            for i, (style, layout, _m) in enumerate(sites)],
                "revisit": revisit,
            }  # fmt: skip
            return parse_config(yaml.safe_dump(data), base_dir=workdir)

        def check(cfg, names=None):
            with Store.open(cfg.snapshots_dir) as store:
                return asyncio.run(run_check(cfg, store, CheckOptions(sources=names)))

        publish(edit=False)
        check(config(fresh_days=36500))
        publish(edit=True)
        check(config(fresh_days=36500))  # every release re-read: the edits and removals found
        steady = config()
        check(steady)  # settle the listings' validators once
        per_source = []
        cpu = _cpu()
        for src in steady.sources:
            server.clear_requests()
            check(steady, [src.name])
            per_source.append(len(server.requests))
        cpu = _cpu() - cpu
    n = len(steady.sources)
    return workdir / "snapshots", CheckCost(sum(per_source) / n, cpu / n, n, per_source)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        snapshots, cost = build_store(Path(tmp))
        sizes = measure_store(snapshots)
    print(sizes)
    print(cost)


if __name__ == "__main__":
    sys.exit(main())
