"""Which topics a sentence concerns: its own words first, then its headings, the sentences
before it ("To that end, ..."), a list item's lead-in or else the block before it, and last
the document's title."""

from __future__ import annotations

from collections.abc import Iterator

from reader.core.documents.document import Block, BlockKind, Document, heading_chain
from reader.core.recommendations.cues import lower_case
from reader.core.recommendations.rules import RuleSet
from reader.core.recommendations.taxonomy import Taxonomy

Scores = dict[str, float]  # topic id -> weight
_DECAY = 0.5  # each sentence further back counts half as much as the one after it


class TopicAssigner:
    """Assigns topics to the sentences of one document, weighing each text once."""

    def __init__(self, doc: Document, taxonomy: Taxonomy, rules: RuleSet) -> None:
        self._doc, self._taxonomy, self._rules = doc, taxonomy, rules
        self._weights = rules.topic_weights
        self._scores: dict[tuple[int, int], Scores] = {}
        self._before: dict[int, Scores] = {}  # sentence index: its sentences_before
        self._title: Scores | None = None

    def topics(self, index: int) -> tuple[str, ...]:
        """The topics of sentence `index`, primary first.

        A topic named by a (non-weak) cue in the sentence itself beats anything its context
        says, which is how a cybersecurity paragraph under "On Syria" stays cybersecurity;
        the context only ranks such topics, or decides when the sentence names none. Every
        other topic the sentence itself names follows the primary one.
        """
        sentence = self._doc.sentences[index]
        own = self._score(sentence.start, sentence.end)
        combined = {t: v * self._weights.sentence for t, v in own.items()}
        _add(combined, self._context(index))
        named = [t for t, v in own.items() if v >= self._weights.strong]
        candidates = named or [t for t, v in combined.items() if v > 0]
        if not candidates:
            fallback = self._taxonomy.fallback
            return (fallback,) if fallback else ()
        ranked = sorted(
            candidates, key=lambda t: (-combined[t], -own.get(t, 0.0), self._taxonomy.order(t))
        )
        return (ranked[0], *(t for t in ranked[1:] if t in named))

    def _context(self, index: int) -> Scores:
        """The context's topics, each source scaled so that its leading topic gets its weight."""
        total: Scores = {}
        for weight, scores in self._sources(index):
            top = max(scores.values(), default=0.0)
            if top > 0:
                _add(total, scores, weight / top)
        return total

    def _sources(self, index: int) -> Iterator[tuple[float, Scores]]:
        sentence, weights = self._doc.sentences[index], self._weights
        back = self._points_back(sentence.start, sentence.end)
        for n, section in enumerate(heading_chain(self._doc, sentence.start)):
            heading = self._doc.blocks[section.block]
            weight = weights.heading if n == 0 else weights.outer_heading
            yield weight, self._score(heading.start, heading.end)
        yield weights.sentences_before * back, self._sentences_before(index)
        lead_in = self._lead_in(sentence.block)
        if lead_in is not None:
            # A list item's lead-in is its local heading: "six principles to advance strategic
            # stability:" says what "Restore dialogue." is about.
            yield weights.lead_in, self._score(lead_in.start, lead_in.end)
        else:
            yield weights.block_before * back, self._block_before(sentence.block)
        if self._title is None:
            self._title = self._taxonomy.score(self._doc.metadata.title)
        yield weights.title, self._title

    def _points_back(self, start: int, end: int) -> float:
        """How much more the text before counts: more when the sentence opens "To that end"."""
        pattern = self._rules.back_reference
        # Matched on a slice: with a start position, "^" would only match at the text's start.
        if pattern is None or not pattern.match(lower_case(self._doc.text[start:end])):
            return 1.0
        return self._rules.back_reference_factor

    def _sentences_before(self, index: int) -> Scores:
        """The earlier sentences of the same block, the nearest counting most:
        before(i) = score(i - 1) + DECAY * before(i - 1), kept for every sentence reached.

        Summed afresh for each sentence, a long paragraph cost time quadratic in its length
        (a 1 MB paragraph: 34 s); each sentence is now scored and added once.
        """
        sentences, known = self._doc.sentences, self._before
        block = sentences[index].block
        first = index  # back to a sentence already summed, or to the block's first
        while first not in known and first > 0 and sentences[first - 1].block == block:
            first -= 1
        known.setdefault(first, {})  # a block's first sentence has nothing before it
        for i in range(first + 1, index + 1):
            earlier = sentences[i - 1]
            total = dict(self._score(earlier.start, earlier.end))
            _add(total, known[i - 1], _DECAY)
            known[i] = total
        return known[index]

    def _lead_in(self, block: int) -> Block | None:
        if self._doc.blocks[block].kind is not BlockKind.LIST_ITEM:
            return None
        index = self._doc.lead_in_of(block)
        return self._doc.blocks[index] if index is not None else None

    def _block_before(self, block: int) -> Scores:
        """The paragraph or item before this one (a lead-in, say); a heading is counted already."""
        if block == 0 or self._doc.blocks[block - 1].kind is BlockKind.HEADING:
            return {}
        previous = self._doc.blocks[block - 1]
        return self._score(previous.start, previous.end)

    def _score(self, start: int, end: int) -> Scores:
        key = (start, end)
        if key not in self._scores:
            self._scores[key] = self._taxonomy.score(self._doc.text[start:end])
        return self._scores[key]


def _add(total: Scores, scores: Scores, factor: float = 1.0) -> None:
    for topic, value in scores.items():
        total[topic] = total.get(topic, 0.0) + factor * value


def suggested_topics(
    doc: Document, start: int, taxonomy: Taxonomy, rules: RuleSet
) -> tuple[str, ...]:
    """The topics the extractor gives the sentence of `doc` that starts at `start` (what a
    user marking that sentence as a recommendation is offered first); () if none does."""
    for index, sentence in enumerate(doc.sentences):
        if sentence.start == start:
            return TopicAssigner(doc, taxonomy, rules).topics(index)
    return ()
