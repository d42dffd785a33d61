"""Feed parsing and content sniffing for discovery.

Servers label feeds carelessly (text/html, text/xml, application/octet-stream), so the kind of a
body is decided from its first element, and the Content-Type only breaks ties.
"""

from __future__ import annotations

import html
import re
import time
import unicodedata
from datetime import datetime
from typing import Any, Literal

import feedparser
from bs4 import BeautifulSoup
from dateutil import parser as dateparser

from monitor.models import Link, Listing

Kind = Literal["feed", "html", "pdf", "other"]

_FEED_TYPES = ("rss", "atom", "rdf")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Everything that may precede the root element: BOM, XML declaration, comments, PIs, DOCTYPE.
_PROLOGUE = re.compile(rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.S | re.I)
_ROOT = re.compile(rb"<\s*(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


def _decoded_head(body: bytes) -> bytes:
    """The first few KB as ASCII-compatible bytes, whatever the encoding (UTF-16 feeds exist)."""
    head = body[:4096]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(codec, "ignore").encode("utf-8", "ignore")
    if head[:2] in (b"<\x00", b"\x00<"):  # UTF-16 without BOM
        codec = "utf-16-le" if head[0] == 0x3C else "utf-16-be"
        return head.decode(codec, "ignore").encode("utf-8", "ignore")
    return head.removeprefix(b"\xef\xbb\xbf")


def _root_name(body: bytes) -> str | None:
    head = _decoded_head(body)
    rest = head[_PROLOGUE.match(head).end() :]
    match = _ROOT.match(rest)
    return match.group(1).decode("ascii", "ignore").lower() if match else None


def sniff_kind(content_type: str, body: bytes) -> Kind:
    """What a fetched body is: the root element decides, the Content-Type is a fallback."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if body.lstrip()[:5] == b"%PDF-" or (ctype == "application/pdf" and not body.strip()):
        return "pdf"
    root = _root_name(body)
    if root in ("rss", "feed", "rdf"):
        return "feed"
    if root == "html" or root in ("head", "body", "title", "meta", "div", "p", "table", "script"):
        return "html"
    if ctype == "application/pdf":
        return "other"  # announced as PDF but is not one: never hand it to the PDF reader
    if any(t in ctype for t in _FEED_TYPES) and root is None:
        return "other"
    if ctype in _HTML_TYPES and root is not None and root not in ("xml", "urlset", "sitemapindex"):
        return "html"
    return "other"


_WS = re.compile(r"\s+")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"), None)


def clean_text(text: str | None) -> str:
    """NFC, invisible characters out (soft hyphens split words for search), whitespace collapsed."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text.translate(_INVISIBLE))
    return _WS.sub(" ", text).strip()


_UNSAFE = re.compile(r'[\s"<>`{}|\\^]')


def clean_url(url: str) -> str:
    """Fragment dropped and stray spaces/quotes escaped, so one release has one spelling."""
    url = url.strip().split("#", 1)[0]
    return _UNSAFE.sub(lambda m: "%{:02X}".format(ord(m.group())), url)


def _plain(html_or_text: str | None) -> str:
    if not html_or_text:
        return ""
    if "<" in html_or_text:
        html_or_text = BeautifulSoup(html_or_text, "lxml").get_text(" ")
    # Some CMSs escape twice ("&amp;nbsp;"): one more round leaves clean text untouched.
    return clean_text(html.unescape(html_or_text))


def _entry_date(entry: Any) -> str | None:
    """The publication date as the publisher wrote it: the local date, not the UTC one."""
    for key in ("published", "updated", "created", "dc_date"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return dateparser.parse(raw, fuzzy=True, ignoretz=True).date().isoformat()
        except (ValueError, OverflowError, TypeError):
            pass
        parsed = entry.get(key + "_parsed")
        if parsed:
            return datetime.fromtimestamp(time.mktime(parsed)).date().isoformat()
    return None


def _entry_link(entry: Any) -> str | None:
    link = entry.get("link")
    if link:
        return link
    for candidate in entry.get("links", []):
        if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
            return candidate["href"]
    guid = entry.get("id") or ""
    if guid.startswith(("http://", "https://")) and entry.get("guidislink", True):
        return guid
    return None


def parse_feed(body: bytes, url: str) -> Listing:
    """Releases announced by an RSS/Atom feed, newest first as the feed orders them.

    Relative links (and xml:base) are resolved against `url`. Pagination follows RFC 5005
    (`<link rel="next">`) when the feed offers it.
    """
    parsed = feedparser.parse(body, response_headers={"content-location": url})
    releases: list[Link] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = _entry_link(entry)
        if not link:
            continue
        link = clean_url(link)
        if link in seen or not link.startswith(("http://", "https://")):
            continue
        seen.add(link)
        summary = _plain(entry.get("summary")) or None
        releases.append(
            Link(url=link, title=_plain(entry.get("title")) or None, date=_entry_date(entry),
                 summary=summary)
        )
    next_pages = tuple(
        item["href"]
        for item in parsed.feed.get("links", [])
        if item.get("rel") == "next" and item.get("href")
    )
    return Listing(kind="feed", releases=tuple(releases), next_pages=next_pages)
