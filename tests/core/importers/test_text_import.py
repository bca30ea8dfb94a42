"""Plain text: headings, lists, paragraphs across hard line breaks, furniture, teasers."""

import textwrap

import pytest

from reader.core.documents.builder import BlockSpec
from reader.core.documents.document import BlockKind
from reader.core.importers.text_import import text_blocks

H, P, LI = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM


def blocks(text: str) -> list[tuple[BlockKind, int, str, str]]:
    specs: list[BlockSpec] = text_blocks(textwrap.dedent(text).strip("\n"))
    return [(s.kind, s.level, s.marker, s.text) for s in specs]


def test_short_lines_before_paragraphs_are_headings_with_levels_by_spacing() -> None:
    assert blocks(
        """
        The Title
        Moscow, 8 April 2013

        Section One

        Its paragraph runs on.

        A Subsection
        Its text follows at once.
        """
    ) == [
        (H, 1, "", "The Title"),
        (P, 0, "", "Moscow, 8 April 2013"),  # a dateline, not a heading
        (H, 2, "", "Section One"),
        (P, 0, "", "Its paragraph runs on."),
        (H, 3, "", "A Subsection"),
        (P, 0, "", "Its text follows at once."),
    ]


def test_markdown_and_underlined_headings_in_plain_text() -> None:
    assert blocks(
        """
        Main Title
        ==========

        Part
        ----
        Text of the part.

        ### Deeper ###
        More text.
        """
    ) == [
        (H, 1, "", "Main Title"),
        (H, 2, "", "Part"),
        (P, 0, "", "Text of the part."),
        (H, 3, "", "Deeper"),
        (P, 0, "", "More text."),
    ]


def test_a_last_line_or_a_sentence_is_no_heading() -> None:
    assert [kind for kind, *_ in blocks("We agree.\n\nNot a heading at the end")] == [P, P]
    assert blocks("Speaker: COL (ret) Ivanov, research fellow.\n\nText.")[0][0] is P


def test_bullets_and_numbers_nest_by_indentation() -> None:
    assert blocks(
        """
        We recommend:
        - first;
          * nested, with a
            hanging line;
        – third
        1. one
        2) two
           a) two-a
        (iii) roman
        """
    ) == [
        (P, 0, "", "We recommend:"),
        (LI, 1, "•", "first;"),
        (LI, 2, "•", "nested, with a hanging line;"),
        (LI, 1, "•", "third"),
        (LI, 1, "1.", "one"),
        (LI, 1, "2)", "two"),
        (LI, 2, "a)", "two-a"),
        (LI, 1, "(iii)", "roman"),
    ]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    prose = (
        "The Elbe Group believes that the increased exchange of charges and countercharges "
        "between our countries creates a favourable environment for terrorism. The continuing "
        "presence of ISIS may lead to a situation when terrorists obtain nuclear materials. "
        "We understand that it is difficult to concentrate on what has not yet happened. At "
        "the same time our countries must do everything possible to bring attention to it."
    )
    wrapped = textwrap.fill(prose, 60) + "\n\n" + textwrap.fill("Second para- graph, short.", 60)
    assert blocks(wrapped) == [(P, 0, "", prose), (P, 0, "", "Second para- graph, short.")]


def test_a_line_that_does_not_end_a_sentence_continues() -> None:
    assert blocks("The sides agree that the\nrelationship must improve.\nA new one starts.") == [
        (P, 0, "", "The sides agree that the relationship must improve."),
        (P, 0, "", "A new one starts."),
    ]
    assert blocks("a state-of-the-\nart weapon and long-\nterm plans.") == [
        (P, 0, "", "a state-of-the-art weapon and long-term plans."),
    ]


def test_web_furniture_is_removed() -> None:
    assert blocks(
        """
        Skip to content
        Print
        Rate this article
        (no votes)
        \u00a0(0 votes)
        Share this article
        Group statement | 15 February 2022

        The Statement

        We call for dialogue. ; ;

        We use cookies to improve your experience. By continuing you agree to our policy.
        Read more
        Subscribe to our newsletter
        For business
        """
    ) == [(H, 1, "", "The Statement"), (P, 0, "", "We call for dialogue.")]


def test_a_poll_goes_with_its_indented_answers() -> None:
    assert blocks(
        """
        The statement ends here.

        Poll conducted

          1. In your opinion, what are the goals?
            Partnership
            \u00a0 33 (31%)
        For students
        """
    ) == [(P, 0, "", "The statement ends here.")]


def test_linked_page_titles_before_furniture_are_dropped() -> None:
    assert blocks(
        """
        We conclude here.

        Memorandum of Understanding. Cooperation between the Atlantic Council and RIAC.

        Share this article
        """
    ) == [(P, 0, "", "We conclude here.")]


def test_a_teaser_repeating_the_opening_is_dropped() -> None:
    opening = (
        "The Atlantic Council and the Russian International Affairs Council today launched a new "
        "initiative to help reframe US-Russia relations. The goal is to reconfigure the "
        "bilateral relationship."
    )
    teaser = opening.replace("today launched", "launched").split(" The goal")[0]
    result = blocks(f"{teaser}\n\nJoint Statement on Stability\n\n{opening}\n\nWe agree on this.")
    assert result == [
        (H, 1, "", "Joint Statement on Stability"),
        (P, 0, "", opening),
        (P, 0, "", "We agree on this."),
    ]


def test_a_title_case_sentence_opening_the_text_is_its_title() -> None:
    title = "Joint Statement by the Co-Chairs of a Steering Group on Mutually Assured Stability."
    assert blocks(f"{title}\n\nWashington, 8 April 2013\n\nWe agree.")[0] == (H, 1, "", title)


def test_nothing_but_symbols_or_space_makes_no_block() -> None:
    assert blocks("* * *\n\u00a0\n---\n\n   \n") == []


def test_a_new_list_after_a_paragraph_starts_at_level_one() -> None:
    result = blocks("  - a\n\nText.\n\n    - b\n\n    - c")
    levels = [level for kind, level, *_ in result if kind is LI]
    assert levels == [1, 1, 1]


def test_numbered_items_with_sections_and_letters_keep_their_numbering() -> None:
    assert blocks(
        """
        The Statement

        1. Introduction

        We met in Geneva and talked at length.

        1.1. The parties should resume talks at once.
        1.2. The parties should exchange data
             every year.
        1.6 The parties should meet again within a year.

        2. Recommendations
        We recommend what follows:

        (a) a freeze on new deployments;
        b) a hotline;
        iv. an annual review.
        """
    ) == [
        (H, 1, "", "The Statement"),
        (H, 2, "", "1. Introduction"),
        (P, 0, "", "We met in Geneva and talked at length."),
        (LI, 1, "1.1.", "The parties should resume talks at once."),
        (LI, 1, "1.2.", "The parties should exchange data every year."),
        (LI, 1, "1.6", "The parties should meet again within a year."),
        (H, 3, "", "2. Recommendations"),
        (P, 0, "", "We recommend what follows:"),
        (LI, 1, "(a)", "a freeze on new deployments;"),
        (LI, 1, "b)", "a hotline;"),
        (LI, 1, "iv.", "an annual review."),
    ]


def test_short_numbered_items_stay_a_list_whatever_follows() -> None:
    assert blocks(
        """
        Our priorities:

        1. Restore dialogue
        2. Reduce risks

        3. Build trust

        We believe this is the way. 1.6 million people
        agree, as do 2.5 per cent of the rest.
        """
    ) == [
        (P, 0, "", "Our priorities:"),
        (LI, 1, "1.", "Restore dialogue"),
        (LI, 1, "2.", "Reduce risks"),
        (LI, 1, "3.", "Build trust"),
        (
            P,
            0,
            "",
            "We believe this is the way. 1.6 million people agree, as do 2.5 per cent of the rest.",
        ),
    ]


def test_a_numeric_date_is_no_list_item() -> None:
    assert blocks("The Statement\n15.03.2018, Moscow\n\nWe agree.") == [
        (H, 1, "", "The Statement"),
        (P, 0, "", "15.03.2018, Moscow"),
        (P, 0, "", "We agree."),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Download Report (PDF)",
        "Download the full text",
        "Final Communiqué (PDF, 1.2 MB)",
        "Joint Statement [pdf]",
        "Read more",
        "Read more about the Elbe Group",
        "Learn more",
        "Read the full statement here.",
        "To order or download the full report, click here.",
        "Watch the video",
        "View the report",
        "Share",
        "Print",
        "Related",
        "ARTICLE",
        "PRESS RELEASE",
        "News release",
        "Commentary",
        "Op-ed",
        "Event",
    ],
)
def test_link_and_label_lines_are_furniture(line: str) -> None:
    text = f"{line}\n\nThe Statement\n\nWe call for dialogue.\n\n{line}\n\nWe agree on it.\n"
    assert blocks(text) == [
        (H, 1, "", "The Statement"),
        (P, 0, "", "We call for dialogue."),
        (P, 0, "", "We agree on it."),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Open Skies Treaty",
        "Order of Battle",
        "Reading the Treaty",
        "Analysis of the Treaty",
        "News and Analysis of the Crisis",
        "Events in Ukraine",
        "Views of the Group",
    ],
)
def test_headings_that_open_like_links_or_labels_stay(line: str) -> None:
    text = f"The Statement\n\n{line}\n\nWe call for dialogue."
    assert blocks(text)[1] == (H, 2, "", line)
