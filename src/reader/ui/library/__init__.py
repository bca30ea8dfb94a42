"""The Library feature: the list of documents, import (File → Import, drops), removing a
document and editing its details.

Exported lazily, so that importing any module of the package imports no other (the window
builds these after its first paint or when the feature is first wanted):
`LibraryController`.
"""

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_names

if TYPE_CHECKING:
    from reader.ui.library.controller import LibraryController
else:  # mypy would let any unknown name through a module __getattr__ it can see
    __getattr__, __dir__ = lazy_names(
        __name__,
        {
            "reader.ui.library.controller": ["LibraryController"],
        },
    )

__all__ = ["LibraryController"]
