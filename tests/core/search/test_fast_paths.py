"""The fast paths (whole postings, block-max, kept postings and phrase verdicts, the stop-word
patterns) give what Whoosh's own search gives: the same hits in the same order, with the same
scores and counts, on the bundled and dev statements, for queries of every kind."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.document import BlockKind, Document, Metadata
from reader.core.importers import import_file, to_document
from reader.core.library.library import Library
from reader.core.search import index as index_module
from reader.core.search import whole_postings
from reader.core.search.analysis import IndexTerms
from reader.core.search.index import SearchIndex
from reader.core.search.kept_per_reader import KeptPerReader
from reader.core.search.near_phrases import NearPhrase, holds_near
from reader.core.search.phrases import STOPPED, CheckedPhrase, PhraseWords, holds, stop_runs
from tests.conftest import SEEDS_DIR

# Every pair of each phrase below, each in the wrong place; and the phrases themselves.
TRAPS = {
    "trap-wmd": "The weapons of mass appeal were shown, and mass destruction was feared.",
    "trap-calls": "Calls of this kind were rare; this function calls another function.",
    "trap-rest": "The rest of the talks and the world of the treaty were discussed.",
    "real-calls": "Repeated calls of this function were logged.",
    "real-rest": "The rest of the world watched the talks closely.",
}
QUERIES = [
    # common and rare terms
    "Russia", "security", "NATO", "weapons", "the", "Helsinki", "reykjavik",
    # AND, OR, NOT
    "nuclear weapons", "arms control", "Russia security dialogue", "trust OR dialogue",
    "Russia -NATO", "missile defence",
    # phrases of two words and more, stop words inside
    '"arms control"', '"nuclear weapons"', '"weapons of mass destruction"',
    '"calls of this function"', '"rest of the world"', '"rest of world"',
    '"strategic stability talks"', '"the United States of America"', '"arms control"~3',
    # prefixes, fuzzy, aliases, hyphens
    "negotiat*", "strateg*", "nucl*", "Ukrane~", "secruity~1", "US", "WMD", "U.S.", "Kiev",
    "NATO-Russia", "co-operation",
]  # fmt: skip


def _doc(doc_id: str, text: str) -> Document:
    return build_document(
        doc_id, "imported", Metadata(title=doc_id), [BlockSpec(BlockKind.PARAGRAPH, text)]
    )


@pytest.fixture(scope="module")
def documents(library: Library) -> list[Document]:
    dev = sorted((SEEDS_DIR / "dev").glob("*.txt"))
    if not dev:
        pytest.skip("the shared dev seeds are absent")
    devs = [to_document(import_file(p), f"dev-{i}") for i, p in enumerate(dev)]
    return [*library, *devs, *(_doc(doc_id, text) for doc_id, text in TRAPS.items())]


@pytest.fixture(scope="module")
def full(documents: list[Document], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    opened = SearchIndex(tmp_path_factory.mktemp("fast-paths") / "index")
    opened.sync(documents)
    yield opened
    opened.close()


def _plain_words(terms: IndexTerms, text: str) -> list[str]:
    """PhraseWords written plainly: a word's terms, or the stop word as written."""
    out: list[str] = []
    for word in terms.words(text):
        out += terms.of(word) or (STOPPED + word.replace("’", "'").replace("ʼ", "'").lower(),)
    return out


def _whoosh_only(monkeypatch: pytest.MonkeyPatch, opened: SearchIndex) -> None:
    """Every fast path off: Whoosh searches, each candidate of a phrase read and checked
    plainly, a prefix's words' postings walked by Whoosh."""
    terms = IndexTerms(opened._analyzer)  # noqa: SLF001
    monkeypatch.setattr(index_module, "best_of_term", lambda *args: None)
    monkeypatch.setattr(whole_postings, "scores", lambda *args: None)

    def holds_in(self: CheckedPhrase, searcher: Any, number: int) -> bool:
        words = _plain_words(terms, searcher.stored_fields(number).get(self.fieldname) or "")
        if isinstance(self, NearPhrase):
            return holds_near(
                [w for w in words if not w.startswith(STOPPED)], self.sequence, self.slop
            )
        return holds(words, self.sequence)

    def prefix_matches(reader: Any, q: Any) -> Counter[int]:
        matches: Counter[int] = Counter()
        for word in q._btexts(reader):  # noqa: SLF001
            matches.update(reader.postings(q.fieldname, word).all_ids())
        return matches

    monkeypatch.setattr(CheckedPhrase, "holds_in", holds_in)
    monkeypatch.setattr(index_module, "prefix_matches", prefix_matches)


def _seen(results: Any) -> tuple[Any, ...]:
    hits = [(h.doc_id, h.start, h.score, h.matches) for h in results.hits]
    return (hits, results.total, results.per_document)


def _compare(opened: SearchIndex, monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    cold = {text: _seen(opened.search(text, limit=limit)) for text in QUERIES}
    warm = {text: _seen(opened.search(text, limit=limit)) for text in QUERIES}  # kept lists
    with monkeypatch.context() as patched:
        _whoosh_only(patched, opened)
        plain = {text: _seen(opened.search(text, limit=limit)) for text in QUERIES}
    for text in QUERIES:
        assert cold[text] == plain[text], text
        assert warm[text] == plain[text], text


@pytest.mark.parametrize("limit", [10, 10_000])
def test_every_kind_as_whoosh_gives_it(
    full: SearchIndex, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    _compare(full, monkeypatch, limit)
    found = {h.doc_id for h in full.search('"calls of this function"', limit=50).hits}
    assert "real-calls" in found and "trap-calls" not in found
    found = {h.doc_id for h in full.search('"rest of the world"', limit=50).hits}
    assert "real-rest" in found and "trap-rest" not in found
    assert "trap-wmd" not in {h.doc_id for h in full.search('"weapons of mass destruction"').hits}


def test_after_an_update_nothing_kept_is_stale(
    documents: list[Document], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = SearchIndex(tmp_path / "index")
    opened.sync(documents[:-2])  # without the real passages of the phrases
    before = opened.search('"calls of this function"', limit=50)
    assert "real-calls" not in {h.doc_id for h in before.hits}
    opened.search("Russia")
    opened.sync(documents)  # a new segment, and a new reader for the old one
    assert "real-calls" in {h.doc_id for h in opened.search('"calls of this function"').hits}
    opened.sync(documents[1:])  # deletions
    _compare(opened, monkeypatch, 10)
    opened.close()


def test_a_text_holding_a_phrase_holds_its_stop_word_patterns(full: SearchIndex) -> None:
    words = PhraseWords(full._analyzer)  # noqa: SLF001
    rng = random.Random(14)
    texts = [
        "Calls OF, this function", "rest of’ the world", "U.S.of the A", "x'of the y",
        "it is a test of_the thing", "proof the of these", "A. of the. B", "Über of the Ünit",
    ]  # fmt: skip
    texts += [h.snippet.text for h in full.search("the", limit=200).hits]
    for text in texts:
        sequence = words(text)
        for _ in range(30):
            if len(sequence) < 3:
                break
            start = rng.randrange(len(sequence) - 2)
            part = sequence[start : start + rng.randint(3, 6)]
            if part[0].startswith(STOPPED) or part[-1].startswith(STOPPED):
                continue
            assert holds(sequence, part)
            assert all(run.search(text) for run in stop_runs(tuple(part))), (text, part)
    assert not stop_runs(("a", "b")) and not stop_runs(("a", STOPPED + "don't", "b"))
    (run,) = stop_runs(("call", STOPPED + "of", STOPPED + "this", "function"))
    assert run.search("calls of, this function") and not run.search("calls of thistle")


def test_kept_values_are_dropped_the_longest_unused_first() -> None:
    class Reader:
        pass

    kept: KeptPerReader[list[int]] = KeptPerReader(5, len)
    reader = Reader()
    kept.put(reader, "a", [1, 2])
    kept.put(reader, "b", [1, 2])
    assert kept.get(reader, "a") == [1, 2]  # "b" is now the longest unused
    kept.put(reader, "c", [1, 2])
    assert kept.get(reader, "b") is None and kept.get(reader, "a") == kept.get(reader, "c")
    kept.put(reader, "big", list(range(9)))  # over the bound alone: kept, the rest dropped
    assert kept.get(reader, "big") and kept.get(reader, "a") is None
    kept.forget(reader)
    assert kept.get(reader, "big") is None
