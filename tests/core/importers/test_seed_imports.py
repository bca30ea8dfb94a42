"""The bar of issue 7: the raw web captures imported as .txt come out as the bundled statements."""

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from reader.core.documents.document import BlockKind, Document
from reader.core.importers import ImportedStatement, import_file, to_document
from reader.resource_access import resource_path

BUNDLED = ("elbe-group-2018-naples", "ac-riac-2013-washington")
FURNITURE = (
    "Print",
    "Rate this article",
    "votes)",
    "Share this article",
    "Poll conducted",
    "In your opinion",
    "For business",
    "For researchers",
    "For students",
    "Memorandum of Understanding. Cooperation",
    "; ;",
    "Skip to content",
    "Group statement |",
    "Full statement reproduced below",
    "Qioptiq logo",
    "Read the full Statement",
)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def bundled_blocks(doc_id: str) -> list[tuple[str, int, str, str]]:
    """The bundled statement's blocks, with the corrections its cleaning made undone."""
    raw = json.loads(resource_path(f"{doc_id}.json").read_text(encoding="utf-8"))
    undo = {c["corrected"]: c["original"] for c in raw["cleaning"]["corrections"]}
    return [
        (b["kind"], b.get("level", 0), b.get("marker", ""), undo.get(b["text"], norm(b["text"])))
        for b in raw["blocks"]
    ]


@pytest.fixture(params=BUNDLED)
def seed(request: pytest.FixtureRequest, seeds_dir: Path) -> tuple[str, ImportedStatement]:
    return request.param, import_file(seeds_dir / f"{request.param}.txt")


def test_seed_imports_into_the_bundled_blocks(seed: tuple[str, ImportedStatement]) -> None:
    """Same headings with levels, same lists, same paragraphs, word for word; the only
    difference is the typo the bundled copy corrected by hand ("Join Statement")."""
    doc_id, imported = seed
    blocks = [(b.kind.value, b.level, b.marker, norm(b.text)) for b in imported.blocks]
    assert blocks == bundled_blocks(doc_id)


def test_seed_imports_without_furniture(seed: tuple[str, ImportedStatement]) -> None:
    _, imported = seed
    text = to_document(imported, "x").text
    assert [f for f in FURNITURE if f in text] == []


def test_seed_imports_with_every_sentence_of_the_bundled_copy(
    seed: tuple[str, ImportedStatement], library_docs: dict[str, Document]
) -> None:
    doc_id, imported = seed
    mine = to_document(imported, doc_id)
    bundled = library_docs[doc_id]
    mine_sentences = {mine.sentence_text(s) for s in mine.sentences}
    missing = [
        bundled.sentence_text(s)
        for s in bundled.sentences
        if bundled.sentence_text(s) not in mine_sentences
    ]
    assert missing == (["Elbe Group Joint Statement"] if doc_id.startswith("elbe") else [])


def test_elbe_metadata(seeds_dir: Path) -> None:
    metadata = import_file(seeds_dir / "elbe-group-2018-naples.txt").metadata
    assert metadata.title == "Elbe Group Join Statement"  # as written: importers never reword
    assert (metadata.date_start, metadata.date_end) == (dt.date(2018, 3, 15), dt.date(2018, 3, 16))
    assert metadata.place == "Naples, Italy"
    assert metadata.organizations == ("Elbe Group",)


def test_ac_riac_metadata(seeds_dir: Path, library_docs: dict[str, Document]) -> None:
    metadata = import_file(seeds_dir / "ac-riac-2013-washington.txt").metadata
    bundled = library_docs["ac-riac-2013-washington"].metadata
    assert metadata.title == bundled.title
    assert (metadata.date_start, metadata.date_end) == (dt.date(2013, 4, 8), None)
    assert metadata.place == "Washington"
    assert metadata.organizations == bundled.organizations


def test_the_same_words_hash_alike_whatever_the_file(seeds_dir: Path, tmp_path: Path) -> None:
    original = import_file(seeds_dir / "elbe-group-2018-naples.txt")
    copy = tmp_path / "renamed copy.txt"
    raw = (seeds_dir / "elbe-group-2018-naples.txt").read_bytes()
    copy.write_bytes(raw.replace(b"\n", b"\r\n"))
    assert import_file(copy).content_hash == original.content_hash
    other = import_file(seeds_dir / "ac-riac-2013-washington.txt")
    assert other.content_hash != original.content_hash


# The development captures: real statements with their own furniture and no bundled copy.
DEV_EXPECTED = {
    "01_eln-ygln-2022-west-russia-crisis": (
        "Younger Generation Leaders Network (YGLN) Group Statement on the West-Russia crisis",
        dt.date(2022, 2, 15),
        ("Younger Generation Leaders Network",),
    ),
    "02_deep-cuts-2021-strategic-stability-dialogue": (
        "Deep Cuts Statement - How the U.S.-Russian Strategic Stability Dialogue Can and Must "
        "Make Progress",
        None,
        ("Deep Cuts Commission",),
    ),
    # No title line: the first sentence, cut at a word (issue 12), not the file's name.
    "03_easlg-2023-nuclear-fail-safe": (
        "Since 1945, a combination of prudent leadership, military professionalism, good…",
        None,
        (),
    ),
    "04_eln-task-force-2015-avoiding-war-in-europe": (
        "Leadership Task Force Calls for NATO-Russia Council to be Urgently Convened to Discuss "
        "Risks of Ongoing Military Activities in Europe",
        None,
        ("Task Force on Cooperation in Greater Europe", "European Leadership Network"),
    ),
    "05_easlg-2021-strategic-stability": (
        "Statement by the Euro-Atlantic Security Leadership Group (EASLG): Advancing strategic "
        "stability in the Euro-Atlantic region, 2021 and beyond",
        dt.date(2021, 6, 6),
        ("Euro-Atlantic Security Leadership Group",),
    ),
    "06_former-ambassadors-2010-reflections-on-reset": (
        "When we, former ambassadors to Washington and Moscow from Russia and the United…",
        None,
        (),
    ),
}


@pytest.fixture(params=sorted(DEV_EXPECTED))
def dev(request: pytest.FixtureRequest, seeds_dir: Path) -> tuple[str, Document]:
    imported = import_file(seeds_dir / "dev" / f"{request.param}.txt")
    return request.param, to_document(imported, request.param)


def test_dev_capture_metadata(dev: tuple[str, Document]) -> None:
    name, doc = dev
    title, date, organisations = DEV_EXPECTED[name]
    assert (doc.metadata.title, doc.metadata.date_start, doc.metadata.organizations) == (
        title,
        date,
        organisations,
    )


def test_dev_capture_keeps_every_gold_sentence_and_drops_furniture(
    dev: tuple[str, Document], seeds_dir: Path
) -> None:
    name, doc = dev
    with (seeds_dir / "dev" / "dev.gold.tsv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    gold = [norm(row[3]) for row in rows if row[0] == name]
    assert gold
    text = norm(doc.text)
    assert [sentence for sentence in gold if sentence not in text] == []
    assert [f for f in FURNITURE if f in doc.text] == []


def test_dev_capture_words_all_kept(dev: tuple[str, Document], seeds_dir: Path) -> None:
    """Every word of the capture outside its furniture lines is in the document."""
    name, doc = dev
    raw = (seeds_dir / "dev" / f"{name}.txt").read_text(encoding="utf-8")
    furniture_lines = [line for line in raw.splitlines() if any(f in line for f in FURNITURE)]
    for line in furniture_lines:
        raw = raw.replace(line, "")
    words = set(re.findall(r"\w+", raw)) - set(re.findall(r"\w+", doc.text))
    assert words == set()


def test_dev_capture_structure(seeds_dir: Path) -> None:
    dev = seeds_dir / "dev"
    nested = import_file(dev / "04_eln-task-force-2015-avoiding-war-in-europe.txt")
    levels = [b.level for b in nested.blocks if b.kind is BlockKind.LIST_ITEM]
    assert levels == [1, 1, 1, 2]
    pull_quote = to_document(import_file(dev / "03_easlg-2023-nuclear-fail-safe.txt"), "3")
    assert pull_quote.text.count("becomes an ever-higher possibility") == 1
    headings = [b for b in pull_quote.blocks if b.kind is BlockKind.HEADING]
    assert headings == []  # a statement without headings gets none invented


def test_the_extractor_finds_on_the_imported_seeds_what_it_finds_on_the_bundled_copies(
    seed: tuple[str, ImportedStatement],
) -> None:
    """Issue 7's bar: same sentences, same cues, same topics, imported or bundled."""
    from reader.core.library.library import Library
    from reader.core.recommendations.extraction import extract
    from reader.core.recommendations.rules import bundled_rules
    from reader.core.recommendations.taxonomy import bundled_taxonomy
    from reader.resource_access import resource_folder

    doc_id, imported = seed
    rules, taxonomy = bundled_rules(), bundled_taxonomy()

    def found(doc: Document) -> list[tuple[str, str, tuple[str, ...], str]]:
        return [(r.sentence, r.cue, r.topics, r.section) for r in extract(doc, rules, taxonomy)]

    bundled = found(Library.open(resource_folder()).get(doc_id))
    assert bundled
    assert found(to_document(imported, doc_id)) == bundled
