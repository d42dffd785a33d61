"""Words that cross languages: Khmer terms of ministry releases with their English words.

A Khmer release and an English one on the same event share few characters: names, acronyms and
numbers, when the Khmer text quotes them in Latin letters or digits. Most names are written in
Khmer script, though, and so are the institutions, places, months and subjects that tell what an
event is. This glossary gives the related-release index those in English words, so both releases
carry the same features. It is small on purpose, and limited to what Cambodian ministry releases
name again and again; a term that is part of unrelated longer words is given with the endings
that rule those out (មីន "mine" is in មីនា "March", so only its compounds are listed).
"""

from __future__ import annotations

import re

from monitor.text.calendar_names import KHMER_MONTH_NAMES, MONTH_NAMES
from monitor.text.scripts import KHMER, KHMER_CHARS, ZERO_WIDTH_SPACE, in_ranges

# Khmer term (a regular expression, matched with spaces removed) -> English words.
_KHMER: dict[str, str] = {
    # countries, places
    "កម្ពុជា": "cambodia",
    "ភ្នំពេញ": "phnom penh",
    "សៀមរាប": "siem reap",
    "បាត់ដំបង": "battambang",
    "បន្ទាយមានជ័យ": "banteay meanchey",
    "ឧត្តរមានជ័យ": "oddar meanchey",
    "ប៉ៃលិន": "pailin",
    "ព្រះវិហារ": "preah vihear",
    "រតនគិរី": "ratanakiri",
    "ជប៉ុន": "japan",
    "កូរ៉េ": "korea",
    "អូស្ត្រាលី": "australia",
    "សហរដ្ឋអាមេរិក": "united states",
    "វៀតណាម": "vietnam",
    "ឡាវ": "lao",
    "ប្រទេសថៃ": "thailand",
    "ឥណ្ឌូណេស៊ី": "indonesia",
    "ម៉ាឡេស៊ី": "malaysia",
    "ហ្វីលីពីន": "philippines",
    "សិង្ហបុរី": "singapore",
    "មីយ៉ា(?:ន|ន់)ម៉ា": "myanmar",
    "ប្រ៊ុយណេ": "brunei",
    "ម៉ុងហ្គោលី": "mongolia",
    "ឥណ្ឌា": "india",
    "បារាំង": "france",
    "អាល្លឺម៉ង់": "germany",
    "រុស្ស៊ី": "russia",
    "អង់គ្លេស": "united kingdom",
    "សហភាពអឺរ៉ុប": "european union",
    "ញូវយ៉ក": "new york",
    "ហ្សឺណែវ": "geneva",
    # institutions, offices, people
    "អាស៊ាន": "asean",
    "អង្គការសហប្រជាជាតិ|សហប្រជាជាតិ": "united nations",
    "អគ្គលេខាធិការ": "secretary general",
    "នាយករដ្ឋមន្ត្រី": "prime minister",
    "ឧបនាយករដ្ឋមន្ត្រី": "deputy prime minister",
    "រដ្ឋមន្ត្រីការបរទេស|រដ្ឋមន្ត្រីក្រសួងការបរទេស": "foreign minister",
    "ក្រសួងការបរទេស": "ministry foreign affairs",
    "សហប្រតិបត្តិការអន្តរជាតិ": "international cooperation",
    "ព្រះមហាក្សត្រ": "king",
    "រាជរដ្ឋាភិបាល": "royal government",
    "ហ៊ុនសែន": "hun sen",
    "ហ៊ុនម៉ាណែត": "hun manet",
    "ប្រាក់សុខុន": "prak sokhonn",
    "សុខចិន្តាសោភា": "sok chenda sophea",
    "ហ្គូតេរ៉េស": "guterres",
    "ស៊ីម៉ាក់": "cmac",
    "មជ្ឈមណ្ឌលសកម្មភាពកំចាត់មីនកម្ពុជា": "cambodian mine action centre cmac",
    "អាជ្ញាធរកម្ពុជាសកម្មភាពកំចាត់មីន": "cambodian mine action authority cmaa",
    # events, relations
    "កិច្ចប្រជុំកំពូល": "summit",
    "កិច្ចប្រជុំរដ្ឋមន្ត្រី": "ministerial meeting",
    "កិច្ចប្រជុំ(?!កំពូល|រដ្ឋមន្ត្រី)": "meeting",
    "ទ្វេភាគី": "bilateral",
    "ពហុភាគី": "multilateral",
    "អនុស្សរណៈនៃការយោគយល់គ្នា": "memorandum understanding",
    "ផែនការសកម្មភាព": "plan action",
    "ភាពជាដៃគូទូលំទូលាយ": "comprehensive partnership",
    "(?:ថែ|រក្សា)សន្តិភាព": "peacekeeping",
    "សន្តិភាព": "peace",
    "ពាណិជ្ជកម្ម": "trade",
    "វិនិយោគ": "investment",
    "ទេសចរណ៍": "tourism",
    "កសិកម្ម": "agriculture",
    "កុងស៊ុល": "consular",
    "ទិដ្ឋាការ": "visa",
    "ចូលឆ្នាំថ្មី": "new year",
    "កូវីដ": "covid",
    # mine action (never the bare មីន, which is also in មីនា, March)
    "(?:បោសសម្អាត|ដោះ|កំចាត់|កម្ចាត់)មីន(?!ា)": "demining mine clearance",
    "គ្រាប់មីន(?!ា)": "mine",
    "ចម្ការមីន(?!ា)": "minefield",
    "កម្ពុជាគ្មានមីន(?!ា)": "mine free",
    "សកម្មភាពកំចាត់មីន(?!ា)": "mine action",
    "គ្រាប់មិនទាន់ផ្ទុះ": "unexploded ordnance uxo",
    "សំណល់ជាតិផ្ទុះ(?:ពីសង្គ្រាម)?": "explosive remnants war",
    "ជនរងគ្រោះ": "victim",
    # months, "ខែមករា" for january ("តុលា" alone is also in តុលាការ, court)
    **{"ខែ" + km[0]: en[0] for km, en in zip(KHMER_MONTH_NAMES, MONTH_NAMES, strict=True)},
}

_PATTERNS = [(re.compile(term), english) for term, english in _KHMER.items()]
_GAPS = re.compile(f"(?<=[{KHMER_CHARS}])[\\s{ZERO_WIDTH_SPACE}]+(?=[{KHMER_CHARS}])")

# Every English word the glossary can give: what an English release shares with a Khmer one.
ENGLISH_WORDS = frozenset(w for english in _KHMER.values() for w in english.split())


def english_words(text: str) -> list[str]:
    """English words for the Khmer terms in `text`, once per term found."""
    if not any(in_ranges(ch, KHMER) for ch in text):
        return []
    joined = _GAPS.sub("", text)
    return [english for rx, english in _PATTERNS if rx.search(joined)]
