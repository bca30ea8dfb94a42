"""Hostile queries and files on the command line: an exit code and, on stderr, sentences only
(one a line): never a traceback, never "an unexpected error"."""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import cli
from reader.__main__ import main
from tests.cli.running import reader
from tests.fuzzing import assert_one_sentence, examples, time_limit

SECONDS = 60  # for one command: an import updates the index and runs the extractor
FUZZ = settings(
    deadline=None,  # a first search builds the index; time_limit ends a hang
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def assert_sentences(stderr: str) -> None:
    """Every line of stderr is one sentence; an error is `statement-reader: SENTENCE`."""
    assert "Traceback" not in stderr and "unexpected error" not in stderr, stderr
    for line in stderr.splitlines():
        sentence = line.removeprefix("statement-reader: ")
        # argparse's own complaint ends with the one hint it gives: "Try '... --help'."
        sentence = sentence.removesuffix(" Try 'statement-reader --help'.")
        # What the user typed, quoted back ("ignored explicit argument '~2('"), is no repr.
        assert_one_sentence(re.sub(r"'[^'\n]*'", "'…'", sentence))


@pytest.fixture(autouse=True)
def output_to_the_current_stdout(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """cli.run writes to the sys.stdout of its import by default; here, to capsys's."""
    run = cli.run
    monkeypatch.setattr(cli, "run", lambda args, folders: run(args, folders, out=sys.stdout))
    yield


def run_main(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with time_limit(SECONDS):
        try:
            code = main(list(args))
        except SystemExit as done:  # argparse ends a bad usage so
            code = int(done.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


QUERY_PIECES = [
    '"', "“", "(", ")", "[", "]", "{", "}", "*", "~", "~2", ":", "topic:", "doc:", "section:",
    "AND", "OR", "NOT", "-", "--", "+", "'", "’", " ", "missile", "Minsk", "US", "U.S.",
    "cyber", "é", "\x00", "\x1b[2J", "\u202e", "\ud800", "\udcff", "\n", "-h", "--json",
]  # fmt: skip
QUERY = st.lists(
    st.sampled_from(QUERY_PIECES) | st.text(st.characters(codec=None), max_size=4), max_size=12
).map("".join)


@settings(FUZZ, max_examples=examples(20))
@given(query=QUERY, as_json=st.booleans(), separated=st.booleans())
def test_any_search(
    capsys: pytest.CaptureFixture[str], query: str, as_json: bool, separated: bool
) -> None:
    args = ["search", *(["--json"] if as_json else []), *(["--"] if separated else []), query]
    code, out, err = run_main(capsys, *args)
    assert code in (0, 2), (code, err)
    assert_sentences(err)
    if code == 0 and as_json and separated:  # else "-h" in the query may well ask for help
        json.loads(out)


FILE_PIECES = [
    b"<div>" * 6000, b'<meta charset="rot13">', b'<meta charset="utf-7">', b"<ol start=\xc2\xb2>",
    b"<li>", b"15 \xc5\xbfeptember 2018\n", b">" * 100, b"[" * 100, b"\x00", b"\xff\xfe",
    b"\xef\xbb\xbf", b"\r", b"\n\n", b"%PDF-1.4\n", b"We call on both sides to talk.\n",
    b"# Heading\n", b"\xed\xa0\x80",
]  # fmt: skip
FILE = st.tuples(
    st.lists(st.sampled_from(FILE_PIECES) | st.binary(max_size=30), max_size=10).map(b"".join),
    st.sampled_from([".txt", ".md", ".html", ".pdf", ".doc", ""]),
)


@settings(FUZZ, max_examples=examples(6))
@given(files=st.lists(FILE, min_size=1, max_size=3), as_json=st.booleans())
def test_any_import(
    capsys: pytest.CaptureFixture[str], files: list[tuple[bytes, str]], as_json: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, (data, suffix) in enumerate(files):
            path = Path(folder) / f"hostile-{number}{suffix}"
            path.write_bytes(data)
            paths.append(str(path))
        data_dir = str(Path(folder) / "data")
        json_flag = ["--json"] if as_json else []
        code, out, err = run_main(capsys, "import", *paths, *json_flag, "--data-dir", data_dir)
    assert code in (0, 1), (code, err)
    assert_sentences(err)
    if as_json:
        for result in json.loads(out):
            assert result["status"] in ("imported", "duplicate", "refused")
            if result["status"] == "refused":
                assert_one_sentence(result["reason"], names=Path(result["file"]).name)


@pytest.mark.parametrize(
    "query",
    ["(" * 10_000 + "missile" + ")" * 10_000, "NOT " * 400 + "a"],
    ids=["parens-1e4", "not-400"],
)
def test_a_hostile_search_in_a_fresh_interpreter(tmp_path: Path, query: str) -> None:
    """What the terminal sees: stderr as written, with the top-level handler in place."""
    result = reader("search", "--", query, cwd=tmp_path)
    assert result.returncode in (0, 2)
    assert_sentences(result.stderr)


def test_a_hostile_import_in_a_fresh_interpreter(tmp_path: Path) -> None:
    (tmp_path / "deep.html").write_bytes(b"<div>" * 100_000 + b"Words.")
    (tmp_path / "rot13.html").write_bytes(b'<meta charset="rot13"><p>We call on both sides.</p>')
    result = reader("import", "--json", "deep.html", "rot13.html", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert_sentences(result.stderr)
    statuses = {r["file"]: r["status"] for r in json.loads(result.stdout)}
    assert statuses == {"deep.html": "refused", "rot13.html": "imported"}
