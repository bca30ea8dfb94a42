"""From what the user typed to a Whoosh query: the query language, aliases, and a safe fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from whoosh import qparser, query

from reader.core.search.aliases import AliasGroup

TEXT = "text"
FIELD_NAMES = {"doc": "doc", "section": "section", "topic": "topic"}
_BRACKETS = re.compile(r"[\"“”()\[\]{}]")
UNBALANCED = (
    "The query's quotes or brackets are unbalanced, so its words were searched for instead."
)
UNREADABLE = "The query could not be read, so its words were searched for instead."


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
    text = text.strip()
    if not text:
        return None
    notice = ""
    if not _balanced(text):
        text, notice = _BRACKETS.sub(" ", text), UNBALANCED
    try:
        plain = parser.parse(text)
    except Exception:  # Whoosh raises many kinds on odd input; the words still deserve a search
        plain, notice = parser.parse(_words_only(text)), UNREADABLE
    if plain is None or plain is query.NullQuery:
        return None
    return ParsedQuery(aliases.expand(plain), plain, notice)


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
    return " ".join(re.findall(r"\w+", text))


class AliasExpander:
    """Rewrites a term or phrase that is one form of an alias group into any form of it."""

    def __init__(self, groups: list[AliasGroup], analyzer: Any) -> None:
        self._forms: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for group in groups:
            forms: list[tuple[str, ...]] = [(group.token,)] if group.acronyms else []
            forms += [self._terms(analyzer, phrase) for phrase in group.phrases]
            forms = [f for f in dict.fromkeys(forms) if f]
            for form in forms:
                self._forms.setdefault(form, []).extend(f for f in forms if f != form)

    @staticmethod
    def _terms(analyzer: Any, phrase: str) -> tuple[str, ...]:
        return tuple(t.text for t in analyzer(phrase, mode="query"))

    def expand(self, q: Any) -> Any:
        return q.accept(self._rewrite)

    def _rewrite(self, node: Any) -> Any:
        if getattr(node, "fieldname", None) != TEXT:
            return node
        if type(node) is query.Term:
            key: tuple[str, ...] = (node.text,)
        elif type(node) is query.Phrase and node.slop == 1:
            key = tuple(node.words)
        else:
            return node
        others = self._forms.get(key)
        if not others:
            return node
        return query.Or([node, *(_as_query(form) for form in others)])


def _as_query(terms: tuple[str, ...]) -> Any:
    if len(terms) == 1:
        return query.Term(TEXT, terms[0])
    return query.Phrase(TEXT, list(terms))
