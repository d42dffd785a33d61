"""Turn a batch of events into one email a busy analyst can read in a minute on a phone.

Pure: no store, no network, no clock unless `now` is left out. Everything that came from a page
(titles, text, URLs, error messages) is untrusted: Jinja2 autoescapes the HTML part, and every
value goes through `untrusted` (one line, no control characters, http(s) links only); the one
piece of ready-made HTML, an edit's diff, is read back through `diffhtml`. The subject line is
made in `subject`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import PurePath
from typing import Any

import jinja2

from monitor.digest.diffhtml import MAX_DIFF, diff_markup_to_html, sanitize_diff_html
from monitor.digest.subject import plural, subject_line, summary
from monitor.digest.untrusted import clean_block, clean_line, safe_href
from monitor.models import Event, ThemeMatch
from monitor.text.excerpt import clip

SNIPPET = 220  # characters of an evidence sentence shown around the matched term
MAX_TERMS = 4  # matched terms listed per theme
MAX_RELATED = 3  # closest earlier releases listed per new release
MAX_ERROR = 300  # characters of a failing source's last error
# A digest must stay readable and under the ~100 KB at which mail clients clip a message: past
# these, releases are listed one line each (title, source, date, link), never left out.
FULL_NEW = 20
FULL_CHANGED = 10
DIFF_BUDGET = 16_000  # characters of diff over all edited releases of one digest


# --- records -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FailingSource:
    """A source to mention: failing `consecutive_failures` checks in a row, or working again."""

    name: str
    url: str
    consecutive_failures: int
    last_error: str | None = None
    recovered: bool = False


@dataclass(frozen=True)
class DigestCounts:
    new: int = 0
    changed: int = 0
    removed: int = 0
    baseline: int = 0
    failing: int = 0
    recovered: int = 0


@dataclass(frozen=True)
class Digest:
    """One rendered email. `digest_id` names it in the store, the Message-ID and the outbox."""

    digest_id: str
    message_id: str
    subject: str
    text: str
    html: str
    created_at: datetime
    event_ids: tuple[int, ...] = ()
    counts: DigestCounts = field(default_factory=DigestCounts)


# --- view model ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Link:
    text: str
    href: str | None
    note: str = ""


@dataclass(frozen=True)
class _Theme:
    name: str
    terms: tuple[str, ...]
    snippet: tuple[tuple[str, bool], ...]  # (text, is the matched term)

    @property
    def snippet_text(self) -> str:
        return "".join(t for t, _ in self.snippet)


@dataclass(frozen=True)
class _Item:
    title: str
    href: str | None
    url: str
    source: str
    date: str | None
    themes: tuple[_Theme, ...] = ()
    related: tuple[_Link, ...] = ()
    diff_text: str = ""
    diff_html: str = ""  # sanitised HTML (a Markup)
    reason: str = ""
    archived: str = ""
    brief: bool = False  # listed in one line: the digest is long


@dataclass(frozen=True)
class _Group:
    name: str
    items: tuple[_Item, ...]


@dataclass(frozen=True)
class _Failing:
    name: str
    href: str | None
    url: str
    failures: int
    error: str
    recovered: bool


def render_digest(
    events: Sequence[Event],
    *,
    failing: Sequence[FailingSource] = (),
    subject_template: str | None = None,
    now: datetime | None = None,
    digest_id: str = "preview",
    domain: str = "localhost",
) -> Digest | None:
    """The email for these events and source notices, or None when there is nothing to say."""
    if not events and not failing:
        return None
    now = (now or datetime.now(UTC)).astimezone(UTC)
    baseline = [e for e in events if e.kind == "new" and e.baseline]
    new = _by_date([e for e in events if e.kind == "new" and not e.baseline])
    changed = _by_date([e for e in events if e.kind == "changed"])
    removed = _by_date([e for e in events if e.kind == "removed"])
    notices = [
        _Failing(
            name=clean_line(f.name, 80),
            href=safe_href(f.url),
            url=clean_line(f.url),
            failures=f.consecutive_failures,
            error=clean_line(f.last_error, MAX_ERROR),
            recovered=f.recovered,
        )
        for f in failing
    ]
    counts = DigestCounts(
        new=len(new),
        changed=len(changed),
        removed=len(removed),
        baseline=len(baseline),
        failing=sum(not f.recovered for f in failing),
        recovered=sum(f.recovered for f in failing),
    )
    full = {id(e) for e in sorted(new, key=lambda e: not e.themes)[:FULL_NEW]}  # tagged first
    brief_new = [e for e in new if id(e) not in full]
    groups = _theme_groups([e for e in new if id(e) in full])
    titles = [i.title for g in groups for i in g.items] + [clean_line(e.title) for e in changed]
    first = next((t for t in [*titles, *(clean_line(e.title) for e in removed)] if t), "")
    subject = subject_line(subject_template, counts, first, notices, now)
    shown = _edited_items(changed)
    context: dict[str, Any] = {
        "subject": subject,
        "summary": summary(counts),
        "when": now.strftime("%d %b %Y, %H:%M UTC"),
        "counts": counts,
        "baseline": _baseline_line(baseline),
        "groups": groups,
        "more_new": [_item(e, brief=True) for e in brief_new],
        "changed": [e for e in shown if not e.brief],
        "more_changed": [e for e in shown if e.brief],
        "removed": [_item(e) for e in removed],
        "failing": [n for n in notices if not n.recovered],
        "recovered": [n for n in notices if n.recovered],
        "digest_id": clean_line(digest_id, 100),
    }
    return Digest(
        digest_id=digest_id,
        message_id=message_id(digest_id, domain),
        subject=subject,
        text=_tidy_text(_env().get_template("digest.txt.j2").render(context)),
        html=_env().get_template("digest.html.j2").render(context),
        created_at=now,
        event_ids=tuple(e.id for e in events if e.id is not None),
        counts=counts,
    )


def message_id(digest_id: str, domain: str) -> str:
    """A Message-ID fixed by the digest, so a re-send is recognisably the same email."""
    local = re.sub(r"[^A-Za-z0-9.-]", "-", digest_id).strip(".-") or "digest"
    host = re.sub(r"[^A-Za-z0-9.-]", "", domain).strip(".-") or "localhost"
    return f"<monitor.{local}@{host}>"


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("monitor.digest", "templates"),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["plural"] = plural
    return env


def _tidy_text(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _by_date(events: list[Event]) -> list[Event]:
    """Newest publication first; releases without a date keep their order, last."""
    dated = [e for e in events if _parse_date(e.date)]
    dated.sort(key=lambda e: _parse_date(e.date) or date.min, reverse=True)
    return dated + [e for e in events if not _parse_date(e.date)]


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _show_date(value: str | None) -> str | None:
    parsed = _parse_date(value)
    if parsed:
        return f"{parsed.day} {parsed:%b %Y}"
    return clean_line(value, 40) or None


def _primary_theme(event: Event) -> str | None:
    if not event.themes:
        return None
    return max(event.themes, key=lambda t: t.score).theme


def _theme_groups(events: list[Event]) -> list[_Group]:
    """New releases under their strongest theme (each listed once); untagged ones last."""
    by_theme: dict[str | None, list[Event]] = defaultdict(list)
    for e in events:
        by_theme[_primary_theme(e)].append(e)
    named = sorted((k for k in by_theme if k is not None), key=lambda k: (-len(by_theme[k]), k))
    groups = [_Group(clean_line(k, 80), tuple(_item(e) for e in by_theme[k])) for k in named]
    if None in by_theme:
        label = "Other new releases" if groups else "New releases"
        groups.append(_Group(label, tuple(_item(e) for e in by_theme[None])))
    return groups


def _edited_items(changed: list[Event]) -> list[_Item]:
    """Diffs while the digest's budget lasts (the first few releases), then brief lines."""
    budget, out = DIFF_BUDGET, []
    for n, event in enumerate(changed):
        size = min(len(event.diff or ""), MAX_DIFF)
        if n >= FULL_CHANGED or (out and size > budget):
            out.append(_item(event, brief=True))
            continue
        out.append(_item(event, diff=True))
        budget -= size
    return out


def _item(event: Event, *, diff: bool = False, brief: bool = False) -> _Item:
    if brief:
        return _Item(
            brief=True,
            title=clean_line(event.title) or clean_line(event.url),
            href=safe_href(event.url),
            url=clean_line(event.url, 500),
            source=clean_line(event.source, 80),
            date=_show_date(event.date),
            reason=clean_line(event.reason, MAX_ERROR),
        )
    themes = sorted(event.themes, key=lambda t: -t.score)
    related = [
        _Link(clean_line(r.title or r.url, 160), safe_href(r.url), f"{r.score:.0f}% similar")
        for r in sorted(event.related, key=lambda r: -r.score)[:MAX_RELATED]
    ]
    diff_text = ""
    diff_html: str = ""
    if diff:
        diff_text = clean_block(event.diff, MAX_DIFF)
        if diff_text.endswith("…") and len(event.diff or "") > MAX_DIFF:
            diff_text += "\n(diff shortened; both versions are kept in full in the store's text/)"
        if event.diff_html:
            diff_html = sanitize_diff_html(event.diff_html)
        elif event.diff:
            diff_html = diff_markup_to_html(event.diff)
    return _Item(
        title=clean_line(event.title) or clean_line(event.url),
        href=safe_href(event.url),
        url=clean_line(event.url, 500),
        source=clean_line(event.source, 80),
        date=_show_date(event.date),
        themes=tuple(_theme(t, clean_line(event.title)) for t in themes),
        related=tuple(related),
        diff_text=diff_text,
        diff_html=diff_html,
        reason=clean_line(event.reason, MAX_ERROR),
        archived=_archived(event.archived),
    )


def _archived(path: str | None) -> str:
    """The last version's file as the store names it (text/<source>/<release>/v0003.txt). The
    server's own path (/srv/…) opens nothing for a reader and tells them about the server;
    anything else is left out."""
    parts = PurePath(clean_line(path, 2000)).parts
    if len(parts) >= 4 and parts[-4] == "text":
        return "/".join(parts[-4:])
    return ""


def _theme(match: ThemeMatch, title: str) -> _Theme:
    """The theme with its matched terms and the first evidence sentence that is not the title
    (a title quoted under itself tells the reader nothing)."""
    terms = tuple(dict.fromkeys(clean_line(t, 60) for t, _ in match.evidence if t))[:MAX_TERMS]
    snippet: tuple[tuple[str, bool], ...] = ()
    for term, sentence in match.evidence:
        sentence = clean_line(sentence, 2000)
        if sentence and sentence.casefold().rstrip(".") != title.casefold().rstrip("."):
            snippet = _snippet(sentence, clean_line(term, 60))
            break
    return _Theme(clean_line(match.theme, 80), terms, snippet)


def _snippet(sentence: str, term: str) -> tuple[tuple[str, bool], ...]:
    """The sentence (cut around the term when long) split into plain and matched parts."""
    found = re.search(re.escape(term), sentence, re.IGNORECASE) if term else None
    if len(sentence) > SNIPPET:
        centre = found.start() if found else 0
        start = max(0, min(centre - SNIPPET // 3, len(sentence) - SNIPPET))
        sentence = clip(sentence, start, start + SNIPPET, keep=found.span() if found else None)
    if not term:
        return ((sentence, False),)
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in re.finditer(re.escape(term), sentence, re.IGNORECASE):
        if m.start() > pos:
            parts.append((sentence[pos : m.start()], False))
        parts.append((m.group(0), True))
        pos = m.end()
    if pos < len(sentence):
        parts.append((sentence[pos:], False))
    return tuple(parts)


def _baseline_line(events: list[Event]) -> str:
    if not events:
        return ""
    per_source: dict[str, int] = defaultdict(int)
    for e in events:
        per_source[clean_line(e.source, 80)] += 1
    parts = ", ".join(f"{name} ({plural(n, 'release')})" for name, n in per_source.items())
    noun = "source" if len(per_source) == 1 else "sources"
    return (
        f"Started watching {len(per_source)} {noun}: {parts}. These releases are kept as the "
        "baseline and not listed; from now on new, edited and removed releases are reported."
    )


def count_events(events: Iterable[Event]) -> DigestCounts:
    """How a set of events would be counted in a digest (for status lines)."""
    events = list(events)
    return DigestCounts(
        new=sum(e.kind == "new" and not e.baseline for e in events),
        changed=sum(e.kind == "changed" for e in events),
        removed=sum(e.kind == "removed" for e in events),
        baseline=sum(e.kind == "new" and e.baseline for e in events),
    )
