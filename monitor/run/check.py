"""One check: every source discovered, due releases fetched, verdicts stored with their events.

This is the only place that sequences the stages; each stage stays ignorant of the others.
Ordering rules that keep "nothing lost" true:
- a version and its event are committed together (store.record_version);
- a listing's HTTP validators are saved only after every new release on it was stored, so a crash
  or a failed fetch means the listing is read again next time instead of answering 304.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

from monitor.config import Config, ConfigError, SourceConfig
from monitor.context.matching import Matcher, import_corpus
from monitor.detect import rules as detect
from monitor.detect.diff import diff_paragraphs
from monitor.detect.holding import Holding
from monitor.extract import (
    EXTRACTOR_VERSION,
    ExtractionError,
    Reading,
    Template,
    read_page,
    statement_unchanged,
)
from monitor.extract.profile import SiteProfile
from monitor.extract.reading import PageLine
from monitor.extract.selectors import SelectorMiss
from monitor.extract.survey import PageSurvey, survey_page
from monitor.extract.template import PageKeys
from monitor.fetch.access import Site
from monitor.fetch.client import Fetcher
from monitor.fetch.pages import page_from_bytes
from monitor.models import (
    CheckError,
    CheckReport,
    Document,
    Event,
    FetchError,
    Link,
    Listing,
    Page,
    SourceResult,
)
from monitor.run.workers import read_listing, reading_pool
from monitor.sources import discover, parse_feed, sniff_kind
from monitor.sources.feeds import clean_text
from monitor.store.catalogue import ReleaseState, SourceState, Store, VersionText
from monitor.text.sitenames import site_names

ProgressFn = Callable[[str, int, int], None]  # (source, done, total)


@dataclass
class CheckOptions:
    sources: Sequence[str] | None = None  # names; None = all
    refetch_all: bool = False  # re-download every known release, ignoring the revisit policy
    progress: ProgressFn | None = None
    matcher: Matcher | None = None  # themes and related releases; made from the config if None
    # a queued check's round and source: kept with its row in `checks`, with what it found
    label: dict[str, Any] | None = None


def extract_signature(src: SourceConfig) -> str:
    """Changes when extraction would give different text, so the raw-body shortcut is reset."""
    return f"{EXTRACTOR_VERSION}|{src.content or ''}|{src.title or ''}|{src.date or ''}"


@dataclass
class _Held:
    """A release whose new reading differs from its old one only in short lines."""

    url: str
    rel: ReleaseState
    link: Link | None
    page: Page
    doc: Document
    before: Document
    paths: set[str]
    mark: str | None
    lines: tuple[PageLine, ...]


@dataclass
class _Discovered:
    links: list[Link] = field(default_factory=list)
    listing_urls: set[str] = field(default_factory=set)
    listing_pages: list[Page] = field(default_factory=list)  # to save validators at the end
    single: Page | None = None  # the source URL is itself the release
    unchanged: bool = False  # the listing answered 304


class SourceCheck:
    """Checks one source. Holds the per-source facts the stages share."""

    def __init__(
        self,
        src: SourceConfig,
        config: Config,
        store: Store,
        fetcher: Fetcher,
        report: CheckReport,
        options: CheckOptions,
        pool: Executor,
    ):
        self.src = src
        self.url = src.address  # what is shown and stored: never the URL's user-info
        self.site = Site.of(self.url)  # with the source's credentials once run() starts
        self.config = config
        self.store = store
        self.fetcher = fetcher
        self.report = report
        self.options = options
        self.pool = pool
        self.sig = extract_signature(src)
        # Listing validators are the source's own: another source on the same URL (other
        # cookies, another language) or a renamed one must read the listing afresh.
        self.scope = f"source:{src.name}"
        self.result = SourceResult(source=src.name)
        self.state: SourceState
        self.baseline = False
        self.failed_new = False
        self.known: dict[str, ReleaseState] = {}
        self._listing_pages: list[Page] = []
        self._listing_keys: set[int] = set()  # the lines of this check's listing pages
        self._site_names: set[str] | None = None
        self.removed: dict[str, ReleaseState] = {}
        self.profile = SiteProfile()  # what this source's pages share; loaded in run()
        self._held: list[_Held] = []
        self.holding = Holding(store, pool, 2 * config.fetch.concurrency)  # see `holding`
        self._not_statements = 0
        self._missed: dict[tuple[str, str], tuple[str, SelectorMiss, int]] = {}  # by selector
        self._done = 0
        self._total = 0

    # --- the source as a whole -----------------------------------------------------------

    async def run(self) -> SourceResult:
        started = time.monotonic()
        self.state = self.store.source(self.src.name, self.url)
        self.baseline = not self.state.baselined
        known = self.known = self.store.releases(self.state.id)
        self.removed = self.store.releases(self.state.id, state="removed")
        self.profile = self.store.template_profile(self.state.id)
        try:
            self.site = self._site()
            found = await self._discover(known)
        except FetchError as err:
            self._error(err.url, err.message, err.kind)
            self.store.source_checked(self.state.id, error=err.message, baselined=False)
            self.result.ok = False
            self.result.duration = time.monotonic() - started
            return self.result
        self._listing_pages, self._site_names = found.listing_pages, None
        # the source's chrome as this check begins: its template and its listings' lines
        self.holding.chrome = self.profile.view().blocks | self._listing_keys
        self.holding.regions = bool(self.profile.view().regions)
        work = self._plan(found, known)
        self._total = len(work)
        self._tick()
        # Bound how many releases are in flight, so bodies waiting for extraction never pile up.
        gate = asyncio.Semaphore(self.config.fetch.concurrency * 2)

        async def one(url: str, rel: ReleaseState | None, link: Link | None) -> None:
            async with gate:
                await self._release(url, rel, link, found)
                if self.holding.full:
                    self._decide_pending()
                self._done += 1
                self._tick()

        await asyncio.gather(*(one(*item) for item in work))
        self._decide_held()
        self._decide_pending()
        for url, miss, pages in self._missed.values():  # the page is read and stored anyway
            self._error(url, miss.check_message(pages, self.src.name), "selector",
                        f"{self.src.name}: the {miss.key} selector")  # fmt: skip
        listed = [known[link.url].id for link in found.links if link.url in known]
        self.store.touch_seen(listed)
        if not self.failed_new:
            for page in found.listing_pages:
                self.store.save_page_validators(page, self.scope)
        self.store.save_template_profile(self.state.id, self.profile)
        # A baseline that met only pages that are no statement (a site in maintenance) is
        # taken again next check, so its releases are not all reported as new then.
        stored = any(e.source == self.src.name for e in self.report.new)
        baselined = not (self.baseline and self._not_statements and not stored)
        self.store.source_checked(self.state.id, error=None, baselined=baselined)
        self.result.releases_seen = len(found.links) or (1 if found.single else 0)
        self.result.duration = time.monotonic() - started
        return self.result

    def _decide_held(self) -> None:
        """Releases whose readings differ only in short lines: chrome where lines at those
        places changed on another page of the source in this check too, or did on two pages
        decided as chrome before, or lie outside the source's statement region (as learned by
        the end of this source's check) on a page whose statement is in it; else an edit,
        reported as usual. Only pages decided as chrome are remembered as evidence, so a
        reported edit never silences a later one."""
        pages = Counter(path for held in self._held for path in held.paths)

        regions = [r.partition("|")[0] for r in self.profile.view().regions]

        def inside(path: str) -> bool:
            return any(path == r or path.startswith(f"{r}/") for r in regions)

        for held in self._held:
            # lines elsewhere than the statement's region, on a page whose statement is there
            in_region = any(line.path and inside(line.path) for line in held.lines)
            if all(pages[path] >= 2 or self.profile.is_volatile(path)
                   or (in_region and not inside(path)) for path in held.paths):  # fmt: skip
                self.profile.learn_volatile(held.url, held.paths)
                self.result.unchanged += 1  # the stored text stands
                self.store.record_unchanged(held.rel, held.page, self.sig)
            else:
                self._store_document(held.url, held.rel, held.link, held.page, held.doc,
                                     before=held.before, mark=held.mark)  # fmt: skip
        self._held.clear()

    def _site(self) -> Site:
        try:
            return Site.of(self.url, self.src.credentials())
        except ConfigError as exc:
            raise FetchError(self.url, "bad_response", str(exc)) from None

    def _tick(self) -> None:
        if self.options.progress:
            self.options.progress(self.src.name, self._done, self._total)

    def _error(self, url: str, message: str, kind: str, title: str | None = None) -> None:
        if title is None:
            known = self.known.get(url) or self.removed.get(url)
            title = known.title if known and known.title else None
        if title is None and url == self.url:
            title = f"{self.src.name}: the source's page"
        self.report.errors.append(CheckError(self.src.name, url, message, kind, title or url))

    async def _get(self, url: str, **kw: object) -> Page:
        return await self.fetcher.get(
            url,
            headers=self.src.headers,
            cookies=self.src.cookies,
            site=self.site,
            **kw,  # type: ignore[arg-type]
        )

    async def _learn(self, page: Page) -> PageSurvey | None:
        """Learn from a page as soon as it arrives: releases fetched together are read after
        the others have been learned from, so even a source's first releases are read with
        what their siblings share. The page's survey is kept for `site_page`."""
        if not _html(page):
            return None
        survey = await asyncio.get_running_loop().run_in_executor(
            self.pool, partial(survey_page, page.text or "", page.url)
        )
        if survey is not None:
            self.profile.learn(survey.keys)
        return survey

    # --- discovery -----------------------------------------------------------------------

    async def _discover(self, known: dict[str, ReleaseState]) -> _Discovered:
        found = _Discovered(listing_urls={self.url})
        url: str | None = self.url
        seen_pages: set[str] = set()
        shape: str | None = None  # the list's shape on page 1, to read later pages alike
        while url and len(seen_pages) < self.src.max_pages and url not in seen_pages:
            seen_pages.add(url)
            watched = known.get(url) if url == self.url else None  # a single-page source
            stored_hash = None
            if watched is not None:
                etag, modified = watched.etag, watched.last_modified
            else:
                etag, modified, stored_hash = self.store.page_validators(url, self.scope)
            if self.options.refetch_all:
                etag = modified = None
            try:
                page = await self._get(url, etag=etag, last_modified=modified)
            except FetchError as err:
                if url == self.url:
                    if err.kind == "gone" and watched is not None:
                        found.unchanged = True  # a watched single page is gone: _plan confirms
                        return found
                    raise
                self._error(url, f"listing page: {err.message}", err.kind,
                            f"{self.src.name}: listing page")  # fmt: skip
                break
            if stored_hash and page.body_hash == stored_hash and not page.redirects:
                # The same bytes as last time: nothing new is listed. Many sites send no
                # validators, so this is their 304, and it spares parsing the listing again.
                page = replace(page, not_modified=True)
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
            keys = None
            if kind == "feed":
                listing = parse_feed(page.body, page.final_url)
            else:
                listing, keys = await self._read_listing(page, shape)
            shape = listing.signature or shape
            if listing.kind == "page" and url == self.url and self.src.type != "listing":
                self._not_a_listing_now(url, known)
                found.single = page
                return found
            found.listing_pages.append(page)
            if keys is not None:
                self.profile.learn(keys)
                self._listing_keys.update(key for key, _ in keys.blocks)
            fresh = [link for link in listing.releases if link.url not in known]
            found.links.extend(listing.releases)
            # Later pages are read on the baseline, or when everything on this one was new
            # (a burst of releases pushed known ones off page one).
            if not (self.baseline or (fresh and len(fresh) == len(listing.releases))):
                break
            url = next((u for u in listing.next_pages if u not in seen_pages), None)
        found.links = list({link.url: link for link in reversed(found.links)}.values())[::-1]
        return found

    async def _read_listing(
        self, page: Page, shape: str | None
    ) -> tuple[Listing, PageKeys | None]:
        """The listing's links, and its chrome for the profile to learn before any release is
        read: in a reading process, beside the fetching."""
        return await asyncio.get_running_loop().run_in_executor(
            self.pool,
            partial(read_listing, page.text or "", page.final_url, self.src.links, shape,
                    _html(page)),
        )  # fmt: skip

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

    def _plan(
        self, found: _Discovered, known: dict[str, ReleaseState]
    ) -> list[tuple[str, ReleaseState | None, Link | None]]:
        now = datetime.now(UTC)
        policy = self.config.revisit
        work: dict[str, tuple[str, ReleaseState | None, Link | None]] = {}
        if found.single is not None or (found.unchanged and self.url in known):
            url = self.url
            return [(url, known.get(url), None)]
        for link in found.links:
            rel = known.get(link.url)
            if rel is None or self.options.refetch_all or detect.due_for_revisit(rel, now, policy):
                work[link.url] = (link.url, rel, link)
        for url, rel in known.items():
            if url not in work and (
                self.options.refetch_all or detect.due_for_revisit(rel, now, policy)
            ):
                work[url] = (url, rel, None)
        for url, rel in self.removed.items():
            if url not in work and detect.due_for_return_check(rel, now):
                work[url] = (url, None, None)
        return list(work.values())

    # --- one release ---------------------------------------------------------------------

    async def _release(
        self, url: str, rel: ReleaseState | None, link: Link | None, found: _Discovered
    ) -> None:
        page = found.single if (found.single is not None and url == self.url) else None
        if page is None:
            # A release read with other settings (selectors, extractor) needs its body again.
            conditional = (
                rel is not None and not self.options.refetch_all and rel.extract_sig == self.sig
            )
            try:
                page = await self._get(
                    url,
                    etag=rel.etag if conditional and rel else None,
                    last_modified=rel.last_modified if conditional and rel else None,
                    confirm_gone=rel is not None,
                )
            except FetchError as err:
                self._fetch_failed(url, rel, err, link)
                return
        self.result.fetched += 1
        if rel is not None:
            if page.not_modified:
                self.result.not_modified += 1
                self.store.record_unchanged(rel, page, None)
                return
            reason = detect.removal_by_redirect(page, found.listing_urls) or self._became_listing(
                page
            )
            if reason:
                self._removed(rel, reason)
                return
            if rel.body_hash == page.body_hash and rel.extract_sig == self.sig:
                self.result.unchanged += 1
                self.store.record_unchanged(rel, page, self.sig)
                return
            if await self._same_statement(rel, page):
                self.result.unchanged += 1
                self.store.record_unchanged(rel, page, self.sig)
                return
        elif url in self.removed and (
            detect.removal_by_redirect(page, found.listing_urls) or self._became_listing(page)
        ):
            self.store.touch_fetched(self.removed[url])  # still gone: said once already
            return
        survey = await self._learn(page)
        template = self.profile.view()  # one view for both readings, so they compare
        reading = await self._read_release(url, rel, link, page, survey, template)
        if reading is None:
            return
        doc = self._with_listing_facts(reading.document, link)
        gone = self.removed.get(url) if rel is None else None
        previous = self.store.latest_version((rel or gone).id) if (rel or gone) else None
        before = old = None  # the stored version's body read as this one was
        if previous is not None and previous.text_hash != doc.text_hash:
            old = await self._read_again(previous, page, template)
            before = self._with_listing_facts(old.document, link) if old is not None else None
        notice = detect.removal_notice(doc, previous)
        if notice and rel is not None:
            self._removed(rel, notice)
            return
        if rel and old and before and not notice and before.comparable != doc.comparable:
            paths = detect.chrome_change(before, old.lines, doc, reading.lines)
            if paths is not None:  # decided when the source's other pages have been read
                self._held.append(_Held(url, rel, link, page, doc, before, paths,
                                        reading.fingerprint, reading.lines))  # fmt: skip
                return
        if gone is not None:
            if notice:
                self.store.touch_fetched(gone)  # still gone: said once already
            else:
                await self.holding.hold(url, gone, link, page, survey, reading, doc=doc,
                                        before=before, restored=True)  # fmt: skip
            return
        if notice:
            self._error(url, f"no statement here: {notice}", "bad_response",
                        link.title if link else None)  # fmt: skip
            self.failed_new = True
            return
        same_reading = before is not None and before.comparable == doc.comparable
        if detect.verdict(previous, doc) == "unchanged" or same_reading:  # no event: no doubt
            self._store_document(url, rel, link, page, doc, before=before, mark=reading.fingerprint)
        else:
            await self.holding.hold(url, rel, link, page, survey, reading, doc=doc, before=before)

    async def _read_release(
        self,
        url: str,
        rel: ReleaseState | None,
        link: Link | None,
        page: Page,
        survey: PageSurvey | None,
        template: Template,
    ) -> Reading | None:
        """The release's page read, and what it teaches the source; None when it gave no
        reading (held, or an error item)."""
        try:
            reading = await self._read(page, template)
        except ExtractionError as exc:  # decided with the source's other pages
            gone = self.removed.get(url) if rel is None else None
            await self.holding.hold(url, rel or gone, link, page, survey, None,
                                    restored=gone is not None,
                                    failure=f"no statement text found: {exc}")  # fmt: skip
            return None
        except Exception as exc:  # a reading process that died (memory) or a reader's bug
            self._error(url, f"could not be read this time ({exc!r}); it is read again next "
                        "check", "transient", link.title if link else None)  # fmt: skip
            self.failed_new |= rel is None
            return None
        if reading.keys is not None:
            self.profile.learn(reading.keys, reading.region)
        for miss in reading.missed:  # reported once per selector, when the source is read
            first, seen, pages = self._missed.get((miss.key, miss.selector), (url, miss, 0))
            self._missed[miss.key, miss.selector] = (first, seen, pages + 1)
        return reading

    def _decide_pending(self) -> None:
        """Store the held releases, but for the pages that are no statement (`site_page`):
        those are error items, and nothing of them is stored."""
        for held, reason in self.holding.decide():
            if reason or held.doc is None:
                self._error(held.url, reason or held.failure or "",
                            "not_a_statement" if reason else "bad_response",
                            held.link.title if held.link else None)  # fmt: skip
                self._not_statements += bool(reason)
                self.failed_new |= held.rel is None or held.restored
            elif held.restored:
                assert held.rel is not None
                self._restored(held.url, held.rel, held.link, self.holding.page(held), held.doc,
                               held.before, held.mark)  # fmt: skip
            else:
                self._store_document(held.url, held.rel, held.link, self.holding.page(held),
                                     held.doc, before=held.before, mark=held.mark)  # fmt: skip

    async def _same_statement(self, rel: ReleaseState, page: Page) -> bool:
        """New bytes, same statement: the page's region and headlines read as they did when
        the stored version was read (its chrome changed). Spares reading the page again."""
        template = self.profile.view()
        if not (rel.read_hash and rel.title and rel.extract_sig == self.sig and template.regions):
            return False
        if not _html(page):
            return False
        return await asyncio.get_running_loop().run_in_executor(
            self.pool,
            partial(statement_unchanged, page.text, template, rel.read_hash, rel.title),
        )

    async def _read(self, page: Page, template: Template) -> Reading:
        return await asyncio.get_running_loop().run_in_executor(
            self.pool,
            partial(read_page, page, content=self.src.content, title=self.src.title,
                    date=self.src.date, template=template),
        )  # fmt: skip

    async def _read_again(
        self, previous: VersionText, page: Page, template: Template
    ) -> Reading | None:
        """The stored version's own body, read the way the new one was: like is compared with
        like, so what a newer extractor, new selectors or a better-learned template reads
        differently is never taken for the ministry's edit. None when the body is not kept."""
        if not previous.raw_hash:
            return None
        try:
            raw = self.store.read_raw(previous.raw_hash)
        except OSError:
            return None
        ctype = previous.content_type or page.content_type
        if page.encoding:  # the site's charset as the server declares it today
            ctype = f"{ctype}; charset={page.encoding}"
        old = page_from_bytes(raw, previous.final_url or page.url, ctype)
        try:
            return await self._read(old, template)
        except ExtractionError:
            return None

    def _with_listing_facts(self, doc: Document, link: Link | None) -> Document:
        """The listing's title and date for a release, where the page's own are chrome.

        A page whose only title is the site's name (`<title>Ministry of ...</title>`, a banner
        heading) yields the name the listing pages show in their title, logo or header; a
        header clock yields today's date where the listing dates the release earlier.
        """
        if link is None:
            return doc
        title, date = doc.title, doc.date
        if link.title and (not title or (title != link.title and self._site_name(title))):
            title = link.title
        # "today" anywhere on Earth: a clock widget shows the site's own date
        recent = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
        if link.date and (not date or (date >= recent and link.date < date)):
            date = link.date
        if (title, date) == (doc.title, doc.date):
            return doc
        return Document(doc.url, title, doc.paragraphs, date, doc.language)

    def _site_name(self, text: str) -> bool:
        """Is `text` the site's name, as the listing pages show it in their chrome?"""
        if self._site_names is None:
            self._site_names = set()
            for page in self._listing_pages:
                self._site_names |= site_names(page.text or "")
        return bool(text) and clean_text(text).casefold() in self._site_names

    def _restored(
        self,
        url: str,
        rel: ReleaseState,
        link: Link | None,
        page: Page,
        doc: Document,
        before: Document | None,
        mark: str | None,
    ) -> None:
        """A release reported removed answers again: say so, with what changed meanwhile."""
        previous = self.store.latest_version(rel.id)
        same_reading = before is not None and before.comparable == doc.comparable
        if previous is not None and detect.verdict(previous, doc) == "changed" and not same_reading:
            self._store_document(url, rel, link, page, doc, restored=True, before=before,
                                 mark=mark)  # fmt: skip
            return
        event = Event(kind="new", source=self.src.name, url=url, title=doc.title or url,
                      date=doc.date or (link.date if link else None), restored=True,
                      reason="back at its address, unchanged since it was removed")  # fmt: skip
        if self.options.matcher is not None:
            self.options.matcher.annotate(event, doc, rel.id)
        self.store.record_restored(rel, page, self.sig, event, self.report.check_id)
        self.report.add(event)

    def _fetch_failed(
        self, url: str, rel: ReleaseState | None, err: FetchError, link: Link | None
    ) -> None:
        if err.kind == "gone" and rel is not None:
            self._removed(rel, f"answers HTTP {err.status} (confirmed by a second request)")
            return
        if rel is None and url in self.removed:
            self.store.touch_fetched(self.removed[url])  # still gone: said once already
            return
        self._error(url, err.message, err.kind, None if rel else (link.title if link else None))
        self.failed_new |= rel is None

    def _became_listing(self, page: Page) -> str | None:
        """A release URL that now serves a page of links (a category, the news index)."""
        if not page.redirects or page.is_pdf or not page.text:
            return None
        listing = discover(page.text, page.final_url)
        if listing.kind == "listing" and len(listing.releases) >= 5:
            return f"now redirects to a list of releases ({page.final_url})"
        return None

    def _removed(self, rel: ReleaseState, reason: str) -> None:
        latest = self.store.latest_version(rel.id)
        event = Event(
            kind="removed",
            source=self.src.name,
            url=rel.url,
            title=(latest.title if latest else rel.title) or rel.url,
            date=rel.published,
            reason=reason,
            archived=self.store.archive.where(latest.text_path) if latest else None,
        )
        self.store.record_removed(rel, event, self.report.check_id)
        self.report.add(event)

    def _store_document(
        self,
        url: str,
        rel: ReleaseState | None,
        link: Link | None,
        page: Page,
        doc: Document,
        *,
        restored: bool = False,
        before: Document | None = None,
        mark: str | None = None,  # the reading's fingerprint (extract.reading.fingerprint)
    ) -> None:
        previous = self.store.latest_version(rel.id) if rel else None
        verdict = detect.verdict(previous, doc)
        if verdict == "unchanged":
            assert rel is not None
            self.result.unchanged += 1
            self.store.record_unchanged(rel, page, self.sig, mark)
            return
        same_reading = before is not None and before.comparable == doc.comparable
        if verdict == "changed" and rel is not None and (
            rel.body_hash == page.body_hash or same_reading
        ):
            # The same statement read another way: the same bytes by a newer extractor or new
            # selectors, or new bytes (chrome changed) whose old body reads just like them now
            # that the source's template is better known. The ministry changed nothing. Keep
            # the new reading as a version, tell nobody.
            self.result.unchanged += 1
            self.store.record_version(
                source_id=self.state.id, source_name=self.src.name, release=rel, page=page,
                doc=doc, extract_sig=self.sig, check_id=self.report.check_id, event=None,
                read_hash=mark,
            )  # fmt: skip
            return
        event = Event(
            kind=verdict,
            source=self.src.name,
            url=url,
            title=doc.title or url,
            baseline=self.baseline and verdict == "new",
            date=doc.date or (link.date if link else None),
        )
        if verdict == "changed":
            assert previous is not None
            # the old body read like the new one: only the ministry's words differ
            old = before or previous
            changes = diff_paragraphs((old.title, *old.paragraphs), (doc.title, *doc.paragraphs))
            event.diff = changes.render_text()
            event.diff_html = changes.render_html()
            event.previous_version_id = previous.id
            if restored:
                event.restored = True
                event.reason = "back at its address, edited since it was removed"
        matcher = self.options.matcher
        if matcher is not None:
            matcher.annotate(event, doc, rel.id if rel else None)
        release_id, _ = self.store.record_version(
            source_id=self.state.id,
            source_name=self.src.name,
            release=rel,
            page=page,
            doc=doc,
            extract_sig=self.sig,
            check_id=self.report.check_id,
            event=event,
            read_hash=mark,
        )
        if matcher is not None:
            matcher.remember(release_id, doc)
        self.report.add(event)


def _html(page: Page) -> bool:
    return bool(page.text) and not page.is_pdf and page.content_type != "text/plain"


async def run_check(
    config: Config, store: Store, options: CheckOptions | None = None
) -> CheckReport:
    options = options or CheckOptions()
    selected = config.sources
    if options.sources:
        selected = [config.source(name) for name in options.sources]
    if options.matcher is None:
        options.matcher = Matcher(config, store)
    import_corpus(config, store, options.matcher)
    report = CheckReport(check_id=store.begin_check(options.label))
    with reading_pool() as pool:
        async with Fetcher(config.fetch) as fetcher:
            results = await asyncio.gather(
                *(
                    SourceCheck(src, config, store, fetcher, report, options, pool).run()
                    for src in selected
                )
            )
    report.sources = list(results)
    summary: dict[str, Any] = {k: len(v) for k, v in report.to_json().items()}
    if options.label:  # what the queue's `monitor check` reads back (monitor/queue/rounds.py)
        detail = {"errors": [asdict(e) for e in report.errors],
                  "sources": [asdict(s) for s in report.sources]}  # fmt: skip
        summary |= {**options.label, "detail": detail}
    store.finish_check(report.check_id or 0, summary)
    return report
