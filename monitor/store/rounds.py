"""A queued check's round read back from the catalogue: the rows its workers left in `checks`.

Each queued check of one source writes its row with the round and source in `summary` from its
start (so a row left `running` by a killed worker still names them), and, when it ends, what it
found (the errors and source results; events point at their row by `check_id`). The `monitor
check` that sent the round assembles its report from these, with no result backend.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from monitor.store.dialect import json_text


@dataclass
class RoundCheck:
    check_id: int
    source: str
    done: bool
    detail: dict[str, Any] = field(default_factory=dict)


def last_check_id(conn: sqlite3.Connection) -> int:
    """Rows of a round sent after this are all above it."""
    return int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM checks").fetchone()[0])


def round_checks(conn: sqlite3.Connection, round_id: str, after: int) -> list[RoundCheck]:
    """The round's rows, oldest first."""
    rows = conn.execute(
        "SELECT id, status, summary FROM checks WHERE id > ? AND summary IS NOT NULL "
        f"AND {json_text(conn, 'summary', 'round')} = ? ORDER BY id",
        (after, round_id),
    ).fetchall()
    found = []
    for check_id, status, summary in rows:
        data = json.loads(summary)
        found.append(RoundCheck(check_id, data["source"], status == "done", data.get("detail", {})))
    return found
