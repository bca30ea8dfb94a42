"""What each format's reader hands back: blocks, the first raw lines, and the file's own hints."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.documents.builder import BlockSpec
from reader.core.importers.metadata_detection import Hints

HEAD_LINES = 60  # raw lines kept for metadata detection: datelines stand near the top


@dataclass(frozen=True)
class ParsedFile:
    blocks: list[BlockSpec]
    head: list[str]  # the first lines of the text, furniture included ("Statement | 6 June 2021")
    hints: Hints = field(default_factory=Hints)
    encoding: str = ""  # the text's encoding, for formats that have one


def head_of(text: str) -> list[str]:
    return text.split("\n", HEAD_LINES)[:HEAD_LINES]
