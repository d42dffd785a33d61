"""The first start of `monitor run` mails one baseline, whatever the number of sources (a real
service process, real HTTP servers on 127.0.0.1, a real SMTP server)."""

from __future__ import annotations

import pytest

from monitor.demo.server import FixtureServer
from tests.test_service import inbox, service, unsent_events, wait_for, write_config

__all__ = ["inbox"]  # the SMTP server fixture


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
