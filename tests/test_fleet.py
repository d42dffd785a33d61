"""A fleet on one machine: 200 generated sources, several real `monitor worker` processes killed
with SIGKILL at random points, PostgreSQL catalogue, S3 archive (moto), RabbitMQ, real SMTP.

Every round is first checked in process on SQLite (the reference); the fleet must then store
the same versions and events, check each source exactly once per round (counted from the
catalogue's rows of `checks`), and mail each event once, in one digest a round, even when two
schedulers (`monitor check`) send the same round at once.

The kill points (after how many stored releases of the round) are drawn from MONITOR_FLEET_SEED,
a new seed each run when unset; the seed and each kill (worker, check, source) are printed, and
a failing run's points come back with its seed (which check a point hits depends on timing).
"""

from __future__ import annotations

import difflib
import json
import os
import random
import signal
import subprocess
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests import test_service
from tests.fleet_web import fleet_web
from tests.test_queue import (
    MONITOR,
    _sorted,
    _UndefinedTable,
    check,
    queue_on,
    rows,
    start_worker,
    stop_workers,
    wait_ready,
    write_config,
)

pytestmark = pytest.mark.slow
inbox = test_service.inbox  # the SMTP server fixture
SOURCES, HOSTS, RELEASES_EACH = 200, 10, 3
WORKERS, THREADS = 3, 2
KILLS = 3  # a round
EACH = 10  # sources that edit, publish and take down a release between two rounds
ROUND_TIMEOUT = 600

# rows of the watched sources, comparable across catalogues (no ids)
EVENTS = (
    "SELECT s.name, r.url, e.kind, e.baseline FROM events e JOIN releases r "
    "ON r.id = e.release_id JOIN sources s ON s.id = r.source_id WHERE s.name != 'corpus'"
)
TEXTS = (
    "SELECT s.name, r.url, v.seq, v.body FROM versions v JOIN releases r "
    "ON r.id = v.release_id JOIN sources s ON s.id = r.source_id WHERE s.name != 'corpus'"
)
# the versions an event reported (a silent new reading, see same_records, has none)
VERSIONS = ("SELECT s.name, r.url, e.kind, v.title FROM versions v JOIN events e "
            "ON e.version_id = v.id JOIN releases r ON r.id = v.release_id "
            "JOIN sources s ON s.id = r.source_id WHERE s.name != 'corpus'")  # fmt: skip
REPEATS = ("SELECT r.url, v.seq FROM versions v JOIN versions w ON w.release_id = v.release_id "
           "AND w.seq = v.seq + 1 AND w.text_hash = v.text_hash "
           "JOIN releases r ON r.id = v.release_id")  # fmt: skip


@dataclass
class Kill:
    round: int
    after_events: int  # the round's stored events that triggered it
    pid: int
    check_id: int
    source: str


class Fleet:
    """Worker processes the test kills; each killed one is replaced at once."""

    def __init__(self, config: Path):
        self.config = config
        self.procs = [start_worker(config, i, THREADS) for i in range(WORKERS)]
        wait_ready(config, range(WORKERS), self.procs)

    def alive(self) -> set[int]:
        return {p.pid for p in self.procs if p.poll() is None}

    def kill(self, pid: int) -> None:
        os.kill(pid, signal.SIGKILL)
        victim = next(p for p in self.procs if p.pid == pid)
        victim.wait(timeout=10)
        self.procs.append(start_worker(self.config, len(self.procs), THREADS))

    def stop(self) -> None:
        stop_workers(self.procs)


def fleet_seed() -> int:
    seed = int(os.environ.get("MONITOR_FLEET_SEED") or random.SystemRandom().randrange(10**6))
    print(f"MONITOR_FLEET_SEED={seed}", flush=True)
    return seed


def send(config: Path) -> subprocess.Popen:
    """`monitor check` (it mails the round's digest) as a scheduler, not waited for."""
    return subprocess.Popen([*MONITOR, "check", "--config", str(config), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def finished(sender: subprocess.Popen) -> dict:
    out, err = sender.communicate(timeout=ROUND_TIMEOUT)
    assert sender.returncode == 0, err[-3000:]
    return json.loads(out)


def last_check(config: Path) -> int:
    """The newest row of `checks` (0 before the catalogue is made)."""
    try:
        return int(rows(config, "SELECT COALESCE(MAX(id), 0) FROM checks")[0][0])
    except _UndefinedTable:
        return 0


def killed_round(
    config: Path, fleet: Fleet, rng: random.Random, number: int, expected_events: int,
    schedulers: int,
) -> tuple[list[dict], list[Kill]]:  # fmt: skip
    """One round sent by `schedulers` processes (`monitor check`) at once; KILLS workers killed
    while they check, each when the round has stored a number of events drawn from `rng`."""
    after = last_check(config)
    points = sorted(rng.sample(range(1, max(2, expected_events * 3 // 4)), KILLS))
    senders, kills = [send(config) for _ in range(schedulers)], []
    for point in points:
        victim = _victim(config, fleet, rng, senders, after, point)
        if victim is None:
            break
        fleet.kill(victim[0])
        kills.append(Kill(number, point, *victim))
        print(f"round {number}: killed {kills[-1]}", flush=True)
    reports = [finished(s) for s in senders]
    assert len(kills) == KILLS, f"the round ended before kill {len(kills) + 1} at {points}"
    return reports, kills


def _victim(config: Path, fleet: Fleet, rng: random.Random, senders: list[subprocess.Popen],
            after: int, point: int) -> tuple[int, int, str] | None:  # fmt: skip
    """(pid, check row, source) of a live worker's running check once the round has stored
    `point` events: the check that stored the newest one if still running, else one drawn."""
    deadline = time.monotonic() + ROUND_TIMEOUT
    while any(s.poll() is None for s in senders) and time.monotonic() < deadline:
        time.sleep(0.02)
        if not last_check(config):
            continue
        stored = rows(config, "SELECT COUNT(*), MAX(id) FROM events WHERE check_id > ?", after)
        if stored[0][0] >= point:
            running = rows(config, "SELECT c.id, c.pid, c.summary FROM checks c WHERE c.id > ? "
                           "AND c.status = 'running' ORDER BY c.id", after)  # fmt: skip
            live = [(pid, cid, json.loads(s)["source"]) for cid, pid, s in running
                    if pid in fleet.alive()]  # fmt: skip
            newest = rows(config, "SELECT check_id FROM events WHERE id = ?", stored[0][1])
            hit = [v for v in live if v[1] == newest[0][0]]
            if hit or live:
                return hit[0] if hit else rng.choice(live)
    return None


def same_records(fleet: Path, reference: Path) -> None:
    """The fleet's catalogue holds the versions and events the in-process check stored.

    Their texts are printed where they differ, not asserted: a source's first texts depend on
    the order its pages were read (README, "Known limits"), so two checks in process differ
    too now and then (a line of chrome kept on one page of 600), and so does a silent new
    reading of such a page once the template knows that line. The versions compared are those
    an event reports; no version repeats the text of the one before it."""
    for sql in (VERSIONS, EVENTS):
        mine = Counter(tuple(map(_plain, r)) for r in rows(fleet, sql))
        theirs = Counter(tuple(map(_plain, r)) for r in rows(reference, sql))
        assert mine == theirs, _differences(fleet, reference, mine, theirs)
    assert rows(fleet, REPEATS) == []
    texts = [Counter(rows(side, TEXTS)) for side in (fleet, reference)]
    if texts[0] != texts[1]:
        print(_differences(fleet, reference, *texts))


def _comparable(report: dict) -> dict:
    """Sorted, without `related` (see _sorted) nor `archived` (the S3 URL of a removed
    release's last text in the fleet, a path in the snapshots folder in the reference)."""
    return {kind: [{k: v for k, v in e.items() if k != "archived"} for e in items]
            for kind, items in _sorted(report).items()}  # fmt: skip


def _report_differences(fleet: dict, reference: dict) -> str:
    """The first items that differ, key by key."""
    lines = []
    for kind in reference:
        pairs = zip(fleet[kind], reference[kind], strict=False)
        for mine, theirs in [p for p in pairs if p[0] != p[1]][:2]:
            keys = sorted(k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k))
            lines += [f"{kind} {theirs.get('url')}: {k}: fleet {mine.get(k)!r}, reference "
                      f"{theirs.get(k)!r}" for k in keys]  # fmt: skip
        if len(fleet[kind]) != len(reference[kind]):
            lines.append(f"{kind}: {len(fleet[kind])} in the fleet, {len(reference[kind])}")
    return "\n".join(lines)


def _differences(fleet: Path, reference: Path, mine: Counter, theirs: Counter) -> str:
    """The rows only one side has, and the first release's two texts side by side."""
    only_mine, only_theirs = sorted(mine - theirs), sorted(theirs - mine)
    lines = [f"only in the fleet's catalogue: {only_mine[:3]}",
             f"only in the reference: {only_theirs[:3]}"]  # fmt: skip
    url = (only_mine or only_theirs)[0][1]
    body = "SELECT v.body FROM versions v JOIN releases r ON r.id = v.release_id WHERE r.url = ?"
    texts = [[r[0] for r in rows(side, body, url)] for side in (fleet, reference)]
    lines += difflib.unified_diff("\n".join(texts[1]).splitlines(),
                                  "\n".join(texts[0]).splitlines(), "reference", "fleet",
                                  lineterm="")  # fmt: skip
    return "\n".join(lines)


def _plain(value):
    return int(value) if isinstance(value, bool) else value


def checks_per_round(config: Path) -> dict[str, Counter]:
    """Rows of each round by status: {round: Counter((source, status))}."""
    found: dict[str, Counter] = {}
    for status, summary in rows(config, "SELECT status, summary FROM checks"):
        label = json.loads(summary or "{}")
        if label.get("round"):
            found.setdefault(label["round"], Counter())[label["source"], status] += 1
    return found


def test_a_fleet_killed_at_random_points_checks_each_source_once_a_round(
    rabbitmq, pg_url, s3_bucket, inbox, tmp_path
):
    rng = random.Random(fleet_seed())
    mail, port = inbox
    smtp = {"host": "127.0.0.1", "port": port, "security": "none"}
    email = {"to": "desk@example.org", "smtp": smtp}
    with fleet_web(SOURCES, HOSTS, RELEASES_EACH) as web, \
            queue_on(rabbitmq) as queue:  # fmt: skip
        reference = write_config(tmp_path / "reference", web.sources(), None)
        config = write_config(tmp_path / "fleet", web.sources(), queue, catalogue=pg_url,
                              files=f"{s3_bucket.url}/archive", email=email)  # fmt: skip
        fleet, kills, sources = Fleet(config), [], web.sources()
        try:
            for number in (1, 2):  # the baseline; then edits, sent by two schedulers at once
                changes = web.change(rng, EACH) if number > 1 else None
                started = time.monotonic()
                expected, _ = check(reference)
                _expect(expected, changes)
                print(f"round {number} in process: {time.monotonic() - started:.1f} s")
                started = time.monotonic()
                reports, killed = killed_round(config, fleet, rng, number, _events(expected),
                                               schedulers=number)  # fmt: skip
                kills += killed
                print(f"round {number} by the fleet: {time.monotonic() - started:.1f} s")
                union = _comparable({k: [e for r in reports for e in r[k]] for k in expected})
                assert union == _comparable(expected), _report_differences(
                    union, _comparable(expected)
                )
                same_records(config, reference)
        finally:
            fleet.stop()
    _each_source_once_a_round(config, sources, kills, rounds=3)
    _each_event_mailed_once(config, mail, digests=2)


def _expect(report: dict, changes) -> None:
    """The reference saw what the web did (so the comparison means something)."""
    assert not report["errors"], report["errors"][:3]
    if changes is None:
        assert len(report["new"]) == SOURCES * RELEASES_EACH
        return
    counts = {k: len(report[k]) for k in ("new", "changed", "removed")}
    assert counts == {"new": changes.added, "changed": changes.edited,
                      "removed": changes.removed}  # fmt: skip


def _events(report: dict) -> int:
    return sum(len(report[k]) for k in ("new", "changed", "removed"))


def _kinds(report: dict) -> Counter:
    return Counter({k: len(report[k]) for k in ("new", "changed", "removed")})


def _each_source_once_a_round(config: Path, sources: list[dict], kills: list[Kill],
                              rounds: int) -> None:  # fmt: skip
    found = checks_per_round(config)
    assert len(found) == rounds
    names = {s["name"] for s in sources}
    for counts in found.values():
        done = Counter({src: n for (src, status), n in counts.items() if status == "done"})
        assert done == Counter(dict.fromkeys(names, 1))
        assert {st for _, st in counts} <= {"done", "interrupted"}, counts
    # a killed check was cut short (its source then checked by another worker), or had just
    # ended when the signal came (the message delivered again is skipped); some were of the
    # first kind (the baseline's checks are long; a later round's last a few milliseconds, and
    # there every kill may come just after the check it aimed at ended)
    status = dict(rows(config, "SELECT id, status FROM checks"))
    print("killed checks:", [(k.round, k.source, status[k.check_id]) for k in kills])
    assert {status[k.check_id] for k in kills} <= {"interrupted", "done"}
    assert any(status[k.check_id] == "interrupted" for k in kills), kills


def _each_event_mailed_once(config: Path, mail, digests: int) -> None:
    """One digest a round (two schedulers of one round make one), each mailed once, and every
    event in exactly one of them."""
    made = rows(config, "SELECT message_id, status FROM digests ORDER BY id")
    assert [s for _, s in made] == ["sent"] * digests
    received = Counter(m["Message-ID"].strip("<>") for m in mail.messages)
    assert received == Counter(d.strip("<>") for d, _ in made)
    unclaimed = rows(config, "SELECT COUNT(*) FROM events WHERE digest_id IS NULL")
    assert unclaimed == [(0,)]
    texts = mail.texts()
    for (url,) in rows(config, "SELECT r.url FROM events e JOIN releases r ON r.id = "
                       "e.release_id WHERE e.baseline = 0"):  # fmt: skip
        assert sum(url in t for t in texts) == 1, url
