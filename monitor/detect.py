"""Pure rules that turn what was fetched into verdicts: new, changed, removed, unchanged.

No I/O here: check.py gathers the facts, these functions decide.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal
from urllib.parse import urlsplit

from .config import RevisitConfig
from .models import Document, Page
from .store import ReleaseState, VersionText, parse_iso

Verdict = Literal["new", "changed", "unchanged"]


def verdict(previous: VersionText | None, doc: Document) -> Verdict:
    if previous is None:
        return "new"
    return "unchanged" if previous.text_hash == doc.text_hash else "changed"


def due_for_revisit(release: ReleaseState, now: datetime, policy: RevisitConfig) -> bool:
    """Recent releases are re-read every check (that is when ministries edit them); older ones
    daily, then weekly, so silent edits are caught without re-downloading the archive."""
    last = parse_iso(release.last_fetched_at)
    if last is None:
        return True
    born = parse_iso(release.published) or parse_iso(release.first_seen_at) or now
    seen = parse_iso(release.first_seen_at) or born
    age = now - min(born, seen)
    if age < timedelta(days=policy.fresh_days):
        return True
    if age < timedelta(days=policy.daily_until_days):
        return now - last >= timedelta(hours=23)
    return now - last >= timedelta(seconds=policy.older_every)


def _norm(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    path = parts.path.rstrip("/") or "/"
    return parts.netloc.lower().removeprefix("www."), path + (
        "?" + parts.query if parts.query else ""
    )


def removal_by_redirect(page: Page, listing_urls: set[str]) -> str | None:
    """A release that now redirects to the home page or a listing has been taken down.

    A redirect to another article (a slug fixed, http → https) is not a removal.
    """
    if not page.redirects or page.final_url == page.url:
        return None
    asked_host, asked_path = _norm(page.url)
    host, path = _norm(page.final_url)
    if (asked_host, asked_path) == (host, path):
        return None  # scheme, "www." or trailing-slash redirect
    if path in ("/", "/index.php", "/index.html", "/home", "/en", "/km", "/en/", "/km/"):
        return f"now redirects to the home page ({page.final_url})"
    if (host, path) in {_norm(u) for u in listing_urls}:
        return f"now redirects to the news listing ({page.final_url})"
    if host != asked_host:
        return f"now redirects to another site ({page.final_url})"
    return None
