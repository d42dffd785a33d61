"""Benchmark: one check of a generated ministry web of many sources, against the HTTP floor.

Serves `sources` generated sites (`per_source` releases each, WordPress / Drupal / hand-made in
turn) on 127.0.0.1 from a separate process, so the server and the monitor do not share a GIL,
then times, each in a fresh process so no phase inherits another's memory peak:

  baseline  the first check: every release fetched, extracted and stored
  steady    the next check, nothing changed, default revisit policy
  refetch   a check with `refetch_all`: every release downloaded again
  floor     plain httpx GETs of the pages the re-fetch reads, once each, same concurrency

Requests are counted by the server. Targets (the issue's): refetch within 1.5x the floor, peak
RSS under 150 MB. Usage: python bench/bench_check.py [--sources 20] [--per-source 100]
[--concurrency 8] [--quick]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

STYLES = ("wordpress", "drupal", "handmade")
SEED = 2024
TARGET_RATIO = 1.5
TARGET_RSS_MB = 150.0
ROBOTS = "User-agent: *\nDisallow: /wp-admin/\n"


# --- the server process ------------------------------------------------------------------


def serve(args: argparse.Namespace) -> None:
    """Serve the sites; answer `count` on stdin with the requests served since the last one."""
    from monitor.demo.samples import generate_releases
    from monitor.demo.server import FixtureServer, Route
    from monitor.demo.site import SiteLayout, build_site

    releases = generate_releases(args.sources * args.per_source, seed=SEED)
    with FixtureServer() as server:
        routes: dict[str, Any] = {}
        sources, listings, articles = [], [], []
        for i in range(args.sources):
            style = STYLES[i % len(STYLES)]
            layout = SiteLayout(style, f"/s{i + 1:02d}/")
            mine = releases[i :: args.sources]
            routes.update(
                build_site(
                    mine,
                    style=style,
                    per_page=args.per_page,
                    base_path=layout.base_path,
                    origin=server.origin,
                    archives=False,
                )
            )
            sources.append({"name": f"s{i + 1:02d}-{style}", "url": server.url(layout.listing(1))})
            listings.append(server.url(layout.listing(1)))
            articles.extend(server.url(layout.article(r)) for r in mine)
        routes["/robots.txt"] = Route(body=ROBOTS.encode(), content_type="text/plain")
        server.set_routes(routes)
        Path(args.manifest).write_text(
            json.dumps({"sources": sources, "listings": listings, "articles": articles})
        )
        print(json.dumps({"origin": server.origin, "routes": len(routes)}), flush=True)
        cpu = time.process_time()
        for line in sys.stdin:
            if line.strip() == "count":
                served = server.requests
                server.clear_requests()
                by_status: dict[str, int] = {}
                for record in served:
                    by_status[str(record.status)] = by_status.get(str(record.status), 0) + 1
                used, cpu = time.process_time() - cpu, time.process_time()
                answer = {"requests": len(served), "status": by_status, "server_cpu": used}
                print(json.dumps(answer), flush=True)


# --- the phases, each in its own process ---------------------------------------------------


def _rss_now_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def phase_check(workdir: Path, refetch: bool) -> dict[str, Any]:
    from monitor.check import CheckOptions, run_check
    from monitor.config import load_config
    from monitor.store import Store

    config = load_config(workdir / "config.yaml")
    rss_start = _rss_now_mb()
    started, cpu = time.perf_counter(), time.process_time()
    store = Store.open(config.snapshots_dir, wait=0)
    try:
        report = asyncio.run(run_check(config, store, CheckOptions(refetch_all=refetch)))
    finally:
        store.close()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    kinds: dict[str, int] = {}
    for event in report.events:
        kinds[event.kind] = kinds.get(event.kind, 0) + 1
    return {
        "seconds": seconds,
        "cpu": cpu,
        "rss_start": rss_start,
        "peak_rss": _peak_rss_mb(),
        "fetched": sum(s.fetched for s in report.sources),
        "not_modified": sum(s.not_modified for s in report.sources),
        "unchanged": sum(s.unchanged for s in report.sources),
        "listed": sum(s.releases_seen for s in report.sources),
        "events": kinds,
        "errors": [f"{e.url}: {e.message}" for e in report.errors][:5],
        "error_count": len(report.errors),
    }


def phase_floor(workdir: Path, concurrency: int) -> dict[str, Any]:
    import httpx

    manifest = json.loads((workdir / "manifest.json").read_text())
    urls: list[str] = manifest["listings"] + manifest["articles"]
    rss_start = _rss_now_mb()

    async def run() -> int:
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        slots = asyncio.Semaphore(concurrency)
        async with httpx.AsyncClient(limits=limits, timeout=30) as client:

            async def get(url: str) -> int:
                async with slots:
                    resp = await client.get(url)
                    return len(resp.content) if resp.status_code == 200 else 0

            sizes = await asyncio.gather(*(get(u) for u in urls))
        return sum(1 for s in sizes if s)

    started, cpu = time.perf_counter(), time.process_time()
    ok = asyncio.run(run())
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "seconds": seconds,
        "cpu": cpu,
        "rss_start": rss_start,
        "peak_rss": _peak_rss_mb(),
        "fetched": ok,
        "error_count": len(urls) - ok,
    }


def run_phase(args: argparse.Namespace) -> None:
    workdir = Path(args.workdir)
    if args.phase == "floor":
        result = phase_floor(workdir, args.concurrency)
    else:
        result = phase_check(workdir, refetch=args.phase == "refetch")
    print(json.dumps(result), flush=True)


# --- the driver ----------------------------------------------------------------------------


def write_config(workdir: Path, sources: list[dict[str, str]], args: argparse.Namespace) -> None:
    import yaml

    max_pages = max(1, math.ceil(args.per_source / args.per_page))
    config = {
        "snapshots": str(workdir / "snapshots"),
        "fetch": {"per_host_delay": 0, "concurrency": args.concurrency, "robots": True,
                  "timeout": 30},
        "sources": [{**s, "max_pages": max_pages} for s in sources],
    }  # fmt: skip
    (workdir / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))


class Server:
    def __init__(self, workdir: Path, args: argparse.Namespace):
        cmd = [
            sys.executable, __file__, "--serve", "--sources", str(args.sources),
            "--per-source", str(args.per_source), "--per-page", str(args.per_page),
            "--manifest", str(workdir / "manifest.json"),
        ]  # fmt: skip
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        hello = self._read()
        self.origin, self.routes = hello["origin"], hello["routes"]

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            raise SystemExit("the benchmark server process died; see its traceback above")
        return json.loads(line)

    def count(self) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write("count\n")
        self.proc.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def measure(phase: str, workdir: Path, server: Server, args: argparse.Namespace) -> dict[str, Any]:
    server.count()  # reset the server's request log
    cmd = [sys.executable, __file__, "--phase", phase, "--workdir", str(workdir),
           "--concurrency", str(args.concurrency)]  # fmt: skip
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result.update(server.count())
    result["phase"] = phase
    return result


def _median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]


def _notes(r: dict[str, Any]) -> str:
    if r["phase"] == "floor":
        return f"{r['fetched']} pages read"
    parts = [f"listed {r['listed']}"] if r["listed"] else ["listings unchanged (304 or same bytes)"]
    parts.append(f"releases fetched {r['fetched']}")
    if r["not_modified"]:
        parts.append(f"304 {r['not_modified']}")
    if r["unchanged"]:
        parts.append(f"unchanged {r['unchanged']}")
    parts += [f"{k} {v}" for k, v in sorted(r["events"].items())]
    if r["error_count"]:
        parts.append(f"errors {r['error_count']}")
    return ", ".join(parts)


def table(rows: list[dict[str, Any]]) -> str:
    head = ("phase", "seconds", "client CPU s", "server CPU s", "requests", "pages/s",
            "peak RSS MB", "RSS at start MB", "what happened")  # fmt: skip
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        rate = r["requests"] / r["seconds"] if r["seconds"] else 0.0
        statuses = ", ".join(f"{k}: {v}" for k, v in sorted(r["status"].items()))
        cells = (
            r["label"], f"{r['seconds']:.2f}", f"{r['cpu']:.2f}", f"{r['server_cpu']:.2f}",
            f"{r['requests']} ({statuses})", f"{rate:.0f}", f"{r['peak_rss']:.0f}",
            f"{r['rss_start']:.0f}", _notes(r),
        )  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def drive(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-check-") as tmp:
        workdir = Path(args.workdir or tmp)
        if (workdir / "snapshots").exists():
            raise SystemExit(f"{workdir / 'snapshots'} exists: give an empty --workdir")
        workdir.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        server = Server(workdir, args)
        try:
            manifest = json.loads((workdir / "manifest.json").read_text())
            write_config(workdir, manifest["sources"], args)
            print(
                f"{args.sources} sources x {args.per_source} releases "
                f"({server.routes} routes) at {server.origin}, ready in "
                f"{time.perf_counter() - started:.1f} s; concurrency {args.concurrency}, "
                f"{args.repeat} run(s) of refetch and floor",
                file=sys.stderr,
            )
            rows = []
            for phase in ("baseline", "steady"):
                rows.append(measure(phase, workdir, server, args))
                rows[-1]["label"] = phase
                print(f"  {phase}: {rows[-1]['seconds']:.2f} s", file=sys.stderr)
            refetches, floors = [], []
            for _ in range(args.repeat):  # interleaved, so drift hits both alike
                refetches.append(measure("refetch", workdir, server, args))
                floors.append(measure("floor", workdir, server, args))
                print(
                    f"  refetch {refetches[-1]['seconds']:.2f} s, "
                    f"floor {floors[-1]['seconds']:.2f} s",
                    file=sys.stderr,
                )
        finally:
            server.close()
    suffix = f" (median of {args.repeat})" if args.repeat > 1 else ""
    refetch, floor = _median_run(refetches), _median_run(floors)
    refetch["label"], floor["label"] = "refetch" + suffix, "floor" + suffix
    rows += [refetch, floor]
    ratio = refetch["seconds"] / floor["seconds"]
    cpu_ratio = refetch["cpu"] / floor["cpu"]
    peak = max(r["peak_rss"] for r in rows if r["phase"] != "floor")
    ratio_ok, rss_ok = ratio <= TARGET_RATIO, peak < TARGET_RSS_MB
    print(
        f"{args.sources} sources x {args.per_source} releases, concurrency {args.concurrency}; "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}"
    )
    print(table(rows))
    if args.repeat > 1:
        print(
            "refetch runs: " + ", ".join(f"{r['seconds']:.2f}" for r in refetches) + " s; "
            "floor runs: " + ", ".join(f"{r['seconds']:.2f}" for r in floors) + " s"
        )
    print(
        f"refetch / floor = {ratio:.2f} (target <= {TARGET_RATIO}: "
        f"{'met' if ratio_ok else 'MISSED'}; in client CPU time {cpu_ratio:.2f}); "
        f"peak RSS of a check {peak:.0f} MB "
        f"(target < {TARGET_RSS_MB:.0f}: {'met' if rss_ok else 'MISSED'})"
    )
    for r in rows:
        for err in r.get("errors", []):
            print(f"  {r['label']} error: {err}", file=sys.stderr)
    return 0 if (ratio_ok and rss_ok) or not args.fail_on_miss else 1


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--sources", type=int, default=20)
    p.add_argument("--per-source", type=int, default=100)
    p.add_argument("--per-page", type=int, default=100, help="releases per listing page")
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--repeat", type=int, default=3, help="runs of refetch and floor (median)")
    p.add_argument("--quick", action="store_true", help="smoke run: 4 sources x 50, 1 repeat")
    p.add_argument("--workdir", help="keep the store and config here instead of a temp folder")
    p.add_argument("--fail-on-miss", action="store_true", help="exit 1 when a target is missed")
    p.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--manifest", help=argparse.SUPPRESS)
    p.add_argument("--phase", choices=("baseline", "steady", "refetch", "floor"),
                   help=argparse.SUPPRESS)  # fmt: skip
    args = p.parse_args(argv)
    if args.quick:
        args.sources, args.per_source, args.repeat = 4, 50, 1
    if args.per_page < 1 or args.sources < 1 or args.per_source < 1 or args.repeat < 1:
        p.error("--sources, --per-source, --per-page and --repeat must be at least 1")
    if args.sources > 99:
        p.error("--sources: at most 99")
    if args.serve:
        serve(args)
        return 0
    if args.phase:
        run_phase(args)
        return 0
    return drive(args)


if __name__ == "__main__":
    sys.exit(main())
