"""Starts the window: display check, palette, settings, error reporting, first-paint timing."""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import APP_ID, APP_NAME, ICON_SIZES, __version__, paths
from reader.core.errors import ReaderError, describe_failure
from reader.log_setup import log_to_file
from reader.resource_access import resource_folder, resource_path

from reader.ui import language, settings, single_instance, theme

if TYPE_CHECKING:  # imported once this start is known to be the first (see run_gui)
    from reader.ui.main_window import MainWindow
    from reader.ui.open_files import FileOpener

log = logging.getLogger(__name__)

SIGNAL_POLL_MS = 300

NO_DISPLAY = (
    "Statement Reader needs a graphical display and found none (DISPLAY and WAYLAND_DISPLAY "
    "are not set): start it from a desktop session, under xvfb-run, or with "
    "QT_QPA_PLATFORM=offscreen; the commands 'statement-reader list' and 'show' work without one."
)


def display_problem(
    environ: Mapping[str, str] = os.environ, platform: str = sys.platform
) -> str | None:
    """A sentence saying why no window can open here, or None (Qt would otherwise abort)."""
    if not platform.startswith("linux"):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith(("xcb", "wayland")):
        return None  # offscreen, minimal, vnc, eglfs ... need no display server
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY


def run_gui(
    folders: paths.Folders, files: Sequence[Path] = (), exit_after_paint: bool = False
) -> int:
    """The window, showing `files` (imported first if need be); or, if a window is open on
    the same data folder already, `files` handed to it."""
    started = time.perf_counter()
    problem = display_problem()
    if problem:
        sys.stderr.write(problem + "\n")
        return 1
    log_to_file(folders)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    instance = single_instance.claim(folders.data, app)
    if instance is None:
        return _hand_over(folders, files)  # before the window's modules: a quick hand-over
    return _open_window(app, folders, instance, files, started, exit_after_paint)


def _open_window(
    app: QApplication,
    folders: paths.Folders,
    instance: single_instance.InstanceServer,
    files: Sequence[Path],
    started: float,
    exit_after_paint: bool,
) -> int:
    from reader.core.library.library import Library

    from reader.ui.main_window import MainWindow
    from reader.ui.messages import STAY
    from reader.ui.search.index_service import IndexService, index_command

    app.aboutToQuit.connect(instance.close)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(_app_icon())
    app.setStyle(theme.ReaderStyle())  # Fusion, with a focus ring that can be seen
    try:
        library = Library.open(resource_folder())
    except ReaderError as error:
        from PySide6.QtWidgets import QMessageBox  # only when the window cannot open

        QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    user_settings, settings_problem = _open_settings(folders)
    theme.apply_at_start(app, user_settings.get(settings.THEME))
    language.install(app, language.chosen(user_settings.get(settings.LANGUAGE)))
    index_service = IndexService(
        folders.index, list(library), index_command(folders), folders.log_file
    )
    window = MainWindow(
        library, user_settings, index_service, folders.data, folders.log_file, staged=True
    )
    app.aboutToQuit.connect(index_service.shutdown)
    # The user's database (SQLite) and its catalogue are read once the window has painted;
    # the index (and Whoosh, ~90 ms to import) opens with the first search.
    window.start_after_first_paint()
    if settings_problem:
        window.messages.say(settings_problem, STAY)
    sys.excepthook = _report_unexpected(window, folders)
    if exit_after_paint:
        _exit_after_first_paint(window, started)
    _close_on_termination(window)
    window.when_complete(lambda: serve_file_requests(window, instance, files))
    window.show()
    return app.exec()


def _hand_over(folders: paths.Folders, files: Sequence[Path]) -> int:
    try:
        single_instance.hand_over(folders.data, list(files))
    except single_instance.AlreadyRunning as why:
        sys.stderr.write(
            f"{APP_NAME} is already running on {folders.data}, but it did not take the "
            f"request ({why}); close that window, or give another --data-dir.\n"
        )
        return 1
    return 0


def serve_file_requests(
    window: MainWindow, instance: single_instance.InstanceServer, files: Sequence[Path]
) -> FileOpener:
    """The files on our own command line, then those of each later start, which also
    brings the window to the front. Called once the window is complete, which for the app
    is after its first paint: later starts are listened for from then on."""
    from reader.ui.open_files import FileOpener

    opener = FileOpener(window.library, window.notes, window.reading, window.messages, window)
    instance.files_received.connect(opener.open)
    instance.files_received.connect(lambda _: bring_to_front(window))
    instance.start()
    opener.open(files)
    return opener


def bring_to_front(window: MainWindow) -> None:
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def _app_icon() -> QIcon:
    """The icon theme's, as installed by the package or --install-desktop; else our own."""
    bundled = QIcon()
    for size in ICON_SIZES:  # with its size given, each file is read only when drawn
        bundled.addFile(str(resource_path(f"icon-{size}.png")), QSize(size, size))
    return QIcon.fromTheme(APP_ID, bundled)


def _close_on_termination(window: MainWindow) -> None:
    """SIGTERM and Ctrl+C close the window properly, so its state is saved."""
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: window.close())
    # WORKAROUND: Python runs signal handlers only between bytecodes, never inside Qt's
    # event loop, so a timer hands control back to the interpreter now and then.
    wake = QTimer(window, interval=SIGNAL_POLL_MS)
    wake.timeout.connect(lambda: None)
    wake.start()


def _open_settings(folders: paths.Folders) -> tuple[settings.Settings, str]:
    """Settings, and a sentence if they cannot be kept (the app still opens read-only)."""
    try:
        return settings.Settings(paths.ensure(folders.config) / "settings.ini"), ""
    except ReaderError as error:
        log.warning("%s", error)
        kept_nowhere = settings.Settings(folders.config / "settings.ini")
        return kept_nowhere, f"{error} Settings will not be kept."


def _exit_after_first_paint(window: MainWindow, started: float) -> None:
    """Diagnostic: print the time to the reader's first paint, then quit."""
    watcher = _FirstPaint(window, started)
    window.reader.viewport().installEventFilter(watcher)


class _FirstPaint(QObject):
    def __init__(self, window: MainWindow, started: float) -> None:
        super().__init__(window)
        self._started = started
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            print(f"first paint after {time.perf_counter() - self._started:.3f} s", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def _report_unexpected(window: MainWindow, folders: paths.Folders) -> ExceptHook:
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        from PySide6.QtWidgets import QMessageBox  # the class is not needed to start

        what = QCoreApplication.translate("Failure", "the window", "what failed")
        sentence = describe_failure(error.with_traceback(trace), what, folders.log_file)
        if isinstance(error, ReaderError):
            QMessageBox.warning(window, APP_NAME, sentence)
        else:
            QMessageBox.critical(window, APP_NAME, sentence)

    return hook
