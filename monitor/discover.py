"""Discovery: which links on a listing page are releases, and which pages of the listing follow.

Press pages are built by many CMSs, so nothing here knows a site. A listing is recognised by its
shape: release links repeat in the same DOM position (same tag/class path), carry sentence-like
titles and usually a date, and point to URLs of one pattern; menus, footers, category and share
links repeat too, but with one-word titles, in chrome, or with URLs of many patterns.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import islice
from urllib.parse import parse_qsl, urljoin, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from soupsieve import SelectorSyntaxError

from monitor.feeds import clean_text, clean_url, parse_feed, sniff_kind
from monitor.models import Link, Listing

__all__ = ["discover", "find_date", "parse_feed", "sniff_kind"]

# --- dates -------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        "january jan januar jänner janvier enero janeiro januari មករា",
        "february feb februar février fevrier febrero fevereiro februari កុម្ភៈ",
        "march mar märz maerz mars marzo março maret mac មីនា",
        "april apr avril abril មេសា",
        "may mai mayo maio mei ឧសភា",
        "june jun juni juin junio junho មិថុនា",
        "july jul juli juillet julio julho julai កក្កដា",
        "august aug augusti août aout agosto agustus ogos សីហា",
        "september sep sept septembre septiembre setembro កញ្ញា",
        "october oct oktober okt octobre octubre outubro តុលា",
        "november nov novembre noviembre novembro វិច្ឆិកា",
        "december dec dezember dez décembre decembre diciembre dezembro desember disember ធ្នូ",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _num
_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
_L, _R = r"(?<![^\W\d_])", r"(?![^\W\d_])"  # not inside a (Latin) word
_YEAR = r"((?:19|20)\d\d)(?!\d)"
_DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"(?<!\d)((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")),
    (
        "dMy",
        re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er)?\.?[\s\-/,.]*{_L}({_MONTH})\.?{_R}[\s\-/,.]*{_YEAR}",
            re.I,
        ),
    ),
    (
        "Mdy",
        re.compile(
            rf"{_L}({_MONTH})\.?{_R}[\s\-/.]*(\d{{1,2}})(?:st|nd|rd|th)?(?!\d)[\s,.\-/]*{_YEAR}",
            re.I,
        ),
    ),
    ("cjk", re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")),
    (
        "vi",
        re.compile(r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*,|\s+năm)?\s+((?:19|20)\d\d)", re.I),
    ),
    ("num", re.compile(r"(?<![\d.:/-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d\d)(?![\d:]|[./-]\d)")),
)
_DIGITS = {**{0x17E0 + i: str(i) for i in range(10)}, **{0x0E50 + i: str(i) for i in range(10)}}


def _make_date(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat() if 1900 <= year <= 2100 else None
    except ValueError:
        return None


def _date_matches(text: str, dayfirst: bool | None) -> Iterator[tuple[int, int, str]]:
    """(start, end, ISO date) for every date written in `text`."""
    text = text.translate(_DIGITS)
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            found: str | None
            if kind == "ymd":
                found = _make_date(int(m[1]), int(m[3]), int(m[4]))
            elif kind == "dMy":
                found = _make_date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
            elif kind == "cjk":
                found = _make_date(int(m[1]), int(m[2]), int(m[3]))
            elif kind == "vi":
                found = _make_date(int(m[3]), int(m[2]), int(m[1]))
            elif kind == "Mdy":
                found = _make_date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
            else:
                a, b, y = int(m[1]), int(m[3]), int(m[4])
                y += 2000 if y < 100 and y < 70 else 1900 if y < 100 else 0
                first = dayfirst if dayfirst is not None else m[2] == "."
                if a > 12 or b > 12:
                    first = a > 12
                found = _make_date(y, b, a) if first else _make_date(y, a, b)
            if found:
                yield m.start(), m.end(), found


def find_date(text: str, *, dayfirst: bool | None = None) -> str | None:
    """The first date written in `text` as ISO YYYY-MM-DD.

    Numeric dates that could be read both ways (04/05/2015) follow `dayfirst`; left to None, a
    dotted date is read day-first (German, Khmer usage) and a slashed one month-first.
    """
    best = min(_date_matches(text, dayfirst), default=None)
    return best[2] if best else None


# --- links and their context -------------------------------------------------------------

_CHROME_TAGS = {"nav", "aside", "menu", "header", "footer"}
_CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "menu", "menubar",
                 "toolbar", "dialog"}  # fmt: skip
# Class/id words of page chrome. Kept narrow on purpose: a word that also names content
# wrappers ("search-results", "widget", "archive", "lang-en") would hide whole listings.
_CHROME_TOKEN = re.compile(
    r"(?:^|[-_])(?:nav|navbar|navigation|menu|menus|megamenu|mega-menu|breadcrumbs?|sidebar|"
    r"footer|header|masthead|topbar|toolbar|skip|share|sharing|social|socials|cookies?|banner|"
    r"languages?|lang-?switch(?:er)?|language-?switch(?:er)?|langs|offcanvas|off-canvas|"
    r"dropdown|subnav|related|popular|most-read|tagcloud|tag-cloud|quicklinks|quick-links)"
    r"(?:$|[-_])",
    re.I,
)
_PAGER_TOKEN = re.compile(
    r"(?:^|[-_])(?:pager|pagination|paging|paginator|pagenav|page-?numbers|page-?nav|nav-links|"
    r"wp-pagenavi|pages|page-?list|page-?links)(?:$|[-_])",
    re.I,
)
_STATE_CLASSES = {"first", "last", "odd", "even", "active", "current", "selected", "open",
                  "closed", "show", "hidden", "in", "clearfix", "clear", "featured", "sticky",
                  "new", "alt"}  # fmt: skip

_SHARE_HOSTS = re.compile(
    r"(^|\.)(facebook\.com|fb\.com|twitter\.com|x\.com|linkedin\.com|pinterest\.\w+|reddit\.com|"
    r"wa\.me|whatsapp\.com|t\.me|telegram\.me|addtoany\.com|addthis\.com|sharethis\.com|"
    r"tumblr\.com|vk\.com|line\.me|plus\.google\.com|getpocket\.com|digg\.com|"
    r"stumbleupon\.com|xing\.com|weibo\.com)$",
    re.I,
)
_NON_ARTICLE_PATH = re.compile(
    r"/(?:tags?|category|categories|author|authors|labels?|users?|members?|login|logout|"
    r"signin|sign-in|signup|sign-up|register|account|my-account|search|feed|feeds|rss|atom|"
    r"print|share|subscribe|unsubscribe|sitemap|cart|wp-admin|wp-login\.php|cdn-cgi|comments?|"
    r"calendar|contact|contact-us|about|about-us|faqs?|privacy(?:-policy)?|terms(?:-of-use)?|"
    r"accessibility|disclaimer|copyright|imprint|impressum|datenschutz)(?=/|$|\.)"
    # hubs: /topic/politics is a theme page, /topic/politics/some-story is a story
    r"|/(?:topics?|themes?|themen|thema|taxonomy/term|section|sections)/[^/]+/?$",
    re.I,
)
_DATE_ARCHIVE = re.compile(r"/(?:(?:19|20)\d\d/\d{1,2}(?:/\d{1,2})?|archive/(?:19|20)\d\d)/?$")
_FILE_EXT = re.compile(
    r"\.(?:jpe?g|png|gif|svg|webp|bmp|ico|tiff?|css|js|json|xml|rss|atom|rdf|mp3|mp4|m4a|"
    r"m4v|wav|ogg|avi|mov|wmv|flv|zip|rar|7z|gz|tgz|exe|msi|dmg|apk|ics|vcf|woff2?|ttf)$",
    re.I,
)
_DOC_EXT = re.compile(r"\.(?:pdf|docx?|odt|rtf)$", re.I)
_NON_ARTICLE_QUERY = {"replytocom", "share", "print", "s", "q", "search", "query", "keys",
                      "keyword", "keywords", "searchword", "sort", "sort_by", "sort_order",
                      "order", "orderby", "order_by", "direction", "limit", "format", "output",
                      "feed", "tmpl", "action", "returnurl", "return", "redirect"}  # fmt: skip
_LANG_QUERY = {"lang", "language", "locale", "hl", "lng", "lc", "culture", "sitelang"}
_LANG_NAMES = {
    "english", "français", "francais", "deutsch", "español", "espanol", "中文", "简体中文",
    "繁體中文", "ខ្មែរ", "ភាសាខ្មែរ", "khmer", "ไทย", "thai", "tiếng việt", "bahasa indonesia",
    "bahasa melayu", "русский", "العربية", "日本語", "한국어", "ພາສາລາວ", "lao", "português",
    "italiano", "nederlands", "မြန်မာ", "filipino", "en", "km", "kh", "fr", "de", "es", "zh",
    "cn", "th", "vi", "vn", "id", "ms", "ru", "ar", "ja", "ko", "lo", "my", "pt", "it",
}  # fmt: skip
_LANG_SEGMENT = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2,4})?$", re.I)
_GENERIC_TEXT = re.compile(
    r"^(?:read|view|see|learn|find out|click|continue|more|details?|full|here|open|download|"
    r"weiterlesen|weiter|mehr|lesen|lire|la|suite|en|savoir|plus|leer|más|mas|ver|the|story|"
    r"article|release|press|news|statement|item|post|pdf|doc|file|info|information|reading|"
    r"this|to|about|អានបន្ថែម|បន្ថែម|ព័ត៌មានលម្អិត|[\W_\d])*$",
    re.I,
)
_FILE_NOTE = re.compile(r"[(\[][^()\[\]]*\b(?:pdf|kb|mb|docx?|download)\b[^()\[\]]*[)\]]", re.I)
_CHROME_TEXT = re.compile(
    r"^(?:home|homepage|login|log in|sign in|sign up|register|search|print|share|email|e-mail|"
    r"rss|rss feeds?|feed|subscribe|contact|contact us|sitemap|site map|top|back to top|"
    r"skip to .*|menu|close|open menu|facebook|twitter|linkedin|youtube|instagram|tweet|"
    r"whatsapp|telegram|x|accessibility|privacy policy|terms of use|all news|view all|"
    r"see all|more news|news archive|archive|archives)$",
    re.I,
)
_NEXT_TEXT = re.compile(
    r"^(?:next|next page|nextpage|go to next page|older|older posts|older entries|older news|"
    r"older articles|earlier|weiter|nächste|nächste seite|vor|suivant|suivante|page suivante|"
    r"siguiente|próxima|successiva|tiếp|tiếp theo|ถัดไป|បន្ទាប់|ទំព័របន្ទាប់)$",
    re.I,
)
_PREV_TEXT = re.compile(
    r"^(?:prev|previous|previous page|go to previous page|newer|newer posts|newer entries|"
    r"back|zurück|vorherige|vorherige seite|précédent|précédente|anterior|trước|ก่อนหน้า|"
    r"មុន|first|first page|go to first page|erste|erste seite|première|primera|start|"
    r"ទំព័រដំបូង)$",
    re.I,
)
_LAST_TEXT = re.compile(r"^(?:last|last page|go to last page|letzte|letzte seite|dernière|última)$",
                        re.I)  # fmt: skip
_ARROWS = "«»‹›<>←→⇐⇒⟨⟩|·•…."
_PAGE_PARAM = re.compile(
    r"^(?:p|pg|pn|page|paged|pagina|seite|start|limitstart|offset|skip|pageno|pagenum\w*|"
    r"page_?(?:num|no|number|index|id)?|\w*[-_]paged?|\w*_paging_p|currentpage|cur_?page|"
    r"pageindex|pagenumber)$",
    re.I,
)
_WEAK_PAGE_PARAMS = {"p", "pg", "pn", "start", "offset", "skip", "limitstart"}
_PATH_PAGE = re.compile(r"/(?:page|seite|pagina)/(\d+)/?$", re.I)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_TITLE_CLASS = re.compile(r"(?:^|[-_])(?:title|headline|heading|header)(?:$|[-_])", re.I)
_DATE_CLASS = re.compile(r"date|time|posted|published|meta|datum|day", re.I)
_SCRIPT_SPACE = re.compile(r"[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u9FFF]")


@lru_cache(maxsize=8192)
def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _site(host: str) -> str:
    """Registrable-domain approximation: enough to tell a ministry's own hosts from others."""
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in {"gov", "com", "org", "net", "edu", "ac", "co", "go",
                                           "or", "ne", "mil", "gouv", "gob", "nic"}:  # fmt: skip
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _norm_path(path: str) -> str:
    return path.rstrip("/") or "/"


def _same_page(url: str, other: str) -> bool:
    a, b = urlsplit(url), urlsplit(other)
    return (
        _host(url) == _host(other)
        and _norm_path(a.path) == _norm_path(b.path)
        and sorted(parse_qsl(a.query)) == sorted(parse_qsl(b.query))
    )


def _words(text: str) -> int:
    """Word count, with scripts written without spaces (Khmer, Thai, CJK) counted by length."""
    n = len(text.split())
    if _SCRIPT_SPACE.search(text):
        n = max(n, len(text) // 6)
    return n


_BLOCK_TAGS = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
               "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
               "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr",
               "ul"}  # fmt: skip


def _text(el: Tag) -> str:
    """Visible text with spaces between blocks only: "<span>50</span>-Year" stays "50-Year"."""
    parts: list[str] = []
    for node in el.descendants:
        if isinstance(node, Tag):
            if node.name in _BLOCK_TAGS:
                parts.append(" ")
        elif type(node) is NavigableString:
            parts.append(str(node))
            if (
                node.next_sibling is None
                and isinstance(node.parent, Tag)
                and (node.parent.name in _BLOCK_TAGS)
            ):
                parts.append(" ")
    return clean_text("".join(parts))


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
_NOT_CHROME_TOKEN = re.compile(r"(?:^|[-_])(?:has|with|no|is|content|main|body)(?:$|[-_])", re.I)


def _chrome_level(el: Tag) -> int:
    """2: chrome by HTML semantics (nav, footer, role=navigation); 1: by class name; 0: none."""
    if el.name in _CHROME_TAGS or str(el.get("role") or "").lower() in _CHROME_ROLES:
        return 2
    return int(
        any(_CHROME_TOKEN.search(t) and not _NOT_CHROME_TOKEN.search(t) for t in _tokens(el))
    )


def _is_pager(el: Tag) -> bool:
    return any(_PAGER_TOKEN.search(t) for t in _tokens(el)) or (
        str(el.get("aria-label") or "").lower() in ("pagination", "pager", "page navigation")
    )


def _strip_arrows(text: str) -> str:
    return clean_text(text.strip(_ARROWS + " \u00a0").lower())


def _page_param(url: str) -> tuple[str, int] | None:
    """The pagination parameter of a URL and its value, e.g. ("page", 2) or ("/page/", 3)."""
    parts = urlsplit(url)
    if m := _PATH_PAGE.search(parts.path):
        return "/page/", int(m[1])
    for key, value in parse_qsl(parts.query):
        if _PAGE_PARAM.match(key) and value.isdigit():
            return key.lower(), int(value)
    return None


def _strip_page(url: str) -> tuple[str, str]:
    """(host, path) of a URL with its pagination segment removed, to compare listing pages."""
    parts = urlsplit(url)
    return _host(url), _norm_path(_PATH_PAGE.sub("", parts.path))


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
    dayfirst: bool | None
    lang: str  # primary language subtag of the page ("en"), "" when unknown
    sig_cache: dict[int, str] = field(default_factory=dict)
    common_cache: dict[tuple[int, str], set[str] | None] = field(default_factory=dict)
    chrome_cache: dict[int, int] = field(default_factory=dict)
    pager_cache: dict[int, bool] = field(default_factory=dict)
    url_cache: dict[str, str | None] = field(default_factory=dict)

    def resolve(self, href: str) -> str | None:
        """Absolute http(s) URL of a link, None for anchors, mailto:, javascript:..."""
        if href not in self.url_cache:
            self.url_cache[href] = self._resolve(href.strip())
        return self.url_cache[href]

    def _resolve(self, href: str) -> str | None:
        if not href or href.startswith("#"):
            return None
        try:
            url = clean_url(urljoin(self.base, href))
        except ValueError:
            return None
        return url if url.startswith(("http://", "https://")) else None

    def signature(self, el: Tag) -> str:
        """Tag and stable classes: what repeated items share and per-item classes don't."""
        key = id(el)
        if key not in self.sig_cache:
            classes = {c for c in _classes(el) if not re.search(r"\d", c)} - _STATE_CLASSES
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
    if text.lower().strip("[]()|") in _LANG_NAMES and not _same_page(url, page.url):
        return True
    # hreflang alone proves nothing: Drupal marks every link with its content's language, and
    # a Khmer release listed on the English page is still a release. A short label is a switch.
    link_lang = str(a.get("hreflang") or a.get("lang") or "").lower()[:2]
    if link_lang and page.lang and link_lang != page.lang and _words(text) <= 2:
        return True
    parts, here = urlsplit(url), urlsplit(page.url)
    same_path = _norm_path(parts.path) == _norm_path(here.path)
    if same_path and any(k.lower() in _LANG_QUERY for k, _ in parse_qsl(parts.query)):
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
    query = parse_qsl(parts.query)
    if any(k.lower() in _NON_ARTICLE_QUERY or k.lower().startswith("filter") for k, _ in query):
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
        if mine == own and info is not None and info[0] not in _WEAK_PAGE_PARAMS:
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


# --- titles and dates of items -----------------------------------------------------------


_DATE_WORDS = re.compile(
    rf"(?:{_L}(?:{_MONTH}|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|"
    rf"friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    rf"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|am|pm|uhr|st|nd|rd|th){_R}|"
    r"[\d\s/.\-,:|])+",
    re.I,
)


def _is_generic(text: str) -> bool:
    """Link texts that name no release: "Read more", "»", a bare date."""
    text = clean_text(_FILE_NOTE.sub(" ", text))
    return not text or bool(_GENERIC_TEXT.match(text)) or bool(_DATE_WORDS.fullmatch(text))


def _heading_text(el: Tag) -> str:
    for h in el.find_all([*_HEADINGS], limit=1):
        t = _text(h)
        if t and not _is_generic(t):
            return t
    for child in el.find_all(True, class_=_TITLE_CLASS, limit=3):
        t = _text(child)
        if t and not _is_generic(t):
            return t
    return ""


def _first_block_text(a: Tag) -> str:
    """In a link wrapping a whole card (date, title, teaser), the first block that is words."""
    for block in a.find_all(["div", "p", "span", "strong", "b"]):
        t = _text(block)
        if _words(t) >= 3 and not _is_generic(t) and len(t) < len(_text(a)):
            return t
    return ""


def _title(c: _Cand, item: Tag) -> str:
    inner = _heading_text(c.a) if c.a.find(True) else ""
    if inner:
        return inner
    if len(c.text) > 160 and (card := _first_block_text(c.a)):
        return card
    if not _is_generic(c.text):
        return c.text
    for source in (
        _heading_text(item) if item is not c.a else "",
        clean_text(str(c.a.get("title") or "")),
        clean_text(str(c.a.get("aria-label") or "")),
        *(clean_text(str(img.get("alt") or "")) for img in c.a.find_all("img")),
    ):
        if source and not _is_generic(source):
            return source
    return _loose_title(item, c.a) or _preceding_heading(item) or c.text


def _preceding_heading(item: Tag) -> str:
    """The heading just before an item that has no words of its own: flat lists of
    "<h2>Title</h2><p>Teaser</p><a>Read more</a>", one after another in one container."""
    steps = 0
    for sib in item.previous_siblings:
        if not isinstance(sib, Tag):
            continue
        if sib.name in _HEADINGS:
            t = _text(sib)
            return "" if _is_generic(t) else t
        if sib.name == "a" or sib.find("a", href=True) is not None or steps >= 4:
            return ""  # the previous item's link: its heading is not ours
        steps += 1
    return ""


def _loose_title(item: Tag, link: Tag) -> str:
    """The words of an item that are not links or dates: "<td>Statement on X</td><td><a>PDF</a>"."""
    if item is link:
        return ""
    text = _text(item)
    for a in item.find_all("a"):
        t = _text(a)
        if t:
            text = text.replace(t, " ", 1)
    text = _FILE_NOTE.sub(" ", text)
    spans = sorted((start, end) for start, end, _ in _date_matches(text, None))
    for start, end in reversed(spans):
        text = text[:start] + " " + text[end:]
    text = clean_text(text).strip(" -–—|:·,;")
    return text if _words(text) >= 2 and len(text) <= 300 and not _is_generic(text) else ""


_DATE_ATTRS = ("datetime", "content", "data-date", "data-datetime")


def _tags(el: Tag) -> Iterator[Tag]:
    return (d for d in el.descendants if isinstance(d, Tag))


def _attr_date_of(node: Tag, dayfirst: bool | None) -> str | None:
    attrs = node.attrs
    for attr in _DATE_ATTRS:
        value = attrs.get(attr)
        if not value:
            continue
        if attr == "content" and not re.search(r"date|time", " ".join(map(str, attrs.values())),
                                                re.I):  # fmt: skip
            continue  # <meta content> of any other kind
        found = find_date(str(value), dayfirst=dayfirst)
        if found:
            return found
    return None


def _attr_date(el: Tag, dayfirst: bool | None) -> str | None:
    for node in (el, *_tags(el)):
        found = _attr_date_of(node, dayfirst)
        if found:
            return found
    return None


def _node_text(node: Tag | NavigableString) -> str:
    if isinstance(node, Tag):
        return _text(node)
    return clean_text(str(node))


def _inner_date(item: Tag, dayfirst: bool | None) -> str | None:
    """A date inside an item: machine-readable first, then a dated element, then any text."""
    classed: str | None = None
    for node in (item, *_tags(item)):
        found = _attr_date_of(node, dayfirst)
        if found:
            return found
        if classed is None and any(_DATE_CLASS.search(c) for c in _classes(node)):
            classed = find_date(_node_text(node), dayfirst=dayfirst)
    return classed or find_date(_node_text(item)[:3000], dayfirst=dayfirst)


def _sibling_date(
    item: Tag, forward: bool, foreign: set[str], page: _Page, dayfirst: bool | None
) -> str | None:
    """A date beside an item that has none inside (flat lists: <span>date</span><h2>link</h2>)."""
    node = item.next_sibling if forward else item.previous_sibling
    steps = 0
    while node is not None and steps < 12:
        if isinstance(node, Tag):
            if node.name == "a" and node.get("href"):
                if page.resolve(str(node["href"])) in foreign:
                    return None
            elif any(
                page.resolve(str(x["href"])) in foreign for x in node.find_all("a", href=True)
            ):
                return None
            found = _attr_date(node, dayfirst) or find_date(_node_text(node), dayfirst=dayfirst)
        else:
            found = find_date(_node_text(node), dayfirst=dayfirst)
        if found:
            return found
        node = node.next_sibling if forward else node.previous_sibling
        steps += 1
    return None


def _heading_date(item: Tag, dayfirst: bool | None) -> str | None:
    """Lists grouped by day: <h3>24 April 2026</h3><ul><li><a>..</a></li></ul>."""
    node = item.parent
    for _ in range(2):
        if not isinstance(node, Tag):
            return None
        sib, steps = node.previous_sibling, 0
        while sib is not None and steps < 4:
            if isinstance(sib, Tag):
                if sib.find("a") is not None or sib.name == "a":
                    break
                text = _text(sib)
                if text and _DATE_WORDS.fullmatch(text):
                    return find_date(text, dayfirst=dayfirst)
                steps += 1
            sib = sib.previous_sibling
        node = node.parent
    return None


@dataclass
class _Item:
    cand: _Cand
    node: Tag  # the highest ancestor of the link that holds no other release of its list
    title: str
    date: str | None = None


def _items(cands: list[_Cand], page: _Page) -> list[_Item]:
    """Each link with the container that is its own (the list item, table row, card...)."""
    urls_below: dict[int, set[str]] = defaultdict(set)
    for c in cands:
        for p in c.a.parents:
            if not isinstance(p, Tag):
                break
            urls_below[id(p)].add(c.url)
    items = []
    for c in cands:
        node: Tag = c.a
        while (
            node.parent is not None
            and node.parent.name not in ("body", "html", "[document]")
            and urls_below[id(node.parent)] <= {c.url}
        ):
            node = node.parent
        items.append(_Item(cand=c, node=node, title=_title(c, node)))
    return items


def _date_items(items: list[_Item], page: _Page) -> None:
    all_urls = {it.cand.url for it in items}
    inner = [_inner_date(it.node, page.dayfirst) for it in items]
    missing = [i for i, d in enumerate(inner) if d is None]
    if missing:
        after, before = {}, {}
        for i in missing:
            it = items[i]
            foreign = all_urls - {it.cand.url}
            after[i] = _sibling_date(it.node, True, foreign, page, page.dayfirst)
            before[i] = _sibling_date(it.node, False, foreign, page, page.dayfirst)
        n_after = sum(v is not None for v in after.values())
        n_before = sum(v is not None for v in before.values())
        side = before if n_before > n_after else after
        for i in missing:
            inner[i] = side[i] or _heading_date(items[i].node, page.dayfirst)
    for it, d in zip(items, inner, strict=True):
        it.date = d


# --- choosing the list of releases -------------------------------------------------------


def _url_pattern(url: str) -> tuple[str, ...]:
    """What release URLs of one listing share: host, directory, query keys, document type."""
    parts = urlsplit(url)
    segs = [s for s in parts.path.split("/") if s]
    directory = segs[:-1] if segs else []
    keys = tuple(sorted(k.lower() for k, _ in parse_qsl(parts.query)))
    ext = "doc" if _DOC_EXT.search(parts.path) else ""
    return (_host(url), "/".join(directory[:2]), ",".join(keys), ext)


def _sluggy(url: str) -> bool:
    """Release URLs end in a slug or an id; section URLs end in a short word."""
    parts = urlsplit(url)
    last = [s for s in parts.path.split("/") if s][-1:] or [""]
    tail = last[0]
    if _DOC_EXT.search(tail):
        return True
    if re.search(r"\d", tail) or tail.count("-") + tail.count("_") >= 2 or len(tail) >= 24:
        return True
    return any(re.search(r"\d", v) and len(v) >= 1 for _, v in parse_qsl(parts.query))


_INLINE_TAGS = {"a", "b", "strong", "em", "i", "u", "span", "small", "mark", "abbr", "cite",
                "font", "sup", "sub", "q"}  # fmt: skip


def _in_running_text(a: Tag) -> bool:
    """True for a link in the middle of a sentence (text before it in the same paragraph).

    Only text since the last block counts: in "<h2>Title</h2><p>Teaser</p><a>Read more</a>"
    the heading and the teaser are blocks of their own, and the link follows no sentence. A
    "Read more" closing a teaser that a heading titles ("<h2>T</h2>teaser <a>more</a>") is
    an item's link too, not a reference in a body text.
    """
    node: Tag = a
    while isinstance(node.parent, Tag) and node.parent.name in _INLINE_TAGS:
        node = node.parent
    block = node.parent
    if not isinstance(block, Tag) or block.name not in ("p", "li", "td", "dd", "div"):
        return False
    before = []
    stop: Tag | None = None
    for sib in node.previous_siblings:
        if isinstance(sib, Tag) and sib.name in _BLOCK_TAGS and sib.name != "br":
            stop = sib
            break
        before.append(sib.get_text(" ") if isinstance(sib, Tag) else str(sib))
    if len(clean_text("".join(before))) < 20:
        return False
    titled = stop is not None and (
        stop.name in _HEADINGS or any(_TITLE_CLASS.search(t) for t in _tokens(stop))
    )
    return not (titled and _is_generic(_text(a)) and _ends_block(node))


def _ends_block(node: Tag) -> bool:
    """Nothing but punctuation follows `node` in its block: it closes the text."""
    after = []
    for sib in node.next_siblings:
        if isinstance(sib, Tag) and sib.name in _BLOCK_TAGS and sib.name != "br":
            break
        after.append(sib.get_text(" ") if isinstance(sib, Tag) else str(sib))
    return not clean_text("".join(after)).strip(_ARROWS + " )]")


@dataclass
class _Group:
    items: list[_Item]
    chrome: int  # see _Page.in_chrome
    score: float = 0.0
    pattern: tuple[str, ...] = ()

    @property
    def urls(self) -> list[str]:
        return list(dict.fromkeys(it.cand.url for it in self.items))


def _lca(nodes: list[Tag]) -> Tag | None:
    if not nodes:
        return None
    chain = [nodes[0], *nodes[0].parents]
    common = {id(x): x for x in chain}
    order = [id(x) for x in chain]
    for n in nodes[1:]:
        ids = {id(x) for x in (n, *n.parents)}
        order = [i for i in order if i in ids]
    return common[order[0]] if order else None


def _score(group: _Group) -> float:
    per_url: dict[str, _Item] = {}
    for it in group.items:
        per_url.setdefault(it.cand.url, it)
    items = list(per_url.values())
    n = len(items)
    if n == 0:
        return 0.0
    words = sorted(0 if _is_generic(it.title) else _words(it.title) for it in items)
    median = words[len(words) // 2]
    title_factor = min(1.0, max(0.0, (median - 1.5) / 4.0))
    dated = sum(it.date is not None for it in items) / n
    patterns = Counter(_url_pattern(it.cand.url) for it in items)
    group.pattern, top = patterns.most_common(1)[0]
    coherence = top / n
    slugs = sum(_sluggy(it.cand.url) for it in items) / n
    in_text = sum(_in_running_text(it.cand.a) for it in items) / n
    score = (
        min(n, 50) ** 0.6
        * (0.05 + title_factor)
        * (1.0 + dated)
        * (0.3 + coherence)
        * (0.3 + slugs)
    )
    if in_text > 0.5:
        score *= 0.2  # links inside sentences of a body text: references, not a list
    return score * (1.0, 0.15, 0.02)[group.chrome]


def _groups(cands: list[_Cand], page: _Page) -> list[_Group]:
    by_sig: dict[tuple[str, ...], list[_Cand]] = defaultdict(list)
    for c in cands:
        c.sig = page.path_signature(c.a)
        by_sig[c.sig].append(c)
    groups = []
    for members in by_sig.values():
        items = _items(members, page)
        if len({c.url for c in members}) >= 2:
            container = _lca([it.node for it in items])
            chrome = page.in_chrome(container) if container is not None else 0
        else:
            chrome = page.in_chrome(items[0].node.parent or items[0].node)
        groups.append(_Group(items=items, chrome=chrome))
    return groups


def _article_like(page: _Page, items: list[_Item]) -> bool:
    """A release page with a 'related' box is not a listing: its own body text, long
    paragraphs side by side outside the list, outweighs the list."""
    inside: set[int] = set()
    for it in items:
        inside.add(id(it.node))
        inside.update(id(x) for x in _tags(it.node))
    list_parents = {id(it.node.parent) for it in items}  # flat lists: teasers beside links
    per_parent: dict[int, list[int]] = defaultdict(list)
    for p in page.soup.find_all("p"):
        parent = p.parent
        if parent is None or id(p) in inside or id(parent) in list_parents:
            continue
        size = len(_text(p)) - sum(len(_text(a)) for a in p.find_all("a"))
        if size >= 80 and page.in_chrome(p) < 2:
            per_parent[id(parent)].append(size)
    body = max((sum(sizes) for sizes in per_parent.values() if len(sizes) >= 3), default=0)
    if len({it.cand.url for it in items}) <= 6 and body >= 1000:
        return True
    return body >= 1200 and body >= sum(len(_text(it.node)) for it in items)


_MIN_SCORE = 1.0


def _shape(group: _Group) -> str:
    """The tail of a group's DOM path: stable across pages of one listing (unlike <body>'s
    classes, which WordPress varies per page: "paged paged-2")."""
    return ">".join(group.items[0].cand.sig[-3:])


def _heuristic_releases(
    page: _Page, excluded: set[str], paged: bool, like: str | None = None
) -> tuple[list[_Item], str | None]:
    """The releases of the best-looking list, and its shape; [] when the page has none.

    `paged`: the page is one of several listing pages, so a short list (the last page's one
    or two releases) still counts; a lone page needs three links to be called a listing.
    `like`: the shape of the list on the listing's first page. A later page whose own list
    is short (the last page's single release) would otherwise lose to a "latest news"
    sidebar carrying more links of the same URL pattern.
    """
    min_urls = 1 if paged else 3
    cands = [
        c
        for c in _candidates(page)
        if c.url not in excluded
        and not _non_article(c.url, page)
        and not _lang_switch(c.a, c.url, c.text, page)
        and not _CHROME_TEXT.match(c.text)
        and not _pager_text(c.text)
    ]
    groups = _groups(cands, page)
    for g in groups:
        g.score = _score(g)
        if len(g.urls) >= min_urls and 2 * g.score >= _MIN_SCORE:  # dates at most double it
            _date_items(g.items, page)
            g.score = _score(g)
    ranked = sorted((g for g in groups if len(g.urls) >= min_urls), key=lambda g: -g.score)
    same_shape = [g for g in ranked if like is not None and _shape(g) == like and not g.chrome]
    if same_shape:
        ranked = same_shape
    elif not ranked or ranked[0].score < _MIN_SCORE:
        return [], None
    best = ranked[0]
    pool = list(best.items)
    # A featured first item, a list split by month...: links in the same position of their
    # item (same tail of the DOM path) to URLs of the same pattern belong to the listing.
    tail = best.items[0].cand.sig[-2:]
    for g in groups:
        if g is best or g.chrome or g.items[0].cand.sig[-2:] != tail:
            continue
        fits = [
            it
            for it in g.items
            if _url_pattern(it.cand.url) == best.pattern and not _is_generic(it.title)
        ]
        if 2 * len(fits) >= len(g.items):
            pool.extend(fits)
    if like is None and not best.chrome:  # featured posts lead a listing's first page only
        pool.extend(_lead_items(best, groups, page))
    # Odd ones out of the list ("News 2025" archive links after the items) go, unless they
    # look like releases themselves.
    chosen = [
        it.cand
        for it in pool
        if _url_pattern(it.cand.url) == best.pattern
        or (_sluggy(it.cand.url) and not _is_generic(it.title) and _words(it.title) >= 3)
    ]
    # Items are cut again over the whole listing: a featured item alone in its group would
    # otherwise stretch over the page and take a stranger's date.
    items = _items(chosen, page)
    _date_items(items, page)
    if not same_shape and _article_like(page, items):
        return [], None
    return items, _shape(best)


_LEAD_LEVELS = 3  # how far above the list a lead item's wrapper may branch off
_LEAD_MAX_URLS = 3  # a featured item or two, not a "latest news" box


def _lead_items(best: _Group, groups: list[_Group], page: _Page) -> list[_Item]:
    """Featured items above the list: a lead release styled apart from the grid ("<h2 class=
    featured-title>" over "<h3>" items, in a wrapper of its own), so in no group of the list.

    A lead sits before the list, close to it (its wrapper branches off the list's container
    or one of its nearest ancestors, outside chrome), is titled by a heading and links to the
    list's URL pattern. A wrapper with more than a few such URLs, or repeating the list's
    URLs, is a "latest news" box, not a lead.
    """
    container = _lca([it.node for it in best.items])
    if container is None:
        return []
    region: set[int] = set()
    node: Tag | None = container
    for _ in range(_LEAD_LEVELS + 1):
        if node is None or node.name in ("body", "html", "[document]"):
            break
        region.add(id(node))
        node = node.parent
    first = min(it.cand.pos for it in best.items)
    listed = set(best.urls)
    blocks: dict[int, list[_Item]] = defaultdict(list)
    for g in groups:
        if g is best or g.chrome:
            continue
        for it in g.items:
            if it.cand.pos < first and _url_pattern(it.cand.url) == best.pattern:
                block = _branch_below(it.cand.a, region)
                if block is not None and not page.in_chrome(it.cand.a):
                    blocks[id(block)].append(it)
    leads: list[_Item] = []
    for members in blocks.values():
        urls = {it.cand.url for it in members}
        if (
            len(urls) <= _LEAD_MAX_URLS
            and not urls & listed
            and any(_titled_link(it.cand.a) for it in members)
        ):
            leads.extend(it for it in members if not _is_generic(it.title))
    return leads


def _branch_below(a: Tag, region: set[int]) -> Tag | None:
    """The ancestor of `a` just below the first `region` node it meets (None if none)."""
    below: Tag = a
    for parent in a.parents:
        if id(parent) in region:
            return below
        if parent.name in ("body", "html", "[document]"):
            return None
        below = parent
    return None


def _titled_link(a: Tag) -> bool:
    """A link that is an item's title: inside or around a heading, or classed as a title."""
    if a.find(_HEADINGS) is not None:
        return True
    for el in islice((a, *a.parents), 3):
        if el.name in _HEADINGS or any(_TITLE_CLASS.search(t) for t in _tokens(el)):
            return True
    return False


def _pager_text(text: str) -> bool:
    bare = _strip_arrows(text)
    return (
        bool(_NEXT_TEXT.match(bare) or _PREV_TEXT.match(bare) or _LAST_TEXT.match(bare))
        or (bare.isdigit() and len(bare) <= 4)
        or (not bare and bool(text.strip()))
    )


def _selected_releases(page: _Page, selector: str, excluded: set[str]) -> list[_Item]:
    """Releases under a configured CSS selector: the config knows the site, trust it.

    A selected <a> is a release link; a selected container holds one release, whose link is
    the one carrying a heading or the longest real text (not the category or "Read more").
    """
    try:
        selected = page.soup.select(selector)
    except SelectorSyntaxError as err:
        raise ValueError(f"links selector {selector!r} is not valid CSS ({err}); fix it in "
                         "the source's config") from err  # fmt: skip
    chosen: list[_Cand] = []
    containers: dict[int, Tag] = {}
    for el in selected:
        anchors = [el] if el.name == "a" and el.get("href") else el.find_all("a", href=True)
        if not anchors and (outer := el.find_parent("a", href=True)) is not None:
            anchors, el = [outer], outer  # a heading inside the link was selected
        cands = []
        for a in anchors:
            url = page.resolve(str(a["href"]))
            if url is None or url in excluded or _SHARE_HOSTS.search(_host(url)):
                continue
            if _same_page(url, page.url) or _PATH_PAGE.search(urlsplit(url).path):
                continue
            cands.append(_Cand(a=a, url=url, text=_text(a), pos=len(chosen)))
        if not cands:
            continue
        # A broad selector (".news-item a") also takes the category tag, the share button...
        cands = [c for c in cands if not _non_article(c.url, page)] or cands
        if el.name != "a":
            best = max(
                cands,
                key=lambda c: (
                    c.a.find(_HEADINGS) is not None or c.a.parent.name in _HEADINGS,
                    not _is_generic(c.text),
                ),
            )
            containers[id(best)] = el
            cands = [best]
        chosen.append(cands[0])
    items = []
    for it in _items(chosen, page):
        node = containers.get(id(it.cand))
        if node is not None:  # a selected container is the item, whatever lies around it
            it = _Item(cand=it.cand, node=node, title=_title(it.cand, node))
        items.append(it)
    _date_items(items, page)
    return items


# --- pagination --------------------------------------------------------------------------


def _next_pages(page: _Page, listing: bool = False) -> list[str]:
    """Following pages of the listing, nearest first; never the current or earlier ones.

    `listing`: the page is known to be a listing (a later page of one, or a source with a
    configured selector), so a worded "Next" to the following number may be trusted.
    """
    here = _page_param(page.url)
    here_host, here_path = _strip_page(page.url)
    found: dict[str, float] = {}
    for a in page.soup.find_all(["a", "link"], href=True):
        url = page.resolve(str(a["href"]))
        if url is None or _host(url) != here_host or _same_page(url, page.url):
            continue
        rel = {str(r).lower() for r in (a.get("rel") or [])}
        if a.name == "link" and "next" not in rel:
            continue
        text = _text(a) if a.name == "a" else ""
        label = _strip_arrows(text)
        hint = _strip_arrows(str(a.get("aria-label") or a.get("title") or ""))
        arrow = text.strip()[:1] if text.strip() and not label else ""
        backwards = bool(
            rel & {"prev", "previous", "first"}
            or _PREV_TEXT.match(label)
            or (not label and _PREV_TEXT.match(hint))
            or arrow in ("«", "‹", "<", "←")
        )
        is_next = not backwards and (
            "next" in rel
            or bool(_NEXT_TEXT.match(label) or (not label and _NEXT_TEXT.match(hint)))
            or arrow in ("»", "›", ">", "→")
        )
        numbered = label.isdigit() and len(label) <= 4
        in_pager = any(page.is_pager(p) for p in islice(a.parents, 6) if isinstance(p, Tag))
        signal = is_next or numbered or in_pager or bool(_LAST_TEXT.match(label))
        info = _page_param(url)
        if info is None:
            # A pager whose URLs we cannot read (/news/2, index_2.html): trust its words
            # inside a pager; outside one, only for this URL with another page number, as
            # "Next" alone (rel=next too) also leads to the next *post*.
            worded = bool(_NEXT_TEXT.match(label)) or arrow in ("»", "›", ">", "→")
            if in_pager and worded and not backwards:
                found.setdefault(url, 0.0)
            elif numbered and in_pager and int(label) > 1:
                found.setdefault(url, float(label))
            elif (
                (worded or numbered)
                and not backwards
                and (nth := _numbered_next(a, url, page.url, worded, listing))
            ):
                found.setdefault(url, float(nth))
            continue
        name, value = info
        if _strip_page(url) != (here_host, here_path):
            continue  # another listing (a category, an archive), not a page of this one
        if name in _WEAK_PAGE_PARAMS and not signal:
            continue  # ?p=123 is a WordPress post, not page 123
        if here is not None and here[0] == name:
            current = here[1]
        elif backwards or label == "1":
            continue  # on the first page, "previous"/"1" can only lead back to it
        else:
            current = 1 if name == "/page/" else 0
        if value > current:
            found[url] = min(found.get(url, value), value)
    return [u for u, _ in sorted(found.items(), key=lambda kv: kv[1])]


# The last number of a path, after a separator and before an extension or a final slash:
# statements-2.html, news_2.htm, /news/2, index_2.html. Up to three digits: a year or a
# post id (/news/2026, /posts/2301) is not a page number.
_NUMBERED_PATH = re.compile(r"^(.*?)(?:([-_/])(\d{1,3}))?(\.[A-Za-z0-9]{2,5})?/?$")


def _path_number(url: str, here: str) -> tuple[int, int | None] | None:
    """(number of `url`, number of `here` or None) when the two URLs differ only by that
    number in the path: the pages of a hand-made listing. None for any other pair."""
    a, b = urlsplit(url), urlsplit(here)
    if _host(url) != _host(here) or a.query != b.query:
        return None
    mine, own = _NUMBERED_PATH.match(a.path), _NUMBERED_PATH.match(b.path)
    if mine is None or own is None or mine[3] is None:
        return None
    if (mine[1], mine[4]) != (own[1], own[4]) or (own[3] is not None and own[2] != mine[2]):
        return None
    return int(mine[3]), (int(own[3]) if own[3] is not None else None)


def _numbered_next(a: Tag, url: str, here: str, worded: bool, listing: bool) -> int | None:
    """The page number of a link to a later page of a listing whose pager has no class and
    whose URLs carry no page parameter ("Page <b>1</b> <a href=list-2.html>2</a>
    <a href=list-2.html>Next</a>"), None for other links.

    A number link counts among other page numbers; a "Next" from an unnumbered first page
    counts when it leads to page 1 or 2 (index_1.html is page two on some CMSs), and from a
    numbered page only on a known listing: on a release, "Next" to /posts/46 from /posts/45
    is the next post.
    """
    numbers = _path_number(url, here)
    if numbers is None:
        return None
    value, current = numbers
    if value <= (current or 0):
        return None
    label = _strip_arrows(_text(a))
    if label.isdigit():
        ok = int(label) in (value, value + 1) and _among_page_numbers(a)
    elif worded:
        ok = value <= 2 if current is None else listing and value == current + 1
    else:
        ok = False
    return value if ok else None


_BARE_NUMBER = re.compile(r"(?<!\S)\d{1,3}(?!\S)")  # a page number, not a year


def _among_page_numbers(a: Tag) -> bool:
    """A number link with another page number beside it ("Page <b>1</b> <a>2</a>"), not a
    lone figure (a footnote, a count)."""
    node: Tag = a
    parent = a.parent
    if (
        isinstance(parent, Tag)
        and parent.name in ("li", "span", "td", "strong", "b")
        and len(parent.find_all(True, recursive=False)) == 1
    ):
        node = parent  # <li><a>2</a></li>: the numbers are in the sibling items
    for siblings in (node.previous_siblings, node.next_siblings):
        for sib in islice(siblings, 4):
            text = _text(sib) if isinstance(sib, Tag) else str(sib)
            if _BARE_NUMBER.search(text.strip(_ARROWS + " \u00a0|")):
                return True
    return False


# --- entry point -------------------------------------------------------------------------


def _page_lang(soup: BeautifulSoup) -> str:
    html = soup.find("html")
    lang = str(html.get("lang") or html.get("xml:lang") or "") if isinstance(html, Tag) else ""
    return lang.lower()


_NUMERIC_DATE = _DATE_PATTERNS[-1][1]


def _dayfirst(soup: BeautifulSoup, lang: str, url: str) -> bool:
    """How to read 04/05/2015 on this page. Its unambiguous dates tell (24/04 or 04/24);
    failing that, US sites write month first and the rest of the world day first."""
    votes = Counter(
        "day" if int(m[1]) > 12 else "month"
        for m in _NUMERIC_DATE.finditer(soup.get_text(" ").translate(_DIGITS))
        if (int(m[1]) > 12) != (int(m[3]) > 12)
    )
    if votes["day"] != votes["month"]:
        return votes["day"] > votes["month"]
    return not (lang == "en-us" or _host(url).endswith((".gov", ".us", ".mil")))


def _listing_page(html: str, base_url: str) -> _Page:
    soup = BeautifulSoup(html, "lxml")
    base = base_url
    tag = soup.find("base", href=True)
    if isinstance(tag, Tag):
        base = urljoin(base_url, str(tag["href"]).strip())
    for junk in soup(["script", "style", "noscript", "template", "svg"]):
        junk.decompose()
    lang = _page_lang(soup)
    return _Page(
        soup=soup, url=base_url, base=base, dayfirst=_dayfirst(soup, lang, base_url), lang=lang[:2]
    )


def _to_links(items: Iterable[_Item]) -> tuple[Link, ...]:
    """Deduplicated in page order; a duplicate may still lend a better title or a date."""
    merged: dict[str, Link] = {}
    for it in sorted(items, key=lambda it: it.cand.pos):
        url = it.cand.url
        title = it.title or None
        prev = merged.get(url)
        if prev is None:
            merged[url] = Link(url=url, title=title, date=it.date)
            continue
        better = prev.title
        if (not better or _is_generic(better)) and title and not _is_generic(title):
            better = title
        merged[url] = Link(url=url, title=better, date=prev.date or it.date)
    return tuple(merged.values())


def discover(
    html: str, base_url: str, *, links: str | None = None, like: str | None = None
) -> Listing:
    """Release links and following pages of a listing page.

    `links` is the configured CSS selector for release links (or their containers); without
    one the list is found by its shape. `like` is the `signature` of the listing's previous
    page: a following page is read as the same kind of list. A page with no list of releases
    comes back as `Listing(kind="page")`: the caller then watches the URL itself as one release.
    """
    page = _listing_page(html, base_url)
    next_pages = _next_pages(page, listing=like is not None or bool(links))
    excluded = set(next_pages)
    shape = None
    if links:
        items = _selected_releases(page, links, excluded)
    else:
        paged = bool(next_pages) or like is not None or _page_param(base_url) is not None
        items, shape = _heuristic_releases(page, excluded, paged, like)
    releases = _to_links(items)
    if not releases:
        return Listing(kind="page")
    return Listing(kind="listing", releases=releases, next_pages=tuple(next_pages), signature=shape)
