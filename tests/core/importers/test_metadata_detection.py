"""Metadata from the text: title, a dateline's date and place, known organisations."""

import datetime as dt

import pytest

from reader.core.documents.builder import BlockSpec
from reader.core.documents.document import BlockKind, Metadata
from reader.core.importers.dates import find_date
from reader.core.importers.metadata_detection import Hints, detect_metadata, find_organisations
from reader.core.importers.text_import import text_blocks


def metadata_of(text: str, name: str = "file.txt", hints: Hints | None = None) -> Metadata:
    return detect_metadata(text_blocks(text), text.split("\n"), name, hints)


@pytest.mark.parametrize(
    ("dateline", "place"),
    [
        ("Naples, Italy: March 15-16, 2018", "Naples, Italy"),
        ("Washington, 8 April 2013", "Washington"),
        ("Washington, D.C., 8 April 2013", "Washington, D.C."),
        ("MOSCOW, April 8, 2013", "Moscow"),
        ("8 April 2013, Geneva", "Geneva"),
        ("15 March 2018 in Rostov-on-Don", "Rostov-on-Don"),
        ("Group statement | 15 February 2022", ""),
        ("Posted on 8 April 2013", ""),
    ],
)
def test_place_from_the_dateline(dateline: str, place: str) -> None:
    metadata = metadata_of(f"A Statement\n{dateline}\n\nWe agree on everything.")
    assert metadata.place == place
    assert metadata.date_start is not None


def test_a_press_release_dateline_opening_a_paragraph() -> None:
    metadata = metadata_of("WASHINGTON, April 8, 2013 — The two councils launched a project.")
    assert (metadata.date_start, metadata.place) == (dt.date(2013, 4, 8), "Washington")


def test_a_date_inside_a_sentence_far_from_the_start_is_not_the_documents_date() -> None:
    text = "We met many times over the years and last agreed on 8 April 2013 to meet again."
    assert metadata_of(text).date_start is None


def test_the_title_falls_back_to_hints_then_the_file_name() -> None:
    assert metadata_of("We agree.", hints=Hints(title="From the Page")).title == "From the Page"
    assert metadata_of("We agree.", name="nuclear_fail-safe statement.txt").title == (
        "nuclear fail-safe statement"
    )


def test_a_hinted_date_serves_when_the_text_has_none() -> None:
    hint = Hints(date=find_date("2020-01-02"))
    assert metadata_of("We agree.", hints=hint).date_start == dt.date(2020, 1, 2)
    dated = metadata_of("Paris, 3 May 2019\n\nWe agree.", hints=hint)
    assert dated.date_start == dt.date(2019, 5, 3)  # the text's own dateline comes first


def test_organisations_in_order_of_mention() -> None:
    text = "The Atlantic Council and the Russian International Affairs Council (RIAC) met."
    assert find_organisations(text) == ("Atlantic Council", "Russian International Affairs Council")
    assert find_organisations("Deep Cuts Statement and the ELN") == (
        "Deep Cuts Commission",
        "European Leadership Network",
    )
    assert find_organisations("the Euro-Atlantic Council and NATO-Russia Council") == ()


def test_organisations_come_from_the_title_and_opening_only() -> None:
    opening = BlockSpec(BlockKind.PARAGRAPH, "We met. " * 200 + "The Elbe Group agreed.")
    metadata = detect_metadata([opening], [], "x.txt")
    assert metadata.organizations == ()
    assert metadata.source == "Imported from x.txt"


LONG_OPENING = (
    "Since 1945, a combination of prudent leadership, military professionalism, good luck, "
    "and divine providence has enabled humanity to avoid using nuclear weapons. But risks grow."
)


def test_without_a_title_line_the_first_sentence_cut_at_a_word_is_the_title() -> None:
    metadata = metadata_of(f"{LONG_OPENING}\n\nWe agree.", name="03_easlg-2023-fail-safe.txt")
    assert metadata.title == (
        "Since 1945, a combination of prudent leadership, military professionalism, good…"
    )
    assert len(metadata.title) <= 81 and LONG_OPENING.startswith(metadata.title[:-1])
    short = metadata_of("The parties must resume talks at once. Then more.\n\nWe agree.")
    assert short.title == "The parties must resume talks at once"


def test_a_first_heading_serves_when_no_text_comes_before_it() -> None:
    text = "(votes: 5, rating: 5)\n\nThe Way Ahead\n\nWe must resume talks at once, both said."
    assert metadata_of(text).title == "The Way Ahead"
    later = "We must resume talks at once, both sides said.\n\nThe Way Ahead\n\nWe agree on it."
    assert metadata_of(later).title == "We must resume talks at once, both sides said"


def test_names_and_affiliations_of_authors_are_no_title() -> None:
    text = (
        "(votes: 5, rating: 5)\n\nBruce McConnell\n\nGlobal Vice President, EastWest Institute\n\n"
        "Pavel Sharikov\n\nDirector of the Applied Research Center\n\n"
        "The current state of relations is marked by distrust. Tensions have grown."
    )
    assert metadata_of(text).title == "The current state of relations is marked by distrust"


def test_a_numbered_slug_file_name_is_read_as_words() -> None:
    assert metadata_of("Yes.", name="03_easlg-2023-nuclear-fail-safe.txt").title == (
        "easlg 2023 nuclear fail safe"
    )
    assert metadata_of("Yes.", name="2023 talks.txt").title == "2023 talks"
