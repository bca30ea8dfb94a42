"""Exports: Markdown for a memo (by topic, then document), CSV for a spreadsheet, safely."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from reader.core.export import ExportFormat
from reader.core.library.library import Library
from reader.core.recommendations.collection import collect, select
from reader.core.recommendations.export import (
    CSV_COLUMNS,
    RECOMMENDATION_FORMATS,
    export_recommendations,
    to_csv,
    to_markdown,
)
from reader.core.recommendations.extraction import USER, Recommendation
from reader.core.recommendations.rules import RuleSet
from reader.core.recommendations.taxonomy import Taxonomy


def _bullets(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("- ")]


@pytest.fixture
def recs(library: Library, rules: RuleSet, taxonomy: Taxonomy) -> list[Recommendation]:
    return collect(library, rules, taxonomy)


@pytest.fixture
def documents(library: Library) -> dict:
    return library.by_id()


def test_markdown_groups_by_topic_then_document(
    recs: list[Recommendation], documents: dict, taxonomy: Taxonomy
) -> None:
    text = to_markdown(recs, documents, taxonomy)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[:4] == [
        "# Recommendations",
        "## Strategic stability & arms control (2)",
        "### Elbe Group Joint Statement, Naples, Italy, 15-16 March 2018",
        "### AC–RIAC Co-Chairs' Joint Statement, Washington, D.C., 8 April 2013",
    ]
    cyber = text.split("## Cybersecurity (2)")[1].split("\n## ")[0]
    assert "the Elbe Group **recommends** the consideration" in cyber
    assert "— *On Syria*" in cyber


def test_markdown_names_other_topics_and_the_users_choices(
    recs: list[Recommendation], documents: dict, taxonomy: Taxonomy
) -> None:
    (special,) = [r for r in recs if r.cue == "strongly recommend"]
    text = to_markdown([replace(special, source=USER)], documents, taxonomy)
    assert _bullets(text)[0].endswith(
        "— *Current U.S.-Russia Relationship*; also filed under Cybersecurity; your choice"
    )


def test_markdown_escapes_what_would_become_markup(
    recs: list[Recommendation], documents: dict, taxonomy: Taxonomy
) -> None:
    odd = replace(
        recs[0], sentence="We urge *all* [sides] to act_now.", cue_start=recs[0].start + 3
    )
    odd = replace(odd, cue_end=odd.cue_start + 4, end=odd.start + len(odd.sentence))
    (line,) = _bullets(to_markdown([odd], documents, taxonomy))
    assert line == "- We **urge** \\*all\\* \\[sides\\] to act\\_now."


def test_markdown_of_nothing_says_so(documents: dict, taxonomy: Taxonomy) -> None:
    assert "No recommendations." in to_markdown([], documents, taxonomy)


def test_csv_has_a_header_and_a_row_per_recommendation(
    recs: list[Recommendation], documents: dict
) -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(recs, documents))))
    assert len(rows) == len(recs) and tuple(rows[0]) == CSV_COLUMNS
    (special,) = [row for row in rows if row["cue"] == "strongly recommend"]
    assert special["topics"] == "us-russia-relations|cybersecurity"
    assert (special["document"], special["date"], special["place"]) == (
        "Elbe Group Joint Statement",
        "2018-03-15/2018-03-16",
        "Naples, Italy",
    )
    doc = documents[special["doc_id"]]
    assert doc.text[int(special["start"]) : int(special["end"])] == special["sentence"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_defuses_cells_a_spreadsheet_would_run(
    recs: list[Recommendation], documents: dict, start: str
) -> None:
    risky = replace(recs[0], sentence=f'{start}HYPERLINK("http://x")', section=f"{start}1+1")
    (row,) = csv.DictReader(io.StringIO(to_csv([risky], documents)))
    assert row["sentence"] == f'\'{start}HYPERLINK("http://x")'
    assert row["section"] == f"'{start}1+1"


def test_a_filtered_list_exports_only_itself(
    recs: list[Recommendation], documents: dict, taxonomy: Taxonomy
) -> None:
    cyber = select(recs, topics=["cybersecurity"])
    assert len(cyber) == 3  # two filed first under it, one also under it
    assert "## U.S.–Russia relations (1)" in to_markdown(cyber, documents, taxonomy)
    assert len(list(csv.reader(io.StringIO(to_csv(cyber, documents))))) == 4


def test_export_recommendations_writes_markdown_and_csv_and_refuses_the_rest(
    recs: list[Recommendation], documents: dict, taxonomy: Taxonomy
) -> None:
    assert RECOMMENDATION_FORMATS == (ExportFormat.MARKDOWN, ExportFormat.CSV)
    md = export_recommendations(recs, documents, taxonomy, ExportFormat.MARKDOWN)
    assert md == to_markdown(recs, documents, taxonomy)
    csv_text = export_recommendations(recs, documents, taxonomy, ExportFormat.CSV)
    assert csv_text == to_csv(recs, documents)
    for fmt in set(ExportFormat) - set(RECOMMENDATION_FORMATS):
        with pytest.raises(ValueError, match="not exported as"):
            export_recommendations(recs, documents, taxonomy, fmt)
