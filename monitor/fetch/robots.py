"""robots.txt as RFC 9309 reads it (protego): the longest matching rule wins, `Allow` beats an
equally long `Disallow`, and `*` and `$` are patterns. urllib.robotparser takes the first rule
in file order, so `Disallow: /news/` above `Allow: /news/press-releases/` refused releases the
site allows.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from protego import Protego

from monitor.models import FetchError, Page

Loader = Callable[[str], Awaitable[Page]]  # fetches one robots.txt URL


class Robots:
    """Each origin's robots.txt, read once per Fetcher."""

    def __init__(self, user_agent: str):
        self.user_agent = user_agent
        self._rules: dict[str, Protego | FetchError] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def check(self, url: str, load: Loader) -> None:
        """Raise FetchError when robots.txt forbids `url` or cannot be read (RFC 9309 §2.3.1)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        async with self._locks.setdefault(origin, asyncio.Lock()):
            if origin not in self._rules:
                self._rules[origin] = await self._load(origin, load)
        rules = self._rules[origin]
        if isinstance(rules, FetchError):
            raise FetchError(url, rules.kind, rules.message, rules.status)
        if not rules.can_fetch(url, self.user_agent):
            raise FetchError(
                url,
                "robots",
                "robots.txt disallows this address for our User-Agent "
                "(set fetch.robots: false only if the site owner agrees)",
            )

    @staticmethod
    async def _load(origin: str, load: Loader) -> Protego | FetchError:
        try:
            page = await load(origin + "/robots.txt")
        except FetchError as err:
            if err.kind in ("gone", "bad_response", "blocked") and (err.status or 0) < 500:
                return Protego.parse("")  # an unavailable (4xx) robots.txt allows everything
            # An unreachable robots.txt means "assume complete disallow" for now.
            return FetchError(origin, "transient", f"robots.txt unreachable: {err.message}")
        return Protego.parse(page.text or "")
