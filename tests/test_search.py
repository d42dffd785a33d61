"""Search through the index, on both catalogues (SQLite's FTS5; PostgreSQL's tsvector and
trigrams): scripts without spaces, hostile query syntax, edits, accents, ranking, and a store
made before the index."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from monitor.context.search import SearchIndexMissing, search
from monitor.errors import StoreError
from monitor.models import Document, Event, Page
from monitor.store import postgres, search_index
from monitor.store.catalogue import Store

from .conftest import DATA

WRITTEN = DATA / "themes" / "written"


def _read(path: Path) -> tuple[str, tuple[str, ...]]:
    """A test text: the title on the first line, paragraphs after it."""
    title, *rest = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")]
    return title, tuple(p for p in rest if p)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def store_root(request, tmp_path):
    """A store folder; its catalogue SQLite's file, or the test's PostgreSQL schema."""
    root = tmp_path / "snapshots"
    if request.param == "postgresql":
        postgres.use(root, request.getfixturevalue("pg_url"))
    yield root
    postgres.use(root, None)


class Archive:
    """A real store written through the store API, as a check writes it."""

    def __init__(self, root: Path):
        self.root = root
        self.store = Store.open(root)
        self.src = self.store.source("ministry", "https://ministry.example/news/")

    def put(self, slug: str, title: str, paragraphs: tuple[str, ...]) -> int:
        url = f"https://ministry.example/news/{slug}"
        release = self.store.releases(self.src.id, state=None).get(url)
        release_id, _ = self.store.record_version(
            source_id=self.src.id, source_name=self.src.name, release=release,
            page=Page(url, url, 200, "text/html", body=title.encode()),
            doc=Document(url, title, paragraphs), extract_sig="test", check_id=None, event=None,
        )  # fmt: skip
        return release_id

    def urls(self, query: str, limit: int = 10) -> list[str]:
        return [h.url.rsplit("/", 1)[1] for h in search(self.store, query, limit=limit)]

    def check_index(self) -> None:
        _check_index(self.store)


def _check_index(store: Store) -> None:
    """The index holds exactly each release's latest version (fails on a stale or missing row)."""
    search_index.check(store.conn)


@pytest.fixture
def archive(store_root):
    arch = Archive(store_root)
    for path in sorted(WRITTEN.glob("*khmer*.txt")):
        arch.put(path.stem, *_read(path))
    arch.put("thai", *_read(DATA / "themes" / "thaigov" / "thaigov-2025-09-03-th-th-1.txt"))
    arch.put("clearance-title", "Mine clearance in Battambang", ("Teams worked all month.",))
    arch.put("phrase-body", "Monthly report", ("The report covers mine clearance in the north.",))
    arch.put("all-words", "Field notes", ("Clearance of land continued; one mine was found.",))
    arch.put("one-word", "Visit", ("A mine of information about the visit.",))
    arch.put("accents", "Visit to Phnôm Pénh", ("The minister arrived in Phnôm Pénh on Monday.",))
    yield arch
    arch.store.close()


def test_khmer_and_thai_queries_find_their_release(archive):
    # "clearance" (បោសសម្អាត) is in the demining release's title and text, not in the others
    assert archive.urls("បោសសម្អាត")[0] == "pos-khmer-cmac-clearance"
    # a word in the middle of a run without spaces: "Cambodian mine action centre"
    assert archive.urls("សកម្មភាពកំចាត់មីន") == ["pos-khmer-cmac-clearance"]
    assert archive.urls("กัมพูชา")[0] == "thai"  # "Cambodia" in Thai
    # two characters are too short for the trigram index: the titles are read instead
    hits = search(archive.store, "ខែ")
    assert hits and all("ខែ" in h.title for h in hits)
    assert "pos-khmer-cmac-clearance" in [h.url.rsplit("/", 1)[1] for h in hits]
    snippet = search(archive.store, "សកម្មភាពកំចាត់មីន")[0].snippet
    assert "សកម្មភាពកំចាត់មីន" in snippet


@pytest.mark.parametrize(
    "query",
    ['"', '""', "*", "mine*", '"mine', "NEAR(mine clearance)", "mine NEAR clearance", "-mine",
     "mine -clearance", "title:mine", "body : clearance", "{title body}: mine", "mine AND",
     "OR", "NOT mine", "(mine", "mine)", "^mine", "mine + clearance", "'; DROP TABLE releases;--",
     "ស៊ី\"*", "ក*", "\\", "%_", "mine\x00clearance"],
)  # fmt: skip
def test_hostile_query_syntax_is_only_text(archive, query):
    hits = search(archive.store, query)  # never an FTS syntax error
    assert all(0 <= h.score <= 100 for h in hits)
    if "mine" in query and "NOT" not in query:
        assert hits and "mine" in (hits[0].title + hits[0].snippet).lower()
    assert archive.store.conn.execute("SELECT COUNT(*) FROM releases").fetchone()[0] == 9


def test_an_edit_updates_the_index_and_a_removed_release_stays(archive):
    archive.put("edited", "Port visit", ("The frigate Zanzibarite docked at the port.",))
    assert archive.urls("Zanzibarite") == ["edited"]
    archive.put("edited", "Port visit", ("The frigate Quetzalcoatlus docked at the port.",))
    assert archive.urls("Zanzibarite") == []
    assert archive.urls("Quetzalcoatlus") == ["edited"]
    archive.check_index()
    # a Khmer release edited: the trigram index follows too
    title, paragraphs = _read(WRITTEN / "pos-khmer-cmac-clearance.txt")
    archive.put("pos-khmer-cmac-clearance", title, (*paragraphs[1:], "ស្វាគមន៍ថ្មី"))
    assert archive.urls("ស្វាគមន៍ថ្មី") == ["pos-khmer-cmac-clearance"]
    assert archive.urls("សកម្មភាពកំចាត់មីន") == []  # only in the paragraph taken out
    archive.check_index()
    # removed from the site: still found, as every stored release is
    release = archive.store.releases(archive.src.id)["https://ministry.example/news/edited"]
    archive.store.record_removed(release, Event("removed", "ministry", release.url, "x"), None)
    assert archive.urls("Quetzalcoatlus") == ["edited"]


def test_accents_and_case_are_folded(archive):
    for query in ("Phnom Penh", "phnôm pénh", "PHNOM PENH"):
        hits = search(archive.store, query)
        assert hits[0].url.endswith("/accents") and hits[0].score >= 90, query
        assert "Phnôm Pénh" in hits[0].snippet
    archive.put("plain", "Notes", ("Talks were held in Phnom Penh.",))
    assert set(archive.urls("Phnôm Pénh")) == {"accents", "plain"}


@pytest.mark.parametrize("budget", [4000, 1])
def test_phrase_beats_all_words_beats_some_and_titles_break_ties(archive, monkeypatch, budget):
    # budget 1: more matches than the index ranks; it hands over the newest, ordered here alike
    monkeypatch.setattr(search_index, "RANK_BUDGET", budget)
    hits = search(archive.store, "mine clearance")
    order = [h.url.rsplit("/", 1)[1] for h in hits]
    # the phrase (title first), then both words apart, then one word
    assert order[:4] == ["clearance-title", "phrase-body", "all-words", "one-word"], order
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True) and 90 <= scores[0] <= 100
    assert scores[1] >= 90 > scores[2] >= 75 > scores[3] >= 30
    assert "mine clearance" in hits[1].snippet
    # one word misspelt: the other word finds the release, its title ranks it first
    assert archive.urls("Battambang clearence")[0] == "clearance-title"
    # every word misspelt: found by their openings ("Battam", "clear"), the title decides
    hits = search(archive.store, "Battambnag clearence")
    assert hits[0].url.endswith("/clearance-title") and hits[0].score < 75
    assert archive.urls("Qwxzvbn") == []


def test_an_emptied_index_is_built_again_in_batches_at_open(store_root, monkeypatch, caplog):
    """As for a store made before the index (test_store.py opens real ones): a reader is told
    to wait for a writer, the next writer indexes every release, a batch a transaction."""
    root = store_root
    arch = Archive(root)
    for i in range(7):
        arch.put(f"r{i}", f"Release {i}", (f"Statement number{i} on mine clearance.",))
    search_index.reset(arch.store.conn)
    with pytest.raises(StoreError, match="the search index is wrong"):
        _check_index(arch.store)  # emptied: every release is missing from it
    arch.store.close()
    with Store.open(root, readonly=True) as reader, pytest.raises(SearchIndexMissing) as exc:
        search(reader, "mine")
    assert "monitor check" in str(exc.value)
    monkeypatch.setattr(search_index, "LOUD_BUILD", 5)
    monkeypatch.setattr(search_index, "BATCH", 3)
    with caplog.at_level(logging.WARNING, logger="monitor.store.search_index"):
        Store.open(root).close()  # a writer opening it builds the index
    assert "building the search index of 7 releases" in caplog.text
    assert "search index built: 7 releases" in caplog.text
    with Store.open(root, readonly=True) as reader:
        assert [h.url.rsplit("/", 1)[1] for h in search(reader, "number4")] == ["r4"]
        assert len(search(reader, "mine clearance", limit=20)) == 7
    with Store.open(root) as writer:  # the next writer finds it done: nothing to do
        assert search_index.build(writer.conn) == 0
        _check_index(writer)


@pytest.mark.slow
def test_without_pg_trgm_khmer_is_still_found_on_postgresql(pg_url, tmp_path, monkeypatch, caplog):
    """A catalogue's user who may not create pg_trgm gets a warning and an index without
    trigrams: Khmer and Thai searches read every such release, and find the same."""
    from monitor.store import search_pg

    monkeypatch.setattr(search_pg, "TRIGRAMS", "pg_trgm_not_installed")
    root = tmp_path / "snapshots"
    postgres.use(root, pg_url)
    try:
        with caplog.at_level(logging.WARNING, logger="monitor.store.search_pg"):
            arch = Archive(root)
        assert "no trigram index" in caplog.text and "CREATE EXTENSION pg_trgm" in caplog.text
        title, paragraphs = _read(WRITTEN / "pos-khmer-cmac-clearance.txt")
        arch.put("pos-khmer-cmac-clearance", title, paragraphs)
        arch.put("other", "Visit", ("A visit to the port.",))
        assert arch.urls("សកម្មភាពកំចាត់មីន") == ["pos-khmer-cmac-clearance"]
        indexes = arch.store.conn.execute(
            "SELECT indexname FROM pg_indexes "
            "WHERE schemaname = current_schema() AND tablename = 'release_search'"
        )
        assert {r[0] for r in indexes} == {"release_search_pkey", "release_search_words"}
        arch.store.close()
    finally:
        postgres.use(root, None)
