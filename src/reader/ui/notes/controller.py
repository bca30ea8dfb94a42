"""What the Notes feature adds to the window: highlights in the reader, the note editor,
the Notes tab (built once the notes are open), undo/redo and the notes the Search tab finds;
notes files and the memo are in files_controller.py. The window wires its actions and
signals to this."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QPoint, Signal, Slot
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu

from reader.core.documents.document import Document
from reader.core.documents.text_find import whole_words
from reader.core.notes.note import COLOR_HEX, COLORS, DEFAULT_COLOR, Note

from reader.ui import settings as S
from reader.ui.actions import HIGHLIGHT_COLORS, Act
from reader.ui.feature_context import FeatureContext
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.notes.files_controller import NotesFiles
from reader.ui.notes.service import NotesService
from reader.ui.reading.note_marks import Remark
from reader.ui.reading.pane import add_section
from reader.ui.reading.view import note_kind
from reader.ui.side_panel import LazyPanel, Tab
from reader.ui.tasks import Generations, run_task

if TYPE_CHECKING:
    from reader.core.notes.anchoring import Placement

    from reader.ui.notes.panel import NotesPanel
    from reader.ui.notes.search_matches import NoteMatches

NO_SELECTION = QT_TRANSLATE_NOOP(
    "NotesController", "Select a passage first, or put the caret in a highlight."
)


class NotesController(QObject):
    """Signals:
    panel_built(): the tab's panel exists now (see panel).
    """

    panel_built = Signal()

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context.dialog_parent)
        self._context = context
        self._library = context.library
        self._reading = context.reading
        self.service = NotesService(context.user_data, self)
        self._lazy_panel = LazyPanel(
            context.side_panel, Tab.NOTES, self._build_panel, self.service.is_loaded,
            self.service.start,
        )  # fmt: skip
        self._lazy_panel.built.connect(self.panel_built)
        self.search_matches: NoteMatches | None = None
        self._query = ""
        self._searches = Generations()
        self._placements: list[Placement] = []  # the open document's notes
        self.context_menu: QMenu | None = None  # the Notes tab's newest, kept for its life
        self._undo_redo: tuple[QAction, ...] = ()
        self.files = NotesFiles(context, self.service, lambda: self.panel, self.refresh, self)
        self.service.loaded.connect(self._on_service_loaded)
        self.service.changed.connect(self.refresh)
        self.service.message_posted.connect(context.messages.say)

    @property
    def panel(self) -> NotesPanel | None:
        return self._lazy_panel.panel

    def ensure_panel(self) -> NotesPanel | None:
        """The tab's panel, built now if the notes are open (else when they are)."""
        return self._lazy_panel.ensure()

    def connect_actions(self) -> None:
        actions = self._context.actions
        actions[Act.HIGHLIGHT].triggered.connect(self._on_highlight_triggered)
        for color, act in HIGHLIGHT_COLORS.items():
            actions[act].triggered.connect(lambda _=False, c=color: self.highlight(c))
        actions[Act.ADD_NOTE].triggered.connect(self.add_note)
        actions[Act.EDIT_NOTE].triggered.connect(self._on_edit_note_triggered)
        actions[Act.DELETE_NOTE].triggered.connect(self._on_delete_note_triggered)
        actions[Act.EXPORT_NOTES].triggered.connect(self.files.export_all)
        actions[Act.IMPORT_NOTES].triggered.connect(self.files.import_notes)
        actions[Act.NOTES_MEMO].triggered.connect(self.files.open_memo)
        actions[Act.NOTES_AUTHOR].triggered.connect(self.files.ask_author)
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

    # Reading -----------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Draw the open document's highlights; bring the tab and search matches up to date."""
        doc = self._reading.current_document()
        self._placements = self.service.placements(self._library, doc.id) if doc else []
        by_color: dict[str, list[tuple[int, int]]] = {color: [] for color in COLORS}
        for placement in self._placements:
            if not placement.detached:
                note = placement.note
                by_color.setdefault(note.color, []).append((note.start, note.end))
        for color, ranges in by_color.items():
            self._reading.view.set_highlights(note_kind(color), ranges)
        self._reading.view.note_marks.set_remarks(
            [
                Remark(p.note.start, p.note.end, p.note.text, COLOR_HEX[p.note.color])
                for p in self._placements
                if not p.detached and p.note.text
            ]
        )
        self._refresh_panel()
        self.search(self._query)

    def show_note(self, note: Note) -> None:
        """Open the note's document and select its passage (or say it is detached)."""
        if note.doc_id not in self._library:
            self._say(
                self.tr("The document of this note ({doc}) is not in the library.").format(
                    doc=note.doc_id
                )
            )
            return
        self._reading.open_document(note.doc_id)
        placement = next((p for p in self._placements if p.note.id == note.id), None)
        if placement is None or placement.detached:
            self._say(self.tr("This note is detached: its passage is no longer in the text."))
            return
        view, placed = self._reading.view, placement.note
        view.select_range(placed.start, placed.end)
        view.reveal(placed.start, placed.end)

    def note_at_cursor(self) -> Note | None:
        """The (last made) note whose highlight holds the caret or the selection's start."""
        offset = self._reading.offset_at_cursor()
        found = [
            p.note
            for p in self._placements
            if not p.detached and p.note.start <= offset < p.note.end
        ]
        return max(found, key=lambda n: n.created) if found else None

    # Changes -----------------------------------------------------------------------------
    def highlight(self, color: str | None = None) -> Note | None:
        """Highlight the selection; with none, recolour the highlight under the caret."""
        doc, selected = self._selected_words()
        if doc is not None and selected is not None:
            note = self.service.add(doc, *selected, color or self._highlight_color())
            if note is not None:
                self._clear_selection()
            return note
        note = self.note_at_cursor()
        if note is not None and color is not None:
            return self.service.update(note.id, color=color)
        self._say(self.tr(NO_SELECTION))
        return None

    @Slot()
    def add_note(self) -> Note | None:
        """Write a note on the selection (or edit the one under the caret)."""
        from reader.ui.notes.dialogs import NoteEdit, NoteEditor

        doc, selected = self._selected_words()
        if doc is None or selected is None:
            existing = self.note_at_cursor()
            if existing is not None:
                return self.edit_note(existing)
            self._say(self.tr(NO_SELECTION))
            return None
        quote = doc.text[selected[0] : selected[1]]
        saved: list[Note] = []

        def save(edit: NoteEdit) -> str:
            note = self.service.add(doc, *selected, edit.color, edit.text, edit.tags)
            if note is None:
                return self.service.last_failure
            saved.append(note)
            return ""

        parent = self._context.dialog_parent
        if NoteEditor.ask(parent, quote, known_tags=self.service.tags(), save=save) is None:
            return None
        self._clear_selection()
        return saved[-1]

    def edit_note(self, note: Note | None = None) -> Note | None:
        from reader.ui.notes.dialogs import NoteEdit, NoteEditor

        note = note or self.note_at_cursor()
        if note is None:
            self._say(self.tr(NO_SELECTION))
            return None
        before = NoteEdit(note.text, note.tags, note.color)
        saved: list[Note] = []

        def save(edit: NoteEdit) -> str:
            if edit == before:
                return ""
            after = self.service.update(note.id, color=edit.color, text=edit.text, tags=edit.tags)
            if after is None:
                return self.service.last_failure
            saved.append(after)
            return ""

        parent = self._context.dialog_parent
        NoteEditor.ask(parent, note.quote, before, self.service.tags(), save)
        return saved[-1] if saved else None

    def delete_note(self, note: Note | None = None) -> None:
        note = note or self.note_at_cursor()
        if note is None:
            self._say(self.tr(NO_SELECTION))
        elif self.service.delete(note.id) is not None:
            self._say(self.tr("Highlight deleted (Ctrl+Z brings it back)."))

    @Slot(str, bool)
    def forget_document(self, doc_id: str, notes_too: bool) -> None:
        """A document left the library: its notes go too, or stay (shown detached)."""
        if notes_too:
            self.service.discard_document(doc_id)
        else:
            self.refresh()

    def add_context_actions(self, menu: QMenu, position: QPoint) -> None:
        """Highlight and note for a selection; edit, recolour, delete for a highlight."""
        view, acts = self._reading.view, self._context.actions
        if view.selection_range() is None:
            view.setTextCursor(view.cursorForPosition(position))
        colours = QMenu(
            self.tr("Highlight") if view.selection_range() else self.tr("Change Colour"), menu
        )
        colours.addActions([acts[act] for act in HIGHLIGHT_COLORS.values()])
        add_section(menu)
        if view.selection_range() is not None:
            menu.addMenu(colours)
            menu.addAction(acts[Act.ADD_NOTE])
        elif self.note_at_cursor() is not None:
            menu.addAction(acts[Act.EDIT_NOTE])
            menu.addMenu(colours)
            menu.addAction(acts[Act.DELETE_NOTE])

    # The notes the Search tab finds --------------------------------------------------------
    def make_search_matches(self) -> NoteMatches:
        """The list of matching notes, for the Search tab to show under its passages."""
        from reader.ui.notes.search_matches import NoteMatches

        self.search_matches = NoteMatches()
        self.search_matches.note_requested.connect(self.show_note)
        return self.search_matches

    @Slot(str)
    def search(self, words: str) -> None:
        """Find the notes with every word, off the GUI thread (placing every note in its
        document takes a while in a large library); only the newest answer is shown."""
        self._query = words.strip()
        if self.search_matches is None:
            return
        from reader.ui.notes.search_matches import find_matches

        number = self._searches.next()
        store = self.service.store
        if not self._query or store is None:
            self._on_search_done(number, [])
            return
        task = functools.partial(find_matches, store, self._query, list(self._library))
        done = functools.partial(self._on_search_done, number)
        run_task(task, done, self._on_search_failed, context=self)

    def _on_search_done(self, number: int, placements: Sequence[Placement]) -> None:
        if self.search_matches is not None and self._searches.is_newest(number):
            self.search_matches.set_placements(placements, self._titles())

    def _on_search_failed(self, error: BaseException) -> None:
        self._context.messages.failed(error, self.tr("the search of notes", "what failed"))

    # Helpers and slots -------------------------------------------------------------------
    def _ready(self) -> bool:
        if self.service.is_loaded():
            return True
        self.service.start()
        self._say(self.service.problem())
        return False

    def _highlight_color(self) -> str:
        """The colour Highlight (Ctrl+H) uses: the one chosen in Preferences."""
        chosen = self._context.settings.get(S.HIGHLIGHT_COLOR) if self._context.settings else ""
        return chosen if chosen in COLORS else DEFAULT_COLOR

    def _selected_words(self) -> tuple[Document | None, tuple[int, int] | None]:
        """The document and its selection, widened to whole words ("Secon" is "Second")."""
        doc, selected = self._reading.current_document(), self._reading.view.selection_range()
        if doc is None or selected is None:
            return doc, None
        return doc, whole_words(doc.text, *selected)

    def _say(self, sentence: str) -> None:
        self._context.messages.say(sentence)

    def _clear_selection(self) -> None:
        view = self._reading.view
        cursor = view.textCursor()
        cursor.clearSelection()
        cursor.movePosition(QTextCursor.MoveOperation.Left)
        view.setTextCursor(cursor)

    def _titles(self) -> dict[str, str]:
        return {doc.id: doc.metadata.display_title for doc in self._library}

    def _build_panel(self) -> NotesPanel:
        from reader.ui.notes.panel import NotesPanel

        panel = NotesPanel()
        panel.note_requested.connect(self.show_note)
        panel.reattach_requested.connect(self._on_panel_reattach_requested)
        panel.scope_changed.connect(self._refresh_panel)
        panel.export_requested.connect(self._on_panel_export_requested)
        panel.menu_requested.connect(self._on_panel_menu_requested)
        panel.delete_requested.connect(self.delete_note)
        panel.memo_requested.connect(self.files.open_memo)
        self._fill_panel(panel)
        return panel

    @Slot(object, QPoint)
    def _on_panel_menu_requested(self, note: Note, where: QPoint) -> None:
        from reader.ui.notes.note_menu import note_menu

        self.context_menu = note_menu(self.panel, note, self)  # kept until the next one
        self.context_menu.popup(where)

    def recolor(self, note: Note, color: str) -> None:
        if color != note.color:
            self.service.update(note.id, color=color)

    def copy_with_citation(self, note: Note) -> None:
        """The note's passage and where it comes from, on the clipboard."""
        from PySide6.QtWidgets import QApplication

        from reader.ui.notes.note_menu import cited_passage

        placements = functools.partial(self.service.placements, self._library)
        text, problem = cited_passage(note, self._library, placements)
        if problem:
            self._say(problem)
            return
        QApplication.clipboard().setText(text)
        self._say(self.tr("Copied the note's passage with its citation."))

    @Slot()
    def _refresh_panel(self) -> None:
        if self.panel is not None:
            self._fill_panel(self.panel)

    def _fill_panel(self, panel: NotesPanel) -> None:
        doc = self._reading.current_document()
        if panel.all_documents.isChecked() or doc is None:
            placements = self.service.placements(self._library)
        else:
            placements = self._placements
        panel.set_placements(placements, self._titles(), self.service.tags())

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
            self._undo_redo[0].setText(self.tr("&Undo {action}").format(action=text).strip())

    @Slot(str)
    def _on_undo_stack_redo_text_changed(self, text: str) -> None:
        if shiboken6.isValid(self._undo_redo[1]):
            self._undo_redo[1].setText(self.tr("&Redo {action}").format(action=text).strip())

    @Slot()
    def _on_service_loaded(self) -> None:
        self._lazy_panel.ready()
        self.refresh()

    @Slot(object)
    def _on_panel_reattach_requested(self, placement: Placement) -> None:
        candidate = placement.candidate
        if candidate is None or placement.note.doc_id not in self._library:
            return
        doc: Document = self._library.get(placement.note.doc_id)
        if self.service.reattach(placement.note.id, doc, candidate.start, candidate.end):
            self._say(self.tr("The note is attached to the passage again."))

    @Slot()
    def _on_panel_export_requested(self) -> None:
        if self.panel is not None:
            self.files.export(self.panel.shown())
