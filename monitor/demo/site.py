"""Renders a whole static ministry site, as WordPress, Drupal or a hand-made site would.

The pages carry the chrome real sites carry (menus, language switcher, "latest news" and visitor
counter widgets, the date of the day, cookie banner, share links, footer). `chrome_version`
rewrites all of it — values, order, class names, attribute order, indentation — while every
statement stays the same, so tests can prove that chrome-only changes are never reported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import posixpath
import random
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from email.utils import format_datetime
from functools import cache
from importlib import resources
from typing import Any, Literal
from urllib.parse import quote

from jinja2 import Environment, FunctionLoader
from markupsafe import Markup, escape

from monitor.demo.samples import SampleRelease, slugify, sort_releases
from monitor.demo.server import HTML, Route

Style = Literal["wordpress", "drupal", "handmade"]
STYLES: tuple[Style, ...] = ("wordpress", "drupal", "handmade")
FEED_TYPE = "application/rss+xml; charset=utf-8"
_TZ = dt.timezone(dt.timedelta(hours=7))  # Indochina Time, as the ministry's CMS is set

SITE = {
    "name": "Ministry of Foreign Affairs and International Cooperation",
    "name_km": "ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ",
    "tagline": "Kingdom of Cambodia — Nation Religion King",
    "address": "No. 3, Samdech Hun Sen Street, Sangkat Tonle Bassac, Khan Chamkarmon, Phnom Penh",
    "phone": "+855 23 000 000",
    "email": "press@ministry.example",
    "disclaimer": "Sample site built to demonstrate the monitor; not the Ministry's website.",
}

# key, English label, Khmer label. Extras join the menu as chrome_version grows.
_MENU = [
    ("home", "Home", "ទំព័រដើម"),
    ("about", "About the Ministry", "អំពីក្រសួង"),
    ("news", "Press Releases", "សេចក្តីប្រកាសព័ត៌មាន"),
    ("consular", "Consular Services", "សេវាកុងស៊ុល"),
    ("contact", "Contact", "ទំនាក់ទំនង"),
]
_MENU_EXTRAS = [
    ("speeches", "Speeches", "សុន្ទរកថា"),
    ("asean", "ASEAN", "អាស៊ាន"),
    ("careers", "Careers", "ការងារ"),
]
_STATIC_TEXT = {
    "about": "The Ministry conducts the foreign policy of the Kingdom of Cambodia and its"
    " relations with other states and international organisations.",
    "consular": "The Consular Department issues passports and visas and assists Cambodian"
    " nationals abroad. Office hours: Monday to Friday, 8:00-11:30 and 14:00-17:00.",
    "contact": "Write to the Press and Quick Reaction Unit at the address below.",
    "speeches": "Speeches of the Minister are published here.",
    "asean": "Cambodia joined ASEAN on 30 April 1999.",
    "careers": "Vacancies are announced on this page.",
}
_CLASS_CHOICES = {
    "header": ["site-header", "masthead-wrap", "header-main", "site-header sticky"],
    "nav": ["main-navigation", "primary-nav", "navbar-main", "main-menu"],
    "lang": ["lang-switcher", "polylang-switcher", "language-menu"],
    "sidebar": ["widget-area", "sidebar-right", "aside-column"],
    "widget": ["widget", "side-box", "sidebar-block"],
    "today": ["today-date", "current-date", "date-widget"],
    "counter": ["visitor-counter", "hit-counter", "stats-box"],
    "cookie": ["cookie-notice", "cookie-banner", "cmplz-cookiebanner", "gdpr-bar"],
    "footer": ["site-footer", "footer-main", "page-footer"],
    "share": ["share-links", "social-share", "sharing-box"],
}
_COOKIE_TEXT = [
    "We use cookies to give you the best experience on our website.",
    "This website uses cookies. By continuing to browse you agree to our use of cookies.",
    "Our site uses cookies to improve your visit.",
]
_THEMES = ["ministry", "astra-child", "govpress"]
_WIDGETS = ("latest", "today", "counter", "popular")


@dataclass(frozen=True)
class Chrome:
    """Everything on a page that is not the statement, derived from one version number."""

    version: int
    counter: str
    today: str
    build_time: dt.datetime
    menu: tuple[tuple[str, str, str], ...]
    widgets: tuple[str, ...]
    latest_count: int
    latest_reversed: bool
    cls: dict[str, str]
    indent: str
    newline: str
    spaced: bool
    nonce: str
    asset_ver: str
    theme: str
    title_sep: str
    cookie_text: str
    share_order: tuple[str, ...]


def make_chrome(version: int) -> Chrome:
    if version < 0:
        raise ValueError("chrome_version must be 0 or more")
    rng = random.Random(f"chrome-{version}")
    token = hashlib.sha1(f"chrome-{version}".encode()).hexdigest()
    today = dt.date(2024, 5, 6) + dt.timedelta(days=version)
    menu = list(_MENU)
    for extra in _MENU_EXTRAS[: version % (len(_MENU_EXTRAS) + 1)]:
        menu.insert(len(menu) - 1, extra)
    widgets = list(_WIDGETS)
    if version:
        rng.shuffle(widgets)
    share = ["facebook", "twitter", "telegram", "email"]
    if version:
        rng.shuffle(share)
    cls = {
        name: f"{choices[version % len(choices)]} c-{token[i * 2 : i * 2 + 6]}"
        for i, (name, choices) in enumerate(_CLASS_CHOICES.items())
    }
    return Chrome(
        version=version,
        counter=f"{1_204_381 + 977 * version:,}",
        today=f"{today:%A}, {today.day} {today:%B %Y}",
        build_time=dt.datetime(today.year, today.month, today.day, 10, version % 60, tzinfo=_TZ),
        menu=tuple(menu),
        widgets=tuple(widgets),
        latest_count=5 - version % 3,
        latest_reversed=version % 2 == 1,
        cls=cls,
        indent=["  ", "    ", "\t", " ", "   "][version % 5],
        newline="\r\n" if version % 4 == 3 else "\n",
        spaced=version % 2 == 1,
        nonce=token[-10:],
        asset_ver=f"{6 + version // 10}.{version % 10}.{version * 7 % 13}",
        theme=_THEMES[version % len(_THEMES)],
        title_sep=["–", "|", "·"][version % 3],
        cookie_text=_COOKIE_TEXT[version % len(_COOKIE_TEXT)],
        share_order=tuple(share),
    )


# --- where things live, per style --------------------------------------------------------


@dataclass(frozen=True)
class SiteLayout:
    """The URL scheme of one style: paths (as FixtureServer keys) under `base_path`."""

    style: Style = "wordpress"
    base_path: str = "/"

    def __post_init__(self) -> None:
        if self.style not in STYLES:
            raise ValueError(f"unknown style {self.style!r}; choose one of {', '.join(STYLES)}")
        if not self.base_path.startswith("/"):
            raise ValueError("base_path must start with '/', e.g. '/' or '/mfaic/'")

    def under(self, path: str) -> str:
        """`path` (from the site root) under base_path."""
        return self.base_path.rstrip("/") + path

    @property
    def home(self) -> str:
        return self.under("/index.html" if self.style == "handmade" else "/")

    @property
    def home_km(self) -> str:
        return self.under(
            {"wordpress": "/km/", "drupal": "/km", "handmade": "/index-kh.html"}[self.style]
        )

    @property
    def feed(self) -> str:
        return self.under(
            {"wordpress": "/feed/", "drupal": "/rss.xml", "handmade": "/feed.xml"}[self.style]
        )

    def listing(self, page: int = 1) -> str:
        """Page `page` (1-based) of the news listing."""
        if page < 1:
            raise ValueError("listing pages count from 1")
        if self.style == "wordpress":
            return self.under("/news/" if page == 1 else f"/news/page/{page}/")
        if self.style == "drupal":
            return self.under("/news" if page == 1 else f"/news?page={page - 1}")
        return self.under("/news.html" if page == 1 else f"/news{page}.html")

    def article(self, release: SampleRelease) -> str:
        d = release.date
        if self.style == "wordpress":
            return self.under(f"/{d:%Y/%m/%d}/{release.slug}/")
        if self.style == "drupal":
            return self.under(f"/news/{release.slug}")
        return self.under(f"/press/{d:%Y-%m-%d}-{release.slug}.html")

    def pdf(self, release: SampleRelease) -> str:
        d = release.date
        if self.style == "wordpress":
            return self.under(f"/wp-content/uploads/{d:%Y/%m}/{release.slug}.pdf")
        if self.style == "drupal":
            return self.under(f"/sites/default/files/{d:%Y-%m}/{release.slug}.pdf")
        return self.under(f"/pdf/{release.slug}.pdf")

    def static(self, key: str) -> str:
        if key == "home":
            return self.home
        if key == "news":
            return self.listing(1)
        return self.under(
            {"wordpress": f"/{key}/", "drupal": f"/{key}", "handmade": f"/{key}.html"}[self.style]
        )

    def term(self, kind: str, slug: str, term_id: int, page: int = 1) -> str | None:
        """Category or tag archive (WordPress /category/x/, Drupal /taxonomy/term/N)."""
        if self.style == "wordpress":
            return self.under(f"/{kind}/{slug}/" + ("" if page == 1 else f"page/{page}/"))
        if self.style == "drupal":
            return self.under(
                f"/taxonomy/term/{term_id}" + ("" if page == 1 else f"?page={page - 1}")
            )
        return None

    def shortlink(self, post_id: int) -> str | None:
        """WordPress /?p=ID and Drupal /node/ID: both redirect to the article's real address."""
        if self.style == "wordpress":
            return self.under(f"/?p={post_id}")
        if self.style == "drupal":
            return self.under(f"/node/{post_id}")
        return None


# --- rendering ---------------------------------------------------------------------------


def _template_source(name: str) -> str:
    return resources.files(__package__).joinpath("templates", *name.split("/")).read_text("utf-8")


@cache
def _environment() -> Environment:
    return Environment(
        loader=FunctionLoader(_template_source),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )


def _attribute_writer(version: int) -> Callable[[dict[str, Any]], Markup]:
    """Attributes in an order that rotates with the chrome version, as CMS upgrades do."""

    def write(attrs: dict[str, Any]) -> Markup:
        items = [(k, v) for k, v in attrs.items() if v is not None]
        if items:
            shift = version % len(items)
            items = items[shift:] + items[:shift]
        return Markup(" ".join(f'{k}="{escape(v)}"' for k, v in items))

    return write


def _reflow(html: str, chrome: Chrome) -> str:
    """Re-indent (templates use two spaces a level) and re-space: whitespace is chrome too."""
    lines = []
    for line in html.split("\n"):
        body = line.lstrip(" ")
        lines.append(chrome.indent * ((len(line) - len(body)) // 2) + body)
        if chrome.spaced and body.startswith(("</header", "</nav", "</aside", "</section")):
            lines.append("")
    return chrome.newline.join(lines)


def _stable_ids(keys: Iterable[str], start: int, span: int) -> dict[str, int]:
    """Ids that depend on the key, not on position, so adding a release renumbers nothing."""
    ids: dict[str, int] = {}
    taken: set[int] = set()
    for key in sorted(set(keys)):
        n = zlib.crc32(key.encode()) % span
        while n in taken:
            n = (n + 1) % span
        taken.add(n)
        ids[key] = start + n
    return ids


def _published(release: SampleRelease) -> dt.datetime:
    crc = zlib.crc32(release.slug.encode())
    return dt.datetime.combine(release.date, dt.time(8 + crc % 9, crc // 9 % 60), tzinfo=_TZ)


def _words(text: str, limit: int) -> str:
    words = text.split()
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")


def _pages(items: Sequence[Any], per_page: int) -> list[Sequence[Any]]:
    return [items[i : i + per_page] for i in range(0, len(items), per_page)] or [items[:0]]


def _numbers(current: int, total: int, style: Style) -> list[int | None]:
    """Page numbers a pager shows; None is an ellipsis (WordPress mid_size 2, Drupal 9)."""
    if style == "drupal":
        first = max(1, min(current - 4, total - 8))
        return list(range(first, min(total, first + 8) + 1))
    shown: list[int | None] = []
    for n in range(1, total + 1):
        if n in (1, total) or abs(n - current) <= 2:
            shown.append(n)
        elif shown[-1] is not None:
            shown.append(None)
    return shown


class _Site:
    def __init__(
        self,
        releases: list[SampleRelease],
        style: Style,
        chrome: Chrome,
        per_page: int,
        base_path: str,
        origin: str,
        pdf: bool,
    ):
        self.releases = releases
        self.style = style
        self.chrome = chrome
        self.per_page = per_page
        self.layout = SiteLayout(style, base_path)
        self.origin = origin.rstrip("/")
        self.env = _environment()
        self.position = {r.slug: i for i, r in enumerate(releases)}
        self.ids = _stable_ids((r.slug for r in releases), 1000, 900_000)
        terms = {r.category for r in releases} | {t for r in releases for t in r.tags}
        self.term_ids = _stable_ids(terms, 10, 9000)
        self.term_slugs = {
            name: slugify(name) if name.isascii() else f"term-{term_id}"
            for name, term_id in self.term_ids.items()
        }
        self.meta = {r.slug: self._meta(r) for r in releases}
        self.sidebars: dict[str, dict[str, list[dict[str, Any]]]] = {}
        self.pdfs: dict[str, bytes] = {}
        if pdf:
            for r in releases:
                data = pdf_release(r)
                if data is not None:
                    self.pdfs[r.slug] = data

    # -- helpers handed to templates --

    def absolute(self, path: str) -> str:
        return self.origin + path

    def linker(self, current: str) -> Callable[[str], str]:
        """As each CMS links: WordPress absolute, Drupal root-relative, hand-made relative."""
        if self.style == "wordpress":
            return self.absolute
        if self.style == "drupal":
            return lambda path: path
        folder = posixpath.dirname(current.split("?")[0]) or "/"
        return lambda path: posixpath.relpath(path, folder)

    def term_slug(self, name: str) -> str:
        return self.term_slugs[name]

    def term_link(self, kind: str, name: str) -> str | None:
        return self.layout.term(kind, self.term_slug(name), self.term_ids[name])

    def date_text(self, release: SampleRelease, where: str) -> str:
        d, t = release.date, _published(release)
        if self.style == "wordpress":
            return f"{d:%B} {d.day}, {d.year}"
        if self.style == "drupal":
            return f"{t:%a, %m/%d/%Y - %H:%M}"
        return f"{d.day}-{d:%B-%Y}" if where == "listing" else f"{d.day} {d:%B}, {d.year}"

    def _meta(self, release: SampleRelease) -> dict[str, Any]:
        published = _published(release)
        return {
            "release": release,
            "id": self.ids[release.slug],
            "path": self.layout.article(release),
            "datetime": published.isoformat(),
            "utc": published.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "date_text": self.date_text(release, "listing"),
            "excerpt": _words(release.text, 55),
            "category": (release.category, self.term_link("category", release.category)),
            "category_slug": self.term_slug(release.category),
            "tags": [(t, self.term_link("tag", t), self.term_slug(t)) for t in release.tags],
        }

    def item(self, release: SampleRelease, url: Callable[[str], str]) -> dict[str, Any]:
        meta = self.meta[release.slug]
        return {**meta, "href": url(meta["path"])}

    def sidebar(self, url: Callable[[str], str], folder: str) -> dict[str, list[dict[str, Any]]]:
        """The same on every page of a folder, so built once per folder."""
        if folder not in self.sidebars:
            latest = [self.item(r, url) for r in self.releases[: self.chrome.latest_count]]
            if self.chrome.latest_reversed:
                latest.reverse()
            rng = random.Random(f"popular-{self.chrome.version}")
            popular = rng.sample(self.releases, min(3, len(self.releases)))
            self.sidebars[folder] = {
                "latest": latest,
                "popular": [self.item(r, url) for r in popular],
            }
        return self.sidebars[folder]

    def render(self, template: str, path: str, lang: str = "en", **context: Any) -> Route:
        """The page, rendered when first served or read: most tests read a few of a site's
        pages, and the demo serves one site through many checks."""
        return Route(
            body=lambda: self._html(template, path, lang, context), content_type=self.html_type
        )

    def _html(self, template: str, path: str, lang: str, context: dict[str, Any]) -> bytes:
        url = self.linker(path)
        menu = [
            {"key": key, "label": km if lang == "km" else en, "href": url(self.layout.static(key))}
            for key, en, km in self.chrome.menu
        ]
        html = self.env.get_template(f"{self.style}/{template}").render(
            site=SITE,
            chrome=self.chrome,
            cls=self.chrome.cls,
            A=_attribute_writer(self.chrome.version),
            layout=self.layout,
            url=url,
            path=path,
            canonical=self.absolute(path),
            lang=lang,
            menu=menu,
            sidebar=self.sidebar(url, posixpath.dirname(path.split("?")[0])),
            share=self.share_links,
            **context,
        )
        return _reflow(html, self.chrome).encode("utf-8")

    @property
    def html_type(self) -> str:
        return "text/html" if self.style == "handmade" else HTML  # hand-made: charset in <meta>

    def share_links(self, path: str, title: str) -> list[tuple[str, str]]:
        target = quote(self.absolute(path), safe="")
        text = quote(title, safe="")
        links = {
            "facebook": ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={target}"),
            "twitter": ("X", f"https://twitter.com/intent/tweet?url={target}&text={text}"),
            "telegram": ("Telegram", f"https://t.me/share/url?url={target}&text={text}"),
            "email": ("Email", f"mailto:?subject={text}&body={target}"),
        }
        return [links[name] for name in self.chrome.share_order]

    # -- pages --

    def listing_routes(
        self, releases: list[SampleRelease], page_path: Callable[[int], str | None], heading: str
    ) -> dict[str, Route]:
        routes: dict[str, Route] = {}
        pages = _pages(releases, self.per_page)
        for number, chunk in enumerate(pages, start=1):
            path = page_path(number)
            assert path is not None
            url = self.linker(path)
            numbers = _numbers(number, len(pages), self.style)
            pager = {
                "current": number,
                "total": len(pages),
                "numbers": [(n, None if n is None else url(str(page_path(n)))) for n in numbers],
                "prev": url(str(page_path(number - 1))) if number > 1 else None,
                "next": url(str(page_path(number + 1))) if number < len(pages) else None,
                "query": lambda n: f"?page={n - 1}",  # Drupal writes query-only links
            }
            routes[path] = self.render(
                "listing.html",
                path,
                heading=heading,
                items=[self.item(r, url) for r in chunk],
                pager=pager,
            )
        return routes

    def archive_routes(self, kind: str) -> dict[str, Route]:
        """Paginated listings per category or tag, as both CMSs publish them."""
        if kind == "category":
            names = sorted({r.category for r in self.releases})
        else:
            names = sorted({t for r in self.releases for t in r.tags})
        routes: dict[str, Route] = {}
        for name in names:
            members = [r for r in self.releases if name == r.category or name in r.tags]
            slug, term_id = self.term_slug(name), self.term_ids[name]
            routes.update(
                self.listing_routes(
                    members,
                    lambda n, slug=slug, term_id=term_id: self.layout.term(kind, slug, term_id, n),
                    name,
                )
            )
        return routes

    def article_route(self, release: SampleRelease) -> Route:
        path = self.layout.article(release)
        url = self.linker(path)
        index = self.position[release.slug]
        newer = self.releases[index - 1] if index > 0 else None
        older = self.releases[index + 1] if index + 1 < len(self.releases) else None
        return self.render(
            "article.html",
            path,
            lang=release.lang,
            post=self.item(release, url),
            release=release,
            published=self.date_text(release, "article"),
            newer=newer and self.item(newer, url),
            older=older and self.item(older, url),
            pdf_href=url(self.layout.pdf(release)) if release.slug in self.pdfs else None,
            shortlink=self.layout.shortlink(self.ids[release.slug]),
        )

    def feed_route(self) -> Route:
        items = []
        for r in self.releases[:10]:
            path = self.layout.article(r)
            items.append(
                {
                    "title": r.title,
                    "url": self.absolute(path),
                    "guid": self.absolute(str(self.layout.shortlink(self.ids[r.slug]) or path)),
                    "pubdate": format_datetime(_published(r)),
                    "category": r.category,
                    "excerpt": _words(r.text, 55),
                    "content": "".join(f"<p>{escape(p)}</p>\n" for p in r.paragraphs),
                }
            )
        generator = {
            "wordpress": f"https://wordpress.org/?v={self.chrome.asset_ver}",
            "drupal": f"Drupal 10.{self.chrome.version % 4} (https://www.drupal.org)",
            "handmade": None,
        }[self.style]
        xml = self.env.get_template("feed.xml").render(
            site=SITE,
            style=self.style,
            feed_url=self.absolute(self.layout.feed),
            home_url=self.absolute(self.layout.home),
            build_date=format_datetime(self.chrome.build_time),
            generator=generator,
            items=items,
        )
        return Route(body=xml.encode("utf-8"), content_type=FEED_TYPE)

    def routes(
        self, gone: list[SampleRelease], gone_status: int, archives: bool
    ) -> dict[str, Route]:
        layout = self.layout
        routes: dict[str, Route] = {}
        home = self.render(
            "home.html",
            layout.home,
            items=[self.item(r, self.linker(layout.home)) for r in self.releases[:3]],
        )
        routes[layout.home] = home
        if self.style == "handmade":
            routes[layout.under("/")] = home
        routes[layout.home_km] = self.render(
            "home.html",
            layout.home_km,
            lang="km",
            items=[self.item(r, self.linker(layout.home_km)) for r in self.releases[:3]],
        )
        routes.update(self.listing_routes(self.releases, layout.listing, "Press Releases"))
        if self.style == "wordpress":
            routes[layout.under("/news")] = Route.redirect(self.absolute(layout.listing(1)))
        if self.style == "drupal":
            routes[layout.under("/news?page=0")] = routes[layout.listing(1)]
        if archives and self.style != "handmade":
            for kind in ("tag",) if self.style == "drupal" else ("category", "tag"):
                routes.update(self.archive_routes(kind))
        for key, _, _ in self.chrome.menu:
            if key not in ("home", "news"):
                path = layout.static(key)
                routes[path] = self.render("page.html", path, page_key=key, text=_STATIC_TEXT[key])
        for release in self.releases:
            path = layout.article(release)
            routes[path] = self.article_route(release)
            short = layout.shortlink(self.ids[release.slug])
            if short:
                routes[short] = Route.redirect(self.absolute(path))
            if release.slug in self.pdfs:
                routes[layout.pdf(release)] = Route(
                    body=self.pdfs[release.slug], content_type="application/pdf"
                )
        for release in gone:
            path = layout.article(release)
            if path not in routes:
                route = self.render("gone.html", path, status=gone_status)
                routes[path] = Route(
                    status=gone_status,
                    body=lambda route=route: route.body,
                    content_type=route.content_type,
                )
        routes[layout.feed] = self.feed_route()
        return routes


def build_site(
    releases: Iterable[SampleRelease],
    *,
    style: Style = "wordpress",
    chrome_version: int = 0,
    per_page: int = 5,
    base_path: str = "/",
    origin: str = "",
    gone: Iterable[SampleRelease] = (),
    gone_status: int = 404,
    pdf: bool = False,
    robots_txt: str | None = None,
    archives: bool = True,
) -> dict[str, Route]:
    """Every page of a ministry site as FixtureServer routes (keys: path plus query).

    origin: "http://127.0.0.1:PORT" to make WordPress links, canonical URLs and the feed absolute
    (pass `server.origin`); "" keeps them root-relative.
    gone: releases taken down: their old address answers `gone_status` (404 or 410) with the
    site's error page. A release simply left out of `releases` gets the server's plain 404.
    pdf: also publish each release as a PDF and link it from the article (Latin script only).
    archives: also render category and tag archives (WordPress, Drupal); off saves time at scale.
    """
    ordered = sort_releases(list(releases))
    slugs = [r.slug for r in ordered]
    if len(set(slugs)) != len(slugs):
        raise ValueError("two releases share a slug; slugs must be unique within a site")
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    if gone_status not in (404, 410):
        raise ValueError("gone_status must be 404 or 410")
    site = _Site(ordered, style, make_chrome(chrome_version), per_page, base_path, origin, pdf)
    published = set(slugs)
    routes = site.routes([r for r in gone if r.slug not in published], gone_status, archives)
    if robots_txt is not None:
        routes["/robots.txt"] = Route(body=robots_txt.encode(), content_type="text/plain")
    return routes


# --- a PDF of the release ----------------------------------------------------------------


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_release(release: SampleRelease) -> bytes | None:
    """A plain PDF of the release (Helvetica, WinAnsi), or None when the script needs a font."""
    import textwrap

    try:
        (release.title + release.text).encode("cp1252")
    except UnicodeEncodeError:
        return None
    lines: list[tuple[str, str]] = [
        ("F2", line) for line in textwrap.wrap(release.title, 70, break_on_hyphens=False)
    ]
    lines += [("F1", ""), ("F1", f"{release.date.day} {release.date:%B %Y}"), ("F1", "")]
    for paragraph in release.paragraphs:
        lines += [("F1", line) for line in textwrap.wrap(paragraph, 95, break_on_hyphens=False)] + [
            ("F1", "")
        ]
    pages = [lines[i : i + 56] for i in range(0, len(lines), 56)]

    objects: list[bytes] = [b"", b""]  # catalog and page tree, written last
    fonts = b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
    objects += [fonts % b"Helvetica", fonts % b"Helvetica-Bold"]
    kids = []
    for page in pages:
        ops = [b"BT 14 TL 56 790 Td"]
        for font, line in page:
            ops.append(
                b"/%s %d Tf %s Tj T*"
                % (font.encode(), 13 if font == "F2" else 10, _pdf_string(line))
            )
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R"
            b" /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % (len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
