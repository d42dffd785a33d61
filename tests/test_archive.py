"""The archive contract, the same for a local folder, an S3-compatible server (moto, started by
the tests) and another fsspec file system (memory://, written through temp files and moves)."""

from __future__ import annotations

import os
import sys
import threading
import time
import uuid

import pytest

from monitor.store.archive import (
    TEMP_FOLDER,
    ArchiveError,
    FolderArchive,
    FsspecArchive,
    check_location,
    open_archive,
)
from monitor.store.files import TEMP_PREFIX

KHMER_KEY = "text/ministry/ព័ត៌មាន-សេចក្តីប្រកាស-1a2b3c4d/v0001.txt"
KHMER_TEXT = "សេចក្តីថ្លែងការណ៍ព័ត៌មាន\n\nក្រសួងការបរទេស\n".encode()


@pytest.fixture(params=["folder", pytest.param("s3", marks=pytest.mark.slow), "memory"])
def archive(request, tmp_path):
    if request.param == "folder":
        return FolderArchive(tmp_path / "snapshots")
    if request.param == "s3":
        bucket = request.getfixturevalue("s3_bucket")
        return open_archive(f"{bucket.url}/monitor")
    return open_archive(f"memory://archive-{uuid.uuid4().hex[:8]}/monitor")


def test_write_read_exists_overwrite(archive):
    rel = "raw/ab/abcdef.gz"
    assert not archive.exists(rel)
    archive.write(rel, b"\x1f\x8b first")
    assert archive.exists(rel)
    assert archive.read(rel) == b"\x1f\x8b first"
    archive.write(rel, b"second")
    assert archive.read(rel) == b"second"


def test_unicode_paths_and_text(archive):
    archive.write(KHMER_KEY, KHMER_TEXT)
    assert archive.read(KHMER_KEY) == KHMER_TEXT
    assert archive.list("text") == [KHMER_KEY]


def test_list_is_sorted_relative_and_scoped(archive):
    names = ["text/b/k/v0002.txt", "text/b/k/v0001.txt", "text/a/k/v0001.txt", "raw/0f/0f1.gz"]
    for name in names:
        archive.write(name, name.encode())
    assert archive.list("text") == sorted(n for n in names if n.startswith("text/"))
    assert archive.list("text/b") == ["text/b/k/v0001.txt", "text/b/k/v0002.txt"]
    assert archive.list() == sorted(names)
    assert archive.list("nothing-here") == []


def test_missing_file_is_file_not_found(archive):
    with pytest.raises(FileNotFoundError):
        archive.read("raw/00/missing.gz")


def test_where_names_the_file_for_a_reader(archive):
    where = archive.where("text/a/k/v0001.txt")
    assert where.endswith("/text/a/k/v0001.txt")
    assert where.startswith(archive.url)


def test_a_reader_never_sees_half_a_file(archive):
    """Two large contents written in turn; every read while they are written is one of them."""
    rel = "text/a/k/v0001.txt"
    one, two = b"1" * 3_000_000, b"2" * 3_000_000
    archive.write(rel, one)
    seen: list[bytes] = []
    done = threading.Event()

    def read() -> None:
        while not done.is_set():
            seen.append(archive.read(rel))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(6):
            archive.write(rel, two if i % 2 == 0 else one)
    finally:
        done.set()
        reader.join()
    assert seen and all(body in (one, two) for body in seen)


def _leave_temp(archive) -> str:
    """What a process killed between writing and renaming leaves behind."""
    if isinstance(archive, FolderArchive):
        folder = archive.root / "text" / "a" / "k"
        folder.mkdir(parents=True, exist_ok=True)
        temp = folder / f"{TEMP_PREFIX}abcd1234"
        temp.write_bytes(b"half")
        return str(temp)
    temp = f"{archive._fs_base[1]}/{TEMP_FOLDER}/{TEMP_PREFIX}abcd1234"
    archive.fs.pipe_file(temp, b"half")
    return temp


@pytest.mark.parametrize("kind", ["folder", "memory"])
def test_stale_temps_are_removed_and_never_listed(kind, tmp_path):
    archive = (FolderArchive(tmp_path / "s") if kind == "folder"
               else open_archive(f"memory://archive-{uuid.uuid4().hex[:8]}"))  # fmt: skip
    archive.write("text/a/k/v0001.txt", b"kept")
    temp = _leave_temp(archive)
    assert archive.list() == ["text/a/k/v0001.txt"]
    assert archive.remove_stale_temps(before=time.time() - 60) == 0  # too young: maybe in flight
    assert archive.remove_stale_temps(before=time.time() + 1) == 1
    gone = not os.path.exists(temp) if kind == "folder" else not archive.fs.exists(temp)
    assert gone
    assert archive.read("text/a/k/v0001.txt") == b"kept"


def test_a_shared_folder_keeps_young_temps(tmp_path):
    """Another machine may be writing to a configured folder: only old temps are stale."""
    archive = open_archive(str(tmp_path / "shared"))
    temp = _leave_temp(archive)
    assert archive.remove_stale_temps() == 0
    old = time.time() - 7200
    os.utime(temp, (old, old))
    assert archive.remove_stale_temps() == 1


@pytest.mark.slow
def test_an_object_store_leaves_no_temps(s3_bucket):
    archive = open_archive(f"{s3_bucket.url}/monitor")
    assert isinstance(archive, FsspecArchive)
    archive.write("text/a/k/v0001.txt", b"one PUT")
    assert archive.fs.find(s3_bucket.name) == [f"{s3_bucket.name}/monitor/text/a/k/v0001.txt"]
    assert archive.remove_stale_temps(before=time.time() + 1) == 0


@pytest.mark.slow
def test_a_missing_bucket_says_what_to_check(s3_bucket):
    archive = open_archive(f"s3://no-such-bucket-{uuid.uuid4().hex[:8]}/monitor")
    with pytest.raises(ArchiveError, match=r"could not write text/a/k/v0001\.txt.*bucket"):
        archive.write("text/a/k/v0001.txt", b"x")


def test_locations_are_checked():
    assert check_location("s3://bucket/prefix") == "s3://bucket/prefix"
    assert check_location("/srv/archive") == "/srv/archive"
    with pytest.raises(ValueError, match="environment"):
        check_location("s3://AKIAXXX:secret@bucket/prefix")
    with pytest.raises(ValueError, match="nosuchfs"):
        check_location("nosuchfs://bucket")
    assert isinstance(open_archive("file:///srv/archive"), FolderArchive)


# --- a whole check with its archive in S3 ---------------------------------------------------------

MINISTERIAL = "outcomes-of-the-asean-united-nations-ministerial-meeting"
OLD, NEW = "adopted a new PoA for 2021-2025", "adopted a new PoA for 2021-2030"


@pytest.mark.slow
def test_a_check_keeps_its_archive_in_s3_and_reads_it_back(ministry, s3_bucket):
    from monitor.demo.scenario import edit_sentence, remove_release
    from monitor.store.catalogue import Store

    url = f"{s3_bucket.url}/monitor"
    config = ministry.config(store={"files": url})
    first = ministry.check(config)
    assert not first.errors and len(first.new) == len(ministry.releases)
    archive = open_archive(url)
    texts = archive.list("text/ministry")
    assert len(texts) == len(ministry.releases) and all(t.endswith("/v0001.txt") for t in texts)
    assert archive.list("raw")
    local = config.snapshots_dir  # the catalogue stays here; no text or body does
    assert (local / "catalogue.sqlite").exists()
    assert not (local / "text").exists() and not (local / "raw").exists()

    ministry.publish(releases=edit_sentence(ministry.releases, MINISTERIAL, OLD, NEW))
    assert [e.url for e in ministry.check(config).changed] == [
        ministry.url(ministry.release(MINISTERIAL))
    ]  # the stored body, read back from S3, read like for like
    with Store.open(config.snapshots_dir, readonly=True) as store:
        source = store.find_source("ministry")
        assert source is not None
        release = store.releases(source.id)[ministry.url(ministry.release(MINISTERIAL))]
        versions = store.versions(release.id)
        assert [v.seq for v in versions] == [1, 2]
        stored = [archive.read(v.text_path).decode() for v in versions]
        assert OLD in stored[0] and NEW in stored[1] and NEW not in stored[0]
        for version, text in zip(versions, stored, strict=True):
            assert text.startswith(version.title + "\n\n")
        assert NEW.encode() in store.read_raw(versions[1].raw_hash)

    gone = ministry.release(MINISTERIAL)
    ministry.publish(releases=remove_release(ministry.releases, MINISTERIAL), gone=[gone])
    removed = ministry.check(config).removed
    assert [e.archived for e in removed] == [f"{url}/{versions[1].text_path}"]


def test_store_files_in_the_config(tmp_path):
    from monitor.config import ConfigError, parse_config
    from monitor.store.archive import archive_for

    config = parse_config("snapshots: snap\n", base_dir=tmp_path)
    assert config.archive_location is None
    default = archive_for(config.snapshots_dir)
    assert isinstance(default, FolderArchive) and default.root == tmp_path / "snap"
    config = parse_config("snapshots: snap\nstore:\n  files: shared/archive\n", base_dir=tmp_path)
    assert config.archive_location == str(tmp_path / "shared" / "archive")
    configured = archive_for(config.snapshots_dir)
    assert isinstance(configured, FolderArchive) and configured.root == tmp_path / "shared/archive"
    with pytest.raises(ConfigError, match=r"config.yaml:3: store.files.*environment"):
        parse_config("snapshots: snap\nstore:\n  files: s3://KEY:SECRET@bucket/p\n",
                     base_dir=tmp_path)  # fmt: skip
    with pytest.raises(ConfigError, match="unknown key 'catalog'"):
        parse_config("store:\n  catalog: sqlite\n", base_dir=tmp_path)


def test_a_check_keeps_its_archive_in_another_folder(ministry):
    config = ministry.config(store={"files": "archive"})
    assert len(ministry.check(config).new) == len(ministry.releases)
    texts = FolderArchive(ministry.root / "archive").list("text/ministry")
    assert len(texts) == len(ministry.releases)
    assert not (config.snapshots_dir / "text").exists()


def test_an_archive_url_without_fsspec_says_what_to_install(tmp_path, monkeypatch):
    from monitor.config import ConfigError, parse_config

    monkeypatch.setitem(sys.modules, "fsspec", None)  # as if the `scale` extra were not installed
    with pytest.raises(ConfigError, match=r"store\.files: .*install the `scale` extra"):
        parse_config("store:\n  files: s3://bucket/monitor\n", base_dir=tmp_path)
    assert parse_config("store:\n  files: archive\n", base_dir=tmp_path).store.files == "archive"
