"""`monitor run` as it runs in production: a real subprocess, a real sample site on 127.0.0.1, a
real SMTP server (aiosmtpd) and a real store, with one-second intervals so it all fits in seconds.
The service also runs in this process once, for the quick loop (`not slow`).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from monitor.demo.samples import SampleRelease
from monitor.demo.scenario import add_release
from monitor.demo.server import FixtureServer, Route
from monitor.run.service import Service, ServiceLog
from monitor.run.service_log import utcnow
from tests.commands import invoke
from tests.conftest import Ministry

MONITOR = [sys.executable, "-m", "monitor"]
ENV = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}

FRESH = SampleRelease(
    slug="cambodia-welcomes-un-mine-action-mission",
    title="Cambodia Welcomes UN Mine Action Mission",
    date=dt.date.today(),
    lang="en",
    paragraphs=(
        "The Ministry welcomed a UN Mine Action Service mission to Phnom Penh.",
        "The mission will visit clearance sites in Battambang province.",
    ),
)


# --- a real SMTP server ----------------------------------------------------------------------


class Inbox:
    """An aiosmtpd handler that keeps every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        content = bytes(envelope.content).replace(b"\r\n", b"\n")
        self.messages.append(message_from_bytes(content, policy=policy.default))  # type: ignore[arg-type]
        return "250 2.0.0 Message accepted"

    def texts(self) -> list[str]:
        return [m.get_body(("plain",)).get_content() for m in list(self.messages)]  # type: ignore[union-attr]

    def mentioning(self, needle: str) -> int:
        return sum(needle in text for text in self.texts())


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


# --- the service as a subprocess ---------------------------------------------------------------


class Running:
    def __init__(self, proc: subprocess.Popen, log_path: Path):
        self.proc = proc
        self.log_path = log_path

    def lines(self) -> list[dict[str, Any]]:
        out = []
        for line in self.log_path.read_text(encoding="utf-8").splitlines():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                if line.strip():
                    out.append({"event": "unparsed", "message": line})
        return out

    def checks(self, source: str) -> list[dict[str, Any]]:
        return [e for e in self.lines() if e.get("event") == "check" and e["source"] == source]

    def stop(self, timeout: float = 15) -> int:
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout)


@contextmanager
def service(config: Path, name: str = "run") -> Iterator[Running]:
    log_path = config.parent / f"{name}.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [*MONITOR, "run", "--log-json", "--config", str(config)],
            stdout=subprocess.DEVNULL,
            stderr=log,
            env=ENV,
        )
    running = Running(proc, log_path)
    try:
        yield running
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def wait_for(predicate: Callable[[], Any], timeout: float = 20, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}")


def write_config(ministry, smtp_port: int, **top: Any) -> Path:
    data: dict[str, Any] = {
        "schedule": {"every": "1s", "jitter": 0, "max_backoff": "4s"},
        "email": {
            "to": "analyst@example.org",
            "failing_after": 2,
            "smtp": {"host": "127.0.0.1", "port": smtp_port, "security": "none", "timeout": 5},
        },
    }
    data.update(top)
    return ministry.write_config(**data)


def query(config: Path, sql: str, *args: Any) -> list[tuple]:
    db = config.parent / "snapshots" / "catalogue.sqlite"
    if not db.exists():
        return []
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError:
        return []  # tables not created yet


def versions(config: Path, source: str = "ministry") -> int:
    rows = query(
        config,
        "SELECT COUNT(*) FROM versions v JOIN releases r ON v.release_id = r.id "
        "JOIN sources s ON r.source_id = s.id WHERE s.name = ?",
        source,
    )
    return rows[0][0] if rows else 0


def slow_site(ministry, delay: float) -> None:
    for release in ministry.releases:
        path = ministry.layout.article(release)
        route = ministry.server.routes[path]
        ministry.server.routes[path] = Route(
            status=route.status, body=route.body, content_type=route.content_type, delay=delay
        )


def assert_nothing_lost(config: Path, releases: int, source: str = "ministry") -> None:
    """Each release has one version and one event, and that event is in a digest a server took."""
    db = config.parent / "snapshots" / "catalogue.sqlite"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert versions(config, source) == releases
        per_release = conn.execute(
            "SELECT COUNT(e.id) FROM releases r JOIN sources s ON r.source_id = s.id "
            "LEFT JOIN events e ON e.release_id = r.id WHERE s.name = ? GROUP BY r.id",
            (source,),
        ).fetchall()
        assert per_release == [(1,)] * releases
        assert unsent_events(config) == 0


def unsent_events(config: Path) -> int:
    """Events no mail server has accepted yet (waiting, or in a digest not sent)."""
    rows = query(
        config,
        "SELECT COUNT(*) FROM events e LEFT JOIN digests d ON e.digest_id = d.id "
        "WHERE d.status IS NOT 'sent'",
    )
    return rows[0][0] if rows else -1


# --- tests ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_service_checks_two_sites_at_once_and_mails_each_news_once(ministry, inbox, tmp_path):
    """The service in this process (the subprocess tests below add signals, the CLI and the
    log format): two sources checked side by side on the scheduler's threads, sharing the
    reading pool; one digest for both baselines, then one for a new release."""
    mail, port = inbox
    with FixtureServer() as other_server:
        other = Ministry(other_server, tmp_path / "other", style="drupal")
        config = ministry.config(
            schedule={"every": "1s", "jitter": 0, "workers": 2},
            email={"to": "analyst@example.org",
                   "smtp": {"host": "127.0.0.1", "port": port, "security": "none"}},
            sources=[{"name": "ministry", "url": ministry.server.url(ministry.layout.listing(1))},
                     {"name": "other", "url": other.server.url(other.layout.listing(1))}],
        )  # fmt: skip
        out = io.StringIO()
        service = Service(config, ServiceLog(out, json_lines=True))

        def checks(name: str) -> list[dict[str, Any]]:
            lines = [json.loads(line) for line in out.getvalue().splitlines()]
            return [e for e in lines if e["event"] == "check" and e["source"] == name]

        baselines = {"ministry": len(ministry.releases), "other": len(other.releases)}
        service.start()
        try:
            wait_for(lambda: checks("ministry") and checks("other"), what="both baselines")
            wait_for(lambda: mail.messages, what="the baseline digest")
            ministry.publish(releases=add_release(ministry.releases, FRESH))
            wait_for(lambda: mail.mentioning(FRESH.title), what="an email with the new release")
            seen = len(checks("ministry"))
            wait_for(lambda: len(checks("ministry")) > seen, what="one more check")
        finally:
            assert service.stop() is True
    [baseline, news, *more] = mail.texts()
    assert "Started watching 2 sources" in baseline and not more
    for name, releases in baselines.items():
        assert f"{name} ({releases} releases)" in baseline
        assert all(c["ok"] for c in checks(name)) and checks(name)[0]["new"] == releases
    assert FRESH.title in news and mail.mentioning(FRESH.title) == 1


@pytest.mark.slow
def test_run_picks_up_a_new_release_and_emails_it_once(ministry, inbox):
    mail, port = inbox
    config = write_config(ministry, port)
    baseline = len(ministry.releases)
    with service(config) as svc:
        wait_for(lambda: svc.checks("ministry"), what="the baseline check")
        wait_for(lambda: mail.messages, what="the baseline digest")
        ministry.publish(releases=add_release(ministry.releases, FRESH))
        published = time.monotonic()
        wait_for(lambda: mail.mentioning(FRESH.title), what="an email with the new release")
        assert time.monotonic() - published < 8  # within its 1 s interval plus one check
        # one service per store: a second one refuses to start (it would double every check)
        second = subprocess.run(
            [*MONITOR, "run", "--config", str(config)],
            capture_output=True, text=True, env=ENV, timeout=30,
        )  # fmt: skip
        assert second.returncode == 3 and "already watching" in second.stderr
        status = subprocess.run(
            [*MONITOR, "status", "--json", "--config", str(config)],
            capture_output=True, text=True, env=ENV, timeout=30,
        )  # fmt: skip
        assert json.loads(status.stdout)["service"] == "running"
        seen = len(svc.checks("ministry"))
        wait_for(lambda: len(svc.checks("ministry")) >= seen + 3, what="three more checks")
        assert svc.stop() == 0
    assert mail.mentioning(FRESH.title) == 1
    lines = svc.lines()
    assert all(e["event"] != "unparsed" for e in lines), lines  # --log-json: only JSON lines
    checks = svc.checks("ministry")
    assert [c["new"] for c in checks].count(1) == 1 and checks[0]["new"] == baseline
    for c in checks:
        assert c["ok"] is True and c["duration"] >= 0 and c["errors"] == 0 and c["next_due"]
    assert lines[-1]["event"] == "stopped" and lines[-1]["clean"] is True
    assert_nothing_lost(config, len(ministry.releases))


@pytest.mark.slow
def test_sigterm_mid_check_exits_0_and_a_restart_loses_nothing(ministry, inbox):
    mail, port = inbox
    config = write_config(
        ministry, port, fetch={"per_host_delay": 0, "concurrency": 1, "retries": 0, "timeout": 10}
    )
    slow_site(ministry, 0.4)
    with service(config, "first") as svc:
        wait_for(lambda: versions(config) >= 2, what="a check half way")
        stopped = time.monotonic()
        assert svc.stop() == 0
        assert time.monotonic() - stopped < 5  # abandoned, not finished (8 × 0.4 s were left)
    kept = versions(config)
    assert 2 <= kept < len(ministry.releases)
    assert any(e["event"] == "abandoned" for e in svc.lines())
    # nothing stored was lost: each version has its event, waiting for a digest
    events = query(config, "SELECT COUNT(*) FROM events WHERE digest_id IS NULL")[0][0]
    assert events == kept

    ministry.publish()  # the site is fast again
    with service(config, "second") as svc:
        # the source is overdue (its check never finished): checked at once, and every event of
        # both runs goes out
        wait_for(lambda: svc.checks("ministry"), what="the overdue check")
        wait_for(lambda: unsent_events(config) == 0, what="every event sent")
        assert svc.stop() == 0
    assert svc.checks("ministry")[0]["new"] == len(ministry.releases) - kept
    assert_nothing_lost(config, len(ministry.releases))
    ids = [m["Message-ID"] for m in mail.messages]
    assert len(ids) == len(set(ids))  # no digest sent twice


@pytest.mark.slow
def test_manual_check_beside_the_service(ministry, inbox):
    mail, port = inbox
    config = write_config(ministry, port)
    slow_site(ministry, 0.1)  # each check holds the store lock about a second
    with service(config) as svc:
        wait_for(lambda: mail.messages, what="the baseline digest")
        ministry.publish(releases=add_release(ministry.releases, FRESH))
        slow_site(ministry, 0.1)
        manual = [
            subprocess.run(
                [*MONITOR, "check", "--json", "--config", str(config)],
                capture_output=True,
                text=True,
                env=ENV,
                timeout=60,
            )
            for _ in range(2)
        ]
        wait_for(lambda: mail.mentioning(FRESH.title), what="an email with the new release")
        seen = len(svc.checks("ministry"))
        wait_for(lambda: len(svc.checks("ministry")) >= seen + 2, what="two more checks")
        assert svc.stop() == 0
    assert [m.returncode for m in manual] == [0, 0], [m.stderr for m in manual]
    fresh_url = ministry.url(FRESH)
    by_hand = sum(item["url"] == fresh_url for m in manual for item in json.loads(m.stdout)["new"])
    by_service = sum(c["new"] for c in svc.checks("ministry")[1:])
    assert by_hand + by_service == 1  # found once, by whichever got the lock first
    assert mail.mentioning(FRESH.title) == 1  # and emailed once
    assert_nothing_lost(config, len(ministry.releases))


@pytest.mark.slow
def test_failing_source_backs_off_and_is_reported_once_then_recovers(ministry, inbox):
    mail, port = inbox
    server = ministry.server
    listing = ministry.layout.listing(1)
    server.routes["/down/news"] = Route.error(503)
    config = write_config(
        ministry,
        port,
        fetch={"per_host_delay": 0, "retries": 0, "timeout": 5},
        sources=[
            {"name": "ministry", "url": server.url(listing), "every": "1h"},
            {"name": "down", "url": server.url("/down/news")},
        ],
    )

    def hits() -> list[float]:
        return [r.time for r in server.requests if r.path == "/down/news"]

    with service(config) as svc:
        wait_for(lambda: len(hits()) >= 3, what="three attempts")
        # sources are checked independently: the healthy one's baseline may still be running
        wait_for(lambda: svc.checks("ministry"), what="the healthy source's check")
        status = subprocess.run(
            [*MONITOR, "status", "--json", "--config", str(config)],
            capture_output=True,
            text=True,
            env=ENV,
            timeout=30,
        )
        wait_for(lambda: mail.mentioning("down: failed"), what="the failing-source notice")
        server.routes["/down/news"] = server.routes[listing]  # the site is back
        wait_for(lambda: mail.mentioning("down: working again"), what="the recovery notice")
        assert svc.stop() == 0
    times = hits()
    gaps = [b - a for a, b in itertools.pairwise(times)]
    # every: 1s, doubled after each failure (2 s, 4 s), capped at max_backoff 4 s; the store
    # keeps whole seconds, so a gap may come up to a second short
    assert 1.0 <= gaps[0] <= 3.0 and 3.0 <= gaps[1] <= 5.0, gaps
    assert gaps[1] > gaps[0]
    assert mail.mentioning("down: failed") == 1  # reported once, not on every failure
    assert mail.mentioning("down: working again") == 1
    failed = [c for c in svc.checks("down") if not c["ok"]]
    assert [c["consecutive_failures"] for c in failed][:2] == [1, 2]
    assert "503" in failed[0]["error"]
    assert svc.checks("down")[-1]["ok"] is True
    assert len(svc.checks("ministry")) == 1  # the healthy hourly source was not rechecked

    assert status.returncode == 0, status.stderr
    data = json.loads(status.stdout)
    down = next(s for s in data["sources"] if s["name"] == "down")
    healthy = next(s for s in data["sources"] if s["name"] == "ministry")
    assert down["result"] == "failing" and down["consecutive_failures"] >= 2
    assert "503" in down["last_error"] and down["releases"] == 0
    assert healthy["result"] == "ok" and healthy["consecutive_failures"] == 0
    assert healthy["releases"] == healthy["versions"] == len(ministry.releases)
    assert healthy["next_due"] > healthy["last_check_at"] and healthy["schedule"] == "every 1h"
    assert data["digest"]["schedule"] == "immediate"


def test_status_before_any_check_and_after_one(ministry, tmp_path):
    config = ministry.write_config(
        schedule={"every": "2h", "jitter": 0},
        email={"to": "a@example.org", "digest": {"cron": "0 7 * * *"}},
    )
    before = invoke("status", "--json", "--config", str(config))
    assert before.returncode == 0, before.stderr
    [source] = json.loads(before.stdout)["sources"]
    assert source["result"] == "never checked" and source["overdue"] is True
    assert json.loads(before.stdout)["service"] == "not running"
    check = invoke("check", "--json", "--config", str(config))
    assert check.returncode == 0, check.stderr
    after = invoke("status", "--json", "--config", str(config))
    data = json.loads(after.stdout)
    [source] = data["sources"]
    assert source["result"] == "ok" and not source["overdue"]
    last = dt.datetime.fromisoformat(source["last_check_at"])
    due = dt.datetime.fromisoformat(source["next_due"])
    assert due - last == dt.timedelta(hours=2)
    # cron digests: the baseline waits for 07:00
    assert data["digest"]["waiting_events"] == len(ministry.releases)
    assert data["digest"]["schedule"] == "cron 0 7 * * *" and data["digest"]["next_at"]
    text = invoke("status", "--config", str(config), env={"COLUMNS": "120"})
    assert text.returncode == 0 and "ministry" in text.stdout and "pending digest" in text.stdout


def test_a_digest_asked_for_while_one_is_being_sent_is_sent_after_it(ministry):
    """Two checks ending together each ask for a digest; the second request arrives while the
    first digest runs (APScheduler skips it: one instance at a time). It must run after, or
    the second check's events wait for some later check that finds something."""
    from apscheduler.events import EVENT_JOB_MAX_INSTANCES, JobEvent

    config = ministry.config(email={"to": "analyst@example.org", "outbox": "outbox"})
    service = Service(config, ServiceLog(io.StringIO(), json_lines=True))
    service._on_still_running(JobEvent(EVENT_JOB_MAX_INSTANCES, "digest-now", None))
    job = service.scheduler.get_job("digest-now")
    assert job is not None and job.func == service._digest_job


def test_of_two_schedulers_with_a_queue_one_sends_a_source_each_interval(ministry):
    """Two `monitor run` on one catalogue (for availability): when a source falls due on both,
    one sends its check to the workers, the other logs it and looks again after the claim."""
    config = ministry.config(queue={"url": "amqp://guest:guest@127.0.0.1:5672//"},
                             schedule={"every": "30m", "jitter": 0})  # fmt: skip
    logs = [io.StringIO(), io.StringIO()]
    first, second = (Service(config, ServiceLog(out, json_lines=True)) for out in logs)
    assert first._my_turn("ministry") is True
    assert second._my_turn("ministry") is False
    [line] = [json.loads(x) for x in logs[1].getvalue().splitlines()]
    assert line["event"] == "claimed" and line["source"] == "ministry"
    job = second.scheduler.get_job("check:ministry")
    assert job is not None  # looked at again once the claim has run out: not a busy loop
    assert (job.trigger.run_date - utcnow()).total_seconds() > 14 * 60
