"""The document model: metadata dates, sections and looking up what holds an offset."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.document import (
    BlockKind,
    DatePrecision,
    Document,
    Metadata,
    heading_chain,
    iso_at,
    parse_iso,
    section_title,
)
from tests.fuzzing import time_limit

D = dt.date
H, P = BlockKind.HEADING, BlockKind.PARAGRAPH


@pytest.mark.parametrize(
    ("start", "end", "iso", "label"),
    [
        (D(2018, 3, 15), D(2018, 3, 16), "2018-03-15/2018-03-16", "15-16 March 2018"),
        (D(2013, 4, 8), None, "2013-04-08", "8 April 2013"),
        (D(2013, 4, 8), D(2013, 4, 8), "2013-04-08", "8 April 2013"),
        (D(2018, 3, 30), D(2018, 4, 2), "2018-03-30/2018-04-02", "30 March - 2 April 2018"),
        (
            D(2018, 12, 31),
            D(2019, 1, 1),
            "2018-12-31/2019-01-01",
            "31 December 2018 - 1 January 2019",
        ),
        (None, None, "", ""),
    ],
)
def test_dates(start: dt.date | None, end: dt.date | None, iso: str, label: str) -> None:
    meta = Metadata(title="T", date_start=start, date_end=end)
    assert (meta.date_iso, meta.date_label) == (iso, label)


MONTH, YEAR = DatePrecision.MONTH, DatePrecision.YEAR


@pytest.mark.parametrize(
    ("start", "end", "precision", "iso", "label"),
    [
        (D(2017, 3, 1), None, MONTH, "2017-03", "March 2017"),
        (D(2017, 3, 1), D(2017, 4, 1), MONTH, "2017-03/2017-04", "March - April 2017"),
        (D(2017, 12, 1), D(2018, 1, 1), MONTH, "2017-12/2018-01", "December 2017 - January 2018"),
        (D(2017, 1, 1), None, YEAR, "2017", "2017"),
        (D(2015, 1, 1), D(2016, 1, 1), YEAR, "2015/2016", "2015-2016"),
        (D(2017, 1, 1), D(2017, 1, 1), YEAR, "2017", "2017"),
    ],
)
def test_dates_at_month_or_year_precision(
    start: dt.date, end: dt.date | None, precision: DatePrecision, iso: str, label: str
) -> None:
    meta = Metadata(title="T", date_start=start, date_end=end, date_precision=precision)
    assert (meta.date_iso, meta.date_label) == (iso, label)


@pytest.mark.parametrize("precision", list(DatePrecision))
def test_iso_dates_read_back_with_their_precision(precision: DatePrecision) -> None:
    day = D(2017, 3, 15) if precision is DatePrecision.DAY else D(2017, 3, 1)
    day = D(2017, 1, 1) if precision is YEAR else day
    assert parse_iso(iso_at(day, precision)) == (day, precision)
    with pytest.raises(ValueError):
        parse_iso("March 2017")


def test_mixed_precisions_sort_in_time_by_their_iso_form() -> None:
    dates = [
        (D(2017, 4, 2), DatePrecision.DAY),
        (D(2017, 3, 1), MONTH),
        (D(2016, 1, 1), YEAR),
        (D(2017, 3, 15), DatePrecision.DAY),
        (D(2017, 1, 1), YEAR),
    ]
    metas = [Metadata("T", date_start=d, date_precision=p) for d, p in dates]
    assert [m.date_iso for m in sorted(metas, key=lambda m: m.date_iso)] == [
        "2016", "2017", "2017-03", "2017-03-15", "2017-04-02",
    ]  # fmt: skip


def test_display_title_prefers_the_short_title() -> None:
    assert Metadata(title="Long title").display_title == "Long title"
    assert Metadata(title="Long title", short_title="Short").display_title == "Short"


def _outline_doc() -> Document:
    specs = [
        BlockSpec(H, "Title", level=1),
        BlockSpec(P, "Intro."),
        BlockSpec(H, "A", level=2),
        BlockSpec(H, "A.1", level=3),
        BlockSpec(P, "In A.1."),
        BlockSpec(H, "B", level=2),
        BlockSpec(P, "In B."),
    ]
    return build_document("outline", "imported", Metadata(title="Title"), specs)


def test_sections_end_at_the_next_heading_of_their_level_or_above() -> None:
    doc = _outline_doc()
    spans = {s.title: (s.level, doc.text[s.start : s.end]) for s in doc.sections()}
    assert spans["Title"] == (1, doc.text)
    assert spans["A"] == (2, "A\n\nA.1\n\nIn A.1.\n\n")
    assert spans["A.1"] == (3, "A.1\n\nIn A.1.\n\n")
    assert spans["B"] == (2, "B\n\nIn B.")


def test_section_at_is_the_innermost() -> None:
    doc = _outline_doc()
    title_of = {}
    for word in ("Intro.", "In A.1.", "In B."):
        section = doc.section_at(doc.text.index(word))
        assert section is not None
        title_of[word] = section.title
    assert title_of == {"Intro.": "Title", "In A.1.": "A.1", "In B.": "B"}


def test_the_heading_chain_runs_innermost_first_without_the_title() -> None:
    doc = _outline_doc()
    chains = {
        word: [s.title for s in heading_chain(doc, doc.text.index(word))]
        for word in ("Intro.", "In A.1.", "In B.")
    }
    assert chains == {"Intro.": [], "In A.1.": ["A.1", "A"], "In B.": ["B"]}
    assert [section_title(doc, doc.text.index(w)) for w in chains] == ["", "A.1", "B"]


def test_no_headings_no_sections() -> None:
    specs = [BlockSpec(BlockKind.PARAGRAPH, "x.")]
    doc = build_document("flat", "imported", Metadata(title="T"), specs)
    assert doc.sections() == []
    assert doc.section_at(0) is None
    assert (heading_chain(doc, 0), section_title(doc, 0)) == ([], "")


def test_block_at() -> None:
    doc = _outline_doc()
    intro = doc.text.index("Intro.")
    assert doc.block_at(intro) == 1
    assert doc.block_at(intro + len("Intro.")) == 1  # in the gap after a block: the one before
    assert doc.block_at(0) == 0
    assert doc.block_at(len(doc.text) - 1) == len(doc.blocks) - 1


def test_elbe_cyber_paragraphs_sit_under_on_syria(elbe: Document) -> None:
    for words in ("Realizing that the potential consequences", "Regarding cybercrime"):
        section = elbe.section_at(elbe.text.index(words))
        assert section is not None
        assert (section.title, section.level) == ("On Syria", 3)


def test_elbe_level_two_sections(elbe: Document) -> None:
    level_two = [s for s in elbe.sections() if s.level == 2]
    assert [s.title for s in level_two] == [
        "Strategic Stability",
        "Current U.S.-Russia Relationship",
        "The Situation in the Middle East",
        "WMD Terrorism",
        "The Elbe Dialogue",
    ]
    for section, following in zip(level_two, level_two[1:], strict=False):
        assert section.end == following.start
    assert level_two[-1].end == len(elbe.text)
    middle_east = elbe.text[level_two[2].start : level_two[2].end]
    assert "On Syria" in middle_east and "Regarding cybercrime" in middle_east


def test_elbe_level_three_section_ends_at_the_next_heading(elbe: Document) -> None:
    sections = {s.title: s for s in elbe.sections()}
    assert sections["On Strategic Stability"].end == sections["On Ukraine"].start
    assert sections["On Ukraine"].end == sections["Current U.S.-Russia Relationship"].start


@given(st.lists(st.tuples(st.booleans(), st.integers(1, 4)), max_size=40))
def test_sections_and_what_holds_an_offset_follow_their_definition(
    outline: list[tuple[bool, int]],
) -> None:
    """A section runs to the next heading of its level or above; what holds an offset is every
    section around it, innermost first: checked against those words, on any outline."""
    specs = [BlockSpec(H if heading else P, f"B{n}.", level=level if heading else 0)
             for n, (heading, level) in enumerate(outline)]  # fmt: skip
    doc = build_document("any", "imported", Metadata(title="T"), [BlockSpec(P, "x."), *specs])
    headings = [b for b in doc.blocks if b.kind is H]
    ends = [
        next((h.start for h in headings[n + 1 :] if h.level <= b.level), len(doc.text))
        for n, b in enumerate(headings)
    ]
    assert [(s.start, s.end, s.level) for s in doc.sections()] == [
        (b.start, end, b.level) for b, end in zip(headings, ends, strict=True)
    ]
    for offset in range(len(doc.text) + 1):
        holding = [s for s in doc.sections() if s.start <= offset < s.end]
        chain = sorted(holding, key=lambda s: s.level, reverse=True)
        assert doc.section_at(offset) == (chain[0] if chain else None)
        assert heading_chain(doc, offset) == [s for s in chain if s.level > 1]


def test_a_document_of_200000_headings_is_built_at_once() -> None:
    """Each heading looked ahead for its end: a Markdown file of 500,000 headings took
    minutes to import and then to list."""
    specs = [BlockSpec(H, "h", level=1 + n % 3) for n in range(200_000)]
    with time_limit(5):
        doc = build_document("many", "imported", Metadata(title="T"), specs)
        assert len(doc.sections()) == 200_000
        assert [doc.section_at(s.start) for s in doc.sections()[-3:]] == doc.sections()[-3:]
