"""A memo as Markdown, as one self-contained HTML page (also the clipboard's rich text),
and as plain text (the clipboard's other half); DOCX is in memo_docx.py, and
`render_memo` gives any of the file formats (MEMO_FORMATS)."""

from __future__ import annotations

import html
from collections.abc import Callable

from reader.core.export import ExportFormat
from reader.core.notes.export import escape_markdown
from reader.core.notes.memo import Memo, MemoEntry
from reader.core.notes.memo_inline import inline_spans
from reader.core.translation import _

MEMO_FORMATS = (ExportFormat.MARKDOWN, ExportFormat.HTML, ExportFormat.DOCX)


def render_memo(memo: Memo, fmt: ExportFormat) -> str | bytes:
    """The memo as the content of a file in `fmt` (one of MEMO_FORMATS)."""
    if fmt is ExportFormat.MARKDOWN:
        return memo_markdown(memo)
    if fmt is ExportFormat.HTML:
        return memo_html(memo)
    if fmt is ExportFormat.DOCX:
        from reader.core.notes.memo_docx import memo_docx

        return memo_docx(memo)
    raise ValueError(f"a memo is not written as {fmt}")


_STYLE = """
body { font: 11pt/1.5 Georgia, "Times New Roman", serif; max-width: 44em; margin: 2em auto;
       padding: 0 1em; color: #111; background: #fff; }
h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; }
h2 { margin-top: 1.6em; border-bottom: 1px solid #999; }
blockquote { margin: .8em 0 .2em; padding: .1em .9em; border-left: 4px solid #999;
             font-style: italic; }
p.note { margin: .3em 0; }
p.cite { color: #444; font-size: 90%; margin: .2em 0 1.2em; }
"""


def memo_markdown(memo: Memo) -> str:
    lines = [f"# {escape_markdown(memo.title)}", ""]
    for group in memo.groups:
        lines += [f"## {escape_markdown(group.heading)}", ""]
        for part, entries in group.parts:
            if part:
                lines += [f"### {escape_markdown(part)}", ""]
            for entry in entries:
                lines += _markdown_entry(entry)
    if memo.count == 0:
        lines += [_("No notes."), ""]
    return "\n".join(lines)


def _markdown_entry(entry: MemoEntry) -> list[str]:
    lines = [f"> {escape_markdown(line)}" if line.strip() else ">"
             for line in entry.quote.splitlines() or [""]]  # fmt: skip
    lines.append("")
    if entry.note:
        lines += [escape_markdown(entry.note), ""]
    tags = _tags_line(entry, "*{label}:* {tags}", escape_markdown)
    return [*lines, f"— {escape_markdown(entry.citation)}{tags}", ""]


def memo_html(memo: Memo, standalone: bool = True) -> str:
    """The memo as HTML; `standalone` gives a whole page (a file), else the body's content
    (what a word processor takes from the clipboard)."""
    parts = [f"<h1>{_e(memo.title)}</h1>"]
    for group in memo.groups:
        parts.append(f"<h2>{_e(group.heading)}</h2>")
        for part, entries in group.parts:
            if part:
                parts.append(f"<h3>{_e(part)}</h3>")
            parts += [_html_entry(entry) for entry in entries]
    if memo.count == 0:
        parts.append("<p>" + _e(_("No notes.")) + "</p>")
    body = "\n".join(parts)
    if not standalone:
        return body
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{_e(memo.title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"{body}\n</body>\n</html>\n"
    )


def _html_entry(entry: MemoEntry) -> str:
    quote = "<br>".join(_e(line) for line in entry.quote.splitlines())
    lines = [f"<blockquote>“{quote}”</blockquote>"]
    if entry.note:
        note = "<br>".join(_inline_html(line) for line in entry.note.splitlines())
        lines.append(f'<p class="note">{note}</p>')
    tags = _tags_line(entry, "{label}: {tags}", _e)
    lines.append(f'<p class="cite">— {_e(entry.citation)}{tags}</p>')
    return "\n".join(lines)


def memo_plain_text(memo: Memo) -> str:
    underline = "=" * len(memo.title)
    lines = [memo.title, underline, ""]
    for group in memo.groups:
        lines += [group.heading, "-" * len(group.heading), ""]
        for part, entries in group.parts:
            if part:
                lines += [part, ""]
            for entry in entries:
                lines += [f"“{entry.quote}”"]
                lines += [entry.note] if entry.note else []
                tags = _tags_line(entry, "{label}: {tags}", str)
                lines += [f"— {entry.citation}{tags}", ""]
    if memo.count == 0:
        lines += [_("No notes."), ""]
    return "\n".join(lines)


def _tags_line(entry: MemoEntry, pattern: str, escape: Callable[[str], str]) -> str:
    """ " · Tags: a, b" after a citation ("" without tags), its words escaped for the format."""
    if not entry.tags:
        return ""
    return " · " + pattern.format(label=escape(_("Tags")), tags=escape(", ".join(entry.tags)))


_TAGS = (("strong", "strong"), ("em", "em"), ("code", "code"))


def _inline_html(line: str) -> str:
    """A line of the note with its inline Markdown as HTML; all else escaped."""
    parts = []
    for text, styles in inline_spans(line):
        html_text = _e(text)
        for style, tag in _TAGS:
            if style in styles:
                html_text = f"<{tag}>{html_text}</{tag}>"
        parts.append(html_text)
    return "".join(parts)


def _e(text: str) -> str:
    return html.escape(text, quote=True)
