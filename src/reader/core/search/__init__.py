"""Search: the full-text index of the library's passages (Whoosh), its queries, ranking,
snippets and spelling suggestions, and the results it hands back.

Exported eagerly: `SearchResults`, `Hit` (results.py; dataclasses only).

Exported lazily: `SearchIndex`, `IndexUnavailableError` (index.py). Importing it loads
Whoosh, about 90 ms, which the window puts off until after its first paint.
"""

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_names
from reader.core.search.results import Hit, SearchResults

if TYPE_CHECKING:
    from reader.core.search.index import IndexUnavailableError, SearchIndex
else:  # mypy would let any unknown name through a module __getattr__ it can see
    __getattr__, __dir__ = lazy_names(
        __name__, {"reader.core.search.index": ["IndexUnavailableError", "SearchIndex"]}
    )

__all__ = ["Hit", "IndexUnavailableError", "SearchIndex", "SearchResults"]
