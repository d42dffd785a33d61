"""The search index of a PostgreSQL catalogue (migration 3): PostgreSQL's own full-text search
and trigrams, asked as search_index.py asks SQLite's FTS5 index.

`release_search` holds one row per release (removed ones included) for its latest version:
- `words`: a tsvector of the 'simple' configuration (no stemming, no stop words) over the
  folded title (weight A) and body (weight D), with a GIN index: `@@` finds the releases holding
  words, `ts_rank` with the title weighing `TITLE_WEIGHT` times the body orders them;
- `unspaced`: the folded title and body of a release written partly in a script without spaces
  (Khmer, Thai, Lao, Myanmar: `text.scripts.UNSPACED`), NULL for the others, with a pg_trgm GIN
  index: `LIKE '%…%'` of three or more characters reads only the releases holding its trigrams.

Folding is the SQL function `search_fold`: NFKD, the Latin combining marks (U+0300-U+036F)
dropped, lower case, as `context.search.fold` (ASCII text only lowered; no NFC after: it costs
as much as the NFKD and changes no match). It is applied to the stored text and to the query's
words alike, in the server, so the two always agree (whatever the server's Unicode tables);
the extension `unaccent` is not used: the catalogue's user may not be allowed to
create it, it is not IMMUTABLE, and its rules (ligatures, symbols) differ from `fold`, which
highlighting uses. pg_trgm is created if missing (a trusted extension since PostgreSQL 13: the
database owner may create it); where that is refused the trigram index is left out with a
warning, and Khmer and Thai searches read the text of every such release instead (right,
slower).

The trigger `release_search_follow` keeps the row in step with `releases.latest_version_id`, in
the transaction that writes the version, like SQLite's triggers; releases above meta
`release_fts_upto` are left to search_index.build, which indexes a store made before the index
in batches (the same mark and the same build as SQLite's).
"""

from __future__ import annotations

import logging
from typing import Any

from monitor.store.schema import SEARCH_UPTO
from monitor.text.scripts import UNSPACED

log = logging.getLogger(__name__)

TRIGRAMS = "pg_trgm"  # the extension whose GIN operator class indexes `unspaced`
TITLE_WEIGHT = 4.0  # a title match against a body match, in bm25 and ts_rank (weights D..A)
_WEIGHTS = f"'{{{1 / TITLE_WEIGHT}, {1 / TITLE_WEIGHT}, {1 / TITLE_WEIGHT}, 1.0}}'::float4[]"
_UNSPACED_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in UNSPACED)
_MARKS = f"{chr(0x300)}-{chr(0x36F)}"  # Latin combining accents, as search.py's _MARKS

# Statements one by one: function bodies hold semicolons.
SCHEMA = (
    f"""CREATE OR REPLACE FUNCTION search_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN octet_length(t) = char_length(t) THEN lower(t)
           ELSE lower(regexp_replace(normalize(t, NFKD), '[{_MARKS}]+', '', 'g')) END $$""",
    """CREATE OR REPLACE FUNCTION search_words(title text, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('simple', search_fold(coalesce(title, ''))), 'A')
        || setweight(to_tsvector('simple', search_fold(coalesce(body, ''))), 'D') $$""",
    f"""CREATE OR REPLACE FUNCTION search_unspaced(title text, body text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN t ~ '[{_UNSPACED_CLASS}]' THEN search_fold(t) END
    FROM (SELECT coalesce(title, '') || ' ' || coalesce(body, '') AS t) AS text $$""",
    """CREATE TABLE IF NOT EXISTS release_search (
    release_id BIGINT PRIMARY KEY,
    words tsvector NOT NULL,
    unspaced TEXT)""",
    "CREATE INDEX IF NOT EXISTS release_search_words ON release_search USING gin (words)",
    f"""CREATE OR REPLACE FUNCTION release_search_follow() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.id > coalesce((SELECT CAST(value AS BIGINT) FROM meta
                            WHERE key = '{SEARCH_UPTO}'), 0) THEN
        RETURN NULL;  -- left to the build (search_index.build)
      END IF;
      INSERT INTO release_search (release_id, words, unspaced)
        SELECT NEW.id, search_words(v.title, v.body), search_unspaced(v.title, v.body)
        FROM versions v WHERE v.id = NEW.latest_version_id
      ON CONFLICT (release_id) DO UPDATE
        SET words = excluded.words, unspaced = excluded.unspaced;
      RETURN NULL;
    END $$""",
    "DROP TRIGGER IF EXISTS release_search_insert ON releases",
    """CREATE TRIGGER release_search_insert AFTER INSERT ON releases FOR EACH ROW
    WHEN (NEW.latest_version_id IS NOT NULL) EXECUTE FUNCTION release_search_follow()""",
    "DROP TRIGGER IF EXISTS release_search_update ON releases",
    """CREATE TRIGGER release_search_update AFTER UPDATE OF latest_version_id ON releases
    FOR EACH ROW WHEN (NEW.latest_version_id IS DISTINCT FROM OLD.latest_version_id
                       AND NEW.latest_version_id IS NOT NULL)
    EXECUTE FUNCTION release_search_follow()""",
)


def create(conn: Any) -> None:
    """Migration 3's PostgreSQL part: the table, its indexes, functions and triggers, empty
    (meta `release_fts_upto` 0: the next writer's build indexes every release)."""
    for statement in SCHEMA:
        conn.execute(statement)
    _trigram_index(conn)
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?, '0') "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (SEARCH_UPTO,),
    )


def _trigram_schema(conn: Any) -> str | None:
    row = conn.execute(
        "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = ?", (TRIGRAMS,)
    ).fetchone()
    return row[0] if row else None


def _trigram_index(conn: Any) -> None:
    """The pg_trgm index of `unspaced`, pg_trgm created first when it is missing (in the
    current schema); without it, a warning: Khmer and Thai searches work, slower."""
    import psycopg

    schema = _trigram_schema(conn)
    if schema is None:
        conn.execute("SAVEPOINT trigrams")
        try:
            conn.execute(f"CREATE EXTENSION IF NOT EXISTS {TRIGRAMS}")
        except psycopg.Error as exc:
            conn.execute("ROLLBACK TO SAVEPOINT trigrams")
            log.warning(
                "the search index has no trigram index (%s): Khmer and Thai searches read "
                "every such release. Have the database owner run `CREATE EXTENSION pg_trgm`, "
                "then `CREATE INDEX release_search_unspaced ON release_search USING gin "
                "(unspaced gin_trgm_ops)`",
                str(exc).strip(),
            )
            return
        conn.execute("RELEASE SAVEPOINT trigrams")
        schema = _trigram_schema(conn)
    conn.execute(
        "CREATE INDEX IF NOT EXISTS release_search_unspaced ON release_search "
        f'USING gin (unspaced "{schema}".gin_trgm_ops)'
    )


# --- what the build, reset and checks of search_index.py run on PostgreSQL -------------------


def index_releases(conn: Any, after: int, upto: int) -> None:
    """Index the releases whose id is in (after, upto] (a batch of the build)."""
    conn.execute(
        "INSERT INTO release_search (release_id, words, unspaced) "
        "SELECT r.id, search_words(v.title, v.body), search_unspaced(v.title, v.body) "
        "FROM releases r JOIN versions v ON v.id = r.latest_version_id "
        "WHERE r.id > ? AND r.id <= ? ON CONFLICT (release_id) DO UPDATE "
        "SET words = excluded.words, unspaced = excluded.unspaced",
        (after, upto),
    )


def empty(conn: Any) -> None:
    conn.execute("DELETE FROM release_search")


def stale_rows(conn: Any) -> int:
    """Releases whose row is missing, stale, or there without a release: 0 for a right index."""
    return int(
        conn.execute(
            "SELECT COUNT(*) FROM (SELECT r.id, search_words(v.title, v.body) AS words, "
            "search_unspaced(v.title, v.body) AS unspaced FROM releases r "
            "JOIN versions v ON v.id = r.latest_version_id) AS want "
            "FULL JOIN release_search s ON s.release_id = want.id "
            "WHERE want.id IS NULL OR s.release_id IS NULL OR s.words <> want.words "
            "OR s.unspaced IS DISTINCT FROM want.unspaced"
        ).fetchone()[0]
    )


# --- asking the index ------------------------------------------------------------------------

# Each word of the query as a tsquery of its folded form (a word is letters, digits and marks
# only: no tsquery syntax), or as a LIKE pattern (no `%`, `_` or `\` either).
_WORD = "plainto_tsquery('simple', search_fold(?))"
_OPENING = "to_tsquery('simple', quote_literal(search_fold(?)) || ':*')"
_HOLDS = "unspaced LIKE '%' || search_fold(?) || '%'"
_JOIN = {"every": (" && ", " AND "), "some": (" || ", " OR "), "opening": (" || ", None)}


def condition(unspaced: bool, mode: str, terms: tuple[str, ...]) -> tuple[str, str]:
    """The WHERE condition of releases holding every / some of the terms, or (`opening`) a
    word starting with one of them, and the ORDER BY of their rank (best first)."""
    words_join, like_join = _JOIN[mode]
    if unspaced and like_join is not None:
        # the earliest place of the first word: in the title (written first) before the body
        return like_join.join([_HOLDS] * len(terms)), "strpos(unspaced, search_fold(?))"
    query = words_join.join([_OPENING if mode == "opening" else _WORD] * len(terms))
    return f"words @@ ({query})", f"ts_rank({_WEIGHTS}, words, ({query})) DESC"


def count(conn: Any, unspaced: bool, mode: str, terms: tuple[str, ...], most: int) -> int:
    where, _ = condition(unspaced, mode, terms)
    return int(
        conn.execute(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM release_search WHERE {where} LIMIT ?) AS m",
            (*terms, most),
        ).fetchone()[0]
    )


def matches(
    conn: Any, unspaced: bool, mode: str, terms: tuple[str, ...], want: int, ranked: bool
) -> list[int]:
    """Matching release ids: best first when `ranked`, else the newest."""
    where, rank = condition(unspaced, mode, terms)
    if not ranked:
        rank, rank_params = "release_id DESC", ()
    else:
        rank_params = terms[:1] if unspaced else terms
    rows = conn.execute(
        f"SELECT release_id FROM release_search WHERE {where} "
        f"ORDER BY {rank}, release_id DESC LIMIT ?",
        (*terms, *rank_params, want),
    )
    return [r[0] for r in rows]
