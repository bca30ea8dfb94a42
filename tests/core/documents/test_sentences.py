"""The sentence splitter on the hard cases of policy prose, on pySBD's English Golden Rules
and the gold sentences of the seeds and development statements, and its invariants on any
text."""

import ast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.documents.builder import normalise_space
from reader.core.documents.sentences import split_sentences
from reader.core.library.library import Library
from tests.conftest import SEEDS_DIR
from tests.core.recommendations.statement_captures import dev_documents, load_gold

GOLDEN_RULES = SEEDS_DIR.parent / "data" / "pysbd-golden-rules" / "test_english.py"
GOLDEN_RULES_BAR = 46  # of 48; pySBD passes 47


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "During the meeting the Russian and U.S. sides discussed the following issues:",
            ["During the meeting the Russian and U.S. sides discussed the following issues:"],
            id="U.S. mid-sentence",
        ),
        pytest.param(
            "The talks were held in the U.S. The next round is in Moscow.",
            ["The talks were held in the U.S.", "The next round is in Moscow."],
            id="U.S. at a sentence end",
        ),
        pytest.param(
            "Speaker: COL (ret) Stanislav Ivanov, Russian Academy of Sciences. It was clear.",
            ["Speaker: COL (ret) Stanislav Ivanov, Russian Academy of Sciences.", "It was clear."],
            id="COL (ret)",
        ),
        pytest.param(
            "At the international level (the UN) of a need. Regarding cybercrime.",
            ["At the international level (the UN) of a need.", "Regarding cybercrime."],
            id="(the UN)",
        ),
        pytest.param(
            "We met Mr. Smith in Naples. He agreed.",
            ["We met Mr. Smith in Naples.", "He agreed."],
            id="Mr. Smith",
        ),
        pytest.param(
            "A report by J. Smith was read. It helped.",
            ["A report by J. Smith was read.", "It helped."],
            id="initial",
        ),
        pytest.param(
            "Some measures, e.g. this one, matter. Others do not.",
            ["Some measures, e.g. this one, matter.", "Others do not."],
            id="e.g.",
        ),
        pytest.param(
            "the paradigm of “mutual assured destruction.” The goal is to reconfigure.",
            ["the paradigm of “mutual assured destruction.”", "The goal is to reconfigure."],
            id="quote after full stop",
        ),
        pytest.param(
            "Is war inevitable? No! We must talk.",
            ["Is war inevitable?", "No!", "We must talk."],
            id="question and exclamation",
        ),
        pytest.param(
            "They waited... Then they spoke. They waited… Then again.",
            ["They waited...", "Then they spoke.", "They waited…", "Then again."],
            id="ellipsis",
        ),
        pytest.param(
            "No full stop at the end",
            ["No full stop at the end"],
            id="unterminated",
        ),
        pytest.param(
            "The commission, headed by former Sens. Chuck Hagel, is a joint project.",
            ["The commission, headed by former Sens. Chuck Hagel, is a joint project."],
            id="title before a name",
        ),
        pytest.param(
            "At the Review Conference, Jan. 4-28, in New York. Then home.",
            ["At the Review Conference, Jan. 4-28, in New York.", "Then home."],
            id="month before a number",
        ),
        pytest.param(
            "It was written by Smith et al. The group met. It is in the U.S. Which one?",
            ["It was written by Smith et al.", "The group met.", "It is in the U.S.", "Which one?"],
            id="abbreviation or initialism at a sentence end",
        ),
        pytest.param(
            "We propose: 1) Restore dialogue; 2) Extend New START; 3) Talk.",
            ["We propose:", "1) Restore dialogue;", "2) Extend New START;", "3) Talk."],
            id="inline numbered list",
        ),
        pytest.param(
            "We propose: 1) restore dialogue; 2) extend New START.",
            ["We propose: 1) restore dialogue; 2) extend New START."],
            id="inline list of fragments stays one sentence",
        ),
        pytest.param(
            "Key steps • Restore dialogue • Extend New START",
            ["Key steps", "• Restore dialogue", "• Extend New START"],
            id="bullets run together",
        ),
        pytest.param(
            "The guarantee is in Article 5. The alliance holds. See No. 11 and p. 55.",
            ["The guarantee is in Article 5.", "The alliance holds.", "See No. 11 and p. 55."],
            id="a lone number is not a list",
        ),
        pytest.param(
            "Under Article 1. The Parties agree. Under Article 2. The Parties meet.",
            ["Under Article 1.", "The Parties agree.", "Under Article 2.", "The Parties meet."],
            id="numbered references are not a list",
        ),
        pytest.param(
            "We must talk.The group met in St.Petersburg.See www.Example.org/News too.",
            ["We must talk.", "The group met in St.Petersburg.", "See www.Example.org/News too."],
            id="a space lost after a full stop",
        ),
        pytest.param(
            "He said [...] that it must end. Next.",
            ["He said [...] that it must end.", "Next."],
            id="words left out",
        ),
    ],
)
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def _golden_rules() -> list[tuple[str, list[str]]]:
    """The (text, sentences) cases of pySBD's test file, read as data, not run."""
    tree = ast.parse(GOLDEN_RULES.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "GOLDEN_EN_RULES_TEST_CASES" for t in node.targets
        ):
            assert isinstance(node.value, ast.List)
            cases = []
            for case in node.value.elts:
                # pytest.param(text, expected, marks=...) or a plain (text, expected) tuple
                parts = case.args if isinstance(case, ast.Call) else getattr(case, "elts", [])
                cases.append((ast.literal_eval(parts[0]), ast.literal_eval(parts[1])))
            return cases
    raise AssertionError(f"no GOLDEN_EN_RULES_TEST_CASES in {GOLDEN_RULES}")


def test_golden_rules() -> None:
    if not GOLDEN_RULES.is_file():
        pytest.skip(
            f"pySBD's Golden Rules ({GOLDEN_RULES}) are absent: they sit beside the checkout"
        )
    cases = _golden_rules()
    failed = [(text, sentences(text)) for text, expected in cases if sentences(text) != expected]
    print(f"\nGolden Rules: {len(cases) - len(failed)} of {len(cases)} pass")
    for text, got in failed:
        print(f"  failed: {text!r} -> {got!r}")
    assert len(cases) == 48
    assert len(cases) - len(failed) >= GOLDEN_RULES_BAR


def test_every_gold_sentence_is_a_sentence(library: Library) -> None:
    """The gold rows of the seeds and the development set, each one whole sentence."""
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"the shared seeds folder {SEEDS_DIR} is absent (it sits beside the checkout)")
    docs = [*library, *dev_documents(SEEDS_DIR / "dev")]
    found = {(d.id, normalise_space(d.sentence_text(s))) for d in docs for s in d.sentences}
    gold = load_gold(SEEDS_DIR / "recommendations.gold.tsv")
    gold += load_gold(SEEDS_DIR / "dev" / "dev.gold.tsv")
    assert len(gold) > 80
    assert [row.sentence for row in gold if (row.doc_id, row.sentence) not in found] == []


def test_ellipsis_before_lower_case_continues_the_sentence() -> None:
    assert sentences("Wait... what happened?") == ["Wait... what happened?"]


def test_surrounding_space_is_trimmed() -> None:
    text = "  \n First one.\u00a0 Second one.  "
    assert sentences(text) == ["First one.", "Second one."]


@pytest.mark.parametrize("text", ["", " ", "\n\u00a0\t"])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


# Text built from the characters that matter to the splitter, so examples hit real boundaries.
_PIECES = list("aZ.US!?…()\"“”’'\u00a0 \n\t-;:,1") + [
    "Mr.",
    "U.S.",
    "e.g.",
    "The ",
    "the ",
    "(the UN)",
    " J. ",
    "(ret) ",
    "...",
    ".”",
    " (",
    " . . . ",
    "[...]",
    " 1) ",
    " 2. ",
    " a. ",
    "• ",
    "⁃9.",
    "Sens.",
    "co.",
    " I. ",
]
_PROSE = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join) | st.text(max_size=80)
_FAST = settings(max_examples=200, deadline=None, database=None)  # no .hypothesis/ in the repo


@_FAST
@given(_PROSE)
def test_ranges_are_ordered_trimmed_and_inside(text: str) -> None:
    previous_end = 0
    for start, end in split_sentences(text):
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end


@_FAST
@given(_PROSE)
def test_ranges_cover_every_non_space_character(text: str) -> None:
    covered = set()
    for start, end in split_sentences(text):
        covered.update(range(start, end))
    missed = [i for i, char in enumerate(text) if not char.isspace() and i not in covered]
    assert missed == []


@_FAST
@given(_PROSE)
def test_splitting_is_deterministic(text: str) -> None:
    assert split_sentences(text) == split_sentences(text)
