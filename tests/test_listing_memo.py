"""Listing memos (sources/memo.py): a listing page whose links are the ones it had is not
discovered again, and a memo never hides a new, removed or retitled release."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from monitor.demo.samples import SampleRelease, generate_releases
from monitor.demo.scenario import add_release
from monitor.demo.site import SiteLayout, build_site
from monitor.models import Listing
from monitor.sources import discover, memo
from monitor.sources.memo import PageLinks, listing_anchors, remember, reuse
from monitor.store.catalogue import Store
from tests.test_discover import EXPECTED, _html

ORIGIN = "http://ministry.example"
STYLES = ("wordpress", "drupal", "handmade")
RELEASES = generate_releases(14, seed=7)


def _anchors(html: str, url: str) -> PageLinks:
    return listing_anchors(html, url)


def _memo_of(html: str, url: str, links: str | None = None) -> str:
    made = remember(discover(html, url, links=links), _anchors(html, url), links, None)
    assert made is not None
    return made


def _listing_html(releases: list[SampleRelease], style: str, chrome: int,
                  per_page: int = 10) -> tuple[str, str]:  # fmt: skip
    layout = SiteLayout(style)  # type: ignore[arg-type]
    routes = build_site(releases, style=style, chrome_version=chrome, per_page=per_page,  # type: ignore[arg-type]
                        origin=ORIGIN, archives=False)  # fmt: skip
    return routes[layout.listing(1)].body.decode(), ORIGIN + layout.listing(1)


def _same(a: Listing | None, b: Listing) -> bool:
    return a is not None and (a.kind, a.releases, a.next_pages) == (
        b.kind, b.releases, b.next_pages)  # fmt: skip


def _reused(made: str, html: str, url: str, held: list[SampleRelease] = RELEASES) -> Listing | None:
    """The memo's listing, as a check that holds the `held` releases takes it: when the
    page's links leave it standing and suggest no release but those."""
    got = reuse(made, _anchors(html, url), None, None)
    if got is None:
        return None
    listing, suspects = got
    holds = {ORIGIN + SiteLayout(s).article(r) for s in STYLES for r in held}  # type: ignore[arg-type]
    return listing if set(suspects) <= holds else None


REAL = [name for name, facts in EXPECTED.items() if facts["kind"] == "listing"]


@pytest.mark.parametrize("name", REAL)
def test_a_real_listing_read_again_gives_what_discovery_found(name):
    html, url = _html(name), EXPECTED[name]["base_url"]
    found = discover(html, url)
    again = _reused(_memo_of(html, url), html, url)
    assert _same(again, found), name


@pytest.mark.parametrize("style", STYLES)
def test_new_chrome_on_a_listing_keeps_its_memo_and_gives_what_discovery_finds(style):
    """Counters, dates, a "latest" box of another length and order, new menu entries, new
    class names: the memo stands, and says what a fresh discovery says."""
    html, url = _listing_html(RELEASES, style, 0)
    made = _memo_of(html, url)
    for chrome in range(1, 6):
        churned, _ = _listing_html(RELEASES, style, chrome)
        assert churned != html
        again = _reused(made, churned, url)
        assert _same(again, discover(churned, url)), (style, chrome)


@pytest.mark.parametrize("style", STYLES)
def test_a_new_release_on_the_listing_is_discovered(style):
    html, url = _listing_html(RELEASES[1:], style, 0)
    made = _memo_of(html, url)
    grown, _ = _listing_html(RELEASES, style, 1)
    assert _reused(made, grown, url, RELEASES[1:]) is None
    assert RELEASES[0].title in {x.title for x in discover(grown, url).releases}


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("when", ["newest", "oldest"])
def test_a_new_release_that_pushes_none_off_the_page_is_discovered(style, when):
    """Room on the page for one more: every release found before is still there, and the new
    one has the plainest of URLs (a one-word slug, another month's folder) and title."""
    plain = SampleRelease(slug="budget", title="Budget adopted", lang="en",
                          paragraphs=("Adopted.",),
                          date=RELEASES[0].date + dt.timedelta(days=40) if when == "newest"
                          else RELEASES[-1].date - dt.timedelta(days=400))  # fmt: skip
    html, url = _listing_html(RELEASES, style, 0, per_page=50)
    made = _memo_of(html, url)
    grown, _ = _listing_html([*RELEASES, plain], style, 1, per_page=50)
    got = reuse(made, _anchors(grown, url), None, None)
    assert got is not None and ORIGIN + SiteLayout(style).article(plain) in got[1]  # type: ignore[arg-type]
    assert _reused(made, grown, url) is None


@pytest.mark.parametrize("style", STYLES)
def test_a_release_gone_from_the_listing_is_noticed(style):
    html, url = _listing_html(RELEASES, style, 0)
    made = _memo_of(html, url)
    gone = [r for r in RELEASES if r is not RELEASES[3]]
    shrunk, _ = _listing_html(gone, style, 0)
    assert _reused(made, shrunk, url) is None


@pytest.mark.parametrize("style", STYLES)
def test_a_retitled_link_is_read_afresh(style):
    html, url = _listing_html(RELEASES, style, 0)
    made = _memo_of(html, url)
    retitled = [dataclasses.replace(r, title=r.title + " (corrected)") if r is RELEASES[2] else r
                for r in RELEASES]  # fmt: skip
    edited, _ = _listing_html(retitled, style, 0)
    assert _reused(made, edited, url) is None
    assert RELEASES[2].title + " (corrected)" in {x.title for x in discover(edited, url).releases}


def test_a_memo_is_only_for_the_way_it_was_read(monkeypatch):
    html, url = _listing_html(RELEASES, "drupal", 0)
    made, anchors = _memo_of(html, url), _anchors(html, url)
    assert reuse(made, anchors, None, None) is not None
    assert reuse(made, anchors, "h2 a", None) is None  # another `links` selector
    assert reuse(made, anchors, None, "ul>li>a") is None  # read as a later page
    for broken in ("", "{", "[]", json.dumps({"how": json.loads(made)["how"]})):
        assert reuse(broken, anchors, None, None) is None
    monkeypatch.setattr(memo, "DISCOVERY_VERSION", memo.DISCOVERY_VERSION + 1)
    assert reuse(made, anchors, None, None) is None


def test_a_new_link_that_could_be_a_release_is_read_afresh():
    """A link discovery might take for a release, outside the list (a "featured" box): of the
    releases' URL pattern, or slug-like and titled on their host."""
    html, url = _listing_html(RELEASES, "wordpress", 0)
    made = _memo_of(html, url)
    release_url = next(x.url for x in discover(html, url).releases)
    like_a_release = release_url.rstrip("/") + "-follow-up/"
    other = f"{ORIGIN}/2031/01/02/budget-law-2031"
    for target, text in ((like_a_release, "Minister meets envoy"),
                         (other, "Budget law adopted today")):  # fmt: skip
        featured = html.replace("</body>", f'<aside><a href="{target}">{text}</a></aside></body>')
        got = reuse(made, _anchors(featured, url), None, None)
        assert got is not None and got[1] == (target,)
        assert _reused(made, featured, url) is None
    menu = html.replace("</body>", f'<nav><a href="{ORIGIN}/careers/">Careers</a></nav></body>')
    assert reuse(made, _anchors(menu, url), None, None) == (discover(html, url), ())


def test_the_check_reports_a_release_published_with_new_chrome(ministry):
    """End to end: the listing's memo is kept with its validators; a later check whose listing
    has new chrome reports nothing, and one with a new release too reports the release."""
    ministry.baseline()
    with Store.open(ministry.config().snapshots_dir) as store:
        first = ministry.server.url(ministry.layout.listing(1))
        assert store.stored_page(first, "source:ministry").memo is not None
    ministry.publish(chrome_version=1)
    assert not ministry.check().events
    fresh = SampleRelease(slug="mine-clearance-survey-completed", date=dt.date.today(), lang="en",
                          title="Mine Clearance Survey Completed in Pailin",
                          paragraphs=("The survey of the last suspected minefields in Pailin "
                                      "province was completed this week.",))  # fmt: skip
    ministry.publish(releases=add_release(ministry.releases, fresh), chrome_version=2)
    report = ministry.check()
    assert [e.title for e in report.new] == [fresh.title]
    assert not report.changed and not report.removed


def test_links_of_pages_lxml_parses_only_with_help():
    declared = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/'
                'xhtml"><body><a href="/news/a?utm_source=x#top"> Mine  action </a></body></html>')
    assert listing_anchors(declared, "https://mfaic.example/").anchors == [
        ("https://mfaic.example/news/a", "Mine action")]  # fmt: skip
    for empty in ("", "   ", "\x00"):
        assert listing_anchors(empty, "https://mfaic.example/").anchors == []


def _press_room(items: list[tuple[str, str]], *, box: str = "", hero: str = "",
                read_more: bool = False) -> str:  # fmt: skip
    """A hand-made listing: (slug, title) items, newest first, each dated by its slug's day,
    with a "Most read" box."""
    rows = "".join(
        f'<li><h3>{title}</h3><p class="date">{int(slug[8:10])} March 2026</p>'
        f'<a href="/press/{slug}.html">Read more</a></li>' if read_more else
        f'<li><h3><a href="/press/{slug}.html">{title}</a></h3><p class="date">'
        f"{int(slug[8:10])} March 2026</p></li>"
        for slug, title in items
    )  # fmt: skip
    return (f'<html><body><nav><a href="/">Home</a> <a href="/about.html">About</a></nav>'
            f'{hero}<main><ul class="news">{rows}</ul></main><aside><h2>Most read</h2>'
            f"<ul>{box}</ul></aside><footer><a href='/contact.html'>Contact</a></footer>"
            "</body></html>")  # fmt: skip


ITEMS = [(f"2026-03-0{i}-statement-{i}", f"Statement number {i} on mine action")
         for i in range(7, 1, -1)]  # fmt: skip
ROOM = "https://mfaic.example/press/"


def test_a_release_linked_in_a_box_before_it_is_listed_is_discovered():
    """A "most read" box, cached apart from the list, may link a release before the list does:
    the link is new where it sits when the list shows it."""
    x = ("2026-03-09-joint-statement", "Joint statement")
    box = f'<li><a href="/press/{x[0]}.html">{x[1]}</a></li>'
    html = _press_room(ITEMS, box=box)
    made = _memo_of(html, ROOM)
    listed = _press_room([x, *ITEMS], box=box)
    assert f"{ROOM}{x[0]}.html" in {link.url for link in discover(listed, ROOM).releases}
    got = reuse(made, _anchors(listed, ROOM), None, None)
    assert got is not None and got[1] == (f"{ROOM}{x[0]}.html",)


def test_with_a_links_selector_any_new_link_may_be_a_release():
    """The memo does not read a configured selector: every link new where it sits goes back
    to the check (which reads the page afresh unless it holds them all)."""
    html = _press_room(ITEMS)
    made = _memo_of(html, ROOM, links="h3 a")
    hero = '<section class="hero"><h3><a href="/budget/">Budget</a></h3></section>'
    got = reuse(made, _anchors(_press_room(ITEMS, hero=hero), ROOM), "h3 a", None)
    assert got is not None and got[1] == ("https://mfaic.example/budget/",)  # a plain link
    same = discover(html, ROOM, links="h3 a")
    assert reuse(made, _anchors(html, ROOM), "h3 a", None) == (same, ())


@pytest.mark.parametrize("edit", ["title", "date"])
def test_an_item_edited_beside_its_read_more_link_is_read_afresh(edit):
    html = _press_room(ITEMS, read_more=True)
    made = _memo_of(html, ROOM)
    assert reuse(made, _anchors(html, ROOM), None, None) is not None
    edited = html.replace("Statement number 2", "CORRECTED: Statement number 2") if (
        edit == "title") else html.replace(">4 March 2026", ">14 March 2026")  # fmt: skip
    assert edited != html
    assert reuse(made, _anchors(edited, ROOM), None, None) is None


def test_a_memo_that_is_no_object_is_not_used():
    html = _press_room(ITEMS)
    for broken in ("[1]", '"s"', "1", "null"):
        assert reuse(broken, _anchors(html, ROOM), None, None) is None
