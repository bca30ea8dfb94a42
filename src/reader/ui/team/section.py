"""Preferences → Team: the server, the team, connect or disconnect, sync now.

The password has a field of its own, shown as dots, and goes to the core's password file;
the server field keeps no password (reader.core.team.connection).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import SignalInstance, Slot
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

if TYPE_CHECKING:
    from reader.core.team.connection import TeamLink


class Team(Protocol):
    """What the section needs of the team's controller (controller.TeamController)."""

    @property
    def changed(self) -> SignalInstance: ...
    @property
    def state_changed(self) -> SignalInstance: ...
    @property
    def connect_failed(self) -> SignalInstance: ...
    def link(self) -> TeamLink | None: ...
    def sync_now(self) -> None: ...
    def connect_team(self, dsn: str, team: str) -> None: ...
    def disconnect_team(self) -> None: ...


class TeamSection(QWidget):
    def __init__(self, controller: Team) -> None:
        super().__init__()
        self.setObjectName("team_section")
        self._controller = controller
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("postgresql://role@host/database?sslmode=verify-full")
        self.server_edit.setAccessibleName(self.tr("Team server"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.team_edit = QLineEdit()
        self.team_edit.setAccessibleName(self.tr("Team"))
        self.connect_button = QPushButton(self.tr("Connect"))
        self.disconnect_button = QPushButton(self.tr("Disconnect"))
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.state = QLabel()
        self.state.setWordWrap(True)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Se&rver:"), self.server_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)
        form.addRow(self.tr("T&eam:"), self.team_edit)
        buttons = QHBoxLayout()
        for button in (self.connect_button, self.disconnect_button, self.sync_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow("", self.state)
        self.connect_button.clicked.connect(self._on_connect_button_clicked)
        self.disconnect_button.clicked.connect(self._on_disconnect_button_clicked)
        self.sync_button.clicked.connect(controller.sync_now)
        controller.changed.connect(self.refresh)
        controller.state_changed.connect(self._on_state_changed)
        controller.connect_failed.connect(self.state.setText)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        link = self._controller.link()
        connected = link is not None
        if link is not None:
            self.server_edit.setText(link.dsn)
            self.team_edit.setText(link.team)
            self.state.setText(self.tr("Connected as %1.").replace("%1", link.role))
        else:
            self.state.setText(self.tr("Not connected: the library stays on this computer."))
        self.password_edit.clear()
        for widget in (self.server_edit, self.password_edit, self.team_edit, self.connect_button):
            widget.setEnabled(not connected)
        self.disconnect_button.setEnabled(connected)
        self.sync_button.setEnabled(connected)

    @Slot()
    def _on_connect_button_clicked(self) -> None:
        dsn, team = self.server_edit.text().strip(), self.team_edit.text().strip()
        if not dsn or not team:
            self.state.setText(self.tr("Give the server and the team."))
            return
        password = self.password_edit.text()
        if password:
            dsn = (
                f"{dsn} password='{_quoted(password)}'"
                if "://" not in dsn
                else _with(dsn, password)
            )
        self.state.setText(self.tr("Connecting…"))
        self._controller.connect_team(dsn, team)

    @Slot()
    def _on_disconnect_button_clicked(self) -> None:
        self._controller.disconnect_team()

    @Slot(str)
    def _on_state_changed(self, words: str) -> None:
        if words and self._controller.link() is not None:
            self.state.setText(words)


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "\\'")


def _with(uri: str, password: str) -> str:
    """The URI with the password as a query parameter, which libpq takes over the user's."""
    from urllib.parse import quote

    joiner = "&" if "?" in uri else "?"
    return f"{uri}{joiner}password={quote(password, safe='')}"
