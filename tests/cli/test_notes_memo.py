"""`statement-reader notes memo`, `notes export --creator` and Hypothesis files."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from tests.cli.running import run_in_process as run

ELBE = "elbe-group-2018-naples"


@pytest.fixture
def two_notes(isolated_user_folders: Path) -> None:
    assert run("notes", "add", ELBE, "--quote", "final defeat of ISIS", "--note", "Why?",
               "--tag", "syria", "--color", "pink")[0] == 0  # fmt: skip
    assert run("notes", "add", "ac-riac-2013-washington", "--quote", "arms control")[0] == 0


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx"])
def test_the_format_comes_from_the_file_name(two_notes: None, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"memo{suffix}"
    code, out = run("notes", "memo", "--tag", "syria", "--title", "Syria", "-o", str(target))
    assert code == 0 and out == f"A memo of 1 note written to {target}\n"
    if suffix == ".docx":
        text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    else:
        text = target.read_text(encoding="utf-8")
    assert "Syria" in text and "final defeat of ISIS" in text and "para. 27" in text


def test_grouped_by_topic_to_the_terminal(two_notes: None) -> None:
    code, out = run("notes", "memo", "--group-by", "topic")
    assert code == 0 and out.startswith("# Memo\n") and "## Middle East" in out


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["-o", "memo.txt"], "A memo is written as .md, .html or .docx, not .txt"),
        (["--format", "docx"], "A DOCX memo is a file: name it with -o FILE."),
        (["--topic", "nope"], "There is no topic with the id 'nope'"),
    ],
)
def test_a_bad_memo_request_is_one_sentence(
    two_notes: None, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    code, _ = run("notes", "memo", *args)
    assert code == 2 and says in capsys.readouterr().err


def test_export_names_the_creator_given(two_notes: None, tmp_path: Path) -> None:
    target = tmp_path / "notes.json"
    assert run("notes", "export", "--format", "json", "--creator", "Ann Reader",
               "-o", str(target))[0] == 0  # fmt: skip
    item = json.loads(target.read_text(encoding="utf-8"))["first"]["items"][0]
    assert item["creator"]["name"] == "Ann Reader" and "email" not in item["creator"]


def test_a_hypothesis_export_imports_back_without_duplicates(
    two_notes: None, tmp_path: Path
) -> None:
    target = tmp_path / "hypothesis.json"
    assert run("notes", "export", "--format", "hypothesis", "-o", str(target))[0] == 0
    assert "annotations" in json.loads(target.read_text(encoding="utf-8"))
    code, out = run("notes", "import", str(target))
    assert code == 0 and "0 added, 0 updated, 2 unchanged" in out
