"""The search index (`release_fts`, `release_fts_trigram`: see schema.py): built once for a store
made before it, asked for the releases a query may be about, and their texts read.

Ranking every match by bm25 costs about 2.5 µs a match: fine for a few thousand, 100-450 ms for
words in most releases ("the ministry of cooperation"); an FTS phrase query reads the positions
of every release that holds all the words, as costly. So the index is asked for the releases
holding every word (search.py looks for the phrase in those it returns), and counts them first,
up to `RANK_BUDGET` (cheap: no ranking, no positions): beyond that it takes the newest
`COMMON_WINDOW` of them instead of ranking them all. Only when fewer than the hits wanted hold
every word are those holding some of them asked for, the same way.

A PostgreSQL catalogue has an index of its own (search_pg.py: a tsvector and trigrams), built,
kept and asked the same way: this module asks it the same questions.
"""

from __future__ import annotations

import functools
import logging
import re
import sqlite3
import time
import unicodedata
from dataclasses import dataclass

from monitor.errors import StoreError
from monitor.store import search_pg
from monitor.store.dialect import dialect_of, text_position
from monitor.store.schema import SEARCH_UPTO
from monitor.store.search_pg import TITLE_WEIGHT  # a title match against a body match
from monitor.store.sql import immediate
from monitor.text.normalize import normalize
from monitor.text.scripts import UNSPACED_CHAR

log = logging.getLogger(__name__)

ALL_INDEXED = 2**63 - 1  # meta release_fts_upto of a finished index
BATCH = 5000  # releases indexed per transaction by the build
LOUD_BUILD = 10_000  # a build of more releases reports its progress as warnings (stderr)
RANK_BUDGET = 4000  # matches an index query ranks by bm25 at most
COMMON_WINDOW = 100  # releases taken, newest first, of a query matching more than that
MAX_TERMS = 16  # words of a query sent to the index (a pasted paragraph is cut)
TRIGRAM = 3  # the trigram index finds nothing shorter
TITLE_SCAN = 20_000  # newest titles read for a Khmer or Thai query shorter than that
PREFIX_MIN = 4  # letters a misspelt word is looked up by at least ("Cambodai" -> "Cambo"...)


def _upto(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (SEARCH_UPTO,)).fetchone()
    return int(row[0]) if row else 0


def ready(conn: sqlite3.Connection) -> bool:
    try:
        return _upto(conn) == ALL_INDEXED
    except sqlite3.OperationalError:  # a store older than the meta table
        return False


def build(conn: sqlite3.Connection, batch: int | None = None) -> int:
    """Index the releases the index lacks, `batch` a transaction (a build stopped half way
    resumes where it stopped; two at once share the work); returns how many it indexed.
    Costs one lookup on a store whose index is complete."""
    upto = _upto(conn)
    if upto == ALL_INDEXED:
        return 0
    batch = batch or BATCH
    total = conn.execute("SELECT COUNT(*) FROM releases WHERE id > ?", (upto,)).fetchone()[0]
    say = log.warning if total >= LOUD_BUILD else log.info if total else log.debug
    say("building the search index of %d releases (once: this store has none yet)", total)
    start, done, shown = time.monotonic(), 0, 0.0
    while upto != ALL_INDEXED:
        with immediate(conn):
            upto = _upto(conn)  # another writer's build may have gone further
            last = conn.execute(
                "SELECT MAX(id) FROM "
                "(SELECT id FROM releases WHERE id > ? ORDER BY id LIMIT ?) AS batch",
                (upto, batch),
            ).fetchone()[0]
            if last is not None:
                _index_releases(conn, upto, last)
                done += conn.execute(
                    "SELECT COUNT(*) FROM releases WHERE id > ? AND id <= ?", (upto, last)
                ).fetchone()[0]
            upto = last if last is not None else ALL_INDEXED
            conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (SEARCH_UPTO, str(upto)),
            )
        if total and time.monotonic() - shown > 5 and upto != ALL_INDEXED:
            shown = time.monotonic()
            say("search index: %d of %d releases", done, total)
    say("search index built: %d releases in %.1f s", done, time.monotonic() - start)
    return done


def _index_releases(conn: sqlite3.Connection, after: int, upto: int) -> None:
    if dialect_of(conn) == "postgresql":
        search_pg.index_releases(conn, after, upto)
        return
    for table, view in (("release_fts", "release_text"),
                        ("release_fts_trigram", "release_text_unspaced")):  # fmt: skip
        conn.execute(
            f"INSERT INTO {table}(rowid, title, body) SELECT release_id, title, body "
            f"FROM {view} WHERE release_id > ? AND release_id <= ?",
            (after, upto),
        )


def reset(conn: sqlite3.Connection) -> None:
    """Empty the search index: the next writer to open the store indexes every release again,
    as for a store made before the index."""
    with immediate(conn):
        if dialect_of(conn) == "postgresql":
            search_pg.empty(conn)
        else:
            for table in ("release_fts", "release_fts_trigram"):
                conn.execute(f"INSERT INTO {table}({table}) VALUES ('delete-all')")
        conn.execute("UPDATE meta SET value = '0' WHERE key = ?", (SEARCH_UPTO,))


def check(conn: sqlite3.Connection) -> None:
    """Raise when the index does not hold exactly each release's latest version (a stale or
    missing row): FTS5's integrity-check, or the rows search_pg computes again."""
    if dialect_of(conn) == "postgresql":
        stale = search_pg.stale_rows(conn)
        if stale:
            raise StoreError(f"the search index is wrong for {stale} releases")
        return
    try:
        for table in ("release_fts", "release_fts_trigram"):
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"the search index is wrong ({exc})") from None


# --- asking the index ----------------------------------------------------------------------


@dataclass(frozen=True)
class IndexQuery:
    """A query as the index is asked it: its words, and which index holds them."""

    terms: tuple[str, ...]
    table: str  # release_fts, or release_fts_trigram for a query in a script without spaces

    @property
    def unspaced(self) -> bool:
        return self.table == "release_fts_trigram"


def quote(text: str) -> str:
    """An FTS5 string: whatever the user typed (`"`, `*`, NEAR, `-`, `:`) is only text."""
    return '"' + text.replace('"', '""') + '"'


def words(text: str) -> list[str]:
    """Runs of letters, digits and combining marks, as the index's tokenizer reads words."""
    return _word_re().findall(text)


@functools.cache
def _word_re() -> re.Pattern[str]:
    marks, start = [], None  # ranges of combining marks (Mn, Mc, Me): "ô" in NFD, Khmer vowels
    for code in range(0x300, 0x10001):
        mark = code < 0x10000 and unicodedata.category(chr(code))[0] == "M"
        if mark and start is None:
            start = code
        elif not mark and start is not None:
            marks.append(f"{chr(start)}-{chr(code - 1)}")
            start = None
    return re.compile(r"(?:[^\W_]|[" + "".join(marks) + "])+")


def parse(query: str) -> IndexQuery | None:
    """None when the query has no word at all."""
    terms = tuple(words(normalize(query))[:MAX_TERMS])
    if not terms:
        return None
    if UNSPACED_CHAR.search(query):
        return IndexQuery(terms, "release_fts_trigram")
    return IndexQuery(terms, "release_fts")


@dataclass(frozen=True)
class Candidate:
    release_id: int
    tier: str  # all (of the words: search.py tells the phrase) / some (of the words) /
    # opening (no word found, only the first three fifths of one: misspelt) / title (a query
    # too short for the trigram index, found in a title)


def find(conn: sqlite3.Connection, query: IndexQuery, want: int, enough: int) -> list[Candidate]:
    """Up to about `want` releases for the query, in index order, those with every word first;
    releases with some of the words only when fewer than `enough` have them all."""
    if query.unspaced:
        long = tuple(t for t in query.terms if len(t) >= TRIGRAM)
        if not long:
            return _titles_containing(conn, " ".join(query.terms), want)
        query = IndexQuery(long, query.table)
    found = dict.fromkeys(_matches(conn, query, "every", query.terms, want), "all")
    if len(found) < enough and len(query.terms) > 1:
        for rid in _matches(conn, query, "some", query.terms, want):
            found.setdefault(rid, "some")
    if not found and not query.unspaced:
        # nothing holds any word: misspelt, perhaps ("Guteres"); their openings, then
        prefixes = tuple(
            p for p in (t[: max(PREFIX_MIN, len(t) * 3 // 5)] for t in query.terms)
            if len(p) >= PREFIX_MIN
        )  # fmt: skip
        found = dict.fromkeys(
            _matches(conn, query, "opening", prefixes, want) if prefixes else [], "opening"
        )
    return [Candidate(rid, tier) for rid, tier in found.items()]


_FTS_JOIN = {"every": " AND ", "some": " OR ", "opening": " OR "}


def _fts_expression(mode: str, terms: tuple[str, ...]) -> str:
    """The MATCH expression of releases holding every / some of the terms, or a word starting
    with one of them (`opening`)."""
    star = " *" if mode == "opening" else ""
    return _FTS_JOIN[mode].join(f"{quote(t)}{star}" for t in terms)


def _matches(
    conn: sqlite3.Connection, query: IndexQuery, mode: str, terms: tuple[str, ...], want: int
) -> list[int]:
    """Matching release ids, best first (bm25, ts_rank) when there are few enough to rank;
    else the newest `COMMON_WINDOW`. Counting first is cheap: no ranking, no positions."""
    if dialect_of(conn) == "postgresql":
        ranked = search_pg.count(conn, query.unspaced, mode, terms, RANK_BUDGET + 1) <= RANK_BUDGET
        return search_pg.matches(
            conn, query.unspaced, mode, terms, want if ranked else COMMON_WINDOW, ranked
        )
    table, expr = query.table, _fts_expression(mode, terms)
    counted = conn.execute(
        f"SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT ?)",
        (expr, RANK_BUDGET + 1),
    ).fetchone()[0]
    if counted > RANK_BUDGET:
        order, want = "rowid DESC", COMMON_WINDOW
    else:
        order = f"bm25({table}, {TITLE_WEIGHT}, 1.0)"
    rows = conn.execute(
        f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY {order} LIMIT ?", (expr, want)
    )
    return [r[0] for r in rows]


def _titles_containing(conn: sqlite3.Connection, text: str, want: int) -> list[Candidate]:
    """Shorter than a trigram: the titles of the newest `TITLE_SCAN` releases, read."""
    rows = conn.execute(
        "SELECT id FROM releases WHERE id > (SELECT MAX(id) FROM releases) - ? "
        f"AND {text_position(conn, 'title')} > 0 ORDER BY id DESC LIMIT ?",
        (TITLE_SCAN, text, want),
    )
    return [Candidate(r[0], "title") for r in rows]


@dataclass(frozen=True)
class FoundText:
    """A release the index proposed, as search scores and shows it (its latest version)."""

    release_id: int
    url: str
    source: str
    title: str
    body: str


def texts(conn: sqlite3.Connection, ids: list[int]) -> dict[int, FoundText]:
    if not ids:
        return {}
    rows = conn.execute(
        "SELECT r.id, r.url, s.name, v.title, v.body FROM releases r "
        "JOIN sources s ON s.id = r.source_id JOIN versions v ON v.id = r.latest_version_id "
        f"WHERE r.id IN ({','.join('?' * len(ids))})",
        ids,
    )
    return {row[0]: FoundText(row[0], row[1], row[2], row[3] or "", row[4] or "") for row in rows}
