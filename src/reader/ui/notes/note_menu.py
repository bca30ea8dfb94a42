"""What the Notes tab offers on one note, as Zotero's annotations sidebar does: Edit, Change
Colour, Copy with Citation, Delete."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from reader.core.documents.citation import cite
from reader.core.library.library import Library
from reader.core.notes.anchoring import Placement
from reader.core.notes.note import COLORS, Note

from reader.ui.colour_names import color_name
from reader.ui.notes.dialogs import color_icon


class NoteActions(Protocol):
    def edit_note(self, note: Note | None = None) -> Note | None: ...
    def recolor(self, note: Note, color: str) -> None: ...
    def copy_with_citation(self, note: Note) -> None: ...
    def delete_note(self, note: Note | None = None) -> None: ...


def note_menu(parent: QWidget | None, note: Note, actions: NoteActions) -> QMenu:
    menu = QMenu(parent)
    menu.addAction(
        QCoreApplication.translate("NoteMenu", "&Edit Note…"), lambda: actions.edit_note(note)
    )
    colours = menu.addMenu(QCoreApplication.translate("NoteMenu", "Change &Colour"))
    for color in COLORS:
        action = colours.addAction(color_icon(color), color_name(color))
        action.setCheckable(True)
        action.setChecked(color == note.color)
        action.triggered.connect(functools.partial(actions.recolor, note, color))
    menu.addAction(
        QCoreApplication.translate("NoteMenu", "Copy with Citation"),
        lambda: actions.copy_with_citation(note),
    )
    menu.addSeparator()
    menu.addAction(
        QCoreApplication.translate("NoteMenu", "&Delete"), lambda: actions.delete_note(note)
    )
    return menu


def cited_passage(
    note: Note, library: Library, placements: Callable[[str], list[Placement]]
) -> tuple[str, str]:
    """The note's passage with its citation, and "" — or "" and why it cannot be cited.
    `placements(doc_id)`: that document's notes, placed in its text as it stands."""
    if note.doc_id not in library:
        return "", QCoreApplication.translate(
            "NoteMenu", "The document of this note ({doc}) is not in the library."
        ).format(doc=note.doc_id)
    placement = next((p for p in placements(note.doc_id) if p.note.id == note.id), None)
    if placement is None or placement.detached:
        return "", QCoreApplication.translate(
            "NoteMenu", "This note is detached: its passage is no longer in the text."
        )
    placed = placement.note
    return cite(library.get(note.doc_id), placed.start, placed.end), ""
