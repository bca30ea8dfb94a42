"""The notes list model and its filter (checked by the model tester), and the note editor."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCompleter, QDialog

from reader.core.notes.anchoring import Anchoring, Candidate, Placement
from reader.core.notes.note import COLOR_HEX, Note

from reader.ui.notes.dialogs import NoteEdit, NoteEditor
from reader.ui.notes.model import (
    HtmlRole,
    NoteRole,
    NotesFilter,
    NotesModel,
    SwatchRole,
    WhereRole,
)


def _note(number: int, color: str, tags: tuple[str, ...], text: str) -> Note:
    return Note(
        f"id-{number}", "doc", number * 10, number * 10 + 5, f"quote <{number}>", "", "",
        color, text, tags, "2024-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z",
    )  # fmt: skip


PLACEMENTS = [
    Placement(_note(1, "yellow", ("arms",), "first & best"), Anchoring.IN_PLACE),
    Placement(_note(2, "green", ("arms", "Cyber"), ""), Anchoring.MOVED),
    Placement(_note(3, "green", (), "lost"), Anchoring.DETACHED, Candidate(40, 45, 0.5)),
]


def _model() -> NotesModel:
    model = NotesModel()
    model.set_placements(PLACEMENTS, {"doc": "A Statement"})
    return model


def test_model_and_filter_pass_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    qtmodeltester.check(model)
    proxy = NotesFilter()
    proxy.setSourceModel(model)
    proxy.set_filters("green", None, "")
    qtmodeltester.check(proxy)


def test_model_wraps_placements() -> None:
    model = _model()
    first, third = model.index(0, 0), model.index(2, 0)
    assert first.data(NoteRole) is PLACEMENTS[0].note
    assert first.data(SwatchRole) == QColor(COLOR_HEX["yellow"])
    assert "first &amp; best" in first.data(HtmlRole) and "&lt;1&gt;" in first.data(HtmlRole)
    assert third.data(WhereRole) == "A Statement · detached"
    assert model.row_of("id-2") == 1


def _shown(proxy: NotesFilter) -> list[str]:
    return [proxy.index(row, 0).data(NoteRole).id for row in range(proxy.rowCount())]


def test_filter_by_colour_tag_and_words() -> None:
    proxy = NotesFilter()
    proxy.setSourceModel(_model())
    proxy.set_filters("green", None, "")
    assert _shown(proxy) == ["id-2", "id-3"]
    proxy.set_filters(None, "cyber", "")
    assert _shown(proxy) == ["id-2"]
    proxy.set_filters(None, None, "LOST quote")
    assert _shown(proxy) == ["id-3"]


def test_editor_hands_back_text_tags_and_colour(qtbot: QtBot) -> None:
    editor = NoteEditor("a quote", NoteEdit("old", ("x",), "blue"), ["arms control", "cyber"])
    qtbot.addWidget(editor)
    assert editor.color.currentData() == "blue"
    editor.text.setPlainText("  new text ")
    editor.tags.setText("arms control, , cyber ,x")
    editor.color.setCurrentIndex(editor.color.findData("pink"))
    assert editor.result_edit() == NoteEdit("new text", ("arms control", "cyber", "x"), "pink")


# The completion popup asks the offscreen platform for things it cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_editor_completes_the_tag_being_typed(qtbot: QtBot) -> None:
    editor = NoteEditor("a quote", NoteEdit("", (), "yellow"), ["arms control", "cyber"])
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.tags, "cyber, ar")
    completer = editor.tags.findChild(QCompleter)
    assert completer.currentCompletion() == "arms control"
    completer.activated.emit("arms control")
    assert editor.tags.text() == "cyber, arms control, "


def test_save_stores_the_note_before_the_editor_closes(qtbot: QtBot) -> None:
    answers = ["The disk is full.", ""]
    saved: list[NoteEdit] = []

    def save(edit: NoteEdit) -> str:
        saved.append(edit)
        return answers.pop(0)

    editor = NoteEditor("a quote", NoteEdit("", (), "yellow"), [], save=save)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.text, "my note")
    editor.accept()
    assert editor.isVisible() and editor.result() != QDialog.DialogCode.Accepted
    assert editor.problem.isVisibleTo(editor)
    assert editor.problem.text() == "Not saved: The disk is full."
    assert editor.text.toPlainText() == "my note"  # nothing typed is lost
    with qtbot.waitSignal(editor.accepted):
        editor.accept()
    assert [edit.text for edit in saved] == ["my note", "my note"]


def test_a_notes_markdown_is_shown_rendered_and_safe() -> None:
    model = NotesModel()
    note = _note(4, "blue", (), "Worth **quoting** <script>x()</script>")
    model.set_placements([Placement(note, Anchoring.IN_PLACE)], {"doc": "A Statement"})
    shown = model.index(0, 0).data(HtmlRole)
    assert "<strong>quoting</strong>" in shown and "<script" not in shown
