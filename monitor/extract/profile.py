"""What the monitor has learned about one source's pages, and how it learns more.

A block is template once it was seen on two pages of the source (three for a long, prose-like
block: a release re-posted at a second address shares whole paragraphs with it). A region is
trusted once two releases were found in it; regions seen more often are tried first. A line's
place (`detect.rules.place`) is volatile once lines there changed on two pages whose
statements did not. The profile
is kept in the store and grows with every page read,
listing pages included (they carry the same header, menus, ticker and footer), so a source's
first baseline already reads its later releases with what its first pages taught.

Counting is bounded: a key remembers the first two pages it was seen on and a count that stops
at `_ENOUGH`; keys seen on one page only are forgotten first when a source holds too many.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .template import PageKeys, Template, path_key, url_key

_ENOUGH = 3  # pages: no decision needs more
BLOCK_PAGES = 2
LONG_BLOCK_PAGES = 3
REGION_RELEASES = 2
VOLATILE_PAGES = 2
MAX_KEYS = 60_000  # per source; about 4 MB in the catalogue


@dataclass
class Seen:
    """On how many pages (up to `_ENOUGH`) a key was seen, and the first two of them."""

    first: int
    second: int = 0
    pages: int = 1
    long: bool = False
    dirty: bool = True

    def add(self, url: int) -> bool:
        if self.pages >= _ENOUGH or url in (self.first, self.second):
            return False
        if not self.second:
            self.second = url
        self.pages += 1
        self.dirty = True
        return True


@dataclass
class SiteProfile:
    """One source's template knowledge. In the store, `kind` 0 = block key, 2 = the place of a
    line that changed while its page's statement did not (volatile); 1 is not used."""

    blocks: dict[int, Seen] = field(default_factory=dict)
    volatile: dict[int, Seen] = field(default_factory=dict)
    regions: dict[str, int] = field(default_factory=dict)
    dirty_regions: set[str] = field(default_factory=set)
    _view: Template | None = None

    def learn(self, keys: PageKeys, region: str | None = None) -> None:
        """Take in one page's blocks (and, for a release, the region its statement was in)."""
        changed = False
        for key, long in keys.blocks:
            changed |= self._see(self.blocks, key, keys.url, long)
        if region:
            self.regions[region] = self.regions.get(region, 0) + 1
            self.dirty_regions.add(region)
            changed = True
        if changed:
            self._view = None

    def learn_volatile(self, url: str, places: Iterable[str]) -> None:
        """Lines at these places (`detect.rules.place`: path and shape) changed on this page
        while its statement did not."""
        page = url_key(url)
        changed = False
        for place in set(places):
            key = path_key(place)
            seen = self.volatile.get(key)
            if seen is None:
                self.volatile[key] = Seen(first=page)
            else:
                changed |= seen.add(page)
        if changed:
            self._view = None

    def is_volatile(self, place: str) -> bool:
        """Lines at this place changed on two pages whose statements did not (earlier
        checks)."""
        seen = self.volatile.get(path_key(place))
        return seen is not None and seen.pages >= VOLATILE_PAGES

    @staticmethod
    def _see(table: dict[int, Seen], key: int, url: int, long: bool) -> bool:
        seen = table.get(key)
        if seen is None:
            table[key] = Seen(first=url, long=long)
            return False  # one page decides nothing
        return seen.add(url)

    def view(self) -> Template:
        """The part a reader needs, rebuilt only when something was learned."""
        if self._view is None:
            blocks = frozenset(
                k for k, s in self.blocks.items()
                if s.pages >= (LONG_BLOCK_PAGES if s.long else BLOCK_PAGES)
            )  # fmt: skip
            regions = _trusted(self.regions)
            volatile = frozenset(k for k, s in self.volatile.items() if s.pages >= VOLATILE_PAGES)
            self._view = Template(blocks, regions, volatile)
        return self._view

    def prunable(self) -> list[tuple[int, int]]:
        """(kind, key) of keys seen once to forget when the source holds too many."""
        excess = len(self.blocks) + len(self.volatile) - MAX_KEYS
        if excess <= 0:
            return []
        out: list[tuple[int, int]] = []
        for kind, table in ((0, self.blocks), (2, self.volatile)):
            for key, seen in list(table.items()):
                if len(out) >= excess:
                    break
                if seen.pages == 1:
                    out.append((kind, key))
                    del table[key]
        self._view = None
        return out


def _trusted(found: dict[str, int]) -> tuple[str, ...]:
    """The regions to read in, best first: those found for two releases or more, the most
    often found first (of two found as often, the narrower). Where releases found different
    regions, one inside the other (a page builder's section and the text box within it), the
    outer one holds both statements: it is trusted when it holds two."""
    def rank(counts: dict[str, int]) -> list[str]:
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0].count("/"), kv[0]))
        return [r for r, n in ranked if n >= REGION_RELEASES][:3]

    direct = rank(found)
    if direct:
        return tuple(direct)
    paths = {r: r.partition("|")[0] for r in found}
    holding = {
        r: found[r] + sum(n for inner, n in found.items() if paths[inner].startswith(f"{path}/"))
        for r, path in paths.items()
    }
    return tuple(rank(holding))
