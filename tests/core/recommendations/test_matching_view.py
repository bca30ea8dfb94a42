"""The matching view: lost spaces put back, real words left alone, offsets mapped both ways."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.recommendations.matching_view import MatchingView


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("the partiesmust act", "the parties must act"),
        ("wecall on all", "we call on all"),
        ("we stronglyrecommend that", "we strongly recommend that"),
        ("theymustact now", "they must act now"),
        ("it shouldbe done", "it should be done"),
        ("itis essential inthe region", "it is essential in the region"),
        ("theyneed to act", "they need to act"),
    ],
)
def test_lost_spaces_are_put_back(text: str, view: str) -> None:
    assert MatchingView(text).text == view


@pytest.mark.parametrize(
    "text",
    [
        "the shoulder and the mustard; the muster",
        "a recommendation, urgently, the urgent need; it surged",
        "insurgents purge; a recall for calm; they needed to",
        "isis and the fora; into the; mustn't; shouldn't",
        "a call for talks; we urge; they must; it is needed",
    ],
)
def test_real_words_are_left_alone(text: str) -> None:
    assert MatchingView(text).text == text


_GLUEY = st.lists(
    st.sampled_from(["must", "should", "we", "call on", "itis", "inthe", " ", "a", "urge", "x."]),
    max_size=30,
).map("".join)


@settings(max_examples=200, deadline=None, database=None)
@given(_GLUEY)
def test_offsets_map_back_to_the_same_characters(text: str) -> None:
    view = MatchingView(text)
    for offset, char in enumerate(text):
        assert view.text[view.start(offset)] == char
        assert view.original_start(view.start(offset)) == offset
        assert view.original_end(view.end(offset + 1)) == offset + 1
    assert view.text.replace(" ", "") == text.replace(" ", "")
