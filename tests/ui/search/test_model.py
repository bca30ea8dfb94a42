"""The search results model passes Qt's model checks, exposes the core Hit, and escapes HTML."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.core.search.results import Hit, SearchResults
from reader.core.search.snippets import Snippet

from reader.ui.search.model import HitRole, HtmlRole, SearchResultsModel, snippet_html, where


def _hit(text: str, marks: tuple[tuple[int, int], ...], section: str = "On Ukraine") -> Hit:
    return Hit(
        doc_id="elbe-group-2018-naples",
        doc_title="Elbe Group Joint Statement",
        section=section,
        start=100,
        end=100 + len(text),
        score=1.5,
        snippet=Snippet(text, marks),
        terms=tuple(text[s:e] for s, e in marks),
        matches=tuple((100 + s, 100 + e) for s, e in marks),
    )


def _results() -> SearchResults:
    hits = (
        _hit("observe the Minsk agreements", ((12, 17),)),
        _hit("a <b>tag</b> & Minsk", ((15, 20),), section=""),
    )
    return SearchResults("Minsk", hits, 2, {"elbe-group-2018-naples": 2})


def test_results_model_passes_model_tester(qtmodeltester) -> None:
    model = SearchResultsModel()
    qtmodeltester.check(model)
    model.set_results(_results())
    qtmodeltester.check(model)
    model.set_results(SearchResults("nothing"))
    qtmodeltester.check(model)


def test_results_model_wraps_the_hits_it_was_given() -> None:
    model = SearchResultsModel()
    results = _results()
    model.set_results(results)
    assert model.rowCount() == 2
    assert model.results() is results
    assert model.index(0, 0).data(HitRole) is results.hits[0]
    assert (
        model.index(1, 0)
        .data(Qt.ItemDataRole.DisplayRole)
        .startswith("Elbe Group Joint Statement\n")
    )
    assert model.hit(5) is None


def test_reset_is_announced(qtbot) -> None:
    model = SearchResultsModel()
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_results(_results())


def test_snippets_are_escaped_and_matches_bold() -> None:
    results = _results()
    assert snippet_html(results.hits[0]) == "observe the <b>Minsk</b> agreements"
    assert snippet_html(results.hits[1]) == "a &lt;b&gt;tag&lt;/b&gt; &amp; <b>Minsk</b>"
    model = SearchResultsModel()
    model.set_results(results)
    assert model.index(1, 0).data(HtmlRole) == snippet_html(results.hits[1])


def test_where_names_document_and_section() -> None:
    results = _results()
    assert where(results.hits[0]) == "Elbe Group Joint Statement · On Ukraine"
    assert where(results.hits[1]) == "Elbe Group Joint Statement"
