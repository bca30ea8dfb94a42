"""Plain text: headings, lists, paragraphs across hard line breaks, furniture, teasers."""

import textwrap

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
