"""Sentence boundaries as character ranges, tuned for policy prose ("U.S.", "COL (ret)").

A boundary is a cut between two characters; the sentences are the stretches between cuts,
trimmed of space, so they are ordered, never overlap and cover every other character
whatever the rules decide. Cuts come after terminal punctuation that ends a sentence, and
before the items of an inline list ("1) ... 2) ...", "• ... • ...").
"""

from __future__ import annotations

import re

# Full stops that never end a sentence: a title before a name ("Mt. Fuji", "Sens. Hagel"),
# or a word that introduces what follows ("e.g. this", "Jan. 4", "vs. Russia").
NEVER_FINAL = frozenset(
    """
    mr mrs ms dr prof gen col lt cdr capt maj sgt adm amb gov sen sens rep reps pres hon rev
    ret st mt ft messrs mme mmes brig gens govs drs profs
    e.g i.e cf vs viz approx ca incl excl resp
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thurs fri sat sun
    """.split()
)
# Abbreviations before a number ("No. 11", "p. 55"); before a word they may end a sentence.
BEFORE_NUMBERS = frozenset("no nos n° nº p pp para paras art arts sec fig ch vol vols op".split())
# Abbreviations that often end a sentence: a capitalised word after them starts the next
# ("Pitt, Briggs & Co. It closed.", "Smith et al. The group met.").
OFTEN_FINAL = frozenset("etc al co inc ltd corp bros jr sr esq dept univ assn intl ed eds".split())
# After an initialism ("U.S.") or a capital initial ("I.") a sentence ends only if a typical
# opener follows: "in the U.S. How about you?", but "the U.S. Government", "Jonas E. Smith".
SENTENCE_OPENERS = frozenset(
    """
    a an the this that these those it its we our they their there he she his her i you
    in on at for by as if when while but and so yet however moreover furthermore thus
    therefore nevertheless meanwhile also both neither either all each such only
    how what why who where which did do does is are was were can could will would should
    """.split()
)
# Bullets that mark a list item wherever they stand (not "-" or "*": they are punctuation).
BULLETS = "•◦▪▫●○■□►▸▶➢➤✓✔⁃‣◆◇❖♦➔⇒·"

# Terminal punctuation before space, or glued to the next sentence by a capture that lost
# the space ("dialogue.The group"): a word of two lower-case letters or more, then a
# capitalised word. One branch that opens on the punctuation, so that the engine skips
# ahead to it (two branches, one opening with a look-behind, took four times as long).
_CANDIDATE = re.compile(r"[.!?…]+[\"'”’)\]]*(?:(?=\s)|(?<=[a-z][a-z][.!?])(?=[A-Z][a-z]))")
_NEXT_WORD = re.compile(r"\s*([\"'“‘(\[]*)(\S+)")
_WORD_BEFORE = re.compile(r"(\S+)$")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}$")
_SPACED_DOTS = re.compile(r"\.(?: \.)+")  # ". . ." (an omission) or ". . . ." (and a full stop)
# The end of an inline list item's marker ("1.", "1)", "1.)", "a."), where a line break was
# lost: after a digit or a lone letter, before a capitalised word or a quote. The rest of
# the marker is checked in Python (_marker_before). The look-behinds come after the "." or
# ")", so that the engine still skips ahead to those; they pass over the full stops that
# end a word, most of them, which halved the splitter's time.
_MARKER_END = re.compile(
    r"(?:\.(?:(?<=\d\.)|(?<=\W[a-z]\.)|(?<=^[a-z]\.))\)?|\)(?:(?<=\d\))|(?<=\W[a-z]\))|(?<=^[a-z]\))))"
    r"(?=\s+[\"“‘(]?[A-Z])"
)
_PARENTHESIS = re.compile(r"[()]")
# Words that a number or letter follows as a reference, not as a list item's marker.
_REFERENCE = re.compile(
    r"\b(?:article|section|chapter|part|paragraph|para|clause|annex|appendix|phase|stage|"
    r"step|point|no|number|page|table|figure|fig|resolution|protocol|principle|level|tier|"
    r"option|category|type|round|war|plan|vol|volume)\s+$",
    re.IGNORECASE,
)
_OPENING_MARKER = re.compile(rf"[{BULLETS}]|(?:\d{{1,3}}|[a-z])(?:\.\)|\)|\.)\s")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return [start, end) ranges of the sentences in `text`, trimmed of surrounding space."""
    item_starts, marker_ends = _inline_items(text)
    bounds: list[tuple[int, int]] = []
    start, next_item = 0, 0
    for match in _CANDIDATE.finditer(text):
        while next_item < len(item_starts) and item_starts[next_item] < match.start():
            if item_starts[next_item] > start:
                _append_trimmed(bounds, text, start, item_starts[next_item])
                start = item_starts[next_item]
            next_item += 1
        end = match.end()
        if end not in marker_ends and _is_boundary(text, start, match):
            _append_trimmed(bounds, text, start, end)
            start = end
    for item_start in item_starts[next_item:]:
        if item_start > start:
            _append_trimmed(bounds, text, start, item_start)
            start = item_start
    _append_trimmed(bounds, text, start, len(text))
    return bounds


def opens_with_list_marker(sentence: str) -> bool:
    """True when a sentence opens with a bullet or an inline list marker ("2) Extend ...",
    "• b. Keep ..."): an item of a list whose line breaks were lost."""
    return _OPENING_MARKER.match(sentence) is not None


def _append_trimmed(bounds: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        bounds.append((start, end))


def _inline_items(text: str) -> tuple[list[int], frozenset[int]]:
    """Where inline list items start (sorted), and where their markers end.

    A numbered marker counts only beside one of its own style numbered one apart ("1." and
    "2.", "a)" and "b)"), or after a bullet ("• 9.", "⁃10."): a lone "in 2. The" or
    "Article 5. The" is a sentence end, not a list.
    """
    by_style: dict[tuple[bool, str], list[tuple[int, int, int, bool]]] = {}
    for match in _MARKER_END.finditer(text):
        found = _marker_before(text, match.start())
        if found is not None:
            start, label, bullet = found
            value = int(label) if label.isdigit() else ord(label)
            style = (label.isdigit(), match.group())
            by_style.setdefault(style, []).append((value, start, match.end(), bullet))
    starts = set(_bullets_after_space(text))
    ends = set()
    for markers in by_style.values():
        for n, (value, start, end, bullet) in enumerate(markers):
            before = n > 0 and markers[n - 1][0] == value - 1
            after = n + 1 < len(markers) and markers[n + 1][0] == value + 1
            if before or after or bullet:
                starts.add(start)
                ends.add(end)
    return sorted(starts), frozenset(ends)


def _bullets_after_space(text: str) -> list[int]:
    """Where a bullet stands after white space. str.find per bullet: a regular expression
    of so many non-ASCII characters took a third of the splitter's time."""
    found = []
    for bullet in BULLETS:
        at = text.find(bullet, 1)
        while at >= 0:
            if text[at - 1].isspace():
                found.append(at)
            at = text.find(bullet, at + 1)
    return found


def _marker_before(text: str, end: int) -> tuple[int, str, bool] | None:
    """The marker's start, label and whether a bullet opens it, for a label ending at `end`:
    up to three digits or one lower-case letter, after a space, a bullet or the text's start."""
    start = end
    while start > end - 3 and start > 0 and text[start - 1].isdigit():
        start -= 1
    if start == end and end > 0 and "a" <= text[end - 1] <= "z":
        start -= 1
    if start == end or (start > 0 and (text[start - 1].isdigit() or text[start - 1].isalpha())):
        return None
    label = text[start:end]
    bullet = start
    # A tuple, as the empty string (before the text's start) is in every string.
    if text[bullet - 1 : bullet] == " " and text[bullet - 2 : bullet - 1] in tuple(BULLETS):
        bullet -= 1
    if bullet > 0 and text[bullet - 1] in BULLETS:
        bullet -= 1
    if bullet > 0 and not text[bullet - 1].isspace():
        return None
    if bullet == start and _REFERENCE.search(text, max(0, start - 16), start):
        return None  # "Article 1. The Parties ... Article 2. The Parties": references
    return bullet, label, bullet < start


def _is_boundary(text: str, sentence_start: int, match: re.Match[str]) -> bool:
    punctuation, dot = match.group(), match.start()
    full_stop = punctuation[0] == "."
    if (full_stop or punctuation[0] == "…") and text[dot - 1 : dot] == "[":
        return False  # "[...]": words left out of a quotation
    # Spaced dots are rare: look for them only beside a ". " (this runs for every candidate).
    if full_stop and (text[dot + 1 : dot + 3] == " ." or text[dot - 2 : dot] == ". "):
        spaced = _spaced_dots(text, dot)
        if spaced is not None:
            return _spaced_dots_end_sentence(text, match, spaced)
    following = _NEXT_WORD.match(text, match.end())
    if following is None:
        return True
    if following.start(1) == match.end() and _in_address(text, dot):
        return False  # "Jane.Doe@example.com", "www.Example.org/News"
    opener, next_word = following.groups()
    if not (opener or next_word[0].isupper() or next_word[0].isdigit()):
        return False
    if text.find("(", sentence_start, dot) >= 0 and _inside_open_bracket(text, sentence_start, dot):
        return False
    if full_stop and not punctuation.startswith(".."):
        return _full_stop_ends_sentence(text, sentence_start, dot, next_word)
    return True


def _in_address(text: str, dot: int) -> bool:
    """True when the glued full stop at `dot` is inside an e-mail or web address."""
    start = max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot)) + 1
    end = min(i for i in (text.find(" ", dot), text.find("\n", dot), len(text)) if i >= 0)
    token = text[start:end]
    return "@" in token or "/" in token or "www" in token.lower()


def _spaced_dots(text: str, dot: int) -> re.Match[str] | None:
    """The run of spaced dots (". . .") that the full stop at `dot` belongs to, if any."""
    first = dot
    while first >= 2 and text[first - 2 : first] == ". ":
        first -= 2
    run = _SPACED_DOTS.match(text, first)
    return run if run is not None and (first < dot or run.end() > dot + 1) else None


def _spaced_dots_end_sentence(text: str, match: re.Match[str], run: re.Match[str]) -> bool:
    """Three spaced dots leave words out inside a sentence; a fourth is its full stop. The
    full stop is the first dot when it touches the word before ("compounds. . . . The"),
    and the dots after it then open the next sentence; else it is the last ("period . . . .")."""
    dots = run.group().count(".")
    if dots < 4:
        return False
    following = _NEXT_WORD.match(text, run.end())
    if following is None or not (following.group(1) or following.group(2)[0].isupper()):
        return following is None and match.end() >= run.end()
    attached = run.start() > 0 and not text[run.start() - 1].isspace()
    return match.start() == run.start() if attached else match.end() >= run.end()


def _full_stop_ends_sentence(text: str, sentence_start: int, dot: int, next_word: str) -> bool:
    # The word's last 40 characters tell an abbreviation; searching the whole sentence for
    # them cost a fifth of the splitter's time.
    before = _WORD_BEFORE.search(text, max(sentence_start, dot - 40), dot)
    if before is None:
        return True
    word = before.group(1).lstrip("\"'“‘([")
    lowered = word.lower()
    following = next_word.strip("\"'“‘(")
    if lowered in NEVER_FINAL:
        return False
    if lowered in BEFORE_NUMBERS:
        return not following[:1].isdigit()
    if lowered in OFTEN_FINAL:
        return following[:1].isupper()
    if _INITIALISM.search(word + ".") or (len(word) == 1 and word.isalpha() and word.isupper()):
        return following.lower() in SENTENCE_OPENERS  # "U.S. How", "I. Did"; not "J. Smith"
    return True


def _inside_open_bracket(text: str, sentence_start: int, position: int) -> bool:
    """True when a "(" opened in this sentence closes later in the text: "(the UN. See ...)"."""
    opened = text.find("(", sentence_start, position)
    if opened < 0:
        return False
    depth = 0
    for parenthesis in _PARENTHESIS.finditer(text, opened, position):
        if parenthesis.group() == "(":
            depth += 1
        elif depth:
            depth -= 1
    return depth > 0 and text.find(")", position) >= 0
