"""Each source's learned template (see `extract.profile`), kept in the catalogue.

Loaded when a source's check starts and saved when it ends (only what changed). Losing a save
to a crash loses only some learning: the pages are read again next time, and nothing about a
release's versions depends on it.
"""

from __future__ import annotations

import sqlite3

from monitor.extract.profile import Seen, SiteProfile


def load_profile(conn: sqlite3.Connection, source_id: int) -> SiteProfile:
    profile = SiteProfile()
    try:
        rows = conn.execute(
            "SELECT kind, key, first_page, second_page, pages, long FROM template_keys "
            "WHERE source_id=?",
            (source_id,),
        ).fetchall()
    except sqlite3.OperationalError:  # a store opened read-only before its first check here
        return profile
    for kind, key, first, second, pages, long in rows:
        table = {0: profile.blocks, 2: profile.volatile}.get(kind)
        if table is None:
            continue
        table[key] = Seen(first, second, pages, bool(long), dirty=False)
    for region, releases in conn.execute(
        "SELECT region, releases FROM template_regions WHERE source_id=?", (source_id,)
    ):
        profile.regions[region] = releases
    return profile


def save_profile(conn: sqlite3.Connection, source_id: int, profile: SiteProfile) -> None:
    """Write what changed since the profile was loaded (call inside a transaction)."""
    forget = profile.prunable()
    if forget:
        conn.executemany(
            "DELETE FROM template_keys WHERE source_id=? AND kind=? AND key=?",
            [(source_id, kind, key) for kind, key in forget],
        )
    rows = []
    for kind, table in ((0, profile.blocks), (2, profile.volatile)):
        for key, seen in table.items():
            if seen.dirty:
                rows.append((source_id, kind, key, seen.first, seen.second, seen.pages, seen.long))
                seen.dirty = False
    conn.executemany(
        "INSERT INTO template_keys(source_id, kind, key, first_page, second_page, pages, long) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(source_id, kind, key) DO UPDATE SET "
        "second_page=excluded.second_page, pages=excluded.pages",
        rows,
    )
    conn.executemany(
        "INSERT INTO template_regions(source_id, region, releases) VALUES (?, ?, ?) "
        "ON CONFLICT(source_id, region) DO UPDATE SET releases=excluded.releases",
        [(source_id, r, profile.regions[r]) for r in profile.dirty_regions],
    )
    profile.dirty_regions.clear()
