"""The Hypothesis client's export file, both ways."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.documents.document import Document
from reader.core.library.library import Library
from reader.core.notes.agents import Creator
from reader.core.notes.annotation_fields import AnnotationFormatError
from reader.core.notes.annotation_import import import_annotations, read_notes
from reader.core.notes.hypothesis import to_hypothesis
from reader.core.notes.store import NotesStore
from reader.core.notes.web_annotation import to_web_annotation
from reader.core.user_db import UserDatabase


@pytest.fixture
def store(tmp_path: Path) -> NotesStore:
    return NotesStore(UserDatabase.open(tmp_path / "data"))


def h_annotation(**changes: Any) -> dict[str, Any]:
    """One annotation as the client exports it (RangeSelector and all)."""
    item: dict[str, Any] = {
        "id": "Qm9xV2h5SGVyZTIy", "created": "2024-03-01T10:00:00.000000+00:00",
        "updated": "2024-03-02T10:00:00.000000+00:00", "user": "acct:someone@hypothes.is",
        "uri": "https://russiancouncil.ru/en/news/joint-statement-by-ellen-tauscher-and-igor-ivanov",
        "text": "Worth *quoting*.", "tags": ["arms control"], "group": "__world__",
        "target": [{"source": "https://russiancouncil.ru/en/news/x", "selector": [
            {"type": "RangeSelector", "startContainer": "/div[1]/p[2]", "startOffset": 0,
             "endContainer": "/div[1]/p[2]", "endOffset": 12},
            {"type": "TextPositionSelector", "start": 5000, "end": 5012},
            {"type": "TextQuoteSelector", "exact": "arms control", "prefix": "", "suffix": ""},
        ]}],
        "document": {"title": ["Joint statement by Ellen Tauscher and Igor Ivanov"]},
    }  # fmt: skip
    item.update(changes)
    return item


def h_file(*items: dict[str, Any]) -> str:
    return json.dumps({"export_date": "2024-03-03T00:00:00Z", "export_userid": "acct:x@h",
                       "client_version": "1.1", "annotations": list(items)})  # fmt: skip


def test_the_export_is_the_clients_format(store: NotesStore, library: Library) -> None:
    ac = library.get("ac-riac-2013-washington")
    note = store.add(ac, 0, 20, "pink", "a *note*", ["t"])
    value = json.loads(to_hypothesis(store.list(), library.by_id(), Creator("Ann")))
    assert set(value) == {"export_date", "export_userid", "client_version", "annotations"}
    [item] = value["annotations"]
    assert item["uri"] == ac.metadata.source_url and isinstance(item["target"], list)
    assert item["target"][0]["source"] == item["uri"]
    assert item["document"] == {"title": [ac.metadata.display_title]}
    assert (item["text"], item["tags"], item["id"]) == ("a *note*", ["t"], note.id)
    kinds = [s["type"] for s in item["target"][0]["selector"]]
    assert kinds == ["TextPositionSelector", "TextQuoteSelector"]


def test_a_hypothesis_file_is_matched_by_address_and_imported_once(
    store: NotesStore, library: Library, ac_riac: Document
) -> None:
    report = import_annotations(store, h_file(h_annotation()), library.by_id())
    [note] = store.list()
    assert note.doc_id == ac_riac.id and report.added == 1  # the address, trailing slash aside
    assert (note.text, note.tags, note.quote) == ("Worth *quoting*.", ("arms control",),
                                                  "arms control")  # fmt: skip
    again = import_annotations(store, h_file(h_annotation()), library.by_id())
    assert (again.added, again.unchanged) == (0, 1)


def test_a_document_is_matched_by_title_else_kept_detached_and_named(
    store: NotesStore, library: Library, elbe: Document
) -> None:
    by_title = h_annotation(
        id="a1", uri="https://elsewhere.example/elbe", document={"title": [elbe.metadata.title]}
    )
    unknown = h_annotation(id="a2", uri="https://elsewhere.example/other",
                           document={"title": ["Some Other Statement"]})  # fmt: skip
    report = import_annotations(store, h_file(by_title, unknown), library.by_id())
    assert {n.doc_id for n in store.list()} == {elbe.id, "https://elsewhere.example/other"}
    assert "“Some Other Statement”" in str(report) and "kept as detached" in str(report)


def test_hypothesis_round_trip_gives_the_same_notes(
    store: NotesStore, library: Library, tmp_path: Path
) -> None:
    import_annotations(store, h_file(h_annotation()), library.by_id())
    exported = to_hypothesis(store.list(), library.by_id(), Creator("A"), "2024-01-01T00:00:00Z")
    fresh = NotesStore(UserDatabase.open(tmp_path / "fresh"))
    import_annotations(fresh, exported, library.by_id())
    assert fresh.list() == store.list()
    assert (
        to_hypothesis(fresh.list(), library.by_id(), Creator("A"), "2024-01-01T00:00:00Z")
        == exported
    )


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"references": ["abc"]}, "is a reply to another annotation"),
        ({"target": [{"source": "https://x.example"}]}, "is a page note"),
        ({"target": {"source": "x"}}, "has no target array of one passage"),
        ({"tags": "one"}, "has tags that are not a list"),
    ],
)
def test_what_a_note_cannot_hold_refuses_the_whole_file(
    store: NotesStore, library: Library, changes: dict[str, Any], says: str
) -> None:
    with pytest.raises(AnnotationFormatError, match=says):
        import_annotations(store, h_file(h_annotation(id="ok"), h_annotation(**changes)),
                           library.by_id())  # fmt: skip
    assert store.all_including_tombstones() == []


def test_a_detached_note_keeps_its_pages_address_in_every_export(
    store: NotesStore, library: Library
) -> None:
    elsewhere = h_annotation(uri="https://elsewhere.example/p", document={"title": ["Other"]})
    import_annotations(store, h_file(elsewhere), library.by_id())
    [item] = json.loads(to_hypothesis(store.list(), library.by_id(), Creator("A")))["annotations"]
    assert item["uri"] == "https://elsewhere.example/p"
    exported = to_web_annotation(store.list(), library.by_id(), Creator("A"))
    source = json.loads(exported)["first"]["items"][0]["target"]["source"]
    assert source["id"] == "https://elsewhere.example/p"
    assert import_annotations(store, exported, library.by_id()).unchanged == 1


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
_KEYS = st.sampled_from(["id", "uri", "text", "tags", "target", "document", "created",
                         "updated", "references"])  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(changes=st.dictionaries(_KEYS, _JSON, max_size=3))
def test_any_value_in_any_field_gives_notes_or_one_sentence(
    library: Library, changes: dict[str, Any]
) -> None:
    try:
        notes, _ = read_notes(h_file(h_annotation(**changes)), library.by_id())
    except AnnotationFormatError as error:
        assert str(error).startswith("The file ") and str(error).endswith(".")
        return
    for note in notes:
        for field in (note.id, note.doc_id, note.quote, note.text, *note.tags):
            field.encode("utf-8")
