"""The context of a sentence: the earlier sentences of its block, the nearest counting most."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.document import BlockKind, Document, Metadata
from reader.core.recommendations.rules import RuleSet, bundled_rules
from reader.core.recommendations.taxonomy import Taxonomy, bundled_taxonomy
from reader.core.recommendations.topic_assignment import _DECAY, TopicAssigner

SENTENCES = [
    "The parties should resume talks on strategic stability.",
    "Cyber attacks remain a concern.",
    "We recommend a dialogue on missile defense.",
    "The situation in Syria is grave.",
    "It rained.",
]


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    return bundled_rules()


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return bundled_taxonomy()


def _reference(assigner: TopicAssigner, doc: Document, index: int) -> dict[str, float]:
    """The definition, summed afresh: each earlier sentence of the block, halved per step."""
    total: dict[str, float] = {}
    factor = 1.0
    for earlier in reversed(doc.sentences[:index]):
        if earlier.block != doc.sentences[index].block:
            break
        for topic, value in assigner._score(earlier.start, earlier.end).items():
            total[topic] = total.get(topic, 0.0) + factor * value
        factor *= _DECAY
    return total


@settings(max_examples=40, deadline=None)
@given(
    blocks=st.lists(
        st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=12), min_size=1, max_size=4
    ),
    order=st.randoms(use_true_random=False),
)
def test_the_running_sum_is_the_definition_in_any_order_of_asking(
    rules: RuleSet, taxonomy: Taxonomy, blocks: list[list[str]], order: object
) -> None:
    specs = [BlockSpec(BlockKind.PARAGRAPH, " ".join(block)) for block in blocks]
    doc = build_document("t", "imported", Metadata(title="T"), specs)
    assigner = TopicAssigner(doc, taxonomy, rules)
    indexes = list(range(len(doc.sentences)))
    order.shuffle(indexes)  # type: ignore[attr-defined]
    for index in indexes:
        got = assigner._sentences_before(index)
        want = _reference(assigner, doc, index)
        assert got.keys() == want.keys()
        assert all(got[k] == pytest.approx(want[k], rel=1e-12) for k in want)
