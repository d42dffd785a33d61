"""Feed parsing and content sniffing for discovery.

Servers label feeds carelessly (text/html, text/xml, application/octet-stream), so the kind of a
body is decided from its first element, and the Content-Type only breaks ties.
"""

from __future__ import annotations

import html
import re
import time
from datetime import datetime
from typing import Any, Literal

import feedparser
from bs4 import BeautifulSoup
from dateutil import parser as dateparser

from monitor.models import Link, Listing
from monitor.text.normalize import normalize

Kind = Literal["feed", "html", "pdf", "other"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_ROOTS = ("rss", "feed", "rdf")
_DOCUMENT_ROOTS = ("html", "head", "body")
# Roots of HTML served without <html>: fragments, error pages, pages of old hand-made sites.
_FRAGMENT_ROOTS = ("title", "meta", "link", "div", "p", "table", "script", "style", "center",
                   "font", "frameset", "form", "h1", "h2", "span", "a", "img")  # fmt: skip
# Everything that may precede the root element: XML declaration, comments, PIs, DOCTYPE.
_PROLOGUE = re.compile(
    rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*", re.S | re.I
)
_ROOT = re.compile(rb"<\s*(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
# A feed root further in: PHP warnings ("<br /><b>Warning</b>...") printed before the XML.
_FEED_MARK = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")


def _decoded_head(body: bytes) -> bytes:
    """The first few KB as ASCII-compatible bytes, whatever the encoding (UTF-16 feeds exist)."""
    head = body[:4096]
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            head = head[2:].decode(codec, "ignore").encode("utf-8", "ignore")
            break
    else:
        if head[:2] in (b"<\x00", b"\x00<"):  # UTF-16 without BOM
            codec = "utf-16-le" if head[0] == 0x3C else "utf-16-be"
            head = head.decode(codec, "ignore").encode("utf-8", "ignore")
    return head.removeprefix(b"\xef\xbb\xbf")


def _root_name(head: bytes) -> str | None:
    rest = head[_PROLOGUE.match(head).end() :]
    match = _ROOT.match(rest)
    return match.group(1).decode("ascii", "ignore").lower() if match else None


def sniff_kind(content_type: str, body: bytes) -> Kind:
    """What a fetched body is: its first element decides, the Content-Type only breaks ties.

    Feeds come as text/xml, application/rss+xml or even text/html; an HTML error page may
    come where a feed or a PDF was expected. Neither label is trusted over the body.
    """
    ctype = (content_type or "").split(";")[0].strip().lower()
    if body.lstrip()[:5] == b"%PDF-":
        return "pdf"
    head = _decoded_head(body)
    root = _root_name(head)
    if root in _FEED_ROOTS:
        return "feed"
    if root in _DOCUMENT_ROOTS:
        return "html"
    html_type = ctype in _HTML_TYPES
    if (not html_type or root in (None, "br", "b")) and _FEED_MARK.search(head):
        return "feed"
    if root in _FRAGMENT_ROOTS or (html_type and head.strip() and root not in ("xml", "urlset")):
        return "html"
    if re.search(rb"<(?:html|body)\b", head, re.I) and ctype != "application/pdf":
        return "html"
    return "other"


_UNSAFE = re.compile(r'[\s"<>`{}|\\^]')
# Campaign and click tracking that feeds, newsletters and share buttons add to a release's
# URL (WordPress feeds: ?utm_source=rss&utm_medium=rss&utm_campaign=slug), and the way back
# a portal adds to every item of a list (Liferay: ?inheritRedirect=true&redirect=/news, its
# value the list's page of the day). They name the channel, not the document.
_TRACKING_PARAM = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|"
    r"_ga|_gl|_hsenc|_hsmi|mkt_tok|inheritredirect|redirect|returnurl)$",
    re.I,
)


def _strip_tracking(url: str) -> str:
    """The URL without tracking parameters; other parameters keep their order and spelling."""
    base, sep, query = url.partition("?")
    if not sep:
        return url
    params = query.split("&")
    kept = [p for p in params if not _TRACKING_PARAM.match(p.split("=", 1)[0])]
    if len(kept) == len(params):
        return url
    return base + ("?" + "&".join(kept) if any(kept) else "")


def clean_url(url: str) -> str:
    """Fragment and tracking parameters dropped and stray spaces/quotes escaped, so one
    release has one spelling whether it is reached from the listing, the feed or a newsletter."""
    url = _strip_tracking(url.strip().split("#", 1)[0])
    return _UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", url)


def _plain(html_or_text: str | None) -> str:
    if not html_or_text:
        return ""
    if "<" in html_or_text:
        html_or_text = BeautifulSoup(html_or_text, "lxml").get_text(" ")
    # Some CMSs escape twice ("&amp;nbsp;"): one more round leaves clean text untouched.
    return normalize(html.unescape(html_or_text))


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
            Link(
                url=link,
                title=_plain(entry.get("title")) or None,
                date=_entry_date(entry),
                summary=summary,
            )
        )
    next_pages = tuple(
        item["href"]
        for item in parsed.feed.get("links", [])
        if item.get("rel") == "next" and item.get("href")
    )
    return Listing(kind="feed", releases=tuple(releases), next_pages=next_pages)
