"""Copy with citation: the passage as a quotation, then title, place and date."""

from __future__ import annotations

import datetime as dt
import json

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.citation import cite, source_line
from reader.core.documents.document import BlockKind, DatePrecision, Metadata
from reader.core.library.library import Library
from reader.core.notes.citation import cite_notes
from reader.core.notes.note import Note
from reader.core.notes.web_annotation import to_web_annotation


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


def test_a_month_is_cited_as_a_month() -> None:
    meta = Metadata(
        "On Migration",
        date_start=dt.date(2017, 3, 1),
        date_precision=DatePrecision.MONTH,
        place="Valletta, Malta",
    )
    doc = build_document("m", "imported", meta, [BlockSpec(BlockKind.PARAGRAPH, "We agree.")])
    assert source_line(doc) == "On Migration, Valletta, Malta, March 2017"
    note = Note(id="n", doc_id="m", start=0, end=9, quote="We agree.", prefix="", suffix="")
    [cited] = cite_notes([note], {"m": doc})
    assert cited.citation == "On Migration, Valletta, Malta, March 2017, para. 1"
    value = json.loads(to_web_annotation([note], {"m": doc}))
    source = value["first"]["items"][0]["target"]["source"]
    assert source["label"] == "On Migration" and "created" not in source  # a day is a dateTime
