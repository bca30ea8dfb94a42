"""Each write-side call of a command fails in turn (ENOSPC, EIO, EACCES): the command ends
with a sentence or succeeds, never with another exception; the database stays sound,
nothing acknowledged is lost, and the same command then succeeds."""

from __future__ import annotations

import gc
import json
import shutil
import warnings
from pathlib import Path

import pytest

from tests.cli.running import run_in_process
from tests.faults.checks import IMPORTED_ID, assert_nothing_lost
from tests.faults.conftest import SEEDS, integrity
from tests.faults.injection import ERRNOS, Faults, injected

MAX_POINTS = 24  # of a command's write-side calls, spread evenly, to keep the suite quick

COMMANDS = {
    "import": ("import", str(SEEDS / "dev" / "02_deep-cuts-2021-strategic-stability-dialogue.txt")),
    "rebuild": ("index", "--rebuild"),
    "export": ("notes", "export", "--format", "html", "-o", "{out}/notes.html"),
    "remove": ("remove", IMPORTED_ID),
}


def _args(name: str, out: Path) -> list[str]:
    return [arg.replace("{out}", str(out)) for arg in COMMANDS[name]]


def _fresh(seeded: Path, where: Path) -> Path:
    shutil.rmtree(where, ignore_errors=True)
    shutil.copytree(seeded, where)
    return where


def _points(count: int) -> list[int]:
    step = max(1, count / MAX_POINTS)
    return sorted({int(i * step) for i in range(min(count, MAX_POINTS))})


# Whoosh leaves a failed segment's files for the garbage collector to close (a few
# descriptors per failure, soon freed); their warnings are not this test's subject.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_write_fails_in_turn(
    name: str,
    seeded: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data, out = tmp_path / "data", tmp_path / "out"
    out.mkdir()
    args = ["--data-dir", str(data), *_args(name, out)]
    _fresh(seeded, data)
    with injected(monkeypatch, Faults()) as counting:
        code, _ = run_in_process(*args)
    assert code == 0, capsys.readouterr().err
    assert counting.calls, "the command made no write-side call to fail"

    for number, point in enumerate(_points(len(counting.calls))):
        _fresh(seeded, data)
        shutil.rmtree(out)
        out.mkdir()
        faults = Faults(point, ERRNOS[number % len(ERRNOS)])
        capsys.readouterr()
        with injected(monkeypatch, faults):
            code, output = run_in_process(*args)  # an exception but a sentence fails the test
        said = capsys.readouterr().err or output  # import reports a refusal on stdout
        _close_what_whoosh_left_open()
        where = f"{name}: {faults.calls[point]} failed"
        assert code in (0, 1, 2), where
        if code:
            assert said.strip() and "Traceback" not in said, (where, said)
        _assert_done_or_not(name, data, out, done=code == 0, where=where)
        if name == "remove" and code == 0:
            continue  # done despite the fault (it was not needed): nothing to do again
        code, _ = run_in_process(*args)
        assert code == 0, (where, "then without the fault:", capsys.readouterr().err)


def _close_what_whoosh_left_open() -> None:
    """Now, so that no warning of theirs lands on a later test."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


def _assert_done_or_not(name: str, data: Path, out: Path, done: bool, where: str) -> None:
    """What the command did is all there if it said it succeeded, and none of it if not."""
    if name == "remove":
        assert integrity(data) == "ok", where
        code, listed = run_in_process("--data-dir", str(data), "list", "--json")
        assert (IMPORTED_ID not in {d["id"] for d in json.loads(listed)}) == done, where
        return
    assert_nothing_lost(data)
    if name == "export":
        leftovers = sorted(p.name for p in out.iterdir())
        assert leftovers == (["notes.html"] if done else []), (where, leftovers)
    elif name == "import":
        code, listed = run_in_process("--data-dir", str(data), "list", "--json")
        assert (len(json.loads(listed)) == 4) == done, where
