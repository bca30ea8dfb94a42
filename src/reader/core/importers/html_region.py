"""Which of a page's blocks are its article: trafilatura reads the page, its text picks them.

Measured on the whole article-extraction-benchmark (181 pages, bag-of-words F1 of lower-cased
`\\w+` tokens against `articleBody`, `bench/html_libraries.py`, one run on a shared machine):
trafilatura 2.3 0.959 (favor_precision 0.965), readability-lxml 0.9 0.958, Resiliparse 2.0
0.898, jusText 3.0 0.718; about 38 ms a page for trafilatura and readability, 2 ms for
Resiliparse. trafilatura (Apache-2.0; 2.3.1 of October 2026, its dependencies as recent)
rather than readability-lxml, equal in quality: readability-lxml 0.9 pins chardet below 6,
which the project's chardet 7 (the 0BSD rewrite) cannot meet. Resiliparse is fast but 0.06
lower, under the 0.95 bar. Not favor_precision: it loses words of the article (recall 0.975
against 0.983) and headings (91.8 % of the article's kept against 95.8 %), and a reader
must not lose the statement's words; furniture it lets through is mostly caught after.
trafilatura costs about 55 MB installed (Babel's locale data,
through courlan, is 36 MB of it) and about a second to import on a busy machine, so it is
imported when the first page is, in the import's worker thread, never at start-up.

trafilatura is only ever given the page's text and no URL, and only `extract` is called: it
parses the string it is given and fetches nothing (its download functions are never used).

Its text is not taken as the statement: the page's own blocks are (collected by
html_import's collector, with the page's headings, list markers and numbering), and
trafilatura's text only says which of them are the article's. A block is the article's
when it is one of trafilatura's lines, or when most of its word trigrams are in its text;
a short block (a heading of two words, a table cell) that trafilatura did not give a line
of its own is kept when its words are in the text and the blocks around it are kept.
Each line and trigram of trafilatura's text is used once, so a menu entry repeating a
heading is not kept as well.

trafilatura takes the headline for metadata, not for the article's text, and leaves the
page's <h1> out of it: `page_headline` finds it and `with_headline` puts it back where the
page has it, so the statement keeps its own title (the <h1> whose words are the page's
title in JSON-LD, Open Graph or <title>; on a page with none that matches, the <h1> nearest
the article's start). trafilatura does take in the links to other pages that some pages
end their article with ("You may also like..."): `without_trailing_links` leaves them out.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence

from reader.core.documents.builder import BlockSpec
from reader.core.documents.document import BlockKind
from reader.core.importers.metadata_detection import same_title

_WORD = re.compile(r"\w+")
_SHORT = 3  # blocks with fewer words cannot be judged by their trigrams
_COVERED = 0.5  # share of a block's trigrams in trafilatura's text that makes it the article's
# Blocks that may stand between a headline and its article's first kept block: a byline, a
# date, a share bar, a photo and its caption. A site's name in an <h1> stands further off,
# beyond its menu.
_NEAR = 12
_LINKED = 0.9  # share of a block's characters inside links that makes it a link
# Words of a link that is another page's headline: not a signatory's name, not a button.
_LINK_HEADLINE = 4
_LABEL = 5  # words at most of a label heading such links ("Related publications")
Words = tuple[str, ...]


def article_blocks(html: str, candidates: Sequence[BlockSpec]) -> list[BlockSpec]:
    """The candidates that trafilatura finds to be the page's article ([] if it finds none)."""
    text = extracted_text(html)
    if not text:
        return []
    return _Matcher(text).keep(candidates)


def extracted_text(html: str) -> str:
    """trafilatura's text of the page's article, "" if it finds none."""
    # Imported here, not at the top: importing trafilatura takes about 0.3 s and start-up
    # should not pay for it when no page is imported.
    import trafilatura

    # trafilatura logs a line for every page it finds too small or broken: not for the user.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    extracted = trafilatura.extract(
        html,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=False,
        deduplicate=False,
    )
    return extracted or ""


def page_headline(
    candidates: Sequence[BlockSpec], chosen: Sequence[BlockSpec], title: str = ""
) -> BlockSpec | None:
    """The page's headline among the candidates, if it has one: `chosen` are the article's
    blocks, `title` what the page's metadata calls it ("" if nothing)."""
    kept = {id(spec) for spec in chosen}
    at = [number for number, spec in enumerate(candidates) if id(spec) in kept]
    found = _headline(candidates, at, title)
    return None if found is None else candidates[found]


def with_headline(
    candidates: Sequence[BlockSpec], chosen: Sequence[BlockSpec], headline: BlockSpec | None
) -> list[BlockSpec]:
    """`chosen` (some of `candidates`, in order) with `headline` among them, in its place."""
    kept = {id(spec) for spec in chosen}
    if headline is None or id(headline) in kept:
        return list(chosen)
    kept.add(id(headline))
    return [spec for spec in candidates if id(spec) in kept]


def without_trailing_links(chosen: Sequence[BlockSpec], linked: Sequence[float]) -> list[BlockSpec]:
    """`chosen` less the links to other pages it ends with, and their label: two or more
    blocks, each only a link as long as a headline. `linked` is each block's share of
    characters inside links."""
    end = len(chosen)
    while (
        end > 0
        and linked[end - 1] >= _LINKED
        and len(_words(chosen[end - 1].text)) >= _LINK_HEADLINE
    ):
        end -= 1
    if len(chosen) - end < 2:
        return list(chosen)
    if end > 0 and linked[end - 1] < _LINKED and _is_label(chosen[end - 1].text):
        end -= 1
    return list(chosen[:end])


def _is_label(text: str) -> bool:
    """A few words not ending as a sentence does (a last "We agree." is the statement's)."""
    text = text.strip()
    return len(_words(text)) <= _LABEL and not (text.endswith(".") and not text.endswith(".."))


def _headline(candidates: Sequence[BlockSpec], at: list[int], title: str) -> int | None:
    """Where the headline stands among the candidates: the <h1> the metadata names, nearest
    the article's start; failing that, if no kept block is an <h1>, the <h1> near its start."""
    start, end = (at[0], at[-1]) if at else (0, -1)
    h1 = {
        number
        for number, spec in enumerate(candidates)
        if spec.kind is BlockKind.HEADING and spec.level == 1 and _words(spec.text)
    }
    named = [number for number in sorted(h1) if same_title(candidates[number].text, title)]
    if named:
        return min(named, key=lambda number: abs(number - start))
    if any(number in h1 for number in at):
        return None
    near = [number for number in h1 if start - _NEAR <= number <= min(end, start + _NEAR)]
    # Before the start on a tie: a headline heads its article.
    return min(near, key=lambda number: (abs(number - start), number > start), default=None)


def _words(text: str) -> Words:
    return tuple(_WORD.findall(text.lower()))


def _trigrams(words: Words) -> list[Words]:
    return [words[i : i + 3] for i in range(len(words) - 2)]


class _Matcher:
    """Trafilatura's lines and trigrams, each used up by the first block that matches it:
    a block that is one of the lines before any judged by trigrams."""

    def __init__(self, text: str) -> None:
        lines = [words for words in map(_words, text.splitlines()) if words]
        self.lines = Counter(lines)
        # Across lines: a paragraph with a <br> is two of trafilatura's lines.
        self.trigrams = Counter(_trigrams(tuple(word for line in lines for word in line)))
        self.joined = [f" {' '.join(line)} " for line in lines]

    def keep(self, candidates: Sequence[BlockSpec]) -> list[BlockSpec]:
        words = [_words(spec.text) for spec in candidates]
        # First the blocks that are one of trafilatura's lines, then by their trigrams those
        # that are not: a summary or a pull quote repeating a paragraph finds the paragraph's
        # trigrams used up by it, wherever it stands.
        exact = [self._line(block) for block in words]
        # Then the blocks that can be judged on their own: True, False, or None (undecided).
        decided = [
            True if line else self._judge(block) for line, block in zip(exact, words, strict=True)
        ]
        between = _between_kept(decided)
        return [
            spec
            for spec, verdict, block, inside in zip(
                candidates, decided, words, between, strict=True
            )
            if verdict or (verdict is None and inside and self._found(block))
        ]

    def _line(self, words: Words) -> bool:
        if not words or self.lines[words] <= 0:
            return False
        self.lines[words] -= 1
        self._use(_trigrams(words))
        return True

    def _judge(self, words: Words) -> bool | None:
        if len(words) < _SHORT:  # empty too
            return None
        grams = _trigrams(words)
        wanted = Counter(grams)
        available = sum(min(count, self.trigrams[gram]) for gram, count in wanted.items())
        if available < _COVERED * len(grams):
            return False
        self._use(grams)
        return True

    def _use(self, grams: list[Words]) -> None:
        for gram in grams:
            if self.trigrams[gram] > 0:
                self.trigrams[gram] -= 1

    def _found(self, words: Words) -> bool:
        if not words:
            return True
        needle = f" {' '.join(words)} "
        return any(needle in line for line in self.joined)


def _between_kept(decided: list[bool | None]) -> list[bool]:
    """For each block, whether the nearest decided blocks before and after it are both kept."""
    before, last = [], False
    for verdict in decided:
        before.append(last)
        last = last if verdict is None else verdict
    after, last = [], False
    for verdict in reversed(decided):
        after.append(last)
        last = last if verdict is None else verdict
    return [b and a for b, a in zip(before, reversed(after), strict=True)]
