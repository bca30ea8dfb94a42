"""How text becomes index terms: words, acronym aliases, case and accent folding, stems."""

from __future__ import annotations

import operator
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Set
from itertools import compress
from typing import Any, cast

import Stemmer
from whoosh.analysis import (
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    Token,
)
from whoosh.support.charset import accent_map

from reader.core.search.aliases import AliasGroup

# Words: dotted abbreviations ("U.S.") stay one token, as do words with an apostrophe,
# straight or typographic ("don't", "Russia’s").
WORD_PATTERN = r"(?:[A-Za-z]\.){2,}|\w+(?:['’ʼ]\w+)?"
APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'"})
_MAX_KNOWN_WORDS = 200_000
_STEMMERS = threading.local()


def STEM(word: str) -> str:  # noqa: N802 (a constant of the module, as the analyzer's stemfn)
    """Snowball's English stemmer (Porter2, as Xapian's), in C by PyStemmer, one per thread (a
    stemmer keeps state between calls).

    Not Whoosh's default Porter, which stems an "-ated" or "-ating" word apart from its
    verb ("negotiate" -> "negoti", "negotiated" -> "negotiat": a search for "associate"
    found 4 passages of the 864 that hold "associated" and "association"); nor Whoosh's own
    Porter2, an older Snowball English ("international" and "organization" stemmed as
    "intern" and "organ") and, in Python, nine times as slow (15 us a word, a third of a
    first query's time on its snippets' words)."""
    try:
        stemmer = _STEMMERS.english
    except AttributeError:
        stemmer = _STEMMERS.english = Stemmer.Stemmer("english")
    return str(stemmer.stemWord(word))


_GROUP = re.Match.group


class AcronymFilter(Filter):
    """Writes every acronym of an alias group ("US", "U.S.") as the group's one term.

    It runs before lower-casing, so "US" (the country) and "us" (a stop word) stay apart.
    """

    def __init__(self, groups: Iterable[AliasGroup]) -> None:
        self.terms = {form.rstrip("."): g.token for g in groups for form in g.acronyms}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AcronymFilter) and other.terms == self.terms

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            token.text = self.of(token.text)
            yield token

    def of(self, word: str) -> str:
        return self.terms.get(word.rstrip("."), word)


class PossessiveFilter(Filter):
    """One apostrophe for all, and a possessive is its word: "Russia’s" and "Russia's" are
    "Russia", "NATO's" is "NATO" (before the acronyms are read); "don't" stays itself."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PossessiveFilter)

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            token.text = self.of(token.text)
            yield token

    @staticmethod
    def of(word: str) -> str:
        text = word.translate(APOSTROPHES)
        return text[:-2] if text[-2:] in ("'s", "'S") else text


def make_analyzer(groups: list[AliasGroup]) -> Any:
    alias_terms = {g.token for g in groups}
    return (
        RegexTokenizer(WORD_PATTERN)
        | PossessiveFilter()
        | AcronymFilter(groups)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter()
        | StemFilter(stemfn=STEM, ignore=alias_terms)
    )


class IndexTerms:
    """The terms the analyzer gives a text for the index, as one list of strings.

    Each of the analyzer's filters treats a word whatever its neighbours (and in index
    mode stop words are dropped, not marked), so a word always comes out as the same
    terms: they are worked out once per distinct word, by the analyzer's own filters,
    instead of every word of every passage going through six generators (the seeds made
    into a 1 MB paragraph: 150,000 words, 1,400 distinct).
    """

    def __init__(self, analyzer: Any) -> None:
        tokenizer, *self._filters = analyzer.items
        if not isinstance(tokenizer, RegexTokenizer) or tokenizer.gaps:
            raise ValueError("IndexTerms needs an analyzer whose tokenizer matches its words")
        pattern = tokenizer.expression
        # findall gives the groups, when there are some, instead of the whole words.
        self._words = (
            (lambda text: [m.group() for m in pattern.finditer(text)])
            if pattern.groups
            else pattern.findall
        )
        self._finditer = pattern.finditer
        self._known: dict[str, tuple[str, ...]] = {}
        self._analysed = _direct(self._filters) or self._chained

    def __call__(self, text: str) -> list[str]:
        if len(self._known) > _MAX_KNOWN_WORDS:  # a long-lived window's imports, say
            self._known.clear()
        known, terms = self._known, list[str]()
        for word in self._words(text):
            found = known.get(word)
            if found is None:
                found = known[word] = self._analysed(word)
            terms += found
        return terms

    def words(self, text: str) -> list[str]:
        """The words of `text` as the tokenizer finds them, before any filter."""
        return list(self._words(text))

    def spans(self, text: str, wanted: Set[str]) -> list[tuple[int, int]]:
        """Where `text` has a word with one of the `wanted` terms: one pass of the tokenizer
        and a look-up per word, not the analyzer's whole chain over the text again."""
        found = list(self._finditer(text))
        words = list(map(_GROUP, found))
        # Looked up by map in C: a Python step per word of the ten hits was 40 % of the time
        # of a query of a rare word or a phrase.
        known: list[tuple[str, ...] | None] = list(map(self._known.get, words))
        terms = (
            [self.of(w) if t is None else t for w, t in zip(words, known, strict=True)]
            if None in known
            else cast("list[tuple[str, ...]]", known)
        )
        held = map(operator.not_, map(wanted.isdisjoint, terms))
        return [m.span() for m in compress(found, held)]

    def of(self, word: str) -> tuple[str, ...]:
        """The terms of one word: () for a word the filters drop (a stop word)."""
        found = self._known.get(word)
        if found is None:
            if len(self._known) > _MAX_KNOWN_WORDS:
                self._known.clear()
            found = self._known[word] = self._analysed(word)
        return found

    def _chained(self, word: str) -> tuple[str, ...]:
        """The word's terms from the analyzer's filters, one generator each."""
        token = Token(mode="index")
        token.text = word
        stream: Iterator[Any] = iter([token])
        for item in self._filters:
            stream = item(stream)
        return tuple(t.text for t in stream)


_CHAIN = [PossessiveFilter, AcronymFilter, LowercaseFilter, CharsetFilter, StopFilter, StemFilter]


def _direct(filters: list[Any]) -> Callable[[str], tuple[str, ...]] | None:
    """make_analyzer's filters as one function of a word, or None for any other chain.

    The same steps as the filters take (test_analysis.py compares the two over every word
    of the bundled statements and the dev captures), without a Token and six generators a
    word: a tenth of the first query's time went to the words of its ten snippets.
    """
    if [type(f) for f in filters] != _CHAIN:
        return None
    possessive, acronyms, _lower, charset, stop, stem = filters
    if stem.lang:  # a language's stemmer is looked up by the filter itself
        return None
    charmap, stops, shortest, longest = charset.charmap, stop.stops, stop.min, stop.max
    ignore, stemmed = stem.ignore, stem.stemfn

    def analysed(word: str) -> tuple[str, ...]:
        text = acronyms.of(possessive.of(word)).lower().translate(charmap)
        if len(text) < shortest or (longest is not None and len(text) > longest) or text in stops:
            return ()
        return (text if text in ignore else stemmed(text),)

    return analysed
