"""The faster answer to PySide's "does this module use PySide6?" is the same answer."""

from __future__ import annotations

import importlib
import sys
import types

import pytest

from reader.ui import pyside_feature_check

FEATURE = sys.modules.get("shibokensupport.feature")
pytestmark = pytest.mark.skipif(
    FEATURE is None or not hasattr(FEATURE, "_mod_uses_pyside"),
    reason="this PySide has no feature hook to replace",
)

SAMPLE = (
    "reader.ui.app",  # names PySide6
    "reader.ui.theme",
    "reader.core.errors",  # does not
    "reader.core.documents.document",
    "json",
    "sys",  # built in: no file
    "_json",  # an extension module
)


def test_the_installed_check_is_ours():
    check = FEATURE._mod_uses_pyside
    assert hasattr(check, pyside_feature_check.REPLACED)
    pyside_feature_check.install()  # a second install keeps the one replacement
    assert FEATURE._mod_uses_pyside is check


@pytest.mark.parametrize("name", SAMPLE)
def test_it_answers_as_pysides_own_check(name):
    module = importlib.import_module(name)
    ours = FEATURE._mod_uses_pyside
    pysides = getattr(ours, pyside_feature_check.REPLACED)
    assert ours(module) == pysides(module)


def test_a_module_whose_file_went_away_is_asked_of_pyside(tmp_path):
    module = types.ModuleType("gone")
    module.__file__ = str(tmp_path / "gone.py")
    assert FEATURE._mod_uses_pyside(module) is False


def test_it_finds_the_name_in_a_source_file(tmp_path):
    source = tmp_path / "widgety.py"
    source.write_text("from PySide6.QtWidgets import QWidget\n", encoding="utf-8")
    module = types.ModuleType("widgety")
    module.__file__ = str(source)
    assert FEATURE._mod_uses_pyside(module) is True
