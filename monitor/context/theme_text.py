"""Text as the theme matcher reads it: normalised words, organisation names as one token, and
sentences that a line break in the page did not cut in two.

Words are case-folded, dashes unified, possessives dropped and plurals reduced ("-ies" to "-y",
final "-s"), so "de-mining", "de mining" and "Demining" compare equal once squashed. A name
from `theme_words.ALIASES`, with or without its acronym in brackets, is one token written as the
acronym: "Association of Southeast Asian Nations (ASEAN)", "United Nations" and "U.N." read as
"ASEAN", "UN" and "UN". Lines that continue a sentence (the line before has no closing
punctuation and the next one starts in lower case, as a `<br>` or a wrapped source line leaves
them) are joined, so "national mine⏎action centre" is one phrase and its evidence one sentence.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from monitor.context.theme_words import ALIASES
from monitor.text.normalize import DASHES, MATCHING_FOLD
from monitor.text.scripts import INVISIBLE, SPACED_LETTERS, UNSPACED_CHAR, char_class

_LETTERS = "0-9A-Za-z" + char_class(SPACED_LETTERS)
WORD = re.compile(rf"[{_LETTERS}]+(?:['’][{_LETTERS}]+)*")
ARTICLES = frozenset({"the", "a", "an"})
_JOINERS = frozenset(" \t\r\n\u00a0" + DASHES + INVISIBLE)
_CHAR_SKIP = frozenset(DASHES + INVISIBLE + ".\u00b7")
_NAME_GAP = r"[\s-]+"
_ALIAS = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(f"(?P<a{i}>{p.replace(' ', _NAME_GAP)})" for i, p in enumerate(ALIASES))
    + r")(?![A-Za-z])(?:\s*\(\s*(?P<acr>[A-Z][A-Za-z.]{1,9})\s*\))?",
    re.IGNORECASE,
)
_ALIAS_ACRONYMS = list(ALIASES.values())


@functools.lru_cache(maxsize=65536)  # a text's words recur, and every release is read
def word_form(token: str) -> str:
    """Case-folded, possessive dropped, plural reduced: what words are compared as."""
    word = token.translate(MATCHING_FOLD).casefold()
    for ending in ("'s", "'"):
        if word.endswith(ending):
            word = word[: -len(ending)]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def is_acronym(token: str) -> bool:
    return len(token) <= 3 and token.isupper()


def char_form(text: str) -> tuple[str, list[int]]:
    """Text without spaces, hyphens, dots or invisible characters, and where each kept
    character came from, for matching scripts written without spaces."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace() or ch in _CHAR_SKIP:
            continue
        out.append(ch.translate(MATCHING_FOLD).casefold())
        where.append(i)
    return "".join(out), where


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    form: str  # word form, compared with a term's words
    original: str  # as written (an alias: its acronym), for the capitals check


def tokens(text: str) -> list[Token]:
    """Words of `text` without articles, each organisation name as one acronym token."""
    names = []
    for m in _ALIAS.finditer(text):
        group = next(i for i in range(len(_ALIAS_ACRONYMS)) if m.group(f"a{i}"))
        acronym = _ALIAS_ACRONYMS[group]
        bracket = m.group("acr")
        # "(ASEAN)" after the name is part of the mention; another bracket is not
        same = bracket is not None and bracket.replace(".", "").upper() == acronym
        end = m.end() if same else m.end(f"a{group}")
        names.append(Token(m.start(), end, word_form(acronym), acronym))
    out = list(names)
    for m in WORD.finditer(text):
        if any(n.start <= m.start() < n.end for n in names):
            continue
        form = word_form(m.group())
        if form not in ARTICLES:
            out.append(Token(m.start(), m.end(), form, m.group()))
    return sorted(out, key=lambda t: t.start)


@dataclass
class Sentence:
    text: str
    in_title: bool
    words: list[Token]
    joins: list[bool]  # joins[i]: words i and i+1 are adjacent (only spaces/dashes between)
    chars: tuple[str, list[int]] | None  # character form, for no-space scripts
    block: int  # which paragraph (0 is the title) it comes from


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[\"'“‘(\[]?[^\sa-z])|(?<=[។៕])\s*")
_CLOSED = re.compile(r"[.!?;:។៕…\"'”’)\]]\s*$")
_CONTINUES = re.compile(r"^[a-z\u00df-\u00ff]")


def _joined_lines(paragraphs: Sequence[str]) -> list[tuple[str, int]]:
    """Body lines, with a line that continues the sentence before it joined to it."""
    out: list[tuple[str, int]] = []
    for b, block in enumerate(paragraphs, start=1):
        for line in unicodedata.normalize("NFC", block or "").splitlines():
            line = line.strip()
            if not line:
                continue
            if out and not _CLOSED.search(out[-1][0]) and _CONTINUES.match(line):
                out[-1] = (out[-1][0] + " " + line, out[-1][1])
            else:
                out.append((line, b))
    return out


def sentences(title: str, paragraphs: Sequence[str]) -> list[Sentence]:
    title_lines = [(ln, 0) for ln in unicodedata.normalize("NFC", title or "").splitlines()]
    out = []
    for line, block in title_lines + _joined_lines(paragraphs):
        for piece in _SENTENCE_END.split(line):
            piece = piece.strip()
            if piece:
                out.append(_prepare(piece, block))
    return out


def _prepare(sentence: str, block: int) -> Sentence:
    words = tokens(sentence)
    joins = []
    for left, right in pairwise(words):
        gap = sentence[left.end : right.start]
        # An article in between is skipped: "ASEAN and the UN" joins like "ASEAN and UN".
        joins.append(
            gap == " "  # the most common gap by far
            or (
                all(word_form(w) in ARTICLES for w in WORD.findall(gap))
                and all(ch in _JOINERS or ch.isalpha() for ch in gap)
            )
        )
    # scripts without spaces are matched on characters
    chars = char_form(sentence) if UNSPACED_CHAR.search(sentence) else None
    return Sentence(sentence, block == 0, words, joins, chars, block)
