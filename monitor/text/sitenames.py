"""The names a site calls itself: in its `<title>`, `og:site_name`, logo and banner.

Article pages built without a headline of their own give the site's name as their title. The
listing pages of the same site show that name in the same places, so a release title equal to
one of these names is chrome, and the listing's link text is the better title.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from monitor.text.normalize import normalize

_SEPARATORS = re.compile(r"\s+[|\-–—:·»]+\s+|\s*::\s*")
# Class or id words of branding blocks; a bare "header" only for the page's own header, not
# "entry-header", which WordPress puts round every post title of a listing.
_BRANDING = re.compile(
    r"logo|brand|site-?name|site-?title|banner|masthead|^(?:site|page|main|top)?[-_]?header$",
    re.I,
)
_MAX_NAME = 160


def site_names(html: str) -> set[str]:
    """Case-folded names (whole `<title>` and its parts) found in a page's chrome."""
    if not html:
        return set()
    soup = BeautifulSoup(html, "lxml")
    names: set[str] = set()
    if soup.title and soup.title.string:
        whole = normalize(soup.title.get_text(" "))
        names.add(whole)
        names.update(part for part in _SEPARATORS.split(whole))
    meta = soup.find("meta", attrs={"property": "og:site_name"})
    if isinstance(meta, Tag) and meta.get("content"):
        names.add(normalize(str(meta["content"])))
    for el in soup.find_all(_is_branding):
        for text in (el.get_text(" "), *(str(img.get("alt") or "") for img in el.find_all("img"))):
            text = normalize(text)
            if text and len(text) <= _MAX_NAME:
                names.add(text)
        for block in el.find_all(["a", "h1", "h2", "h3", "div", "span", "p", "strong"]):
            text = normalize(block.get_text(" "))
            if text and len(text) <= _MAX_NAME:
                names.add(text)
    return {n.casefold() for n in names if len(n) >= 3}


def _is_branding(el: Tag) -> bool:
    if el.name == "header" and el.find_parent(["article", "main", "li"]) is None:
        return True
    words = [*(el.get("class") or []), str(el.get("id") or "")]
    return any(_BRANDING.search(w) for w in words if w)
