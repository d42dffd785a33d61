"""The fault matrix: hostile servers through the real `monitor check --json`.

Each row of FAULTS is one way a server misbehaves. The test checks a well-behaved site once
(the baseline), swaps one page for the fault, checks again, and asserts: the error item's kind
(or no item at all), that nothing was reported as new, edited or removed, that no version was
stored, that a check about time ended within a generous bound, and that the next check, with the
site well-behaved again, reports nothing. A second server on 127.0.0.2 stands for "another host
on the private network": nothing may ever be fetched from it.

To add a case: one `Fault(...)` row. `reply` builds the misbehaving answer from the servers (so
it can point at their addresses); `paragraphs` sets release 1's statement for the whole test
(charset cases).
"""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from monitor.store.catalogue import CATALOGUE
from tests.faultserver import (
    ENGLISH,
    LISTING,
    FaultServer,
    Reply,
    gzip_bomb,
    listing_html,
    pdf_bomb,
    release_html,
    release_path,
    site,
    xml_bomb_feed,
)

RELEASE = release_path(1)
FRENCH = (
    "Café déjà vu : le ministère a reçu à Genève la délégation française.",
    "La réunion ministérielle a été présidée par le ministre des Affaires étrangères, qui a "
    "salué l'élan donné à la coopération régionale.",
)
KHMER = (
    "ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ សូមជម្រាបជូនថា កិច្ចប្រជុំថ្នាក់តំបន់ស្តីពីការបោសសម្អាតមីន "
    "នឹងប្រព្រឹត្តទៅនៅរដូវផ្ការីកខាងមុខ។",
    "គណៈប្រតិភូមកពីប្រទេសជាសមាជិកចំនួនដប់ នឹងចូលរួមក្នុងកិច្ចប្រជុំរយៈពេលពីរថ្ងៃនេះ។",
)
THAI = (
    "กระทรวงการต่างประเทศแถลงว่า ประเทศไทยจะเป็นเจ้าภาพการประชุมระดับภูมิภาค"
    "ว่าด้วยการกำจัดทุ่นระเบิดในฤดูใบไม้ผลิหน้า",
    "คณะผู้แทนจากประเทศสมาชิกสิบประเทศจะเข้าร่วมการประชุมสองวันนี้",
)
FIREWALL = (
    "<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. "
    "Please consult with your administrator.<br>Your support ID is: 1234</body></html>"
)


@dataclass(frozen=True)
class Servers:
    site: FaultServer  # the ministry, on 127.0.0.1 (the source's own host)
    other: FaultServer  # another host on a private address, 127.0.0.2


@dataclass(frozen=True)
class Fault:
    name: str
    path: str  # which page of the site misbehaves
    reply: Callable[[Servers], Reply]
    kind: str | None  # the error item's kind; None: the check reports no error at all
    says: str = ""  # words the error message contains
    bound: float | None = None  # seconds the faulty check may take, for cases about time
    fetch: dict[str, Any] = field(default_factory=dict)  # `fetch:` config for this case
    paragraphs: tuple[str, ...] = ENGLISH  # release 1's statement, in the good site too


def _undeclared(paragraphs: tuple[str, ...], encoding: str) -> Callable[[Servers], Reply]:
    """Release 1 as before, in `encoding`, with no charset in the header or the page."""
    return lambda s: Reply.html(release_html(1, paragraphs), charset=None, encoding=encoding)


FAULTS = [
    # --- time: the check ends, whatever the server does
    Fault("trickle", RELEASE, lambda s: Reply(body=release_html(1).encode(), mode="trickle"),
          "transient", "within 2 s", bound=60, fetch={"timeout": 2}),
    Fault("trickle-chunked", RELEASE,
          lambda s: Reply(body=release_html(1).encode(), mode="trickle_chunked"),
          "transient", "within 2 s", bound=60, fetch={"timeout": 2}),
    Fault("trickle-listing", LISTING, lambda s: Reply(body=listing_html(2).encode(),
          mode="trickle"), "transient", "within 2 s", bound=60, fetch={"timeout": 2}),
    # --- broken answers
    Fault("truncated", RELEASE, lambda s: Reply(body=release_html(1).encode(), mode="truncate"),
          "transient", "closed the connection"),
    Fault("reset", RELEASE, lambda s: Reply(mode="reset"), "transient", "127.0.0.1"),
    Fault("503", RELEASE, lambda s: Reply(503, b"down for maintenance", "text/plain"),
          "transient", "HTTP 503"),
    Fault("429-retry-after", RELEASE,
          lambda s: Reply(429, b"slow down", "text/plain", {"Retry-After": "1"}),
          "transient", "HTTP 429", bound=60),
    Fault("firewall-200", RELEASE, lambda s: Reply.html(FIREWALL), "blocked", "F5"),
    # --- redirects
    Fault("redirect-loop", RELEASE, lambda s: Reply.redirect(RELEASE), "bad_response",
          "too many redirects"),
    Fault("redirect-to-file", RELEASE, lambda s: Reply.redirect("file:///etc/passwd"),
          "bad_response", "redirect to file:"),
    Fault("redirect-to-private-host", RELEASE,
          lambda s: Reply.redirect(s.other.url(RELEASE)), "bad_response", "private"),
    Fault("redirect-to-localhost-alias", RELEASE,
          lambda s: Reply.redirect(f"http://localhost:{s.site.port}{release_path(2)}"),
          "bad_response", "fetch.allow_hosts"),
    Fault("listing-links-a-private-host", LISTING, lambda s: Reply.html(
          listing_html(2).replace("</ul>", f"<li><a href='{s.other.url(release_path(3))}'>"
                                  "Press release number 3 on the meeting</a></li></ul>")),
          "bad_response", "private"),
    # --- bombs
    Fault("gzip-bomb", RELEASE, lambda s: gzip_bomb(), "too_large", "limit",
          fetch={"max_bytes": 5_000_000}),
    Fault("xml-entity-bomb-feed", LISTING, lambda s: xml_bomb_feed(), None),
    Fault("pdf-bomb", RELEASE, lambda s: pdf_bomb(), "bad_response", "no statement text",
          bound=120),
    # --- text that must read as it did: no error, and no false edit
    Fault("nul-byte", RELEASE, lambda s: Reply.html(release_html(1).replace("<main>",
          "<main>\x00")), None),
    Fault("cp1252-undeclared", RELEASE, _undeclared(FRENCH, "cp1252"), None, paragraphs=FRENCH),
    Fault("khmer-utf8-undeclared", RELEASE, _undeclared(KHMER, "utf-8"), None, paragraphs=KHMER),
    Fault("thai-utf8-undeclared", RELEASE, _undeclared(THAI, "utf-8"), None, paragraphs=THAI),
    Fault("thai-tis620-undeclared", RELEASE, _undeclared(THAI, "tis-620"), None,
          paragraphs=THAI),
]  # fmt: skip


def _check(config: Path, timeout: float = 180) -> tuple[dict[str, Any], float]:
    env = {**os.environ, "NO_COLOR": "1"}
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "monitor", "check", "--json", "--config",
                               str(config)], capture_output=True, text=True, timeout=timeout,
                              env=env)  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail(f"`monitor check` still running after {timeout:.0f} s")
    report = json.loads(done.stdout)
    # exit 5: no source could be checked, i.e. the (only) source's listing failed
    listing_failed = any(e["url"].endswith(LISTING) for e in report["errors"])
    assert done.returncode == (5 if listing_failed else 0), done.stderr
    return report, time.monotonic() - started


def _versions(snapshots: Path) -> int:
    with sqlite3.connect(snapshots / CATALOGUE) as conn:
        return conn.execute("SELECT count(*) FROM versions").fetchone()[0]


def _config(tmp_path: Path, url: str, fetch: dict[str, Any]) -> Path:
    data = {
        "snapshots": str(tmp_path / "snapshots"),
        "fetch": {"per_host_delay": 0, "backoff": 0.01, "retries": 1, "timeout": 10, **fetch},
        "sources": [{"name": "ministry", "url": url, "links": "ul.news a"}],
        "revisit": {"fresh_days": 36500},  # every release is read again on every check
    }
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


@pytest.mark.slow
@pytest.mark.parametrize("case", FAULTS, ids=[f.name for f in FAULTS])
def test_fault(case: Fault, tmp_path: Path) -> None:
    good = site(2, case.paragraphs)
    with FaultServer(good) as srv, FaultServer(site(3), host="127.0.0.2") as other:
        config = _config(tmp_path, srv.url(LISTING), case.fetch)
        baseline, _ = _check(config)
        assert baseline["errors"] == [] and len(baseline["new"]) == 2, baseline
        stored = _versions(tmp_path / "snapshots")

        srv.routes[case.path] = case.reply(Servers(srv, other))
        faulty, took = _check(config, timeout=case.bound or 180)
        kinds = [e["kind"] for e in faulty["errors"]]
        assert kinds == ([case.kind] if case.kind else []), faulty["errors"]
        if case.kind:
            assert case.says in faulty["errors"][0]["error"]
        assert faulty["new"] == faulty["changed"] == faulty["removed"] == []
        assert _versions(tmp_path / "snapshots") == stored
        if case.bound:
            assert took < case.bound

        srv.routes = dict(good)
        again, _ = _check(config)
        assert again == {"new": [], "changed": [], "removed": [], "errors": []}
        assert other.hits == {}, "a host on the private network was fetched"


def _monitor(*args: str, env: dict[str, str] | None = None) -> str:
    env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    done = subprocess.run([sys.executable, "-m", "monitor", *args], capture_output=True,
                          text=True, timeout=180, env=env, cwd=Path(args[-1]).parent)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("way", ["user-info in the URL", "auth with password_env"])
def test_credentials_reach_the_own_host_only_and_are_never_shown_or_stored(way, tmp_path):
    """The site wants a login; release 2 redirects to another host (allowed in
    `fetch.allow_hosts`), which must not receive it. The password appears nowhere."""
    secret = "s3cret-Pa55"
    header = "Basic " + base64.b64encode(f"press:{secret}".encode()).decode()
    with FaultServer(site(2), authorization=header) as srv, \
            FaultServer(site(2), host="127.0.0.2") as other:  # fmt: skip
        srv.routes[release_path(2)] = Reply.redirect(other.url(release_path(2)))
        source: dict[str, Any] = {"name": "ministry", "links": "ul.news a"}
        env = {}
        if way == "auth with password_env":
            source |= {"url": srv.url(LISTING),
                       "auth": {"username": "press", "password_env": "MINISTRY_PASSWORD"}}
            env = {"MINISTRY_PASSWORD": secret}
        else:
            source["url"] = srv.url(LISTING).replace("://", f"://press:{secret}@")
        config = tmp_path / "config.yaml"
        config.write_text(yaml.safe_dump({
            "snapshots": str(tmp_path / "snapshots"),
            "fetch": {"per_host_delay": 0, "retries": 0, "allow_hosts": ["127.0.0.2"]},
            "sources": [source],
        }))  # fmt: skip
        shown = _monitor("check", "--json", "--config", str(config), env=env)
        report = json.loads(shown)
        assert report["errors"] == [] and len(report["new"]) == 2
        assert all(url.startswith(srv.origin) for url in (e["url"] for e in report["new"]))
        shown += _monitor("status", "--json", "--config", str(config), env=env)
        shown += _monitor("digest", "--preview", "--out", str(tmp_path / "d.html"), "--config",
                          str(config), env=env)  # fmt: skip
        stored = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()
                          and p != config)  # fmt: skip
        assert set(srv.seen_authorization) == {header}
        assert other.hits and set(other.seen_authorization) == {None}
    assert secret not in shown and secret.encode() not in stored
    assert "press:" not in shown and b"press:" not in stored
