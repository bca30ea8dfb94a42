"""A file's own author field names the issuing organisation when it is one: a PDF's /Author,
a page's schema.org publisher or author <meta>, a Markdown front matter's author."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from reader.core.importers import import_file
from reader.core.importers.authors import organisations_in_author
from reader.core.importers.html_hints import page_hints
from reader.core.importers.metadata_detection import find_organisations
from tests.core.importers.pdf_making import write_placed_pdf
from tests.core.importers.test_pdf_layout import LEFT, SENTENCES, TOP, lines_of


def organisations(author: str) -> tuple[str, ...]:
    return organisations_in_author(author, find_organisations(author))


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Nuclear Threat Initiative", ("Nuclear Threat Initiative",)),
        ("RIAC", ("Russian International Affairs Council",)),  # the list's alias
        ("Centre for Science and Security Studies", ("Centre for Science and Security Studies",)),
        ("Institute A; Council B", ("Institute A", "Council B")),
        ("John Smith", ()),  # a person: the drafter, not the issuer
        ("Microsoft Office User", ()),
        ("admin", ()),
        ("", ()),
        ("Forum " + "x" * 200, ()),  # a description, not a name
    ],
)
def test_an_author_field_counts_only_when_it_names_a_body(
    author: str, expected: tuple[str, ...]
) -> None:
    assert organisations(author) == expected


def test_a_pdf_author_is_the_first_organisation(tmp_path: Path) -> None:
    page = lines_of(SENTENCES[0], LEFT, TOP, 90)
    info = {"Title": "On Strategic Stability", "Author": "European Leadership Network"}
    doc = import_file(write_placed_pdf(tmp_path / "eln.pdf", [page], info))
    assert doc.metadata.organizations[0] == "European Leadership Network"


def test_a_pdf_author_that_is_a_person_adds_nothing(tmp_path: Path) -> None:
    page = lines_of(SENTENCES[0], LEFT, TOP, 90)
    info = {"Title": "On Strategic Stability", "Author": "Jane Roe"}
    doc = import_file(write_placed_pdf(tmp_path / "roe.pdf", [page], info))
    assert "Jane Roe" not in doc.metadata.organizations


def test_a_page_publisher_counts_and_a_person_author_does_not() -> None:
    head = """<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",
      "author": {"@type": "Person", "name": "A. B."},
      "publisher": {"@type": "Organization", "name": "Valdai Discussion Club"}}</script>"""
    tree = LexborHTMLParser(f"<html><head>{head}</head><body></body></html>")
    assert page_hints(tree).author == "Valdai Discussion Club"
    person = LexborHTMLParser('<html><head><meta name="author" content="A. B."></head></html>')
    assert organisations(page_hints(person).author) == ()


def test_a_markdown_author_in_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "statement.md"
    path.write_text(
        "---\ntitle: On Dialogue\nauthor: Deep Cuts Commission\n---\n\n"
        "The parties should resume their dialogue on strategic stability at once.\n",
        encoding="utf-8",
    )
    assert import_file(path).metadata.organizations == ("Deep Cuts Commission",)
