"""The check's contract on both catalogues: SQLite (the default) and PostgreSQL (`store:
catalogue:`), each test on a fresh one (a new schema of the `test` database for PostgreSQL);
and on PostgreSQL with the archive in S3 (`store: files:`, a moto server) at once.

New, changed, removed and restored releases, the digest ledger claiming each event once, the
schema's numbered migrations, and the PostgreSQL locks that replace the folder lock.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
import socket
import subprocess
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import unescape

import pytest
from rich.console import Console

from monitor.config import EmailConfig
from monitor.demo.scenario import edit_sentence, remove_release
from monitor.digest.ledger import prepare_digest
from monitor.errors import StoreBusy
from monitor.run.cycle import run_check_command
from monitor.store import postgres
from monitor.store.catalogue import Store
from monitor.store.dialect import translate
from monitor.store.schema import SCHEMA_VERSION
from tests import test_service
from tests.conftest import Ministry

inbox = test_service.inbox  # the SMTP server fixture, for the service test
MINISTERIAL = "outcomes-of-the-asean-united-nations-ministerial-meeting"
OLD = "adopted a new PoA for 2021-2025"
NEW = "adopted a new PoA for 2021-2030"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow),
                        pytest.param("postgresql+s3", marks=pytest.mark.slow)])  # fmt: skip
def backend(request) -> str:
    """Where the store is: SQLite and the snapshots folder (the default); the PostgreSQL
    catalogue with the folder; the PostgreSQL catalogue with the archive in S3 (a moto server)
    at once, as several machines share them."""
    return request.param


@pytest.fixture
def catalogue(request, backend) -> str | None:
    """None: SQLite in the snapshots folder; else the PostgreSQL catalogue's URL."""
    return None if backend == "sqlite" else request.getfixturevalue("pg_url")


@pytest.fixture
def files(request, backend) -> str | None:
    """None: texts and bodies in the snapshots folder; else an s3:// URL."""
    if not backend.endswith("+s3"):
        return None
    return f"{request.getfixturevalue('s3_bucket').url}/archive"


@dataclass
class Site(Ministry):
    catalogue: str | None = None
    files: str | None = None

    def config(self, **top):
        store = {"catalogue": self.catalogue, "files": self.files}
        if any(store.values()):
            top.setdefault("store", {k: v for k, v in store.items() if v})
        return super().config(**top)


@pytest.fixture
def site(server, tmp_path, catalogue, files) -> Site:
    return Site(server, tmp_path, catalogue=catalogue, files=files)


def test_the_config_chooses_the_catalogue(site, catalogue):
    config = site.config()
    assert config.store.catalogue == catalogue
    with Store.open(config.snapshots_dir) as store:
        assert store.dialect == ("sqlite" if catalogue is None else "postgresql")
        recorded = store.conn.execute("SELECT version, name FROM schema_migrations").fetchall()
    assert [r[0] for r in recorded] == list(range(1, SCHEMA_VERSION + 1))
    assert ("none on PostgreSQL" in recorded[1][1]) == (catalogue is not None)
    on_disk = (config.snapshots_dir / "catalogue.sqlite").exists()
    assert on_disk == (catalogue is None)


def test_texts_and_bodies_go_to_the_configured_archive(site, files):
    from monitor.store.archive import open_archive

    assert not site.check().errors
    local = site.config().snapshots_dir
    texts = open_archive(files or str(local)).list("text/ministry")
    assert len(texts) == len(site.releases)
    assert (local / "text").exists() == (files is None)


def test_new_changed_removed_restored(site):
    first = site.check()
    assert not first.errors
    assert {e.url for e in first.new} == {site.url(r) for r in site.releases}
    assert all(e.baseline for e in first.new)
    assert not site.check().events  # quiet

    site.publish(releases=edit_sentence(site.releases, MINISTERIAL, OLD, NEW))
    changed = site.check()
    assert [e.url for e in changed.changed] == [site.url(site.release(MINISTERIAL))]
    assert "2030" in changed.changed[0].diff and not changed.new and not changed.removed

    gone = site.release(MINISTERIAL)
    site.publish(per_page=50, releases=remove_release(site.releases, MINISTERIAL), gone=[gone])
    removed = site.check()
    assert [e.url for e in removed.removed] == [site.url(gone)] and not removed.changed
    assert not site.check().events  # reported once

    site.publish(releases=[*site.releases, gone], gone=[])
    back = site.check()
    assert [(e.url, e.restored) for e in back.new] == [(site.url(gone), True)]
    assert not site.check().events

    with Store.open(site.config().snapshots_dir, readonly=True) as store:
        summary = store.source_summaries()["ministry"]
        assert summary.versions == len(site.releases) + 1  # the edit made one more
        assert summary.removed == 0 and summary.releases == len(site.releases)


def test_every_event_goes_into_one_digest_when_two_claim_at_once(site, catalogue):
    site.check()
    config = site.config(email={"to": "desk@example.org", "smtp": {"host": "127.0.0.1"}})
    email = config.email
    assert isinstance(email, EmailConfig)
    # PostgreSQL: both claim inside their transactions at once (SQLite's folder lock queues
    # the two writers before that)
    digests, start = [], threading.Barrier(1 if catalogue is None else 2)

    def claim() -> None:
        with Store.open(config.snapshots_dir, wait=60) as store:
            start.wait(timeout=30)
            digests.append(prepare_digest(store, email, now=datetime.now(UTC)))

    threads = [threading.Thread(target=claim) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    made = [d for d in digests if d is not None]
    assert len(digests) == 2 and len(made) == 1
    assert len(made[0].event_ids) == len(site.releases)
    with Store.open(config.snapshots_dir, readonly=True) as store:
        stored = store.ledger.pending()
        assert [d.event_ids for d in stored] == [made[0].event_ids]
        claimed = store.conn.execute("SELECT digest_id, COUNT(*) FROM events GROUP BY 1")
        assert [tuple(r) for r in claimed] == [(stored[0].row_id, len(site.releases))]


@pytest.fixture
def pg_root(pg_url, tmp_path):
    """A snapshots folder whose catalogue is the test's PostgreSQL schema."""
    root = tmp_path / "snapshots"
    postgres.use(root, pg_url)
    yield root
    postgres.use(root, None)


@pytest.mark.slow
def test_a_source_is_checked_by_one_process_at_a_time(pg_root):
    with Store.open(pg_root) as one, Store.open(pg_root) as other:
        with one.sources_locked(["ministry"]):
            busy = pytest.raises(StoreBusy, match="'ministry' is being checked")
            with busy, other.sources_locked(["ministry", "agency"], wait=0.3):
                pass
            with other.sources_locked(["agency"], wait=0):  # another source: at once
                pass
        with other.sources_locked(["ministry"], wait=0):  # let go: free again
            pass


@pytest.mark.slow
def test_a_check_waits_for_its_source_checked_elsewhere(server, tmp_path, pg_url):
    site = Site(server, tmp_path, catalogue=pg_url)
    config = site.config()
    quiet = {"send_email": False, "console": Console(file=io.StringIO())}
    busy = pytest.raises(StoreBusy, match="'ministry' is being checked")
    elsewhere = Store.open(config.snapshots_dir)
    with elsewhere, elsewhere.sources_locked(["ministry"]), busy:
        run_check_command(config, wait=0.3, **quiet)
    report = run_check_command(config, wait=0.3, **quiet)  # let go: it runs
    assert len(report.new) == len(site.releases) and not report.errors


@pytest.mark.slow
def test_a_check_whose_connection_died_is_interrupted_not_a_live_one(pg_root):
    with Store.open(pg_root) as live, Store.open(pg_root) as dead:
        running = live.begin_check()
        killed = dead.begin_check()
        dead.conn.raw.close()  # as a killed worker's connection: its locks end with it
        dead.conn = live.conn  # (its close gives nothing back)
        with Store.open(pg_root) as next_one:
            next_one.begin_check()
            status = dict(next_one.conn.execute("SELECT id, status FROM checks").fetchall())
    assert status[running] == "running" and status[killed] == "interrupted"


@pytest.mark.parametrize(
    ("sqlite", "pg"),
    [
        ("SELECT * FROM t WHERE a = ? AND b = '?'", "SELECT * FROM t WHERE a = %s AND b = '?'"),
        ("SELECT ? -- why?\n", "SELECT %s -- why?\n"),
        ("UPDATE t SET u = ? WHERE u LIKE '%://%@%'", "UPDATE t SET u = %s WHERE u LIKE "
         "'%%://%%@%%'"),
        ("INSERT OR IGNORE INTO meta(key) VALUES (?)",
         "INSERT INTO meta(key) VALUES (%s) ON CONFLICT DO NOTHING"),
        ("INSERT INTO events(kind) VALUES (?)",
         "INSERT INTO events(kind) VALUES (%s) RETURNING id"),
        ("CREATE TABLE x (id INTEGER PRIMARY KEY, f BLOB, n INTEGER) WITHOUT ROWID",
         "CREATE TABLE x (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, f BYTEA, "
         "n BIGINT)"),
        ("PRAGMA foreign_keys=ON", None),
        ("BEGIN IMMEDIATE", "BEGIN"),
    ],
)  # fmt: skip
def test_statements_are_translated_for_postgresql(sqlite, pg):
    assert translate(sqlite)[0] == pg


def test_the_commands_on_either_catalogue(site, catalogue):
    """Every command that reads the store answers from the configured catalogue, search too
    (each catalogue's own index) in the command and the web view."""
    from starlette.testclient import TestClient

    from monitor.web.app import create_app
    from tests.commands import invoke

    path = site.write_config(email={"to": "desk@example.org"})
    config_arg = ("--config", str(path))
    checked = invoke("check", "--json", "--no-email", *config_arg)
    assert checked.returncode == 0, checked.stderr
    assert len(json.loads(checked.stdout)["new"]) == len(site.releases)
    status = invoke("status", "--json", *config_arg)
    assert status.returncode == 0, status.stderr
    assert "ministry" in status.stdout
    site.publish(releases=edit_sentence(site.releases, MINISTERIAL, OLD, NEW))
    assert invoke("check", "--no-email", *config_arg).returncode == 0
    preview = site.root / "preview.html"
    digest = invoke("digest", "--preview", "--out", str(preview), *config_arg)
    assert digest.returncode == 0, digest.stderr
    assert site.release(MINISTERIAL).title in preview.read_text(encoding="utf-8")
    sent = invoke("digest", "--send", *config_arg)
    assert sent.returncode == 0, sent.stderr
    with Store.open(site.config().snapshots_dir, readonly=True) as store:
        assert store.ledger.waiting_events() == 0
    related = invoke("related", site.url(site.release(MINISTERIAL)), *config_arg)
    assert related.returncode == 0, related.stderr
    feed = invoke("feed", *config_arg)
    assert feed.returncode == 0 and site.release(MINISTERIAL).title in feed.stdout
    web = TestClient(create_app(site.config().snapshots_dir, site.config()))
    page = web.get("/")
    assert page.status_code == 200 and site.release(MINISTERIAL).title in page.text
    found = invoke("search", "--json", "--limit", "3", "ASEAN ministerial", *config_arg)
    assert found.returncode == 0, found.stderr
    hits = [json.loads(line) for line in found.stdout.splitlines()]
    assert hits[0]["title"] == site.release(MINISTERIAL).title and len(hits) <= 3
    assert hits[0]["score"] >= 75  # every word, in its title
    page = web.get("/search", params={"q": "ASEAN ministerial"})
    assert page.status_code == 200 and "<mark>" in page.text
    shown = re.findall(r'<a class="title" href="/release/\d+">(.*?)</a>', page.text)
    assert re.sub(r"</?mark>", "", unescape(shown[0])) == hits[0]["title"]
    for link in set(re.findall(r'href="(/release/\d+)"', page.text)):
        assert web.get(link).status_code == 200


def test_a_queued_round_is_read_back_from_either_catalogue(site, catalogue):
    from monitor.store.rounds import last_check_id, round_checks

    config = site.config()
    with Store.open(config.snapshots_dir) as store:
        before = last_check_id(store.conn)
        mine = store.begin_check({"round": "r1", "source": "ministry"})
        store.begin_check({"round": "r2", "source": "ministry"})
        store.finish_check(mine, {"round": "r1", "source": "ministry", "detail": {"n": 1}})
        found = round_checks(store.conn, "r1", before)
    assert [(c.check_id, c.source, c.done, c.detail) for c in found] == [
        (mine, "ministry", True, {"n": 1})
    ]


def test_the_web_view_filters_events_by_theme_on_either_catalogue(site):
    from monitor.store import browse

    site.check()
    with Store.open(site.config().snapshots_dir, readonly=True) as store:
        every = browse.recent_events(store.conn, limit=100).rows
        themed = [e for e in every if e.themes]
        assert themed, "the sample releases match a built-in theme"
        theme = themed[0].themes[0]
        found = browse.recent_events(store.conn, theme=theme, limit=100).rows
        assert found and {e.id for e in found} == {e.id for e in every if theme in e.themes}
        assert not browse.recent_events(store.conn, theme="no such theme").rows


@pytest.mark.slow
def test_a_worker_waits_while_another_machine_checks_the_same_host(server, tmp_path, pg_url):
    from urllib.parse import urlsplit

    from monitor.queue.worker import CheckWorker

    site = Site(server, tmp_path, catalogue=pg_url)
    config = site.config()
    worker = CheckWorker(config, log=lambda line: None)
    done = threading.Event()

    def work() -> None:
        worker.check_source("ministry", round_id="r1")
        done.set()

    host = urlsplit(config.sources[0].url).netloc.lower()
    with postgres.host_lock(pg_url, host, wait=0):  # a check of that host elsewhere
        thread = threading.Thread(target=work)
        thread.start()
        assert not done.wait(1.5)  # it waits, without reading the site or opening the store
        assert not server.requests and not Store.exists(config.snapshots_dir)
    thread.join(timeout=120)
    assert done.is_set()
    with Store.open(config.snapshots_dir, readonly=True) as store:
        assert store.source_summaries()["ministry"].releases == len(site.releases)


@pytest.mark.slow
def test_the_service_on_the_postgresql_catalogue_mails_each_news_once(
    server, tmp_path, pg_url, inbox
):
    from monitor.demo.scenario import add_release
    from tests.test_service import FRESH, service, wait_for, write_config

    mail, port = inbox
    site = Site(server, tmp_path, catalogue=pg_url)
    config = write_config(site, port)
    with service(config) as svc:
        wait_for(lambda: svc.checks("ministry"), what="the baseline check")
        wait_for(lambda: mail.messages, what="the baseline digest")
        site.publish(releases=add_release(site.releases, FRESH))
        wait_for(lambda: mail.mentioning(FRESH.title), what="an email with the new release")
        seen = len(svc.checks("ministry"))
        wait_for(lambda: len(svc.checks("ministry")) >= seen + 2, what="two more checks")
        assert svc.stop() == 0
    assert mail.mentioning(FRESH.title) == 1
    assert all(c["ok"] for c in svc.checks("ministry"))
    with Store.open(site.config().snapshots_dir, readonly=True) as store:
        assert store.ledger.waiting_events() == 0
        assert store.source_summaries()["ministry"].versions == len(site.releases)
    assert not (site.root / "snapshots" / "catalogue.sqlite").exists()


def test_a_postgresql_connection_answers_as_sqlite3_does(pg_url):
    conn = postgres.connect(pg_url)
    try:
        conn.execute(
            "CREATE TABLE sources (id INTEGER PRIMARY KEY, raw BLOB, flag INTEGER, t TEXT)"
        )
        cur = conn.execute(
            "INSERT INTO sources(raw, flag, t) VALUES (?, ?, ?)", (b"\x00\xff", True, "50% '?'")
        )
        assert cur.lastrowid == 1
        assert conn.execute("INSERT INTO sources(t) VALUES ('?')").lastrowid == 2
        row = conn.execute("SELECT * FROM sources WHERE t LIKE '50%' AND flag = ?", (1,)).fetchone()
        assert row["raw"] == b"\x00\xff" and row[2] == 1 and row["t"] == "50% '?'"
        assert list(row.keys()) == ["id", "raw", "flag", "t"]
        assert conn.execute("PRAGMA foreign_keys=ON").fetchone() is None
        assert conn.execute("UPDATE sources SET flag = 0").fetchall() == []
    finally:
        conn.close()


def test_a_catalogue_that_is_not_postgresql_is_refused_at_config_load(tmp_path):
    from tests.commands import invoke

    path = tmp_path / "config.yaml"
    path.write_text("sources: []\nstore:\n  catalogue: mysql://db.internal/monitor\n")
    ran = invoke("status", "--config", str(path))
    assert ran.returncode == 2 and "postgresql://user@host/database" in ran.stderr


def test_a_release_gets_its_related_releases_on_either_catalogue(site):
    """The related-release index (`sim_` tables) answers the same on both catalogues: the
    starter corpus's news agency article is the near-duplicate of the ministry's release."""
    from tests.commands import invoke
    from tests.test_matching import PKO

    report = site.check()
    pko = next(e for e in report.new if e.url == site.url(site.release(PKO)))
    assert pko.related and pko.related[0].score >= 90
    assert pko.related[0].url.endswith("akp-2020-11-15-asean-un-summit-pko.txt")
    path = site.write_config()
    asked = invoke("related", "--json", pko.url, "--config", str(path))
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    # Asked later, the index holds the releases stored after it too (and the boilerplate
    # learned from them), so the other scores may move; the near-duplicate stays first.
    first = answer["related"][0]
    assert (first["url"], first["score"]) == (pko.related[0].url, pko.related[0].score)


@pytest.mark.slow
def test_a_writer_on_postgresql_removes_only_the_old_temps_killed_writers_left(pg_root):
    """No lock says that no other process writes files now: a temp younger than any write in
    flight may be one, and stays; an old one is a killed writer's, and goes."""
    import os
    import time

    from monitor.store.archive import SHARED_TEMP_AGE
    from monitor.store.files import TEMP_PREFIX

    folder = pg_root / "text" / "ministry" / "k"
    folder.mkdir(parents=True)
    old, young = folder / f"{TEMP_PREFIX}abcd1234", folder / f"{TEMP_PREFIX}efgh5678"
    for temp in (old, young):
        temp.write_bytes(b"half a text")
    then = time.time() - SHARED_TEMP_AGE - 60
    os.utime(old, (then, then))
    Store.open(pg_root).close()  # a writer: it looks once a process
    assert not old.exists() and young.exists()


def test_a_message_delivered_again_after_its_check_ended_is_skipped(site, catalogue):
    """A worker killed between the end of its check and the broker's acknowledgement: the
    message comes again; the round's source is not checked twice."""
    from monitor.queue.worker import CheckWorker
    from monitor.store.rounds import round_checks

    lines: list[str] = []
    worker = CheckWorker(site.config(), log=lines.append)
    worker.check_source("ministry", round_id="r1", after=0)
    worker.check_source("ministry", round_id="r1", after=0)  # delivered again
    worker.check_source("ministry", round_id="r2", after=0)  # the next round: checked
    assert "has ended already" in lines[1] and "has ended already" not in lines[2]
    with Store.open(site.config().snapshots_dir, readonly=True) as store:
        rounds = [round_checks(store.conn, r, 0) for r in ("r1", "r2")]
    assert [[c.done for c in found] for found in rounds] == [[True], [True]]


@pytest.mark.slow
def test_a_check_that_ends_while_the_next_looks_for_dead_ones_stays_done(pg_root, monkeypatch):
    """The next check found it running; it ends (its lock let go) before that check marks
    the dead ones: it keeps `done`, and its round is complete."""
    with Store.open(pg_root) as one, Store.open(pg_root) as other:
        ended = one.begin_check()
        looking = postgres.dead_checks

        def meanwhile(conn, running):  # type: ignore[no-untyped-def]
            if ended in running:
                one.finish_check(ended, {})
            return looking(conn, running)

        monkeypatch.setattr(postgres, "dead_checks", meanwhile)
        other.begin_check()
        status = dict(other.conn.execute("SELECT id, status FROM checks").fetchall())
    assert status[ended] == "done"


def test_two_schedulers_send_a_source_once_an_interval(site, catalogue):
    """Several `monitor run` schedulers may run for availability: of those firing together
    for one source, one claims its check for the interval (the others send nothing), and the
    next interval's fire claims it again."""
    from monitor.store.claims import claim_source

    config = site.config()
    at = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)
    won, start = [], threading.Barrier(1 if catalogue is None else 2)

    def fire(offset: float) -> None:
        with Store.open(config.snapshots_dir, wait=60) as store:
            start.wait(timeout=30)
            won.append(claim_source(store, "ministry", 1800, at + timedelta(seconds=offset)))

    threads = [threading.Thread(target=fire, args=(offset,)) for offset in (0.0, 2.5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(won) == [False, True]
    with Store.open(config.snapshots_dir, wait=60) as store:
        assert claim_source(store, "other", 1800, at)  # each source its own claim
        assert not claim_source(store, "ministry", 1800, at + timedelta(minutes=29))
        assert claim_source(store, "ministry", 1800, at + timedelta(minutes=31))  # next interval


class SlowInbox(test_service.Inbox):
    """A mail server that takes its time to accept a message, as a real one may."""

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(1.5)
        return await super().handle_DATA(server, session, envelope)


def test_two_processes_sending_at_once_send_a_digest_once(site, catalogue):
    """Two `monitor digest --send` at once (two schedulers ending a round together): both see
    the digest unsent; one sends it, the other finds it sent (PostgreSQL: an advisory lock
    across machines; SQLite: the folder lock)."""
    from aiosmtpd.controller import Controller

    from tests.commands import MONITOR

    site.check()
    handler = SlowInbox()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        smtp = {"host": "127.0.0.1", "port": port, "security": "none"}
        email = {"to": "desk@example.org", "smtp": smtp}
        path, config = site.write_config(email=email), site.config(email=email)
        with Store.open(config.snapshots_dir, wait=60) as store:
            assert prepare_digest(store, config.email, now=datetime.now(UTC)) is not None
        senders = [subprocess.Popen([*MONITOR, "digest", "--send", "--config", str(path)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for _ in range(2)]  # fmt: skip
        outputs = [p.communicate(timeout=120) for p in senders]
    finally:
        controller.stop()
    assert [p.returncode for p in senders] == [0, 0], outputs
    assert len(handler.messages) == 1, outputs
    with Store.open(site.config().snapshots_dir, readonly=True) as store:
        assert [tuple(r) for r in store.conn.execute("SELECT status FROM digests")] == [("sent",)]
