"""Checks that read with what a source taught: no false edits from learning, upgrades or chrome."""

from __future__ import annotations

import sqlite3

from monitor.extract import Template
from monitor.extract.profile import SiteProfile
from monitor.store import Store
from tests.test_check import MINISTERIAL, NEW, OLD, edit_sentence


def versions(ministry) -> int:
    db = ministry.root / "snapshots" / "catalogue.sqlite"
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM versions").fetchone()[0]


def test_the_first_check_after_the_upgrade_reports_no_edit(ministry, monkeypatch):
    """A store written by the extractor before template learning (version 3: single-page
    reading only) is re-read silently: new bytes everywhere, and not one edit."""
    with monkeypatch.context() as patch:
        patch.setattr(SiteProfile, "view", lambda self: Template())  # the old reading
        baseline = ministry.check()
    assert baseline.new and not baseline.errors
    db = ministry.root / "snapshots" / "catalogue.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE releases SET extract_sig = '3+trafilatura-2.0.0|||'")
        conn.execute("DELETE FROM template_keys")
        conn.execute("DELETE FROM template_regions")
    for version in (1, 2):
        ministry.publish(chrome_version=version)
        report = ministry.check()
        assert not report.events, [(e.url, e.diff) for e in report.events]
        assert not report.errors
    with Store.open(ministry.root / "snapshots", readonly=True) as store:
        state = store.find_source("ministry")
        assert state is not None and store.template_profile(state.id).view().regions


def test_learning_never_reports_an_edit_and_keeps_one_version(ministry):
    """The baseline reads its first releases before the template is known and later ones
    with it; checks after it read every release with it. None of that is an edit, and no
    release gets a second version for it."""
    ministry.check()
    first = versions(ministry)
    for version in (1, 2, 3):
        ministry.publish(chrome_version=version)
        assert not ministry.check().events
    assert versions(ministry) == first


def test_an_edit_is_shown_against_the_old_body_read_like_the_new(ministry):
    ministry.check()
    ministry.publish(chrome_version=4,
                     releases=edit_sentence(ministry.releases, MINISTERIAL, OLD, NEW))  # fmt: skip
    report = ministry.check()
    assert [e.url for e in report.changed] == [ministry.url(ministry.release(MINISTERIAL))]
    assert not report.new and not report.removed
    diff = report.changed[0].diff
    assert "2030" in diff and len(diff) < 600
