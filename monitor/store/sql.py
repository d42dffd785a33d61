"""Small SQL helpers shared by the store's modules (transactions, scripts, table probes), for
SQLite and, through dialect.PgConnection, PostgreSQL."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from monitor.store.dialect import dialect_of


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction on an autocommit connection, taken at once (BEGIN IMMEDIATE), so
    two writers queue in SQLite instead of failing half way; rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, one by one. `executescript` would commit the open
    transaction first; a migration runs its statements inside its own. Triggers (`BEGIN ... ;
    END;`) stay whole: a statement ends where SQLite says it is complete."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip().rstrip(";").strip():
                yield buffer.strip()
            buffer = ""
    if re.sub(r"--[^\n]*", "", buffer).strip():
        raise ValueError(f"incomplete SQL statement: {buffer.strip()[:80]}")


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    """Is there such a table? A store read (never written) since a table was added lacks it."""
    if dialect_of(conn) == "postgresql":
        sql = (
            "SELECT 1 FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_name = ?"
        )
    else:
        sql = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
    return conn.execute(sql, (name,)).fetchone() is not None


def columns(conn: sqlite3.Connection, table: str) -> set[str]:
    """The names of a table's columns."""
    if dialect_of(conn) == "postgresql":
        rows = conn.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ?",
            (table,),
        )
        return {row[0] for row in rows}
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
