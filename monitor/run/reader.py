"""One source's release pages, read for a check: in the reading pool, with what the source's
pages share (its template profile), learning from each page as it arrives."""

from __future__ import annotations

import asyncio
from concurrent.futures import Executor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial

from monitor.config import SourceConfig
from monitor.errors import ExtractionError
from monitor.extract import Reading, Template, read_page, statement_unchanged
from monitor.extract.profile import SiteProfile
from monitor.extract.selectors import SelectorMiss
from monitor.extract.survey import PageSurvey, survey_page
from monitor.fetch.pages import page_from_bytes
from monitor.models import Document, Link, Page, ReleaseState, Standing, VersionText
from monitor.run.batches import Batches
from monitor.run.record import Unmarked
from monitor.run.workers import stored_mark
from monitor.store.catalogue import Store
from monitor.text.normalize import normalize


def is_html(page: Page) -> bool:
    return bool(page.text) and not page.is_pdf and page.content_type != "text/plain"


class ReleaseReader:
    """Reads one source's release pages. `missed`: each configured selector that found nothing,
    with the first page it missed on and how many pages it missed on."""

    def __init__(
        self,
        src: SourceConfig,
        store: Store,
        pool: Executor,
        profile: SiteProfile,
        extract_sig: str,
    ):
        self.src, self.store, self.pool, self.profile = src, store, pool, profile
        self.sig = extract_sig
        self._same = Batches(pool, statement_unchanged)  # see `run.batches`
        self._marks = Batches(pool, stored_mark)
        self.missed: dict[tuple[str, str], tuple[str, SelectorMiss, int]] = {}  # by selector
        self._site_names: set[str] = set()
        self.regions = True  # False for a source that is one page: see `template`
        self._without_regions: tuple[Template | None, Template] = (None, Template())

    def use_listing(self, site_names: set[str]) -> None:
        """The site's names, as the listing pages read this check show them in their chrome."""
        self._site_names = site_names

    def template(self) -> Template:
        """The source's template as a reading uses it. A region is where releases agree their
        statements are: a source that is one page has none to agree with (its readings, of
        one release, would count twice), so it never learns one, and one learned before (a
        ticker once read as its statement) is not used, nor its marks."""
        view = self.profile.view()
        if self.regions or not view.regions:
            return view
        if self._without_regions[0] is not view:  # one object per view: readings compare by it
            self._without_regions = (view, replace(view, regions=()))
        return self._without_regions[1]

    async def learn(self, page: Page) -> PageSurvey | None:
        """Learn from a page as soon as it arrives: releases fetched together are read after
        the others have been learned from, so even a source's first releases are read with
        what their siblings share. The page's survey is kept for `site_page`."""
        if not is_html(page):
            return None
        survey = await asyncio.get_running_loop().run_in_executor(
            self.pool, partial(survey_page, page.text or "", page.url)
        )
        if survey is not None:
            self.profile.learn(survey.keys)
        return survey

    async def read(
        self, url: str, page: Page, template: Template, *, learn: bool = True
    ) -> Reading:
        """The release's page read, and what it teaches the source (not when it is read again:
        a region counts the releases found in it). Raises ExtractionError when it holds no
        statement text."""
        reading = await self._read(page, template)
        if not learn:  # read again: learned from, and its selectors' misses counted, once
            return reading
        if reading.keys is not None:
            self.profile.learn(reading.keys, reading.region if self.regions else None)
        for miss in reading.missed:  # reported once per selector, when the source is read
            first, seen, pages = self.missed.get((miss.key, miss.selector), (url, miss, 0))
            self.missed[miss.key, miss.selector] = (first, seen, pages + 1)
        return reading

    async def same_statement(self, rel: ReleaseState, page: Page) -> bool:
        """New bytes, same statement: the page's region and headlines read as they did when
        the stored version was read (its chrome changed). Spares reading the page again."""
        template = self.template()
        if not (rel.read_hash and rel.title and rel.extract_sig == self.sig and template.regions):
            return False
        if not is_html(page):
            return False
        return await self._same.call(page.text, rel.read_hash, rel.title, template=template)

    async def marks(self, stored: list[Unmarked]) -> list[Standing]:
        """The marks of releases stored before the source's statement region was learned,
        now that it is, where a reading there reads what was stored (`workers.stored_mark`):
        the next check then knows them unchanged as it knows the others, instead of reading
        them in full once. Not with a `content` selector, which decides where such a
        source's statement is."""
        template = self.template()
        if not (stored and template.regions) or self.src.content:
            return []
        selectors = {"content": None, "title": self.src.title, "date": self.src.date}
        asked = [(it, self._marks.call(body, it.url, it.content_type, it.paragraphs,
                                       template=template, selectors=selectors))
                 for it in stored if (body := self._body(it.standing))]  # fmt: skip
        found = await asyncio.gather(*(call for _, call in asked), return_exceptions=True)
        return [replace(it.standing, read_hash=mark)
                for (it, _), mark in zip(asked, found, strict=True)
                if isinstance(mark, str)]  # fmt: skip

    def _body(self, standing: Standing) -> bytes | None:
        try:
            return self.store.read_raw(standing.validators[2]) if standing.validators else None
        except OSError:
            return None

    async def _read(self, page: Page, template: Template) -> Reading:
        return await asyncio.get_running_loop().run_in_executor(
            self.pool,
            partial(read_page, page, content=self.src.content, title=self.src.title,
                    date=self.src.date, template=template),
        )  # fmt: skip

    async def read_again(
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

    def with_listing_facts(
        self, doc: Document, link: Link | None, *, pdf: bool = False
    ) -> Document:
        """The listing's title and date for a release, where the page's own are chrome.

        A page whose only title is the site's name (`<title>Ministry of ...</title>`, a banner
        heading) yields the name the listing pages show in their title, logo or header; a
        header clock yields today's date where the listing dates the release earlier. A PDF
        has no byline: the dates in its text are the meeting's or the signature's, the
        listing's is the publication's.
        """
        if link is None:
            return doc
        title, date = doc.title, doc.date
        if link.title and (not title or (title != link.title and self._site_name(title))):
            title = link.title
        # "today" anywhere on Earth: a clock widget shows the site's own date
        recent = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
        if link.date and (not date or pdf or (date >= recent and link.date < date)):
            date = link.date
        if (title, date) == (doc.title, doc.date):
            return doc
        return Document(doc.url, title, doc.paragraphs, date, doc.language)

    def _site_name(self, text: str) -> bool:
        """Is `text` the site's name, as the listing pages show it in their chrome?"""
        return bool(text) and normalize(text).casefold() in self._site_names

