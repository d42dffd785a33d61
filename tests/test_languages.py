"""Pages in languages outside probes brought (Persian, Ukrainian, Portuguese, Turkish, Greek,
Hebrew, Italian, Dutch, Japanese): their letters, dates, bylines and counters as the reader
must take them."""

from __future__ import annotations

import pytest

from monitor.detect.rules import removal_notice
from monitor.extract import Template, extract_html, read_html
from monitor.extract.filters import _clean
from monitor.extract.lines import _dates_the_page
from monitor.models import Document
from monitor.text.normalize import normalize
from monitor.text.scripts import ZWNJ

# "dialogue", "cooperations": Persian parts these words with a zero-width non-joiner
DIALOGUE, COOPERATION = f"گفت{ZWNJ}وگو", f"همکاری{ZWNJ}های"


def test_a_persian_release_reads_alike_whole_and_in_its_region():
    """trafilatura drops the zero-width non-joiner that parts Persian words (it is not
    printable), and a source's region is read by the monitor's own walk: stored text drops it
    on both paths, so a release read one way and then the other is the same text (the word
    joined up: a known limit)."""
    sentence = (f"{DIALOGUE} وزیران امور خارجه دو کشور درباره {COOPERATION} اقتصادی و فرهنگی "
                "در تهران برگزار شد و دو طرف بر گسترش روابط تاکید کردند.")  # fmt: skip
    second = (f"این {DIALOGUE} در چارچوب {COOPERATION} منطقه{ZWNJ}ای دو کشور انجام شد و قرار است "
              "دور بعدی آن سال آینده در مسقط برگزار شود.")
    html = f"""<html lang="fa" dir="rtl"><head><title>{DIALOGUE} وزیران</title></head><body>
<nav><a href="/">صفحه اصلی</a> <a href="/news">اخبار</a></nav><main><article>
<h1>{DIALOGUE} وزیران امور خارجه</h1><div class="body"><p>{sentence}</p><p>{second}</p></div>
</article></main><footer>وزارت امور خارجه</footer></body></html>"""
    whole = read_html(html, "https://mfa.example.ir/news/1")
    region = Template(regions=("html/body/main/article/div|body",))
    in_region = read_html(html, "https://mfa.example.ir/news/1", template=region)
    assert in_region.read_in == region.regions[0]
    assert whole.document.paragraphs == in_region.document.paragraphs
    assert whole.document.paragraphs == (normalize(sentence), normalize(second))


@pytest.mark.parametrize(("dated", "other", "iso"), [
    ("24 November 2026, 09:05", "01 December 2026", "2026-11-24"),
    ("24 листопада 2026, 09:05", "01 грудня 2026", "2026-11-24"),
])  # fmt: skip
def test_the_date_above_the_headline_beats_other_releases_dates_below_a_short_statement(
    dated, other, iso
):
    """A ministry sets the date above the headline, and under a short statement a list of
    other news, each with its date: the date below the headline is a byline's only down to the
    statement's first paragraph (an outside probe saw a release dated by the list)."""
    text = ("The Ministry strongly condemns the massive missile attack on the energy "
            "infrastructure of six regions and calls on partners to strengthen air defence.")
    html = f"""<html><body><div class="top-line"><span>Saturday, 05 December 2026</span>
<span>09:02</span></div><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="article"><div class="article__date">{dated}</div><h1>Statement of the Ministry</h1>
<div class="article__text"><p>{text}</p></div></div><div class="other-news"><h3>Other
news</h3><ul><li><span>{other}</span> <a href="/news/2">Consular services in Warsaw to be
extended</a></li><li><span>{other}</span> <a href="/news/3">Humanitarian aid from
Japan</a></li></ul></div></body></html>"""
    assert extract_html(html, "https://mfa.example/news/1").date == iso


@pytest.mark.parametrize("line", [
    "- بازدید امروز: ۴۳۳۳", "- بازدید کل: ۱۸۴۲۰۰۳۳", "- کاربران آنلاین: ۵۳",  # Persian counters
    "Переглядів: 202", "Сьогодні: 3130",  # Ukrainian views and visits today
    "لینک کوتاه:", "Compartilhe:",  # a short link's label, a share bar
    "Publicado em 30/11/2026 09h20 Atualizado em 30/11/2026 09h27",  # gov.br's byline
])  # fmt: skip
def test_counters_share_bars_and_date_lines_in_more_languages_are_chrome(line):
    assert _clean([line]) == ()


@pytest.mark.parametrize("byline", [
    'Published by <a href="/about">Ministry of Foreign Affairs</a> on 4 December 2026',
    'By <a href="/press">Press Office</a> · 4 December 2026',
    '<table><tr><td>Posted by <a href="/mfaic">Ministry of Foreign Affairs and International '
    'Cooperation</a> on 4 December 2026</td></tr></table>',  # a table-layout site's cell
    '<ul class="meta"><li>Posted by <a href="/mfaic">Ministry of Foreign Affairs and '
    'International Cooperation</a> on 4 December 2026</li></ul>',
])  # fmt: skip
def test_a_byline_that_links_its_author_still_dates_the_page(byline):
    """Only a list's items are other pages' dates; a byline whose words are mostly a link to
    its author dates its own page (an outside review saw the "Other news" date taken)."""
    text = ("The Ministry welcomes the adoption of the resolution on cooperation between the "
            "United Nations and ASEAN by the General Assembly.")
    html = f"""<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="article"><h1>Statement of the Ministry</h1><div class="byline">{byline}</div>
<div class="article__text"><p>{text}</p></div></div><div class="other-news"><h3>Other
news</h3><ul><li><span>01 December 2026</span> <a href="/news/2">Consular services in Warsaw
to be extended</a></li><li><span>30 November 2026</span> <a href="/news/3">Humanitarian aid
from Japan</a></li></ul></div></body></html>"""
    assert extract_html(html, "https://mfa.example/news/1").date == "2026-12-04"


@pytest.mark.parametrize("line", [
    "Τελευταία ενημέρωση: 3 Δεκεμβρίου 2026, 10:32", "Προβολές: 1.204",  # Greek
    "Κοινοποίηση | Facebook | X | Εκτύπωση", "Ετικέτες: ΟΗΕ, ΑΣΕΑΝ, ναρκοθέτηση",
    "עודכן לאחרונה: 03.12.2026 10:32", "צפיות: 1,204", "תגיות: האו\"ם, אסיאן",  # Hebrew
    "שתף | הדפס",
    "Ultimo aggiornamento: 3 dicembre 2026", "Visualizzazioni: 1204",  # Italian
    "Laatst gewijzigd op 3 december 2026", "Trefwoorden: VN, ASEAN",  # Dutch
    "Delen | Afdrukken",
    "最終更新日：2026年12月3日", "閲覧数：1204",  # Japanese
])  # fmt: skip
def test_date_lines_counters_share_bars_and_tags_in_greek_hebrew_italian_dutch_japanese(line):
    assert _clean([line]) == ()


@pytest.mark.parametrize("line", [
    "Αθήνα, 3 Δεκεμβρίου 2026",  # a dateline closes a statement: its text
    "Ο Υπουργός Εξωτερικών συναντήθηκε σήμερα με τον Γενικό Γραμματέα του ΟΗΕ.",
    "שר החוץ נפגש היום עם מזכיר האו\"ם ודן בפינוי מוקשים.",
    "Data protection day is observed on 28 January 2027 across the region.",
])  # fmt: skip
def test_statement_lines_in_those_languages_stay(line):
    assert _clean([line]) == (line,)


def test_a_japanese_ministry_page_is_titled_dated_and_read_without_its_clock():
    """A Japanese ministry's header shows the time of the request ("15時21分33秒 現在") and
    its <title> joins the headline to the ministry's name with a full-width bar: the clock
    neither dates the page nor is text, and the name is no part of the headline."""
    first = ("12月3日、午後3時から約60分間、外務大臣は、来日中のフィリピン共和国外務大臣との間で"
             "日・フィリピン外相会談を行いました。")
    second = ("両外相は、南シナ海情勢について意見交換を行い、法の支配に基づく国際秩序の重要性を"
              "確認しました。")
    html = f"""<html lang="ja"><head><title>日・フィリピン外相会談｜外務省</title></head><body>
<div id="header"><a href="/"><img src="/img/logo.png" alt="外務省"></a>
<p class="date">令和8年12月5日（土曜日）15時21分33秒 現在</p></div>
<div id="main"><p class="bread"><a href="/">トップページ</a> &gt; <a href="/press/">報道発表</a></p>
<h1>日・フィリピン外相会談</h1><p class="rightalign">令和8年12月3日</p><p>{first}</p>
<p>{second}</p></div><div id="footer">Copyright © The Ministry of Foreign Affairs of Japan</div>
</body></html>"""
    doc = extract_html(html, "https://www.mofa.go.jp/mofaj/press/release/pressit_000001.html")
    assert (doc.title, doc.date, doc.paragraphs) == ("日・フィリピン外相会談", "2026-12-03",
                                                     (first, second))  # fmt: skip


@pytest.mark.parametrize("line", [
    "令和8年12月5日（土曜日）15時21分33秒 現在", "2026年12月5日 星期六 15:21",
    "2026年12月5日(土) 午後3時", "2026년 12월 5일 (토) 오후 3시 21분",
])  # fmt: skip
def test_cjk_clocks_are_chrome(line):
    assert _clean([line]) == ()


def _mofa(h1: str, body: str) -> str:
    return f"""<html lang="ja"><head><title>外務省: {h1}</title></head><body><div id="header">
<a href="/"><img src="/logo.gif" alt="外務省 Ministry of Foreign Affairs of Japan"></a>
<p class="date">令和8年12月5日（土曜日）11時50分5秒 現在</p></div><div id="topicpath"><a
href="/">トップページ</a> &gt; <a href="/press/">報道発表</a> &gt; {h1}</div><div id="main">
<div class="title1"><h1>{h1}</h1></div><div class="rightalign">令和8年12月3日</div>
<div class="main-cnt">{body}</div></div><div id="side"><ul><li><a href="/a">外交政策</a></li>
<li><a href="/b">国・地域</a></li></ul></div></body></html>"""


def test_a_short_japanese_headline_is_the_headline():
    """A Japanese headline of 13 characters is one "word" by spaces: counted by its length, it
    agrees with the <title> that holds it ("外務省: …"), so it titles the page and the date
    under it dates it (an outside probe: titled with the ministry's name, undated, and a
    false edit when the redesign wrote "…｜外務省")."""
    h1 = "外務副大臣のカンボジア訪問"
    sentences = ("外務副大臣は、12月10日から12日まで、カンボジア王国を訪問します。",
                 "訪問中、外務副大臣は、カンボジア副首相兼外務国際協力大臣との会談を行う予定です。")
    doc = extract_html(_mofa(h1, "".join(f"<p>{s}</p>" for s in sentences)),
                       "https://www.mofa.example.jp/press/release/pressit_000874.html")
    assert (doc.title, doc.date, doc.paragraphs) == (h1, "2026-12-03", sentences)


def test_a_one_sentence_japanese_release_is_read_in_its_region():
    """A whole Japanese sentence is a statement in the source's region however few its
    spaces: the release is read there, not whole with the header's clock (an outside probe:
    the clock's seconds in a real edit's diff)."""
    sentence = ("トルコ南東部において発生した地震により多数の死傷者が出ていることに対し、"
                "日本政府として心からお悔やみ申し上げます。")
    region = Template(regions=("html/body/div/div|main-cnt",))
    reading = read_html(_mofa("トルコ南東部における地震", f"<p>{sentence}</p>"),
                        "https://www.mofa.example.jp/press/release/pressit_000876.html",
                        template=region)  # fmt: skip
    assert reading.read_in == region.regions[0]
    assert reading.document.paragraphs == (sentence,)


def test_a_short_heading_that_is_a_small_part_of_the_title_is_not_the_headline():
    """Counted by length, "中华人民共和国外交部" (the ministry's name, set as the page's <h1>)
    is two words and in the <title>: but it is a small part of it, as a site's name is, and
    the headline in the <h2> titles the page (an outside review)."""
    html = """<html lang="zh-CN"><head><title>2025年12月3日外交部发言人毛宁主持例行记者会_
中华人民共和国外交部</title></head><body><div class="top"><h1>中华人民共和国外交部</h1></div>
<div class="nav"><a href="/">首页</a> <a href="/fyrbt">发言人表态</a></div><div class="content">
<h2>2025年12月3日外交部发言人毛宁主持例行记者会</h2><p>毛宁：今天我没有要发布的消息。下面，我愿回答大家的提问。
关于双边关系，我们一贯主张通过对话协商解决分歧，推动两国关系健康稳定发展。</p></div>
<div class="foot">版权所有：中华人民共和国外交部</div></body></html>"""
    doc = extract_html(html, "https://www.fmprc.example.cn/fyrbt/202512/t20251203_1.shtml")
    assert doc.title == "外交部发言人毛宁主持例行记者会"


@pytest.mark.parametrize("line", [
    "日・ベトナム外交関係樹立記念行事（2025年12月3日）",  # "日" is Japan here, no weekday
    "日・ASEAN首脳会議 2025年12月3日",
])  # fmt: skip
def test_a_line_that_names_japan_beside_a_date_is_no_byline(line):
    assert not _dates_the_page(line)
    assert _clean([line]) == (line,)


def test_a_japanese_page_dated_only_by_its_update_is_dated():
    """Many Japanese government pages print only "更新日" (updated): that date is the page's."""
    sentence = ("12月3日、外務大臣はカンボジアの外務大臣と会談を行いました。"
                "両大臣は二国間関係の強化について意見交換を行いました。")
    html = f"""<html lang="ja"><head><title>日本とカンボジアの外相会談｜外務省</title></head><body>
<header><div class="logo">外務省</div><nav><a href="/">ホーム</a> <a href="/press">報道発表</a>
</nav></header><main><h1>日本とカンボジアの外相会談</h1><p class="date">更新日：2025年12月3日</p>
<p>{sentence}</p></main><footer>Copyright 外務省</footer></body></html>"""
    doc = extract_html(html, "https://www.mofa.example.jp/press/1.html")
    assert (doc.title, doc.date, doc.paragraphs) == ("日本とカンボジアの外相会談", "2025-12-03",
                                                     (sentence,))  # fmt: skip


@pytest.mark.parametrize("line", [
    "৩ ডিসেম্বর ২০২৬ / ১৮ অগ্রহায়ণ ১৪৩৩",  # the Bengali calendar's date beside it
    "সর্ব-শেষ হাল-নাগাদ: ২০২৬-১২-০৬ ০৯:৪৪:২২",  # last updated
    "ভিজিটর সংখ্যা আজ: ১২৩ গতকাল: ৪৫৬ সর্বমোট: ৭৮৯০",  # the visitor counter
    "2026 оны 12 сарын 4 Үзсэн: 549", "Қаралды: 1 204",  # Mongolian and Kazakh views
])  # fmt: skip
def test_bengali_mongolian_and_kazakh_date_lines_and_counters_are_chrome(line):
    assert _clean([normalize(line)]) == ()


def test_a_bengali_statement_that_says_today_stays():
    line = "পররাষ্ট্রমন্ত্রী আজ ঢাকায় জাপানের রাষ্ট্রদূতের সঙ্গে বৈঠক করেছেন।"
    assert _clean([normalize(line)]) == (normalize(line),)


def test_a_bengali_page_not_found_is_a_removal():
    doc = Document(url="https://mofa.example.gov.bd/site/press_release/x/-", title="দুঃখিত",
                   paragraphs=(normalize("দুঃখিত, পাতাটি খুঁজে পাওয়া যায়নি"),))
    assert removal_notice(doc, None)


def test_a_headline_in_a_field_table_is_the_title_part_it_equals():
    """Bangladesh's portal sets the headline in a table's cell under a generic heading, and its
    <title> joins it to a ministry's name the page shows nowhere else: a line that is one
    part of the <title>, whole, is the headline (an outside probe: every title with the
    ministry's name, and a false edit of each when the redesign shortened that name)."""
    headline = "রোহিঙ্গা প্রত্যাবাসন বিষয়ে যৌথ বিবৃতি প্রকাশ"
    body = ("রোহিঙ্গা প্রত্যাবাসন বিষয়ে বাংলাদেশ ও মিয়ানমারের প্রতিনিধিদল আজ ঢাকায় বৈঠক করেছে এবং "
            "একটি যৌথ বিবৃতি প্রকাশ করেছে।")
    html = f"""<html lang="bn"><head><title>{headline} - পররাষ্ট্র মন্ত্রণালয়-গণপ্রজাতন্ত্রী বাংলাদেশ
সরকার</title></head><body><div id="left-content"><h2 class="title">প্রেস বিজ্ঞপ্তি</h2><table
class="table table-bordered"><tr><th>শিরোনাম</th><td>{headline}</td></tr><tr><th>বিস্তারিত</th>
<td><p>{body}</p><p>{body}</p></td></tr></table></div></body></html>"""
    doc = extract_html(html, "https://mofa.example.gov.bd/site/press_release/c98c71ce/-")
    assert doc.title == headline
