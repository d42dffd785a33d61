"""Terms compiled and found in sentences: which phrase of which theme occurs where.

A term matches a run of adjacent words whose squashed forms are equal to its own, or, for terms
of 8 letters or more without short acronyms, a run with the same number of words where every
word is equal except for at most one letter slip in a word of 8 letters or more (and the whole
run still scores at least the documented `fuzz.ratio` cut-off: 93 for terms of 8-11 letters, 90
for longer ones). So "mine clearence" matches "mine clearance", while "complementary
initiatives" (two letters changed in one word) does not match "Complementarities Initiative".
A term that ends with a short acronym does not match when the next word is capitalised and
joined to it: "UN Women" and "UN Charter" are other names, and "ASEAN and UN Women" is not
"ASEAN and the UN". Khmer and Thai are matched on characters (see `monitor.context.themes`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from monitor.context.theme_text import (
    Sentence,
    char_form,
    is_acronym,
    tokens,
)
from monitor.context.theme_words import GUARDS
from monitor.text.excerpt import clip
from monitor.text.normalize import DASHES, fold_for_matching
from monitor.text.scripts import COENG, LEADING_VOWELS, UNSPACED_CHAR

DEFAULT_MIN_SCORE = 1.0
EVIDENCE_CHARS = 300  # longer sentences are cut to a window around the match
EXEMPLAR_CAP = 1.0
EXEMPLAR_LOW, EXEMPLAR_HIGH = 0.15, 0.35  # similarity below LOW adds nothing, HIGH adds the cap
LONG_WORD = 8  # words this long may carry one letter slip; shorter ones must be exact


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
            if compile_term(term, support=False) is None:
                raise ValueError(
                    f"theme {self.name!r}: the term {term!r} has nothing to match (no letters or "
                    "digits besides 'the', 'a', 'an'); write the phrase out or remove it"
                )


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
    guard: str | None = None  # key of theme_words.GUARDS that must pass in the sentence


def _compile_atom(phrase: str) -> _Atom | None:
    if UNSPACED_CHAR.search(phrase):
        key, _ = char_form(phrase)
        cutoff = 90.0 if len(key) >= 10 else None
        return _Atom("char", key, fuzzy_cutoff=cutoff) if key else None
    raw = tokens(unicodedata.normalize("NFC", phrase))
    if not raw:
        return None
    words = tuple(t.form for t in raw)
    acronyms = tuple(is_acronym(t.original) for t in raw)
    key = "".join(words)
    cutoff = None
    if len(key) >= 8 and not any(acronyms):
        cutoff = 93.0 if len(key) < 12 else 90.0
    anchors = frozenset(w for w in words if len(w) < LONG_WORD)
    return _Atom("word", key, words, acronyms, anchors, cutoff)


def compile_term(label: str, support: bool) -> _Term | None:
    parts = [p.strip() for p in re.split(r"\.\.\.|…", label) if p.strip()]
    atoms = tuple(a for a in (_compile_atom(p) for p in parts) if a is not None)
    if not atoms or len(atoms) != len(parts):
        return None
    guard = atoms[0].key if len(atoms) == 1 and atoms[0].key in GUARDS else None
    return _Term(label, atoms, support, guard)


def _guard_passes(guard: str, words: Iterable[str]) -> bool:
    cues, blockers = GUARDS[guard]
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
    # the first two letters of every word key, exact or fuzzy: a run whose first word starts
    # otherwise matches nothing, so most words of a text are passed over at once
    heads: frozenset[str]


@lru_cache(maxsize=64)
def compile_theme(theme: Theme) -> _CompiledTheme:
    compiled = [compile_term(x, False) for x in theme.terms]
    compiled += [compile_term(x, True) for x in theme.support]
    terms: list[_Term] = []
    seen: set[tuple[str, ...]] = set()
    for term in compiled:  # "ASEAN-UN" and "ASEAN-United Nations" are one term, counted once
        keys = tuple(a.key for a in term.atoms) if term else ()
        if term is not None and keys not in seen:
            seen.add(keys)
            terms.append(term)
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
    heads = frozenset(a.key[:2] for term in terms for a in term.atoms if a.mode != "char")
    return _CompiledTheme(theme, terms, exact, fuzzy, chars, max_words, exemplars, heads)


def _ngrams(text: str, n: int = 5, limit: int = 4000) -> frozenset[str]:
    """Distinct character 5-grams of the opening: sets, not counts, so that the grams every
    English text repeats ("the ", "tion") do not make all releases look alike."""
    squashed = fold_for_matching(text)[:limit].replace(" ", "")
    return frozenset(squashed[i : i + n] for i in range(max(0, len(squashed) - n + 1)))


@dataclass
class _Hit:
    term: int
    atom: int
    start: int
    end: int


def _word_hits(sentence: Sentence, ct: _CompiledTheme) -> list[_Hit]:
    hits = []
    words = sentence.words
    for i in range(len(words)):
        first = words[i].form
        if len(first) > 1 and first[:2] not in ct.heads:
            continue
        forms: list[str] = []
        for n in range(1, ct.max_words + 1):
            j = i + n - 1
            if j >= len(words) or (n > 1 and not sentence.joins[j - 1]):
                break
            forms.append(words[j].form)
            key = "".join(forms)
            found = False
            for ti, ai in ct.exact.get(key, ()):
                atom = ct.terms[ti].atoms[ai]
                if _acronyms_ok(atom, sentence, i, j):
                    hits.append(_Hit(ti, ai, words[i].start, words[j].end))
                    found = True
            if found or n not in ct.fuzzy:
                continue
            # A slip inside a term, never at its ends: "deminning", not "of the ASEAN-UN".
            for ti, ai, atom in ct.fuzzy[n].get(key[:2] + key[-2:], ()):
                if _slip_only(atom, forms, key):
                    hits.append(_Hit(ti, ai, words[i].start, words[j].end))
    return hits


def _slip_only(atom: _Atom, forms: list[str], key: str) -> bool:
    """At most one letter slip in each long word, none in short ones, and the whole run at or
    above the atom's cut-off: the promise the README makes."""
    if not fuzz.ratio(key, atom.key, score_cutoff=atom.fuzzy_cutoff or 100.0):
        return False
    for got, want in zip(forms, atom.words, strict=True):
        if got == want:
            continue
        if len(want) < LONG_WORD or Levenshtein.distance(got, want, score_cutoff=1) > 1:
            return False
    return True


def _acronyms_ok(atom: _Atom, sentence: Sentence, i: int, j: int) -> bool:
    """Short acronyms must be capitals in the text, and a term ending in one must not run on
    into a longer name ("UN Women", "UN Charter")."""
    if not any(atom.acronyms):
        return True
    window = sentence.words[i : j + 1]
    if len(window) != len(atom.words):
        return False
    for must, token in zip(atom.acronyms, window, strict=True):
        original = token.original
        text = original[:-1] if original.endswith("s") and len(original) > 1 else original
        if must and not text.isupper():
            return False
    headline = sentence.in_title and _title_case(sentence)
    if atom.acronyms[-1] and j + 1 < len(sentence.words) and not headline:
        # "ASEAN-UN Cooperation" is a compound; "ASEAN and UN Women" names UN Women
        before = sentence.text[window[-2].end : window[-1].start] if len(window) > 1 else " "
        following = sentence.words[j + 1]
        gap = sentence.text[window[-1].end : following.start]
        compound = any(ch in DASHES for ch in before)
        if not compound and gap.isspace() and following.original[:1].isupper():
            return False
    return True


def _title_case(sentence: Sentence) -> bool:
    """A headline In Title Case: capitals there say nothing about names."""
    long = [t.original for t in sentence.words if len(t.original) > 3 and not t.original.isupper()]
    return len(long) >= 3 and sum(w[:1].isupper() for w in long) >= 0.75 * len(long)


def _char_hits(sentence: Sentence, ct: _CompiledTheme) -> list[_Hit]:
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
    return not (start > 0 and (text[start - 1] == COENG or text[start - 1] in LEADING_VOWELS))


@dataclass
class TermHit:
    term: int
    sentence: int
    surface: str
    span: tuple[int, int] | None  # None for "A ... B" terms
    parts: list[tuple[int, int]]


def sentence_hits(sentence: Sentence, index: int, ct: _CompiledTheme) -> list[TermHit]:
    raw = _word_hits(sentence, ct) + _char_hits(sentence, ct)
    if not raw:
        return []
    by_term: dict[int, dict[int, list[_Hit]]] = {}
    for hit in raw:
        by_term.setdefault(hit.term, {}).setdefault(hit.atom, []).append(hit)
    singles: list[tuple[tuple[int, int], TermHit]] = []
    multis: list[TermHit] = []
    word_forms = [w.form for w in sentence.words]
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
                singles.append((span, TermHit(ti, index, surface, span, [])))
        else:
            firsts = [min(atoms[ai], key=lambda h: h.start) for ai in range(len(term.atoms))]
            surface = " … ".join(sentence.text[h.start : h.end] for h in firsts)
            parts = [(h.start, h.end) for h in firsts]
            multis.append(TermHit(ti, index, surface, None, parts))
    # Overlapping matches: the longest explains the passage ("ASEAN-UN Summit", not also
    # "ASEAN-UN"); an "A ... B" term counts only for what no plain term already explains.
    spans: list[tuple[int, int]] = []
    kept: list[TermHit] = []
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


def excerpt(sentence: str, span: tuple[int, int] | None) -> str:
    """The sentence, or a window of it around the match cut at word boundaries."""
    if len(sentence) <= EVIDENCE_CHARS:
        return sentence
    if span is None:
        return clip(sentence, 0, EVIDENCE_CHARS)
    half = (EVIDENCE_CHARS - (span[1] - span[0])) // 2
    return clip(sentence, span[0] - half, span[1] + half, keep=span)


def exemplar_bonus(ct: _CompiledTheme, text: str) -> tuple[float, str]:
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
