"""Mini-sites for the chrome-churn set: one listing page and 4-6 release pages per source, all in
one template, so the monitor can learn the source's chrome from sibling pages.

Real sites start from a copied real page (tests/data/churn/real): its statement container is
kept byte for byte on the base release; sibling releases and the listing are the same page with
only the container's contents replaced (other paragraphs, or the list of releases), so they
share the real chrome. Generated sites use the templates in `cms`.

`Site.render(variant)` applies chrome variant `variant` to every page of the site and checks
that each statement container's markup is byte-identical to every other variant's.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree, html

from . import cms
from . import text as words
from .mutate import apply_chrome

DATA = Path(__file__).resolve().parent.parent / "data" / "churn" / "real"
SHORT = 250  # statements under this many characters are "short"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def markup(el: etree._Element) -> str:
    return etree.tostring(el, encoding="unicode", method="html", with_tail=False)


def serialize(root: etree._Element) -> str:
    return html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")


@dataclass
class PageSpec:
    path: str
    html: str  # the page before chrome churn
    container: str  # XPath of the statement container in `html`
    title: str
    chars: int = 0  # statement length (normalised text of the container)
    release: bool = True

    @property
    def short(self) -> bool:
        return self.chars < SHORT


@dataclass
class Site:
    name: str  # also the source name and the path prefix
    origin: str  # "real" or "generated"
    kind: str  # real: the set it came from; generated: the CMS style
    agency: str
    pages: list[PageSpec]  # the listing first
    base: str = ""  # the real file, or the CMS style
    statement: dict[str, str] = field(default_factory=dict)  # path -> sha256 of the container
    rendered: dict[tuple[str, int], str] = field(default_factory=dict)  # (path, variant) -> sha

    @property
    def listing(self) -> PageSpec:
        return self.pages[0]

    @property
    def releases(self) -> list[PageSpec]:
        return self.pages[1:]

    def render(self, variant: int) -> dict[str, str]:
        """Every page of the site with chrome variant `variant` (0 = the baseline check)."""
        out = {}
        for index, spec in enumerate(self.pages):
            root = html.document_fromstring(spec.html)
            found = root.xpath(spec.container)
            assert len(found) == 1, (self.name, spec.path, spec.container)
            box = found[0]
            before = markup(box)
            apply_chrome(root, box, site=self.name, agency=self.agency, variant=variant,
                         page=index)  # fmt: skip
            after = markup(box)
            assert after == before, f"{self.name}{spec.path}: mutation touched the statement"
            doc = serialize(root)
            assert before in doc, f"{self.name}{spec.path}: statement not byte-identical"
            digest = hashlib.sha256(before.encode()).hexdigest()
            known = self.statement.setdefault(spec.path, digest)
            assert known == digest, f"{spec.path}: statement differs between variants"
            page_hash = hashlib.sha256(doc.encode()).hexdigest()
            if variant > 0 and (spec.path, variant - 1) in self.rendered:
                assert self.rendered[spec.path, variant - 1] != page_hash, (
                    f"{spec.path}: variant {variant} left the page unchanged"
                )
            self.rendered[spec.path, variant] = page_hash
            out[spec.path] = doc
        return out


def _date(rng: random.Random) -> str:
    return f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _slug(title: str, n: int) -> str:
    return f"{n:02d}-" + re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:50]


# --- real sites --------------------------------------------------------------------------


def manifest() -> list[dict]:
    return json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))


def _outside_h1(root: etree._Element, box: etree._Element) -> etree._Element | None:
    inside = set(box.iter())
    above = set(box.iterancestors())
    for h in root.iter("h1"):
        if h not in inside and h not in above:
            return h
    return None


def _retitle(root: etree._Element, box: etree._Element, title: str) -> None:
    """Sibling pages carry their own title wherever the page shows one outside the statement."""
    h = _outside_h1(root, box)
    if h is not None:
        for child in list(h):
            h.remove(child)
        h.text = title
    t = root.find(".//title")
    if t is not None:
        t.text = title
    for meta in root.xpath("//meta[@property='og:title' or @name='twitter:title']"):
        meta.set("content", title)


def _refill(box: etree._Element, parts: list[etree._Element], title: str | None) -> None:
    for child in list(box):
        box.remove(child)
    box.text = None
    if title is not None:
        h = etree.SubElement(box, "h1")
        h.text = title
    for part in parts:
        box.append(part)


def _paragraphs(paras: list[str]) -> list[etree._Element]:
    out = []
    for p in paras:
        el = etree.Element("p")
        el.text = p
        out.append(el)
    return out


def real_site(entry: dict, number: int) -> Site:
    name = f"r{number:03d}"
    source = (DATA / entry["file"]).read_text(encoding="utf-8")
    rng = random.Random(f"real:{entry['file']}")
    root = html.document_fromstring(source)
    box = root.xpath(entry["container"])[0]
    text = norm(box.text_content())
    for seg in entry["with"]:
        assert norm(seg) in text, (entry["file"], seg)
    has_h1 = box.find(".//h1") is not None
    page_title = norm(root.findtext(".//title") or "") or words.headline(rng)
    h = _outside_h1(root, box)
    base_title = norm(h.text_content()) if h is not None and norm(h.text_content()) else page_title
    releases = [PageSpec(f"/{name}/news/{_slug(base_title, 0) or '00-release'}.html", source,
                         entry["container"], base_title, len(text))]  # fmt: skip
    for n in range(1, 4):  # three siblings
        short = rng.random() < 0.35
        paras = words.statement(rng, short)
        title = words.headline(rng)
        r = html.document_fromstring(source)
        b = r.xpath(entry["container"])[0]
        _refill(b, _paragraphs(paras), title if has_h1 else None)
        _retitle(r, b, title)
        releases.append(PageSpec(f"/{name}/news/{_slug(title, n)}.html", serialize(r),
                                 entry["container"], title, len(norm(b.text_content()))))
    r = html.document_fromstring(source)
    b = r.xpath(entry["container"])[0]
    _refill(b, [_listing_element(releases, rng)], "Press releases" if has_h1 else None)
    _retitle(r, b, "Press releases")
    listing = PageSpec(f"/{name}/news/", serialize(r), entry["container"], "Press releases",
                       release=False)  # fmt: skip
    return Site(name, "real", entry["group"], rng.choice(words.MINISTRIES),
                [listing, *releases], entry["file"])  # fmt: skip


def _listing_element(releases: list[PageSpec], rng: random.Random) -> etree._Element:
    items = [(p.path, p.title, _date(rng)) for p in releases]
    items.sort(key=lambda item: item[2], reverse=True)
    marked = cms.listing_html(items, "listing")
    el = html.fragment_fromstring(marked.replace(" " + cms.MARK, ""))
    ul = el.find("ul")
    assert ul is not None
    return ul


# --- generated sites ---------------------------------------------------------------------


def _generated_page(style: str, agency: str, title: str, date: str, main: str, path: str,
                    release: bool = True) -> PageSpec:  # fmt: skip
    root = html.document_fromstring(cms.page(style, agency=agency, title=title, date=date,
                                             main=main))  # fmt: skip
    box = root.xpath("//*[@data-churn]")[0]
    del box.attrib["data-churn"]
    return PageSpec(path, serialize(root), root.getroottree().getpath(box), title,
                    len(norm(box.text_content())), release)  # fmt: skip


def generated_site(number: int) -> Site:
    name = f"g{number:03d}"
    style = cms.STYLES[number % len(cms.STYLES)]
    rng = random.Random(f"generated:{number}")
    agency = rng.choice(words.MINISTRIES)
    releases = []
    dates = []
    for n in range(rng.randint(3, 5) + 1):
        short = number % 2 == 0 if n == 0 else rng.random() < 0.4
        title, date = words.headline(rng), _date(rng)
        main = cms.statement_html(words.statement(rng, short), cms.CONTENT_CLASS[style])
        path = f"/{name}/news/{_slug(title, n)}.html"
        releases.append(_generated_page(style, agency, title, date, main, path))
        dates.append(date)
    items = sorted(((p.path, p.title, d) for p, d in zip(releases, dates, strict=True)),
                   key=lambda item: item[2], reverse=True)  # fmt: skip
    listing = _generated_page(style, agency, "Press releases", dates[0],
                              cms.listing_html(items, "view-content"), f"/{name}/news/",
                              release=False)  # fmt: skip
    return Site(name, "generated", style, agency, [listing, *releases], style)


def build_sites(real: int | None = None, generated: int = 100) -> list[Site]:
    entries = manifest()
    if real is not None:
        entries = entries[:real]
    sites = [real_site(e, i) for i, e in enumerate(entries, 1)]
    sites += [generated_site(i) for i in range(1, generated + 1)]
    return sites
