"""Whether a file's own author field (a PDF's /Author, a page's author or publisher) names
the organisation that issued the statement, and which.

The field is often a person (the drafter), the software or the account that made the file
("Microsoft Office User", "admin"), or empty; only an organisation is worth recording, and
an unknown name counts as one only when it says what kind of body it is.
"""

from __future__ import annotations

import re

from reader.core.documents.builder import normalise_space

_BODY = re.compile(
    r"\b(?:academy|agency|alliance|assembly|association|board|bureau|cent(?:er|re)|club|"
    r"coalition|college|commission|committee|conference|council|department|dialogue|"
    r"embassy|endowment|federation|forum|foundation|fund|government|group|initiative|"
    r"institut(?:e|ion)|league|ministry|mission|network|office|organi[sz]ation|parliament|"
    r"programme|project|secretariat|society|task force|trust|union|university)\b",
    re.IGNORECASE,
)
_SOFTWARE = re.compile(
    r"microsoft|office user|\buser\b|admin|owner|windows|adobe|acrobat|\bword\b|\bwriter\b|latex|"
    r"unknown|anonymous|^\W*$",
    re.IGNORECASE,
)
# Not "and": it may be inside a name ("Centre for Science and Security Studies").
_SEPARATORS = re.compile(r"\s*[;|]\s*")
_LONGEST = 120  # longer is a list of signatories or a description, not a name


def organisations_in_author(author: str, known: tuple[str, ...]) -> tuple[str, ...]:
    """The organisations `author` names: those of `known` (the organisation list's matches
    in it, found by the caller) first, else the field itself when it reads as a body's name."""
    author = normalise_space(author)
    if not author or len(author) > _LONGEST:
        return ()
    if known:
        return known
    names = [part for part in _SEPARATORS.split(author) if part]
    return tuple(name for name in names if _BODY.search(name) and not _SOFTWARE.search(name))
