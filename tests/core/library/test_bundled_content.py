"""The bundled statements' metadata and structure, and the gold sentences found by the splitter."""

import csv
import re
from pathlib import Path

import pytest

from reader.core.documents.document import BlockKind, Document
from reader.core.library.library import Library

ELBE_HEADINGS = [
    (1, "Elbe Group Joint Statement"),
    (2, "Strategic Stability"),
    (3, "On Strategic Stability"),
    (3, "On Ukraine"),
    (2, "Current U.S.-Russia Relationship"),
    (2, "The Situation in the Middle East"),
    (3, "On Syria"),
    (2, "WMD Terrorism"),
    (2, "The Elbe Dialogue"),
]
ELBE_LISTS = [
    [
        "Strategic stability (nuclear weapons, missile defense, NATO, Ukraine);",
        "The current US-Russia relationship;",
        "The situation in the Middle East;",
        "Cybersecurity;",
        "WMD Terrorism.",
    ],
    [
        "Growing confrontational processes at the regional level and an increasing role of the "
        "military force as an effective instrument for the promotion of national interests;",
        "Rapid development of the state-of-the-art weapons and military technologies including "
        "strategic offensive and defensive systems which do not fall under international treaties "
        "and agreements;",
        "Growing crisis in the global economy;",
        "Competition for possession of energy and other resources;",
        "Growing scale of terrorism and extremism.",
    ],
]
AC_RIAC_TITLE = (
    "Joint Statement by Ellen Tauscher and Igor Ivanov as Co-Chairs of a Joint Steering Group of "
    "the Atlantic Council and the Russian International Affairs Council "
    "on Mutually Assured Stability"
)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def headings(doc: Document) -> list[tuple[int, str]]:
    return [
        (b.level, doc.block_text(i))
        for i, b in enumerate(doc.blocks)
        if b.kind is BlockKind.HEADING
    ]


def lists(doc: Document) -> list[list[str]]:
    """Runs of consecutive list items, as their words."""
    runs: list[list[str]] = []
    previous = None
    for index, block in enumerate(doc.blocks):
        if block.kind is BlockKind.LIST_ITEM:
            if previous is not BlockKind.LIST_ITEM:
                runs.append([])
            runs[-1].append(doc.block_text(index))
        previous = block.kind
    return runs


def test_library_order_and_kinds(library: Library) -> None:
    assert library.ids() == ["elbe-group-2018-naples", "ac-riac-2013-washington"]
    assert {doc.kind for doc in library} == {"bundled"}


def test_elbe_metadata(elbe: Document) -> None:
    meta = elbe.metadata
    assert meta.title == "Elbe Group Joint Statement"
    assert "Join " not in meta.title and "Join Statement" not in elbe.text
    assert (meta.date_iso, meta.date_label) == ("2018-03-15/2018-03-16", "15-16 March 2018")
    assert meta.place == "Naples, Italy"
    assert meta.organizations == ("Elbe Group",)
    assert meta.source


def test_ac_riac_metadata(ac_riac: Document) -> None:
    meta = ac_riac.metadata
    assert meta.title == AC_RIAC_TITLE
    assert (meta.date_iso, meta.date_label) == ("2013-04-08", "8 April 2013")
    assert meta.place == "Washington, D.C."
    assert meta.organizations == ("Atlantic Council", "Russian International Affairs Council")
    assert meta.source and meta.source_url.startswith("https://russiancouncil.ru/")


def test_elbe_headings(elbe: Document) -> None:
    assert headings(elbe) == ELBE_HEADINGS


def test_ac_riac_has_its_title_as_only_heading(ac_riac: Document) -> None:
    assert headings(ac_riac) == [(1, AC_RIAC_TITLE + ".")]


def test_elbe_bullet_lists(elbe: Document) -> None:
    assert lists(elbe) == ELBE_LISTS
    items = [b for b in elbe.blocks if b.kind is BlockKind.LIST_ITEM]
    assert {(b.level, b.marker) for b in items} == {(1, "•")}


def test_ac_riac_has_no_lists(ac_riac: Document) -> None:
    assert lists(ac_riac) == []


def _gold_rows(seeds_dir: Path) -> list[dict[str, str]]:
    with (seeds_dir / "recommendations.gold.tsv").open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_gold_sentences_are_sentences_of_the_document(library: Library, seeds_dir: Path) -> None:
    """Every gold sentence is exactly one sentence of its document: the splitter on real text."""
    rows = _gold_rows(seeds_dir)
    assert {row["document"] for row in rows} == set(library.ids())
    sentences = {doc.id: [norm(doc.sentence_text(s)) for s in doc.sentences] for doc in library}
    wrong = [
        (row["document"], row["sentence"])
        for row in rows
        if sentences[row["document"]].count(norm(row["sentence"])) != 1
    ]
    assert wrong == []


@pytest.mark.parametrize("doc_id", ["elbe-group-2018-naples", "ac-riac-2013-washington"])
def test_sentences_and_blocks_are_consistent(library: Library, doc_id: str) -> None:
    doc = library.get(doc_id)
    covered = []
    for sentence in doc.sentences:
        block = doc.blocks[sentence.block]
        assert block.start <= sentence.start < sentence.end <= block.end
        covered.append(sentence.block)
    assert sorted(set(covered)) == list(range(len(doc.blocks)))  # every block has a sentence
