"""The first start of `monitor run` mails one baseline, whatever the number of sources (a real
service process, real HTTP servers on 127.0.0.1, a real SMTP server)."""

from __future__ import annotations

import dataclasses

import pytest

from monitor.demo.server import FixtureServer
from tests.test_service import inbox, service, unsent_events, wait_for, write_config
from tests.test_service_workers import trickle

__all__ = ["inbox", "trickle"]  # fixtures


@pytest.mark.slow
def test_first_start_with_three_sources_mails_one_baseline(ministry, inbox):
    mail, port = inbox
    listing = ministry.layout.listing(1)
    with (
        FixtureServer(routes=ministry.server.routes) as second,
        FixtureServer(routes=ministry.server.routes) as third,
    ):
        config = write_config(
            ministry,
            port,
            schedule={"every": "1h", "jitter": 0, "workers": 3},
            sources=[
                {"name": "ministry", "url": ministry.server.url(listing)},
                {"name": "second", "url": second.url(listing)},
                {"name": "third", "url": third.url(listing)},
            ],
        )
        with service(config) as svc:
            for name in ("ministry", "second", "third"):
                wait_for(lambda name=name: svc.checks(name), timeout=60, what=f"{name} checked")
            wait_for(lambda: unsent_events(config) == 0, timeout=30, what="the digest sent")
            assert svc.stop() == 0
    assert [c["ok"] for name in ("ministry", "second", "third") for c in svc.checks(name)] == [
        True
    ] * 3
    assert len(mail.messages) == 1, [m["Subject"] for m in mail.messages]
    text = mail.texts()[0]
    assert "Started watching 3 sources" in text
    for name in ("ministry", "second", "third"):
        assert f"{name} ({len(ministry.releases)} releases)" in text


@pytest.mark.slow
def test_a_baseline_read_past_the_wait_is_mailed_when_it_ends(ministry, inbox, trickle):
    """The wait for baselines runs out while one is still being read (a slow site) and another
    never ends: the slow one's releases are mailed as soon as its check ends, not held until
    some later check happens to find something new."""
    mail, port = inbox
    for path, route in list(ministry.server.routes.items()):
        ministry.server.routes[path] = dataclasses.replace(route, delay=0.4)
    config = write_config(
        ministry,
        port,
        fetch={"per_host_delay": 0, "retries": 0, "timeout": 45},
        schedule={"every": "1h", "jitter": 0, "baseline_wait": "1s"},
        sources=[
            {"name": "hung", "url": trickle.url("/news")},
            {"name": "ministry", "url": ministry.server.url(ministry.layout.listing(1))},
        ],
    )
    with service(config) as svc:
        wait_for(lambda: svc.checks("ministry"), timeout=60, what="the slow baseline")
        assert svc.checks("hung") == []  # still trickling: the wait ran out before either ended
        wait_for(lambda: unsent_events(config) == 0, timeout=15, what="its releases mailed")
    assert any(f"ministry ({len(ministry.releases)} releases)" in t for t in mail.texts())
