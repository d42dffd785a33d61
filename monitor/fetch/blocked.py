"""Recognise firewall and anti-bot pages, so a block is an error and never a release.

Government sites sit behind F5, Cloudflare, Akamai, Imperva and the like. Their refusal pages
arrive with status 200 as often as 403, and would otherwise be stored as a "new version" of every
release, then "restored" on the next check: the worst kind of noise.
"""

from __future__ import annotations

import functools
import re

_SIGNATURES = [
    ("an F5 firewall", r"<title>\s*Request Rejected\s*</title>|The requested URL was rejected\."),
    ("Cloudflare", r"Attention Required! \| Cloudflare|<title>\s*Just a moment\.\.\.\s*</title>"
     r"|cf-browser-verification|/cdn-cgi/challenge-platform/|Checking your browser before"),
    ("Akamai", r"<title>\s*Access Denied\s*</title>.*Reference&#32;#|You don't have permission "
     r"to access .* on this server\.\s*<P>\s*Reference"),
    ("Imperva", r"Incapsula incident ID|_Incapsula_Resource"),
    ("Sucuri", r"Sucuri WebSite Firewall"),
    ("ModSecurity", r"<title>\s*Not Acceptable!?\s*</title>|Mod_Security"),
    ("a web application firewall", r"<title>[^<]*(?:Web Application Firewall|Access Denied|"
     r"Request Blocked|Forbidden)[^<]*</title>"),
]  # fmt: skip
_COMPILED = [(who, re.compile(rx, re.IGNORECASE | re.DOTALL)) for who, rx in _SIGNATURES]
_MAX_BLOCK_PAGE = 64_000  # refusal pages are small; a long article that quotes one is not one
# Every signature contains one of these words: a page with none of them skips the regexes, which
# matters because every fetched page passes through here.
_HINTS = ("reject", "cloudflare", "just a moment", "cf-browser", "challenge-platform",
          "checking your browser", "access denied", "permission", "incapsula", "sucuri",
          "not acceptable", "mod_security", "firewall", "request blocked", "forbidden",
          "captcha")  # fmt: skip


_BYTE_HINTS = tuple(hint.encode("ascii") for hint in _HINTS)


@functools.cache
def _ascii_based(encoding: str) -> bool:
    try:
        pairs = zip(_HINTS, _BYTE_HINTS, strict=True)
        return all(hint.encode(encoding) == raw for hint, raw in pairs)
    except (LookupError, UnicodeError):
        return False


def block_reason(
    text: str | None, status: int, body: bytes | None = None, encoding: str | None = None
) -> str | None:
    """Who blocked us, or None when the page looks like real content. The hints are looked
    for in `body`, the bytes `text` was decoded from, when its `encoding` writes them as
    ASCII does (lowering bytes is cheap; lowering Khmer text is not)."""
    if not text or len(text) > _MAX_BLOCK_PAGE:
        return None
    if body is not None and encoding and _ascii_based(encoding):
        lowered_bytes = body.lower()
        if not any(hint in lowered_bytes for hint in _BYTE_HINTS):
            return None
    else:
        lowered = text.lower()
        if not any(hint in lowered for hint in _HINTS):
            return None
    for who, rx in _COMPILED:
        if rx.search(text):
            return who
    if status in (401, 403, 429) and len(text) < 4000 and re.search(r"captcha", text, re.I):
        return "a CAPTCHA challenge"
    return None
