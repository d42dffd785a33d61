"""Chat and webhook channels through Apprise: a real HTTP receiver on 127.0.0.1, the real store,
real checks of a sample ministry site. Each digest reaches each channel exactly once; a channel
that is down keeps its digests and gets each once when it is back."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from rich.console import Console

from monitor.config import Config
from monitor.demo.samples import SampleRelease
from monitor.digest.chat import md, render_chat
from monitor.models import Event, ThemeMatch
from monitor.run.cycle import run_check_command
from monitor.run.status import collect_status

FRESH = SampleRelease(
    slug="cambodia-welcomes-un-mine-action-mission",
    title="Cambodia Welcomes UN Mine Action Mission",
    date=dt.date.today(),
    lang="en",
    paragraphs=(
        "The Ministry welcomed a UN Mine Action Service mission to Phnom Penh.",
        "The mission will visit clearance sites in Battambang province and demining teams.",
    ),
)


class Receiver:
    """Records every POST (path and JSON body); can be taken down and brought back on its port."""

    def __init__(self) -> None:
        self.posts: list[tuple[str, dict[str, Any]]] = []
        self.port = 0
        self._server: ThreadingHTTPServer | None = None
        self.up()

    def up(self) -> None:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                size = int(self.headers.get("Content-Length") or 0)
                outer.posts.append((self.path, json.loads(self.rfile.read(size) or b"{}")))
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def down(self) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()
        self._server = None

    def at(self, path: str) -> list[dict[str, Any]]:
        return [body for p, body in self.posts if p == path]


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    if r._server is not None:
        r.down()


def channels_config(ministry, receiver, **extra: Any) -> Config:
    notify = [
        {"url": f"json://127.0.0.1:{receiver.port}/hook", "name": "webhook"},
        {"url": f"mmost://127.0.0.1:{receiver.port}/tokenabc", "name": "chat", "format": "full"},
    ]
    return ministry.config(notify=notify, **extra)


def check(config: Config) -> str:
    out = io.StringIO()
    run_check_command(config, console=Console(file=out, width=200), wait=5)
    return out.getvalue()


def rows(config: Config) -> list[tuple]:
    with sqlite3.connect(config.snapshots_dir / "catalogue.sqlite") as conn:
        return conn.execute(
            "SELECT channel, status, attempts FROM channel_deliveries ORDER BY id"
        ).fetchall()


def test_each_digest_posted_once_to_each_channel(ministry, receiver):
    config = channels_config(ministry, receiver)
    said = check(config)  # the baseline
    assert "posted to channel webhook" in said and "posted to channel chat" in said
    assert len(receiver.at("/hook")) == 1 and len(receiver.at("/hooks/tokenabc")) == 1
    webhook = receiver.at("/hook")[0]
    digest = webhook["digest"]
    assert {i["url"] for i in digest["new"]} == {ministry.url(r) for r in ministry.releases}
    assert all(i["baseline"] is True for i in digest["new"])
    assert digest["counts"]["baseline"] == len(ministry.releases)
    assert webhook["title"].startswith("monitor:") and webhook["message"]

    check(config)  # nothing new: nothing posted
    assert len(receiver.posts) == 2

    ministry.publish(releases=[*ministry.releases, FRESH])
    check(config)
    assert len(receiver.at("/hook")) == 2 and len(receiver.at("/hooks/tokenabc")) == 2
    digest = receiver.at("/hook")[1]["digest"]
    assert [i["title"] for i in digest["new"]] == [FRESH.title]
    assert digest["new"][0]["baseline"] is False
    assert set(digest["new"][0]) >= {"url", "title", "source", "date", "themes", "related"}
    chat = receiver.at("/hooks/tokenabc")[1]["text"]
    assert FRESH.title in chat and ministry.url(FRESH) in chat
    assert rows(config) == [("webhook", "sent", 1), ("chat", "sent", 1)] * 2


def test_a_channel_down_keeps_its_digest_and_gets_it_once_when_back(ministry, receiver):
    config = channels_config(ministry, receiver)
    receiver.down()
    said = check(config)
    assert "NOT posted to channel webhook" in said and "kept" in said
    status = collect_status(config).to_json()
    by_name = {c["name"]: c for c in status["channels"]}
    assert by_name["webhook"]["pending"] == 1 and by_name["chat"]["pending"] == 1
    assert by_name["webhook"]["last_sent_at"] is None and by_name["webhook"]["last_error"]
    assert status["digest"]["unsent_digests"] == 0  # no email section: nothing waits for mail

    check(config)  # still down: kept again, not duplicated
    assert [r[:2] for r in rows(config)] == [("webhook", "pending"), ("chat", "pending")]

    receiver.up()
    check(config)  # nothing new: only the kept digest is retried
    assert len(receiver.at("/hook")) == 1 and len(receiver.at("/hooks/tokenabc")) == 1
    check(config)
    assert len(receiver.posts) == 2
    assert rows(config) == [("webhook", "sent", 3), ("chat", "sent", 3)]
    status = collect_status(config).to_json()
    assert all(c["pending"] == 0 and c["last_sent_at"] for c in status["channels"])


@pytest.mark.slow
def test_a_theme_filter_that_matches_nothing_posts_nothing(ministry, receiver):
    notify = [{"url": f"json://127.0.0.1:{receiver.port}/hook", "themes": ["no-such-theme"]}]
    config = ministry.config(notify=notify)
    check(config)
    ministry.publish(releases=[*ministry.releases, FRESH])
    check(config)
    assert receiver.posts == [] and rows(config) == []


@pytest.mark.slow
def test_url_from_the_environment_is_never_shown_or_stored(ministry, receiver, monkeypatch):
    secret = f"json://127.0.0.1:{receiver.port}/hook-s3cr3t-token"
    monkeypatch.setenv("MONITOR_HOOK_URL", secret)
    config = ministry.config(notify=[{"url_env": "MONITOR_HOOK_URL"}])
    said = check(config)
    assert receiver.at("/hook-s3cr3t-token")
    assert "s3cr3t" not in said and "s3cr3t" not in json.dumps(collect_status(config).to_json())
    assert b"s3cr3t" not in (config.snapshots_dir / "catalogue.sqlite").read_bytes()
    monkeypatch.delenv("MONITOR_HOOK_URL")
    ministry.publish(releases=[*ministry.releases, FRESH])
    said = check(config)
    assert "MONITOR_HOOK_URL" in said and "not set" in said  # kept, and says what to do
    assert rows(config)[-1][:2] == ("MONITOR_HOOK_URL", "pending")


def test_chat_text_is_escaped_and_mentions_defused():
    hostile = Event(
        kind="changed",
        source="mfaic",
        url="https://example.org/a(1)",
        title="@everyone [click](javascript:alert(1)) *bold* <b>",
        diff="Funds of [-2025-]{+2030+} for [-demining-]{+@here+}.",
        themes=[ThemeMatch("demining", 3.0)],
    )
    now = dt.datetime(2026, 12, 3, tzinfo=dt.UTC)
    message = render_chat([hostile], [], digest_id="d1", created_at=now)
    assert message is not None
    assert "@everyone" not in message.body and "@here" not in message.body
    assert "[click](javascript" not in message.body
    assert "\\*bold\\*" in message.body and "\\<b\\>" in message.body
    assert "(https://example.org/a%281%29)" in message.body
    assert "~~2025~~" in message.body and "**2030**" in message.body
    assert md("a_b") == "a\\_b"
    full = render_chat([hostile], [], digest_id="d1", created_at=now, fmt="full")
    assert full is not None and "of ~~2025~~ **2030** for" in full.body
    assert render_chat([hostile], [], digest_id="d1", created_at=now, themes=["other"]) is None
