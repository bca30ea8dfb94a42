"""The `recommendations` and `topics` commands: what the statements recommend, by topic."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from reader import paths
from reader.cli.output import BOLD, RESET, emit, warn
from reader.core.export import ExportFormat
from reader.core.library.library import Library
from reader.core.recommendations.collection import collect, coverage, select
from reader.core.recommendations.export import RECOMMENDATION_FORMATS, export_recommendations
from reader.core.recommendations.extraction import USER, Recommendation
from reader.core.recommendations.overrides import RecommendationOverrides
from reader.core.recommendations.rules import RuleSet, bundled_rules
from reader.core.recommendations.taxonomy import Taxonomy, bundled_taxonomy
from reader.core.translation import _, ngettext
from reader.core.user_db import UserDatabase
from reader.core.wording import number


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    recs = commands.add_parser(
        "recommendations", parents=[common], help=_("list what the statements recommend, by topic")
    )
    recs.add_argument(
        "--doc", action="append", metavar="ID", help=_("only this document (repeatable)")
    )
    recs.add_argument(
        "--topic", action="append", metavar="ID", help=_("only those filed under this topic")
    )
    output = recs.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help=_("print JSON"))
    output.add_argument(
        "--format",
        choices=[f.value for f in RECOMMENDATION_FORMATS],
        help=_("Markdown or CSV, for export"),
    )
    recs.add_argument("-o", "--output", metavar="FILE", type=Path, help=_("write to FILE"))
    topics = commands.add_parser(
        "topics", parents=[common], help=_("list the topics, with their numbers of recommendations")
    )
    topics.add_argument("--json", action="store_true", help=_("print JSON"))


def run_recommendations(
    args: argparse.Namespace, library: Library, folders: paths.Folders, out: TextIO
) -> None:
    rules, taxonomy = bundled_rules(), bundled_taxonomy()
    for doc_id in args.doc or ():
        library.get(doc_id)  # an unknown id is an error, not an empty result
    for topic_id in args.topic or ():
        taxonomy.get(topic_id)
    recs = select(
        recommendations_with_choices(library, rules, taxonomy, folders),
        doc_ids=args.doc or (),
        topics=args.topic or (),
    )
    documents = library.by_id()
    if args.json:
        text = json.dumps([r.to_json() for r in recs], ensure_ascii=False, indent=2) + "\n"
    elif args.format:
        text = export_recommendations(recs, documents, taxonomy, ExportFormat(args.format))
    else:
        text = _listing(recs, taxonomy, bold=args.output is None and out.isatty())
    emit(text, args.output, out, _recommendations_counted(len(recs)))


def run_topics(
    args: argparse.Namespace, library: Library, folders: paths.Folders, out: TextIO
) -> None:
    rules, taxonomy = bundled_rules(), bundled_taxonomy()
    rows = coverage(
        recommendations_with_choices(library, rules, taxonomy, folders), taxonomy, library.ids()
    )
    if args.json:
        value = [
            {
                "id": row.topic,
                "label": row.label,
                "count": row.total,
                "primary": row.primary,
                "documents": dict(row.by_document),
                "cues": list(taxonomy.get(row.topic).cues) if row.topic in taxonomy else [],
            }
            for row in rows
        ]
        out.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
        return
    for row in rows:
        per_doc = ", ".join(f"{doc_id} {n}" for doc_id, n in row.by_document.items() if n)
        out.write(f"{row.topic:<22} {row.total:>3}  {row.label}")
        out.write(f"  ({per_doc})\n" if per_doc else "\n")


def recommendations_with_choices(
    library: Library, rules: RuleSet, taxonomy: Taxonomy, folders: paths.Folders
) -> list[Recommendation]:
    """With the user's choices, if there is a database; reading never creates one."""
    db = UserDatabase.open_existing(folders.data)
    if db is None:
        return collect(library, rules, taxonomy)
    try:
        warn(db.notice)
        return collect(library, rules, taxonomy, RecommendationOverrides(db))
    finally:
        db.close()


def _listing(recs: list[Recommendation], taxonomy: Taxonomy, bold: bool) -> str:
    """By primary topic: a heading with the count, then each recommendation with its place."""
    lines = []
    for topic in sorted({r.topic for r in recs}, key=taxonomy.order):
        in_topic = [r for r in recs if r.topic == topic]
        lines.append(f"{taxonomy.label(topic)} [{topic}] ({len(in_topic)})")
        for rec in in_topic:
            where = " · ".join(p for p in (rec.doc_id, rec.section) if p)
            said = _("cue: {cue}").format(cue=rec.cue) if rec.cue else _("marked by you")
            mine = ", " + _("your choice") if rec.source == USER and rec.cue else ""
            lines.append(f"  {where}  [{rec.start}-{rec.end}]  {said} ({rec.confidence:.2f}{mine})")
            lines.append(f"      {_sentence(rec, bold)}")
    lines.append(_recommendations_counted(len(recs)))
    return "\n".join(lines) + "\n"


def _recommendations_counted(count: int) -> str:
    return ngettext("{n} recommendation", "{n} recommendations", count).format(n=number(count))


def _sentence(rec: Recommendation, bold: bool) -> str:
    before, cue, after = rec.cue_parts()
    if not (bold and cue):
        return rec.sentence
    return f"{before}{BOLD}{cue}{RESET}{after}"
