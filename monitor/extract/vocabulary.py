"""The words extraction reads a page by, kept as data.

Each heuristic of this package asks a question of a page (is this element a menu? is this
line a visitor counter? is this part of <title> the site's name?) and answers it with words
that sites use. The words live here, in tuples, so that supporting another CMS, language or
widget is a one-line change to this file, not a new branch in the algorithm (trafilatura
keeps its XPath vocabulary the same way, in xpaths.py).

Tokens are regular-expression fragments ("page ?views", "posted(?: on)?"): `alternatives`
joins them into one alternation, which the algorithm modules set into their patterns.
"""

from __future__ import annotations

from collections.abc import Iterable


def alternatives(*groups: Iterable[str]) -> str:
    """The groups' tokens as one regex alternation ("a|b|c"), in order. An empty group or
    token is refused: it would make the alternation match the empty string everywhere."""
    tokens: list[str] = []
    for group in groups:
        words = tuple(group)
        if not words or not all(words):
            raise ValueError(f"an empty vocabulary group or token: {words!r}")
        tokens += words
    return "|".join(tokens)


# --- dates -----------------------------------------------------------------------------------

# Month and weekday names, and the digits of other scripts: the date reader's
# (monitor.text.dates, monitor.text.scripts).

# Words around a date in a "today is" widget or a byline: a line of only these and a date
# is a clock, not text
DATE_LABELS = (
    "today(?: is)?", "now", "date", "dated", "posted(?: on)?", "published(?: on)?",
    "(?:page )?(?:last )?updated(?: on)?", "(?:page )?(?:last )?modified(?: on)?",
    "created(?: on)?", "at", "on", "the", "time", "am", "pm", "utc", "gmt", "ict",
    "publié le", "mis à jour le", "ngày đăng", "cập nhật", "diterbitkan", "diperbarui",
    "hari ini", "tarikh", "dikemaskini(?: pada)?", "kemas ?kini", "pukul", "wib", "wita",
    "wit", "myt", "pht", "petsa", "ngayon", "inilathala(?: noong)?",
    r"(?:\w+ )?(?:standard|daylight) time",  # "Philippine Standard Time: Saturday, …"
    "à", "le", "a las", "um", "uhr", "в", "aktualisiert(?: am)?", "veröffentlicht(?: am)?",
    "dernière modification(?: le)?", "modifié(?: le)?", "letzte änderung(?: am)?",
    "geändert am",
    "publicado(?: el| em)?", "actualizado(?: el)?", "fecha", "hoy", "обновлено", "опубликовано",
    "дата(?: публикации)?", "сегодня", "г", "اليوم", "تاريخ(?: النشر)?", "بتاريخ", "نشر في",
    "آخر تحديث", "هـ", "م", "등록일", "작성일", "수정일", "게시일", "날짜", "오늘",
    # Ukrainian, Persian (the non-joiner may part a word), Portuguese, Turkish
    "опубліковано", "оновлено", "дата(?: публікації)?", "сьогодні", "о",
    "تاریخ(?: انتشار)?", "انتشار", "امروز", "ساعت", "بهروز(?:رسانی| شده)",
    "atualizado(?: em)?", "às", "hoje", "yayın(?:lanma)? tarihi", "güncelle(?:n)?me",
    "bugün", "saat",
    # Italian, Dutch, Greek, Hebrew
    "pubblicato(?: il)?", "aggiornato(?: il)?", "ultimo aggiornamento",
    "data(?: di)? pubblicazione", "oggi",
    "gepubliceerd(?: op)?", "bijgewerkt(?: op)?", "laatst gewijzigd(?: op)?", "datum",
    "vandaag", "om",
    "ημερομηνία(?: δημοσίευσης)?", "δημοσιεύθηκε(?: στις)?", "δημοσίευση",
    "(?:τελευταία )?ενημέρωση", "ενημερώθηκε(?: στις)?", "σήμερα", "ώρα",
    "תאריך(?: פרסום)?", "פורסם(?: ב)?", "עודכן(?: לאחרונה)?(?: ב)?", "עדכון אחרון", "היום",
    "שעה",
    "[월화수목금토일](?:요일)?",  # Korean weekdays: "(토)", "토요일"
    # Japanese and Chinese weekdays ("(土)", "土曜日", "星期五", "周五"), morning and afternoon,
    # "as of" (a clock's "15時21分 現在") in Japanese, Chinese and Korean
    # (a weekday's one character only in brackets: "日" is also Japan, in "日・ASEAN")
    "(?<=[（(])[月火水木金土日](?=[)）])", "[月火水木金土日]曜日?",
    "(?:星期|周|週)[一二三四五六日天]", "午前", "午後", "上午", "下午", "오전", "오후", "現在",
    "现在", "현재",
    # Hijri months, which a page sets beside the Gregorian date (the one read)
    "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "ربيع الثاني", "جمادى الأولى", "جمادى الآخرة",
    "جمادى الثانية", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
)  # fmt: skip
# "3 hours ago", "il y a 2 jours", "5 ngày trước", "២ ថ្ងៃមុន": a time a page shows relative
# to the moment it was served, so it changes by itself between two fetches
RELATIVE_UNITS = (
    "seconds?", "secs?", "minutes?", "mins?", "hours?", "hrs?", "days?", "weeks?", "months?",
    "years?", "[smhdwy]", "secondes?", "heures?", "jours?", "semaines?", "mois", "ans?", "giây",
    "phút", "giờ", "ngày", "tuần", "tháng", "năm", "detik", "menit", "jam", "hari", "minggu",
    "bulan", "tahun", "minit", "saat", "វិនាទី", "នាទី", "ម៉ោង", "ថ្ងៃ", "សប្តាហ៍", "ខែ", "ឆ្នាំ",
)  # fmt: skip
AGO_AFTER = ("ago", "trước", "yang lalu", "lalu", "lepas", "មុន")
AGO_BEFORE = ("il y a", "hace", "vor")
RELATIVE_DAYS = ("just now", "yesterday", "hier", "hôm qua", "kemarin", "semalam", "kahapon",
                 "ម្សិលមិញ")  # fmt: skip
# Khmer, Thai, Lao and Myanmar words end in combining signs, where \b does not work: they go
# outside the \b group (weekdays, today, the date's and the time's words)
UNSPACED_DATE_LABELS = (
    "ថ្ងៃអាទិត្យ", "ថ្ងៃច័ន្ទ", "ថ្ងៃចន្ទ", "ថ្ងៃអង្គារ", "ថ្ងៃពុធ", "ថ្ងៃព្រហស្បតិ៍", "ថ្ងៃសុក្រ", "ថ្ងៃសៅរ៍",
    "ថ្ងៃនេះ", "ថ្ងៃទី", "ថ្ងៃត្រង់", "ថ្ងៃ", "ខែ", "ឆ្នាំ", "ទី", "ម៉ោង", "ព្រឹក", "រសៀល",
    "ល្ងាច", "យប់",
    "更新日", "掲載日", "公開日", "発表日", "最終更新日", "日付",
    # Bengali (words end in vowel signs): the Bengali calendar's months and eras set beside
    # the date, "last updated", "date", "today"
    "বৈশাখ", "জ্যৈষ্ঠ", "আষাঢ়", "শ্রাবণ", "ভাদ্র", "আশ্বিন", "কার্তিক", "অগ্রহায়ণ", "পৌষ", "মাঘ",
    "ফাল্গুন", "চৈত্র", "বঙ্গাব্দ", "খ্রিস্টাব্দ", "সর্ব-?শেষ হাল-?নাগাদ", "তারিখ", "প্রকাশের তারিখ",
    "আজ",
    "วันนี้", "วันที่", "เวลา", "น.",
    "ວັນອາທິດ", "ວັນຈັນ", "ວັນອັງຄານ", "ວັນພຸດ", "ວັນພະຫັດ", "ວັນສຸກ", "ວັນເສົາ", "ມື້ນີ້", "ວັນທີ",
    "ເວລາ", "ໂມງ",
    "တနင်္ဂနွေ", "တနင်္လာ", "အင်္ဂါ", "ဗုဒ္ဓဟူး", "ကြာသပတေး", "သောကြာ", "စနေ", "ယနေ့", "နေ့",
    "ထုတ်ပြန်သည့်ရက်", "ရက်စွဲ", "ရက်", "ခုနှစ်", "နာရီ", "မိနစ်", "လ",
)  # fmt: skip
# A line with these is a clock or a "last updated" note, not the publication date
# (in a byline under the headline, what comes before a revision label is the publication)
REVISION_LABELS = ("updated", "modified", "aktualisiert", "dikemaskini", "kemas ?kini",
                   "diperbarui", "diperbaharui", "cập nhật", "mis à jour", "modifié",
                   "dernière modification", "letzte änderung", "geändert", "обновлено",
                   "оновлено", "atualizado", "actualizado", "بهروز",
                   "güncellen")  # fmt: skip
# ... and a build or print stamp: "Last built 2026-12-04T20:00Z", "Page rendered 22:51"
NOT_PUBLICATION = ("today", "now", "ថ្ងៃនេះ", "built", "rendered", "generated", "printed",
                   *REVISION_LABELS)  # fmt: skip
# "Publication date: 15 June 2011" in a PDF, above or below other dates
PUBLICATION_LABELS = ("publication", "published", "release", "issued")
# ... and in a byline that also gives an "updated" date: "Posted on 3 Dec | Updated 4 Dec"
FIRST_DATE_LABELS = (*PUBLICATION_LABELS, "posted", "created", "dated?", "ផ្សាយ", "ចុះផ្សាយ")

# --- paragraphs that are chrome --------------------------------------------------------------

# A visitor-counter widget: "Visitors: 1,204 | Today: 312"
COUNTER_LABELS = (
    "visitors?", "(?:site )?visits?", "hits", "page ?views", "views", "reads", "online",
    "users? online", "guests?", "members?", "today", "yesterday", "this (?:week|month|year)",
    "last (?:week|month|year)", "total", "counter", "statistics", "comments?", "commentaires?",
    "likes?",
    "votes?", "min(?:ute)?s? read", "words", "mots", "wörter", "palabras", "reading time",
    "temps de lecture", "lesezeit", "tiempo de lectura", "min(?:ute)?s?", "visites",
    "popularité",
    "ចំនួនអ្នកទស្សនា", "អ្នកទស្សនា", "អ្នកចូលមើល", "ចំនួនចូលមើល", "ថ្ងៃនេះ", "ម្សិលមិញ", "សរុប",
    "សប្តាហ៍នេះ", "ខែនេះ", "ដង",
    "affichages", "vues", "visitas", "lượt xem", "dilihat", "ผู้เข้าชม", "เข้าชม", "ครั้ง",
    "просмотров", "просмотры", "просмотр", "عدد المشاهدات", "المشاهدات", "مشاهدات?", "الزوار",
    "조회수", "조회", "방문자", "vistas", "lecturas",
    "jumlah pelawat", "pelawat", "pengunjung", "x dilihat", "dibaca", "kali", "menit baca",
    "minit bacaan", "komentar", "ulasan", "beses", "переглядів", "перегляди", "بازدید",
    "تعداد بازدید", "visualizações", "görüntülenme", "okunma", "امروز", "دیروز", "کل",
    "کاربران آنلاین", "آنلاین", "сьогодні", "вчора", "всього", "онлайн", "вчера", "всего",
    "bugün", "dün", "toplam", "çevrimiçi", "hoje", "ontem",
    "үзсэн", "үзэлт", "қаралды", "көрілім", "ভিজিটর সংখ্যা", "দর্শনার্থী", "আজ", "গতকাল",
    "সর্বমোট", "মোট", "এই সপ্তাহ", "এই মাস", "বার দেখা হয়েছে", "দেখা হয়েছে",
    "visite", "visualizzazioni", "letture", "weergaven", "bezoekers", "προβολές", "επισκέπτες",
    "αναγνώσεις", "צפיות", "מבקרים", "閲覧数", "アクセス数", "訪問者数",
    "ຍອດເບິ່ງ", "ຜູ້ເຂົ້າຊົມ", "ເບິ່ງ", "ຄັ້ງ", "ကြည့်ရှုသူ", "ကြည့်ရှုမှု", "ဦး", "ကြိမ်",
)  # fmt: skip
# One counter in a byline: "Views: 505", "Hits 1234", "ចំនួនអ្នកមើល ១០១៥" (label first)
VIEWS_LABELS = (
    "page ?views?", "views?", "viewed", "view count", "hits", "visits?", "visitors?", "reads",
    "read count", "clicks",
    "ចំនួនអ្នកទស្សនា", "អ្នកទស្សនា", "ចំនួនអ្នកមើល", "អ្នកមើល", "ចំនួនអ្នកចូលមើល", "អ្នកចូលមើល",
    "ចំនួនចូលមើល", "ចំនួនមើល",
    "affichages", "vues", "visitas", "lượt xem", "dilihat", "จำนวนผู้เข้าชม", "ผู้เข้าชม", "เข้าชม",
    "jumlah pelawat", "pelawat", "pengunjung", "dibaca", "ຍອດເບິ່ງ", "ຜູ້ເຂົ້າຊົມ", "vistas",
    "просмотров", "просмотры", "عدد المشاهدات", "المشاهدات", "조회수", "조회",
    "ကြည့်ရှုသူ", "ကြည့်ရှုမှု", "переглядів", "перегляди", "تعداد بازدید", "بازدید",
    "visualizações", "görüntülenme", "okunma", "visualizzazioni", "letture", "weergaven",
    "үзсэн", "үзэлт", "қаралды", "көрілім",
    "προβολές", "αναγνώσεις", "צפיות", "閲覧数", "アクセス数",
)  # fmt: skip
# "1,234 views" (number first)
VIEWS_AFTER_NUMBER = ("page ?views", "views", "hits", "reads", "clicks", "vues", "lượt xem",
                      "x dilihat", "kali dilihat", "kali dibaca", "vistas", "visitas",
                      "просмотров", "مشاهدات?", "переглядів", "بازدید", "visualizações",
                      "görüntülenme", "kez okundu", "visualizzazioni", "weergaven",
                      "προβολές", "צפיות")  # fmt: skip
# ... and what else a post's meta line counts: "3 min read", "9 comments"
COUNTS_AFTER_NUMBER = (*VIEWS_AFTER_NUMBER, "min(?:ute)?s? read", "comments?", "commentaires?",
                       "menit baca", "minit bacaan", "komentar", "ulasan")  # fmt: skip
# "Read 52 times", "មើល ១០ ដង"
READ_VERBS = ("read", "viewed", "seen", "dilihat", "dibaca", "មើល", "ចូលមើល", "อ่าน", "เข้าชม",
              "ເບິ່ງ", "ကြည့်ရှု")  # fmt: skip
TIMES = ("times", "kali", "beses", "ដង", "ครั้ง", "lần", "ຄັ້ງ", "ကြိမ်")
# A share bar: "Share | Facebook | X | Print"
SHARE_WORDS = (
    "share(?: this| on)?", "tweet", "print", "e-?mail", "facebook", "twitter", "x", "linkedin",
    "whatsapp", "telegram", "pinterest", "reddit", "line", "copy link", "follow us", "like",
    "save", "partager", "imprimer", "teilen", "drucken", "compartir", "compartilhar",
    "imprimir", "condividi", "stampa", "chia sẻ", "bagikan", "kongsi", "cetak", "поделиться",
    "печать", "مشاركة", "طباعة", "शेयर(?: करें)?", "分享", "打印", "列印", "シェア", "印刷", "공유",
    "인쇄", "short ?link", "permalink", "لینک کوتاه", "اشتراکگذاری", "چاپ", "поділитися",
    "друк", "paylaş", "yazdır", "compartilhe", "delen", "afdrukken",
    "κοινοποίηση", "εκτύπωση", "שתף", "שיתוף", "הדפס", "הדפסה",
)  # fmt: skip
# A cookie notice names cookies and asks for something
COOKIE_WORDS = ("cookie",)
COOKIE_ASKS = (
    "accept", "consent", "agree", "we use", "uses cookies", "use of cookies", "privacy",
    "settings", "got it",
)  # fmt: skip
# A byline or date line (what is left of one without its counter)
BYLINE_WORDS = (
    "by", "posted", "published", "written", "author", "date", "dated", "updated", "source",
    "category", "categories", "filed under", "oleh", "sumber", "penulis", "kategori", "par",
    "por", "von", "کد خبر", "شناسه خبر", "نویسنده", "منبع", "автор", "джерело", "источник",
    "yazar", "kaynak", "autore", "fonte", "auteur", "bron", "συντάκτης",
    "πηγή", "מאת", "מקור", "כותב",
)  # fmt: skip
# ... in scripts that set no space between words (Khmer, Chinese, Lao, Myanmar): matched
# inside a run
UNSPACED_BYLINE_WORDS = (
    "ដោយ", "ចុះផ្សាយនៅ", "ចុះផ្សាយ", "ផ្សាយ", "កាលបរិច្ឆេទ", "来源", "作者", "责任编辑", "编辑",
    "发布时间", "发布日期", "字号", "ໂດຍ", "ရေးသားသူ",
)  # fmt: skip
# A line of the site's topics that begins with one of these and a colon: "Tags: ASEAN, UN",
# "Filed under: Health Refugees" (links set side by side), "Classé sous : Climat". Only
# labels that name nothing but tags: "Topic:", "Category:" or "Label:" begin an advisory's
# lines too ("Topic: Outcomes of the 47th ASEAN Summit")
TAG_LABELS = (
    "tags?", "keywords?", "filed under", "classé sous", "mots[- ]clés", "schlagw(?:ö|oe)rter",
    "schlagworte", "stichw(?:ö|oe)rter", "palabras clave", "từ khóa", "kata kunci", "теги",
    "ключевые слова", "الوسوم", "الكلمات المفتاحية", "标签", "關鍵詞", "关键词", "タグ",
    "キーワード", "태그", "키워드", "мітки", "ключові слова", "برچسب(?:ها| ها)?",
    "کلید ?واژه(?:ها)?", "palavras[- ]chave", "etiketler", "anahtar kelimeler",
    "parole chiave", "trefwoorden", "ετικέτες", "λέξεις[- ]κλειδιά", "תגיות", "מילות מפתח",
)  # fmt: skip
# The page's own buttons in a byline: "Posted on: 24-11-2026 | Print | Download PDF"
ACTIONS = (
    "print(?: this page)?", "download(?: as)?(?: pdf)?", "pdf", "share", "e-?mail",
    "send to a friend", "save", "back", "top", "back to top", "font size", "[a+-]{1,3}",
)  # fmt: skip

# --- pages that are not the release ---------------------------------------------------------

# A site's "page not found" page in languages other than English (whose phrasings are a
# pattern of their own, monitor.detect.rules): a soft 404 served with 200
NOT_FOUND_PHRASES = (
    r"ទំព័រ\s*រកមិនឃើញ", r"រកមិនឃើញ\s*ទំព័រ", "ไม่พบหน้า", r"ບໍ່ພົບ\s*ໜ້າ",
    r"စာမျက်နှာ\s*(?:ကို\s*)?ရှာမတွေ့", "page introuvable", "página no encontrada",
    "página não encontrada", "pagina non trovata", "seite nicht gefunden",
    "không tìm thấy trang", r"halaman\s+tidak\s+(?:ditemukan|dijumpai|ditemui)",
    r"hindi\s+(?:nahanap|matagpuan)\s+ang\s+pahina", "страница не найдена",
    "الصفحة غير موجودة", "页面不存在", "找不到页面", "页面未找到", "頁面不存在", "找不到網頁",
    "ページ(?:が|は)見つかりません", "페이지를 찾을 수 없습니다",
    r"page\s+(?:demandée\s+)?(?:ne\s+semble\s+pas\s+exister|n['’]existe\s+pas)",
    r"seite\s+(?:wurde\s+)?nicht\s+gefunden", r"seite\s+existiert\s+nicht",
    r"página\s+(?:solicitada\s+)?no\s+existe", r"página\s+não\s+existe",
    r"pagina\s+non\s+esiste", "trang không tồn tại", r"(?:पृष्ठ|पेज)\s*नहीं\s*मिला",
    # Persian and Urdu (as stored text writes them, without the non-joiner: "صفحهای"), Arabic,
    # Ukrainian, Turkish, Greek, Polish, Dutch, Bengali, Mongolian, Swahili
    r"صفحه(?:ای)?\s+(?:(?:مورد\s+نظر|درخواستی)\s+)?(?:یافت|پیدا)\s+نشد",
    r"صفحہ\s+(?:نہیں\s+ملا|موجود\s+نہیں)", "لم يتم العثور على الصفحة",
    r"الصفحة\s+المطلوبة\s+غير\s+موجودة", r"сторінк[ау]\s+не\s+знайден[оа]",
    r"sayfa\s+bulunamad[ıi]", r"η\s+σελίδα\s+δεν\s+βρέθηκε",
    r"(?:nie\s+znaleziono\s+strony|strona\s+nie\s+(?:została\s+znaleziona|istnieje))",
    r"pagina\s+niet\s+gevonden", r"পৃষ্ঠা(?:টি)?\s+পাওয়া\s+যায়নি", r"хуудас\s+олдсонгүй",
    r"ukurasa\s+haukupatikana",
    r"(?:পাতা|পৃষ্ঠা)(?:টি)?\s+(?:খুঁজে\s+)?পাওয়া\s+যায়নি",
    r"(?:הדף|העמוד)\s+(?:המבוקש\s+)?(?:לא\s+נמצא|אינו\s+קיים)",
)  # fmt: skip

# --- HTML elements ---------------------------------------------------------------------------

BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
     "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
     "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
     "summary", "table", "tbody", "thead", "tfoot", "tr", "ul"}
)  # fmt: skip
CELL_TAGS = frozenset({"td", "th"})
# A design system's custom elements whose name ends so are inline ("gcds-link", "x-icon");
# the others are read as blocks
CUSTOM_INLINE_NAMES = ("link", "icon", "button", "badge", "tooltip", "time", "abbr", "tag")
SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "select",
     "option", "input", "textarea", "object", "embed", "head", "title"}
)  # fmt: skip
# not <form>: ASP.NET pages put the whole page in one
CHROME_TAGS = frozenset({"nav", "aside", "footer", "menu", "marquee"})  # a marquee: a ticker
TABLE_TAGS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th"})
# A table cell holding one of these (or two blocks of text) lays out a page, not data
LAYOUT_SECTION_TAGS = ("h1", "h2", "h3", "h4", "table", "article")
LAYOUT_BLOCK_TAGS = ("p", "div", "ul", "ol", "blockquote")
# Elements that hold a statement's paragraphs (not a paragraph or a heading itself)
CONTAINER_TAGS = frozenset(
    {"div", "section", "article", "main", "body", "td", "th", "form", "center"}
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Class and id words of page furniture: menus, sidebars, widgets, share bars, counters
CHROME_NAMES = (
    "nav", "navbar", "navigation", "menu", "sidebar", "side-bar", "widget", "(?:bread)?crumbs?",
    "footer", "share", "sharing", "social", "cookies?", "consent", "counter", "visitors?",
    "clock", "today", "weather", "related", "latest", "recent", "popular", "comments?", "tags",
    "pagination", "pager", "advert", "ads", "topbar", "top-bar", "top-date", "current-date",
)  # fmt: skip
# "has-sidebar", "with-related", "no-sidebar" describe a page's layout, not a widget
LAYOUT_HINT_PREFIXES = ("has", "with", "without", "no", "is", "one", "two", "three")
# Bootstrap, Foundation and 960-grid columns: "col-md-8", "col-4", "large-9", "span3", "grid_8"
GRID_COLUMN_PREFIXES = (
    "col(?:-(?:xs|sm|md|lg|xl|xxl))?-",
    "span",
    "(?:small|medium|large)-",
    "grid_",
)
# Text for screen readers only
HIDDEN_CLASSES = frozenset(
    {"sr-only", "visually-hidden", "screen-reader-text", "element-invisible", "hidden",
     "invisible", "offscreen", "d-none", "unsichtbar", "aural"}
)  # fmt: skip

# --- titles and site names -------------------------------------------------------------------

# Elements that hold a headline by their class or id: .viewpost-title, h2.newsDetailsTitle
TITLE_NAMES = ("title", "headline", "heading")
# ... unless it is some other box's title
NOT_TITLE_NAMES = (
    "sub-?title", "subheading", "widget", "box", "panel", "block__title", "block-title",
    "section", "label", "site", "brand", "logo", "menu", "nav", "sidebar", "footer", "caption",
    "card", "teaser", "list", "item",
)  # fmt: skip
# Class or id words of the lead a CMS sets between the headline and the body (Plone's
# "documentDescription", "field-name-field-summary", "article-intro", "standfirst", "chapo")
LEAD_NAMES = (
    "description", "lead", "lede", "standfirst", "summary", "intro", "introduction", "excerpt",
    "abstract", "dek", "deck", "sub-?title", "subheading", "chapo", "chapeau", "sapo",
)  # fmt: skip
# Where sites put their name: the logo, the banner, the branding block ("site-logo-wrap")
BRAND_NAMES = (
    "logo",
    "brand",
    "branding",
    "masthead",
    "banner",
    "site-?name",
    "site-?title",
    "sitename",
)
BRAND_SUFFIXES = (
    "text", "name", "title", "wrap", "wrapper", "container", "inner", "area", "box", "link",
    "img", "image",
)  # fmt: skip
LOGO_FILES = ("logo", "banner", "masthead")
# The file name of a front page: "/", "/en", "index.php", "default.aspx"
HOME_PAGES = ("index", "default", "home")
# A feed's title names the site: "Site » Comments Feed"
FEED_WORDS = ("feed", "rss", "atom")
# What a CMS calls the page when the editor gave it no title: "Pages - NewsDetail"
TEMPLATE_TITLES = (
    "pages?", "home", "homepage", "news", "detail", "details", "article", "articles", "posts?",
    "view", "default", "index", "untitled(?: document)?", "document", "content", "item",
    "display", "show", "media", "press releases?", r"[\w-]+\.(?:aspx?|php|html?|jsp)",
)  # fmt: skip
COPYRIGHT_MARKS = ("©", r"\(c\)", "copyright")

# --- PDF letterheads -------------------------------------------------------------------------

# The title of the kind of document, not of the release
GENERIC_TITLES = (
    "press release", "media release", "news release", "for immediate release", "press statement",
    "statement", "communiqu[ée]", "embargo(?:ed)?", r"page \d+",
)  # fmt: skip
# The state and its motto above a release
STATE_LETTERHEAD = (
    r"(?:the\s+)?kingdom of \w+", r"nation\W+religion\W+king",
    r"(?:royal\s+)?government of(?: the)?(?: \w+){1,3}",
)  # fmt: skip
KHMER_STATE_LETTERHEAD = ("ព្រះរាជាណាចក្រកម្ពុជា", r"ជាតិ\s*សាសនា\s*ព្រះមហាក្សត្រ")
# "No. 123/26 MFAIC", "Ref: MLVT/2026/45", "លេខ ១២៣ ក.ប"
REFERENCE_LABELS = ("no", "ref", "reference", "our ref", "លេខ")
# The issuing body: "MINISTRY OF LABOUR AND VOCATIONAL TRAINING"
INSTITUTION_QUALIFIERS = ("royal", "permanent", "general", "national")
INSTITUTIONS = (
    "ministry", "embassy", "consulate(?: general)?", "mission", "office", "department",
    "secretariat", "council", "directorate", "agency", "authority", "commission", "bank",
    "ក្រសួង", "ស្ថានទូត", "ទីស្តីការ",
)  # fmt: skip

# --- languages -------------------------------------------------------------------------------

# Scripts of one language each: monitor.text.scripts.SCRIPT_LANGUAGES
# English text is one where these make up more than an eighth of the words
ENGLISH_COMMON_WORDS = frozenset({"the", "and", "of", "to", "in", "is", "for", "on", "that"})
