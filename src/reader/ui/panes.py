"""A pane of the left column under its title."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 6, 0, 0)
    layout.setSpacing(2)
    widget.setAccessibleName(widget.accessibleName() or title)  # what a screen reader says
    label = QLabel(f"<b>{title}</b>")
    label.setContentsMargins(8, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box
