"""The reading pool: one per process, kept across checks, replaced when broken, stopped at exit,
never shared with a forked child. Reading processes are found in /proc (Linux): they are the
children of this process's forkserver."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import BrokenExecutor, Future
from pathlib import Path

import pytest

from monitor.run.workers import reading_pool

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists() or len(os.sched_getaffinity(0)) < 2,
    reason="needs Linux's /proc and two cores (on one core pages are read in a thread)",
)


def _parents() -> dict[int, int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # ended meanwhile
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def reading_processes(pid: int | None = None) -> set[int]:
    """The grandchildren of `pid` (this process): the forkserver's children."""
    pid = os.getpid() if pid is None else pid
    parents = _parents()
    children = {child for child, parent in parents.items() if parent == pid}
    return {child for child, parent in parents.items() if parent in children}


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_checks_reuse_the_reading_processes(ministry):
    ministry.check()
    first = reading_processes()
    assert 1 <= len(first) <= len(os.sched_getaffinity(0))  # kept after the check, one per core
    ministry.publish(chrome_version=1)
    assert not ministry.check().events
    assert reading_processes() == first


def test_a_lease_cancels_its_own_queued_reads_and_leaves_the_pool():
    with reading_pool() as other:
        with reading_pool() as lease:
            queued: list[Future] = [lease.submit(time.sleep, 0.2) for _ in range(12)]
            while not queued[0].running():
                time.sleep(0.005)
        assert any(f.cancelled() for f in queued)  # more than the processes could take
        assert queued[0].result(timeout=30) is None  # a read already running is finished
        assert other.submit(os.getpid).result(timeout=30) in reading_processes()


def _pool():
    from monitor.run import workers

    return workers._shared()


def _pool_processes() -> set[int]:
    """The pids of this process's reading processes (one serves each task: any of them)."""
    return set(_pool_process_records())


def _pool_process_records() -> dict:
    return dict(getattr(_pool(), "_processes", None) or {})


def test_a_pool_broken_by_a_dead_process_is_replaced():
    with reading_pool() as lease:
        victim = lease.submit(os.getpid).result(timeout=30)
        broken = _pool()  # until it notices the death, its other processes may still answer
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while True:  # reads in flight when the pool notices fail; then a new pool answers
            try:
                reader = lease.submit(os.getpid).result(timeout=30)
            except BrokenExecutor:
                assert time.monotonic() < deadline, "the broken pool was never replaced"
                continue
            if _pool() is not broken and reader in _pool_processes() and not _alive(victim):
                break
            assert time.monotonic() < deadline, "the killed process's pool is still in use"
            time.sleep(0.05)
    with reading_pool() as lease:
        assert lease.submit(os.getpid).result(timeout=30) in reading_processes()


def test_a_forked_child_starts_its_own_pool():
    with reading_pool() as lease:
        parent_reader = lease.submit(os.getpid).result(timeout=30)
    parents = _pool_processes()
    assert parent_reader in parents
    kept = _pool_process_records()  # how each ended, should the pool change
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover (the child reports through the pipe)
        code = 1
        try:
            with reading_pool() as lease:
                os.write(write, str(lease.submit(os.getpid).result(timeout=60)).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    with os.fdopen(read) as pipe:
        child_reader = int(pipe.read() or 0)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert child_reader not in {0, child} | parents
    with reading_pool() as lease:  # the parent's pool is untouched
        assert lease.submit(os.getpid).result(timeout=30) in _pool_processes()
    ended = {pid: process.exitcode for pid, process in kept.items() if pid not in _pool_processes()}
    assert not ended, f"the parent's reading processes ended (pid: exit code): {ended}"
    assert child_reader not in _pool_processes()


@pytest.mark.slow
def test_the_reading_processes_end_with_the_process(tmp_path):
    script = (
        "import os\n"
        "from monitor.run.workers import reading_pool\n"
        "with reading_pool() as lease:\n"
        "    print(lease.submit(os.getpid).result(), flush=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0 and done.stderr == "", done.stderr  # no leak warnings either
    reader = int(done.stdout)
    deadline = time.monotonic() + 10
    while _alive(reader) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not _alive(reader)


_ADOPTER = """
import subprocess, sys
watcher = ("import sys; from monitor.run.workers import _orphan_watch; "
           "_orphan_watch(int(sys.argv[1]), 0.05)")
print(subprocess.Popen([sys.executable, "-c", watcher, sys.argv[1]]).wait(), flush=True)
"""


def test_a_reading_process_whose_owner_is_gone_signals_no_one(tmp_path):
    """A reading process that starts after its check died was adopted by init or a subreaper:
    it ends without signalling the process that adopted it (only the check's own forkserver,
    its parent while the check lived, is stopped)."""
    gone = subprocess.Popen([sys.executable, "-c", ""])
    gone.wait()  # the owner: a process that has ended
    adopter = subprocess.run([sys.executable, "-c", _ADOPTER, str(gone.pid)], cwd=tmp_path,
                             capture_output=True, text=True, timeout=120)  # fmt: skip
    assert adopter.returncode == 0 and adopter.stdout.strip() == "0", adopter


_CHECK_ALONE = """
import asyncio, json, sys
from pathlib import Path
import yaml
from monitor.config import load_config
from monitor.demo.samples import generate_releases
from monitor.demo.server import FixtureServer
from monitor.demo.site import build_site
from monitor.run.check import run_check
from monitor.store.catalogue import Store

READERS = ("trafilatura", "htmldate", "justext", "courlan", "pypdf")
with FixtureServer() as server:
    releases = generate_releases(8, seed=5)
    server.set_routes(build_site(releases, style="drupal", per_page=20, base_path="/news/",
                                 origin=server.origin, archives=False))
    Path("config.yaml").write_text(yaml.safe_dump({
        "snapshots": "snapshots", "fetch": {"per_host_delay": 0, "robots": False},
        "sources": [{"name": "agency", "url": server.url("/news/")}]}))
    config = load_config("config.yaml")
    with Store.open(config.snapshots_dir) as store:
        report = asyncio.run(run_check(config, store))
    print(json.dumps({"new": len(report.new), "listed": report.sources[0].releases_seen,
                      "errors": len(report.errors),
                      "loaded": [m for m in READERS if m in sys.modules]}))
"""


@pytest.mark.slow
def test_a_check_reads_its_pages_without_loading_the_reading_libraries(tmp_path):
    """The readers' libraries (~20 MB: trafilatura and what it brings, pypdf) belong to the
    reading processes: the check's own process, which lives as long as the service, holds
    only the pages and the store."""
    done = subprocess.run([sys.executable, "-c", _CHECK_ALONE], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["new"] == result["listed"] > 0 and result["errors"] == 0, result
    assert result["loaded"] == [], result


@pytest.mark.slow
def test_the_reading_processes_end_when_their_check_is_killed(tmp_path):
    """A check killed outright (kill -9, the OOM killer) cannot stop its reading processes;
    they see it is gone and end, with the forkserver that made them."""
    script = (
        "import os, time\n"
        "from monitor.run.workers import reading_pool\n"
        "if __name__ == '__main__':\n"
        "    with reading_pool() as lease:\n"
        "        print(lease.submit(os.getpid).result(), flush=True)\n"
        "        time.sleep(120)\n"
    )
    (tmp_path / "check.py").write_text(script)
    check = subprocess.Popen([sys.executable, "check.py"], cwd=tmp_path, stdout=subprocess.PIPE,
                             text=True)  # fmt: skip
    try:
        reader = int(check.stdout.readline())
        forkserver = _parents()[reader]
        assert _alive(reader) and _alive(forkserver) and forkserver != check.pid
    finally:
        check.kill()
        check.wait()
    deadline = time.monotonic() + 15
    while (_alive(reader) or _alive(forkserver)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(reader) and not _alive(forkserver)


def test_what_the_forkserver_preloaded_is_out_of_the_readers_collections():
    """The readers' libraries, loaded once in the forkserver to be shared, are frozen there
    (`gc.freeze`): a reading process's collections would otherwise write to every page they
    sit on, and so copy them."""
    import gc

    with reading_pool() as lease:
        frozen = lease.submit(gc.get_freeze_count).result(timeout=30)
        modules = lease.submit(_loaded, ("trafilatura", "monitor.extract.html")).result(timeout=30)
    assert modules == [True, True]
    assert frozen > 20_000, frozen  # their objects tracked by the collector: ~47,000 here


def _loaded(names: tuple[str, ...]) -> list[bool]:
    return [name in sys.modules for name in names]
