"""The Search tab as a reader uses it: type, walk, open, filter, take advice; and never a stall."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, Qt, QTimer

from reader import paths
from reader.core.library.library import Library
from reader.core.search.results import Hit

from reader.ui import settings as S
from reader.ui.actions import Act
from reader.ui.main_window import MainWindow
from reader.ui.reading.pane import SEARCH_HIGHLIGHT
from reader.ui.search.index_service import IndexService, index_command
from reader.ui.search.panel import SUGGESTION_LINK, SearchPanel, TitleRole
from reader.ui.side_panel import Tab

ELBE, ACRIAC = "elbe-group-2018-naples", "ac-riac-2013-washington"
ANSWER_TIMEOUT_MS = 5000
OPEN_TIMEOUT_MS = 20000  # the first opening imports Whoosh
STALL_LIMIT_S = 0.050


def _panel(window: MainWindow) -> SearchPanel:
    panel = window.ensure_search_panel()
    assert panel is not None
    return panel


def _search(qtbot: QtBot, panel: SearchPanel, text: str) -> None:
    """Type `text` as a user would and wait for its answer."""
    panel.box.clear()
    with qtbot.waitSignal(
        panel.results_shown, timeout=ANSWER_TIMEOUT_MS, check_params_cb=_is(text)
    ):
        qtbot.keyClicks(panel.box, text)


def _is(text: str) -> Callable[[str], bool]:
    return lambda query: query == text


def _hits(panel: SearchPanel) -> list[Hit]:
    return list(panel.model.results().hits)


def _visible(window: MainWindow, offset: int) -> bool:
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.to_qt(offset))
    return window.reader.viewport().rect().contains(window.reader.cursorRect(cursor))


def test_the_search_tab_is_built_when_first_shown(search_window: MainWindow) -> None:
    assert search_window.search_panel is None  # not needed for the first paint
    search_window.side_panel.setCurrentIndex(Tab.SEARCH)
    panel = search_window.search_panel
    assert panel is not None
    assert search_window.side_panel.currentWidget() is panel
    assert search_window.side_panel.indexOf(panel) == Tab.SEARCH
    assert panel.box.isClearButtonEnabled()
    metrics = panel.box.fontMetrics()
    assert metrics.horizontalAdvance(panel.box.placeholderText()) < panel.box.width() - 30  # whole
    assert "phrase" in panel.box.toolTip()


def test_typing_minsk_shows_the_ukraine_passage(qtbot: QtBot, search_window: MainWindow) -> None:
    panel = _panel(search_window)
    _search(qtbot, panel, "Minsk")
    [hit] = _hits(panel)
    assert (hit.doc_id, hit.section) == (ELBE, "On Ukraine")
    assert "<b>Minsk</b>" in panel.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 2)
    assert panel.status.text().startswith("1 passage in 1 document · ")
    assert panel.status.text().endswith(" ms")


def test_enter_opens_the_passage_with_minsk_highlighted_and_visible(
    qtbot: QtBot, search_window: MainWindow
) -> None:
    search_window.open_document(ACRIAC)
    panel = _panel(search_window)
    _search(qtbot, panel, "Minsk")
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    doc = search_window.current_document()
    assert doc.id == ELBE
    [(start, end)] = search_window.reader.highlight_ranges(SEARCH_HIGHLIGHT)
    assert doc.text[start:end] == "Minsk"
    assert _visible(search_window, start)


def test_typing_and_enter_at_once_open_the_best_hit(
    qtbot: QtBot, search_window: MainWindow
) -> None:
    search_window.open_document(ACRIAC)
    panel = _panel(search_window)
    with qtbot.waitSignal(search_window.reading.document_opened, timeout=ANSWER_TIMEOUT_MS):
        qtbot.keyClicks(panel.box, "Minsk")
        qtbot.keyClick(panel.box, Qt.Key.Key_Return)  # before the debounce ran out
    assert search_window.current_document().id == ELBE


def test_down_and_up_walk_the_results(qtbot: QtBot, search_window: MainWindow) -> None:
    search_window.activateWindow()
    qtbot.waitUntil(search_window.isActiveWindow, timeout=2000)
    search_window.actions_by_id[Act.SEARCH].trigger()
    panel = _panel(search_window)
    _search(qtbot, panel, "nuclear")
    assert len(_hits(panel)) >= 3
    assert panel.view.currentIndex().row() == 0
    qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    qtbot.keyClick(panel.box, Qt.Key.Key_Down)
    assert panel.view.currentIndex().row() == 2
    qtbot.keyClick(panel.box, Qt.Key.Key_Up)
    assert panel.view.currentIndex().row() == 1
    assert panel.box.hasFocus()  # the box keeps the keyboard: walk on, or type on
    qtbot.keyClick(panel.box, Qt.Key.Key_Return)
    hit = _hits(panel)[1]
    assert search_window.current_document().id == hit.doc_id
    assert search_window.reader.highlight_ranges(SEARCH_HIGHLIGHT) == list(hit.matches)


def test_a_click_opens_the_passage(qtbot: QtBot, search_window: MainWindow) -> None:
    search_window.open_document(ELBE)
    panel = _panel(search_window)
    search_window.side_panel.setCurrentWidget(panel)
    _search(qtbot, panel, '"missile defense"')
    rows = [n for n, hit in enumerate(_hits(panel)) if hit.doc_id == ACRIAC]
    index = panel.model.index(rows[0], 0)
    panel.view.scrollTo(index)
    centre = panel.view.visualRect(index).center()
    with qtbot.waitSignal(search_window.reading.document_opened, timeout=2000):
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert search_window.current_document().id == ACRIAC
    start, _ = search_window.reader.highlight_ranges(SEARCH_HIGHLIGHT)[0]
    assert _visible(search_window, start)


def test_unbalanced_quotes_give_results_and_a_notice(
    qtbot: QtBot, search_window: MainWindow
) -> None:
    panel = _panel(search_window)
    _search(qtbot, panel, '"missile defense')
    assert _hits(panel)
    assert "unbalanced" in panel.status.text()
    assert "passages in 2 documents" in panel.status.text()


def test_a_misspelling_offers_a_suggestion_that_searches(
    qtbot: QtBot, search_window: MainWindow
) -> None:
    panel = _panel(search_window)
    _search(qtbot, panel, "missle")
    assert not _hits(panel)
    assert "No passages match. Did you mean:" in panel.status.text()
    assert f'href="{SUGGESTION_LINK}">missile</a>' in panel.status.text()
    with qtbot.waitSignal(
        panel.results_shown, timeout=ANSWER_TIMEOUT_MS, check_params_cb=_is("missile")
    ):
        panel.status.linkActivated.emit(SUGGESTION_LINK)
    assert panel.box.text() == "missile"
    assert _hits(panel)


def test_the_document_filter_narrows_results_and_shows_counts(
    qtbot: QtBot, search_window: MainWindow
) -> None:
    panel = _panel(search_window)
    _search(qtbot, panel, "missile")
    everywhere = _hits(panel)
    assert {hit.doc_id for hit in everywhere} == {ELBE, ACRIAC}
    row = panel.doc_filter.findData(ACRIAC)
    counts = panel.model.results().per_document
    assert panel.doc_filter.itemText(row).endswith(f"({counts[ACRIAC]})")
    assert panel.doc_filter.itemText(0) == f"All documents ({sum(counts.values())})"
    with qtbot.waitSignal(panel.results_shown, timeout=ANSWER_TIMEOUT_MS):
        panel.doc_filter.setCurrentIndex(row)
    narrowed = _hits(panel)
    assert narrowed and {hit.doc_id for hit in narrowed} == {ACRIAC}
    assert len(narrowed) < len(everywhere)
    assert panel.doc_filter.itemText(0) == f"All documents ({sum(counts.values())})"
    panel.box.clear()
    panel.search_now()
    assert panel.doc_filter.itemText(row) == panel.doc_filter.itemData(row, TitleRole)


def test_a_stale_answer_is_dropped(qtbot: QtBot, search_window: MainWindow) -> None:
    """Two queries in flight: the older one's answer, arriving last, is not shown."""
    panel = _panel(search_window)
    service = search_window.index_service
    assert service is not None
    held: list[tuple[object, Callable[[object], None]]] = []
    real_submit = service.submit

    def hold(fn, on_done, on_error, context=None):  # type: ignore[no-untyped-def]
        held.append((fn, on_done))
        return True

    service.submit = hold  # type: ignore[method-assign]
    panel.box.setText("Minsk")
    panel.search_now()
    panel.box.setText("missile")
    panel.search_now()
    service.submit = real_submit  # type: ignore[method-assign]
    index = service._index  # noqa: SLF001 - the answers are computed as the worker would
    answers = [fn(index) for fn, _ in held]  # type: ignore[operator]
    held[1][1](answers[1])
    held[0][1](answers[0])  # the older query's answer comes in last
    assert panel.model.results().query == "missile"
    assert len(_hits(panel)) > 1


def test_quick_queries_show_only_the_last_answer(qtbot: QtBot, search_window: MainWindow) -> None:
    panel = _panel(search_window)
    shown: list[str] = []
    panel.results_shown.connect(shown.append)
    for text in ("Minsk", "cyber*", "missile"):
        panel.box.setText(text)
        panel.search_now()
    qtbot.waitUntil(lambda: shown == ["missile"], timeout=ANSWER_TIMEOUT_MS)
    qtbot.wait(100)  # the earlier answers arrive too, and are dropped
    assert shown == ["missile"]
    assert panel.model.results().query == "missile"


def test_ctrl_shift_f_focuses_the_search_box(qtbot: QtBot, search_window: MainWindow) -> None:
    search_window.activateWindow()
    qtbot.waitUntil(search_window.isActiveWindow, timeout=2000)
    search_window.reader.setFocus()
    search_window.side_panel.setCurrentIndex(0)
    shortcuts = [k.toString() for k in search_window.actions_by_id[Act.SEARCH].shortcuts()]
    assert "Ctrl+Shift+F" in shortcuts
    qtbot.keyClick(
        search_window.reader,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    panel = _panel(search_window)
    assert search_window.side_panel.currentWidget() is panel
    qtbot.waitUntil(panel.box.hasFocus, timeout=2000)


def _longest_stall(qtbot: QtBot, window: MainWindow, query: str) -> tuple[float, list[str]]:
    """Type `query` letter by letter while a 5 ms timer ticks: the longest gap between ticks
    (the event loop's longest stall), and the answers shown meanwhile."""
    panel = _panel(window)
    window.side_panel.setCurrentWidget(panel)
    ticks: list[float] = []
    timer = QTimer(window, interval=5, timerType=Qt.TimerType.PreciseTimer)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    answers: list[str] = []
    panel.results_shown.connect(answers.append)
    timer.start()
    qtbot.wait(30)
    for letter in query:
        qtbot.keyClicks(panel.box, letter)
        # about a fast typist's pace, and a pause after each word, so searches run mid-typing
        qtbot.wait(200 if letter == " " else 40)
    qtbot.waitUntil(lambda: answers[-1:] == [query], timeout=ANSWER_TIMEOUT_MS)
    qtbot.wait(50)
    timer.stop()
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False)]
    return max(gaps), answers


def test_typing_never_blocks_the_event_loop(qtbot: QtBot, search_window: MainWindow) -> None:
    """THE STALL TEST: a 5 ms timer ticks while a query is typed letter by letter."""
    longest, answers = _longest_stall(
        qtbot, search_window, 'missile defense "ballistic missile" cyber* NATO'
    )
    print(f"\nstall test: longest gap {longest * 1000:.1f} ms, {len(answers)} answers shown")
    assert len(answers) >= 4  # searches did run while typing
    assert longest <= STALL_LIMIT_S


def test_typing_on_fifty_documents_never_blocks_the_event_loop(
    qtbot: QtBot, library: Library, settings: S.Settings, folders: paths.Folders
) -> None:
    """The same with fifty statements, each half-typed word searched as a prefix."""
    base = [library.get(ELBE), library.get(ACRIAC)]
    docs = [dataclasses.replace(doc, id=f"{doc.id}-{n}") for n in range(25) for doc in base]
    fifty = Library(docs)
    service = IndexService(folders.index, docs, index_command(folders), folders.log_file)
    win = MainWindow(fifty, settings, service)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(service.opened, timeout=OPEN_TIMEOUT_MS * 3):
        service.start()
    longest, answers = _longest_stall(qtbot, win, "strategic stab nucl")
    print(f"\nstall test, 50 documents: longest gap {longest * 1000:.1f} ms")
    service.shutdown()
    assert len(answers) >= 2
    assert longest <= STALL_LIMIT_S


def test_without_an_index_service_the_search_tab_keeps_its_empty_state(
    window: MainWindow,
) -> None:
    assert window.ensure_search_panel() is None
    assert not window.actions_by_id[Act.REBUILD_INDEX].isEnabled()
    window.actions_by_id[Act.SEARCH].trigger()
    assert window.side_panel.currentIndex() == 1


def test_a_query_typed_before_the_index_opens_is_answered_when_it_does(
    qtbot: QtBot, library: Library, settings: S.Settings, index_service: IndexService
) -> None:
    window = MainWindow(library, settings, index_service)
    qtbot.addWidget(window)
    panel = _panel(window)
    panel.box.setText("Minsk")
    panel.search_now()
    assert panel.status.text() == "Search is getting ready…"
    with qtbot.waitSignal(panel.results_shown, timeout=OPEN_TIMEOUT_MS):
        index_service.start()
    assert len(_hits(panel)) == 1


def test_a_result_tooltip_and_text_name_the_document(
    qtbot: QtBot, search_window: MainWindow
) -> None:
    panel = _panel(search_window)
    _search(qtbot, panel, "Minsk")
    index = panel.model.index(0, 0)
    assert index.data(Qt.ItemDataRole.DisplayRole).startswith(
        "Elbe Group Joint Statement · On Ukraine\n"
    )
    rect = panel.view.visualRect(index)
    assert rect.height() > panel.fontMetrics().height() * 2
    assert panel.view.indexAt(QPoint(rect.center())) == index


def test_a_new_query_clears_the_marks_of_the_hit_opened_before(search_window: MainWindow) -> None:
    from reader.ui.reading.pane import SEARCH_HIGHLIGHT

    panel = search_window.ensure_search_panel()
    assert panel is not None
    doc = search_window.current_document()
    assert doc is not None
    search_window.reader.set_highlights(SEARCH_HIGHLIGHT, [(0, 5)])
    panel.query_changed.emit("another query")
    assert search_window.reader.highlight_ranges(SEARCH_HIGHLIGHT) == []


def test_the_topic_filter_keeps_the_passages_about_one_topic(
    qtbot: QtBot, search_window: MainWindow
) -> None:
    panel = _panel(search_window)
    _search(qtbot, panel, "Russia")
    everything = panel.model.results().total
    with qtbot.waitSignal(panel.results_shown, timeout=ANSWER_TIMEOUT_MS):
        panel.topic_filter.setCurrentIndex(panel.topic_filter.findData("cybersecurity"))
    about_cyber = panel.model.results()
    assert 0 < about_cyber.total < everything
    assert panel.topic_filter.currentText() == "Cybersecurity"
