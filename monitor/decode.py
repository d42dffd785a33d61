"""Turn a response body into text with the charset the page really uses.

Order follows the HTML standard's sniffing: a byte-order mark wins, then the HTTP header, then a
<meta> or XML declaration in the first bytes, then statistical detection. Mis-decoding a Khmer
page would make every check look like an edit, so the guess is the last resort, not the first.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The HTML standard maps these labels to supersets; Latin-1 pages are really windows-1252.
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
            "us-ascii": "cp1252", "x-user-defined": "cp1252"}  # fmt: skip


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def header_charset(content_type: str | None) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type or "", re.I)
    return match.group(1) if match else None


def _valid(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return (text, encoding used)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(name, errors="replace"), name
    head = body[:4096]
    declared = _valid(header_charset(content_type))
    if declared is None:
        match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
        declared = _valid(match.group(1).decode("ascii", "ignore")) if match else None
    if declared:
        if declared == "utf-8" or declared.startswith("utf-16"):
            try:
                return body.decode(declared), declared
            except UnicodeDecodeError:
                pass
            # A few stray bytes in a UTF-8 page are damage, not another charset; a page that
            # says UTF-8 but is mostly invalid is usually cp1252 in disguise.
            text = body.decode(declared, errors="replace")
            if text.count("\ufffd") <= max(3, len(text) // 1000):
                return text, declared
        else:
            return body.decode(declared, errors="replace"), declared
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body).best()
    if best is not None and best.encoding:
        return str(best), best.encoding
    return body.decode("utf-8", errors="replace"), "utf-8"
