"""What makes a line a heading, and the levels headings end up with (the title is level 1)."""

from __future__ import annotations

import re
from dataclasses import replace

from reader.core.documents.builder import BlockSpec, normalise_space
from reader.core.documents.document import BlockKind
from reader.core.documents.sentences import split_sentences
from reader.core.importers.datelines import read_dateline
from reader.core.importers.list_markers import match_marker

HEADING = BlockKind.HEADING
ATX = re.compile(r"(?P<hashes>#{1,6})\s+(?P<text>.*?)(?:\s+#+)?\s*")  # "## Section ##"
UNDERLINE = re.compile(r"(?P<char>[=-])(?P=char){2,}\s*")  # the line under "Title\n====="
_MINOR_WORDS = frozenset(
    """a an and as at but by for from in into nor of on or over per the to upon via vs with
    within without between against among about after before during under
    be is are was its their not so than""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# Closing quotes and brackets may follow the punctuation that ends a sentence.
SENTENCE_END = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_NOT_AFTER_HEADING = re.compile(r"[.,;:!?…]$")
_MOST_WORDS = 25  # a heading in sentence case ("Advancing strategic stability in ...")
_MOST_TITLE_WORDS = 40  # in Title Case ("Joint Statement by ... on Mutually Assured Stability")
_LONGEST = 300


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def starts_sentence(text: str) -> bool:
    """True when `text` opens as a sentence or heading does: a capital, a digit, a quote."""
    first = text.lstrip("\"'“‘«([")[:1]
    return first.isupper() or first.isdigit()


def is_title_case(text: str) -> bool:
    """True for "Strategic Stability in the Middle East": every word but minor ones capitalised."""
    major = [w for w in _WORD.findall(text) if w.lower() not in _MINOR_WORDS]
    return len(major) >= 2 and all(w[0].isupper() for w in major)


def is_dateline(text: str) -> bool:
    """ "Naples, Italy: March 15-16, 2018", "(Moscow, April 22, 2009)", "March 2017": see
    datelines.py."""
    return read_dateline(text) is not None


def title_index(specs: list[BlockSpec]) -> int:
    """Where the title would stand: after the datelines that open the text, if any."""
    at = 0
    while at < len(specs) and specs[at].kind is BlockKind.PARAGRAPH and is_dateline(specs[at].text):
        at += 1
    return at


def looks_like_heading(text: str) -> bool:
    """A short line that does not end like a sentence, opens like one and is no list item."""
    if len(text) > _LONGEST or _NOT_AFTER_HEADING.search(text) or not starts_sentence(text):
        return False
    most = _MOST_TITLE_WORDS if is_title_case(text) else _MOST_WORDS
    if len(text.split()) > most or match_marker(text) is not None:
        return False
    return not is_dateline(text)


def settle_levels(specs: list[BlockSpec]) -> list[BlockSpec]:
    """The first block after any opening datelines, if a heading (or a Title Case line),
    becomes the title at level 1; the other headings keep their order of levels, renumbered
    from 2 without gaps."""
    at = title_index(specs)
    specs = [*specs[:at], *_promote_title(specs[at:])]
    has_title = at < len(specs) and specs[at].kind is HEADING
    body = specs[at + 1 :] if has_title else specs[at:]
    levels = sorted({s.level for s in body if s.kind is HEADING})
    ranks = {level: 2 + n for n, level in enumerate(levels)}
    settled = [*specs[:at], replace(specs[at], level=1)] if has_title else specs[:at]
    settled += [replace(s, level=ranks[s.level]) if s.kind is HEADING else s for s in body]
    return settled


def _promote_title(specs: list[BlockSpec]) -> list[BlockSpec]:
    """A first paragraph of one Title Case sentence is the title (its full stop kept: the words
    stay as written; the metadata's title leaves it out)."""
    if not specs or specs[0].kind is not BlockKind.PARAGRAPH:
        return specs
    text = normalise_space(specs[0].text)
    if not (text.endswith(".") and is_title_case(text) and len(split_sentences(text)) == 1):
        return specs
    if len(text.split()) > _MOST_TITLE_WORDS:
        return specs
    return [BlockSpec(HEADING, text, level=1), *specs[1:]]
