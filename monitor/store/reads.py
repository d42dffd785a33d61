"""What the catalogue answers: every read of the catalogue's own tables, as typed records.

`Store` (catalogue.py) adds the writes on top; a read-only store answers all of these. The
digest and channel ledgers (ledger.py, channels.py) answer for their own tables.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from monitor.models import Event
from monitor.store.records import (
    RecordedEvent,
    ReleaseState,
    ReleaseText,
    SourceState,
    SourceSummary,
    StoredPage,
    VersionText,
    event_from_payload,
    parse_iso,
    release_from_row,
    source_from_row,
    version_from_row,
)

if TYPE_CHECKING:
    from monitor.extract.profile import SiteProfile
    from monitor.store.archive import Archive


def scoped_url(url: str, scope: str) -> str:
    """The `pages` key: `scope` keeps two sources reading one URL (other cookies...) apart."""
    return f"{scope} {url}" if scope else url


class CatalogueReads:
    """The read half of the catalogue, over one connection (`conn`) and the store's archive."""

    root: Path
    conn: sqlite3.Connection
    archive: Archive  # the text files and raw bodies (archive.py)

    # --- sources -------------------------------------------------------------------------

    def find_source(self, name: str) -> SourceState | None:
        row = self.conn.execute("SELECT * FROM sources WHERE name=?", (name,)).fetchone()
        return source_from_row(row) if row is not None else None

    def source_summaries(self) -> dict[str, SourceSummary]:
        """Every source the store knows, by name, with its release and version counts."""
        rows = self.conn.execute(
            "SELECT s.name, s.last_check_at, s.last_ok_at, s.last_error, s.consecutive_failures, "
            "(SELECT COUNT(*) FROM releases r WHERE r.source_id = s.id) AS releases, "
            "(SELECT COUNT(*) FROM releases r WHERE r.source_id = s.id AND r.state = 'removed') "
            "AS removed, "
            "(SELECT COUNT(*) FROM versions v JOIN releases r ON v.release_id = r.id "
            "WHERE r.source_id = s.id) AS versions FROM sources s"
        ).fetchall()
        return {
            r["name"]: SourceSummary(
                name=r["name"],
                last_check_at=parse_iso(r["last_check_at"]),
                last_ok_at=parse_iso(r["last_ok_at"]),
                last_error=r["last_error"],
                consecutive_failures=int(r["consecutive_failures"] or 0),
                releases=int(r["releases"]),
                removed=int(r["removed"]),
                versions=int(r["versions"]),
            )
            for r in rows
        }

    def template_profile(self, source_id: int) -> SiteProfile:
        """What the source's pages share (extract.profile), as learned so far."""
        from monitor.store.profiles import load_profile

        return load_profile(self.conn, source_id)

    def stored_page(self, url: str, scope: str = "") -> StoredPage:
        """A listing page's validators and memo when it was last fetched."""
        row = self.conn.execute(
            "SELECT etag, last_modified, body_hash, memo FROM pages WHERE url=?",
            (scoped_url(url, scope),),
        ).fetchone()
        return StoredPage(*row) if row else StoredPage()

    # --- releases and versions -------------------------------------------------------------

    def releases(self, source_id: int, *, state: str | None = "active") -> dict[str, ReleaseState]:
        sql = "SELECT * FROM releases WHERE source_id=?"
        args: tuple[Any, ...] = (source_id,)
        if state:
            sql += " AND state=?"
            args += (state,)
        return {row["url"]: release_from_row(row) for row in self.conn.execute(sql, args)}

    def release(self, release_id: int) -> ReleaseState:
        found = self.find_release(release_id)
        if found is None:
            raise KeyError(f"no release {release_id} in the catalogue")
        return found

    def find_release(self, release_id: int) -> ReleaseState | None:
        row = self.conn.execute("SELECT * FROM releases WHERE id=?", (release_id,)).fetchone()
        return release_from_row(row) if row is not None else None

    def latest_version(self, release_id: int) -> VersionText | None:
        row = self.conn.execute(
            "SELECT * FROM versions WHERE release_id=? ORDER BY seq DESC LIMIT 1", (release_id,)
        ).fetchone()
        return version_from_row(row) if row else None

    def versions(self, release_id: int) -> list[VersionText]:
        rows = self.conn.execute(
            "SELECT * FROM versions WHERE release_id=? ORDER BY seq", (release_id,)
        )
        return [version_from_row(r) for r in rows]

    def latest_text(self, url: str) -> ReleaseText | None:
        """The latest text of the release stored at `url` (the first one, when two sources
        list the same address)."""
        row = self.conn.execute(
            "SELECT r.id, v.title, v.body, r.source_id FROM releases r JOIN versions v "
            "ON v.id = r.latest_version_id WHERE r.url = ? ORDER BY r.id LIMIT 1",
            (url,),
        ).fetchone()
        return ReleaseText(row[0], row[1], row[2], row[3]) if row is not None else None

    def latest_texts(self, *, unindexed: bool = False) -> Iterator[ReleaseText]:
        """Every release's latest text, read as it is consumed (for indexing them all);
        `unindexed`: only those the related-release index does not hold."""
        missing = " WHERE NOT EXISTS (SELECT 1 FROM sim_docs d WHERE d.doc_id = r.id)"
        rows = self.conn.execute(
            "SELECT r.id, v.title, v.body, r.source_id FROM releases r "
            "JOIN versions v ON v.id = r.latest_version_id" + (missing if unindexed else "")
        )
        for row in rows:
            yield ReleaseText(row[0], row[1] or "", row[2], row[3])

    def read_raw(self, digest: str) -> bytes:
        """A raw body as fetched, by its SHA-256 (see Store.save_raw)."""
        return gzip.decompress(self.archive.read(f"raw/{digest[:2]}/{digest}.gz"))

    # --- events ----------------------------------------------------------------------------

    def events(self, *, check_id: int | None = None, pending: bool = False) -> list[Event]:
        """Events in the order they were recorded; `pending`: those no digest claimed yet."""
        sql = "SELECT id, payload FROM events WHERE 1=1"
        args: list[Any] = []
        if check_id is not None:
            sql += " AND check_id=?"
            args.append(check_id)
        if pending:
            sql += " AND digest_id IS NULL"
        rows = self.conn.execute(sql + " ORDER BY id", args).fetchall()
        return [event_from_payload(json.loads(r["payload"]), r["id"]) for r in rows]

    def recent_events(self, scan: int) -> Iterator[RecordedEvent]:
        """The newest `scan` events that are not baselines, newest first, decoded as they are
        consumed (a caller that filters stops reading when it has enough)."""
        rows = self.conn.execute(
            "SELECT id, created_at, payload FROM events WHERE baseline = 0 "
            "ORDER BY id DESC LIMIT ?",
            (scan,),
        )
        for row in rows:
            event = event_from_payload(json.loads(row["payload"]), row["id"])
            yield RecordedEvent(event, parse_iso(row["created_at"]))

    def store_id(self) -> str | None:
        """The store's own random id (meta `store_id`), made with its catalogue."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'store_id'").fetchone()
        return row[0] if row else None
