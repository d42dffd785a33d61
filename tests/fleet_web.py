"""A generated web of many small ministry sites on a few local hosts, for the fleet tests.

Each source is one generated site (WordPress, Drupal or hand-made in turn) under its own folder
of one of `hosts` FixtureServers on 127.0.0.1 (each port is a host to the politeness rules, so
checks of sources on different hosts may run at once). Publishers' edits are drawn from a seeded
random generator, so a run is replayed by its seed.

No paragraph appears in two releases of one site: the reading learns what a site repeats from
page to page as its template, and whether a paragraph two releases share is kept then depends
on which page was read first, so two checks of the same site (in process too) can store
different texts for them. Generated releases draw their sentences from a few templates and
would share some. English releases only: a paragraph break in unspaced Khmer text can fall
differently from one check to the next (README, "Known limits"), which would be compared too.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace

from monitor.demo.samples import SampleRelease, generate_releases
from monitor.demo.server import FixtureServer, Route
from monitor.demo.site import SiteLayout, build_site

STYLES = ("wordpress", "drupal", "handmade")
SEED = 2026  # the generated releases (the random kill points have their own seed)
AMENDMENT = (
    "Correction issued on {day}: the figures given in the second paragraph were revised after "
    "the provincial offices reported again, and the ministry regrets the error."
)


@dataclass
class Site:
    name: str
    host: int
    layout: SiteLayout
    releases: list[SampleRelease]
    gone: list[SampleRelease] = field(default_factory=list)


@dataclass
class Changes:
    """What one `change` published: counts the checks that follow must report."""

    edited: int = 0
    added: int = 0
    removed: int = 0


@dataclass
class FleetWeb:
    servers: list[FixtureServer]
    sites: list[Site]
    spare: list[SampleRelease]  # releases not published yet, for `change` to add
    article_delay: float = 0.0

    def sources(self) -> list[dict]:
        return [
            {"name": s.name, "url": self.servers[s.host].url(s.layout.listing(1))}
            for s in self.sites
        ]

    def publish(self) -> None:
        for h, server in enumerate(self.servers):
            routes: dict[str, Route] = {}
            for site in (s for s in self.sites if s.host == h):
                built = build_site(site.releases, style=site.layout.style, per_page=20,
                                   base_path=site.layout.base_path, origin=server.origin,
                                   gone=site.gone, archives=False)  # fmt: skip
                articles = {site.layout.article(r) for r in site.releases}
                routes.update({path: replace(route, delay=self.article_delay)
                               if path in articles else route
                               for path, route in built.items()})  # fmt: skip
            server.set_routes(routes)

    def change(self, rng: random.Random, each: int) -> Changes:
        """`each` sources edit a release, `each` others publish one, `each` others take one down
        and publish another (a listing of fewer than three links is not read as one); the
        sources drawn from `rng`."""
        chosen = rng.sample(self.sites, 3 * each)
        done = Changes()
        for site in chosen[:each]:
            i = rng.randrange(len(site.releases))
            old = site.releases[i]
            text = AMENDMENT.format(day=f"{old.date:%d %B %Y}")
            site.releases[i] = replace(old, paragraphs=(*old.paragraphs, text))
            done.edited += 1
        for site in chosen[each:]:
            if site in chosen[2 * each :]:
                site.gone.append(site.releases.pop(rng.randrange(len(site.releases))))
                done.removed += 1
            site.releases.insert(0, _unshared(site.releases, self.spare.pop()))
            done.added += 1
        self.publish()
        return done


def _unshared(others: list[SampleRelease], release: SampleRelease) -> SampleRelease:
    """`release` without the paragraphs `others` have (its first kept if all are)."""
    seen = {p for r in others for p in r.paragraphs}
    kept = tuple(p for p in release.paragraphs if p not in seen) or release.paragraphs[:1]
    return replace(release, paragraphs=kept)


def _site_releases(pool: list[SampleRelease]) -> list[SampleRelease]:
    site: list[SampleRelease] = []
    for release in pool:
        site.append(_unshared(site, release))
    return site


@contextmanager
def fleet_web(sources: int, hosts: int, releases_each: int,
              article_delay: float = 0.0) -> Iterator[FleetWeb]:  # fmt: skip
    """`sources` sites of `releases_each` generated releases, dealt over `hosts` servers."""
    wanted = sources * (releases_each + 1)
    pool = [r for r in generate_releases(wanted * 11 // 10, seed=SEED) if r.lang == "en"][:wanted]
    with ExitStack() as stack:
        servers = [stack.enter_context(FixtureServer()) for _ in range(hosts)]
        sites = [
            Site(f"src{n:03d}", n % hosts, SiteLayout(STYLES[n % len(STYLES)], f"/s{n:03d}/"),
                 _site_releases(pool[n * releases_each : (n + 1) * releases_each]))
            for n in range(sources)
        ]  # fmt: skip
        web = FleetWeb(servers, sites, pool[sources * releases_each :], article_delay)
        web.publish()
        yield web
