"""The CSS selectors a source may set (`content`, `title`, `date` in the config; `--content`,
`--title`, `--date` of `monitor extract`) applied to one page.

A selector that finds nothing falls back to automatic reading, so nothing is lost; but a user
who set it expects it to work, and a site's redesign breaks selectors silently. So each one
that found nothing is remembered (`SelectorMiss`), for `monitor extract` to warn about and for
`monitor check` to report as an error item of kind `selector`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import html as lxml_html

from monitor.text.dates import parse_date

from .filters import _clean
from .lines import _lines

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

_WHAT = {"content": "text", "title": "title", "date": "date"}


@dataclass(frozen=True)
class SelectorMiss:
    """A selector that found nothing on a page: no element (`matched` 0), or elements
    without the text or date it was set to find."""

    key: str  # "content", "title" or "date"
    selector: str
    matched: int

    @property
    def found(self) -> str:
        what = _WHAT[self.key]
        if not self.matched:
            return "matches no element"
        return f"matches {self.matched} element(s) with no {what} in them"

    def message(self) -> str:
        """For `monitor extract`, which reads one page."""
        what = _WHAT[self.key]
        return f"the {self.key} selector {self.selector!r} {self.found}; the {what} was read " \
            "automatically"

    def check_message(self, pages: int, source: str) -> str:
        """For a check's error item, when the selector missed on `pages` pages, this one
        first."""
        where = "this page" if pages == 1 else f"this page and {pages - 1} other(s)"
        return (
            f"the {self.key} selector {self.selector!r} {self.found} on {where}: read "
            f"automatically and stored as usual. Fix `{self.key}` of source {source!r} in the "
            f"config; `monitor extract --source {source} URL` shows what a page gives"
        )


def _select(soup: BeautifulSoup, selector: str) -> list:
    try:
        return soup.select(selector)
    except Exception as err:  # soupsieve raises its own SelectorSyntaxError
        raise ValueError(f"invalid CSS selector {selector!r}: {err}") from err


def _selected_lines(soup: BeautifulSoup, selector: str, *, skip_chrome: bool = True) -> list[str]:
    """Text of the elements `selector` matches, one line per block, chrome inside removed."""
    matches = _select(soup, selector)
    ids = {id(m) for m in matches}
    outer = [m for m in matches if not any(id(p) in ids for p in m.parents)]
    lines: list[str] = []
    for match in outer:
        fragment = lxml_html.fragment_fromstring(str(match), create_parent="div")
        lines += _lines(fragment, skip_chrome=skip_chrome)
    return lines


def _selected_date(soup: BeautifulSoup, selector: str, month_first: bool) -> str | None:
    for match in _select(soup, selector):
        for node in (match, *match.select("[datetime], [content]")):
            for attr in ("datetime", "content", "title"):
                found = parse_date(str(node.get(attr) or ""), month_first=month_first)
                if found:
                    return found
        found = parse_date(match.get_text(" "), month_first=month_first)
        if found:
            return found
    return None


class PageSelectors:
    """The source's selectors on one page; what each found, and which found nothing."""

    def __init__(
        self, html: str, *, content: str | None, title: str | None, date: str | None
    ) -> None:
        self.content, self.title, self.date = content, title, date
        self.soup = None
        if content or title or date:  # bs4 loads only for sources that set selectors
            from bs4 import BeautifulSoup

            self.soup = BeautifulSoup(html, "lxml")
        self.misses: list[SelectorMiss] = []

    def text(self) -> tuple[str, ...]:
        """The statement's paragraphs by the content selector; () without one, or a miss."""
        if self.soup is None or not self.content:
            return ()
        paras = _clean(_selected_lines(self.soup, self.content))
        if not paras:
            self._missed("content", self.content)
        return paras

    def headline(self) -> str:
        if self.soup is None or not self.title:
            return ""
        found = " ".join(_selected_lines(self.soup, self.title, skip_chrome=False))
        if not found:
            self._missed("title", self.title)
        return found

    def published(self, month_first: bool) -> str | None:
        if self.soup is None or not self.date:
            return None
        found = _selected_date(self.soup, self.date, month_first)
        if found is None:
            self._missed("date", self.date)
        return found

    def _missed(self, key: str, selector: str) -> None:
        assert self.soup is not None
        self.misses.append(SelectorMiss(key, selector, len(_select(self.soup, selector))))
