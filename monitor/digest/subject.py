"""A digest's subject line and one-line summary: "monitor: 3 new, 1 edited — <first title>".

`email.subject` may be a template ({new}, {edited}, {removed}, {baseline}, {failing}, {date},
{title}, {summary}); a placeholder it does not know is left as written, so a typo in the config
never stops a digest.
"""

from __future__ import annotations

import string
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from monitor.digest.untrusted import clean_line, cut

if TYPE_CHECKING:
    from monitor.digest.render import DigestCounts

SUBJECT_TITLE = 80  # characters of the first title in the default subject
MAX_SUBJECT = 200


class Notice(Protocol):
    """A failing source's notice, as the subject names it."""

    name: str
    recovered: bool


def plural(n: int, word: str, many: str | None = None) -> str:
    """The count with its noun: "1 release", "2 releases" (or `many`)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _changes(counts: DigestCounts) -> list[str]:
    """["3 new", "1 edited", "2 removed"], leaving out what is zero."""
    named = ((counts.new, "new"), (counts.changed, "edited"), (counts.removed, "removed"))
    return [f"{n} {word}" for n, word in named if n]


def summary(counts: DigestCounts) -> str:
    """The counts in words: "3 new · 1 edited · 2 sources failing"."""
    parts = _changes(counts)
    if counts.baseline:
        parts.append(f"{counts.baseline} in baseline")
    if counts.failing:
        parts.append(plural(counts.failing, "source") + " failing")
    if counts.recovered:
        parts.append(f"{counts.recovered} working again")
    return " · ".join(parts)


class _LenientFormatter(string.Formatter):
    """Unknown {placeholders} stay as written, so a typo in the config never stops a digest."""

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str) and key in kwargs:
            return kwargs[key]
        return "{" + str(key) + "}"


def subject_line(
    template: str | None,
    counts: DigestCounts,
    first_title: str,
    notices: Sequence[Notice],
    now: datetime,
) -> str:
    default = _default_subject(counts, first_title, notices)
    if not template:
        return default
    values = {
        "new": counts.new,
        "changed": counts.changed,
        "edited": counts.changed,
        "removed": counts.removed,
        "baseline": counts.baseline,
        "failing": counts.failing,
        "date": now.date().isoformat(),
        "title": cut(first_title, SUBJECT_TITLE),
        "summary": summary(counts),
    }
    try:
        text = _LenientFormatter().vformat(template, (), values)
    except (ValueError, IndexError, KeyError, AttributeError, TypeError):
        text = template  # malformed braces: show the template as written
    return clean_line(text, MAX_SUBJECT) or default


def _default_subject(counts: DigestCounts, first_title: str, notices: Sequence[Notice]) -> str:
    parts = _changes(counts)
    if parts:
        head = "monitor: " + ", ".join(parts)
        if first_title:
            head += " — " + cut(first_title, SUBJECT_TITLE)
        return clean_line(head, MAX_SUBJECT)
    if counts.baseline:
        return f"monitor: baseline of {plural(counts.baseline, 'release')} recorded"
    failing = [n.name for n in notices if not n.recovered]
    if failing:
        noun = "source" if len(failing) == 1 else "sources"
        return clean_line(f"monitor: {len(failing)} {noun} failing ({', '.join(failing)})")
    names = ", ".join(n.name for n in notices)
    return clean_line(f"monitor: {names} working again", MAX_SUBJECT)
