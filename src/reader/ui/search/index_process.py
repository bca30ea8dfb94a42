"""A (re)index in a separate process: `statement-reader index --progress`, read line by line.

Indexing is pure Python and holds the GIL for as long as it runs; in another process it
cannot slow the window down, and it publishes its generation atomically when done.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QProcess, Signal, Slot

PROGRESS_PREFIX = "progress "
REPORT_PREFIX = "index "
STOP_WAIT_MS = 3000


class IndexProcess(QObject):
    """Runs one `index` command at a time.

    Signals:
        progress_reported(int, int): documents indexed so far, of how many.
        finished(str): the command's report ("rebuilt: it was damaged (error)", ...).
        failed(str): a sentence saying why the command did not finish.
    """

    progress_reported = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, command: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._command = command
        self._process: QProcess | None = None
        self._report = ""
        self._buffer = b""

    def is_running(self) -> bool:
        return self._process is not None

    def start(self, rebuild: bool = False) -> None:
        if self._process is not None:
            return
        self._report, self._buffer = "", b""
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.readyReadStandardOutput.connect(self._on_process_ready_read)
        process.finished.connect(self._on_process_finished)
        process.errorOccurred.connect(self._on_process_error_occurred)
        self._process = process
        arguments = self._command[1:] + (["--rebuild"] if rebuild else [])
        process.start(self._command[0], arguments)

    def stop(self) -> None:
        """Kill a running command (its half-built folder is cleared by the next build)."""
        process, self._process = self._process, None
        if process is not None:
            process.blockSignals(True)
            process.kill()
            process.waitForFinished(STOP_WAIT_MS)
            process.deleteLater()

    @Slot()
    def _on_process_ready_read(self) -> None:
        if self._process is not None:
            self._take_output(self._process)

    def _take_output(self, process: QProcess, final: bool = False) -> None:
        self._buffer += bytes(process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        if final:
            lines.append(self._buffer)
            self._buffer = b""
        for line in lines:
            self._read_line(line.decode("utf-8", "replace").strip())

    def _read_line(self, line: str) -> None:
        if line.startswith(PROGRESS_PREFIX):
            done, _, total = line.removeprefix(PROGRESS_PREFIX).partition("/")
            if done.isdigit() and total.isdigit():
                self.progress_reported.emit(int(done), int(total))
        elif line.startswith(REPORT_PREFIX):
            self._report = line.removeprefix(REPORT_PREFIX)

    @Slot(int, QProcess.ExitStatus)
    def _on_process_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        self._take_output(process, final=True)
        errors = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        process.deleteLater()
        if status == QProcess.ExitStatus.NormalExit and code == 0 and self._report:
            self.finished.emit(self._report)
        else:
            last = errors.strip().splitlines()[-1:] or [f"it ended with status {code}"]
            self.failed.emit(
                self.tr("The search index could not be built in the background: {why}").format(
                    why=last[0]
                )
            )

    @Slot(QProcess.ProcessError)
    def _on_process_error_occurred(self, error: QProcess.ProcessError) -> None:
        if error != QProcess.ProcessError.FailedToStart or self._process is None:
            return  # crashes and the like also end in finished(), which reports them
        process, self._process = self._process, None
        process.deleteLater()
        self.failed.emit(
            self.tr("The search index could not be built in the background: {why}.").format(
                why=process.errorString()
            )
        )
