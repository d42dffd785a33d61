"""Build the related-release evaluation texts (tests/data/related/texts/) from real pages.

Run from the repository root:  python tools/build_related_set.py

Each release page listed in `tests/data/related/pages.json` is read with the project's own
extraction (`monitor.extract`), and its title and text are written to `texts/<id>.txt` (the
title on the first line, a blank line, then the text), so the evaluation reads text, not HTML.
The pages come from `../shared/real-pages/`; `pages.json` records which file each text came
from. Statements that are text already (`copies`) are copied. Items that a press room
publishes only in a feed or on a listing page (`items`) are written out as the feed or listing
shows them: the item's title, then its description (an RSS item, found by its `guid`) or the
teaser printed under its link (a listing item, found by its `url`, up to `stop`). Texts the
themes set already holds (`tests/data/themes/`) are not copied: `pairs.json` names them by their
path there.
"""

from __future__ import annotations

import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from monitor.extract import extract_page  # noqa: E402
from monitor.models import Page  # noqa: E402

DATA = ROOT / "tests" / "data" / "related"
SHARED = ROOT.parent / "shared" / "real-pages"


def main() -> None:
    pages = json.loads((DATA / "pages.json").read_text("utf-8"))
    out = DATA / "texts"
    out.mkdir(exist_ok=True)
    for entry in pages["pages"]:
        path = SHARED / entry["file"]
        body = path.read_bytes()
        url = entry["url"]
        page = Page(url=url, final_url=url, status=200, content_type="text/html", body=body,
                    text=body.decode("utf-8", "replace"))  # fmt: skip
        doc = extract_page(page)
        (out / f"{entry['id']}.txt").write_text(f"{doc.title}\n\n{doc.text}\n", "utf-8")
        print(f"{entry['id']}: {doc.title[:70]} ({len(doc.text)} characters)")
    for entry in pages["copies"]:  # statements that are text already: the first line as title
        lines = (SHARED / entry["file"]).read_text("utf-8").strip().splitlines()
        text = "\n\n".join(line.strip() for line in lines[1:] if line.strip())
        (out / f"{entry['id']}.txt").write_text(f"{lines[0].strip()}\n\n{text}\n", "utf-8")
    for entry in pages.get("items", []):
        title, text = item_text(entry)
        (out / f"{entry['id']}.txt").write_text(f"{title}\n\n{text}\n", "utf-8")
        print(f"{entry['id']}: {title[:70]} ({len(text)} characters)")


def _plain(fragment: str) -> str:
    """Text of an HTML fragment: tags dropped, entities read, white space collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def item_text(entry: dict) -> tuple[str, str]:
    """Title and text of a feed item (`guid`) or of a listing item (`url`, teaser up to `stop`)."""
    path = SHARED / entry["file"]
    if "guid" in entry:
        for item in ET.parse(path).iter("item"):
            if (item.findtext("guid") or "").strip() == entry["guid"]:
                return (_plain(item.findtext("title") or ""),
                        _plain(item.findtext("description") or ""))  # fmt: skip
        raise SystemExit(f"{entry['id']}: no item {entry['guid']} in {entry['file']}")
    page = path.read_text("utf-8")
    start = page.index(f'href="{entry["url"]}"')
    link_end = page.index("</a>", start)
    title = _plain(page[page.index(">", start) + 1 : link_end])
    text = _plain(page[link_end + 4 : page.index(entry["stop"], link_end)])
    return title, text


if __name__ == "__main__":
    main()
