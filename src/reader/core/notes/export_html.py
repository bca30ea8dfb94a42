"""Notes as one self-contained, printable HTML file: inline CSS, no script, all text escaped.

Its Content-Security-Policy forbids scripts and any fetch, as a second line of defence
should some text ever slip through unescaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

from reader.core.documents.document import Document
from reader.core.notes.citation import CitedNote, cite_notes, with_headings
from reader.core.notes.note import COLOR_HEX, Note
from reader.core.translation import _

_STYLE = """
body { font: 11pt/1.5 Georgia, "Times New Roman", serif; max-width: 46em; margin: 2em auto;
       padding: 0 1em; color: #111; background: #fff; }
h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; }
h2 { margin-top: 2em; border-bottom: 1px solid #999; page-break-after: avoid; }
h3 { page-break-after: avoid; }
.note { margin: 1em 0 1.5em; page-break-inside: avoid; }
blockquote { margin: 0; padding: .2em .8em; border-left: .5em solid #ccc;
             white-space: pre-wrap; -webkit-print-color-adjust: exact;
             print-color-adjust: exact; }
.text { white-space: pre-wrap; margin: .5em 0; }
.meta, .cite { color: #444; font-size: 90%; margin: .2em 0; }
.tag { border: 1px solid #999; border-radius: .6em; padding: 0 .4em; margin-right: .3em; }
"""


def to_html(notes: Iterable[Note], documents: Mapping[str, Document], title: str = "") -> str:
    """The Markdown export's content and order, as a page to open or print."""
    title = title or _("Notes")
    parts = [_head(title), f"<h1>{_e(title)}</h1>"]
    for doc_heading, section_heading, cited in with_headings(cite_notes(notes, documents)):
        if doc_heading:
            parts.append(f"<h2>{_e(doc_heading)}</h2>")
        if section_heading:
            parts.append(f"<h3>{_e(section_heading)}</h3>")
        parts.append(_note_html(cited))
    if len(parts) == 2:
        parts.append("<p>" + _e(_("No notes.")) + "</p>")
    return "\n".join([*parts, "</body>", "</html>", ""])


def _head(title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{_e(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>"
    )


def _note_html(cited: CitedNote) -> str:
    note = cited.note
    colour = COLOR_HEX.get(note.color, "#cccccc")
    tags = "".join(f'<span class="tag">{_e(tag)}</span>' for tag in note.tags)
    lines = [
        '<div class="note">',
        f'<blockquote style="border-left-color: {colour}">{_e(note.quote.strip())}</blockquote>',
    ]
    if note.text.strip():
        lines.append(f'<div class="text">{_e(note.text.strip())}</div>')
    colour_line = _e(_("colour: {color}").format(color=note.color))
    lines.append(f'<p class="meta">{tags}{colour_line}</p>')
    lines += [f'<p class="cite">— {_e(cited.citation)}</p>', "</div>"]
    return "\n".join(lines)


def _e(text: str) -> str:
    return html.escape(text, quote=True)
