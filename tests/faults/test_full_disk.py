"""Every write path on a disk that fills up: each command succeeds or says why in a
sentence, search keeps answering, and once there is room again nothing acknowledged is
lost and the same command succeeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.faults.checks import (
    IMPORTED_ID,
    assert_nothing_lost,
    assert_success_or_sentence,
    run,
)
from tests.faults.conftest import SEEDED_NOTES, SEEDS, Disk

# Free space left when the command starts: none, a few pages, more than a small write needs.
LEAVE = [0, 32 * 1024, 160 * 1024]
NEW_NOTE = "written on a full disk"
SECOND = "02_deep-cuts-2021-strategic-stability-dialogue.txt"


def _ids(data: Path) -> set[str]:
    listed = run(data, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return {doc["id"] for doc in json.loads(listed.stdout)}


def _note_texts(data: Path) -> list[str]:
    listed = run(data, "notes", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return [note["text"] for note in json.loads(listed.stdout)]


def _searchable(data: Path) -> None:
    found = run(data, "search", "Minsk", "--json")
    assert assert_success_or_sentence(found) and len(json.loads(found.stdout)) >= 1, found


@pytest.mark.parametrize("leave", LEAVE)
def test_import(disk: Disk, data: Path, leave: int) -> None:
    disk.fill(leave)
    imported = assert_success_or_sentence(run(data, "import", str(SEEDS / "dev" / SECOND)))
    _searchable(data)
    disk.free()
    assert_nothing_lost(data)
    before = _ids(data)
    assert (len(before) == 4) == imported  # in the library if and only if it said so
    if not imported:
        assert assert_success_or_sentence(run(data, "import", str(SEEDS / "dev" / SECOND)))
        assert len(_ids(data)) == 4
    copies = sorted(p.name for p in (data / "documents").iterdir())
    assert len(copies) == 2, copies  # no copy left behind by the failed attempt


@pytest.mark.parametrize("leave", LEAVE)
def test_notes_add(disk: Disk, data: Path, leave: int) -> None:
    disk.fill(leave)
    add = ["notes", "add", IMPORTED_ID, "--quote", "Russia", "--note", NEW_NOTE]
    added = assert_success_or_sentence(run(data, *add))
    assert _note_texts(data).count(NEW_NOTE) == int(added)  # readable on the full disk too
    disk.free()
    assert_nothing_lost(data, SEEDED_NOTES + ((NEW_NOTE,) if added else ()))
    if not added:
        assert assert_success_or_sentence(run(data, *add))
        assert_nothing_lost(data, (*SEEDED_NOTES, NEW_NOTE))


@pytest.mark.parametrize("leave", LEAVE)
def test_index_rebuild(disk: Disk, data: Path, leave: int) -> None:
    disk.fill(leave)
    assert_success_or_sentence(run(data, "index", "--rebuild"))
    _searchable(data)  # the old index, or a temporary one
    disk.free()
    assert_nothing_lost(data)
    assert assert_success_or_sentence(run(data, "index"))
    _searchable(data)


@pytest.mark.parametrize("leave", LEAVE)
def test_notes_export(disk: Disk, data: Path, leave: int) -> None:
    target = disk.root / "notes.json"
    target.write_text("an earlier export")
    disk.fill(leave)
    exported = assert_success_or_sentence(
        run(data, "notes", "export", "--format", "json", "-o", str(target))
    )
    disk.free()
    if exported:
        assert len(json.loads(target.read_text())["first"]["items"]) == len(SEEDED_NOTES)
    else:
        assert target.read_text() == "an earlier export"  # whole or untouched, never half
    assert sorted(p.name for p in disk.root.iterdir()) == ["data", "notes.json"]
    assert_nothing_lost(data)


@pytest.mark.parametrize("leave", LEAVE)
def test_notes_import(disk: Disk, data: Path, leave: int, tmp_path: Path) -> None:
    exported = tmp_path / "theirs.json"
    other = tmp_path / "other"
    add = ["notes", "add", "ac-riac-2013-washington", "--quote", "Russia", "--note", NEW_NOTE]
    assert run(other, *add).returncode == 0
    assert run(other, "notes", "export", "--format", "json", "-o", str(exported)).returncode == 0
    disk.fill(leave)
    imported = assert_success_or_sentence(run(data, "notes", "import", str(exported)))
    disk.free()
    assert _note_texts(data).count(NEW_NOTE) == int(imported)  # all of the file, or none
    assert_nothing_lost(data)
