"""The records the catalogue hands out (typed dataclasses, never database rows), the event
payload codec, and the catalogue's time format."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any
from urllib.parse import unquote, urlsplit

from monitor.models import (  # noqa: F401 (records that cross stages; the store's callers import them here too)
    Event,
    Related,
    ReleaseState,
    ThemeMatch,
    VersionText,
    now_iso,
    parse_iso,
)


def release_key(url: str) -> str:
    """A readable, stable folder name for a release: its slug (or id) plus a short hash."""
    parts = urlsplit(url)
    segments = [p for p in unquote(parts.path).split("/") if p]
    tail = segments[-1:] if segments else []
    if tail and (len(tail[0]) < 12 or not re.search(r"[^\W\d_]{3}", tail[0])) and len(segments) > 1:
        tail = segments[-2:]  # "/post/detail/12345" → "detail-12345"
    if parts.query and not tail:
        tail = [parts.query]
    words = re.sub(r"\.(html?|php|aspx?|pdf)$", "", "-".join(tail), flags=re.I)
    words = re.sub(r"[^\w]+", "-", words).strip("-").lower()[:60].strip("-")
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
    return f"{words or parts.netloc.replace(':', '-')}-{digest}"


@dataclass(frozen=True)
class SourceState:
    id: int
    name: str
    baselined: bool
    consecutive_failures: int


@dataclass(frozen=True)
class StoredPage:
    """A listing page as the last check left it: its HTTP validators, and its memo
    (`sources.memo`), read together as a check needs both."""

    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    memo: str | None = None


@dataclass(frozen=True)
class SourceSummary:
    """A source as `monitor status` and the service see it: its times and counts."""

    name: str
    last_check_at: datetime | None
    last_ok_at: datetime | None
    last_error: str | None
    consecutive_failures: int
    releases: int
    removed: int
    versions: int


@dataclass(frozen=True)
class ReleaseText:
    """A release's latest stored text (for themes' exemplars and related releases)."""

    release_id: int
    title: str
    body: str
    source_id: int = 0  # whose boilerplate related releases discount


@dataclass(frozen=True)
class RecordedEvent:
    event: Event  # with its id
    created_at: datetime | None


def source_from_row(row: sqlite3.Row) -> SourceState:
    return SourceState(row["id"], row["name"], bool(row["baselined_at"]),
                       row["consecutive_failures"])  # fmt: skip


def release_from_row(row: sqlite3.Row) -> ReleaseState:
    return ReleaseState(
        id=row["id"], url=row["url"], key=row["key"], title=row["title"],
        published=row["published"], first_seen_at=row["first_seen_at"],
        last_fetched_at=row["last_fetched_at"], etag=row["etag"],
        last_modified=row["last_modified"], body_hash=row["body_hash"],
        extract_sig=row["extract_sig"], state=row["state"],
        latest_version_id=row["latest_version_id"], removed_at=row["removed_at"],
        read_hash=row["read_hash"] if "read_hash" in row.keys() else None,  # noqa: SIM118 (a Row tests values)
    )  # fmt: skip


def version_from_row(row: sqlite3.Row) -> VersionText:
    body = row["body"]
    return VersionText(
        id=row["id"], seq=row["seq"], title=row["title"],
        paragraphs=tuple(p for p in body.split("\n\n") if p) if body else (),
        text_hash=row["text_hash"], text_path=row["text_path"], published=row["published"],
        raw_hash=row["raw_hash"], content_type=row["content_type"], final_url=row["final_url"],
    )  # fmt: skip


def event_payload(event: Event) -> dict[str, Any]:
    data = asdict(event)
    data.pop("id", None)
    return data


def event_from_payload(data: dict[str, Any], event_id: int | None = None) -> Event:
    data = dict(data)
    for key in ("themes", "mentions"):  # an event stored before mentions existed has none
        data[key] = [
            ThemeMatch(t["theme"], t["score"], tuple(tuple(e) for e in t.get("evidence", ())))
            for t in data.get(key, [])
        ]
    data["related"] = [Related(**r) for r in data.get("related", [])]
    return Event(**data, id=event_id)
