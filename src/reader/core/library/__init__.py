"""The library: every document the user can open, bundled and imported alike; the catalogue
of imported files in the user database; and importing a batch of files into both.

Exported eagerly: `Library` (library.py), which the window and every command open first.

Exported lazily (on first use, since they load the importers' parsers and SQLite):
`Catalogue`, `CatalogueError`, `AlreadyInLibrary` (catalogue.py); `LibraryContext`,
`ImportResult`, `Batch`, `import_batch`, `import_files`, `update_index`, and the outcomes
`IMPORTED`, `DUPLICATE`, `REFUSED` (importing.py).
"""

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_names
from reader.core.library.library import Library

if TYPE_CHECKING:
    from reader.core.library.catalogue import AlreadyInLibrary, Catalogue, CatalogueError
    from reader.core.library.importing import (
        DUPLICATE,
        IMPORTED,
        REFUSED,
        Batch,
        ImportResult,
        LibraryContext,
        import_batch,
        import_files,
        update_index,
    )
else:  # mypy would let any unknown name through a module __getattr__ it can see
    __getattr__, __dir__ = lazy_names(
        __name__,
        {
            "reader.core.library.catalogue": ["AlreadyInLibrary", "Catalogue", "CatalogueError"],
            "reader.core.library.importing": [
                "DUPLICATE",
                "IMPORTED",
                "REFUSED",
                "Batch",
                "ImportResult",
                "LibraryContext",
                "import_batch",
                "import_files",
                "update_index",
            ],
        },
    )

__all__ = [
    "DUPLICATE",
    "IMPORTED",
    "REFUSED",
    "AlreadyInLibrary",
    "Batch",
    "Catalogue",
    "CatalogueError",
    "ImportResult",
    "Library",
    "LibraryContext",
    "import_batch",
    "import_files",
    "update_index",
]
