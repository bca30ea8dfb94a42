"""W3C Web Annotation JSON: the export's shape, and import that never duplicates or
resurrects."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from reader.core.documents.document import Document
from reader.core.library.library import Library
from reader.core.notes.agents import Creator
from reader.core.notes.annotation_fields import AnnotationFormatError
from reader.core.notes.annotation_import import import_annotations
from reader.core.notes.note import Note
from reader.core.notes.store import NotesStore
from reader.core.notes.web_annotation import to_web_annotation
from reader.core.user_db import UserDatabase


def open_store(folder: Path) -> NotesStore:
    return NotesStore(UserDatabase.open(folder))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[NotesStore]:
    yield open_store(tmp_path / "first")


def added(store: NotesStore, doc: Document, quote: str, **fields: object) -> Note:
    start = doc.text.index(quote)
    return store.add(doc, start, start + len(quote), **fields)  # type: ignore[arg-type]


def content(note: Note) -> tuple[object, ...]:
    return (note.id, note.doc_id, note.start, note.end, note.quote, note.prefix, note.suffix,
            note.color, note.text, note.tags, note.created, note.modified)  # fmt: skip


def test_the_export_is_an_annotation_collection_with_both_selectors(
    store: NotesStore, elbe: Document, library: Library
) -> None:
    note = added(store, elbe, "final defeat of ISIS", color="pink", text="Why?", tags=["syria"])
    value = json.loads(to_web_annotation(store.list(), library.by_id(), Creator("Ann Reader")))
    assert value["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert value["type"] == "AnnotationCollection" and value["total"] == 1
    page = value["first"]
    assert value["last"] == page["id"] and page["partOf"]["id"] == value["id"] != page["id"]
    [item] = page["items"]
    assert item["id"] == f"urn:uuid:{note.id}" and item["type"] == "Annotation"
    target = item["target"]
    assert target["source"]["id"] == "urn:statement-reader:doc:elbe-group-2018-naples"
    assert target["source"]["language"] == "en" and target["styleClass"] == "pink"
    assert ".pink" in item["stylesheet"]["value"]
    quote, position = target["selector"]
    assert quote == {"type": "TextQuoteSelector", "exact": note.quote,
                     "prefix": note.prefix, "suffix": note.suffix}  # fmt: skip
    assert position == {"type": "TextPositionSelector", "start": note.start, "end": note.end}
    bodies = {(b["purpose"], b["value"], b["format"]) for b in item["body"]}
    assert bodies == {("commenting", "Why?", "text/markdown"), ("tagging", "syria", "text/plain")}
    assert (item["created"], item["modified"]) == (note.created, note.modified)
    assert item["creator"]["name"] == "Ann Reader" and "email" not in item["creator"]
    assert item["generator"]["name"].startswith("Statement Reader ")


def test_export_then_import_into_an_empty_folder_gives_the_same_notes(
    store: NotesStore, library: Library, tmp_path: Path
) -> None:
    elbe, ac = library.get("elbe-group-2018-naples"), library.get("ac-riac-2013-washington")
    added(store, elbe, "final defeat of ISIS", text="# <b>hostile</b> ](javascript:x)")
    added(store, ac, ac.block_text(2)[:40], color="purple", tags=["a", "b c"])
    exported = to_web_annotation(store.list())
    fresh = open_store(tmp_path / "second")
    report = import_annotations(fresh, exported, library.by_id())
    assert (report.added, report.updated, report.unchanged) == (2, 0, 0)
    assert [content(n) for n in fresh.list()] == [content(n) for n in store.list()]
    again = import_annotations(fresh, exported, library.by_id())
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert fresh.all_including_tombstones() == fresh.list()


def test_a_newer_copy_wins_and_an_older_one_does_not(
    store: NotesStore, elbe: Document, library: Library
) -> None:
    note = added(store, elbe, "final defeat of ISIS", text="old")
    older = to_web_annotation(store.list())
    store.update(note.id, text="new")
    newer = to_web_annotation(store.list())
    assert import_annotations(store, older, library.by_id()).unchanged == 1
    assert store.get(note.id).text == "new"  # type: ignore[union-attr]
    store.restore(note)  # back to "old", as a change made now
    assert import_annotations(store, newer, library.by_id()).unchanged == 1  # the undo is newer


def test_an_older_backup_does_not_resurrect_a_deleted_note(
    store: NotesStore, elbe: Document, library: Library
) -> None:
    note = added(store, elbe, "final defeat of ISIS")
    backup = to_web_annotation(store.list())
    store.delete(note.id)
    report = import_annotations(store, backup, library.by_id())
    assert report.kept_deleted == 1 and store.list() == []


def test_notes_on_documents_not_in_the_library_are_kept_and_reported(
    store: NotesStore, elbe: Document, library: Library, tmp_path: Path
) -> None:
    note = added(store, elbe, "final defeat of ISIS")
    foreign = replace(note, id="0b6f3c1e-64a5-4a53-9a0c-2bd1b1c2a001", doc_id="my-import")
    exported = to_web_annotation([note, foreign])
    fresh = open_store(tmp_path / "second")
    report = import_annotations(fresh, exported, library.by_id())
    assert report.added == 2 and report.unknown_documents == ("my-import",)
    assert "my-import" in str(report) and "kept as detached" in str(report)
    assert {n.doc_id for n in fresh.list()} == {"my-import", elbe.id}


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("not json {", "^The file is not Web Annotation JSON: it is not JSON at all"),
        ('{"hello": 1}', "^The file is not a W3C Web Annotation collection: it has no"),
        ("[1, 2]", "^The file is not a W3C Web Annotation collection: it has no"),
        (
            '{"type": "AnnotationCollection", "first": {"items": [{"type": "Annotation",'
            ' "id": "urn:uuid:x", "target": "http://example.com"}]}}',
            "^The file cannot be imported: annotation 1 targets a whole resource, not a",
        ),
    ],
)
def test_a_file_that_is_not_such_json_is_refused_in_one_sentence(
    store: NotesStore, library: Library, text: str, says: str
) -> None:
    with pytest.raises(AnnotationFormatError, match=says) as caught:
        import_annotations(store, text, library.by_id())
    assert str(caught.value).count(". ") == 0 and str(caught.value).endswith(".")
    assert store.all_including_tombstones() == []
