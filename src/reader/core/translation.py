"""The core's sentences in the reader's language, without Qt.

The window translates its own words with Qt's .ts/.qm files, but the core (refusals, database
and index problems, notices) must not import Qt, and the command line runs without it. So
the core marks its sentences with `_()` and `ngettext()`, Python's gettext reads them from
`statement_reader_core_<language>.mo` (compiled by `make translations` from the `.po` beside
it in resources/), and whoever starts the program says which language with `use_language`:
the window from its setting or the system locale, the command line from the environment.

A sentence is translated when it is made (when the error is raised), so `use_language` comes
before anything that can fail.
"""

from __future__ import annotations

import gettext
import os

from reader.resource_access import resource_folder

LANGUAGES = ("en", "ru")
DOMAIN = "statement_reader_core"

_current: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def _(message: str) -> str:
    """`message` in the current language (itself in English, or when it has no translation)."""
    return _current.gettext(message)


def pgettext(context: str, message: str) -> str:
    """`message` as said in `context`: Russian names a month differently alone ("март 2017")
    and after a day ("15 марта 2017"), English the same."""
    return _current.pgettext(context, message)


def ngettext(singular: str, plural: str, number: int) -> str:
    """The form of a counted sentence for `number`: Russian has three, English two. The
    sentence keeps its `{n}` (or other) fields for `.format` after choosing."""
    return _current.ngettext(singular, plural, number)


def use_language(language: str) -> str:
    """Speak `language` ("en", "ru"; anything else is English) from now on; returns the one
    now in use. A missing or damaged catalogue leaves English, which is always complete."""
    global _current, _language
    translations: gettext.NullTranslations = gettext.NullTranslations()
    if language in LANGUAGES and language != "en":
        path = resource_folder() / f"{DOMAIN}_{language}.mo"
        try:
            with path.open("rb") as catalogue:
                translations = gettext.GNUTranslations(catalogue)
        except (OSError, ValueError, UnicodeDecodeError):
            language = "en"
    else:
        language = "en"
    _current, _language = translations, language
    return language


def current_language() -> str:
    return _language


def language_from_environment() -> str:
    """The command line's language, as gettext itself would choose it: LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG, in that order; "en" unless one of them names a language we have."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            first = value.split(":")[0]
            code = first[:2].lower()
            return code if code in LANGUAGES else "en"
    return "en"
