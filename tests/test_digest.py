"""Rendering a digest: what the analyst reads, and that nothing from a page can misbehave."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

import pytest

from monitor.config import EmailConfig
from monitor.digest.render import (
    Digest,
    FailingSource,
    render_digest,
    safe_href,
    sanitize_diff_html,
)
from monitor.digest.smtp import build_message
from monitor.models import Document, Event, Page, Related, ThemeMatch
from monitor.store.catalogue import Store

NOW = datetime(2025, 3, 15, 7, 30, tzinfo=UTC)
KHMER = "កម្ពុជា និងជប៉ុន ចុះហត្ថលេខាលើជំនួយសម្រាប់ការបោសសម្អាតមីន នៅខេត្តបាត់ដំបង"
DIFF_HTML = (
    '<div class="diff" style="line-height:1.5"><p>A grant of USD '
    '<del style="color:#b00020;text-decoration:line-through">3</del>'
    '<ins style="color:#05652d;text-decoration:none">4.5</ins> million.</p></div>'
)


def theme(name: str, score: float, term: str, sentence: str) -> ThemeMatch:
    return ThemeMatch(name, score, ((term, sentence),))


def new(title: str, url: str, *, themes=(), date="2025-03-14", source="mfaic", **kw) -> Event:
    return Event("new", source, url, title, date=date, themes=list(themes), **kw)


def render(events, **kw) -> Digest:
    digest = render_digest(events, now=NOW, digest_id="d1", domain="example.org", **kw)
    assert digest is not None
    return digest


class Parts(HTMLParser):
    """Links and visible text of the HTML part."""

    def __init__(self, html: str):
        super().__init__()
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self.attrs: set[str] = set()
        self.text: list[str] = []
        self._hidden = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.update(name for name, _ in attrs)
        if tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")

    def handle_data(self, data):
        self.text.append(data)

    @property
    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())


def mail(digest: Digest, to=("analyst@example.org",)) -> EmailMessage:
    config = EmailConfig.model_validate({"to": list(to), "from": "Monitor <monitor@example.org>"})
    raw = build_message(digest, config).as_bytes()
    return message_from_bytes(raw, policy=policy.default)  # type: ignore[return-value]


# --- nothing to say ------------------------------------------------------------------------


def test_nothing_found_renders_nothing():
    assert render_digest([], now=NOW) is None
    assert render_digest([], failing=[], now=NOW) is None


# --- grouping ------------------------------------------------------------------------------


def test_new_releases_are_grouped_under_their_strongest_theme_once_each():
    events = [
        new("Mine clearance grant signed", "https://a.example/1",
            themes=[theme("demining", 9, "mine clearance", "Mine clearance grant signed")]),
        new("ASEAN-UN ministers meet", "https://a.example/2",
            themes=[theme("asean-un", 12, "ASEAN-UN", "ASEAN-UN ministers meet")]),
        new("UXO found near school; ASEAN-UN support", "https://a.example/3",
            themes=[theme("asean-un", 4, "ASEAN-UN", "ASEAN-UN support"),
                    theme("demining", 15, "UXO", "UXO found near school")]),
        new("Tourism figures for March", "https://a.example/4"),
    ]  # fmt: skip
    digest = render(events)
    text = digest.text
    # demining has two releases, so it comes first; untagged ones come last
    demining, asean, other = (
        text.index("-- demining (2) --"),
        text.index("-- asean-un (1) --"),
        text.index("-- Other new releases (1) --"),
    )
    assert demining < asean < other
    assert demining < text.index("UXO found near school") < asean
    assert asean < text.index("ASEAN-UN ministers meet") < other
    assert other < text.index("Tourism figures for March")
    for e in events:
        assert text.count(f"* {e.title}\n") == 1, e.title
        assert Parts(digest.html).hrefs.count(e.url) == 1
    assert digest.counts.new == 4
    assert digest.event_ids == ()  # events without store ids


def test_theme_evidence_and_closest_earlier_releases_are_shown():
    sentence = "The Cambodian Mine Action Centre (CMAC) cleared 12 square kilometres in Pailin."
    event = new(
        "CMAC clears land in Pailin",
        "https://a.example/cmac",
        themes=[theme("demining", 10, "CMAC", sentence)],
        related=[
            Related("https://a.example/old1", "CMAC clears land in Battambang", 83.4),
            Related("https://a.example/old2", "CMAC annual report", 55.0),
        ],
    )
    digest = render([event])
    assert "matched: CMAC" in digest.text
    assert sentence in digest.text
    assert "CMAC clears land in Battambang (83% similar) https://a.example/old1" in digest.text
    html = Parts(digest.html)
    assert "https://a.example/old1" in html.hrefs and "https://a.example/old2" in html.hrefs
    assert '<b style="background:#fff4c2">CMAC</b>' in digest.html  # the term is highlighted


def test_evidence_that_is_only_the_title_is_not_quoted_again():
    title = "Mine clearance grant signed"
    evidence = ThemeMatch("demining", 9, (("mine clearance", title), ("CMAC", "CMAC will lead.")))
    text = render([new(title, "https://a.example/1", themes=[evidence])]).text
    assert text.count(title) == 1
    assert "“CMAC will lead.”" in text


def test_long_evidence_sentence_is_cut_around_the_term():
    sentence = "Opening words. " * 40 + "The UXO was destroyed on site. " + "Closing words. " * 40
    digest = render([new("UXO destroyed", "https://a.example/u",
                         themes=[theme("demining", 5, "UXO", sentence)])])  # fmt: skip
    line = next(line for line in digest.text.splitlines() if "UXO was destroyed" in line)
    assert len(line) < 300 and line.strip().startswith("“…") and line.endswith("…”")


def test_baseline_is_one_line_per_digest_not_a_list():
    baseline = [
        Event("new", "mfaic" if i % 3 else "akp", f"https://b.example/{i}", f"Old release {i}",
              baseline=True)
        for i in range(30)
    ]  # fmt: skip
    digest = render([*baseline, new("A fresh release", "https://b.example/new")])
    assert digest.counts.baseline == 30 and digest.counts.new == 1
    assert "Started watching 2 sources" in digest.text
    assert "mfaic (20 releases)" in digest.text and "akp (10 releases)" in digest.text
    assert not any(f"Old release {i}" in digest.text for i in range(30))
    assert not any(f"Old release {i}" in digest.html for i in range(30))
    assert digest.subject.startswith("monitor: 1 new — A fresh release")

    only = render(baseline)
    assert only.subject == "monitor: baseline of 30 releases recorded"
    assert "Old release" not in only.html and "NEW RELEASES" not in only.text


def test_edited_and_removed_releases():
    changed = Event("changed", "mfaic", "https://c.example/grant", "Japan grant",
                    date="2025-03-14", diff="A grant of USD [-3-]{+4.5+} million.",
                    diff_html=DIFF_HTML)  # fmt: skip
    removed = Event("removed", "akp", "https://c.example/gone", "PM receives UN coordinator",
                    reason="answers HTTP 404 (confirmed by a second request)",
                    archived="/srv/monitor/snapshots/text/akp/gone-1234/v0002.txt")  # fmt: skip
    digest = render([changed, removed])
    assert digest.subject == "monitor: 1 edited, 1 removed — Japan grant"
    assert "[-3-]{+4.5+}" in digest.text
    assert "Why: answers HTTP 404" in digest.text
    # the store's own name for the file, not a server path a recipient cannot open
    assert "Last version: text/akp/gone-1234/v0002.txt in the monitor's store" in digest.text
    assert "/srv/" not in digest.text and "/srv/" not in digest.html
    assert '<del style="color:#b00020;text-decoration:line-through">3</del> <ins' in digest.html
    assert "text/akp/gone-1234/v0002.txt" in Parts(digest.html).visible
    assert "text/akp/gone-1234" not in "".join(Parts(digest.html).hrefs)


def test_edit_without_html_diff_is_rendered_from_the_word_diff():
    event = Event("changed", "mfaic", "https://c.example/x", "T",
                  diff="Was [-red-]{+blue <b>+} now.")  # fmt: skip
    html = render([event]).html
    assert '<del style="color:#b00020' in html and "red</del>" in html
    assert "blue &lt;b&gt;</ins>" in html


def test_failing_and_recovered_sources():
    failing = [
        FailingSource("asean", "https://asean.org/news/", 4, "timed out after 30 s"),
        FailingSource("akp", "https://www.akp.gov.kh/", 0, None, recovered=True),
    ]
    digest = render([], failing=failing)
    assert digest.subject == "monitor: 1 source failing (asean)"
    assert "asean: failed 4 checks in a row. Last error: timed out after 30 s" in digest.text
    assert "akp: working again." in digest.text
    assert "https://asean.org/news/" in Parts(digest.html).hrefs
    recovered = render([], failing=failing[1:])
    assert recovered.subject == "monitor: akp working again"


# --- untrusted text ------------------------------------------------------------------------


def test_titles_text_and_urls_from_pages_are_escaped():
    nasty = '<script>alert("t")</script><img src=x onerror=alert(1)> & "q"'
    event = new(
        nasty,
        'https://a.example/x?a=1&b="><script>alert(2)</script>',
        source="src<i>",
        themes=[theme("<b>theme</b>", 3, "<img>", "before <img> after <script>x</script>")],
        related=[Related("https://a.example/r", "<script>rel()</script>", 50)],
    )
    changed = Event("changed", "s", "https://a.example/c", "c",
                    diff_html=DIFF_HTML + '<script>alert(3)</script><p onclick="x()" '
                    'style="background:url(javascript:alert(4))">tail</p>'
                    '<a href="javascript:alert(5)">link</a>')  # fmt: skip
    digest = render([event, changed])
    parts = Parts(digest.html)
    assert "script" not in parts.tags and "img" not in parts.tags and "i" not in parts.tags
    assert not any(name.startswith("on") for name in parts.attrs)
    assert "url(" not in digest.html and "alert(3)" not in digest.html
    assert "alert(4)" not in digest.html and "alert(5)" not in digest.html
    assert "javascript:" not in "".join(parts.hrefs)
    assert nasty in parts.visible  # shown to the reader as the text it is
    assert "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;" in digest.html
    assert "tail" in parts.visible and "link" in parts.visible
    # the plain text part is plain: the title as written, no HTML entities
    assert nasty in digest.text and "&lt;" not in digest.text and "&amp;" not in digest.text


def test_only_http_and_https_addresses_become_links():
    urls = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "ftp://files.example/a",
        "http://",
        "//evil.example/x",
        "https://ok.example/a b",
        "https://ok.example/\nx",
    ]
    events = [new(f"Release {i}", url) for i, url in enumerate(urls)]
    events.append(new("Good one", "HTTPS://ok.example/good"))
    events.append(new("Plain one", "http://ok.example/plain?x=1&y=2"))
    digest = render(events)
    hrefs = Parts(digest.html).hrefs
    assert sorted(hrefs) == sorted(["HTTPS://ok.example/good", "http://ok.example/plain?x=1&y=2"])
    visible = Parts(digest.html).visible
    assert "javascript:alert(1)" in visible and "file:///etc/passwd" in visible
    assert [u for u in urls if safe_href(u)] == []


def test_diff_html_is_cut_to_a_budget_with_tags_closed():
    long = "<div><p>" + "word " * 2000 + "<del>x</del></p></div>"
    out = str(sanitize_diff_html(long, budget=500))
    assert len(out) < 1000
    assert out.count("<div") == out.count("</div>") and out.count("<p") == out.count("</p>")
    assert "diff shortened" in out


# --- subject and encoding ------------------------------------------------------------------


def test_khmer_subject_and_bodies_survive_encoding():
    digest = render([new(KHMER, "https://www.mfaic.gov.kh/km/1", source="mfaic-km")])
    assert KHMER in digest.subject
    raw = build_message(digest, email_config()).as_bytes()
    header_block = raw.split(b"\r\n\r\n", 1)[0]
    header_block.decode("ascii")  # every header is 7-bit: RFC 2047 encoded words
    assert all(len(line) <= 998 for line in header_block.split(b"\r\n"))
    parsed = message_from_bytes(raw, policy=policy.default)
    assert parsed["Subject"] == digest.subject
    text = parsed.get_body(("plain",)).get_content()
    html = parsed.get_body(("html",)).get_content()
    assert KHMER in text and KHMER in html


def email_config(**kw) -> EmailConfig:
    return EmailConfig.model_validate({"to": ["analyst@example.org"], **kw})


def test_message_is_multipart_alternative_with_date_and_message_id():
    digest = render([new("A", "https://a.example/1")])
    msg = mail(digest, to=("a@example.org", "b@example.org"))
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert all(p.get_content_charset() == "utf-8" for p in msg.iter_parts())
    assert msg["Message-ID"] == digest.message_id == "<monitor.d1@example.org>"
    assert msg["Date"].datetime == NOW
    assert [a.addr_spec for a in msg["To"].addresses] == ["a@example.org", "b@example.org"]
    assert msg["Auto-Submitted"] == "auto-generated"
    # building twice gives the same bytes: a re-sent digest is the same email
    config = email_config()
    assert build_message(digest, config).as_bytes() == build_message(digest, config).as_bytes()


def test_title_with_line_breaks_cannot_add_headers():
    title = "Breaking\r\nBcc: victim@example.org\r\n\r\n<script>alert(1)</script>\u2028X-Evil: 1"
    digest = render([new(title, "https://a.example/1")])
    assert "\r" not in digest.subject and "\n" not in digest.subject
    msg = mail(digest)
    assert msg["Bcc"] is None and msg["X-Evil"] is None
    assert "Bcc: victim@example.org" in msg["Subject"]
    assert [a.addr_spec for a in msg["To"].addresses] == ["analyst@example.org"]
    text = msg.get_body(("plain",)).get_content()
    assert "* Breaking Bcc: victim@example.org <script>alert(1)</script> X-Evil: 1" in text


def test_subject_template():
    events = [
        new("First", "https://a.example/1"),
        Event("removed", "s", "https://a.example/2", "R"),
    ]
    digest = render(
        events, subject_template="[{date}] {new} new / {changed} edited / {removed} gone"
    )
    assert digest.subject == "[2025-03-15] 1 new / 0 edited / 1 gone"
    odd = render(events, subject_template="{new} new {unknown} {title}")
    assert odd.subject == "1 new {unknown} First"
    broken = render(events, subject_template="Digest {new")
    assert broken.subject == "Digest {new"
    injected = render(events, subject_template="a\r\nBcc: x@example.org {title}")
    assert injected.subject == "a Bcc: x@example.org First"


def test_long_default_subject_is_cut():
    digest = render([new("Word " * 100, "https://a.example/1")])
    assert len(digest.subject) < 110 and digest.subject.endswith("…")


# --- from the store ------------------------------------------------------------------------


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "snapshots") as s:
        yield s


def test_events_read_back_from_the_store_render_the_same(store: Store):
    src = store.source("mfaic", "https://www.mfaic.gov.kh/")
    url = "https://www.mfaic.gov.kh/km/posts/1"
    event = new(KHMER, url, source="mfaic",
                themes=[theme("demining", 7.5, "មីន", "ជំនួយសម្រាប់ការបោសសម្អាតមីន")],
                related=[Related("https://www.mfaic.gov.kh/km/posts/0", "មុន", 70.0)])  # fmt: skip
    store.record_version(
        source_id=src.id, source_name=src.name, release=None,
        page=Page(url, url, 200, "text/html", body=b"<html>x</html>"),
        doc=Document(url, KHMER, ("ជំនួយសម្រាប់ការបោសសម្អាតមីន",), date="2025-03-14"),
        extract_sig="test", check_id=None, event=event,
    )  # fmt: skip
    stored = store.events(pending=True)
    assert len(stored) == 1 and stored[0].id is not None
    from_store = render(stored)
    direct = render([event])
    assert from_store.event_ids == (stored[0].id,)
    assert from_store.text == direct.text and from_store.html == direct.html
    assert "-- demining (1) --" in from_store.text and "matched: មីន" in from_store.text


def test_a_big_digest_lists_everything_and_stays_under_the_clipping_size():
    """200 new and 50 edited releases: every one is in the email, the edits are not pushed
    past the ~100 KB at which mail clients clip a message."""
    sentence = "The Ministry of Foreign Affairs reaffirms its support for mine action. " * 8
    events = [
        new(f"Statement number {i} on regional cooperation", f"https://mfa.example/n/{i}",
            themes=[theme("demining", 2.0, "mine action", sentence[:70])] if i % 3 else [],
            related=[Related(f"https://mfa.example/o/{i}", f"Earlier statement {i}", 55.0)])
        for i in range(200)
    ]  # fmt: skip
    events += [
        Event("changed", "mfaic", f"https://mfa.example/c/{i}", f"Edited communiqué {i}",
              date="2025-03-10", diff=f"{sentence} [-2025-]{{+2030+}} {sentence}" * 6)
        for i in range(50)
    ]  # fmt: skip
    digest = render(events)
    html = digest.html
    assert len(html.encode()) < 100_000 and len(digest.text.encode()) < 100_000
    for i in range(200):
        assert f"https://mfa.example/n/{i}" in html and f"https://mfa.example/n/{i}" in digest.text
    for i in range(50):
        assert f"Edited communiqué {i}<" in html and f"Edited communiqué {i}" in digest.text
    assert "More new releases, in brief" in html and "More edited releases" in digest.text
    assert html.index("Edited releases") < 100_000
