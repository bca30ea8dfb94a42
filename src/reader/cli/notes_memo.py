"""`notes memo`: a memo built from notes, to a Markdown, HTML or DOCX file (or Markdown and
HTML to the terminal). The format is the file name's suffix, or --format."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from reader import paths
from reader.core.errors import ReaderError
from reader.core.export import ExportFormat, write_export
from reader.core.library.library import Library
from reader.core.notes.memo import GroupBy, MemoOptions, build_memo
from reader.core.notes.memo_text import MEMO_FORMATS, render_memo
from reader.core.notes.note import COLORS, Note
from reader.core.translation import _, ngettext

_BY_SUFFIX = {f.suffix: f for f in MEMO_FORMATS} | {".markdown": ExportFormat.MARKDOWN,
                                                    ".htm": ExportFormat.HTML}  # fmt: skip


def add_memo(actions: Any, common: argparse.ArgumentParser) -> None:
    # fmt: off
    memo = actions.add_parser(
        "memo", parents=[common], help=_("build a memo from notes (Markdown, HTML or DOCX)")
    )
    memo.add_argument("--doc", action="append", default=[], metavar="ID",
                      help=_("only the notes of this document (repeatable)"))
    memo.add_argument("--tag", action="append", default=[], metavar="TAG",
                      help=_("only the notes with this tag (repeatable: any of them)"))
    memo.add_argument("--color", action="append", default=[], type=str.lower, choices=COLORS,
                      metavar="NAME",
                      help=_("only this colour (repeatable): {colors}").format(
                          colors=", ".join(COLORS)))
    memo.add_argument("--topic", action="append", default=[], metavar="TOPIC",
                      help=_("only notes in a recommendation on this topic (see 'topics')"))
    memo.add_argument("--words", default="", metavar="TEXT",
                      help=_("only notes with every word in their text, tags or quote"))
    memo.add_argument("--group-by", choices=[g.value for g in GroupBy], default="document",
                      help=_("group by document (default), section or recommendation topic"))
    memo.add_argument("--title", default=_("Memo"),
                      help=_("the memo's title ({default})").format(default=_("Memo")))
    memo.add_argument("--format", choices=[f.value for f in MEMO_FORMATS],
                      help=_("md, html or docx (default: from the file name, else md)"))
    memo.add_argument("-o", "--output", metavar="FILE", type=Path, help=_("write to FILE"))
    # fmt: on


def run_memo(
    args: argparse.Namespace, notes: list[Note], library: Library, folders: paths.Folders,
    out: TextIO,
) -> None:  # fmt: skip
    fmt = memo_format(args.format, args.output)
    if fmt is ExportFormat.DOCX and args.output is None:
        raise ReaderError(_("A DOCX memo is a file: name it with -o FILE."))
    topics = _topics(args.topic)
    recs = _recommendations(library, folders) if topics or args.group_by == "topic" else []
    options = MemoOptions(
        title=args.title, group_by=GroupBy(args.group_by), doc_ids=args.doc, tags=args.tag,
        colors=args.color, topics=topics, words=args.words,
    )  # fmt: skip
    memo = build_memo(notes, library.by_id(), recs, options)
    content = render_memo(memo, fmt)
    if args.output is None:
        assert isinstance(content, str)
        out.write(content)
        return
    write_export(args.output, content)
    written = ngettext(
        "A memo of {count} note written to {output}",
        "A memo of {count} notes written to {output}",
        memo.count,
    )
    out.write(written.format(count=memo.count, output=args.output) + "\n")


def memo_format(chosen: str | None, output: Path | None) -> ExportFormat:
    if chosen:
        return ExportFormat(chosen)
    suffix = output.suffix.lower() if output else ""
    if suffix and suffix not in _BY_SUFFIX:
        raise ReaderError(
            _(
                "A memo is written as .md, .html or .docx, not {suffix}; "
                "or say which with --format."
            ).format(suffix=suffix)
        )
    return _BY_SUFFIX.get(suffix, ExportFormat.MARKDOWN)


def _topics(asked: list[str]) -> list[str]:
    if not asked:
        return []
    from reader.core.recommendations.taxonomy import bundled_taxonomy

    taxonomy = bundled_taxonomy()
    for topic in asked:
        taxonomy.get(topic)  # an unknown topic is a sentence naming the known ones
    return asked


def _recommendations(library: Library, folders: paths.Folders) -> list[Any]:
    from reader.cli.recommendations import recommendations_with_choices
    from reader.core.recommendations import bundled_rules, bundled_taxonomy

    return recommendations_with_choices(library, bundled_rules(), bundled_taxonomy(), folders)
