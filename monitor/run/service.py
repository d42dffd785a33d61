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
corpus is imported by one job at a time, and digests are delivered one at a time (pipeline.py),
so none is sent twice. Digests have a worker of their own: a hung source holds up no mail.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any, TextIO, TypeVar
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
from filelock import FileLock, Timeout
from rich.console import Console

from monitor.config import Config
from monitor.models import CheckReport
from monitor.run.cycle import (
    DELIVERING,
    CheckInterrupted,
    deliver_digests,
    run_check_command,
    undelivered,
)
from monitor.run.schedule import (
    Cadence,
    SourceTimes,
    cadence_for,
    cron_trigger,
    digest_overdue,
    due_after_miss,
    format_duration,
    local_timezone,
    next_due,
)
from monitor.run.status import service_lock_path, source_records
from monitor.run.workers import share_cores
from monitor.store.catalogue import Store, StoreBusy
from monitor.store.lease import StoreLease

T = TypeVar("T")

DIGEST_RETRY_FIRST = 60.0  # seconds before a digest no server accepted is tried again (doubling)
BUSY_RETRY = 60.0  # a job that could not get the store lock in `lock_wait` tries again after this
STILL_RUNNING = timedelta(seconds=1)  # a source's run found its previous check still ending


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ServiceLog:
    """One line per thing that happened, on stderr: readable text, or JSON lines for machines."""

    def __init__(self, stream: TextIO, *, json_lines: bool = False):
        self.stream = stream
        self.json_lines = json_lines
        self._lock = threading.Lock()

    def __call__(self, event: str, message: str, **fields: Any) -> None:
        now = _iso(_utcnow())
        if self.json_lines:
            line = json.dumps(
                {"time": now, "event": event, "message": message, **fields},
                ensure_ascii=False,
                default=str,
            )
        else:
            line = f"{now} {message}"
        with self._lock:
            try:
                self.stream.write(line + "\n")
                self.stream.flush()
            except (OSError, ValueError):
                pass  # stderr closed (a detached terminal): keep working, the store has it all


class _LogBridge(logging.Handler):
    """Library warnings go through ServiceLog, so `--log-json` output stays pure JSON lines."""

    def __init__(self, log: ServiceLog):
        super().__init__()
        self.log = log

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:
            message = str(record.msg)
        self.log(
            "log",
            f"{record.levelname.lower()} {record.name}: {message}",
            level=record.levelname.lower(),
            logger=record.name,
        )


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
        self._claim_instance()
        share_cores(self.workers)
        store = self._locked(lambda: Store.open(self.config.snapshots_dir, lease=self.lease))
        try:
            records = source_records(store)
            digest_now = self._digest_due_at_start(store)
        finally:
            store.close()
        now = _utcnow()
        self._gather_baselines(records, now)
        for src in self.config.sources:
            record = records.get(src.name)
            times = record.times if record else SourceTimes()
            due = next_due(src.name, self.cadences[src.name], times, now, self.tz)
            when = "now (overdue)" if due.overdue else _iso(due.at)
            if times.last_check_at is None:
                when = "now (never checked)"
            self.log(
                "scheduled",
                f"source {src.name} ({self.cadences[src.name].describe()}): next check {when}",
                source=src.name,
                next_due=_iso(due.at),
                overdue=due.overdue,
            )
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

    def _gather_baselines(self, records: dict[str, Any], now: datetime) -> None:
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
        self._schedule_digest(_utcnow(), "digest-now")

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

    def _claim_instance(self) -> None:
        """One service per store: a second one would check every source twice as often."""
        path = service_lock_path(self.config)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # Store.open, next, says what is wrong with the folder
        lock = FileLock(str(path))
        try:
            lock.acquire(timeout=2)  # a `monitor status` probing the lock holds it for a moment
        except Timeout:
            raise StoreBusy(
                f"another `monitor run` is already watching {self.config.snapshots_dir}; "
                "stop it first (systemctl stop monitor, docker stop …) or use that one"
            ) from None
        self._instance = lock

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
            DateTrigger(run_date=max(at, _utcnow())),
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
            DateTrigger(run_date=max(at, _utcnow())),
            id=job_id,
            name="digest",
            replace_existing=True,
            executor="digest",
        )

    def _on_still_running(self, event: JobEvent) -> None:
        """A check longer than its interval schedules its next run for now, while it is still
        ending: APScheduler skips that run and drops the one-off job. Try again in a moment."""
        if event.job_id.startswith("check:"):
            self._schedule_check(event.job_id.removeprefix("check:"), _utcnow() + STILL_RUNNING)

    def _on_missed(self, event: JobExecutionEvent) -> None:
        """A run later than misfire_grace (a long check ahead of it, a suspended machine) is
        skipped; a source's chain must go on at its next regular time."""
        if not event.job_id.startswith("check:") or self._stopping.is_set():
            return
        name = event.job_id.removeprefix("check:")
        failures = self._failures(name)
        due = due_after_miss(name, self.cadences[name], failures, _utcnow(), self.tz)
        late = _utcnow() - event.scheduled_run_time
        self.log(
            "missed",
            f"check {name} skipped: {late.total_seconds():.0f} s late, beyond "
            f"misfire_grace; next {_iso(due.at)}",
            source=name,
            next_due=_iso(due.at),
        )
        self._schedule_check(name, due.at)

    def _on_error(self, event: JobExecutionEvent) -> None:
        # Jobs catch their own errors; this is the last guard that keeps a chain alive.
        self.log("error", f"job {event.job_id} failed: {event.exception!r}", job=event.job_id)
        if event.job_id.startswith("check:") and not self._stopping.is_set():
            name = event.job_id.removeprefix("check:")
            self._schedule_check(name, _utcnow() + timedelta(seconds=BUSY_RETRY))

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

    def _read_times(self, name: str) -> tuple[SourceTimes, str | None, int]:
        """The source's times and last error, and the unsent digest count (no store lock
        needed; counted between deliveries: one in flight has a digest pending until it ends)."""
        with DELIVERING, Store.open(self.config.snapshots_dir, readonly=True) as store:
            record = source_records(store).get(name)
            unsent = undelivered(self.config, store)
        if record is None:
            return SourceTimes(), None, unsent
        return record.times, record.last_error, unsent

    def _failures(self, name: str) -> int:
        """(From the scheduler's thread: never waits for a delivery.)"""
        try:
            with Store.open(self.config.snapshots_dir, readonly=True) as store:
                record = source_records(store).get(name)
            return record.times.consecutive_failures if record else 0
        except Exception:
            return 0

    def _digest_due_at_start(self, store: Store) -> bool:
        """Anything a digest should have carried while nothing was running goes out now."""
        from monitor.digest import ledger as digests

        if not self.config.delivers:
            return False
        if undelivered(self.config, store):
            return True
        schedule = self.config.digest_schedule
        if schedule.immediate:
            return digests.waiting_events(store) > 0 or bool(
                digests.source_notices(store, self.config.failing_after)
            )
        oldest = store.ledger.oldest_unclaimed_event()
        assert schedule.cron is not None
        return digest_overdue(schedule.cron, oldest, _utcnow(), self.tz)

    # --- jobs ------------------------------------------------------------------------------

    def _check_job(self, name: str) -> None:
        if not self._begin(name):
            # Its check is still ending (it has just scheduled this run), or its site is being
            # checked for another source: try again in a moment.
            self._schedule_check(name, _utcnow() + STILL_RUNNING)
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
            report = self._locked(
                lambda: run_check_command(
                    self.config,
                    sources=[name],
                    wait=0,
                    send_email=self.immediate and not held,
                    progress=False,
                    console=console,
                    stop=self._abandon,
                    lease=self.lease,
                )
            )
        except CheckInterrupted:
            self.log(
                "abandoned",
                f"check {name} abandoned (stopping): what it stored stands; "
                "the source is due again at the next start",
                source=name,
            )
            return
        except StoreBusy as exc:
            at = _utcnow() + timedelta(seconds=BUSY_RETRY)
            self.log("busy", f"check {name} postponed: {exc}", source=name, next_due=_iso(at))
            self._schedule_check(name, at)
            return
        except Exception as exc:
            self._crashed(name, exc, time.monotonic() - started)
            self._log_console(buffer)
            return
        self._crashes.pop(name, None)
        times, last_error, unsent = self._read_times(name)
        due = next_due(name, self.cadences[name], times, _utcnow(), self.tz)
        self._log_check(name, report, times, last_error, due.at, due.interval)
        self._log_console(buffer)  # what delivery said, after the check's own line
        self._schedule_check(name, due.at)
        if held and not self._gathering:
            # the wait for baselines ran out while this one was read: its events go now, not
            # with the next check that happens to find something
            self._schedule_digest(_utcnow(), "digest-now")
        self._after_delivery(unsent)

    def _crashed(self, name: str, exc: Exception, duration: float) -> None:
        """An error no check should raise (a bug, a broken store): log it, back off, go on."""
        crashes = self._crashes[name] = self._crashes.get(name, 0) + 1
        due = due_after_miss(name, self.cadences[name], crashes, _utcnow(), self.tz)
        self.log(
            "check",
            f"check {name} ERROR: {exc}; next {_iso(due.at)}",
            source=name,
            ok=False,
            error=f"{type(exc).__name__}: {exc}",
            duration=round(duration, 3),
            next_due=_iso(due.at),
        )
        self._schedule_check(name, due.at)

    def _log_check(
        self,
        name: str,
        report: CheckReport,
        times: SourceTimes,
        last_error: str | None,
        next_at: datetime,
        interval: float,
    ) -> None:
        result = report.sources[0] if report.sources else None
        ok = result.ok if result else True
        duration = result.duration if result else 0.0
        counts = {
            "new": len(report.new),
            "changed": len(report.changed),
            "removed": len(report.removed),
            "errors": len(report.errors),
        }
        fetched = result.fetched if result else 0
        if ok:
            text = (
                f"check {name} ok: {counts['new']} new, {counts['changed']} changed, "
                f"{counts['removed']} removed, {counts['errors']} errors, {fetched} fetched, "
                f"{duration:.1f} s; next {_iso(next_at)}"
            )
        else:
            text = (
                f"check {name} FAILED ({times.consecutive_failures} in a row): {last_error}; "
                f"{duration:.1f} s; next {_iso(next_at)} (backing off: "
                f"{format_duration(interval)})"
            )
        self.log(
            "check",
            text,
            source=name,
            ok=ok,
            **counts,
            fetched=fetched,
            releases_seen=result.releases_seen if result else 0,
            duration=round(duration, 3),
            consecutive_failures=times.consecutive_failures,
            error=None if ok else last_error,
            next_due=_iso(next_at),
        )

    def _log_console(self, buffer: io.StringIO) -> None:
        for line in buffer.getvalue().splitlines():
            if line.strip():
                self.log("digest", line.strip())

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
        delay = min(
            DIGEST_RETRY_FIRST * 2 ** min(failures - 1, 30),
            max(self.config.schedule.max_backoff, DIGEST_RETRY_FIRST),
        )
        at = _utcnow() + timedelta(seconds=delay)
        self.log(
            "digest",
            f"{unsent} digest(s) wait for the mail server or a channel; next attempt {_iso(at)}",
            unsent=unsent,
            next_attempt=_iso(at),
        )
        self._schedule_digest(at, "digest-retry")


def run_service(config: Config, *, log_json: bool = False, stream: TextIO | None = None) -> bool:
    """Run until SIGTERM or SIGINT; True when the work in flight stopped cleanly.

    Raises StoreError when the store cannot be used at all.
    """
    log = ServiceLog(stream or sys.stderr, json_lines=log_json)
    root = logging.getLogger()
    bridge = _LogBridge(log)
    saved_handlers = root.handlers[:]
    root.handlers = [bridge]
    logging.captureWarnings(True)  # Python warnings, too, become log lines
    if root.level >= logging.WARNING:
        logging.getLogger("apscheduler").setLevel(logging.ERROR)  # misses are logged by us
    service = Service(config, log)
    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        stop.set()
        service.request_stop()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        try:
            service.start()
        except CheckInterrupted:  # stopped while waiting for the store at startup
            log("stopped", "stopped before starting", clean=True)
            return True
        schedule = config.digest_schedule
        digest = (
            "off (no email or notify section)"
            if not config.delivers
            else ("immediate" if schedule.immediate else f"cron {schedule.cron}")
        )
        log(
            "started",
            f"monitor run: watching {len(config.sources)} source"
            f"{'' if len(config.sources) == 1 else 's'}, store "
            f"{config.snapshots_dir}, digest {digest}, pid {os.getpid()}",
            sources=len(config.sources),
            store=str(config.snapshots_dir),
            digest=digest,
            pid=os.getpid(),
        )
        while not stop.wait(0.5):
            pass
        log("stopping", "stop requested: the work in flight stops at its next safe point")
    finally:
        clean = service.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        root.handlers = saved_handlers
        logging.captureWarnings(False)
    if not clean:
        log(
            "stopped",
            "the work in flight did not stop in time; exiting anyway (the store is "
            "crash-safe: the next start picks it up)",
            clean=False,
        )
        sys.stderr.flush()
        os._exit(0)
    log("stopped", "stopped cleanly", clean=True)
    return clean
