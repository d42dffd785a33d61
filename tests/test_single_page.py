"""A source that is one page learns its template from the site's pages it links to."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from monitor.sources.siblings import sibling_pages
from monitor.store.catalogue import Store
from tests.test_check import edit_sentence


def test_siblings_are_the_site_s_pages_nearest_the_page_first():
    html = """<html><body><nav><a href="/">Home</a><a href="/about/">About</a>
    <a href="https://other.example/news/x">Elsewhere</a></nav>
    <div><a href="/en/news/2026/other-release">Other</a><a href="/files/report.pdf">PDF</a>
    <a href="/en/news/2026/this-release#top">Top</a><a href="/en/news/">News</a>
    <a href="/feed.xml">Feed</a></div></body></html>"""
    url = "https://www.ministry.example/en/news/2026/this-release"
    assert sibling_pages(html, url, 5) == [
        "https://www.ministry.example/en/news/2026/other-release",
        "https://www.ministry.example/en/news/",
        "https://www.ministry.example/about/",
        "https://www.ministry.example/",
    ]



@pytest.mark.parametrize("link", [
    "/en/news/2026/this-release/", "http://www.ministry.example/en/news/2026/this-release",
    "https://ministry.example/en/news/2026/this-release", "/EN/News/2026/This-Release",
    "/en/news/2026/this-release/index.php", "/en/news/2026/this-release?lang=km",
    "/user/login?destination=/en/news/2026/this-release", "/en/news/2026/print",
])
def test_a_page_is_never_its_own_sibling_and_a_link_that_acts_is_never_one(link):
    """The page under another address (its statement would be taken for template) or a link
    that acts (fetched with the source's cookies, "Log out" would end its session)."""
    url = "https://www.ministry.example/en/news/2026/this-release"
    html = f'<html><body><a href="{link}">x</a><a href="/en/news/2026/other">Other</a></body>'
    assert sibling_pages(html, url, 2) == ["https://www.ministry.example/en/news/2026/other"]


@pytest.mark.parametrize("style", ["wordpress", "drupal", "handmade"])
def test_a_one_page_source_reads_its_statement_without_the_site_s_chrome(ministry, style):
    """A short statement watched as `type: page`: its stored text is the statement, not the
    menus, "latest" lists and footer the site shows around it; chrome that changes on every
    page of the site is no edit; the ministry's own edit is, with its words."""
    short = [dataclasses.replace(r, paragraphs=r.paragraphs[:1]) for r in ministry.releases]
    watched = short[2]
    ministry.publish(style=style, releases=short)
    ministry.source_extra = {"url": ministry.url(watched), "type": "page"}
    assert [e.url for e in ministry.check().new] == [ministry.url(watched)]
    with Store.open(ministry.root / "snapshots", readonly=True) as store:
        state = store.find_source("ministry")
        assert state is not None
        (release,) = store.releases(state.id).values()
        stored = "\n".join(store.latest_version(release.id).paragraphs)
    assert watched.paragraphs[0] in stored
    others = [r.title for r in short if r is not watched]
    assert not [t for t in others if t in stored], stored
    for version in (1, 2, 3):
        ministry.publish(chrome_version=version)
        report = ministry.check(refetch_all=True)
        assert not report.events and not report.errors, [(e.url, e.diff) for e in report.events]
    old = watched.paragraphs[0].split()[3]
    ministry.publish(releases=edit_sentence(ministry.releases, watched.slug, f" {old} ",
                                            " newly-chosen "))  # fmt: skip
    report = ministry.check(refetch_all=True)
    assert [e.url for e in report.changed] == [ministry.url(watched)]
    assert "newly-chosen" in (report.changed[0].diff or "")


_POSITIONS = {
    "vision": "A prosperous Cambodia where planning serves every citizen.",
    "mission": "To plan the nation's development with every province and ministry.",
    "values": "Integrity, openness and service guide the work of the Ministry.",
}
_NEWS = [
    "The Minister received the Ambassador of Japan to discuss support for rural roads and "
    "irrigation in the north-western provinces.",
    "The Ministry published the mid-term review of the national plan for consultation until "
    "the end of the month.",
    "The Secretary of State opened a workshop on statistics for provincial planning officers "
    "in Siem Reap this week.",
    "Cambodia and Laos agreed to share data on the Mekong basin for the next five years of "
    "joint planning.",
]


def _position_page(slug: str, version: int) -> str:
    """A ministry's standing position page: a sentence amid a ticker, menus and a box of the
    latest news teasers that every page of the site shows alike; a language switch links to
    the page itself (its statement must not be taken for template), and a "Log out" link
    must never be fetched."""
    news = "".join(f'<div class="teaser"><p>{t}</p></div>' for t in _NEWS[version:version + 3])
    links = "".join(f'<li><a href="/position/{s}">Our {s}</a></li>' for s in _POSITIONS)
    return f"""<!DOCTYPE html><html lang="en"><head><title>Our {slug} | Ministry</title></head>
<body><div class="top"><div class="ticker">Announcement {version + 1}: the Ministry's offices
close at noon on Friday for the national holiday, and reopen on Monday.</div>
<a class="lang" href="/position/{slug}?lang=en">English</a> <a href="/logout">Log out</a>
<ul class="menu"><li><a href="/">Home</a></li>{links}</ul></div>
<div class="page"><div class="main"><h1>Our {slug}</h1><div class="text"><p>{_POSITIONS[slug]}
</p></div></div><div class="aside"><h2>Latest news</h2>{news}</div></div>
<div class="foot">Ministry of Planning, Phnom Penh. All rights reserved.</div></body></html>"""


def _publish_positions(server, version: int, vision: str | None = None) -> None:
    from monitor.demo.server import Route

    routes = {f"/position/{s}": Route.html(_position_page(s, version)) for s in _POSITIONS}
    if vision:
        routes["/position/vision"] = Route.html(
            _position_page("vision", version).replace(_POSITIONS["vision"], vision))
    server.set_routes(routes)


def test_a_one_sentence_page_amid_the_latest_news_learns_them_from_its_siblings(ministry):
    """Single-page extraction takes the news teasers, prose every page shows, for the
    statement of a one-sentence page; the site's pages it links to show them too, so they
    are template: the stored text is the sentence, new teasers are no edit, and the
    ministry's edit of its sentence is one."""
    _publish_positions(ministry.server, 0)
    ministry.source_extra = {"url": ministry.server.url("/position/vision"), "type": "page"}
    assert ministry.check().new
    assert not [r for r in ministry.server.requests if "logout" in r.path]
    with Store.open(ministry.root / "snapshots", readonly=True) as store:
        state = store.find_source("ministry")
        assert state is not None
        (release,) = store.releases(state.id).values()
        assert store.latest_version(release.id).paragraphs == (_POSITIONS["vision"],)
    with sqlite3.connect(ministry.root / "snapshots" / "catalogue.sqlite") as db:
        # a region an earlier version learned from two readings of the page (its ticker once
        # read as the statement): never used for a source that is one page
        db.execute("INSERT INTO template_regions VALUES (?, 'html/body/div/div|ticker', 9)",
                   (state.id,))  # fmt: skip
    for version in (1, 2):
        _publish_positions(ministry.server, version)
        report = ministry.check(refetch_all=True)
        assert not report.events and not report.errors, [(e.url, e.diff) for e in report.events]
    _publish_positions(ministry.server, 2, vision=_POSITIONS["vision"].replace("every", "each"))
    report = ministry.check(refetch_all=True)
    assert len(report.changed) == 1 and "{+each+}" in (report.changed[0].diff or "")
    with Store.open(ministry.root / "snapshots", readonly=True) as store:
        # its readings are of one release: they learn no region (where releases agree)
        assert store.template_profile(state.id).regions == {"html/body/div/div|ticker": 9}
