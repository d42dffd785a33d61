"""The pure verdict rules: revisit policy, removal by redirect, each release's outcome."""

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from monitor.config import RevisitConfig
from monitor.detect import outcome
from monitor.detect.rules import (
    due_for_return_check,
    due_for_revisit,
    place,
    removal_by_redirect,
    removal_notice,
)
from monitor.extract.reading import PageLine
from monitor.models import Document, Page
from monitor.store.catalogue import ReleaseState, VersionText

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def _release(published_days_ago: float, fetched_hours_ago: float | None) -> ReleaseState:
    iso = lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
    return ReleaseState(
        id=1, url="https://x.org/a", key="a", title="t",
        published=(NOW - timedelta(days=published_days_ago)).date().isoformat(),
        first_seen_at=iso(NOW - timedelta(days=published_days_ago)),
        last_fetched_at=None if fetched_hours_ago is None
        else iso(NOW - timedelta(hours=fetched_hours_ago)),
        etag=None, last_modified=None, body_hash=None, extract_sig=None, state="active",
        latest_version_id=1,
    )  # fmt: skip


def test_recent_releases_are_due_every_check():
    assert due_for_revisit(_release(3, 0.1), NOW, RevisitConfig())


def test_older_releases_daily_then_weekly():
    policy = RevisitConfig()
    assert not due_for_revisit(_release(30, 5), NOW, policy)
    assert due_for_revisit(_release(30, 24), NOW, policy)
    assert not due_for_revisit(_release(400, 24 * 3), NOW, policy)
    assert due_for_revisit(_release(400, 24 * 8), NOW, policy)


def test_never_fetched_is_due():
    assert due_for_revisit(_release(400, None), NOW, RevisitConfig())


def _page(url: str, final: str) -> Page:
    return Page(url=url, final_url=final, status=200, content_type="text/html",
                redirects=(url,) if url != final else ())  # fmt: skip


def test_redirects_that_mean_removal():
    listing = {"https://mfaic.gov.kh/Media/News"}
    home = _page("https://mfaic.gov.kh/posts/2024-05-01-x", "https://mfaic.gov.kh/")
    assert "home page" in removal_by_redirect(home, listing)
    to_listing = _page("https://mfaic.gov.kh/posts/x", "https://mfaic.gov.kh/Media/News")
    assert "listing" in removal_by_redirect(to_listing, listing)


def test_redirects_that_are_not_removal():
    listing = {"https://mfaic.gov.kh/Media/News"}
    https = _page("http://mfaic.gov.kh/posts/x", "https://www.mfaic.gov.kh/posts/x/")
    assert removal_by_redirect(https, listing) is None
    slug = _page("https://mfaic.gov.kh/posts/x", "https://mfaic.gov.kh/posts/x-updated")
    assert removal_by_redirect(slug, listing) is None


def test_home_pages_by_any_name_and_articles_that_are_not():
    listing: set[str] = set()
    for home in ("/index.htm", "/en/", "/km/index.php", "/Default.aspx", "/en/home"):
        page = _page("https://mfa.gov.kh/press/pr1.htm", f"https://mfa.gov.kh{home}")
        assert "home page" in (removal_by_redirect(page, listing) or ""), home
    joomla = _page("https://mfa.gov.kh/a", "https://mfa.gov.kh/index.php?option=com_content&id=5")
    assert removal_by_redirect(joomla, listing) is None


def test_removed_releases_are_asked_for_daily_for_a_month():
    gone = lambda days, hours: ReleaseState(  # noqa: E731
        id=1, url="u", key="k", title="t", published=None, first_seen_at="2026-01-01T00:00:00Z",
        last_fetched_at=(NOW - timedelta(hours=hours)).isoformat(), etag=None,
        last_modified=None, body_hash=None, extract_sig=None, state="removed",
        latest_version_id=1, removed_at=(NOW - timedelta(days=days)).isoformat(),
    )  # fmt: skip
    assert due_for_return_check(gone(3, 24), NOW)
    assert not due_for_return_check(gone(3, 2), NOW)
    assert not due_for_return_check(gone(45, 24 * 5), NOW)


STATEMENT = (
    "The Ministry of Foreign Affairs and International Cooperation informs the public that "
    "the Prime Minister will attend the ASEAN-UN Summit in Kuala Lumpur next week. " * 4
)
MENU = ("| HOME |", "| ABOUT THE EMBASSY |", "| PRESS RELEASES |", "<< Back | Print this page")


def _doc(title: str, *paragraphs: str) -> Document:
    return Document("https://mfa.gov.kh/a", title, tuple(paragraphs))


def _previous(title: str, *paragraphs: str) -> VersionText:
    return VersionText(1, 1, title, tuple(paragraphs), "h", "text/x/v0001.txt", None)


def test_pages_that_say_the_release_is_gone():
    before = _previous("Prime Minister to attend the Summit", STATEMENT)
    assert "not found" in removal_notice(_doc("Page not found | AKP", *MENU * 20), before)
    assert "not found" in removal_notice(_doc("ទំព័ររកមិនឃើញ", "សូមអភ័យទោស"), before)
    assert "not found" in removal_notice(_doc("404 | Ministry of Foreign Affairs", *MENU * 20),
                                         before)  # fmt: skip
    notice = _doc("Prime Minister to attend the Summit", "This article has been removed.")
    assert "notice" in removal_notice(notice, before)
    # menus read along with the text: the notice is what is new, the statement is what left
    framed_before = _previous("Prime Minister to attend the Summit", *MENU, STATEMENT)
    framed = _doc("Prime Minister to attend the Summit", *MENU, "This press release has been "
                  "removed. ***")  # fmt: skip
    assert "notice" in removal_notice(framed, framed_before)


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("စာမျက်နှာ ရှာမတွေ့ပါ", "သင်ရှာဖွေနေသော စာမျက်နှာကို ရှာမတွေ့ပါ။"),  # Myanmar
        ("ຂໍອະໄພ!", "ບໍ່ພົບໜ້າທີ່ທ່ານຊອກຫາ."),  # Lao
        ("Halaman Tidak Dijumpai", "Halaman mungkin telah dipindahkan atau dipadam."),  # Malay
        ("Kementerian Luar Negeri", "404 / Halaman tidak ditemukan"),  # Indonesian
        ("DFA", "Hindi nahanap ang pahina."),  # Filipino
        ("外交部", "您访问的页面不存在"),  # Chinese
        ("This page does not seem to exist…", "We apologize for the inconvenience."),  # Plone
        ("Cette page ne semble pas exister…", "Nous vous prions de nous excuser."),
        ("पत्र सूचना कार्यालय", "पृष्ठ नहीं मिला"),  # Hindi
        ("Auswärtiges Amt", "Die angeforderte Seite wurde nicht gefunden."),
        ("Ministerio", "La página solicitada no existe."),
        ("وزارت امور خارجه", "خطای ۴۰۴ / صفحه مورد نظر یافت نشد"),  # Persian
        ("МЗС України", "Сторінку не знайдено"),  # Ukrainian
        ("Dışişleri Bakanlığı", "Sayfa bulunamadı"),  # Turkish
        ("Ministerstwo", "Strona nie została znaleziona."),  # Polish
    ],
)
def test_soft_404_pages_in_the_languages_of_asean_say_the_release_is_gone(title, text):
    """An outside probe of Myanmar, Lao, Malaysian and Indonesian ministries: their "page not
    found" pages (HTTP 200) were an edit that stored the error page, or an error item on every
    check, never a removal."""
    before = _previous("Prime Minister to attend the Summit", STATEMENT)
    assert "not found" in removal_notice(_doc(title, text, *MENU), before)


def test_statements_about_removals_are_not_removals():
    before = _previous("Statement", STATEMENT)
    landmines = _doc("Landmines removed from 12 villages", STATEMENT + " 2,400 mines have "
                     "been removed and are no longer available to armed groups.")  # fmt: skip
    assert removal_notice(landmines, before) is None
    edited = _doc("Statement", STATEMENT[:300] + " The visit has been removed from the agenda.")
    assert removal_notice(edited, before) is None
    assert removal_notice(_doc("Statement", STATEMENT), None) is None
    # a one-sentence Thai release edited, its view counter reading 404 that day
    thai = "กระทรวงการต่างประเทศขอแสดงความยินดีกับการประชุมอาเซียน"
    before_thai = _previous("ข่าว", thai + "ครั้งที่ 3", "3 ธันวาคม 2569 402")
    assert removal_notice(_doc("ข่าว", thai + "ครั้งที่ 4", "3 ธันวาคม 2569 404"),
                          before_thai) is None  # fmt: skip
    assert "not found" in removal_notice(_doc("ข่าว", "404 - Page not found"), before_thai)


# --- outcomes: what a check records for one release (detect/outcome.py) --------------------


def _stored(doc: Document) -> VersionText:
    return VersionText(1, 1, doc.title, doc.paragraphs, doc.text_hash, "text/x/v0001.txt", None)


def test_a_failed_fetch_is_a_removal_only_when_confirmed_gone_for_a_known_release():
    gone = outcome.after_fetch_error("gone", 410, known=True, removed=False)
    assert gone.kind == "removed"
    assert gone.reason == "answers HTTP 410 (confirmed by a second request)"
    assert outcome.after_fetch_error("gone", 404, known=False, removed=True).kind == "still_gone"
    assert outcome.after_fetch_error("transient", 503, known=True, removed=False).kind == "error"
    assert outcome.after_fetch_error("gone", 404, known=False, removed=False).kind == "error"


def test_a_known_page_is_read_only_when_its_bytes_or_reading_changed():
    rel = dataclasses.replace(_release(3, 1), body_hash=_page("u", "u").body_hash, extract_sig="s")
    same = _page("https://x.org/a", "https://x.org/a")
    not_modified = dataclasses.replace(same, not_modified=True)
    assert outcome.before_reading(rel, not_modified, "s", None) == outcome.NOT_MODIFIED
    moved = outcome.before_reading(rel, same, "s", "now redirects to the home page")
    assert moved.kind == "removed" and "home page" in moved.reason
    assert outcome.before_reading(rel, same, "s", None) == outcome.UNCHANGED
    assert outcome.before_reading(rel, same, "newer extractor", None) is None
    assert outcome.before_reading(rel, dataclasses.replace(same, body=b"new"), "s", None) is None


def test_after_reading():
    doc = _doc("Prime Minister to attend the Summit", STATEMENT)
    edited = _doc(doc.title, STATEMENT.replace("next week", "on Monday"))
    notice = _doc(doc.title, "This article has been removed.")

    def lines_of(d: Document) -> list[PageLine]:
        return [PageLine(p, "html/body/div/p") for p in d.paragraphs]

    lines = lines_of(doc)

    def after(new, previous, before=None, *, known=True, gone=False, old_lines=None):
        return outcome.after_reading(new, lines_of(new), previous, before, old_lines,
                                     known=known, gone=gone)  # fmt: skip

    assert after(notice, _stored(doc)).kind == "removed"
    assert after(notice, _stored(doc), known=False, gone=True).kind == "still_gone"
    assert after(doc, _stored(doc), known=False, gone=True).kind == "hold_restored"
    assert after(doc, None, known=False).kind == "hold"  # new: is it a statement at all?
    assert after(doc, _stored(doc)).kind == "record"  # unchanged: nothing to doubt
    assert after(edited, _stored(doc)).kind == "hold"
    assert after(edited, _stored(doc), edited).kind == "record"  # the old body reads the same
    # only a short line of the page changed: held, to compare with the source's other pages
    dated = _doc(doc.title, STATEMENT, "Updated 25/11/2026")
    chrome = after(dated, _stored(doc), doc, old_lines=lines)
    assert chrome.kind == "hold_chrome"
    assert chrome.paths == {place("html/body/div/p", "Updated 25/11/2026")}
    assert after(edited, _stored(doc), doc, old_lines=lines).kind == "hold"  # a long line: edit
    no_statement = _doc("Page not found", "Sorry.")
    assert after(no_statement, None, known=False).reason.startswith("no statement here")
    # a redesign sets the headline in title case where the old layout set capitals: the
    # same statement, a version and no event; other words in the headline are an edit
    capitals = _doc(doc.title.upper(), STATEMENT)
    assert after(doc, _stored(capitals), capitals).kind == "record"
    assert outcome.same_reading(capitals, doc)
    retitled = _doc("Prime Minister will attend the Summit", STATEMENT)
    assert after(retitled, _stored(doc), doc, old_lines=lines).kind == "hold"
    # a PDF's readings have no page lines: a changed figure is an edit, never chrome
    pdf_old = _doc(doc.title, "The grant is US$ 1.2 million.")
    pdf_new = _doc(doc.title, "The grant is US$ 2.1 million.")
    assert outcome.after_reading(pdf_new, (), _stored(pdf_old), pdf_old, (), known=True,
                                 gone=False).kind == "hold"  # fmt: skip
    # with the headline's case, a short line changed: held as chrome, like any other
    assert after(dated, _stored(capitals), capitals, old_lines=lines).kind == "hold_chrome"


def test_a_chrome_change_that_only_sheds_lines_is_kept_as_the_reading():
    """A redesign sets the dateline apart from the statement: the reading without it is kept
    (so the next edit's diff is the ministry's words only); a clock that changed is not."""
    dateline = "Jakarta, 27 November 2026"
    old = _doc("T", STATEMENT, dateline)
    assert outcome.sheds_lines(old, _doc("T", STATEMENT))
    assert outcome.sheds_lines(_doc("T", dateline, STATEMENT), _doc("T", STATEMENT))
    assert not outcome.sheds_lines(old, old)
    assert not outcome.sheds_lines(old, _doc("T", STATEMENT, "Jakarta, 28 November 2026"))
    assert not outcome.sheds_lines(_doc("T", STATEMENT), old)  # a line more: the text stands
    assert not outcome.sheds_lines(_doc("T", STATEMENT, "Comments are closed."),
                                   _doc("T", STATEMENT))  # a sentence: the text stands


def test_what_a_reading_is_recorded_as():
    doc = _doc("T", STATEMENT)
    edited = _doc("T", STATEMENT + " More.")
    assert outcome.to_record(None, doc, same_body=False, same_reading=False) == "new"
    assert outcome.to_record(_stored(doc), doc, same_body=False, same_reading=False) == "unchanged"
    assert outcome.to_record(_stored(doc), edited, same_body=False, same_reading=False) == "changed"
    assert outcome.to_record(_stored(doc), edited, same_body=True, same_reading=False) == "reread"
    assert outcome.to_record(_stored(doc), edited, same_body=False, same_reading=True) == "reread"
    assert outcome.restored(_stored(doc), edited, same_reading=False)
    assert not outcome.restored(_stored(doc), doc, same_reading=False)
    assert not outcome.restored(_stored(doc), edited, same_reading=True)


def test_short_lines_are_chrome_when_they_change_on_two_pages_or_outside_the_region():
    region = "html/body/main|article"
    inside = (PageLine("text", "html/body/main/p"),)
    elsewhere = (PageLine("text", "html/body/aside/p"),)
    verdicts = outcome.chrome_verdicts(
        [(frozenset({"html/body/header/span"}), elsewhere),  # changed on two pages: chrome
         (frozenset({"html/body/header/span"}), elsewhere),
         (frozenset({"html/body/main/p"}), inside),  # one page, in the statement: an edit
         (frozenset({"html/body/aside/p"}), inside),  # outside the region of a page in it
         (frozenset({"html/body/nav/a"}), elsewhere)],  # volatile before
        [region], lambda path: path == "html/body/nav/a",
    )  # fmt: skip
    assert verdicts == [True, True, False, True, True]


def test_a_counter_with_each_pages_own_words_is_chrome_on_three_pages_an_edit_on_two():
    """ "Reporter: Sok Dara (1,000 views)": the counter sits beside the page's own words, so
    its place is its path alone (`rules.place`); three pages changing there in one check are
    chrome, two are not enough (two releases whose short lines were edited are two edits)."""
    from monitor.detect.rules import chrome_change

    lines = []
    for name in ("Sok Dara", "Chea Vanna", "Lim Sothea"):
        before, after = (f"Reporter: {name} ({views} views)" for views in (1000, 1100))
        changed = chrome_change(_doc("T", STATEMENT, before),
                                [PageLine(before, "html/body/main/div/p")],
                                _doc("T", STATEMENT, after),
                                [PageLine(after, "html/body/main/div/p")])  # fmt: skip
        assert changed is not None
        lines.append((frozenset(changed), ()))
    assert outcome.chrome_verdicts(lines, [], lambda place: False) == [True] * 3
    assert outcome.chrome_verdicts(lines[:2], [], lambda place: False) == [False] * 2
    learned = {"html/body/main/div/p\t#"}  # counters there decided as chrome before
    assert outcome.chrome_verdicts(lines[:1], [], learned.__contains__) == [True]
    # a counter that says the same on every page: two pages suffice
    same = [(frozenset({"html/body/main/div/p\treporter: akp (# views)\t#"}), ())] * 2
    assert outcome.chrome_verdicts(same, [], lambda place: False) == [True, True]


def test_a_baseline_that_met_only_pages_that_are_no_statement_is_taken_again():
    assert not outcome.baseline_taken(True, 3, False)
    assert outcome.baseline_taken(True, 3, True) and outcome.baseline_taken(True, 0, False)
    assert outcome.baseline_taken(False, 3, False)
