"""The reading pane: the reader view and its typesetting, the contents tree and the find bar.

Exported lazily, so that importing any module of the package imports no other (the window
builds these after its first paint or when the feature is first wanted):
`ReadingPane`.
"""

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_names

if TYPE_CHECKING:
    from reader.ui.reading.pane import ReadingPane
else:  # mypy would let any unknown name through a module __getattr__ it can see
    __getattr__, __dir__ = lazy_names(
        __name__,
        {
            "reader.ui.reading.pane": ["ReadingPane"],
        },
    )

__all__ = ["ReadingPane"]
