"""Extraction: the statement, not the page around it.

Real pages (tests/data/extraction, see its README) measure the main-text extraction; hand-made
ministry pages check that chrome (counters, "today is" widgets, latest-news lists, cookie
banners, markup) never changes a Document while one changed word of a statement does.
"""

from __future__ import annotations

import gzip
import html as html_lib
import json
import re
import tarfile
import time
import unicodedata
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from monitor.extract import (
    ExtractionError,
    Template,
    extract_html,
    extract_page,
    extract_pdf,
    parse_date,
    read_html,
)
from monitor.extract.filters import changes_by_itself
from monitor.fetch.decode import decode_body
from monitor.models import Page
from monitor.text.normalize import normalize

DATA = Path(__file__).parent / "data" / "extraction"
MFAIC = {"content": ".viewpost-content", "title": ".viewpost-title", "date": ".viewpost-date"}


def _unpack(archive: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp(archive.split(".")[0])
    with tarfile.open(DATA / archive) as tar:
        tar.extractall(target, filter="data")
    return target


@pytest.fixture(scope="module")
def extraction_set(tmp_path_factory):
    return _unpack("extraction-set.tar.xz", tmp_path_factory)


@pytest.fixture(scope="module")
def release_pages(tmp_path_factory):
    return _unpack("release-pages.tar.xz", tmp_path_factory)


def _read_html(path: Path) -> str:
    return decode_body(path.read_bytes(), "text/html")[0]


def _stored_text(doc) -> str:
    """What the monitor keeps of a page, flattened for substring scoring."""
    return normalize(doc.title + "\n" + "\n".join(doc.paragraphs))


# --- the extraction score on 197 real pages ------------------------------------------------


@pytest.mark.eval
def test_extraction_f1_on_the_real_page_set(extraction_set, capsys):
    annotations = json.loads((extraction_set / "annotations.json").read_text("utf-8"))
    tp = fp = fn = tn = 0
    started = time.process_time()
    for url, item in annotations.items():
        html = _read_html(extraction_set / "pages" / item["file"])
        try:
            text = _stored_text(extract_html(html, url))
        except ExtractionError:
            text = ""
        for segment in item["with"]:
            found = normalize(segment) in text
            tp, fn = tp + found, fn + (not found)
        for segment in item["without"]:
            found = normalize(segment) in text
            fp, tn = fp + found, tn + (not found)
    per_page = (time.process_time() - started) / len(annotations)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * tp / (2 * tp + fp + fn)
    report = (
        f"extraction on {len(annotations)} real pages: precision {precision:.3f} "
        f"recall {recall:.3f} F1 {f1:.3f} (tp {tp} fp {fp} fn {fn} tn {tn}), "
        f"{per_page * 1000:.0f} ms CPU per page"
    )
    with capsys.disabled():  # the figure belongs in the CI log
        print("\n" + report)
    assert f1 >= 0.92, report


# --- ministry, parliament and attorney-general releases with expected text and dates --------


@pytest.mark.eval
def test_ministry_pages_text_and_publication_dates(release_pages, capsys):
    folder = release_pages / "gov-ministry-pages"
    annotations = json.loads((folder / "annotations.json").read_text("utf-8"))
    tp = fp = fn = 0
    dated = right = 0
    wrong = []
    for name, item in annotations.items():
        raw = (folder / name).read_bytes()
        if name.endswith(".gz"):
            raw = gzip.decompress(raw)
        doc = extract_html(decode_body(raw, "text/html")[0], item["url"])
        text = _stored_text(doc)
        tp += sum(normalize(s) in text for s in item.get("with", []))
        fn += sum(normalize(s) not in text for s in item.get("with", []))
        fp += sum(normalize(s) in text for s in item.get("without", []))
        if "articleBody" in item:  # a complete reference body
            assert normalize(item["articleBody"]) in normalize(" ".join(doc.paragraphs)), name
        if item.get("date"):
            dated += 1
            right += doc.date == item["date"]
            if doc.date != item["date"]:
                wrong.append(f"{name}: {doc.date} != {item['date']}")
    f1 = 2 * tp / (2 * tp + fp + fn)
    report = (
        f"ministry pages: F1 {f1:.3f} (tp {tp} fp {fp} fn {fn}); "
        f"dates right {right}/{dated} = {right / dated:.2f}; wrong: {wrong}"
    )
    with capsys.disabled():  # the figure belongs in the CI log
        print("\n" + report)
    assert f1 >= 0.85, report
    assert right / dated >= 0.85, report


def test_eu_parliament_releases(release_pages):
    folder = release_pages / "eu-parliament-press"
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    for name, item in expected.items():
        if name.startswith("_"):
            continue
        release_id = name.removeprefix("press-release_").removesuffix(".html")
        url = f"https://www.europarl.europa.eu/news/en/press-room/{release_id}"
        doc = extract_html(_read_html(folder / name), url)
        text = normalize(doc.text)
        assert doc.language == "en"
        if "title" in item:
            assert doc.title == item["title"]
        if "published_at" in item:
            assert doc.date == item["published_at"][:10]
        for key in ("text_starts", "text_ends", "facts_first_starts"):
            if key in item:
                assert normalize(item[key]) in text, (name, key)
        for fact in item.get("facts_items", []):
            assert fact in doc.paragraphs[:6] or f"- {fact}" in doc.paragraphs[:6], (name, fact)
        # the page's "Share this page" and contact boxes are not the statement
        assert not any(p.startswith("Share this page") for p in doc.paragraphs)


@pytest.mark.slow
def test_attorney_general_releases(release_pages):
    folder = release_pages / "us-state-ag-press"
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    checked = 0
    for name, item in expected.items():
        if "detail_" not in name:
            continue
        doc = extract_html(_read_html(folder / name), f"https://example.gov/{name}")
        assert len(doc.text) >= item.get("body_min_chars", 1), name
        for phrase in item.get("body_contains", []):
            assert phrase in doc.text, (name, phrase)
        if "body_contains_any" in item:
            assert any(p in doc.text for p in item["body_contains_any"]), name
        assert "\u00ad" not in doc.comparable
        checked += 1
    assert checked >= 10


# --- chrome never changes a Document ------------------------------------------------------

STATEMENT = [
    "Phnom Penh, 24 April 2026 — The Ministry of Foreign Affairs and International Cooperation "
    "of the Kingdom of Cambodia welcomes the adoption by the United Nations General Assembly of "
    "the resolution on assistance in mine action.",
    "Since 1992, Cambodia has cleared more than 2,500 square kilometres of land contaminated by "
    "landmines and explosive remnants of war, with the support of the United Nations, ASEAN "
    "partners and the ASEAN Regional Mine Action Center (ARMAC).",
    "The Royal Government of Cambodia reaffirms its commitment to a mine-free Cambodia by 2030 "
    "and stands ready to share its expertise with other affected countries, as set out in the "
    "communiqué issued in Siem Reap.",
    "The Ministry thanks all development partners for their contributions to the Cambodian Mine "
    "Action Centre (CMAC) and the Cambodian Mine Action and Victim Assistance Authority (CMAA).",
]
TITLE = "Cambodia welcomes UN General Assembly resolution on mine action"
LATEST = [
    ("Cambodia and Thailand hold talks on border demarcation", "22 April, 2026"),
    ("Deputy Prime Minister receives the new Ambassador of Japan", "21 April, 2026"),
    ("Statement on the 59th ASEAN Foreign Ministers' Meeting", "20 April, 2026"),
    ("Cambodia contributes peacekeepers to UN mission", "18 April, 2026"),
]
MENU = ["Home", "About the Ministry", "News", "Press Releases", "Consular Services", "Contact"]


def _plain(text: str) -> str:
    return html_lib.escape(text, quote=False)


def ministry_page(
    *,
    statement=STATEMENT,
    latest=LATEST,
    menu=MENU,
    today="Monday, 23 November 2026",
    views="1,204",
    visitors=("312", "4,583,019"),
    shares="12",
    cookie_banner="",
    restyled=False,
) -> str:
    """A release page laid out like MFAIC's (viewpost-* classes), with the usual chrome."""
    if restyled:  # the same words in different markup
        paragraphs = [
            # entities, a no-break space, <b>, a soft hyphen, NFD, the source wrapped
            "<p style='text-align:justify' data-pid='1'>Phnom&nbsp;Penh, 24 April 2026 &#8212; The "
            "Ministry of Foreign Affairs and\n      International Cooperation of the Kingdom of "
            "<b>Cambodia</b> wel&shy;comes the adoption by the United Nations General Assembly of "
            "the resolution on assistance in mine action.</p>",
            "<p>Since 1992, Cambodia has cleared more than 2,500 square kilometres of land "
            "contaminated by landmines and explosive remnants of war, with the support of the "
            "United Nations, ASEAN partners and the ASEAN Regional Mine Action Center "
            "(<span class='abbr'>ARMAC</span>).</p>",
            "<p>\n  The Royal Government of Cambodia reaffirms its commitment to a mine-free "
            "Cambodia by 2030 and stands ready to share its expertise with other affected "
            "countries, as set out in the communique\u0301 issued in Siem&#160;Reap.\n</p>",
            "<div><p>The Ministry thanks all development partners for their contributions to "
            "the Cambodian Mine Action Centre (CMAC) and the Cambodian Mine Action &amp; "
            "Victim Assistance Authority (CMAA).</p></div>",
        ]
        paragraphs[3] = paragraphs[3].replace("&amp;", "and")
        column, side, wrapper = "col-lg-9 column-main", "col-lg-3 column-side", "post-wrapper"
    else:
        paragraphs = [f"<p>{_plain(p)}</p>" for p in statement]
        column, side, wrapper = "col-md-8", "col-md-4", "viewpost"
    menu_items = "".join(f'<li><a href="/{m.lower()}">{_plain(m)}</a></li>' for m in menu)
    latest_items = "".join(
        f'<li><a href="/news/{i}">{_plain(t)}</a><span class="date">{d}</span></li>'
        for i, (t, d) in enumerate(latest)
    )
    body = "\n".join(paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{TITLE} | Ministry of Foreign Affairs and International Cooperation</title>
<meta property="og:title" content="{TITLE}">
<meta property="og:site_name" content="Ministry of Foreign Affairs and International Cooperation">
</head>
<body>
<header class="site-header">
 <div class="topbar"><span class="current-date">Today is {today}</span>
  <a href="?lang=km">ខ្មែរ</a> <a href="?lang=en">English</a></div>
 <a href="/" class="brand"><img src="/logo.png" alt="">
  <h1 class="brand-name">Ministry of Foreign Affairs and International Cooperation</h1></a>
 <nav class="main-nav"><ul>{menu_items}</ul></nav>
</header>
<div class="container"><div class="row">
 <div class="{column}">
  <div class="bar">{today}</div>
  <div class="{wrapper}">
   <div class="viewpost-title"><h1>{_plain(TITLE)}</h1></div>
   <div class="viewpost-date">24 April, 2026</div>
   <div class="viewpost-content">
{body}
    <p>Views: {views}</p>
    <div class="post-actions">Share ({shares}) <a href="#">Facebook</a> <a href="#">Telegram</a>
     <a href="#">Twitter</a></div>
   </div>
  </div>
 </div>
 <div class="{side}">
  <aside class="sidebar"><h3>Latest News</h3><ul>{latest_items}</ul></aside>
 </div>
</div></div>
<footer>
 <div class="stats">Visitors today: {visitors[0]} · Total visitors: {visitors[1]}</div>
 <p>© 2026 Ministry of Foreign Affairs and International Cooperation.
 No. 3, Samdech Hun Sen Street, Phnom Penh, Cambodia.</p>
</footer>
{cookie_banner}
</body>
</html>"""


CHROME_VARIANTS = {
    "latest news list moved on": {
        "latest": [
            ("Cambodia signs MoU on digital economy with Singapore", "23 April, 2026"),
            *LATEST[:-1],
        ]
    },
    "visitor and view counters": {"views": "1,377", "visitors": ("345", "4,583,052")},
    "today's date widget": {"today": "Tuesday, 24 November 2026"},
    "share counter": {"shares": "57"},
    "cookie banner": {
        "cookie_banner": '<div class="notice-bar" id="n1">This website uses cookies to give you '
        "the best experience. By continuing to browse you agree to our use of cookies. "
        "<button>Accept</button> <a href='/privacy'>Privacy policy</a></div>"
    },
    "navigation menu": {"menu": [*MENU[:3], "Events", "Speeches", *MENU[3:]]},
    "markup: whitespace, entities, <b>, attributes, class names, NFD": {"restyled": True},
}


@pytest.mark.parametrize("selectors", [{}, MFAIC], ids=["automatic", "mfaic-selectors"])
def test_chrome_never_changes_the_document(selectors):
    url = "https://www.mfaic.gov.kh/posts/2026-04-24-Press-Release-mine-action"
    base = extract_html(ministry_page(), url, **selectors)
    assert base.title == TITLE
    assert base.date == "2026-04-24"
    assert base.language == "en"
    assert [normalize(p) for p in STATEMENT] == [p for p in base.paragraphs if p in STATEMENT]
    for chrome in ("Visitors", "Views", "Today is", "Latest News", "Facebook", "Share", "©"):
        assert chrome not in base.text, chrome
    for name, change in CHROME_VARIANTS.items():
        variant = extract_html(ministry_page(**change), url, **selectors)
        assert variant.comparable == base.comparable, name
        assert variant == base, name


@pytest.mark.parametrize("selectors", [{}, MFAIC], ids=["automatic", "mfaic-selectors"])
def test_one_changed_word_of_the_statement_is_an_edit(selectors):
    url = "https://www.mfaic.gov.kh/posts/2026-04-24-Press-Release-mine-action"
    base = extract_html(ministry_page(), url, **selectors)
    edited = [STATEMENT[0], STATEMENT[1].replace("2,500", "2,600"), *STATEMENT[2:]]
    changed = extract_html(ministry_page(statement=edited), url, **selectors)
    assert changed.comparable != base.comparable
    assert changed.text_hash != base.text_hash
    differing = [(a, b) for a, b in zip(base.paragraphs, changed.paragraphs, strict=True) if a != b]
    assert len(differing) == 1 and "2,600" in differing[0][1]


def test_selectors_take_exactly_the_configured_elements():
    url = "https://www.mfaic.gov.kh/posts/2026-04-24-Press-Release-mine-action"
    doc = extract_html(ministry_page(), url, **MFAIC)
    # the content element holds the statement and nothing else (its view counter and share bar
    # are chrome)
    assert doc.paragraphs == tuple(normalize(p) for p in STATEMENT)


def test_selectors_that_match_nothing_fall_back_to_automatic_extraction():
    url = "https://www.mfaic.gov.kh/posts/2026-04-24-Press-Release-mine-action"
    page = ministry_page()
    automatic = extract_html(page, url)
    missing = extract_html(page, url, content=".post-body", title=".post-title", date=".when")
    assert missing == automatic


def test_dates_in_the_date_element_as_cambodian_sites_write_them():
    url = "https://pressocm.gov.kh/archives/101"
    for written, iso in [("28-April-2026", "2026-04-28"), ("24 April, 2026", "2026-04-24")]:
        page = ministry_page().replace(">24 April, 2026<", f">{written}<")
        assert extract_html(page, url, **MFAIC).date == iso
        assert extract_html(page, url).date == iso


def test_invalid_selector_is_a_config_error():
    with pytest.raises(ValueError, match="selector"):
        extract_html(ministry_page(), "https://x.gov.kh/a", content="div[")


# --- Khmer -------------------------------------------------------------------------------

KHMER_TITLE = "សេចក្តីប្រកាសព័ត៌មាន ស្តីពីលទ្ធផលនៃការបោសសម្អាតមីន នៅខេត្តបាត់ដំបង"
KHMER_STATEMENT = [
    "ភ្នំពេញ៖ ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ សូមជម្រាបជូនថា "
    "ក្រុមការងារបានបញ្ចប់ការបោសសម្អាតមីន នៅខេត្តបាត់ដំបង។",
    "ក្រុមការងារបានរកឃើញ និងកម្ទេចមីនប្រឆាំងមនុស្សចំនួន ១២៥ គ្រាប់ "
    "និងគ្រាប់មិនទាន់ផ្ទុះចំនួន ៣៤០ គ្រាប់ លើផ្ទៃដីជាង ២០០ ហិកតា។",
    "រាជរដ្ឋាភិបាលកម្ពុជា សូមថ្លែងអំណរគុណចំពោះអង្គការសហប្រជាជាតិ និងដៃគូអភិវឌ្ឍន៍ ដែលបានគាំទ្រវិស័យសកម្មភាពកម្ចាត់មីន។",
    "ភ្នំពេញ ថ្ងៃទី២៤ ខែមេសា ឆ្នាំ២០២៦",
]


def khmer_page(
    visitors: str = "១២៣៤៥៦",
    today: str = "ថ្ងៃច័ន្ទ ទី២៣ ខែវិច្ឆិកា ឆ្នាំ២០២៦",
    views: str = "៨៧៦",
) -> str:
    """An MFAIC-style Khmer release. The site picks the language by cookie, so <html lang>
    still says "en"; words are separated by U+200B as Khmer typesetting does."""
    body = "\n".join(f"<p>{p}</p>" for p in KHMER_STATEMENT)
    body = body.replace("ការបោសសម្អាត", "ការ\u200bបោស\u200bសម្អាត")
    body = body.replace("គ្រាប់មិនទាន់ផ្ទុះ", "គ្រាប់\u200bមិន\u200bទាន់\u200bផ្ទុះ")
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ</title></head><body>
<div class="topbar">ថ្ងៃនេះ {today}</div>
<nav><ul><li><a href="/">ទំព័រដើម</a></li><li><a href="/news">ព័ត៌មាន</a></li></ul></nav>
<div class="viewpost">
 <div class="viewpost-title"><h1>{KHMER_TITLE}</h1></div>
 <div class="viewpost-date">ថ្ងៃទី២៤ ខែមេសា ឆ្នាំ២០២៦</div>
 <div class="viewpost-content">{body}<p>ចំនួនចូលមើល: {views}</p></div>
</div>
<aside><h3>ព័ត៌មានថ្មីៗ</h3><ul><li><a href="/n/1">កិច្ចប្រជុំរដ្ឋមន្ត្រីការបរទេសអាស៊ាន</a></li></ul></aside>
<footer><div class="counter">ចំនួនអ្នកទស្សនា: {visitors}</div></footer>
</body></html>"""


@pytest.mark.parametrize("selectors", [{}, MFAIC], ids=["automatic", "mfaic-selectors"])
def test_khmer_release_keeps_its_text_intact(selectors):
    url = "https://www.mfaic.gov.kh/posts/2026-04-24-demining-km"
    doc = extract_html(khmer_page(), url, **selectors)
    assert doc.title == KHMER_TITLE
    assert doc.language == "km"
    assert doc.date == "2026-04-24"
    assert unicodedata.is_normalized("NFC", doc.comparable)
    assert "\u200b" not in doc.comparable
    for word in ("មីន", "ការបោសសម្អាតមីន", "គ្រាប់មិនទាន់ផ្ទុះ", "អង្គការសហប្រជាជាតិ"):
        assert word in doc.text, word
    assert [p for p in doc.paragraphs if p in KHMER_STATEMENT] == KHMER_STATEMENT
    for chrome in ("ចំនួនអ្នកទស្សនា", "ចំនួនចូលមើល", "ថ្ងៃនេះ", "ព័ត៌មានថ្មីៗ"):
        assert chrome not in doc.text, chrome
    # counters and the date widget are chrome in Khmer too
    other_day = khmer_page(visitors="១២៣៩៩៩", today="ថ្ងៃអង្គារ ទី២៤ ខែវិច្ឆិកា ឆ្នាំ២០២៦", views="៩០១")
    assert extract_html(other_day, url, **selectors) == doc


def test_old_table_layout_page_keeps_paragraphs_and_data_tables():
    """Older government sites lay pages out with tables: the statement must not collapse into
    one table row, while a real data table keeps its rows."""
    menu = "".join(f'<a href="/{m}">{m}</a><br>' for m in MENU)
    statement = "".join(f"<p>{_plain(p)}</p>" for p in STATEMENT)
    page = f"""<html><head><title>Press Release</title></head><body>
    <table width="100%" border="0"><tr><td width="180" valign="top">{menu}</td>
    <td valign="top"><h2>{TITLE}</h2><p>24 April, 2026</p>{statement}
    <table border="1"><tr><th>Province</th><th>Mines destroyed</th></tr>
    <tr><td>Battambang</td><td>125</td></tr><tr><td>Pailin</td><td>98</td></tr></table>
    </td></tr><tr><td colspan="2" align="center">Visitors: 1,204,331</td></tr></table>
    </body></html>"""
    doc = extract_html(page, "https://www.mfaic.gov.kh/old/press-release-12.html")
    assert [p for p in doc.paragraphs if p in STATEMENT] == [normalize(p) for p in STATEMENT]
    assert "| Battambang | 125 |" in doc.paragraphs
    assert doc.date == "2026-04-24"
    assert not any("Visitors" in p or "Consular Services" in p for p in doc.paragraphs)


# --- short pages and bodies without text -------------------------------------------------


def test_a_short_statement_is_still_a_document():
    page = (
        "<html><head><title>Statement</title></head><body>"
        "<main><p>Cambodia condemns the attack.</p></main></body></html>"
    )
    doc = extract_html(page, "https://www.mfaic.gov.kh/posts/1")
    assert doc.paragraphs == ("Cambodia condemns the attack.",)
    assert doc.title == "Statement"


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   \n ",
        "<html><head><script>var a = 1;</script></head><body></body></html>",
        "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",  # an image decoded as text
    ],
)
def test_html_without_text_is_an_extraction_error(body):
    with pytest.raises(ExtractionError):
        extract_html(body, "https://example.org/empty")


# --- PDF -----------------------------------------------------------------------------------


def _reference_words(markdown: str) -> list[str]:
    return re.findall(r"\w+", re.sub(r"[*_#>|`]+", " ", markdown).casefold())


def _reference_sentences(markdown: str) -> list[str]:
    sentences = []
    for block in re.split(r"\n\s*\n", re.sub(r"[*_#>|`]+", " ", markdown)):
        block = normalize(block)
        sentences += [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", block) if len(s.split()) >= 6]
    return sentences


@pytest.mark.eval
def test_pdf_press_releases_against_their_reference_text(capsys):
    """Word recall/precision (bag of words) and sentence recall (each reference sentence's
    words appear in order, so rejoined lines and hyphenation are measured too)."""
    ref_words = out_words = common = sentences = found = 0
    lines = []
    for pdf in sorted(DATA.glob("pdf/*.pdf")):
        reference_file = pdf.with_suffix(".reference.md")
        if not reference_file.exists():
            continue
        reference = reference_file.read_text("utf-8")
        doc = extract_pdf(pdf.read_bytes(), pdf.as_uri())
        ours = re.findall(r"\w+", " ".join(doc.paragraphs).casefold())
        overlap = sum((Counter(_reference_words(reference)) & Counter(ours)).values())
        ref_words += len(_reference_words(reference))
        out_words += len(ours)
        common += overlap
        flat = f" {' '.join(ours)} "
        wanted = _reference_sentences(reference)
        hit = sum(f" {' '.join(_reference_words(s))} " in flat for s in wanted)
        sentences, found = sentences + len(wanted), found + hit
        lines.append(
            f"{pdf.name}: word recall {overlap / len(_reference_words(reference)):.3f}, "
            f"sentences {hit}/{len(wanted)}"
        )
        assert overlap / len(_reference_words(reference)) >= 0.93, lines[-1]
    report = (
        f"PDF extraction: word recall {common / ref_words:.3f}, word precision "
        f"{common / out_words:.3f}, sentence recall {found / sentences:.3f}\n  "
        + "\n  ".join(lines)
    )
    with capsys.disabled():  # the figure belongs in the CI log
        print("\n" + report)
    assert common / ref_words >= 0.97 and common / out_words >= 0.97, report
    assert found / sentences >= 0.95, report


@pytest.mark.parametrize(
    ("name", "title", "date"),
    [
        ("central_bank_of_egypt_21-09-2023.pdf", "MPC decided to keep key policy rates unchanged",
         "2023-09-21"),
        ("central_bank_of_egypt_29-07-2010.pdf", "Central Bank of Egypt", "2010-07-29"),
        ("central_bank_of_egypt_01-12-2005.pdf", "Central Bank of Egypt", "2005-12-01"),
        ("bank_of_thailand_01-06-2011.pdf",
         "Minutes of the Monetary Policy Meeting of the Monetary Policy Committee",
         "2011-06-15"),  # "Publication date: 15 June 2011", below the meeting date
    ],
)  # fmt: skip
def test_pdf_title_and_date(name, title, date):
    doc = extract_pdf((DATA / "pdf" / name).read_bytes(), f"https://example.org/{name}")
    assert (doc.title, doc.date, doc.language) == (title, date, "en")


def _pdf(pages: list[list[tuple[int, int, str]]]) -> bytes:
    """A minimal PDF: each page a list of (x, y, text) lines in 11 pt Helvetica."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    kids = []
    for i, lines in enumerate(pages):
        page_id, content_id = 4 + 2 * i, 5 + 2 * i
        kids.append(f"{page_id} 0 R")
        stream = "".join(
            f"BT /F1 11 Tf 1 0 0 1 {x} {y} Tm ({escape(t)}) Tj ET\n" for x, y, t in lines
        ).encode("cp1252")
        objects[page_id] = (
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content_id} 0 R >>"
        ).encode()
        objects[content_id] = b"<< /Length %d >>\nstream\n%sendstream" % (len(stream), stream)
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offsets[n] for n in sorted(objects))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _column(lines: list[str | None], top: int = 760) -> list[tuple[int, int, str]]:
    """Lines 14 pt apart from the top; None leaves an empty line."""
    return [(72, top - 14 * i, line) for i, line in enumerate(lines) if line is not None]


def test_pdf_lines_are_rejoined_into_paragraphs():
    letterhead = "MINISTRY OF FOREIGN AFFAIRS AND INTERNATIONAL COOPERATION"
    first = [*_column([
        letterhead, None, "PRESS RELEASE", None, "Mine action statement", None,
        "Phnom Penh, 21 October 2020", None,
        "The Royal Government of Cambodia reaffirms its commitment to a mine-free Cambodia",
        "and thanks all partners for their support. Since 1992, more than 2,500 square kilo-",
        "metres of land contaminated by landmines have been released to communities for",
        "farming, schools and roads.", None,
        "Cambodia will continue to share its experience in mine clearance with the affected",
        "countries and stands ready to host the next meeting on a mine-free world, a mine-",
        "free world being the goal of the Ottawa Convention, which Cambodia signed in",
    ]), (290, 60, "1")]  # fmt: skip
    second = [*_column([
        letterhead, None, "1997 and ratified in 1999.", None,
        "The Ministry thanks the United Nations for its support.",
    ]), (260, 60, "Page 2 of 2")]  # fmt: skip
    doc = extract_pdf(_pdf([first, second]), "https://www.mfaic.gov.kh/files/statement.pdf")
    assert doc.title == "Mine action statement"
    assert doc.date == "2020-10-21"
    assert doc.paragraphs[-3:] == (
        "The Royal Government of Cambodia reaffirms its commitment to a mine-free Cambodia and "
        "thanks all partners for their support. Since 1992, more than 2,500 square kilometres "
        "of land contaminated by landmines have been released to communities for farming, "
        "schools and roads.",
        # "mine-free" keeps its hyphen (the document writes it so), the page break is joined
        "Cambodia will continue to share its experience in mine clearance with the affected "
        "countries and stands ready to host the next meeting on a mine-free world, a mine-free "
        "world being the goal of the Ottawa Convention, which Cambodia signed in 1997 and "
        "ratified in 1999.",
        "The Ministry thanks the United Nations for its support.",
    )
    assert not any(p in ("1", "Page 2 of 2", letterhead) for p in doc.paragraphs)


def test_pdf_in_two_columns_is_read_column_by_column():
    left = [f"The left column has sentence {i}," for i in range(1, 21)]
    right = [f"the right column sentence {i}." for i in range(1, 21)]
    page = [(72, 760 - 14 * i, line) for i, line in enumerate(left)]
    page += [(320, 760 - 14 * i, line) for i, line in enumerate(right)]
    text = " ".join(extract_pdf(_pdf([page]), "https://example.org/two-columns.pdf").paragraphs)
    assert text == " ".join(left + right)


@pytest.mark.slow
def test_pdf_without_readable_text_is_an_extraction_error():
    garbled = (DATA / "pdf" / "central_bank_of_the_philippines_04-05-2011.pdf").read_bytes()
    with pytest.raises(ExtractionError, match="unreadable"):
        extract_pdf(garbled, "https://example.org/minutes.pdf")
    with pytest.raises(ExtractionError, match="no text"):
        extract_pdf(_pdf([[]]), "https://example.org/blank.pdf")


@pytest.mark.parametrize("body", [b"", b"\x89PNG\r\n\x1a\n\x00\x00", b"%PDF-1.4\n garbage"])
def test_non_pdf_or_broken_pdf_is_an_extraction_error(body):
    with pytest.raises(ExtractionError):
        extract_pdf(body, "https://example.org/file.pdf")


# --- dispatch ------------------------------------------------------------------------------


def _page(body: bytes, content_type: str, text: str | None = None) -> Page:
    url = "https://www.mfaic.gov.kh/posts/1"
    return Page(url=url, final_url=url, status=200, content_type=content_type, body=body, text=text)


def test_extract_page_dispatches_on_the_kind_of_body():
    pdf = (DATA / "pdf" / "central_bank_of_egypt_29-07-2010.pdf").read_bytes()
    as_pdf = extract_page(_page(pdf, "application/octet-stream"))  # sniffed from %PDF-
    assert as_pdf == extract_pdf(pdf, "https://www.mfaic.gov.kh/posts/1")
    html = ministry_page()
    as_html = extract_page(_page(html.encode(), "text/html", html), **MFAIC)
    assert as_html == extract_html(html, "https://www.mfaic.gov.kh/posts/1", **MFAIC)


def test_extract_page_reads_plain_text_bodies():
    text = "\n".join([KHMER_TITLE, "", *KHMER_STATEMENT]).replace("មីន", "មី\u200bន")
    doc = extract_page(_page(text.encode(), "text/plain", text))
    assert doc.title == KHMER_TITLE
    assert doc.paragraphs[1:] == tuple(KHMER_STATEMENT)
    assert (doc.language, doc.date) == ("km", "2026-04-24")


def test_extract_page_refuses_binary_and_not_modified_pages():
    with pytest.raises(ExtractionError, match="neither HTML nor PDF"):
        extract_page(_page(b"\x89PNG\r\n", "image/png"))
    url = "https://www.mfaic.gov.kh/posts/1"
    not_modified = Page(url=url, final_url=url, status=304, content_type="", not_modified=True)
    with pytest.raises(ExtractionError, match="Not Modified"):
        extract_page(not_modified)


# --- audit: counters in bylines, sidebars, site-name titles, clocks, numeric dates ---------------

AUDIT = Path(__file__).parent / "data" / "extract-audit"
BODY = [
    "The two sides reviewed the progress of bilateral cooperation in trade, investment, tourism "
    "and people-to-people exchanges, and agreed to hold the next consultations in Phnom Penh.",
    "Both ministers welcomed the steady growth of bilateral trade, which reached more than 1.2 "
    "billion US dollars last year, and pledged to remove the remaining barriers to investment.",
    "The Ministry thanks all development partners for their contributions to the programme and "
    "stands ready to share its experience with the other countries of the region.",
]
HEADLINE = "Ministers Review Bilateral Cooperation in Trade and Investment"


def _news_page(meta_line: str, *, sidebar: str = "") -> str:
    """A Bootstrap news page: headline, a byline under it, the statement, a side column."""
    body = "".join(f"<p>{_plain(p)}</p>" for p in BODY)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{HEADLINE} | Ministry of Commerce</title></head><body><div class="container">
<div class="navbar"><ul class="nav"><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
</ul></div><div class="row"><div class="col-md-8">
<h1 class="news-title">{HEADLINE}</h1>
<p class="text-muted">{meta_line}</p>
<div class="news-body">{body}</div></div>
<div class="col-md-4"><div class="panel"><div class="panel-heading">Hotline</div>
<div class="panel-body"><p>1280 (free of charge, 24/7)</p></div></div>{sidebar}</div>
</div></div></body></html>"""


@pytest.mark.parametrize(
    "byline",
    [
        "Date: 24/04/2025 | Views: {n}",
        "Posted on 24 April 2025 | Views: {n}",
        "Posted on 24 April 2025 Hits: {n}",
        "By Press Office · 24 April 2025 · Read {n} times",
        "24.04.2025 | Visits: {n}",
        "Thursday, 24 April 2025 - {n} views",
        "By Press Office | {n} views | Category: Trade",
        "ថ្ងៃព្រហស្បតិ៍ ទី២៤ ខែមេសា ឆ្នាំ២០២៥ ចំនួនអ្នកមើល {n}",
        "24 เมษายน 2568 ผู้เข้าชม {n}",  # Thai, in the Buddhist Era
        "24 เมษายน 2568 {n}",  # a Thai byline whose counter is an eye icon and a number
        "Publié le 24 avril 2025 | Affichages : {n}",  # Joomla in French
    ],
)
def test_a_view_counter_on_the_byline_never_changes_the_text(byline):
    url = "https://www.moc.gov.kh/news/2025-04-24-bilateral"
    khmer = "ចំនួនអ្នកមើល" in byline
    first = extract_html(_news_page(byline.format(n="៥០៥" if khmer else "505")), url)
    later = extract_html(_news_page(byline.format(n="១,២០៧" if khmer else "1,207")), url)
    assert first.comparable == later.comparable
    assert first.date == later.date == "2025-04-24"
    assert [p for p in first.paragraphs if p in BODY] == BODY
    for counter in ("505", "Views", "Hits", "Read 5", "Visits", "views", "អ្នកមើល", "ผู้เข้าชม",
                    "Affichages"):
        assert counter not in first.text, counter
    if "Press Office" in byline:  # the rest of the byline is kept
        assert any(p.startswith("By Press Office") for p in first.paragraphs)


@pytest.mark.parametrize(
    "sentence",
    [
        "The exhibition welcomed 1,234 visitors on 24 April 2025.",
        "Visitors: 1,234 people attended the opening of the fair.",
        "The campaign video reached 50,000 views, a record for the Ministry.",
        "The page was viewed 52 times before the correction was published.",
    ],
)
def test_sentences_that_count_visitors_are_kept(sentence):
    url = "https://www.moc.gov.kh/news/2025-04-24-bilateral"
    page = _news_page("Posted on 24 April 2025").replace(
        '<div class="news-body">', f'<div class="news-body"><p>{sentence}</p>'
    )
    assert sentence in extract_html(page, url).paragraphs


def test_a_side_column_next_to_the_statement_is_not_text():
    """A hotline box in the narrow column beside the statement: not the statement, and a new
    box there is no edit."""
    url = "https://www.moc.gov.kh/news/2025-04-24-bilateral"
    doc = extract_html(_news_page("Posted on 24 April 2025"), url)
    assert not any("free of charge" in p for p in doc.paragraphs)
    assert [p for p in doc.paragraphs if p in BODY] == BODY
    more = (
        '<div class="panel"><div class="panel-body">'
        "<p>Hotline for workers abroad: 1297 (free of charge)</p></div></div>"
    )
    assert extract_html(_news_page("Posted on 24 April 2025", sidebar=more), url) == doc


SITE = "Ministry of Foreign Affairs and International Cooperation"
TOP_BAR = '<div class="top-bar"><span class="top-date">{today}</span></div>'


def _site_page(
    article: str, *, title: str = SITE, head: str = "", lang: str = "en", today: str = ""
) -> str:
    """A page whose <title> gives the site's name, with the logo in the home link."""
    body = "".join(f"<p>{_plain(p)}</p>" for p in BODY)
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{title}</title>{head}</head><body>{TOP_BAR.format(today=today) if today else ""}
<div class="header-wrap"><a href="/"><img src="/images/logo.png" alt="{SITE}"></a></div>
<ul class="nav"><li><a href="/">Home</a></li><li><a href="/Media/News">News</a></li></ul>
<div class="container"><div class="row"><div class="col-md-9">{article.format(body=body)}</div>
<div class="col-md-3"><div class="box-title">Latest News</div><ul><li><a href="/p/1">
Signing Ceremony of the Agreement on Visa Exemption</a></li></ul></div></div></div>
<div class="footer-wrap"><p>Copyright © 2025 {SITE}.</p></div></body></html>"""


@pytest.mark.parametrize(
    ("article", "title"),
    [
        (  # ASP.NET: the headline in a classed <div>, no heading element at all
            '<div class="viewpost"><div class="viewpost-title">{headline}</div>'
            '<div class="viewpost-date">24 April 2025</div><div class="viewpost-content">{body}'
            "</div></div>",
            SITE,
        ),
        (  # SharePoint: the page's name in <title> and <h1>, the headline in an <h2>
            '<h1 class="ms-core-pageTitle"><a href="/Pages/NewsDetail.aspx">NewsDetail</a></h1>'
            '<div class="newsDetails"><h2 class="newsDetailsTitle">{headline}</h2>'
            '<div class="newsDetailsDate">24/04/2025</div><div class="newsDetailsBody">{body}'
            "</div></div>",
            "Pages - NewsDetail",
        ),
        (  # an old template: the headline in an <h3>
            '<h3 class="title">{headline}</h3><p class="date">Date: 24/04/2025</p>'
            '<div class="detail">{body}</div>',
            SITE,
        ),
        (  # the <h1> headline, and a first sentence that names the site
            '<h1 class="news-title">{headline}</h1><p class="text-muted">24 April 2025</p>'
            '<div class="news-body"><p>The ' + SITE + " informs the public of the following."
            "</p>{body}</div>",
            SITE,
        ),
    ],
    ids=["div-title", "sharepoint-h2", "h3", "site-name-in-a-sentence"],
)
def test_title_when_the_title_tag_names_only_the_site(article, title):
    headline = "Congratulatory Message on the National Day of the Sultanate of Oman"
    page = _site_page(article.replace("{headline}", headline), title=title)
    doc = extract_html(page, "https://www.mfaic.gov.kh/Posts/2316")
    assert doc.title == headline
    assert doc.date == "2025-04-24"


def test_an_unspaced_khmer_headline_is_the_title_not_the_banner():
    headline = "សារអបអរសាទរទិវាជាតិនៃរដ្ឋស៊ុលតង់អូម៉ង់"
    site = "ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ"
    page = f"""<html lang="km"><head><meta charset="utf-8"><title>{headline} | {site}</title>
    </head><body><div class="banner"><a href="/km"><img src="/img/logo.png" alt="{site}"></a>
    <div class="banner-text">{site}</div></div><div class="article">
    <h1 class="article-title">{headline}</h1><div class="article-body">
    {"".join(f"<p>{p}</p>" for p in KHMER_STATEMENT)}</div></div></body></html>"""
    doc = extract_html(page, "https://www.mfaic.gov.kh/km/article/1215.html")
    assert doc.title == headline
    assert doc.language == "km"


def test_a_header_clock_is_not_the_publication_date():
    """The top bar shows today's date; the release's date is the one by its headline, and a
    page without one has no date rather than today's."""
    today = datetime.now().strftime("%A, %d %B %Y")
    article = (
        '<div class="viewpost"><div class="viewpost-title">Statement on the Mine Action Day'
        '</div>{date}<div class="viewpost-content">{body}</div></div>'
    )
    dated = article.replace("{date}", '<div class="viewpost-date">24 April 2025</div>')
    doc = extract_html(_site_page(dated, today=today), "https://www.mfaic.gov.kh/Posts/7")
    assert (doc.title, doc.date) == ("Statement on the Mine Action Day", "2025-04-24")
    undated = article.replace("{date}", "")
    doc = extract_html(_site_page(undated, today=today), "https://www.mfaic.gov.kh/Posts/7")
    assert doc.date is None


def _weekday(iso: str) -> str:
    return datetime.strptime(iso, "%Y-%m-%d").strftime("%a")


@pytest.mark.parametrize(
    "iso", ["2025-11-26", "2025-11-10", "2025-10-11", "2025-03-04", "2025-04-03"]
)
def test_drupal_default_byline_dates(iso):
    """Drupal writes "Thu, 11/26/2025 - 09:30": month first, and the weekday says so even
    when both numbers could be a month."""
    y, m, d = iso.split("-")
    byline = f"{_weekday(iso)}, {m}/{d}/{y} - 09:30"
    assert parse_date(byline) == iso
    page = f"""<html lang="en"><head><title>Outcome of the Consultations | Ministry of
    Environment</title></head><body><main><article><header>
    <h1 class="title page-title"><span>Outcome of the Consultations</span></h1>
    <div class="node__meta"><span>By press_office</span> <span>{byline}</span></div></header>
    <div class="node__content">{"".join(f"<p>{p}</p>" for p in BODY)}</div></article>
    </main></body></html>"""
    assert extract_html(page, "https://www.moe.gov.kh/en/news/outcome").date == iso


@pytest.mark.parametrize(
    ("lang", "latest", "iso"),
    [
        ("en", ["04/22/2025", "04/18/2025", "04/15/2025"], "2025-04-03"),
        # SharePoint says en-US whatever the site writes: its own 22/04/2025 says day first
        ("en-US", ["22/04/2025", "18/04/2025", "15/04/2025"], "2025-03-04"),
    ],
)
def test_the_pages_own_unambiguous_dates_set_the_order_of_numeric_dates(lang, latest, iso):
    items = "".join(f"<li><a href='/n/{i}'>Item {i}</a> {d}</li>" for i, d in enumerate(latest))
    page = _news_page("Posted 04/03/2025", sidebar=f"<ul>{items}</ul>")
    page = page.replace('lang="en"', f'lang="{lang}"')
    assert extract_html(page, "https://www.moc.gov.kh/news/7").date == iso


@pytest.mark.parametrize("ahead", [1, 2, 3])
def test_a_date_a_few_days_ahead_is_kept_as_written(ahead):
    """Embargoed releases and time zones: the date as written, never the first of the month."""
    when = (datetime.now() + timedelta(days=ahead)).date().isoformat()
    page = f"""<html lang="en"><head><title>Condolence message</title></head><body><main>
    <article><h1>Condolence message on the passing of a former minister</h1>
    <p class="date">Published {when}</p>{"".join(f"<p>{p}</p>" for p in BODY)}</article></main>
    <footer>© 2026 Ministry of Foreign Affairs.</footer></body></html>"""
    assert extract_html(page, "https://www.mfaic.gov.kh/posts/condolence").date == when
    far = (datetime.now() + timedelta(days=40)).date()
    page = page.replace(when, far.isoformat())
    assert extract_html(page, "https://www.mfaic.gov.kh/posts/condolence").date is None


def test_no_first_of_the_month_made_from_a_month():
    """htmldate turns "/uploads/2022/10/" into 1 October 2022: no day is written anywhere."""
    page = f"""<html lang="en"><head><title>The glass house</title></head><body><main>
    <article><h1>The glass house in the Uckermark</h1>
    <img src="https://example.org/wp-content/uploads/2022/10/glashaus-000.jpg" alt="">
    {"".join(f"<p>{p}</p>" for p in BODY)}</article></main></body></html>"""
    assert extract_html(page, "https://example.org/glashaus/").date is None


@pytest.mark.parametrize("marker", ["PRESS RELEASE", None])
def test_pdf_letterhead_is_not_the_title(marker):
    letterhead = [
        "KINGDOM OF CAMBODIA", "NATION RELIGION KING", None,
        "MINISTRY OF LABOUR AND VOCATIONAL TRAINING", "No. 123/25 MLVT", None,
    ]  # fmt: skip
    lines = [*letterhead, marker, None, "Launch of the Online Job Matching Service", None,
             "Phnom Penh, 24 April 2025", None, *BODY]  # fmt: skip
    doc = extract_pdf(_pdf([_column(lines)]), "https://www.mlvt.gov.kh/files/pr-106.pdf")
    assert doc.title == "Launch of the Online Job Matching Service"
    assert doc.date == "2025-04-24"


def test_audit_pages():
    """The audit's pages (tests/data/extract-audit): title and date as a reader sees them, and
    pages that differ only in a counter, a clock or a sidebar give the same text."""
    expected = json.loads((AUDIT / "expected.json").read_text("utf-8"))
    docs = {}
    for name, item in expected.items():
        body = (AUDIT / name).read_bytes()
        if name.endswith(".pdf"):
            docs[name] = extract_pdf(body, f"https://example.gov.kh/{name}")
        else:
            docs[name] = extract_html(_read_html(AUDIT / name), f"https://example.gov.kh/{name}")
        assert (docs[name].title, docs[name].date) == (item["title"], item["date"]), name
    for name, item in expected.items():
        if "same_text_as" in item:
            assert docs[name].comparable == docs[item["same_text_as"]].comparable, name


# --- audit: <br> text beside lists, table menus, page-builder titles, site names in <title> ----


def _announcement_page(*, popular: list[tuple[str, int]], other: list[str], rate: int, online: int):
    """A CodeIgniter-style page: the statement written as text<br><br>text, the "other
    announcements" list under it and a box column beside it, all in one div#content."""
    text = "<br><br>\n".join(_plain(p) for p in ["Phnom Penh, 24 April 2025", *BODY])
    items = "".join(
        f'<li><span class="date">2{i}-04-2025</span> <a href="/en/ann/{i}">{t}</a></li>'
        for i, t in enumerate(other)
    )
    boxes = "".join(
        f'<li><a href="/en/ann/p{n}">{t}</a> <span>({n} views)</span></li>' for t, n in popular
    )
    return f"""<html><head><meta charset="utf-8"><title>{HEADLINE} :: Ministry of Economy</title>
</head><body><div id="header"><a href="/en/"><img src="/img/logo_en.png" alt="Ministry of Economy">
</a></div><div id="content"><div id="left"><div class="page-title">Announcements</div>
<div class="detail"><h2 class="detail-title">{HEADLINE}</h2>
<div class="detail-info">Posted on: 24-04-2025 | Views: {online * 9} |
<a href="/en/ann/print/1543">Print</a> | <a href="/up/1543.pdf">Download PDF</a></div>
<div class="detail-content">{text}<br><br><strong>Ministry of Economy</strong></div>
<div class="other-news"><h3>Other Announcements</h3><ul>{items}</ul></div></div></div>
<div id="right"><div class="box"><div class="box-title">Popular Announcements</div>
<ul>{boxes}</ul></div><div class="box"><div class="box-title">Exchange Rate</div>
<table><tr><td>USD</td><td>{rate} KHR</td></tr></table></div>
<div class="box"><div class="box-title">Online Visitors</div><p>Now online: {online}</p></div>
</div></div></body></html>"""


def test_a_statement_written_with_br_keeps_the_lists_beside_it_out():
    """Text split by <br><br> in the same div#content as the "other announcements" list and the
    boxes of the side column: the statement only, whatever those lists and boxes show."""
    url = "https://www.mef.gov.kh/en/announcements/detail/1543"
    other = ["Minister Meets the Ambassador of Japan", "Statement on the Mine Action Day"]
    popular = [("Cambodia Elected to the UNESCO Board", 333), ("Outcome of the Talks", 203)]
    doc = extract_html(_announcement_page(popular=popular, other=other, rate=4010, online=23), url)
    assert doc.title == HEADLINE
    assert doc.date == "2025-04-24"
    assert [p for p in doc.paragraphs if p in BODY] == BODY
    for chrome in ("Other", "Popular", "UNESCO", "Exchange", "KHR", "online", "Print", "PDF"):
        assert chrome not in doc.text, chrome
    later = _announcement_page(popular=popular[::-1], other=other[1:], rate=4025, online=7)
    assert extract_html(later, url).comparable == doc.comparable


def _embassy_page(menu: list[str]) -> str:
    """A FrontPage page: nested layout tables, <font> tags, a menu table in the left column."""
    rows = "".join(
        f'<tr><td bgcolor="#E8EEF7" height="22">&nbsp;<img src="arrow.gif">&nbsp;<a href="{i}'
        f'.htm"><font face="Verdana" size="1" color="#003366"><b>{item}</b></font></a></td></tr>'
        for i, item in enumerate(menu)
    )
    body = "".join(f'<p align="justify"><font size="2">{_plain(p)}</font></p>' for p in BODY)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=cp1252">
<title>Royal Embassy of Cambodia - {HEADLINE}</title></head><body><table width="780">
<tr><td colspan="3"><img src="banner.jpg" alt="Royal Embassy of Cambodia"></td></tr><tr>
<td width="170" valign="top" bgcolor="#E8EEF7"><table width="170">{rows}</table><br>
<center><font size="1">You are visitor no.<br><b>1,204,553</b></font></center></td>
<td width="10">&nbsp;</td><td width="600" valign="top"><br><table width="100%">
<tr><td><font size="2" color="#999999">PRESS RELEASE</font></td></tr>
<tr><td><font size="4"><b>{HEADLINE}</b></font></td></tr>
<tr><td><font size="1"><i>Paris, 24 April 2025</i></font></td></tr></table>
<table width="100%"><tr><td>{body}<p align="center">***</p></td></tr></table>
<p><font size="1"><a href="../press.htm">&lt;&lt; Back to Press Releases</a> &nbsp;|&nbsp;
<a href="javascript:window.print()">Print this page</a></font></p></td></tr></table>
</body></html>"""


def test_the_menu_table_of_an_old_table_layout_is_not_text():
    url = "https://www.embassy-cambodia.fr/press/2025/pr20250424.htm"
    menu = ["HOME", "ABOUT THE EMBASSY", "THE AMBASSADOR", "PRESS RELEASES", "VISA & CONSULAR",
            "TOURISM", "TRADE & INVESTMENT", "CONTACT US"]  # fmt: skip
    doc = extract_html(_embassy_page(menu), url)
    assert doc.title == HEADLINE
    assert doc.date == "2025-04-24"
    assert [p for p in doc.paragraphs if p in BODY] == BODY
    for chrome in ("HOME", "ABOUT THE EMBASSY", "Back to Press Releases", "Print this page"):
        assert chrome not in doc.text, chrome
    more = extract_html(_embassy_page([*menu, "OVERSEAS VOTER REGISTRATION"]), url)
    assert more.comparable == doc.comparable


def _elementor(widget: str, html: str) -> str:
    return (
        f'<div class="elementor-element elementor-widget elementor-widget-{widget}" '
        f'data-element_type="widget"><div class="elementor-widget-container">{html}</div></div>'
    )


def test_an_elementor_headline_is_the_title():
    """Elementor wraps every element, the headline too, in an "elementor-widget-*" div."""
    body = "".join(f"<p>{_plain(p)}</p>" for p in BODY)
    page = f"""<html lang="en-US"><head><meta charset="utf-8">
<title>{HEADLINE} - ASEAN Main Portal</title></head><body><div class="elementor-location-header">
{_elementor("theme-site-logo", '<a href="/"><img src="/up/asean-logo.png" alt="ASEAN"></a>')}
{_elementor("nav-menu", '<nav><ul><li><a href="/news/">News</a></li></ul></nav>')}</div>
<div class="elementor-location-single"><div class="elementor-widget-wrap">
{_elementor("theme-post-title", f'<h1 class="elementor-heading-title">{HEADLINE}</h1>')}
{_elementor("post-info", "<ul><li><time>April 24, 2025</time></li></ul>")}
{_elementor("theme-post-content", body)}
{_elementor("share-buttons", '<a href="#">Facebook</a> <a href="#">Twitter</a>')}</div></div>
</body></html>"""
    doc = extract_html(page, "https://asean.org/ministers-review-bilateral-cooperation/")
    assert doc.title == HEADLINE
    assert doc.date == "2025-04-24"
    assert [p for p in doc.paragraphs if p in BODY] == BODY


@pytest.mark.parametrize(
    ("title", "head", "branding"),
    [
        # the logo says "ASEAN": "ASEAN Main Portal" is the site too
        (f"{HEADLINE} - ASEAN Main Portal", "", '<img src="/img/logo.png" alt="ASEAN">'),
        (
            f"{HEADLINE} | Ministry of Commerce",
            '<meta property="og:site_name" content="Ministry of Commerce">',
            "",
        ),
        # WordPress names its feeds "Site » Feed"
        (
            f"{HEADLINE} – MoC Cambodia",
            '<link rel="alternate" type="application/rss+xml" '
            'title="MoC Cambodia » Feed" href="/feed/">',
            "",
        ),
        (
            f"Royal Embassy of Cambodia - {HEADLINE}",
            "",
            '<img src="/img/banner.jpg" alt="Royal Embassy of Cambodia">',
        ),
    ],
    ids=["logo-name-and-more", "og-site-name", "feed-title", "leading"],
)
def test_the_title_tag_without_the_sites_name(title, head, branding):
    """No heading names the release, so <title> does: without the site's name."""
    body = "".join(f"<p>{_plain(p)}</p>" for p in BODY)
    page = f"""<html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><div class="header"><a href="/">{branding}</a></div><div class="content">
<div class="date">24/04/2025</div>{body}</div></body></html>"""
    assert extract_html(page, "https://www.moc.gov.kh/news/1042").title == HEADLINE


def test_a_title_tag_part_that_is_no_site_name_stays():
    body = "".join(f"<p>{_plain(p)}</p>" for p in BODY)
    title = "Statement on Myanmar - Joint Communiqué of the ASEAN Foreign Ministers"
    page = f"""<html lang="en"><head><title>{title}</title><meta property="og:site_name"
content="Ministry of Commerce"></head><body><div class="content">{body}</div></body></html>"""
    assert extract_html(page, "https://www.moc.gov.kh/news/1043").title == title


def test_the_headline_is_not_repeated_as_the_first_paragraph():
    body = "".join(f"<p>{_plain(p)}</p>" for p in BODY)
    page = f"""<html lang="en"><head><title>{HEADLINE} | Ministry of Commerce</title></head>
<body><div class="content"><div class="section">Press Releases</div><h1>{HEADLINE}</h1>
{body}</div></body></html>"""
    doc = extract_html(page, "https://www.moc.gov.kh/news/1044")
    assert doc.title == HEADLINE
    assert doc.paragraphs == tuple(BODY)  # not "Press Releases", not the headline again


def test_a_link_that_is_no_address_does_not_stop_the_reading():
    """`href="http://[ccpa-preferences]"` (a consent tool's placeholder) makes urlsplit raise;
    the page is read all the same."""
    page = (
        '<html><body><header><a href="http://[ccpa-preferences]">Do not sell</a>'
        '<a href="/"><img alt="logo"></a></header><article><h1>Ministry welcomes the plan</h1>'
        "<p>The Ministry of Foreign Affairs welcomes the adoption of the plan of action for the"
        " years ahead.</p></article></body></html>"
    )
    doc = extract_html(page, "https://www.mfaic.gov.kh/posts/2")
    assert doc.title == "Ministry welcomes the plan"
    assert "adoption of the plan" in doc.text


@pytest.mark.parametrize("line", [
    "ថ្ងៃចន្ទ ទី៧ ខែធ្នូ ឆ្នាំ២០២៦ · ម៉ោង ២:២២ រសៀល",  # Monday 7 December 2026 · 2:22 pm
    "ម៉ោង ១០:២៩ យប់",  # 10:29 at night
    "៧៤១១ ដង",  # 7,411 times (views)
])
def test_khmer_clocks_and_counters_inside_the_statement_container_are_chrome(line):
    """A Khmer page's header clock says the time of day in words (រសៀល, afternoon), and its
    view counter is a number of times (ដង): an outside probe saw both read with a one-sentence
    statement and reported as edits on every check."""
    url = "https://www.mfaic.gov.kh/posts/2026-04-24-demining-km"
    page = khmer_page().replace('<div class="viewpost-content">',
                                f'<div class="viewpost-content"><p>{line}</p>')  # fmt: skip
    doc = extract_html(page, url)
    assert line not in doc.paragraphs
    assert [p for p in doc.paragraphs if p in KHMER_STATEMENT] == KHMER_STATEMENT


@pytest.mark.parametrize(("line", "kept"), [
    ("Comments are turned off. 146 views", "Comments are turned off."),
    ("The office received 1,204 visitors. 146 views", "The office received 1,204 visitors."),
    ("The page had 146 views.", "The page had 146 views."),  # a sentence that counts
])
def test_a_counter_set_after_a_sentence_is_no_part_of_it(line, kept):
    """WordPress themes end a post with "Comments are turned off. 146 views": the count
    changes on every visit (an outside probe saw it reported as an edit at a redesign)."""
    from monitor.extract.filters import _clean

    assert _clean([line]) == (kept,)


def _secretariat_page(see_also: list[str]) -> str:
    """A hand-made table page: the statement, its signature, then in the same cell a rule and
    a "See also" line of three other releases' titles, and "Print | Back"."""
    links = " | ".join(f'<a href="/press/{i}.html">{t}</a>' for i, t in enumerate(see_also))
    body = "".join(f"<p>{_plain(p)}</p>" for p in BODY)
    return f"""<html><head><title>{HEADLINE}</title></head><body><table width="760"><tr>
<td class="nav" width="160"><a href="/">Home</a><br><a href="/press/">Press</a></td>
<td class="content"><p class="title"><b>{HEADLINE}</b></p><p class="date">Jakarta, 24 April
2025</p>{body}<p align="right"><b>ASEAN SECRETARIAT</b></p><hr size="1">
<p class="small">See also: {links}</p><p class="small"><a href="javascript:window.print()">Print
this page</a> | <a href="/press/">Back to Press Releases</a></p></td></tr></table></body></html>"""


def test_a_list_of_links_below_the_statement_in_its_box_is_no_text():
    """The "See also" line below the signature names other releases (different on every page
    and every day): an outside probe saw it stored with every release and each change of it
    reported as an edit."""
    titles = ["ASEAN and the United Nations Review Progress on the Complementarities Initiative",
              "Joint Press Release of the ASEAN-UN Secretariat-to-Secretariat Meeting",
              "ARMAC Welcomes its New Executive Director"]  # fmt: skip
    doc = extract_html(_secretariat_page(titles), "https://asean.example/press/2025/0424.html")
    assert [p for p in doc.paragraphs if p in BODY] == BODY
    assert "See also" not in doc.text and "Back to" not in doc.text
    assert doc.paragraphs[-1] == "ASEAN SECRETARIAT"


ONE_SENTENCE = [
    "The Ministry announces that the trade consultations will be held in Phnom Penh on 12 "
    "December 2026."
]


def _release_box(body: list[str], above: str = "", ministry: bool = True, below: str = "",
                 related: str = "related") -> str:  # fmt: skip
    """A release in one box with the lines a press office sets around it: `above` it, its
    ministry's name, headline and byline; `below` it, a block (class `related`) of "Related"
    and two other releases."""
    paras = "".join(f"<p>{_plain(p)}</p>" for p in body)
    name = "<h2>Ministry of Foreign Affairs</h2>" if ministry else ""
    return f"""<html lang="en"><head><title>{HEADLINE}</title></head><body>
<header><a href="/">Press Information Bureau</a><nav><a href="/">Home</a> <a href="/all">All
releases</a> <a href="/photos">Photos</a></nav></header><div class="content-area">{above}{name}
<h3>{HEADLINE}</h3><div class="release-date">Posted on: 04 DEC 2026 5:23PM by PIB Delhi</div>
{paras}{below}<div class="{related}"><h4>Related</h4><ul><li><a href="/release/2087650">Minister
meets delegation on trade</a></li><li><a href="/release/2087643">Minister meets delegation on
water</a></li></ul></div></div><footer>Copyright 2026</footer></body></html>"""


@pytest.mark.parametrize("label, languages", [
    ("Read this release in:", ["Hindi", "Urdu", "Tamil"]),
    ("Also available in:", ["Français", "ខ្មែរ"]),
    ("Disponible en :", ["English", "Español"]),
    ("相关链接：", ["新闻公报", "讲话全文"]),
    ("ព័ត៌មានពាក់ព័ន្ធ៖", ["English", "Français"]),
    ("यह भी पढ़ें:", ["English", "Urdu"]),
])
@pytest.mark.parametrize("body", [ONE_SENTENCE, BODY], ids=["one sentence", "long"])
def test_a_labelled_line_of_links_above_the_statement_in_its_box_is_no_text(
    label, languages, body
):
    """A multilingual ministry sets the languages a release is in above its text, in the same
    box ("Read this release in: Hindi | Urdu"): which ones differ from release to release and
    day to day. An outside probe saw the line stored as the first paragraph of new releases."""
    links = " | ".join(f'<a href="/release/2087656?lang={i}">{t}</a>'
                       for i, t in enumerate(languages))  # fmt: skip
    html = _release_box(body, above=f'<div class="ReleaseLang">{label} {links}</div>')
    doc = extract_html(html, "https://pib.example/release/2087656")
    assert doc.paragraphs == tuple(body)


@pytest.mark.parametrize("body", [ONE_SENTENCE, BODY], ids=["one sentence", "long"])
def test_in_the_learned_region_a_list_of_documents_in_the_statement_stays(body):
    """Read in its source's region, a release keeps the documents its statement lists as
    links (a document added is an edit), and a line that tells a time before two links is a
    sentence, not a label."""
    adopted = ["ASEAN Leaders' Declaration on Mine Action",
               "Plan of Action to Implement the ASEAN-UN Comprehensive Partnership"]
    items = "".join(f'<li><a href="/documents/{i}.pdf">{t}</a></li>' for i, t in enumerate(adopted))
    watch = ('<p>Watch the press conference at 15:00 on <a href="https://youtube.example/">'
             'YouTube</a> or <a href="https://facebook.example/">Facebook</a>.</p>')
    html = _release_box([*body, "The Leaders adopted the following documents:"], ministry=False,
                        below=f"<ul>{items}</ul>{watch}", related="related")  # fmt: skip
    template = Template(regions=("html/body/div|content-area",))
    reading = read_html(html, "https://pib.example/release/2087656", template=template)
    assert reading.read_in == template.regions[0]
    assert reading.document.paragraphs == (
        *body, "The Leaders adopted the following documents:", *adopted,
        "Watch the press conference at 15:00 on YouTube or Facebook.",
    )  # fmt: skip


def test_the_headline_is_the_page_s_own_line_not_a_sidebar_link_to_it():
    """A hand-made page sets its headline in capitals (<p class="title"><b>) and, some days,
    lists the release in its sidebar's "Latest" links in title case; <title> agrees with both.
    The headline is the page's own line whatever the sidebar shows (an outside probe saw it
    flip with the sidebar, and each flip reported as an edit)."""
    headline = "ASEAN and the United Nations Review Progress on the Complementarities Initiative"

    def page(sidebar: bool) -> str:
        link = f'<a href="/press/1130.html">{headline}</a><br>' if sidebar else ""
        return (f"<html><head><title>ASEAN Secretariat - {headline}</title></head><body><table>"
                f"<tr><td class='col-left'><p>Latest News</p>{link}<a href='/press/1129.html'>"
                f"ASEAN Welcomes the Resolution</a></td><td class='content'><p class='title'><b>"
                f"{headline.upper()}</b></p><p>Jakarta, 30 November 2026</p><p>The ASEAN "
                "Secretariat hosted the Secretariat-to-Secretariat Meeting between ASEAN and "
                "the United Nations on Monday.</p></td></tr></table></body></html>")  # fmt: skip

    url = "https://asean.example/press/1130.html"
    with_link, without = extract_html(page(True), url), extract_html(page(False), url)
    assert with_link.title == without.title == headline  # in <title>'s case, not the page's
    assert headline.upper() not in with_link.paragraphs + without.paragraphs



def test_a_heading_run_into_the_lines_below_it_is_split_back():
    from lxml import html as lxml_html

    from monitor.extract.joined import _split_joined
    from monitor.extract.lines import _line_records

    tree = lxml_html.fromstring(
        "<html><body><article><h1>Cambodia Condemns Mines</h1><div>Posted on 29 November 2026"
        "</div><p>The Government condemns any use of mines.</p><ul><li><h3>Viktor ALMQVIST</h3>"
        "<p>Press Officer</p></li></ul></article></body></html>"
    )
    lines = _line_records(tree, skip_chrome=False)
    joined = ("Cambodia Condemns Mines Posted on 29 November 2026 The Government condemns any "
              "use of mines.")  # fmt: skip
    assert _split_joined((joined,), lines) == (
        "Cambodia Condemns Mines", "Posted on 29 November 2026",
        "The Government condemns any use of mines.")  # fmt: skip
    kept = ("- Viktor ALMQVIST Press Officer", "Posted on 29 November 2026 The Government "
            "condemns any use of mines.")  # fmt: skip
    assert _split_joined(kept, lines) == kept  # a list item; no heading runs into the text


def test_a_byline_above_the_statement_s_box_is_no_text():
    from lxml import html as lxml_html

    from monitor.extract.lines import _around_statement, _line_records

    statement = ("The Royal Government of Cambodia condemns any new use of anti-personnel mines "
                 "by any actor and calls on all States to join the Convention.")  # fmt: skip
    tree = lxml_html.fromstring(
        "<html><body><article><header><h1>Cambodia Condemns Mines</h1><div class='entry-meta'>"
        "Posted on November 29, 2026 by Spokesperson</div></header><div class='entry-content'>"
        f"<p>{statement}</p><p>Phnom Penh, 29 November 2026</p></div></article></body></html>"
    )
    lines = _line_records(tree, skip_chrome=False)
    byline, dateline = "Posted on November 29, 2026 by Spokesperson", "Phnom Penh, 29 November 2026"
    read = (byline, statement, dateline)
    assert _around_statement(read, lines) == read[1:]  # the dateline in its box stays


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("ผู้เข้าชม 4,212", None),  # Thai: visitors
        ("อ่าน 1,234 ครั้ง", None),  # Thai: read N times
        ("Affichages : 519", None),  # Joomla in French
        ("Lượt xem: 1.234", None),  # Vietnamese
        ("Publié le 3 décembre 2026 | Affichages : 519", None),  # a date line, as in English:
        ("Posted on 3 December 2026 | Views: 519", None),
        ("Publié le 3 décembre 2026 par le Porte-parole | Affichages : 519",
         "Publié le 3 décembre 2026 par le Porte-parole"),  # a byline loses its counter
        ("24 November 2026 · 1 min read · Page updated 2026-12-04", None),  # an outside probe
        ("8 days ago • 1 min read", None),  # a relative time: it changes by itself
        ("8 days ago— 1 min read", None),  # the same theme redesigned
        ("Ngày đăng: 05/11/2026 09:30 | Lượt xem: 1234", None),
        ("Talks between the two delegations resumed 3 days ago.", "same"),
        ("The statement was read 3 times in Parliament.", "same"),
        ("9 comments", None),  # a page builder's post footer (an outside probe)
        ("12 Likes", None),
        ("Dec 2, 2026 · 3 min read", None),  # a date and a counter
        ("1256 site visits", None),
        ("The minister read 3 comments from the audience.", "same"),
    ],
)
def test_counters_in_other_languages_are_no_text(line, kept):
    from monitor.extract.filters import _clean

    assert _clean([line]) == (() if kept is None else (line if kept == "same" else kept,))


def test_a_timestamp_above_the_prose_in_its_box_is_no_text_a_dateline_is():
    from lxml import html as lxml_html

    from monitor.extract.lines import _around_statement, _line_records

    prose = ["Ngày 2/12, phát biểu tại phiên thảo luận của Đại hội đồng Liên hợp quốc, Đại sứ kêu "
             "gọi cộng đồng quốc tế tăng cường hợp tác về bom mìn.",
             "Đại sứ cho biết bom mìn vẫn còn ảnh hưởng tới khoảng 5,6 triệu ha đất của cả nước."]
    for top, kept in (("Thứ Tư, 02/12/2026 21:10 (GMT+7)", False), ("Hà Nội, 2/12/2026", True)):
        tree = lxml_html.fromstring(
            f"<html><body><div class='detail-news'><span class='date'>{top}</span>"
            + "".join(f"<p>{p}</p>" for p in prose) + "</div></body></html>"
        )
        read = _around_statement((top, *prose), _line_records(tree, skip_chrome=False))
        assert read == ((top, *prose) if kept else tuple(prose)), top


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Posted on November 29, 2026 by Spokesperson", True),
        ("Thứ Tư, 02/12/2026 21:10 (GMT+7)", True),
        ("Last modified: 2024-07-01 16:10", True),
        ("ចុះផ្សាយនៅ ថ្ងៃច័ន្ទ ទី៣០ ខែវិច្ឆិកា ឆ្នាំ២០២៦ ដោយ អ្នកនាំពាក្យ", True),
        ("Press conference: Friday 5 December 2026, 10:00, Press Room B", False),
        ("Meeting postponed to 15 January 2027", False),
        ("Embargoed until 5 December 2026 10:00", False),
        ("Polling stations open on 5 December 2026 from 07:00 to 17:00", False),
        ("Phnom Penh, 3 December 2026", False),  # a dateline
        ("Hà Nội, ngày 03/12/2026", False),
        ("Jakarta, tanggal 3 Desember 2026", False),
        ("Sok Dara · 8 days ago • 1 min read", True),  # it reads otherwise tomorrow
        ("Press and Information Department · 3 hours ago", True),
        ("Council adopts the resolution by 14 votes", False),  # a subheading
        # Plone in French, its spans run together: "Par … — Publié le … Dernière modification …"
        ("Par Press Office —Publié le 4 décembre 2026 à 16h35Dernière modification 4 décembre "
         "2026 à 18h35", True),
    ],
)
def test_a_byline_is_a_date_with_a_byline_s_words_and_a_name_at_most(line, byline):
    """What `_around_statement` leaves out above the statement: never a line that says
    something of a date (an outside review: an advisory's "Press conference: … 10:00" dropped,
    so a new time was no edit)."""
    from monitor.extract.lines import _dates_the_page

    assert _dates_the_page(line) is byline


def test_one_link_below_the_statement_is_the_statement_s():
    from lxml import html as lxml_html

    from monitor.extract.lines import _around_statement, _line_records

    text = ("The Leaders adopted the following documents at the close of the Summit in "
            "Vientiane on Thursday, after two days of talks.")  # fmt: skip
    doc = "Vientiane Declaration on ASEAN-UN Cooperation in Mine Action (PDF)"
    tree = lxml_html.fromstring(
        f"<html><body><div class='entry-content'><p>{text}</p><p><a href='/docs/1.pdf'>{doc}"
        "</a></p></div></body></html>"
    )
    assert _around_statement((text, doc), _line_records(tree, skip_chrome=False)) == (text, doc)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (f"<title>{HEADLINE} | Ministry</title>", HEADLINE),
        (f'<meta property="og:title" content="{HEADLINE}"><title>Ministry</title>', HEADLINE),
        (f"<title>{HEADLINE.upper()} | Ministry</title>", HEADLINE.upper()),  # nothing else
    ],
)
def test_a_headline_in_capitals_takes_the_titles_case(head, expected):
    """The page sets its headline in capitals, <title> (or og:title) writes the same words
    in mixed case: that is the ministry's wording, the capitals are the layout's."""
    body = "".join(f"<p>{_plain(p)}</p>" for p in BODY)
    page = f"""<html lang="en"><head><meta charset="utf-8">{head}</head><body>
<h1>{HEADLINE.upper()}</h1><article>{body}</article></body></html>"""
    doc = extract_html(page, "https://mfaic.gov.kh/news/ministers-review-cooperation")
    assert doc.title == expected


def test_a_short_articles_header_run_into_its_text_is_split_back():
    """trafilatura joins a short article's kicker, headline, date, "1678 reads" and share bar
    into its first sentence; the run holds the headline, so it is the page's lines again and
    the counter and the buttons go (an outside probe saw every count reported as an edit)."""
    doc = extract_html(_read_html(AUDIT / "aspnet-kicker-joined.html"),
                       "https://dfa.example.ph/Pages/Hotline.aspx")  # fmt: skip
    assert doc.paragraphs == (
        "Filipinos in distress abroad may contact the 24-hour DFA consular hotline at "
        "+63 2 8651 9400.",
        "Messages may also be sent to the Office of the Undersecretary for Migrant Affairs "
        "through its official social media pages.",
    )


def test_a_date_only_in_a_linked_pages_address_is_not_the_pages():
    """A sidebar's link to /km/news/2026/10/071 dates another release; the page's own date is
    the one it writes (here in a span touching the view count's)."""
    html = _read_html(AUDIT / "khmer-glued-meta.html")
    assert "/km/news/2026/11/095" in html
    for sidebar in ("/km/news/2026/11/095", "/km/news/2026/10/071"):
        page = html.replace("/km/news/2026/11/095", sidebar)
        assert extract_html(page, "https://akp.example.kh/km/news/101").date == "2026-12-02"
    glued = html.replace("ថ្ងៃទី២ ខែធ្នូ ឆ្នាំ២០២៦", "").replace("/km/news/2026/11/095",
                                                                "/km/news/2026/10/071")
    assert extract_html(glued, "https://akp.example.kh/km/news/101").date is None


@pytest.mark.parametrize(
    ("byline", "date"),
    [
        ('by Press Office — <span class="documentPublished">published Nov 27, 2026 09:15 AM'
         '</span>, <span class="documentModified">last modified Dec 01, 2026 10:02 AM</span>',
         "2026-11-27"),  # Plone 5
        ("<span>Published: 01.12.2026</span> <span>Last modified: 04.12.2026 19:52</span>",
         "2026-12-01"),  # Plone 6
        ("<span>Last modified: 04.12.2026 19:52</span>", None),  # no publication date
        ("Posted on 3 December 2026 | Updated 4 December 2026", "2026-12-03"),
        ("20 November 2026 · 1 min read · Page updated 4 December 2026", "2026-11-20"),
        ("<span>Last built 4 December 2026 20:00</span>", None),  # a static site's build stamp
    ],
)
def test_a_byline_with_a_modified_date_gives_the_published_one(byline, date):
    """Plone's byline names both dates; the line was passed over for its "last modified", and
    the date came from the "Latest news" portlet, changing as it did."""
    body = "".join(f"<p>{_plain(p)}</p>" for p in BODY)
    portlet = "".join(f'<li><a href="/news/item-{d}">Minister receives the ambassador of '
                      f'country {d}</a> <span>Nov {d}, 2026</span></li>' for d in (24, 25, 26))
    page = f"""<html lang="en"><head><title>{HEADLINE} — Ministry</title></head><body>
<article id="content"><h1 class="documentFirstHeading">{HEADLINE}</h1>
<div class="documentByLine">{byline}</div><div id="parent-fieldname-text">{body}</div>
</article><aside id="portal-column-two"><section class="portlet"><header>Latest news</header>
<ul>{portlet}</ul></section></aside></body></html>"""
    doc = extract_html(page, "https://mfac.example.tl/news/ministers-review-cooperation")
    assert doc.date == date


@pytest.mark.parametrize("wrapper", ['aside class="read-more-wrap"', 'section class="more"'])
def test_a_byline_saying_how_long_ago_is_dated_by_its_time_element_not_a_cards(wrapper):
    """Ghost's byline says "2 days ago" and gives the date in its <time datetime>; the "Read
    more" cards below the article give theirs: the oldest card's was stored, changing with the
    random cards (an outside probe). A card's <time> is chrome (in an aside) or one of a
    list's repeated items; the byline's is the page's own."""
    body = "".join(f"<p>{_plain(p)}</p>" for p in BODY)
    cards = "".join(
        f'<article class="post-card"><a href="/news/{d}"><h2>Minister meets counterpart {d}'
        f'</h2></a><footer class="post-card-meta"><time class="post-card-meta-date" '
        f'datetime="2026-11-{d}">{34 - d} days ago</time></footer></article>'
        for d in (19, 22)
    )
    tag = wrapper.split()[0]
    page = f"""<html lang="en"><head><title>{HEADLINE}</title></head><body><main>
<article class="article post"><header><h1 class="article-title">{HEADLINE}</h1>
<div class="article-byline"><time class="byline-meta-date" datetime="2026-12-02">2 days ago
</time><span class="byline-reading-time">&bull; 2 min read</span></div></header>
<section class="gh-content">{body}</section></article></main>
<{wrapper}><h2>Read more</h2>{cards}</{tag}></body></html>"""
    doc = extract_html(page, "https://newsroom.example.kh/cambodia-to-host-retreat/")
    assert doc.date == "2026-12-02"
    assert not any("ago" in p or "min read" in p for p in doc.paragraphs)


def test_an_articles_own_footer_dates_it_and_a_sentence_is_no_byline():
    """An outside review: a <time> in the article's own footer (footer is a chrome tag) was
    no longer the page's, and "updated" in the body's first sentence let its date pass as
    the publication's under the byline rule."""
    body = "".join(f"<p>{_plain(p)}</p>" for p in BODY)
    others = "".join(f'<li><a href="/news/{d}">Other news {d}</a> <time datetime="2026-11-{d}">'
                     f"Nov {d}</time></li>" for d in (20, 21))  # fmt: skip
    page = (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>"
            f'<div class="entry-content">{body}</div><footer class="entry-footer">Posted '
            '<time datetime="2026-12-02T09:00+07:00">2 days ago</time></footer></article>'
            f"<aside><ul>{others}</ul></aside></body></html>")  # fmt: skip
    assert extract_html(page, "https://mfa.example.org/news/footer").date == "2026-12-02"
    first = "On 1 December 2026 the Ministry updated its travel advice for Japan."
    page = (f'<html><head><meta property="article:published_time" content="2026-12-03T08:00">'
            f"<title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>"
            f"<p>{first}</p>{body}</article></body></html>")  # fmt: skip
    assert extract_html(page, "https://mfa.example.org/news/advice").date == "2026-12-03"


def test_a_programme_of_several_days_is_text_not_a_byline():
    """A byline has a date or two; a line of three is a media advisory's programme, and a
    postponement there is an edit."""
    programme = "Monday 7 December 2026, Tuesday 8 December 2026 and Wednesday 9 December 2026"
    body = "".join(f"<p>{_plain(p)}</p>" for p in BODY)
    page = (f"<html><head><title>{HEADLINE}</title></head><body><article><h1>{HEADLINE}</h1>"
            f"<p>{programme}</p>{body}</article></body></html>")  # fmt: skip
    doc = extract_html(page, "https://mfa.example.org/news/advisory")
    assert programme in doc.paragraphs


_XINHUA_SHORT = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>Winter wheat sowing nearly complete_新华网</title></head><body><section class="xh-body">
<article class="xh-article"><h1 class="xh-title">Winter wheat sowing nearly complete</h1>
<div class="xh-meta"><time>2026-12-01 11:20:00</time><span class="xh-src">来源：新华网</span><span
class="xh-views">Views {views}</span><span class="xh-tools">字号 <button>A+</button>
<button>A-</button><button onclick="print()">打印</button></span></div>
<div class="xh-content"><p>The ministry said sowing of winter wheat is nearly complete and the
area has grown slightly.</p><p>Seedlings are in
good condition overall.</p></div></article><aside class="xh-related"><h2>相关新闻</h2><div><a
href="/politics/20261202/c3d4e5f6a7b8/c.html">我国成功发射新一代海洋观测卫星</a></div></aside>
</section></body></html>"""


def test_a_short_article_run_into_one_line_with_its_buttons_is_split_back():
    """trafilatura runs a short article's headline, meta line (time, source, views, the font
    size buttons "A+ A- 打印") and text into one line; the buttons, which the page's lines
    leave out, kept it from being split back, so every view count was an edit (an outside
    probe of a Xinhua-style agency). A form's controls are no text for the reader either."""
    for views in (25579, 95598):
        doc = extract_html(_XINHUA_SHORT.format(views=views), "https://news.example.cn/c.html")
        assert doc.paragraphs == (
            "The ministry said sowing of winter wheat is nearly complete and the area has grown "
            "slightly.",
            "Seedlings are in good condition overall.",
        )
        assert doc.title == "Winter wheat sowing nearly complete" and doc.date == "2026-12-01"


@pytest.mark.parametrize(
    ("title", "shown", "site"),
    [
        ("Tonga Government News: Public holiday notice", "Public holiday notice",
         "Tonga Government News"),  # Blogger
        ("我国成功发射新一代海洋观测卫星_新华网", "我国成功发射新一代海洋观测卫星", "新华网"),
        ("Statement: ASEAN-UN cooperation", "Statement: ASEAN-UN cooperation", "Ministry"),
    ],
)
def test_the_sites_name_joined_by_a_colon_or_an_underscore_is_no_part_of_the_title(
    title, shown, site
):
    """A redesign that set <title> otherwise made every release's title an edit (an outside
    probe: Blogger's "Blog: Post", a news agency's "Headline_新华网"); only a part that names
    the site goes."""
    body = "".join(f"<p>{_plain(p)}</p>" for p in BODY)
    page = (f'<html><head><title>{title}</title><meta property="og:site_name" content="{site}">'
            f'</head><body><header><h1 class="title"><a href="/">{site}</a></h1></header>'
            f'<div class="post"><h3 class="post-title">{shown}</h3><div class="post-body">{body}'
            "</div></div></body></html>")  # fmt: skip
    assert extract_html(page, "https://news.example.org/2026/12/post.html").title == shown


def test_chinese_paragraphs_are_prose():
    """Chinese sets no space after "。": its paragraphs were never prose, so a source's
    statement region was learned around an English copyright line and a real edit was missed
    (an outside probe)."""
    from monitor.extract.lines import _prose

    paragraph = "农业农村部消息，全国冬小麦播种已基本结束，播种面积稳中有增，苗情长势总体较好。"
    assert _prose(paragraph, None)
    assert not _prose("全国冬小麦播种基本结束", None)  # a headline


def test_myanmar_paragraphs_are_prose_and_their_pages_are_dated():
    """Myanmar ends a sentence with "။": without it its paragraphs were never prose (no
    statement region could be learned around them, as with Chinese before), and its dates,
    year first in Myanmar digits, were never read."""
    from monitor.extract.lines import _prose
    from monitor.text.words import SENTENCE_END

    paragraph = (
        "နိုင်ငံခြားရေးဝန်ကြီးဌာနသည် အာဆီယံနှင့် ကုလသမဂ္ဂ ပူးပေါင်းဆောင်ရွက်မှုဆိုင်ရာ "
        "အစည်းအဝေးကို နေပြည်တော်တွင် ကျင်းပခဲ့သည်။"
    )
    assert _prose(paragraph, None)
    assert SENTENCE_END.search(paragraph)
    assert not _prose("အာဆီယံ-ကုလသမဂ္ဂ ပူးပေါင်းဆောင်ရွက်မှု အစည်းအဝေး", None)  # a headline
    page = f"""<html lang="my"><head><title>သတင်း</title></head><body>
<header>၂၀၂၆ ခုနှစ် ဒီဇင်ဘာ ၅ ရက်</header><main><h1>အာဆီယံ အစည်းအဝေး</h1>
<div class="meta">၂၀၂၆ ခုနှစ် ဒီဇင်ဘာ ၁ ရက်</div><p>{paragraph}</p></main></body></html>"""
    assert extract_html(page, "http://127.0.0.1/news/1").date == "2026-12-01"


@pytest.mark.parametrize(
    "line",
    [
        "Sabtu, 5 Desember 2026 1 menit bacaDilihat 1.491 kali",  # spans set side by side
        "Dikemaskini pada: 05 Disember 2026 11:48:39",
        "Jumlah Pelawat: 1,234,567",
        "ကြည့်ရှုသူ ၅၃၆",
        "ယနေ့ - ၂၀၂၆ ခုနှစ်၊ ဒီဇင်ဘာလ ၆ ရက်၊ တနင်္ဂနွေနေ့ ၀၉:၂၃:၄၇ နာရီ",
        "ထုတ်ပြန်သည့်ရက် - ၀၅-၁၂-၂၀၂၆ · ကြည့်ရှုမှု ၅၆၄",
        "ວັນທີ 5 ທັນວາ 2026 · ຍອດເບິ່ງ: ໓໘໖",
        "Philippine Standard Time: Saturday, December 05, 2026, 07:00:13 AM",
        # and in the languages of the UN's press pages
        "Обновлено: 5 декабря 2026 г., 10:15",
        "Просмотров: 1 234",
        "عدد المشاهدات: ١٢٣٤",
        "الخميس ٣ ديسمبر ٢٠٢٦ م - ١٤ جمادى الآخرة ١٤٤٨ هـ",
        "Publicado el 3 de diciembre de 2026",
        "Mis à jour le 4 décembre 2026 à 10:12",
        "Aktualisiert am 4. Dezember 2026 um 10:12 Uhr",
        "조회수 1,234",
        "2026년 12월 5일 (토) 07:02",
    ],
)
def test_clocks_and_counters_of_asean_ministries_are_chrome(line):
    """Header clocks, "last updated" lines and counters in Malay, Indonesian, Lao and Myanmar
    (an outside probe): each was read into a short release and made a false edit when it
    changed."""
    from monitor.extract.filters import _clean

    assert _clean([line]) == ()


@pytest.mark.parametrize(
    "line",
    [
        "05 Des 2026 • 09:30 WIB · 1 menit baca · 1.497x dilihat",
        "28/11/2026 ໂດຍ ກົມຂ່າວ ຍອດເບິ່ງ: ໓໘໖",
    ],
)
def test_bylines_that_count_change_by_themselves(line):
    from monitor.extract.filters import changes_by_itself

    assert changes_by_itself(line)


def test_a_two_word_headline_that_title_confirms_is_the_headline():
    """A short release ("Ucapan Takziah", condolences) whose <title> adds the ministry's name:
    its two-word headline was taken for a section's name, so the release was stored with
    the whole <title> as its title (a false edit when a redesign dropped the name) and a
    sidebar item's date (an outside probe of a Malaysian ministry)."""
    page = """<html lang="ms"><head><title>Ucapan Takziah | Kementerian Luar Negeri Malaysia
</title></head><body>
<nav><a class="navbar-brand" href="/ms/"><span>KEMENTERIAN LUAR NEGERI MALAYSIA</span></a>
<a href="/ms/">Utama</a> <a href="/ms/kenyataan-media">Kenyataan Media</a></nav>
<div class="row"><div class="col-lg-9"><h3 class="kenyataan-title">Ucapan Takziah</h3>
<p class="kenyataan-date">5 Disember 2026</p>
<div class="kenyataan-content"><p>Kerajaan Malaysia merakamkan ucapan takziah kepada Kerajaan
dan rakyat Republik Singapura atas pemergian Mantan Presiden Singapura.</p></div></div>
<div class="col-lg-3"><div class="card-header">Kenyataan Terkini</div><ul>
<li><a href="/ms/k?id=4142">Travel Advisory: Typhoon in the Philippines</a><br>
<small>26 November 2026</small></li>
<li><a href="/ms/k?id=4128">Kenyataan Akhbar Mengenai Pertemuan Menteri Luar Negeri</a><br>
<small>30 November 2026</small></li></ul></div></div>
<footer><h6>Kementerian Luar Negeri Malaysia</h6><p>Hakcipta Terpelihara © 2026 Kementerian
Luar Negeri Malaysia.</p></footer></body></html>"""
    doc = extract_html(page, "https://www.kln.gov.my/ms/kenyataan-media/papar?id=4156")
    assert doc.title == "Ucapan Takziah"
    assert doc.date == "2026-12-05"


def test_a_korean_byline_is_a_byline_and_sheds_its_counter():
    """"2026.12.05." closes with the date's own dot, no sentence's end; and spans set side by
    side put the counter's label right after it ("2026.12.05.조회 3,434")."""
    from monitor.extract.filters import _clean
    from monitor.extract.lines import _dates_the_page

    assert _dates_the_page("국제기구국 등록일 2026.12.05.")
    assert not _dates_the_page("Meeting postponed to 15 January 2027.")
    assert _clean(["국제기구국등록일 2026.12.05.조회 3,434"]) == ("국제기구국등록일 2026.12.05.",)
    assert _clean(["Comments are turned off. 146 views"]) == ("Comments are turned off.",)


def test_a_one_word_headline_that_title_confirms_is_the_headline():
    """"تهنئة" (congratulations) as the <h1>, "تهنئة - وزارة الخارجية" as <title>: one word
    confirmed only by itself was refused, and the release titled with the ministry's name
    (an outside probe of an Arabic ministry)."""
    page = """<html lang="ar" dir="rtl"><head><title>تهنئة - وزارة الخارجية</title></head>
<body><header><a href="/ar/" class="logo">وزارة الخارجية</a><nav><a href="/ar/">الرئيسية</a>
</nav></header><main><h1 class="news-title">تهنئة</h1>
<div class="news-meta"><span class="date">السبت 5 ديسمبر 2026</span></div>
<div class="news-body"><p>تتقدم وزارة الخارجية بأصدق التهاني إلى حكومة وشعب جمهورية فنلندا
بمناسبة العيد الوطني.</p></div></main>
<footer><p>جميع الحقوق محفوظة © ٢٠٢٦ وزارة الخارجية</p></footer></body></html>"""
    doc = extract_html(page, "https://www.mofa.gov.example/ar/news/4156.aspx")
    assert (doc.title, doc.date) == ("تهنئة", "2026-12-05")



def test_a_list_of_dated_links_above_the_headline_does_not_date_the_page():
    """A redesigned Drupal press room set "Related news" (titles and dates) above the
    headline and the release's own date below its body: the last related item's date, just
    above the headline, was taken for the release's (an outside probe; the listing's date
    serves when the page gives none)."""
    page = (Path(__file__).parent / "data" / "probes" / "drupal-related-above-headline.html")
    doc = extract_html(page.read_text(), "https://un.example/es/comunicados/hambre-america-latina")
    assert doc.title.startswith("El hambre en América Latina")
    assert doc.date not in {"2026-11-28", "2026-11-30", "2026-12-01", "2026-12-05"}


@pytest.mark.parametrize("back", ["Back to top", "ページの先頭へ戻る", "返回顶部", "맨 위로"])
def test_a_link_to_the_top_of_the_page_is_no_text(back):
    """A link to a place on its own page, alone in its block, is the page's ("Back to top"
    under each section: an outside probe saw a Japanese ministry's in a stored text and then
    in an edit's diff); a heading that links to itself and an in-page link in a sentence
    stay, in whatever inline element, and so does a footnote's mark (an outside review)."""
    first = ("The Ministry of Foreign Affairs and International Cooperation welcomes the "
             "adoption of the resolution on cooperation between the United Nations and ASEAN.")
    second = "The two ministers also discussed demining along the border and regional security."
    annex = "The resolution was adopted by consensus and its text is in the annex below."
    linked = annex.replace("the annex", '<em><a href="#annex">the annex</a></em>')
    noted = "The programme was agreed at the summit in October.1 It will be reviewed in a year."
    footnote = noted.replace(".1", '.<sup><a href="#fn1">1</a></sup>')
    html = f"""<html><body><div id="main"><div class="title1"><h1>Statement on the
resolution</h1></div><div class="rightalign">3 December 2026</div><div class="main-cnt">
<h2 class="title2"><a href="#bilateral">1 Bilateral relations</a></h2><p>{first}</p>
<p class="page-top"><a href="#pagetop">{back}</a></p><h2 class="title2">2 Regional issues</h2>
<p>{second}</p><p>{linked}</p><p>{footnote}</p><h3><span><a href="#annex">Annex: eligible
countries</a></span></h3><p>{first}</p></div><p class="page-top"><a href="#pagetop">{back}</a>
</p></div>
<div id="footer"><p>Copyright Ministry of Foreign Affairs</p></div></body></html>"""
    url = "https://mfa.example/news/resolution"
    statement = ("1 Bilateral relations", first, "2 Regional issues", second, annex, noted,
                 "Annex: eligible countries", first)  # fmt: skip
    assert extract_html(html, url).paragraphs == statement
    # read in the source's learned region, as the monitor's own walk reads it
    region = Template(regions=("html/body/div/div|main-cnt",))
    reading = read_html(html, url, template=region)
    assert reading.read_in == region.regions[0]
    assert reading.document.paragraphs == statement


@pytest.mark.parametrize("when", ["yesterday’s earthquake", "the earthquake 3 days ago"])
def test_a_one_sentence_release_that_says_yesterday_is_read(when):
    """"Yesterday" or "three days ago" in a byline changes by itself; in a sentence it is the
    statement's word (an outside probe: a one-sentence release read as its byline and
    contacts, its sentence taken for a timestamp above them)."""
    sentence = f"Canada offers its deepest condolences to the people of Vanuatu after {when}."
    html = f"""<html lang="en"><head><title>Statement on the earthquake in Vanuatu</title></head>
<body><main><section><h1>Statement on the earthquake in Vanuatu</h1><div class="byline"><strong>
From:</strong> Global Affairs Canada · News release · Ottawa, Ontario</div><div>{sentence}</div>
<h2>Contacts</h2><div>Media Relations Office, Global Affairs Canada, 343-203-7700,
media@international.gc.ca</div></section></main></body></html>"""
    doc = extract_html(html, "https://www.example.gc.ca/en/news/2026/12/vanuatu.html")
    assert sentence in doc.paragraphs


def test_a_design_system_s_custom_elements_are_read_as_the_html_they_stand_for():
    """The GC Design System sets a page in custom elements: <gcds-heading tag="h1">, a
    <gcds-text> a paragraph, <gcds-link> in a sentence. Read as unknown inline tags, the
    headline, byline and paragraphs ran into one line (an outside probe: every release of a
    redesigned Canada.ca site reported edited)."""
    first = ("The Minister of Foreign Affairs today announced new funding for mine action in "
             "Cambodia, supporting the clearance of landmines and explosive remnants of war.")
    second = "The funding will help the Cambodian Mine Action Centre clear 12 provinces by 2030."
    linked = second.replace("the Cambodian Mine Action Centre",
                            '<gcds-link href="/cmac">the Cambodian Mine Action Centre</gcds-link>')
    html = f"""<html lang="en"><head><title>Minister announces mine action funding - Canada.ca
</title></head><body><gcds-header><gcds-breadcrumbs><gcds-breadcrumbs-item href="/">Canada.ca
</gcds-breadcrumbs-item></gcds-breadcrumbs></gcds-header><gcds-container tag="main">
<gcds-heading tag="h1">Minister announces mine action funding</gcds-heading><gcds-text
size="small"><strong>From:</strong> <gcds-link href="/gac">Global Affairs Canada</gcds-link> ·
<time datetime="2026-12-03">December 3, 2026</time></gcds-text><gcds-text>{first}</gcds-text>
<gcds-text>{linked}</gcds-text><gcds-date-modified>2026-12-05</gcds-date-modified>
</gcds-container><gcds-footer></gcds-footer></body></html>"""
    doc = extract_html(html, "https://www.canada.example/en/news/2026/12/mine-action.html")
    assert (doc.title, doc.date) == ("Minister announces mine action funding", "2026-12-03")
    assert doc.paragraphs[-2:] == (first, second)


_SIGNED = ("The agreement was signed on 3 December between the two governments and enters into "
           "force next month, both sides said in a joint statement.")
_WELCOMED = ("The Minister welcomed the delegation of Japan to Phnom Penh for talks on trade and "
             "the protection of workers.")


@pytest.mark.parametrize(("plain", "marked"), [
    (_SIGNED, _SIGNED.replace("3 December", "<time-ago>3 December</time-ago>")),
    (_SIGNED, _SIGNED.replace("3 December", "<x-date>3 December</x-date>")),
    (_SIGNED, _SIGNED.replace("enters into force",
                              '<ds-text tag="strong">enters into force</ds-text>')),
    (_WELCOMED, _WELCOMED.replace("Japan", "<st1:country-region><st1:place>Japan</st1:place>"
                                  "</st1:country-region>")),
])  # fmt: skip
def test_custom_elements_in_running_text_and_word_s_tags_stay_in_their_sentence(plain, marked):
    """A custom element in a sentence (`<time-ago>`), one whose `tag` names an inline element and
    Word's namespaced smart tags (`<st1:place>`) are no blocks (an outside review: sentences
    cut into pieces)."""
    other = _WELCOMED if plain == _SIGNED else _SIGNED
    html = f"""<html><head><title>Welcome of the agreement | MFA</title></head><body><main>
<h1>Welcome of the agreement</h1><p>{marked}</p><p>{other}</p></main></body></html>"""
    assert extract_html(html, "https://mfa.example/news/1").paragraphs == (plain, other)


@pytest.mark.parametrize("line", [
    "This page was last updated 3 days ago.", "Last updated 3 days ago by the Press Office.",
    "This statement was posted yesterday by the Spokesperson.",
    "Mis à jour il y a 3 jours par le service de presse.",
])  # fmt: skip
def test_a_byline_written_as_a_sentence_still_changes_by_itself(line):
    assert changes_by_itself(line)


def test_a_sentence_that_says_yesterday_does_not_change_by_itself():
    assert not changes_by_itself("The agreement was signed yesterday by both ministers.")


def test_the_site_s_name_in_a_home_link_does_not_title_a_page():
    """<title> "20 Clever Ideas … - The Postpartum Party" and the site's name in its logo's
    link: that line is a part of <title> but no headline (a differential run over the real
    pages found it)."""
    html = """<html><head><title>Clever ideas for a small nursery - The Postpartum Party</title>
</head><body><header><p class="site-title"><a href="https://party.example/">The Postpartum
Party</a></p></header><div class="entry"><p>Setting up a nursery in a small space takes some
planning, but a few clever ideas make the most of every corner of the room.</p></div></body>
</html>"""
    doc = extract_html(html, "https://party.example/small-nursery/")
    assert doc.title != "The Postpartum Party"


def test_a_section_s_name_in_the_title_does_not_title_a_page_with_a_headline():
    """<title> "Press Releases - Ministry …" and a plain line "Press Releases": the page's
    <h1> is the headline (an outside review)."""
    html = """<html><head><title>Press Releases - Ministry of Foreign Affairs and International
Cooperation</title></head><body><div class="section">Press Releases</div><main><h1>Minister
meets the Ambassador of Japan</h1><p>The Minister of Foreign Affairs received the Ambassador of
Japan on Wednesday to discuss cooperation in trade, investment and infrastructure.</p></main>
</body></html>"""
    doc = extract_html(html, "https://mfa.example/news/12")
    assert doc.title == "Minister meets the Ambassador of Japan"


@pytest.mark.parametrize("counts", [True, False])
def test_a_short_release_beside_a_most_read_list_is_read_not_the_list(counts):
    """A Liferay portal sets a three-sentence release beside a "most read" column whose every
    title carries its view count ("(127 προβολές)"): trafilatura's lengths chose that list,
    and the headline above it, over the statement (an outside probe: a source's first
    releases stored as the list). The page is then read without its narrow side column; every
    copy of the headline above the text goes (one for screen readers, one on screen)."""
    page = (Path(__file__).parent / "data" / "probes" / "liferay-greek-most-read-sidebar.html")
    html = page.read_text()
    if not counts:
        html = re.sub(r" \(\d+ προβολές\)", "", html)
    doc = extract_html(html, "https://mfa.example.gr/web/guest/deltia-typou/-/visit")
    assert doc.title == "Επίσκεψη του Υπουργού Εξωτερικών στη Λευκωσία"
    assert doc.date == "2026-12-03"
    assert doc.paragraphs == (
        "Ο Υπουργός Εξωτερικών θα μεταβεί στη Λευκωσία την Πέμπτη, όπου θα συναντηθεί με τον "
        "Πρόεδρο της Κυπριακής Δημοκρατίας.",
        "Θα έχει επίσης συνάντηση με τον Κύπριο ομόλογό του για τον συντονισμό ενόψει του "
        "Ευρωπαϊκού Συμβουλίου.",
        "Άρθρο του Υπουργού για τις ελληνοκυπριακές σχέσεις θα δημοσιευθεί την ίδια ημέρα.",
    )


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Date:", True),  # a byline's label, its date read from a <time> of its own line
        ("Published on:", True),
        ("Today", False),  # a word alone may be a heading: only a label with its colon goes
        ("| Date | Time | Venue |", False),  # a table's head
        ("Date and venue to be announced", False),
        ("- 1 minute read - 37 words", True),  # a Hugo theme's reading time and length
        ("Reading time: 3 minutes", True),
        ("Popularité : 43 % · 550 visites", True),  # SPIP's popularity and visits
        ("The meeting lasted 45 minutes.", False),
        ("Turnout: 43 %", False),
        ("Filed under:HealthRefugees", True),  # Plone's tag links set side by side
        ("Classé sous : Climat, Urgences", True),
        ("Tags: ASEAN, UN, Mine action", True),
        ("标签：东盟 联合国", True),
        ("分享", True),  # a share button's label
        ("Teilen | Drucken | E-Mail", True),
        ("Keywords: the ministers agreed to meet again in March.", False),  # a sentence
        ("Tagesordnung: Sitzung des Ausschusses", False),
        ("Topic: Outcomes of the 47th ASEAN Summit and Related Summits", False),  # an advisory
        ("Category: Best Young Entrepreneur (Agriculture)", False),
    ],
)
def test_a_line_of_tags_or_share_buttons_in_any_language_is_chrome(line, chrome):
    """An outside probe of a Plone news room: "Filed under:" and "Classé sous:" were stored as
    the statement's last line, and the redesign that set them apart reported every release
    edited; an AEM page's "分享" stayed below a one-sentence release."""
    from monitor.extract.filters import _is_chrome

    assert _is_chrome(line) is chrome
