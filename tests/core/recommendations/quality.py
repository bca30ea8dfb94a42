"""The extractor measured against gold labels, per document and in all, with each miss and
false positive put in a category that says why (for test_quality.py and bench/extract.py).

Precision: extracted sentences that are gold (core or borderline) / all extracted.
Recall: core sentences extracted / all core sentences (borderline ones count neither way).
Topic: of the gold sentences found, those whose primary topic is one of the gold's
alternatives. Sentences are compared after collapsing white space.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.core.documents.builder import normalise_space
from reader.core.documents.document import BlockKind, Document
from reader.core.recommendations.cues import explain
from reader.core.recommendations.extraction import Recommendation, extract
from reader.core.recommendations.rules import RuleSet
from reader.core.recommendations.taxonomy import Taxonomy
from tests.core.recommendations.statement_captures import GoldRow


@dataclass
class Tally:
    extracted: int = 0
    gold_extracted: int = 0
    core: int = 0
    core_found: int = 0
    topic_right: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)  # (category, sentence)
    false_positives: list[tuple[str, str]] = field(default_factory=list)
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
            f"{name:<50} precision {self.precision:4.2f} ({self.gold_extracted}/{self.extracted})"
            f"  recall {self.recall:4.2f} ({self.core_found}/{self.core})"
            f"  topic {self.topic:4.2f} ({self.topic_right}/{self.gold_extracted})"
        )


def measure(doc: Document, gold: list[GoldRow], rules: RuleSet, taxonomy: Taxonomy) -> Tally:
    labels = {row.sentence: row for row in gold if row.doc_id == doc.id}
    found = {normalise_space(r.sentence): r for r in extract(doc, rules, taxonomy)}
    tally = Tally(extracted=len(found))
    tally.core = sum(1 for row in labels.values() if row.tier == "core")
    for sentence, rec in found.items():
        row = labels.get(sentence)
        if row is None:
            tally.false_positives.append((_false_positive_category(rec), sentence))
            continue
        tally.gold_extracted += 1
        tally.core_found += row.tier == "core"
        if rec.topic in row.topics:
            tally.topic_right += 1
        else:
            tally.wrong_topics.append(f"{rec.topic} (gold {'|'.join(row.topics)}): {sentence}")
    tally.misses = [
        (_miss_category(doc, sentence, rules), sentence)
        for sentence, row in labels.items()
        if row.tier == "core" and sentence not in found
    ]
    return tally


def _miss_category(doc: Document, sentence: str, rules: RuleSet) -> str:
    """Why a core sentence was not extracted, as far as the rules can tell."""
    index = next(
        (
            i
            for i, s in enumerate(doc.sentences)
            if normalise_space(doc.sentence_text(s)) == sentence
        ),
        None,
    )
    if index is None:
        return "sentence boundary: not one sentence of the document (split or run together)"
    block = doc.blocks[doc.sentences[index].block]
    if block.kind is BlockKind.HEADING:
        return "taken for a heading"
    why = explain(sentence, rules)
    if not why.cues:
        item = block.kind is BlockKind.LIST_ITEM
        return "no cue" + (", and no recommending lead-in above the item" if item else "")
    if len(why.masked) == len(why.cues):
        return "every cue masked: " + ", ".join(sorted({m.rule for m in why.masked}))
    if why.verdict is not None and why.verdict.confidence < rules.threshold:
        return "below the threshold after penalties: " + ", ".join(why.penalties)
    return "other (a list item's later sentence, a rejected item)"


def _false_positive_category(rec: Recommendation) -> str:
    return f"by the cue '{rec.rule}'"


def report(title: str, tallies: dict[str, Tally]) -> Tally:
    """Print each document's figures, the total, and the misses and false positives by
    category; return the total."""
    total = Tally()
    print(f"\n{title}")
    for name, tally in tallies.items():
        print("  " + tally.line(name))
        total.add(tally)
    print("  " + total.line("all"))
    for label, items in (("missed core", total.misses), ("not gold", total.false_positives)):
        counts = Counter(category for category, _ in items)
        for category, count in counts.most_common():
            print(f"    {label}, {category}: {count}")
            for item_category, sentence in items:
                if item_category == category:
                    print(f"      {sentence[:140]}")
    for item in total.wrong_topics:
        print(f"    wrong primary topic: {item[:150]}")
    return total


def _sentences(doc: Document) -> set[str]:
    return {normalise_space(doc.sentence_text(s)) for s in doc.sentences}


def unfindable(docs: Iterable[Document], gold: list[GoldRow]) -> list[str]:
    """The gold rows that are not one sentence of their document (the figures would mislead)."""
    by_id = {doc.id: _sentences(doc) for doc in docs}
    return [row.sentence for row in gold if row.sentence not in by_id.get(row.doc_id, set())]


def measured(
    title: str, docs: list[Document], gold: list[GoldRow], rules: RuleSet, taxonomy: Taxonomy
) -> Tally:
    """The extractor measured against `gold` on `docs`, each and in all, printed under `title`."""
    return report(title, {doc.id: measure(doc, gold, rules, taxonomy) for doc in docs})
