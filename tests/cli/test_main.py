"""The command line: `list` and `show` as a script sees them, errors as one sentence."""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__, cli, paths
from reader.__main__ import main
from reader.cli import main as cli_main
from reader.core.errors import DataFolderError
from tests.cli.running import fresh_python, reader, run_in_process

ELBE, AC_RIAC = "elbe-group-2018-naples", "ac-riac-2013-washington"


def test_list_json(tmp_path: Path) -> None:
    result = reader("list", "--json", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    listing = {entry["id"]: entry for entry in json.loads(result.stdout)}
    assert list(listing) == [ELBE, AC_RIAC]
    elbe, ac_riac = listing[ELBE], listing[AC_RIAC]
    assert (elbe["title"], elbe["date"], elbe["place"], elbe["kind"]) == (
        "Elbe Group Joint Statement",
        "2018-03-15/2018-03-16",
        "Naples, Italy",
        "bundled",
    )
    assert elbe["organizations"] == ["Elbe Group"]
    assert ac_riac["title"].startswith("Joint Statement by Ellen Tauscher and Igor Ivanov")
    assert (ac_riac["date"], ac_riac["place"], ac_riac["kind"]) == (
        "2013-04-08",
        "Washington, D.C.",
        "bundled",
    )
    assert ac_riac["organizations"] == ["Atlantic Council", "Russian International Affairs Council"]


def test_show_prints_the_text_that_the_json_offsets_index(tmp_path: Path) -> None:
    shown = reader("show", ELBE, cwd=tmp_path)
    detail = reader("show", ELBE, "--json", cwd=tmp_path)
    assert shown.returncode == detail.returncode == 0
    assert shown.stdout.endswith("\n")
    text = shown.stdout[:-1]
    as_json = json.loads(detail.stdout)
    assert as_json["text"] == text
    assert text.startswith("Elbe Group Joint Statement\n\nNaples, Italy")
    for sentence in as_json["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    for block in as_json["blocks"]:
        assert block["kind"] in {"heading", "paragraph", "list_item"}
        assert 0 <= block["start"] < block["end"] <= len(text)
    assert as_json["date"] == "2018-03-15/2018-03-16"


def test_version(tmp_path: Path) -> None:
    result = reader("--version", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, f"statement-reader {__version__}\n")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["show", "no-such-document"], "There is no document with the id 'no-such-document'"),
        (["frobnicate"], "frobnicate is neither a file nor a command"),
        (["show"], "DOC"),
        (["list", "--colour"], "Unrecognized arguments: --colour"),
        (["--data-dir"], "expected one argument"),
    ],
    ids=["unknown id", "unknown command", "missing DOC", "unknown option", "flag without value"],
)
def test_errors_are_one_sentence_and_exit_2(tmp_path: Path, args: list[str], words: str) -> None:
    result = reader(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n")
    assert result.stderr.startswith("statement-reader: ")
    assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_id_names_the_known_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_in_process("show", "elbe")
    assert (code, out) == (2, "")
    assert capsys.readouterr().err == (
        "statement-reader: There is no document with the id 'elbe' "
        f"(known ids: {ELBE}, {AC_RIAC}).\n"
    )


@pytest.mark.parametrize(
    "args",
    [["--data-dir", "{dir}", "list"], ["list", "--data-dir", "{dir}"]],
    ids=["before", "after"],
)
def test_data_dir_before_or_after_the_command(tmp_path: Path, args: list[str]) -> None:
    chosen = str(tmp_path / "portable")
    argv = [arg.format(dir=chosen) for arg in args]
    assert cli.parse(argv).data_dir == chosen
    assert paths.resolve(cli.parse(argv).data_dir).data == Path(chosen)
    assert main(argv) == 0


def test_list_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_in_process("list")
    assert code == 0
    assert out.splitlines() == [
        ELBE,
        "    Elbe Group Joint Statement",
        "    15-16 March 2018 · Naples, Italy · bundled",
        AC_RIAC,
        "    Joint Statement by Ellen Tauscher and Igor Ivanov as Co-Chairs of a Joint Steering "
        "Group of the Atlantic Council and the Russian International Affairs Council on "
        "Mutually Assured Stability",
        "    8 April 2013 · Washington, D.C. · bundled",
    ]
    assert capsys.readouterr().err == ""


def test_show_json_in_process() -> None:
    code, out = run_in_process("show", AC_RIAC, "--json")
    detail = json.loads(out)
    assert code == 0
    assert set(detail) >= {"id", "title", "date", "place", "organizations", "kind", "text"}
    assert [s["text"] for s in detail["sentences"]][:2] == [
        detail["title"] + ".",
        "Washington, 8 April 2013",
    ]


def test_commands_write_nothing(isolated_user_folders: Path, tmp_path: Path) -> None:
    before = sorted(tmp_path.rglob("*"))
    assert run_in_process("list", "--json")[0] == 0
    assert run_in_process("show", ELBE)[0] == 0
    assert sorted(tmp_path.rglob("*")) == before
    assert not isolated_user_folders.exists()


def test_a_broken_install_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli_main, "resource_folder", lambda: tmp_path / "nowhere")
    code, out = run_in_process("list")
    err = capsys.readouterr().err
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "reinstall the application" in err


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `statement-reader show ... | head -0`
    try:
        result = subprocess.run(
            [sys.executable, "-m", "reader", "show", ELBE, "--json"],
            cwd=tmp_path,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (0, "")


def test_data_folder_error_is_a_reader_error() -> None:
    assert issubclass(DataFolderError, cli_main.ReaderError)


def test_the_window_line_loads_no_command_module() -> None:
    """Start-up: opening the window must not wait for the commands' modules."""
    code = (
        "import sys; from reader import cli; cli.parse(['--data-dir', 'x', '--exit-after-paint']);"
        "print(sorted(m for m in sys.modules if m.startswith('reader.cli.')"
        " and m != 'reader.cli.main'))"
    )
    result = fresh_python("-c", code)
    assert result.stdout.strip() == "[]", result.stderr


def test_every_command_is_known_to_the_window_check() -> None:
    parser = cli_main.build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(commands.choices) == cli_main.COMMANDS


def test_a_bug_with_no_room_for_its_log_is_one_sentence_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "cache").write_text("a file where the cache folder should be")  # as a full disk
    monkeypatch.setattr(cli_main, "_print_list", lambda *_: {}["a bug"])
    assert main(["list", "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("\n") == 1
    assert "unexpected error occurred in the command, and its details could not be written" in err


def test_a_bug_is_one_sentence_and_its_traceback_goes_to_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli_main, "_print_list", lambda *_: {}["a bug"])
    assert main(["list", "--data-dir", str(tmp_path / "data")]) == 1
    err = capsys.readouterr().err
    log = tmp_path / "data" / "cache" / "statement-reader.log"
    sentence = f"An unexpected error occurred in the command; the details are in {log}."
    assert err == f"statement-reader: {sentence}\n"
    assert "KeyError: 'a bug'" in log.read_text()


def test_a_data_folder_named_in_bytes_that_are_not_utf8_is_that_very_folder(
    tmp_path: Path,
) -> None:
    folder = os.fsdecode(bytes(tmp_path) + b"/caf\xe9-data")
    assert cli.parse(["list", "--data-dir", folder]).data_dir == folder
    assert cli.parse(["notes", "add", "x", "--quote", os.fsdecode(b"q\xff")]).quote == "q\ufffd"


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["--exit-after-paint"],
        ["--data-dir", "/x", "a.txt"],
        ["--data-dir=/x"],
        ["a.txt", "--exit-after-paint"],
        ["--exit-after-paint", "a", "b", "--data-dir", "d"],
        ["--", "-weird", "list"],
        ["--data-dir", "d", "--data-dir", "e"],
    ],
)
def test_the_window_line_read_without_the_parser_is_read_as_the_parser_reads_it(
    words: list[str],
) -> None:
    fast = cli_main._plain_window_line(list(words))
    assert fast is not None
    assert vars(fast) == vars(cli_main.build_parser(with_commands=False).parse_args(words))


@pytest.mark.parametrize(
    "words",
    [["a", "--exit-after-paint", "b"], ["--data-dir"], ["list"], ["--help"], ["--exit"], ["-"]],
)
def test_anything_else_is_left_to_the_parser(words: list[str]) -> None:
    assert cli_main._plain_window_line(list(words)) is None
