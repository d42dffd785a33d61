"""One-off: copy real release pages from ../shared/real-pages into tests/data/churn/real.

Not run by the tests (they read only tests/data/churn). Run from the repository root:

    .venv/bin/python -m tests.churn.prepare [/path/to/shared/real-pages]

Each page is decoded, stripped of <script>/<style>/<noscript> bodies (size; not read as text),
re-declared as UTF-8, and written with its statement container's XPath to manifest.json. The
container is the smallest element whose text holds every `with` segment of the annotations (or
the expected text of the other sets); pages without any are skipped.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

from lxml import etree, html

from monitor.fetch.decode import decode_body

OUT = Path(__file__).resolve().parent.parent / "data" / "churn" / "real"
MAX_BYTES = 160_000  # after stripping scripts: keep the copied set small
BUDGET = 7_000_000


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    text, _ = decode_body(data, "text/html")
    return text


def clean_tree(text: str) -> etree._Element | None:
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    try:
        root = html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    for el in root.xpath("//script|//style|//noscript|//iframe|//svg|//base"):
        if el.getparent() is not None:
            el.drop_tree()
    for meta in root.xpath("//meta[@charset or @http-equiv]"):
        if meta.get("charset") or meta.get("http-equiv", "").lower() == "content-type":
            meta.drop_tree()
    head = root.find("head")
    if head is None:
        head = etree.Element("head")
        root.insert(0, head)
    head.insert(0, etree.Element("meta", charset="utf-8"))
    return root


def container_for(root: etree._Element, segments: list[str]) -> etree._Element | None:
    """The smallest element whose (normalised) text holds every segment."""
    segs = [norm(s) for s in segments if norm(s)]
    if not segs:
        return None
    best, best_len = None, None
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        text = norm(el.text_content())
        if all(s in text for s in segs) and (best_len is None or len(text) <= best_len):
            best, best_len = el, len(text)
    return best


_ARTICLE = re.compile(
    r"article|content|entry|post|story|body|text|main|news|press|release|inhalt|artikel|detail",
    re.I,
)


def widen(box: etree._Element) -> etree._Element:
    """The annotated segments may sit in a few paragraphs: take the article element around them
    (nearest <article>/<main> or content-named ancestor), so chrome is never put between the
    statement's own paragraphs."""
    el = box
    while el is not None and el.tag not in ("body", "html"):
        names = " ".join(el.get(a, "") for a in ("class", "id", "itemprop", "role"))
        if el.tag in ("article", "main") or _ARTICLE.search(names):
            return el
        el = el.getparent()
    if box.tag in ("p", "span", "b", "strong", "em", "i", "a", "li", "h1", "h2", "h3"):
        parent = box.getparent()
        if parent is not None and parent.tag not in ("body", "html"):
            return parent
    return box


def candidates(shared: Path):
    ann = json.loads((shared / "extraction" / "annotations.json").read_text())
    for url, item in ann.items():
        yield "extraction", shared / "extraction" / "pages" / item["file"], url, item["with"]
    ann = json.loads((shared / "gov-ministry-pages" / "annotations.json").read_text())
    for name, item in ann.items():
        segs = item.get("with", [])
        yield "gov-ministry", shared / "gov-ministry-pages" / name, item.get("url"), segs
    exp = json.loads((shared / "eu-parliament-press" / "expected.json").read_text())
    for name, item in exp.items():
        if name.startswith("_"):
            continue
        segs = [s[:80] for s in (item.get("text_starts"), item.get("text_ends")) if s]
        segs += item.get("facts_items", [])[:1]
        yield "eu-parliament", shared / "eu-parliament-press" / name, None, segs
    exp = json.loads((shared / "us-state-ag-press" / "expected.json").read_text())
    for name, item in exp.items():
        if name.startswith("_") or "detail_" not in name:
            continue
        segs = list(item.get("body_contains", [])) + list(item.get("body_contains_any", [])[:1])
        yield "us-state-ag", shared / "us-state-ag-press" / name, None, segs


def main(shared: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    manifest = []
    for group, path, url, segments in candidates(shared):
        if not path.exists():
            continue
        root = clean_tree(read(path))
        if root is None:
            continue
        box = container_for(root, segments)
        box = widen(box) if box is not None else None
        if box is None or box.tag in ("html", "body", "head"):
            print("skip (no container)", path.name)
            continue
        text = norm(box.text_content())
        body = root.find("body")
        whole = norm(body.text_content()) if body is not None else text
        if len(text) < 80 or len(text) > 0.97 * len(whole):
            print("skip (container is the page or too short)", path.name, len(text), len(whole))
            continue
        out = html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")
        if len(out.encode()) > MAX_BYTES:
            print("skip (large)", path.name, len(out.encode()))
            continue
        name = f"{group}--{path.name.removesuffix('.gz')}"
        (OUT / name).write_text(out, encoding="utf-8")
        # the XPath is resolved on the written file, so the tests find the same element
        again = html.document_fromstring(out)
        box2 = container_for(again, segments)
        assert box2 is not None
        box2 = widen(box2)
        manifest.append({
            "bytes": len(out.encode()),
            "file": name,
            "group": group,
            "url": url,
            "with": segments,
            "container": again.getroottree().getpath(box2),
            "chars": len(norm(box2.text_content())),
        })  # fmt: skip
    # every non-extraction page, then the smallest extraction pages up to the size budget
    keep = [m for m in manifest if m["group"] != "extraction"]
    size = sum(m["bytes"] for m in keep)
    for m in sorted((m for m in manifest if m["group"] == "extraction"), key=lambda m: m["bytes"]):
        if len(keep) >= 130 or size + m["bytes"] > BUDGET:
            break
        keep.append(m)
        size += m["bytes"]
    kept = {m["file"] for m in keep}
    for f in OUT.iterdir():
        if f.name not in kept:
            f.unlink()
    manifest = [m for m in manifest if m["file"] in kept]
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    total = sum(f.stat().st_size for f in OUT.iterdir())
    print(f"{len(manifest)} pages, {total / 1e6:.1f} MB")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/real-pages").resolve())
