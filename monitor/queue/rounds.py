"""Checks through the `queue`: send one "check source S" per source, wait for the workers, and
assemble the report an in-process check gives from the catalogue. `monitor check` sends every
source as one round; `monitor run` (run/service.py) sends each source when it is due.

The round is a random id the messages carry; each worker's check keeps it in its row of
`checks` (monitor/store/rounds.py). A source is done when one of its rows ended; its events are
those of all its rows (a worker killed half-way recorded some, the check that took its message
over the rest), its errors and result those of the last row that ended.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass

from rich.console import Console

from monitor.config import Config
from monitor.errors import CheckInterrupted
from monitor.models import CheckError, CheckReport, SourceResult
from monitor.queue.broker import QueueError, declare, make_broker, shown, unreachable
from monitor.run.cycle import after_check, open_store_for_writing
from monitor.store.catalogue import Store
from monitor.store.lease import StoreLease
from monitor.store.rounds import RoundCheck, last_check_id, round_checks

POLL = 0.2  # seconds between two looks at the catalogue


@dataclass(frozen=True)
class Round:
    round_id: str
    sources: list[str]
    after: int  # the last row of `checks` before it was sent


def queued_check(
    config: Config,
    *,
    sources: list[str] | None = None,
    refetch_all: bool = False,
    wait: float = 600.0,
    send_email: bool = True,
    console: Console,
) -> CheckReport:
    """`wait`: how long the round may go without a source ending before we give up."""
    names = [config.source(n).name for n in sources] if sources else [
        s.name for s in config.sources]  # fmt: skip
    sent = start_round(config, names, refetch_all=refetch_all, wait=wait, console=console)
    assert config.queue is not None
    console.print(
        f"{len(names)} sources sent to the queue {config.queue.name!r} on "
        f"{shown(config.queue.url)}; waiting for `monitor worker`…",
        highlight=False,
    )
    report = assemble(config, sent, wait_round(config, sent, wait))
    finish_round(config, report, send_email=send_email, wait=wait, console=console)
    return report


def start_round(
    config: Config,
    names: list[str],
    *,
    refetch_all: bool = False,
    wait: float,
    console: Console | None = None,
    lease: StoreLease | None = None,
) -> Round:
    """Send the sources' checks; the store (created if need be) says where the round starts."""
    store = open_store_for_writing(config, wait, console, lease)
    try:
        after = last_check_id(store.conn)
    finally:
        store.close()
    return _send(config, Round(uuid.uuid4().hex, names, after), refetch_all)


def finish_round(
    config: Config,
    report: CheckReport,
    *,
    send_email: bool,
    wait: float,
    console: Console,
    lease: StoreLease | None = None,
) -> None:
    """What follows a check in process follows the round: the digest when due, the feed."""
    store = open_store_for_writing(config, wait, console, lease)
    try:
        after_check(config, store, report, send_email=send_email, console=console)
    finally:
        store.close()


def _send(config: Config, round_: Round, refetch_all: bool) -> Round:
    assert config.queue is not None
    broker = make_broker(config.queue.url)
    try:
        actor = declare(broker, config.queue.name)
        for name in round_.sources:
            actor.send(name, round_.round_id, refetch_all, round_.after)
    except Exception as exc:
        raise unreachable(config.queue.url, exc) from None
    finally:
        broker.close()
    return round_


def wait_round(
    config: Config, round_: Round, wait: float, stop: threading.Event | None = None
) -> list[RoundCheck]:
    """Every source of the round ended once; QueueError when none ended for `wait` seconds,
    CheckInterrupted when `stop` is set (the messages stay queued: a worker still runs them)."""
    done: set[str] = set()
    progress_at = time.monotonic()
    while True:
        with Store.open(config.snapshots_dir, readonly=True) as store:
            rows = round_checks(store.conn, round_.round_id, round_.after)
        ended = {r.source for r in rows if r.done}
        if ended > done:
            done, progress_at = ended, time.monotonic()
        if done >= set(round_.sources):
            return rows
        if time.monotonic() - progress_at > wait:
            left = ", ".join(sorted(set(round_.sources) - done))
            raise QueueError(
                f"no worker ended a check for {wait:.0f} s; still waiting for: {left}. Is "
                "`monitor worker` running with this config (same sources, same store)?"
            )
        if stop is None:
            time.sleep(POLL)
        elif stop.wait(POLL):
            raise CheckInterrupted("stopping while a worker checks: the check stays queued")


def assemble(config: Config, round_: Round, rows: list[RoundCheck]) -> CheckReport:
    """The report of the round, source by source in the config's order, events in the order
    they were recorded."""
    report = CheckReport()
    with Store.open(config.snapshots_dir, readonly=True) as store:
        for name in round_.sources:
            mine = [r for r in rows if r.source == name]
            for row in mine:
                for event in store.events(check_id=row.check_id):
                    report.add(event)
            last = [r for r in mine if r.done][-1].detail
            report.errors += [CheckError(**e) for e in last.get("errors", [])]
            report.sources += [SourceResult(**s) for s in last.get("sources", [])]
    return report
