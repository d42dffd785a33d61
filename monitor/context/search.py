"""`monitor search` and the web view's /search: the stored releases a query is about, best first,
with a snippet of where it occurs.

The search index (search_index.py: of every release's latest version, removed ones included; an
FTS5 index on SQLite, PostgreSQL's full-text search and trigrams on PostgreSQL) proposes the
releases, so a search reads a few dozen texts whatever the store's size.
Each is scored 0-100 by its tier, then by its title:
- the query as a phrase (looked for here, in the releases holding every word): 90-100; every
  word of it: 75-89; some of its words: 30-74 (30 plus 30 times their share, plus the title's
  part); when no release holds any of its words, those that hold a word starting like one of
  them (its first three fifths: "Cambo" for the misspelt "Cambodai"): 10-50, mostly the title;
- the title adds up to the tier's span: rapidfuzz WRatio of query and title (case and accents
  folded), so among releases that all hold the words the one whose title says them comes first,
  and a title with one word misspelt still beats the others that share a word with the query.
Equal scores keep the index's order (bm25 or ts_rank, title words weighing more). A release holds
a word as the index reads words: "Phnôm Pénh" for "Phnom Penh"; "mines" for "mine" on SQLite,
whose index stems English words (PostgreSQL's 'simple' configuration does not); in Khmer or Thai,
any three or more characters it contains.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

from monitor.errors import StoreError
from monitor.store.catalogue import Store
from monitor.store.search_index import FoundText, find, parse, ready, texts, words

TIERS = {  # tier: (floor, what the title adds at most)
    "phrase": (90.0, 10.0),
    "title": (90.0, 10.0),  # a query too short for the Khmer/Thai index, found in a title
    "all": (75.0, 14.0),
    "some": (30.0, 14.0),  # plus SOME_SHARE x the share of the query's words
    "opening": (10.0, 40.0),  # no word found, a word's opening: misspelt; the title decides
}
SOME_SHARE = 30.0
CANDIDATES = 40  # releases asked of the index beyond the ones shown, for the title to reorder
SNIPPET_WIDTH = 220
_MARKS = re.compile("[\u0300-\u036f]+")  # combining accents of Latin letters


class SearchIndexMissing(StoreError):
    """A reader opened a store whose search index no writer has finished building."""


@dataclass(frozen=True)
class SearchHit:
    url: str
    title: str
    source: str
    score: float
    snippet: str

    def to_json(self) -> dict[str, object]:
        return {"url": self.url, "title": self.title, "source": self.source,
                "score": round(self.score, 1), "snippet": self.snippet}  # fmt: skip


def search(store: Store, query: str, *, limit: int = 10) -> list[SearchHit]:
    parsed = parse(query)
    if parsed is None or limit <= 0:
        return []
    if not ready(store.conn):
        raise SearchIndexMissing(
            "this store's search index is not built yet: the next `monitor check` or "
            "`monitor run` builds it, once, when it opens the store; run one (or wait for the "
            "one running to finish) and search again"
        )
    found = find(store.conn, parsed, limit + CANDIDATES, limit)
    rows = texts(store.conn, [c.release_id for c in found])
    wanted = _folded(query)
    terms = [fold(t) for t in parsed.terms]
    scored = []
    for order, cand in enumerate(found):
        row = rows.get(cand.release_id)
        if row is None:
            continue
        tier = cand.tier
        if tier == "all" and _holds_phrase(query, row):
            tier = "phrase"
        floor, span = TIERS[tier]
        if tier == "some":
            floor += SOME_SHARE * _share(terms, f"{row.title} {row.body}")
        title_sim = fuzz.WRatio(wanted, _folded(row.title))
        scored.append((floor + span * title_sim / 100, order, row))
    scored.sort(key=lambda s: (-s[0], s[1]))
    return [
        SearchHit(
            url=row.url,
            title=row.title or row.url,
            source=row.source,
            score=score,
            snippet=snippet(row.body, query),
        )
        for score, _, row in scored[:limit]
    ]


def _share(terms: list[str], text: str) -> float:
    """Share of the words a release holds (written out: "mines" holds "mine", not the reverse);
    at least one, since the index found it."""
    folded = fold(text)
    return max(1, sum(t in folded for t in terms)) / len(terms)


def _holds_phrase(query: str, row: FoundText) -> bool:
    pattern = _pattern(query, phrase_only=True)
    return bool(pattern and pattern.search(f"{row.title}\n{row.body}"))


def fold(text: str) -> str:
    """Case and Latin accents folded: "Phnôm Pénh" -> "phnom penh" (Khmer marks are kept)."""
    if text.isascii():
        return text.lower()
    bare = _MARKS.sub("", unicodedata.normalize("NFKD", text))
    return unicodedata.normalize("NFC", bare).casefold()


def _folded(text: str) -> str:
    return " ".join(words(fold(text)))


# --- where the query occurs: snippets and highlighting ----------------------------------------


def snippet(body: str, query: str, width: int = SNIPPET_WIDTH) -> str:
    """About `width` characters of the body around the first place the query (its phrase,
    else one of its words) occurs; around the closest fuzzy match when neither does."""
    if not body:
        return ""
    pattern = _pattern(query)
    found = pattern.search(body) if pattern else None
    if found:
        at = found.start()
    else:
        align = fuzz.partial_ratio_alignment(query.lower(), body.lower())
        at = align.dest_start if align else 0
    start = max(0, at - width // 3)
    text = body[start : start + width].replace("\n\n", " ¶ ")
    return ("…" if start else "") + text + ("…" if start + width < len(body) else "")


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where the query occurs in `text`, whatever the case and Latin accents: its phrase where
    it occurs, and elsewhere each of its words (two letters or more) as part of a word."""
    pattern = _pattern(query)
    return [m.span() for m in pattern.finditer(text)] if pattern and text else []


@functools.lru_cache(maxsize=256)
def _pattern(query: str, *, phrase_only: bool = False) -> re.Pattern[str] | None:
    terms = [t for t in words(fold(query)) if len(t) > 1] or words(fold(query))
    if not terms:
        return None
    term_res = ["".join(_LETTERS.get(ch, re.escape(ch)) for ch in t) for t in terms]
    phrase = r"[\W_]+".join(term_res)  # "secretary general" finds "Secretary-General"
    if phrase_only:
        return re.compile(phrase, re.IGNORECASE)
    alternatives = [phrase, *sorted(set(term_res) - {phrase}, key=len, reverse=True)]
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _letter_classes() -> dict[str, str]:
    """Each base letter and the accented Latin letters folded to it: "e" -> "[eéèêë…]"."""
    variants: dict[str, set[str]] = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        base, lower = fold(char), char.casefold()
        if len(base) == 1 and base.isascii() and base.isalpha() and len(lower) == 1:
            variants.setdefault(base, {base}).add(lower)
    return {b: "[" + re.escape("".join(sorted(v))) + "]" for b, v in variants.items()}


_LETTERS = _letter_classes()
