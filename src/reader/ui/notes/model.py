"""The notes as a list model over the core's Placements, and its filter by colour, tag, text."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from reader.core.notes.anchoring import Placement
from reader.core.notes.markdown import markdown_html
from reader.core.notes.note import COLOR_HEX

PlacementRole = Qt.ItemDataRole.UserRole + 1  # the core Placement (the note as placed now)
NoteRole = Qt.ItemDataRole.UserRole + 2  # its Note
HtmlRole = Qt.ItemDataRole.UserRole + 3  # quote, note and tags as HTML, for the delegate
WhereRole = Qt.ItemDataRole.UserRole + 4  # "Elbe Group 2018 · detached"
SwatchRole = Qt.ItemDataRole.UserRole + 5  # the highlight's QColor

AnyIndex = QModelIndex | QPersistentModelIndex
QUOTE_LIMIT = 280


class NotesModel(QAbstractListModel):
    """Wraps Placements, in the order given (by document, then reading order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._placements: list[Placement] = []
        self._titles: dict[str, str] = {}

    def set_placements(self, placements: Sequence[Placement], titles: Mapping[str, str]) -> None:
        self.beginResetModel()
        self._placements = list(placements)
        self._titles = dict(titles)
        self.endResetModel()

    def placement(self, row: int) -> Placement | None:
        return self._placements[row] if 0 <= row < len(self._placements) else None

    def row_of(self, note_id: str) -> int:
        return next((n for n, p in enumerate(self._placements) if p.note.id == note_id), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._placements)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        placement = self.placement(index.row()) if index.isValid() else None
        if placement is None:
            return None
        note = placement.note
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(part for part in (note.quote, note.text, ", ".join(note.tags)) if part)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{where} — read the passage (Enter)").format(where=self.where(placement))
        if role == PlacementRole:
            return placement
        if role == NoteRole:
            return note
        if role == HtmlRole:
            return note_html(placement)
        if role == WhereRole:
            return self.where(placement)
        if role == SwatchRole:
            return QColor(COLOR_HEX.get(note.color, "#cccccc"))
        return None

    def where(self, placement: Placement) -> str:
        title = self._titles.get(placement.note.doc_id, placement.note.doc_id)
        return f"{title} · detached" if placement.detached else title


def note_html(placement: Placement) -> str:
    """The quote in italics, the note below it (its Markdown rendered), then the tags."""
    note = placement.note
    quote = " ".join(note.quote.split())
    if len(quote) > QUOTE_LIMIT:
        quote = quote[:QUOTE_LIMIT] + "…"
    # Blocks one under another, without the gaps of paragraphs (the delegates' sheets set
    # no margins): the note's Markdown renders to blocks of its own.
    parts = [f"<p style='margin: 0'><i>“{html.escape(quote)}”</i></p>"]
    if note.text.strip():
        parts.append(markdown_html(note.text.strip()))
    if note.tags:
        tags = " ".join(f"#{html.escape(tag)}" for tag in note.tags)
        parts.append(f"<p style='margin: 0'><small>{tags}</small></p>")
    return "".join(parts)


class NotesFilter(QSortFilterProxyModel):
    """Shows the notes of one colour, with one tag and/or containing every word of a text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._color: str | None = None
        self._tag: str | None = None
        self._text = ""

    def set_filters(self, color: str | None, tag: str | None, text: str) -> None:
        self.beginFilterChange()
        self._color, self._tag, self._text = color, tag, text
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        placement: Placement | None = index.data(PlacementRole)
        if placement is None:
            return False
        note = placement.note
        if self._color and note.color != self._color:
            return False
        if self._tag and self._tag.casefold() not in {t.casefold() for t in note.tags}:
            return False
        return note.matches(self._text)
