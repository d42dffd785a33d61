"""The command line as users and scripts drive it: real server, real store; the commands run in
this process (tests/commands.py), and as real subprocesses where the process is under test."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from monitor.demo.server import Route
from tests.commands import MONITOR, invoke, spawn


def run(*args: str, cwd: Path | None = None):
    return invoke(*args, cwd=cwd, env={"COLUMNS": "120"})


@pytest.mark.parametrize("run", [run, pytest.param(spawn, marks=pytest.mark.slow)],
                         ids=["in-process", "subprocess"])  # fmt: skip
def test_check_json_contract(ministry, run):
    config = ministry.write_config()
    first = run("check", "--json", "--config", str(config))
    assert first.returncode == 0, first.stderr
    data = json.loads(first.stdout)
    assert set(data) >= {"new", "changed", "removed", "errors"}
    assert len(data["new"]) == len(ministry.releases)
    for item in data["new"]:
        assert {"url", "title", "source", "themes", "related"} <= set(item)
        assert item["baseline"] is True and item["source"] == "ministry"
    ministry.publish(chrome_version=1)
    ministry.server.routes[ministry.layout.article(ministry.releases[0])] = Route.error(503)
    second = json.loads(run("check", "--json", "--config", str(config)).stdout)
    assert second["new"] == [] and second["changed"] == [] and second["removed"] == []
    assert [e["url"] for e in second["errors"]] == [ministry.url(ministry.releases[0])]
    assert second["errors"][0]["error"]
    assert second["errors"][0]["title"] == ministry.releases[0].title


def test_config_from_environment_and_cwd(ministry, tmp_path):
    config = ministry.write_config()
    env_run = invoke("check", "--json", env={"MONITOR_CONFIG": str(config)}, cwd=tmp_path)
    assert env_run.returncode == 0 and json.loads(env_run.stdout)["new"]
    cwd_run = run("check", "--json", cwd=config.parent)
    assert cwd_run.returncode == 0 and json.loads(cwd_run.stdout)["new"] == []


def test_bad_config_exits_2_with_line(tmp_path):
    (tmp_path / "config.yaml").write_text(
        "sources:\n  - name: a\n    url: https://x.org/\n    max_page: 2\n"
    )
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "config.yaml:4" in result.stderr and "max_page" in result.stderr
    assert result.stdout == ""


def test_config_without_sources_is_an_error(tmp_path):
    empty = tmp_path / "config.yaml"
    empty.write_text("snapshots: snap\n")
    result = run("check", "--json", "--config", str(empty))
    assert result.returncode == 2 and "no sources" in result.stderr and result.stdout == ""


def test_missing_config_says_what_to_do(tmp_path):
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2 and "--config" in result.stderr


def test_unwritable_store_exits_3(tmp_path):
    (tmp_path / "blocker").write_text("a file where the store folder should be")
    (tmp_path / "config.yaml").write_text(
        "snapshots: blocker/store\nsources: [{name: a, url: 'http://127.0.0.1:9/news'}]\n"
    )
    result = run("check", cwd=tmp_path)
    assert result.returncode == 3 and "store" in result.stderr


@pytest.mark.slow
def test_a_full_disk_is_a_clear_error_and_loses_nothing(ministry):
    """A file-size limit stands in for a full disk: exit 3 with advice, no traceback. (The limit
    needs a process of its own.)"""
    import resource

    config = ministry.write_config()

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (300_000, 300_000))

    full = spawn("check", "--json", "--config", str(config), preexec_fn=small_files)
    assert full.returncode == 3, full.stderr
    said = " ".join(full.stderr.split())
    assert "could not be written" in said and "free space" in said and "Traceback" not in said
    again = run("check", "--json", "--config", str(config))
    assert again.returncode == 0, again.stderr
    found = json.loads(again.stdout)
    with sqlite3.connect(config.parent / "snapshots" / "catalogue.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ministry_id = "(SELECT id FROM sources WHERE name = 'ministry')"
        query = f"SELECT COUNT(*) FROM releases WHERE source_id = {ministry_id}"
        stored = db.execute(query).fetchone()[0]
    assert stored == len(ministry.releases)
    assert not found["errors"] and not found["changed"] and not found["removed"]


def test_extract_json_on_saved_files(tmp_path):
    page = tmp_path / "release.html"
    page.write_text(
        "<html><head><title>Press Release | Ministry</title></head><body><nav><a href='/'>Home"
        "</a></nav><article><h1>Cambodia Hosts ASEAN-UN Workshop</h1><p>Phnom Penh, 21 October"
        " 2020</p><p>The Ministry of Foreign Affairs hosted a workshop on humanitarian demining "
        "with the United Nations and ASEAN partners.</p><p>Participants reviewed progress "
        "towards a mine-free Cambodia.</p></article><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    result = run("extract", "--json", str(page))
    assert result.returncode == 0, result.stderr
    item = json.loads(result.stdout.splitlines()[0])
    assert item["path"] == str(page) and "Workshop" in item["title"]
    assert "humanitarian demining" in item["text"] and "Copyright" not in item["text"]
    missing = run("extract", str(tmp_path / "nope.html"))
    assert missing.returncode == 1 and "nope.html" in missing.stderr


def _slow_site(ministry, delay: float) -> None:
    for release in ministry.releases:
        path = ministry.layout.article(release)
        route = ministry.server.routes[path]
        ministry.server.routes[path] = dataclasses.replace(route, delay=delay)


_MINISTRY_VERSIONS = (
    "SELECT COUNT(*) FROM versions v JOIN releases r ON r.id = v.release_id "
    "JOIN sources s ON s.id = r.source_id WHERE s.name = 'ministry'"
)


def _versions(config: Path) -> int:
    db = config.parent / "snapshots" / "catalogue.sqlite"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute(_MINISTRY_VERSIONS).fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.mark.slow
def test_kill_9_during_a_check_then_a_clean_second_check(ministry):
    config = ministry.write_config(fetch={"per_host_delay": 0, "concurrency": 1, "retries": 0})
    _slow_site(ministry, 0.3)
    proc = subprocess.Popen([*MONITOR, "check", "--json", "--config", str(config)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    _until(lambda: _versions(config) >= 3, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    recorded = _versions(config)
    assert 3 <= recorded < len(ministry.releases)

    second = run("check", "--json", "--config", str(config))
    assert second.returncode == 0, second.stderr
    data = json.loads(second.stdout)
    assert not data["errors"] and not data["changed"] and not data["removed"]
    # what the killed check stored stands; the second check adds exactly the rest
    assert len(data["new"]) == len(ministry.releases) - recorded
    _assert_kept_whole(config, len(ministry.releases))
    assert json.loads(run("check", "--json", "--config", str(config)).stdout)["new"] == []


def _assert_kept_whole(config: Path, releases: int) -> None:
    """After a kill and a clean check: a sound catalogue, one version and one event for each
    release, no version without its event, and a search index that holds exactly each
    release's latest text (FTS5 'integrity-check' against its content view)."""
    db = config.parent / "snapshots" / "catalogue.sqlite"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for fts in ("release_fts", "release_fts_trigram"):
            conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
        assert conn.execute(_MINISTRY_VERSIONS).fetchone()[0] == releases
        per_release = conn.execute(
            "SELECT COUNT(*) FROM events GROUP BY release_id HAVING COUNT(*) > 1"
        ).fetchall()
        assert per_release == []  # every release reported exactly once
        orphans = conn.execute(
            "SELECT COUNT(*) FROM versions v JOIN releases r ON r.id = v.release_id "
            "JOIN sources s ON s.id = r.source_id LEFT JOIN events e ON e.version_id = v.id "
            "WHERE e.id IS NULL AND s.name = 'ministry'"
        ).fetchone()[0]
        assert orphans == 0  # no version without its event


@pytest.mark.slow
def test_two_concurrent_checks(ministry):
    config = ministry.write_config(fetch={"per_host_delay": 0, "concurrency": 2})
    _slow_site(ministry, 0.1)
    procs = [subprocess.Popen([*MONITOR, "check", "--json", "--config", str(config)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]  # fmt: skip
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outputs]
    reports = [json.loads(out) for out, _ in outputs]
    new_urls = [item["url"] for r in reports for item in r["new"]]
    assert sorted(new_urls) == sorted(ministry.url(r) for r in ministry.releases)  # once each
    assert all(not r["errors"] and not r["changed"] for r in reports)
    assert any("waiting" in err for _, err in outputs)  # the second said it waited


def test_no_wait_says_busy(ministry):
    from monitor.store.catalogue import Store

    config = ministry.write_config()
    with Store.open(config.parent / "snapshots"):
        result = run("check", "--no-wait", "--config", str(config))
    assert result.returncode == 3 and "another monitor process" in result.stderr


@pytest.mark.parametrize("run", [run, pytest.param(spawn, marks=pytest.mark.slow)],
                         ids=["in-process", "subprocess"])  # fmt: skip
def test_demo_runs_offline_and_reports_exactly_the_edits(tmp_path, run):
    result = run("demo", "--dir", str(tmp_path / "demo"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "New releases (1)" in out and "Edited releases (1)" in out
    new = out.split("New releases (1)")[1].split("Edited releases")[0]
    assert "related (" in new and "Mine" in new  # issue 13: the store holds releases on it
    assert "Removed releases (1)" in out and "2023" in out
    assert "{+" in out and "review it in 2023" in out  # the edit's words, marked without colour
    assert list((tmp_path / "demo" / "outbox").glob("*.eml"))
    assert f"monitor serve --config {tmp_path / 'demo' / 'config.yaml'}" in out  # how to browse


def test_digest_outbox_no_email_preview_and_send(ministry):
    email = {"to": ["analyst@example.org"], "from": "monitor@example.org", "outbox": "outbox"}
    config = ministry.write_config(email=email)
    outbox = config.parent / "outbox"
    assert run("check", "--no-email", "--config", str(config)).returncode == 0
    assert not outbox.exists() or not list(outbox.iterdir())  # suppressed, still pending
    preview = run("digest", "--preview", "--out", str(config.parent / "p.html"), "--config",
                  str(config))  # fmt: skip
    assert preview.returncode == 0 and "Subject:" in preview.stdout
    assert "<html" in (config.parent / "p.html").read_text(encoding="utf-8").lower()
    sent = run("digest", "--send", "--config", str(config))
    assert sent.returncode == 0, sent.stderr
    assert len(list(outbox.glob("*.eml"))) == 1
    assert "nothing is waiting" in run("digest", "--send", "--config", str(config)).stderr
    ministry.publish(chrome_version=2)
    run("check", "--config", str(config))
    assert len(list(outbox.glob("*.eml"))) == 1  # a check that found nothing sends nothing

    # events of a --no-email check wait: the next check that finds nothing still sends nothing
    ministry.publish(releases=ministry.releases[1:], gone=ministry.releases[:1])
    assert run("check", "--no-email", "--config", str(config)).returncode == 0
    ministry.publish(chrome_version=3)
    quiet = run("check", "--json", "--config", str(config))
    assert json.loads(quiet.stdout)["removed"] == [] and "sent" not in quiet.stderr
    assert len(list(outbox.glob("*.eml"))) == 1
    assert run("digest", "--send", "--config", str(config)).returncode == 0
    assert len(list(outbox.glob("*.eml"))) == 2


def test_undelivered_digest_is_previewed_and_send_fails_with_exit_4(ministry):
    email = {"to": ["analyst@example.org"], "from": "monitor@example.org",
             "smtp": {"host": "127.0.0.1", "port": _closed_port(), "security": "none"}}  # fmt: skip
    config = ministry.write_config(email=email)
    check = run("check", "--json", "--config", str(config))
    assert check.returncode == 0 and "not sent" in check.stderr.lower()
    out = config.parent / "pending.html"
    preview = run("digest", "--preview", "--out", str(out), "--config", str(config))
    assert preview.returncode == 0, preview.stderr
    assert "Subject: monitor:" in preview.stdout and out.exists()
    assert f"{len(ministry.releases)} releases" in preview.stdout  # the baseline's line
    send = run("digest", "--send", "--config", str(config))
    assert send.returncode == 4 and "not accepted" in send.stderr


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _until(condition, proc, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    assert proc.poll() is None, "the check finished before it could be killed"


@pytest.mark.slow
@pytest.mark.parametrize("kill_at", [*random.Random(20261203).sample(range(1, 9), 3), "mail"])
def test_kill_9_at_random_points_with_email_loses_and_repeats_nothing(ministry, kill_at):
    """A check killed mid-way (after some releases were stored, or while its digest is being
    handed to the SMTP server): the next check stores and mails exactly the rest, and every
    event reaches the recipients in one digest; a digest handed over again keeps its
    Message-ID, so mail clients show it once."""
    from tests.test_deliver import Recorder, smtp_server

    class SlowRecorder(Recorder):
        delay = 0.0

        async def handle_DATA(self, server, session, envelope):
            self.started = True
            await asyncio.sleep(self.delay)
            return await super().handle_DATA(server, session, envelope)

    handler = SlowRecorder()
    handler.started = False
    with smtp_server(handler) as port:
        email = {"to": ["analyst@example.org"], "from": "monitor@example.org",
                 "smtp": {"host": "127.0.0.1", "port": port, "security": "none"}}  # fmt: skip
        config = ministry.write_config(
            email=email, fetch={"per_host_delay": 0, "concurrency": 1, "retries": 0}
        )
        if kill_at == "mail":
            handler.delay = 30.0
        else:
            _slow_site(ministry, 0.3)
        proc = subprocess.Popen([*MONITOR, "check", "--json", "--config", str(config)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
        if kill_at == "mail":
            _until(lambda: handler.started, proc)
        else:
            _until(lambda: _versions(config) >= kill_at, proc)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        handler.delay = 0.0
        for _ in range(2):  # the rest, then a check that finds nothing
            again = run("check", "--json", "--config", str(config))
            assert again.returncode == 0, again.stderr
        assert json.loads(again.stdout)["new"] == []

    _assert_kept_whole(config, len(ministry.releases))
    db = config.parent / "snapshots" / "catalogue.sqlite"
    with sqlite3.connect(db) as conn:
        events = conn.execute(
            "SELECT e.release_id, d.status, d.message_id FROM events e "
            "LEFT JOIN digests d ON d.id = e.digest_id"
        ).fetchall()
        sent = {row[0] for row in conn.execute(
            "SELECT message_id FROM digests WHERE status = 'sent'")}  # fmt: skip
    releases = [release for release, _, _ in events]
    assert len(releases) == len(set(releases)) >= len(ministry.releases)  # one event each
    assert {status for _, status, _ in events} == {"sent"}, events  # every event mailed
    mailed = [
        line.split(b":", 1)[1].strip().decode()
        for mail in handler.accepted
        for line in mail.content.splitlines()
        if line.lower().startswith(b"message-id:")
    ]
    assert set(mailed) == sent  # what was recorded as sent is what arrived
    if kill_at != "mail":
        assert len(mailed) == len(set(mailed))  # and nothing arrived twice
