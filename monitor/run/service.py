"""`monitor run`: check every source on its own schedule and send digests, for months, unattended.

How it stays safe beside a person running `monitor check`:
- Jobs hold the store lock only for their own work (one source's check, one digest) and let it
  go when the last of them ends (lease.py: concurrent jobs share one hold). A manual check that
  waits for the lock stops new jobs from joining, so it waits only for the jobs in flight. While
  a manual check holds the lock, a job polls for it (a person's check wins; the job waits).
- Events are claimed into a digest in one transaction under that lock, so whichever process
  delivers first sends them and the other finds nothing left to send.

How it stays correct across restarts: nothing is kept in memory that the store does not also
hold. Each source's next time is computed by schedule.py from its last check and its failures,
and each job schedules the next one when it ends (a chain of one-off DateTrigger jobs), so backoff
and "overdue after a restart → check now, once" fall out of the same arithmetic.

Sources are checked independently, on `schedule.workers` threads (default: one per source, at
most 4): a source that hangs (a server trickling its pages) holds one worker, never the others'
schedule. A source is never checked twice at once, nor two sources of one host (politeness:
per_host_delay holds within one check's fetcher). Each job writes through its own SQLite
connection; SQLite queues the writes (WAL, BEGIN IMMEDIATE) and each transaction stays short.
What sources share is kept safe: the related-release index's updates are atomic, the reference
corpus is imported by one job at a time, and digests are delivered one at a time (cycle.py),
so none is sent twice. Digests have a worker of their own: a hung source holds up no mail.

Beside it: service_process.py runs it as a process (signals, logging), service_log.py words its
log lines, service_state.py reads what it decides from (the store, between jobs).
"""

from __future__ import annotations

import contextlib
import io
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo
from typing import TypeVar
from urllib.parse import urlsplit

from apscheduler.events import (
    EVENT_JOB_ERROR,
    EVENT_JOB_MAX_INSTANCES,
    EVENT_JOB_MISSED,
    JobEvent,
    JobExecutionEvent,
)
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers import SchedulerNotRunningError
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.date import DateTrigger
from filelock import FileLock
from rich.console import Console

from monitor.config import Config
from monitor.errors import StoreBusy
from monitor.models import CheckReport
from monitor.run.cycle import (
    DELIVERING,
    CheckInterrupted,
    deliver_digests,
    open_store_for_writing,
    run_check_command,
    undelivered,
)
from monitor.run.schedule import (
    Cadence,
    SourceTimes,
    cadence_for,
    claim_window,
    cron_trigger,
    digest_retry_delay,
    due_after_miss,
    format_duration,
    local_timezone,
    next_due,
)
from monitor.run.service_log import (
    ServiceLog,
    iso,
    log_check,
    log_lines,
    log_scheduled,
    utcnow,
)
from monitor.run.service_state import digest_due_at_start, source_state
from monitor.run.service_state import failures as service_failures
from monitor.run.status import SourceRecord, claim_service_lock, source_records
from monitor.store.catalogue import Store
from monitor.store.claims import claim_source
from monitor.store.lease import StoreLease

T = TypeVar("T")

BUSY_RETRY = 60.0  # a job that could not get the store lock in `lock_wait` tries again after this
STILL_RUNNING = timedelta(seconds=1)  # a source's run found its previous check still ending


class Service:
    """The scheduler, its jobs and their bookkeeping. start() → … → stop()."""

    def __init__(
        self,
        config: Config,
        log: ServiceLog,
        *,
        tz: tzinfo | None = None,
        lock_wait: float = 600.0,
        lock_poll: float = 0.25,
    ):
        self.config = config
        self.log = log
        self.tz = tz or local_timezone()
        self.lock_wait = lock_wait
        self.lock_poll = lock_poll
        self.cadences: dict[str, Cadence] = {
            src.name: cadence_for(src, config.schedule) for src in config.sources
        }
        self.immediate = config.delivers and config.digest_schedule.immediate
        self.workers = config.schedule.workers or max(1, min(4, len(config.sources)))
        # two sources of one site are not checked at once: per_host_delay holds within a check
        self.hosts = {src.name: urlsplit(src.url).netloc.lower() for src in config.sources}
        self.lease = StoreLease(config.snapshots_dir)
        self._stopping = threading.Event()  # no new work starts
        self._abandon = threading.Event()  # the work in flight gives up at its next safe point
        self._busy = threading.Condition()  # guards the three below
        self._jobs = 0  # jobs in flight
        self._checking: set[str] = set()  # sources being checked now
        self._digest_failures = 0
        self._crashes: dict[str, int] = {}  # unexpected job errors in a row (not source failures)
        self._gathering: set[str] = set()  # first checks whose baselines share one digest
        self._instance: FileLock | None = None
        self.scheduler = BackgroundScheduler(
            executors={
                "default": ThreadPoolExecutor(max_workers=self.workers),
                "digest": ThreadPoolExecutor(max_workers=1),
            },
            job_defaults={
                "coalesce": True,
                "max_instances": 1,
                "misfire_grace_time": max(1, round(config.schedule.misfire_grace)),
            },
            timezone=self.tz,
        )
        self.scheduler.add_listener(self._on_missed, EVENT_JOB_MISSED)
        self.scheduler.add_listener(self._on_error, EVENT_JOB_ERROR)
        self.scheduler.add_listener(self._on_still_running, EVENT_JOB_MAX_INSTANCES)

    # --- lifecycle -------------------------------------------------------------------------

    def start(self) -> None:
        """Look at the store once (under the lock), schedule every source, start the scheduler.

        Raises StoreError when the store cannot be used at all (the CLI exits 3).
        """
        self._instance = claim_service_lock(self.config)
        store = self._locked(lambda: Store.open(self.config.snapshots_dir, lease=self.lease))
        try:
            records = source_records(store)
            digest_now = digest_due_at_start(self.config, store, self.tz)
        finally:
            store.close()
        now = utcnow()
        self._gather_baselines(records, now)
        for src in self.config.sources:
            record = records.get(src.name)
            times = record.times if record else SourceTimes()
            due = next_due(src.name, self.cadences[src.name], times, now, self.tz)
            log_scheduled(self.log, src.name, self.cadences[src.name], due, times)
            self._schedule_check(src.name, due.at)
        cron = self.config.digest_schedule.cron
        if self.config.delivers and cron:
            self.scheduler.add_job(
                self._digest_job,
                cron_trigger(cron, self.tz),
                id="digest",
                executor="digest",
            )
        if digest_now:
            self._schedule_digest(now, "digest-now")
        self.scheduler.start()

    def _gather_baselines(self, records: dict[str, SourceRecord], now: datetime) -> None:
        """Sources never checked (a first start: seven of them with the shipped config) would
        each mail their own baseline as their first checks end; hold immediate digests until
        all of those checks have ended (`schedule.baseline_wait` at most), then send one."""
        fresh = {
            src.name
            for src in self.config.sources
            if (rec := records.get(src.name)) is None or rec.times.last_check_at is None
        }
        wait = self.config.schedule.baseline_wait
        if not self.immediate or len(fresh) < 2 or wait <= 0:
            return
        self._gathering = fresh
        self.scheduler.add_job(
            self._end_gathering,
            DateTrigger(run_date=now + timedelta(seconds=wait)),
            id="baseline-gathered",
            executor="digest",
        )

    def _gathered(self, name: str) -> None:
        """A first check ended (whatever its result): the last one sends the digest."""
        with self._busy:
            if name not in self._gathering:
                return
            self._gathering.discard(name)
            if self._gathering:
                return
        self._schedule_digest(utcnow(), "digest-now")

    def _end_gathering(self) -> None:
        with self._busy:
            if not self._gathering:
                return
            waiting = sorted(self._gathering)
            self._gathering.clear()
        waited = format_duration(self.config.schedule.baseline_wait)
        self.log("digest", f"baselines still being read after {waited} (schedule.baseline_wait): "
                 f"{', '.join(waiting)}; sending what is waiting")  # fmt: skip
        self._digest_job()

    def request_stop(self) -> None:
        """Safe from a signal handler: only sets flags."""
        self._stopping.set()
        self._abandon.set()

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop scheduling, abandon the work in flight, wait for it; False if it did not stop."""
        self.request_stop()
        with contextlib.suppress(SchedulerNotRunningError):
            self.scheduler.shutdown(wait=False)
        with self._busy:
            stopped = self._busy.wait_for(lambda: self._jobs == 0, timeout)
        if stopped and self._instance is not None:
            self._instance.release()
            self._instance = None
        return stopped

    def _begin(self, source: str | None = None) -> bool:
        """Count a job in; False when stopping, or when `source`, or another source on its
        host, is being checked now."""
        with self._busy:
            if self._stopping.is_set():
                return False
            if source is not None and any(
                self.hosts.get(other) == self.hosts.get(source) for other in self._checking
            ):
                return False
            if source is not None:
                self._checking.add(source)
            self._jobs += 1
            return True

    def _end(self, source: str | None = None) -> None:
        with self._busy:
            if source is not None:
                self._checking.discard(source)
            self._jobs -= 1
            self._busy.notify_all()

    # --- scheduling ------------------------------------------------------------------------

    def _schedule_check(self, name: str, at: datetime) -> None:
        if self._stopping.is_set():
            return
        self.scheduler.add_job(
            self._check_job,
            DateTrigger(run_date=max(at, utcnow())),
            args=[name],
            id=f"check:{name}",
            name=f"check {name}",
            replace_existing=True,
        )

    def _schedule_digest(self, at: datetime, job_id: str) -> None:
        if self._stopping.is_set():
            return
        self.scheduler.add_job(
            self._digest_job,
            DateTrigger(run_date=max(at, utcnow())),
            id=job_id,
            name="digest",
            replace_existing=True,
            executor="digest",
        )

    def _on_still_running(self, event: JobEvent) -> None:
        """A check longer than its interval schedules its next run for now, while it is still
        ending: APScheduler skips that run and drops the one-off job. Try again in a moment.
        So for a digest asked for while one is being sent (two checks ending together): the
        one running may have read the events before the second check stored its own."""
        if event.job_id.startswith("check:"):
            self._schedule_check(event.job_id.removeprefix("check:"), utcnow() + STILL_RUNNING)
        elif event.job_id == "digest-now":
            self._schedule_digest(utcnow() + STILL_RUNNING, "digest-now")

    def _on_missed(self, event: JobExecutionEvent) -> None:
        """A run later than misfire_grace (a long check ahead of it, a suspended machine) is
        skipped; a source's chain must go on at its next regular time."""
        if not event.job_id.startswith("check:") or self._stopping.is_set():
            return
        name = event.job_id.removeprefix("check:")
        failures = service_failures(self.config, name)
        due = due_after_miss(name, self.cadences[name], failures, utcnow(), self.tz)
        late = utcnow() - event.scheduled_run_time
        self.log(
            "missed",
            f"check {name} skipped: {late.total_seconds():.0f} s late, beyond "
            f"misfire_grace; next {iso(due.at)}",
            source=name,
            next_due=iso(due.at),
        )
        self._schedule_check(name, due.at)

    def _on_error(self, event: JobExecutionEvent) -> None:
        # Jobs catch their own errors; this is the last guard that keeps a chain alive.
        self.log("error", f"job {event.job_id} failed: {event.exception!r}", job=event.job_id)
        if event.job_id.startswith("check:") and not self._stopping.is_set():
            name = event.job_id.removeprefix("check:")
            self._schedule_check(name, utcnow() + timedelta(seconds=BUSY_RETRY))

    # --- the store -------------------------------------------------------------------------

    def _locked(self, work: Callable[[], T]) -> T:
        """Run `work` (which opens the store with wait=0), polling while another process holds
        the lock; give up on a stop request or after lock_wait seconds."""
        deadline = time.monotonic() + self.lock_wait
        while True:
            try:
                return work()
            except StoreBusy:
                if time.monotonic() >= deadline:
                    raise
            if self._abandon.wait(self.lock_poll):
                raise CheckInterrupted("stopping while waiting for the store")

    # --- jobs ------------------------------------------------------------------------------

    def _check_job(self, name: str) -> None:
        if not self._begin(name):
            # Its check is still ending (it has just scheduled this run), or its site is being
            # checked for another source: try again in a moment.
            self._schedule_check(name, utcnow() + STILL_RUNNING)
            return
        try:
            self._check(name)
        finally:
            self._end(name)
            self._gathered(name)

    def _check(self, name: str) -> None:
        buffer = io.StringIO()
        console = Console(file=buffer, width=10_000, no_color=True, soft_wrap=True)
        started = time.monotonic()
        held = self.immediate and bool(self._gathering)  # its events wait for one baseline mail
        try:
            if not self._my_turn(name):
                return
            report = self._run_check(name, console, send_email=self.immediate and not held)
        except CheckInterrupted:
            self.log(
                "abandoned",
                f"check {name} abandoned (stopping): what it stored stands; "
                "the source is due again at the next start",
                source=name,
            )
            return
        except StoreBusy as exc:
            at = utcnow() + timedelta(seconds=BUSY_RETRY)
            self.log("busy", f"check {name} postponed: {exc}", source=name, next_due=iso(at))
            self._schedule_check(name, at)
            return
        except Exception as exc:
            self._crashed(name, exc, time.monotonic() - started)
            log_lines(self.log, buffer.getvalue())
            return
        self._crashes.pop(name, None)
        times, last_error, unsent = source_state(self.config, name)
        due = next_due(name, self.cadences[name], times, utcnow(), self.tz)
        log_check(self.log, name, report, times, last_error, due.at, due.interval)
        log_lines(self.log, buffer.getvalue())  # what delivery said, after the check's own line
        self._schedule_check(name, due.at)
        if held and not self._gathering:
            # the wait for baselines ran out while this one was read: its events go now, not
            # with the next check that happens to find something
            self._schedule_digest(utcnow(), "digest-now")
        self._after_delivery(unsent)

    def _my_turn(self, name: str) -> bool:
        """With a `queue`, several schedulers may run: the one that claims the source's check
        for this interval sends it; the others look again when the claim has run out."""
        if self.config.queue is None:
            return True
        window = claim_window(self.cadences[name], utcnow(), self.tz)

        def claim() -> bool:
            store = open_store_for_writing(self.config, 0, None, self.lease)
            try:
                return claim_source(store, name, window)
            finally:
                store.close()

        if self._locked(claim):
            return True
        times, _, _ = source_state(self.config, name)
        due = next_due(name, self.cadences[name], times, utcnow(), self.tz)
        at = max(due.at, utcnow() + timedelta(seconds=window))
        self.log("claimed", f"check {name} sent by another scheduler this interval; next "
                 f"{iso(at)}", source=name, next_due=iso(at))  # fmt: skip
        self._schedule_check(name, at)
        return False

    def _run_check(self, name: str, console: Console, *, send_email: bool) -> CheckReport:
        """The source's check: in this process, or with a `queue` sent to the workers and
        waited for (digests are still sent from here, from the shared catalogue)."""
        if self.config.queue is None:
            return self._locked(
                lambda: run_check_command(
                    self.config, sources=[name], wait=0, send_email=send_email, progress=False,
                    console=console, stop=self._abandon, lease=self.lease,
                )
            )  # fmt: skip
        from monitor.queue.rounds import assemble, finish_round, start_round, wait_round

        sent = self._locked(lambda: start_round(self.config, [name], wait=0, lease=self.lease))
        report = assemble(self.config, sent, wait_round(self.config, sent, self.lock_wait,
                                                        stop=self._abandon))  # fmt: skip
        self._locked(
            lambda: finish_round(self.config, report, send_email=send_email, wait=0,
                                 console=console, lease=self.lease)
        )  # fmt: skip
        return report

    def _crashed(self, name: str, exc: Exception, duration: float) -> None:
        """An error no check should raise (a bug, a broken store): log it, back off, go on."""
        crashes = self._crashes[name] = self._crashes.get(name, 0) + 1
        due = due_after_miss(name, self.cadences[name], crashes, utcnow(), self.tz)
        self.log(
            "check",
            f"check {name} ERROR: {exc}; next {iso(due.at)}",
            source=name,
            ok=False,
            error=f"{type(exc).__name__}: {exc}",
            duration=round(duration, 3),
            next_due=iso(due.at),
        )
        self._schedule_check(name, due.at)

    def _digest_job(self) -> None:
        if not self._begin():
            return
        try:
            self._digest()
        finally:
            self._end()

    def _digest(self) -> None:
        try:
            store = self._locked(lambda: Store.open(self.config.snapshots_dir, lease=self.lease))
        except CheckInterrupted:
            return
        except Exception as exc:
            self.log("error", f"digest not sent: {exc}")
            self._after_delivery(1)
            return
        try:
            # while first checks are gathering their baselines, only retry what was built
            lines = deliver_digests(self.config, store, None, claim=not self._gathering)
            with DELIVERING:
                unsent = undelivered(self.config, store)
        except Exception as exc:
            self.log("error", f"digest not sent: {type(exc).__name__}: {exc}")
            unsent = 1
            lines = []
        finally:
            store.close()
        for line in lines:
            self.log("digest", line)
        self._after_delivery(unsent)

    def _after_delivery(self, unsent: int) -> None:
        """A digest no server accepted is tried again soon, then less and less often."""
        with self._busy:
            if not unsent or not self.config.delivers:
                self._digest_failures = 0
                return
            self._digest_failures += 1
            failures = self._digest_failures
        at = utcnow() + timedelta(seconds=digest_retry_delay(failures, self.config.schedule))
        self.log(
            "digest",
            f"{unsent} digest(s) wait for the mail server or a channel; next attempt {iso(at)}",
            unsent=unsent,
            next_attempt=iso(at),
        )
        self._schedule_digest(at, "digest-retry")
