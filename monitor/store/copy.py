"""`monitor store copy`: a whole store (catalogue rows and archive files) copied to the store of
another config, between any catalogues (SQLite, PostgreSQL) and archives (a folder, an fsspec
URL), and verified.

In the order the store itself writes, files first:
1. The source is read in one snapshot (a read transaction: REPEATABLE READ on PostgreSQL), so a
   service still writing to it cannot make the counts disagree; its rows are counted there.
2. Every archive file (`text/`, `raw/`) is copied, then read back from the target and compared
   by sha256 with the source's bytes; a raw body is checked against its content address (the
   sha256 of its unzipped bytes is its name) before it is copied. Any difference stops the copy
   with the file named. When both stores share one archive, the files are only checked.
3. The catalogue's rows are copied table by table, in key order, in one transaction on the
   target (a copy that fails leaves the target as it was). Ids are kept, so versions, events
   and digests still point at the right rows; PostgreSQL's identity sequences are moved past
   them. The search index is switched off for the copy and built after it (search_index), as
   for a store made before it; the related-release index (`sim_` tables) is copied as it is.
4. Each table's rows are counted on the target and compared with the source's, before that
   transaction commits.

The target must be empty (no source, release, check or digest, no archive file) unless
`force`: then its catalogue rows are deleted first (in the same transaction) and its files
overwritten where the source has the same path (others are left, unreferenced).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor.errors import StoreError, UsageError
from monitor.store import archive, postgres, search_index
from monitor.store.archive import Archive, ArchiveError, open_archive
from monitor.store.dialect import dialect_of
from monitor.store.schema import SCHEMA_VERSION, SEARCH_UPTO, check_version
from monitor.store.sql import columns
from monitor.store.sqlite_file import open_sqlite

# The catalogue's tables in an order that satisfies its foreign keys, each with its key (the
# copy reads in key order, a batch at a time).
TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("meta", ("key",)),
    ("sources", ("id",)),
    ("pages", ("url",)),
    ("releases", ("id",)),
    ("versions", ("id",)),
    ("checks", ("id",)),
    ("events", ("id",)),
    ("digests", ("id",)),
    ("channel_deliveries", ("id",)),
    ("template_keys", ("source_id", "kind", "key")),
    ("template_regions", ("source_id", "region")),
    ("sim_meta", ("key",)),
    ("sim_docs", ("doc_id",)),
    ("sim_postings", ("feature", "doc_id")),
    ("sim_df", ("feature",)),
    ("sim_sources", ("source",)),
    ("sim_lines", ("source", "line")),
)
PRESET = frozenset({"meta", "sim_meta"})  # rows a new store has already: replaced by the source's
OWN_META = frozenset({"schema_version", SEARCH_UPTO})  # the target's own, never copied
CONTENT = ("sources", "releases", "checks", "digests")  # rows that make a store non-empty
FOLDERS = ("text", "raw")  # the archive's files
BATCH = 1000  # rows a statement
PROGRESS_EVERY = 2.0  # seconds between two progress lines

Progress = Callable[[str], None]


@dataclass(frozen=True)
class StoreLocation:
    """Where a config keeps its store: the folder, the catalogue and the archive."""

    root: Path
    catalogue: str | None  # a postgresql:// URL; None: catalogue.sqlite in `root`
    files: str | None  # the archive's folder or URL; None: `root`

    @classmethod
    def of(cls, config: Any) -> StoreLocation:
        return cls(config.snapshots_dir, config.store.catalogue, config.archive_location)

    @property
    def sqlite_path(self) -> Path:
        return self.root / "catalogue.sqlite"

    def describe(self) -> str:
        catalogue = postgres.shown(self.catalogue) if self.catalogue else str(self.sqlite_path)
        return f"{catalogue} with the files at {self.files or self.root}"

    def archive(self) -> Archive:
        return open_archive(self.files) if self.files else archive.FolderArchive(self.root)

    def archive_key(self) -> str:
        where = self.files or str(self.root)
        return where.rstrip("/") if archive.split_url(where)[0] else os.path.realpath(where)

    def catalogue_key(self) -> str:
        return self.catalogue or os.path.realpath(self.sqlite_path)


@dataclass
class CopyReport:
    """What was copied: rows per table (checked on the target), files and their bytes."""

    rows: dict[str, int] = field(default_factory=dict)
    files: int = 0
    bytes: int = 0
    shared_archive: bool = False  # both stores use one archive: files checked, not copied
    seconds: float = 0.0


class _Ticker:
    """A progress line at most every PROGRESS_EVERY seconds, and the last one always."""

    def __init__(self, say: Progress):
        self.say, self.last = say, time.monotonic()

    def __call__(self, what: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done == total or now - self.last >= PROGRESS_EVERY:
            self.last = now
            self.say(f"{what}: {done:,} of {total:,}")


def copy_store(
    source: StoreLocation, target: StoreLocation, *, force: bool = False,
    progress: Progress = lambda line: None, wait: float = 600.0,
) -> CopyReport:  # fmt: skip
    """Copy the whole store at `source` to `target`, verified (see the module's docstring)."""
    from monitor.store.catalogue import Store

    if source.catalogue_key() == target.catalogue_key():
        raise UsageError(f"the target is the store itself ({source.describe()})")
    start, report = time.monotonic(), CopyReport()
    report.shared_archive = source.archive_key() == target.archive_key()
    tick = _Ticker(progress)
    src = _open_source(source)
    try:
        with _configured(target), Store.open(target.root, wait=wait) as dst, _snapshot(src):
            _refuse_non_empty(dst.conn, None if report.shared_archive else dst.archive, force)
            counts = {table: _count(src, table) for table, _ in TABLES}
            report.files, report.bytes = _copy_files(
                source.archive(), dst.archive, report.shared_archive, tick
            )
            report.rows = _copy_rows(src, dst.conn, counts, force, tick)
            progress("search index: building it on the target")
            search_index.reset(dst.conn)
            search_index.build(dst.conn)
    finally:
        src.close()
    report.seconds = time.monotonic() - start
    return report


@contextmanager
def _configured(target: StoreLocation) -> Iterator[None]:
    """Store.open of the target's folder opens the target's catalogue and archive (what the
    source's config said of the same folder is put back after)."""
    key = target.root
    before = (postgres.configured(key), archive.configured(key))
    postgres.use(key, target.catalogue)
    archive.use(key, target.files)
    try:
        yield
    finally:
        postgres.use(key, before[0])
        archive.use(key, before[1])


def _open_source(source: StoreLocation) -> Any:
    """The source catalogue, read-only, at this monitor's schema version."""
    if source.catalogue is not None:
        conn = postgres.open_catalogue(source.catalogue, readonly=True)
    elif not source.sqlite_path.exists():
        raise StoreError(f"no store at {source.root} to copy: its catalogue is not there")
    else:
        conn = open_sqlite(source.sqlite_path, readonly=True)
    try:
        version = check_version(conn)
    except Exception as exc:
        conn.close()
        raise StoreError(f"the store {source.describe()} cannot be copied: {exc}") from None
    if version != SCHEMA_VERSION:
        conn.close()
        raise StoreError(
            f"the store {source.describe()} is at schema version {version}, this monitor writes "
            f"version {SCHEMA_VERSION}: run `monitor check` on it once (it brings the schema up "
            "to date), then copy it"
        )
    return conn


@contextmanager
def _snapshot(conn: Any) -> Iterator[None]:
    """Every read of the source in one read transaction: one consistent state."""
    conn.execute("BEGIN")
    if dialect_of(conn) == "postgresql":
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")


def _count(conn: Any, table: str) -> int:
    return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def _refuse_non_empty(conn: Any, files: Archive | None, force: bool) -> None:
    if force:
        return
    held = [t for t in CONTENT if _count(conn, t)]
    if not held and files is not None:
        held = [f"{folder}/ files" for folder in FOLDERS if files.list(folder)]
    if held:
        raise StoreError(
            f"the target store is not empty (it has {', '.join(held)}): copy to an empty "
            "catalogue and archive, or give --force to replace its rows (its files are "
            "overwritten where the source has the same ones)"
        )


# --- the archive -----------------------------------------------------------------------------


def _copy_files(src: Archive, dst: Archive, shared: bool, tick) -> tuple[int, int]:
    """Copy (unless `shared`) and verify every file; returns (files, bytes)."""
    try:
        names = [name for folder in FOLDERS for name in src.list(folder)]
        total = 0
        for done, name in enumerate(names, 1):
            data = src.read(name)
            _check_content_address(name, data)
            if not shared:
                dst.write(name, data)
                copied = dst.read(name)
                if hashlib.sha256(copied).digest() != hashlib.sha256(data).digest():
                    raise StoreError(
                        f"the copy of {name} at {dst.where(name)} differs from the source's "
                        "(sha256): the target's storage changed it; nothing was copied to "
                        "the target's catalogue, run the copy again with --force"
                    )
            total += len(data)
            tick("archive files" + (" checked" if shared else " copied"), done, len(names))
    except (OSError, ArchiveError) as exc:
        raise StoreError(f"the archive could not be copied: {exc}") from None
    return len(names), total


def _check_content_address(name: str, data: bytes) -> None:
    """A raw body's name is the sha256 of its unzipped bytes: a corrupt one is refused."""
    if not name.startswith("raw/") or not name.endswith(".gz"):
        return
    expected = name.rsplit("/", 1)[1].removesuffix(".gz")
    try:
        found = hashlib.sha256(gzip.decompress(data)).hexdigest()
    except (OSError, EOFError, zlib.error):
        found = "unreadable gzip"
    if found != expected:
        raise StoreError(
            f"the source's archive file {name} is corrupt (its content is {found}, not what "
            "its name says): restore it from a backup, or move it aside, then copy again"
        )


# --- the catalogue ---------------------------------------------------------------------------


def _copy_rows(src: Any, dst: Any, counts: dict[str, int], force: bool, tick) -> dict[str, int]:
    """Every table's rows, in one transaction on the target, committed only when each table
    counts as many rows as the source's; returns those counts."""
    from monitor.store.sql import immediate

    errors = (sqlite3.Error, *_psycopg_errors())
    table = "?"
    try:
        with immediate(dst):
            # the search index's triggers left out: it is built after the copy
            dst.execute("UPDATE meta SET value = '0' WHERE key = ?", (SEARCH_UPTO,))
            if force:
                for table, _ in reversed(TABLES):
                    if table not in PRESET:
                        dst.execute(f"DELETE FROM {table}")
            for table, key in TABLES:
                _copy_table(src, dst, table, key, lambda done, t=table: tick(
                    f"catalogue: {t} rows", done, counts[t]))  # fmt: skip
            if dialect_of(dst) == "postgresql":
                postgres.advance_identities(dst)
            table = "?"
            return _verify_counts(dst, counts)
    except errors as exc:
        raise StoreError(
            f"the catalogue's table {table} could not be copied ({str(exc).strip()}); the "
            "target's catalogue is as it was"
        ) from None


def _psycopg_errors() -> tuple[type[BaseException], ...]:
    try:
        import psycopg
    except ImportError:
        return ()
    return (psycopg.Error,)


def _copy_table(src: Any, dst: Any, table: str, key: tuple[str, ...], tick) -> None:
    names = sorted(columns(src, table) & columns(dst, table))
    marks = ", ".join("?" * len(names))
    insert = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})"
    if table in PRESET:
        kept = ", ".join(f"{n} = excluded.{n}" for n in names if n not in key)
        insert += f" ON CONFLICT ({', '.join(key)}) DO UPDATE SET {kept}"
    done = 0
    for rows in _batches(src, table, names, key):
        if table == "meta":
            rows = [r for r in rows if r[names.index("key")] not in OWN_META]
        dst.executemany(insert, [tuple(r) for r in rows])
        done += len(rows)
        tick(done)
    if done == 0:
        tick(0)


def _batches(conn: Any, table: str, names: list[str], key: tuple[str, ...]) -> Iterator[list]:
    """The table's rows in key order, BATCH at a time (never the whole table in memory)."""
    cols, order = ", ".join(names), ", ".join(key)
    at = [names.index(k) for k in key]
    after: tuple | None = None
    while True:
        if after is None:
            where, params = "", (BATCH,)
        else:
            where = f"WHERE ({order}) > ({', '.join('?' * len(key))}) "
            params = (*after, BATCH)
        rows = conn.execute(
            f"SELECT {cols} FROM {table} {where}ORDER BY {order} LIMIT ?", params
        ).fetchall()
        if not rows:
            return
        yield rows
        after = tuple(rows[-1][i] for i in at)


def _verify_counts(dst: Any, counts: dict[str, int]) -> dict[str, int]:
    """Each table's rows on the target, equal to the source's (StoreError naming the others)."""
    found = {table: _count(dst, table) for table, _ in TABLES}
    wrong = [f"{t}: {found[t]} of {counts[t]}" for t in found if found[t] != counts[t]]
    if wrong:
        raise StoreError(
            f"the copy is incomplete ({'; '.join(wrong)} rows); the target's catalogue is as it was"
        )
    return found
