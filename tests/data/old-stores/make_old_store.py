"""Make a small store with the code of an older commit: its catalogue as SQL text, its files.

test_store.py opens these stores with today's code. To make one again (or one of a newer
commit), run this script with that commit's code first on the path:

    git archive COMMIT | tar -x -C /tmp/old
    PYTHONPATH=/tmp/old .venv/bin/python tests/data/old-stores/make_old_store.py \
        tests/data/old-stores/COMMIT [--digest]

It serves four sample releases on 127.0.0.1, checks them (a baseline), edits one, takes one
down, checks again (changed, removed), and with `--digest` mails a digest to the outbox (stores
older than dc57710 created the `digests` table only then). The server's origin and the starter
corpus folder are written as `{origin}` and `{corpus}` in catalogue.sql, for the test to fill in.
It imports the flat modules of the code before the package layout (monitor.check, ...).
"""

from __future__ import annotations

import asyncio
import dataclasses
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

import yaml
from monitor.check import CheckOptions, run_check  # type: ignore[import-not-found]

from monitor.config import parse_config
from monitor.corpus import starter_corpus  # type: ignore[import-not-found]
from monitor.demo.samples import load_releases
from monitor.demo.server import FixtureServer
from monitor.demo.site import build_site
from monitor.store import Store  # type: ignore[import-not-found]

ADDED = "A paragraph the ministry added after publishing this release."


def main(out: Path, digest: bool) -> None:
    releases = load_releases()[:4]
    edited = dataclasses.replace(releases[1], paragraphs=(*releases[1].paragraphs, ADDED))
    with FixtureServer() as server, tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "snapshots"
        data = {
            "snapshots": str(root),
            "fetch": {"per_host_delay": 0, "backoff": 0.01, "retries": 1, "timeout": 10},
            "sources": [{"name": "ministry", "url": server.url("/news/")}],
            "revisit": {"fresh_days": 36500},
            "email": {"to": ["desk@example.org"], "outbox": str(Path(tmp) / "outbox")},
        }
        config = parse_config(yaml.safe_dump(data), base_dir=Path(tmp))
        for shown, gone in ((releases, []), ([releases[0], edited, releases[2]], [releases[3]])):
            server.set_routes(build_site(shown, origin=server.origin, gone=gone))
            with Store.open(root) as store:
                asyncio.run(run_check(config, store, CheckOptions()))
        if digest:
            from monitor.digests import send_pending  # type: ignore[import-not-found]

            with Store.open(root) as store:
                send_pending(store, config.email, Path(tmp) / "outbox")
        _save(root, out, server.origin)


def _save(root: Path, out: Path, origin: str) -> None:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for folder in ("text", "raw"):
        shutil.copytree(root / folder, out / folder)
    conn = sqlite3.connect(root / "catalogue.sqlite")
    sql = "\n".join(conn.iterdump()) + "\n"
    conn.close()
    corpus = starter_corpus().resolve().as_uri()
    (out / "catalogue.sql").write_text(
        sql.replace(origin, "{origin}").replace(corpus, "{corpus}"), encoding="utf-8"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]), "--digest" in sys.argv[2:])
