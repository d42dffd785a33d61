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

import secrets
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from email.utils import parseaddr
from pathlib import Path
from ssl import SSLContext

from monitor.config import EmailConfig
from monitor.digest.render import Digest, DigestCounts, FailingSource, render_digest
from monitor.digest.smtp import DeliveryError, DeliveryResult, build_message, deliver
from monitor.models import Event
from monitor.store.catalogue import Store, parse_iso
from monitor.store.ledger import DigestContent, StoredDigest


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


def source_notices(store: Store, failing_after: int) -> list[FailingSource]:
    """Sources newly failing `failing_after`+ checks in a row, and reported ones working again
    (a check succeeded: not merely fewer failures than a `failing_after` raised since)."""
    return [FailingSource(**asdict(n)) for n in store.ledger.source_notices(failing_after)]


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
        failing=source_notices(store, after),
        subject_template=email_config.subject if email_config else None,
        now=now,
        digest_id="preview",
        domain=_domain(email_config),
    )


def unsent(store: Store) -> list[Digest]:
    """Digests already built that no server has accepted yet, oldest first: they are sent
    before anything new, exactly as they were rendered."""
    return [_stored_digest(d) for d in store.ledger.pending()]


# Called inside the transaction that builds a digest (store, digest row id, digest, events,
# notices): channels.py writes each channel's delivery row there, so none can miss a digest.
AlsoClaim = Callable[[Store, int, Digest, list[Event], list[FailingSource]], None]


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
    with store.transaction():
        store.ledger.lock_claims()  # two schedulers at once: one digest (ledger.py)
        events = store.events(pending=True)
        found = store.ledger.source_notices(email_config.failing_after)
        notices = [FailingSource(**asdict(n)) for n in found]
        if not events and not notices:
            return None
        token = secrets.token_hex(4)
        row_id = store.ledger.open_digest(f"new-{token}", now)
        digest = render_digest(
            events,
            failing=notices,
            subject_template=email_config.subject,
            now=now,
            digest_id=f"{now:%Y%m%d}-{row_id}-{token}",
            domain=_domain(email_config),
        )
        assert digest is not None  # there were events or notices
        content = DigestContent(digest.digest_id, digest.message_id, digest.subject, digest.text,
                                digest.html, asdict(digest.counts), len(events))  # fmt: skip
        store.ledger.fill(row_id, content, [e.id for e in events if e.id is not None], found)
        if also is not None:
            also(store, row_id, digest, events, notices)
    return digest


# --- sending -------------------------------------------------------------------------------


def _stored_digest(stored: StoredDigest) -> Digest:
    content = stored.content
    return Digest(
        digest_id=content.digest_key,
        message_id=content.message_id,
        subject=content.subject,
        text=content.text,
        html=content.html,
        created_at=parse_iso(stored.created_at) or datetime.now(UTC),
        event_ids=stored.event_ids,
        counts=DigestCounts(**content.counts),
    )


def _mark_sent(store: Store, row_id: int, result: DeliveryResult) -> None:
    note = None
    if result.refused:
        note = "refused for " + "; ".join(f"{r}: {a}" for r, a in result.refused.items())
    store.ledger.mark_sent(row_id, result.destination, note)


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
    for stored in store.ledger.pending():
        digest = _stored_digest(stored)
        message = build_message(digest, email_config)
        attempts = store.ledger.count_attempt(stored.row_id)
        tried = SendOutcome(digest.digest_id, digest.message_id, digest.subject,
                            len(digest.event_ids), sent=False, attempts=attempts)  # fmt: skip
        try:
            result = deliver(message, email_config, outbox_dir=outbox_dir, ssl_context=ssl_context)
        except DeliveryError as err:
            store.ledger.mark_failed(stored.row_id, err.message)
            outcomes.append(replace(tried, error=err.message, temporary=err.temporary))
            if err.connection_level:
                break
            continue
        _mark_sent(store, stored.row_id, result)
        outcomes.append(replace(tried, sent=True, destination=result.destination,
                                refused=tuple(result.refused)))  # fmt: skip
    return outcomes


def waiting_events(store: Store) -> int:
    """Events not yet in a digest a server accepted: unclaimed, or in an unsent digest."""
    return store.ledger.waiting_events()


def unsent_digests(store: Store) -> list[UnsentDigest]:
    """Digests waiting for a server that accepts them (for `monitor status`; read-only safe)."""
    return [
        UnsentDigest(
            d.content.digest_key,
            d.content.subject,
            d.created_at,
            d.content.event_count,
            d.attempts,
            d.last_error,
        )
        for d in store.ledger.pending()
    ]
