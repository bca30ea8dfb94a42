"""The one question every export asks: where to save, and so in which format."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from reader.core.export import ExportFormat

from reader.ui.noop import QT_TRANSLATE_NOOP

# Marked for lupdate; filter_label() translates them where a dialog shows them.
FILTERS = {
    ExportFormat.MARKDOWN: QT_TRANSLATE_NOOP("Export", "Markdown (*.md)"),
    ExportFormat.HTML: QT_TRANSLATE_NOOP("Export", "HTML, printable (*.html)"),
    ExportFormat.CSV: QT_TRANSLATE_NOOP("Export", "CSV spreadsheet (*.csv)"),
    ExportFormat.JSON: QT_TRANSLATE_NOOP("Export", "Web Annotation JSON (*.json *.jsonld)"),
    ExportFormat.HYPOTHESIS: QT_TRANSLATE_NOOP("Export", "Hypothesis export file (*.json)"),
    ExportFormat.DOCX: QT_TRANSLATE_NOOP("Export", "Word document (*.docx)"),
}
# A suffix's own format; ".json" is Web Annotation's unless the Hypothesis filter is chosen.
_SUFFIXES = {
    ".jsonld": ExportFormat.JSON,
    ".htm": ExportFormat.HTML,
    ".markdown": ExportFormat.MARKDOWN,
    **{f.suffix: f for f in ExportFormat if f is not ExportFormat.HYPOTHESIS},
}


def filter_label(export_format: ExportFormat) -> str:
    return QCoreApplication.translate("Export", FILTERS[export_format])


class ExportDefaults:
    """Where an export starts and in which format, if it offers it (from Preferences).

    A plain class, not a dataclass: defining one took about 1 ms before the first paint."""

    def __init__(self, folder: str = "", format: ExportFormat | None = None) -> None:
        self.folder, self.format = folder, format


DEFAULTS = ExportDefaults()


def ask_export_path(
    parent: QWidget | None, title: str, name: str, formats: Sequence[ExportFormat]
) -> tuple[Path, ExportFormat] | None:
    """Where to save and as what, or None if cancelled. A name's known suffix decides the
    format; a name without one takes the chosen filter's format, and its suffix."""
    filters = [filter_label(f) for f in formats]
    preferred = DEFAULTS.format
    first = preferred if preferred is not None and preferred in formats else formats[0]
    start = (
        str(Path(DEFAULTS.folder) / (name + first.suffix))
        if DEFAULTS.folder
        else name + first.suffix
    )
    from PySide6.QtWidgets import QFileDialog  # its class costs ~5 ms; the window starts without

    chosen_name, chosen_filter = QFileDialog.getSaveFileName(
        parent, title, start, ";;".join(filters), filter_label(first)
    )
    if not chosen_name:
        return None
    return resolve(Path(chosen_name), chosen_filter, formats)


def resolve(
    path: Path, chosen_filter: str, formats: Sequence[ExportFormat]
) -> tuple[Path, ExportFormat]:
    by_filter = next((f for f in formats if filter_label(f) == chosen_filter), formats[0])
    by_suffix = _SUFFIXES.get(path.suffix.lower())
    if by_suffix is not None and by_suffix.suffix == by_filter.suffix:
        return path, by_filter  # "notes.json" with the Hypothesis filter chosen
    if by_suffix is not None and by_suffix in formats:
        return path, by_suffix
    return (path if path.suffix else path.with_suffix(by_filter.suffix)), by_filter
