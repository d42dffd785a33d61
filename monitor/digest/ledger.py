"""Bookkeeping that makes digests lose nothing and send nothing twice.

Events wait in the store (`events.digest_id IS NULL`) until `prepare_digest` claims them, in one
transaction, into a `digests` row holding the rendered email (subject, text, HTML, Message-ID).
A digest stays `pending` until a server accepted it; every later attempt sends that same stored
email again (same Message-ID, same bytes), so a crash between "accepted" and "recorded" can at
worst repeat the identical message, which mail clients fold into one. The events of an unsent
digest are never put into a second, different digest.

Source failures are reported the same way: a source failing `failing_after` checks in a row is
named once (`sources.failure_reported`), and once more when it works again.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from email.utils import parseaddr
from pathlib import Path
from ssl import SSLContext

from monitor.config import EmailConfig
from monitor.digest.render import Digest, DigestCounts, FailingSource, render_digest
from monitor.digest.smtp import DeliveryError, DeliveryResult, build_message, deliver
from monitor.models import Event
from monitor.store.catalogue import Store, event_from_payload, now_iso, parse_iso


@dataclass(frozen=True)
class SendOutcome:
    """What happened to one digest in `send_pending`; `line` is ready to print."""

    digest_id: str
    message_id: str
    subject: str
    events: int
    sent: bool
    attempts: int
    destination: str | None = None
    error: str | None = None
    temporary: bool | None = None
    refused: tuple[str, ...] = ()  # recipients the server refused while accepting others

    @property
    def line(self) -> str:
        if self.sent:
            where = self.destination or "?"
            text = f"digest {self.digest_id} ({self.events} events) sent to {where}"
            if self.refused:
                text += f"; refused for {', '.join(self.refused)}"
            return text
        if self.temporary is False:
            what = "stay queued until the problem is fixed"
        else:
            what = "will be sent again on the next attempt"
        return (
            f"digest {self.digest_id} NOT sent (attempt {self.attempts}): {self.error} "
            f"Its {self.events} events are kept and {what}."
        )


@dataclass(frozen=True)
class UnsentDigest:
    digest_id: str
    subject: str
    created_at: str
    events: int
    attempts: int
    last_error: str | None


# --- failing sources -----------------------------------------------------------------------


def source_notices(conn: sqlite3.Connection, failing_after: int) -> list[FailingSource]:
    """Sources newly failing `failing_after`+ checks in a row, and reported ones working again
    (a check succeeded: not merely fewer failures than a `failing_after` raised since)."""
    rows = conn.execute(
        "SELECT name, url, consecutive_failures, last_error, failure_reported FROM sources "
        "WHERE (failure_reported = 0 AND consecutive_failures >= ?) "
        "OR (failure_reported != 0 AND consecutive_failures = 0) ORDER BY name",
        (failing_after,),
    ).fetchall()
    return [
        FailingSource(
            name=r["name"],
            url=r["url"],
            consecutive_failures=int(r["consecutive_failures"]),
            last_error=r["last_error"],
            recovered=bool(r["failure_reported"]),
        )
        for r in rows
    ]


def _mark_notices(conn: sqlite3.Connection, notices: list[FailingSource]) -> None:
    conn.executemany(
        "UPDATE sources SET failure_reported=? WHERE name=?",
        [(0 if n.recovered else 1, n.name) for n in notices],
    )


# --- preparing -----------------------------------------------------------------------------


def _domain(email_config: EmailConfig | None) -> str:
    if email_config is None:
        return "localhost"
    address = parseaddr(email_config.from_)[1]
    return address.rpartition("@")[2] or "localhost"


def preview(
    store: Store,
    email_config: EmailConfig | None = None,
    *,
    failing_after: int | None = None,
    now: datetime | None = None,
) -> Digest | None:
    """What the next digest would say, without claiming anything."""
    after = failing_after or (email_config.failing_after if email_config else 3)
    return render_digest(
        store.events(pending=True),
        failing=source_notices(store.conn, after),
        subject_template=email_config.subject if email_config else None,
        now=now,
        digest_id="preview",
        domain=_domain(email_config),
    )


def unsent(store: Store) -> list[Digest]:
    """Digests already built that no server has accepted yet, oldest first: they are sent
    before anything new, exactly as they were rendered."""
    if not store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='digests'"
    ).fetchone():
        return []
    out = []
    for row in store.conn.execute("SELECT * FROM digests WHERE status='pending' ORDER BY id"):
        ids = tuple(r[0] for r in store.conn.execute(
            "SELECT id FROM events WHERE digest_id=? ORDER BY id", (row["id"],)))  # fmt: skip
        out.append(_stored_digest(row, ids))
    return out


# Called inside the transaction that builds a digest (db, digest row id, digest, events,
# notices): channels.py writes each channel's delivery row there, so none can miss a digest.
AlsoClaim = Callable[[sqlite3.Connection, int, Digest, list[Event], list[FailingSource]], None]


def prepare_digest(
    store: Store,
    email_config: EmailConfig,
    *,
    now: datetime | None = None,
    also: AlsoClaim | None = None,
) -> Digest | None:
    """Claim every waiting event and source notice into a new pending digest (one transaction).

    Returns None when there is nothing to tell.
    """
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    with store.transaction() as db:
        rows = db.execute(
            "SELECT id, payload FROM events WHERE digest_id IS NULL ORDER BY id"
        ).fetchall()
        events = [event_from_payload(json.loads(r["payload"]), r["id"]) for r in rows]
        notices = source_notices(db, email_config.failing_after)
        if not events and not notices:
            return None
        token = secrets.token_hex(4)
        cur = db.execute(
            "INSERT INTO digests(digest_key, message_id, created_at, subject, text, html, counts) "
            "VALUES (?, ?, ?, '', '', '', '{}')",
            (f"new-{token}", f"new-{token}", now.strftime("%Y-%m-%dT%H:%M:%SZ")),
        )
        row_id = int(cur.lastrowid or 0)
        digest = render_digest(
            events,
            failing=notices,
            subject_template=email_config.subject,
            now=now,
            digest_id=f"{now:%Y%m%d}-{row_id}-{token}",
            domain=_domain(email_config),
        )
        assert digest is not None  # there were events or notices
        db.execute(
            "UPDATE digests SET digest_key=?, message_id=?, subject=?, text=?, html=?, counts=?, "
            "event_count=?, notices=? WHERE id=?",
            (
                digest.digest_id,
                digest.message_id,
                digest.subject,
                digest.text,
                digest.html,
                json.dumps(asdict(digest.counts)),
                len(events),
                json.dumps([asdict(n) for n in notices], ensure_ascii=False),
                row_id,
            ),
        )
        db.executemany(
            "UPDATE events SET digest_id=? WHERE id=? AND digest_id IS NULL",
            [(row_id, e.id) for e in events],
        )
        _mark_notices(db, notices)
        if also is not None:
            also(db, row_id, digest, events, notices)
    return digest


# --- sending -------------------------------------------------------------------------------


def _stored_digest(row: sqlite3.Row, event_ids: tuple[int, ...]) -> Digest:
    created = parse_iso(row["created_at"]) or datetime.now(UTC)
    return Digest(
        digest_id=row["digest_key"],
        message_id=row["message_id"],
        subject=row["subject"],
        text=row["text"],
        html=row["html"],
        created_at=created,
        event_ids=event_ids,
        counts=DigestCounts(**json.loads(row["counts"] or "{}")),
    )


def _record_attempt(store: Store, row_id: int) -> int:
    with store.transaction() as db:
        db.execute(
            "UPDATE digests SET attempts=attempts+1, last_attempt_at=? WHERE id=?",
            (now_iso(), row_id),
        )
        return int(db.execute("SELECT attempts FROM digests WHERE id=?", (row_id,)).fetchone()[0])


def _mark_sent(store: Store, row_id: int, result: DeliveryResult) -> None:
    note = None
    if result.refused:
        note = "refused for " + "; ".join(f"{r}: {a}" for r, a in result.refused.items())
    with store.transaction() as db:
        db.execute(
            "UPDATE digests SET status='sent', sent_at=?, destination=?, last_error=? WHERE id=?",
            (now_iso(), result.destination, note, row_id),
        )


def _record_failure(store: Store, row_id: int, error: DeliveryError) -> None:
    with store.transaction() as db:
        db.execute("UPDATE digests SET last_error=? WHERE id=?", (error.message, row_id))


def send_pending(
    store: Store,
    email_config: EmailConfig,
    outbox_dir: Path,
    *,
    now: datetime | None = None,
    ssl_context: SSLContext | None = None,
    claim: bool = True,
) -> list[SendOutcome]:
    """Claim what is waiting into a new digest, then send every unsent digest, oldest first.

    A digest is marked sent only after the server accepted it (or the outbox file is written).
    When the server cannot be reached at all, later digests are not tried this time.
    `claim=False` only retries digests already built (after a check that found nothing).
    """
    if claim:
        prepare_digest(store, email_config, now=now)
    outcomes: list[SendOutcome] = []
    rows = store.conn.execute("SELECT * FROM digests WHERE status='pending' ORDER BY id").fetchall()
    for row in rows:
        event_ids = tuple(
            r[0]
            for r in store.conn.execute(
                "SELECT id FROM events WHERE digest_id=? ORDER BY id", (row["id"],)
            )
        )
        digest = _stored_digest(row, event_ids)
        message = build_message(digest, email_config)
        attempts = _record_attempt(store, row["id"])
        try:
            result = deliver(message, email_config, outbox_dir=outbox_dir, ssl_context=ssl_context)
        except DeliveryError as err:
            _record_failure(store, row["id"], err)
            outcomes.append(
                SendOutcome(
                    digest.digest_id,
                    digest.message_id,
                    digest.subject,
                    len(event_ids),
                    sent=False,
                    attempts=attempts,
                    error=err.message,
                    temporary=err.temporary,
                )
            )
            if err.connection_level:
                break
            continue
        _mark_sent(store, row["id"], result)
        outcomes.append(
            SendOutcome(
                digest.digest_id,
                digest.message_id,
                digest.subject,
                len(event_ids),
                sent=True,
                attempts=attempts,
                destination=result.destination,
                refused=tuple(result.refused),
            )
        )
    return outcomes


def waiting_events(store: Store) -> int:
    """Events not yet in a digest a server accepted: unclaimed, or in an unsent digest."""
    if not store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='digests'"
    ).fetchone():
        return int(store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])
    row = store.conn.execute(
        "SELECT COUNT(*) FROM events WHERE digest_id IS NULL "
        "OR digest_id IN (SELECT id FROM digests WHERE status = 'pending')"
    ).fetchone()
    return int(row[0])


def unsent_digests(store: Store) -> list[UnsentDigest]:
    """Digests waiting for a server that accepts them (for `monitor status`; read-only safe)."""
    if not store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='digests'"
    ).fetchone():
        return []
    rows = store.conn.execute(
        "SELECT digest_key, subject, created_at, event_count, attempts, last_error FROM digests "
        "WHERE status='pending' ORDER BY id"
    ).fetchall()
    return [
        UnsentDigest(
            r["digest_key"],
            r["subject"],
            r["created_at"],
            r["event_count"],
            r["attempts"],
            r["last_error"],
        )
        for r in rows
    ]
