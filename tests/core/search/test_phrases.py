"""A quoted phrase of any length matches only that phrase, in that order, stop words counted."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from whoosh.analysis import STOP_WORDS
from whoosh.lang.porter import stem

from reader.core.library.library import Library
from reader.core.search.aliases import load_aliases
from reader.core.search.index import SearchIndex
from reader.core.search.passages import passages
from reader.resource_access import resource_path
from tests.core.search.conftest import IndexOf, index_of, one_paragraph

TEXTS = {
    "exact": "Weapons of mass destruction remain a grave threat.",
    "shouted": "WEAPONS OF MASS DESTRUCTION, said the banner.",
    # every word pair of the phrase, each in the wrong place
    "scattered": "The weapons of mass appeal were shown, and mass destruction was feared.",
    "other-stop": "Weapons for mass destruction were sold abroad.",
    "reversed": "Destruction of mass weapons was not discussed.",
    "acronym": "The WMD programme was ended.",
    "stability": "Strategic stability and stability talks were both on the agenda.",
    "talks": "They held strategic stability talks in Geneva.",
    "treaty": "The New START treaty was extended; a new treaty on START was not.",
    "council": "The NATO-Russia Council met in Brussels.",
}


@pytest.fixture(scope="module")
def small(small_index: IndexOf) -> SearchIndex:
    return small_index(TEXTS)


def _found(index: SearchIndex, text: str) -> set[str]:
    results = index.search(text, limit=100)
    assert results.total == len(results.hits) == sum(results.per_document.values())
    return {hit.doc_id for hit in results.hits}


@pytest.mark.parametrize(
    ("query", "found"),
    [
        # an alias of the group: WMD is its acronym, so it comes too
        ('"weapons of mass destruction"', {"exact", "shouted", "acronym"}),
        ('"Weapons Of Mass Destruction"', {"exact", "shouted", "acronym"}),
        ('"weapons for mass destruction"', {"other-stop"}),
        ('"weapons mass destruction"', set()),
        ('"mass destruction remain"', {"exact"}),
        ('"destruction of mass weapons"', {"reversed"}),
        ('"strategic stability talks"', {"talks"}),
        ('"new START treaty"', {"treaty"}),
        ('"a new treaty on START"', {"treaty"}),
        ('"a new treaty START"', set()),
        ('"NATO-Russia Council met"', {"council"}),
        ('"NATO Russia Council"', {"council"}),
    ],
)
def test_a_phrase_matches_only_itself_in_order(
    small: SearchIndex, query: str, found: set[str]
) -> None:
    assert _found(small, query) == found


def test_a_passage_with_every_pair_of_the_phrase_elsewhere_is_not_a_match(
    small: SearchIndex,
) -> None:
    # The pairs alone (stop words dropped) would take it: weapon+mass, mass+destruct.
    assert "scattered" in _found(small, "weapons mass") & _found(small, '"mass destruction"')
    assert "scattered" not in _found(small, '"weapons of mass destruction"')
    assert "stability" in _found(small, '"strategic stability"') & _found(
        small, '"stability talks"'
    )
    assert "stability" not in _found(small, '"strategic stability talks"')


def test_two_words_and_a_phrase_inside_other_words(small: SearchIndex) -> None:
    assert _found(small, '"mass destruction"') == {"exact", "shouted", "scattered", "other-stop"}
    assert _found(small, '"weapons of mass destruction" Geneva') == set()
    assert _found(small, '"strategic stability talks" OR "START treaty"') == {"talks", "treaty"}
    assert _found(small, 'talks NOT "strategic stability talks"') == {"stability"}


def test_a_phrase_within_chosen_statements(small: SearchIndex) -> None:
    results = small.search('"weapons of mass destruction"', doc_ids=["shouted", "scattered"])
    assert [hit.doc_id for hit in results.hits] == ["shouted"]
    assert results.per_document == {"shouted": 1}


def test_a_phrase_still_exact_after_an_update(tmp_path: Path) -> None:
    # The update adds a second segment: the check reads each segment's own passages.
    index = index_of({"a": TEXTS["exact"], "b": TEXTS["scattered"]}, tmp_path)
    docs = [
        one_paragraph("a", TEXTS["exact"]),
        one_paragraph("b", TEXTS["scattered"]),
        one_paragraph("c", TEXTS["shouted"]),
    ]
    assert index.sync(docs).startswith("updated")
    assert _found(index, '"weapons of mass destruction"') == {"a", "c"}
    index.close()


# The bundled statements -------------------------------------------------------------------
def test_bundled_phrases_with_stop_words(index: SearchIndex) -> None:
    assert _found(index, '"weapons of mass destruction"') >= {"elbe-group-2018-naples"}
    assert _found(index, '"destruction of the entire"') == {"elbe-group-2018-naples"}
    assert _found(index, '"destruction of entire"') == set()
    assert _found(index, '"weapons for mass destruction"') == set()


def _alias_words() -> set[str]:
    groups = load_aliases(resource_path("aliases.tsv"))
    return {w.lower() for g in groups for form in g.acronyms + g.phrases for w in form.split()}


def _windows(library: Library, size: int, count: int) -> list[tuple[str, str]]:
    """`count` runs of `size` words as the statements write them, with their passage's text;
    none with a word of an alias (its other forms would match, which the oracle cannot see)."""
    rnd, aliased = random.Random(size), _alias_words()
    found = []
    for doc in library:
        for passage in passages(doc):
            words = re.findall(r"[A-Za-z]+", passage.text)
            for at in range(len(words) - size):
                run = words[at : at + size]
                phrase = " ".join(run)
                if (
                    phrase in passage.text
                    and run[0].lower() not in STOP_WORDS
                    and run[-1].lower() not in STOP_WORDS
                    and not aliased & {w.lower() for w in run}
                ):
                    found.append((phrase, passage.text))
    return rnd.sample(found, count)


def _holds(text: str, phrase: str) -> bool:
    """An oracle apart from the index: words of letters, stems compared, stop words as written."""

    def key(word: str) -> str:
        word = word.lower()
        return word if word in STOP_WORDS or len(word) < 2 else stem(word)

    words = [key(w) for w in re.findall(r"[A-Za-z]+", text.replace("’s", "").replace("'s", ""))]
    wanted = [key(w) for w in phrase.split()]
    return any(words[i : i + len(wanted)] == wanted for i in range(len(words)))


@pytest.mark.parametrize("size", [3, 4, 6])
def test_bundled_phrases_find_their_passage_and_only_passages_holding_them(
    index: SearchIndex, library: Library, size: int
) -> None:
    for phrase, source in _windows(library, size, 15):
        results = index.search(f'"{phrase}"', limit=1000)
        texts = [library.get(h.doc_id).text[h.start : h.end] for h in results.hits]
        assert source in texts, phrase
        assert all(_holds(text, phrase) for text in texts), phrase
        assert results.total == len(results.hits)
