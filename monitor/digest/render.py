"""Turn a batch of events into one email a busy analyst can read in a minute on a phone.

Pure: no store, no network, no clock unless `now` is left out. Everything that came from a page
(titles, text, URLs, error messages) is untrusted: Jinja2 autoescapes the HTML part, only
http(s) addresses become links, control characters are removed so a title can never break a
line or a header, and the one piece of ready-made HTML (`Event.diff_html`) is re-sanitised to a
short list of tags and inline styles before it is embedded.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from html import escape
from html.parser import HTMLParser
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from monitor.models import Event, ThemeMatch
from monitor.text.excerpt import clip

MAX_TITLE = 300  # characters of a title shown; longer ones are cut with an ellipsis
SUBJECT_TITLE = 80  # characters of the first title in the default subject
MAX_SUBJECT = 200
SNIPPET = 220  # characters of an evidence sentence shown around the matched term
MAX_TERMS = 4  # matched terms listed per theme
MAX_RELATED = 3  # closest earlier releases listed per new release
MAX_DIFF = 4000  # characters of diff text per edited release; the store keeps the rest
MAX_ERROR = 300  # characters of a failing source's last error
# A digest must stay readable and under the ~100 KB at which mail clients clip a message: past
# these, releases are listed one line each (title, source, date, link), never left out.
FULL_NEW = 20
FULL_CHANGED = 10
DIFF_BUDGET = 16_000  # characters of diff over all edited releases of one digest

DEL_STYLE = "color:#b00020;text-decoration:line-through;background:#fde7e9"
INS_STYLE = "color:#05652d;text-decoration:none;background:#e6f4ea"


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


# --- untrusted text ------------------------------------------------------------------------

# Bidirectional overrides and isolates can make a title display as something else.
_BIDI_CONTROLS = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
)


def clean_line(value: object, limit: int = MAX_TITLE) -> str:
    """One line of display text: no control characters, no line breaks, whitespace collapsed."""
    text = str(value or "").translate(_BIDI_CONTROLS)
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    text = " ".join(text.split())  # also folds U+2028/U+2029 and other Unicode spaces
    return _cut(text, limit)


def clean_block(value: object, limit: int) -> str:
    """Multi-line display text: line breaks kept, other control characters removed."""
    lines = str(value or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    text = "\n".join(clean_line(line, limit) for line in lines)
    return _cut(re.sub(r"\n{3,}", "\n\n", text).strip(), limit)


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def safe_href(url: str | None) -> str | None:
    """The URL if it may be a link (absolute http or https, nothing hidden in it), else None."""
    if not url or any(c.isspace() or unicodedata.category(c) == "Cc" for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


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
    subject = _subject(subject_template, counts, first, notices, now)
    shown = _edited_items(changed)
    context: dict[str, Any] = {
        "subject": subject,
        "summary": _summary(counts),
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
    env.filters["plural"] = _plural
    return env


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


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
    parts = ", ".join(f"{name} ({_plural(n, 'release')})" for name, n in per_source.items())
    noun = "source" if len(per_source) == 1 else "sources"
    return (
        f"Started watching {len(per_source)} {noun}: {parts}. These releases are kept as the "
        "baseline and not listed; from now on new, edited and removed releases are reported."
    )


def _summary(counts: DigestCounts) -> str:
    parts = []
    if counts.new:
        parts.append(f"{counts.new} new")
    if counts.changed:
        parts.append(f"{counts.changed} edited")
    if counts.removed:
        parts.append(f"{counts.removed} removed")
    if counts.baseline:
        parts.append(f"{counts.baseline} in baseline")
    if counts.failing:
        parts.append(_plural(counts.failing, "source") + " failing")
    if counts.recovered:
        parts.append(f"{counts.recovered} working again")
    return " · ".join(parts)


# --- subject -------------------------------------------------------------------------------


class _LenientFormatter(string.Formatter):
    """Unknown {placeholders} stay as written, so a typo in the config never stops a digest."""

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str) and key in kwargs:
            return kwargs[key]
        return "{" + str(key) + "}"


def _subject(
    template: str | None,
    counts: DigestCounts,
    first_title: str,
    notices: list[_Failing],
    now: datetime,
) -> str:
    default = _default_subject(counts, first_title, notices)
    if not template:
        return default
    values = {
        "new": counts.new,
        "changed": counts.changed,
        "edited": counts.changed,
        "removed": counts.removed,
        "baseline": counts.baseline,
        "failing": counts.failing,
        "date": now.date().isoformat(),
        "title": _cut(first_title, SUBJECT_TITLE),
        "summary": _summary(counts),
    }
    try:
        text = _LenientFormatter().vformat(template, (), values)
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        text = template  # malformed braces: show the template as written
    return clean_line(text, MAX_SUBJECT) or default


def _default_subject(counts: DigestCounts, first_title: str, notices: list[_Failing]) -> str:
    parts = []
    if counts.new:
        parts.append(f"{counts.new} new")
    if counts.changed:
        parts.append(f"{counts.changed} edited")
    if counts.removed:
        parts.append(f"{counts.removed} removed")
    if parts:
        head = "monitor: " + ", ".join(parts)
        if first_title:
            head += " — " + _cut(first_title, SUBJECT_TITLE)
        return clean_line(head, MAX_SUBJECT)
    if counts.baseline:
        return f"monitor: baseline of {_plural(counts.baseline, 'release')} recorded"
    failing = [n.name for n in notices if not n.recovered]
    if failing:
        noun = "source" if len(failing) == 1 else "sources"
        return clean_line(f"monitor: {len(failing)} {noun} failing ({', '.join(failing)})")
    names = ", ".join(n.name for n in notices)
    return clean_line(f"monitor: {names} working again", MAX_SUBJECT)


# --- diff HTML -----------------------------------------------------------------------------

_ALLOWED_TAGS = {
    "div", "p", "span", "del", "ins", "s", "strike", "b", "strong", "i", "em", "mark",
    "small", "blockquote", "br", "u",
}  # fmt: skip
_VOID_TAGS = {"br"}
_DROP_CONTENT = {"script", "style", "head", "title", "template", "noscript", "iframe", "object"}
_SAFE_STYLE = re.compile(r"^[A-Za-z0-9#:;,.%\s-]*$")  # no url(), no expression(), no quotes
_SAFE_CLASS = re.compile(r"^[A-Za-z0-9_\s-]*$")


class _DiffSanitizer(HTMLParser):
    """Re-emit only harmless tags with inline styles; stop cleanly after `budget` characters."""

    def __init__(self, budget: int):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.stack: list[str] = []
        self.budget = budget
        self.truncated = False
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP_CONTENT:
            self._skip += 1
            return
        if self._skip or self.truncated or tag not in _ALLOWED_TAGS:
            return
        kept = "".join(
            f' {name}="{escape(value or "")}"'
            for name, value in attrs
            if (name == "style" and _SAFE_STYLE.match(value or "") and "\\" not in (value or ""))
            or (name == "class" and _SAFE_CLASS.match(value or ""))
        )
        if tag == "ins" and self.out and self.out[-1] == "</del>":
            self.out.append(" ")  # "3 4.5", not "34.5", when a word was replaced
        self.out.append(f"<{tag}{kept}>")
        if tag not in _VOID_TAGS:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_CONTENT:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip or self.truncated or tag not in self.stack:
            return
        while self.stack:
            open_tag = self.stack.pop()
            self.out.append(f"</{open_tag}>")
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._skip or self.truncated:
            return
        data = "".join(
            c
            for c in data.translate(_BIDI_CONTROLS)
            if c in "\n\t" or unicodedata.category(c) != "Cc"
        )
        if len(data) > self.budget:
            data = data[: self.budget] + "…"
            self.truncated = True
        self.budget -= len(data)
        self.out.append(escape(data, quote=False))

    def result(self) -> str:
        self.close()
        tail = "".join(f"</{t}>" for t in reversed(self.stack))
        note = ""
        if self.truncated:
            note = (
                '<p style="color:#5f6368;font-size:13px">(diff shortened; both versions are '
                "kept in full in the store's <code>text/</code> folder)</p>"
            )
        return "".join(self.out) + tail + note


def sanitize_diff_html(html_text: str, budget: int = MAX_DIFF) -> Markup:
    """The diff's HTML with anything but text, simple tags and plain inline styles removed."""
    parser = _DiffSanitizer(budget)
    parser.feed(html_text)
    return Markup(parser.result())


_DIFF_TOKEN = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.DOTALL)


def diff_markup_to_html(diff: str, budget: int = MAX_DIFF) -> Markup:
    """HTML for a `[-deleted-]{+inserted+}` diff, for events recorded without `diff_html`."""
    paragraphs = []
    for block in clean_block(diff, budget).split("\n\n"):
        parts, pos = [], 0
        for m in _DIFF_TOKEN.finditer(block):
            parts.append(escape(block[pos : m.start()], quote=False))
            if m.group(1) is not None:
                parts.append(f'<del style="{DEL_STYLE}">{escape(m.group(1), quote=False)}</del>')
            else:
                if parts and parts[-1].endswith("</del>"):
                    parts.append(" ")
                parts.append(f'<ins style="{INS_STYLE}">{escape(m.group(2), quote=False)}</ins>')
            pos = m.end()
        parts.append(escape(block[pos:], quote=False))
        paragraphs.append(
            '<p style="margin:0 0 8px">' + "".join(parts).replace("\n", "<br>") + "</p>"
        )
    return Markup('<div class="diff" style="line-height:1.5">' + "".join(paragraphs) + "</div>")


def count_events(events: Iterable[Event]) -> DigestCounts:
    """How a set of events would be counted in a digest (for status lines)."""
    events = list(events)
    return DigestCounts(
        new=sum(e.kind == "new" and not e.baseline for e in events),
        changed=sum(e.kind == "changed" for e in events),
        removed=sum(e.kind == "removed" for e in events),
        baseline=sum(e.kind == "new" and e.baseline for e in events),
    )
