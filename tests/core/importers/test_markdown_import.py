"""Markdown: parsed by markdown-it-py, inline markup reduced to its words."""

import datetime as dt
from pathlib import Path

from reader.core.documents.document import BlockKind
from reader.core.importers import import_file

H, P, LI = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM

MARKDOWN = """---
title: Front Matter Title
date: 2018-03-16
---
# Elbe Group Joint Statement

Naples, Italy: *March 15-16, 2018*

The sides **discussed** the [following](https://example.org) issues
across a `soft` line break:

- Strategic stability;
- Cybersecurity:
  1. attribution;
  2. norms.

Setext Section
--------------

> The sides believe that ISIS must be defeated.

| Year | Event |
| ---- | ----- |
| 2018 | Naples |

<div>Raw <b>HTML</b> block.</div>

```
code stays text
```
"""


def test_markdown_blocks(tmp_path: Path) -> None:
    path = tmp_path / "elbe.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    imported = import_file(path)
    assert [(b.kind, b.level, b.marker, b.text) for b in imported.blocks] == [
        (H, 1, "", "Elbe Group Joint Statement"),
        (P, 0, "", "Naples, Italy: March 15-16, 2018"),
        (P, 0, "", "The sides discussed the following issues across a soft line break:"),
        (LI, 1, "•", "Strategic stability;"),
        (LI, 1, "•", "Cybersecurity:"),
        (LI, 2, "1.", "attribution;"),
        (LI, 2, "2.", "norms."),
        (H, 2, "", "Setext Section"),
        (P, 0, "", "The sides believe that ISIS must be defeated."),
        (P, 0, "", "Year — Event"),
        (P, 0, "", "2018 — Naples"),
        (P, 0, "", "Raw HTML block."),
        (P, 0, "", "code stays text"),
    ]
    metadata = imported.metadata
    assert metadata.title == "Elbe Group Joint Statement"  # the text's own title first
    assert (metadata.date_start, metadata.place) == (dt.date(2018, 3, 15), "Naples, Italy")


def test_front_matter_gives_what_the_text_does_not(tmp_path: Path) -> None:
    path = tmp_path / "notes.markdown"
    text = "---\ntitle: 'A Statement'\ndate: 2020-01-02\n---\nWe agree.\n"
    path.write_text(text, encoding="utf-8")
    metadata = import_file(path).metadata
    assert (metadata.title, metadata.date_start) == ("A Statement", dt.date(2020, 1, 2))


def test_a_loose_list_and_an_item_of_two_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "loose.md"
    path.write_text("Intro:\n\n* one\n\n  still one\n\n* two\n", encoding="utf-8")
    assert [(b.kind, b.text) for b in import_file(path).blocks] == [
        (P, "Intro:"),
        (LI, "one still one"),
        (LI, "two"),
    ]
