"""Sentence boundaries as character ranges, tuned for policy prose ("U.S.", "COL (ret)")."""

from __future__ import annotations

import re

# Words that end with a full stop without ending a sentence (compared lower-case, without the dot).
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt cdr capt maj sgt adm amb gov sen rep pres hon rev ret
    st jr sr esq messrs mme mmes
    e.g i.e etc cf vs viz al approx ca incl excl resp
    no nos vol vols p pp para paras art arts sec fig ch ed eds op
    inc ltd co corp bros dept univ assn intl
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thurs fri sat sun
    """.split()
)
# After an initialism such as "U.S." a sentence ends only if a typical opener follows.
SENTENCE_OPENERS = frozenset(
    """
    a an the this that these those it its we our they their there he she his her i
    in on at for by as if when while but and so yet however moreover furthermore thus
    therefore nevertheless meanwhile also both neither either all each such only
    """.split()
)

_CANDIDATE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")
_NEXT_WORD = re.compile(r"\s+([\"'“‘(\[]*)(\S+)")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return [start, end) ranges of the sentences in `text`, trimmed of surrounding space."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in _CANDIDATE.finditer(text):
        end = match.end()
        if _is_boundary(text, start, match):
            _append_trimmed(bounds, text, start, end)
            start = end
    _append_trimmed(bounds, text, start, len(text))
    return bounds


def _append_trimmed(bounds: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        bounds.append((start, end))


def _is_boundary(text: str, sentence_start: int, match: re.Match[str]) -> bool:
    following = _NEXT_WORD.match(text, match.end())
    if following is None:
        return True
    opener, next_word = following.groups()
    if not (opener or next_word[0].isupper() or next_word[0].isdigit()):
        return False
    if _inside_open_bracket(text, sentence_start, match.start()):
        return False
    if match.group().startswith(".") and not match.group().startswith(".."):
        return _full_stop_ends_sentence(text, sentence_start, match.start(), next_word)
    return True


def _full_stop_ends_sentence(text: str, sentence_start: int, dot: int, next_word: str) -> bool:
    word = _word_before(text, sentence_start, dot).lstrip("\"'“‘([")
    if not word:
        return True
    if _INITIALISM.search(word + "."):
        return next_word.strip("\"'“‘(").lower() in SENTENCE_OPENERS
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. Smith"
    return word.lower() not in ABBREVIATIONS


def _word_before(text: str, start: int, end: int) -> str:
    """The word that ends at `end`, as far back as `start`; "" after a space. Looked for
    from its end: a regular expression tried every place from the sentence's start."""
    first = end
    while first > start and not text[first - 1].isspace():
        first -= 1
    return text[first:end]


def _inside_open_bracket(text: str, sentence_start: int, position: int) -> bool:
    """True when a "(" opened in this sentence closes later in the text: "(the UN. See ...)"."""
    before = text[sentence_start:position]
    if "(" not in before:  # most sentences: no loop over their letters
        return False
    depth = 0
    for char in before:
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
    return depth > 0 and text.find(")", position) >= 0
