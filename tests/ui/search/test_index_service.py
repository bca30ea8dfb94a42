"""The index service: opens after the first paint, rebuilds in a process, says what it did."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QWidget

from reader import paths
from reader.core.library.library import Library
from reader.core.search.index_store import current_generation

from reader.ui import settings as S
from reader.ui.actions import Act
from reader.ui.main_window import MainWindow
from reader.ui.search.index_service import PROCESS_THRESHOLD, IndexService, index_command
from reader.ui.search.panel import search_counted

OPEN_TIMEOUT_MS = 20000
PROCESS_TIMEOUT_MS = 60000  # a fresh interpreter imports Whoosh and indexes: generous


def _search_total(qtbot: QtBot, service: IndexService, text: str) -> int:
    answers: list[object] = []
    task = lambda index: search_counted(text, None, 10, index)  # noqa: E731
    assert service.submit(task, answers.append, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    return answers[0].results.total  # type: ignore[attr-defined]


def _damage(folder: Path) -> None:
    generation = current_generation(folder)
    assert generation is not None
    for segment in generation.glob("*.seg"):
        segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 2])


@pytest.fixture
def messages(index_service: IndexService) -> list[str]:
    posted: list[str] = []
    index_service.message_posted.connect(posted.append)
    return posted


def test_the_index_opens_only_after_the_first_paint(
    qtbot: QtBot, index_service: IndexService
) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    index_service.start_after_first_paint(widget)
    qtbot.wait(20)
    assert not index_service.is_searchable()  # not shown, never painted
    with qtbot.waitSignal(index_service.opened, timeout=OPEN_TIMEOUT_MS):
        widget.show()
    assert _search_total(qtbot, index_service, "Minsk") == 1


def test_a_new_index_is_built_here_and_said_so(
    qtbot: QtBot, index_service: IndexService, messages: list[str]
) -> None:
    with qtbot.waitSignal(index_service.opened, timeout=OPEN_TIMEOUT_MS):
        index_service.start()
    assert messages == ["Search index built."]
    assert not index_service.is_indexing()


def test_an_unchanged_index_opens_without_a_word(
    qtbot: QtBot, make_index_service: Callable[..., IndexService]
) -> None:
    first = make_index_service()
    with qtbot.waitSignal(first.opened, timeout=OPEN_TIMEOUT_MS):
        first.start()
    first.shutdown()
    again = make_index_service()
    posted: list[str] = []
    again.message_posted.connect(posted.append)
    with qtbot.waitSignal(again.opened, timeout=OPEN_TIMEOUT_MS):
        again.start()
    again.shutdown()
    assert posted == []


def test_a_large_job_goes_to_a_process_with_progress(
    qtbot: QtBot, make_index_service: Callable[..., IndexService]
) -> None:
    service = make_index_service(threshold=0)  # every job counts as large
    posted: list[str] = []
    service.message_posted.connect(posted.append)
    with qtbot.waitSignal(service.opened, timeout=PROCESS_TIMEOUT_MS):
        service.start()
        qtbot.waitUntil(service.is_indexing, timeout=OPEN_TIMEOUT_MS)
    assert not service.is_indexing()
    assert "Indexing: 1 of 2 documents" in posted
    assert "Indexing: 2 of 2 documents" in posted
    assert posted[-1] == "Search index built."
    assert _search_total(qtbot, service, "Minsk") == 1
    service.shutdown()


@pytest.mark.parametrize("threshold", [0, PROCESS_THRESHOLD], ids=["process", "here"])
def test_damage_is_rebuilt_and_the_status_bar_says_why(
    threshold: int,
    qtbot: QtBot,
    make_index_service: Callable[..., IndexService],
    library: Library,
    settings: S.Settings,
    folders: paths.Folders,
) -> None:
    first = make_index_service()
    with qtbot.waitSignal(first.opened, timeout=OPEN_TIMEOUT_MS):
        first.start()
    first.shutdown()
    _damage(folders.index)
    service = make_index_service(threshold=threshold)
    window = MainWindow(library, settings, service)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(service.opened, timeout=PROCESS_TIMEOUT_MS):
        service.start()
    qtbot.waitUntil(
        lambda: (
            window.statusBar().currentMessage().startswith("Search index rebuilt: it was damaged (")
        ),
        timeout=PROCESS_TIMEOUT_MS,
    )
    assert _search_total(qtbot, service, "Minsk") == 1


def test_rebuild_runs_in_a_process_while_search_goes_on(
    qtbot: QtBot, search_window: MainWindow
) -> None:
    service = search_window.index_service
    assert service is not None
    with qtbot.waitSignal(service.opened, timeout=PROCESS_TIMEOUT_MS):
        search_window.actions_by_id[Act.REBUILD_INDEX].trigger()
        assert service.is_indexing()
        assert _search_total(qtbot, service, "Minsk") == 1  # on the old index, meanwhile
        service.rebuild()  # a second request while the first runs is only answered
        assert search_window.statusBar().currentMessage() in {
            "The search index is already being rebuilt.",
        }
    qtbot.waitUntil(
        lambda: (
            search_window.statusBar().currentMessage()
            == "Search index rebuilt: a rebuild was asked for."
        ),
        timeout=5000,
    )
    assert _search_total(qtbot, service, "Minsk") == 1


def test_a_failed_process_falls_back_to_indexing_here(
    qtbot: QtBot, make_index_service: Callable[..., IndexService]
) -> None:
    failing = [sys.executable, "-c", "import sys; sys.exit('indexer: out of disk space')"]
    service = make_index_service(threshold=0, command=failing)
    posted: list[str] = []
    service.message_posted.connect(posted.append)
    with qtbot.waitSignal(service.opened, timeout=PROCESS_TIMEOUT_MS):
        service.start()
    assert (
        "The search index could not be built in the background: indexer: out of disk space"
        in posted
    )
    assert posted[-1] == "Search index built."
    service.shutdown()


@pytest.mark.parametrize("threshold", [PROCESS_THRESHOLD, 1])
def test_with_no_room_for_an_index_search_works_from_a_temporary_one(
    qtbot: QtBot,
    make_index_service: Callable[..., IndexService],
    folders: paths.Folders,
    threshold: int,
) -> None:
    """A read-only data folder with no index yet (a file stands where the index would be),
    for a small library and for one large enough to go to a process, which could not write."""
    folders.cache.mkdir(parents=True)
    folders.index.write_text("not a folder")
    service = make_index_service(threshold=threshold)
    posted: list[str] = []
    service.message_posted.connect(posted.append)
    with qtbot.waitSignal(service.opened, timeout=OPEN_TIMEOUT_MS):
        service.start()
    assert _search_total(qtbot, service, "Minsk") == 1
    notice = posted[-1]
    assert str(folders.index) in notice and "temporary index" in notice
    assert not service.is_indexing()
    temporary = service.live_index()
    assert temporary is not None and temporary.folder.is_dir()
    assert folders.index.read_text() == "not a folder"  # nothing written where it cannot be

    with qtbot.waitSignal(service.opened, timeout=OPEN_TIMEOUT_MS):
        service.rebuild()  # here, not in the process that would write to the data folder
    assert not service.is_indexing()
    service.shutdown()
    assert not temporary.folder.exists()


def test_an_index_that_cannot_be_written_is_a_sentence(
    qtbot: QtBot, make_index_service: Callable[..., IndexService], folders: paths.Folders
) -> None:
    """An index there already, whose folder cannot be written: its trouble is the user's."""
    service = make_index_service()
    with qtbot.waitSignal(service.opened, timeout=OPEN_TIMEOUT_MS):
        service.start()
    service.shutdown()
    generation = current_generation(folders.index)
    assert generation is not None
    (generation / "manifest.json").write_text("{}")  # stale: the next opening must rebuild
    # Where this process would build the new generation: taken by a file (chmod stops no root).
    (folders.index / f"building-{os.getpid()}").write_text("in the way")
    service = make_index_service()
    with qtbot.waitSignal(service.failed, timeout=OPEN_TIMEOUT_MS) as failed:
        service.start()
    sentence = failed.args[0]
    assert str(folders.index) in sentence and "Traceback" not in sentence
    assert service.problem() == sentence
    assert not service.submit(lambda index: None, print, print)


def test_the_index_command_runs_on_the_same_folders(tmp_path: Path) -> None:
    chosen = paths.resolve(str(tmp_path))
    command = index_command(chosen)
    assert command[:3] == [sys.executable, "-m", "reader"]
    assert command[3:] == ["--data-dir", str(tmp_path), "index", "--progress"]
    assert paths.resolve(command[4]).index == chosen.index
    default = paths.resolve(None, environ={})
    assert index_command(default)[3:] == ["index", "--progress"]
