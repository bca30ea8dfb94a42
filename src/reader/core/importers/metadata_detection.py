"""Metadata an imported text gives away: its title, a dateline's date and place, its authors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.core.documents.builder import BlockSpec, normalise_space
from reader.core.documents.document import BlockKind, Metadata
from reader.core.errors import ResourceError
from reader.core.importers.dates import DateMatch, find_date
from reader.core.importers.headings import LONGEST_DATELINE
from reader.resource_access import resource_path

_HEAD_LINES = 40  # a dateline stands near the top, furniture such as "Statement | 6 June 2021" too
_OPENING_BLOCKS = 5  # "WASHINGTON, April 8, 2013 — The ..." opens one of the first paragraphs
_DATE_NEAR_START = 40  # characters
_ORGANISATIONS_WITHIN = 1000  # characters of the body, after the title
_PLACE_WORD = re.compile(r"[A-ZÀ-ÞА-ЯЁ][\w'’.-]*|of|upon|am|an|de|la|le|sur|del|on")
_NOT_PLACES = frozenset(
    """statement statements group press release news posted published updated date issued
    joint meeting conference report briefing commentary article""".split()
)
_SEPARATORS = " ,:;|–—-"


@dataclass(frozen=True)
class Hints:
    """What a file says of itself apart from its text: an HTML page's <title> and <meta> tags."""

    title: str = ""
    date: DateMatch | None = None
    source_url: str = ""


def detect_metadata(
    specs: list[BlockSpec], head: list[str], file_name: str, hints: Hints | None = None
) -> Metadata:
    """Metadata from the blocks and `head`, the first lines of the raw text (furniture too)."""
    hints = hints or Hints()
    title = _title(specs) or hints.title or _title_from_name(file_name)
    dateline = _dateline(head, specs)
    found = dateline[1] if dateline else hints.date
    return Metadata(
        title=title,
        date_start=found.first if found else None,
        date_end=found.last if found else None,
        place=_place_of(*dateline) if dateline else "",
        organizations=find_organisations(title + "\n" + _opening(specs)),
        source=f"Imported from {file_name}",
        source_url=hints.source_url,
    )


def _title(specs: list[BlockSpec]) -> str:
    first = specs[0] if specs else None
    if first is None or first.kind is not BlockKind.HEADING or first.level != 1:
        return ""
    title = normalise_space(first.text)
    return title[:-1] if title.endswith(".") and not title.endswith("..") else title


def _title_from_name(file_name: str) -> str:
    """ "nuclear_fail-safe statement.txt" -> "nuclear fail-safe statement"."""
    stem = Path(file_name).stem
    return normalise_space(stem.replace("_", " ")) or "Untitled"


def _dateline(head: list[str], specs: list[BlockSpec]) -> tuple[str, DateMatch] | None:
    lines = [normalise_space(line) for line in head if line.strip()][:_HEAD_LINES]
    for line in lines:
        found = find_date(line) if len(line.split()) <= LONGEST_DATELINE else None
        if found:
            return line, found
    for spec in specs[:_OPENING_BLOCKS]:
        found = find_date(normalise_space(spec.text)[: _DATE_NEAR_START * 2])
        if found and found.start <= _DATE_NEAR_START:
            return normalise_space(spec.text)[: found.end], found
    return None


def _place_of(line: str, found: DateMatch) -> str:
    """ "Naples, Italy: March 15-16, 2018" -> "Naples, Italy"; "8 April 2013, Moscow" too."""
    before = line[: found.start].strip(_SEPARATORS)
    after = re.sub(r"^in\s+", "", line[found.end :].strip(_SEPARATORS))
    return _as_place(before) or (_as_place(after) if not before else "")


def _as_place(text: str) -> str:
    parts = [part.strip() for part in text.split(",")]
    if not text or not 1 <= len(parts) <= 3:
        return ""
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 3 or not words[0][0].isupper():
            return ""
        if any(not _PLACE_WORD.fullmatch(w) or w.lower() in _NOT_PLACES for w in words):
            return ""
    return ", ".join(" ".join(_unshouted(w) for w in part.split()) for part in parts)


def _unshouted(word: str) -> str:
    """ "WASHINGTON" -> "Washington"; "D.C." and "USA" stay."""
    return word.capitalize() if word.isupper() and word.isalpha() and len(word) > 3 else word


def _opening(specs: list[BlockSpec]) -> str:
    body = specs[1:] if specs and specs[0].kind is BlockKind.HEADING else specs
    return "\n".join(spec.text for spec in body)[:_ORGANISATIONS_WITHIN]


def find_organisations(text: str) -> tuple[str, ...]:
    """The known organisations named in `text`, in the order of their first mention."""
    found: list[tuple[int, str]] = []
    for name, pattern in _organisation_patterns():
        match = pattern.search(text)
        if match:
            found.append((match.start(), name))
    return tuple(name for _, name in sorted(found))


@lru_cache(maxsize=1)
def _organisation_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    path = resource_path("organizations.tsv")
    try:
        rows = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        message = f"The organisation list {path.name} cannot be read ({error})."
        raise ResourceError(message) from error
    patterns = []
    for row in rows:
        if not row.strip() or row.startswith(("#", "name\t")):
            continue
        name, _, aliases = row.partition("\t")
        forms = [name, *(a.strip() for a in aliases.split("|") if a.strip())]
        alternatives = "|".join(re.escape(form) for form in forms)
        patterns.append((name, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")))
    return tuple(patterns)
