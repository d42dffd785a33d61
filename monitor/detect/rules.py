"""Pure rules that turn what was fetched into verdicts: new, changed, removed, unchanged.

No I/O here: check.py gathers the facts, these functions decide.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Literal
from urllib.parse import urlsplit

from monitor.config import RevisitConfig
from monitor.extract.reading import PDF_PATH
from monitor.extract.reading import PageLine as Line
from monitor.extract.site_page import says_away
from monitor.extract.vocabulary import NOT_FOUND_PHRASES, alternatives
from monitor.models import Document, Page, ReleaseState, VersionText, parse_iso
from monitor.sources import discover
from monitor.text.calendar_names import WEEKDAYS
from monitor.text.dates import without_dates
from monitor.text.scripts import ASCII_DIGITS
from monitor.text.words import ends_sentence, word_count

Verdict = Literal["new", "changed", "unchanged"]


def verdict(previous: VersionText | None, doc: Document) -> Verdict:
    if previous is None:
        return "new"
    return "unchanged" if previous.text_hash == doc.text_hash else "changed"


def due_for_revisit(release: ReleaseState, now: datetime, policy: RevisitConfig) -> bool:
    """Recent releases are re-read every check (that is when ministries edit them); older ones
    daily, then weekly, so silent edits are caught without re-downloading the archive."""
    last = parse_iso(release.last_fetched_at)
    if last is None:
        return True
    born = parse_iso(release.published) or parse_iso(release.first_seen_at) or now
    seen = parse_iso(release.first_seen_at) or born
    age = now - min(born, seen)
    if age < timedelta(days=policy.fresh_days):
        return True
    if age < timedelta(days=policy.daily_until_days):
        return now - last >= timedelta(hours=23)
    return now - last >= timedelta(seconds=policy.older_every)


def _norm(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    path = parts.path.rstrip("/") or "/"
    return parts.netloc.lower().removeprefix("www."), path + (
        "?" + parts.query if parts.query else ""
    )


# "/", "/index.htm", "/en/", "/km/home.aspx", "/Default.aspx", "/portal/", "/en/index.php"...
_HOME_PATH = re.compile(
    r"/(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?(?:(?:index|default|home|main|portal|accueil|inicio)"
    r"(?:\.[a-z]{2,5})?/?)?",
    re.I,
)


def removal_by_redirect(page: Page, listing_urls: set[str]) -> str | None:
    """A release that now redirects to the home page or a listing has been taken down.

    A redirect to another article (a slug fixed, http → https) is not a removal.
    """
    if not page.redirects or page.final_url == page.url:
        return None
    asked_host, asked_path = _norm(page.url)
    host, path = _norm(page.final_url)
    if (asked_host, asked_path) == (host, path):
        return None  # scheme, "www." or trailing-slash redirect
    if "?" not in path and _HOME_PATH.fullmatch(path):
        return f"now redirects to the home page ({page.final_url})"
    if (host, path) in {_norm(u) for u in listing_urls}:
        return f"now redirects to the news listing ({page.final_url})"
    if host != asked_host:
        return f"now redirects to another site ({page.final_url})"
    return None


def became_listing(page: Page) -> str | None:
    """A release URL that now redirects to a page of links (a category, the news index)."""
    if not page.redirects or page.is_pdf or not page.text:
        return None
    listing = discover(page.text, page.final_url)
    if listing.kind == "listing" and len(listing.releases) >= 5:
        return f"now redirects to a list of releases ({page.final_url})"
    return None


def moved_away(page: Page, listing_urls: set[str]) -> str | None:
    """Why a release's page is no longer the release (None: it still is)."""
    return removal_by_redirect(page, listing_urls) or became_listing(page)


RETURN_WINDOW = timedelta(days=30)


def due_for_return_check(release: ReleaseState, now: datetime) -> bool:
    """Removed releases are asked for once a day for a month: some come back (a page
    republished after a fix) where no listing page the check reads shows them."""
    removed = parse_iso(release.removed_at)
    last = parse_iso(release.last_fetched_at)
    if removed is None or now - removed > RETURN_WINDOW:
        return False
    return last is None or now - last >= timedelta(hours=23)


# A page served with 200 that says the release is not there: the site's own "not found"
# page (a "soft 404"), or a notice put in the statement's place. A 404 says so only as an
# error ("Error 404", "404 - Page not found", a line of its own): a view counter can read 404.
_NOT_FOUND = re.compile(
    r"\b(?:page|article|content|post|news|document|file|item)s?\s+(?:was\s+|is\s+)?not\s+found"
    r"|\berror\s*404\b|\b404\s*[-–:|.]?\s*(?:error|not found|page)\b|^\s*404\s*$"
    r"|^not found\b|\bnothing (?:was )?found at this (?:location|address)"
    r"|\bpage (?:you (?:requested|are looking for)|(?:cannot|could not|can['’]t|couldn['’]t)"
    r" be found|does not (?:seem to )?exist|doesn['’]t (?:seem to )?exist|no longer exists)"
    rf"|{alternatives(NOT_FOUND_PHRASES)}",
    re.I,
)
# A title that is an error page's: "404 | Ministry of Foreign Affairs", "Error 404 - AKP"
_NOT_FOUND_TITLE = re.compile(r"^\W*(?:error\s*)?404\b|\b404\s*[|–—-]\s")
_PAGE_NOUN = (
    r"(?:this|the)\s+(?:article|page|post|press release|release|news(?: item)?|announcement"
    r"|content|statement|document|item|story|communiqu[eé])"
)
_WITHDRAWN = re.compile(
    rf"\b{_PAGE_NOUN}\s+(?:you (?:requested|are looking for)\s+)?"
    r"(?:has|have|had)?\s*(?:been|was|is)\s+(?:removed|deleted|withdrawn|taken down|unpublished)"
    rf"|\b{_PAGE_NOUN}\s+is\s+no\s+longer\s+(?:available|accessible|online)"
    r"|ត្រូវបាន(?:ដក|លុប)ចេញ",
    re.I,
)
_NOTICE_CHARS = 600  # a notice is short; a statement that mentions removals is not


def _not_found_title(title: str) -> bool:
    return bool(_NOT_FOUND.search(title) or _NOT_FOUND_TITLE.search(title))


def removal_notice(doc: Document, previous: VersionText | None) -> str | None:
    """Why this 200 page is a removal, or None when it reads as a statement."""
    text = " ".join(doc.paragraphs)
    short = len(text) <= _NOTICE_CHARS
    shrunk = previous is None or len(text) * 2 < len(" ".join(previous.paragraphs))
    # A short title that says "not found" is the site's error page, however much menu text
    # came with it; a statement's title is not "Page not found | AKP".
    was_found = previous is None or not _not_found_title(previous.title)
    if _not_found_title(doc.title) and len(doc.title) <= 80 and was_found:
        return "answers with a “page not found” page (HTTP 200)"
    head = " ".join(doc.paragraphs[:3])
    if says_away(f"{doc.title} {head}"):
        return None  # "the page you requested is temporarily unavailable": see `site_page`
    if short and shrunk and _NOT_FOUND.search(head):
        return "answers with a “page not found” page (HTTP 200)"
    if previous is None:
        return None
    if short and shrunk and _WITHDRAWN.search(f"{doc.title} {head}"):
        return "its text was replaced by a notice that it was removed"
    # Where menus are read along with the text, the page is not short: what is new on it is
    # a short notice, and most of the statement is gone.
    old, new = set(previous.paragraphs), set(doc.paragraphs)
    added = [p for p in doc.paragraphs if p not in old]
    lost = sum(len(p) for p in previous.paragraphs if p not in new)
    if (
        added
        and sum(len(p) for p in added) <= _NOTICE_CHARS
        and lost * 2 >= sum(len(p) for p in previous.paragraphs)
        and any(_WITHDRAWN.search(p) or _NOT_FOUND.search(p) for p in added)
    ):
        return "its text was replaced by a notice that it was removed"
    return None


# A line this long is the statement's own prose: a change in it is always an edit.
CHROME_LINE_WORDS = 20


def chrome_change(
    before: Document, before_lines: Sequence[Line], after: Document, after_lines: Sequence[Line]
) -> set[str] | None:
    """The places (`place`: page path and shape) of the lines that make the whole difference
    between two readings of a release (`extract.reading.lines_read`), when every such line is
    short and a line of its page: a "last updated" line, a weather widget, a tag list read
    along with the text. None when the title or any longer line changed, but for a list of
    links ("See also: a | b"). Whether those places are volatile for the source (changing on
    other pages too, while their statements do not) decides if this is chrome; a line that is
    a link (a menu item, a tag, another release's title) or lies outside the source's
    statement region on a page that has it always is, and its place is not returned."""
    if before.title.casefold() != after.title.casefold():
        return None
    if not (before_lines and after_lines):
        return None  # a reading without page lines (a PDF): its lines tell nothing
    old_order = [line.text for line in before_lines if line.text != before.title]
    new_order = [line.text for line in after_lines if line.text != after.title]
    old, new = Counter(old_order), Counter(new_order)
    if [t for t in old_order if t in new] != [t for t in new_order if t in old]:
        return None  # the statement's lines moved: an edit
    where = {line.text: line for line in (*before_lines, *after_lines) if line.path is not None}
    paths: set[str] = set()
    gone, came = old - new, new - old
    # lines whose numbers or dates alone changed: the shape each had before is the one after
    numeric = {_shape(t) for t in gone} & {_shape(t) for t in came}
    # lines whose spacing alone changed (spans written with or without whitespace between)
    respaced = {_squeezed(t) for t in gone} & {_squeezed(t) for t in came}
    for text in (gone + came).elements():
        line = where.get(text)
        if line is None or line.path is None:
            return None
        if line.link:  # however long: a list of links is no prose ("See also: a | b | c")
            continue
        if word_count(text) > CHROME_LINE_WORDS:
            return None
        if _squeezed(text) in respaced:
            continue  # markup: the same letters, spaced otherwise
        if not line.outside:
            paths.add(place(line.path, text, numeric=_shape(text) in numeric))
    return paths  # empty: only links changed, or only how lines were joined into paragraphs


_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_CLOCK_WORDS = re.compile(rf"\b(?:{alternatives(WEEKDAYS)}|[ap]\.?m\.?)(?!\w)", re.I)
# a counter's label ends no sentence; a table cell or a list item may be a figure of the text
_FIGURE_PATH = re.compile(r"/(?:td|th|li|dd)(?:/|$)")
ANY_NUMBER = "\t#"  # the place of a counter line, whatever its words (see `place`)


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _shape(text: str) -> str:
    shape = without_dates(text.translate(ASCII_DIGITS))
    shape = _CLOCK_WORDS.sub("#", _NUMBER.sub("#", shape)).casefold()
    return " ".join(shape.split())


def place(path: str, text: str, *, numeric: bool = False) -> str:
    """Where a changed line sits, and what it says but for its numbers, dates and weekdays: a
    counter, a clock or a "last updated" line says the same on every page of a source ("#
    views"), and a site-wide ticker the same words, so their changes meet at one place; two
    releases edited in one check have short lines at one tag path too, but each says its own
    thing. A `numeric` change (only numbers or dates) of a line that is no sentence, table
    cell or list item may be a counter with the page's own words ("Reporter: Sok Dara (1,204
    views)"): it also meets other counters at its path alone, on three pages
    (`detect.outcome.place_keys`)."""
    fine = f"{path}\t{_shape(text)}"
    # a PDF's head or foot (`extract.pdf._lines`) never meets by its path alone: a figures
    # table's rows there, each corrected on its own release, are edits
    pdf = path.startswith(PDF_PATH)
    if numeric and not ends_sentence(text) and not _FIGURE_PATH.search(path) and not pdf:
        return fine + ANY_NUMBER  # either place will do (`detect.outcome.place_keys`)
    return fine
