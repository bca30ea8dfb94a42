"""QT_TRANSLATE_NOOP typed as returning its text (PySide6's stub says object): marks a string
of a module-level table for lupdate, which finds it by this name; tr() translates it later."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 -- lupdate's name
    return text
