"""`monitor store copy`: a whole store between catalogues and archives, verified: a round trip
SQLite + folder -> PostgreSQL + S3 -> SQLite + folder gives the same store, which works."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest
import yaml

from monitor.config import load_config
from monitor.demo.scenario import add_release, edit_sentence
from monitor.store import archive
from monitor.store.catalogue import Store
from monitor.store.copy import OWN_META, TABLES
from tests.commands import invoke
from tests.conftest import Ministry
from tests.test_service import FRESH  # a release published after the copy

MINISTERIAL = "outcomes-of-the-asean-united-nations-ministerial-meeting"


def _config(ministry: Ministry, name: str, **store) -> Path:
    """A config of the ministry's source whose store is `name` (and `store:`)."""
    data = yaml.safe_load(ministry.write_config().read_text(encoding="utf-8"))
    data["snapshots"] = str(ministry.root / name)
    data.pop("store", None)
    if store:
        data["store"] = store
    path = ministry.root / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def _content(root: Path) -> dict[str, list[tuple]]:
    """Every row of every copied table (the target's own meta rows left out) and every
    archive file's sha256, of a SQLite store in its folder."""
    with Store.open(root, readonly=True) as store:
        out = {}
        for table, _ in TABLES:
            rows = [tuple(r) for r in store.conn.execute(f"SELECT * FROM {table}")]
            if table == "meta":
                rows = [r for r in rows if r[0] not in OWN_META]
            out[table] = sorted(rows, key=repr)
        files = archive.FolderArchive(root)
        out["files"] = [
            (name, hashlib.sha256(files.read(name)).hexdigest())
            for folder in ("text", "raw")
            for name in files.list(folder)
        ]
    return out


def _checked_store(ministry: Ministry, *, edited: bool = False) -> Path:
    """A SQLite store whose releases were all checked (the session's first check of the site,
    copied when an earlier test made it), then, `edited`, one edited and checked again."""
    config = _config(ministry, "a")
    ministry.baseline(load_config(config))
    if edited:
        edits = edit_sentence(ministry.releases, MINISTERIAL, "2021-2025", "2021-2030")
        ministry.publish(releases=edits)
        assert invoke("check", "--no-email", "-q", "--config", str(config)).returncode == 0
    return config


@pytest.mark.slow
def test_a_round_trip_through_postgresql_and_s3_gives_the_same_working_store(
    ministry, pg_url, s3_bucket
):
    first = _checked_store(ministry, edited=True)
    shared = _config(ministry, "b", catalogue=pg_url, files=f"{s3_bucket.url}/archive")
    back = _config(ministry, "c")
    there = invoke("store", "copy", "--json", "--config", str(first), "--to", str(shared))
    assert there.returncode == 0, there.stderr
    report = json.loads(there.stdout)
    source = _content(ministry.root / "a")
    assert report["rows"]["versions"] == len(source["versions"]) > len(ministry.releases)
    assert report["rows"]["events"] == len(source["events"]) > 0
    assert report["files"] > len(ministry.releases) and not report["shared_archive"]
    assert "archive files copied:" in there.stderr and "catalogue: versions rows:" in there.stderr
    again = invoke("store", "copy", "--config", str(shared), "--to", str(back))
    assert again.returncode == 0, again.stderr
    assert _content(ministry.root / "c") == source

    # the copy is a working store: search, related releases, and a check with nothing new
    found = invoke("search", "--json", "ASEAN ministerial", "--config", str(shared))
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout.splitlines()[0])["title"] == ministry.release(MINISTERIAL).title
    quiet = invoke("check", "--json", "--no-email", "--config", str(shared))
    assert quiet.returncode == 0, quiet.stderr
    assert not any(json.loads(quiet.stdout)[kind] for kind in ("new", "changed", "removed"))
    ministry.publish(releases=add_release(ministry.releases, FRESH))  # new ids after the copied
    fresh = invoke("check", "--json", "--no-email", "--config", str(shared))
    assert fresh.returncode == 0, fresh.stderr
    assert [e["title"] for e in json.loads(fresh.stdout)["new"]] == [FRESH.title]


def test_a_store_that_is_not_empty_is_replaced_only_with_force(ministry):
    first = _checked_store(ministry)
    target = _config(ministry, "t")
    assert invoke("store", "copy", "--config", str(first), "--to", str(target)).returncode == 0
    refused = invoke("store", "copy", "--config", str(first), "--to", str(target))
    assert refused.returncode == 3 and "not empty" in refused.stderr and "--force" in refused.stderr
    forced = invoke("store", "copy", "--force", "--config", str(first), "--to", str(target))
    assert forced.returncode == 0, forced.stderr
    assert _content(ministry.root / "t") == _content(ministry.root / "a")
    itself = invoke("store", "copy", "--config", str(first), "--to", str(first))
    assert itself.returncode == 2 and "the store itself" in itself.stderr


def test_a_corrupt_archive_file_is_found_and_nothing_is_copied(ministry):
    first = _checked_store(ministry)
    raw = archive.FolderArchive(ministry.root / "a")
    name = raw.list("raw")[3]
    raw.write(name, gzip.compress(b"<html>not what was read</html>"))
    ran = invoke("store", "copy", "--config", str(first), "--to", str(_config(ministry, "t")))
    assert ran.returncode == 3 and name in ran.stderr and "corrupt" in ran.stderr
    with Store.open(ministry.root / "t", readonly=True) as target:
        assert target.conn.execute("SELECT COUNT(*) FROM releases").fetchone()[0] == 0


def test_a_file_the_target_changed_is_found_by_its_hash(ministry, monkeypatch):
    first = _checked_store(ministry)
    write = archive.FolderArchive.write

    def flip_a_byte(self, rel: str, data: bytes) -> None:
        broken = rel.startswith("text/") and self.root == ministry.root / "t"
        write(self, rel, data[:-1] + b"?" if broken else data)

    monkeypatch.setattr(archive.FolderArchive, "write", flip_a_byte)
    ran = invoke("store", "copy", "--config", str(first), "--to", str(_config(ministry, "t")))
    assert ran.returncode == 3 and "differs from the source's (sha256)" in ran.stderr
