"""The language of a statement: its script when the script has one language (Khmer, Thai,
Lao, Burmese), else the page's markup, else English by its commonest words."""

from __future__ import annotations

import re

from lxml import etree

from monitor.text.scripts import KHMER, SCRIPT_LANGUAGES, char_class

from .vocabulary import ENGLISH_COMMON_WORDS

_KHMER = re.compile(f"[{char_class(KHMER)}]")
_SCRIPTS = [(code, re.compile(f"[{char_class(ranges)}]")) for code, ranges in SCRIPT_LANGUAGES]


def _letters(text: str) -> int:
    """How many characters are letters, Khmer's signs counted as letters: counted by C loops
    (a Python loop over each character was a fifth of the time to read a page)."""
    khmer = "".join(_KHMER.findall(text))
    return sum(map(str.isalpha, text)) + len(khmer) - sum(map(str.isalpha, khmer))


def _script_language(text: str) -> str | None:
    """Khmer, Thai, Lao and Burmese each have a script of their own: trust it over markup
    (a site that switches language by cookie often keeps one <html lang>)."""
    head = text[:5000]
    letters = _letters(head)
    if not letters:
        return None
    for code, script in _SCRIPTS:
        if _letters("".join(script.findall(head))) > 0.3 * letters:
            return code
    return None


def _primary_subtag(value: str | None) -> str | None:
    code = re.split(r"[-_]", (value or "").strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _html_language(tree: etree._Element) -> str | None:
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    candidates += tree.xpath("//meta[@http-equiv='content-language' or @http-equiv="
                             "'Content-Language' or @property='og:locale']/@content")  # fmt: skip
    for value in candidates:
        code = _primary_subtag(value)
        if code:
            return code
    return None


def _english(text: str) -> bool:
    words = re.findall(r"[a-z]+", text[:5000].lower())
    common = sum(w in ENGLISH_COMMON_WORDS for w in words)
    return len(words) >= 20 and common > 0.12 * len(words)


def _text_language(text: str) -> str | None:
    """For bodies without markup (PDF, plain text): the script, or English by its commonest
    words, else unknown."""
    return _script_language(text) or ("en" if _english(text) else None)
