"""The pure verdict rules: revisit policy and removal by redirect."""

from datetime import UTC, datetime, timedelta

from monitor.config import RevisitConfig
from monitor.detect import due_for_revisit, removal_by_redirect
from monitor.models import Page
from monitor.store import ReleaseState

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
