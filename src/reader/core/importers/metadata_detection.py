"""Metadata an imported text gives away: its title, a dateline's date and place, its authors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reader.core.documents.builder import BlockSpec, normalise_space
from reader.core.documents.document import BlockKind, DatePrecision, Metadata
from reader.core.documents.sentences import split_sentences
from reader.core.errors import ResourceError
from reader.core.importers.authors import organisations_in_author
from reader.core.importers.datelines import (
    Dateline,
    place_of,
    press_release_place,
    read_dateline,
)
from reader.core.importers.dates import DateMatch, find_date
from reader.core.importers.headings import ends_sentence, title_index
from reader.core.translation import _
from reader.resource_access import resource_path

_HEAD_LINES = 40  # a dateline stands near the top, furniture such as "Statement | 6 June 2021" too
_COARSE_HEAD_LINES = 10  # a month or a year alone makes a dateline among the first lines only
_OPENING_BLOCKS = 5  # "WASHINGTON, April 8, 2013 — The ..." opens one of the first paragraphs
_DATE_NEAR_START = 40  # characters
_ORGANISATIONS_WITHIN = 1000  # characters of the body, after the title
_LONGEST_TITLE = 80  # characters of a title made from a first sentence, cut at a word
_FEWEST_TITLE_WORDS = 4  # a first "sentence" shorter than this is a label, not a title
_HEADINGS_IN_A_BYLINE = 3  # or more headings in a row, with no text between them
_NUMBERED_STEM = re.compile(r"^\d{1,3}[ _.-]+(?=\D)")  # "03_" before "easlg-2023-..."
_SLUG_STEM = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){2,}")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Hints:
    """What a file says of itself apart from its text: an HTML page's <title> and <meta> tags."""

    title: str = ""
    date: DateMatch | None = None
    source_url: str = ""
    # The file names its text so itself (a page's JSON-LD headline or Open Graph title): the
    # title, unless a title line of the text says the same (then that line, as it stands).
    title_named: bool = False
    author: str = ""  # the file's own author field: a PDF's /Author, a page's publisher


def detect_metadata(
    specs: list[BlockSpec], head: list[str], file_name: str, hints: Hints | None = None
) -> Metadata:
    """Metadata from the blocks and `head`, the first lines of the raw text (furniture too)."""
    hints = hints or Hints()
    title = _title(specs)
    if hints.title_named and not same_title(title, hints.title):
        # The text's first heading may name its section ("Press releases"), not the text.
        title = hints.title
    title = title or hints.title or fallback_title(specs) or _title_from_name(file_name)
    dateline = _dateline(head, specs)
    found = dateline.date if dateline else hints.date
    return Metadata(
        title=title,
        date_start=found.first if found else None,
        date_end=found.last if found else None,
        date_precision=found.precision if found else DatePrecision.DAY,
        place=(dateline.place if dateline else "") or _press_release_place(specs),
        organizations=_organisations(title, specs, hints.author),
        source=f"Imported from {file_name}",
        source_url=hints.source_url,
    )


def _organisations(title: str, specs: list[BlockSpec], author: str) -> tuple[str, ...]:
    """Those the title and opening name, after the one the file's author field names (the
    issuer, though its text may name it only at the end or not at all)."""
    named = organisations_in_author(author, find_organisations(author))
    found = find_organisations(title + "\n" + _opening(specs))
    return tuple(dict.fromkeys(named + found))


def same_title(one: str, other: str) -> bool:
    """Whether the words of one title hold the other's whole, in order: a <title> adds the
    site's name to a headline, an <h1> may add a kicker to it."""
    words = [" ".join(_WORD.findall(text.casefold())) for text in (one, other)]
    if not all(words):
        return False
    shorter, longer = sorted(words, key=len)
    return f" {shorter} " in f" {longer} "


def _title(specs: list[BlockSpec]) -> str:
    at = title_index(specs)
    first = specs[at] if at < len(specs) else None
    if first is None or first.kind is not BlockKind.HEADING or first.level != 1:
        return ""
    return _without_full_stop(normalise_space(first.text))


def fallback_title(specs: list[BlockSpec]) -> str:
    """For a text with no title line: its first heading if no paragraph comes before it (a
    later one heads a section, not the text), else its first sentence, cut at a word."""
    body = specs[title_index(specs) :]
    at = 0
    while at < len(body):
        if body[at].kind is BlockKind.HEADING:
            run = _headings_from(body, at)
            if run < _HEADINGS_IN_A_BYLINE:
                return _without_full_stop(normalise_space(body[at].text))
            at += run  # names and affiliations of authors, or a menu: no title among them
            continue
        sentence = _first_sentence(normalise_space(body[at].text))
        if sentence:
            return _cut(sentence)
        at += 1
    return ""


def _headings_from(specs: list[BlockSpec], at: int) -> int:
    """How many headings follow one another from `at` on."""
    end = at
    while end < len(specs) and specs[end].kind is BlockKind.HEADING:
        end += 1
    return end - at


def _first_sentence(text: str) -> str:
    spans = split_sentences(text)
    sentence = text[spans[0][0] : spans[0][1]] if spans else ""
    long_enough = len(sentence.split()) >= _FEWEST_TITLE_WORDS
    return sentence if long_enough and ends_sentence(sentence) else ""


def _cut(sentence: str) -> str:
    """The sentence without its full stop, or its first words up to about 80 characters and "…"."""
    if len(sentence) <= _LONGEST_TITLE:
        return _without_full_stop(sentence.rstrip(".!;:"))
    cut = sentence[: _LONGEST_TITLE + 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–—-") + "…"


def _without_full_stop(title: str) -> str:
    return title[:-1] if title.endswith(".") and not title.endswith("..") else title


def _title_from_name(file_name: str) -> str:
    """ "nuclear_fail-safe statement.txt" -> "nuclear fail-safe statement"; a numbered slug
    "03_easlg-2023-nuclear-fail-safe.txt" -> "easlg 2023 nuclear fail safe"."""
    stem = normalise_space(Path(file_name).stem.replace("_", " "))
    unnumbered = _NUMBERED_STEM.sub("", stem, count=1)
    if _SLUG_STEM.fullmatch(unnumbered):
        return unnumbered.replace("-", " ")
    return stem or "Untitled"


def _dateline(head: list[str], specs: list[BlockSpec]) -> Dateline | None:
    """A full date first: in a dateline, else opening a paragraph; then a month or a year,
    only from the very first lines ("Europe, 2022" further down heads a section)."""
    lines = [normalise_space(line) for line in head if line.strip()][:_HEAD_LINES]
    datelines = [
        (number, found) for number, line in enumerate(lines) if (found := read_dateline(line))
    ]
    for _number, found in datelines:
        if found.date.precision is DatePrecision.DAY:
            return found
    for spec in specs[:_OPENING_BLOCKS]:
        text = normalise_space(spec.text)
        date = find_date(text[: _DATE_NEAR_START * 2])
        if date and date.start <= _DATE_NEAR_START:
            return Dateline(place_of(text[: date.end], date), date)
    near = [found for number, found in datelines if number < _COARSE_HEAD_LINES]
    return near[0] if near else None


def _press_release_place(specs: list[BlockSpec]) -> str:
    """ "WASHINGTON, D.C. – Today, ..." opening a paragraph: a place unless an organisation."""
    for spec in specs[:_OPENING_BLOCKS]:
        place = press_release_place(normalise_space(spec.text[: _DATE_NEAR_START * 2]))
        if place and not find_organisations(place):
            return place
    return ""


def _opening(specs: list[BlockSpec]) -> str:
    body = specs[1:] if specs and specs[0].kind is BlockKind.HEADING else specs
    return "\n".join(spec.text for spec in body)[:_ORGANISATIONS_WITHIN]


def find_organisations(text: str) -> tuple[str, ...]:
    """The known organisations named in `text`, in the order of their first mention."""
    found: list[tuple[int, str]] = []
    for name, pattern in _organisation_patterns():
        match = pattern.search(text)
        if match:
            found.append((match.start(), name))
    return tuple(name for _count, name in sorted(found))


@lru_cache(maxsize=1)
def _organisation_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    path = resource_path("organizations.tsv")
    try:
        rows = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        message = _("The organisation list {name} cannot be read ({error}).").format(
            name=path.name, error=error
        )
        raise ResourceError(message) from error
    patterns = []
    for row in rows:
        if not row.strip() or row.startswith(("#", "name\t")):
            continue
        name, _tab, aliases = row.partition("\t")
        forms = [name, *(a.strip() for a in aliases.split("|") if a.strip())]
        alternatives = "|".join(re.escape(form) for form in forms)
        patterns.append((name, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")))
    return tuple(patterns)
