"""Reading a file to import: its size checked first, then its bytes; binary files refused."""

from __future__ import annotations

from pathlib import Path

from reader.core.files import FileTooLarge, NotARegularFile, display_name, read_regular
from reader.core.importers.refusal import ImportRefused

# The first bytes of files that are certainly not text, whatever their name says.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word or OpenDocument file is one)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program"),
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
        raise ImportRefused(name, f"{name} is a folder, not a file.") from None
    except NotARegularFile:  # a pipe or a device would block or never end
        raise ImportRefused(name, f"{name} is not a regular file.") from None
    except FileTooLarge as large:
        limit = f"the {_size(max_bytes)} limit for an import"
        if large.grew:
            raise ImportRefused(name, f"{name} is over {limit}.") from None
        raise ImportRefused(name, f"{name} is {_size(large.size)}, over {limit}.") from None
    except OSError as error:
        raise ImportRefused(name, f"{name} cannot be read: {_reason(error)}.") from error
    if not data.strip():
        raise ImportRefused(name, f"{name} is empty.")
    return data


def refuse_binary(name: str, data: bytes, expected: str) -> None:
    """Refuse bytes that are an image, an archive or another binary format, not `expected`."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise ImportRefused(name, f"{name} is {kind}, not {expected}.")
    if b"\x00" in data[:65536] and not data.startswith(_UNICODE_BOMS):
        raise ImportRefused(name, f"{name} is a binary file, not {expected}.")


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    if count >= 1024:
        return f"{count / 1024:.1f} KB".replace(".0 KB", " KB")
    return f"{count} bytes"


def _reason(error: OSError) -> str:
    """ "Permission denied", not "[Errno 13] Permission denied: '/a/long/path'"."""
    return error.strerror.lower() if error.strerror else str(error)
