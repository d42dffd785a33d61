"""What `monitor run` reads from the store between its jobs: a source's times, its failures,
and whether a digest is due when the service starts.

Reads only (a read-only store, no lock): the service keeps nothing in memory that the store does
not also hold, so every decision is made from these.
"""

from __future__ import annotations

from datetime import tzinfo

from monitor.config import Config
from monitor.run.cycle import DELIVERING, undelivered
from monitor.run.schedule import SourceTimes, digest_overdue
from monitor.run.service_log import utcnow
from monitor.run.status import source_records
from monitor.store.catalogue import Store


def source_state(config: Config, name: str) -> tuple[SourceTimes, str | None, int]:
    """The source's times and last error, and the undelivered digest count (counted between
    deliveries: one in flight has a digest pending until it ends)."""
    with DELIVERING, Store.open(config.snapshots_dir, readonly=True) as store:
        record = source_records(store).get(name)
        unsent = undelivered(config, store)
    if record is None:
        return SourceTimes(), None, unsent
    return record.times, record.last_error, unsent


def failures(config: Config, name: str) -> int:
    """The source's failures in a row; 0 when the store cannot tell. (From the scheduler's
    thread: never waits for a delivery.)"""
    try:
        with Store.open(config.snapshots_dir, readonly=True) as store:
            record = source_records(store).get(name)
        return record.times.consecutive_failures if record else 0
    except Exception:
        return 0


def digest_due_at_start(config: Config, store: Store, tz: tzinfo) -> bool:
    """Anything a digest should have carried while nothing was running goes out now."""
    from monitor.digest import ledger as digests

    if not config.delivers:
        return False
    if undelivered(config, store):
        return True
    schedule = config.digest_schedule
    if schedule.immediate:
        return digests.waiting_events(store) > 0 or bool(
            digests.source_notices(store, config.failing_after)
        )
    oldest = store.ledger.oldest_unclaimed_event()
    assert schedule.cron is not None
    return digest_overdue(schedule.cron, oldest, utcnow(), tz)
