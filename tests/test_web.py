"""HTTP-level tests of every web view route, over a store filled by real checks."""

from __future__ import annotations

import base64
import re
import warnings
from html import unescape

import pytest

from monitor.store import browse
from monitor.store.catalogue import Store
from monitor.web.app import create_app
from monitor.web.render import highlight, lang_attr, safe_href
from monitor.web.security import AuthConfigError, Credentials, credentials_from_env, is_loopback

from .web_archive import EDIT_NEW, EDIT_OLD, EDITED, HOSTILE_TITLE, REMOVED

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette suggests httpx2; httpx drives it just as well
    from starlette.testclient import TestClient

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def archive(web_archive):
    return web_archive


@pytest.fixture(scope="module")
def client(archive):
    return TestClient(create_app(archive.root, archive.config))


def _links(html: str, prefix: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', html) if h.startswith(prefix)]


def _store_events(archive) -> list[tuple[int, int]]:
    with Store.open(archive.root, readonly=True) as store:
        rows = store.conn.execute("SELECT id, release_id FROM events ORDER BY id DESC")
        return [(r[0], r[1]) for r in rows]


# --- home ------------------------------------------------------------------------------------


def test_home_lists_recent_events_newest_first(client, archive):
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    releases = [int(h.rsplit("/", 1)[1]) for h in _links(response.text, "/release/")]
    expected = [rid for _, rid in _store_events(archive)]
    assert releases == expected[: len(releases)] and releases
    assert "Edited" in response.text and "Removed" in response.text


def test_hostile_title_renders_inert_everywhere(client, archive):
    hostile = archive.ids["hostile-statement"]
    for path in ("/", f"/release/{hostile}", "/search?q=pwned+statement", "/source/ministry"):
        html = client.get(path).text
        assert "<script>" not in html and "<img" not in html and "<b>notes" not in html, path
        assert "&lt;script&gt;alert(" in html, path
    page = client.get(f"/release/{hostile}").text
    assert "&lt;img src=x onerror=" in page  # the hostile body is shown as text


def test_hostile_query_is_escaped(client):
    html = client.get("/search", params={"q": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("field", ["source", "kind", "theme"])
def test_home_filters(client, archive, field):
    value = {"source": "ministry", "kind": "removed", "theme": "demining"}[field]
    html = client.get("/", params={field: value}).text
    items = re.findall(r'<li class="event">(.*?)</li>', html, re.S)
    assert items
    for item in items:
        if field == "kind":
            assert "Removed" in item
        elif field == "theme":
            assert '<span class="theme">demining</span>' in item
        else:
            assert ">ministry</a>" in item
    if field == "kind":
        assert len(items) == 1 and f'/release/{archive.ids[REMOVED]}"' in items[0]
    assert f'<option value="{value}" selected>' in html


def test_home_filter_with_no_match_and_unknown_values(client):
    html = client.get("/", params={"source": "no-such-source"}).text  # an unknown value: ignored
    assert '<li class="event">' in html
    assert "No changes match" not in html


def test_home_pages_through_every_event(client, archive, monkeypatch):
    monkeypatch.setattr(browse, "PAGE_SIZE", 4)
    expected = [rid for _, rid in _store_events(archive)]

    def listed(url: str) -> tuple[list[int], str]:
        html = client.get(url).text
        found = re.findall(r'<li class="event">.*?href="/release/(\d+)"', html, re.S)
        return [int(x) for x in found], html

    pages: list[tuple[str, list[int]]] = []
    url = "/"
    while url:
        found, html = listed(url)
        assert 0 < len(found) <= 4
        pages.append((url, found))
        older = _links(html, "/?before=")
        url = older[0] if older else ""
    assert [rid for _, found in pages for rid in found] == expected
    assert len(pages) == -(-len(expected) // 4) > 2
    assert "?before=" not in listed(pages[-1][0])[1]  # the oldest page has no older link
    newer = _links(listed(pages[-1][0])[1], "/?after=")
    assert listed(newer[0])[0] == pages[-2][1]  # "Newer" leads back to the page before


# --- source ----------------------------------------------------------------------------------


def test_source_page(client, archive):
    html = client.get("/source/ministry").text
    listed = {int(x) for x in re.findall(r'<li><a href="/release/(\d+)"', html)}
    assert listed == set(archive.ids.values())
    assert "Next check" in html and "every" in html
    assert re.search(r"Releases</dt><dd>\d+ \(1 removed\)", html)


def test_unknown_source_is_404(client):
    response = client.get("/source/nowhere")
    assert response.status_code == 404 and "nowhere" in response.text


# --- release ---------------------------------------------------------------------------------


def test_release_page_shows_versions_themes_and_history(client, archive):
    rid = archive.ids[EDITED]
    response = client.get(f"/release/{rid}")
    html = response.text
    assert response.status_code == 200
    assert html.count(f'<a href="/release/{rid}?v=') == 2  # two versions
    assert f"/release/{rid}/compare?a=1&amp;b=2" in html
    assert f"/release/{rid}/v/2/raw" in html and f"/release/{rid}/v/1/text" in html
    assert "Themes" in html and "<mark>" in html
    assert EDIT_NEW in html and EDIT_OLD not in html  # the latest text
    assert EDIT_OLD in client.get(f"/release/{rid}?v=1").text
    assert "Edited" in html and "ministry" in html


def test_removed_release_shows_removal_record(client, archive):
    html = client.get(f"/release/{archive.ids[REMOVED]}").text
    assert "Removed</strong> since" in html
    assert "404" in html  # the reason recorded with the event


def test_related_releases_link_inside_the_archive(client, archive):
    pages = [client.get(f"/release/{rid}").text for rid in archive.ids.values()]
    related = [p for p in pages if "Related releases" in p]
    assert related, "the sample releases share topics: some must be related"
    for page in related:
        section = page.split("Related releases", 1)[1].split("</section>", 1)[0]
        for link in _links(section, "/release/"):
            assert client.get(link).status_code == 200


def test_khmer_release_has_lang_attribute(client, archive):
    html = client.get(f"/release/{archive.ids['khmer-press-release-mine-clearance-progress-2024']}")
    assert re.search(r'<h1 lang="km">', html.text)
    assert '<html lang="en">' in html.text


def test_release_etag_and_conditional_get(client, archive):
    rid = archive.ids[EDITED]
    first = client.get(f"/release/{rid}")
    etag = first.headers["etag"]
    assert "no-cache" in first.headers["cache-control"]
    again = client.get(f"/release/{rid}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert client.get(f"/release/{rid}", headers={"If-None-Match": '"stale"'}).status_code == 200
    assert client.get(f"/release/{rid}?v=1").headers["etag"] != etag
    other = archive.ids["hostile-statement"]
    assert client.get(f"/release/{other}").headers["etag"] != etag


def test_release_etag_changes_when_the_release_changes(archive, tmp_path):
    import shutil

    copy = tmp_path / "snapshots"
    shutil.copytree(archive.root, copy)
    client = TestClient(create_app(copy, archive.config))
    rid = archive.ids[EDITED]
    before = client.get(f"/release/{rid}").headers["etag"]
    with Store.open(copy) as store:  # what a check does when the page is taken down
        from monitor.models import Event

        release = store.release(rid)
        store.record_removed(release, Event("removed", "ministry", release.url, "t",
                                            reason="answers HTTP 410"), None)  # fmt: skip
    response = client.get(f"/release/{rid}", headers={"If-None-Match": before})
    assert response.status_code == 200 and response.headers["etag"] != before
    assert "HTTP 410" in response.text


def test_unknown_release_is_404(client):
    for path in ("/release/999999", "/release/999999/compare?a=1&b=2", "/release/999999/v/1/raw",
                 "/nowhere", "/release/abc"):  # fmt: skip
        response = client.get(path)
        assert response.status_code == 404, path
        assert "text/html" in response.headers["content-type"]


# --- compare ---------------------------------------------------------------------------------


def test_compare_marks_deletions_and_insertions_in_text(client, archive):
    rid = archive.ids[EDITED]
    html = client.get(f"/release/{rid}/compare", params={"a": 1, "b": 2}).text
    old_year, new_year = EDIT_OLD.split()[-1], EDIT_NEW.split()[-1]
    assert re.search(r"<del><span class=\"mark\">\[−</span>[^<]*" + old_year, html)
    assert re.search(r"<ins><span class=\"mark\">\{\+</span>[^<]*" + new_year, html)
    assert "1 word(s) deleted, 1 word(s) inserted" in html
    reverse = client.get(f"/release/{rid}/compare", params={"a": 2, "b": 1}).text
    assert re.search(r"<del><span class=\"mark\">\[−</span>[^<]*" + new_year, reverse)
    same = client.get(f"/release/{rid}/compare", params={"a": 2, "b": 2}).text
    assert "same text" in same and "<del>" not in same.split("</p>", 3)[-1]


def test_compare_with_unknown_version_is_404(client, archive):
    rid = archive.ids[EDITED]
    assert client.get(f"/release/{rid}/compare", params={"a": 1, "b": 9}).status_code == 404
    assert client.get(f"/release/{rid}/compare", params={"a": "x", "b": 1}).status_code == 404


# --- archived body and text ------------------------------------------------------------------


def test_raw_body_is_plain_text_never_html(client, archive):
    rid = archive.ids["hostile-statement"]
    response = client.get(f"/release/{rid}/v/1/raw")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<html" in response.text.lower()  # the page as fetched, markup and all
    assert "&lt;script&gt;" in response.text  # the site escaped it; we show its bytes as they are
    assert "immutable" in response.headers["cache-control"]
    text = client.get(f"/release/{rid}/v/1/text")
    assert text.headers["content-type"].startswith("text/plain")
    assert text.text.startswith(HOSTILE_TITLE)
    assert client.get(f"/release/{rid}/v/9/raw").status_code == 404
    assert client.get(f"/release/{rid}/v/1/other").status_code == 404


# --- search ----------------------------------------------------------------------------------


def test_search_uses_monitor_search_and_highlights(client, archive):
    from monitor.context.search import search

    with Store.open(archive.root, readonly=True) as store:
        expected = [h.title for h in search(store, "mine clearance", limit=20)]
    html = client.get("/search", params={"q": "mine clearance"}).text
    titles = [unescape(re.sub(r"</?mark>", "", t)) for t in
              re.findall(r'<a class="title" href="/release/\d+">(.*?)</a>', html)]  # fmt: skip
    assert titles == expected and titles
    assert "<mark>" in html
    for link in _links(html, "/release/"):
        assert client.get(link).status_code == 200


def test_search_without_query_and_without_hits(client):
    assert "Type words" in client.get("/search").text
    assert "No release matches" in client.get("/search", params={"q": "zzzqqqxxx"}).text


# --- safety ----------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
@pytest.mark.parametrize("path", ["/", "/search", "/release/1", "/nowhere"])
def test_writes_are_refused(client, method, path):
    response = client.request(method, path, content=b"x=1")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"


def test_head_and_security_headers(client):
    response = client.head("/")
    assert response.status_code == 200 and response.content == b""
    got = client.get("/")
    assert "default-src 'none'" in got.headers["content-security-policy"]
    assert "script-src" not in got.headers["content-security-policy"]
    assert got.headers["x-frame-options"] == "DENY"
    css = client.get("/static/style.css")
    assert css.headers["content-type"].startswith("text/css") and ":lang(km)" in css.text
    assert client.get("/static/style.css", headers={"If-None-Match": css.headers["etag"]}
                      ).status_code == 304  # fmt: skip


def test_basic_auth(archive):
    app = create_app(archive.root, archive.config, Credentials("analyst", "s3cret:ok"))
    client = TestClient(app)

    def auth(user: str, password: str) -> dict[str, str]:
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        return {"Authorization": f"Basic {token}"}

    refused = client.get("/")
    assert refused.status_code == 401 and "Basic" in refused.headers["www-authenticate"]
    assert client.get("/", headers=auth("analyst", "wrong")).status_code == 401
    assert client.get("/", headers=auth("other", "s3cret:ok")).status_code == 401
    assert client.get("/", headers={"Authorization": "Basic !!!"}).status_code == 401
    assert client.get("/", headers=auth("analyst", "s3cret:ok")).status_code == 200
    assert client.post("/", headers=auth("analyst", "s3cret:ok")).status_code == 405


def test_credentials_from_env():
    assert credentials_from_env({}) is None
    assert credentials_from_env({"MONITOR_WEB_USER": "a", "MONITOR_WEB_PASSWORD": "b"}) == \
        Credentials("a", "b")  # fmt: skip
    with pytest.raises(AuthConfigError, match="both"):
        credentials_from_env({"MONITOR_WEB_USER": "a"})


def test_helpers():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4")
    assert not is_loopback("example.org")
    assert safe_href("javascript:alert(1)") is None and safe_href("https://a.b/") == "https://a.b/"
    assert lang_attr("km") == "km" and lang_attr('en" onload="x') is None
    assert [p.op for p in highlight("Mine action and mines", "mine")] == \
        ["hit", "plain", "hit", "plain"]  # fmt: skip


def test_no_store_yet_is_503(tmp_path):
    response = TestClient(create_app(tmp_path / "none")).get("/")
    assert response.status_code == 503 and "monitor check" in response.text


# --- Atom feed -------------------------------------------------------------------------------


def test_atom_feed_of_the_archive_with_its_filters(client, archive):
    import feedparser

    home = client.get("/").text
    assert 'type="application/atom+xml"' in home and 'href="/feed.atom"' in home
    response = client.get("/feed.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    kinds = {e.title.split(":", 1)[0] for e in feed.entries}
    assert feed.entries and len({e.id for e in feed.entries}) == len(feed.entries), kinds
    hostile = [e for e in feed.entries if "pwned" in e.title]
    assert "<script>" not in response.text and (not hostile or "<script>" in hostile[0].title)
    etag = response.headers["etag"]
    assert client.get("/feed.atom", headers={"If-None-Match": etag}).status_code == 304
    # a filter the archive knows narrows it; one it does not know is ignored, never echoed
    only = feedparser.parse(client.get("/feed.atom", params={"source": "nobody<x>"}).content)
    assert len(only.entries) == len(feed.entries)
    assert "/feed.atom?theme=demining" in client.get("/", params={"theme": "demining"}).text
    themed = feedparser.parse(client.get("/feed.atom", params={"theme": "demining"}).content)
    assert 0 < len(themed.entries) < len(feed.entries)
    assert all("demining" in {t.term for t in e.get("tags", [])} for e in themed.entries)
