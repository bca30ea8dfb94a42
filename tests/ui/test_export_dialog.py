"""Where an export goes and as what: a known suffix decides, else the filter chosen."""

from pathlib import Path

import pytest

from reader.core.export import ExportFormat
from reader.core.notes.export import NOTE_FORMATS
from reader.core.recommendations.export import RECOMMENDATION_FORMATS

from reader.ui.export_dialog import FILTERS, resolve

MD, HTML, CSV, JSON = ExportFormat.MARKDOWN, ExportFormat.HTML, ExportFormat.CSV, ExportFormat.JSON


@pytest.mark.parametrize(
    ("name", "chosen", "formats", "expected"),
    [
        ("notes.csv", MD, NOTE_FORMATS, ("notes.csv", CSV)),  # the suffix wins over the filter
        ("notes", HTML, NOTE_FORMATS, ("notes.html", HTML)),  # no suffix: the filter's, added
        ("notes.JSONLD", MD, NOTE_FORMATS, ("notes.JSONLD", JSON)),
        ("memo.txt", CSV, NOTE_FORMATS, ("memo.txt", CSV)),  # an unknown suffix is kept
        ("recs.html", MD, RECOMMENDATION_FORMATS, ("recs.html", MD)),  # not a format of theirs
        ("recs", CSV, RECOMMENDATION_FORMATS, ("recs.csv", CSV)),
    ],
)
def test_the_suffix_or_the_filter_decides(
    name: str,
    chosen: ExportFormat,
    formats: tuple[ExportFormat, ...],
    expected: tuple[str, ExportFormat],
) -> None:
    path, kind = resolve(Path("/out") / name, FILTERS[chosen], formats)
    assert (path, kind) == (Path("/out") / expected[0], expected[1])


def test_an_unknown_filter_falls_back_to_the_first_format() -> None:
    assert resolve(Path("x"), "Anything (*)", RECOMMENDATION_FORMATS) == (Path("x.md"), MD)


def test_a_json_name_with_the_hypothesis_filter_is_a_hypothesis_file() -> None:
    from reader.core.notes.export import NOTE_FORMATS

    hypothesis, json_ = ExportFormat.HYPOTHESIS, ExportFormat.JSON
    assert resolve(Path("n.json"), FILTERS[hypothesis], NOTE_FORMATS) == (
        Path("n.json"),
        hypothesis,
    )
    assert resolve(Path("n.json"), FILTERS[json_], NOTE_FORMATS) == (Path("n.json"), json_)
    assert resolve(Path("n"), FILTERS[hypothesis], NOTE_FORMATS) == (Path("n.json"), hypothesis)
