"""What the user typed, as the team server searches it: read as the local index reads a query
(its aliases, its hyphenated words, its possessives), into a tree of words and phrases that
search_passages() makes into tsqueries with the server's own English stemming (migration 5
of reader.core.team.schema).

The language is the local one where the two meet: words (all required), "phrases", OR (which
binds tighter than the words around it, as in Whoosh), NOT, brackets, and `word*` prefixes,
searched unstemmed through the `simple` configuration and required whatever surrounds them;
-word excludes a word, as websearch_to_tsquery did. A word or phrase that is one form of an
alias group (Kiev, "missile defence") finds every form of it, as the local index does; a
hyphenated word is a phrase of its parts or the parts joined (reader.core.search.hyphens).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Union

from reader.core.search.aliases import AliasGroup, load_aliases
from reader.core.search.analysis import WORD_PATTERN, make_analyzer
from reader.core.search.hyphens import phrased_hyphens
from reader.core.search.phrases import STOPPED, PhraseWords
from reader.core.search.query import (
    DEEPEST,
    MOST_CHARACTERS,
    MOST_WORDS,
    QueryError,
    too_deep,
    too_long,
    too_many,
)

# ["word", text] | ["phrase", text] | ["not", node] | ["and", node, ...] | ["or", node, ...]
Node = list[Union[str, "Node"]]

# A phrase (-"excluded" too), a bracket, or a run of anything else; a lone quote is none.
_TOKEN = re.compile(r"-?(?:\"[^\"]*\"|“[^”]*”)|[()]|[^\s()\"“”]+")
_WORDS = re.compile(WORD_PATTERN)
_PREFIX = re.compile(r"^(\w+)\*$")
_NEGATED = re.compile(r"^-(?=[\w\"“])")
OPERATORS = ("AND", "OR", "NOT")


@dataclass(frozen=True)
class ServerQuery:
    tree: Node | None  # for search_passages(); None when the query is prefixes only
    prefixes: str  # a to_tsquery('simple') expression ("strat:* & over:*"), or ""

    @property
    def empty(self) -> bool:
        return self.tree is None and not self.prefixes


def server_query(text: str) -> ServerQuery:
    """`text` as the server searches it; QueryError if it is too large to be searched."""
    text = text.strip()
    if len(text) > MOST_CHARACTERS:
        raise QueryError(too_long())
    reader = _Reader(_TOKEN.findall(phrased_hyphens(text)))
    items = reader.sequence(0)
    while reader.at < len(reader.tokens):  # a bracket closed that was never opened
        reader.at += 1
        items += reader.sequence(0)
    tree = _all(items)
    prefixes = " & ".join(f"{word}:*" for word in dict.fromkeys(reader.prefixes))
    return ServerQuery(tree, prefixes)


class _Reader:
    """Reads the tokens left to right; OR binds its two neighbours before the sequence."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens, self.at = tokens, 0
        self.prefixes: list[str] = []
        self.words = 0

    def sequence(self, depth: int) -> list[Node]:
        if depth > DEEPEST:
            raise QueryError(too_deep())
        items: list[Node] = []
        while self.at < len(self.tokens) and self.tokens[self.at] != ")":
            item = self.alternatives(depth)
            if item is not None:
                items.append(item)
        return items

    def alternatives(self, depth: int) -> Node | None:
        options = [self.operand(depth)]
        while self._next_is("OR"):
            self.at += 1
            options.append(self.operand(depth))
        found = [o for o in options if o is not None]
        return found[0] if len(found) == 1 else (["or", *found] if found else None)

    def operand(self, depth: int) -> Node | None:
        if self.at >= len(self.tokens) or self.tokens[self.at] == ")":
            return None
        token = self.tokens[self.at]
        self.at += 1
        if token == "NOT":
            negated = self.operand(depth + 1)
            return ["not", negated] if negated is not None else None
        if token in OPERATORS:  # AND joins as a space does; OR with nothing before it
            return None
        if token == "(":
            inner = _all(self.sequence(depth + 1))
            if self._next_is(")"):
                self.at += 1
            return inner
        prefix = _PREFIX.match(token)
        if prefix:
            self.prefixes.append(prefix.group(1).lower())
            return None
        excluded = bool(_NEGATED.match(token))
        leaf = self._leaf(_WORDS.findall(token), phrase=token.lstrip("-")[:1] in '"“')
        return ["not", leaf] if excluded and leaf is not None else leaf

    def _leaf(self, words: list[str], phrase: bool) -> Node | None:
        self.words += len(words)
        if self.words > MOST_WORDS:
            raise QueryError(too_many())
        if not words:
            return None
        if phrase and len(words) > 1:
            return with_aliases(["phrase", " ".join(words)])
        return _all([with_aliases(["word", word]) for word in words])

    def _next_is(self, token: str) -> bool:
        return self.at < len(self.tokens) and self.tokens[self.at] == token


def _all(items: list[Node]) -> Node | None:
    return None if not items else items[0] if len(items) == 1 else ["and", *items]


def with_aliases(leaf: Node) -> Node:
    """`leaf`, or every form of the alias group it is one form of (AliasExpander's rule:
    forms compared as the local index reads them, stop words included)."""
    forms = _aliases().get(_key(str(leaf[1])))
    if not forms:
        return leaf
    others = [form for form in map(_form, forms) if form != leaf]
    return ["or", leaf, *(form for n, form in enumerate(others) if form not in others[:n])]


def _form(text: str) -> Node:
    words = _WORDS.findall(text)
    return ["word", words[0]] if len(words) == 1 else ["phrase", " ".join(words)]


def _key(text: str) -> tuple[str, ...]:
    """The words of `text` from its first term to its last, as the local index reads them."""
    words = _phrase_words()(text)
    kept = [n for n, word in enumerate(words) if not word.startswith(STOPPED)]
    return tuple(words[kept[0] : kept[-1] + 1]) if kept else ()


@lru_cache(maxsize=1)
def _groups() -> list[AliasGroup]:
    from reader.resource_access import resource_path

    return load_aliases(resource_path("aliases.tsv"))


@lru_cache(maxsize=1)
def _phrase_words() -> PhraseWords:
    return PhraseWords(make_analyzer(_groups()))


@lru_cache(maxsize=1)
def _aliases() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Each form's key -> every form of its groups, as written (the acronyms among them)."""
    found: dict[tuple[str, ...], list[str]] = {}
    for group in _groups():
        forms = [*group.acronyms, *group.phrases]
        for form in forms:
            key = _key(form)
            if key:
                found.setdefault(key, []).extend(forms)
    return {key: tuple(dict.fromkeys(forms)) for key, forms in found.items()}
