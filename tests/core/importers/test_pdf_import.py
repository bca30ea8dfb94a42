"""PDF: the text layer page by page; running heads, page numbers and hyphenation undone."""

import datetime as dt
from pathlib import Path

import pytest

from reader.core.documents.document import BlockKind
from reader.core.importers import ImportRefused, import_file, to_document
from tests.core.importers.pdf_making import write_image_only_pdf, write_pdf

H, P, LI = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM
BODY = 11.0


def page(number: int, lines: list[tuple[str, float]]) -> list[tuple[str, float]]:
    return [("Elbe Group - Joint Statement", 8), ("", 8), *lines, ("", BODY), (str(number), 8)]


@pytest.fixture
def statement(tmp_path: Path) -> Path:
    first = page(
        1,
        [
            ("Elbe Group Joint Statement", 16),
            ("Naples, Italy: March 15-16, 2018", BODY),
            ("", BODY),
            ("The regular meeting of the Elbe Group was held in Naples. The sides discussed", BODY),
            ("the following issues of the relationship between the United States and inter-", BODY),
            ("national security in the present difficult period of their relations:", BODY),
            ("• Strategic stability;", BODY),
            ("• Cybersecurity.", BODY),
            ("", BODY),
            ("Strategic Stability", 13),
            ("", BODY),
            ("On strategic stability, the participants stated that the existing system is", BODY),
        ],
    )
    second = page(
        2,
        [
            (
                "undergoing significant changes. These changes are often the result of different",
                BODY,
            ),
            ("approaches used by the sides to protect their national interests.", BODY),
            ("", BODY),
            ("We call for continuing cooperation to prevent the use of chemical weapons.", BODY),
        ],
    )
    return write_pdf(tmp_path / "elbe.pdf", [first, second])


def test_pdf_text_comes_out_as_blocks(statement: Path) -> None:
    doc = to_document(import_file(statement), "pdf")
    blocks = [(b.kind, b.level, doc.block_text(i)) for i, b in enumerate(doc.blocks)]
    assert blocks == [
        (H, 1, "Elbe Group Joint Statement"),
        (P, 0, "Naples, Italy: March 15-16, 2018"),
        (
            P,
            0,
            "The regular meeting of the Elbe Group was held in Naples. The sides discussed "
            "the following issues of the relationship between the United States and "
            "international security in the present difficult period of their relations:",
        ),
        (LI, 1, "Strategic stability;"),
        (LI, 1, "Cybersecurity."),
        (H, 2, "Strategic Stability"),
        (
            P,
            0,
            "On strategic stability, the participants stated that the existing system is "
            "undergoing significant changes. These changes are often the result of different "
            "approaches used by the sides to protect their national interests.",
        ),
        (P, 0, "We call for continuing cooperation to prevent the use of chemical weapons."),
    ]
    assert "Joint Statement\n" not in doc.text.split("\n\n", 1)[1]  # the running head is gone
    metadata = doc.metadata
    assert (metadata.title, metadata.date_start, metadata.place) == (
        "Elbe Group Joint Statement",
        dt.date(2018, 3, 15),
        "Naples, Italy",
    )


def test_a_pdf_without_a_text_layer_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused) as caught:
        import_file(write_image_only_pdf(tmp_path / "scan.pdf"))
    assert str(caught.value) == (
        "scan.pdf has no text layer (it is probably a scan); "
        "Statement Reader cannot read text from images."
    )


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.9])
def test_a_truncated_pdf_is_refused(statement: Path, tmp_path: Path, keep: float) -> None:
    data = statement.read_bytes()
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(ImportRefused) as caught:
        import_file(broken)
    assert str(caught.value) in (
        "broken.pdf is not a PDF Statement Reader can read (it is damaged or incomplete).",
        "broken.pdf has no text layer (it is probably a scan); "
        "Statement Reader cannot read text from images.",
    )


def test_text_named_pdf_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "fake.pdf"
    fake.write_text("This is not a PDF at all.", encoding="utf-8")
    with pytest.raises(ImportRefused, match=r"^fake\.pdf is not a PDF Statement Reader can read"):
        import_file(fake)
