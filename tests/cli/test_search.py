"""`statement-reader search` and `index` from a terminal: JSON, offsets, errors."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.cli.running import fresh_python


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STATEMENT_READER_DATA_DIR": str(tmp_path)}
    return fresh_python("-m", "reader", *args, env=env, timeout=120)


def test_search_json_hits_point_into_show(tmp_path: Path) -> None:
    result = _run(tmp_path, "search", "Minsk", "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert isinstance(hits, list) and len(hits) == 1
    hit = hits[0]
    assert set(hit) == {
        "doc_id",
        "doc_title",
        "section",
        "start",
        "end",
        "score",
        "snippet",
        "terms",
    }
    shown = _run(tmp_path, "show", hit["doc_id"]).stdout[:-1]
    assert "Minsk agreements" in shown[hit["start"] : hit["end"]]
    assert hit["terms"] == ["Minsk"] and "**Minsk**" in hit["snippet"]
    assert hit["section"] == "On Ukraine" and hit["doc_title"] == "Elbe Group Joint Statement"


def test_search_json_without_hits_gives_a_suggestion(tmp_path: Path) -> None:
    result = _run(tmp_path, "search", "missle", "--json")
    assert json.loads(result.stdout) == {"hits": [], "suggestion": "missile"}


def test_search_limit_and_doc_filter(tmp_path: Path) -> None:
    hits = json.loads(_run(tmp_path, "search", "Russia", "--limit", "3", "--json").stdout)
    assert len(hits) == 3
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    only = _run(tmp_path, "search", "Russia", "--doc", "ac-riac-2013-washington", "--json")
    assert {h["doc_id"] for h in json.loads(only.stdout)} == {"ac-riac-2013-washington"}


def test_search_text_output_and_unbalanced_notice(tmp_path: Path) -> None:
    result = _run(tmp_path, "search", '"missile defense')
    assert result.returncode == 0
    assert "unbalanced" in result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("2 passages in 2 documents")


def test_search_bad_usage_is_one_sentence(tmp_path: Path) -> None:
    for args in (("search",), ("search", "x", "--limit", "0"), ("search", "x", "--doc", "nope")):
        result = _run(tmp_path, *args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    worded = _run(tmp_path, "search", "x", "--limit", "ten")
    assert "'ten' is not a whole number" in worded.stderr and "_positive" not in worded.stderr


def test_index_command_reports_and_rebuilds(tmp_path: Path) -> None:
    first = _run(tmp_path, "index", "--progress")
    assert first.stdout.splitlines() == ["progress 1/2", "progress 2/2", "index built"]
    assert _run(tmp_path, "index").stdout.strip() == "index unchanged"
    assert (
        _run(tmp_path, "index", "--rebuild").stdout.strip()
        == "index rebuilt: a rebuild was asked for"
    )


def test_with_no_index_and_no_room_for_one_search_still_answers(tmp_path: Path) -> None:
    """A read-only data folder with no index yet (a file stands where the cache would be)."""
    (tmp_path / "cache").write_text("not a folder")
    result = _run(tmp_path, "search", "Minsk", "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 1  # the one passage about Minsk
    assert "cannot be" in result.stderr and "temporary index" in result.stderr
    assert result.stderr.count("\n") == 1
