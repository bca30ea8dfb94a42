"""File → Import, drag and drop, cancel, remove and edit in the window, on a real data folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDate, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from reader import paths
from reader.core.documents.document import DatePrecision, Metadata
from reader.core.library.importing import DUPLICATE, IMPORTED, REFUSED, ImportResult
from reader.core.library.library import Library
from reader.core.notes.store import NotesStore
from reader.resource_access import resource_folder

from reader.ui import settings as S
from reader.ui.actions import Act
from reader.ui.library import import_controller
from reader.ui.library import import_dialogs as dialogs
from reader.ui.library.document_dialogs import MetadataDialog, NotesChoice, RemoveNotesQuestion
from reader.ui.library.model import Column
from reader.ui.main_window import MainWindow
from reader.ui.search.index_service import IndexService, index_command

TIMEOUT_MS = 30000
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
GOOD_TEXT = (
    "Joint Statement on Lunar Cooperation\n\nGeneva, 3 May 2021\n\n"
    "We urge both governments to resume a regular dialogue on moonbase safety. "
    "The parties must agree on measures to reduce the risk of collisions in orbit.\n"
)
GOOD_MD = (
    "# Statement on Arctic Shipping\n\nOslo, 9 June 2019\n\n"
    "We recommend that icebreaker hotlines be kept open at all times.\n"
)


@pytest.fixture
def folders(tmp_path: Path) -> paths.Folders:
    return paths.resolve(str(tmp_path / "data"))


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    good, markdown, fake = folder / "lunar.txt", folder / "arctic.md", folder / "photo.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    markdown.write_text(GOOD_MD, encoding="utf-8")
    fake.write_bytes(PNG)
    return [good, markdown, fake]


class Summaries:
    """Stands in for show_import_summary: keeps what it was shown."""

    def __init__(self) -> None:
        self.shown: list[list[ImportResult]] = []

    def __call__(self, _parent: Any, results: list[ImportResult]) -> None:
        self.shown.append(list(results))


@pytest.fixture
def summaries(monkeypatch: pytest.MonkeyPatch) -> Summaries:
    found = Summaries()
    monkeypatch.setattr(dialogs, "show_import_summary", found)
    return found


OpenWindow = Callable[[], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, settings: S.Settings, folders: paths.Folders) -> OpenWindow:
    def make() -> MainWindow:
        library = Library.open(resource_folder())  # the window adds to it: not the shared one
        service = IndexService(folders.index, list(library), index_command(folders))
        win = MainWindow(library, settings, service, folders.data)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        qtbot.waitExposed(win)
        with qtbot.waitSignal(service.opened, timeout=TIMEOUT_MS):
            win.library.start()  # as after the first paint: the catalogue, then
            win.ensure_search_panel()  # the index, opened by the first search
        return win

    return make


def _import(qtbot: QtBot, win: MainWindow, summaries: Summaries, files: list[Path]) -> None:
    controller = win.library.imports
    with qtbot.waitSignal(controller.import_finished, timeout=TIMEOUT_MS):
        assert controller.start(files)
        assert controller.progress is not None and controller.progress.isVisible()
    qtbot.waitUntil(lambda: len(summaries.shown) == 1)


def _import_one(qtbot: QtBot, win: MainWindow, summaries: Summaries, path: Path) -> str:
    """Import one file that is sure to be imported; its document's id."""
    _import(qtbot, win, summaries, [path])
    doc_id = summaries.shown[0][0].id
    assert doc_id is not None
    return doc_id


def _drop_event(*urls: QUrl) -> tuple[QDropEvent, QMimeData]:
    """A drop of `urls`, and its data, which the caller keeps alive (the event does not)."""
    mime = QMimeData()
    mime.setUrls(list(urls))
    return QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    ), mime  # fmt: skip


def _titles(win: MainWindow) -> list[str]:
    model = win.library_model
    return [model.index(row, Column.TITLE).data() for row in range(model.rowCount())]


def _search(qtbot: QtBot, win: MainWindow, text: str) -> set[str]:
    panel = win.ensure_search_panel()
    assert panel is not None
    panel.box.setText(text)
    with qtbot.waitSignal(panel.model.modelReset, timeout=TIMEOUT_MS):
        panel.search_now()
    hits = [panel.model.hit(row) for row in range(panel.model.rowCount())]
    return {hit.doc_id for hit in hits if hit is not None}


def test_import_from_the_file_menu(
    qtbot: QtBot,
    open_window: OpenWindow,
    files: list[Path],
    summaries: Summaries,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    win = open_window()
    monkeypatch.setattr(dialogs, "ask_import_paths", lambda _parent: files)
    labels: list[str] = []
    win.library.imports.file_done.connect(lambda done, total, name: labels.append(name))
    with qtbot.waitSignal(win.library.imports.import_finished, timeout=TIMEOUT_MS):
        win.actions_by_id[Act.IMPORT].trigger()
    qtbot.waitUntil(lambda: len(summaries.shown) == 1)
    assert labels == ["lunar.txt", "arctic.md", "photo.txt"]
    results = summaries.shown[0]
    assert [r.status for r in results] == [IMPORTED, IMPORTED, REFUSED]
    assert "photo.txt" in results[2].reason
    assert "Joint Statement on Lunar Cooperation" in _titles(win)
    assert "Statement on Arctic Shipping" in _titles(win)
    assert results[0].id in _search(qtbot, win, "moonbase")
    assert results[1].id in _search(qtbot, win, "icebreaker")
    service = win.recommendations.service
    service.start()
    qtbot.waitUntil(lambda: any(r.doc_id == results[0].id for r in service.recommendations()))
    summary = dialogs.ImportSummaryDialog(win, results)
    qtbot.addWidget(summary)
    assert "2 documents imported; 1 not imported." == summary.headline.text()
    assert "photo.txt" in summary.details.toPlainText()


def test_a_duplicate_names_the_document_it_repeats(
    qtbot: QtBot, open_window: OpenWindow, files: list[Path], summaries: Summaries
) -> None:
    win = open_window()
    _import(qtbot, win, summaries, files[:1])
    summaries.shown.clear()
    _import(qtbot, win, summaries, files[:1])
    (result,) = summaries.shown[0]
    assert result.status == DUPLICATE
    assert "Joint Statement on Lunar Cooperation" in dialogs.summary_html([result])


def test_drop_files_on_the_window(
    qtbot: QtBot, open_window: OpenWindow, files: list[Path], summaries: Summaries
) -> None:
    win = open_window()
    event, _mime = _drop_event(*[QUrl.fromLocalFile(str(path)) for path in files[:2]])
    with qtbot.waitSignal(win.library.imports.import_finished, timeout=TIMEOUT_MS):
        win.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: len(summaries.shown) == 1)
    assert [r.status for r in summaries.shown[0]] == [IMPORTED, IMPORTED]


def test_other_drops_are_ignored_with_a_message(qtbot: QtBot, open_window: OpenWindow) -> None:
    win = open_window()
    event, _mime = _drop_event(
        QUrl("https://example.org/statement.txt"), QUrl.fromLocalFile("/tmp/a.png")
    )
    win.dropEvent(event)
    assert not event.isAccepted()
    assert win.statusBar().currentMessage() == win.library.imports.not_importable()
    assert not win.library.imports.is_running()


def test_cancel_keeps_what_was_imported(
    qtbot: QtBot,
    open_window: OpenWindow,
    files: list[Path],
    summaries: Summaries,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(import_controller, "BATCH_SIZE", 1)
    win = open_window()
    controller = win.library.imports
    controller.file_done.connect(lambda *_: controller.cancel())
    _import(qtbot, win, summaries, files)
    statuses = [r.status for r in summaries.shown[0]]
    assert statuses == [IMPORTED, REFUSED, REFUSED]
    assert "cancelled" in summaries.shown[0][1].reason
    assert "Joint Statement on Lunar Cooperation" in _titles(win)
    assert "Statement on Arctic Shipping" not in _titles(win)


def test_remove_asks_about_notes_and_forgets_the_document(
    qtbot: QtBot,
    open_window: OpenWindow,
    files: list[Path],
    summaries: Summaries,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    win = open_window()
    doc_id = _import_one(qtbot, win, summaries, files[0])
    editor = win.library
    database = win.user_data.database()
    assert database is not None
    doc = editor.library.get(doc_id)
    NotesStore(database).add(doc, 0, 10, "yellow", "mine")
    asked: list[int] = []

    def answer(_parent: Any, _title: str, notes: int) -> NotesChoice:
        asked.append(notes)
        return NotesChoice.DELETE

    monkeypatch.setattr(RemoveNotesQuestion, "ask", answer)
    win.open_document(doc_id)
    assert win.actions_by_id[Act.REMOVE_DOCUMENT].isEnabled()
    with qtbot.waitSignal(editor.document_removed):
        win.actions_by_id[Act.REMOVE_DOCUMENT].trigger()
    assert asked == [1]
    assert doc_id not in editor.library
    assert win.library_model.row_of(doc_id) == -1
    assert win.current_document() is not None and win.current_document().id != doc_id
    assert NotesStore(database).list(doc_id) == []
    qtbot.waitUntil(lambda: doc_id not in _search(qtbot, win, "moonbase"), timeout=TIMEOUT_MS)
    win.open_document("elbe-group-2018-naples")
    assert not win.actions_by_id[Act.REMOVE_DOCUMENT].isEnabled()  # bundled: never removed


def test_edit_metadata_updates_the_list(
    qtbot: QtBot,
    open_window: OpenWindow,
    files: list[Path],
    summaries: Summaries,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    win = open_window()
    doc_id = _import_one(qtbot, win, summaries, files[0])
    win.open_document(doc_id)

    def edited(_parent: Any, metadata: Metadata) -> Metadata:
        return dataclasses.replace(
            metadata, title="Lunar Statement", short_title="", place="Bern",
            date_start=dt.date(2021, 5, 3), date_end=dt.date(2021, 5, 4),
        )  # fmt: skip

    monkeypatch.setattr(MetadataDialog, "ask", edited)
    changed: list[int] = []
    win.library_model.dataChanged.connect(lambda top, *_: changed.append(top.row()))
    win.actions_by_id[Act.EDIT_METADATA].trigger()
    row = win.library_model.row_of(doc_id)
    assert row in changed
    assert win.library_model.index(row, Column.TITLE).data() == "Lunar Statement"
    assert win.library_model.index(row, Column.PLACE).data() == "Bern"
    assert win.library_model.index(row, Column.DATE).data() == "3-4 May 2021"


def test_metadata_dialog_reads_back_what_it_shows(qtbot: QtBot) -> None:
    meta = Metadata("A Statement", date_start=dt.date(2020, 1, 2), place="Rome")
    dialog = MetadataDialog(None, meta)
    qtbot.addWidget(dialog)
    dialog.organizations.setText("Elbe Group, RIAC")
    dialog.title.setText("")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Save).isEnabled()
    dialog.title.setText("Another")
    result = dialog.metadata()
    assert (result.title, result.place, result.date_start) == ("Another", "Rome", meta.date_start)
    assert result.organizations == ("Elbe Group", "RIAC")


def test_metadata_dialog_keeps_a_month_unless_the_date_is_changed(qtbot: QtBot) -> None:
    meta = Metadata(
        "A Statement", date_start=dt.date(2017, 3, 1), date_precision=DatePrecision.MONTH
    )
    dialog = MetadataDialog(None, meta)
    qtbot.addWidget(dialog)
    assert dialog.metadata().date_iso == "2017-03"
    dialog.start.setDate(QDate(2017, 3, 15))
    assert (dialog.metadata().date_iso, dialog.metadata().date_precision) == (
        "2017-03-15",
        DatePrecision.DAY,
    )


def test_a_read_only_data_folder_explains(
    qtbot: QtBot, open_window: OpenWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    win = open_window()
    told: list[str] = []
    monkeypatch.setattr(dialogs, "show_cannot_import", lambda _parent, s: told.append(s))
    monkeypatch.setattr(dialogs, "ask_import_paths", lambda _parent: pytest.fail("asked"))
    monkeypatch.setattr(win.user_data, "problem", lambda: "the data folder /x is read-only")
    win.actions_by_id[Act.IMPORT].trigger()
    assert told == ["Nothing can be imported: the data folder /x is read-only."]


def test_the_window_opened_again_shows_imported_documents(
    qtbot: QtBot, open_window: OpenWindow, files: list[Path], summaries: Summaries
) -> None:
    first = open_window()
    _import(qtbot, first, summaries, files[:2])
    first.close()
    again = open_window()
    assert "Joint Statement on Lunar Cooperation" in _titles(again)
    assert "Statement on Arctic Shipping" in _titles(again)
    doc_id = summaries.shown[0][0].id
    assert doc_id in _search(qtbot, again, "moonbase")


def _stored(win: MainWindow) -> set[str]:
    """The ids in the catalogue now, as the database holds them (not as the window lists them)."""
    db = win.library._context.user_data.database()
    assert db is not None
    return {row["id"] for row in db.query("SELECT id FROM catalogue")}


@pytest.mark.parametrize("batch_size", [import_controller.BATCH_SIZE, 16, 40])
def test_cancel_stops_at_the_file_being_imported(
    qtbot: QtBot,
    open_window: OpenWindow,
    tmp_path: Path,
    summaries: Summaries,
    monkeypatch: pytest.MonkeyPatch,
    batch_size: int,
) -> None:
    """With a window slow to show each file (a loaded machine), and Cancel at the end of a
    batch or in its middle: Cancel at 30 of 40 keeps what was stored when it was pressed, at
    most the one file under way besides the 30 seen, and nothing after; the index then holds
    exactly those."""
    monkeypatch.setattr(import_controller, "BATCH_SIZE", batch_size)
    folder = tmp_path / "many"
    folder.mkdir()
    many = []
    for n in range(40):
        path = folder / f"statement-{n:02}.txt"
        path.write_text(
            f"Statement {n} on Arctic Shipping\n\nOslo, 9 June 2019\n\n"
            f"We recommend that hotline{n:02} and the beacon be kept open at all times.\n",
            encoding="utf-8",
        )
        many.append(path)
    win = open_window()
    controller = win.library.imports
    at_cancel: list[set[str]] = []

    def on_file_done(done: int, _total: int, _name: str) -> None:
        time.sleep(0.02)  # the window busy painting: the worker must not run ahead of it
        if done == 30:
            controller.cancel()
            at_cancel.append(_stored(win))

    controller.file_done.connect(on_file_done)
    with qtbot.waitSignal(win.index_service.refreshed, timeout=TIMEOUT_MS):
        _import(qtbot, win, summaries, many)
    imported = {r.id for r in summaries.shown[0] if r.status == IMPORTED}
    assert len(summaries.shown[0]) == 40
    assert 30 <= len(imported) <= 31, len(imported)  # the 30 seen, at most the one under way
    assert imported == at_cancel[0] == _stored(win)  # nothing stored once Cancel returned
    assert [r.status for r in summaries.shown[0][len(imported) :]] == [REFUSED] * (
        40 - len(imported)
    )
    assert _search(qtbot, win, "beacon") == imported  # indexed, and only those


def test_the_summary_names_each_file_once() -> None:
    refused = ImportResult(
        "/in/photo.txt", REFUSED, reason="photo.txt is an image, not text; it cannot be imported."
    )
    other = ImportResult("/in/x.txt", REFUSED, reason="The library folder is read-only.")
    page = dialogs.summary_html([refused, other])
    assert page.count("photo.txt") == 1 and "it is an image, not text" in page
    assert "The library folder is read-only." in page
