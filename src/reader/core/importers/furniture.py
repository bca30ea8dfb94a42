"""Web-page furniture ("Print", "Share this article", vote counts, polls): see furniture.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.core.documents.builder import normalise_space
from reader.core.documents.sentences import split_sentences
from reader.core.errors import ResourceError
from reader.core.importers.headings import is_title_case
from reader.core.translation import _
from reader.resource_access import resource_path

SCOPES = ("line", "widget", "trailing")
_LONGEST_FURNITURE = 300  # characters: nothing longer is taken for furniture


@dataclass(frozen=True)
class Furniture:
    line: re.Pattern[str]
    widget: re.Pattern[str]
    trailing: re.Pattern[str]

    def is_furniture(self, text: str) -> bool:
        """True when all of `text` is a furniture line ("Share this article", "(0 votes)")."""
        words = normalise_space(text)
        if not words or len(words) > _LONGEST_FURNITURE:
            return False
        return bool(self.line.fullmatch(words) or self.widget.fullmatch(words))

    def strip_trailing(self, text: str) -> str:
        """`text` without the debris of removed buttons after its last sentence."""
        return self.trailing.sub("", text)

    def remove_from_lines(self, lines: list[str]) -> list[str]:
        """The lines with furniture blanked out (a blank keeps paragraphs apart as the page did)."""
        kept: list[str] = []
        removed: list[bool] = []
        widget_indent: int | None = None
        for line in lines:
            indent = _indent(line)
            if widget_indent is not None and (not line.strip() or indent > widget_indent):
                drop = True
            else:
                widget_indent = indent if self.widget.fullmatch(normalise_space(line)) else None
                drop = widget_indent is not None or self.is_furniture(line)
            kept.append("" if drop else self.strip_trailing(line))
            removed.append(drop and bool(line.strip()))
        return _without_link_titles(kept, removed)


def _without_link_titles(lines: list[str], removed: list[bool]) -> list[str]:
    """Blank a line of linked page titles ("Memorandum of Understanding. Cooperation between the
    Atlantic Council and ...") standing just before furniture: Title Case phrases, each closed
    by a full stop, are headlines of other pages, which a statement's sentences never are."""
    kept = list(lines)
    following_removed = False
    for number in range(len(lines) - 1, -1, -1):
        if removed[number]:
            following_removed = True
        elif lines[number].strip():
            if following_removed and _is_link_titles(lines[number]):
                kept[number] = ""
            following_removed = False
    return kept


def _is_link_titles(line: str) -> bool:
    text = normalise_space(line)
    phrases = [text[start:end] for start, end in split_sentences(text)]
    return len(phrases) >= 2 and all(p.endswith(".") and is_title_case(p) for p in phrases)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def parse_furniture(text: str) -> Furniture:
    patterns: dict[str, list[str]] = {scope: [] for scope in SCOPES}
    for number, row in enumerate(text.splitlines(), start=1):
        if not row.strip() or row.startswith("#") or row.startswith("scope\t"):
            continue
        scope, pattern, *_why = row.split("\t")
        if scope not in patterns:
            raise ValueError(f"line {number}: unknown scope {scope!r}")
        re.compile(pattern)  # a bad pattern is named by its own line
        patterns[scope].append(pattern)
    return Furniture(
        line=_combined(patterns["line"], ""),
        widget=_combined(patterns["widget"], ""),
        trailing=_combined(patterns["trailing"], r"\s*$"),
    )


def _combined(patterns: list[str], suffix: str) -> re.Pattern[str]:
    alternatives = "|".join(f"(?:{p})" for p in patterns) or "(?!)"
    return re.compile(f"(?:{alternatives}){suffix}", re.IGNORECASE)


def load_furniture(path: Path) -> Furniture:
    try:
        return parse_furniture(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, re.error) as error:
        message = _("The furniture list {name} cannot be read ({error}).")
        raise ResourceError(message.format(name=path.name, error=error)) from error


@lru_cache(maxsize=1)
def default_furniture() -> Furniture:
    """The list shipped in resources/, read once."""
    return load_furniture(resource_path("furniture.tsv"))
