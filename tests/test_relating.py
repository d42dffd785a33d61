"""A check's related releases looked up in the reading processes (`monitor.run.relating`)."""

from __future__ import annotations

import os
import sqlite3

from monitor.context.matching import HITS_WANTED
from monitor.context.similar import SimilarityIndex
from monitor.run import workers
from monitor.store.catalogue import Store
from tests.test_matching import PKO, _new
from tests.test_similar import RELATED


def test_a_reading_process_answers_as_the_index_does_in_process(tmp_path):
    """On its own read-only connection to the catalogue file, with the index's writes of the
    check's process visible as they are committed."""
    path = tmp_path / "catalogue.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    index = SimilarityIndex(conn, min_score=0)
    texts = sorted(RELATED.glob("ag-*.txt"))
    docs = [p.read_text("utf-8").partition("\n\n") for p in texts]
    rooms = sorted({p.stem[:-4] for p in texts})
    sources = [rooms.index(p.stem[:-4]) + 1 for p in texts]
    index.add_many((i, t.strip(), x.strip(), sources[i - 1])
                   for i, (t, _, x) in enumerate(docs, 1))  # fmt: skip
    with workers.reading_pool() as pool:

        def both(i: int) -> tuple[list, list]:
            title, text = docs[i - 1][0].strip(), docs[i - 1][2].strip()
            source = sources[i - 1]
            there = pool.submit(workers.related_hits, str(path), title, text, source, i,
                                **HITS_WANTED).result(timeout=60)  # fmt: skip
            here = index.query(title, text, exclude={i}, source=source, **HITS_WANTED)
            return there, here

        number = {p.stem: i for i, p in enumerate(texts, 1)}
        oregon, virginia = number["ag-oregon-000"], number["ag-virginia-000"]  # one settlement
        for i in (oregon, virginia, number["ag-california-000"]):
            there, here = both(i)
            assert there == here
        assert virginia in dict(both(oregon)[0])
        index.remove(virginia)  # committed: the reading process's next lookup has it no more
        there, here = both(oregon)
        assert there == here and virginia not in dict(there)
        pids = pool.submit(os.getpid).result(timeout=60)
    assert pids != os.getpid()  # asked in another process


def test_stored_events_carry_the_related_releases_the_check_reported(ministry):
    events = _new(ministry)
    pko = events[ministry.url(ministry.release(PKO))]
    assert pko.related and pko.related[0].score >= 90
    with Store.open(ministry.config().snapshots_dir, readonly=True) as store:
        stored = {e.url: e for e in store.events()}
    for url, event in events.items():
        assert stored[url].related == event.related
    assert sum(bool(e.related) for e in events.values()) > 1


def test_a_check_indexes_the_releases_a_stopped_check_stored_without_indexing(ministry):
    """A check indexes the releases it stores together, before anything asks the index; one
    stopped in between (killed) leaves stored releases out of the index, and the next check
    indexes them first, so they are found as related releases again."""
    ministry.baseline()
    root = ministry.config().snapshots_dir
    with Store.open(root) as store:
        index = SimilarityIndex(store.conn)
        ids = [row[0] for row in store.conn.execute("SELECT id FROM releases ORDER BY id")]
        for doc_id in ids[-3:]:
            index.remove(doc_id)
        assert len(index) == len(ids) - 3
    ministry.check()
    with Store.open(root, readonly=True) as store:
        indexed = {row[0] for row in store.conn.execute("SELECT doc_id FROM sim_docs")}
        assert indexed == set(ids) and len(SimilarityIndex(store.conn)) == len(ids)
