"""The extractor measured against the gold labels: precision, recall of core sentences, and
primary-topic accuracy, printed (pytest -s shows them, with the misses by category) and
held to the issue's bar. The measuring itself is in quality.py, shared with bench/extract.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library.library import Library
from reader.core.recommendations.rules import RuleSet
from reader.core.recommendations.taxonomy import Taxonomy
from tests.core.recommendations.quality import measured, unfindable
from tests.core.recommendations.statement_captures import dev_documents, load_gold


@pytest.fixture
def dev_dir(seeds_dir: Path) -> Path:
    return seeds_dir / "dev"


def test_bundled_statements_meet_the_bar(
    library: Library, seeds_dir: Path, rules: RuleSet, taxonomy: Taxonomy
) -> None:
    gold = load_gold(seeds_dir / "recommendations.gold.tsv")
    docs = list(library)
    assert unfindable(docs, gold) == []
    total = measured("Recommendations, bundled statements:", docs, gold, rules, taxonomy)
    assert (total.recall, total.precision, total.topic) == (1.0, 1.0, 1.0)


def test_development_statements_meet_the_bar(
    dev_dir: Path, rules: RuleSet, taxonomy: Taxonomy
) -> None:
    """Raw page captures, furniture and all, that the first rules were not written for."""
    docs = dev_documents(dev_dir)
    gold = load_gold(dev_dir / "dev.gold.tsv")
    assert unfindable(docs, gold) == []
    total = measured("Recommendations, development statements:", docs, gold, rules, taxonomy)
    assert total.recall >= 0.95
    assert total.precision >= 0.95
    assert total.topic >= 0.92
