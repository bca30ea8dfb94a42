"""How a package's face (its __init__.py) gives a name whose module is costly to import
only when the name is first asked for (PEP 562), so that importing any module of the
package does not import them all.

    if TYPE_CHECKING:
        from reader.core.search.index import SearchIndex
    else:  # mypy would let any unknown name through a module __getattr__ it can see
        __getattr__, __dir__ = lazy_names(__name__, {"reader.core.search.index": ["SearchIndex"]})

A name given once is kept in the package, so later look-ups are plain attribute reads.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping


def lazy_names(
    package: str, modules: Mapping[str, Iterable[str]]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """A module `__getattr__` that gives each name listed under a module in `modules` by
    importing that module, and a `__dir__` that lists them beside the names defined."""
    names = {name: module for module, listed in modules.items() for name in listed}

    def __getattr__(name: str) -> object:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(names))

    return __getattr__, __dir__
