"""The words discovery reads a listing page by, kept as data.

A listing is recognised by its shape, and the shape by words that sites use: the class names
of menus and pagers, the link texts of "Read more" and "Next", the URL paths of tag pages
and search results. The words live here, in tuples, so that supporting another CMS or
language is a one-line change to this file, not a new branch in the algorithm. Tokens are
regular-expression fragments, joined by `alternatives` (the extraction's helper).
"""

from __future__ import annotations

from monitor.extract.vocabulary import alternatives
from monitor.text.calendar_names import WEEKDAYS

__all__ = ["alternatives"]

# --- dates -----------------------------------------------------------------------------------

# Month and weekday names are the date reader's (monitor.text.dates).

# Words that may stand beside a date in a link text or a heading ("Mon 24 April 2026, 10 am"):
# a text of only these, month names and a date names no release
DATE_WORDS = (*WEEKDAYS, "am", "pm", "uhr", "st", "nd", "rd", "th")
# Attributes that hold a machine-readable date
DATE_ATTRIBUTES = ("datetime", "content", "data-date", "data-datetime")
# Class words of an element that holds an item's date
DATE_CLASSES = ("date", "time", "posted", "published", "meta", "datum", "day")

# --- page chrome -----------------------------------------------------------------------------

CHROME_TAGS = frozenset({"nav", "aside", "menu", "header", "footer"})
CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "menu",
                          "menubar", "toolbar", "dialog"})  # fmt: skip
# Class/id words of page chrome. Kept narrow on purpose: a word that also names content
# wrappers ("search-results", "widget", "archive", "lang-en") would hide whole listings.
CHROME_CLASSES = (
    "nav", "navbar", "navigation", "menu", "menus", "megamenu", "mega-menu", "(?:bread)?crumbs?",
    "sidebar", "footer", "header", "masthead", "topbar", "toolbar", "skip", "share", "sharing",
    "social", "socials", "cookies?", "banner", "languages?", "lang-?switch(?:er)?",
    "language-?switch(?:er)?", "langs", "offcanvas", "off-canvas", "dropdown", "subnav",
    "related", "popular", "most-read", "tagcloud", "tag-cloud", "quicklinks", "quick-links",
)  # fmt: skip
# Class words that only qualify: "has-sidebar", "content-sidebar-wrap" (Genesis), "main-header"
QUALIFYING_CLASSES = ("has", "with", "no", "is", "content", "main", "body")
# Class words of a pager
PAGER_CLASSES = (
    "pager", "pagination", "paging", "paginator", "pagenav", "page-?numbers", "page-?nav",
    "nav-links", "wp-pagenavi", "pages", "page-?list", "page-?links",
)  # fmt: skip
PAGER_LABELS = ("pagination", "pager", "page navigation")
# Classes that differ between items of one list: not part of an item's signature
STATE_CLASSES = frozenset({"first", "last", "odd", "even", "active", "current", "selected",
                           "open", "closed", "show", "hidden", "in", "clearfix", "clear",
                           "featured", "sticky", "new", "alt"})  # fmt: skip
# Elements that end a line of text
BLOCK_TAGS = frozenset({"address", "article", "aside", "blockquote", "br", "dd", "div", "dl",
                        "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
                        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
                        "table", "td", "th", "tr", "ul"})  # fmt: skip
INLINE_TAGS = frozenset({"a", "b", "strong", "em", "i", "u", "span", "small", "mark", "abbr",
                         "cite", "font", "sup", "sub", "q"})  # fmt: skip
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Class words of an item's title
TITLE_CLASSES = ("title", "headline", "heading", "header")

# --- URLs that are never releases ------------------------------------------------------------

# Second-level labels under which a ministry's domain is the third label: mfaic.gov.kh
SECOND_LEVEL_DOMAINS = frozenset({"gov", "com", "org", "net", "edu", "ac", "co", "go", "or",
                                  "ne", "mil", "gouv", "gob", "nic"})  # fmt: skip
SHARE_HOSTS = (
    r"facebook\.com", r"fb\.com", r"twitter\.com", r"x\.com", r"linkedin\.com", r"pinterest\.\w+",
    r"reddit\.com", r"wa\.me", r"whatsapp\.com", r"t\.me", r"telegram\.me", r"addtoany\.com",
    r"addthis\.com", r"sharethis\.com", r"tumblr\.com", r"vk\.com", r"line\.me",
    r"plus\.google\.com", r"getpocket\.com", r"digg\.com", r"stumbleupon\.com", r"xing\.com",
    r"weibo\.com",
)  # fmt: skip
# A path segment of a page that is not a release: /tag/x, /author/y, /search, /contact
NON_ARTICLE_SEGMENTS = (
    "tags?", "category", "categories", "author", "authors", "labels?", "users?", "members?",
    "login", "logout", "signin", "sign-in", "signup", "sign-up", "register", "account",
    "my-account", "search", "feed", "feeds", "rss", "atom", "print", "share", "subscribe",
    "unsubscribe", "sitemap", "cart", "wp-admin", r"wp-login\.php", "cdn-cgi", "comments?",
    "calendar", "contact", "contact-us", "about", "about-us", "faqs?", "privacy(?:-policy)?",
    "terms(?:-of-use)?", "accessibility", "disclaimer", "copyright", "imprint", "impressum",
    "datenschutz",
)  # fmt: skip
# A link a page's sibling must never be fetched through: it acts (logs out, prints, shares)
ACTION_SEGMENTS = (
    "login", "logout", "log-out", "signin", "sign-in", "signout", "sign-out", r"wp-login\.php",
    "wp-admin", "account", "my-account", "cart", "print", "share", "subscribe", "unsubscribe",
)  # fmt: skip
# hubs: /topic/politics is a theme page, /topic/politics/some-story is a story
HUB_SEGMENTS = ("topics?", "themes?", "themen", "thema", "taxonomy/term", "section", "sections")
FILE_EXTENSIONS = (
    "jpe?g", "png", "gif", "svg", "webp", "bmp", "ico", "tiff?", "css", "js", "json", "xml",
    "rss", "atom", "rdf", "mp3", "mp4", "m4a", "m4v", "wav", "ogg", "avi", "mov", "wmv", "flv",
    "zip", "rar", "7z", "gz", "tgz", "exe", "msi", "dmg", "apk", "ics", "vcf", "woff2?", "ttf",
)  # fmt: skip
DOCUMENT_EXTENSIONS = ("pdf", "docx?", "odt", "rtf")
NON_ARTICLE_QUERY = frozenset({"replytocom", "share", "print", "s", "q", "search", "query",
                               "keys", "keyword", "keywords", "searchword", "sort", "sort_by",
                               "sort_order", "order", "orderby", "order_by", "direction",
                               "limit", "format", "output", "feed", "tmpl", "action",
                               "returnurl", "return", "redirect"})  # fmt: skip

# --- languages -------------------------------------------------------------------------------

LANGUAGE_QUERY = frozenset({"lang", "language", "locale", "hl", "lng", "lc", "culture",
                            "sitelang"})  # fmt: skip
# The text of a link to the page in another language
LANGUAGE_NAMES = frozenset({
    "english", "français", "francais", "deutsch", "español", "espanol", "中文", "简体中文",
    "繁體中文", "ខ្មែរ", "ភាសាខ្មែរ", "khmer", "ไทย", "thai", "tiếng việt", "bahasa indonesia",
    "bahasa melayu", "русский", "العربية", "日本語", "한국어", "ພາສາລາວ", "lao", "português",
    "italiano", "nederlands", "မြန်မာ", "filipino", "en", "km", "kh", "fr", "de", "es", "zh",
    "cn", "th", "vi", "vn", "id", "ms", "ru", "ar", "ja", "ko", "lo", "my", "pt", "it",
})  # fmt: skip

# --- link texts ------------------------------------------------------------------------------

# Words of a link text that names no release: "Read more", "Weiterlesen", "Download PDF"
GENERIC_LINK_WORDS = (
    "read", "view", "see", "learn", "find out", "click", "continue", "more", "details?", "full",
    "here", "open", "download", "weiterlesen", "weiter", "mehr", "lesen", "lire", "la", "suite",
    "en", "savoir", "plus", "leer", "más", "mas", "ver", "the", "story", "article", "release",
    "press", "news", "statement", "item", "post", "pdf", "doc", "file", "info", "information",
    "reading", "this", "to", "about", "អានបន្ថែម", "បន្ថែម", "ព័ត៌មានលម្អិត",
)  # fmt: skip
# "(PDF, 120 KB)" after a link's title
FILE_NOTE_WORDS = ("pdf", "kb", "mb", "docx?", "download")
# A link of the site's chrome, wherever it sits
CHROME_LINKS = (
    "home", "homepage", "login", "log in", "sign in", "sign up", "register", "search", "print",
    "share", "email", "e-mail", "rss", "rss feeds?", "feed", "subscribe", "contact",
    "contact us", "sitemap", "site map", "top", "back to top", "skip to .*", "menu", "close",
    "open menu", "facebook", "twitter", "linkedin", "youtube", "instagram", "tweet", "whatsapp",
    "telegram", "x", "accessibility", "privacy policy", "terms of use", "all news", "view all",
    "see all", "more news", "news archive", "archive", "archives",
)  # fmt: skip

# --- pagination ------------------------------------------------------------------------------

NEXT_LINKS = (
    "next", "next page", "nextpage", "go to next page", "older", "older posts", "older entries",
    "older news", "older articles", "earlier", "weiter", "nächste", "nächste seite", "vor",
    "suivant", "suivante", "page suivante", "siguiente", "próxima", "successiva", "tiếp",
    "tiếp theo", "ถัดไป", "បន្ទាប់", "ទំព័របន្ទាប់", r"next \d+ (?:items?|results?|entries)",
)  # fmt: skip
# Back towards the first page
PREVIOUS_LINKS = (
    "prev", "previous", "previous page", "go to previous page", "newer", "newer posts",
    "newer entries", "back", "zurück", "vorherige", "vorherige seite", "précédent",
    "précédente", "anterior", "trước", "ก่อนหน้า", "មុន", "first", "first page",
    "go to first page", "erste", "erste seite", "première", "primera", "start", "ទំព័រដំបូង",
    r"previous \d+ (?:items?|results?|entries)",
)  # fmt: skip
LAST_LINKS = (
    "last", "last page", "go to last page", "letzte", "letzte seite", "dernière", "última",
)  # fmt: skip
# What a pager sets around its labels: "« Previous", "Next ›"
ARROWS = "«»‹›<>←→⇐⇒⟨⟩|·•…."
# Query parameters that number a listing's pages
PAGE_PARAMETERS = (
    "p", "pg", "pn", "page", "paged", "pagina", "seite", "start", "limitstart", "offset", "skip",
    "pageno", r"pagenum\w*", "page_?(?:num|no|number|index|id)?", r"\w*[-_]paged?",
    r"\w*_paging_p", "currentpage", "cur_?page", "pageindex", "pagenumber",
    r"b_start(?::int)?",  # Plone's batches
)  # fmt: skip
# ... of which these also name other things (?p=123 is a WordPress post)
WEAK_PAGE_PARAMETERS = frozenset({"p", "pg", "pn", "start", "offset", "skip", "limitstart"})
# A path that numbers a listing's pages: /page/2
PAGE_SEGMENTS = ("page", "seite", "pagina")
