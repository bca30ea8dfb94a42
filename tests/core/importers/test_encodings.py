"""Text in the encodings analysts meet: UTF-8 with or without BOM, UTF-16, Russian code pages."""

from pathlib import Path

import pytest

from reader.core.importers import ImportRefused, import_file, to_document
from reader.core.importers.encoding import decode_text

RUSSIAN = (
    "Совместное заявление Группы Эльба\n"
    "Неаполь, Италия, 15-16 марта 2018 года\n\n"
    "Группа Эльба черпает вдохновение в отношениях, существовавших между США и Россией во время "
    "Второй мировой войны, когда наши страны, несмотря на значительные разногласия, объединились "
    "против общей угрозы.\n\n"
    "Стороны считают, что необходимо восстановить диалог:\n"
    "  - стратегическая стабильность;\n"
    "  - кибербезопасность.\n"
)
FRENCH = (
    "Déclaration commune\n\n"
    "Les deux côtés ont souligné l’importance d’un dialogue régulier — « naïf » diront certains. "
    "La sécurité européenne exige une coopération à long terme; c’est la leçon de Genève.\n"
)


@pytest.mark.parametrize(
    ("encoding", "python_name"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-be", "utf-16"),  # written with a BOM below
        ("windows-1251", "cp1251"),
        ("koi8-r", "koi8-r"),
    ],
)
def test_a_russian_statement_in_each_encoding(
    tmp_path: Path, encoding: str, python_name: str
) -> None:
    path = tmp_path / "заявление.txt"
    data = RUSSIAN.replace("\n", "\r\n").encode(encoding)
    path.write_bytes(b"\xfe\xff" + data if encoding == "utf-16-be" else data)
    imported = import_file(path)
    assert imported.encoding == python_name
    doc = to_document(imported, "ru")
    assert doc.metadata.title == "Совместное заявление Группы Эльба"
    assert doc.metadata.date_iso == "2018-03-15/2018-03-16"
    assert "несмотря на значительные разногласия" in doc.text
    assert [doc.block_text(i) for i, b in enumerate(doc.blocks) if b.kind.value == "list_item"] == [
        "стратегическая стабильность;",
        "кибербезопасность.",
    ]


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_a_western_text_in_a_single_byte_encoding(tmp_path: Path, encoding: str) -> None:
    text = FRENCH if encoding == "cp1252" else FRENCH.replace("’", "'").replace("—", "-")
    path = tmp_path / "declaration.txt"
    path.write_bytes(text.encode(encoding))
    doc = to_document(import_file(path), "fr")
    assert "c’est la leçon de Genève" in doc.text or "c'est la leçon de Genève" in doc.text
    assert doc.metadata.title == "Déclaration commune"


def test_line_ends_of_every_kind_read_alike() -> None:
    assert decode_text("x", b"a\r\nb\rc\nd").text == "a\nb\nc\nd"


def test_text_is_composed_so_accents_search_alike() -> None:
    assert decode_text("x", "Gene\u0300ve".encode()).text == "Genève"


def test_a_declared_charset_that_lies_falls_back_to_the_bytes() -> None:
    decoded = decode_text("x", "Привет, мир, как дела".encode("cp1251"), declared="no-such-codec")
    assert decoded.text == "Привет, мир, как дела"


def test_a_declared_charset_that_fails_falls_back_to_the_bytes() -> None:
    decoded = decode_text("x", "Привет, мир, как дела".encode("cp1251"), declared="utf-8")
    assert decoded.text == "Привет, мир, как дела"


def test_bytes_that_are_no_text_are_refused() -> None:
    noise = bytes(range(0x80, 0x100)) * 8 + bytes(range(1, 9)) * 100
    with pytest.raises(ImportRefused, match=r"^x\.txt (is not text|does not hold readable text)"):
        decode_text("x.txt", noise)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_utf16_without_a_byte_order_mark(tmp_path: Path, encoding: str, suffix: str) -> None:
    """Windows tools write UTF-16 with no BOM; its NULs were taken for a binary file."""
    path = tmp_path / f"заявление{suffix}"
    text = RUSSIAN if suffix != ".html" else f"<html><body><pre>{RUSSIAN}</pre></body></html>"
    path.write_bytes(text.encode(encoding))
    imported = import_file(path)
    assert imported.encoding == encoding
    assert "несмотря на значительные разногласия" in to_document(imported, "ru").text


@pytest.mark.parametrize("data", [b"\x00" * 4096, b"A\x00\x00\x00" * 1024, b"\x00A" * 2047 + b"A"])
def test_nuls_that_are_no_utf16_stay_binary(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "nuls.txt"
    path.write_bytes(data)
    with pytest.raises(ImportRefused, match="binary"):
        import_file(path)
