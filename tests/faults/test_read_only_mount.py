"""A data folder on a filesystem remounted read-only: everything that reads works, every
change is refused in a sentence, and once writable again nothing is lost."""

from __future__ import annotations

import json
from pathlib import Path

from tests.faults.checks import IMPORTED_ID, assert_nothing_lost, assert_success_or_sentence, run
from tests.faults.conftest import SEEDS, Disk

READS = [
    ("list",),
    ("show", IMPORTED_ID),
    ("search", "Minsk"),
    ("search", "strategic stability"),
    ("recommendations",),
    ("notes", "list"),
]
CHANGES = [
    ("import", str(SEEDS / "dev" / "03_easlg-2023-nuclear-fail-safe.txt")),
    ("notes", "add", IMPORTED_ID, "--quote", "Russia", "--note", "on a read-only disk"),
    ("remove", IMPORTED_ID),
    ("index", "--rebuild"),
]


def test_a_read_only_remount(disk: Disk, data: Path, tmp_path: Path) -> None:
    disk.read_only()
    for args in READS:
        result = run(data, *args)
        assert result.returncode == 0, (args, result.stderr)
        assert "Traceback" not in result.stderr, result.stderr
    exported = tmp_path / "notes.json"  # to another, writable disk
    result = run(data, "notes", "export", "--format", "json", "-o", str(exported))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(exported.read_text())["first"]["items"]) == 2
    for args in CHANGES:
        assert not assert_success_or_sentence(run(data, *args)), args
    disk.read_write()
    assert_nothing_lost(data)
    assert assert_success_or_sentence(run(data, *CHANGES[0]))
