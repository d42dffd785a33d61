"""A check's new releases' related releases, looked up in the reading processes.

The lookup (the index's candidates and their scores: SQLite and Python work, a quarter to half
of a baseline's time in the check's own process) is the same whichever process asks, so a new
release's is asked for once the release is stored, from a reading process with a read-only
connection to the catalogue file, while the check goes on fetching and reading. The check then
finishes it (`Matcher.related` with the hits) and writes it into the stored event. Releases
stored meanwhile are in the index it reads, as they would be for a lookup made in process.

On a PostgreSQL catalogue, or when a reading process fails, the lookup runs in the check's own
process, as before.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import Executor
from functools import partial

from monitor.context.matching import HITS_WANTED, Lookup, Matcher
from monitor.run.workers import related_hits
from monitor.store.catalogue import Store
from monitor.store.sqlite_file import database_path

log = logging.getLogger(__name__)


async def relate(lookups: list[Lookup], matcher: Matcher, store: Store, pool: Executor) -> None:
    """Fill in the related releases of these stored new releases' events, and store them;
    first, index the releases stored since the last time (`Matcher.remember_later`)."""
    matcher.flush()
    if not lookups:
        return
    database = database_path(store.conn) if store.dialect == "sqlite" else None
    loop = asyncio.get_running_loop()
    asked = [
        loop.run_in_executor(pool, partial(related_hits, database, lk.title, lk.text,
                                           lk.source_id, lk.release_id, **HITS_WANTED))
        if database else None
        for lk in lookups
    ]  # fmt: skip
    related = []
    for lookup, answer in zip(lookups, asked, strict=True):
        hits = None
        if answer is not None:
            try:
                hits = await answer
            except Exception as exc:  # a reading process that died: ask in process
                log.warning("related releases looked up in process (%r)", exc)
        event = lookup.event
        event.related = matcher.related(
            lookup.title, lookup.text, exclude=lookup.release_id, url=lookup.url,
            source_id=lookup.source_id, themes=lookup.themes, hits=hits,
        )  # fmt: skip
        if event.related and event.id is not None:
            related.append(event)
    if related:
        store.update_event_payloads(related)
