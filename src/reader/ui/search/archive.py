"""Where the Search tab searches when the library has a team: this laptop's index, or the
team's archive on its server (reader.core.team.search); and opening what the archive found,
which may not be on this laptop yet.

The archive is searched on a thread of its own, never the index's: a slow or silent server
(libpq waits up to CONNECT_TIMEOUT_S) would otherwise hold up every search of this laptop.
"""

from __future__ import annotations

import dataclasses
import functools
import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal, SignalInstance, Slot
from PySide6.QtWidgets import QComboBox

from reader.core.library.library import Library
from reader.core.search.results import Hit

from reader.ui import settings as S
from reader.ui.search.answers import search_team
from reader.ui.tasks import Done, Failed, run_task, serial_pool

if TYPE_CHECKING:
    from reader.core.team.connection import TeamLink
    from reader.core.team.report import SyncReport
    from reader.core.team.search import ServerSession
    from reader.core.user_db import UserDatabase

LAPTOP, TEAM = "laptop", "team"
SYNC_LINK = "sync"
LAPTOP_LINK = "laptop"


class Team(Protocol):
    """What the search needs of the team's controller (reader.ui.team.controller)."""

    @property
    def changed(self) -> SignalInstance: ...
    @property
    def synced(self) -> SignalInstance: ...
    @property
    def sync_failed(self) -> SignalInstance: ...
    def link(self) -> TeamLink | None: ...
    def database(self) -> UserDatabase | None: ...
    def sync_now(self) -> None: ...


class NewestOnly(QObject):
    """Runs one task at a time on a thread of its own; one asked for meanwhile waits, and a
    newer one takes its place: a slow server answers the newest query next, not every query
    typed while it thought. A task replaced is never answered (its answer would be stale)."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._pool = serial_pool(self)
        self._busy = False
        self._waiting: tuple[Callable[[], object], Done, Failed] | None = None

    def run(self, fn: Callable[[], object], on_done: Done, on_error: Failed) -> None:
        if self._busy:
            self._waiting = (fn, on_done, on_error)
            return
        self._busy = True
        finished = functools.partial(self._on_finished, on_done)
        run_task(fn, finished, functools.partial(self._on_finished, on_error), self._pool, self)

    def _on_finished(self, callback: Callable[[Any], None], value: object) -> None:
        self._busy = False
        callback(value)
        if self._waiting is not None:
            waiting, self._waiting = self._waiting, None
            self.run(*waiting)

    def wait(self) -> None:
        self._pool.waitForDone()


class ArchiveChoice(QObject):
    """The "This laptop" / "Team archive" choice, shown while the library has a team.

    Signals:
        changed(): where a search looks has changed (the user chose, or the link came or went).
        passage_found(object): a Hit of the archive whose document is here, under its id here.
        said(str): a sentence (HTML) for the Search tab's status line.
    """

    changed = Signal()
    passage_found = Signal(object)
    said = Signal(str)

    def __init__(
        self, team: Team, library: Library, settings: S.Settings | None, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._team, self._library, self._settings = team, library, settings
        self._searches = NewestOnly(self)
        self._after_sync: Hit | None = None  # the hit to open once "Sync now" has brought it
        self._session: ServerSession | None = None  # the archive's connection, kept
        self.combo = _where_combo()
        self._linked = False
        if settings is not None:
            self.combo.setCurrentIndex(max(0, self.combo.findData(settings.get(S.SEARCH_WHERE))))
        self.combo.currentIndexChanged.connect(self._on_combo_current_index_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        team.changed.connect(self.refresh)
        team.synced.connect(self._on_team_synced)
        team.sync_failed.connect(self._on_team_sync_failed)
        self.refresh()

    def team_chosen(self) -> bool:
        """The archive is where the next search looks."""
        return self._linked and self.combo.currentData() == TEAM

    def linked(self) -> bool:
        return self._linked

    @Slot()
    def refresh(self) -> None:
        """Show the choice if the library has a team (the link read again)."""
        before = self.team_chosen()
        self._linked = self._team.link() is not None
        self.combo.setVisible(self._linked)
        if self.team_chosen() != before:
            self.changed.emit()

    def search(self, text: str, doc_id: str | None, limit: int, done: Done, failed: Failed) -> bool:
        """Search the archive (done(Answer) or failed(error) later); False if there is no
        team after all, and this laptop is to be searched."""
        from reader.core.team.search import ServerSession, TeamSearch

        link = self._team.link()
        if link is None:
            self.refresh()
            return False
        if self._session is None:  # used on the search thread only, one search at a time
            self._session = ServerSession()
        backend = TeamSearch(link, self._session)
        task = functools.partial(search_team, backend, text, doc_id, limit)
        self._searches.run(task, done, failed)
        return True

    def open(self, hit: Hit) -> None:
        """Open an archive's hit if its document is here; else say so and offer a sync."""
        from reader.core.team.copies import local_copy

        db, link = self._team.database(), self._team.link()
        if db is None or link is None:
            self._not_here(hit, "")
            return
        done = functools.partial(self._on_located, hit)
        failed = functools.partial(self._on_locate_failed, hit)
        run_task(lambda: local_copy(db, link, hit.doc_id), done, failed, context=self)

    def link_activated(self, link: str) -> None:
        if link == LAPTOP_LINK:
            self.combo.setCurrentIndex(self.combo.findData(LAPTOP))
        elif link == SYNC_LINK and self._after_sync is not None:
            self.said.emit(_escaped(self.tr("Syncing with the team…")))
            self._team.sync_now()

    def forget(self) -> None:
        """A new search: a hit waiting for a sync is no longer wanted."""
        self._after_sync = None

    @Slot()
    def shutdown(self) -> None:
        """The app is quitting: the search under way ends, and the kept connection closes."""
        self._searches.wait()
        if self._session is not None:
            self._session.close()

    # Answers -------------------------------------------------------------------------------
    def _on_located(self, hit: Hit, doc_id: str | None) -> None:
        if doc_id is not None and doc_id in self._library:
            self._after_sync = None
            self._found(hit, doc_id)
        else:
            self._not_here(hit, "")

    def _on_locate_failed(self, hit: Hit, error: BaseException) -> None:
        if hit.doc_id in self._library:  # the server cannot say: the same id is the best guess
            self._found(hit, hit.doc_id)
            return
        self._not_here(hit, _sentence(error))

    def _found(self, hit: Hit, doc_id: str) -> None:
        """The hit as a local one: its document's id here, and its words marked as the index
        marks them (the server says only which words its snippet matched)."""
        text = self._library.get(doc_id).text
        matches = tuple(matched_words(text, hit.start, hit.end, hit.terms))
        self.passage_found.emit(dataclasses.replace(hit, doc_id=doc_id, matches=matches))

    def _not_here(self, hit: Hit, why: str) -> None:
        self._after_sync = hit
        sentence = self.tr("“{title}” is in the team's archive but not yet on this laptop.").format(
            title=hit.doc_title
        )
        words = self.tr("Sync now")
        link = f'<a href="{SYNC_LINK}">{_escaped(words)}</a>'
        self.said.emit(" ".join(_escaped(s) for s in (sentence, why) if s) + " " + link)

    @Slot(object)
    def _on_team_synced(self, report: SyncReport) -> None:
        hit, self._after_sync = self._after_sync, None
        if hit is None:
            return
        if hit.doc_id in report.skipped_documents:  # no sync will bring it: say why
            sentence = self.tr(
                "“{title}” was not brought to this laptop: another document here has its id ({id})."
            ).format(title=hit.doc_title, id=hit.doc_id)
            self.said.emit(_escaped(sentence))
            return
        self.open(hit)

    @Slot(str)
    def _on_team_sync_failed(self, sentence: str) -> None:
        if self._after_sync is not None:
            self._after_sync = None
            self.said.emit(_escaped(sentence))

    @Slot(int)
    def _on_combo_current_index_changed(self, _index: int) -> None:
        if self._settings is not None:
            self._settings.set(S.SEARCH_WHERE, str(self.combo.currentData()))
        self.changed.emit()


def matched_words(text: str, start: int, end: int, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the snippet's matched words are in the passage text[start:end], in order."""
    from reader.core.documents.text_find import find_all

    found = {(start + a, start + b) for term in terms for a, b in find_all(text[start:end], term)}
    return sorted(found)


def failure_html(error: BaseException) -> str:
    """A failed search of the archive, and a link to what still works."""
    still = QCoreApplication.translate(
        "SearchPanel", "This laptop's documents can still be searched:"
    )
    words = QCoreApplication.translate("SearchPanel", "search this laptop")
    return f'{_escaped(_sentence(error))} {_escaped(still)} <a href="{LAPTOP_LINK}">{words}</a>'


def _sentence(error: BaseException) -> str:
    from reader.core.errors import describe_failure

    return describe_failure(error, QCoreApplication.translate("SearchPanel", "the team search"))


def _escaped(sentence: str) -> str:
    """Plain words for a rich-text label (its apostrophes kept as they are, for reading)."""
    return html.escape(sentence, quote=False)


def _where_combo() -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("search_where")
    combo.setAccessibleName(QCoreApplication.translate("SearchPanel", "Search in"))
    combo.setToolTip(
        QCoreApplication.translate(
            "SearchPanel",
            "Search this laptop's documents, or the team's whole archive on its server",
        )
    )
    combo.addItem(QCoreApplication.translate("SearchPanel", "This laptop"), LAPTOP)
    combo.addItem(QCoreApplication.translate("SearchPanel", "Team archive"), TEAM)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo
