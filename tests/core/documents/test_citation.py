"""Copy with citation: the passage as a quotation, then title, place and date."""

from __future__ import annotations

from reader.core.documents.citation import cite, source_line
from reader.core.library.library import Library


def test_cites_a_sentence_with_title_place_and_date(library: Library) -> None:
    doc = library.get("elbe-group-2018-naples")
    sentence = "We call for continuing cooperation to prevent the use of chemical weapons in Syria."
    start = doc.text.index(sentence)
    assert cite(doc, start, start + len(sentence)) == (
        f"“{sentence}”\n— Elbe Group Joint Statement, Naples, Italy, 15-16 March 2018"
    )


def test_a_passage_across_blocks_is_quoted_on_one_line(library: Library) -> None:
    doc = library.get("elbe-group-2018-naples")
    start = doc.text.index("Cybersecurity;")
    end = doc.text.index("WMD Terrorism.") + len("WMD Terrorism.")
    quote = cite(doc, start, end).splitlines()[0]
    assert quote == "“Cybersecurity; • WMD Terrorism.”"


def test_source_line_of_a_single_day(library: Library) -> None:
    doc = library.get("ac-riac-2013-washington")
    assert source_line(doc).endswith("Washington, D.C., 8 April 2013")
