"""Every failure the monitor reports, under one root, so a caller can catch them by kind.

    MonitorError           something went wrong that a person can act on; the message says how
    ├── ConfigError        config.yaml, or the environment it names, must be fixed
    │   └── AuthConfigError    (web.security) one of the web view's login variables is unset
    ├── UsageError         the command line asks for something that cannot be done
    ├── StoreError         the store cannot be used: unwritable, full, unreadable, missing
    │   ├── StoreBusy      another process holds the store's lock
    │   └── SearchIndexMissing  (context.search) its search index is not built yet
    ├── QueueError         the task queue's broker cannot be used, or no worker ended a check
    ├── DeliveryError      a digest was not handed over; `temporary` says if retrying may work
    ├── FetchError         no usable page at a URL; `kind` says what a check may conclude
    ├── ExtractionError    a body holds no statement to read (also a ValueError)
    └── CheckInterrupted   a check abandoned because the service is stopping

The stages raise and catch these and never exit; `monitor.cli` maps them to exit codes in one
table (`EXIT_CODES`). FetchError, ExtractionError and CheckInterrupted never reach it: a check
turns them into error items, and the service into a clean stop.
"""

from __future__ import annotations

from typing import Literal


class MonitorError(Exception):
    """The root: a failure with a message written for the person running the monitor."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class ConfigError(MonitorError):
    """A config problem a person must fix; the message says where and how."""


class UsageError(MonitorError):
    """Options or arguments that ask for something impossible (`digest` without --send or
    --preview, `related` on something that is neither a stored URL nor a file)."""


class StoreError(MonitorError):
    """The store cannot be used; the message says what to do."""


class StoreBusy(StoreError):
    """Another process (a check, the service) holds the store's lock."""


class QueueError(MonitorError):
    """The broker cannot be used; the message says which and what to do."""


DeliveryKind = Literal[
    "config", "refused", "unreachable", "timeout", "tls", "auth", "disconnected",
    "temporary", "permanent", "outbox",
]  # fmt: skip


class DeliveryError(MonitorError):
    """The digest was not handed over. `temporary` says whether the same attempt may work later
    unchanged; a permanent error needs a person (wrong address, password, server policy)."""

    def __init__(
        self, message: str, kind: DeliveryKind, *, temporary: bool, code: int | None = None
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.temporary = temporary
        self.code = code

    @property
    def connection_level(self) -> bool:
        """The server could not be used at all, so trying further digests now is pointless."""
        return self.kind in ("config", "refused", "unreachable", "timeout", "tls", "auth")


FetchKind = Literal["transient", "gone", "blocked", "robots", "too_large", "bad_response"]


class FetchError(MonitorError):
    """A fetch that produced no usable page. `kind` says what the caller may conclude.

    transient: try again later; never evidence of an edit or a removal.
    gone: 404/410 (already confirmed by a second request when the fetcher was asked to).
    blocked: a firewall or anti-bot page; never a release.
    robots: robots.txt forbids the URL.
    """

    def __init__(self, url: str, kind: FetchKind, message: str, status: int | None = None):
        super().__init__(message)
        self.url = url
        self.kind = kind
        self.status = status


class ExtractionError(MonitorError, ValueError):
    """The body holds no statement we can read (empty, binary, or a PDF without a text layer)."""


class CheckInterrupted(MonitorError):
    """The check was abandoned on request (the service is stopping).

    Abandoning happens only between two awaits, never inside a store transaction: what the
    check committed stands, its events wait for the next digest, and the sources it did not
    finish stay due, so the next run checks them first.
    """
