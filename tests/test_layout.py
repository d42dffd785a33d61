"""The layout keeps each idea in one place (issue 10): these checks read monitor/'s source and
fail with the file and line to change when an idea is written a second time.

- The month and weekday tables live in monitor/text/calendar_names.py; the script ranges, the
  digits of other scripts and the invisible characters in monitor/text/scripts.py. Elsewhere
  they are imported, never written again.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor.text.calendar_names import KHMER_MONTH_NAMES, MONTH_NAMES, WEEKDAY_NAMES
from monitor.text.scripts import INVISIBLE, KHMER_DIGITS, THAI_DIGITS, UNSPACED_OR_CJK

MONITOR = Path(__file__).resolve().parent.parent / "monitor"
TEXT = MONITOR / "text"

_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})")
_HEX_RANGE = re.compile(r"\(\s*0x([0-9a-fA-F]{4,5})\s*,\s*0x([0-9a-fA-F]{4,5})\s*\)")
_MONTHS = {n for names in (*MONTH_NAMES, *KHMER_MONTH_NAMES) for n in names}
_MONTHS |= {"ខែ" + n for n in list(_MONTHS)}
_WEEKDAYS = {n for names in WEEKDAY_NAMES for n in names if len(n) >= 6}  # not cron's "mon"


def _sources(folder: Path) -> Iterator[Path]:
    return (p for p in sorted(folder.rglob("*.py")) if "releases" not in p.parts)


def _in_script(code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in UNSPACED_OR_CJK)


def _strings(source: str) -> Iterator[tuple[int, str]]:
    """(line, value) of every string constant, escapes decoded."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def findings(path: Path) -> list[str]:
    """What in `path` belongs in monitor/text: one line per finding."""
    source = path.read_text("utf-8")
    path = path.relative_to(MONITOR.parent)
    out = []
    for n, line in enumerate(source.splitlines(), 1):
        if any(ch in line for ch in INVISIBLE):
            out.append(f"{path}:{n}: an invisible character written out; use monitor.text.scripts")
        for m in _ESCAPE.finditer(line):
            code = int(m[1] or m[2], 16)
            if chr(code) in INVISIBLE:
                out.append(f"{path}:{n}: invisible character {m[0]}; use monitor.text.scripts")
            elif _in_script(code):
                out.append(f"{path}:{n}: script code point {m[0]}; name it in monitor.text.scripts")
        for m in _HEX_RANGE.finditer(line):
            if _in_script(int(m[1], 16)) or _in_script(int(m[2], 16)):
                out.append(f"{path}:{n}: script range {m[0]}; use monitor.text.scripts")
    for n, value in _strings(source):
        folded = value.casefold()
        if folded in _MONTHS or folded in _WEEKDAYS:
            out.append(f"{path}:{n}: month or weekday name {value!r}; use monitor.text.dates")
        if any(digits[:3] in value for digits in (KHMER_DIGITS, THAI_DIGITS)):
            out.append(f"{path}:{n}: a table of digits; use monitor.text.scripts")
    return out


def test_script_ranges_invisible_characters_and_month_tables_live_in_text_only():
    found = [f for path in _sources(MONITOR) if TEXT not in path.parents for f in findings(path)]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("home", "expected"),
    [
        ("scripts.py", ["invisible character", "script range", "script code point", "digits"]),
        ("calendar_names.py", ["month or weekday name"]),
    ],
)
def test_the_check_finds_each_idea_in_its_home(home, expected):
    """The homes hold what the first test looks for elsewhere: it can fail."""
    found = "\n".join(findings(TEXT / home))
    for what in expected:
        assert what in found, what


# --- sizes: a module past 500 lines or a function past 80 wants splitting (the demo's sample
# site, a page template in Python, aside) -------------------------------------------------------

MAX_MODULE_LINES, MAX_FUNCTION_LINES = 500, 80
SIZE_EXEMPT = {MONITOR / "demo" / "site.py"}


def test_no_module_is_over_500_lines_nor_function_over_80():
    too_long = []
    for path in _sources(MONITOR):
        if path in SIZE_EXEMPT:
            continue
        source = path.read_text(encoding="utf-8")
        if (n := source.count("\n")) > MAX_MODULE_LINES:
            too_long.append(f"{path.relative_to(MONITOR)}: {n} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{path.relative_to(MONITOR)}:{node.lineno} {node.name}: "
                                    f"{length} lines")  # fmt: skip
    assert not too_long, "split these along a seam:\n" + "\n".join(too_long)
