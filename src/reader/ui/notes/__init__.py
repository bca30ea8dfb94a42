"""The Notes feature: highlights in the reader, the note editor, the Notes tab, undo and
redo, the notes the Search tab finds, export and import.

Exported lazily, so that importing any module of the package imports no other (the window
builds these after its first paint or when the feature is first wanted):
`NotesController`.
"""

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_names

if TYPE_CHECKING:
    from reader.ui.notes.controller import NotesController
else:  # mypy would let any unknown name through a module __getattr__ it can see
    __getattr__, __dir__ = lazy_names(
        __name__,
        {
            "reader.ui.notes.controller": ["NotesController"],
        },
    )

__all__ = ["NotesController"]
