"""The related-release index's tables (`sim_*`): features packed as arrays, postings, document
frequencies, the count of releases and each source's boilerplate. The features and the scoring
are `context.similar`'s; this module only keeps and reads them, inside the caller's transaction
when there is one."""

from __future__ import annotations

import sqlite3
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator

from monitor.store.schema import SIMILAR as _SIMILAR
from monitor.store.schema import SIMILAR_SOURCES
from monitor.store.schema import SIMILAR_VERSION as _SCHEMA_VERSION
from monitor.store.sql import has_table

_SCHEMA = _SIMILAR + SIMILAR_SOURCES
_TABLES = ("sim_docs", "sim_postings", "sim_df", "sim_meta", "sim_sources", "sim_lines")

# doc_id, title, lead, features, bridge, no_space, source, lead_features
DocRow = tuple[int, str, str, bytes, bytes, int, int, bytes]


def pack(features: Iterable[int], kind: str = "I") -> bytes:
    return array(kind, features).tobytes()


def unpack(blob: bytes, kind: str = "I") -> array[int]:
    out = array(kind)
    out.frombytes(blob)
    return out


class SimilarityTables:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.rebuilt = False  # True when an index of an older layout was dropped: re-add all
        if self._version() == _SCHEMA_VERSION:
            return  # made when the store was opened (schema.py): nothing to write, even read-only
        with self.atomic():
            if self._version() not in (None, _SCHEMA_VERSION):
                for table in _TABLES:
                    conn.execute(f"DROP TABLE IF EXISTS {table}")
                self.rebuilt = True
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            if self._version() is None:
                conn.execute("INSERT INTO sim_meta VALUES ('version', ?)", (_SCHEMA_VERSION,))
                conn.execute("INSERT INTO sim_meta VALUES ('docs', '0')")

    def _version(self) -> str | None:
        if not has_table(self.conn, "sim_meta"):
            return None
        row = self.conn.execute("SELECT value FROM sim_meta WHERE key = 'version'").fetchone()
        return row[0] if row else None

    def atomic(self) -> _Savepoint:
        return _Savepoint(self.conn)

    # --- writes ---------------------------------------------------------------------------

    def insert(
        self, rows: list[DocRow | tuple], postings: list[tuple[int, int]], df: Counter[int]
    ) -> None:
        """New releases' rows, their postings (feature, doc_id) and document frequencies."""
        self.conn.executemany("INSERT INTO sim_docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        self.conn.executemany(
            "INSERT OR IGNORE INTO sim_postings (feature, doc_id) VALUES (?, ?)", sorted(postings)
        )
        self.conn.executemany(
            "INSERT INTO sim_df (feature, df) VALUES (?, ?) "
            "ON CONFLICT (feature) DO UPDATE SET df = sim_df.df + excluded.df",
            sorted(df.items()),
        )

    def count(self, change: int) -> None:
        if change:
            self.conn.execute(
                "UPDATE sim_meta SET value = CAST(value AS INTEGER) + ? WHERE key = 'docs'",
                (change,),
            )

    def count_sources(self, change: Counter[int]) -> dict[int, tuple[int, int]]:
        """Add to the sources' counts of releases; their (count before, count after)."""
        before = self.source_docs(list(change))
        self.conn.executemany(
            "INSERT INTO sim_sources (source, docs, version, boilerplate, weights) "
            "VALUES (?, ?, 0, ?, ?) ON CONFLICT (source) DO UPDATE "
            "SET docs = sim_sources.docs + excluded.docs",
            [(s, n, b"", b"") for s, n in sorted(change.items())],
        )
        return {s: (before.get(s, 0), before.get(s, 0) + n) for s, n in change.items()}

    def count_lines(self, change: Counter[tuple[int, int]]) -> None:
        """Add to the counts of releases of each (source, line); lines at 0 are forgotten."""
        if not change:
            return
        self.conn.executemany(
            "INSERT INTO sim_lines (source, line, docs) VALUES (?, ?, ?) "
            "ON CONFLICT (source, line) DO UPDATE SET docs = sim_lines.docs + excluded.docs",
            sorted((s, line, n) for (s, line), n in change.items()),
        )
        if any(n < 0 for n in change.values()):
            self.conn.executemany(
                "DELETE FROM sim_lines WHERE source = ? AND line = ? AND docs <= 0",
                sorted(key for key, n in change.items() if n < 0),
            )

    def line_counts(self, source: int, lines: Iterable[int]) -> dict[int, int]:
        """On how many of the source's releases each of these lines is."""
        sql = f"SELECT line, docs FROM sim_lines WHERE source = {int(source)} AND line IN ({{}})"
        return self._pairs(sql, lines)

    def doc_lines(self, ids: Iterable[int], source: int) -> set[int]:
        """The lines of these releases of the source (those in the index)."""
        out: set[int] = set()
        for part in chunks(list(ids), 500):
            marks = ",".join("?" * len(part))
            rows = self.conn.execute(
                f"SELECT lines FROM sim_docs WHERE source = ? AND doc_id IN ({marks})",
                [source, *part],
            ).fetchall()
            for (blob,) in rows:
                out.update(unpack(blob))
        return out

    def source_docs(self, sources: list[int]) -> dict[int, int]:
        return self._pairs("SELECT source, docs FROM sim_sources WHERE source IN ({})", sources)

    def latest_features(self, source: int, limit: int) -> list[bytes]:
        """The feature blobs of a source's latest releases in the index."""
        rows = self.conn.execute(
            "SELECT features FROM sim_docs WHERE source = ? ORDER BY doc_id DESC LIMIT ?",
            (source, limit),
        ).fetchall()
        return [row[0] for row in rows]

    def save_boilerplate(self, source: int, features: list[int], weights: list[int]) -> None:
        self.conn.execute(
            "UPDATE sim_sources SET version = version + 1, boilerplate = ?, weights = ? "
            "WHERE source = ?",
            (pack(features), pack(weights, "B"), source),
        )

    def versions(self, sources: list[int]) -> dict[int, int]:
        """The boilerplate versions of these sources (those with one)."""
        marks = ",".join("?" * len(sources))
        return dict(
            self.conn.execute(
                f"SELECT source, version FROM sim_sources WHERE source IN ({marks}) "
                "AND version > 0",
                sources,
            ).fetchall()
        )

    def boilerplate(self, source: int) -> tuple[int, array[int], array[int]]:
        """A source's boilerplate: (version, features, weights in percent)."""
        row = self.conn.execute(
            "SELECT version, boilerplate, weights FROM sim_sources WHERE source = ?", (source,)
        ).fetchone()
        if row is None:
            return 0, array("I"), array("B")
        return row[0], unpack(row[1]), unpack(row[2], "B")

    def remove_ids(self, ids: list[int]) -> int:
        """Forget these releases (their postings and frequencies too); how many were known."""
        old = []
        for part in chunks(ids, 500):
            marks = ",".join("?" * len(part))
            old += self.conn.execute(
                "SELECT doc_id, features, posted, source, lines FROM sim_docs "
                f"WHERE doc_id IN ({marks})",
                part,
            ).fetchall()
        if not old:
            return 0
        df: Counter[int] = Counter()
        postings = []
        sources: Counter[int] = Counter()
        lines: Counter[tuple[int, int]] = Counter()
        for doc_id, features, posted, source, keys in old:
            df.update(unpack(features))
            postings.extend((f, doc_id) for f in unpack(posted))
            sources[source] -= 1
            lines.update((source, key) for key in unpack(keys))
        self.count_lines(Counter({key: -n for key, n in lines.items()}))
        self.conn.executemany(
            "UPDATE sim_sources SET docs = docs + ? WHERE source = ?",
            [(n, s) for s, n in sources.items()],
        )
        self.conn.executemany("DELETE FROM sim_postings WHERE feature = ? AND doc_id = ?", postings)
        self.conn.executemany(
            "UPDATE sim_df SET df = df - ? WHERE feature = ?", [(n, f) for f, n in df.items()]
        )
        self.conn.executemany(
            "DELETE FROM sim_df WHERE feature = ? AND df <= 0", [(f,) for f in df]
        )
        self.conn.executemany("DELETE FROM sim_docs WHERE doc_id = ?", [(d[0],) for d in old])
        return len(old)

    # --- reads ----------------------------------------------------------------------------

    def docs(self) -> int:
        row = self.conn.execute("SELECT value FROM sim_meta WHERE key = 'docs'").fetchone()
        return int(row[0])

    def df(self, features: Iterable[int]) -> dict[int, int]:
        return self._pairs("SELECT feature, df FROM sim_df WHERE feature IN ({})", features)

    def _pairs(self, sql: str, keys: Iterable[int]) -> dict[int, int]:
        """The (key, value) rows of `sql` for these keys, asked 900 at a time."""
        out: dict[int, int] = {}
        for part in chunks(list(keys), 900):
            out.update(self.conn.execute(sql.format(",".join("?" * len(part))), part).fetchall())
        return out

    def best_sharing(
        self, chosen: list[tuple[int, float]], limit: int, exclude: set[int] | frozenset[int]
    ) -> list[int]:
        """Releases sharing the most weight of these (feature, weight) pairs, best first."""
        if not chosen:
            return []
        values = ",".join("(?, ?)" for _ in chosen)
        params = [x for pair in chosen for x in pair]
        rows = self.conn.execute(
            f"WITH q(feature, weight) AS (VALUES {values}) "
            "SELECT p.doc_id FROM q JOIN sim_postings AS p ON p.feature = q.feature "
            "GROUP BY p.doc_id ORDER BY sum(q.weight) DESC, p.doc_id LIMIT ?",
            [*params, limit + len(exclude)],
        ).fetchall()
        return [doc_id for (doc_id,) in rows if doc_id not in exclude][:limit]

    def rows(self, ids: list[int]) -> list[DocRow]:
        marks = ",".join("?" * len(ids))
        return self.conn.execute(
            "SELECT doc_id, title, lead, features, bridge, no_space, source, lead_features "
            "FROM sim_docs "
            f"WHERE doc_id IN ({marks})",
            ids,
        ).fetchall()


class _Savepoint:
    """Atomic block that nests inside the caller's transaction, or commits on its own.

    On its own it takes the write lock first (BEGIN IMMEDIATE): a read-then-write transaction
    would fail at once, not wait, when another connection (the service's other jobs) wrote
    since it read."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.own = False

    def __enter__(self) -> None:
        self.own = not self.conn.in_transaction
        if self.own:
            self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("SAVEPOINT sim_write")

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is not None:
            self.conn.execute("ROLLBACK TO sim_write")
        self.conn.execute("RELEASE sim_write")
        if self.own:
            self.conn.execute("COMMIT" if exc_type is None else "ROLLBACK")


def chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
