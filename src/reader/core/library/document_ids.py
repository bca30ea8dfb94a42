"""Ids for imported documents: short, readable, made from the title, never reused while taken."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from reader.core.documents.document import Metadata

MAX_WORDS = 5
# Words that make an id longer without telling documents apart.
_STOP_WORDS = frozenset(
    "a an and the of on in for to at by with from its their our joint statement".split()
)
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def new_id(metadata: Metadata, file_stem: str, taken: Collection[str]) -> str:
    """A slug of the title (else of the file's name), with -2, -3, ... if it is taken.

    The year is added when the title lacks it: "elbe-group-naples-2018".
    """
    base = _slug(metadata.title, metadata) or _slug(file_stem, metadata) or "document"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _slug(text: str, metadata: Metadata) -> str:
    # Accents dropped (é -> e); a title in another script gives "" and the file name is used.
    # Dashes and spaces of any kind part words ("Russia–U.S." is "russia-u-s", not "russiau").
    parted = "".join(" " if unicodedata.category(c) in ("Pd", "Zs") else c for c in text)
    ascii_text = unicodedata.normalize("NFKD", parted).encode("ascii", "ignore").decode()
    words = [w for w in _NOT_WORD.split(ascii_text.lower()) if w]
    kept = [w for w in words if w not in _STOP_WORDS][:MAX_WORDS] or words[:MAX_WORDS]
    if not kept:
        return ""
    year = str(metadata.date_start.year) if metadata.date_start else ""
    if year and year not in kept:
        kept.append(year)
    return "-".join(kept)
