"""One source's check, written down: each outcome into the store and the report.

The only part of a check that writes about releases; what to write is decided in
`detect/outcome.py`. A version and its event are committed together (`Store.record_version`),
so a check stopped anywhere never leaves a version nobody was told about.
"""

from __future__ import annotations

from typing import NamedTuple

from monitor.context.matching import Lookup, Matcher
from monitor.detect import outcome
from monitor.detect.diff import diff_paragraphs
from monitor.digest.diffhtml import diff_html
from monitor.models import (
    CheckError,
    CheckReport,
    Document,
    Event,
    Link,
    Page,
    ReleaseState,
    SourceResult,
    Standing,
)
from monitor.store.catalogue import SourceState, Store

_STANDING_BATCH = 100  # releases whose text stands, written in one transaction
_UNMARKED_KEPT = 32  # pages stored before the source's statement region was known (`unmarked`)


class Unmarked(NamedTuple):
    """A release stored without the fingerprint of a reading in its source's statement region:
    its stored body (by `standing`'s body hash), as it was decoded, and what was read of it."""

    standing: Standing
    url: str
    content_type: str  # with the charset the page was decoded with
    paragraphs: tuple[str, ...]


class Recorder:
    """Writes one source's outcomes. `failed_new`: a new release (or one back after a removal)
    could not be stored, so the listing's validators are not saved and it is read again."""

    def __init__(
        self,
        name: str,
        url: str,
        state: SourceState,
        store: Store,
        report: CheckReport,
        result: SourceResult,
        extract_sig: str,
        matcher: Matcher | None,
        *,
        baseline: bool,
        known: dict[str, ReleaseState],
        removed: dict[str, ReleaseState],
    ):
        self.name, self.url, self.state, self.store = name, url, state, store
        self.report, self.result, self.sig, self.matcher = report, result, extract_sig, matcher
        self.baseline, self.known, self.removed = baseline, known, removed
        # new releases whose related releases the check looks up once they are stored
        self.lookups: list[Lookup] = []
        self._standing: list[Standing] = []
        # releases stored without the fingerprint of a reading in the source's statement
        # region (it was not learned yet): `ReleaseReader.marks`
        self.unmarked: list[Unmarked] = []
        self.failed_new = False
        self.not_statements = 0  # pages that were no statement (see `extract.site_page`)

    def error(
        self, url: str, message: str, kind: str, title: str | None = None, *, new: bool = False
    ) -> None:
        """An error item, titled with what the release was last known as. `new`: the release
        could not be stored."""
        if title is None:
            known = self.known.get(url) or self.removed.get(url)
            title = known.title if known and known.title else None
        if title is None and url == self.url:
            title = f"{self.name}: the source's page"
        self.report.errors.append(CheckError(self.name, url, message, kind, title or url))
        self.failed_new |= new

    def not_modified(self, rel: ReleaseState) -> None:
        self.result.not_modified += 1
        self._stands(Standing(rel.id, None))

    def unchanged(self, rel: ReleaseState, page: Page, mark: str | None = None) -> None:
        """The stored text stands. `mark`: the reading's fingerprint (extract.reading)."""
        self.result.unchanged += 1
        validators = None if page.not_modified else (page.etag, page.last_modified, page.body_hash)
        self._stands(Standing(rel.id, validators, self.sig, mark))

    def reread(self, rel: ReleaseState, page: Page, doc: Document, mark: str | None) -> None:
        """The ministry changed nothing, but the reading is kept: a version and no event."""
        self.result.unchanged += 1
        self._version(rel, page, doc, None, mark)

    def _stands(self, release: Standing) -> None:
        """Releases whose text stands are written a batch at a time (`flush`): one transaction
        a release was a tenth of a check that re-reads pages whose chrome changed. What a crash
        loses of them is when they were last fetched: they are fetched again, nothing more."""
        self._standing.append(release)
        if len(self._standing) >= _STANDING_BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the releases whose text stands (`_stands`): at the end of the source's check."""
        standing, self._standing = self._standing, []
        self.store.record_unchanged(standing)

    def still_gone(self, rel: ReleaseState) -> None:
        self.store.touch_fetched(rel)  # said once already

    def removed_release(self, rel: ReleaseState, reason: str) -> None:
        latest = self.store.latest_version(rel.id)
        event = Event(
            kind="removed",
            source=self.name,
            url=rel.url,
            title=(latest.title if latest else rel.title) or rel.url,
            date=rel.published,
            reason=reason,
            archived=self.store.archive.where(latest.text_path) if latest else None,
        )
        self.store.record_removed(rel, event, self.report.check_id)
        self.report.add(event)

    def restored(
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
        if outcome.restored(previous, doc, same_reading=outcome.same_reading(before, doc)):
            self.document(url, rel, link, page, doc, restored=True, before=before, mark=mark)
            return
        event = Event(kind="new", source=self.name, url=url, title=doc.title or url,
                      date=doc.date or (link.date if link else None), restored=True,
                      reason="back at its address, unchanged since it was removed")  # fmt: skip
        if self.matcher is not None:
            self.matcher.annotate(event, doc, rel.id, self.state.id)
        self.store.record_restored(rel, page, self.sig, event, self.report.check_id)
        self.report.add(event)

    def document(
        self,
        url: str,
        rel: ReleaseState | None,
        link: Link | None,
        page: Page,
        doc: Document,
        *,
        restored: bool = False,
        before: Document | None = None,
        mark: str | None = None,  # the reading's fingerprint (extract.regions.fingerprint)
    ) -> None:
        """A release's reading: a new version with its event, unless it says nothing new."""
        previous = self.store.latest_version(rel.id) if rel else None
        same_body = rel is not None and rel.body_hash == page.body_hash
        found = outcome.to_record(previous, doc, same_body=same_body,
                                  same_reading=outcome.same_reading(before, doc))  # fmt: skip
        if found == "unchanged":
            assert rel is not None
            self.unchanged(rel, page, mark)
            return
        if found == "reread":  # the ministry changed nothing: keep the reading, tell nobody
            assert rel is not None
            self.reread(rel, page, doc, mark)
            return
        event = Event(
            kind=found,
            source=self.name,
            url=url,
            title=doc.title or url,
            baseline=self.baseline and found == "new",
            date=doc.date or (link.date if link else None),
        )
        if found == "changed":
            assert previous is not None
            # the old body read like the new one: only the ministry's words differ
            old = before or previous
            changes = diff_paragraphs((old.title, *old.paragraphs), (doc.title, *doc.paragraphs))
            event.diff = changes.render_text()
            event.diff_html = diff_html(changes)
            event.previous_version_id = previous.id
            if restored:
                event.restored = True
                event.reason = "back at its address, edited since it was removed"
        if self.matcher is not None:
            self.matcher.annotate(event, doc, rel.id if rel else None, self.state.id,
                                  related=False)  # fmt: skip
        release_id = self._version(rel, page, doc, event, mark)
        if self.matcher is not None:
            themes = [m.theme for m in event.themes]
            self.matcher.remember_later(release_id, doc, self.state.id, themes)
            if event.kind == "new":
                self.lookups.append(Lookup(event, release_id, doc.title, doc.text, doc.url,
                                           self.state.id, themes))  # fmt: skip
        self.report.add(event)

    def _version(
        self,
        rel: ReleaseState | None,
        page: Page,
        doc: Document,
        event: Event | None,
        mark: str | None,
    ) -> int:
        release_id, _ = self.store.record_version(
            source_id=self.state.id, source_name=self.name, release=rel, page=page, doc=doc,
            extract_sig=self.sig, check_id=self.report.check_id, event=event, read_hash=mark,
        )  # fmt: skip
        if mark is None and page.body and not page.is_pdf and len(self.unmarked) < _UNMARKED_KEPT:
            validators = (page.etag, page.last_modified, page.body_hash)  # the stored body's
            standing = Standing(release_id, validators, self.sig)
            self.unmarked.append(Unmarked(standing, page.final_url or page.url,
                                          page.declared_type, doc.paragraphs))  # fmt: skip
        return release_id

    def marked(self, releases: list[Standing]) -> None:
        """The fingerprints of `unmarked` releases, as their stored reading's."""
        self.unmarked.clear()
        self.store.record_unchanged(releases)
