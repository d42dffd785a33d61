"""How long a queued `monitor check` of 20 sources takes with 1 and 2 `monitor worker` processes
(and threads per worker), beside the same check in process.

The sites, workers and check are those of tests/test_queue.py: 4 hosts of 5 small sample sites
(3 releases each) on 127.0.0.1, a real broker (RabbitMQ by default; --broker redis://…), a real
SQLite store. Round 1 reads every release (60); round 2 finds nothing new (the steady state).
Each `monitor check` is timed whole, as a user waits for it: process start included.

    python bench/bench_queue.py [--broker URL]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.services import DEFAULTS, Service
from tests.test_queue import check, queue_on, sites, workers, write_config

SETUPS = [(0, 0), (1, 1), (2, 1), (1, 2), (2, 2)]  # (workers, threads each); 0: in process


def rounds(folder: Path, sources: list[dict], broker: str, count: int, threads: int) -> list[float]:
    if not count:
        return _timed(write_config(folder, sources, None), 0, 0)
    with queue_on(Service("broker", broker)) as queue:
        return _timed(write_config(folder, sources, queue), count, threads)


def _timed(config: Path, count: int, threads: int) -> list[float]:
    times: list[float] = []

    def timed() -> None:
        started = time.monotonic()
        report, _ = check(config)
        times.append(time.monotonic() - started)
        assert not report["errors"], report["errors"]

    if count == 0:
        timed(), timed()
    else:
        with workers(config, count, threads):
            timed(), timed()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--broker", default=DEFAULTS["MONITOR_TEST_AMQP"])
    args = parser.parse_args()
    print("setup                      round 1 (60 new)   round 2 (nothing new)")
    with tempfile.TemporaryDirectory() as tmp, sites(4, 5, 3) as sources:
        for i, (count, threads) in enumerate(SETUPS):
            first, second = rounds(Path(tmp) / f"s{i}", sources, args.broker, count, threads)
            name = "in process" if count == 0 else f"{count} worker(s) x {threads} thread(s)"
            print(f"{name:<26} {first:8.2f} s          {second:8.2f} s", flush=True)


if __name__ == "__main__":
    main()
