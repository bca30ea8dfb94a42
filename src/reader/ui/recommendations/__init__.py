"""The Recommendations feature: the tab by topic, the compare and coverage views, the
reader"s marks, the user"s choices and export.

Exported lazily, so that importing any module of the package imports no other (the window
builds these after its first paint or when the feature is first wanted):
`RecommendationsController`.
"""

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_names

if TYPE_CHECKING:
    from reader.ui.recommendations.controller import RecommendationsController
else:  # mypy would let any unknown name through a module __getattr__ it can see
    __getattr__, __dir__ = lazy_names(
        __name__,
        {
            "reader.ui.recommendations.controller": ["RecommendationsController"],
        },
    )

__all__ = ["RecommendationsController"]
