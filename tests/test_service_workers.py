"""Sources are checked independently: one that hangs holds up no other (a real `monitor run`, a
real HTTP server on 127.0.0.1, a real store), and the store lock stays one writer at a time."""

from __future__ import annotations

import json
import socketserver
import subprocess
import threading
import time

import pytest
from filelock import FileLock

from monitor.demo.server import FixtureServer
from monitor.store.lease import WAITING, StoreLease, take_lock
from tests.test_service import (
    ENV,
    MONITOR,
    inbox,
    query,
    service,
    unsent_events,
    versions,
    wait_for,
    write_config,
)

__all__ = ["inbox"]  # the SMTP server fixture


class Trickle:
    """A server that accepts, answers 200 and then sends one byte a second, for ever: a source
    whose pages trickle in. Records the path of every request as it arrives."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.closing = threading.Event()
        outer = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                path = self.rfile.readline().decode("latin-1").split(" ")[1]
                outer.paths.append(path)
                while self.rfile.readline().strip():
                    pass
                if path == "/robots.txt":
                    self.wfile.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n"
                                     b"Connection: close\r\n\r\n")
                    return
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>")
                while not outer.closing.wait(1.0):
                    try:
                        self.wfile.write(b" ")
                        self.wfile.flush()
                    except OSError:
                        return

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def close(self) -> None:
        self.closing.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def trickle():
    server = Trickle()
    yield server
    server.close()


@pytest.mark.slow
def test_a_hung_source_never_delays_another(ministry, inbox, trickle):
    mail, port = inbox
    listing = ministry.server.url(ministry.layout.listing(1))
    # the same site at a second address: two sources on one host are never checked at once
    mirror = FixtureServer(routes=ministry.server.routes).start()
    config = write_config(
        ministry,
        port,
        fetch={"per_host_delay": 0, "retries": 0, "timeout": 45},
        # the first digest waits this long at most for the hung sources' baselines
        schedule={"every": "1s", "jitter": 0, "max_backoff": "4s", "baseline_wait": "2s"},
        sources=[
            {"name": "slow", "url": trickle.url("/news")},
            {"name": "slow-km", "url": trickle.url("/km/news")},  # same host: waits its turn
            {"name": "ministry", "url": listing},
            # a second fast source: two checks end, and deliver, at the same moment
            {"name": "mirror", "url": mirror.url(ministry.layout.listing(1)), "every": "1h"},
        ],
    )

    def hung() -> int:
        return trickle.paths.count("/news") + trickle.paths.count("/km/news")

    with mirror, service(config) as svc:
        wait_for(hung, what="the trickling source's request")
        # every: 1s; a single worker would sit behind the trickling check until it gave up
        wait_for(lambda: len(svc.checks("ministry")) >= 4, timeout=40, what="four checks")
        assert svc.checks("slow") == svc.checks("slow-km") == []  # still trickling
        # never checked twice at once, however overdue; nor two sources of one host
        assert hung() == 1
        wait_for(lambda: svc.checks("mirror"), what="the second source's check")
        wait_for(lambda: unsent_events(config) == 0, what="every event emailed")
        status = subprocess.run(
            [*MONITOR, "status", "--json", "--config", str(config)],
            capture_output=True, text=True, env=ENV, timeout=30,
        )  # fmt: skip
        started = time.monotonic()
        assert svc.stop() == 0
        assert time.monotonic() - started < 15  # the hung check is abandoned, not waited for
    assert all(c["ok"] for c in svc.checks("ministry"))
    ids = [m["Message-ID"] for m in mail.messages]
    assert ids and len(ids) == len(set(ids))  # concurrent deliveries never sent a digest twice
    for source in ("ministry", "mirror"):
        assert versions(config, source) == len(ministry.releases)
    sources = {s["name"]: s for s in json.loads(status.stdout)["sources"]}
    assert sources["ministry"]["result"] == "ok" and sources["slow"]["result"] == "never checked"
    assert sources["slow-km"]["result"] == "never checked"
    assert sources["mirror"]["result"] == "ok"
    # concurrent checks never closed each other as "interrupted"
    assert query(config, "SELECT COUNT(*) FROM checks WHERE status = 'interrupted'") == [(0,)]
    assert query(config, "PRAGMA integrity_check") == [("ok",)]


def test_a_waiting_writer_stops_jobs_joining_the_lease(tmp_path):
    """The service's jobs share one hold on the store lock; a process waiting for the lock
    (holding the waiting lock) lets that hold end instead of waiting behind new jobs."""
    lease = StoreLease(tmp_path)
    assert lease.acquire() is True  # taken from nobody
    assert lease.acquire() is False  # a second job joins
    got: list[object] = []
    done = threading.Event()

    def writer() -> None:  # a `monitor check` in another process, in effect
        lock = take_lock(tmp_path, wait=30)
        got.append(lock)
        done.wait(30)
        if lock is not None:
            lock.release()

    waiter = threading.Thread(target=writer)
    waiter.start()
    wait_for(lambda: _held(tmp_path / WAITING), timeout=10, what="the writer to wait")
    assert lease.acquire() is None  # a third job must not join now
    lease.release()
    assert not got  # one job still in flight
    lease.release()
    wait_for(lambda: got, timeout=10, what="the writer to get the lock")
    assert got[0] is not None  # the waiting writer got the lock when the lease ended
    assert lease.acquire() is None  # and the service waits for it in turn
    done.set()
    waiter.join(timeout=10)
    assert lease.acquire() is True


def _held(path) -> bool:
    probe = FileLock(str(path))
    try:
        probe.acquire(timeout=0)
    except Exception:
        return True
    probe.release()
    return False
