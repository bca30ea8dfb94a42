"""Reads the statements shipped in resources/: structured JSON made from the web captures."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from reader.core.builder import BlockSpec, build_document
from reader.core.document import BlockKind, Document, Metadata
from reader.core.errors import ResourceError

STATEMENT_FORMAT = 1
BUNDLED_IDS = ("elbe-group-2018-naples", "ac-riac-2013-washington")


def load_bundled(folder: Path) -> list[Document]:
    """The bundled statements, in their fixed order."""
    return [load_statement(folder / f"{doc_id}.json") for doc_id in BUNDLED_IDS]


def load_statement(path: Path) -> Document:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):  # valid JSON of the wrong shape, e.g. a list
            raise ValueError("not a statement object")
        if raw.get("format") != STATEMENT_FORMAT:
            raise ValueError(f"unsupported format {raw.get('format')!r}")
        specs = [_block_spec(b) for b in raw["blocks"]]
        return build_document(raw["id"], "bundled", _metadata(raw["metadata"]), specs)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ResourceError(
            f"The bundled statement {path.name} cannot be read ({_reason(error)}); "
            "reinstall the application."
        ) from error


def _reason(error: Exception) -> str:
    """What went wrong, in words: "No such file or directory", not "[Errno 2] ... '/long/path'"."""
    if isinstance(error, KeyError):
        return f"the entry {error} is missing"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


def _metadata(raw: dict[str, Any]) -> Metadata:
    return Metadata(
        title=raw["title"],
        short_title=raw.get("short_title", ""),
        date_start=_date(raw.get("date_start")),
        date_end=_date(raw.get("date_end")),
        place=raw.get("place", ""),
        organizations=tuple(raw.get("organizations", ())),
        source=raw.get("source", ""),
        source_url=raw.get("source_url", ""),
    )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _block_spec(raw: dict[str, Any]) -> BlockSpec:
    kind = BlockKind(raw["kind"])
    return BlockSpec(kind, raw["text"], raw.get("level", 0), raw.get("marker", ""))
