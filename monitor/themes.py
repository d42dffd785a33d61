"""Theme tagging: which watched themes a release belongs to, and the passages that show it.

How a term matches (word scripts: Latin, Greek, Cyrillic). Title and text are cut into
sentences and words; words are case-folded, dashes unified, the articles "the/a/an" dropped and
plurals reduced ("-ies" to "-y", final "-s"), and then runs of adjacent words are squashed
together, so "de-mining", "de mining" and "Demining", or "ASEAN–UN", "ASEAN - UN" and
"ASEAN-UN", are the same string. An equal string matches. Otherwise rapidfuzz `fuzz.ratio`
decides, for a run with as many words as the term and the same first two and last two letters:
at least 93 for terms of 8-11 letters (one letter added or dropped), 90 for longer ones, never
for terms under 8 letters, and every term word under 8 letters must still appear unchanged (so
"mine clearence" matches "mine clearance"; "mind clearance" and "ASEAN and with UN" do not).
Matching is whole-word, so "mine" never matches "determine", "examine", "mining" or "Mekong";
acronyms of up to three capitals ("UN", "UXO") must be capitals in the text too (so French "un"
is not the UN). Khmer and Thai, written without spaces, are matched on characters: spaces,
zero-width spaces and hyphens are ignored, a match may not end before a dependent vowel or sign
(so "មីន", mine, does not match "មីនា", March), and terms of 10 or more characters also match
fuzzily (`fuzz.partial_ratio_alignment` >= 90). A term written "A ... B" matches when A and B
occur in the same sentence. The bare word "mine" counts only in a sentence with a mine-action cue
(clear, explosive, planted, victim, border...) and without a mining cue (coal, gold, ore...).

How a theme is scored (the README paragraph). Each distinct term found counts 1 (0.5 for a
*support* term: words that back a theme up but say too little alone, such as "UN
Secretary-General" or "peacekeeping"), doubled when it occurs in the title; each further sentence
with a match adds 0.25 (at most 1); and a release close to one of the theme's exemplars adds up
to 1 (shared character 5-grams, cosine from 0.15 to 0.35). A theme is tagged when its score
reaches `min_score` (default 1) and at least one non-support term was found: a passing mention of
the UN in a visa notice, or "ASEAN" and "UN Charter" in one sentence, never tags ASEAN-UN
cooperation. The evidence kept with a tag is each matched term as written in the release, with
its sentence.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from monitor.excerpt import clip
from monitor.models import ThemeMatch

DEFAULT_MIN_SCORE = 1.0
TERM_WEIGHT = 1.0
SUPPORT_WEIGHT = 0.5
TITLE_FACTOR = 2.0
REPEAT_BONUS = 0.25
REPEAT_CAP = 1.0
EXEMPLAR_CAP = 1.0
EXEMPLAR_LOW, EXEMPLAR_HIGH = 0.15, 0.35  # similarity below LOW adds nothing, HIGH adds the cap
MAX_EVIDENCE = 12
EVIDENCE_CHARS = 300  # longer sentences are cut to a window around the match


@dataclass(frozen=True)
class Theme:
    """A watched theme. `exemplars` are release texts (already loaded) that typify it;
    `support` terms raise the score of a theme already evidenced but never tag on their own."""

    name: str
    terms: tuple[str, ...]
    min_score: float = DEFAULT_MIN_SCORE
    exemplars: tuple[str, ...] = ()
    support: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.terms:
            raise ValueError(f"theme {self.name!r} has no terms: give it at least one")
        for term in (*self.terms, *self.support):
            if _compile_term(term, support=False) is None:
                raise ValueError(
                    f"theme {self.name!r}: the term {term!r} has nothing to match (no letters or "
                    "digits besides 'the', 'a', 'an'); write the phrase out or remove it"
                )


# --- normalisation -------------------------------------------------------------------------

_DASH_CHARS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_TRANSLATE: dict[int, str | None] = {ord(c): "-" for c in _DASH_CHARS}
_TRANSLATE.update({ord(c): None for c in _INVISIBLE_CHARS})
_TRANSLATE.update({ord(c): "'" for c in "\u2018\u2019\u02bc\u2032"})
_TRANSLATE.update(
    {cp: str(unicodedata.digit(chr(cp))) for cp in range(0x80, 0x10000)
     if unicodedata.category(chr(cp)) == "Nd"}
)  # fmt: skip
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFC, case-folded, dashes as "-", no soft hyphens or zero-width spaces, ASCII digits
    (Khmer ១២ and Thai ๑๒ become 12, so numbers compare across scripts), single spaces."""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE).casefold()
    return _SPACES.sub(" ", text).strip()


# Scripts written without spaces between words: matched on characters.
_NO_SPACE = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u19e0-\u19ff]")
_WORD = re.compile(
    r"[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff]+"
    r"(?:['’][0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff]+)*"
)
_ARTICLES = frozenset({"the", "a", "an"})
_JOINERS = frozenset(" \t\r\n\u00a0" + _DASH_CHARS + _INVISIBLE_CHARS)
_CHAR_SKIP = frozenset(_DASH_CHARS + _INVISIBLE_CHARS + ".\u00b7")
_COENG = "\u17d2"
_LEADING_VOWELS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4")


def _word_form(token: str) -> str:
    """Case-folded, possessive dropped, plural reduced: what words are compared as."""
    word = token.translate(_TRANSLATE).casefold()
    for ending in ("'s", "'"):
        if word.endswith(ending):
            word = word[: -len(ending)]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _is_acronym(token: str) -> bool:
    return len(token) <= 3 and token.isupper()


def _char_form(text: str) -> tuple[str, list[int]]:
    """Text without spaces, hyphens, dots or invisible characters, and where each kept
    character came from, for matching scripts written without spaces."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace() or ch in _CHAR_SKIP:
            continue
        out.append(ch.translate(_TRANSLATE).casefold())
        where.append(i)
    return "".join(out), where


# --- compiled terms ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Atom:
    """One phrase of a term, compiled."""

    mode: str  # "word" or "char"
    key: str  # squashed form
    words: tuple[str, ...] = ()  # word forms (word mode)
    acronyms: tuple[bool, ...] = ()  # which words must be capitals in the text
    anchors: frozenset[str] = frozenset()  # words that must appear unchanged in a fuzzy match
    fuzzy_cutoff: float | None = None  # None: exact only


@dataclass(frozen=True)
class _Term:
    label: str
    atoms: tuple[_Atom, ...]  # two or more for "A ... B"
    support: bool
    guard: str | None = None  # key of _GUARDS that must pass in the sentence


def _compile_atom(phrase: str) -> _Atom | None:
    if _NO_SPACE.search(phrase):
        key, _ = _char_form(phrase)
        cutoff = 90.0 if len(key) >= 10 else None
        return _Atom("char", key, fuzzy_cutoff=cutoff) if key else None
    raw = _WORD.findall(unicodedata.normalize("NFC", phrase))
    raw = [t for t in raw if t.casefold() not in _ARTICLES]
    if not raw:
        return None
    words = tuple(_word_form(t) for t in raw)
    acronyms = tuple(_is_acronym(t) for t in raw)
    key = "".join(words)
    cutoff = None
    if len(key) >= 8 and not any(acronyms):
        cutoff = 93.0 if len(key) < 12 else 90.0
    anchors = frozenset(w for w in words if len(w) < 8)
    return _Atom("word", key, words, acronyms, anchors, cutoff)


def _compile_term(label: str, support: bool) -> _Term | None:
    parts = [p.strip() for p in re.split(r"\.\.\.|…", label) if p.strip()]
    atoms = tuple(a for a in (_compile_atom(p) for p in parts) if a is not None)
    if not atoms or len(atoms) != len(parts):
        return None
    guard = atoms[0].key if len(atoms) == 1 and atoms[0].key in _GUARDS else None
    return _Term(label, atoms, support, guard)


# "mine" is also a pit, a pronoun and half of "mining": it counts only beside mine-action
# words and away from mining ones. Stems match word beginnings.
_GUARDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "mine": (
        (
            "clear", "demin", "landmine", "explos", "explod", "uxo", "ordnance", "plant",
            "anti", "personnel", "victim", "survivor", "casualt", "injur", "kill", "amput",
            "detect", "field", "border", "ottawa", "risk", "awareness", "hazard", "contamin",
            "erw", "trap", "sweep", "action", "free", "remnant", "laid", "lay",
        ),
        (
            "mining", "miner", "mineral", "coal", "gold", "copper", "ore", "quarr", "concession",
            "shaft", "tailing", "excavat", "extract", "lithium", "bauxite", "nickel", "iron",
            "energy", "petroleum", "geolog", "pit", "licen", "tonne", "ton",
        ),
    ),
}  # fmt: skip


def _guard_passes(guard: str, words: Iterable[str]) -> bool:
    cues, blockers = _GUARDS[guard]
    seen_cue = False
    for word in words:
        if word == guard:
            continue
        if any(word.startswith(b) if len(b) > 3 else word == b for b in blockers):
            return False
        if not seen_cue and any(word.startswith(c) if len(c) > 3 else word == c for c in cues):
            seen_cue = True
    return seen_cue


@dataclass
class _CompiledTheme:
    theme: Theme
    terms: list[_Term]
    exact: dict[str, list[tuple[int, int]]]  # word key -> (term, atom)
    # window size -> (first two + last two letters) -> fuzzy-matchable atoms
    fuzzy: dict[int, dict[str, list[tuple[int, int, _Atom]]]]
    chars: list[tuple[int, int, _Atom]]
    max_words: int
    exemplars: list[tuple[frozenset[str], str]]


@lru_cache(maxsize=64)
def _compile(theme: Theme) -> _CompiledTheme:
    terms = [t for t in (_compile_term(x, False) for x in theme.terms) if t is not None]
    terms += [t for t in (_compile_term(x, True) for x in theme.support) if t is not None]
    exact: dict[str, list[tuple[int, int]]] = {}
    fuzzy: dict[int, dict[str, list[tuple[int, int, _Atom]]]] = {}
    chars: list[tuple[int, int, _Atom]] = []
    max_words = 1
    for ti, term in enumerate(terms):
        for ai, atom in enumerate(term.atoms):
            if atom.mode == "char":
                chars.append((ti, ai, atom))
                continue
            exact.setdefault(atom.key, []).append((ti, ai))
            n = len(atom.words)
            max_words = max(max_words, n + 1)
            if atom.fuzzy_cutoff is not None:
                # Slips within words only: same word count, so no extra word slips in.
                ends = atom.key[:2] + atom.key[-2:]
                fuzzy.setdefault(n, {}).setdefault(ends, []).append((ti, ai, atom))
    exemplars = []
    for text in theme.exemplars:
        grams = _ngrams(text)
        if grams:
            first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
            exemplars.append((grams, first[:120]))
    return _CompiledTheme(theme, terms, exact, fuzzy, chars, max_words, exemplars)


def _ngrams(text: str, n: int = 5, limit: int = 4000) -> frozenset[str]:
    """Distinct character 5-grams of the opening: sets, not counts, so that the grams every
    English text repeats ("the ", "tion") do not make all releases look alike."""
    squashed = normalise(text)[:limit].replace(" ", "")
    return frozenset(squashed[i : i + n] for i in range(max(0, len(squashed) - n + 1)))


# --- sentences -----------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"'“‘(\[]?[^\sa-z])|(?<=[។៕])\s*")


@dataclass
class _Sentence:
    text: str
    in_title: bool
    words: list[tuple[int, int, str, str]]  # start, end, word form, original token
    joins: list[bool]  # joins[i]: words i and i+1 are adjacent (only spaces/dashes between)
    chars: tuple[str, list[int]] | None  # character form, for no-space scripts


def _sentences(title: str, paragraphs: Sequence[str]) -> list[_Sentence]:
    out = []
    pieces = [(title, True)] + [(p, False) for p in paragraphs]
    for block, in_title in pieces:
        block = unicodedata.normalize("NFC", block or "")
        for line in block.splitlines():
            for sentence in _SENTENCE_END.split(line):
                sentence = sentence.strip()
                if sentence:
                    out.append(_prepare(sentence, in_title))
    return out


def _prepare(sentence: str, in_title: bool) -> _Sentence:
    words = []
    joins = []
    previous_end = None
    for m in _WORD.finditer(sentence):
        form = _word_form(m.group())
        if form in _ARTICLES:
            continue
        if previous_end is not None:
            gap = sentence[previous_end : m.start()]
            # An article in between is skipped: "ASEAN and the UN" joins like "ASEAN and UN".
            joins.append(
                all(_word_form(w) in _ARTICLES for w in _WORD.findall(gap))
                and all(ch in _JOINERS or ch.isalpha() for ch in gap)
            )
        words.append((m.start(), m.end(), form, m.group()))
        previous_end = m.end()
    chars = _char_form(sentence) if _NO_SPACE.search(sentence) else None
    return _Sentence(sentence, in_title, words, joins, chars)


# --- matching ------------------------------------------------------------------------------


@dataclass
class _Hit:
    term: int
    atom: int
    start: int
    end: int


def _word_hits(sentence: _Sentence, ct: _CompiledTheme) -> list[_Hit]:
    hits = []
    words = sentence.words
    for i in range(len(words)):
        forms: list[str] = []
        for n in range(1, ct.max_words + 1):
            j = i + n - 1
            if j >= len(words) or (n > 1 and not sentence.joins[j - 1]):
                break
            forms.append(words[j][2])
            key = "".join(forms)
            found = False
            for ti, ai in ct.exact.get(key, ()):
                atom = ct.terms[ti].atoms[ai]
                if _acronyms_ok(atom, words[i : j + 1]):
                    hits.append(_Hit(ti, ai, words[i][0], words[j][1]))
                    found = True
            if found or n not in ct.fuzzy:
                continue
            # A slip inside a term, never at its ends: "deminning", not "of the ASEAN-UN".
            for ti, ai, atom in ct.fuzzy[n].get(key[:2] + key[-2:], ()):
                cutoff = atom.fuzzy_cutoff or 100.0
                if fuzz.ratio(key, atom.key, score_cutoff=cutoff) and atom.anchors <= set(forms):
                    hits.append(_Hit(ti, ai, words[i][0], words[j][1]))
    return hits


def _acronyms_ok(atom: _Atom, window: list[tuple[int, int, str, str]]) -> bool:
    if not any(atom.acronyms):
        return True
    if len(window) != len(atom.words):
        return False
    for must, (_, _, _, original) in zip(atom.acronyms, window, strict=True):
        token = original[:-1] if original.endswith("s") and len(original) > 1 else original
        if must and not token.isupper():
            return False
    return True


def _char_hits(sentence: _Sentence, ct: _CompiledTheme) -> list[_Hit]:
    if sentence.chars is None or not ct.chars:
        return []
    text, where = sentence.chars
    hits = []
    for ti, ai, atom in ct.chars:
        key = atom.key
        start = text.find(key)
        found = False
        while start >= 0:
            end = start + len(key)
            if _char_boundaries_ok(text, start, end):
                hits.append(_Hit(ti, ai, where[start], where[end - 1] + 1))
                found = True
            start = text.find(key, start + 1)
        if found or atom.fuzzy_cutoff is None or len(text) < len(key) * 0.8:
            continue
        if key[:3] not in text and key[-3:] not in text:
            continue  # cheap block before the alignment search
        al = fuzz.partial_ratio_alignment(key, text, score_cutoff=atom.fuzzy_cutoff)
        if al is None:
            continue
        start, end = al.dest_start, al.dest_end
        while start < end and _is_mark(text[start]):  # an alignment may start on a sign...
            start += 1
        while end < len(text) and _is_mark(text[end]):  # ...or stop short of one
            end += 1
        if start < end and _char_boundaries_ok(text, start, end):
            hits.append(_Hit(ti, ai, where[start], where[end - 1] + 1))
    return hits


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


def _char_boundaries_ok(text: str, start: int, end: int) -> bool:
    """No match that ends before a dependent vowel or sign, or starts on a subscript or
    after a leading vowel: the syllable would continue into another word."""
    if end < len(text) and _is_mark(text[end]):
        return False
    return not (start > 0 and (text[start - 1] == _COENG or text[start - 1] in _LEADING_VOWELS))


@dataclass
class _TermHit:
    term: int
    sentence: int
    surface: str
    span: tuple[int, int] | None  # None for "A ... B" terms
    parts: list[tuple[int, int]]


def _sentence_hits(sentence: _Sentence, index: int, ct: _CompiledTheme) -> list[_TermHit]:
    raw = _word_hits(sentence, ct) + _char_hits(sentence, ct)
    if not raw:
        return []
    by_term: dict[int, dict[int, list[_Hit]]] = {}
    for hit in raw:
        by_term.setdefault(hit.term, {}).setdefault(hit.atom, []).append(hit)
    singles: list[tuple[tuple[int, int], _TermHit]] = []
    multis: list[_TermHit] = []
    word_forms = [w[2] for w in sentence.words]
    for ti, atoms in by_term.items():
        term = ct.terms[ti]
        if len(atoms) < len(term.atoms):
            continue
        if term.guard and not _guard_passes(term.guard, word_forms):
            continue
        if len(term.atoms) == 1:
            for hit in atoms[0]:
                span = (hit.start, hit.end)
                surface = sentence.text[hit.start : hit.end]
                singles.append((span, _TermHit(ti, index, surface, span, [])))
        else:
            firsts = [min(atoms[ai], key=lambda h: h.start) for ai in range(len(term.atoms))]
            surface = " … ".join(sentence.text[h.start : h.end] for h in firsts)
            parts = [(h.start, h.end) for h in firsts]
            multis.append(_TermHit(ti, index, surface, None, parts))
    # Overlapping matches: the longest explains the passage ("ASEAN-UN Summit", not also
    # "ASEAN-UN"); an "A ... B" term counts only for what no plain term already explains.
    spans: list[tuple[int, int]] = []
    kept: list[_TermHit] = []
    for span, th in sorted(singles, key=lambda x: (x[0][0] - x[0][1], x[0][0])):
        if not any(_overlaps(span, other) for other in spans):
            spans.append(span)
            kept.append(th)
    for th in multis:
        if not all(any(_overlaps(p, other) for other in spans) for p in th.parts):
            kept.append(th)
    return kept


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _excerpt(sentence: str, span: tuple[int, int] | None) -> str:
    """The sentence, or a window of it around the match cut at word boundaries."""
    if len(sentence) <= EVIDENCE_CHARS:
        return sentence
    if span is None:
        return clip(sentence, 0, EVIDENCE_CHARS)
    half = (EVIDENCE_CHARS - (span[1] - span[0])) // 2
    return clip(sentence, span[0] - half, span[1] + half, keep=span)


def _exemplar_bonus(ct: _CompiledTheme, text: str) -> tuple[float, str]:
    if not ct.exemplars:
        return 0.0, ""
    grams = _ngrams(text)
    if not grams:
        return 0.0, ""
    best, label = 0.0, ""
    for ex_grams, first in ct.exemplars:
        cosine = len(grams & ex_grams) / math.sqrt(len(grams) * len(ex_grams))
        if cosine > best:
            best, label = cosine, first
    share = (best - EXEMPLAR_LOW) / (EXEMPLAR_HIGH - EXEMPLAR_LOW)
    return EXEMPLAR_CAP * min(1.0, max(0.0, share)), label


def _evaluate(sentences: list[_Sentence], full_text: str, theme: Theme) -> tuple[ThemeMatch, bool]:
    ct = _compile(theme)
    hits: list[_TermHit] = []
    for i, sentence in enumerate(sentences):
        hits.extend(_sentence_hits(sentence, i, ct))
    first: dict[int, _TermHit] = {}
    in_title: set[int] = set()
    for th in hits:
        first.setdefault(th.term, th)
        if sentences[th.sentence].in_title:
            in_title.add(th.term)
    score = 0.0
    weights = {}
    for ti in first:
        weight = SUPPORT_WEIGHT if ct.terms[ti].support else TERM_WEIGHT
        weights[ti] = weight * (TITLE_FACTOR if ti in in_title else 1.0)
        score += weights[ti]
    sentences_hit = len({th.sentence for th in hits})
    score += min(REPEAT_CAP, REPEAT_BONUS * max(0, sentences_hit - 1))
    strong = any(not ct.terms[ti].support for ti in first)
    evidence = []
    order = sorted(first.values(), key=lambda th: (-weights[th.term], th.sentence))
    for th in order[:MAX_EVIDENCE]:
        sentence = sentences[th.sentence].text
        evidence.append((th.surface, _excerpt(sentence, th.span)))
    if strong:  # an exemplar backs up evidence; alone it would tag look-alikes of any topic
        bonus, label = _exemplar_bonus(ct, full_text)
        if bonus > 0:
            score += bonus
            evidence.append(("similar to exemplar", label))
    match = ThemeMatch(theme=theme.name, score=round(score, 2), evidence=tuple(evidence))
    return match, strong and score >= theme.min_score


def match_themes(
    title: str, paragraphs: Sequence[str], themes: Sequence[Theme]
) -> list[ThemeMatch]:
    """The themes a release belongs to, best first, each with its evidence
    ((term as written in the release, sentence), ...)."""
    sentences = _sentences(title, paragraphs)
    full_text = "\n".join([title, *paragraphs])
    tagged = []
    for theme in themes:
        match, ok = _evaluate(sentences, full_text, theme)
        if ok:
            tagged.append(match)
    return sorted(tagged, key=lambda m: -m.score)


def score_themes(
    title: str, paragraphs: Sequence[str], themes: Sequence[Theme]
) -> list[ThemeMatch]:
    """Every theme's score and evidence, tagged or not: for explaining a missing tag."""
    sentences = _sentences(title, paragraphs)
    full_text = "\n".join([title, *paragraphs])
    return [_evaluate(sentences, full_text, theme)[0] for theme in themes]


# --- the shipped themes --------------------------------------------------------------------

ASEAN_UN = Theme(
    name="asean-un",
    terms=(
        "ASEAN-UN", "ASEAN-United Nations", "ASEAN and the UN", "ASEAN and the United Nations",
        "UN-ASEAN", "United Nations-ASEAN", "UN and ASEAN", "United Nations and ASEAN",
        "ASEAN-UN Summit", "ASEAN-UN Ministerial Meeting", "ASEAN-UN Plan of Action",
        "Comprehensive Partnership between ASEAN and the United Nations",
        "ASEAN-UN Comprehensive Partnership", "Complementarities Initiative",
        "ASEAN Community Vision 2025 and the 2030 Agenda",
        # Khmer: ASEAN-UN; ASEAN and the UN (អ.ស.ប is the short form of the UN)
        "អាស៊ាន-អង្គការសហប្រជាជាតិ", "អាស៊ាន និងអង្គការសហប្រជាជាតិ",
        "អង្គការសហប្រជាជាតិ និងអាស៊ាន", "អាស៊ាន-អ.ស.ប", "អាស៊ាន និង អ.ស.ប",
        # Thai: ASEAN-UN; ASEAN and the UN; ASEAN with the UN
        "อาเซียน-สหประชาชาติ", "อาเซียนและสหประชาชาติ", "อาเซียนกับสหประชาชาติ",
    ),
    support=(
        "UN Secretary-General", "Secretary-General of the United Nations",
        "United Nations Secretary-General", "peacekeeping", "peacekeepers",
        "Action for Peacekeeping", "A4P", "PKO", "2030 Agenda for Sustainable Development",
        "ESCAP", "Secretariat-to-Secretariat", "ASEAN ... United Nations", "ASEAN ... UN",
        # Khmer: UN Secretary-General; peacekeeping; ASEAN ... UN
        "អគ្គលេខាធិការអង្គការសហប្រជាជាតិ", "រក្សាសន្តិភាព", "អាស៊ាន ... អង្គការសហប្រជាជាតិ",
        # Thai: ASEAN ... UN
        "อาเซียน ... สหประชาชาติ",
    ),
)  # fmt: skip

DEMINING = Theme(
    name="demining",
    terms=(
        "demining", "humanitarian demining", "deminer", "mine action", "mine action centre",
        "mine action center", "landmine", "anti-personnel mine", "anti-personnel landmine",
        "mine clearance", "mine clearing", "landmine clearance", "mine-free",
        "mine-free Cambodia", "mine victims", "mine survivors", "mine risk education",
        "explosive ordnance risk education", "mine-affected", "mine-contaminated",
        "Mine Ban Treaty", "Mine Ban Convention", "Ottawa Convention", "Ottawa Treaty",
        "Convention on Cluster Munitions", "cluster munitions", "UXO", "unexploded ordnance",
        "unexploded bombs", "unexploded munitions", "explosive ordnance",
        "explosive remnants of war", "ERW", "abandoned explosive ordnance",
        "battle area clearance", "suspected hazardous area", "confirmed hazardous area",
        "CMAC", "CMAA", "ARMAC", "NPMEC", "UNMAS", "GICHD", "ICBL", "TMAC", "Landmine Monitor",
        "Cambodian Mine Action Centre", "ASEAN Regional Mine Action Centre",
        "ASEAN Regional Mine Action Center",
        "Cambodian Mine Action and Victim Assistance Authority", "HALO Trust",
        "Mines Advisory Group", "APOPO", "Norwegian People's Aid",
        # Khmer: landmine; demining; mine clearance (two spellings); mine elimination (two
        # spellings, as in CMAC's and CMAA's names); mine action; minefield (two words);
        # mine-free; cleared of mines; Mine Authority; UXO; unexploded ordnance; explosive
        # remnants; CMAC transliterated; cluster bombs
        "គ្រាប់មីន", "ដោះមីន", "បោសសម្អាតមីន", "បោសសំអាតមីន", "កំចាត់មីន", "កម្ចាត់មីន",
        "សកម្មភាពមីន", "ចម្ការមីន", "វាលមីន", "គ្មានមីន", "អស់មីន", "អាជ្ញាធរមីន",
        "គ្រាប់មិនទាន់ផ្ទុះ", "យុទ្ធភណ្ឌមិនទាន់ផ្ទុះ", "សំណល់ជាតិផ្ទុះ", "ស៊ីម៉ាក់",
        "គ្រាប់បែកចង្កោម",
        # Thai: landmine; demining; mine action; Thailand Mine Action Center; UXO
        "ทุ่นระเบิด", "เก็บกู้ทุ่นระเบิด", "ปฏิบัติการทุ่นระเบิด",
        "ศูนย์ปฏิบัติการทุ่นระเบิดแห่งชาติ", "วัตถุระเบิดที่ยังไม่ระเบิด",
    ),
    support=(
        "mine", "minefield", "victim assistance", "EOD", "booby-trap", "land release",
        "technical survey", "hazardous area",
        # Khmer: mine (bare, after the syllable check); Thai: "trap bomb", colloquial landmine
        "មីន", "กับระเบิด",
    ),
)  # fmt: skip

DEFAULT_THEMES: tuple[Theme, ...] = (ASEAN_UN, DEMINING)
