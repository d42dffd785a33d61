"""Where a check reads its pages: a pool of processes, one per core.

Reading a page (parsing, walking its lines, trafilatura) is Python-level work that threads
cannot run in parallel, so each core gets a process. The processes are forked from a
forkserver that has already imported the reading stage, so a pool starts in milliseconds and
shares those pages of memory; forking from the check's own process is avoided because a
service has scheduler threads whose locks a fork would copy mid-use. On a one-core machine
the pages are read in one thread beside the event loop. The service's concurrent checks share
the cores: each check's pool gets cores / checks processes (at least one).

As with any process pool, a script that runs a check must keep its work under
`if __name__ == "__main__":`: the processes import the script's main module.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor

from monitor.extract import learn_page
from monitor.extract.template import PageKeys
from monitor.models import Listing
from monitor.sources import discover

_PRELOAD = ["monitor.extract", "monitor.sources"]
_share = 1  # checks this process runs at once (the service's workers): they divide the cores


def share_cores(checks: int) -> None:
    """Up to `checks` checks run at once from now on: each pool gets its share of the cores, so
    together they keep about one reading process per core, not one per core per check."""
    global _share
    _share = max(1, checks)


def _cores() -> int:
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    return len(cores) if cores else (os.cpu_count() or 1)


def reading_pool(size: int | None = None) -> Executor:
    """An executor for `monitor.extract`'s module-level functions (their arguments and
    results are plain picklable records). `size` defaults to the machine's cores (its share
    of them, see share_cores)."""
    cores = _cores()
    if size is None:
        size = max(1, cores // _share)
    if cores <= 1 or (size <= 1 and _share == 1):
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="read")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return ProcessPoolExecutor(max_workers=size, mp_context=context)


def read_listing(
    html: str, url: str, links: str | None, like: str | None, learn: bool
) -> tuple[Listing, PageKeys | None]:
    """A listing page's release links and, when `learn`, what its chrome teaches the source's
    template profile: both in a reading process, beside the check's fetching."""
    listing = discover(html, url, links=links, like=like)
    return listing, (learn_page(html, url) if learn and listing.kind == "listing" else None)
