"""The digest ledger for chat and webhook channels: each digest once to each channel, never lost.

When a digest is built (digests.prepare_digest), the same transaction writes one
`channel_deliveries` row per configured channel with the message rendered for it (chat.py), so
a channel can neither miss a digest nor be given one twice. A row stays `pending` until the
channel's service accepted it; every later attempt sends the same stored message. A channel
whose theme filter leaves nothing gets no row, and so no post.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from monitor.config import ConfigError, NotifyConfig
from monitor.digest.chat import render_chat
from monitor.digest.notifier import post
from monitor.digest.render import FailingSource
from monitor.models import Event
from monitor.store.catalogue import Store, now_iso


@dataclass(frozen=True)
class ChannelOutcome:
    channel: str
    digest_id: str
    events: int
    sent: bool
    attempts: int
    error: str | None = None

    @property
    def line(self) -> str:
        if self.sent:
            return (
                f"digest {self.digest_id} ({self.events} events) posted to channel {self.channel}"
            )
        return (
            f"digest {self.digest_id} NOT posted to channel {self.channel} (attempt "
            f"{self.attempts}): {self.error} It is kept and posted on the next attempt."
        )


@dataclass(frozen=True)
class ChannelStatus:
    name: str
    format: str
    themes: tuple[str, ...]
    pending: int  # digests built for it that its service has not accepted yet
    last_sent_at: str | None
    last_error: str | None  # of its oldest pending digest

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "format": self.format,
            "themes": list(self.themes),
            "pending": self.pending,
            "last_sent_at": self.last_sent_at,
            "last_error": self.last_error,
        }


def claim(
    db: sqlite3.Connection,
    channels: Sequence[NotifyConfig],
    digest_row: int,
    digest_id: str,
    created_at: datetime,
    events: Sequence[Event],
    notices: Sequence[FailingSource],
) -> None:
    """Inside the transaction that builds the digest: one row per channel that wants some of it."""
    for channel in channels:
        message = render_chat(events, notices, digest_id=digest_id, created_at=created_at,
                              fmt=channel.format, themes=channel.themes)  # fmt: skip
        if message is None:
            continue
        db.execute(
            "INSERT OR IGNORE INTO channel_deliveries(digest_id, channel, created_at, title, "
            "body, payload, event_count) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (digest_row, channel.key, created_at.strftime("%Y-%m-%dT%H:%M:%SZ"), message.title,
             message.body, json.dumps(message.payload, ensure_ascii=False), message.events),
        )  # fmt: skip


def send_pending(store: Store, channels: Sequence[NotifyConfig]) -> list[ChannelOutcome]:
    """Post every pending row of each configured channel, oldest first. A channel that fails
    is not tried again this time (its later digests wait behind the first, in order)."""
    outcomes: list[ChannelOutcome] = []
    for channel in channels:
        rows = store.conn.execute(
            "SELECT c.*, d.digest_key FROM channel_deliveries c JOIN digests d "
            "ON d.id = c.digest_id WHERE c.channel = ? AND c.status = 'pending' ORDER BY c.id",
            (channel.key,),
        ).fetchall()
        for row in rows:
            outcome = _send_one(store, channel, row)
            outcomes.append(outcome)
            if not outcome.sent:
                break
    return outcomes


def _send_one(store: Store, channel: NotifyConfig, row: sqlite3.Row) -> ChannelOutcome:
    with store.transaction() as db:
        db.execute(
            "UPDATE channel_deliveries SET attempts = attempts + 1, last_attempt_at = ? "
            "WHERE id = ?",
            (now_iso(), row["id"]),
        )
    attempts = int(row["attempts"]) + 1
    try:
        url = channel.resolve_url()
    except ConfigError as exc:
        ok, error = False, str(exc)
    else:
        result = post(url, row["title"], row["body"], json.loads(row["payload"]))
        ok, error = result.ok, result.error
    with store.transaction() as db:
        if ok:
            db.execute(
                "UPDATE channel_deliveries SET status = 'sent', sent_at = ?, last_error = NULL "
                "WHERE id = ?",
                (now_iso(), row["id"]),
            )
        else:
            db.execute(
                "UPDATE channel_deliveries SET last_error = ? WHERE id = ?", (error, row["id"])
            )
    return ChannelOutcome(channel.key, row["digest_key"], int(row["event_count"]), ok,
                          attempts, error)  # fmt: skip


def pending_count(store: Store, channels: Sequence[NotifyConfig]) -> int:
    """Digests built for configured channels and not yet accepted (read-only safe)."""
    if not channels or not _has_table(store.conn):
        return 0
    keys = [c.key for c in channels]
    marks = ",".join("?" * len(keys))
    row = store.conn.execute(
        "SELECT COUNT(*) FROM channel_deliveries WHERE status = 'pending' "
        f"AND channel IN ({marks})",
        keys,
    ).fetchone()
    return int(row[0])


def channel_status(
    conn: sqlite3.Connection | None, channels: Sequence[NotifyConfig]
) -> list[ChannelStatus]:
    """Each configured channel's pending digests and last delivery (for `monitor status`;
    `conn` None: no store yet)."""
    out = []
    has_table = conn is not None and _has_table(conn)
    for channel in channels:
        pending, last_sent, last_error = 0, None, None
        if conn is not None and has_table:
            row = conn.execute(
                "SELECT SUM(status = 'pending'), MAX(sent_at) FROM channel_deliveries "
                "WHERE channel = ?",
                (channel.key,),
            ).fetchone()
            pending, last_sent = int(row[0] or 0), row[1]
            err = conn.execute(
                "SELECT last_error FROM channel_deliveries WHERE channel = ? AND status = "
                "'pending' ORDER BY id LIMIT 1",
                (channel.key,),
            ).fetchone()
            last_error = err[0] if err else None
        out.append(ChannelStatus(channel.key, channel.format, tuple(channel.themes), pending,
                                 last_sent, last_error))  # fmt: skip
    return out


def _has_table(conn: sqlite3.Connection) -> bool:
    """A store not opened for writing since channels existed has no table yet (read-only)."""
    return bool(conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='channel_deliveries'"
    ).fetchone())  # fmt: skip
