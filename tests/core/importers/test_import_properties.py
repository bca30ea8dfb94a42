"""Property tests: no input makes an importer fail otherwise than with ImportRefused, and the
text importer never loses a word that is not page furniture."""

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.importers import ImportRefused, import_file, to_document
from reader.core.importers.furniture import default_furniture
from reader.core.importers.text_import import text_blocks

# Words of statements, none of them furniture on its own ("print", "share" are left out).
VOCABULARY = """The Elbe Group Russia United States sides believe dialogue must strategic
stability cooperation weapons nuclear treaty security Ukraine Syria recommend urge call
international relations meeting Naples Washington Council experts leaders region crisis
""".split()
WORD = st.one_of(
    st.sampled_from(VOCABULARY),
    st.from_regex(r"[A-Za-z]{4,12}", fullmatch=True).filter(
        lambda word: not default_furniture().is_furniture(word)  # "Home", "Poll": menu words
    ),
)
PUNCTUATION = st.sampled_from(["", "", "", ".", ",", ";", ":", "?", "!"])
LINE_START = st.sampled_from(["", "", "", "  ", "    ", "• ", "- ", "  * ", "1. ", "a) ", "# "])
LINE = st.builds(
    lambda start, words, ends: start + " ".join(w + p for w, p in zip(words, ends, strict=False)),
    LINE_START,
    st.lists(WORD, min_size=1, max_size=14),
    st.lists(PUNCTUATION, min_size=14, max_size=14),
)
TEXT = st.lists(st.one_of(LINE, st.just("")), min_size=1, max_size=30).map("\n".join)
SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".pdf"])
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]{4,}", text))


@FUZZ
@given(TEXT)
def test_the_text_importer_keeps_every_word(text: str) -> None:
    kept = " ".join(spec.text for spec in text_blocks(text))
    assert words(text) <= words(kept)


@FUZZ
@given(st.binary(max_size=3000), SUFFIXES)
def test_any_bytes_import_or_are_refused(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            imported = import_file(path)
        except ImportRefused as refusal:
            assert str(refusal).startswith(path.name)
        else:
            assert imported.blocks and to_document(imported, "x").text


@FUZZ
@given(
    st.lists(
        st.one_of(
            TEXT,
            st.sampled_from(
                [
                    "<p>",
                    "</p>",
                    "<ul>",
                    "<li>",
                    "</ul>",
                    "<h2>",
                    "</h2>",
                    "<br>",
                    "<script>",
                    "</script>",
                    "<table><tr><td>",
                    "<!--",
                    "-->",
                    "<![CDATA[",
                    "&amp;",
                    "&#0;",
                    "<svg>",
                    "<div",
                    ">",
                ]
            ),
        ),
        max_size=40,
    ).map("".join),
    SUFFIXES,
)
def test_any_markup_imports_or_is_refused(markup: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"page{suffix}"
        path.write_text(markup, encoding="utf-8")
        try:
            imported = import_file(path)
        except ImportRefused:
            return
        assert all(spec.text.strip() for spec in imported.blocks)
