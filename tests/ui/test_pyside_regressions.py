"""Bugs of the Qt binding the app cannot work around, checked so a bad version fails here."""

from __future__ import annotations

import sys

from PySide6.QtCore import QModelIndex


def test_invalid_variant_to_none_keeps_none_alive(qapp) -> None:
    # PySide6 6.12.0 returns None here without a new reference; after enough calls
    # the interpreter dies with "none_dealloc". pyproject.toml excludes that version.
    before = sys.getrefcount(None)
    for _ in range(1000):
        QModelIndex().data()
    assert sys.getrefcount(None) >= before - 10
