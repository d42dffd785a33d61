"""The headline of an HTML release, and the site's own names that must not pass for it.

The title chain, most trusted first (see `_choose_title`): a <h1>/<h2> that <title> or
og:title confirms; another line of the page that <title> confirms; the only <h1>; a heading
right above the statement, when <title> names only the site; og:title when <title> confirms
it; last, <title> without the site's name at either end.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from lxml import etree

from monitor.text.dates import leading_dates
from monitor.text.normalize import normalize
from monitor.text.scripts import CJK, char_class
from monitor.text.words import FULL_STOPS, word_count

from . import sitenames
from .filters import _HAS_LETTER
from .lines import _TITLE_NAME, _is_chrome_element, _lines, _names
from .sitenames import TITLE_PARTS
from .vocabulary import (
    COPYRIGHT_MARKS,
    HIDDEN_CLASSES,
    NOT_TITLE_NAMES,
    TEMPLATE_TITLES,
    alternatives,
)


def _in_chrome(el: etree._Element) -> bool:
    return any(_is_chrome_element(a) for a in el.iterancestors() if a.tag not in ("html", "body"))


def _not_headline(el: etree._Element) -> bool:
    """A heading that cannot be the headline: the site's name (inside a home link or the
    page-level <header>), or hidden text for screen readers."""
    ancestors = list(el.iterancestors())
    tags = {a.tag for a in ancestors}
    if "a" in tags or ("header" in tags and not tags & {"article", "main"}):
        return True
    return any(
        node.get("aria-hidden") == "true"
        or node.get("hidden") is not None
        or not HIDDEN_CLASSES.isdisjoint((node.get("class") or "").lower().split())
        for node in (el, *ancestors)
    )


def _agrees(heading: str, reference: str) -> bool:
    """A heading is the headline when the page's <title> or og:title contains it (or it
    contains them: a kicker before the headline). A headline without spaces (Khmer, Thai,
    Chinese, Japanese) counts its words by its length."""
    heading, reference = heading.casefold(), reference.casefold()
    if not reference or len(heading) > 300:
        return False
    if heading in reference:
        if len(heading) < 8:
            return False
        # Chinese and Japanese count words by length; a short heading that is a small part
        # of <title> may be the site's name ("…_中华人民共和国外交部")
        return word_count(heading) >= 2 or (
            word_count(heading, cjk=True) >= 2 and 2 * len(heading) >= len(reference)
        )
    return reference in heading and word_count(reference) >= 3


def _says_something(heading: str) -> bool:
    """More than a section name like "News Releases" (scripts without spaces: by length)."""
    return word_count(heading) >= 3 or (" " not in heading and len(heading) >= 15)


_NOT_TITLE_NAME = re.compile(alternatives(NOT_TITLE_NAMES))


def _heading_at_text(
    tree: etree._Element, lines: list[str], paras: Iterable[str], site_names: set[str]
) -> str:
    """A heading set right above the statement (or as its first line): an <h1>-<h3> or an
    element classed as a title, as pages whose <title> names only the site show the
    headline."""
    candidates = set()
    for el in tree.iter("h1", "h2", "h3", "div", "span", "p", "td", "strong"):
        if el.tag not in ("h1", "h2", "h3"):
            names = _names(el)
            if not _TITLE_NAME.search(names) or _NOT_TITLE_NAME.search(names):
                continue
        if _in_chrome(el) or _not_headline(el):
            continue
        text = " ".join(_lines(el, skip_chrome=False))
        if word_count(text) < 3 or len(text) > 300 or text[-1] in FULL_STOPS + ":;,":
            continue  # a section name ("Contact"), a sentence, a label ("Summary:")
        if text.casefold() not in site_names:
            candidates.add(text)
    if not candidates:
        return ""
    positions = {line: i for i, line in reversed(list(enumerate(lines)))}
    body = [positions[p] for p in paras if len(p) >= 80 and p in positions]
    if not body:
        return ""
    start = body[0]
    for line in reversed(lines[max(0, start - 8) : start]):
        if line in candidates:
            return line
    return ""


_ENDS_SENTENCE = re.compile(rf"[{FULL_STOPS}]$").search
# what a CMS calls the page when the editor gave it no title: "Pages - NewsDetail"
_TEMPLATE_WORDS = re.compile(rf"(?i:{alternatives(TEMPLATE_TITLES)})|(?:[A-Z][a-z]+){{2,}}")


def _names_the_page(title: str, site_names: set[str]) -> bool:
    """A <title> that says more than the site's name and the CMS's template name."""
    parts = [p for p in TITLE_PARTS.split(title) if p.strip()]
    return any(
        p.casefold() not in site_names and not _TEMPLATE_WORDS.fullmatch(p.strip()) for p in parts
    )


def _choose_title(
    tree: etree._Element, url: str, lines: list[str], meta_title: str, paras: Iterable[str]
) -> str:
    """The headline: a <h1>/<h2> (or else a line of the page) that <title> or og:title
    confirms, else the only <h1>, else a heading right above the statement, else og:title
    when <title> confirms it, else <title> without the site's name at either end. A <title>
    that is only the site's name (as the logo, banner or og:site_name give it) confirms
    nothing."""
    site_names = sitenames.site_names(tree, url)
    raw_title = normalize(" ".join(tree.xpath("//head/title//text()")))
    page_title = "" if raw_title.casefold() in site_names else raw_title
    og_title = normalize(" ".join(tree.xpath(
        "//meta[@property='og:title' or @name='twitter:title' or @property='twitter:title']"
        "/@content")[:1]))  # fmt: skip
    og_title = "" if og_title.casefold() in site_names else og_title
    headings: dict[str, list[str]] = {"h1": [], "h2": []}
    for el in tree.iter("h1", "h2"):
        if not _in_chrome(el) and not _not_headline(el):
            text = " ".join(_lines(el, skip_chrome=False))
            if text and text.casefold() not in site_names:
                headings[el.tag].append(text)
    owners = cache(lambda: _copyright_owners(tree))  # walked once, and only if asked

    @cache
    def own() -> str:
        """<title> but for the site's name: a heading or line that is all of it is the
        headline, however short ("Ucapan Takziah | Kementerian Luar Negeri Malaysia",
        "تهنئة - وزارة الخارجية")."""
        return _without_site_name(page_title, site_names, owners, short=True).casefold()

    @cache
    def parts() -> tuple[str, ...]:
        """The parts of a <title> of two or more ("Headline - Ministry of ..."): on a page
        with no <h1>, a line that is one of them, whole, is the headline set in a table's
        cell or a plain <div> (with one, it may be the section's name: "Press Releases")."""
        split = [p.strip() for p in TITLE_PARTS.split(page_title)]
        if len(split) < 2:
            return ()
        return tuple(p.casefold() for p in split if word_count(p, cjk=True) >= 2)

    for level in ("h1", "h2"):
        for heading in headings[level]:
            if _agrees(heading, page_title) or _agrees(heading, og_title) or (
                heading.casefold() == own()
            ):
                return _as_written_in(heading, page_title, og_title)
    # the headline in some other element (<h3>, <strong>, div.title) that <title> confirms;
    # a link that <title> confirms (a sidebar's list of releases) only after every other line
    links = {normalize(a.text_content()) for a in tree.iter("a")}
    for line in sorted(lines, key=lambda line: line in links):
        if line.casefold() in site_names or (len(line) > len(page_title) and _ENDS_SENTENCE(line)):
            continue  # the site's name, or a sentence that names the site
        if _agrees(line, page_title) and (
            len(line) >= 0.5 * len(page_title) or line.casefold() == own()
        ):
            return _as_written_in(line, page_title)
    if len(set(headings["h1"])) == 1 and _says_something(headings["h1"][0]):
        return headings["h1"][0]
    for line in lines:  # with no <h1>: a line that is a whole part of <title>, not a link
        # (the site's name in its logo, a home link) nor a name the page gives itself
        folded = line.casefold()
        if folded in parts() and line not in links and folded not in site_names and _agrees(
            line, page_title
        ):
            return _as_written_in(line, page_title)
    if not (_names_the_page(page_title, site_names) or _names_the_page(og_title, site_names)):
        at_text = _heading_at_text(tree, lines, paras, site_names)
        if at_text:
            return at_text
    if og_title and page_title and (_agrees(og_title, page_title) or og_title == page_title):
        return og_title
    meta_title = "" if meta_title.casefold() in site_names else meta_title
    chosen = page_title or og_title or meta_title
    return _without_site_name(chosen, site_names, owners) if chosen else raw_title


def _as_written_in(heading: str, *references: str) -> str:
    """A headline set in capitals as <title> or og:title writes the same words in mixed case:
    the page's capitals are its style (a redesign may drop them), the title's case is the
    ministry's wording."""
    wanted = heading.lower()
    if not heading.isupper() or len(wanted) != len(heading):
        return heading
    for reference in references:
        folded = reference.lower()
        at = folded.find(wanted)
        end = at + len(wanted)
        if at < 0 or len(folded) != len(reference):
            continue  # absent, or a letter whose lower case is longer (İ)
        if folded[at - 1 : at].isalnum() or folded[end : end + 1].isalnum():
            continue  # inside a longer word
        written = reference[at:end]
        if not written.isupper():
            return written
    return heading


# how <title> joins the headline and the site's name: " - ", " | ", " – ", " » ", " :: ",
# Blogger's "Site: Post", and without spaces "_", a full-width bar or colon or, between CJK
# words, "-" ("…_新华网", "会談｜外務省"); only a part that names the site is ever taken off
# (`_is_site_name`)
_CJK = f"[{char_class(CJK)}]"
_TITLE_SEPARATOR = re.compile(
    rf"(\s+(?:[|–—»·]|-{{1,2}}|::)\s+|:\s+|\s*[_｜：]\s*|(?<={_CJK})-(?={_CJK}))"
)
_COPYRIGHT = re.compile(alternatives(COPYRIGHT_MARKS), re.I)


def _copyright_owners(tree: etree._Element) -> list[str]:
    """The page's copyright lines ("© 2026 Ministry of Foreign Affairs"), casefolded."""
    return [line.casefold() for line in _lines(tree, skip_chrome=False) if _COPYRIGHT.search(line)]


def _is_site_name(
    part: str, site_names: set[str], owners: Callable[[], list[str]], *, last: bool
) -> bool:
    """A part of <title> that names the site: a name the page gives itself (og:site_name,
    the logo, the banner, its feeds' titles), the owner in the page's copyright line, or as
    the last part, such a name with a few more words ("ASEAN Main Portal" by an "ASEAN"
    logo)."""
    folded = part.casefold()
    if folded in site_names or (len(part) >= 4 and any(folded in line for line in owners())):
        return True
    return (
        last
        and word_count(part) <= 6
        and any(
            len(name) >= 3
            and not _TEMPLATE_WORDS.fullmatch(name)
            and (folded.startswith(name + " ") or folded.endswith(" " + name))
            for name in site_names
        )
    )


def _without_site_name(
    title: str, site_names: set[str], owners: Callable[[], list[str]], *, short: bool = False
) -> str:
    """ "Headline - ASEAN Main Portal" is "Headline": the site's name at either end of
    <title> goes, when what is left still says something (or, `short`, anything). `owners`:
    the page's copyright lines (`_copyright_owners`), walked for only when a part asks."""
    pieces = _TITLE_SEPARATOR.split(title)  # parts, with the separators between them
    if len(pieces) == 1:
        return title
    while len(pieces) > 1:
        if _is_site_name(pieces[-1], site_names, owners, last=True):
            rest = pieces[:-2]
        elif _is_site_name(pieces[0], site_names, owners, last=False):
            rest = pieces[2:]
        else:
            break
        if not ("".join(rest).strip() if short else _says_something("".join(rest))):
            break
        pieces = rest
    return "".join(pieces)


def _without_leading_date(title: str) -> str:
    """ "27.01.2022MineralölINFO ...": a date set in the headline is not part of it."""
    for end in leading_dates(title):
        if _HAS_LETTER.search(title[end:]):
            return title[end:].lstrip(" ,:|–—-")
    return title
