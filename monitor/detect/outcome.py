"""What happened to one release, decided from the facts a check gathered about it.

Pure: `run/check.py` fetches and reads, asks these rules at each step, and stores what they
say. The steps, in order:

1. the fetch failed → `after_fetch_error`: removed (a confirmed 404/410), still gone, or an error;
2. a page came back → `before_reading`: not modified (304), removed (it now redirects to the home
   page or a listing), unchanged (the same bytes read the same way), or read it;
3. it was read → `after_reading`: removed (a "not found" or "withdrawn" notice), still gone,
   an error (no statement on a new release's page), recorded, or held until the source's other
   pages are read (a page that may be no statement; lines that may be the source's chrome);
4. it is recorded → `to_record`: new, changed, unchanged, or read again (the same statement
   read another way: a new version, no event); a release back after a removal → `restored`.

Held releases are decided with the source's other pages: `chrome_verdicts` here, and
`extract.site_page` for pages that are no statement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from monitor.detect.rules import ANY_NUMBER, chrome_change, removal_notice, verdict
from monitor.extract.reading import PageLine
from monitor.models import Document, Page, ReleaseState, VersionText
from monitor.text.words import ends_sentence

OutcomeKind = Literal[
    "not_modified",  # a 304: nothing to read
    "unchanged",  # the stored version stands
    "removed",  # `reason` says why
    "still_gone",  # a removed release still away: said once already
    "error",  # an error item; `reason` for a page read, the fetch's message otherwise
    "record",  # record the reading: `to_record` says as what
    "hold",  # record, once the source's other pages show it is a statement
    "hold_restored",  # the same, for a removed release answering again
    "hold_chrome",  # only short lines at `paths` changed: chrome if they change elsewhere too
]


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    reason: str = ""
    paths: frozenset[str] = frozenset()


NOT_MODIFIED = Outcome("not_modified")
UNCHANGED = Outcome("unchanged")
STILL_GONE = Outcome("still_gone")


def after_fetch_error(kind: str, status: int | None, *, known: bool, removed: bool) -> Outcome:
    """A known release whose address answers 404/410 twice is removed; a removed one is still
    gone; anything else is an error item (and never evidence of an edit or a removal)."""
    if kind == "gone" and known:
        return Outcome("removed", f"answers HTTP {status} (confirmed by a second request)")
    if removed and not known:
        return STILL_GONE
    return Outcome("error")


def before_reading(
    rel: ReleaseState, page: Page, extract_sig: str, moved: str | None
) -> Outcome | None:
    """A known release's page, before it is read; None: read it. `moved` is why the page is no
    longer the release's (rules.moved_away)."""
    if page.not_modified:
        return NOT_MODIFIED
    if moved:
        return Outcome("removed", moved)
    if rel.body_hash == page.body_hash and rel.extract_sig == extract_sig:
        return UNCHANGED
    return None


def after_reading(
    doc: Document,
    lines: Sequence[PageLine],
    previous: VersionText | None,
    before: Document | None,
    before_lines: Sequence[PageLine] | None,
    *,
    known: bool,
    gone: bool,
) -> Outcome:
    """A release's page as read. `previous` is its stored version; `before` that version's own
    body read the way this one was (None when the texts agree or the body is not kept); `gone`:
    a removed release answering again."""
    notice = removal_notice(doc, previous)
    if notice and known:
        return Outcome("removed", notice)
    edited = before is not None and not same_reading(before, doc)
    if known and edited and before_lines is not None and not notice:
        assert before is not None
        paths = chrome_change(before, before_lines, doc, lines)
        if paths is not None:
            return Outcome("hold_chrome", paths=frozenset(paths))
    if gone:
        return STILL_GONE if notice else Outcome("hold_restored")
    if notice:
        return Outcome("error", f"no statement here: {notice}")
    if verdict(previous, doc) == "unchanged" or same_reading(before, doc):
        return Outcome("record")  # no event: nothing to doubt
    return Outcome("hold")


Recorded = Literal["new", "changed", "unchanged", "reread"]


def to_record(
    previous: VersionText | None, doc: Document, *, same_body: bool, same_reading: bool
) -> Recorded:
    """`reread`: the text differs, but it is the same statement read another way (the same
    bytes by a newer extractor or new selectors, or new bytes whose old body reads just like
    them now that the source's template is better known). A version, and no event."""
    found = verdict(previous, doc)
    if found == "changed" and (same_body or same_reading):
        return "reread"
    return found


def restored(previous: VersionText | None, doc: Document, *, same_reading: bool) -> bool:
    """Was a release back after a removal edited meanwhile? (False: back unchanged.)"""
    return previous is not None and verdict(previous, doc) == "changed" and not same_reading


def same_reading(before: Document | None, doc: Document) -> bool:
    """The stored version's body reads as the new one: only how it is read changed. A
    headline set in capitals by one layout and in title case by the next is the same."""
    return before is not None and (
        before.comparable == doc.comparable
        or (before.text == doc.text and before.title.casefold() == doc.title.casefold())
    )


def sheds_lines(before: Document, doc: Document) -> bool:
    """Is a chrome change only lines, no sentence, that the new reading no longer holds (a
    dateline or byline a new layout sets apart), or its headline's case? Then the new
    reading is kept as the release's, silently, so the ministry's next edit is shown without
    them; a line that changes on every fetch (a clock) leaves the stored text standing."""
    if before.comparable == doc.comparable:
        return False
    kept = set(doc.paragraphs)
    shed = [p for p in before.paragraphs if p not in kept]
    if any(map(ends_sentence, shed)):
        return False  # a sentence the guard took for chrome stays in the stored text
    rest = iter(before.paragraphs)
    return len(doc.paragraphs) <= len(before.paragraphs) and all(p in rest for p in doc.paragraphs)


def baseline_taken(baseline: bool, not_statements: int, stored_new: bool) -> bool:
    """A baseline that met only pages that are no statement (a site in maintenance) is taken
    again next check, so its releases are not all reported as new then."""
    return not (baseline and not_statements and not stored_new)


def place_keys(place: str) -> list[tuple[str, int]]:
    """The keys a changed line's place (`rules.place`) is counted under, with the pages that
    must show a change there in one check for it to be chrome: two where the line says the
    same but for its numbers; for a counter line with the page's own words, also three where
    only its path is alike, so that the short lines of two releases edited in one check are
    still two edits."""
    if not place.endswith(ANY_NUMBER) or place.count("\t") != 2:
        return [(place, 2)]
    path, shape, _ = place.split("\t")
    return [(f"{path}\t{shape}", 2), (path + ANY_NUMBER, 3)]


def chrome_verdicts(
    held: Sequence[tuple[frozenset[str], Sequence[PageLine]]],
    regions: Sequence[str],
    is_volatile: Callable[[str], bool],
) -> list[bool]:
    """For releases whose readings differ only in short lines (`hold_chrome`: the lines'
    places, `rules.place`, and the page's lines): chrome where lines at those places changed
    on another page of the source in this check too, or did on two pages decided as chrome
    before (`is_volatile`), or lie outside the source's statement `regions` on a page whose
    statement is in them; else an edit."""
    pages = Counter(key for places, _ in held for place in places for key, _ in place_keys(place))
    tops = [r.partition("|")[0] for r in regions]

    def inside(path: str) -> bool:
        return any(path == r or path.startswith(f"{r}/") for r in tops)

    verdicts = []
    for places, lines in held:
        # lines elsewhere than the statement's region, on a page whose statement is there
        in_region = any(line.path and inside(line.path) for line in lines)
        verdicts.append(all(
            any(pages[key] >= needed or is_volatile(key) for key, needed in place_keys(place))
            or (in_region and not inside(place.partition("\t")[0]))
            for place in places))  # fmt: skip
    return verdicts
