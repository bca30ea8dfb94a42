"""Notes find their place again when the text changes: exact, then approximate, else detached."""

from __future__ import annotations

import time

from reader.core.documents.document import Document
from reader.core.notes.anchoring import SCORE_THRESHOLD, Anchoring, place
from reader.core.notes.note import Note, quote_at

TEXT = (
    "The sides agree that the risk of an accidental war is growing. "
    "They recommend a hotline between the military staffs, used at least once a month. "
    "The sides also believe that a hotline is no substitute for trust."
)


def note_on(text: str, quote: str, occurrence: int = 0) -> Note:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    q, prefix, suffix = quote_at(text, start, start + len(quote))
    return Note("n", "d", start, start + len(quote), q, prefix, suffix)


def test_an_unchanged_text_leaves_the_note_in_place() -> None:
    note = note_on(TEXT, "a hotline between the military staffs")
    assert place(note, TEXT).anchoring is Anchoring.IN_PLACE
    assert place(note, TEXT).note == note


def test_a_word_inserted_before_moves_the_note_with_its_quote() -> None:
    note = note_on(TEXT, "a hotline between the military staffs")
    edited = TEXT.replace("accidental war", "accidental nuclear war")
    placed = place(note, edited)
    assert placed.anchoring is Anchoring.MOVED
    assert edited[placed.note.start : placed.note.end] == note.quote
    assert placed.note.start == note.start + len("nuclear ")


def test_of_two_exact_quotes_the_one_in_its_context_wins_over_the_nearer() -> None:
    note = note_on(TEXT, "a hotline", occurrence=1)  # "...believe that a hotline is no..."
    edited = "Preamble. " * 30 + TEXT  # both move; the first is now nearer the old place
    placed = place(note, edited)
    assert placed.note.start == edited.index("believe that a hotline") + len("believe that ")


def test_without_context_the_nearest_exact_quote_wins() -> None:
    note = note_on(TEXT, "hotline", occurrence=1)
    edited = TEXT.replace("believe that a", "think a").replace("is no substitute", "cannot replace")
    placed = place(note, edited)
    assert placed.anchoring is Anchoring.MOVED
    assert placed.note.start == edited.rindex("hotline")


def test_a_slightly_reworded_quote_is_found_approximately() -> None:
    note = note_on(TEXT, "They recommend a hotline between the military staffs")
    edited = TEXT.replace(
        "a hotline between the military staffs", "a hot line between military staffs"
    )
    placed = place(note, edited)
    assert placed.anchoring is Anchoring.APPROXIMATE
    assert placed.note.quote == "They recommend a hot line between military staffs"
    assert edited[placed.note.start : placed.note.end] == placed.note.quote


def test_a_deleted_quote_is_detached_with_the_best_candidate_offered() -> None:
    note = note_on(
        TEXT, "They recommend a hotline between the military staffs, used at least once a month."
    )
    edited = TEXT.replace(note.quote + " ", "")
    placed = place(note, edited)
    assert placed.detached and placed.note == note  # kept as it was, never dropped
    assert placed.candidate is not None and placed.candidate.score < SCORE_THRESHOLD
    assert 0 <= placed.candidate.start < placed.candidate.end <= len(edited)


def test_a_quote_with_nothing_like_it_left_has_no_candidate() -> None:
    note = note_on(TEXT, "accidental war")
    placed = place(note, "Something else entirely.")
    assert placed.detached and placed.candidate is None


def test_anchoring_in_a_long_statement_takes_milliseconds(elbe: Document) -> None:
    start = elbe.text.index("cybersecurity")
    note = Note("n", elbe.id, start, start + 200, *quote_at(elbe.text, start, start + 200))
    edited = elbe.text[:start] + elbe.text[start + 200 :]
    began = time.perf_counter()
    place(note, edited)
    assert time.perf_counter() - began < 0.5
