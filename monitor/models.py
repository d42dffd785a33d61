"""The typed records that move between pipeline stages.

config → sources → fetch → extract → store → detect/match → digest → deliver.
Each stage takes and returns these, so stages never reach into each other. What a stage
raises is in `monitor.errors` (FetchError, raised beside `Page`, is importable from here too).
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from monitor.errors import FetchError as FetchError

# --- discovery ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """A release found on a listing page or in a feed, before it is fetched."""

    url: str
    title: str | None = None
    date: str | None = None  # ISO 8601 date when the listing or feed shows one
    summary: str | None = None


@dataclass(frozen=True)
class Listing:
    """What discovery found on one listing page or feed."""

    kind: Literal["listing", "feed", "page"]
    releases: tuple[Link, ...] = ()
    next_pages: tuple[str, ...] = ()  # pagination, nearest first
    # The shape of the element that held the release links (e.g. "table.news>tr>td"): the next
    # page of the same listing is read with it, so a "latest news" sidebar never wins there.
    signature: str | None = None


# --- fetch -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """One HTTP answer, decoded. `not_modified` pages carry no body."""

    url: str  # what was asked for
    final_url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case, e.g. "text/html"
    body: bytes = b""
    text: str | None = None  # decoded body for text types, None for binary ones
    encoding: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    redirects: tuple[str, ...] = ()  # intermediate URLs

    @functools.cached_property
    def body_hash(self) -> str:  # asked for several times a page: the check compares, stores
        return hashlib.sha256(self.body).hexdigest()

    @property
    def declared_type(self) -> str:
        """The media type with the charset the body was decoded with, to decode it alike."""
        charset = f"; charset={self.encoding}" if self.encoding else ""
        return self.content_type + charset

    @property
    def is_pdf(self) -> bool:
        return self.content_type == "application/pdf" or self.body[:5] == b"%PDF-"


# --- extraction --------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """The statement a release page carries, free of chrome, normalised (NFC, whitespace)."""

    url: str
    title: str
    paragraphs: tuple[str, ...]
    date: str | None = None  # ISO 8601 date of publication, when the page has one
    language: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def comparable(self) -> str:
        """What a version is: title and text. Anything else on the page is chrome."""
        return self.title + "\n\n" + self.text

    @property
    def text_hash(self) -> str:
        return hashlib.sha256(self.comparable.encode("utf-8")).hexdigest()


# --- the store's records, as detection reads them ------------------------------------------


def now_iso() -> str:
    """A timestamp as every record keeps it: ISO 8601, UTC, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Standing:
    """A known release fetched again whose stored text stands, as the store records it: what
    its page said (None: the server answered 304), without the page's body."""

    release_id: int
    validators: tuple[str | None, str | None, str] | None  # ETag, Last-Modified, body hash
    extract_sig: str | None = None
    read_hash: str | None = None  # what the statement was read from (extract.reading)


@dataclass(frozen=True)
class ReleaseState:
    id: int
    url: str
    key: str
    title: str | None
    published: str | None
    first_seen_at: str
    last_fetched_at: str | None
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    extract_sig: str | None
    state: str
    latest_version_id: int | None
    removed_at: str | None = None
    read_hash: str | None = None  # what the statement was read from (extract.reading)


@dataclass(frozen=True)
class VersionText:
    id: int
    seq: int
    title: str
    paragraphs: tuple[str, ...]
    text_hash: str
    text_path: str
    published: str | None
    raw_hash: str | None = None  # the body it was read from, to read again like for like
    content_type: str | None = None
    final_url: str | None = None


# --- detection and report ----------------------------------------------------------------

EventKind = Literal["new", "changed", "removed"]


@dataclass(frozen=True)
class Related:
    url: str
    title: str
    score: float  # 0-100


@dataclass(frozen=True)
class ThemeMatch:
    """A theme tag with its evidence: which terms matched, in which sentences."""

    theme: str
    score: float
    evidence: tuple[tuple[str, str], ...] = ()  # (matched term, sentence)


@dataclass
class Event:
    """Something a person should be told about one release."""

    kind: EventKind
    source: str
    url: str
    title: str
    baseline: bool = False
    date: str | None = None
    diff: str | None = None  # readable word diff, for "changed"
    diff_html: str | None = None
    reason: str | None = None  # why a release counts as removed
    version_id: int | None = None
    previous_version_id: int | None = None
    themes: list[ThemeMatch] = field(default_factory=list)
    mentions: list[ThemeMatch] = field(default_factory=list)  # named in passing, not the subject
    related: list[Related] = field(default_factory=list)
    archived: str | None = None  # path of the last stored text, for "removed"
    restored: bool = False  # a removed release answering again at its address
    id: int | None = None  # store id once recorded

    def to_json(self) -> dict[str, Any]:
        item: dict[str, Any] = {"url": self.url, "title": self.title, "source": self.source}
        if self.kind == "new":
            item["baseline"] = self.baseline
        if self.date:
            item["date"] = self.date
        if self.kind == "changed":
            item["diff"] = self.diff or ""
        if self.kind == "removed":
            item["reason"] = self.reason or ""
            if self.archived:
                item["archived"] = self.archived
        elif self.restored:
            item["restored"] = True
            item["reason"] = self.reason or ""
        if self.kind in ("new", "changed"):
            item["themes"] = [t.theme for t in self.themes]
            item["theme_evidence"] = _evidence(self.themes)
            item["mentions"] = [t.theme for t in self.mentions]
            item["mention_evidence"] = _evidence(self.mentions)
        if self.kind == "new":
            item["related"] = [
                {"url": r.url, "title": r.title, "score": round(r.score, 1)} for r in self.related
            ]
        return item


def _evidence(matches: list[ThemeMatch]) -> list[dict[str, Any]]:
    return [
        {
            "theme": t.theme,
            "score": round(t.score, 1),
            "evidence": [{"term": term, "sentence": s} for term, s in t.evidence],
        }
        for t in matches
    ]


@dataclass(frozen=True)
class CheckError:
    source: str
    url: str
    error: str
    kind: str = "transient"
    title: str = ""  # the release's known title; the URL when there is none

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "title": self.title or self.url, "error": self.error,
                "source": self.source, "kind": self.kind}  # fmt: skip


@dataclass
class SourceResult:
    """How one source's check went; the service and `monitor status` read these."""

    source: str
    ok: bool = True
    releases_seen: int = 0
    fetched: int = 0
    not_modified: int = 0
    unchanged: int = 0
    duration: float = 0.0


@dataclass
class CheckReport:
    new: list[Event] = field(default_factory=list)
    changed: list[Event] = field(default_factory=list)
    removed: list[Event] = field(default_factory=list)
    errors: list[CheckError] = field(default_factory=list)
    sources: list[SourceResult] = field(default_factory=list)
    check_id: int | None = None

    @property
    def events(self) -> list[Event]:
        return [*self.new, *self.changed, *self.removed]

    def add(self, event: Event) -> None:
        getattr(self, event.kind).append(event)

    def to_json(self) -> dict[str, Any]:
        return {
            "new": [e.to_json() for e in self.new],
            "changed": [e.to_json() for e in self.changed],
            "removed": [e.to_json() for e in self.removed],
            "errors": [e.to_json() for e in self.errors],
        }
