"""The library model as imports change it: rows inserted, removed and updated, counts."""

from __future__ import annotations

import dataclasses

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from reader.core.library.library import Library

from reader.ui.library.model import Column, LibraryModel, SortRole, make_sorted


def test_inserts_removes_updates_and_counts(
    qtbot: QtBot, qtmodeltester: ModelTester, library: Library
) -> None:
    elbe, acriac = library.get("elbe-group-2018-naples"), library.get("ac-riac-2013-washington")
    model = LibraryModel([elbe])
    proxy = make_sorted(model)
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
    with qtbot.waitSignal(model.rowsInserted):
        model.add_documents([acriac, elbe])  # one already listed: only the new one is added
    assert model.rowCount() == 2
    renamed = dataclasses.replace(acriac, metadata=dataclasses.replace(acriac.metadata,
                                  title="Renamed", short_title=""))  # fmt: skip
    with qtbot.waitSignal(model.dataChanged):
        model.update_document(renamed)
    assert model.index(1, Column.TITLE).data() == "Renamed"
    assert model.index(1, Column.NOTES).data() is None  # not counted yet
    model.set_counts(Column.NOTES, {acriac.id: 3})
    model.set_counts(Column.RECOMMENDATIONS, {elbe.id: 20, acriac.id: 9})
    assert model.index(1, Column.NOTES).data() == 3
    assert model.index(0, Column.NOTES).data() == 0
    assert model.index(0, Column.RECOMMENDATIONS).data(SortRole) == 20
    proxy.sort(Column.RECOMMENDATIONS)
    assert proxy.index(0, Column.TITLE).data() == "Renamed"
    with qtbot.waitSignal(model.rowsRemoved):
        model.remove_document(acriac.id)
    model.remove_document("no-such-document")
    assert model.rowCount() == 1
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)
