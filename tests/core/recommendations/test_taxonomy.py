"""The topic taxonomy and the rules file: how cues match, and broken files as one sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.core.errors import ResourceError
from reader.core.recommendations.rules import RuleSet, load_rules
from reader.core.recommendations.taxonomy import Taxonomy, Topic, UnknownTopicError, load_taxonomy
from reader.resource_access import resource_path


def test_the_shipped_taxonomy_starts_from_the_seed(taxonomy: Taxonomy, seeds_dir: Path) -> None:
    seed_ids = [
        line.split("\t")[0]
        for line in (seeds_dir / "topics.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#") and not line.startswith("id\t")
    ]
    assert taxonomy.ids() == seed_ids
    assert taxonomy.label("us-russia-relations") == "U.S.–Russia relations"
    assert taxonomy.fallback == "other"


def test_cues_match_whole_words_plurals_prefixes_and_hyphens(taxonomy: Taxonomy) -> None:
    assert taxonomy.score("cyberattacks and cybercrime")["cybersecurity"] == 2
    assert taxonomy.score("international treaties")["strategic-stability"] == 1
    assert taxonomy.score("nuclear armed states")["strategic-stability"] == 1
    assert "ukraine" not in taxonomy.score("Ukrainianisation")  # whole words only


def test_capitalised_cues_match_only_in_capitals(taxonomy: Taxonomy) -> None:
    assert taxonomy.score("NATO allies")["nato-russia-europe"] > 1
    assert "nato-russia-europe" not in taxonomy.score("a nato-like word in lower case")
    assert taxonomy.score("the START treaty")["strategic-stability"] == 2
    assert "strategic-stability" not in taxonomy.score("a fresh start")


def test_a_longer_cue_is_not_also_counted_as_its_shorter_part(taxonomy: Taxonomy) -> None:
    # "nuclear weapons" is one strong cue, not also the weak "nuclear" and "weapons".
    assert taxonomy.score("nuclear weapons")["strategic-stability"] == 1


def test_a_shared_cue_counts_for_each_of_its_topics(taxonomy: Taxonomy) -> None:
    scores = taxonomy.score("ISIS")
    assert scores["terrorism-wmd"] == scores["middle-east-syria"] == 1


def test_unknown_topic_is_a_sentence(taxonomy: Taxonomy) -> None:
    with pytest.raises(UnknownTopicError, match="no topic with the id 'space'"):
        taxonomy.get("space")
    assert taxonomy.label("space") == "space"  # a removed topic still reads as something


def test_an_empty_taxonomy_scores_nothing() -> None:
    assert Taxonomy([Topic("other", "Other")]).score("NATO") == {}


@pytest.mark.parametrize(
    "content",
    ["", "id\tlabel\nBad Id\tLabel\n", "id\tlabel\na\tA\na\tAgain\n", "no header\n"],
)
def test_a_damaged_taxonomy_is_a_resource_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "topics.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ResourceError, match="topics.tsv cannot be read .*reinstall"):
        load_taxonomy(path)


def test_a_missing_taxonomy_says_so(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match=r"\(No such file or directory\)"):
        load_taxonomy(tmp_path / "topics.tsv")


def test_the_rules_load_and_have_a_signature(rules: RuleSet) -> None:
    assert rules.version >= 1 and rules.signature.startswith(f"{rules.version}-")
    assert {"recommend", "must", "should", "imperative"} <= {cue.name for cue in rules.cues}
    assert 0 < rules.threshold < 1


def test_a_changed_rules_file_changes_the_signature(tmp_path: Path, rules: RuleSet) -> None:
    raw = json.loads(resource_path("recommendation_rules.json").read_text(encoding="utf-8"))
    raw["threshold"] = 0.6
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    assert load_rules(path).signature != rules.signature


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"format": 99}, "unsupported format 99"),
        ({"cues": [{"name": "x", "pattern": "(", "confidence": 0.5}]}, "missing \\)"),
        ({"cues": [{"name": "x", "pattern": "x", "confidence": 2}]}, "outside 0..1"),
        ({"threshold": None}, "float"),
        ({"cues": [{"name": "x", "pattern": "We Urge", "confidence": 0.5}]}, "not in lower case"),
    ],
)
def test_a_damaged_rules_file_is_a_resource_error(
    tmp_path: Path, change: dict[str, object], reason: str
) -> None:
    raw = json.loads(resource_path("recommendation_rules.json").read_text(encoding="utf-8"))
    path = tmp_path / "rules.json"
    path.write_text(json.dumps({**raw, **change}), encoding="utf-8")
    with pytest.raises(ResourceError, match=f"rules.json cannot be read .*{reason}"):
        load_rules(path)
