"""What the Notes feature adds to the window: highlights in the reader, the note editor, the
Notes tab (built once the notes are open), undo/redo, the notes the Search tab finds,
export and import. The main window only wires its actions and signals to this."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QPoint, Signal, Slot
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu, QStatusBar

from reader.core.documents.document import Document
from reader.core.library.library import Library
from reader.core.notes.note import COLORS, DEFAULT_COLOR, Note

from reader.ui.actions import HIGHLIGHT_COLORS, Act
from reader.ui.notes.service import NotesService
from reader.ui.reading.view import note_kind
from reader.ui.side_panel import Tab

if TYPE_CHECKING:
    from reader.core.notes.anchoring import Placement

    from reader.ui.main_window import MainWindow
    from reader.ui.notes.panel import NotesPanel
    from reader.ui.notes.search_matches import NoteMatches
    from reader.ui.search.panel import SearchPanel

MESSAGE_TIMEOUT_MS = 10000
NO_SELECTION = "Select a passage first, or put the caret in a highlight."


class NotesTab(QObject):
    """Signals:
    panel_built(): the tab's panel exists now (see panel).
    note_shown(object): a Note's passage is open in the reader.
    """

    panel_built = Signal()
    note_shown = Signal(object)

    def __init__(self, window: MainWindow, library: Library) -> None:
        super().__init__(window)
        self._window = window
        self._library = library
        self.service = NotesService(window.recommendations.service, self)
        self.panel: NotesPanel | None = None
        self.search_matches: NoteMatches | None = None
        self._search_panel: SearchPanel | None = None
        self._placements: list[Placement] = []  # the open document's notes
        self._undo_redo: tuple[QAction, ...] = ()
        self.service.loaded.connect(self._on_service_loaded)
        self.service.changed.connect(self._on_service_changed)
        self.service.message_posted.connect(self._on_service_message_posted)

    def connect_actions(self, actions: dict[Act, QAction]) -> None:
        actions[Act.HIGHLIGHT].triggered.connect(self._on_highlight_triggered)
        for color, act in HIGHLIGHT_COLORS.items():
            actions[act].triggered.connect(lambda _=False, c=color: self.highlight(c))
        actions[Act.ADD_NOTE].triggered.connect(self.add_note)
        actions[Act.EDIT_NOTE].triggered.connect(self._on_edit_note_triggered)
        actions[Act.DELETE_NOTE].triggered.connect(self._on_delete_note_triggered)
        actions[Act.EXPORT_NOTES].triggered.connect(self.export_all)
        actions[Act.IMPORT_NOTES].triggered.connect(self.import_notes)
        stack = self.service.undo_stack
        undo, redo = actions[Act.UNDO], actions[Act.REDO]
        undo.triggered.connect(stack.undo)
        redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        self._undo_redo = (undo, redo)
        stack.undoTextChanged.connect(self._on_undo_stack_undo_text_changed)
        stack.redoTextChanged.connect(self._on_undo_stack_redo_text_changed)
        undo.setEnabled(False)
        redo.setEnabled(False)

    def ensure_panel(self) -> NotesPanel | None:
        """The tab's panel, built now if the notes are open (else when they are)."""
        if self.panel is None and self.service.is_loaded():
            self._build_panel()
        self.service.start()
        return self.panel

    # Reading -----------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Draw the open document's highlights; bring the tab and search matches up to date."""
        doc = self._window.current_document()
        self._placements = self.service.placements(self._library, doc.id) if doc else []
        by_color: dict[str, list[tuple[int, int]]] = {color: [] for color in COLORS}
        for placement in self._placements:
            if not placement.detached:
                note = placement.note
                by_color.setdefault(note.color, []).append((note.start, note.end))
        for color, ranges in by_color.items():
            self._window.reader.set_highlights(note_kind(color), ranges)
        self._refresh_panel()
        self._refresh_search()

    def show_note(self, note: Note) -> None:
        """Open the note's document and select its passage (or say it is detached)."""
        if note.doc_id not in self._library:
            self._say(f"The document of this note ({note.doc_id}) is not in the library.")
            return
        self._window.open_document(note.doc_id)
        placement = next((p for p in self._placements if p.note.id == note.id), None)
        if placement is None or placement.detached:
            self._say("This note is detached: its passage is no longer in the text.")
            return
        reader, placed = self._window.reader, placement.note
        reader.scroll_to_offset(placed.end)
        reader.scroll_to_offset(placed.start)
        reader.select_range(placed.start, placed.end)
        self.note_shown.emit(placed)

    def note_at_cursor(self) -> Note | None:
        """The (last made) note whose highlight holds the caret or the selection's start."""
        reader = self._window.reader
        selected = reader.selection_range()
        offset = selected[0] if selected else reader.to_canonical(reader.textCursor().position())
        found = [
            p.note
            for p in self._placements
            if not p.detached and p.note.start <= offset < p.note.end
        ]
        return max(found, key=lambda n: n.created) if found else None

    # Changes -----------------------------------------------------------------------------
    def highlight(self, color: str | None = None) -> Note | None:
        """Highlight the selection; with none, recolour the highlight under the caret."""
        doc, selected = self._window.current_document(), self._window.reader.selection_range()
        if doc is not None and selected is not None:
            note = self.service.add(doc, *selected, color or DEFAULT_COLOR)
            if note is not None:
                self._clear_selection()
            return note
        note = self.note_at_cursor()
        if note is not None and color is not None:
            return self.service.update(note.id, color=color)
        self._say(NO_SELECTION)
        return None

    @Slot()
    def add_note(self) -> Note | None:
        """Write a note on the selection (or edit the one under the caret)."""
        from reader.ui.notes.dialogs import NoteEditor

        doc, selected = self._window.current_document(), self._window.reader.selection_range()
        if doc is None or selected is None:
            existing = self.note_at_cursor()
            if existing is not None:
                return self.edit_note(existing)
            self._say(NO_SELECTION)
            return None
        quote = doc.text[selected[0] : selected[1]]
        edit = NoteEditor.ask(self._window, quote, known_tags=self.service.tags())
        if edit is None:
            return None
        note = self.service.add(doc, *selected, edit.color, edit.text, edit.tags)
        if note is not None:
            self._clear_selection()
        return note

    def edit_note(self, note: Note | None = None) -> Note | None:
        from reader.ui.notes.dialogs import NoteEdit, NoteEditor

        note = note or self.note_at_cursor()
        if note is None:
            self._say(NO_SELECTION)
            return None
        before = NoteEdit(note.text, note.tags, note.color)
        edit = NoteEditor.ask(self._window, note.quote, before, self.service.tags())
        if edit is None or edit == before:
            return None
        return self.service.update(note.id, color=edit.color, text=edit.text, tags=edit.tags)

    def delete_note(self, note: Note | None = None) -> None:
        note = note or self.note_at_cursor()
        if note is None:
            self._say(NO_SELECTION)
        elif self.service.delete(note.id) is not None:
            self._say("Highlight deleted (Ctrl+Z brings it back).")

    def add_context_actions(self, menu: QMenu, position: QPoint) -> None:
        """Highlight and note for a selection; edit, recolour, delete for a highlight."""
        reader, acts = self._window.reader, self._window.actions_by_id
        if reader.selection_range() is None:
            reader.setTextCursor(reader.cursorForPosition(position))
        colours = QMenu("Highlight" if reader.selection_range() else "Change Colour", menu)
        colours.addActions([acts[act] for act in HIGHLIGHT_COLORS.values()])
        if reader.selection_range() is not None:
            menu.addMenu(colours)
            menu.addAction(acts[Act.ADD_NOTE])
        elif self.note_at_cursor() is not None:
            menu.addAction(acts[Act.EDIT_NOTE])
            menu.addMenu(colours)
            menu.addAction(acts[Act.DELETE_NOTE])

    # Export and import -------------------------------------------------------------------
    @Slot()
    def export_all(self) -> None:
        self.export([p.note for p in self.service.placements(self._library)])

    def export(self, notes: list[Note]) -> Path | None:
        """Ask where and in which format, then write `notes`; the status bar says how it went."""
        from reader.ui.notes import dialogs

        if not self._ready():
            return None
        answer = dialogs.ask_notes_export(self._window)
        if answer is None:
            return None
        path, kind = answer
        try:
            path.write_text(self._exported(notes, kind), encoding="utf-8")
        except OSError as error:
            self._say(f"{path} could not be written: {error.strerror or error}.")
            return None
        self._say(f"Exported {len(notes)} note{'s' * (len(notes) != 1)} to {path}.")
        return path

    def _exported(self, notes: list[Note], kind: str) -> str:
        from reader.core.notes.export import to_csv, to_markdown
        from reader.core.notes.export_html import to_html
        from reader.core.notes.web_annotation import to_web_annotation

        from reader.ui.notes import dialogs

        documents = {doc.id: doc for doc in self._library}
        if kind == dialogs.JSON:
            return to_web_annotation(notes)
        if kind == dialogs.CSV:
            return to_csv(notes, documents)
        if kind == dialogs.HTML:
            return to_html(notes, documents)
        return to_markdown(notes, documents)

    @Slot()
    def import_notes(self) -> str:
        """Ask for a Web Annotation JSON file and merge it; the status bar shows the report."""
        from reader.core.errors import ReaderError
        from reader.core.notes.annotation_import import import_annotations

        from reader.ui.notes.dialogs import ask_notes_import

        if not self._ready() or self.service.store is None:
            return ""
        path = ask_notes_import(self._window)
        if path is None:
            return ""
        try:
            text = path.read_text(encoding="utf-8")
            report = str(import_annotations(self.service.store, text, self._library))
        except OSError as error:
            report = f"{path} could not be read: {error.strerror or error}."
        except (ReaderError, UnicodeDecodeError) as error:
            report = f"{path.name} was not imported: {error}"
        self._say(report)
        self.refresh()
        return report

    # Helpers and slots -------------------------------------------------------------------
    def _ready(self) -> bool:
        if self.service.is_loaded():
            return True
        self.service.start()
        self._say(self.service.problem())
        return False

    def _say(self, sentence: str) -> None:
        if sentence:
            self._status().showMessage(sentence, MESSAGE_TIMEOUT_MS)

    def _status(self) -> QStatusBar:
        return self._window.statusBar()

    def _clear_selection(self) -> None:
        reader = self._window.reader
        cursor = reader.textCursor()
        cursor.clearSelection()
        cursor.movePosition(QTextCursor.MoveOperation.Left)
        reader.setTextCursor(cursor)

    def _titles(self) -> dict[str, str]:
        return {doc.id: doc.metadata.display_title for doc in self._library}

    def _build_panel(self) -> None:
        from reader.ui.notes.panel import NotesPanel

        panel = NotesPanel()
        panel.note_requested.connect(self.show_note)
        panel.reattach_requested.connect(self._on_panel_reattach_requested)
        panel.scope_changed.connect(self._refresh_panel)
        panel.export_requested.connect(self._on_panel_export_requested)
        self.panel = panel
        self._window.side_panel.set_panel(Tab.NOTES, panel)
        self._refresh_panel()
        self.panel_built.emit()

    @Slot()
    def _refresh_panel(self) -> None:
        if self.panel is None:
            return
        doc = self._window.current_document()
        if self.panel.all_documents.isChecked() or doc is None:
            placements = self.service.placements(self._library)
        else:
            placements = self._placements
        self.panel.set_placements(placements, self._titles(), self.service.tags())

    def attach_search(self, panel: SearchPanel) -> None:
        """Show the notes matching the Search tab's query under its results."""
        from reader.ui.notes.search_matches import NoteMatches

        matches = NoteMatches(panel)
        matches.note_requested.connect(self.show_note)
        layout = panel.layout()
        assert layout is not None
        layout.addWidget(matches)
        panel.box.textChanged.connect(self._refresh_search)
        self._search_panel, self.search_matches = panel, matches
        self._refresh_search()

    @Slot()
    def _refresh_search(self) -> None:
        if self._search_panel is None or self.search_matches is None:
            return
        words = self._search_panel.box.text().strip()
        found = self.service.search(words) if words else set()
        placements = [p for p in self.service.placements(self._library) if p.note.id in found]
        self.search_matches.set_placements(placements, self._titles())

    @Slot()
    def _on_highlight_triggered(self) -> None:
        self.highlight()

    @Slot()
    def _on_edit_note_triggered(self) -> None:
        self.edit_note()

    @Slot()
    def _on_delete_note_triggered(self) -> None:
        self.delete_note()

    @Slot(str)
    def _on_undo_stack_undo_text_changed(self, text: str) -> None:
        if shiboken6.isValid(self._undo_redo[0]):  # the window may be closing
            self._undo_redo[0].setText(f"&Undo {text}".strip())

    @Slot(str)
    def _on_undo_stack_redo_text_changed(self, text: str) -> None:
        if shiboken6.isValid(self._undo_redo[1]):
            self._undo_redo[1].setText(f"&Redo {text}".strip())

    @Slot()
    def _on_service_loaded(self) -> None:
        if self._window.side_panel.currentIndex() == Tab.NOTES:
            self.ensure_panel()
        self.refresh()

    @Slot()
    def _on_service_changed(self) -> None:
        self.refresh()

    @Slot(str)
    def _on_service_message_posted(self, sentence: str) -> None:
        self._say(sentence)

    @Slot(object)
    def _on_panel_reattach_requested(self, placement: Placement) -> None:
        candidate = placement.candidate
        if candidate is None or placement.note.doc_id not in self._library:
            return
        doc: Document = self._library.get(placement.note.doc_id)
        if self.service.reattach(placement.note.id, doc, candidate.start, candidate.end):
            self._say("The note is attached to the passage again.")

    @Slot()
    def _on_panel_export_requested(self) -> None:
        if self.panel is not None:
            self.export(self.panel.shown())
