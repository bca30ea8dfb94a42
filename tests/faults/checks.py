"""What every fault test asserts: one sentence or success, a sound database, nothing lost."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.cli.running import reader, run_in_process
from tests.faults.conftest import SEEDED_NOTES, integrity

IMPORTED_ID = "younger-generation-leaders-network-ygln-2022"


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it: a process of its own, `--data-dir data`."""
    return reader("--data-dir", str(data), *args, cwd=data.parent)


def assert_success_or_sentence(result: subprocess.CompletedProcess[str]) -> bool:
    """True if the command succeeded; else it said why in a sentence or two, and no more."""
    if result.returncode == 0:
        return True
    assert result.returncode in (1, 2), result
    said = result.stderr
    if not said and result.stdout.startswith("refused "):  # import's report: file, then why
        said = result.stdout.split("\n", 1)[1]
    lines = said.strip().splitlines()
    assert 1 <= len(lines) <= 2, said
    assert "Traceback" not in said and "unexpected error" not in said, said
    assert all(line.rstrip().endswith((".", ".)")) for line in lines), said
    return False


def assert_nothing_lost(data: Path, notes: tuple[str, ...] = SEEDED_NOTES) -> None:
    """The database is sound and holds what was acknowledged: the imported statement and
    every note whose command succeeded."""
    assert integrity(data) == "ok"
    code, listed = run_in_process("--data-dir", str(data), "list", "--json")
    assert code == 0, listed
    assert IMPORTED_ID in {doc["id"] for doc in json.loads(listed)}
    code, shown = run_in_process("--data-dir", str(data), "notes", "list", "--json")
    assert code == 0, shown
    texts = [note["text"] for note in json.loads(shown)]
    assert all(texts.count(text) == 1 for text in notes), texts
