"""Sizing simulation: a fleet of sources (10,000 by default) and a catalogue of 10 million
versions, on paper, from measured parts.

Measured here, on a real store and real checks (sim_measure.py): bytes per release, version,
event and check row and per archive file; requests and CPU of one scheduled check of a source
that finds nothing to read. Taken from the README's "Performance" section (bench_check.py): CPU
per release read (33 ms for a new release, 8.5 ms for a re-read whose page bytes changed).
Taken from the code: the schedule (monitor/run/schedule.py: each source's own interval and
jitter, through `next_due`, the service's own function), the revisit policy's defaults
(RevisitConfig: recent releases re-read every check, then daily, then weekly) and the politeness
delay (FetchConfig.per_host_delay: requests to one host one after another, that far apart).
Assumed, as flags: how many releases a source publishes a day, how many are edited or taken
down, how many sources share a host, how long a site takes to answer.

A day of schedules is simulated event by event: each source falls due by `next_due`, waits in a
FIFO queue for a free check slot (one source checked by one slot, its requests one after another
at the politeness delay), and its next due time follows from when its check ended, as the
service computes it. Printed: requests per second (fleet, per host, peaks), queue depth and wait,
check slots, CPU cores and workers needed, and catalogue and archive growth per month.
Usage: python bench/sim_fleet.py [--sources 10000] [--versions 10000000] [--store DIR]
"""

from __future__ import annotations

import argparse
import heapq
import math
import random
import sys
import tempfile
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sim_measure import CheckCost, Sizes, build_store, measure_store

from monitor.config import FetchConfig, RevisitConfig, ScheduleConfig, SourceConfig
from monitor.run.schedule import SourceTimes, cadence_for, next_due

T0 = datetime(2027, 1, 4, tzinfo=UTC)  # a Monday
CPU_NEW_MS = 33.0  # README "Performance", bench_check.py baseline: CPU per release read
CPU_REREAD_MS = 8.5  # README "Performance", chrome phase: a re-read whose page bytes changed
MONTH_DAYS = 30


@dataclass(frozen=True)
class Fleet:
    sources: int
    versions: int
    releases_per_day: float  # new releases a source publishes a day
    edits: float  # later versions per release (edits found)
    removals: float  # releases taken down, per release
    per_host: int  # sources sharing one host (a ministry's languages, sections)
    delay: float  # FetchConfig.per_host_delay
    latency: float  # seconds a site takes to answer one request
    concurrency: int  # checks one worker process runs at once
    utilisation: float  # CPU share of a core to plan for
    hours: float

    @property
    def releases_per_source(self) -> float:
        return self.versions / (1 + self.edits) / self.sources

    @property
    def request_time(self) -> float:
        return max(self.delay, self.latency)


@dataclass
class Revisits:
    """Re-reads per check of one source under the revisit policy, in its steady state."""

    every: float  # the source's check interval, seconds
    fresh: float  # releases younger than fresh_days: every check
    daily: float  # until daily_until_days: once 23 h after the last read
    weekly: float  # the rest: once `older_every` after

    @classmethod
    def of(cls, fleet: Fleet, every: float, policy: RevisitConfig) -> Revisits:
        r, n = fleet.releases_per_day, fleet.releases_per_source
        fresh = min(n, r * policy.fresh_days)
        daily = min(n - fresh, r * (policy.daily_until_days - policy.fresh_days))
        weekly = max(0.0, n - fresh - daily)
        day_period = math.ceil(23 * 3600 / every) * every  # the first check 23 h after
        week_period = math.ceil(policy.older_every / every) * every
        return cls(every, fresh, daily * every / day_period, weekly * every / week_period)

    @property
    def per_check(self) -> float:
        return self.fresh + self.daily + self.weekly


@dataclass
class Day:
    """What a simulated day did."""

    checks: int = 0
    requests: int = 0
    new_reads: int = 0
    cpu_s: float = 0.0
    waits: list[float] = field(default_factory=list)
    durations: list[float] = field(default_factory=list)
    max_depth: int = 0
    depth_seconds: float = 0.0  # integral of queue depth over time
    hourly_depth: list[int] = field(default_factory=list)  # max queue depth in each hour
    max_running: int = 0
    busy_seconds: float = 0.0  # integral of checks running over time
    host_requests: dict[int, int] = field(default_factory=dict)
    host_peak: int = 0  # most checks of one host running at once


def _stochastic(x: float, rng: random.Random) -> int:
    whole = math.floor(x)
    return whole + (rng.random() < x - whole)


def simulate_day(fleet: Fleet, cost: CheckCost, start: str, slots: int | None,
                 seed: int = 1) -> Day:  # fmt: skip
    """One day of the fleet's schedules. `start`: "steady" (last checks spread over the past
    interval, as after months of running) or "cold" (nothing checked yet: all due at once).
    `slots`: checks at once over all workers (None: as many as are due)."""
    rng = random.Random(seed)
    schedule, policy = ScheduleConfig(), RevisitConfig()
    names = [f"source-{i:05d}" for i in range(fleet.sources)]
    cadence = cadence_for(SourceConfig(name=names[0], url="https://example.org/"), schedule)
    every = cadence.every or schedule.every
    revisits = Revisits.of(fleet, every, policy)
    new_per_check = fleet.releases_per_day * every / 86400
    events: list[tuple[float, int, int]] = []  # (time, 0 = a check ends / 1 = falls due, source)
    for i, name in enumerate(names):
        last = None if start == "cold" else T0 - timedelta(seconds=rng.uniform(0, every))
        due = next_due(name, cadence, SourceTimes(last_check_at=last), T0)
        heapq.heappush(events, ((due.at - T0).total_seconds(), 1, i))
    day, horizon = Day(hourly_depth=[0] * math.ceil(fleet.hours)), fleet.hours * 3600
    queue: deque[tuple[int, float]] = deque()
    running: dict[int, int] = {}  # host → checks running
    now, busy = 0.0, 0
    while events and events[0][0] <= horizon:
        t, kind, i = heapq.heappop(events)
        day.depth_seconds += len(queue) * (t - now)
        day.busy_seconds += busy * (t - now)
        now = t
        if kind == 1:
            queue.append((i, t))
        else:
            running[i // fleet.per_host] -= 1
            busy -= 1
            ended = T0 + timedelta(seconds=t)
            due = next_due(names[i], cadence, SourceTimes(last_check_at=ended), ended)
            heapq.heappush(events, ((due.at - T0).total_seconds(), 1, i))
        while queue and (slots is None or busy < slots):
            j, due_t = queue.popleft()
            _start(fleet, cost, revisits, new_per_check, day, running, j, t - due_t, rng)
            heapq.heappush(events, (t + day.durations[-1], 0, j))
            busy += 1
        day.max_depth = max(day.max_depth, len(queue))
        hour = min(int(t // 3600), len(day.hourly_depth) - 1)
        day.hourly_depth[hour] = max(day.hourly_depth[hour], len(queue))
        day.max_running = max(day.max_running, busy)
    return day


def _start(fleet: Fleet, cost: CheckCost, revisits: Revisits, new_per_check: float, day: Day,
           running: dict[int, int], i: int, waited: float, rng: random.Random) -> None:  # fmt: skip
    host = i // fleet.per_host
    running[host] = running.get(host, 0) + 1
    day.host_peak = max(day.host_peak, running[host])
    rereads = _stochastic(revisits.per_check, rng)
    new = _stochastic(new_per_check, rng)
    requests = _stochastic(cost.requests, rng) + rereads + new
    day.checks += 1
    day.requests += requests
    day.new_reads += new
    day.cpu_s += cost.cpu_s + (rereads * CPU_REREAD_MS + new * CPU_NEW_MS) / 1000
    day.waits.append(waited)
    day.durations.append(requests * fleet.request_time)
    day.host_requests[host] = day.host_requests.get(host, 0) + requests


# --- growth ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Growth:
    versions: float
    catalogue: float  # bytes
    archive: float  # bytes (object sizes)
    archive_disk: float  # bytes in a local folder's disk blocks
    objects: float  # files or objects written
    checks: float  # check rows


def growth(fleet: Fleet, sizes: Sizes, checks_per_day: float, days: float) -> Growth:
    releases = fleet.sources * fleet.releases_per_day * days
    edits, removed = releases * fleet.edits, releases * fleet.removals
    versions = releases + edits
    checks = checks_per_day * days
    event = sizes.event_row
    catalogue = (releases * sizes.release_row + versions * sizes.version_row
                 + releases * event.get("new", 0) + edits * event.get("changed", 0)
                 + removed * event.get("removed", 0) + checks * sizes.check_row)  # fmt: skip
    archive = versions * (sizes.text_file + sizes.raw_file)
    disk = versions * (sizes.text_file_disk + sizes.raw_file_disk)
    return Growth(versions, catalogue, archive, disk, 2 * versions, checks)


# --- the table ---------------------------------------------------------------------------------


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _gb(n: float) -> str:
    return f"{n / 1e9:,.1f} GB" if n >= 1e9 else f"{n / 1e6:,.0f} MB"


def measured_rows(sizes: Sizes, cost: CheckCost) -> list[tuple[str, str]]:
    ev = ", ".join(f"{k} {v:,.0f}" for k, v in sorted(sizes.event_row.items()))
    return [
        ("store measured", f"{sizes.store} ({sizes.releases} releases, {sizes.versions} "
                           f"versions, {sum(sizes.events.values())} events)"),
        ("catalogue bytes a release row", f"{sizes.release_row:,.0f}"),
        ("catalogue bytes a version row", f"{sizes.version_row:,.0f} (its text "
                                          f"{sizes.version_text:,.0f})"),
        ("catalogue bytes an event row", ev),
        ("catalogue bytes a check row", f"{sizes.check_row:,.0f}"),
        ("archive bytes a version", f"text {sizes.text_file:,.0f} + raw gzip "
         f"{sizes.raw_file:,.0f} (disk blocks {sizes.text_file_disk + sizes.raw_file_disk:,.0f}"
         f"; page before gzip {sizes.raw_body:,.0f})"),
        ("one check of a source, nothing to read", f"{cost.requests:.1f} requests, "
         f"{cost.cpu_s * 1000:.0f} ms CPU " + (f"(each source checked alone, {cost.samples} "
         "sources)" if cost.samples else "(given: --fixed-requests, --fixed-cpu-ms)")),
    ]  # fmt: skip


def day_rows(fleet: Fleet, name: str, day: Day, slots: int | None) -> list[tuple[str, str]]:
    hours = fleet.hours
    mean_host = sum(day.host_requests.values()) / max(len(day.host_requests), 1) / (hours * 3600)
    top_host = max(day.host_requests.values(), default=0) / (hours * 3600)
    hourly = " ".join(str(d) for d in day.hourly_depth)
    label = f"{name}, {slots} slots" if slots else f"{name}, unlimited slots"
    return [
        (f"[{label}] checks / requests", f"{day.checks:,} / {day.requests:,} "
         f"({day.requests / (hours * 3600):,.1f} req/s over the fleet)"),
        (f"[{label}] requests/s per host", f"mean {mean_host:.4f}, busiest host {top_host:.4f}; "
         f"peak {day.host_peak} checks of one host at once = "
         f"{day.host_peak / fleet.request_time:.1f} req/s (one check: "
         f"{1 / fleet.request_time:.1f})"),
        (f"[{label}] check duration p50 / p95", f"{_pct(day.durations, .5):.0f} s / "
         f"{_pct(day.durations, .95):.0f} s"),
        (f"[{label}] checks running", f"mean {day.busy_seconds / (hours * 3600):.0f}, "
         f"peak {day.max_running:,}"),
        (f"[{label}] queue depth", f"max {day.max_depth:,}, mean "
         f"{day.depth_seconds / (hours * 3600):,.0f}; max by hour: {hourly}"),
        (f"[{label}] wait from due to start", f"p50 {_pct(day.waits, .5):.0f} s, p95 "
         f"{_pct(day.waits, .95):.0f} s, max {max(day.waits, default=0):.0f} s"),
        (f"[{label}] CPU", f"{day.cpu_s / (hours * 3600):.2f} cores busy on average"),
    ]  # fmt: skip


def sizing_rows(fleet: Fleet, sizes: Sizes, steady: Day, slots: int) -> list[tuple[str, str]]:
    hours = fleet.hours
    cores = steady.cpu_s / (hours * 3600) / fleet.utilisation
    per_day = steady.checks * 24 / hours
    month = growth(fleet, sizes, per_day, MONTH_DAYS)
    months = fleet.versions / month.versions
    full = growth(fleet, sizes, per_day, MONTH_DAYS * months)
    download = steady.requests * 24 / hours * sizes.raw_body
    return [
        ("check slots to plan for", f"{slots:,} = {math.ceil(slots / fleet.concurrency)} worker "
         f"processes at --concurrency {fleet.concurrency}"),
        ("CPU cores to plan for", f"{cores:.1f} (at {fleet.utilisation:.0%} use)"),
        ("downloaded a day", _gb(download)),
        ("growth a month", f"{month.versions:,.0f} versions: catalogue {_gb(month.catalogue)}, "
         f"archive {_gb(month.archive)} in {month.objects:,.0f} objects (local disk "
         f"{_gb(month.archive_disk)}), {month.checks:,.0f} check rows"),
        (f"at {fleet.versions:,} versions", f"after {months:.1f} months: catalogue "
         f"{_gb(full.catalogue)}, archive {_gb(full.archive)} in {full.objects:,.0f} objects "
         f"(local disk {_gb(full.archive_disk)})"),
    ]  # fmt: skip


def print_table(rows: list[tuple[str, str]]) -> None:
    width = max(len(k) for k, _v in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    fetch, p = FetchConfig(), argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sources", type=int, default=10_000)
    p.add_argument("--versions", type=int, default=10_000_000)
    p.add_argument("--releases-per-day", type=float, default=2.0, help="new, per source")
    p.add_argument("--edits", type=float, default=0.1, help="later versions per release")
    p.add_argument("--removals", type=float, default=0.01, help="taken down, per release")
    p.add_argument("--per-host", type=int, default=2, help="sources sharing one host")
    p.add_argument("--delay", type=float, default=fetch.per_host_delay)
    p.add_argument("--latency", type=float, default=0.8, help="a site's answer, seconds")
    p.add_argument("--concurrency", type=int, default=64, help="checks a worker runs at once")
    p.add_argument("--utilisation", type=float, default=0.7)
    p.add_argument("--hours", type=float, default=24.0)
    p.add_argument("--slots", type=int, help="simulate a steady day at this many check slots "
                   "(default: 1.1 x the mean checks running)")  # fmt: skip
    p.add_argument("--store", type=Path, help="measure this store instead of building one")
    p.add_argument("--fixed-requests", type=float, default=2.0,
                   help="with --store: requests of a check that reads nothing")  # fmt: skip
    p.add_argument("--fixed-cpu-ms", type=float, default=50.0, help="with --store: its CPU")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    began = time.perf_counter()
    if args.store:
        sizes = measure_store(args.store)
        cost = CheckCost(args.fixed_requests, args.fixed_cpu_ms / 1000)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            snapshots, cost = build_store(Path(tmp))
            sizes = measure_store(snapshots)
    measured = time.perf_counter()
    fleet = Fleet(args.sources, args.versions, args.releases_per_day, args.edits, args.removals,
                  args.per_host, args.delay, args.latency, args.concurrency, args.utilisation,
                  args.hours)  # fmt: skip
    rows = measured_rows(sizes, cost)
    revisits = Revisits.of(fleet, ScheduleConfig().every, RevisitConfig())
    rows.append(("re-reads a check (revisit policy)", f"{revisits.per_check:.1f} = fresh "
                 f"{revisits.fresh:.0f} + daily {revisits.daily:.1f} + weekly "
                 f"{revisits.weekly:.1f} ({fleet.releases_per_source:,.0f} releases a source)"))
    steady = simulate_day(fleet, cost, "steady", None)  # as many slots as checks due
    rows += day_rows(fleet, "steady", steady, None)
    slots = math.ceil(steady.max_running * 1.25)
    tight = args.slots or math.ceil(steady.busy_seconds / (fleet.hours * 3600) * 1.1)
    rows += day_rows(fleet, "steady", simulate_day(fleet, cost, "steady", tight), tight)
    rows += day_rows(fleet, "cold start", simulate_day(fleet, cost, "cold", slots), slots)
    rows += sizing_rows(fleet, sizes, steady, slots)
    print(f"{fleet.sources:,} sources, {fleet.versions:,} versions, "
          f"{fleet.releases_per_day:g} new releases a source a day, {fleet.per_host} sources a "
          f"host, politeness {fleet.delay:g} s, site answers in {fleet.latency:g} s")  # fmt: skip
    print_table(rows)
    print(f"(measured in {measured - began:.0f} s, simulated in "
          f"{time.perf_counter() - measured:.0f} s)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
