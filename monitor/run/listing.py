"""One source's listing, read for a check: its pages, the releases they list, their chrome.

A listing's HTTP validators are saved only after every new release on it was stored
(`save_validators`), so a crash or a failed fetch means the listing is read again next time
instead of answering 304.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TypeVar

from monitor.config import SourceConfig
from monitor.errors import FetchError
from monitor.extract.profile import SiteProfile
from monitor.extract.template import PageKeys
from monitor.models import Link, Listing, Page, ReleaseState
from monitor.run.reader import is_html
from monitor.run.record import Recorder
from monitor.run.workers import learn_listing, read_listing
from monitor.sources import parse_feed, sniff_kind
from monitor.sources.memo import PageLinks, listing_anchors, remember, reuse
from monitor.store.catalogue import Store
from monitor.store.records import StoredPage

T = TypeVar("T")
Lesson = tuple[PageKeys | None, set[str]]  # a listing page's chrome, and the site's names
Get = Callable[..., Awaitable[Page]]  # the check's fetch, with the source's headers and cookies


@dataclass
class Discovered:
    links: list[Link] = field(default_factory=list)
    listing_urls: set[str] = field(default_factory=set)
    listing_pages: list[Page] = field(default_factory=list)  # to save validators at the end
    listing_keys: set[int] = field(default_factory=set)  # the lines of these listing pages
    site_names: set[str] = field(default_factory=set)  # as the listing pages' chrome shows them
    single: Page | None = None  # the source URL is itself the release
    unchanged: bool = False  # the listing answered 304
    memos: dict[str, str] = field(default_factory=dict)  # by listing page: `sources.memo`
    stored: dict[str, StoredPage] = field(default_factory=dict)  # as the last check left them
    lessons: list[asyncio.Future[Lesson]] = field(default_factory=list)  # see `learn`

    async def learn(self, profile: SiteProfile) -> None:
        """What the listing pages teach (their chrome, the site's names), once the reading
        processes have it: a listing read from its memo does not wait for it, so releases
        whose statement is known unchanged go on meanwhile. A lesson lost with its reading
        process is learned at the next check."""
        lessons, self.lessons = self.lessons, []
        for lesson in lessons:
            try:
                keys, names = await lesson
                if keys is not None:
                    profile.learn(keys)
                    self.listing_keys.update(key for key, _ in keys.blocks)
                self.site_names |= names
            except Exception:  # learning is not what the check reports
                continue

    def forget(self) -> None:
        """Drop the lessons not taken (a discovery that failed on a later page)."""
        for lesson in self.lessons:
            lesson.cancel()
        self.lessons = []


def _ready(lesson: Lesson) -> asyncio.Future[Lesson]:
    done: asyncio.Future[Lesson] = asyncio.get_running_loop().create_future()
    done.set_result(lesson)
    return done


class ListingReader:
    """Reads one source's listing pages, teaching the source's template profile their chrome.
    Listing validators are the source's own: another source on the same URL (other cookies,
    another language) or a renamed one must read the listing afresh."""

    def __init__(
        self,
        src: SourceConfig,
        store: Store,
        pool: Executor,
        profile: SiteProfile,
        get: Get,
        record: Recorder,
        *,
        refetch_all: bool,
        baseline: bool,
    ):
        self.src, self.store, self.pool, self.profile = src, store, pool, profile
        self.get, self.record = get, record
        self.refetch_all, self.baseline = refetch_all, baseline
        self.url = src.address
        self.scope = f"source:{src.name}"

    async def discover(self, known: dict[str, ReleaseState]) -> Discovered:
        """The releases listed, following pagination on the baseline or while everything on a
        page is new. Raises FetchError when the source's own page cannot be read."""
        found = Discovered(listing_urls={self.url})
        try:
            return await self._read_pages(found, known)
        except BaseException:
            found.forget()
            raise

    async def _read_pages(self, found: Discovered, known: dict[str, ReleaseState]) -> Discovered:
        url: str | None = self.url
        seen_pages: set[str] = set()
        shape: str | None = None  # the list's shape on page 1, to read later pages alike
        while url and len(seen_pages) < self.src.max_pages and url not in seen_pages:
            seen_pages.add(url)
            watched = known.get(url) if url == self.url else None  # a single-page source
            page = await self._fetch(url, watched, found)
            if page is None:
                break
            if page.not_modified:
                if watched is not None:
                    found.single = page
                    return found
                found.unchanged = url == self.url
                break
            found.listing_urls.add(page.final_url)
            kind = self._kind(page)
            if kind == "page":
                self._not_a_listing_now(url, known)
                found.single = page
                return found
            if kind == "feed":
                listing = parse_feed(page.body, page.final_url)
                found.lessons.append(asyncio.ensure_future(
                    self._in_pool(learn_listing, page.text or "", page.final_url, False)))
            else:
                listing = await self._read_listing(page, shape, known, found)
            shape = listing.signature or shape
            if listing.kind == "page" and url == self.url and self.src.type != "listing":
                self._not_a_listing_now(url, known)
                found.single = page
                return found
            found.listing_pages.append(page)
            fresh = [link for link in listing.releases if link.url not in known]
            found.links.extend(listing.releases)
            # Later pages are read on the baseline, or when everything on this one was new
            # (a burst of releases pushed known ones off page one).
            if not (self.baseline or (fresh and len(fresh) == len(listing.releases))):
                break
            url = next((u for u in listing.next_pages if u not in seen_pages), None)
        found.links = list({link.url: link for link in reversed(found.links)}.values())[::-1]
        return found

    async def _fetch(
        self, url: str, watched: ReleaseState | None, found: Discovered
    ) -> Page | None:
        """A listing page, conditionally; None when a later page failed (an error item), or
        when a watched single page is gone: the listing is then unchanged, and the plan asks
        for the page again to confirm it."""
        stored_hash = None
        if watched is not None:
            etag, modified = watched.etag, watched.last_modified
        else:
            stored = found.stored[url] = self.store.stored_page(url, self.scope)
            etag, modified, stored_hash = stored.etag, stored.last_modified, stored.body_hash
        if self.refetch_all:
            etag = modified = None
        try:
            page = await self.get(url, etag=etag, last_modified=modified)
        except FetchError as err:
            if url == self.url:
                if err.kind == "gone" and watched is not None:
                    found.unchanged = True  # nothing read yet: the discovery ends here
                    return None
                raise
            self.record.error(url, f"listing page: {err.message}", err.kind,
                              f"{self.src.name}: listing page")  # fmt: skip
            return None
        if stored_hash and page.body_hash == stored_hash and not page.redirects:
            # The same bytes as last time: nothing new is listed. Many sites send no
            # validators, so this is their 304, and it spares parsing the listing again.
            page = replace(page, not_modified=True)
        return page

    def save_validators(self, found: Discovered) -> None:
        for page in found.listing_pages:
            self.store.save_page_validators(page, self.scope, found.memos.get(page.url))

    async def _read_listing(
        self, page: Page, shape: str | None, known: dict[str, ReleaseState], found: Discovered
    ) -> Listing:
        """The listing's links, with what the page teaches (its chrome, for the profile to
        learn before any release is read in full; the site's names) as a lesson for `found`.
        A page whose links are the ones it had is not discovered again (`sources.memo`)
        unless it links to what might be a release the source does not hold: its links come
        from the memo at once, and its lesson from a reading process in the background."""
        html, url, learn = page.text or "", page.final_url, is_html(page)
        anchors = listing_anchors(html, url) if learn else PageLinks()
        stored = found.stored.get(page.url) or self.store.stored_page(page.url, self.scope)
        memo = stored.memo
        kept = reuse(memo, anchors, self.src.links, shape)
        if kept is not None and all(link in known for link in kept[1]):
            listing = kept[0]
            found.lessons.append(asyncio.ensure_future(self._in_pool(learn_listing, html, url,
                                                                     learn)))  # fmt: skip
        else:
            listing, keys, names = await self._in_pool(read_listing, html, url, self.src.links,
                                                       shape, learn)  # fmt: skip
            found.lessons.append(_ready((keys, names)))
        renewed = remember(listing, anchors, self.src.links, shape)
        if renewed is not None:
            found.memos[page.url] = renewed
        return listing

    async def _in_pool(self, fn: Callable[..., T], *args: object) -> T:
        return await asyncio.get_running_loop().run_in_executor(self.pool, partial(fn, *args))

    def _not_a_listing_now(self, url: str, known: dict[str, ReleaseState]) -> None:
        """A source that listed releases and now shows one page (a maintenance notice, a
        redesign, an error page served with 200) has not become a single release."""
        if url == self.url and any(u != self.url for u in known):
            raise FetchError(
                url,
                "bad_response",
                "the listing shows no release links this time (a maintenance or error page, or "
                "a redesign: if it persists, set `links` for this source); nothing is reported",
            )

    def _kind(self, page: Page) -> str:
        if self.src.type != "auto":
            return self.src.type
        sniffed = sniff_kind(page.content_type, page.body)
        if sniffed == "feed":
            return "feed"
        if sniffed in ("pdf", "other"):
            return "page"
        return "listing"
