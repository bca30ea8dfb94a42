"""The team library in the window: sync in the background while the server answers, its
state in the status bar, and the Team section of Preferences (connect, disconnect, sync now).

All the work is the core's (reader.core.team), run on a pool of one thread so that two syncs
never overlap; the window only shows what it says.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget

from reader.ui.feature_context import FeatureContext
from reader.ui.tasks import run_task, serial_pool

if TYPE_CHECKING:  # the sync's modules load once the database is open, after the first paint
    from reader.core.documents.document import Document
    from reader.core.team.connection import TeamLink
    from reader.core.team.report import SyncReport
    from reader.core.user_db import UserDatabase

SYNC_EVERY_MS = 5 * 60 * 1000  # a team's notes arrive within minutes; servers are not polled hard


class TeamController(QObject):
    """Signals:
    state_changed(str): the status bar's words for the team link ("" when there is none).
    synced(object): a sync ended (a SyncReport); what it fetched is in the database.
    sync_failed(str): a sync ended without syncing; the sentence says why.
    changed(): the link was made or forgotten (or read, once the database opened).
    connect_failed(str): why connecting failed, in a sentence.
    documents_received(object): documents the sync brought (a list), for the library.
    notes_received(): the sync brought notes: what shows them reads them again.
    """

    state_changed = Signal(str)
    synced = Signal(object)
    sync_failed = Signal(str)
    changed = Signal()
    connect_failed = Signal(str)
    documents_received = Signal(object)
    notes_received = Signal()

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context.dialog_parent)
        self._context = context
        self._pool = serial_pool(self)
        self.status_label = QLabel()
        self.status_label.setObjectName("team_status")
        self.status_label.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(SYNC_EVERY_MS)
        self._timer.timeout.connect(self.sync_now)
        self._syncing = False
        self.state_changed.connect(self._show_state)
        context.user_data.opened.connect(self._on_user_data_opened)

    def database(self) -> UserDatabase | None:
        return self._context.user_data.database()

    def link(self) -> TeamLink | None:
        from reader.core.team.connection import link

        db = self.database()
        return link(db) if db is not None else None

    @Slot()
    def _on_user_data_opened(self) -> None:
        if self.link() is not None:
            self._timer.start()
            self.changed.emit()
            self.sync_now()

    @Slot()
    def sync_now(self) -> None:
        from reader.core.team.sync import sync

        db = self.database()
        if db is None or self._syncing or self.link() is None:
            return
        self._syncing = True
        self.state_changed.emit(self.tr("Team: syncing…"))
        reserved = [doc.id for doc in self._context.library.bundled()]
        run_task(
            lambda: sync(db, reserved), self._on_sync_done, self._on_sync_failed,
            pool=self._pool, context=self,
        )  # fmt: skip

    def _on_sync_done(self, report: SyncReport) -> None:
        self._syncing = False
        stamp = time.strftime("%H:%M")
        self.state_changed.emit(self.tr("Team: synced at %1").replace("%1", stamp))
        self.status_label.setToolTip(str(report))
        if report.pulled["document"]:
            self.documents_received.emit(self._new_documents())
        if report.pulled["note"]:
            self.notes_received.emit()
        self.synced.emit(report)

    def _new_documents(self) -> list[Document]:
        from reader.core.library.catalogue import Catalogue

        db = self.database()
        known = self._context.library
        return [d for d in Catalogue(db).documents() if d.id not in known] if db else []

    def _on_sync_failed(self, error: BaseException) -> None:
        self._syncing = False
        self.state_changed.emit(self.tr("Team: offline"))
        sentence = self._context.messages.describe(error, self.tr("the sync"))
        self.status_label.setToolTip(sentence)
        self.sync_failed.emit(sentence)

    def connect_team(self, dsn: str, team: str) -> None:
        """Link the library (on the worker: the server may take seconds to answer)."""
        from reader.core.team.connection import connect_library

        db = self.database()
        if db is None:
            self._context.messages.say(self.tr("The team needs the user's database, not open."))
            return

        def connected(result: tuple[TeamLink, str]) -> None:
            _link, warning = result
            self._context.messages.say(warning)
            self._timer.start()
            self.sync_now()
            self.changed.emit()

        run_task(
            lambda: connect_library(db, dsn, team), connected, self._on_connect_failed,
            pool=self._pool, context=self,
        )  # fmt: skip

    def _on_connect_failed(self, error: BaseException) -> None:
        self.connect_failed.emit(self._context.messages.describe(error, self.tr("the team")))

    def disconnect_team(self) -> None:
        from reader.core.team.connection import disconnect_library

        db = self.database()
        if db is None:
            return
        self._timer.stop()
        disconnect_library(db)
        self.state_changed.emit("")
        self.changed.emit()

    @Slot(str)
    def _show_state(self, words: str) -> None:
        self.status_label.setText(words)
        self.status_label.setVisible(bool(words))

    def make_preferences_section(self) -> tuple[str, QWidget]:
        from reader.ui.team.section import TeamSection  # not for the first paint

        return self.tr("Team"), TeamSection(self)
