"""THE SEED TEST: the bundled statements hold every sentence of their web captures, no furniture.

Also their metadata and structure, and what happens when a shipped file is damaged.
"""

import json
import re
from pathlib import Path
from typing import Any

import pytest

from reader.core.documents.document import BlockKind, Document
from reader.core.documents.sentences import split_sentences
from reader.core.errors import ResourceError
from reader.core.library.bundled import BUNDLED_IDS, load_bundled, load_statement
from reader.core.library.library import Library
from reader.resource_access import resource_folder

ELBE, AC_RIAC = BUNDLED_IDS

# The web page's furniture, as the captures show it (white space collapsed). None of it may be
# in a bundled text; a seed line that is one of these is not part of the statement.
FURNITURE = (
    "Print",
    "Rate this article",
    "(no votes)",
    "(0 votes)",
    "Share this article",
    "Poll conducted",
    "In your opinion, what are the US long-term goals for Russia?",
    "U.S. wants to establish partnership relations with Russia on condition that it meets "
    "the U.S. requirements",
    "33 (31%)",
    "U.S. wants to deter Russia’s military and political activity",
    "30 (28%)",
    "U.S. wants to dissolve Russia",
    "24 (22%)",
    "U.S. wants to establish alliance relations with Russia under the US conditions to rival China",
    "21 (19%)",
    "For business",
    "For researchers",
    "For students",
    "Memorandum of Understanding. Cooperation between the Atlantic Council (AC) and the Russian "
    "International Affairs Council (RIAC).",
)

# The AC-RIAC page's teaser, each line with the words of the statement it repeats. The
# statement's words must be in the text exactly once; the teaser's own wording not at all.
_DESTRUCTION = (
    "launched a new initiative to help reframe US-Russia relations and get past the Cold War-era "
    "nuclear legacy in our relationship, particularly the dominant paradigm of “mutual assured "
    "destruction.”"
)
_AC = "The Atlantic Council and the Russian International Affairs Council"
_STABILITY = (
    "The goal is to reconfigure the bilateral relationship towards “mutual assured stability” and "
    "refocus arms control and disarmament toward the development of reassuring measures, and thus "
    "help promote closer cooperation between Russia and the West."
)
_TITLE = (
    "Joint Statement by Ellen Tauscher and Igor Ivanov as {} of the Atlantic Council and the "
    "Russian International Affairs Council on {}."
)
TEASER = (
    (
        _TITLE.format("co-chairs of a joint steering group", "mutually assured stability"),
        _TITLE.format("Co-Chairs of a Joint Steering Group", "Mutually Assured Stability"),
    ),
    (f"{_AC} {_DESTRUCTION}", f"{_AC} today {_DESTRUCTION}"),
    (_STABILITY, _STABILITY),
)

# The only changes made to the captures' own words, as each resource's "cleaning" records them.
EXPECTED_CLEANING = {
    ELBE: {
        "corrections": [("Elbe Group Join Statement", "Elbe Group Joint Statement")],
        "removed": ["; ;"],
    },
    AC_RIAC: {"corrections": [], "removed": []},
}

_LIST_MARKER = re.compile(r"^(?:•|\d+\.)\s+")


def norm(text: str) -> str:
    """Every run of white space, no-break spaces included, as one space."""
    return re.sub(r"\s+", " ", text).strip()


def raw_resource(doc_id: str) -> dict[str, Any]:
    return json.loads((resource_folder() / f"{doc_id}.json").read_text(encoding="utf-8"))


def cleaned_seed(seeds_dir: Path, doc_id: str) -> str:
    """The capture with exactly the recorded cleanings applied, each found exactly once."""
    seed = (seeds_dir / f"{doc_id}.txt").read_text(encoding="utf-8")
    cleaning = raw_resource(doc_id)["cleaning"]
    for fix in cleaning["corrections"]:
        assert seed.count(fix["original"]) == 1, fix
        seed = seed.replace(fix["original"], fix["corrected"])
    for removed in cleaning["removed"]:
        assert seed.count(removed) == 1, removed
        seed = seed.replace(removed, "")
    return seed


def is_furniture(line: str) -> bool:
    teaser = {norm(teaser_line) for teaser_line, _ in TEASER}
    return _LIST_MARKER.sub("", line) in FURNITURE or line in teaser


def statement_lines(seeds_dir: Path, doc_id: str) -> list[str]:
    """The seed's lines that are the statement: normalised, neither blank nor furniture."""
    lines = [norm(line) for line in cleaned_seed(seeds_dir, doc_id).splitlines()]
    return [line for line in lines if line and not is_furniture(line)]


@pytest.fixture(params=BUNDLED_IDS)
def doc(request: pytest.FixtureRequest, library: Library) -> Document:
    return library.get(request.param)


def test_cleanings_are_exactly_the_documented_ones() -> None:
    for doc_id, expected in EXPECTED_CLEANING.items():
        cleaning = raw_resource(doc_id)["cleaning"]
        assert set(cleaning) == {"corrections", "removed"}  # no other kind of change
        fixes = [(fix["original"], fix["corrected"]) for fix in cleaning["corrections"]]
        assert (fixes, cleaning["removed"]) == (expected["corrections"], expected["removed"])
        assert all(fix["reason"].strip() for fix in cleaning["corrections"])


def test_every_seed_line_is_in_the_text_in_order(doc: Document, seeds_dir: Path) -> None:
    text = norm(doc.text)
    position = 0
    for line in statement_lines(seeds_dir, doc.id):
        found = text.find(line, position)
        assert found >= 0, f"missing or out of order: {line!r}"
        position = found + len(line)


def test_every_seed_sentence_is_in_the_text(doc: Document, seeds_dir: Path) -> None:
    text = norm(doc.text)
    for line in statement_lines(seeds_dir, doc.id):
        for start, end in split_sentences(line):
            assert line[start:end] in text


def test_every_block_comes_from_the_seed(doc: Document, seeds_dir: Path) -> None:
    """Nothing added or reworded: each block's words are words of the cleaned capture."""
    seed = norm(cleaned_seed(seeds_dir, doc.id))
    blocks = [norm(doc.block_text(index)) for index in range(len(doc.blocks))]
    assert [words for words in blocks if words not in seed] == []


def test_no_furniture(doc: Document) -> None:
    text = norm(doc.text)
    assert [item for item in FURNITURE if item in text] == []
    assert "votes" not in text and "%" not in text


def test_the_teaser_is_not_repeated(ac_riac: Document) -> None:
    text = norm(ac_riac.text)
    for teaser_line, statement_words in TEASER:
        assert teaser_line.casefold() == statement_words.casefold().replace(" today", "")
        assert text.count(statement_words) == 1, statement_words
        assert teaser_line == statement_words or teaser_line not in text
    assert text.casefold().count(TEASER[0][0].casefold()) == 1
    assert ac_riac.block_text(0) == TEASER[0][1]  # the title is the heading, once
    assert ac_riac.blocks[0].kind is BlockKind.HEADING


def test_the_seeds_have_the_furniture_the_test_removes(seeds_dir: Path) -> None:
    """Guards the seed test itself: its furniture list matches what the capture really holds."""
    seed = cleaned_seed(seeds_dir, AC_RIAC)
    lines = {_LIST_MARKER.sub("", norm(line)) for line in seed.splitlines()}
    assert set(FURNITURE) <= lines
    assert {norm(teaser_line) for teaser_line, _ in TEASER} <= lines


# A damaged install: each bundled file replaced by something that is not a statement.
DAMAGE = {
    "truncated": lambda good: good[: len(good) // 2],
    "not JSON": lambda good: "Print\nRate this article",
    "not UTF-8": lambda good: "\udcff",
    "empty": lambda good: "",
    "a list": lambda good: "[1, 2]",
    "null": lambda good: "null",
    "newer format": lambda good: good.replace('"format": 1', '"format": 99'),
    "no blocks": lambda good: json.dumps({**json.loads(good), "blocks": None}),
    "no metadata": lambda good: good.replace('"metadata"', '"meta"'),
    "bad block kind": lambda good: good.replace('"kind": "paragraph"', '"kind": "poem"'),
    "bad date": lambda good: good.replace('"date_start": "20', '"date_start": "the year 20'),
    "blocks of numbers": lambda good: json.dumps({**json.loads(good), "blocks": [1, 2]}),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
@pytest.mark.parametrize("doc_id", BUNDLED_IDS)
def test_a_damaged_resource_is_a_readable_error(tmp_path: Path, doc_id: str, damage: str) -> None:
    source = resource_folder() / f"{doc_id}.json"
    broken = tmp_path / source.name
    damaged = DAMAGE[damage](source.read_text(encoding="utf-8"))
    broken.write_bytes(damaged.encode("utf-8", "surrogateescape"))
    with pytest.raises(ResourceError) as caught:
        load_statement(broken)
    message = str(caught.value)
    assert message.startswith(f"The bundled statement {source.name} cannot be read (")
    assert message.endswith("; reinstall the application.")
    assert "\n" not in message and "Traceback" not in message


def test_a_missing_resource_is_a_readable_error(tmp_path: Path) -> None:
    (tmp_path / f"{ELBE}.json").write_bytes((resource_folder() / f"{ELBE}.json").read_bytes())
    with pytest.raises(ResourceError) as caught:
        load_bundled(tmp_path)
    assert str(caught.value) == (
        "The bundled statement ac-riac-2013-washington.json cannot be read "
        "(No such file or directory); reinstall the application."
    )


def test_missing_entry_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "x.json"
    broken.write_text(json.dumps({"format": 1, "id": "x", "metadata": {"title": "X"}}))
    with pytest.raises(ResourceError, match=r"\(the entry 'blocks' is missing\)"):
        load_statement(broken)
