"""Links and their context: where a link sits (in chrome, in a pager), what its URL is (a
share button, a tag page, a file, the page in another language), and the per-page facts
and caches the heuristics share (`_Page`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache, partial
from urllib.parse import parse_qsl, urljoin, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from monitor.sources.feeds import clean_url
from monitor.sources.vocabulary import (
    ARROWS,
    BLOCK_TAGS,
    CHROME_CLASSES,
    CHROME_ROLES,
    CHROME_TAGS,
    FILE_EXTENSIONS,
    HUB_SEGMENTS,
    LANGUAGE_NAMES,
    LANGUAGE_QUERY,
    NON_ARTICLE_QUERY,
    NON_ARTICLE_SEGMENTS,
    PAGE_PARAMETERS,
    PAGE_SEGMENTS,
    PAGER_CLASSES,
    PAGER_LABELS,
    QUALIFYING_CLASSES,
    SECOND_LEVEL_DOMAINS,
    SHARE_HOSTS,
    STATE_CLASSES,
    WEAK_PAGE_PARAMETERS,
    alternatives,
)
from monitor.text.normalize import normalize
from monitor.text.words import word_count

# Class/id words of page chrome (see CHROME_CLASSES: kept narrow on purpose)
_CHROME_TOKEN = re.compile(rf"(?:^|[-_])(?:{alternatives(CHROME_CLASSES)})(?:$|[-_])", re.I)
_PAGER_TOKEN = re.compile(rf"(?:^|[-_])(?:{alternatives(PAGER_CLASSES)})(?:$|[-_])", re.I)
_SHARE_HOSTS = re.compile(rf"(^|\.)({alternatives(SHARE_HOSTS)})$", re.I)
_NON_ARTICLE_PATH = re.compile(
    rf"/(?:{alternatives(NON_ARTICLE_SEGMENTS)})(?=/|$|\.)"
    # hubs: /topic/politics is a theme page, /topic/politics/some-story is a story
    rf"|/(?:{alternatives(HUB_SEGMENTS)})/[^/]+/?$",
    re.I,
)
_DATE_ARCHIVE = re.compile(r"/(?:(?:19|20)\d\d/\d{1,2}(?:/\d{1,2})?|archive/(?:19|20)\d\d)/?$")
_FILE_EXT = re.compile(rf"\.(?:{alternatives(FILE_EXTENSIONS)})$", re.I)
# A link text's words, with Chinese and Japanese measured by length too
_link_words = partial(word_count, cjk=True)
_LANG_SEGMENT = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2,4})?$", re.I)
_PAGE_PARAM = re.compile(rf"^(?:{alternatives(PAGE_PARAMETERS)})$", re.I)
_PATH_PAGE = re.compile(rf"/(?:{alternatives(PAGE_SEGMENTS)})/(\d+)/?$", re.I)


@lru_cache(maxsize=8192)
def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _site(host: str) -> str:
    """Registrable-domain approximation: enough to tell a ministry's own hosts from others."""
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in SECOND_LEVEL_DOMAINS:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _norm_path(path: str) -> str:
    return path.rstrip("/") or "/"


def query_pairs(query: str) -> list[tuple[str, str]]:
    """A URL's query as (key, value) pairs, a bare word kept as a key without a value: SPIP
    names its pages so ("spip.php?article412"), which `parse_qsl` alone drops."""
    return parse_qsl(query, keep_blank_values=True)


def _same_page(url: str, other: str) -> bool:
    a, b = urlsplit(url), urlsplit(other)
    return (
        _host(url) == _host(other)
        and _norm_path(a.path) == _norm_path(b.path)
        and sorted(query_pairs(a.query)) == sorted(query_pairs(b.query))
    )


def _text(el: Tag) -> str:
    """Visible text with spaces between blocks only: "<span>50</span>-Year" stays "50-Year"."""
    parts: list[str] = []
    for node in el.descendants:
        if isinstance(node, Tag):
            if node.name in BLOCK_TAGS:
                parts.append(" ")
        elif type(node) is NavigableString:
            parts.append(str(node))
            if (
                node.next_sibling is None
                and isinstance(node.parent, Tag)
                and (node.parent.name in BLOCK_TAGS)
            ):
                parts.append(" ")
    return normalize("".join(parts))


def _classes(el: Tag) -> list[str]:
    value = el.get("class") or []
    return value if isinstance(value, list) else str(value).split()


def _tokens(el: Tag) -> list[str]:
    """Class and id words, camelCase split ("navSecondary" -> "nav-Secondary")."""
    ident = el.get("id")
    words = [*_classes(el), *([str(ident)] if ident else [])]
    return [_camel_split(w) for w in words]


@lru_cache(maxsize=4096)
def _camel_split(word: str) -> str:
    return _CAMEL.sub("-", word)


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


# Class words that only qualify: "has-sidebar", "content-sidebar-wrap" (Genesis), "main-header".
_NOT_CHROME_TOKEN = re.compile(rf"(?:^|[-_])(?:{alternatives(QUALIFYING_CLASSES)})(?:$|[-_])", re.I)


def _chrome_level(el: Tag) -> int:
    """2: chrome by HTML semantics (nav, footer, role=navigation); 1: by class name; 0: none.
    The page's main element is never chrome, nor what wraps it, whatever their classes say
    (Bootstrap's "row-offcanvas" around <main>)."""
    role = str(el.get("role") or "").lower()
    if el.name in CHROME_TAGS or role in CHROME_ROLES:
        return 2
    named = any(_CHROME_TOKEN.search(t) and not _NOT_CHROME_TOKEN.search(t) for t in _tokens(el))
    return int(named and not _is_main(el) and el.find(_is_main) is None)


def _is_main(el: Tag) -> bool:
    return el.name == "main" or str(el.get("role") or "").lower() == "main"


def _is_pager(el: Tag) -> bool:
    return any(_PAGER_TOKEN.search(t) for t in _tokens(el)) or (
        str(el.get("aria-label") or "").lower() in PAGER_LABELS
    )


def _strip_arrows(text: str) -> str:
    return normalize(text.strip(ARROWS + " \u00a0").lower())


def _page_param(url: str) -> tuple[str, int] | None:
    """The pagination parameter of a URL and its value, e.g. ("page", 2) or ("/page/", 3)."""
    parts = urlsplit(url)
    if m := _PATH_PAGE.search(parts.path):
        return "/page/", int(m[1])
    for key, value in query_pairs(parts.query):
        if _PAGE_PARAM.match(key) and value.isdigit():
            return key.lower(), int(value)
    return None


def _strip_page(url: str) -> tuple[str, str]:
    """(host, path) of a URL with its pagination segment removed, to compare listing pages."""
    parts = urlsplit(url)
    return _host(url), _norm_path(_PATH_PAGE.sub("", parts.path))


def resolve_link(base: str, href: str) -> str | None:
    """The absolute http(s) URL a link's href names; None for anchors, mailto:, javascript:..."""
    href = href.strip()
    if not href or href.startswith("#"):
        return None
    try:
        url = clean_url(urljoin(base, href))
    except ValueError:
        return None
    return url if url.startswith(("http://", "https://")) else None


@dataclass
class _Cand:
    a: Tag
    url: str
    text: str
    pos: int
    sig: tuple[str, ...] = ()


@dataclass
class _Page:
    """Per-document facts and caches shared by the heuristics."""

    soup: BeautifulSoup
    url: str  # the listing's own URL
    base: str  # what relative links resolve against
    month_first: bool | None  # how the page writes 04/05/2015
    lang: str  # primary language subtag of the page ("en"), "" when unknown
    sig_cache: dict[int, str] = field(default_factory=dict)
    common_cache: dict[tuple[int, str], set[str] | None] = field(default_factory=dict)
    chrome_cache: dict[int, int] = field(default_factory=dict)
    pager_cache: dict[int, bool] = field(default_factory=dict)
    url_cache: dict[str, str | None] = field(default_factory=dict)

    def resolve(self, href: str) -> str | None:
        """Absolute http(s) URL of a link, None for anchors, mailto:, javascript:..."""
        if href not in self.url_cache:
            self.url_cache[href] = resolve_link(self.base, href)
        return self.url_cache[href]

    def signature(self, el: Tag) -> str:
        """Tag and stable classes: what repeated items share and per-item classes don't."""
        key = id(el)
        if key not in self.sig_cache:
            classes = {c for c in _classes(el) if not re.search(r"\d", c)} - STATE_CLASSES
            common = self._common_classes(el)
            if common is not None:
                classes &= common
            ident = str(el.get("id") or "")
            ident = "" if re.search(r"\d", ident) else "#" + ident if ident else ""
            self.sig_cache[key] = el.name + "".join("." + c for c in sorted(classes)) + ident
        return self.sig_cache[key]

    def _common_classes(self, el: Tag) -> set[str] | None:
        parent = el.parent
        if parent is None:
            return None
        key = (id(parent), el.name)
        if key not in self.common_cache:
            siblings = parent.find_all(el.name, recursive=False)
            if len(siblings) >= 3:
                sets = [set(_classes(s)) for s in siblings]
                self.common_cache[key] = set.intersection(*sets)
            else:
                self.common_cache[key] = None
        return self.common_cache[key]

    def path_signature(self, a: Tag) -> tuple[str, ...]:
        chain = [a, *(p for p in a.parents if isinstance(p, Tag) and p.name != "[document]")]
        return tuple(self.signature(el) for el in reversed(chain))

    def is_pager(self, el: Tag) -> bool:
        key = id(el)
        if key not in self.pager_cache:
            self.pager_cache[key] = _is_pager(el)
        return self.pager_cache[key]

    def in_chrome(self, el: Tag) -> int:
        """How surely `el` sits in navigation, header, footer...: the strongest ancestor."""
        level = 0
        node: Tag | None = el
        while node is not None and node.name not in ("[document]", "body", "html"):
            key = id(node)
            if key not in self.chrome_cache:
                self.chrome_cache[key] = _chrome_level(node)
            level = max(level, self.chrome_cache[key])
            if level == 2:
                break
            node = node.parent
        return level


def _lang_switch(a: Tag, url: str, text: str, page: _Page) -> bool:
    """Links to this page (or the site) in another language: never releases."""
    if text.lower().strip("[]()|") in LANGUAGE_NAMES and not _same_page(url, page.url):
        return True
    # hreflang alone proves nothing: Drupal marks every link with its content's language, and
    # a Khmer release listed on the English page is still a release. A short label is a switch.
    link_lang = str(a.get("hreflang") or a.get("lang") or "").lower()[:2]
    if link_lang and page.lang and link_lang != page.lang and _link_words(text) <= 2:
        return True
    parts, here = urlsplit(url), urlsplit(page.url)
    same_path = _norm_path(parts.path) == _norm_path(here.path)
    if same_path and any(k.lower() in LANGUAGE_QUERY for k, _ in query_pairs(parts.query)):
        return True
    # /en/news/x <-> /km/news/x : the same page in another language
    segs = [x for x in parts.path.split("/") if x]
    own = [x for x in here.path.split("/") if x]
    if segs and _host(url) == _host(page.url):
        a_lang = bool(_LANG_SEGMENT.match(segs[0]))
        b_lang = bool(own and _LANG_SEGMENT.match(own[0]))
        if a_lang and b_lang and segs[0] != own[0] and segs[1:] == own[1:]:
            return True
        if a_lang and not b_lang and segs[1:] == own:
            return True
        if b_lang and not a_lang and segs == own[1:]:
            return True
    return False


def _non_article(url: str, page: _Page) -> bool:
    """URLs that are never releases, whatever list they sit in."""
    parts = urlsplit(url)
    host = _host(url)
    if _SHARE_HOSTS.search(host):
        return True
    if _site(host) != _site(_host(page.url)):
        return True
    path = parts.path
    if _NON_ARTICLE_PATH.search(path) or _FILE_EXT.search(path) or _DATE_ARCHIVE.search(path):
        return True
    if _PATH_PAGE.search(path):
        return True
    query = query_pairs(parts.query)
    if any(k.lower() in NON_ARTICLE_QUERY or k.lower().startswith("filter") for k, _ in query):
        return True
    if _same_page(url, page.url):
        return True
    # Ancestors of the listing (home, section pages) are navigation, not releases.
    here = urlsplit(page.url)
    if host == _host(page.url):
        mine, own = _norm_path(path), _norm_path(here.path)
        if own != "/" and (mine == "/" or own.startswith(mine.rstrip("/") + "/")):
            return True
        if mine == own and not query:
            return True
        # The listing itself under another page number or filter: a variant, not a release.
        info = _page_param(url)
        if mine == own and info is not None and info[0] not in WEAK_PAGE_PARAMETERS:
            return True  # ?p=123 may be a WordPress post: weak names are judged by link text
    return False


def _candidates(page: _Page) -> list[_Cand]:
    out: list[_Cand] = []
    for pos, a in enumerate(page.soup.find_all("a", href=True)):
        url = page.resolve(str(a["href"]))
        if url is None:
            continue
        out.append(_Cand(a=a, url=url, text=_text(a), pos=pos))
    return out
