"""What a release is reduced to for related releases: hashed features of its whole text.

- Words: content words (plural -s dropped) of the title and the whole text (up to
  `WHOLE_CHARS`), and for Khmer and Thai, which have no spaces, character 4-grams (one in three,
  chosen by hash). Numbers are written in ASCII digits first, so "២០២៥" and "2025" are one.
- Event features, which tell one event from another of the same kind: the dates written in the
  text (read by `monitor.text.dates`, the one date reader, as ISO days), numbers, acronyms and
  runs of capitalised words (names of people, places and bodies: "Hun Manet", "Purdue Pharma").
  They are general features of how a text is written, not lists of names. Their hashes have the
  top bit set, so the score can weigh them up without storing a weight.
- The lead: the features of the title and the opening (`LEAD_CHARS`), where a press release puts
  its event; the score weighs them up on each side.
- Bridge features: what a release in another script can share (numbers, acronyms, names in
  Latin letters, and for Khmer the glossary's English words).
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from monitor.context.glossary import ENGLISH_WORDS, english_words
from monitor.text.dates import date_matches
from monitor.text.normalize import fold_for_matching as normalise
from monitor.text.scripts import ASCII_DIGITS, SPACED_LETTERS, UNSPACED_CHARS, char_class

LEAD_CHARS = 3000  # opening of the text whose features are weighed up
WHOLE_CHARS = 20_000  # the text compared (a long synopsis: its first 20,000 characters)
DUP_CHARS = 600  # opening kept for the near-duplicate comparison
SKETCH = 48  # non-title features per release in the inverted index
NO_SPACE_SAMPLE = 3  # keep one character 4-gram in three
BRIDGE_POSTED = 32  # bridge features per release in the inverted index
EVENT_BIT = 0x8000_0000  # set in the hash of an event feature, clear in every other

_STOPWORDS_TEXT = """a about above after again against all also am an and any are as at be been
before being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers him his how i if in into is it its itself me more
most my no nor not of off on once only or other our ours out over own same she should so some
such than that the their theirs them then there these they this those through to too under until
up very was we were what when where which while who whom why will with would you your shall may
upon via per within without among"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())
NO_SPACE_RUN = re.compile(f"[{UNSPACED_CHARS}]+")
_NO_SPACE_GAP = re.compile(f"(?<=[{UNSPACED_CHARS}])[\\s-]+(?=[{UNSPACED_CHARS}])")
_WORD = re.compile(f"[0-9a-z{char_class(SPACED_LETTERS)}]+")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,7}\b")
_LATIN = re.compile(r"[a-z]")
# Two or more capitalised words in a row, inside a sentence: a name ("Prime Minister Hun Manet")
_NAME = re.compile(r"(?<=[a-z,;] )(?:[A-Z][\w'’.-]+ ){1,4}[A-Z][\w'’-]+")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_DATE_REACH = 40  # characters around a year that a date written with it can take


def word_key(word: str) -> str:
    """A content word as a feature: plural -s dropped."""
    if len(word) > 3 and word[-1] == "s" and word[-2:] not in ("ss", "us", "is"):
        return word[:-1]
    return word


def words(text: str) -> set[str]:
    return {word_key(w) for w in set(_WORD.findall(text)) - STOPWORDS if len(w) > 1}


def hashes(items: Iterable[str]) -> set[int]:
    return {zlib.crc32(w.encode()) & ~EVENT_BIT for w in items}


def _features(text: str, found: set[str] | None = None) -> set[int]:
    """Content words (`found`, when they are read already) and sampled character 4-grams of
    no-space scripts."""
    out = hashes(words(text) if found is None else found)
    if NO_SPACE_RUN.search(text):
        runs = NO_SPACE_RUN.findall(_NO_SPACE_GAP.sub("", text))
        grams = {run[i : i + 4] for run in runs for i in range(len(run) - 3)}
        found = (zlib.crc32(g.encode()) & ~EVENT_BIT for g in grams)
        out.update(h for h in found if h % NO_SPACE_SAMPLE == 0)
    return out


def _dates(raw: str) -> set[str]:
    """The dates written in `raw`, read only around its years (every form a release writes has
    one): most of a text is not read by the date patterns at all."""
    raw = raw.translate(ASCII_DIGITS)
    windows: list[list[int]] = []
    for m in _YEAR.finditer(raw):
        start = raw.rfind(" ", 0, max(0, m.start() - _DATE_REACH)) + 1  # at a word's start
        end = m.end() + _DATE_REACH
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        else:
            windows.append([start, end])
    return {m.iso for start, end in windows for m in date_matches(raw[start:end])}


def event_features(raw: str) -> set[int]:
    """Dates (ISO days), numbers, acronyms and names: what tells one event from another."""
    found = {"d:" + iso for iso in _dates(raw)}
    found |= {"n:" + n.replace(",", "") for n in _NUMBER.findall(raw.translate(ASCII_DIGITS))}
    found |= {"a:" + a for a in _ACRONYM.findall(raw)}
    found |= {"p:" + normalise(n) for n in _NAME.findall(raw)}
    return {zlib.crc32(f.encode()) | EVENT_BIT for f in found}


@dataclass(frozen=True)
class Prepared:
    title: str  # normalised
    lead: str  # normalised opening, for the near-duplicate comparison
    features: frozenset[int]
    lead_features: frozenset[int]
    posted: frozenset[int]  # written to the inverted index
    bridge: frozenset[int]
    no_space: bool


def is_no_space(text: str) -> bool:
    """Mostly written in a script without spaces: its own words are not comparable."""
    if not NO_SPACE_RUN.search(text):
        return False
    return len("".join(NO_SPACE_RUN.findall(text))) > len(_LATIN.findall(text))


def _bridge(raw: str, found: set[str], no_space: bool) -> set[int]:
    """What a release in another script can share with this one (`found`: the words of its
    title and lead)."""
    acronyms = {a.lower() for a in _ACRONYM.findall(raw)}
    if no_space:  # every word in Latin letters or digits is a name, an acronym or a number
        return hashes(found | words(" ".join(english_words(raw))))
    return hashes(w for w in found if w.isdigit() or w in ENGLISH_WORDS or w in acronyms)


def _unmarked(feature: int) -> int:
    """The sketch's order: event features take their places among the others."""
    return feature & ~EVENT_BIT


def prepare(title: str, text: str) -> Prepared:
    text = text[:WHOLE_CHARS]
    title_n = normalise(title)
    whole_n = normalise(text)
    lead_n = whole_n[:LEAD_CHARS]
    lead_raw = title + "\n" + text[:LEAD_CHARS]
    no_space = is_no_space(title_n + " " + lead_n)
    title_w, lead_w = words(title_n), words(lead_n)
    title_f = _features(title_n, title_w)
    lead_events = event_features(lead_raw)
    lead_f = title_f | _features(lead_n, lead_w) | lead_events
    body_f = lead_f
    if len(whole_n) > LEAD_CHARS:  # a short release is all lead
        body_f = body_f | _features(whole_n[LEAD_CHARS - 50 :]) | event_features(text[LEAD_CHARS:])
    bridge = _bridge(lead_raw, title_w | lead_w, no_space)
    posted = (
        frozenset(title_f)
        | frozenset(heapq.nsmallest(SKETCH, lead_f - title_f, key=_unmarked))
        | frozenset(heapq.nsmallest(BRIDGE_POSTED, bridge))
    )
    if body_f is lead_f:
        lead_f = set()  # all lead: nothing to weigh up against the rest
    return Prepared(
        title_n, lead_n[:DUP_CHARS], frozenset(title_f | body_f | bridge), frozenset(lead_f),
        posted, frozenset(bridge), no_space,
    )  # fmt: skip
