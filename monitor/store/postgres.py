"""The PostgreSQL catalogue (`store: {catalogue: postgresql://…}`): pools, connections, locks.

Each process keeps one psycopg connection pool per catalogue URL; a `Store` holds one pooled
connection for its lifetime (dialect.PgConnection) and gives it back on close, its session
locks let go. Credentials come from the environment (PGPASSWORD, PGSERVICE, ~/.pgpass), never
from the config file.

Locks are PostgreSQL advisory locks, held by that connection, so they work across machines and
end with the process that held them (a killed worker's locks go with its connection):
- a source being checked (`source_locks`): two checks of one source never run at once, whatever
  machine they run on; this replaces the SQLite store's folder lock (lease.py), which keeps
  every other writer out for the whole check;
- a check running (`hold_check`): the next check marks `interrupted` only those whose lock is
  free, that is whose process is gone, not the checks other machines are running;
- a migration being applied (`lock_migrations`): two writers opening a new catalogue at once
  apply each migration once;
- digests being sent (`delivery_lock`): two schedulers ending a round together send its
  digest once.
Keys are made from the catalogue's database and schema and a name, so two deployments sharing
one server never wait for each other.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from monitor.errors import StoreBusy, StoreError
from monitor.store.dialect import PgConnection

SCHEMES = ("postgresql://", "postgres://")
POOL_MAX = 8  # connections a process keeps to one catalogue (a worker's threads, the web view)
LOCK_POLL = 0.2  # seconds between two tries of a lock another process holds
_POOLS: dict[str, Any] = {}
_POOLS_MUTEX = threading.Lock()
_CONFIGURED: dict[Path, str] = {}  # store folder -> catalogue URL (config.load_config sets it)


def is_postgresql(url: str | None) -> bool:
    return bool(url) and str(url).startswith(SCHEMES)


def check_location(url: str | None) -> str | None:
    """`store.catalogue`: a postgresql:// URL (absent: SQLite in the `snapshots` folder)."""
    if url is not None and not is_postgresql(url):
        raise ValueError(
            f"{url!r} is not a catalogue address: give a postgresql://user@host/database URL, "
            "or leave `catalogue` out for the SQLite catalogue in the `snapshots` folder"
        )
    return url


def use(root: Path, url: str | None) -> None:
    """Every `Store.open(root)` of this process uses the catalogue at `url` (None: SQLite)."""
    key = Path(root).resolve()
    if url is None:
        _CONFIGURED.pop(key, None)
    else:
        _CONFIGURED[key] = url


def configured(root: Path) -> str | None:
    return _CONFIGURED.get(Path(root).resolve())


def shown(url: str) -> str:
    """The URL without a password, for messages."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    return url.replace(f":{parts.password}@", ":***@", 1)


def _pool(url: str, timeout: float) -> Any:
    """This process's pool to `url`, opened once (its first connection made) by one thread."""
    try:
        from psycopg_pool import ConnectionPool
    except ImportError:
        raise StoreError(
            "the PostgreSQL catalogue needs psycopg: pip install 'monitor[scale]'"
        ) from None
    with _POOLS_MUTEX:
        pool = _POOLS.get(url)
        if pool is None:
            pool = ConnectionPool(url, min_size=1, max_size=POOL_MAX, open=False)
            try:
                pool.open(wait=True, timeout=timeout)
            except BaseException:
                pool.close()
                raise
            _POOLS[url] = pool
    return pool


def connect(url: str, timeout: float = 30.0) -> PgConnection:
    """A pooled connection to the catalogue, as a PgConnection; StoreError saying why not."""
    import psycopg
    from psycopg_pool import PoolTimeout

    try:
        pool = _pool(url, timeout)
        raw = pool.getconn(timeout=timeout)
    except (PoolTimeout, psycopg.OperationalError) as exc:
        raise StoreError(
            f"cannot reach the catalogue at {shown(url)} ({str(exc).strip() or 'timed out'}): "
            "check that PostgreSQL runs there and accepts this user (password from PGPASSWORD)"
        ) from None
    return PgConnection(raw, release=lambda conn: _give_back(pool, conn))


def _give_back(pool: Any, raw: Any) -> None:
    """Back to the pool with no lock held and no transaction open; a broken one is dropped."""
    from psycopg.pq import TransactionStatus

    with contextlib.suppress(Exception):  # the pool checks and replaces a broken connection
        if not raw.closed:
            if raw.info.transaction_status != TransactionStatus.IDLE:
                raw.execute("ROLLBACK")
            raw.execute("SELECT pg_advisory_unlock_all()")
    pool.putconn(raw)


def close_pool(url: str) -> None:
    """Close this process's pool to `url` (tests, before dropping their schema)."""
    with _POOLS_MUTEX:
        pool = _POOLS.pop(url, None)
    if pool is not None:
        pool.close()


# --- advisory locks ----------------------------------------------------------------------

_KEY = "hashtext(current_database() || '/' || current_schema() || '/' || ?)"


def _try_lock(conn: PgConnection, name: str) -> bool:
    return bool(conn.execute(f"SELECT pg_try_advisory_lock({_KEY})", (name,)).fetchone()[0])


def _unlock(conn: PgConnection, name: str) -> None:
    conn.execute(f"SELECT pg_advisory_unlock({_KEY})", (name,))


def lock_for_transaction(conn: PgConnection, name: str) -> None:
    """Inside a transaction: wait for another holding `name` (held till commit or rollback)."""
    conn.execute(f"SELECT pg_advisory_xact_lock({_KEY})", (name,))


def lock_migrations(conn: PgConnection) -> None:
    """Inside a migration's transaction: wait for another writer applying it."""
    lock_for_transaction(conn, "schema migrations")


def source_locks(conn: PgConnection, sources: Iterable[str], wait: float) -> list[str]:
    """Lock every source (all or none), waiting up to `wait` seconds for checks of them that
    run elsewhere; returns the lock names to give to `release`. StoreBusy when they go on."""
    return _take(conn, "source", sources, wait)


@contextlib.contextmanager
def host_lock(url: str, host: str, wait: float) -> Iterator[None]:
    """One check of a host at a time across machines (politeness), held on a pooled connection
    of its own for as long as the check runs; StoreBusy after `wait` seconds."""
    conn = connect(url)
    try:
        _take(conn, "host", [host], wait)
        yield
    finally:
        conn.close()  # back to the pool, its locks let go


@contextlib.contextmanager
def delivery_lock(conn: PgConnection, wait: float) -> Iterator[None]:
    """One process at a time sends digests, on any machine: two that read the same unsent
    digest would both send it. StoreBusy after `wait` seconds."""
    names = _hold(conn, ["digest delivery"], wait, lambda _: (
        f"another monitor process has been sending digests for {wait:.0f} s; what is "
        "waiting goes with it, or with the next attempt"))  # fmt: skip
    try:
        yield
    finally:
        release(conn, names)


def _take(conn: PgConnection, kind: str, values: Iterable[str], wait: float) -> list[str]:
    ordered = sorted(set(values))
    return _hold(conn, [f"{kind} {v}" for v in ordered], wait, lambda held: (
        f"{kind} {ordered[held]!r} is being checked by another monitor process "
        f"(waited {wait:.0f} s); try again when it has finished"))  # fmt: skip


def _hold(
    conn: PgConnection, names: list[str], wait: float, busy: Callable[[int], str]
) -> list[str]:
    """Every lock of `names` (all or none), trying again until `wait` seconds have passed;
    then StoreBusy, saying `busy(how many were free)`."""
    deadline = time.monotonic() + wait
    while True:
        taken = []
        for name in names:
            if not _try_lock(conn, name):
                break
            taken.append(name)
        if len(taken) == len(names):
            return names
        release(conn, taken)
        if time.monotonic() >= deadline:
            raise StoreBusy(busy(len(taken)))
        time.sleep(LOCK_POLL)


def release(conn: PgConnection, names: Iterable[str]) -> None:
    for name in names:
        _unlock(conn, name)


def hold_check(conn: PgConnection, check_id: int) -> None:
    _try_lock(conn, f"check {check_id}")


def end_check(conn: PgConnection, check_id: int) -> None:
    _unlock(conn, f"check {check_id}")


def dead_checks(conn: PgConnection, running: Iterable[int]) -> list[int]:
    """Of these running checks, those whose process is gone (nobody holds their lock)."""
    dead = []
    for check_id in running:
        if _try_lock(conn, f"check {check_id}"):
            _unlock(conn, f"check {check_id}")
            dead.append(check_id)
    return dead


def advance_identities(conn: PgConnection) -> None:
    """Each identity column's next value past the largest id (after rows were inserted with
    their ids, as `monitor store copy` does)."""
    from monitor.store.dialect import IDENTITY_TABLES

    for table in sorted(IDENTITY_TABLES):
        conn.execute(
            f"SELECT setval(pg_get_serial_sequence(?, 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)",
            (table,),
        )


def open_catalogue(url: str, *, readonly: bool) -> PgConnection:
    """A writer's connection brought up to the code's schema (the same numbered migrations as
    SQLite's, schema.py); a reader's as it is. A catalogue of a newer monitor is refused."""
    import psycopg

    from monitor.store.schema import SchemaTooNew, check_version, migrate
    from monitor.store.search_index import build as build_search_index

    conn = connect(url)
    try:
        version = check_version(conn)
        if readonly and version == 0:
            raise StoreError(f"no store at {shown(url)} yet: run `monitor check` first")
        if not readonly:
            migrate(conn)
            build_search_index(conn)  # once, for a catalogue made before its index
        return conn
    except SchemaTooNew as exc:
        conn.close()
        raise StoreError(f"the catalogue {shown(url)} cannot be used: {exc}") from None
    except psycopg.Error as exc:
        conn.close()
        raise StoreError(f"the catalogue {shown(url)} cannot be opened ({exc})") from None
    except BaseException:
        conn.close()
        raise


def catalogue_exists(url: str) -> bool:
    """Has a writer made the catalogue there (recorded a migration)?"""
    from monitor.store.sql import has_table

    conn = connect(url)
    try:
        return has_table(conn, "schema_migrations")
    finally:
        conn.close()
