"""The archive: each version's text and each raw body, in a folder or at an fsspec URL.

Paths inside it are relative and '/'-separated, the same everywhere:
  text/<source>/<key>/v0001.txt   a version's extracted text
  raw/<ab>/<sha256>.gz            a raw body, gzip, content-addressed

By default the archive is the `snapshots` folder itself and nothing here imports fsspec. With
`store: {files: URL}` it is any fsspec URL (`s3://bucket/prefix`, `gs://…`), shared by every
machine that runs the monitor; credentials come from the environment (AWS_* variables for S3,
AWS_ENDPOINT_URL for an S3-compatible server), never from the config file.

A reader sees a whole file or none: in a folder a file is written to a temp file and renamed
(files.atomic_write); in an object store one PUT makes one whole object; on another file system
(sftp, smb…) a temp file under `.tmp/` is written and then moved into place.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import cached_property
from pathlib import Path
from typing import Any, Protocol

from monitor.store.files import TEMP_PREFIX, atomic_write, remove_stale_temps

# fsspec protocols whose writes are single PUTs of whole objects (s3fs, gcsfs, adlfs, ossfs)
OBJECT_STORES = frozenset({"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "adl", "oss"})
TEMP_FOLDER = ".tmp"  # where writes to another remote file system wait to be moved into place
# A shared archive may have writes of other machines in flight, which no local lock covers: only
# temps older than this are taken for what a killed process left.
SHARED_TEMP_AGE = 3600.0
_URL = re.compile(r"(?P<protocol>[a-z][a-z0-9+.-]*)://(?P<rest>.+)", re.I)
_MTIME_KEYS = ("mtime", "LastModified", "last_modified", "created")  # as fsspec's info() names it


class ArchiveError(OSError):
    """The archive at a URL cannot be used; the message says what to check."""


class Archive(Protocol):
    url: str

    def write(self, rel: str, data: bytes) -> None: ...
    def read(self, rel: str) -> bytes: ...
    def exists(self, rel: str) -> bool: ...
    def list(self, prefix: str = "") -> list[str]: ...
    def where(self, rel: str) -> str: ...
    def remove_stale_temps(self, before: float | None = None) -> int: ...


class FolderArchive:
    """A local folder: the default, byte for byte the layout the store has always had.
    `shared`: configured apart from the store folder (a mount other machines write to)."""

    def __init__(self, root: str | os.PathLike[str], *, shared: bool = False):
        self.root = Path(root)
        self.url = str(self.root)
        self.shared = shared

    def write(self, rel: str, data: bytes) -> None:
        atomic_write(self.root / rel, data)

    def read(self, rel: str) -> bytes:
        return (self.root / rel).read_bytes()

    def exists(self, rel: str) -> bool:
        return (self.root / rel).exists()

    def list(self, prefix: str = "") -> list[str]:
        """Every file under `prefix`, relative to the archive, sorted; temp files left out."""
        found = []
        for folder, _dirs, names in os.walk(self.root / prefix):
            for name in names:
                if not name.startswith(TEMP_PREFIX):
                    found.append((Path(folder) / name).relative_to(self.root).as_posix())
        return sorted(found)

    def where(self, rel: str) -> str:
        return str(self.root / rel)

    def remove_stale_temps(self, before: float | None = None) -> int:
        if before is None and self.shared:
            before = time.time() - SHARED_TEMP_AGE
        return remove_stale_temps(self.root, before)


class FsspecArchive:
    """Any fsspec file system; fsspec (and s3fs for s3://) imported on first use."""

    def __init__(self, url: str):
        self.url = url.rstrip("/")
        self.protocol = split_url(self.url)[0]

    @cached_property
    def _fs_base(self) -> tuple[Any, str]:
        fsspec = _import_fsspec(self.url)
        try:
            # no listings cache: other machines write to the same archive
            fs, base = fsspec.core.url_to_fs(self.url, use_listings_cache=False)
        except (ImportError, ValueError) as exc:
            raise ArchiveError(f"the archive {self.url} cannot be opened: {exc}") from exc
        return fs, base.rstrip("/")

    @property
    def fs(self) -> Any:
        return self._fs_base[0]

    def _path(self, rel: str) -> str:
        return f"{self._fs_base[1]}/{rel}"

    def write(self, rel: str, data: bytes) -> None:
        path = self._path(rel)
        with self._errors("write", rel, missing_is_error=True):
            if self.protocol in OBJECT_STORES:
                self.fs.pipe_file(path, data)  # one PUT: the whole object or none
                return
            temp = self._path(f"{TEMP_FOLDER}/{TEMP_PREFIX}{secrets.token_hex(4)}")
            self.fs.makedirs(self._path(TEMP_FOLDER), exist_ok=True)
            self.fs.pipe_file(temp, data)
            try:
                self.fs.makedirs(path.rsplit("/", 1)[0], exist_ok=True)
                self.fs.mv(temp, path)
            except BaseException:
                with suppress(Exception):  # left for remove_stale_temps otherwise
                    self.fs.rm(temp)
                raise

    def read(self, rel: str) -> bytes:
        with self._errors("read", rel):
            return bytes(self.fs.cat_file(self._path(rel)))

    def exists(self, rel: str) -> bool:
        with self._errors("look for", rel):
            return bool(self.fs.exists(self._path(rel)))

    def list(self, prefix: str = "") -> list[str]:
        """Every file under `prefix`, relative to the archive, sorted; temp files left out."""
        base = self._fs_base[1]
        with self._errors("list", prefix or "/"):
            found = self.fs.find(f"{base}/{prefix}".rstrip("/")) if prefix else self.fs.find(base)
        names = (p[len(base) + 1 :] for p in found if p.startswith(f"{base}/"))
        return sorted(n for n in names if not n.startswith(f"{TEMP_FOLDER}/"))

    def where(self, rel: str) -> str:
        return f"{self.url}/{rel}"

    def remove_stale_temps(self, before: float | None = None) -> int:
        """Temps of moves a killed process never made (object stores have none)."""
        if self.protocol in OBJECT_STORES:
            return 0
        before = time.time() - SHARED_TEMP_AGE if before is None else before
        removed = 0
        with self._errors("clean", TEMP_FOLDER):
            if not self.fs.exists(self._path(TEMP_FOLDER)):
                return 0
            for info in self.fs.ls(self._path(TEMP_FOLDER), detail=True):
                if info.get("type") == "file" and _mtime(info) < before:
                    self.fs.rm(info["name"])
                    removed += 1
        return removed

    @contextmanager
    def _errors(self, verb: str, rel: str, missing_is_error: bool = False) -> Iterator[None]:
        """One error type, saying what to check; a missing file stays FileNotFoundError."""
        try:
            yield
        except ArchiveError:
            raise
        except FileNotFoundError as exc:
            if not missing_is_error:
                raise
            raise ArchiveError(
                f"the archive {self.url} could not {verb} {rel}: {exc}. Does the bucket exist?"
            ) from exc
        except Exception as exc:
            raise ArchiveError(
                f"the archive {self.url} could not {verb} {rel}: {type(exc).__name__}: {exc}. "
                "Check `store.files` in the config and the credentials in the environment "
                "(for S3: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL)"
            ) from exc


def _mtime(info: dict[str, Any]) -> float:
    for key in _MTIME_KEYS:
        value = info.get(key)
        if isinstance(value, int | float):
            return float(value)
        if hasattr(value, "timestamp"):
            return float(value.timestamp())
    return float("inf")  # unknown age: never taken for stale


def split_url(location: str) -> tuple[str | None, str]:
    """('s3', 'bucket/prefix') for a URL, (None, path) for a folder."""
    match = _URL.fullmatch(location.strip())
    if match is None:
        return None, location
    return match["protocol"].lower(), match["rest"]


def open_archive(location: str | os.PathLike[str]) -> Archive:
    """The archive configured at a folder (a path or file://) or an fsspec URL."""
    protocol, rest = split_url(os.fspath(location))
    if protocol in (None, "file", "local"):
        return FolderArchive(rest, shared=True)
    return FsspecArchive(os.fspath(location))


def check_location(location: str) -> str:
    """Validate `store.files`: a folder, or a URL whose file system is installed and which
    carries no credentials. Raises ValueError saying what to do."""
    protocol, rest = split_url(location)
    if protocol is None or protocol in ("file", "local"):
        return location
    if "@" in rest.split("/", 1)[0] or re.search(r"[?&](key|secret|token|password)=", rest, re.I):
        raise ValueError(
            "put no credentials in `store.files`: set them in the environment instead "
            "(for S3: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)"
        )
    try:
        _import_fsspec(location).get_filesystem_class(protocol)
    except (ImportError, ValueError, ArchiveError) as exc:
        raise ValueError(f"{location}: {exc}") from None
    return location


def _import_fsspec(url: str) -> Any:
    try:
        import fsspec
    except ImportError:
        raise ArchiveError(
            f"an archive at {url} needs fsspec: install the `scale` extra "
            "(pip install 'monitor[scale]')"
        ) from None
    return fsspec


# --- which archive a store folder uses (config `store.files`) --------------------------------

_CONFIGURED: dict[Path, str] = {}


def use(store_root: Path, location: str | None) -> None:
    """Record that the store at `store_root` keeps its archive at `location` (None: in the
    folder itself). The config sets it when read, so every Store.open of that folder (checks,
    the service's jobs, reports, the web view) writes and reads the same archive."""
    key = Path(os.path.abspath(store_root))
    if location is None:
        _CONFIGURED.pop(key, None)
    else:
        _CONFIGURED[key] = location


def configured(store_root: Path) -> str | None:
    """Where `use` said the store at `store_root` keeps its archive (None: in the folder)."""
    return _CONFIGURED.get(Path(os.path.abspath(store_root)))


def archive_for(store_root: Path) -> Archive:
    location = _CONFIGURED.get(Path(os.path.abspath(store_root)))
    return open_archive(location) if location is not None else FolderArchive(store_root)
