"""The channel ledger's rows: one per digest per `notify` channel (`channel_deliveries`).

Only the reads and writes live here; the rules (one row per channel that wants some of the
digest, written in the digest's transaction; kept pending until the channel's service accepted
it) are digest/channels.py's. `add` writes inside the caller's transaction; the attempt
bookkeeping takes a transaction of its own.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from monitor.store.records import now_iso
from monitor.store.sql import has_table, immediate

TABLE = "channel_deliveries"


@dataclass(frozen=True)
class ChannelDelivery:
    """A digest's message for one channel, as it will be posted (and posted again)."""

    row_id: int
    digest_key: str  # the digest's name (digests.digest_key)
    title: str
    body: str
    payload: Any  # the JSON posted to json:// channels, decoded
    event_count: int


@dataclass(frozen=True)
class ChannelSummary:
    pending: int = 0  # digests built for the channel that its service has not accepted yet
    last_sent_at: str | None = None
    last_error: str | None = None  # of its oldest pending digest


class ChannelLedger:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def add(
        self,
        digest_row: int,
        channel: str,
        created_at: datetime,
        *,
        title: str,
        body: str,
        payload: Any,
        event_count: int,
    ) -> None:
        """A digest's message for `channel` (inside the transaction that builds the digest;
        a second row for the same digest and channel is ignored)."""
        self.conn.execute(
            "INSERT OR IGNORE INTO channel_deliveries(digest_id, channel, created_at, title, "
            "body, payload, event_count) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (digest_row, channel, created_at.strftime("%Y-%m-%dT%H:%M:%SZ"), title, body,
             json.dumps(payload, ensure_ascii=False), event_count),
        )  # fmt: skip

    def pending(self, channel: str) -> list[ChannelDelivery]:
        """The channel's messages its service has not accepted yet, oldest first."""
        rows = self.conn.execute(
            "SELECT c.*, d.digest_key FROM channel_deliveries c JOIN digests d "
            "ON d.id = c.digest_id WHERE c.channel = ? AND c.status = 'pending' ORDER BY c.id",
            (channel,),
        ).fetchall()
        return [
            ChannelDelivery(
                row["id"],
                row["digest_key"],
                row["title"],
                row["body"],
                json.loads(row["payload"]),
                int(row["event_count"]),
            )
            for row in rows
        ]

    def count_attempt(self, row_id: int) -> int:
        """Record an attempt to post (before it is made); returns the row's attempts."""
        with immediate(self.conn) as db:
            db.execute(
                "UPDATE channel_deliveries SET attempts = attempts + 1, last_attempt_at = ? "
                "WHERE id = ?",
                (now_iso(), row_id),
            )
            return int(db.execute("SELECT attempts FROM channel_deliveries WHERE id = ?",
                                  (row_id,)).fetchone()[0])  # fmt: skip

    def mark_sent(self, row_id: int) -> None:
        with immediate(self.conn) as db:
            db.execute(
                "UPDATE channel_deliveries SET status = 'sent', sent_at = ?, last_error = NULL "
                "WHERE id = ?",
                (now_iso(), row_id),
            )

    def mark_failed(self, row_id: int, error: str | None) -> None:
        with immediate(self.conn) as db:
            db.execute("UPDATE channel_deliveries SET last_error = ? WHERE id = ?", (error, row_id))

    def pending_count(self, channels: Sequence[str]) -> int:
        """Messages of these channels not yet accepted (read-only safe)."""
        if not channels or not has_table(self.conn, TABLE):
            return 0
        marks = ",".join("?" * len(channels))
        row = self.conn.execute(
            "SELECT COUNT(*) FROM channel_deliveries WHERE status = 'pending' "
            f"AND channel IN ({marks})",
            list(channels),
        ).fetchone()
        return int(row[0])

    def summary(self, channel: str) -> ChannelSummary:
        """The channel's pending count, last delivery and last error (read-only safe)."""
        if not has_table(self.conn, TABLE):
            return ChannelSummary()
        row = self.conn.execute(
            "SELECT SUM(status = 'pending'), MAX(sent_at) FROM channel_deliveries "
            "WHERE channel = ?",
            (channel,),
        ).fetchone()
        err = self.conn.execute(
            "SELECT last_error FROM channel_deliveries WHERE channel = ? AND status = "
            "'pending' ORDER BY id LIMIT 1",
            (channel,),
        ).fetchone()
        return ChannelSummary(int(row[0] or 0), row[1], err[0] if err else None)
