"""Crash-safe file writes, shared by the store and the outbox."""

from __future__ import annotations

import logging
import os
import re
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)

TEMP_PREFIX = ".tmp-"
_TEMP_NAME = re.compile(re.escape(TEMP_PREFIX) + r"[a-z0-9_]{8}")  # mkstemp's, with our prefix


def atomic_write(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Write via a temp file, fsync and rename: a reader sees the old file or the new one,
    never half of one, whenever the process dies. `mode`: the file's permissions (the temp
    file is private, 0600, otherwise; a published feed must be readable by a web server)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TEMP_PREFIX)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_stale_temps(root: Path, before: float | None = None) -> int:
    """Delete the temp files of writes a killed process never finished (`kill -9`, a power cut)
    under `root`: only atomic_write's own names, only files last written before `before` (now).
    Call it holding the folder's writer lock, so no write of another process is in flight."""
    before = time.time() if before is None else before
    removed = 0
    for folder, _dirs, names in os.walk(root):
        for name in names:
            if not _TEMP_NAME.fullmatch(name):
                continue
            path = Path(folder) / name
            try:
                if path.lstat().st_mtime < before:
                    path.unlink()
                    removed += 1
            except OSError:
                continue  # gone already, or not ours to delete: never stop an open for it
    if removed:
        log.info("removed %d unfinished temp file(s) under %s", removed, root)
    return removed
