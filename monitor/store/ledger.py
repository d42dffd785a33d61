"""The digest ledger's rows: digests, the events they claim, and the source notices they carry.

Only the reads and writes live here; the rules (what goes into a digest, when it counts as sent,
what is sent again) are digest/ledger.py's. The claiming methods write inside the caller's
transaction (`with store.transaction():`), so a digest, its events and its notices are claimed
together or not at all; the attempt bookkeeping methods take a transaction of their own.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime

from monitor.store.dialect import dialect_of
from monitor.store.records import now_iso, parse_iso
from monitor.store.sql import has_table, immediate


@dataclass(frozen=True)
class SourceNotice:
    """A source failing `consecutive_failures` checks in a row, or reported and working again."""

    name: str
    url: str
    consecutive_failures: int
    last_error: str | None
    recovered: bool


@dataclass(frozen=True)
class DigestContent:
    """What a claimed digest's row holds: its rendered email and what it counts."""

    digest_key: str
    message_id: str
    subject: str
    text: str
    html: str
    counts: dict[str, int]
    event_count: int


@dataclass(frozen=True)
class StoredDigest:
    """A digest as the ledger keeps it, with the events it claimed (oldest first)."""

    row_id: int
    content: DigestContent
    created_at: str  # as stored, ISO 8601 UTC
    event_ids: tuple[int, ...]
    attempts: int
    last_error: str | None


class DigestLedger:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    # --- claiming (inside the caller's transaction) ----------------------------------------

    def lock_claims(self) -> None:
        """First in a claiming transaction: one claims at a time, so two schedulers never put
        one event in two digests. SQLite's BEGIN IMMEDIATE already queues them; PostgreSQL
        reads under row locks only, so a transaction-long advisory lock does it there."""
        if dialect_of(self.conn) == "postgresql":
            from monitor.store.postgres import lock_for_transaction

            lock_for_transaction(self.conn, "digest claims")

    def source_notices(self, failing_after: int) -> list[SourceNotice]:
        """Sources newly failing `failing_after`+ checks in a row, and reported ones working
        again (a check succeeded: not merely fewer failures than a raised `failing_after`)."""
        rows = self.conn.execute(
            "SELECT name, url, consecutive_failures, last_error, failure_reported FROM sources "
            "WHERE (failure_reported = 0 AND consecutive_failures >= ?) "
            "OR (failure_reported != 0 AND consecutive_failures = 0) ORDER BY name",
            (failing_after,),
        ).fetchall()
        return [
            SourceNotice(
                r["name"],
                r["url"],
                int(r["consecutive_failures"]),
                r["last_error"],
                bool(r["failure_reported"]),
            )
            for r in rows
        ]

    def open_digest(self, placeholder: str, created_at: datetime) -> int:
        """A new pending digest row, named `placeholder` until `fill` (its id names it)."""
        cur = self.conn.execute(
            "INSERT INTO digests(digest_key, message_id, created_at, subject, text, html, counts) "
            "VALUES (?, ?, ?, '', '', '', '{}')",
            (placeholder, placeholder, created_at.strftime("%Y-%m-%dT%H:%M:%SZ")),
        )
        return int(cur.lastrowid or 0)

    def fill(
        self,
        row_id: int,
        content: DigestContent,
        event_ids: Sequence[int],
        notices: Sequence[SourceNotice],
    ) -> None:
        """Write the rendered digest, claim its events (those no other digest holds) and mark
        its notices as told."""
        self.conn.execute(
            "UPDATE digests SET digest_key=?, message_id=?, subject=?, text=?, html=?, counts=?, "
            "event_count=?, notices=? WHERE id=?",
            (content.digest_key, content.message_id, content.subject, content.text, content.html,
             json.dumps(content.counts), content.event_count,
             json.dumps([asdict(n) for n in notices], ensure_ascii=False), row_id),
        )  # fmt: skip
        self.conn.executemany(
            "UPDATE events SET digest_id=? WHERE id=? AND digest_id IS NULL",
            [(row_id, event_id) for event_id in event_ids],
        )
        self.conn.executemany(
            "UPDATE sources SET failure_reported=? WHERE name=?",
            [(0 if n.recovered else 1, n.name) for n in notices],
        )

    def mark_unmailed(self, row_id: int) -> None:
        """A digest built for the channels only (no `email` section): never mailed."""
        self.conn.execute("UPDATE digests SET status = 'unmailed' WHERE id = ?", (row_id,))

    # --- sending ---------------------------------------------------------------------------

    def pending(self) -> list[StoredDigest]:
        """Digests no mail server has accepted yet, oldest first (read-only safe)."""
        if not has_table(self.conn, "digests"):
            return []  # a store from before digests, not written since
        rows = self.conn.execute(
            "SELECT * FROM digests WHERE status='pending' ORDER BY id"
        ).fetchall()
        return [self._stored(row) for row in rows]

    def _stored(self, row: sqlite3.Row) -> StoredDigest:
        event_ids = tuple(r[0] for r in self.conn.execute(
            "SELECT id FROM events WHERE digest_id=? ORDER BY id", (row["id"],)))  # fmt: skip
        content = DigestContent(
            digest_key=row["digest_key"], message_id=row["message_id"], subject=row["subject"],
            text=row["text"], html=row["html"], counts=json.loads(row["counts"] or "{}"),
            event_count=int(row["event_count"]),
        )  # fmt: skip
        return StoredDigest(row["id"], content, row["created_at"], event_ids,
                            int(row["attempts"]), row["last_error"])  # fmt: skip

    def count_attempt(self, row_id: int) -> int:
        """Record an attempt to send (before it is made); returns the digest's attempts."""
        with immediate(self.conn) as db:
            db.execute(
                "UPDATE digests SET attempts=attempts+1, last_attempt_at=? WHERE id=?",
                (now_iso(), row_id),
            )
            return int(db.execute("SELECT attempts FROM digests WHERE id=?",
                                  (row_id,)).fetchone()[0])  # fmt: skip

    def mark_sent(self, row_id: int, destination: str | None, note: str | None) -> None:
        with immediate(self.conn) as db:
            db.execute(
                "UPDATE digests SET status='sent', sent_at=?, destination=?, last_error=? "
                "WHERE id=?",
                (now_iso(), destination, note, row_id),
            )

    def mark_failed(self, row_id: int, error: str) -> None:
        with immediate(self.conn) as db:
            db.execute("UPDATE digests SET last_error=? WHERE id=?", (error, row_id))

    # --- what waits ------------------------------------------------------------------------

    def waiting_events(self) -> int:
        """Events not yet in a digest a server accepted: unclaimed, or in an unsent digest."""
        if not has_table(self.conn, "digests"):
            return int(self.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])
        row = self.conn.execute(
            "SELECT COUNT(*) FROM events WHERE digest_id IS NULL "
            "OR digest_id IN (SELECT id FROM digests WHERE status = 'pending')"
        ).fetchone()
        return int(row[0])

    def oldest_unclaimed_event(self) -> datetime | None:
        """When the oldest event no digest has claimed was recorded."""
        row = self.conn.execute(
            "SELECT MIN(created_at) FROM events WHERE digest_id IS NULL"
        ).fetchone()
        return parse_iso(row[0]) if row else None
