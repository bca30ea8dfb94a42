"""Notes: the user's highlights and notes on passages, kept in the user database, placed
again in a text that changed, cited, exported (Markdown, HTML, CSV, Web Annotation JSON)
and imported back.

Exported eagerly: `Note`, `NoteError`, `COLORS`, `DEFAULT_COLOR` (note.py; what the window
loads before its first paint anyway).

Exported lazily (on first use, since they load SQLite, JSON, difflib or the csv module):
`NotesStore` (store.py); `Placement`, `Anchoring` (anchoring.py); `ExportFormat`
(core/export.py) and `export_notes` (export.py); `to_web_annotation` (web_annotation.py);
`import_annotations` (annotation_import.py).
"""

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_names
from reader.core.notes.note import COLORS, DEFAULT_COLOR, Note, NoteError

if TYPE_CHECKING:
    from reader.core.export import ExportFormat
    from reader.core.notes.anchoring import Anchoring, Placement
    from reader.core.notes.annotation_import import import_annotations
    from reader.core.notes.export import export_notes
    from reader.core.notes.store import NotesStore
    from reader.core.notes.web_annotation import to_web_annotation
else:  # mypy would let any unknown name through a module __getattr__ it can see
    __getattr__, __dir__ = lazy_names(
        __name__,
        {
            "reader.core.notes.store": ["NotesStore"],
            "reader.core.notes.anchoring": ["Anchoring", "Placement"],
            "reader.core.export": ["ExportFormat"],
            "reader.core.notes.export": ["export_notes"],
            "reader.core.notes.web_annotation": ["to_web_annotation"],
            "reader.core.notes.annotation_import": ["import_annotations"],
        },
    )

__all__ = [
    "COLORS",
    "DEFAULT_COLOR",
    "Anchoring",
    "ExportFormat",
    "Note",
    "NoteError",
    "NotesStore",
    "Placement",
    "export_notes",
    "import_annotations",
    "to_web_annotation",
]
