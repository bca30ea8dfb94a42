"""A note's Markdown as HTML that is safe to show: raw HTML in the note is text, images are
not loaded (nothing is fetched, ever), and links may only point to the web or to e-mail."""

from __future__ import annotations

import functools
from typing import Any

SAFE_SCHEMES = ("http://", "https://", "mailto:")


@functools.cache
def _renderer() -> Any:
    from markdown_it import MarkdownIt  # only when a note with text is first shown

    class SafeMarkdown(MarkdownIt):
        def validateLink(self, url: str) -> bool:  # noqa: N802 (markdown-it's name)
            return url.strip().lower().startswith(SAFE_SCHEMES)

    md = SafeMarkdown("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")
    return md


def markdown_html(text: str) -> str:
    """`text` (CommonMark) rendered to HTML, with nothing in it that can run or load."""
    return str(_renderer().render(text)).strip()
