"""Reference documents: the starter corpus shipped with monitor, and folders named in `corpus:`.

They are stored like releases of a pseudo-source named "corpus" — versioned, indexed for related
releases — but they are background, not news: importing them never makes an event.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

from monitor.config import Config
from monitor.extract import ExtractionError, extract_page
from monitor.fetch.pages import page_from_file
from monitor.models import Document, Page
from monitor.text.normalize import normalize, paragraphs

log = logging.getLogger(__name__)

CORPUS_SOURCE = "corpus"
SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
# Letterhead lines of converted ministry documents, never the title.
_LETTERHEAD = re.compile(
    r"^(kingdom of cambodia|nation religion king|ministry of .*|and international cooperation|"
    r"press release|press statement|statement|unofficial translation|\W*)$",
    re.IGNORECASE,
)


def starter_corpus() -> Path:
    return Path(str(resources.files("monitor").joinpath("corpus")))


def corpus_folders(config: Config) -> list[Path]:
    return [starter_corpus(), *(config.resolve(p) for p in config.corpus)]


def text_document(text: str, url: str) -> Document:
    """A converted release (like the seeds): letterhead, then the title, then paragraphs."""
    cleaned = text.replace("**", "")
    paras = list(paragraphs(cleaned))
    title = ""
    while paras:
        first_line = normalize(paras[0].splitlines()[0] if paras[0] else "")
        if _LETTERHEAD.match(first_line) or first_line.isupper():
            paras.pop(0)
            continue
        title = paras.pop(0)
        break
    if not title:
        raise ExtractionError(f"{url}: no text")
    return Document(url=url, title=title, paragraphs=tuple(paras))


def load_document(path: Path) -> Document:
    url = path.resolve().as_uri()
    if path.suffix.lower() in (".txt", ".md"):
        return text_document(path.read_text(encoding="utf-8", errors="replace"), url)
    return extract_page(page_from_file(path))


def documents(
    folders: list[Path], unchanged: Callable[[Path], bool] = lambda _: False
) -> Iterator[tuple[Path, Document]]:
    """Each readable document under the folders; `unchanged(path)` lets the caller skip files
    it already has, before they are parsed."""
    for folder in folders:
        if not folder.exists():
            log.warning("corpus folder %s does not exist; skipped", folder)
            continue
        files = [folder] if folder.is_file() else sorted(folder.rglob("*"))
        for path in files:
            if path.suffix.lower() not in SUFFIXES or path.name.lower() == "readme.md":
                continue
            if unchanged(path):
                continue
            try:
                yield path, load_document(path)
            except (OSError, ValueError) as exc:
                log.warning("corpus document %s skipped: %s", path, exc)


def corpus_page(path: Path, doc: Document) -> Page:
    body = path.read_bytes()
    return Page(url=doc.url, final_url=doc.url, status=200, content_type="text/plain", body=body)
