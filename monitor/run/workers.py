"""Where a check reads its pages: one pool of processes, one per core, for the process's life.

Reading a page (parsing, walking its lines, trafilatura) is Python-level work that threads
cannot run in parallel, so each core gets a process. The processes are forked from a
forkserver that has already imported the reading stage, so they start in milliseconds and
share those pages of memory; forking from the check's own process is avoided because a
service has scheduler threads whose locks a fork would copy mid-use. On a one-core machine
the pages are read in one thread beside the event loop.

The pool is started by the first check and kept: a service (or a test run) checking every few
minutes does not start processes per check, and the service's concurrent checks share it, so
together they keep one reading process per core. Each check holds a lease on it
(`reading_pool()`): closing the lease cancels what that check still has queued and leaves the
pool to the others. A pool broken by a dead process is replaced at the next submission. At exit
the standard library stops the processes (concurrent.futures joins them before the interpreter
ends). A forked child starts its own pool instead of using its parent's, with spawned processes:
multiprocessing cannot share the parent's forkserver with a child.

As with any process pool, a script that runs a check must keep its work under
`if __name__ == "__main__":`: the processes import the script's main module.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import (
    BrokenExecutor,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
)
from functools import partial
from pathlib import Path
from typing import Any

from monitor.extract.reading import learn_tree
from monitor.extract.sitenames import listing_site_names
from monitor.extract.template import PageKeys, Template
from monitor.extract.tree import parse_page
from monitor.fetch.pages import page_from_bytes
from monitor.models import Listing
from monitor.sources import discover
from monitor.store.sqlite_file import open_sqlite

# What the forkserver imports once, so the reading processes it forks share those pages: the
# readers and their libraries, which the check's own process never loads (`monitor.extract`);
# then `frozen`, which keeps the garbage collector of each reading process off those pages.
_PRELOAD = ["monitor.extract.html", "monitor.extract.pdf", "monitor.sources", "monitor.run.frozen"]
_lock = threading.Lock()
_pool: Executor | None = None
_start = "forkserver"  # how reading processes start (see _after_fork_in_child)
_forkserver_used = False


def _cores() -> int:
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return len(cores) if cores else (os.cpu_count() or 1)


def _new_pool() -> Executor:
    global _forkserver_used
    cores = _cores()
    if cores <= 1:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="read")
    context = multiprocessing.get_context(_start)
    if _start == "forkserver":
        context.set_forkserver_preload(_PRELOAD)
        _forkserver_used = True
    return ProcessPoolExecutor(max_workers=cores, mp_context=context,
                               initializer=_watch_owner, initargs=(os.getpid(),))  # fmt: skip


def _watch_owner(owner: int) -> None:
    """In each reading process: end it when the process whose pool it serves is gone.

    A check killed outright (`kill -9`, the OOM killer) leaves its reading processes waiting on
    queues they hold both ends of, and the forkserver that made them waiting for more work:
    ~100 MB for good, per killed worker. So each reading process looks every few seconds, and
    takes an orphaned forkserver with it."""
    if Path("/proc/self/stat").exists():
        threading.Thread(target=_orphan_watch, args=(owner,), daemon=True).start()


def _orphan_watch(owner: int, every: float = 2.0) -> None:
    parent = os.getppid()  # the forkserver, or the owner itself (spawn, fork)
    # Only the owner's own forkserver is ever stopped: a process that started after its owner
    # died was adopted by init or a subreaper, which a signal must never reach.
    forkserver = parent != owner and _parent_of(parent) == owner
    while True:
        time.sleep(every)
        if os.getppid() == parent and (parent == owner or _parent_of(parent) == owner):
            continue
        if forkserver and os.getppid() == parent:  # it outlived the owner: it serves nobody
            with contextlib.suppress(OSError):
                os.kill(parent, signal.SIGTERM)
        os._exit(0)


def _parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _shared(broken: Executor | None = None) -> Executor:
    """The process's pool, started on first use; `broken` (a pool that refused work) is
    replaced unless another thread has replaced it already."""
    global _pool
    with _lock:
        if _pool is None or _pool is broken:
            if broken is not None:
                broken.shutdown(wait=False, cancel_futures=True)
            _pool = _new_pool()
        return _pool


def _submit(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Future[Any]:
    pool = _shared()
    try:
        return pool.submit(fn, *args, **kwargs)
    except BrokenExecutor:  # a reading process died (killed, out of memory): start afresh
        return _shared(broken=pool).submit(fn, *args, **kwargs)


class _Lease(Executor):
    """One check's use of the shared pool: shutting the lease down (the end of the check's
    `with`) cancels the reads the check left queued, not the pool."""

    def __init__(self) -> None:
        self._futures: set[Future[Any]] = set()
        self._guard = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future = _waiting(fn, args, kwargs) or _submit(fn, args, kwargs)
        with self._guard:
            self._futures.add(future)
        future.add_done_callback(self._forget)
        return future

    def _forget(self, future: Future[Any]) -> None:
        with self._guard:
            self._futures.discard(future)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._guard:
            pending = list(self._futures)
        for future in pending:
            future.cancel()  # a read already running finishes in its process, unwaited


# Submissions made while the pool starts: handed to it once it runs. Submitting to a process
# pool starts its processes, and the first start waits for the forkserver to import the
# readers (~0.5 s): a check's event loop would stand still that long, its fetching too. So the
# first submission starts the pool in a thread, and what is submitted meanwhile waits for it
# without blocking the caller.
_starting: list[tuple[Future[Any], Callable[..., Any], tuple[Any, ...], dict[str, Any]]] | None
_starting = None


def _waiting(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
             ) -> Future[Any] | None:  # fmt: skip
    """A future for `fn`, run once the pool runs; None when the pool runs already."""
    global _starting
    with _lock:
        if _pool is not None and _starting is None:
            return None
        if _starting is None:
            _starting = []
            threading.Thread(target=_start_pool, name="reading-pool-start", daemon=True).start()
        future: Future[Any] = Future()
        _starting.append((future, fn, args, kwargs))
        return future


def _start_pool() -> None:
    global _starting
    with contextlib.suppress(Exception):  # a pool that cannot start fails the reads below
        _shared().submit(os.getpid).result()
    with _lock:
        waiting, _starting = _starting or [], None
    for future, fn, args, kwargs in waiting:
        if future.set_running_or_notify_cancel():  # False: the check cancelled it meanwhile
            try:
                _submit(fn, args, kwargs).add_done_callback(partial(_settle, future))
            except Exception as exc:  # the caller's future carries it
                future.set_exception(exc)


def _settle(future: Future[Any], done: Future[Any]) -> None:
    if done.cancelled():
        future.set_exception(BrokenExecutor("the reading pool was shut down"))
    elif done.exception() is not None:
        future.set_exception(done.exception())
    else:
        future.set_result(done.result())


def reading_pool() -> Executor:
    """A lease on the process's reading pool, for `monitor.extract`'s module-level functions
    (their arguments and results are plain picklable records). Use it in a `with`."""
    return _Lease()


def _after_fork_in_child() -> None:
    # The parent's pool belongs to the parent (its processes, pipes and manager thread are
    # not the child's), and its lock may have been held by another thread at the fork. The
    # parent's forkserver cannot start the child's processes (multiprocessing would wait for
    # it as the child's own child and fail), so the child spawns them.
    global _pool, _lock, _start, _starting
    _pool, _starting = None, None
    _lock = threading.Lock()
    if _forkserver_used:
        _start = "spawn"


os.register_at_fork(after_in_child=_after_fork_in_child)


def read_listing(
    html: str, url: str, links: str | None, like: str | None, learn: bool
) -> tuple[Listing, PageKeys | None, set[str]]:
    """A listing page's release links, and what it teaches (`learn_listing`): in a reading
    process, beside the check's fetching."""
    listing = discover(html, url, links=links, like=like)
    keys, names = learn_listing(html, url, learn and listing.kind == "listing")
    return listing, keys, names


def learn_listing(html: str, url: str, learn: bool) -> tuple[PageKeys | None, set[str]]:
    """The site's names a listing page's chrome shows, and when `learn`, what that chrome
    teaches the source's template profile."""
    tree = parse_page(html) if learn else None
    keys = learn_tree(tree, url, listing=True) if tree is not None else None
    return keys, listing_site_names(html, url)


def stored_mark(
    body: bytes,
    url: str,
    content_type: str,
    paragraphs: tuple[str, ...],
    template: Template,
    selectors: dict[str, str | None],
) -> str | None:
    """The mark (the fingerprint of a reading in the source's first statement region) of a
    stored body read before that region was learned: the one a reading with `template` gives
    it, where that reading reads the stored `paragraphs`. A page whose statement a reading
    would not take from the region (it holds a caption, short lines that read as no
    statement, text in another script) gets none: its region's lines say nothing of it."""
    from monitor.extract import read_page

    reading = read_page(page_from_bytes(body, url, content_type), template=template, **selectors)
    return reading.fingerprint if reading.document.paragraphs == paragraphs else None


_INDEXES: dict[str, Any] = {}  # catalogue file -> SimilarityIndex, in a reading process
_INDEXES_KEPT = 2  # a test run's processes read many catalogues: the latest two stay open
_indexes_lock = threading.Lock()


def related_hits(
    database: str, title: str, text: str, source: int, exclude: int, k: int, min_score: float
) -> list[tuple[int, float]]:
    """A stored release's related releases as the index answers them (`run.relating`): in a
    reading process, on a read-only connection to the catalogue file, kept for the next."""
    from monitor.context.similar import SimilarityIndex

    key = f"{threading.get_ident()}:{database}"  # a one-core machine reads in a thread
    with _indexes_lock:
        index = _INDEXES.pop(key, None)
    if index is None:
        index = SimilarityIndex(open_sqlite(Path(database), readonly=True))
    try:
        return index.query(title, text, k=k, exclude={exclude}, source=source,
                           min_score=min_score)  # fmt: skip
    finally:
        with _indexes_lock:
            _INDEXES[key] = index  # the most recent last
            while len(_INDEXES) > _INDEXES_KEPT:
                _INDEXES.pop(next(iter(_INDEXES))).conn.close()
