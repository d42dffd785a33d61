"""Text from pages and servers, made safe to show in a digest, a chat message or a feed.

Titles, text, URLs and error messages are untrusted: control characters are removed so a title
can never break a line or a header, bidirectional overrides so it cannot display as something
else, and only http(s) addresses become links.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

MAX_TITLE = 300  # characters of a title shown; longer ones are cut with an ellipsis

# Bidirectional overrides and isolates can make a title display as something else.
BIDI_CONTROLS = dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]
)


def clean_line(value: object, limit: int = MAX_TITLE) -> str:
    """One line of display text: no control characters, no line breaks, whitespace collapsed."""
    text = str(value or "").translate(BIDI_CONTROLS)
    text = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    text = " ".join(text.split())  # also folds U+2028/U+2029 and other Unicode spaces
    return cut(text, limit)


def clean_block(value: object, limit: int) -> str:
    """Multi-line display text: line breaks kept, other control characters removed."""
    lines = str(value or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    text = "\n".join(clean_line(line, limit) for line in lines)
    return cut(re.sub(r"\n{3,}", "\n\n", text).strip(), limit)


def cut(text: str, limit: int) -> str:
    """At most `limit` characters, an ellipsis marking a cut."""
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
