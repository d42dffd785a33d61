"""Checks that read with what a source taught: no false edits from learning, upgrades or chrome."""

from __future__ import annotations

import asyncio
import dataclasses
import re
import sqlite3

import lxml.etree
import lxml.html
import pytest

from monitor.config import load_config
from monitor.demo.server import Route
from monitor.extract import Template
from monitor.extract.profile import SiteProfile
from monitor.extract.template import find_region
from monitor.extract.tree import parse_page
from monitor.models import CheckReport
from monitor.run.check import CheckOptions, run_check
from monitor.run.reader import ReleaseReader
from monitor.store.catalogue import Store
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
    ministry.baseline()
    first = versions(ministry)
    for version in (1, 2, 3):
        ministry.publish(chrome_version=version)
        assert not ministry.check().events
    assert versions(ministry) == first


def test_an_edit_is_shown_against_the_old_body_read_like_the_new(ministry):
    ministry.baseline()
    ministry.publish(chrome_version=4,
                     releases=edit_sentence(ministry.releases, MINISTERIAL, OLD, NEW))  # fmt: skip
    report = ministry.check()
    assert [e.url for e in report.changed] == [ministry.url(ministry.release(MINISTERIAL))]
    assert not report.new and not report.removed
    diff = report.changed[0].diff
    assert "2030" in diff and len(diff) < 600


def test_a_short_edit_is_reported_while_every_page_changes_its_chrome(ministry):
    """The volatile-line guard never swallows the ministry's own short line: a dateline
    corrected on one release, in a check where the chrome of every page changed."""
    ministry.baseline()
    dateline = "Phnom Penh, 21 October 2020"
    ministry.publish(chrome_version=5, releases=edit_sentence(
        ministry.releases, MINISTERIAL, dateline, "Phnom Penh, 22 October 2020"))  # fmt: skip
    report = ministry.check()
    assert [e.url for e in report.changed] == [ministry.url(ministry.release(MINISTERIAL))]
    assert "{+22+}" in report.changed[0].diff or "22 October" in report.changed[0].diff


def test_short_edits_of_two_releases_in_one_check_are_two_edits(ministry):
    """Every paragraph of a site sits at one tag path, so two releases whose short lines were
    edited in one check changed "at one place" on two pages: an outside probe saw both edits
    taken for chrome, and that place learned as volatile, so every later short edit on the
    site was silenced too. A place is the path and what the line says, numbers and dates
    aside: a counter says the same on every page, two edited sentences do not."""
    ministry.baseline()
    korea = "cambodia-and-korea-discuss-trade-and-investment-cooperation"
    mongolia = next(r.slug for r in ministry.releases if "ulaanbaatar" in r.paragraphs[-2].lower())
    releases = edit_sentence(ministry.releases, korea, "forum in Phnom Penh in 2024",
                             "forum in Phnom Penh in 2025")  # fmt: skip
    releases = edit_sentence(releases, mongolia, "at a mutually convenient time",
                             "in the second half of 2024")  # fmt: skip
    ministry.publish(chrome_version=1, releases=releases)
    report = ministry.check()
    assert sorted(e.url for e in report.changed) == sorted(
        ministry.url(ministry.release(slug)) for slug in (korea, mongolia))
    ministry.publish(chrome_version=2, releases=edit_sentence(
        ministry.releases, korea, "forum in Phnom Penh", "forum in Siem Reap"))  # fmt: skip
    report = ministry.check()
    assert [e.url for e in report.changed] == [ministry.url(ministry.release(korea))]
    assert "Siem Reap" in report.changed[0].diff


def test_chrome_change_is_decided_by_short_lines_of_the_page_only():
    from monitor.detect.rules import chrome_change, place
    from monitor.extract.reading import PageLine
    from monitor.models import Document

    def doc(*paras: str) -> Document:
        return Document("u", "Title", paras)

    statement = "The Ministry welcomes the adoption of the ASEAN-UN Plan of Action."
    old = [PageLine(statement, "body/div/p"), PageLine("Updated 3 May 2025, 10:02", "body/p")]
    new = [PageLine(statement, "body/div/p"), PageLine("Updated 9 May 2025, 11:40", "body/p")]
    # only its date and clock changed, and it is no sentence: its words, or its path alone
    assert chrome_change(doc(statement, old[1].text), old, doc(statement, new[1].text),
                         new) == {"body/p\tupdated , #\t#"}  # fmt: skip
    assert place("body/p", old[1].text) == place("body/p", new[1].text)  # its dates aside
    # a sentence whose figure changed keeps its words: it meets no other release's edit
    figure = [PageLine("The Ministry received 1,204 visitors.", "body/div/p"),
              PageLine("The Ministry received 1,240 visitors.", "body/div/p")]
    assert chrome_change(doc(figure[0].text), figure[:1], doc(figure[1].text), figure[1:]) == {
        "body/div/p\tthe ministry received # visitors."}  # fmt: skip
    # links (tags, menus) changing are never the statement: no path to confirm
    tags = [PageLine(statement, "body/div/p"), PageLine("Health", "body/ul/li/a", True)]
    assert chrome_change(doc(statement, "Health"), tags, doc(statement), tags[:1]) == set()
    # a long line, a line that is not the page's, or another title: the reader decides nothing
    long_line = statement + " " + statement
    assert chrome_change(doc(statement), old[:1], doc(long_line),
                         [PageLine(long_line, "body/div/p")]) is None  # fmt: skip
    assert chrome_change(doc(statement), old[:1], doc("New words"),
                         [PageLine("New words", None)]) is None  # fmt: skip
    assert chrome_change(doc(statement), old[:1], Document("u", "Other", (statement,)),
                         old[:1]) is None  # fmt: skip
    # a list of links, however long ("See also:" three other releases' titles, per page)
    see = ["See also: ASEAN and the United Nations Review Progress on the Complementarities "
           "Initiative | Joint Press Release of the ASEAN-UN Secretariat-to-Secretariat Meeting",
           "See also: ARMAC Welcomes its New Executive Director | Joint Press Release of the "
           "ASEAN-UN Secretariat-to-Secretariat Meeting | ASEAN Statement on Mine Awareness"]
    before, after = ([PageLine(statement, "body/div/p"), PageLine(s, "body/div/p", True)]
                     for s in see)  # fmt: skip
    assert chrome_change(doc(statement, see[0]), before, doc(statement, see[1]), after) == set()
    prose = [line._replace(link=False) for line in after]
    assert chrome_change(doc(statement, see[0]), before, doc(statement, see[1]), prose) is None


def test_a_reported_edit_never_silences_a_later_one(ministry):
    """Only pages decided as chrome count as evidence that a place on the page is volatile:
    a dateline corrected on one release, then on another in the next check, is reported
    both times."""
    ministry.baseline()
    korea = "cambodia-and-korea-discuss-trade-and-investment-cooperation"
    for slug, line in ((MINISTERIAL, "Phnom Penh, 21 October 2020"),
                       (korea, "Phnom Penh, 8 November 2023")):  # fmt: skip
        moved = line.replace("Phnom Penh", "Siem Reap")
        ministry.publish(releases=edit_sentence(ministry.releases, slug, line, moved))
        report = ministry.check()
        assert [e.url for e in report.changed] == [ministry.url(ministry.release(slug))]


def test_paragraphs_moved_are_an_edit():
    from monitor.detect.rules import chrome_change
    from monitor.extract.reading import PageLine
    from monitor.models import Document

    a, b = "The first sentence of it.", "The second sentence of it."
    lines = [PageLine(a, "body/p"), PageLine(b, "body/p")]
    assert chrome_change(Document("u", "T", (a, b)), lines, Document("u", "T", (b, a)),
                         lines[::-1]) is None  # fmt: skip


def _latest_texts(ministry) -> dict[str, str]:
    with Store.open(ministry.root / "snapshots", readonly=True) as store:
        state = store.find_source("ministry")
        assert state is not None
        out = {}
        for url, rel in store.releases(state.id).items():
            latest = store.latest_version(rel.id)
            assert latest is not None
            out[url] = "\n".join(latest.paragraphs)
        return out


@pytest.mark.parametrize("siblings", [pytest.param("many", marks=pytest.mark.slow), "few"])
def test_a_statement_reissued_under_another_title_keeps_its_text(ministry, siblings):
    """Sibling releases may share every paragraph (a statement reissued in another category,
    a short release made of stock sentences): recurring on two pages makes them look like
    template, yet neither release may be stored without its statement, then or later."""
    import dataclasses

    original = ministry.release(MINISTERIAL)
    reissue = dataclasses.replace(
        original,
        slug="reissued-outcomes-of-the-ministerial-meeting",
        title="Reissued: outcomes of the ASEAN-UN Ministerial Meeting",
    )
    others = ministry.releases
    if siblings == "few":  # too few releases agree on a region before the two are read
        others = [original, *(r for r in ministry.releases if r is not original)][:3]
    ministry.publish(releases=[*others, reissue])
    ministry.baseline()
    for version in (1, 2):
        ministry.publish(chrome_version=version)
        report = ministry.check()
        assert not report.events, [(e.url, e.diff) for e in report.events]
    # new bytes on one of the two only (a tag added)
    tagged = dataclasses.replace(reissue, tags=(*reissue.tags, "Reissued"))
    ministry.publish(releases=[r if r is not reissue else tagged for r in ministry.releases])
    report = ministry.check()
    assert not report.events, [(e.url, e.diff) for e in report.events]
    texts = _latest_texts(ministry)
    body = original.paragraphs[1]
    for url in (ministry.url(original), ministry.url(reissue)):
        assert body in texts[url], texts[url][:300]


def test_two_releases_with_one_statement_are_both_stored_whole(tmp_path):
    """Two releases of a small source with the same paragraphs (a statement issued twice):
    the paragraphs recur on two pages, so they look like the source's template. The
    template only ever takes chrome away: both are stored with their statement, and new
    bytes on one later are no reason for a second, emptier version."""
    from tests.faultserver import (
        ENGLISH,
        LISTING,
        FaultServer,
        Reply,
        listing_html,
        release_html,
        release_path,
    )
    from tests.test_faults import _config

    def check() -> CheckReport:
        config = load_config(_config(tmp_path, srv.url(LISTING), {}))
        with Store.open(config.snapshots_dir) as store:
            return asyncio.run(run_check(config, store, CheckOptions()))

    routes = {LISTING: Reply.html(listing_html(2))}
    routes.update({release_path(n): Reply.html(release_html(n, ENGLISH)) for n in (1, 2)})
    with FaultServer(routes) as srv:
        assert len(check().new) == 2
        srv.routes[release_path(1)] = Reply.html(
            release_html(1, ENGLISH).replace("<footer>", "<aside>Updated</aside><footer>")
        )
        report = check()
        assert not report.events and not report.errors, [(e.url, e.diff) for e in report.events]
    with Store.open(tmp_path / "snapshots", readonly=True) as store:
        state = store.find_source("ministry")
        assert state is not None
        for rel in store.releases(state.id).values():
            latest = store.latest_version(rel.id)
            assert latest is not None and latest.seq == 1
            assert ENGLISH[1] in latest.paragraphs, latest.paragraphs


def test_releases_read_before_the_region_was_learned_are_known_unchanged_next_time(
    ministry, monkeypatch
):
    """A source's first releases are read before its statement region is learned. Once it is,
    they get the fingerprint a reading there gives, so the next check, with new chrome on every
    page, knows each of them unchanged without reading one in full."""
    first = ministry.check()
    assert first.new and not first.errors
    with Store.open(ministry.root / "snapshots", readonly=True) as store:
        state = store.find_source("ministry")
        assert state is not None and store.template_profile(state.id).view().regions
        unmarked = store.conn.execute(
            "SELECT url FROM releases WHERE read_hash IS NULL AND source_id = ?", (state.id,)
        ).fetchall()
    assert not unmarked
    full_reads = []
    read = ReleaseReader.read

    async def counted(self, url, page, template, **kw):
        full_reads.append(url)
        return await read(self, url, page, template, **kw)

    monkeypatch.setattr(ReleaseReader, "read", counted)
    ministry.publish(chrome_version=1)
    report = ministry.check()
    assert not report.events and not report.errors
    assert full_reads == []
    assert sum(s.unchanged for s in report.sources) == len(first.new)


@pytest.mark.parametrize(
    ("style", "closing"),
    [
        ("wordpress", "The meeting took place in a cordial and friendly atmosphere."),
        ("drupal", "The meeting took place in a cordial and friendly atmosphere."),
        ("handmade", "The meeting took place in a cordial and friendly atmosphere."),
        ("wordpress", "We apologise for any inconvenience."),  # short (an outside probe)
    ],
)
def test_a_sentence_every_release_ends_with_is_kept_from_the_first_check(ministry, style,
                                                                          closing):
    """Releases of one ministry share sentences ("The meeting took place in a cordial and
    friendly atmosphere."). A source's first releases are read before its statement region is
    learned: the shared sentence, beside the release's own, is still its statement's, so each
    is stored whole at once (not stored without it, and then silently re-read with it, or
    reported edited once a redesign read it again)."""
    ministry.publish(style=style, releases=[
        dataclasses.replace(r, paragraphs=(*r.paragraphs, closing))
        for r in ministry.releases if r.lang == "en"])  # fmt: skip
    first = ministry.check()
    assert first.new and not first.errors
    texts = _latest_texts(ministry)
    assert len(texts) == len(first.new)
    assert all(text.endswith("\n" + closing) for text in texts.values()), texts
    stored = versions(ministry)
    ministry.publish(chrome_version=1)
    again = ministry.check()
    assert not again.events and not again.errors
    assert versions(ministry) == stored  # nothing read differently with the region learned


def _captioned(html: str) -> str:
    """The statement region holding only a photo caption, the statement in a sibling."""
    assert html.count('<div class="entry-content">') == 1
    return html.replace('<div class="entry-content">',
                        '<div class="entry-content"><p>Photo: Press Office</p></div>'
                        '<div class="statement-text">')  # fmt: skip


def _serve(ministry, edit) -> None:
    path = ministry.layout.article(ministry.release(MINISTERIAL))
    routes = dict(ministry.server.routes)
    routes[path] = Route.html(edit(routes[path].body.decode()))
    ministry.server.set_routes(routes)


def test_a_release_read_outside_the_region_gets_no_mark_of_it(ministry):
    """A release whose statement is no longer in the learned region (it holds a caption now)
    is read the single-page way, with no mark; it must not be given the region's mark at the
    end of the check, or its next edit, in a check where the chrome changes, goes unseen (an
    outside review found this)."""
    ministry.check()
    _serve(ministry, lambda html: _captioned(html).replace(OLD, NEW))
    second = ministry.check()
    assert [e.url for e in second.changed] == [ministry.url(ministry.release(MINISTERIAL))]
    ministry.publish(chrome_version=1)
    _serve(ministry, lambda html: _captioned(html).replace(OLD, "adopted a new plan"))
    third = ministry.check()
    assert [e.url for e in third.changed] == [ministry.url(ministry.release(MINISTERIAL))]


_APPOINTMENTS = ["Royal Decree on new appointments:", "Sok Chenda: Ambassador to Japan",
                 "Chea Kimtha: Ambassador to Korea", "Ouk Sophoan: Ambassador to France",
                 "Long Dimanche: Ambassador to Italy", "Kan Pharidh: Ambassador to Germany",
                 "Effective from 1 November 2020."]  # fmt: skip
_UPDATE = ("<p>Update of 3 November: the appointment of the Ambassador to Germany has been "
           "withdrawn, and Mr Kan Pharidh remains Director-General of the Ministry's "
           "Department of Europe until further notice.</p>")


def _as_appointments(html: str) -> str:
    """The release's statement made a list of short lines (none reads as a sentence)."""
    paras = re.findall(r"<p>(?:(?!</p>).)*</p>", html, re.S)
    body = [p for p in paras if "PRAK Sokhonn" in p or "Meeting" in p or "Phnom Penh, 21" in p]
    if not body:  # served so already
        return html
    start, end = html.index(body[0]), html.index(body[-1]) + len(body[-1])
    return html[:start] + "".join(f"<p>{line}</p>" for line in _APPOINTMENTS) + html[end:]


@pytest.mark.parametrize("chrome", [False, True], ids=["same-chrome", "new-chrome"])
def test_a_statement_the_region_would_not_be_read_for_gets_no_mark(ministry, chrome):
    """A list of short lines in the region reads as no statement there, so it is read the
    single-page way every time and never marked. It must not be marked at the end of its first
    check either, or a paragraph the ministry adds after the region goes unseen (an outside
    review found this)."""
    ministry.publish(style="drupal")
    _serve(ministry, _as_appointments)
    assert ministry.check().new
    with Store.open(ministry.root / "snapshots", readonly=True) as store:
        state = store.find_source("ministry")
        assert state is not None
        region = store.template_profile(state.id).view().regions[0]
    if chrome:
        ministry.publish(chrome_version=1)

    def updated(html: str) -> str:
        tree = parse_page(_as_appointments(html))
        el = find_region(tree, region)
        el.addnext(lxml.html.fragment_fromstring(_UPDATE))
        return "<!DOCTYPE html>\n" + lxml.etree.tostring(tree, encoding="unicode", method="html")

    _serve(ministry, updated)
    report = ministry.check()
    assert [e.url for e in report.changed] == [ministry.url(ministry.release(MINISTERIAL))]
    assert "withdrawn" in (report.changed[0].diff or "")


_INFO = ("<dl class=\"article-info\"><dt>Details</dt><dd>Written by Press and Information "
         "Office</dd><dd>Category: Press Releases</dd></dl>")


def _redesigned(html: str) -> str:
    """A redesign: the statement's container wrapped in a grid, its class renamed, and a box
    of the article's details set below it."""
    tree = parse_page(html)
    body = tree.xpath("//div[@class='entry-content']")[0]
    wrapper = lxml.html.fragment_fromstring('<div class="container"><div class="row">'
                                            '<div class="col-12"></div></div></div>')  # fmt: skip
    body.addprevious(wrapper)
    body.set("class", "post-text")
    wrapper[0][0].append(body)
    wrapper[0][0].append(lxml.html.fragment_fromstring(_INFO))
    return "<!DOCTYPE html>\n" + lxml.etree.tostring(tree, encoding="unicode", method="html")


def test_an_edit_in_a_redesign_s_first_check_shows_only_the_ministry_s_words(ministry):
    """The check after a redesign reads its first pages before they taught the template the
    new details box; an edit there is read again with what the whole check taught, so it
    shows the word changed and none of the new chrome (an outside review found such a diff
    carrying "Written by ..." and "Category: ..." lines, stored with the statement)."""
    short = [dataclasses.replace(r, paragraphs=r.paragraphs[:1]) for r in ministry.releases]
    ministry.publish(releases=short)
    assert ministry.check().new
    ministry.publish(chrome_version=1)
    assert not ministry.check().events
    edited = ministry.releases[3]
    old_word = edited.paragraphs[0].split()[4]
    ministry.publish(releases=edit_sentence(ministry.releases, edited.slug, f" {old_word} ",
                                            " newly-chosen "))  # fmt: skip
    routes = dict(ministry.server.routes)
    for release in ministry.releases:
        path = ministry.layout.article(release)
        routes[path] = Route.html(_redesigned(routes[path].body.decode()))
    ministry.server.set_routes(routes)
    report = ministry.check()
    assert [e.url for e in report.changed] == [ministry.url(edited)], [
        (e.url, e.diff) for e in report.changed]
    assert not report.new and not report.removed and not report.errors
    diff = report.changed[0].diff or ""
    assert "newly-chosen" in diff
    assert not any(w in diff for w in ("Details", "Written by", "Category")), diff


def test_held_edits_are_bounded_and_keep_no_decoded_copy(ministry):
    """Edits wait for their source's other pages with their bodies only (the text is decoded
    again to be read), and no more than the bounds: past them an edit is decided at once."""
    from monitor.models import Page
    from monitor.run.holding import HeldEdit, HeldEdits

    body = "<html><body><p>Le ministère salue l'adoption du plan d'action.</p></body></html>"
    page = Page("https://m.example/r", "https://m.example/r", 200, "text/html",
                body.encode("cp1252"), None, encoding="cp1252")  # fmt: skip
    edit = HeldEdit("https://m.example/r", None, None, page, None, Template(), None)  # type: ignore[arg-type]
    assert edit.decoded().text == body
    held = HeldEdits(count=2, bytes=2 * len(page.body))
    assert held.room(page)
    held.add(edit)
    held.add(edit)
    assert not held.room(page)  # the count
    assert HeldEdits(count=9, bytes=len(page.body) - 1).room(page) is False  # the bytes
    assert held.take() == [edit, edit] and held.room(page)


def test_a_line_whose_spacing_alone_changed_is_markup():
    """A board theme wrote its byline's spans with whitespace between them in one build and
    without it in the next ("국제기구국 등록일 2026.12.05." / "국제기구국등록일 2026.12.05."):
    every release with such a line was reported edited (an outside probe of a Korean
    ministry, 15 false edits in 10 checks)."""
    from monitor.detect.rules import chrome_change
    from monitor.extract.reading import PageLine
    from monitor.models import Document

    statement = "정부는 타지키스탄에서 발생한 지진으로 인한 인명 피해에 깊은 애도를 표한다."
    spaced, joined = "국제기구국 등록일 2026.12.05.", "국제기구국등록일 2026.12.05."
    old = [PageLine(spaced, "body/div/div"), PageLine(statement, "body/div/p")]
    new = [PageLine(joined, "body/div/div"), PageLine(statement, "body/div/p")]
    assert chrome_change(Document("u", "T", (spaced, statement)), old,
                         Document("u", "T", (joined, statement)), new) == set()  # fmt: skip
    edited = [PageLine("국제기구국 등록일 2026.12.06.", "body/div/div"), old[1]]  # a new date
    assert chrome_change(Document("u", "T", (spaced, statement)), old,
                         Document("u", "T", (edited[0].text, statement)), edited)  # fmt: skip


def test_no_region_is_learned_from_a_short_statement_read_with_its_page():
    """A one-sentence release read with the board around it (labels, byline, attachment,
    previous and next headlines) taught the page's wrapper as the statement region; after a
    redesign every release was read there, with its byline and attachment lines (5 false
    edits). A region holds mostly the statement's prose."""
    from monitor.extract.lines import _line_records
    from monitor.extract.regions import region_to_learn
    from monitor.extract.tree import parse_page

    sentence = "정부는 타지키스탄에서 발생한 지진으로 인한 인명 피해에 깊은 애도를 표한다."
    page = f"""<html><body><div id="contents"><table class="bo_view"><tbody>
<tr><th>제목</th><td>타지키스탄 지진 피해 관련 외교부 대변인 논평</td></tr>
<tr><th>작성자</th><td>대변인실</td><th>등록일</th><td>2026-12-05</td></tr>
<tr><th>조회수</th><td>2,702</td></tr>
<tr><td class="bo_con"><p>{sentence}</p></td></tr>
<tr><th>첨부파일</th><td>타지키스탄 지진 피해 관련 외교부 대.hwpx 미리보기</td></tr>
</tbody></table><div class="view-nav">이전글 아이티 여행경보 조정 다음글 재외선거 신고·신청 안내
</div></div></body></html>"""
    lines = _line_records(parse_page(page), skip_chrome=False)
    whole = tuple(line.text for line in lines)
    assert region_to_learn(whole, lines, {}) is None
    assert region_to_learn((sentence,), lines, {}) is not None


def test_a_short_korean_sentence_is_a_statement_in_its_region():
    """Korean says in 40 characters what English says in 100: a one-sentence release in the
    learned region was taken for a caption and read with the page around it."""
    from monitor.extract.reading import _plausible

    sentence = "정부는 타지키스탄에서 발생한 지진으로 인한 인명 피해에 깊은 애도를 표한다."
    assert _plausible((sentence,))
    assert not _plausible(("Read more",))
    assert not _plausible(("Photo: the Minister with the Ambassador",))


_LETTERHEADS = (
    ["KINGDOM OF CAMBODIA", "NATION RELIGION KING", None,
     "MINISTRY OF FOREIGN AFFAIRS AND INTERNATIONAL COOPERATION", None],
    ["Ministry of Foreign Affairs and International Cooperation", "Spokesperson Unit",
     "Tel: +855 23 216 122 | www.mfaic.gov.kh", None],
)  # fmt: skip
_PDF_TEXTS = {
    1: ["Phnom Penh, 1 December 2026", None,
        "The Ministry of Foreign Affairs and International Cooperation informs the public that",
        "Cambodia and the United Nations Mine Action Service signed a new agreement on the",
        "clearance of cluster munitions in the northern provinces.", None,
        "The agreement brings 12 million dollars for surveys, clearance and victim assistance",
        "over the next three years.", None, "END"],
    2: ["Phnom Penh, 2 December 2026", None,
        "Senior officials of Cambodia and Thailand met in Siem Reap to review border trade,",
        "the reopening of two checkpoints and the facilitation of cross-border workers.", None,
        "Both sides agreed to hold the next meeting in Bangkok next year.", None, "END"],
    3: ["Phnom Penh, 3 December 2026", None,
        "The Kingdom of Cambodia welcomes the adoption by the General Assembly of the",
        "resolution on cooperation between the United Nations and ASEAN, co-sponsored by all",
        "ten member states.", None,
        "Cambodia will host a regional workshop on climate resilience in February.", None,
        "END"],
}  # fmt: skip
_PDF_TITLES = {1: "Agreement on Cluster Munitions Clearance", 2: "Border Trade Talks in Siem Reap",
               3: "General Assembly Adopts ASEAN-UN Resolution"}  # fmt: skip


def _release_pdf(n: int, letterhead: int, edit: bool = False) -> bytes:
    from tests.test_extract import _column, _pdf

    text = [line.replace("next year", "in March") if edit and line else line
            for line in _PDF_TEXTS[n]]  # fmt: skip
    title = ["PRESS RELEASE", None, _PDF_TITLES[n], None]
    return _pdf([_column([*_LETTERHEADS[letterhead], *title, *text])])


def test_a_new_letterhead_on_every_pdf_release_is_no_edit_and_an_edit_after_it_shows_alone(
    tmp_path,
):
    """PDFs carry their letterhead in the text: a ministry that changes it re-issues every
    release with new lines above the statement. Those lines changed alike on the source's
    releases in one check: chrome, kept silently; an edit after that shows only its words."""
    from tests.faultserver import LISTING, FaultServer, Reply
    from tests.test_faults import _config

    def listing() -> Reply:
        items = "".join(f"<li><a href='/files/pr-{n}.pdf'>{title}</a> <span>2026-12-0{n}"
                        "</span></li>" for n, title in _PDF_TITLES.items())  # fmt: skip
        return Reply.html(f"<html><body><main><ul class='news'>{items}</ul></main></body></html>")

    def serve(letterhead: int, edited: int = 0) -> None:
        for n in _PDF_TEXTS:
            body = _release_pdf(n, letterhead, edit=n == edited)
            srv.routes[f"/files/pr-{n}.pdf"] = Reply(body=body, content_type="application/pdf")

    def check() -> CheckReport:
        config = load_config(_config(tmp_path, srv.url(LISTING), {}))
        with Store.open(config.snapshots_dir) as store:
            return asyncio.run(run_check(config, store, CheckOptions()))

    with FaultServer({LISTING: listing()}) as srv:
        serve(letterhead=0)
        assert len(check().new) == 3
        serve(letterhead=1)
        report = check()
        assert not report.events and not report.errors, [(e.url, e.diff) for e in report.events]
        serve(letterhead=1, edited=2)
        report = check()
        assert [e.url for e in report.changed] == [srv.url("/files/pr-2.pdf")]
        diff = report.changed[0].diff
        assert "March" in diff and "Spokesperson" not in diff and "KINGDOM" not in diff, diff


def test_figures_corrected_in_several_pdf_releases_in_one_check_are_edits():
    """A statistics office's PDFs end with a table of figures (no sentence: the foot). One
    figure corrected in each of three releases in one check is three edits, and so is one
    more later: each row says its own thing, only a line written alike (a letterhead) meets
    other releases' (an outside review: they were all taken for chrome, and every later
    correction with them)."""
    from monitor.detect import outcome
    from monitor.detect.rules import chrome_change
    from monitor.extract.pdf import read_pdf
    from tests.test_extract import _column, _pdf

    def read(n: int, fix: int | None = None):
        rows = [f"{crop} exports {1000 + 37 * n + k * 11} thousand tonnes"
                for k, crop in enumerate(("Wheat", "Rice", "Maize", "Soybeans"))]  # fmt: skip
        if fix is not None:
            rows[fix] = rows[fix].replace(" thousand", "5 thousand")
        text = ["NATIONAL STATISTICS OFFICE", None, "PRESS RELEASE", None,
                f"Agricultural exports in month {n}", None,
                f"Agricultural exports rose in month {n} compared with the same month last year.",
                None, "The table below gives the exports of the main crops in thousand tonnes.",
                None, *rows]  # fmt: skip
        return read_pdf(_pdf([_column(text)]), f"https://stats.example/pr-{n}.pdf")

    profile = SiteProfile()
    held = []
    for n, fix in ((1, 0), (2, 2), (3, 3)):
        before, after = read(n), read(n, fix)
        places = chrome_change(before.document, before.lines, after.document, after.lines)
        assert places, places  # short lines at the foot: held, decided with the others
        held.append((frozenset(places), after.lines))
    assert outcome.chrome_verdicts(held, (), profile.is_volatile) == [False, False, False]
    before, after = read(4), read(4, 1)
    places = chrome_change(before.document, before.lines, after.document, after.lines)
    assert outcome.chrome_verdicts([(frozenset(places), after.lines)], (),
                                   profile.is_volatile) == [False]  # fmt: skip


def test_a_new_letterhead_with_each_release_s_own_number_is_chrome():
    """A letterhead line that carries the release's own reference number changes alike on
    every PDF re-issued under a new letterhead, but for that number: chrome (an outside
    review saw three false edits when a PDF line's place was its text as written)."""
    from monitor.detect import outcome
    from monitor.detect.rules import chrome_change
    from monitor.extract.pdf import read_pdf
    from tests.test_extract import _column, _pdf

    def read(n: int, new: bool):
        ministry = "MINISTRY OF FOREIGN AFFAIRS"
        head = ([f"{ministry} AND INTERNATIONAL COOPERATION", f"No. {100 + n}/MFAIC/26"]
                if new else [ministry, f"No. {100 + n}/26"])  # fmt: skip
        text = [*head, None, "PRESS RELEASE", None, _PDF_TITLES[n], None, *_PDF_TEXTS[n]]
        return read_pdf(_pdf([_column(text)]), f"https://mfa.example/pr-{n}.pdf")

    held = []
    for n in _PDF_TEXTS:
        before, after = read(n, new=False), read(n, new=True)
        places = chrome_change(before.document, before.lines, after.document, after.lines)
        assert places, places
        held.append((frozenset(places), after.lines))
    assert outcome.chrome_verdicts(held, (), SiteProfile().is_volatile) == [True, True, True]
