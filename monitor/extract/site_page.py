"""Pages served with 200 that are not the statement: a maintenance or "under construction" page,
a database error, a vendor's firewall page, the home page at a release's address, a "temporarily
unavailable" notice inside the site's own chrome.

Stored, such a page is an edit of the release, and the site's recovery a second one. `blocked`
knows a few firewalls by their signatures; these rules know any such page by what it does to a
source, so a page nobody listed is caught too:

- **one page at several addresses**: two or more releases whose new pages read the same, or
  nearly (rapidfuzz ratio >= `SAME_PAGE_RATIO` of the lines that are not the source's chrome),
  and which do not show their own titles: a page of the site, not of any release (a release
  at two addresses shows its title at both, and stays a statement);
- **a page that is not this release's**: the release's title is gone from the page, the page
  shares almost nothing with the release's stored versions (under `MAX_SHARED` of its content
  words), and one more sign says it is a site's page: it is short, the statement's learned
  region is gone, it is mostly the source's chrome, or it says so (`SITE_PAGE_WORDS`). A new
  release, with no history, must say so and show one more sign, its listed title missing.

An edit, even a heavy rewrite, keeps the title or much of the wording. Pure: `check` gathers
the facts (`observe`), `judge` decides.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from monitor.context.similar import STOPWORDS
from monitor.extract.survey import PageSurvey
from monitor.text.scripts import UNSPACED_CHAR
from monitor.text.words import word_count

SAME_PAGE_RATIO = 95.0
MAX_SHARED = 0.2  # share of a page's content words found in the release's stored versions
SHORT_WORDS = 60  # a site's notice is a few sentences
MOSTLY_CHROME = 0.85  # share of the page's characters that are the source's chrome

# Words of pages that stand in for a site's content; evidence, never a verdict on their own
# (a release may announce the maintenance of a portal).
SITE_PAGE_WORDS = (
    "maintenance", "be back soon", "back online", "back shortly", "under construction",
    "coming soon", "temporarily unavailable", "service unavailable", "try again later",
    "database error", "database connection", "internal server error", "bad gateway",
    "gateway timeout", "fatal error", "sqlstate", "has been blocked", "page blocked",
    "security policy", "incident id", "support id", "attack id", "en maintenance",
    "mantenimiento", "en construcción", "wartungsarbeiten", "កំពុងថែទាំ", "ปิดปรับปรุง",
)  # fmt: skip
# Of those, the words that say the page is away for a while: such a page is never a notice
# that the release was removed (see `detect.removal_notice`).
TRANSIENT_WORDS = (
    "maintenance", "be back soon", "back online", "back shortly", "temporarily unavailable",
    "service unavailable", "try again later", "under construction",
)  # fmt: skip
_SITE_PAGE = re.compile("|".join(map(re.escape, SITE_PAGE_WORDS)), re.I)
_TRANSIENT = re.compile("|".join(map(re.escape, TRANSIENT_WORDS)), re.I)
_TOKEN = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+")

SAME_PAGE = (
    "the same page is served at several release addresses of this source (a maintenance, "
    "error or firewall page, or the home page): it is not a statement, so nothing is stored; "
    "the release is read again next check"
)
NOT_THIS_RELEASE = (
    "this page is not the release's statement (its title is gone and it shares almost nothing "
    "with the stored text; {signs}): nothing is stored; the release is read again next check"
)
NOT_A_NEW_RELEASE = (
    "this page is not a statement (the listed title is not on it; {signs}): nothing is "
    "stored; the release is read again next check"
)


@dataclass(frozen=True)
class Observed:
    """What a check saw of one release whose text is new (or which gave no text)."""

    url: str
    own: str  # the page's lines that are not the source's chrome, joined
    text: str  # the reading's title and text; the page's own lines when nothing was read
    history: tuple[str, ...] = ()  # the release's stored versions; () for a new release
    title_shown: bool | None = None  # the release's known title on the page; None: none known
    left_region: bool = False  # read in the learned region last time, and not now
    chrome_share: float = 0.0


def observe(
    url: str,
    survey: PageSurvey | None,
    chrome: frozenset[int],
    *,
    text: str,
    title: str | None,
    history: Sequence[str] = (),
    before: PageSurvey | None = None,
    left_region: bool = False,
) -> Observed:
    """The facts `judge` needs, from the page's survey (None: not HTML), its reading, and for
    a known release the survey of its stored page (`before`). A known release's title counts
    as gone only where its stored page showed it."""
    own = "\n".join(line.text for line in survey.own_lines(chrome)) if survey else ""
    own, text = _masked(own, url), _masked(text, url)
    shown: bool | None = None
    if survey and title and not history:
        shown = survey.shows(title, in_names=True)
    elif survey and title and before and before.shows(title):
        shown = survey.shows(title)
    share = survey.chrome_share(chrome) if survey else 0.0
    return Observed(url, own, text or own, tuple(history), shown, left_region, share)


def _masked(text: str, url: str) -> str:
    """`text` with the page's own address and every number made alike: an error page says
    which address was asked for, and gives each answer its own incident number."""
    parts = urlsplit(url)
    for form in (url, f"{parts.netloc}{parts.path}", parts.path):
        if len(form) > 1:
            text = text.replace(form, " ")
    return _NUMBER.sub("0", text)


def says_away(text: str) -> bool:
    """The page says the site is away for a while (maintenance, "try again later")."""
    return bool(_TRANSIENT.search(text))


def judge(
    observed: Sequence[Observed], site_pages: Sequence[Observed] = ()
) -> dict[str, str]:
    """The releases (by URL) whose page is not a statement, with the reason to show.
    `site_pages`: pages judged so earlier in the check (a check judges its releases in
    batches), which a page alone in its batch may be one more of."""
    found: dict[str, str] = {}
    earlier = {o.url for o in site_pages}
    for group in same_page_groups([*observed, *site_pages]):
        if _site_wide(group):
            for o in group:
                if o.url not in earlier:
                    found[o.url] = SAME_PAGE
    for o in observed:
        if o.url not in found and (reason := _not_this_release(o)):
            found[o.url] = reason
    return found


def _site_wide(group: Sequence[Observed]) -> bool:
    """Releases reading the same page are not one release listed twice: two lost their
    titles, or, where no title can be looked for, none shows its title and their stored texts
    differ."""
    if sum(o.title_shown is False for o in group) >= 2:
        return True
    if any(o.title_shown for o in group):
        return False
    return len({o.history[-1] for o in group if o.history}) >= 2


def same_page_groups(observed: Sequence[Observed]) -> list[list[Observed]]:
    """Groups of two or more releases whose pages read the same or nearly (`SAME_PAGE_RATIO`)."""
    items = sorted((o for o in observed if o.own or o.text), key=lambda o: len(o.own or o.text))
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    texts = [o.own or o.text for o in items]
    for i, a in enumerate(texts):
        for j in range(i + 1, len(texts)):
            b = texts[j]
            if len(a) < len(b) * (SAME_PAGE_RATIO / 100) ** 2:
                break  # sorted by length: the rest are longer still
            if root(i) != root(j) and _near(a, b):
                parent[root(j)] = root(i)
    groups: dict[int, list[Observed]] = {}
    for i, o in enumerate(items):
        groups.setdefault(root(i), []).append(o)
    return [g for g in groups.values() if len(g) >= 2]


def same_page(a: Observed, b: Observed) -> bool:
    return _near(a.own or a.text, b.own or b.text)


def _near(a: str, b: str) -> bool:
    if a == b:
        return True
    head = 200  # cheap first: pages that differ in their opening are not one page
    if fuzz.ratio(a[:head], b[:head]) < SAME_PAGE_RATIO - 15:
        return False
    return fuzz.ratio(a, b, score_cutoff=SAME_PAGE_RATIO) >= SAME_PAGE_RATIO


def _not_this_release(o: Observed) -> str | None:
    if o.title_shown is not False:
        return None  # the release's title is on the page, or no title is known to look for
    if o.history and shared(o.text, o.history) >= MAX_SHARED:
        return None
    says = bool(_SITE_PAGE.search(o.text))
    if not (o.history or says):
        return None  # a new release's page must say what it is: it has no history to lose
    signs = [
        sign
        for sign, present in (
            ("it is short", word_count(o.text) < SHORT_WORDS),
            ("the statement's usual place is gone", o.left_region),
            ("it is mostly the site's menus and frame", o.chrome_share >= MOSTLY_CHROME),
            ("it reads as a site's notice", says),
        )
        if present
    ]
    if len(signs) < (1 if o.history else 2):
        return None
    template = NOT_THIS_RELEASE if o.history else NOT_A_NEW_RELEASE
    return template.format(signs=", ".join(signs))


def shared(text: str, history: Sequence[str]) -> float:
    """The share of `text`'s content words that the stored versions have (0 to 1)."""
    words = _features(text)
    if not words:
        return 0.0
    known: set[str] = set()
    for version in history:
        known |= _features(version)
    return len(words & known) / len(words)


def _features(text: str) -> set[str]:
    """Content words; character trigrams of words in scripts written without spaces."""
    out: set[str] = set()
    for token in _TOKEN.findall(text.casefold()):
        if UNSPACED_CHAR.search(token):
            out.update(token[i : i + 3] for i in range(max(1, len(token) - 2)))
        elif len(token) > 2 and token not in STOPWORDS and not token.isdigit():
            out.add(token)
    return out
