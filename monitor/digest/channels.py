"""The digest ledger for chat and webhook channels: each digest once to each channel, never lost.

When a digest is built (digests.prepare_digest), the same transaction writes one
`channel_deliveries` row per configured channel with the message rendered for it (chat.py), so
a channel can neither miss a digest nor be given one twice. A row stays `pending` until the
channel's service accepted it; every later attempt sends the same stored message. A channel
whose theme filter leaves nothing gets no row, and so no post.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from monitor.config import ConfigError, NotifyConfig
from monitor.digest.chat import render_chat
from monitor.digest.notifier import post
from monitor.digest.render import FailingSource
from monitor.models import Event
from monitor.store.catalogue import Store
from monitor.store.channels import ChannelDelivery, ChannelSummary


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
    store: Store,
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
        store.channels.add(digest_row, channel.key, created_at, title=message.title,
                           body=message.body, payload=message.payload,
                           event_count=message.events)  # fmt: skip


def send_pending(store: Store, channels: Sequence[NotifyConfig]) -> list[ChannelOutcome]:
    """Post every pending row of each configured channel, oldest first. A channel that fails
    is not tried again this time (its later digests wait behind the first, in order)."""
    outcomes: list[ChannelOutcome] = []
    for channel in channels:
        for delivery in store.channels.pending(channel.key):
            outcome = _send_one(store, channel, delivery)
            outcomes.append(outcome)
            if not outcome.sent:
                break
    return outcomes


def _send_one(store: Store, channel: NotifyConfig, delivery: ChannelDelivery) -> ChannelOutcome:
    attempts = store.channels.count_attempt(delivery.row_id)
    try:
        url = channel.resolve_url()
    except ConfigError as exc:
        ok, error = False, str(exc)
    else:
        result = post(url, delivery.title, delivery.body, delivery.payload)
        ok, error = result.ok, result.error
    if ok:
        store.channels.mark_sent(delivery.row_id)
    else:
        store.channels.mark_failed(delivery.row_id, error)
    return ChannelOutcome(channel.key, delivery.digest_key, delivery.event_count, ok,
                          attempts, error)  # fmt: skip


def pending_count(store: Store, channels: Sequence[NotifyConfig]) -> int:
    """Digests built for configured channels and not yet accepted (read-only safe)."""
    return store.channels.pending_count([c.key for c in channels])


def channel_status(store: Store | None, channels: Sequence[NotifyConfig]) -> list[ChannelStatus]:
    """Each configured channel's pending digests and last delivery (for `monitor status`;
    `store` None: no store yet)."""
    out = []
    for channel in channels:
        seen = store.channels.summary(channel.key) if store is not None else ChannelSummary()
        out.append(ChannelStatus(channel.key, channel.format, tuple(channel.themes), seen.pending,
                                 seen.last_sent_at, seen.last_error))  # fmt: skip
    return out
