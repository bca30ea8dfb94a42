"""Whatever a notes file holds, importing it gives notes or one refusal sentence."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.library.library import Library
from reader.core.notes.annotation_fields import AnnotationFormatError
from reader.core.notes.web_annotation_parse import parse_annotations

DOC = "urn:statement-reader:doc:elbe-group-2018-naples"


def _annotation(**changes: object) -> dict[str, object]:
    item: dict[str, object] = {
        "id": "urn:uuid:6f1e7a44-8c1e-4c33-9a1d-3f7c2b1a0e55",
        "type": "Annotation",
        "created": "2024-01-02T03:04:05Z",
        "body": [{"type": "TextualBody", "value": "a note", "purpose": "commenting"}],
        "target": {
            "source": DOC,
            "selector": [
                {"type": "TextQuoteSelector", "exact": "Minsk"},
                {"type": "TextPositionSelector", "start": 10, "end": 15},
            ],
        },
    }
    item.update(changes)
    return item


def _collection(*items: object) -> str:
    return json.dumps(
        {"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": list(items)}}
    )


def test_a_well_formed_note_is_read() -> None:
    (note,) = parse_annotations(_collection(_annotation()))
    assert (note.quote, note.start, note.end, note.text) == ("Minsk", 10, 15, "a note")


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,  # RecursionError in json
        _collection(_annotation(type=5)),  # TypeError on iterating the type
        _collection(
            _annotation(
                target={
                    "source": DOC,
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": "Minsk"},
                        {"type": "TextPositionSelector", "start": 10**20, "end": 10**20 + 5},
                    ],
                }
            )
        ),  # OverflowError in SQLite
        _collection(_annotation(created="9999-12-31T23:59:59-23:59")),  # overflows in UTC
    ],
    ids=["deep", "type-5", "offset-1e20", "time-overflow"],
)
def test_hostile_files_are_refused_in_a_sentence(text: str) -> None:
    with pytest.raises(AnnotationFormatError, match=r"^The file "):
        parse_annotations(text)


def test_a_lone_surrogate_becomes_a_replacement_character() -> None:
    text = _collection(_annotation(body=[{"value": "half \ud800 a pair", "purpose": "tagging"}]))
    assert "\\ud800" in text  # json.dumps writes it escaped, as a hostile file would
    (note,) = parse_annotations(text)
    assert note.tags == ("half \ufffd a pair",)
    note.text.encode("utf-8")  # storable


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
_KEYS = st.sampled_from(["id", "type", "created", "modified", "body", "bodyValue", "target"])


@settings(max_examples=300, deadline=None)
@given(changes=st.dictionaries(_KEYS, _JSON, max_size=4))
def test_any_value_in_any_field_gives_notes_or_a_refusal(changes: dict[str, object]) -> None:
    try:
        notes = parse_annotations(_collection(_annotation(**changes)))
    except AnnotationFormatError as error:
        assert str(error).startswith("The file ")
        return
    for note in notes:
        for field in (note.id, note.doc_id, note.quote, note.text, *note.tags):
            field.encode("utf-8")
        assert 0 <= note.start <= note.end < 2**62


_TARGET_KEYS = st.sampled_from(["source", "selector", "styleClass", "type"])


@settings(max_examples=200, deadline=None)
@given(changes=st.dictionaries(_TARGET_KEYS, _JSON, max_size=3))
def test_any_target_checked_against_the_library_gives_notes_or_a_refusal(
    library: Library, changes: dict[str, object]
) -> None:
    """With the library at hand, position-only selectors are read from the text: that path
    too gives notes or one sentence, whatever the target holds."""
    target = {"source": DOC, "selector": {"type": "TextPositionSelector", "start": 0, "end": 9}}
    target.update(changes)
    try:
        parse_annotations(_collection(_annotation(target=target)), library.by_id())
    except AnnotationFormatError as error:
        assert str(error).startswith("The file ")
