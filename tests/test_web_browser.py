"""The web view in a real browser: headless Chromium (Debian's package) driven by Playwright,
against a real uvicorn server on an ephemeral port over a store filled by real checks.

Screenshots go to $MONITOR_WEB_SCREENSHOTS when set (the README's picture comes from there),
else to the test's temporary folder."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pytest

from monitor.web.app import create_app

from .web_archive import EDIT_NEW, EDITED

CHROMIUM = os.environ.get("MONITOR_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed: pip install -e '.[test]'"
)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(),
        reason=f"no Chromium at {CHROMIUM}: install Debian's `chromium` package "
        "(apt-get install -y chromium) or set MONITOR_CHROMIUM to a Chromium binary",
    ),
]


@pytest.fixture(scope="module")
def site(web_archive):
    """(base URL, archive) of a real uvicorn server over the checked archive."""
    import uvicorn

    archive = web_archive
    app = create_app(archive.root, archive.config)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}", archive
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("MONITOR_WEB_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_browse_compare_and_search(site, browser, shots, viewport):
    base, archive = site
    name = "desktop" if viewport is DESKTOP else "phone"
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    page.goto(base + "/")
    assert page.locator("h1").inner_text() == "Recent changes"
    assert page.locator("li.event").count() > 5
    page.screenshot(path=str(shots / f"web-home-{name}.png"), full_page=True)
    checks = {"home": _no_horizontal_scroll(page)}

    # follow the edited release from the list, as a reader would
    page.locator("li.event", has_text="Edited").first.locator("a.title").click()
    assert page.url.endswith(f"/release/{archive.ids[EDITED]}")
    assert EDIT_NEW in page.locator("section .text").inner_text()
    assert page.locator("ol.versions > li").count() == 2
    page.screenshot(path=str(shots / f"web-release-{name}.png"), full_page=True)
    checks["release"] = _no_horizontal_scroll(page)

    # compare the two versions with the form (no script: a plain GET)
    page.get_by_role("button", name="Compare").click()
    assert "/compare?a=1&b=2" in page.url
    deleted, inserted = page.locator(".diff del").first, page.locator(".diff ins").first
    assert deleted.inner_text().startswith("[−") and inserted.inner_text().startswith("{+")
    assert "2026-2030" in inserted.inner_text()
    strike = deleted.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "line-through" in strike  # marked by more than colour
    page.screenshot(path=str(shots / f"web-compare-{name}.png"), full_page=True)
    checks["compare"] = _no_horizontal_scroll(page)

    # search from the header form
    page.get_by_label("Search releases").fill("mine clearance")
    page.get_by_role("button", name="Search").click()
    assert "/search?q=mine+clearance" in page.url
    assert page.locator("ol.hits > li").count() >= 1
    assert page.locator("ol.hits mark").count() >= 1
    page.screenshot(path=str(shots / f"web-search-{name}.png"), full_page=True)
    checks["search"] = _no_horizontal_scroll(page)

    context.close()
    assert not errors, errors  # e.g. a style or resource the CSP refused
    if viewport is PHONE:
        assert all(checks.values()), f"horizontal scroll on a 390 px phone: {checks}"


def test_hostile_release_runs_no_script(site, browser):
    base, archive = site
    context = browser.new_context(viewport=DESKTOP)  # scripts on: nothing of ours may run any
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{base}/release/{archive.ids['hostile-statement']}")
    assert page.locator("h1").inner_text().startswith('<script>alert("pwned")</script>')
    assert page.locator("main script, main img").count() == 0
    page.goto(f"{base}/release/{archive.ids['hostile-statement']}/v/1/raw")
    assert page.locator("body img, body h1").count() == 0  # shown as text, never rendered
    context.close()
    assert dialogs == []


def test_khmer_release_renders_with_its_language(site, browser):
    base, archive = site
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{base}/release/{archive.ids['khmer-press-release-mine-clearance-progress-2024']}")
    heading = page.locator("h1")
    assert heading.get_attribute("lang") == "km"
    family = heading.evaluate("e => getComputedStyle(e).fontFamily")
    assert "Khmer" in family  # the :lang(km) stack applies
    assert _no_horizontal_scroll(page)
    context.close()
