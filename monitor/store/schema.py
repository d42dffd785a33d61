"""The catalogue's schema, as numbered migrations recorded in the catalogue itself.

Each writer that opens the store applies, in order, the migrations the catalogue has not
recorded, each in one transaction with its row in `schema_migrations` (version, name,
applied_at), so a migration is applied whole or not at all, once, whoever opens the store first.
Migration 1 is the whole schema as it stood when migrations were numbered; its statements are
idempotent (`IF NOT EXISTS`, columns added only when missing), so a store made by any earlier
version opens with its rows untouched, gains what it lacked (the `digests` table that older
versions created only with the first digest, the template tables, `releases.read_hash`...) and
is recorded at version 1. A store whose recorded version is above the last migration here was
written by a newer monitor: opening it is refused with a message to upgrade, before anything
is written (read-only commands too, as they may misread it).

A change of schema is a new `Migration` appended to `MIGRATIONS`, never an edit of one already
released. `meta.schema_version` mirrors the latest version for the tools that read it.

Migration 2 adds the search index (its tables empty: the releases are indexed after it, in
batches, with progress on stderr for a big store; see "The search index" below). A PostgreSQL
catalogue recorded it without an index (FTS5 is SQLite's); migration 3 gives it one of
PostgreSQL's own (search_pg.py), indexed the same way, and is recorded on SQLite doing nothing.

Migration 4 adds each source's boilerplate for related releases (`sim_sources`); migration 5
the schedulers' claims (`source_claims`); migration 6 each listing page's memo (`pages.memo`).

The related-release index (`sim_` tables) keeps a layout version of its own (SIMILAR_VERSION in
`sim_meta`): it is derived data, so an index of another layout is dropped and rebuilt from the
releases (context/similar.py) rather than migrated.
"""

from __future__ import annotations

import re
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from monitor.store.dialect import dialect_of
from monitor.store.records import now_iso
from monitor.store.sql import columns, has_table, immediate, statements
from monitor.text.scripts import UNSPACED

SIMILAR_VERSION = "4"  # layout of the `sim_` tables; similar.py rebuilds an index of another

CATALOGUE = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  baselined_at TEXT,
  last_check_at TEXT,
  last_ok_at TEXT,
  last_error TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  failure_reported INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS pages (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  body_hash TEXT,
  fetched_at TEXT
);
CREATE TABLE IF NOT EXISTS releases (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id),
  url TEXT NOT NULL,
  key TEXT NOT NULL,
  title TEXT,
  published TEXT,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT,
  last_fetched_at TEXT,
  etag TEXT,
  last_modified TEXT,
  body_hash TEXT,
  extract_sig TEXT,
  state TEXT NOT NULL DEFAULT 'active',
  removed_at TEXT,
  latest_version_id INTEGER,
  read_hash TEXT,
  UNIQUE (source_id, url)
);
CREATE TABLE IF NOT EXISTS versions (
  id INTEGER PRIMARY KEY,
  release_id INTEGER NOT NULL REFERENCES releases(id),
  seq INTEGER NOT NULL,
  fetched_at TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  published TEXT,
  language TEXT,
  text_path TEXT NOT NULL,
  raw_hash TEXT,
  content_type TEXT,
  final_url TEXT,
  check_id INTEGER,
  UNIQUE (release_id, seq)
);
CREATE TABLE IF NOT EXISTS checks (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  pid INTEGER,
  status TEXT NOT NULL DEFAULT 'running',
  summary TEXT
);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY,
  check_id INTEGER,
  kind TEXT NOT NULL,
  release_id INTEGER NOT NULL REFERENCES releases(id),
  version_id INTEGER,
  previous_version_id INTEGER,
  created_at TEXT NOT NULL,
  baseline INTEGER NOT NULL DEFAULT 0,
  payload TEXT NOT NULL,
  digest_id INTEGER
);
CREATE INDEX IF NOT EXISTS events_pending ON events (digest_id) WHERE digest_id IS NULL;
CREATE INDEX IF NOT EXISTS versions_release ON versions (release_id, seq);
-- the web view's lookups: a release's events, a URL's release, a source's releases by id
CREATE INDEX IF NOT EXISTS events_release ON events (release_id);
CREATE INDEX IF NOT EXISTS events_kind ON events (kind);
CREATE INDEX IF NOT EXISTS releases_url ON releases (url);
CREATE INDEX IF NOT EXISTS releases_source ON releases (source_id);
CREATE INDEX IF NOT EXISTS releases_removed ON releases (source_id) WHERE state = 'removed';
CREATE TABLE IF NOT EXISTS template_keys (
  source_id INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  key INTEGER NOT NULL,
  first_page INTEGER NOT NULL,
  second_page INTEGER NOT NULL DEFAULT 0,
  pages INTEGER NOT NULL,
  long INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (source_id, kind, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS template_regions (
  source_id INTEGER NOT NULL,
  region TEXT NOT NULL,
  releases INTEGER NOT NULL,
  PRIMARY KEY (source_id, region)
);
"""

DIGESTS = """
CREATE TABLE IF NOT EXISTS digests (
  id INTEGER PRIMARY KEY,
  digest_key TEXT NOT NULL UNIQUE,
  message_id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  html TEXT NOT NULL,
  counts TEXT NOT NULL,
  event_count INTEGER NOT NULL DEFAULT 0,
  notices TEXT NOT NULL DEFAULT '[]',
  attempts INTEGER NOT NULL DEFAULT 0,
  last_attempt_at TEXT,
  last_error TEXT,
  sent_at TEXT,
  destination TEXT
);
CREATE INDEX IF NOT EXISTS events_digest ON events (digest_id);
"""

# One row per digest per notify channel, written in the transaction that builds the digest, so
# a channel can neither miss a digest nor get one twice; kept `pending` until the channel's
# service accepted it, like the digest's email (channels.py).
CHANNELS = """
CREATE TABLE IF NOT EXISTS channel_deliveries (
  id INTEGER PRIMARY KEY,
  digest_id INTEGER NOT NULL REFERENCES digests(id),
  channel TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending',
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  payload TEXT NOT NULL,
  event_count INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_attempt_at TEXT,
  last_error TEXT,
  sent_at TEXT,
  UNIQUE (digest_id, channel)
);
CREATE INDEX IF NOT EXISTS channel_pending ON channel_deliveries (channel, status);
"""

SIMILAR = """
CREATE TABLE IF NOT EXISTS sim_docs (
    doc_id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,      -- normalised title
    lead TEXT NOT NULL,       -- normalised opening, for the near-duplicate comparison
    features BLOB NOT NULL,   -- uint32 feature hashes (CRC-32) of title and whole text
    posted BLOB NOT NULL,     -- the subset written to sim_postings
    bridge BLOB NOT NULL,     -- the features another language can share (numbers, names...)
    no_space INTEGER NOT NULL, -- written in a script without spaces (Khmer, Thai...)
    source INTEGER NOT NULL,  -- the source's id (0: none known), whose boilerplate is discounted
    lead_features BLOB NOT NULL, -- the features of the title and opening, weighed up
    lines BLOB NOT NULL       -- uint32 keys of its distinct lines (context.boilerplate.line_key)
);
CREATE INDEX IF NOT EXISTS sim_docs_source ON sim_docs (source, doc_id);
CREATE TABLE IF NOT EXISTS sim_postings (
    feature INTEGER NOT NULL,
    doc_id INTEGER NOT NULL,
    PRIMARY KEY (feature, doc_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sim_df (
    feature INTEGER PRIMARY KEY,
    df INTEGER NOT NULL       -- releases whose features include it
);
CREATE TABLE IF NOT EXISTS sim_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sim_lines (
    source INTEGER NOT NULL,
    line INTEGER NOT NULL,    -- a line's key: on `docs` of the source's releases
    docs INTEGER NOT NULL,    -- on enough of them, the line is template (context.boilerplate)
    PRIMARY KEY (source, line)
) WITHOUT ROWID;
"""

# Each source's boilerplate for related releases: the features on many of its releases (a
# letterhead, a sign-off, "Cabinet Meeting Synopsis"), with their weights, recomputed from its
# latest releases as they arrive; `version` counts the recomputations (a reader's cache key).
SOURCE_CLAIMS = """
CREATE TABLE IF NOT EXISTS source_claims (
    source TEXT PRIMARY KEY,      -- a configured source's name
    claimed_at TEXT NOT NULL      -- when a scheduler last sent its check (ISO 8601, UTC)
);
"""

SIMILAR_SOURCES = """
CREATE TABLE IF NOT EXISTS sim_sources (
    source INTEGER PRIMARY KEY,
    docs INTEGER NOT NULL,        -- releases of the source in the index
    version INTEGER NOT NULL,     -- bumped each time the boilerplate is recomputed
    boilerplate BLOB NOT NULL,    -- uint32 feature hashes
    weights BLOB NOT NULL         -- one byte each: the feature's weight in percent (0: ignored)
);
"""

# Columns added after a table was first created: a store made by an older version gains them.
ADDED_COLUMNS = (("releases", "read_hash", "TEXT"),)

# The search index: an FTS5 index of the latest version (title, body) of every release, removed
# ones included, whose rowid is the release id. `release_fts` holds every release, tokenised
# into words (`porter unicode61 remove_diacritics 2`: "Phnom Penh" finds "Phnôm Pénh", "mine"
# finds "mines"); `release_fts_trigram` holds the releases written partly in a script without
# spaces (Khmer, Thai, Lao, Myanmar: `text.scripts.UNSPACED`), in character trigrams, so that
# any three or more characters find the text that contains them. `source` is there to be read
# (`SELECT rowid, source FROM release_fts WHERE release_fts MATCH ?`), not searched.
#
# Both are external-content tables: the text is read from the views `release_text` and
# `release_text_unspaced` (each release's latest version), never stored twice. They are kept in
# step by the triggers below, in the transaction that writes the version (Store.record_version
# sets `releases.latest_version_id`): the new version's text is added, the text of the one it
# replaces is taken out ("delete" command, which must be given exactly what was indexed:
# versions never change, so it is read back from `versions`). Any writer, this code or SQL of
# its own, keeps the index right by setting `latest_version_id`; nothing else is needed.
#
# A store made before the index has its releases indexed once, by the first writer that opens
# it (search_index.build, in batches, after migration 2 made the tables empty): meta
# `release_fts_upto` is the highest release id indexed so far, the triggers leave releases
# above it to the build, and the build sets it to the largest integer when it is done (search
# reads only a finished index). Maintenance: `INSERT INTO release_fts(release_fts) VALUES
# ('rebuild')` (or 'integrity-check') is correct for either table; `search_index.reset`
# empties both so that the next writer indexes every release again.
SEARCH_UPTO = "release_fts_upto"
_INDEXED = f"(SELECT CAST(value AS INTEGER) FROM meta WHERE key = '{SEARCH_UPTO}')"
# A text with a letter of those scripts: the first two bytes of its UTF-8 form (a block of 64
# code points), found by instr() in the bytes: 30 times faster than GLOB '*[ក-៿...]*'.
_LEADS = sorted({chr(c).encode()[:2].hex() for lo, hi in UNSPACED for c in range(lo, hi + 1)})
_HAS_LEAD = "instr(CAST(title || ' ' || body AS BLOB), X'{}')"
_UNSPACED_TEXT = "(" + " OR ".join(_HAS_LEAD.format(b) for b in _LEADS) + ")"
_FTS = (("release_fts", ""), ("release_fts_trigram", f" AND {_UNSPACED_TEXT}"))


def _forget(version: str) -> str:
    return "".join(
        f"INSERT INTO {t}({t}, rowid, title, body) SELECT 'delete', release_id, title, body "
        f"FROM versions WHERE id = {version}{where};\n"
        for t, where in _FTS
    )


def _add(version: str) -> str:
    return "".join(
        f"INSERT INTO {t}(rowid, title, body) SELECT release_id, title, body "
        f"FROM versions WHERE id = {version}{where};\n"
        for t, where in _FTS
    )


SEARCH = f"""
CREATE VIEW IF NOT EXISTS release_text AS
  SELECT r.id AS release_id, v.title AS title, v.body AS body, s.name AS source
  FROM releases r JOIN versions v ON v.id = r.latest_version_id
  JOIN sources s ON s.id = r.source_id;
CREATE VIEW IF NOT EXISTS release_text_unspaced AS
  SELECT * FROM release_text WHERE {_UNSPACED_TEXT};
CREATE VIRTUAL TABLE IF NOT EXISTS release_fts USING fts5(
  title, body, source UNINDEXED, content='release_text', content_rowid='release_id',
  tokenize='porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS release_fts_trigram USING fts5(
  title, body, source UNINDEXED, content='release_text_unspaced', content_rowid='release_id',
  tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS release_fts_insert AFTER INSERT ON releases
WHEN NEW.latest_version_id IS NOT NULL AND NEW.id <= {_INDEXED}
BEGIN
{_add("NEW.latest_version_id")}END;
CREATE TRIGGER IF NOT EXISTS release_fts_update AFTER UPDATE OF latest_version_id ON releases
WHEN NEW.latest_version_id IS NOT OLD.latest_version_id AND OLD.id <= {_INDEXED}
BEGIN
{_forget("OLD.latest_version_id")}{_add("NEW.latest_version_id")}END;
"""

MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at TEXT NOT NULL
)
"""


def _initial_schema(conn: sqlite3.Connection) -> None:
    """Migration 1: every table of the store as created before migrations were numbered."""
    for statement in statements(CATALOGUE + DIGESTS + CHANNELS):
        conn.execute(statement)
    for table, column, kind in ADDED_COLUMNS:
        if column not in columns(conn, table):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '1')")
    # names the store in the Atom feed's entry ids (atom.py): two stores never share one
    conn.execute(
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('store_id', ?)", (secrets.token_hex(8),)
    )
    _create_similar_tables(conn)


def _create_similar_tables(conn: sqlite3.Connection) -> None:
    """The related-release index's tables, when there is no index yet. An index of another
    layout is left as it is, but for the tables it lacks (SimilarityIndex drops it and adds
    every release again)."""
    if has_table(conn, "sim_meta"):
        for statement in statements(SIMILAR):
            table = re.match(r"\s*CREATE TABLE IF NOT EXISTS (\w+)", statement)
            if table and not has_table(conn, table[1]):
                conn.execute(statement)
        return
    for statement in statements(SIMILAR):
        conn.execute(statement)
    conn.execute(
        "INSERT OR IGNORE INTO sim_meta VALUES ('version', ?), ('docs', '0')", (SIMILAR_VERSION,)
    )


def _search_index(conn: sqlite3.Connection) -> None:
    """Migration 2: the search index's views, FTS5 tables and triggers, empty; the releases are
    indexed once the migration is committed, in batches (search_index.build). A PostgreSQL
    catalogue records it without an index (FTS5 is SQLite's): migration 3 makes it one."""
    if dialect_of(conn) == "postgresql":
        return
    for statement in statements(SEARCH):
        conn.execute(statement)
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, '0') "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (SEARCH_UPTO,),
    )


def _postgresql_search_index(conn: sqlite3.Connection) -> None:
    """Migration 3: the search index of a PostgreSQL catalogue (search_pg.py: a tsvector and
    trigrams, kept by a trigger), empty; indexed after, as migration 2's. Nothing on SQLite,
    whose index migration 2 made."""
    if dialect_of(conn) != "postgresql":
        return
    from monitor.store import search_pg

    search_pg.create(conn)


def _similar_sources(conn: sqlite3.Connection) -> None:
    """Migration 4: each source's boilerplate for related releases (`sim_sources`). The index's
    layout changed with it (sources and lead features in `sim_docs`: layout 3), so the next
    writer rebuilds the index from the releases (context/matching.py)."""
    for statement in statements(SIMILAR_SOURCES):
        conn.execute(statement)


def _source_claims(conn: sqlite3.Connection) -> None:
    """Migration 5: when a scheduler last sent each source's check to the queue, so that of
    several schedulers (run for availability) one sends it each interval (store/claims.py)."""
    for statement in statements(SOURCE_CLAIMS):
        conn.execute(statement)


def _listing_memos(conn: sqlite3.Connection) -> None:
    """Migration 6: what discovery found on each listing page, for its next read (memo.py)."""
    conn.execute("ALTER TABLE pages ADD COLUMN memo TEXT")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str  # recorded with it: what the migration does, for a person reading the catalogue
    apply: Callable[[sqlite3.Connection], None]  # runs inside the migration's transaction
    postgresql_name: str | None = None  # recorded instead on PostgreSQL, where it differs


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema (every store made before numbered migrations)", _initial_schema),
    Migration(
        2,
        "search index: release_fts(_trigram), their views and triggers",
        _search_index,
        "search index: none on PostgreSQL (FTS5 is SQLite's; search needs SQLite)",
    ),
    Migration(
        3,
        "search index on PostgreSQL: nothing to do on SQLite (migration 2 made its index)",
        _postgresql_search_index,
        "search index: release_search (tsvector, pg_trgm trigrams), its trigger",
    ),
    Migration(4, "related releases: each source's boilerplate (sim_sources)", _similar_sources),
    Migration(5, "schedulers' claims: each source's check sent once an interval", _source_claims),
    Migration(6, "listing pages: what discovery found on each (pages.memo)", _listing_memos),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def _name(conn: sqlite3.Connection, migration: Migration) -> str:
    if dialect_of(conn) == "postgresql" and migration.postgresql_name:
        return migration.postgresql_name
    return migration.name


class SchemaTooNew(Exception):
    """The catalogue records migrations this version of monitor does not know."""


def applied_version(conn: sqlite3.Connection) -> int:
    """The catalogue's recorded schema version; 0 for a new file or a store made before
    migrations were numbered (migration 1 then brings it up to date)."""
    if not has_table(conn, "schema_migrations"):
        return 0
    row = conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def check_version(conn: sqlite3.Connection) -> int:
    """The recorded version, or SchemaTooNew when a newer monitor wrote the catalogue."""
    version = applied_version(conn)
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(
            f"it was written by a newer version of monitor (schema version {version}; this "
            f"version knows versions up to {SCHEMA_VERSION}). Upgrade monitor (for example "
            "`pip install -U monitor`, or the newer container image) to use this store; "
            "nothing in it was changed"
        )
    return version


def migrate(conn: sqlite3.Connection) -> list[int]:
    """Apply the migrations the catalogue lacks, in order, one transaction each (an autocommit
    connection); returns the versions applied. Two writers opening at once (the service's jobs)
    apply each migration once: the version is read again inside the transaction."""
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.version <= check_version(conn):
            continue
        with immediate(conn):
            if dialect_of(conn) == "postgresql":
                from monitor.store.postgres import lock_migrations

                lock_migrations(conn)  # PostgreSQL's BEGIN does not queue writers: this does
            if migration.version <= check_version(conn):
                continue  # another connection applied it while this one waited
            conn.execute(MIGRATIONS_TABLE)
            migration.apply(conn)
            conn.execute(
                "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)",
                (migration.version, _name(conn, migration), now_iso()),
            )
            conn.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(migration.version),),
            )
        applied.append(migration.version)
    return applied
