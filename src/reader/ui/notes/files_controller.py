"""The Notes feature's files: export (Web Annotation, Hypothesis, Markdown, HTML, CSV),
import, the memo built from notes, and the name notes are exported under."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from reader.core.notes.note import Note

from reader.ui.feature_context import FeatureContext
from reader.ui.notes.service import NotesService
from reader.ui.plurals import plurals
from reader.ui.tasks import run_task

if TYPE_CHECKING:
    from reader.core.notes.agents import Creator
    from reader.core.recommendations.extraction import Recommendation

    from reader.ui.notes.memo_dialog import MemoDialog
    from reader.ui.notes.panel import NotesPanel


class NotesFiles(QObject):
    """`panel()`: the Notes tab's panel, if built (a memo starts from its scope);
    `imported()`: called once notes were imported (the highlights are drawn anew)."""

    def __init__(
        self,
        context: FeatureContext,
        service: NotesService,
        panel: Callable[[], NotesPanel | None],
        imported: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context, self._service = context, service
        self._panel, self._imported = panel, imported
        # The recommendations as the user sees them, for a memo's topics; the window sets it.
        self.recommendations_source: Callable[[], Sequence[Recommendation]] = tuple
        self.memo_dialog: MemoDialog | None = None

    @Slot()
    def export_all(self) -> None:
        self.export([p.note for p in self._service.placements(self._context.library)])

    def export(self, notes: list[Note]) -> None:
        """Ask where and in which format, then write `notes` off the GUI thread; the status
        line says how it went."""
        from reader.ui.notes import dialogs
        from reader.ui.notes.notes_file import write_notes_file

        if not self._ready():
            return
        answer = dialogs.ask_notes_export(self._context.dialog_parent)
        if answer is None:
            return
        path, kind = answer
        write = functools.partial(
            write_notes_file, path, notes, self._context.library.by_id(), kind, self.creator()
        )
        done = plurals().exported_notes(len(notes), path)
        run_task(write, lambda _path: self._say(done), self._on_export_failed, context=self)

    def _on_export_failed(self, error: BaseException) -> None:
        self._context.messages.failed(error, self.tr("the export", "what failed"))

    @Slot()
    def import_notes(self) -> str:
        """Ask for a Web Annotation or Hypothesis file and merge it; the status line shows
        the report."""
        from reader.ui.notes.dialogs import ask_notes_import

        if not self._ready() or self._service.store is None:
            return ""
        path = ask_notes_import(self._context.dialog_parent)
        if path is None:
            return ""
        report, imported = self._merge(path)
        self._say(report)
        if not imported:  # a refusal is worth more than a status line that fades
            from PySide6.QtWidgets import QMessageBox  # not for the first paint

            QMessageBox.warning(self._context.dialog_parent, self.tr("Import Notes"), report)
        return report

    def merge_notes_file(self, path: Path) -> str:
        """Merge a Web Annotation or Hypothesis file into the notes (one opened from the file
        manager, too); the report, as a sentence."""

        return self._merge(path)[0]

    def _merge(self, path: Path) -> tuple[str, bool]:
        from reader.ui.notes.notes_file import try_import_notes_file

        store = self._service.store
        if store is None:
            problem = self._service.problem() or self.tr("the notes cannot be opened")
            refused = self.tr("{name} was not imported: {problem}.")
            return refused.format(name=path.name, problem=problem), False
        report, imported = try_import_notes_file(store, path, self._context.library.by_id())
        self._imported()
        return report, imported

    @Slot()
    def open_memo(self) -> MemoDialog | None:
        """The Memo dialog over every live note, starting with the open document's when the
        Notes tab shows only those."""
        from reader.ui.notes import memo_dialog

        if not self._ready():
            return None
        doc = self._context.reading.current_document()
        panel = self._panel()
        only_this = panel is not None and not panel.all_documents.isChecked()
        library = self._context.library
        notes = [p.note for p in self._service.placements(library)]
        source = memo_dialog.MemoSource.of(
            notes, library.by_id(), self.recommendations_source(), self._service.tags(),
            doc.id if doc and only_this else "",
        )  # fmt: skip
        self.memo_dialog = memo_dialog.show_memo(self._context.dialog_parent, source)
        self.memo_dialog.message_posted.connect(self._say)
        return self.memo_dialog

    def creator(self) -> Creator:
        """Who exported notes name as their author (see author.py)."""
        from reader.ui.notes.author import creator_from

        return creator_from(self._context.settings)

    @Slot()
    def ask_author(self) -> None:
        from reader.ui.notes.author import ask_and_keep_author

        if self._context.settings is not None:
            self._say(ask_and_keep_author(self._context.dialog_parent, self._context.settings))

    def _ready(self) -> bool:
        if self._service.is_loaded():
            return True
        self._service.start()
        self._say(self._service.problem())
        return False

    def _say(self, sentence: str) -> None:
        self._context.messages.say(sentence)
