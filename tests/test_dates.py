"""The one date reader (monitor.text.dates): dates as ministries write them in a release and
beside a listing's items, and the one rule for reading 04/05/2015."""

from __future__ import annotations

import pytest

from monitor.extract import parse_date
from monitor.text.dates import (
    date_matches,
    first_date,
    leading_dates,
    month_first_by_default,
    numeric_order,
    without_dates,
)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("24 April, 2026", "2026-04-24"),
        ("28-April-2026", "2026-04-28"),
        ("21 October 2020", "2020-10-21"),
        ("the 21st of October 2020", "2020-10-21"),
        ("Posted on: Friday, 24 April 2026 10:32", "2026-04-24"),
        ("April 24, 2026", "2026-04-24"),
        ("Sept. 3rd, 2025", "2025-09-03"),
        ("2026-04-24T09:00:00+07:00", "2026-04-24"),
        ("24/04/2026", "2026-04-24"),
        ("24.04.2026", "2026-04-24"),
        ("12. November 2021", "2021-11-12"),
        ("3 avril 2026", "2026-04-03"),
        ("24\u00a0April\u00ad 2026", "2026-04-24"),  # no-break space, soft hyphen
        ("ថ្ងៃទី២៤ ខែមេសា ឆ្នាំ២០២៦", "2026-04-24"),
        ("ថ្ងៃព្រហស្បតិ៍ ១៣កើត ខែចេត្រ ឆ្នាំម្សាញ់ ត្រូវនឹងថ្ងៃទី១០ ខែមេសា ឆ្នាំ២០២៥", "2025-04-10"),
        ("๒๔/๐๔/๒๐๒๖", "2026-04-24"),  # Thai digits
        ("ວັນທີ 3 ທັນວາ 2026", "2026-12-03"),  # Lao
        ("ວັນທີ ໓ ທັນວາ ໒໐໒໖", "2026-12-03"),  # Lao digits
        ("၂၀၂၆ ခုနှစ် ဒီဇင်ဘာ လ ၃ ရက်", "2026-12-03"),  # Myanmar: year, month, day
        ("၂၀၂၆ ခုနှစ်၊ ဇန်နဝါရီ ၁၅ ရက်", "2026-01-15"),
        ("၃.၁၂.၂၀၂၆", "2026-12-03"),  # Myanmar digits
        ("3 de diciembre de 2026", "2026-12-03"),  # Spanish and Portuguese: "de"
        ("el 1 de mayo del 2026", "2026-05-01"),
        ("5 декабря 2026 г.", "2026-12-05"),  # Russian
        ("٥ ديسمبر ٢٠٢٦", "2026-12-05"),  # Arabic, Arabic-Indic digits
        ("الخميس 3 كانون الأول 2026", "2026-12-03"),  # Levantine month names
        ("05 Des 2026", "2026-12-05"),  # Indonesian abbreviation
        ("2026년 12월 5일 (토) 07:02", "2026-12-05"),  # Korean
        ("국제기구국 등록일 2026.12.05.", "2026-12-05"),
        ("31 February 2026", None),
        ("the mayor said in 2026", None),
        ("No date here", None),
        ("24/04/26", None),  # in a release's text, as often a reference number
        ("2026年4月24日", "2026-04-24"),  # Chinese and Japanese
        ("２０２６年１２月４日", "2026-12-04"),  # full-width digits
        ("令和8年12月4日", "2026-12-04"),  # a Japanese era's year
        ("令和元年5月1日", "2019-05-01"),  # its first year
        ("平成31年4月30日", "2019-04-30"),
        ("2026年度予算", None),  # a fiscal year
        ("Hà Nội, ngày 05 tháng 12 năm 2026", "2026-12-05"),  # Vietnamese
        ("25 листопада 2026 о 16:00", "2026-11-25"),  # Ukrainian
        ("4 Aralık 2026 Cuma", "2026-12-04"),  # Turkish
        ("۴ دسامبر ۲۰۲۶", "2026-12-04"),  # Persian names of the Gregorian months
        # Solar Hijri (Jalali) dates, in Persian text only
        ("تاریخ انتشار: دوشنبه ۲ آذر ۱۴۰۵ - ۱۰:۰۰", "2026-11-23"),
        ("۱ فروردین ۱۴۰۳", "2024-03-20"),  # Nowruz
        ("۱۴۰۵/۰۹/۱۴", "2026-12-05"),
        ("1405/09/14", None),  # no Persian around it: a number
        ("۳۱ اسفند ۱۴۰۵", None),  # 1405 is no leap year: Esfand has 29 days
        # a lunar Hijri year (Arabic, marked هـ) is no Jalali one: the Gregorian date beside it
        ("الرياض 1447/06/13هـ الموافق 4 ديسمبر 2025", "2025-12-04"),
        ("الأحد 1447/06/13هـ - 2025/12/04م", "2025-12-04"),
        ("تاریخ اشاعت: 1447/06/13ھ", None),  # Urdu, marked lunar
        ("۱۳ آذر ۱۴۰۵ هـ.ش", "2026-12-04"),  # "ه.ش": solar
        ("تاريخ: 1405/09/13", "2026-12-04"),  # an older CMS's Arabic yeh, ASCII digits
        ("13 آذر 1405", "2026-12-04"),
        ("Τετάρτη, 3 Δεκεμβρίου 2026 10:32", "2026-12-03"),  # Greek
        ("ΑΘΗΝΑ, 3 ΔΕΚΕΜΒΡΙΟΥ 2026", "2026-12-03"),  # capitals drop the accents
        ("15 ΜΑΪΟΥ 2026", "2026-05-15"),
        ("ירושלים, 3 בדצמבר 2026", "2026-12-03"),  # Hebrew: "ב" before the month
        ("Le 3 déc. 2026", "2026-12-03"),  # French abbreviations
        ("12 janv. 2026", "2026-01-12"),
        ("Roma, 3 dicembre 2026", "2026-12-03"),  # Italian
        ("12 gennaio 2026", "2026-01-12"),
        ("Den Haag, 3 maart 2026", "2026-03-03"),  # Dutch
        # a weekday in another language orders a numeric date
        ("τρίτη 11/10/2026", "2026-11-10"),
        ("martedì 11/10/2026", "2026-11-10"),
        ("dinsdag 11/10/2026", "2026-11-10"),
        ("יום שלישי 11/10/2026", "2026-11-10"),
        ("৩ ডিসেম্বর ২০২৬", "2026-12-03"),  # Bengali, in Bengali digits
        ("২০২৬-১২-০৩", "2026-12-03"),
        ("3 दिसंबर 2026", "2026-12-03"),  # Hindi
        ("3 желтоқсан 2026", "2026-12-03"),  # Kazakh
        ("2026 жылғы 3 желтоқсан", "2026-12-03"),
        ("2026 оны 12 сарын 3", "2026-12-03"),  # Mongolian: the month by its number
        ("2026 оны 12 дугаар сарын 03", "2026-12-03"),
        ("সরকারের নামে 15, 2026 সালে", None),  # "মে" (May) is no month inside "নামে"
    ],
)
def test_dates_in_a_release(written, iso):
    assert parse_date(written) == iso


def test_a_release_reads_ambiguous_numeric_dates_day_first_unless_told():
    assert parse_date("2/11/2026") == "2026-11-02"
    assert parse_date("2/11/2026", month_first=True) == "2026-02-11"
    assert parse_date("24/04/2026", month_first=True) == "2026-04-24"  # cannot be month first
    assert parse_date("Tue, 11/10/2026") == "2026-11-10"  # only month first is a Tuesday
    assert parse_date("Sun, 11/10/2026", month_first=True) == "2026-10-11"  # only day first


@pytest.mark.parametrize(
    ("text", "month_first", "iso"),
    [
        ("24 April, 2026", None, "2026-04-24"),
        ("Posted Apr. 14th, 2015 | News", None, "2015-04-14"),
        ("Tuesday, 14 Apr 2015", None, "2015-04-14"),
        ("14/04/2015", None, "2015-04-14"),
        ("2015-04-14T10:00:00+07:00", None, "2015-04-14"),
        ("2015/04/14", None, "2015-04-14"),
        ("Published: 2/10/2026", None, "2026-02-10"),
        ("04/05/2015", False, "2015-05-04"),
        ("04/05/2015", True, "2015-04-05"),
        ("06.10.2017", None, "2017-10-06"),
        ("05.19.15", None, "2015-05-19"),
        ("12/01/98", False, "1998-01-12"),
        ("Montag, 9. Oktober 2017", None, "2017-10-09"),
        ("២៤ មេសា ២០២៦", None, "2026-04-24"),
        ("2026年4月24日", None, "2026-04-24"),
        ("ngày 24 tháng 4 năm 2026", None, "2026-04-24"),
        ("17 Ogos 2025", None, "2025-08-17"),
        ("31/02/2026", None, None),
        ("version 1.2.3 released", None, None),
        ("Room 12, 3rd floor", None, None),
        ("at 10:24/04/2026", None, None),
    ],
)
def test_dates_beside_a_listings_items(text, month_first, iso):
    assert first_date(text, month_first=month_first, listing=True) == iso


def test_spans_are_the_texts_own_with_other_digits():
    text = "Phnom Penh ថ្ងៃទី២៤ ខែមេសា ឆ្នាំ២០២៦ and 1 May 2026"
    found = sorted((m.start, m.end, m.iso) for m in date_matches(text))
    assert [text[a:b] for a, b, _ in found] == ["២៤ ខែមេសា ឆ្នាំ២០២៦", "1 May 2026"]
    assert [iso for _, _, iso in found] == ["2026-04-24", "2026-05-01"]


def test_dates_blanked_and_leading_dates():
    assert without_dates("Posted 24 April 2026 | 2026-04-25").split() == ["Posted", "|"]
    title = "27.01.2022Mineralöl INFO"
    assert [title[end:] for end in leading_dates(title)] == ["Mineralöl INFO"]
    assert leading_dates("Statement of 27.01.2022") == []


@pytest.mark.parametrize(
    ("text", "listing", "order"),
    [
        ("11/26/2025 and 12/01/2025", False, True),  # one date only month first allows
        ("26/11/2025 and 01/12/2025", False, False),
        ("01/12/2025 and 02/12/2025", False, None),  # nothing tells
        ("26/11/25 and 01/12/25", False, None),  # two-digit years are a listing's
        ("26/11/25 and 01/12/25", True, False),
        ("១១/២៦/២០២៥", False, True),
    ],
)
def test_a_pages_unambiguous_dates_set_its_order(text, listing, order):
    assert numeric_order(text, listing=listing) is order


@pytest.mark.parametrize(
    ("lang", "host", "month_first"),
    [
        ("en-US", "example.org", True),
        ("en_us", "example.org", True),
        ("en", "www.state.gov", True),
        ("en-GB", "www.gov.uk", False),
        ("km", "www.mfaic.gov.kh", False),
        ("", "example.org", False),
    ],
)
def test_without_dates_that_tell_us_pages_write_the_month_first(lang, host, month_first):
    assert month_first_by_default(lang, host) is month_first


def test_a_date_written_for_machines_too_tells_the_page_s_order():
    """A SharePoint page on a day-first site writes `<time datetime="2026-11-04">11/4/2026`:
    the byline is 4 November, not 11 April (an outside probe found the stored date flipped,
    and the revisit schedule with it)."""
    from monitor.extract import extract_html

    html = ("<html><head><title>Secretary of State Receives Ambassador | Ministry</title></head>"
            "<body><main><h1>Secretary of State Receives Ambassador</h1><div class='byline'>"
            "<time datetime='2026-11-04'>11/4/2026</time></div><p>The Secretary of State of the "
            "Ministry received the Ambassador of Viet Nam to discuss cooperation on mine action "
            "and the clearance of explosive remnants of war.</p></main></body></html>")  # fmt: skip
    assert extract_html(html, "https://mop.gov.kh/Pages/News/002.aspx").date == "2026-11-04"
    assert extract_html(html.replace("11/4/2026", "4/11/2026"),
                        "https://mop.gov.kh/Pages/News/002.aspx").date == "2026-11-04"  # fmt: skip


def test_the_page_s_own_unambiguous_dates_outvote_a_widget_s_time():
    """An events widget (a US plugin) writes `<time datetime="2026-12-03">12/3/2026</time>`
    on a day-first page whose text has 25/11/2026: the byline 04/11/2026 is 4 November (an
    outside review found the widget's order winning)."""
    from monitor.extract import extract_html

    html = ("<html lang='en-GB'><head><title>Minister receives delegation | Ministry</title>"
            "</head><body><aside><h3>Upcoming events</h3><time datetime='2026-12-03'>12/3/2026"
            "</time> Embassy reception</aside><main><h1>Minister receives delegation</h1><div>"
            "Published 04/11/2026</div><p>The Ministry received the delegation on 25/11/2026 "
            "and again on 28/11/2026 to discuss the agreement on mine action.</p></main>"
            "</body></html>")  # fmt: skip
    assert extract_html(html, "https://www.mfa.gov.uk.example/news/delegation").date == (
        "2026-11-04")


DRUPAL_BYLINE = (
    "<html lang='en'><head><title>ASEAN-UN officials meet | Agency</title></head><body><main>"
    "<h1>ASEAN-UN officials meet on peacekeeping training</h1><div class='meta submitted'>"
    "<span property='dc:date dc:created' content='2026-12-03T13:21:00+07:00'>Submitted by "
    "<span class='username'>Lim Nary</span> on Thu, 12/03/2026 - 13:21</span></div>"
    "<div class='field-body'><p>Senior officials of ASEAN and the United Nations met in "
    "Jakarta to review training for peacekeepers and cooperation on mine action.</p></div>"
    "</main></body></html>"
)


def test_a_byline_s_machine_twin_tells_its_order():
    """Drupal 7 writes its byline month first ("Thu, 12/03/2026 - 13:21"; 12 March and 3
    December 2026 are both Thursdays) with an RDFa twin content="2026-12-03T13:21": the
    release is of 3 December. An outside probe saw it stored as 12 March, so it was never
    revisited and its removal and edit were missed."""
    from monitor.extract import extract_html

    assert extract_html(DRUPAL_BYLINE, "http://agency.example/en/node/12").date == "2026-12-03"
    bare = DRUPAL_BYLINE.replace(" content='2026-12-03T13:21:00+07:00'", "")
    assert extract_html(bare, "http://agency.example/en/node/12").date == "2026-03-12"
    dated = "http://agency.example/en/news/2026/12/03/asean-un-officials-meet"
    assert extract_html(bare, dated).date == "2026-12-03"  # the URL's date is its twin too


def test_twins_vote_only_on_dates_with_two_readings():
    from monitor.text.dates import iso_days, order_by_twins

    machine = iso_days(["2026-12-03T13:21:00+07:00", "/en/news/2026/11/04/x", "2026"])
    assert machine == {"2026-12-03", "2026-11-04"}
    assert order_by_twins("on 12/03/2026 - 13:21", machine) is True
    assert order_by_twins("on 4/11/2026", machine) is False
    assert order_by_twins("on 25/11/2026 and 3/3/2026", machine) is None
    assert order_by_twins("on 12/03/2026", set()) is None


def test_thai_dates_in_the_buddhist_era():
    from monitor.text.dates import first_date

    assert first_date("3 ธันวาคม 2569") == "2026-12-03"
    assert first_date("วันที่ 4 ธ.ค. 2569") == "2026-12-04"
    assert first_date("4 ธันวาคม พ.ศ. 2569") == "2026-12-04"
    assert first_date("๔ ธันวาคม ๒๕๖๙") == "2026-12-04"  # Thai digits
    # a Buddhist Era year only in Thai: these are a number and a decision's reference
    assert first_date("Since 3 March 2500 refugees have returned home.") is None
    assert first_date("Decision No. 25/12/2545") is None


def test_a_date_in_words_tells_the_order_of_its_numeric_twin():
    """SharePoint says en-US on a day-first site: the byline's 04/12/2026 is 4 December where
    the statement ends "04 DECEMBER 2026" (an outside probe saw it stored as 12 April, so it
    was not revisited and two edits were missed)."""
    from monitor.extract import extract_html

    html = ("<html lang='en-US'><head><title>Official Visit of the Prime Minister</title></head>"
            "<body><h1>Official Visit of the Prime Minister</h1><div class='article-date'>"
            "04/12/2026</div><div class='ms-rtestate-field'><p>The Prime Minister of Viet Nam "
            "will make an official visit to Singapore at the invitation of the Prime Minister."
            "</p><p>MINISTRY OF FOREIGN AFFAIRS</p><p>04 DECEMBER 2026</p></div></body></html>")
    assert extract_html(html, "https://mfa.example/Newsroom/visit").date == "2026-12-04"
    alone = html.replace("<p>04 DECEMBER 2026</p>", "")
    assert extract_html(alone, "https://mfa.example/Newsroom/visit").date == "2026-04-12"
    # a sidebar's date in words is another story's: it tells nothing of the byline's order
    aside = alone.replace("</body>", "<aside class='most-read'><h3>Most read</h3><p>12 April "
                          "2026: Minister receives envoy</p></aside></body>")  # fmt: skip
    assert extract_html(aside.replace("lang='en-US'", "lang='en-GB'"),
                        "https://mfa.example/Newsroom/visit").date == "2026-12-04"  # fmt: skip


def test_a_pdf_takes_the_listing_s_date():
    """A PDF's dates are in its text (the meeting's, the signature's); the listing's is the
    publication's."""
    from monitor.models import Document, Link
    from monitor.run.reader import ReleaseReader

    doc = Document(url="u.pdf", title="T", paragraphs=("p",), date="2026-12-03", language="en")
    link = Link("u.pdf", "T", "2026-12-04")
    assert ReleaseReader.with_listing_facts(None, doc, link, pdf=True).date == "2026-12-04"
    assert ReleaseReader.with_listing_facts(None, doc, link).date == "2026-12-03"


def test_a_byline_s_machine_twin_outvotes_the_theme_s_widgets():
    """Drupal 7 writes the byline month first, with its RDFa twin, while the theme's clock
    and "Most read" block write 04/12/2026 and 30/11/2026, day first: the byline is read by
    its twin (an outside probe's release stored as 12 March: never revisited, an edit missed)."""
    from monitor.extract import extract_html

    widgets = ("<div class='clock-block'>Fri, 04/12/2026 - 18:14 Phnom Penh</div><div "
               "class='most-read'><p>ASEAN meets 30/11/2026</p><p>UN meets 29/11/2026</p></div>")
    html = DRUPAL_BYLINE.replace("<main>", widgets + "<main>")
    assert extract_html(html, "http://agency.example/en/node/12").date == "2026-12-03"
