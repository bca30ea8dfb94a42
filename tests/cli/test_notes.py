"""`statement-reader notes`: add, list, export, import, delete; a read-only folder; a
damaged database; and no note lost when the process writing it is killed."""

from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader import cli, paths
from reader.core import export, user_db
from reader.core.notes.store import NotesStore
from reader.core.user_db import FILE_NAME, UserDatabase
from tests.cli.running import run_in_process as run

ELBE = "elbe-group-2018-naples"
KILLS = 20


def add(*args: str) -> str:
    code, out = run("notes", "add", ELBE, *args)
    assert code == 0
    return out.strip()


def listed(*args: str) -> list[dict]:
    code, out = run("notes", "list", "--json", *args)
    assert code == 0
    return json.loads(out)


def test_add_prints_the_id_and_list_shows_the_note(isolated_user_folders: Path) -> None:
    note_id = add("--quote", "final   defeat\nof ISIS", "--note", "Why?", "--tag", "syria",
                  "--color", "Pink")  # fmt: skip
    [note] = listed()
    assert note["id"] == note_id and note["quote"] == "final defeat of ISIS"
    assert (note["color"], note["tags"], note["text"]) == ("pink", ["syria"], "Why?")
    assert note["anchoring"] == "in place" and note["candidate"] is None
    code, out = run("notes", "list")
    assert code == 0 and note_id in out and "“final defeat of ISIS”" in out


def test_occurrence_picks_the_nth_place_and_case_is_a_fallback(
    isolated_user_folders: Path,
) -> None:
    first = add("--quote", "cybersecurity")
    second = add("--quote", "cybersecurity", "--occurrence", "2")
    any_case = add("--quote", "CYBERSECURITY")
    notes = {n["id"]: n for n in listed("--doc", ELBE)}
    assert notes[first]["start"] < notes[second]["start"]
    assert notes[any_case]["quote"] == "Cybersecurity"  # as the text has it


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--quote", "words that are nowhere"], "is not in the document"),
        (["--quote", "final defeat of ISIS", "--occurrence", "9"], "occurs 1 time in"),
        (["--quote", "   "], "is not in the document"),
    ],
)
def test_a_bad_add_is_one_sentence_and_exit_code_2(
    isolated_user_folders: Path, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    assert run("notes", "add", ELBE, *args) == (2, "")
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1
    assert not isolated_user_folders.exists()  # nothing written, not even a database


def test_an_unknown_colour_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.parse(["notes", "add", ELBE, "--quote", "Syria", "--color", "red"])
    assert exited.value.code == 2 and "invalid choice: 'red'" in capsys.readouterr().err


def test_delete_removes_from_the_list_and_an_unknown_id_is_an_error(
    isolated_user_folders: Path,
) -> None:
    note_id = add("--quote", "Syria")
    assert run("notes", "delete", note_id) == (0, f"Note {note_id} deleted.\n")
    assert listed() == []
    assert run("notes", "delete", note_id)[0] == 2


def test_export_formats_and_filters(isolated_user_folders: Path, tmp_path: Path) -> None:
    add("--quote", "final defeat of ISIS", "--tag", "syria", "--note", "=SUM(A1)")
    add("--quote", "cybersecurity")
    for kind in ("md", "html", "csv", "json"):
        target = tmp_path / f"notes.{kind}"
        code, out = run("notes", "export", "--format", kind, "--tag", "syria", "-o", str(target))
        assert (code, out) == (0, f"1 note written to {target}\n")
    assert "On Syria, para." in (tmp_path / "notes.md").read_text(encoding="utf-8")
    assert (tmp_path / "notes.csv").read_bytes().startswith(b"\xef\xbb\xbfid,")
    assert ",'=SUM(A1)," in (tmp_path / "notes.csv").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "notes.json").read_text(encoding="utf-8"))["total"] == 1
    code, out = run("notes", "export", "--format", "md")
    assert code == 0 and out.count("\n> ") == 2


def test_an_export_that_cannot_be_written_keeps_the_older_file(
    isolated_user_folders: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    add("--quote", "final defeat of ISIS")
    target = tmp_path / "notes.md"
    assert run("notes", "export", "--format", "md", "-o", str(target))[0] == 0
    older = target.read_bytes()
    add("--quote", "cybersecurity")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.os, "fsync", disk_full)
    assert run("notes", "export", "--format", "md", "-o", str(target)) == (2, "")
    err = capsys.readouterr().err
    assert f"The file {target} cannot be written: No space left on device." in err
    assert target.read_bytes() == older
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".notes.md")] == []


def test_json_round_trip_into_an_empty_folder_and_twice_changes_nothing(
    isolated_user_folders: Path, tmp_path: Path
) -> None:
    add("--quote", "final defeat of ISIS", "--note", "# <script>x</script>", "--tag", "a")
    add("--quote", "cybersecurity", "--color", "purple")
    backup = tmp_path / "backup.json"
    run("notes", "export", "--format", "json", "-o", str(backup))
    before = listed()
    other = str(tmp_path / "elsewhere")
    code, out = run("--data-dir", other, "notes", "import", str(backup))
    assert code == 0 and out.startswith("Notes imported: 2 added, 0 updated, 2 unchanged"[:28])
    assert listed("--data-dir", other) == before
    code, out = run("--data-dir", other, "notes", "import", str(backup))
    assert out == "Notes imported: 0 added, 0 updated, 2 unchanged, 0 left deleted.\n"
    assert listed("--data-dir", other) == before


def test_a_file_that_is_not_annotation_json_is_refused(
    isolated_user_folders: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"items": []}', encoding="utf-8")
    assert run("notes", "import", str(bad))[0] == 2
    assert "is not a W3C Web Annotation collection" in capsys.readouterr().err


def test_a_read_only_folder_lists_and_exports_but_add_says_why_not(
    isolated_user_folders: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    note_id = add("--quote", "Syria")
    # chmod does not stop root (who runs CI): make every path look unwritable instead.
    monkeypatch.setattr(user_db.os, "access", lambda path, mode: mode != user_db.os.W_OK)
    assert [n["id"] for n in listed()] == [note_id]
    assert run("notes", "export", "--format", "md")[0] == 0
    code, out = run("notes", "add", ELBE, "--quote", "Syria")
    err = capsys.readouterr().err
    assert (code, out) == (1, "") and "The notes cannot be changed: the" in err
    assert "read-only" in err and err.count("\n") == 1


def test_a_damaged_database_is_moved_aside_and_the_documents_still_open(
    isolated_user_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    isolated_user_folders.mkdir(parents=True)
    garbage = b"this is not a database " * 100
    (isolated_user_folders / FILE_NAME).write_bytes(garbage)
    code, out = run("notes", "list")
    assert (code, out) == (0, "0 notes\n")
    [notice] = capsys.readouterr().err.splitlines()
    assert notice.startswith(f"The database {FILE_NAME} was damaged; it was moved aside to")
    [aside] = isolated_user_folders.glob(f"{FILE_NAME}.damaged-*")
    assert aside.read_bytes() == garbage  # never deleted or overwritten
    code, out = run("list")
    assert code == 0 and ELBE in out
    assert add("--quote", "Syria")


ADDER = """
import sys
from reader.__main__ import main

args = ["--data-dir", sys.argv[1], "notes", "add", "elbe-group-2018-naples", "--quote", "Syria"]
while main(args) == 0:
    pass
"""


def test_no_note_whose_add_returned_is_lost_when_the_process_is_killed(tmp_path: Path) -> None:
    """SIGKILL a process adding notes in a tight loop at random moments, KILLS times: every
    id it printed (so whose `notes add` returned) must be in a database that opens cleanly."""
    folder, printed, rng = tmp_path / "data", [], random.Random(6)
    began = time.monotonic()
    for _ in range(KILLS):
        printed += _ids_printed_before_kill(folder, rng.uniform(0.0, 0.25))
        assert time.monotonic() - began < 120, "the kill test is taking too long"
    db = UserDatabase.open(folder)
    try:
        assert db.notice == "" and db.query("PRAGMA integrity_check")[0][0] == "ok"
        saved = {n.id for n in NotesStore(db).list()}
    finally:
        db.close()
    assert len(printed) >= KILLS and set(printed) <= saved
    print(f"{KILLS} kills, {len(printed)} notes added, {len(set(printed) - saved)} lost")


def _ids_printed_before_kill(folder: Path, delay: float) -> list[str]:
    command = [sys.executable, "-u", "-c", ADDER, str(folder)]
    lines: list[bytes] = []
    first = threading.Event()
    with subprocess.Popen(command, stdout=subprocess.PIPE, env=dict(os.environ)) as process:
        reader = threading.Thread(target=_read_lines, args=(process, lines, first), daemon=True)
        reader.start()
        try:
            assert first.wait(60), "the adding process printed nothing"
            time.sleep(delay)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(10)
            reader.join(10)
    assert process.returncode == -signal.SIGKILL
    # A line cut short by the kill is not counted: its add returned, but we cannot read the id.
    return [line.decode().strip() for line in lines if line.endswith(b"\n")]


def _read_lines(
    process: subprocess.Popen[bytes], lines: list[bytes], first: threading.Event
) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)
        first.set()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_note_cannot_send_escape_sequences_to_the_terminal(isolated_user_folders: Path) -> None:
    """A note (say, imported from someone else's file) that would retitle the terminal."""
    add("--quote", "final defeat", "--note", "\x1b]0;pwned\x07 and \x1b[2J", "--tag", "\x9bx")
    parsed = cli.parse(["notes", "list"])
    out = _Terminal()
    assert cli.run(parsed, paths.resolve(None), out=out) == 0
    assert "\x1b" not in out.getvalue() and "\x9b" not in out.getvalue()
    assert "\\x1b]0;pwned\\x07 and \\x1b[2J" in out.getvalue()
    code, piped = run("notes", "list", "--json")  # not a terminal: the data as it is
    assert code == 0 and json.loads(piped)[0]["text"] == "\x1b]0;pwned\x07 and \x1b[2J"


def test_an_error_sentence_quotes_arguments_without_their_control_characters(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from reader.__main__ import main

    assert main(["show", "no-such\x1b]0;x\x07"]) == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "\x1b" not in err and "no-such\\x1b]0;x\\x07" in err


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_notes_import_refuses_what_is_not_a_regular_file_at_once(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = {"fifo": tmp_path / "notes.json", "device": Path("/dev/zero"), "folder": tmp_path}[
        kind
    ]
    if kind == "fifo":
        os.mkfifo(target)
    code, _ = run("notes", "import", str(target))  # a FIFO or /dev/zero used to hang
    assert code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and ("not a regular file" in err or "is a folder" in err)


def test_a_note_given_in_bytes_that_are_not_utf8_is_saved(isolated_user_folders: Path) -> None:
    """'--note' with the byte \\xff arrives as a lone surrogate, which SQLite refused."""
    broken = os.fsdecode(b"caf\xe9 talks")  # Latin-1 bytes on a UTF-8 system
    add("--quote", "final defeat", "--note", broken, "--tag", os.fsdecode(b"t\xff"))
    [note] = listed()
    assert note["text"] == "caf\ufffd talks" and note["tags"] == ["t\ufffd"]
