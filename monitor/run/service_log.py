"""How `monitor run` tells what it does: one line per thing that happened, on stderr, as
readable text or as JSON lines (`--log-json`), library warnings included."""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, TextIO

from monitor.config import Config
from monitor.models import CheckReport
from monitor.run.schedule import Cadence, Due, SourceTimes, format_duration


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ServiceLog:
    """One line per thing that happened, on stderr: readable text, or JSON lines for machines."""

    def __init__(self, stream: TextIO, *, json_lines: bool = False):
        self.stream = stream
        self.json_lines = json_lines
        self._lock = threading.Lock()

    def __call__(self, event: str, message: str, **fields: Any) -> None:
        now = iso(utcnow())
        if self.json_lines:
            line = json.dumps(
                {"time": now, "event": event, "message": message, **fields},
                ensure_ascii=False,
                default=str,
            )
        else:
            line = f"{now} {message}"
        with self._lock:
            try:
                self.stream.write(line + "\n")
                self.stream.flush()
            except (OSError, ValueError):
                pass  # stderr closed (a detached terminal): keep working, the store has it all


class LogBridge(logging.Handler):
    """Library warnings go through ServiceLog, so `--log-json` output stays pure JSON lines."""

    def __init__(self, log: ServiceLog):
        super().__init__()
        self.log = log

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:
            message = str(record.msg)
        self.log(
            "log",
            f"{record.levelname.lower()} {record.name}: {message}",
            level=record.levelname.lower(),
            logger=record.name,
        )


@contextmanager
def logging_through(log: ServiceLog) -> Iterator[None]:
    """Every library log record and Python warning becomes a ServiceLog line while it lasts."""
    root = logging.getLogger()
    saved_handlers = root.handlers[:]
    root.handlers = [LogBridge(log)]
    logging.captureWarnings(True)
    if root.level >= logging.WARNING:
        logging.getLogger("apscheduler").setLevel(logging.ERROR)  # misses are logged by us
    try:
        yield
    finally:
        root.handlers = saved_handlers
        logging.captureWarnings(False)


def log_check(
    log: ServiceLog,
    name: str,
    report: CheckReport,
    times: SourceTimes,
    last_error: str | None,
    next_at: datetime,
    interval: float,
) -> None:
    """The line of one source's check: what it found, or why it failed and when it is next."""
    result = report.sources[0] if report.sources else None
    ok = result.ok if result else True
    duration = result.duration if result else 0.0
    counts = {
        "new": len(report.new),
        "changed": len(report.changed),
        "removed": len(report.removed),
        "errors": len(report.errors),
    }
    fetched = result.fetched if result else 0
    if ok:
        text = (
            f"check {name} ok: {counts['new']} new, {counts['changed']} changed, "
            f"{counts['removed']} removed, {counts['errors']} errors, {fetched} fetched, "
            f"{duration:.1f} s; next {iso(next_at)}"
        )
    else:
        text = (
            f"check {name} FAILED ({times.consecutive_failures} in a row): {last_error}; "
            f"{duration:.1f} s; next {iso(next_at)} (backing off: "
            f"{format_duration(interval)})"
        )
    log(
        "check",
        text,
        source=name,
        ok=ok,
        **counts,
        fetched=fetched,
        releases_seen=result.releases_seen if result else 0,
        duration=round(duration, 3),
        consecutive_failures=times.consecutive_failures,
        error=None if ok else last_error,
        next_due=iso(next_at),
    )


def log_lines(log: ServiceLog, text: str, event: str = "digest") -> None:
    """What a check's console said (its delivery lines), one log line each."""
    for line in text.splitlines():
        if line.strip():
            log(event, line.strip())


def log_scheduled(
    log: ServiceLog, name: str, cadence: Cadence, due: Due, times: SourceTimes
) -> None:
    when = "now (overdue)" if due.overdue else iso(due.at)
    if times.last_check_at is None:
        when = "now (never checked)"
    log(
        "scheduled",
        f"source {name} ({cadence.describe()}): next check {when}",
        source=name,
        next_due=iso(due.at),
        overdue=due.overdue,
    )


def log_started(log: ServiceLog, config: Config) -> None:
    schedule = config.digest_schedule
    digest = (
        "off (no email or notify section)"
        if not config.delivers
        else ("immediate" if schedule.immediate else f"cron {schedule.cron}")
    )
    log(
        "started",
        f"monitor run: watching {len(config.sources)} source"
        f"{'' if len(config.sources) == 1 else 's'}, store "
        f"{config.snapshots_dir}, digest {digest}, pid {os.getpid()}",
        sources=len(config.sources),
        store=str(config.snapshots_dir),
        digest=digest,
        pid=os.getpid(),
    )


def log_stopped(log: ServiceLog, clean: bool) -> None:
    if clean:
        log("stopped", "stopped cleanly", clean=True)
        return
    log(
        "stopped",
        "the work in flight did not stop in time; exiting anyway (the store is "
        "crash-safe: the next start picks it up)",
        clean=False,
    )
