"""The pure verdict rules: revisit policy and removal by redirect."""

from datetime import UTC, datetime, timedelta

from monitor.config import RevisitConfig
from monitor.detect.rules import (
    due_for_return_check,
    due_for_revisit,
    removal_by_redirect,
    removal_notice,
)
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
    notice = _doc("Prime Minister to attend the Summit", "This article has been removed.")
    assert "notice" in removal_notice(notice, before)
    # menus read along with the text: the notice is what is new, the statement is what left
    framed_before = _previous("Prime Minister to attend the Summit", *MENU, STATEMENT)
    framed = _doc("Prime Minister to attend the Summit", *MENU, "This press release has been "
                  "removed. ***")  # fmt: skip
    assert "notice" in removal_notice(framed, framed_before)


def test_statements_about_removals_are_not_removals():
    before = _previous("Statement", STATEMENT)
    landmines = _doc("Landmines removed from 12 villages", STATEMENT + " 2,400 mines have "
                     "been removed and are no longer available to armed groups.")  # fmt: skip
    assert removal_notice(landmines, before) is None
    edited = _doc("Statement", STATEMENT[:300] + " The visit has been removed from the agenda.")
    assert removal_notice(edited, before) is None
    assert removal_notice(_doc("Statement", STATEMENT), None) is None
