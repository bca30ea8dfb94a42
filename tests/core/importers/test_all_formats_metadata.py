"""What issue 12 asks of every format, not only plain text: datelines, hand-numbered items,
link lines and fallback titles come out the same from Markdown and HTML."""

from pathlib import Path

import pytest

from reader.core.documents.document import BlockKind, DatePrecision
from reader.core.importers import import_file

H, P, LI = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM
MARKDOWN = """*Valletta, Malta: March 2017*

# On Migration

We recommend:

1.1. The parties should resume talks at once.
1.2. The parties should exchange data
every year.
(a) a freeze on new deployments;

[Download Report (PDF)](report.pdf)
"""
HTML = """<html><body><main><p>(Valletta, Malta: March 2017)</p><h1>On Migration</h1>
<p>We recommend:</p><p>1.1. The parties should resume talks at once.</p>
<p>1.2. The parties should exchange data every year.</p><p>(a) a freeze on new deployments;</p>
<p><a href="report.pdf">Download Report (PDF)</a></p><p>ARTICLE</p></main></body></html>"""


@pytest.mark.parametrize(("name", "content"), [("m.md", MARKDOWN), ("h.html", HTML)])
def test_every_format_reads_datelines_numbered_items_and_link_lines(
    tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    imported = import_file(path)
    meta = imported.metadata
    assert (meta.title, meta.place, meta.date_iso) == ("On Migration", "Valletta, Malta", "2017-03")
    assert meta.date_precision is DatePrecision.MONTH
    assert [(b.kind, b.marker, b.text) for b in imported.blocks[1:]] == [
        (H, "", "On Migration"),
        (P, "", "We recommend:"),
        (LI, "1.1.", "The parties should resume talks at once."),
        (LI, "1.2.", "The parties should exchange data every year."),
        (LI, "(a)", "a freeze on new deployments;"),
    ]


def test_a_hand_numbered_heading_stays_a_paragraph_not_an_item(tmp_path: Path) -> None:
    path = tmp_path / "h.html"
    path.write_text("<p>1. Introduction</p><p>We met in Geneva and agreed.</p>", encoding="utf-8")
    assert [(b.kind, b.text) for b in import_file(path).blocks] == [
        (P, "1. Introduction"),
        (P, "We met in Geneva and agreed."),
    ]


def test_an_untitled_markdown_file_is_titled_from_its_first_sentence(tmp_path: Path) -> None:
    path = tmp_path / "03_easlg-2023-nuclear-fail-safe.md"
    path.write_text("Nuclear-armed states must conduct reviews. We agree.\n", encoding="utf-8")
    assert import_file(path).metadata.title == "Nuclear-armed states must conduct reviews"
