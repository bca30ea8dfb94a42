"""The Search feature: the index as the window sees it (opened after the first paint, a
large reindex in another process) and the Search tab.

Exported lazily, so that importing any module of the package imports no other (the window
builds these after its first paint or when the feature is first wanted):
`IndexService`, `SearchPanel`.
"""

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_names

if TYPE_CHECKING:
    from reader.ui.search.index_service import IndexService
    from reader.ui.search.panel import SearchPanel
else:  # mypy would let any unknown name through a module __getattr__ it can see
    __getattr__, __dir__ = lazy_names(
        __name__,
        {
            "reader.ui.search.index_service": ["IndexService"],
            "reader.ui.search.panel": ["SearchPanel"],
        },
    )

__all__ = ["IndexService", "SearchPanel"]
