"""`statement-reader recommendations` and `topics`: JSON, filters, exports, the user's choices."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from reader import cli
from reader.core.library.library import Library
from reader.core.recommendations.overrides import RecommendationOverrides, SentenceKey
from reader.core.user_db import UserDatabase
from reader.resource_access import resource_folder
from tests.cli.running import run_in_process as run

ELBE, AC_RIAC = "elbe-group-2018-naples", "ac-riac-2013-washington"
KEYS = {
    "doc_id",
    "sentence",
    "start",
    "end",
    "topic",
    "topics",
    "topic_label",
    "section",
    "cue",
    "cue_start",
    "cue_end",
    "confidence",
    "source",
}


def as_json(*args: str) -> list[dict]:
    code, out = run("recommendations", "--json", *args)
    assert code == 0
    return json.loads(out)


def test_json_lists_every_recommendation_with_exactly_its_keys(
    isolated_user_folders: Path,
) -> None:
    recs = as_json()
    assert len(recs) == 16 and all(set(r) == KEYS for r in recs)
    library = Library.open(resource_folder())
    for rec in recs:
        text = library.get(rec["doc_id"]).text  # the text `show DOC` prints
        assert text[rec["start"] : rec["end"]] == rec["sentence"]
        assert rec["topic"] == rec["topics"][0] and rec["source"] == "extracted"
        assert 0 < rec["confidence"] <= 1
    assert not isolated_user_folders.exists()  # reading never creates the database


def test_filters_by_document_and_topic(isolated_user_folders: Path) -> None:
    assert {r["doc_id"] for r in as_json("--doc", AC_RIAC)} == {AC_RIAC}
    cyber = as_json("--topic", "cybersecurity")
    assert [r["topic"] for r in cyber] == ["us-russia-relations", "cybersecurity", "cybersecurity"]
    assert as_json("--doc", AC_RIAC, "--topic", "cybersecurity") == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--doc", "nope"], "There is no document with the id 'nope'"),
        (["--topic", "space"], "There is no topic with the id 'space'"),
    ],
)
def test_unknown_ids_are_one_sentence_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run("recommendations", *args) == (2, "")
    err = capsys.readouterr().err
    assert err.startswith(f"statement-reader: {message}") and err.count("\n") == 1


def test_json_and_format_together_are_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.parse(["recommendations", "--json", "--format", "md"])
    assert exit_.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_plain_listing_groups_by_topic(isolated_user_folders: Path) -> None:
    code, out = run("recommendations", "--doc", ELBE, "--topic", "ukraine")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Ukraine [ukraine] (2)"
    assert lines[1].startswith(f"  {ELBE} · On Ukraine  [") and "cue: is unacceptable" in lines[1]
    assert lines[-1] == "2 recommendations"


def test_markdown_and_csv_to_a_file(tmp_path: Path) -> None:
    md, csv_file = tmp_path / "recs.md", tmp_path / "recs.csv"
    assert run("recommendations", "--format", "md", "-o", str(md)) == (
        0,
        f"16 recommendations written to {md}\n",
    )
    assert md.read_text(encoding="utf-8").startswith("# Recommendations\n\n## Strategic")
    assert run("recommendations", "--format", "csv", "--doc", AC_RIAC, "-o", str(csv_file))[0] == 0
    with csv_file.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == 3 and {row["doc_id"] for row in rows} == {AC_RIAC}


def test_an_unwritable_output_file_is_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing-folder" / "recs.md"
    assert run("recommendations", "--format", "md", "-o", str(target))[0] == 2
    assert f"The file {target} cannot be written: No such file or directory." in (
        capsys.readouterr().err
    )


def test_the_users_choices_are_applied(isolated_user_folders: Path) -> None:
    library = Library.open(resource_folder())
    first = as_json()[0]
    db = UserDatabase.open(isolated_user_folders)
    store = RecommendationOverrides(db)
    store.dismiss(SentenceKey(ELBE, first["start"], first["end"], first["sentence"]))
    ac = library.get(AC_RIAC)
    start = ac.text.index("We are committed")
    store.mark(SentenceKey.of(ac, start, ac.text.index(".", start) + 1), ["us-russia-relations"])
    db.close()
    recs = as_json()
    assert first["sentence"] not in [r["sentence"] for r in recs]
    (mine,) = [r for r in recs if r["source"] == "user"]
    assert (mine["start"], mine["topic"], mine["cue"]) == (start, "us-russia-relations", "")


def test_topics_json_counts_per_topic_and_document(isolated_user_folders: Path) -> None:
    code, out = run("topics", "--json")
    assert code == 0
    topics = {t["id"]: t for t in json.loads(out)}
    assert topics["cybersecurity"]["label"] == "Cybersecurity"
    assert (topics["cybersecurity"]["count"], topics["cybersecurity"]["primary"]) == (3, 2)
    assert topics["cybersecurity"]["documents"] == {ELBE: 3, AC_RIAC: 0}
    assert "cyber*" in topics["cybersecurity"]["cues"]
    assert topics["other"]["count"] == 0


def test_topics_plain(isolated_user_folders: Path) -> None:
    code, out = run("topics")
    assert code == 0
    assert any(
        line.startswith("cybersecurity") and f"({ELBE} 3)" in line for line in out.splitlines()
    )
