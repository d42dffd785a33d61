"""Discovery: release links and pagination of real and hand-made listings, feeds, sniffing.

Facts per fixture live in tests/data/listings/expected.json (origin of each fact noted there
and in tests/data/listings/SOURCES.md). Real pages are the saved HTML of public press rooms.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from monitor.models import Listing
from monitor.sources import discover, parse_feed, sniff_kind

DATA = Path(__file__).parent / "data"
EXPECTED: dict[str, dict[str, Any]] = json.loads(
    (DATA / "listings" / "expected.json").read_text("utf-8")
)
SHARE = re.compile(r"facebook\.com/shar|twitter\.com/intent|t\.me/share|mailto:|javascript:")


def _html(name: str) -> str:
    raw = (DATA / "listings" / name).read_bytes()
    return (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8")


@cache
def _discovered(name: str, links: str | None = None) -> Listing:
    return discover(_html(name), EXPECTED[name]["base_url"], links=links)


def _problems(listing: Listing, facts: dict[str, Any]) -> list[str]:
    """Every expected fact the listing breaks (empty when all hold)."""
    bad: list[str] = []
    rel = listing.releases
    urls = [r.url for r in rel]
    dates = [r.date for r in rel]

    def need(ok: bool, what: str) -> None:
        if not ok:
            bad.append(what)

    need(listing.kind == facts["kind"], f"kind {listing.kind} != {facts['kind']}")
    if facts["kind"] == "page":
        need(not rel and not listing.next_pages, "a page carries no releases or next pages")
        return bad
    if "items" in facts:
        need(len(rel) == facts["items"], f"{len(rel)} items, expected {facts['items']}")
    if "items_min" in facts:
        need(len(rel) >= facts["items_min"], f"{len(rel)} items < {facts['items_min']}")
    if "all_urls_start" in facts:
        need(all(u.startswith(facts["all_urls_start"]) for u in urls), "URL prefix")
    for key in ("urls_contain", "urls_all_contain"):
        if key in facts:
            need(all(facts[key] in u for u in urls), f"every URL has {facts[key]}")
    if "no_urls_with" in facts:
        need(not any(facts["no_urls_with"] in u for u in urls), f"no {facts['no_urls_with']}")
    if "no_urls_matching" in facts:
        pattern = re.compile(facts["no_urls_matching"])
        need(not any(pattern.search(urlsplit(u).path) for u in urls), "hub URL among releases")
    if "all_domains" in facts:
        need({urlsplit(u).hostname for u in urls} <= set(facts["all_domains"]), "domains")
    if facts.get("all_have_dates"):
        need(all(dates), f"{dates.count(None)} releases without a date")
    if "years" in facts:
        need(all(d and int(d[:4]) in facts["years"] for d in dates), "years")
    if facts.get("sorted_desc"):
        need(dates == sorted(dates, key=str, reverse=True), "dates not newest first")
    if "some_title_has" in facts:
        need(
            any(all(part in (r.title or "") for part in facts["some_title_has"]) for r in rel),
            f"no title with {facts['some_title_has']}",
        )
    for key, index in (("first", 0), ("last", -1)):
        for field, value in facts.get(key, {}).items():
            got = getattr(rel[index], field) if rel else None
            need(got == value, f"{key} {field}: {got!r} != {value!r}")
    if "releases" in facts:
        need([[r.url, r.title, r.date] for r in rel] == facts["releases"], "releases differ")
    if "next_pages" in facts:
        need(list(listing.next_pages) == facts["next_pages"], f"next {listing.next_pages}")
    if "next_first" in facts:
        need(listing.next_pages[:1] == (facts["next_first"],), f"next {listing.next_pages[:1]}")
    # What holds on every listing: clean, unique URLs; no chrome or pagination as a release.
    need(len(set(urls)) == len(urls), "duplicate URLs")
    need(all(u.startswith(("http://", "https://")) and "#" not in u for u in urls), "URL form")
    need(not any(SHARE.search(u) for u in urls), "share link among releases")
    need(not set(urls) & set(listing.next_pages), "a next page among releases")
    need(not any(re.search(r"/page/\d+/?$", u) for u in urls), "/page/N among releases")
    need(all(r.title for r in rel), "release without a title")
    return bad


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_listing_facts(name: str) -> None:
    assert _problems(_discovered(name), EXPECTED[name]) == []


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if "selector" in EXPECTED[n]))
def test_configured_selector_gives_the_same_releases(name: str) -> None:
    facts = EXPECTED[name]
    listing = _discovered(name, facts["selector"])
    assert [[r.url, r.title, r.date] for r in listing.releases] == facts["releases"]
    assert list(listing.next_pages) == facts["next_pages"]


def test_selector_on_a_real_drupal_listing() -> None:
    listing = _discovered("real/ag-california.html.gz", ".views-field-title a")
    assert len(listing.releases) == 30
    assert all(r.date for r in listing.releases)


def test_selector_may_name_containers_or_headings_inside_links() -> None:
    expected = EXPECTED["handmade/akp_home.html"]["releases"]
    for selector in ("a.post-title", ".post-data", ".single-blog-post h6"):
        listing = _discovered("handmade/akp_home.html", selector)
        assert [[r.url, r.title, r.date] for r in listing.releases] == expected, selector


def test_selector_that_matches_nothing_means_a_single_page() -> None:
    assert _discovered("handmade/mfaic_news.html", ".no-such-class a").kind == "page"


def test_invalid_selector_says_what_to_fix() -> None:
    with pytest.raises(ValueError, match="not valid CSS"):
        discover(_html("handmade/mfaic_news.html"), "https://www.mfaic.gov.kh/", links="a[")


# --- small synthetic pages: one behaviour each ----------------------------------------------

ITEMS = "".join(
    f'<li class="news-item"><h3><a href="/news/story-{i}-about-cambodia-and-asean">'
    f"Minister Meets Delegation on Cooperation Topic {i}</a></h3>"
    f'<span class="date">{10 + i} April 2026</span></li>'
    for i in range(5)
)


def _page(extra: str = "", head: str = "", items: str = ITEMS) -> str:
    return (
        f"<html><head>{head}</head><body><header><nav><a href='/'>Home</a>"
        f"<a href='/about'>About us</a></nav></header><main><ul class='news'>{items}</ul>"
        f"{extra}</main><footer><a href='/contact'>Contact</a></footer></body></html>"
    )


def test_synthetic_listing_basics() -> None:
    listing = discover(_page(), "https://mfa.example.gov.kh/news")
    assert listing.kind == "listing"
    assert [r.url for r in listing.releases] == [
        f"https://mfa.example.gov.kh/news/story-{i}-about-cambodia-and-asean" for i in range(5)
    ]
    assert listing.releases[2].title == "Minister Meets Delegation on Cooperation Topic 2"
    assert listing.releases[2].date == "2026-04-12"


def test_dates_from_day_headings_and_titles_from_whole_card_links() -> None:
    days = "".join(
        f"<h3>{24 - d} April 2026</h3><ul>"
        + "".join(
            f'<li><a href="/news/item-{d}-{k}-asean">Ministry statement on topic {d}.{k}</a></li>'
            for k in range(2)
        )
        + "</ul>"
        for d in range(3)
    )
    listing = discover(f"<html><body><div>{days}</div></body></html>", "https://x.gov.kh/news")
    assert [r.date for r in listing.releases] == ["2026-04-24"] * 2 + ["2026-04-23"] * 2 + [
        "2026-04-22"
    ] * 2
    teaser = "Anriss mit vielen Wörtern zur Meldung. " * 5
    cards = "".join(
        f'<li><a href="/n/{i}-meldung"><div><span>2{i}.04.2026</span>'
        f"<p>Titel der Meldung Nummer {i}</p><p>{teaser}</p></div></a></li>"
        for i in range(4)
    )
    listing = discover(f"<html lang='de'><body><ul>{cards}</ul></body></html>", "https://x.de/p")
    assert [(r.title, r.date) for r in listing.releases][:2] == [
        ("Titel der Meldung Nummer 0", "2026-04-20"),
        ("Titel der Meldung Nummer 1", "2026-04-21"),
    ]


@pytest.mark.parametrize(
    "heading", ["令和8年12月3日", "2026年12月3日（木）", "2026년 12월 3일 (목)"]
)
def test_items_under_a_cjk_date_heading_take_its_date(heading: str) -> None:
    """A Japanese ministry groups its releases under a heading of their day: any date the
    reader knows, with its weekday in brackets, is such a heading (an outside probe saw the
    items of groups of two undated)."""
    items = "".join(f'<li><a href="/press/release/pressit_{i:04d}.html">外務大臣と第{i}国の外務大臣'
                    f"との電話会談</a></li>" for i in range(1, 4))  # fmt: skip
    html = f"""<html lang="ja"><body><div id="main"><h1>報道発表</h1><h2>{heading}</h2>
<ul class="link_list">{items}</ul><h2>令和8年12月1日</h2><ul class="link_list"><li><a
href="/press/release/pressit_0009.html">日・ベトナム外相会談及びワーキング・ディナー</a></li></ul>
</div></body></html>"""
    listing = discover(html, "https://www.mofa.example.jp/press/release/index.html")
    assert [r.date for r in listing.releases] == ["2026-12-03"] * 3 + ["2026-12-01"]


def test_a_bangladesh_portal_s_release_table_beats_its_notice_board_ticker() -> None:
    """Bangladesh's national portal lists press releases in a table whose addresses end in a
    "-" standing for the title (/site/press_release/<uuid>/-), dated in Bengali digits, beside
    a notice board scrolled in a <marquee>: the table is the listing (an outside probe: the
    notices were watched instead, every release missed)."""
    rows = "".join(
        f'<tr><td>{n}</td><td><a href="/site/press_release/{uuid}/-">{title}</a></td>'
        f"<td>{day} ডিসেম্বর ২০২৬</td></tr>"
        for n, (uuid, title, day) in enumerate([
            ("c98c71ce-4acc-55d3-ada5-590350b0713f", "জাপানের রাষ্ট্রদূতের সঙ্গে পররাষ্ট্রমন্ত্রীর বৈঠক", "৩"),
            ("1f0e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b", "রোহিঙ্গা প্রত্যাবাসন বিষয়ে যৌথ বিবৃতি", "২"),
            ("a1b2c3d4-e5f6-4789-8abc-def012345678", "কম্বোডিয়ার সঙ্গে বাণিজ্য চুক্তি স্বাক্ষর", "১"),
        ], 1)
    )  # fmt: skip
    notices = "".join(f'<li><a href="/site/notices/{i}-notice">নোটিশ {i}: দরপত্র বিজ্ঞপ্তি '
                      f"প্রকাশ</a></li>" for i in range(5))  # fmt: skip
    html = f"""<html lang="bn"><body><div id="left-content"><h2 class="title">প্রেস বিজ্ঞপ্তি</h2>
<table class="bordered"><tr><th>ক্রমিক</th><th>শিরোনাম</th><th>প্রকাশের তারিখ</th></tr>{rows}
</table></div><div id="right-content"><div class="right-block"><h3>নোটিশ বোর্ড</h3><marquee
direction="up"><ul class="notice-list">{notices}</ul></marquee></div></div></body></html>"""
    listing = discover(html, "https://mofa.example.gov.bd/site/view/press_release")
    assert [(r.url.split("/")[-2][:8], r.date) for r in listing.releases] == [
        ("c98c71ce", "2026-12-03"), ("1f0e2d3c", "2026-12-02"), ("a1b2c3d4", "2026-12-01")
    ]  # fmt: skip


def test_a_listing_that_scrolls_its_releases_in_a_marquee_is_read() -> None:
    """Some portals scroll their only list of releases in a <marquee>: it is no chrome to
    discovery (an outside review)."""
    items = "".join(f'<li><a href="/press/release-{i}-on-bilateral-cooperation">Release {i} on '
                    f"bilateral cooperation with Japan</a> ({i} December 2026)</li>"
                    for i in range(1, 6))  # fmt: skip
    html = f"""<html><body><h1>Press Releases</h1><marquee direction="up"><ul>{items}</ul>
</marquee></body></html>"""
    assert len(discover(html, "https://mofa.example.gov.bd/press").releases) == 5


def test_spip_article_links_without_a_parameter_value_are_releases() -> None:
    """SPIP's default addresses name an article by a bare query word ("spip.php?article412"),
    the listing by another ("spip.php?rubrique7"): they are other pages than the listing, and
    one pattern of release addresses (an outside probe saw the listing watched as one page)."""
    items = "".join(
        f'<li class="item hentry"><h3 class="entry-title"><a href="spip.php?article{n}">{title}'
        f'</a></h3><small><abbr class="published">{d} décembre 2026</abbr></small></li>'
        for n, title, d in [
            (412, "Influenza aviaire : le niveau de risque relevé à « élevé »", 4),
            (411, "Présentation du projet de loi d’orientation agricole", 3),
            (410, "Déplacement du ministre au Salon de l’agriculture de Dakar", 3),
        ]
    )
    html = f"""<html lang="fr"><body class="page_rubrique"><div id="content"><h1>Communiqués
de presse</h1><ul class="liste-items">{items}</ul><p><a href="spip.php?rubrique7">Presse</a> |
<a href="spip.php?page=plan">Plan du site</a></p></div></body></html>"""
    url = "https://agriculture.example.fr/spip.php?rubrique7"
    for selector in (None, ".liste-items a"):
        listing = discover(html, url, links=selector)
        assert listing.kind == "listing"
        assert [(r.url.rsplit("/", 1)[1], r.date) for r in listing.releases] == [
            ("spip.php?article412", "2026-12-04"), ("spip.php?article411", "2026-12-03"),
            ("spip.php?article410", "2026-12-03"),
        ]  # fmt: skip


@pytest.mark.parametrize(
    ("clue", "expected"),
    [("01/13/2024", "2024-03-04"), ("13/01/2024", "2024-04-03"), ("", "2024-04-03")],
)
def test_ambiguous_numeric_dates_follow_the_page(clue: str, expected: str) -> None:
    """03/04/2024 is read the way the page's unambiguous dates are written; a page with none
    (and no US host or en-US language) is read day first."""
    items = ITEMS.replace("10 April 2026", "03/04/2024") + f"<li>Updated {clue}</li>"
    listing = discover(_page(items=items), "https://mfa.example.org/news")
    assert listing.releases[0].date == expected


def test_base_href_fragments_and_duplicates() -> None:
    items = ITEMS.replace('href="/news/', 'href="news/').replace(
        "</h3>", '</h3><a href="news/story-0-about-cambodia-and-asean#comments">2 comments</a>', 1
    )
    html = _page(head='<base href="https://cdn.example.gov.kh/site/">', items=items)
    listing = discover(html, "https://mfa.example.gov.kh/news")
    urls = [r.url for r in listing.releases]
    assert urls[0] == "https://cdn.example.gov.kh/site/news/story-0-about-cambodia-and-asean"
    assert len(urls) == 5 == len(set(urls))


@pytest.mark.parametrize(
    ("url", "pager", "expected"),
    [
        # first page: "1" and "previous" lead back here; rel=next in <head> counts
        (
            "https://x.gov.kh/news",
            '<div class="pagination"><a href="/news?page=1">1</a><a href="/news?page=2">2</a>'
            '<a href="/news?page=3">3</a><a href="/news?page=2">Next ›</a></div>',
            ["https://x.gov.kh/news?page=2", "https://x.gov.kh/news?page=3"],
        ),
        # WordPress, on page 3: only pages after it
        (
            "https://x.gov.kh/news/page/3/",
            '<nav class="navigation"><a class="prev page-numbers" href="/news/page/2/">« Prev'
            '</a><a class="page-numbers" href="/news/">1</a><a class="page-numbers" '
            'href="/news/page/2/">2</a><a class="page-numbers" href="/news/page/4/">4</a>'
            '<a class="next page-numbers" href="/news/page/4/">Next »</a></nav>',
            ["https://x.gov.kh/news/page/4/"],
        ),
        # Joomla offsets
        (
            "https://x.gov.kh/index.php/news?start=20",
            '<ul class="pagination"><li><a href="/index.php/news?start=0">Start</a></li>'
            '<li><a href="/index.php/news?start=10">Prev</a></li>'
            '<li><a href="/index.php/news?start=40">3</a></li>'
            '<li><a href="/index.php/news?start=30">Next</a></li></ul>',
            [
                "https://x.gov.kh/index.php/news?start=30",
                "https://x.gov.kh/index.php/news?start=40",
            ],
        ),
        # another listing's pages (a category) are not this listing's
        (
            "https://x.gov.kh/news",
            '<div class="pager"><a href="/events?page=2">2</a></div>',
            [],
        ),
    ],
)
def test_pagination(url: str, pager: str, expected: list[str]) -> None:
    listing = discover(_page(pager), url)
    assert list(listing.next_pages) == expected
    assert not {r.url for r in listing.releases} & set(expected)


def test_last_page_with_one_release_is_still_a_listing() -> None:
    one = ITEMS.split("</li>")[0] + "</li>"
    pager = '<div class="nav-links"><a class="page-numbers" href="/news/page/2/">2</a></div>'
    listing = discover(_page(pager, items=one), "https://x.gov.kh/news/page/3/")
    assert [r.url for r in listing.releases] == [
        "https://x.gov.kh/news/story-0-about-cambodia-and-asean"
    ]
    assert listing.next_pages == ()


def test_next_post_link_on_a_release_is_not_a_next_page() -> None:
    body = "<p>" + "The Ministry welcomes the agreement reached today. " * 12 + "</p>"
    nav = (
        '<nav class="navigation post-navigation"><div class="nav-links">'
        '<a href="/2026/04/19/older-statement/" rel="prev">Older statement on cooperation</a>'
        '<a href="/2026/04/21/newer-statement/" rel="next">Newer statement on cooperation</a>'
        "</div></nav>"
    )
    html = f"<html><body><article><h1>Statement</h1>{body * 4}{nav}</article></body></html>"
    assert discover(html, "https://x.gov.kh/2026/04/20/statement/") == Listing(kind="page")


def test_head_rel_next_and_wordpress_post_ids_are_told_apart() -> None:
    items = ITEMS.replace('href="/news/story-', 'href="/?p=10').replace(
        '-about-cambodia-and-asean"', '"'
    )
    html = _page(head='<link rel="next" href="https://x.gov.kh/page/2/">', items=items)
    listing = discover(html, "https://x.gov.kh/")
    assert listing.next_pages == ("https://x.gov.kh/page/2/",)
    assert [r.url for r in listing.releases] == [f"https://x.gov.kh/?p=10{i}" for i in range(5)]


@pytest.mark.parametrize(
    "switch",
    [
        '<a href="/km/news" hreflang="km">ខ្មែរ</a>',
        '<a href="/news?lang=km">Khmer version of all the news on this page</a>',
        '<a href="https://x.gov.kh/km/news">ភាសាខ្មែរ</a>',
        '<a href="https://x.gov.kh/fr/news">Français</a>',
    ],
)
def test_language_switchers_are_not_releases(switch: str) -> None:
    extra = "<ul class='news'>" + "".join(f"<li>{switch}</li>" for _ in range(4)) + "</ul>"
    listing = discover(_page(extra), "https://x.gov.kh/en/news")
    assert len(listing.releases) == 5
    assert all("story-" in r.url for r in listing.releases)


def test_non_article_links_in_items_are_not_releases() -> None:
    items = ITEMS.replace(
        '<span class="date">',
        '<a href="/category/press-releases">Press Releases</a> '
        '<a href="/author/spokesperson">Spokesperson</a> '
        '<a href="https://www.facebook.com/sharer/sharer.php?u=x">Share</a> '
        '<a href="/news/feed/">RSS</a><span class="date">',
    )
    listing = discover(_page(items=items), "https://x.gov.kh/news")
    assert [r.url.rsplit("/", 1)[1][:7] for r in listing.releases] == ["story-0", "story-1",
                                                                        "story-2", "story-3",
                                                                        "story-4"]  # fmt: skip


def test_no_list_means_a_single_page() -> None:
    body = "<p>" + "The Ministry welcomes the agreement. " * 20 + "</p>"
    assert discover(
        f"<html><body><h1>Statement</h1>{body * 4}</body></html>", "https://x.gov.kh/s/1"
    ) == Listing(kind="page")
    assert discover("", "https://x.gov.kh/").kind == "page"


def _wp_post(i: int, day: int, heading: str = "h3", cls: str = "entry-title") -> str:
    slug = f"/2026/11/{day}/statement-{i}-on-bilateral-cooperation/"
    return (
        f'<article class="post-{i} post hentry"><a class="post-thumbnail" href="{slug}">'
        f'<img src="/up/{i}.jpg" alt=""></a><header class="entry-header"><{heading} '
        f'class="{cls}"><a href="{slug}" rel="bookmark">Statement {i} on Bilateral '
        f"Cooperation with Partners</a></{heading}><time datetime='2026-11-{day}'>"
        f"November {day}, 2026</time></header><p>The Ministry welcomes the talks.</p>"
        f'<a class="more-link" href="{slug}">Continue reading</a></article>'
    )


def test_featured_lead_post_above_the_grid_belongs_to_the_listing() -> None:
    """A WordPress theme shows the newest post big (<h2 class="featured-title">, a wrapper of
    its own) above a grid of <h3> posts. It is a release; a "Latest news" column of the same
    URL pattern, even unmarked as chrome and before the list, is not."""
    featured = (
        '<article class="post-9 post sticky featured-post"><div class="featured-content">'
        '<h2 class="entry-title featured-title"><a href="/2026/11/27/statement-9-on-bilateral-'
        'cooperation/">Statement 9 on Bilateral Cooperation with Partners</a></h2><time '
        'datetime="2026-11-27">November 27, 2026</time><p>The Ministry welcomes the talks.</p>'
        '<a class="more-link" href="/2026/11/27/statement-9-on-bilateral-cooperation/">Continue'
        " reading</a></div></article>"
    )
    latest = "".join(
        f'<li><h4><a href="/2026/11/{d}/older-statement-{d}-on-trade-policy/">Older Statement '
        f"{d} on Trade Policy</a></h4></li>"
        for d in (10, 11, 12, 13)
    )
    grid = "".join(_wp_post(i, 18 + i) for i in range(8, 0, -1))
    recent = "".join(
        f'<li><a href="/2026/11/{18 + i}/statement-{i}-on-bilateral-cooperation/">Statement {i}'
        "</a></li>"
        for i in (9, 8, 7)
    )
    html = (
        "<html><body><header><nav><a href='/'>Home</a></nav></header>"
        f'<div class="row"><div class="col-md-3"><div class="panel"><h3>Latest news</h3><ul>'
        f"{latest}</ul></div></div>"
        f'<div class="col-md-9"><main class="site-main">{featured}<div class="posts-grid">{grid}'
        f'</div></main></div></div><aside class="widget-area"><ul>{recent}</ul></aside>'
        "</body></html>"
    )
    listing = discover(html, "https://tourism.example.gov.kh/news/")
    urls = [r.url.split("/", 3)[3] for r in listing.releases]
    assert urls == [f"2026/11/{18 + i}/statement-{i}-on-bilateral-cooperation/"
                    for i in range(9, 0, -1)]  # fmt: skip
    first = listing.releases[0]
    assert (first.title, first.date) == ("Statement 9 on Bilateral Cooperation with Partners",
                                         "2026-11-27")  # fmt: skip


TEASER = "The Ministry informs the public about the measures taken this week in the provinces."
SIDEBAR = (
    '<div class="col-md-4"><div class="panel"><div class="panel-heading">Health Alerts</div>'
    '<ul><li><a href="/health_alerts.php?id=31">Dengue fever prevention during the rainy '
    'season</a></li><li><a href="/health_alerts.php?id=30">Avian influenza: advice for poultry '
    'handlers</a></li><li><a href="/health_alerts.php?id=29">Heat wave: how to protect '
    "children and the elderly</a></li></ul></div></div>"
)


@pytest.mark.parametrize(
    "item",
    [
        # one wrapper per item, the teaser in a paragraph
        '<div class="news-entry"><img src="/t/{i}.jpg" alt=""><h2>{title}</h2><span>Posted '
        'on {day} November 2026</span><p>{teaser}</p><a href="news_detail.php?id={i}" '
        'class="readmore">Read more</a></div>',
        # one wrapper per item, the teaser as bare text
        '<div class="news-entry"><h3>{title}</h3><small>{day}.11.2026</small><br>{teaser} '
        '<a href="news_detail.php?id={i}">Read more »</a></div>',
        # no wrappers: heading, date, teaser, link, then the next heading
        "<h2>{title}</h2><span>{day} November 2026</span><p>{teaser}</p><p><a "
        'href="news_detail.php?id={i}">Read more</a></p>',
    ],
)
def test_read_more_items_titled_by_headings_beat_a_sidebar_box(item: str) -> None:
    """Items whose heading is no link and whose only link is "Read more" after a teaser are
    the list; the links are not "inside running text", and the headings are the titles."""
    titles = [f"Minister Opens Provincial Referral Hospital Number {i}" for i in range(7)]
    items = "".join(
        item.format(i=650 + i, title=t, day=26 - i, teaser=TEASER) for i, t in enumerate(titles)
    )
    html = (
        '<html><body><div class="container"><div class="row"><div class="col-md-8"><h1>News'
        f'</h1><div class="news-list">{items}</div></div>{SIDEBAR}</div></div></body></html>'
    )
    listing = discover(html, "https://moh.example.gov.kh/news.php")
    assert [(r.url, r.title, r.date) for r in listing.releases] == [
        (f"https://moh.example.gov.kh/news_detail.php?id={650 + i}", t, f"2026-11-{26 - i}")
        for i, t in enumerate(titles)
    ]


@pytest.mark.parametrize(
    ("url", "pager", "later", "expected"),
    [
        # hand-made: "Page <b>1</b> 2 Next", no pager class, no page parameter
        (
            "https://x.gov.kh/press/statements.html",
            '<p class="small">Page <strong>1</strong> <a href="statements-2.html">2</a> '
            '<a href="statements-2.html">Next &raquo;</a></p>',
            False,
            ["https://x.gov.kh/press/statements-2.html"],
        ),
        # the second page: back to the first is no next page; 3 is
        (
            "https://x.gov.kh/press/statements-2.html",
            '<p><a href="statements.html">&laquo; Previous</a> Page <a href="statements.html">1'
            '</a> <strong>2</strong> <a href="statements-3.html">3</a></p>',
            False,
            ["https://x.gov.kh/press/statements-3.html"],
        ),
        # numbers in a list of their own, underscore pages
        (
            "https://x.gov.kh/news.htm",
            '<ul class="pg"><li><b>1</b></li><li><a href="news_2.htm">2</a></li><li>'
            '<a href="news_3.htm">3</a></li></ul>',
            False,
            ["https://x.gov.kh/news_2.htm", "https://x.gov.kh/news_3.htm"],
        ),
        # a path segment; index_2.html
        (
            "https://x.gov.kh/news",
            '<div class="bottom"><a href="/news/2">Next ›</a></div>',
            False,
            ["https://x.gov.kh/news/2"],
        ),
        (
            "https://x.gov.kh/zwgk/index.html",
            '<div>1 <a href="index_2.html">2</a> <a href="index_3.html">3</a></div>',
            False,
            ["https://x.gov.kh/zwgk/index_2.html", "https://x.gov.kh/zwgk/index_3.html"],
        ),
        # a later page of a listing known from page one: its "Next" leads on
        (
            "https://x.gov.kh/news/2",
            '<div class="bottom"><a href="/news">Previous</a> <a href="/news/3">Next</a></div>',
            True,
            ["https://x.gov.kh/news/3"],
        ),
        # a lone number is no page number; a year is no page
        (
            "https://x.gov.kh/news",
            '<p>See note <a href="/news/2">2</a>. Archive: <a href="/news/2025">2025</a> '
            '<a href="/news/2024">2024</a></p>',
            False,
            [],
        ),
    ],
)
def test_hand_made_pagination_by_numbered_urls(
    url: str, pager: str, later: bool, expected: list[str]
) -> None:
    """Pages that differ from the listing's URL by a number only, reached by a "Next" or by
    a number among page numbers, outside any pager class."""
    like = discover(_page(), "https://x.gov.kh/news").signature if later else None
    listing = discover(_page(pager), url, like=like)
    assert list(listing.next_pages) == expected
    assert len(listing.releases) == 5


def test_next_post_with_a_numbered_url_is_not_a_next_page() -> None:
    """/posts/46 differs from /posts/45 by a number only, but "Next" on a release leads to the
    next post: no next page of a listing (nor the short list a next page would allow)."""
    body = "<p>" + "The Ministry welcomes the agreement reached today. " * 12 + "</p>"
    nav = (
        '<div class="post-links"><a href="/posts/44">« Previous</a> <a href="/posts/46">Next »'
        '</a></div><div class="box"><h4>See also</h4><a href="/posts/12">Statement on the '
        "landmine clearance programme in the northern provinces</a></div>"
    )
    html = f"<html><body><article><h1>Statement</h1>{body * 4}{nav}</article></body></html>"
    assert discover(html, "https://x.gov.kh/posts/45") == Listing(kind="page")


# --- feeds -----------------------------------------------------------------------------------

FEEDS = DATA / "feeds"


def test_un_news_rss() -> None:
    body = (FEEDS / "un_news_europe_rss_2022-04-01.xml").read_bytes()
    listing = parse_feed(
        body, "https://news.un.org/feed/subscribe/en/news/region/europe/feed/rss.xml"
    )
    assert listing.kind == "feed"
    assert len(listing.releases) == 30
    first = listing.releases[0]
    assert first.url == "https://news.un.org/feed/view/en/story/2022/04/1115242"
    assert first.title == "First Person: ‘I fear I will never see my husband again’"
    assert first.date == "2022-04-01"
    assert all(r.url.startswith("https://news.un.org/") and r.summary for r in listing.releases)


def test_congress_rss_feeds() -> None:
    ruiz = parse_feed((FEEDS / "ruiz_rss.xml").read_bytes(), "https://ruiz.house.gov/rss.xml")
    assert len(ruiz.releases) == 10
    assert urlsplit(ruiz.releases[0].url).hostname == "ruiz.house.gov"
    assert ruiz.releases[0].title == "Dr. Ruiz Highlights First 100 Days in Congress"
    assert ruiz.releases[0].date == "2013-04-15"
    assert "&nbsp;" not in (ruiz.releases[0].summary or "")

    burr = parse_feed(
        (FEEDS / "richard_burr.xml").read_bytes(), "http://www.burr.senate.gov/public/"
    )
    assert len(burr.releases) == 25
    assert all(
        r.url.startswith("http://www.burr.senate.gov/public/index.cfm?") and " " not in r.url
        for r in burr.releases
    )
    assert all(r.date for r in burr.releases)

    culberson = parse_feed(
        (FEEDS / "culberson_rss.xml").read_bytes(), "http://culberson.house.gov/feed/"
    )
    assert len(culberson.releases) == 10
    assert all(r.date is None for r in culberson.releases)  # RSS 0.92 without dates


def test_atom_with_xml_base() -> None:
    body = (FEEDS / "handmade_atom_xml_base.xml").read_bytes()
    listing = parse_feed(body, "https://www.mfaic.gov.kh/en/feed/press.atom")
    assert [(r.url, r.title, r.date, r.summary) for r in listing.releases] == [
        (
            "https://www.mfaic.gov.kh/en/Media/Press-Release/Detail/5012",
            "Press Release on the Visit of the UN Special Envoy & ASEAN Delegation",
            "2026-04-25",  # the publisher's date, not the UTC one (04-26)
            "The Ministry welcomes the visit.",
        ),
        (
            "https://www.mfaic.gov.kh/Media/Press-Release/Detail/5009",
            "Statement on Landmine Victims Assistance",
            "2026-04-20",
            "Cambodia renews its support for victim assistance programmes.",
        ),
    ]
    assert listing.next_pages == ("https://www.mfaic.gov.kh/en/feed/press.atom?page=2",)


def test_tracking_parameters_are_stripped_from_release_urls() -> None:
    """WordPress feeds (and newsletters, share buttons) add utm_*/fbclid... to a release's
    URL; the listing links it without. One release, one URL; real parameters stay."""
    post = "https://x.gov.kh/2026/11/26/cambodia-contributes-peacekeepers/"
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>MoT</title><item><title>'
        f"Cambodia Contributes Peacekeepers</title><link>{post}?utm_source=rss&amp;"
        "utm_medium=rss&amp;utm_campaign=cambodia-contributes-peacekeepers</link></item><item>"
        "<title>Statement</title><link>https://x.gov.kh/news.php?id=12&amp;fbclid=IwAR0x&amp;"
        "lang=en&amp;gclid=abc&amp;mc_cid=9f&amp;mc_eid=77</link></item></channel></rss>"
    )
    urls = [r.url for r in parse_feed(feed.encode(), "https://x.gov.kh/feed/").releases]
    assert urls == [post, "https://x.gov.kh/news.php?id=12&lang=en"]
    items = ITEMS.replace('-asean"', '-asean?utm_source=newsletter&amp;utm_medium=email"')
    listing = discover(_page(items=items), "https://x.gov.kh/news")
    assert all("?" not in r.url for r in listing.releases) and len(listing.releases) == 5


def test_a_portals_way_back_is_no_part_of_a_release_url() -> None:
    """Liferay links every item of an asset publisher with ?inheritRedirect=true&redirect=
    <the list's page>: the way back, which changes with the page of the list. An outside probe
    saw every such link taken for a login link, and the list's releases lost."""
    base = "https://mfa.example.gov/web/guest/news"
    items = "".join(
        f'<div class="asset-abstract"><h3 class="asset-title"><a href="/web/guest/news/-/'
        f"asset_publisher/Xk3pQ2/content/statement-{i}?inheritRedirect=true&amp;redirect="
        f'%2Fweb%2Fguest%2Fnews">Statement on mine action cooperation number {i}</a></h3>'
        f"<span class='metadata-publish-date'>0{i + 1}/12/2026</span></div>"
        for i in range(4)
    )
    listing = discover(f"<html><body><main>{items}</main></body></html>", base)
    assert [r.url for r in listing.releases] == [
        f"{base}/-/asset_publisher/Xk3pQ2/content/statement-{i}" for i in range(4)]


def test_broken_feed_gives_no_releases() -> None:
    assert parse_feed(b"<rss><channel><item><title>x", "https://x.gov.kh/feed").releases == ()
    assert parse_feed(b"", "https://x.gov.kh/feed") == Listing(kind="feed")


# --- sniffing ---------------------------------------------------------------------------------

UN_RSS = (FEEDS / "un_news_europe_rss_2022-04-01.xml").read_bytes()
ATOM = (FEEDS / "handmade_atom_xml_base.xml").read_bytes()
HTML = _html("handmade/mfaic_news.html").encode()
RDF = b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>'


@pytest.mark.parametrize(
    ("content_type", "body", "kind"),
    [
        ("application/rss+xml", UN_RSS, "feed"),
        ("text/xml; charset=utf-8", UN_RSS, "feed"),
        ("text/html", UN_RSS, "feed"),
        ("application/octet-stream", UN_RSS, "feed"),
        ("application/atom+xml", ATOM, "feed"),
        ("text/html", ATOM, "feed"),
        ("application/xml", RDF, "feed"),
        ("text/html", "<rss version='2.0'><channel/></rss>".encode("utf-16"), "feed"),
        ("text/html; charset=utf-8", HTML, "html"),
        ("application/rss+xml", HTML, "html"),  # an error page where the feed should be
        (
            "text/xml",
            b"\xef\xbb\xbf<!-- x --><!DOCTYPE html><html><body><rss/></body></html>",
            "html",
        ),
        ("text/html", b"<div>fragment <feed> mentioned</div>", "html"),
        ("text/html", b'<%@ Page Language="C#" %>\r\n<!DOCTYPE html><html></html>', "html"),
        (
            "application/rss+xml",
            b"<br />\n<b>Warning</b>: x<br />\n<?xml version='1.0'?><rss>",
            "feed",
        ),
        ("text/html", b"", "other"),
        ("application/pdf", b"%PDF-1.7\n...", "pdf"),
        ("application/octet-stream", b"%PDF-1.4\n...", "pdf"),
        ("application/pdf", b"<html><body>Request Rejected</body></html>", "html"),
        ("application/json", b'{"items": []}', "other"),
        ("application/xml", b'<?xml version="1.0"?><urlset xmlns="x"/>', "other"),
        ("image/png", b"\x89PNG\r\n", "other"),
    ],
)
def test_sniff_kind(content_type: str, body: bytes, kind: str) -> None:
    assert sniff_kind(content_type, body) == kind


def test_later_pages_are_read_like_the_first_even_when_a_sidebar_has_more_links():
    """A hand-made listing's last page holds one release; its "Latest news" sidebar holds five
    links of the same URL pattern. Read with page 1's shape, the table wins."""
    import datetime as dt

    from monitor.demo.samples import SampleRelease, load_releases
    from monitor.demo.scenario import add_release
    from monitor.demo.site import SiteLayout, build_site

    releases = add_release(load_releases(), SampleRelease(
        slug="statement-published-today", title="Statement Published Today",
        date=dt.date(2026, 11, 23), lang="en", paragraphs=("A statement.",)))  # fmt: skip
    for style in ("wordpress", "drupal", "handmade"):
        routes = build_site(releases, style=style, per_page=5, origin="http://x.test")
        layout = SiteLayout(style)
        like, found = None, []
        for number in (1, 2, 3):
            url = "http://x.test" + layout.listing(number)
            listing = discover(routes[layout.listing(number)].body.decode(), url, like=like)
            like = listing.signature or like
            found.extend(link.url for link in listing.releases)
        expected = ["http://x.test" + layout.article(r) for r in releases]
        assert found == expected, style


def test_an_item_s_own_date_before_a_date_its_title_names() -> None:
    """SharePoint's list: "…Ministerial Meeting, 2 December 2026" is the title's topic, the
    item's date is its description's 03/12/2026 (the page's other items write 30/11/2026)."""
    items = "".join(
        f'<li class="dfwp-item"><div class="link-item"><a href="/Newsroom/2026/{d}-{slug}">'
        f'{title}</a><div class="description">{date}</div></div></li>'
        for d, slug, title, date in [
            ("1203", "doorstop", "Transcript of the Doorstop Interview on the Outcomes of the "
             "ASEAN-UN Ministerial Meeting, 2 December 2026", "03/12/2026"),
            ("1130", "mine-action", "Singapore Contributes to the ASEAN Regional Mine Action "
             "Centre", "30/11/2026"),
            ("1128", "joint", "Joint Statement on the Bilateral Consultations", "28/11/2026"),
        ]
    )  # fmt: skip
    html = f"<html lang='en-US'><body><ul class='dfwp-list'>{items}</ul></body></html>"
    listing = discover(html, "https://mfa.example.sg/Newsroom")
    assert [r.date for r in listing.releases] == ["2026-12-03", "2026-11-30", "2026-11-28"]


def test_a_card_s_own_date_and_no_comment_s() -> None:
    """A card whose link holds its title and date: the date is the card's, not a teaser's
    below it; a comment in the markup is no text."""
    cards = "".join(
        f'<li><a href="/n/{i}-forum"><h3>Forum opens number {i} on trade</h3><span>2{i} '
        "November 2026</span></a><p>The forum will continue on 15 January 2027.</p>"
        "<!-- cached 2019-03-04 --></li>"
        for i in range(3)
    )
    listing = discover(f"<html><body><ul>{cards}</ul></body></html>", "https://x.gov.kh/news")
    assert [r.date for r in listing.releases] == ["2026-11-20", "2026-11-21", "2026-11-22"]


def test_a_plone_listings_second_page_keeps_its_releases_not_its_pager():
    """Plone 5 (Barceloneta) sets its content column in <main class="row row-offcanvas">
    ("offcanvas" names mobile menus elsewhere) and batches with ?b_start:int=6 behind
    "« Previous 6 items": an outside probe saw page 2 give the pager link as its one release
    (its listing changes were then reported as edits of it) and lose the two real ones."""
    base = "https://mfac.example.tl/news"
    first = discover(_html("handmade/plone_news_p1.html"), base)
    assert first.next_pages == (f"{base}?b_start:int=6",)
    second = discover(_html("handmade/plone_news_p2.html"), f"{base}?b_start:int=6",
                      like=first.signature)  # fmt: skip
    assert [r.url.rsplit("/", 1)[1] for r in second.releases] == [
        "asean-accession-roadmap-review", "japan-ambassador-courtesy-call"]  # fmt: skip
    assert not second.next_pages  # "« Previous 6 items" and "1" lead back


@pytest.mark.parametrize(
    ("stamp", "shown", "date"),
    [
        ("2026-12-02T23:30:00.000Z", "3 December 2026", "2026-12-03"),  # 06:30 in UTC+7
        ("2026-12-02T23:30:00+00:00", "3 December 2026", "2026-12-03"),
        ("2026-12-02", "3 December 2026", "2026-12-02"),  # no clock: the markup's day
        ("2026-11-20T10:00:00Z", "3 December 2026", "2026-11-20"),  # not a zone's day apart
        ("2026-12-03T01:00:00Z", "4 December 2026", "2026-12-03"),  # no zone is 23 h ahead
        ("2026-12-02T23:30:00+07:00", "3 December 2026", "2026-12-02"),  # the site's own zone
    ],
)
def test_a_listings_zoned_timestamp_gives_the_day_the_site_shows(stamp, shown, date):
    """Next.js sites write <time datetime> in UTC: a release of 06:30 in Phnom Penh is the
    day before in UTC, and was stored a day early."""
    dates = _dates_of_cards(
        lambda i: f'<li class="card"><h3><a href="/news/release-{i}">Minister meets envoy on '
        f"mine action cooperation number {i}</a></h3><time datetime=\"{stamp}\">{shown}</time>"
        "</li>"
    )
    assert dates == [date] * 4


def _dates_of_cards(card: Callable[[int], str]) -> list[str | None]:
    """The dates discovery gives a list of four cards, `card(0)` to `card(3)`."""
    items = "".join(card(i) for i in range(4))
    listing = discover(f"<html><body><main><ul>{items}</ul></main></body></html>",
                       "https://mfa.example.org/news")  # fmt: skip
    return [r.date for r in listing.releases]


def test_a_cards_zoned_stamp_is_not_overruled_by_a_date_its_title_names():
    """Only a <time>'s own text shows the day its stamp is: a card whose data-date is UTC
    and whose title names the day of a visit keeps its stamp's day."""
    dates = _dates_of_cards(
        lambda i: f'<li class="card" data-date="2026-12-03T02:00:00Z"><h3><a href="/news/'
        f'visit-{i}">Minister to visit Japan on 4 December 2026, visit number {i}</a></h3></li>'
    )
    assert dates == ["2026-12-03"] * 4


def test_a_bilingual_listing_keeps_its_items_in_the_other_language():
    """A Drupal press room lists Spanish and French releases in one view: a French item
    under /fr/communiques/ with a two-word slug was taken for an odd link out of the list
    (another URL pattern, no slug), so it was never found, its removal never reported (an
    outside probe). An item of the list dated as its neighbours are is a release."""
    def row(lang: str, path: str, title: str, day: int) -> str:
        return (f'<div class="views-row"><article class="node"><div class="node__content">'
                f'<h2 class="node__title"><a href="/{lang}/{path}" hreflang="{lang}">{title}'
                f'</a></h2><div class="node__meta"><time datetime="2026-11-{day:02d}T12:00:00Z">'
                f'{day} de noviembre de 2026</time></div><p>Texto del comunicado…</p></div>'
                f'</article></div>')  # fmt: skip

    def page(rows: list[str], n: int) -> str:
        return (f'<html lang="es"><body><nav><a href="/es/">Inicio</a> <a href="/fr/salle-de-'
                f'presse" hreflang="fr">Français</a></nav><h1>Sala de prensa</h1>'
                f'<div class="view-content">{"".join(rows)}</div><nav class="pager"><a href='
                f'"/es/sala-de-prensa?page={n}">{n + 1}</a></nav></body></html>')  # fmt: skip

    first = page([row("es", "comunicados/hambre-america-latina-2026", "El hambre en América "
                      "Latina disminuye por tercer año", 30),
                  row("es", "comunicados/inundaciones-bolivia", "Ayuda de emergencia tras las "
                      "inundaciones en Bolivia", 29),
                  row("fr", "communiques/vaccination-sahel", "Campagne de vaccination contre la "
                      "rougeole au Sahel", 28),
                  row("es", "comunicados/becas-jovenes", "Abierta la convocatoria del programa "
                      "de jóvenes profesionales", 27)], 1)  # fmt: skip
    second = page([row("es", "comunicados/cierre-oficina", "Cierre de la oficina", 26),
                   row("fr", "communiques/condoleances-typhon", "Message de condoléances", 25)],
                  0)  # fmt: skip
    url = "https://un.example/es/sala-de-prensa"
    listing = discover(first, url)
    assert any("vaccination-sahel" in r.url for r in listing.releases)
    later = discover(second, url + "?page=1", like=listing.signature)
    assert [r.url.rsplit("/", 1)[1] for r in later.releases] == [
        "cierre-oficina", "condoleances-typhon"]
