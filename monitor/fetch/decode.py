"""Turn a response body into text with the charset the page really uses.

Order follows the HTML standard's sniffing: a byte-order mark wins, then the HTTP header, then a
<meta> or XML declaration in the first bytes, then bytes that are valid UTF-8 are UTF-8, and only
then a guess. Mis-decoding a Khmer page would make every check look like an edit, so the guess is
the last resort, not the first.

The guess is Firefox's detector (chardetng), made for exactly this: legacy single-byte and CJK web
pages, short ones included, with the top-level domain as a hint. General-purpose detectors
(charset-normalizer) score candidates by language statistics that short text does not carry: they
read a cp1252 "Café déjà vu" as cp1250 or cp1257 ("déjŕ", "déją") and TIS-620 Thai as cp1250.

Stray NUL bytes in a text page are dropped: one NUL (a CMS bug) would otherwise make the page
"binary" for the reader, for good. A body that is NULs in earnest (binary, UTF-16) keeps them.
"""

from __future__ import annotations

import codecs
import re
from urllib.parse import urlsplit

from chardetng_py import detect

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
            "us-ascii": "cp1252", "x-user-defined": "cp1252", "iso-8859-8-i": "iso8859-8",
            "x-mac-cyrillic": "mac-cyrillic"}  # fmt: skip


_NUL_SHARE = 100  # NULs in at most 1 character in this many are damage, not binary data


# The HTML standard's "text/html" sniffing patterns (MIME Sniffing §7.1), after leading
# whitespace: a page served as application/octet-stream by a misconfigured server is still read.
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<script", b"<iframe", b"<h1", b"<div",
                b"<font", b"<table", b"<a", b"<style", b"<title", b"<b", b"<body", b"<br", b"<p",
                b"<!--")  # fmt: skip
GENERIC_TYPES = frozenset({"application/octet-stream", "binary/octet-stream", "application/unknown",
                           "unknown/unknown", "application/x-unknown"})  # fmt: skip


def looks_like_html(body: bytes) -> bool:
    """A body that starts as an HTML page does (each pattern ends at a space or `>`)."""
    head = body.removeprefix(codecs.BOM_UTF8)[:512].lstrip(b" \t\r\n\f").lower()
    return any(
        head.startswith(start) and head[len(start) : len(start) + 1] in (b" ", b">", b"\t", b"\n")
        for start in _HTML_STARTS
    )


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


def decode_body(
    body: bytes, content_type: str | None = None, url: str | None = None
) -> tuple[str, str]:
    """Return (text, encoding used); `url` lends its top-level domain to the guess."""
    text, encoding = _decode(body, content_type, url)
    return _drop_stray_nuls(text), encoding


def _drop_stray_nuls(text: str) -> str:
    nuls = text.count("\x00")
    return text.replace("\x00", "") if nuls and nuls * _NUL_SHARE <= len(text) else text


def _tld(url: str | None) -> bytes | None:
    host = (urlsplit(url).hostname or "") if url else ""
    label = host.rsplit(".", 1)[-1]
    if not label.isascii() or not label.isalpha():  # an IP address, no dot, or not punycode
        return None
    return label.lower().encode("ascii")


def _decode(body: bytes, content_type: str | None, url: str | None) -> tuple[str, str]:
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
    guessed = _valid(detect(body, allow_utf8=False, tld=_tld(url))) or "cp1252"
    return body.decode(guessed, errors="replace"), guessed
