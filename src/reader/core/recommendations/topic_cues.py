"""Finding a taxonomy's cue words in a text: whole words, plurals, prefixes and acronyms.

A text is split into words once, and each cue is looked up by the word it starts with.
(One regular expression per cue cost 15 ms to compile and a millisecond a sentence to run.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

Targets = tuple[tuple[str, float], ...]  # (topic id, weight) for each topic a cue names

_TOKEN = re.compile(r"\w+(?:\.\w+)*")  # "U.S" of "U.S.", "nuclear", "ICBMs"
_JOINS = re.compile(r"[\s.\-‐‑–]+")  # what may stand between the words of one cue


@dataclass(frozen=True)
class _Cue:
    words: tuple[str, ...]  # dots removed; lower case unless `exact`
    exact: bool  # an acronym in capitals (NATO, ISIS): only capitals match
    prefix: bool  # the last word is a prefix ("cyber*")
    targets: Targets


class CueMatcher:
    """Cue phrases -> targets, found in texts; the longest cue at a word wins, so "nuclear
    weapons" is not also "nuclear", and a cue names all the topics listed for it."""

    def __init__(self, cues: Mapping[str, Targets]) -> None:
        # Every form a cue's first word may take in a text, for one lookup per word; only a
        # cue's last word takes a plural, so only one-word cues get more than one form.
        self._by_form: dict[str, list[_Cue]] = {}
        prefixes: list[_Cue] = []
        for phrase, targets in cues.items():
            cue = _parse(phrase, targets)
            if cue.prefix and len(cue.words) == 1:
                prefixes.append(cue)
                continue
            first = cue.words[0].lower()
            forms = _plurals(first) if len(cue.words) == 1 else {first}
            for form in forms:
                self._by_form.setdefault(form, []).append(cue)
        self._prefixes = tuple(prefixes)
        self._prefix_words = tuple(cue.words[0] for cue in prefixes)

    def find(self, text: str) -> Iterator[Targets]:
        words = _Words(text)
        lower, by_form, prefix_words = words.lower, self._by_form, self._prefix_words
        index = 0
        while index < len(lower):
            word = lower[index]
            # Most words start no cue: passed over here, without a call each.
            if word not in by_form and not (prefix_words and word.startswith(prefix_words)):
                index += 1
                continue
            best = self._longest(words, index)
            if best is None:
                index += 1
                continue
            yield best.targets
            index += len(best.words)

    def _longest(self, words: _Words, index: int) -> _Cue | None:
        lower = words.lower[index]
        candidates = self._by_form.get(lower, ())
        if self._prefix_words and lower.startswith(self._prefix_words):
            candidates = [*candidates, *(c for c in self._prefixes if lower.startswith(c.words[0]))]
        best = None
        for cue in candidates:
            if (best is None or len(cue.words) > len(best.words)) and words.match(cue, index):
                best = cue
        return best


class _Words:
    """A text's words (dots removed: "U.S." is "US"), in lower case and as written."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._spans: list[tuple[int, int]] | None = None  # wanted by few texts: found then
        self.original = [word.replace(".", "") for word in _TOKEN.findall(text)]
        self.lower = [word.lower() for word in self.original]

    def joined(self, index: int) -> bool:
        """Only white space, a hyphen or a dot between this word and the next."""
        if self._spans is None:
            self._spans = [m.span() for m in _TOKEN.finditer(self._text)]
        end, following = self._spans[index][1], self._spans[index + 1][0]
        return _JOINS.fullmatch(self._text, end, following) is not None

    def match(self, cue: _Cue, index: int) -> bool:
        last = len(cue.words) - 1
        if index + last >= len(self.lower):
            return False
        seen_words = self.original if cue.exact else self.lower
        for n, word in enumerate(cue.words):
            seen = seen_words[index + n]
            if n < last and not (seen == word and self.joined(index + n)):
                return False
        return _last_word(cue.words[last], seen_words[index + last], cue.prefix)


def _parse(phrase: str, targets: Targets) -> _Cue:
    prefix = phrase.endswith("*")
    words = [w.replace(".", "") for w in re.split(r"[\s\-]+", phrase.rstrip("*")) if w]
    letters = [c for c in phrase if c.isalpha()]
    exact = len(letters) > 1 and all(c.isupper() for c in letters)
    words = words if exact else [w.lower() for w in words]
    return _Cue(tuple(words), exact, prefix, targets)


def _last_word(word: str, seen: str, prefix: bool) -> bool:
    """The cue's last word: also as a plural ("treaties", "ICBMs"), or as a prefix."""
    if prefix:
        return seen.startswith(word)
    if seen in (word, word + "s", word + "es"):
        return True
    return word.endswith("y") and word[-2:-1] not in "aeiou" and seen == word[:-1] + "ies"


def _plurals(word: str) -> set[str]:
    forms = {word, word + "s", word + "es"}
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        forms.add(word[:-1] + "ies")
    return forms
