"""The demo ministry site and its fixture server, exercised over real HTTP on 127.0.0.1."""

from __future__ import annotations

import io
import math
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from email.utils import formatdate
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx
import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from monitor.demo import (
    STYLES,
    FixtureServer,
    Route,
    SampleRelease,
    SiteLayout,
    add_release,
    build_site,
    edit_sentence,
    edit_title,
    generate_releases,
    load_releases,
    parse_release,
    remove_release,
    sort_releases,
)

RELEASES = load_releases()
PER_PAGE = 3

# What a scraper written for each CMS would select.
LISTING_LINKS = {
    "wordpress": "article.post .entry-title a",
    "drupal": ".view-press-releases .views-row .views-field-title a",
    "handmade": "table.news a",
}
NEXT_PAGE = {
    "wordpress": "a.next.page-numbers",
    "drupal": "li.pager__item--next a",
    "handmade": "p.pages a",
}
TITLE = {"wordpress": "h1.entry-title", "drupal": ".field--name-title", "handmade": "h2.title"}
PARAGRAPHS = {
    "wordpress": "article .entry-content > p",
    "drupal": "article .field--name-body > p",
    "handmade": "td.content > p:not([class])",
}


def _norm(text: str) -> str:
    return " ".join(text.split())


def statement(html: bytes, style: str) -> tuple[str, list[str]]:
    soup = BeautifulSoup(html, "html.parser")
    title = soup.select_one(TITLE[style])
    assert title is not None, "no title element"
    return _norm(title.get_text()), [_norm(p.get_text()) for p in soup.select(PARAGRAPHS[style])]


def _target(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _next_page(soup: BeautifulSoup, style: str) -> str | None:
    for link in soup.select(NEXT_PAGE[style]):
        if style != "handmade" or "Next" in link.get_text():
            return str(link["href"])
    return None


# --- releases ----------------------------------------------------------------------------


def test_packaged_releases_are_clean_and_varied():
    slugs = [r.slug for r in RELEASES]
    assert len(RELEASES) >= 9 and len(set(slugs)) == len(slugs)
    assert sort_releases(RELEASES) == RELEASES
    for release in RELEASES:
        for text in (release.title, *release.paragraphs):
            assert "**" not in text and "\n" not in text
            assert "NATION RELIGION KING" not in text.upper()
            assert not text.upper().startswith(
                ("KINGDOM OF CAMBODIA", "MINISTRY OF", "PRESS RELEASE")
            )
    seed = next(r for r in RELEASES if r.slug.startswith("outcomes-of-the-asean-united"))
    assert seed.title == "Outcomes of the ASEAN-United Nations Ministerial Meeting"
    assert seed.date.isoformat() == "2020-10-21"
    assert seed.paragraphs[0].startswith("On 21 October 2020, His Excellency PRAK Sokhonn")
    assert any("(ARMAC)" in p for p in seed.paragraphs)
    khmer = [r for r in RELEASES if r.lang == "km"]
    assert khmer and all(any("\u1780" <= ch <= "\u17ff" for ch in r.title) for r in khmer)
    upcoming = load_releases(status="upcoming")
    assert upcoming and not {r.slug for r in upcoming} & set(slugs)


def test_parse_release_reports_what_is_wrong():
    good = "Title: T\nDate: 2024-01-02\nSlug: t\nLanguage: en\n\nOne\nline.\n\nTwo."
    release, header = parse_release(good)
    assert release.paragraphs == ("One line.", "Two.") and header["slug"] == "t"
    with pytest.raises(ValueError, match="ISO date"):
        parse_release(good.replace("2024-01-02", "2 January 2024"))
    with pytest.raises(ValueError, match="bad header line"):
        parse_release(good.replace("Slug:", "Slg:"))
    with pytest.raises(ValueError, match="lacks language"):
        parse_release(good.replace("Language: en\n", ""))


def test_generated_releases_are_deterministic_and_varied():
    first, again, other = (
        generate_releases(300, 1),
        generate_releases(300, 1),
        generate_releases(300, 2),
    )
    assert first == again and first != other
    assert len({r.slug for r in first}) == 300 and sort_releases(first) == first
    assert len({r.title for r in first}) > 200
    assert any(r.lang == "km" for r in generate_releases(2000, 3))
    for release in first:
        assert len(release.paragraphs) >= 3
        assert len(set(release.paragraphs)) == len(release.paragraphs)


# --- the site over HTTP ------------------------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
def test_listing_pages_link_every_release_on_its_page(style):
    layout = SiteLayout(style)
    with FixtureServer() as srv, httpx.Client() as client:
        srv.set_routes(build_site(RELEASES, style=style, per_page=PER_PAGE, origin=srv.origin))
        url: str | None = srv.url(layout.listing(1))
        pages: list[list[str]] = []
        while url:
            answer = client.get(url)
            assert answer.status_code == 200
            soup = BeautifulSoup(answer.text, "html.parser")
            pages.append(
                [_target(urljoin(url, a["href"])) for a in soup.select(LISTING_LINKS[style])]
            )
            following = _next_page(soup, style)
            url = urljoin(url, following) if following else None
            assert len(pages) <= len(RELEASES), "pagination never ends"

        assert len(pages) == math.ceil(len(RELEASES) / PER_PAGE)
        for number, links in enumerate(pages):
            expected = RELEASES[number * PER_PAGE : (number + 1) * PER_PAGE]
            assert links == [layout.article(r) for r in expected]
            assert _target(srv.url(layout.listing(number + 1))) in srv.requests[number].path

        for release in RELEASES:
            answer = client.get(srv.url(layout.article(release)))
            assert answer.status_code == 200
            assert statement(answer.content, style) == (release.title, list(release.paragraphs))
            assert "ខ្មែរ" in answer.text and "Today is" in answer.text


@pytest.mark.parametrize("style", STYLES)
def test_chrome_version_changes_every_page_but_no_statement(style):
    before = build_site(RELEASES, style=style, chrome_version=0)
    after = build_site(RELEASES, style=style, chrome_version=1)
    articles = {SiteLayout(style).article(r): r for r in RELEASES}
    pages = [k for k, route in before.items() if route.status == 200 and k in after]
    assert len(pages) > len(RELEASES)
    for key in pages:
        assert before[key].body != after[key].body, f"{key} did not change with the chrome"
    for key, release in articles.items():
        expected = (release.title, list(release.paragraphs))
        assert statement(before[key].body, style) == statement(after[key].body, style) == expected
    # Only pages that are not releases may come and go with the chrome (a new menu item).
    assert not (set(before) ^ set(after)) & set(articles)


@pytest.mark.parametrize("version", [2, 3, 7])
def test_each_chrome_version_keeps_statements(version):
    for style in STYLES:
        routes = build_site(RELEASES[:2], style=style, chrome_version=version)
        for release in RELEASES[:2]:
            page = routes[SiteLayout(style).article(release)].body
            assert statement(page, style) == (release.title, list(release.paragraphs))


def test_feed_lists_the_newest_releases_with_absolute_links():
    with FixtureServer() as srv:
        for style in STYLES:
            layout = SiteLayout(style)
            srv.set_routes(build_site(RELEASES, style=style, origin=srv.origin))
            answer = httpx.get(srv.url(layout.feed))
            assert answer.headers["content-type"].startswith("application/rss+xml")
            feed = feedparser.parse(answer.content)
            assert not feed.bozo, feed.bozo_exception
            assert [e.link for e in feed.entries] == [
                srv.url(layout.article(r)) for r in RELEASES[:10]
            ]
            assert feed.entries[0].title == RELEASES[0].title


@pytest.mark.slow
def test_pdf_copies_hold_the_text():
    with FixtureServer() as srv:
        srv.set_routes(build_site(RELEASES, style="wordpress", pdf=True, origin=srv.origin))
        for release in RELEASES:
            page = httpx.get(srv.url(SiteLayout().article(release))).text
            link = BeautifulSoup(page, "html.parser").select_one("a.pdf-link")
            if release.lang == "km":  # no standard PDF font for Khmer script
                assert link is None
                continue
            assert link is not None
            answer = httpx.get(str(link["href"]))
            assert answer.headers["content-type"] == "application/pdf"
            text = _norm(
                " ".join(p.extract_text() for p in PdfReader(io.BytesIO(answer.content)).pages)
            )
            assert _norm(release.title) in text
            assert all(_norm(p) in text for p in release.paragraphs)


# --- the fixture server ------------------------------------------------------------------


def test_conditional_requests_get_304_until_the_body_changes():
    with FixtureServer({"/a": Route.html("<p>one</p>")}) as srv, httpx.Client() as client:
        first = client.get(srv.url("/a"))
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        again = client.get(srv.url("/a"), headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b""
        assert again.headers["etag"] == etag
        since = client.get(srv.url("/a"), headers={"If-Modified-Since": modified})
        assert since.status_code == 304

        srv.routes["/a"] = Route.html("<p>two</p>")
        changed = client.get(srv.url("/a"), headers={"If-None-Match": etag})
        assert changed.status_code == 200 and changed.text == "<p>two</p>"
        assert changed.headers["etag"] != etag
        newer = client.get(srv.url("/a"), headers={"If-Modified-Since": modified})
        assert newer.status_code == 200, "Last-Modified must advance when the body changes"
        old_date = formatdate(time.time() - 86400, usegmt=True)
        assert client.get(srv.url("/a"), headers={"If-Modified-Since": old_date}).status_code == 200

        log = srv.requests
        assert [r.status for r in log] == [200, 304, 304, 200, 200, 200]
        assert log[1].headers["if-none-match"] == etag and srv.hits("/a") == 6


def test_routes_without_validators_send_none():
    with FixtureServer({"/plain": Route(body=b"x", validators=False)}) as srv:
        answer = httpx.get(srv.url("/plain"))
        assert "etag" not in answer.headers and "last-modified" not in answer.headers


def test_sequence_route_answers_in_turn_then_repeats_the_last():
    series = Route.series(Route.error(503, retry_after=2), Route.error(503), Route.html("ok"))
    with FixtureServer({"/flaky": series}) as srv, httpx.Client() as client:
        answers = [client.get(srv.url("/flaky")) for _ in range(4)]
        assert [a.status_code for a in answers] == [503, 503, 200, 200]
        assert answers[0].headers["retry-after"] == "2" and "retry-after" not in answers[1].headers
        srv.set_routes({"/flaky": Route.series(Route.error(410), Route.html("back"))})
        assert client.get(srv.url("/flaky")).status_code == 410  # a new route starts afresh


def test_redirects_errors_robots_and_queries():
    routes = {
        "/old": Route.redirect("/moved", status=302),
        "/moved": Route.redirect("/new"),
        "/new": Route.html("new"),
        "/gone": Route.error(410),
        "/list": Route.html("page 1"),
        "/list?page=1": Route.html("page 2"),
    }
    with FixtureServer(routes) as srv, httpx.Client() as client:
        answer = client.get(srv.url("/old"), follow_redirects=True)
        assert answer.text == "new" and [r.status_code for r in answer.history] == [302, 301]
        assert client.get(srv.url("/gone")).status_code == 410
        assert client.get(srv.url("/nowhere")).status_code == 404
        assert client.get(srv.url("/robots.txt")).status_code == 404
        assert client.get(srv.url("/list?page=1")).text == "page 2"
        assert client.get(srv.url("/list?utm_source=x")).text == "page 1"
        assert client.post(srv.url("/new")).status_code == 405
        head = client.head(srv.url("/new"))
        assert head.status_code == 200 and head.headers["content-length"] == "3"
        srv.strict_query = True
        assert client.get(srv.url("/list?utm_source=x")).status_code == 404
        srv.set_routes(
            {"/robots.txt": Route(body=b"User-agent: *\nDisallow: /private/\n")}, merge=True
        )
        assert "Disallow" in client.get(srv.url("/robots.txt")).text
        assert client.get(srv.url("/new")).status_code == 200  # merge kept the others


def test_shortlinks_redirect_to_the_article():
    release = RELEASES[0]
    with FixtureServer() as srv, httpx.Client(follow_redirects=True) as client:
        for style in ("wordpress", "drupal"):
            routes = build_site(RELEASES, style=style, origin=srv.origin)
            srv.set_routes(routes)
            page = BeautifulSoup(routes[SiteLayout(style).article(release)].body, "html.parser")
            short = page.select_one("link[rel=shortlink]")
            assert short is not None
            answer = client.get(urljoin(srv.origin, str(short["href"])))
            assert answer.history and answer.history[0].status_code == 301
            assert str(answer.url) == srv.url(SiteLayout(style).article(release))


def test_many_concurrent_requests():
    releases = generate_releases(60, 5)
    routes = build_site(releases, style="drupal", per_page=10, archives=False)
    paths = [SiteLayout("drupal").article(r) for r in releases] * 5
    with (
        FixtureServer(routes) as srv,
        httpx.Client(limits=httpx.Limits(max_connections=16)) as client,
    ):

        def fetch(path: str) -> int:
            return client.get(srv.url(path)).status_code

        with ThreadPoolExecutor(16) as pool:
            statuses = list(pool.map(fetch, paths))
        assert statuses == [200] * len(paths)
        assert len(srv.requests) == len(paths)
        assert all(srv.hits(p) == 5 for p in set(paths))


def test_sites_share_one_server_under_base_paths():
    one, two = generate_releases(12, 1), generate_releases(12, 2)
    with FixtureServer() as srv, httpx.Client() as client:
        srv.set_routes(build_site(one, style="wordpress", base_path="/one/", origin=srv.origin))
        srv.set_routes(build_site(two, style="handmade", base_path="/two/"), merge=True)
        for releases, layout in (
            (one, SiteLayout("wordpress", "/one/")),
            (two, SiteLayout("handmade", "/two/")),
        ):
            url = srv.url(layout.listing(1))
            soup = BeautifulSoup(client.get(url).text, "html.parser")
            links = [
                _target(urljoin(url, a["href"])) for a in soup.select(LISTING_LINKS[layout.style])
            ]
            assert links == [layout.article(r) for r in releases[:5]]
            assert all(client.get(srv.url(link)).status_code == 200 for link in links)


# --- scenario edits ----------------------------------------------------------------------


def test_scenario_edits_reach_the_served_site():
    style, layout = "wordpress", SiteLayout("wordpress")
    target, victim = RELEASES[2], RELEASES[4]
    old = target.paragraphs[1].split(",")[0]
    edited = edit_sentence(RELEASES, target.slug, old, old + " (corrected)")
    assert edited[2].paragraphs[1].startswith(old + " (corrected)") and RELEASES[2] == target
    assert [r for i, r in enumerate(edited) if i != 2] == [
        r for i, r in enumerate(RELEASES) if i != 2
    ]
    new = load_releases(status="upcoming")[0]
    edited = add_release(remove_release(edited, victim.slug), new)

    with FixtureServer() as srv, httpx.Client() as client:
        srv.set_routes(build_site(RELEASES, style=style, origin=srv.origin))
        before = {r.slug: client.get(srv.url(layout.article(r))).content for r in RELEASES}
        srv.set_routes(
            build_site(
                edited,
                style=style,
                chrome_version=1,
                origin=srv.origin,
                gone=[victim],
                gone_status=410,
            )
        )

        assert client.get(srv.url(layout.article(victim))).status_code == 410
        page = client.get(srv.url(layout.article(target))).content
        assert statement(page, style)[1][1].startswith(old + " (corrected)")
        for release in RELEASES:
            if release not in (target, victim):
                after = client.get(srv.url(layout.article(release))).content
                assert statement(after, style) == statement(before[release.slug], style)
        listing = BeautifulSoup(client.get(srv.url(layout.listing(1))).text, "html.parser")
        first = listing.select_one(LISTING_LINKS[style])
        assert first is not None and _target(str(first["href"])) == layout.article(new)

        srv.set_routes(build_site(edited, style=style))
        assert client.get(srv.url(layout.article(victim))).status_code == 404


def test_scenario_refuses_edits_that_cannot_apply():
    with pytest.raises(KeyError, match="no release"):
        remove_release(RELEASES, "no-such-release")
    with pytest.raises(ValueError, match="is not in release"):
        edit_sentence(RELEASES, RELEASES[0].slug, "words that are not there", "x")
    with pytest.raises(ValueError, match="already published"):
        add_release(RELEASES, RELEASES[0])
    renamed = edit_title(RELEASES, RELEASES[0].slug, "A New Title")
    assert renamed[0] == replace(RELEASES[0], title="A New Title")
    with pytest.raises(ValueError, match="slugs must be unique"):
        build_site([*RELEASES, RELEASES[0]])
    with pytest.raises(ValueError, match="unknown style"):
        build_site(RELEASES, style="joomla")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="slug"):
        SampleRelease("Bad Slug", "t", RELEASES[0].date, "en", ("p",))


@pytest.mark.parametrize("style", STYLES)
def test_gone_releases_leave_the_listing_and_answer_the_site_error_page(style):
    layout, victim = SiteLayout(style), RELEASES[1]
    routes = build_site(remove_release(RELEASES, victim.slug), style=style, gone=[victim])
    page = routes[layout.article(victim)]
    assert page.status == 404 and b"<html" in page.body and victim.title.encode() not in page.body
    listing = BeautifulSoup(routes[layout.listing(1)].body, "html.parser")
    links = [
        _target(urljoin(layout.listing(1), a["href"])) for a in listing.select(LISTING_LINKS[style])
    ]
    assert layout.article(victim) not in links and len(links) == 5
    with pytest.raises(ValueError, match="404 or 410"):
        build_site(RELEASES, style=style, gone=[victim], gone_status=500)
