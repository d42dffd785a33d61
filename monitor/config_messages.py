"""Config problems in words: the file, the line, the key path, and what is wrong.

`config.yaml:14: sources[2].max_pages: Input should be greater than or equal to 1 (got 0)`:
pydantic says what is wrong and where in the data; the YAML node tree says on which line.
"""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import ValidationError

from monitor.errors import ConfigError

# an error never quotes what these hold (a `notify` URL carries its service's token)
_SECRET_KEYS = frozenset({"password_env", "notify"})


def check_unique_names(data: dict[str, Any], root: yaml.Node | None, name: str) -> None:
    """Before validation, so the error can point at the second source's `name` line."""
    sources = data.get("sources")
    if not isinstance(sources, list):
        return
    seen: set[str] = set()
    for i, src in enumerate(sources):
        if not isinstance(src, dict) or not isinstance(src.get("name"), str):
            continue
        if src["name"] in seen:
            loc: list[Any] = ["sources", i, "name"]
            line = _line_of(root, loc)
            where = f"{name}:{line}" if line else name
            raise ConfigError(f"invalid config\n  {where}: {_format_path(loc)}: two sources are "
                              f"named {src['name']!r}; names must be unique")  # fmt: skip
        seen.add(src["name"])


def describe(exc: ValidationError, root: yaml.Node | None, name: str) -> str:
    """Each validation error on its own line, with where it is (`root`: the file's nodes)."""
    lines = []
    for err in exc.errors():
        loc = [p for p in err["loc"] if not _is_union_tag(p)]
        path = _format_path(loc)
        line = _line_of(root, loc)
        where = f"{name}:{line}" if line else name
        lines.append(f"{where}: {path or '(top level)'}: {_message(err, loc)}")
    return "invalid config\n  " + "\n  ".join(dict.fromkeys(lines))


def _is_union_tag(part: Any) -> bool:
    # pydantic names union branches in locations ("DigestSchedule", "literal['immediate']")
    return isinstance(part, str) and (part[:1].isupper() or "[" in part or part == "function-after")


def _format_path(loc: list[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _message(err: dict[str, Any], loc: list[Any]) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"unknown key {loc[-1]!r}; check the spelling (the README lists every key)"
    if kind == "missing":
        return "required key is missing"
    msg = str(err["msg"])
    msg = msg.removeprefix("Value error, ")
    if "input" in err and kind not in ("model_type", "dict_type") and not _SECRET_KEYS & set(loc):
        shown = repr(err["input"])
        if len(shown) < 60 and shown not in msg:
            msg += f" (got {shown})"
    return msg


def _line_of(node: yaml.Node | None, loc: list[Any]) -> int | None:
    """The line of the deepest YAML node on the error's key path."""
    best = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            nxt = None
            for key, value in node.value:
                if key.value == part:
                    nxt = value if loc[-1] != part else key
                    break
            if nxt is None:
                return best
            node = nxt
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return best
            node = node.value[part]
        else:
            return best
        best = node.start_mark.line + 1
    return best
