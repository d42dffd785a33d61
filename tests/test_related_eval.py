"""Related releases on real material: same-event pairs found, template pairs left out.

`tests/data/related/pairs.json` labels pairs of releases among the texts of the themes set and
real release pages of press rooms (attorneys general, the European Parliament) read by the
project's own extraction. Every text is indexed with its source; each same-event pair should
find each other among the 5 most related (both ways), and no template pair (one source's
releases on different events that share its boilerplate) may score at the threshold.
Two statements of one series on one subject (`same_subject`) are printed.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from monitor.context.similar import DEFAULT_MIN_SCORE, SimilarityIndex
from tests.test_similar import LABELS, release

DATA = Path(__file__).parent / "data" / "related"
PAIRS = json.loads((DATA / "pairs.json").read_text("utf-8"))
_PAGES = json.loads((DATA / "pages.json").read_text("utf-8"))
PAGE_SOURCES = {e["id"]: e["source"] for e in _PAGES["pages"] + _PAGES["copies"] + _PAGES["items"]}
# Measured with main's code (c1e1ab1, which had no sources) on this set, the same day: recall@5 1.00
# (24 of 24) and template pairs up to 81.8 (14 of 46, both ways, at 30 or more). With each
# source's boilerplate discounted and event features weighed up: 8 of 46 (Virginia's attorney
# general, whose 3 releases were too few to learn its letterhead from, and two central banks'
# monetary policy statements, now `same_subject`). With template lines and a small source's
# boilerplate learned from its third release: none. The first 12 same-event pairs were all found
# (24 of 24); with 11 more (23 pairs: cabinet-synopsis items against news releases, UN News
# items, two attorneys general's listing teasers) recall@5 is 0.83 (38 of 46): what is missed is
# an item among dozens in a Thai cabinet synopsis against the news release on it. The issue asks
# for 0.8; this floor (38 of 46 found) is never lowered.
RECALL_FLOOR = 38 / 46


def source_of(key: str) -> str:
    """The press room a text was published by (a template is a source's)."""
    if not key.startswith("themes/"):
        return PAGE_SOURCES[key]
    folder, name = key.removeprefix("themes/").split("/", 1)
    if folder == "thaigov":
        return "thaigov-th" if "-th-" in name else "thaigov-en"
    if folder == "centralbank":
        return name.rsplit("_", 1)[0]
    if folder == "seeds":
        return name.split("-", 1)[0]  # akp, mfaic
    if folder == "written":
        return "mfaic" if name.startswith("pos-mfaic") else key  # other written texts: their own
    return folder  # samples: the demo ministry


def texts() -> dict[str, tuple[str, str]]:
    out = {f"themes/{e['file']}": release(e["file"]) for e in LABELS["releases"]}
    for path in sorted((DATA / "texts").glob("*.txt")):
        title, _, text = path.read_text("utf-8").partition("\n\n")
        out[path.stem] = (title.strip(), text.strip())
    return out


@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> tuple[SimilarityIndex, list[str]]:
    keys = sorted(texts().items())
    conn = sqlite3.connect(tmp_path_factory.mktemp("related") / "store.db")
    index = SimilarityIndex(conn, min_score=0)  # every score, to report the template pairs'
    sources = {s: i for i, s in enumerate(sorted({source_of(k) for k, _ in keys}), 1)}
    index.add_many((i, title, text, sources[source_of(k)]) for i, (k, (title, text)) in
                   enumerate(keys, 1))  # fmt: skip
    return index, [k for k, _ in keys]


def _query(indexed, key: str, k: int) -> dict[str, float]:
    index, keys = indexed
    title, text = texts_by_key()[key]
    source = source_id(keys, source_of(key))
    found = index.query(title, text, k=k, exclude={keys.index(key) + 1}, source=source)
    return {keys[i - 1]: score for i, score in found}


_TEXTS: dict[str, tuple[str, str]] = {}


def texts_by_key() -> dict[str, tuple[str, str]]:
    if not _TEXTS:
        _TEXTS.update(texts())
    return _TEXTS


def source_id(keys: list[str], source: str) -> int:
    return sorted({source_of(k) for k in keys}).index(source) + 1


@pytest.mark.eval
def test_same_event_pairs_found_and_template_pairs_left_out(indexed):
    keys = indexed[1]
    assert all(p[s] in keys for p in PAIRS["same_event"] + PAIRS["template"] for s in "ab")
    found = 0
    missed = []
    for pair in PAIRS["same_event"]:
        for a, b in ((pair["a"], pair["b"]), (pair["b"], pair["a"])):
            top = _query(indexed, a, 5)
            hit = b in top and top[b] >= DEFAULT_MIN_SCORE
            found += hit
            if not hit:
                missed.append(f"{a} -> {b}: {top.get(b)}")
    recall = found / (2 * len(PAIRS["same_event"]))
    template = []
    for pair in PAIRS["template"]:
        for a, b in ((pair["a"], pair["b"]), (pair["b"], pair["a"])):
            template.append((_query(indexed, a, 1000).get(b, 0.0), f"{a} -> {b}"))
    subject = [(_query(indexed, p["a"], 1000).get(p["b"], 0.0), p["note"])
               for p in PAIRS["same_subject"]]  # fmt: skip
    worst = max(template)
    print(f"\nrelated releases: recall@5 of same-event pairs {recall:.2f} "
          f"({found}/{2 * len(PAIRS['same_event'])}); template pairs: max score {worst[0]:.1f} "
          f"({worst[1]}), {sum(s >= DEFAULT_MIN_SCORE for s, _ in template)} of "
          f"{len(template)} at the threshold or above")  # fmt: skip
    print("missed:", *missed, sep="\n  ")
    print("same subject, a series:", *(f"{s:.1f} {n}" for s, n in subject), sep="\n  ")
    assert recall >= RECALL_FLOOR
    assert worst[0] < DEFAULT_MIN_SCORE, worst
