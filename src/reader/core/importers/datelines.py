"""Datelines: the short line near the top that says where and when a statement was made.

"Naples, Italy: March 15-16, 2018", "(Moscow, April 22, 2009)", "WASHINGTON, D.C. — 8 April
2013", "Valletta, Malta: March 2017", "2017". A line with a full date is a dateline when it
is short; a month or a year alone makes one only when nothing but a place stands beside it,
so "2015 Review Conference" stays a heading and "Posted in March 2017" stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.documents.builder import normalise_space
from reader.core.importers.dates import DateMatch, find_date

LONGEST_DATELINE = 12  # words: "Naples, Italy: March 15-16, 2018" is a dateline, not a heading
_LONGEST_DATELINE_CHARACTERS = 150
_PLACE_WORD = re.compile(r"[A-ZÀ-ÞА-ЯЁ][\w'’.-]*|of|upon|am|an|de|la|le|sur|del|on")
# Labels that stand where a place would ("Event | 17 March 2016"), and are none.
_NOT_PLACES = frozenset(
    """statement statements group press release news posted published updated date issued
    joint meeting conference report briefing commentary article event events blog analysis
    opinion publication publications speech interview media update updates feature story
    video podcast""".split()
)
_SEPARATORS = " ,:;|–—-()[]"
_PUNCTUATED = re.compile(r"[,:;–—(\[-]\s*$")
# "WASHINGTON, D.C. – Today, ...": a shouted place, then a dash. Five letters at least, as
# shouted acronyms are shorter ("NATO – the alliance ..."): "ROME –" is missed, rather.
_PRESS_PLACE = re.compile(
    r"(?P<place>[A-ZÀ-ÞА-ЯЁ]{5}[A-ZÀ-ÞА-ЯЁ.'’-]*(?:,? [A-ZÀ-ÞА-ЯЁ][\w.'’-]*){0,3})\s+[–—-]\s+\S"
)


@dataclass(frozen=True)
class Dateline:
    place: str  # "" when the line names none
    date: DateMatch


def read_dateline(line: str) -> Dateline | None:
    """`line` read as a dateline, or None if it is not one."""
    if len(line) > _LONGEST_DATELINE_CHARACTERS * 2:  # before its space is collapsed
        return None
    text = normalise_space(line)
    if not text or len(text) > _LONGEST_DATELINE_CHARACTERS:
        return None
    if len(text.split()) > LONGEST_DATELINE:
        return None
    found = find_date(text)
    if found is not None:
        return Dateline(place_of(text, found), found)
    found = find_date(text, coarse=True)
    if found is None:
        return None
    before, after = _beside(text, found)
    place = _as_place(before) if before else ""
    if before and not (place and _PUNCTUATED.search(text[: found.start])):
        return None  # "Vision 2030" is a name, "Geneva, 2019" a dateline
    if after and (place or not text[found.end :].lstrip().startswith(",")):
        return None  # "2015 Review Conference"; but "March 2017, Geneva" names its place after
    place = place or _as_place(after)
    return Dateline(place, found) if place or not after else None


def place_of(line: str, found: DateMatch) -> str:
    """ "Naples, Italy: March 15-16, 2018" -> "Naples, Italy"; "8 April 2013, Moscow" too."""
    before, after = _beside(line, found)
    if "|" in line[: found.start]:  # "Event | 17 March 2016": a label, not a place
        return ""
    return _as_place(before) or (_as_place(after) if not before else "")


def press_release_place(opening: str) -> str:
    """The place a press release opens with ("WASHINGTON, D.C. – Today, ..."), if any."""
    found = _PRESS_PLACE.match(opening)
    return _as_place(found.group("place")) if found else ""


def _beside(line: str, found: DateMatch) -> tuple[str, str]:
    before = line[: found.start].strip(_SEPARATORS)
    after = re.sub(r"^in\s+", "", line[found.end :].strip(_SEPARATORS))
    return before, after


def _as_place(text: str) -> str:
    parts = [part.strip() for part in text.split(",")]
    if not text or not 1 <= len(parts) <= 3:
        return ""
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 3 or not words[0][0].isupper():
            return ""
        if any(not _PLACE_WORD.fullmatch(w) or w.lower() in _NOT_PLACES for w in words):
            return ""
    return ", ".join(" ".join(_unshouted(w) for w in part.split()) for part in parts)


def _unshouted(word: str) -> str:
    """ "WASHINGTON" -> "Washington"; "D.C." and "USA" stay."""
    return word.capitalize() if word.isupper() and word.isalpha() and len(word) > 3 else word
