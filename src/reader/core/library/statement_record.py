"""A statement as JSON in the bundled files' shape: how the catalogue stores imported documents.

The same shape as resources/*.json (format, id, metadata, blocks): bundled.py reads the
shipped files with document_from_json too, and only words its errors differently (a broken
install is a ResourceError, a damaged catalogue row the user's data, a CatalogueError).

Dates are stored as ISO 8601 at their precision ("2018-03-15", "2017-03", "2017"), so the
precision needs no field of its own and every record written before it existed (full days
only) reads as it did.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.document import (
    BlockKind,
    DatePrecision,
    Document,
    Metadata,
    iso_at,
    parse_iso,
)

STATEMENT_FORMAT = 1


def statement_json(doc_id: str, metadata: Metadata, blocks: tuple[BlockSpec, ...]) -> str:
    record = {
        "format": STATEMENT_FORMAT,
        "id": doc_id,
        "metadata": metadata_json(metadata),
        "blocks": [_block_json(block) for block in blocks],
    }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def metadata_json(metadata: Metadata) -> dict[str, Any]:
    return {
        "title": metadata.title,
        "short_title": metadata.short_title,
        "date_start": _iso(metadata.date_start, metadata.date_precision),
        "date_end": _iso(metadata.date_end, metadata.date_precision),
        "place": metadata.place,
        "organizations": list(metadata.organizations),
        "source": metadata.source,
        "source_url": metadata.source_url,
    }


def document_from_json(text: str, kind: str, text_sha256: str = "") -> Document:
    """The document a stored statement describes; ValueError, KeyError or TypeError if damaged.

    `text_sha256`: the content hash stored beside it (sha256 of the canonical text).
    """
    raw = json.loads(text)
    if not isinstance(raw, dict):  # valid JSON of the wrong shape, e.g. a list
        raise ValueError("not a statement object")
    if raw.get("format") != STATEMENT_FORMAT:
        raise ValueError(f"unsupported format {raw.get('format')!r}")
    blocks = [_block_spec(block) for block in raw["blocks"]]
    metadata = metadata_from_json(raw["metadata"])
    return build_document(raw["id"], kind, metadata, blocks, text_sha256)


def with_metadata(text: str, metadata: Metadata) -> str:
    """The stored statement `text` with its metadata replaced."""
    raw = json.loads(text)
    raw["metadata"] = metadata_json(metadata)
    return json.dumps(raw, ensure_ascii=False, separators=(",", ":"))


def metadata_from_json(raw: dict[str, Any]) -> Metadata:
    start, precision = _date(raw.get("date_start"))
    end, _ = _date(raw.get("date_end"))
    return Metadata(
        title=raw["title"],
        short_title=raw.get("short_title", ""),
        date_start=start,
        date_end=end,
        date_precision=precision,
        place=raw.get("place", ""),
        organizations=tuple(raw.get("organizations", ())),
        source=raw.get("source", ""),
        source_url=raw.get("source_url", ""),
    )


def _block_json(block: BlockSpec) -> dict[str, Any]:
    record: dict[str, Any] = {"kind": block.kind.value, "text": block.text}
    if block.level:
        record["level"] = block.level
    if block.marker:
        record["marker"] = block.marker
    return record


def _block_spec(raw: dict[str, Any]) -> BlockSpec:
    return BlockSpec(
        BlockKind(raw["kind"]), raw["text"], raw.get("level", 0), raw.get("marker", "")
    )


def _iso(day: dt.date | None, precision: DatePrecision) -> str:
    return iso_at(day, precision) if day else ""


def _date(value: str | None) -> tuple[dt.date | None, DatePrecision]:
    return parse_iso(value) if value else (None, DatePrecision.DAY)
