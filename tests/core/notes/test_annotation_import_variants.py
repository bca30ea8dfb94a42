"""Every W3C variant the model allows for text is read, and everything else is refused whole,
in one sentence, with nothing imported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.core.documents.document import Document
from reader.core.library.library import Library
from reader.core.notes.agents import Creator
from reader.core.notes.annotation_fields import AnnotationFormatError
from reader.core.notes.annotation_import import import_annotations
from reader.core.notes.store import NotesStore
from reader.core.notes.web_annotation import to_web_annotation
from reader.core.user_db import UserDatabase

DOC = "urn:statement-reader:doc:elbe-group-2018-naples"
ID = "urn:uuid:6f1e7a44-8c1e-4c33-9a1d-3f7c2b1a0e55"


@pytest.fixture
def store(tmp_path: Path) -> NotesStore:
    return NotesStore(UserDatabase.open(tmp_path / "data"))


def annotation(elbe: Document, **changes: Any) -> dict[str, Any]:
    start = elbe.text.index("final defeat of ISIS")
    item: dict[str, Any] = {
        "@context": "http://www.w3.org/ns/anno.jsonld", "id": ID, "type": "Annotation",
        "body": {"type": "TextualBody", "value": "a note"},
        "target": {"source": DOC, "selector": [
            {"type": "TextQuoteSelector", "exact": "final defeat of ISIS"},
            {"type": "TextPositionSelector", "start": start, "end": start + 20},
        ]},
    }  # fmt: skip
    item.update(changes)
    return item


def imported(store: NotesStore, library: Library, value: Any) -> list[Any]:
    import_annotations(store, json.dumps(value), library.by_id())
    return store.list()


def test_a_single_annotation(store: NotesStore, library: Library, elbe: Document) -> None:
    [note] = imported(store, library, annotation(elbe))
    assert (note.quote, note.text, note.doc_id) == ("final defeat of ISIS", "a note", elbe.id)


def test_an_annotation_page(store: NotesStore, library: Library, elbe: Document) -> None:
    page = {"type": "AnnotationPage", "items": [annotation(elbe)]}
    assert len(imported(store, library, page)) == 1


def test_a_collection_with_embedded_pages(
    store: NotesStore, library: Library, elbe: Document
) -> None:
    second = annotation(elbe, id="urn:uuid:6f1e7a44-8c1e-4c33-9a1d-3f7c2b1a0e56")
    collection = {"type": "AnnotationCollection", "first": {
        "type": "AnnotationPage", "items": [annotation(elbe)],
        "next": {"type": "AnnotationPage", "items": [second]},
    }}  # fmt: skip
    assert len(imported(store, library, collection)) == 2


def test_a_target_array_of_a_specific_resource(
    store: NotesStore, library: Library, elbe: Document
) -> None:
    target = dict(annotation(elbe)["target"], type="SpecificResource")
    [note] = imported(store, library, annotation(elbe, target=[target]))
    assert note.quote == "final defeat of ISIS"


def test_a_quote_only_selector_finds_its_place(
    store: NotesStore, library: Library, elbe: Document
) -> None:
    quote = {"type": "TextQuoteSelector", "exact": "final defeat of ISIS"}
    imported(store, library, annotation(elbe, target={"source": DOC, "selector": quote}))
    [placement] = store.for_document(elbe)
    assert not placement.detached
    assert elbe.text[placement.note.start : placement.note.end] == "final defeat of ISIS"


def test_a_position_only_selector_is_read_from_the_text(
    store: NotesStore, library: Library, elbe: Document
) -> None:
    position = {"type": "TextPositionSelector", "start": 0, "end": 12}
    [note] = imported(
        store, library, annotation(elbe, target={"source": DOC, "selector": position})
    )
    assert note.quote == elbe.text[:12] and note.suffix == elbe.text[12:44]
    assert not store.for_document(elbe)[0].detached


def test_link_bodies_are_kept_as_links_and_several_bodies_are_read(
    store: NotesStore, library: Library, elbe: Document
) -> None:
    bodies = [
        {"type": "TextualBody", "value": "first", "purpose": "commenting"},
        "https://example.org/a",
        {"id": "https://example.org/b", "type": "Text"},
        {"type": "TextualBody", "value": "syria", "purpose": "tagging"},
    ]
    [note] = imported(store, library, annotation(elbe, body=bodies))
    assert note.text == "first\n\n<https://example.org/a>\n\n<https://example.org/b>"
    assert note.tags == ("syria",)


def test_the_older_export_with_a_colour_body_still_imports(
    store: NotesStore, library: Library, elbe: Document
) -> None:
    old = annotation(elbe, body=[{"type": "TextualBody", "purpose": "highlighting",
                                  "value": "pink"}])  # fmt: skip
    old_collection = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "total": 1,
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": [old]},
    }
    [note] = imported(store, library, old_collection)
    assert (note.color, note.text) == ("pink", "")


def test_a_source_given_by_the_documents_web_address_is_that_document(
    store: NotesStore, library: Library, elbe: Document, ac_riac: Document
) -> None:
    quote = ac_riac.text[100:140]
    target = {"source": ac_riac.metadata.source_url,
              "selector": {"type": "TextQuoteSelector", "exact": quote}}  # fmt: skip
    [note] = imported(store, library, annotation(elbe, target=target))
    assert note.doc_id == ac_riac.id


@pytest.mark.parametrize(
    ("changes", "says"),
    [
        ({"target": DOC}, "targets a whole resource, not a passage of its text"),
        ({"target": {"source": DOC}}, "targets a whole resource"),
        ({"target": [{"source": DOC, "selector": {"type": "TextQuoteSelector", "exact": "x"}}] * 2},
         "has 2 targets"),
        ({"target": {"source": DOC, "selector": {"type": "FragmentSelector", "value": "xywh=1"}}},
         "selects its passage by FragmentSelector, not by quote or position"),
        ({"target": {"source": "http://elsewhere.example/page", "selector": {
            "type": "TextPositionSelector", "start": 0, "end": 5}}},
         "has only a TextPositionSelector, and its document is not in the library"),
        ({"target": {"source": DOC, "selector": {
            "type": "TextPositionSelector", "start": 0, "end": 10**9}}},
         "that is not a passage of elbe-group-2018-naples"),
        ({"body": {"type": "Choice", "items": []}}, "has Choice as a body"),
        ({"body": 5}, "has a body that is neither text nor a link"),
    ],
    ids=["iri-target", "no-selector", "two-targets", "fragment", "position-unknown-doc",
         "position-outside", "choice-body", "number-body"],
)  # fmt: skip
def test_anything_else_is_refused_whole_in_one_sentence(
    store: NotesStore, library: Library, elbe: Document, changes: dict[str, Any], says: str
) -> None:
    good = annotation(elbe, id="urn:uuid:6f1e7a44-8c1e-4c33-9a1d-3f7c2b1a0e57")
    page = {"type": "AnnotationPage", "items": [good, annotation(elbe, **changes)]}
    with pytest.raises(AnnotationFormatError, match=says) as caught:
        import_annotations(store, json.dumps(page), library.by_id())
    sentence = str(caught.value)
    assert sentence.startswith("The file cannot be imported: annotation 2 ")
    assert sentence.endswith(".") and sentence.count(". ") == 0
    assert store.all_including_tombstones() == []  # the good one is not half-imported


def test_a_collection_whose_page_is_a_link_is_refused(store: NotesStore, library: Library) -> None:
    linked = {"type": "AnnotationCollection", "first": "https://example.org/page1"}
    with pytest.raises(
        AnnotationFormatError, match="only a link .* reads nothing from the network"
    ):
        import_annotations(store, json.dumps(linked), library.by_id())


def test_w3c_round_trip_gives_the_same_notes_and_importing_twice_changes_nothing(
    store: NotesStore, library: Library, elbe: Document, tmp_path: Path
) -> None:
    store.add(elbe, 0, 12)
    store.add(elbe, 100, 140, "pink", "*why*", ["a", "b"])
    first = to_web_annotation(store.list(), library.by_id(), Creator("A"))
    fresh = NotesStore(UserDatabase.open(tmp_path / "fresh"))
    import_annotations(fresh, first, library.by_id())
    assert fresh.list() == store.list()
    assert to_web_annotation(fresh.list(), library.by_id(), Creator("A")) == first
    report = import_annotations(fresh, first, library.by_id())
    assert (report.added, report.updated, report.unchanged) == (0, 0, 2)
    assert fresh.all_including_tombstones() == store.list()
