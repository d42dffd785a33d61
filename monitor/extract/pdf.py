"""The statement in a PDF release: the text layer's lines rejoined into paragraphs, page
numbers and running headers removed, the title found under the letterhead."""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from pypdf import PageObject, PdfReader

from monitor.errors import ExtractionError
from monitor.text.dates import parse_date, without_dates
from monitor.text.normalize import normalize
from monitor.text.scripts import KHMER_CHARS
from monitor.text.words import SENTENCE_MARKS, SENTENCE_WORDS, ends_sentence, word_count

from ..models import Document
from .dates import _plausible
from .filters import _HAS_LETTER
from .language import _text_language
from .reading import PDF_PATH, PageLine, Reading
from .vocabulary import (
    GENERIC_TITLES,
    INSTITUTION_QUALIFIERS,
    INSTITUTIONS,
    KHMER_STATE_LETTERHEAD,
    PUBLICATION_LABELS,
    REFERENCE_LABELS,
    STATE_LETTERHEAD,
    alternatives,
)

_PAGE_NUMBER = re.compile(r"(?:page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?", re.I)
_LIST_ITEM = re.compile(r"(?:[•▪◦●○■□➢►\-–*]|\(?[a-z0-9]{1,3}[.)]|\(?[ivxIVX]{1,5}[.)])\s")
_SENTENCE_END = re.compile(rf"[{re.escape(SENTENCE_MARKS)}:;][\"'”’)\]]*$")
_GENERIC_TITLE = re.compile(alternatives(GENERIC_TITLES), re.I)


def _has_gutter(lines: list[str]) -> bool:
    """Two text columns side by side: most lines are blank at the same position, with text
    on both sides (a justified single column has gaps too, but never in one place)."""
    long = [line for line in lines if len(line.strip()) >= 40]
    if len(long) < 8:
        return False
    width = max(map(len, long))
    for x in range(20, width - 20):
        split = sum(line[x - 2 : x + 2].isspace() and bool(line[: x - 2].strip())
                    and bool(line[x + 2 :].strip()) for line in long)  # fmt: skip
        if split > 0.6 * len(long):
            return True
    return False


def _pdf_page_lines(page: PageObject) -> list[str]:
    """Layout mode keeps words whole and blank lines between paragraphs; plain mode follows
    the content stream, which is the reading order when the page has two columns."""
    try:
        lines = page.extract_text(extraction_mode="layout").splitlines()
    except Exception:  # layout mode fails on some odd fonts
        lines = []
    if not lines or _has_gutter(lines):
        lines = page.extract_text().splitlines()
    return [line.rstrip() for line in lines]


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove page numbers and headers/footers repeated at the edge of most pages."""

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", normalize(line).lower())

    edges: Counter[str] = Counter()
    for lines in pages:
        filled = [line for line in lines if line.strip()]
        edges.update({key(line) for line in filled[:2] + filled[-2:]})
    running = {k for k, n in edges.items() if len(pages) >= 2 and n >= max(2, len(pages) / 2)}
    return [
        [
            line
            for line in lines
            if not (
                line.strip() and (_PAGE_NUMBER.fullmatch(normalize(line)) or key(line) in running)
            )
        ]
        for lines in pages
    ]


# pypdf writes "/head2right" for a symbol-font glyph it cannot map: a bullet, not a word
_GLYPH_NAME = re.compile(r"^/[A-Za-z][A-Za-z0-9]*\s+")


def _flow(pages: list[list[str]]) -> list[str]:
    """The pages' lines as one stream; a paragraph running over a page break continues."""
    stream: list[str] = []
    for page in pages:
        filled = [i for i, line in enumerate(page) if line.strip()]
        if not filled:
            continue
        if stream and _SENTENCE_END.search(stream[-1].strip()):
            stream.append("")
        stream += page[filled[0] : filled[-1] + 1]
    return stream


def _join_lines(lines: list[str]) -> list[str]:
    """Rejoin lines a PDF broke for layout. A blank line, a list item, a line well short of
    the column width, or a shorter line that ends a sentence ends a paragraph. A line-end
    hyphen goes where the word runs on, unless the document writes the word with one."""
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    full = widths[int(len(widths) * 0.8)] if widths else 0
    document = " ".join(normalize(line) for line in lines)
    paras: list[str] = []
    current = ""
    for raw in lines:
        line = _GLYPH_NAME.sub("", normalize(raw))
        if not line:
            if current:
                paras.append(current)
            current = ""
            continue
        if current and _LIST_ITEM.match(line):
            paras.append(current)
            current = ""
        head = re.search(r"([^\W\d_]+)-$", current)
        tail = re.match(r"[^\W\d_]+", line)
        if not current:
            current = line
        elif head and tail and line[0].islower():
            hyphenated = f"{head.group(1)}-{tail.group(0)}"
            joined = f"{head.group(1)}{tail.group(0)}"
            keep = hyphenated in document and joined not in document
            current = (current if keep else current[:-1]) + line
        else:
            current = f"{current} {line}"
        short = len(line) < 0.5 * full
        if short or (_SENTENCE_END.search(line) and len(line) < 0.75 * full):
            paras.append(current)
            current = ""
    if current:
        paras.append(current)
    return paras


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.casefold())) + " "


# The letterhead above a release: the state and its motto, the issuing body in capitals, the
# reference number. It names the sender, never the release.
_LETTERHEAD = re.compile(
    rf"(?i:{alternatives(STATE_LETTERHEAD)})"
    # "No. 123/26 MFAIC", "Ref: MLVT/2026/45", "លេខ ១២៣ ក.ប"
    rf"|(?i:{alternatives(REFERENCE_LABELS)})\.?\s*[:.៖]?\s*\S*\d\S*"
    rf"(?:\s+[A-Z{KHMER_CHARS}][A-Z.{KHMER_CHARS}/-]*)*"
    rf"|{alternatives(KHMER_STATE_LETTERHEAD)}"
)
_INSTITUTION = re.compile(
    rf"(?:(?:{alternatives(INSTITUTION_QUALIFIERS)}) )?(?:{alternatives(INSTITUTIONS)})\b.*", re.I
)


def _letterhead(para: str) -> bool:
    if _LETTERHEAD.fullmatch(para):
        return True
    # "MINISTRY OF LABOUR AND VOCATIONAL TRAINING": the sender's name in capitals
    return len(para) <= 120 and para.upper() == para and bool(_INSTITUTION.fullmatch(para))


def _title_residue(para: str) -> str:
    residue = _GENERIC_TITLE.sub(" ", para)
    return without_dates(residue)


def _headline_like(para: str) -> bool:
    """A line set as a title: a few words, not a sentence, not a dateline."""
    words = re.findall(r"[^\W\d_]{2,}", _title_residue(para))
    if len(words) < 2 or len(para) > 200 or para[-1] in ".,;:":
        return False
    return not (parse_date(para) and len(words) <= 4)  # "Phnom Penh, 26 November 2026"


def _pdf_title(metadata_title: str, paras: list[str]) -> str:
    """The document's title property when the first page really shows it (Word fills it with
    file names like "Microsoft Word - PR_July.doc"); else the headline under "Press release"
    when the page has one; else the first line that says more than "Press release" and a
    date. Letterhead lines (the issuing ministry in capitals, "Kingdom of Cambodia", "Nation
    Religion King", a reference number) are never the title."""
    title = normalize(metadata_title)
    if len(title) >= 8 and _words(title) in _words(" ".join(paras[:10])):
        return title
    head = paras[:8]

    def says_more(para: str) -> bool:  # than a letterhead, "Press release" or a dateline
        residue = _title_residue(para)
        dateline = parse_date(para) and len(para) <= 60
        return not (_letterhead(para) or dateline or not re.search(r"[^\W\d_]{2,}", residue))

    # the first line that says more, after "Press release" if the page has it (what comes
    # before it is letterhead), when it is set as a title
    marker = next((i for i, p in enumerate(head) if _GENERIC_TITLE.search(p) and not
                   re.search(r"[^\W\d_]{2,}", _title_residue(p))), None)  # fmt: skip
    for start in ([marker + 1] if marker is not None else []) + [0]:
        first = next((p for p in head[start:] if says_more(p)), None)
        if first and _headline_like(first):
            return first
    for para in head:
        if len(re.findall(r"[^\W\d_]{2,}", _title_residue(para))) >= 2:
            return para if len(para) <= 250 else para[:250].rsplit(" ", 1)[0]
    return paras[0][:250] if paras else ""


_PUBLISHED = re.compile(rf"(?:{alternatives(PUBLICATION_LABELS)})(?:\s+date)?\s*[:：]?", re.I)


def _pdf_date(paras: list[str]) -> str | None:
    head = paras[:15]
    for para in head:  # "Publication date: 15 June 2011" beats the meeting date above it
        label = _PUBLISHED.search(para)
        found = label and _plausible(parse_date(para[label.end() :]))
        if found:
            return found
    for para in head:
        found = _plausible(parse_date(para))
        if found:
            return found
    return None


def _readable(text: str) -> bool:
    """A text layer made of real words, not glyph codes from a font without a Unicode map."""
    visible = [c for c in text if not c.isspace()]
    words = re.findall(r"[^\W\d_]{2,}", text)
    return bool(visible) and sum(map(len, words)) >= 0.5 * len(visible) and len(words) >= 3


def extract_pdf(body: bytes, url: str) -> Document:
    """The statement in a PDF release: paragraphs rejoined, page furniture removed."""
    if b"%PDF-" not in body[:1024]:
        raise ExtractionError(f"{url}: the body is not a PDF (no %PDF- header)")
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)  # font warnings are noise for text extraction
    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(f"{url}: the PDF is password-protected; cannot read its text")
        pages = [_pdf_page_lines(page) for page in reader.pages]
        metadata_title = str((reader.metadata or {}).get("/Title") or "")
    except ExtractionError:
        raise
    except Exception as err:  # a damaged file can fail anywhere inside pypdf
        raise ExtractionError(f"{url}: the PDF is damaged and cannot be read ({err!r})") from err
    finally:
        pypdf_log.setLevel(level)

    lines = _flow(_drop_running_lines(pages))
    paras = [p for p in _join_lines(lines) if _HAS_LETTER.search(p) or any(map(str.isdigit, p))]
    text = "\n".join(paras)
    if not paras:
        raise ExtractionError(f"{url}: the PDF has no text layer (a scan?); OCR is not supported")
    if not _readable(text):
        raise ExtractionError(
            f"{url}: the PDF's text is unreadable (fonts without a Unicode map); "
            "OCR is not supported"
        )
    language = _text_language(text)
    return Document(
        url=url,
        title=_pdf_title(metadata_title, paras),
        paragraphs=tuple(paras),
        date=_pdf_date(paras),
        language=language,
    )


def read_pdf(body: bytes, url: str) -> Reading:
    """A PDF release read for its source: the Document, and its paragraphs as the lines the
    change guard compares (`_lines`)."""
    doc = extract_pdf(body, url)
    return Reading(doc, lines=_lines(doc.paragraphs))


def _lines(paras: tuple[str, ...]) -> tuple[PageLine, ...]:
    """The paragraphs as the change guard sees a page's lines (`detect.rules.chrome_change`):
    those above the statement's first sentence (the letterhead, "PRESS RELEASE", a reference
    number) and below its last (a sign-off, contacts, "END") each at a place of its own, so
    that lines changed alike there on the source's releases (a new letterhead) are chrome;
    the statement's sentences and what lies between them at none: a change there is an edit.
    """
    prose = [i for i, p in enumerate(paras) if ends_sentence(p) and word_count(p) >= SENTENCE_WORDS]
    if not prose:
        return tuple(PageLine(p, None) for p in paras)
    first, last = prose[0], prose[-1]
    head, foot = f"{PDF_PATH}head", f"{PDF_PATH}foot"
    return tuple(PageLine(p, head if i < first else foot if i > last else None)
                 for i, p in enumerate(paras))  # fmt: skip
