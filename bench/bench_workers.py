"""Throughput of queued checks: releases checked per minute with 1, 2 and 4 `monitor worker`
processes, on the PostgreSQL catalogue and on SQLite.

A generated web (tests/fleet_web.py: `--sources` sites of `--releases` generated releases, on
`--hosts` local servers, so as many hosts to the politeness rules) is served by a separate
process. For each catalogue and worker count: a fresh store (a new PostgreSQL schema, a new
folder), the workers started and connected, then one `monitor check` sent through RabbitMQ and
timed whole: every release is new, so each is fetched, read, matched and stored. On SQLite the
workers take turns on the store lock (one writing process at a time); on PostgreSQL each check
holds only its source's and its host's locks.

    python bench/bench_workers.py [--sources 24] [--hosts 8] [--releases 5] [--pg URL]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.services import DEFAULTS, Service
from tests.test_queue import check, queue_on, workers, write_config

COUNTS = (1, 2, 4)


def serve(args: argparse.Namespace) -> None:
    """The server process: print the sources as one JSON line, serve until stdin closes."""
    from tests.fleet_web import fleet_web

    with fleet_web(args.sources, args.hosts, args.releases) as web:
        print(json.dumps(web.sources()), flush=True)
        sys.stdin.read()


def pg_schema(base: str) -> tuple[str, str]:
    import psycopg

    schema = f"bench_workers_{secrets.token_hex(4)}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return schema, f"{base}?options=-csearch_path%3D{schema}"


def drop_schema(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def timed_round(folder: Path, sources: list[dict], broker: str, count: int,
                catalogue: str | None) -> tuple[float, int]:  # fmt: skip
    """Seconds the round took and the releases it stored."""
    with queue_on(Service("broker", broker)) as queue:
        config = write_config(folder, sources, queue, catalogue=catalogue)
        with workers(config, count):
            started = time.monotonic()
            report, _ = check(config)
            took = time.monotonic() - started
    assert not report["errors"], report["errors"][:3]
    return took, len(report["new"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=int, default=24)
    parser.add_argument("--hosts", type=int, default=8)
    parser.add_argument("--releases", type=int, default=5, help="a source (at least 3)")
    parser.add_argument("--broker", default=DEFAULTS["MONITOR_TEST_AMQP"])
    parser.add_argument("--pg", default=DEFAULTS["MONITOR_TEST_POSTGRESQL"])
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve(args)
    command = [sys.executable, __file__, "--serve", *sys.argv[1:]]
    server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        sources = json.loads(server.stdout.readline())
        print(f"{len(sources)} sources on {args.hosts} hosts, {args.releases} releases each; "
              f"load average {os.getloadavg()[0]:.2f} at the start", flush=True)  # fmt: skip
        print("catalogue    workers  seconds  releases  releases/min", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            for name in ("postgresql", "sqlite"):
                for count in COUNTS:
                    _one(Path(tmp) / f"{name}{count}", sources, args, name, count)
        print(f"load average {os.getloadavg()[0]:.2f} at the end", flush=True)
    finally:
        server.stdin.close()
        server.wait(timeout=30)


def _one(folder: Path, sources: list[dict], args: argparse.Namespace, name: str,
         count: int) -> None:  # fmt: skip
    schema, catalogue = pg_schema(args.pg) if name == "postgresql" else (None, None)
    try:
        took, releases = timed_round(folder, sources, args.broker, count, catalogue)
    finally:
        if schema:
            drop_schema(args.pg, schema)
    rate = releases / took * 60
    print(f"{name:<12} {count:>7}  {took:7.1f}  {releases:>8}  {rate:12.0f}", flush=True)


if __name__ == "__main__":
    main()
