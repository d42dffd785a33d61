"""A CSS selector that finds nothing is said, never silently ignored: `monitor extract` warns
(stderr, and `warnings` in --json); `monitor check` reports an error item of kind `selector`,
and still reads and stores the page automatically."""

from __future__ import annotations

import json

from monitor.extract import read_page
from monitor.fetch.pages import page_from_bytes
from tests.commands import Ran, invoke

PAGE = (
    "<html><head><title>Press Release | Ministry</title></head><body><article>"
    "<h1 class='headline'>Cambodia Hosts ASEAN-UN Workshop</h1><p class='meta'>Posted by the "
    "Press Office</p><div class='body'><p>The Ministry of Foreign Affairs hosted a workshop on "
    "humanitarian demining with the United Nations and ASEAN partners.</p><p>Participants "
    "reviewed progress towards a mine-free Cambodia.</p></div></article></body></html>"
)


def extract(tmp_path, *options: str) -> Ran:
    page = tmp_path / "release.html"
    page.write_text(PAGE, encoding="utf-8")
    return invoke("extract", *options, str(page), cwd=tmp_path, env={"COLUMNS": "200"})


def test_extract_warns_about_each_selector_that_finds_nothing(tmp_path):
    out = extract(tmp_path, "--json", "--content", "div.story", "--title", "h1.missing",
                  "--date", "p.meta")  # fmt: skip
    assert out.returncode == 0, out.stderr
    item = json.loads(out.stdout)
    assert "humanitarian demining" in item["text"]  # read automatically all the same
    assert len(item["warnings"]) == 3
    content, title, date = item["warnings"]
    assert "'div.story'" in content and "matches no element" in content
    assert "'h1.missing'" in title
    assert "'p.meta'" in date and "1 element(s) with no date" in date
    for selector in ("div.story", "h1.missing", "p.meta"):
        assert selector in out.stderr


def test_extract_is_quiet_when_selectors_find_their_text(tmp_path):
    out = extract(tmp_path, "--json", "--content", "div.body", "--title", "h1.headline")
    assert out.returncode == 0 and "warning" not in out.stderr
    assert json.loads(out.stdout)["warnings"] == []
    plain = extract(tmp_path, "--content", "div.nothing-here")
    assert plain.returncode == 0 and "div.nothing-here" in plain.stderr


def test_a_reading_names_its_missed_selectors():
    page = page_from_bytes(PAGE.encode(), "https://mfa.example/1", "text/html")
    missed = read_page(page, content="div.story", title="h1.headline").missed
    assert [(m.key, m.selector, m.matched) for m in missed] == [("content", "div.story", 0)]


def test_check_reports_a_source_selector_that_finds_nothing(ministry):
    ministry.source_extra = {"content": "div.no-such-body", "date": "span.byline"}
    report = ministry.check()
    assert len(report.new) == len(ministry.releases)  # read automatically, stored as usual
    errors = {e.error.split("'")[1]: e for e in report.errors}
    assert set(errors) == {"div.no-such-body", "span.byline"}
    for error in report.errors:
        item = error.to_json()
        assert item["kind"] == "selector" and item["source"] == "ministry"
        assert item["url"] in {ministry.url(r) for r in ministry.releases}
        assert "other(s)" in item["error"] and "config" in item["error"]
    assert "matches no element" in errors["div.no-such-body"].error
    assert "with no date" in errors["span.byline"].error


def test_check_is_quiet_when_the_selector_works(ministry):
    ministry.source_extra = {"content": "div.entry-content"}
    report = ministry.check()
    assert len(report.new) == len(ministry.releases) and not report.errors
