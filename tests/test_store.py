"""The store on its own: schema migrations (new stores, stores made by older code, a store of a
newer version), crash-safe file writes, numbered versions and raw bodies, the writer's lock.

Real SQLite files in temporary folders, real processes for the lock and the killed write; the
old stores are made by the old code itself (tests/data/old-stores/make_old_store.py)."""

from __future__ import annotations

import asyncio
import dataclasses
import gzip
import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from monitor.cli import cli
from monitor.config import Config, parse_config
from monitor.context.corpus import starter_corpus
from monitor.context.search import SearchIndexMissing, search
from monitor.demo.samples import SampleRelease, load_releases
from monitor.demo.server import FixtureServer
from monitor.demo.site import build_site
from monitor.errors import StoreBusy, StoreError
from monitor.models import Document, Event, Page
from monitor.run.check import CheckOptions, run_check
from monitor.store import schema, search_index
from monitor.store.catalogue import CATALOGUE, Store, parse_iso
from monitor.store.channels import ChannelSummary
from monitor.store.files import TEMP_PREFIX, atomic_write, remove_stale_temps
from monitor.store.lease import StoreLease, take_lock

OLD_STORES = Path(__file__).parent / "data" / "old-stores"
ADDED = "A paragraph the ministry added after publishing this release."  # as make_old_store.py


def tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    return {r[0] for r in rows} - {"sqlite_sequence"}


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order: what "untouched" is compared on."""
    with sqlite3.connect(path) as conn:
        return {
            t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
            for t in tables(conn)
        }


def migrations(path: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT version, name FROM schema_migrations ORDER BY version")
        return rows.fetchall()


def schema_tables() -> set[str]:
    text = schema.CATALOGUE + schema.DIGESTS + schema.CHANNELS
    text += schema.SIMILAR + schema.SIMILAR_SOURCES + schema.SOURCE_CLAIMS
    search = re.findall(r"CREATE VIRTUAL TABLE IF NOT EXISTS (\w+) USING fts5", schema.SEARCH)
    shadows = {f"{t}_{part}" for t in search for part in ("data", "idx", "docsize", "config")}
    return (
        set(re.findall(r"CREATE TABLE IF NOT EXISTS (\w+)", text))
        | {"schema_migrations"}
        | set(search)
        | shadows
    )


def index_tables() -> set[str]:
    """The search index's tables: the FTS5 tables and what FTS5 keeps for them."""
    return {t for t in schema_tables() if t.startswith("release_fts")}


# --- migrations: a new store --------------------------------------------------------------------


def test_a_new_store_has_every_table_and_records_each_migration_once(tmp_path):
    with Store.open(tmp_path):
        pass
    db = tmp_path / CATALOGUE
    with sqlite3.connect(db) as conn:
        assert tables(conn) == schema_tables()
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            str(schema.SCHEMA_VERSION),
        )
        stamps = conn.execute("SELECT applied_at FROM schema_migrations").fetchall()
    assert all(parse_iso(applied_at) is not None for (applied_at,) in stamps)
    assert migrations(db) == [(m.version, m.name) for m in schema.MIGRATIONS]
    before = table_rows(db)
    with Store.open(tmp_path), Store.open(tmp_path, readonly=True):
        pass
    assert table_rows(db) == before  # opening again applies nothing, records nothing


def test_migrations_apply_in_order_each_in_one_transaction(tmp_path, monkeypatch):
    with Store.open(tmp_path):
        pass
    applied: list[int] = []

    last = schema.SCHEMA_VERSION  # the two test migrations come after the real ones

    def add_notes(conn: sqlite3.Connection) -> None:
        applied.append(last + 1)
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")

    def half_then_fail(conn: sqlite3.Connection) -> None:
        applied.append(last + 2)
        conn.execute("ALTER TABLE notes ADD COLUMN author TEXT")
        conn.execute("INSERT INTO no_such_table VALUES (1)")

    later = (*schema.MIGRATIONS, schema.Migration(last + 1, "notes", add_notes),
             schema.Migration(last + 2, "notes' authors", half_then_fail))  # fmt: skip
    monkeypatch.setattr(schema, "MIGRATIONS", later)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", last + 2)
    with pytest.raises(StoreError, match="no such table: no_such_table"):
        Store.open(tmp_path, wait=0)
    db = tmp_path / CATALOGUE
    assert applied == [last + 1, last + 2]
    # the first stands, the second was rolled back whole
    assert [v for v, _ in migrations(db)] == list(range(1, last + 2))
    with sqlite3.connect(db) as conn:
        assert [r[1] for r in conn.execute("PRAGMA table_info(notes)")] == ["id", "text"]

    fixed = (*later[:-1], schema.Migration(last + 2, "notes' authors", lambda c: c.execute(
        "ALTER TABLE notes ADD COLUMN author TEXT")))  # fmt: skip
    monkeypatch.setattr(schema, "MIGRATIONS", fixed)
    with Store.open(tmp_path, wait=0):
        pass
    assert [v for v, _ in migrations(db)] == list(range(1, last + 3))
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            str(last + 2),
        )


def test_a_store_written_by_a_newer_version_is_refused_untouched(tmp_path):
    with Store.open(tmp_path):
        pass
    db = tmp_path / CATALOGUE
    newer = schema.SCHEMA_VERSION + 1
    with sqlite3.connect(db) as conn:
        conn.execute(
            "INSERT INTO schema_migrations VALUES (?, 'from the future', '2031-01-01T00:00:00Z')",
            (newer,),
        )
    before = table_rows(db)
    for readonly in (False, True):
        with pytest.raises(StoreError) as refused:
            Store.open(tmp_path, readonly=readonly, wait=0)
        said = str(refused.value)
        assert f"schema version {newer}" in said and "Upgrade monitor" in said
    assert table_rows(db) == before
    assert take_lock(tmp_path, wait=0) is not None  # the refused writer let the lock go

    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"snapshots": str(tmp_path), "sources": [
        {"name": "a", "url": "http://127.0.0.1:9/news"}]}))  # fmt: skip
    result = CliRunner().invoke(cli, ["status", "--config", str(config)])
    assert result.exit_code == 3
    assert "newer version of monitor" in " ".join(result.output.split())


# --- migrations: stores made by older code --------------------------------------------------


OLD = {
    # the last commit before the package layout: every table exists, a digest was mailed
    "57a2b02": {"digests": 1},
    # before template learning and before every table was made at open: no digests table (a
    # store that never mailed), no template tables, no releases.read_hash
    "8d75249-parent": {"digests": None},
}


def old_site(server: FixtureServer, edit_first: bool = False) -> list[SampleRelease]:
    """The sample site as the old store last saw it (make_old_store.py), the first release
    edited once more when `edit_first`."""
    releases = load_releases()[:4]
    edited = dataclasses.replace(releases[1], paragraphs=(*releases[1].paragraphs, ADDED))
    first = releases[0]
    if edit_first:
        first = dataclasses.replace(first, paragraphs=(*first.paragraphs, "Added today."))
    shown = [first, edited, releases[2]]
    server.set_routes(build_site(shown, origin=server.origin, gone=[releases[3]]))
    return shown


def load_old_store(name: str, root: Path, server: FixtureServer) -> Config:
    """The old store in `root` (its catalogue written by the old code's SQL, its files as they
    were), pointing at `server`; returns a config for it."""
    source = OLD_STORES / name
    root.mkdir(parents=True)
    for folder in ("text", "raw"):
        shutil.copytree(source / folder, root / folder)
    sql = (source / "catalogue.sql").read_text(encoding="utf-8")
    sql = sql.replace("{origin}", server.origin)
    sql = sql.replace("{corpus}", starter_corpus().resolve().as_uri())
    with sqlite3.connect(root / CATALOGUE) as conn:
        conn.executescript(sql)
    data = {
        "snapshots": str(root),
        "fetch": {"per_host_delay": 0, "backoff": 0.01, "retries": 1, "timeout": 10},
        "sources": [{"name": "ministry", "url": server.url("/news/")}],
        "revisit": {"fresh_days": 36500},
    }
    return parse_config(yaml.safe_dump(data), base_dir=root.parent)


@pytest.mark.parametrize("name", OLD)
def test_an_old_store_opens_with_its_rows_untouched_at_the_latest_version(name, tmp_path):
    with FixtureServer() as server:
        config = load_old_store(name, tmp_path / "snapshots", server)
    db = config.snapshots_dir / CATALOGUE
    before = table_rows(db)
    with sqlite3.connect(db) as conn:
        assert "schema_migrations" not in tables(conn)
        columns = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in before}
    assert ("digests" in before) == (OLD[name]["digests"] is not None)

    with Store.open(config.snapshots_dir, readonly=True) as store:  # a reader changes nothing
        assert len(store.events()) == 6
        # `monitor status` on a store not written since: tables it lacks read as empty
        assert store.ledger.waiting_events() == (0 if OLD[name]["digests"] else 6)
        assert store.ledger.pending() == []
        assert store.channels.summary("chat") == ChannelSummary()
        assert store.channels.pending_count(["chat"]) == 0
    assert table_rows(db) == before

    with Store.open(config.snapshots_dir):
        pass
    after = table_rows(db)
    assert migrations(db) == [(m.version, m.name) for m in schema.MIGRATIONS]
    with sqlite3.connect(db) as conn:
        assert tables(conn) == schema_tables()
        for table, names in columns.items():  # old columns first, in their order; rows kept
            have = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            assert have[: len(names)] == names
            added = len(have) - len(names)
            assert all(row[len(names) :] == (None,) * added for row in after[table])
            kept, old = [row[: len(names)] for row in after[table]], before[table]
            if table == "meta":  # its schema_version follows the migrations
                kept = [row for row in kept if row[0] != "schema_version"]
                old = [row for row in old if row[0] != "schema_version"]
            gained = [row for row in kept if row not in old]
            assert [row for row in kept if row in old] == old
            # an old store gains only the id its Atom feed names it by (when it had none), and
            # how far its search index goes (all the way)
            assert gained == [] or (table == "meta" and {r[0] for r in gained} <= {
                "release_fts_upto", "store_id"})  # fmt: skip
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        assert meta["schema_version"] == str(schema.SCHEMA_VERSION)
        assert meta["release_fts_upto"] == str(search_index.ALL_INDEXED)
    for table in schema_tables() - set(before) - {"schema_migrations", "meta"} - index_tables():
        assert after[table] == [], table  # new tables start empty


@pytest.mark.parametrize("name", OLD)
def test_an_old_store_gets_its_search_index(name, tmp_path):
    """Made before the search index: a reader is told that a writer builds it; the first
    writer indexes every release (the removed one too, as search always found it), and the
    index holds exactly each release's latest text."""
    with FixtureServer() as server:
        config = load_old_store(name, tmp_path / "snapshots", server)
    root = config.snapshots_dir
    with Store.open(root, readonly=True) as store, pytest.raises(SearchIndexMissing):
        search(store, "mine clearance")
    with Store.open(root):
        pass
    releases = load_releases()[:4]
    with Store.open(root, readonly=True) as store:
        # the Khmer release edited once: its latest version, in both indexes
        assert search(store, ADDED)[0].title == releases[1].title
        assert search(store, "បោសសម្អាតមីន")[0].title == releases[1].title
        assert search(store, "mine clearance 2023")[0].title == releases[2].title
        assert search(store, "Republic of Korea")[0].title == releases[3].title  # removed
    with sqlite3.connect(root / CATALOGUE) as conn:
        for fts in ("release_fts", "release_fts_trigram"):
            conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")


@pytest.mark.parametrize("name", OLD)
def test_an_old_store_keeps_working(name, tmp_path):
    """Its versions read back as stored; a new check finds the one edit, writes v0002 beside
    the old files, and the digest ledger carries on (the sent digest is not sent again)."""
    with FixtureServer() as server:
        config = load_old_store(name, tmp_path / "snapshots", server)
        root = config.snapshots_dir
        with Store.open(root, readonly=True) as store:
            ministry = store.find_source("ministry")
            assert ministry is not None
            old = {url: store.versions(r.id) for url, r in store.releases(ministry.id).items()}
            removed = store.releases(ministry.id, state="removed")
            assert len(old) == 3 and len(removed) == 1
            assert_files_agree(store, root)
        old_bytes = {p: p.read_bytes() for p in (root / "text").rglob("*.txt")}

        shown = old_site(server, edit_first=True)
        with Store.open(root) as store:
            report = asyncio.run(run_check(config, store, CheckOptions()))
        edited = server.url(f"/{shown[0].date:%Y/%m/%d}/{shown[0].slug}/")
        assert [e.url for e in report.changed] == [edited]
        assert report.new == [] and report.removed == [] and report.errors == []

        with Store.open(root) as store:
            release = store.releases(ministry.id)[edited]
            versions = store.versions(release.id)
            assert [v.seq for v in versions] == [1, 2]
            assert versions[0] == old[edited][0]
            assert "Added today." in versions[1].paragraphs
            assert versions[1].text_path.endswith("/v0002.txt")
            assert_files_agree(store, root)
            pending = store.events(pending=True)
            assert [e.kind for e in pending if e.source == "ministry"][-1] == "changed"
            sent = store.ledger.pending()
            assert sent == []  # the old store's digest was mailed: nothing waits to be sent
        assert all(p.read_bytes() == data for p, data in old_bytes.items())  # old files kept


def assert_files_agree(store: Store, root: Path) -> None:
    """Each version's text file holds its title and text, hashed as the catalogue says, and its
    raw body is kept under its hash."""
    for source in ("ministry", "corpus"):
        state = store.find_source(source)
        assert state is not None
        for release in store.releases(state.id, state=None).values():
            for version in store.versions(release.id):
                text = (root / version.text_path).read_text(encoding="utf-8")
                assert text == version.title + "\n\n" + "\n\n".join(version.paragraphs) + "\n"
                assert hashlib.sha256(text[:-1].encode()).hexdigest() == version.text_hash
                assert version.raw_hash is not None
                raw = store.read_raw(version.raw_hash)
                assert hashlib.sha256(raw).hexdigest() == version.raw_hash


# --- versions -------------------------------------------------------------------------------


def page(url: str, body: bytes) -> Page:
    return Page(url=url, final_url=url, status=200, content_type="text/html", body=body)


def test_versions_are_numbered_files_that_agree_with_the_catalogue(tmp_path):
    url = "https://mfaic.gov.kh/news/2024/03/joint-statement-asean"
    texts = [("Joint statement", ("First paragraph.", "Second.")),
             ("Joint statement (updated)", ("First paragraph.", "Second, edited.")),
             ("Joint statement (updated)", ("Third reading.",))]  # fmt: skip
    bodies = [b"<html>one</html>", b"<html>two</html>", b"<html>one</html>"]  # 3rd as the 1st
    with Store.open(tmp_path) as store:
        src = store.source("mfaic", "https://mfaic.gov.kh/news")
        release = None
        for (title, paragraphs), body in zip(texts, bodies, strict=True):
            doc = Document(url=url, title=title, paragraphs=paragraphs, language="en")
            event = Event(kind="changed" if release else "new", source="mfaic", url=url,
                          title=title)  # fmt: skip
            rid, vid = store.record_version(
                source_id=src.id, source_name="mfaic", release=release, page=page(url, body),
                doc=doc, extract_sig="sig", check_id=None, event=event,
            )  # fmt: skip
            assert event.id is not None and event.version_id == vid
            release = store.release(rid)
            assert release.latest_version_id == vid

        versions = store.versions(release.id)
        assert [v.seq for v in versions] == [1, 2, 3]
        folder = tmp_path / "text" / "mfaic" / release.key
        assert sorted(p.name for p in folder.iterdir()) == ["v0001.txt", "v0002.txt", "v0003.txt"]
        assert release.key.startswith("joint-statement-asean-")
        for version, (title, paragraphs) in zip(versions, texts, strict=True):
            assert (version.title, version.paragraphs) == (title, paragraphs)
            assert version.text_path == f"text/mfaic/{release.key}/v{version.seq:04d}.txt"
        assert_files_agree_one(store, tmp_path, versions)
        assert store.latest_version(release.id) == versions[-1]

        raw_files = sorted((tmp_path / "raw").rglob("*.gz"))
        assert len(raw_files) == 2  # content-addressed: the repeated body is kept once
        assert versions[0].raw_hash == versions[2].raw_hash != versions[1].raw_hash
        for version, body in zip(versions, bodies, strict=True):
            assert version.raw_hash is not None
            assert store.read_raw(version.raw_hash) == body
            path = tmp_path / "raw" / version.raw_hash[:2] / f"{version.raw_hash}.gz"
            assert path.read_bytes() == gzip.compress(body, compresslevel=6, mtime=0)
        kinds = [(e.kind, e.version_id) for e in store.events()]
        assert kinds == [("new", versions[0].id), ("changed", versions[1].id),
                         ("changed", versions[2].id)]  # fmt: skip


def assert_files_agree_one(store: Store, root: Path, versions: list) -> None:
    for version in versions:
        text = (root / version.text_path).read_text(encoding="utf-8")
        assert text == version.title + "\n\n" + "\n\n".join(version.paragraphs) + "\n"
        assert hashlib.sha256(text[:-1].encode()).hexdigest() == version.text_hash


# --- atomic writes --------------------------------------------------------------------------


def test_a_write_failing_before_its_rename_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "text" / "v0001.txt"
    atomic_write(path, b"the old text\n")

    def no_rename(src: str, dst: object) -> None:
        assert Path(src).read_bytes() == b"the new text, written in full\n"  # written, synced
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_rename)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(path, b"the new text, written in full\n")
    assert path.read_bytes() == b"the old text\n"
    assert sorted(p.name for p in path.parent.iterdir()) == ["v0001.txt"]  # its temp removed


def test_a_process_killed_between_write_and_rename_leaves_the_old_file(tmp_path):
    """A real kill: the process dies (os._exit) where the rename would be. The old file stays
    whole, the temp file stays behind, and the next writer's sweep removes only such files."""
    path = tmp_path / "text" / "v0001.txt"
    atomic_write(path, b"the old text\n")
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from monitor.store.files import atomic_write
        os.replace = lambda src, dst: os._exit(9)
        atomic_write(Path({str(path)!r}), b"the new text\\n")
    """)
    killed = subprocess.run([sys.executable, "-c", script], timeout=60)
    assert killed.returncode == 9
    assert path.read_bytes() == b"the old text\n"
    [left] = [p for p in path.parent.iterdir() if p.name.startswith(TEMP_PREFIX)]
    assert left.read_bytes() == b"the new text\n"
    other = path.parent / "notes.tmp"
    other.write_bytes(b"not ours")
    assert remove_stale_temps(tmp_path, before=time.time() + 1) == 1
    assert sorted(p.name for p in path.parent.iterdir()) == ["notes.tmp", "v0001.txt"]


def test_atomic_write_gives_the_file_the_mode_asked_for(tmp_path):
    private, public = tmp_path / "private.txt", tmp_path / "feed.xml"
    atomic_write(private, b"x")
    atomic_write(public, b"x", mode=0o644)
    assert private.stat().st_mode & 0o777 == 0o600
    assert public.stat().st_mode & 0o777 == 0o644


# --- the writer's lock ----------------------------------------------------------------------


HOLDER = """
import sys
from monitor.store.catalogue import Store
store = Store.open(sys.argv[1])
print("held", flush=True)
sys.stdin.read()
store.close()
"""


def hold_store(root: Path) -> subprocess.Popen:
    """Another process writing to the store, until its stdin closes (or it is killed)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(root)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)  # fmt: skip
    assert proc.stdout is not None and proc.stdout.readline() == "held\n"
    return proc


def test_one_writer_at_a_time_and_readers_never_wait(tmp_path):
    holder = hold_store(tmp_path)
    try:
        with pytest.raises(StoreBusy, match="another monitor process is using"):
            Store.open(tmp_path, wait=0)
        started = time.monotonic()
        with pytest.raises(StoreBusy, match=r"waited 1 s"):
            Store.open(tmp_path, wait=1)
        assert time.monotonic() - started >= 0.9
        with Store.open(tmp_path, readonly=True) as reader:
            assert reader.source_summaries() == {}
        lease = StoreLease(tmp_path)
        with pytest.raises(StoreBusy, match="try again when it has finished"):
            Store.open(tmp_path, lease=lease)  # the service's jobs never wait here
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    with Store.open(tmp_path, wait=0):
        pass


def test_a_killed_writer_leaves_the_lock_free(tmp_path):
    holder = hold_store(tmp_path)
    holder.kill()  # SIGKILL: no cleanup of its own
    holder.wait(timeout=30)
    with Store.open(tmp_path, wait=0) as store:
        store.source("a", "https://a.example/news")


def test_the_service_jobs_share_one_hold_on_the_lock(tmp_path):
    lease = StoreLease(tmp_path)
    first = Store.open(tmp_path, lease=lease)
    second = Store.open(tmp_path, lease=lease)  # joins: no wait, no error
    try:
        assert take_lock(tmp_path, wait=0) is None  # another process is kept out
        first.source("a", "https://a.example/news")
        assert second.find_source("a") is not None  # each job its own connection, one store
    finally:
        first.close()
        assert lease.held  # the second job still writes
        second.close()
    assert not lease.held
    lock = take_lock(tmp_path, wait=0)
    assert lock is not None
    lock.release()


# --- where SQL lives --------------------------------------------------------------------------

SQL = re.compile(r"SELECT|INSERT|UPDATE|DELETE|CREATE TABLE|execute\(")


def test_sql_is_written_only_in_the_store_package():
    package = Path(__file__).parent.parent / "monitor"
    found = {
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        if SQL.search(path.read_text(encoding="utf-8"))
    }
    assert {f for f in found if not f.startswith("store/")} == set()
    assert {"store/catalogue.py", "store/reads.py", "store/ledger.py"} <= found  # it does look
