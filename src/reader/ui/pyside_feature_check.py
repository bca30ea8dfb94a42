"""A faster answer to the question PySide6 asks of every module imported after it.

WORKAROUND (PYSIDE-2029, PySide6 6.4 to at least 6.11): to know whether a module may use
`from __feature__ import ...`, shibokensupport's import hook reads the module's whole source
through `inspect.getsource` (tokenize, linecache, a search for the class or function that
holds it) and looks for "PySide6" in it. For the ninety-odd modules the window imports before
its first paint that was 32 M of the 1,185 M instructions to it (bench/startup_instructions.py).
The same search over the file's bytes gives the same answer; anything that is not a plain
source file (a built-in, an extension, a frozen bundle's module) is left to PySide.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import shiboken6  # noqa: F401  (loads shibokensupport, whose hook is replaced here)

_MARK = b"PySide6"
REPLACED = "pyside_check"  # our check's attribute that holds the one it replaced


def install() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or hasattr(original, REPLACED):
        return  # another PySide, or done already: PySide's own check stands
    feature._mod_uses_pyside = _from_bytes(original)  # type: ignore[attr-defined]


def _from_bytes(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        file = getattr(module, "__file__", None)
        if not isinstance(file, str) or not file.endswith(".py"):
            return original(module)
        try:
            with open(file, "rb") as source:
                return _MARK in source.read()
        except OSError:
            return original(module)

    setattr(uses_pyside, REPLACED, original)
    return uses_pyside
