"""The layers, from the code itself: no import cycle anywhere, no feature of the window
reaching back into the window, and the core and the command line never touching the Qt
layer or Qt (read from every import statement, and proved in a fresh interpreter).

The graph is read with `ast` from every .py file of src/reader, and counts every import:
those at a module's top, inside functions (the lazy ones), and under `if TYPE_CHECKING:`.
A lazy or type-only import still ties two modules together; it only hides the tie.

Packages. Importing `reader.core.documents.document` first runs `reader.core.documents`
(the package's face, its __init__.py). So an import of T also stands for an edge to each
package above T, except the packages above the importing module itself: those were
already running before the importer's first line (Python starts a package before any of
its modules), so reaching them again starts nothing. Hence:
- a face importing its own modules (`reader.cli` -> `reader.cli.main`), and those modules
  importing each other, is no cycle: `reader.cli.main` does not run `reader.cli` again;
- a module importing its own package's face by name (`from reader.core.notes import Note`
  inside reader.core.notes.store) is an edge like any other, and a cycle if the face
  imports that module: the face would still be half run when the module asks it for a name;
- a module of another package does run the face, so `p.m -> q.n` also means `p.m -> q`,
  and the cycle `p.m -> q -> q.o -> p.m` is found even though no module names `q` itself.
"""

from __future__ import annotations

import ast
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tests.cli.running import fresh_python

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = "reader"
FEATURES = tuple(
    f"reader.ui.{name}"
    for name in (
        "reading",
        "library",
        "search",
        "notes",
        "recommendations",
        "help",
        "preferences",
        "team",
    )
)
WINDOW = ("reader.ui.main_window", "reader.ui.app")
QT = frozenset({"PySide6", "shiboken6"})
BELOW_QT = ("reader.core", "reader.cli")


@dataclass
class Graph:
    """The modules of one source tree and their imports: target -> the importing line."""

    files: dict[str, Path]
    imports: dict[str, dict[str, int]] = field(default_factory=dict)  # as written
    runs: dict[str, dict[str, int]] = field(default_factory=dict)  # packages that runs
    outside: dict[str, dict[str, int]] = field(default_factory=dict)  # top-level names

    def edges(self, module: str) -> dict[str, int]:
        """Every module that importing `module` starts: those it names first."""
        return self.imports.get(module, {}) | {
            package: line
            for package, line in self.runs.get(module, {}).items()
            if package not in self.imports.get(module, {})
        }

    def where(self, module: str, target: str) -> str:
        line = self.edges(module).get(target) or self.outside.get(module, {}).get(target)
        face = "" if target in self.imports.get(module, {}) or target in QT else ", runs the face"
        return f"{self.files[module].relative_to(self.files[ROOT].parents[1])}:{line}{face}"


def read_graph(src: Path, root: str = ROOT) -> Graph:
    files = {_module_name(path, src): path for path in sorted((src / root).rglob("*.py"))}
    graph = Graph(files)
    for module, path in files.items():
        for target, line in _imports(module, path, files):
            if target.split(".")[0] != root:
                graph.outside.setdefault(module, {}).setdefault(target.split(".")[0], line)
                continue
            target = _known(target, files)
            if target != module:
                graph.imports.setdefault(module, {}).setdefault(target, line)
            running = {module, *_packages_above(module)}
            for package in _packages_above(target):
                if package not in running:
                    graph.runs.setdefault(module, {}).setdefault(package, line)
    return graph


def _module_name(path: Path, src: Path) -> str:
    parts = path.relative_to(src).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(module: str, path: Path, files: dict[str, Path]) -> Iterable[tuple[str, int]]:
    """(module imported, line) for every import statement in the file, wherever it is."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            for alias in node.names:  # `from X import name`: X.name if that is a module
                yield (
                    (f"{base}.{alias.name}" if f"{base}.{alias.name}" in files else base),
                    node.lineno,
                )


def _known(name: str, files: dict[str, Path]) -> str:
    """The module itself, or (for a name that is no module of the tree) the nearest above."""
    while name not in files and "." in name:
        name = name.rpartition(".")[0]
    return name


def _packages_above(module: str) -> list[str]:
    parts = module.split(".")
    return [".".join(parts[:n]) for n in range(1, len(parts))]


def cycles(graph: Graph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in graph.edges(module):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while not component or component[-1] != module:
                component.append(stack.pop())
            if len(component) > 1:
                found.append(sorted(component))

    for module in graph.files:
        if module not in index:
            visit(module)
    return sorted(found)


def cycle_report(graph: Graph) -> list[str]:
    lines = []
    for component in cycles(graph):
        lines.append("cycle: " + " <-> ".join(component))
        for module in component:
            for target in sorted(set(graph.edges(module)) & set(component)):
                lines.append(f"    {module} -> {target}  ({graph.where(module, target)})")
    return lines


def reach_backs(graph: Graph) -> list[str]:
    """A feature package's module importing the window, or the application."""
    return [
        f"{module} -> {target}  ({graph.where(module, target)})"
        for module in graph.files
        if any(module == f or module.startswith(f + ".") for f in FEATURES)
        for target in sorted(graph.imports.get(module, {}))
        if target in WINDOW
    ]


def qt_below(graph: Graph) -> list[str]:
    """Each core or command-line module that imports, even by way of others, the Qt layer
    or Qt itself: the chain of imports that gets there."""
    found = []
    for start in graph.files:
        if not any(start == b or start.startswith(b + ".") for b in BELOW_QT):
            continue
        chain = _chain_to_qt(graph, start)
        if chain:
            found.append(" -> ".join(chain))
    return found


def _chain_to_qt(graph: Graph, start: str) -> list[str]:
    came_from: dict[str, str] = {start: ""}
    queue = [start]
    while queue:
        module = queue.pop(0)
        qt = sorted(QT & set(graph.outside.get(module, {})))
        if module == "reader.ui" or module.startswith("reader.ui.") or qt:
            chain = [*qt, module]
            while came_from[chain[-1]]:
                chain.append(came_from[chain[-1]])
            return chain[::-1]
        for target in graph.edges(module):
            if target not in came_from:
                came_from[target] = module
                queue.append(target)
    return []


def test_no_module_is_in_an_import_cycle() -> None:
    report = cycle_report(read_graph(SRC))
    assert not report, "import cycles (every edge inside each):\n" + "\n".join(report)


def test_no_feature_of_the_window_imports_the_window() -> None:
    report = reach_backs(read_graph(SRC))
    assert not report, "features reaching back into the window:\n" + "\n".join(report)


def test_the_core_and_the_command_line_import_neither_the_qt_layer_nor_qt() -> None:
    report = qt_below(read_graph(SRC))
    assert not report, "reaching the Qt layer or Qt from below it:\n" + "\n".join(report)


def test_the_graph_is_the_whole_tree() -> None:
    graph = read_graph(SRC)
    some = {"reader.cli", "reader.cli.main", "reader.core.notes.store", "reader.ui.main_window"}
    assert some <= set(graph.files)
    assert "reader.cli.main" in graph.imports["reader.cli"]
    assert "reader.core.documents" in graph.runs["reader.cli.main"]  # by importing document
    assert "reader.core.search.index" in graph.imports["reader.core.library.importing"]  # lazy
    assert "PySide6" in graph.outside["reader.ui.app"]


PLANTED = {
    "reader/__init__.py": "",
    "reader/core/__init__.py": "",
    # a cycle through a function-level import and a TYPE_CHECKING one, one relative
    "reader/core/a.py": "def f():\n    from . import b\n",
    "reader/core/b.py": (
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from reader.core.a import f\n"
    ),
    # a face and its modules importing each other: no cycle
    "reader/core/pkg/__init__.py": "from reader.core.pkg.x import X\n",
    "reader/core/pkg/x.py": "from .y import Y\nX = Y\n",
    "reader/core/pkg/y.py": "Y = 1\n",
    # a cycle only through the face that importing q.n runs: p.m -> q -> q.o -> p.m
    "reader/core/p/__init__.py": "",
    "reader/core/p/m.py": "from reader.core.q.n import N\n",
    "reader/core/q/__init__.py": "from reader.core.q.n import N\nfrom reader.core.q.o import O\n",
    "reader/core/q/n.py": "N = 1\n",
    "reader/core/q/o.py": "import reader.core.p.m\nO = 2\n",
    # a module asking its own face for a name the face gets from it: a cycle
    "reader/core/f/__init__.py": "from reader.core.f.g import G\n",
    "reader/core/f/g.py": "def g():\n    from reader.core.f import G\n\nG = 1\n",
    # Qt reached from the core by way of a helper, and the window reached back to
    "reader/core/helper.py": "def h():\n    import reader.ui.notes.controller\n",
    "reader/cli/__init__.py": "from reader.core import helper\n",
    "reader/ui/__init__.py": "",
    "reader/ui/main_window.py": (
        "import PySide6.QtWidgets\nfrom reader.ui.notes import controller\n"
    ),
    "reader/ui/notes/__init__.py": "from reader.ui.notes.controller import Controller\n",
    "reader/ui/notes/controller.py": (
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
        "    from reader.ui.main_window import MainWindow\n\nController = 1\n"
    ),
}


def test_the_walker_finds_what_was_planted(tmp_path: Path) -> None:
    for name, text in PLANTED.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    graph = read_graph(tmp_path)
    assert cycles(graph) == [
        ["reader.core.a", "reader.core.b"],
        ["reader.core.f", "reader.core.f.g"],
        ["reader.core.p.m", "reader.core.q", "reader.core.q.o"],
        ["reader.ui.main_window", "reader.ui.notes", "reader.ui.notes.controller"],
    ]
    assert "    reader.core.p.m -> reader.core.q  (reader/core/p/m.py:1, runs the face)" in (
        cycle_report(graph)
    )
    assert reach_backs(graph) == [
        "reader.ui.notes.controller -> reader.ui.main_window  (reader/ui/notes/controller.py:4)"
    ]
    assert qt_below(graph) == [
        "reader.cli -> reader.core.helper -> reader.ui.notes.controller",
        "reader.core.helper -> reader.ui.notes.controller",
    ]


PROBE = textwrap.dedent(
    """
    import importlib, io, pkgutil, sys

    import reader.core
    from reader import cli, paths

    names = [m.name for m in pkgutil.walk_packages(reader.core.__path__, "reader.core.")]
    names += [m.name for m in pkgutil.walk_packages(cli.__path__, "reader.cli.")]
    names += ["reader.cli", "reader.paths", "reader.resource_access", "reader.__main__"]
    for name in names:
        importlib.import_module(name)
    out = io.StringIO()
    assert cli.run(cli.parse(["list"]), paths.resolve(None), out=out) == 0, "list failed"
    assert "elbe-group-2018-naples" in out.getvalue()
    qt = sorted(m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6"})
    print(len(names), qt)
    """
)


def test_core_and_cli_never_import_qt(tmp_path: Path) -> None:
    result = fresh_python("-c", PROBE, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    count, qt_modules = result.stdout.split(" ", 1)
    assert qt_modules.strip() == "[]"
    assert int(count) >= 10  # every core module was walked, not an empty list
