"""What is opened in the reader (a search hit, a recommendation, a note) lands about a
third of the way down the view, in a document opened for it and in the one already open."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtGui import QTextCursor

from reader.core.library.library import Library
from reader.core.search.results import Hit
from reader.core.search.snippets import Snippet

from reader.ui.main_window import MainWindow
from reader.ui.reading.pane import SEARCH_HIGHLIGHT
from reader.ui.reading.view import RECOMMENDATION

ACRIAC, ELBE = "ac-riac-2013-washington", "elbe-group-2018-naples"


def _top_fraction(window: MainWindow, offset: int) -> float:
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.to_qt(offset))
    return window.reader.cursorRect(cursor).top() / window.reader.viewport().height()


def _hit(library: Library, doc_id: str, words: str, at_end: bool) -> Hit:
    text = library.get(doc_id).text
    start = text.rindex(words) if at_end else text.index(words)
    end = start + len(words)
    return Hit(doc_id, "", "", start, end, 1.0, Snippet(words, ()), (words,), ((start, end),))


@pytest.mark.parametrize("opened_first", [ELBE, ACRIAC])
def test_a_hit_deep_in_a_document_lands_a_third_of_the_way_down(
    qtbot: QtBot, window: MainWindow, library: Library, opened_first: str
) -> None:
    window.resize(1100, 520)
    window.open_document(opened_first)
    hit = _hit(library, ACRIAC, "Russia", at_end=True)
    window.show_hit(hit)
    qtbot.wait(50)  # any later layout or scrolling has happened
    assert window.reader.verticalScrollBar().maximum() > 0
    assert 0.2 <= _top_fraction(window, hit.start) <= 0.45


def test_a_recommendation_lands_a_third_down_and_one_in_view_stays_put(
    qtbot: QtBot, window: MainWindow, library: Library
) -> None:
    window.resize(1100, 520)
    window.open_document(ACRIAC)
    hit = _hit(library, ACRIAC, "Russia", at_end=True)
    window.reading.show_range("recommendation", hit.start, hit.end)
    assert 0.2 <= _top_fraction(window, hit.start) <= 0.45
    place = window.reader.verticalScrollBar().value()
    window.reading.show_range("recommendation", hit.start, hit.end)  # in view: no jump
    assert window.reader.verticalScrollBar().value() == place


def test_one_opened_passage_is_marked_at_a_time(window: MainWindow, library: Library) -> None:
    window.open_document(ACRIAC)
    hit = _hit(library, ACRIAC, "Russia", at_end=True)
    window.show_hit(hit)
    assert window.reader.highlight_ranges(SEARCH_HIGHLIGHT) == [(hit.start, hit.end)]
    window.reading.show_range(RECOMMENDATION, 0, 10)
    assert window.reader.highlight_ranges(SEARCH_HIGHLIGHT) == []
    window.show_hit(hit)
    assert window.reader.highlight_ranges(RECOMMENDATION) == []
    window.reading.forget_search("a new query")
    assert window.reader.highlight_ranges(SEARCH_HIGHLIGHT) == []
