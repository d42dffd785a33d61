"""The snapshot store: every version of every release, kept forever, crash-safe.

Layout under the store folder (default `snapshots/`):
  catalogue.sqlite         sources, releases, versions, events, fetch metadata (WAL mode)
  text/<source>/<key>/v0001.txt   each version's extracted text, readable and diffable
  raw/<ab>/<sha256>.gz     each distinct raw body, gzip, content-addressed (evidence)
  .lock                    one writer at a time

Files are written first (temp file + fsync + rename) and the catalogue row that points at them is
committed after, in one transaction with its event: a process killed anywhere leaves at worst an
unreferenced file, never a row pointing at nothing or a version without its event. The search
index follows `releases.latest_version_id` by triggers, in that same transaction (schema.py).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelock import FileLock

from monitor.errors import StoreBusy, StoreError
from monitor.models import Document, Event, Page, Standing
from monitor.store import postgres
from monitor.store.archive import SHARED_TEMP_AGE, Archive, archive_for
from monitor.store.channels import ChannelLedger
from monitor.store.dialect import dialect_of
from monitor.store.lease import StoreLease, take_lock
from monitor.store.ledger import DigestLedger
from monitor.store.reads import CatalogueReads, scoped_url
from monitor.store.records import (  # noqa: F401 (callers import these records from here)
    ReleaseState,
    SourceState,
    VersionText,
    event_from_payload,
    event_payload,
    now_iso,
    parse_iso,
    release_key,
    source_from_row,
)
from monitor.store.redact import redact_stored_urls
from monitor.store.schema import check_version, migrate
from monitor.store.search_index import build as build_search_index
from monitor.store.sql import immediate
from monitor.store.sqlite_file import OPEN_ERRORS, open_error, open_sqlite

if TYPE_CHECKING:
    from monitor.extract.profile import SiteProfile

log = logging.getLogger(__name__)

CATALOGUE = "catalogue.sqlite"
_SWEPT: set[Path] = set()  # stores whose stale temp files this process removed
_RUNNING_CHECKS: set[int] = set()  # checks in flight in this process (the service's jobs)


def _sweep_once(root: Path, files: Archive, before: float | None) -> None:
    """Remove the temp files killed writers left in the archive (last written before `before`;
    None: any), once per process and store: the service opens the store for every job. A
    failure is logged, never a reason not to open the store."""
    if root.resolve() in _SWEPT:
        return
    _SWEPT.add(root.resolve())
    try:
        files.remove_stale_temps(before)
    except OSError as exc:  # ArchiveError too
        log.warning("the archive's unfinished temp files could not be removed: %s", exc)


class Store(CatalogueReads):
    """One open store: the catalogue's reads (reads.py) and writes, the digest and channel
    ledgers (`ledger`, `channels`), the text and raw files. Writers hold the folder lock (or
    the service's lease) for their whole lifetime."""

    def __init__(self, root: Path, conn: sqlite3.Connection, lock: FileLock | StoreLease | None):
        self.root = root
        self.archive = archive_for(root)  # texts and raw bodies: this folder or `store.files`
        self.conn = conn
        self._lock = lock
        self._checks: set[int] = set()  # begun through this store and not finished
        self.ledger = DigestLedger(conn)
        self.channels = ChannelLedger(conn)
        self.dialect = dialect_of(conn)  # "sqlite" or "postgresql" (dialect.py)

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        root: str | os.PathLike[str],
        *,
        readonly: bool = False,
        wait: float = 600.0,
        lease: StoreLease | None = None,
    ) -> Store:
        """Open (creating if needed). A writer waits up to `wait` seconds for another writer,
        or, with the service's `lease`, joins the jobs already writing (never waits)."""
        root = Path(root)
        lock = None
        url = postgres.configured(root)
        if readonly:
            if url is None and not (root / CATALOGUE).exists():
                raise StoreError(f"no store at {root} yet: run `monitor check` first")
        else:
            try:
                root.mkdir(parents=True, exist_ok=True)
                # one per writer: two processes, or two jobs of the service, may start at once
                probe = root / f".write-test-{os.getpid()}-{threading.get_ident()}"
                probe.write_bytes(b"")
                probe.unlink()
            except OSError as exc:
                raise StoreError(
                    f"cannot write to the store folder {root}: {exc.strerror or exc}. "
                    "Fix its permissions or set `snapshots:` in config.yaml to a writable folder."
                ) from None
            if url is not None:  # no folder lock: checks lock their sources (postgres.py)
                store = cls(root, postgres.open_catalogue(url, readonly=False), None)
                # Other processes, here or on other machines, may be writing files now: only
                # temps older than any write in flight are a killed writer's.
                _sweep_once(root, store.archive, time.time() - SHARED_TEMP_AGE)
                return store
            lock, fresh = cls._take_lock(root, wait, lease)
            if fresh:
                # No writer anywhere: what a killed one left half-written can go.
                _sweep_once(root, archive_for(root), None)
        if url is not None:
            return cls(root, postgres.open_catalogue(url, readonly=True), None)
        try:
            conn = cls._connect(root / CATALOGUE, readonly)
        except BaseException:
            if lock is not None:
                lock.release()
            raise
        return cls(root, conn, lock)

    @staticmethod
    def exists(root: str | os.PathLike[str]) -> bool:
        """Has a store been made there (its catalogue: the file, or the configured database)?"""
        url = postgres.configured(Path(root))
        return (Path(root) / CATALOGUE).exists() if url is None else postgres.catalogue_exists(url)

    @staticmethod
    def _take_lock(
        root: Path, wait: float, lease: StoreLease | None
    ) -> tuple[FileLock | StoreLease, bool]:
        """The lock (or the service's lease) and whether it was just taken from nobody."""
        if lease is not None:
            fresh = lease.acquire()
            if fresh is None:
                raise StoreBusy(
                    f"another monitor process is using {root} or waits for it; "
                    "try again when it has finished"
                )
            return lease, fresh
        lock = take_lock(root, wait)
        if lock is None:
            raise StoreBusy(
                f"another monitor process is using {root} (waited {wait:.0f} s); "
                "try again when it has finished"
            )
        return lock, True

    @staticmethod
    def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
        """The catalogue's connection: a writer's brought up to the code's schema (schema.py);
        a reader's as it is. Either way a catalogue of a newer monitor is refused untouched."""
        conn: sqlite3.Connection | None = None
        try:
            conn = open_sqlite(path, readonly)
            check_version(conn)
            if not readonly:
                conn.execute("PRAGMA journal_mode=WAL")
                # NORMAL in WAL mode survives a killed process; only an OS crash may lose the
                # last transactions, and never corrupts.
                conn.execute("PRAGMA synchronous=NORMAL")
                conn.execute("PRAGMA foreign_keys=ON")
                migrate(conn)
                redact_stored_urls(conn)
                build_search_index(conn)  # once, for a store made before the index
            return conn
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, OPEN_ERRORS):
                raise open_error(path, exc) from None
            raise

    def close(self) -> None:
        _RUNNING_CHECKS.difference_update(self._checks)  # abandoned ones are dead now
        try:
            if self._lock is not None and self.dialect == "sqlite":
                with contextlib.suppress(sqlite3.Error):  # a full disk: the WAL keeps it all
                    self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            self.conn.close()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with immediate(self.conn) as conn:
            yield conn

    # --- checks --------------------------------------------------------------------------

    def begin_check(self, label: dict[str, Any] | None = None) -> int:
        """`label` (a queued check's round and source) is kept in `summary` while it runs."""
        with self.transaction() as db:
            # A check that was running when its process died is closed, not resumed: its
            # committed versions and events stand, and this check picks up the rest. The
            # service's other jobs, running beside this one, are alive. `status='running'`
            # again: a check that ended since we looked keeps its `done`.
            db.executemany(
                "UPDATE checks SET status='interrupted' WHERE id=? AND status='running'",
                [(i,) for i in self._dead_checks(db)],
            )
            cur = db.execute(
                "INSERT INTO checks(started_at, pid, summary) VALUES (?, ?, ?)",
                (now_iso(), os.getpid(), json.dumps(label) if label else None),
            )
            check_id = int(cur.lastrowid or 0)
            if self.dialect == "postgresql":
                # before the row is seen: another process's check would find it running
                # with its lock free, and mark it interrupted
                postgres.hold_check(self.conn, check_id)
        self._checks.add(check_id)
        _RUNNING_CHECKS.add(check_id)
        return check_id

    def finish_check(self, check_id: int, summary: dict[str, Any]) -> None:
        self._checks.discard(check_id)
        _RUNNING_CHECKS.discard(check_id)
        with self.transaction() as db:
            db.execute(
                "UPDATE checks SET finished_at=?, status='done', summary=? WHERE id=?",
                (now_iso(), json.dumps(summary), check_id),
            )
        if self.dialect == "postgresql":
            postgres.end_check(self.conn, check_id)

    def _dead_checks(self, db: Any) -> list[int]:
        """Running checks whose process is gone: SQLite has one writing process, this one, so
        every check it is not running; PostgreSQL asks each check's lock (postgres.py)."""
        running = [r[0] for r in db.execute("SELECT id FROM checks WHERE status='running'")]
        if self.dialect == "postgresql":
            return postgres.dead_checks(db, running)
        return [i for i in running if i not in _RUNNING_CHECKS]

    @contextmanager
    def sources_locked(self, names: list[str], wait: float = 600.0) -> Iterator[None]:
        """No other check of these sources runs meanwhile. SQLite: the folder lock this
        writer holds already says so; PostgreSQL: advisory locks, across machines."""
        if self.dialect != "postgresql" or not names:
            yield
            return
        held = postgres.source_locks(self.conn, names, wait)
        try:
            yield
        finally:
            postgres.release(self.conn, held)

    @contextmanager
    def delivering(self, wait: float = 300.0) -> Iterator[None]:
        """No other process sends digests meanwhile. SQLite: the folder lock this writer holds
        already says so; PostgreSQL: an advisory lock, across machines."""
        if self.dialect != "postgresql":
            yield
            return
        with postgres.delivery_lock(self.conn, wait):
            yield

    # --- sources -------------------------------------------------------------------------

    def source(self, name: str, url: str) -> SourceState:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO sources(name, url) VALUES (?, ?) "
                # another address is another listing: its first check is a baseline again
                "ON CONFLICT(name) DO UPDATE SET url=excluded.url, baselined_at=CASE "
                "WHEN sources.url = excluded.url THEN sources.baselined_at END",
                (name, url),
            )
            row = db.execute("SELECT * FROM sources WHERE name=?", (name,)).fetchone()
        return source_from_row(row)

    def source_checked(self, source_id: int, *, error: str | None, baselined: bool) -> None:
        ts = now_iso()
        with self.transaction() as db:
            if error is None:
                db.execute(
                    "UPDATE sources SET last_check_at=?, last_ok_at=?, last_error=NULL, "
                    "consecutive_failures=0, baselined_at=COALESCE(baselined_at, ?) WHERE id=?",
                    (ts, ts, ts if baselined else None, source_id),
                )
            else:
                db.execute(
                    "UPDATE sources SET last_check_at=?, last_error=?, "
                    "consecutive_failures=consecutive_failures+1 WHERE id=?",
                    (ts, error, source_id),
                )

    # --- what a source's pages share (extract.profile) -------------------------------------

    def save_template_profile(self, source_id: int, profile: SiteProfile) -> None:
        from monitor.store.profiles import save_profile

        with self.transaction() as db:
            save_profile(db, source_id, profile)

    # --- HTTP cache for listing pages -----------------------------------------------------

    def save_page_validators(self, page: Page, scope: str = "", memo: str | None = None) -> None:
        """A listing page's validators, and its memo (`sources.memo`) when it was discovered."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO pages(url, etag, last_modified, body_hash, fetched_at, memo) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET etag=excluded.etag, "
                "last_modified=excluded.last_modified, body_hash=excluded.body_hash, "
                "fetched_at=excluded.fetched_at, memo=excluded.memo",
                (scoped_url(page.url, scope), page.etag, page.last_modified, page.body_hash,
                 now_iso(), memo),
            )  # fmt: skip

    # --- releases ------------------------------------------------------------------------

    def save_raw(self, body: bytes) -> str:
        digest = hashlib.sha256(body).hexdigest()
        path = f"raw/{digest[:2]}/{digest}.gz"
        if not self.archive.exists(path):
            self.archive.write(path, gzip.compress(body, compresslevel=6, mtime=0))
        return digest

    def record_version(
        self,
        *,
        source_id: int,
        source_name: str,
        release: ReleaseState | None,
        page: Page,
        doc: Document,
        extract_sig: str,
        check_id: int | None,
        event: Event | None,
        read_hash: str | None = None,
    ) -> tuple[int, int]:
        """Store a new version (and its event) of a release; returns (release_id, version_id).

        `release` is None for a release seen for the first time.
        """
        ts = now_iso()
        raw_hash = self.save_raw(page.body)
        key = release.key if release else release_key(page.url)
        seq = 1
        if release is not None:
            row = self.conn.execute(
                "SELECT COALESCE(MAX(seq), 0) FROM versions WHERE release_id=?", (release.id,)
            ).fetchone()
            seq = int(row[0]) + 1
        rel_path = Path("text") / source_name / key / f"v{seq:04d}.txt"
        self.archive.write(rel_path.as_posix(), (doc.comparable + "\n").encode("utf-8"))
        with self.transaction() as db:
            if release is None:
                cur = db.execute(
                    "INSERT INTO releases(source_id, url, key, title, published, first_seen_at, "
                    "last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (source_id, page.url, key, doc.title, doc.date, ts, ts),
                )
                release_id = int(cur.lastrowid or 0)
            else:
                release_id = release.id
            cur = db.execute(
                "INSERT INTO versions(release_id, seq, fetched_at, text_hash, title, body, "
                "published, language, text_path, raw_hash, content_type, final_url, check_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (release_id, seq, ts, doc.text_hash, doc.title, doc.text, doc.date, doc.language,
                 rel_path.as_posix(), raw_hash, page.content_type, page.final_url, check_id),
            )  # fmt: skip
            version_id = int(cur.lastrowid or 0)
            db.execute(
                "UPDATE releases SET title=?, published=COALESCE(?, published), last_seen_at=?, "
                "last_fetched_at=?, etag=?, last_modified=?, body_hash=?, extract_sig=?, "
                "state='active', removed_at=NULL, latest_version_id=?, read_hash=? WHERE id=?",
                (doc.title, doc.date, ts, ts, page.etag, page.last_modified, page.body_hash,
                 extract_sig, version_id, read_hash, release_id),
            )  # fmt: skip
            if event is not None:
                event.version_id = version_id
                self._insert_event(db, event, release_id, check_id)
        return release_id, version_id

    def record_unchanged(self, releases: Iterable[Standing]) -> None:
        """Known releases fetched again whose statement stands, in one transaction."""
        ts, asked, read = now_iso(), [], []
        for it in releases:
            if it.validators is None:
                asked.append((ts, ts, it.release_id))
            else:
                read.append((ts, ts, *it.validators, it.extract_sig, it.read_hash, it.release_id))
        if not (asked or read):
            return
        with self.transaction() as db:
            db.executemany("UPDATE releases SET last_fetched_at=?, last_seen_at=? WHERE id=?",
                           asked)  # fmt: skip
            db.executemany(
                "UPDATE releases SET last_fetched_at=?, last_seen_at=?, etag=?, last_modified=?, "
                "body_hash=?, extract_sig=?, read_hash=COALESCE(?, read_hash) WHERE id=?",
                read,
            )

    def touch_fetched(self, release: ReleaseState) -> None:
        """A removed release was asked for again and is still gone."""
        with self.transaction() as db:
            db.execute("UPDATE releases SET last_fetched_at=? WHERE id=?", (now_iso(), release.id))

    def touch_seen(self, release_ids: list[int]) -> None:
        """The releases are still listed; cheap bookkeeping kept out of the hot path."""
        if not release_ids:
            return
        ts = now_iso()
        with self.transaction() as db:
            db.executemany(
                "UPDATE releases SET last_seen_at=? WHERE id=?", [(ts, i) for i in release_ids]
            )

    def record_restored(
        self, release: ReleaseState, page: Page, extract_sig: str, event: Event,
        check_id: int | None,
    ) -> None:  # fmt: skip
        """A removed release answers again with the text it had: active again, no new version."""
        ts = now_iso()
        with self.transaction() as db:
            db.execute(
                "UPDATE releases SET state='active', removed_at=NULL, last_seen_at=?, "
                "last_fetched_at=?, etag=?, last_modified=?, body_hash=?, extract_sig=? "
                "WHERE id=?",
                (ts, ts, page.etag, page.last_modified, page.body_hash, extract_sig, release.id),
            )
            event.version_id = event.previous_version_id = release.latest_version_id
            self._insert_event(db, event, release.id, check_id)

    def record_removed(self, release: ReleaseState, event: Event, check_id: int | None) -> None:
        ts = now_iso()
        with self.transaction() as db:
            db.execute(
                "UPDATE releases SET state='removed', removed_at=?, last_fetched_at=? WHERE id=?",
                (ts, ts, release.id),
            )
            event.previous_version_id = release.latest_version_id
            self._insert_event(db, event, release.id, check_id)

    def _insert_event(
        self, db: sqlite3.Connection, event: Event, release_id: int, check_id: int | None
    ) -> None:
        cur = db.execute(
            "INSERT INTO events(check_id, kind, release_id, version_id, previous_version_id, "
            "created_at, baseline, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (check_id, event.kind, release_id, event.version_id, event.previous_version_id,
             now_iso(), int(event.baseline), json.dumps(event_payload(event), ensure_ascii=False)),
        )  # fmt: skip
        event.id = int(cur.lastrowid or 0)

    # --- events, after they were recorded --------------------------------------------------

    def update_event_payload(self, event: Event) -> None:
        """Theme and related matching may enrich an event after it was recorded."""
        self.update_event_payloads([event])

    def update_event_payloads(self, events: list[Event]) -> None:
        with self.transaction() as db:
            db.executemany(
                "UPDATE events SET payload=? WHERE id=?",
                [(json.dumps(event_payload(e), ensure_ascii=False), e.id) for e in events],
            )
