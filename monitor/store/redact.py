"""Cut credentials out of URLs that stores written before redaction kept.

A source configured as `https://user:pass@host/news` used to store that URL, and every release
URL joined to it, in the catalogue and in pending digests. The monitor now keys everything by the
URL without user-info (`access.redact`), so such a store is rewritten once, on opening: otherwise
each release would look new under its bare URL. A row whose bare URL already exists is left as is.
"""

from __future__ import annotations

import re
import sqlite3

_USERINFO = re.compile(r"(?i)\b(https?://)[^/\s\"'@]+@")
_COLUMNS = (  # (table, column) that hold URLs, or text with URLs in it
    ("sources", "url"), ("releases", "url"), ("pages", "url"), ("versions", "final_url"),
    ("events", "payload"),
)  # fmt: skip


def _redact(text: str | None) -> str | None:
    return _USERINFO.sub(r"\1", text) if text else text


def redact_stored_urls(conn: sqlite3.Connection) -> None:
    conn.create_function("monitor_redact", 1, _redact, deterministic=True)
    for table, column in _COLUMNS:
        conn.execute(
            f"UPDATE OR IGNORE {table} SET {column} = monitor_redact({column}) "
            f"WHERE {column} LIKE '%://%@%' AND monitor_redact({column}) != {column}"
        )
