"""The sentence splitter on the hard cases of policy prose, and its invariants on any text."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.documents.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "During the meeting the Russian and U.S. sides discussed the following issues:",
            ["During the meeting the Russian and U.S. sides discussed the following issues:"],
            id="U.S. mid-sentence",
        ),
        pytest.param(
            "The talks were held in the U.S. The next round is in Moscow.",
            ["The talks were held in the U.S.", "The next round is in Moscow."],
            id="U.S. at a sentence end",
        ),
        pytest.param(
            "Speaker: COL (ret) Stanislav Ivanov, Russian Academy of Sciences. It was clear.",
            ["Speaker: COL (ret) Stanislav Ivanov, Russian Academy of Sciences.", "It was clear."],
            id="COL (ret)",
        ),
        pytest.param(
            "At the international level (the UN) of a need. Regarding cybercrime.",
            ["At the international level (the UN) of a need.", "Regarding cybercrime."],
            id="(the UN)",
        ),
        pytest.param(
            "We met Mr. Smith in Naples. He agreed.",
            ["We met Mr. Smith in Naples.", "He agreed."],
            id="Mr. Smith",
        ),
        pytest.param(
            "A report by J. Smith was read. It helped.",
            ["A report by J. Smith was read.", "It helped."],
            id="initial",
        ),
        pytest.param(
            "Some measures, e.g. this one, matter. Others do not.",
            ["Some measures, e.g. this one, matter.", "Others do not."],
            id="e.g.",
        ),
        pytest.param(
            "the paradigm of “mutual assured destruction.” The goal is to reconfigure.",
            ["the paradigm of “mutual assured destruction.”", "The goal is to reconfigure."],
            id="quote after full stop",
        ),
        pytest.param(
            "Is war inevitable? No! We must talk.",
            ["Is war inevitable?", "No!", "We must talk."],
            id="question and exclamation",
        ),
        pytest.param(
            "They waited... Then they spoke. They waited… Then again.",
            ["They waited...", "Then they spoke.", "They waited…", "Then again."],
            id="ellipsis",
        ),
        pytest.param(
            "No full stop at the end",
            ["No full stop at the end"],
            id="unterminated",
        ),
    ],
)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_ellipsis_before_lower_case_continues_the_sentence() -> None:
    assert sentences("Wait... what happened?") == ["Wait... what happened?"]


def test_surrounding_space_is_trimmed() -> None:
    text = "  \n First one.\u00a0 Second one.  "
    assert sentences(text) == ["First one.", "Second one."]


@pytest.mark.parametrize("text", ["", " ", "\n\u00a0\t"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


# Text built from the characters that matter to the splitter, so examples hit real boundaries.
_PIECES = list("aZ.US!?…()\"“”’'\u00a0 \n\t-;:,1") + [
    "Mr.",
    "U.S.",
    "e.g.",
    "The ",
    "the ",
    "(the UN)",
    " J. ",
    "(ret) ",
    "...",
    ".”",
    " (",
]
_PROSE = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join) | st.text(max_size=80)
_FAST = settings(max_examples=200, deadline=None, database=None)  # no .hypothesis/ in the repo


@_FAST
@given(_PROSE)
def test_ranges_are_ordered_trimmed_and_inside(text: str) -> None:
    previous_end = 0
    for start, end in split_sentences(text):
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end


@_FAST
@given(_PROSE)
def test_ranges_cover_every_non_space_character(text: str) -> None:
    covered = set()
    for start, end in split_sentences(text):
        covered.update(range(start, end))
    missed = [i for i, char in enumerate(text) if not char.isspace() and i not in covered]
    assert missed == []


@_FAST
@given(_PROSE)
def test_splitting_is_deterministic(text: str) -> None:
    assert split_sentences(text) == split_sentences(text)
