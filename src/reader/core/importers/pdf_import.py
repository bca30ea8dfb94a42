"""PDF (.pdf) to blocks: its text layer read with PDFium, then laid out as plain text is."""

from __future__ import annotations

import ctypes
import re
import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reader.core.importers.dates import find_date
from reader.core.importers.metadata_detection import Hints
from reader.core.importers.parsed import ParsedFile, head_of
from reader.core.importers.pdf_pages import PageLine, page_lines, pages_to_text
from reader.core.importers.refusal import ImportRefused
from reader.core.importers.text_import import text_blocks

# PDFium may not be called from two threads at once, not even for two documents, and the
# GUI imports on worker threads.
_PDFIUM = threading.Lock()
_JUNK_TITLE = re.compile(r"microsoft \w+ - |untitled|anonymous|\.\w{2,4}$", re.IGNORECASE)
_PDF_DATE = re.compile(r"D:(\d{4})(\d\d)(\d\d)")


def import_pdf(name: str, data: bytes) -> ParsedFile:
    with _PDFIUM:
        pages, info = _read_pages(name, data)
    if not any(line.text.strip() for page in pages for line in page):
        raise ImportRefused(
            name,
            f"{name} has no text layer (it is probably a scan); "
            "Statement Reader cannot read text from images.",
        )
    text = pages_to_text(pages)
    return ParsedFile(text_blocks(text), head_of(text), _hints(info))


def _read_pages(name: str, data: bytes) -> tuple[list[list[PageLine]], dict[str, str]]:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise ImportRefused(name, _unreadable(name, error)) from error
    try:
        pages = [_page(document, n) for n in range(len(document))]
        return pages, {key: _metadata_value(document, key) for key in ("Title", "CreationDate")}
    except pdfium.PdfiumError as error:
        raise ImportRefused(name, _unreadable(name, error)) from error
    finally:
        document.close()


def _page(document: pdfium.PdfDocument, number: int) -> list[PageLine]:
    page = document[number]
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        starts = [0]
        for line in text.split("\r\n")[:-1]:
            starts.append(starts[-1] + len(line) + 2)
        baselines = [_baseline(textpage, start, len(text)) for start in starts]
        return page_lines(text, baselines)
    finally:
        textpage.close()
        page.close()


def _metadata_value(document: pdfium.PdfDocument, key: str) -> str:
    """One entry of the document's information dictionary, as text.

    WORKAROUND: pypdfium2's get_metadata_value decodes PDFium's UTF-16 strictly, and a title
    holding half a surrogate pair (a hostile or broken file) raised UnicodeDecodeError.
    """
    name = key.encode("ascii") + b"\0"
    size = pdfium_c.FPDF_GetMetaText(document.raw, name, None, 0)
    if size <= 2:  # two bytes: the terminating NUL alone
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDF_GetMetaText(document.raw, name, buffer, size)
    return buffer.raw[: size - 2].decode("utf-16-le", "replace")


def _baseline(textpage: pdfium.PdfTextPage, index: int, length: int) -> float:
    if index >= length:
        return 0.0
    _left, bottom, _right, _top = textpage.get_charbox(index, loose=True)
    return float(bottom)


def _unreadable(name: str, error: Exception) -> str:
    if "password" in str(error).lower():
        return f"{name} is protected by a password; save a copy without one and import that."
    return f"{name} is not a PDF Statement Reader can read (it is damaged or incomplete)."


def _hints(info: dict[str, str]) -> Hints:
    title = (info.get("Title") or "").strip()
    created = _PDF_DATE.match(info.get("CreationDate") or "")
    date = find_date("-".join(created.groups())) if created else None
    return Hints(title="" if _JUNK_TITLE.search(title) else title, date=date)
