"""Phrases: fast through word pairs, exact through a check of the candidates' own words.

Each pair of adjacent words is also indexed as one term (the `pairs` field). A phrase is
looked up as its word pairs, all required: one short posting list per pair instead of
Whoosh checking word positions in every passage that holds all the words, which took
70-160 ms for phrases of common words at 50,000 passages. For two words this is exact.

For three words or more, or with a stop word inside ("weapons of mass destruction"), the
pairs only find candidates: stop words are not indexed, and a passage may hold each pair
in a different place ("weapons of mass appeal ... mass destruction"). Each candidate's
stored text is then read word by word (PhraseWords) and kept only if it holds the phrase's
words in order, its stop words as written. The pairs leave few candidates, so this costs
little; positions with the stop words kept would have grown the index for every passage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import chain
from typing import Any, cast

from whoosh import query
from whoosh.analysis import ShingleFilter
from whoosh.matching import FilterMatcher, NullMatcher

from reader.core.search.analysis import APOSTROPHES, IndexTerms
from reader.core.search.kept_per_reader import KeptPerReader

PAIRS = "pairs"
SEPARATOR = " "
STOPPED = "\x00"  # starts a word the analyzer drops, kept as written: no term starts so
_MOST_KNOWN_WORDS = 200_000
# Which candidates of a phrase hold it, by reader and phrase: a candidate is read whole, and
# the phrases of aliases ("United States of America") come back with each query of their
# group. Up to this many phrases' verdicts (a few hundred passages each) per reader.
_MOST_PHRASES = 512
_verdicts: KeptPerReader[dict[int, bool]] = KeptPerReader(_MOST_PHRASES, lambda _: 1)


def pairs_analyzer(analyzer: Any) -> Any:
    return analyzer | ShingleFilter(size=2, sep=SEPARATOR)


def pair_terms(terms: list[str]) -> list[str]:
    """What `pairs_analyzer` makes of a text, from the text's terms: so the text is analysed
    once for both fields. Like ShingleFilter, a single term stands for itself."""
    if len(terms) < 2:
        return terms[:1]
    return [f"{a}{SEPARATOR}{b}" for a, b in zip(terms, terms[1:], strict=False)]


class PhraseWords:
    """Each word of a text as a phrase compares it: its index term ("Weapons" -> "weapon"), or,
    for a word the analyzer drops, STOPPED and the word lower-cased ("of" -> "\\x00of")."""

    def __init__(self, analyzer: Any) -> None:
        self._terms = IndexTerms(analyzer)
        self._known: dict[str, tuple[str, ...]] = {}

    def __call__(self, text: str) -> list[str]:
        known = self._known
        if len(known) > _MOST_KNOWN_WORDS:
            known.clear()
        words = self._terms.words(text)
        # Each word looked up by map in C: a phrase's candidates are read whole, and a Python
        # step per word of each was most of a phrase of four words' time at 200,000 passages.
        found = list(map(known.get, words))
        if None in found:
            learn = self._learn
            return list(
                chain.from_iterable(
                    learn(word) if f is None else f for word, f in zip(words, found, strict=True)
                )
            )
        return list(chain.from_iterable(cast("list[tuple[str, ...]]", found)))

    def _learn(self, word: str) -> tuple[str, ...]:
        found = self._known[word] = self._terms.of(word) or (
            STOPPED + word.translate(APOSTROPHES).lower(),
        )
        return found


class ExactPhrase(query.Phrase):
    """A phrase as typed: `sequence` is its words from the first to the last term, stop
    words included (PhraseWords), which the phrase's `words` (its terms) leave out."""

    def __init__(
        self,
        fieldname: str,
        words: list[str],
        sequence: Sequence[str],
        boost: float = 1.0,
        char_ranges: Any = None,
    ) -> None:
        super().__init__(fieldname, words, boost=boost, char_ranges=char_ranges)
        self.sequence = tuple(sequence)

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and getattr(other, "sequence", None) == self.sequence

    def __hash__(self) -> int:
        return hash((super().__hash__(), self.sequence))


def exact_phrase(node: Any, typed: str, words: PhraseWords) -> Any:
    """`node` as an ExactPhrase if it is a plain phrase, its words read from `typed` (the text
    the parser read, where the phrase's char_ranges point)."""
    if type(node) is not query.Phrase or node.slop != 1 or len(node.words) < 2:
        return node
    ranges = node.char_ranges
    if not ranges or len(ranges) != len(node.words) or None in (ranges[0][0], ranges[-1][1]):
        return node
    sequence = words(typed[ranges[0][0] : ranges[-1][1]])
    if [w for w in sequence if not w.startswith(STOPPED)] != list(node.words):
        return node  # the text does not give the phrase's terms back: keep it as parsed
    return ExactPhrase(node.fieldname, list(node.words), sequence, node.boost, ranges)


def with_pair_terms(q: Any, words: PhraseWords) -> Any:
    """`q` with every phrase of the text field looked up as its word pairs, and those the
    pairs do not make exact checked against the candidates' text."""
    return q.accept(lambda node: _rewrite(node, words))


def _rewrite(node: Any, words: PhraseWords) -> Any:
    if not isinstance(node, query.Phrase) or node.slop != 1 or len(node.words) < 2:
        return node
    terms = node.words
    adjacent = zip(terms, terms[1:], strict=False)
    pairs = [query.Term(PAIRS, f"{a}{SEPARATOR}{b}", boost=node.boost) for a, b in adjacent]
    found = pairs[0] if len(pairs) == 1 else query.And(pairs)
    sequence = getattr(node, "sequence", ())
    if len(sequence) <= 2:  # two words side by side: their pair is the phrase
        return found
    return CheckedPhrase(found, node.fieldname, sequence, words)


class CheckedPhrase(query.WrappingQuery):
    """The passages `child` (the phrase's pairs) finds whose stored text holds `sequence`;
    scored as the child scores them."""

    def __init__(
        self, child: Any, fieldname: str, sequence: tuple[str, ...], words: PhraseWords
    ) -> None:
        super().__init__(child)
        self.fieldname, self.sequence, self._words = fieldname, sequence, words
        self._found: dict[int, set[int]] = {}  # by searcher (Whoosh asks once per segment)
        self._stop_runs: list[re.Pattern[str]] | None = None

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, CheckedPhrase)
            and other.child == self.child
            and other.sequence == self.sequence
        )

    def __hash__(self) -> int:
        return hash((self.child, self.sequence))

    def apply(self, fn: Any) -> Any:
        return CheckedPhrase(fn(self.child), self.fieldname, self.sequence, self._words)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        found = self._found.get(id(searcher))
        if found is None:
            found = self._found[id(searcher)] = self._holding(searcher)
        if not found:
            return NullMatcher()
        return _Only(self.child.matcher(searcher, context), found)

    def _holding(self, searcher: Any) -> set[int]:
        return {n for n in self.child.docs(searcher) if self.holds_in(searcher, n)}

    def holds_in(self, searcher: Any, number: int) -> bool:
        """Whether passage `number` of `searcher` holds the phrase in its stored text: as
        found by an earlier query of the same reader, or read now."""
        reader = searcher.reader()
        key = self.verdict_key()
        verdicts = _verdicts.get(reader, key)
        if verdicts is None:
            verdicts = _verdicts.put(reader, key, {})
        found = verdicts.get(number)
        if found is None:
            text = searcher.stored_fields(number).get(self.fieldname) or ""
            found = verdicts[number] = self.holds_in_text(text)
        return found

    def verdict_key(self) -> tuple[Any, ...]:
        """What the verdict on a passage depends on, besides the passage."""
        return (type(self), self.fieldname, self.sequence)

    def holds_in_text(self, text: str) -> bool:
        if self._stop_runs is None:
            self._stop_runs = stop_runs(self.sequence)
        if not all(run.search(text) for run in self._stop_runs):
            return False
        return holds(self._words(text), self.sequence)


class _Only(FilterMatcher):
    """WORKAROUND: Whoosh's FilterMatcher skips blocks by quality in its child without
    filtering again, and could then stand on a passage outside its set."""

    def supports_block_quality(self) -> bool:
        return False


def stop_runs(sequence: Sequence[str]) -> list[re.Pattern[str]]:
    """A pattern for each run of stop words inside `sequence` that a text holding it holds:
    "calls of this function" has its pairs' candidates ("call this function", "calls the
    function") and needs "of" then "this" in the text, found by the pattern in C before
    the text is read word by word.

    A token of the tokenizer ends and starts beside a non-word character, and only such
    characters stand between two tokens, so the run's words as written, separated by
    non-word characters, are in the text. A word of other than ASCII word characters is
    left out of the patterns: its lower case may not be its length in the text, and an
    apostrophe in it may be another one."""
    runs: list[list[str]] = [[]]
    for word in sequence:
        if word.startswith(STOPPED):
            runs[-1].append(word[len(STOPPED) :])
        elif runs[-1]:
            runs.append([])
    return [
        re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, run)) + r"(?!\w)", re.IGNORECASE)
        for run in runs
        if run and all(w.isascii() and re.fullmatch(r"\w+", w) for w in run)
    ]


def holds(words: Sequence[str], sequence: Sequence[str]) -> bool:
    """Whether `sequence` occurs in `words`, in order and side by side."""
    first, size = sequence[0], len(sequence)
    at = -1
    while True:
        try:
            at = words.index(first, at + 1)
        except ValueError:
            return False
        if tuple(words[at : at + size]) == tuple(sequence):
            return True
