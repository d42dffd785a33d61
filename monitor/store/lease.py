"""The store lock: one writing process at a time, shared by the service's concurrent jobs.

A writer holds `<store>/.lock`. `monitor run` checks several sources at once (a slow source must
not hold up the others), so its jobs share one hold on that lock, a lease: the first job to start
takes it, the last to end lets it go, and each job writes through its own SQLite connection
(WAL, `BEGIN IMMEDIATE`, so writes queue inside SQLite instead of failing).

A process that waits for the lock (a `monitor check` typed beside the service) says so by
holding `<store>/.lock-wait` while it waits. A job of the service then does not join a lease
already held: the jobs in flight finish, the lease ends, the waiting check runs, and the service
goes on after it. Without that, sources due often could keep the lease held for ever.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from filelock import FileLock, Timeout

LOCK = ".lock"
WAITING = ".lock-wait"


def take_lock(root: Path, wait: float) -> FileLock | None:
    """The store lock for one writer, within `wait` seconds; None when another process keeps it.

    While it waits it holds the waiting lock, so the service lets its lease end.
    """
    lock = FileLock(str(root / LOCK))
    try:
        lock.acquire(timeout=0)
        return lock
    except Timeout:
        if wait <= 0:
            return None
    deadline = time.monotonic() + wait
    waiting = FileLock(str(root / WAITING))
    try:
        waiting.acquire(timeout=wait)  # another process waiting too: queue behind it
    except Timeout:
        return None
    try:
        lock.acquire(timeout=max(0.0, deadline - time.monotonic()))
        return lock
    except Timeout:
        return None
    finally:
        waiting.release()


def someone_waits(root: Path) -> bool:
    """Does another process wait for the store lock (holding the waiting lock)?"""
    probe = FileLock(str(root / WAITING))
    try:
        probe.acquire(timeout=0)
    except Timeout:
        return True
    except OSError:
        return False  # cannot tell (a read-only folder): behave as before, join
    probe.release()
    return False


class StoreLease:
    """The service's one hold on the store lock, shared by the jobs that run at once."""

    def __init__(self, root: Path):
        self.root = root
        self._lock = FileLock(str(root / LOCK), thread_local=False)
        self._mutex = threading.Lock()

    def acquire(self) -> bool | None:
        """Join the lease or take the lock, without waiting. True: the lock was taken now (no
        job of this process is writing); False: joined a lease held by other jobs; None: the
        store is busy (another process holds the lock, or waits for it while jobs run here)."""
        with self._mutex:
            held = self._lock.is_locked
            if held and someone_waits(self.root):
                return None
            try:
                self._lock.acquire(timeout=0)
            except Timeout:
                return None
            return not held

    def release(self) -> None:
        with self._mutex:
            self._lock.release()

    @property
    def held(self) -> bool:
        return self._lock.is_locked
