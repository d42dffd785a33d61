"""Schedulers' claims: several `monitor run` schedulers may run for availability, and each due
source's check must still be sent to the workers once an interval. The claim is one row per
source, taken with one conditional upsert, atomic on both catalogues: of two schedulers firing
together, the one whose statement lands second finds the row already fresh and sends nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from monitor.store.catalogue import Store


def claim_source(store: Store, source: str, window: float, now: datetime | None = None) -> bool:
    """Take the source's turn: True when no scheduler sent its check in the last `window`
    seconds (this one now has), False when another did."""
    now = now or datetime.now(UTC)
    stamp = now.isoformat(timespec="microseconds")
    before = (now - timedelta(seconds=window)).isoformat(timespec="microseconds")
    with store.transaction() as db:
        cur = db.execute(
            "INSERT INTO source_claims(source, claimed_at) VALUES (?, ?) "
            "ON CONFLICT(source) DO UPDATE SET claimed_at = excluded.claimed_at "
            "WHERE source_claims.claimed_at <= ?",
            (source, stamp, before),
        )
        return cur.rowcount == 1
