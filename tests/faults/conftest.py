"""A small real filesystem for the fault-injection suite: a tmpfs we mount, fill up and
remount read-only (CI runs as root; elsewhere these tests are skipped with the reason)."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.running import run_in_process

DISK_BYTES = 4 * 1024 * 1024
SEEDED_NOTES = ("first note", "second note")
IMPORTED = "01_eln-ygln-2022-west-russia-crisis.txt"
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


class Disk:
    """A tmpfs at `root`: fill() it, free() it, make it read_only() or writable again."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._filler = root / "filler"

    def fill(self, leave: int = 0) -> None:
        """Fill the disk, leaving about `leave` bytes (whole pages) free."""
        block = b"\0" * (64 * 1024)
        descriptor = os.open(self._filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            while True:
                os.write(descriptor, block)  # unbuffered: nothing is left to fail on close
        except OSError as error:
            assert error.errno == errno.ENOSPC, error
        finally:
            os.close(descriptor)
        if leave:
            os.truncate(self._filler, max(0, self._filler.stat().st_size - leave))

    def free(self) -> None:
        self._filler.unlink(missing_ok=True)

    def read_only(self) -> None:
        _mount("-o", "remount,ro", self.root)

    def read_write(self) -> None:
        _mount("-o", "remount,rw", self.root)


def _mount(*args: str | Path) -> None:
    subprocess.run(["mount", *map(str, args)], check=True, capture_output=True)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    root = tmp_path / "disk"
    root.mkdir()
    try:
        _mount("-t", "tmpfs", "-o", f"size={DISK_BYTES},mode=0700", "tmpfs", root)
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"a tmpfs cannot be mounted here (needs root): {error}")
    try:
        yield Disk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], check=False, capture_output=True)


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder as a user leaves it: an imported statement, an index, two notes."""
    if not (SEEDS / "dev" / IMPORTED).is_file():
        pytest.skip(f"the development statements are not in {SEEDS} (../shared, beside the clone)")
    data = tmp_path_factory.mktemp("seeded") / "data"
    steps = [
        ("import", str(SEEDS / "dev" / IMPORTED)),
        ("index",),
        *(
            ("notes", "add", "elbe-group-2018-naples", "--quote", "Elbe Group", "--note", text)
            for text in SEEDED_NOTES
        ),
    ]
    for step in steps:
        code, output = run_in_process("--data-dir", str(data), *step)
        assert code == 0, (step, output)
    return data


@pytest.fixture
def data(disk: Disk, seeded: Path) -> Path:
    """The seeded data folder, copied onto the small disk."""
    target = disk.root / "data"
    shutil.copytree(seeded, target)
    return target


def integrity(data: Path) -> str:
    with sqlite3.connect(data / "library.sqlite") as connection:
        return ", ".join(row[0] for row in connection.execute("PRAGMA integrity_check"))
