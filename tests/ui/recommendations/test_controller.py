"""The Recommendations tab as a reader uses it: click through to the reader, filter, compare,
count, export, mark the text, and have the last word (kept across windows)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu

from reader.core.library.library import Library
from reader.core.recommendations.collection import coverage, select
from reader.core.recommendations.extraction import USER, Recommendation

from reader.ui import settings as S
from reader.ui.actions import Act
from reader.ui.main_window import MainWindow
from reader.ui.reading.find_bar import HIGHLIGHT_KIND as FIND
from reader.ui.reading.view import RECOMMENDATION, RECOMMENDATION_MARKS
from reader.ui.recommendations import dialogs
from reader.ui.recommendations.coverage import CELL_WIDTH, HEADER_MAX_HEIGHT, CountRole
from reader.ui.recommendations.model import TopicRole, WhereRole
from reader.ui.recommendations.panel import RecommendationPanel
from reader.ui.side_panel import Tab

ELBE, ACRIAC = "elbe-group-2018-naples", "ac-riac-2013-washington"
LOAD_TIMEOUT_MS = 10000
# An Elbe sentence the extractor does not take for a recommendation.
PLAIN_SENTENCE = "The Elbe Group"


def _open(qtbot: QtBot, library: Library, settings: S.Settings, data: Path) -> MainWindow:
    win = MainWindow(library, settings, data_folder=data)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    tab = win.recommendations
    with qtbot.waitSignal(tab.panel_built, timeout=LOAD_TIMEOUT_MS):
        win.side_panel.setCurrentIndex(Tab.RECOMMENDATIONS)
        tab.ensure_panel()
    return win


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def rec_window(qtbot: QtBot, library: Library, settings: S.Settings, data: Path) -> MainWindow:
    return _open(qtbot, library, settings, data)


def _panel(window: MainWindow) -> RecommendationPanel:
    assert window.recommendations.panel is not None
    return window.recommendations.panel


def _recs(window: MainWindow) -> list[Recommendation]:
    return window.recommendations.service.recommendations()


def _index_of(panel: RecommendationPanel, rec: Recommendation) -> QModelIndex:
    index = panel.index_of(rec)
    assert index.isValid(), f"not shown: {rec.sentence[:40]}"
    return index


def _visible(window: MainWindow, offset: int) -> bool:
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.to_qt(offset))
    return window.reader.viewport().rect().contains(window.reader.cursorRect(cursor))


def _put_caret(window: MainWindow, offset: int) -> None:
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.to_qt(offset))
    window.reader.setTextCursor(cursor)


def test_the_tab_is_built_after_the_window_not_before(
    qtbot: QtBot, library: Library, settings: S.Settings, data: Path
) -> None:
    win = MainWindow(library, settings, data_folder=data)
    qtbot.addWidget(win)
    assert win.recommendations.panel is None
    assert not win.recommendations.service.is_loaded()  # nothing extracted before the paint
    with qtbot.waitSignal(win.recommendations.panel_built, timeout=LOAD_TIMEOUT_MS):
        win.recommendations.start_after_first_paint()
        win.show()
    assert win.side_panel.widget(Tab.RECOMMENDATIONS) is win.recommendations.panel


def test_topics_list_every_recommendation_with_counts(rec_window: MainWindow) -> None:
    panel = _panel(rec_window)
    recs = _recs(rec_window)
    assert len(recs) >= 10
    assert panel.shown() == recs
    assert panel.status.text() == f"{len(recs)} recommendations"
    topics = [panel.proxy.index(r, 0).data(TopicRole) for r in range(panel.proxy.rowCount())]
    assert "cybersecurity" in topics
    assert all(panel.view.isExpanded(panel.proxy.index(r, 0)) for r in range(len(topics)))


def test_a_click_opens_the_sentence_highlighted_and_in_view(
    qtbot: QtBot, rec_window: MainWindow
) -> None:
    rec_window.open_document(ELBE)
    panel = _panel(rec_window)
    rec = next(r for r in _recs(rec_window) if r.doc_id == ACRIAC)
    index = _index_of(panel, rec)
    panel.view.scrollTo(index)
    with qtbot.waitSignal(rec_window.reading.document_opened):
        qtbot.mouseClick(
            panel.view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=panel.view.visualRect(index).center(),
        )
    assert rec_window.current_document().id == ACRIAC
    assert rec_window.reader.highlight_ranges(RECOMMENDATION) == [(rec.start, rec.end)]
    assert _visible(rec_window, rec.start)


def test_enter_opens_the_current_recommendation(qtbot: QtBot, rec_window: MainWindow) -> None:
    panel = _panel(rec_window)
    rec = _recs(rec_window)[-1]
    rec_window.open_document(ELBE if rec.doc_id == ACRIAC else ACRIAC)
    panel.view.setFocus()
    panel.view.setCurrentIndex(_index_of(panel, rec))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert rec_window.current_document().id == rec.doc_id
    assert rec_window.reader.highlight_ranges(RECOMMENDATION) == [(rec.start, rec.end)]


def test_filters_by_document_topic_and_text(qtbot: QtBot, rec_window: MainWindow) -> None:
    panel = _panel(rec_window)
    recs = _recs(rec_window)
    panel.doc_filter.setCurrentIndex(panel.doc_filter.findData(ELBE))
    assert panel.shown() == select(recs, [ELBE])
    panel.topic_filter.setCurrentIndex(panel.topic_filter.findData("cybersecurity"))
    assert panel.shown() == select(recs, [ELBE], ["cybersecurity"])
    assert panel.proxy.rowCount() == 1
    assert panel.status.text() == f"{len(panel.shown())} of {len(recs)} shown"
    panel.set_filters()
    qtbot.keyClicks(panel.text_filter, "nuclear")
    assert panel.shown() == select(recs, text="nuclear")
    assert 0 < len(panel.shown()) < len(recs)


def test_compare_view_lists_the_topic_per_document(qtbot: QtBot, rec_window: MainWindow) -> None:
    panel = _panel(rec_window)
    topic = "nato-russia-europe"
    panel.view.setCurrentIndex(panel.proxy.index(_topic_row(panel, topic), 0))
    panel.compare_button.click()
    dialog = rec_window.recommendations.compare_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert dialog.topic() == topic
    recs = _recs(rec_window)
    for doc_id, column in dialog.columns().items():
        assert column == select(recs, [doc_id], [topic])
        page = dialog.pages[doc_id].toPlainText()
        for rec in column:
            assert rec.sentence[:40] in page
        if not column:
            assert "No recommendations on this topic." in page
    assert set(dialog.columns()) == {ELBE, ACRIAC}
    panel.view.setCurrentIndex(panel.proxy.index(_topic_row(panel, "ukraine"), 0))
    rec_window.actions_by_id[Act.COMPARE_TOPIC].trigger()  # the same view, from the View menu
    assert rec_window.recommendations.compare_dialog is dialog
    assert dialog.topic() == "ukraine"


def test_coverage_matrix_counts_and_opens_a_cell(qtbot: QtBot, rec_window: MainWindow) -> None:
    rec_window.actions_by_id[Act.COVERAGE_MATRIX].trigger()
    dialog = rec_window.recommendations.coverage_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    service = rec_window.recommendations.service
    rows = coverage(_recs(rec_window), service.taxonomy, service.documents)
    model = dialog.model
    for r, row in enumerate(rows):
        for c, doc_id in enumerate(service.documents):
            assert model.index(r, c).data(CountRole) == row.by_document[doc_id]
    r = next(n for n, row in enumerate(rows) if row.topic == "cybersecurity")
    cell = model.index(r, list(service.documents).index(ELBE))
    centre = dialog.view.visualRect(cell).center()
    # A double-click counts on the cell that was pressed first, as with a real mouse.
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    panel = _panel(rec_window)
    assert (panel.doc_filter.currentData(), panel.topic_filter.currentData()) == (
        ELBE,
        "cybersecurity",
    )
    assert len(panel.shown()) == rows[r].by_document[ELBE] > 0


def test_export_writes_all_or_what_is_shown(
    qtbot: QtBot, rec_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    markdown, csv = tmp_path / "all.md", tmp_path / "shown.csv"
    status = rec_window.statusBar()
    monkeypatch.setattr(dialogs, "ask_export_path", lambda parent: (markdown, dialogs.MARKDOWN))
    rec_window.actions_by_id[Act.EXPORT_RECOMMENDATIONS].trigger()
    qtbot.waitUntil(lambda: status.currentMessage().startswith("Exported"))  # off the GUI thread
    text = markdown.read_text(encoding="utf-8")
    assert text.startswith("# Recommendations")
    assert "## Cybersecurity" in text
    assert (
        rec_window.statusBar()
        .currentMessage()
        .startswith(f"Exported {len(_recs(rec_window))} recommendations")
    )
    panel = _panel(rec_window)
    panel.set_filters(ACRIAC)
    status.clearMessage()
    monkeypatch.setattr(dialogs, "ask_export_path", lambda parent: (csv, dialogs.CSV))
    panel.export_button.click()
    qtbot.waitUntil(lambda: status.currentMessage().startswith("Exported"))
    lines = csv.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + len(select(_recs(rec_window), [ACRIAC]))
    assert lines[0].startswith("doc_id,document,date")


def test_the_marks_toggle_marks_every_recommendation_of_the_document(
    rec_window: MainWindow,
) -> None:
    rec_window.open_document(ELBE)
    mark = rec_window.actions_by_id[Act.MARK_RECOMMENDATIONS]
    assert mark.isCheckable() and not mark.isChecked()
    assert rec_window.reader.highlight_ranges(RECOMMENDATION_MARKS) == []
    rec_window.find_bar.open_bar()
    rec_window.find_bar.edit.setText("cyber")
    finds = len(rec_window.reader.highlight_ranges(FIND))
    mark.trigger()
    expected = [(r.start, r.end) for r in _recs(rec_window) if r.doc_id == ELBE]
    assert rec_window.reader.highlight_ranges(RECOMMENDATION_MARKS) == expected
    selections = rec_window.reader.extraSelections()
    assert len(selections) == len(expected) + finds
    dotted = QTextCharFormat.UnderlineStyle.DotLine
    assert all(s.format.underlineStyle() == dotted for s in selections[: len(expected)])
    assert all(s.format.underlineStyle() != dotted for s in selections[len(expected) :])
    rec_window.open_document(ACRIAC)
    expected = [(r.start, r.end) for r in _recs(rec_window) if r.doc_id == ACRIAC]
    assert rec_window.reader.highlight_ranges(RECOMMENDATION_MARKS) == expected
    mark.trigger()
    assert rec_window.reader.highlight_ranges(RECOMMENDATION_MARKS) == []


def test_dismissing_one_hides_it_here_and_in_a_new_window(
    qtbot: QtBot, rec_window: MainWindow, library: Library, settings: S.Settings, data: Path
) -> None:
    rec = next(r for r in _recs(rec_window) if "special services" in r.sentence)
    rec_window.recommendations.show_recommendation(rec)
    _put_caret(rec_window, rec.start + 5)
    menu = QMenu()
    rec_window.recommendations.add_context_actions(menu, _point_of(rec_window, rec.start + 5))
    acts = rec_window.actions_by_id
    assert acts[Act.DISMISS_RECOMMENDATION] in menu.actions()
    assert acts[Act.CHANGE_TOPICS] in menu.actions()
    assert acts[Act.MARK_AS_RECOMMENDATION] not in menu.actions()
    acts[Act.DISMISS_RECOMMENDATION].trigger()
    assert rec not in _recs(rec_window)
    assert all(r.start != rec.start for r in _panel(rec_window).shown())
    assert rec_window.statusBar().currentMessage() == "Recommendation dismissed."
    rec_window.close()
    again = _open(qtbot, library, settings, data)
    assert all((r.doc_id, r.start) != (rec.doc_id, rec.start) for r in _recs(again))
    assert len(_recs(again)) == len(_recs(rec_window))


def test_marking_a_sentence_from_the_context_menu_files_it_as_yours(
    rec_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec_window.open_document(ELBE)
    doc = rec_window.current_document()
    offset = doc.text.index(PLAIN_SENTENCE)
    sentence = next(s for s in doc.sentences if s.start <= offset < s.end)
    assert rec_window.recommendations.service.at(ELBE, sentence.start, sentence.end) is None
    menu = QMenu()
    rec_window.recommendations.add_context_actions(menu, _point_of(rec_window, offset + 2))
    mark = rec_window.actions_by_id[Act.MARK_AS_RECOMMENDATION]
    assert mark in menu.actions()
    asked: list[tuple[str, tuple[str, ...]]] = []

    def ask(parent, taxonomy, text, chosen=()):
        asked.append((text, tuple(chosen)))
        return ("cybersecurity", "ukraine")

    monkeypatch.setattr(dialogs.TopicsDialog, "ask", ask)
    mark.trigger()
    service = rec_window.recommendations.service
    offered = service.suggested_topics(doc, sentence.start)
    assert offered and offered[0] in {t.id for t in service.taxonomy}
    assert asked == [(doc.text[sentence.start : sentence.end], offered)]  # pre-selected
    rec = rec_window.recommendations.service.at(ELBE, sentence.start, sentence.end)
    assert rec is not None and rec.source == USER and rec.topics == ("cybersecurity", "ukraine")
    panel = _panel(rec_window)
    index = _index_of(panel, rec)
    assert index.data(WhereRole).endswith("yours")
    assert index.parent().data(TopicRole) in ("cybersecurity", "ukraine")


def test_changing_topics_refiles_the_recommendation(
    rec_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = next(r for r in _recs(rec_window) if r.topic == "ukraine")
    rec_window.recommendations.show_recommendation(rec)
    _put_caret(rec_window, rec.start + 1)
    monkeypatch.setattr(dialogs.TopicsDialog, "ask", lambda *args, **kwargs: ("economy-energy",))
    rec_window.actions_by_id[Act.CHANGE_TOPICS].trigger()
    [changed] = [r for r in _recs(rec_window) if (r.doc_id, r.start) == (rec.doc_id, rec.start)]
    assert (changed.topics, changed.source) == (("economy-energy",), USER)
    panel = _panel(rec_window)
    panel.set_filters(topic="economy-energy")
    assert panel.shown() == [changed]


def test_a_damaged_database_still_shows_recommendations_and_says_why(
    qtbot: QtBot, library: Library, settings: S.Settings, data: Path
) -> None:
    data.mkdir(parents=True)
    (data / "library.sqlite").write_bytes(b"not a database at all" * 100)
    win = _open(qtbot, library, settings, data)
    assert len(_recs(win)) >= 10
    assert "was damaged" in win.statusBar().currentMessage()


def test_a_read_only_database_keeps_the_panel_and_explains(
    qtbot: QtBot,
    library: Library,
    settings: S.Settings,
    data: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.core import user_db

    # Root may write anywhere, so the folder's being read-only is what the test decides.
    monkeypatch.setattr(
        user_db, "_why_read_only", lambda folder, path: f"the folder {folder} is read-only"
    )
    win = _open(qtbot, library, settings, data)
    assert len(_recs(win)) >= 10
    problem = win.recommendations.service.problem()
    assert problem.startswith("Your choices about recommendations cannot be saved: the folder")
    assert win.statusBar().currentMessage() == problem
    assert problem in _panel(win).status.text()
    rec = _recs(win)[0]
    win.recommendations.show_recommendation(rec)
    _put_caret(win, rec.start + 1)
    win.actions_by_id[Act.DISMISS_RECOMMENDATION].trigger()
    assert rec in _recs(win)
    assert "cannot be saved" in win.statusBar().currentMessage()


def _topic_row(panel: RecommendationPanel, topic: str) -> int:
    rows = range(panel.proxy.rowCount())
    return next(r for r in rows if panel.proxy.index(r, 0).data(TopicRole) == topic)


def _point_of(window: MainWindow, offset: int):
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.to_qt(offset))
    window.reader.scroll_to_offset(offset)
    return window.reader.cursorRect(cursor).center()


def test_coverage_of_a_hundred_documents_stays_readable(
    qtbot: QtBot, library: Library, settings: S.Settings, data: Path
) -> None:
    base = library.get(ELBE)
    copies = [
        dataclasses.replace(
            base,
            id=f"copy-{n}",
            metadata=dataclasses.replace(
                base.metadata, short_title=f"Statement {n} of the working group on a long name"
            ),
        )
        for n in range(100)
    ]
    win = _open(qtbot, Library(copies), settings, data)
    qtbot.waitUntil(lambda: bool(_recs(win)), timeout=LOAD_TIMEOUT_MS)
    win.actions_by_id[Act.COVERAGE_MATRIX].trigger()
    dialog = win.recommendations.coverage_dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    header = dialog.view.horizontalHeader()
    assert {header.sectionSize(c) for c in range(100)} == {CELL_WIDTH}
    assert header.height() <= HEADER_MAX_HEIGHT
    label = dialog.model.headerData(7, Qt.Orientation.Horizontal)
    tip = dialog.model.headerData(7, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Statement 7 of the working group on a long name" and len(label) < len(tip)
    assert dialog.width() <= dialog.screen().availableGeometry().width()
    picture = dialog.grab()
    assert not picture.isNull()


def test_read_from_compare_brings_the_passage_to_the_front(
    qtbot: QtBot, rec_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl

    dialog = rec_window.recommendations.open_compare("ukraine")
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.windowType() == Qt.WindowType.Window  # not kept above the main window
    raised: list[str] = []
    monkeypatch.setattr(rec_window, "raise_", lambda: raised.append("raise"))
    monkeypatch.setattr(rec_window, "activateWindow", lambda: raised.append("activate"))
    rec = next(r for r in _recs(rec_window) if r.topic == "ukraine")
    dialog.pages[rec.doc_id].anchorClicked.emit(QUrl(f"rec:{rec.doc_id}:{rec.start}"))
    assert rec_window.current_document().id == rec.doc_id  # type: ignore[union-attr]
    assert rec_window.reader.highlight_ranges("recommendation") == [(rec.start, rec.end)]
    assert raised == ["raise", "activate"]
