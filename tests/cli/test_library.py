"""`import` and `remove` from a terminal; imported documents seen by every reading command."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from reader.cli import library as cli_library
from reader.core import user_db
from reader.core.library import catalogue as catalogue_module
from reader.core.library.catalogue import CatalogueError
from reader.core.user_db import UserDatabase
from tests.cli.running import reader, run_in_process

ELN = "01_eln-ygln-2022-west-russia-crisis.txt"


def _import(*args: str, cwd: Path) -> tuple[int, list[dict[str, str | None]]]:
    result = reader("import", "--json", *args, cwd=cwd)
    assert result.stderr == ""
    return result.returncode, json.loads(result.stdout)


@pytest.fixture
def dev_files(seeds_dir: Path) -> list[str]:
    return sorted(str(p) for p in (seeds_dir / "dev").glob("*.txt"))


def test_the_raw_seeds_one_a_duplicate_one_new(seeds_dir: Path, tmp_path: Path) -> None:
    """The AC-RIAC capture lays out into the bundled text exactly; the Elbe capture does not
    (the bundled title corrects "Join Statement"), so it is a document of its own."""
    code, results = _import(
        str(seeds_dir / "ac-riac-2013-washington.txt"),
        str(seeds_dir / "elbe-group-2018-naples.txt"),
        cwd=tmp_path,
    )
    assert code == 0
    assert [(r["status"], r["id"]) for r in results] == [
        ("duplicate", "ac-riac-2013-washington"),
        ("imported", "elbe-group-join-2018"),
    ]
    assert set(results[0]) == {"file", "status", "id", "title", "reason"}


def test_dev_statements_are_listed_shown_searched_and_recommend(
    dev_files: list[str], tmp_path: Path
) -> None:
    code, results = _import(*dev_files, cwd=tmp_path)
    assert code == 0 and {r["status"] for r in results} == {"imported"}
    eln = next(r["id"] for r in results if r["file"].endswith(ELN))
    listing = json.loads(reader("list", "--json", cwd=tmp_path).stdout)
    assert [e["kind"] for e in listing] == ["bundled"] * 2 + ["imported"] * len(dev_files)
    assert [e["id"] for e in listing[2:]] == [r["id"] for r in results]
    shown = json.loads(reader("show", eln, "--json", cwd=tmp_path).stdout)
    assert "Younger Generation Leaders Network" in shown["title"] and shown["blocks"]
    hits = json.loads(reader("search", '"strategic risk reduction"', "--json", cwd=tmp_path).stdout)
    assert eln in {hit["doc_id"] for hit in hits}
    recs = json.loads(reader("recommendations", "--doc", eln, "--json", cwd=tmp_path).stdout)
    assert any("therefore urge" in rec["cue"] for rec in recs)


def test_importing_twice_gives_duplicates(dev_files: list[str], tmp_path: Path) -> None:
    _, first = _import(dev_files[0], cwd=tmp_path)
    code, again = _import(dev_files[0], cwd=tmp_path)
    assert code == 0
    assert (again[0]["status"], again[0]["id"]) == ("duplicate", first[0]["id"])
    assert again[0]["reason"] and "already in the library" in again[0]["reason"]


def test_hostile_files_are_refused_each_with_a_sentence(
    dev_files: list[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with (bad / "huge.txt").open("wb") as huge:
        huge.truncate(50 * 1024 * 1024)  # sparse: 50 MB that take no disk
    (bad / "letter.docx").write_bytes(b"PK\x03\x04 not really")
    (bad / "gone.txt").symlink_to(bad / "nowhere.txt")
    hostile = sorted(str(p) for p in bad.iterdir())
    code, results = _import(hostile[0], dev_files[0], *hostile[1:], dev_files[1], cwd=tmp_path)
    assert code == 1
    statuses = {Path(str(r["file"])).name: r["status"] for r in results}
    assert [statuses[Path(f).name] for f in dev_files[:2]] == ["imported", "imported"]
    refused = [r for r in results if r["status"] == "refused"]
    assert len(refused) == 5
    for result in refused:
        reason = str(result["reason"])
        assert reason.endswith(".") and "\n" not in reason and "Traceback" not in reason
        assert Path(str(result["file"])).name in reason
    assert len(list((tmp_path / "data" / "documents").iterdir())) == 2


def test_max_size_option_and_environment(dev_files: list[str], tmp_path: Path) -> None:
    code, results = _import("--max-size", "0.001", dev_files[0], cwd=tmp_path)
    assert code == 1 and "limit" in str(results[0]["reason"])
    assert cli_library.max_megabytes({"STATEMENT_READER_MAX_IMPORT_MB": "5"}) == 5.0
    with pytest.raises(CatalogueError, match="STATEMENT_READER_MAX_IMPORT_MB"):
        cli_library.max_megabytes({"STATEMENT_READER_MAX_IMPORT_MB": "lots"})
    assert reader("import", "--max-size", "-3", dev_files[0], cwd=tmp_path).returncode == 2
    assert reader("import", cwd=tmp_path).returncode == 2


def test_remove(dev_files: list[str], tmp_path: Path) -> None:
    _, [result] = _import(dev_files[0], cwd=tmp_path)
    removed = reader("remove", str(result["id"]), cwd=tmp_path)
    assert removed.returncode == 0 and f"Removed {result['id']}" in removed.stdout
    assert not list((tmp_path / "data" / "documents").iterdir())
    listing = json.loads(reader("list", "--json", cwd=tmp_path).stdout)
    assert [e["kind"] for e in listing] == ["bundled", "bundled"]
    bundled = reader("remove", "elbe-group-2018-naples", cwd=tmp_path)
    assert bundled.returncode == 2
    assert bundled.stderr.strip().endswith(
        "is bundled with Statement Reader and cannot be removed."
    )
    assert reader("remove", "nothing-here", cwd=tmp_path).returncode == 2


def test_remove_tells_how_many_choices_it_leaves_detached(
    dev_files: list[str], tmp_path: Path
) -> None:
    _, [result] = _import(dev_files[0], cwd=tmp_path)
    db = user_db.UserDatabase.open(tmp_path / "data")
    with db.transaction() as connection:
        connection.execute(
            "INSERT INTO recommendation_overrides VALUES (?, 0, 5, 'x', 'dismissed', '', 'now')",
            (result["id"],),
        )
    db.close()
    removed = reader("remove", str(result["id"]), cwd=tmp_path)
    assert "It had 1 recommendation choice; it is kept, detached, and comes back" in removed.stdout


def test_a_read_only_data_folder_says_why(
    dev_files: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").mkdir()
    monkeypatch.setattr(user_db.os, "access", lambda path, mode: mode != os.W_OK)
    code, out = run_in_process("import", dev_files[0])
    assert code == 2 and out == ""
    assert not (tmp_path / "data" / "documents").exists()


def test_a_failure_mid_import_leaves_nothing(
    dev_files: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_copy(source: Path, target: Path) -> int:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)  # the copy lands, then the step fails
        raise CatalogueError(f"{source.name} cannot be copied: simulated failure.")

    monkeypatch.setattr(catalogue_module, "copy_atomically", failing_copy)
    code, out = run_in_process("import", "--json", dev_files[0])
    assert code == 1 and json.loads(out)[0]["status"] == "refused"
    assert list((tmp_path / "data" / "documents").iterdir()) == []
    listing = json.loads(run_in_process("list", "--json")[1])
    assert len(listing) == 2


@pytest.mark.parametrize("limit", ["inf", "1e400", "-inf", "nan"])
def test_a_limit_that_is_no_number_of_bytes_is_one_sentence(
    limit: str, dev_files: list[str], tmp_path: Path
) -> None:
    refused = reader("import", "--max-size", limit, dev_files[0], cwd=tmp_path)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert refused.stderr.count("\n") == 1 and "--max-size" in refused.stderr
    with pytest.raises(CatalogueError, match="must be a number of megabytes above 0"):
        cli_library.max_megabytes({"STATEMENT_READER_MAX_IMPORT_MB": limit})


def test_a_damaged_catalogue_row_is_logged_not_printed(
    dev_files: list[str], tmp_path: Path
) -> None:
    """No traceback on the terminal for every command: it goes to the log file."""
    _, [result] = _import(dev_files[0], cwd=tmp_path)
    db = UserDatabase.open(tmp_path / "data")
    with db.transaction() as connection:
        connection.execute("UPDATE catalogue SET statement = '{not json'")
    db.close()
    listed = reader("list", "--data-dir", str(tmp_path / "data"), cwd=tmp_path)
    assert listed.returncode == 0 and "Traceback" not in listed.stderr
    assert str(result["id"]) not in listed.stdout  # left out, the bundled ones still listed
    log = (tmp_path / "data" / "cache" / "statement-reader.log").read_text()
    assert f"The catalogue entry {result['id']} is damaged" in log and "Traceback" in log


def test_a_database_that_is_a_folder_still_lists_the_bundled_statements(tmp_path: Path) -> None:
    (tmp_path / "data" / "library.sqlite").mkdir(parents=True)
    listed = reader("list", "--json", "--data-dir", str(tmp_path / "data"), cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert [e["kind"] for e in json.loads(listed.stdout)] == ["bundled", "bundled"]
    assert (
        listed.stderr.count("\n") == 1 and "Only the bundled statements are shown." in listed.stderr
    )


def test_a_file_name_that_is_not_utf8_is_imported_under_a_readable_name(
    dev_files: list[str], tmp_path: Path
) -> None:
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9-statement.txt"))
    shutil.copyfile(dev_files[0], odd)
    code, [result] = _import(str(odd), cwd=tmp_path)
    assert code == 0 and result["status"] == "imported"
    assert str(result["file"]).endswith("caf\ufffd-statement.txt")


def test_a_month_or_a_year_is_listed_at_its_precision(tmp_path: Path) -> None:
    texts = {
        "valletta.txt": "Valletta, Malta: March 2017\n\nOn Migration\n\nWe call for a plan.\n",
        "moscow.txt": "(Moscow, 2016)\n\nOn Arms Control\n\nWe call for talks.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, _ = _import(*(str(tmp_path / name) for name in texts), cwd=tmp_path)
    assert code == 0
    listing = json.loads(reader("list", "--json", cwd=tmp_path).stdout)
    dated = {e["title"]: (e["date"], e["place"]) for e in listing if e["kind"] == "imported"}
    assert dated == {
        "On Migration": ("2017-03", "Valletta, Malta"),
        "On Arms Control": ("2016", "Moscow"),
    }
    plain = reader("list", cwd=tmp_path).stdout
    assert "March 2017 · Valletta, Malta · imported" in plain and "2016 · Moscow" in plain
