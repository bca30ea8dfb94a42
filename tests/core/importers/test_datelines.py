"""Datelines of each kind read as place and date at their precision, never as the title."""

import pytest

from reader.core.documents.document import BlockKind, DatePrecision, Metadata
from reader.core.importers.datelines import read_dateline
from reader.core.importers.metadata_detection import detect_metadata
from reader.core.importers.text_import import text_blocks

DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
BODY = "We agree on everything that matters to both of our countries."


def imported(text: str) -> tuple[Metadata, list[tuple[BlockKind, int, str]]]:
    specs = text_blocks(text)
    metadata = detect_metadata(specs, text.split("\n"), "dated.txt")
    return metadata, [(s.kind, s.level, s.text) for s in specs]


DATELINES = [
    ("Valletta, Malta: March 2017", "Valletta, Malta", "2017-03", MONTH, "March 2017"),
    ("Moscow, April 22, 2009", "Moscow", "2009-04-22", DAY, "22 April 2009"),
    ("(Moscow, April 22, 2009)", "Moscow", "2009-04-22", DAY, "22 April 2009"),
    ("WASHINGTON, D.C. — 8 April 2013", "Washington, D.C.", "2013-04-08", DAY, "8 April 2013"),
    ("March 2017", "", "2017-03", MONTH, "March 2017"),
    ("Naples, Italy, 15-16 March 2018", "Naples, Italy", "2018-03-15/2018-03-16", DAY,
     "15-16 March 2018"),
    ("2017", "", "2017", YEAR, "2017"),
    ("[Geneva, 2019]", "Geneva", "2019", YEAR, "2019"),
    ("Geneva (March 2017)", "Geneva", "2017-03", MONTH, "March 2017"),
    ("March 2017, Geneva", "Geneva", "2017-03", MONTH, "March 2017"),
    ("March-April 2017", "", "2017-03/2017-04", MONTH, "March - April 2017"),
    ("Москва, март 2017", "Москва", "2017-03", MONTH, "March 2017"),
    ("2015-2016", "", "2015/2016", YEAR, "2015-2016"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "place", "iso", "precision", "label"), DATELINES)
def test_a_dateline_above_the_title_is_place_and_date(
    line: str, place: str, iso: str, precision: DatePrecision, label: str
) -> None:
    metadata, blocks = imported(f"{line}\n\nStatement on Strategic Stability\n\n{BODY}\n")
    assert metadata.title == "Statement on Strategic Stability"
    assert (metadata.place, metadata.date_iso, metadata.date_precision) == (place, iso, precision)
    assert metadata.date_label == label
    # Kept in the text as written (nothing is lost), as a paragraph before the title.
    assert blocks == [
        (BlockKind.PARAGRAPH, 0, line),
        (BlockKind.HEADING, 1, "Statement on Strategic Stability"),
        (BlockKind.PARAGRAPH, 0, BODY),
    ]


@pytest.mark.parametrize(("line", "place", "iso", "precision", "label"), DATELINES)
def test_a_dateline_under_the_title_or_alone_is_no_heading(
    line: str, place: str, iso: str, precision: DatePrecision, label: str
) -> None:
    under, blocks = imported(f"Statement on Strategic Stability\n{line}\n\n{BODY}\n")
    assert (under.title, under.place, under.date_iso) == (
        "Statement on Strategic Stability",
        place,
        iso,
    )
    assert blocks[1] == (BlockKind.PARAGRAPH, 0, line)
    alone, blocks = imported(f"{line}\n\n{BODY}\n")
    assert (alone.place, alone.date_iso) == (place, iso)
    assert [kind for kind, _, _ in blocks] == [BlockKind.PARAGRAPH] * 2
    assert alone.title == BODY[:-1]  # the first sentence, not the dateline


@pytest.mark.parametrize(
    "line",
    [
        "Vision 2030",  # a name with a year in it
        "2015 Review Conference",
        "Agenda 2030: our goals",
        "Posted in March 2017",
        "We met in March 2017 and agreed on the next steps.",
        "Moscow 2017 Summit",
        "The 2010 Treaty",
    ],
)
def test_a_month_or_a_year_with_more_than_a_place_beside_it_is_no_dateline(line: str) -> None:
    assert read_dateline(line) is None
    metadata, _ = imported(f"Statement on Stability\n\n{line}\n\n{BODY}\n")
    assert metadata.date_start is None


def test_a_label_before_the_date_is_no_place() -> None:
    metadata, _ = imported(f"Event | 17 March 2016\n\nAnkara Hosts a Meeting\n\n{BODY}\n")
    assert (metadata.place, metadata.date_iso) == ("", "2016-03-17")


def test_a_press_release_names_its_place_before_a_dash() -> None:
    text = (
        "Group Urges Steps\n\nFOR IMMEDIATE RELEASE: Wednesday, June 28th, 2017\n\n"
        "WASHINGTON, D.C. – Today, the group released a set of urgent recommendations.\n"
    )
    metadata, _ = imported(text)
    assert (metadata.place, metadata.date_iso) == ("Washington, D.C.", "2017-06-28")
    nato, _ = imported(f"Group Urges Steps\n\nNATO – the alliance must talk to Russia. {BODY}\n")
    assert nato.place == ""  # an organisation, not a place


def test_a_full_date_in_a_dateline_wins_over_a_month_elsewhere() -> None:
    metadata, _ = imported(f"A Statement\nGeneva, 4-5 December 2019\n\nMarch 2020\n\n{BODY}\n")
    assert (metadata.date_iso, metadata.date_precision) == ("2019-12-04/2019-12-05", DAY)


def test_a_month_or_a_year_further_down_is_no_date_of_the_statement() -> None:
    paragraphs = "\n\n".join(f"We agree on point {n}, as both sides said." for n in range(12))
    metadata, _ = imported(f"A Statement\n\n{paragraphs}\n\nEurope, 2022\n\n{BODY}\n")
    assert metadata.date_start is None
    opened, _ = imported(f"March 2017\n\nMOSCOW, 8 April 2017 – The group met. {BODY}\n")
    assert (opened.date_iso, opened.place) == ("2017-04-08", "Moscow")  # the full date wins
