"""Titles and dates of a listing's items: each link with the container that is its own (the
list item, table row, card), the words that title it, and the date inside or beside it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as Date

from bs4 import NavigableString, Tag

from monitor.sources.links import _Cand, _classes, _link_words, _Page, _text
from monitor.sources.vocabulary import (
    DATE_ATTRIBUTES,
    DATE_CLASSES,
    DATE_WORDS,
    FILE_NOTE_WORDS,
    GENERIC_LINK_WORDS,
    HEADINGS,
    TITLE_CLASSES,
    alternatives,
)
from monitor.text.dates import MONTH, date_matches, first_date, without_dates
from monitor.text.normalize import normalize

_GENERIC_TEXT = re.compile(rf"^(?:{alternatives(GENERIC_LINK_WORDS)}|[\W_\d])*$", re.I)
# "(PDF, 120 KB)"
_FILE_NOTE = re.compile(
    rf"[(\[][^()\[\]]*\b(?:{alternatives(FILE_NOTE_WORDS)})\b[^()\[\]]*[)\]]", re.I
)
_TITLE_CLASS = re.compile(rf"(?:^|[-_])(?:{alternatives(TITLE_CLASSES)})(?:$|[-_])", re.I)
_DATE_CLASS = re.compile(alternatives(DATE_CLASSES), re.I)
# A text of only dates and these names no release: "Mon 24 April 2026, 10 am"
_DATE_WORDS = re.compile(
    rf"(?:(?<![^\W\d_])(?:{MONTH}|{alternatives(DATE_WORDS)})(?![^\W\d_])|[\d\s/.\-,:|])+", re.I
)
# what a date may carry in brackets: its weekday ("(Wed)", "(水)", "(토)")
_BRACKETED = re.compile(r"[(（][^()（）]{1,5}[)）]")


def _only_dates(text: str) -> bool:
    """A text of dates and the words beside them: "Mon 24 April 2026, 10 am",
    "令和8年12月3日（水）". Any form the date reader knows counts, whatever its words."""
    bare = without_dates(text)
    if bare != text:
        bare = _BRACKETED.sub(" ", bare)
    return _DATE_WORDS.fullmatch(bare) is not None


def _date(text: str, month_first: bool | None) -> str | None:
    """The first date in a listing's text, in the forms a listing writes."""
    return first_date(text, month_first=month_first, listing=True)


def _is_generic(text: str) -> bool:
    """Link texts that name no release: "Read more", "»", a bare date."""
    text = normalize(_FILE_NOTE.sub(" ", text))
    return not text or bool(_GENERIC_TEXT.match(text)) or _only_dates(text)


def _heading_text(el: Tag) -> str:
    for h in el.find_all([*HEADINGS], limit=1):
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
        if _link_words(t) >= 3 and not _is_generic(t) and len(t) < len(_text(a)):
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
        normalize(str(c.a.get("title") or "")),
        normalize(str(c.a.get("aria-label") or "")),
        *(normalize(str(img.get("alt") or "")) for img in c.a.find_all("img")),
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
        if sib.name in HEADINGS:
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
    spans = sorted((m.start, m.end) for m in date_matches(text, listing=True))
    for start, end in reversed(spans):
        text = text[:start] + " " + text[end:]
    text = normalize(text).strip(" -–—|:·,;")
    return text if _link_words(text) >= 2 and len(text) <= 300 and not _is_generic(text) else ""


def _tags(el: Tag) -> Iterator[Tag]:
    return (d for d in el.descendants if isinstance(d, Tag))


def _attr_date_of(node: Tag, month_first: bool | None) -> str | None:
    attrs = node.attrs
    for attr in DATE_ATTRIBUTES:
        value = attrs.get(attr)
        if not value:
            continue
        if attr == "content" and not re.search(r"date|time", " ".join(map(str, attrs.values())),
                                                re.I):  # fmt: skip
            continue  # <meta content> of any other kind
        found = _date(str(value), month_first)
        if found:
            return _shown_day(found, str(value), node, month_first)
    return None


# a UTC timestamp: "2026-12-02T23:30:00.000Z", "2026-12-02T23:30:00+00:00"
_UTC_CLOCK = re.compile(r"T(\d\d):\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]00:?00)$")


def _shown_day(found: str, value: str, node: Tag, month_first: bool | None) -> str:
    """A <time> whose UTC stamp names UTC's day (a site in UTC+7 publishing at 06:30 writes
    the day before) shows the site's day in its text: taken when a zone could make it, a
    day later from 10:00 UTC on (zones up to +14), a day earlier before 12:00 (down to -12)."""
    clock = _UTC_CLOCK.search(value.strip())
    if node.name != "time" or clock is None:
        return found
    shown = _date(normalize(node.get_text(" ")), month_first)
    if not shown:
        return found
    shift, hour = (Date.fromisoformat(shown) - Date.fromisoformat(found)).days, int(clock[1])
    return shown if (shift == 1 and hour >= 10) or (shift == -1 and hour < 12) else found


def _attr_date(el: Tag, month_first: bool | None) -> str | None:
    for node in (el, *_tags(el)):
        found = _attr_date_of(node, month_first)
        if found:
            return found
    return None


def _node_text(node: Tag | NavigableString) -> str:
    if isinstance(node, Tag):
        return _text(node)
    return normalize(str(node))


def _inner_date(item: Tag, month_first: bool | None) -> str | None:
    """A date inside an item: machine-readable first, then a dated element, then any text
    (but for a title's own words, when a link of plain text names a date)."""
    classed: str | None = None
    for node in (item, *_tags(item)):
        found = _attr_date_of(node, month_first)
        if found:
            return found
        if classed is None and any(_DATE_CLASS.search(c) for c in _classes(node)):
            classed = _date(_node_text(node), month_first)
    if classed:
        return classed
    titled = [a for a in item.find_all("a") if not a.find(True) and _date(_text(a), month_first)]
    if titled:  # a date a title names ("… Ministerial Meeting, 2 December 2026") is its topic's
        return _date(_outside(item, titled)[:3000], month_first) or _date(
            _node_text(item)[:3000], month_first)  # fmt: skip
    return _date(_node_text(item)[:3000], month_first)


def _outside(item: Tag, links: list[Tag]) -> str:
    """The item's text but for these links' (text only: no comment, no script)."""
    skip = {id(a) for a in links}
    return normalize(" ".join(
        str(node) for node in item.descendants
        if type(node) is NavigableString and not any(id(p) in skip for p in node.parents)
    ))  # fmt: skip


def _sibling_date(
    item: Tag, forward: bool, foreign: set[str], page: _Page, month_first: bool | None
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
            found = _attr_date(node, month_first) or _date(_node_text(node), month_first)
        else:
            found = _date(_node_text(node), month_first)
        if found:
            return found
        node = node.next_sibling if forward else node.previous_sibling
        steps += 1
    return None


def _heading_date(item: Tag, month_first: bool | None) -> str | None:
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
                if text and _only_dates(text):
                    return _date(text, month_first)
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
    inner = [_inner_date(it.node, page.month_first) for it in items]
    missing = [i for i, d in enumerate(inner) if d is None]
    if missing:
        after, before = {}, {}
        for i in missing:
            it = items[i]
            foreign = all_urls - {it.cand.url}
            after[i] = _sibling_date(it.node, True, foreign, page, page.month_first)
            before[i] = _sibling_date(it.node, False, foreign, page, page.month_first)
        n_after = sum(v is not None for v in after.values())
        n_before = sum(v is not None for v in before.values())
        side = before if n_before > n_after else after
        for i in missing:
            inner[i] = side[i] or _heading_date(items[i].node, page.month_first)
    for it, d in zip(items, inner, strict=True):
        it.date = d
