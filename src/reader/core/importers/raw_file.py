"""Reading a file to import: its size checked first, then its bytes; binary files refused."""

from __future__ import annotations

from pathlib import Path

from reader.core.files import FileTooLarge, NotARegularFile, display_name, read_regular
from reader.core.importers.encoding import bomless_utf16
from reader.core.importers.refusal import ImportRefused
from reader.core.translation import _, ngettext

# The first bytes of files that are certainly not text, whatever their name says.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE"),
    (b"{\\rtf", "RTF"),
    (b"\x1f\x8b", "GZIP"),
    (b"7z\xbc\xaf\x27\x1c", "7Z"),
    (b"Rar!", "RAR"),
    (b"\x7fELF", "ELF"),
)
_UNICODE_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; refused if it is missing, not a file, empty or over `max_bytes`.

    The size is checked before anything is read, so a huge file is refused at once.
    """
    name = display_name(path.name)
    try:
        data = read_regular(path, max_bytes)
    except IsADirectoryError:
        raise ImportRefused(name, _("{name} is a folder, not a file.").format(name=name)) from None
    except NotARegularFile:  # a pipe or a device would block or never end
        raise ImportRefused(name, _("{name} is not a regular file.").format(name=name)) from None
    except FileTooLarge as large:
        limit = _size(max_bytes)
        if large.grew:
            message = _("{name} is over the {limit} limit for an import.")
        else:
            message = _("{name} is {size}, over the {limit} limit for an import.")
        refusal = message.format(name=name, size=_size(large.size), limit=limit)
        raise ImportRefused(name, refusal) from None
    except OSError as error:
        message = _("{name} cannot be read: {reason}.").format(name=name, reason=_reason(error))
        raise ImportRefused(name, message) from error
    if not data.strip():
        raise ImportRefused(name, _("{name} is empty.").format(name=name))
    return data


def refuse_binary(name: str, data: bytes, expected: str) -> None:
    """Refuse bytes that are an image, an archive or another binary format, not `expected`."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            message = _("{name} is {kind}, not {expected}.")
            raise ImportRefused(
                name, message.format(name=name, kind=_kind(kind), expected=expected)
            )
    if b"\x00" in data[:65536] and not data.startswith(_UNICODE_BOMS) and not bomless_utf16(data):
        message = _("{name} is a binary file, not {expected}.")
        raise ImportRefused(name, message.format(name=name, expected=expected))


def _kind(signature: str) -> str:
    """What a file whose first bytes are `signature`'s is, as said of it in a sentence."""
    kinds = {
        "PNG": _("a PNG image"),
        "JPEG": _("a JPEG image"),
        "GIF": _("a GIF image"),
        "PDF": _("a PDF document"),
        "ZIP": _("a ZIP archive (a Word or OpenDocument file is one)"),
        "OLE": _("an old Microsoft Office document"),
        "RTF": _("an RTF document"),
        "GZIP": _("a gzip archive"),
        "7Z": _("a 7-Zip archive"),
        "RAR": _("a RAR archive"),
        "ELF": _("a program"),
    }
    return kinds[signature]


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return _("{n} MB").format(n=f"{count / (1024 * 1024):.1f}".removesuffix(".0"))
    if count >= 1024:
        return _("{n} KB").format(n=f"{count / 1024:.1f}".removesuffix(".0"))
    return ngettext("{n} byte", "{n} bytes", count).format(n=count)


def _reason(error: OSError) -> str:
    """ "Permission denied", not "[Errno 13] Permission denied: '/a/long/path'"."""
    return error.strerror.lower() if error.strerror else str(error)
