"""Whatever a file holds, importing it gives a document or one refusal sentence naming it:
never another exception, never a hang.

Hostile files of every format are generated (random bytes and text, every BOM, NULs, lone
surrogates, mixed line ends, huge lines, storms of markup) or made by mutating real files:
the seeds, the pages of the article-extraction benchmark and the PDF samples in ../shared
(those examples are skipped, with the reason, when it is absent).
"""

from __future__ import annotations

import codecs
import gzip
import tracemalloc
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.documents.document import Document
from reader.core.files import display_name
from reader.core.importers import ImportRefused, import_file, to_document
from tests.core.importers.pdf_making import pdf_bytes, write_pdf
from tests.fuzzing import SHARED, assert_one_sentence, examples, time_limit

SECONDS = 20  # for one import: far over any file below, far under a hang
FUZZ = settings(
    max_examples=examples(30),
    deadline=5000,  # ms: a slow example, seen at once; a hang is ended by time_limit
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SUFFIXES = (".txt", ".md", ".html", ".pdf")


def check_import(path: Path) -> Document | None:
    """The document `path` imports as, or None if it was refused in one sentence naming it."""
    name = display_name(path.name)
    with time_limit(SECONDS):
        try:
            imported = import_file(path)
        except ImportRefused as refusal:
            assert refusal.file_name == name
            assert_one_sentence(str(refusal), names=name)
            return None
        document = to_document(imported, "fuzzed")
    assert isinstance(document.text, str) and document.text.strip()
    document.text.encode("utf-8")  # no lone surrogate: SQLite and every export take it
    meta = document.metadata
    for field in (meta.title, meta.place, meta.source, meta.source_url, *meta.organizations):
        field.encode("utf-8")
    assert all(0 <= b.start <= b.end <= len(document.text) for b in document.blocks)
    return document


def imports_or_refuses(folder: Path, suffix: str, data: bytes) -> Document | None:
    path = folder / f"hostile{suffix}"
    path.write_bytes(data)
    return check_import(path)


# Generated files -----------------------------------------------------------------------------
SPECIAL = [
    "\x00", "\x01", "\x1b[2J", "\x7f", "\x85", "\x9b", "\t", "\r", "\r\n", "\n\r", "\x0b",
    "\x0c", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\u200b", "\u202e", "\u0301",
    "\ud800", "\udc80", "\udcff", "\udbff\udfff", "\U0001f4a3", "ſ", "K", "İ", "²", "١٢",
]  # fmt: skip
WORDS = [
    "Statement", "NATO", "Russia", "We", "call", "on", "both", "sides.", "15", "March",
    "2018", "ſeptember", "Naples,", "Italy:", "1.", "a)", "•", "-", "(iv)", "===", "---",
    "Print", "Share this article",
]  # fmt: skip
LINE_ENDS = ["\n", "\r\n", "\r", "\u2028", "\x0b", "\x0c", "\x85", "\n\n", "\r\r\n"]
CODECS = [
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
    "utf-32-be", "cp1252", "cp1251", "koi8-r", "latin-1", "shift_jis", "gb18030", "cp037",
]  # fmt: skip
BOMS = [
    b"",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    b"\x2b\x2f\x76\x38",
    b"\xf7\x64\x4c",
    b"\x84\x31\x95\x33",
    codecs.BOM_UTF8 * 2,
    codecs.BOM_UTF16_LE + codecs.BOM_UTF8,
]  # fmt: skip  (UTF-7, UTF-1 and GB-18030 marks too, which no decoder here knows)


def encode(text: str, codec: str) -> bytes:
    """`text` in `codec`, lone surrogates and all: as bytes that are not valid UTF-8 (through
    surrogateescape), as encoded surrogates (surrogatepass), or replaced where neither goes."""
    for errors in ("surrogateescape", "surrogatepass", "replace"):
        try:
            return text.encode(codec, errors)
        except UnicodeEncodeError:
            continue
    return text.encode(codec, "ignore")


def storm(piece: st.SearchStrategy[str], most: int = 3000) -> st.SearchStrategy[str]:
    """One piece of syntax many times over: `>` x 3000, `[` x 1000, `**` x 2000."""
    return st.builds(lambda text, times: text * times, piece, st.integers(1, most))


def document_of(pieces: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    part = st.one_of(
        pieces,
        storm(pieces),
        st.sampled_from(WORDS + SPECIAL),
        st.text(st.characters(codec=None), max_size=20),
        st.sampled_from(LINE_ENDS),
    )
    return st.lists(part, max_size=60).map("".join)


def as_bytes(texts: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return st.builds(
        lambda bom, text, codec: bom + encode(text, codec),
        st.sampled_from(BOMS),
        texts,
        st.sampled_from(CODECS),
    )


TEXT_PIECES = st.sampled_from(
    ["# ", "## Heading", "Title\n=====", "  ", "    ", "\t", "1. ", "a) ", "(iv) ", "• ", "- ",
     "* * *", "Naples, Italy: March 15-16, 2018", "15.03.2018", "2018-02-31", "31 ſept 2018",
     "WASHINGTON, April 8, 2013 — ", "word-", "x" * 5000, "Print | Share", ". . .", "…"]
)  # fmt: skip
MARKDOWN_PIECES = st.sampled_from(
    [">", "> ", "[", "]", "(", ")", "](", "![", "*", "_", "**", "__", "***", "`", "```",
     "~~~", "#", "###### ", "- ", "+ ", "1. ", "999999999. ", "2) ", "    ", "\t", "|", "| --- |",
     "---", "===", "<div>", "</div>", "<!--", "-->", "<", "&#0;", "&#xD800;", "&nbsp;", "\\",
     "<http://x>", "[a]: <b> 'c'", "---\ntitle: T\ndate: 31 ſept 2018\n---\n", "<ol start=²>"]
)  # fmt: skip
CHARSETS = [
    "utf-8", "UTF-16", "utf-32", "utf-7", "rot13", "base64", "hex", "zlib", "bz2", "uu",
    "quopri", "idna", "punycode", "undefined", "unicode_escape", "raw_unicode_escape",
    "x-user-defined", "koi8-r", "shift_jis", "cp037", "mbcs", "bogus", "", "utf-8-sig",
]  # fmt: skip
HTML_PIECES = st.one_of(
    st.sampled_from(
        [
            "<div>",
            "</div>",
            "<p>",
            "</p>",
            "<span>",
            "<b>",
            "<i>",
            "</b>",
            "<br>",
            "<ul>",
            "<ol>",
            "<ol start=²>",
            "<ol start='-3'>",
            "<ol start=99999999999999999999>",
            "<li>",
            "</li>",
            "</ol>",
            "<h1>",
            "</h1>",
            "<h6>",
            "<table><tr><td>",
            "</td>",
            "<tr>",
            "<select>",
            "<option>",
            "<script>",
            "</script>",
            "<style>",
            "<template>",
            "<svg>",
            "<math>",
            "<plaintext>",
            "<xmp>",
            "<noscript>",
            "<frameset>",
            "<main>",
            "<article>",
            "<header>",
            "<footer>",
            "<nav>",
            "<!--",
            "-->",
            "<!DOCTYPE html>",
            "<?xml ?>",
            "<![CDATA[",
            "]]>",
            "<",
            "</",
            "<div",
            ">",
            '"',
            "'",
            "=",
            "&",
            "&amp",
            "&amp;",
            "&#0;",
            "&#x110000;",
            "&#xD800;",
            "&#99999999999;",
            "&nbsp;",
            "&;",
            "&#;",
            "<title>",
            "</title>",
            "<title>A Statement | Site</title>",
            "<time datetime='2018-02-31'>",
            "<meta name=date content='31 ſeptember 2018'>",
            "<link rel=canonical href='https://x'>",
            "<meta property='og:url' content='javascript:x'>",
            "<base href=x>",
            "<li value=x>",
        ]
    ),  # fmt: skip
    st.sampled_from(CHARSETS).map(lambda name: f'<meta charset="{name}">'),
    st.sampled_from(CHARSETS).map(
        lambda name: f'<meta http-equiv=content-type content="text/html; charset={name}">'
    ),
)


@FUZZ
@given(data=st.binary(max_size=5000), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str) -> None:
    imports_or_refuses(tmp_path_factory.mktemp("bytes"), suffix, data)


@FUZZ
@given(data=as_bytes(document_of(TEXT_PIECES)), suffix=st.sampled_from(SUFFIXES))
def test_hostile_text(tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str) -> None:
    imports_or_refuses(tmp_path_factory.mktemp("text"), suffix, data)


@FUZZ
@given(data=as_bytes(document_of(MARKDOWN_PIECES)))
def test_hostile_markdown(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    imports_or_refuses(tmp_path_factory.mktemp("markdown"), ".md", data)


@FUZZ
@given(data=as_bytes(document_of(HTML_PIECES)))
def test_hostile_html(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    imports_or_refuses(tmp_path_factory.mktemp("html"), ".html", data)


# Pathological files, each as the brief of a fuzzer names them -----------------------------------
PATHOLOGICAL = {
    "div-1e5.html": b"<div>" * 100_000 + b"The words at the bottom." + b"</div>" * 100_000,
    "div-unclosed.html": b"<div>" * 100_000 + b"The words at the bottom.",
    "blockquote.html": b"<blockquote>" * 50_000 + b"The words at the bottom.",
    "options.html": b"<p>Before.</p><select>" + b"<option>x</option>" * 50_000 + b"</select>",
    "quotes.md": b">" * 10_000 + b" The words at the bottom.",
    "brackets.md": b"[" * 10_000 + b"The words." + b"]" * 10_000,
    "links.md": b"[a](" * 2_000 + b"b" + b")" * 2_000,
    "emphasis.md": b"*a **" * 5_000 + b"_b __" * 5_000,
    "lists.md": b"".join(b" " * (n % 64) + b"- item\n" for n in range(5000)),
    "backticks.md": b"`" * 50_000 + b"x" + b"``" * 20_000,
    "huge-line.txt": b"We call on both sides " * 10_000,
    "nul.txt": b"\x00" * 10_000,
    "boms.txt": codecs.BOM_UTF8 + codecs.BOM_UTF16_LE + codecs.BOM_UTF32_BE + b"Words.",
    "utf16-nuls.txt": "Words.\x00\x00 More words.\n".encode("utf-16"),
    "line-ends.txt": b"Statement\r\rWe call.\r\nOn both\x85sides\xe2\x80\xa8now.\x0c\x0b",
    "surrogates.txt": "We call \udcff on \udc80 both.".encode("utf-8", "surrogateescape"),
    "cesu.txt": "We call \ud800 on \udbff\udfff both.".encode("utf-8", "surrogatepass"),
    "utf16-lone.txt": codecs.BOM_UTF16_LE + "We \ud800 call.".encode("utf-16-le", "surrogatepass"),
    "meta-utf7.html": b'<meta charset="utf-7"><p>We +2AA- call.</p>',
    "meta-escape.html": b'<meta charset="unicode_escape"><p>We \\ud800 call.</p>',
    "meta-rot13.html": b'<meta charset="rot13"><p>We call.</p>',
    "meta-undefined.html": b'<meta charset="undefined"><p>We call.</p>',
    "ol-superscript.html": "<ol start=²><li>We call on both sides.</li></ol>".encode(),
    "long-s-date.txt": "Statement\n\n15 ſeptember 2018\n\nWe call on both sides.".encode(),
    "entities.html": b"<p>" + b"&#0;&#xD800;&#x110000;&amp" * 10_000 + b"</p>",
    "comments.html": b"<!--" * 50_000 + b"<p>Words.</p>",
    "tables.html": b"<table><tr><td>" * 5_000 + b"Words.",
}


@pytest.mark.parametrize("name", PATHOLOGICAL, ids=str)
def test_pathological_files(tmp_path: Path, name: str) -> None:
    """Each is read or refused, in seconds, and in memory some times its size (Python's own
    allocations: Lexbor's and PDFium's are not traced)."""
    # What is loaded once and kept is not counted: the furniture list, chardet's models...
    for warm_up in (".txt", ".md", ".html"):
        imports_or_refuses(tmp_path, warm_up, b"# Title\n\nWe call on both sides, caf\xe9.\n")
    path = tmp_path / name
    path.write_bytes(PATHOLOGICAL[name])
    tracemalloc.start()
    try:
        check_import(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000 + 20 * len(PATHOLOGICAL[name]), f"{peak / 1e6:.1f} MB"


# Real files, mutated ------------------------------------------------------------------------
def _real_files() -> list[Path]:
    found = sorted((SHARED / "seeds").rglob("*.txt"))
    found += sorted((SHARED / "data" / "article-extraction-benchmark" / "html").glob("*.html.gz"))
    pdfs = (SHARED / "data" / "pdf-sample-files").rglob("*.pdf")
    return found + sorted(p for p in pdfs if p.stat().st_size < 200_000)  # quick to read


REAL_FILES = _real_files() if SHARED.is_dir() else []
NO_REAL_FILES = pytest.mark.skipif(
    not REAL_FILES,
    reason=f"the shared data folder {SHARED} is absent (it sits beside the checkout)",
)


@cache
def contents(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def suffix_of(path: Path) -> str:
    return Path(path.name.removesuffix(".gz")).suffix


@st.composite
def mutations(draw: st.DrawFn, data: bytes) -> bytes:
    """`data` with bytes flipped, inserted, deleted, a slice repeated, or the end cut off."""
    mutated = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(mutated)))
        kind = draw(st.sampled_from(["flip", "insert", "delete", "repeat", "truncate"]))
        if kind == "flip" and at < len(mutated):
            mutated[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            mutated[at:at] = draw(st.binary(min_size=1, max_size=16) | st.sampled_from(
                [b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"<div>" * 50, b"\r", b"%%EOF", b"obj"]
            ))  # fmt: skip
        elif kind == "delete":
            del mutated[at : at + draw(st.integers(1, 4096))]
        elif kind == "repeat":
            mutated[at:at] = mutated[at : at + draw(st.integers(1, 512))] * draw(st.integers(2, 8))
        elif kind == "truncate":
            del mutated[at:]
    return bytes(mutated)


@st.composite
def mutated_real_file(draw: st.DrawFn) -> tuple[str, bytes]:
    path = draw(st.sampled_from(REAL_FILES))
    return suffix_of(path), draw(mutations(contents(path)))


@NO_REAL_FILES
@FUZZ
@given(file=mutated_real_file())
def test_mutated_real_files(
    tmp_path_factory: pytest.TempPathFactory, file: tuple[str, bytes]
) -> None:
    suffix, data = file
    imports_or_refuses(tmp_path_factory.mktemp("real"), suffix, data)


# PDFs that lie ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def statement_pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A PDF made here (no shared file needed), with text a statement has."""
    path = tmp_path_factory.mktemp("pdf") / "made.pdf"
    lines = [("Joint Statement on Stability", 18.0), ("", 12.0)]
    lines += [("We call on both sides to resume the dialogue.", 12.0)] * 20
    write_pdf(path, [lines, lines])
    return path.read_bytes()


def _xref_outside(data: bytes) -> bytes:
    head, found, tail = data.rpartition(b"startxref")
    assert found
    number = tail.split()[0]
    return head + found + tail.replace(number, b"999999999", 1)


def _offsets_outside(data: bytes) -> bytes:
    """Every entry of the cross-reference table points far past the end of the file."""
    return data.replace(b"0000000", b"9999999")


LIES = {
    "truncated-half": lambda data: data[: len(data) // 2],
    "truncated-header": lambda data: data[:9],
    "truncated-no-eof": lambda data: data[: data.rfind(b"%%EOF")],
    "xref-outside": _xref_outside,
    "offsets-outside": _offsets_outside,
    "flipped-every-100th": lambda data: bytes(b ^ (n % 100 == 0) * 255 for n, b in enumerate(data)),
    "header-only": lambda _data: b"%PDF-1.7\n",
    "header-then-garbage": lambda _data: b"%PDF-1.4\n" + bytes(range(256)) * 40,
    "empty": lambda _data: b"",
    "blank": lambda _data: b" \n\t\r\n",
    "a-text-file": lambda _data: b"We call on both sides to resume the dialogue.\n",
    "an-html-page": lambda _data: b"<html><body><p>We call on both sides.</p></body></html>",
    "a-png": lambda _data: b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
    "two-documents": lambda data: data + data,
    "nested-objects": lambda _data: b"%PDF-1.4\n1 0 obj\n" + b"[" * 100_000 + b"\nendobj\n%%EOF",
    "deep-dictionary": lambda _data: b"%PDF-1.4\n1 0 obj\n" + b"<<" * 50_000 + b"\n%%EOF",
}  # fmt: skip


@pytest.mark.parametrize("lie", LIES, ids=str)
def test_pdfs_that_lie(tmp_path: Path, statement_pdf: bytes, lie: str) -> None:
    imports_or_refuses(tmp_path, ".pdf", LIES[lie](statement_pdf))


def test_the_made_pdf_imports(tmp_path: Path, statement_pdf: bytes) -> None:
    """The lies above are lies about a PDF that imports."""
    document = imports_or_refuses(tmp_path, ".pdf", statement_pdf)
    assert document is not None and "resume the dialogue" in document.text


@FUZZ
@given(data=st.data())
def test_mutated_made_pdf(
    tmp_path_factory: pytest.TempPathFactory, statement_pdf: bytes, data: st.DataObject
) -> None:
    imports_or_refuses(tmp_path_factory.mktemp("pdf"), ".pdf", data.draw(mutations(statement_pdf)))


# Found by the fuzzers: each bug's own test -------------------------------------------------
@pytest.mark.parametrize(
    "charset", ["rot13", "base64", "zlib", "undefined", "idna", "utf-7", "unicode_escape"]
)
def test_a_page_declaring_a_codec_that_is_no_charset_is_read_as_utf8(
    tmp_path: Path, charset: str
) -> None:
    """rot13, base64 and zlib raised LookupError, undefined and idna UnicodeError; UTF-7 and
    unicode_escape read "+2AA-" and "\\ud800" as lone surrogates."""
    page = f'<meta charset="{charset}"><p>We call +2AA- on \\ud800 both sides.</p>'
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    imported = import_file(path)
    assert imported.encoding == "utf-8"
    assert to_document(imported, "x").text == "We call +2AA- on \\ud800 both sides."


def test_an_ordered_list_starting_at_a_digit_int_cannot_read(tmp_path: Path) -> None:
    """<ol start=²>: "²".isdigit() is True, and int("²") raised ValueError."""
    path = tmp_path / "list.html"
    path.write_text("<ol start=²><li>We call on both sides.</li></ol>", encoding="utf-8")
    document = to_document(import_file(path), "x")
    assert document.text == "• We call on both sides."


@pytest.mark.parametrize(
    ("line", "date"),
    [("15 ſeptember 2018", "2018-09-15"), ("ſept 15, 2018", "2018-09-15"), ("8 aprıl 2013", None)],
    ids=["long-s", "long-s-abbreviated", "dotless-i"],
)
def test_a_month_matched_only_ignoring_unicode_case(
    tmp_path: Path, line: str, date: str | None
) -> None:
    """The date patterns ignore case as Unicode does: "ſeptember" matched, and looking it up
    among the months raised KeyError. A long s is an s; a dotless i is no month's."""
    path = tmp_path / "dated.txt"
    path.write_text(f"Joint Statement\n\n{line}\n\nWe call on both sides.\n", encoding="utf-8")
    metadata = import_file(path).metadata
    assert (metadata.date_start.isoformat() if metadata.date_start else None) == date


def _pdf_with_title(title: bytes) -> bytes:
    """A one-page PDF written by hand, with an information dictionary holding `title`."""
    stream = b"BT /F1 12 Tf 72 720 Td (We call on both sides to resume the dialogue.) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title " + title + b" >>",
    ]
    return pdf_bytes(objects, b"/Size %d /Root 1 0 R /Info 6 0 R" % (len(objects) + 1))


@pytest.mark.parametrize(
    "title", [b"<FEFFD800>", b"<FEFF0041DC00D800>"], ids=["high", "pair-reversed"]
)
def test_a_pdf_title_holding_half_a_surrogate_pair(tmp_path: Path, title: bytes) -> None:
    """pypdfium2 decoded the title strictly: UnicodeDecodeError, not a refusal."""
    document = imports_or_refuses(tmp_path, ".pdf", _pdf_with_title(title))
    assert document is not None and "resume the dialogue" in document.text
    assert "\ufffd" in document.metadata.title


def test_the_hand_made_pdf_keeps_its_title(tmp_path: Path) -> None:
    document = imports_or_refuses(tmp_path, ".pdf", _pdf_with_title(b"(Joint Statement on Talks)"))
    assert document is not None and document.metadata.title == "Joint Statement on Talks"


@pytest.mark.parametrize("suffix", [".html", ".md"])
def test_markup_nested_deeper_than_any_page_is_refused_at_once(tmp_path: Path, suffix: str) -> None:
    """Lexbor took 15 s for <div> x 100,000 (time quadratic in depth); Markdown hands an HTML
    block to it too."""
    path = tmp_path / f"deep{suffix}"
    path.write_bytes(b"Words.\n\n" + b"<div>" * 100_000 + b"The words at the bottom.")
    with time_limit(3), pytest.raises(ImportRefused) as refused:
        import_file(path)
    assert str(refused.value) == (
        f"deep{suffix} nests its HTML elements more than 25,000 deep, which no page does."
    )


def test_markup_nested_as_deep_as_pages_are_is_read(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    path.write_bytes(
        b"<div><span>" * 2_000 + b"The words at the bottom." + b"</span></div>" * 2_000
    )
    assert "The words at the bottom." in to_document(import_file(path), "x").text


def test_a_select_of_many_options_is_read_quickly(tmp_path: Path) -> None:
    """Lexbor took 3 s for 30,000 options in a <select> (time quadratic in their number)."""
    path = tmp_path / "options.html"
    options = b"".join(b"<option value=%d>Option %d</option>" % (n, n) for n in range(100_000))
    path.write_bytes(b"<p>We call on both sides.</p><select>" + options + b"</select><p>After.</p>")
    with time_limit(3):
        document = to_document(import_file(path), "x")
    assert document.text == "We call on both sides.\n\nAfter."


def test_a_markdown_paragraph_of_many_pieces_is_read_in_time(tmp_path: Path) -> None:
    """Each of a paragraph's 120,000 pieces was added to a growing string, copying it every
    time: 2 MB took 12 s, 15 MB never finished."""
    path = tmp_path / "long.md"
    path.write_bytes(b"We call *on* both sides `to` talk " * 60_000)
    with time_limit(8):
        document = to_document(import_file(path), "x")
    assert document.text.count("We call on both sides to talk") == 60_000


def test_a_page_of_a_paragraph_of_many_inline_elements_is_read_in_time(tmp_path: Path) -> None:
    """trafilatura takes time quadratic in one element's inline children (60,000 <b> took
    10 s): such a page keeps its own blocks, every word of them."""
    path = tmp_path / "long.html"
    path.write_bytes(b"<p>" + b"We call <b>on</b> both sides to talk. " * 60_000 + b"</p>")
    with time_limit(5):
        document = to_document(import_file(path), "x")
    assert document.text.count("We call on both sides to talk.") == 60_000


@pytest.mark.parametrize("value", [b"", b"=x", b'="a b"'])
def test_a_tag_of_a_storm_of_attributes_is_read_in_time(tmp_path: Path, value: bytes) -> None:
    """Lexbor and libxml2 take time quadratic in one tag's attributes: 100,000 took minutes."""
    path = tmp_path / "attributes.html"
    attributes = b" ".join(b"a%d%s" % (n, value) for n in range(100_000))
    path.write_bytes(b"<p " + attributes + b">We call on both sides.</p><p>After.</p>")
    with time_limit(5):
        document = to_document(import_file(path), "x")
    assert document.text == "We call on both sides.\n\nAfter."
