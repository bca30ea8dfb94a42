"""Bytes to text: a byte-order mark, then a declared charset, then UTF-8, then chardet's guess.

chardet 7 (0BSD) rather than charset-normalizer: on short Western texts in Latin-1 and
Windows-1252 charset-normalizer guessed Windows-1250 or even Shift-JIS, chardet was right,
and both told Windows-1251 from KOI8-R Russian. It is asked only when UTF-8 fails.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

import chardet

from reader.core.importers.refusal import ImportRefused
from reader.core.translation import _

_BOMS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# chardet names a subset where a superset decodes more: Windows-1252 is what "Latin-1" pages are.
_SUPERSETS = {"iso8859-1": "cp1252", "ascii": "cp1252"}
# Python codecs that decode bytes to str but are no charset a file is written in: a page
# declaring one would have its escapes read as lone surrogates (UTF-7, unicode_escape) or
# fail in ways no charset does. (Codecs from bytes to bytes, base64 or rot13, are no text
# encodings at all and are refused by that.)
_NOT_CHARSETS = frozenset(
    {"utf-7", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"}
)
_LINE_ENDS = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Control characters other than tab and newline: a few are debris, many mean binary data.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_MOST_CONTROLS = 0.01
# Share of UTF-16's high bytes that are NUL in even a Russian text: its spaces and punctuation.
_UTF16_NULS = 0.1


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str  # the codec's name as Python spells it: "utf-8", "cp1251", "koi8-r"


def decode_text(name: str, data: bytes, declared: str | None = None) -> DecodedText:
    """`data` as text in Unicode NFC with "\\n" line ends, or ImportRefused if it is not text."""
    encoding = _bom_encoding(data) or bomless_utf16(data) or _known(declared)
    if encoding is None or not _decodes(data, encoding):  # a page may declare wrongly
        encoding = _utf8_or_guess(name, data)
    try:
        text = data.decode(encoding)
    except UnicodeError as error:
        raise ImportRefused(name, _undecodable(name)) from error
    return DecodedText(_clean(name, text), codecs.lookup(encoding).name)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
        return True
    except UnicodeError:  # some codecs (idna, punycode) raise UnicodeError itself
        return False


def _bom_encoding(data: bytes) -> str | None:
    return next((encoding for bom, encoding in _BOMS if data.startswith(bom)), None)


def bomless_utf16(data: bytes) -> str | None:
    """ "utf-16-le" or "-be" for UTF-16 with no byte-order mark (Windows tools write it): NULs
    in many of one half of the first bytes (the high bytes of ASCII, spaces, digits, markup)
    and none in the other, and the whole decodes."""
    sample = data[: min(4096, len(data)) // 2 * 2]
    if len(data) % 2 or not sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    least = _UTF16_NULS * len(sample) / 2
    for encoding, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= least and not low and _decodes(data, encoding):
            return encoding
    return None


def _known(declared: str | None) -> str | None:
    """The codec a declared (or guessed) charset names, if it is one a text can be in."""
    if not declared:
        return None
    try:
        codec = codecs.lookup(declared)
    except LookupError:  # a page may declare any name at all
        return None
    # _is_text_encoding is False for base64, rot13, zlib...: `bytes.decode` refuses them.
    if not getattr(codec, "_is_text_encoding", True) or codec.name in _NOT_CHARSETS:
        return None
    return codec.name


def _utf8_or_guess(name: str, data: bytes) -> str:
    if _decodes(data, "utf-8"):
        return "utf-8"
    guess = _known(chardet.detect(data)["encoding"])
    if not guess:
        raise ImportRefused(name, _undecodable(name))
    superset = _SUPERSETS.get(guess, guess)
    # Windows-1252 leaves five bytes undefined that Latin-1 maps.
    return superset if _decodes(data, superset) else guess


def _clean(name: str, text: str) -> str:
    text = _LINE_ENDS.sub("\n", text.lstrip("\ufeff"))
    if len(_CONTROLS.findall(text)) > _MOST_CONTROLS * len(text):
        raise ImportRefused(
            name, _("{name} does not hold readable text (it looks binary).").format(name=name)
        )
    # No codec above yields a lone surrogate; should one ever, it is no character anyone
    # wrote, and none may reach the database or an export.
    text = _SURROGATES.sub("\ufffd", _CONTROLS.sub("", text))
    return unicodedata.normalize("NFC", text)


def _undecodable(name: str) -> str:
    return f"{name} is not text in any encoding Statement Reader recognises."
