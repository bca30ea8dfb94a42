"""The feature packages' faces: each exports what the layout promises, the same objects as
its modules, to mypy as to the interpreter, and importing one loads nothing heavy."""

from __future__ import annotations

import ast
import importlib
import json
import textwrap
from pathlib import Path

import pytest

import reader
from tests.cli.running import fresh_python

SRC = Path(reader.__file__).parent
# What each face exports (docs: the review's table, target-layout.md §1.5).
EXPORTS = {
    "reader.core.documents": {
        "Document", "Metadata", "Block", "BlockKind", "Section", "BlockSpec", "build_document",
        "normalise_space", "split_sentences", "heading_chain", "section_title", "cite",
        "find_all",
    },
    "reader.core.library": {
        "Library", "Catalogue", "CatalogueError", "AlreadyInLibrary", "LibraryContext",
        "ImportResult", "Batch", "import_batch", "import_files", "update_index", "IMPORTED",
        "DUPLICATE", "REFUSED",
    },
    "reader.core.importers": {
        "import_file", "to_document", "ImportedStatement", "ImportRefused", "FORMATS",
        "DEFAULT_MAX_BYTES", "content_hash",
    },
    "reader.core.search": {"SearchResults", "Hit", "SearchIndex", "IndexUnavailableError"},
    "reader.core.recommendations": {
        "Recommendation", "USER", "extract", "RuleSet", "bundled_rules", "Taxonomy",
        "bundled_taxonomy", "RecommendationOverrides", "SentenceKey", "apply_overrides",
        "collect", "select", "coverage", "ExportFormat", "export_recommendations",
    },
    "reader.core.notes": {
        "Note", "NoteError", "COLORS", "DEFAULT_COLOR", "NotesStore", "Placement", "Anchoring",
        "ExportFormat", "export_notes", "to_web_annotation", "import_annotations",
    },
}  # fmt: skip
# Given only when asked for: each costs SQLite, Whoosh, the csv module or the parsers.
LAZY = {
    "reader.core.library": {"Catalogue", "import_batch", "IMPORTED"},
    "reader.core.search": {"SearchIndex", "IndexUnavailableError"},
    "reader.core.recommendations": {"RecommendationOverrides", "collect", "ExportFormat"},
    "reader.core.notes": {"NotesStore", "Anchoring", "export_notes", "import_annotations"},
}
HEAVY = ("whoosh", "sqlite3", "pypdfium2", "selectolax", "markdown_it", "chardet", "csv")
# The importers' face is the parsers themselves (about 75 ms): only importing a file loads it.
LIGHT_FACES = sorted(set(EXPORTS) - {"reader.core.importers"})


def _sources(face: str) -> dict[str, str]:
    """Each name the face imports (at its top or for mypy) -> the module it comes from."""
    tree = ast.parse((SRC.parent / face.replace(".", "/") / "__init__.py").read_text("utf-8"))
    found = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("reader"):
            found.update({alias.name: node.module for alias in node.names})
    found.pop("lazy_names", None)
    return found


@pytest.mark.parametrize("face", sorted(EXPORTS))
def test_a_face_exports_the_promised_names_as_its_modules_have_them(face: str) -> None:
    package = importlib.import_module(face)
    assert set(package.__all__) == EXPORTS[face]
    sources = _sources(face)
    assert set(sources) == EXPORTS[face]  # so mypy sees every name (TYPE_CHECKING imports)
    for name, module in sources.items():
        assert getattr(package, name) is getattr(importlib.import_module(module), name), name
    assert EXPORTS[face] <= set(dir(package))
    assert (package.__doc__ or "").strip() not in ("", "TODO")


@pytest.mark.parametrize("face", sorted(LAZY))
def test_an_unknown_name_is_an_attribute_error_and_submodules_still_import(face: str) -> None:
    package = importlib.import_module(face)
    with pytest.raises(AttributeError, match=f"module '{face}' has no attribute 'nothing'"):
        package.nothing  # noqa: B018
    submodule = sorted(set(_sources(face).values()))[0].rpartition(".")[2]
    assert importlib.import_module(f"{face}.{submodule}").__name__ == f"{face}.{submodule}"


PROBE = textwrap.dedent(
    """
    import json, sys

    faces = {faces!r}
    lazy = {lazy!r}
    for face in faces:
        __import__(face)
    loaded = sorted({{m.split(".")[0] for m in sys.modules}} & set({heavy!r}))
    given = sorted(
        name for face, names in lazy.items() for name in names if name in vars(sys.modules[face])
    )
    import reader.core.search as search
    search.SearchIndex  # asking for it is what loads Whoosh
    print(json.dumps([loaded, given, "whoosh" in sys.modules]))
    """
)


def test_importing_the_faces_loads_nothing_heavy_until_a_lazy_name_is_asked_for(
    tmp_path: Path,
) -> None:
    probe = PROBE.format(
        faces=LIGHT_FACES, lazy={k: sorted(v) for k, v in LAZY.items()}, heavy=HEAVY
    )
    result = fresh_python("-c", probe, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    loaded, given, whoosh_after = json.loads(result.stdout)
    assert (loaded, given, whoosh_after) == ([], [], True)
