"""`monitor worker`: takes "check source S" messages from the queue and runs each as the one-source
check `monitor run` does (run_check_command), acknowledged only once it ended.

A check is idempotent: run twice, the second finds what the first stored and records nothing
again; a check killed half-way left only whole releases (its writes are crash-safe), and the
check that takes its message over picks up the rest. Never are two checks of one source, or of
one host (politeness), run at once:
- inside this process, by the set of sources being checked (`_claim`);
- across processes, with the SQLite catalogue by the store lock (`<store>/.lock`,
  monitor/store/lease.py): one process writes at a time, and this process's threads share one
  hold on it, a lease, as the service's jobs do. With the PostgreSQL catalogue there is no store
  lock: the check holds an advisory lock on its source (Store.sources_locked, store/postgres.py;
  held by the check's connection, so a killed worker's locks end with it), and the worker one on
  its host (`_host_locked`, on a connection of its own, which dies with the worker too).
"""

from __future__ import annotations

import contextlib
import io
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import TypeVar
from urllib.parse import urlsplit

from rich.console import Console

from monitor.config import Config
from monitor.queue.broker import declare, make_broker, shown, unreachable
from monitor.run.cycle import run_check_command
from monitor.store.catalogue import Store, StoreBusy
from monitor.store.lease import StoreLease
from monitor.store.rounds import round_checks

T = TypeVar("T")
LOCK_POLL = 0.2  # seconds between two tries of the store lock another process holds
LOCK_WAIT = 600.0  # then the check fails and the engine tries it again later


class CheckWorker:
    """What one worker process does with each message, from any of its threads."""

    def __init__(self, config: Config, log: Callable[[str], None]):
        self.config = config
        self.log = log
        self.lease = StoreLease(config.snapshots_dir)
        self.hosts = {src.name: urlsplit(src.url).netloc.lower() for src in config.sources}
        self._busy = threading.Condition()
        self._checking: set[str] = set()

    def check_source(
        self, name: str, round_id: str = "", refetch_all: bool = False, after: int = 0
    ) -> None:
        """`after`: the last row of `checks` before the round was sent (older senders: 0)."""
        if name not in self.hosts:
            # another config than the sender's: no retry helps; the sender says it waited
            self.log(f"skipped {name}: no such source in this worker's config")
            return
        if round_id and self._ended(name, round_id, after):
            # a worker killed after its check ended and before the broker heard so: the
            # message comes again, and the round has its check of this source already
            self.log(f"skipped {name}: its check of round {round_id} has ended already")
            return
        started = time.monotonic()
        with self._claim(name), self._host_locked(name):
            report = self._locked(
                lambda: run_check_command(
                    self.config,
                    sources=[name],
                    refetch_all=refetch_all,
                    wait=0,
                    send_email=False,  # the sender (or the scheduler) sends the digest
                    console=Console(file=io.StringIO()),
                    lease=self.lease,
                    label={"round": round_id, "source": name},
                )
            )
        self.log(
            f"checked {name}: {len(report.new)} new, {len(report.changed)} changed, "
            f"{len(report.removed)} removed, {len(report.errors)} errors "
            f"in {time.monotonic() - started:.2f} s"
        )

    def _ended(self, name: str, round_id: str, after: int) -> bool:
        if not Store.exists(self.config.snapshots_dir):
            return False
        with Store.open(self.config.snapshots_dir, readonly=True) as store:
            rows = round_checks(store.conn, round_id, after)
        return any(r.done and r.source == name for r in rows)

    @contextlib.contextmanager
    def _claim(self, name: str) -> Iterator[None]:
        """Wait until neither this source nor another of its host is being checked here."""
        host = self.hosts[name]
        with self._busy:
            self._busy.wait_for(lambda: all(self.hosts[o] != host for o in self._checking))
            self._checking.add(name)
        try:
            yield
        finally:
            with self._busy:
                self._checking.discard(name)
                self._busy.notify_all()

    def _host_locked(self, name: str) -> contextlib.AbstractContextManager[None]:
        """Across workers: with the PostgreSQL catalogue, an advisory lock on the source's host
        (the SQLite store lock already lets one process check at a time)."""
        url = self.config.store.catalogue
        if url is None:
            return contextlib.nullcontext()
        from monitor.store.postgres import host_lock

        return host_lock(url, self.hosts[name], LOCK_WAIT)

    def _locked(self, work: Callable[[], T]) -> T:
        """Run `work` (which opens the store with wait=0), polling while another process
        holds the store lock."""
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                return work()
            except StoreBusy:
                if time.monotonic() >= deadline:
                    raise
            time.sleep(LOCK_POLL)


def run_worker(config: Config, concurrency: int, log: Callable[[str], None]) -> None:
    """Take checks from the queue until SIGTERM or SIGINT; the checks in flight finish first."""
    from dramatiq import Worker

    assert config.queue is not None
    broker = make_broker(config.queue.url)
    job = CheckWorker(config, log)
    declare(broker, config.queue.name, job.check_source)
    worker = Worker(broker, worker_threads=concurrency, worker_timeout=200)
    worker.queue_prefetch = concurrency  # hold no more messages than it can run
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    try:
        worker.start()
    except Exception as exc:
        raise unreachable(config.queue.url, exc) from None
    log(
        f"worker ready: queue {config.queue.name!r} on {shown(config.queue.url)}, "
        f"{concurrency} at once, store {config.snapshots_dir}"
    )
    stop.wait()
    log("stopping: the checks in flight finish, the messages held go back to the queue")
    worker.stop()
    broker.close()


def stderr_log(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
