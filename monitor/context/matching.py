"""Context for each release: its themes (with evidence) and the most similar earlier releases.

Runs inside a check, on the documents being stored; reads and writes the store's SQLite file
(the similarity index lives in `sim_` tables beside the catalogue).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from monitor.config import Config
from monitor.context.corpus import (
    CORPUS_SOURCE,
    corpus_folders,
    corpus_page,
    documents,
    load_document,
)
from monitor.context.similar import SimilarityIndex
from monitor.context.themes import DEFAULT_MIN_SCORE, DEFAULT_THEMES, Theme, classify_themes
from monitor.models import Document, Event, Related
from monitor.store.catalogue import Store
from monitor.store.records import ReleaseText

log = logging.getLogger(__name__)

RELATED_LIMIT = 5
# A release on another event about one of the same themes is related when its text scores this
# much (a release on the same event scores 30 or more without it), and its score is raised by
# THEME_BONUS: the themes are the analyst's own subjects, and a theme is tagged only when it is
# what the release is about (precision 1.00 on the labelled set).
SUBJECT_FLOOR = 15.0
THEME_BONUS = 15.0


@dataclass
class Lookup:
    """A new release's related releases, to look up once it is stored (in a reading process,
    beside the check: `run.relating`); `Matcher.related(..., hits=...)` finishes them."""

    event: Event
    release_id: int
    title: str
    text: str
    url: str
    source_id: int
    themes: list[str]


# What a lookup made elsewhere asks the index for: enough for `related` with or without themes
HITS_WANTED = {"k": RELATED_LIMIT * 3 + 1, "min_score": SUBJECT_FLOOR}


def build_themes(config: Config, store: Store | None = None) -> list[Theme]:
    if config.themes is None:
        return list(DEFAULT_THEMES)
    themes = []
    for name, tc in config.themes.items():
        exemplars = tuple(t for t in (_exemplar(config, store, e) for e in tc.exemplars) if t)
        themes.append(
            Theme(
                name=name,
                terms=tuple(tc.terms),
                support=tuple(tc.support),
                exemplars=exemplars,
                min_score=tc.min_score if tc.min_score is not None else DEFAULT_MIN_SCORE,
            )
        )
    return themes


def _exemplar(config: Config, store: Store | None, ref: str) -> str | None:
    """An exemplar is a file (txt, html, pdf) or the URL of a release already in the store."""
    if ref.startswith(("http://", "https://")):
        if store is None:
            return None
        stored = store.latest_text(ref)
        if stored is None:
            log.warning("exemplar %s is not in the store yet; it counts once it is", ref)
            return None
        return f"{stored.title}\n{stored.body}"
    try:
        doc = load_document(config.resolve(ref))
    except (OSError, ValueError) as exc:
        log.warning("exemplar %s cannot be read: %s", ref, exc)
        return None
    return doc.title + "\n" + doc.text


class Matcher:
    """Tags themes and finds related releases; remembers every stored document."""

    def __init__(self, config: Config, store: Store):
        self.store = store
        self.themes = build_themes(config, store)
        self.index = SimilarityIndex(store.conn)
        # the themes each release is about, as this matcher tagged or read them: a release is
        # a candidate of many later ones (a baseline's, most of all), and tagging is not free
        self._about_cache: dict[int, frozenset[str]] = {}
        self._pending: dict[int, tuple[int, str, str, int]] = {}  # see `remember_later`
        if self.index.rebuilt:
            self.reindex()

    def annotate(
        self,
        event: Event,
        doc: Document,
        release_id: int | None,
        source_id: int = 0,
        *,
        related: bool = True,
    ) -> None:
        """Tag an event's themes and, for a new release unless `related` is False (a check
        looks them up once it is stored: `Lookup`), its related releases."""
        event.themes, event.mentions = classify_themes(doc.title, doc.paragraphs, self.themes)
        if event.kind == "new" and related:
            event.related = self.related(
                doc.title, doc.text, exclude=release_id, url=doc.url, source_id=source_id,
                themes=[m.theme for m in event.themes],
            )  # fmt: skip

    def related(
        self,
        title: str,
        text: str,
        *,
        exclude: int | None = None,
        url: str | None = None,
        source_id: int = 0,
        themes: Sequence[str] = (),
        hits: Sequence[tuple[int, float]] | None = None,
    ) -> list[Related]:
        """The most related stored releases. `source_id`: the source the text is from (its
        boilerplate is discounted), 0 when unknown; `themes`: the themes it is about. A release
        that tells another event on one of those themes and is close in its text
        (`SUBJECT_FLOOR`) is related too, its score raised by `THEME_BONUS`. `hits`: the
        index's answer, looked up elsewhere with `HITS_WANTED` (a reading process)."""
        floor = SUBJECT_FLOOR if themes else self.index.min_score
        k = RELATED_LIMIT * (3 if themes else 1) + 1
        if hits is None:
            self.flush()  # what this process stored is what the index answers from
            found = self.index.query(title, text, k=k, min_score=floor, source=source_id,
                                     exclude={exclude} if exclude else set())  # fmt: skip
        else:  # best first: those over the floor are the answer's first ones
            found = [(doc_id, score) for doc_id, score in hits if score >= floor][:k]
        out: list[Related] = []
        for doc_id, score in found:
            release = self.store.find_release(doc_id)
            if release is None or release.url == url:
                continue
            if score < self.index.min_score:
                if not self._about(doc_id, themes):
                    continue
                score = round(score + THEME_BONUS, 1)
            out.append(Related(url=release.url, title=release.title or release.url, score=score))
        out.sort(key=lambda r: -r.score)
        return out[:RELATED_LIMIT]

    def themes_of(self, title: str, text: str) -> list[str]:
        """The themes a text (paragraphs a line each, as `Document.text`) is about: what a
        check's event says of its release, for `related` to answer as the check did."""
        about, _ = classify_themes(title, tuple(text.split("\n")), self.themes)
        return [m.theme for m in about]

    def _about(self, release_id: int, themes: Sequence[str]) -> bool:
        """Whether a stored release is about one of these themes."""
        about = self._about_cache.get(release_id)
        if about is None:
            version = self.store.latest_version(release_id)
            if version is None:
                return False
            tagged, _ = classify_themes(version.title, version.paragraphs, self.themes)
            about = self._about_cache[release_id] = frozenset(m.theme for m in tagged)
        return not about.isdisjoint(themes)

    def remember(
        self,
        release_id: int,
        doc: Document,
        source_id: int = 0,
        about: Sequence[str] | None = None,
    ) -> None:
        """Index a stored release; `about`: the themes its event was tagged with, if any."""
        self.index.add(release_id, doc.title, doc.text, source_id)
        if about is not None:
            self._about_cache[release_id] = frozenset(about)
        else:
            self._about_cache.pop(release_id, None)

    def remember_later(
        self, release_id: int, doc: Document, source_id: int = 0, about: Sequence[str] = ()
    ) -> None:
        """`remember`, at the next `flush`: indexed together, releases cost a quarter of what
        they cost one by one (one transaction, one count of each source's lines). On
        PostgreSQL at once: its writers do not queue for one lock as SQLite's do, so a
        `catch_up` there could index a release another worker is about to."""
        if self.store.dialect != "sqlite":
            self.remember(release_id, doc, source_id, about)
            return
        self._pending[release_id] = (release_id, doc.title, doc.text, source_id)
        self._about_cache[release_id] = frozenset(about)

    def flush(self) -> None:
        """Index the releases remembered for later; before anything asks the index."""
        pending, self._pending = self._pending, {}
        if pending:
            self.index.add_many(pending.values())

    def catch_up(self) -> int:
        """Index the stored releases the index lacks: those a check stored and then stopped
        (killed, or its process gone) before it flushed them. SQLite only (see
        `remember_later`), where the write lock is taken before the read."""
        if self.store.dialect != "sqlite":
            return 0
        count = self._index(self.store.latest_texts(unindexed=True))
        if count:
            log.info("related-release index: %d stored releases indexed", count)
        return count

    def reindex(self) -> int:
        """Index every stored release again (after the index's layout changed)."""
        count = self._index(self.store.latest_texts())
        log.info("related-release index rebuilt: %d releases", count)
        return count

    def _index(self, texts: Iterable[ReleaseText]) -> int:
        return self.index.add_many((t.release_id, t.title, t.body, t.source_id) for t in texts)


def import_corpus(config: Config, store: Store, matcher: Matcher) -> int:
    """Store and index reference documents that are new or changed; no events. Returns count.

    The service's concurrent checks each start with this: one at a time, so the second finds
    the first's work done instead of storing the same documents again. Workers on the
    PostgreSQL catalogue hold the corpus's source lock for it, as a check holds its source's:
    two first checks in two processes would otherwise both insert the same documents."""
    with _IMPORTING, store.sources_locked([CORPUS_SOURCE]):
        return _import_corpus(config, store, matcher)


_IMPORTING = threading.Lock()


def _import_corpus(config: Config, store: Store, matcher: Matcher) -> int:
    state = store.source(CORPUS_SOURCE, "corpus:")
    known = store.releases(state.id)
    digests: dict[Path, str] = {}

    def unchanged(path: Path) -> bool:
        digests[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        return store.stored_page(path.resolve().as_uri()).body_hash == digests[path]

    imported = 0
    for path, doc in documents(corpus_folders(config), unchanged):
        rel = known.get(doc.url)
        page = corpus_page(path, doc)
        latest = store.latest_version(rel.id) if rel is not None else None
        if latest is None or latest.text_hash != doc.text_hash:
            release_id, _ = store.record_version(
                source_id=state.id, source_name=CORPUS_SOURCE, release=rel, page=page,
                doc=doc, extract_sig="corpus", check_id=None, event=None,
            )  # fmt: skip
            matcher.remember(release_id, doc, state.id)
            imported += 1
        store.save_page_validators(page)
    if imported:
        store.source_checked(state.id, error=None, baselined=True)
    return imported
