"""The extractor measured against the gold labels: precision, recall of core sentences, and
primary-topic accuracy, printed (pytest -s shows them) and held to the issue's bar.

Precision: extracted sentences that are gold (core or borderline) / all extracted.
Recall: core sentences extracted / all core sentences (borderline ones count neither way).
Topic: of the gold sentences found, those whose primary topic is one of the gold's
alternatives. Sentences are compared after collapsing white space.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reader.core.documents.builder import normalise_space
from reader.core.documents.document import Document
from reader.core.library.library import Library
from reader.core.recommendations.extraction import extract
from reader.core.recommendations.rules import RuleSet
from reader.core.recommendations.taxonomy import Taxonomy
from tests.core.recommendations.statement_captures import GoldRow, dev_documents, load_gold


@dataclass
class Tally:
    extracted: int = 0
    gold_extracted: int = 0
    core: int = 0
    core_found: int = 0
    topic_right: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong_topics: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.gold_extracted / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.core_found / self.core if self.core else 1.0

    @property
    def topic(self) -> float:
        return self.topic_right / self.gold_extracted if self.gold_extracted else 1.0

    def add(self, other: Tally) -> None:
        for name in ("extracted", "gold_extracted", "core", "core_found", "topic_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.false_positives += other.false_positives
        self.wrong_topics += other.wrong_topics

    def line(self, name: str) -> str:
        return (
            f"{name:<48} precision {self.precision:5.2f} ({self.gold_extracted}/{self.extracted})"
            f"  recall {self.recall:5.2f} ({self.core_found}/{self.core})"
            f"  topic {self.topic:5.2f} ({self.topic_right}/{self.gold_extracted})"
        )


def measure(doc: Document, gold: list[GoldRow], rules: RuleSet, taxonomy: Taxonomy) -> Tally:
    labels = {row.sentence: row for row in gold if row.doc_id == doc.id}
    found = {normalise_space(r.sentence): r for r in extract(doc, rules, taxonomy)}
    tally = Tally(extracted=len(found))
    tally.core = sum(1 for row in labels.values() if row.tier == "core")
    for sentence, rec in found.items():
        row = labels.get(sentence)
        if row is None:
            tally.false_positives.append(sentence)
            continue
        tally.gold_extracted += 1
        tally.core_found += row.tier == "core"
        if rec.topic in row.topics:
            tally.topic_right += 1
        else:
            tally.wrong_topics.append(f"{rec.topic} (gold {'|'.join(row.topics)}): {sentence}")
    tally.misses = [s for s, row in labels.items() if row.tier == "core" and s not in found]
    return tally


def report(title: str, tallies: dict[str, Tally]) -> Tally:
    total = Tally()
    print(f"\n{title}")
    for name, tally in tallies.items():
        print("  " + tally.line(name))
        total.add(tally)
    print("  " + total.line("all"))
    for label, items in (
        ("missed core", total.misses),
        ("not gold", total.false_positives),
        ("wrong primary topic", total.wrong_topics),
    ):
        for item in items:
            print(f"    {label}: {item[:150]}")
    return total


def _sentences(doc: Document) -> set[str]:
    return {normalise_space(doc.sentence_text(s)) for s in doc.sentences}


def _check_gold_is_findable(docs: Iterable[Document], gold: list[GoldRow]) -> None:
    """Every gold row is one sentence of its document, or the figures would mislead."""
    by_id = {doc.id: _sentences(doc) for doc in docs}
    unfindable = [row.sentence for row in gold if row.sentence not in by_id[row.doc_id]]
    assert not unfindable


def measured(
    title: str, docs: list[Document], gold: list[GoldRow], rules: RuleSet, taxonomy: Taxonomy
) -> Tally:
    """The extractor measured against `gold` on `docs`, each and in all, printed under `title`."""
    _check_gold_is_findable(docs, gold)
    return report(title, {doc.id: measure(doc, gold, rules, taxonomy) for doc in docs})


@pytest.fixture
def dev_dir(seeds_dir: Path) -> Path:
    return seeds_dir / "dev"


def test_bundled_statements_meet_the_bar(
    library: Library, seeds_dir: Path, rules: RuleSet, taxonomy: Taxonomy
) -> None:
    gold = load_gold(seeds_dir / "recommendations.gold.tsv")
    total = measured("Recommendations, bundled statements:", list(library), gold, rules, taxonomy)
    assert total.recall >= 0.9
    assert total.precision >= 0.85
    assert total.topic >= 0.85


def test_development_statements_stay_above_their_floor(
    dev_dir: Path, rules: RuleSet, taxonomy: Taxonomy
) -> None:
    """Looser floors than the bar: these texts are raw page captures, furniture and all."""
    docs = dev_documents(dev_dir)
    gold = load_gold(dev_dir / "dev.gold.tsv")
    total = measured("Recommendations, development statements:", docs, gold, rules, taxonomy)
    assert total.recall >= 0.85
    assert total.precision >= 0.8
    assert total.topic >= 0.8
