"""`monitor demo`: the whole job on a bundled ministry site, offline, in under a minute.

It serves two sample sites on 127.0.0.1 (a WordPress-style ministry and a Drupal-style news
agency with a feed), checks them once (the baseline), makes the edits ministries make — a changed
sentence, a new release, a removed one, and new chrome on every page — checks again, and shows
what a user is told. It uses the real pipeline, store and config: nothing is simulated but the
web sites.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from rich.console import Console

from ..config import Config, load_config
from ..models import CheckReport
from .samples import SampleRelease, load_releases
from .scenario import add_release, edit_sentence, remove_release
from .server import FixtureServer
from .site import SiteLayout, build_site

EDITED = "outcomes-of-the-asean-united-nations-ministerial-meeting"
EDIT_OLD = "adopted a new PoA for 2021-2025"
EDIT_NEW = "adopted a new PoA for 2021-2025 and agreed to review it in 2023"
REMOVED = "cambodia-and-korea-discuss-trade-and-investment-cooperation"


@dataclass
class DemoSite:
    name: str
    style: str
    releases: list[SampleRelease]
    chrome_version: int = 0
    gone: tuple[SampleRelease, ...] = ()

    def routes(self, origin: str, base_path: str) -> dict:
        return build_site(
            self.releases, style=self.style, chrome_version=self.chrome_version,  # type: ignore[arg-type]
            per_page=4, base_path=base_path, origin=origin, gone=self.gone,
        )  # fmt: skip


def write_demo_config(folder: Path, server: FixtureServer) -> Path:
    ministry, agency = SiteLayout("wordpress", "/ministry/"), SiteLayout("drupal", "/agency/")
    config = {
        "snapshots": "snapshots",
        "fetch": {"per_host_delay": 0, "concurrency": 4, "timeout": 10},
        # a small site: re-read every release on every check
        "revisit": {"fresh_days": 36500},
        "sources": [
            {"name": "sample-ministry", "url": server.url(ministry.listing(1)), "max_pages": 5},
            {"name": "sample-agency", "url": server.url(agency.feed)},
        ],
        "email": {"to": ["analyst@example.org"], "from": "monitor@example.org",
                  "outbox": "outbox"},
    }  # fmt: skip
    path = folder / "config.yaml"
    path.write_text(
        "# written by `monitor demo`: two sample sites served on 127.0.0.1\n"
        + yaml.safe_dump(config, sort_keys=False, allow_unicode=True),
        encoding="utf-8",
    )
    return path


def run_demo(folder: Path, console: Console, check: callable) -> tuple[CheckReport, CheckReport]:  # type: ignore[valid-type]
    """Run the scenario; `check(config)` runs one real check and shows its summary."""
    if folder.exists():
        for child in ("snapshots", "outbox", "config.yaml"):
            target = folder / child
            if target.is_dir():
                shutil.rmtree(target)
            elif target.exists():
                target.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    published = load_releases()
    ministry = DemoSite("sample-ministry", "wordpress", published)
    agency = DemoSite("sample-agency", "drupal", [r for r in published if r.lang == "en"][:6])
    with FixtureServer() as server:

        def serve() -> None:
            routes = ministry.routes(server.origin, "/ministry/")
            routes.update(agency.routes(server.origin, "/agency/"))
            server.set_routes(routes)

        serve()
        config: Config = load_config(write_demo_config(folder, server))
        console.rule("[bold]1. Baseline: the first check records every release")
        first = check(config)

        upcoming = load_releases(status="upcoming")
        releases = edit_sentence(ministry.releases, EDITED, EDIT_OLD, EDIT_NEW)
        gone = next(r for r in releases if r.slug == REMOVED)
        releases = remove_release(releases, REMOVED)
        for release in upcoming:
            releases = add_release(releases, release)
        ministry.releases, ministry.gone = releases, (gone,)
        ministry.chrome_version = agency.chrome_version = 1
        serve()
        console.rule("[bold]2. The sites change")
        console.print(
            f"  • edited one sentence of “{next(r.title for r in releases if r.slug == EDITED)}”\n"
            f"  • published {len(upcoming)} new release(s)\n"
            f"  • took down “{gone.title}” (now 404)\n"
            "  • changed the chrome of every page: menus, sidebar, visitor counter, date widget,"
            " cookie banner, markup"
        )
        console.rule("[bold]3. Second check: only the real changes are reported")
        second = check(config)
    console.print(
        f"\nThe store is in {folder / 'snapshots'}; the config the demo used is "
        f"{folder / 'config.yaml'}.\nBrowse what it recorded — every version, the word diff of "
        f"the edit, the removal — with `monitor serve --config {folder / 'config.yaml'}`, then "
        "open http://127.0.0.1:8080/ (Ctrl-C stops it).",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    return first, second
