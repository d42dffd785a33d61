"""`monitor search`: fuzzy search over every stored release, for a person at a terminal.

Titles are scored by rapidfuzz over the whole store (fast even at 100k titles); bodies only for
candidates that contain a query word, since partial matching on long texts is slow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from monitor.store.catalogue import Store

_WORD = re.compile(r"\w{3,}", re.UNICODE)
_BODY_CANDIDATES = 2000


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


def _snippet(body: str, query: str, width: int = 220) -> str:
    if not body:
        return ""
    align = fuzz.partial_ratio_alignment(query.lower(), body.lower())
    start = max(0, (align.dest_start if align else 0) - width // 3)
    text = body[start : start + width].replace("\n\n", " ¶ ")
    return ("…" if start else "") + text + ("…" if start + width < len(body) else "")


def search(store: Store, query: str, *, limit: int = 10) -> list[SearchHit]:
    query = query.strip()
    if not query:
        return []
    rows = store.conn.execute(
        "SELECT r.id, r.url, s.name AS source, v.title, v.body FROM releases r "
        "JOIN sources s ON s.id = r.source_id JOIN versions v ON v.id = r.latest_version_id"
    ).fetchall()
    by_id = {row["id"]: row for row in rows}
    scores: dict[int, float] = {}
    titles = {row["id"]: row["title"] or "" for row in rows}
    for _, score, rid in process.extract(
        query, titles, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit * 5
    ):
        scores[rid] = score
    words = [w.lower() for w in _WORD.findall(query)]
    if words:
        needle = query.lower()
        candidates = [row for row in rows if any(w in (row["body"] or "").lower() for w in words)][
            :_BODY_CANDIDATES
        ]
        for row in candidates:
            body = (row["body"] or "").lower()
            # the phrase itself, else the share of the query's words, a little below a phrase
            share = sum(w in body for w in words) / len(words)
            score = 100.0 if needle in body else 95.0 * share
            # a title match breaks ties between texts that all contain the words
            score = 0.85 * score + 0.15 * scores.get(row["id"], 0.0)
            scores[row["id"]] = max(scores.get(row["id"], 0.0), score)
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])[:limit]
    return [
        SearchHit(
            url=by_id[rid]["url"],
            title=by_id[rid]["title"] or by_id[rid]["url"],
            source=by_id[rid]["source"],
            score=score,
            snippet=_snippet(by_id[rid]["body"] or "", query),
        )
        for rid, score in ranked
        if score >= 50
    ]
