"""The language of a note or a document, as a BCP 47 tag, told by its commonest words.

A few dozen function words per language tell the languages of policy statements apart
("the", "and", "of" against "le", "et", "de") without a model or a library; a text too
short to tell takes the language of the document it is about.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORDS = {
    "en": "the and of to in is that for be on with as this it are by we not or which",
    "fr": "le la les et des du un une est que pour dans qui sur pas par nous au aux ce",
    "de": "der die das und ist nicht zu den von mit sich des auf für ein eine dem wir",
    "es": "el la los las y de que en un una es por con para del se no su al lo",
    "it": "il la di che e un una per non sono del della le gli con si nel al lo",
    "ru": "и в не на что с как по это к но из у за от о мы для же то",
    "pt": "o a os as e de que em um uma do da para com não por se na no",
    "nl": "de het een en van is dat op te in voor niet met zijn aan er ook",
}
_PROFILES = {lang: frozenset(words.split()) for lang, words in _WORDS.items()}
_WORD = re.compile(r"\w+")
MIN_HITS = 3  # fewer function words than this, and a guess would be a coin toss
DEFAULT = "en"


def detect_language(text: str) -> str | None:
    """The language with the most function words in `text`, or None if too few to tell."""
    words = _WORD.findall(text.casefold()[:20_000])
    scores = {lang: sum(w in profile for w in words) for lang, profile in _PROFILES.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= MIN_HITS else None


@lru_cache(maxsize=64)
def document_language(text: str) -> str:
    """A document's language (English if it cannot be told); cached, as every note on the
    document asks."""
    return detect_language(text[:20_000]) or DEFAULT


def note_language(note_text: str, doc_text: str) -> str:
    """A note's own language if it tells, else its document's."""
    return detect_language(note_text) or document_language(doc_text)
