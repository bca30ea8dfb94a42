"""The line over the results: where it searched, and no count a search did not make."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.core.search.results import Hit, SearchResults
from reader.core.search.snippets import Snippet

from reader.ui.search.answers import status_html


def _hits(n: int) -> tuple[Hit, ...]:
    return tuple(Hit(f"d{i}", "T", "", 0, 1, 1.0, Snippet("x", ()), (), ()) for i in range(n))


def test_a_count_the_server_stopped_is_at_least_and_names_no_documents(qtbot: QtBot) -> None:
    results = SearchResults(
        "nato", _hits(100), 2000, {"d0": 1}, counted=False, at_least=True, seconds=0.05
    )
    line = status_html(results, "the team's archive (north on bob@host/team)")
    assert line == (
        "At least 2000 passages (the best 100 shown) · 50 ms · "
        "searched the team's archive (north on bob@host/team)"
    )


def test_a_local_count_names_its_documents_and_where_only_when_asked(qtbot: QtBot) -> None:
    results = SearchResults("nato", _hits(2), 2, {"d0": 1, "d1": 1}, seconds=0.012)
    assert status_html(results) == "2 passages in 2 documents · 12 ms"
    assert status_html(results, "the local index").endswith(" · 12 ms · searched the local index")


def test_the_archive_tries_the_words_as_they_stand_before_a_prefix() -> None:
    from reader.ui.search.answers import search_as_typed

    asked: list[str] = []

    def nothing(query: str) -> SearchResults:
        asked.append(query)
        return SearchResults(query)

    search_as_typed("strategic stab", nothing, prefix_first=False)
    assert asked == ["strategic stab", "strategic stab*"]
    asked.clear()
    search_as_typed("strategic stab", nothing)
    assert asked == ["strategic stab*", "strategic stab"]
