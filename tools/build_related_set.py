"""Build the related-release evaluation texts (tests/data/related/texts/) from real pages.

Run from the repository root:  python tools/build_related_set.py

Each release page listed in `tests/data/related/pages.json` is read with the project's own
extraction (`monitor.extract`), and its title and text are written to `texts/<id>.txt` (the
title on the first line, a blank line, then the text), so the evaluation reads text, not HTML.
The pages come from `../shared/real-pages/`; `pages.json` records which file each text came
from. Statements that are text already (`copies`) are copied. Texts the themes set already
holds (`tests/data/themes/`) are not copied: `pairs.json` names them by their path there.
"""

from __future__ import annotations

import json
import sys
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


if __name__ == "__main__":
    main()
