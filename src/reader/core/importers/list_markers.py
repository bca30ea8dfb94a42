"""List items in plain text: bullets (•, -, *, –) and numbers (1. 1) a) (i)), nested by indent."""

from __future__ import annotations

import re
from dataclasses import dataclass

BULLET = "•"  # every unordered marker is shown as this one, as in the bundled statements
_BULLETS = "•●▪■◦○‣⁃·∙*+–—-"
_MARKER = re.compile(
    rf"(?P<marker>[{re.escape(_BULLETS)}]"
    r"|\d{1,3}[.)]|[a-z][.)]|\((?:\d{1,3}|[a-z]|[ivx]{1,5})\)|[ivx]{1,5}[.)])"
    r"\s+(?P<text>\S.*)",
)


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


class Nesting:
    """Levels of the items of one list, from the indentation of their markers."""

    def __init__(self) -> None:
        self._indents: list[int] = []

    def reset(self) -> None:
        self._indents.clear()

    def level(self, indent: int) -> int:
        while self._indents and indent < self._indents[-1]:
            self._indents.pop()
        if not self._indents or indent > self._indents[-1]:
            self._indents.append(indent)
        return len(self._indents)
