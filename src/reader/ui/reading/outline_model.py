"""The outline: a tree model over a document's sections (headings nest by level)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from reader.core.documents.document import Document, Section

SectionRole = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class _Node:
    """A plain class, not a dataclass: defining one took about 1 ms before the first paint."""

    def __init__(self, section: Section | None, parent: _Node | None = None) -> None:
        self.section, self.parent = section, parent
        self.children: list[_Node] = []

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class OutlineModel(QAbstractItemModel):
    """Sections under the document's title; deeper headings nest under shallower ones."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = _Node(None)

    def set_document(self, doc: Document | None) -> None:
        self.beginResetModel()
        self._root = _tree(_with_title(doc) if doc else [])
        self.endResetModel()

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if column != 0 or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        parent = self._node(index).parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        section = self._node(index).section
        if section is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return section.title
        if role == SectionRole:
            return section
        return None

    def index_for_offset(self, offset: int) -> QModelIndex:
        """The deepest section holding `offset`, as an index (invalid if none)."""
        found = QModelIndex()
        node = self._root
        while True:
            match = next(
                (
                    c
                    for c in node.children
                    if c.section and c.section.start <= offset < c.section.end
                ),
                None,
            )
            if match is None:
                return found
            found = self.createIndex(match.row(), 0, match)
            node = match

    def _node(self, index: AnyIndex) -> _Node:
        if index.isValid():
            node = index.internalPointer()
            assert isinstance(node, _Node)
            return node
        return self._root


def _with_title(doc: Document) -> list[Section]:
    """Every document's outline starts at its title, whether or not the text opens with a
    heading of it: a statement with no headings shows one entry, the same as the others."""
    sections = doc.sections()
    titles = {doc.metadata.title.strip(), doc.metadata.display_title.strip()}
    if sections and sections[0].start == 0 and sections[0].title.strip() in titles:
        return sections
    title = doc.metadata.display_title or doc.id
    return [Section(-1, 0, title, 0, len(doc.text)), *sections]


def _tree(sections: list[Section]) -> _Node:
    root = _Node(None)
    stack: list[_Node] = [root]
    for section in sections:
        while len(stack) > 1 and stack[-1].section and stack[-1].section.level >= section.level:
            stack.pop()
        node = _Node(section, stack[-1])
        stack[-1].children.append(node)
        stack.append(node)
    return root
