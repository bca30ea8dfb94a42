"""The name exported notes carry as their creator: the one the user set (Notes → Notes
Author…, kept in the settings), else the system user's full name (core/notes/agents.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from reader.core.notes.agents import Creator, creator_named

from reader.ui.notes import dialogs  # dialogs.ask_notes_author, so tests can patch it
from reader.ui.settings import NOTES_AUTHOR, Settings


def creator_from(settings: Settings | None) -> Creator:
    return creator_named(settings.get(NOTES_AUTHOR) if settings is not None else "")


def ask_and_keep_author(parent: QWidget | None, settings: Settings) -> str:
    """Ask for the name and keep it; the sentence to show ("" if the user cancelled)."""
    system_name = creator_named().name
    name = dialogs.ask_notes_author(parent, settings.get(NOTES_AUTHOR), system_name)
    if name is None:
        return ""
    settings.set(NOTES_AUTHOR, " ".join(name.split()))
    return QCoreApplication.translate(
        "NotesAuthor", "Exported notes name {name} as their author."
    ).format(name=creator_from(settings).name)
