"""Recommendations (all, or a filtered list) as Markdown for a memo, or CSV for a spreadsheet.

    write_export(path, export_recommendations(recs, documents, taxonomy, ExportFormat.CSV))

RECOMMENDATION_FORMATS are the formats written; `export_recommendations` is the one way to them.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping

from reader.core.documents.document import Document
from reader.core.export import ExportFormat, csv_safe
from reader.core.recommendations.extraction import USER, Recommendation
from reader.core.recommendations.taxonomy import Taxonomy
from reader.core.translation import _

CSV_COLUMNS = (
    "doc_id",
    "document",
    "date",
    "place",
    "section",
    "topic",
    "topics",
    "cue",
    "confidence",
    "source",
    "sentence",
    "start",
    "end",
)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_SPACE = re.compile(r"\s+")
RECOMMENDATION_FORMATS: tuple[ExportFormat, ...] = (ExportFormat.MARKDOWN, ExportFormat.CSV)


def export_recommendations(
    recs: Iterable[Recommendation],
    documents: Mapping[str, Document],
    taxonomy: Taxonomy,
    fmt: ExportFormat,
) -> str:
    """`recs` in the format `fmt` (one of RECOMMENDATION_FORMATS), as the text of a file;
    ValueError for a format recommendations are not written in."""
    if fmt is ExportFormat.MARKDOWN:
        return to_markdown(recs, documents, taxonomy)
    if fmt is ExportFormat.CSV:
        return to_csv(recs, documents)
    raise ValueError(f"recommendations are not exported as {fmt}")


def to_markdown(
    recs: Iterable[Recommendation],
    documents: Mapping[str, Document],
    taxonomy: Taxonomy,
    title: str = "",
) -> str:
    """Grouped by primary topic (taxonomy order), then document (in `documents`' order).

    Each recommendation is a bullet: the sentence with its cue in bold, then its section,
    its other topics, and whether the user marked or re-filed it.
    """
    lines = ["# " + (title or _("Recommendations")), ""]
    for topic, in_topic in _by_topic(recs, taxonomy):
        lines += [f"## {_escape(taxonomy.label(topic))} ({len(in_topic)})", ""]
        for doc_id in [d for d in documents if any(r.doc_id == d for r in in_topic)]:
            lines += [f"### {_escape(_document_line(documents[doc_id]))}", ""]
            lines += [_bullet(r, taxonomy) for r in in_topic if r.doc_id == doc_id]
            lines.append("")
    if len(lines) == 2:
        lines += [_("No recommendations."), ""]
    return "\n".join(lines)


def to_csv(recs: Iterable[Recommendation], documents: Mapping[str, Document]) -> str:
    """A header and one row per recommendation; cells that could run as formulas are defused."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for rec in recs:
        writer.writerow([csv_safe(cell) for cell in _row(rec, documents.get(rec.doc_id))])
    return out.getvalue()


def _by_topic(
    recs: Iterable[Recommendation], taxonomy: Taxonomy
) -> list[tuple[str, list[Recommendation]]]:
    groups: dict[str, list[Recommendation]] = {}
    for rec in recs:
        groups.setdefault(rec.topic, []).append(rec)
    return sorted(groups.items(), key=lambda item: taxonomy.order(item[0]))


def _document_line(doc: Document) -> str:
    meta = doc.metadata
    return ", ".join(part for part in (meta.display_title, meta.place, meta.date_label) if part)


def _bullet(rec: Recommendation, taxonomy: Taxonomy) -> str:
    notes = [f"*{_escape(rec.section)}*"] if rec.section else []
    if not rec.cue_in_sentence and rec.cue:
        notes.append(_("cue: **{cue}** (in the list's lead-in)").format(cue=_escape(rec.cue)))
    others = [taxonomy.label(t) for t in rec.topics[1:]]
    if others:
        notes.append(_("also filed under {topics}").format(topics=_escape(" · ".join(others))))
    if rec.source == USER:
        notes.append(_("your choice"))
    return f"- {_emphasised(rec)}" + (f" — {'; '.join(notes)}" if notes else "")


def _emphasised(rec: Recommendation) -> str:
    """The sentence with its cue's words in bold, when they lie within it."""
    before, cue, after = rec.cue_parts()
    bold = f"**{_escape(cue)}**" if cue else ""
    return f"{_escape(before)}{bold}{_escape(after)}"


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _SPACE.sub(" ", text))


def _row(rec: Recommendation, doc: Document | None) -> list[object]:
    meta = doc.metadata if doc is not None else None
    return [
        rec.doc_id,
        meta.title if meta else "",
        meta.date_iso if meta else "",
        meta.place if meta else "",
        rec.section,
        rec.topic,
        "|".join(rec.topics),
        rec.cue,
        f"{rec.confidence:.2f}",
        rec.source,
        rec.sentence,
        rec.start,
        rec.end,
    ]
