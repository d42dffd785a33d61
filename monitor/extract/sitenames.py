"""The names a site calls itself: `og:site_name`, its feeds' titles, the logo and the branding
block or home link, and on a listing page its `<title>`.

A release page built without a headline of its own gives the site's name as its title, so a
title equal to one of these names is chrome: extraction then takes another line as the
headline, and a check takes the listing's link text as the release's title.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from monitor.text.normalize import normalize

from .lines import _lines, _names
from .tree import load_html
from .vocabulary import (
    BRAND_NAMES,
    BRAND_SUFFIXES,
    FEED_WORDS,
    HOME_PAGES,
    LOGO_FILES,
    alternatives,
)

# how a <title> joins its parts: "Headline | Site", "News - Ministry", "Site :: Press", and
# in CJK text a full-width bar, spaced or not ("会談｜外務省")
TITLE_PARTS = re.compile(r"\s+(?:[|–—»«·/:]+|-{1,2}|::)\s+|\s*｜\s*")
_MIN_NAME = 3  # "EN" or "km" in a <title> is no name

# where sites put their name: the logo, the banner, the branding block
_BRAND_NAME = re.compile(
    rf"(?:^|\s)(?:[\w-]*[-_])?(?:{alternatives(BRAND_NAMES)})"
    rf"(?:[-_](?:{alternatives(BRAND_SUFFIXES)}))?(?=$|\s)"
)
_LOGO_FILE = re.compile(alternatives(LOGO_FILES))
_PAGE_HEADER = re.compile(r"(?:^|[\s_-])header(?:$|[\s_-])")
_HOME_PATH = re.compile(
    rf"(?:[a-z]{{2}}(?:-[a-z]{{2}})?/?)?(?:(?:{alternatives(HOME_PAGES)})(?:\.\w+)?)?"
)


def _home_link(el: etree._Element, host: str) -> bool:
    """A link to the site's front page ("/", "/en", "index.php"), as logos are."""
    if el.tag != "a":
        return False
    if el.get("rel") == "home":
        return True
    try:
        href = urlsplit((el.get("href") or "").strip())
    except ValueError:  # "http://[ccpa-preferences]": not an address at all
        return False
    if href.scheme not in ("", "http", "https") or href.query or not (href.path or href.netloc):
        return False  # "#", "?lang=km", "javascript:" are not the front page
    if href.netloc and href.netloc.lower().removeprefix("www.") != host:
        return False  # another site's front page
    path = href.path.lower().strip("/").removesuffix("pages/default.aspx").strip("/")
    return bool(_HOME_PATH.fullmatch(path))


_FEED_TITLE = re.compile(rf"(?P<site>.+?)\s+[»|–—-]\s+.*\b(?:{alternatives(FEED_WORDS)})$", re.I)


def site_names(tree: etree._Element, url: str) -> set[str]:
    """The site's own name as the page shows it: og:site_name, the logo's alt text (a logo
    image, or any image in the home link or branding block), the branding block's or home
    link's text. A <title> that is only this names no release."""
    og_title = normalize(" ".join(tree.xpath("//meta[@property='og:title']/@content")[:1]))
    names = {
        name  # some sites fill og:site_name with the page's title
        for name in tree.xpath(
            "//meta[@property='og:site_name' or @name='application-name']/@content")
        if not og_title or og_title.casefold() not in normalize(name).casefold()
    }  # fmt: skip
    for feed in tree.xpath("//link[@rel='alternate'][contains(@type, 'rss') or "
                           "contains(@type, 'atom')]/@title"):  # fmt: skip
        named = _FEED_TITLE.match(normalize(feed))  # WordPress: "Site » Comments Feed"
        if named:
            names.add(named["site"])
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    article = set(tree.xpath("//article|//main|//article//*|//main//*"))
    brands: dict[etree._Element, bool] = {}

    def branding(el: etree._Element) -> bool:
        if el not in brands:
            brands[el] = _home_link(el, host) or bool(_BRAND_NAME.search(_names(el)))
        return brands[el]

    for el in tree.xpath("//img[@alt]|//a[@href or @rel]|//div[@class or @id]"
                         "|//span[@class or @id]|//p[@class or @id]"):  # fmt: skip
        if el in article:
            continue
        if el.tag == "img":
            own = f"{el.get('src', '')} {_names(el)}".lower()
            branded = _LOGO_FILE.search(own) or any(
                branding(a)
                or ((a.tag == "header" or _PAGE_HEADER.search(_names(a))) and "logo" in own)
                for a in el.iterancestors() if a.tag not in ("html", "body")
            )  # fmt: skip
            if branded:
                names.add(el.get("alt") or "")
        elif branding(el) and len(el.text_content()) <= 300:
            names.update(_lines(el, skip_chrome=False))
    return {n.casefold() for n in map(normalize, names) if n and len(n) <= 150}


def listing_site_names(html: str, url: str) -> set[str]:
    """The site's names on a listing page (`site_names`), and its `<title>` whole and in
    parts: a listing's title names the site ("News | Ministry of Foreign Affairs")."""
    tree = load_html(html) if html and html.strip() else None
    if tree is None:
        return set()
    title = normalize(" ".join(tree.xpath("//head/title//text()")))
    parts = {title, *TITLE_PARTS.split(title)}
    names = {p.casefold() for p in map(str.strip, parts) if len(p) >= _MIN_NAME}
    return names | {n for n in site_names(tree, url) if len(n) >= _MIN_NAME}
