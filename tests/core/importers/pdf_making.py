"""Test helper: small PDFs made at test time with PDFium's own writer (no binaries committed)."""

import ctypes
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Placed:
    """A line of text at a place on the page: x, y of its baseline from the bottom left."""

    text: str
    x: float
    y: float
    size: float = 10.0
    bold: bool = False
    turned: bool = False  # set upwards, along the page's height (a stamp in the margin)


def write_placed_pdf(
    path: Path,
    pages: list[list[Placed]],
    info: dict[str, str] | None = None,
    size: tuple[float, float] = A4,
) -> Path:
    """A PDF written by hand, byte by byte: each line where it is placed, in Helvetica or
    Helvetica-Bold, in the order given (so two columns can be drawn row by row, as some
    writers do), with an information dictionary (/Title, /CreationDate) when given one."""
    fonts = [b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % name
             for name in (b"Helvetica", b"Helvetica-Bold")]  # fmt: skip
    objects = [b"", b"", *fonts]  # the catalogue and the page tree are filled in below
    kids = []
    for lines in pages:
        stream = b"\n".join(
            b"BT /F%d %.1f Tf %s %.2f %.2f Tm (%s) Tj ET"
            % (
                2 if line.bold else 1,
                line.size,
                b"0 1 -1 0" if line.turned else b"1 0 0 1",
                line.x,
                line.y,
                _escaped(line.text),
            )
            for line in lines
        )
        page_number, contents = len(objects) + 1, len(objects) + 2
        kids.append(b"%d 0 R" % page_number)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.0f %.0f] /Contents %d 0 R"
            b" /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>" % (*size, contents)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(pages))
    trailer = b"/Size %d /Root 1 0 R" % (len(objects) + 1 + (1 if info else 0))
    if info:
        entries = b" ".join(b"/%s (%s)" % (k.encode(), _escaped(v)) for k, v in info.items())
        objects.append(b"<< %s >>" % entries)
        trailer += b" /Info %d 0 R" % len(objects)
    path.write_bytes(pdf_bytes(objects, trailer))
    return path


def pdf_bytes(objects: list[bytes], trailer: bytes) -> bytes:
    """A PDF file of the given objects (numbered from 1), its cross-reference table, and a
    trailer dictionary holding `trailer` ("/Size 7 /Root 1 0 R")."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    return bytes(out)


def _escaped(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
