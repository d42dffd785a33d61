"""A digest's events as a chat message (Markdown) and as a webhook's JSON: pure, no I/O.

Chat is read in a narrow column between other messages: one line per release (title as a link,
source, date, themes) and, for edits, the changed words; `full` adds the diff's sentences. Page
text is untrusted: Markdown is escaped so a title cannot make links or formatting, and `@` is
kept from starting a mention (`@channel`, `@everyone` in a title must not page a whole team).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any, Literal

from monitor.digest.render import (
    FailingSource,
    _baseline_line,
    _show_date,
    clean_block,
    clean_line,
    count_events,
    safe_href,
)
from monitor.models import Event
from monitor.text.scripts import ZERO_WIDTH_SPACE

Format = Literal["brief", "full"]

MAX_ITEMS = 15  # releases listed per section; past this, a count
CHANGED_WORDS = 160  # characters of changed words shown per edit (brief)
FULL_DIFF = 1200  # characters of diff per edit (full)
TITLE = 140  # characters of a release title
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+!|~>])")
_DIFF_TOKEN = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.DOTALL)


@dataclass(frozen=True)
class ChatMessage:
    """What one channel is sent for one digest."""

    title: str
    body: str  # Markdown
    payload: dict[str, Any]  # the webhook's `digest` object
    events: int


def select(events: Iterable[Event], themes: Sequence[str]) -> list[Event]:
    """The events a channel wants: all, or those tagged with one of `themes` (case-insensitive;
    baselines are not news for a theme channel)."""
    events = list(events)
    if not themes:
        return events
    wanted = {t.casefold() for t in themes}
    return [
        e for e in events if not e.baseline and any(t.theme.casefold() in wanted for t in e.themes)
    ]


def render_chat(
    events: Sequence[Event],
    notices: Sequence[FailingSource],
    *,
    digest_id: str,
    created_at: datetime,
    fmt: Format = "brief",
    themes: Sequence[str] = (),
) -> ChatMessage | None:
    """The channel's message for a digest, or None when its filter leaves nothing."""
    chosen = select(events, themes)
    notices = [] if themes else list(notices)  # source health goes to unfiltered channels
    if not chosen and not notices:
        return None
    new = [e for e in chosen if e.kind == "new" and not e.baseline]
    changed = [e for e in chosen if e.kind == "changed"]
    removed = [e for e in chosen if e.kind == "removed"]
    parts = [
        _section("New", new, lambda e: _line(e)),
        _section("Edited", changed, lambda e: _line(e) + _changes(e, fmt)),
        _section("Removed", removed, lambda e: _line(e, reason=True)),
    ]
    baseline = _baseline_line([e for e in chosen if e.kind == "new" and e.baseline])
    if baseline:
        parts.append(md(baseline))
    parts.extend(_notices(notices))
    return ChatMessage(
        title=_title(new, changed, removed, baseline, notices),
        body="\n\n".join(p for p in parts if p) + "\n",
        payload=webhook_payload(chosen, notices, digest_id=digest_id, created_at=created_at),
        events=len(chosen),
    )


def webhook_payload(
    events: Sequence[Event],
    notices: Sequence[FailingSource],
    *,
    digest_id: str,
    created_at: datetime,
) -> dict[str, Any]:
    """The `digest` object a json:// webhook receives: the items of `monitor check --json`."""
    counts = count_events(events)
    return {
        "digest_id": digest_id,
        "created_at": created_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "counts": {
            "new": counts.new,
            "changed": counts.changed,
            "removed": counts.removed,
            "baseline": counts.baseline,
        },
        "new": [e.to_json() for e in events if e.kind == "new"],
        "changed": [e.to_json() for e in events if e.kind == "changed"],
        "removed": [e.to_json() for e in events if e.kind == "removed"],
        "sources": [asdict(n) for n in notices],
    }


def md(text: object, limit: int = 2000) -> str:
    """Untrusted text as literal Markdown: special characters escaped, mentions defused."""
    escaped = _MARKDOWN.sub(r"\\\1", clean_line(text, limit))
    return escaped.replace("@", "@" + ZERO_WIDTH_SPACE)


def _link(text: str, url: str | None) -> str:
    href = safe_href(url)
    if not href:
        return text
    return f"[{text}]({href.replace('(', '%28').replace(')', '%29')})"


def _line(event: Event, *, reason: bool = False) -> str:
    title = md(event.title or event.url, TITLE)
    bits = [md(event.source, 60)]
    when = _show_date(event.date)
    if when:
        bits.append(md(when, 40))
    line = f"• {_link(title, event.url)} — {', '.join(bits)}"
    names = sorted({t.theme for t in event.themes})
    if names:
        line += " · " + ", ".join(f"_{md(n, 60)}_" for n in names)
    if reason and event.reason:
        line += f"\n  {md(event.reason, 200)}"
    return line


def _section(name: str, events: list[Event], line: Any) -> str:
    if not events:
        return ""
    lines = [f"**{name}** ({len(events)})"]
    lines += [line(e) for e in events[:MAX_ITEMS]]
    if len(events) > MAX_ITEMS:
        lines.append(f"… and {len(events) - MAX_ITEMS} more (in the email digest and the store)")
    return "\n".join(lines)


def _changes(event: Event, fmt: Format) -> str:
    """brief: the changed words (~~old~~ → **new**); full: the diff's sentences, marked."""
    diff = event.diff or ""
    if fmt == "full":
        text = _mark(clean_block(diff, FULL_DIFF))
        return "\n" + "\n".join(f"  > {line}" for line in text.splitlines() if line.strip())
    words = []
    for m in _DIFF_TOKEN.finditer(diff):
        old, new = m.group(1), m.group(2)
        words.append(f"~~{md(old, 60)}~~" if old is not None else f"**{md(new, 60)}**")
    shown, size = [], 0
    for w in words:
        size += len(w)
        if shown and size > CHANGED_WORDS:
            shown.append("…")
            break
        shown.append(w)
    return ("\n  " + " ".join(shown)) if shown else ""


def _mark(diff: str) -> str:
    """`[-old-]{+new+}` as Markdown, the rest escaped (`diff` is already clean_block'ed)."""
    out, pos, deleted_at = [], 0, -1
    for m in _DIFF_TOKEN.finditer(diff):
        out.append(_escape(diff[pos : m.start()]))
        if m.group(1) is not None:
            out.append(f"~~{md(m.group(1), 400)}~~")
            deleted_at = m.end()
        else:
            if m.start() == deleted_at:
                out.append(" ")  # "~~2025~~ **2030**": a replaced word reads as two
            out.append(f"**{md(m.group(2), 400)}**")
        pos = m.end()
    out.append(_escape(diff[pos:]))
    return "".join(out)


def _escape(text: str) -> str:
    """Like `md`, keeping the text's own spaces and line breaks."""
    return _MARKDOWN.sub(r"\\\1", text).replace("@", "@" + ZERO_WIDTH_SPACE)


def _notices(notices: Sequence[FailingSource]) -> list[str]:
    out = []
    for n in notices:
        if n.recovered:
            out.append(f"✅ {md(n.name, 80)} works again")
        else:
            error = f": {md(n.last_error, 200)}" if n.last_error else ""
            out.append(f"⚠️ {md(n.name, 80)} failing ({n.consecutive_failures} checks in a row)"
                       f"{error}")  # fmt: skip
    return out


def _title(
    new: list[Event],
    changed: list[Event],
    removed: list[Event],
    baseline: str,
    notices: Sequence[FailingSource],
) -> str:
    counts = [f"{len(x)} {word}" for x, word in
              ((new, "new"), (changed, "edited"), (removed, "removed")) if x]  # fmt: skip
    if counts:
        first = next(iter([*new, *changed, *removed]))
        return clean_line(f"monitor: {', '.join(counts)} — {clean_line(first.title, 80)}", 200)
    if baseline:
        return "monitor: baseline recorded"
    failing = [n.name for n in notices if not n.recovered]
    if failing:
        return clean_line(f"monitor: failing: {', '.join(failing)}", 200)
    return clean_line(f"monitor: working again: {', '.join(n.name for n in notices)}", 200)
