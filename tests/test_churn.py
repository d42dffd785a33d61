"""Chrome churn: a page whose statement is unchanged must never be reported as edited.

Every mini-site of tests/churn (real pages from tests/data/churn and generated CMS-style pages)
is one source on one local HTTP server. Check 1 reads chrome variant 0; checks 2 and 3 read
variants 1 and 2, where only regions outside the statement changed (the statement markup is
byte-identical: `Site.render` asserts it). Every "changed" (or "removed") event on checks 2 and 3
is a false edit. `pytest -s -m eval tests/test_churn.py` prints the rates.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from monitor.config import Config, parse_config
from monitor.demo.server import FixtureServer, Route
from monitor.models import CheckReport, Event
from monitor.run.check import CheckOptions, run_check
from monitor.store.catalogue import Store

from .churn.sites import Site, build_sites

VARIANTS = (0, 1, 2)


@dataclass
class ChurnRun:
    server: FixtureServer
    sites: list[Site]
    config: Config
    config_path: Path
    reports: list[CheckReport] = field(default_factory=list)
    reread: list[set[str]] = field(default_factory=list)  # release paths answered 200, per check
    seconds: list[float] = field(default_factory=list)

    def routes(self, variant: int) -> dict[str, Route]:
        return {
            path: Route.html(doc) for s in self.sites for path, doc in s.render(variant).items()
        }


def _config(server: FixtureServer, sites: list[Site], root: Path) -> tuple[Config, Path]:
    data = {
        "snapshots": str(root / "snapshots"),
        "fetch": {
            "per_host_delay": 0, "backoff": 0.01, "retries": 1, "timeout": 30, "concurrency": 8
        },
        "sources": [
            {
                "name": s.name,
                "url": server.url(s.listing.path),
                "links": "ul.churn-releases a",
                "max_pages": 1,  # real chrome carries pager links to the original site
            }
            for s in sites
        ],
        # every release is re-read on every check, whatever date it shows (some real chrome
        # dates a page to 1914)
        "revisit": {"fresh_days": 1_000_000},
    }
    path = root / "config.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return parse_config(yaml.safe_dump(data), base_dir=root), path


def _run(sites: list[Site], root: Path) -> ChurnRun:
    server = FixtureServer().start()
    config, path = _config(server, sites, root)
    run = ChurnRun(server, sites, config, path)
    releases = {p.path for s in sites for p in s.releases}
    for variant in VARIANTS:
        server.set_routes(run.routes(variant))
        server.clear_requests()
        started = time.monotonic()
        with Store.open(config.snapshots_dir) as store:
            report = asyncio.run(run_check(config, store, CheckOptions()))
        run.seconds.append(time.monotonic() - started)
        run.reports.append(report)
        run.reread.append(
            {r.path for r in server.requests if r.status == 200 and r.path in releases}
        )
    return run


def _group(site: Site, short: bool) -> str:
    return f"{site.origin}/{'short' if short else 'long'}"


# what the churned chrome says, to tell which kinds of chrome reach the statement text
CHROME_SIGNS = {
    "ticker": re.compile(r"Breaking:|Breaking news:|Latest:|News flash —|Alert:"),
    "weather/date": re.compile(r"°C"),
    "counter": re.compile(
        r"Page views:|Views:|Visitors:|Hits:|Read:|Visitors today:"
        r"|\d (?:views|visitors|hits|read)\b"
    ),
    "last updated": re.compile(r"Page last updated|Last modified|Updated \d|last reviewed"),
    "cookie banner": re.compile(r"cookies", re.I),
    "tags": re.compile(r"Tags:|Keywords:|Filed under:|Topics:"),
    "footer ©": re.compile(r"©|Copyright \d"),
    "top bar": re.compile(r" · \d{4}-\d\d-\d\d \d\d:\d\d|Khmer|Français|ภาษาไทย|中文"),
    "latest/popular list": re.compile(
        r"Latest news|Popular|Most read|Related releases|In this section|Recent posts|Top stories"
    ),
}


CHANGED_RUN = re.compile(r"\[-(.*?)-\]|\{\+(.*?)\+\}", re.S)


def _changed_words(diff: str) -> str:
    """The inserted and deleted runs of a word diff ([-...-] and {+...+})."""
    return " ".join(a or b for a, b in CHANGED_RUN.findall(diff))


def _leaked_chrome(leaks: list[tuple[int, Event]]) -> Counter[str]:
    found: Counter[str] = Counter()
    for _, e in leaks:
        changed = _changed_words(e.diff or "")
        hits = [name for name, sign in CHROME_SIGNS.items() if sign.search(changed)]
        found.update(hits or ["other (statement lost or moved, title, page's own chrome)"])
    return found


def _evaluate(run: ChurnRun) -> None:
    sites = run.sites
    by_url = {run.server.url(p.path): (s, p) for s in sites for p in s.releases}
    n = len(by_url)
    first = run.reports[0]
    print(f"\nchrome churn: {len(sites)} sites ({Counter(s.origin for s in sites)}), "
          f"{n} releases, checks took {', '.join(f'{t:.0f}s' for t in run.seconds)}")  # fmt: skip
    for e in first.errors:
        print(f"  check 1 error: {e.url}: {e.error}")
    assert len(first.errors) <= max(2, n // 200), "too many errors on the baseline check"
    found = {e.url for e in first.new}
    missing = sorted(set(by_url) - found)
    assert not missing, f"check 1 did not find {len(missing)} releases: {missing[:10]}"
    assert len(first.new) == n, f"check 1: {len(first.new)} new events for {n} releases"

    leaks: list[tuple[int, Event]] = []
    totals: Counter[str] = Counter()
    edited: Counter[str] = Counter()
    for check, report in enumerate(run.reports[1:], start=2):
        # not vacuous: every release page answered 200 with new bytes and was read again
        unread = {run.server.url(p.path) for _, p in by_url.values()} - {
            run.server.url(path) for path in run.reread[check - 1]
        }
        assert not unread, f"check {check} did not re-read {len(unread)}/{n}: {sorted(unread)}"
        fetched = sum(r.fetched for r in report.sources)
        assert fetched >= n and sum(r.not_modified for r in report.sources) == 0
        assert not report.new, f"check {check}: new events {[e.url for e in report.new][:5]}"
        for e in report.errors:
            print(f"  check {check} error: {e.url}: {e.error}")
        for site, page in by_url.values():
            totals[_group(site, page.short)] += 1
            totals["all"] += 1
        for event in [*report.changed, *report.removed]:
            leaks.append((check, event))
            site, page = by_url[event.url]
            edited[_group(site, page.short)] += 1
            edited["all"] += 1
    print("false-edit rate (edited / re-read releases, checks 2 and 3):")
    for group in ["all", *sorted(g for g in totals if g != "all")]:
        rate = edited[group] / totals[group] if totals[group] else 0.0
        print(f"  {group:18} {edited[group]:4d} / {totals[group]:5d} = {rate:.2%}")
    if leaks:
        kinds = Counter(by_url[e.url][0].kind for _, e in leaks)
        print(f"  false edits by page kind: {dict(kinds.most_common())}")
        print(f"  chrome seen in their diffs: {dict(_leaked_chrome(leaks).most_common())}")
    if leaks:
        lines = []
        for check, e in leaks:
            site, page = by_url[e.url]
            what = e.diff if e.kind == "changed" else f"removed: {e.reason}"
            lines.append(f"- check {check} {e.kind} {e.url} [{site.origin} {site.kind} "
                         f"{site.base} {page.chars} chars]\n    {(what or '')[:300]}")  # fmt: skip
        rate = edited["all"] / totals["all"]
        pytest.fail(f"false-edit rate {rate:.2%} ({edited['all']} of {totals['all']}); "
                    "unchanged statements reported as edited:\n" + "\n".join(lines),
                    pytrace=False)  # fmt: skip


@pytest.fixture(scope="module")
def churn(tmp_path_factory):
    sites = build_sites()
    real = sum(s.origin == "real" for s in sites)
    assert len(sites) >= 200 and real >= 100, (len(sites), real)
    run = _run(sites, tmp_path_factory.mktemp("churn"))
    yield run
    run.server.stop()


@pytest.mark.eval
def test_chrome_churn_reports_no_edit(churn):
    _evaluate(churn)


@pytest.mark.eval
def test_extract_with_source_profile_ignores_chrome(churn):
    """`monitor extract URL --source NAME --config PATH --json` reads a page with the profile the
    checks learned for that source: chrome variants 1 and 2 give the same title and text."""
    from monitor.cli import cli

    releases = [(s, p) for s in churn.sites for p in s.releases]
    sample = releases[:: max(1, len(releases) // 20)][:20]
    runner = CliRunner()
    seen: dict[str, list[dict]] = {}
    for variant in (1, 2):
        churn.server.set_routes(churn.routes(variant))
        for site, page in sample:
            url = churn.server.url(page.path)
            args = ["extract", url, "--source", site.name, "--config", str(churn.config_path),
                    "--json"]  # fmt: skip
            result = runner.invoke(cli, args, catch_exceptions=False)
            assert result.exit_code == 0, f"{' '.join(args)}\n{result.output}"
            out = json.loads(result.stdout.strip().splitlines()[0])
            seen.setdefault(url, []).append(out)
    differ = []
    for url, (one, two) in seen.items():
        text1 = one.get("text", "\n\n".join(one.get("paragraphs", [])))
        text2 = two.get("text", "\n\n".join(two.get("paragraphs", [])))
        if one.get("title") != two.get("title") or text1 != text2:
            differ.append(f"{url}: title {one.get('title')!r} / {two.get('title')!r}")
    rate = len(differ) / len(seen)
    print(f"\nmonitor extract --source: {len(differ)} of {len(seen)} pages differ ({rate:.0%})")
    assert not differ, "\n".join(differ)


# --- a fast version on a handful of sites, for every test run --------------------------


@pytest.fixture(scope="module")
def churn_smoke(tmp_path_factory):
    every = build_sites(real=5, generated=5)
    run = _run(every, tmp_path_factory.mktemp("churn-smoke"))
    yield run
    run.server.stop()


@pytest.mark.slow
def test_chrome_churn_smoke(churn_smoke):
    _evaluate(churn_smoke)
