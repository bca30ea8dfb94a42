"""A note's Markdown shown as HTML: formatting kept, nothing that can run or load."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from reader.core.notes.markdown import markdown_html


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


def test_formatting_is_kept() -> None:
    assert markdown_html("Worth **quoting**, *really*") == (
        "<p>Worth <strong>quoting</strong>, <em>really</em></p>"
    )
    assert [t for t, _ in _tags(markdown_html("- one\n- two"))] == ["ul", "li", "li"]


def test_html_in_a_note_is_text() -> None:
    shown = markdown_html('<script>alert(1)</script><img src="http://x/y.png" onerror=a()>')
    assert "<script" not in shown and "<img" not in shown and "&lt;script&gt;" in shown


def test_only_web_and_mail_links_and_no_images() -> None:
    shown = markdown_html(
        "[a](javascript:alert(1)) [b](file:///etc/passwd) [c](https://example.org) "
        "[d](mailto:a@b.org) ![e](http://example.org/e.png)"
    )
    links = [attrs.get("href") for tag, attrs in _tags(shown) if tag == "a"]
    assert links == ["https://example.org", "mailto:a@b.org", "http://example.org/e.png"]
    assert all(tag != "img" for tag, _ in _tags(shown))


@given(st.text(alphabet="<>\"'=&*_[]()!:/ ajsvcriptonerg\n", max_size=80))
def test_nothing_rendered_can_run_or_load(text: str) -> None:
    for tag, attrs in _tags(markdown_html(text)):
        assert tag not in {"script", "img", "iframe", "object", "style"}
        assert not any(name.startswith("on") for name in attrs)
        href = (attrs.get("href") or "https://").lower()
        assert href.startswith(("http://", "https://", "mailto:"))
