"""The index's terms for a text, worked out once per word, are the analyzer's very terms."""

from __future__ import annotations

import pytest

from reader.core.library.library import Library
from reader.core.search.aliases import load_aliases
from reader.core.search.analysis import IndexTerms, make_analyzer
from reader.core.search.phrases import pair_terms, pairs_analyzer
from reader.core.search.schema import DOC_ANALYZER
from reader.resource_access import resource_path

SAMPLES = [
    "",
    "the",
    "Treaty",
    "The U.S. and the US, us and U.K. (UK) don't weaken NATO's New START treaties.",
    "Café déjà-vu: naïve Ærø réunion — 2021–2023, a 1 b 22 ccc İstanbul ΣΟΦΊΑ.",
]


@pytest.fixture(scope="module")
def analyzer() -> object:
    return make_analyzer(load_aliases(resource_path("aliases.tsv")))


def _texts(library: Library) -> list[str]:
    return SAMPLES + [doc.text for doc in library]


def test_index_terms_are_the_analyzers(analyzer: object, library: Library) -> None:
    terms = IndexTerms(analyzer)
    for text in _texts(library) * 2:  # the second time from what it has learnt
        assert terms(text) == [t.text for t in analyzer(text, mode="index")]  # type: ignore[operator]


def test_index_terms_take_the_words_whatever_the_pattern(library: Library) -> None:
    terms = IndexTerms(DOC_ANALYZER)  # its pattern has a group, which findall would give
    for text in _texts(library):
        assert terms(text) == [t.text for t in DOC_ANALYZER(text, mode="index")]


def test_pair_terms_are_the_pairs_analyzers(analyzer: object, library: Library) -> None:
    terms, pairs = IndexTerms(analyzer), pairs_analyzer(analyzer)
    for text in _texts(library):
        assert pair_terms(terms(text)) == [t.text for t in pairs(text, mode="index")]


def test_spans_are_where_the_analyzer_places_the_terms(analyzer: object, library: Library) -> None:
    terms = IndexTerms(analyzer)
    for text in _texts(library):
        # Whoosh gives one Token object again and again: its fields are read as it comes
        tokens = [(t.text, t.startchar, t.endchar) for t in analyzer(text, chars=True)]  # type: ignore[operator]
        # every third term of the text, and one term no text has
        wanted = frozenset([term for term, _, _ in tokens][::3]) | {"zzzz"}
        expected = [(start, end) for term, start, end in tokens if term in wanted]
        assert terms.spans(text, wanted) == expected


def test_the_direct_path_gives_the_filters_terms(analyzer: object, library: Library) -> None:
    """make_analyzer's chain is run as one function of a word (analysis._direct): the same
    terms as the filters give, over every word of the bundled statements and dev captures."""
    from tests.conftest import SEEDS_DIR
    from tests.core.recommendations.statement_captures import capture_document

    terms = IndexTerms(analyzer)
    assert terms._analysed != terms._chained  # noqa: SLF001 (the direct path is the one used)
    captures = [capture_document(p).text for p in sorted((SEEDS_DIR / "dev").glob("*.txt"))]
    assert captures, f"no dev captures in {SEEDS_DIR / 'dev'}"
    words = {word for text in _texts(library) + captures for word in terms.words(text)}
    assert len(words) > 1_000
    for word in sorted(words):
        assert terms._analysed(word) == terms._chained(word), word  # noqa: SLF001
