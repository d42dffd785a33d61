"""An Atom 1.0 feed of recent events: one entry per new, edited or removed release.

Built with feedgen (lxml underneath), so the XML is well-formed by construction: every title and
text is set as a node's text, never pasted into markup, and a hostile title (`<script>`, `&`,
quotes) arrives in a reader as the characters it is. Entry ids are tag: URIs made from the
store's id and the event's id, so a reader never sees one event twice however often the file is
rewritten. Baselines are left out: they are the starting point, not news.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape

from feedgen.feed import FeedGenerator

from monitor.config import Config
from monitor.digest.render import (
    _show_date,
    clean_block,
    clean_line,
    diff_markup_to_html,
    safe_href,
    sanitize_diff_html,
)
from monitor.models import Event
from monitor.store.catalogue import Store
from monitor.store.files import atomic_write

MAX_ENTRIES = 100  # most recent events in a feed
SCAN = 5000  # recent events read to find them (filters may skip many)
TAG = "tag:monitor.invalid,2026:"  # RFC 4151; `.invalid` names no real authority
KIND_WORD = {"new": "New", "changed": "Edited", "removed": "Removed"}


@dataclass(frozen=True)
class FeedEvent:
    event: Event
    event_id: int
    created_at: datetime


def recent_events(
    store: Store,
    *,
    themes: Sequence[str] = (),
    sources: Sequence[str] = (),
    limit: int = MAX_ENTRIES,
) -> list[FeedEvent]:
    """The newest non-baseline events, newest first, of these themes and sources (any when
    empty; theme names match case-insensitively)."""
    wanted_themes = {t.casefold() for t in themes}
    out: list[FeedEvent] = []
    for recorded in store.recent_events(SCAN):
        event = recorded.event
        if sources and event.source not in sources:
            continue
        if wanted_themes and not any(t.theme.casefold() in wanted_themes for t in event.themes):
            continue
        created = recorded.created_at or datetime.now(UTC)
        out.append(FeedEvent(event, int(event.id or 0), created))
        if len(out) >= limit:
            break
    return out


def store_tag(store: Store) -> str:
    """The store's own id (meta `store_id`), so two stores' feeds never share entry ids."""
    return TAG + (store.store_id() or "store")


def build_feed(
    items: Sequence[FeedEvent],
    *,
    tag: str,
    title: str,
    self_url: str | None = None,
    now: datetime | None = None,
) -> bytes:
    """The Atom document (UTF-8 bytes). Pure: same items, same bytes (`now` only when empty)."""
    fg = FeedGenerator()
    fg.id(f"{tag}/feed")
    fg.title(clean_line(title, 200) or "monitor")
    fg.author({"name": "monitor"})
    fg.subtitle("New, edited and removed press releases")
    if self_url:
        fg.link(href=self_url, rel="self")
    newest = max((i.created_at for i in items), default=now or datetime.now(UTC))
    fg.updated(newest.astimezone(UTC))
    for item in reversed(items):  # feedgen prepends: the newest ends up first
        _entry(fg, item, tag)
    return fg.atom_str(pretty=True)


def feed_title(themes: Sequence[str], sources: Sequence[str]) -> str:
    parts = []
    if themes:
        parts.append("themes " + ", ".join(themes))
    if sources:
        parts.append("sources " + ", ".join(sources))
    return "monitor: releases" + (f" ({'; '.join(parts)})" if parts else "")


def _entry(fg: FeedGenerator, item: FeedEvent, tag: str) -> None:
    event = item.event
    entry = fg.add_entry()
    entry.id(f"{tag}/event/{item.event_id}")
    name = clean_line(event.title, 300) or clean_line(event.url, 300)
    entry.title(f"{KIND_WORD[event.kind]}: {name}")
    when = item.created_at.astimezone(UTC)
    entry.updated(when)
    entry.published(when)
    entry.author({"name": clean_line(event.source, 80) or "monitor"})
    href = safe_href(event.url)
    if href:
        entry.link(href=href, rel="alternate")
    for theme in sorted({t.theme for t in event.themes}):
        entry.category(term=clean_line(theme, 80), label=clean_line(theme, 80))
    entry.category(term=event.kind, scheme=f"{TAG}kind")
    entry.content(_content(event), type="html")


def _content(event: Event) -> str:
    """The entry's HTML (escaped here; lxml escapes it once more as the element's text)."""
    bits = [f"<p>{escape(KIND_WORD[event.kind])} release from "
            f"<b>{escape(clean_line(event.source, 80))}</b>"]  # fmt: skip
    date = _show_date(event.date)
    if date:
        bits.append(f", dated {escape(date)}")
    bits.append(".</p>")
    if event.kind == "changed" and (event.diff or event.diff_html):
        diff = sanitize_diff_html(event.diff_html) if event.diff_html else None
        bits.append(str(diff or diff_markup_to_html(event.diff or "")))
    if event.kind == "removed" and event.reason:
        bits.append(f"<p>{escape(clean_line(event.reason, 300))}</p>")
    for match in event.themes:
        terms = ", ".join(dict.fromkeys(clean_line(t, 60) for t, _ in match.evidence if t))
        line = f"<p>Theme <b>{escape(clean_line(match.theme, 80))}</b>"
        bits.append(line + (f": {escape(terms)}</p>" if terms else "</p>"))
    if event.restored:
        bits.append(f"<p>Restored: {escape(clean_block(event.reason, 300))}</p>")
    return "".join(bits)


def update_configured_feed(config: Config, store: Store) -> str | None:
    """Rewrite the config's `feed` file (atomically, readable by a web server); returns a line
    to show, or None without a `feed` section. Never raises for a file it cannot write: the
    check that called it stands, and the next one tries again."""
    if config.feed is None:
        return None
    feed = config.feed
    path = config.resolve(feed.path)
    items = recent_events(store, themes=feed.themes, sources=feed.sources, limit=feed.entries)
    data = build_feed(items, tag=store_tag(store), title=feed_title(feed.themes, feed.sources),
                      self_url=feed.url)  # fmt: skip
    try:
        atomic_write(path, data, mode=0o644)
    except OSError as exc:
        return f"feed not written: {path}: {exc}; fix the folder or `feed.path`"
    return f"feed {path} updated ({len(items)} entries)"
