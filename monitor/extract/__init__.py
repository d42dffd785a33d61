"""Turn a fetched release page (HTML or PDF) into the statement it carries: a `Document`.

Only the statement may reach the store: a visitor counter, a "today is ..." widget or a new
item in a "latest news" sidebar would otherwise make every check report an edit. So the main
text comes from trafilatura (or from the configured CSS selectors), and the result is passed
through a few content filters that catch the chrome that sits inside article containers.

The stage's modules:

- `vocabulary`: the words the heuristics read a page by (chrome class names, counter labels,
  letterhead words), kept as data;
- `dates`: which date written on the page is its publication date (reading dates is
  `monitor.text.dates`'s);
- `filters`: paragraphs that are chrome (counters, share bars, cookie notices, clocks);
- `lines`: walking HTML, line by line, and the page's layout (menus, sidebars, tables);
- `titles`, `sitenames`: the headline, and the site's own names that must not pass for it;
- `language`: the statement's language;
- `html`, `pdf`: one reader per kind of body; `extract_page` picks one.
"""

from __future__ import annotations

import importlib
from importlib.metadata import version

from monitor.errors import ExtractionError
from monitor.text.dates import parse_date
from monitor.text.normalize import paragraphs

from ..models import Document, Page
from .dates import _first_date
from .filters import _clean
from .language import _text_language
from .reading import Reading, learn_page
from .regions import statement_unchanged
from .template import Template

# The readers and their libraries (trafilatura, htmldate, justext, pypdf: ~20 MB) load on first
# use: a check reads its pages in reading processes, and its own process never needs them.
_READERS = {"extract_html": "html", "read_html": "html", "extract_pdf": "pdf"}


def __getattr__(name: str) -> object:
    if name in _READERS:
        module = importlib.import_module(f"{__name__}.{_READERS[name]}")
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "EXTRACTOR_VERSION",
    "ExtractionError",
    "Reading",
    "Template",
    "extract_html",
    "extract_page",
    "extract_pdf",
    "learn_page",
    "parse_date",
    "read_html",
    "read_page",
    "statement_unchanged",
]

# The store skips extraction while a body and this value are unchanged. Bump the leading
# number whenever a change here can change a Document for the same body; the libraries'
# versions are part of it because their upgrades can change it too.
EXTRACTOR_VERSION = "13+" + "+".join(
    f"{name}-{version(name)}" for name in ("trafilatura", "htmldate", "pypdf", "beautifulsoup4")
)


def extract_page(
    page: Page,
    *,
    content: str | None = None,
    title: str | None = None,
    date: str | None = None,
) -> Document:
    """The Document of a fetched page, by its kind (PDF or HTML); selectors apply to HTML."""
    return read_page(page, content=content, title=title, date=date).document


def read_page(
    page: Page,
    *,
    content: str | None = None,
    title: str | None = None,
    date: str | None = None,
    template: Template | None = None,
) -> Reading:
    """A fetched page read for its source: the Document, and for HTML what the page teaches
    the source's template profile (`template` is what earlier pages taught)."""
    if page.not_modified:
        raise ExtractionError(
            f"{page.url}: a 304 Not Modified answer has no body; reuse the stored version"
        )
    if page.is_pdf:
        from .pdf import read_pdf

        return read_pdf(page.body, page.url)
    if page.text is None:
        raise ExtractionError(
            f"{page.url}: {page.content_type or 'unknown type'} is neither HTML nor PDF"
        )
    if page.content_type == "text/plain":
        paras = _clean(paragraphs(page.text))
        if not paras:
            raise ExtractionError(f"{page.url}: the page is empty; nothing to extract")
        found = _first_date((*paras[:2], *reversed(paras[-3:])), month_first=False)
        language = _text_language("\n".join(paras))
        return Reading(Document(page.url, paras[0][:250], paras, date=found, language=language))
    from .html import read_html

    return read_html(page.text, page.url, content=content, title=title, date=date,
                     template=template)  # fmt: skip
