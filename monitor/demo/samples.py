"""The releases the demo site publishes: the packaged sample texts and synthetic ones.

Package data is read through importlib.resources so the demo works from a wheel, not only from
a source checkout.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from monitor.text.calendar_names import KHMER_MONTH_NAMES
from monitor.text.scripts import KHMER_DIGITS

LANGUAGES = ("en", "km")
_HEADER_KEYS = {"title", "date", "slug", "language", "category", "tags", "status", "note"}
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class SampleRelease:
    """One press release as the ministry wrote it: what a correct extraction must return."""

    slug: str
    title: str
    date: dt.date
    lang: str
    paragraphs: tuple[str, ...]
    category: str = "Press Release"
    tags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not _SLUG_RE.match(self.slug):
            raise ValueError(f"slug {self.slug!r}: use lower-case ASCII words joined by '-'")
        if self.lang not in LANGUAGES:
            raise ValueError(f"release {self.slug}: language must be one of {LANGUAGES}")
        if not self.title.strip() or not self.paragraphs:
            raise ValueError(f"release {self.slug}: a title and at least one paragraph needed")
        object.__setattr__(self, "paragraphs", tuple(self.paragraphs))
        object.__setattr__(self, "tags", tuple(self.tags))

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def parse_release(text: str, *, name: str = "<release>") -> tuple[SampleRelease, dict[str, str]]:
    """Parse one release file; return the release and its raw header (for Status and Note)."""
    head, sep, body = text.replace("\r\n", "\n").partition("\n\n")
    if not sep:
        raise ValueError(f"{name}: no blank line between the header and the paragraphs")
    header: dict[str, str] = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if not colon or key not in _HEADER_KEYS:
            raise ValueError(
                f"{name}: bad header line {line!r}; known keys: {sorted(_HEADER_KEYS)}"
            )
        header[key] = value.strip()
    missing = {"title", "date", "slug", "language"} - header.keys()
    if missing:
        raise ValueError(f"{name}: header lacks {', '.join(sorted(missing))}")
    try:
        date = dt.date.fromisoformat(header["date"])
    except ValueError:
        raise ValueError(f"{name}: Date must be an ISO date like 2024-01-25") from None
    paragraphs = tuple(p for p in (_clean(b) for b in re.split(r"\n\s*\n", body)) if p)
    tags = tuple(t for t in (_clean(t) for t in header.get("tags", "").split(",")) if t)
    release = SampleRelease(
        slug=header["slug"],
        title=_clean(header["title"]),
        date=date,
        lang=header["language"],
        paragraphs=paragraphs,
        category=_clean(header.get("category", "")) or "Press Release",
        tags=tags,
    )
    return release, header


def load_releases(*, status: str = "published") -> list[SampleRelease]:
    """The packaged sample releases, newest first.

    status="upcoming" gives the releases held back for the demo's "publish a new release" step.
    """
    folder = resources.files(__package__).joinpath("releases")
    found: list[SampleRelease] = []
    for entry in folder.iterdir():
        if not entry.name.endswith(".txt"):
            continue
        release, header = parse_release(entry.read_text(encoding="utf-8"), name=entry.name)
        if entry.name != release.slug + ".txt":
            raise ValueError(f"{entry.name}: the file name must be the slug plus .txt")
        if header.get("status", "published") == status:
            found.append(release)
    return sort_releases(found)


def sort_releases(releases: list[SampleRelease]) -> list[SampleRelease]:
    """Newest first; slug breaks ties so the order never depends on input order."""
    return sorted(releases, key=lambda r: (r.date, r.slug), reverse=True)


# --- synthetic releases for benchmarks ---------------------------------------------------

_COUNTRIES = [
    "Japan", "the Republic of Korea", "Australia", "France", "Germany", "Thailand", "Viet Nam",
    "the Lao PDR", "Indonesia", "Malaysia", "the Philippines", "Singapore", "Brunei Darussalam",
    "India", "New Zealand", "Canada", "Mongolia", "Hungary", "Chile", "Egypt", "Qatar", "Poland",
]  # fmt: skip
_COUNTRIES_KM = ["ជប៉ុន", "ថៃ", "វៀតណាម", "ឡាវ", "ឥណ្ឌូណេស៊ី", "ម៉ាឡេស៊ី", "សិង្ហបុរី", "បារាំង"]
_PROVINCES = [
    "Battambang", "Banteay Meanchey", "Pailin", "Oddar Meanchey", "Preah Vihear", "Pursat",
    "Siem Reap", "Kampong Thom", "Kratie", "Mondulkiri", "Ratanakiri", "Kampong Chhnang",
]  # fmt: skip
_CITIES = [
    "Phnom Penh", "Siem Reap", "Jakarta", "New York", "Geneva", "Bangkok", "Tokyo", "Vientiane",
    "Hanoi", "Kuala Lumpur", "Singapore", "Manila", "Battambang", "Brussels",
]  # fmt: skip
_OFFICIALS = [
    "the Deputy Prime Minister and Minister of Foreign Affairs and International Cooperation",
    "a Secretary of State of the Ministry of Foreign Affairs and International Cooperation",
    "an Under Secretary of State of the Ministry",
    "the Director-General of ASEAN Affairs",
    "the Permanent Representative of Cambodia to the United Nations",
    "the Ambassador of the Kingdom of Cambodia",
]
_AREAS = [
    "trade", "investment", "tourism", "education", "agriculture", "health", "culture",
    "vocational training", "the digital economy", "renewable energy", "connectivity",
    "food security", "public administration", "law enforcement", "water resources",
]  # fmt: skip
_MEETINGS = [
    "Bilateral Consultations", "Joint Commission", "Courtesy Call", "Policy Dialogue",
    "Working Group Meeting", "Senior Officials' Meeting", "Business Forum", "Seminar",
]  # fmt: skip

_TOPICS: dict[str, dict[str, list[str]]] = {
    "demining": {
        "titles": [
            "{country} Supports Mine Clearance in {province} Province",
            "Cleared Land Handed Over to Communities in {province}",
            "Cambodia Shares Demining Experience with {country}",
            "Workshop on Victim Assistance Held in {city}",
            "Mine Action Progress Reviewed in {province} Province",
            "Explosive Ordnance Risk Education Campaign Launched in {province}",
        ],
        "sentences": [
            "{official} attended the handover of {n} hectares of cleared land to communities in"
            " {province} province.",
            "Deminers of the Cambodian Mine Action Centre (CMAC) removed {n} anti-personnel mines"
            " and {m} items of unexploded ordnance during the operation.",
            "The project, funded by {country}, combines technical survey, clearance and explosive"
            " ordnance risk education in the villages concerned.",
            "The Royal Government reaffirmed its commitment to a mine-free Cambodia and thanked"
            " {country} for its support to humanitarian demining.",
            "Participants discussed victim assistance, the marking of suspected hazardous areas"
            " and the quality management of clearance.",
            "The Cambodian Mine Action and Victim Assistance Authority (CMAA) reported that {n}"
            " square kilometres of land remain to be cleared in {province}.",
            "Cambodian deminers have served with United Nations peacekeeping operations and have"
            " trained deminers from {country}.",
        ],
        "tags": ["Mine Action", "CMAC", "CMAA"],
    },
    "asean_un": {
        "titles": [
            "ASEAN-UN {meeting} Reviews Cooperation on {area_title}",
            "Cambodia Highlights the ASEAN-UN Partnership in {city}",
            "ASEAN and the United Nations Discuss {area_title}",
            "Cambodia Attends the ASEAN-UN Ministerial Meeting in {city}",
            "Secretariat-to-Secretariat Meeting between ASEAN and the UN Held in {city}",
        ],
        "sentences": [
            "The meeting reviewed the implementation of the ASEAN-UN Plan of Action (2021-2025)"
            " and the preparation of the next Plan of Action.",
            "{official} underlined the complementarities between the ASEAN Community Vision 2025"
            " and the 2030 Agenda for Sustainable Development.",
            "ASEAN and the United Nations agreed to deepen cooperation in {area} and in disaster"
            " management.",
            "The UN Secretary-General welcomed the contribution of ASEAN Member States to United"
            " Nations peacekeeping operations.",
            "Cambodia reaffirmed its support for the central role of the United Nations and for"
            " ASEAN Centrality in the regional architecture.",
            "The participants took note of the Secretariat-to-Secretariat mechanism that follows"
            " ASEAN-UN cooperation between summits.",
        ],
        "tags": ["ASEAN", "United Nations"],
    },
    "other": {
        "titles": [
            "Cambodia and {country} Hold {meeting}",
            "Cambodia and {country} Agree to Expand Cooperation in {area_title}",
            "{meeting} on {area_title} Held in {city}",
            "Cambodia Welcomes Investors from {country}",
            "Notice on Consular Services in {city}",
            "Cambodia and {country} Discuss the Mining Sector and {area_title}",
        ],
        "sentences": [
            "The two sides agreed to strengthen cooperation in {area} and {area2}.",
            "{official} expressed appreciation for the warm hospitality extended to the"
            " Cambodian delegation.",
            "Both sides exchanged views on regional and international issues of common interest.",
            "The meeting took place in a cordial and friendly atmosphere.",
            "Bilateral trade between Cambodia and {country} reached {n} million US dollars last"
            " year.",
            "The delegation showed interest in the mining sector, including new gold mines and"
            " the examination of mining licences in {province}.",
            "Applicants for visas are advised to apply online at least {m} working days before"
            " travel.",
            "The two sides agreed to hold the next meeting in {city} at a mutually convenient"
            " time.",
        ],
        "tags": ["Bilateral Relations", "Trade"],
    },
}
_KM_TITLES = [
    "កិច្ចប្រជុំពិភាក្សាទ្វេភាគីរវាងកម្ពុជា និង{country}",
    "សេចក្តីប្រកាសព័ត៌មានស្តីពីការងារបោសសម្អាតមីន",
    "កម្ពុជា និង{country} ពង្រឹងកិច្ចសហប្រតិបត្តិការ",
]
_KM_SENTENCES = [
    "ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ បានរៀបចំកិច្ចប្រជុំស្តីពីកិច្ចសហប្រតិបត្តិការទ្វេភាគីជាមួយ{country}។",
    "ភាគីទាំងពីរបានឯកភាពពង្រឹងកិច្ចសហប្រតិបត្តិការលើវិស័យពាណិជ្ជកម្ម ការវិនិយោគ ទេសចរណ៍ និងការអប់រំ។",
    "កិច្ចប្រជុំបានប្រព្រឹត្តទៅក្នុងបរិយាកាសស្និទ្ធស្នាល និងរាក់ទាក់។",
    "ការងារបោសសម្អាតមីន និងគ្រាប់មិនទាន់ផ្ទុះ នៅតែជាអាទិភាពរបស់រាជរដ្ឋាភិបាលកម្ពុជា។",
    "ភាគីទាំងពីរក៏បានផ្លាស់ប្តូរទស្សនៈលើបញ្ហាតំបន់ និងអន្តរជាតិដែលមានការយកចិត្តទុកដាក់រួម។",
    "កម្ពុជាគាំទ្រកិច្ចសហប្រតិបត្តិការរវាងអាស៊ាន និងអង្គការសហប្រជាជាតិ។",
]
_KM_MONTHS = [names[0] for names in KHMER_MONTH_NAMES]
_KM_DIGITS = str.maketrans("0123456789", KHMER_DIGITS)


def slugify(text: str, *, limit: int = 70) -> str:
    """WordPress-like slug from an English title (ASCII words, '-' joined, cut at a word)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "release"


def _fill(template: str, rng: random.Random) -> str:
    area, area2 = rng.sample(_AREAS, 2)
    return template.format(
        country=rng.choice(_COUNTRIES),
        province=rng.choice(_PROVINCES),
        city=rng.choice(_CITIES),
        official=rng.choice(_OFFICIALS),
        meeting=rng.choice(_MEETINGS),
        area=area,
        area2=area2,
        area_title=area.removeprefix("the ").title(),
        n=rng.randrange(12, 900),
        m=rng.randrange(2, 12),
    )


def _capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _english(rng: random.Random, day: dt.date) -> tuple[str, tuple[str, ...], list[str]]:
    topic = rng.choices(["demining", "asean_un", "other"], weights=[2, 2, 6])[0]
    spec = _TOPICS[topic]
    title = _fill(rng.choice(spec["titles"]), rng)
    pool = list(spec["sentences"])
    if rng.random() < 0.1:  # a few releases touch both themes
        pool += _TOPICS["asean_un" if topic == "demining" else "demining"]["sentences"][:3]
    pool += _TOPICS["other"]["sentences"][1:4]
    pool = list(dict.fromkeys(pool))
    rng.shuffle(pool)
    leads = {
        "demining": f"visited mine clearance sites in {rng.choice(_PROVINCES)} province.",
        "asean_un": f"took part in an ASEAN-UN {rng.choice(_MEETINGS).lower()} held in"
        f" {rng.choice(_CITIES)}.",
        "other": rng.choice(
            [
                f"met a delegation from {rng.choice(_COUNTRIES)} in {rng.choice(_CITIES)}.",
                f"took part in a meeting on {rng.choice(_AREAS)} held in {rng.choice(_CITIES)}.",
                f"received the Ambassador of {rng.choice(_COUNTRIES)} at the Ministry.",
            ]
        ),
    }
    lead = f"On {day.day} {day:%B %Y}, {rng.choice(_OFFICIALS)} {leads[topic]}"
    paragraphs = [lead]
    for _ in range(rng.randrange(2, 6)):
        if not pool:
            break
        k = min(len(pool), rng.randrange(1, 4))
        paragraphs.append(" ".join(_capitalise(_fill(pool.pop(), rng)) for _ in range(k)))
    paragraphs.append(f"{rng.choice(['Phnom Penh', *_CITIES[:4]])}, {day.day} {day:%B %Y}")
    return title, tuple(paragraphs), list(spec["tags"])


def _khmer(rng: random.Random, day: dt.date) -> tuple[str, tuple[str, ...], list[str]]:
    country = rng.choice(_COUNTRIES_KM)
    title = rng.choice(_KM_TITLES).format(country=country)
    sentences = [s.format(country=country) for s in rng.sample(_KM_SENTENCES, 4)]
    place = f"រាជធានីភ្នំពេញ ថ្ងៃទី{day.day} ខែ{_KM_MONTHS[day.month - 1]} ឆ្នាំ{day.year}"
    return title, (*sentences, place.translate(_KM_DIGITS)), ["មីន"]


def generate_releases(
    n: int, seed: int, *, newest: dt.date = dt.date(2024, 12, 20)
) -> list[SampleRelease]:
    """`n` deterministic synthetic releases, newest first, for benchmarks and scale tests.

    Same (n, seed) gives the same list; about 20 % demining, 20 % ASEAN-UN, 3 % Khmer.
    """
    rng = random.Random(seed)
    releases: list[SampleRelease] = []
    used: set[str] = set()
    day = newest
    for i in range(n):
        if i:
            day -= dt.timedelta(days=rng.choice([0, 0, 1, 1, 1, 2, 3]))
        if rng.random() < 0.03:
            title, paragraphs, tags = _khmer(rng, day)
            lang, slug, category = "km", f"km-press-release-{day:%Y%m%d}", "សេចក្តីប្រកាសព័ត៌មាន"
        else:
            title, paragraphs, tags = _english(rng, day)
            lang, slug, category = "en", slugify(title), rng.choice(["Press Release", "News"])
        base, k = slug, 2
        while slug in used:  # WordPress appends -2, -3 to a slug already taken
            slug, k = f"{base}-{k}", k + 1
        used.add(slug)
        releases.append(SampleRelease(slug, title, day, lang, paragraphs, category, tuple(tags)))
    return sort_releases(releases)
