"""Releases held until the rest of their source is read, so a page that is no statement is
never stored (see `site_page`).

A maintenance page served at every release address reads, at each address, like an edit: only
the source's pages seen together tell it apart. So a check holds each release whose page would
be stored with an event (new, edited, back after a removal), or that gave no text, and decides
them in batches (`batch` releases, and the rest when the source's pages are all read), so a
check stopped half way keeps what it decided; a page alone in its batch is also compared with
the site's pages found earlier in the check. A held page's body waits in the store's raw files
(content-addressed, as a version would keep it), not in memory.

Two other kinds wait for the source's other pages: a release whose readings differ only in
short lines (`HeldChrome`: chrome if those lines changed on other pages too), and a known
release read as edited (`HeldEdit`: read again with the template the whole check taught, as
a redesign's first pages are read before their siblings show what is new chrome).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field, replace
from functools import partial

from monitor.detect.outcome import Outcome
from monitor.extract import Reading, Template, site_page
from monitor.extract.reading import PageLine
from monitor.extract.survey import PageSurvey, survey_page
from monitor.fetch.decode import decode_body
from monitor.fetch.pages import page_from_bytes
from monitor.models import Document, Link, Page
from monitor.store.catalogue import ReleaseState, Store, VersionText

_SITE_PAGES_KEPT = 8


@dataclass
class HeldChrome:
    """A release whose new reading differs from its old one only in short lines."""

    url: str
    rel: ReleaseState
    link: Link | None
    page: Page
    doc: Document
    before: Document
    paths: frozenset[str]
    mark: str | None
    lines: tuple[PageLine, ...]


@dataclass
class HeldEdit:
    """A known release read as edited, kept until its source's pages are all read, to be read
    again with the template as they taught it (`check.SourceCheck._confirm_edits`). Its body
    is kept, its decoded copy is not (`decoded` makes it again)."""

    url: str
    rel: ReleaseState
    link: Link | None
    page: Page
    survey: PageSurvey | None
    template: Template
    decided: tuple[Outcome, Reading, Document, Document | None]

    def decoded(self) -> Page:
        page = self.page
        if page.text is not None or page.is_pdf or not page.body:
            return page
        return replace(page, text=decode_body(page.body, page.declared_type, page.final_url)[0])


@dataclass
class HeldEdits:
    """A source's held edits, bounded: edits are few, but a redesign may make many pages read
    as edited at once; past the bounds an edit is decided when it is read, as before."""

    count: int = 64
    bytes: int = 32 << 20
    held: list[HeldEdit] = field(default_factory=list)
    size: int = 0

    def room(self, page: Page) -> bool:
        return len(self.held) < self.count and self.size + len(page.body or b"") <= self.bytes

    def add(self, edit: HeldEdit) -> None:
        self.held.append(edit)
        self.size += len(edit.page.body or b"")

    def take(self) -> list[HeldEdit]:
        held, self.held, self.size = self.held, [], 0
        return held


@dataclass
class Held:
    url: str
    rel: ReleaseState | None  # for a removed release that answers again: its state
    link: Link | None
    page: Page  # without its body: see `Holding.page`
    raw: str  # the body's raw hash ("" when the page gave no text)
    doc: Document | None  # None: the page gave no text, and `failure` says why
    before: Document | None  # the stored version's body read as this one was
    mark: str | None  # the reading's fingerprint
    observed: site_page.Observed
    restored: bool = False
    failure: str | None = None


class Holding:
    """One source's held releases, for one check."""

    def __init__(self, store: Store, pool: Executor, batch: int):
        self.store = store
        self.pool = pool
        self.batch = batch
        self.chrome: frozenset[int] = frozenset()  # the source's chrome as the check began
        self.regions = False  # the source has a learned statement region
        self._items: list[Held] = []
        self._site_pages: list[site_page.Observed] = []  # one of each found, for later batches

    @property
    def full(self) -> bool:
        return len(self._items) >= self.batch

    async def hold(
        self,
        url: str,
        rel: ReleaseState | None,
        link: Link | None,
        page: Page,
        survey: PageSurvey | None,
        reading: Reading | None,
        *,
        doc: Document | None = None,
        before: Document | None = None,
        restored: bool = False,
        failure: str | None = None,
    ) -> None:
        versions = self.store.versions(rel.id) if rel else []
        title = versions[-1].title if versions else (link.title if link else None)
        was_in_region = bool(rel and rel.read_hash and self.regions)
        observed = site_page.observe(
            url, survey, self.chrome,
            text=reading.document.comparable if reading else "", title=title,
            history=[f"{v.title}\n\n" + "\n\n".join(v.paragraphs) for v in versions],
            before=await self._stored_survey(versions[-1], page) if versions else None,
            left_region=was_in_region and (reading is None or reading.read_in is None),
        )  # fmt: skip
        raw = self.store.save_raw(page.body) if doc is not None else ""
        self._items.append(Held(
            url, rel, link, replace(page, body=b"", text=None), raw, doc, before,
            reading.fingerprint if reading else None, observed, restored, failure,
        ))  # fmt: skip

    async def _stored_survey(self, version: VersionText, page: Page) -> PageSurvey | None:
        """The survey of the page the release's stored version was read from."""
        if not version.raw_hash:
            return None
        try:
            raw = self.store.read_raw(version.raw_hash)
        except OSError:
            return None
        old = page_from_bytes(raw, version.final_url or page.url,
                              version.content_type or page.content_type)  # fmt: skip
        if not old.text or old.is_pdf:
            return None
        return await asyncio.get_running_loop().run_in_executor(
            self.pool, partial(survey_page, old.text, old.url)
        )

    def decide(self) -> Iterator[tuple[Held, str | None]]:
        """Each held release, with the reason its page is no statement (None: it is one)."""
        verdicts = site_page.judge([held.observed for held in self._items], self._site_pages)
        items, self._items = self._items, []
        for held in items:
            reason = verdicts.get(held.url)
            seen = self._site_pages
            if reason == site_page.SAME_PAGE and len(seen) < _SITE_PAGES_KEPT and not any(
                site_page.same_page(held.observed, o) for o in seen
            ):
                seen.append(held.observed)  # a page of the site not seen before
            yield held, reason

    def page(self, held: Held) -> Page:
        """The held page with its body again, to store."""
        return replace(held.page, body=self.store.read_raw(held.raw))
