"""What a site answers at an address that cannot exist, asked when a known release's page has
stopped being its own.

Many sites answer a missing page with their "page not found" page and HTTP 200 (a "soft 404").
The not-found phrases (`detect.rules`) know such pages in thirty languages; this knows them in
any, the way crawlers do (Bar-Yossef et al., "Sic transit gloria telae", WWW 2004): ask the site
for an address beside the release's that no one published, and if it answers 200 with the page
the release's address now shows, the release is gone. It is asked only for a known release whose
page lost its title and almost all of its words (`site_page.lost`), never for a page several
releases show at once (a site-wide outage looks the same at every address) nor one saying the
site is away for a while; once a check per folder of the site, so a clean-up of many releases
costs one request. A site that answers missing addresses with 404 tells nothing here.
"""

from __future__ import annotations

import asyncio
import re
import secrets
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from functools import partial
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from monitor.errors import FetchError
from monitor.extract import site_page
from monitor.extract.survey import survey_page
from monitor.models import Page

REASON = "answers with the page the site gives for an address that does not exist (HTTP 200)"
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def missing_address(url: str, token: str) -> str:
    """An address beside `url` that no one published: its numbers in the query replaced where
    the query names the page (`news.php?id=123`), else its last path segment (its extension
    kept: `/2026/12/q01.html` → `/2026/12/<token>.html`)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if any(value.isdigit() for _, value in query):
        number = str(int(token, 16) % 10**9 + 10**9)
        query = [(key, number if value.isdigit() else value) for key, value in query]
        return urlunsplit(parts._replace(query=urlencode(query), fragment=""))
    folder, _, last = parts.path.rstrip("/").rpartition("/")
    extension = _EXTENSION.search(last)
    name = f"{token}-missing{extension.group() if extension else ''}"
    return urlunsplit(parts._replace(path=f"{folder}/{name}", query="", fragment=""))


class MissingPages:
    """One source's check's answers at missing addresses, one a folder."""

    def __init__(self, get: Callable[[str], Awaitable[Page]], pool: Executor):
        self._get = get
        self._pool = pool
        self._asked: dict[str, asyncio.Future[site_page.Observed | None]] = {}

    async def shows(
        self, observed: site_page.Observed, chrome: frozenset[int], *, several: bool
    ) -> bool:
        """Is the page a known release's address now shows the site's answer at an address
        that does not exist? (`several`: other releases show the same page this check.)"""
        if several or not site_page.lost(observed) or site_page.says_away(observed.text):
            return False
        url = missing_address(observed.url, secrets.token_hex(6))
        folder = url.rsplit("/", 1)[0]
        if folder not in self._asked:
            self._asked[folder] = asyncio.ensure_future(self._observe(url, chrome))
        answer = await self._asked[folder]
        return answer is not None and site_page.same_page(observed, answer)

    async def _observe(self, url: str, chrome: frozenset[int]) -> site_page.Observed | None:
        try:
            page = await self._get(url)
        except FetchError:
            return None  # 404 (or no answer): the site says so of missing pages
        if not page.text or page.is_pdf:
            return None
        survey = await asyncio.get_running_loop().run_in_executor(
            self._pool, partial(survey_page, page.text, page.url)
        )
        return site_page.observe(url, survey, chrome, text="", title=None)
