"""The window as the app starts it (`staged`): what the first paint shows is built before it,
each feature just after it, and nothing asked for in between is lost."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader import paths
from reader.core.library.library import Library
from tests.ui.conftest import MakeService

from reader.ui import settings as S
from reader.ui.actions import Act
from reader.ui.main_window import MainWindow
from reader.ui.reading.view import RECOMMENDATION_MARKS
from reader.ui.side_panel import Tab

ELBE = "elbe-group-2018-naples"
TIMEOUT_MS = 20000


def _staged(qtbot: QtBot, window: MainWindow) -> MainWindow:
    qtbot.addWidget(window)
    window.resize(1280, 800)
    return window


def test_the_first_paint_shows_the_document_and_the_features_follow(
    qtbot: QtBot, library: Library, settings: S.Settings
) -> None:
    window = _staged(qtbot, MainWindow(library, settings, staged=True))
    # Before the paint: the document, its contents and the library, no feature yet.
    assert window.current_document().id == ELBE
    assert window.reader.toPlainText().startswith("Elbe Group Joint Statement")
    assert window.outline_model.rowCount() > 0
    assert window.library_proxy.rowCount() == len(list(library))
    assert "Elbe Group Joint Statement" in window.windowTitle()
    assert not window.is_complete()
    assert not hasattr(window, "recommendations")
    called: list[str] = []
    window.when_complete(lambda: called.append("late"))
    assert called == []
    with qtbot.waitSignal(window.completed, timeout=TIMEOUT_MS):
        window.show()
    assert window.is_complete() and called == ["late"]
    window.when_complete(lambda: called.append("now"))
    assert called == ["late", "now"]
    assert window.notes.service is not None and window.team.status_label is not None


def test_recommendations_started_before_completion_are_marked_after_it(
    qtbot: QtBot, library: Library, settings: S.Settings
) -> None:
    settings.set(S.MARK_RECOMMENDATIONS, 1)
    window = _staged(qtbot, MainWindow(library, settings, staged=True))
    window.start_after_first_paint()  # as the app asks, before the features exist
    window.show()
    qtbot.waitUntil(window.is_complete, timeout=TIMEOUT_MS)
    qtbot.waitUntil(
        lambda: (
            window.recommendations.service.is_loaded()
            and bool(window.reader.highlight_ranges(RECOMMENDATION_MARKS))
        ),
        timeout=TIMEOUT_MS,
    )


def test_a_restored_search_tab_gets_its_panel_once_the_features_are_built(
    qtbot: QtBot,
    library: Library,
    settings: S.Settings,
    make_index_service: MakeService,
    folders: paths.Folders,
) -> None:
    settings.set(S.SIDE_TAB, int(Tab.SEARCH))
    window = MainWindow(library, settings, make_index_service(), folders.data, staged=True)
    _staged(qtbot, window)
    assert window.side_panel.currentIndex() == Tab.SEARCH  # restored before the paint
    window.show()
    qtbot.waitUntil(window.is_complete, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.search_panel is not None, timeout=TIMEOUT_MS)
    assert window.side_panel.currentWidget() is window.search_panel


def test_the_features_actions_work_once_complete(
    qtbot: QtBot, library: Library, settings: S.Settings, make_index_service: MakeService
) -> None:
    window = _staged(qtbot, MainWindow(library, settings, make_index_service(), staged=True))
    window.show()
    qtbot.waitUntil(window.is_complete, timeout=TIMEOUT_MS)
    window.actions_by_id[Act.SEARCH].trigger()
    assert window.side_panel.currentIndex() == Tab.SEARCH
    assert window.search_panel is not None


def test_the_text_first_shown_does_not_reflow_when_the_panels_come(
    qtbot: QtBot, library: Library, settings: S.Settings
) -> None:
    """The Recommendations tab's buttons want the side panel wider than the first paint gave
    it (300 px): the library pane gives the pixels, not the reading pane."""
    window = _staged(qtbot, MainWindow(library, settings, staged=True))
    window.resize(1100, 700)
    window.show()
    qtbot.waitExposed(window)
    shown = window.reader.width()
    side = window.side_panel.width()
    qtbot.waitUntil(window.is_complete, timeout=TIMEOUT_MS)
    window.recommendations.service.start()
    qtbot.waitUntil(lambda: window.recommendations.panel is not None, timeout=TIMEOUT_MS)
    wanted = window.side_panel.minimumSizeHint().width()
    assert wanted > side, "the test needs a panel that wants more than the first width"
    qtbot.waitUntil(lambda: window.side_panel.width() >= wanted, timeout=TIMEOUT_MS)
    qtbot.wait(50)  # any later layout pass
    assert window.reader.width() == shown
