"""The catalogue: imported documents recorded, copied in, renamed, edited and removed whole."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.documents.document import DatePrecision, Metadata
from reader.core.errors import UnknownDocumentError
from reader.core.importers import import_file, to_document
from reader.core.library import catalogue as catalogue_module
from reader.core.library.catalogue import (
    AlreadyInLibrary,
    Catalogue,
    CatalogueEntry,
    CatalogueError,
)
from reader.core.library.document_ids import new_id
from reader.core.library.library import Library
from reader.core.library.statement_record import document_from_json, statement_json
from reader.core.user_db import UserDatabase
from reader.resource_access import resource_folder

STATEMENT = "On Arms Control\n\nThe parties must resume talks at once.\n\nWe urge restraint.\n"


def _file(folder: Path, name: str, text: str = STATEMENT) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _added(catalogue: Catalogue, source: Path) -> CatalogueEntry:
    """`source` imported and added, as the import of one file does it."""
    return catalogue.add(import_file(source), source)


def test_add_copies_the_file_and_records_the_document(
    user_db: UserDatabase, tmp_path: Path
) -> None:
    source = _file(tmp_path / "in", "Talks.TXT")
    catalogue = Catalogue(user_db)
    entry = _added(catalogue, source)
    assert entry.copy == user_db.path.parent / "documents" / f"{entry.id}.txt"
    assert entry.copy.read_bytes() == source.read_bytes() and source.exists()
    assert (entry.file_name, entry.file_format, entry.size) == (
        "Talks.TXT",
        "text",
        source.stat().st_size,
    )
    [doc] = catalogue.documents()
    assert (doc.id, doc.kind) == (entry.id, "imported")
    assert "resume talks" in doc.text
    assert [p.name for p in entry.copy.parent.iterdir()] == [entry.copy.name]  # no temporary left


def test_the_same_content_twice_is_a_duplicate(user_db: UserDatabase, tmp_path: Path) -> None:
    first = _file(tmp_path / "a", "one.txt")
    second = _file(tmp_path / "b", "other-name.txt")
    catalogue = Catalogue(user_db)
    entry = _added(catalogue, first)
    with pytest.raises(AlreadyInLibrary) as raised:
        _added(catalogue, second)
    assert raised.value.doc_id == entry.id
    assert len(catalogue.entries()) == 1


def test_ids_come_from_the_title_and_never_clash() -> None:
    meta = Metadata("The West and Russia: a Crisis", date_start=dt.date(2022, 2, 15))
    assert new_id(meta, "x", ()) == "west-russia-crisis-2022"
    assert new_id(meta, "x", {"west-russia-crisis-2022"}) == "west-russia-crisis-2022-2"
    taken = {"west-russia-crisis-2022", "west-russia-crisis-2022-2"}
    assert new_id(meta, "x", taken) == "west-russia-crisis-2022-3"
    assert new_id(Metadata("Заявление"), "moscow_2020", ()) == "moscow-2020"
    assert new_id(Metadata("Заявление"), "Заявление", ()) == "document"


def test_a_failed_copy_leaves_no_row_and_no_file(
    user_db: UserDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _file(tmp_path / "in", "talks.txt")

    def half_copy(source: Path, target: Path) -> int:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.with_name(f".{target.name}.partial").write_bytes(b"half")
        raise CatalogueError("The disk is full.")

    monkeypatch.setattr(catalogue_module, "copy_atomically", half_copy)
    with pytest.raises(CatalogueError):
        _added(Catalogue(user_db), source)
    assert Catalogue(user_db).entries() == []
    # The partial file is half_copy's own leftover; the real copy never leaves one (below).
    assert not (user_db.path.parent / "documents" / "arms-control.txt").exists()


def test_a_failed_insert_removes_the_copy(
    user_db: UserDatabase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _file(tmp_path / "in", "talks.txt")

    def refuse(*args: object) -> None:
        raise CatalogueError("The database refused the row.")

    monkeypatch.setattr(catalogue_module, "_insert", refuse)
    with pytest.raises(CatalogueError):
        _added(Catalogue(user_db), source)
    assert Catalogue(user_db).entries() == []
    assert list((user_db.path.parent / "documents").iterdir()) == []


def test_copy_atomically_leaves_nothing_when_the_source_vanishes(tmp_path: Path) -> None:
    target = tmp_path / "documents" / "x.txt"
    with pytest.raises(CatalogueError, match="cannot be copied"):
        catalogue_module.copy_atomically(tmp_path / "missing.txt", target)
    assert list(target.parent.iterdir()) == []


def test_a_month_date_is_stored_and_read_back_as_a_month(
    user_db: UserDatabase, tmp_path: Path
) -> None:
    source = _file(tmp_path / "in", "valletta.txt", "Valletta, Malta: March 2017\n\n" + STATEMENT)
    entry = _added(Catalogue(user_db), source)
    [doc] = Catalogue(user_db).documents()
    meta = doc.metadata
    assert (meta.date_iso, meta.date_precision, meta.place) == (
        "2017-03",
        DatePrecision.MONTH,
        "Valletta, Malta",
    )
    assert (meta.title, entry.id) == ("On Arms Control", "arms-control-2017")
    stored = json.loads(user_db.query("SELECT statement FROM catalogue")[0]["statement"])
    assert (stored["metadata"]["date_start"], stored["metadata"]["date_end"]) == ("2017-03", "")


def test_a_record_stored_before_precisions_reads_as_days() -> None:
    old = {
        "format": 1,
        "id": "old",
        "metadata": {"title": "Old", "date_start": "2018-03-15", "date_end": "2018-03-16"},
        "blocks": [{"kind": "paragraph", "text": "We agree."}],
    }
    meta = document_from_json(json.dumps(old), "imported").metadata
    assert (meta.date_iso, meta.date_precision) == ("2018-03-15/2018-03-16", DatePrecision.DAY)
    again = json.loads(statement_json("old", meta, ()))["metadata"]
    assert (again["date_start"], again["date_end"]) == ("2018-03-15", "2018-03-16")


def test_an_untitled_text_gets_an_id_from_its_first_sentence(
    user_db: UserDatabase, tmp_path: Path
) -> None:
    text = "Nuclear-armed states must conduct fail-safe reviews now. We agree.\n"
    entry = _added(Catalogue(user_db), _file(tmp_path / "in", "03_easlg-2023-fail-safe.txt", text))
    assert entry.title == "Nuclear-armed states must conduct fail-safe reviews now"
    assert entry.id == "nuclear-armed-states-must-conduct"
    assert (
        new_id(Metadata("Russia–U.S. Relations\u00a0Today"), "x", ())
        == "russia-u-s-relations-today"
    )


def test_update_metadata_keeps_the_text(user_db: UserDatabase, tmp_path: Path) -> None:
    source = _file(tmp_path / "in", "talks.txt")
    catalogue = Catalogue(user_db)
    entry = _added(catalogue, source)
    before = catalogue.documents()[0]
    changed = replace(before.metadata, title="Talks in Geneva", place="Geneva")
    catalogue.update_metadata(entry.id, changed)
    [after] = catalogue.documents()
    assert (after.metadata.title, after.metadata.place, after.id) == (
        "Talks in Geneva",
        "Geneva",
        entry.id,
    )
    assert after.text == before.text
    with pytest.raises(UnknownDocumentError):
        catalogue.update_metadata("nothing", changed)
    with pytest.raises(CatalogueError, match="title"):
        catalogue.update_metadata(entry.id, replace(changed, title=" "))


def test_remove_deletes_row_and_copy_and_counts_what_refers_to_it(
    user_db: UserDatabase, tmp_path: Path
) -> None:
    source = _file(tmp_path / "in", "talks.txt")
    catalogue = Catalogue(user_db)
    entry = _added(catalogue, source)
    with user_db.transaction() as connection:
        connection.execute(
            "INSERT INTO recommendation_overrides VALUES (?, 0, 5, 'x', 'dismissed', '', 'now')",
            (entry.id,),
        )
    assert catalogue.attached_rows(entry.id) == {"recommendation_overrides": 1}
    assert catalogue.remove(entry.id) == entry
    assert catalogue.entries() == [] and not entry.copy.exists()
    assert catalogue.attached_rows(entry.id) == {"recommendation_overrides": 1}  # kept, detached
    with pytest.raises(UnknownDocumentError):
        catalogue.remove(entry.id)
    assert _added(catalogue, source).id == entry.id  # re-imported, same id


def test_library_lists_bundled_then_imported_in_import_order(
    user_db: UserDatabase, tmp_path: Path
) -> None:
    catalogue = Catalogue(user_db)
    for name, words in (("b.txt", "Second text."), ("a.txt", "First text.")):
        source = _file(tmp_path / "in", name, f"{name} heading\n\n{words}\n")
        _added(catalogue, source)
    library = Library.open(resource_folder(), user_db)
    kinds = [(doc.kind, doc.metadata.title) for doc in library]
    assert kinds[:2] == [("bundled", d.metadata.title) for d in Library.open(resource_folder())]
    assert [k for k, _ in kinds[2:]] == ["imported", "imported"]
    assert "Second text." in library.imported()[0].text


def test_copies_left_by_a_killed_import_are_cleared_by_the_next_one(
    user_db: UserDatabase, tmp_path: Path
) -> None:
    """Killed between its copy and its commit, an import left a copy no entry names."""
    kept = _added(Catalogue(user_db), _file(tmp_path / "in", "first.txt"))
    folder = kept.copy.parent
    orphan, partial = folder / "killed-import.txt", folder / ".killed-import.txt.partial"
    orphan.write_text("copied, never committed")
    partial.write_text("cut short while copying")
    other = STATEMENT.replace("We urge restraint.", "We urge patience.")
    second = _added(Catalogue(user_db), _file(tmp_path / "in", "second.txt", other))
    assert not orphan.exists() and not partial.exists()
    assert kept.copy.exists() and second.copy.exists()  # what an entry names is never touched


def test_a_stored_document_carries_its_imports_digest_of_the_text(
    user_db: UserDatabase, tmp_path: Path
) -> None:
    """The index tells an unchanged text by the digest the import stored, so it must be the
    text's own; and a document made from it with another text must not keep it."""
    catalogue = Catalogue(user_db)
    entry = _added(catalogue, _file(tmp_path / "in", "talks.txt"))
    [doc] = catalogue.documents()
    stored = user_db.query("SELECT content_hash FROM catalogue WHERE id = ?", (entry.id,))
    assert doc.text_sha256 == stored[0]["content_hash"] != ""
    assert doc.text_sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    assert catalogue.document(entry.id).text_sha256 == doc.text_sha256  # type: ignore[union-attr]
    edited = replace(doc, text=doc.text + " More.")
    assert edited.text_digest() == hashlib.sha256(edited.text.encode("utf-8")).hexdigest()


def test_a_just_imported_document_carries_the_digest_too(tmp_path: Path) -> None:
    imported = import_file(_file(tmp_path / "in", "talks.txt"))
    doc = to_document(imported, "talks")
    assert doc.text_sha256 == imported.content_hash
    assert doc.text_sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
