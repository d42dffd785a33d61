"""Chrome mutations: change a page everywhere except inside its statement container.

`apply_chrome(root, container, site, variant, page)` adds, moves and rewrites chrome around the
container: a top bar with a clock and language links, a "Breaking:" ticker, latest/popular
lists, view counters and "last updated" lines, tag lists, cookie banners, weather/date widgets,
footer years, and it rewrites existing sidebar links and © years. It never touches the
container or anything inside it, nor <head>.

Site-wide choices (markup, class names, placement, ticker and list titles, cookie wording,
footer year) depend on (site, variant); clocks, counters, tags and weather also on the page,
as on real sites. Markup and class names vary on purpose: telling names ("sidebar"), neutral
ones ("region-3") or none, so the set does not only test class-name heuristics.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from html import escape

from lxml import etree, html

from . import text as words

WIDGETS = ("topbar", "ticker", "latest", "counter", "updated", "tags", "cookie", "weather",
           "footer")  # fmt: skip
PER_PAGE = {"topbar", "counter", "updated", "tags", "weather"}
TELLING = {
    "topbar": ["top-bar", "utility-nav", "header-top", "toolbar"],
    "ticker": ["ticker", "breaking-news", "news-flash", "marquee"],
    "latest": ["sidebar", "latest-news", "popular-posts", "widget related", "block-views-latest"],
    "counter": ["page-views", "hit-counter", "stats", "visitor-count"],
    "updated": ["last-updated", "page-meta", "modified", "updated"],
    "tags": ["tags", "post-tags", "field-tags", "keywords", "taxonomy"],
    "cookie": ["cookie-banner", "cookie-consent", "gdpr", "cc-window"],
    "weather": ["weather", "date-widget", "today", "clock"],
    "footer": ["footer", "site-footer", "copyright", "footer-bottom"],
}
NO_INSERT_INTO = {
    "table", "tbody", "thead", "tfoot", "tr", "ul", "ol", "dl", "select", "head", "html", "p",
    "a", "span", "h1", "h2", "h3", "h4", "pre", "label", "button",
}  # fmt: skip
SIDEBARISH = re.compile(
    r"sidebar|related|popular|latest|most|teaser|aside|widget|news-?list|more-news|recent", re.I
)
COPYRIGHT = re.compile(r"((?:©|\(c\)|Copyright)\s*(?:\d{4}\s*[-–]\s*)?)((?:19|20)\d\d)", re.I)


@dataclass(frozen=True)
class WidgetStyle:
    present: str  # "always", "sometimes", "never"
    tag: str  # wrapper element
    cls: str | None  # class attribute (telling, neutral or none)
    where: tuple[str, int]  # ("top"|"bottom"|"before"|"after", ancestor depth)
    form: int  # markup variant


def site_styles(site: str) -> dict[str, WidgetStyle]:
    """The template: which widgets a site has, their markup and place. Same for every page."""
    rng = random.Random(f"style:{site}")
    styles = {}
    for w in WIDGETS:
        present = rng.choices(["always", "sometimes", "never"], [4, 4, 2])[0]
        naming = rng.choices(["telling", "neutral", "none"], [4, 3, 3])[0]
        cls = {
            "telling": rng.choice(TELLING[w]),
            "neutral": rng.choice(["region-", "blk-", "c", "col-", "w", "zone-"])
            + str(rng.randint(1, 12)),
            "none": None,
        }[naming]
        if w in ("topbar", "cookie"):
            where = (rng.choice(["top", "top", "before", "bottom"]), rng.randint(1, 4))
        elif w == "footer":
            where = (rng.choice(["bottom", "bottom", "after"]), rng.randint(1, 4))
        elif w == "ticker":
            where = (rng.choice(["top", "before", "before"]), rng.randint(0, 4))
        else:
            where = (rng.choice(["before", "after", "after", "bottom", "top"]), rng.randint(0, 4))
        tag = rng.choice(["div", "div", "section", "aside", "ul", "p", "span"])
        styles[w] = WidgetStyle(present, tag, cls, where, rng.randrange(4))
    # every site has at least one per-page widget, so each variant changes every page's bytes
    if all(styles[w].present == "never" for w in PER_PAGE):
        styles["topbar"] = WidgetStyle("always", "div", None, ("top", 0), 0)
    return styles


def _items(tag: str, form: int, parts: list[str], cls: str | None) -> str:
    """A list of (already escaped, possibly linked) parts in one of several markups."""
    attr = f' class="{cls}"' if cls else ""
    if tag == "ul" or form == 0:
        inner = "".join(f"<li>{p}</li>" for p in parts)
        return f"<ul{attr}>{inner}</ul>" if tag in ("ul", "span", "p") else (
            f"<{tag}{attr}><ul>{inner}</ul></{tag}>")  # fmt: skip
    if tag in ("p", "span") or form == 1:
        t = "p" if tag in ("p", "span") else tag
        return f"<{t}{attr}>" + "<br>".join(parts) + f"</{t}>"
    if form == 2:
        return f"<{tag}{attr}>" + "".join(f"<p>{p}</p>" for p in parts) + f"</{tag}>"
    return f"<{tag}{attr}>" + " | ".join(f"<span>{p}</span>" for p in parts) + f"</{tag}>"


def _line(tag: str, cls: str | None, inner: str) -> str:
    attr = f' class="{cls}"' if cls else ""
    t = "div" if tag == "ul" else tag
    return f"<{t}{attr}>{inner}</{t}>"


def _link(rng: random.Random, text: str, site: str) -> str:
    href = rng.choice(["#", f"/{site}/news/", "https://news.example.org/item/"
                       + str(rng.randint(100, 9999))])  # fmt: skip
    return f'<a href="{href}">{escape(text)}</a>'


def widget_html(w: str, style: WidgetStyle, site: str, agency: str, variant: int,
                page: int) -> str:  # fmt: skip
    site_rng = random.Random(f"{w}:{site}:{variant}")
    page_rng = random.Random(f"{w}:{site}:{variant}:{page}")
    rng = page_rng if w in PER_PAGE else site_rng
    year = 2024 + variant + site_rng.randint(0, 1)
    tag, cls, form = style.tag, style.cls, style.form
    if w == "topbar":
        iso, _ = words.clock(rng, year)
        langs = rng.sample(words.LANGS, 2)
        if form in (0, 1):
            return _line(tag, cls, f"{escape(agency)} · {iso} · "
                         + " | ".join(f'<a href="#">{x}</a>' for x in langs))  # fmt: skip
        return _items(tag, form, [escape(agency), iso, *(f'<a href="#">{x}</a>' for x in langs)],
                      cls)  # fmt: skip
    if w == "ticker":
        lead = rng.choice(["Breaking:", "Breaking news:", "Latest:", "News flash —", "Alert:"])
        head = escape(words.headline(rng))
        if form == 0:
            link = _link(rng, words.headline(rng), site)
            return _line(tag, cls, f"<strong>{lead}</strong> {link}")
        return _line(tag, cls, f"{lead} {head}")
    if w == "latest":
        title = rng.choice(["Latest news", "Popular", "Most read", "Related releases",
                            "In this section", "Recent posts", "Top stories"])  # fmt: skip
        n = rng.randint(3, 6)
        parts = []
        for _ in range(n):
            h = words.headline(rng)
            item = _link(rng, h, site) if rng.random() < 0.7 else escape(h)
            if form == 3:
                item += f" <small>{rng.randint(1, 28)} {rng.choice(words.MONTHS)} {year}</small>"
            parts.append(item)
        head = f"<h3>{title}</h3>" if form != 1 else f"<strong>{title}</strong><br>"
        body = _items("ul" if tag in ("ul", "span", "p") else "div", form, parts, None)
        t = "div" if tag in ("ul", "span", "p") else tag
        return f"<{t}{f' class={cls!r}' if cls else ''}>{head}{body}</{t}>".replace("'", '"')
    if w == "counter":
        n = rng.randint(40, 250_000)
        label = rng.choice(["Page views", "Views", "Visitors", "Hits", "Read", "Visitors today"])
        text = f"{label}: {n:,}" if form != 2 else f"{n:,} {label.lower()}"
        return _line(tag, cls, text)
    if w == "updated":
        iso, written = words.clock(rng, year)
        text = rng.choice([f"Page last updated: {written}", f"Last modified: {iso}",
                           f"Updated {written}", f"This page was last reviewed on {written}"])
        return _line(tag, cls, escape(text))
    if w == "tags":
        tags = rng.sample(words.TAGS, rng.randint(2, 5))
        label = rng.choice(["Tags:", "Keywords:", "Filed under:", "Topics:"])
        if form in (0, 3):
            return _line(tag, cls, f"{label} " + ", ".join(
                f'<a href="/tag/{t.lower().replace(" ", "-")}">{escape(t)}</a>' for t in tags))
        return _items(tag, form, [label, *map(escape, tags)], cls)
    if w == "cookie":
        text = rng.choice([
            "We use cookies to improve your experience on our website.",
            "This website uses cookies. By continuing to browse you agree to our use of cookies.",
            "Cookies help us deliver our services. Some are essential, others help us improve.",
            "We use analytics cookies to understand how visitors use this site.",
        ])  # fmt: skip
        buttons = rng.choice(["<button>Accept</button> <button>Decline</button>",
                              "<a href=\"#\">OK</a>", "<button>Accept all</button>",
                              "<a href=\"/privacy\">Privacy policy</a> <button>Got it</button>"])
        return _line(tag if tag != "span" else "div", cls, f"{text} {buttons}")
    if w == "weather":
        wd, d = rng.choice(words.WEEKDAYS), rng.randint(1, 28)
        text = (f"{rng.choice(words.CITIES)} {rng.randint(18, 38)}°C, "
                f"{rng.choice(words.WEATHER)} · {wd}, {d} {rng.choice(words.MONTHS)} {year}")
        return _line(tag, cls, escape(text))
    # footer
    text = rng.choice([f"© {year} {agency}. All rights reserved.",
                       f"Copyright {year} {agency}", f"© {agency} 2019–{year}"])
    extra = rng.choice(["", f" · Visitors: {rng.randint(1000, 9_999_999):,}",
                        " · <a href=\"#\">Sitemap</a> · <a href=\"#\">Contact</a>"])
    return _line(tag if tag != "span" else "div", cls, escape(text) + extra)


def _levels(container: etree._Element) -> list[etree._Element]:
    """The container and its ancestors below <body>, innermost first."""
    out, el = [], container
    while el is not None and el.tag not in ("body", "html"):
        out.append(el)
        el = el.getparent()
    return out


def _insert(root: etree._Element, container: etree._Element, where: tuple[str, int],
            el: etree._Element) -> None:  # fmt: skip
    body = root.find("body")
    assert body is not None
    side, depth = where
    if side == "top":
        body.insert(0, el)
        return
    if side == "bottom":
        body.append(el)
        return
    levels = _levels(container)
    for node in levels[min(depth, len(levels) - 1):]:
        parent = node.getparent()
        if parent is not None and parent.tag not in NO_INSERT_INTO:
            index = parent.index(node) + (1 if side == "after" else 0)
            if side == "after" and node.tail:  # keep text that followed the node after it
                el.tail, node.tail = node.tail, None
            parent.insert(index, el)
            return
    body.insert(0, el) if side == "before" else body.append(el)


def _rewrite_existing(root: etree._Element, inside: set, ancestors: set, site: str,
                      variant: int) -> None:  # fmt: skip
    """© years in text outside the statement; link titles in existing sidebar-like blocks."""
    body = root.find("body")
    if body is None:
        return
    rng = random.Random(f"rewrite:{site}:{variant}")
    year = str(2024 + variant)
    rewrite_sidebars = random.Random(f"sidebars:{site}").random() < 0.6
    for el in body.iter():
        if el in inside or not isinstance(el.tag, str):
            continue
        if el.text and el not in ancestors and COPYRIGHT.search(el.text):
            el.text = COPYRIGHT.sub(lambda m: m.group(1) + year, el.text)
        if el.tail and el is not body and COPYRIGHT.search(el.tail):
            el.tail = COPYRIGHT.sub(lambda m: m.group(1) + year, el.tail)
    if not rewrite_sidebars:
        return
    for el in list(body.iter()):
        if el in inside or el in ancestors or not isinstance(el.tag, str):
            continue
        names = " ".join(el.get(a, "") for a in ("class", "id"))
        if not (el.tag == "aside" or SIDEBARISH.search(names)):
            continue
        if el.xpath(".//h1"):
            continue
        for a in el.iter("a"):
            if a in inside or len(a.text_content().split()) < 3 or len(a):
                continue
            # only stand-alone link titles (a list item, a teaser heading), never a link in
            # running text: that prose may be content of its own
            holder = a.getparent()
            if holder is None or " ".join(holder.text_content().split()) != " ".join(
                a.text_content().split()
            ):
                continue
            a.text = words.headline(rng)


def apply_chrome(root: etree._Element, container: etree._Element, *, site: str, agency: str,
                 variant: int, page: int) -> None:  # fmt: skip
    styles = site_styles(site)
    inside = set(container.iter())
    ancestors = set(container.iterancestors())
    _rewrite_existing(root, inside, ancestors, site, variant)
    per_variant = random.Random(f"present:{site}:{variant}")
    chosen = []
    for w in WIDGETS:
        st = styles[w]
        if st.present == "always" or (st.present == "sometimes" and per_variant.random() < 0.5):
            chosen.append(w)
    if not PER_PAGE & set(chosen):
        chosen.append("counter")
    for w in chosen:
        st = styles[w]
        markup = widget_html(w, st, site, agency, variant, page)
        el = html.fragment_fromstring(markup)
        _insert(root, container, st.where, el)
