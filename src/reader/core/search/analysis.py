"""How text becomes index terms: words, acronym aliases, case and accent folding, stems."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.analysis import (
    CharsetFilter,
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.support.charset import accent_map

from reader.core.search.aliases import AliasGroup

# Words: dotted abbreviations ("U.S.") stay one token, as do words with an apostrophe.
WORD_PATTERN = r"(?:[A-Za-z]\.){2,}|\w+(?:'\w+)?"


class AcronymFilter(Filter):
    """Writes every acronym of an alias group ("US", "U.S.") as the group's one term.

    It runs before lower-casing, so "US" (the country) and "us" (a stop word) stay apart.
    """

    def __init__(self, groups: Iterable[AliasGroup]) -> None:
        self.terms = {form.rstrip("."): g.token for g in groups for form in g.acronyms}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AcronymFilter) and other.terms == self.terms

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        terms = self.terms
        for token in tokens:
            alias = terms.get(token.text.rstrip("."))
            if alias is not None:
                token.text = alias
            yield token


def make_analyzer(groups: list[AliasGroup]) -> Any:
    alias_terms = {g.token for g in groups}
    return (
        RegexTokenizer(WORD_PATTERN)
        | AcronymFilter(groups)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter()
        | StemFilter(ignore=alias_terms)
    )
