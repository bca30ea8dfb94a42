"""PDF (.pdf) to blocks: its text layer read with PDFium character by character, furniture out
by position, then rows in reading order made into headings, lists and paragraphs by their fonts
and spacing. No step drops text for repeating: a PDF's repeated paragraphs are its own."""

from __future__ import annotations

import ctypes
import re
import threading

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from reader.core.documents.builder import normalise_space
from reader.core.importers.metadata_detection import Hints
from reader.core.importers.parsed import HEAD_LINES, ParsedFile
from reader.core.importers.pdf_blocks import pdf_blocks
from reader.core.importers.pdf_furniture import body_fragments
from reader.core.importers.pdf_order import Row, page_rows
from reader.core.importers.pdf_pages import Page, read_page
from reader.core.importers.refusal import ImportRefused
from reader.core.translation import _

# PDFium may not be called from two threads at once, not even for two documents, and the
# GUI imports on worker threads.
_PDFIUM = threading.Lock()
# Titles that name the file or the tool, not the statement: "Microsoft Word - draft.docx",
# "Untitled", "Document1", "Slide 1", a bare file name or path, a number.
_JUNK_TITLE = re.compile(
    r"microsoft \w+ - |untitled|anonymous|^(?:document|doc|slide|presentation|title|"
    r"powerpoint presentation|no title)\s*\d*$|\.\w{2,4}$|[/\\]|^[\d\s._-]*$",
    re.IGNORECASE,
)


def import_pdf(name: str, data: bytes) -> ParsedFile:
    with _PDFIUM:
        pages, info = _read_pages(name, data)
    rows = _rows(pages)
    if not any(row.text.strip() for row in rows):
        raise ImportRefused(
            name,
            _(
                "{name} has no text layer (it is probably a scan); "
                "Statement Reader cannot read text from images."
            ).format(name=name),
        )
    head = [normalise_space(row.text) for row in rows[:HEAD_LINES]]
    return ParsedFile(pdf_blocks(rows), head, _hints(info))


def _rows(pages: list[Page]) -> list[Row]:
    rows: list[Row] = []
    for number, (page, fragments) in enumerate(zip(pages, body_fragments(pages), strict=True)):
        first = rows[-1].stretch + 1 if rows else 0
        rows += page_rows(fragments, page.width, first, number)
    return rows


def _read_pages(name: str, data: bytes) -> tuple[list[Page], dict[str, str]]:
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise ImportRefused(name, _unreadable(name, error)) from error
    try:
        pages = [read_page(document, n) for n in range(len(document))]
        return pages, {key: _metadata_value(document, key) for key in ("Title", "Author")}
    except pdfium.PdfiumError as error:
        raise ImportRefused(name, _unreadable(name, error)) from error
    finally:
        document.close()


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


def _unreadable(name: str, error: Exception) -> str:
    if "password" in str(error).lower():
        return _(
            "{name} is protected by a password; save a copy without one and import that."
        ).format(name=name)
    return _("{name} is not a PDF Statement Reader can read (it is damaged or incomplete).").format(
        name=name
    )


def _hints(info: dict[str, str]) -> Hints:
    """The information dictionary's title when it names the statement, and its author. Its
    dates never count: /CreationDate is when the file was made (exported, printed, scanned),
    not when the statement was issued."""
    title = normalise_space(info.get("Title") or "")
    return Hints(title="" if _JUNK_TITLE.search(title) else title, author=info.get("Author", ""))
