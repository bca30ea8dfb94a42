"""Why a query that found nothing may have been mistyped: a field with no value ("doc:"),
a topic there is no such thing as ("topic:nosuch"), or nothing left to search ("(((").
Said in a sentence beside the empty result, as Recoll does, instead of a bare nothing."""

from __future__ import annotations

import re
from collections.abc import Collection

from reader.core.search.query import FIELD_NAMES
from reader.core.translation import _

_EMPTY_FIELD = re.compile(rf"(?:^|(?<=[\s(]))({'|'.join(FIELD_NAMES)}):(?=[\s)]|$)")
_TOPIC = re.compile(r"(?:^|(?<=[\s(]))topic:(\"[^\"]*\"|[^\s)]+)")
EXAMPLES = {"doc": "doc:elbe", "section": "section:Syria", "topic": "topic:cybersecurity"}


def nothing_to_search() -> str:
    return _("The query holds no words to search for.")


def notice_for_nothing_found(text: str, topics: Collection[str]) -> str:
    """A sentence on what in `text` likely kept it from matching, or ""; `topics`: the ids
    a topic: field can name."""
    empty = _EMPTY_FIELD.search(text)
    if empty:
        field = empty.group(1)
        message = _("The field {field}: needs a word after it, as in {example}.")
        return message.format(field=field, example=EXAMPLES[field])
    known = {topic.casefold() for topic in topics}
    for match in _TOPIC.finditer(text):
        wanted = match.group(1).strip('"').casefold().rstrip("*")
        if known and not any(topic.startswith(wanted) for topic in known):
            listed = ", ".join(sorted(topics))
            message = _("There is no topic “{topic}”; the topics are {topics}.")
            return message.format(topic=match.group(1), topics=listed)
    return ""
