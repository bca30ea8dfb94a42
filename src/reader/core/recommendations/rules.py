"""The extractor's rules, read from resources/recommendation_rules.json and compiled once."""

from __future__ import annotations

import functools
import json
import re
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reader.core.documents.sentences import BULLETS
from reader.core.errors import ResourceError
from reader.core.translation import _

RULES_FORMAT = 1
_NOT_LETTERS = re.compile(r"\\.|\(\?P[<=]")  # escapes (\W, \S) and named groups use capitals


@dataclass(frozen=True)
class CueRule:
    """Words that make a sentence a recommendation, and how sure they make us (0..1).

    A pattern may mark the words to show with a group named `cue`; else the whole match.
    `widen`: the words shown take in an adverb just before ("strongly recommend").
    """

    name: str
    pattern: re.Pattern[str]
    confidence: float
    widen: bool = False


@dataclass(frozen=True)
class NamedPattern:
    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Penalty:
    """Lowers a sentence's confidence by `penalty`; 1 or more rejects the sentence."""

    name: str
    pattern: re.Pattern[str]
    penalty: float


@dataclass(frozen=True)
class TopicWeights:
    """How much each source of topic words counts (see topic_assignment)."""

    sentence: float = 1.0
    strong: float = 1.0
    heading: float = 0.6
    outer_heading: float = 0.3
    sentences_before: float = 0.45
    block_before: float = 0.3
    lead_in: float = 0.6
    title: float = 0.15


@dataclass(frozen=True)
class RuleSet:
    """Every rule, compiled. `signature` changes with the file, for the search index."""

    version: int
    threshold: float
    cue_margin: float
    cue_bonus: float
    max_cue_bonus: float
    lead_in_factor: float
    widen_over: frozenset[str]
    cues: tuple[CueRule, ...]
    lead_in_cues: tuple[CueRule, ...]
    masks: tuple[NamedPattern, ...]
    penalties: tuple[Penalty, ...]
    topic_weights: TopicWeights
    back_reference: re.Pattern[str] | None = None
    back_reference_factor: float = 1.0
    signature: str = ""


RULES_FILE = "recommendation_rules.json"


@functools.cache
def bundled_rules() -> RuleSet:
    """The rules shipped in resources/, read once per process (a RuleSet never changes)."""
    from reader.resource_access import resource_path

    return load_rules(resource_path(RULES_FILE))


def load_rules(path: Path) -> RuleSet:
    """Read and compile a rules file; a missing or damaged one is a ResourceError."""
    try:
        raw = path.read_bytes()
        rules = parse_rules(json.loads(raw.decode("utf-8")))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, re.error) as error:
        raise ResourceError(
            _(
                "The recommendation rules {name} cannot be read ({reason}); "
                "reinstall the application."
            ).format(name=path.name, reason=_reason(error))
        ) from error
    # A checksum, not a cryptographic hash: it only has to notice an edited file, and
    # hashlib costs two milliseconds to import.
    return replace(rules, signature=f"{rules.version}-{zlib.crc32(raw):08x}-{len(raw)}")


def parse_rules(raw: dict[str, Any]) -> RuleSet:
    if raw.get("format") != RULES_FORMAT:
        raise ValueError(f"unsupported format {raw.get('format')!r}")
    cues = [_cue(entry) for entry in raw["cues"]]
    if "imperative" in raw:
        cues.append(_imperative(raw["imperative"]))
    return RuleSet(
        version=int(raw["version"]),
        threshold=float(raw["threshold"]),
        cue_margin=float(raw.get("cue_margin", 0.0)),
        cue_bonus=float(raw.get("cue_bonus", 0.0)),
        max_cue_bonus=float(raw.get("max_cue_bonus", 0.0)),
        lead_in_factor=float(raw.get("lead_in_factor", 1.0)),
        widen_over=frozenset(str(word) for word in raw.get("widen_over", ())),
        cues=tuple(cues),
        lead_in_cues=tuple(_cue(entry) for entry in raw.get("lead_in_cues", ())),
        masks=tuple(NamedPattern(m["name"], _compile(m["pattern"])) for m in raw.get("masks", ())),
        penalties=tuple(_penalty(entry) for entry in raw.get("penalties", ())),
        topic_weights=TopicWeights(**{k: float(v) for k, v in raw["topic_weights"].items()}),
        back_reference=_compile(raw["back_reference"]) if "back_reference" in raw else None,
        back_reference_factor=float(raw.get("back_reference_factor", 1.0)),
    )


def _cue(entry: dict[str, Any]) -> CueRule:
    # Whole words: "urge" is not the start of "urgently", "must" not of "mustard". No \b
    # before: it would stop the engine skipping to the pattern's first letter, and the
    # finder passes over matches that start inside a word anyway.
    pattern = _compile(rf"(?:{entry['pattern']})\b")
    widen = bool(entry.get("widen", False))
    return CueRule(entry["name"], pattern, _confidence(entry["confidence"]), widen)


def _imperative(entry: dict[str, Any]) -> CueRule:
    ordered = sorted(entry["verbs"], key=len, reverse=True)
    verbs = "|".join(re.escape(verb.lower()) for verb in ordered)
    # The verb opens the sentence, perhaps after a quote or bracket, or after the marker of
    # an inline list item ("2) Restore dialogue.") whose line break a capture lost.
    opening = rf"^(?:[{BULLETS}] ?|(?:\d{{1,3}}|[a-z])(?:\.\)|\)|\.) )?[\"“‘(\[]*"
    pattern = _compile(rf"{opening}(?P<cue>\b(?:{verbs})\b)(?!{entry['not_before']})")
    return CueRule(entry["name"], pattern, _confidence(entry["confidence"]))


def _penalty(entry: dict[str, Any]) -> Penalty:
    return Penalty(entry["name"], _compile(entry["pattern"]), float(entry["penalty"]))


def _compile(pattern: str) -> re.Pattern[str]:
    """A pattern for lower-case text (see recommendation_cues.lower_case); case-sensitive,
    because the engine skips ahead to a pattern's first letter only then."""
    letters = _NOT_LETTERS.sub("", pattern)
    if letters != letters.lower():
        raise ValueError(f"the pattern {pattern!r} is not in lower case")
    return re.compile(pattern)


def _confidence(value: Any) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"a confidence of {number} is outside 0..1")
    return number


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    if isinstance(error, KeyError):
        return _("the entry {entry} is missing").format(entry=error)
    return str(error)
