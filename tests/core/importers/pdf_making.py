"""Test helper: small PDFs made at test time with PDFium's own writer (no binaries committed)."""

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

A4 = (595, 842)
Line = tuple[str, float]  # text, font size; "" leaves a blank line


def write_pdf(path: Path, pages: list[list[Line]]) -> Path:
    """A PDF whose pages show the given lines in Helvetica, top down, left aligned."""
    document = pdfium.PdfDocument.new()
    for lines in pages:
        page = document.new_page(*A4)
        y = 780.0
        for text, size in lines:
            if text:
                _add_text(document, page, text, size, y)
            y -= size * 1.5
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
    document.save(path)
    document.close()
    return path


def _add_text(
    document: pdfium.PdfDocument, page: pdfium.PdfPage, text: str, size: float, y: float
) -> None:
    obj = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", ctypes.c_float(size))
    buffer = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
    pdfium_c.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 72, y)
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)


def write_image_only_pdf(path: Path) -> Path:
    """A 'scan': one page holding an image and no text at all."""
    document = pdfium.PdfDocument.new()
    page = document.new_page(*A4)
    bitmap = pdfium.PdfBitmap.new_native(200, 100, pdfium_c.FPDFBitmap_BGR)
    bitmap.fill_rect((90, 90, 90, 255), 0, 0, 200, 100)
    image = pdfium.PdfImage.new(document)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(400, 200).translate(72, 500))
    page.insert_obj(image)
    page.gen_content()
    document.save(path)
    document.close()
    return path
