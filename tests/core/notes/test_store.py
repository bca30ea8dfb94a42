"""The notes store: every change saved at once, undoable, deletions kept as tombstones."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.documents.document import Document
from reader.core.notes.anchoring import Anchoring
from reader.core.notes.note import COLORS, NoteError
from reader.core.notes.store import NotesStore
from reader.core.user_db import DatabaseError, UserDatabase
from tests.core.statements import statement

TEXTS = (
    "We call on both sides to resume the dialogue on strategic stability.",
    "Cybersecurity deserves a channel of its own between the two governments.",
    "The sides should extend New START and talk about missile defense.",
)


def span(doc: Document, quote: str) -> tuple[int, int]:
    start = doc.text.index(quote)
    return start, start + len(quote)


@pytest.fixture
def store(user_db: UserDatabase) -> NotesStore:
    return NotesStore(user_db)


@pytest.fixture
def doc() -> Document:
    return statement(*TEXTS)


def test_add_saves_the_quote_with_its_context_at_once(
    store: NotesStore, doc: Document, tmp_path: Path
) -> None:
    note = store.add(doc, *span(doc, "New START"), "green", "Expires 2021.", ["arms", "Arms"])
    assert (note.quote, note.color, note.tags) == ("New START", "green", ("arms",))
    assert note.suffix == doc.text[note.end : note.end + 32]
    assert note.prefix == doc.text[note.start - 32 : note.start]
    assert note.created == note.modified and note.created.endswith("Z")
    other = UserDatabase.open(tmp_path / "data")  # another process sees it at once
    assert NotesStore(other).get(note.id) == note
    other.close()


def test_bad_colours_and_ranges_are_refused_in_a_sentence(store: NotesStore, doc: Document) -> None:
    with pytest.raises(NoteError, match="^There is no colour 'red'; choose one of yellow"):
        store.add(doc, 0, 5, "red")
    with pytest.raises(NoteError, match="is not a passage of the document"):
        store.add(doc, 10, 10)
    assert len(COLORS) >= 5


def test_update_returns_the_previous_version_for_undo(store: NotesStore, doc: Document) -> None:
    note = store.add(doc, *span(doc, "missile defense"))
    previous = store.update(note.id, text="Ask about Aegis.", tags=["bmd"], color="blue")
    assert previous == note
    changed = store.get(note.id)
    assert changed is not None and (changed.text, changed.tags, changed.color) == (
        "Ask about Aegis.", ("bmd",), "blue",
    )  # fmt: skip
    store.restore(previous)  # undo
    undone = store.get(note.id)
    assert undone is not None and (undone.text, undone.tags, undone.color) == ("", (), "yellow")
    store.restore(changed)  # redo
    assert store.get(note.id).text == "Ask about Aegis."  # type: ignore[union-attr]


def test_delete_leaves_a_tombstone_and_undo_brings_the_note_back(
    store: NotesStore, doc: Document
) -> None:
    note = store.add(doc, *span(doc, "Cybersecurity"))
    assert store.delete(note.id) == note
    assert store.get(note.id) is None and store.list() == []
    tombstone = store.get(note.id, include_deleted=True)
    assert tombstone is not None and tombstone.deleted and tombstone.modified >= note.modified
    assert store.all_including_tombstones() == [tombstone]
    with pytest.raises(NoteError, match="^There is no note with the id"):
        store.delete(note.id)
    store.restore(note)  # undo the delete
    assert store.list() == [store.get(note.id)]


def test_undo_of_add_is_a_delete_and_redo_a_restore(store: NotesStore, doc: Document) -> None:
    note = store.add(doc, *span(doc, "dialogue"))
    store.delete(note.id)
    assert store.list() == []
    store.restore(note)
    assert [n.id for n in store.list()] == [note.id]


def test_list_is_in_reading_order_and_filters(store: NotesStore, doc: Document) -> None:
    late = store.add(doc, *span(doc, "missile defense"), "pink", "", ["Arms"])
    early = store.add(doc, *span(doc, "dialogue"), "yellow", "Ask Ryabkov", ["talks"])
    other = statement("Another text about arms control.", doc_id="t")
    elsewhere = store.add(other, *span(other, "arms control"), "pink", "", ["arms"])
    assert [n.id for n in store.list()] == [early.id, late.id, elsewhere.id]
    assert [n.id for n in store.list(doc_id="s")] == [early.id, late.id]
    assert [n.id for n in store.list(color="pink")] == [late.id, elsewhere.id]
    assert [n.id for n in store.list(tag="ARMS")] == [late.id, elsewhere.id]
    assert [n.id for n in store.list(text="ryabkov")] == [early.id]
    assert store.tags() == ["Arms", "talks"]


def test_search_finds_words_in_text_tags_and_quote_in_any_case(
    store: NotesStore, doc: Document
) -> None:
    note = store.add(
        doc, *span(doc, "strategic stability"), text="Voir l'ÉTAT des lieux", tags=["P5"]
    )
    assert store.search("état p5") == [note]
    assert store.search("STRATEGIC") == [note]
    assert store.search("état missing") == []
    assert store.search("   ") == []
    store.delete(note.id)
    assert store.search("strategic") == []


def test_for_document_saves_moved_notes_and_keeps_detached_ones(
    store: NotesStore, doc: Document
) -> None:
    kept = store.add(doc, *span(doc, "New START"))
    lost = store.add(doc, *span(doc, "Cybersecurity deserves a channel"))
    edited = statement("A new opening paragraph.", TEXTS[0], TEXTS[2], doc_id="s")
    placed = {p.note.id: p for p in store.for_document(edited)}
    assert placed[kept.id].anchoring is Anchoring.MOVED
    assert edited.text[placed[kept.id].note.start :].startswith("New START")
    assert store.get(kept.id) == placed[kept.id].note  # saved at the new place
    assert placed[kept.id].note.modified == kept.modified  # not a change the user made
    assert placed[lost.id].detached and store.get(lost.id) == lost  # kept as it was
    start, end = span(edited, "A new opening")
    assert store.reattach(lost.id, edited, start, end) == lost
    assert store.get(lost.id).quote == "A new opening"  # type: ignore[union-attr]
    assert not any(p.detached for p in store.for_document(edited))


def test_a_read_only_database_refuses_changes_in_a_sentence(tmp_path: Path, doc: Document) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = NotesStore(UserDatabase.open(blocker / "data"))
    assert store.read_only
    with pytest.raises(DatabaseError, match="^The change cannot be saved: the folder"):
        store.add(doc, 0, 5)
    assert store.list() == []


def test_notes_found_at_a_new_place_are_saved_there_in_one_transaction(
    user_db: UserDatabase, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = statement(*TEXTS)
    store = NotesStore(user_db)
    for text in TEXTS:
        store.add(doc, doc.text.index(text), doc.text.index(text) + 12, "yellow")
    moved = statement("A new opening paragraph.", *TEXTS)
    transactions: list[int] = []
    real = user_db.transaction

    def counted():  # type: ignore[no-untyped-def]
        transactions.append(1)
        return real()

    monkeypatch.setattr(user_db, "transaction", counted)
    placed = store.for_document(moved)
    assert len(transactions) == 1  # not one a note: that took 30 s after a large import
    assert [p.note.start for p in placed] == [moved.text.index(t) for t in TEXTS]
    monkeypatch.undo()
    assert [n.start for n in NotesStore(user_db).list(doc.id)] == [
        moved.text.index(t) for t in TEXTS
    ]
