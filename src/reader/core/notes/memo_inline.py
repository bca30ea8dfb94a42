"""The inline Markdown a note may use (*emphasis*, **strong**, `code`), as styled spans for
a memo's HTML and DOCX; anything else in the note (HTML, links, headings) stays text."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt

Span = tuple[str, frozenset[str]]  # text, and its styles: "em", "strong", "code"
_OPENS = {"em_open": "em", "strong_open": "strong"}
_CLOSES = {"em_close": "em", "strong_close": "strong"}


@cache
def _parser() -> MarkdownIt:
    # "zero" knows nothing but text; only the inline rules a note may use are turned on.
    return MarkdownIt("zero").enable(["emphasis", "backticks", "escape"])


def inline_spans(line: str) -> list[Span]:
    """One line of a note as spans of text with their styles."""
    tokens = _parser().parseInline(line)
    children = tokens[0].children if tokens and tokens[0].children else []
    spans: list[Span] = []
    styles: set[str] = set()
    for token in children:
        if token.type in _OPENS:
            styles.add(_OPENS[token.type])
        elif token.type in _CLOSES:
            styles.discard(_CLOSES[token.type])
        elif token.type == "code_inline":
            spans.append((token.content, frozenset(styles | {"code"})))
        elif token.content:
            spans.append((token.content, frozenset(styles)))
    return spans
