"""The lead a CMS sets between the headline and the body (Plone's documentDescription, a
standfirst) is the statement's first paragraph: read on one page alone and beside a learned
region, and an edit there is reported with its words, while the page's chrome stays silent."""

from __future__ import annotations

import asyncio

import pytest
import yaml

from monitor.config import load_config
from monitor.demo.server import FixtureServer, Route
from monitor.extract import extract_html
from monitor.models import CheckReport
from monitor.run.check import CheckOptions, run_check
from monitor.store.catalogue import Store

TOPICS = ["mine action", "the ASEAN-UN Plan of Action", "consular services", "peacekeeping",
          "trade with Japan", "climate adaptation"]  # fmt: skip


def _lead(n: int) -> str:
    return f"The Ministry reviewed cooperation on {TOPICS[n]} with its partners this week."


def _body(n: int) -> list[str]:
    return [
        f"The Deputy Minister chaired the meeting on {TOPICS[n]} held at the Ministry in Dili "
        f"on {n + 2} November 2026, with the participation of development partners.",
        f"Participants reviewed progress made since the last session on {TOPICS[n]}, and "
        "agreed on the priorities for the coming year and the means to finance them.",
        "The next meeting will be held in the first half of 2027 at a date to be agreed "
        "through diplomatic channels by both sides.",
    ]


def _page(n: int, chrome: int, lead: str | None = None) -> str:
    """A Plone 5 news item: the lead in the article's header, the body in its own field, a
    portlet column and a footer that change on every request."""
    title = f"Deputy Minister chairs the meeting on {TOPICS[n]}"
    body = "".join(f"<p>{p}</p>" for p in _body(n))
    others = "".join(f'<li><a href="/news/item-{(n + k + chrome) % 6}">'
                     f"{TOPICS[(n + k + chrome) % 6].capitalize()} review</a></li>"
                     for k in range(1, 4))  # fmt: skip
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} — Ministry</title></head>
<body><header id="portal-top"><a id="portal-logo" href="/">Ministry</a>
<div class="portal-clock">Friday, 04 December 2026 1{chrome}:5{chrome}</div></header>
<main id="main-container" class="row row-offcanvas"><article id="content"><header>
<h1 class="documentFirstHeading">{title}</h1><div class="documentByLine">by Press Office —
published Nov {n + 2}, 2026 09:15 AM, last modified Dec 0{chrome % 4 + 1}, 2026 10:0{chrome} AM
</div><div class="documentDescription description">{lead or _lead(n)}</div></header>
<div id="content-core"><div id="parent-fieldname-text">{body}</div></div></article></main>
<aside id="portal-column-two"><section class="portlet"><header>Latest news</header>
<ul>{others}</ul></section></aside>
<footer><p>Visits: {20513 + 97 * chrome}</p></footer></body></html>"""


def test_the_lead_is_the_statements_first_paragraph():
    doc = extract_html(_page(0, 0), "https://mfac.example.tl/news/item-0")
    assert doc.paragraphs[0] == _lead(0)
    assert list(doc.paragraphs[1:]) == _body(0)  # not the byline, the portlet, the footer


def _article(between: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in _body(1))
    return (f"<html><head><title>Statement on {TOPICS[1]} — Ministry</title></head><body>"
            f"<main><article><h1>Statement on {TOPICS[1]}</h1>{between}"
            f'<div class="entry-content">{body}</div></article></main></body></html>')  # fmt: skip


def test_only_a_named_lead_is_the_statements_and_only_once():
    """A caption, a "Listen to this article" line or a share prompt sits between headline and
    body too: only an element named as a lead (`LEAD_NAMES`) is taken, and a lead that
    repeats the body's first paragraph (as Plone's description often does) is not doubled."""
    url = "https://mfa.example.org/news/statement"
    around = ('<figure><img src="/a.jpg"><figcaption>The Deputy Minister with the delegation '
              "in Dili on Monday.</figcaption></figure><p>Listen to this article in your "
              'browser now.</p><p class="share-note">Share this news with your friends and '
              "colleagues.</p>")  # fmt: skip
    assert extract_html(_article(around), url).paragraphs == tuple(_body(1))
    named = f'<p class="article-intro">{_lead(1)}</p>'
    assert extract_html(_article(around + named), url).paragraphs == (_lead(1), *_body(1))
    twice = f'<div class="documentDescription">{_body(1)[0]}</div>'
    assert extract_html(_article(twice), url).paragraphs == tuple(_body(1))


@pytest.mark.parametrize("names", ['class="sfnewsSummary"', 'id="newsIntro"'])
def test_a_lead_named_in_camel_case_is_read(names):
    """Sitefinity's news widget names its lead "sfnewsSummary": a camelCase word's humps part
    words as hyphens do (an outside probe: every lead left out, then reported inserted when a
    redesign named it "lead")."""
    url = "https://mfa.example.org/news/statement"
    lead = f"<div {names}>{_lead(1)}</div>"
    assert extract_html(_article(lead), url).paragraphs == (_lead(1), *_body(1))


@pytest.mark.parametrize("wrapper", ['id="mainContentWithSidebar"',
                                     'id="ctl00_ContentPlaceHolder1_LatestNewsDetails1_pnlNews"'])
def test_camel_case_names_part_only_a_leads_name(wrapper):
    """Only a lead's name is read by its humps: a wrapper named "mainContentWithSidebar", or
    ASP.NET's id for a latest news item's details, is no sidebar or "latest" list (an
    outside review: such a page titled with the site's name)."""
    html = f"""<html lang="en"><head><title>Ministry of Foreign Affairs</title></head><body>
<div id="header"><div class="logo">Ministry of Foreign Affairs</div><ul class="menu"><li><a
href="/">Home</a></li><li><a href="/news">News</a></li></ul></div><div {wrapper}><div
class="newsItem"><h2 class="newsTitle">Minister meets the Ambassador of Japan</h2><div
class="newsDate">3 December 2025</div><div class="newsBody"><p>{_body(2)[0]}</p>
<p>{_body(2)[1]}</p></div></div><div class="sidebar"><h3>Latest news</h3><ul><li><a
href="/news/2">Minister visits Laos</a></li></ul></div></div><div id="footer">© Ministry</div>
</body></html>"""
    doc = extract_html(html, "https://mfa.example.org/news/12")
    assert doc.title == "Minister meets the Ambassador of Japan"
    assert doc.paragraphs == tuple(_body(2)[:2])


def _utility_page(n: int, chrome: int, lead: str | None = None) -> str:
    """A static site with a utility-class theme (Eleventy and Tailwind): the lead is a bare
    <p> right under the headline, outside the body's container; the build stamps the page."""
    title = f"Deputy Minister chairs the meeting on {TOPICS[n]}"
    body = "".join(f"<p>{p}</p>" for p in _body(n))
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} | MFAIC</title></head>
<body class="bg-white"><header class="border-b"><a href="/">MFAIC</a><nav><a href="/">Home</a>
<a href="/news">News</a></nav></header><main id="content" class="mx-auto max-w-3xl">
<article class="space-y-6"><div class="text-sm uppercase">Press release · Nov {n + 2}, 2026</div>
<h1 class="text-3xl font-bold">{title}</h1><p class="text-xl text-slate-600">{lead or _lead(n)}</p>
<div class="prose max-w-none">{body}</div><div class="text-xs">Last built 2026-12-0{chrome + 1}
T2{chrome}:00:00Z · <a href="/news">Back to news</a></div></article></main>
<footer class="text-xs">MFAIC · build {chrome}f3a{chrome}c · requests {1200 + chrome}</footer>
</body></html>"""


def _site(chrome: int, leads: dict[int, str], page=_page) -> dict[str, Route]:
    items = "".join(
        f'<li><a href="/news/item-{n}">Deputy Minister chairs the meeting on {TOPICS[n]}</a> '
        f"<span>Nov {n + 2}, 2026</span></li>"
        for n in range(6)
    )
    listing = f"<html><body><main><h1>News</h1><ul class='news'>{items}</ul></main></body></html>"
    routes = {"/news": Route(body=listing.encode())}
    for n in range(6):
        routes[f"/news/item-{n}"] = Route(body=page(n, chrome, leads.get(n)).encode())
    return routes


@pytest.mark.parametrize("page", [_page, _utility_page], ids=["named", "unnamed"])
def test_an_edit_of_the_lead_is_reported_and_chrome_is_not(tmp_path, page):
    """Named (Plone's description) or not (a bare <p> under the headline, which an outside
    probe saw read on a source's first pages and dropped once its region was learned: its
    edits missed), the lead is read beside the learned region."""
    with FixtureServer() as server:
        config_path = tmp_path / "config.yaml"
        config_path.write_text(yaml.safe_dump({
            "snapshots": str(tmp_path / "snapshots"),
            "fetch": {"per_host_delay": 0, "retries": 1, "timeout": 10},
            "sources": [{"name": "mfac", "url": server.url("/news")}],
            "revisit": {"fresh_days": 36500},
        }))  # fmt: skip
        config = load_config(config_path)

        def check(chrome: int, leads: dict[int, str]) -> CheckReport:
            server.set_routes(_site(chrome, leads, page))
            with Store.open(config.snapshots_dir) as store:
                return asyncio.run(run_check(config, store, CheckOptions()))

        assert len(check(0, {}).new) == 6
        for chrome in (1, 2):  # new clock, counter, byline stamp and portlet on every page
            report = check(chrome, {})
            assert not report.events, [(e.url, e.diff) for e in report.events]
        edited = _lead(2).replace("with its partners", "with its development partners")
        report = check(3, {2: edited})
        assert [e.url for e in report.changed] == [server.url("/news/item-2")]
        assert "{+development+}" in report.changed[0].diff and not report.new
        assert not check(4, {2: edited}).events


def test_the_headline_in_a_second_script_is_the_statements():
    """A bilingual ministry sets the Khmer headline under the English one (an <h2 lang="km">,
    a <p>, a bare <div>, on a page of plain divs): it is neither the title nor, before, the
    text, so an outside probe saw its edit missed. A line in another script than the headline,
    between it and the body, is the statement's; a Khmer date or link there is not."""
    khmer = "កម្ពុជា និងថៃ ឯកភាពពង្រឹងកិច្ចសហប្រតិបត្តិការលើការបោសសម្អាតមីន"
    body = "".join(f"<p>{p}</p>" for p in _body(3))
    for tag in ('h2 lang="km"', "p", "div"):
        name = tag.split()[0]
        page = (f"<html><head><title>Ministers agree on demining</title></head><body>"
                f'<div class="container"><div class="row"><div class="col-md-9">'
                f"<h1>Ministers agree on demining</h1><{tag}>{khmer}</{name}>"
                f"<span>ថ្ងៃទី២៥ ខែវិច្ឆិកា ឆ្នាំ២០២៦</span> <a href='/km/news/5'>ភាសាខ្មែរ</a>"
                f'<div class="article-body">{body}</div></div></div></div>'
                "</body></html>")  # fmt: skip
        doc = extract_html(page, "https://mfaic.example/en/press-releases/5")
        assert doc.paragraphs == (khmer, *_body(3)), tag


def test_a_byline_in_another_script_than_the_headline_is_no_lead():
    """On a Khmer release the byline is in Latin script ("24 November 2026 · 1 min read",
    Ghost's "8 days ago • 1 min read", a Vietnamese portal's date and view count): read as a
    lead in another script, its counter and relative time made false edits on three sites of
    an outside probe. A date line with counters, clocks or relative times is chrome."""
    khmer = "សប្តាហ៍វប្បធម៌ខ្មែរ នៅទីក្រុងតូក្យូ"
    body = ("ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ បានរៀបចំសប្តាហ៍វប្បធម៌ខ្មែរ នៅទីក្រុងតូក្យូ "
            "ប្រទេសជប៉ុន ពីថ្ងៃទី២០ ដល់ថ្ងៃទី២៤ ខែវិច្ឆិកា ឆ្នាំ២០២៦។",
            "កម្មវិធីនេះរួមមាន ការសម្តែងរបាំព្រះរាជទ្រព្យ ការតាំងពិព័រណ៍សិល្បៈ និងម្ហូបអាហារខ្មែរ "
            "ដែលបានទាក់ទាញភ្ញៀវជាង ១០,០០០ នាក់។")  # fmt: skip
    bylines = {
        '<time datetime="2026-11-24">24 November 2026</time> · <span>1 min read</span> · '
        "<span>Page updated 2026-12-04</span>": "2026-11-24",
        '<time datetime="2026-11-24">8 days ago</time> • 1 min read': "2026-11-24",
        "Ngày đăng: 24/11/2026 09:30 | Lượt xem: 1234": "2026-11-24",
        '<span class="author">Sok Dara</span> · <time datetime="2026-11-24">8 days ago</time>'
        " • 1 min read": "2026-11-24",  # with its author's name (an outside review)
        "Sok Dara — 24 November 2026 — 2 min read — 3 comments": "2026-11-24",
    }
    for byline, date in bylines.items():
        page = (f'<html lang="km"><head><title>{khmer}</title></head><body><main><article>'
                f'<header><h1>{khmer}</h1><p class="post-meta">{byline}</p></header>'
                f'<div class="post-content"><p>{body[0]}</p><p>{body[1]}</p></div></article>'
                "</main></body></html>")  # fmt: skip
        doc = extract_html(page, "https://mfaic.example.kh/km/news/khmer-week")
        assert doc.paragraphs == body, byline
        assert doc.date == date, byline


def test_an_unnamed_lead_never_counts_or_tells_time_a_named_one_may():
    """An outside review: right after the headline, a sentence that tells how long ago or how
    often ("Posted 2 days ago by ...", "viewed 1,234 times") reads otherwise on the next fetch,
    so it is no unnamed lead; a lead the CMS names may mention counts."""
    url = "https://mfa.example.org/news/statement"
    for line in ("Posted 2 days ago by the Spokesperson of the Ministry of Foreign Affairs.",
                 "This press release has been viewed 1,234 times since it was published."):
        assert extract_html(_article(f"<p>{line}</p>"), url).paragraphs == tuple(_body(1))
    named = "The portal recorded 150,000 views on the day, the highest ever, the Minister said."
    lead = f'<div class="lead">{named}</div>'
    assert extract_html(_article(lead), url).paragraphs == (named, *_body(1))
