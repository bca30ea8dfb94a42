"""A paragraph's text from its rows: words broken at a line's end made whole again."""

from __future__ import annotations

import re

from reader.core.documents.builder import normalise_space
from reader.core.importers.pdf_pages import SOFT_HYPHEN

_HYPHENATED = re.compile(r"[^\W\d_]-")
_COMPOUND = re.compile(r"[^\W\d_]+-[^\W\d_]+")
_LAST_WORD, _FIRST_WORD = re.compile(r"[^\W\d_]+$"), re.compile(r"^[^\W\d_]+")
_INNER_SOFT_HYPHEN = re.compile(f"{SOFT_HYPHEN}(?=[^\\W\\d_])")


def compounds_in(texts: list[str]) -> frozenset[str]:
    """The words written with a hyphen inside a line ("confidence-building"), lower-cased."""
    return frozenset(
        word.lower() for text in texts for word in _COMPOUND.findall(text.rstrip(SOFT_HYPHEN))
    )


def joined(parts: list[str], compounds: frozenset[str] = frozenset()) -> str:
    """The rows' texts as one: a word PDFium marks as hyphenated at a line end made whole,
    unless the text writes it with its hyphen elsewhere ("confidence-building")."""
    text = ""
    for part in (normalise_space(p) for p in parts):
        if not part:
            continue
        if text.endswith(SOFT_HYPHEN):
            head, tail = _LAST_WORD.search(text[:-1]), _FIRST_WORD.search(part)
            compound = head and tail and f"{head.group()}-{tail.group()}".lower() in compounds
            glue = "-" if compound or not part[:1].islower() else ""
            text = text[:-1] + glue + part
        elif _HYPHENATED.fullmatch(text[-2:]) and part[:1].islower():
            text += part  # "well-" + "known": the hyphen is the word's own
        else:
            text += (" " if text else "") + part
    # A soft hyphen left inside a line (U+00AD in a word) is shown only where a word breaks.
    return _INNER_SOFT_HYPHEN.sub("", text).replace(SOFT_HYPHEN, "-")
