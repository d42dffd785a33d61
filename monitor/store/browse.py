"""Read-only queries the web view needs, as typed records (the web package holds no SQL).

Every list is paged by event or release id (keyset paging), so a page costs the same at the
100,000th release as at the first. Works on a read-only connection.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from monitor.models import Related, ThemeMatch
from monitor.run.schedule import SourceTimes
from monitor.run.status import SourceRecord
from monitor.store.catalogue import event_from_payload, parse_iso
from monitor.store.dialect import has_theme

PAGE_SIZE = 50


@dataclass(frozen=True)
class EventRow:
    """One line of the home page: something that happened to a release."""

    id: int
    kind: str  # new / changed / removed
    created_at: str
    release_id: int
    source: str
    title: str
    baseline: bool
    restored: bool
    reason: str | None
    language: str | None
    themes: tuple[str, ...]


@dataclass(frozen=True)
class EventPage:
    rows: list[EventRow]
    newer: int | None  # pass as `after=` for the newer page; None on the newest
    older: int | None  # pass as `before=` for the older page; None on the oldest


@dataclass(frozen=True)
class VersionInfo:
    id: int
    seq: int
    fetched_at: str
    title: str
    language: str | None
    raw_hash: str | None
    content_type: str | None
    final_url: str | None


@dataclass(frozen=True)
class ReleaseView:
    id: int
    url: str
    source: str
    title: str
    published: str | None
    first_seen_at: str
    last_seen_at: str | None
    state: str
    removed_at: str | None
    language: str | None
    versions: list[VersionInfo]
    history: list[EventRow]  # every event, oldest first: the removal and restore record
    themes: list[ThemeMatch] = field(default_factory=list)
    related: list[tuple[Related, int | None]] = field(default_factory=list)  # with local id


@dataclass(frozen=True)
class ReleaseRow:
    id: int
    title: str
    published: str | None
    first_seen_at: str
    state: str
    language: str | None


_EVENT_SQL = (
    "SELECT e.id, e.kind, e.created_at, e.release_id, e.baseline, e.payload, s.name AS source, "
    "v.language FROM events e JOIN releases r ON r.id = e.release_id "
    "JOIN sources s ON s.id = r.source_id LEFT JOIN versions v ON v.id = r.latest_version_id"
)


def _event_row(row: sqlite3.Row) -> EventRow:
    data: dict[str, Any] = json.loads(row["payload"])
    return EventRow(
        id=row["id"], kind=row["kind"], created_at=row["created_at"], release_id=row["release_id"],
        source=row["source"], title=data.get("title") or data.get("url") or "",
        baseline=bool(row["baseline"]), restored=bool(data.get("restored")),
        reason=data.get("reason"), language=row["language"],
        themes=tuple(t.get("theme", "") for t in data.get("themes", [])),
    )  # fmt: skip


def recent_events(
    conn: sqlite3.Connection,
    *,
    source: str | None = None,
    theme: str | None = None,
    kind: str | None = None,
    before: int | None = None,
    after: int | None = None,
    limit: int | None = None,
) -> EventPage:
    """Newest first. `theme` is matched on the event's stored themes (a JSON list)."""
    limit = limit or PAGE_SIZE
    where, args = ["1=1"], []  # type: ignore[var-annotated]
    if source:
        # unary + keeps SQLite walking events newest first (stopping at a page) rather than
        # gathering every event of the source through the index and sorting them
        where.append("+r.source_id = (SELECT id FROM sources WHERE name = ?)")
        args.append(source)
    if kind:
        where.append("e.kind = ?")
        args.append(kind)
    if theme:
        where.append(has_theme(conn, "e.payload"))
        args += [json.dumps(theme, ensure_ascii=False), theme]  # fmt: skip
    filters = " AND ".join(where)
    if after is not None:
        sql = f"{_EVENT_SQL} WHERE {filters} AND e.id > ? ORDER BY e.id ASC LIMIT ?"
        rows = conn.execute(sql, [*args, after, limit + 1]).fetchall()
        more_newer = len(rows) > limit
        rows = list(reversed(rows[:limit]))
        more_older = True
    else:
        cut = " AND e.id < ?" if before is not None else ""
        sql = f"{_EVENT_SQL} WHERE {filters}{cut} ORDER BY e.id DESC LIMIT ?"
        extra = [before] if before is not None else []
        rows = conn.execute(sql, [*args, *extra, limit + 1]).fetchall()
        more_older = len(rows) > limit
        rows = rows[:limit]
        more_newer = before is not None
    events = [_event_row(r) for r in rows]
    return EventPage(
        events,
        newer=events[0].id if events and more_newer else None,
        older=events[-1].id if events and more_older else None,
    )


def source_names(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM sources ORDER BY name")]


def source_record(conn: sqlite3.Connection, name: str) -> SourceRecord | None:
    """One source's row and counts, as `monitor status` shows them (counting only this one)."""
    row = conn.execute(
        "SELECT s.id, s.last_check_at, s.last_ok_at, s.last_error, s.consecutive_failures, "
        "(SELECT COUNT(*) FROM releases r WHERE r.source_id = s.id) AS releases, "
        "(SELECT COUNT(*) FROM releases r WHERE r.source_id = s.id AND r.state = 'removed') "
        "AS removed, (SELECT COUNT(*) FROM releases r JOIN versions v ON v.release_id = r.id "
        "WHERE r.source_id = s.id) AS versions FROM sources s WHERE s.name = ?",
        (name,),
    ).fetchone()
    if row is None:
        return None
    times = SourceTimes(
        parse_iso(row["last_check_at"]),
        parse_iso(row["last_ok_at"]),
        int(row["consecutive_failures"] or 0),
    )
    return SourceRecord(name, times, row["last_error"], row["releases"], row["removed"],
                        row["versions"])  # fmt: skip


def source_releases(
    conn: sqlite3.Connection, source: str, *, before: int | None = None, limit: int | None = None
) -> tuple[list[ReleaseRow], int | None]:
    """A source's releases, newest first; returns them and the `before=` of the next page."""
    limit = limit or PAGE_SIZE
    rows = conn.execute(
        "SELECT r.id, r.title, r.published, r.first_seen_at, r.state, v.language FROM releases r "
        "JOIN sources s ON s.id = r.source_id LEFT JOIN versions v ON v.id = r.latest_version_id "
        "WHERE s.name = ? AND r.id < ? ORDER BY r.id DESC LIMIT ?",
        (source, before if before is not None else 1 << 62, limit + 1),
    ).fetchall()
    items = [ReleaseRow(r["id"], r["title"] or "", r["published"], r["first_seen_at"],
                        r["state"], r["language"]) for r in rows[:limit]]  # fmt: skip
    return items, (items[-1].id if len(rows) > limit else None)


def release_stamp(conn: sqlite3.Connection, release_id: int) -> str | None:
    """What a release page depends on, cheap to read: the basis of its ETag. None: no release."""
    row = conn.execute(
        "SELECT r.latest_version_id, r.state, r.removed_at, r.title, "
        "(SELECT MAX(id) FROM events WHERE release_id = r.id) AS last_event "
        "FROM releases r WHERE r.id = ?",
        (release_id,),
    ).fetchone()
    return None if row is None else "|".join(str(v) for v in tuple(row))


def release_view(conn: sqlite3.Connection, release_id: int) -> ReleaseView | None:
    row = conn.execute(
        "SELECT r.*, s.name AS source FROM releases r JOIN sources s ON s.id = r.source_id "
        "WHERE r.id = ?",
        (release_id,),
    ).fetchone()
    if row is None:
        return None
    versions = [
        VersionInfo(
            v["id"],
            v["seq"],
            v["fetched_at"],
            v["title"],
            v["language"],
            v["raw_hash"],
            v["content_type"],
            v["final_url"],
        )
        for v in conn.execute(
            "SELECT id, seq, fetched_at, title, language, raw_hash, content_type, final_url "
            "FROM versions WHERE release_id = ? ORDER BY seq",
            (release_id,),
        )
    ]
    history_rows = conn.execute(
        f"{_EVENT_SQL} WHERE e.release_id = ? ORDER BY e.id", (release_id,)
    ).fetchall()
    history = [_event_row(r) for r in history_rows]
    themes: list[ThemeMatch] = []
    related: list[Related] = []
    for r in reversed(history_rows):  # the newest reading of the text decides the themes
        event = event_from_payload(json.loads(r["payload"]))
        if event.kind in ("new", "changed") and not themes:
            themes = event.themes
        if event.kind == "new" and not related:
            related = event.related
    return ReleaseView(
        id=row["id"], url=row["url"], source=row["source"],
        title=row["title"] or (versions[-1].title if versions else row["url"]),
        published=row["published"], first_seen_at=row["first_seen_at"],
        last_seen_at=row["last_seen_at"], state=row["state"], removed_at=row["removed_at"],
        language=versions[-1].language if versions else None, versions=versions,
        history=history, themes=themes,
        related=[(r, release_id_for_url(conn, r.url)) for r in related],
    )  # fmt: skip


def release_id_for_url(conn: sqlite3.Connection, url: str, source: str | None = None) -> int | None:
    if source is None:
        row = conn.execute("SELECT id FROM releases WHERE url = ? ORDER BY id LIMIT 1", (url,))
    else:
        row = conn.execute(
            "SELECT r.id FROM releases r JOIN sources s ON s.id = r.source_id "
            "WHERE s.name = ? AND r.url = ?",
            (source, url),
        )
    found = row.fetchone()
    return int(found[0]) if found else None


def version_body(conn: sqlite3.Connection, release_id: int, seq: int) -> tuple[str, str] | None:
    """(title, body) of one version; body paragraphs are separated by blank lines."""
    row = conn.execute(
        "SELECT title, body FROM versions WHERE release_id = ? AND seq = ?", (release_id, seq)
    ).fetchone()
    return (row["title"], row["body"]) if row else None


@dataclass(frozen=True)
class VersionFile:
    """What `/release/N/vK/text|raw` serves of one version."""

    title: str
    body: str
    raw_hash: str | None
    content_type: str | None
    key: str


def version_file(conn: sqlite3.Connection, release_id: int, seq: int) -> VersionFile | None:
    row = conn.execute(
        "SELECT v.title, v.body, v.raw_hash, v.content_type, r.key FROM versions v "
        "JOIN releases r ON r.id = v.release_id WHERE v.release_id = ? AND v.seq = ?",
        (release_id, seq),
    ).fetchone()
    return VersionFile(*row) if row is not None else None
