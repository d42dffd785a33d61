"""Pages served with 200 that are not the statement: never an edit, never a stored version.

A real server serves the sample ministry; between checks a release address answers with a
maintenance page, a database error, a firewall page no signature knows, the home page, or a
"temporarily unavailable" notice inside the site's own chrome. Each is an error item of kind
`not_a_statement` in `check --json`, adds no version, and the site's recovery reports nothing.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable

import pytest
from lxml import html as lxml_html

from monitor.demo.samples import SampleRelease
from monitor.demo.scenario import edit_sentence
from monitor.demo.server import Route
from monitor.extract.site_page import Observed, judge
from monitor.fetch.blocked import block_reason
from monitor.store.catalogue import Store
from tests.commands import invoke

MINISTERIAL = "outcomes-of-the-asean-united-nations-ministerial-meeting"

MAINTENANCE = """<!DOCTYPE html><html><head><title>Maintenance</title></head><body>
<article><h1>We&rsquo;ll be back soon!</h1>
<p>Sorry for the inconvenience but we&rsquo;re performing some maintenance at the moment.
We&rsquo;ll be back online shortly!</p><p>&mdash; The Team</p></article></body></html>"""

UNDER_CONSTRUCTION = """<html><head><title>Under Construction</title></head><body>
<div class="box"><h1>Site under construction</h1><p>Our new website is coming soon.
Please check back later.</p></div></body></html>"""

DATABASE_ERROR = """<!DOCTYPE html><html><head><title>Database Error</title></head><body
id="error-page"><div class="wp-die-message"><h1>Error establishing a database connection</h1>
<p>This either means that the username and password information in your wp-config.php file
is incorrect or that contact with the database server at localhost could not be established.
This could mean your host&rsquo;s database server is down.</p></div></body></html>"""


def firewall(path: str, n: int) -> str:
    """A vendor's block page that `blocked` has no signature for: it repeats the address
    asked for and numbers every answer."""
    return f"""<html><head><title>Web Page Blocked</title></head><body><center>
<h2>Web Page Blocked!</h2><p>The page cannot be displayed. Please contact the administrator
for additional information.</p><p>URL: 127.0.0.1{path}</p><p>Client IP: 127.0.0.1</p>
<p>Attack ID: 20000051</p><p>Message ID: {n:010d}</p></center></body></html>"""


def in_chrome(html: str, release: SampleRelease) -> str:
    """The release's page with its statement (the element that holds its headline and its
    text) replaced by a CMS notice: the site's header, menus, sidebar and footer all stay."""
    root = lxml_html.document_fromstring(html)
    head = next(el for el in root.iter("h1", "h2", "h3")
                if el.text_content().strip() == release.title)  # fmt: skip
    last = next(el for el in root.iter("p") if el.text_content().strip() == release.paragraphs[-1])
    ancestors = list(last.iterancestors())
    container = next(el for el in head.iterancestors() if el in ancestors)
    for child in list(container):
        container.remove(child)
    container.text = None
    container.append(lxml_html.fragment_fromstring(
        '<div class="notice"><h2>Service Unavailable</h2><p>The page you requested is '
        "temporarily unavailable. Please try again later.</p></div>"))  # fmt: skip
    for meta in root.xpath("//meta[@property='og:title']"):
        meta.getparent().remove(meta)
    root.find(".//title").text = "Service Unavailable"
    return lxml_html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")


def _all_releases(body: Callable[[str, int], str]) -> Callable:
    def serve(ministry) -> list[str]:
        paths = [ministry.layout.article(r) for r in ministry.releases]
        for n, path in enumerate(paths):
            ministry.server.routes[path] = Route.html(body(path, n))
        return [ministry.server.url(p) for p in paths]

    return serve


def _home_page(ministry) -> list[str]:
    home = ministry.server.routes[ministry.layout.home]
    paths = [ministry.layout.article(r) for r in ministry.releases]
    for path in paths:
        ministry.server.routes[path] = home
    return [ministry.server.url(p) for p in paths]


def _one_in_chrome(ministry) -> list[str]:
    release = ministry.release(MINISTERIAL)
    path = ministry.layout.article(release)
    page = ministry.server.routes[path].body.decode()
    ministry.server.routes[path] = Route.html(in_chrome(page, release))
    return [ministry.server.url(path)]


CASES = {
    "maintenance": _all_releases(lambda path, n: MAINTENANCE),
    "under construction": _all_releases(lambda path, n: UNDER_CONSTRUCTION),
    "database error": _all_releases(lambda path, n: DATABASE_ERROR),
    "unknown firewall": _all_releases(firewall),
    "home page": _home_page,
    "unavailable in chrome": _one_in_chrome,
}


def versions(ministry) -> int:
    """The ministry source's stored versions (the store also keeps the reference corpus)."""
    with Store.open(ministry.config().snapshots_dir, readonly=True) as store:
        return store.conn.execute(
            "SELECT COUNT(*) FROM versions JOIN releases ON releases.id = versions.release_id "
            "JOIN sources ON sources.id = releases.source_id WHERE sources.name = 'ministry'"
        ).fetchone()[0]


def assert_not_statements(data: dict, urls: list[str]) -> None:
    assert data["new"] == data["changed"] == data["removed"] == []
    assert sorted(e["url"] for e in data["errors"]) == sorted(urls)
    for item in data["errors"]:
        assert item["kind"] == "not_a_statement" and item["source"] == "ministry"
        assert {"url", "title", "error", "source", "kind"} <= set(item) and item["error"]


# a notice on every page: one case in the quick loop, the others beside it in the whole suite
_SAME_MECHANISM = {"under construction", "database error"}


@pytest.mark.parametrize(
    "case", [pytest.param(c, marks=pytest.mark.slow) if c in _SAME_MECHANISM else c for c in CASES]
)
def test_a_page_that_is_not_the_statement_is_an_error_item(ministry, case):
    ministry.baseline()
    stored = versions(ministry)
    urls = CASES[case](ministry)
    data = ministry.check().to_json()
    assert_not_statements(data, urls)
    assert versions(ministry) == stored
    ministry.publish()  # the site recovers
    after = ministry.check()
    assert not after.events and not after.errors
    assert versions(ministry) == stored


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, marks=pytest.mark.slow) for c in ("maintenance", "home page")]
    + ["unknown firewall"],
)
def test_pages_judged_in_small_batches(ministry, case):
    """One request at a time: a check decides its held releases two by two, and a page alone
    in its batch is compared with the site's pages found earlier in the check."""
    config = ministry.config(fetch={"per_host_delay": 0, "backoff": 0.01, "retries": 1,
                                    "timeout": 10, "concurrency": 1})  # fmt: skip
    ministry.baseline(config)
    stored = versions(ministry)
    urls = CASES[case](ministry)
    assert_not_statements(ministry.check(config).to_json(), urls)
    assert versions(ministry) == stored
    ministry.publish()
    assert not ministry.check(config).events


@pytest.mark.parametrize("style", ["drupal", "handmade"])
def test_unavailable_in_chrome_on_other_sites(server, tmp_path, baselines, style):
    from tests.conftest import Ministry

    ministry = Ministry(server, tmp_path, style=style, baselines=baselines)
    ministry.baseline()
    urls = _one_in_chrome(ministry)
    assert_not_statements(ministry.check().to_json(), urls)
    ministry.publish()
    assert not ministry.check().events


def test_the_firewall_page_is_not_a_known_signature():
    assert block_reason(firewall("/x/", 1), 200) is None  # the rule above is general


@pytest.mark.slow
def test_a_baseline_taken_during_maintenance_is_taken_again(ministry):
    serve = CASES["maintenance"]
    urls = serve(ministry)
    assert_not_statements(ministry.check().to_json(), urls)
    assert versions(ministry) == 0
    ministry.publish()
    report = ministry.check()
    assert len(report.new) == len(ministry.releases) and all(e.baseline for e in report.new)


@pytest.mark.slow
def test_a_second_maintenance_is_caught_too(ministry):
    """The first one taught the source's template its lines; the second is still no edit."""
    ministry.baseline()
    stored = versions(ministry)
    for _ in range(2):
        urls = CASES["maintenance"](ministry)
        assert_not_statements(ministry.check().to_json(), urls)
        ministry.publish()
        assert not ministry.check().events
    assert versions(ministry) == stored


# --- genuine edits stay edits ---------------------------------------------------------------


def test_a_rewritten_paragraph_is_an_edit(ministry):
    ministry.baseline()
    release = ministry.release(MINISTERIAL)
    old = release.paragraphs[1]
    new = ("The Ministers reviewed the ASEAN-UN partnership and agreed to meet again in "
           "person next year, subject to the health situation in the region.")  # fmt: skip
    ministry.publish(releases=edit_sentence(ministry.releases, MINISTERIAL, old, new))
    report = ministry.check()
    assert [e.url for e in report.changed] == [ministry.url(release)] and not report.errors


def test_a_heavy_rewrite_under_the_same_title_is_an_edit(ministry):
    """A short text that shares nothing with the old one: the headline is still the
    release's, so this is the ministry's edit."""
    ministry.baseline()
    release = ministry.release(MINISTERIAL)
    rewritten = dataclasses.replace(release, paragraphs=(
        "Deputy Prime Minister PRAK Sokhonn joined his counterparts by videolink.",
        "Talks covered peacekeeping, pandemic recovery and climate finance.",
    ))  # fmt: skip
    others = [r for r in ministry.releases if r.slug != MINISTERIAL]
    ministry.publish(releases=[rewritten, *others])
    report = ministry.check()
    assert [e.url for e in report.changed] == [ministry.url(release)] and not report.errors


def test_two_releases_edited_in_one_check_are_two_edits(ministry):
    ministry.baseline()
    a, b = ministry.releases[0], ministry.releases[1]
    edited = edit_sentence(ministry.releases, a.slug, a.paragraphs[0][:40], "In summary, ")
    edited = edit_sentence(edited, b.slug, b.paragraphs[0][:40], "In summary, ")
    ministry.publish(releases=edited)
    report = ministry.check()
    assert {e.url for e in report.changed} == {ministry.url(a), ministry.url(b)}
    assert not report.errors


# --- the rules alone ------------------------------------------------------------------------


def test_one_release_at_two_addresses_is_a_statement():
    """Two new addresses that read the same and each show the release's title: a release
    listed twice, not a site's page."""
    text = "Press statement\n\nThe Ministry welcomes the agreement signed today in Geneva."
    seen = [Observed(u, text, text, title_shown=True) for u in ("http://a/1", "http://a/1?x")]
    assert judge(seen) == {}
    lost = [dataclasses.replace(o, title_shown=False) for o in seen]
    assert set(judge(lost)) == {"http://a/1", "http://a/1?x"}


def test_one_page_at_releases_whose_titles_cannot_be_looked_for():
    """Where a source's pages never showed their titles (the listing named them), releases
    whose different stored texts now read as one page are a site's page."""
    page = "We'll be back soon! Sorry for the inconvenience."
    seen = [Observed(f"http://a/{n}", page, page, history=(f"Statement {n}: text",))
            for n in (1, 2)]  # fmt: skip
    assert set(judge(seen)) == {"http://a/1", "http://a/2"}
    twins = [dataclasses.replace(o, history=("Statement: text",)) for o in seen]
    assert judge(twins) == {}  # one release at two addresses, edited once


def test_check_json_reports_not_a_statement(ministry):
    config = ministry.write_config()
    cmd = ("check", "--json", "--config", str(config))
    assert invoke(*cmd).returncode == 0
    urls = CASES["database error"](ministry)
    out = invoke(*cmd)
    assert out.returncode == 0, out.stderr
    assert_not_statements(json.loads(out.stdout), urls)
    ministry.publish()
    again = json.loads(invoke(*cmd).stdout)
    assert again["new"] == again["changed"] == again["errors"] == []


def test_a_title_is_found_by_its_words_and_never_in_an_address():
    from monitor.extract.survey import survey_page

    page = survey_page(
        "<html><head><title>Ratschläge geben | DaF Blog -  MMF3 Frühling 08</title></head><body>"
        "<h2>Ratschläge geben</h2><p>URL: 127.0.0.1/2024/03/covid-19-update-5-march-2024/</p>"
        "<p>COVID-19 update: 5 March 2024</p></body></html>",
        "http://127.0.0.1/x",
    )
    assert page is not None
    assert page.shows("DaF Blog – MMF3 Frühling 08", in_names=True)
    assert not page.shows("DaF Blog – MMF3 Frühling 08")  # only in <title>
    assert page.shows("COVID-19 update 5 Mar…")  # a listing's title cut short
    assert not page.shows("Update 5 March 2024 on COVID-19")
    slug = survey_page(
        "<html><body><p>URL: 127.0.0.1/2024/03/outcomes-of-the-meeting/</p></body></html>",
        "http://h/x",
    )
    assert slug is not None and not slug.shows("Outcomes of the Meeting")
