"""List items in plain text: bullets (•, -, *, –) and numbers (1. 1) 1.1. a) (i)), nested by
indent. A number of several parts without a closing stop ("1.6 The parties ...") marks an
item only before a capital: "1.6 million people" is a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = "•"  # every unordered marker is shown as this one, as in the bundled statements
_BULLETS = "•●▪■◦○‣⁃·∙*+–—-"
_MARKER = re.compile(
    rf"(?P<marker>[{re.escape(_BULLETS)}]"
    r"|\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+(?=\s+[\"“«(]?[A-ZÀ-ÞА-ЯЁ])"
    r"|[a-z][.)]|\((?:\d{1,3}|[a-z]|[ivx]{1,5})\)|[ivx]{1,5}[.)])"
    r"\s+(?P<text>\S.*)",
)
_SECTION_NUMBER = re.compile(
    r"\d{1,3}(?:\.\d{1,3})*\.?"
)  # "1.", "2.3", "2.3.": may number a heading


@dataclass(frozen=True)
class ListMarker:
    marker: str  # as shown in the canonical text: "•", "1.", "a)"
    text: str  # the item's words after the marker


def match_marker(line: str) -> ListMarker | None:
    """The list marker opening `line` (stripped of its indentation), if it has one."""
    found = _MARKER.fullmatch(line)
    if found is None:
        return None
    marker = found.group("marker")
    return ListMarker(BULLET if marker in _BULLETS else marker, found.group("text"))


def section_depth(marker: str) -> int:
    """How deep a number that may head a section goes: "1." 1, "2.3" 2; 0 if it cannot ("a)")."""
    return marker.rstrip(".").count(".") + 1 if _SECTION_NUMBER.fullmatch(marker) else 0


class Nesting:
    """Levels of the items of one list, from the indentation of their markers."""

    def __init__(self) -> None:
        self._indents: list[int] = []
        self.last_marker = ""  # of the item that came last, while the list goes on

    def reset(self) -> None:
        self._indents.clear()
        self.last_marker = ""

    def continues(self, marker: str) -> bool:
        """True when an item marked `marker` would be a sibling of the last: "3." after "2."."""
        return bool(self.last_marker) and section_depth(self.last_marker) == section_depth(marker)

    def level(self, indent: int) -> int:
        while self._indents and indent < self._indents[-1]:
            self._indents.pop()
        if not self._indents or indent > self._indents[-1]:
            self._indents.append(indent)
        return len(self._indents)
