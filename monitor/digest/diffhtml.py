"""Diff HTML: written here, and read back here. The digest, the feed and `tools/` show it.

A check stores each edit's diff as HTML in its event (`Event.diff_html`, inline styles, for
email clients); what comes back from the store is data like any other, so it is sanitised to a
short list of tags and plain inline styles, and cut to a budget, before it is embedded. Events
recorded without it get HTML from their `[-deleted-]{+inserted+}` text instead.
"""

from __future__ import annotations

import re
import unicodedata
from html import escape
from html.parser import HTMLParser

from markupsafe import Markup

from monitor.detect.diff import MOVED_PREVIEW, Hunk, Segment, TextDiff, head, shown_segments, wrap
from monitor.digest.untrusted import BIDI_CONTROLS, clean_block

MAX_DIFF = 4000  # characters of diff text per edited release; the store keeps the rest

DEL_STYLE = "color:#b00020;text-decoration:line-through;background:#fde7e9"
INS_STYLE = "color:#05652d;text-decoration:none;background:#e6f4ea"
CONTEXT_STYLE = "color:#5f6368"


# --- writing -------------------------------------------------------------------------------


def diff_html(diff: TextDiff) -> str:
    """Inline-styled HTML for email. Everything is escaped: the text is untrusted."""
    if not diff.hunks:
        return ""
    body = "\n".join(_hunk_html(h) for h in diff.hunks)
    return f'<div class="diff" style="line-height:1.5">\n{body}\n</div>'


def _hunk_html(hunk: Hunk) -> str:
    if hunk.kind == "moved":
        body = "<em>(moved here)</em> " + _esc(head(hunk.new_text, MOVED_PREVIEW))
    else:
        body = "".join(_mark_html(s) for s in shown_segments(hunk))
    before, after = _esc(hunk.context_before), _esc(hunk.context_after)
    if hunk.paragraph:
        lines = [f'<div style="{CONTEXT_STYLE}">{before}</div>'] if before else []
        lines.append(f"<div>{body}</div>")
        if after:
            lines.append(f'<div style="{CONTEXT_STYLE}">{after}</div>')
        return f'<div style="margin:0 0 1em">{"".join(lines)}</div>'
    parts = [f'<span style="{CONTEXT_STYLE}">{before}</span>'] if before else []
    parts.append(body)
    if after:
        parts.append(f'<span style="{CONTEXT_STYLE}">{after}</span>')
    return f'<p style="margin:0 0 1em">{" ".join(parts)}</p>'


def _mark_html(seg: Segment) -> str:
    if seg.op == "equal":
        return _esc(seg.text)
    tag, style = ("del", DEL_STYLE) if seg.op == "delete" else ("ins", INS_STYLE)
    return wrap(seg.text, lambda core: f'<{tag} style="{style}">{_esc(core)}</{tag}>')


def _esc(text: str) -> str:
    return escape(text, quote=True).replace("\n", "<br>")


# --- reading stored diff HTML back -----------------------------------------------------------

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
            for c in data.translate(BIDI_CONTROLS)
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
