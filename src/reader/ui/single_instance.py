"""One window per user and data folder: a second start hands its files to the running
window over a local socket and ends, instead of a second window writing the same data.

The running instance holds an advisory lock (flock) for as long as it lives. The kernel
drops it when the process dies, however it dies, so a socket file left by a killed
instance is known to be stale and is removed, never mistaken for a live window. The lock
is taken before the window is built, the socket opened after its first paint (QtNetwork
costs 10-20 ms to import); a start in between waits for it.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import time
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

# A running instance answers from its event loop; it may still be starting (building its
# window) when a second one connects, so the second waits this long for the answer.
ANSWER_TIMEOUT_MS = 10000
CONNECT_RETRY_S = 0.05
ACK = b"ok\n"
# A Unix socket's path holds at most 107 bytes (sun_path, NUL-ended); a deeper one falls back.
MAX_SOCKET_PATH = 107


class AlreadyRunning(Exception):
    """Another instance holds the data folder but did not take the request."""


def server_name(data_folder: Path) -> str:
    """The socket's path: private to the user (runtime folder, else /tmp with the uid)."""
    # zlib, not hashlib: hashlib maps OpenSSL's libcrypto, 3.7 MB of memory before the
    # first paint; two checksums make 64 bits, plenty to tell one user's folders apart.
    folder_bytes = str(data_folder.absolute()).encode()
    digest = f"{zlib.crc32(folder_bytes):08x}{zlib.adler32(folder_bytes):08x}"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    name = f"statement-reader-{os.getuid()}-{digest}"
    in_runtime = os.path.join(runtime, name)
    if runtime and os.path.isdir(runtime) and len(os.fsencode(in_runtime)) <= MAX_SOCKET_PATH:
        return in_runtime
    # Not tempfile.gettempdir(): it writes a probe file to choose, before the first paint.
    return os.path.join(os.environ.get("TMPDIR") or "/tmp", name)


class InstanceServer(QObject):
    """Listens for later starts; each one's files arrive as `files_received`.

    Signals:
        files_received(object): the list of Paths a later start asked to open (may be empty).
    """

    files_received = Signal(object)

    def __init__(self, name: str, lock_fd: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._lock_fd = lock_fd  # held open: the lock lasts as long as this process
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    @Slot()
    def start(self) -> None:
        """After the first paint: listen, or log why later starts will not reach us."""
        if not self.listen():
            assert self._server is not None
            log.warning("%s: %s", self._name, self._server.errorString())

    def listen(self) -> bool:
        """Open the socket (once); False if it cannot be, when later starts cannot reach us."""
        if self._server is None:
            from PySide6.QtNetwork import QLocalServer

            self._server = QLocalServer(self)
            self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            QLocalServer.removeServer(self._name)  # stale: its owner would still hold the lock
            self._server.listen(self._name)
            self._server.newConnection.connect(self._on_server_new_connection)
        return self._server.isListening()

    @Slot()
    def close(self) -> None:
        """Stop listening and let the next start be the first (the app is quitting)."""
        if self._server is not None:
            self._server.close()  # which removes the socket file
        if self._lock_fd >= 0:
            # Removed while still held, so no start can take a lock on a file that is gone
            # (one that opened it just before finds it taken, and waits for the socket).
            with contextlib.suppress(OSError):
                os.unlink(f"{self._name}.lock")
            os.close(self._lock_fd)
            self._lock_fd = -1

    @Slot()
    def _on_server_new_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        self._buffers[socket] = data
        if not data.endswith(b"\n"):
            return  # the rest of the request is still on its way
        socket.write(ACK)
        socket.flush()
        try:
            files = [Path(f) for f in json.loads(data)["files"]]
        except (ValueError, KeyError, TypeError):
            return  # not a request of ours: nothing to open, but the window still comes up
        finally:
            socket.disconnectFromServer()
        self.files_received.emit(files)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


def claim(data_folder: Path, parent: QObject | None = None) -> InstanceServer | None:
    """The server, if this is the first instance for `data_folder`; None if another runs."""
    name = server_name(data_folder)
    fd = os.open(f"{name}.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return InstanceServer(name, fd, parent)


def hand_over(data_folder: Path, files: list[Path]) -> None:
    """Give `files` to the running instance; AlreadyRunning if it does not take them."""
    from PySide6.QtNetwork import QLocalSocket

    name = server_name(data_folder)
    request = json.dumps({"files": [str(f.absolute()) for f in files]}).encode() + b"\n"
    socket = QLocalSocket()
    deadline = time.monotonic() + ANSWER_TIMEOUT_MS / 1000
    while True:  # the first instance may hold the lock but not listen yet
        socket.connectToServer(name)
        if socket.waitForConnected(1000):
            break
        if time.monotonic() > deadline:
            raise AlreadyRunning(socket.errorString())
        time.sleep(CONNECT_RETRY_S)
    socket.write(request)
    socket.waitForBytesWritten(1000)
    answer = b""
    while ACK not in answer and socket.waitForReadyRead(ANSWER_TIMEOUT_MS):
        answer += bytes(socket.readAll().data())
    if ACK not in answer:
        raise AlreadyRunning("it did not answer")
