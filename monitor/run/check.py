"""One check: every source discovered, due releases fetched, read, decided and stored.

This is the only place that sequences the stages, and it decides nothing itself: for each
release it fetches (`fetch/`), reads (`reader.py`), asks `detect/outcome.py` what happened,
and has `record.py` write that down; each stage stays ignorant of the others. Ordering rules
that keep "nothing lost" true:
- a version and its event are committed together (store.record_version);
- a listing's HTTP validators are saved only after every new release on it was stored, so a crash
  or a failed fetch means the listing is read again next time instead of answering 304.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from typing import Any

from monitor.config import Config, SourceConfig
from monitor.context.matching import Matcher, import_corpus
from monitor.detect import outcome
from monitor.detect import rules as detect
from monitor.detect.outcome import Outcome
from monitor.errors import ConfigError, ExtractionError, FetchError
from monitor.extract import EXTRACTOR_VERSION, Reading, Template
from monitor.extract.profile import SiteProfile
from monitor.extract.survey import PageSurvey
from monitor.fetch.access import Site
from monitor.fetch.client import Fetcher
from monitor.models import CheckReport, Document, Link, Page, ReleaseState, SourceResult
from monitor.run.holding import HeldChrome, HeldEdit, HeldEdits, Holding
from monitor.run.listing import Discovered, ListingReader
from monitor.run.reader import ReleaseReader, is_html
from monitor.run.record import Recorder
from monitor.run.relating import relate
from monitor.run.workers import reading_pool
from monitor.sources.siblings import same_page, same_site, sibling_pages
from monitor.store.catalogue import Store

_SIBLINGS = 2  # pages a one-page source learns its template from (with the page: three)
ProgressFn = Callable[[str, int, int], None]  # (source, done, total)
Work = tuple[str, ReleaseState | None, Link | None]  # a release to fetch: url, state, listing link


@dataclass
class CheckOptions:
    sources: Sequence[str] | None = None  # names; None = all
    refetch_all: bool = False  # re-download every known release, ignoring the revisit policy
    progress: ProgressFn | None = None
    matcher: Matcher | None = None  # themes and related releases; made from the config if None
    # a queued check's round and source: kept with its row in `checks`, with what it found
    label: dict[str, Any] | None = None
    # seconds to wait for a check of the same sources elsewhere (PostgreSQL catalogue: SQLite's
    # folder lock, taken when the store was opened, already keeps other writers out)
    lock_wait: float = 600.0


def extract_signature(src: SourceConfig) -> str:
    """Changes when extraction would give different text, so the raw-body shortcut is reset."""
    return f"{EXTRACTOR_VERSION}|{src.content or ''}|{src.title or ''}|{src.date or ''}"


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
        self.result = SourceResult(source=src.name)
        self.baseline = False
        self.known: dict[str, ReleaseState] = {}
        self.removed: dict[str, ReleaseState] = {}
        self.profile = SiteProfile()  # what this source's pages share; loaded in run()
        self._held: list[HeldChrome] = []
        self._edits = HeldEdits()
        self.holding = Holding(store, pool, 2 * config.fetch.concurrency)  # see `holding`
        self.record: Recorder  # the stages of this source's check, made in run()
        self.reader: ReleaseReader
        self._done = 0
        self._total = 0
        self._lessons: asyncio.Future[None]  # the listings' (`_learn_listings`), made in run()

    # --- the source as a whole -----------------------------------------------------------

    async def run(self) -> SourceResult:
        started = time.monotonic()
        state = self.store.source(self.src.name, self.url)
        self.baseline = not state.baselined
        known = self.known = self.store.releases(state.id)
        self.removed = self.store.releases(state.id, state="removed")
        self.profile = self.store.template_profile(state.id)
        self.record = Recorder(
            self.src.name, self.url, state, self.store, self.report, self.result, self.sig,
            self.options.matcher, baseline=self.baseline, known=known, removed=self.removed,
        )  # fmt: skip
        self.reader = ReleaseReader(self.src, self.store, self.pool, self.profile, self.sig)
        listing = ListingReader(self.src, self.store, self.pool, self.profile, self._get,
                                self.record, refetch_all=self.options.refetch_all,
                                baseline=self.baseline)  # fmt: skip
        try:
            self.site = self._site()
            found = await listing.discover(known)
        except FetchError as err:
            self.record.error(err.url, err.message, err.kind)
            self.store.source_checked(state.id, error=err.message, baselined=False)
            self.result.ok = False
            self.result.duration = time.monotonic() - started
            return self.result
        self.reader.regions = found.single is None  # see `ReleaseReader.template`
        self._lessons = asyncio.ensure_future(self._learn_listings(found))
        await self._releases(self._plan(found, known), found)
        await self._lessons
        self.record.marked(await self.reader.marks(self.record.unmarked))
        self.record.flush()
        for url, miss, pages in self.reader.missed.values():  # read and stored anyway
            self.record.error(url, miss.check_message(pages, self.src.name), "selector",
                              f"{self.src.name}: the {miss.key} selector")  # fmt: skip
        self.store.touch_seen([known[link.url].id for link in found.links if link.url in known])
        if not self.record.failed_new:
            listing.save_validators(found)
        self.store.save_template_profile(state.id, self.profile)
        stored = any(e.source == self.src.name for e in self.report.new)
        baselined = outcome.baseline_taken(self.baseline, self.record.not_statements, stored)
        self.store.source_checked(state.id, error=None, baselined=baselined)
        self.result.releases_seen = len(found.links) or (1 if found.single else 0)
        self.result.duration = time.monotonic() - started
        return self.result

    async def _learn_listings(self, found: Discovered) -> None:
        """What the listing pages teach, before any release is read in full (`_release`
        waits for it; a release whose statement is known unchanged does not)."""
        await found.learn(self.profile)
        self.reader.use_listing(found.site_names)
        # the source's chrome as its reading begins: its template and its listings' lines
        self.holding.chrome = self.profile.view().blocks | found.listing_keys
        self.holding.regions = bool(self.reader.template().regions)

    async def _releases(self, work: list[Work], found: Discovered) -> None:
        """Every due release, a bounded number in flight so bodies waiting to be read never
        pile up; held releases decided in batches, and the rest once all are read."""
        self._total = len(work)
        self._tick()
        gate = asyncio.Semaphore(self.config.fetch.concurrency * 2)

        async def one(url: str, rel: ReleaseState | None, link: Link | None) -> None:
            async with gate:
                await self._release(url, rel, link, found)
                if self.holding.full:
                    self._decide_pending()
                await self._relate()
                self._done += 1
                self._tick()

        await asyncio.gather(*(one(*item) for item in work))
        await self._confirm_edits()
        self._decide_held()
        self._decide_pending()
        await self._relate()

    async def _relate(self) -> None:
        """The related releases of the new releases stored so far (`run.relating`)."""
        lookups, self.record.lookups = self.record.lookups, []
        if self.options.matcher is not None:
            await relate(lookups, self.options.matcher, self.store, self.pool)

    def _plan(self, found: Discovered, known: dict[str, ReleaseState]) -> list[Work]:
        """What to fetch: what the listing shows that is new or due for a revisit, known
        releases due for one, and removed releases due to be asked whether they are back."""
        now = datetime.now(UTC)
        policy = self.config.revisit
        work: dict[str, Work] = {}
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

    def _site(self) -> Site:
        try:
            return Site.of(self.url, self.src.credentials())
        except ConfigError as exc:
            raise FetchError(self.url, "bad_response", str(exc)) from None

    def _tick(self) -> None:
        if self.options.progress:
            self.options.progress(self.src.name, self._done, self._total)

    async def _get(self, url: str, **kw: object) -> Page:
        return await self.fetcher.get(
            url,
            headers=self.src.headers,
            cookies=self.src.cookies,
            site=self.site,
            **kw,  # type: ignore[arg-type]
        )

    # --- one release: fetch -> read -> outcome -> record ---------------------------------

    async def _release(
        self, url: str, rel: ReleaseState | None, link: Link | None, found: Discovered
    ) -> None:
        gone = self.removed.get(url) if rel is None else None  # a removed release, asked again
        page = found.single if (found.single is not None and url == self.url) else None
        if page is None:
            page = await self._fetch(url, rel, gone, link)
            if page is None:
                return
        self.result.fetched += 1
        said = await self._before_reading(rel, gone, page, found)
        if said is not None:
            await self._apply(said, url, rel or gone, link, page)
            return
        await self._lessons
        if page is found.single:
            await self._learn_siblings(page)
        survey = await self.reader.learn(page)
        await self._decide(url, rel, gone, link, page, survey, self.reader.template())

    async def _decide(
        self,
        url: str,
        rel: ReleaseState | None,
        gone: ReleaseState | None,
        link: Link | None,
        page: Page,
        survey: PageSurvey | None,
        template: Template,  # one view for both readings, so they compare
        *,
        confirmed: bool = False,
    ) -> None:
        """Read the release's page and decide what happened (`confirmed`: an edit read again,
        see `_confirm_edits`). A page without text is held (decided with the source's other
        pages), a reader that failed is an error item."""
        try:
            reading = await self.reader.read(url, page, template, learn=not confirmed)
        except ExtractionError as exc:
            await self.holding.hold(url, rel or gone, link, page, survey, None,
                                    restored=gone is not None,
                                    failure=f"no statement text found: {exc}")  # fmt: skip
            return
        except Exception as exc:  # a reading process that died (memory) or a reader's bug
            self.record.error(url, f"could not be read this time ({exc!r}); it is read again "
                              "next check", "transient", link.title if link else None,
                              new=rel is None)  # fmt: skip
            return
        doc = self.reader.with_listing_facts(reading.document, link, pdf=page.is_pdf)
        previous = self.store.latest_version((rel or gone).id) if (rel or gone) else None
        before = old = None  # the stored version's body read as this one was
        if previous is not None and previous.text_hash != doc.text_hash:
            old = await self.reader.read_again(previous, page, template)
            before = (self.reader.with_listing_facts(old.document, link, pdf=page.is_pdf)
                      if old is not None else None)  # fmt: skip
        said = outcome.after_reading(doc, reading.lines, previous, before,
                                     old.lines if old is not None else None, known=rel is not None,
                                     gone=gone is not None)  # fmt: skip
        edit = said.kind in ("hold", "hold_chrome") and not confirmed  # a text changed
        if rel is not None and edit and self._edits.room(page):  # see `_confirm_edits`
            self._edits.add(HeldEdit(url, rel, link, replace(page, text=None), survey,
                                     template, (said, reading, doc, before)))  # fmt: skip
            return
        await self._apply(said, url, rel or gone, link, page, survey, reading, doc, before)

    async def _confirm_edits(self) -> None:
        """An edit read before the source's other pages taught the template what they showed
        (a redesign's first check: its new byline box and wrappers are known for template
        only once several pages showed them) is read again, old and new, with the template
        as the whole check taught it, and decided on that reading: it is reported with the
        words the ministry changed, never with the new chrome around them."""
        for edit in self._edits.take():
            now = self.reader.template()
            if now is edit.template:
                said, reading, doc, before = edit.decided
                await self._apply(said, edit.url, edit.rel, edit.link, edit.page, edit.survey,
                                  reading, doc, before)  # fmt: skip
            else:
                await self._decide(edit.url, edit.rel, None, edit.link, edit.decoded(),
                                   edit.survey, now, confirmed=True)  # fmt: skip

    async def _learn_siblings(self, page: Page) -> None:
        """A source that is one page learns its template from the site's pages it links to
        (`sources.siblings`), fetched whenever the page is read: their ticker and "Latest"
        box are the page's own today. One that cannot be fetched is passed over."""
        if not is_html(page):
            return
        wanted = _SIBLINGS
        candidates = sibling_pages(page.text or "", page.final_url, 3 * _SIBLINGS)
        while wanted and candidates:
            urls, candidates = candidates[:wanted], candidates[wanted:]
            for got in await asyncio.gather(*map(self._get, urls), return_exceptions=True):
                if isinstance(got, Page) and is_html(got) and self._sibling(page, got):
                    await self.reader.learn(replace(got, url=got.final_url))
                    wanted -= 1

    @staticmethod
    def _sibling(page: Page, other: Page) -> bool:
        """Another page of the page's site: not the page itself (a redirect, the same bytes),
        not a page elsewhere (a redirect off-site)."""
        return (
            not same_page(other.final_url, page.final_url)
            and other.body_hash != page.body_hash
            and same_site(other.final_url, page.final_url)
        )

    async def _fetch(
        self, url: str, rel: ReleaseState | None, gone: ReleaseState | None, link: Link | None
    ) -> Page | None:
        """The release's page (conditionally when it was read the same way before); None when
        the fetch failed, and what that means is recorded."""
        # A release read with other settings (selectors, extractor) needs its body again.
        conditional = (
            rel is not None and not self.options.refetch_all and rel.extract_sig == self.sig
        )
        try:
            return await self._get(
                url,
                etag=rel.etag if conditional and rel else None,
                last_modified=rel.last_modified if conditional and rel else None,
                confirm_gone=rel is not None,
            )
        except FetchError as err:
            said = outcome.after_fetch_error(err.kind, err.status, known=rel is not None,
                                             removed=gone is not None)  # fmt: skip
            if said.kind == "error":
                self.record.error(url, err.message, err.kind,
                                  None if rel else (link.title if link else None),
                                  new=rel is None)  # fmt: skip
            else:
                await self._apply(said, url, rel or gone, link, None)
            return None

    async def _before_reading(
        self, rel: ReleaseState | None, gone: ReleaseState | None, page: Page, found: Discovered
    ) -> Outcome | None:
        """What a known or removed release's page says before it is read (None: read it)."""
        if rel is not None:
            moved = None if page.not_modified else detect.moved_away(page, found.listing_urls)
            said = outcome.before_reading(rel, page, self.sig, moved)
            if said is None and await self.reader.same_statement(rel, page):
                said = outcome.UNCHANGED
            return said
        if gone is not None and detect.moved_away(page, found.listing_urls):
            return outcome.STILL_GONE
        return None

    async def _apply(
        self,
        said: Outcome,
        url: str,
        rel: ReleaseState | None,
        link: Link | None,
        page: Page | None,
        survey: PageSurvey | None = None,
        reading: Reading | None = None,
        doc: Document | None = None,
        before: Document | None = None,
    ) -> None:
        """Carry out what detection said about a release (`rel`: its state, or its state as
        removed when it is asked for again)."""
        mark = reading.fingerprint if reading else None
        if said.kind == "not_modified":
            assert rel is not None and page is not None
            self.record.not_modified(rel)
        elif said.kind == "unchanged":
            assert rel is not None and page is not None
            self.record.unchanged(rel, page)
        elif said.kind == "removed":
            assert rel is not None
            self.record.removed_release(rel, said.reason)
        elif said.kind == "still_gone":
            assert rel is not None
            self.record.still_gone(rel)
        elif said.kind == "error":
            self.record.error(url, said.reason, "bad_response", link.title if link else None,
                              new=True)  # fmt: skip
        elif said.kind == "hold_chrome":  # decided when the source's other pages are read
            assert rel is not None and page is not None and doc and before and reading
            # held until the source's pages are all read: without the decoded copy of its
            # body, which only reading needs
            self._held.append(HeldChrome(url, rel, link, replace(page, text=None), doc, before,
                                    said.paths, mark, reading.lines))  # fmt: skip
        elif said.kind == "record":
            assert page is not None and doc is not None
            self.record.document(url, rel, link, page, doc, before=before, mark=mark)
        else:  # "hold", "hold_restored": a page that may be no statement
            assert page is not None
            restored = said.kind == "hold_restored"
            await self.holding.hold(url, rel, link, page, survey, reading, doc=doc,
                                    before=before, restored=restored)  # fmt: skip

    # --- releases decided with the source's other pages ------------------------------------

    def _decide_held(self) -> None:
        """Releases whose readings differ only in short lines: chrome, or an edit reported as
        usual (`outcome.chrome_verdicts`). Only pages decided as chrome are remembered as
        evidence, so a reported edit never silences a later one."""
        view = self.reader.template()
        verdicts = outcome.chrome_verdicts([(held.paths, held.lines) for held in self._held],
                                           view.regions, self.profile.is_volatile)  # fmt: skip
        for held, chrome in zip(self._held, verdicts, strict=True):
            if chrome:
                self.profile.learn_volatile(held.url, [key for place in held.paths
                                                       for key, _ in outcome.place_keys(place)])
                # kept silently, so that a later edit shows alone, when the new reading sheds
                # lines, or when it is a PDF's (its bytes change only when it is re-issued)
                if held.page.is_pdf or outcome.sheds_lines(held.before, held.doc):
                    self.record.reread(held.rel, held.page, held.doc, held.mark)
                else:
                    self.record.unchanged(held.rel, held.page)  # the stored text stands
            else:
                self.record.document(held.url, held.rel, held.link, held.page, held.doc,
                                     before=held.before, mark=held.mark)  # fmt: skip
        self._held.clear()

    def _decide_pending(self) -> None:
        """Store the held releases, but for the pages that are no statement (`site_page`):
        those are error items, and nothing of them is stored."""
        for held, reason in self.holding.decide():
            if reason or held.doc is None:
                self.record.error(held.url, reason or held.failure or "",
                                  "not_a_statement" if reason else "bad_response",
                                  held.link.title if held.link else None,
                                  new=held.rel is None or held.restored)  # fmt: skip
                self.record.not_statements += bool(reason)
            elif held.restored:
                assert held.rel is not None
                self.record.restored(held.url, held.rel, held.link, self.holding.page(held),
                                     held.doc, held.before, held.mark)  # fmt: skip
            else:
                self.record.document(held.url, held.rel, held.link, self.holding.page(held),
                                     held.doc, before=held.before, mark=held.mark)  # fmt: skip


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
    options.matcher.catch_up()
    with store.sources_locked([src.name for src in selected], options.lock_wait):
        return await _run_locked(config, store, options, selected)


async def _run_locked(
    config: Config, store: Store, options: CheckOptions, selected: list[SourceConfig]
) -> CheckReport:
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
