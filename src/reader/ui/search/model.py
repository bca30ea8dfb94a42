"""Search results as a list model: one row per Hit of the core's SearchResults."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reader.core.search.results import Hit, SearchResults

HitRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 2  # the snippet as HTML, matched words in <b>

AnyIndex = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results = SearchResults("")

    def results(self) -> SearchResults:
        return self._results

    def set_results(self, results: SearchResults) -> None:
        self.beginResetModel()
        self._results = results
        self.endResetModel()

    def hit(self, row: int) -> Hit | None:
        hits = self._results.hits
        return hits[row] if 0 <= row < len(hits) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._results.hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.hit(index.row()) if index.isValid() else None
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{where(hit)}\n{hit.snippet.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{where} — open the passage (Enter)").format(where=where(hit))
        if role == HtmlRole:
            return snippet_html(hit)
        if role == HitRole:
            return hit
        return None


def where(hit: Hit) -> str:
    """The document's title and the passage's section: "Elbe Group Joint Statement · On Ukraine"."""
    return " · ".join(part for part in (hit.doc_title, hit.section) if part)


def snippet_html(hit: Hit) -> str:
    """The snippet, escaped, with its matched words in bold."""
    text, parts, last = hit.snippet.text, [], 0
    for start, end in hit.snippet.marks:
        parts += [html.escape(text[last:start]), "<b>", html.escape(text[start:end]), "</b>"]
        last = end
    parts.append(html.escape(text[last:]))
    return "".join(parts)
