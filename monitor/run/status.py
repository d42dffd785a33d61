"""What `monitor status` shows: each source's last check, result and next due time, and the
digest waiting to go out.

Read-only: it never takes the store lock, so it answers at once while the service or a manual
check is working. Next due times come from schedule.py, the same arithmetic the service uses.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from monitor.config import Config
from monitor.digest.channels import ChannelStatus, channel_status
from monitor.errors import StoreBusy, StoreError
from monitor.run.schedule import SourceTimes, cadence_for, local_timezone, next_cron, next_due
from monitor.store.catalogue import CATALOGUE, Store, parse_iso


@dataclass(frozen=True)
class SourceRecord:
    """One row of the store's `sources` table with its counts."""

    name: str
    times: SourceTimes
    last_error: str | None = None
    releases: int = 0
    removed: int = 0
    versions: int = 0


@dataclass(frozen=True)
class SourceStatus:
    name: str
    url: str
    schedule: str
    result: str  # "ok", "failing" or "never checked"
    last_check_at: datetime | None
    last_ok_at: datetime | None
    last_error: str | None
    consecutive_failures: int
    next_due: datetime
    overdue: bool
    releases: int
    removed: int
    versions: int

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "url": self.url,
            "schedule": self.schedule,
            "result": self.result,
            "last_check_at": _iso(self.last_check_at),
            "last_ok_at": _iso(self.last_ok_at),
            "last_error": self.last_error,
            "consecutive_failures": self.consecutive_failures,
            "next_due": _iso(self.next_due),
            "overdue": self.overdue,
            "releases": self.releases,
            "removed": self.removed,
            "versions": self.versions,
        }


@dataclass(frozen=True)
class DigestStatus:
    schedule: str  # "immediate", "cron 0 7 * * *", or "off" without an `email:` section
    waiting_events: int  # events no server has accepted yet (unclaimed or in unsent digests)
    unsent_digests: int  # digests built but not yet accepted by a server
    source_notices: int  # failing / recovered sources the next digest will name
    next_at: datetime | None  # the next scheduled digest (cron only)

    def to_json(self) -> dict[str, Any]:
        return {
            "schedule": self.schedule,
            "waiting_events": self.waiting_events,
            "unsent_digests": self.unsent_digests,
            "source_notices": self.source_notices,
            "next_at": _iso(self.next_at),
        }


@dataclass(frozen=True)
class Status:
    store: str
    now: datetime
    sources: list[SourceStatus]
    digest: DigestStatus
    service: bool | None = None  # a `monitor run` is watching this store (None: cannot tell)
    channels: list[ChannelStatus] = field(default_factory=list)  # `notify` channels

    def to_json(self) -> dict[str, Any]:
        return {
            "store": self.store,
            "now": _iso(self.now),
            "service": {True: "running", False: "not running", None: "unknown"}[self.service],
            "sources": [s.to_json() for s in self.sources],
            "digest": self.digest.to_json(),
            "channels": [c.to_json() for c in self.channels],
        }


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def source_records(store: Store) -> dict[str, SourceRecord]:
    """Every source the store knows, by name (works on a read-only store)."""
    return {
        name: SourceRecord(
            name=name,
            times=SourceTimes(
                last_check_at=s.last_check_at,
                last_ok_at=s.last_ok_at,
                consecutive_failures=s.consecutive_failures,
            ),
            last_error=s.last_error,
            releases=s.releases,
            removed=s.removed,
            versions=s.versions,
        )
        for name, s in store.source_summaries().items()
    }


def collect_status(
    config: Config, *, now: datetime | None = None, tz: tzinfo | None = None
) -> Status:
    from monitor.digest import ledger as digests

    now = (now or datetime.now(UTC)).astimezone(UTC)
    tz = tz or local_timezone()
    records: dict[str, SourceRecord] = {}
    waiting = unsent = notices = 0
    channels = channel_status(None, config.notify)
    failing_after = config.failing_after
    if Store.exists(config.snapshots_dir):  # else nothing checked yet: all due now
        # A catalogue that cannot be read is an error (exit 3), never "never checked": a
        # health check must not call a broken store healthy.
        with Store.open(config.snapshots_dir, readonly=True) as store:
            try:
                records = source_records(store)
                waiting = digests.waiting_events(store)
                unsent = len(digests.unsent_digests(store))
                notices = len(digests.source_notices(store, failing_after))
                channels = channel_status(store, config.notify)
            except sqlite3.DatabaseError as exc:
                raise StoreError(
                    f"the catalogue {config.snapshots_dir / CATALOGUE} cannot be read ({exc}); "
                    "restore it from a backup or move it aside to start a new store"
                ) from None
    sources = []
    for src in config.sources:
        record = records.get(src.name) or SourceRecord(src.name, SourceTimes())
        cadence = cadence_for(src, config.schedule)
        due = next_due(src.name, cadence, record.times, now, tz)
        times = record.times
        if times.last_check_at is None:
            result = "never checked"
        else:
            result = "failing" if times.consecutive_failures else "ok"
        sources.append(
            SourceStatus(
                name=src.name,
                url=src.address,
                schedule=cadence.describe(),
                result=result,
                last_check_at=times.last_check_at,
                last_ok_at=times.last_ok_at,
                last_error=record.last_error,
                consecutive_failures=times.consecutive_failures,
                next_due=due.at,
                overdue=due.overdue,
                releases=record.releases,
                removed=record.removed,
                versions=record.versions,
            )
        )
    if not config.delivers:
        schedule, next_at = "off", None
    elif config.digest_schedule.cron:
        schedule = f"cron {config.digest_schedule.cron}"
        next_at = next_cron(config.digest_schedule.cron, now, tz)
    else:
        schedule, next_at = "immediate", None
    digest = DigestStatus(schedule, waiting, unsent, notices, next_at)
    return Status(str(config.snapshots_dir), now, sources, digest, service_running(config),
                  channels)  # fmt: skip


def _ago(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never"
    seconds = (now - when).total_seconds()
    future = seconds < 0
    seconds = abs(seconds)
    if seconds < 90:
        span = f"{seconds:.0f} s"
    elif seconds < 5400:
        span = f"{seconds / 60:.0f} min"
    elif seconds < 172800:
        span = f"{seconds / 3600:.0f} h"
    else:
        span = f"{seconds / 86400:.0f} days"
    return f"in {span}" if future else f"{span} ago"


def print_status(status: Status, console: Console) -> None:
    """A table of sources (times relative to now; `--json` has them exact) and the digest line."""
    table = Table(title=f"store {status.store}", title_justify="left")
    for column in ("source", "schedule", "last check", "result", "next check"):
        table.add_column(column)
    for column in ("failures", "releases", "versions"):
        table.add_column(column, justify="right")
    now = status.now
    for s in status.sources:
        result = {"ok": "[green]ok[/green]", "failing": "[bold red]failing[/bold red]"}.get(
            s.result, s.result
        )
        if s.last_error and s.result == "failing":
            result += f"\n[dim]{escape(s.last_error[:80])}[/dim]"
        due = "now" if s.overdue else _ago(s.next_due, now)
        releases = str(s.releases) + (f" ({s.removed} removed)" if s.removed else "")
        table.add_row(
            escape(s.name),
            escape(s.schedule.removeprefix("every ")),
            _ago(s.last_check_at, now),
            result,
            due,
            str(s.consecutive_failures),
            releases,
            str(s.versions),
        )
    console.print(table)
    d = status.digest
    line = (
        f"pending digest: {d.waiting_events} events waiting, {d.unsent_digests} unsent digests, "
        f"{d.source_notices} source notices; digest {d.schedule}"
    )
    if d.next_at is not None:
        line += f", next at {_iso(d.next_at)} ({_ago(d.next_at, now)})"
    console.print(line, highlight=False)
    for c in status.channels:
        last = _ago(parse_iso(c.last_sent_at), now) if c.last_sent_at else "never"
        what = f"themes {', '.join(c.themes)}" if c.themes else "all events"
        text = (f"channel {c.name} ({c.format}, {what}): {c.pending} pending, last delivery "
                f"{last}")  # fmt: skip
        if c.pending and c.last_error:
            text += f"; last error: {c.last_error[:160]}"
        console.print(text, highlight=False, markup=False)
    service = {True: "running", False: "not running", None: "unknown"}[status.service]
    console.print(f"service (monitor run): {service}", highlight=False)


def service_lock_path(config: Config) -> Path:
    """Held by `monitor run` for its whole life (the store lock is held only per job)."""
    return config.snapshots_dir / ".service.lock"


def service_running(config: Config) -> bool | None:
    """Is a `monitor run` watching this store? None when that cannot be told (no permission)."""
    path = service_lock_path(config)
    if not path.exists():
        return False
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    except OSError:
        return None
    lock.release()
    return False


def claim_service_lock(config: Config) -> FileLock | None:
    """One service per store (a second would check every source twice as often): the lock a
    `monitor run` holds for its whole life; None when the folder cannot hold it yet."""
    path = service_lock_path(config)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None  # Store.open, next, says what is wrong with the folder
    lock = FileLock(str(path))
    try:
        lock.acquire(timeout=2)  # a `monitor status` probing the lock holds it for a moment
    except Timeout:
        raise StoreBusy(
            f"another `monitor run` is already watching {config.snapshots_dir}; "
            "stop it first (systemctl stop monitor, docker stop …) or use that one"
        ) from None
    return lock
