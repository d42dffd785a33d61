"""Every table of the store, created together whenever a writer opens it.

Tables used to be created by the code path that first needed them (the digest tables when a
digest was first prepared), so a store that had never taken that path failed on its first query
of them ("no such table: digests" after `--no-email` checks). Creating all of them at open,
idempotently, means every command sees the same schema, and an older store gains what it lacks.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 1
SIMILAR_VERSION = "2"  # layout of the `sim_` tables; similar.py rebuilds an index of another

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
    features BLOB NOT NULL,   -- uint32 feature hashes (CRC-32) of title and opening
    posted BLOB NOT NULL,     -- the subset written to sim_postings
    bridge BLOB NOT NULL,     -- the features another language can share (numbers, names...)
    no_space INTEGER NOT NULL -- written in a script without spaces (Khmer, Thai...)
);
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
"""

# Columns added after a table was first created: a store made by an older version gains them.
ADDED_COLUMNS = (("releases", "read_hash", "TEXT"),)


def create_tables(conn: sqlite3.Connection) -> None:
    """Create what is missing; never changes what exists (an autocommit connection)."""
    conn.executescript(CATALOGUE + DIGESTS + CHANNELS)
    for table, column, kind in ADDED_COLUMNS:
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    conn.execute(
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
        (str(SCHEMA_VERSION),),
    )
    # names the store in the Atom feed's entry ids (atom.py): two stores never share one
    conn.execute(
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('store_id', lower(hex(randomblob(8))))"
    )
    create_similar_tables(conn)


def create_similar_tables(conn: sqlite3.Connection) -> None:
    """The related-release index's tables, when there is no index yet. An index of another
    layout is left as it is: SimilarityIndex drops it and adds every release again."""
    if conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sim_meta'"
    ).fetchone():
        return
    conn.executescript(SIMILAR)
    conn.execute(
        "INSERT OR IGNORE INTO sim_meta VALUES ('version', ?), ('docs', '0')", (SIMILAR_VERSION,)
    )
