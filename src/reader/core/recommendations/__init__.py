"""Recommendations: the sentences of a statement that urge or call for a course of action,
found by rules that are data, filed under topics, adjusted by the user's own choices, and
gathered, filtered, counted and exported across the library.

Exported eagerly (what the window loads before its first paint anyway): `Recommendation`,
`USER`, `extract` (extraction.py); `RuleSet`, `bundled_rules` (rules.py); `Taxonomy`,
`bundled_taxonomy` (taxonomy.py).

Exported lazily (on first use, since they load SQLite or the csv module):
`RecommendationOverrides`, `SentenceKey`, `apply_overrides` (overrides.py); `collect`,
`select`, `coverage` (collection.py); `ExportFormat` (core/export.py) and
`export_recommendations` (export.py).
"""

from typing import TYPE_CHECKING

from reader.core.lazy import lazy_names
from reader.core.recommendations.extraction import USER, Recommendation, extract
from reader.core.recommendations.rules import RuleSet, bundled_rules
from reader.core.recommendations.taxonomy import Taxonomy, bundled_taxonomy

if TYPE_CHECKING:
    from reader.core.export import ExportFormat
    from reader.core.recommendations.collection import collect, coverage, select
    from reader.core.recommendations.export import export_recommendations
    from reader.core.recommendations.overrides import (
        RecommendationOverrides,
        SentenceKey,
        apply_overrides,
    )
else:  # mypy would let any unknown name through a module __getattr__ it can see
    __getattr__, __dir__ = lazy_names(
        __name__,
        {
            "reader.core.recommendations.overrides": [
                "RecommendationOverrides",
                "SentenceKey",
                "apply_overrides",
            ],
            "reader.core.recommendations.collection": ["collect", "coverage", "select"],
            "reader.core.export": ["ExportFormat"],
            "reader.core.recommendations.export": ["export_recommendations"],
        },
    )

__all__ = [
    "USER",
    "ExportFormat",
    "Recommendation",
    "RecommendationOverrides",
    "RuleSet",
    "SentenceKey",
    "Taxonomy",
    "apply_overrides",
    "bundled_rules",
    "bundled_taxonomy",
    "collect",
    "coverage",
    "export_recommendations",
    "extract",
    "select",
]
