"""What `monitor check` does around a check: lock the store, run, match, deliver.

Shared by the CLI and the service so both go through the same lock and the same steps.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import threading
from collections.abc import Awaitable
from typing import TypeVar

from rich.console import Console

from monitor.config import Config, EmailConfig
from monitor.errors import CheckInterrupted, StoreBusy
from monitor.models import CheckReport
from monitor.report import CheckProgress
from monitor.run.check import CheckOptions, run_check
from monitor.store.catalogue import Store
from monitor.store.lease import StoreLease

T = TypeVar("T")


def deliver_digests(
    config: Config, store: Store, console: Console | None, *, claim: bool = True
) -> list[str]:
    """Send every digest that is due, by email (or to the outbox) and to each `notify` channel;
    returns what happened, in words.

    Unsent digests from earlier attempts go first, with their original Message-ID. With
    `claim=False` nothing new is put in a digest: only those earlier attempts are retried.
    """
    if not config.delivers:
        return []
    with DELIVERING, contextlib.ExitStack() as held:
        try:
            held.enter_context(store.delivering())
        except StoreBusy as busy:
            lines = [f"digests not sent now: {busy}"]
        else:
            if claim:
                _claim(config, store)
            lines = _deliver_email(config, store) if config.email is not None else []
            if config.notify:
                from monitor.digest.channels import send_pending

                lines += [o.line for o in send_pending(store, config.notify)]
    if console is not None:
        for line in lines:
            console.print(line, highlight=False)
    return lines


# The service's jobs end (and deliver) concurrently, each through its own connection: one at a
# time, or two would read the same pending digest and both send it. Other processes are kept
# apart by the store (`Store.delivering`).
DELIVERING = threading.Lock()


def _claim(config: Config, store: Store) -> None:
    """Waiting events into a new digest, and each channel's row for it, in one transaction.
    Without an `email` section the digest is built for the channels only (status `unmailed`)."""
    from monitor.digest.channels import claim as claim_for_channels
    from monitor.digest.ledger import prepare_digest

    def also(claiming, row_id, digest, events, notices):  # type: ignore[no-untyped-def]
        # `claiming`: the store, inside the transaction that claims the digest
        claim_for_channels(claiming, config.notify, row_id, digest.digest_id, digest.created_at,
                           events, notices)  # fmt: skip
        if config.email is None:
            claiming.ledger.mark_unmailed(row_id)

    email = config.email or EmailConfig(to=["monitor@localhost"])
    prepare_digest(store, email, also=also)


def _deliver_email(config: Config, store: Store) -> list[str]:
    assert config.email is not None
    from monitor.digest.ledger import send_pending

    outbox = config.resolve(config.email.outbox)
    context = None
    if config.email.smtp.ca_file:
        ca_file = config.resolve(config.email.smtp.ca_file)
        try:
            context = ssl.create_default_context(cafile=ca_file)
        except (OSError, ssl.SSLError) as exc:
            return [f"digest not sent: email.smtp.ca_file {ca_file} cannot be read as PEM "
                    f"certificates ({exc}); the events wait for the next attempt"]  # fmt: skip
    outcomes = send_pending(store, config.email, outbox, claim=False, ssl_context=context)
    return [o.line for o in outcomes]


def undelivered(config: Config, store: Store) -> int:
    """Digests built and not yet accepted: by the mail server, or by a channel."""
    from monitor.digest.channels import pending_count
    from monitor.digest.ledger import unsent_digests

    unsent = len(unsent_digests(store)) if config.email is not None else 0
    return unsent + pending_count(store, config.notify)


def open_store_for_writing(
    config: Config,
    wait: float,
    console: Console | None = None,
    lease: StoreLease | None = None,
) -> Store:
    """Take the store lock, saying so when another process (a check, the service) holds it.

    The service passes its `lease`: its jobs share one hold on the lock and never wait here."""
    try:
        return Store.open(config.snapshots_dir, wait=0, lease=lease)
    except StoreBusy:
        if wait <= 0 or lease is not None:
            raise
    if console is not None:
        console.print(
            f"another monitor process is working on {config.snapshots_dir}; "
            f"waiting up to {wait:.0f} s for it to finish…",
            highlight=False,
        )
    return Store.open(config.snapshots_dir, wait=wait)


def run_check_command(
    config: Config,
    *,
    sources: list[str] | None = None,
    refetch_all: bool = False,
    wait: float = 600.0,
    send_email: bool = True,
    progress: bool = False,
    console: Console | None = None,
    stop: threading.Event | None = None,
    lease: StoreLease | None = None,
    label: dict[str, str] | None = None,
) -> CheckReport:
    """`stop`, when given and set while the check runs, abandons it (CheckInterrupted);
    `label` tags its row in `checks` (a queued check: its round and source)."""
    console = console or Console(stderr=True)
    store = open_store_for_writing(config, wait, console, lease)
    try:
        with CheckProgress(console, enabled=progress) as bar:
            options = CheckOptions(
                sources=sources,
                refetch_all=refetch_all,
                progress=bar,
                label=label,
                lock_wait=wait,
            )
            report = asyncio.run(_until_stopped(run_check(config, store, options), stop))
        after_check(config, store, report, send_email=send_email, console=console)
        return report
    finally:
        store.close()


def after_check(
    config: Config, store: Store, report: CheckReport, *, send_email: bool, console: Console
) -> None:
    """What follows a check, in process or queued: its digest when due at once, the feed."""
    if send_email and config.delivers:
        if config.digest_schedule.immediate:
            # A check that found nothing sends nothing new; events left by `--no-email`
            # checks go out with the next check that finds something, or `digest --send`.
            from monitor.digest.ledger import source_notices

            news = bool(report.events) or bool(source_notices(store, config.failing_after))
            deliver_digests(config, store, console, claim=news)
        else:
            console.print(
                f"events wait for the scheduled digest ({config.digest_schedule.cron}); "
                "`monitor digest --send` sends them now",
                highlight=False,
            )
    _update_feed(config, store, report, console)


def _update_feed(config: Config, store: Store, report: CheckReport, console: Console) -> None:
    """The configured Atom feed, after a check that recorded events (or when it is missing)."""
    if config.feed is None:
        return
    if not report.events and config.resolve(config.feed.path).exists():
        return
    from monitor.digest.atom import update_configured_feed

    line = update_configured_feed(config, store)
    if line:
        console.print(line, highlight=False)


async def _until_stopped(work: Awaitable[T], stop: threading.Event | None) -> T:
    if stop is None:
        return await work
    task = asyncio.ensure_future(work)
    while not task.done():
        if stop.is_set():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            raise CheckInterrupted("check abandoned: the monitor is stopping")
        await asyncio.wait({task}, timeout=0.1)
    return task.result()
