"""A memo as a Word document (DOCX), with python-docx.

python-docx (MIT, maintained since 2013, needs only lxml) writes real Word styles:
"Title", "Heading 1/2" and "Quote", so the memo's outline shows in Word's navigation pane
and its quotes can be restyled at once. Imported when a DOCX is asked for, not before.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from reader.core.notes.memo import Memo, MemoEntry
from reader.core.notes.memo_inline import inline_spans
from reader.core.translation import _

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph


def memo_docx(memo: Memo) -> bytes:
    import docx  # python-docx: loads lxml, so only when a DOCX is written

    document = docx.Document()
    document.core_properties.title = memo.title
    document.add_heading(memo.title, level=0)
    for group in memo.groups:
        document.add_heading(group.heading, level=1)
        for part, entries in group.parts:
            if part:
                document.add_heading(part, level=2)
            for entry in entries:
                _add_entry(document, entry)
    if memo.count == 0:
        document.add_paragraph(_("No notes."))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _add_entry(document: Document, entry: MemoEntry) -> None:
    add = document.add_paragraph
    add(f"“{_xml_safe(entry.quote)}”", style="Quote")
    if entry.note:
        _add_note(add(), entry.note)
    citation = add()
    run = citation.add_run(f"— {_xml_safe(entry.citation)}")
    run.italic = True
    if entry.tags:
        tags = _xml_safe(", ".join(entry.tags))
        citation.add_run(" · {label}: {tags}".format(label=_("Tags"), tags=tags))


def _add_note(paragraph: Paragraph, note: str) -> None:
    """The note's lines in one paragraph, its *emphasis*, **strong** and `code` as such."""
    for number, line in enumerate(note.splitlines()):
        if number:
            paragraph.add_run().add_break()
        for text, styles in inline_spans(line):
            run = paragraph.add_run(_xml_safe(text))
            run.italic = "em" in styles or None
            run.bold = "strong" in styles or None
            if "code" in styles:
                run.font.name = "Courier New"


def _xml_safe(text: str) -> str:
    """`text` without the control characters XML cannot hold (lxml refuses them): a note
    pasted from elsewhere may carry one."""
    return "".join(c for c in text if c in "\t\n" or 32 <= ord(c) < 0xD800 or ord(c) > 0xDFFF)
