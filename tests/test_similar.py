"""Related releases: same-event coverage across sources, near-duplicates, Khmer, persistence."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from monitor.context.similar import DEFAULT_MIN_SCORE, SimilarityIndex

DATA = Path(__file__).parent / "data" / "themes"
LABELS = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
# The corpus these tests were written against: the releases added for issue 13 (many ASEAN
# summit look-alikes) make "ASEAN" and "summit" common words and lower same-subject scores (the
# ministerial a month before the summit drops under the threshold); the related-release part of
# issue 13 (events, not templates) is still open.
FILES = sorted(e["file"] for e in LABELS["releases"] if e.get("added") != "issue 13")
TITLES = {e["file"]: e["title"] for e in LABELS["releases"] if e.get("title")}

AKP = "seeds/akp-2020-11-15-asean-un-summit-pko.txt"
MINISTERIAL = "seeds/mfaic-2020-10-21-asean-un-ministerial.txt"
BILATERAL = "seeds/mfaic-2022-11-13-pm-guterres-bilateral.txt"
SUMMIT = "written/pos-mfaic-11th-asean-un-summit.txt"
KHMER = "written/pos-khmer-cmac-clearance.txt"


def release(name: str) -> tuple[str, str]:
    """Title and text, read as test_themes reads the labelled files."""
    raw = (DATA / name).read_text("utf-8")
    title = TITLES.get(name)
    if raw.startswith("Title:"):  # a demo sample: headers, a blank line, the text
        header, _, raw = raw.partition("\n\n")
        title = header.splitlines()[0].removeprefix("Title:").strip()
    lines = [ln.strip().strip("*").strip() for ln in raw.splitlines()]
    lines = [ln for ln in lines if ln]
    if title:
        return title, "\n\n".join(lines)
    return lines[0], "\n\n".join(lines[1:])


def doc_id(name: str) -> int:
    return FILES.index(name) + 1


def name_of(found: list[tuple[int, float]]) -> list[str]:
    return [FILES[i - 1] for i, _ in found]


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> SimilarityIndex:
    conn = sqlite3.connect(tmp_path_factory.mktemp("sim") / "store.db")
    idx = SimilarityIndex(conn)
    assert idx.add_many((doc_id(f), *release(f)) for f in FILES) == len(FILES)
    return idx


def without(name: str) -> set[int]:
    return {doc_id(name)}


def test_same_summit_across_sources_ranks_first(index):
    found = index.query(*release(AKP), exclude=without(AKP))
    assert name_of(found)[0] == SUMMIT  # the ministry's release on the same summit
    assert found[0][1] >= 50
    # the ASEAN-UN ministerial a month earlier is another event: below the summit (issue 13
    # asks for events over subjects; it was related on its subject before)
    assert MINISTERIAL not in name_of(found)[:1]


def test_ministry_release_finds_the_news_agency_article(index):
    # on the same summit; the ministerial a month earlier, another event, need not find it
    assert AKP in name_of(index.query(*release(SUMMIT), exclude=without(SUMMIT)))


def test_scores_are_sorted_and_above_the_threshold(index):
    found = index.query(*release(AKP), k=10, exclude=without(AKP))
    scores = [s for _, s in found]
    assert scores == sorted(scores, reverse=True)
    assert all(DEFAULT_MIN_SCORE <= s <= 100 for s in scores)


def test_unrelated_releases_stay_below_the_threshold(index):
    bank = "centralbank/bank_negara_malaysia_03-03-2020.txt"
    asean_un = {e["file"] for e in LABELS["releases"] if "asean-un" in e["themes"]}
    assert not asean_un & set(name_of(index.query(*release(bank), k=20, exclude=without(bank))))
    found = index.query(*release(AKP), k=20, exclude=without(AKP))
    assert not [n for n in name_of(found) if n.startswith("centralbank/")]
    visa = "written/neg-visa-notice.txt"
    found = name_of(index.query(*release(visa), k=20, exclude=without(visa)))
    themed = {e["file"] for e in LABELS["releases"] if e["themes"]}
    assert not themed & set(found)  # the demo's consular notice may relate; no summit does


def test_lightly_edited_copy_is_a_near_duplicate(index):
    title, text = release(BILATERAL)
    sentences = text.split(". ")
    del sentences[3]
    edited = ". ".join(sentences).replace("13 November 2022", "14 November 2022")
    edited = edited.replace("satisfaction", "pleasure").replace("Samdech Techo", "Samdech")
    found = index.query(title, edited)
    assert name_of(found)[0] == BILATERAL
    assert found[0][1] >= 90


def test_khmer_near_duplicate_is_found(index):
    title, text = release(KHMER)
    edited = text.replace("១២,៥", "១៣").replace(" និងឧត្តរមានជ័យ", "")
    found = index.query(title.replace("ជាង ១២", "ជាង ១៣"), edited)
    assert name_of(found)[0] == KHMER
    assert found[0][1] >= 90


KHMER_PROGRESS = "samples/khmer-press-release-mine-clearance-progress-2024.txt"
ENGLISH_PROGRESS = "samples/cmaa-and-cmac-report-progress-in-mine-clearance-for-2023.txt"
KHMER_GOLD = "written/neg-khmer-gold-exploration.txt"
ENGLISH_GOLD = "written/neg-mining-concession.txt"
KHMER_SUMMIT = "written/pos-khmer-asean-un-summit.txt"


@pytest.mark.parametrize(
    ("khmer", "english"),
    [(KHMER_PROGRESS, ENGLISH_PROGRESS), (KHMER_GOLD, ENGLISH_GOLD)],
)
def test_khmer_and_english_releases_on_one_event_are_related(index, khmer, english):
    """Across scripts only bridge features are shared: places, bodies, names, dates, numbers
    (the Khmer ones through the glossary)."""
    found = index.query(*release(khmer), exclude=without(khmer))
    assert name_of(found)[0] == english and found[0][1] >= DEFAULT_MIN_SCORE
    back = index.query(*release(english), exclude=without(english))
    assert khmer in name_of(back)


def test_cross_language_links_need_more_than_a_year_and_a_country(index):
    gold = name_of(index.query(*release(KHMER_GOLD), exclude=without(KHMER_GOLD)))
    assert not set(gold) & {ENGLISH_PROGRESS, "written/pos-cmaa-mine-awareness-day.txt"}
    summit = name_of(index.query(*release(KHMER_SUMMIT), k=10, exclude=without(KHMER_SUMMIT)))
    assert summit and all("asean" in f or "summit" in f or "un-" in f for f in summit), summit
    assert not any(f.startswith(("thaigov/", "centralbank/")) for f in summit)


def test_glossary_reads_khmer_compounds_not_their_parts():
    from monitor.context.glossary import english_words

    assert english_words("ថ្ងៃទី១៥ ខែមីនា ឆ្នាំ២០២៤") == ["march"]  # មីនា: March, not a mine
    assert "demining mine clearance" in english_words("ការងារបោសសម្អាតមីន")
    assert english_words("តុលាការកំពូល") == []  # the Supreme Court: no October, no summit
    assert english_words("Only English here") == []
    spaced = english_words("សម្តេច ហ៊ុន សែន និង លោក ហ្គូតេរ៉េស")
    assert "hun sen" in spaced and "guterres" in spaced


def test_exclude_leaves_out_the_release_itself(index):
    assert name_of(index.query(*release(SUMMIT)))[0] == SUMMIT
    found = index.query(*release(SUMMIT), k=20, exclude={doc_id(SUMMIT), doc_id(AKP)})
    assert SUMMIT not in name_of(found) and AKP not in name_of(found)
    assert MINISTERIAL in name_of(found)


def test_k_limits_the_answer(index):
    assert len(index.query(*release(SUMMIT), k=1)) == 1


def test_persists_across_connections_and_forgets_removed_releases(tmp_path):
    path = tmp_path / "store.db"
    conn = sqlite3.connect(path)
    idx = SimilarityIndex(conn)
    for name in (AKP, SUMMIT, BILATERAL):
        idx.add(doc_id(name), *release(name))
    conn.close()

    conn = sqlite3.connect(path)
    idx = SimilarityIndex(conn)
    assert len(idx) == 3
    assert name_of(idx.query(*release(AKP), exclude=without(AKP)))[0] == SUMMIT
    idx.remove(doc_id(SUMMIT))
    conn.close()

    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row  # the store's connections return rows by name
    idx = SimilarityIndex(conn)
    assert len(idx) == 2
    assert SUMMIT not in name_of(idx.query(*release(AKP), exclude=without(AKP)))
    left = conn.execute("SELECT count(*) FROM sim_postings WHERE doc_id = ?", (doc_id(SUMMIT),))
    assert left.fetchone()[0] == 0


def test_adding_again_replaces_and_document_frequencies_stay_exact(tmp_path):
    conn = sqlite3.connect(tmp_path / "store.db")
    idx = SimilarityIndex(conn)
    idx.add(1, *release(AKP))
    idx.add(2, *release(MINISTERIAL))
    before = conn.execute("SELECT feature, df FROM sim_df ORDER BY feature").fetchall()
    idx.add(2, *release(BILATERAL))
    idx.add(2, *release(MINISTERIAL))
    assert len(idx) == 2
    assert conn.execute("SELECT feature, df FROM sim_df ORDER BY feature").fetchall() == before
    idx.add_many([(3, *release(BILATERAL)), (3, *release(AKP))])  # a repeated id: last wins
    assert (3, 100.0) in idx.query(*release(AKP))
    assert all(s < 90 for i, s in idx.query(*release(BILATERAL)) if i == 3)
    idx.remove(3)
    assert conn.execute("SELECT feature, df FROM sim_df ORDER BY feature").fetchall() == before
    idx.remove(1)
    idx.remove(2)
    idx.remove(99)
    assert len(idx) == 0
    assert conn.execute("SELECT count(*) FROM sim_df").fetchone()[0] == 0


def test_writes_join_the_callers_transaction(tmp_path):
    conn = sqlite3.connect(tmp_path / "store.db")
    idx = SimilarityIndex(conn)
    conn.execute("CREATE TABLE releases (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.execute("INSERT INTO releases VALUES (1)")  # the caller's transaction is open
    idx.add(1, *release(AKP))
    conn.rollback()
    assert len(idx) == 0
    assert conn.execute("SELECT count(*) FROM sim_docs").fetchone()[0] == 0


def test_empty_index_and_empty_text():
    idx = SimilarityIndex(sqlite3.connect(":memory:"))
    assert idx.query(*release(AKP)) == []
    idx.add(1, *release(AKP))
    assert idx.query("", "") == []


RELATED = Path(__file__).parent / "data" / "related" / "texts"


def _attorney_general(source: int) -> tuple[SimilarityIndex, list[str]]:
    """The California attorney general's 15 real releases, of one source (or of none: 0)."""
    paths = sorted(RELATED.glob("ag-california-*.txt"))
    idx = SimilarityIndex(sqlite3.connect(":memory:"), min_score=0)
    docs = [p.read_text("utf-8").partition("\n\n") for p in paths]
    idx.add_many((i, t.strip(), x.strip(), source) for i, (t, _, x) in enumerate(docs, 1))
    return idx, [p.stem for p in paths]


def test_a_sources_boilerplate_is_discounted_once_learned():
    """Its letterhead, sign-off and formulas ("Attorney General Bonta today announced a
    settlement...") relate releases on different events; learned from its 12th release on."""

    def scores(source: int) -> dict[tuple[str, str], float]:
        idx, names = _attorney_general(source)
        out = {}
        for i, name in enumerate(names, 1):
            title, _, text = (RELATED / f"{name}.txt").read_text("utf-8").partition("\n\n")
            for j, score in idx.query(title, text, k=20, exclude={i}, source=source):
                out[name, names[j - 1]] = score
        return out

    known, unknown = scores(1), scores(0)
    assert max(known.values()) < DEFAULT_MIN_SCORE
    pair = ("ag-california-000", "ag-california-005")  # two settlements, other parties
    assert known[pair] < unknown[pair] * 2 / 3
    assert len(_attorney_general(1)[0].tables.boilerplate(1)[1]) > 20  # the template's features


def test_boilerplate_is_learned_at_steps_and_weighs_by_share():
    from monitor.context import boilerplate

    assert not boilerplate.due(0, boilerplate.MIN_COUNT - 1)
    assert boilerplate.due(boilerplate.MIN_COUNT - 1, boilerplate.MIN_COUNT)
    assert boilerplate.due(5, 6)  # while a source has few releases: at each one
    assert boilerplate.due(boilerplate.MIN_SOURCE_DOCS - 1, boilerplate.MIN_SOURCE_DOCS)
    assert not boilerplate.due(boilerplate.MIN_SOURCE_DOCS, boilerplate.MIN_SOURCE_DOCS + 1)
    assert boilerplate.due(0, 5000)  # a bulk load learns it at once
    assert boilerplate.due(199, 200) and not boilerplate.due(201, 250)
    releases = [{1, 2, 10 + i} | ({3} if i % 4 == 0 else set()) for i in range(20)]
    features, weights = boilerplate.learn(releases)
    weight = dict(zip(features, weights, strict=True))
    assert weight[1] == weight[2] == 0  # on every release: ignored
    assert 0 < weight[3] < 100  # on a quarter: weighed down
    assert 10 not in weight  # on one release: the release's own
    # a few releases: only what is on every one of them (1 and 2, not 3, on two of five)
    assert boilerplate.learn(releases[:5]) == ([1, 2], [0, 0])
    assert boilerplate.learn(releases[:2]) == ([], [])  # too few to tell a template


LETTERHEAD = """Office of the Attorney General
202 North 9th Street
Richmond, Virginia 23219
FAX 804-786-1991
For media inquiries only, contact:"""
EVENTS = [
    ("Attorney General Settles With Two Drug Makers",
     "Two generic drug makers agreed to pay $17.85 million to settle claims that they conspired "
     "to inflate prices of prescription drugs, with a coalition of 48 states."),
    ("Attorney General Sues Over Air Rule",
     "The state joined a lawsuit to stop the federal environmental agency from letting large "
     "factories escape the limits on toxic emissions that protect the air we breathe."),
    ("Attorney General Warns of Holiday Scams",
     "Consumers should beware of fake charities and parcel-delivery text messages asking for "
     "card numbers; report them to the consumer protection section."),
    ("Attorney General Announces Opioid Grants",
     "Eleven counties will share $3.2 million from the opioid settlement fund for treatment "
     "beds, recovery housing and naloxone for first responders."),
]


def _letterheaded(source: int) -> SimilarityIndex:
    """A letterheaded source's releases (1-4) among other press rooms' real ones (from 101)."""
    idx = SimilarityIndex(sqlite3.connect(":memory:"), min_score=0)
    paths = sorted(RELATED.glob("*.txt"))
    rooms = {room: n for n, room in enumerate(sorted({p.stem[:-4] for p in paths}), 100)}
    docs = [(p.stem[:-4], p.read_text("utf-8").partition("\n\n")) for p in paths]
    idx.add_many((i, t.strip(), x.strip(), rooms[room]) for i, (room, (t, _, x)) in
                 enumerate(docs, 101))  # fmt: skip
    for i, (title, text) in enumerate(EVENTS, 1):  # the last one without: not on every one
        idx.add(i, title, f"{LETTERHEAD}\n{text}" if i < len(EVENTS) else text, source)
    return idx


def test_a_sources_template_lines_are_left_out_from_its_third_release():
    """A letterhead relates releases on different events, until the index knows it for the
    source's template: from its third release, though not on every one (and so not yet
    boilerplate by share)."""
    title, text = EVENTS[0]
    unknown = dict(_letterheaded(0).query(title, f"{LETTERHEAD}\n{text}", k=5, exclude={1}))
    known = _letterheaded(7)
    assert min(unknown[i] for i in (2, 3)) >= DEFAULT_MIN_SCORE  # the letterhead relates them
    found = dict(known.query(title, f"{LETTERHEAD}\n{text}", k=500, exclude={1}, source=7))
    # its own releases on other events (another press room's release on this very settlement,
    # ag-connecticut-000, is related, as it should be)
    assert max(found[i] for i in (2, 3, 4)) < DEFAULT_MIN_SCORE
    new = "A new release on another event: the state's parks reopen after the storm."
    found = known.query("Parks Reopen", f"{LETTERHEAD}\n{new}", k=5, source=7)
    assert max(score for _, score in found) < DEFAULT_MIN_SCORE
    # two releases are not enough to tell a template from a shared story
    two = SimilarityIndex(sqlite3.connect(":memory:"), min_score=0)
    for i, (t, x) in enumerate(EVENTS[:2], 1):
        two.add(i, t, f"{LETTERHEAD}\n{x}", 7)
    assert two.tables.line_counts(7, boilerplate_lines(LETTERHEAD)) == {
        k: 2 for k in boilerplate_lines(LETTERHEAD)
    }


def test_template_lines_are_counted_again_when_releases_leave():
    idx = _letterheaded(7)
    keys = boilerplate_lines(LETTERHEAD)
    assert set(idx.tables.line_counts(7, keys).values()) == {3}
    idx.add(2, *EVENTS[1], 7)  # replaced by a version without the letterhead
    idx.remove(3)
    assert set(idx.tables.line_counts(7, keys).values()) == {1}
    for i in (1, 4):
        idx.remove(i)
    left = idx.conn.execute("SELECT line FROM sim_lines WHERE source = 7").fetchall()
    assert {line for (line,) in left} == boilerplate_lines(EVENTS[1][1])


def boilerplate_lines(text: str) -> frozenset[int]:
    from monitor.context import boilerplate

    return boilerplate.lines_of(text)
