"""Paragraphs the main-text extractor ran together or broke apart, set back as the page's own
lines: the kicker, headline, byline and text of a short page joined into one, or a byline
broken where the page's source breaks it. The page's lines are `lines._line_records`'s.
"""

from __future__ import annotations

from .lines import _dates_the_page, _heading_line, _key, _Line


def _split_joined(paras: tuple[str, ...], lines: list[_Line]) -> tuple[str, ...]:
    """Each paragraph that is the page's lines around a heading run together, as those lines:
    trafilatura's last fallback on a short page joins its kicker, headline, byline and text
    into one ("News Release Title 11/20/2026 1678 reads Print Email Share Filipinos in…").
    Its table rows and list items stay as it joined them."""
    keys = [_key(line.text) for line in lines]
    heads = {i for i, line in enumerate(lines) if keys[i] and _heading_line(line, by_name=False)}
    if not heads:
        return paras
    own = {key: line.text for key, line in zip(keys, lines, strict=True)}
    out: list[str] = []
    k = 0
    while k < len(paras):
        para, target = paras[k], _key(paras[k])
        item = para.startswith(("- ", "| "))  # trafilatura's list items and table rows
        parts = None if item or target in own else _consecutive(target, keys, heads)
        whole = None if item or parts or target in own else _pieces_of(paras, k, own)
        if whole:  # the other way round: one line of the page in pieces ("by Office —" / …)
            out.append(own[whole[0]])
            k += whole[1]
            continue
        out.extend(lines[i].text for i in parts) if parts else out.append(para)
        k += 1
    return tuple(out)


def _pieces_of(paras: tuple[str, ...], k: int, own: dict[str, str]) -> tuple[str, int] | None:
    """The key of the page's byline that paragraphs k, k+1… make up together (trafilatura
    breaks a line where the page's source breaks it), and how many they are."""
    joined = ""
    for n in range(k, min(k + 4, len(paras))):
        key = _key(paras[n])
        if not key or paras[n].startswith(("- ", "| ", "|-")):
            return None  # a list item, a table row or its rule: as trafilatura set them
        joined += key
        if n > k and joined in own:  # only a byline: its date piece alone passes for chrome
            return (joined, n - k + 1) if _dates_the_page(own[joined]) else None
    return None


def _consecutive(target: str, keys: list[str], heads: set[int]) -> list[int] | None:
    """The indexes of two or more consecutive non-empty `keys`, one of them in `heads`, that
    make up `target`."""
    for start, first in enumerate(keys):
        if not first or not target.startswith(first):
            continue
        done, parts = "", []
        for i in range(start, len(keys)):
            if not keys[i]:
                continue
            if not target.startswith(done + keys[i]):
                break
            done += keys[i]
            parts.append(i)
            if done == target:
                if len(parts) > 1 and not heads.isdisjoint(parts):
                    return parts
                break
    return None
