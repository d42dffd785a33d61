"""A page's lines as the source's template learner sees them, kept for `site_page`.

A check learns every release page before reading it (`run.reader.ReleaseReader.learn`); the same
parse also yields the facts that tell a page which is no statement at all (a maintenance page,
a database error, the home page at a release's address) from an edited statement: its lines
with their template keys, whether each is a link, and the names the page gives itself.
Those facts are there even when the reading finds no text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.text.normalize import normalize

from .reading import _page_blocks
from .template import PageKeys, page_keys
from .tree import parse_page

_WORD = re.compile(r"\w+")
_CUT = re.compile(r"(?:…|\.\.\.)\s*$")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S*/\S*-\S*")


@dataclass(frozen=True)
class SurveyLine:
    key: int  # the block's template key (`template.Block.key`)
    text: str
    link: bool


@dataclass(frozen=True)
class PageSurvey:
    """One page: what it teaches the profile, its lines, and its <title> and og:title."""

    keys: PageKeys
    lines: tuple[SurveyLine, ...]
    names: tuple[str, ...]

    def own_lines(self, chrome: frozenset[int]) -> list[SurveyLine]:
        """The lines that are not the source's chrome (`chrome`: template block keys)."""
        return [line for line in self.lines if line.key not in chrome]

    def chrome_share(self, chrome: frozenset[int]) -> float:
        """How much of the page's text (in characters) is the source's chrome."""
        total = sum(len(line.text) for line in self.lines)
        inside = sum(len(line.text) for line in self.lines if line.key in chrome)
        return inside / total if total else 1.0

    def shows(self, title: str, *, in_names: bool = False) -> bool:
        """Is `title` on the page as its own: in a line that is not a link (a list of other
        releases names them, not this page); with `in_names`, in <title> or og:title too (a
        site's error page inside its chrome may keep those)."""
        wanted = _words(title)
        if _CUT.search(title):  # a listing's title cut short ("… 5 Mar…"): its whole words
            wanted = wanted.rstrip().rpartition(" ")[0] + " "
        if not wanted.strip():
            return False
        texts = [line.text for line in self.lines if not line.link]
        texts += self.names if in_names else ()
        return any(wanted in _words(text) for text in texts)


def _words(text: str) -> str:
    """The text's words only, so that "DaF Blog – MMF3" and "DaF Blog -  MMF3" are one title;
    an address is no words (an error page that prints the slug asked for shows no title)."""
    text = _ADDRESS.sub(" ", normalize(text).casefold())
    return " " + " ".join(_WORD.findall(text)) + " "


def survey_page(html: str, url: str) -> PageSurvey | None:
    """The page's survey; None when it is empty or not HTML."""
    tree = parse_page(html) if html and "\x00" not in html[:1024] else None
    if tree is None:
        return None
    blocks = _page_blocks(tree)
    names = [*tree.xpath("//title//text()"),
             *tree.xpath("//meta[@property='og:title']/@content")]  # fmt: skip
    return PageSurvey(
        page_keys(url, blocks),
        tuple(SurveyLine(b.key, b.text, b.link) for b in blocks),
        tuple(n for n in map(normalize, names) if n),
    )
