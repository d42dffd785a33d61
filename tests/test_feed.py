"""The Atom feed of events: real checks of a sample site into the real store, `monitor feed`
through the CLI, and the result read back with feedparser."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import stat

import feedparser
import pytest
from click.testing import CliRunner
from rich.console import Console

from monitor.cli import cli
from monitor.demo.samples import SampleRelease
from monitor.demo.scenario import remove_release
from monitor.demo.server import FixtureServer
from monitor.run.cycle import run_check_command
from tests.conftest import Ministry

MINISTERIAL = "outcomes-of-the-asean-united-nations-ministerial-meeting"
GONE = "cambodia-and-korea-discuss-trade-and-investment-cooperation"
HOSTILE = SampleRelease(
    slug="hostile-title",
    title="<script>alert(\"x\")</script> Mine action & 'demining' \"quotes\"",
    date=dt.date.today(),
    lang="en",
    paragraphs=(
        "The Cambodian Mine Action Centre reported progress in humanitarian demining.",
        "Mine clearance teams worked in Battambang province this month.",
    ),
)


def feed(config_path, *args: str) -> feedparser.FeedParserDict:
    result = CliRunner().invoke(cli, ["feed", "--config", str(config_path), *args])
    assert result.exit_code == 0, result.output
    return feedparser.parse(result.stdout_bytes)


def _change(ministry):
    """A baseline, then one new (hostile-titled) release, one edit and one removal."""
    path = ministry.write_config()
    ministry.baseline()
    release = ministry.release(MINISTERIAL)
    edited = dataclasses.replace(release, paragraphs=(
        *release.paragraphs[:1], "The Meeting agreed a mine action plan for 2030.",
        *release.paragraphs[1:]))  # fmt: skip
    gone = ministry.release(GONE)
    releases = [edited if r.slug == MINISTERIAL else r for r in ministry.releases]
    ministry.publish(releases=[*remove_release(releases, gone.slug), HOSTILE], gone=[gone])
    report = ministry.check()
    assert len(report.new) == len(report.changed) == len(report.removed) == 1
    return path, report


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory):
    """The site after `_change`, for the tests that only read its feed."""
    with FixtureServer() as server:
        yield _change(Ministry(server, tmp_path_factory.mktemp("feed")))


def test_feed_is_valid_atom_with_one_entry_per_event(changed_site):
    path, report = changed_site
    parsed = feed(path)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    entries = parsed.entries
    assert len(entries) == 3  # the baseline is not in the feed
    by_kind = {e.title.split(":", 1)[0]: e for e in entries}
    assert set(by_kind) == {"New", "Edited", "Removed"}
    ids = [e.id for e in entries]
    assert len(set(ids)) == 3 and all(i.startswith("tag:monitor.invalid,2026:") for i in ids)
    for entry, event in ((by_kind["New"], report.new[0]), (by_kind["Edited"], report.changed[0]),
                         (by_kind["Removed"], report.removed[0])):  # fmt: skip
        assert entry.link == event.url
        assert entry.updated_parsed is not None and entry.published_parsed is not None
        themes = {t.theme for t in event.themes}
        assert themes <= {t.term for t in entry.get("tags", [])}
    assert "demining" in {t.term for t in by_kind["New"].tags}
    assert "2030" in by_kind["Edited"].content[0].value  # the diff is in the entry
    assert parsed.feed.updated_parsed is not None


def test_hostile_titles_arrive_as_text(changed_site):
    path, _ = changed_site
    result = CliRunner().invoke(cli, ["feed", "--config", str(path)])
    raw = result.stdout_bytes
    assert b"<script>" not in raw
    entry = next(e for e in feedparser.parse(raw).entries if e.title.startswith("New"))
    assert entry.title == f"New: {HOSTILE.title}"
    assert entry.title_detail.type == "text/plain"


def test_entry_ids_are_stable_and_filters_apply(ministry):
    path, _ = _change(ministry)
    first = [e.id for e in feed(path).entries]
    assert [e.id for e in feed(path).entries] == first
    ministry.publish(releases=remove_release(ministry.releases, MINISTERIAL),
                     gone=[*ministry.gone, ministry.release(MINISTERIAL)])  # fmt: skip
    ministry.check()
    again = feed(path).entries
    assert len(again) == 4 and [e.id for e in again[1:]] == first  # newest first, old ids kept
    assert feed(path, "--theme", "no-such-theme").entries == []
    tagged = feed(path, "--theme", "Demining").entries
    assert tagged and all("demining" in {t.term for t in e.tags} for e in tagged)
    assert len(feed(path, "--source", "ministry").entries) == 4
    bad = CliRunner().invoke(cli, ["feed", "--config", str(path), "--source", "nope"])
    assert bad.exit_code == 2 and "no source named" in bad.output


@pytest.mark.slow
def test_configured_feed_is_kept_up_to_date(ministry, tmp_path):
    config = ministry.config(feed={"path": "public/feed.xml", "themes": ["demining"],
                                   "url": "https://example.org/feed.xml"})  # fmt: skip
    out = io.StringIO()
    run_check_command(config, console=Console(file=out), wait=5)  # the baseline: no entries
    target = ministry.root / "public" / "feed.xml"
    assert feedparser.parse(target.read_bytes()).entries == []
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # a web server can read it
    ministry.publish(releases=[*ministry.releases, HOSTILE])
    run_check_command(config, console=Console(file=out), wait=5)
    parsed = feedparser.parse(target.read_bytes())
    assert not parsed.bozo and [e.title for e in parsed.entries] == [f"New: {HOSTILE.title}"]
    assert parsed.feed.links[0].href == "https://example.org/feed.xml"
    assert "updated (1 entries)" in out.getvalue()
    assert not list(target.parent.glob(".tmp-*"))
