"""HTML pages: structure kept, scripts and navigation dropped, nothing the page names fetched."""

import datetime as dt
import socket
from pathlib import Path
from typing import Any

import pytest

from reader.core.documents.document import BlockKind
from reader.core.importers import html_import, import_file, to_document

H, P, LI = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Elbe Group Joint Statement | Example Site</title>
<meta name="dc.date" content="2018-03-16">
<link rel="canonical" href="https://example.org/elbe-2018">
<link rel="stylesheet" href="https://cdn.example.net/site.css">
<script src="https://cdn.example.net/tracker.js"></script>
<style>body { color: red }</style>
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main>
<h1>Elbe Group Joint Statement</h1>
<img src="https://images.example.net/photo.jpg" alt="Delegates">
<p>Naples, Italy: March 15-16, 2018</p>
<p>During the meeting the sides <em>discussed</em> the
   following <a href="/issues">issues</a>:</p>
<ul>
  <li>Strategic stability;</li>
  <li>Cybersecurity, with
    <ol start="3"><li>attribution;</li><li>norms.</li></ol>
  </li>
</ul>
<h2>On Syria</h2>
<blockquote><p>The sides believe that ISIS must be defeated.</p></blockquote>
<p>Line one<br>line two<br><br>A new paragraph.</p>
<script>document.write("Injected text");</script>
<noscript>Enable JavaScript</noscript>
<iframe src="https://ads.example.net/"></iframe>
<form><input name="q"><button>Search the site</button></form>
<svg><text>Chart label</text></svg>
<p>Share this article</p>
</main>
<aside>Popular posts</aside>
<footer>Copyright 2018 Example</footer>
</body></html>
"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "elbe.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_headings_lists_and_paragraphs_are_kept(page: Path) -> None:
    imported = import_file(page)
    assert [(b.kind, b.level, b.marker, b.text) for b in imported.blocks] == [
        (H, 1, "", "Elbe Group Joint Statement"),
        (P, 0, "", "Naples, Italy: March 15-16, 2018"),
        (P, 0, "", "During the meeting the sides discussed the following issues:"),
        (LI, 1, "•", "Strategic stability;"),
        (LI, 1, "•", "Cybersecurity, with"),
        (LI, 2, "3.", "attribution;"),
        (LI, 2, "4.", "norms."),
        (H, 2, "", "On Syria"),
        (P, 0, "", "The sides believe that ISIS must be defeated."),
        (P, 0, "", "Line one line two"),
        (P, 0, "", "A new paragraph."),
    ]


def test_metadata_from_the_page(page: Path) -> None:
    metadata = import_file(page).metadata
    assert metadata.title == "Elbe Group Joint Statement"
    assert (metadata.date_start, metadata.date_end) == (dt.date(2018, 3, 15), dt.date(2018, 3, 16))
    assert metadata.place == "Naples, Italy"
    assert metadata.source_url == "https://example.org/elbe-2018"


def test_title_and_date_from_the_head_when_the_text_has_none(tmp_path: Path) -> None:
    path = tmp_path / "bare.htm"
    path.write_text(
        "<title>Statement on Arms Control - Example</title>"
        '<meta property="article:published_time" content="2021-06-06T10:00:00+00:00">'
        "<p>We call for talks.</p>",
        encoding="utf-8",
    )
    metadata = import_file(path).metadata
    assert metadata.title == "Statement on Arms Control"
    assert metadata.date_start == dt.date(2021, 6, 6)


def test_nothing_is_fetched(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser is given the page's text and nothing else: no loader, no base URL."""

    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the importer tried to open a network connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    given: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    real_parser = html_import.LexborHTMLParser

    def spy(*args: Any, **kwargs: Any) -> Any:
        given.append((args, kwargs))
        return real_parser(*args, **kwargs)

    monkeypatch.setattr(html_import, "LexborHTMLParser", spy)
    text = to_document(import_file(page), "p").text
    assert given and all(len(args) == 1 and not kwargs for args, kwargs in given)
    assert all(isinstance(args[0], str) for args, _ in given)
    for dropped in (
        "Injected",
        "Enable JavaScript",
        "Search the site",
        "Chart label",
        "Home",
        "Popular posts",
        "Copyright",
        "Share this article",
        "Delegates",
    ):
        assert dropped not in text


def test_a_declared_russian_charset_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "ru.html"
    html = '<html><head><meta charset="windows-1251"></head><body><h1>Заявление</h1>'
    path.write_bytes(
        (html + "<p>Стороны считают, что диалог необходим.</p></body></html>").encode("cp1251")
    )
    imported = import_file(path)
    assert imported.encoding == "cp1251"
    assert [b.text for b in imported.blocks] == [
        "Заявление",
        "Стороны считают, что диалог необходим.",
    ]


def test_a_page_nested_thousands_deep_does_not_overflow(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<div>" * 20000 + "<p>Deep words.</p>" + "</div>" * 20000, encoding="utf-8")
    assert [b.text for b in import_file(path).blocks] == ["Deep words."]


def test_an_article_header_is_kept_but_the_site_banner_is_not(tmp_path: Path) -> None:
    path = tmp_path / "article.html"
    body = "The sides agreed that the talks on strategic stability must resume without delay."
    path.write_text(
        "<header><p>Site Banner Words</p><p>News and analysis since 1990</p></header><div>"
        f"<article><header><h1>The Title</h1></header><p>{body}</p></article>"
        "</div><footer><p>Copyright 2018 Example Inc.</p></footer>",
        encoding="utf-8",
    )
    texts = [b.text for b in import_file(path).blocks]
    assert texts == ["The Title", body]


@pytest.mark.parametrize("declared", ["utf-16", "UTF-16LE", "utf-32", "ucs-2"])
def test_an_ascii_page_that_declares_utf16_is_read_as_utf8(declared: str) -> None:
    """The HTML standard: a meta that could be read as ASCII cannot mean UTF-16."""
    page = (
        f'<html><head><meta charset="{declared}"><title>On Arms Control</title></head>'
        "<body><h1>On Arms Control</h1><p>The sides should resume the dialogue — at once.</p>"
        "</body></html>"
    ).encode()
    parsed = html_import.import_html("page.html", page)
    text = " ".join(block.text for block in parsed.blocks)
    assert "The sides should resume the dialogue — at once." in text
