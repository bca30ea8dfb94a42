"""From what the user typed to a Whoosh query: the query language, aliases, and a safe fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from whoosh import qparser, query

from reader.core.errors import ReaderError
from reader.core.search.aliases import AliasGroup
from reader.core.search.analysis import STEM
from reader.core.search.hyphens import phrased_hyphens
from reader.core.search.phrases import STOPPED, ExactPhrase, PhraseWords, exact_phrase
from reader.core.search.prefixes import WrittenPrefix
from reader.core.translation import _

TEXT = "text"
FIELD_NAMES = {"doc": "doc", "section": "section", "topic": "topic"}
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})
_BRACKETS = re.compile(r"[\"“”()\[\]{}]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Bounds no query typed or pasted by a person reaches. Over them Whoosh goes wrong: its
# parser takes time quadratic in the length of a word (20,000 letters took 5 s), and a phrase
# of 4,000 words, or brackets nested hundreds deep, overflowed the stack of its matchers.
MOST_CHARACTERS = 2000
MOST_WORDS = 200
DEEPEST = 40
# "word~N" finds words up to N edits away; over 2 it finds anything, and Whoosh's automaton
# for a field other than the text (section:Syria~9) grows exponentially with N.
MOST_EDITS = 2


# The notices are looked up when said, so they follow the language chosen since the import.
def unbalanced() -> str:
    return _(
        "The query's quotes or brackets are unbalanced, so its words were searched for instead."
    )


def unreadable() -> str:
    return _("The query could not be read, so its words were searched for instead.")


def too_long() -> str:
    message = _("The query is over {n} characters long; search for fewer words.")
    return message.format(n=f"{MOST_CHARACTERS:,}")


def too_many() -> str:
    return _("The query asks for over {n} words; search for fewer.").format(n=MOST_WORDS)


def too_deep() -> str:
    message = _("The query nests its brackets over {n} deep; search with fewer brackets.")
    return message.format(n=DEEPEST)


def too_complex() -> str:
    return _("The query is too complex to be searched; search for fewer words.")


class QueryError(ReaderError):
    """A query too long or too complex to be searched; the sentence says why."""


@dataclass(frozen=True)
class ParsedQuery:
    query: Any  # whoosh.query.Query, aliases expanded
    plain: Any  # the same without aliases (for "did you mean")
    notice: str = ""


def make_parser(schema: Any) -> Any:
    parser = qparser.QueryParser(TEXT, schema, group=qparser.AndGroup)
    parser.add_plugin(qparser.FuzzyTermPlugin())
    parser.remove_plugin_class(qparser.BoostPlugin)  # "^" is punctuation in statements
    return parser


def parse(text: str, parser: Any, aliases: AliasExpander) -> ParsedQuery | None:
    """The query `text` means, None if it means none, or QueryError if it is too large."""
    text = text.strip()
    if not text:
        return None
    if len(text) > MOST_CHARACTERS:
        raise QueryError(too_long())
    notice = ""
    if not _balanced(text):
        text, notice = _BRACKETS.sub(" ", text), unbalanced()
    try:
        typed = phrased_hyphens(text)
        plain = parser.parse(typed)
    except Exception:  # Whoosh raises many kinds on odd input; the words still deserve a search
        typed = _words_only(text)
        plain, notice = parser.parse(typed), unreadable()
    if plain is None or plain is query.NullQuery:
        return None
    _check_size(plain)
    words = aliases.phrase_words
    plain = plain.accept(_bounded_fuzzy).accept(_written_prefix)
    plain = plain.accept(lambda node: exact_phrase(node, typed, words))
    return ParsedQuery(aliases.expand(plain), plain, notice)


def _written_prefix(node: Any) -> Any:
    """A prefix of the text matches the words it begins, not only the stems ("negotiat*")."""
    if type(node) is not query.Prefix or node.fieldname != TEXT:
        return node
    text = node.text.lower()
    return WrittenPrefix(TEXT, text, STEM(text), node.boost)


def _bounded_fuzzy(node: Any) -> Any:
    """A fuzzy term within MOST_EDITS, its prefix ("Syria~2/3": 3 letters exact) within the
    word: Whoosh's automaton failed with IndexError on a prefix longer than the word."""
    if not isinstance(node, query.FuzzyTerm):
        return node
    maxdist = min(node.maxdist, MOST_EDITS)
    prefix = min(node.prefixlength, len(node.text))
    if (maxdist, prefix) == (node.maxdist, node.prefixlength):
        return node
    return query.FuzzyTerm(node.fieldname, node.text, node.boost, maxdist, prefix)


def without_surrogates(text: str) -> str:
    """`text` with each lone surrogate (no character: no term, no output can hold one) U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _check_size(q: Any) -> None:
    """QueryError if `q` has too many words (a phrase's each count) or nests too deep."""
    words = 0
    nodes = [(q, 0)]  # not recursive: a deep query is what this looks for
    while nodes:
        node, depth = nodes.pop()
        if depth > DEEPEST:
            raise QueryError(too_deep())
        if node.is_leaf():
            words += len(node.words) if isinstance(node, query.Phrase) else 1
            if words > MOST_WORDS:
                raise QueryError(too_many())
        else:
            nodes.extend((child, depth + 1) for child in node.children())


def _balanced(text: str) -> bool:
    if (text.count('"') + text.count("“") + text.count("”")) % 2:
        return False
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _words_only(text: str) -> str:
    """The words of `text`, without the operators (NOT NOT a made Whoosh fail once more)."""
    return " ".join(word for word in re.findall(r"\w+", text) if word not in OPERATORS)


class AliasExpander:
    """Rewrites a term or phrase that is one form of an alias group into any form of it.

    Forms are compared as their PhraseWords, stop words included: "weapons for mass
    destruction" is not a form of "weapons of mass destruction"."""

    def __init__(self, groups: list[AliasGroup], analyzer: Any) -> None:
        self.phrase_words = PhraseWords(analyzer)
        self._forms: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for group in groups:
            forms: list[tuple[str, ...]] = [(group.token,)] if group.acronyms else []
            forms += [self._sequence(phrase) for phrase in group.phrases]
            forms = [f for f in dict.fromkeys(forms) if f]
            for form in forms:
                self._forms.setdefault(form, []).extend(f for f in forms if f != form)

    def _sequence(self, phrase: str) -> tuple[str, ...]:
        """The phrase's words from its first term to its last (as a typed phrase has them)."""
        words = self.phrase_words(phrase)
        kept = [n for n, w in enumerate(words) if not w.startswith(STOPPED)]
        return tuple(words[kept[0] : kept[-1] + 1]) if kept else ()

    def expand(self, q: Any) -> Any:
        return q.accept(self._rewrite)

    def _rewrite(self, node: Any) -> Any:
        if getattr(node, "fieldname", None) != TEXT:
            return node
        if type(node) is query.Term:
            key: tuple[str, ...] = (node.text,)
        elif type(node) is ExactPhrase:
            key = node.sequence
        elif type(node) is query.Phrase and node.slop == 1:
            key = tuple(node.words)
        else:
            return node
        others = self._forms.get(key)
        if not others:
            return node
        return query.Or([node, *(_as_query(form) for form in others)])


def _as_query(sequence: tuple[str, ...]) -> Any:
    terms = [w for w in sequence if not w.startswith(STOPPED)]
    if len(terms) == 1:
        return query.Term(TEXT, terms[0])
    return ExactPhrase(TEXT, terms, sequence)
