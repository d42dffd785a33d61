"""Themes and related releases as a check reports them, and the search/related commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import monitor
from monitor.store.catalogue import Store
from tests.test_cli import run

BILATERAL = "cambodian-prime-minister-un-secretary-general-hold-bilateral-meeting"
PKO = "cambodia-requests-un-for-more-resources-and-expertise-for-pko"
MINISTERIAL = "outcomes-of-the-asean-united-nations-ministerial-meeting"
CONSULAR = "notice-on-consular-services-during-the-khmer-new-year-holidays"
KOREA = "cambodia-and-korea-discuss-trade-and-investment-cooperation"


def _new(ministry):
    report = ministry.check()
    assert not report.errors
    return {e.url: e for e in report.new}


def test_new_releases_carry_themes_with_evidence(ministry):
    events = _new(ministry)
    bilateral = events[ministry.url(ministry.release(BILATERAL))]
    assert {t.theme for t in bilateral.themes} == {"asean-un", "demining"}
    demining = next(t for t in bilateral.themes if t.theme == "demining")
    terms = {term.lower() for term, _ in demining.evidence}
    assert {"demining", "landmines", "uxo"} & terms and any("mine-free" in t for t in terms)
    for term, sentence in demining.evidence:
        assert term.lower() in sentence.lower()  # evidence quotes the sentence it came from
    # a consular notice mentioning the UN in passing, and a trade statement about gold mines
    assert events[ministry.url(ministry.release(CONSULAR))].themes == []
    assert events[ministry.url(ministry.release(KOREA))].themes == []


def test_related_releases_cross_sources_and_the_starter_corpus(ministry):
    events = _new(ministry)
    pko = events[ministry.url(ministry.release(PKO))]
    urls = [r.url for r in pko.related]
    # the news agency's summit article is in the starter corpus: found as a near-duplicate
    assert any(u.endswith("akp-2020-11-15-asean-un-summit-pko.txt") for u in urls)
    assert pko.related[0].score >= 90
    assert all(0 <= r.score <= 100 for r in pko.related)
    assert [r.score for r in pko.related] == sorted((r.score for r in pko.related), reverse=True)
    korea = events[ministry.url(ministry.release(KOREA))]
    assert all(r.score < pko.related[0].score for r in korea.related)


def test_json_items_have_themes_and_related(ministry):
    config = ministry.write_config()
    data = json.loads(run("check", "--json", "--config", str(config)).stdout)
    by_url = {item["url"]: item for item in data["new"]}
    item = by_url[ministry.url(ministry.release(BILATERAL))]
    assert sorted(item["themes"]) == ["asean-un", "demining"]
    assert isinstance(item["related"], list)
    for listed in data["new"]:  # a theme is the subject or a mention, never both
        assert set(listed["mentions"]).isdisjoint(listed["themes"])
        assert [e["theme"] for e in listed["mention_evidence"]] == listed["mentions"]
    for rel in item["related"]:
        assert set(rel) == {"url", "title", "score"}


def test_themes_can_be_configured_or_switched_off(ministry):
    custom = ministry.config(themes={"mekong": {"terms": ["Mekong"]}})
    events = {e.url: e for e in ministry.check(custom).new}
    assert all(t.theme == "mekong" for e in events.values() for t in e.themes)
    ministry.root = ministry.root / "second"
    none = ministry.config(themes={})
    assert all(e.themes == [] for e in ministry.check(none).new)


def test_corpus_is_imported_once_without_events(ministry):
    ministry.check()
    ministry.check()
    config = ministry.config()
    with Store.open(config.snapshots_dir, readonly=True) as store:
        corpus = store.find_source("corpus")
        assert corpus is not None and len(store.releases(corpus.id)) == 3
        rows = store.conn.execute(
            "SELECT COUNT(*) FROM versions v JOIN releases r ON r.id = v.release_id "
            "WHERE r.source_id = ?", (corpus.id,)).fetchone()[0]  # fmt: skip
        assert rows == 3
        kinds = {e.source for e in store.events()}
        assert "corpus" not in kinds


def test_search_and_related_commands(ministry):
    config = ministry.write_config()
    run("check", "--json", "--config", str(config))
    found = run("search", "mine clearance progress", "--json", "--config", str(config))
    assert found.returncode == 0, found.stderr
    hits = [json.loads(line) for line in found.stdout.splitlines()]
    assert hits and "Mine Clearance" in hits[0]["title"] and hits[0]["snippet"]
    misspelt = run("search", "Secretary-Genral Guteres", "--json", "--config", str(config))
    titles = [json.loads(line)["title"] for line in misspelt.stdout.splitlines()]
    assert any("Secretary-General" in t for t in titles[:3])
    url = ministry.url(ministry.release(PKO))
    rel = run("related", url, "--json", "--config", str(config))
    assert rel.returncode == 0, rel.stderr
    data = json.loads(rel.stdout)
    assert data["url"] == url and data["related"] and data["related"][0]["url"] != url
    missing = run("related", "https://nowhere.example/x", "--config", str(config))
    assert missing.returncode == 2 and "search" in missing.stderr
    seed = Path(monitor.__file__).parent / "corpus" / "akp-2020-11-15-asean-un-summit-pko.txt"
    by_file = json.loads(run("related", str(seed), "--json", "--config", str(config)).stdout)
    assert by_file["related"] and seed.resolve().as_uri() not in {
        r["url"] for r in by_file["related"]
    }  # the starter corpus holds this very file: it is not related to itself


@pytest.mark.slow
def test_an_index_of_an_older_layout_is_rebuilt_from_the_store(ministry):
    """A new release of the monitor may change the index layout: no release may drop out."""
    from monitor.context.matching import Matcher
    from monitor.context.similar import SimilarityIndex

    _new(ministry)
    config = ministry.config()
    with Store.open(config.snapshots_dir) as store:
        stored = store.conn.execute("SELECT COUNT(*) FROM releases").fetchone()[0]
        assert len(SimilarityIndex(store.conn)) == stored
        store.conn.execute("UPDATE sim_meta SET value = '0' WHERE key = 'version'")
        matcher = Matcher(config, store)
        assert matcher.index.rebuilt and len(matcher.index) == stored
        unsourced = "SELECT COUNT(*) FROM sim_docs WHERE source = 0"
        assert store.conn.execute(unsourced).fetchone()[0] == 0  # each with its source again
    khmer = next(r for r in ministry.releases if r.lang == "km")
    events = {e.url: e for e in ministry.check().new}
    assert not events  # nothing new, and the rebuilt index still answers
    with Store.open(config.snapshots_dir, readonly=True) as store:
        found = Matcher(config, store).related(
            khmer.title, "\n\n".join(khmer.paragraphs), url=ministry.url(khmer)
        )
    assert found and "Mine Clearance" in found[0].title  # the English release on it


def test_mentions_are_kept_with_the_event_and_old_events_still_load():
    from monitor.models import Event, ThemeMatch
    from monitor.store.catalogue import event_from_payload, event_payload

    sentence = "Areas include landmine clearance."
    mention = ThemeMatch("demining", 1.0, (("landmine clearance", sentence),))
    event = Event("new", "src", "https://x.example/1", "Border talks", mentions=[mention])
    assert event_from_payload(event_payload(event)).mentions == [mention]
    old = event_payload(event)
    del old["mentions"]  # a payload stored before issue 13
    assert event_from_payload(old).mentions == []
    assert event.to_json()["mentions"] == ["demining"]
