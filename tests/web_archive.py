"""A real archive for the web view's tests: real checks of the sample ministry site, with an
edit, a removal, a Khmer release and a release whose title and text are hostile markup."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from monitor.config import Config
from monitor.demo.samples import SampleRelease
from monitor.demo.scenario import add_release, edit_sentence, remove_release
from monitor.demo.server import FixtureServer
from monitor.store.catalogue import Store

from .conftest import Ministry

EDITED = "outcomes-of-the-asean-united-nations-ministerial-meeting"
EDIT_OLD, EDIT_NEW = "for 2021-2025", "for 2026-2030"
REMOVED = "cambodia-and-korea-discuss-trade-and-investment-cooperation"
HOSTILE_TITLE = '<script>alert("pwned")</script> Minister\'s "statement" & <b>notes</b>'
HOSTILE_TEXT = (
    'Officials met <img src=x onerror="alert(1)"> to discuss "mine action" & demining; '
    "<script>document.title='x'</script> the meeting ended at noon."
)


@dataclass
class WebArchive:
    root: Path  # the store folder
    ministry: Ministry
    ids: dict[str, int]  # release slug -> release id in the store
    config: Config  # as the checks used it (schedules for the source page)
    source: str = "ministry"


def build_archive(tmp: Path, server: FixtureServer) -> WebArchive:
    ministry = Ministry(server, tmp)
    ministry.check()
    hostile = SampleRelease(
        slug="hostile-statement", title=HOSTILE_TITLE, date=dt.date(2024, 5, 2), lang="en",
        paragraphs=(HOSTILE_TEXT, "A second paragraph about ASEAN and the United Nations."),
    )  # fmt: skip
    releases = edit_sentence(ministry.releases, EDITED, EDIT_OLD, EDIT_NEW)
    gone = ministry.release(REMOVED)
    releases = add_release(remove_release(releases, REMOVED), hostile)
    ministry.publish(releases=releases, gone=[gone])
    ministry.check()
    ids: dict[str, int] = {}
    with Store.open(tmp / "snapshots", readonly=True) as store:
        for release in [*ministry.releases, gone]:
            row = store.conn.execute(
                "SELECT id FROM releases WHERE url = ?", (ministry.url(release),)
            ).fetchone()
            if row is not None:
                ids[release.slug] = row[0]
    return WebArchive(tmp / "snapshots", ministry, ids, ministry.config())
