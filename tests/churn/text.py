"""Deterministic made-up press-release text: headlines, short and long statements, chrome words."""

from __future__ import annotations

import random

MINISTRIES = [
    "Ministry of Foreign Affairs and International Cooperation",
    "Ministry of Agriculture, Forestry and Fisheries",
    "Ministry of Mines and Energy",
    "Ministry of Interior",
    "Ministry of Health",
    "Ministry of Education, Youth and Sport",
    "Ministry of Public Works and Transport",
    "Ministry of Environment",
    "Office of the Attorney General",
    "Department of Commerce",
    "Federal Office for Civil Protection",
    "Ministry of Labour and Vocational Training",
]
PEOPLE = [
    "The Minister", "The Deputy Prime Minister", "The Secretary of State", "The Attorney General",
    "The spokesperson of the Ministry", "The Director-General", "The Under-Secretary of State",
    "H.E. the Minister", "The Governor",
]
VERBS = [
    "met", "received", "welcomed", "held talks with", "signed an agreement with",
    "announced a settlement with", "opened a consultation with", "congratulated",
]
PARTNERS = [
    "the Ambassador of Japan", "a delegation of the European Union", "the UNDP Resident "
    "Representative", "the Governor of the central bank", "representatives of ASEAN member "
    "states", "the Chamber of Commerce", "farmers' associations from three provinces",
    "the World Health Organization country office", "the Mine Action Authority",
    "a consortium of logistics companies", "local authorities of Kampot province",
]
TOPICS = [
    "demining in the north-western provinces", "rice export quotas for 2027", "rural road "
    "maintenance", "vaccination of children under five", "the new consumer protection law",
    "cross-border trade facilitation", "flood preparedness ahead of the rainy season",
    "vocational training for young workers", "renewable energy tenders", "data privacy "
    "obligations of online platforms", "the protection of migrant workers", "school meals",
    "the ratification of the maritime boundary treaty", "a settlement over unfair lending",
]
EXTRAS = [
    "Both sides agreed to meet again before the end of the year.",
    "The agreement enters into force on signature.",
    "The Ministry thanked all partners for their continued support.",
    "Further details will be published in the official gazette.",
    "The programme is financed from the national budget and by development partners.",
    "Applications can be submitted until 31 March.",
    "The talks took place in a warm and friendly atmosphere.",
    "Officials stressed that the measures are temporary and will be reviewed every quarter.",
    "A joint working group will report on progress within six months.",
    "Residents are asked to follow the instructions of local authorities.",
    "Companies that fail to comply face fines of up to 50 million riel.",
    "The settlement also requires independent monitoring for three years.",
    "Both delegations reaffirmed their commitment to regional peace and stability.",
    "The Ministry will publish the list of beneficiaries on its website.",
]
HEADLINE_START = [
    "Minister meets", "Ministry signs memorandum with", "Statement on", "Government launches",
    "Attorney General secures settlement on", "Press release: update on", "Joint statement on",
    "Deputy Prime Minister opens forum on", "New guidelines on", "Ministry warns about",
    "Consultation opens on", "Results of the talks on",
]
CITIES = ["Phnom Penh", "Siem Reap", "Battambang", "Kampot", "Sacramento", "Brussels", "Bern"]
LANGS = ["Khmer", "Français", "English", "Deutsch", "Español", "ภาษาไทย", "中文"]
TAGS = [
    "Diplomacy", "ASEAN", "Agriculture", "Energy", "Health", "Demining", "Trade", "Economy",
    "Consumer protection", "Education", "Environment", "Press", "Settlement", "Youth",
    "Climate", "Infrastructure", "Labour", "Tourism", "Mekong", "Security",
]
WEATHER = ["sunny", "partly cloudy", "light rain", "thunderstorms", "overcast", "clear", "haze"]
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def headline(rng: random.Random) -> str:
    return f"{rng.choice(HEADLINE_START)} {rng.choice(TOPICS)}"


def sentence(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        who, verb, partner = rng.choice(PEOPLE), rng.choice(VERBS), rng.choice(PARTNERS)
        return f"{who} {verb} {partner} on {rng.choice(TOPICS)}."
    if kind == 1:
        return (f"The discussion focused on {rng.choice(TOPICS)} and on {rng.choice(TOPICS)}, "
                f"which {rng.choice(PEOPLE).lower()} described as a priority.")  # fmt: skip
    if kind == 2:
        return (f"On {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2024, 2026)}, "
                f"{rng.choice(PEOPLE).lower()} {rng.choice(VERBS)} {rng.choice(PARTNERS)} "
                f"in {rng.choice(CITIES)}.")  # fmt: skip
    return rng.choice(EXTRAS)


def short_statement(rng: random.Random) -> list[str]:
    """Two short paragraphs, under 250 characters together (they churn the most)."""
    while True:
        first = (f"{rng.choice(PEOPLE)} {rng.choice(VERBS)} {rng.choice(PARTNERS)} "
                 f"on {rng.choice(TOPICS)}.")  # fmt: skip
        second = rng.choice(EXTRAS)
        if len(first) + len(second) < 240:
            return [first, second]


def long_statement(rng: random.Random, paragraphs: tuple[int, int] = (4, 9)) -> list[str]:
    return [
        " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        for _ in range(rng.randint(*paragraphs))
    ]


def statement(rng: random.Random, short: bool) -> list[str]:
    return short_statement(rng) if short else long_statement(rng)


def clock(rng: random.Random, year: int = 2026) -> tuple[str, str]:
    """An ISO-like and a written timestamp, for header clocks and "last updated" lines."""
    m, d, h, mi = rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)
    iso = f"{year}-{m:02d}-{d:02d} {h:02d}:{mi:02d}"
    return iso, f"{d} {MONTHS[m - 1]} {year}, {h:02d}:{mi:02d}"
