"""`queue:`: `monitor check` sends its sources to real `monitor worker` processes through a real
broker (RabbitMQ, Redis), on real sample sites served on 127.0.0.1 and a real SQLite store."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
import yaml

from monitor.demo.samples import load_releases
from monitor.demo.server import FixtureServer
from monitor.demo.site import build_site
from tests import services
from tests.test_service import inbox  # noqa: F401 -- the SMTP server fixture

pytestmark = pytest.mark.slow
try:
    from psycopg.errors import UndefinedTable as _UndefinedTable
except ImportError:  # the SQLite catalogue's tests run without psycopg
    _UndefinedTable = sqlite3.OperationalError
MONITOR = [sys.executable, "-m", "monitor"]
READY_TIMEOUT = 30.0


@pytest.fixture(params=["rabbitmq", "redis"])
def broker(request) -> services.Service:
    return request.getfixturevalue({"rabbitmq": "rabbitmq", "redis": "redis_server"}[request.param])


@contextmanager
def sites(hosts: int, per_host: int, releases_each: int) -> Iterator[list[dict]]:
    """`hosts` servers (so as many hosts), each with `per_host` small sites under /siteNN/;
    returns one source per site. The sample releases are dealt to the sites in turn."""
    pool = load_releases()
    sources = []
    with ExitStack() as stack:
        for h in range(hosts):
            server = stack.enter_context(FixtureServer())
            routes = {}
            for s in range(per_host):
                n = h * per_host + s
                chosen = [pool[(n * releases_each + i) % len(pool)] for i in range(releases_each)]
                base = f"/site{n:02d}/"
                routes.update(build_site(chosen, per_page=20, base_path=base,
                                         origin=server.origin, archives=False))  # fmt: skip
                sources.append({"name": f"site{n:02d}", "url": server.url(f"{base}news/")})
            server.set_routes(routes)
        yield sources


def write_config(
    folder: Path, sources: list[dict], queue: dict | None, delay: float = 0,
    catalogue: str | None = None, files: str | None = None, concurrency: int = 8, **top,
) -> Path:  # fmt: skip
    """`top`: more top-level sections (`email:`, `schedule:`)."""
    data = {
        "snapshots": str(folder / "snapshots"),
        "fetch": {"per_host_delay": delay, "backoff": 0.01, "retries": 1, "timeout": 10,
                  "concurrency": concurrency},
        "revisit": {"fresh_days": 36500},
        "sources": sources,
    }
    if queue:
        data["queue"] = queue
    store = {"catalogue": catalogue, "files": files}
    if any(store.values()):
        data["store"] = {k: v for k, v in store.items() if v}
    data.update(top)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


@contextmanager
def queue_on(service: services.Service) -> Iterator[dict]:
    """A `queue:` section with a queue of its own, deleted from the broker afterwards."""
    name = f"test-{uuid.uuid4().hex[:12]}"
    try:
        yield {"url": service.url, "name": name}
    finally:
        _delete_queue(service.url, name)


def _delete_queue(url: str, name: str) -> None:
    if url.startswith("redis"):
        import redis

        client = redis.Redis.from_url(url)
        keys = list(client.scan_iter(f"dramatiq:{name}*"))
        if keys:
            client.delete(*keys)
        return
    import pika

    from monitor.queue.broker import pika_url

    with pika.BlockingConnection(pika.URLParameters(pika_url(url))) as connection:
        channel = connection.channel()
        for queue in (name, f"{name}.DQ", f"{name}.XQ"):
            channel.queue_delete(queue)


@contextmanager
def workers(config: Path, count: int, concurrency: int = 1) -> Iterator[list[subprocess.Popen]]:
    """`count` worker processes, each ready (connected) before the test goes on."""
    procs: list[subprocess.Popen] = []
    try:
        procs += [start_worker(config, i, concurrency) for i in range(count)]
        wait_ready(config, range(count), procs)
        yield procs
    finally:
        stop_workers(procs)


def start_worker(config: Path, number: int, concurrency: int) -> subprocess.Popen:
    """A `monitor worker` process logging to worker<number>.log beside the config."""
    log = (config.parent / f"worker{number}.log").open("w")
    with log:
        return subprocess.Popen(
            [*MONITOR, "worker", "--config", str(config), "--concurrency", str(concurrency)],
            stdout=subprocess.DEVNULL, stderr=log, start_new_session=True,
        )  # fmt: skip


def wait_ready(config: Path, numbers, procs: list[subprocess.Popen]) -> None:
    logs = [config.parent / f"worker{i}.log" for i in numbers]
    deadline = time.monotonic() + READY_TIMEOUT
    while not all("worker ready" in log.read_text() for log in logs):
        assert time.monotonic() < deadline, [log.read_text()[-2000:] for log in logs]
        assert all(p.poll() is None for p in procs), [log.read_text() for log in logs]
        time.sleep(0.1)


def stop_workers(procs: list[subprocess.Popen]) -> None:
    """SIGTERM (the checks in flight end first), then SIGKILL after 30 s."""
    for p in procs:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
    for p in procs:
        try:
            p.wait(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def check(config: Path, *extra: str) -> tuple[dict, str]:
    done = subprocess.run([*MONITOR, "check", "--config", str(config), "--json", "--no-email",
                           *extra], capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout), done.stderr


def rows(config: Path, sql: str, *args) -> list[tuple]:
    """Rows of the config's catalogue: the SQLite file, or the PostgreSQL database."""
    catalogue = (yaml.safe_load(config.read_text()).get("store") or {}).get("catalogue")
    if catalogue:
        import psycopg

        from monitor.store.dialect import PgConnection

        with psycopg.connect(catalogue) as raw:
            return [tuple(r) for r in PgConnection(raw).execute(sql, args).fetchall()]
    with sqlite3.connect(config.parent / "snapshots" / "catalogue.sqlite") as db:
        return db.execute(sql, args).fetchall()


# rows of the watched sources' releases (not the reference corpus'), and how many releases
WATCHED = (
    "SELECT COUNT(*), COUNT(DISTINCT t.release_id) FROM {} t JOIN releases r "
    "ON r.id = t.release_id JOIN sources s ON s.id = r.source_id WHERE s.name != 'corpus'"
)


def checks_per_source(config: Path) -> Counter:
    found = rows(config, "SELECT summary FROM checks WHERE summary IS NOT NULL")
    labels = [json.loads(r[0]) for r in found]
    return Counter(label["source"] for label in labels if label.get("round") is not None)


@pytest.fixture(params=["sqlite", "postgresql"])
def catalogue(request) -> str | None:
    """None: SQLite in the snapshots folder (one writing process at a time); else a fresh
    PostgreSQL catalogue, where workers write at once, each holding its source's lock."""
    return None if request.param == "sqlite" else request.getfixturevalue("pg_url")


def test_each_source_is_checked_exactly_once_per_round_by_two_workers(broker, tmp_path, catalogue):
    with sites(hosts=4, per_host=5, releases_each=3) as sources, queue_on(broker) as queue:
        config = write_config(tmp_path / "q", sources, queue, catalogue=catalogue)
        names = {s["name"] for s in sources}
        with workers(config, 2):
            first, _ = check(config)
            assert checks_per_source(config) == Counter(dict.fromkeys(names, 1))
            second, _ = check(config)
        assert checks_per_source(config) == Counter(dict.fromkeys(names, 2))
    assert len(first["new"]) == 60 and not first["errors"]
    assert Counter(e["source"] for e in first["new"]) == Counter(dict.fromkeys(names, 3))
    assert second == {"new": [], "changed": [], "removed": [], "errors": []}
    assert rows(config, WATCHED.format("versions")) == [(60, 60)]
    assert rows(config, WATCHED.format("events")) == [(60, 60)]
    # both workers took part
    pids = {r[0] for r in rows(config, "SELECT pid FROM checks")}
    assert len(pids) == 2


def _sorted(report: dict) -> dict:
    """Items in one order, without `related`: which earlier releases a new one is related to
    depends on the order the releases were stored in, which checks run at once never fix (an
    in-process check of several sources interleaves them too)."""
    return {kind: sorted(({k: v for k, v in e.items() if k != "related"} for e in items),
                         key=lambda e: (e["source"], e["url"]))
            for kind, items in report.items()}  # fmt: skip


def test_queued_json_equals_the_in_process_one(broker, tmp_path):
    with sites(hosts=2, per_host=3, releases_each=3) as sources, queue_on(broker) as queue:
        sources.append({"name": "down", "url": "http://127.0.0.1:9/news/"})  # an error item
        local = write_config(tmp_path / "local", sources, None)
        queued = write_config(tmp_path / "queued", sources, queue)
        in_process, _ = check(local)
        with workers(queued, 2, concurrency=2):
            from_queue, stderr = check(queued)
    assert "sent to the queue" in stderr
    assert len(in_process["new"]) == 18 and len(in_process["errors"]) == 1
    assert _sorted(from_queue) == _sorted(in_process)


def test_a_worker_killed_mid_check_loses_and_duplicates_nothing(broker, tmp_path, catalogue):
    """RabbitMQ hands the killed worker's message over at once, Redis once its heartbeat is
    REDIS_HEARTBEAT_MS old. On PostgreSQL the killed check's locks end with its connection."""
    with sites(hosts=1, per_host=1, releases_each=10) as sources, queue_on(broker) as queue:
        # slow enough to be caught half-way: 0.3 s between two requests to the site, and
        # new releases decided (stored) four at a time (`run.holding`: twice the fetch
        # concurrency), not all ten at the end, where a kill may come only after the last
        config = write_config(tmp_path / "q", sources, queue, delay=0.3, catalogue=catalogue,
                              concurrency=2)  # fmt: skip
        with workers(config, 2) as procs:
            sender = subprocess.Popen([*MONITOR, "check", "--config", str(config), "--json",
                                       "--no-email"], stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True)  # fmt: skip
            victim = _wait_for_a_version(config, sender)
            os.kill(victim, signal.SIGKILL)
            out, err = sender.communicate(timeout=120)
            survivor = next(p for p in procs if p.pid != victim)
            assert survivor.poll() is None
        assert sender.returncode == 0, err[-3000:]
    report = json.loads(out)
    urls = [e["url"] for e in report["new"]]
    assert len(urls) == 10 == len(set(urls)) and not report["errors"]
    # each release: one version and one event, wherever the killed worker stopped
    assert rows(config, WATCHED.format("versions")) == [(10, 10)]
    assert rows(config, WATCHED.format("events")) == [(10, 10)]
    by_pid = rows(config, "SELECT pid, status, (SELECT COUNT(*) FROM events e "
                  "WHERE e.check_id = c.id) FROM checks c ORDER BY id")  # fmt: skip
    # the killed check stored some releases, the one that took its message over the rest
    assert [(pid, status) for pid, status, _ in by_pid] == [(victim, "interrupted"),
                                                           (survivor.pid, "done")]  # fmt: skip
    assert 1 <= by_pid[0][2] < 10 and by_pid[0][2] + by_pid[1][2] == 10


def _wait_for_a_version(config: Path, sender: subprocess.Popen) -> int:
    """The pid of the worker whose check has stored its first release (and is not done)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert sender.poll() is None, sender.communicate()
        try:
            found = rows(config, "SELECT c.pid FROM checks c JOIN events e ON e.check_id = c.id "
                         "WHERE c.status = 'running' LIMIT 1")  # fmt: skip
        except (sqlite3.OperationalError, _UndefinedTable):
            found = []  # the store is being created
        if found:
            return found[0][0]
        time.sleep(0.05)
    raise AssertionError("no check stored a release within 60 s")


def test_run_schedules_through_the_queue_and_mails_each_news_once(broker, ministry, request):
    """`monitor run` with a queue checks nothing itself: each due source goes to a worker; the
    digests are made here from the shared catalogue, one for the baseline, one for the news."""
    from monitor.demo.scenario import add_release
    from monitor.run.service import Service, ServiceLog
    from tests.test_service import FRESH, wait_for

    mail, port = request.getfixturevalue("inbox")
    with queue_on(broker) as queue:
        top = {
            "queue": queue,
            "schedule": {"every": "1s", "jitter": 0},
            "email": {"to": "analyst@example.org",
                      "smtp": {"host": "127.0.0.1", "port": port, "security": "none"}},
        }  # fmt: skip
        path = ministry.write_config(**top)
        out = io.StringIO()
        service = Service(ministry.config(**top), ServiceLog(out, json_lines=True))

        def checks() -> list[dict]:
            lines = [json.loads(line) for line in out.getvalue().splitlines()]
            return [e for e in lines if e["event"] == "check"]

        with workers(path, 1) as [worker]:
            service.start()
            try:
                wait_for(lambda: mail.messages, timeout=60, what="the baseline digest")
                ministry.publish(releases=add_release(ministry.releases, FRESH))
                wait_for(lambda: mail.mentioning(FRESH.title), timeout=60, what="the news")
                # the news round's line is logged after its digest is sent: count from it
                wait_for(lambda: any(c["new"] == 1 for c in checks()), timeout=30,
                         what="the news round's line")  # fmt: skip
                seen = len(checks())
                wait_for(lambda: len(checks()) > seen, timeout=30, what="one more check")
            finally:
                assert service.stop() is True
    [baseline, news, *more] = mail.texts()
    assert f"ministry ({len(ministry.releases) - 1} releases)" in baseline and not more
    assert FRESH.title in news and mail.mentioning(FRESH.title) == 1
    assert all(c["ok"] for c in checks()) and checks()[0]["new"] == len(ministry.releases) - 1
    # every check was the worker's, each labelled with the round the service sent
    done = rows(path, "SELECT pid, json_extract(summary, '$.round') FROM checks "
                "WHERE status = 'done'")  # fmt: skip
    assert len(done) >= 3 and {pid for pid, _ in done} == {worker.pid}
    assert all(r for _, r in done) and len({r for _, r in done}) == len(done)
