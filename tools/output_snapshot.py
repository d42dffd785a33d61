"""Every Document and Listing the test pages give, as one JSON file, to prove a refactoring
changed nothing: run it before (`--write before.json`) and after (`--against before.json`).

Pages read: the extraction and release archives, PDFs and audit pages of tests/data, the real
churn pages, the churn mini-sites (three chrome variants, read with the template they teach),
the demo site in its three styles, and /work/shared/real-pages when present. Discovery runs
on every listing fixture, every feed and every HTML page above. Takes a few minutes.

    python tools/output_snapshot.py --write /tmp/before.json
    python tools/output_snapshot.py --against /tmp/before.json   # exit 1 and the keys that differ

Add `--parts data listings` to read only some sets, `--generated 10` for fewer churn sites.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from monitor.extract import read_page  # noqa: E402
from monitor.extract.profile import SiteProfile  # noqa: E402
from monitor.fetch.decode import decode_body  # noqa: E402
from monitor.models import Page  # noqa: E402
from monitor.sources import discover, parse_feed  # noqa: E402

DATA = ROOT / "tests" / "data"
SHARED = Path("/work/shared/real-pages")


def _page(url: str, body: bytes, content_type: str) -> Page:
    text = None
    if content_type != "application/pdf":
        text = decode_body(body, content_type)[0] if content_type == "text/html" else body.decode()
    return Page(url, url, 200, content_type, body, text)


def _record(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _record(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_record(v) for v in value]
    return value


def _read(page: Page, template: Any = None) -> tuple[Any, Any]:
    """(the Reading or None, what it records)."""
    try:
        reading = read_page(page, template=template)
    except Exception as exc:  # the error is part of the output
        return None, f"{type(exc).__name__}: {exc}"
    return reading, {
        "document": _record(reading.document),
        "region": reading.region,
        "read_in": reading.read_in,
        "template_lines": reading.template_lines,
        "fingerprint": reading.fingerprint,
    }


def _discover(html: str | None, url: str) -> Any:
    try:
        return _record(discover(html or "", url))
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"


def _files(folder: Path) -> Iterator[tuple[str, Path, str]]:
    """(name, path, content type) of every page file under `folder`."""
    kinds = {".html": "text/html", ".htm": "text/html", ".pdf": "application/pdf",
             ".txt": "text/plain", ".gz": "text/html"}  # fmt: skip
    for path in sorted(folder.rglob("*")):
        kind = kinds.get(path.suffix)
        if path.is_file() and kind and not path.name.endswith(".tar.gz"):
            yield str(path.relative_to(folder)), path, kind


def _urls(folder: Path) -> dict[str, str]:
    """file -> URL from the annotations beside the pages, where they say."""
    out: dict[str, str] = {}
    for ann in folder.rglob("annotations.json"):
        for key, item in json.loads(ann.read_text("utf-8")).items():
            if isinstance(item, dict):
                name = item.get("file") or key
                target = ann.parent / ("pages" if "file" in item else "") / name
                url = item.get("url") or (key if key.startswith("http") else None)
                if url:
                    out[str(target)] = url
    return out


def folder_outputs(label: str, folder: Path, out: dict[str, Any]) -> None:
    urls = _urls(folder)
    for name, path, kind in _files(folder):
        body = path.read_bytes()
        if path.suffix == ".gz":
            body = gzip.decompress(body)
        url = urls.get(str(path), f"https://example.org/{label}/{name}")
        page = _page(url, body, kind)
        out[f"read {label}/{name}"] = _read(page)[1]
        if kind == "text/html":
            out[f"discover {label}/{name}"] = _discover(page.text, url)


def listing_outputs(out: dict[str, Any]) -> None:
    folder = DATA / "listings"
    expected = json.loads((folder / "expected.json").read_text("utf-8"))
    for name, facts in sorted(expected.items()):
        raw = (folder / name).read_bytes()
        html = (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8")
        out[f"discover listings/{name}"] = _discover(html, facts["base_url"])
    for path in sorted((DATA / "feeds").glob("*.xml")):
        out[f"feed {path.name}"] = _record(parse_feed(path.read_bytes(), "https://example.org/"))


def _site_outputs(label: str, pages: dict[int, dict[str, str]], origin: str, out: dict) -> None:
    """Pages of one site per variant, read with the template the earlier pages taught."""
    profile = SiteProfile()
    for variant, routes in pages.items():
        for path, html in sorted(routes.items()):
            page = _page(origin + path, html.encode(), "text/html")
            reading, out[f"site {label} v{variant} {path}"] = _read(page, profile.view())
            if reading is not None and reading.keys is not None:
                profile.learn(reading.keys, reading.region)
            if variant == 0:
                out[f"discover {label} {path}"] = _discover(html, origin + path)


def churn_outputs(out: dict[str, Any], generated: int) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from churn.sites import build_sites

    for site in build_sites(generated=generated):
        pages = {v: site.render(v) for v in (0, 1, 2)}
        _site_outputs(f"churn/{site.name}", pages, "http://127.0.0.1:8000", out)


def demo_outputs(out: dict[str, Any]) -> None:
    from monitor.demo.samples import load_releases  # the demo only when asked for
    from monitor.demo.site import build_site

    releases = load_releases()
    for style in ("wordpress", "drupal", "handmade"):
        pages = {}
        for version in (0, 1):
            routes = build_site(releases, style=style, chrome_version=version)
            html = {p: r for p, r in routes.items() if r.content_type.startswith("text/html")}
            pages[version] = {p: r.body.decode() for p, r in html.items() if r.status == 200}
        _site_outputs(f"demo/{style}", pages, "http://127.0.0.1:8000", out)


def test_data_outputs(out: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for archive in sorted((DATA / "extraction").glob("*.tar.xz")):
            target = Path(tmp) / archive.name.split(".")[0]
            with tarfile.open(archive) as tar:
                tar.extractall(target, filter="data")
            folder_outputs(f"extraction/{archive.name}", target, out)
    for label in ("extraction/pdf", "extract-audit", "churn/real"):
        folder_outputs(label, DATA / label, out)


PARTS = ("data", "shared", "listings", "demo", "churn")


def snapshot(parts: list[str], generated: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "data" in parts:
        test_data_outputs(out)
    if "shared" in parts and SHARED.is_dir():
        folder_outputs("shared", SHARED, out)
    if "listings" in parts:
        listing_outputs(out)
    if "demo" in parts:
        demo_outputs(out)
    if "churn" in parts:
        churn_outputs(out, generated)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", type=Path, help="write the snapshot to this file")
    parser.add_argument("--against", type=Path, help="compare with this earlier snapshot")
    parser.add_argument("--generated", type=int, default=100, help="generated churn sites")
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS),
                        help="read only these sets (compare: only their outputs)")  # fmt: skip
    args = parser.parse_args()
    if not (args.write or args.against):
        parser.error("say where to --write the snapshot, or what to compare it --against")
    now = snapshot(args.parts, args.generated)
    if args.write:
        args.write.write_text(json.dumps(now, ensure_ascii=False, sort_keys=True, indent=0))
        print(f"{len(now)} outputs written to {args.write}")
    if not args.against:
        return 0
    before = json.loads(args.against.read_text("utf-8"))
    if args.parts != list(PARTS):  # the keys of the parts read; the same set in both runs
        before = {k: v for k, v in before.items() if k in now}
    differ = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for key in differ:
        print(f"differs: {key}")
    print(f"{len(now)} outputs, {len(differ)} differ from {args.against}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
