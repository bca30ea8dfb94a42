"""Whatever is typed into the search, the real index on the bundled statements answers with
results (perhaps a notice) or a ReaderError in one sentence: never another exception, never
a hang, and never a rebuild of the index (which the search does when reading it fails)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.errors import ReaderError
from reader.core.library.library import Library
from reader.core.search.index import SearchIndex
from reader.core.search.index_store import current_generation
from reader.core.search.query import (
    QueryError,
    too_complex,
    too_deep,
    too_long,
    too_many,
    unreadable,
)
from reader.core.search.results import SearchResults
from tests.fuzzing import assert_one_sentence, examples, time_limit

SECONDS = 10  # for one query: queries take milliseconds; a hang is ended


def check_search(
    index: SearchIndex,
    library: Library,
    text: str,
    doc_ids: list[str] | None = None,
    topics: list[str] | None = None,
    count: bool = True,
) -> SearchResults | None:
    """The results of `text`, or None when it was refused in one sentence."""
    generation = current_generation(index.folder)
    with time_limit(SECONDS):
        try:
            results = index.search(text, limit=5, doc_ids=doc_ids, topics=topics, count=count)
        except ReaderError as error:
            assert_one_sentence(str(error))
            results = None
    assert current_generation(index.folder) == generation, "the query had the index rebuilt"
    if results is None:
        return None
    assert isinstance(results, SearchResults)
    if results.notice:
        assert_one_sentence(results.notice)
    for hit in results.hits:
        document = library.get(hit.doc_id)
        assert 0 <= hit.start <= hit.end <= len(document.text)
        assert all(hit.start <= s <= e <= hit.end for s, e in hit.matches)
        hit.snippet.marked().encode("utf-8")
    if results.suggestion is not None:
        results.suggestion.encode("utf-8")
    return results


SYNTAX = [
    '"', "“", "”", "„", "«", "»", "(", ")", "[", "]", "{", "}", "*", "?", "~", "~2", "~9",
    "~99999", "~2/99", "/", "/3", ":", "topic:", "doc:", "section:", "text:", "pairs:", "doc_id:",
    "title:", "start:", "block:", "nosuchfield:", "AND", "OR", "NOT", "ANDNOT", "ANDMAYBE",
    "and", "or", "not", "-", "+", "^", "^2", "'", "’", "‘", " ", " ", "  ", "\t", "\n", "TO",
    "[a TO b]", "{a TO}", "[TO]", "<", ">", "=", "!", "&&", "||", "\\", "%", "#", "@", "$",
    "0", "1e9", "-1", "…", "—", "–", ".", ",", ";",
]  # fmt: skip
WORDS = [
    "missile", "defense", "Minsk", "NATO", "Russia", "US", "U.S.", "U.S.A.", "WMD", "ISIS",
    "United", "States", "cyber", "recommend", "Ukrane", "the", "of", "a", "it's", "Russia’s",
    "elbe", "cybersecurity", "Syria", "zzalias", "é", "ß", "İ", "ſ", "ﬁ", "Ⅻ", "٣", "中文",
    "\U0001f4a3", "\u202e", "\u200b", "\x00", "\x1b", "\ufeff", "\ud800", "\udcff",
]  # fmt: skip
PIECE = st.one_of(
    st.sampled_from(SYNTAX),
    st.sampled_from(WORDS),
    st.text(st.characters(codec=None), max_size=6),
    st.builds(
        lambda piece, times: piece * times, st.sampled_from(SYNTAX + WORDS), st.integers(2, 300)
    ),
)
QUERY = st.lists(PIECE, max_size=25).map("".join)
FUZZ = settings(
    max_examples=examples(120),
    deadline=3000,  # ms
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(text=QUERY)
def test_any_query_finds_or_refuses(index: SearchIndex, library: Library, text: str) -> None:
    check_search(index, library, text)


@FUZZ
@given(
    text=QUERY,
    doc_ids=st.none() | st.lists(st.sampled_from(["elbe-group-2018-naples", "x", "", "*"])),
    topics=st.none() | st.lists(st.sampled_from(["cybersecurity", "CYBERSECURITY", "nope", ""])),
    count=st.booleans(),
)
def test_any_query_under_any_filter(
    index: SearchIndex,
    library: Library,
    text: str,
    doc_ids: list[str] | None,
    topics: list[str] | None,
    count: bool,
) -> None:
    check_search(index, library, text, doc_ids, topics, count)


PATHOLOGICAL = {
    "parens-1e4": "(" * 10_000 + "missile" + ")" * 10_000,
    "parens-400": "(" * 400 + "missile" + ")" * 400,
    "parens-open": "(" * 10_000 + "missile",
    "quotes-odd": '"' * 10_001 + "missile",
    "quotes-1e4": '"missile" ' * 5_000,
    "and-storm": "missile AND " * 5_000 + "defense",
    "or-storm": " OR ".join(["missile"] * 5_000),
    "not-storm": "NOT " * 5_000 + "missile",
    "minus-storm": "-" * 10_000 + "missile",
    "words-1e4": "missile defense " * 5_000,
    "long-word": "m" * 100_000,
    "stars": "*" * 10_000,
    "star": "*",
    "every-prefix": "a*",
    "wildcards": "*a*b*c*",
    "fuzzy-far": "missile~99999",
    "fuzzy-far-section": "section:missile~9 doc:elbe~20 topic:cyber~12",
    "fuzzy-prefix-long": "section:Syria~2/99",
    "fuzzy-storm": "missile~ " * 2_000,
    "field-storm": "topic:" * 5_000 + "cyber",
    "ranges": "[a TO z] {a TO} [TO b]",
    "field-range": "start:[0 TO 99999999999999999999]",
    "empty-field": "doc: section: topic:",
    "phrase-long": '"' + "missile defense " * 2_000 + '"',
    "apostrophes": "Russia’s it's ’’’ ''' ‘missile’",
    "control": "\x00\x01\x1b[2J missile \x7f",
    "surrogates": "missile \ud800 defense \udcff",
    "boost": "missile^99999999999999999999",
    "blank": " \t\n ",
    # Within the length a query may have, so that Whoosh is asked:
    "parens-900": "(" * 900 + "missile" + ")" * 900,
    "alternation-deep": "(missile OR (defense AND " * 60 + "Minsk" + "))" * 60,
    "not-450": "NOT " * 450 + "missile",
    "phrase-199": '"' + " ".join(["missile", "defense"] * 99 + ["NATO"]) + '"',
    "phrase-201": '"' + " ".join(["missile", "defense"] * 100 + ["NATO"]) + '"',
    "word-2000": "m" * 2000,
    "prefixes-300": "a* b* c* d* e* f* " * 50,
    "fuzzy-300": "missile~2 " * 190,
}


@pytest.mark.parametrize("name", PATHOLOGICAL, ids=str)
def test_pathological_queries(index: SearchIndex, library: Library, name: str) -> None:
    check_search(index, library, PATHOLOGICAL[name])


def test_the_fuzzed_index_finds_what_it_should(index: SearchIndex, library: Library) -> None:
    """The index the queries above run on is the real one: it finds Minsk."""
    results = check_search(index, library, "Minsk")
    assert results is not None and [hit.doc_id for hit in results.hits] == [
        "elbe-group-2018-naples"
    ]


# Found by the fuzzers: each bug's own test -------------------------------------------------
def _minsk(index: SearchIndex, text: str) -> list[str]:
    return [hit.doc_id for hit in index.search(text).hits]


def test_a_lone_surrogate_in_a_query_is_a_replacement_character(index: SearchIndex) -> None:
    """The suggestion echoed the query's lone surrogate, which no output can encode."""
    results = index.search("missle\ud800")
    assert (results.query, results.suggestion) == ("missle\ufffd", "missile\ufffd")
    assert _minsk(index, "Minsk\ud800") == ["elbe-group-2018-naples"]


def test_operators_alone_fall_back_to_the_words(index: SearchIndex) -> None:
    """ "NOT NOT ... missile" failed in Whoosh, and so did its words-only fallback, which kept
    the NOTs (IndexError)."""
    results = index.search("NOT " * 450 + "Minsk")
    assert results.notice == unreadable()
    assert [hit.doc_id for hit in results.hits] == ["elbe-group-2018-naples"]


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("m" * 20_000, too_long()),  # Whoosh's parser took 5 s: quadratic in a word's length
        ('"' + "missile defense " * 100 + 'NATO"', too_many()),  # stack overflow in its matchers
        ("(missile OR (defense AND " * 60 + "Minsk" + "))" * 60, too_deep()),
    ],
    ids=["long", "many-words", "deep"],
)
def test_a_query_no_person_types_is_refused_in_a_sentence(
    index: SearchIndex, text: str, sentence: str
) -> None:
    generation = current_generation(index.folder)
    with time_limit(2), pytest.raises(QueryError) as refused:
        index.search(text)
    assert str(refused.value) == sentence
    assert current_generation(index.folder) == generation  # the index was not rebuilt


def test_a_query_as_large_as_people_type_is_searched(index: SearchIndex) -> None:
    phrase = '"' + " ".join(["arms"] * 199) + '"'
    assert index.search(phrase).total == 0
    assert _minsk(index, "(" * 30 + "Minsk" + ")" * 30) == ["elbe-group-2018-naples"]


def test_fuzzy_terms_of_other_fields_are_bounded(index: SearchIndex) -> None:
    """section:Syria~2/99 (a prefix longer than the word) raised IndexError in Whoosh, and the
    search took that for damage and rebuilt the index; section:missile~9 ran for minutes."""
    generation = current_generation(index.folder)
    syria = _passages(index, "section:Syria~2")
    assert syria and _passages(index, "section:Syria~2/99") == syria
    with time_limit(2):
        assert _passages(index, "section:missile~9") == _passages(index, "section:missile~2")
    assert current_generation(index.folder) == generation


def test_a_query_too_deep_for_whoosh_is_no_damage(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A RecursionError in a query's run is the query's doing: a sentence, and no rebuild."""
    generation = current_generation(index.folder)

    def overflow(*_args: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(index, "_ranked_hits", overflow)
    with pytest.raises(QueryError, match=f"^{too_complex()}$"):
        index.search("missile")
    assert current_generation(index.folder) == generation


def _passages(index: SearchIndex, text: str) -> set[tuple[str, int]]:
    return {(hit.doc_id, hit.start) for hit in index.search(text, limit=100).hits}
