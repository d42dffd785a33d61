"""The calendar's words, as data: month names by month (January first) and weekday names by
day (Monday first) in every language the monitor reads, the Solar Hijri months, and the eras
that number years otherwise. `monitor.text.dates` reads dates with them."""

from __future__ import annotations

import unicodedata

# Month names by month (January first): English, French, German, Spanish, Portuguese,
# Italian, Dutch, Indonesian and Malay, with their abbreviations (French "déc.", Italian "dic"
# but not "gen", a general's; Dutch "mrt", Indonesian "Agt", "Des"; Malay "Ogo", "Dis")
MONTH_NAMES = (
    ("january", "jan", "janvier", "janv", "januar", "jänner", "enero", "janeiro", "januari",
     "gennaio"),
    ("february", "feb", "février", "fevrier", "févr", "februar", "febrero", "fevereiro",
     "februari", "febbraio"),
    ("march", "mar", "mars", "märz", "maerz", "marzo", "março", "maret", "mac", "maart", "mrt"),
    ("april", "apr", "avril", "avr", "abril", "aprile"),
    ("may", "mai", "mayo", "maio", "mei", "maggio", "mag"),
    ("june", "jun", "juin", "juni", "junio", "junho", "giugno", "giu"),
    ("july", "jul", "juillet", "juil", "juli", "julio", "julho", "julai", "luglio", "lug"),
    ("august", "aug", "août", "aout", "augusti", "agosto", "agustus", "agu", "agt", "ags",
     "ogos", "ogo", "augustus"),
    ("september", "sep", "sept", "septembre", "septiembre", "setembro", "settembre"),
    ("october", "oct", "octobre", "oktober", "okt", "octubre", "outubro", "ottobre", "ott"),
    ("november", "nov", "novembre", "noviembre", "novembro"),
    ("december", "dec", "décembre", "déc", "decembre", "dezember", "dez", "diciembre",
     "dezembro", "desember", "disember", "des", "dis", "dicembre", "dic"),
)  # fmt: skip
# English abbreviations, which end in "." without ending a sentence ("Jan. 5")
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                       "nov", "dec")  # fmt: skip
# Khmer solar months, January first
KHMER_MONTH_NAMES = (
    ("មករា",), ("កុម្ភៈ", "កុម្ភះ"), ("មីនា",), ("មេសា",), ("ឧសភា",), ("មិថុនា",),
    ("កក្កដា",), ("សីហា",), ("កញ្ញា",), ("តុលា",), ("វិច្ឆិកា",), ("ធ្នូ",),
)  # fmt: skip
# Thai months, January first, and their abbreviations ("4 ธ.ค. 2569"); Thai years are of
# the Buddhist Era (2569 = 2026), see `_year`
THAI_MONTH_NAMES = (
    ("มกราคม", "ม.ค."), ("กุมภาพันธ์", "ก.พ."), ("มีนาคม", "มี.ค."), ("เมษายน", "เม.ย."),
    ("พฤษภาคม", "พ.ค."), ("มิถุนายน", "มิ.ย."), ("กรกฎาคม", "ก.ค."), ("สิงหาคม", "ส.ค."),
    ("กันยายน", "ก.ย."), ("ตุลาคม", "ต.ค."), ("พฤศจิกายน", "พ.ย."), ("ธันวาคม", "ธ.ค."),
)  # fmt: skip
# Russian months (as dates write them, "5 декабря 2026", and as names), January first
RUSSIAN_MONTH_NAMES = (
    ("января", "январь", "янв"), ("февраля", "февраль", "фев"), ("марта", "март"),
    ("апреля", "апрель", "апр"), ("мая", "май"), ("июня", "июнь"), ("июля", "июль"),
    ("августа", "август", "авг"), ("сентября", "сентябрь", "сент"), ("октября", "октябрь", "окт"),
    ("ноября", "ноябрь", "нояб"), ("декабря", "декабрь", "дек"),
)  # fmt: skip
# Ukrainian months (as dates write them, "25 листопада 2026", and as names), January first
UKRAINIAN_MONTH_NAMES = (
    ("січня", "січень"), ("лютого", "лютий"), ("березня", "березень"), ("квітня", "квітень"),
    ("травня", "травень"), ("червня", "червень"), ("липня", "липень"), ("серпня", "серпень"),
    ("вересня", "вересень"), ("жовтня", "жовтень"), ("листопада", "листопад"),
    ("грудня", "грудень"),
)  # fmt: skip
# Turkish months, January first ("4 Aralık 2026")
TURKISH_MONTH_NAMES = (
    ("ocak",), ("şubat",), ("mart",), ("nisan",), ("mayıs",), ("haziran",), ("temmuz",),
    ("ağustos",), ("eylül",), ("ekim",), ("kasım",), ("aralık",),
)  # fmt: skip
# Persian names of the Gregorian months, January first ("۴ دسامبر ۲۰۲۶")
PERSIAN_MONTH_NAMES = (
    ("ژانویه",), ("فوریه",), ("مارس",), ("آوریل",), ("مه", "می"), ("ژوئن",),
    ("ژوئیه", "جولای"), ("اوت", "آگوست"), ("سپتامبر",), ("اکتبر",), ("نوامبر",), ("دسامبر",),
)  # fmt: skip
# The Solar Hijri (Jalali) months of Iran and Afghanistan, Farvardin first: "۲ آذر ۱۴۰۵" is
# 23 November 2026 (converted by jdatetime)
JALALI_MONTH_NAMES = (
    ("فروردین",), ("اردیبهشت",), ("خرداد",), ("تیر",), ("مرداد", "امرداد"), ("شهریور",),
    ("مهر",), ("آبان",), ("آذر",), ("دی",), ("بهمن",), ("اسفند",),
)  # fmt: skip
# Arabic months of the Gregorian calendar, January first: the Egyptian and Gulf names (with and
# without hamza), then the Levantine and Iraqi ones
ARABIC_MONTH_NAMES = (
    ("يناير", "كانون الثاني"), ("فبراير", "شباط"), ("مارس", "آذار"),
    ("أبريل", "ابريل", "إبريل", "نيسان"), ("مايو", "أيار", "ايار"), ("يونيو", "يونيه", "حزيران"),
    ("يوليو", "يوليه", "تموز"), ("أغسطس", "اغسطس", "آب"), ("سبتمبر", "أيلول", "ايلول"),
    ("أكتوبر", "اكتوبر", "تشرين الأول"), ("نوفمبر", "تشرين الثاني"), ("ديسمبر", "كانون الأول"),
)  # fmt: skip
# Lao months, January first ("ວັນທີ 3 ທັນວາ 2026")
LAO_MONTH_NAMES = (
    ("ມັງກອນ",), ("ກຸມພາ",), ("ມີນາ",), ("ເມສາ",), ("ພຶດສະພາ",), ("ມິຖຸນາ",),
    ("ກໍລະກົດ",), ("ສິງຫາ",), ("ກັນຍາ",), ("ຕຸລາ",), ("ພະຈິກ",), ("ທັນວາ",),
)  # fmt: skip
# Myanmar months of the Gregorian calendar, January first ("၂၀၂၆ ခုနှစ် ဒီဇင်ဘာ ၃ ရက်"), and
# each with "လ" (month) written after it ("ဒီဇင်ဘာလ")
MYANMAR_MONTH_NAMES = tuple((*names, *(name + "လ" for name in names)) for names in (
    ("ဇန်နဝါရီ",), ("ဖေဖော်ဝါရီ",), ("မတ်",), ("ဧပြီ",), ("မေ",), ("ဇွန်",),
    ("ဇူလိုင်",), ("ဩဂုတ်", "သြဂုတ်"), ("စက်တင်ဘာ",), ("အောက်တိုဘာ",), ("နိုဝင်ဘာ",),
    ("ဒီဇင်ဘာ",),
))  # fmt: skip
def _with_unaccented(rows: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """Each row's names, and each also as capitals write it, without its accents: Greek
    capitals drop the tonos and may keep the diaeresis ("ΜΑΪΟΥ", "ΜΑΙΟΥ")."""
    def bare(name: str, keep: str) -> str:
        marks = (c for c in unicodedata.normalize("NFD", name)
                 if not unicodedata.combining(c) or c in keep)  # fmt: skip
        return unicodedata.normalize("NFC", "".join(marks))

    return tuple(tuple(dict.fromkeys(n for name in row for n in (name, bare(name, "\u0308"),
                                                                    bare(name, ""))))
                 for row in rows)  # fmt: skip


# Greek months, January first, as dates write them ("3 Δεκεμβρίου 2026"), as names, and
# abbreviated; capitals drop the accents ("3 ΔΕΚΕΜΒΡΙΟΥ 2026"), see `_unaccented`
GREEK_MONTH_NAMES = _with_unaccented((
    ("ιανουαρίου", "ιανουάριος", "ιαν"), ("φεβρουαρίου", "φεβρουάριος", "φεβ"),
    ("μαρτίου", "μάρτιος", "μαρ"), ("απριλίου", "απρίλιος", "απρ"),
    ("μαΐου", "μαίου", "μάιος", "μαΐ"),
    ("ιουνίου", "ιούνιος", "ιουν"), ("ιουλίου", "ιούλιος", "ιουλ"),
    ("αυγούστου", "αύγουστος", "αυγ"), ("σεπτεμβρίου", "σεπτέμβριος", "σεπ", "σεπτ"),
    ("οκτωβρίου", "οκτώβριος", "οκτ"), ("νοεμβρίου", "νοέμβριος", "νοε"),
    ("δεκεμβρίου", "δεκέμβριος", "δεκ"),
))  # fmt: skip
# Hebrew months, January first, and as dates write them, after "ב" ("3 בדצמבר 2026")
HEBREW_MONTH_NAMES = tuple((*names, *("ב" + name for name in names)) for names in (
    ("ינואר",), ("פברואר",), ("מרץ", "מרס"), ("אפריל",), ("מאי",), ("יוני",), ("יולי",),
    ("אוגוסט",), ("ספטמבר",), ("אוקטובר",), ("נובמבר",), ("דצמבר",),
))  # fmt: skip
# Bengali and Hindi months, January first, with their common spellings ("৩ ডিসেম্বর ২০২৬",
# "3 दिसंबर 2026")
BENGALI_MONTH_NAMES = (
    ("জানুয়ারি", "জানুয়ারী"), ("ফেব্রুয়ারি", "ফেব্রুয়ারী"), ("মার্চ",), ("এপ্রিল",), ("মে",),
    ("জুন",), ("জুলাই",), ("আগস্ট", "আগষ্ট"), ("সেপ্টেম্বর",), ("অক্টোবর",), ("নভেম্বর",),
    ("ডিসেম্বর",),
)  # fmt: skip
HINDI_MONTH_NAMES = (
    ("जनवरी",), ("फ़रवरी", "फरवरी"), ("मार्च",), ("अप्रैल",), ("मई",), ("जून",), ("जुलाई",),
    ("अगस्त",), ("सितंबर", "सितम्बर"), ("अक्टूबर",), ("नवंबर", "नवम्बर"), ("दिसंबर", "दिसम्बर"),
)  # fmt: skip
# Kazakh months, January first ("3 желтоқсан 2026", "2026 жылғы 3 желтоқсан"); Mongolian
# numbers its months ("2026 оны 12 сарын 3", `_FORMS`)
KAZAKH_MONTH_NAMES = (
    ("қаңтар",), ("ақпан",), ("наурыз",), ("сәуір",), ("мамыр",), ("маусым",), ("шілде",),
    ("тамыз",), ("қыркүйек",), ("қазан",), ("қараша",), ("желтоқсан",),
)  # fmt: skip
BUDDHIST_ERA = 543  # years ahead of the Common Era
# Japanese eras: the Common Era year before each one's first ("令和8年" is 2026; "元年" its first)
JAPANESE_ERAS = {"令和": 2018, "平成": 1988}
# Weekday names by day (Monday first): English and its abbreviations, French, German,
# Malay, Indonesian, Filipino, Spanish, Russian, Arabic, Ukrainian, Persian (as stored text
# writes it, without the non-joiner: "سهشنبه"), Italian, Dutch, Portuguese, Greek and Hebrew
WEEKDAY_NAMES = _with_unaccented((
    ("monday", "mon", "lundi", "montag", "isnin", "senin", "lunes", "понедельник", "الاثنين",
     "الإثنين", "понеділок", "دوشنبه", "lunedì", "maandag", "segunda-feira", "δευτέρα",
     "יום שני"),
    ("tuesday", "tue", "tues", "mardi", "dienstag", "selasa", "martes", "вторник", "الثلاثاء",
     "вівторок", "سه شنبه", "سهشنبه", "martedì", "dinsdag", "terça-feira", "τρίτη",
     "יום שלישי"),
    ("wednesday", "wed", "mercredi", "mittwoch", "rabu", "miyerkules", "miércoles", "среда",
     "الأربعاء", "середа", "چهارشنبه", "mercoledì", "woensdag", "quarta-feira", "τετάρτη",
     "יום רביעי"),
    ("thursday", "thu", "thur", "thurs", "jeudi", "donnerstag", "khamis", "kamis", "huwebes",
     "jueves", "четверг", "الخميس", "четвер", "پنجشنبه", "پنج شنبه", "giovedì", "donderdag",
     "quinta-feira", "πέμπτη", "יום חמישי"),
    ("friday", "fri", "vendredi", "freitag", "jumaat", "jumat", "biyernes", "viernes", "пятница",
     "الجمعة", "п'ятниця", "п’ятниця", "جمعه", "venerdì", "vrijdag", "sexta-feira",
     "παρασκευή", "יום שישי"),
    ("saturday", "sat", "samedi", "samstag", "sabtu", "sabado", "sábado", "суббота", "السبت",
     "субота", "شنبه", "sabato", "zaterdag", "σάββατο", "שבת", "יום שבת"),
    ("sunday", "sun", "dimanche", "sonntag", "ahad", "linggo", "domingo", "воскресенье",
     "الأحد", "неділя", "یکشنبه", "domenica", "zondag", "κυριακή", "יום ראשון"),
))  # fmt: skip  (not Indonesian "minggu": it is also "week", in "2 minggu lalu")
WEEKDAYS = tuple(name for names in WEEKDAY_NAMES for name in names)
