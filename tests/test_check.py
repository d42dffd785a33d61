"""End to end: a real HTTP server serves a sample ministry site; a real store records checks.

Each test edits the site the way ministries do and expects exactly that edit reported.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from monitor.demo.samples import SampleRelease
from monitor.demo.scenario import add_release, edit_sentence, remove_release
from monitor.demo.server import Route
from monitor.store.catalogue import Store

MINISTERIAL = "outcomes-of-the-asean-united-nations-ministerial-meeting"
OLD = "adopted a new PoA for 2021-2025"
NEW = "adopted a new PoA for 2021-2030"


def _urls(events):
    return {e.url for e in events}


def test_baseline_then_quiet(ministry):
    report = ministry.check()
    assert not report.errors
    assert _urls(report.new) == {ministry.url(r) for r in ministry.releases}
    assert all(e.baseline for e in report.new)
    assert not report.changed and not report.removed
    again = ministry.check()
    assert not again.events and not again.errors


@pytest.mark.parametrize("style", ["wordpress", "drupal", "handmade"])
def test_discovery_on_differently_built_sites(server, tmp_path, style):
    from tests.conftest import Ministry

    site = Ministry(server, tmp_path, style=style)
    report = site.check()
    assert not report.errors, report.errors
    assert _urls(report.new) == {site.url(r) for r in site.releases}  # pagination followed
    by_url = {e.url: e for e in report.new}
    for release in site.releases:
        event = by_url[site.url(release)]
        assert event.title == release.title
        assert event.date == release.date.isoformat()


def test_feed_source(ministry):
    config = ministry.config(
        sources=[{"name": "feed", "url": ministry.server.url(ministry.layout.feed)}]
    )
    report = ministry.check(config)
    assert not report.errors
    listed = {ministry.url(r) for r in ministry.releases[:10]}
    assert _urls(report.new) and _urls(report.new) <= {ministry.url(r) for r in ministry.releases}
    assert len(report.new) == min(len(listed), len(report.new))


def test_single_page_source(ministry):
    release = ministry.releases[0]
    config = ministry.config(sources=[{"name": "one", "url": ministry.url(release)}])
    assert [e.title for e in ministry.check(config).new] == [release.title]
    assert not ministry.check(config).events
    tail = release.paragraphs[0][-25:]
    added = " This notice replaces the earlier one."
    ministry.publish(releases=edit_sentence(ministry.releases, release.slug, tail, tail + added))
    changed = ministry.check(config).changed
    assert len(changed) == 1
    assert "{+" in changed[0].diff and added.strip() in changed[0].diff


def test_chrome_and_markup_changes_are_not_reported(ministry):
    ministry.baseline()
    for version in (1, 2, 3):
        ministry.publish(chrome_version=version)
        report = ministry.check()
        assert not report.events, [e.url for e in report.events]
        assert not report.errors


def test_replaced_words_are_shown(ministry):
    ministry.baseline()
    ministry.publish(releases=edit_sentence(ministry.releases, MINISTERIAL, OLD, NEW))
    report = ministry.check()
    assert [e.url for e in report.changed] == [ministry.url(ministry.release(MINISTERIAL))]
    diff = report.changed[0].diff
    assert re.search(r"\[-(2021-)?2025-\]", diff) and re.search(r"\{\+(2021-)?2030\+\}", diff)
    # only the changed sentence with a little context, not the whole release
    assert "Khmer Rouge" not in diff and len(diff) < 600
    assert not report.new and not report.removed


def test_added_paragraph_is_shown(ministry):
    ministry.baseline()
    release = ministry.release(MINISTERIAL)
    added = "The Meeting also welcomed the ASEAN Regional Mine Action Centre's new work plan."
    edited = dataclasses.replace(
        release, paragraphs=(*release.paragraphs[:2], added, *release.paragraphs[2:])
    )
    ministry.publish(releases=[edited if r.slug == MINISTERIAL else r for r in ministry.releases])
    report = ministry.check()
    assert len(report.changed) == 1 and added in report.changed[0].diff


def test_removed_sentence_is_shown(ministry):
    ministry.baseline()
    sentence = (
        " The Meeting was chaired by His Excellency Deputy Prime Minister and Foreign Minister"
        " of Viet Nam, and was attended by ASEAN Foreign Ministers, Secretary-General of ASEAN,"
        " the United Nations Secretary-General, and the President of the 75th Session of the"
        " United Nations General Assembly (UNGA)."
    )
    ministry.publish(releases=edit_sentence(ministry.releases, MINISTERIAL, sentence, ""))
    report = ministry.check()
    assert len(report.changed) == 1
    diff = report.changed[0].diff
    assert "[-" in diff and "chaired by" in diff and "{+" not in diff


def test_new_release_after_baseline(ministry):
    ministry.baseline()
    fresh = SampleRelease(
        slug="cambodia-welcomes-un-mine-action-mission",
        title="Cambodia Welcomes UN Mine Action Mission",
        date=dt.date.today(),
        lang="en",
        paragraphs=(
            "The Ministry welcomed a UN Mine Action Service mission to Phnom Penh.",
            "The mission will visit clearance sites in Battambang province.",
        ),
    )
    ministry.publish(releases=add_release(ministry.releases, fresh))
    report = ministry.check()
    assert [(e.title, e.baseline) for e in report.new] == [(fresh.title, False)]
    assert not report.changed and not report.removed


@pytest.mark.parametrize("status", [404, 410])
def test_removed_release(ministry, status):
    ministry.baseline()
    gone = ministry.release(MINISTERIAL)
    ministry.publish(
        releases=remove_release(ministry.releases, MINISTERIAL), gone=[gone], gone_status=status
    )
    report = ministry.check()
    assert [e.url for e in report.removed] == [ministry.url(gone)]
    removed = report.removed[0]
    assert removed.title == gone.title and str(status) in removed.reason
    assert removed.archived
    assert "Plan of Action" in Path(removed.archived).read_text(encoding="utf-8")
    assert ministry.server.hits(ministry.layout.article(gone)) >= 2  # confirmed by a second request
    assert not ministry.check().events  # reported once


def test_transient_503_is_an_error_not_a_removal(ministry):
    ministry.baseline()
    path = ministry.layout.article(ministry.release(MINISTERIAL))
    ministry.server.routes[path] = Route.error(503)
    report = ministry.check()
    assert not report.events
    assert [e.url for e in report.errors] == [ministry.server.url(path)]
    ministry.publish()
    assert not ministry.check().events


def test_redirect_to_home_page_is_a_removal(ministry):
    ministry.baseline()
    path = ministry.layout.article(ministry.release(MINISTERIAL))
    ministry.server.routes[path] = Route.redirect(ministry.server.url("/"))
    report = ministry.check()
    assert [e.url for e in report.removed] == [ministry.server.url(path)]
    assert "home page" in report.removed[0].reason


@pytest.mark.slow
def test_removed_release_that_comes_back_is_reported_once_and_checked_again(ministry):
    ministry.publish(per_page=50)  # the release comes back where the next check reads
    ministry.baseline()
    gone = ministry.release(MINISTERIAL)
    ministry.publish(releases=remove_release(ministry.releases, MINISTERIAL), gone=[gone])
    assert [e.url for e in ministry.check().removed] == [ministry.url(gone)]

    ministry.publish(releases=[*ministry.releases, gone], gone=[])
    report = ministry.check()
    assert not report.errors and not report.changed and not report.removed
    assert [(e.url, e.restored, e.baseline) for e in report.new] == [
        (ministry.url(gone), True, False)
    ]
    assert report.new[0].to_json()["restored"] is True
    assert not ministry.check().events  # active again: no second report

    ministry.publish(releases=remove_release(ministry.releases, MINISTERIAL), gone=[gone])
    assert [e.url for e in ministry.check().removed] == [ministry.url(gone)]
    ministry.publish(releases=edit_sentence([*ministry.releases, gone], MINISTERIAL, OLD, NEW))
    back = ministry.check()
    assert [e.url for e in back.changed] == [ministry.url(gone)] and not back.new
    assert back.changed[0].restored and "[-2025-]{+2030+}" in back.changed[0].diff


def test_redirect_to_home_page_is_a_removal_with_validators_stored(ministry):
    """Conditional GET of a release that now redirects: the home page must not answer 304."""
    ministry.baseline()
    path = ministry.layout.article(ministry.release(MINISTERIAL))
    ministry.server.routes[path] = Route.redirect(ministry.server.url(ministry.layout.home))
    ministry.server.clear_requests()
    report = ministry.check()
    assert [e.url for e in report.removed] == [ministry.server.url(path)]
    home = [r for r in ministry.server.requests if r.path == ministry.layout.home]
    assert home and all("if-modified-since" not in r.headers for r in home)


def _serve_as_200(ministry, path: str) -> None:
    """The site's own "not found" page, answered with 200: a soft 404."""
    route = ministry.server.routes[path]
    ministry.server.routes[path] = dataclasses.replace(route, status=200)


def test_soft_404_is_a_removal_reported_once_and_its_return_too(ministry):
    ministry.baseline()
    gone = ministry.release(MINISTERIAL)
    path = ministry.layout.article(gone)
    ministry.publish(releases=remove_release(ministry.releases, MINISTERIAL), gone=[gone])
    _serve_as_200(ministry, path)
    report = ministry.check()
    assert [e.url for e in report.removed] == [ministry.url(gone)] and not report.changed
    assert "not found" in report.removed[0].reason
    _serve_as_200(ministry, path)
    again = ministry.check()
    assert not again.events and not again.errors


def test_a_notice_in_place_of_the_statement_is_a_removal(ministry):
    ministry.baseline()
    release = ministry.release(MINISTERIAL)
    notice = dataclasses.replace(
        release, paragraphs=("This article has been removed at the request of the publisher.",)
    )
    others = [r for r in ministry.releases if r.slug != MINISTERIAL]
    ministry.publish(releases=[notice, *others])
    report = ministry.check()
    assert [e.url for e in report.removed] == [ministry.url(release)] and not report.changed
    assert "notice" in report.removed[0].reason


def test_redirect_to_a_home_page_by_another_name_is_a_removal(ministry):
    ministry.baseline()
    path = ministry.layout.article(ministry.release(MINISTERIAL))
    ministry.server.routes["/index.htm"] = Route.html("<html><body><h1>Welcome</h1></body></html>")
    ministry.server.routes[path] = Route.redirect(ministry.server.url("/index.htm"))
    report = ministry.check()
    assert [e.url for e in report.removed] == [ministry.server.url(path)]
    assert "home page" in report.removed[0].reason


def test_a_removed_release_is_asked_for_daily_and_found_back_off_the_listing(ministry):
    """Republished on page 3, where later checks do not read: the daily return check finds it."""
    ministry.baseline()
    gone = ministry.release(MINISTERIAL)
    ministry.publish(releases=remove_release(ministry.releases, MINISTERIAL), gone=[gone])
    assert [e.url for e in ministry.check().removed] == [ministry.url(gone)]
    ministry.server.clear_requests()
    assert not ministry.check().events  # asked for again only a day later
    assert not ministry.server.hits(ministry.layout.article(gone))
    ministry.publish(releases=[*ministry.releases, gone], gone=[])
    with Store.open(ministry.config().snapshots_dir) as store:
        store.conn.execute(
            "UPDATE releases SET last_fetched_at = ?, removed_at = ? WHERE url = ?",
            ("2000-01-01T00:00:00+00:00", dt.datetime.now(dt.UTC).isoformat(), ministry.url(gone)),
        )
    back = ministry.check()
    assert [(e.url, e.restored) for e in back.new] == [(ministry.url(gone), True)]


def test_dropping_off_page_one_is_not_a_removal(ministry):
    ministry.baseline()
    burst = [
        SampleRelease(
            slug=f"burst-release-{i}",
            title=f"Statement number {i} on regional cooperation",
            date=dt.date.today(),
            lang="en",
            paragraphs=(f"This is statement {i}; it concerns regional cooperation.",),
        )
        for i in range(ministry.per_page + 2)
    ]
    releases = ministry.releases
    for release in burst:
        releases = add_release(releases, release)
    ministry.publish(releases=releases)
    report = ministry.check()
    assert not report.removed and not report.changed
    assert {e.title for e in report.new} == {r.title for r in burst}


def test_not_modified_releases_are_not_refetched(ministry):
    ministry.baseline()
    ministry.server.clear_requests()
    ministry.check()
    article_requests = [
        r
        for r in ministry.server.requests
        if r.path == ministry.layout.article(ministry.releases[0])
    ]
    assert article_requests and all(r.status == 304 for r in article_requests)
    assert all("if-none-match" in r.headers for r in article_requests)


def _without_validators(ministry) -> None:
    for path, route in list(ministry.server.routes.items()):
        ministry.server.routes[path] = dataclasses.replace(route, validators=False)


def test_listing_with_the_same_bytes_is_not_parsed_again(ministry, monkeypatch):
    """Sites that send no ETag/Last-Modified: identical listing bytes are as good as a 304."""
    import monitor.run.listing

    parsed: list[str] = []
    real = monitor.run.listing.ListingReader._read_listing

    async def read_listing(self, page, shape, known, found):
        parsed.append(page.final_url)
        return await real(self, page, shape, known, found)

    monkeypatch.setattr(monitor.run.listing.ListingReader, "_read_listing", read_listing)
    _without_validators(ministry)
    ministry.check()
    assert parsed, "the baseline reads the listing"
    parsed.clear()
    ministry.server.clear_requests()
    assert not ministry.check().events
    listing = ministry.server.url(ministry.layout.listing(1))
    assert [r.status for r in ministry.server.requests if r.path == ministry.layout.listing(1)] == [
        200
    ]
    assert listing not in parsed

    newest = max(r.date for r in ministry.releases) + dt.timedelta(days=1)
    release = dataclasses.replace(ministry.releases[0], slug="a-newer-statement", date=newest,
                                  title="A newer statement on mine action")  # fmt: skip
    ministry.publish(releases=add_release(ministry.releases, release))
    _without_validators(ministry)
    report = ministry.check()
    assert listing in parsed
    assert [e.title for e in report.new] == [release.title]


def test_a_new_reading_of_the_same_bytes_is_kept_but_not_reported(ministry):
    """New content selectors (or a newer extractor) read unchanged pages differently: the
    ministry edited nothing, so nothing is reported; the new reading is still kept."""
    ministry.baseline()
    ministry.source_extra = {"content": ".entry-content p:first-of-type"}
    report = ministry.check()
    assert not report.events and not report.errors
    with Store.open(ministry.config().snapshots_dir, readonly=True) as store:
        source = store.find_source("ministry")
        rel = next(r for r in store.releases(source.id).values() if MINISTERIAL in r.url)
        versions = store.versions(rel.id)
    assert len(versions) == 2 and len(versions[1].paragraphs) == 1
    ministry.publish(releases=edit_sentence(ministry.releases, MINISTERIAL, OLD, NEW))
    assert not ministry.check().changed  # the edit is outside the first paragraph read now


def test_a_second_source_on_the_same_listing_url_reads_it_afresh(ministry):
    """mfaic and mfaic-km read one URL with other cookies: validators are per source."""
    ministry.baseline()
    url = ministry.server.url(ministry.layout.listing(1))
    both = [{"name": "ministry", "url": url},
            {"name": "ministry-km", "url": url, "cookies": {"Language": "3"}}]  # fmt: skip
    report = ministry.check(ministry.config(sources=both))
    assert not report.errors
    assert {e.url for e in report.new if e.source == "ministry-km"} == {
        ministry.url(r) for r in ministry.releases
    }
    assert all(e.baseline for e in report.new) and not report.changed


def test_a_maintenance_page_at_the_listing_is_an_error_not_a_release(ministry):
    ministry.baseline()
    listing = ministry.layout.listing(1)
    ministry.server.routes[listing] = Route.html(
        "<html><head><title>Scheduled maintenance</title></head><body><h1>Scheduled "
        "maintenance</h1><p>The website of the Ministry is being upgraded and will be back "
        "shortly. We apologise for any inconvenience caused to our visitors.</p></body></html>"
    )
    report = ministry.check()
    assert not report.events and [e.url for e in report.errors] == [ministry.server.url(listing)]
    assert "no release links" in report.errors[0].error
    ministry.publish()
    assert not ministry.check().events


def test_a_source_pointed_at_another_listing_starts_with_a_baseline(ministry):
    from monitor.demo.samples import generate_releases
    from monitor.demo.site import SiteLayout, build_site

    ministry.baseline()
    others = generate_releases(6, seed=7)
    routes = build_site(others, base_path="/other/", origin=ministry.server.origin, per_page=10)
    ministry.server.set_routes(routes, merge=True)
    moved = ministry.server.url(SiteLayout("wordpress", "/other/").listing(1))
    report = ministry.check(ministry.config(sources=[{"name": "ministry", "url": moved}]))
    assert len(report.new) == len(others) and all(e.baseline for e in report.new)


def test_blocked_listing_is_an_error_never_a_release(ministry):
    ministry.baseline()
    ministry.server.routes[ministry.layout.listing(1)] = Route.html(
        "<html><head><title>Request Rejected</title></head><body>The requested URL was "
        "rejected. Please consult with your administrator.</body></html>"
    )
    report = ministry.check()
    assert not report.events and report.errors and report.errors[0].kind == "blocked"


def test_every_version_is_kept_as_readable_text(ministry):
    ministry.baseline()
    ministry.publish(releases=edit_sentence(ministry.releases, MINISTERIAL, OLD, NEW))
    ministry.check()
    config = ministry.config()
    with Store.open(config.snapshots_dir, readonly=True) as store:
        source = store.find_source("ministry")
        rel = next(r for r in store.releases(source.id).values() if MINISTERIAL in r.url)
        versions = store.versions(rel.id)
        assert [v.seq for v in versions] == [1, 2]
        texts = [(config.snapshots_dir / v.text_path).read_text(encoding="utf-8") for v in versions]
        assert OLD in texts[0] and NEW in texts[1]
        raw = store.read_raw(
            store.conn.execute(
                "SELECT raw_hash FROM versions WHERE id=?", (versions[1].id,)
            ).fetchone()[0]
        )
        assert b"2021-2030" in raw
        assert len(store.events()) == len(ministry.releases) + 1  # events kept for the digest


def test_revisit_policy_skips_old_releases_until_due(ministry):
    fresh = SampleRelease(
        slug="statement-published-today",
        title="Statement Published Today",
        date=dt.date.today(),
        lang="en",
        paragraphs=("A statement published today.",),
    )
    ministry.publish(releases=add_release(ministry.releases, fresh))
    config = ministry.config(revisit={"fresh_days": 14})
    ministry.baseline(config)
    ministry.server.clear_requests()
    ministry.check(config)
    fetched = {r.path for r in ministry.server.requests}
    assert ministry.layout.article(fresh) in fetched  # recent: re-read every check
    old = ministry.release(MINISTERIAL)
    assert ministry.layout.article(old) not in fetched  # from 2020: re-read weekly
    ministry.server.clear_requests()
    ministry.check(config, refetch_all=True)
    assert ministry.layout.article(old) in {r.path for r in ministry.server.requests}


def test_pdf_release_is_a_release_with_its_text(server, tmp_path):
    from tests.conftest import Ministry

    site = Ministry(server, tmp_path, pdf=True)
    release = site.release(MINISTERIAL)
    url = server.url(site.layout.pdf(release))
    report = site.check(site.config(sources=[{"name": "pdf", "url": url}]))
    assert not report.errors and [e.url for e in report.new] == [url]
    config = site.config()
    with Store.open(config.snapshots_dir, readonly=True) as store:
        version = store.latest_version(store.releases(store.find_source("pdf").id)[url].id)
    text = " ".join(version.paragraphs)
    assert "ASEAN-UN Plan of Action (2016-2020)" in text and "Viet Nam" in text


_SITE = "Ministry of Foreign Affairs and International Cooperation"
_LISTED = [
    ("/Posts/101", "Cambodia and Oman Agree to Expand Cooperation in Tourism", "3 March 2025"),
    ("/Posts/102", "Minister Receives the New Ambassador of Brazil", "28 February 2025"),
    ("/Posts/103", "Press Release on the Return of Workers from Malaysia", "25 February 2025"),
]


def _headless_article(body: str, today: str) -> str:
    """An article page with no headline of its own: the site name, a clock, the text."""
    return (
        f"<html><head><title>{_SITE}</title></head><body>"
        f'<div class="top-bar"><span class="clock">{today}</span></div>'
        f'<div class="header-wrap"><a href="/"><img src="/logo.png" alt="{_SITE}"></a></div>'
        '<ul class="menu"><li><a href="/">Home</a></li><li><a href="/Media/News">News</a></li></ul>'
        f'<div class="content">{body}</div>'
        f"<footer>Copyright {_SITE}</footer></body></html>"
    )


def test_listing_title_and_date_replace_a_site_name_title_and_a_clock(server, tmp_path):
    from monitor.config import parse_config
    from monitor.run.check import run_check

    today = dt.date.today().strftime("%A, %d %B %Y")
    items = "".join(
        f'<div class="news-item"><h3><a href="{path}">{title}</a></h3><span>{date}</span></div>'
        for path, title, date in _LISTED
    )
    routes = {
        "/Media/News": Route.html(
            f"<html><head><title>News | {_SITE}</title></head><body>"
            f'<div class="header-wrap"><a href="/"><img src="/logo.png" alt="{_SITE}"></a></div>'
            f'<div class="news-list">{items}</div></body></html>'
        )
    }
    for path, title, _ in _LISTED:
        text = "".join(
            f"<p>The Ministry informs the public that the talks on {title.lower()} went well, "
            f"and that both sides agreed on the next steps in item {n} of the agenda.</p>"
            for n in range(4)
        )
        routes[path] = Route.html(_headless_article(text, today))
    server.set_routes(routes)
    config = parse_config(
        f"snapshots: {tmp_path / 'snap'}\nfetch: {{per_host_delay: 0, robots: false}}\n"
        f"sources: [{{name: mfa, url: '{server.url('/Media/News')}'}}]\n"
    )
    with Store.open(config.snapshots_dir) as store:
        report = asyncio.run(run_check(config, store))
    assert not report.errors
    got = {e.url: (e.title, e.date) for e in report.new}
    expected = {
        server.url(path): (title, dt.datetime.strptime(date, "%d %B %Y").date().isoformat())
        for path, title, date in _LISTED
    }
    assert got == expected
