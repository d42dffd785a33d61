"""Opening the SQLite catalogue file, and what to tell the user when it cannot be opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from monitor.errors import StoreError
from monitor.store.schema import SchemaTooNew


def open_sqlite(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
        try:
            conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
        except sqlite3.OperationalError:
            # A WAL database needs its -shm file even to read; on a read-only mount or for
            # another user that file cannot be made. Read the file as it stands.
            conn.close()
            conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    else:
        conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    conn.row_factory = sqlite3.Row
    return conn


def database_path(conn: sqlite3.Connection) -> str | None:
    """The file of a catalogue's connection, which other processes may read (WAL: readers
    never wait for its writer)."""
    for _, name, path in conn.execute("PRAGMA database_list").fetchall():
        if name == "main" and path:
            return str(path)
    return None


OPEN_ERRORS = (SchemaTooNew, sqlite3.DatabaseError)


def open_error(path: Path, exc: BaseException) -> StoreError:
    """What to tell the user when the catalogue cannot be opened."""
    if isinstance(exc, SchemaTooNew):
        return StoreError(f"the catalogue {path} cannot be used: {exc}")
    if isinstance(exc, sqlite3.OperationalError):
        if "disk" not in str(exc) and "full" not in str(exc):
            return StoreError(f"the catalogue {path} cannot be opened ({exc})")
        return StoreError(
            f"the catalogue {path} could not be written ({exc}): the disk may be full; "
            "free space and run again (nothing already stored is lost)"
        )
    return StoreError(
        f"the catalogue {path} cannot be read ({exc}); restore it from a backup "
        "or move it aside to start a new store"
    )
