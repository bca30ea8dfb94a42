"""Importers on files nobody here wrote (issue 12): every section found beside this script,
each against the field's library it builds on, on the data in ../shared/data/.

A section is a module `importers_<format>.py` in bench/ with `run(shared: Path) -> bool`,
True when its bars hold: importers_html (web pages), importers_pdf (PDFs). The exit status
is non-zero when the data folder is absent or any section's bar fails.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
SECTIONS = ("importers_html", "importers_pdf")


def main() -> int:
    data = SHARED / "data"
    if not data.is_dir():
        print(f"The importers bench needs the test data in {data}, which is absent.")
        return 1
    found = [name for name in SECTIONS if importlib.util.find_spec(name) is not None]
    failed = [name for name in found if not importlib.import_module(name).run(SHARED)]
    missing = sorted(set(SECTIONS) - set(found))
    if missing:
        print(f"Not measured here (no module): {', '.join(missing)}.")
    if failed:
        print(f"Bars not met: {', '.join(failed)}.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
